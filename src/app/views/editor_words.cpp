// The editor's words: example hints per kind, and core's spec problems said for people.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/strings.hpp"
#include "app/views/editor_words.hpp"

namespace palabre::app::views {

// An example of a hint for each kind (the challenge's is a format to answer in).
const char* hint_placeholder(core::ActivityKind kind) {
  switch (kind) {
    case core::ActivityKind::challenge: return tr(S::ed_hint_placeholder);
    case core::ActivityKind::quiz: return tr(S::hint_ph_quiz);
    case core::ActivityKind::survey: return tr(S::hint_ph_survey);
    case core::ActivityKind::brainstorm:
    case core::ActivityKind::board: return tr(S::hint_ph_ideas);
    case core::ActivityKind::rating: return tr(S::hint_ph_rating);
    case core::ActivityKind::qna: return tr(S::hint_ph_qna);
    case core::ActivityKind::presentation: return tr(S::hint_ph_presentation);
  }
  return "";
}

// What core found wrong with the spec (a path such as "$.questions[2].choices" and an English
// reason), said in the user's words and language, with the key of the field it is about: the editor
// shows it under that field, and takes it away as soon as the field is right.
FieldProblem problem_in_words(const core::ActivitySpec& spec, const core::DecodeError& problem) {
  if ((spec.kind == core::ActivityKind::quiz && spec.quiz.empty()) ||
      (spec.kind == core::ActivityKind::survey && spec.questions.empty()))
    return {"q-add", tr(S::ed_no_questions)};
  // "$.name[n].sub[i]" -> name, n, sub, i (-1 where absent).
  std::string name, part;
  int n = -1, i = -1;
  {
    const std::string& p = problem.path;
    std::size_t at = p.rfind("$.", 0) == 0 ? 2 : 0;
    auto word = [&] { std::string w; while (at < p.size() && p[at] != '.' && p[at] != '[') w += p[at++]; return w; };
    auto index = [&] {
      if (at >= p.size() || p[at] != '[') return -1;
      const std::size_t end = p.find(']', at);
      const int v = std::atoi(p.substr(at + 1, end - at - 1).c_str());
      at = end == std::string::npos ? p.size() : end + 1;
      return v;
    };
    name = word();
    n = index();
    if (at < p.size() && p[at] == '.') { ++at; part = word(); i = index(); }
  }
  const std::string& reason = problem.reason;
  std::string what = tr(S::err_out_of_range);
  if (reason.find("must not be empty") != std::string::npos) what = tr(S::err_empty);
  else if (reason.find("at least 2 choices") != std::string::npos) what = tr(S::err_two_choices);
  else if (reason.find("correct") != std::string::npos) what = tr(S::err_one_correct);
  else if (reason.find("at least one") != std::string::npos) what = tr(S::err_need_one);
  else if (reason.find("SHA-256") != std::string::npos || reason.find("KiB") != std::string::npos) what = tr(S::err_image);
  if (const auto between = reason.find("between "); between != std::string::npos) {
    // "must be between 1 and 3600 seconds" -> "valeur hors limites (entre 1 et 3600)"
    int low = 0, high = 0;
    if (std::sscanf(reason.c_str() + between, "between %d %*[^0-9] %d", &low, &high) == 2 ||
        std::sscanf(reason.c_str() + between, "between %d and %d", &low, &high) == 2)
      what += std::string(" (") + tr(S::err_between) + " " + std::to_string(low) + " " + tr(S::err_and) + " " + std::to_string(high) + ")";
  }
  const auto numbered = [](const char* word, int k) { return std::string(word) + " " + std::to_string(k + 1); };
  const std::string q = std::to_string(n);
  if (name == "title") return {"act-title", std::string(tr(S::where_title)) + " : " + what};
  if (name == "timer_s") return {"act-timer", std::string(tr(S::where_timer)) + " : " + what};
  if (name == "answers") return {n < 0 ? "answer-add" : "answer" + std::to_string(n), (n < 0 ? std::string(tr(S::where_answer)) : numbered(tr(S::where_answer), n)) + " : " + what};
  if (name == "categories") return {"cat" + std::to_string(n), numbered(tr(S::where_category), n) + " : " + what};
  if (name == "dot_budget") return {"act-dots", std::string(tr(S::where_dots)) + " : " + what};
  if (name == "scale") return {"act-scale", std::string(tr(S::where_scale)) + " : " + what};
  if (name == "pages") return {n < 0 ? "page-add" : "p" + std::to_string(n) + "-title", (n < 0 ? std::string(tr(S::page)) : numbered(tr(S::page), n)) + " : " + what};
  if (name == "questions" && n >= 0) {
    const std::string where = numbered(tr(S::question_n), n);
    if (part == "text") return {"q" + q + "-text", where + " : " + what};
    if (part == "choices") return {"q" + q + "-choice-add", where + " : " + what};
    if (part == "correct") return {"q" + q + "-correct0", where + " : " + what};
    if (part == "limit_s") return {"q" + q + "-limit", where + ", " + tr(S::where_time) + " : " + what};
    if (part == "max_choices") return {"q" + q + "-max", where + ", " + tr(S::where_most_choices) + " : " + what};
    if (part == "scale") return {"q" + q + "-scale", where + ", " + tr(S::where_scale) + " : " + what};
    return {"q" + q + "-text", where + " : " + what};
  }
  return {"", std::string(tr(S::ed_incomplete)) + " " + what};
}

}  // namespace palabre::app::views
