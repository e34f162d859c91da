// Results of a survey, question by question: bars, ranking order, stars, open answers and comments.
// Part of the results views (results.cpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/results_look.hpp"
#include "app/views/views.hpp"
#include "core/aggregates.hpp"
#include "imgui_internal.h"

namespace palabre::app::views {

// Bars per star value, best first, each the percent of all votes (never of the largest count: one
// vote among ten must not look like a full bar). `compact`: the kiosk's smaller bars, so that a
// survey question's five bars and comments fit under its heading on a screen that never scrolls.
void star_bars(const Look& look, ImGuiID seed, int scale, const std::vector<int>& per_star, int votes, float width,
               bool compact) {
  std::vector<std::string> labels;
  std::vector<core::ChoiceFigure> figures;
  for (int s = scale; s >= 1; --s) {
    labels.push_back(std::to_string(s) + " " + icon::star);
    const int n = s - 1 < static_cast<int>(per_star.size()) ? per_star[static_cast<std::size_t>(s - 1)] : 0;
    figures.push_back({n, core::percent(n, votes)});
  }
  Look bars_look = look;
  bars_look.kiosk = look.kiosk && !compact;
  choice_bars(bars_look, seed, labels, figures, width);
}

void survey(Context& ctx, const core::Activity& a, const Look& look, float width) {
  const core::SurveyFigures& fig = figures_of(ctx.session, a).survey;
  // Open answers and comments: on the host's and the kiosk's screens (a phone has only its own).
  const bool every_answer = ctx.session.hears_every_answer;
  const float base = theme::fonts().base_px;
  // The kiosk shows the question the host put on screen (survey.show), or the automatic cycle's;
  // the console shows them all and marks that one. Each question counts its own answers.
  const int on_screen = core::survey_question_on_screen(a, fig, ctx.epoch_ms);
  std::size_t first = 0, last = a.spec.questions.size();
  if (look.kiosk) {
    if (on_screen < 0) return;
    first = static_cast<std::size_t>(on_screen);
    last = first + 1;
    if (a.spec.questions.size() > 1)
      line(look, std::string(tr(S::question_n)) + " " + std::to_string(first + 1) + " / " + std::to_string(a.spec.questions.size()));
    if (const std::int64_t next_turn = core::survey_next_turn_in_ms(a, ctx.epoch_ms); next_turn > 0)
      ctx.ui.redraw_within(static_cast<double>(next_turn));
  } else {
    line(look, std::to_string(fig.respondents) + out_of(ctx, fig.participants) + " " +
                   trn(S::participants_word, ctx.session.hears_every_join ? fig.participants : fig.respondents));
  }
  const bool mark_on_screen = !look.kiosk && ctx.identity.role == core::Role::host && a.status != core::ActivityStatus::draft;
  for (std::size_t qi = first; qi < last && qi < fig.questions.size(); ++qi) {
    const auto& q = a.spec.questions[qi];
    const auto& qf = fig.questions[qi];
    ImGui::PushID(static_cast<int>(qi));
    ui::gap(base * 0.4f);
    const bool marked = mark_on_screen && static_cast<int>(qi) == on_screen;
    heading(look, marked ? std::string(icon::kiosk) + "  " + q.text : q.text);
    line(look, std::to_string(qf.respondents) + out_of(ctx, fig.participants) + " " +
                   trn(S::answers, ctx.session.hears_every_join ? fig.participants : qf.respondents));
    switch (q.kind) {
      case core::QuestionKind::single:
      case core::QuestionKind::multiple:
        choice_bars(look, ImGui::GetID("bars"), q.choices, qf.choices, width);
        break;
      case core::QuestionKind::ranking: {
        int rank = 0;
        for (int item : qf.ranking) {
          if (item < 0 || item >= static_cast<int>(q.choices.size())) continue;
          line(look, std::to_string(++rank) + ".  " + q.choices[static_cast<std::size_t>(item)], false);
        }
        break;
      }
      case core::QuestionKind::rating: {
        const auto comments = [&] {
          int more = 0;
          for (const auto& [who, r] : a.survey_answers[qi]) {
            if (r.comment.empty() || r.hidden || !every_answer) continue;
            if (more || !room_for_line(look)) { ++more; continue; }
            line(look, (a.spec.anonymous ? std::string("—") : ctx.session.display_name(who)) + " : " + r.comment);
          }
          more_line(look, more);
        };
        const ImVec2 top = ImGui::GetCursorScreenPos();
        // The kiosk, which never scrolls, puts the bars on the right and the comments under the
        // average on the left; the console, one under the other.
        const float left = look.kiosk ? width * 0.36f : width;
        ImGui::BeginGroup();
        ui::text_in(look.big(), tenths(qf.average_tenths), look.accent);
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * 0.9f);
        ui::stars(ui::animate(ImGui::GetID("avg"), qf.average_tenths / 10.0f), q.scale, base * 1.6f, theme::colour::live);
        if (look.kiosk) {  // a column of its own, for the lines to wrap and stop at its edges
          ImGui::BeginChild("comments", ImVec2(left - base, ImGui::GetContentRegionAvail().y), false,
                            ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
          comments();
          ImGui::EndChild();
        }
        ImGui::EndGroup();
        if (look.kiosk) {
          ImGui::SetCursorScreenPos(ImVec2(top.x + left, top.y));
          ImGui::BeginGroup();
          star_bars(look, ImGui::GetID("dist"), q.scale, qf.per_star, qf.ratings, width - left, true);
          ImGui::EndGroup();
          // (The comments' column runs to the bottom of the screen: nothing comes under it.)
          ImGui::SetCursorScreenPos(ImVec2(top.x, ImGui::GetItemRectMax().y + base * 0.3f));
          ImGui::Dummy(ImVec2(width, 0));
        } else {
          star_bars(look, ImGui::GetID("dist"), q.scale, qf.per_star, qf.ratings, width);
          comments();
        }
        break;
      }
      case core::QuestionKind::open: {
        if (qi < a.survey_answers.size()) {
          int more = 0;
          for (const auto& [who, r] : a.survey_answers[qi]) {
            if (r.hidden || r.text.empty() || !every_answer) continue;
            if (more || !room_for_line(look)) { ++more; continue; }
            line(look, (a.spec.anonymous ? std::string("—") : ctx.session.display_name(who)) + " : " + r.text, false);
          }
          more_line(look, more);
        }
        break;
      }
    }
    ImGui::PopID();
  }
}

}  // namespace palabre::app::views
