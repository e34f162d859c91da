// What one incoming event costs the relay before fan-out: parsing and checking the message,
// finding the raw `ev` text, and (once per connection) hashing a token.
#include "protocol/client_frame.hpp"
#include "protocol/json_text.hpp"
#include "protocol/tokens.hpp"
#include "relay/secrets.hpp"

#include <benchmark/benchmark.h>

#include <string>

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
