// Plan and activity-spec JSON: reading (typed, path-aware, never throws), validation, writing.
// [SECTION] names  [SECTION] spec read  [SECTION] spec validate  [SECTION] spec write  [SECTION] plan
#include "core/plan.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/json_fields.hpp"
#include "core/text.hpp"
#include "core/timezone.hpp"

namespace palabre::core {
using detail::Fields;
using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

// [SECTION] names
namespace {
constexpr std::string_view activity_names[] = {"challenge", "quiz", "survey", "brainstorm",
                                               "board", "rating", "qna", "presentation"};
constexpr std::string_view question_names[] = {"single", "multiple", "open", "ranking", "rating"};
std::string idx(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }
}  // namespace

std::string_view to_string(ActivityKind kind) { return activity_names[static_cast<int>(kind)]; }
std::string_view to_string(QuestionKind kind) { return question_names[static_cast<int>(kind)]; }
std::optional<ActivityKind> activity_kind_from_string(std::string_view text) {
  for (int i = 0; i < 8; ++i)
    if (activity_names[i] == text) return static_cast<ActivityKind>(i);
  return std::nullopt;
}
std::optional<QuestionKind> question_kind_from_string(std::string_view text) {
  for (int i = 0; i < 5; ++i)
    if (question_names[i] == text) return static_cast<QuestionKind>(i);
  return std::nullopt;
}

bool only_wording_differs(const ActivitySpec& current, const ActivitySpec& edited) {
  // The edited spec with the current wording put back must be the current spec itself.
  ActivitySpec meaning = edited;
  const auto same_count = [](const auto& a, const auto& b) { return a.size() == b.size(); };
  if (!same_count(meaning.quiz, current.quiz) || !same_count(meaning.questions, current.questions) ||
      !same_count(meaning.categories, current.categories) || !same_count(meaning.pages, current.pages))
    return false;
  meaning.title = current.title;
  meaning.hint = current.hint;
  meaning.image = current.image;
  for (std::size_t i = 0; i < meaning.quiz.size(); ++i) {
    meaning.quiz[i].text = current.quiz[i].text;
    meaning.quiz[i].image = current.quiz[i].image;
    meaning.quiz[i].choice_images = current.quiz[i].choice_images;
    if (same_count(meaning.quiz[i].choices, current.quiz[i].choices)) meaning.quiz[i].choices = current.quiz[i].choices;
  }
  for (std::size_t i = 0; i < meaning.questions.size(); ++i) {
    meaning.questions[i].text = current.questions[i].text;
    meaning.questions[i].hint = current.questions[i].hint;
    meaning.questions[i].image = current.questions[i].image;
    if (same_count(meaning.questions[i].choices, current.questions[i].choices))
      meaning.questions[i].choices = current.questions[i].choices;
  }
  meaning.categories = current.categories;
  meaning.pages = current.pages;
  return meaning == current;
}

bool is_image_ref(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::vector<std::string> image_refs(const ActivitySpec& spec) {
  std::vector<std::string> refs;
  for_each_image(spec, [&](const std::string& ref) { if (is_image_ref(ref)) refs.push_back(ref); });
  return refs;
}

// [SECTION] spec read
namespace {
// Reads an array of objects at key, calling read_one(Fields&, T&) for each element.
template <class T, class ReadOne>
void read_objects(Fields& f, std::string_view key, std::vector<T>& out, ReadOne read_one) {
  const json* arr = f.find(key);
  if (!arr) return;
  if (!arr->is_array()) { f.fail(f.at(key), "expected an array"); return; }
  for (std::size_t i = 0; i < arr->size() && f.ok(); ++i) {
    Fields item((*arr)[i], idx(f.at(key), i), f.error());
    T value{};
    read_one(item, value);
    out.push_back(std::move(value));
  }
}
}  // namespace

Decoded<ActivitySpec> spec_from_json(const json& value, const std::string& path) {
  Decoded<ActivitySpec> result;
  Fields f(value, path, result.error);
  ActivitySpec s;
  std::string kind;
  if (f.str("kind", kind)) {
    if (auto k = activity_kind_from_string(kind)) s.kind = *k;
    else f.fail(f.at("kind"), "unknown activity kind '" + kind + "' (expected challenge, quiz, survey, brainstorm, board, rating, qna or presentation)");
  }
  f.str("title", s.title);
  f.str("hint", s.hint, false);
  f.boolean("anonymous", s.anonymous, false);
  f.boolean("accessible", s.accessible, false);
  f.i32("timer_s", s.timer_s, false);
  f.strings("answers", s.answers, false);
  f.strings("categories", s.categories, false);
  f.boolean("controlled", s.controlled, false);
  f.i32("dot_budget", s.dot_budget, false);
  f.i32("scale", s.scale, false);
  f.str("image", s.image, false);
  if (!f.ok()) return result;
  if (s.kind == ActivityKind::quiz) {
    read_objects(f, "questions", s.quiz, [](Fields& q, QuizQuestion& v) {
      q.str("text", v.text);
      q.strings("choices", v.choices);
      q.ints("correct", v.correct);
      q.i32("limit_s", v.limit_s, false);
      q.str("image", v.image, false);
      q.strings("choice_images", v.choice_images, false);
    });
  } else if (s.kind == ActivityKind::survey) {
    read_objects(f, "questions", s.questions, [](Fields& q, SurveyQuestion& v) {
      std::string k;
      if (q.str("kind", k)) {
        if (auto qk = question_kind_from_string(k)) v.kind = *qk;
        else q.fail(q.at("kind"), "unknown question kind '" + k + "' (expected single, multiple, open, ranking or rating)");
      }
      q.str("text", v.text);
      q.str("hint", v.hint, false);
      q.strings("choices", v.choices, false);
      q.i32("max_choices", v.max_choices, false);
      q.i32("scale", v.scale, false);
      q.boolean("comment", v.comment, false);
      q.str("image", v.image, false);
    });
  }
  read_objects(f, "pages", s.pages, [](Fields& p, Page& v) {
    p.str("title", v.title, false);
    p.str("text", v.text, false);
    p.str("image", v.image, false);
    p.str("slide_text", v.slide_text, false);
    p.str("notes", v.notes, false);
  });
  if (f.ok()) result.value = std::move(s);
  return result;
}

// [SECTION] spec validate
DecodeError validate_spec(const ActivitySpec& s, const std::string& path) {
  auto err = [](std::string p, std::string r) { return DecodeError{std::move(p), std::move(r)}; };
  const auto bad_ref = [](const std::string& ref) { return !ref.empty() && !is_image_ref(ref); };
  constexpr std::string_view ref_rule = "must be an image's SHA-256 (64 lowercase hex digits)";
  if (trim(s.title).empty()) return err(path + ".title", "must not be empty");
  if (bad_ref(s.image)) return err(path + ".image", std::string(ref_rule));
  if (s.timer_s < 0 || s.timer_s > 24 * 3600) return err(path + ".timer_s", "must be between 0 and 86400 seconds");
  switch (s.kind) {
    case ActivityKind::challenge:
      if (s.answers.empty()) return err(path + ".answers", "a challenge needs at least one accepted answer");
      for (std::size_t i = 0; i < s.answers.size(); ++i)
        if (trim(s.answers[i]).empty()) return err(idx(path + ".answers", i), "must not be empty");
      break;
    case ActivityKind::quiz:
      if (s.quiz.empty()) return err(path + ".questions", "a quiz needs at least one question");
      for (std::size_t i = 0; i < s.quiz.size(); ++i) {
        const auto& q = s.quiz[i];
        const std::string qp = idx(path + ".questions", i);
        if (trim(q.text).empty()) return err(qp + ".text", "must not be empty");
        if (q.choices.size() < 2) return err(qp + ".choices", "needs at least 2 choices");
        if (q.correct.empty()) return err(qp + ".correct", "needs at least one correct choice");
        std::set<int> seen;
        for (std::size_t c = 0; c < q.correct.size(); ++c)
          if (q.correct[c] < 0 || q.correct[c] >= int(q.choices.size()) || !seen.insert(q.correct[c]).second)
            return err(idx(qp + ".correct", c), "must be a distinct index into choices");
        if (q.limit_s <= 0 || q.limit_s > 3600) return err(qp + ".limit_s", "must be between 1 and 3600 seconds");
        if (bad_ref(q.image)) return err(qp + ".image", std::string(ref_rule));
        if (!q.choice_images.empty() && q.choice_images.size() != q.choices.size())
          return err(qp + ".choice_images", "must have one entry per choice (\"\" for none)");
        for (std::size_t c = 0; c < q.choice_images.size(); ++c)
          if (bad_ref(q.choice_images[c])) return err(idx(qp + ".choice_images", c), std::string(ref_rule));
      }
      break;
    case ActivityKind::survey:
      if (s.questions.empty()) return err(path + ".questions", "a survey needs at least one question");
      for (std::size_t i = 0; i < s.questions.size(); ++i) {
        const auto& q = s.questions[i];
        const std::string qp = idx(path + ".questions", i);
        if (trim(q.text).empty()) return err(qp + ".text", "must not be empty");
        const bool with_choices = q.kind == QuestionKind::single || q.kind == QuestionKind::multiple ||
                                  q.kind == QuestionKind::ranking;
        if (with_choices && q.choices.size() < 2) return err(qp + ".choices", "needs at least 2 choices");
        if (!with_choices && !q.choices.empty()) return err(qp + ".choices", "only single, multiple and ranking questions have choices");
        if (q.kind == QuestionKind::multiple && (q.max_choices < 0 || q.max_choices > int(q.choices.size())))
          return err(qp + ".max_choices", "must be between 0 (no limit) and the number of choices");
        if (q.kind == QuestionKind::rating && (q.scale < 2 || q.scale > 10))
          return err(qp + ".scale", "must be between 2 and 10");
        if (bad_ref(q.image)) return err(qp + ".image", std::string(ref_rule));
      }
      break;
    case ActivityKind::brainstorm:
    case ActivityKind::board:
      for (std::size_t i = 0; i < s.categories.size(); ++i)
        if (trim(s.categories[i]).empty()) return err(idx(path + ".categories", i), "must not be empty");
      if (s.dot_budget < 0 || s.dot_budget > 100) return err(path + ".dot_budget", "must be between 0 (likes) and 100");
      break;
    case ActivityKind::rating:
      if (s.scale < 2 || s.scale > 10) return err(path + ".scale", "must be between 2 and 10");
      break;
    case ActivityKind::qna:
      break;
    case ActivityKind::presentation:
      if (s.pages.empty()) return err(path + ".pages", "a presentation needs at least one page");
      for (std::size_t i = 0; i < s.pages.size(); ++i) {
        // Logs made before blobs carry a page's image inline as a data: URI; they still replay.
        const auto& img = s.pages[i].image;
        const bool inline_image = img.rfind("data:image/png;base64,", 0) == 0 || img.rfind("data:image/jpeg;base64,", 0) == 0;
        if (!img.empty() && !is_image_ref(img) && !inline_image)
          return err(idx(path + ".pages", i) + ".image", std::string(ref_rule));
        if (img.size() > 256 * 1024) return err(idx(path + ".pages", i) + ".image", "must be at most 256 KiB");
      }
      break;
  }
  return {};
}

// [SECTION] spec write
ojson spec_to_json(const ActivitySpec& s, bool with_notes) {
  ojson j = ojson::object();
  j["kind"] = std::string(to_string(s.kind));
  j["title"] = s.title;
  if (!s.hint.empty()) j["hint"] = s.hint;
  if (s.anonymous) j["anonymous"] = true;
  if (s.accessible && s.kind == ActivityKind::quiz) j["accessible"] = true;
  if (s.timer_s) j["timer_s"] = s.timer_s;
  if (!s.image.empty()) j["image"] = s.image;
  switch (s.kind) {
    case ActivityKind::challenge: j["answers"] = s.answers; break;
    case ActivityKind::quiz: {
      ojson qs = ojson::array();
      for (const auto& q : s.quiz) {
        ojson o = ojson::object();
        o["text"] = q.text;
        o["choices"] = q.choices;
        o["correct"] = q.correct;
        o["limit_s"] = q.limit_s;
        if (!q.image.empty()) o["image"] = q.image;
        if (!q.choice_images.empty()) o["choice_images"] = q.choice_images;
        qs.push_back(std::move(o));
      }
      j["questions"] = std::move(qs);
      break;
    }
    case ActivityKind::survey: {
      if (s.controlled) j["controlled"] = true;
      ojson qs = ojson::array();
      for (const auto& q : s.questions) {
        ojson o = ojson::object();
        o["kind"] = std::string(to_string(q.kind));
        o["text"] = q.text;
        if (!q.hint.empty()) o["hint"] = q.hint;
        if (!q.choices.empty()) o["choices"] = q.choices;
        if (q.kind == QuestionKind::multiple && q.max_choices) o["max_choices"] = q.max_choices;
        if (q.kind == QuestionKind::rating) { o["scale"] = q.scale; o["comment"] = q.comment; }
        if (!q.image.empty()) o["image"] = q.image;
        qs.push_back(std::move(o));
      }
      j["questions"] = std::move(qs);
      break;
    }
    case ActivityKind::brainstorm:
    case ActivityKind::board:
      j["categories"] = s.categories;
      if (s.controlled) j["controlled"] = true;
      if (s.dot_budget) j["dot_budget"] = s.dot_budget;
      break;
    case ActivityKind::rating: j["scale"] = s.scale; break;
    case ActivityKind::qna: if (s.controlled) j["controlled"] = true; break;
    case ActivityKind::presentation: {
      ojson ps = ojson::array();
      for (const auto& p : s.pages) {
        ojson o = ojson::object();
        o["title"] = p.title;
        o["text"] = p.text;
        if (!p.image.empty()) o["image"] = p.image;
        if (!p.slide_text.empty()) o["slide_text"] = p.slide_text;
        if (with_notes && !p.notes.empty()) o["notes"] = p.notes;
        ps.push_back(std::move(o));
      }
      j["pages"] = std::move(ps);
      break;
    }
  }
  return j;
}

// [SECTION] plan
Decoded<Plan> load_plan(std::string_view text) {
  Decoded<Plan> result;
  json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) { result.error = {"$", "not valid JSON"}; return result; }
  Fields f(root, "$", result.error);
  std::string format;
  std::int64_t version = 0;
  if (f.str("format", format) && format != "palabre-plan") f.fail("$.format", "expected \"palabre-plan\"");
  if (f.i64("version", version) && version != plan_format_version)
    f.fail("$.version", "unsupported version " + std::to_string(version) + " (this build reads version 1)");
  if (!f.ok()) return result;
  Plan plan;
  const json* session = f.find("session");
  if (!session) { f.fail("$.session", "missing (expected an object)"); return result; }
  Fields sf(*session, "$.session", result.error);
  sf.str("title", plan.info.title);
  sf.str("host", plan.info.host, false);
  sf.str("date", plan.info.date, false);
  sf.str("description", plan.info.description, false);
  sf.str("locale", plan.info.locale, false);
  sf.str("timezone", plan.info.timezone, false);
  if (!sf.ok()) return result;
  if (plan.info.locale != "fr" && plan.info.locale != "en") { sf.fail("$.session.locale", "expected \"fr\" or \"en\""); return result; }
  if (!parse_timezone(plan.info.timezone)) {
    sf.fail("$.session.timezone", "unknown time zone '" + plan.info.timezone + "' (UTC, ±HH:MM or a supported region like Europe/Paris)");
    return result;
  }
  const json* acts = f.find("activities");
  if (!acts) { f.fail("$.activities", "missing (expected an array)"); return result; }
  if (!acts->is_array()) { f.fail("$.activities", "expected an array"); return result; }
  for (std::size_t i = 0; i < acts->size(); ++i) {
    const std::string path = idx("$.activities", i);
    auto spec = spec_from_json((*acts)[i], path);
    if (!spec) { result.error = spec.error; return result; }
    if (DecodeError e = validate_spec(*spec.value, path); !e.reason.empty()) { result.error = e; return result; }
    plan.activities.push_back(std::move(*spec.value));
  }
  if (const json* images = f.find("images")) {
    if (!images->is_object()) { f.fail("$.images", "expected an object (image ref → data: URI)"); return result; }
    for (const auto& [ref, uri] : images->items()) {
      const std::string path = "$.images." + ref;
      if (!is_image_ref(ref)) { result.error = {path, "the key must be an image's SHA-256 (64 lowercase hex digits)"}; return result; }
      const bool data_uri = uri.is_string() && uri.get_ref<const std::string&>().rfind("data:image/", 0) == 0 &&
                            uri.get_ref<const std::string&>().find(";base64,") != std::string::npos;
      if (!data_uri) { result.error = {path, "must be a data:image/…;base64, URI"}; return result; }
      plan.images.emplace(ref, uri.get<std::string>());
    }
  }
  result.value = std::move(plan);
  return result;
}

std::string plan_to_json(const Plan& plan) {
  ojson root = ojson::object();
  root["format"] = "palabre-plan";
  root["version"] = plan_format_version;
  ojson s = ojson::object();
  s["title"] = plan.info.title;
  s["host"] = plan.info.host;
  s["date"] = plan.info.date;
  s["description"] = plan.info.description;
  s["locale"] = plan.info.locale;
  s["timezone"] = plan.info.timezone;
  root["session"] = std::move(s);
  ojson acts = ojson::array();
  for (const auto& a : plan.activities) acts.push_back(spec_to_json(a, true));
  root["activities"] = std::move(acts);
  if (!plan.images.empty()) {
    ojson images = ojson::object();
    for (const auto& [ref, uri] : plan.images) images[ref] = uri;
    root["images"] = std::move(images);
  }
  return root.dump(2);
}

std::vector<std::string> speaker_notes(const ActivitySpec& spec) {
  std::vector<std::string> notes;
  for (const auto& page : spec.pages) notes.push_back(page.notes);
  while (!notes.empty() && notes.back().empty()) notes.pop_back();
  return notes;
}

std::vector<Event> plan_events(const Plan& plan) {
  std::vector<Event> events;
  SessionConfigure c;
  c.title = plan.info.title;
  c.host = plan.info.host;
  c.date = plan.info.date;
  c.description = plan.info.description;
  c.locale = plan.info.locale;
  c.timezone = plan.info.timezone;
  events.emplace_back(std::move(c));
  for (const auto& a : plan.activities) {
    events.emplace_back(ActivityAdd{a});
    if (std::vector<std::string> notes = speaker_notes(a); !notes.empty()) events.emplace_back(ActivityNotes{0, std::move(notes)});
  }
  return events;
}

}  // namespace palabre::core
