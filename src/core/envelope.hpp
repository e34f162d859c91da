#pragma once
// The envelope of DESIGN.md and the typed events it carries. Events are decoded once (codec.hpp)
// into small structs so that apply() never touches JSON.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace palabre::core {

enum class Role { host, kiosk, participant, relay };
enum class Visibility { public_, staff };

// [SECTION] Session and chat events
struct ParticipantJoin { std::string name; };    // sender becomes a participant named `name`
struct ParticipantRename { std::string name; };  // sender changes their display name
struct ChatPost { std::string text; };           // message to the whole session; id = envelope seq
struct ChatHide { std::int64_t id = 0; bool hidden = true; };  // host: hide (or unhide) a message
// Host: set any of the session's fields; absent fields keep their value.
struct SessionConfigure {
  std::optional<std::string> title, host, date, description, locale, timezone;
};
struct Presence { std::string who; bool online = false; };  // relay only

using Event = std::variant<ParticipantJoin, ParticipantRename, ChatPost, ChatHide, SessionConfigure, Presence>;

struct Envelope {
  std::int64_t seq = 0;  // gap-free per room, from 1
  std::int64_t at = 0;   // relay clock, ms since the epoch (UTC)
  std::string from;      // member id given by the relay: "h1", "k2", "p17", or "relay"
  Role role = Role::participant;
  Visibility vis = Visibility::public_;
  Event ev;
};

// Wire names ("participant", "staff", "chat.post").
std::string_view to_string(Role role);
std::string_view to_string(Visibility vis);
std::string_view event_type(const Event& ev);
std::optional<Role> role_from_string(std::string_view text);
std::optional<Visibility> visibility_from_string(std::string_view text);

// The visibility a client should send an event with (answers and votes are staff, the rest public).
Visibility default_visibility(const Event& ev);

}  // namespace palabre::core
