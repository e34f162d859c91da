// The board's geometry, shared by the app's board and the report's picture.
#include <gtest/gtest.h>

#include "core/board_layout.hpp"

using namespace palabre::core;

TEST(BoardLayout, GivenWideFrame_WhenZoned_ThenSideBySideAcrossTheWidth) {
  const auto zones = board_zones(3, 1000, 600, 10);
  ASSERT_EQ(zones.size(), 3u);
  EXPECT_DOUBLE_EQ(zones[0].x, 0);
  EXPECT_DOUBLE_EQ(zones[1].x, zones[0].width + 6);  // 0.6 unit apart
  EXPECT_DOUBLE_EQ(zones[2].x + zones[2].width, 1000);
  EXPECT_DOUBLE_EQ(zones[2].height, 600);
}

TEST(BoardLayout, GivenNarrowFrame_WhenZoned_ThenOneUnderAnother) {
  const auto zones = board_zones(3, 300, 600, 17);  // 3 zones of 11 units need 561 + gaps
  ASSERT_EQ(zones.size(), 3u);
  EXPECT_DOUBLE_EQ(zones[1].x, 0);
  EXPECT_DOUBLE_EQ(zones[1].width, 300);
  EXPECT_DOUBLE_EQ(zones[1].y, 17 * 11 + 17 * 0.6);
}

TEST(BoardLayout, GivenANarrowScreenThatNeverScrolls_WhenZoned_ThenTheStackFitsItsHeight) {
  const auto zones = board_zones(3, 300, 600, 17, 480);  // 3 × 11 units would need 626
  ASSERT_EQ(zones.size(), 3u);
  EXPECT_LE(zones[2].y + zones[2].height, 480.0 + 1e-9);
  EXPECT_GE(zones[0].height, 17 * 6.0);  // never shorter than 6 units
  const auto roomy = board_zones(3, 300, 600, 17, 2000);  // room enough: the usual 11 units
  EXPECT_DOUBLE_EQ(roomy[0].height, 17 * 11.0);
}

TEST(BoardLayout, GivenCornerPositions_WhenPlaced_ThenInsideTheZoneBelowItsTitle) {
  const BoardRect zone{100, 50, 400, 300};
  const BoardSize note{120, 40};
  const BoardPoint first = board_note_place(zone, note, 0, 0, 10);
  const BoardPoint last = board_note_place(zone, note, kBoardExtent, kBoardExtent, 10);
  EXPECT_DOUBLE_EQ(first.x, 104);
  EXPECT_DOUBLE_EQ(first.y, 72);
  EXPECT_DOUBLE_EQ(last.x + note.width, 496);
  EXPECT_DOUBLE_EQ(last.y + note.height, 346);
}

TEST(BoardLayout, GivenAPlace_WhenTurnedBackToAPosition_ThenTheSamePosition) {
  const BoardRect zone{0, 0, 533, 900};
  const BoardSize note{144, 104};
  const BoardPoint p = board_note_place(zone, note, 2500, 7300, 16);
  EXPECT_EQ(board_note_position(zone, note, p, 16), (std::pair<int, int>{2500, 7300}));
}

TEST(BoardLayout, GivenAPointBetweenZones_WhenLookedUp_ThenTheNearest) {
  const auto zones = board_zones(2, 1000, 600, 10);
  EXPECT_EQ(board_zone_at(zones, {zones[1].x + 1, 10}), 1);
  EXPECT_EQ(board_zone_at(zones, {zones[0].width + 1, 10}), 0);  // in the gap, nearer the first
}
