// The JSON form of the report model (schema "palabre-report", version kReportSchemaVersion;
// docs/report.md). Written straight to text by a small streaming writer: building a DOM of a
// 100,000-record report first cost more than all the other formats together. Output is
// pretty-printed with 2 spaces, keys in a fixed order, so equal reports give equal bytes.
//
// [SECTION] Writer
// [SECTION] Model
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/utf8.hpp"
#include "report/locale.hpp"
#include "report/render.hpp"

namespace palabre::report {

namespace {

// [SECTION] Writer ----------------------------------------------------------------------------------

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view name) {
    next_item();
    write_string(name);
    out_ += ": ";
    after_key_ = true;
  }

  void string(std::string_view text) { next_item(); write_string(text); }
  void null() { next_item(); out_ += "null"; }
  void boolean(bool v) { next_item(); out_ += v ? "true" : "false"; }
  void integer(std::int64_t v) {
    next_item();
    std::array<char, 24> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    (void)ec;
    out_.append(buffer.data(), end);
  }
  // Shortest fixed-point text that reads back to the same double; integral values keep a ".0"
  // (as nlohmann/json writes them). snprintf/strtod rather than std::to_chars(double), which
  // emscripten 3.1.6's libc++ lacks — and the same code keeps native and wasm output identical.
  void number(double v) {
    next_item();
    if (!std::isfinite(v) || std::fabs(v) >= 1e15) {
      out_ += std::isfinite(v) ? std::to_string(std::int64_t(v)) + ".0" : "null";
      return;
    }
    char buffer[64];
    for (int decimals = 0; decimals <= 17; ++decimals) {
      const int length = std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
      if (length <= 0 || std::size_t(length) >= sizeof buffer) break;
      if (std::strtod(buffer, nullptr) == v || decimals == 17) {
        out_.append(buffer, std::size_t(length));
        if (decimals == 0) out_ += ".0";
        return;
      }
    }
    out_ += "0.0";
  }
  // A string, or null when empty (names of anonymous authors).
  void string_or_null(std::string_view text) { text.empty() ? null() : string(text); }

  template <class T>
  void field(std::string_view name, const T& value) {
    key(name);
    if constexpr (std::is_same_v<T, bool>) boolean(value);
    else if constexpr (std::is_floating_point_v<T>) number(value);
    else if constexpr (std::is_integral_v<T>) integer(value);
    else string(value);
  }

 private:
  void open(char bracket) {
    next_item();
    out_ += bracket;
    counts_.push_back(0);
  }
  void close(char bracket) {
    const int count = counts_.back();
    counts_.pop_back();
    if (count > 0) {
      out_ += '\n';
      out_.append(2 * counts_.size(), ' ');
    }
    out_ += bracket;
  }
  // Separator and indentation before an array item or an object key (not before a key's value).
  void next_item() {
    if (after_key_) { after_key_ = false; return; }
    if (counts_.empty()) return;
    out_ += counts_.back()++ ? ",\n" : "\n";
    out_.append(2 * counts_.size(), ' ');
  }

  // Escapes as JSON requires; invalid UTF-8 becomes U+FFFD instead of failing.
  void write_string(std::string_view s) {
    out_ += '"';
    for (std::size_t i = 0; i < s.size();) {
      // Plain printable ASCII goes out in one append: most text is made of it.
      std::size_t run = i;
      while (run < s.size()) {
        const unsigned char r = static_cast<unsigned char>(s[run]);
        if (r < 0x20 || r >= 0x80 || r == '"' || r == '\\') break;
        ++run;
      }
      if (run > i) {
        out_.append(s.data() + i, run - i);
        i = run;
        continue;
      }
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        switch (c) {
          case '"': out_ += "\\\""; break;
          case '\\': out_ += "\\\\"; break;
          case '\b': out_ += "\\b"; break;
          case '\f': out_ += "\\f"; break;
          case '\n': out_ += "\\n"; break;
          case '\r': out_ += "\\r"; break;
          case '\t': out_ += "\\t"; break;
          default:
            if (c < 0x20) {
              static constexpr char kHex[] = "0123456789abcdef";
              out_ += "\\u00";
              out_ += kHex[c >> 4];
              out_ += kHex[c & 15];
            } else {
              out_ += char(c);
            }
        }
        ++i;
        continue;
      }
      const core::utf8::Decoded d = core::utf8::decode(s, i);
      if (!d.valid) {
        out_ += "\xEF\xBF\xBD";
        ++i;
      } else {
        out_.append(s.substr(i, d.length));
        i += d.length;
      }
    }
    out_ += '"';
  }

  std::string& out_;
  std::vector<int> counts_;  // items written so far in each open container
  bool after_key_ = false;
};

// [SECTION] Model -------------------------------------------------------------------------------------

void moment(JsonWriter& w, std::string_view name, const Moment& m) {
  w.key(name);
  if (m.known()) w.string(format_iso8601(m));
  else w.null();
}

void authored(JsonWriter& w, const Authored& a) {
  w.begin_object();
  w.key("author");
  w.string_or_null(a.author);
  w.field("text", a.text);
  moment(w, "at", a.at);
  w.end_object();
}

template <class T, class F>
void array(JsonWriter& w, std::string_view name, const std::vector<T>& items, F&& write_item) {
  w.key(name);
  w.begin_array();
  for (const T& item : items) write_item(w, item);
  w.end_array();
}

void choices(JsonWriter& w, const std::vector<Choice>& items, bool with_correct) {
  array(w, "choices", items, [&](JsonWriter& w, const Choice& c) {
    w.begin_object();
    w.field("label", c.label);
    w.field("count", c.count);
    w.field("percent", c.percent);
    if (with_correct) w.field("correct", c.correct);
    w.end_object();
  });
}

void rating(JsonWriter& w, const RatingSummary& r) {
  w.key("rating");
  w.begin_object();
  w.field("scale", r.scale);
  w.field("average", double(r.average_tenths) / 10.0);
  w.field("average_tenths", r.average_tenths);
  w.field("votes", r.votes);
  array(w, "distribution", r.distribution, [](JsonWriter& w, int n) { w.integer(n); });
  w.end_object();
}

void idea(JsonWriter& w, const Idea& i) {
  w.begin_object();
  w.field("text", i.text);
  w.key("author");
  w.string_or_null(i.author);
  w.field("category", i.category);
  w.field("likes", i.likes);
  moment(w, "at", i.at);
  w.end_object();
}

void groups(JsonWriter& w, const std::vector<IdeaGroup>& items) {
  array(w, "groups", items, [](JsonWriter& w, const IdeaGroup& g) {
    w.begin_object();
    w.field("category", g.category);
    array(w, "ideas", g.ideas, idea);
    w.end_object();
  });
}

void detail(JsonWriter& w, const ChallengeDetail& d) {
  w.field("question", d.question);
  w.field("hint", d.hint);
  w.field("answer", d.answer);
  w.field("won", d.won);
  w.key("winner");
  w.string_or_null(d.winner);
  w.field("attempts", d.attempts);
  w.field("winner_attempts", d.winner_attempts);
  w.field("seconds_to_win", d.seconds_to_win);
}

void detail(JsonWriter& w, const QuizDetail& d) {
  array(w, "questions", d.questions, [](JsonWriter& w, const QuizQuestion& q) {
    w.begin_object();
    w.field("number", q.number);
    w.field("text", q.text);
    choices(w, q.choices, true);
    w.field("answered", q.answered);
    w.field("correct", q.correct);
    w.field("percent_correct", q.percent_correct);
    w.field("time_limit_seconds", q.time_limit_seconds);
    w.end_object();
  });
  array(w, "leaderboard", d.leaderboard, [](JsonWriter& w, const LeaderboardRow& r) {
    w.begin_object();
    w.field("rank", r.rank);
    w.key("name");
    w.string_or_null(r.name);
    w.field("points", r.points);
    w.field("correct_answers", r.correct_answers);
    w.end_object();
  });
}

void detail(JsonWriter& w, const SurveyDetail& d) {
  array(w, "questions", d.questions, [](JsonWriter& w, const SurveyQuestion& q) {
    w.begin_object();
    w.field("number", q.number);
    w.field("kind", to_string(q.kind));
    w.field("text", q.text);
    w.field("hint", q.hint);
    w.field("respondents", q.respondents);
    switch (q.kind) {
      case QuestionKind::single_choice:
      case QuestionKind::multiple_choice:
        w.field("max_choices", q.max_choices);
        choices(w, q.choices, false);
        break;
      case QuestionKind::open: array(w, "answers", q.answers, authored); break;
      case QuestionKind::ranking:
        array(w, "ranking", q.ranking, [](JsonWriter& w, const RankedItem& r) {
          w.begin_object();
          w.field("position", r.position);
          w.field("label", r.label);
          w.field("score", r.score);
          w.end_object();
        });
        break;
      case QuestionKind::rating:
        rating(w, q.rating);
        array(w, "comments", q.comments, authored);
        break;
    }
    w.end_object();
  });
}

void detail(JsonWriter& w, const BrainstormDetail& d) {
  w.field("prompt", d.prompt);
  w.field("one_word", d.one_word);
  w.field("idea_count", d.idea_count);
  groups(w, d.groups);
  array(w, "words", d.words, [](JsonWriter& w, const WordCount& word) {
    w.begin_object();
    w.field("text", word.text);
    w.field("count", word.count);
    w.end_object();
  });
}

void detail(JsonWriter& w, const BoardDetail& d) {
  w.field("prompt", d.prompt);
  w.field("width", d.width);
  w.field("height", d.height);
  w.field("unit", d.unit);
  array(w, "zones", d.zones, [](JsonWriter& w, const BoardZone& z) {
    w.begin_object();
    w.field("label", z.label);
    w.field("colour", z.colour);
    w.field("x", z.x);
    w.field("y", z.y);
    w.field("width", z.width);
    w.field("height", z.height);
    w.end_object();
  });
  array(w, "notes", d.notes, [](JsonWriter& w, const BoardNote& n) {
    w.begin_object();
    w.field("text", n.text);
    w.key("author");
    w.string_or_null(n.author);
    w.field("category", n.category);
    w.field("colour", n.colour);
    w.field("x", n.x);
    w.field("y", n.y);
    w.field("likes", n.likes);
    w.field("width", n.width);
    w.field("height", n.height);
    w.end_object();
  });
  w.field("idea_count", d.idea_count);
  groups(w, d.groups);
}

void detail(JsonWriter& w, const RatingDetail& d) {
  w.field("question", d.question);
  rating(w, d.rating);
}

void detail(JsonWriter& w, const QnaDetail& d) {
  array(w, "questions", d.questions, [](JsonWriter& w, const QnaQuestion& q) {
    w.begin_object();
    w.field("text", q.text);
    w.key("author");
    w.string_or_null(q.author);
    w.field("votes", q.votes);
    w.field("answered", q.answered);
    moment(w, "at", q.at);
    w.end_object();
  });
}

void activity(JsonWriter& w, const Activity& a, Lang lang) {
  w.begin_object();
  w.field("id", a.id);
  w.field("kind", to_string(a.kind()));
  w.field("title", a.title);
  w.field("instructions", a.instructions);
  w.field("anonymous", a.anonymous);
  if (!a.images.empty()) {  // by ref: the HTML report embeds their bytes
    w.key("images");
    w.begin_array();
    for (const EmbeddedImage& image : a.images) w.string(image.ref);
    w.end_array();
  }
  w.key("participation");
  w.begin_object();
  w.field("took_part", a.participation.took_part);
  w.field("session_participants", a.participation.session_participants);
  w.field("percent", a.participation.percent);
  w.end_object();
  w.key("headline");
  w.begin_object();
  w.field("kind", to_string(a.headline.kind));
  w.field("value", a.headline.value);
  w.field("total", a.headline.total);
  w.field("text", a.headline.text);
  w.field("display", format_headline(a.headline, lang));
  w.end_object();
  w.key("detail");
  w.begin_object();
  std::visit([&](const auto& d) { detail(w, d); }, a.detail);
  w.end_object();
  array(w, "records", a.records, [](JsonWriter& w, const Record& r) {
    w.begin_object();
    w.field("kind", to_string(r.kind));
    w.field("question", r.question);
    w.key("participant");
    w.string_or_null(r.participant);
    w.field("value", r.value);
    moment(w, "at", r.at);
    w.end_object();
  });
  w.end_object();
}

std::string date_text(const Date& d) {
  std::string s = std::to_string(d.year);
  s += d.month < 10 ? "-0" : "-";
  s += std::to_string(d.month);
  s += d.day < 10 ? "-0" : "-";
  s += std::to_string(d.day);
  return s;
}

}  // namespace

std::string render_json(const Report& report) {
  std::string out;
  out.reserve((1 << 16) + record_count(report) * 256);
  JsonWriter w(out);
  const Header& h = report.header;
  w.begin_object();
  w.field("schema", std::string_view("palabre-report"));
  w.field("version", kReportSchemaVersion);
  w.field("lang", to_string(report.lang));
  w.key("header");
  w.begin_object();
  w.field("title", h.title);
  w.field("host", h.host);
  w.key("date");
  if (h.date.known()) w.string(date_text(h.date));
  else w.null();
  w.field("description", h.description);
  w.field("timezone", h.timezone);
  w.field("participants", h.participants);
  if (h.removed > 0) {  // left out otherwise: reports of sessions without a removal read as before
    w.field("removed", h.removed);
    w.field("hidden_contributions", h.hidden);
  }
  w.end_object();
  array(w, "contents", table_of_contents(report), [](JsonWriter& w, const TocEntry& t) {
    w.begin_object();
    w.field("anchor", t.anchor);
    w.field("label", t.label);
    w.field("level", t.level);
    w.end_object();
  });
  array(w, "activities", report.activities, [&](JsonWriter& w, const Activity& a) { activity(w, a, report.lang); });
  array(w, "presentations", report.presentations, [](JsonWriter& w, const Presentation& p) {
    w.begin_object();
    w.field("id", p.id);
    w.field("title", p.title);
    array(w, "pages", p.pages, [](JsonWriter& w, const Page& page) {
      w.begin_object();
      w.field("number", page.number);
      w.field("title", page.title);
      w.field("text", page.text);
      if (!page.slide_text.empty()) w.field("slide_text", page.slide_text);
      if (!page.image_ref.empty()) {
        w.field("image_ref", page.image_ref);
      } else if (!page.image_mime.empty()) {  // inline in an old log: it has no ref
        w.key("image");
        w.begin_object();
        w.field("mime", page.image_mime);
        w.field("base64", page.image_base64);
        w.end_object();
      }
      w.end_object();
    });
    w.end_object();
  });
  array(w, "messages", report.messages, authored);
  if (!report.left_out.empty())
    array(w, "left_out", report.left_out, [](JsonWriter& w, const Report::LeftOut& x) {
      w.begin_object();
      w.field("line", std::int64_t(x.line));
      w.field("seq", x.seq);
      w.field("reason", x.reason);
      w.end_object();
    });
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace palabre::report
