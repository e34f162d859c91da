// Rating distributions: each bar is its share of all votes, never scaled to the largest count
// (ten votes spread one per star value must not draw ten full bars).
#include <gtest/gtest.h>

#include "report/render.hpp"
#include "report/svg.hpp"

namespace palabre::report {
namespace {

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Ten votes on a scale of ten, one per star value.
RatingSummary one_vote_per_star() { return {10, 55, 10, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}; }

TEST(ReportRatingBars, GivenOneVoteAmongTen_WhenDrawnAsSvg_ThenItsBarIsATenthWide) {
  const std::string svg = svg::rating_bars(one_vote_per_star(), Lang::fr, "Répartition");
  EXPECT_TRUE(has(svg, "width=\"10%\" height=\"10\" rx=\"5\" fill=\"#4f46e5\"")) << svg;
  EXPECT_FALSE(has(svg, "width=\"100%\" height=\"10\" rx=\"5\" fill=\"#4f46e5\"")) << svg;
}

TEST(ReportRatingBars, GivenOneVoteAmongTen_WhenWrittenAsMarkdown_ThenItsBarIsATenthFull) {
  Report report;
  Activity vote;
  vote.id = "a1";
  vote.title = "Votre avis ?";
  vote.detail = RatingDetail{"Votre avis ?", one_vote_per_star()};
  report.activities.push_back(vote);
  const std::string md = render_markdown(report);
  EXPECT_TRUE(has(md, "| 10 | 1 | ██░░░░░░░░░░░░░░░░░░ |")) << md;
  EXPECT_FALSE(has(md, "████████████████████")) << md;
}

}  // namespace
}  // namespace palabre::report
