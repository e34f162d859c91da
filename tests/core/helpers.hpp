#pragma once
// Test helpers: build envelopes in one line and apply them in sequence.
#include <string>

#include "core/session.hpp"

namespace palabre::core::testing {

// Builds envelopes with increasing seq and at (one second apart), like the relay would.
struct Script {
  Session session;
  std::int64_t next_seq = 1;
  std::int64_t now = 1664960400000;  // 2022-10-05T09:00:00Z

  Envelope envelope(std::string from, Role role, Event ev, Visibility vis = Visibility::public_) {
    Envelope e{next_seq++, now, std::move(from), role, vis, std::move(ev)};
    now += 1000;
    return e;
  }
  Outcome send(std::string from, Role role, Event ev) {
    return apply(session, envelope(std::move(from), role, std::move(ev)));
  }
  Outcome host(Event ev) { return send("h1", Role::host, std::move(ev)); }
  Outcome participant(const std::string& id, Event ev) { return send(id, Role::participant, std::move(ev)); }
  Outcome join(const std::string& id, const std::string& name) { return participant(id, ParticipantJoin{name}); }
};

}  // namespace palabre::core::testing
