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

namespace palabre::cli {
using namespace palabre::core;

int run_replay(int argc, char** argv) {
  CLI::App app{"Applies every envelope of the log and prints the final state as canonical JSON.\n"
               "Rejected events are counted on stderr; a torn last line is dropped with a warning.\n"
               "Exit 1 on an unreadable log.",
               "palabre replay"};
  std::string path, viewer;
  bool figures = false;
  app.add_option("LOG", path, "the session log (*.palabre.jsonl)")->required();
  app.add_option("--view", viewer, "print what this participant (member id) may see instead");
  app.add_flag("--figures", figures,
               "print, one line per activity, the room's figures as every screen must draw them\n"
               "(a results.publish event, as of the last seq)");
  app.get_option("--view")->excludes("--figures");
  if (const auto exit = parse_options(app, argc, argv)) return *exit;
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

}  // namespace palabre::cli
