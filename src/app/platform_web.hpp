#pragma once
// The browser as a platform for ImGui, on emscripten/html5.h (no GLFW, see DESIGN.md): a WebGL2
// context on #canvas sized by devicePixelRatio, mouse/touch/wheel/keyboard queued and fed to ImGui
// one button transition per frame (ImGui 1.86 would miss a press and release that land between
// two frames), and frames drawn only when something asks for them (idle means idle).
#include <functional>

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
// True when queued input remains for the next frame.
bool input_pending();
double now_ms();

}  // namespace palabre::app::platform
