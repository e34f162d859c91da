// Text helpers the renderers share: wrapping, truncation, escaping.
#include <gtest/gtest.h>

#include "report/text.hpp"

namespace palabre::report::text {
namespace {

TEST(ReportText, GivenAccentedText_WhenMeasured_ThenCodePointsAreCounted) {
  EXPECT_EQ(length("idée"), 4u);
  EXPECT_EQ(length("★★"), 2u);
}

TEST(ReportText, GivenALongSentence_WhenWrapped_ThenNoLineIsLongerThanTheWidth) {
  const auto lines = wrap("non mais promis je le fais très vite et même demain", 12, 10);
  ASSERT_FALSE(lines.empty());
  for (const auto& line : lines) EXPECT_LE(length(line), 12u) << line;
  EXPECT_EQ(lines.front(), "non mais");
}

TEST(ReportText, GivenMoreTextThanLines_WhenWrapped_ThenTheLastLineEndsWithAnEllipsis) {
  const auto lines = wrap("un deux trois quatre cinq six sept huit", 10, 2);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines.back().ends_with("…"));
  EXPECT_LE(length(lines.back()), 10u);
}

TEST(ReportText, GivenAWordLongerThanALine_WhenWrapped_ThenItIsCut) {
  const auto lines = wrap("https://www.maisondesmetallos.paris", 10, 10);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines.front(), "https://ww");
}

TEST(ReportText, GivenMarkup_WhenEscapedForHtml_ThenNothingIsInterpreted) {
  EXPECT_EQ(html_escape("<b onclick=\"x\">'&'</b>"), "&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;");
}

TEST(ReportText, GivenMarkdownSyntax_WhenEscapedInline_ThenItStaysLiteral) {
  EXPECT_EQ(markdown_inline("# a|b *c*\nd"), "\\# a\\|b \\*c\\* d");
}

TEST(ReportText, GivenFractions_WhenWrittenForSvg_ThenTheyUseAPointAndAtMostTwoDecimals) {
  EXPECT_EQ(svg_number(12.0), "12");
  EXPECT_EQ(svg_number(3.14159), "3.14");
  EXPECT_EQ(svg_number(-0.5), "-0.5");
}

}  // namespace
}  // namespace palabre::report::text
