// The host's activity editor: every kind of DESIGN.md with its questions, as real text fields (the
// DOM mirror puts an <input> over each). It writes Ui::draft and sends one activity.add (new) or
// activity.edit (draft activity) when saved; item keys are listed atop views/console.cpp.
// [SECTION] drafts  [SECTION] per kind  [SECTION] entry   (its fields: editor_fields.cpp)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "app/views/editor_fields.hpp"
#include "app/views/editor_words.hpp"
#include "core/plan.hpp"

namespace palabre::app::views {
namespace {

// [SECTION] drafts
core::QuizQuestion new_quiz_question() {
  core::QuizQuestion q;
  q.choices = {"", ""};
  return q;
}
core::SurveyQuestion new_survey_question() {
  core::SurveyQuestion q;
  q.choices = {"", ""};
  return q;
}

// What a new activity of `kind` starts with: the rows its rules need, empty.
core::ActivitySpec new_spec(core::ActivityKind kind, std::string title) {
  core::ActivitySpec spec;
  spec.kind = kind;
  spec.title = std::move(title);
  switch (kind) {
    case core::ActivityKind::challenge: spec.answers = {""}; break;
    case core::ActivityKind::quiz: spec.quiz = {new_quiz_question()}; break;
    case core::ActivityKind::survey: spec.questions = {new_survey_question()}; break;
    case core::ActivityKind::board: spec.categories = {"", ""}; break;
    case core::ActivityKind::presentation: spec.pages = {core::Page{}}; break;
    default: break;
  }
  return spec;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

void drop_blank(std::vector<std::string>& rows) {
  rows.erase(std::remove_if(rows.begin(), rows.end(), blank), rows.end());
}

// Choices without the empty rows, right answers and pictures following their choice (no pictures
// at all when none is set).
void drop_blank_choices(std::vector<std::string>& choices, std::vector<int>* correct, std::vector<std::string>* images = nullptr) {
  std::vector<std::string> kept, kept_images;
  std::vector<int> kept_correct;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (blank(choices[i])) continue;
    if (correct && std::find(correct->begin(), correct->end(), static_cast<int>(i)) != correct->end())
      kept_correct.push_back(static_cast<int>(kept.size()));
    kept.push_back(choices[i]);
    kept_images.push_back(images && i < images->size() ? (*images)[i] : std::string());
  }
  choices = std::move(kept);
  if (correct) *correct = std::move(kept_correct);
  if (images) *images = std::all_of(kept_images.begin(), kept_images.end(), blank) ? std::vector<std::string>() : std::move(kept_images);
}

// The spec as it is sent: empty rows dropped, fields of other kinds cleared (switching kinds in the
// editor keeps what was typed until then).
core::ActivitySpec cleaned(core::ActivitySpec spec) {
  using K = core::ActivityKind;
  const K kind = spec.kind;
  if (kind != K::challenge) spec.answers.clear();
  if (kind != K::quiz) spec.quiz.clear();
  if (kind != K::survey) spec.questions.clear();
  if (kind != K::brainstorm && kind != K::board) {
    spec.categories.clear();
    spec.dot_budget = 0;
  }
  // What people write waits for the host: ideas, post-its, questions, open answers.
  if (kind != K::brainstorm && kind != K::board && kind != K::qna && kind != K::survey) spec.controlled = false;
  if (kind != K::quiz) spec.accessible = false;
  if (kind != K::rating) spec.scale = 5;
  if (kind != K::presentation) spec.pages.clear();
  drop_blank(spec.answers);
  drop_blank(spec.categories);
  for (auto& q : spec.quiz) drop_blank_choices(q.choices, &q.correct, &q.choice_images);
  if (kind == K::quiz || kind == K::survey || kind == K::presentation) spec.image.clear();
  for (auto& q : spec.questions) {
    if (q.kind == core::QuestionKind::open || q.kind == core::QuestionKind::rating) q.choices.clear();
    else drop_blank_choices(q.choices, nullptr);
    if (q.kind != core::QuestionKind::multiple) q.max_choices = 0;
    if (q.kind != core::QuestionKind::rating) { q.scale = 5; q.comment = false; }
  }
  spec.pages.erase(std::remove_if(spec.pages.begin(), spec.pages.end(),
                                  [](const core::Page& p) { return blank(p.title) && blank(p.text) && p.image.empty() && blank(p.notes); }),
                   spec.pages.end());
  return spec;
}


// [SECTION] per kind
// The words and keys of one list of numbered parts.
struct PartList {
  const char* noun;         // "Question", "Page"
  const char* add_name;     // the add button's label
  const char* add_key;      // its mirror key
  const char* prefix;       // part i's keys start "<prefix><i>"
  const char* first_field;  // the suffix of the field the add button scrolls to
  std::size_t keep;         // parts that cannot be removed (a presentation keeps one page)
};

// The numbered parts of an activity (a quiz's or a survey's questions, a presentation's pages):
// each under its header with its bin, then "add", which scrolls to the new part's first field.
// `body(key_prefix, part)` draws a part's fields.
template <class Part, class Body>
void numbered_parts(Editor& e, std::vector<Part>& parts, const PartList& list, Part (*make_new)(), Body body) {
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string key = list.prefix + std::to_string(i);
    ImGui::PushID(static_cast<int>(i));
    e.separator();
    if (e.part_header(list.noun, i, key, parts.size() > list.keep)) {
      parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(i));
      forget_number_texts(e.ctx.ui);
      ImGui::PopID();
      break;
    }
    body(key, parts[i]);
    ImGui::PopID();
  }
  e.separator();
  if (e.add_button(list.add_name, list.add_key)) {
    parts.push_back(make_new());
    e.ctx.ui.scroll_to = list.prefix + std::to_string(parts.size() - 1) + list.first_field;
  }
}

PartList questions_list() { return {tr(S::question_n), tr(S::ed_add_question), "q-add", "q", "-text", 0}; }

void quiz_questions(Editor& e, std::vector<core::QuizQuestion>& questions) {
  numbered_parts(e, questions, questions_list(), new_quiz_question, [&](const std::string& q, core::QuizQuestion& question) {
    e.text(tr(S::ed_question_text), q + "-text", question.text, tr(S::ed_question_text));
    e.image(q + "-image", question.image);
    ui::text_muted(std::string(icon::check) + "  " + tr(S::ed_correct));
    e.rows(q + "-choice", question.choices, tr(S::ed_choice), tr(S::ed_add_choice), &question.correct, 2, &question.choice_images);
    e.labelled_number(tr(S::ed_limit), q + "-limit", question.limit_s);
  });
}

const char* question_kind_name(core::QuestionKind kind) {
  switch (kind) {
    case core::QuestionKind::single: return tr(S::ed_qkind_single);
    case core::QuestionKind::multiple: return tr(S::ed_qkind_multiple);
    case core::QuestionKind::open: return tr(S::ed_qkind_open);
    case core::QuestionKind::ranking: return tr(S::ed_qkind_ranking);
    case core::QuestionKind::rating: return tr(S::ed_qkind_rating);
  }
  return "";
}

// A row of chips, one selected; keys "<prefix><name>". Wraps on narrow screens.
template <class T, std::size_t N>
bool chips(Editor& e, const std::string& prefix, const T (&options)[N], T& value, const char* (*name)(T),
           std::string_view (*wire)(T)) {
  bool changed = false;
  float x = 0;
  const ImGuiStyle& style = ImGui::GetStyle();
  for (T option : options) {
    const bool on = option == value;
    const std::string label = std::string(name(option)) + "###" + prefix + std::string(wire(option));
    const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + e.base * 1.6f;
    if (x > 0 && x + w < e.width) ImGui::SameLine();
    else x = 0;
    x += w + style.ItemSpacing.x;
    ImGui::PushStyleColor(ImGuiCol_Button, on ? theme::colour::accent : theme::colour::accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? theme::colour::accent : IM_COL32(222, 219, 252, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, on ? IM_COL32(255, 255, 255, 255) : theme::colour::accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, e.base);
    mirror::next_role("radio");
    mirror::next_state(on);
    if (mirror::Button(label.c_str(), ImVec2(w, e.base * 2.0f)) && !on) {
      value = option;
      changed = true;
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(3);
  }
  return changed;
}

std::string_view question_kind_wire(core::QuestionKind k) { return core::to_string(k); }
std::string_view activity_kind_wire(core::ActivityKind k) { return core::to_string(k); }

void survey_questions(Editor& e, std::vector<core::SurveyQuestion>& questions) {
  static constexpr core::QuestionKind kinds[] = {core::QuestionKind::single, core::QuestionKind::multiple, core::QuestionKind::open,
                                                 core::QuestionKind::ranking, core::QuestionKind::rating};
  numbered_parts(e, questions, questions_list(), new_survey_question, [&](const std::string& q, core::SurveyQuestion& question) {
    if (chips(e, q + "-kind-", kinds, question.kind, question_kind_name, question_kind_wire)) {
      const bool has_choices = question.kind != core::QuestionKind::open && question.kind != core::QuestionKind::rating;
      if (has_choices && question.choices.size() < 2) question.choices.resize(2);
    }
    e.text(tr(S::ed_question_text), q + "-text", question.text, tr(S::ed_question_text));
    e.image(q + "-image", question.image);
    e.text(tr(S::ed_hint), q + "-hint", question.hint, tr(S::ed_hint));
    switch (question.kind) {
      case core::QuestionKind::single:
      case core::QuestionKind::ranking:
        e.rows(q + "-choice", question.choices, tr(S::ed_choice), tr(S::ed_add_choice), nullptr, 2);
        break;
      case core::QuestionKind::multiple:
        e.rows(q + "-choice", question.choices, tr(S::ed_choice), tr(S::ed_add_choice), nullptr, 2);
        e.labelled_number(tr(S::ed_max_choices), q + "-max", question.max_choices);
        break;
      case core::QuestionKind::rating:
        e.labelled_number(tr(S::ed_scale), q + "-scale", question.scale);
        e.check(tr(S::ed_comment), q + "-comment", question.comment);
        break;
      case core::QuestionKind::open: break;
    }
  });
}

void pages(Editor& e, std::vector<core::Page>& list) {
  const PartList words{tr(S::page), tr(S::ed_add_page), "page-add", "p", "-title", 1};
  numbered_parts(e, list, words, +[] { return core::Page{}; }, [&](const std::string& p, core::Page& page) {
    e.text(tr(S::ed_page_title), p + "-title", page.title, tr(S::ed_page_title));
    e.text(tr(S::ed_page_text), p + "-text", page.text, tr(S::ed_page_text_ph), -1, 4);
    e.image(p + "-image", page.image);
    e.text(tr(S::speaker_notes), p + "-notes", page.notes, tr(S::ed_notes_ph), -1, 3);
  });
  // A PDF's pages come after the pages there are (each its picture, its text kept for search).
  e.separator();
  if (e.ctx.ui.pdf_importing > 0) ui::text_muted(std::string(icon::file_pdf) + "  " + tr(S::pdf_importing));
  else if (e.add_button(tr(S::ed_import_pdf), "pdf-import")) e.ctx.actions.push_back(act::ImportPdf{});
}

const char* title_label(core::ActivityKind kind) {
  switch (kind) {
    case core::ActivityKind::challenge:
    case core::ActivityKind::rating: return tr(S::ed_question);
    case core::ActivityKind::brainstorm:
    case core::ActivityKind::board:
    case core::ActivityKind::qna: return tr(S::ed_prompt);
    default: return tr(S::ed_title);
  }
}

void draw_form(Editor& e) {
  Ui& ui = e.ctx.ui;
  core::ActivitySpec& d = ui.draft;
  using K = core::ActivityKind;
  if (ui.editing == 0) {
    static constexpr K kinds[] = {K::challenge, K::quiz, K::survey, K::brainstorm, K::board, K::rating, K::qna, K::presentation};
    e.label(tr(S::ed_kind));
    K kind = d.kind;
    if (chips(e, "add-kind-", kinds, kind, kind_name, activity_kind_wire)) {
      // Keep what was typed in the shared fields; give the new kind the rows it needs.
      core::ActivitySpec fresh = new_spec(kind, d.title);
      fresh.hint = d.hint;
      fresh.timer_s = d.timer_s;
      fresh.anonymous = d.anonymous;
      if (!d.answers.empty()) fresh.answers = d.answers;
      if (!d.quiz.empty()) fresh.quiz = d.quiz;
      if (!d.questions.empty()) fresh.questions = d.questions;
      if (!d.categories.empty()) fresh.categories = d.categories;
      if (!d.pages.empty()) fresh.pages = d.pages;
      d = std::move(fresh);
      ui.texts["editor-error"].clear();
    }
    ui::gap(e.base * 0.3f);
  }
  e.labelled_text(title_label(d.kind), "act-title", d.title, tr(S::ed_title_placeholder));
  e.labelled_text(tr(S::ed_hint), "act-hint", d.hint, hint_placeholder(d.kind));
  if (d.kind != K::quiz && d.kind != K::survey && d.kind != K::presentation) e.image("act-image", d.image);
  switch (d.kind) {
    case K::challenge:
      e.label(tr(S::ed_answers));
      e.rows("answer", d.answers, tr(S::ed_answer_n), tr(S::ed_add_answer), nullptr, 1);
      break;
    case K::quiz:
      quiz_questions(e, d.quiz);
      e.check(tr(S::ed_accessible_quiz), "act-accessible", d.accessible);
      break;
    case K::survey:
      survey_questions(e, d.questions);
      e.check(tr(S::ed_controlled), "act-controlled", d.controlled);
      break;
    case K::brainstorm:
    case K::board: {
      const bool board = d.kind == K::board;
      e.label(board ? tr(S::ed_zones) : tr(S::ed_categories));
      e.rows("cat", d.categories, board ? tr(S::ed_zone) : tr(S::ed_category), board ? tr(S::ed_add_zone) : tr(S::ed_add_category));
      e.labelled_number(tr(S::ed_dots), "act-dots", d.dot_budget);
      e.check(tr(S::ed_controlled), "act-controlled", d.controlled);
      break;
    }
    case K::rating:
      e.labelled_number(tr(S::ed_scale), "act-scale", d.scale);
      ui::text_muted(tr(S::ed_rating_note));
      break;
    case K::qna:
      ui::text_muted(tr(S::ed_qna_note));
      e.check(tr(S::ed_controlled), "act-controlled", d.controlled);
      break;
    case K::presentation: pages(e, d.pages); break;
  }
  e.separator();
  if (d.kind != K::presentation) {
    e.labelled_number(tr(S::ed_timer), "act-timer", d.timer_s);
    if (d.kind != K::qna) e.check(tr(S::ed_anonymous), "act-anonymous", d.anonymous);
  }
}

// The reason a spec cannot be sent, in the host's words when we know them.
}  // namespace

// [SECTION] entry
void open_editor(Ui& ui, core::ActivityKind kind) {
  ui.draft = new_spec(kind, "");
  ui.editing = 0;
  ui.adding = true;
  ui.scroll_to.clear();
  ui.texts["editor-error"].clear();
  forget_number_texts(ui);
}

void open_editor(Ui& ui, const core::Activity& existing) {
  ui.draft = existing.spec;
  for (std::size_t i = 0; i < ui.draft.pages.size() && i < existing.notes.size(); ++i) ui.draft.pages[i].notes = existing.notes[i];
  // Give the rows the editor shows at least their minimum, as for a new activity.
  if (ui.draft.kind == core::ActivityKind::challenge && ui.draft.answers.empty()) ui.draft.answers = {""};
  ui.editing = existing.id;
  ui.adding = true;
  ui.scroll_to = "act-title";
  ui.texts["editor-error"].clear();
  forget_number_texts(ui);
}

void draw_editor(Context& ctx, float width, float height) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  Ui& ui = ctx.ui;
  // An activity edited here may have been removed meanwhile (a co-host): then the editor closes.
  const core::Activity* started = nullptr;
  if (ui.editing) {
    const core::Activity* a = ctx.session.find_activity(ui.editing);
    if (!a) {
      ui.adding = false;
      ui.editing = 0;
      return;
    }
    if (a->status != core::ActivityStatus::draft) started = a;
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  const float start_y = ImGui::GetCursorPosY();
  const float footer = std::round(base * 2.9f) + style.ItemSpacing.y * 2 + base * 0.4f;
  // A problem shown goes as soon as the draft is right, and follows the next one while it is not.
  if (!ui.texts["editor-error"].empty()) {
    const core::ActivitySpec spec = cleaned(ui.draft);
    const core::DecodeError problem = core::validate_spec(spec, "$");
    if (problem.reason.empty() && started && !core::only_wording_differs(started->spec, spec)) {
      ui.texts["editor-error"] = tr(S::ed_wording_only);
      ui.texts["editor-error-field"].clear();
    } else if (problem.reason.empty()) {
      ui.texts["editor-error"].clear();
      ui.texts["editor-error-field"].clear();
    } else {
      FieldProblem words = problem_in_words(spec, problem);
      ui.texts["editor-error"] = std::move(words.text);
      ui.texts["editor-error-field"] = std::move(words.key);
    }
  }
  const bool shown_by_field = ui.editor_error_shown;
  ui.editor_error_shown = false;
  // Under the form only when no field of the form shows it (last frame's drawing tells).
  const std::string error = shown_by_field ? std::string() : ui.texts["editor-error"];
  const float error_h = error.empty() ? 0 : ImGui::CalcTextSize(error.c_str(), nullptr, false, width).y + style.ItemSpacing.y;
  ui::text_in(f.heading, std::string(ui.editing ? icon::pencil : icon::plus) + "  " + tr(ui.editing ? S::ed_editing : S::ed_new));
  ui::gap(base * 0.2f);
  const float form_h = std::max(base * 8.0f, height - (ImGui::GetCursorPosY() - start_y) - footer - error_h);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(base * 0.9f, base * 0.8f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(250, 249, 246, 255));
  ImGui::BeginChild("activity-editor", ImVec2(width, form_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  Editor e{ctx, ImGui::GetContentRegionAvail().x - style.ScrollbarSize * 0.5f};
  ImGui::PushItemWidth(e.width);
  draw_form(e);
  ImGui::PopItemWidth();
  ImGui::EndChild();
  if (!error.empty()) ui::text_wrapped(error, theme::colour::live);
  ui::gap(base * 0.3f);
  const float half = (width - style.ItemSpacing.x) * 0.5f;
  if (ui::secondary_button((std::string(icon::close) + "  " + tr(S::cancel) + "###act-cancel").c_str(), half)) {
    ui.adding = false;
    ui.editing = 0;
  }
  ImGui::SameLine();
  const std::string save = std::string(icon::check) + "  " + tr(ui.editing ? S::ed_save : S::create_activity) + "###act-save";
  if (ui::primary_button(save.c_str(), half)) {
    const core::ActivitySpec spec = cleaned(ui.draft);
    const core::DecodeError problem = core::validate_spec(spec, "$");
    if (problem.reason.empty() && started && !core::only_wording_differs(started->spec, spec)) {
      ui.texts["editor-error"] = tr(S::ed_wording_only);
      ui.texts["editor-error-field"].clear();
    } else if (!problem.reason.empty()) {
      FieldProblem words = problem_in_words(spec, problem);
      ui.texts["editor-error"] = std::move(words.text);
      ui.texts["editor-error-field"] = words.key;
      ui.scroll_to = std::move(words.key);
    } else {
      if (ui.editing) ctx.actions.push_back(act::Submit{core::ActivityEdit{ui.editing, spec}});
      else ctx.actions.push_back(act::Submit{core::ActivityAdd{spec}});
      // Speaker notes go apart, staff-only (activity.notes): to the new activity, the one added last.
      core::ActivityNotes notes{ui.editing, core::speaker_notes(spec)};
      const core::Activity* before = ui.editing ? ctx.session.find_activity(ui.editing) : nullptr;
      if (spec.kind == core::ActivityKind::presentation && (before ? before->notes != notes.notes : !notes.notes.empty()))
        ctx.actions.push_back(act::Submit{std::move(notes)});
      ui.adding = false;
      ui.editing = 0;
      ui.texts["editor-error"].clear();
    }
  }
}

}  // namespace palabre::app::views
