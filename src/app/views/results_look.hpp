#pragma once
// Internal to the results views (results.cpp, board.cpp): one look for the kiosk (dark, large)
// and the console and phones (light), and the lines they write with it.
#include <string>

#include "app/theme.hpp"
#include "app/views/views.hpp"

namespace palabre::app::views {

struct Look {
  bool kiosk;
  ImU32 text, muted, accent, card;
  ImFont* body;
  ImFont* title;
  ImFont* big() const { return theme::display_font(); }  // its atlas is built on first use
};

Look look_for(bool kiosk);
// " / 10005" after a count of people, where the screen knows the room's size.
std::string out_of(const Context& ctx, int participants);
std::string percent_text(int percent, int count);
ImU32 bar_colour(int index, const Look& look);
void heading(const Look& look, const std::string& text);
void line(const Look& look, const std::string& text, bool muted = true);
// The board's results and the board itself (views/board.cpp): zones, post-its at their places,
// dragged by their author or the host when `interactive`.
void board(Context& ctx, const core::Activity& a, const Look& look, float width, bool interactive);

}  // namespace palabre::app::views
