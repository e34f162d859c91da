// Participant view and canonical JSON.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace palabre::core;
using palabre::core::testing::Script;

TEST(ParticipantView, GivenHiddenMessage_WhenParticipantViews_ThenItIsAbsent) {
  Script s;
  s.join("p1", "A");
  s.participant("p1", ChatPost{"visible"});
  s.participant("p1", ChatPost{"rude"});
  s.host(ChatHide{3, true});
  Session v = participant_view(s.session, "p1");
  ASSERT_EQ(v.messages.size(), 1u);
  EXPECT_EQ(v.messages[0].text, "visible");
  EXPECT_EQ(s.session.messages.size(), 2u);  // the host still has it
}

TEST(CanonicalJson, GivenSameEvents_WhenAppliedTwice_ThenIdenticalText) {
  auto run = [] {
    Script s;
    s.join("p2", "Zoé");
    s.join("p10", "Élodie");
    s.send("relay", Role::relay, Presence{"p10", true});
    s.participant("p2", ChatPost{"é à ç — ’ œ"});
    return canonical_json(s.session);
  };
  EXPECT_EQ(run(), run());
}

TEST(CanonicalJson, GivenState_WhenSerialized_ThenKeysInFixedOrder) {
  Script s;
  s.join("p1", "A");
  const std::string j = canonical_json(s.session);
  EXPECT_EQ(j.rfind(R"({"format":"palabre-state","version":1,"last_seq":1,"session":{"title":)", 0), 0u) << j;
  EXPECT_NE(j.find(R"("participants":[{"id":"p1","name":"A","joined_seq":1,)"), std::string::npos) << j;
}
