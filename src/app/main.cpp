// Palabre's WebAssembly app: start-up and the frame loop. Each frame draws the route's view with
// ImGui over WebGL2, only when something changed, then carries out what the views asked for.
// app_state.hpp: the state and what changes it between frames; transport.hpp: the relay connection
// (a WebSocket, or in the no-relay mode the room's BroadcastChannel); effects.hpp: the views'
// actions; exports.cpp: window.palabre.*; js_bridge.hpp: the page.
// PALABRE_HOST_TOOLS (src/app/CMakeLists.txt): 1 in palabre.wasm (every view), 0 in the
// participant module palabre-participant.wasm (landing and participant views only: no host
// console, plan loading, report renderer or kiosk), which index.html loads for #/join and #/.
#ifndef PALABRE_HOST_TOOLS
#define PALABRE_HOST_TOOLS 1
#endif

#include <emscripten.h>
#include <emscripten/html5.h>

#include <string>

#include "app/app_state.hpp"
#include "app/images.hpp"
#if PALABRE_HOST_TOOLS
#include "app/uploads.hpp"
#endif
#include "app/e2e_web.hpp"
#include "app/effects.hpp"
#include "app/js_bridge.hpp"
#include "app/mirror.hpp"
#include "app/platform_web.hpp"
#include "app/render_gl.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "imgui.h"
#include "imgui_internal.h"

namespace palabre::app {
namespace {

theme::Look current_look = theme::Look::light;
bool look_applied = false;
bool first_frame_done = false;

void frame() {
  const double frame_start = platform::now_ms();
  ImGuiIO& io = ImGui::GetIO();
  platform::begin_frame(io);
  const platform::Viewport vp = platform::viewport();
  const theme::Look look = app.route.view == View::kiosk ? theme::Look::kiosk : theme::Look::light;
  if (!first_frame_done) js::first_frame_part("start");
  const bool fonts_rebuilt = theme::ensure_fonts(theme::base_size_for(look, vp.width, vp.height), vp.dpr);
  if (fonts_rebuilt || !look_applied || look != current_look) {
    theme::apply(look);
    current_look = look;
    look_applied = true;
  }
  if (!first_frame_done) js::first_frame_part("fonts");  // atlas rasterised (CPU)
  if (fonts_rebuilt) render::upload_font_atlas(*io.Fonts);
  if (!first_frame_done) js::first_frame_part("gpu");  // atlas uploaded
  ImGui::NewFrame();
  mirror::begin_frame();

  std::vector<views::Action> actions;
  app.ui.animating = false;
  const Identity& id = app.client.identity();
  Link link = app.client.link();
  if (link == Link::offline && app.transport().connecting()) link = Link::connecting;
  const bool has_token = app.route.view == View::join && !member_token_get(app.route.room).empty();
  if (link == Link::in_room) {
    images::configure(app.route.local ? std::string() : app.ws.relay(), id.room, app.route.local);
#if PALABRE_HOST_TOOLS
    if (id.role == core::Role::host) uploads::configure(id.host_token.empty() ? id.token : id.host_token);
#endif
  }
  views::Context ctx{app.client.session(), id, link, app.client.pending(), app.route, app.links, has_token, e2e::locked(),
                     platform::now_ms(), static_cast<std::int64_t>(js::epoch_ms()) + app.client.relay_clock_offset_ms(),
                     app.client.own_refusals(), app.browser, app.ui, actions};
  ui::reset_animation_flag();

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  const float base = theme::fonts().base_px;
  const float margin = vp.width < 600 ? base * 0.9f : base * 1.6f;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, margin));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  // The page's own vertical scrollbar shows whenever a view is taller than the screen (a host on a
  // phone): content below the fold always has a visible sign.
  ImGui::Begin("palabre", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavFocus);
  ImGui::PopStyleVar(2);
  switch (app.route.view) {
    case View::landing: views::draw_landing(ctx); break;
    case View::join: views::draw_participant(ctx); break;
#if PALABRE_HOST_TOOLS
    case View::host_create:
    case View::host: views::draw_host(ctx); views::draw_local_choice(ctx); break;
    case View::kiosk: views::draw_kiosk(ctx); break;
#else
    case View::host_create:
    case View::host:
    case View::kiosk: break;  // start_route reloads into the full module
#endif
  }
  ImGui::End();

  mirror::end_frame();
  if (!first_frame_done) js::first_frame_part("views");
  ++app.frames_drawn;
  ImGui::Render();
  render::draw(*ImGui::GetDrawData(), ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

  if (!first_frame_done) {
    first_frame_done = true;
    js::first_frame();
  }
  for (const views::Action& a : actions) run(a);
  images::load_wanted();
#if PALABRE_HOST_TOOLS
  static std::string image_target;
  if (app.ui.image_target != image_target) uploads::set_target(image_target = app.ui.image_target);
#endif
  do_host_duties();
  if (!actions.empty() || app.ui.animating || ui::animations_running()) platform::request_frames(actions.empty() ? 1 : 3);
  // A countdown or a cycling kiosk wants one frame later, not sixty a second until then.
  if (app.ui.redraw_in_ms > 0 && !app.redraw_timer) {
    app.redraw_timer = emscripten_set_timeout([](void*) { app.redraw_timer = 0; platform::request_frames(1); },
                                              app.ui.redraw_in_ms + 5, nullptr);
  }
  app.ui.redraw_in_ms = 0;
  js::frame_time(platform::now_ms() - frame_start);
}

void init_imgui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing to remember between visits
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "palabre_html5";
  const int keys[][2] = {{ImGuiKey_Tab, 9},       {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
                         {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33},   {ImGuiKey_PageDown, 34},   {ImGuiKey_Home, 36},
                         {ImGuiKey_End, 35},       {ImGuiKey_Insert, 45},   {ImGuiKey_Delete, 46},     {ImGuiKey_Backspace, 8},
                         {ImGuiKey_Space, 32},     {ImGuiKey_Enter, 13},    {ImGuiKey_Escape, 27},     {ImGuiKey_KeyPadEnter, 13},
                         {ImGuiKey_A, 65},         {ImGuiKey_C, 67},        {ImGuiKey_V, 86},          {ImGuiKey_X, 88},
                         {ImGuiKey_Y, 89},         {ImGuiKey_Z, 90}};
  for (const auto& k : keys) io.KeyMap[k[0]] = k[1];
  GImGui->TestEngineHookItems = true;
}

}  // namespace
}  // namespace palabre::app

int main() {
  using namespace palabre::app;
  js::mark_main();  // window.palabre.mainMs: wasm loaded and started (the rest is the first frame)
  init_imgui();

  const std::string stored_lang = stored("palabre.lang").value_or("");
  const std::string browser = js::browser_language();
  set_lang(!stored_lang.empty() ? (stored_lang == "en" ? Lang::en : Lang::fr)
                                : (browser.rfind("fr", 0) == 0 ? Lang::fr : Lang::en));
  js::set_lang_attr(lang() == Lang::fr ? "fr" : "en");

  if (!platform::init("#canvas")) {
    js::log("WebGL2 is not available");
    return 1;
  }
  js::first_frame_part("gl");  // WebGL2 context made
  render::init();  // the GPU process compiles the shaders while the first frame rasterises its atlas
  app.browser = {js::time_zone(), js::tz_offset_minutes(), e2e::available()};
  app.page_base = js::page_base();

  js::listen_hash_change();
#if PALABRE_HOST_TOOLS
  js::listen_plan_drop();
#endif
  platform::set_frame_callback(frame);
  js::resolve_relay();
  start_route(parse_route(js::hash()));
  // The first frame is drawn now rather than at the first animation frame, which Chromium gives a
  // loading page only some 100 ms later: the app replaces the splash sooner (bench/app/load.mjs).
  frame();
  theme::share_font_with_page();  // for the DOM text fields; not needed before they are typed in
  app.ws.keep_alive();
  emscripten_exit_with_live_runtime();
  return 0;
}
