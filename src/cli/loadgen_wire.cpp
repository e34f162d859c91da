// `palabre loadgen`'s wire strategies: one per relay it measures (palabre serve, and the `ws` and
// `socket.io` relays of bench/relay/peers), so the scenario in loadgen.cpp is the same for all.
#include "loadgen.hpp"

#include <charconv>

namespace palabre::cli::loadgen {
namespace {

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

std::int64_t now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
}

// palabre serve: rooms; a vote is a staff `rating.vote`, a chat message a public `chat.post`, each
// with its `cid` so the ack names it and its send time ("s", steady clock ns: the same clock in every
// process of the machine, so a host in another loadgen process can time it); the host's tally is a
// public `rating.results`.
class PalabreWire final : public Wire {
 public:
  bool rooms() const override { return true; }
  std::string target(bool) const override { return "/ws"; }
  std::string send_text(std::size_t key, bool vote) const override {
    return json{{"t", "event"}, {"vis", vote ? "staff" : "public"}, {"cid", key},
                {"ev", vote ? json{{"type", "rating.vote"}, {"value", 1 + key % 5}, {"k", key}, {"s", now_ns()}}
                            : json{{"type", "chat.post"}, {"text", "Ça marche ! " + std::to_string(key)}, {"k", key}, {"s", now_ns()}}}}
        .dump();
  }
  bool carries_votes(std::string_view text) const override { return text.rfind(R"({"t":"events")", 0) == 0; }
  std::optional<std::int64_t> ack_key(std::string_view text) const override {
    if (text.rfind(R"({"t":"ack")", 0) != 0) return std::nullopt;
    return field_int(text, "\"cid\":");
  }
  bool is_tally(std::string_view text) const override {
    return text.find(R"("type":"rating.results")") != std::string_view::npos;
  }
};

// The `ws` relay: no rooms; `?role=` picks staff or participant; votes, acks and tallies are small
// JSON frames of their own.
class WsWire : public Wire {
 public:
  std::string target(bool staff) const override { return std::string("/?role=") + (staff ? "staff" : "participant"); }
  std::string send_text(std::size_t key, bool) const override {
    return json{{"t", "vote"}, {"from", "p" + std::to_string(key)}, {"value", 1 + key % 5}, {"k", key}, {"t0", now_us()}}.dump();
  }
  bool carries_votes(std::string_view text) const override { return text.rfind(R"({"t":"vote")", 0) == 0; }
  std::optional<std::int64_t> ack_key(std::string_view text) const override {
    if (text.rfind(R"({"t":"ack")", 0) != 0) return std::nullopt;
    return field_int(text, "\"cid\":");
  }
  bool is_tally(std::string_view text) const override { return text.rfind(R"({"t":"tally")", 0) == 0; }
};

// socket.io: Engine.IO packets around events ("42" + ack id + ["vote", {...}]; acks "43" + id).
class SocketIoWire final : public Wire {
 public:
  bool in_once_open() const override { return false; }
  std::string target(bool staff) const override {
    return std::string("/socket.io/?EIO=4&transport=websocket&role=") + (staff ? "staff" : "participant");
  }
  std::string send_text(std::size_t key, bool) const override {
    const json vote{{"from", "p" + std::to_string(key)}, {"value", 1 + key % 5}, {"k", key}, {"t0", now_us()}};
    return "42" + std::to_string(key) + json::array({"vote", vote}).dump();  // an event with ack id `key`
  }
  bool carries_votes(std::string_view text) const override { return text.rfind(R"(42["vote")", 0) == 0; }
  // The open packet is answered with a namespace connect, pings with pongs.
  bool handshake(SimClient& client, std::string_view text, const std::function<void()>& connected) const override {
    if (text.rfind("0{", 0) == 0) client.send("40");
    else if (text.rfind("40", 0) == 0) connected();
    else if (text == "2") client.send("3");
    else return false;
    return true;
  }
  std::optional<std::int64_t> ack_key(std::string_view text) const override {
    if (text.rfind("43", 0) != 0) return std::nullopt;
    std::int64_t key = -1;
    std::from_chars(text.data() + 2, text.data() + text.size(), key);
    return key;
  }
  bool is_tally(std::string_view text) const override { return text.rfind(R"(42["tally")", 0) == 0; }
};

}  // namespace

bool Wire::handshake(SimClient&, std::string_view, const std::function<void()>&) const { return false; }

std::unique_ptr<Wire> make_wire(const std::string& protocol) {
  if (protocol == "ws") return std::make_unique<WsWire>();
  if (protocol == "socketio") return std::make_unique<SocketIoWire>();
  return std::make_unique<PalabreWire>();
}

}  // namespace palabre::cli::loadgen
