// Every event type survives encode → decode → encode unchanged, and its wire name is stable.
#include <gtest/gtest.h>

#include "core/codec.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
ActivityFigures published_rating() {
  ActivityFigures f;
  f.kind = ActivityKind::rating;
  f.as_of = 41;
  f.rating = RatingFigures{3, 5, 43, {0, 0, 1, 0, 2}};
  return f;
}
}  // namespace

TEST(CodecEvents, GivenOneOfEachEvent_WhenRoundTripped_ThenSameText) {
  SessionConfigure c;
  c.title = "Café";
  c.timezone = "Europe/Paris";
  c.screen_join = false;
  c.chat_moderated = true;
  c.blocked_words = std::vector<std::string>{"zut", "flûte"};
  const std::vector<Event> events = {
      ParticipantJoin{"Gaëlle"}, ParticipantRename{"G."}, ChatPost{"Merci"}, ChatHide{3, true}, ChatApprove{3}, c, Presence{"p3", true},
      MemberRemoved{"p3"}, JoinRenewed{"K7MP4Q"}, ParticipantRemove{"p3", true}, SessionRekey{2, R"({"pub":"B","to":{}})"},
      ActivityAdd{survey_spec()}, ActivityAdd{quiz_spec()}, ActivityAdd{presentation_spec()}, ActivityAdd{challenge_spec()},
      ActivityAdd{ideas_spec(ActivityKind::board, 3, true)}, ActivityEdit{4, rating_spec(7)}, ActivityRemove{4}, ActivityMove{4, 1},
      ActivityStart{4}, ActivityStop{4}, ActivityReopen{4}, ActivityReveal{4, false}, ItemHide{4, 9, true},
      IdeaApprove{4, 9}, ItemApprove{4, 9}, BoardLock{4, true}, QuizNext{4}, QuizClose{4}, QuizExtend{4, 15}, QuizLeaderboard{4, true},
      ResultsPublish{4, published_rating()}, QnaMark{4, 9, true}, PresentationGoto{4, 2}, ActivityNotes{4, {"Note", ""}}, SurveyShow{4, -1},
      ChallengeAttempt{4, "26/09/2022"}, QuizAnswer{4, 1, {0, 2}}, SurveyAnswer{4, 0, {1}, "", 0, ""},
      SurveyAnswer{4, 4, {}, "", 4, "top"}, IdeaPost{4, "Envie", 1, 300, 400, "pink"}, IdeaEdit{4, 9, "Envies", 2},
      IdeaDelete{4, 9}, IdeaMove{4, 9, 10, 20, 0}, IdeaLike{4, 9, false}, IdeaDot{4, 9, -1}, RatingVote{4, 5},
      QnaAsk{4, "Quand ?"}, QnaUpvote{4, 9, true}};
  std::set<std::string> names;
  for (const Event& e : events) {
    const std::string text = encode_event(e);
    auto back = decode_event(text);
    ASSERT_TRUE(back) << text << " → " << back.error.message();
    EXPECT_EQ(encode_event(*back.value), text);
    EXPECT_EQ(back.value->index(), e.index());
    names.insert(std::string(event_type(e)));
  }
  EXPECT_EQ(names.size(), std::variant_size_v<Event>);  // every alternative covered, names distinct
}

TEST(CodecEvents, GivenAnswersAndVotes_WhenSentByAClient_ThenStaffVisibility) {
  EXPECT_EQ(default_visibility(RatingVote{1, 4}), Visibility::staff);
  EXPECT_EQ(default_visibility(SurveyAnswer{}), Visibility::staff);
  EXPECT_EQ(default_visibility(IdeaLike{}), Visibility::staff);
  EXPECT_EQ(default_visibility(IdeaPost{}), Visibility::public_);
  EXPECT_EQ(default_visibility(ChatPost{}), Visibility::public_);
}

TEST(CodecEvents, GivenActivityWithBadNestedField_WhenDecoded_ThenPathGoesInside) {
  auto d = decode_event(R"({"type":"activity.add","activity":{"kind":"survey","title":"S","questions":[{"kind":"single","text":"Q","choices":[1]}]}})");
  EXPECT_FALSE(d);
  EXPECT_EQ(d.error.path, "$.activity.questions[0].choices[0]");
}
