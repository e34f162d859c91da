// Live results of one activity, for the host console (light) and the kiosk (dark, large):
// bars with percentages, ranking order, rating average and distribution, word cloud, ideas by
// category, quiz leaderboard and podium, challenge winner. Figures come from core/aggregates.
// [SECTION] helpers  [SECTION] per kind  [SECTION] entry
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "app/icons.hpp"
#include "app/images.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"
#include "app/views/results_look.hpp"
#include "core/aggregates.hpp"
#include "imgui_internal.h"

namespace palabre::app::views {

// [SECTION] helpers
const char* kind_name(core::ActivityKind kind) {
  switch (kind) {
    case core::ActivityKind::challenge: return tr(S::kind_challenge);
    case core::ActivityKind::quiz: return tr(S::kind_quiz);
    case core::ActivityKind::survey: return tr(S::kind_survey);
    case core::ActivityKind::brainstorm: return tr(S::kind_brainstorm);
    case core::ActivityKind::board: return tr(S::kind_board);
    case core::ActivityKind::rating: return tr(S::kind_rating);
    case core::ActivityKind::qna: return tr(S::kind_qna);
    case core::ActivityKind::presentation: return tr(S::kind_presentation);
  }
  return "";
}

const char* kind_icon(core::ActivityKind kind) {
  switch (kind) {
    case core::ActivityKind::challenge: return icon::bolt;
    case core::ActivityKind::quiz: return icon::trophy;
    case core::ActivityKind::survey: return icon::bar_chart;
    case core::ActivityKind::brainstorm: return icon::lightbulb;
    case core::ActivityKind::board: return icon::sticky_note;
    case core::ActivityKind::rating: return icon::star;
    case core::ActivityKind::qna: return icon::question;
    case core::ActivityKind::presentation: return icon::th_large;
  }
  return "";
}

int seconds_left(const core::Activity& a, std::int64_t epoch_ms) {
  if (a.spec.timer_s <= 0 || !a.running() || a.opened_at <= 0) return -1;
  const std::int64_t end = a.opened_at + static_cast<std::int64_t>(a.spec.timer_s) * 1000;
  return static_cast<int>(std::max<std::int64_t>(0, (end - epoch_ms + 999) / 1000));
}

std::string tenths(int value) {
  char out[32];
  std::snprintf(out, sizeof out, "%d%s%d", value / 10, lang() == Lang::fr ? "," : ".", std::abs(value % 10));
  return out;
}

// Seconds left on the quiz question on screen (< 0: none open), from the relay's clock.
int question_seconds_left(const core::Activity& a, std::int64_t epoch_ms) {
  if (!a.question_open()) return -1;
  const std::int64_t end = a.question_deadline[static_cast<std::size_t>(a.current_question)];
  return static_cast<int>(std::max<std::int64_t>(0, (end - epoch_ms + 999) / 1000));
}

// Every figure drawn is core's (shown_figures: the engine's own on the host and the kiosk, the
// host's published ones on a phone). They change only when an envelope is applied (which moves
// `last_seq`): worked out once per envelope, not once per frame — a board of 2,000 post-its took
// 20 ms a frame to count.
const core::ActivityFigures& figures_of(const core::Session& s, const core::Activity& a) {
  struct Entry {
    const core::Session* session = nullptr;
    std::int64_t seq = -1;
    std::size_t people = 0, ideas = 0;  // a fresh session of another room at the same seq
    core::ActivityFigures figures;
  };
  static std::map<std::int64_t, Entry> cache;
  Entry& e = cache[a.id];
  if (e.session != &s || e.seq != s.last_seq || e.people != s.participants.size() || e.ideas != a.ideas.size()) {
    e.figures = core::shown_figures(s, a);
    e.session = &s, e.seq = s.last_seq, e.people = s.participants.size(), e.ideas = a.ideas.size();
  }
  return e.figures;
}

// " / 10005" after a count of people: the room's size, known to every screen but a participant's in
// a big room, which does not hear every arrival (core::Session::hears_every_join): there, nothing.
std::string out_of(const Context& ctx, int participants) {
  return ctx.session.hears_every_join ? " / " + std::to_string(participants) : std::string();
}



Look look_for(bool kiosk) {
  const auto& f = theme::fonts();
  if (kiosk) return {true, theme::colour::kiosk_text, theme::colour::kiosk_muted, theme::colour::live, theme::colour::kiosk_card, f.heading, f.heading};
  return {false, theme::colour::ink, theme::colour::muted, theme::colour::accent, theme::colour::card, f.body, f.heading};
}

std::string percent_text(int percent, int count) {
  return std::to_string(percent) + " %  (" + std::to_string(count) + ")";
}

ImU32 bar_colour(int index, const Look& look) {
  static const ImU32 kiosk_palette[] = {IM_COL32(242, 95, 76, 255), IM_COL32(129, 140, 248, 255), IM_COL32(52, 211, 153, 255),
                                        IM_COL32(251, 191, 36, 255), IM_COL32(244, 114, 182, 255), IM_COL32(56, 189, 248, 255)};
  return look.kiosk ? kiosk_palette[index % 6] : theme::colour::accent;
}

void heading(const Look& look, const std::string& text) {
  ImGui::PushFont(look.title);
  ImGui::PushStyleColor(ImGuiCol_Text, look.text);
  ImGui::PushTextWrapPos(0);
  ui::text(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void line(const Look& look, const std::string& text, bool muted) {
  ImGui::PushFont(look.body);
  ImGui::PushStyleColor(ImGuiCol_Text, muted ? look.muted : look.text);
  ImGui::PushTextWrapPos(0);
  ui::text(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}
// The kiosk never scrolls: lists stop where the screen ends, and say how many more there are.
bool room_for_line(const Look& look) {
  if (!look.kiosk) return true;
  return ImGui::GetContentRegionAvail().y > look.body->FontSize * ImGui::GetIO().FontGlobalScale * 2.4f;
}
void more_line(const Look& look, int more) {
  if (more > 0) line(look, "+ " + std::to_string(more) + " " + trn(S::more_others, more));
}

// One bar per choice. The kiosk, which never scrolls, puts many choices in two columns (when each
// column is wide enough), and when even that does not fit, shows the most chosen ones in their
// order and "+ N autres". Heights are measured as drawn (a long label wraps).
void choice_bars(const Look& look, ImGuiID seed, const std::vector<std::string>& labels, const std::vector<core::ChoiceFigure>& figures,
                 float width, const std::vector<int>* correct) {
  const std::size_t n = std::min(labels.size(), figures.size());
  const float base = theme::fonts().base_px;
  const float gap = base * 1.5f;
  const auto is_right = [&](std::size_t i) {
    return correct && std::find(correct->begin(), correct->end(), static_cast<int>(i)) != correct->end();
  };
  const auto label_of = [&](std::size_t i) { return (is_right(i) ? std::string(icon::check) + " " : std::string()) + labels[i]; };
  std::vector<std::size_t> shown(n);
  for (std::size_t i = 0; i < n; ++i) shown[i] = i;
  std::size_t columns = 1;
  // Up to six choices get the kiosk's big bars; more get the compact ones, so that all of a
  // twelve-choice question can show at once.
  const bool large = look.kiosk && n <= 6;
  if (look.kiosk && n > 0) {
    ImFont* font = large ? theme::fonts().heading : theme::fonts().body;
    const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const auto bar_height = [&](std::size_t i, float w) {
      const std::string fig = percent_text(figures[i].percent, figures[i].count);
      const float fig_w = font->CalcTextSizeA(fs, FLT_MAX, 0, fig.c_str()).x;
      const std::string label = label_of(i);
      return font->CalcTextSizeA(fs, FLT_MAX, w - fig_w - base, label.c_str()).y + base * 0.3f + base * (large ? 1.4f : 0.8f) + spacing;
    };
    // Whether these choices, in this many columns (filled in order), fit in `room`.
    const auto column_width = [&](std::size_t cols) { return (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols); };
    const auto fit = [&](const std::vector<std::size_t>& which, std::size_t cols, float room) {
      const float w = column_width(cols);
      const std::size_t per = (which.size() + cols - 1) / cols;
      float h = 0;
      for (std::size_t k = 0; k < which.size(); ++k) {
        if (k % per == 0) h = 0;
        h += bar_height(which[k], w);
        if (h > room) return false;
      }
      return true;
    };
    const float room = ImGui::GetContentRegionAvail().y;
    std::size_t most = 1;  // columns at least 11 text sizes wide
    while (most < 3 && column_width(most + 1) >= base * 11.0f) ++most;
    columns = 0;
    for (std::size_t c = 1; c <= most && columns == 0; ++c)
      if (fit(shown, c, room)) columns = c;
    if (columns == 0) {
      // The most chosen first, as many as fit above the "+ N autres" line, in the choices' order.
      std::vector<std::size_t> by_count = shown;
      std::sort(by_count.begin(), by_count.end(), [&](std::size_t a, std::size_t b) {  // a tie: the choices' order
        return figures[a].count != figures[b].count ? figures[a].count > figures[b].count : a < b;
      });
      const float line_room = room - (look.body->FontSize * ImGui::GetIO().FontGlobalScale + spacing);
      columns = most;
      for (std::size_t keep = n - 1; keep >= 1; --keep) {
        std::vector<std::size_t> top(by_count.begin(), by_count.begin() + static_cast<std::ptrdiff_t>(keep));
        std::sort(top.begin(), top.end());
        if (fit(top, columns, line_room) || keep == 1) {
          shown = std::move(top);
          break;
        }
      }
    }
  }
  const float column_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const std::size_t per = (shown.size() + columns - 1) / std::max<std::size_t>(1, columns);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  float bottom = top.y;
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const std::size_t i = shown[k];
    if (columns > 1 && k % per == 0) {  // a group per column: its lines start at the column's left
      if (k > 0) ImGui::EndGroup();
      ImGui::SetCursorScreenPos(ImVec2(top.x + static_cast<float>(k / per) * (column_w + gap), top.y));
      ImGui::BeginGroup();
    }
    const float fraction = ui::animate(seed + static_cast<ImGuiID>(i) * 7919u, figures[i].percent / 100.0f);
    ui::result_bar(label_of(i), fraction, percent_text(figures[i].percent, figures[i].count),
                   is_right(i) ? theme::colour::ok : bar_colour(static_cast<int>(i), look), column_w, large);
    bottom = std::max(bottom, ImGui::GetItemRectMax().y);
  }
  if (columns > 1) {
    if (!shown.empty()) ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(width, 0));
  }
  more_line(look, static_cast<int>(n - shown.size()));
}

namespace {

// [SECTION] per kind (challenge and quiz: views/results_scored.cpp; survey: views/results_survey.cpp)
// The face to draw text `px` CSS pixels tall: the smallest bold face rasterised at least that big,
// so glyphs are scaled down a little at most, never blown up into a blur (the display face is the
// biggest; the word cloud never draws larger than it).
ImFont* face_for(float px) {
  const auto& f = theme::fonts();
  for (ImFont* font : {f.strong, f.heading})
    if (font->FontSize * ImGui::GetIO().FontGlobalScale >= px) return font;
  return theme::display_font();
}

// Core's word cloud (IdeaFigures::words: grouped, spelled and ordered by core), each word sized by
// its count: from a body-sized word up to the display face's own size, sharp on a kiosk.
void word_cloud(const core::IdeaFigures& fig, const Look& look, float width) {
  const float base = theme::fonts().base_px;
  const float largest = theme::display_font()->FontSize * ImGui::GetIO().FontGlobalScale;
  const float smallest = base * (look.kiosk ? 1.15f : 0.85f);
  int top = 1;
  for (const auto& [w, n] : fig.words) top = std::max(top, n);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  // The kiosk never scrolls: the cloud stops above the screen's bottom (the rarest words go first,
  // core orders them by count) and says how many more there are.
  const float line_h = look.body->FontSize * ImGui::GetIO().FontGlobalScale * 1.6f;
  const float max_h = look.kiosk ? ImGui::GetContentRegionAvail().y - line_h : FLT_MAX;
  float x = 0, y = 0, row_h = 0;
  int index = 0, left_out = 0;
  for (const auto& [w, n] : fig.words) {
    if (left_out > 0) { ++left_out; continue; }
    float size = smallest + (largest - smallest) * static_cast<float>(n) / static_cast<float>(top);
    ImFont* font = face_for(size);
    ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, w.c_str());
    if (ts.x > width) {  // a long phrase on a phone: smaller, on one line
      size *= width / ts.x;
      font = face_for(size);
      ts = font->CalcTextSizeA(size, FLT_MAX, 0, w.c_str());
    }
    if (x + ts.x > width && x > 0) { x = 0; y += row_h; row_h = 0; }
    if (y + ts.y * 1.05f > max_h) { ++left_out; continue; }
    ImGui::PushFont(font);  // the display face's glyphs live in a texture of their own
    ui::draw_text(draw, font, size, ImVec2(origin.x + x, origin.y + y), bar_colour(index++, look) | 0xFF000000, w);
    ImGui::PopFont();
    x += ts.x + size * 0.5f;
    row_h = std::max(row_h, ts.y * 1.05f);
  }
  ImGui::Dummy(ImVec2(width, y + row_h));
  more_line(look, left_out);
}

void ideas(Context& ctx, const core::Activity& a, const Look& look, float width) {
  const core::IdeaFigures& fig = figures_of(ctx.session, a).ideas;
  const float base = theme::fonts().base_px;
  line(look, std::to_string(fig.ideas) + " " + trn(S::ideas, fig.ideas) + " · " + std::to_string(fig.contributors) +
                 out_of(ctx, fig.participants) + " " + trn(S::participants_word, ctx.session.hears_every_join ? fig.participants : fig.contributors));
  if (fig.cloud) {
    word_cloud(fig, look, width);
    return;
  }
  // Post-its, most liked first, grouped by category in spec order.
  // The kiosk keeps room at the bottom for the "+ N autres" line.
  const float line_h = look.body->FontSize * ImGui::GetIO().FontGlobalScale + ImGui::GetStyle().ItemSpacing.y;
  const float screen_bottom = look.kiosk ? ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - line_h * 1.5f - base * 0.6f : FLT_MAX;
  int hidden_more = 0;
  const int columns = std::max(1, static_cast<int>(width / (base * (look.kiosk ? 14 : 12))));
  const float gap = base * 0.6f;
  const float w = (width - gap * (columns - 1)) / columns;
  const std::size_t n_cat = std::max<std::size_t>(1, a.spec.categories.size());
  for (std::size_t cat = 0; cat < n_cat + 1; ++cat) {
    const int category = cat < a.spec.categories.size() ? static_cast<int>(cat) : -1;
    if (cat == n_cat && a.spec.categories.empty()) break;
    std::vector<const core::Idea*> list;
    for (std::int64_t id : fig.by_likes) {
      auto it = a.ideas.find(id);
      if (it != a.ideas.end() && (a.spec.categories.empty() || it->second.category == category)) list.push_back(&it->second);
    }
    if (list.empty()) continue;
    // A category whose title and first row no longer fit goes whole into the count.
    if (hidden_more > 0 || ImGui::GetCursorScreenPos().y + line_h + base * 3.5f > screen_bottom) {
      hidden_more += static_cast<int>(list.size());
      continue;
    }
    if (!a.spec.categories.empty()) {
      ui::gap(base * 0.3f);
      line(look, category >= 0 ? a.spec.categories[static_cast<std::size_t>(category)] : std::string("—"), false);
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    int col = 0;
    float row_top = ImGui::GetCursorScreenPos().y, row_h = 0;
    const float left = ImGui::GetCursorScreenPos().x;
    static const ImU32 notes[] = {IM_COL32(255, 236, 153, 255), IM_COL32(255, 205, 210, 255), IM_COL32(200, 230, 201, 255),
                                  IM_COL32(187, 222, 251, 255), IM_COL32(225, 190, 231, 255)};
    for (const core::Idea* idea : list) {
      if (hidden_more > 0) { ++hidden_more; continue; }
      ImFont* font = look.kiosk ? theme::fonts().strong : theme::fonts().body;
      const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
      const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, w - base * 1.2f, idea->text.c_str());
      const float h = ts.y + base * 2.6f;
      const ImVec2 p(left + col * (w + gap), row_top);
      if (p.y + h > screen_bottom) { ++hidden_more; continue; }  // the kiosk never scrolls
      const ImU32 colour = notes[(category < 0 ? 0 : category) % 5];
      draw->AddRectFilled(ImVec2(p.x + 2, p.y + 3), ImVec2(p.x + w + 2, p.y + h + 3), IM_COL32(0, 0, 0, 30), base * 0.4f);
      draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), colour, base * 0.4f);
      ui::draw_text(draw, font, fs, ImVec2(p.x + base * 0.6f, p.y + base * 0.5f), theme::colour::ink, idea->text, w - base * 1.2f);
      const auto liked = fig.likes.find(idea->id);
      const std::string likes = std::string(icon::heart) + " " + std::to_string(liked == fig.likes.end() ? 0 : liked->second);
      ui::draw_text(draw, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + base * 0.6f, p.y + h - base * 1.6f), IM_COL32(120, 60, 60, 255), likes);
      row_h = std::max(row_h, h);
      if (++col == columns) { col = 0; row_top += row_h + gap; row_h = 0; }
    }
    if (col != 0) row_top += row_h + gap;
    ImGui::SetCursorScreenPos(ImVec2(left, row_top));
    ImGui::Dummy(ImVec2(width, 1));
  }
  more_line(look, hidden_more);
}

void rating(Context& ctx, const core::Activity& a, const Look& look, float width) {
  const core::RatingFigures& fig = figures_of(ctx.session, a).rating;
  const float base = theme::fonts().base_px;
  ui::text_in(look.big(), tenths(fig.average_tenths), look.accent);
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * (look.kiosk ? 1.4f : 0.9f));
  ui::stars(ui::animate(ImGui::GetID("avg"), fig.average_tenths / 10.0f), a.spec.scale, base * (look.kiosk ? 2.4f : 1.6f),
            theme::colour::live);
  line(look, std::to_string(fig.votes) + out_of(ctx, fig.participants) + " " + trn(S::votes, ctx.session.hears_every_join ? fig.participants : fig.votes));
  star_bars(look, ImGui::GetID("dist"), a.spec.scale, fig.per_star, fig.votes, width);
}

void qna(Context& ctx, const core::Activity& a, const Look& look, float width) {
  const core::QnaFigures& fig = figures_of(ctx.session, a).qna;
  line(look, std::to_string(fig.questions) + " · " + std::to_string(fig.answered) + " " + trn(S::answered, fig.answered));
  int more = 0;
  for (std::int64_t id : fig.by_votes) {
    auto it = a.questions.find(id);
    if (it == a.questions.end()) continue;
    if (more || !room_for_line(look)) { ++more; continue; }
    const auto& q = it->second;
    const auto votes = fig.upvotes.find(id);
    line(look, std::string(q.answered ? icon::check_circle : icon::thumbs_up) + " " + std::to_string(votes == fig.upvotes.end() ? 0 : votes->second) + "   " +
                   q.text, q.answered);
  }
  more_line(look, more);
  (void)width;
}

void presentation(const core::Activity& a, const Look& look) {
  if (a.spec.pages.empty()) return;
  const auto& page = a.spec.pages[static_cast<std::size_t>(std::clamp(a.page, 0, static_cast<int>(a.spec.pages.size()) - 1))];
  line(look, std::string(tr(S::page)) + " " + std::to_string(a.page + 1) + " / " + std::to_string(a.spec.pages.size()));
  if (!page.title.empty()) ui::text_in(look.big(), page.title, look.text);
  const float width = ImGui::GetContentRegionAvail().x;
  const float text_scale = 1.0f;  // the kiosk's base size is already its own (theme::base_size_for)
  if (!look.kiosk) {
    images::draw(page.image, width, std::round(ImGui::GetIO().DisplaySize.y * 0.45f));
    ui::rich_text(page.text, width, look.text, text_scale);
    return;
  }
  // The kiosk never scrolls: the picture fits what is left, beside the text when there is some,
  // and a long text is set smaller until it fits, down to 60 %.
  const float room = ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y;
  const bool has_text = page.text.find_first_not_of(" \n") != std::string::npos;
  float text_w = width;
  if (!page.image.empty()) {
    if (!has_text) {
      images::draw(page.image, width, room);
      return;
    }
    const float gap = theme::fonts().base_px * 1.5f;
    text_w = std::round(width * 0.4f);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(top.x + text_w + gap, top.y));
    images::draw(page.image, width - text_w - gap, room);
    ImGui::SetCursorScreenPos(top);
  }
  float scale = text_scale;
  for (int i = 0; i < 12 && scale > text_scale * 0.6f && ui::rich_text(page.text, text_w, look.text, scale, false) > room; ++i)
    scale = std::max(text_scale * 0.6f, scale * 0.93f);
  ui::rich_text(page.text, text_w, look.text, scale);
}

}  // namespace

// [SECTION] entry
void draw_results(Context& ctx, const core::Activity& a, float width, bool kiosk) {
  const Look look = look_for(kiosk);
  ImGui::PushID(static_cast<int>(a.id));
  switch (a.spec.kind) {
    case core::ActivityKind::challenge: challenge(ctx, a, look, width); break;
    case core::ActivityKind::quiz: quiz(ctx, a, look, width); break;
    case core::ActivityKind::survey: survey(ctx, a, look, width); break;
    case core::ActivityKind::brainstorm: ideas(ctx, a, look, width); break;
    case core::ActivityKind::board: board(ctx, a, look, width, !kiosk && ctx.identity.role == core::Role::host); break;
    case core::ActivityKind::rating: rating(ctx, a, look, width); break;
    case core::ActivityKind::qna: qna(ctx, a, look, width); break;
    case core::ActivityKind::presentation: presentation(a, look); break;
  }
  ImGui::PopID();
}

void draw_board(Context& ctx, const core::Activity& a, float width, bool kiosk, bool interactive) {
  ImGui::PushID(static_cast<int>(a.id));
  board(ctx, a, look_for(kiosk), width, interactive);
  ImGui::PopID();
}

}  // namespace palabre::app::views
