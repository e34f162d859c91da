// Rooms: attaching connections, stamping, batching per loop tick, storage before fan-out (through
// the RoomStore, whichever it is), the fan-out by visibility class with its deferred chunks,
// history, closing, eviction.
#include "relay/state.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "protocol/envelope.hpp"
#include "protocol/frames.hpp"
#include "relay/ws_session.hpp"

namespace palabre::relay {

using namespace protocol;  // envelopes and frames: the protocol both hosts speak

void State::attach(WsSession& session, const std::shared_ptr<Room>& room, const std::string& member_id) {
  Member& member = room->roster().at(member_id);
  session.room = room;
  session.member_id = member_id;
  session.role = member.role;
  room->add_session(&session, member_id, session.sees_staff());
  room->last_activity = steady_now();
  log({{"event", "join"}, {"conn", session.id()}, {"room", room->code()}, {"member", member_id},
       {"role", role_name(member.role)}});
  if (++member.connections == 1) {
    stamp(*room, RoomState::presence(member_id, true), {}, {});
    schedule_flush(room);
  }
}

void State::detach(WsSession& session) {
  const auto room = std::move(session.room);
  session.room.reset();
  if (!room) return;
  room->remove_session(&session, session.member_id);
  room->last_activity = steady_now();
  Member* member = room->roster().find(session.member_id);
  if (member && --member->connections == 0 && rooms.count(room->code())) {
    stamp(*room, RoomState::presence(member->id, false), {}, {});
    schedule_flush(room);
  }
}


void State::stamp(Room& room, Stamp stamp, std::weak_ptr<WsSession> sender_session, std::string cid) {
  Pending p;
  p.env = room.state.stamp(stamp, wall_ms());
  p.stamp = std::move(stamp);  // kept to stamp it again if another relay takes its seq (a shared store)
  p.sender = std::move(sender_session);
  p.cid = std::move(cid);
  p.received = Clock::now();  // for the latency metric: real time, whatever clock expiry runs on
  if (!p.env.cid.empty())
    room.pending_by_cid[Room::pending_key(RoomState::cid_owner(p.env), p.env.cid)] = room.pending.size();
  room.pending.push_back(std::move(p));
  ++metrics.events_in;
}

bool State::answer_resent(WsSession& session, const std::string& cid) {
  Room& room = *session.room;
  if (!ClientIds::remembered(cid)) return false;
  if (const auto seq = room.state.stored_seq(session.member_id, cid)) {
    // Its envelope was sent before: live, or in this connection's history answer, which goes first.
    session.send_text(ack_frame(cid, *seq));
    return true;
  }
  const auto it = room.pending_by_cid.find(Room::pending_key(session.member_id, cid));
  if (it == room.pending_by_cid.end()) return false;
  room.pending[it->second].resent.push_back(session.weak_from_this());
  return true;
}

void State::schedule_flush(const std::shared_ptr<Room>& room) {
  if (room->flush_scheduled) return;
  room->flush_scheduled = true;
  // Posted behind the handlers already ready: what they stamp joins this batch (one loop tick).
  net::post(ioc, [self = shared_from_this(), room] {
    room->flush_scheduled = false;
    if (self->rooms.count(room->code())) self->flush(*room);
  });
}

namespace {
Frame shared_events(const std::vector<const std::string*>& envs) {
  return std::make_shared<const std::string>(events_frame(envs));
}

// The connections a pending envelope answers: its sender's, and those that sent it again this tick.
template <class Answer>
void each_asker(const Pending& p, Answer answer) {
  if (auto sender = p.sender.lock()) answer(*sender);
  for (const auto& again : p.resent)
    if (auto sender = again.lock()) answer(*sender);
}
}  // namespace

void State::flush(Room& room) {
  if (room.pending.empty()) return;
  std::vector<Pending> batch = std::move(room.pending);
  room.pending.clear();
  room.pending_by_cid.clear();

  // Stored before anyone sees it: an envelope a client has seen survives a crash of the relay.
  if (const auto error = persist(room, batch)) {
    if (error->kind == StorageError::Kind::closed) {  // by a host on another relay: closed here too
      if (const auto it = rooms.find(room.code()); it != rooms.end() && !room.closing)
        close_room(it->second, RoomEnd::closed_elsewhere);
      return;
    }
    log({{"event", "storage_error"}, {"room", room.code()}, {"error", error->message}});
    room.state.forget_stamped();  // nothing of this batch exists
    for (const auto& p : batch) each_asker(p, [&](WsSession& sender) { reject(sender, errors::store_event, p.cid); });
    return;
  }

  if (batch.empty()) return;  // only events of removed members, refused
  std::vector<const StoredEnvelope*> envs;
  envs.reserve(batch.size());
  for (const auto& p : batch) envs.push_back(&p.env);
  fan_out(room, envs);
  const auto sent = Clock::now();
  for (auto& p : batch) {
    each_asker(p, [&](WsSession& sender) { sender.send_text(ack_frame(p.cid, p.env.seq)); });
    metrics.observe_latency(std::chrono::duration<double>(sent - p.received).count());
    commit(room, std::move(p.env));
  }
  room.last_activity = steady_now();
}

void State::commit(Room& room, StoredEnvelope envelope) {
  auto removed = RoomState::removed_by(envelope);
  room.state.commit(std::move(envelope));
  if (removed) evict_removed(room, *removed);
}

bool State::refuse_removed(Room& room, std::vector<Pending>& batch) {
  std::vector<std::string> removed_in_batch;
  const auto before = batch.size();
  std::erase_if(batch, [&](const Pending& p) {
    if (auto who = RoomState::removed_by(p.env)) {
      removed_in_batch.push_back(*std::move(who));
      return false;
    }
    const std::string& member = p.stamp.sender;
    const bool removed = room.roster().removed(member) ||
                         std::find(removed_in_batch.begin(), removed_in_batch.end(), member) != removed_in_batch.end();
    if (!removed) return false;
    each_asker(p, [&](WsSession& sender) { reject(sender, errors::removed, p.cid); });
    return true;
  });
  return batch.size() != before;
}

bool State::ack_stored_elsewhere(Room& room, std::vector<Pending>& batch) {
  return std::erase_if(batch, [&](const Pending& p) {
           const auto seq = room.state.stored_seq(RoomState::cid_owner(p.env), p.env.cid);
           if (seq) each_asker(p, [&](WsSession& sender) { sender.send_text(ack_frame(p.cid, *seq)); });
           return seq.has_value();
         }) > 0;
}

void State::evict_removed(Room& room, const std::string& member_id) {
  const auto it = room.sessions_by_member.find(member_id);
  if (it == room.sessions_by_member.end()) return;
  const auto sessions = it->second;  // detach() edits the set
  for (WsSession* session : sessions) {
    ++metrics.rejects[std::string(errors::removed.code)];
    session->send_text(error_frame(errors::removed.code, errors::removed.message, {}));
    detach(*session);
    session->removed = true;
    log({{"event", "removed"}, {"conn", session->id()}, {"room", room.code()}, {"member", member_id}});
  }
}

// Appends the batch right after the last envelope this relay has of the room. If another relay
// appended first (a shared store), its envelopes are taken (and delivered here, in order) and the
// batch renumbered.
StorageStatus State::persist(Room& room, std::vector<Pending>& batch) {
  // A re-send another relay stored first (its envelope came in since the re-send was answered
  // `pending`) is acked, not stored again. A removal stored first (here, or by another relay found
  // below) wins over what its member sent.
  bool renumber = ack_stored_elsewhere(room, batch);
  renumber = refuse_removed(room, batch) || renumber;
  // A conflict means another relay appended first: the room moved on, so this is progress, not a
  // failure, and a relay starved of CPU may lose many times in a row (16 tries were seen to run out
  // under load, refusing an event as `unavailable`). Tries go on for a while, not a count.
  // Bounded in milliseconds of real time: this runs on the event loop, which every room shares.
  const auto give_up = Clock::now() + std::chrono::milliseconds(200);
  StorageStatus error;
  for (int attempt = 0; Clock::now() < give_up; ++attempt) {
    if (batch.empty()) {  // all refused: their seqs are given again
      room.state.forget_stamped();
      return std::nullopt;
    }
    if (renumber || room.last_seq() + 1 != batch.front().env.seq) {
      room.state.forget_stamped();
      for (auto& p : batch) p.env = room.state.stamp(p.stamp, wall_ms());
      renumber = false;
    }
    std::vector<const StoredEnvelope*> envs;
    for (auto& p : batch) envs.push_back(&p.env);
    error = store->append(room.code(), room.last_seq(), envs);
    if (!error) return std::nullopt;
    switch (error->kind) {
      case StorageError::Kind::conflict: break;
      case StorageError::Kind::unavailable: if (attempt > 0) return error; break;  // one retry after a reconnection
      default: return error;
    }
    if (!catch_up(room)) return error;
    renumber = ack_stored_elsewhere(room, batch);
    renumber = refuse_removed(room, batch) || renumber;
  }
  if (!error) error = StorageError{StorageError::Kind::unavailable, "no time left to append"};
  return error;
}

// Takes what other relays appended to the room since the last envelope this relay has.
bool State::catch_up(Room& room) {
  auto read = store->read_after(room.code(), room.last_seq());
  auto* envs = std::get_if<std::vector<StoredEnvelope>>(&read);
  if (!envs) return false;
  if (!envs->empty()) absorb(room.code(), std::move(*envs));
  return true;
}

// Envelopes another relay stored (from the follower or a catch-up): the next ones in seq order are
// delivered to this relay's members; those it already has are skipped; after a gap, it catches up.
void State::absorb(const std::string& code, std::vector<StoredEnvelope> incoming) {
  const auto it = rooms.find(code);
  if (it == rooms.end()) return;
  Room& room = *it->second;
  for (const auto& env : incoming)
    if (env.seq == StoredEnvelope::room_closed) return close_room(it->second, RoomEnd::closed_elsewhere);
  std::vector<StoredEnvelope> fresh;
  for (auto& env : incoming) {
    const std::int64_t expected = room.last_seq() + 1 + std::int64_t(fresh.size());
    if (env.seq < expected) continue;
    if (env.seq > expected) break;  // a gap: read it whole below
    env.sender = room.roster().real_sender(env.sender);
    fresh.push_back(std::move(env));
  }
  const bool gap = !incoming.empty() && incoming.back().seq > room.last_seq() + std::int64_t(fresh.size());
  if (!fresh.empty()) {
    std::vector<const StoredEnvelope*> envs;
    for (const auto& env : fresh) envs.push_back(&env);
    fan_out(room, envs);
    for (auto& env : fresh) commit(room, std::move(env));
    room.last_activity = steady_now();
  }
  if (gap) catch_up(room);
}

// A room this relay does not hold, from the store (nullptr if it has none, or cannot say).
std::shared_ptr<Room> State::room_from_store(const std::string& code) {
  auto record = store->load_room(code);
  if (!std::holds_alternative<RoomRecord>(record)) return nullptr;
  auto room = hold_room(std::get<RoomRecord>(std::move(record)));
  log({{"event", "room_loaded"}, {"room", code}});
  return room;
}

std::shared_ptr<Room> State::room_for(const std::string& code) {
  if (const auto it = rooms.find(code); it != rooms.end()) return it->second;
  return rooms.size() < config.max_rooms ? room_from_store(code) : nullptr;
}

// One frame per visibility class: everything (hosts, kiosks), public (participants), and one
// per participant who sent a staff envelope in this batch (public + their own staff).
void State::fan_out(Room& room, const std::vector<const StoredEnvelope*>& batch) {
  std::vector<const std::string*> all, public_only;
  std::map<std::string, std::vector<const std::string*>> own;
  for (const auto* e : batch) {
    all.push_back(&e->text);
    if (!e->staff) public_only.push_back(&e->text);
  }
  for (const auto* e : batch)
    if (e->staff && e->sender != "relay") own.try_emplace(e->sender);
  for (auto& [member, envs] : own)
    for (const auto* e : batch)
      if (!e->staff || e->sender == member) envs.push_back(&e->text);

  Frame all_frame, public_frame;
  std::map<std::string, Frame> own_frames;
  // Connections the previous deferred fan-out has not reached yet get the two frames merged; the
  // merge is shared by all of them (they mostly wait for the same frame), built once per frame.
  std::unordered_map<const std::string*, Frame> merges;
  constexpr std::size_t kMaxDeferredBytes = 256 * 1024;
  const bool spread = config.fanout_chunk > 0 && room.sessions.size() > config.fanout_chunk;
  // The senders' connections, by pointer: a public batch visits every connection, and a string
  // lookup of each one's member id in `own` showed in the profile at 10,000.
  std::unordered_map<WsSession*, decltype(own)::iterator> own_sessions;
  for (auto it = own.begin(); it != own.end(); ++it)
    if (const auto s = room.sessions_by_member.find(it->first); s != room.sessions_by_member.end())
      for (WsSession* session : s->second) own_sessions.emplace(session, it);
  auto deliver = [&](WsSession* session) {
    if (session->closing()) return;
    if (session->sees_staff()) {
      if (!all_frame) all_frame = shared_events(all);
      session->send(all_frame);
      metrics.envelopes_out += all.size();
    } else if (const auto found = own_sessions.find(session); found != own_sessions.end()) {
      const auto it = found->second;
      auto& frame = own_frames[it->first];
      if (!frame) frame = shared_events(it->second);
      session->send(frame);
      metrics.envelopes_out += it->second.size();
    } else if (!public_only.empty()) {
      if (!public_frame) public_frame = shared_events(public_only);
      if (spread) {
        const Frame& waiting = session->deferred();
        if (waiting && is_events_frame(*waiting) && waiting->size() < kMaxDeferredBytes) {
          Frame& merged = merges[waiting.get()];
          if (!merged) merged = merged_events(*waiting, *public_frame);
          session->replace_deferred(merged);  // still in room.deferred, at its earlier place
        } else {
          session->defer(public_frame);
          room.deferred.push_back(session);
        }
      } else {
        session->send(public_frame);
      }
      metrics.envelopes_out += public_only.size();
    }
  };
  if (!public_only.empty()) {
    for (WsSession* session : room.sessions) deliver(session);
  } else {
    for (WsSession* session : room.staff_sessions) deliver(session);
    for (const auto& [member, envs] : own)
      if (const auto it = room.sessions_by_member.find(member); it != room.sessions_by_member.end())
        for (WsSession* session : it->second)
          if (!session->sees_staff()) deliver(session);  // staff connections were served above
  }
  if (!room.deferred.empty() && !room.drain_scheduled) {
    if (const auto it = rooms.find(room.code()); it != rooms.end()) drain_deferred(it->second);
  }
}

void State::drain_deferred(const std::shared_ptr<Room>& room) {
  room->drain_scheduled = true;
  net::post(ioc, [self = shared_from_this(), room] {
    room->drain_scheduled = false;
    const std::size_t end = std::min(room->deferred.size(), room->deferred_next + self->config.fanout_chunk);
    for (; room->deferred_next < end; ++room->deferred_next) {
      WsSession* session = room->deferred[room->deferred_next];
      if (room->sessions.count(session)) session->release_deferred();
    }
    if (room->deferred_next < room->deferred.size()) return self->drain_deferred(room);
    room->deferred.clear();
    room->deferred_next = 0;
  });
}

void State::send_history(WsSession& session, const std::shared_ptr<Room>& room, std::int64_t since) {
  // Only what is on disk and already sent to others; this tick's envelopes follow in their batch.
  session.start_history(room, since);
}

void State::close_room(std::shared_ptr<Room> room, RoomEnd why) {  // by value: callers pass session.room
  if (room->closing) return;
  room->closing = true;
  flush(*room);
  // Data goes before anyone hears `closed`: a member told the room is gone must find its log gone too.
  store->end_room(room->code(), why);
  const Frame closed = std::make_shared<const std::string>(closed_frame(room->code()));
  const auto sessions = room->sessions;
  for (WsSession* session : sessions) {
    session->send(closed);
    session->room.reset();
    session->closed_room = room->code();
  }
  room->sessions.clear();
  room->sessions_by_member.clear();
  room->staff_sessions.clear();
  room->pending.clear();
  room->pending_by_cid.clear();
  rooms.erase(room->code());
  log({{"event", "room_closed"}, {"room", room->code()}});
}

void State::evict_an_unjoined_room() {
  const std::int64_t before = wall_ms() - std::chrono::duration_cast<std::chrono::milliseconds>(config.evict_unjoined_after).count();
  std::shared_ptr<Room> oldest;
  for (const auto& [code, room] : rooms) {
    const bool unjoined = room->sessions.empty() && room->roster().participants() == 0 && room->pending.empty() &&
                          std::all_of(room->state.envelopes().begin(), room->state.envelopes().end(),
                                      [](const StoredEnvelope& e) { return e.sender == "relay"; });
    if (unjoined && room->state.created_ms() <= before && (!oldest || room->state.created_ms() < oldest->state.created_ms()))
      oldest = room;
  }
  if (!oldest) return;
  log({{"event", "room_evicted"}, {"room", oldest->code()}});
  close_room(oldest, RoomEnd::idle);  // a shared store keeps it: members may have joined elsewhere
}

void State::stop_everything() {
  if (stopping) return;
  for (auto& [code, room] : rooms) flush(*room);
  stopping = true;
  if (store) store->stop();
  expiry_timer.cancel();
  const auto all = sessions;
  for (WsSession* session : all) session->abort();
}

}  // namespace palabre::relay
