#pragma once
// The no-relay mode (issue 6): one browser tab — the host's — plays the relay for the other tabs of
// the same browser. It speaks exactly docs/protocol.md (same frames, same error codes, same
// envelope text, same pseudonyms, same log and sidecar formats as `palabre serve`: both are written
// by src/protocol); only the carrier changes (a BroadcastChannel instead of a WebSocket, see local_channel.*). Pure: frames
// in, addressed frames out, the storage text kept up to date; tested natively in tests/app.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/room_state.hpp"

namespace palabre::app {

class LocalRelay {
 public:
  // One frame for one connection (a tab's random id; the host tab's own client has one too).
  struct Delivery {
    std::string to;
    std::string frame;
  };
  // The secrets a new room needs; the page draws them from crypto.getRandomValues.
  struct Secrets {
    std::string room, host_token, kiosk_token, anon_key;
  };
  // A fresh participant token (32 hex characters of fresh randomness).
  using TokenSource = std::function<std::string()>;

  // A new room, empty log, created at `now_ms`.
  static LocalRelay create(const Secrets& secrets, std::int64_t now_ms);
  // A room back from its stored sidecar and log texts (members_text(), log_text()); nullopt when
  // the sidecar is not one. A torn or foreign log line is skipped, as the relay does on restart.
  static std::optional<LocalRelay> restore(std::string_view members_text, std::string_view log_text);

  // A frame from `conn`; returns the frames to deliver (the sender's answers, everyone's envelopes).
  std::vector<Delivery> receive(const std::string& conn, std::string_view frame, std::int64_t now_ms,
                                const TokenSource& new_token);
  // `conn` went away (its tab closed): its member goes offline when it was its last connection.
  std::vector<Delivery> disconnect(const std::string& conn, std::int64_t now_ms);

  const std::string& room() const { return state_.code(); }
  std::int64_t last_seq() const { return state_.last_seq(); }
  bool closed() const { return closed_; }
  // Storage: the sidecar (docs/protocol.md "Durability") and the log (docs/formats.md) as text.
  std::string members_text() const;
  std::string log_text() const;
  // Log lines (header first) from `first_line` on: lets the page rewrite only what changed.
  std::size_t log_lines() const { return state_.envelopes().size() + 1; }
  std::string log_line(std::size_t index) const;

 private:
  // Stamps and stores at once (the keeper's storage is the page's, written after each frame).
  std::int64_t stamp(const protocol::Stamp& stamp, std::int64_t now_ms);
  void broadcast(std::size_t first_new, std::vector<Delivery>& out) const;
  void attach(const std::string& conn, const std::string& member, std::int64_t now_ms, std::vector<Delivery>& out);
  void history(const std::string& conn, const std::string& member, std::int64_t since, std::vector<Delivery>& out) const;
  void add_participant(const std::string& id, const std::string& token_hash);
  // A `member.removed` just stamped: the member's tabs are told and leave the room.
  void evict_removed(const std::string& member, std::int64_t now_ms, std::vector<Delivery>& out);

  protocol::RoomState state_;  // members, envelopes and the protocol's decisions, as the relay's
  std::vector<std::pair<std::string, std::string>> participant_records_;  // (id, token hash), in order
  std::map<std::string, std::string> conn_member_;                         // connection -> member id
  std::set<std::string> removed_conns_;  // connections whose member the host removed: told so again
  bool closed_ = false;
};

}  // namespace palabre::app
