#pragma once
// Synthetic sessions for measuring the engine: a room of N participants and a running activity,
// then a stream of votes, ideas (with likes) or chat messages, or a mixed log of any length.
// Deterministic (no randomness), shared by the Google Benchmark program and core_speed (native
// and WebAssembly), so that both measure the same work.
#include <string>
#include <vector>

#include "core/log.hpp"
#include "core/session.hpp"

namespace palabre::bench {
using namespace palabre::core;

struct Workload {
  Session base;                  // participants joined, activity started
  std::vector<Envelope> events;  // to apply on a copy of base
};

inline std::string member(int i) { return "p" + std::to_string(i + 3); }

// A session with `people` participants and one running activity of `spec`; returns its id.
inline std::int64_t setup(Session& s, std::int64_t& seq, std::int64_t& at, int people, ActivitySpec spec) {
  auto push = [&](std::string from, Role role, Event ev) {
    apply(s, Envelope{++seq, at += 7, std::move(from), role, Visibility::public_, std::move(ev)});
  };
  for (int i = 0; i < people; ++i) push(member(i), Role::participant, ParticipantJoin{"Participant " + std::to_string(i)});
  const std::int64_t id = seq + 1;
  push("h1", Role::host, ActivityAdd{std::move(spec)});
  push("h1", Role::host, ActivityStart{id});
  return id;
}

inline ActivitySpec vote_spec() { ActivitySpec a; a.kind = ActivityKind::rating; a.title = "Votre avis ?"; return a; }
inline ActivitySpec idea_spec() {
  ActivitySpec a;
  a.kind = ActivityKind::brainstorm;
  a.title = "Un mot ?";
  a.categories = {"Communauté", "Ressources", "Réseau"};
  return a;
}

// Votes: everyone votes, then changes their vote (one vote per person is kept).
inline Workload votes(int count, int people = 10000) {
  Workload w;
  std::int64_t seq = 0, at = 1664960400000;
  const std::int64_t id = setup(w.base, seq, at, people, vote_spec());
  for (int i = 0; i < count; ++i)
    w.events.push_back(Envelope{++seq, at += 3, member(i % people), Role::participant, Visibility::staff, RatingVote{id, 1 + (i * 7) % 5}});
  return w;
}

// Ideas: each event posts a new idea (two in three) or likes a recent one (one in three).
inline Workload ideas(int count, int people = 10000) {
  Workload w;
  std::int64_t seq = 0, at = 1664960400000;
  const std::int64_t id = setup(w.base, seq, at, people, idea_spec());
  std::int64_t last_idea = 0;
  for (int i = 0; i < count; ++i) {
    ++seq;
    if (i % 3 == 2 && last_idea) {
      w.events.push_back(Envelope{seq, at += 3, member((i * 13) % people), Role::participant, Visibility::staff, IdeaLike{id, last_idea, true}});
    } else {
      w.events.push_back(Envelope{seq, at += 3, member(i % people), Role::participant, Visibility::public_,
                                  IdeaPost{id, "Idée numéro " + std::to_string(i), i % 3, 0, 0, ""}});
      last_idea = seq;
    }
  }
  return w;
}

// Chat: messages from everyone in turn.
inline Workload chat(int count, int people = 10000) {
  Workload w;
  std::int64_t seq = 0, at = 1664960400000;
  setup(w.base, seq, at, people, vote_spec());
  for (int i = 0; i < count; ++i)
    w.events.push_back(Envelope{++seq, at += 3, member(i % people), Role::participant, Visibility::public_,
                                ChatPost{"Merci pour ce café, message " + std::to_string(i)}});
  return w;
}

// A complete log text of `count` envelopes: joins, a vote, a brainstorm, chat, in a mixed stream.
inline std::string mixed_log(int count, int people = 10000) {
  std::string text = encode_log_header({"BENCH1", 1664960400000, 1}) + "\n";
  std::int64_t seq = 0, at = 1664960400000;
  auto line = [&](std::string from, Role role, Visibility vis, Event ev) {
    text += encode_envelope(Envelope{++seq, at += 3, std::move(from), role, vis, std::move(ev)});
    text += '\n';
  };
  for (int i = 0; i < people && seq < count; ++i) line(member(i), Role::participant, Visibility::public_, ParticipantJoin{"Participant " + std::to_string(i)});
  const std::int64_t vote = seq + 1;
  line("h1", Role::host, Visibility::public_, ActivityAdd{vote_spec()});
  line("h1", Role::host, Visibility::public_, ActivityStart{vote});
  const std::int64_t storm = seq + 1;
  line("h1", Role::host, Visibility::public_, ActivityAdd{idea_spec()});
  line("h1", Role::host, Visibility::public_, ActivityStart{storm});
  std::int64_t last_idea = 0;
  for (int i = 0; seq < count; ++i) {
    const std::string who = member(i % people);
    switch (i % 4) {
      case 0: line(who, Role::participant, Visibility::staff, RatingVote{vote, 1 + i % 5}); break;
      case 1: last_idea = seq + 1; line(who, Role::participant, Visibility::public_, IdeaPost{storm, "Idée " + std::to_string(i), i % 3, 0, 0, ""}); break;
      case 2: line(member((i * 13) % people), Role::participant, Visibility::staff, IdeaLike{storm, last_idea, true}); break;
      default: line(who, Role::participant, Visibility::public_, ChatPost{"Message " + std::to_string(i)}); break;
    }
  }
  return text;
}

}  // namespace palabre::bench
