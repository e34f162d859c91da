// apply(): one handler per event type; each validates everything before its first mutation.
// [SECTION] reason codes  [SECTION] helpers  [SECTION] handlers  [SECTION] apply
#include "core/session.hpp"

#include <algorithm>
#include <type_traits>

#include "core/text.hpp"

namespace palabre::core {

// [SECTION] reason codes
std::string_view reason_code(Reason reason) {
  switch (reason) {
    case Reason::none: return "ok";
    case Reason::stale_seq: return "stale_seq";
    case Reason::kiosk_read_only: return "kiosk_read_only";
    case Reason::not_host: return "not_host";
    case Reason::not_relay: return "not_relay";
    case Reason::not_participant: return "not_participant";
    case Reason::not_joined: return "not_joined";
    case Reason::already_joined: return "already_joined";
    case Reason::empty_name: return "empty_name";
    case Reason::name_too_long: return "name_too_long";
    case Reason::empty_text: return "empty_text";
    case Reason::text_too_long: return "text_too_long";
    case Reason::unknown_item: return "unknown_item";
    case Reason::bad_locale: return "bad_locale";
    case Reason::bad_timezone: return "bad_timezone";
    case Reason::no_change: return "no_change";
  }
  return "unknown";
}

Visibility default_visibility(const Event& ev) {
  (void)ev;
  return Visibility::public_;
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
  if (s.find_participant(env.from)) return Reason::already_joined;
  if (Reason r = check_name(e.name); r != Reason::none) return r;
  s.participant_index.emplace(env.from, s.participants.size());
  s.participants.push_back(Participant{env.from, std::string(trim(e.name)), env.seq, env.at});
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
  s.messages.push_back(Message{env.seq, env.at, env.from, e.text, false});
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

Reason handle(Session& s, const Envelope& env, const SessionConfigure& e) {
  if (Reason r = require_host(env); r != Reason::none) return r;
  if (e.locale && *e.locale != "fr" && *e.locale != "en") return Reason::bad_locale;
  if (e.timezone && e.timezone->empty()) return Reason::bad_timezone;
  if (e.title) s.info.title = *e.title;
  if (e.host) s.info.host = *e.host;
  if (e.date) s.info.date = *e.date;
  if (e.description) s.info.description = *e.description;
  if (e.locale) s.info.locale = *e.locale;
  if (e.timezone) s.info.timezone = *e.timezone;
  return Reason::none;
}

Reason handle(Session& s, const Envelope& env, const Presence& e) {
  if (env.role != Role::relay) return Reason::not_relay;
  if (e.who.empty()) return Reason::unknown_item;
  s.online[e.who] = e.online;
  return Reason::none;
}
}  // namespace

// [SECTION] apply
Outcome apply(Session& session, const Envelope& envelope) {
  if (envelope.seq <= session.last_seq) return {Reason::stale_seq};
  if (envelope.role == Role::kiosk) return {Reason::kiosk_read_only};
  Reason reason = std::visit([&](const auto& e) { return handle(session, envelope, e); }, envelope.ev);
  if (reason == Reason::none) session.last_seq = envelope.seq;
  return {reason};
}

}  // namespace palabre::core
