#pragma once
// What the host prepares: one activity's content (questions, answers, categories, pages).
// Shared by the plan format (plan.hpp) and the activity.add / activity.edit events.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace palabre::core {

enum class ActivityKind { challenge, quiz, survey, brainstorm, board, rating, qna, presentation };
enum class QuestionKind { single, multiple, open, ranking, rating };

struct SurveyQuestion {
  QuestionKind kind = QuestionKind::single;
  std::string text;
  std::string hint;                  // shown under the question (open questions especially)
  std::vector<std::string> choices;  // single/multiple: options; ranking: the items to order
  int max_choices = 0;               // multiple: at most this many (0 = no limit)
  int scale = 5;                     // rating: 1..scale stars
  bool comment = false;              // rating: a comment may go with the stars
  std::string image;                 // an image ref (is_image_ref), "" = none
  friend bool operator==(const SurveyQuestion&, const SurveyQuestion&) = default;
};

struct QuizQuestion {
  std::string text;
  std::vector<std::string> choices;
  std::vector<int> correct;  // indices into choices; an answer is right when it is exactly this set
  int limit_s = 20;          // seconds to answer, from the moment the question is shown
  std::string image;                        // an image ref, "" = none
  std::vector<std::string> choice_images;   // empty, or one image ref ("" = none) per choice
  friend bool operator==(const QuizQuestion&, const QuizQuestion&) = default;
};

struct Page {
  std::string title;
  std::string text;        // rich text (rich_text.hpp): line breaks, lists, **bold**
  std::string image;       // an image ref; logs made before blobs may hold a data: URI (≤ 256 KiB)
  std::string slide_text;  // an imported slide's own text: not drawn (its image shows it), kept for
                           // search, screen readers and the report
  std::string notes;       // speaker notes: in plan files only, never in activity.add (the host
                           // sends them staff-only, activity.notes)
  friend bool operator==(const Page&, const Page&) = default;
};

struct ActivitySpec {
  ActivityKind kind = ActivityKind::survey;
  std::string title;  // the question for challenge and rating, the prompt for brainstorm/board/qna
  std::string hint;   // e.g. "(jj/mm/aaaa)" or a board's instructions
  bool anonymous = false;  // answers counted, never attributed to a person
  // quiz: the accessible option (issue 19): no speed points (a right answer is worth 1000 whenever
  // it comes), twice each question's time; views never tell right from wrong by colour alone.
  bool accessible = false;
  int timer_s = 0;         // 0 = none; participants may act for timer_s seconds after (re)start
  std::vector<std::string> answers;        // challenge: accepted answers (normalized compare)
  std::vector<QuizQuestion> quiz;          // quiz
  std::vector<SurveyQuestion> questions;   // survey
  std::vector<std::string> categories;     // brainstorm / board (board: zones)
  bool controlled = false;                 // brainstorm, board, Q&A, survey: what people write waits for the host's approval
  int dot_budget = 0;                      // brainstorm / board: 0 = likes; > 0 = dots per person
  int scale = 5;                           // rating: 1..scale
  std::vector<Page> pages;                 // presentation
  std::string image;                       // challenge / brainstorm / board / rating / qna: the prompt's image ref
  friend bool operator==(const ActivitySpec&, const ActivitySpec&) = default;
};

// True when `edited` says what `current` says in other words: the same kind, questions, choices
// (as many, in the same order), right answers, limits and options; only titles, hints, question
// texts, choice labels, categories, images and pages' text differ. A started activity's typo can be
// corrected so (activity.edit); what answers mean cannot change under them.
bool only_wording_differs(const ActivitySpec& current, const ActivitySpec& edited);

// An image ref: the lowercase hex SHA-256 of a blob the room stores (docs/protocol.md, "Blobs").
bool is_image_ref(std::string_view text);
// Calls `f(ref)` on every image field of the spec (set or not), in reading order: the prompt's,
// each quiz question's then its choices', each survey question's, each page's. `Spec` is
// ActivitySpec or const ActivitySpec, so readers and renamers walk the same fields.
template <class Spec, class F>
void for_each_image(Spec& spec, F&& f) {
  f(spec.image);
  for (auto& q : spec.quiz) {
    f(q.image);
    for (auto& c : q.choice_images) f(c);
  }
  for (auto& q : spec.questions) f(q.image);
  for (auto& p : spec.pages) f(p.image);
}
// Every image ref the spec names, in reading order (duplicates kept).
std::vector<std::string> image_refs(const ActivitySpec& spec);

std::string_view to_string(ActivityKind kind);
std::string_view to_string(QuestionKind kind);
std::optional<ActivityKind> activity_kind_from_string(std::string_view text);
std::optional<QuestionKind> question_kind_from_string(std::string_view text);

}  // namespace palabre::core
