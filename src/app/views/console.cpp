// Host console for activities: load a plan or add activities, run them (start, stop, reopen,
// reveal, next question, pages), and watch the selected one's live results.
// [SECTION] add form  [SECTION] activity rows  [SECTION] entry
#include <algorithm>
#include <string>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "core/plan.hpp"

namespace palabre::app::views {
namespace {

void submit(Context& ctx, core::Event event) {
  Action action{Action::Kind::submit};
  action.event = std::move(event);
  ctx.actions.push_back(std::move(action));
}

std::vector<std::string> split_choices(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find(';', start);
    std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const auto a = part.find_first_not_of(' ');
    const auto b = part.find_last_not_of(' ');
    if (a != std::string::npos) out.push_back(part.substr(a, b - a + 1));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// The spec the quick form describes: one question for surveys and quizzes ("*" marks right answers).
core::ActivitySpec spec_from_form(core::ActivityKind kind, const std::string& title, const std::string& choices_text) {
  core::ActivitySpec spec;
  spec.kind = kind;
  spec.title = title;
  auto choices = split_choices(choices_text);
  switch (kind) {
    case core::ActivityKind::challenge: spec.answers = choices; break;
    case core::ActivityKind::quiz: {
      core::QuizQuestion q;
      q.text = title;
      for (std::size_t i = 0; i < choices.size(); ++i) {
        std::string c = choices[i];
        if (!c.empty() && c[0] == '*') {
          q.correct.push_back(static_cast<int>(i));
          c = c.substr(c.find_first_not_of("* "));
        }
        q.choices.push_back(c);
      }
      spec.quiz.push_back(q);
      break;
    }
    case core::ActivityKind::survey: {
      core::SurveyQuestion q;
      q.text = title;
      q.kind = choices.empty() ? core::QuestionKind::open : core::QuestionKind::single;
      q.choices = choices;
      spec.questions.push_back(q);
      break;
    }
    case core::ActivityKind::brainstorm:
    case core::ActivityKind::board: spec.categories = choices; break;
    case core::ActivityKind::rating: spec.scale = 5; break;
    case core::ActivityKind::qna: break;
    case core::ActivityKind::presentation:
      if (choices.empty()) choices.push_back(title);
      for (const auto& c : choices) spec.pages.push_back({c, {}, {}});
      break;
  }
  return spec;
}

constexpr core::ActivityKind all_kinds[] = {core::ActivityKind::challenge, core::ActivityKind::quiz, core::ActivityKind::survey,
                                            core::ActivityKind::brainstorm, core::ActivityKind::board, core::ActivityKind::rating,
                                            core::ActivityKind::qna, core::ActivityKind::presentation};

// [SECTION] add form
void draw_add_form(Context& ctx, float width) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ui::begin_card(width);
  ImGui::PushFont(f.strong);
  ImGui::TextUnformatted(tr(S::add_activity));
  ImGui::PopFont();
  // Kind chips, wrapping.
  float x = 0;
  const float inner = ui::avail_width();
  for (core::ActivityKind kind : all_kinds) {
    const bool on = static_cast<int>(kind) == ctx.ui.new_kind;
    const std::string label = std::string(kind_icon(kind)) + " " + kind_name(kind) + "###kind-" + std::string(core::to_string(kind));
    const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + base * 1.6f;
    if (x > 0 && x + w < inner) ImGui::SameLine();
    else x = 0;
    x += w + ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushStyleColor(ImGuiCol_Button, on ? theme::colour::accent : theme::colour::accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? theme::colour::accent : IM_COL32(222, 219, 252, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, on ? IM_COL32(255, 255, 255, 255) : theme::colour::accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, base);
    if (mirror::Button(label.c_str(), ImVec2(w, base * 2.0f))) ctx.ui.new_kind = static_cast<int>(kind);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(3);
  }
  ui::gap(base * 0.2f);
  std::string& title = ctx.ui.texts["new-title"];
  std::string& choices = ctx.ui.texts["new-choices"];
  ImGui::TextUnformatted(tr(S::new_title));
  mirror::TextFieldOptions title_options;
  title_options.placeholder = tr(S::new_title_placeholder);
  mirror::TextField((std::string(tr(S::new_title)) + "###new-title").c_str(), title, title_options);
  ImGui::TextUnformatted(tr(S::new_choices));
  mirror::TextFieldOptions choice_options;
  choice_options.placeholder = tr(S::new_choices_placeholder);
  mirror::TextField((std::string(tr(S::new_choices)) + "###new-choices").c_str(), choices, choice_options);
  std::string& error = ctx.ui.texts["new-error"];
  if (!error.empty()) ui::text_wrapped(error, theme::colour::live);
  const float half = (inner - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (ui::secondary_button((std::string(tr(S::cancel)) + "###cancel-activity").c_str(), half)) ctx.ui.adding = false;
  ImGui::SameLine();
  const bool ready = title.find_first_not_of(' ') != std::string::npos;
  if (ui::primary_button((std::string(icon::plus) + "  " + tr(S::create_activity) + "###create-activity").c_str(), half, ready)) {
    const auto spec = spec_from_form(static_cast<core::ActivityKind>(ctx.ui.new_kind), title, choices);
    const core::DecodeError problem = core::validate_spec(spec, "$");
    if (!problem.reason.empty()) {
      error = problem.reason;
    } else {
      submit(ctx, core::ActivityAdd{spec});
      title.clear();
      choices.clear();
      error.clear();
      ctx.ui.adding = false;
    }
  }
  ui::end_card();
}

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
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(base * 0.8f, base * 0.45f));
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
struct RowButton { std::string label; bool primary; core::Event event; bool select = false; };

std::vector<RowButton> row_buttons(const Context& ctx, const core::Activity& a, bool selected) {
  const std::string id = std::to_string(a.id);
  std::vector<RowButton> out;
  if (!selected) out.push_back({std::string(icon::bar_chart) + "###select-" + id, false, {}, true});
  if (a.running() && a.spec.kind == core::ActivityKind::quiz && a.current_question + 1 < static_cast<int>(a.spec.quiz.size()))
    out.push_back({std::string(icon::arrow_right) + " " + tr(S::next_question) + "###next-" + id, false, core::QuizNext{a.id}});
  if (a.running() && a.spec.kind == core::ActivityKind::presentation) {
    out.push_back({std::string(icon::chevron_left) + "###prev-page-" + id, false, core::PresentationGoto{a.id, std::max(0, a.page - 1)}});
    out.push_back({std::string(icon::chevron_right) + "###next-page-" + id, false,
                   core::PresentationGoto{a.id, std::min(static_cast<int>(a.spec.pages.size()) - 1, a.page + 1)}});
  }
  if (a.status != core::ActivityStatus::draft && a.spec.kind != core::ActivityKind::presentation)
    out.push_back({std::string(a.revealed ? icon::eye_slash : icon::eye) + "###reveal-" + id, false, core::ActivityReveal{a.id, !a.revealed}});
  if (a.status == core::ActivityStatus::draft)
    out.push_back({std::string(icon::play) + " " + tr(S::start) + "###start-" + id, true, core::ActivityStart{a.id}});
  else if (a.running())
    out.push_back({std::string(icon::stop) + " " + tr(S::stop) + "###stop-" + id, false, core::ActivityStop{a.id}});
  else
    out.push_back({std::string(icon::refresh) + " " + tr(S::reopen) + "###reopen-" + id, false, core::ActivityReopen{a.id}});
  (void)ctx;
  return out;
}

void draw_row(Context& ctx, const core::Activity& a, bool selected) {
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
  const float pad = base * 0.6f;
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
  ImGui::BeginGroup();
  ImGui::PushStyleColor(ImGuiCol_Text, a.running() ? theme::colour::live : theme::colour::accent);
  ImGui::TextUnformatted(kind_icon(a.spec.kind));
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushFont(theme::fonts().strong);
  const std::string title = a.spec.title.empty() ? kind_name(a.spec.kind) : a.spec.title;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(base * 6, width - buttons_w - base * 3.5f));
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::TextDisabled("%s · %s%s", kind_name(a.spec.kind), status_text(a.status),
                      ctx.session.current_activity == a.id ? (std::string(" · ") + tr(S::current)).c_str() : "");
  ImGui::EndGroup();
  ImGui::EndGroup();
  const float text_bottom = ImGui::GetItemRectMax().y;
  // Controls, right-aligned on the first line.
  ImGui::SetCursorScreenPos(ImVec2(start.x + width - pad - buttons_w + style.ItemSpacing.x, start.y + pad * 0.6f));
  for (std::size_t i = 0; i < buttons.size(); ++i) {
    if (i) ImGui::SameLine();
    if (small_button(buttons[i].label, buttons[i].primary)) {
      if (buttons[i].select) ctx.ui.selected_activity = a.id;
      else {
        Action action{Action::Kind::submit};
        action.event = buttons[i].event;
        ctx.actions.push_back(std::move(action));
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
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + base * 0.35f));
  ImGui::Dummy(ImVec2(width, 0));
  ImGui::PopID();
}

}  // namespace

// [SECTION] entry
void draw_console(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(base * 1.2f, base * 1.1f));
  ImGui::BeginChild("console", ImVec2(width, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  ImGui::PushFont(f.heading);
  ImGui::TextUnformatted(tr(S::activities));
  ImGui::PopFont();
  ImGui::SameLine();
  const std::string load = std::string(icon::download) + " " + tr(S::load_plan) + "###load-plan";
  const std::string add = std::string(icon::plus) + " " + tr(S::add_activity) + "###add";
  const std::string log = std::string(icon::download) + " " + tr(S::export_log) + "###export-log";
  const float buttons_w = ImGui::CalcTextSize(load.c_str(), nullptr, true).x + ImGui::CalcTextSize(add.c_str(), nullptr, true).x +
                          ImGui::CalcTextSize(log.c_str(), nullptr, true).x + base * 6.0f;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons_w));
  if (small_button(log)) ctx.actions.push_back({Action::Kind::export_log});
  ImGui::SameLine();
  if (small_button(load)) ctx.actions.push_back({Action::Kind::pick_plan});
  ImGui::SameLine();
  if (small_button(add, true)) ctx.ui.adding = !ctx.ui.adding;
  const float inner = ImGui::GetContentRegionAvail().x;
  // The report, at any moment, in every format.
  for (const char* format : {"html", "md", "csv", "json"}) {
    if (std::string_view(format) != "html") ImGui::SameLine();
    if (small_button(std::string(icon::download) + " " + (std::string_view(format) == "md" ? "Markdown" : std::string(format) == "html" ? "HTML" : std::string(format) == "csv" ? "CSV" : "JSON") + "###report-" + format))
      ctx.actions.push_back({Action::Kind::export_report, format});
  }
  if (!ctx.ui.texts["plan-error"].empty()) ui::text_wrapped(ctx.ui.texts["plan-error"], theme::colour::live);
  if (ctx.ui.adding) draw_add_form(ctx, inner);
  if (ctx.session.activities.empty() && !ctx.ui.adding) {
    ui::gap(base);
    ui::text_muted(tr(S::no_activities));
  }
  std::int64_t selected = ctx.ui.selected_activity ? ctx.ui.selected_activity : ctx.session.current_activity;
  if (!ctx.session.find_activity(selected) && !ctx.session.activities.empty()) selected = ctx.session.activities.front().id;
  const core::Activity* shown = ctx.session.find_activity(selected);
  // The list scrolls on its own above the results; it keeps the current activity (and the next
  // one, which the host starts next) in view.
  const float list_h = shown ? std::min(ImGui::GetContentRegionAvail().y * 0.42f, base * 4.6f * ctx.session.activities.size() + base)
                             : ImGui::GetContentRegionAvail().y;
  if (!ctx.session.activities.empty()) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("activity-list", ImVec2(inner, list_h), false, ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    for (const core::Activity& a : ctx.session.activities) {
      draw_row(ctx, a, a.id == selected);
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
    draw_results(ctx, *shown, inner - base, false);
    ImGui::EndChild();
  }
  ImGui::EndChild();
}

}  // namespace palabre::app::views
