// How long the report of a big session takes: 10,000 participants, 100,000 events (joins, survey
// answers with open texts and comments, ideas and likes, live votes, quiz answers, Q&A, chat).
// Goal (issue 4): report of such a session in under 200 ms natively.
#include <benchmark/benchmark.h>

#include "core/session.hpp"
#include "report/from_session.hpp"
#include "report/render.hpp"

namespace {
using namespace palabre;
using namespace palabre::core;

constexpr int kPeople = 10000;

struct BigSession {
  Session session;
  std::int64_t events = 0;
  std::int64_t rejected = 0;
};

const BigSession& big_session() {
  static const BigSession built = [] {
    BigSession b;
    std::int64_t seq = 0, at = 1665039300000;
    auto send = [&](std::string from, Role role, Event ev) {
      const Outcome o = apply(b.session, Envelope{++seq, at += 11, std::move(from), role, Visibility::public_, std::move(ev)});
      ++b.events;
      b.rejected += !o.accepted();
      return seq;
    };
    auto person = [](int i) { return "p" + std::to_string(i + 2); };
    SessionConfigure configure;
    configure.title = "Grande consultation";
    configure.host = "Anne Le Gall";
    configure.date = "2022-10-05";
    configure.timezone = "Europe/Paris";
    send("h1", Role::host, configure);
    for (int i = 0; i < kPeople; ++i) send(person(i), Role::participant, ParticipantJoin{"Participant " + std::to_string(i)});
    auto start = [&](ActivitySpec spec) {
      const std::int64_t id = send("h1", Role::host, ActivityAdd{std::move(spec)});
      send("h1", Role::host, ActivityStart{id});
      return id;
    };

    ActivitySpec survey;
    survey.kind = ActivityKind::survey;
    survey.title = "Votre usage";
    survey.questions = {SurveyQuestion{QuestionKind::single, "Quand ?", "", {"ce mois ci", "cette année", "jamais"}},
                        SurveyQuestion{QuestionKind::open, "Pouvez-vous préciser ?", "un exemple", {}},
                        SurveyQuestion{QuestionKind::rating, "Le site ?", "", {}, 0, 5, true}};
    const std::int64_t s = start(survey);
    for (int i = 0; i < kPeople; ++i) {
      send(person(i), Role::participant, SurveyAnswer{s, 0, {i % 3}, "", 0, ""});
      send(person(i), Role::participant, SurveyAnswer{s, 1, {}, "Réponse détaillée numéro " + std::to_string(i), 0, ""});
      send(person(i), Role::participant, SurveyAnswer{s, 2, {}, "", 1 + i % 5, i % 4 ? "" : "Un commentaire"});
    }

    ActivitySpec brainstorm;
    brainstorm.kind = ActivityKind::brainstorm;
    brainstorm.title = "Vos idées";
    brainstorm.categories = {"Communauté", "Ressources", "Réseau"};
    const std::int64_t bs = start(brainstorm);
    std::vector<std::int64_t> ideas;
    for (int i = 0; i < kPeople; ++i)
      ideas.push_back(send(person(i), Role::participant, IdeaPost{bs, "Idée " + std::to_string(i), i % 3, 0, 0, ""}));
    for (int i = 0; i < kPeople; ++i)
      send(person(i), Role::participant, IdeaLike{bs, ideas[std::size_t((i * 7) % 500)], true});

    ActivitySpec rating;
    rating.kind = ActivityKind::rating;
    rating.title = "Votre avis";
    const std::int64_t r = start(rating);
    for (int i = 0; i < kPeople; ++i) send(person(i), Role::participant, RatingVote{r, 1 + (i * 7) % 5});

    ActivitySpec quiz;
    quiz.kind = ActivityKind::quiz;
    quiz.title = "Quiz";
    quiz.quiz = {QuizQuestion{"Combien ?", {"300", "840", "1000"}, {1}, 3600}};
    const std::int64_t q = start(quiz);
    for (int i = 0; i < kPeople; ++i) send(person(i), Role::participant, QuizAnswer{q, 0, {i % 3}});

    ActivitySpec qna;
    qna.kind = ActivityKind::qna;
    qna.title = "Vos questions";
    const std::int64_t qa = start(qna);
    std::vector<std::int64_t> asked;
    for (int i = 0; i < kPeople / 5; ++i)
      asked.push_back(send(person(i), Role::participant, QnaAsk{qa, "Question " + std::to_string(i) + " ?"}));
    for (int i = 0; i < kPeople - kPeople / 5; ++i)
      send(person(i), Role::participant, QnaUpvote{qa, asked[std::size_t((i * 3) % asked.size())], true});

    for (int i = 0; i < kPeople; ++i) send(person(i), Role::participant, ChatPost{"Merci, message " + std::to_string(i)});
    return b;
  }();
  return built;
}

void set_counters(benchmark::State& state) {
  state.counters["events"] = double(big_session().events);
  state.counters["rejected"] = double(big_session().rejected);
}

void BM_BuildReportModel(benchmark::State& state) {
  const Session& session = big_session().session;
  for (auto _ : state) benchmark::DoNotOptimize(report::build_report(session));
  set_counters(state);
}
BENCHMARK(BM_BuildReportModel)->Unit(benchmark::kMillisecond);

void BM_Report(benchmark::State& state) {
  const Session& session = big_session().session;
  const auto format = report::Format(state.range(0));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = report::render(report::build_report(session), format);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetLabel(std::string(report::file_extension(format)));
  state.counters["bytes"] = double(bytes);
  set_counters(state);
}
BENCHMARK(BM_Report)
    ->Arg(int(report::Format::html))
    ->Arg(int(report::Format::markdown))
    ->Arg(int(report::Format::csv))
    ->Arg(int(report::Format::json))
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
