#pragma once
// Where a board's zones and post-its are drawn: one geometry for the app's board and the report's
// picture, so that the same log draws the same board in both. Pure arithmetic on a frame the caller
// gives, in the caller's units (CSS pixels, SVG units); margins scale with `unit`, the text size.
#include <utility>
#include <vector>

namespace palabre::core {

// A post-it's position (Idea::x, Idea::y) runs over 0..kBoardExtent inside its category's zone.
inline constexpr int kBoardExtent = 10000;

struct BoardRect { double x = 0, y = 0, width = 0, height = 0; };
struct BoardPoint { double x = 0, y = 0; };
struct BoardSize { double width = 0, height = 0; };

// Zones of `count` categories (at least one) in a frame `width` wide with its top-left at (0, 0),
// 0.6 unit apart: side by side and `height` tall when each is at least 11 units wide, else one
// under another, each 11 units tall (a phone) — shorter, down to 6 units, when `fit_height` says
// how tall the stack may be (a screen that never scrolls).
std::vector<BoardRect> board_zones(int count, double width, double height, double unit, double fit_height = 0);
// A post-it's width in `zone`: under half the zone, at most `max_units` units.
double board_note_width(const BoardRect& zone, double unit, double max_units);
// Top-left corner of a post-it of `size` at position (x, y) in `zone`: 0.4 unit from the zone's
// sides and bottom, 2.2 units from its top (the zone's title); positions are clamped to the extent.
BoardPoint board_note_place(const BoardRect& zone, BoardSize size, int x, int y, double unit);
// The inverse: the position of a post-it of `size` whose top-left corner is at `top_left` in `zone`.
std::pair<int, int> board_note_position(const BoardRect& zone, BoardSize size, BoardPoint top_left, double unit);
// The zone holding `p`, or the nearest one (0 when there is none).
int board_zone_at(const std::vector<BoardRect>& zones, BoardPoint p);

}  // namespace palabre::core
