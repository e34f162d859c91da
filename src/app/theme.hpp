#pragma once
// Palabre's look: colours, spacing, rounding and the type scale, for a light app (host,
// participant, landing) and a dark kiosk readable from the back of a room.
#include "imgui.h"

namespace palabre::app::theme {

enum class Look { light, kiosk };

struct Fonts {
  ImFont* body = nullptr;     // regular, base size, with icons
  ImFont* strong = nullptr;   // bold, base size, with icons
  ImFont* heading = nullptr;  // bold, 1.45 x base
  float base_px = 17;
};

// Palette (sRGB). Accent is Palabre's indigo; warm coral marks live things.
namespace colour {
inline constexpr ImU32 ink = IM_COL32(28, 27, 41, 255);
inline constexpr ImU32 muted = IM_COL32(103, 101, 122, 255);
inline constexpr ImU32 page = IM_COL32(244, 242, 238, 255);
inline constexpr ImU32 card = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 line = IM_COL32(226, 223, 216, 255);
inline constexpr ImU32 accent = IM_COL32(79, 70, 229, 255);
inline constexpr ImU32 accent_soft = IM_COL32(234, 232, 253, 255);
inline constexpr ImU32 live = IM_COL32(196, 58, 40, 255);  // text on card and page: 5.3 and 4.7 to 1 (WCAG AA)
inline constexpr ImU32 ok = IM_COL32(20, 122, 58, 255);    // text on card and page: 5.4 and 4.8 to 1
inline constexpr ImU32 kiosk_page = IM_COL32(17, 16, 36, 255);
inline constexpr ImU32 kiosk_card = IM_COL32(33, 31, 66, 255);
inline constexpr ImU32 kiosk_text = IM_COL32(246, 245, 255, 255);
inline constexpr ImU32 kiosk_muted = IM_COL32(165, 162, 204, 255);
}  // namespace colour

// The base text size for a viewport of this CSS size (phones and laptops ~17 px, kiosks larger).
float base_size_for(Look look, float width, float height);
// (Re)builds the font atlas when the base size, devicePixelRatio or the glyphs noted for the browser to
// draw (glyphs.hpp) changed; returns true if rebuilt (the caller then recreates the GPU texture).
bool ensure_fonts(float base_px, float dpr);
const Fonts& fonts();
// Bold, 2.6 x base, with icons (room code, big figures, kiosk titles), in an atlas of its own built
// and uploaded on first use: a participant's first frame never shows it and need not rasterise it.
// Rebuilt, like the main atlas, when the size or the noted glyphs changed.
// Only between PushFont and PopFont (text_in does): its glyphs live in another texture.
ImFont* display_font();
// Applies colours and metrics for `look` at the current base size.
void apply(Look look);
// Registers the text font with the page so the DOM <input>s over text fields use the same face.
void share_font_with_page();

}  // namespace palabre::app::theme
