// Host console: create the room, share it (code, QR, links), follow and moderate the messages.
// [SECTION] create  [SECTION] share panel  [SECTION] messages  [SECTION] people  [SECTION] layout
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "core/text.hpp"

namespace palabre::app::views {
namespace {

std::string spaced_code(const std::string& code) {
  if (code.size() != 6) return code;
  return code.substr(0, 3) + " " + code.substr(3);
}

// [SECTION] create
void draw_create(Context& ctx) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const ui::Column column = ui::begin_column(base * 28.0f);
  const float width = column.width;
  // "Créer la session" stays above the fold on a 1366×768 laptop and a 390×844 phone.
  const bool tall = ImGui::GetIO().DisplaySize.y > 900;
  ui::gap(base * (tall ? 3.0f : 0.6f));
  draw_brand(1.4f);
  ui::gap(base * (tall ? 1.2f : 0.6f));
  ui::begin_card(width);
  ui::text_in(f.heading, tr(S::host_title));
  ui::gap(base * 0.2f);
  if (tall) {  // a short screen keeps its height for the fields and the button
    ui::text_muted(tr(S::host_blurb));
    ui::gap(base * 0.4f);
  }
  draw_session_fields(ctx, ui::avail_width());
  ui::gap(base * 0.4f);
  const bool creating = ctx.identity.room.empty() && ctx.ui.copied_key == "creating";
  const std::string label = creating ? std::string(tr(S::host_creating)) + "###create"
                                     : std::string(icon::play) + "  " + tr(S::host_create) + "###create";
  if (ui::primary_button(label.c_str(), -1, !creating)) {
    ctx.ui.copied_key = "creating";
    remember_session_details(ctx);
    ctx.actions.push_back(act::CreateRoom{ctx.ui.e2e_wanted && ctx.browser.e2e_available});
  }
  ui::end_card();
  ui::end_column(column);
}

// One secondary button that copies `link` and says so for two seconds.
bool copy_button(Context& ctx, const char* what, const std::string& link, const char* key, float width) {
  const bool copied = ctx.ui.copied_key == key && ctx.now_ms - ctx.ui.copied_at_ms < 2000;
  if (copied) ctx.ui.animating = true;  // to turn "Copied" back after two seconds
  const std::string label = std::string(copied ? icon::check : icon::copy) + "  " + (copied ? tr(S::host_copied) : what) +
                            "###copy-" + key;
  if (!ui::secondary_button(label.c_str(), width)) return false;
  ctx.actions.push_back(act::Copy{link});
  ctx.ui.copied_key = key;
  ctx.ui.copied_at_ms = ctx.now_ms;
  return true;
}

// The join link as people can read it aloud: host and path, without the scheme.
std::string readable_link(const std::string& url) {
  const auto scheme = url.find("://");
  return scheme == std::string::npos ? url : url.substr(scheme + 3);
}

// [SECTION] share panel
// Renewing the join link, confirmed first: old links and codes stop admitting newcomers, while
// everyone already in keeps their place (docs/decisions.md, "Renewing the join link").
void draw_renew(Context& ctx, float width) {
  if (!ctx.ui.renewing) {
    const std::string label = std::string(icon::refresh) + "  " + tr(S::renew_link) + "###renew";
    if (ui::link_button(label.c_str())) ctx.ui.renewing = true;
    return;
  }
  ui::text_wrapped(tr(ctx.route.key.empty() ? S::renew_confirm : S::renew_confirm_e2e), theme::colour::muted);
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (ui::primary_button((std::string(tr(S::renew_link)) + "###renew-yes").c_str(), half)) {
    ctx.actions.push_back(act::RenewJoinLink{});
    ctx.ui.renewing = false;
  }
  ImGui::SameLine();
  if (ui::secondary_button((std::string(tr(S::cancel)) + "###renew-no").c_str(), half)) ctx.ui.renewing = false;
}

void draw_share(Context& ctx, float width) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const ImGuiStyle& style = ImGui::GetStyle();
  ui::begin_card(width);
  ImGui::PushFont(f.heading);
  ui::text(tr(S::host_share));
  ImGui::PopFont();
  ui::text_muted(tr(S::host_code));
  ui::text_in(theme::display_font(), spaced_code(ctx.identity.room), theme::colour::accent);
  // Once renewed, the code people type carries the join key too (the old code admits nobody new).
  if (!ctx.session.invite.empty()) ui::text_in(theme::display_font(), "- " + spaced_code(ctx.session.invite), theme::colour::accent);
  // The code alone opens an encrypted room its newcomer cannot read: say how to share it.
  if (!ctx.route.key.empty()) ui::text_muted(tr(S::e2e_scan_to_join));
  if (!ctx.route.key.empty() && ctx.session.key_epoch > 1)
    ui::text_muted(std::string(icon::key) + "  " + tr(S::e2e_key_renewed) + " " + std::to_string(ctx.session.key_epoch));
  const float inner = ui::avail_width();
  if (!ctx.links.join.empty()) {
    const float qr = std::min(inner, base * 10.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - qr) * 0.5f);
    ui::qr_code(ctx.links.join, qr);
    ui::text_in(f.body, readable_link(ctx.links.join), theme::colour::muted, true);
    copy_button(ctx, tr(S::host_join_link), ctx.links.join, "join", inner);
    draw_renew(ctx, inner);
  }
  if (!ctx.links.kiosk.empty()) {
    // The kiosk link is a secret (it shows everything): copy or open it, never display it.
    const float half = (inner - style.ItemSpacing.x) * 0.5f;
    copy_button(ctx, tr(S::host_kiosk_link), ctx.links.kiosk, "kiosk", half);
    ImGui::SameLine();
    const std::string open_label = std::string(icon::kiosk) + "  " + tr(S::host_open_kiosk) + "###open-kiosk";
    if (ui::secondary_button(open_label.c_str(), half)) ctx.actions.push_back(act::OpenUrl{ctx.links.kiosk});
    // While an activity runs, the screen keeps the code and a small QR code in a corner for
    // latecomers; the host may take them off (a session event: every screen and replay agree).
    const bool shown = ctx.session.info.screen_join;
    mirror::next_role("checkbox");
    mirror::next_state(shown);
    const std::string toggle = std::string(shown ? icon::check_circle : icon::circle_o) + "  " + tr(S::kiosk_join_panel) + "###screen-join";
    if (ui::link_button(toggle.c_str())) {
      core::SessionConfigure c;
      c.screen_join = !shown;
      ctx.actions.push_back(act::Submit{c});
    }
  }
  ui::end_card();
}

// [SECTION] messages
void draw_messages(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const auto& messages = ctx.session.messages;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(base * 1.4f, base * 1.2f));
  ImGui::BeginChild("messages-panel", ImVec2(width, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PushFont(f.heading);
  ui::text(tr(S::host_messages));
  ImGui::PopFont();
  ImGui::SameLine();
  const int visible = static_cast<int>(std::count_if(messages.begin(), messages.end(), [](auto& m) { return !m.hidden; }));
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * 0.35f);
  ui::text(std::to_string(visible), ImGui::GetColorU32(ImGuiCol_TextDisabled));
  ImGui::Separator();
  ui::gap(base * 0.2f);
  if (messages.empty()) {
    ui::gap(base * 2);
    ui::text_muted(tr(S::host_no_messages));
  }
  const auto held = std::count_if(messages.begin(), messages.end(), [](auto& m) { return !m.approved && !m.hidden; });
  if (held > 1) {
    const std::string all = std::string(icon::check) + " " + tr(S::mod_approve_all) + " (" + std::to_string(held) + ")###approve-all-messages";
    if (ui::secondary_button(all.c_str(), std::min(width * 0.8f, base * 16.0f)))
      for (const core::Message& m : messages)
        if (!m.approved && !m.hidden) ctx.actions.push_back(act::Submit{core::ChatApprove{m.id}});
  }
  const float avatar = base * 2.2f;
  for (const core::Message& m : messages) {
    ImGui::PushID(static_cast<int>(m.id));
    const std::string name = ctx.session.display_name(m.from);
    const std::string hide = std::string(m.hidden ? icon::eye : icon::eye_slash) + " " +
                             (m.hidden ? tr(S::host_show) : tr(S::host_hide)) + "###hide-" + std::to_string(m.id);
    const float bw = ImGui::CalcTextSize(hide.c_str(), nullptr, true).x + base * 1.2f;
    ui::avatar(name, avatar);
    ImGui::SameLine();
    ImGui::BeginGroup();
    // Name and time on one line, left of "Masquer": a long name is shortened, never drawn under it.
    const bool held = !m.approved && !m.hidden;  // waits for the host: nobody else sees it yet
    const std::string when = clock_time(ctx.session, m.at, ctx.browser.tz_offset_minutes) +
                             (m.hidden ? std::string(" · ") + tr(S::host_hidden) : held ? std::string(" · ") + tr(S::mod_waiting) : std::string());
    const float header_room = ImGui::GetWindowContentRegionMax().x - bw - ImGui::GetCursorPosX() - base * 0.5f;
    const float when_w = ImGui::CalcTextSize(when.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushFont(f.strong);
    const std::string shown_name = ui::ellipsize(name, std::max(base * 3.0f, header_room - when_w));
    ui::text(shown_name);
    const float name_w = ImGui::GetItemRectSize().x;
    ImGui::PopFont();
    if (shown_name != name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
    ImGui::SameLine();
    ui::text(ui::ellipsize(when, std::max(base * 2.0f, header_room - name_w - ImGui::GetStyle().ItemSpacing.x)),
             ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - base * 6.5f);
    if (m.hidden) ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::muted);
    ui::text(m.text);
    if (m.hidden) ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float row_bottom = ImGui::GetItemRectMax().y;
    // Moderation on the right of each message.
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - bw);
    if (ui::link_button(hide.c_str())) ctx.actions.push_back(act::HideMessage{m.id, !m.hidden});
    if (held) {
      const std::string approve = std::string(icon::check) + " " + tr(S::mod_approve) + "###approve-" + std::to_string(m.id);
      ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(approve.c_str(), nullptr, true).x - base * 1.2f);
      if (ui::link_button(approve.c_str())) ctx.actions.push_back(act::Submit{core::ChatApprove{m.id}});
    }
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(ImGui::GetCursorScreenPos().y, row_bottom + base * 0.6f)));
    ImGui::PopID();
  }
  // Follow new messages when already at the bottom.
  if (messages.size() != ctx.ui.messages_seen) {
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - base * 4) ImGui::SetScrollHereY(1.0f);
    ctx.ui.messages_seen = messages.size();
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
}

// [SECTION] people
// The host's "Retirer", confirmed first, with the choice to hide what the person wrote.
void draw_removal_confirmation(Context& ctx) {
  const core::Participant* p = ctx.session.find_participant(ctx.ui.removing);
  if (!p) return;
  ui::text_wrapped(p->name + " — " + tr(S::remove_confirm), theme::colour::live);
  ImGui::Checkbox((std::string(tr(S::remove_hide)) + "###remove-hide").c_str(), &ctx.ui.removing_hides);
  const float half = (ui::avail_width() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (ui::primary_button((std::string(tr(S::remove_person)) + "###remove-yes").c_str(), half)) {
    ctx.actions.push_back(act::Submit{core::ParticipantRemove{p->id, ctx.ui.removing_hides}});
    ctx.ui.removing.clear();
  }
  ImGui::SameLine();
  if (ui::secondary_button((std::string(tr(S::cancel)) + "###remove-no").c_str(), half)) ctx.ui.removing.clear();
  ui::gap(theme::fonts().base_px * 0.4f);
}

// Who is in, online first: a count of who is online, a search, and rows whose names are shortened
// with "…" (the full name on hover and as the row's name in the mirror) beside an online dot that
// always shows. The list scrolls on its own within `height`, and only its visible rows are laid
// out: a room of 10,000 costs the same frame as a room of 20 (bench/app/frame.mjs).
void draw_people(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const auto& people = ctx.session.participants;
  const auto is_online = [&](const core::Participant& p) { return views::is_online(ctx.session, p); };
  const float top = ImGui::GetCursorScreenPos().y;
  ui::begin_card(width);
  ImGui::PushFont(f.heading);
  ui::text(tr(S::host_people));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * 0.35f);
  const int online = online_participants(ctx.session);
  ui::text(std::to_string(people.size()) + " · " + std::to_string(online) + " " + tr(S::lobby_online),
           ImGui::GetColorU32(ImGuiCol_TextDisabled));
  if (people.empty()) {
    ui::text_muted(tr(S::host_nobody));
    ui::end_card();
    return;
  }
  draw_removal_confirmation(ctx);
  std::string& search = ctx.ui.texts["people-search"];
  if (people.size() > 8 || !search.empty()) {
    mirror::TextFieldOptions options;
    options.placeholder = tr(S::people_search);
    options.max_bytes = 100;
    mirror::TextField((std::string(tr(S::people_search)) + "###people-search").c_str(), search, options);
  }
  // Online first, then in join order; filtered by the search (case and accents folded as answers are).
  std::vector<const core::Participant*> rows;
  rows.reserve(people.size());
  const std::string wanted = core::normalize_answer(search);
  for (const core::Participant& p : people)
    if (wanted.empty() || core::normalize_answer(p.name).find(wanted) != std::string::npos) rows.push_back(&p);
  std::stable_partition(rows.begin(), rows.end(), [&](const core::Participant* p) { return is_online(*p); });
  // Rows are placed by hand (the clipper's height), 0.35 text size apart: 15 and more at 1366×768.
  const float row = std::round(base * 1.15f) + std::round(base * 0.35f);
  const float list_h = std::max(row * 3, top + height - ImGui::GetCursorScreenPos().y - base * 1.6f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("people-list", ImVec2(ui::avail_width(), list_h), false, ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar();
  const float inner = ImGui::GetContentRegionAvail().x;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()), row);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const core::Participant& p = *rows[static_cast<std::size_t>(i)];
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float avatar = std::round(base * 1.15f);
      ui::avatar(p.name, avatar);
      // The dot sits on the avatar's corner, as chat apps show presence: never pushed out of sight.
      ImDrawList* draw = ImGui::GetWindowDrawList();
      const ImVec2 dot(at.x + avatar * 0.85f, at.y + avatar * 0.85f);
      draw->AddCircleFilled(dot, base * 0.32f, ImGui::GetColorU32(ImGuiCol_ChildBg));
      draw->AddCircleFilled(dot, base * 0.22f, is_online(p) ? theme::colour::ok : theme::colour::line);
      ImGui::SameLine();
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (avatar - ImGui::GetFontSize()) * 0.5f);
      const bool removed = ctx.session.removed.count(p.id) > 0;
      const std::string action = removed ? std::string(tr(S::removed_badge)) : std::string(tr(S::remove_person));
      const float action_w = ImGui::CalcTextSize(action.c_str()).x + base;
      const std::string shown = ui::ellipsize(p.name, inner - avatar - base - action_w);
      ui::text(shown, is_online(p) && !removed ? 0 : ImGui::GetColorU32(ImGuiCol_TextDisabled));
      if (shown != p.name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.name.c_str());
      ImGui::SameLine(inner - action_w + base * 0.5f);
      if (removed) {
        ui::text(action, ImGui::GetColorU32(ImGuiCol_TextDisabled));
      } else {
        // Named after the person in the mirror: a screen reader hears "Retirer Bob", not ten "Retirer".
        mirror::next_name((action + " " + p.name).c_str());
        if (ui::link_button((action + "###remove-" + p.id).c_str())) {
          ctx.ui.removing = p.id;
          ctx.ui.removing_hides = true;
        }
      }
      ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row));
    }
  }
  ImGui::EndChild();
  ui::end_card();
}

}  // namespace

// [SECTION] layout
void draw_host(Context& ctx) {
  if (ctx.route.view == View::host_create || ctx.identity.room.empty()) {
    draw_create(ctx);
    return;
  }
  send_pending_session_details(ctx);
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const float spacing = ImGui::GetStyle().ItemSpacing.x * 1.5f;
  // Top bar: brand, room code, connection.
  draw_brand();
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * 0.3f);
  ui::text(spaced_code(ctx.identity.room), ImGui::GetColorU32(ImGuiCol_TextDisabled));
  // End-to-end encrypted: said beside the room code where the row has room (on a phone the share
  // card says it, under the code).
  if (!ctx.route.key.empty() && ImGui::GetContentRegionAvail().x > base * 34.0f) {
    ImGui::SameLine(0, base);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - base * 0.3f);
    ui::pill(std::string(icon::key) + "  " + tr(S::e2e_badge), theme::colour::accent, theme::colour::accent_soft);
  }
  if (draw_status_and_language_right(ctx.link)) ctx.actions.push_back(act::ToggleLang{});
  ui::gap(base * 0.2f);
  if (!ctx.ui.error.empty()) ui::text_wrapped(ctx.ui.error, theme::colour::live);

  const ImVec2 area = ImGui::GetContentRegionAvail();
  const float height = area.y;
  // A column scrolls with a visible scrollbar when its cards are taller than the screen.
  auto column = [&](const char* id, float width, auto&& body) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(id, ImVec2(width, height), false, ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    body();
    ImGui::EndChild();
  };
  if (area.x >= base * 62) {  // laptop and wider: share | activities | people and messages
    const float side = std::min(base * 18.0f, area.x * 0.25f);
    const float right = std::min(base * 18.0f, area.x * 0.25f);
    const float main = area.x - side - right - 2 * spacing;
    column("share-column", side, [&] {
      draw_session_card(ctx, side);
      ui::gap(base * 0.4f);
      draw_share(ctx, side);
    });
    ImGui::SameLine(0, spacing);
    draw_console(ctx, main, height);
    ImGui::SameLine(0, spacing);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("people-column", ImVec2(right, height), false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    // People and messages take the column in turn, a tab each: the list of a real room needs the
    // height (15 names and more at 1366×768); the messages' tab counts what came since it was open.
    const auto& messages = ctx.session.messages;
    const std::size_t visible = static_cast<std::size_t>(std::count_if(messages.begin(), messages.end(), [](auto& m) { return !m.hidden; }));
    if (ctx.ui.host_messages_tab) ctx.ui.messages_read = visible;
    const std::size_t unread = visible > ctx.ui.messages_read ? visible - ctx.ui.messages_read : 0;
    const float tab_w = (right - ImGui::GetStyle().ItemSpacing.x) * 0.5f, tab_h = std::round(base * 2.3f);
    const std::string people_tab = std::string(icon::users) + "  " + std::to_string(ctx.session.participants.size()) + "###tab-people";
    mirror::next_name(tr(S::host_people));
    if (ui::tab_button(people_tab.c_str(), !ctx.ui.host_messages_tab, tab_w, tab_h)) ctx.ui.host_messages_tab = false;
    ImGui::SameLine();
    const std::string messages_tab = std::string(icon::comments) + "  " + std::to_string(visible) +
                                     (unread > 0 ? "  (+" + std::to_string(unread) + ")" : std::string()) + "###tab-messages";
    mirror::next_name(tr(S::host_messages));
    if (ui::tab_button(messages_tab.c_str(), ctx.ui.host_messages_tab, tab_w, tab_h)) ctx.ui.host_messages_tab = true;
    ui::gap(base * 0.2f);
    if (ctx.ui.host_messages_tab) draw_messages(ctx, right, ImGui::GetContentRegionAvail().y);
    else draw_people(ctx, right, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
  } else if (area.x >= base * 44) {  // tablet: share, people and messages | activities
    const float side = std::min(base * 20.0f, area.x * 0.4f);
    column("share-column", side, [&] {
      draw_session_card(ctx, side);
      ui::gap(base * 0.4f);
      draw_share(ctx, side);
      ui::gap(base * 0.4f);
      draw_people(ctx, side, base * 22.0f);
      ui::gap(base * 0.4f);
      draw_messages(ctx, side, base * 20.0f);
    });
    ImGui::SameLine(0, spacing);
    draw_console(ctx, area.x - side - spacing, height);
  } else {  // phone: one column, the page scrolls
    draw_session_card(ctx, area.x);
    ui::gap(base * 0.4f);
    draw_share(ctx, area.x);
    ui::gap(base * 0.4f);
    draw_console(ctx, area.x, std::max(base * 24.0f, height * 0.9f));
    ui::gap(base * 0.4f);
    draw_messages(ctx, area.x, base * 20.0f);
    ui::gap(base * 0.4f);
    draw_people(ctx, area.x, base * 24.0f);
  }
}

// Below the create card: the no-relay choice (issue 6), for a workshop run from this one browser.
void draw_local_choice(Context& ctx) {
  if (ctx.route.view != View::host_create || !ctx.identity.room.empty()) return;
  const float base = theme::fonts().base_px;
  ui::gap(base * 0.6f);
  const ui::Column column = ui::begin_column(base * 28.0f);
  const std::string label = std::string(tr(S::host_create_local)) + "###create-local";
  if (ui::secondary_button(label.c_str(), column.width)) ctx.actions.push_back(act::CreateRoom{false, true});
  ui::text_muted(tr(S::host_create_local_blurb));
  ui::end_column(column);
}

}  // namespace palabre::app::views
