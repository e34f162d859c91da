// Engine throughput with Google Benchmark: events applied per second (items_per_second) for votes,
// ideas and chat on a 10,000-person room, and the replay of a 1,000,000-event log (parse + apply).
#include <benchmark/benchmark.h>

#include "synthetic.hpp"

namespace {
using namespace palabre::bench;

void apply_all(benchmark::State& state, const Workload& w) {
  for (auto _ : state) {
    state.PauseTiming();
    Session s = w.base;
    state.ResumeTiming();
    for (const Envelope& e : w.events) benchmark::DoNotOptimize(apply(s, e));
    state.PauseTiming();
    s = Session{};  // freeing the state is not part of applying
    state.ResumeTiming();
  }
  state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(w.events.size()));
}

void BM_ApplyVotes(benchmark::State& state) {
  static const Workload w = votes(200000);
  apply_all(state, w);
}
void BM_ApplyIdeas(benchmark::State& state) {
  static const Workload w = ideas(200000);
  apply_all(state, w);
}
void BM_ApplyChat(benchmark::State& state) {
  static const Workload w = chat(200000);
  apply_all(state, w);
}

void BM_Replay1MEventLog(benchmark::State& state) {
  static const std::string log = mixed_log(1000000);
  for (auto _ : state) {
    ReplayStream r = replay_log_text(log);
    benchmark::DoNotOptimize(r.replay.applied);
    state.PauseTiming();
    r = ReplayStream{};
    state.ResumeTiming();
  }
  state.SetItemsProcessed(std::int64_t(state.iterations()) * 1000000);
  state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(log.size()));
}

void BM_DecodeEnvelope(benchmark::State& state) {
  const std::string line =
      R"({"seq":42,"at":1664960763000,"from":"p17","role":"participant","vis":"staff","ev":{"type":"rating.vote","activity":12,"stars":4}})";
  for (auto _ : state) benchmark::DoNotOptimize(decode_envelope(line));
  state.SetItemsProcessed(std::int64_t(state.iterations()));
}
}  // namespace

BENCHMARK(BM_ApplyVotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ApplyIdeas)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ApplyChat)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Replay1MEventLog)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_DecodeEnvelope);
BENCHMARK_MAIN();
