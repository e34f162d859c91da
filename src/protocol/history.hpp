#pragma once
// History answers (a `join` with `since`, a `sync`): the envelopes a member missed, sent one page at
// a time, the next page built only once the previous one is written. A client asking for the
// whole log again and again while never reading thus costs one page, never a copy of the log per
// request (issue 16: 41 MB → 2.6 GB in 11 s before).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "protocol/envelope.hpp"

namespace palabre::protocol {

// Where a history answer stands: envelopes with after < seq <= up_to are still owed.
struct HistoryCursor {
  std::int64_t after = 0;
  std::int64_t up_to = 0;
  std::size_t envelopes = 0;  // put in pages so far (for the relay's metrics)
};

inline constexpr std::size_t history_page_bytes = 256 * 1024;

// The next `events` frame of the answer (about `max_bytes`, at least one envelope), moving the
// cursor past it; nullptr when nothing visible is owed any more.
std::shared_ptr<const std::string> next_history_page(const std::vector<StoredEnvelope>& log, HistoryCursor& cursor,
                                                     const std::function<bool(const StoredEnvelope&)>& visible,
                                                     std::size_t max_bytes = history_page_bytes);

}  // namespace palabre::protocol
