#pragma once
// The refusals a host answers with (docs/protocol.md "Errors"): code and message in one catalogue,
// so `palabre serve` and the no-relay keeper say the same thing for the same cause. The frame
// reader's own (bad_json, too_deep, bad_message, unknown_type) are in client_frame.cpp, as their
// messages name what was wrong in the frame.
#include <cstddef>
#include <string>
#include <string_view>

namespace palabre::protocol {

struct ErrorText {
  std::string_view code;
  std::string_view message;
};

namespace errors {
// Both hosts.
inline constexpr ErrorText no_room{"no_room", "no room with this code"};
inline constexpr ErrorText bad_token{"bad_token", "this token opens nothing in this room"};
inline constexpr ErrorText not_joined{"not_joined", "join a room first"};
inline constexpr ErrorText kiosk_sends{"forbidden", "a kiosk may not send events"};
inline constexpr ErrorText only_host_closes{"forbidden", "only a host may close the room"};
inline constexpr ErrorText only_host_removes{"forbidden", "only a host may remove a participant"};
inline constexpr ErrorText only_host_renews{"forbidden", "only a host may renew the join link"};
inline constexpr ErrorText removed{"removed", "the host removed you from this room"};
inline constexpr ErrorText no_member{"no_member", "no participant of this room has this id"};
inline constexpr ErrorText old_link{"old_link", "the host renewed this room's join link; ask for the new one"};
// The no-relay keeper: the host tab made its one room when it chose the mode.
inline constexpr ErrorText tab_holds_room{"relay_full", "this tab already holds its room"};
// The relay's limits and storage.
inline constexpr ErrorText busy{"busy", "the previous history answer is still being sent; read it first"};
inline constexpr ErrorText rate_messages{"rate_limited", "too many messages; slow down (see the relay's --rate)"};
inline constexpr ErrorText rate_creates{"rate_limited", "too many rooms created on this connection; wait a minute"};
inline constexpr ErrorText rate_newcomers{"rate_limited", "too many new participants from this connection; wait a minute"};
inline constexpr ErrorText relay_full{"relay_full", "this relay holds its maximum number of rooms; try later"};
inline constexpr ErrorText room_full{"room_full", "this room has reached its connection limit"};
inline constexpr ErrorText store_room{"unavailable", "the relay cannot store a new room now"};
inline constexpr ErrorText store_participant{"unavailable", "the relay cannot store a new participant now"};
inline constexpr ErrorText store_event{"unavailable", "the relay could not store this event"};
inline constexpr ErrorText read_room{"unavailable", "the relay cannot read this room now"};
}  // namespace errors

// too_big's message names the host's limit.
inline std::string too_big_message(std::size_t max_bytes) {
  return "message larger than " + std::to_string(max_bytes) + " bytes";
}
// closed's message names the room (a member whose room a host closed sends again).
inline std::string closed_message(std::string_view room) {
  return "room " + std::string(room) + " was closed by its host";
}

}  // namespace palabre::protocol
