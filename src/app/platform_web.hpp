#pragma once
// The browser as a platform for ImGui, on emscripten/html5.h (no GLFW, see DESIGN.md): a WebGL2
// context on #canvas sized by devicePixelRatio, mouse/touch/wheel/keyboard queued and fed to ImGui
// one button transition per frame (ImGui 1.86 would miss a press and release that land between
// two frames), and frames drawn only when something asks for them (idle means idle).
#include <functional>
#include <optional>
#include <string>

struct ImGuiIO;

namespace palabre::app::platform {

struct Viewport {
  float width = 0, height = 0;  // CSS pixels
  float dpr = 1;                // devicePixelRatio
};

// Creates the WebGL2 context on `canvas_selector` and registers input and resize listeners.
bool init(const char* canvas_selector);
// `draw` runs once per animation frame while frames are wanted.
void set_frame_callback(std::function<void()> draw);
// Asks for at least `frames` more frames (input, network, animation).
void request_frames(int frames = 3);
Viewport viewport();
// Feeds queued input to ImGui for this frame and sets sizes and delta time.
void begin_frame(ImGuiIO& io);
double now_ms();

// The browser's storage: localStorage (kept across visits) or sessionStorage (this tab only).
// A browser that refuses storage (private modes, full quota) reads as empty and fails writes.
enum class Storage { local, session };
std::optional<std::string> storage_get(Storage where, const std::string& key);
bool storage_set(Storage where, const std::string& key, const std::string& value);  // false if refused
void storage_remove(Storage where, const std::string& key);
void storage_remove_prefix(Storage where, const std::string& prefix);

}  // namespace palabre::app::platform
