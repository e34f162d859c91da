// Kiosk: the room's big screen. Dark, large type readable from the back of a room, newest message
// always visible, new messages slide in; a side panel tells people how to join. No inputs, no cursor.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/icons.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"

namespace palabre::app::views {
namespace {

float ease_out(float t) { return 1.0f - (1.0f - t) * (1.0f - t) * (1.0f - t); }

std::string host_of(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  const auto end = url.find_first_of("/#?", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

void draw_join_panel(Context& ctx, float width) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ui::begin_card(width, base * 1.2f, theme::colour::kiosk_card);
  if (ctx.route.local) {
    // A no-relay room cannot be reached from another device: no address, code or QR code to show.
    ui::text_in(f.heading, tr(S::kiosk_local_title), theme::colour::kiosk_text);
    ui::gap(base * 0.3f);
    ui::text_in(f.body, tr(S::kiosk_local_text), theme::colour::kiosk_muted, true);
    ui::end_card();
    return;
  }
  // In an encrypted session the code alone opens a room the newcomer cannot read: only the QR
  // code (whose link carries the key) is offered.
  const bool encrypted = !ctx.route.key.empty();
  if (!encrypted) {
    ui::text_in(f.body, tr(S::kiosk_join_at), theme::colour::kiosk_muted);
    ui::text_in(f.heading, host_of(ctx.links.join), theme::colour::kiosk_text);
    ui::gap(base * 0.4f);
    ui::text_in(f.body, tr(S::host_code), theme::colour::kiosk_muted);
    std::string code = ctx.route.room;
    if (code.size() == 6) code = code.substr(0, 3) + " " + code.substr(3);
    ui::text_in(theme::display_font(), code, IM_COL32(255, 255, 255, 255));
    ui::gap(base * 0.6f);
  }
  if (!ctx.links.join.empty()) {
    const float qr = width - base * 2.4f;
    ui::qr_code(ctx.links.join, qr);
    ui::gap(base * 0.2f);
    ui::text_in(f.body, tr(encrypted ? S::e2e_scan_to_join : S::host_scan), theme::colour::kiosk_muted, true);
  }
  ui::end_card();
}

void draw_wall(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ImGui::BeginChild("kiosk-wall", ImVec2(width, height), false,
                    ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const auto& messages = ctx.session.messages;
  const bool any = std::any_of(messages.begin(), messages.end(), [](const core::Message& m) { return !m.hidden; });
  if (!any) {
    ui::gap(height * 0.38f);
    ui::text_in(theme::display_font(), icon::comments, IM_COL32(255, 255, 255, 60), true);
    ui::gap(base * 0.5f);
    ui::text_in(f.heading, tr(S::kiosk_waiting), theme::colour::kiosk_muted, true);
  }
  // Newest at the bottom; the column is pushed down so few messages sit near the bottom edge.
  const float pad = base * 1.0f;
  const float wrap = width - 2 * pad - base * 3.2f;
  float total = 0;
  for (const core::Message& m : messages) {
    if (m.hidden) continue;
    ImGui::PushFont(f.heading);
    total += ImGui::CalcTextSize(m.text.c_str(), nullptr, false, wrap).y + base * 1.6f + 2 * pad + base * 0.8f;
    ImGui::PopFont();
  }
  if (total < height) ui::gap(height - total - ImGui::GetStyle().ItemSpacing.y);
  for (const core::Message& m : messages) {
    if (m.hidden) continue;
    auto [seen, fresh] = ctx.ui.first_seen_ms.try_emplace(m.id, ctx.now_ms);
    const float t = std::clamp(static_cast<float>((ctx.now_ms - seen->second) / 450.0), 0.0f, 1.0f);
    if (t < 1.0f) ctx.ui.animating = true;
    const float k = ease_out(t);
    const std::string name = ctx.session.display_name(m.from);
    ImGui::PushFont(f.heading);
    const ImVec2 text_size = ImGui::CalcTextSize(m.text.c_str(), nullptr, false, wrap);
    ImGui::PopFont();
    const float h = text_size.y + base * 1.6f + 2 * pad;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float dy = (1.0f - k) * base * 2.0f;
    const int alpha = static_cast<int>(255 * k);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a(pos.x, pos.y + dy), b(pos.x + width, pos.y + dy + h);
    draw->AddRectFilled(a, b, (theme::colour::kiosk_card & 0x00FFFFFF) | (static_cast<ImU32>(alpha) << 24), base * 0.9f);
    draw->AddRectFilled(a, ImVec2(a.x + base * 0.35f, b.y), (ui::name_colour(name) & 0x00FFFFFF) | (static_cast<ImU32>(alpha) << 24),
                        base * 0.9f, ImDrawFlags_RoundCornersLeft);
    const float x = a.x + pad + base * 0.6f;
    ImGui::SetCursorScreenPos(ImVec2(x, a.y + pad));
    ui::avatar(name, base * 1.4f);
    ui::draw_text(draw, f.strong, ImGui::GetFontSize(), ImVec2(x + base * 1.9f, a.y + pad + base * 0.15f),
                  (ui::name_colour(name) | 0xFF000000) & (0x00FFFFFF | (static_cast<ImU32>(alpha) << 24)), name);
    const std::string when = clock_time(ctx.session, m.at, ctx.ui.tz_offset_minutes);
    const float when_w = ImGui::CalcTextSize(when.c_str()).x;
    ui::draw_text(draw, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(b.x - pad - when_w, a.y + pad + base * 0.15f),
                  (theme::colour::kiosk_muted & 0x00FFFFFF) | (static_cast<ImU32>(alpha) << 24), when);
    ui::draw_text(draw, f.heading, f.heading->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(x, a.y + pad + base * 1.6f),
                  (theme::colour::kiosk_text & 0x00FFFFFF) | (static_cast<ImU32>(alpha) << 24), m.text, wrap);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h + base * 0.8f - ImGui::GetStyle().ItemSpacing.y));
  }
  ImGui::SetScrollHereY(1.0f);  // newest always visible
  ImGui::EndChild();
}

void draw_activity(Context& ctx, const core::Activity& a, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ImGui::BeginChild("kiosk-activity", ImVec2(width, height), false,
                    ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ui::text_in(f.strong, std::string(kind_icon(a.spec.kind)) + "  " + kind_name(a.spec.kind), theme::colour::live);
  const std::string title = a.spec.kind == core::ActivityKind::quiz || a.spec.title.empty() ? std::string() : a.spec.title;
  if (!title.empty()) {
    ImGui::PushFont(theme::display_font());
    ImGui::PushTextWrapPos(0);
    ui::text(title);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
  }
  const int left = seconds_left(a, ctx.epoch_ms);
  if (left >= 0) {
    ui::pill(std::string(icon::clock) + " " + std::to_string(left) + " s", theme::colour::live, IM_COL32(255, 255, 255, 20));
    ctx.ui.redraw_in_ms = 1000.0 - static_cast<double>(ctx.epoch_ms % 1000);  // next second
  }
  ui::gap(base * 0.5f);
  draw_results(ctx, a, width - base, true);
  ImGui::EndChild();
}

}  // namespace

void draw_kiosk(Context& ctx) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const ImVec2 area = ImGui::GetContentRegionAvail();
  draw_brand(1.2f);
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * 0.35f);
  const bool has_activity = ctx.session.find_activity(ctx.session.current_activity) != nullptr;
  if (ctx.link != Link::in_room) draw_status(ctx.link);
  else if (has_activity && !ctx.session.info.title.empty()) ui::text_in(f.strong, ctx.session.info.title, theme::colour::kiosk_muted);
  else if (!has_activity) ui::text_in(f.strong, std::string(icon::comments) + "  " + tr(S::kiosk_messages), theme::colour::kiosk_muted);
  ui::gap(base * 0.4f);
  const float rest = ImGui::GetContentRegionAvail().y;
  const bool side_panel = area.x > area.y * 1.2f;
  const core::Activity* current = ctx.session.find_activity(ctx.session.current_activity);
  if (current && current->status == core::ActivityStatus::draft) current = nullptr;
  auto main_area = [&](float w, float h) {
    if (current) draw_activity(ctx, *current, w, h);
    else draw_wall(ctx, w, h);
  };
  if (side_panel) {
    const float panel = std::min(area.x * 0.28f, base * 16.0f);
    main_area(area.x - panel - base * 1.5f, rest);
    ImGui::SameLine(0, base * 1.5f);
    ImGui::BeginGroup();
    draw_join_panel(ctx, panel);
    ImGui::EndGroup();
  } else {
    main_area(area.x, rest);
  }
}

}  // namespace palabre::app::views
