// What one incoming event costs the relay before fan-out: parsing and checking the message,
// finding the raw `ev` text, and (once per connection) hashing a token; and what a restart costs.
#include "protocol/client_frame.hpp"
#include "protocol/json_text.hpp"
#include "protocol/tokens.hpp"
#include "relay/room_files.hpp"
#include "relay/secrets.hpp"

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

const std::string kVote = R"({"t":"event","vis":"staff","cid":42,"ev":{"type":"rating.vote","activity":17,"value":4}})";
const std::string kChat =
    R"({"t":"event","vis":"public","cid":43,"ev":{"type":"chat.post","text":"Café — stratégie numérique, on en parle ?"}})";

// The whole of it for a vote: parse, check every field, keep the client's `ev` bytes.
void BM_ReadClientFrameVote(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(palabre::protocol::read_client_frame(kVote));
}
BENCHMARK(BM_ReadClientFrameVote);

void BM_RawEvTextOfChat(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(palabre::protocol::raw_member_text(kChat, "ev"));
}
BENCHMARK(BM_RawEvTextOfChat);

void BM_TokenHash(benchmark::State& state) {
  const std::string token = palabre::relay::new_token();
  for (auto _ : state) benchmark::DoNotOptimize(palabre::protocol::token_hash(token));
}
BENCHMARK(BM_TokenHash);

void BM_NewToken(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(palabre::relay::new_token());
}
BENCHMARK(BM_NewToken);

}  // namespace

// A restart: loading one room's log of 50,000 envelopes (the sample workshop's lines, renumbered)
// and its members file from a data directory, as `palabre serve` does before it listens.
namespace restart {

namespace fs = std::filesystem;

fs::path make_data_dir() {
  const fs::path dir = fs::temp_directory_path() / ("palabre-relay-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ifstream sample(std::string(PALABRE_SOURCE_DIR) + "/tests/data/workshop_fr.palabre.jsonl");
  std::vector<std::string> bodies;  // each envelope after its "seq":N
  std::string header;
  for (std::string line; std::getline(sample, line);) {
    if (header.empty()) header = line;
    else if (const auto comma = line.find(','); line.rfind("{\"seq\":", 0) == 0 && comma != std::string::npos)
      bodies.push_back(line.substr(comma));
  }
  std::ofstream log(dir / "TMN522.palabre.jsonl");
  log << header << '\n';
  for (int seq = 1; seq <= 50000; ++seq) log << "{\"seq\":" << seq << bodies[std::size_t(seq - 1) % bodies.size()] << '\n';
  std::ofstream(dir / "TMN522.members.jsonl") << R"({"format":"palabre-members","room":"TMN522","host":"h","kiosk":"k"})" << '\n';
  return dir;
}

void BM_RestartLoadRoomOf50000(benchmark::State& state) {
  const fs::path dir = make_data_dir();
  std::size_t loaded = 0;
  for (auto _ : state) {
    std::vector<std::string> warnings;
    const auto rooms = palabre::relay::load_rooms(dir, warnings);
    loaded = rooms.empty() ? 0 : rooms.front().envelopes.size();
    benchmark::DoNotOptimize(rooms.data());
  }
  state.counters["envelopes"] = double(loaded);
  state.counters["envelopes_per_s"] = benchmark::Counter(double(loaded) * double(state.iterations()), benchmark::Counter::kIsRate);
  fs::remove_all(dir);
}
BENCHMARK(BM_RestartLoadRoomOf50000)->Unit(benchmark::kMillisecond);

}  // namespace restart
