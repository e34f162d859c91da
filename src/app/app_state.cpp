// The app's state between frames (app_state.hpp). Compiled into each module: the host's duties and
// the no-relay keeper are host tools (PALABRE_HOST_TOOLS, src/app/CMakeLists.txt).
#ifndef PALABRE_HOST_TOOLS
#define PALABRE_HOST_TOOLS 1
#endif
#include "app/app_state.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include "app/e2e_web.hpp"
#include "app/js_bridge.hpp"
#include "app/local_channel.hpp"
#include "app/platform_web.hpp"
#include "app/strings.hpp"
#include "protocol/tokens.hpp"

namespace palabre::app {
namespace {

std::string token_key(const std::string& room) { return "palabre.member." + room; }
std::string kiosk_key(const std::string& room) { return "palabre.kiosk." + room; }
// The room key of an end-to-end encrypted session, kept so a link or a reload without it still works.
std::string e2e_key_name(const std::string& room) { return "palabre.e2e." + room; }

// A participant's resume token: per browser with a relay, per tab without one (the no-relay mode's
// demo participants share one browser, so each tab is its own member).
platform::Storage member_token_storage() { return app.route.local ? platform::Storage::session : platform::Storage::local; }
void member_token_set(const std::string& room, const std::string& token) {
  platform::storage_set(member_token_storage(), token_key(room), token);
}
void member_token_remove(const std::string& room) { platform::storage_remove(member_token_storage(), token_key(room)); }

// A client with nothing of a previous room, drawing its event ids from the browser's randomness
// (client.hpp: an id must never come back, even after a reload).
void fresh_client() {
  app.client = Client{};
  app.client.use_random_cids(local_channel::random_bytes);
}

TransportEvents transport_events() {
  return {[] {
            handle_notices();
            do_host_duties();
            flush();
            // While a big room's history arrives (one frame of envelopes after another), one frame
            // every 300 ms shows progress; three per arrival cost more than applying them
            // (bench/app/catchup.mjs). The pong after the history asks for the live frames.
            if (!app.client.catching_up()) return platform::request_frames();
            const double now = platform::now_ms();
            if (now - app.catch_up_frame_ms < 300) return;
            app.catch_up_frame_ms = now;
            platform::request_frames(1);
          },
          [] { handle_notices(); }, [] { return app.want_connection; }};
}

}  // namespace

App app;

App::App() : ws(client, transport_events()), local(client, route, transport_events()) {}

void connect() { app.transport().connect(); }
void flush() { app.transport().flush(); }

std::string member_token_get(const std::string& room) {
  return platform::storage_get(member_token_storage(), token_key(room)).value_or("");
}
std::optional<std::string> stored(const std::string& key) { return platform::storage_get(platform::Storage::local, key); }
void store(const std::string& key, const std::string& value) { platform::storage_set(platform::Storage::local, key, value); }

void do_host_duties() {
#if PALABRE_HOST_TOOLS
  if (app.client.identity().role != core::Role::host || app.client.link() != Link::in_room) return;
  const auto now = static_cast<std::int64_t>(js::epoch_ms()) + app.client.relay_clock_offset_ms();
  DutiesDue due = host_duties(app.client.session(), now, app.duties);
  for (core::Event& ev : due.events) app.client.submit(std::move(ev));
  if (!due.events.empty()) flush();
  if (due.next_in_ms > 0 && !app.duties_timer)
    app.duties_timer = emscripten_set_timeout([](void*) { app.duties_timer = 0; do_host_duties(); }, static_cast<double>(due.next_in_ms) + 5, nullptr);
#endif
}

void adopt_e2e_key(const std::string& chain) {
  if (app.route.key.empty() || chain.size() <= app.route.key.size()) return;
  e2e::adopt_key(chain);
  app.route.key = chain;
  store(e2e_key_name(app.route.room), chain);
  js::replace_hash(route_hash(app.route));
  update_links();
}

void update_links() {
  const Identity& id = app.client.identity();
  const std::string room = id.room.empty() ? app.route.room : id.room;
  app.links = {};
  if (room.empty()) return;
  const bool local = app.route.local;
  const std::string& key = app.route.key;  // every link of an encrypted session carries its key
  app.links.join = app_link(app.page_base, {View::join, room, {}, local, key, app.client.session().invite});
  std::string kiosk = id.kiosk_token;
  if (kiosk.empty() && app.route.view == View::kiosk) kiosk = app.route.token;
  if (!kiosk.empty()) app.links.kiosk = app_link(app.page_base, {View::kiosk, room, kiosk, local, key});
  const std::string host = id.role == core::Role::host ? id.host_token : "";
  if (!host.empty()) app.links.host = app_link(app.page_base, {View::host, room, host, local, key});
}

void start_route(Route route) {
#if !PALABRE_HOST_TOOLS
  if (route.view != View::landing && route.view != View::join) {
    js::reload();  // index.html loads the full module for host and kiosk links
    return;
  }
#endif
  app.local.close();
  app.route = std::move(route);
  // End-to-end encryption: the key from the link, else the one this browser kept for the room.
  if (!app.route.local && !app.route.room.empty()) {
    if (app.route.key.empty()) {
      app.route.key = stored(e2e_key_name(app.route.room)).value_or("");
      if (!app.route.key.empty()) js::replace_hash(route_hash(app.route));
    } else {
      store(e2e_key_name(app.route.room), app.route.key);
    }
  }
  e2e::use_key(app.route.local ? std::string() : app.route.key);
  e2e::next_generation();
  fresh_client();
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
  js::set_page_mode(std::string(view_name(app.route.view)));
  update_links();
  if (app.want_connection) connect();
  platform::request_frames();
}

void handle_notices() {
  for (const Notice& n : app.client.take_notices()) {
    const Identity& id = app.client.identity();
    switch (n.kind) {
      case Notice::Kind::created: {
        app.ws.reset_backoff();
        app.route = {View::host, id.room, id.host_token, false, app.route.key};
        js::replace_hash(route_hash(app.route));
        if (!app.route.key.empty()) store(e2e_key_name(id.room), app.route.key);
        if (!id.kiosk_token.empty()) store(kiosk_key(id.room), id.kiosk_token);
        app.ui.copied_key.clear();
        break;
      }
      case Notice::Kind::joined: {
        app.ws.reset_backoff();
        app.ui.error.clear();
        if (id.role == core::Role::participant) member_token_set(id.room, id.token);
        // The relay tells a host the kiosk token on any device: kept, as on the device that created it.
        if (id.role == core::Role::host && !id.kiosk_token.empty()) store(kiosk_key(id.room), id.kiosk_token);
        break;
      }
      case Notice::Kind::error: {
        js::log("relay error " + n.code + ": " + n.message);
        if (n.code == "removed") {  // for good: the participant view says so, nothing is retried
          app.want_connection = false;
          break;
        }
        if (n.code == "no_room" || n.code == "closed") app.ui.error = tr(S::error_no_room);
        else if (n.code == "old_link") app.ui.error = tr(S::error_old_link);
        else app.ui.error = std::string(tr(S::error_generic)) + " " + n.message;
        if (n.code == "bad_token" && app.route.view == View::join) {
          // A stale membership (room recreated, storage copied): start over as a new participant.
          member_token_remove(app.route.room);
          fresh_client();
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

void create_local_room() {
#if PALABRE_HOST_TOOLS
  app.local.close();
  // The kiosk token follows from the host token, as with the relay (protocol/tokens.hpp).
  const std::string host_token = local_channel::random_hex();
  const LocalRelay::Secrets secrets{local_channel::new_room_code(), host_token, protocol::kiosk_token_for(host_token),
                                    local_channel::random_hex(32)};
  app.route = {View::host, secrets.room, secrets.host_token, true, {}};
  js::replace_hash(route_hash(app.route));
  store(kiosk_key(secrets.room), secrets.kiosk_token);
  fresh_client();
  app.client.remember_kiosk_token(secrets.kiosk_token);
  app.client.enter_room(secrets.room, secrets.host_token);
  app.want_connection = true;
  app.local.create_room(secrets);
  update_links();
#endif
}

}  // namespace palabre::app
