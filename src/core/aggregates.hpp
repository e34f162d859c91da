#pragma once
// Figures the views and the report show, computed from the state (never stored, so they can't
// drift). Locale-neutral: numbers only; formatting ("4,3", "3 %") belongs to the report layer.
#include <cstdint>
#include <string>
#include <vector>

#include "core/figures.hpp"
#include "core/session.hpp"

namespace palabre::core {

// Whole-number percentage rounded half up per value (so a set may sum to 99..101, as in the seed).
int percent(std::int64_t part, std::int64_t whole);
// Average in tenths, rounded half up: average_tenths(13, 3) == 43 (4.3).
int average_tenths(std::int64_t sum, std::int64_t count);

ChallengeFigures challenge_figures(const Session& session, const Activity& activity);
QuizFigures quiz_figures(const Session& session, const Activity& activity);
SurveyFigures survey_figures(const Session& session, const Activity& activity);
IdeaFigures idea_figures(const Session& session, const Activity& activity);
RatingFigures rating_figures(const Session& session, const Activity& activity);
QnaFigures qna_figures(const Session& session, const Activity& activity);

// What every screen of the room may see of an activity now (the host's and the kiosk's live
// figures, and what the host publishes to participants): its kind's figures, with a quiz's open
// question reduced to how many answered and its podium only once the host asked for it. Long idea
// lists are cut to the most liked (results.publish must fit one message).
ActivityFigures room_figures(const Session& session, const Activity& activity);
inline constexpr std::size_t published_ideas_max = 400, published_words_max = 60;

// The figures a screen of `session` draws: its own engine's (room_figures) when it sees every
// answer, else the host's last published ones (zeros, of the right shape, before any).
ActivityFigures shown_figures(const Session& session, const Activity& activity);
// Whether shown_figures() is up to date with what this session knows of the activity: always with
// every answer; on a phone, once the host published figures as of its latest event about it (a
// phone shows no figures rather than stale or empty ones).
bool shown_figures_current(const Session& session, const Activity& activity);

// How long the kiosk's automatic survey cycle keeps each question on screen.
inline constexpr std::int64_t survey_cycle_ms = 10000;
// The survey question every screen shows as "on the kiosk" at `now_ms` (relay clock): the one the
// host chose with survey.show, or in the automatic cycle each question that has answers in turn,
// survey_cycle_ms each, counted from the survey.show that started it (questions without answers are
// skipped; the first question while none has any). -1 for a survey without questions.
int survey_question_on_screen(const Activity& survey, const SurveyFigures& figures, std::int64_t now_ms);
// Milliseconds from `now_ms` to the automatic cycle's next turn; 0 when the survey is not cycling.
std::int64_t survey_next_turn_in_ms(const Activity& survey, std::int64_t now_ms);

// Borda count over rankings (each a permutation of 0..n-1, best first): item at position k gets
// n-1-k points. Returns item indices by points desc, ties broken by the lower index.
std::vector<int> borda_order(const std::vector<std::vector<int>>& rankings, int n, std::vector<int>* points = nullptr);

}  // namespace palabre::core
