#pragma once
// Secrets and names the relay hands out: tokens (128 bits from the kernel), room codes, pseudonyms.
#include <string>
#include <string_view>

namespace palabre::relay {

// A fresh secret token: 128 random bits from getrandom(2), as 32 lower-case hex characters.
std::string new_token();

// What the relay stores and compares instead of a token (SHA-256, hex). Tokens are 128-bit random,
// so no salt or slow hash is needed: guessing the token is as hard as inverting the hash.
std::string token_hash(std::string_view token);

// The alphabet of room codes: no 0/O, 1/I/L, so a code read aloud or off a screen is unambiguous.
inline constexpr std::string_view kRoomCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

// A fresh random 6-character room code.
std::string new_room_code();

// Upper-cases a code typed by a person and checks it has the shape of a room code.
bool normalize_room_code(std::string& code);

// The per-room pseudonym of a member for anonymous events: derived from a per-room secret key, so
// other members cannot link it to the member id, while the relay can map it back (for visibility).
std::string pseudonym(std::string_view room_key, std::string_view member_id);

// Fills `out` with `size` random bytes (throws std::system_error if the kernel refuses).
void random_bytes(void* out, std::size_t size);

}  // namespace palabre::relay
