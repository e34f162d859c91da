#include "app/route.hpp"

#include <vector>

namespace palabre::app {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const auto part = path.substr(0, slash);
    if (!part.empty()) parts.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

// A room key is base64url: anything else is not one (and must not be echoed into links).
bool is_base64url(std::string_view text) {
  return !text.empty() && text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
                              std::string_view::npos;
}

}  // namespace

Route parse_route(std::string_view hash) {
  if (hash.starts_with('#')) hash.remove_prefix(1);
  bool local = false;
  std::string key;
  if (const auto query = hash.find('?'); query != std::string_view::npos) {
    for (std::string_view q = hash.substr(query + 1); !q.empty();) {
      const auto amp = q.find('&');
      const std::string_view item = q.substr(0, amp);
      if (item == "local") local = true;
      else if (item.starts_with("key=") && is_base64url(item.substr(4))) key = std::string(item.substr(4));
      if (amp == std::string_view::npos) break;
      q.remove_prefix(amp + 1);
    }
    hash = hash.substr(0, query);
  }
  const auto parts = split_path(hash);
  Route route;
  route.local = local;
  route.key = key;
  if (parts.empty()) return route;
  const auto kind = parts[0];
  if (kind == "host") {
    if (parts.size() >= 3) {
      route = {View::host, normalise_room_code(parts[1]), std::string(parts[2]), local, key};
      if (route.room.empty()) route = {};
    } else {
      route.view = View::host_create;
    }
  } else if (kind == "join" && parts.size() >= 2) {
    route = join_route(parts[1], local, key);
    if (route.room.empty()) route = {};
  } else if (kind == "kiosk" && parts.size() >= 3) {
    route = {View::kiosk, normalise_room_code(parts[1]), std::string(parts[2]), local, key};
    if (route.room.empty()) route = {};
  }
  return route;
}

std::string route_hash(const Route& route) {
  std::string local;  // the query: "?key=K", "?local", "?key=K&local"
  if (!route.key.empty()) local = "?key=" + route.key;
  if (route.local) local += local.empty() ? "?local" : "&local";
  switch (route.view) {
    case View::landing: return "#/" + local;
    case View::host_create: return "#/host" + local;
    case View::host: return "#/host/" + route.room + "/" + route.token + local;
    case View::join: return "#/join/" + join_code(route.room, route.invite) + local;
    case View::kiosk: return "#/kiosk/" + route.room + "/" + route.token + local;
  }
  return "#/";
}

std::string_view view_name(View view) {
  switch (view) {
    case View::landing: return "landing";
    case View::host_create:
    case View::host: return "host";
    case View::join: return "join";
    case View::kiosk: return "kiosk";
  }
  return "landing";
}

Route join_route(std::string_view code, bool local, std::string key) {
  std::string room = normalise_room_code(code), invite;
  constexpr std::size_t kRoomCode = 6;  // the relay's codes, and its join keys, are six characters
  if (room.size() == 2 * kRoomCode) {
    invite = room.substr(kRoomCode);
    room.resize(kRoomCode);
  }
  return {View::join, std::move(room), {}, local, std::move(key), std::move(invite)};
}

std::string join_code(std::string_view room, std::string_view invite) {
  return invite.empty() ? std::string(room) : std::string(room) + "-" + std::string(invite);
}

std::string normalise_room_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ok) return {};
    code.push_back(c);
  }
  if (code.size() < 4 || code.size() > 12) return {};
  return code;
}

std::string relay_url(std::string_view query_relay, std::string_view config_relay,
                      std::string_view page_protocol, std::string_view page_host) {
  if (!query_relay.empty()) return std::string(query_relay);
  if (!config_relay.empty()) return std::string(config_relay);
  const std::string scheme = page_protocol == "https:" ? "wss://" : "ws://";
  return scheme + std::string(page_host) + "/ws";
}

std::string app_link(std::string_view page_base, const Route& route) {
  std::string base(page_base);
  if (const auto hash = base.find('#'); hash != std::string::npos) base.resize(hash);
  return base + route_hash(route);
}

}  // namespace palabre::app
