// The session's own details (title, facilitator, date, description, report language, time zone):
// typed on the create card before the room exists, sent as one `session.configure` once the host is
// in the room, and editable later from the console's session card. The report's cover page reads them.
// Item keys: session-title, session-host, session-date, session-description, session-locale-fr,
// session-locale-en, session-edit, session-save, session-cancel.
// [SECTION] fields  [SECTION] sending  [SECTION] session card
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "core/text.hpp"
#include "core/timezone.hpp"

namespace palabre::app::views {
namespace {

// Field texts live in Ui::texts under these keys.
constexpr const char* k_title = "session-title";
constexpr const char* k_host = "session-host";
constexpr const char* k_date = "session-date";
constexpr const char* k_description = "session-description";
constexpr const char* k_locale = "session-locale";
constexpr const char* k_blocked = "session-blocked";               // words, comma-separated
constexpr const char* k_chat_moderated = "session-chat-moderated";  // "1" when ticked

bool blank(const std::string& s) { return s.find_first_not_of(" \t\n") == std::string::npos; }

// Today in UTC, the date field's first value.
std::string iso_date(std::int64_t epoch_ms) {
  const core::LocalTime t = core::to_local(core::TimeZone{"UTC", {}, {}}, epoch_ms);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

void labelled_field(Context& ctx, S label, S placeholder, const char* key, float width) {
  ui::text(tr(label));
  mirror::TextFieldOptions options;
  options.placeholder = tr(placeholder);
  options.width = width;
  const bool description = key == std::string_view(k_description);
  options.max_bytes = description ? 2000 : 200;
  // The description is paragraphs and lists (the sample's has ten lines): a <textarea>.
  if (description) options.lines = ImGui::GetIO().DisplaySize.y > 900 ? 3 : 2;
  mirror::TextField((std::string(tr(label)) + "###" + key).c_str(), ctx.ui.texts[key], options);
}

// Two toggles, "Français" and "English": the language of the report (and of the kiosk's texts).
void locale_toggle(Context& ctx, float width) {
  ui::text(tr(S::session_report_lang));
  std::string& locale = ctx.ui.texts[k_locale];
  if (locale.empty()) locale = lang() == Lang::fr ? "fr" : "en";
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  const struct { const char* code; const char* name; } options[] = {{"fr", "Français"}, {"en", "English"}};
  for (int i = 0; i < 2; ++i) {
    if (i) ImGui::SameLine();
    const bool on = locale == options[i].code;
    const std::string label = std::string(on ? icon::check_circle : icon::circle_o) + "  " + options[i].name +
                              "###session-locale-" + options[i].code;
    if (on ? ui::primary_button(label.c_str(), half) : ui::secondary_button(label.c_str(), half)) locale = options[i].code;
  }
}

// What the kiosk never shows as typed, and whether messages wait for the host (issue 19): on the
// console's session card (a new session starts with the lists of assets/blocked_words).
void moderation_fields(Context& ctx, float width) {
  ui::text(tr(S::blocked_words));
  mirror::TextFieldOptions options;
  options.width = width;
  options.max_bytes = 8000;
  options.lines = 2;
  mirror::TextField((std::string(tr(S::blocked_words)) + "###" + k_blocked).c_str(), ctx.ui.texts[k_blocked], options);
  std::string& moderated = ctx.ui.texts[k_chat_moderated];
  const bool on = moderated == "1";
  const std::string label = std::string(on ? icon::check_circle : icon::circle_o) + "  " + tr(S::chat_moderated) + "###" + k_chat_moderated;
  mirror::next_role("checkbox");
  mirror::next_state(on);
  if (ui::secondary_button(label.c_str(), width)) moderated = on ? "0" : "1";
}

std::vector<std::string> words_of(std::string_view list) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at <= list.size()) {
    std::size_t end = list.find_first_of(",;\n", at);
    if (end == std::string_view::npos) end = list.size();
    if (auto word = core::trim(list.substr(at, end - at)); !word.empty()) words.emplace_back(word);
    at = end + 1;
  }
  return words;
}

// [SECTION] fields
void draw_fields(Context& ctx, float width) {
  if (ctx.ui.texts[k_date].empty()) ctx.ui.texts[k_date] = iso_date(ctx.epoch_ms);
  labelled_field(ctx, S::session_title, S::session_title_placeholder, k_title, width);
  // Facilitator and date side by side when there is room: the card then fits a laptop's height.
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const bool two_columns = width >= theme::fonts().base_px * 20.0f;
  const float date_width = two_columns ? std::round(width * 0.38f) : width;
  const float row_y = ImGui::GetCursorPosY();
  if (two_columns) ImGui::BeginGroup();
  labelled_field(ctx, S::session_host, S::session_host_placeholder, k_host, two_columns ? width - date_width - spacing : width);
  if (two_columns) {
    ImGui::EndGroup();
    ImGui::SameLine(0, spacing);
    ImGui::SetCursorPosY(row_y);  // both labels on one line (SameLine would align the fields' text)
    ImGui::BeginGroup();
  }
  labelled_field(ctx, S::session_date, S::session_date_placeholder, k_date, date_width);
  if (two_columns) ImGui::EndGroup();
  labelled_field(ctx, S::session_description, S::session_description_placeholder, k_description, width);
  locale_toggle(ctx, width);
}

// The configure event for what the fields hold: only fields that differ from the session's.
core::SessionConfigure configure_from_fields(Context& ctx, bool with_zone) {
  const core::SessionInfo& info = ctx.session.info;
  core::SessionConfigure c;
  auto set = [&](std::optional<std::string>& out, const char* key, const std::string& current) {
    const std::string& value = ctx.ui.texts[key];
    if (!blank(value) && value != current) out = value;
  };
  set(c.title, k_title, info.title);
  set(c.host, k_host, info.host);
  set(c.date, k_date, info.date);
  set(c.description, k_description, info.description);
  set(c.locale, k_locale, info.locale);
  if (!ctx.ui.texts.count(k_blocked)) ctx.ui.texts[k_blocked] = default_blocked_words();  // a new session
  if (const auto words = words_of(ctx.ui.texts[k_blocked]); core::blocked_word_list(words) != info.blocked_words) c.blocked_words = words;
  if (const bool moderated = ctx.ui.texts[k_chat_moderated] == "1"; moderated != info.chat_moderated) c.chat_moderated = moderated;
  if (with_zone) {
    // The browser's zone is the default of a session created here: the report prints times in the
    // session's zone, and the facilitator's browser is where the workshop happens.
    const std::string& zone = ctx.browser.time_zone;
    // A zone core does not know would refuse the whole event: keep the session's default then.
    if (zone != info.timezone && core::parse_timezone(zone)) c.timezone = zone;
  }
  return c;
}

bool changes_something(const core::SessionConfigure& c) {
  return c.title || c.host || c.date || c.description || c.locale || c.timezone || c.chat_moderated || c.blocked_words;
}

void submit_configure(Context& ctx, core::SessionConfigure c) {
  ctx.actions.push_back(act::Submit{std::move(c)});
}

// End-to-end encryption (docs/security.md), off by default; the create action asks for a key when
// it is ticked. Only where WebCrypto is (https or localhost). Item key: session-e2e.
void e2e_toggle(Context& ctx, float width) {
  if (!ctx.browser.e2e_available) return;
  bool& on = ctx.ui.e2e_wanted;
  const std::string label = std::string(on ? icon::check_circle : icon::circle_o) + "  " + icon::key + "  " +
                            tr(S::e2e_toggle) + "###session-e2e";
  mirror::next_role("checkbox");
  mirror::next_state(on);
  if (ui::secondary_button(label.c_str(), width)) on = !on;  // a tick, not a second "Create"
}

}  // namespace

void draw_session_fields(Context& ctx, float width) {
  draw_fields(ctx, width);
  e2e_toggle(ctx, width);
}

void remember_session_details(Context& ctx) { ctx.ui.session_details_pending = true; }

// [SECTION] sending
void send_pending_session_details(Context& ctx) {
  if (!ctx.ui.session_details_pending || ctx.identity.role != core::Role::host || ctx.link != Link::in_room) return;
  ctx.ui.session_details_pending = false;
  auto c = configure_from_fields(ctx, true);
  if (changes_something(c)) submit_configure(ctx, std::move(c));
}

// [SECTION] session card
void draw_session_card(Context& ctx, float width) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const core::SessionInfo& info = ctx.session.info;
  bool& editing = ctx.ui.session_editing;
  ui::begin_card(width);
  const float inner = ui::avail_width();
  if (!editing) {
    ui::text_in(f.heading, info.title.empty() ? tr(S::session_untitled) : info.title);
    std::string line = info.date;
    if (!info.host.empty()) line += (line.empty() ? "" : " · ") + info.host;
    if (!line.empty()) ui::text_muted(line);
    ui::gap(base * 0.2f);
    const std::string edit = std::string(icon::pencil) + "  " + tr(S::session_edit) + "###session-edit";
    if (ui::secondary_button(edit.c_str(), inner)) {
      editing = true;
      ctx.ui.texts[k_title] = info.title;
      ctx.ui.texts[k_host] = info.host;
      ctx.ui.texts[k_date] = info.date;
      ctx.ui.texts[k_description] = info.description;
      ctx.ui.texts[k_locale] = info.locale;
      std::string words;
      for (const auto& w : info.blocked_words) words += (words.empty() ? "" : ", ") + w;
      ctx.ui.texts[k_blocked] = words;
      ctx.ui.texts[k_chat_moderated] = info.chat_moderated ? "1" : "0";
    }
  } else {
    draw_fields(ctx, inner);
    moderation_fields(ctx, inner);
    ui::gap(base * 0.3f);
    const float half = (inner - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (ui::secondary_button((std::string(tr(S::cancel)) + "###session-cancel").c_str(), half)) editing = false;
    ImGui::SameLine();
    auto c = configure_from_fields(ctx, false);
    const bool ready = !blank(ctx.ui.texts[k_title]);
    if (ui::primary_button((std::string(icon::check) + "  " + tr(S::session_save) + "###session-save").c_str(), half, ready)) {
      if (changes_something(c)) submit_configure(ctx, std::move(c));
      editing = false;
    }
  }
  ui::end_card();
}

}  // namespace palabre::app::views
