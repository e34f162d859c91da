// Kiosk: the room's big screen. Dark, large type readable from the back of a room, newest message
// always visible, new messages slide in; a side panel tells people how to join. No inputs, no cursor.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/icons.hpp"
#include "app/images.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "core/aggregates.hpp"

namespace palabre::app::views {
namespace {

float ease_out(float t) { return 1.0f - (1.0f - t) * (1.0f - t) * (1.0f - t); }

// The code to type, spaced to be read from afar ("ABC 234"), with the join key once the host
// renewed the link ("ABC 234 - K7MP4Q").
std::string shown_code(const Context& ctx) {
  std::string code = ctx.route.room;
  if (code.size() == 6) code = code.substr(0, 3) + " " + code.substr(3);
  if (!ctx.session.invite.empty()) code += " - " + ctx.session.invite;
  return code;
}

std::string host_of(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  const auto end = url.find_first_of("/#?", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The lobby's join panel: where to go, the code, and a QR code as big as the panel's height allows.
void draw_join_panel(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const float pad = base * 1.2f;
  const float top = ImGui::GetCursorScreenPos().y;
  ui::begin_card(width, pad, theme::colour::kiosk_card);
  if (ctx.route.local) {
    // A no-relay room cannot be reached from another device: no address, code or QR code to show.
    ui::text_in(f.heading, tr(S::kiosk_local_title), theme::colour::kiosk_text);
    ui::gap(base * 0.3f);
    ui::text_in(f.body, tr(S::kiosk_local_text), theme::colour::kiosk_muted, true);
    ui::end_card();
    return;
  }
  ui::text_in(f.heading, tr(S::kiosk_join_title), theme::colour::kiosk_text);
  ui::gap(base * 0.4f);
  // In an encrypted session the code alone opens a room the newcomer cannot read: only the QR
  // code (whose link carries the key) is offered.
  const bool encrypted = !ctx.route.key.empty();
  if (!encrypted) {
    ui::text_in(f.body, tr(S::kiosk_join_at), theme::colour::kiosk_muted);
    ui::text_in(f.heading, host_of(ctx.links.join), theme::colour::kiosk_text);
    ui::gap(base * 0.3f);
    ui::text_in(f.body, tr(S::host_code), theme::colour::kiosk_muted);
    const std::string code = shown_code(ctx);
    ui::text_in(theme::display_font(), code, IM_COL32(255, 255, 255, 255));
    ui::gap(base * 0.5f);
  }
  if (!ctx.links.join.empty()) {
    const float below = ImGui::GetTextLineHeightWithSpacing() + base * 0.2f + pad;
    const float qr = std::min(width - 2 * pad, top + height - ImGui::GetCursorScreenPos().y - below);
    if (qr > base * 4.0f) {
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - 2 * pad - qr) * 0.5f);
      ui::qr_code(ctx.links.join, qr);
      ui::gap(base * 0.2f);
      ui::text_in(f.body, tr(encrypted ? S::e2e_scan_to_join : S::host_scan), theme::colour::kiosk_muted, true);
    }
  }
  ui::end_card();
}

// While an activity runs the join panel shrinks to a corner: the code and a small QR code, enough
// for a latecomer, leaving the screen to the activity.
void draw_join_corner(Context& ctx, float right, float top, float qr) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const bool encrypted = !ctx.route.key.empty();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::string code = shown_code(ctx);
  const std::string where = host_of(ctx.links.join);
  const float code_size = f.heading->FontSize * ImGui::GetIO().FontGlobalScale;
  const float text_w = encrypted ? 0.0f
                                 : std::max(ImGui::CalcTextSize(where.c_str()).x,
                                            f.heading->CalcTextSizeA(code_size, FLT_MAX, 0, code.c_str()).x);
  const float pad = base * 0.6f;
  const float w = qr + (text_w > 0 ? text_w + pad * 3 : pad * 2), h = qr + pad * 2;
  const ImVec2 a(right - w, top);
  draw->AddRectFilled(a, ImVec2(right, top + h), theme::colour::kiosk_card, base * 0.6f);
  if (!encrypted) {
    ui::draw_text(draw, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + pad, a.y + pad), theme::colour::kiosk_muted, where);
    ui::draw_text(draw, f.heading, code_size, ImVec2(a.x + pad, a.y + pad + ImGui::GetFontSize() * 1.4f),
                  IM_COL32(255, 255, 255, 255), code);
  }
  const ImVec2 keep = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(right - pad - qr, a.y + pad));
  ui::qr_code(ctx.links.join, qr);
  ImGui::SetCursorScreenPos(keep);
}

// Who is in: the count, big, and the newest names as they arrive (as many rows as fit, then
// "+ N autres").
void draw_people(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const int online = online_participants(ctx.session);
  const float top = ImGui::GetCursorScreenPos().y;
  ImGui::PushFont(theme::display_font());
  ui::text(std::to_string(online), IM_COL32(255, 255, 255, 255));
  const float figure_h = ImGui::GetItemRectSize().y;
  ImGui::PopFont();
  ImGui::SameLine(0, base * 0.6f);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + figure_h - f.heading->FontSize * ImGui::GetIO().FontGlobalScale * 1.3f);
  ui::text_in(f.heading, std::string(trn(S::participants_word, online)) + " " + tr(S::lobby_online), theme::colour::kiosk_muted);
  const auto& people = ctx.session.participants;
  if (people.empty()) return;
  ui::gap(base * 0.3f);
  ui::text_in(f.body, tr(S::kiosk_just_joined), theme::colour::kiosk_muted);
  ui::gap(base * 0.2f);
  // Chips, newest first, wrapped; the last row keeps room for "+ N autres".
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float chip_h = std::round(base * 2.0f), gap = base * 0.5f;
  const int rows = std::max(1, static_cast<int>((top + height - origin.y + gap) / (chip_h + gap)));
  const int total = static_cast<int>(people.size());
  const std::string more_sample = "+ " + std::to_string(total) + " " + trn(S::more_others, total);
  const float more_w = ImGui::CalcTextSize(more_sample.c_str()).x + gap;
  float x = 0, y = 0;
  int row = 0, shown = 0;
  ImGui::PushFont(f.strong);
  for (int i = total - 1; i >= 0; --i) {
    const std::string label = ui::ellipsize(people[static_cast<std::size_t>(i)].name, std::min(width, base * 12.0f) - base * 1.6f);
    const float w = ImGui::CalcTextSize(label.c_str()).x + base * 1.6f;
    const bool last_row = row == rows - 1;
    if (x > 0 && x + w > width - (last_row && i > 0 ? more_w : 0.0f)) {
      if (last_row) break;
      ++row;
      x = 0;
      y += chip_h + gap;
    }
    const ImVec2 a(origin.x + x, origin.y + y);
    const std::string& name = people[static_cast<std::size_t>(i)].name;
    draw->AddRectFilled(a, ImVec2(a.x + w, a.y + chip_h), (ui::name_colour(name) & 0x00FFFFFF) | 0x66000000, chip_h * 0.5f);
    ui::draw_text(draw, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + base * 0.8f, a.y + (chip_h - ImGui::GetFontSize()) * 0.5f),
                  IM_COL32(255, 255, 255, 255), label);
    x += w + gap;
    ++shown;
  }
  ImGui::PopFont();
  if (shown < total) {
    const std::string more = "+ " + std::to_string(total - shown) + " " + trn(S::more_others, total - shown);
    ui::draw_text(draw, ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(origin.x + x, origin.y + y + (chip_h - ImGui::GetFontSize()) * 0.5f), theme::colour::kiosk_muted, more);
  }
  ImGui::Dummy(ImVec2(width, y + chip_h));
}

void draw_wall(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ImGui::BeginChild("kiosk-wall", ImVec2(width, height), false,
                    ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const auto& messages = ctx.session.messages;
  const bool any = std::any_of(messages.begin(), messages.end(), [](const core::Message& m) { return !m.hidden; });
  if (!any) {
    ui::gap(std::max(0.0f, height * 0.5f - base * 3.0f));
    ui::text_in(theme::display_font(), icon::comments, IM_COL32(255, 255, 255, 60), true);
    ui::gap(base * 0.5f);
    ui::text_in(f.heading, tr(S::kiosk_waiting), theme::colour::kiosk_muted, true);
    ImGui::EndChild();
    return;
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
    const std::string when = clock_time(ctx.session, m.at, ctx.browser.tz_offset_minutes);
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

// The picture of what the kiosk shows now: the question on screen's, or the activity's prompt's (a
// presentation draws its pages' pictures itself).
std::string picture_on_screen(const Context& ctx, const core::Activity& a) {
  switch (a.spec.kind) {
    case core::ActivityKind::quiz: {
      const int q = std::clamp(a.current_question, 0, static_cast<int>(a.spec.quiz.size()) - 1);
      return a.spec.quiz.empty() ? std::string() : a.spec.quiz[static_cast<std::size_t>(q)].image;
    }
    case core::ActivityKind::survey: {
      if (a.spec.questions.empty()) return {};
      const int q = core::survey_question_on_screen(a, figures_of(ctx.session, a).survey, ctx.epoch_ms);
      return a.spec.questions[static_cast<std::size_t>(std::clamp(q, 0, static_cast<int>(a.spec.questions.size()) - 1))].image;
    }
    case core::ActivityKind::presentation: return {};
    default: return a.spec.image;
  }
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
  const std::string picture = picture_on_screen(ctx, a);
  if (picture.empty()) {
    draw_results(ctx, a, width - base, true);
  } else {
    // The picture beside the results on a wide screen, above them on a tall one; never cut.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float rest = ImGui::GetContentRegionAvail().y;
    const bool beside = width > rest * 1.3f;
    const float picture_w = beside ? std::round(width * 0.36f) : width - base;
    const float picture_h = beside ? rest - base : std::round(rest * 0.35f);
    const ImVec2 results_size = beside ? ImVec2(width - picture_w - base * 2.0f, rest) : ImVec2(width, rest - picture_h - base);
    if (beside) ImGui::SetCursorScreenPos(ImVec2(top.x + results_size.x + base * 1.5f, top.y));
    images::draw(picture, picture_w, picture_h);
    ImGui::SetCursorScreenPos(beside ? top : ImVec2(top.x, top.y + picture_h + base));
    ImGui::BeginChild("kiosk-results", results_size, false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_results(ctx, a, results_size.x - base, true);
    ImGui::EndChild();
  }
  ImGui::EndChild();
}

}  // namespace

namespace {
void draw_kiosk_screen(Context& ctx) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const ImVec2 area = ImGui::GetContentRegionAvail();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const core::Activity* current = ctx.session.find_activity(ctx.session.current_activity);
  if (current && current->status == core::ActivityStatus::draft) current = nullptr;
  const bool wide = area.x > area.y * 1.2f;
  // The corner's QR code: big enough to scan from the first rows, small beside the activity.
  const float corner_qr = std::round(base * (wide ? 4.2f : 3.2f));
  const bool corner = current && ctx.session.info.screen_join && !ctx.route.local && !ctx.links.join.empty();
  const float corner_w = corner ? corner_qr + base * 9.0f : 0.0f;
  draw_brand(1.2f);
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * 0.35f);
  if (ctx.link != Link::in_room) {
    draw_status(ctx.link);
  } else if (!ctx.session.info.title.empty()) {
    // One line: the title shortened to the room the corner leaves.
    const float room = origin.x + area.x - corner_w - base - ImGui::GetCursorScreenPos().x;
    ImGui::PushFont(f.strong);
    ui::text(ui::ellipsize(ctx.session.info.title, room), theme::colour::kiosk_muted);
    ImGui::PopFont();
  }
  if (corner) draw_join_corner(ctx, origin.x + area.x, origin.y, corner_qr);
  const float header_bottom = std::max(ImGui::GetCursorScreenPos().y, corner ? origin.y + corner_qr + base * 1.2f : 0.0f) + base * 0.4f;
  ImGui::SetCursorScreenPos(ImVec2(origin.x, header_bottom));
  const float rest = origin.y + area.y - header_bottom;
  if (current) {
    draw_activity(ctx, *current, area.x, rest);
    return;
  }
  // The lobby: how to join, big; who is in; then the room's messages.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  if (wide) {
    const float panel = std::min(area.x * 0.34f, base * 20.0f);
    ImGui::BeginGroup();
    draw_join_panel(ctx, panel, rest);
    ImGui::EndGroup();
    ImGui::SameLine(0, base * 2.0f);
    ImGui::BeginGroup();
    const float right_w = ImGui::GetContentRegionAvail().x;
    const float people_h = std::min(rest * 0.55f, base * 14.0f);
    ImGui::BeginChild("kiosk-people", ImVec2(right_w, people_h), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_people(ctx, right_w, people_h);
    ImGui::EndChild();
    draw_wall(ctx, right_w, rest - people_h - spacing);
    ImGui::EndGroup();
  } else {
    const float people_h = base * 7.5f;
    ImGui::BeginChild("kiosk-people", ImVec2(area.x, people_h), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_people(ctx, area.x, people_h);
    ImGui::EndChild();
    draw_join_panel(ctx, area.x, rest - people_h - spacing);
  }
}

}  // namespace

// The kiosk draws the room as a shared screen may show it (core::screen_view: held and hidden
// words out, blocked words masked), worked out again only when an envelope changed the session.
void draw_kiosk(Context& ctx) {
  static core::Session shown;
  static const core::Session* from = nullptr;
  static std::int64_t seq = -1;
  static std::size_t people = 0;
  if (from != &ctx.session || seq != ctx.session.last_seq || people != ctx.session.participants.size()) {
    shown = core::screen_view(ctx.session);
    from = &ctx.session, seq = ctx.session.last_seq, people = ctx.session.participants.size();
  }
  Context screen{shown,          ctx.identity, ctx.link,     ctx.pending, ctx.route, ctx.links, ctx.has_resume_token, ctx.e2e_locked,
                 ctx.now_ms,     ctx.epoch_ms, ctx.refusals, ctx.browser, ctx.ui,    ctx.actions};
  draw_kiosk_screen(screen);
}

}  // namespace palabre::app::views
