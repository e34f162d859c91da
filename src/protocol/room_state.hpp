#pragma once
// One room as both hosts hold it (docs/protocol.md): its members, its envelopes in seq order, and
// the protocol's decisions — whom a join's token opens, what a member's event becomes (sender,
// `from`, role, visibility), the next seq and `at`, who sees an envelope, who may close the room.
// Pure: time is given, tokens are given. What stays with each host is its own: connections, rate
// and size limits, storage, batching and fan-out (relay/ and app/local_relay.*).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/client_frame.hpp"
#include "protocol/client_ids.hpp"
#include "protocol/envelope.hpp"
#include "protocol/errors.hpp"
#include "protocol/frames.hpp"
#include "protocol/history.hpp"
#include "protocol/roster.hpp"

namespace palabre::protocol {

// What an envelope is made of before it has a seq and an `at`.
struct Stamp {
  bool staff = false;
  std::string sender;     // the real member ("relay" for presence)
  std::string from;       // the member, or its pseudonym for an anonymous event
  std::string_view role;  // role_name() or "relay": a literal
  std::string ev_text;    // the client's `ev`, bytes untouched
  std::string cid;        // the client's id for it (JSON text), "" when none
};

class RoomState {
 public:
  RoomState() = default;
  RoomState(std::string code, std::int64_t created_ms, Roster roster)
      : code_(std::move(code)), created_ms_(created_ms), roster_(std::move(roster)) {}

  const std::string& code() const { return code_; }
  std::int64_t created_ms() const { return created_ms_; }
  Roster& roster() { return roster_; }
  const Roster& roster() const { return roster_; }

  // [join] The member a token opens (host, kiosk or a participant this host knows), or bad_token.
  std::variant<std::string, ErrorText> member_for_token(std::string_view token) const;
  // The answer to `member`'s join, `token` being what it joined with (or was given): a host on any
  // device is told the kiosk's token, so that it can share every link.
  Joined joined(const std::string& member, const std::string& token, std::size_t participants) const;

  // [event] What `member`'s event becomes, or why it is refused (a kiosk only watches).
  std::variant<Stamp, ErrorText> event_of(const std::string& member, const ClientFrame& frame) const;
  // [event, remove, renew] The seq `member`'s event `cid` was stored at, when this frame is a re-send
  // of it: answer `ack` with that seq and store nothing. Checked once the frame is accepted.
  std::optional<std::int64_t> stored_seq(const std::string& member, std::string_view cid) const;
  // The member whose client id an envelope carries: its real sender, or the host for the relay's
  // own envelopes (only a host asks for one with a cid: remove, renew).
  static const std::string& cid_owner(const StoredEnvelope& envelope);
  // The relay's staff envelope when `member`'s first connection opens or its last one closes.
  static Stamp presence(const std::string& member, bool online);
  // The next envelope: seq after the last stamped, `at` never before the room's last (clocks jump).
  StoredEnvelope stamp(const Stamp& stamp, std::int64_t now_ms);
  // Stored and sent: it joins the history. Envelopes from elsewhere (another relay, storage) too.
  void commit(StoredEnvelope envelope);
  // Not stored: what was stamped since the last commit is forgotten, its seqs given again.
  void forget_stamped() { next_seq_ = last_seq() + 1; }
  std::int64_t last_seq() const { return envelopes_.empty() ? 0 : envelopes_.back().seq; }
  std::int64_t next_seq() const { return next_seq_; }
  std::int64_t last_at() const { return last_at_; }
  const std::vector<StoredEnvelope>& envelopes() const { return envelopes_; }

  // [sync] Whether `member` sees `envelope`: public ones all, staff ones the staff and their sender.
  bool sees(const std::string& member, const StoredEnvelope& envelope) const { return viewer(member)(envelope); }
  // What one member sees, the member looked up once: for loops over many envelopes (a history
  // page, a broadcast), where a roster lookup per envelope made big rooms' joins quadratic.
  struct Viewer {
    const std::string* member = nullptr;  // the caller's string; null: not in the room, sees nothing
    bool staff = false;
    bool operator()(const StoredEnvelope& envelope) const { return member && visible_to(envelope, staff, *member); }
  };
  Viewer viewer(const std::string& member) const;
  // The next page of `member`'s history answer (a join with `since`, a sync), or nullptr when done.
  std::shared_ptr<const std::string> history_page(const std::string& member, HistoryCursor& cursor,
                                                  std::size_t max_bytes = history_page_bytes) const;
  // Where a history answer from `since` starts: everything after it, up to now.
  HistoryCursor history_from(std::int64_t since) const { return {std::min(since, last_seq()), last_seq()}; }

  // [remove] The relay's staff envelope that removes participant `who` for good, or why not: only
  // a host may, and only a participant the room knows (joined here, or seen in its log).
  std::variant<Stamp, ErrorText> removal_of(const std::string& member, std::string_view who,
                                            std::string_view cid = {}) const;
  // [renew] The relay's staff envelope giving the room a new join key `invite` (drawn by the host
  // of the protocol), after which a newcomer must bring it; or why not (only a host may).
  std::variant<Stamp, ErrorText> renewal_of(const std::string& member, std::string_view invite,
                                            std::string_view cid = {}) const;
  // [join] Why a join without a token may not make a new participant: the host renewed the join
  // link and `invite` is not the current key. Nothing when it may.
  std::optional<ErrorText> may_enter_as_newcomer(std::string_view invite) const;
  // The current join key ("" until the host renews the link).
  const std::string& invite() const { return invite_; }
  // The participant a relay envelope removes (`member.removed`), or nullopt for any other envelope.
  static std::optional<std::string> removed_by(const StoredEnvelope& envelope);
  // Who a relay presence envelope says came (online) or went; nullopt for any other envelope.
  struct PresenceOf {
    std::string who;
    bool online = false;
  };
  static std::optional<PresenceOf> presence_in(const StoredEnvelope& envelope);

  // [close] Why `member` may not close the room (only a host may), or nothing.
  std::optional<ErrorText> may_close(const std::string& member) const;

 private:
  std::string code_;
  std::int64_t created_ms_ = 0;
  Roster roster_;
  std::vector<StoredEnvelope> envelopes_;
  std::int64_t next_seq_ = 1;
  std::int64_t last_at_ = 0;
  std::string invite_;
  ClientIds client_ids_;  // each member's last ids, from the envelopes committed
};

}  // namespace palabre::protocol
