#pragma once
// The session state (a value) and apply(), the only way it changes.
// apply() validates first and mutates only when the event is accepted: on rejection the state is
// untouched (docs/decisions.md, "apply mutates in place").
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.hpp"
#include "core/envelope.hpp"

namespace palabre::core {

// [SECTION] Outcome
// Stable reason codes: their text (reason_code) is part of the protocol and of docs/formats.md.
enum class Reason {
  none,             // accepted
  stale_seq,        // seq not greater than the last applied one
  kiosk_read_only,  // a kiosk may send nothing
  not_host,         // only the host may do this
  not_relay,        // only the relay may do this (presence)
  not_participant,  // only a participant may do this
  not_joined,       // the sender has not joined as a participant
  already_joined,
  empty_name,
  name_too_long,
  empty_text,
  text_too_long,
  unknown_item,     // no such message / idea / question id
  bad_locale,       // locale other than fr or en
  bad_timezone,     // time zone not understood (see timezone.hpp)
  no_change,        // the event would change nothing (e.g. hide a hidden item)
  // activities
  unknown_activity,      // no activity with this id
  bad_activity,          // activity content invalid (see validate_spec)
  already_started,       // prepare (edit/remove/start) only before the first start
  not_running,           // participants act only on running activities; stop needs running
  not_stopped,           // reopen needs a stopped activity
  wrong_kind,            // event does not apply to this kind of activity
  wrong_mode,            // likes vs dot votes, or approval in a non-controlled activity
  time_over,             // the activity's timer has run out
  challenge_won,         // the challenge has a winner: no more attempts, no reopening
  unknown_question,
  not_current_question,  // quiz: answers go to the question on screen
  already_answered,      // quiz: one answer per question
  no_more_questions,
  bad_choice,            // choice index out of range, repeated, or wrong count
  too_many_choices,
  bad_order,             // ranking is not a permutation of the items
  bad_stars,             // outside 1..scale
  comment_not_allowed,
  bad_category,
  not_author,            // only the author (or the host) may change this idea
  board_locked,
  not_approved,          // idea waiting for approval: not votable yet
  already_liked,
  not_liked,
  budget_exhausted,      // dot votes: no dots left
  already_voted,         // qna upvote twice
  not_voted,
  bad_page,
  bad_position,
  question_closed,       // quiz: the host closed this question
  question_open,         // quiz: the podium waits until the question is closed
  bad_duration,          // quiz: extra time outside 1..600 s
  wrong_figures,         // published figures differ from the engine's
  must_be_staff,         // speaker notes travel staff-only (host and kiosk), never public
  bad_epoch,             // session.rekey: not the room key's current or next epoch
};
std::string_view reason_code(Reason reason);

struct Outcome {
  Reason reason = Reason::none;
  bool accepted() const { return reason == Reason::none; }
  std::string_view code() const { return reason_code(reason); }
};

// [SECTION] State
struct SessionInfo {
  std::string title, host, date, description;
  std::string locale = "fr";
  std::string timezone = "Europe/Paris";
  bool screen_join = true;  // the kiosk shows how to join (code, QR) in a corner during activities
  bool chat_moderated = false;  // messages wait for the host's approval
  std::vector<std::string> blocked_words;  // folded and sorted (core::blocked_word_list)
};

struct Participant {
  std::string id;    // member id given by the relay ("p17")
  std::string name;  // display name; two participants may share one
  std::int64_t joined_seq = 0;
  std::int64_t joined_at = 0;
  bool stand_in = false;  // never seen joining (see Session::hears_every_join); name "#17"
};

struct Message {
  std::int64_t id = 0;  // seq of the chat.post envelope
  std::int64_t at = 0;
  std::string from;     // member id of the author
  std::string text;
  bool hidden = false;
  bool approved = true;  // false while held for the host (moderated chat, a blocked word)
};

struct Session {
  SessionInfo info;
  std::int64_t last_seq = 0;
  std::vector<Participant> participants;           // in join order
  std::map<std::string, std::size_t> participant_index;  // member id -> index in participants
  std::map<std::string, bool> online;              // presence by member id, from the relay
  std::set<std::string> removed;                   // members the relay refuses (member.removed)
  std::map<std::string, int> removals;             // the host's participant.remove: who -> contributions it hid
  std::string invite;                              // the join key since the host renewed the link ("": none)
  int key_epoch = 1;                               // end-to-end encrypted rooms: the room key's epoch (session.rekey)
  std::vector<Message> messages;                   // in seq order
  std::vector<Activity> activities;                // in the host's order: added order, changed by activity.move
  std::int64_t current_activity = 0;               // last started: what kiosks and participants follow
  // False in a participant's view of a big room, where each arrival (`participant.join`) reaches
  // only the host, the kiosk and the newcomer (docs/protocol.md, "Big rooms"): a participant never
  // seen joining is then taken as joined, under a stand-in name, when their first event arrives.
  bool hears_every_join = true;
  // False in a participant's view, which receives its own answers only (they are staff events): it
  // then takes the room's figures, and a challenge's winner, from the host's results.publish.
  bool hears_every_answer = true;
  std::int64_t people_seq = 0;  // the last accepted join: figures count participants

  Activity* find_activity(std::int64_t id);
  const Activity* find_activity(std::int64_t id) const;

  const Participant* find_participant(std::string_view id) const;
  // Display name of a member: participant's name, the session host's name for "h…", else the id.
  std::string display_name(std::string_view member_id) const;
};

// From this many participants in a room (the relay's `joined.participants`), a participant's
// name goes to the host and the kiosk only, and participants' views of the room do not hear every
// join (Session::hears_every_join): the app's rule, which the load generator's --names follows.
inline constexpr std::int64_t big_room_participants = 500;

// What a participant's event says of its author in a big room (Envelope::by): `me`'s name on a
// public event the others will show attributed; empty on a join or rename (those go to the staff)
// and on anything of an anonymous activity.
std::string author_name_to_send(const Session& s, std::string_view me, const Event& ev);

// Whether `from` is a relay pseudonym ("a" + 12 lowercase hex digits, docs/protocol.md "Anonymity").
bool is_pseudonym(std::string_view from);
// The activity an event is about, 0 when it is about none.
std::int64_t event_activity(const Event& ev);
// Whether a participant sends `ev` under its pseudonym (`"anon":true`): anything it does in an
// anonymous activity, so that no envelope of that activity names it to anyone (host included).
bool sent_anonymously(const Session& s, const Event& ev);

inline constexpr std::size_t max_name_bytes = 80;
inline constexpr std::size_t max_text_bytes = 2000;

// Hides everything `who` contributed under their name — messages, ideas and post-its, questions, open
// answers (anonymous ones name nobody) — and returns how many were visible. The one walk behind a
// removal's "hide their contributions".
int hide_contributions_of(Session& session, std::string_view who, std::int64_t seq);

// Applies one envelope. Accepted: the state reflects it. Rejected: the state is unchanged.
Outcome apply(Session& session, const Envelope& envelope);

// Deterministic JSON of the whole state: fixed key order, compact, no trailing newline.
std::string canonical_json(const Session& session);

// What participant `participant_id` may see: hidden items removed, other people's staff data
// (answers, votes, likes) removed, aggregates only where results are revealed.
Session participant_view(const Session& session, std::string_view participant_id);

// What a shared screen (the kiosk) shows: what people wrote as the room may see it — messages and
// open answers hidden or held for the host left out (ideas and questions stay for the figures, and
// views show the approved, visible ones), and the session's blocked words masked ("•••") in every
// text people typed, names included (issue 19).
Session screen_view(const Session& session);

}  // namespace palabre::core
