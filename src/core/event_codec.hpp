#pragma once
// Internal: per-event wire name, reader and writer. Adding an event = a struct in envelope.hpp,
// an alternative in Event, and three overloads here (name, read, write).
#include <nlohmann/json.hpp>

#include "core/envelope.hpp"
#include "core/json_fields.hpp"
#include "core/plan.hpp"

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

constexpr std::string_view name_of(Tag<ChatApprove>) { return "chat.approve"; }
inline void read_fields(Fields& f, ChatApprove& e) { f.i64("id", e.id); }
inline void write_fields(ojson& j, const ChatApprove& e) { j["id"] = e.id; }

constexpr std::string_view name_of(Tag<SessionConfigure>) { return "session.configure"; }
inline void read_fields(Fields& f, SessionConfigure& e) {
  f.opt_str("title", e.title); f.opt_str("host", e.host); f.opt_str("date", e.date);
  f.opt_str("description", e.description); f.opt_str("locale", e.locale); f.opt_str("timezone", e.timezone);
  if (bool shown = true; f.boolean("screen_join", shown, false)) e.screen_join = shown;
  if (bool on = false; f.boolean("chat_moderated", on, false)) e.chat_moderated = on;
  if (std::vector<std::string> words; f.strings("blocked_words", words, false)) e.blocked_words = std::move(words);
}
inline void write_fields(ojson& j, const SessionConfigure& e) {
  if (e.title) j["title"] = *e.title;
  if (e.host) j["host"] = *e.host;
  if (e.date) j["date"] = *e.date;
  if (e.description) j["description"] = *e.description;
  if (e.locale) j["locale"] = *e.locale;
  if (e.timezone) j["timezone"] = *e.timezone;
  if (e.screen_join) j["screen_join"] = *e.screen_join;
  if (e.chat_moderated) j["chat_moderated"] = *e.chat_moderated;
  if (e.blocked_words) j["blocked_words"] = *e.blocked_words;
}

constexpr std::string_view name_of(Tag<Presence>) { return "presence"; }
inline void read_fields(Fields& f, Presence& e) { f.str("who", e.who); f.boolean("online", e.online); }
inline void write_fields(ojson& j, const Presence& e) { j["who"] = e.who; j["online"] = e.online; }

constexpr std::string_view name_of(Tag<MemberRemoved>) { return "member.removed"; }
inline void read_fields(Fields& f, MemberRemoved& e) { f.str("who", e.who); }
inline void write_fields(ojson& j, const MemberRemoved& e) { j["who"] = e.who; }

constexpr std::string_view name_of(Tag<JoinRenewed>) { return "join.renewed"; }
inline void read_fields(Fields& f, JoinRenewed& e) { f.str("invite", e.invite); }
inline void write_fields(ojson& j, const JoinRenewed& e) { j["invite"] = e.invite; }

constexpr std::string_view name_of(Tag<SessionRekey>) { return "session.rekey"; }
inline void read_fields(Fields& f, SessionRekey& e) { f.i32("epoch", e.epoch); f.str("keys", e.keys); }
inline void write_fields(ojson& j, const SessionRekey& e) { j["epoch"] = e.epoch; j["keys"] = e.keys; }

constexpr std::string_view name_of(Tag<ParticipantRemove>) { return "participant.remove"; }
inline void read_fields(Fields& f, ParticipantRemove& e) {
  f.str("who", e.who); f.boolean("hide_contributions", e.hide_contributions, false);
}
inline void write_fields(ojson& j, const ParticipantRemove& e) {
  j["who"] = e.who; j["hide_contributions"] = e.hide_contributions;
}

// [SECTION] host: prepare and run
constexpr std::string_view name_of(Tag<ActivityAdd>) { return "activity.add"; }
inline void read_spec(Fields& f, ActivitySpec& spec) {
  const json* a = f.find("activity");
  if (!a) { if (f.ok()) f.fail(f.at("activity"), "missing (expected an object)"); return; }
  auto d = spec_from_json(*a, f.at("activity"));
  if (d) {
    spec = std::move(*d.value);
    for (auto& page : spec.pages) page.notes.clear();  // notes travel staff-only (activity.notes)
  }
  else f.fail(d.error.path, d.error.reason);
}
inline void read_fields(Fields& f, ActivityAdd& e) { read_spec(f, e.activity); }
inline void write_fields(ojson& j, const ActivityAdd& e) { j["activity"] = spec_to_json(e.activity); }

constexpr std::string_view name_of(Tag<ActivityEdit>) { return "activity.edit"; }
inline void read_fields(Fields& f, ActivityEdit& e) { f.i64("id", e.id); read_spec(f, e.activity); }
inline void write_fields(ojson& j, const ActivityEdit& e) { j["id"] = e.id; j["activity"] = spec_to_json(e.activity); }

#define PALABRE_ID_EVENT(T, NAME)                                                   \
  constexpr std::string_view name_of(Tag<T>) { return NAME; }                       \
  inline void read_fields(Fields& f, T& e) { f.i64("id", e.id); }                   \
  inline void write_fields(ojson& j, const T& e) { j["id"] = e.id; }
PALABRE_ID_EVENT(ActivityRemove, "activity.remove")
PALABRE_ID_EVENT(ActivityStart, "activity.start")
PALABRE_ID_EVENT(ActivityStop, "activity.stop")
PALABRE_ID_EVENT(ActivityReopen, "activity.reopen")
#undef PALABRE_ID_EVENT

constexpr std::string_view name_of(Tag<ActivityMove>) { return "activity.move"; }
inline void read_fields(Fields& f, ActivityMove& e) { f.i64("id", e.id); f.i32("to", e.to); }
inline void write_fields(ojson& j, const ActivityMove& e) { j["id"] = e.id; j["to"] = e.to; }

constexpr std::string_view name_of(Tag<ActivityReveal>) { return "activity.reveal"; }
inline void read_fields(Fields& f, ActivityReveal& e) { f.i64("id", e.id); f.boolean("revealed", e.revealed, false); }
inline void write_fields(ojson& j, const ActivityReveal& e) { j["id"] = e.id; j["revealed"] = e.revealed; }

constexpr std::string_view name_of(Tag<ItemHide>) { return "item.hide"; }
inline void read_fields(Fields& f, ItemHide& e) { f.i64("activity", e.activity); f.i64("item", e.item); f.boolean("hidden", e.hidden, false); }
inline void write_fields(ojson& j, const ItemHide& e) { j["activity"] = e.activity; j["item"] = e.item; j["hidden"] = e.hidden; }

constexpr std::string_view name_of(Tag<ItemApprove>) { return "item.approve"; }
inline void read_fields(Fields& f, ItemApprove& e) { f.i64("activity", e.activity); f.i64("item", e.item); }
inline void write_fields(ojson& j, const ItemApprove& e) { j["activity"] = e.activity; j["item"] = e.item; }

constexpr std::string_view name_of(Tag<IdeaApprove>) { return "idea.approve"; }
inline void read_fields(Fields& f, IdeaApprove& e) { f.i64("activity", e.activity); f.i64("id", e.id); }
inline void write_fields(ojson& j, const IdeaApprove& e) { j["activity"] = e.activity; j["id"] = e.id; }

constexpr std::string_view name_of(Tag<BoardLock>) { return "board.lock"; }
inline void read_fields(Fields& f, BoardLock& e) { f.i64("activity", e.activity); f.boolean("locked", e.locked, false); }
inline void write_fields(ojson& j, const BoardLock& e) { j["activity"] = e.activity; j["locked"] = e.locked; }

constexpr std::string_view name_of(Tag<QuizNext>) { return "quiz.next"; }
inline void read_fields(Fields& f, QuizNext& e) { f.i64("activity", e.activity); }
inline void write_fields(ojson& j, const QuizNext& e) { j["activity"] = e.activity; }

constexpr std::string_view name_of(Tag<QuizClose>) { return "quiz.close"; }
inline void read_fields(Fields& f, QuizClose& e) { f.i64("activity", e.activity); }
inline void write_fields(ojson& j, const QuizClose& e) { j["activity"] = e.activity; }

constexpr std::string_view name_of(Tag<QuizExtend>) { return "quiz.extend"; }
inline void read_fields(Fields& f, QuizExtend& e) { f.i64("activity", e.activity); f.i32("seconds", e.seconds); }
inline void write_fields(ojson& j, const QuizExtend& e) { j["activity"] = e.activity; j["seconds"] = e.seconds; }

constexpr std::string_view name_of(Tag<QuizLeaderboard>) { return "quiz.leaderboard"; }
inline void read_fields(Fields& f, QuizLeaderboard& e) { f.i64("activity", e.activity); f.boolean("shown", e.shown, false); }
inline void write_fields(ojson& j, const QuizLeaderboard& e) { j["activity"] = e.activity; j["shown"] = e.shown; }

// results.publish: the figures' JSON is in figures_codec.cpp (docs/formats.md, "Published figures").
ojson figures_to_json(const ActivityFigures& figures);
void read_figures(Fields& f, ActivityFigures& figures);
constexpr std::string_view name_of(Tag<ResultsPublish>) { return "results.publish"; }
inline void read_fields(Fields& f, ResultsPublish& e) { f.i64("activity", e.activity); read_figures(f, e.figures); }
inline void write_fields(ojson& j, const ResultsPublish& e) {
  j["activity"] = e.activity;
  ojson figures = figures_to_json(e.figures);  // kept alive: items() only views it
  for (auto& [key, value] : figures.items()) j[key] = value;
}

constexpr std::string_view name_of(Tag<QnaMark>) { return "qna.mark"; }
inline void read_fields(Fields& f, QnaMark& e) { f.i64("activity", e.activity); f.i64("id", e.id); f.boolean("answered", e.answered, false); }
inline void write_fields(ojson& j, const QnaMark& e) { j["activity"] = e.activity; j["id"] = e.id; j["answered"] = e.answered; }

constexpr std::string_view name_of(Tag<ActivityNotes>) { return "activity.notes"; }
inline void read_fields(Fields& f, ActivityNotes& e) { f.i64("id", e.id, false); f.strings("notes", e.notes); }
inline void write_fields(ojson& j, const ActivityNotes& e) { j["id"] = e.id; j["notes"] = e.notes; }

constexpr std::string_view name_of(Tag<PresentationGoto>) { return "presentation.goto"; }
inline void read_fields(Fields& f, PresentationGoto& e) { f.i64("activity", e.activity); f.i32("page", e.page); }
inline void write_fields(ojson& j, const PresentationGoto& e) { j["activity"] = e.activity; j["page"] = e.page; }

constexpr std::string_view name_of(Tag<SurveyShow>) { return "survey.show"; }
inline void read_fields(Fields& f, SurveyShow& e) { f.i64("activity", e.activity); f.i32("question", e.question); }
inline void write_fields(ojson& j, const SurveyShow& e) { j["activity"] = e.activity; j["question"] = e.question; }

// [SECTION] participants
constexpr std::string_view name_of(Tag<ChallengeAttempt>) { return "challenge.attempt"; }
inline void read_fields(Fields& f, ChallengeAttempt& e) { f.i64("activity", e.activity); f.str("text", e.text); }
inline void write_fields(ojson& j, const ChallengeAttempt& e) { j["activity"] = e.activity; j["text"] = e.text; }

constexpr std::string_view name_of(Tag<QuizAnswer>) { return "quiz.answer"; }
inline void read_fields(Fields& f, QuizAnswer& e) { f.i64("activity", e.activity); f.i32("question", e.question); f.ints("choices", e.choices); }
inline void write_fields(ojson& j, const QuizAnswer& e) { j["activity"] = e.activity; j["question"] = e.question; j["choices"] = e.choices; }

constexpr std::string_view name_of(Tag<SurveyAnswer>) { return "survey.answer"; }
inline void read_fields(Fields& f, SurveyAnswer& e) {
  f.i64("activity", e.activity); f.i32("question", e.question); f.ints("choices", e.choices, false);
  f.str("text", e.text, false); f.i32("stars", e.stars, false); f.str("comment", e.comment, false);
}
inline void write_fields(ojson& j, const SurveyAnswer& e) {
  j["activity"] = e.activity; j["question"] = e.question;
  if (!e.choices.empty()) j["choices"] = e.choices;
  if (!e.text.empty()) j["text"] = e.text;
  if (e.stars) j["stars"] = e.stars;
  if (!e.comment.empty()) j["comment"] = e.comment;
}

constexpr std::string_view name_of(Tag<IdeaPost>) { return "idea.post"; }
inline void read_fields(Fields& f, IdeaPost& e) {
  f.i64("activity", e.activity); f.str("text", e.text); f.i32("category", e.category, false);
  f.i32("x", e.x, false); f.i32("y", e.y, false); f.str("color", e.color, false);
}
inline void write_fields(ojson& j, const IdeaPost& e) {
  j["activity"] = e.activity; j["text"] = e.text;
  if (e.category >= 0) j["category"] = e.category;
  if (e.x || e.y) { j["x"] = e.x; j["y"] = e.y; }
  if (!e.color.empty()) j["color"] = e.color;
}

constexpr std::string_view name_of(Tag<IdeaEdit>) { return "idea.edit"; }
inline void read_fields(Fields& f, IdeaEdit& e) { f.i64("activity", e.activity); f.i64("id", e.id); f.str("text", e.text); f.i32("category", e.category, false); }
inline void write_fields(ojson& j, const IdeaEdit& e) { j["activity"] = e.activity; j["id"] = e.id; j["text"] = e.text; if (e.category >= 0) j["category"] = e.category; }

constexpr std::string_view name_of(Tag<IdeaDelete>) { return "idea.delete"; }
inline void read_fields(Fields& f, IdeaDelete& e) { f.i64("activity", e.activity); f.i64("id", e.id); }
inline void write_fields(ojson& j, const IdeaDelete& e) { j["activity"] = e.activity; j["id"] = e.id; }

constexpr std::string_view name_of(Tag<IdeaMove>) { return "idea.move"; }
inline void read_fields(Fields& f, IdeaMove& e) { f.i64("activity", e.activity); f.i64("id", e.id); f.i32("x", e.x); f.i32("y", e.y); f.i32("category", e.category, false); }
inline void write_fields(ojson& j, const IdeaMove& e) { j["activity"] = e.activity; j["id"] = e.id; j["x"] = e.x; j["y"] = e.y; if (e.category >= 0) j["category"] = e.category; }

constexpr std::string_view name_of(Tag<IdeaLike>) { return "idea.like"; }
inline void read_fields(Fields& f, IdeaLike& e) { f.i64("activity", e.activity); f.i64("id", e.id); f.boolean("liked", e.liked, false); }
inline void write_fields(ojson& j, const IdeaLike& e) { j["activity"] = e.activity; j["id"] = e.id; j["liked"] = e.liked; }

constexpr std::string_view name_of(Tag<IdeaDot>) { return "idea.dot"; }
inline void read_fields(Fields& f, IdeaDot& e) { f.i64("activity", e.activity); f.i64("id", e.id); f.i32("delta", e.delta, false); }
inline void write_fields(ojson& j, const IdeaDot& e) { j["activity"] = e.activity; j["id"] = e.id; j["delta"] = e.delta; }

constexpr std::string_view name_of(Tag<RatingVote>) { return "rating.vote"; }
inline void read_fields(Fields& f, RatingVote& e) { f.i64("activity", e.activity); f.i32("stars", e.stars); }
inline void write_fields(ojson& j, const RatingVote& e) { j["activity"] = e.activity; j["stars"] = e.stars; }

constexpr std::string_view name_of(Tag<QnaAsk>) { return "qna.ask"; }
inline void read_fields(Fields& f, QnaAsk& e) { f.i64("activity", e.activity); f.str("text", e.text); }
inline void write_fields(ojson& j, const QnaAsk& e) { j["activity"] = e.activity; j["text"] = e.text; }

constexpr std::string_view name_of(Tag<QnaUpvote>) { return "qna.upvote"; }
inline void read_fields(Fields& f, QnaUpvote& e) { f.i64("activity", e.activity); f.i64("id", e.id); f.boolean("upvoted", e.upvoted, false); }
inline void write_fields(ojson& j, const QnaUpvote& e) { j["activity"] = e.activity; j["id"] = e.id; j["upvoted"] = e.upvoted; }

}  // namespace palabre::core::detail
