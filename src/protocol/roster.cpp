#include "protocol/roster.hpp"


#include <algorithm>
#include <cstdlib>
#include <utility>

#include "protocol/tokens.hpp"

namespace palabre::protocol {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::host: return "host";
    case Role::kiosk: return "kiosk";
    case Role::participant: return "participant";
  }
  return "participant";
}

Roster::Roster(std::string host_token_hash, std::string kiosk_token_hash, std::string anon_key)
    : host_token_hash_(std::move(host_token_hash)),
      kiosk_token_hash_(std::move(kiosk_token_hash)),
      anon_key_(std::move(anon_key)) {
  add("h1", Role::host);
  add("k2", Role::kiosk);
}

Member& Roster::add(const std::string& id, Role role) {
  if (const auto it = members_.find(id); it != members_.end()) return it->second;
  Member member{id, role, pseudonym(anon_key_, id), 0};
  member_by_pseudonym_[member.pseudonym] = id;
  // Ids are never reused, even after a gap (a participant stored by another relay).
  if (id.size() > 1) next_member_number_ = std::max(next_member_number_, std::atoi(id.c_str() + 1) + 1);
  return members_[id] = std::move(member);
}

Member& Roster::add_participant(const std::string& id, const std::string& token_hash) {
  participant_by_token_hash_[token_hash] = id;
  return add(id, Role::participant);
}

std::optional<std::string> Roster::member_for_token_hash(const std::string& token_hash) const {
  if (token_hash == host_token_hash_) return std::string("h1");
  if (token_hash == kiosk_token_hash_) return std::string("k2");
  if (const auto it = participant_by_token_hash_.find(token_hash); it != participant_by_token_hash_.end())
    return it->second;
  return std::nullopt;
}

const std::string& Roster::real_sender(const std::string& from) const {
  const auto it = member_by_pseudonym_.find(from);
  return it != member_by_pseudonym_.end() ? it->second : from;
}

Member* Roster::find(const std::string& id) { return const_cast<Member*>(std::as_const(*this).find(id)); }

const Member* Roster::find(const std::string& id) const {
  const auto it = members_.find(id);
  return it == members_.end() ? nullptr : &it->second;
}

}  // namespace palabre::protocol
