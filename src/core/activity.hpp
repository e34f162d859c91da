#pragma once
// Runtime state of activities: what participants did, keyed so that every rule (one vote per
// person, last survey answer counts, first correct attempt wins) is a lookup.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/activity_spec.hpp"
#include "core/figures.hpp"

namespace palabre::core {

enum class ActivityStatus { draft, running, stopped };
std::string_view to_string(ActivityStatus status);

struct Attempt {  // challenge
  std::int64_t seq = 0, at = 0;
  std::string by;
  std::string text;
  bool correct = false;
};

struct QuizResponse {
  std::int64_t seq = 0, at = 0;
  std::vector<int> choices;
  std::int64_t elapsed_ms = 0;  // from the question's showing
  bool correct = false;
  int points = 0;
};

struct SurveyResponse {
  std::int64_t seq = 0, at = 0;  // seq = item id for moderation (changes when re-answered)
  std::vector<int> choices;
  std::string text;
  int stars = 0;
  std::string comment;
  bool hidden = false;
  bool approved = true;  // open text: false while held for the host (controlled activity, blocked word)
};

struct Idea {  // brainstorm idea or board post-it
  std::int64_t id = 0, at = 0;
  std::string by;
  std::string text;
  int category = -1;  // index into spec.categories, -1 = none
  int x = 0, y = 0;   // board position (board units, 0..10000)
  std::string color;
  bool approved = true;  // false while held for the host (controlled activity, blocked word)
  bool hidden = false;
  std::set<std::string> likes;        // member ids
  std::map<std::string, int> dots;    // member id -> dots put on this idea
  int dot_total = 0;
};

struct Vote { std::int64_t seq = 0, at = 0; int stars = 0; };  // live rating

struct QnaQuestion {
  std::int64_t id = 0, at = 0;
  std::string by;
  std::string text;
  std::set<std::string> upvotes;
  bool answered = false;
  bool hidden = false;
  bool approved = true;  // false while held for the host (controlled activity, blocked word)
};

struct Activity {
  std::int64_t id = 0;  // seq of its activity.add
  ActivitySpec spec;
  ActivityStatus status = ActivityStatus::draft;
  std::int64_t started_at = 0;  // first start
  std::int64_t opened_at = 0;   // last start or reopen (timers count from here)
  std::int64_t stopped_at = 0;  // last stop
  bool revealed = false;

  // challenge
  std::vector<Attempt> attempts;  // in seq order
  std::int64_t winning_seq = 0;   // 0 = nobody has won yet
  // quiz
  int current_question = -1;
  std::vector<std::int64_t> question_shown_at;                 // per question
  std::vector<std::int64_t> question_deadline;                 // per question: answers after it are refused
  std::vector<std::int64_t> question_closed_at;                // per question: closed by the host (0: not)
  bool leaderboard_shown = false;                              // the host asked for the podium
  std::vector<std::map<std::string, QuizResponse>> quiz_answers;  // per question, by member id
  // survey
  std::vector<std::map<std::string, SurveyResponse>> survey_answers;  // per question, by member id
  // The question the kiosk shows (survey.show): an index, or -1 for the automatic cycle, which
  // counts its turns from `survey_shown_at` so that every screen is on the same question.
  int survey_shown = 0;
  std::int64_t survey_shown_at = 0;
  // brainstorm / board
  std::map<std::int64_t, Idea> ideas;      // by id
  std::map<std::string, int> dots_used;    // by member id
  bool locked = false;                     // board
  // rating
  std::map<std::string, Vote> votes;       // by member id
  // qna
  std::map<std::int64_t, QnaQuestion> questions;  // by id
  // presentation
  int page = 0;
  std::vector<std::string> notes;  // speaker notes per page (activity.notes): staff-only

  // The last accepted event that named this activity: a published figure older than it can't be checked.
  std::int64_t figures_seq = 0;
  // The room's figures as last published by the host (results.publish).
  std::optional<ActivityFigures> published;

  bool running() const { return status == ActivityStatus::running; }
  // Quiz: the question on screen takes answers (running, not closed by the host); its results wait.
  bool question_open() const {
    return running() && current_question >= 0 && std::size_t(current_question) < question_closed_at.size() &&
           question_closed_at[std::size_t(current_question)] == 0;
  }
};

}  // namespace palabre::core
