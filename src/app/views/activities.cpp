// Participant views of the current activity: one tap to answer, clear feedback, results when the
// host reveals them. Every control has a stable key for the mirror ("choice-2", "star-4", ...).
// [SECTION] helpers  [SECTION] per kind  [SECTION] entry
#include <algorithm>
#include <cmath>
#include <concepts>
#include <string>

#include "app/icons.hpp"
#include "app/images.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "core/aggregates.hpp"
#include "core/text.hpp"

namespace palabre::app::views {
namespace {

// [SECTION] helpers
std::string field_key(const core::Activity& a, const std::string& what) { return "a" + std::to_string(a.id) + "." + what; }

void submit(Context& ctx, core::Event event) {
  ctx.actions.push_back(act::Submit{std::move(event)});
}

bool pending_for(const Context& ctx, std::int64_t activity) {
  for (const PendingAction& p : ctx.pending) {
    const bool match = std::visit([&](const auto& e) {
      if constexpr (requires { { e.activity } -> std::convertible_to<std::int64_t>; }) return e.activity == activity;
      else return false;
    }, p.event);
    if (match) return true;
  }
  return false;
}

void feedback(const char* icon_text, const char* text, ImU32 colour) {
  ui::text_in(theme::fonts().strong, std::string(icon_text) + "  " + text, colour);
}

// A big choice button; `selected` shows it picked. Returns true when tapped.
// The height a question's picture may take on a phone: the choices stay in view below it.
float picture_height() { return std::round(ImGui::GetIO().DisplaySize.y * 0.28f); }

// With `image`, a thumbnail at the button's right end (a choice illustrated by a picture).
bool choice_button(const std::string& label, const std::string& key, bool selected, float width,
                   const std::string& image = {}) {
  const float h = std::round(theme::fonts().base_px * (image.empty() ? 3.0f : 4.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, selected ? 2.0f : 1.0f);
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? theme::colour::accent_soft : theme::colour::card);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colour::accent_soft);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colour::accent_soft);
  ImGui::PushStyleColor(ImGuiCol_Border, selected ? theme::colour::accent : theme::colour::line);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::ink);
  const std::string text = std::string(selected ? icon::check_circle : icon::circle_o) + "   " + label + "###" + key;
  ImGui::PushFont(selected ? theme::fonts().strong : theme::fonts().body);
  mirror::next_role("button");
  mirror::next_state(selected);
  const bool pressed = mirror::Button(text.c_str(), ImVec2(width, h));
  if (!image.empty()) {
    const float pad = std::round(theme::fonts().base_px * 0.35f);
    const ImVec2 max = ImGui::GetItemRectMax(), min = ImGui::GetItemRectMin();
    images::draw_in(ImGui::GetWindowDrawList(), image, ImVec2(max.x - pad - (h - 2 * pad) * 1.5f, min.y + pad),
                    ImVec2(max.x - pad, max.y - pad));
  }
  ImGui::PopFont();
  ImGui::PopStyleColor(5);
  ImGui::PopStyleVar(2);
  return pressed;
}

void star_row(Context& ctx, const std::string& key_prefix, int scale, int current, float width, auto&& on_pick) {
  const float base = theme::fonts().base_px;
  const float size = std::min(base * 3.0f, (width - base * 0.5f * (scale - 1)) / scale);
  for (int s = 1; s <= scale; ++s) {
    if (s > 1) ImGui::SameLine(0, base * 0.5f);
    const bool lit = s <= current;
    ImGui::PushStyleColor(ImGuiCol_Button, lit ? IM_COL32(255, 244, 230, 255) : theme::colour::card);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 244, 230, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 236, 210, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, lit ? theme::colour::live : theme::colour::line);
    ImGui::PushFont(theme::fonts().heading);
    mirror::next_name((std::to_string(s) + " / " + std::to_string(scale)).c_str());
    if (current > 0) mirror::next_state(s == current);
    const bool pressed = mirror::Button((std::string(icon::star) + "###" + key_prefix + std::to_string(s)).c_str(), ImVec2(size, size));
    ImGui::PopFont();
    ImGui::PopStyleColor(4);
    if (pressed) on_pick(s);
  }
  (void)ctx;
}

// [SECTION] per kind
// The winner is the room's (the host publishes it the moment there is one): a phone never takes its
// own right answer for the win, since somebody else's may have reached the relay first.
void challenge(Context& ctx, const core::Activity& a, float width) {
  const std::string& me = ctx.identity.me_in(a);
  bool right = false, tried = false, won = false;
  for (const auto& at : a.attempts) {
    if (at.by != me) continue;
    tried = true;
    right = right || at.correct;
    won = won || (a.winning_seq > 0 && at.seq == a.winning_seq);
  }
  if (a.winning_seq > 0) {
    const core::ChallengeFigures& fig = figures_of(ctx.session, a).challenge;
    if (won) {
      feedback(icon::trophy, tr(S::you_won), theme::colour::ok);
    } else {
      const std::string who = fig.winner.empty() ? std::string(tr(S::challenge_over))
                                                 : std::string(tr(S::won_by)) + " " + ctx.session.display_name(fig.winner);
      feedback(icon::trophy, who.c_str(), theme::colour::live);
      if (right) feedback(icon::close, tr(S::answer_too_late), theme::colour::live);
    }
    if (!fig.answer.empty()) ui::text_muted(tr(S::winning_answer) + std::string(" « ") + fig.answer + " »");
    return;
  }
  if (right) {
    feedback(icon::check_circle, tr(S::checking_answer), theme::colour::ok);
    return;
  }
  if (ctx.refusals.count(a.id) && ctx.refusals.at(a.id) == "challenge_won") feedback(icon::close, tr(S::answer_too_late), theme::colour::live);
  if (!a.running()) return;
  std::string& text = ctx.ui.texts[field_key(a, "answer")];
  mirror::TextFieldOptions options;
  options.placeholder = tr(S::answer_placeholder);
  const bool enter = mirror::TextField((std::string(tr(S::answer_placeholder)) + "###answer").c_str(), text, options);
  const bool ready = text.find_first_not_of(' ') != std::string::npos;
  if ((ui::primary_button((std::string(icon::send) + "  " + tr(S::submit) + "###submit").c_str(), width, ready) || enter) && ready) {
    submit(ctx, core::ChallengeAttempt{a.id, text});
    text.clear();
  }
  if (tried && !pending_for(ctx, a.id)) feedback(icon::close, tr(S::wrong_answer), theme::colour::live);
}

void quiz(Context& ctx, const core::Activity& a, float width) {
  if (a.current_question < 0 || a.current_question >= static_cast<int>(a.spec.quiz.size())) {
    ui::text_muted(tr(S::wait_host));
    return;
  }
  const int q = a.current_question;
  const auto& question = a.spec.quiz[static_cast<std::size_t>(q)];
  ui::text_muted(std::string(tr(S::question_n)) + " " + std::to_string(q + 1) + " / " + std::to_string(a.spec.quiz.size()));
  ui::text_in(theme::fonts().heading, question.text);
  images::draw(question.image, width, picture_height());
  const core::QuizResponse* mine = nullptr;
  if (static_cast<std::size_t>(q) < a.quiz_answers.size()) {
    auto it = a.quiz_answers[static_cast<std::size_t>(q)].find(ctx.identity.me_in(a));
    if (it != a.quiz_answers[static_cast<std::size_t>(q)].end()) mine = &it->second;
  }
  const bool open = a.question_open();
  const int left = question_seconds_left(a, ctx.epoch_ms);
  const bool can_answer = open && left > 0 && !mine && !pending_for(ctx, a.id);
  if (open) {
    ui::pill(std::string(icon::clock) + " " + (left > 0 ? std::to_string(left) + " s " + tr(S::time_left) : std::string(tr(S::time_up))),
             theme::colour::live, IM_COL32(253, 229, 225, 255));
    ctx.ui.redraw_in_ms = 1000.0 - static_cast<double>(ctx.epoch_ms % 1000);  // next second
    // How many answered, as the host publishes it: the only figure while the question is open.
    const core::QuizFigures& fig = figures_of(ctx.session, a).quiz;
    const int answered = static_cast<std::size_t>(q) < fig.answered.size() ? fig.answered[static_cast<std::size_t>(q)] : 0;
    ui::text_muted(std::to_string(answered) + (ctx.session.hears_every_join ? " / " + std::to_string(fig.participants) : std::string()) +
                   " " + tr(S::quiz_answered));
  }
  // Several right answers: pick them all, then confirm (the score counts from the confirmation).
  const bool several = question.correct.size() > 1;
  auto& picks = ctx.ui.picks[field_key(a, "q" + std::to_string(q) + "-picks")];
  if (several && can_answer) ui::text_muted(tr(S::pick_all_right));
  for (std::size_t c = 0; c < question.choices.size(); ++c) {
    const int choice = static_cast<int>(c);
    const bool picked = mine ? std::find(mine->choices.begin(), mine->choices.end(), choice) != mine->choices.end()
                             : std::find(picks.begin(), picks.end(), choice) != picks.end();
    const bool right = !open && std::find(question.correct.begin(), question.correct.end(), choice) != question.correct.end();
    const std::string label = (right ? std::string(icon::check) + " " : std::string()) + question.choices[c];
    const std::string& image = c < question.choice_images.size() ? question.choice_images[c] : std::string();
    if (choice_button(label, "choice-" + std::to_string(c), picked, width, image) && can_answer) {
      if (!several) {
        submit(ctx, core::QuizAnswer{a.id, q, {choice}});
      } else if (auto it = std::find(picks.begin(), picks.end(), choice); it != picks.end()) {
        picks.erase(it);
      } else {
        picks.push_back(choice);
      }
    }
  }
  if (several && can_answer &&
      ui::primary_button((std::string(icon::check) + "  " + tr(S::confirm) + "###confirm").c_str(), width, !picks.empty())) {
    std::vector<int> sorted = picks;
    std::sort(sorted.begin(), sorted.end());
    submit(ctx, core::QuizAnswer{a.id, q, sorted});
  }
  const auto refused = ctx.refusals.find(a.id);
  if (mine && open) {
    feedback(icon::check, tr(S::sent), theme::colour::ok);
  } else if (mine) {  // closed: right or not, and the points
    if (mine->correct) feedback(icon::check_circle, (std::string(tr(S::right_answer)) + " · +" + std::to_string(mine->points) + " " + trn(S::points, mine->points)).c_str(), theme::colour::ok);
    else feedback(icon::close, tr(S::wrong_answer), theme::colour::live);
  } else if (refused != ctx.refusals.end() && (refused->second == "time_over" || refused->second == "question_closed")) {
    feedback(icon::close, tr(S::answer_too_late), theme::colour::live);
  } else if (!open || left == 0) {
    feedback(icon::clock, tr(S::time_up), theme::colour::live);
  }
}

// Whether what a question shows is what the session holds from this member: "sent" is said only
// when it is, so typed text or picks never look sent while they are not.
enum class AnswerState { none, unsent, sending, sent };

bool answer_pending(const Context& ctx, std::int64_t activity, int question) {
  return std::any_of(ctx.pending.begin(), ctx.pending.end(), [&](const PendingAction& p) {
    const auto* answer = std::get_if<core::SurveyAnswer>(&p.event);
    return answer && answer->activity == activity && answer->question == question;
  });
}

void answer_feedback(AnswerState state) {
  switch (state) {
    case AnswerState::none: break;
    case AnswerState::unsent: feedback(icon::warning, tr(S::not_sent_yet), theme::colour::live); break;
    case AnswerState::sending: feedback(icon::spinner, tr(S::sending), theme::colour::muted); break;
    case AnswerState::sent: feedback(icon::check, tr(S::sent), theme::colour::ok); break;
  }
}

void survey(Context& ctx, const core::Activity& a, float width) {
  const float base = theme::fonts().base_px;
  for (std::size_t qi = 0; qi < a.spec.questions.size(); ++qi) {
    const auto& q = a.spec.questions[qi];
    const int question = static_cast<int>(qi);
    const std::string prefix = "q" + std::to_string(qi) + "-";
    ImGui::PushID(question);
    const core::SurveyResponse* mine = nullptr;
    if (qi < a.survey_answers.size()) {
      auto it = a.survey_answers[qi].find(ctx.identity.me_in(a));
      if (it != a.survey_answers[qi].end()) mine = &it->second;
    }
    const auto send = [&](core::SurveyAnswer answer) {
      answer.activity = a.id;
      answer.question = question;
      submit(ctx, std::move(answer));
    };
    // Something shown (picks, typed text) that the session does not hold from us yet.
    bool unsent = false;
    ui::gap(base * 0.3f);
    ui::text_in(theme::fonts().heading, q.text);
    images::draw(q.image, width, picture_height());
    if (!q.hint.empty()) ui::text_muted(q.hint);
    auto& picks = ctx.ui.picks[field_key(a, prefix + "picks")];
    switch (q.kind) {
      case core::QuestionKind::single:
        for (std::size_t c = 0; c < q.choices.size(); ++c) {
          const bool picked = mine && !mine->choices.empty() && mine->choices[0] == static_cast<int>(c);
          if (choice_button(q.choices[c], prefix + "c" + std::to_string(c), picked, width) && a.running())
            send({.choices = {static_cast<int>(c)}});
        }
        break;
      case core::QuestionKind::multiple: {
        if (picks.empty() && mine) picks = mine->choices;
        for (std::size_t c = 0; c < q.choices.size(); ++c) {
          auto it = std::find(picks.begin(), picks.end(), static_cast<int>(c));
          if (choice_button(q.choices[c], prefix + "c" + std::to_string(c), it != picks.end(), width)) {
            if (it != picks.end()) picks.erase(it);
            else if (q.max_choices == 0 || static_cast<int>(picks.size()) < q.max_choices) picks.push_back(static_cast<int>(c));
          }
        }
        std::vector<int> sorted = picks;  // the engine keeps a multiple choice sorted
        std::sort(sorted.begin(), sorted.end());
        unsent = !picks.empty() && !(mine && mine->choices == sorted);
        if (ui::primary_button((std::string(tr(S::submit)) + "###" + prefix + "send").c_str(), width, unsent && a.running()))
          send({.choices = sorted});
        break;
      }
      case core::QuestionKind::ranking: {
        ui::text_muted(tr(S::ranking_hint));
        // Until the member starts another order, the one sent is the one shown.
        const std::vector<int>& shown = picks.empty() && mine ? mine->choices : picks;
        for (std::size_t c = 0; c < q.choices.size(); ++c) {
          auto it = std::find(shown.begin(), shown.end(), static_cast<int>(c));
          const std::string label = (it != shown.end() ? std::to_string(it - shown.begin() + 1) + ".  " : std::string()) + q.choices[c];
          if (choice_button(label, prefix + "c" + std::to_string(c), it != shown.end(), width) &&
              std::find(picks.begin(), picks.end(), static_cast<int>(c)) == picks.end())
            picks.push_back(static_cast<int>(c));
        }
        unsent = !picks.empty() && !(mine && picks == mine->choices);
        const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        if (ui::secondary_button((std::string(tr(S::reset)) + "###" + prefix + "reset").c_str(), half)) picks.clear();
        ImGui::SameLine();
        if (ui::primary_button((std::string(tr(S::submit)) + "###" + prefix + "send").c_str(), half,
                               picks.size() == q.choices.size() && unsent && a.running()))
          send({.choices = picks});
        break;
      }
      case core::QuestionKind::open: {
        std::string& text = ctx.ui.texts[field_key(a, prefix + "text")];
        mirror::TextFieldOptions options;
        options.placeholder = q.hint.empty() ? tr(S::answer_placeholder) : q.hint.c_str();
        options.lines = 3;  // an open answer may take a few lines (Enter: a new line)
        const bool enter = mirror::TextField((q.text + "###" + prefix + "text").c_str(), text, options);
        const bool typed = text.find_first_not_of(' ') != std::string::npos;
        const bool ready = typed && a.running();
        if ((ui::primary_button((std::string(tr(S::submit)) + "###" + prefix + "send").c_str(), width, ready) || enter) && ready) {
          send({.text = text});
          text.clear();
        } else {
          unsent = typed;
        }
        break;
      }
      case core::QuestionKind::rating: {
        const std::string comment_key = field_key(a, prefix + "comment");
        // A reloaded page shows the comment the session has, so that it is not sent again empty.
        if (mine && !ctx.ui.texts.count(comment_key)) ctx.ui.texts[comment_key] = mine->comment;
        std::string& comment = ctx.ui.texts[comment_key];
        const int current = mine ? mine->stars : 0;
        // The stars carry the comment typed so far: a tap never loses it.
        star_row(ctx, prefix + "star-", q.scale, current, width, [&](int s) {
          if (a.running()) send({.stars = s, .comment = q.comment ? comment : std::string()});
        });
        if (q.comment) {
          // The engine keeps a comment trimmed: compared as it will be stored.
          const std::string typed(core::trim(comment));
          unsent = mine ? typed != mine->comment : !typed.empty();
          mirror::TextFieldOptions options;
          options.placeholder = tr(S::comment_placeholder);
          const bool enter =
              mirror::TextField((std::string(tr(S::comment_placeholder)) + "###" + prefix + "comment").c_str(), comment, options);
          const bool ready = current > 0 && unsent && a.running();
          if ((ui::primary_button((std::string(icon::send) + "  " + tr(S::submit) + "###" + prefix + "send").c_str(), width, ready) ||
               enter) &&
              ready)
            send({.stars = current, .comment = comment});
        }
        break;
      }
    }
    if (answer_pending(ctx, a.id, question)) answer_feedback(AnswerState::sending);
    else if (unsent) answer_feedback(AnswerState::unsent);
    else answer_feedback(mine ? AnswerState::sent : AnswerState::none);
    ImGui::PopID();
  }
}

void ideas(Context& ctx, const core::Activity& a, float width) {
  const float base = theme::fonts().base_px;
  std::string& text = ctx.ui.texts[field_key(a, "idea")];
  auto& category = ctx.ui.picks[field_key(a, "category")];
  if (category.empty()) category.push_back(a.spec.categories.empty() ? -1 : 0);
  if (a.running() && !a.locked) {
    if (!a.spec.categories.empty()) {
      for (std::size_t c = 0; c < a.spec.categories.size(); ++c) {
        if (choice_button(a.spec.categories[c], "category-" + std::to_string(c), category[0] == static_cast<int>(c), width))
          category[0] = static_cast<int>(c);
      }
    }
    mirror::TextFieldOptions options;
    options.placeholder = tr(S::idea_placeholder);
    const bool enter = mirror::TextField((std::string(tr(S::idea_placeholder)) + "###idea").c_str(), text, options);
    const bool ready = text.find_first_not_of(' ') != std::string::npos;
    if ((ui::primary_button((std::string(icon::plus) + "  " + tr(S::post_idea) + "###post-idea").c_str(), width, ready) || enter) && ready) {
      core::IdeaPost post{a.id, text, category[0], 0, 0, {}};
      if (a.spec.kind == core::ActivityKind::board) {  // spread new post-its over the zone
        // Mixed with the author's id: two people posting at once do not land on the same spot.
        std::uint32_t seed = static_cast<std::uint32_t>(a.ideas.size()) + 1;
        for (char c : ctx.identity.you) seed = seed * 31u + static_cast<unsigned char>(c);
        post.x = 500 + static_cast<int>((seed * 2654435761u) % 9000u);
        post.y = 500 + static_cast<int>((seed * 40503u) % 9000u);
      }
      submit(ctx, post);
      text.clear();
    }
  }
  ui::gap(base * 0.3f);
  if (a.spec.kind == core::ActivityKind::board) {  // the board itself: one's own post-its are dragged into place
    draw_board(ctx, a, width, false, true);
    ui::gap(base * 0.5f);
  }
  // Ideas everybody can see, newest first, with a like toggle.
  for (auto it = a.ideas.rbegin(); it != a.ideas.rend(); ++it) {
    const core::Idea& idea = it->second;
    if (idea.hidden || (!idea.approved && idea.by != ctx.identity.me_in(a))) continue;
    ImGui::PushID(static_cast<int>(idea.id));
    const bool liked = idea.likes.count(ctx.identity.me_in(a)) > 0;
    // The room's count once the host reveals it (a phone knows only its own like); before, the toggle.
    const auto& room_likes = figures_of(ctx.session, a).ideas.likes;
    const auto room = room_likes.find(idea.id);
    const std::string count = a.revealed || ctx.session.hears_every_answer ? " " + std::to_string(room == room_likes.end() ? 0 : room->second) : std::string();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::ink);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - base * 4.5f);
    ui::text(idea.text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetCursorPosX() + width - base * 4.0f);
    const std::string like = std::string(liked ? icon::heart : icon::thumbs_up) + count + "###like-" + std::to_string(idea.id);
    mirror::next_name(tr(S::like_idea));
    mirror::next_state(liked);
    if (ui::link_button(like.c_str()) && a.running()) submit(ctx, core::IdeaLike{a.id, idea.id, !liked});
    if (!idea.approved) ui::text_muted(tr(S::mod_waiting));  // one's own, held for the host
    ImGui::PopID();
  }
}

void rating(Context& ctx, const core::Activity& a, float width) {
  auto it = a.votes.find(ctx.identity.me_in(a));
  const int current = it == a.votes.end() ? 0 : it->second.stars;
  star_row(ctx, "star-", a.spec.scale, current, width, [&](int s) {
    if (a.running()) submit(ctx, core::RatingVote{a.id, s});
  });
  if (current > 0) feedback(icon::check, tr(S::sent), theme::colour::ok);
}

void qna(Context& ctx, const core::Activity& a, float width) {
  const float base = theme::fonts().base_px;
  std::string& text = ctx.ui.texts[field_key(a, "question")];
  if (a.running()) {
    mirror::TextFieldOptions options;
    options.placeholder = tr(S::question_placeholder);
    const bool enter = mirror::TextField((std::string(tr(S::question_placeholder)) + "###question").c_str(), text, options);
    const bool ready = text.find_first_not_of(' ') != std::string::npos;
    if ((ui::primary_button((std::string(icon::send) + "  " + tr(S::ask) + "###ask").c_str(), width, ready) || enter) && ready) {
      submit(ctx, core::QnaAsk{a.id, text});
      text.clear();
    }
  }
  // Votes are the room's, live (published by the host as they change): most voted first.
  const core::QnaFigures& fig = figures_of(ctx.session, a).qna;
  const auto votes_of = [&](std::int64_t id) { auto it = fig.upvotes.find(id); return it == fig.upvotes.end() ? 0 : it->second; };
  std::vector<const core::QnaQuestion*> list;
  for (const auto& [id, q] : a.questions)  // one's own held for the host, the others' approved
    if (!q.hidden && (q.approved || q.by == ctx.identity.me_in(a))) list.push_back(&q);
  std::sort(list.begin(), list.end(), [&](auto* x, auto* y) {  // a tie: the first asked first
    const int vx = votes_of(x->id), vy = votes_of(y->id);
    return vx != vy ? vx > vy : x->id < y->id;
  });
  for (const core::QnaQuestion* q : list) {
    ImGui::PushID(static_cast<int>(q->id));
    const bool up = q->upvotes.count(ctx.identity.me_in(a)) > 0;
    const std::string label = std::string(up ? icon::heart : icon::thumbs_up) + " " + std::to_string(votes_of(q->id)) + "###upvote-" + std::to_string(q->id);
    if (ui::link_button(label.c_str()) && a.running()) submit(ctx, core::QnaUpvote{a.id, q->id, !up});
    ImGui::SameLine();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - base * 4.5f);
    ui::text(q->text);
    ImGui::PopTextWrapPos();
    if (!q->approved) ui::text_muted(tr(S::mod_waiting));
    ImGui::PopID();
  }
}

}  // namespace

// [SECTION] entry
void draw_answer(Context& ctx, const core::Activity& a, float width) {
  const float base = theme::fonts().base_px;
  ImGui::PushID(static_cast<int>(a.id));
  ImGui::PushItemWidth(width);
  ui::text_in(theme::fonts().strong, std::string(kind_icon(a.spec.kind)) + "  " + kind_name(a.spec.kind), theme::colour::accent);
  if (a.spec.kind != core::ActivityKind::survey && a.spec.kind != core::ActivityKind::quiz &&
      a.spec.kind != core::ActivityKind::presentation) {
    ui::text_in(theme::fonts().heading, a.spec.title);
    images::draw(a.spec.image, width, picture_height());
    if (!a.spec.hint.empty()) ui::text_muted(a.spec.hint);
  }
  const int left = seconds_left(a, ctx.epoch_ms);
  if (left >= 0) {
    ui::pill(std::string(icon::clock) + " " + std::to_string(left) + " s " + tr(S::time_left), theme::colour::live,
             IM_COL32(253, 229, 225, 255));
    ctx.ui.redraw_in_ms = 1000.0 - static_cast<double>(ctx.epoch_ms % 1000);  // next second
  }
  ui::gap(base * 0.3f);
  switch (a.spec.kind) {
    case core::ActivityKind::challenge: challenge(ctx, a, width); break;
    case core::ActivityKind::quiz: quiz(ctx, a, width); break;
    case core::ActivityKind::survey: survey(ctx, a, width); break;
    case core::ActivityKind::brainstorm:
    case core::ActivityKind::board: ideas(ctx, a, width); break;
    case core::ActivityKind::rating: rating(ctx, a, width); break;
    case core::ActivityKind::qna: qna(ctx, a, width); break;
    case core::ActivityKind::presentation: draw_results(ctx, a, width, false); break;
  }
  const bool quiz_results = a.spec.kind == core::ActivityKind::quiz && !a.question_open() && a.current_question >= 0;
  if ((a.revealed || quiz_results) && a.spec.kind != core::ActivityKind::presentation && core::shown_figures_current(ctx.session, a)) {
    ui::gap(base * 0.6f);
    ImGui::Separator();
    draw_results(ctx, a, width, false);
  }
  ImGui::PopItemWidth();
  ImGui::PopID();
}

}  // namespace palabre::app::views
