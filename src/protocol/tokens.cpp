#include "protocol/tokens.hpp"

#include <cstdint>

#include "protocol/sha256.hpp"

namespace palabre::protocol {

std::string new_token(const RandomBytes& random) {
  std::uint8_t bytes[16];
  random(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::string token_hash(std::string_view token) { return sha256_hex(token); }

std::string new_room_code(const RandomBytes& random) {
  // 31 letters: reject bytes >= 248 (8 × 31) so every letter is equally likely.
  std::string code;
  while (code.size() < 6) {
    std::uint8_t b;
    random(&b, 1);
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

std::string kiosk_token_for(std::string_view host_token) {
  std::string material("palabre-kiosk:");
  material.append(host_token);
  const Sha256Digest digest = sha256(material);
  return to_hex(digest.data(), 16);
}

std::string kiosk_token_to_tell(std::string_view host_token, std::string_view kiosk_token_hash) {
  std::string kiosk = kiosk_token_for(host_token);
  return sha256_hex(kiosk) == kiosk_token_hash ? kiosk : std::string();
}

}  // namespace palabre::protocol
