#include "app/ui.hpp"

#include <algorithm>
#include <cfloat>
#include <map>
#include <cmath>
#include <qrcodegen.hpp>
#include <string>
#include <vector>

#include "app/mirror.hpp"
#include "app/theme.hpp"
#include "core/rich_text.hpp"
#include "core/utf8.hpp"
#include "imgui_internal.h"

namespace palabre::app::ui {
namespace {

struct Card { ImVec2 start; float width; float padding; ImU32 fill; float inner_right; };
std::vector<Card> cards;

float button_height() { return std::round(theme::fonts().base_px * 2.9f); }

}  // namespace

void begin_card(float width, float padding, ImU32 fill) {
  if (padding < 0) padding = theme::fonts().base_px * 1.4f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  cards.push_back({start, width, padding, fill ? fill : ImGui::GetColorU32(ImGuiCol_ChildBg), start.x + width - padding});
  ImGui::SetCursorScreenPos(ImVec2(cards.back().start.x + padding, cards.back().start.y + padding));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * padding);
  ImGui::PushItemWidth(width - 2 * padding);
}

void end_card() {
  Card card = cards.back();
  cards.pop_back();
  ImGui::PopItemWidth();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const ImVec2 content_max = ImGui::GetItemRectMax();
  const ImVec2 max(card.start.x + card.width, content_max.y + card.padding);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSetCurrent(0);
  const float rounding = ImGui::GetStyle().ChildRounding;
  // A soft two-step shadow reads as depth without looking like a debug border.
  draw->AddRectFilled(ImVec2(card.start.x, card.start.y + 3), ImVec2(max.x, max.y + 3), IM_COL32(20, 16, 60, 10), rounding);
  draw->AddRectFilled(ImVec2(card.start.x, card.start.y + 1), ImVec2(max.x, max.y + 1), IM_COL32(20, 16, 60, 14), rounding);
  draw->AddRectFilled(card.start, max, card.fill, rounding);
  draw->ChannelsMerge();
  ImGui::SetCursorScreenPos(card.start);
  ImGui::Dummy(ImVec2(card.width, max.y - card.start.y));
}

bool primary_button(const char* label, float width, bool enabled) {
  if (width < 0) width = avail_width();
  ImGui::PushFont(theme::fonts().strong);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  if (!enabled) ImGui::BeginDisabled();
  const bool pressed = mirror::Button(label, ImVec2(width, button_height()));
  if (!enabled) ImGui::EndDisabled();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  return pressed && enabled;
}

bool secondary_button(const char* label, float width, bool enabled) {
  if (width < 0) width = avail_width();
  ImGui::PushFont(theme::fonts().strong);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::accent);
  ImGui::PushStyleColor(ImGuiCol_Button, theme::colour::accent_soft);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(222, 219, 252, 255));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(208, 204, 250, 255));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  if (!enabled) ImGui::BeginDisabled();
  const bool pressed = mirror::Button(label, ImVec2(width, button_height()));
  if (!enabled) ImGui::EndDisabled();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(4);
  ImGui::PopFont();
  return pressed && enabled;
}

bool tab_button(const char* label, bool on, float width, float height) {
  ImGui::PushStyleColor(ImGuiCol_Button, on ? theme::colour::accent : theme::colour::card);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? theme::colour::accent : theme::colour::accent_soft);
  ImGui::PushStyleColor(ImGuiCol_Text, on ? IM_COL32(255, 255, 255, 255) : theme::colour::ink);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  ImGui::PushFont(theme::fonts().strong);
  mirror::next_role("tab");
  mirror::next_state(on);
  const bool pressed = mirror::Button(label, ImVec2(width, height));
  ImGui::PopFont();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(3);
  return pressed;
}

bool link_button(const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::muted);
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colour::accent_soft);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colour::accent_soft);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(theme::fonts().base_px * 0.6f, theme::fonts().base_px * 0.3f));
  const bool pressed = mirror::Button(label, ImVec2(0, 0));
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(4);
  return pressed;
}

void text(std::string_view text, ImU32 colour) {
  if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  if (colour) ImGui::PopStyleColor();
  mirror::drawn_item(text);
}

void text_muted(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
  ImGui::PopStyleColor();
  mirror::drawn_item(text);
}

void text_wrapped(std::string_view text, ImU32 colour) {
  ImGui::PushTextWrapPos(0.0f);
  ui::text(text, colour);
  ImGui::PopTextWrapPos();
}

std::string ellipsize(std::string_view text, float max_width) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (ImGui::CalcTextSize(begin, end).x <= max_width) return std::string(text);
  const float room = max_width - ImGui::CalcTextSize("…").x;
  const char* cut = begin;
  for (const char* p = begin; p < end;) {
    unsigned int c = 0;
    const int len = ImTextCharFromUtf8(&c, p, end);
    if (len <= 0) break;
    if (ImGui::CalcTextSize(begin, p + len).x > room) break;
    p += len;
    cut = p;
  }
  while (cut > begin && cut[-1] == ' ') --cut;
  return std::string(begin, cut) + "…";
}

ImVec2 draw_text(ImDrawList* draw, ImFont* font, float size, ImVec2 pos, ImU32 colour, std::string_view text,
                 float wrap_width, bool placed_by_people) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  draw->AddText(font, size, pos, colour, begin, end, wrap_width);
  const ImVec2 box = font->CalcTextSizeA(size, FLT_MAX, wrap_width, begin, end);
  mirror::drawn(text, pos, ImVec2(pos.x + box.x, pos.y + box.y), placed_by_people, size > 0 ? size : font->FontSize * ImGui::GetIO().FontGlobalScale);
  return box;
}

float rich_text(std::string_view text, float width, ImU32 colour, float scale, bool draw) {
  const auto& f = theme::fonts();
  const float global = ImGui::GetIO().FontGlobalScale * scale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* list = ImGui::GetWindowDrawList();
  if (colour == 0) colour = ImGui::GetColorU32(ImGuiCol_Text);
  float y = 0;
  for (const auto& line : core::parse_rich_text(text)) {
    if (line.kind == core::RichLineKind::gap) {
      y += f.base_px * global * 0.6f;
      continue;
    }
    const bool heading = line.kind == core::RichLineKind::heading;
    const float size = (heading ? f.heading : f.body)->FontSize * global;
    const float line_h = size * 1.3f;
    float indent = 0;
    if (line.kind == core::RichLineKind::bullet || line.kind == core::RichLineKind::numbered) {
      indent = size * 1.6f;
      const std::string marker = line.kind == core::RichLineKind::bullet ? "•" : std::to_string(line.number) + ".";
      if (draw) draw_text(list, f.strong, size, ImVec2(origin.x + size * 0.3f, origin.y + y), colour, marker);
    }
    // Words placed one after the other, a run of one font drawn at once; a word that does not fit
    // starts the next line (a word longer than the line is drawn alone on its own).
    float x = indent;
    for (const auto& span : line.spans) {
      ImFont* font = heading || span.bold ? (heading ? f.heading : f.strong) : f.body;
      std::string run;
      float run_x = x;
      const auto flush = [&] {
        if (draw && !run.empty()) draw_text(list, font, size, ImVec2(origin.x + run_x, origin.y + y), colour, run);
        run.clear();
      };
      std::size_t at = 0;
      while (at < span.text.size()) {
        std::size_t end = span.text.find(' ', at);
        end = end == std::string::npos ? span.text.size() : end + 1;
        const std::string_view word(span.text.data() + at, end - at);
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0, word.data(), word.data() + word.size()).x;
        if (x + w > width + 0.5f && x > indent) {
          flush();
          y += line_h;
          x = run_x = indent;
          if (word == " ") { at = end; continue; }
        }
        run += word;
        x += w;
        at = end;
      }
      flush();
    }
    y += line_h;
  }
  if (draw) ImGui::Dummy(ImVec2(width, y));
  return y;
}

void text_in(ImFont* font, std::string_view text, ImU32 colour, bool centred) {
  ImGui::PushFont(font);
  if (centred) {
    const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    const float avail = avail_width();
    if (w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
  }
  // Wrap at the enclosing wrap position (a card's edge) or else at the window's edge.
  const bool wrap = !centred && ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
  if (wrap) ImGui::PushTextWrapPos(0.0f);
  ui::text(text, colour);
  if (wrap) ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void pill(std::string_view text, ImU32 colour, ImU32 background) {
  const float base = theme::fonts().base_px;
  ImGui::PushFont(theme::fonts().strong);
  const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float dot = base * 0.5f;
  const ImVec2 box(size.x + base * 1.6f + dot, size.y + base * 0.5f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(pos, ImVec2(pos.x + box.x, pos.y + box.y), background, box.y * 0.5f);
  draw->AddCircleFilled(ImVec2(pos.x + base * 0.6f + dot * 0.5f, pos.y + box.y * 0.5f), dot * 0.5f, colour);
  draw_text(draw, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + base * 1.0f + dot, pos.y + base * 0.25f), colour, text);
  ImGui::Dummy(box);
  ImGui::PopFont();
}

float pill_width(std::string_view text) {
  const float base = theme::fonts().base_px;
  ImGui::PushFont(theme::fonts().strong);
  const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x + base * 1.6f + base * 0.5f;
  ImGui::PopFont();
  return w;
}

ImU32 name_colour(std::string_view name) {
  static const ImU32 palette[] = {IM_COL32(79, 70, 229, 255),  IM_COL32(236, 72, 153, 255), IM_COL32(14, 165, 233, 255),
                                  IM_COL32(234, 88, 12, 255),  IM_COL32(22, 163, 74, 255),  IM_COL32(147, 51, 234, 255),
                                  IM_COL32(202, 138, 4, 255),  IM_COL32(220, 38, 38, 255)};
  std::uint32_t h = 2166136261u;  // FNV-1a: the same name gets the same colour everywhere
  for (unsigned char c : name) h = (h ^ c) * 16777619u;
  return palette[h % (sizeof palette / sizeof palette[0])];
}

void avatar(std::string_view name, float size) {
  std::string initials;
  bool next = true;
  for (std::size_t i = 0; i < name.size() && initials.size() < 8; ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '-') { next = true; continue; }
    if (next && core::utf8::starts_code_point(name[i])) {
      if (initials.size() < 4) initials.append(name.substr(i, core::utf8::decode(name, i).length));
      next = false;
    }
  }
  if (initials.empty()) initials = "?";
  // Keep at most two letters (each may be several UTF-8 bytes).
  initials.resize(core::utf8::offset_of(initials, 2));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 centre(pos.x + size * 0.5f, pos.y + size * 0.5f);
  draw->AddCircleFilled(centre, size * 0.5f, name_colour(name), 32);
  ImFont* font = theme::fonts().strong;
  const float font_size = size * 0.42f;
  const ImVec2 t = font->CalcTextSizeA(font_size, FLT_MAX, 0, initials.c_str());
  draw->AddText(font, font_size, ImVec2(centre.x - t.x * 0.5f, centre.y - t.y * 0.5f), IM_COL32(255, 255, 255, 255), initials.c_str());
  ImGui::Dummy(ImVec2(size, size));
}

void qr_code(std::string_view text, float size) {
  static std::string cached_text;
  static std::vector<bool> modules;
  static int side = 0;
  if (cached_text != text) {
    cached_text = std::string(text);
    const auto qr = qrcodegen::QrCode::encodeText(cached_text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
    side = qr.getSize();
    modules.assign(static_cast<std::size_t>(side * side), false);
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x) modules[static_cast<std::size_t>(y * side + x)] = qr.getModule(x, y);
  }
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), IM_COL32(255, 255, 255, 255), size * 0.04f);
  const int quiet = 2;
  const float cell = size / static_cast<float>(side + 2 * quiet);
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      if (!modules[static_cast<std::size_t>(y * side + x)]) continue;
      const ImVec2 a(pos.x + (x + quiet) * cell, pos.y + (y + quiet) * cell);
      draw->AddRectFilled(a, ImVec2(a.x + cell + 0.01f, a.y + cell + 0.01f), theme::colour::ink);
    }
  }
  ImGui::Dummy(ImVec2(size, size));
}

namespace {
std::map<ImGuiID, float> animated_values;
bool animation_moving = false;
}  // namespace

float animate(ImGuiID id, float target) {
  auto [it, fresh] = animated_values.try_emplace(id, 0.0f);
  float& v = it->second;
  const float dt = ImGui::GetIO().DeltaTime;
  v += (target - v) * std::min(1.0f, dt * 9.0f);
  if (std::fabs(target - v) < 0.002f) v = target;
  else animation_moving = true;
  return v;
}

bool animations_running() { return animation_moving; }
void reset_animation_flag() { animation_moving = false; }

void result_bar(std::string_view label, float fraction, std::string_view figure, ImU32 colour, float width, bool large) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  ImFont* font = large ? f.heading : f.body;
  const float font_size = font->FontSize * ImGui::GetIO().FontGlobalScale;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float bar_h = large ? base * 1.4f : base * 0.8f;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImVec2 fig_size = font->CalcTextSizeA(font_size, FLT_MAX, 0, figure.data(), figure.data() + figure.size());
  const ImVec2 label_size = draw_text(draw, font, font_size, pos, text, label, width - fig_size.x - base);
  draw_text(draw, font, font_size, ImVec2(pos.x + width - fig_size.x, pos.y), muted, figure);
  const float y = pos.y + label_size.y + base * 0.3f;
  const ImU32 track = (ImGui::GetColorU32(ImGuiCol_Text) & 0x00FFFFFF) | 0x14000000;
  draw->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + width, y + bar_h), track, bar_h * 0.5f);
  const float w = std::max(fraction > 0 ? bar_h : 0.0f, width * std::clamp(fraction, 0.0f, 1.0f));
  if (w > 0) draw->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + w, y + bar_h), colour, bar_h * 0.5f);
  ImGui::Dummy(ImVec2(width, label_size.y + base * 0.3f + bar_h));
}

void stars(float filled, int scale, float size, ImU32 colour) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImU32 empty = (colour & 0x00FFFFFF) | 0x33000000;
  for (int i = 0; i < scale; ++i) {
    const ImVec2 c(pos.x + size * (i + 0.5f) * 1.15f, pos.y + size * 0.5f);
    ImVec2 points[10];
    for (int k = 0; k < 10; ++k) {
      const float a = -IM_PI / 2 + k * IM_PI / 5;
      const float r = (k % 2 == 0) ? size * 0.5f : size * 0.21f;
      points[k] = ImVec2(c.x + std::cos(a) * r, c.y + std::sin(a) * r);
    }
    const float part = std::clamp(filled - i, 0.0f, 1.0f);
    // A star is concave: draw it as a fan of triangles from its centre.
    auto fill = [&](ImU32 col) {
      for (int k = 0; k < 10; ++k) draw->AddTriangleFilled(c, points[k], points[(k + 1) % 10], col);
    };
    fill(empty);
    if (part > 0) {
      draw->PushClipRect(ImVec2(c.x - size * 0.5f, c.y - size * 0.5f), ImVec2(c.x - size * 0.5f + size * part, c.y + size * 0.5f), true);
      fill(colour);
      draw->PopClipRect();
    }
  }
  ImGui::Dummy(ImVec2(size * 1.15f * scale, size));
}

Column begin_column(float max_width) {
  const float avail = ImGui::GetContentRegionAvail().x;
  Column column;
  column.width = std::min(avail, max_width);
  column.left = (avail - column.width) * 0.5f;
  indent(column.left);
  return column;
}

void end_column(const Column& column) { unindent(column.left); }

void gap(float px) { ImGui::Dummy(ImVec2(1, px)); }

float avail_width() {
  const float avail = ImGui::GetContentRegionAvail().x;
  if (cards.empty()) return avail;
  return std::min(avail, cards.back().inner_right - ImGui::GetCursorScreenPos().x);
}

void indent(float px) {
  if (px > 0) ImGui::Indent(px);
}

void unindent(float px) {
  if (px > 0) ImGui::Unindent(px);
}

}  // namespace palabre::app::ui
