// Log reading: header, envelopes, torn last line. Replay: apply in order.
#include "core/log.hpp"

#include <nlohmann/json.hpp>

#include "core/json_fields.hpp"
#include "protocol/log_format.hpp"

namespace palabre::core {
using json = nlohmann::json;

std::string encode_log_header(const LogHeader& h) { return protocol::log_header_line(h.room, h.created, h.version); }

namespace {
std::optional<LogHeader> decode_header(std::string_view line, DecodeError& error) {
  json j = json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded()) { error = {"$", "not valid JSON"}; return std::nullopt; }
  detail::Fields f(j, "$", error);
  std::string format;
  LogHeader h;
  std::int64_t version = 0;
  if (f.str("format", format) && format != "palabre-log") f.fail("$.format", "expected \"palabre-log\" (is this a palabre log?)");
  if (f.i64("version", version) && version != log_format_version)
    f.fail("$.version", "unsupported version " + std::to_string(version) + " (this build reads version 1)");
  f.str("room", h.room);
  f.i64("created", h.created);
  if (!f.ok()) return std::nullopt;
  h.version = int(version);
  return h;
}
}  // namespace

namespace {
// The seq of a line whose `ev` was refused (its envelope fields decoded).
std::int64_t env_seq(std::string_view line) {
  const json j = json::parse(line.begin(), line.end(), nullptr, false);
  return j.is_object() ? j.value("seq", std::int64_t{0}) : 0;
}

struct ScanResult {
  std::optional<LogHeader> header;
  std::optional<LogProblem> fatal;
  std::optional<LogProblem> torn_tail;
  std::vector<LogProblem> skipped;
};

// An envelope whose relay-written fields decode but whose `ev` does not.
bool is_bad_event(const DecodeError& error) { return error.path.rfind("$.ev", 0) == 0; }

// Walks the lines of a log: the header, then each decoded envelope handed to `on_envelope`.
template <class OnEnvelope>
ScanResult scan_log(std::string_view text, OnEnvelope&& on_envelope) {
  ScanResult out;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    const bool has_newline = end != std::string_view::npos;
    if (!has_newline) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = has_newline ? end + 1 : end;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool last = pos >= text.size();
    if (line.empty()) {
      if (last) break;
      out.fatal = LogProblem{line_no, "empty line"};
      return out;
    }
    if (line_no == 1) {
      DecodeError error;
      out.header = decode_header(line, error);
      if (!out.header) { out.fatal = LogProblem{line_no, "bad header: " + error.message()}; return out; }
      continue;
    }
    auto env = decode_envelope(line);
    if (env) { on_envelope(std::move(*env.value)); continue; }
    if (last && !has_newline) {
      out.torn_tail = LogProblem{line_no, "torn last line dropped: " + env.error.message()};
      break;
    }
    if (is_bad_event(env.error)) {
      out.skipped.push_back(LogProblem{line_no, env.error.message(), env_seq(line)});
      continue;
    }
    out.fatal = LogProblem{line_no, env.error.message()};
    return out;
  }
  if (line_no == 0) out.fatal = LogProblem{1, "empty file (expected a palabre-log header line)"};
  return out;
}

void apply_counted(Replay& r, const Envelope& e) {
  Outcome o = apply(r.session, e);
  if (o.accepted()) ++r.applied;
  else r.rejected.push_back({e.seq, o.reason});
}
}  // namespace

LogContents read_log(std::string_view text) {
  LogContents out;
  ScanResult scan = scan_log(text, [&](Envelope&& e) { out.envelopes.push_back(std::move(e)); });
  out.header = std::move(scan.header);
  out.fatal = std::move(scan.fatal);
  out.torn_tail = std::move(scan.torn_tail);
  out.skipped = std::move(scan.skipped);
  return out;
}

ReplayStream replay_log_text(std::string_view text) {
  ReplayStream out;
  ScanResult scan = scan_log(text, [&](Envelope&& e) { apply_counted(out.replay, e); });
  out.header = std::move(scan.header);
  out.fatal = std::move(scan.fatal);
  out.torn_tail = std::move(scan.torn_tail);
  out.skipped = std::move(scan.skipped);
  return out;
}

Replay replay(const std::vector<Envelope>& envelopes) {
  Replay r;
  for (const Envelope& e : envelopes) apply_counted(r, e);
  return r;
}

}  // namespace palabre::core
