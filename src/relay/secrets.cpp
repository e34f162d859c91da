#include "secrets.hpp"

#include "sha256.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <system_error>

namespace palabre::relay {

void random_bytes(void* out, std::size_t size) {
  auto* p = static_cast<std::uint8_t*>(out);
  while (size > 0) {
    const ssize_t got = ::getrandom(p, size, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    p += got;
    size -= std::size_t(got);
  }
}

std::string new_token() {
  std::uint8_t bytes[16];
  random_bytes(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::string token_hash(std::string_view token) { return sha256_hex(token); }

std::string new_room_code() {
  // 31 letters: reject bytes >= 248 so every letter is equally likely.
  std::string code;
  while (code.size() < 6) {
    std::uint8_t b;
    random_bytes(&b, 1);
    if (b >= 248) continue;
    code.push_back(kRoomCodeAlphabet[b % kRoomCodeAlphabet.size()]);
  }
  return code;
}

bool normalize_room_code(std::string& code) {
  if (code.size() != 6) return false;
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    if (kRoomCodeAlphabet.find(c) == std::string_view::npos) return false;
  }
  return true;
}

std::string pseudonym(std::string_view room_key, std::string_view member_id) {
  std::string material;
  material.reserve(room_key.size() + member_id.size() + 16);
  material.append("palabre-anon:").append(room_key).append(":").append(member_id);
  const auto digest = sha256(material);
  return "a" + to_hex(digest.data(), 6);
}

}  // namespace palabre::relay
