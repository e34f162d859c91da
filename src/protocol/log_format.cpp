#include "protocol/log_format.hpp"

#include <nlohmann/json.hpp>

namespace palabre::protocol {

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
