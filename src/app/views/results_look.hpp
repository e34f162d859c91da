#pragma once
// Internal to the results views (results.cpp, results_scored.cpp, results_survey.cpp, board.cpp):
// one look for the kiosk (dark, large) and the console and phones (light), and the lines and bars
// they draw with it.
#include <string>
#include <vector>

#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "core/figures.hpp"

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
// The kiosk never scrolls: whether one more line fits, and "+ N autres" for those that do not.
bool room_for_line(const Look& look);
void more_line(const Look& look, int more);
// One bar per choice (the kiosk: up to three columns, then the most chosen and "+ N autres");
// `correct` marks a quiz's right answers.
void choice_bars(const Look& look, ImGuiID seed, const std::vector<std::string>& labels, const std::vector<core::ChoiceFigure>& figures,
                 float width, const std::vector<int>* correct = nullptr);
// Bars per star value, best first; `compact`: the kiosk's smaller bars (a survey question's).
void star_bars(const Look& look, ImGuiID seed, int scale, const std::vector<int>& per_star, int votes, float width,
               bool compact = false);
// Per kind: views/results_scored.cpp (challenge, quiz), views/results_survey.cpp.
void challenge(Context& ctx, const core::Activity& a, const Look& look, float width);
void quiz(Context& ctx, const core::Activity& a, const Look& look, float width);
void survey(Context& ctx, const core::Activity& a, const Look& look, float width);
// The board's results and the board itself (views/board.cpp): zones, post-its at their places,
// dragged by their author or the host when `interactive`.
void board(Context& ctx, const core::Activity& a, const Look& look, float width, bool interactive);

}  // namespace palabre::app::views
