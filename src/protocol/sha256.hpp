#pragma once
// SHA-256 of tokens (their hashes are what rooms keep). Native builds use OpenSSL's (libcrypto,
// already linked for end-to-end encryption); the WebAssembly build, which has no OpenSSL, uses the
// small one written from FIPS 180-4. The tests check both against the standard's vectors and each other.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace palabre::protocol {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Digest of `data`.
Sha256Digest sha256(std::string_view data);

// The implementation written from FIPS 180-4 (sha256() in the WebAssembly build).
Sha256Digest portable_sha256(std::string_view data);

// Lower-case hex of the digest of `data` (64 characters).
std::string sha256_hex(std::string_view data);

// Lower-case hex of arbitrary bytes.
std::string to_hex(const std::uint8_t* bytes, std::size_t size);

}  // namespace palabre::protocol
