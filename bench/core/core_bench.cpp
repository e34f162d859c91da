// Engine throughput with Google Benchmark: events applied per second (items_per_second) for votes,
// ideas and chat on a 10,000-person room, the replay of a 1,000,000-event log (parse + apply), and
// the kiosk's masked copy of a big room (core::screen_view, made once a frame when an envelope came).
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

// The kiosk's copy of the room (held and hidden words out, blocked words masked): 10,000 people,
// 2,000 ideas with likes, 5,000 chat messages, made again at most once a drawn frame while
// envelopes arrive. A frame at 60 Hz has 16.7 ms.
void BM_ScreenView10kRoom(benchmark::State& state) {
  static const Session room = [] {
    Workload w = ideas(3000);  // 2,000 ideas, 1,000 likes
    Session s = w.base;
    for (const Envelope& e : w.events) apply(s, e);
    std::int64_t seq = s.last_seq, at = 1664970000000;
    for (int i = 0; i < 5000; ++i)
      apply(s, Envelope{++seq, at += 3, member(i % 10000), Role::participant, Visibility::public_,
                        ChatPost{"Merci pour ce café, message " + std::to_string(i)}});
    return s;
  }();
  for (auto _ : state) benchmark::DoNotOptimize(screen_view(room));
  state.SetItemsProcessed(std::int64_t(state.iterations()));
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
BENCHMARK(BM_ScreenView10kRoom)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeEnvelope);
BENCHMARK_MAIN();
