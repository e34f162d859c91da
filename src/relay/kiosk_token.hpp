#pragma once
// The kiosk token of a room follows from its host token, so that the host's link on any device
// can give the kiosk link (docs/security.md, "Tokens"): whoever holds the host token may watch the
// room anyway, while the kiosk token, one-way, opens nothing more than the kiosk. Header-only: the
// relay and the browser's no-relay keeper (src/app/local_relay.cpp) derive it the same way.
#include <string>
#include <string_view>

#include "relay/sha256.hpp"

namespace palabre::relay {

// 32 lower-case hex characters (128 bits of SHA-256 over a label and the host token): the same
// shape as any other token.
inline std::string kiosk_token_for(std::string_view host_token) {
  std::string material("palabre-kiosk:");
  material.append(host_token);
  const Sha256Digest digest = sha256(material);
  return to_hex(digest.data(), 16);
}

// The kiosk token to tell a host who joined with `host_token`, or "" when the room's kiosk token
// (stored as `kiosk_token_hash`) is not derived from it (a room made before tokens were derived).
inline std::string kiosk_token_to_tell(std::string_view host_token, std::string_view kiosk_token_hash) {
  std::string kiosk = kiosk_token_for(host_token);
  return sha256_hex(kiosk) == kiosk_token_hash ? kiosk : std::string();
}

}  // namespace palabre::relay
