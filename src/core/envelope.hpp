#pragma once
// The envelope of DESIGN.md and the typed events it carries. Events are decoded once (codec.hpp)
// into small structs so that apply() never touches JSON.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/activity_spec.hpp"
#include "core/figures.hpp"

namespace palabre::core {

enum class Role { host, kiosk, participant, relay };
enum class Visibility { public_, staff };

// [SECTION] Session and chat events
struct ParticipantJoin { std::string name; };    // sender becomes a participant named `name`
struct ParticipantRename { std::string name; };  // sender changes their display name
struct ChatPost { std::string text; };           // message to the whole session; id = envelope seq
struct ChatHide { std::int64_t id = 0; bool hidden = true; };  // host: hide (or unhide) a message
struct ChatApprove { std::int64_t id = 0; };  // host: a message held for moderation reaches everyone
// Host: set any of the session's fields; absent fields keep their value.
struct SessionConfigure {
  std::optional<std::string> title, host, date, description, locale, timezone;
  std::optional<bool> screen_join;  // the kiosk's join corner while an activity runs
  std::optional<bool> chat_moderated;  // messages wait for the host's approval
  // Words no screen shows as typed: a contribution with one is held for the host and the kiosk
  // masks it (core::has_blocked_word); the list replaces the previous one.
  std::optional<std::vector<std::string>> blocked_words;
};
struct Presence { std::string who; bool online = false; };  // relay only
// Relay only: the host removed member `who` from the room (the relay's `remove`); it is refused from now on.
struct MemberRemoved { std::string who; };
// Relay only: the host renewed the join link; a newcomer needs `invite` (docs/protocol.md "renew").
struct JoinRenewed { std::string invite; };
// Host: the session's record of removing participant `who`; with `hide_contributions`, everything
// they contributed under their name (messages, ideas, post-its, questions, open answers) is hidden.
struct ParticipantRemove { std::string who; bool hide_contributions = false; };
// Host, in an end-to-end encrypted room: the room key of `epoch` (the next one), wrapped for each
// member who keeps their place; `keys` is web/e2e.js's business (docs/security.md), the engine only
// counts epochs. A large room's renewal comes in several parts of the same epoch.
struct SessionRekey { int epoch = 0; std::string keys; };

// [SECTION] Host: preparing and running activities (activity ids = seq of their activity.add)
struct ActivityAdd { ActivitySpec activity; };
struct ActivityEdit { std::int64_t id = 0; ActivitySpec activity; };  // only before its first start
struct ActivityRemove { std::int64_t id = 0; };                       // only before its first start
// Host: put activity `id` at position `to` (0-based) of the session's list; the others keep their order.
struct ActivityMove { std::int64_t id = 0; int to = 0; };
struct ActivityStart { std::int64_t id = 0; };
struct ActivityStop { std::int64_t id = 0; };
struct ActivityReopen { std::int64_t id = 0; };
struct ActivityReveal { std::int64_t id = 0; bool revealed = true; };  // results shown to participants
struct ItemHide { std::int64_t activity = 0; std::int64_t item = 0; bool hidden = true; };  // idea, question, open answer
struct IdeaApprove { std::int64_t activity = 0; std::int64_t id = 0; };  // controlled brainstorm/board (older logs)
// Host: an idea, post-it, question or open answer held for moderation (a controlled activity, or a
// blocked word) reaches everyone.
struct ItemApprove { std::int64_t activity = 0; std::int64_t item = 0; };
struct BoardLock { std::int64_t activity = 0; bool locked = true; };
struct QuizNext { std::int64_t activity = 0; };  // shows the next question (start shows the first)
struct QuizClose { std::int64_t activity = 0; };  // ends the open question now: answers stop, results show
struct QuizExtend { std::int64_t activity = 0; int seconds = 0; };  // more time on the open question
struct QuizLeaderboard { std::int64_t activity = 0; bool shown = true; };  // podium once a question is closed
// Host: the room's figures of one activity as the host's engine has them (docs/decisions.md, "The
// room's figures reach everyone"): participants' engines see only their own answers and show these;
// an engine that sees every answer checks them and refuses false ones (wrong_figures).
struct ResultsPublish { std::int64_t activity = 0; ActivityFigures figures; };
struct QnaMark { std::int64_t activity = 0; std::int64_t id = 0; bool answered = true; };
struct PresentationGoto { std::int64_t activity = 0; int page = 0; };
// Host: a presentation's speaker notes, one per page ("" = none). Staff-only, so participants never
// receive them; views draw them on the host's screen only. `id` 0 = the activity added last (a
// plan's notes follow its activity.add before the host knows the activity's id).
struct ActivityNotes { std::int64_t id = 0; std::vector<std::string> notes; };
// Host: the survey question the kiosk shows, so that every screen and every replay agree on it;
// `question` = -1 asks for the automatic cycle (core::survey_question_on_screen).
struct SurveyShow { std::int64_t activity = 0; int question = 0; };

// [SECTION] Participants: acting on running activities
struct ChallengeAttempt { std::int64_t activity = 0; std::string text; };
struct QuizAnswer { std::int64_t activity = 0; int question = 0; std::vector<int> choices; };
// One answer to one survey question; the fields used depend on the question's kind:
// single/multiple: choices; ranking: choices = item indices, most preferred first;
// open: text; rating: stars (+ comment when the question allows one).
struct SurveyAnswer {
  std::int64_t activity = 0;
  int question = 0;
  std::vector<int> choices;
  std::string text;
  int stars = 0;
  std::string comment;
};
struct IdeaPost { std::int64_t activity = 0; std::string text; int category = -1; int x = 0; int y = 0; std::string color; };
struct IdeaEdit { std::int64_t activity = 0; std::int64_t id = 0; std::string text; int category = -1; };
struct IdeaDelete { std::int64_t activity = 0; std::int64_t id = 0; };
struct IdeaMove { std::int64_t activity = 0; std::int64_t id = 0; int x = 0; int y = 0; int category = -1; };
struct IdeaLike { std::int64_t activity = 0; std::int64_t id = 0; bool liked = true; };  // like or undo
struct IdeaDot { std::int64_t activity = 0; std::int64_t id = 0; int delta = 1; };       // +1 / -1 dot
struct RatingVote { std::int64_t activity = 0; int stars = 0; };
struct QnaAsk { std::int64_t activity = 0; std::string text; };
struct QnaUpvote { std::int64_t activity = 0; std::int64_t id = 0; bool upvoted = true; };

using Event = std::variant<ParticipantJoin, ParticipantRename, ChatPost, ChatHide, ChatApprove, SessionConfigure, Presence,
                           MemberRemoved, JoinRenewed, ParticipantRemove, SessionRekey,
                           ActivityAdd, ActivityEdit, ActivityRemove, ActivityMove, ActivityStart, ActivityStop, ActivityReopen,
                           ActivityReveal, ItemHide, IdeaApprove, ItemApprove, BoardLock, QuizNext, QuizClose, QuizExtend, QuizLeaderboard,
                           ResultsPublish, QnaMark, PresentationGoto, ActivityNotes, SurveyShow,
                           ChallengeAttempt, QuizAnswer, SurveyAnswer, IdeaPost, IdeaEdit, IdeaDelete, IdeaMove,
                           IdeaLike, IdeaDot, RatingVote, QnaAsk, QnaUpvote>;

struct Envelope {
  std::int64_t seq = 0;  // gap-free per room, from 1
  std::int64_t at = 0;   // relay clock, ms since the epoch (UTC)
  std::string from;      // member id given by the relay: "h1", "k2", "p17", or "relay"
  Role role = Role::participant;
  Visibility vis = Visibility::public_;
  Event ev;
  // `ev.by`: the display name a participant's public event carries in a big room, where the others
  // never hear that participant's join (docs/protocol.md, "Big rooms"). Names a stand-in only.
  std::string by;
};

// Wire names ("participant", "staff", "chat.post").
std::string_view to_string(Role role);
std::string_view to_string(Visibility vis);
std::string_view event_type(const Event& ev);
std::optional<Role> role_from_string(std::string_view text);
std::optional<Visibility> visibility_from_string(std::string_view text);

// The visibility a client should send an event with (answers and votes are staff, the rest public).
Visibility default_visibility(const Event& ev);

}  // namespace palabre::core
