// The host's moderation of what participants wrote in an activity: hide or show ideas, post-its,
// Q&A questions and open survey answers; approve ideas waiting in a controlled brainstorm or board;
// mark questions answered; lock a board. Drawn under the live results in the console.
// Item keys: mod-hide-<item>, mod-approve-<item>, mod-answered-<item>, mod-lock-<activity>
// (<item> is the idea's, question's or open answer's id, as the engine numbers them).
// [SECTION] rows  [SECTION] per kind  [SECTION] entry
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"

namespace palabre::app::views {
namespace {

void submit(Context& ctx, core::Event event) {
  ctx.actions.push_back(act::Submit{std::move(event)});
}

struct Row {
  std::int64_t item = 0;
  std::string author;  // display name; empty when anonymous
  std::string text;
  bool hidden = false;
  bool waiting = false;          // controlled activity: not yet approved
  int answered = -1;             // Q&A: 0/1; -1 when it does not apply
};

// [SECTION] rows
// One line per item: the text (struck through in colour when hidden), then its actions at the right.
void draw_row(Context& ctx, const core::Activity& a, const Row& row, float width) {
  const float base = theme::fonts().base_px;
  const std::string id = std::to_string(row.item);
  ImGui::PushID(id.c_str());
  std::vector<std::string> buttons;
  const std::string hide = std::string(row.hidden ? icon::eye : icon::eye_slash) + " " +
                           (row.hidden ? tr(S::host_show) : tr(S::host_hide)) + "###mod-hide-" + id;
  const std::string approve = std::string(icon::check) + " " + tr(S::mod_approve) + "###mod-approve-" + id;
  const std::string answered = std::string(row.answered == 1 ? icon::refresh : icon::check) + " " +
                               (row.answered == 1 ? tr(S::mod_unanswer) : tr(S::mark_answered)) + "###mod-answered-" + id;
  if (row.waiting) buttons.push_back(approve);
  if (row.answered >= 0) buttons.push_back(answered);
  buttons.push_back(hide);
  float actions_width = 0;
  for (const auto& b : buttons) actions_width += ImGui::CalcTextSize(b.c_str(), nullptr, true).x + base * 1.4f;

  const float text_width = std::max(base * 6.0f, width - actions_width);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
  if (!row.author.empty()) ui::text_in(theme::fonts().strong, row.author, theme::colour::muted);
  ImGui::PushStyleColor(ImGuiCol_Text, row.hidden ? theme::colour::muted : theme::colour::ink);
  ui::text(row.text);
  ImGui::PopStyleColor();
  if (row.hidden || row.waiting)
    ui::text_muted(row.hidden ? tr(S::host_hidden) : tr(S::mod_waiting));
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), width - actions_width + ImGui::GetStyle().ItemSpacing.x));
  for (std::size_t i = 0; i < buttons.size(); ++i) {
    if (i) ImGui::SameLine(0, base * 0.2f);
    if (!ui::link_button(buttons[i].c_str())) continue;
    if (buttons[i] == hide) submit(ctx, core::ItemHide{a.id, row.item, !row.hidden});
    else if (buttons[i] == approve) submit(ctx, core::ItemApprove{a.id, row.item});
    else submit(ctx, core::QnaMark{a.id, row.item, row.answered != 1});
  }
  ImGui::PopID();
  ImGui::Separator();
}

std::string author_of(Context& ctx, const core::Activity& a, const std::string& by) {
  return a.spec.anonymous || by.empty() ? std::string() : ctx.session.display_name(by);
}

// [SECTION] per kind
std::vector<Row> rows_of(Context& ctx, const core::Activity& a) {
  std::vector<Row> rows;
  switch (a.spec.kind) {
    case core::ActivityKind::brainstorm:
    case core::ActivityKind::board:
      for (const auto& [id, idea] : a.ideas)
        rows.push_back({id, author_of(ctx, a, idea.by), idea.text, idea.hidden, !idea.approved, -1});
      break;
    case core::ActivityKind::qna:
      for (const auto& [id, q] : a.questions)
        rows.push_back({id, author_of(ctx, a, q.by), q.text, q.hidden, !q.approved, q.answered ? 1 : 0});
      break;
    case core::ActivityKind::survey:
      for (std::size_t qi = 0; qi < a.survey_answers.size() && qi < a.spec.questions.size(); ++qi) {
        if (a.spec.questions[qi].kind != core::QuestionKind::open) continue;
        for (const auto& [who, answer] : a.survey_answers[qi])
          if (!answer.text.empty()) rows.push_back({answer.seq, author_of(ctx, a, who), answer.text, answer.hidden, !answer.approved, -1});
      }
      break;
    default: break;
  }
  // What waits for the host comes first.
  std::stable_partition(rows.begin(), rows.end(), [](const Row& r) { return r.waiting && !r.hidden; });
  return rows;
}

}  // namespace

// [SECTION] entry
void draw_moderation(Context& ctx, const core::Activity& a, float width) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const bool board = a.spec.kind == core::ActivityKind::board;
  const std::vector<Row> rows = rows_of(ctx, a);
  if (rows.empty() && !board) return;
  ui::gap(base * 0.6f);
  ui::text_in(f.strong, std::string(icon::eye_slash) + "  " + tr(S::mod_title));
  if (board) {
    const std::string lock = std::string(a.locked ? icon::refresh : icon::stop) + " " +
                             (a.locked ? tr(S::mod_unlock) : tr(S::mod_lock)) + "###mod-lock-" + std::to_string(a.id);
    if (ui::secondary_button(lock.c_str(), std::min(width, base * 14.0f), a.running()))
      submit(ctx, core::BoardLock{a.id, !a.locked});
  }
  if (rows.empty()) ui::text_muted(tr(S::no_answers_yet));
  // Held items approved in one action (a rejected one is hidden with its own button).
  const auto waiting = std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.waiting && !r.hidden; });
  if (waiting > 1) {
    const std::string all = std::string(icon::check) + " " + tr(S::mod_approve_all) + " (" + std::to_string(waiting) + ")###mod-approve-all-" +
                            std::to_string(a.id);
    if (ui::secondary_button(all.c_str(), std::min(width, base * 16.0f)))
      for (const Row& r : rows)
        if (r.waiting && !r.hidden) submit(ctx, core::ItemApprove{a.id, r.item});
  }
  // A row out of view is stepped over with the height it had when last drawn: a board of 2,000
  // ideas lays out only the rows on screen (bench/app/frame.mjs).
  static std::map<std::int64_t, float> heights;
  static float heights_width = 0;
  if (heights_width != width) heights.clear(), heights_width = width;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  for (const Row& row : rows) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (auto known = heights.find(row.item);
        known != heights.end() && !ImGui::IsRectVisible(at, ImVec2(at.x + width, at.y + known->second))) {
      ImGui::Dummy(ImVec2(width, std::max(0.0f, known->second - spacing)));
      continue;
    }
    draw_row(ctx, a, row, width);
    heights[row.item] = ImGui::GetCursorScreenPos().y - at.y;
  }
}

}  // namespace palabre::app::views
