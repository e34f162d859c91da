#pragma once
// The relay's shared state (Beast chat-multi's shared_state): its rooms, connections, metrics and
// store, and the protocol handlers that act on them. One event-loop thread, so no locks; `seq`
// order is the order of the loop. Handlers: handlers.cpp; rooms, batching, persistence and
// fan-out: rooms.cpp; loading, timers and shutdown: state.cpp.
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocol/client_frame.hpp"
#include "protocol/errors.hpp"
#include "relay/config.hpp"
#include "relay/metrics.hpp"
#include "relay/net.hpp"
#include "relay/room.hpp"
#include "relay/room_store.hpp"

namespace palabre::relay {

using nlohmann::json;
using protocol::ClientFrame;
using protocol::ErrorText;

inline std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct State : std::enable_shared_from_this<State> {
  State(net::io_context& ioc, Config config) : ioc(ioc), config(std::move(config)), expiry_timer(ioc) {}

  net::io_context& ioc;
  Config config;
  std::map<std::string, std::shared_ptr<Room>> rooms;
  std::unordered_set<WsSession*> sessions;
  Metrics metrics;
  std::uint64_t next_connection_id = 1;
  bool stopping = false;
  net::steady_timer expiry_timer;
  std::vector<std::string> load_warnings;

  // Where the rooms are kept: the data directory, or Redis with --redis (chosen in state.cpp).
  std::unique_ptr<RoomStore> store;
  // Blobs some connection is sending now, by "ROOM/HASH" (blobs.cpp): read once, held once.
  std::map<std::string, std::weak_ptr<const std::string>> blobs_being_sent;

  void load();
  void start_timers();
  void arm_expiry_timer();
  // Closes the rooms nobody is in and nothing happened in for --room-expiry (on steady_now()).
  void expire_idle_rooms();

  // One JSON line on stderr per connection event; never a token.
  void log(json line) {
    if (!config.log_connections) return;
    line["ts"] = now_ms();
    // `replace`: a log line never throws, whatever bytes a system or peer error message holds.
    const std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }

  // The clock behind `at`: the system's, or the one a test injects (Config::clock_ms).
  std::int64_t wall_ms() const { return config.clock_ms ? config.clock_ms() : now_ms(); }
  // The clock behind room expiry: steady, or the one a test injects (Config::steady_now).
  Clock::time_point steady_now() const { return config.steady_now ? config.steady_now() : Clock::now(); }

  // Protocol.
  void handle(WsSession& session, std::string_view text);
  void handle_create(WsSession& session);
  void handle_join(WsSession& session, const ClientFrame& frame);
  void handle_event(WsSession& session, ClientFrame& frame);
  void handle_sync(WsSession& session, const ClientFrame& frame);
  void handle_close(WsSession& session);
  void handle_remove(WsSession& session, ClientFrame& frame);
  void handle_renew(WsSession& session, ClientFrame& frame);
  void reject(WsSession& session, std::string_view code, std::string_view message, const std::string& cid = {});
  void reject(WsSession& session, const ErrorText& error, const std::string& cid = {}) {
    reject(session, error.code, error.message, cid);
  }
  void reject_not_joined(WsSession& session, const std::string& cid = {});

  // Rooms.
  void attach(WsSession& session, const std::shared_ptr<Room>& room, const std::string& member_id);
  void detach(WsSession& session);
  void stamp(Room& room, protocol::Stamp stamp, std::weak_ptr<WsSession> sender_session, std::string cid);
  // A re-send (this connection's member, `cid`) of an event the room has: answered with the first
  // event's `ack` (at once if stored, with the first in this tick's batch if not), true; else false.
  bool answer_resent(WsSession& session, const std::string& cid);
  void schedule_flush(const std::shared_ptr<Room>& room);
  void flush(Room& room);
  StorageStatus persist(Room& room, std::vector<Pending>& batch);
  // Refuses (`removed`) and drops the batch's events of members removed before them, in the room or
  // earlier in the batch; true if it dropped any (the rest must be numbered again).
  bool refuse_removed(Room& room, std::vector<Pending>& batch);
  // Acks with their first seq and drops the batch's re-sends of events another relay stored first
  // (read by a catch-up); true if it dropped any.
  bool ack_stored_elsewhere(Room& room, std::vector<Pending>& batch);
  // Stored and sent: into the room's history; a `member.removed` then evicts its member here.
  void commit(Room& room, StoredEnvelope envelope);
  // After a committed `member.removed`: the member's connections here are told and leave the room.
  void evict_removed(Room& room, const std::string& member_id);
  void fan_out(Room& room, const std::vector<const StoredEnvelope*>& envs);
  void drain_deferred(const std::shared_ptr<Room>& room);
  std::shared_ptr<Room> hold_room(RoomRecord record);
  std::shared_ptr<Room> room_from_store(const std::string& code);
  // The room of a (normalized) code: held here, or loaded from a shared store (a room another
  // relay created) while this relay holds fewer than max_rooms; nullptr if there is none.
  std::shared_ptr<Room> room_for(const std::string& code);
  bool catch_up(Room& room);
  void absorb(const std::string& code, std::vector<StoredEnvelope> envs);
  void send_history(WsSession& session, const std::shared_ptr<Room>& room, std::int64_t since);
  // Closes the room for its members here; the store decides what becomes of its data.
  void close_room(std::shared_ptr<Room> room, RoomEnd why = RoomEnd::closed_by_host);
  // At max_rooms: the oldest room nobody is in, nobody ever joined and the host prepared nothing
  // in, created over --evict-unjoined-after ago, is deleted so that a real host is not refused.
  void evict_an_unjoined_room();
  void stop_everything();

  std::string metrics_text() const { return relay::metrics_text(metrics, rooms.size()); }
};

}  // namespace palabre::relay
