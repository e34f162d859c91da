// activity.move: the host reorders the session's activities; ids, records and the current
// activity stay; a bad move changes nothing.
#include <gtest/gtest.h>

#include "core/codec.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
std::vector<std::int64_t> order(const Session& s) {
  std::vector<std::int64_t> ids;
  for (const Activity& a : s.activities) ids.push_back(a.id);
  return ids;
}
struct ThreeActivities {
  Script s;
  std::int64_t a = s.add(rating_spec());
  std::int64_t b = s.add(challenge_spec());
  std::int64_t c = s.add(quiz_spec());
};
}  // namespace

TEST(ActivityMove, GivenThreeActivities_WhenLastMovedToFirst_ThenOthersShiftDownInOrder) {
  ThreeActivities t;
  EXPECT_TRUE(t.s.host(ActivityMove{t.c, 0}).accepted());
  EXPECT_EQ(order(t.s.session), (std::vector<std::int64_t>{t.c, t.a, t.b}));
}

TEST(ActivityMove, GivenThreeActivities_WhenFirstMovedToLast_ThenOthersShiftUpInOrder) {
  ThreeActivities t;
  EXPECT_TRUE(t.s.host(ActivityMove{t.a, 2}).accepted());
  EXPECT_EQ(order(t.s.session), (std::vector<std::int64_t>{t.b, t.c, t.a}));
}

TEST(ActivityMove, GivenMovedActivities_WhenLookedUpById_ThenEachIsFoundWithItsContent) {
  ThreeActivities t;
  t.s.host(ActivityMove{t.c, 0});
  t.s.host(ActivityMove{t.a, 2});
  ASSERT_NE(t.s.session.find_activity(t.a), nullptr);
  EXPECT_EQ(t.s.activity(t.a).spec.kind, ActivityKind::rating);
  EXPECT_EQ(t.s.activity(t.b).spec.kind, ActivityKind::challenge);
  EXPECT_EQ(t.s.activity(t.c).spec.kind, ActivityKind::quiz);
  EXPECT_TRUE(t.s.host(ActivityEdit{t.b, challenge_spec({"1"})}).accepted());  // later events still find it
  EXPECT_EQ(t.s.activity(t.b).spec.answers, std::vector<std::string>{"1"});
}

TEST(ActivityMove, GivenRunningActivityWithAnswers_WhenMoved_ThenItsRecordsAndCurrentStay) {
  Script s;
  const std::int64_t first = s.add(challenge_spec());
  const std::int64_t voted = s.running(rating_spec());
  s.participant("p1", RatingVote{voted, 4});
  EXPECT_TRUE(s.host(ActivityMove{voted, 0}).accepted());
  EXPECT_EQ(order(s.session), (std::vector<std::int64_t>{voted, first}));
  EXPECT_EQ(s.session.current_activity, voted);
  EXPECT_EQ(s.activity(voted).votes.size(), 1u);
  EXPECT_TRUE(s.participant("p2", RatingVote{voted, 5}).accepted());
}

TEST(ActivityMove, GivenPositionOutOfRangeOrUnchanged_WhenMoved_ThenRejectedAndNothingChanges) {
  ThreeActivities t;
  const std::string before = canonical_json(t.s.session);
  EXPECT_EQ(t.s.host(ActivityMove{t.a, 3}).code(), "bad_position");
  EXPECT_EQ(t.s.host(ActivityMove{t.a, -1}).code(), "bad_position");
  EXPECT_EQ(t.s.host(ActivityMove{t.b, 1}).code(), "no_change");
  EXPECT_EQ(t.s.host(ActivityMove{99, 0}).code(), "unknown_activity");
  EXPECT_EQ(canonical_json(t.s.session), before);
}

TEST(ActivityMove, GivenParticipantOrKiosk_WhenMoving_ThenRejected) {
  ThreeActivities t;
  t.s.join("p1", "A");
  EXPECT_EQ(t.s.participant("p1", ActivityMove{t.c, 0}).code(), "not_host");
  EXPECT_EQ(t.s.send("k2", Role::kiosk, ActivityMove{t.c, 0}).code(), "kiosk_read_only");
  EXPECT_EQ(order(t.s.session), (std::vector<std::int64_t>{t.a, t.b, t.c}));
}

TEST(ActivityMove, GivenWireText_WhenDecoded_ThenIdAndTargetPosition) {
  auto ev = decode_event(R"({"type":"activity.move","id":7,"to":2})");
  ASSERT_TRUE(ev);
  const auto* move = std::get_if<ActivityMove>(&*ev.value);
  ASSERT_NE(move, nullptr);
  EXPECT_EQ(move->id, 7);
  EXPECT_EQ(move->to, 2);
  EXPECT_EQ(default_visibility(*ev.value), Visibility::public_);
}
