#include "protocol/room_state.hpp"

#include <algorithm>

#include "protocol/tokens.hpp"

namespace palabre::protocol {

std::variant<std::string, ErrorText> RoomState::member_for_token(std::string_view token) const {
  if (auto member = roster_.member_for_token_hash(token_hash(token))) return *std::move(member);
  return errors::bad_token;
}

Joined RoomState::joined(const std::string& member, const std::string& token, std::size_t participants) const {
  const Member& m = roster_.at(member);
  Joined answer{code_, member, std::string(role_name(m.role)), token, {}, m.pseudonym, last_seq(), participants};
  if (m.role == Role::host) answer.kiosk_token = kiosk_token_to_tell(token, roster_.kiosk_token_hash());
  return answer;
}

std::variant<Stamp, ErrorText> RoomState::event_of(const std::string& member, const ClientFrame& frame) const {
  const Member& m = roster_.at(member);
  if (m.role == Role::kiosk) return errors::kiosk_sends;
  return Stamp{frame.staff, member, frame.anonymous ? m.pseudonym : member, role_name(m.role), frame.ev_text};
}

Stamp RoomState::presence(const std::string& member, bool online) {
  return Stamp{true, "relay", "relay", "relay", presence_ev(member, online)};
}

StoredEnvelope RoomState::stamp(const Stamp& s, std::int64_t now_ms) {
  last_at_ = std::max(last_at_, now_ms);
  const std::int64_t seq = next_seq_++;
  return StoredEnvelope{seq, s.staff, s.sender, envelope_text(seq, last_at_, s.from, s.role, s.staff, s.ev_text)};
}

void RoomState::commit(StoredEnvelope envelope) {
  last_at_ = std::max(last_at_, envelope_at(envelope.text));
  envelopes_.push_back(std::move(envelope));
  next_seq_ = std::max(next_seq_, last_seq() + 1);
}

bool RoomState::sees(const std::string& member, const StoredEnvelope& envelope) const {
  const auto* m = roster_.find(member);
  return m && visible_to(envelope, m->role != Role::participant, member);
}

std::shared_ptr<const std::string> RoomState::history_page(const std::string& member, HistoryCursor& cursor,
                                                           std::size_t max_bytes) const {
  return next_history_page(envelopes_, cursor, [&](const StoredEnvelope& env) { return sees(member, env); }, max_bytes);
}

std::optional<ErrorText> RoomState::may_close(const std::string& member) const {
  if (roster_.at(member).role != Role::host) return errors::only_host_closes;
  return std::nullopt;
}

}  // namespace palabre::protocol
