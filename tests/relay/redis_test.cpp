// Several relays on one Redis (`palabre serve --redis`): a real redis-server started by the test on a
// free loopback port, two relays on it. Skipped when /usr/bin/redis-server is not installed.
#include "fault_relay_process.hpp"
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <random>
#include <thread>

namespace palabre::relay::testing {
namespace {

constexpr const char* kRedisServer = "/usr/bin/redis-server";

unsigned short free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t size = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
  close(fd);
  return ntohs(addr.sin_port);
}

bool redis_answers(unsigned short port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && write(fd, "PING\r\n", 6) == 6;
  char reply[8] = {};
  ok = ok && read(fd, reply, 7) >= 5 && std::string_view(reply).starts_with("+PONG");
  close(fd);
  return ok;
}

// A throwaway redis-server: no persistence, loopback only, killed at the end.
struct RedisServer {
  pid_t pid = -1;
  unsigned short port = 0;

  RedisServer() {
    if (access(kRedisServer, X_OK) != 0) return;
    port = free_port();
    const std::string port_text = std::to_string(port);
    pid = fork();
    if (pid == 0) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      execl(kRedisServer, "redis-server", "--port", port_text.c_str(), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 100 && !redis_answers(port); ++i) std::this_thread::sleep_for(50ms);
  }
  ~RedisServer() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
  bool running() const { return pid > 0 && redis_answers(port); }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port); }
};

Config redis_config(const RedisServer& redis) {
  Config config = RelayFixture::quiet_config();
  config.redis_url = redis.url();
  config.messages_per_second = 10000;
  config.message_burst = 10000;
  return config;
}

// A relay in a child process on the given Redis, so that it can really be killed with SIGKILL.
// A relay of the pair in a forked child (fault_relay_process.hpp), so one can be SIGKILLed alone.
Config forked_redis_config(const std::filesystem::path& data, const RedisServer& redis) {
  Config config = redis_config(redis);
  config.data_dir = data;
  return config;
}

struct Member {
  std::unique_ptr<Client> client;
  std::string id, token;
  std::int64_t last_seq = 0;
  std::map<std::int64_t, json> seen;  // envelopes by seq
  std::vector<std::int64_t> acked;
  std::int64_t marker_seq = -1;  // seq of the acknowledged event with cid kMarker
  std::string refusals;          // error frames received, for the failure messages
};

constexpr int kMarker = 999999;

// Reads every frame already there (waiting `wait` for the first): envelopes and acks.
void drain(Member& m, std::chrono::milliseconds wait) {
  while (auto text = m.client->next_text(wait)) {
    const json frame = json::parse(*text);
    if (frame["t"] == "error") m.refusals += *text + "\n";
    if (frame["t"] == "ack") {
      m.acked.push_back(frame["seq"]);
      if (frame.value("cid", -1) == kMarker) m.marker_seq = frame["seq"];
    }
    if (frame["t"] == "events")
      for (const auto& env : frame["envs"]) {
        const std::int64_t seq = env["seq"];
        EXPECT_GT(seq, m.last_seq) << m.id << " got seq " << seq << " out of order";
        m.seen[seq] = env;
        m.last_seq = std::max(m.last_seq, seq);
      }
    wait = 0ms;
  }
}

// Reads until the envelope `seq` has arrived (or 5 s pass).
void drain_until(Member& m, std::int64_t seq) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (m.last_seq < seq && std::chrono::steady_clock::now() < deadline) drain(m, 100ms);
}

// What `who` may see of the host's (complete) log.
std::map<std::int64_t, json> visible_to(const std::map<std::int64_t, json>& all, const std::string& who) {
  std::map<std::int64_t, json> out;
  for (const auto& [seq, env] : all)
    if (env["vis"] == "public" || env["from"] == who) out[seq] = env;
  return out;
}

// Sends a public event from the host and returns its seq (from its ack): every envelope before it
// is stored, so it is where everyone's view must end.
std::int64_t host_marker(Member& host) {
  host.client->event("public", {{"type", "marker"}}, kMarker);
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (host.marker_seq < 0 && std::chrono::steady_clock::now() < deadline) drain(host, 100ms);
  EXPECT_GT(host.marker_seq, 0) << "no ack for the host's marker";
  return host.marker_seq;
}

TEST(Redis, HostOnOneRelayParticipantsOnAnotherSeeTheSameOrderedLog) {
  RedisServer redis;
  if (access(kRedisServer, X_OK) != 0) FAIL() << "redis-server is not installed (scripts/setup.sh installs it)";
  ASSERT_TRUE(redis.running());
  TempDir dir_a, dir_b;
  // Given two relays on one Redis, a host on the first and three participants on the second
  RelayFixture relay_a(dir_a.path(), redis_config(redis)), relay_b(dir_b.path(), redis_config(redis));
  Member host;
  host.client = std::make_unique<Client>(relay_a.port());
  const json created = host.client->create();
  const std::string room = created["room"];
  host.id = "h1";
  std::vector<Member> participants(3);
  for (auto& p : participants) {
    p.client = std::make_unique<Client>(relay_b.port());
    const json joined = p.client->join(room);
    ASSERT_EQ(joined["t"], "joined") << joined.dump();
    p.id = joined["you"];
  }
  EXPECT_NE(participants[0].id, participants[1].id);

  // when participants and the host send public and staff events at the same time on both relays
  for (int round = 0; round < 30; ++round) {
    host.client->event("public", {{"type", "note"}, {"round", round}});
    for (std::size_t i = 0; i < participants.size(); ++i)
      participants[i].client->event((round + int(i)) % 2 ? "staff" : "public",
                                    {{"type", "vote"}, {"round", round}, {"by", i}}, round);
  }
  for (auto& p : participants) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (p.acked.size() < 30 && std::chrono::steady_clock::now() < deadline) drain(p, 100ms);
    ASSERT_EQ(p.acked.size(), 30u) << p.id << " was refused:\n" << p.refusals;
  }
  drain(host, 0ms);
  const std::int64_t last = host_marker(host);
  drain_until(host, last);
  for (auto& p : participants) drain_until(p, last);

  // then the host has seqs 1…last without a gap, and every participant exactly its share, same bytes
  ASSERT_EQ(host.seen.size(), std::size_t(last));
  EXPECT_EQ(host.seen.begin()->first, 1);
  int votes = 0;
  for (const auto& [seq, env] : host.seen) votes += env["ev"]["type"] == "vote";
  EXPECT_EQ(votes, 90);
  for (auto& p : participants) EXPECT_EQ(p.seen, visible_to(host.seen, p.id)) << p.id;

  // and a participant who joins later on the first relay gets the same public history, and is told
  // the room's size (the app's big-room cue) counting those who joined through the second
  Member late;
  late.client = std::make_unique<Client>(relay_a.port());
  const json late_joined = late.client->join(room);
  late.id = late_joined["you"];
  EXPECT_EQ(late_joined["participants"], 4);
  drain_until(late, last);
  EXPECT_EQ(late.seen, visible_to(host.seen, late.id));
}

TEST(Redis, RelayKilledMidBurstItsClientsResumeOnTheOtherWithNothingLost) {
  RedisServer redis;
  if (access(kRedisServer, X_OK) != 0) FAIL() << "redis-server is not installed (scripts/setup.sh installs it)";
  ASSERT_TRUE(redis.running());
  TempDir dir_a, dir_b;
  // Given a relay process (to be killed) and an in-process relay on one Redis, the host on the
  // second and four participants on the first
  ForkedRelay doomed(forked_redis_config(dir_a.path(), redis));
  RelayFixture survivor(dir_b.path(), redis_config(redis));
  Member host;
  host.client = std::make_unique<Client>(survivor.port());
  const json created = host.client->create();
  const std::string room = created["room"];
  host.id = "h1";
  std::vector<Member> participants(4);
  for (auto& p : participants) {
    p.client = std::make_unique<Client>(doomed.port);
    const json joined = p.client->join(room);
    ASSERT_EQ(joined["t"], "joined") << joined.dump();
    p.id = joined["you"];
    p.token = joined["token"];
  }

  // when each has had one event acknowledged, then they send a burst and their relay is killed with
  // SIGKILL in the middle of it
  for (auto& p : participants) {
    p.client->event("staff", {{"type", "first"}}, 0);
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (p.acked.empty() && std::chrono::steady_clock::now() < deadline) drain(p, 100ms);
    ASSERT_FALSE(p.acked.empty()) << p.id;
  }
  std::mt19937 random(7);
  const int kill_after = std::uniform_int_distribution<int>(40, 120)(random);
  for (int step = 0; step < 150; ++step) {
    if (step == kill_after) doomed.kill_hard();
    for (std::size_t i = 0; i < participants.size(); ++i) {
      if (participants[i].client->is_closed()) continue;
      try {
        participants[i].client->event((step + int(i)) % 3 ? "public" : "staff", {{"type", "burst"}, {"step", step}}, step);
      } catch (const std::exception&) {  // the relay is gone: the write fails
      }
    }
    for (auto& p : participants) drain(p, 0ms);
  }
  for (auto& p : participants) drain(p, 100ms);
  ASSERT_TRUE(std::all_of(participants.begin(), participants.end(), [](const Member& p) { return p.client->is_closed(); }));

  // and they resume on the other relay with their tokens, from the last seq they saw
  for (auto& p : participants) {
    p.client = std::make_unique<Client>(survivor.port());
    const json joined = p.client->join(room, p.token, p.last_seq);
    ASSERT_EQ(joined["t"], "joined") << joined.dump();
    EXPECT_EQ(joined["you"], p.id);
  }
  drain(host, 0ms);
  const std::int64_t last = host_marker(host);
  drain_until(host, last);

  // then the host's log is gap-free, holds every event any participant saw or had acknowledged,
  // and every participant has exactly its share of it, byte for byte
  ASSERT_EQ(host.seen.size(), std::size_t(last));
  std::size_t acked = 0;
  for (auto& p : participants) {
    drain_until(p, last);
    EXPECT_EQ(p.seen, visible_to(host.seen, p.id)) << p.id;
    for (const std::int64_t seq : p.acked) {
      ASSERT_TRUE(host.seen.count(seq)) << "acknowledged seq " << seq << " is not in the log";
      EXPECT_EQ(host.seen[seq]["from"], p.id);
    }
    acked += p.acked.size();
  }
  EXPECT_GT(acked, 0u);
  RecordProperty("acknowledged_before_kill", int(acked));
  RecordProperty("envelopes_logged", int(last));
}

}  // namespace
}  // namespace palabre::relay::testing

namespace palabre::relay::testing {
namespace {

// Issue 16: a host's close on relay A left a broken room on relay B: each event there froze B's loop
// for 2 s before `unavailable`, old tokens still joined, a join without token re-created the room's
// hash with its member counter reset (ids p3… handed out again).
TEST(RedisClose, ClosingOnOneRelayClosesEverywhereAndTheRoomNeverComesBack) {
  RedisServer redis;
  if (access(kRedisServer, X_OK) != 0) FAIL() << "redis-server is not installed (scripts/setup.sh installs it)";
  ASSERT_TRUE(redis.running());
  TempDir dir_a, dir_b;
  RelayFixture relay_a(dir_a.path(), redis_config(redis)), relay_b(dir_b.path(), redis_config(redis));
  // Given a host on relay A, and a participant and the kiosk on relay B
  Client host(relay_a.port());
  const json created = host.create();
  const std::string room = created["room"];
  Client alice(relay_b.port()), kiosk(relay_b.port());
  const json alice_joined = alice.join(room);
  ASSERT_EQ(alice_joined["t"], "joined");
  ASSERT_EQ(kiosk.join(room, created["kiosk_token"])["t"], "joined");
  alice.event("staff", {{"type", "secret"}}, 1);
  ASSERT_TRUE(alice.next_of("ack").has_value());
  // when the host closes the room on A
  host.send(R"({"t":"close"})");
  ASSERT_TRUE(host.next_of("closed").has_value());
  // then the members on B are told at once
  EXPECT_TRUE(alice.next_of("closed", 2s).has_value());
  EXPECT_TRUE(kiosk.next_of("closed", 2s).has_value());
  // and an event sent there is answered at once, not after a 2 s freeze, and never stored
  const auto start = std::chrono::steady_clock::now();
  alice.event("public", {{"type", "late"}}, 2);
  const auto answer = alice.next_of("error", 2s);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ((*answer)["code"], "closed");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
  // and old tokens open nothing on either relay, and a join without token re-creates nothing
  for (unsigned short port : {relay_a.port(), relay_b.port()}) {
    Client again(port);
    EXPECT_EQ(again.join(room, created["host_token"])["code"], "no_room");
    EXPECT_EQ(again.join(room, alice_joined["token"])["code"], "no_room");
    EXPECT_EQ(again.join(room, created["kiosk_token"])["code"], "no_room");
    EXPECT_EQ(again.join(room)["code"], "no_room") << "a newcomer must not become p3 again";
  }
}

TEST(RedisRemoval, GivenAParticipantOnAnotherRelay_WhenTheHostRemovesThem_ThenEveryRelayRefusesThem) {
  RedisServer redis;
  if (access(kRedisServer, X_OK) != 0) FAIL() << "redis-server is not installed (scripts/setup.sh installs it)";
  ASSERT_TRUE(redis.running());
  TempDir dir_a, dir_b, dir_c;
  RelayFixture relay_a(dir_a.path(), redis_config(redis)), relay_b(dir_b.path(), redis_config(redis));
  // Given a host on relay A and a participant on relay B whose message the host has seen
  Member host;
  host.client = std::make_unique<Client>(relay_a.port());
  const json created = host.client->create();
  const std::string room = created["room"];
  Client bob(relay_b.port());
  const json joined = bob.join(room);
  ASSERT_EQ(joined["t"], "joined");
  bob.event("public", {{"type", "chat.post"}, {"text", "bonjour"}}, 1);
  ASSERT_TRUE(bob.next_of("ack"));
  drain_until(host, host_marker(host));
  // when the host removes them on relay A
  host.client->send(json{{"t", "remove"}, {"who", joined["you"]}, {"cid", 5}});
  // then their connection on relay B is told at once, and their next event there is refused
  EXPECT_EQ(bob.next_error_code(2s), "removed");
  bob.event("public", {{"type", "chat.post"}, {"text", "encore"}}, 2);
  EXPECT_EQ(bob.next_error_code(), "removed");
  // and their token opens nothing on A, on B, nor on a relay started afterwards
  RelayFixture relay_c(dir_c.path(), redis_config(redis));
  for (unsigned short port : {relay_a.port(), relay_b.port(), relay_c.port()}) {
    Client again(port);
    EXPECT_EQ(again.join(room, joined["token"])["code"], "removed") << port;
  }
  // while newcomers still join through B
  Client carol(relay_b.port());
  EXPECT_EQ(carol.join(room)["t"], "joined");
}

}  // namespace
}  // namespace palabre::relay::testing

// Blobs with --redis (docs/protocol.md "Blobs", "Several relays"): in Redis, so every relay serves
// every blob, with the room's limits checked and the blob stored in one script.
#include "blob_client.hpp"

#include <hiredis/hiredis.h>

namespace palabre::relay::testing {
namespace {

// How many of `keys` exist in the test's Redis.
long long existing_keys(const RedisServer& redis, const std::vector<std::string>& keys) {
  redisContext* ctx = redisConnect("127.0.0.1", redis.port);
  std::vector<const char*> argv = {"EXISTS"};
  for (const auto& key : keys) argv.push_back(key.c_str());
  auto* reply = static_cast<redisReply*>(redisCommandArgv(ctx, int(argv.size()), argv.data(), nullptr));
  const long long count = reply && reply->type == REDIS_REPLY_INTEGER ? reply->integer : -1;
  if (reply) freeReplyObject(reply);
  redisFree(ctx);
  return count;
}

TEST(RedisBlobs, GivenTwoRelays_WhenTheHostPutsABlobThroughOne_ThenTheOtherServesItByteForByte) {
  RedisServer redis;
  if (access(kRedisServer, X_OK) != 0) FAIL() << "redis-server is not installed (scripts/setup.sh installs it)";
  ASSERT_TRUE(redis.running());
  TempDir dir_a, dir_b;
  RelayFixture relay_a(dir_a.path(), redis_config(redis)), relay_b(dir_b.path(), redis_config(redis));
  // Given a room made on relay A, which relay B has never held
  const auto room = create_room(relay_a.port());
  std::string bytes = png(100 * 1024);
  for (std::size_t i = kPngHeader.size(); i < bytes.size(); i += 7) bytes[i] = char(i * 31);  // zeros and high bytes too
  // when its host puts an image through A
  const auto stored = put_blob(relay_a.port(), room, bytes);
  ASSERT_EQ(stored.status, 201) << stored.body;
  // then B serves it, byte for byte, with its type
  const auto served = get_blob(relay_b.port(), room.code, bytes);
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(served.body, bytes);
  EXPECT_EQ(served.content_type, "image/png");
  // and the same image put again through B is already there
  EXPECT_EQ(put_blob(relay_b.port(), room, bytes).status, 200);
  // and nothing of it is in either relay's data directory
  EXPECT_FALSE(std::filesystem::exists(dir_a.path() / (room.code + ".blobs")));
  EXPECT_FALSE(std::filesystem::exists(dir_b.path() / (room.code + ".blobs")));
}

TEST(RedisBlobs, GivenTwoRelays_WhenBothStoreBlobsAtOnce_ThenTheRoomCountLimitHoldsAcrossBoth) {
  RedisServer redis;
  if (access(kRedisServer, X_OK) != 0) FAIL() << "redis-server is not installed (scripts/setup.sh installs it)";
  ASSERT_TRUE(redis.running());
  TempDir dir_a, dir_b;
  Config config = redis_config(redis);
  config.max_room_blobs = 3;
  RelayFixture relay_a(dir_a.path(), config), relay_b(dir_b.path(), config);
  const auto room = create_room(relay_a.port());
  // Given B holds the room too
  ASSERT_EQ(get_blob(relay_b.port(), room.code, png()).status, 404);
  // when ten different images are put at the same time, half through each relay
  std::vector<int> statuses(10);
  std::vector<std::thread> uploads;
  for (int i = 0; i < 10; ++i)
    uploads.emplace_back([&, i] {
      statuses[i] = put_blob(i % 2 ? relay_b.port() : relay_a.port(), room, png(300, char('a' + i))).status;
    });
  for (auto& upload : uploads) upload.join();
  // then exactly three are stored, the others refused as over the room's limit, on either relay
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 3);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 7);
  const auto refused = put_blob(relay_b.port(), room, png(300, 'z'));
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(error_of(refused), "too_many_blobs");
  int served = 0;
  for (int i = 0; i < 10; ++i) served += get_blob(relay_a.port(), room.code, png(300, char('a' + i))).status == 200;
  EXPECT_EQ(served, 3);
}

TEST(RedisBlobs, GivenARoomWithBlobs_WhenItsHostClosesIt_ThenItsBlobKeysAreDeletedFromRedis) {
  RedisServer redis;
  if (access(kRedisServer, X_OK) != 0) FAIL() << "redis-server is not installed (scripts/setup.sh installs it)";
  ASSERT_TRUE(redis.running());
  TempDir dir_a, dir_b;
  RelayFixture relay_a(dir_a.path(), redis_config(redis)), relay_b(dir_b.path(), redis_config(redis));
  Client host(relay_a.port());
  const json created = host.create();
  const CreatedRoom room{created["room"], created["host_token"], created["kiosk_token"]};
  const std::vector<std::string> images = {png(300, 'a'), png(300, 'b')};
  std::vector<std::string> keys = {"palabre:blobs:" + room.code};
  for (const auto& bytes : images) {
    ASSERT_EQ(put_blob(relay_b.port(), room, bytes).status, 201);
    keys.push_back("palabre:blob:" + room.code + ":" + protocol::sha256_hex(bytes));
  }
  ASSERT_EQ(existing_keys(redis, keys), 3);
  // when the host closes the room on A
  host.send(R"({"t":"close"})");
  ASSERT_TRUE(host.next_of("closed").has_value());
  // then its blobs and their sizes are gone from Redis, and neither relay serves them
  EXPECT_EQ(existing_keys(redis, keys), 0);
  EXPECT_EQ(get_blob(relay_a.port(), room.code, images[0]).status, 404);
  EXPECT_EQ(get_blob(relay_b.port(), room.code, images[1]).status, 404);
  // and the closed room takes no new one
  EXPECT_EQ(put_blob(relay_b.port(), room, png(300, 'c')).status, 404);
  EXPECT_EQ(existing_keys(redis, {"palabre:blobs:" + room.code}), 0);
}

}  // namespace
}  // namespace palabre::relay::testing

// Client event ids on Redis (docs/protocol.md "Client event ids"): the id is a field of the stream
// entry, so a re-send to another relay of the room is known there too.
namespace palabre::relay::testing {
namespace {

// The stream entries of `room` whose envelope holds `needle`, as their fields (name → value).
std::vector<std::map<std::string, std::string>> stream_entries_with(const RedisServer& redis, const std::string& room,
                                                                    const std::string& needle) {
  std::vector<std::map<std::string, std::string>> out;
  redisContext* ctx = redisConnect("127.0.0.1", redis.port);
  auto* reply = static_cast<redisReply*>(redisCommand(ctx, "XRANGE palabre:log:%s - +", room.c_str()));
  for (std::size_t i = 0; reply && reply->type == REDIS_REPLY_ARRAY && i < reply->elements; ++i) {
    const redisReply* fields = reply->element[i]->element[1];
    std::map<std::string, std::string> entry;
    for (std::size_t f = 0; f + 1 < fields->elements; f += 2)
      entry[fields->element[f]->str] = std::string(fields->element[f + 1]->str, fields->element[f + 1]->len);
    if (entry["env"].find(needle) != std::string::npos) out.push_back(std::move(entry));
  }
  if (reply) freeReplyObject(reply);
  redisFree(ctx);
  return out;
}

TEST(RedisClientIds, GivenAnEventStoredThroughOneRelay_WhenItsMemberSendsItAgainToAnother_ThenTheFirstSeqAndOneEntry) {
  RedisServer redis;
  if (access(kRedisServer, X_OK) != 0) FAIL() << "redis-server is not installed (scripts/setup.sh installs it)";
  ASSERT_TRUE(redis.running());
  TempDir dir_a, dir_b;
  RelayFixture relay_a(dir_a.path(), redis_config(redis)), relay_b(dir_b.path(), redis_config(redis));
  // Given an anonymous idea of Alice's stored through relay A
  Client host(relay_a.port());
  const std::string room = host.create()["room"];
  Client alice(relay_a.port());
  const json joined = alice.join(room);
  const json idea{{"t", "event"}, {"vis", "public"}, {"anon", true}, {"cid", 7041},
                  {"ev", {{"type", "idea.post"}, {"text", "plus de pauses"}}}};
  alice.send(idea);
  const std::int64_t stored = alice.next_of("ack").value()["seq"];
  // when, her ack lost, she sends it again through relay B
  Client again(relay_b.port());
  ASSERT_EQ(again.join(room, joined["token"], stored)["t"], "joined");
  again.send(idea);
  // then B answers with the first seq, and the stream holds the idea once, its id in a field of its own
  const auto ack = again.next_of("ack");
  ASSERT_TRUE(ack);
  EXPECT_EQ((*ack)["seq"], stored);
  EXPECT_EQ((*ack)["cid"], 7041);
  const auto entries = stream_entries_with(redis, room, "idea.post");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].at("cid"), "7041");
  EXPECT_EQ(entries[0].at("env").find("cid"), std::string::npos) << entries[0].at("env");
  // beside the pseudonym, never the member behind it
  EXPECT_EQ(entries[0].at("sender"), joined["anon"]);
}

}  // namespace
}  // namespace palabre::relay::testing
