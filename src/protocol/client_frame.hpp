#pragma once
// What a client may send (docs/protocol.md), read and checked in one place for both relays: `palabre
// serve` and the no-relay keeper in the browser (src/app/local_relay.cpp). The checks that need a room
// (codes, tokens, roles, limits) stay with each relay; the size limit too, as it is each relay's own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace palabre::protocol {

enum class FrameType { event, ping, join, create, sync, close, remove, renew };

struct ClientFrame {
  FrameType type = FrameType::ping;
  std::string cid;                    // the JSON text of "cid" (to echo back), empty when absent
  std::string room;                   // join: the code as typed
  std::optional<std::string> token;   // join: absent for a newcomer
  std::string invite;                 // join: a newcomer's join key, once the host renewed the link
  std::string who;                    // remove: the participant's member id
  std::int64_t since = 0;             // join, sync
  bool staff = false;                 // event: "vis" is "staff"
  bool anonymous = false;             // event: "anon"
  std::string ev_text;                // event: "ev", the client's exact bytes when they fit one log line
};

struct FrameError {
  std::string_view code;  // bad_json, too_deep, bad_message, unknown_type
  std::string message;
  std::string cid;        // as ClientFrame::cid, when it could be read
};

std::variant<ClientFrame, FrameError> read_client_frame(std::string_view text);

}  // namespace palabre::protocol
