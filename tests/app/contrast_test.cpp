// The participant's and the kiosk's colours meet WCAG 2.1 AA where they are text on a background
// (issue 19): 4.5 to 1 for body text. The canvas is beyond axe-core's reach, so the palette itself
// is checked here, by WCAG's relative luminance.
#include <gtest/gtest.h>

#include <cmath>

#include "app/theme.hpp"

namespace {
double channel(unsigned v) {
  const double c = v / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {
  return 0.2126 * channel(c >> IM_COL32_R_SHIFT & 0xFF) + 0.7152 * channel(c >> IM_COL32_G_SHIFT & 0xFF) +
         0.0722 * channel(c >> IM_COL32_B_SHIFT & 0xFF);
}
double contrast(ImU32 a, ImU32 b) {
  const double x = luminance(a), y = luminance(b);
  return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}
}  // namespace

TEST(Contrast, GivenTheLightTheme_WhenTextIsDrawnOnAPageOrCard_ThenItMeetsAA) {
  using namespace palabre::app::theme::colour;
  const ImU32 white = IM_COL32(255, 255, 255, 255);
  for (const ImU32 text : {ink, muted, accent, live, ok})
    for (const ImU32 background : {page, card})
      EXPECT_GE(contrast(text, background), 4.5) << std::hex << text << " on " << background;
  EXPECT_GE(contrast(accent, accent_soft), 4.5);  // a picked choice, a secondary button
  EXPECT_GE(contrast(muted, accent_soft), 4.5);
  EXPECT_GE(contrast(white, accent), 4.5);        // a primary button
  EXPECT_GE(contrast(white, live), 4.5);
}

TEST(Contrast, GivenTheKiosk_WhenTextIsDrawnOnItsPageOrCards_ThenItMeetsAA) {
  using namespace palabre::app::theme::colour;
  for (const ImU32 text : {kiosk_text, kiosk_muted})
    for (const ImU32 background : {kiosk_page, kiosk_card}) EXPECT_GE(contrast(text, background), 4.5);
}
