// window.palabre.* and the JavaScript ends of the transports (web/mirror.js, e2e_web, local_channel,
// js_bridge): the app's C entry points. Compiled into each module: plans load only in the full one.
#ifndef PALABRE_HOST_TOOLS
#define PALABRE_HOST_TOOLS 1
#endif
#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/app_state.hpp"
#include "app/e2e_web.hpp"
#include "app/images.hpp"
#include "app/js_bridge.hpp"
#include "app/platform_web.hpp"
#include "app/strings.hpp"
#include "core/codec.hpp"
#include "core/session.hpp"
#if PALABRE_HOST_TOOLS
#include "app/uploads.hpp"
#include "core/plan.hpp"
#endif

using palabre::app::app;
namespace app_ns = palabre::app;

extern "C" {
EMSCRIPTEN_KEEPALIVE void palabre_wake() { app_ns::platform::request_frames(); }

EMSCRIPTEN_KEEPALIVE void palabre_image_ready(const char* ref, int texture, int width, int height) {
  app_ns::images::on_ready(ref, texture, width, height);
}
EMSCRIPTEN_KEEPALIVE void palabre_image_failed(const char* ref) { app_ns::images::on_failed(ref); }

EMSCRIPTEN_KEEPALIVE const char* palabre_state_json() {
  static std::string text;
  text = palabre::core::canonical_json(app.client.session());
  return text.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* palabre_info_json() {
  static std::string text;
  const auto& id = app.client.identity();
  nlohmann::json info = {
      {"seq", app.client.last_seen()},  // the highest envelope received (bench/app/frame.mjs waits on it)
      {"view", app_ns::view_name(app.route.view)},
      {"room", id.room.empty() ? app.route.room : id.room},
      {"you", id.you},
      {"role", id.role ? palabre::core::to_string(*id.role) : std::string_view()},
      {"connected", app.client.link() == app_ns::Link::in_room},
      {"links", {{"join", app.links.join}, {"kiosk", app.links.kiosk}, {"host", app.links.host}}},
      {"pending", app.client.pending().size()},
      {"frames", app.frames_drawn},
      {"relay", app.route.local ? std::string() : app.ws.relay()},
      {"local", app.route.local},
      {"keeper", app.local.keeper()},
      {"e2e", app_ns::e2e::active()},
      {"e2e_locked", app_ns::e2e::locked()},
  };
  text = info.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return text.c_str();
}

#if PALABRE_HOST_TOOLS
// A plan file's text (js_bridge: picked or dropped), for a host in the room.
EMSCRIPTEN_KEEPALIVE void palabre_plan_text(const char* text) {
  namespace core = palabre::core;
  if (app.client.identity().role != core::Role::host) return;
  auto plan = core::load_plan(text ? text : "");
  if (!plan) {
    app.ui.texts["plan-error"] = std::string(app_ns::tr(app_ns::S::plan_error)) + " " + plan.error.message();
  } else {
    app.ui.texts["plan-error"].clear();
    app_ns::uploads::send_plan(std::move(*plan.value));
  }
  app_ns::platform::request_frames();
}
#endif

// End-to-end encryption (e2e_web.hpp): a frame sealed for the socket, a frame opened for the client,
// and "none of the room's events opens with what we have". `gen` drops what an old socket left.
EMSCRIPTEN_KEEPALIVE void palabre_e2e_send(int gen, const char* text) {
  if (gen != app_ns::e2e::generation()) return;
  app.ws.send_sealed(text);
}

EMSCRIPTEN_KEEPALIVE void palabre_e2e_deliver(int gen, const char* text) {
  if (gen != app_ns::e2e::generation() || !text) return;
  app.ws.deliver(text);
}

EMSCRIPTEN_KEEPALIVE void palabre_e2e_locked(int gen) {
  if (gen != app_ns::e2e::generation()) return;
  app_ns::e2e::set_locked();
  app_ns::platform::request_frames();
}

// web/e2e.js opened the next key a host sent (a `session.rekey`): the chain, one key longer.
EMSCRIPTEN_KEEPALIVE void palabre_e2e_rekeyed(int gen, const char* chain) {
  if (gen != app_ns::e2e::generation() || !chain) return;
  app_ns::adopt_e2e_key(chain);
  app_ns::platform::request_frames();
}

#if PALABRE_HOST_TOOLS
// One `session.rekey` event web/e2e.js made for a rotation (e2e::rotate), sent as the host's.
EMSCRIPTEN_KEEPALIVE void palabre_e2e_rekey_part(int gen, const char* event_json) {
  if (gen != app_ns::e2e::generation() || !event_json) return;
  auto ev = palabre::core::decode_event(std::string_view(event_json));
  if (!ev) {
    app_ns::js::log(std::string("a key renewal was not sent: ") + ev.error.message());
    return;
  }
  app.client.submit(std::move(*ev.value));
  app_ns::flush();
}
#endif

// A message on the room's BroadcastChannel (local_channel.hpp lists them).
EMSCRIPTEN_KEEPALIVE void palabre_local_message(const char* text) { app.local.on_message(text); }

// The answer to local_channel::claim for a host tab.
EMSCRIPTEN_KEEPALIVE void palabre_local_claimed(int granted) {
  if (app.local.on_claimed(granted != 0)) return;
  app.ui.error = app_ns::tr(app_ns::S::error_no_room);  // the room this host link names is not in this browser
  app.want_connection = false;
}

// config.json's answer (js_bridge): the relay's URL.
EMSCRIPTEN_KEEPALIVE void palabre_relay_resolved(const char* config_relay) {
  namespace js = app_ns::js;
  app.ws.set_relay(app_ns::relay_url(js::relay_param(), config_relay ? config_relay : "", js::page_protocol(), js::page_host()));
  if (app.want_connection) app_ns::connect();  // through the route's transport: the no-relay mode knocks again
}

EMSCRIPTEN_KEEPALIVE void palabre_hash_changed() {
  app_ns::Route next = app_ns::parse_route(app_ns::js::hash());
  if (next != app.route) {
    app.ws.close();
    app_ns::start_route(std::move(next));
  }
}
}
