#pragma once
// The app's one state (WebAssembly only): the route, the client and its store, the two transports,
// the views' widget state; and what changes it between frames: a new route, the client's notices,
// the host's duties. main.cpp draws it, effects.cpp carries out the views' actions, exports.cpp
// answers the page (window.palabre.*, the transports' JavaScript ends).
#include <string>

#include "app/client.hpp"
#include "app/host_duties.hpp"
#include "app/route.hpp"
#include "app/transport.hpp"
#include "app/views/views.hpp"

namespace palabre::app {

struct App {
  Route route;
  Client client;
  views::Ui ui;
  views::Links links;
  views::Capabilities browser;  // what this browser offers the views, read at start
  std::string page_base;     // shared links start with it
  bool want_connection = false;
  long redraw_timer = 0;
  long frames_drawn = 0;
  double catch_up_frame_ms = 0;  // when a frame was last asked for while catching up
  HostDuties duties;  // a host's browser publishes the room's figures and closes timed-out questions
  long duties_timer = 0;
  WebSocketTransport ws;
  LocalTransport local;  // the no-relay mode (route.local)

  App();
  Transport& transport() { return route.local ? static_cast<Transport&>(local) : ws; }
};
extern App app;

// Through the route's transport.
void connect();
void flush();
// Starts what `route` asks for: a fresh client, and a connection when there is something to do.
void start_route(Route route);
// The join, kiosk and host links of the room, from the route and identity.
void update_links();
// End-to-end encryption: the key chain after a `session.rekey` gave this page the next key; the
// page's address, the stored key and every link carry it from now on.
void adopt_e2e_key(const std::string& chain);
// What the client said since (created, joined, errors): URL, stored tokens, banners.
void handle_notices();
// The host's own chores (host_duties.hpp): after every frame of events and each drawn frame, and on
// a timer while something waits (a deadline, a throttled publication).
void do_host_duties();
// "Sans relais — cet appareil": the room is made here, in this tab, and never leaves this browser.
void create_local_room();
// A participant's resume token in this browser (empty: none).
std::string member_token_get(const std::string& room);
// Kept across visits in this browser: names, keys, the language.
std::optional<std::string> stored(const std::string& key);
void store(const std::string& key, const std::string& value);

}  // namespace palabre::app
