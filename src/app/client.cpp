#include "app/client.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/codec.hpp"

namespace palabre::app {

using nlohmann::json;

namespace {
std::string str_field(const json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

void Client::create_room() {
  intent_ = Intent::create_room;
  if (link_ == Link::open) send_hello();
}

void Client::enter_room(std::string room, std::string token, std::string invite) {
  intent_ = Intent::enter_room;
  identity_.room = std::move(room);
  identity_.token = std::move(token);
  identity_.invite = std::move(invite);
  if (link_ == Link::open) send_hello();
}

void Client::on_open() {
  link_ = Link::open;
  send_hello();
}

void Client::on_close() {
  link_ = Link::offline;
  awaiting_history_ = false;
}

void Client::send_hello() {
  if (intent_ == Intent::create_room) {
    send(R"({"t":"create"})");
  } else if (intent_ == Intent::enter_room) {
    json hello = {{"t", "join"}, {"room", identity_.room}};
    if (!identity_.token.empty()) hello["token"] = identity_.token;
    else if (!identity_.invite.empty()) hello["invite"] = identity_.invite;
    if (last_seen_ > 0) hello["since"] = last_seen_;
    send(hello.dump());
  }
}

void Client::send(std::string frame) { outgoing_.push_back(std::move(frame)); }

void Client::remove_member(const std::string& who) {
  if (link_ == Link::in_room) send(json{{"t", "remove"}, {"who", who}}.dump());
}

void Client::renew_join_link() {
  if (link_ == Link::in_room) send(R"({"t":"renew"})");
}

std::int64_t Client::new_cid() {
  if (!random_) return next_cid_++;
  std::uint64_t bits = 0;
  random_(&bits, sizeof bits);
  // 52 bits: exact as a JSON number in every browser; 0 is never an id.
  const auto cid = static_cast<std::int64_t>(bits & ((std::uint64_t{1} << 52) - 1));
  return cid == 0 ? 1 : cid;
}

std::int64_t Client::submit(core::Event event) {
  const std::int64_t cid = new_cid();
  pending_.push_back({cid, std::move(event), std::nullopt});
  if (link_ == Link::in_room && !awaiting_history_) {  // else it follows the actions in doubt, in order
    send(encode(pending_.back()));
    pending_.back().sent_on = connection_;
  }
  return cid;
}

std::string Client::encode(const PendingAction& action) const {
  const bool names_to_staff = big_room_ && (std::holds_alternative<core::ParticipantJoin>(action.event) ||
                                            std::holds_alternative<core::ParticipantRename>(action.event));
  // And the others, who never hear that name, read it on what they are shown of ours.
  const std::string by = big_room_ ? core::author_name_to_send(session_, identity_.you, action.event) : std::string();
  // Everything a participant does in an anonymous activity goes under its pseudonym: no envelope of
  // it names the member to anyone, the host and the relay's log included (docs/security.md).
  const bool anon = identity_.role == core::Role::participant && core::sent_anonymously(session_, action.event);
  return core::encode_client_event(action.event, names_to_staff ? std::optional(core::Visibility::staff) : std::nullopt,
                                   action.cid, by, anon);
}

// Sends the actions not acknowledged and not yet sent on this connection.
void Client::resend_pending() {
  for (PendingAction& action : pending_) {
    if (action.seq || action.sent_on == connection_) continue;
    send(encode(action));
    action.sent_on = connection_;
  }
}

// Our own envelope: the pending action it is the echo of gets its seq, even if its ack never comes
// (lost with a connection). Actions are matched in order, by their encoded event; one the relay
// acked already is its own echo and takes no other.
void Client::recognise_own(const core::Envelope& envelope) {
  if (std::any_of(pending_.begin(), pending_.end(), [&](const PendingAction& a) { return a.seq == envelope.seq; })) return;
  const std::string echoed = core::encode_event(envelope.ev);
  const auto echo = std::find_if(pending_.begin(), pending_.end(),
                                 [&](const PendingAction& a) { return !a.seq && core::encode_event(a.event) == echoed; });
  if (echo != pending_.end()) echo->seq = envelope.seq;
}

void Client::drop_seen_pending() {
  std::erase_if(pending_, [&](const PendingAction& a) { return a.seq && *a.seq <= last_seen_; });
}

// One envelope of an `events` frame, as the relay wrote it: decoded, kept for the log export as is,
// applied.
void Client::take_envelope(std::string_view text, std::int64_t local_epoch_ms) {
  auto decoded = core::decode_envelope(text);
  if (!decoded) { ++refused_; return; }
  if (decoded.value->seq <= last_seen_) return;  // already seen (resume overlap)
  last_seen_ = decoded.value->seq;
  const core::Envelope& envelope = *decoded.value;
  const bool own = envelope.from == identity_.you || (!identity_.anon.empty() && envelope.from == identity_.anon);
  if (own) recognise_own(envelope);
  // Every stamp was made before it arrived: the largest (at - arrival) is the offset less the fastest
  // trip. Only live envelopes tell (after the room's seq at `joined`), not the history of a resume.
  if (local_epoch_ms > 0 && envelope.seq > live_after_seq_ && (!clock_offset_known_ || envelope.at - local_epoch_ms > clock_offset_ms_)) {
    clock_offset_ms_ = envelope.at - local_epoch_ms;
    clock_offset_known_ = true;
  }
  log_.emplace_back(text);
  const core::Outcome outcome = core::apply(session_, envelope);
  if (outcome.accepted()) ++applied_;
  else ++refused_;
  if (own) {
    const std::int64_t activity = core::event_activity(envelope.ev);
    if (activity != 0 && outcome.accepted()) own_refusals_.erase(activity);
    else if (activity != 0) own_refusals_[activity] = std::string(outcome.code());
  }
}

void Client::on_frame(std::string_view text, std::int64_t local_epoch_ms) {
  // Envelopes, the bulk of what arrives (a big room's catch-up: 100,000 of them), are read in place:
  // no tree of the whole frame, no envelope written out again for the log.
  if (auto envelopes = core::events_frame_envelopes(text)) {
    for (std::string_view envelope : *envelopes) take_envelope(envelope, local_epoch_ms);
    drop_seen_pending();
    return;
  }
  const json frame = json::parse(text, nullptr, false);
  if (frame.is_discarded() || !frame.is_object()) return;
  const std::string type = str_field(frame, "t");
  if (type == "created" || type == "joined") {
    // Nothing of a previous room may leak into this one.
    if (!identity_.room.empty() && identity_.room != str_field(frame, "room")) {
      session_ = {};
      last_seen_ = 0;
      log_.clear();
    }
    identity_.room = str_field(frame, "room");
    identity_.you = str_field(frame, "you");
    identity_.role = core::role_from_string(str_field(frame, "role"));
    identity_.anon = str_field(frame, "anon");
    identity_.token = str_field(frame, "token");
    if (type == "created") {
      identity_.host_token = str_field(frame, "host_token");
      identity_.kiosk_token = str_field(frame, "kiosk_token");
      if (identity_.token.empty()) identity_.token = identity_.host_token;
    }
    if (identity_.role == core::Role::host && identity_.host_token.empty()) identity_.host_token = identity_.token;
    if (auto kiosk = str_field(frame, "kiosk_token"); !kiosk.empty()) identity_.kiosk_token = kiosk;
    // In a big room each arrival reaches only the host, the kiosk and the newcomer: 10,000 names
    // sent to 10,000 members would be 10^8 deliveries (docs/protocol.md, "Big rooms").
    big_room_ = identity_.role == core::Role::participant && frame.value("participants", std::int64_t{0}) >= core::big_room_participants;
    session_.hears_every_join = !big_room_;
    live_after_seq_ = frame.value("seq", std::int64_t{0});
    // Answers are staff: a participant's engine sees its own only, and shows the host's published figures.
    session_.hears_every_answer = identity_.role != core::Role::participant;
    intent_ = Intent::enter_room;  // a reconnection resumes this membership
    link_ = Link::in_room;
    notices_.push_back({type == "created" ? Notice::Kind::created : Notice::Kind::joined, {}, {}});
    ++connection_;
    // Pending actions wait for the room's history, which the relay queued before `joined`: the
    // answer to a ping sent now comes after it. What was sent before the connection dropped may be
    // stored already, its ack lost with the connection: our own envelopes in that history tell, and
    // only the actions not found in it are sent again, in order. And a newcomer's first action (its
    // name) waits to learn whether the room is end-to-end encrypted, to not send it in clear to a
    // room it has no key for (transport_ws.cpp). The pong also tells the page that it holds the
    // whole history: until then it draws only now and then (catching_up()), not once per frame of
    // a 100,000-envelope history.
    if (type == "joined") {
      awaiting_history_ = true;
      send(R"({"t":"ping"})");
    } else {
      resend_pending();
    }
  } else if (type == "pong") {
    if (std::exchange(awaiting_history_, false)) resend_pending();
  } else if (type == "events") {
    ++refused_;  // an events frame the reader above refused is not valid JSON: none of it can be trusted
  } else if (type == "ack") {
    const auto cid = frame.value("cid", std::int64_t{-1});
    const auto seq = frame.value("seq", std::int64_t{0});
    for (PendingAction& action : pending_) {
      if (action.cid == cid) action.seq = seq;
    }
    drop_seen_pending();
  } else if (type == "error") {
    Notice notice{Notice::Kind::error, str_field(frame, "code"), str_field(frame, "message")};
    if (notice.code == "removed") {  // for good: nothing to send again, no room to enter again
      identity_.removed = true;
      intent_ = Intent::none;
      pending_.clear();
    } else if (auto cid = frame.find("cid"); cid != frame.end() && cid->is_number_integer()) {
      const auto id = cid->get<std::int64_t>();
      std::erase_if(pending_, [&](const PendingAction& a) { return a.cid == id; });
    } else if (link_ != Link::in_room) {
      intent_ = Intent::none;  // the room or token was refused: retrying would fail the same way
    }
    notices_.push_back(std::move(notice));
  } else if (type == "closed") {
    intent_ = Intent::none;
    notices_.push_back({Notice::Kind::closed, {}, {}});
  }
}

std::vector<std::string> Client::take_outgoing() { return std::exchange(outgoing_, {}); }
std::vector<Notice> Client::take_notices() { return std::exchange(notices_, {}); }

}  // namespace palabre::app
