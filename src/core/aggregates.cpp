// Aggregates: pure functions of the state.
#include "core/aggregates.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "core/text.hpp"

namespace palabre::core {

int percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0 || part <= 0) return 0;
  return int((200 * part + whole) / (2 * whole));
}

int average_tenths(std::int64_t sum, std::int64_t count) {
  if (count <= 0 || sum <= 0) return 0;
  return int((20 * sum + count) / (2 * count));
}

std::vector<int> borda_order(const std::vector<std::vector<int>>& rankings, int n, std::vector<int>* points_out) {
  std::vector<int> points(std::size_t(std::max(n, 0)), 0);
  for (const auto& r : rankings)
    for (std::size_t k = 0; k < r.size(); ++k)
      if (r[k] >= 0 && r[k] < n) points[std::size_t(r[k])] += n - 1 - int(k);
  std::vector<int> order(points.size());
  std::iota(order.begin(), order.end(), 0);
  // Ties keep the items' order. std::sort with the tie spelled out, not std::stable_sort: the same
  // order, without the merge code each stable_sort instance adds to the participant's download.
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const int pa = points[std::size_t(a)], pb = points[std::size_t(b)];
    return pa != pb ? pa > pb : a < b;
  });
  if (points_out) *points_out = points;
  return order;
}

ChallengeFigures challenge_figures(const Session& s, const Activity& a) {
  ChallengeFigures f;
  f.participants = int(s.participants.size());
  f.attempts = int(a.attempts.size());
  std::set<std::string> people;
  for (const Attempt& t : a.attempts) people.insert(t.by);
  f.people_attempted = int(people.size());
  f.participation_percent = percent(f.people_attempted, f.participants);
  for (const Attempt& t : a.attempts) {
    if (t.seq == a.winning_seq) {
      f.won = true;
      f.winner = t.by;
      f.winning_seq = t.seq;
      f.answer = t.text;
      f.seconds_to_win = (t.at - a.started_at) / 1000;
    }
  }
  if (f.won)
    for (const Attempt& t : a.attempts)
      if (t.by == f.winner && t.seq <= a.winning_seq) ++f.winner_attempts;
  return f;
}

QuizFigures quiz_figures(const Session& s, const Activity& a) {
  QuizFigures f;
  f.participants = int(s.participants.size());
  std::map<std::string, LeaderboardRow> rows;
  for (std::size_t qi = 0; qi < a.quiz_answers.size(); ++qi) {
    const auto& per_question = a.quiz_answers[qi];
    const std::size_t choices = qi < a.spec.quiz.size() ? a.spec.quiz[qi].choices.size() : 0;
    std::vector<int> picks(choices, 0);
    int answered = 0, correct = 0;
    for (const auto& [who, r] : per_question) {
      ++answered;
      for (int choice : r.choices)
        if (choice >= 0 && std::size_t(choice) < choices) ++picks[std::size_t(choice)];
      LeaderboardRow& row = rows[who];
      row.who = who;
      if (r.correct) { ++correct; ++row.correct; row.points += r.points; }
    }
    f.answered.push_back(answered);
    f.correct.push_back(correct);
    f.correct_percent.push_back(percent(correct, answered));
    std::vector<int> picks_percent;
    for (int n : picks) picks_percent.push_back(percent(n, answered));
    f.picks.push_back(std::move(picks));
    f.picks_percent.push_back(std::move(picks_percent));
  }
  f.respondents = int(rows.size());
  for (auto& [who, row] : rows) f.leaderboard.push_back(row);
  auto join_rank = [&](const std::string& who) {
    auto it = s.participant_index.find(who);
    return it == s.participant_index.end() ? s.participants.size() : it->second;
  };
  std::sort(f.leaderboard.begin(), f.leaderboard.end(), [&](const LeaderboardRow& x, const LeaderboardRow& y) {
    if (x.points != y.points) return x.points > y.points;
    if (x.correct != y.correct) return x.correct > y.correct;
    return join_rank(x.who) < join_rank(y.who);
  });
  if (a.spec.anonymous)
    for (auto& row : f.leaderboard) row.who.clear();
  return f;
}

SurveyFigures survey_figures(const Session& s, const Activity& a) {
  SurveyFigures f;
  f.participants = int(s.participants.size());
  std::set<std::string> people;
  for (std::size_t qi = 0; qi < a.survey_answers.size() && qi < a.spec.questions.size(); ++qi) {
    const SurveyQuestion& q = a.spec.questions[qi];
    const auto& answers = a.survey_answers[qi];
    QuestionFigures qf;
    qf.respondents = int(answers.size());
    for (const auto& [who, r] : answers) people.insert(who);
    if (q.kind == QuestionKind::single || q.kind == QuestionKind::multiple) {
      qf.choices.assign(q.choices.size(), {});
      for (const auto& [who, r] : answers)
        for (int c : r.choices) ++qf.choices[std::size_t(c)].count;
      for (auto& c : qf.choices) c.percent = percent(c.count, qf.respondents);
    } else if (q.kind == QuestionKind::ranking) {
      std::vector<std::vector<int>> rankings;
      for (const auto& [who, r] : answers) rankings.push_back(r.choices);
      qf.ranking = borda_order(rankings, int(q.choices.size()), &qf.borda_points);
    } else if (q.kind == QuestionKind::rating) {
      qf.per_star.assign(std::size_t(q.scale), 0);
      std::int64_t sum = 0;
      for (const auto& [who, r] : answers) {
        sum += r.stars;
        ++qf.per_star[std::size_t(r.stars - 1)];
      }
      qf.ratings = qf.respondents;
      qf.average_tenths = average_tenths(sum, qf.ratings);
    }
    f.questions.push_back(std::move(qf));
  }
  f.respondents = int(people.size());
  return f;
}

int survey_question_on_screen(const Activity& a, const SurveyFigures& f, std::int64_t now_ms) {
  const int count = int(a.spec.questions.size());
  if (count == 0) return -1;
  if (a.survey_shown >= 0) return std::min(a.survey_shown, count - 1);
  std::vector<int> answered;
  for (int q = 0; q < count && q < int(f.questions.size()); ++q)
    if (f.questions[std::size_t(q)].respondents > 0) answered.push_back(q);
  if (answered.empty()) return 0;
  const std::int64_t turn = std::max<std::int64_t>(0, now_ms - a.survey_shown_at) / survey_cycle_ms;
  return answered[std::size_t(turn % std::int64_t(answered.size()))];
}

std::int64_t survey_next_turn_in_ms(const Activity& a, std::int64_t now_ms) {
  if (a.survey_shown >= 0) return 0;
  return survey_cycle_ms - std::max<std::int64_t>(0, now_ms - a.survey_shown_at) % survey_cycle_ms;
}

namespace {
// The word cloud of IdeaFigures (words, cloud): ideas grouped by their folded form, each group
// shown in the spelling most people used.
void word_cloud(const Activity& a, IdeaFigures& f) {
  struct Group {
    std::vector<std::pair<std::string_view, int>> spellings;  // as typed (trimmed), first seen first
    int count = 0;
  };
  std::vector<Group> groups;                  // by first appearance
  std::map<std::string, std::size_t> by_key;  // folded form -> index in groups
  int ideas = 0, short_ones = 0;
  for (const auto& [id, idea] : a.ideas) {
    if (idea.hidden || !idea.approved) continue;
    std::string key = normalize_answer(idea.text);
    if (key.empty()) continue;
    ++ideas;
    short_ones += std::count(key.begin(), key.end(), ' ') <= 1;  // spaces are collapsed: two words at most
    const auto [at, fresh] = by_key.emplace(std::move(key), groups.size());
    if (fresh) groups.emplace_back();
    Group& g = groups[at->second];
    ++g.count;
    const std::string_view spelling = trim(idea.text);
    auto same = std::find_if(g.spellings.begin(), g.spellings.end(), [&](const auto& s) { return s.first == spelling; });
    if (same == g.spellings.end()) g.spellings.emplace_back(spelling, 1);
    else ++same->second;
  }
  // The most frequent first; a tie keeps the first seen (std::sort with the tie spelled out, as above).
  std::vector<std::size_t> by_count(groups.size());
  std::iota(by_count.begin(), by_count.end(), std::size_t{0});
  std::sort(by_count.begin(), by_count.end(), [&](std::size_t x, std::size_t y) {
    return groups[x].count != groups[y].count ? groups[x].count > groups[y].count : x < y;
  });
  for (const std::size_t index : by_count) {
    const Group& g = groups[index];
    const auto* shown = &g.spellings.front();
    for (const auto& s : g.spellings)
      if (s.second > shown->second) shown = &s;  // strictly more: a tie keeps the first seen
    f.words.emplace_back(std::string(shown->first), g.count);
  }
  f.cloud = a.spec.kind == ActivityKind::brainstorm && a.spec.categories.empty() && ideas > 0 && short_ones * 4 >= ideas * 3;
}
}  // namespace

IdeaFigures idea_figures(const Session& s, const Activity& a) {
  IdeaFigures f;
  f.participants = int(s.participants.size());
  f.categories.resize(a.spec.categories.size());
  for (std::size_t i = 0; i < a.spec.categories.size(); ++i) f.categories[i].name = a.spec.categories[i];
  CategoryFigures none;
  std::set<std::string> people;
  std::vector<std::pair<int, std::int64_t>> ranked;
  for (const auto& [id, idea] : a.ideas) {
    people.insert(idea.by);
    for (const auto& who : idea.likes) people.insert(who);
    for (const auto& [who, n] : idea.dots) people.insert(who);
    if (idea.hidden) continue;
    if (!idea.approved) { ++f.pending; continue; }
    const int likes = a.spec.dot_budget > 0 ? idea.dot_total : int(idea.likes.size());
    ++f.ideas;
    CategoryFigures& c = idea.category >= 0 && idea.category < int(f.categories.size())
                             ? f.categories[std::size_t(idea.category)] : none;
    ++c.ideas;
    c.likes += likes;
    ranked.emplace_back(-likes, id);
    if (likes != 0) f.likes[id] = likes;
  }
  if (none.ideas > 0) f.categories.push_back(none);
  word_cloud(a, f);
  std::sort(ranked.begin(), ranked.end());
  for (const auto& [neg, id] : ranked) f.by_likes.push_back(id);
  f.contributors = int(people.size());
  return f;
}

RatingFigures rating_figures(const Session& s, const Activity& a) {
  RatingFigures f;
  f.participants = int(s.participants.size());
  f.per_star.assign(std::size_t(std::max(a.spec.scale, 0)), 0);
  std::int64_t sum = 0;
  for (const auto& [who, v] : a.votes) {
    sum += v.stars;
    if (v.stars >= 1 && v.stars <= a.spec.scale) ++f.per_star[std::size_t(v.stars - 1)];
  }
  f.votes = int(a.votes.size());
  f.average_tenths = average_tenths(sum, f.votes);
  return f;
}

QnaFigures qna_figures(const Session&, const Activity& a) {
  QnaFigures f;
  std::vector<std::pair<int, std::int64_t>> ranked;
  for (const auto& [id, q] : a.questions) {
    if (q.hidden || !q.approved) continue;
    ++f.questions;
    if (q.answered) ++f.answered;
    ranked.emplace_back(-int(q.upvotes.size()), id);
    if (!q.upvotes.empty()) f.upvotes[id] = int(q.upvotes.size());
  }
  std::sort(ranked.begin(), ranked.end());
  for (const auto& [neg, id] : ranked) f.by_votes.push_back(id);
  return f;
}

ActivityFigures room_figures(const Session& s, const Activity& a) {
  ActivityFigures f;
  f.kind = a.spec.kind;
  switch (a.spec.kind) {
    case ActivityKind::challenge:
      f.challenge = challenge_figures(s, a);
      if (a.spec.anonymous) f.challenge.winner.clear();
      break;
    case ActivityKind::quiz: {
      f.quiz = quiz_figures(s, a);
      if (a.question_open()) {  // how many answered, nothing that tells what is right
        const auto q = std::size_t(a.current_question);
        f.quiz.correct[q] = f.quiz.correct_percent[q] = 0;
        std::fill(f.quiz.picks[q].begin(), f.quiz.picks[q].end(), 0);
        std::fill(f.quiz.picks_percent[q].begin(), f.quiz.picks_percent[q].end(), 0);
      }
      if (!a.leaderboard_shown) f.quiz.leaderboard.clear();
      break;
    }
    case ActivityKind::survey: f.survey = survey_figures(s, a); break;
    case ActivityKind::brainstorm:
    case ActivityKind::board: {
      f.ideas = idea_figures(s, a);
      IdeaFigures& i = f.ideas;
      if (i.by_likes.size() > published_ideas_max) {
        i.by_likes.resize(published_ideas_max);
        std::map<std::int64_t, int> kept;
        for (std::int64_t id : i.by_likes)
          if (auto it = i.likes.find(id); it != i.likes.end()) kept.insert(*it);
        i.likes = std::move(kept);
      }
      if (i.words.size() > published_words_max) i.words.resize(published_words_max);
      break;
    }
    case ActivityKind::rating: f.rating = rating_figures(s, a); break;
    case ActivityKind::qna: f.qna = qna_figures(s, a); break;
    case ActivityKind::presentation: break;
  }
  return f;
}

bool shown_figures_current(const Session& s, const Activity& a) {
  return s.hears_every_answer || (a.published && a.published->as_of >= a.figures_seq);
}

ActivityFigures shown_figures(const Session& s, const Activity& a) {
  if (s.hears_every_answer) return room_figures(s, a);
  if (a.published) return *a.published;
  // Zeros of the right shape: views index per question and per choice.
  Session empty;
  empty.hears_every_join = s.hears_every_join;
  Activity blank;
  blank.spec = a.spec;
  blank.current_question = a.current_question;
  blank.quiz_answers.assign(a.spec.kind == ActivityKind::quiz ? a.spec.quiz.size() : 0, {});
  blank.question_closed_at.assign(blank.quiz_answers.size(), 1);
  blank.survey_answers.assign(a.spec.kind == ActivityKind::survey ? a.spec.questions.size() : 0, {});
  ActivityFigures f = room_figures(empty, blank);
  f.quiz.participants = f.survey.participants = f.ideas.participants = f.rating.participants = f.challenge.participants =
      int(s.participants.size());
  return f;
}

}  // namespace palabre::core
