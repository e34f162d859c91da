// results.publish: the room's figures reach participants, whose engines see only their own answers;
// an engine that sees every answer refuses false figures.
#include <gtest/gtest.h>

#include "core/aggregates.hpp"
#include "core/codec.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
ActivitySpec one_question_survey() {
  ActivitySpec spec;
  spec.kind = ActivityKind::survey;
  spec.title = "Survey";
  spec.questions = {SurveyQuestion{QuestionKind::single, "Année ?", "", {"2013", "2014", "2016"}}};
  return spec;
}

// What a participant's browser gets of `full`: public envelopes and its own staff ones.
struct TwoEngines {
  Script room;          // the host's engine: every envelope
  Session phone;        // p1's engine
  TwoEngines() { phone.hears_every_answer = false; }
  Outcome send(const std::string& from, Role role, Event ev) {
    const Visibility vis = default_visibility(ev);
    Envelope e = room.envelope(from, role, std::move(ev), vis);
    Outcome o = apply(room.session, e);
    if (vis == Visibility::public_ || from == "p1") apply(phone, e);
    return o;
  }
  Outcome publish(std::int64_t id) {
    ActivityFigures f = room_figures(room.session, room.activity(id));
    f.as_of = room.session.last_seq;
    return send("h1", Role::host, ResultsPublish{id, f});
  }
};
}  // namespace

TEST(Published, GivenARevealedSurvey_WhenTheHostPublishes_ThenAParticipantShowsTheRoomsFigures) {
  TwoEngines t;
  for (const char* p : {"p1", "p2", "p3"}) t.send(p, Role::participant, ParticipantJoin{p});
  const std::int64_t id = t.room.next_seq;
  t.send("h1", Role::host, ActivityAdd{one_question_survey()});
  t.send("h1", Role::host, ActivityStart{id});
  t.send("p1", Role::participant, SurveyAnswer{id, 0, {1}, {}, 0, {}});
  t.send("p2", Role::participant, SurveyAnswer{id, 0, {1}, {}, 0, {}});
  t.send("p3", Role::participant, SurveyAnswer{id, 0, {0}, {}, 0, {}});
  // Before: the phone knows only its own answer.
  EXPECT_EQ(survey_figures(t.phone, *t.phone.find_activity(id)).questions[0].choices[1].percent, 100);
  EXPECT_EQ(shown_figures(t.phone, *t.phone.find_activity(id)).survey.questions[0].choices[1].count, 0);
  ASSERT_TRUE(t.publish(id).accepted());
  const ActivityFigures shown = shown_figures(t.phone, *t.phone.find_activity(id));
  EXPECT_EQ(shown.survey.questions[0].choices[1].percent, 67);
  EXPECT_EQ(shown.survey.questions[0].choices[1].count, 2);
  ActivityFigures host = shown_figures(t.room.session, t.room.activity(id));
  host.as_of = shown.as_of;
  EXPECT_EQ(shown, host);
}

TEST(Published, GivenFalseFigures_WhenAnEngineThatSeesEveryAnswerApplies_ThenRefusedWrongFigures) {
  Script s;
  const std::int64_t id = s.running(one_question_survey(), 2);
  s.participant("p1", SurveyAnswer{id, 0, {1}, {}, 0, {}});
  ActivityFigures f = room_figures(s.session, s.activity(id));
  f.as_of = s.session.last_seq;
  f.survey.questions[0].choices[1].count = 7;
  EXPECT_EQ(s.host(ResultsPublish{id, f}).code(), "wrong_figures");
  EXPECT_FALSE(s.activity(id).published.has_value());
}

TEST(Published, GivenAnAnswerAfterTheHostsView_WhenItsFiguresArrive_ThenAcceptedAsOfTheirSeq) {
  Script s;
  const std::int64_t id = s.running(one_question_survey(), 2);
  ActivityFigures f = room_figures(s.session, s.activity(id));
  f.as_of = s.session.last_seq;
  s.participant("p1", SurveyAnswer{id, 0, {1}, {}, 0, {}});  // crossed the publish on its way
  EXPECT_TRUE(s.host(ResultsPublish{id, f}).accepted());
  EXPECT_EQ(s.activity(id).published->as_of, f.as_of);
}

TEST(Published, GivenFiguresOfTheWrongShape_WhenPublished_ThenRefused) {
  Script s;
  const std::int64_t id = s.running(one_question_survey(), 1);
  ActivityFigures f = room_figures(s.session, s.activity(id));
  f.as_of = s.session.last_seq;
  f.survey.questions.clear();
  EXPECT_EQ(s.host(ResultsPublish{id, f}).code(), "wrong_figures");
  EXPECT_EQ(s.participant("p1", ResultsPublish{id, room_figures(s.session, s.activity(id))}).code(), "not_host");
}

TEST(Published, GivenAChallengeWon_WhenALatecomersRightAnswerArrivesFirstOnHerPhone_ThenHerPhoneShowsTheRealWinner) {
  TwoEngines t;  // p1 is the latecomer
  t.send("p1", Role::participant, ParticipantJoin{"Lina"});
  t.send("p2", Role::participant, ParticipantJoin{"Bruno"});
  const std::int64_t id = t.room.next_seq;
  t.send("h1", Role::host, ActivityAdd{challenge_spec()});
  t.send("h1", Role::host, ActivityStart{id});
  const std::int64_t winning = t.room.next_seq;
  EXPECT_TRUE(t.send("p2", Role::participant, ChallengeAttempt{id, "26/09/2022"}).accepted());
  // p1's right answer reaches the relay after p2's: the room refuses it, her phone cannot know yet.
  EXPECT_EQ(t.send("p1", Role::participant, ChallengeAttempt{id, "26/09/2022"}).code(), "challenge_won");
  const Activity& mine = *t.phone.find_activity(id);
  EXPECT_EQ(mine.winning_seq, 0);  // her engine never declares a win by itself
  ASSERT_TRUE(t.publish(id).accepted());
  EXPECT_EQ(mine.winning_seq, winning);
  EXPECT_FALSE(mine.running());
  EXPECT_EQ(shown_figures(t.phone, mine).challenge.winner, "p2");
  EXPECT_EQ(t.send("p1", Role::participant, ChallengeAttempt{id, "26/09/2022"}).code(), "challenge_won");
}

TEST(Published, GivenAnAnonymousQuiz_WhenItsPodiumIsPublished_ThenNoRowNamesAnybody) {
  Script s;
  ActivitySpec spec = quiz_spec();
  spec.anonymous = true;
  const std::int64_t id = s.running(spec, 2);
  s.participant("p1", QuizAnswer{id, 0, {1}});
  s.host(QuizClose{id});
  s.host(QuizLeaderboard{id});
  const ActivityFigures f = room_figures(s.session, s.activity(id));
  ASSERT_FALSE(f.quiz.leaderboard.empty());
  for (const auto& row : f.quiz.leaderboard) EXPECT_TRUE(row.who.empty());
}

TEST(Published, GivenFiguresOfEveryKind_WhenEncodedAndDecoded_ThenEqual) {
  Script s;
  for (ActivitySpec spec : {challenge_spec(), quiz_spec(), one_question_survey()}) {
    const std::int64_t id = s.running(spec, 2);
    ActivityFigures f = room_figures(s.session, s.activity(id));
    f.as_of = 3;
    const Event ev = ResultsPublish{id, f};
    auto back = decode_event(encode_event(ev));
    ASSERT_TRUE(back) << back.error.message();
    EXPECT_EQ(std::get<ResultsPublish>(*back.value).figures, f) << encode_event(ev);
  }
}

TEST(Published, GivenMalformedFigures_WhenDecoded_ThenAClearErrorAndNoThrow) {
  auto bad = decode_event(R"({"type":"results.publish","activity":5,"kind":"quiz","as_of":1,"quiz":{"respondents":"x"}})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error.path, "$.quiz.respondents");
  EXPECT_FALSE(decode_event(R"({"type":"results.publish","activity":5,"kind":"presentation","as_of":1})"));
  EXPECT_FALSE(decode_event(R"({"type":"results.publish","activity":5,"kind":"qna","as_of":1,"qna":{"questions":1,"answered":0,"by_votes":[],"upvotes":[[1]]}})"));
}

TEST(Published, GivenAPhoneThatHeardOfAnEventAfterTheLastFigures_WhenAskedIfTheyAreCurrent_ThenNotUntilTheNextPublication) {
  TwoEngines t;
  t.send("p1", Role::participant, ParticipantJoin{"Lina"});
  const std::int64_t id = t.room.next_seq;
  t.send("h1", Role::host, ActivityAdd{one_question_survey()});
  t.send("h1", Role::host, ActivityStart{id});
  EXPECT_TRUE(shown_figures_current(t.room.session, t.room.activity(id)));
  EXPECT_FALSE(shown_figures_current(t.phone, *t.phone.find_activity(id)));
  t.publish(id);
  EXPECT_TRUE(shown_figures_current(t.phone, *t.phone.find_activity(id)));
  t.send("h1", Role::host, ActivityReveal{id, true});  // the phone knows more than the figures
  EXPECT_FALSE(shown_figures_current(t.phone, *t.phone.find_activity(id)));
  t.publish(id);
  EXPECT_TRUE(shown_figures_current(t.phone, *t.phone.find_activity(id)));
}
