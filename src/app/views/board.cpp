// The board as a picture (results of a board activity, and the board people move post-its on).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/results_look.hpp"
#include "app/views/views.hpp"
#include "core/aggregates.hpp"
#include "core/board_layout.hpp"
#include "imgui_internal.h"

namespace palabre::app::views {
namespace {

// The board as a picture, like the seed report's board image: one zone per category, post-its at
// their (x, y) place (board units 0..10000 within the zone). The geometry is core's
// (core/board_layout.hpp), shared with the report's picture, so both draw a log alike.
struct BoardZone { ImVec2 min, max; };
struct BoardNote { const core::Idea* idea; int zone; ImVec2 pos, size; bool movable; };

core::BoardRect rect_of(const BoardZone& zone) { return {zone.min.x, zone.min.y, zone.max.x - zone.min.x, zone.max.y - zone.min.y}; }

std::vector<BoardZone> board_zones(int zones, ImVec2 origin, float width, float base, bool kiosk) {
  const float avail = ImGui::GetContentRegionAvail().y - base;
  const float height = std::max(base * 14.0f, std::min(avail, base * (kiosk ? 40.0f : 30.0f)));
  std::vector<BoardZone> out;
  for (const core::BoardRect& r : core::board_zones(zones, width, height, base, kiosk ? avail : 0.0f))
    out.push_back({ImVec2(origin.x + static_cast<float>(r.x), origin.y + static_cast<float>(r.y)),
                   ImVec2(origin.x + static_cast<float>(r.x + r.width), origin.y + static_cast<float>(r.y + r.height))});
  return out;
}

float note_width(const BoardZone& zone, float base, bool kiosk) {
  return static_cast<float>(core::board_note_width(rect_of(zone), base, kiosk ? 10.0 : 9.0));
}
// Where a post-it of `size` at board units (x, y) sits in `zone`, and back.
ImVec2 note_place(const BoardZone& zone, ImVec2 size, int x, int y, float base) {
  const core::BoardPoint p = core::board_note_place(rect_of(zone), {size.x, size.y}, x, y, base);
  return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y));
}
std::pair<int, int> note_units(const BoardZone& zone, ImVec2 size, ImVec2 pos, float base) {
  return core::board_note_position(rect_of(zone), {size.x, size.y}, {pos.x, pos.y}, base);
}
// The zone a point falls in, or the nearest one.
int zone_at(const std::vector<BoardZone>& zones, ImVec2 p) {
  std::vector<core::BoardRect> rects;
  for (const BoardZone& z : zones) rects.push_back(rect_of(z));
  return core::board_zone_at(rects, {p.x, p.y});
}

}  // namespace

void board(Context& ctx, const core::Activity& a, const Look& look, float width, bool interactive) {
  const core::IdeaFigures& fig = figures_of(ctx.session, a).ideas;
  const float base = theme::fonts().base_px;
  Ui& ui = ctx.ui;
  // A phone draws the board before any figure is published: no count rather than its own zeros.
  if (ctx.session.hears_every_answer || a.published)
    line(look, std::to_string(fig.ideas) + " " + trn(S::ideas, fig.ideas) + " · " + std::to_string(fig.contributors) +
                   out_of(ctx, fig.participants) + " " + trn(S::participants_word, ctx.session.hears_every_join ? fig.participants : fig.contributors));
  const int zone_count = std::max<int>(1, static_cast<int>(a.spec.categories.size()));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const std::vector<BoardZone> zones = board_zones(zone_count, origin, width, base, look.kiosk);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  static const ImU32 notes[] = {IM_COL32(255, 236, 153, 255), IM_COL32(255, 205, 210, 255), IM_COL32(200, 230, 201, 255),
                                IM_COL32(187, 222, 251, 255), IM_COL32(225, 190, 231, 255)};
  ImFont* font = look.kiosk ? theme::fonts().strong : theme::fonts().body;
  const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale * (look.kiosk ? 0.95f : 0.85f);
  ImFont* title_font = look.kiosk ? theme::fonts().heading : theme::fonts().strong;
  const float title_fs = title_font->FontSize * ImGui::GetIO().FontGlobalScale * (look.kiosk ? 0.8f : 1.0f);
  // A zone shows at most about twice the post-its it can hold side by side, the newest (on top):
  // past that the older ones are entirely covered anyway. The rest is counted in the zone's title
  // ("+ 1,234"), and every idea stays in moderation and in the report.
  std::vector<int> in_zone(static_cast<std::size_t>(zone_count), 0), skip(static_cast<std::size_t>(zone_count), 0);
  for (const auto& [id, idea] : a.ideas) {
    const int z = a.spec.categories.empty() ? 0 : idea.category;
    if (!idea.hidden && idea.approved && z >= 0 && z < zone_count) ++in_zone[static_cast<std::size_t>(z)];
  }
  for (int z = 0; z < zone_count; ++z) {
    const BoardZone& zone = zones[static_cast<std::size_t>(z)];
    const float note_area = note_width(zone, base, look.kiosk) * base * 2.6f;
    const int fits = std::max(12, static_cast<int>(2.0f * (zone.max.x - zone.min.x) * (zone.max.y - zone.min.y) / note_area));
    skip[static_cast<std::size_t>(z)] = std::max(0, in_zone[static_cast<std::size_t>(z)] - fits);
  }
  for (int z = 0; z < zone_count; ++z) {
    const BoardZone& zone = zones[static_cast<std::size_t>(z)];
    draw->AddRectFilled(zone.min, zone.max, look.kiosk ? IM_COL32(255, 255, 255, 14) : IM_COL32(240, 238, 233, 255), base * 0.6f);
    float title_width = zone.max.x - zone.min.x - base * 1.2f;
    if (const int more = skip[static_cast<std::size_t>(z)]; more > 0) {
      const std::string text = "+ " + std::to_string(more);
      const ImVec2 ms = title_font->CalcTextSizeA(title_fs, FLT_MAX, 0, text.c_str());
      ui::draw_text(draw, title_font, title_fs, ImVec2(zone.max.x - ms.x - base * 0.6f, zone.min.y + base * 0.4f), look.muted, text);
      title_width -= ms.x + base * 0.6f;
    }
    if (z < static_cast<int>(a.spec.categories.size()))
      ui::draw_text(draw, title_font, title_fs, ImVec2(zone.min.x + base * 0.6f, zone.min.y + base * 0.4f), look.muted,
                    a.spec.categories[static_cast<std::size_t>(z)], title_width);
  }
  // Where each post-it is: a move this member sent shows at once, while the client holds it as
  // pending (until the relay echoes it, or refuses it).
  const auto pending_move = [&](std::int64_t idea) -> const core::IdeaMove* {
    for (auto it = ctx.pending.rbegin(); it != ctx.pending.rend(); ++it)
      if (const auto* move = std::get_if<core::IdeaMove>(&it->event); move && move->activity == a.id && move->id == idea) return move;
    return nullptr;
  };
  const bool may_move_any = interactive && ctx.identity.role == core::Role::host;
  const bool may_move_own = interactive && ctx.identity.role == core::Role::participant && a.running() && !a.locked;
  std::vector<BoardNote> placed;
  for (const auto& [id, idea] : a.ideas) {
    if (idea.hidden || !idea.approved) continue;
    if (const int z = a.spec.categories.empty() ? 0 : idea.category;
        z >= 0 && z < zone_count && skip[static_cast<std::size_t>(z)] > 0 && id != ui.drag_note) {
      --skip[static_cast<std::size_t>(z)];
      continue;
    }
    int x = idea.x, y = idea.y, category = idea.category;
    if (const core::IdeaMove* move = pending_move(id)) x = move->x, y = move->y, category = move->category;
    const int z = a.spec.categories.empty() ? 0 : category;
    if (z < 0 || z >= zone_count) continue;
    const BoardZone& zone = zones[static_cast<std::size_t>(z)];
    const float w = note_width(zone, base, look.kiosk);
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, w - base * 0.8f, idea.text.c_str());
    const ImVec2 size(w, ts.y + base * 0.9f);
    placed.push_back({&idea, z, note_place(zone, size, x, y, base), size, may_move_any || (may_move_own && idea.by == ctx.identity.me_in(a))});
  }
  // Hit testing: the post-it drawn last (on top) gets the press, so buttons go in reverse order.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const ImVec2 keep = ImGui::GetCursorScreenPos();
  for (auto it = placed.rbegin(); it != placed.rend(); ++it) {
    if (!it->movable) continue;
    const std::int64_t id = it->idea->id;
    // Out of view, a post-it cannot be pressed: no item for it (the one being dragged stays).
    if (ui.drag_note != id && !ImGui::IsRectVisible(it->pos, ImVec2(it->pos.x + it->size.x, it->pos.y + it->size.y))) continue;
    ImGui::PushID(static_cast<int>(id));
    ImGui::SetCursorScreenPos(it->pos);
    // Mirrored like a button (name: its text) so tests and assistive tools find each post-it.
    const std::string key = "###note-" + std::to_string(id);
    mirror::next_name(it->idea->text.c_str());
    ImGui::InvisibleButton(key.c_str(), it->size);
    if (GImGui->TestEngineHookItems) ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), key.c_str(), 0);
    if (ImGui::IsItemActivated()) {
      ui.drag_note = id;
      ui.drag_dx = mouse.x - it->pos.x;
      ui.drag_dy = mouse.y - it->pos.y;
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (ImGui::IsItemActive() && ui.drag_note == id) {
      it->pos = ImVec2(mouse.x - ui.drag_dx, mouse.y - ui.drag_dy);
      ui.animating = true;
    }
    if (ImGui::IsItemDeactivated() && ui.drag_note == id) {
      ui.drag_note = 0;
      const ImVec2 top_left(mouse.x - ui.drag_dx, mouse.y - ui.drag_dy);
      const int z = zone_at(zones, ImVec2(top_left.x + it->size.x * 0.5f, top_left.y + it->size.y * 0.5f));
      const BoardZone& zone = zones[static_cast<std::size_t>(z)];
      const auto [ux, uy] = note_units(zone, it->size, top_left, base);
      const int category = a.spec.categories.empty() ? -1 : z;
      if (ux != it->idea->x || uy != it->idea->y || category != it->idea->category) {
        ctx.actions.push_back(act::Submit{core::IdeaMove{a.id, id, ux, uy, category}});
      }
    }
    ImGui::PopID();
  }
  ImGui::SetCursorScreenPos(keep);
  // Drawn in order, the dragged one last and lifted.
  const auto draw_note = [&](const BoardNote& n, bool lifted) {
    const ImVec2 p = n.pos;
    if (!lifted && !ImGui::IsRectVisible(p, ImVec2(p.x + n.size.x + 2, p.y + n.size.y + base * 0.5f))) return;
    const float r = base * 0.25f;
    const float shadow = lifted ? base * 0.5f : 3.0f;
    draw->AddRectFilled(ImVec2(p.x + 2, p.y + shadow), ImVec2(p.x + n.size.x + 2, p.y + n.size.y + shadow), IM_COL32(0, 0, 0, lifted ? 60 : 35), r);
    draw->AddRectFilled(p, ImVec2(p.x + n.size.x, p.y + n.size.y), notes[n.zone % 5], r);
    if (n.movable) draw->AddRect(p, ImVec2(p.x + n.size.x, p.y + n.size.y), IM_COL32(0, 0, 0, lifted ? 70 : 25), r);
    ui::draw_text(draw, font, fs, ImVec2(p.x + base * 0.4f, p.y + base * 0.45f), theme::colour::ink, n.idea->text,
                  n.size.x - base * 0.8f, true);
  };
  const BoardNote* lifted = nullptr;
  for (const BoardNote& n : placed) {
    if (n.idea->id == ui.drag_note) lifted = &n;
    else draw_note(n, false);
  }
  if (lifted) draw_note(*lifted, true);
  float bottom = origin.y;
  for (const BoardZone& z : zones) bottom = std::max(bottom, z.max.y);
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, bottom - origin.y));
}


}  // namespace palabre::app::views
