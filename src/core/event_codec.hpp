#pragma once
// Internal: per-event wire name, reader and writer. Adding an event = a struct in envelope.hpp,
// an alternative in Event, and three overloads here (name, read, write).
#include <nlohmann/json.hpp>

#include "core/envelope.hpp"
#include "core/json_fields.hpp"

namespace palabre::core::detail {

using ojson = nlohmann::ordered_json;

template <class T> struct Tag {};

// [SECTION] session and chat
constexpr std::string_view name_of(Tag<ParticipantJoin>) { return "participant.join"; }
inline void read_fields(Fields& f, ParticipantJoin& e) { f.str("name", e.name); }
inline void write_fields(ojson& j, const ParticipantJoin& e) { j["name"] = e.name; }

constexpr std::string_view name_of(Tag<ParticipantRename>) { return "participant.rename"; }
inline void read_fields(Fields& f, ParticipantRename& e) { f.str("name", e.name); }
inline void write_fields(ojson& j, const ParticipantRename& e) { j["name"] = e.name; }

constexpr std::string_view name_of(Tag<ChatPost>) { return "chat.post"; }
inline void read_fields(Fields& f, ChatPost& e) { f.str("text", e.text); }
inline void write_fields(ojson& j, const ChatPost& e) { j["text"] = e.text; }

constexpr std::string_view name_of(Tag<ChatHide>) { return "chat.hide"; }
inline void read_fields(Fields& f, ChatHide& e) { f.i64("id", e.id); f.boolean("hidden", e.hidden, false); }
inline void write_fields(ojson& j, const ChatHide& e) { j["id"] = e.id; j["hidden"] = e.hidden; }

constexpr std::string_view name_of(Tag<SessionConfigure>) { return "session.configure"; }
inline void read_fields(Fields& f, SessionConfigure& e) {
  f.opt_str("title", e.title); f.opt_str("host", e.host); f.opt_str("date", e.date);
  f.opt_str("description", e.description); f.opt_str("locale", e.locale); f.opt_str("timezone", e.timezone);
}
inline void write_fields(ojson& j, const SessionConfigure& e) {
  if (e.title) j["title"] = *e.title;
  if (e.host) j["host"] = *e.host;
  if (e.date) j["date"] = *e.date;
  if (e.description) j["description"] = *e.description;
  if (e.locale) j["locale"] = *e.locale;
  if (e.timezone) j["timezone"] = *e.timezone;
}

constexpr std::string_view name_of(Tag<Presence>) { return "presence"; }
inline void read_fields(Fields& f, Presence& e) { f.str("who", e.who); f.boolean("online", e.online); }
inline void write_fields(ojson& j, const Presence& e) { j["who"] = e.who; j["online"] = e.online; }

}  // namespace palabre::core::detail
