#include "app/images.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "app/platform_web.hpp"
#include "app/render_gl.hpp"

// The loader: bytes from the relay, IndexedDB or a data: URI; an encrypted blob ("PLBRE2E1", iv,
// ciphertext: docs/protocol.md, "Blobs") opened with a room key (web/e2e.js); decoded by the browser and
// uploaded as a texture in emscripten's GL table, so that ImGui draws it by its id.
EM_JS(void, js_images_configure, (const char* relay, const char* room, int local), {
  const I = Module.palabreImages || (Module.palabreImages = {bytes: new Map()});
  const ws = UTF8ToString(relay);  // wss://host/ws → https://host (no regex: EM_JS is a C string)
  I.base = (ws.startsWith('ws') ? 'http' + ws.slice(2) : ws).slice(0, ws.endsWith('/ws') ? -3 : undefined);
  I.room = UTF8ToString(room);
  I.local = !!local;
  I.db = () => I.dbp || (I.dbp = new Promise((ok, no) => {
    const r = indexedDB.open('palabre-blobs', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('blobs');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  }));
  I.idb = (mode, act) => I.db().then((db) => new Promise((ok, no) => {
    const r = act(db.transaction('blobs', mode).objectStore('blobs'));
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  }));
  I.fetch = (ref) => ref.startsWith('data:') ? fetch(ref).then((r) => r.arrayBuffer())
    : I.local ? I.idb('readonly', (s) => s.get(I.room + '/' + ref)).then((b) => { if (!b) throw new Error('not in this browser'); return b; })
    : fetch(I.base + '/blob/' + I.room + '/' + ref).then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.arrayBuffer(); });
  I.open = async (buffer) => {
    const bytes = new Uint8Array(buffer), E = Module.palabreE2e;
    if (String.fromCharCode(...bytes.subarray(0, 8)) !== 'PLBRE2E1') return bytes;
    if (!E || !E.keys) throw new Error('encrypted, and this link has no key');
    await E.keys;
    return E.openBlob(bytes, I.room);
  };
  I.texture = (bitmap) => {
    const gl = GLctx, t = gl.createTexture(), id = GL.getNewId(GL.textures);
    t.name = id;
    GL.textures[id] = t;
    gl.bindTexture(gl.TEXTURE_2D, t);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
    gl.generateMipmap(gl.TEXTURE_2D);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    return id;
  };
  I.call = (name, ref, ...rest) => { const p = stringToNewUTF8(ref); Module[name](p, ...rest); _free(p); };
  // The size first (an <img> knows it before it decodes): a sealed blob reaches nobody's check but
  // ours, and a few KB can claim a picture no phone can decode (protocol::kMaxImagePixels).
  I.decode = (plain) => new Promise((ok, no) => {
    const url = URL.createObjectURL(new Blob([plain])), img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      if (img.naturalWidth * img.naturalHeight > 4096 * 4096) return no(new Error('more than 4096 × 4096 pixels'));
      ok(createImageBitmap(img, {premultiplyAlpha: 'none', colorSpaceConversion: 'none'}));
    };
    img.onerror = () => { URL.revokeObjectURL(url); no(new Error('not an image')); };
    img.src = url;
  });
  // Plain bytes of `ref` to a texture the views can draw (uploads.cpp shows what it sent this way).
  I.show = (ref, plain) => {
    if (I.keep) I.bytes.set(ref, plain);
    return I.decode(plain).then((bitmap) => {
      I.call('_palabre_image_ready', ref, I.texture(bitmap), bitmap.width, bitmap.height);
      bitmap.close();
    });
  };
  // A fetch that fails (a phone between two cells, a relay restarting) is tried again after 1, 4
  // and 16 s before the picture is crossed out; a picture that does not decode is not.
  I.get = (ref, n = 0) => I.fetch(ref).catch((e) => n > 2 ? Promise.reject(e)
    : new Promise((ok) => setTimeout(ok, 1e3 << 2 * n)).then(() => I.get(ref, n + 1)));
  I.load = (ref) => I.get(ref).then(I.open).then((plain) => I.show(ref, plain)).catch((e) => {
    console.warn('[palabre] image ' + ref.slice(0, 12) + ': ' + e);
    I.call('_palabre_image_failed', ref);
  });
});
EM_JS(void, js_image_load, (const char* ref), { Module.palabreImages.load(UTF8ToString(ref)); });

namespace palabre::app::images {
namespace {

enum class State { loading, ready, failed };
struct Entry {
  State state = State::loading;
  Texture texture;
};
std::map<std::string, Entry> entries;
std::vector<std::string> wanted;  // asked for by this frame's views, loaded after it
// Where blobs come from now (configure() is called on every frame in a room: compared, not rebuilt).
struct Source {
  std::string relay, room;
  bool local = false;
};
std::optional<Source> configured_for;

}  // namespace

void configure(const std::string& relay_ws_url, const std::string& room, bool local) {
  if (configured_for && configured_for->relay == relay_ws_url && configured_for->room == room && configured_for->local == local)
    return;
  if (configured_for) {
    entries.clear();
    wanted.clear();
  }
  configured_for = Source{relay_ws_url, room, local};
  js_images_configure(relay_ws_url.c_str(), room.c_str(), local ? 1 : 0);
}

const Texture* find(const std::string& ref) {
  if (ref.empty() || !configured_for) return nullptr;
  auto [it, fresh] = entries.try_emplace(ref);
  if (fresh) wanted.push_back(ref);
  return it->second.state == State::ready ? &it->second.texture : nullptr;
}

void load_wanted() {
  for (const std::string& ref : wanted) js_image_load(ref.c_str());
  wanted.clear();
}

ImVec2 fitted_size(const std::string& ref, float max_w, float max_h) {
  const Texture* t = find(ref);
  const float w = t ? t->width : 16.0f, h = t ? t->height : 9.0f;
  // Fitted, but a small picture is never blown up past twice its size.
  const float scale = std::min({max_w / w, max_h / h, t ? 2.0f : 1e9f});
  return ImVec2(std::floor(w * scale), std::floor(h * scale));
}

void draw_in(ImDrawList* draw_list, const std::string& ref, ImVec2 min, ImVec2 max) {
  const Texture* t = find(ref);
  const float box_w = max.x - min.x, box_h = max.y - min.y;
  if (box_w <= 0 || box_h <= 0) return;
  if (!t) {
    const bool failed = entries.count(ref) && entries[ref].state == State::failed;
    draw_list->AddRectFilled(min, max, IM_COL32(128, 128, 128, failed ? 60 : 30), 6.0f);
    if (failed) {  // a crossed frame: the image is not to be had, nothing waits on it
      draw_list->AddLine(min, max, IM_COL32(128, 128, 128, 120), 1.5f);
      draw_list->AddLine(ImVec2(min.x, max.y), ImVec2(max.x, min.y), IM_COL32(128, 128, 128, 120), 1.5f);
    }
    return;
  }
  const float scale = std::min(box_w / t->width, box_h / t->height);
  const ImVec2 size(t->width * scale, t->height * scale);
  const ImVec2 at(std::floor(min.x + (box_w - size.x) * 0.5f), std::floor(min.y + (box_h - size.y) * 0.5f));
  draw_list->AddImageRounded(t->id, at, ImVec2(at.x + size.x, at.y + size.y), ImVec2(0, 0), ImVec2(1, 1),
                             IM_COL32_WHITE, 4.0f);
}

void draw(const std::string& ref, float max_w, float max_h) {
  if (ref.empty() || max_w <= 1 || max_h <= 1) return;
  // The whole box is taken whether the picture is there yet or not: what follows never moves when
  // it arrives (a button does not slide away from under a finger).
  const ImVec2 size = fitted_size(ref, max_w, max_h);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 at(std::floor(pos.x + (max_w - size.x) * 0.5f), std::floor(pos.y + (max_h - size.y) * 0.5f));
  draw_in(ImGui::GetWindowDrawList(), ref, at, ImVec2(at.x + size.x, at.y + size.y));
  ImGui::Dummy(ImVec2(max_w, max_h));
}

void on_ready(const char* ref, int texture, int width, int height) {
  auto& e = entries[ref];
  e.state = State::ready;
  e.texture = {reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)), float(std::max(1, width)),
               float(std::max(1, height))};
  render::adopt_rgba_texture(static_cast<unsigned>(texture));
  platform::request_frames();
}

void on_failed(const char* ref) {
  entries[ref].state = State::failed;
  platform::request_frames();
}

}  // namespace palabre::app::images
