// Board geometry shared by the app's board view and the report's board picture.
#include "core/board_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace palabre::core {

namespace {
constexpr double kGap = 0.6;           // between zones
constexpr double kMinZoneWidth = 11;   // narrower zones go one under another
constexpr double kStackedHeight = 11;  // a zone's height when stacked
constexpr double kSide = 0.4;          // a zone's margin on the sides and at the bottom
constexpr double kTop = 2.2;           // above the post-its: the zone's title

// The room a post-it's top-left corner moves in (never zero: the inverse divides by it).
BoardSize room(const BoardRect& zone, BoardSize size, double unit) {
  return {std::max(1.0, zone.width - size.width - unit * kSide * 2), std::max(1.0, zone.height - size.height - unit * (kTop + kSide))};
}
}  // namespace

std::vector<BoardRect> board_zones(int count, double width, double height, double unit, double fit_height) {
  count = std::max(1, count);
  const double gap = unit * kGap;
  std::vector<BoardRect> zones;
  const double side_width = (width - gap * (count - 1)) / count;
  if (count > 1 && side_width < unit * kMinZoneWidth) {
    double stacked = unit * kStackedHeight;
    if (fit_height > 0)
      stacked = std::clamp((fit_height - gap * (count - 1)) / count, unit * 6.0, stacked);
    for (int z = 0; z < count; ++z) zones.push_back({0, z * (stacked + gap), width, stacked});
    return zones;
  }
  for (int z = 0; z < count; ++z) zones.push_back({z * (side_width + gap), 0, side_width, height});
  return zones;
}

double board_note_width(const BoardRect& zone, double unit, double max_units) {
  return std::min(zone.width * 0.45, unit * max_units);
}

BoardPoint board_note_place(const BoardRect& zone, BoardSize size, int x, int y, double unit) {
  const BoardSize r = room(zone, size, unit);
  const auto fraction = [](int v) { return std::clamp(v, 0, kBoardExtent) / double(kBoardExtent); };
  return {zone.x + unit * kSide + r.width * fraction(x), zone.y + unit * kTop + r.height * fraction(y)};
}

std::pair<int, int> board_note_position(const BoardRect& zone, BoardSize size, BoardPoint top_left, double unit) {
  const BoardSize r = room(zone, size, unit);
  const auto units = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * kBoardExtent)); };
  return {units((top_left.x - zone.x - unit * kSide) / r.width), units((top_left.y - zone.y - unit * kTop) / r.height)};
}

int board_zone_at(const std::vector<BoardRect>& zones, BoardPoint p) {
  int best = 0;
  double best_d = std::numeric_limits<double>::max();
  for (std::size_t z = 0; z < zones.size(); ++z) {
    const BoardRect& r = zones[z];
    const double dx = std::max({r.x - p.x, 0.0, p.x - (r.x + r.width)});
    const double dy = std::max({r.y - p.y, 0.0, p.y - (r.y + r.height)});
    if (dx * dx + dy * dy < best_d) best_d = dx * dx + dy * dy, best = static_cast<int>(z);
  }
  return best;
}

}  // namespace palabre::core
