#pragma once
// The figures screens and the report show of an activity (computed in aggregates.hpp) and the
// room's figures a host publishes (results.publish) for participants, whose engines see only their
// own answers: plain values, compared whole, so a replay can check what was published.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/activity_spec.hpp"

namespace palabre::core {

struct ChoiceFigure {
  int count = 0;
  int percent = 0;  // of the question's respondents
  bool operator==(const ChoiceFigure&) const = default;
};

struct ChallengeFigures {
  bool won = false;
  std::string winner;        // member id ("" when nobody won)
  int attempts = 0;          // in all
  int winner_attempts = 0;   // the winner's, the winning one included
  std::int64_t seconds_to_win = 0;  // from the first start to the winning attempt
  int people_attempted = 0;
  int participants = 0;             // session participants
  int participation_percent = 0;    // people_attempted / participants
  std::int64_t winning_seq = 0;     // seq of the winning attempt (0: none)
  std::string answer;               // the winning attempt's text
  bool operator==(const ChallengeFigures&) const = default;
};

struct QuestionFigures {
  int respondents = 0;
  std::vector<ChoiceFigure> choices;  // single/multiple: per choice
  std::vector<int> ranking;           // ranking: item indices, best first (Borda, ties by item order)
  std::vector<int> borda_points;      // ranking: per item
  int ratings = 0;                    // rating: number of stars given
  int average_tenths = 0;             // rating: average stars × 10
  std::vector<int> per_star;          // rating: count per star value 1..scale
  bool operator==(const QuestionFigures&) const = default;
};

struct SurveyFigures {
  int respondents = 0;     // distinct people who answered at least one question
  int participants = 0;    // session participants
  std::vector<QuestionFigures> questions;
  bool operator==(const SurveyFigures&) const = default;
};

struct LeaderboardRow {
  std::string who;  // member id ("" in anonymous quizzes)
  int points = 0;
  int correct = 0;
  bool operator==(const LeaderboardRow&) const = default;
};

struct QuizFigures {
  int respondents = 0;
  int participants = 0;
  std::vector<int> answered;         // per question
  std::vector<int> correct;          // per question
  std::vector<int> correct_percent;  // per question, of those who answered it
  std::vector<std::vector<int>> picks;          // per question, per choice: people who picked it
  std::vector<std::vector<int>> picks_percent;  // the same, rounded per choice over those who answered
  std::vector<LeaderboardRow> leaderboard;  // by points desc, then correct desc, then join order
  bool operator==(const QuizFigures&) const = default;
};

struct CategoryFigures {
  std::string name;  // "" for ideas without a category
  int ideas = 0;
  int likes = 0;     // likes (or dots) on those ideas
  bool operator==(const CategoryFigures&) const = default;
};

struct IdeaFigures {
  int ideas = 0;          // visible ideas (approved, not hidden)
  int pending = 0;        // waiting for approval
  int contributors = 0;   // distinct people who posted, liked or voted
  int participants = 0;   // session participants
  std::vector<CategoryFigures> categories;  // spec order, then "no category" when used
  std::vector<std::int64_t> by_likes;       // visible idea ids, most liked first, ties by id
  // Word cloud: every visible idea grouped by its folded form (normalize_answer: case, accents,
  // spaces), a phrase staying one entry; shown in its most frequent spelling (ties: the first
  // seen); most frequent first, ties by first appearance.
  std::vector<std::pair<std::string, int>> words;
  // A brainstorm shows as a word cloud (not post-its) when it has ideas, no categories to sort them
  // into, and at least three in four of them are one or two words: one sentence among words
  // leaves it a cloud, a prompt answered in sentences does not become one.
  bool cloud = false;
  std::map<std::int64_t, int> likes;        // visible idea id -> likes (or dots), when not 0
  bool operator==(const IdeaFigures&) const = default;
};

struct RatingFigures {
  int votes = 0;
  int participants = 0;
  int average_tenths = 0;
  std::vector<int> per_star;  // 1..scale
  bool operator==(const RatingFigures&) const = default;
};

struct QnaFigures {
  int questions = 0;  // visible
  int answered = 0;
  std::vector<std::int64_t> by_votes;  // visible question ids, most upvoted first, ties by id
  std::map<std::int64_t, int> upvotes;  // visible question id -> upvotes, when not 0
  bool operator==(const QnaFigures&) const = default;
};

// Everything any screen draws of one activity's results; only the part of its kind is filled.
// `as_of` is the publisher's last applied seq (0 in computed figures).
struct ActivityFigures {
  ActivityKind kind = ActivityKind::survey;
  std::int64_t as_of = 0;
  ChallengeFigures challenge;
  QuizFigures quiz;
  SurveyFigures survey;
  IdeaFigures ideas;
  RatingFigures rating;
  QnaFigures qna;
  bool operator==(const ActivityFigures&) const = default;
};

}  // namespace palabre::core
