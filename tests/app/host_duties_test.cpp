// A host's browser publishes the room's figures and closes quiz questions whose time is up.
#include <gtest/gtest.h>

#include "app/host_duties.hpp"
#include "core/aggregates.hpp"

using namespace palabre;
using namespace palabre::app;

namespace {
struct Room {
  core::Session session;
  std::int64_t seq = 0, at = 1'700'000'000'000;
  core::Outcome send(const std::string& from, core::Role role, core::Event ev) {
    return core::apply(session, core::Envelope{++seq, at += 1000, from, role, core::default_visibility(ev), std::move(ev)});
  }
  std::int64_t add_running(core::ActivitySpec spec) {
    const std::int64_t id = seq + 1;
    send("h1", core::Role::host, core::ActivityAdd{std::move(spec)});
    send("h1", core::Role::host, core::ActivityStart{id});
    return id;
  }
};

core::ActivitySpec rating() {
  core::ActivitySpec spec;
  spec.kind = core::ActivityKind::rating;
  spec.title = "Note";
  return spec;
}

core::ActivitySpec quiz(int limit_s) {
  core::ActivitySpec spec;
  spec.kind = core::ActivityKind::quiz;
  spec.title = "Quiz";
  spec.quiz = {core::QuizQuestion{"Année ?", {"2013", "2014"}, {1}, limit_s}};
  return spec;
}
}  // namespace

TEST(HostDuties, GivenAnUnrevealedVote_WhenVotesArrive_ThenNothingIsPublished) {
  Room room;
  room.send("p1", core::Role::participant, core::ParticipantJoin{"Ana"});
  const std::int64_t id = room.add_running(rating());
  room.send("p1", core::Role::participant, core::RatingVote{id, 4});
  HostDuties duties;
  EXPECT_TRUE(host_duties(room.session, room.at, duties).events.empty());
}

TEST(HostDuties, GivenARevealedVote_WhenVotesPourIn_ThenFiguresGoOutAtMostTwiceASecondAndTheEngineAcceptsThem) {
  Room room;
  for (int p = 1; p <= 3; ++p) room.send("p" + std::to_string(p), core::Role::participant, core::ParticipantJoin{"P"});
  const std::int64_t id = room.add_running(rating());
  room.send("h1", core::Role::host, core::ActivityReveal{id, true});
  HostDuties duties;
  auto first = host_duties(room.session, room.at, duties);
  ASSERT_EQ(first.events.size(), 1u);
  EXPECT_TRUE(room.send("h1", core::Role::host, first.events[0]).accepted());
  room.send("p1", core::Role::participant, core::RatingVote{id, 4});
  auto soon = host_duties(room.session, duties.sent_at[id] + 100, duties);
  EXPECT_TRUE(soon.events.empty());
  EXPECT_EQ(soon.next_in_ms, publish_every_ms - 100);
  auto later = host_duties(room.session, duties.sent_at[id] + publish_every_ms, duties);
  ASSERT_EQ(later.events.size(), 1u);
  EXPECT_EQ(std::get<core::ResultsPublish>(later.events[0]).figures.rating.votes, 1);
  EXPECT_TRUE(room.send("h1", core::Role::host, later.events[0]).accepted());
  EXPECT_TRUE(host_duties(room.session, room.at + 5000, duties).events.empty());  // nothing new
}

TEST(HostDuties, GivenAQuizQuestionWhoseTimeIsUp_WhenTheHostsClockPassesTheDeadline_ThenItIsClosedOnce) {
  Room room;
  const std::int64_t id = room.add_running(quiz(10));
  const std::int64_t deadline = room.session.find_activity(id)->question_deadline[0];
  HostDuties duties;
  auto before = host_duties(room.session, deadline - 2000, duties);
  bool closes = false;
  for (const auto& ev : before.events) closes = closes || std::holds_alternative<core::QuizClose>(ev);
  EXPECT_FALSE(closes);
  EXPECT_GT(before.next_in_ms, 2000);
  auto after = host_duties(room.session, deadline + 400, duties);
  ASSERT_FALSE(after.events.empty());
  EXPECT_TRUE(std::holds_alternative<core::QuizClose>(after.events[0]));
  for (const auto& ev : host_duties(room.session, deadline + 900, duties).events) EXPECT_FALSE(std::holds_alternative<core::QuizClose>(ev));
}

TEST(HostDuties, GivenAWonChallenge_WhenTheHostSeesIt_ThenTheWinIsPublishedAtOnce) {
  Room room;
  room.send("p1", core::Role::participant, core::ParticipantJoin{"Ana"});
  core::ActivitySpec spec;
  spec.kind = core::ActivityKind::challenge;
  spec.title = "Date ?";
  spec.answers = {"26/09/2022"};
  const std::int64_t id = room.add_running(spec);
  HostDuties duties;
  EXPECT_TRUE(host_duties(room.session, room.at, duties).events.empty());
  room.send("p1", core::Role::participant, core::ChallengeAttempt{id, "26/09/2022"});
  auto due = host_duties(room.session, room.at, duties);
  ASSERT_EQ(due.events.size(), 1u);
  EXPECT_TRUE(std::get<core::ResultsPublish>(due.events[0]).figures.challenge.won);
}

TEST(HostDuties, GivenPublishedFigures_WhenTheHostRevealsWithoutAnyFigureMoving_ThenTheyArePublishedAgainAtOnceSoPhonesShowThem) {
  Room room;
  room.send("p1", core::Role::participant, core::ParticipantJoin{"Ana"});
  const std::int64_t id = room.add_running(rating());
  room.send("h1", core::Role::host, core::ActivityReveal{id, true});
  HostDuties duties;
  auto first = host_duties(room.session, room.at, duties);
  ASSERT_EQ(first.events.size(), 1u);
  room.send("h1", core::Role::host, first.events[0]);
  room.send("h1", core::Role::host, core::ActivityStop{id});  // names the activity, moves no figure
  auto again = host_duties(room.session, duties.sent_at[id] + 1, duties);
  ASSERT_EQ(again.events.size(), 1u);
  room.send("h1", core::Role::host, again.events[0]);
  EXPECT_TRUE(core::shown_figures_current(room.session, *room.session.find_activity(id)) );
  EXPECT_GE(room.session.find_activity(id)->published->as_of, room.session.find_activity(id)->figures_seq);
  EXPECT_TRUE(host_duties(room.session, room.at + 5000, duties).events.empty());
}
