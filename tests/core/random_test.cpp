// Randomized (fixed seeds): thousands of valid and invalid envelopes, from well-formed events with
// random fields to mangled JSON. Nothing crashes and the invariants hold after every event:
// counts never negative, one vote/answer/like per person, hidden items never in participant views,
// a rejected event leaves the state unchanged, replay is deterministic.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <random>

#include "core/aggregates.hpp"
#include "core/codec.hpp"
#include "core/log.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
// std::mt19937 is specified exactly by the standard: the same seed gives the same stream everywhere.
struct Dice {
  std::mt19937 rng;
  explicit Dice(unsigned seed) : rng(seed) {}
  int below(int n) { return int(rng() % unsigned(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T> const T& pick(const std::vector<T>& v) { return v[std::size_t(below(int(v.size())))]; }
};

Event random_event(Dice& d, const std::vector<std::int64_t>& activities, std::int64_t max_seq) {
  auto act = [&] { return activities.empty() || d.chance(5) ? std::int64_t(d.below(50)) : d.pick(activities); };
  auto item = [&] { return std::int64_t(d.below(int(max_seq) + 3)); };
  auto small = [&] { return d.below(8) - 1; };
  auto text = [&]() -> std::string {
    static const std::vector<std::string> texts = {"", " ", "Réflexion", "26/09/2022", "Écran vivant", "x", std::string(600, 'a')};
    return d.pick(texts);
  };
  auto choices = [&] {
    std::vector<int> c;
    for (int i = d.below(4); i > 0; --i) c.push_back(small());
    return c;
  };
  switch (d.below(32)) {
    case 0: return ParticipantJoin{d.chance(90) ? "Nom " + std::to_string(d.below(9)) : ""};
    case 1: return ParticipantRename{"Nouveau " + std::to_string(d.below(3))};
    case 2: return ChatPost{text()};
    case 3: return ChatHide{item(), d.chance(70)};
    case 4: { SessionConfigure c; c.title = "T"; if (d.chance(30)) c.locale = d.chance(50) ? "en" : "xx"; return c; }
    case 5: return Presence{"p" + std::to_string(d.below(10)), d.chance(50)};
    case 6: {
      static const std::vector<ActivitySpec> specs = {challenge_spec(), quiz_spec(2), survey_spec(), ideas_spec(),
                                                      ideas_spec(ActivityKind::board), ideas_spec(ActivityKind::brainstorm, 2, true),
                                                      rating_spec(), qna_spec(), presentation_spec(), challenge_spec({})};
      return ActivityAdd{d.pick(specs)};
    }
    case 7: return ActivityEdit{act(), rating_spec(d.below(12))};
    case 8: return ActivityRemove{act()};
    case 9: case 10: return ActivityStart{act()};
    case 11: return ActivityStop{act()};
    case 12: return ActivityReopen{act()};
    case 13: return ActivityReveal{act(), d.chance(60)};
    case 14: return ItemHide{act(), item(), d.chance(70)};
    case 15: return IdeaApprove{act(), item()};
    case 16: return BoardLock{act(), d.chance(50)};
    case 17: return QuizNext{act()};
    case 18: return QnaMark{act(), item(), d.chance(60)};
    case 19: return PresentationGoto{act(), small()};
    case 20: return ChallengeAttempt{act(), text()};
    case 21: return QuizAnswer{act(), small(), choices()};
    case 22: case 23: return SurveyAnswer{act(), d.below(6), choices(), text(), small(), d.chance(20) ? "bien" : ""};
    case 24: return IdeaPost{act(), text(), small(), d.below(12000), d.below(12000), d.chance(50) ? "yellow" : ""};
    case 25: return IdeaEdit{act(), item(), text(), small()};
    case 26: return IdeaDelete{act(), item()};
    case 27: return IdeaMove{act(), item(), d.below(12000), d.below(12000), small()};
    case 28: return IdeaLike{act(), item(), d.chance(70)};
    case 29: return IdeaDot{act(), item(), d.chance(70) ? 1 : -1};
    case 30: return RatingVote{act(), small()};
    default: return d.chance(50) ? Event{QnaAsk{act(), text()}} : Event{QnaUpvote{act(), item(), d.chance(70)}};
  }
}

// An event that fits the current state (right role, existing activity and items, mostly valid
// values), so that most of them pass and the rules get exercised, not just the first checks.
Envelope plausible(Dice& d, const Session& s, std::int64_t seq, std::int64_t at) {
  Envelope env{seq, at, "h1", Role::host, Visibility::public_, ChatPost{"x"}};
  const int joined = int(s.participants.size());
  if (joined < 10 && d.chance(30)) {
    env.role = Role::participant;
    env.from = "p" + std::to_string(joined + d.below(2));
    env.ev = ParticipantJoin{"Nom " + std::to_string(d.below(5))};
    return env;
  }
  if (s.activities.size() < 4 || d.chance(s.activities.size() < 12 ? 3 : 0)) {
    static const std::vector<ActivitySpec> specs = {challenge_spec(), quiz_spec(2), survey_spec(), ideas_spec(),
                                                    ideas_spec(ActivityKind::board), ideas_spec(ActivityKind::brainstorm, 2, true),
                                                    rating_spec(), qna_spec(), presentation_spec()};
    env.ev = ActivityAdd{d.pick(specs)};
    return env;
  }
  std::vector<const Activity*> running;
  for (const Activity& x : s.activities)
    if (x.running()) running.push_back(&x);
  const Activity& a = !running.empty() && d.chance(85) ? *d.pick(running)
                                                       : s.activities[std::size_t(d.below(int(s.activities.size())))];
  if (d.chance(running.size() < 3 ? 25 : 8) || joined == 0) {  // host controls
    switch (d.below(8)) {
      case 0: env.ev = ActivityStart{a.id}; break;
      case 1: env.ev = d.chance(30) ? Event{ActivityStop{a.id}} : Event{ActivityStart{a.id}}; break;
      case 2: env.ev = ActivityReopen{a.id}; break;
      case 3: env.ev = ActivityReveal{a.id, d.chance(70)}; break;
      case 4: env.ev = QuizNext{a.id}; break;
      case 5: env.ev = PresentationGoto{a.id, d.below(4)}; break;
      default: {
        std::vector<std::int64_t> items;
        for (const auto& [id, idea] : a.ideas) items.push_back(id);
        for (const auto& [id, q] : a.questions) items.push_back(id);
        for (const auto& q : a.survey_answers)
          for (const auto& [who, r] : q) items.push_back(r.seq);
        const std::int64_t item = items.empty() ? 0 : d.pick(items);
        const int what = d.below(4);
        env.ev = what == 0 ? Event{ItemHide{a.id, item, d.chance(70)}} : what == 1 ? Event{IdeaApprove{a.id, item}}
               : what == 2 ? Event{QnaMark{a.id, item, true}} : Event{BoardLock{a.id, d.chance(50)}};
      }
    }
    return env;
  }
  env.role = Role::participant;
  env.from = s.participants[std::size_t(d.below(joined))].id;
  env.vis = Visibility::staff;
  auto some_idea = [&]() -> std::int64_t { return a.ideas.empty() ? 0 : std::next(a.ideas.begin(), d.below(int(a.ideas.size())))->first; };
  switch (a.spec.kind) {
    case ActivityKind::challenge: env.ev = ChallengeAttempt{a.id, d.chance(10) ? "26 / 09 / 2022" : d.chance(5) ? "26/09/2022" : "non"}; break;
    case ActivityKind::quiz: env.ev = QuizAnswer{a.id, std::max(a.current_question, 0), {d.below(3)}}; break;
    case ActivityKind::survey: {
      const int q = d.below(5);
      SurveyAnswer ans{a.id, q, {}, "", 0, ""};
      if (q == 0) ans.choices = {d.below(3)};
      if (q == 1) ans.choices = d.chance(50) ? std::vector<int>{d.below(4)} : std::vector<int>{0, 1, 2};
      if (q == 2) ans.text = "réponse " + std::to_string(d.below(4));
      if (q == 3) ans.choices = d.chance(50) ? std::vector<int>{2, 0, 1} : std::vector<int>{0, 1, 2};
      if (q == 4) { ans.stars = 1 + d.below(5); ans.comment = d.chance(30) ? "bien" : ""; }
      env.ev = ans;
      break;
    }
    case ActivityKind::brainstorm:
    case ActivityKind::board:
      switch (d.below(7)) {
        case 0: case 1: env.ev = IdeaPost{a.id, "idée " + std::to_string(d.below(20)), d.below(4) - 1, d.below(10001), d.below(10001), ""}; break;
        case 2: env.ev = IdeaLike{a.id, some_idea(), d.chance(70)}; break;
        case 3: env.ev = IdeaDot{a.id, some_idea(), d.chance(70) ? 1 : -1}; break;
        case 4: env.ev = IdeaMove{a.id, some_idea(), d.below(10001), d.below(10001), d.below(4) - 1}; break;
        case 5: env.ev = IdeaEdit{a.id, some_idea(), "modifiée", d.below(4) - 1}; break;
        default: env.ev = IdeaDelete{a.id, some_idea()};
      }
      break;
    case ActivityKind::rating: env.ev = RatingVote{a.id, 1 + d.below(5)}; break;
    case ActivityKind::qna: {
      const std::int64_t q = a.questions.empty() ? 0 : std::next(a.questions.begin(), d.below(int(a.questions.size())))->first;
      env.ev = d.chance(40) ? Event{QnaAsk{a.id, "question ?"}} : Event{QnaUpvote{a.id, q, d.chance(75)}};
      break;
    }
    case ActivityKind::presentation: env.ev = ChatPost{"page suivante ?"}; break;
  }
  return env;
}

Role random_role(Dice& d) {
  const int r = d.below(100);
  return r < 70 ? Role::participant : r < 90 ? Role::host : r < 95 ? Role::kiosk : Role::relay;
}

// The invariants every state must satisfy.
void check_invariants(const Session& s) {
  for (const Activity& a : s.activities) {
    for (const auto& [who, used] : a.dots_used) {
      ASSERT_GE(used, 0);
      ASSERT_LE(used, a.spec.dot_budget);
    }
    for (const auto& [id, idea] : a.ideas) {
      ASSERT_GE(idea.dot_total, 0);
      int sum = 0;
      for (const auto& [who, n] : idea.dots) { ASSERT_GT(n, 0); sum += n; }
      ASSERT_EQ(sum, idea.dot_total);
    }
    // One vote / answer per person: the maps are keyed by member id, and every key is a participant.
    for (const auto& [who, v] : a.votes) ASSERT_NE(s.find_participant(who), nullptr);
    for (const auto& q : a.survey_answers)
      for (const auto& [who, r] : q) ASSERT_NE(s.find_participant(who), nullptr);
    ChallengeFigures c = challenge_figures(s, a);
    ASSERT_GE(c.attempts, 0);
    ASSERT_LE(c.people_attempted, c.attempts);
    ASSERT_LE(c.winner_attempts, c.attempts);
    int winners = 0;
    for (const Attempt& t : a.attempts) winners += t.seq == a.winning_seq;
    ASSERT_LE(winners, 1);
    if (a.spec.kind == ActivityKind::survey) {
      SurveyFigures f = survey_figures(s, a);
      for (const auto& q : f.questions)
        for (const auto& ch : q.choices) { ASSERT_GE(ch.count, 0); ASSERT_LE(ch.percent, 100); }
    }
    RatingFigures r = rating_figures(s, a);
    ASSERT_LE(r.votes, int(s.participants.size()));
    ASSERT_LE(r.average_tenths, 10 * a.spec.scale);
  }
  // Hidden items never reach a participant.
  for (const Participant& p : s.participants) {
    Session v = participant_view(s, p.id);
    for (const Message& m : v.messages) ASSERT_FALSE(m.hidden);
    for (const Activity& a : v.activities) {
      for (const auto& [id, idea] : a.ideas) {
        ASSERT_FALSE(idea.hidden);
        ASSERT_TRUE(idea.approved || idea.by == p.id);
      }
      for (const auto& [id, q] : a.questions) ASSERT_FALSE(q.hidden);
      for (const auto& q : a.survey_answers)
        for (const auto& [who, r] : q) ASSERT_FALSE(r.hidden);
      if (!a.revealed)
        for (const auto& [who, v2] : a.votes) ASSERT_EQ(who, p.id);
    }
  }
}

void run_seed(unsigned seed, int events) {
  Dice d(seed);
  Session s;
  std::vector<std::int64_t> activities;
  std::vector<Envelope> log;
  std::int64_t seq = 0, at = 1664960400000;
  for (int i = 0; i < events; ++i) {
    at += d.below(3000);
    Envelope env;
    if (d.chance(75)) {
      env = plausible(d, s, seq + 1, at);
    } else {
      env = Envelope{d.chance(5) ? seq : seq + 1, at, "p" + std::to_string(d.below(12)), random_role(d),
                     d.chance(50) ? Visibility::public_ : Visibility::staff, random_event(d, activities, seq)};
      if (env.role == Role::host) env.from = "h1";
      if (env.role == Role::relay) env.from = "relay";
    }
    if (d.chance(3)) {  // the wire: encode, maybe mangle, decode; bad JSON must be refused cleanly
      std::string text = encode_envelope(env);
      if (d.chance(50)) text.resize(std::size_t(d.below(int(text.size()))));
      else text[std::size_t(d.below(int(text.size())))] = char(d.below(256));
      auto decoded = decode_envelope(text);
      if (!decoded) { ASSERT_FALSE(decoded.error.reason.empty()); continue; }
      env = *decoded.value;
    }
    const std::string before = i % 16 == 0 ? canonical_json(s) : std::string();
    const Outcome o = apply(s, env);
    if (o.accepted()) {
      seq = env.seq;
      log.push_back(env);
      if (std::holds_alternative<ActivityAdd>(env.ev)) activities.push_back(env.seq);
    } else {
      ASSERT_NE(o.code(), "unknown");
      if (!before.empty()) ASSERT_EQ(canonical_json(s), before) << "rejected " << o.code() << " changed the state";
    }
    if (i % 64 == 0) check_invariants(s);
  }
  check_invariants(s);
  // The mix must really exercise the rules: a good share accepted, activities with content.
  std::size_t items = 0;
  for (const Activity& a : s.activities) items += a.ideas.size() + a.votes.size() + a.attempts.size() + a.questions.size();
  std::printf("seed %u: %zu of %d accepted, %zu activities, %zu items\n", seed, log.size(), events, s.activities.size(), items);
  ASSERT_GT(log.size(), std::size_t(events / 5));  // about a third to a half pass
  ASSERT_GT(items, std::size_t(events / 20));
  ASSERT_EQ(canonical_json(replay(log).session), canonical_json(s));
}
}  // namespace

TEST(Randomized, GivenSeed1_When5000RandomEnvelopes_ThenNoCrashAndInvariantsHold) { run_seed(1, 5000); }
TEST(Randomized, GivenSeed2_When5000RandomEnvelopes_ThenNoCrashAndInvariantsHold) { run_seed(2, 5000); }
TEST(Randomized, GivenSeed3_When5000RandomEnvelopes_ThenNoCrashAndInvariantsHold) { run_seed(3, 5000); }
TEST(Randomized, GivenSeed20221006_When10000RandomEnvelopes_ThenNoCrashAndInvariantsHold) { run_seed(20221006, 10000); }

TEST(Randomized, GivenGarbageText_WhenDecodedAsEnvelopes_ThenCleanErrorsNeverCrash) {
  Dice d(7);
  const std::string alphabet = "{}[]\":,0123456789-.eEtrufalsn \\u00e9\x80\xff";
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (int n = d.below(80); n > 0; --n) text.push_back(alphabet[std::size_t(d.below(int(alphabet.size())))]);
    auto e = decode_envelope(text);
    if (!e) EXPECT_FALSE(e.error.path.empty());
  }
}
