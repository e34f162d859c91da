// Survey: every question kind, last answer counts, per-choice percentages, Borda ranking, rating.
#include <gtest/gtest.h>

#include "core/aggregates.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
SurveyAnswer choose(std::int64_t id, int q, std::vector<int> c) { return SurveyAnswer{id, q, std::move(c), "", 0, ""}; }
}  // namespace

TEST(Survey, GivenSingleChoice_WhenAnswered_ThenCountedWithWholePercentages) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 3);
  s.participant("p1", choose(id, 0, {0}));
  s.participant("p2", choose(id, 0, {1}));
  s.participant("p3", choose(id, 0, {1}));
  SurveyFigures f = survey_figures(s.session, s.activity(id));
  EXPECT_EQ(f.questions[0].respondents, 3);
  EXPECT_EQ(f.questions[0].choices[0].percent, 33);
  EXPECT_EQ(f.questions[0].choices[1].percent, 67);
  EXPECT_EQ(f.questions[0].choices[2].percent, 0);
}

TEST(Survey, GivenSingleChoice_WhenTwoChoicesSent_ThenRejectedBadChoice) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.participant("p1", choose(id, 0, {0, 1})).code(), "bad_choice");
  EXPECT_EQ(s.participant("p1", choose(id, 0, {5})).code(), "bad_choice");
}

TEST(Survey, GivenAnswer_WhenChangedWhileOpen_ThenTheLastOneCounts) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  s.participant("p1", choose(id, 0, {0}));
  s.participant("p1", choose(id, 0, {2}));
  SurveyFigures f = survey_figures(s.session, s.activity(id));
  EXPECT_EQ(f.questions[0].respondents, 1);
  EXPECT_EQ(f.questions[0].choices[0].count, 0);
  EXPECT_EQ(f.questions[0].choices[2].count, 1);
}

TEST(Survey, GivenMultipleChoiceWithMax_WhenTooManyChosen_ThenRejected) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.participant("p1", choose(id, 1, {0, 1, 2})).code(), "too_many_choices");
  EXPECT_TRUE(s.participant("p1", choose(id, 1, {3, 0})).accepted());
  EXPECT_EQ(s.activity(id).survey_answers[1].at("p1").choices, (std::vector<int>{0, 3}));
}

TEST(Survey, GivenMultipleChoice_WhenFigured_ThenPercentOfRespondentsPerChoice) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 2);
  s.participant("p1", choose(id, 1, {0, 1}));
  s.participant("p2", choose(id, 1, {0}));
  SurveyFigures f = survey_figures(s.session, s.activity(id));
  EXPECT_EQ(f.questions[1].choices[0].percent, 100);
  EXPECT_EQ(f.questions[1].choices[1].percent, 50);
}

TEST(Survey, GivenOpenQuestion_WhenAnswered_ThenTextKeptAndEmptyRejected) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.participant("p1", SurveyAnswer{id, 2, {}, " ", 0, ""}).code(), "empty_text");
  EXPECT_TRUE(s.participant("p1", SurveyAnswer{id, 2, {}, "PIA 4 & découvrabilité", 0, ""}).accepted());
  EXPECT_EQ(s.activity(id).survey_answers[2].at("p1").text, "PIA 4 & découvrabilité");
}

TEST(Survey, GivenRanking_WhenNotAPermutation_ThenRejectedBadOrder) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.participant("p1", choose(id, 3, {0, 1})).code(), "bad_order");
  EXPECT_EQ(s.participant("p1", choose(id, 3, {0, 0, 1})).code(), "bad_order");
  EXPECT_TRUE(s.participant("p1", choose(id, 3, {2, 0, 1})).accepted());
}

TEST(Survey, GivenRankings_WhenFigured_ThenBordaOrderWithTiesByItemOrder) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 2);
  s.participant("p1", choose(id, 3, {1, 0, 2}));  // site 2, newsletter 1, Twitter 0
  s.participant("p2", choose(id, 3, {0, 1, 2}));  // newsletter 2, site 1
  SurveyFigures f = survey_figures(s.session, s.activity(id));
  EXPECT_EQ(f.questions[3].borda_points, (std::vector<int>{3, 3, 0}));
  EXPECT_EQ(f.questions[3].ranking, (std::vector<int>{0, 1, 2}));  // tie: listed first wins
}

TEST(Survey, GivenRatingWithComment_WhenAnswered_ThenAverageOneDecimal) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 3);
  s.participant("p1", SurveyAnswer{id, 4, {}, "", 5, "top bravo !"});
  s.participant("p2", SurveyAnswer{id, 4, {}, "", 4, ""});
  s.participant("p3", SurveyAnswer{id, 4, {}, "", 4, ""});
  SurveyFigures f = survey_figures(s.session, s.activity(id));
  EXPECT_EQ(f.questions[4].average_tenths, 43);  // 13 / 3 = 4.33
  EXPECT_EQ(s.activity(id).survey_answers[4].at("p1").comment, "top bravo !");
}

TEST(Survey, GivenRating_WhenStarsOutOfScale_ThenRejectedBadStars) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.participant("p1", SurveyAnswer{id, 4, {}, "", 0, ""}).code(), "bad_stars");
  EXPECT_EQ(s.participant("p1", SurveyAnswer{id, 4, {}, "", 6, ""}).code(), "bad_stars");
}

TEST(Survey, GivenRatingWithoutComments_WhenCommentSent_ThenRejectedCommentNotAllowed) {
  Script s;
  ActivitySpec spec = survey_spec();
  spec.questions[4].comment = false;
  const std::int64_t id = s.running(spec, 1);
  EXPECT_EQ(s.participant("p1", SurveyAnswer{id, 4, {}, "", 4, "bien"}).code(), "comment_not_allowed");
}

TEST(Survey, GivenUnknownQuestion_WhenAnswering_ThenRejected) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  EXPECT_EQ(s.participant("p1", choose(id, 9, {0})).code(), "unknown_question");
}

TEST(Survey, GivenAnswersToSeveralQuestions_WhenFigured_ThenRespondentsAreDistinctPeople) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 3);
  s.participant("p1", choose(id, 0, {0}));
  s.participant("p1", choose(id, 1, {0}));
  s.participant("p2", choose(id, 1, {1}));
  SurveyFigures f = survey_figures(s.session, s.activity(id));
  EXPECT_EQ(f.respondents, 2);
  EXPECT_EQ(f.participants, 3);
}

TEST(Survey, GivenOpenAnswer_WhenHostHidesIt_ThenHiddenFlagSet) {
  Script s;
  const std::int64_t id = s.running(survey_spec(), 1);
  const std::int64_t answer = s.next_seq;
  s.participant("p1", SurveyAnswer{id, 2, {}, "hors sujet", 0, ""});
  EXPECT_TRUE(s.host(ItemHide{id, answer, true}).accepted());
  EXPECT_TRUE(s.activity(id).survey_answers[2].at("p1").hidden);
}
