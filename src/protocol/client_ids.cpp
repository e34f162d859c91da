#include "protocol/client_ids.hpp"

namespace palabre::protocol {

std::optional<std::int64_t> ClientIds::seq_of(const std::string& member, std::string_view cid) const {
  const auto it = rings_.find(member);
  if (it == rings_.end()) return std::nullopt;
  for (const auto& [id, seq] : it->second.ids)
    if (id == cid) return seq;
  return std::nullopt;
}

void ClientIds::remember(const std::string& member, std::string_view cid, std::int64_t seq) {
  if (!remembered(cid)) return;
  Ring& ring = rings_[member];
  if (ring.ids.size() < per_member) {
    ring.ids.emplace_back(std::string(cid), seq);
    return;
  }
  ring.ids[ring.oldest] = {std::string(cid), seq};
  ring.oldest = (ring.oldest + 1) % per_member;
}

}  // namespace palabre::protocol
