#include "protocol/log_format.hpp"

#include <nlohmann/json.hpp>

namespace palabre::protocol {

namespace {
// Where `,"ev":` starts in an envelope's text: right after the value of `vis`, which follows `seq`,
// `at`, `from` and `role` (numbers, ids and literals: no quote to confuse). npos if not found.
std::size_t after_vis(std::string_view text) {
  constexpr std::string_view vis = R"(,"vis":")";
  const auto start = text.find(vis);
  if (start == std::string_view::npos) return start;
  const auto end = text.find('"', start + vis.size());
  return end == std::string_view::npos ? end : end + 1;
}

// The length of the JSON integer or string at the start of `text` (a cid's shapes), or 0.
std::size_t cid_length(std::string_view text) {
  if (text.starts_with('"')) {
    for (std::size_t i = 1; i < text.size(); ++i) {
      if (text[i] == '\\') ++i;
      else if (text[i] == '"') return i + 1;
    }
    return 0;
  }
  std::size_t i = text.starts_with('-') ? 1 : 0;
  const std::size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  return i > digits ? i : 0;
}

constexpr std::string_view kCidKey = R"(,"cid":)";
constexpr std::string_view kEvKey = R"(,"ev":)";
}  // namespace

std::string log_line(const StoredEnvelope& envelope) {
  const std::size_t at = after_vis(envelope.text);
  if (envelope.cid.empty() || at == std::string::npos) return envelope.text;
  std::string line = envelope.text;
  line.insert(at, std::string(kCidKey).append(envelope.cid));
  return line;
}

std::string take_cid(std::string& line) {
  const std::size_t at = after_vis(line);
  if (at == std::string::npos || line.compare(at, kCidKey.size(), kCidKey) != 0) return {};
  const std::string_view rest = std::string_view(line).substr(at + kCidKey.size());
  const std::size_t length = cid_length(rest);
  if (length == 0 || rest.substr(length, kEvKey.size()) != kEvKey) return {};
  std::string cid(rest.substr(0, length));
  line.erase(at, kCidKey.size() + length);
  return cid;
}

using Line = nlohmann::ordered_json;  // key order is part of the format

std::string log_header_line(std::string_view room, std::int64_t created_ms, int version) {
  return Line{{"format", "palabre-log"}, {"version", version}, {"room", room}, {"created", created_ms}}.dump();
}

std::string members_header_line(std::string_view room, std::string_view host_token_hash,
                                std::string_view kiosk_token_hash, std::string_view anon_key) {
  return Line{{"format", "palabre-members"}, {"version", 1},          {"room", room},
              {"host", host_token_hash},     {"kiosk", kiosk_token_hash}, {"anon_key", anon_key}}
      .dump();
}

std::string member_line(std::string_view id, std::string_view token_hash) {
  return Line{{"id", id}, {"token", token_hash}}.dump();
}

}  // namespace palabre::protocol
