// The JavaScript side of js_bridge.hpp. Compiled into each module (src/app/CMakeLists.txt) so the
// participant module has no plan picker.
#ifndef PALABRE_HOST_TOOLS
#define PALABRE_HOST_TOOLS 1
#endif
#include "app/js_bridge.hpp"

#include <emscripten.h>

#include <cstdlib>

EM_JS(char*, js_page_string, (int what), {
  let v = "";
  try {
    if (what === 0) v = location.hash;
    else if (what === 1) v = new URLSearchParams(location.search).get('relay') || "";
    else if (what === 2) v = location.protocol;
    else if (what === 3) v = location.host;
    else if (what === 4) v = location.origin + location.pathname + location.search;
    else if (what === 5) v = navigator.language || 'fr';
    else if (what === 6) v = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) { v = ""; }
  return stringToNewUTF8(v);
});
EM_JS(void, js_replace_hash, (const char* hash), { history.replaceState(null, "", UTF8ToString(hash)); });
EM_JS(void, js_set_hash, (const char* hash), { location.hash = UTF8ToString(hash); });
EM_JS(void, js_open_url, (const char* url), { window.open(UTF8ToString(url), '_blank', 'noopener'); });
EM_JS(void, js_copy_text, (const char* text), {
  const t = UTF8ToString(text);
  const fallback = () => {
    const area = document.createElement('textarea');
    area.value = t;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) {}
    area.remove();
  };
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(fallback);
  else fallback();
});
EM_JS(void, js_download, (const char* name, const char* type, const char* text), {
  const blob = new Blob([UTF8ToString(text)], {type: UTF8ToString(type)});
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name);
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});
EM_JS(int, js_tz_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(void, js_set_page_mode, (const char* mode), {
  document.body.dataset.view = UTF8ToString(mode);
  document.documentElement.lang = Module.palabreLang || 'fr';
});
EM_JS(void, js_set_lang_attr, (const char* lang), { Module.palabreLang = UTF8ToString(lang); document.documentElement.lang = Module.palabreLang; });
// window.palabre.firstFrameParts: where the first frame's time goes (bench/app/load.mjs prints it).
EM_JS(void, js_first_frame_part, (const char* name), {
  window.palabre.firstFrameParts = window.palabre.firstFrameParts || {};
  window.palabre.firstFrameParts[UTF8ToString(name)] = performance.now();
});
// window.palabre.frameTimes, once a benchmark sets it to an array: each frame's time in the app, ms
// (bench/app/frame.mjs).
EM_JS(void, js_frame_time, (double ms), { const t = window.palabre.frameTimes; if (t) t.push(ms); });
EM_JS(void, js_first_frame, (), {
  window.palabre.firstFrameMs = performance.now();
  window.palabre.ready = true;
  const splash = document.getElementById('splash');
  if (splash) splash.remove();
});
EM_JS(void, js_resolve_relay, (), {
  // config.json beside index.html may name the relay (static hosting); it is optional.
  const done = (url) => { const s = url || ""; const p = stringToNewUTF8(s); Module._palabre_relay_resolved(p); _free(p); };
  fetch('config.json', {cache: 'no-store'})
    .then((r) => (r.ok ? r.json() : {}))
    .then((c) => done(c && typeof c.relay === 'string' ? c.relay : ""))
    .catch(() => done(""));
});
EM_JS(void, js_log, (const char* text), { console.info('[palabre] ' + UTF8ToString(text)); });
EM_JS(double, js_epoch_ms, (), { return Date.now(); });
EM_JS(void, js_mark_main, (), { window.palabre.mainMs = performance.now(); });
EM_JS(void, js_reload, (), { location.reload(); });
EM_JS(void, js_listen_hash_change, (), {
  window.addEventListener('hashchange', () => Module._palabre_hash_changed());
});
#if PALABRE_HOST_TOOLS
// Plans come from a file picker or a file dropped anywhere on the page (host only); a dropped
// picture or PDF goes to uploads.cpp.
EM_JS(void, js_pick_plan, (), {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.onchange = () => { if (input.files[0]) Module.palabreReadPlan(input.files[0]); };
  input.click();
});
EM_JS(void, js_listen_plan_drop, (), {
  Module.palabreReadPlan = (file) => file.text().then((t) => {
    const p = stringToNewUTF8(t); Module._palabre_plan_text(p); _free(p);
  });
  document.addEventListener('dragover', (e) => { e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    const U = Module.palabreUploads;
    // A picture goes to the image field under the pointer, a PDF to the presentation being written.
    if (f && U && f.type.startsWith('image/')) U.upload(U.target, f);
    else if (f && U && f.type === 'application/pdf') U.importPdf(f);
    else if (f) Module.palabreReadPlan(f);
  });
});
#endif

namespace palabre::app::js {
namespace {

std::string page_string(int what) {
  char* p = js_page_string(what);
  if (!p) return {};
  std::string s(p);
  std::free(p);
  return s;
}

}  // namespace

std::string hash() { return page_string(0); }
std::string relay_param() { return page_string(1); }
std::string page_protocol() { return page_string(2); }
std::string page_host() { return page_string(3); }
std::string page_base() { return page_string(4); }
std::string browser_language() { return page_string(5); }
std::string time_zone() { return page_string(6); }
int tz_offset_minutes() { return js_tz_offset_minutes(); }
double epoch_ms() { return js_epoch_ms(); }

void replace_hash(const std::string& hash) { js_replace_hash(hash.c_str()); }
void set_hash(const std::string& hash) { js_set_hash(hash.c_str()); }
void open_url(const std::string& url) { js_open_url(url.c_str()); }
void copy_text(const std::string& text) { js_copy_text(text.c_str()); }
void download(const std::string& name, const std::string& mime_type, const std::string& text) {
  js_download(name.c_str(), mime_type.c_str(), text.c_str());
}
void reload() { js_reload(); }

void set_page_mode(const std::string& view) { js_set_page_mode(view.c_str()); }
void set_lang_attr(const std::string& lang) { js_set_lang_attr(lang.c_str()); }
void log(const std::string& text) { js_log(text.c_str()); }

void mark_main() { js_mark_main(); }
void first_frame_part(const char* name) { js_first_frame_part(name); }
void first_frame() { js_first_frame(); }
void frame_time(double ms) { js_frame_time(ms); }

void resolve_relay() { js_resolve_relay(); }
void listen_hash_change() { js_listen_hash_change(); }
#if PALABRE_HOST_TOOLS
void pick_plan() { js_pick_plan(); }
void listen_plan_drop() { js_listen_plan_drop(); }
#endif

}  // namespace palabre::app::js
