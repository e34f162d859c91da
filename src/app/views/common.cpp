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

namespace {
// "Hors ligne — reconnexion", or only "Hors ligne" where the header has no room for the rest.
std::string status_text(Link link, bool short_form);
}  // namespace

void draw_status(Link link, bool short_form) {
  const std::string text = status_text(link, short_form);
  switch (link) {
    case Link::in_room: ui::pill(text, theme::colour::ok, IM_COL32(220, 245, 231, 255)); break;
    case Link::open:
    case Link::connecting: ui::pill(text, theme::colour::muted, IM_COL32(236, 234, 230, 255)); break;
    case Link::offline: ui::pill(text, theme::colour::live, IM_COL32(253, 229, 225, 255)); break;
  }
}

namespace {
std::string status_text(Link link, bool short_form) {
  std::string text;
  switch (link) {
    case Link::in_room: text = tr(S::status_online); break;
    case Link::open:
    case Link::connecting: text = tr(S::status_connecting); break;
    case Link::offline: text = tr(S::status_offline); break;
  }
  if (const auto dash = text.find(" — "); short_form && dash != std::string::npos) text.resize(dash);
  return text;
}
}  // namespace

bool draw_status_and_language_right(Link link) {
  const float base = theme::fonts().base_px;
  const float right = ImGui::GetWindowContentRegionMax().x;
  const std::string label = std::string(lang() == Lang::fr ? "EN" : "FR") + "###lang";
  const float lang_w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + base * 1.2f;
  ImGui::SameLine();
  const float left = ImGui::GetCursorPosX();
  bool short_form = false;
  float status_w = ui::pill_width(status_text(link, false));
  if (right - status_w - base * 0.4f - lang_w < left) {
    short_form = true;
    status_w = ui::pill_width(status_text(link, true));
  }
  const float lang_x = std::max(left, right - status_w - base * 0.4f - lang_w);
  ImGui::SetCursorPosX(lang_x);
  mirror::next_name(tr(S::language_switch));
  const bool pressed = ui::link_button(label.c_str());
  ImGui::SameLine(std::max(lang_x + lang_w + base * 0.4f, right - status_w));
  draw_status(link, short_form);
  return pressed;
}

bool is_online(const core::Session& session, const core::Participant& p) {
  const auto it = session.online.find(p.id);
  return it != session.online.end() && it->second;
}

int online_participants(const core::Session& session) {
  return static_cast<int>(std::count_if(session.participants.begin(), session.participants.end(),
                                        [&](const core::Participant& p) { return is_online(session, p); }));
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
