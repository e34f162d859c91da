// [SECTION] state  [SECTION] input queue  [SECTION] listeners  [SECTION] frames
#include "app/platform_web.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>

#include "imgui.h"

// `session` 1 picks sessionStorage, 0 localStorage.
EM_JS(char*, js_storage_get, (int session, const char* key), {
  let v = null;
  try { v = (session ? sessionStorage : localStorage).getItem(UTF8ToString(key)); } catch (e) { v = null; }
  return v === null ? 0 : stringToNewUTF8(v);
});
EM_JS(int, js_storage_set, (int session, const char* key, const char* value), {
  try { (session ? sessionStorage : localStorage).setItem(UTF8ToString(key), UTF8ToString(value)); return 1; } catch (e) { return 0; }
});
EM_JS(void, js_storage_remove, (int session, const char* key), {
  try { (session ? sessionStorage : localStorage).removeItem(UTF8ToString(key)); } catch (e) {}
});
EM_JS(void, js_storage_remove_prefix, (int session, const char* prefix), {
  const p = UTF8ToString(prefix);
  try {
    const s = session ? sessionStorage : localStorage;
    for (let i = s.length - 1; i >= 0; i--) { const k = s.key(i); if (k && k.startsWith(p)) s.removeItem(k); }
  } catch (e) {}
});

namespace palabre::app::platform {
namespace {

// [SECTION] state
struct InputEvent {
  enum class Kind { move, button, leave, wheel, key, text } kind;
  float x = 0, y = 0;
  int button = 0;  // mouse button or key code
  bool down = false;
  bool ctrl = false, shift = false, alt = false, super = false;
  std::string text;
};

std::string canvas;
std::function<void()> draw_frame;
std::deque<InputEvent> queue;
Viewport current;
int canvas_w = -1, canvas_h = -1;  // the drawing buffer's size, device pixels
int frames_wanted = 0;
bool loop_running = false;
double last_frame_ms = 0;
int touch_id = -1;
float touch_start_x = 0, touch_start_y = 0, touch_last_y = 0;
bool touch_scrolling = false;

void wake() { request_frames(3); }

void push(InputEvent e) {
  queue.push_back(std::move(e));
  wake();
}

void update_viewport() {
  double w = 0, h = 0;
  emscripten_get_element_css_size(canvas.c_str(), &w, &h);
  current.width = static_cast<float>(w);
  current.height = static_cast<float>(h);
  current.dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (current.dpr <= 0) current.dpr = 1;
  // Setting a canvas's size, even to the size it has, resets its drawing buffer (HTML spec): only on change.
  const int pixel_w = static_cast<int>(std::lround(w * current.dpr)), pixel_h = static_cast<int>(std::lround(h * current.dpr));
  if (pixel_w != canvas_w || pixel_h != canvas_h) {
    canvas_w = pixel_w;
    canvas_h = pixel_h;
    emscripten_set_canvas_element_size(canvas.c_str(), pixel_w, pixel_h);
  }
}

// [SECTION] listeners
EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  InputEvent ev{};
  ev.x = static_cast<float>(e->clientX);
  ev.y = static_cast<float>(e->clientY);
  if (type == EMSCRIPTEN_EVENT_MOUSEMOVE) {
    ev.kind = InputEvent::Kind::move;
  } else if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) {
    ev.kind = InputEvent::Kind::leave;
  } else {
    ev.kind = InputEvent::Kind::button;
    ev.button = e->button == 2 ? 1 : e->button == 1 ? 2 : e->button;
    ev.down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
  }
  push(std::move(ev));
  return EM_FALSE;  // keep the browser's focus handling (a click on the canvas blurs DOM inputs)
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  InputEvent ev{};
  ev.kind = InputEvent::Kind::wheel;
  const double unit = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 40.0 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
  ev.x = static_cast<float>(-e->deltaX * unit);
  ev.y = static_cast<float>(-e->deltaY * unit);
  push(std::move(ev));
  return EM_TRUE;
}

// One finger is the mouse; a finger that travels becomes a scroll (ImGui has no drag-to-scroll),
// and then its press is cancelled so it never clicks what it started on.
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& t = e->touches[i];
    if (!t.isChanged) continue;
    const float x = static_cast<float>(t.clientX), y = static_cast<float>(t.clientY);
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART && touch_id < 0) {
      touch_id = t.identifier;
      touch_start_x = x;
      touch_start_y = touch_last_y = y;
      touch_scrolling = false;
      push({InputEvent::Kind::move, x, y});
      push({InputEvent::Kind::button, x, y, 0, true});
    } else if (t.identifier == touch_id && type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
      if (!touch_scrolling && std::hypot(x - touch_start_x, y - touch_start_y) > 10.0f) {
        touch_scrolling = true;
        push({InputEvent::Kind::leave});
        push({InputEvent::Kind::button, -FLT_MAX, -FLT_MAX, 0, false});
        push({InputEvent::Kind::move, x, y});
      }
      if (touch_scrolling) {
        push({InputEvent::Kind::wheel, 0, (y - touch_last_y) / 40.0f});
        touch_last_y = y;
      } else {
        push({InputEvent::Kind::move, x, y});
      }
    } else if (t.identifier == touch_id) {  // end or cancel
      if (!touch_scrolling) push({InputEvent::Kind::button, x, y, 0, false});
      push({InputEvent::Kind::leave});  // no hover left behind on a touch screen
      touch_id = -1;
    }
  }
  return EM_TRUE;  // no emulated mouse events, no page zoom
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  if (type == EMSCRIPTEN_EVENT_KEYPRESS) return EM_FALSE;
  InputEvent ev{};
  ev.kind = InputEvent::Kind::key;
  ev.button = static_cast<int>(e->keyCode) & 511;
  ev.down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  ev.ctrl = e->ctrlKey;
  ev.shift = e->shiftKey;
  ev.alt = e->altKey;
  ev.super = e->metaKey;
  const bool tab = e->keyCode == 9;
  push(std::move(ev));
  return tab ? EM_FALSE : EM_TRUE;  // Tab keeps moving focus through the DOM mirror
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  update_viewport();
  wake();
  return EM_FALSE;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
  ImGuiIO& io = ImGui::GetIO();
  for (bool& k : io.KeysDown) k = false;
  io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
  wake();
  return EM_FALSE;
}

EM_BOOL tick(double, void*) {
  if (draw_frame) draw_frame();
  if (frames_wanted > 0) --frames_wanted;
  loop_running = frames_wanted > 0 || !queue.empty();
  return loop_running ? EM_TRUE : EM_FALSE;
}

}  // namespace

bool init(const char* canvas_selector) {
  canvas = canvas_selector;
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;
  // ImGui needs nothing beyond WebGL2; enabling every extension costs tens of ms at start.
  attrs.enableExtensionsByDefault = EM_FALSE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context(canvas_selector, &attrs);
  if (gl <= 0) return false;
  emscripten_webgl_make_context_current(gl);
  update_viewport();

  const char* c = canvas_selector;
  emscripten_set_mousedown_callback(c, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseleave_callback(c, nullptr, EM_TRUE, on_mouse);
  emscripten_set_wheel_callback(c, nullptr, EM_TRUE, on_wheel);
  emscripten_set_touchstart_callback(c, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchmove_callback(c, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchend_callback(c, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchcancel_callback(c, nullptr, EM_TRUE, on_touch);
  emscripten_set_keydown_callback(c, nullptr, EM_TRUE, on_key);
  emscripten_set_keyup_callback(c, nullptr, EM_TRUE, on_key);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_resize);
  emscripten_set_orientationchange_callback(nullptr, EM_TRUE,
      [](int, const EmscriptenOrientationChangeEvent*, void*) -> EM_BOOL { update_viewport(); wake(); return EM_FALSE; });
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_blur);
  return true;
}

void set_frame_callback(std::function<void()> draw) { draw_frame = std::move(draw); }

void request_frames(int frames) {
  if (frames > frames_wanted) frames_wanted = frames;
  if (!loop_running) {
    loop_running = true;
    emscripten_request_animation_frame_loop(tick, nullptr);
  }
}

Viewport viewport() { return current; }

double now_ms() { return emscripten_get_now(); }

std::optional<std::string> storage_get(Storage where, const std::string& key) {
  char* p = js_storage_get(where == Storage::session, key.c_str());
  if (!p) return std::nullopt;
  std::string value(p);
  std::free(p);
  return value;
}
bool storage_set(Storage where, const std::string& key, const std::string& value) {
  return js_storage_set(where == Storage::session, key.c_str(), value.c_str()) != 0;
}
void storage_remove(Storage where, const std::string& key) { js_storage_remove(where == Storage::session, key.c_str()); }
void storage_remove_prefix(Storage where, const std::string& prefix) {
  js_storage_remove_prefix(where == Storage::session, prefix.c_str());
}

// [SECTION] frames
void begin_frame(ImGuiIO& io) {
  update_viewport();
  io.DisplaySize = ImVec2(current.width, current.height);
  io.DisplayFramebufferScale = ImVec2(current.dpr, current.dpr);
  const double now = now_ms();
  // After an idle stretch, animate as if one frame passed (no jump).
  io.DeltaTime = last_frame_ms > 0 ? static_cast<float>(std::min(now - last_frame_ms, 100.0) / 1000.0) : 1.0f / 60.0f;
  if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 240.0f;
  last_frame_ms = now;

  bool button_changed[5] = {};
  bool key_changed[512] = {};
  while (!queue.empty()) {
    InputEvent& e = queue.front();
    if (e.kind == InputEvent::Kind::button) {
      if (button_changed[e.button]) break;  // the release waits for the next frame
      button_changed[e.button] = true;
      if (e.x > -FLT_MAX) io.MousePos = ImVec2(e.x, e.y);
      io.MouseDown[e.button] = e.down;
    } else if (e.kind == InputEvent::Kind::move) {
      io.MousePos = ImVec2(e.x, e.y);
    } else if (e.kind == InputEvent::Kind::leave) {
      if (button_changed[0]) break;  // let the release be seen on the item first
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    } else if (e.kind == InputEvent::Kind::wheel) {
      io.MouseWheelH += e.x;
      io.MouseWheel += e.y;
    } else if (e.kind == InputEvent::Kind::key) {
      if (key_changed[e.button]) break;
      key_changed[e.button] = true;
      io.KeysDown[e.button] = e.down;
      io.KeyCtrl = e.ctrl;
      io.KeyShift = e.shift;
      io.KeyAlt = e.alt;
      io.KeySuper = e.super;
    }
    queue.pop_front();
  }
}

}  // namespace palabre::app::platform
