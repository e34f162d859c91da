#pragma once
// Inline SVG pictures for the HTML report (internal to src/report): bar charts, rating
// distribution, podium, board. Text stays at its real pixel size (bars are sized in %, not by a
// scaled viewBox) so charts stay readable on a phone.
#include <string>
#include <vector>

#include "report/model.hpp"

namespace palabre::report::svg {

// Horizontal bars, one per choice: label (wrapped) with "36 % · 16" at the right, bar below.
// Correct quiz choices are drawn in green with a check mark.
std::string choice_bars(const std::vector<Choice>& choices, Lang lang, std::string_view title);
// Votes per star, highest star first.
std::string rating_bars(const RatingSummary& rating, Lang lang, std::string_view title);
// Ranking: aggregated order with each item's Borda points as a bar.
std::string ranking_bars(const std::vector<RankedItem>& ranking, Lang lang, std::string_view title);
// The three best of a leaderboard on steps (2nd, 1st, 3rd).
std::string podium(const std::vector<LeaderboardRow>& leaderboard, Lang lang, std::string_view title);
// The board: zones as labelled rectangles, post-its at their positions with their wrapped text.
std::string board(const BoardDetail& board, std::string_view title);

}  // namespace palabre::report::svg
