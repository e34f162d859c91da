#pragma once
// Which view a URL asks for, and the links the app hands out. Secrets travel only in the fragment
// (docs/protocol.md, "Links"). Pure; tested natively in tests/app.
#include <string>
#include <string_view>

namespace palabre::app {

enum class View { landing, host_create, host, join, kiosk };

struct Route {
  View view = View::landing;
  std::string room;   // normalised room code ("ABC234")
  std::string token;  // host or kiosk token from the fragment
  bool local = false; // no-relay mode: the room lives in a host tab of this browser ("?local")
  std::string key;    // end-to-end encryption room key, base64url ("?key=K"); empty: not encrypted
  std::string invite; // join: the join key after the room code once the host renewed the link
  bool operator==(const Route&) const = default;
};

// "#/host", "#/host/ROOM/TOKEN", "#/join/ROOM", "#/kiosk/ROOM/TOKEN"; anything else: landing.
// A "?local" after any of them (e.g. "#/join/ROOM?local") asks for the no-relay mode; "?key=K" carries
// the room key of an end-to-end encrypted session (docs/security.md); both: "?key=K&local".
Route parse_route(std::string_view hash);
// The fragment (with its leading '#') that parse_route reads back as `route`.
std::string route_hash(const Route& route);
// "landing", "host", "join", "kiosk" (window.palabre.info().view).
std::string_view view_name(View view);

// The join view of a join code as people type or link it: the room code, followed by the join key
// once the host renewed the link ("ABC234-K7MP4Q"); room empty if it cannot be one.
Route join_route(std::string_view code, bool local = false, std::string key = {});
// The join code people type: the room code, then "-" and the join key when there is one.
std::string join_code(std::string_view room, std::string_view invite);

// A room code as people type it ("abc 234", "abc-234") -> "ABC234"; empty if it cannot be one.
std::string normalise_room_code(std::string_view typed);

// The relay's WebSocket URL: `?relay=` wins, then config.json's "relay", else same origin `/ws`
// with ws: or wss: after the page's scheme ("http:" / "https:").
std::string relay_url(std::string_view query_relay, std::string_view config_relay,
                      std::string_view page_protocol, std::string_view page_host);

// Absolute link for sharing: page base (origin + path + query, no fragment) + route_hash(route).
std::string app_link(std::string_view page_base, const Route& route);

}  // namespace palabre::app
