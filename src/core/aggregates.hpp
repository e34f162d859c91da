#pragma once
// Figures the views and the report show, computed from the state (never stored, so they can't
// drift). Locale-neutral: numbers only; formatting ("4,3", "3 %") belongs to the report layer.
#include <cstdint>
#include <string>
#include <vector>

#include "core/session.hpp"

namespace palabre::core {

// Whole-number percentage rounded half up per value (so a set may sum to 99..101, as in the seed).
int percent(std::int64_t part, std::int64_t whole);
// Average in tenths, rounded half up: average_tenths(13, 3) == 43 (4.3).
int average_tenths(std::int64_t sum, std::int64_t count);

struct ChoiceFigure {
  int count = 0;
  int percent = 0;  // of the question's respondents
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
};

struct QuestionFigures {
  int respondents = 0;
  std::vector<ChoiceFigure> choices;  // single/multiple: per choice
  std::vector<int> ranking;           // ranking: item indices, best first (Borda, ties by item order)
  std::vector<int> borda_points;      // ranking: per item
  int ratings = 0;                    // rating: number of stars given
  int average_tenths = 0;             // rating: average stars × 10
  std::vector<int> per_star;          // rating: count per star value 1..scale
};

struct SurveyFigures {
  int respondents = 0;     // distinct people who answered at least one question
  int participants = 0;    // session participants
  std::vector<QuestionFigures> questions;
};

struct LeaderboardRow {
  std::string who;  // member id ("" in anonymous quizzes)
  int points = 0;
  int correct = 0;
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
};

struct CategoryFigures {
  std::string name;  // "" for ideas without a category
  int ideas = 0;
  int likes = 0;     // likes (or dots) on those ideas
};

struct IdeaFigures {
  int ideas = 0;          // visible ideas (approved, not hidden)
  int pending = 0;        // waiting for approval
  int contributors = 0;   // distinct people who posted, liked or voted
  int participants = 0;   // session participants
  std::vector<CategoryFigures> categories;  // spec order, then "no category" when used
  std::vector<std::int64_t> by_likes;       // visible idea ids, most liked first, ties by id
  // Word cloud for one-word prompts: visible one-word ideas grouped by normalized form (case,
  // accents), shown as first written; most frequent first, ties by first appearance.
  std::vector<std::pair<std::string, int>> words;
};

struct RatingFigures {
  int votes = 0;
  int participants = 0;
  int average_tenths = 0;
  std::vector<int> per_star;  // 1..scale
};

struct QnaFigures {
  int questions = 0;  // visible
  int answered = 0;
  std::vector<std::int64_t> by_votes;  // visible question ids, most upvoted first, ties by id
};

ChallengeFigures challenge_figures(const Session& session, const Activity& activity);
QuizFigures quiz_figures(const Session& session, const Activity& activity);
SurveyFigures survey_figures(const Session& session, const Activity& activity);
IdeaFigures idea_figures(const Session& session, const Activity& activity);
RatingFigures rating_figures(const Session& session, const Activity& activity);
QnaFigures qna_figures(const Session& session, const Activity& activity);

// Borda count over rankings (each a permutation of 0..n-1, best first): item at position k gets
// n-1-k points. Returns item indices by points desc, ties broken by the lower index.
std::vector<int> borda_order(const std::vector<std::vector<int>>& rankings, int n, std::vector<int>* points = nullptr);

}  // namespace palabre::core
