#pragma once
// An envelope as both hosts stamp, store and send it (docs/protocol.md "Envelopes"): the text is
// written once, byte for byte what is logged and broadcast; `ev` stays the client's opaque bytes.
#include <cstdint>
#include <string>
#include <string_view>

namespace palabre::protocol {

// One envelope of a room's history, kept in memory for resume and sync.
struct StoredEnvelope {
  std::int64_t seq = 0;
  bool staff = false;      // visibility `staff`
  std::string sender;      // the real member id (even when `from` is a pseudonym); "relay" for presence
  std::string text;        // the envelope exactly as broadcast
  // The sender's id for it (`cid`, JSON text) when one to remember (ClientIds), else "". Stored
  // beside the envelope (log_line()), never in `text`: no client reads it.
  std::string cid;
  // `seq` of the mark another relay leaves in a room's Redis stream when it closes the room.
  static constexpr std::int64_t room_closed = -1;
};

// {"seq":…,"at":…,"from":…,"role":…,"vis":…,"ev":…}: the one writer of an envelope's text, key order fixed.
std::string envelope_text(std::int64_t seq, std::int64_t at, std::string_view from, std::string_view role, bool staff,
                          std::string_view ev_text);

// `at` of an envelope's text (which starts {"seq":N,"at":M,…}); 0 if absent.
std::int64_t envelope_at(std::string_view text);

// Whether a member sees an envelope: public ones everyone, staff ones the staff (hosts, kiosks) and
// their own sender.
inline bool visible_to(const StoredEnvelope& env, bool member_is_staff, std::string_view member_id) {
  return !env.staff || member_is_staff || env.sender == member_id;
}

}  // namespace palabre::protocol
