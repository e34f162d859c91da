// Participant: pick a display name, then chat with the whole session — one thumb on a phone.
// [SECTION] name  [SECTION] chat
#include <algorithm>
#include <cmath>
#include <string>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"

namespace palabre::app::views {
namespace {

bool has_joined(const Context& ctx) {
  return !ctx.identity.you.empty() && ctx.session.find_participant(ctx.identity.you) != nullptr;
}

bool join_pending(const Context& ctx) {
  return std::any_of(ctx.pending.begin(), ctx.pending.end(),
                     [](const PendingAction& p) { return std::holds_alternative<core::ParticipantJoin>(p.event); });
}

void centred_spinner_text(Context& ctx, const char* text) {
  const float base = theme::fonts().base_px;
  ctx.ui.animating = true;
  ui::gap(ImGui::GetContentRegionAvail().y * 0.4f);
  const double t = ImGui::GetTime();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float cx = pos.x + ImGui::GetContentRegionAvail().x * 0.5f;
  for (int i = 0; i < 3; ++i) {
    const float phase = static_cast<float>(std::fmod(t * 2.0 + i * 0.25, 1.0));
    draw->AddCircleFilled(ImVec2(cx + (i - 1) * base * 1.1f, pos.y + base * 0.5f), base * (0.22f + 0.16f * (1.0f - phase)),
                          theme::colour::accent, 16);
  }
  ui::gap(base * 1.6f);
  ui::text_in(theme::fonts().body, text, theme::colour::muted, true);
}

// [SECTION] name
void draw_name_form(Context& ctx) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const ui::Column column = ui::begin_column(base * 26.0f);
  const float width = column.width;
  ui::gap(base * (ImGui::GetIO().DisplaySize.y > 700 ? 2.5f : 0.8f));
  draw_brand(1.2f);
  ui::gap(base * 1.0f);
  ui::begin_card(width);
  ui::text_in(f.heading, tr(S::you_name_title));
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::muted);
  ui::text(std::string(tr(S::host_code)) + " " + ctx.route.room);
  ImGui::PopStyleColor();
  ui::gap(base * 0.5f);
  ImGui::PushFont(f.strong);
  ui::text(tr(S::you_name_label));
  ImGui::PopFont();
  mirror::TextFieldOptions options;
  options.placeholder = tr(S::you_name_placeholder);
  options.max_bytes = static_cast<int>(core::max_name_bytes);
  const bool submitted = mirror::TextField((std::string(tr(S::you_name_label)) + "###name").c_str(), ctx.ui.name, options);
  const bool busy = join_pending(ctx);
  const bool ready = ctx.ui.name.find_first_not_of(' ') != std::string::npos && !busy;
  const std::string label = busy ? std::string(tr(S::you_joining)) + "###join"
                                 : std::string(tr(S::you_join)) + "  " + icon::arrow_right + "###join";
  if ((ui::primary_button(label.c_str(), -1, ready) || submitted) && ready) {
    ctx.actions.push_back(act::JoinAs{ctx.ui.name});
  }
  if (!ctx.ui.error.empty()) {
    ui::gap(base * 0.3f);
    ui::text_wrapped(ctx.ui.error, theme::colour::live);
  }
  ui::end_card();
  ui::end_column(column);
}

// What a participant sees instead of the session's screens when it cannot take part: an encrypted
// session whose link had no key (it joined by the code), or the host removed them.
void draw_notice(const char* glyph, std::string_view title, std::string_view text) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const ui::Column column = ui::begin_column(base * 26.0f);
  ui::gap(base * 2.0f);
  ui::begin_card(column.width);
  ui::text_in(f.heading, std::string(glyph) + "  " + std::string(title), theme::colour::accent);
  ui::gap(base * 0.4f);
  ui::text(std::string(text));  // wraps at the card's edge (begin_card sets it)
  ui::end_card();
  ui::end_column(column);
}

// [SECTION] chat
void bubble(const std::string& author, const std::string& text, const std::string& meta, bool mine, float max_width) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const float pad = base * 0.8f;
  const float full = ImGui::GetContentRegionAvail().x;
  const float wrap = std::min(max_width, full * 0.82f) - 2 * pad;
  ImGui::PushFont(f.body);
  const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  ImGui::PopFont();
  ImGui::PushFont(f.strong);
  const ImVec2 author_size = author.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(author.c_str());
  ImGui::PopFont();
  const ImVec2 meta_size = ImGui::CalcTextSize(meta.c_str());
  const float inner_w = std::max({text_size.x, author_size.x, meta_size.x});
  const float w = inner_w + 2 * pad;
  const float h = (author.empty() ? 0 : author_size.y + base * 0.15f) + text_size.y + base * 0.2f + meta_size.y + 2 * pad * 0.8f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float x = mine ? start.x + full - w : start.x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r = base * 1.0f;
  draw->AddRectFilled(ImVec2(x, start.y), ImVec2(x + w, start.y + h), mine ? theme::colour::accent : theme::colour::card, r,
                      mine ? ImDrawFlags_RoundCornersAll & ~ImDrawFlags_RoundCornersBottomRight
                           : ImDrawFlags_RoundCornersAll & ~ImDrawFlags_RoundCornersBottomLeft);
  float y = start.y + pad * 0.8f;
  if (!author.empty()) {
    ui::draw_text(draw, f.strong, ImGui::GetFontSize(), ImVec2(x + pad, y), ui::name_colour(author), author);
    y += author_size.y + base * 0.15f;
  }
  ui::draw_text(draw, f.body, ImGui::GetFontSize(), ImVec2(x + pad, y), mine ? IM_COL32(255, 255, 255, 255) : theme::colour::ink,
                text, wrap);
  y += text_size.y + base * 0.2f;
  ui::draw_text(draw, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(mine ? x + w - pad - meta_size.x : x + pad, y),
                mine ? IM_COL32(255, 255, 255, 190) : theme::colour::muted, meta);
  ImGui::Dummy(ImVec2(full, h));
}

// Brand, room code, language and connection; on the chat and the welcome tab, who you are.
void draw_header(Context& ctx, bool with_me) {
  const float base = theme::fonts().base_px;
  draw_brand(0.85f);
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * 0.3f);
  ui::text(ctx.identity.room, ImGui::GetColorU32(ImGuiCol_TextDisabled));
  if (draw_status_and_language_right(ctx.link)) ctx.actions.push_back(act::ToggleLang{});
  if (const core::Participant* me = ctx.session.find_participant(ctx.identity.you); me && with_me) {
    ui::avatar(me->name, base * 1.5f);
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + base * 0.12f);
    ImGui::PushTextWrapPos(0.0f);
    ui::text(me->name, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
}

void draw_chat(Context& ctx, float reserved_bottom) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const ImGuiStyle& style = ImGui::GetStyle();
  draw_header(ctx, true);

  const float composer_h = std::round(base * 2.9f) + style.ItemSpacing.y;
  const float list_h = std::max(base * 6, ImGui::GetContentRegionAvail().y - composer_h - reserved_bottom);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::BeginChild("chat-list", ImVec2(0, list_h), false);
  const auto& messages = ctx.session.messages;
  int shown = 0;
  ui::gap(base * 0.3f);
  for (const core::Message& m : messages) {
    const bool mine = m.from == ctx.identity.you;
    if (m.hidden || (!m.approved && !mine)) continue;  // one's own held for the host shows, marked
    ++shown;
    const std::string author = mine ? std::string() : ctx.session.display_name(m.from);
    const std::string time = clock_time(ctx.session, m.at, ctx.browser.tz_offset_minutes);
    bubble(author, m.text, m.approved ? time : time + " · " + tr(S::mod_waiting), mine, base * 26);
  }
  for (const PendingAction& p : ctx.pending) {
    if (const auto* post = std::get_if<core::ChatPost>(&p.event)) {
      ++shown;
      bubble({}, post->text, std::string(icon::clock) + " " + tr(S::chat_sending), true, base * 26);
    }
  }
  if (shown == 0) {
    ui::gap(list_h * 0.35f);
    ui::text_in(f.heading, icon::comments, theme::colour::line, true);
    ui::text_in(f.body, tr(S::chat_empty), theme::colour::muted, true);
  }
  const std::size_t total = messages.size() + ctx.pending.size();
  if (total != ctx.ui.messages_seen) {
    ImGui::SetScrollHereY(1.0f);  // newest visible
    ctx.ui.messages_seen = total;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();

  // Composer: the message field and the send button on one line.
  const std::string send_label = std::string(icon::send) + "###send";
  const float send_w = std::round(base * 3.4f);
  mirror::TextFieldOptions options;
  options.placeholder = tr(S::chat_placeholder);
  options.width = ImGui::GetContentRegionAvail().x - send_w - style.ItemSpacing.x;
  options.max_bytes = static_cast<int>(core::max_text_bytes);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, (std::round(base * 2.9f) - ImGui::GetFontSize()) * 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, std::round(base * 1.45f));
  const bool submitted = mirror::TextField((std::string(tr(S::chat_placeholder)) + "###message").c_str(), ctx.ui.message, options);
  ImGui::PopStyleVar(2);
  ImGui::SameLine();
  const bool has_text = ctx.ui.message.find_first_not_of(" \n\t") != std::string::npos;
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, std::round(base * 1.45f));
  // An icon-only button still needs a name for screen readers and the mirror.
  mirror::next_name(tr(S::chat_send));
  const bool clicked = ui::primary_button(send_label.c_str(), send_w, true);
  ImGui::PopStyleVar();
  if ((clicked || submitted) && has_text) {
    ctx.actions.push_back(act::Post{ctx.ui.message});
    ctx.ui.message.clear();
  }
}

// The activity the host is running (or last ran, while its results are shown), if any.
const core::Activity* followed_activity(const Context& ctx) {
  const core::Activity* a = ctx.session.find_activity(ctx.session.current_activity);
  if (!a || a->status == core::ActivityStatus::draft) return nullptr;
  return a;
}

// Before the first activity: what the session is, who runs it, that it starts soon and who is in —
// the waiting room people know from Kahoot and Mentimeter.
void draw_welcome_tab(Context& ctx) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  draw_header(ctx, false);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  const float bar_h = std::round(base * 2.9f) + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("welcome", ImVec2(0, ImGui::GetContentRegionAvail().y - bar_h), false);
  const ui::Column column = ui::begin_column(base * 30.0f);
  ui::gap(base * 0.8f);
  const core::SessionInfo& info = ctx.session.info;
  ui::begin_card(column.width, -1, theme::colour::card);
  ui::text_in(f.heading, info.title.empty() ? tr(S::session_untitled) : info.title);
  if (!info.host.empty()) {
    ui::gap(base * 0.2f);
    ui::text_wrapped(std::string(tr(S::lobby_hosted_by)) + " " + info.host, theme::colour::muted);
  }
  ui::gap(base * 1.2f);
  // Three dots breathing: the page is alive and waiting, not frozen.
  ctx.ui.redraw_within(50);
  const double t = ImGui::GetTime();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  for (int i = 0; i < 3; ++i) {
    const float phase = static_cast<float>(std::fmod(t * 1.5 + i * 0.25, 1.0));
    draw->AddCircleFilled(ImVec2(pos.x + base * (0.35f + i * 0.9f), pos.y + base * 0.6f),
                          base * (0.18f + 0.12f * (1.0f - phase)), theme::colour::accent, 16);
  }
  ImGui::Dummy(ImVec2(base * 2.6f, base * 1.2f));
  ImGui::SameLine(0, base * 0.6f);
  ImGui::PushFont(f.strong);
  ui::text_wrapped(tr(S::wait_host), theme::colour::accent);
  ImGui::PopFont();
  ui::gap(base * 0.8f);
  // Who has joined, not who is online: presence reaches the staff only (docs/protocol.md), and in a
  // big room a phone does not hear every join, so it says nothing rather than a wrong count.
  if (ctx.session.hears_every_join) {
    const int joined = static_cast<int>(ctx.session.participants.size());
    ui::text_wrapped(std::to_string(joined) + " " + trn(S::participants_word, joined) + " " + tr(S::lobby_joined),
                     theme::colour::muted);
  }
  ui::end_card();
  if (!info.description.empty()) {
    ui::gap(base * 0.8f);
    ui::begin_card(column.width, -1, theme::colour::card);
    ui::text_wrapped(info.description, theme::colour::ink);
    ui::end_card();
  }
  ui::gap(base);
  ui::end_column(column);
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void draw_activity_tab(Context& ctx, const core::Activity& a) {
  const float base = theme::fonts().base_px;
  draw_header(ctx, false);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  const float bar_h = std::round(base * 2.9f) + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("activity", ImVec2(0, ImGui::GetContentRegionAvail().y - bar_h), false);
  const ui::Column column = ui::begin_column(base * 30.0f);
  ui::gap(base * 0.3f);
  draw_answer(ctx, a, column.width);
  ui::gap(base);
  ui::end_column(column);
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// Two tabs at the bottom, within thumb reach: the activity and the messages.
void draw_tabs(Context& ctx, bool has_activity) {
  const float base = theme::fonts().base_px;
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  auto tab = [&](const char* label, bool on) { return ui::tab_button(label, on, w, std::round(base * 2.9f)); };
  const std::string first = has_activity ? std::string(icon::bolt) + "  " + tr(S::tab_activity)
                                         : std::string(icon::home) + "  " + tr(S::tab_home);
  if (tab((first + "###tab-activity").c_str(), !ctx.ui.chat_tab)) ctx.ui.chat_tab = false;
  ImGui::SameLine();
  if (tab((std::string(icon::comments) + "  " + tr(S::tab_chat) + "###tab-chat").c_str(), ctx.ui.chat_tab)) ctx.ui.chat_tab = true;
}

}  // namespace

void draw_participant(Context& ctx) {
  if (ctx.identity.removed) return draw_notice(icon::warning, tr(S::removed_title), tr(S::removed_text));
  if (ctx.e2e_locked) return draw_notice(icon::key, tr(S::e2e_locked_title), tr(S::e2e_locked_text));
  if (has_joined(ctx)) {
    const core::Activity* a = followed_activity(ctx);
    if (a && a->id != ctx.ui.last_current) {  // the host moved on: follow
      ctx.ui.last_current = a->id;
      ctx.ui.chat_tab = false;
    }
    announce_changes(ctx, a);
    if (ctx.ui.chat_tab) draw_chat(ctx, std::round(theme::fonts().base_px * 2.9f) + ImGui::GetStyle().ItemSpacing.y);
    else if (a) draw_activity_tab(ctx, *a);
    else draw_welcome_tab(ctx);
    draw_tabs(ctx, a != nullptr);
  } else if (ctx.has_resume_token && !join_pending(ctx) && ctx.link != Link::in_room) {
    centred_spinner_text(ctx, tr(S::you_joining));
  } else {
    draw_name_form(ctx);
  }
}

}  // namespace palabre::app::views
