#pragma once
// Glyphs the embedded fonts lack — emoji (in colour), Vietnamese, Greek, Cyrillic, CJK… — drawn by
// the browser's own fonts (Canvas 2D) into the ImGui atlases. The embedded subsets stay small (first
// frame, download); text reaching the app is scanned for code points, and the next atlas build adds
// the ones each face lacks: one rebuild per batch of new code points, none per frame.
// Left out (docs/decisions.md): shaping. Each code point is one glyph, so right-to-left scripts,
// Arabic joining, Indic clusters and emoji sequences (ZWJ, flags, skin tones) are drawn as parts.
#include <map>
#include <string_view>
#include <tuple>
#include <vector>

#include "imgui.h"

namespace palabre::app::glyphs {

// Code points every face embeds (zero-terminated pairs, as ImGui's glyph ranges): never rasterised.
void set_embedded_everywhere(const ImWchar* ranges);
// Notes the code points of `text` (UTF-8 or JSON; \u escapes are decoded) that some face may lack.
void note(std::string_view text);
// Grows each time note() meets a new code point (or the fallback's look changes): an atlas built
// at an older generation lacks something.
int generation();
// Test aid (window.palabre.markFallback): the fallback glyph becomes a magenta block, so that a
// screenshot shows every character still drawn as the fallback.
void mark_fallback();

// One face of an atlas: its font (added to the atlas, not built yet), its ImGui size in device
// pixels (the line height), its weight, the ranges it embeds, and its embedded font file (whose
// vertical metrics turn the line height into the browser's em size).
struct Face {
  ImFont* font = nullptr;
  float size_px = 0;
  bool bold = false;
  const ImWchar* embedded = nullptr;
  const unsigned char* ttf = nullptr;
};

// A glyph as the browser drew it: box offset from the pen position on the baseline, device pixels.
struct Bitmap {
  int width = 1, height = 1;
  float x0 = 0, y0 = 0, advance = 0;
  bool colored = false, empty = true;
  std::vector<unsigned char> pixels;  // RGBA when colored, else coverage
};

// One atlas's rasterised glyphs, kept across its rebuilds: a rebuild for new code points asks the
// browser only for those; a rebuild at a new size drops the old size's.
struct Cache {
  std::map<std::tuple<bool, float, ImWchar>, Bitmap> bitmaps;
};

// Adds the noted glyphs each face lacks to `atlas` (its fonts added), builds it, and copies their
// pixels in — the atlas's pixels become RGBA when one of them is in colour (render::upload_font_atlas
// uploads what there is). In place of atlas.Build().
void build_atlas(ImFontAtlas& atlas, const std::vector<Face>& faces, Cache& cache);

}  // namespace palabre::app::glyphs
