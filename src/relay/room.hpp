#pragma once
// One room as the relay holds it: its protocol state (src/protocol's RoomState: members, log in
// memory, stamping), this tick's stamped envelopes and its connections (by member, and the staff's
// alone). Its data is the store's (room_store.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "protocol/room_state.hpp"
#include "relay/net.hpp"

namespace palabre::relay {

class WsSession;
using protocol::Member;
using protocol::Role;
using protocol::Roster;
using protocol::StoredEnvelope;

// An envelope stamped this tick, not yet on disk nor sent.
struct Pending {
  StoredEnvelope env;
  // What the envelope is made of, so it can be stamped again when another relay took its seq (a
  // shared store: RoomStore::append answers `conflict`).
  protocol::Stamp stamp;
  std::weak_ptr<WsSession> sender;  // to ack; empty for the relay's own envelopes
  std::string cid;                  // the client's cid as JSON text; empty if none
  std::vector<std::weak_ptr<WsSession>> resent;  // sent again this tick: acked with this one
  Clock::time_point received;
};

struct Room {
  protocol::RoomState state;     // members and envelopes on disk and sent, in seq order
  std::vector<Pending> pending;  // this tick's
  // This tick's envelopes by the client id they carry (pending_key): a re-send waits for their ack.
  std::unordered_map<std::string, std::size_t> pending_by_cid;
  std::unordered_set<WsSession*> sessions;
  // The same connections by member, and the hosts' and kiosks' alone: a batch without public
  // envelopes (votes, presence) then touches only the connections that receive something.
  std::unordered_map<std::string, std::unordered_set<WsSession*>> sessions_by_member;
  std::unordered_set<WsSession*> staff_sessions;
  bool flush_scheduled = false;
  bool closing = false;
  // Participants whose public frame is deferred (WsSession::defer), served a chunk per loop turn so
  // that a 10,000-way fan-out does not hold up the votes arriving meanwhile. Pointers are checked
  // against `sessions` before use: a connection gone since is skipped.
  std::vector<WsSession*> deferred;
  std::size_t deferred_next = 0;
  bool drain_scheduled = false;
  Clock::time_point last_activity;  // on State::steady_now(): behind room expiry

  static std::string pending_key(const std::string& member, const std::string& cid) { return member + ' ' + cid; }

  const std::string& code() const { return state.code(); }
  Roster& roster() { return state.roster(); }
  const Roster& roster() const { return state.roster(); }
  std::int64_t last_seq() const { return state.last_seq(); }

  void add_session(WsSession* session, const std::string& member_id, bool staff) {
    sessions.insert(session);
    sessions_by_member[member_id].insert(session);
    if (staff) staff_sessions.insert(session);
  }
  void remove_session(WsSession* session, const std::string& member_id) {
    sessions.erase(session);
    staff_sessions.erase(session);
    if (const auto it = sessions_by_member.find(member_id); it != sessions_by_member.end()) {
      it->second.erase(session);
      if (it->second.empty()) sessions_by_member.erase(it);
    }
  }
};

}  // namespace palabre::relay
