// core_speed: events applied per second (votes, ideas, chat) and the replay time of a
// 1,000,000-event log, with a plain steady clock, so that the very same program runs natively and
// in WebAssembly under node (Google Benchmark is not built for emscripten). Prints one line per
// figure; docs/performance.md ("Engine") records them.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "synthetic.hpp"

namespace {
using namespace palabre::bench;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) { return std::chrono::duration<double>(clock_type::now() - t0).count(); }

// Best of `rounds`: applies the workload's events to a fresh copy of its base session.
double events_per_second(const Workload& w, int rounds) {
  double best = 0;
  for (int r = 0; r < rounds; ++r) {
    Session s = w.base;
    const auto t0 = clock_type::now();
    std::size_t accepted = 0;
    for (const Envelope& e : w.events) accepted += apply(s, e).accepted();
    const double dt = seconds_since(t0);
    if (accepted != w.events.size()) { std::fprintf(stderr, "unexpected rejections: %zu/%zu\n", accepted, w.events.size()); std::exit(1); }
    best = std::max(best, double(w.events.size()) / dt);
  }
  return best;
}
}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1000000;
  std::printf("votes_per_s %.0f\n", events_per_second(votes(n), 3));
  std::printf("ideas_per_s %.0f\n", events_per_second(ideas(n / 4), 3));
  std::printf("chat_per_s %.0f\n", events_per_second(chat(n / 4), 3));
  const std::string log = mixed_log(n);
  auto t0 = clock_type::now();
  ReplayStream r = replay_log_text(log);
  const double replay_s = seconds_since(t0);
  if (!r.ok() || r.replay.applied != std::size_t(n)) { std::fprintf(stderr, "replay failed: %zu applied\n", r.replay.applied); return 1; }
  std::printf("replay_%d_events_s %.3f (%.0f events/s, parsing included, %zu bytes)\n", n, replay_s, n / replay_s, log.size());
  return 0;
}
