// The JSON of published figures (results.publish): only the part of the activity's kind is written;
// reading never throws and refuses anything out of shape (docs/formats.md, "Published figures").
#include "core/event_codec.hpp"

namespace palabre::core::detail {
namespace {

constexpr std::int64_t max_figure = 1'000'000'000'000;  // counts, seqs and ids are far below

// Typed reads of one sub-object; the first failure is kept in the shared DecodeError.
class FigureReader {
 public:
  FigureReader(Fields& parent, std::string_view key) : parent_(parent), path_(parent.at(key)) {
    object_ = parent.find(key);
    if (!object_) parent_.fail(path_, "missing (expected an object)");
    else if (!object_->is_object()) parent_.fail(path_, "expected an object");
  }
  // One element of an array read by another reader.
  FigureReader(Fields& parent, const json& object, std::string path) : parent_(parent), path_(std::move(path)), object_(&object) {
    if (!object_->is_object()) parent_.fail(path_, "expected an object");
  }
  bool ok() const { return parent_.ok() && object_ && object_->is_object(); }
  const json* find(std::string_view key) const {
    if (!ok()) return nullptr;
    auto it = object_->find(key);
    if (it == object_->end()) { parent_.fail(path_ + "." + std::string(key), "missing"); return nullptr; }
    return &*it;
  }
  template <class Int> void number(std::string_view key, Int& out) {
    if (const json* v = find(key)) number_of(*v, out, path_ + "." + std::string(key));
  }
  void text(std::string_view key, std::string& out) {
    const json* v = find(key);
    if (!v) return;
    if (!v->is_string()) return parent_.fail(path_ + "." + std::string(key), "expected a string");
    out = v->get<std::string>();
  }
  void boolean(std::string_view key, bool& out) {
    const json* v = find(key);
    if (!v) return;
    if (!v->is_boolean()) return parent_.fail(path_ + "." + std::string(key), "expected true or false");
    out = v->get<bool>();
  }
  // An array whose elements `read_one(element, path)` reads.
  template <class T, class ReadOne> void list(std::string_view key, std::vector<T>& out, ReadOne read_one) {
    const json* v = find(key);
    if (!v) return;
    const std::string path = path_ + "." + std::string(key);
    if (!v->is_array()) return parent_.fail(path, "expected an array");
    out.clear();
    for (std::size_t i = 0; i < v->size() && parent_.ok(); ++i) {
      T item{};
      read_one((*v)[i], item, path + "[" + std::to_string(i) + "]");
      out.push_back(std::move(item));
    }
  }
  template <class Int> void numbers(std::string_view key, std::vector<Int>& out) {
    list(key, out, [&](const json& e, Int& item, const std::string& path) { number_of(e, item, path); });
  }
  // [[id, n], …] → map
  void counts(std::string_view key, std::map<std::int64_t, int>& out) {
    std::vector<std::vector<std::int64_t>> pairs;
    list(key, pairs, [&](const json& e, std::vector<std::int64_t>& item, const std::string& path) { tuple(e, item, 2, path); });
    for (const auto& p : pairs)
      if (p.size() == 2) out[p[0]] = int(p[1]);
  }
  // A JSON array of exactly `n` integers.
  void tuple(const json& e, std::vector<std::int64_t>& out, std::size_t n, const std::string& path) {
    if (!e.is_array() || e.size() != n) return parent_.fail(path, "expected an array of " + std::to_string(n) + " integers");
    out.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) number_of(e[i], out[i], path + "[" + std::to_string(i) + "]");
  }
  template <class Int> void number_of(const json& v, Int& out, const std::string& path) {
    if (!v.is_number_integer()) return parent_.fail(path, "expected an integer");
    const auto n = v.get<std::int64_t>();
    if (n < -max_figure || n > max_figure) return parent_.fail(path, "integer out of range");
    out = Int(n);
  }
  Fields& parent() { return parent_; }

 private:
  Fields& parent_;
  std::string path_;
  const json* object_ = nullptr;
};

ojson pairs_json(const std::map<std::int64_t, int>& counts) {
  ojson out = ojson::array();
  for (const auto& [id, n] : counts) out.push_back(ojson::array({id, n}));
  return out;
}

}  // namespace

ojson figures_to_json(const ActivityFigures& f) {
  ojson j = ojson::object();
  j["kind"] = to_string(f.kind);
  j["as_of"] = f.as_of;
  ojson k = ojson::object();
  switch (f.kind) {
    case ActivityKind::challenge: {
      const auto& c = f.challenge;
      k = {{"won", c.won}, {"winner", c.winner}, {"attempts", c.attempts}, {"winner_attempts", c.winner_attempts},
           {"seconds_to_win", c.seconds_to_win}, {"people_attempted", c.people_attempted}, {"participants", c.participants},
           {"participation_percent", c.participation_percent}, {"winning_seq", c.winning_seq}, {"answer", c.answer}};
      j["challenge"] = std::move(k);
      break;
    }
    case ActivityKind::quiz: {
      const auto& q = f.quiz;
      ojson board = ojson::array();
      for (const auto& row : q.leaderboard) board.push_back(ojson::array({row.who, row.points, row.correct}));
      k = {{"respondents", q.respondents}, {"participants", q.participants}, {"answered", q.answered}, {"correct", q.correct},
           {"correct_percent", q.correct_percent}, {"picks", q.picks}, {"picks_percent", q.picks_percent}, {"leaderboard", board}};
      j["quiz"] = std::move(k);
      break;
    }
    case ActivityKind::survey: {
      ojson questions = ojson::array();
      for (const auto& q : f.survey.questions) {
        ojson choices = ojson::array();
        for (const auto& c : q.choices) choices.push_back(ojson::array({c.count, c.percent}));
        questions.push_back({{"respondents", q.respondents}, {"choices", choices}, {"ranking", q.ranking},
                             {"borda_points", q.borda_points}, {"ratings", q.ratings}, {"average_tenths", q.average_tenths},
                             {"per_star", q.per_star}});
      }
      j["survey"] = {{"respondents", f.survey.respondents}, {"participants", f.survey.participants}, {"questions", questions}};
      break;
    }
    case ActivityKind::brainstorm:
    case ActivityKind::board: {
      const auto& i = f.ideas;
      ojson categories = ojson::array(), words = ojson::array();
      for (const auto& c : i.categories) categories.push_back(ojson::array({c.name, c.ideas, c.likes}));
      for (const auto& [word, n] : i.words) words.push_back(ojson::array({word, n}));
      j["ideas"] = {{"ideas", i.ideas}, {"pending", i.pending}, {"contributors", i.contributors}, {"participants", i.participants},
                    {"categories", categories}, {"by_likes", i.by_likes}, {"words", words}, {"cloud", i.cloud}, {"likes", pairs_json(i.likes)}};
      break;
    }
    case ActivityKind::rating: {
      const auto& r = f.rating;
      j["rating"] = {{"votes", r.votes}, {"participants", r.participants}, {"average_tenths", r.average_tenths}, {"per_star", r.per_star}};
      break;
    }
    case ActivityKind::qna: {
      const auto& q = f.qna;
      j["qna"] = {{"questions", q.questions}, {"answered", q.answered}, {"by_votes", q.by_votes}, {"upvotes", pairs_json(q.upvotes)}};
      break;
    }
    case ActivityKind::presentation: break;
  }
  return j;
}

void read_figures(Fields& f, ActivityFigures& out) {
  std::string kind;
  if (!f.str("kind", kind)) return;
  const auto parsed = activity_kind_from_string(kind);
  if (!parsed || *parsed == ActivityKind::presentation) return f.fail(f.at("kind"), "expected the kind of an activity with results");
  out.kind = *parsed;
  f.i64("as_of", out.as_of);
  switch (out.kind) {
    case ActivityKind::challenge: {
      FigureReader r(f, "challenge");
      auto& c = out.challenge;
      r.boolean("won", c.won);
      r.text("winner", c.winner);
      r.number("attempts", c.attempts);
      r.number("winner_attempts", c.winner_attempts);
      r.number("seconds_to_win", c.seconds_to_win);
      r.number("people_attempted", c.people_attempted);
      r.number("participants", c.participants);
      r.number("participation_percent", c.participation_percent);
      r.number("winning_seq", c.winning_seq);
      r.text("answer", c.answer);
      break;
    }
    case ActivityKind::quiz: {
      FigureReader r(f, "quiz");
      auto& q = out.quiz;
      r.number("respondents", q.respondents);
      r.number("participants", q.participants);
      r.numbers("answered", q.answered);
      r.numbers("correct", q.correct);
      r.numbers("correct_percent", q.correct_percent);
      const auto row_of_ints = [&](const json& e, std::vector<int>& item, const std::string& path) {
        if (!e.is_array()) return r.parent().fail(path, "expected an array of integers");
        for (std::size_t i = 0; i < e.size(); ++i) {
          int n = 0;
          r.number_of(e[i], n, path + "[" + std::to_string(i) + "]");
          item.push_back(n);
        }
      };
      r.list("picks", q.picks, row_of_ints);
      r.list("picks_percent", q.picks_percent, row_of_ints);
      r.list("leaderboard", q.leaderboard, [&](const json& e, LeaderboardRow& row, const std::string& path) {
        if (!e.is_array() || e.size() != 3 || !e[0].is_string()) return r.parent().fail(path, "expected [who, points, correct]");
        row.who = e[0].get<std::string>();
        r.number_of(e[1], row.points, path + "[1]");
        r.number_of(e[2], row.correct, path + "[2]");
      });
      break;
    }
    case ActivityKind::survey: {
      FigureReader r(f, "survey");
      r.number("respondents", out.survey.respondents);
      r.number("participants", out.survey.participants);
      r.list("questions", out.survey.questions, [&](const json& e, QuestionFigures& q, const std::string& path) {
        FigureReader one(r.parent(), e, path);
        one.number("respondents", q.respondents);
        one.list("choices", q.choices, [&](const json& c, ChoiceFigure& choice, const std::string& at) {
          std::vector<std::int64_t> pair;
          one.tuple(c, pair, 2, at);
          if (pair.size() == 2) choice = {int(pair[0]), int(pair[1])};
        });
        one.numbers("ranking", q.ranking);
        one.numbers("borda_points", q.borda_points);
        one.number("ratings", q.ratings);
        one.number("average_tenths", q.average_tenths);
        one.numbers("per_star", q.per_star);
      });
      break;
    }
    case ActivityKind::brainstorm:
    case ActivityKind::board: {
      FigureReader r(f, "ideas");
      auto& i = out.ideas;
      r.number("ideas", i.ideas);
      r.number("pending", i.pending);
      r.number("contributors", i.contributors);
      r.number("participants", i.participants);
      r.list("categories", i.categories, [&](const json& e, CategoryFigures& c, const std::string& path) {
        if (!e.is_array() || e.size() != 3 || !e[0].is_string()) return r.parent().fail(path, "expected [name, ideas, likes]");
        c.name = e[0].get<std::string>();
        r.number_of(e[1], c.ideas, path + "[1]");
        r.number_of(e[2], c.likes, path + "[2]");
      });
      r.numbers("by_likes", i.by_likes);
      r.list("words", i.words, [&](const json& e, std::pair<std::string, int>& w, const std::string& path) {
        if (!e.is_array() || e.size() != 2 || !e[0].is_string()) return r.parent().fail(path, "expected [word, count]");
        w.first = e[0].get<std::string>();
        r.number_of(e[1], w.second, path + "[1]");
      });
      r.boolean("cloud", i.cloud);
      r.counts("likes", i.likes);
      break;
    }
    case ActivityKind::rating: {
      FigureReader r(f, "rating");
      r.number("votes", out.rating.votes);
      r.number("participants", out.rating.participants);
      r.number("average_tenths", out.rating.average_tenths);
      r.numbers("per_star", out.rating.per_star);
      break;
    }
    case ActivityKind::qna: {
      FigureReader r(f, "qna");
      r.number("questions", out.qna.questions);
      r.number("answered", out.qna.answered);
      r.numbers("by_votes", out.qna.by_votes);
      r.counts("upvotes", out.qna.upvotes);
      break;
    }
    case ActivityKind::presentation: break;
  }
}

}  // namespace palabre::core::detail
