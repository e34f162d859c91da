#pragma once
// The log format (*.palabre.jsonl): a header line, then one envelope per line. See docs/formats.md.
// What the relay persists, what the host exports, and what `palabre replay` reads.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codec.hpp"
#include "core/envelope.hpp"
#include "core/session.hpp"

namespace palabre::core {

inline constexpr int log_format_version = 1;

struct LogHeader {
  std::string room;
  std::int64_t created = 0;  // ms since the epoch
  int version = log_format_version;
};

struct LogProblem {
  std::size_t line = 0;  // 1-based
  std::string reason;    // "$.ev.text: expected a string"
  std::int64_t seq = 0;  // the envelope's, for a skipped event
};

struct LogContents {
  std::optional<LogHeader> header;   // absent: the log is unusable (see fatal)
  std::vector<Envelope> envelopes;   // in file order
  std::optional<LogProblem> fatal;   // bad header or a bad line before the end: nothing to trust
  std::optional<LogProblem> torn_tail;  // last line cut mid-write: dropped, reported, not fatal
  std::vector<LogProblem> skipped;      // envelopes whose `ev` no engine can read: left out, listed
  bool ok() const { return header.has_value() && !fatal; }
};

// Reads a whole log. A last line that does not decode and has no final newline is a torn write:
// dropped and reported in torn_tail. An envelope the relay wrote whose `ev` does not decode (unknown
// or missing type, a field of the wrong type, too deep, not an object) is skipped and listed: the
// relay is blind to events, so one participant's malformed event must not cost the whole log. Any
// other undecodable line is fatal (line number + reason): only the file's owner can write one.
LogContents read_log(std::string_view text);
// The header line, without newline: {"format":"palabre-log","version":1,"room":"ABC123","created":…}
std::string encode_log_header(const LogHeader& header);

struct Rejection {
  std::int64_t seq = 0;
  Reason reason = Reason::none;
};

struct Replay {
  Session session;
  std::size_t applied = 0;
  std::vector<Rejection> rejected;  // envelopes the engine refused (normal: the relay doesn't know the rules)
};

// Applies envelopes in order to a fresh session.
Replay replay(const std::vector<Envelope>& envelopes);

struct ReplayStream {
  std::optional<LogHeader> header;
  std::optional<LogProblem> fatal;      // as in LogContents; replay stops at a fatal line
  std::optional<LogProblem> torn_tail;
  std::vector<LogProblem> skipped;
  Replay replay;
  bool ok() const { return header.has_value() && !fatal; }
};
// Reads and applies a log line by line without keeping the envelopes (memory stays that of the
// state): what `palabre replay` does. Same rules as read_log + replay.
ReplayStream replay_log_text(std::string_view text);

}  // namespace palabre::core
