// The relay's state at start and stop: choosing the store (files or Redis), holding the rooms it
// has at start, the expiry timer, shutting down.
#include "relay/state.hpp"

#include <map>
#include <stdexcept>

#include "protocol/envelope.hpp"
#include "protocol/room_state.hpp"
#include "relay/file_room_store.hpp"
#include "relay/redis_room_store.hpp"
#include "relay/ws_session.hpp"

namespace palabre::relay {

using namespace protocol;

namespace {
// The one place that knows there are two stores.
std::unique_ptr<RoomStore> make_store(State& state) {
  if (state.config.redis_url.empty())
    return std::make_unique<FileRoomStore>(state.config.data_dir, state.config.fsync);
  // What other relays append reaches the loop thread as a posted absorb().
  auto absorb_on_loop = [weak = state.weak_from_this()](const std::string& code, std::vector<StoredEnvelope> envs) {
    if (const auto self = weak.lock())
      net::post(self->ioc, [weak, code, envs = std::move(envs)]() mutable {
        if (const auto self = weak.lock(); self && !self->stopping) self->absorb(code, std::move(envs));
      });
  };
  return std::make_unique<RedisRoomStore>(state.config.redis_url, std::move(absorb_on_loop));
}
}  // namespace

void State::load() {
  store = make_store(*this);
  if (auto error = store->start()) throw std::runtime_error(error->message);
  for (auto& record : store->rooms_at_start(load_warnings)) {
    // Members the log still shows online were connected when this relay last stopped without
    // saying goodbye (a crash, a power cut): nobody is connected now, so they are recorded gone.
    std::map<std::string, bool> online;
    for (const auto& env : record.envelopes)
      if (auto p = protocol::RoomState::presence_in(env)) online[p->who] = p->online;
    const auto room = hold_room(std::move(record));
    for (const auto& [who, on] : online)
      if (on) stamp(*room, protocol::RoomState::presence(who, false), {}, {});
    flush(*room);
  }
}

// A room of the store, held by this relay from now on.
std::shared_ptr<Room> State::hold_room(RoomRecord record) {
  auto room = std::make_shared<Room>();
  room->state = RoomState(record.code, record.created_ms, Roster(record.host_token_hash, record.kiosk_token_hash, record.anon_key));
  for (const auto& p : record.participants) room->roster().add_participant(p.id, p.token_hash);
  // `from` may be a pseudonym: visibility needs the real sender. Committed in order, each `at`
  // raises the room's: it never goes back, not even when the clock did while the relay was down.
  for (auto& env : record.envelopes) {
    env.sender = room->roster().real_sender(env.sender);
    room->state.commit(std::move(env));
  }
  room->last_activity = steady_now();
  rooms[room->code()] = room;
  return room;
}

void State::start_timers() {
  if (config.room_expiry.count() > 0) arm_expiry_timer();
}

void State::arm_expiry_timer() {
  Clock::duration period = config.expiry_check_every;
  if (period <= Clock::duration::zero())
    period = std::min<Clock::duration>(config.room_expiry / 4 + std::chrono::seconds(1), std::chrono::minutes(1));
  expiry_timer.expires_after(period);
  expiry_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->stopping) return;
    self->expire_idle_rooms();
    self->arm_expiry_timer();
  });
}

void State::expire_idle_rooms() {
  const auto now = steady_now();
  std::vector<std::shared_ptr<Room>> expired;
  for (auto& [code, room] : rooms)
    if (room->sessions.empty() && room->pending.empty() && now - room->last_activity >= config.room_expiry)
      expired.push_back(room);
  for (auto& room : expired) {
    log({{"event", "room_expired"}, {"room", room->code()}});
    close_room(room, RoomEnd::idle);
  }
}

}  // namespace palabre::relay
