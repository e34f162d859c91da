// The rules of ideas, for brainstorms and boards: post, edit, delete, move, like, dots.
// Each checks first, mutates last.
#include <algorithm>
#include <limits>
#include <set>

#include "core/activity_rules.hpp"
#include "core/aggregates.hpp"
#include "core/text.hpp"

namespace palabre::core::detail {

// [SECTION] ideas (brainstorm and board)
Reason handle_activity_event(Session& s, const Envelope& env, const IdeaPost& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
  if (a->locked) return Reason::board_locked;
  PALABRE_TRY(check_text(e.text, max_idea_bytes));
  PALABRE_TRY(check_category(*a, e.category));
  if (e.x < 0 || e.y < 0 || e.x > board_extent || e.y > board_extent) return Reason::bad_position;
  if (e.color.size() > 16) return Reason::text_too_long;  // a colour name or #rrggbb
  Idea idea;
  idea.id = env.seq;
  idea.at = env.at;
  idea.by = env.from;
  idea.text = std::string(trim(e.text));
  idea.category = e.category;
  idea.x = e.x;
  idea.y = e.y;
  idea.color = e.color;
  idea.approved = !held_for_moderation(s, *a, idea.text);
  a->ideas.emplace(idea.id, std::move(idea));
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaEdit& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
  if (a->locked) return Reason::board_locked;
  Idea* idea = nullptr;
  PALABRE_TRY(visible_idea(*a, e.id, idea));
  if (idea->by != env.from) return Reason::not_author;
  PALABRE_TRY(check_text(e.text, max_idea_bytes));
  PALABRE_TRY(check_category(*a, e.category));
  if (idea->text == trim(e.text) && idea->category == e.category) return Reason::no_change;
  idea->text = std::string(trim(e.text));
  if (has_blocked_word(idea->text, s.info.blocked_words)) idea->approved = false;  // held again
  idea->category = e.category;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaDelete& e) {
  Activity* a = nullptr;
  if (env.role == Role::host) {
    PALABRE_TRY(host_activity(s, env, e.activity, a));
    if (!is_ideas(*a)) return Reason::wrong_kind;
  } else {
    PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
    if (a->locked) return Reason::board_locked;
  }
  auto it = a->ideas.find(e.id);
  if (it == a->ideas.end()) return Reason::unknown_item;
  if (env.role != Role::host && it->second.by != env.from) return Reason::not_author;
  for (const auto& [who, n] : it->second.dots) a->dots_used[who] -= n;  // dots come back to their owners
  a->ideas.erase(it);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaMove& e) {
  Activity* a = nullptr;
  if (env.role == Role::host) {
    PALABRE_TRY(host_activity(s, env, e.activity, a));
    if (a->spec.kind != ActivityKind::board) return Reason::wrong_kind;
  } else {
    PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::board}, a));
    if (a->locked) return Reason::board_locked;
  }
  auto it = a->ideas.find(e.id);
  if (it == a->ideas.end() || (env.role != Role::host && it->second.hidden)) return Reason::unknown_item;
  Idea& idea = it->second;
  if (env.role != Role::host && idea.by != env.from) return Reason::not_author;
  PALABRE_TRY(check_category(*a, e.category));
  if (e.x < 0 || e.y < 0 || e.x > board_extent || e.y > board_extent) return Reason::bad_position;
  if (idea.x == e.x && idea.y == e.y && idea.category == e.category) return Reason::no_change;
  idea.x = e.x;
  idea.y = e.y;
  idea.category = e.category;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaLike& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
  if (a->spec.dot_budget > 0) return Reason::wrong_mode;
  Idea* idea = nullptr;
  PALABRE_TRY(visible_idea(*a, e.id, idea));
  if (!idea->approved) return Reason::not_approved;
  const bool has = idea->likes.count(env.from) > 0;
  if (e.liked && has) return Reason::already_liked;
  if (!e.liked && !has) return Reason::not_liked;
  if (e.liked) idea->likes.insert(env.from);
  else idea->likes.erase(env.from);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaDot& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
  if (a->spec.dot_budget == 0) return Reason::wrong_mode;
  if (e.delta != 1 && e.delta != -1) return Reason::bad_choice;
  Idea* idea = nullptr;
  PALABRE_TRY(visible_idea(*a, e.id, idea));
  if (!idea->approved) return Reason::not_approved;
  auto used = a->dots_used.find(env.from);
  const int used_now = used == a->dots_used.end() ? 0 : used->second;
  auto mine = idea->dots.find(env.from);
  const int on_idea = mine == idea->dots.end() ? 0 : mine->second;
  if (e.delta > 0 && used_now >= a->spec.dot_budget) return Reason::budget_exhausted;
  if (e.delta < 0 && on_idea == 0) return Reason::not_voted;
  a->dots_used[env.from] = used_now + e.delta;
  idea->dot_total += e.delta;
  if (on_idea + e.delta == 0) idea->dots.erase(env.from);
  else idea->dots[env.from] = on_idea + e.delta;
  return Reason::none;
}

}  // namespace palabre::core::detail
