#include "app/theme.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>

#include "app/glyphs.hpp"
#include "app/icons.hpp"
#include "app/render_gl.hpp"

namespace palabre::app::fonts {
extern const unsigned char font_sans_regular[];
extern const unsigned int font_sans_regular_size;
extern const unsigned char font_sans_bold[];
extern const unsigned int font_sans_bold_size;
extern const unsigned char font_icons[];
extern const unsigned int font_icons_size;
}  // namespace palabre::app::fonts

EM_JS(void, js_share_font, (const unsigned char* bytes, int size), {
  Module.palabreMirror.registerFont('Palabre Sans', HEAPU8.slice(bytes, bytes + size).buffer);
});

namespace palabre::app::theme {
namespace {

Fonts current;
float built_base = 0, built_dpr = 0;
int built_glyphs = -1;  // glyphs::generation() the atlas was built at
glyphs::Cache text_glyphs;
// The display face's own atlas (display_font): rebuilt on use after the base size, the ratio or the
// noted glyphs changed.
ImFontAtlas display_atlas;
ImFont* display = nullptr;
float display_base = 0, display_dpr = 0;
int display_glyphs = -1;
glyphs::Cache display_glyphs_cache;

// Latin with its extensions, then only the punctuation and symbols people type (dashes, quotes,
// bullet, ellipsis, per mille, euro, trade mark, arrows): whole Unicode blocks cost first-frame time.
const ImWchar text_ranges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
                               0x2122, 0x2122, 0x2190, 0x2195, 0};
// Headings and big figures need fewer glyphs: French and Western European text, quotes, dashes.
const ImWchar title_ranges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x0152, 0x0153, 0x2013, 0x2014, 0x2018, 0x201E,
                                0x2022, 0x2022, 0x2026, 0x2026, 0x20AC, 0x20AC, 0};
const ImWchar icon_ranges[] = {icon::first_code_point, icon::last_code_point, 0};

ImFont* add_font(ImFontAtlas& atlas, const unsigned char* data, unsigned int size, float px,
                 const ImWchar* ranges = text_ranges) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are static, in the wasm image
  // Glyphs are rasterised at device pixels already: no horizontal oversampling (half the atlas,
  // a faster first frame).
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                &config, ranges);
  ImFontConfig icons;
  icons.FontDataOwnedByAtlas = false;
  icons.MergeMode = true;
  icons.OversampleH = 1;
  icons.PixelSnapH = true;
  icons.GlyphMinAdvanceX = px * 1.15f;  // icons line up in lists
  icons.GlyphOffset = ImVec2(0, px * 0.02f);
  atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::font_icons), static_cast<int>(fonts::font_icons_size),
                                 px * 0.92f, &icons, icon_ranges);
  return font;
}

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }
ImVec4 with_alpha(ImU32 c, float a) { ImVec4 v = v4(c); v.w = a; return v; }

}  // namespace

float base_size_for(Look look, float width, float height) {
  if (look == Look::kiosk) return std::clamp(std::min(width / 1920.0f, height / 1080.0f) * 30.0f, 18.0f, 60.0f);
  // Big screens read from further away: at 1920 px the body is 20 px, its column wider with it.
  if (width >= 2400) return 22.0f;
  if (width >= 1600) return 20.0f;
  return width < 600 ? 17.0f : 18.0f;
}

bool ensure_fonts(float base_px, float dpr) {
  if (base_px == built_base && dpr == built_dpr && built_glyphs == glyphs::generation()) return false;
  glyphs::set_embedded_everywhere(title_ranges);  // every face embeds at least the title ranges
  built_base = base_px;
  built_dpr = dpr;
  built_glyphs = glyphs::generation();
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Rasterise at device pixels, draw at CSS pixels: sharp text on every screen.
  const float s = dpr;
  current.base_px = base_px;
  ImFontAtlas& atlas = *io.Fonts;
  const float heading_px = std::round(base_px * 1.45f) * s;
  current.body = add_font(atlas, fonts::font_sans_regular, fonts::font_sans_regular_size, base_px * s);
  current.strong = add_font(atlas, fonts::font_sans_bold, fonts::font_sans_bold_size, base_px * s);
  current.heading = add_font(atlas, fonts::font_sans_bold, fonts::font_sans_bold_size, heading_px, title_ranges);
  // What the embedded fonts lack, drawn by the browser (none on a first frame: nothing noted yet).
  glyphs::build_atlas(atlas, {{current.body, base_px * s, false, text_ranges, fonts::font_sans_regular},
                              {current.strong, base_px * s, true, text_ranges, fonts::font_sans_bold},
                              {current.heading, heading_px, true, title_ranges, fonts::font_sans_bold}},
                      text_glyphs);
  io.FontGlobalScale = 1.0f / s;
  io.FontDefault = current.body;
  return true;
}

const Fonts& fonts() { return current; }

ImFont* display_font() {
  if (display && display_base == built_base && display_dpr == built_dpr && display_glyphs == glyphs::generation()) return display;
  display_base = built_base;
  display_dpr = built_dpr;
  display_glyphs = glyphs::generation();
  display_atlas.Clear();
  const float display_px = std::round(built_base * 2.6f) * built_dpr;
  display = add_font(display_atlas, fonts::font_sans_bold, fonts::font_sans_bold_size, display_px, title_ranges);
  glyphs::build_atlas(display_atlas, {{display, display_px, true, title_ranges, fonts::font_sans_bold}}, display_glyphs_cache);
  render::upload_font_atlas(display_atlas);
  return display;
}

void apply(Look look) {
  ImGuiStyle style;
  const float u = current.base_px / 17.0f;  // spacing grows with the type
  style.WindowPadding = ImVec2(20 * u, 20 * u);
  style.FramePadding = ImVec2(14 * u, 10 * u);
  style.ItemSpacing = ImVec2(12 * u, 12 * u);
  style.ItemInnerSpacing = ImVec2(8 * u, 8 * u);
  style.ScrollbarSize = 10 * u;
  style.GrabMinSize = 24 * u;
  style.WindowRounding = 16 * u;
  style.ChildRounding = 14 * u;
  style.FrameRounding = 10 * u;
  style.PopupRounding = 10 * u;
  style.ScrollbarRounding = 6 * u;
  style.GrabRounding = 8 * u;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FrameBorderSize = 1;
  style.PopupBorderSize = 1;
  style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
  style.AntiAliasedFill = true;
  style.AntiAliasedLines = true;

  ImVec4* c = style.Colors;
  if (look == Look::light) {
    c[ImGuiCol_Text] = v4(colour::ink);
    c[ImGuiCol_TextDisabled] = v4(colour::muted);
    c[ImGuiCol_WindowBg] = v4(colour::page);
    c[ImGuiCol_ChildBg] = v4(colour::card);
    c[ImGuiCol_PopupBg] = v4(colour::card);
    c[ImGuiCol_Border] = v4(colour::line);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = v4(colour::card);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.99f, 0.99f, 1.0f, 1);
    c[ImGuiCol_FrameBgActive] = v4(colour::card);
    c[ImGuiCol_Button] = v4(colour::accent);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.37f, 0.33f, 0.95f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.26f, 0.22f, 0.78f, 1);
    c[ImGuiCol_Header] = v4(colour::accent_soft);
    c[ImGuiCol_HeaderHovered] = v4(colour::accent_soft);
    c[ImGuiCol_HeaderActive] = v4(colour::accent_soft);
    c[ImGuiCol_CheckMark] = v4(colour::accent);
    c[ImGuiCol_SliderGrab] = v4(colour::accent);
    c[ImGuiCol_SliderGrabActive] = v4(colour::accent);
    c[ImGuiCol_Separator] = v4(colour::line);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = with_alpha(colour::muted, 0.25f);
    c[ImGuiCol_ScrollbarGrabHovered] = with_alpha(colour::muted, 0.4f);
    c[ImGuiCol_ScrollbarGrabActive] = with_alpha(colour::muted, 0.55f);
    c[ImGuiCol_NavHighlight] = v4(colour::accent);
    c[ImGuiCol_TextSelectedBg] = with_alpha(colour::accent, 0.25f);
    c[ImGuiCol_PlotHistogram] = v4(colour::accent);
  } else {
    c[ImGuiCol_Text] = v4(colour::kiosk_text);
    c[ImGuiCol_TextDisabled] = v4(colour::kiosk_muted);
    c[ImGuiCol_WindowBg] = v4(colour::kiosk_page);
    c[ImGuiCol_ChildBg] = v4(colour::kiosk_card);
    c[ImGuiCol_Border] = ImVec4(1, 1, 1, 0.08f);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = v4(colour::kiosk_card);
    c[ImGuiCol_Button] = v4(colour::accent);
    c[ImGuiCol_ButtonHovered] = v4(colour::accent);
    c[ImGuiCol_ButtonActive] = v4(colour::accent);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(1, 1, 1, 0.0f);  // the kiosk scrolls itself; no chrome
    c[ImGuiCol_PlotHistogram] = v4(colour::live);
  }
  ImGui::GetStyle() = style;
}

void share_font_with_page() { js_share_font(fonts::font_sans_regular, static_cast<int>(fonts::font_sans_regular_size)); }

}  // namespace palabre::app::theme
