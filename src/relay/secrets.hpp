#pragma once
// The relay's randomness: getrandom(2) behind the protocol's pure token and room-code generators
// (protocol/tokens.hpp), which the browser's no-relay keeper feeds from crypto.getRandomValues.
#include <cstddef>
#include <string>

#include "protocol/tokens.hpp"

namespace palabre::relay {

// Fills `out` with `size` random bytes from the kernel (throws std::system_error if it refuses).
void random_bytes(void* out, std::size_t size);

// A fresh secret token (128 random bits, 32 lower-case hex characters).
inline std::string new_token() { return protocol::new_token(random_bytes); }

// A fresh random 6-character room code.
inline std::string new_room_code() { return protocol::new_room_code(random_bytes); }

}  // namespace palabre::relay
