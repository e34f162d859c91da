#include "protocol/history.hpp"

#include <algorithm>

namespace palabre::protocol {

std::shared_ptr<const std::string> next_history_page(const std::vector<StoredEnvelope>& log, HistoryCursor& cursor,
                                                     const std::function<bool(const StoredEnvelope&)>& visible,
                                                     std::size_t max_bytes) {
  auto it = std::upper_bound(log.begin(), log.end(), cursor.after,
                             [](std::int64_t s, const StoredEnvelope& e) { return s < e.seq; });
  std::string page;
  for (; it != log.end() && it->seq <= cursor.up_to && page.size() < max_bytes; ++it) {
    cursor.after = it->seq;
    if (!visible(*it)) continue;
    page.append(page.empty() ? R"({"t":"events","envs":[)" : ",").append(it->text);
    ++cursor.envelopes;
  }
  if (page.empty()) {
    cursor.after = cursor.up_to;
    return nullptr;
  }
  return std::make_shared<const std::string>(page.append("]}"));
}

}  // namespace palabre::protocol
