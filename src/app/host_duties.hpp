#pragma once
// What a host's browser does by itself, from the session and the relay's clock (docs/decisions.md,
// "The room's figures reach everyone"): it publishes each activity's room figures to participants
// (results.publish), whose engines see only their own answers, and closes a quiz question when its
// time is up. Pure: tested natively (tests/app/host_duties_test.cpp).
#include <cstdint>
#include <map>
#include <vector>

#include "core/envelope.hpp"
#include "core/session.hpp"

namespace palabre::app {

// Figures of a live vote change with every vote: sent at most this often (10,000 votes in 10 s
// make 20 publications, not 10,000).
inline constexpr std::int64_t publish_every_ms = 500;

struct HostDuties {
  std::map<std::int64_t, core::ActivityFigures> sent;  // by activity: what we last published
  std::map<std::int64_t, std::int64_t> sent_at;        // by activity: when (relay clock)
  std::map<std::int64_t, int> closing;                 // quiz: the question we asked to close
  // by activity: its room figures as of `figured_at` (the session's last seq), computed once per
  // new envelope rather than on every frame drawn
  std::map<std::int64_t, core::ActivityFigures> figured;
  std::int64_t figured_at = -1;
};

struct DutiesDue {
  std::vector<core::Event> events;  // to submit now, in order
  std::int64_t next_in_ms = 0;      // call again after this long (0: nothing waits)
};

// Participants see an activity's figures when the host revealed them, a quiz's once a question
// closes, a Q&A's votes always, a challenge's winner the moment there is one.
bool published_to_participants(const core::Activity& activity);

DutiesDue host_duties(const core::Session& session, std::int64_t epoch_ms, HostDuties& duties);

}  // namespace palabre::app
