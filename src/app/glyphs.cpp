#include "app/glyphs.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>

#include "app/theme.hpp"
#include "core/utf8.hpp"
#include "imgui_internal.h"

// Draws one code point with the browser's fonts into a canvas sized to its ink; writes its box and
// advance to out[0..5] (width, height, x0, y0 from the pen on the baseline, advance, colour) and keeps
// the pixels for js_glyph_copy. Drawn white: a glyph whose pixels are not white is in colour (emoji).
EM_JS(void, js_glyph_rasterise, (int code_point, float em_px, int bold, float* out), {
  let g = Module.palabreGlyphs;
  if (!g) {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(64, 64) : document.createElement('canvas');
    g = Module.palabreGlyphs = { canvas: canvas, ctx: canvas.getContext('2d', { willReadFrequently: true }), pixels: null };
  }
  const text = String.fromCodePoint(code_point);
  // Pictographs in the colour emoji fonts first: a text font (DejaVu) may have a plain one. (Blocks,
  // not Unicode properties: emscripten's JS optimizer rejects \p{…} in a regular expression.)
  const emoji = code_point >= 0x1F000 || (code_point >= 0x2600 && code_point <= 0x27BF) || (code_point >= 0x2B00 && code_point <= 0x2BFF);
  const families = '"Noto Sans", system-ui, sans-serif';
  const colour = '"Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"';
  const font = (bold ? '700 ' : '400 ') + em_px + 'px ' + (emoji ? colour + ', ' + families : families + ', ' + colour);
  const ctx = g.ctx;
  ctx.font = font;
  const m = ctx.measureText(text);
  const pad = 1;
  const left = Math.ceil(m.actualBoundingBoxLeft || 0), right = Math.ceil(m.actualBoundingBoxRight || 0);
  const ascent = Math.ceil(m.actualBoundingBoxAscent || 0), descent = Math.ceil(m.actualBoundingBoxDescent || 0);
  const empty = left + right <= 0 || ascent + descent <= 0;
  const w = empty ? 1 : left + right + 2 * pad, h = empty ? 1 : ascent + descent + 2 * pad;
  if (g.canvas.width < w || g.canvas.height < h) {
    g.canvas.width = Math.max(g.canvas.width, w);  // resets the context's state, font included
    g.canvas.height = Math.max(g.canvas.height, h);
  }
  ctx.clearRect(0, 0, w, h);
  if (!empty) {
    ctx.font = font;
    ctx.fillStyle = '#fff';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(text, pad + left, pad + ascent);
  }
  const pixels = ctx.getImageData(0, 0, w, h).data;
  let coloured = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] > 64 && Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) < 200) { coloured = 1; break; }
  }
  g.pixels = pixels;
  const o = out >> 2;
  HEAPF32[o] = w;
  HEAPF32[o + 1] = h;
  HEAPF32[o + 2] = -(left + pad);
  HEAPF32[o + 3] = -(ascent + pad);
  HEAPF32[o + 4] = m.width;
  HEAPF32[o + 5] = empty ? -1 : coloured;
});
// The last rasterised glyph's pixels: RGBA, or only their coverage.
EM_JS(void, js_glyph_copy, (unsigned char* dst, int rgba), {
  const p = Module.palabreGlyphs.pixels;
  if (rgba) { HEAPU8.set(p, dst); return; }
  for (let i = 0, j = 3; j < p.length; ++i, j += 4) HEAPU8[dst + i] = p[j];
});

// window.palabre.atlasBuilds, once a benchmark sets it to an array: each atlas build's cost, ms
// (bench/app/glyphs.mjs).
EM_JS(void, js_atlas_built, (double ms, double browser_ms, int rasterised, int glyphs, int width, int height), {
  const b = window.palabre && window.palabre.atlasBuilds;
  if (b) b.push({ ms: ms, browserMs: browser_ms, rasterised: rasterised, glyphs: glyphs, width: width, height: height });
});

namespace palabre::app::glyphs {
namespace {

// A room that types a whole dictionary gets the first ones drawn, the rest as the fallback: the
// atlas stays a texture every phone can hold.
constexpr std::size_t max_noted = 3000;
constexpr ImWchar fallback_code_point = 0xFFFD;  // ImGui's first choice of fallback glyph

std::set<ImWchar> noted;
int noted_generation = 0;
bool marking_fallback = false;
const ImWchar* everywhere = nullptr;

bool in_ranges(const ImWchar* ranges, ImWchar c) {
  for (; ranges && ranges[0]; ranges += 2)
    if (c >= ranges[0] && c <= ranges[1]) return true;
  return false;
}

void consider(char32_t c) {
  // Controls, private use (the icon font lives there) and surrogates are never text to draw.
  if (c < 0xA0 || (c >= 0xD800 && c <= 0xF8FF) || c > 0x10FFFF) return;
  const auto code_point = static_cast<ImWchar>(c);
  if (in_ranges(everywhere, code_point) || noted.size() >= max_noted) return;
  if (noted.insert(code_point).second) ++noted_generation;
}

int hex4(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) return -1;
  int v = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char h = s[i];
    const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// The embedded font's em as a share of ImGui's size (ascender - descender, from 'hhea'): the browser
// draws at the same em, so its glyphs have the embedded ones' proportions.
float em_per_size(const unsigned char* ttf) {
  auto u16 = [&](std::size_t at) { return static_cast<unsigned>(ttf[at] << 8 | ttf[at + 1]); };
  auto u32 = [&](std::size_t at) { return u16(at) << 16 | u16(at + 2); };
  unsigned units_per_em = 0;
  int ascender = 0, descender = 0;
  for (unsigned i = 0, tables = u16(4); i < tables; ++i) {
    const std::size_t record = 12 + 16 * i;
    const std::uint32_t tag = u32(record), offset = u32(record + 8);
    if (tag == 0x68656164) units_per_em = u16(offset + 18);  // 'head'
    if (tag == 0x68686561) {                                  // 'hhea'
      ascender = static_cast<std::int16_t>(u16(offset + 4));
      descender = static_cast<std::int16_t>(u16(offset + 6));
    }
  }
  return units_per_em && ascender > descender ? static_cast<float>(units_per_em) / static_cast<float>(ascender - descender) : 0.75f;
}

Bitmap rasterise(ImWchar code_point, float em_px, bool bold) {
  float box[6] = {};
  js_glyph_rasterise(static_cast<int>(code_point), em_px, bold ? 1 : 0, box);
  Bitmap b;
  b.width = static_cast<int>(box[0]);
  b.height = static_cast<int>(box[1]);
  b.x0 = box[2];
  b.y0 = box[3];
  b.advance = box[4];
  b.empty = box[5] < 0;
  b.colored = box[5] > 0;
  b.pixels.resize(static_cast<std::size_t>(b.width * b.height) * (b.colored ? 4 : 1));
  js_glyph_copy(b.pixels.data(), b.colored ? 1 : 0);
  return b;
}

// The marked fallback: an opaque magenta block, in colour (not tinted by the text's colour).
Bitmap magenta_block(float size_px) {
  Bitmap b;
  b.width = std::max(2, static_cast<int>(size_px * 0.5f));
  b.height = std::max(2, static_cast<int>(size_px * 0.6f));
  b.y0 = -static_cast<float>(b.height);
  b.advance = static_cast<float>(b.width) + 2;
  b.colored = true;
  b.empty = false;
  for (int i = 0; i < b.width * b.height; ++i) b.pixels.insert(b.pixels.end(), {255, 0, 255, 255});
  return b;
}

}  // namespace

void set_embedded_everywhere(const ImWchar* ranges) { everywhere = ranges; }

void note(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '\\' && i + 1 < text.size() && text[i + 1] == 'u') {
        int v = hex4(text, i + 2);
        std::size_t used = 6;
        if (v >= 0xD800 && v <= 0xDBFF && i + 7 < text.size() && text[i + 6] == '\\' && text[i + 7] == 'u') {
          const int low = hex4(text, i + 8);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
            used = 12;
          }
        }
        if (v >= 0) {
          consider(static_cast<char32_t>(v));
          i += used;
          continue;
        }
      }
      ++i;
      continue;
    }
    const core::utf8::Decoded d = core::utf8::decode(text, i);
    if (d.valid) consider(d.cp);  // else a stray continuation byte or a cut sequence
    i += d.length;
  }
}

int generation() { return noted_generation; }

void mark_fallback() {
  if (marking_fallback) return;
  marking_fallback = true;
  ++noted_generation;
}

namespace {

// The atlas's coverage as white RGBA pixels, for an atlas that holds a colour glyph (what
// ImFontAtlas::GetTexDataAsRGBA32 does, without its call to Build()).
void to_rgba(ImFontAtlas& atlas) {
  if (atlas.TexPixelsRGBA32 || !atlas.TexPixelsAlpha8) return;
  const std::size_t count = static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight);
  atlas.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(count * 4));
  for (std::size_t i = 0; i < count; ++i) atlas.TexPixelsRGBA32[i] = IM_COL32(255, 255, 255, atlas.TexPixelsAlpha8[i]);
}

}  // namespace

void build_atlas(ImFontAtlas& atlas, const std::vector<Face>& faces, Cache& cache) {
  const double start = emscripten_get_now();
  double browser_ms = 0;
  int rasterised = 0;
  struct Placed { int rect; ImFont* font; ImWchar code_point; const Bitmap* bitmap; };
  std::vector<Placed> placed;
  decltype(cache.bitmaps) kept;
  bool any_colour = false;
  auto place = [&](const Face& face, ImWchar code_point, const Bitmap& b) {
    const int rect = atlas.AddCustomRectFontGlyph(face.font, code_point, b.width, b.height, b.advance, ImVec2(b.x0, b.y0));
    placed.push_back({rect, face.font, code_point, &b});
    any_colour = any_colour || b.colored;
  };
  for (const Face& face : faces) {
    const float em_px = face.size_px * em_per_size(face.ttf);
    for (const ImWchar code_point : noted) {
      if (in_ranges(face.embedded, code_point)) continue;
      const auto key = std::make_tuple(face.bold, face.size_px, code_point);
      auto [slot, fresh] = kept.try_emplace(key);
      if (fresh) {
        const auto old = cache.bitmaps.find(key);
        if (old != cache.bitmaps.end()) {
          slot->second = std::move(old->second);
        } else {
          const double t = emscripten_get_now();
          slot->second = rasterise(code_point, em_px, face.bold);
          browser_ms += emscripten_get_now() - t;
          ++rasterised;
        }
      }
      place(face, code_point, slot->second);
    }
    if (marking_fallback) {
      auto [slot, fresh] = kept.try_emplace(std::make_tuple(face.bold, face.size_px, fallback_code_point));
      if (fresh) slot->second = magenta_block(face.size_px);
      place(face, fallback_code_point, slot->second);
    }
  }
  cache.bitmaps = std::move(kept);  // map nodes move with it: `placed` still points at them
  // Not atlas.Build(): it adds ImGui's own ProggyClean face when an atlas has none, which links that
  // face (10 KB gzipped) into every download. The app always adds its faces, so call the builder.
  ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(&atlas);
  if (any_colour) to_rgba(atlas);
  if (placed.empty()) {
    js_atlas_built(emscripten_get_now() - start, 0, 0, 0, atlas.TexWidth, atlas.TexHeight);
    return;
  }

  unsigned char* pixels = any_colour ? reinterpret_cast<unsigned char*>(atlas.TexPixelsRGBA32) : atlas.TexPixelsAlpha8;
  const int width = atlas.TexWidth, height = atlas.TexHeight;
  const int channels = any_colour ? 4 : 1;
  for (const Placed& p : placed) {
    const ImFontAtlasCustomRect& r = *atlas.GetCustomRectByIndex(p.rect);
    const Bitmap& b = *p.bitmap;
    for (int y = 0; y < b.height; ++y) {
      unsigned char* row = pixels + (static_cast<std::size_t>(r.Y + y) * width + r.X) * channels;
      for (int x = 0; x < b.width; ++x) {
        unsigned char* out = row + x * channels;
        if (b.colored) {
          const unsigned char* in = &b.pixels[static_cast<std::size_t>(y * b.width + x) * 4];
          out[0] = in[0], out[1] = in[1], out[2] = in[2], out[3] = in[3];
        } else if (channels == 4) {
          out[0] = out[1] = out[2] = 255;
          out[3] = b.pixels[static_cast<std::size_t>(y * b.width + x)];
        } else {
          out[0] = b.pixels[static_cast<std::size_t>(y * b.width + x)];
        }
      }
    }
    // ImGui places custom glyphs from the line's top and never in colour: move them down to the
    // baseline the embedded glyphs sit on (as its own builder does), and mark emoji untinted.
    auto* glyph = const_cast<ImFontGlyph*>(p.font->FindGlyphNoFallback(p.code_point));
    if (!glyph) continue;
    const float baseline = std::floor(p.font->Ascent + 0.5f);
    glyph->Y0 += baseline;
    glyph->Y1 += baseline;
    glyph->Colored = b.colored ? 1 : 0;
    if (b.empty) glyph->Visible = 0;
  }
  js_atlas_built(emscripten_get_now() - start, browser_ms, rasterised, static_cast<int>(placed.size()), width, height);
}

}  // namespace palabre::app::glyphs

// window.palabre.glyphs(text): for each code point of `text`, whether each face has a glyph of its
// own (true) or would draw the fallback (false), and whether it is in colour (emoji) — the glyph test
// asks this and checks pixels.
extern "C" EMSCRIPTEN_KEEPALIVE const char* palabre_glyph_lookup(const char* text) {
  namespace theme = palabre::app::theme;
  static std::string json;
  const theme::Fonts& f = theme::fonts();
  ImFont* display = theme::display_font();
  const std::pair<const char*, const ImFont*> faces[] = {{"body", f.body}, {"strong", f.strong}, {"heading", f.heading}, {"display", display}};
  json = "[";
  for (const char* s = text; s && *s;) {
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, s, nullptr);
    if (length <= 0) break;
    s += length;
    json += (json.size() > 1 ? ",{\"cp\":" : "{\"cp\":") + std::to_string(c);
    for (const auto& [name, font] : faces)
      json += std::string(",\"") + name + (font && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) ? "\":true" : "\":false");
    const ImFontGlyph* glyph = f.body ? f.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) : nullptr;
    json += glyph && glyph->Colored ? ",\"colour\":true}" : ",\"colour\":false}";
  }
  json += "]";
  return json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE void palabre_mark_fallback() { palabre::app::glyphs::mark_fallback(); }
