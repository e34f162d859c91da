#pragma once
// The app's side of the relay protocol (docs/protocol.md) and its store: who we are in which room,
// the Session built by applying ordered envelopes with core::apply, and the local actions sent but
// not yet seen back. No I/O here: the transport feeds received frames in and sends what
// take_outgoing() returns; so the whole conversation is tested natively (tests/app).
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/envelope.hpp"
#include "core/session.hpp"
#include "protocol/tokens.hpp"

namespace palabre::app {

// What the user asked for; decides the first message after each (re)connection.
enum class Intent { none, create_room, enter_room };

enum class Link { offline, connecting, open, in_room };


struct Identity {
  // Who `a` knows us as: our pseudonym in an anonymous activity (we act there under it), else `you`.
  const std::string& me_in(const core::Activity& a) const { return a.spec.anonymous && !anon.empty() ? anon : you; }

  std::string room;
  std::string you;    // member id: "h1", "p17", "k2"
  std::optional<core::Role> role;  // host, participant or kiosk, once the room answered
  std::string anon;   // this member's pseudonym in the room (`joined.anon`)
  std::string token;  // this member's resume token
  std::string host_token, kiosk_token;  // known to hosts (from `created`, or kept by the page)
  std::string invite;  // the join key a newcomer brings once the host renewed the link ("": none)
  bool removed = false;  // the host removed this member: the relay refuses it for good
};

struct PendingAction {
  std::int64_t cid = 0;
  core::Event event;
  std::optional<std::int64_t> seq;  // given by the relay's ack, or by our own envelope seen
  std::uint64_t sent_on = 0;         // the connection it was last sent on (0: not sent)
};

// What the page must remember or show after a frame from the relay.
struct Notice {
  enum class Kind { created, joined, error, closed } kind;
  std::string code, message;  // error only
};

class Client {
 public:
  // Ask to create a room (host) or to enter `room` with `token` (host, kiosk, returning participant;
  // empty token: a new participant). Sends at once when connected, else at the next connection.
  void create_room();
  void enter_room(std::string room, std::string token, std::string invite = {});
  // Host: the relay's `remove` (the member is refused from now on) and `renew` (a new join key).
  void remove_member(const std::string& who);
  void renew_join_link();
  // Event ids (`cid`) drawn at random, 52 bits each: the relay keeps them to answer a re-send once
  // (docs/protocol.md), so an id must never come back for another event, even after a reload, and
  // ids must not let a reader of the relay's log line an anonymous event up with its author's
  // others. The page gives the browser's randomness; without it ids count up (tests).
  void use_random_cids(protocol::RandomBytes random) { random_ = std::move(random); }
  // The kiosk token a host's browser kept from the room's creation (the relay tells it only then).
  void remember_kiosk_token(std::string token) { identity_.kiosk_token = std::move(token); }

  // Transport events.
  void on_open();
  void on_close();
  // `local_epoch_ms`, the browser's clock when the frame arrived (0: unknown), estimates the relay's
  // clock: countdowns count against the relay's `at` stamps, not a phone's wrong clock.
  void on_frame(std::string_view text, std::int64_t local_epoch_ms = 0);
  // Relay clock minus this browser's, in ms (0 until an envelope arrived with a local time).
  std::int64_t relay_clock_offset_ms() const { return clock_offset_known_ ? clock_offset_ms_ : 0; }
  // Our own events the engine refused, by activity id: the last reason code (e.g. "time_over").
  const std::map<std::int64_t, std::string>& own_refusals() const { return own_refusals_; }

  // Submits an event as this member; it shows as pending until the relay echoes it.
  std::int64_t submit(core::Event event);

  // Frames to write to the socket, in order; empties the queue.
  std::vector<std::string> take_outgoing();
  // What happened since the last call (to persist tokens, change the URL, show errors).
  std::vector<Notice> take_notices();

  const core::Session& session() const { return session_; }
  const Identity& identity() const { return identity_; }
  const std::vector<PendingAction>& pending() const { return pending_; }
  Link link() const { return link_; }
  Intent intent() const { return intent_; }
  // Envelopes applied / refused by the engine since the start (refusals are logged, not fatal).
  std::int64_t applied() const { return applied_; }
  std::int64_t last_seen() const { return last_seen_; }
  // Every envelope received, as JSON text in seq order (the host's log export).
  const std::vector<std::string>& log() const { return log_; }  // highest seq received (sent as `since`)
  std::int64_t refused() const { return refused_; }
  // Between `joined` and the pong that follows the room's history: the page is catching up.
  bool catching_up() const { return awaiting_history_; }

 private:
  void send_hello();
  std::int64_t new_cid();
  void send(std::string frame);
  void resend_pending();
  std::string encode(const PendingAction& action) const;
  void take_envelope(std::string_view text, std::int64_t local_epoch_ms);
  void recognise_own(const core::Envelope& envelope);
  void drop_seen_pending();

  Intent intent_ = Intent::none;
  Link link_ = Link::offline;
  Identity identity_;
  core::Session session_;
  std::vector<PendingAction> pending_;
  std::int64_t next_cid_ = 1;
  protocol::RandomBytes random_;
  std::int64_t last_seen_ = 0;
  std::uint64_t connection_ = 0;     // counts `created`/`joined`: which connection sent an action
  bool awaiting_history_ = false;
  bool big_room_ = false;  // see core::big_room_participants    // pending actions wait for the resume history (see `joined`)
  std::int64_t applied_ = 0, refused_ = 0;
  std::vector<std::string> log_;
  std::vector<std::string> outgoing_;
  std::vector<Notice> notices_;
  std::int64_t clock_offset_ms_ = 0;
  bool clock_offset_known_ = false;
  std::int64_t live_after_seq_ = 0;  // the room's last seq when we (re)joined
  std::map<std::int64_t, std::string> own_refusals_;
};

}  // namespace palabre::app

namespace palabre::core {
// A member's role as its wire name ("" before the room answered): logs and test messages print it.
inline std::ostream& operator<<(std::ostream& out, const std::optional<Role>& role) {
  return out << (role ? to_string(*role) : std::string_view());
}
}  // namespace palabre::core
