#pragma once
// The session report as a plain value: what a compte-rendu shows, independent of core's state
// layout. The mapping (from_session.hpp) fills it from a core::Session; the renderers
// (render.hpp) turn it into HTML, Markdown, CSV or JSON. Figures here are read from core's
// aggregates, never recomputed by a renderer.
//
// [SECTION] Common values (moments, dates, participation, headline)
// [SECTION] Activity details (challenge, quiz, survey, brainstorm, board, rating, qna)
// [SECTION] Raw records (one CSV row each)
// [SECTION] Activity, presentation, message, report
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace palabre::report {

// Version of the JSON form of this model (docs/report.md "JSON schema"). Bump on any breaking change.
inline constexpr int kReportSchemaVersion = 1;

enum class Lang { fr, en };

// [SECTION] Common values ------------------------------------------------------------------------

// An instant, with the session time zone's UTC offset at that instant (from core's time-zone
// conversion), so a renderer can show local wall-clock time without any tz knowledge.
struct Moment {
  std::int64_t utc_ms = 0;
  std::int32_t offset_minutes = 0;
  bool known() const { return utc_ms != 0; }
};

// A civil date; year 0 means "no date".
struct Date {
  int year = 0, month = 0, day = 0;
  bool known() const { return year != 0; }
};

// Who took part in an activity: distinct people over the session's participants.
struct Participation {
  int took_part = 0;
  int session_participants = 0;
  int percent = 0;  // whole number, as core rounds it
};

// The figure shown beside an activity in the summary list ("46 idées", "37 /71 votes", …).
enum class HeadlineKind { none, answer, questions, ideas, ideas_posted, votes_over_participants, players };
struct Headline {
  HeadlineKind kind = HeadlineKind::none;
  std::int64_t value = 0;
  std::int64_t total = 0;  // votes_over_participants: the session's participants
  std::string text;        // answer: the winning answer
};

// [SECTION] Activity details ---------------------------------------------------------------------

// One choice of a choice question, with core's count and rounded percentage.
struct Choice {
  std::string label;
  int count = 0;
  int percent = 0;
  bool correct = false;  // quiz only
};

// Something a participant wrote, with its author ("" when the activity is anonymous).
struct Authored {
  std::string author;
  std::string text;
  Moment at;
};

struct ChallengeDetail {
  std::string question;
  std::string hint;         // e.g. "(jj/mm/aaaa)"
  std::string answer;       // the winning answer as typed, or the expected one when nobody won
  bool won = false;
  std::string winner;       // "" when nobody won (or anonymous)
  int attempts = 0;         // attempts in all
  int winner_attempts = 0;  // the winner's own attempts
  std::int64_t seconds_to_win = 0;
};

struct QuizQuestion {
  int number = 0;
  std::string text;
  std::vector<Choice> choices;
  int answered = 0;
  int correct = 0;
  int percent_correct = 0;
  int time_limit_seconds = 0;
};
struct LeaderboardRow {
  int rank = 0;
  std::string name;
  std::int64_t points = 0;
  int correct_answers = 0;
};
struct QuizDetail {
  std::vector<QuizQuestion> questions;
  std::vector<LeaderboardRow> leaderboard;  // best first; ties share a rank
};

enum class QuestionKind { single_choice, multiple_choice, open, ranking, rating };
struct RankedItem {
  int position = 0;
  std::string label;
  std::int64_t score = 0;  // Borda points
};
struct RatingSummary {
  int scale = 5;
  int average_tenths = 0;         // 43 → "4,3"
  int votes = 0;
  std::vector<int> distribution;  // votes per star, index 0 = 1 star
};
struct SurveyQuestion {
  int number = 0;
  QuestionKind kind = QuestionKind::single_choice;
  std::string text;
  std::string hint;
  int respondents = 0;
  int max_choices = 0;               // multiple choice: 0 = no limit
  std::vector<Choice> choices;       // single/multiple choice
  std::vector<Authored> answers;     // open
  std::vector<RankedItem> ranking;   // ranking, aggregated order
  RatingSummary rating;              // rating
  std::vector<Authored> comments;    // rating with comments
};
struct SurveyDetail {
  std::vector<SurveyQuestion> questions;
};

struct Idea {
  std::string text;
  std::string author;  // "" when anonymous
  std::string category;
  int likes = 0;
  Moment at;
};
struct IdeaGroup {
  std::string category;  // "" = uncategorised
  std::vector<Idea> ideas;
};
// One entry of a word cloud: a word or phrase in its most frequent spelling, and how many posted it.
struct WordCount {
  std::string text;
  int count = 0;
};
struct BrainstormDetail {
  std::string prompt;
  bool one_word = false;          // core's IdeaFigures::cloud: shown as a word cloud too
  int idea_count = 0;
  std::vector<IdeaGroup> groups;  // in the plan's category order
  std::vector<WordCount> words;   // core's IdeaFigures::words: most frequent first
};

struct BoardZone {
  std::string label;
  std::string colour;  // "#rrggbb"
  double x = 0, y = 0, width = 0, height = 0;
};
struct BoardNote {
  std::string text;
  std::string author;
  std::string category;
  std::string colour;
  double x = 0, y = 0;  // top-left corner in the picture, placed in its zone by core's board geometry
  int likes = 0;
  double width = 0, height = 0;  // in the picture
};
// The board as the app draws it (core/board_layout.hpp), in a picture `width` × `height` whose
// text size is `unit`; post-its without a zone (no category on a board that has some) are left out
// of the picture, as in the app, and listed in `groups`.
struct BoardDetail {
  std::string prompt;
  double width = 1000, height = 600;
  double unit = 16;
  std::vector<BoardZone> zones;
  std::vector<BoardNote> notes;
  int idea_count = 0;
  std::vector<IdeaGroup> groups;
};

struct RatingDetail {
  std::string question;
  RatingSummary rating;
};

struct QnaQuestion {
  std::string text;
  std::string author;  // "" when anonymous
  int votes = 0;
  bool answered = false;
  Moment at;
};
struct QnaDetail {
  std::vector<QnaQuestion> questions;  // most voted first
};

using Detail = std::variant<ChallengeDetail, QuizDetail, SurveyDetail, BrainstormDetail, BoardDetail,
                            RatingDetail, QnaDetail>;

// [SECTION] Raw records ---------------------------------------------------------------------------

// One answer, idea, vote, like, message…: one CSV row.
enum class RecordKind { attempt, answer, comment, idea, like, vote, question, upvote, message };
struct Record {
  RecordKind kind = RecordKind::answer;
  std::string question;     // question text, or idea text for likes
  std::string participant;  // "" when anonymous
  std::string value;
  Moment at;
};

// [SECTION] Activity, presentation, message, report ---------------------------------------------

enum class ActivityKind { challenge, quiz, survey, brainstorm, board, rating, qna };

// An image the report embeds (issue 18): the room's blob, by its ref, with its bytes as base64 so
// that the HTML stays one self-contained file.
struct EmbeddedImage {
  std::string ref;     // the blob's SHA-256 (core::is_image_ref)
  std::string mime;    // "image/png", "image/jpeg", "image/gif", "image/webp"
  std::string base64;  // "" when the report's maker did not have the bytes
};

struct Activity {
  std::string id;            // stable anchor: "a1", "a2", … in plan order
  std::string title;
  std::string instructions;  // the host's description / hint shown to participants
  bool anonymous = false;
  Participation participation;
  Headline headline;
  Detail detail;
  std::vector<Record> records;
  std::vector<EmbeddedImage> images;  // what the activity showed: its prompt's, questions' and choices' pictures
  ActivityKind kind() const { return static_cast<ActivityKind>(detail.index()); }
};

struct Page {
  int number = 0;
  std::string title;
  std::string text;
  std::string image_mime;    // "image/png" / "image/jpeg", "" = no image
  std::string image_base64;  // embedded as a data: URI, never fetched
  std::string image_ref;     // the blob it came from ("" for an image inline in an old log)
  std::string slide_text;    // an imported slide's own text (kept for search)
};
struct Presentation {
  std::string id;
  std::string title;
  std::vector<Page> pages;
};

struct Header {
  std::string title;
  std::string host;
  Date date;
  std::string description;
  std::string timezone;
  int participants = 0;
  int removed = 0;  // participants the host removed (core::Session::removed and ::removals)
  int hidden = 0;   // their contributions those removals hid
};

struct Report {
  Lang lang = Lang::fr;
  Header header;
  std::vector<Activity> activities;
  std::vector<Presentation> presentations;
  std::vector<Authored> messages;  // visible messages, in order
  // Log lines whose event no engine could read (core::LogContents::skipped): listed in an appendix,
  // so one participant's malformed event is visible without costing the report.
  struct LeftOut {
    std::size_t line = 0;
    std::int64_t seq = 0;
    std::string reason;
  };
  std::vector<LeftOut> left_out;
};

// One line of the table of contents; `anchor` is the HTML id of the section.
struct TocEntry {
  std::string anchor;
  std::string label;
  int level = 1;
};
// The table of contents as the seed's Sommaire: Compte-rendu, Activités (one entry per activity),
// Présentations, Messages — sections that are empty are left out.
std::vector<TocEntry> table_of_contents(const Report& report);

// Records plus messages: what a report's size grows with, so renderers reserve their output once
// instead of copying megabytes while growing.
std::size_t record_count(const Report& report);

std::string_view to_string(ActivityKind kind);   // "challenge", "survey", … (JSON and CSV)
std::string_view to_string(QuestionKind kind);   // "single_choice", …
std::string_view to_string(RecordKind kind);     // "answer", "idea", …
std::string_view to_string(HeadlineKind kind);   // "ideas", …
std::string_view to_string(Lang lang);           // "fr" / "en"

}  // namespace palabre::report
