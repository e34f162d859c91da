// Host console for activities: prepare the plan (add, edit, reorder, remove activities; load and
// save the plan file), run it (start, stop, reopen, reveal, next question, pages), and watch the
// selected activity's live results. The editor itself is views/editor.cpp.
//
// Stable item keys (the DOM mirror's `key`; e2e tests click and type by them):
//   toolbar    add (opens the editor), load-plan, plan-save, export-log, report-html|md|csv|json
//   editor     add-kind-<challenge|quiz|survey|brainstorm|board|rating|qna|presentation> (new only),
//              act-title, act-hint, act-timer, act-anonymous, act-save, act-cancel
//   challenge  answer<i>, answer-add, answer-remove<i>
//   quiz       q-add, q<n>-text, q<n>-choice<i>, q<n>-correct<i> (checkbox), q<n>-choice-add,
//              q<n>-choice-remove<i>, q<n>-limit, q<n>-remove
//   survey     q-add, q<n>-kind-<single|multiple|open|ranking|rating>, q<n>-text, q<n>-hint,
//              q<n>-choice<i>, q<n>-choice-add, q<n>-choice-remove<i>, q<n>-max (multiple),
//              q<n>-scale + q<n>-comment (rating), q<n>-remove
//   brainstorm / board   cat<i>, cat-add, cat-remove<i>, act-dots, act-controlled
//   rating     act-scale          presentation   page-add, p<n>-title, p<n>-text, p<n>-remove
//   rows       act-up-<id>, act-down-<id>, act-edit-<id>, act-remove-<id> (edit/remove: drafts only),
//              select-<id>, start-<id>, stop-<id>, reopen-<id>, reveal-<id>, next-<id>,
//              prev-page-<id>, next-page-<id>
//   survey on the kiosk (results panel of a started survey)   survey-prev-<id>, survey-next-<id>,
//              survey-cycle-<id> (automatic cycle on / off)
// Numbers (act-timer, q<n>-limit, act-scale...) are text fields holding the current value: select
// it (Ctrl+A) before typing a new one. <n>, <i> count from 0; <id> is the activity id (its seq).
// [SECTION] toolbar  [SECTION] activity rows  [SECTION] survey on the kiosk  [SECTION] entry
#include <algorithm>
#include <string>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "core/aggregates.hpp"
#include "core/plan.hpp"

namespace palabre::app::views {
namespace {

const char* status_text(core::ActivityStatus s) {
  switch (s) {
    case core::ActivityStatus::draft: return tr(S::status_draft);
    case core::ActivityStatus::running: return tr(S::status_running);
    case core::ActivityStatus::stopped: return tr(S::status_stopped);
  }
  return "";
}

bool small_button(const std::string& label, bool primary = false) {
  const float base = theme::fonts().base_px;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(base * 0.8f, base * 0.38f));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  ImGui::PushStyleColor(ImGuiCol_Button, primary ? theme::colour::accent : theme::colour::accent_soft);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, primary ? IM_COL32(95, 85, 240, 255) : IM_COL32(222, 219, 252, 255));
  ImGui::PushStyleColor(ImGuiCol_Text, primary ? IM_COL32(255, 255, 255, 255) : theme::colour::accent);
  ImGui::PushFont(theme::fonts().strong);
  const bool pressed = mirror::Button(label.c_str(), ImVec2(0, 0));
  ImGui::PopFont();
  ImGui::PopStyleColor(3);
  ImGui::PopStyleVar(2);
  return pressed;
}

// [SECTION] activity rows
// Buttons of one row, drawn right-aligned: measured first, then drawn.
// `name`: the accessible name of an icon-only button.
struct RowButton { std::string label; bool primary; core::Event event; bool select = false; const char* name = nullptr; };

std::vector<RowButton> row_buttons(const Context& ctx, const core::Activity& a, bool selected) {
  const std::string id = std::to_string(a.id);
  std::vector<RowButton> out;
  if (!selected) out.push_back({std::string(icon::bar_chart) + "###select-" + id, false, {}, true, tr(S::host_results)});
  // A quiz question: close it early or give more time while open; then the podium, then the next.
  if (a.running() && a.spec.kind == core::ActivityKind::quiz && a.question_open()) {
    out.push_back({std::string(tr(S::quiz_more_time)) + "###more-time-" + id, false, core::QuizExtend{a.id, 15}});
    out.push_back({std::string(icon::stop) + " " + tr(S::quiz_close) + "###close-question-" + id, false, core::QuizClose{a.id}});
  } else if (a.spec.kind == core::ActivityKind::quiz && a.current_question >= 0 && !a.leaderboard_shown) {
    out.push_back({std::string(icon::trophy) + " " + tr(S::quiz_show_podium) + "###podium-" + id, false, core::QuizLeaderboard{a.id, true}});
  }
  if (a.running() && a.spec.kind == core::ActivityKind::quiz && a.current_question + 1 < static_cast<int>(a.spec.quiz.size()))
    out.push_back({std::string(icon::arrow_right) + " " + tr(S::next_question) + "###next-" + id, false, core::QuizNext{a.id}});
  if (a.running() && a.spec.kind == core::ActivityKind::presentation) {
    out.push_back({std::string(icon::chevron_left) + "###prev-page-" + id, false, core::PresentationGoto{a.id, std::max(0, a.page - 1)},
                   false, tr(S::page_previous)});
    out.push_back({std::string(icon::chevron_right) + "###next-page-" + id, false,
                   core::PresentationGoto{a.id, std::min(static_cast<int>(a.spec.pages.size()) - 1, a.page + 1)}, false, tr(S::page_next)});
  }
  if (a.status != core::ActivityStatus::draft && a.spec.kind != core::ActivityKind::presentation)
    out.push_back({std::string(a.revealed ? icon::eye_slash : icon::eye) + "###reveal-" + id, false, core::ActivityReveal{a.id, !a.revealed},
                   false, a.revealed ? tr(S::host_unreveal) : tr(S::host_reveal)});
  if (a.status == core::ActivityStatus::draft)
    out.push_back({std::string(icon::play) + " " + tr(S::start) + "###start-" + id, true, core::ActivityStart{a.id}});
  else if (a.running())
    out.push_back({std::string(icon::stop) + " " + tr(S::stop) + "###stop-" + id, false, core::ActivityStop{a.id}});
  else
    out.push_back({std::string(icon::refresh) + " " + tr(S::reopen) + "###reopen-" + id, false, core::ActivityReopen{a.id}});
  (void)ctx;
  return out;
}

// A quiet icon-only button with an accessible name (row edit controls).
bool quiet_icon(const char* glyph, const char* name, const std::string& key) {
  const float base = theme::fonts().base_px;
  mirror::next_name(name);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::muted);
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colour::accent_soft);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(base * 0.5f, base * 0.2f));
  const bool pressed = mirror::Button((std::string(glyph) + "###" + key).c_str(), ImVec2(base * 1.9f, 0));
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(3);
  return pressed;
}

// Reorder, edit and remove: on the status line of each row (edit and remove only before the start).
void draw_row_edit_controls(Context& ctx, const core::Activity& a, std::size_t index, std::size_t count) {
  const std::string id = std::to_string(a.id);
  const auto submit = [&](core::Event ev) {
    ctx.actions.push_back(act::Submit{std::move(ev)});
  };
  ImGui::SameLine();
  if (index > 0 && quiet_icon(icon::chevron_up, tr(S::ed_move_up), "act-up-" + id))
    submit(core::ActivityMove{a.id, static_cast<int>(index) - 1});
  if (index > 0) ImGui::SameLine(0, 0);
  if (index + 1 < count && quiet_icon(icon::chevron_down, tr(S::ed_move_down), "act-down-" + id))
    submit(core::ActivityMove{a.id, static_cast<int>(index) + 1});
  // Edit at any time (once started, the wording only: a typo on the screen); remove before the start.
  if (index + 1 < count) ImGui::SameLine(0, 0);
  if (quiet_icon(icon::pencil, tr(S::ed_edit), "act-edit-" + id)) open_editor(ctx.ui, a);
  if (a.status != core::ActivityStatus::draft) return;
  ImGui::SameLine(0, 0);
  if (quiet_icon(icon::trash, tr(S::ed_remove), "act-remove-" + id)) submit(core::ActivityRemove{a.id});
}

void draw_row(Context& ctx, const core::Activity& a, bool selected, std::size_t index, std::size_t count) {
  const float base = theme::fonts().base_px;
  ImGui::PushID(static_cast<int>(a.id));
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const auto buttons = row_buttons(ctx, a, selected);
  const ImGuiStyle& style = ImGui::GetStyle();
  float buttons_w = 0;
  ImGui::PushFont(theme::fonts().strong);
  for (const auto& b : buttons) buttons_w += ImGui::CalcTextSize(b.label.c_str(), nullptr, true).x + base * 1.6f + style.ItemSpacing.x;
  ImGui::PopFont();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  const float pad = base * (selected ? 0.45f : 0.3f);
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad + (selected ? 0.0f : base * 0.35f)));
  ImGui::BeginGroup();
  ImGui::PushStyleColor(ImGuiCol_Text, a.running() ? theme::colour::live : theme::colour::accent);
  ui::text(kind_icon(a.spec.kind));
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushFont(theme::fonts().strong);
  // One line: the list shows more activities; the whole title on hover and in the results below.
  const std::string title = a.spec.title.empty() ? kind_name(a.spec.kind) : a.spec.title;
  const std::string shown_title = ui::ellipsize(title, std::max(base * 6, width - buttons_w - base * 3.5f));
  ui::text(shown_title);
  ImGui::PopFont();
  if (shown_title != title && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", title.c_str());
  // The selected row opens: its kind and status, and the controls to move, edit or remove it. The
  // others stay one line, so that a plan of ten shows whole at 1366×768.
  if (selected) {
    ui::text(std::string(kind_name(a.spec.kind)) + " · " + status_text(a.status) +
                 (ctx.session.current_activity == a.id ? std::string(" · ") + tr(S::current) : std::string()),
             ImGui::GetColorU32(ImGuiCol_TextDisabled));
    draw_row_edit_controls(ctx, a, index, count);
  }
  ImGui::EndGroup();
  ImGui::EndGroup();
  const float text_bottom = ImGui::GetItemRectMax().y;
  // Controls, right-aligned on the first line.
  ImGui::SetCursorScreenPos(ImVec2(start.x + width - pad - buttons_w + style.ItemSpacing.x, start.y + (selected ? pad * 0.6f : pad)));
  for (std::size_t i = 0; i < buttons.size(); ++i) {
    if (i) ImGui::SameLine();
    if (buttons[i].name) mirror::next_name(buttons[i].name);
    if (small_button(buttons[i].label, buttons[i].primary)) {
      if (buttons[i].select) ctx.ui.selected_activity = a.id;
      else {
        ctx.actions.push_back(act::Submit{buttons[i].event});
        if (std::holds_alternative<core::ActivityStart>(buttons[i].event)) ctx.ui.selected_activity = 0;  // follow it
      }
    }
  }
  const float bottom = std::max(text_bottom, ImGui::GetItemRectMax().y) + pad;
  draw->ChannelsSetCurrent(0);
  draw->AddRectFilled(start, ImVec2(start.x + width, bottom), selected ? theme::colour::accent_soft : IM_COL32(248, 247, 244, 255),
                      base * 0.7f);
  if (a.running()) draw->AddRectFilled(start, ImVec2(start.x + base * 0.25f, bottom), theme::colour::live, base * 0.7f, ImDrawFlags_RoundCornersLeft);
  draw->ChannelsMerge();
  // The next row 0.3 text size below (the Dummy's own item spacing counted in).
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + base * 0.3f - style.ItemSpacing.y));
  ImGui::Dummy(ImVec2(width, 0));
  ImGui::PopID();
}

// [SECTION] survey on the kiosk
// Which survey question the room's screen shows: the host steps through them, or lets them cycle
// (answered ones only). The choice is a survey.show event, so every screen and a replay agree.
void draw_survey_screen_controls(Context& ctx, const core::Activity& a) {
  const int count = static_cast<int>(a.spec.questions.size());
  if (count == 0) return;
  const int on_screen = core::survey_question_on_screen(a, core::survey_figures(ctx.session, a), ctx.epoch_ms);
  const bool cycling = a.survey_shown < 0;
  const std::string id = std::to_string(a.id);
  const auto show = [&](int question) {
    ctx.actions.push_back(act::Submit{core::SurveyShow{a.id, question}});
  };
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::muted);
  ui::text((std::string(icon::kiosk) + "  " + tr(S::survey_on_screen) + " · " + tr(S::question_n) + " " +
                          std::to_string(on_screen + 1) + " / " + std::to_string(count))
                             );
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::BeginDisabled(on_screen <= 0);
  mirror::next_name(tr(S::survey_prev_question));
  // (Checked again: the DOM layer can activate a disabled button.)
  if (small_button(std::string(icon::chevron_left) + "###survey-prev-" + id) && on_screen > 0) show(on_screen - 1);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(on_screen + 1 >= count);
  mirror::next_name(tr(S::survey_next_question));
  if (small_button(std::string(icon::chevron_right) + "###survey-next-" + id) && on_screen + 1 < count) show(on_screen + 1);
  ImGui::EndDisabled();
  ImGui::SameLine();
  // Off: the question now on screen stays there.
  if (small_button(std::string(icon::refresh) + " " + tr(S::survey_cycle) + "###survey-cycle-" + id, cycling))
    show(cycling ? on_screen : -1);
  if (cycling) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::muted);
    ui::text(tr(S::survey_cycle_on));
    ImGui::PopStyleColor();
    // The console's mark follows the kiosk's turns.
    ctx.ui.redraw_within(static_cast<double>(core::survey_next_turn_in_ms(a, ctx.epoch_ms)));
  }
}

// [SECTION] toolbar
// Small buttons on as many lines as the width needs.
struct Toolbar {
  float width, x = 0;
  bool button(const std::string& label, bool primary = false) {
    const float base = theme::fonts().base_px;
    ImGui::PushFont(theme::fonts().strong);
    const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + base * 1.6f;
    ImGui::PopFont();
    if (x > 0 && x + w <= width) ImGui::SameLine();
    else x = 0;
    x += w + ImGui::GetStyle().ItemSpacing.x;
    return small_button(label, primary);
  }
};

void draw_toolbar(Context& ctx, float inner) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ImGui::PushFont(f.heading);
  ui::text(tr(S::activities));
  ImGui::PopFont();
  ImGui::SameLine();
  const std::string add = std::string(ctx.ui.adding ? icon::close : icon::plus) + " " +
                          (ctx.ui.adding ? tr(S::cancel) : tr(S::add_activity)) + "###add";
  ImGui::PushFont(f.strong);
  const float add_w = ImGui::CalcTextSize(add.c_str(), nullptr, true).x + base * 1.6f;
  ImGui::PopFont();
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - add_w));
  if (small_button(add, !ctx.ui.adding)) {
    if (ctx.ui.adding) ctx.ui.adding = false, ctx.ui.editing = 0;
    else open_editor(ctx.ui, static_cast<core::ActivityKind>(ctx.ui.new_kind));
  }
  ui::gap(base * 0.1f);
  if (ctx.ui.adding) return;  // the editor needs the height
  // The plan file (load), and one "Exporter" menu for the plan, the report in every format and the
  // log: one line, so the activities keep the height.
  Toolbar bar{inner};
  // A plan replaces the session's details: over a session already filled in, ask first.
  if (bar.button(std::string(icon::sign_in) + " " + tr(S::load_plan) + "###load-plan")) {
    const core::SessionInfo& info = ctx.session.info;
    if (info.title.empty() && info.description.empty() && ctx.session.activities.empty()) ctx.actions.push_back(act::PickPlan{});
    else ImGui::OpenPopup("confirm-plan");
  }
  ImGui::SetNextWindowSize(ImVec2(std::min(inner, base * 26.0f), 0));
  if (ImGui::BeginPopup("confirm-plan")) {
    ImGui::PushTextWrapPos(0);
    ui::text_in(f.heading, tr(S::plan_replace_title));
    ui::text_wrapped(tr(S::plan_replace_text), theme::colour::muted);
    ImGui::PopTextWrapPos();
    ui::gap(base * 0.4f);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (ui::secondary_button((std::string(tr(S::cancel)) + "###plan-cancel").c_str(), half)) ImGui::CloseCurrentPopup();
    ImGui::SameLine();
    if (ui::primary_button((std::string(tr(S::plan_load_anyway)) + "###plan-load-anyway").c_str(), half)) {
      ctx.actions.push_back(act::PickPlan{});
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  if (bar.button(std::string(icon::download) + " " + tr(S::export_menu) + " " + icon::chevron_down + "###export"))
    ImGui::OpenPopup("export-menu");
  if (ImGui::BeginPopup("export-menu")) {
    const auto item = [&](const std::string& label) {
      ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
      const bool pressed = ui::link_button(label.c_str());
      ImGui::PopStyleVar();
      if (pressed) ImGui::CloseCurrentPopup();
      return pressed;
    };
    if (item(std::string(icon::floppy) + "  " + tr(S::plan_save) + "###plan-save")) ctx.actions.push_back(act::SavePlan{});
    for (const char* format : {"html", "md", "csv", "json"}) {
      const std::string_view fmt = format;
      const char* name = fmt == "md" ? "Markdown" : fmt == "html" ? "HTML" : fmt == "csv" ? "CSV" : "JSON";
      if (item(std::string(icon::file_text) + "  " + tr(S::report_word) + " " + name + "###report-" + format))
        ctx.actions.push_back(act::ExportReport{format});
    }
    if (item(std::string(icon::download) + "  " + tr(S::export_log) + "###export-log")) ctx.actions.push_back(act::ExportLog{});
    ImGui::EndPopup();
  }
  if (!ctx.ui.texts["plan-error"].empty()) ui::text_wrapped(ctx.ui.texts["plan-error"], theme::colour::live);
  ui::gap(base * 0.2f);
}

// The page on screen's speaker notes: staff-only events (activity.notes), drawn on the host's
// screen and nowhere else.
void draw_speaker_notes(const core::Activity& a, float width) {
  if (a.spec.kind != core::ActivityKind::presentation) return;
  const std::size_t page = static_cast<std::size_t>(std::max(0, a.page));
  if (page >= a.notes.size() || a.notes[page].find_first_not_of(" \n") == std::string::npos) return;
  ui::begin_card(width, -1, IM_COL32(255, 248, 225, 255));
  ui::text_in(theme::fonts().strong, std::string(icon::sticky_note) + "  " + tr(S::speaker_notes), theme::colour::muted);
  ui::rich_text(a.notes[page], ui::avail_width(), theme::colour::ink);
  ui::end_card();
  ui::gap(theme::fonts().base_px * 0.4f);
}

}  // namespace

// [SECTION] entry
void draw_console(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(base * 1.2f, base * 1.1f));
  ImGui::BeginChild("console", ImVec2(width, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  const float inner = ImGui::GetContentRegionAvail().x;
  draw_toolbar(ctx, inner);
  if (ctx.ui.adding) {
    draw_editor(ctx, inner, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    return;
  }
  if (ctx.session.activities.empty()) {
    ui::gap(base);
    ui::text_muted(tr(S::no_activities));
  }
  std::int64_t selected = ctx.ui.selected_activity ? ctx.ui.selected_activity : ctx.session.current_activity;
  if (!ctx.session.find_activity(selected) && !ctx.session.activities.empty()) selected = ctx.session.activities.front().id;
  const core::Activity* shown = ctx.session.find_activity(selected);
  // The list scrolls on its own above the results; it keeps the current activity (and the next
  // one, which the host starts next) in view.
  const float avail_h = ImGui::GetContentRegionAvail().y;
  // Six rows at least where the screen allows (a row is about 2.7 text sizes; the selected one 4).
  const float row_h = base * 3.3f;
  const float rows_h = row_h * static_cast<float>(ctx.session.activities.size()) + base * 1.5f;
  const float list_h = shown ? std::min(rows_h, std::max(avail_h * 0.5f, std::min(avail_h * 0.72f, row_h * 6.5f + base * 1.5f)))
                             : avail_h;
  if (!ctx.session.activities.empty()) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("activity-list", ImVec2(inner, list_h), false, ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    for (std::size_t i = 0; i < ctx.session.activities.size(); ++i) {
      const core::Activity& a = ctx.session.activities[i];
      draw_row(ctx, a, a.id == selected, i, ctx.session.activities.size());
      if (a.id == ctx.session.current_activity && ctx.ui.texts["list-followed"] != std::to_string(a.id)) {
        ctx.ui.texts["list-followed"] = std::to_string(a.id);
        ImGui::SetScrollHereY(0.25f);
      }
    }
    ImGui::EndChild();
  }
  if (shown) {
    ImGui::Separator();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("activity-results", ImVec2(inner, ImGui::GetContentRegionAvail().y), false, ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    ui::text_in(f.heading, std::string(kind_icon(shown->spec.kind)) + "  " + (shown->spec.title.empty() ? kind_name(shown->spec.kind) : shown->spec.title));
    const int left = seconds_left(*shown, ctx.epoch_ms);
    if (left >= 0) {
      ui::pill(std::string(icon::clock) + " " + std::to_string(left) + " s", theme::colour::live, IM_COL32(253, 229, 225, 255));
      ctx.ui.redraw_in_ms = 1000.0 - static_cast<double>(ctx.epoch_ms % 1000);  // next second
    }
    if (shown->spec.kind == core::ActivityKind::survey && shown->status != core::ActivityStatus::draft)
      draw_survey_screen_controls(ctx, *shown);
    draw_speaker_notes(*shown, inner - base);  // first: what the facilitator reads while presenting
    draw_results(ctx, *shown, inner - base, false);
    draw_moderation(ctx, *shown, inner - base);
    ImGui::EndChild();
  }
  ImGui::EndChild();
}

}  // namespace palabre::app::views
