// `palabre replay LOG`: prints the final state of a session log as canonical JSON.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "core/aggregates.hpp"
#include "core/codec.hpp"
#include "core/log.hpp"

namespace {
using namespace palabre::core;

int run_replay(std::span<const std::string_view> args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::printf("usage: palabre replay LOG.palabre.jsonl [--view MEMBER_ID | --figures]\n\n"
                "Applies every envelope of the log and prints the final state as canonical JSON.\n"
                "--view prints what that participant may see instead. --figures prints, one line per\n"
                "activity, the room's figures as every screen must draw them (a results.publish event,\n"
                "as of the last seq). Rejected events are counted on\n"
                "stderr; a torn last line is dropped with a warning. Exit 1 on an unreadable log.\n");
    return 0;
  }
  std::string path, viewer;
  bool figures = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--view" && i + 1 < args.size()) viewer = std::string(args[++i]);
    else if (args[i] == "--figures") figures = true;
    else if (path.empty() && !args[i].starts_with("--")) path = std::string(args[i]);
    else { std::fprintf(stderr, "palabre replay: unexpected argument '%.*s'\n", int(args[i].size()), args[i].data()); return 2; }
  }
  if (path.empty()) { std::fprintf(stderr, "usage: palabre replay LOG.palabre.jsonl [--view MEMBER_ID]\n"); return 2; }
  std::ifstream in(path, std::ios::binary);
  if (!in) { std::fprintf(stderr, "palabre replay: cannot open '%s'\n", path.c_str()); return 1; }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ReplayStream log = replay_log_text(text);
  if (!log.ok()) {
    std::fprintf(stderr, "palabre replay: %s:%zu: %s\n", path.c_str(), log.fatal->line, log.fatal->reason.c_str());
    return 1;
  }
  if (log.torn_tail) std::fprintf(stderr, "palabre replay: warning: %s:%zu: %s\n", path.c_str(), log.torn_tail->line, log.torn_tail->reason.c_str());
  for (const LogProblem& bad : log.skipped)
    std::fprintf(stderr, "palabre replay: warning: %s:%zu: seq %lld left out: %s\n", path.c_str(), bad.line,
                 static_cast<long long>(bad.seq), bad.reason.c_str());
  if (!log.skipped.empty()) std::fprintf(stderr, "palabre replay: %zu event(s) left out\n", log.skipped.size());
  const Replay& r = log.replay;
  if (!r.rejected.empty()) {
    std::fprintf(stderr, "palabre replay: %zu applied, %zu rejected by the rules (first: seq %lld, %.*s)\n", r.applied,
                 r.rejected.size(), static_cast<long long>(r.rejected[0].seq), int(reason_code(r.rejected[0].reason).size()),
                 reason_code(r.rejected[0].reason).data());
  }
  if (figures) {  // the screens' truth (tests/e2e/truth.test.mjs compares what they drew with it)
    for (const Activity& a : r.session.activities) {
      if (a.spec.kind == ActivityKind::presentation) continue;
      ActivityFigures f = room_figures(r.session, a);
      f.as_of = r.session.last_seq;
      std::printf("%s\n", encode_event(ResultsPublish{a.id, f}).c_str());
    }
    return 0;
  }
  const std::string json = viewer.empty() ? canonical_json(r.session) : canonical_json(participant_view(r.session, viewer));
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}
}  // namespace

PALABRE_COMMAND("replay", "print the final state of a session log as canonical JSON", run_replay);
