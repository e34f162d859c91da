#pragma once
// Blob tests' client side: image bytes told by their first bytes, and PUT / GET of
// /blob/<ROOM>/<hash> over the harness's HTTP client.
#include "relay_harness.hpp"

#include "protocol/sha256.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace palabre::relay::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

// The first bytes a format is told by (with the size its header gives: 64 × 48), then filler: the
// relay never decodes an image, it reads its header.
inline std::string image(std::string_view magic, std::size_t size = 300, char fill = 'x') {
  std::string bytes(magic);
  bytes.resize(std::max(size, magic.size()), fill);
  return bytes;
}
inline const std::string kPngMagic("\x89PNG\r\n\x1a\n", 8);
inline const std::string kPngHeader("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x40\x00\x00\x00\x30", 24);
inline std::string png(std::size_t size = 300, char fill = 'x') { return image(kPngHeader, size, fill); }

struct CreatedRoom {
  std::string code, host_token, kiosk_token;
};

// A room made by a host who then leaves (the room stays).
inline CreatedRoom create_room(unsigned short port) {
  Client host(port);
  const json created = host.create();
  return {created["room"], created["host_token"], created["kiosk_token"]};
}

inline HttpReply put_blob(unsigned short port, const std::string& room, const std::string& token,
                          const std::string& bytes, const std::string& hash, Headers headers = {}) {
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return http_request(port, "PUT", "/blob/" + room + "/" + hash, headers, bytes);
}
// The host puts `bytes` under their hash.
inline HttpReply put_blob(unsigned short port, const CreatedRoom& room, const std::string& bytes) {
  return put_blob(port, room.code, room.host_token, bytes, protocol::sha256_hex(bytes));
}
inline HttpReply get_blob(unsigned short port, const std::string& room, const std::string& bytes, Headers headers = {}) {
  return http_request(port, "GET", "/blob/" + room + "/" + protocol::sha256_hex(bytes), headers);
}

// The `error` code of a JSON refusal.
inline std::string error_of(const HttpReply& reply) {
  const json body = json::parse(reply.body, nullptr, false);
  return body.is_object() ? body.value("error", "") : "(not JSON: " + reply.body + ")";
}

}  // namespace palabre::relay::testing
