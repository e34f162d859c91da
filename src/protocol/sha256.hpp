#pragma once
// SHA-256 (FIPS 180-4), written from the standard. The relay only hashes tokens with it, so it
// favours clarity over speed. Boost 1.74 has no SHA-2 and OpenSSL is not a project dependency.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace palabre::protocol {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Digest of `data`.
Sha256Digest sha256(std::string_view data);

// Lower-case hex of the digest of `data` (64 characters).
std::string sha256_hex(std::string_view data);

// Lower-case hex of arbitrary bytes.
std::string to_hex(const std::uint8_t* bytes, std::size_t size);

}  // namespace palabre::protocol
