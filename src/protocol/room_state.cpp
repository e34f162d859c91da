#include "protocol/room_state.hpp"

#include <algorithm>
#include <cctype>

#include "protocol/json_text.hpp"
#include "protocol/tokens.hpp"

namespace palabre::protocol {

namespace {
// The relay's own envelopes that change the room, not only its members' screens (`ev` written by
// the relay itself, so its shape is known): member.removed and join.renewed.
constexpr std::string_view kRemovedEv = R"({"type":"member.removed","who":")";
constexpr std::string_view kRenewedEv = R"({"type":"join.renewed","invite":")";
constexpr std::string_view kPresenceEv = R"({"type":"presence","who":")";

// The quoted value after `prefix` in a relay envelope's `ev`, or nullopt if it is not that one.
std::optional<std::string> relay_ev_value(const StoredEnvelope& envelope, std::string_view prefix) {
  if (envelope.sender != "relay") return std::nullopt;
  const auto ev = raw_member_text(envelope.text, "ev");
  if (!ev || !ev->starts_with(prefix)) return std::nullopt;
  const std::string_view rest = ev->substr(prefix.size());
  const auto end = rest.find('"');
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(rest.substr(0, end));
}

// Member ids and join keys are plain ASCII letters and digits: nothing to escape in `ev`.
bool plain_word(std::string_view text) {
  return !text.empty() && text.size() <= 32 &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}
}  // namespace

std::variant<std::string, ErrorText> RoomState::member_for_token(std::string_view token) const {
  auto member = roster_.member_for_token_hash(token_hash(token));
  if (!member) return errors::bad_token;
  if (roster_.removed(*member)) return errors::removed;
  return *std::move(member);
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
  if (roster_.removed(member)) return errors::removed;
  return Stamp{frame.staff, member, frame.anonymous ? m.pseudonym : member, role_name(m.role), frame.ev_text, frame.cid};
}

Stamp RoomState::presence(const std::string& member, bool online) {
  return Stamp{true, "relay", "relay", "relay", presence_ev(member, online), {}};
}

StoredEnvelope RoomState::stamp(const Stamp& s, std::int64_t now_ms) {
  last_at_ = std::max(last_at_, now_ms);
  const std::int64_t seq = next_seq_++;
  return StoredEnvelope{seq, s.staff, s.sender, envelope_text(seq, last_at_, s.from, s.role, s.staff, s.ev_text),
                        ClientIds::remembered(s.cid) ? s.cid : std::string()};
}

std::optional<std::int64_t> RoomState::stored_seq(const std::string& member, std::string_view cid) const {
  if (!ClientIds::remembered(cid)) return std::nullopt;
  return client_ids_.seq_of(member, cid);
}

const std::string& RoomState::cid_owner(const StoredEnvelope& envelope) {
  static const std::string host = "h1";
  return envelope.sender == "relay" ? host : envelope.sender;
}

std::variant<Stamp, ErrorText> RoomState::removal_of(const std::string& member, std::string_view who,
                                                    std::string_view cid) const {
  if (roster_.at(member).role != Role::host) return errors::only_host_removes;
  const std::string id(who);
  const Member* known = roster_.find(id);
  // A participant who joined through another relay is not in this roster, but the host only ever
  // heard of it through the room's log.
  const bool participant = known ? known->role == Role::participant
                                 : plain_word(id) && std::any_of(envelopes_.begin(), envelopes_.end(),
                                                                 [&](const StoredEnvelope& e) { return e.sender == id; });
  if (!participant) return errors::no_member;
  return Stamp{true, "relay", "relay", "relay", std::string(kRemovedEv).append(id).append("\"}"), std::string(cid)};
}

std::variant<Stamp, ErrorText> RoomState::renewal_of(const std::string& member, std::string_view invite,
                                                    std::string_view cid) const {
  if (roster_.at(member).role != Role::host) return errors::only_host_renews;
  return Stamp{true, "relay", "relay", "relay", std::string(kRenewedEv).append(invite).append("\"}"), std::string(cid)};
}

std::optional<ErrorText> RoomState::may_enter_as_newcomer(std::string_view invite) const {
  if (!invite_.empty() && invite != invite_) return errors::old_link;
  return std::nullopt;
}

std::optional<std::string> RoomState::removed_by(const StoredEnvelope& envelope) {
  return relay_ev_value(envelope, kRemovedEv);
}

std::optional<RoomState::PresenceOf> RoomState::presence_in(const StoredEnvelope& envelope) {
  auto who = relay_ev_value(envelope, kPresenceEv);
  if (!who) return std::nullopt;
  return PresenceOf{*std::move(who), raw_member_text(envelope.text, "ev")->ends_with(R"(,"online":true})")};
}

void RoomState::commit(StoredEnvelope envelope) {
  if (auto who = removed_by(envelope)) roster_.remove(*who);
  if (auto invite = relay_ev_value(envelope, kRenewedEv)) invite_ = *std::move(invite);
  last_at_ = std::max(last_at_, envelope_at(envelope.text));
  client_ids_.remember(cid_owner(envelope), envelope.cid, envelope.seq);
  envelopes_.push_back(std::move(envelope));
  next_seq_ = std::max(next_seq_, last_seq() + 1);
}

RoomState::Viewer RoomState::viewer(const std::string& member) const {
  const auto* m = roster_.find(member);
  return m ? Viewer{&member, m->role != Role::participant} : Viewer{};
}

std::shared_ptr<const std::string> RoomState::history_page(const std::string& member, HistoryCursor& cursor,
                                                           std::size_t max_bytes) const {
  return next_history_page(envelopes_, cursor, viewer(member), max_bytes);
}

std::optional<ErrorText> RoomState::may_close(const std::string& member) const {
  if (roster_.at(member).role != Role::host) return errors::only_host_closes;
  return std::nullopt;
}

}  // namespace palabre::protocol
