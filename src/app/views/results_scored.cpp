// Results of the scored activities, for the console, the kiosk and phones: the challenge's winner and
// attempts, the quiz's question figures, leaderboard and podium. Part of the results views (results.cpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "app/icons.hpp"
#include "app/images.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/results_look.hpp"
#include "app/views/views.hpp"
#include "core/aggregates.hpp"
#include "imgui_internal.h"

namespace palabre::app::views {

void challenge(Context& ctx, const core::Activity& a, const Look& look, float width) {
  const core::ChallengeFigures& fig = figures_of(ctx.session, a).challenge;
  if (fig.won) {
    const std::string who = fig.winner.empty() ? std::string(tr(S::challenge_over)) : ctx.session.display_name(fig.winner);
    ui::text_in(look.big(), std::string(icon::trophy) + "  " + who, theme::colour::live, false);
    line(look, tr(S::winning_answer) + std::string(" « ") + fig.answer + " »", false);  // the name is just above
    line(look, std::to_string(fig.seconds_to_win) + " " + tr(S::seconds) + " · " + std::to_string(fig.winner_attempts) + " / " +
                   std::to_string(fig.attempts) + " " + trn(S::attempts, fig.attempts) + " · " + std::to_string(fig.participation_percent) +
                   " % " + tr(S::participation));
  } else {
    const float n = ui::animate(ImGui::GetID("attempts"), static_cast<float>(fig.attempts));
    ui::text_in(look.big(), std::to_string(static_cast<int>(std::lround(n))), look.accent);
    line(look, std::string(trn(S::attempts, fig.attempts)) + " · " + std::to_string(fig.participation_percent) + " % " + tr(S::participation));
    if (!look.kiosk && ctx.identity.role == core::Role::host) {  // the host sees who tries what
      ui::gap(theme::fonts().base_px * 0.3f);
      for (auto it = a.attempts.rbegin(); it != a.attempts.rend() && it - a.attempts.rbegin() < 6; ++it)
        line(look, ctx.session.display_name(it->by) + " : " + it->text);
    }
  }
  (void)width;
}

namespace {

// The top three on steps (second, first, third), their names and points above; the steps grow
// to their height when they first show.
void podium(Context& ctx, const std::vector<core::LeaderboardRow>& rows, const Look& look, float width) {
  const float base = theme::fonts().base_px;
  const float step_w = std::min(width / 3.0f, base * (look.kiosk ? 9.0f : 8.0f));
  const float full_h = base * (look.kiosk ? 5.0f : 4.0f);
  const float heights[] = {1.0f, 0.72f, 0.5f};
  const int order[] = {1, 0, 2};
  static const ImU32 medal[] = {IM_COL32(250, 191, 36, 255), IM_COL32(203, 213, 225, 255), IM_COL32(217, 144, 88, 255)};
  ImFont* name_font = look.kiosk ? theme::fonts().heading : theme::fonts().strong;
  const float name_fs = name_font->FontSize * ImGui::GetIO().FontGlobalScale * (look.kiosk ? 0.8f : 1.0f);
  ImFont* fig_font = theme::fonts().body;
  const float fig_fs = fig_font->FontSize * ImGui::GetIO().FontGlobalScale;
  const float label_h = name_fs * 2.3f + fig_fs + base * 0.5f;  // names may take two lines
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float left = origin.x + (width - 3 * step_w) * 0.5f;
  const float floor_y = origin.y + label_h + full_h;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int slot = 0; slot < 3; ++slot) {
    const int rank = order[slot];
    if (rank >= static_cast<int>(rows.size())) continue;
    const auto& row = rows[static_cast<std::size_t>(rank)];
    const float grow = ui::animate(ImGui::GetID(("podium" + std::to_string(rank)).c_str()), 1.0f);
    const float h = full_h * heights[rank] * std::max(grow, 0.05f);
    const float x = left + slot * step_w;
    const ImVec2 top(x + base * 0.2f, floor_y - h);
    draw->AddRectFilled(top, ImVec2(x + step_w - base * 0.2f, floor_y), medal[rank], base * 0.4f, ImDrawFlags_RoundCornersTop);
    const std::string place = std::to_string(rank + 1);
    const float pw = theme::fonts().heading->CalcTextSizeA(name_fs, FLT_MAX, 0, place.c_str()).x;
    if (h > name_fs) ui::draw_text(draw, theme::fonts().heading, name_fs, ImVec2(x + (step_w - pw) * 0.5f, top.y + base * 0.3f), IM_COL32(40, 30, 10, 230), place);
    std::string name = row.who.empty() ? std::string("—") : ctx.session.display_name(row.who);
    const float avail = step_w - base * 0.4f;
    // A name is never broken inside a word ("Dupré-Lefè/vre"): set smaller until its longest word
    // fits, down to 65 %; past two lines, or still too wide, it is shortened with "…".
    float fs = name_fs;
    float widest = 0;
    for (std::size_t from = 0; from < name.size();) {
      const std::size_t to = std::min(name.find(' ', from), name.size());
      widest = std::max(widest, name_font->CalcTextSizeA(fs, FLT_MAX, 0, name.data() + from, name.data() + to).x);
      from = to + 1;
    }
    if (widest > avail) fs = std::max(name_fs * 0.65f, fs * avail / widest);
    ImVec2 ns = name_font->CalcTextSizeA(fs, FLT_MAX, avail, name.c_str());
    if (widest * fs / name_fs > avail + 0.5f || ns.y > fs * 2.3f) {
      ImGui::PushFont(name_font);
      ImGui::SetWindowFontScale(fs / ImGui::GetFontSize());
      name = ui::ellipsize(name, avail);
      ImGui::SetWindowFontScale(1.0f);
      ImGui::PopFont();
      ns = name_font->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
    }
    const float name_y = top.y - fig_fs - base * 0.4f - ns.y;
    ui::draw_text(draw, name_font, fs, ImVec2(x + std::max(base * 0.2f, (step_w - ns.x) * 0.5f), name_y), look.text, name, avail);
    const std::string pts = std::to_string(row.points) + " " + trn(S::points, row.points);
    const float fw = fig_font->CalcTextSizeA(fig_fs, FLT_MAX, 0, pts.c_str()).x;
    ui::draw_text(draw, fig_font, fig_fs, ImVec2(x + (step_w - fw) * 0.5f, top.y - fig_fs - base * 0.3f), look.muted, pts);
  }
  ImGui::Dummy(ImVec2(width, label_h + full_h + base * 0.3f));
}

void leaderboard(Context& ctx, const core::QuizFigures& fig, const Look& look, float width, int max_rows) {
  if (fig.leaderboard.empty()) return;
  heading(look, std::string(icon::trophy) + "  " + tr(S::leaderboard));
  ui::gap(theme::fonts().base_px * 0.3f);
  podium(ctx, fig.leaderboard, look, width);
  for (int rank = 3; rank < static_cast<int>(fig.leaderboard.size()) && rank < max_rows; ++rank) {
    const auto& row = fig.leaderboard[static_cast<std::size_t>(rank)];
    line(look, std::to_string(rank + 1) + ".  " + (row.who.empty() ? std::string("—") : ctx.session.display_name(row.who)) + "   " +
                   std::to_string(row.points) + " " + trn(S::points, row.points));
  }
}

}  // namespace

void quiz(Context& ctx, const core::Activity& a, const Look& look, float width) {
  const core::QuizFigures& fig = figures_of(ctx.session, a).quiz;
  const int q = std::clamp(a.current_question, 0, static_cast<int>(a.spec.quiz.size()) - 1);
  if (a.spec.quiz.empty()) return;
  const float base = theme::fonts().base_px;
  const auto& question = a.spec.quiz[static_cast<std::size_t>(q)];
  // The kiosk puts the leaderboard beside the question, so both fit one screen.
  const bool beside = look.kiosk && width > base * 36.0f && !fig.leaderboard.empty();
  const float main_w = beside ? width * 0.58f : width;
  const float side_w = width - main_w - base * 2.0f;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + main_w);
  line(look, std::string(tr(S::question_n)) + " " + std::to_string(q + 1) + " / " + std::to_string(a.spec.quiz.size()));
  heading(look, question.text);
  ImGui::PopTextWrapPos();
  const int answered = static_cast<std::size_t>(q) < fig.answered.size() ? fig.answered[static_cast<std::size_t>(q)] : 0;
  if (a.question_open()) {
    // Open: a countdown and how many answered, nothing that tells what is right (issue 14).
    const int left = question_seconds_left(a, ctx.epoch_ms);
    ui::text_in(look.big(), left > 0 ? std::string(icon::clock) + " " + std::to_string(left) + " s" : std::string(tr(S::time_up)),
                left > 5 || left == 0 ? look.accent : theme::colour::live);
    ctx.ui.redraw_in_ms = 1000.0 - static_cast<double>(ctx.epoch_ms % 1000);
    line(look, std::to_string(answered) + out_of(ctx, fig.participants) + " " + trn(S::quiz_answered, answered), false);
    for (std::size_t c = 0; c < question.choices.size(); ++c) {
      // A choice's picture as a thumbnail before its letter.
      if (c < question.choice_images.size() && !question.choice_images[c].empty()) {
        const float h = std::round(base * (look.kiosk ? 2.4f : 3.0f));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        images::draw_in(ImGui::GetWindowDrawList(), question.choice_images[c], at, ImVec2(at.x + h * 1.5f, at.y + h));
        ImGui::SetCursorScreenPos(ImVec2(at.x + h * 1.5f + base * 0.6f, at.y + (h - ImGui::GetTextLineHeight()) * 0.5f));
        line(look, std::string(1, static_cast<char>('A' + c % 26)) + ".  " + question.choices[c], false);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h + ImGui::GetStyle().ItemSpacing.y));
        continue;
      }
      line(look, std::string(1, static_cast<char>('A' + c % 26)) + ".  " + question.choices[c], false);
    }
    ImGui::EndGroup();
    return;
  }
  std::vector<core::ChoiceFigure> choices(question.choices.size());
  if (static_cast<std::size_t>(q) < fig.picks.size()) {
    for (std::size_t c = 0; c < choices.size() && c < fig.picks[static_cast<std::size_t>(q)].size(); ++c)
      choices[c] = {fig.picks[static_cast<std::size_t>(q)][c], fig.picks_percent[static_cast<std::size_t>(q)][c]};
  }
  ui::gap(base * 0.3f);
  line(look, std::to_string(answered) + out_of(ctx, fig.participants) + " " + trn(S::quiz_answered, answered) + " · " +
                 std::to_string(static_cast<std::size_t>(q) < fig.correct_percent.size() ? fig.correct_percent[static_cast<std::size_t>(q)] : 0) +
                 " % " + tr(S::right_percent));
  choice_bars(look, ImGui::GetID("quiz") + static_cast<ImGuiID>(q) * 131u, question.choices, choices, main_w, &question.correct);
  ImGui::EndGroup();
  if (beside) {
    const float bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(top.x + main_w + base * 2.0f, top.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side_w);
    leaderboard(ctx, fig, look, side_w, 6);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(bottom, ImGui::GetItemRectMax().y) + base * 0.3f));
    ImGui::Dummy(ImVec2(width, 0));
  } else {
    ui::gap(base * 0.5f);
    leaderboard(ctx, fig, look, width, look.kiosk ? 4 : 8);
  }
}

}  // namespace palabre::app::views
