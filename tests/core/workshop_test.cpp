// The test workshop (assets/plans/workshop_fr.palabre.json and tests/data/workshop_fr.palabre.jsonl, made by tests/data/make_workshop.py): the seed's café,
// replayed, gives every figure of the seed report.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/aggregates.hpp"
#include "core/log.hpp"
#include "core/plan.hpp"
#include "core/timezone.hpp"

using namespace palabre::core;

namespace {
std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(PALABRE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Workshop {
  Plan plan;
  LogContents log;
  Replay replay_result;
  Workshop() {
    auto p = load_plan(read_file("assets/plans/workshop_fr.palabre.json"));
    EXPECT_TRUE(p) << p.error.message();
    if (p) plan = *p.value;
    log = read_log(read_file("tests/data/workshop_fr.palabre.jsonl"));
    EXPECT_TRUE(log.ok());
    replay_result = replay(log.envelopes);
  }
  const Session& session() const { return replay_result.session; }
  const Activity& activity(ActivityKind kind, int nth = 0) const {
    for (const Activity& a : session().activities)
      if (a.spec.kind == kind && nth-- == 0) return a;
    throw std::runtime_error("no such activity");
  }
  std::string name_of(const std::string& id) const { return session().display_name(id); }
};

const Workshop& workshop() {
  static const Workshop w;
  return w;
}
}  // namespace

TEST(Workshop, GivenPlanAndLog_WhenLoaded_ThenLogSetsUpExactlyThePlan) {
  const Workshop& w = workshop();
  ASSERT_EQ(w.plan.activities.size(), 10u);
  std::vector<std::string> from_plan, from_log;
  for (const Event& e : plan_events(w.plan)) from_plan.push_back(encode_event(e));
  for (const Envelope& e : w.log.envelopes)
    if (std::holds_alternative<SessionConfigure>(e.ev) || std::holds_alternative<ActivityAdd>(e.ev))
      from_log.push_back(encode_event(e.ev));
  EXPECT_EQ(from_plan, from_log);
}

TEST(Workshop, GivenLog_WhenReplayed_ThenOnlyTheLateChallengeAttemptAndTheLateQuizAnswerAreRejected) {
  const Workshop& w = workshop();
  EXPECT_EQ(w.log.header->room, "TMN522");
  ASSERT_EQ(w.replay_result.rejected.size(), 2u);
  EXPECT_EQ(reason_code(w.replay_result.rejected[0].reason), "challenge_won");
  EXPECT_EQ(reason_code(w.replay_result.rejected[1].reason), "time_over");  // 22 s into a 20 s question
}

TEST(Workshop, GivenLog_WhenReplayed_Then71ParticipantsIncludingTwoJulies) {
  const Session& s = workshop().session();
  EXPECT_EQ(s.participants.size(), 71u);
  int julies = 0;
  for (const auto& p : s.participants) julies += p.name == "Julie";
  EXPECT_EQ(julies, 2);
  EXPECT_EQ(s.info.title, "Café TMNlab | Stratégie numérique culturelle : tendances de la rentrée et perspectives 2023");
  EXPECT_EQ(s.info.host, "Anne Le Gall");
}

TEST(Workshop, GivenChallenge_WhenReplayed_ThenGaelleWinsOnHer2ndAttemptAfter27sWith3PercentParticipation) {
  const Workshop& w = workshop();
  const Activity& a = w.activity(ActivityKind::challenge);
  ChallengeFigures f = challenge_figures(w.session(), a);
  EXPECT_TRUE(f.won);
  EXPECT_EQ(w.name_of(f.winner), "Gaëlle Lecart");
  EXPECT_EQ(f.winner_attempts, 2);
  EXPECT_EQ(f.attempts, 3);
  EXPECT_EQ(f.seconds_to_win, 27);
  EXPECT_EQ(f.people_attempted, 2);
  EXPECT_EQ(f.participation_percent, 3);
  EXPECT_EQ(a.spec.answers[0], "26/09/2022");
}

TEST(Workshop, GivenFundingSurvey_WhenReplayed_Then50RespondentsAndTheSeedsOpenAnswersWithNames) {
  const Workshop& w = workshop();
  const Activity& a = w.activity(ActivityKind::survey, 0);
  SurveyFigures f = survey_figures(w.session(), a);
  EXPECT_EQ(f.respondents, 50);
  EXPECT_EQ(a.spec.questions.size(), 5u);
  EXPECT_EQ(a.spec.questions[0].choices.size(), 12u);
  std::map<std::string, std::string> q3;
  for (const auto& [who, r] : a.survey_answers[2]) q3[w.name_of(who)] = r.text;
  EXPECT_EQ(q3.size(), 7u);
  EXPECT_EQ(q3["Eudes Peyre"], "PIA 4 & découvrabilité");
  EXPECT_EQ(q3["Thibault | Châtelet"], "Spectacle vivant augmenté (Room With A View)");
  std::map<std::string, std::string> q5;
  for (const auto& [who, r] : a.survey_answers[4]) q5[w.name_of(who)] = r.text;
  EXPECT_EQ(q5.size(), 9u);
  EXPECT_EQ(q5["Eliane"], "Écran vivant");
  EXPECT_EQ(q5["Juliette Opéra Comiq"], "NFT, eco responsabilité, accessibilité, outil pédagogique son 3D");
}

TEST(Workshop, GivenUsageSurvey_WhenReplayed_ThenTheSeedsPercentagesPerChoice) {
  const Workshop& w = workshop();
  SurveyFigures f = survey_figures(w.session(), w.activity(ActivityKind::survey, 1));
  EXPECT_EQ(f.respondents, 48);
  auto percents = [&](int q) {
    std::vector<int> out;
    for (const auto& c : f.questions[std::size_t(q)].choices) out.push_back(c.percent);
    return out;
  };
  EXPECT_EQ(percents(0), (std::vector<int>{36, 28, 36}));
  EXPECT_EQ(percents(1), (std::vector<int>{9, 56, 16, 20}));  // sums to 101, as in the seed
  EXPECT_EQ(percents(2), (std::vector<int>{7, 39, 55}));
  EXPECT_EQ(percents(3), (std::vector<int>{7, 41, 52}));
  EXPECT_EQ(f.questions[1].respondents, 45);
  EXPECT_EQ(f.questions[1].choices[1].count, 25);
}

TEST(Workshop, GivenUsageSurvey_WhenReplayed_ThenRankingIsTheSeedsOrder) {
  const Workshop& w = workshop();
  const Activity& a = w.activity(ActivityKind::survey, 1);
  SurveyFigures f = survey_figures(w.session(), a);
  std::vector<std::string> order;
  for (int i : f.questions[4].ranking) order.push_back(a.spec.questions[4].choices[std::size_t(i)]);
  EXPECT_EQ(order, (std::vector<std::string>{"newsletter TMNlab (Sendinblue)", "mailing list communaute-adh@tmnlab.com",
                                             "directement sur le site Internet", "page Facebook", "page LinkedIn",
                                             "groupe privé Facebook", "compte Twitter"}));
}

TEST(Workshop, GivenUsageSurvey_WhenReplayed_ThenRating4Point3WithTheNineComments) {
  const Workshop& w = workshop();
  const Activity& a = w.activity(ActivityKind::survey, 1);
  SurveyFigures f = survey_figures(w.session(), a);
  EXPECT_EQ(f.questions[5].average_tenths, 43);
  std::map<std::string, std::string> comments;
  for (const auto& [who, r] : a.survey_answers[5])
    if (!r.comment.empty()) comments[w.name_of(who)] = r.comment;
  EXPECT_EQ(comments.size(), 9u);
  EXPECT_EQ(comments["Caroline N. ONB"], "top bravo !");
  EXPECT_EQ(comments["Elodie Bernelin"], "je ne connais pas l'ancienne version");
}

TEST(Workshop, GivenBrainstormsAndBoard_WhenReplayed_Then46And107And56Ideas) {
  const Workshop& w = workshop();
  IdeaFigures words = idea_figures(w.session(), w.activity(ActivityKind::brainstorm, 0));
  IdeaFigures board = idea_figures(w.session(), w.activity(ActivityKind::board));
  IdeaFigures where = idea_figures(w.session(), w.activity(ActivityKind::brainstorm, 1));
  EXPECT_EQ(words.ideas, 46);
  EXPECT_EQ(board.ideas, 107);
  EXPECT_EQ(board.contributors, 71);
  ASSERT_EQ(board.categories.size(), 3u);
  EXPECT_EQ(board.categories[0].name, "Une communauté apprenante");
  EXPECT_EQ(board.categories[0].ideas + board.categories[1].ideas + board.categories[2].ideas, 107);
  EXPECT_EQ(where.ideas, 56);  // one withdrawn by its author and one hidden by the host do not count
  EXPECT_TRUE(w.activity(ActivityKind::board).locked);
}

TEST(Workshop, GivenLiveVote_WhenReplayed_Then4Point2With37Of71Votes) {
  const Workshop& w = workshop();
  RatingFigures f = rating_figures(w.session(), w.activity(ActivityKind::rating));
  EXPECT_EQ(f.votes, 37);  // Caroline voted 3 times: one vote
  EXPECT_EQ(f.participants, 71);
  EXPECT_EQ(f.average_tenths, 42);
}

TEST(Workshop, GivenPresentation_WhenReplayed_Then8PagesEndingOnTheLast) {
  const Workshop& w = workshop();
  const Activity& a = w.activity(ActivityKind::presentation);
  EXPECT_EQ(a.spec.title, "Développement TMNlab");
  EXPECT_EQ(a.spec.pages.size(), 8u);
  EXPECT_EQ(a.page, 7);
}

TEST(Workshop, GivenMessages_WhenReplayed_ThenSixWithTheSeedsAuthorsAndParisTimes) {
  const Workshop& w = workshop();
  const Session& s = w.session();
  ASSERT_EQ(s.messages.size(), 6u);
  auto zone = parse_timezone(s.info.timezone);
  ASSERT_TRUE(zone);
  std::vector<std::string> seen;
  for (const Message& m : s.messages) seen.push_back(w.name_of(m.from) + " " + format_iso_local(to_local(*zone, m.at)));
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "Gaëlle Lecart 2022-10-06T10:06:03+02:00", "Caroline N. ONB 2022-10-06T10:06:35+02:00",
                      "Caroline N. ONB 2022-10-06T10:07:30+02:00", "Hind Ziani / TDI Mon 2022-10-06T10:08:25+02:00",
                      "Caroline N. ONB 2022-10-06T10:08:29+02:00", "Marion Napoly Arpin 2022-10-06T10:10:47+02:00"}));
}

TEST(Workshop, GivenQuizAndQna_WhenReplayed_ThenLeaderboardAndQuestionsByVotes) {
  const Workshop& w = workshop();
  QuizFigures q = quiz_figures(w.session(), w.activity(ActivityKind::quiz));
  EXPECT_EQ(q.respondents, 12);
  EXPECT_EQ(q.correct_percent, (std::vector<int>{75, 75, 73}));  // the late answer is refused, not counted wrong
  ASSERT_FALSE(q.leaderboard.empty());
  for (std::size_t i = 1; i < q.leaderboard.size(); ++i) EXPECT_GE(q.leaderboard[i - 1].points, q.leaderboard[i].points);
  QnaFigures n = qna_figures(w.session(), w.activity(ActivityKind::qna));
  EXPECT_EQ(n.questions, 4);  // the fifth was hidden
  EXPECT_EQ(n.answered, 2);
}

TEST(Workshop, GivenLog_WhenReplayedTwice_ThenIdenticalCanonicalJson) {
  const Workshop& w = workshop();
  EXPECT_EQ(canonical_json(replay(w.log.envelopes).session), canonical_json(w.session()));
}

TEST(Workshop, GivenTornLastLine_WhenRead_ThenDroppedAndReportedNotFatal) {
  std::string text = read_file("tests/data/workshop_fr.palabre.jsonl");
  text.resize(text.size() - 30);  // cut the last envelope mid-write (no final newline)
  LogContents log = read_log(text);
  EXPECT_TRUE(log.ok());
  ASSERT_TRUE(log.torn_tail.has_value());
  EXPECT_EQ(log.envelopes.size(), workshop().log.envelopes.size() - 1);
}

TEST(Workshop, GivenFiles_WhenMeasured_ThenEachUnderOneMebibyte) {
  EXPECT_LT(read_file("assets/plans/workshop_fr.palabre.json").size(), 1u << 20);
  EXPECT_LT(read_file("tests/data/workshop_fr.palabre.jsonl").size(), 1u << 20);
}
