// apply(): one handler per event type; each validates everything before its first mutation.
// [SECTION] reason codes  [SECTION] helpers  [SECTION] handlers  [SECTION] apply
#include "core/session.hpp"

#include <algorithm>
#include <type_traits>

#include "core/activity_rules.hpp"
#include "core/text.hpp"
#include "core/timezone.hpp"

namespace palabre::core {

// [SECTION] reason codes
namespace {
// In the order of enum class Reason.
constexpr std::string_view reason_names[] = {
    "ok", "stale_seq", "kiosk_read_only", "not_host", "not_relay", "not_participant", "not_joined",
    "already_joined", "empty_name", "name_too_long", "empty_text", "text_too_long", "unknown_item",
    "bad_locale", "bad_timezone", "no_change", "unknown_activity", "bad_activity", "already_started",
    "not_running", "not_stopped", "wrong_kind", "wrong_mode", "time_over", "challenge_won",
    "unknown_question", "not_current_question", "already_answered", "no_more_questions", "bad_choice",
    "too_many_choices", "bad_order", "bad_stars", "comment_not_allowed", "bad_category", "not_author",
    "board_locked", "not_approved", "already_liked", "not_liked", "budget_exhausted", "already_voted",
    "not_voted", "bad_page", "bad_position", "question_closed", "question_open", "bad_duration", "wrong_figures", "must_be_staff",
    "bad_epoch"};
static_assert(std::size(reason_names) == static_cast<std::size_t>(Reason::bad_epoch) + 1);
}  // namespace

std::string_view reason_code(Reason reason) {
  const auto i = static_cast<std::size_t>(reason);
  return i < std::size(reason_names) ? reason_names[i] : "unknown";
}

// Answers, votes, likes and attempts are staff (host, kiosk and sender only); the rest is public.
Visibility default_visibility(const Event& ev) {
  return std::visit(
      [](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        constexpr bool staff = std::is_same_v<T, ChallengeAttempt> || std::is_same_v<T, ActivityNotes> || std::is_same_v<T, QuizAnswer> ||
                               std::is_same_v<T, SurveyAnswer> || std::is_same_v<T, IdeaLike> ||
                               std::is_same_v<T, IdeaDot> || std::is_same_v<T, RatingVote> ||
                               std::is_same_v<T, QnaUpvote>;
        return staff ? Visibility::staff : Visibility::public_;
      },
      ev);
}

Activity* Session::find_activity(std::int64_t id) {
  // Linear: activity.move puts the list in the host's order, not the id order (a session has tens).
  auto it = std::find_if(activities.begin(), activities.end(), [id](const Activity& a) { return a.id == id; });
  return it != activities.end() ? &*it : nullptr;
}
const Activity* Session::find_activity(std::int64_t id) const {
  return const_cast<Session*>(this)->find_activity(id);
}

const Participant* Session::find_participant(std::string_view id) const {
  auto it = participant_index.find(std::string(id));
  return it == participant_index.end() ? nullptr : &participants[it->second];
}

std::string Session::display_name(std::string_view member_id) const {
  if (const Participant* p = find_participant(member_id)) return p->name;
  if (!member_id.empty() && member_id[0] == 'h' && !info.host.empty()) return info.host;
  return std::string(member_id);
}

std::string author_name_to_send(const Session& s, std::string_view me, const Event& ev) {
  const Participant* author = s.find_participant(me);
  if (!author || author->stand_in || default_visibility(ev) != Visibility::public_ ||
      std::holds_alternative<ParticipantJoin>(ev) || std::holds_alternative<ParticipantRename>(ev))
    return {};
  const bool anonymous = std::visit(
      [&](const auto& e) {
        if constexpr (requires { e.activity + 0; }) {
          const Activity* a = s.find_activity(e.activity);
          return !a || a->spec.anonymous;
        } else {
          return false;
        }
      },
      ev);
  return anonymous ? std::string() : author->name;
}

bool is_pseudonym(std::string_view from) {
  return from.size() == 13 && from[0] == 'a' &&
         std::all_of(from.begin() + 1, from.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::int64_t event_activity(const Event& ev) {
  return std::visit(
      [](const auto& e) -> std::int64_t {
        if constexpr (requires { e.activity + 0; }) return e.activity;
        else return 0;
      },
      ev);
}

bool sent_anonymously(const Session& s, const Event& ev) {
  const Activity* a = s.find_activity(event_activity(ev));
  return a && a->spec.anonymous;
}

namespace {
// [SECTION] helpers
Reason check_name(std::string_view name) {
  if (trim(name).empty()) return Reason::empty_name;
  if (trim(name).size() > max_name_bytes) return Reason::name_too_long;
  return Reason::none;
}
Reason check_text(std::string_view text, std::size_t max = max_text_bytes) {
  if (trim(text).empty()) return Reason::empty_text;
  if (text.size() > max) return Reason::text_too_long;
  return Reason::none;
}
Reason require_host(const Envelope& env) { return env.role == Role::host ? Reason::none : Reason::not_host; }
Reason require_joined(const Session& s, const Envelope& env) {
  if (env.role != Role::participant) return Reason::not_participant;
  return s.find_participant(env.from) ? Reason::none : Reason::not_joined;
}
// Host or joined participant: who may chat.
Reason require_member_voice(const Session& s, const Envelope& env) {
  if (env.role == Role::host) return Reason::none;
  return require_joined(s, env);
}

// [SECTION] handlers
Reason handle(Session& s, const Envelope& env, const ParticipantJoin& e) {
  if (env.role != Role::participant) return Reason::not_participant;
  if (Reason r = check_name(e.name); r != Reason::none) return r;
  if (const auto it = s.participant_index.find(env.from); it != s.participant_index.end()) {
    Participant& p = s.participants[it->second];
    if (!p.stand_in) return Reason::already_joined;
    p = Participant{env.from, std::string(trim(e.name)), env.seq, env.at};  // the real name, at last
    return Reason::none;
  }
  s.participant_index.emplace(env.from, s.participants.size());
  s.participants.push_back(Participant{env.from, std::string(trim(e.name)), env.seq, env.at});
  s.people_seq = env.seq;
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const ParticipantRename& e) {
  if (Reason r = require_joined(s, env); r != Reason::none) return r;
  if (Reason r = check_name(e.name); r != Reason::none) return r;
  Participant& p = s.participants[s.participant_index.at(env.from)];
  if (p.name == trim(e.name)) return Reason::no_change;
  p.name = std::string(trim(e.name));
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const ChatPost& e) {
  if (Reason r = require_member_voice(s, env); r != Reason::none) return r;
  if (Reason r = check_text(e.text); r != Reason::none) return r;
  const bool held = s.info.chat_moderated || has_blocked_word(e.text, s.info.blocked_words);
  s.messages.push_back(Message{env.seq, env.at, env.from, e.text, false, !held});
  return Reason::none;
}

Message* find_message(Session& s, std::int64_t id) {
  // Messages are appended in seq order: binary search by id.
  auto it = std::lower_bound(s.messages.begin(), s.messages.end(), id,
                             [](const Message& m, std::int64_t v) { return m.id < v; });
  return it != s.messages.end() && it->id == id ? &*it : nullptr;
}

Reason handle(Session& s, const Envelope& env, const ChatHide& e) {
  if (Reason r = require_host(env); r != Reason::none) return r;
  Message* m = find_message(s, e.id);
  if (!m) return Reason::unknown_item;
  if (m->hidden == e.hidden) return Reason::no_change;
  m->hidden = e.hidden;
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const ChatApprove& e) {
  if (Reason r = require_host(env); r != Reason::none) return r;
  Message* m = find_message(s, e.id);
  if (!m) return Reason::unknown_item;
  if (m->approved) return Reason::no_change;
  m->approved = true;
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const SessionConfigure& e) {
  if (Reason r = require_host(env); r != Reason::none) return r;
  if (e.locale && *e.locale != "fr" && *e.locale != "en") return Reason::bad_locale;
  if (e.timezone && !parse_timezone(*e.timezone)) return Reason::bad_timezone;
  if (e.title) s.info.title = *e.title;
  if (e.host) s.info.host = *e.host;
  if (e.date) s.info.date = *e.date;
  if (e.description) s.info.description = *e.description;
  if (e.locale) s.info.locale = *e.locale;
  if (e.timezone) s.info.timezone = *e.timezone;
  if (e.screen_join) s.info.screen_join = *e.screen_join;
  if (e.chat_moderated) s.info.chat_moderated = *e.chat_moderated;
  if (e.blocked_words) s.info.blocked_words = blocked_word_list(*e.blocked_words);
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const Presence& e) {
  if (env.role != Role::relay) return Reason::not_relay;
  if (e.who.empty()) return Reason::unknown_item;
  s.online[e.who] = e.online;
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const MemberRemoved& e) {
  if (env.role != Role::relay) return Reason::not_relay;
  if (e.who.empty()) return Reason::unknown_item;
  s.removed.insert(e.who);
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const JoinRenewed& e) {
  if (env.role != Role::relay) return Reason::not_relay;
  if (e.invite.empty()) return Reason::unknown_item;
  s.invite = e.invite;
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const ParticipantRemove& e) {
  if (Reason r = require_host(env); r != Reason::none) return r;
  if (!s.find_participant(e.who)) return Reason::unknown_item;
  if (s.removals.count(e.who) && !e.hide_contributions) return Reason::no_change;
  s.removals[e.who] += e.hide_contributions ? hide_contributions_of(s, e.who, env.seq) : 0;
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const SessionRekey& e) {
  if (Reason r = require_host(env); r != Reason::none) return r;
  if (e.epoch < 2 || (e.epoch != s.key_epoch && e.epoch != s.key_epoch + 1)) return Reason::bad_epoch;
  s.key_epoch = std::max(s.key_epoch, e.epoch);
  return Reason::none;
}

// A participant the session never saw joining (it does not hear every join): taken as joined under
// a stand-in name, "#17" for p17, for as long as the event is accepted.
bool add_stand_in(Session& s, const Envelope& env) {
  if (s.hears_every_join || env.role != Role::participant || s.find_participant(env.from) ||
      std::holds_alternative<ParticipantJoin>(env.ev))
    return false;
  const std::string_view digits = env.from.size() > 1 ? std::string_view(env.from).substr(1) : std::string_view(env.from);
  s.participant_index.emplace(env.from, s.participants.size());
  s.participants.push_back(Participant{env.from, "#" + std::string(digits), env.seq, env.at, true});
  return true;
}

// A stand-in takes the name its accepted event carries (Envelope::by), if it is a valid name.
void name_stand_in(Session& s, const Envelope& env) {
  if (s.hears_every_join || env.by.empty() || check_name(env.by) != Reason::none) return;
  const auto it = s.participant_index.find(env.from);
  if (it == s.participant_index.end()) return;
  Participant& p = s.participants[it->second];
  if (p.stand_in) p.name = std::string(trim(env.by));
}

// Remembers the last event that named an activity (its id or `activity` field): figures published
// as of an earlier seq can no longer be checked against the engine's.
void mark_activity_changed(Session& s, const Envelope& env) {
  const std::int64_t id = std::visit(
      [](const auto& e) -> std::int64_t {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, ResultsPublish>) return 0;  // publishing changes no figure
        else if constexpr (requires { e.activity + 0; }) return e.activity;
        else if constexpr (requires { e.id + 0; } && !std::is_same_v<T, ChatHide> && !std::is_same_v<T, ChatApprove>) return e.id;
        else return 0;
      },
      env.ev);
  if (Activity* a = id ? s.find_activity(id) : nullptr) a->figures_seq = env.seq;
}
}  // namespace

// [SECTION] apply
Outcome apply(Session& session, const Envelope& envelope) {
  if (envelope.seq <= session.last_seq) return {Reason::stale_seq};
  if (envelope.role == Role::kiosk) return {Reason::kiosk_read_only};
  const bool stand_in = add_stand_in(session, envelope);
  Reason reason = std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, ParticipantJoin> || std::is_same_v<T, ParticipantRename> ||
                      std::is_same_v<T, ChatPost> || std::is_same_v<T, ChatHide> || std::is_same_v<T, ChatApprove> ||
                      std::is_same_v<T, SessionConfigure> || std::is_same_v<T, Presence> ||
                      std::is_same_v<T, MemberRemoved> || std::is_same_v<T, JoinRenewed> ||
                      std::is_same_v<T, ParticipantRemove> || std::is_same_v<T, SessionRekey>)
          return handle(session, envelope, e);
        else
          return detail::handle_activity_event(session, envelope, e);
      },
      envelope.ev);
  if (reason == Reason::none) {
    session.last_seq = envelope.seq;
    if (stand_in) session.people_seq = envelope.seq;
    mark_activity_changed(session, envelope);
    name_stand_in(session, envelope);
  } else if (stand_in) {  // rejected: the state is unchanged, stand-in included
    session.participant_index.erase(envelope.from);
    session.participants.pop_back();
  }
  return {reason};
}

}  // namespace palabre::core
