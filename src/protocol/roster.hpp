#pragma once
// The members of one room (docs/protocol.md "Members"): h1 the host, k2 the kiosk, then p3, p4…
// in the order they first joined; who a token opens; each member's pseudonym for anonymous events.
// Both hosts keep one per room; what the relay stores (files, Redis) and the keeper (browser
// storage) is each host's own.
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace palabre::protocol {

enum class Role { host, kiosk, participant };

std::string_view role_name(Role role);

struct Member {
  std::string id;  // h1, k2, p3…
  Role role = Role::participant;
  std::string pseudonym;  // for anonymous events
  int connections = 0;    // open connections of this member on this host (presence)
};

class Roster {
 public:
  Roster() = default;
  // A room's roster with its host (h1) and kiosk (k2); token hashes as stored, never tokens.
  Roster(std::string host_token_hash, std::string kiosk_token_hash, std::string anon_key);

  // A participant who joined (here, from storage or through another relay); a second add of the
  // same id only records the token hash.
  Member& add_participant(const std::string& id, const std::string& token_hash);
  // The id the next newcomer gets.
  std::string next_participant_id() const { return "p" + std::to_string(next_member_number_); }

  // The member `token_hash` opens: h1, k2 or a participant; nullopt when it opens nothing.
  std::optional<std::string> member_for_token_hash(const std::string& token_hash) const;
  // The real member behind an envelope's `from` (a pseudonym maps back; anything else is itself).
  const std::string& real_sender(const std::string& from) const;

  Member& at(const std::string& id) { return members_.at(id); }
  const Member& at(const std::string& id) const { return members_.at(id); }
  Member* find(const std::string& id);
  const Member* find(const std::string& id) const;
  bool has(const std::string& id) const { return members_.count(id) > 0; }
  // A participant the host removed: its token opens nothing and it may send nothing, for good.
  void remove(const std::string& id) { removed_.insert(id); }
  bool removed(const std::string& id) const { return removed_.count(id) > 0; }
  // Participants who ever joined (each has one token hash): the app's big-room cue.
  std::size_t participants() const { return participant_by_token_hash_.size(); }

  const std::string& host_token_hash() const { return host_token_hash_; }
  const std::string& kiosk_token_hash() const { return kiosk_token_hash_; }
  const std::string& anon_key() const { return anon_key_; }

 private:
  Member& add(const std::string& id, Role role);

  std::string host_token_hash_, kiosk_token_hash_, anon_key_;
  std::map<std::string, Member> members_;
  std::unordered_map<std::string, std::string> participant_by_token_hash_;
  std::unordered_map<std::string, std::string> member_by_pseudonym_;
  std::set<std::string> removed_;
  int next_member_number_ = 1;
};

}  // namespace palabre::protocol
