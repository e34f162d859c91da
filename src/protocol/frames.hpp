#pragma once
// What a host sends (docs/protocol.md "Server frames"), written in one place for `palabre serve` and
// the no-relay keeper: replies keep "t" first, so clients can dispatch on a prefix.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace palabre::protocol {

inline constexpr std::string_view pong_frame = R"({"t":"pong"})";

// {"t":"events","envs":[…]} from envelope texts, in order.
std::string events_frame(const std::vector<const std::string*>& envs);

// {"t":"ack","cid":…,"seq":…}; `cid` is the client's JSON text, left out when empty.
std::string ack_frame(const std::string& cid, std::int64_t seq);

// {"t":"error",...}, with the cid of the refused frame when it had one.
std::string error_frame(std::string_view code, std::string_view message, const std::string& cid);

// {"t":"closed","room":…}
std::string closed_frame(std::string_view room);

// The answer to a join.
struct Joined {
  std::string room, you, role, token;
  std::string kiosk_token;  // told to hosts only; left out when empty
  std::string anon;         // the member's pseudonym
  std::int64_t seq = 0;
  std::size_t participants = 0;
};
std::string joined_frame(const Joined& joined);

// The answer to a create.
std::string created_frame(std::string_view room, std::string_view host_token, std::string_view kiosk_token);

// The `ev` of the relay's presence envelope (a member's first connection opened, or its last closed).
std::string presence_ev(std::string_view member, bool online);

}  // namespace palabre::protocol
