// The survey question on the kiosk: the host chooses it (survey.show), or asks for an automatic
// cycle that skips questions without answers; the log alone says which question shows when.
#include <gtest/gtest.h>

#include "core/aggregates.hpp"
#include "core/codec.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
SurveyAnswer choose(std::int64_t id, int q, std::vector<int> c) { return SurveyAnswer{id, q, std::move(c), "", 0, ""}; }

int on_screen(const Script& s, std::int64_t id, std::int64_t now_ms) {
  const Activity& a = s.activity(id);
  return survey_question_on_screen(a, survey_figures(s.session, a), now_ms);
}
}  // namespace

TEST(SurveyShow, GivenANewSurvey_WhenNothingChosen_ThenTheFirstQuestionShows) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(on_screen(s, id, s.now + 60000), 0);
}

TEST(SurveyShow, GivenARunningSurvey_WhenTheHostShowsQuestion3_ThenItStaysOnScreen) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_TRUE(s.host(SurveyShow{id, 3}).accepted());
  EXPECT_EQ(s.activity(id).survey_shown, 3);
  EXPECT_EQ(on_screen(s, id, s.now + 600000), 3);
}

TEST(SurveyShow, GivenAStoppedSurvey_WhenTheHostShowsAQuestion_ThenAccepted) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  s.host(ActivityStop{id});
  EXPECT_TRUE(s.host(SurveyShow{id, 1}).accepted());
}

TEST(SurveyShow, GivenAParticipantOrAKiosk_WhenTheyChooseTheQuestion_ThenRejected) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.participant("p1", SurveyShow{id, 2}).code(), "not_host");
  EXPECT_EQ(s.send("k2", Role::kiosk, SurveyShow{id, 2}).code(), "kiosk_read_only");
  EXPECT_EQ(s.activity(id).survey_shown, 0);
}

TEST(SurveyShow, GivenAQuestionOutOfRange_WhenShown_ThenRejectedUnknownQuestion) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.host(SurveyShow{id, 5}).code(), "unknown_question");
  EXPECT_EQ(s.host(SurveyShow{id, -2}).code(), "unknown_question");
}

TEST(SurveyShow, GivenAnotherKind_WhenShown_ThenRejectedWrongKind) {
  Script s;
  const std::int64_t id = s.running(rating_spec(5), 1);
  EXPECT_EQ(s.host(SurveyShow{id, 0}).code(), "wrong_kind");
}

TEST(SurveyShow, GivenTheQuestionAlreadyShown_WhenShownAgain_ThenNoChange) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.host(SurveyShow{id, 0}).code(), "no_change");
  EXPECT_TRUE(s.host(SurveyShow{id, -1}).accepted());
  EXPECT_EQ(s.host(SurveyShow{id, -1}).code(), "no_change");
}

TEST(SurveyShow, GivenTheAutomaticCycle_WhenSomeQuestionsHaveNoAnswers_ThenOnlyAnsweredOnesTakeTurns) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 2);
  s.participant("p1", choose(id, 1, {0}));
  s.participant("p2", SurveyAnswer{id, 4, {}, "", 4, ""});
  s.host(SurveyShow{id, -1});
  const std::int64_t from = s.activity(id).survey_shown_at;
  EXPECT_EQ(on_screen(s, id, from), 1);
  EXPECT_EQ(on_screen(s, id, from + survey_cycle_ms - 1), 1);
  EXPECT_EQ(on_screen(s, id, from + survey_cycle_ms), 4);
  EXPECT_EQ(on_screen(s, id, from + 2 * survey_cycle_ms), 1);  // questions 0, 2 and 3 never show
}

TEST(SurveyShow, GivenTheAutomaticCycle_WhenAScreenAsksForItsNextFrame_ThenAtTheNextTurnOnly) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(survey_next_turn_in_ms(s.activity(id), s.now), 0);  // a chosen question never moves
  s.host(SurveyShow{id, -1});
  const std::int64_t from = s.activity(id).survey_shown_at;
  EXPECT_EQ(survey_next_turn_in_ms(s.activity(id), from + 2500), survey_cycle_ms - 2500);
  EXPECT_EQ(survey_next_turn_in_ms(s.activity(id), from + survey_cycle_ms), survey_cycle_ms);
}

TEST(SurveyShow, GivenTheAutomaticCycle_WhenNoQuestionHasAnswers_ThenTheFirstShows) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  s.host(SurveyShow{id, -1});
  EXPECT_EQ(on_screen(s, id, s.now + 3 * survey_cycle_ms), 0);
}

TEST(SurveyShow, GivenTheSameLog_WhenReplayedFromItsText_ThenTheSameQuestionShowsAtTheSameTime) {
  // Given a log where the host pins a question, then asks for the cycle
  Script live;
  std::vector<Envelope> log;
  auto record = [&](std::string from, Role role, Event ev) {
    log.push_back(live.envelope(std::move(from), role, std::move(ev)));
    return apply(live.session, log.back());
  };
  record("p1", Role::participant, ParticipantJoin{"Gaëlle"});
  record("p2", Role::participant, ParticipantJoin{"Bruno"});
  const std::int64_t id = live.next_seq;
  record("h1", Role::host, ActivityAdd{survey_spec()});
  record("h1", Role::host, ActivityStart{id});
  record("p1", Role::participant, choose(id, 0, {0}));
  record("p2", Role::participant, choose(id, 1, {1}));
  record("h1", Role::host, SurveyShow{id, 2});
  record("h1", Role::host, SurveyShow{id, -1});
  // When another screen replays it from the envelopes' text
  Session replayed;
  for (const Envelope& env : log) {
    auto decoded = decode_envelope(encode_envelope(env));
    ASSERT_TRUE(decoded) << decoded.error.message();
    ASSERT_TRUE(apply(replayed, *decoded.value).accepted());
  }
  // Then both have the same state and show the same question at every moment of the cycle
  EXPECT_EQ(canonical_json(replayed), canonical_json(live.session));
  const Activity& a = *replayed.find_activity(id);
  for (int turn = 0; turn < 4; ++turn) {
    const std::int64_t at = a.survey_shown_at + turn * survey_cycle_ms + 500;
    EXPECT_EQ(survey_question_on_screen(a, survey_figures(replayed, a), at), on_screen(live, id, at));
    EXPECT_EQ(on_screen(live, id, at), turn % 2);
  }
}

TEST(SurveyShow, GivenAChosenQuestion_WhenTheStateIsWritten_ThenItCarriesTheShownQuestion) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  s.host(SurveyShow{id, 2});
  const std::string json = canonical_json(s.session);
  EXPECT_NE(json.find("\"shown_question\":2,\"shown_at\":" + std::to_string(s.activity(id).survey_shown_at)), std::string::npos);
}
