// Moderation before display and blocked words (issue 19): what a participant writes in a moderated
// activity or chat, or with a word of the session's list, waits for the host; only its author and
// the staff see it until then, and the figures leave it out.
#include <gtest/gtest.h>

#include "core/aggregates.hpp"
#include "core/session.hpp"
#include "core/text.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
struct Room {
  Session s;
  std::int64_t seq = 0;
  Outcome send(const std::string& from, Event ev) {
    Envelope env;
    env.seq = ++seq;
    env.at = 1000 * seq;
    env.from = from;
    env.role = from[0] == 'h' ? Role::host : Role::participant;
    env.ev = std::move(ev);
    return apply(s, env);
  }
  std::int64_t add(ActivitySpec spec) {
    EXPECT_TRUE(send("h1", ActivityAdd{std::move(spec)}).accepted());
    const std::int64_t id = seq;
    EXPECT_TRUE(send("h1", ActivityStart{id}).accepted());
    return id;
  }
  Room() {
    send("p2", ParticipantJoin{"Zoé"});
    send("p3", ParticipantJoin{"Bảo"});
  }
};

ActivitySpec qna(bool controlled) {
  ActivitySpec spec;
  spec.kind = ActivityKind::qna;
  spec.title = "Vos questions";
  spec.controlled = controlled;
  return spec;
}
}  // namespace

TEST(BlockedWords, GivenAList_WhenATextHasOneOfItsWordsInAnyCaseOrAccent_ThenItMatchesAndIsMasked) {
  const auto list = blocked_word_list({"Merde", "connard", " "});
  EXPECT_EQ(list, (std::vector<std::string>{"connard", "merde"}));
  EXPECT_TRUE(has_blocked_word("Oh MERDE !", list));
  EXPECT_TRUE(has_blocked_word("quel connard…", list));
  EXPECT_TRUE(has_blocked_word("l’connard", list));  // the typographic apostrophe splits words
  EXPECT_FALSE(has_blocked_word("emmerdement garanti", list));  // whole words only
  EXPECT_FALSE(has_blocked_word("Rentrée intense 🙂", list));
  EXPECT_EQ(mask_blocked_words("Oh MERDE ! quel connard", list), "Oh ••• ! quel •••");
  EXPECT_EQ(mask_blocked_words("Rien à masquer", list), "Rien à masquer");
}

TEST(Moderation, GivenAControlledQna_WhenAParticipantAsks_ThenOnlyTheAuthorSeesItUntilTheHostApproves) {
  Room r;
  const auto id = r.add(qna(true));
  ASSERT_TRUE(r.send("p2", QnaAsk{id, "Quand sort l’étude ?"}).accepted());
  const std::int64_t q = r.seq;
  EXPECT_FALSE(r.s.find_activity(id)->questions.at(q).approved);
  EXPECT_EQ(room_figures(r.s, *r.s.find_activity(id)).qna.questions, 0);
  EXPECT_EQ(participant_view(r.s, "p2").find_activity(id)->questions.count(q), 1u);
  EXPECT_EQ(participant_view(r.s, "p3").find_activity(id)->questions.count(q), 0u);
  EXPECT_EQ(r.send("p3", ItemApprove{id, q}).reason, Reason::not_host);
  ASSERT_TRUE(r.send("h1", ItemApprove{id, q}).accepted());
  EXPECT_EQ(r.send("h1", ItemApprove{id, q}).reason, Reason::no_change);
  EXPECT_EQ(room_figures(r.s, *r.s.find_activity(id)).qna.questions, 1);
  EXPECT_EQ(participant_view(r.s, "p3").find_activity(id)->questions.count(q), 1u);
}

TEST(Moderation, GivenAModeratedChat_WhenAParticipantPosts_ThenTheMessageWaitsForTheHost) {
  Room r;
  SessionConfigure c;
  c.chat_moderated = true;
  ASSERT_TRUE(r.send("h1", c).accepted());
  ASSERT_TRUE(r.send("p2", ChatPost{"Bonjour à tous"}).accepted());
  const std::int64_t m = r.seq;
  EXPECT_FALSE(r.s.messages.back().approved);
  EXPECT_EQ(participant_view(r.s, "p3").messages.size(), 0u);
  EXPECT_EQ(participant_view(r.s, "p2").messages.size(), 1u);
  EXPECT_EQ(r.send("p2", ChatApprove{m}).reason, Reason::not_host);
  ASSERT_TRUE(r.send("h1", ChatApprove{m}).accepted());
  EXPECT_EQ(participant_view(r.s, "p3").messages.size(), 1u);
}

TEST(Moderation, GivenBlockedWords_WhenAnIdeaOrMessageHasOne_ThenItIsHeldEvenWithoutModeration) {
  Room r;
  SessionConfigure c;
  c.blocked_words = std::vector<std::string>{"merde"};
  ASSERT_TRUE(r.send("h1", c).accepted());
  const auto id = r.add(ideas_spec(ActivityKind::brainstorm, 0, false));
  ASSERT_TRUE(r.send("p2", IdeaPost{id, "Merde alors"}).accepted());
  const std::int64_t held = r.seq;
  ASSERT_TRUE(r.send("p3", IdeaPost{id, "Élan"}).accepted());
  EXPECT_FALSE(r.s.find_activity(id)->ideas.at(held).approved);
  EXPECT_TRUE(r.s.find_activity(id)->ideas.at(r.seq).approved);
  EXPECT_EQ(room_figures(r.s, *r.s.find_activity(id)).ideas.ideas, 1);
  ASSERT_TRUE(r.send("h1", ItemApprove{id, held}).accepted());  // the host decides: never dropped
  EXPECT_EQ(room_figures(r.s, *r.s.find_activity(id)).ideas.ideas, 2);
  ASSERT_TRUE(r.send("p3", ChatPost{"Oh merde"}).accepted());
  EXPECT_FALSE(r.s.messages.back().approved);
  ASSERT_TRUE(r.send("p3", ChatPost{"Merci"}).accepted());
  EXPECT_TRUE(r.s.messages.back().approved);
}

TEST(AccessibleQuiz, GivenTheOption_WhenARightAnswerComesLate_ThenItGetsAllThePointsAndTheQuestionTwiceTheTime) {
  Room r;
  ActivitySpec spec = quiz_spec();
  spec.accessible = true;
  const auto id = r.add(spec);
  const Activity& a = *r.s.find_activity(id);
  const std::int64_t shown = a.question_shown_at[0];
  EXPECT_EQ(a.question_deadline[0] - shown, std::int64_t(spec.quiz[0].limit_s) * 2000);
  // Answered near the end of the doubled time: no speed points, the full 1000.
  r.seq += std::int64_t(spec.quiz[0].limit_s) * 2 - 2;  // the next envelope's `at` is 1 s apart per seq
  ASSERT_TRUE(r.send("p2", QuizAnswer{id, 0, spec.quiz[0].correct}).accepted());
  EXPECT_EQ(a.quiz_answers[0].at("p2").points, 1000);
}
