#pragma once
// A room as its store holds it, whichever the store: what creating a room writes and what loading
// one reads back (src/relay/room_store.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "protocol/envelope.hpp"

namespace palabre::relay {

using protocol::StoredEnvelope;

struct ParticipantRecord {
  std::string id;          // p3, p4, …
  std::string token_hash;  // SHA-256 of the resume token
};

struct RoomRecord {
  std::string code;
  std::int64_t created_ms = 0;
  std::string host_token_hash;
  std::string kiosk_token_hash;
  std::string anon_key;    // hex secret from which pseudonyms derive
  std::vector<ParticipantRecord> participants;
  std::vector<StoredEnvelope> envelopes;  // `sender` not yet resolved for anonymous envelopes
};

}  // namespace palabre::relay
