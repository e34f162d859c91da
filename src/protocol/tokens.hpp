#pragma once
// Secrets and names a host hands out (docs/security.md, "Tokens"): tokens, their hashes, room codes,
// pseudonyms, the kiosk token. Pure: the random bytes come from the host (getrandom(2) for the
// relay, crypto.getRandomValues in the browser), so both hosts draw codes and tokens the same way.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace palabre::protocol {

// Fills `out` with `size` random bytes.
using RandomBytes = std::function<void(void* out, std::size_t size)>;

// A fresh secret token: 128 random bits as 32 lower-case hex characters.
std::string new_token(const RandomBytes& random);

// What a host stores and compares instead of a token (SHA-256, hex). Tokens are 128-bit random,
// so no salt or slow hash is needed: guessing the token is as hard as inverting the hash.
std::string token_hash(std::string_view token);

// The alphabet of room codes: no 0/O, 1/I/L, so a code read aloud or off a screen is unambiguous.
inline constexpr std::string_view kRoomCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

// A fresh random 6-character room code.
std::string new_room_code(const RandomBytes& random);

// Upper-cases a code typed by a person and checks it has the shape of a room code.
bool normalize_room_code(std::string& code);

// The per-room pseudonym of a member for anonymous events: derived from a per-room secret key, so
// other members cannot link it to the member id, while the host can map it back (for visibility).
std::string pseudonym(std::string_view room_key, std::string_view member_id);

// The kiosk token of a room follows from its host token, so that the host's link on any device can
// give the kiosk link: whoever holds the host token may watch the room anyway, while the kiosk
// token, one-way, opens nothing more than the kiosk. 32 lower-case hex characters (128 bits of
// SHA-256 over a label and the host token): the same shape as any other token.
std::string kiosk_token_for(std::string_view host_token);

// The kiosk token to tell a host who joined with `host_token`, or "" when the room's kiosk token
// (stored as `kiosk_token_hash`) is not derived from it (a room made before tokens were derived).
std::string kiosk_token_to_tell(std::string_view host_token, std::string_view kiosk_token_hash);

}  // namespace palabre::protocol
