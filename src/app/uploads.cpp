#include "app/uploads.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "app/app_state.hpp"
#include "app/effects.hpp"
#include "app/platform_web.hpp"
#include "app/strings.hpp"
#include "protocol/sha256.hpp"
#include "report/from_session.hpp"

EM_JS(void, js_uploads_init, (), {
  if (Module.palabreUploads) return;
  const U = {target: "", maxSide: 1920, maxBytes: 4 * 1024 * 1024};
  // The picture scaled to fit maxSide, re-encoded: PNG for drawings and screenshots (PNG or GIF in),
  // JPEG for photos, or when the PNG would be too big.
  U.encode = async (source) => {
    const bitmap = await createImageBitmap(source);
    const scale = Math.min(1, U.maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const lossless = source.type === 'image/png' || source.type === 'image/gif';
    let out = await canvas.convertToBlob(lossless ? {type: 'image/png'} : {type: 'image/jpeg', quality: 0.85});
    if (out.size > U.maxBytes / 2) out = await canvas.convertToBlob({type: 'image/jpeg', quality: 0.82});
    return new Uint8Array(await out.arrayBuffer());
  };
  U.seal = async (plain) => {
    const E = Module.palabreE2e;
    return E && E.keys && await E.keys ? E.sealBlob(plain, Module.palabreImages.room) : plain;
  };
  U.hash = (bytes) => {
    const p = _malloc(bytes.length);
    HEAPU8.set(bytes, p);
    const hex = _palabre_sha256_hex(p, bytes.length);
    _free(p);
    const ref = UTF8ToString(hex);
    _free(hex);
    return ref;
  };
  U.store = async (ref, bytes) => {
    const I = Module.palabreImages;
    if (I.local) return I.idb('readwrite', (s) => s.put(bytes, I.room + '/' + ref));
    const r = await fetch(I.base + '/blob/' + I.room + '/' + ref,
                          {method: 'PUT', body: bytes, headers: {Authorization: 'Bearer ' + U.token}});
    if (!r.ok) {
      let message = 'HTTP ' + r.status;
      try { message = (await r.json()).message || message; } catch (e) {}
      throw new Error(message);
    }
  };
  // One picture, start to end; its ref (shown at once: the decoded picture is kept as its texture).
  U.send = async (source) => {
    const plain = await U.encode(source);
    const stored = await U.seal(plain);
    const ref = U.hash(stored);
    await U.store(ref, stored);
    await Module.palabreImages.show(ref, plain);
    return ref;
  };
  U.answer = (name, field, text) => {
    const f = stringToNewUTF8(field), t = stringToNewUTF8(text);
    Module[name](f, t);
    _free(f);
    _free(t);
  };
  U.upload = (field, file) => {
    if (!field) return;
    U.answer('_palabre_image_sending', field, "");
    U.send(file).then((ref) => U.answer('_palabre_image_uploaded', field, ref))
      .catch((e) => U.answer('_palabre_image_failed_upload', field, String(e && e.message || e)));
  };
  U.pick = (accept, then) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.onchange = () => { if (input.files[0]) then(input.files[0]); };
    input.click();
  };
  // pdf.js from vendor/ (only now: never in a participant's download); each page drawn at most
  // maxSide wide, sent as a picture, and its text kept.
  U.pdf = async (file) => {
    const lib = await import('./vendor/pdf.min.mjs');
    lib.GlobalWorkerOptions.workerSrc = new URL('./vendor/pdf.worker.min.mjs', document.baseURI).href;
    const doc = await lib.getDocument({data: new Uint8Array(await file.arrayBuffer()), isEvalSupported: false}).promise;
    const pages = [];
    for (let n = 1; n <= Math.min(doc.numPages, 60); n++) {
      const page = await doc.getPage(n);
      const first = page.getViewport({scale: 1});
      const viewport = page.getViewport({scale: Math.min(4, U.maxSide / Math.max(first.width, first.height))});
      const canvas = new OffscreenCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({canvasContext: context, viewport: viewport}).promise;
      const content = await page.getTextContent();
      const text = content.items.map((i) => i.str + (i.hasEOL ? '\n' : ' ')).join("").replace(/ +/g, ' ').trim();
      const ref = await U.send(await canvas.convertToBlob({type: 'image/png'}));
      pages.push({image: ref, text: text});
      page.cleanup();
    }
    await doc.destroy();
    return pages;
  };
  U.importPdf = (file) => {
    Module._palabre_pdf_started();
    U.pdf(file).then((pages) => U.answer('_palabre_pdf_pages', "", JSON.stringify(pages)))
      .catch((e) => U.answer('_palabre_pdf_pages', String(e && e.message || e), '[]'));
  };
  document.addEventListener('paste', (e) => {
    const items = e.clipboardData ? Array.from(e.clipboardData.files || []) : [];
    const image = items.find((f) => f.type.startsWith('image/'));
    if (image && U.target) { e.preventDefault(); U.upload(U.target, image); }
  });
  Module.palabreUploads = U;
});
EM_JS(void, js_images_gather, (const char* refs_json, const char* format), {
  const I = Module.palabreImages, refs = JSON.parse(UTF8ToString(refs_json)), f = UTF8ToString(format);
  const missing = I ? refs.filter((r) => !I.bytes.has(r)) : [];
  Promise.all(missing.map((r) => I.fetch(r).then(I.open).then((p) => I.bytes.set(r, p)).catch(() => {}))).then(() => {
    const p = stringToNewUTF8(f);
    Module._palabre_images_gathered(p);
    _free(p);
  });
});
// The base64 of an image this browser holds; null if it has none.
EM_JS(char*, js_image_base64, (const char* ref), {
  const b = Module.palabreImages && Module.palabreImages.bytes.get(UTF8ToString(ref));
  if (!b) return 0;
  let text = "";
  for (let i = 0; i < b.length; i += 0x8000) text += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
  return stringToNewUTF8(btoa(text));
});
// A plan's images stored as they are (sealed in an encrypted room); the refs they got come back.
EM_JS(void, js_store_plan_images, (const char* images_json), {
  const U = Module.palabreUploads, images = JSON.parse(UTF8ToString(images_json)), refs = {};
  Promise.all(Object.entries(images).map(async ([ref, uri]) => {
    try {
      const plain = new Uint8Array(await (await fetch(uri)).arrayBuffer());
      const stored = await U.seal(plain);
      const now = U.hash(stored);
      await U.store(now, stored);
      Module.palabreImages.bytes.set(now, plain);  // kept for a report or a saved plan, drawn when shown
      refs[ref] = now;
    } catch (e) {
      console.warn('[palabre] a plan image was not stored: ' + e);
    }
  })).then(() => U.answer('_palabre_plan_images_stored', "", JSON.stringify(refs)));
});
EM_JS(void, js_uploads_configure, (const char* token), { Module.palabreUploads.token = UTF8ToString(token); Module.palabreImages.keep = true; });
EM_JS(void, js_uploads_pick_image, (const char* field), {
  const f = UTF8ToString(field), U = Module.palabreUploads;
  U.pick('image/png,image/jpeg,image/gif,image/webp', (file) => U.upload(f, file));
});
EM_JS(void, js_uploads_target, (const char* field), { Module.palabreUploads.target = UTF8ToString(field); });
EM_JS(void, js_uploads_import_pdf, (), {
  const U = Module.palabreUploads;
  U.pick('application/pdf,.pdf', (file) => U.importPdf(file));
});

namespace palabre::app::uploads {
void plan_images_stored(const std::map<std::string, std::string>& renamed);

void configure(const std::string& host_token) {
  // Called on every frame in a room: the page hears of the token once (uploads go where
  // images::configure says blobs live).
  static std::string configured;
  if (host_token == configured) return;
  configured = host_token;
  js_uploads_init();
  js_uploads_configure(host_token.c_str());
}
void pick_image(const std::string& field) { js_uploads_pick_image(field.c_str()); }
void set_target(const std::string& field) { js_uploads_target(field.c_str()); }
void import_pdf() { js_uploads_import_pdf(); }
void listen() { js_uploads_init(); }

void gather_images(const std::string& purpose, const std::vector<std::string>& refs) {
  js_images_gather(nlohmann::json(refs).dump().c_str(), purpose.c_str());
}

namespace {
std::optional<core::Plan> plan_waiting;  // its images on their way to the room

void send_events(const core::Plan& plan) {
  for (core::Event& ev : core::plan_events(plan)) app.client.submit(std::move(ev));
  flush();
}
}  // namespace

void send_plan(core::Plan plan) {
  if (plan.images.empty()) return send_events(plan);
  js_uploads_init();
  js_store_plan_images(nlohmann::json(plan.images).dump().c_str());
  plan_waiting = std::move(plan);
}

void plan_images_stored(const std::map<std::string, std::string>& renamed) {
  if (!plan_waiting) return;
  for (auto& spec : plan_waiting->activities)
    core::for_each_image(spec, [&](std::string& ref) {
      if (const auto it = renamed.find(ref); it != renamed.end()) ref = it->second;
    });
  send_events(*plan_waiting);
  plan_waiting.reset();
}

std::optional<report::EmbeddedImage> image_bytes(const std::string& ref) {
  char* text = js_image_base64(ref.c_str());
  if (!text) return std::nullopt;
  std::string base64(text);
  std::free(text);
  // The type from the first bytes, by the relay's own reading (report::image_mime_of): 16 base64
  // characters are 12 bytes, enough for every format's signature.
  std::string head;
  std::uint32_t bits = 0;
  int count = 0;
  for (std::size_t i = 0; i < base64.size() && i < 16; ++i) {
    const char c = base64[i];
    const int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
                  : c == '+' ? 62 : c == '/' ? 63 : -1;
    if (v < 0) break;
    bits = bits << 6 | std::uint32_t(v);
    if ((count += 6) >= 8) head += char(bits >> (count -= 8) & 0xFF);
  }
  const std::string mime(report::image_mime_of(head));
  if (mime.empty()) return std::nullopt;
  return report::EmbeddedImage{ref, mime, std::move(base64)};
}

}  // namespace palabre::app::uploads

namespace app_ns = palabre::app;
using app_ns::app;

extern "C" {
// The lowercase hex SHA-256 of bytes (malloc'd; the caller frees it): a blob's ref.
EMSCRIPTEN_KEEPALIVE char* palabre_sha256_hex(const unsigned char* bytes, int size) {
  const std::string hex = palabre::protocol::sha256_hex(std::string_view(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)));
  char* out = static_cast<char*>(std::malloc(hex.size() + 1));
  std::copy(hex.begin(), hex.end() + 1, out);
  return out;
}

EMSCRIPTEN_KEEPALIVE void palabre_image_sending(const char* field, const char*) {
  app.ui.image_uploads[field] = "";
  app_ns::platform::request_frames();
}
EMSCRIPTEN_KEEPALIVE void palabre_image_uploaded(const char* field, const char* ref) {
  app.ui.image_uploads[field] = ref;
  app_ns::platform::request_frames();
}
EMSCRIPTEN_KEEPALIVE void palabre_image_failed_upload(const char* field, const char* message) {
  app.ui.image_uploads.erase(field);
  app.ui.error = std::string(app_ns::tr(app_ns::S::err_image)) + " (" + message + ")";
  app_ns::platform::request_frames();
}

EMSCRIPTEN_KEEPALIVE void palabre_plan_images_stored(const char*, const char* renamed_json) {
  const auto renamed = nlohmann::json::parse(renamed_json, nullptr, false);
  std::map<std::string, std::string> refs;
  if (renamed.is_object())
    for (const auto& [from, to] : renamed.items())
      if (to.is_string()) refs[from] = to.get<std::string>();
  palabre::app::uploads::plan_images_stored(refs);
  app_ns::platform::request_frames();
}

EMSCRIPTEN_KEEPALIVE void palabre_images_gathered(const char* purpose) { app_ns::images_gathered(purpose); }

EMSCRIPTEN_KEEPALIVE void palabre_pdf_started() {
  ++app.ui.pdf_importing;
  app_ns::platform::request_frames();
}
// A PDF's pages ([{image, text}]) after the editor's pages; `error` says why there are none.
EMSCRIPTEN_KEEPALIVE void palabre_pdf_pages(const char* error, const char* pages_json) {
  app.ui.pdf_importing = std::max(0, app.ui.pdf_importing - 1);
  app_ns::platform::request_frames();
  if (error && *error) {
    app.ui.error = std::string(app_ns::tr(app_ns::S::err_image)) + " (" + error + ")";
    return;
  }
  const auto pages = nlohmann::json::parse(pages_json, nullptr, false);
  auto& draft = app.ui.draft;
  if (!pages.is_array() || !app.ui.adding || draft.kind != palabre::core::ActivityKind::presentation) return;
  // The one empty page a new presentation starts with gives way to the slides.
  if (draft.pages.size() == 1 && draft.pages[0] == palabre::core::Page{}) draft.pages.clear();
  for (const auto& p : pages) {
    if (!p.is_object()) continue;
    palabre::core::Page page;
    page.image = p.value("image", std::string());
    // Kept short: every page travels in the one activity.add (64 KiB at most).
    std::string text = p.value("text", std::string());
    if (text.size() > 1200) {
      std::size_t cut = 1200;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "…";
    }
    // No title: the slide's picture shows its own, and its text is kept for search and the report.
    page.slide_text = std::move(text);
    draft.pages.push_back(std::move(page));
  }
}
}
