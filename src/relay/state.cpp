// The relay's state at start and stop: loading rooms (files) or connecting (Redis), the fsync and
// expiry timers, shutting down.
#include "relay/state.hpp"

#include <stdexcept>

#include "protocol/envelope.hpp"
#include "relay/ws_session.hpp"

namespace palabre::relay {

using namespace protocol;

void State::load() {
  if (!config.redis_url.empty()) {
    // Rooms stay in Redis and are loaded when someone joins them; the data directory is not used.
    redis = std::make_unique<RedisStore>();
    std::string error;
    if (!redis->connect(config.redis_url, error)) throw std::runtime_error(error);
    follower = std::make_unique<RedisFollower>(config.redis_url, [weak = weak_from_this()](const std::string& code,
                                                                                          std::vector<StoredEnvelope> envs) {
      if (const auto self = weak.lock())
        net::post(self->ioc, [weak, code, envs = std::move(envs)]() mutable {
          if (const auto self = weak.lock(); self && !self->stopping) self->absorb(code, std::move(envs));
        });
    });
    follower->start();
    return;
  }
  for (auto& record : load_rooms(config.data_dir, load_warnings)) {
    auto room = std::make_shared<Room>();
    room->code = record.code;
    room->created_ms = record.created_ms;
    room->roster = Roster(record.host_token_hash, record.kiosk_token_hash, record.anon_key);
    for (const auto& p : record.participants) room->roster.add_participant(p.id, p.token_hash);
    // `from` may be a pseudonym: visibility needs the real sender.
    for (auto& env : record.envelopes) env.sender = room->roster.real_sender(env.sender);
    room->envelopes = std::move(record.envelopes);
    room->next_seq = room->last_seq() + 1;
    // `at` never goes back, not even when the clock did while the relay was down.
    if (!room->envelopes.empty()) room->last_at = envelope_at(room->envelopes.back().text);
    std::string error;
    if (!room->files.open(config.data_dir, room->code, error)) {
      load_warnings.push_back(error);
      continue;
    }
    rooms[room->code] = room;
  }
}

void State::start_timers() {
  if (config.fsync == FsyncPolicy::batch && !redis) arm_sync_timer();
  if (config.room_expiry.count() > 0) arm_expiry_timer();
}

void State::arm_sync_timer() {
  sync_timer.expires_after(std::chrono::seconds(1));
  sync_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->stopping) return;
    for (auto& [code, room] : self->rooms) room->files.sync();
    self->arm_sync_timer();
  });
}

void State::arm_expiry_timer() {
  const Clock::duration period = std::min<Clock::duration>(config.room_expiry / 4 + std::chrono::seconds(1),
                                                           std::chrono::minutes(1));
  expiry_timer.expires_after(period);
  expiry_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->stopping) return;
    const auto now = Clock::now();
    std::vector<std::shared_ptr<Room>> expired;
    for (auto& [code, room] : self->rooms)
      if (room->sessions.empty() && room->pending.empty() && now - room->last_activity >= self->config.room_expiry)
        expired.push_back(room);
    for (auto& room : expired) {
      self->log({{"event", "room_expired"}, {"room", room->code}});
      // In Redis, a room idle here may be busy on another relay: only this relay forgets it.
      self->close_room(room, !self->redis);
    }
    self->arm_expiry_timer();
  });
}

}  // namespace palabre::relay
