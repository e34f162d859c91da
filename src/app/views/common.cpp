#include <algorithm>
#include <cstdio>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "core/timezone.hpp"

namespace palabre::app::views {

void draw_brand(float size_scale) {
  const auto& f = theme::fonts();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = f.heading->FontSize * ImGui::GetIO().FontGlobalScale * size_scale;
  // The mark: two overlapping speech bubbles, indigo and coral.
  const float r = h * 0.36f;
  draw->AddCircleFilled(ImVec2(pos.x + r, pos.y + h * 0.5f), r, theme::colour::accent, 32);
  draw->AddCircleFilled(ImVec2(pos.x + r * 2.1f, pos.y + h * 0.5f), r, theme::colour::live, 32);
  draw->AddCircleFilled(ImVec2(pos.x + r * 1.55f, pos.y + h * 0.5f), r * 0.45f, IM_COL32(255, 255, 255, 235), 24);
  ImGui::Dummy(ImVec2(r * 3.3f, h));
  ImGui::SameLine();
  ImGui::PushFont(f.heading);
  ImGui::SetWindowFontScale(size_scale);
  ui::text("Palabre");
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
}

void draw_status(Link link) {
  switch (link) {
    case Link::in_room: ui::pill(tr(S::status_online), theme::colour::ok, IM_COL32(220, 245, 231, 255)); break;
    case Link::open:
    case Link::connecting: ui::pill(tr(S::status_connecting), theme::colour::muted, IM_COL32(236, 234, 230, 255)); break;
    case Link::offline: ui::pill(tr(S::status_offline), theme::colour::live, IM_COL32(253, 229, 225, 255)); break;
  }
}

namespace {
const char* status_text(Link link) {
  switch (link) {
    case Link::in_room: return tr(S::status_online);
    case Link::open:
    case Link::connecting: return tr(S::status_connecting);
    case Link::offline: return tr(S::status_offline);
  }
  return "";
}
}  // namespace

void draw_status_right(Link link) {
  const float w = ui::pill_width(status_text(link));
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
  draw_status(link);
}

bool draw_language_switch_right(float right_margin) {
  const std::string label = std::string(lang() == Lang::fr ? "EN" : "FR") + "###lang";
  const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + theme::fonts().base_px * 1.2f;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - right_margin - w));
  mirror::next_name(tr(S::language_switch));
  return ui::link_button(label.c_str());
}

std::string clock_time(const core::Session& session, std::int64_t at_ms, int browser_offset_minutes) {
  const auto zone = core::parse_timezone(session.info.timezone);
  const int tz_offset_minutes = zone ? core::utc_offset_minutes(*zone, at_ms) : browser_offset_minutes;
  const std::int64_t minutes = (at_ms / 60000 + tz_offset_minutes) % (24 * 60);
  const std::int64_t m = minutes < 0 ? minutes + 24 * 60 : minutes;
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", static_cast<int>(m / 60), static_cast<int>(m % 60));
  return out;
}

}  // namespace palabre::app::views
