// Live rating, Q&A and presentation.
#include <gtest/gtest.h>

#include "core/aggregates.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

TEST(Rating, GivenVotes_WhenFigured_ThenAverageOneDecimalAndVotesOverParticipants) {
  Script s;
  const std::int64_t id = s.running(rating_spec(), 4);
  s.participant("p1", RatingVote{id, 5});
  s.participant("p2", RatingVote{id, 4});
  s.participant("p3", RatingVote{id, 4});
  RatingFigures f = rating_figures(s.session, s.activity(id));
  EXPECT_EQ(f.votes, 3);
  EXPECT_EQ(f.participants, 4);
  EXPECT_EQ(f.average_tenths, 43);
  EXPECT_EQ(f.per_star, (std::vector<int>{0, 0, 0, 2, 1}));
}

TEST(Rating, GivenVote_WhenChangedTwice_ThenStillOneVoteWithTheLastValue) {
  Script s;
  const std::int64_t id = s.running(rating_spec(), 1);
  s.participant("p1", RatingVote{id, 5});
  s.participant("p1", RatingVote{id, 3});
  s.participant("p1", RatingVote{id, 4});
  RatingFigures f = rating_figures(s.session, s.activity(id));
  EXPECT_EQ(f.votes, 1);
  EXPECT_EQ(f.average_tenths, 40);
}

TEST(Rating, GivenScale_WhenVoteOutsideIt_ThenRejectedBadStars) {
  Script s;
  const std::int64_t id = s.running(rating_spec(5), 1);
  EXPECT_EQ(s.participant("p1", RatingVote{id, 0}).code(), "bad_stars");
  EXPECT_EQ(s.participant("p1", RatingVote{id, 6}).code(), "bad_stars");
}

TEST(Qna, GivenQuestions_WhenUpvoted_ThenOrderedByVotesOneUpvoteEach) {
  Script s;
  const std::int64_t id = s.running(qna_spec(), 3);
  const std::int64_t q1 = s.next_seq;
  s.participant("p1", QnaAsk{id, "Prochain café ?"});
  const std::int64_t q2 = s.next_seq;
  s.participant("p2", QnaAsk{id, "Compte-rendu ?"});
  EXPECT_TRUE(s.participant("p1", QnaUpvote{id, q2, true}).accepted());
  EXPECT_EQ(s.participant("p1", QnaUpvote{id, q2, true}).code(), "already_voted");
  EXPECT_TRUE(s.participant("p3", QnaUpvote{id, q2, true}).accepted());
  QnaFigures f = qna_figures(s.session, s.activity(id));
  EXPECT_EQ(f.by_votes, (std::vector<std::int64_t>{q2, q1}));
}

TEST(Qna, GivenUpvote_WhenUndone_ThenRemoved) {
  Script s;
  const std::int64_t id = s.running(qna_spec(), 2);
  const std::int64_t q = s.next_seq;
  s.participant("p1", QnaAsk{id, "?"});
  s.participant("p2", QnaUpvote{id, q, true});
  EXPECT_TRUE(s.participant("p2", QnaUpvote{id, q, false}).accepted());
  EXPECT_EQ(s.participant("p2", QnaUpvote{id, q, false}).code(), "not_voted");
}

TEST(Qna, GivenQuestion_WhenHostMarksAnsweredOrHides_ThenFiguresFollow) {
  Script s;
  const std::int64_t id = s.running(qna_spec(), 1);
  const std::int64_t q1 = s.next_seq;
  s.participant("p1", QnaAsk{id, "Vraie question"});
  const std::int64_t q2 = s.next_seq;
  s.participant("p1", QnaAsk{id, "pub"});
  EXPECT_EQ(s.participant("p1", QnaMark{id, q1, true}).code(), "not_host");
  EXPECT_TRUE(s.host(QnaMark{id, q1, true}).accepted());
  EXPECT_TRUE(s.host(ItemHide{id, q2, true}).accepted());
  QnaFigures f = qna_figures(s.session, s.activity(id));
  EXPECT_EQ(f.questions, 1);
  EXPECT_EQ(f.answered, 1);
  EXPECT_EQ(s.participant("p1", QnaUpvote{id, q2, true}).code(), "unknown_item");
}

TEST(Presentation, GivenPages_WhenHostMoves_ThenCurrentPageFollows) {
  Script s;
  const std::int64_t id = s.running(presentation_spec(), 1);
  EXPECT_TRUE(s.host(PresentationGoto{id, 2}).accepted());
  EXPECT_EQ(s.activity(id).page, 2);
  EXPECT_EQ(s.host(PresentationGoto{id, 3}).code(), "bad_page");
  EXPECT_EQ(s.host(PresentationGoto{id, 2}).code(), "no_change");
  EXPECT_EQ(s.participant("p1", PresentationGoto{id, 0}).code(), "not_host");
}
