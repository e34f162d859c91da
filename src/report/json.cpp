// The JSON form of the report model (schema "palabre-report", version kReportSchemaVersion;
// docs/report.md). Keys in a fixed order so equal reports give equal bytes.
#include "report/locale.hpp"
#include "report/render.hpp"

namespace palabre::report {

namespace {
using json = nlohmann::ordered_json;

json moment_json(const Moment& m) {
  if (!m.known()) return nullptr;
  return format_iso8601(m);
}

json authored_json(const Authored& a) {
  return json{{"author", a.author.empty() ? json(nullptr) : json(a.author)}, {"text", a.text}, {"at", moment_json(a.at)}};
}

template <class T, class F>
json array_of(const std::vector<T>& items, F&& convert) {
  json out = json::array();
  for (const T& item : items) out.push_back(convert(item));
  return out;
}

json choices_json(const std::vector<Choice>& choices, bool with_correct) {
  return array_of(choices, [&](const Choice& c) {
    json j{{"label", c.label}, {"count", c.count}, {"percent", c.percent}};
    if (with_correct) j["correct"] = c.correct;
    return j;
  });
}

json rating_json(const RatingSummary& r) {
  return json{{"scale", r.scale}, {"average", double(r.average_tenths) / 10.0}, {"average_tenths", r.average_tenths},
              {"votes", r.votes}, {"distribution", r.distribution}};
}

json idea_json(const Idea& i) {
  return json{{"text", i.text}, {"author", i.author.empty() ? json(nullptr) : json(i.author)},
              {"category", i.category}, {"likes", i.likes}, {"at", moment_json(i.at)}};
}

json groups_json(const std::vector<IdeaGroup>& groups) {
  return array_of(groups, [](const IdeaGroup& g) {
    return json{{"category", g.category}, {"ideas", array_of(g.ideas, idea_json)}};
  });
}

json detail_json(const Detail& detail) {
  return std::visit(
      [](const auto& d) -> json {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, ChallengeDetail>) {
          return json{{"question", d.question}, {"hint", d.hint}, {"answer", d.answer}, {"won", d.won},
                      {"winner", d.winner.empty() ? json(nullptr) : json(d.winner)}, {"attempts", d.attempts},
                      {"winner_attempts", d.winner_attempts}, {"seconds_to_win", d.seconds_to_win}};
        } else if constexpr (std::is_same_v<T, QuizDetail>) {
          return json{{"questions", array_of(d.questions, [](const QuizQuestion& q) {
                         return json{{"number", q.number}, {"text", q.text}, {"choices", choices_json(q.choices, true)},
                                     {"answered", q.answered}, {"correct", q.correct},
                                     {"percent_correct", q.percent_correct}, {"time_limit_seconds", q.time_limit_seconds}};
                       })},
                      {"leaderboard", array_of(d.leaderboard, [](const LeaderboardRow& r) {
                         return json{{"rank", r.rank}, {"name", r.name.empty() ? json(nullptr) : json(r.name)},
                                     {"points", r.points}, {"correct_answers", r.correct_answers}};
                       })}};
        } else if constexpr (std::is_same_v<T, SurveyDetail>) {
          return json{{"questions", array_of(d.questions, [](const SurveyQuestion& q) {
                         json j{{"number", q.number}, {"kind", to_string(q.kind)}, {"text", q.text}, {"hint", q.hint},
                                {"respondents", q.respondents}};
                         switch (q.kind) {
                           case QuestionKind::single_choice:
                           case QuestionKind::multiple_choice:
                             j["max_choices"] = q.max_choices;
                             j["choices"] = choices_json(q.choices, false);
                             break;
                           case QuestionKind::open: j["answers"] = array_of(q.answers, authored_json); break;
                           case QuestionKind::ranking:
                             j["ranking"] = array_of(q.ranking, [](const RankedItem& r) {
                               return json{{"position", r.position}, {"label", r.label}, {"score", r.score}};
                             });
                             break;
                           case QuestionKind::rating:
                             j["rating"] = rating_json(q.rating);
                             j["comments"] = array_of(q.comments, authored_json);
                             break;
                         }
                         return j;
                       })}};
        } else if constexpr (std::is_same_v<T, BrainstormDetail>) {
          return json{{"prompt", d.prompt}, {"one_word", d.one_word}, {"idea_count", d.idea_count},
                      {"groups", groups_json(d.groups)}};
        } else if constexpr (std::is_same_v<T, BoardDetail>) {
          return json{{"prompt", d.prompt}, {"width", d.width}, {"height", d.height},
                      {"zones", array_of(d.zones, [](const BoardZone& z) {
                         return json{{"label", z.label}, {"colour", z.colour}, {"x", z.x}, {"y", z.y},
                                     {"width", z.width}, {"height", z.height}};
                       })},
                      {"notes", array_of(d.notes, [](const BoardNote& n) {
                         return json{{"text", n.text}, {"author", n.author.empty() ? json(nullptr) : json(n.author)},
                                     {"category", n.category}, {"colour", n.colour}, {"x", n.x}, {"y", n.y},
                                     {"likes", n.likes}};
                       })},
                      {"idea_count", d.idea_count}, {"groups", groups_json(d.groups)}};
        } else if constexpr (std::is_same_v<T, RatingDetail>) {
          return json{{"question", d.question}, {"rating", rating_json(d.rating)}};
        } else {
          static_assert(std::is_same_v<T, QnaDetail>);
          return json{{"questions", array_of(d.questions, [](const QnaQuestion& q) {
                         return json{{"text", q.text}, {"author", q.author.empty() ? json(nullptr) : json(q.author)},
                                     {"votes", q.votes}, {"answered", q.answered}, {"at", moment_json(q.at)}};
                       })}};
        }
      },
      detail);
}

json date_json(const Date& d) {
  if (!d.known()) return nullptr;
  std::string s = std::to_string(d.year);
  s += d.month < 10 ? "-0" : "-";
  s += std::to_string(d.month);
  s += d.day < 10 ? "-0" : "-";
  s += std::to_string(d.day);
  return s;
}
}  // namespace

nlohmann::ordered_json to_json(const Report& report) {
  const Header& h = report.header;
  json activities = array_of(report.activities, [&](const Activity& a) {
    return json{
        {"id", a.id},
        {"kind", to_string(a.kind())},
        {"title", a.title},
        {"instructions", a.instructions},
        {"anonymous", a.anonymous},
        {"participation", {{"took_part", a.participation.took_part},
                           {"session_participants", a.participation.session_participants},
                           {"percent", a.participation.percent}}},
        {"headline", {{"kind", to_string(a.headline.kind)}, {"value", a.headline.value}, {"total", a.headline.total},
                      {"text", a.headline.text}, {"display", format_headline(a.headline, report.lang)}}},
        {"detail", detail_json(a.detail)},
        {"records", array_of(a.records, [](const Record& r) {
           return json{{"kind", to_string(r.kind)}, {"question", r.question},
                       {"participant", r.participant.empty() ? json(nullptr) : json(r.participant)},
                       {"value", r.value}, {"at", moment_json(r.at)}};
         })},
    };
  });
  return json{
      {"schema", "palabre-report"},
      {"version", kReportSchemaVersion},
      {"lang", to_string(report.lang)},
      {"header", {{"title", h.title}, {"host", h.host}, {"date", date_json(h.date)}, {"description", h.description},
                  {"timezone", h.timezone}, {"participants", h.participants}}},
      {"contents", array_of(table_of_contents(report), [](const TocEntry& t) {
         return json{{"anchor", t.anchor}, {"label", t.label}, {"level", t.level}};
       })},
      {"activities", std::move(activities)},
      {"presentations", array_of(report.presentations, [](const Presentation& p) {
         return json{{"id", p.id}, {"title", p.title}, {"pages", array_of(p.pages, [](const Page& page) {
                        json j{{"number", page.number}, {"title", page.title}, {"text", page.text}};
                        if (!page.image_mime.empty()) j["image"] = {{"mime", page.image_mime}, {"base64", page.image_base64}};
                        return j;
                      })}};
       })},
      {"messages", array_of(report.messages, authored_json)},
  };
}

std::string render_json(const Report& report) {
  // replace: invalid UTF-8 in user text must not abort a build without exceptions.
  return to_json(report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace palabre::report
