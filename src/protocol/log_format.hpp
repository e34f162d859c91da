#pragma once
// The first lines of a room's files (docs/formats.md, docs/protocol.md "Durability"), written in one
// place: the relay's store, the no-relay keeper, the app's log export and core all write the same
// bytes, key order included.
#include <cstdint>
#include <string>
#include <string_view>

#include "protocol/envelope.hpp"

namespace palabre::protocol {

// {"format":"palabre-log","version":1,"room":…,"created":…}, without newline.
std::string log_header_line(std::string_view room, std::int64_t created_ms, int version = 1);

// The members sidecar: {"format":"palabre-members","version":1,"room":…,"host":…,"kiosk":…,"anon_key":…}
// then one {"id":…,"token":…} line per participant (token hashes, never tokens). Without newline.
std::string members_header_line(std::string_view room, std::string_view host_token_hash,
                                std::string_view kiosk_token_hash, std::string_view anon_key);
std::string member_line(std::string_view id, std::string_view token_hash);

// An envelope's line in a host's own storage (the relay's log file, the keeper's browser storage):
// its text with the client's id after `vis` — {"seq":…,"vis":"public","cid":42,"ev":{…}} — so that a
// re-send after a restart is still known (ClientIds). Without newline. Readers of the format ignore
// the extra field; hosts cut it out again with take_cid().
std::string log_line(const StoredEnvelope& envelope);
// The cid a stored line carries after `vis` (see log_line), cut out of `line`, which is left exactly
// the envelope as broadcast; "" and `line` untouched when it has none (logs written before ids).
std::string take_cid(std::string& line);

}  // namespace palabre::protocol
