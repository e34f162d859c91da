#pragma once
// Client event ids (docs/protocol.md "Client event ids"): an `event`, `remove` or `renew` sent again
// with the same `cid` by the same member is stored once. Each member's last 32 ids are remembered
// with the seq their event was stored at, so a re-send is answered with the first `ack`. Only ids of
// at most 40 characters of JSON text are remembered: a member cannot make a host hold megabytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace palabre::protocol {

class ClientIds {
 public:
  static constexpr std::size_t per_member = 32;
  static constexpr std::size_t max_chars = 40;

  // Whether `cid` (JSON text, "" when the frame had none) is one a host remembers and stores.
  static bool remembered(std::string_view cid) { return !cid.empty() && cid.size() <= max_chars; }

  // The seq `member`'s event `cid` was stored at, if it is among its last ids.
  std::optional<std::int64_t> seq_of(const std::string& member, std::string_view cid) const;
  // `member`'s event `cid` is stored at `seq`; its oldest id is forgotten past `per_member`.
  void remember(const std::string& member, std::string_view cid, std::int64_t seq);

 private:
  struct Ring {
    std::vector<std::pair<std::string, std::int64_t>> ids;  // grows to per_member, then wraps
    std::size_t oldest = 0;
  };
  std::unordered_map<std::string, Ring> rings_;
};

}  // namespace palabre::protocol
