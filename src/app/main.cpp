// Palabre's WebAssembly app: routes the URL to a view, keeps the relay connection (a WebSocket, or
// in the no-relay mode the room's BroadcastChannel), draws with ImGui over WebGL2 only when something
// changed, and answers window.palabre (items, state, info).
// [SECTION] page bridge  [SECTION] app state  [SECTION] transport  [SECTION] no-relay mode
// [SECTION] actions  [SECTION] frame  [SECTION] exports  [SECTION] main
// PALABRE_HOST_TOOLS (src/app/CMakeLists.txt): 1 in palabre.wasm (every view), 0 in the
// participant module palabre-participant.wasm (landing and participant views only: no host
// console, plan loading, report renderer or kiosk), which index.html loads for #/join and #/.
#ifndef PALABRE_HOST_TOOLS
#define PALABRE_HOST_TOOLS 1
#endif

#include <emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/websocket.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>

#include "app/client.hpp"
#include "app/host_duties.hpp"
#include "app/e2e_web.hpp"
#include "app/glyphs.hpp"
#include "app/local_channel.hpp"
#include "app/local_relay.hpp"
#include "app/mirror.hpp"
#include "app/platform_web.hpp"
#include "app/render_gl.hpp"
#include "app/route.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "core/session.hpp"
#include "protocol/log_format.hpp"
#include "protocol/tokens.hpp"
#if PALABRE_HOST_TOOLS
#include "core/plan.hpp"
#include "report/from_session.hpp"
#include "report/render.hpp"
#endif
#include "imgui.h"
#include "imgui_internal.h"

// [SECTION] page bridge
EM_JS(char*, js_page_string, (int what), {
  let v = "";
  try {
    if (what === 0) v = location.hash;
    else if (what === 1) v = new URLSearchParams(location.search).get('relay') || "";
    else if (what === 2) v = location.protocol;
    else if (what === 3) v = location.host;
    else if (what === 4) v = location.origin + location.pathname + location.search;
    else if (what === 5) v = navigator.language || 'fr';
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
#if PALABRE_HOST_TOOLS
// Plans come from a file picker or a file dropped anywhere on the page (host only).
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
    if (f) Module.palabreReadPlan(f);
  });
});
#endif

namespace palabre::app {
namespace {

std::string take(char* p) {
  if (!p) return {};
  std::string s(p);
  std::free(p);
  return s;
}

std::string token_key(const std::string& room) { return "palabre.member." + room; }
std::string kiosk_key(const std::string& room) { return "palabre.kiosk." + room; }
// The room key of an end-to-end encrypted session, kept so a link or a reload without it still works.
std::string e2e_key_name(const std::string& room) { return "palabre.e2e." + room; }

// [SECTION] app state
struct App {
  Route route;
  Client client;
  views::Ui ui;
  views::Links links;
  std::string page_base;
  std::string relay;           // WebSocket URL, once resolved
  bool relay_resolved = false;
  EMSCRIPTEN_WEBSOCKET_T socket = 0;
  bool socket_open = false;
  bool want_connection = false;
  int reconnect_attempt = 0;
  long reconnect_timer = 0;
  long ping_timer = 0;
  long redraw_timer = 0;
  long frames_drawn = 0;
  bool first_frame_done = false;
  theme::Look look = theme::Look::light;
  bool look_applied = false;
  std::minstd_rand jitter{12345};
  // No-relay mode (route.local): this tab's end of the room's BroadcastChannel, and the room itself
  // when this tab is the one that keeps it (the host tab that created or reloaded it).
  bool channel_open = false;
  enum class Claim { none, waiting, keeper, guest } claim = Claim::none;  // host tabs: who keeps the room
  std::optional<LocalRelay> local_relay;
  long local_retry_timer = 0;
  HostDuties duties;  // a host's browser publishes the room's figures and closes timed-out questions
  long duties_timer = 0;
};
App app;

void connect();
void flush();

// The host's own chores (host_duties.hpp), after every frame of events and each drawn frame, and on
// a timer while something waits (a deadline, a throttled publication).
void do_host_duties() {
#if PALABRE_HOST_TOOLS
  if (app.client.identity().role != "host" || app.client.link() != Link::in_room) return;
  const auto now = static_cast<std::int64_t>(js_epoch_ms()) + app.client.relay_clock_offset_ms();
  DutiesDue due = host_duties(app.client.session(), now, app.duties);
  for (core::Event& ev : due.events) app.client.submit(std::move(ev));
  if (!due.events.empty()) flush();
  if (due.next_in_ms > 0 && !app.duties_timer)
    app.duties_timer = emscripten_set_timeout([](void*) { app.duties_timer = 0; do_host_duties(); }, static_cast<double>(due.next_in_ms) + 5, nullptr);
#endif
}
void handle_notices();

// A participant's resume token: per browser with a relay, per tab without one (the no-relay mode's
// demo participants share one browser, so each tab is its own member).
platform::Storage member_token_storage() { return app.route.local ? platform::Storage::session : platform::Storage::local; }
std::string member_token_get(const std::string& room) {
  return platform::storage_get(member_token_storage(), token_key(room)).value_or("");
}
void member_token_set(const std::string& room, const std::string& token) {
  platform::storage_set(member_token_storage(), token_key(room), token);
}
void member_token_remove(const std::string& room) { platform::storage_remove(member_token_storage(), token_key(room)); }
// Kept across visits in this browser: names, keys, the language.
std::optional<std::string> stored(const std::string& key) { return platform::storage_get(platform::Storage::local, key); }
void store(const std::string& key, const std::string& value) { platform::storage_set(platform::Storage::local, key, value); }

void update_links() {
  const Identity& id = app.client.identity();
  const std::string room = id.room.empty() ? app.route.room : id.room;
  app.links = {};
  if (room.empty()) return;
  const bool local = app.route.local;
  const std::string& key = app.route.key;  // every link of an encrypted session carries its key
  app.links.join = app_link(app.page_base, {View::join, room, {}, local, key});
  std::string kiosk = id.kiosk_token;
  if (kiosk.empty() && app.route.view == View::kiosk) kiosk = app.route.token;
  if (!kiosk.empty()) app.links.kiosk = app_link(app.page_base, {View::kiosk, room, kiosk, local, key});
  const std::string host = id.role == "host" ? id.host_token : "";
  if (!host.empty()) app.links.host = app_link(app.page_base, {View::host, room, host, local, key});
}

// Starts what the route asks for: a fresh client, and a connection when there is something to do.
void leave_local_room() {
  if (app.channel_open) local_channel::close();
  if (app.local_relay) local_channel::release();
  if (app.local_retry_timer) emscripten_clear_timeout(app.local_retry_timer);
  app.local_retry_timer = 0;
  app.channel_open = false;
  app.claim = App::Claim::none;
  app.local_relay.reset();
}

void start_route(Route route) {
#if !PALABRE_HOST_TOOLS
  if (route.view != View::landing && route.view != View::join) {
    js_reload();  // index.html loads the full module for host and kiosk links
    return;
  }
#endif
  leave_local_room();
  app.route = std::move(route);
  // End-to-end encryption: the key from the link, else the one this browser kept for the room.
  if (!app.route.local && !app.route.room.empty()) {
    if (app.route.key.empty()) {
      app.route.key = stored(e2e_key_name(app.route.room)).value_or("");
      if (!app.route.key.empty()) js_replace_hash(route_hash(app.route).c_str());
    } else {
      store(e2e_key_name(app.route.room), app.route.key);
    }
  }
  e2e::use_key(app.route.local ? std::string() : app.route.key);
  e2e::next_generation();
  app.client = Client{};
  app.ui.error.clear();
  app.ui.messages_seen = 0;
  app.ui.first_seen_ms.clear();
  app.want_connection = false;
  switch (app.route.view) {
    case View::host:
      if (auto kiosk = stored(kiosk_key(app.route.room))) app.client.remember_kiosk_token(*kiosk);
      [[fallthrough]];
    case View::kiosk:
      app.client.enter_room(app.route.room, app.route.token);
      app.want_connection = true;
      break;
    case View::join:
      if (auto token = member_token_get(app.route.room); !token.empty()) {
        app.client.enter_room(app.route.room, token);
        app.want_connection = true;
      }
      if (app.ui.name.empty()) app.ui.name = stored("palabre.name").value_or("");
      break;
    case View::landing:
    case View::host_create: break;
  }
  js_set_page_mode(std::string(view_name(app.route.view)).c_str());
  update_links();
  if (app.want_connection) connect();
  platform::request_frames();
}

// [SECTION] transport
void schedule_reconnect() {
  if (!app.want_connection || app.reconnect_timer) return;
  // Exponential backoff with jitter: a restarted relay is not hit by every client at once.
  const double base = std::min(15000.0, 400.0 * std::pow(2.0, std::min(app.reconnect_attempt, 6)));
  const double delay = base * (0.7 + 0.6 * (static_cast<double>(app.jitter() % 1000) / 1000.0));
  ++app.reconnect_attempt;
  app.reconnect_timer = emscripten_set_timeout([](void*) { app.reconnect_timer = 0; connect(); }, delay, nullptr);
}

void close_socket() {
  if (app.socket > 0) {
    emscripten_websocket_close(app.socket, 1000, "bye");
    emscripten_websocket_delete(app.socket);
  }
  app.socket = 0;
  app.socket_open = false;
  e2e::next_generation();  // frames still being encrypted or decrypted belonged to that socket
}

void handle_notices() {
  for (const Notice& n : app.client.take_notices()) {
    const Identity& id = app.client.identity();
    switch (n.kind) {
      case Notice::Kind::created: {
        app.reconnect_attempt = 0;
        app.route = {View::host, id.room, id.host_token, false, app.route.key};
        js_replace_hash(route_hash(app.route).c_str());
        if (!app.route.key.empty()) store(e2e_key_name(id.room), app.route.key);
        if (!id.kiosk_token.empty()) store(kiosk_key(id.room), id.kiosk_token);
        app.ui.copied_key.clear();
        break;
      }
      case Notice::Kind::joined: {
        app.reconnect_attempt = 0;
        app.ui.error.clear();
        if (id.role == "participant") member_token_set(id.room, id.token);
        // The relay tells a host the kiosk token on any device: kept, as on the device that created it.
        if (id.role == "host" && !id.kiosk_token.empty()) store(kiosk_key(id.room), id.kiosk_token);
        break;
      }
      case Notice::Kind::error: {
        js_log(("relay error " + n.code + ": " + n.message).c_str());
        if (n.code == "no_room" || n.code == "closed") app.ui.error = tr(S::error_no_room);
        else app.ui.error = std::string(tr(S::error_generic)) + " " + n.message;
        if (n.code == "bad_token" && app.route.view == View::join) {
          // A stale membership (room recreated, storage copied): start over as a new participant.
          member_token_remove(app.route.room);
          app.client = Client{};
          app.ui.error.clear();
        }
        if (app.client.intent() == Intent::none) app.want_connection = false;
        break;
      }
      case Notice::Kind::closed:
        app.ui.error = tr(S::error_closed);
        app.want_connection = false;
        break;
    }
  }
  update_links();
}

EM_BOOL on_socket_open(int, const EmscriptenWebSocketOpenEvent*, void*) {
  app.socket_open = true;
  app.client.on_open();
  flush();
  platform::request_frames();
  return EM_TRUE;
}

void deliver_frame(std::string_view text) {
  glyphs::note(text);  // names, ideas, questions: characters the atlas may lack are drawn next frame
  app.client.on_frame(text, static_cast<std::int64_t>(js_epoch_ms()));
  handle_notices();
  do_host_duties();
  flush();
  platform::request_frames();
}

EM_BOOL on_socket_message(int, const EmscriptenWebSocketMessageEvent* e, void*) {
  if (e->isText && e->data) {
    const std::string_view text(reinterpret_cast<const char*>(e->data), e->numBytes > 0 ? e->numBytes - 1 : 0);
    if (e2e::active()) {
      e2e::receive(text);  // decrypted in order, then palabre_e2e_deliver
      return EM_TRUE;
    }
    if (e2e::holds_encrypted_events(text)) e2e::set_locked();  // encrypted, and we have no key
    deliver_frame(text);
  }
  return EM_TRUE;
}

EM_BOOL on_socket_close(int, const EmscriptenWebSocketCloseEvent*, void*) {
  if (app.socket > 0) emscripten_websocket_delete(app.socket);
  app.socket = 0;
  app.socket_open = false;
  e2e::next_generation();
  app.client.on_close();
  schedule_reconnect();
  platform::request_frames();
  return EM_TRUE;
}

EM_BOOL on_socket_error(int, const EmscriptenWebSocketErrorEvent*, void*) { return EM_TRUE; }  // close follows

void connect_local();

void connect() {
  if (app.route.local) return connect_local();
  if (!app.relay_resolved || app.socket > 0) return;
  EmscriptenWebSocketCreateAttributes attrs;
  emscripten_websocket_init_create_attributes(&attrs);
  attrs.url = app.relay.c_str();
  attrs.protocols = nullptr;
  attrs.createOnMainThread = EM_TRUE;
  const EMSCRIPTEN_WEBSOCKET_T socket = emscripten_websocket_new(&attrs);
  if (socket <= 0) {
    schedule_reconnect();
    return;
  }
  app.socket = socket;
  emscripten_websocket_set_onopen_callback(socket, nullptr, on_socket_open);
  emscripten_websocket_set_onmessage_callback(socket, nullptr, on_socket_message);
  emscripten_websocket_set_onclose_callback(socket, nullptr, on_socket_close);
  emscripten_websocket_set_onerror_callback(socket, nullptr, on_socket_error);
}

void send_local(const std::string& frame);

void flush() {
  if (app.route.local) {
    // The relay tab answers its own client at once, which may queue more (resent pending actions).
    for (auto frames = app.client.take_outgoing(); !frames.empty(); frames = app.client.take_outgoing())
      for (const std::string& frame : frames) {
        glyphs::note(frame);  // our own events show at once, as pending
        send_local(frame);
      }
    return;
  }
  for (const std::string& frame : app.client.take_outgoing()) {
    glyphs::note(frame);  // our own events show at once, as pending
    if (!app.socket_open) break;  // the client resends what matters after reconnecting
    // An encrypted room and no key: nothing we type (our name first) may reach it in clear.
    if (e2e::locked() && !e2e::active() && frame.rfind(R"({"t":"event")", 0) == 0) continue;
    if (e2e::active()) e2e::send(frame);  // sealed in order, then palabre_e2e_send
    else emscripten_websocket_send_utf8_text(app.socket, frame.c_str());
  }
}

// [SECTION] no-relay mode
// The relay tab stores before it delivers, as the relay writes its log before sending a batch.
void deliver_local(std::vector<LocalRelay::Delivery> deliveries) {
  if (deliveries.empty()) return;
  if (!local_channel::save(*app.local_relay)) js_log("the browser refused to store the room (storage full?)");
  if (app.local_relay->closed()) local_channel::forget(app.local_relay->room());
  const std::string& self = local_channel::connection_id();
  for (const LocalRelay::Delivery& d : deliveries) {
    if (d.to == self) {
      glyphs::note(d.frame);
      app.client.on_frame(d.frame, static_cast<std::int64_t>(js_epoch_ms()));
    } else {
      local_channel::post(nlohmann::json{{"to", d.to}, {"f", d.frame}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }
  handle_notices();
  platform::request_frames();
}

std::string fresh_token() { return local_channel::random_hex(); }

// Only host tabs keep a room; in the participant module the keeper's code folds away (and the
// LocalRelay with it: nothing references it any more).
constexpr bool kCanKeep = PALABRE_HOST_TOOLS;

void send_local(const std::string& frame) {
  if (kCanKeep && app.local_relay) {
    deliver_local(app.local_relay->receive(local_channel::connection_id(), frame, static_cast<std::int64_t>(js_epoch_ms()), fresh_token));
  } else if (app.channel_open) {
    local_channel::post(nlohmann::json{{"c", local_channel::connection_id()}, {"f", frame}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

// A tab that is not the keeper knocks again until the keeper answers (it may be loading, or reloading).
void knock_local_later() {
  if (app.local_retry_timer) return;
  app.local_retry_timer = emscripten_set_timeout([](void*) {
    app.local_retry_timer = 0;
    if (app.local_relay || !app.channel_open) return;
    if (app.client.link() != Link::in_room && app.client.intent() != Intent::none) {
      app.client.on_close();
      app.client.on_open();
      flush();
    }
    knock_local_later();
  }, 1500, nullptr);
}

void connect_local() {
  if (app.route.room.empty() || app.local_relay) return;
  if (!app.channel_open) {
    local_channel::open(app.route.room);
    app.channel_open = true;
  }
  if (app.route.view == View::host && app.claim == App::Claim::none) {
    app.claim = App::Claim::waiting;  // palabre_local_claimed decides: the room's keeper, or a co-host
    local_channel::claim(app.route.room);
    return;
  }
  if (app.claim == App::Claim::waiting || app.local_retry_timer) return;
  app.client.on_open();
  flush();
  knock_local_later();
}

// Becomes the keeper of `relay`: serves the other tabs and joins it as its own first member.
void keep_local_room(LocalRelay relay) {
  app.local_relay = std::move(relay);
  local_channel::save(*app.local_relay);
  local_channel::post(R"({"up":1})");
  app.client.on_open();
  flush();
}

// "Sans relais — cet appareil": the room is made here, in this tab, and never leaves this browser.
void create_local_room() {
  leave_local_room();
  // The kiosk token follows from the host token, as with the relay (protocol/tokens.hpp).
  const std::string host_token = local_channel::random_hex();
  const LocalRelay::Secrets secrets{local_channel::new_room_code(), host_token, protocol::kiosk_token_for(host_token),
                                    local_channel::random_hex(32)};
  app.route = {View::host, secrets.room, secrets.host_token, true};
  js_replace_hash(route_hash(app.route).c_str());
  store(kiosk_key(secrets.room), secrets.kiosk_token);
  app.client = Client{};
  app.client.remember_kiosk_token(secrets.kiosk_token);
  app.client.enter_room(secrets.room, secrets.host_token);
  app.want_connection = true;
  local_channel::open(secrets.room);
  app.channel_open = true;
  app.claim = App::Claim::keeper;  // held from now on: a second host tab becomes a co-host, not a second keeper
  local_channel::claim(secrets.room);
  keep_local_room(LocalRelay::create(secrets, static_cast<std::int64_t>(js_epoch_ms())));
  update_links();
}

// [SECTION] actions
void run(const views::Action& a) {
  using K = views::Action::Kind;
  switch (a.kind) {
    case K::go: js_set_hash(route_hash(a.route).c_str()); break;  // hashchange starts the route
    case K::open_url: js_open_url(a.text.c_str()); break;
    case K::create_room:
      if (kCanKeep && (app.route.local || a.text == "local")) { create_local_room(); break; }
      // End-to-end encryption, when ticked on the create card: a fresh key before anything is sent.
      app.route.key = app.ui.texts["session-e2e"] == "1" && e2e::available() ? e2e::new_key() : std::string();
      e2e::use_key(app.route.key);
      app.client.create_room();
      app.want_connection = true;
      connect();
      break;
    case K::join_as: {
      store("palabre.name", a.text);
      if (app.client.intent() == Intent::none) app.client.enter_room(app.route.room, "");
      app.want_connection = true;
      app.client.submit(core::ParticipantJoin{a.text});
      connect();
      break;
    }
    case K::post: app.client.submit(core::ChatPost{a.text}); break;
    case K::hide_message: app.client.submit(core::ChatHide{a.id, a.flag}); break;
    case K::copy: js_copy_text(a.text.c_str()); break;
    case K::submit: app.client.submit(a.event); break;
#if PALABRE_HOST_TOOLS
    case K::pick_plan: js_pick_plan(); break;
    case K::export_report: {
      const auto format = report::format_from_string(a.text);
      if (!format) break;
      const std::string text = report::render(report::build_report(app.client.session()), *format);
      const std::string name = app.client.identity().room + "-report." + std::string(report::file_extension(*format));
      ui::download_text(name, std::string(report::mime_type(*format)).c_str(), text);
      break;
    }
    case K::export_log: {
      const Identity& id = app.client.identity();
      const auto& lines = app.client.log();
      std::int64_t created = 0;
      if (!lines.empty()) {
        const auto first = nlohmann::json::parse(lines.front(), nullptr, false);
        if (first.is_object()) created = first.value("at", std::int64_t{0});
      }
      std::string text = protocol::log_header_line(id.room, created) + "\n";
      for (const std::string& line : lines) text += line + "\n";
      ui::download_text(id.room + ".palabre.jsonl", "application/x-ndjson", text);
      break;
    }
#else
    case K::pick_plan:
    case K::export_report:
    case K::export_log: break;  // host console only
#endif
    case K::set_lang: {
      set_lang(lang() == Lang::fr ? Lang::en : Lang::fr);
      store("palabre.lang", lang() == Lang::fr ? "fr" : "en");
      js_set_lang_attr(lang() == Lang::fr ? "fr" : "en");
      break;
    }
  }
  flush();
}

// [SECTION] frame
#if PALABRE_HOST_TOOLS
// Below the create card: the no-relay choice (issue 6), for a workshop run from this one browser.
void draw_local_choice(views::Context& ctx) {
  if (ctx.route.view != View::host_create || !ctx.identity.room.empty()) return;
  const float base = theme::fonts().base_px;
  ui::gap(base * 0.6f);
  const ui::Column column = ui::begin_column(base * 28.0f);
  const std::string label = std::string(tr(S::host_create_local)) + "###create-local";
  if (ui::secondary_button(label.c_str(), column.width)) {
    views::Action local{};
    local.kind = views::Action::Kind::create_room;
    local.text = "local";  // run() makes the room in this tab
    ctx.actions.push_back(std::move(local));
  }
  ui::text_muted(tr(S::host_create_local_blurb));
  ui::end_column(column);
}
#endif

void frame() {
  const double frame_start = platform::now_ms();
  ImGuiIO& io = ImGui::GetIO();
  platform::begin_frame(io);
  const platform::Viewport vp = platform::viewport();
  const theme::Look look = app.route.view == View::kiosk ? theme::Look::kiosk : theme::Look::light;
  if (!app.first_frame_done) js_first_frame_part("start");
  const bool fonts_rebuilt = theme::ensure_fonts(theme::base_size_for(look, vp.width, vp.height), vp.dpr);
  if (fonts_rebuilt || !app.look_applied || look != app.look) {
    theme::apply(look);
    app.look = look;
    app.look_applied = true;
  }
  if (!app.first_frame_done) js_first_frame_part("fonts");  // atlas rasterised (CPU)
  if (fonts_rebuilt) render::upload_font_atlas(*io.Fonts);
  if (!app.first_frame_done) js_first_frame_part("gpu");  // atlas uploaded
  ImGui::NewFrame();
  mirror::begin_frame();

  std::vector<views::Action> actions;
  app.ui.animating = false;
  const Identity& id = app.client.identity();
  Link link = app.client.link();
  if (link == Link::offline && app.socket > 0) link = Link::connecting;
  const bool has_token = app.route.view == View::join && !member_token_get(app.route.room).empty();
  views::Context ctx{app.client.session(), id, link, app.client.pending(), app.route, app.links, has_token, e2e::locked(),
                     platform::now_ms(), static_cast<std::int64_t>(js_epoch_ms()) + app.client.relay_clock_offset_ms(),
                     app.client.own_refusals(), app.ui, actions};
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
    case View::host: views::draw_host(ctx); draw_local_choice(ctx); break;
    case View::kiosk: views::draw_kiosk(ctx); break;
#else
    case View::host_create:
    case View::host:
    case View::kiosk: break;  // start_route reloads into the full module
#endif
  }
  ImGui::End();

  mirror::end_frame();
  if (!app.first_frame_done) js_first_frame_part("views");
  ++app.frames_drawn;
  ImGui::Render();
  render::draw(*ImGui::GetDrawData(), ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

  if (!app.first_frame_done) {
    app.first_frame_done = true;
    js_first_frame();
  }
  for (const views::Action& a : actions) run(a);
  do_host_duties();
  if (!actions.empty() || app.ui.animating || ui::animations_running()) platform::request_frames(actions.empty() ? 1 : 3);
  // A countdown or a cycling kiosk wants one frame later, not sixty a second until then.
  if (app.ui.redraw_in_ms > 0 && !app.redraw_timer) {
    app.redraw_timer = emscripten_set_timeout([](void*) { app.redraw_timer = 0; platform::request_frames(1); },
                                              app.ui.redraw_in_ms + 5, nullptr);
  }
  app.ui.redraw_in_ms = 0;
  js_frame_time(platform::now_ms() - frame_start);
}

}  // namespace
}  // namespace palabre::app

// [SECTION] exports (window.palabre.*, web/mirror.js)
using palabre::app::app;

extern "C" {
EMSCRIPTEN_KEEPALIVE void palabre_wake() { palabre::app::platform::request_frames(); }

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
      {"view", palabre::app::view_name(app.route.view)},
      {"room", id.room.empty() ? app.route.room : id.room},
      {"you", id.you},
      {"role", id.role},
      {"connected", app.client.link() == palabre::app::Link::in_room},
      {"links", {{"join", app.links.join}, {"kiosk", app.links.kiosk}, {"host", app.links.host}}},
      {"pending", app.client.pending().size()},
      {"frames", app.frames_drawn},
      {"relay", app.route.local ? std::string() : app.relay},
      {"local", app.route.local},
      {"keeper", app.local_relay.has_value()},
      {"e2e", palabre::app::e2e::active()},
      {"e2e_locked", palabre::app::e2e::locked()},
  };
  text = info.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return text.c_str();
}

#if PALABRE_HOST_TOOLS
EMSCRIPTEN_KEEPALIVE void palabre_plan_text(const char* text) {
  namespace core = palabre::core;
  if (app.client.identity().role != "host") return;
  auto plan = core::load_plan(text ? text : "");
  if (!plan) {
    app.ui.texts["plan-error"] = std::string(palabre::app::tr(palabre::app::S::plan_error)) + " " + plan.error.message();
  } else {
    app.ui.texts["plan-error"].clear();
    for (core::Event& ev : core::plan_events(*plan.value)) app.client.submit(std::move(ev));
    palabre::app::flush();
  }
  palabre::app::platform::request_frames();
}
#endif

// End-to-end encryption (e2e_web.hpp): a frame sealed for the socket, a frame opened for the client,
// and "none of the room's events opens with what we have". `gen` drops what an old socket left.
EMSCRIPTEN_KEEPALIVE void palabre_e2e_send(int gen, const char* text) {
  if (gen != palabre::app::e2e::generation() || !app.socket_open || !text) return;
  emscripten_websocket_send_utf8_text(app.socket, text);
}

EMSCRIPTEN_KEEPALIVE void palabre_e2e_deliver(int gen, const char* text) {
  if (gen != palabre::app::e2e::generation() || !text) return;
  palabre::app::deliver_frame(text);
}

EMSCRIPTEN_KEEPALIVE void palabre_e2e_locked(int gen) {
  if (gen != palabre::app::e2e::generation()) return;
  palabre::app::e2e::set_locked();
  palabre::app::platform::request_frames();
}

// A message on the room's BroadcastChannel (local_channel.hpp lists them).
EMSCRIPTEN_KEEPALIVE void palabre_local_message(const char* text) {
  using namespace palabre::app;
  const auto msg = nlohmann::json::parse(text ? text : "", nullptr, false);
  if (!msg.is_object() || !app.route.local) return;
  auto field = [&](const char* key) {
    const auto it = msg.find(key);
    return it != msg.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (kCanKeep && app.local_relay) {
    const std::string conn = field("c");
    if (conn.empty()) return;
    const auto now = static_cast<std::int64_t>(js_epoch_ms());
    if (msg.contains("bye")) deliver_local(app.local_relay->disconnect(conn, now));
    else deliver_local(app.local_relay->receive(conn, field("f"), now, fresh_token));
    flush();
    return;
  }
  if (msg.contains("up")) {  // the keeper (re)started: join again from what we saw
    app.client.on_close();
    app.client.on_open();
  } else if (field("to") == local_channel::connection_id()) {
    const std::string frame = field("f");
    glyphs::note(frame);
    app.client.on_frame(frame, static_cast<std::int64_t>(js_epoch_ms()));
    handle_notices();
  }
  flush();
  platform::request_frames();
}

// The answer to local_channel::claim for a host tab.
EMSCRIPTEN_KEEPALIVE void palabre_local_claimed(int granted) {
  using namespace palabre::app;
  if (!kCanKeep || !app.route.local || app.claim != App::Claim::waiting) return;
  if (granted) {
    if (auto relay = local_channel::load(app.route.room)) {
      app.claim = App::Claim::keeper;
      keep_local_room(std::move(*relay));
    } else {
      app.claim = App::Claim::guest;
      local_channel::release();
      app.ui.error = tr(S::error_no_room);
      app.want_connection = false;
    }
  } else {
    app.claim = App::Claim::guest;
    connect_local();  // another tab keeps the room: this one is a co-host through the channel
  }
  platform::request_frames();
}

EMSCRIPTEN_KEEPALIVE void palabre_relay_resolved(const char* config_relay) {
  using namespace palabre::app;
  app.relay = relay_url(take(js_page_string(1)), config_relay ? config_relay : "", take(js_page_string(2)),
                        take(js_page_string(3)));
  app.relay_resolved = true;
  if (app.want_connection) connect();
}
}

// [SECTION] main
EM_JS(void, js_listen_hash_change, (), {
  window.addEventListener('hashchange', () => Module._palabre_hash_changed());
});

extern "C" EMSCRIPTEN_KEEPALIVE void palabre_hash_changed() {
  using namespace palabre::app;
  Route next = parse_route(take(js_page_string(0)));
  if (next != app.route) {
    close_socket();
    if (app.reconnect_timer) { emscripten_clear_timeout(app.reconnect_timer); app.reconnect_timer = 0; }
    start_route(std::move(next));
  }
}

int main() {
  using namespace palabre::app;
  js_mark_main();  // window.palabre.mainMs: wasm loaded and started (the rest is the first frame)
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

  const std::string stored_lang = stored("palabre.lang").value_or("");
  const std::string browser = take(js_page_string(5));
  set_lang(!stored_lang.empty() ? (stored_lang == "en" ? Lang::en : Lang::fr)
                                : (browser.rfind("fr", 0) == 0 ? Lang::fr : Lang::en));
  js_set_lang_attr(lang() == Lang::fr ? "fr" : "en");

  if (!platform::init("#canvas")) {
    js_log("WebGL2 is not available");
    return 1;
  }
  js_first_frame_part("gl");  // WebGL2 context made
  render::init();  // the GPU process compiles the shaders while the first frame rasterises its atlas
  app.ui.tz_offset_minutes = js_tz_offset_minutes();
  app.page_base = take(js_page_string(4));

  js_listen_hash_change();
#if PALABRE_HOST_TOOLS
  js_listen_plan_drop();
#endif
  platform::set_frame_callback(frame);
  js_resolve_relay();
  start_route(parse_route(take(js_page_string(0))));
  // The first frame is drawn now rather than at the first animation frame, which Chromium gives a
  // loading page only some 100 ms later: the app replaces the splash sooner (bench/app/load.mjs).
  frame();
  theme::share_font_with_page();  // for the DOM text fields; not needed before they are typed in
  // Keep the connection warm through proxies; also notices a dead link sooner.
  app.ping_timer = emscripten_set_interval([](void*) {
    if (app.socket_open) emscripten_websocket_send_utf8_text(app.socket, R"({"t":"ping"})");
  }, 25000, nullptr);
  emscripten_exit_with_live_runtime();
  return 0;
}
