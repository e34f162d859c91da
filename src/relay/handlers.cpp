// The protocol handlers: a frame from a connection, checked against the connection's limits and
// the room, answered with src/protocol's frames and error texts.
#include "relay/state.hpp"

#include "protocol/frames.hpp"
#include "protocol/tokens.hpp"
#include "relay/secrets.hpp"
#include "relay/ws_session.hpp"

namespace palabre::relay {

using namespace protocol;  // frames, error texts, tokens: the protocol both hosts speak

void State::reject(WsSession& session, std::string_view code, std::string_view message, const std::string& cid) {
  ++metrics.rejects[std::string(code)];
  session.send_text(error_frame(code, message, cid));
  if (++session.strikes >= config.strikes_before_close) {
    log({{"event", "abuse"}, {"conn", session.id()}, {"code", code}});
    // A client that asks for history faster than it reads would never drain a polite close.
    if (session.sending_history()) return session.drop("asks for history without reading it");
    session.close_after_writes(websocket::close_code::policy_error);
  }
}

void State::handle(WsSession& session, std::string_view text) {
  ++metrics.messages_in;
  metrics.bytes_in += text.size();
  if (!session.take_token())
    return reject(session, errors::rate_messages);
  if (text.size() > config.max_message_bytes)
    return reject(session, "too_big", too_big_message(config.max_message_bytes));
  auto read = read_client_frame(text);
  if (auto* error = std::get_if<FrameError>(&read)) return reject(session, error->code, error->message, error->cid);
  auto& frame = std::get<ClientFrame>(read);
  // Strikes count refusals in a row: a message the handlers below accept clears them.
  const int strikes_before = session.strikes;
  switch (frame.type) {
    case FrameType::event: handle_event(session, frame); break;
    case FrameType::ping: session.send_text(std::string(pong_frame)); break;
    case FrameType::join: handle_join(session, frame); break;
    case FrameType::create: handle_create(session); break;
    case FrameType::sync: handle_sync(session, frame); break;
    case FrameType::close: handle_close(session); break;
    case FrameType::remove: handle_remove(session, frame); break;
    case FrameType::renew: handle_renew(session, frame); break;
  }
  if (session.strikes == strikes_before) session.strikes = 0;
}

void State::handle_create(WsSession& session) {
  if (!session.take_create())
    return reject(session, errors::rate_creates);
  if (rooms.size() >= config.max_rooms) evict_an_unjoined_room();
  if (rooms.size() >= config.max_rooms)
    return reject(session, errors::relay_full);
  std::string code;
  do code = new_room_code();
  while (rooms.count(code) || store->code_taken(code));

  // The kiosk token follows from the host token: a host joining from another device is told it.
  const std::string host_token = new_token(), kiosk_token = kiosk_token_for(host_token);
  auto room = std::make_shared<Room>();
  room->state = RoomState(code, wall_ms(), Roster(token_hash(host_token), token_hash(kiosk_token), new_token() + new_token()));
  room->last_activity = steady_now();
  RoomRecord record{code, room->state.created_ms(), room->roster().host_token_hash(), room->roster().kiosk_token_hash(),
                    room->roster().anon_key(), {}, {}};
  if (const auto error = store->create_room(record)) {
    log({{"event", "storage_error"}, {"error", error->message}});
    return reject(session, errors::store_room);
  }
  rooms[code] = room;
  log({{"event", "create"}, {"conn", session.id()}, {"room", code}});

  if (session.room) detach(session);
  session.send_text(created_frame(code, host_token, kiosk_token));
  attach(session, room, "h1");
}

void State::handle_join(WsSession& session, const ClientFrame& frame) {
  if (session.sending_history()) return reject(session, errors::busy);
  std::string code = frame.room;
  // A shared store (Redis) has rooms other relays created: one is loaded here on its first join.
  std::shared_ptr<Room> room = normalize_room_code(code) ? room_for(code) : nullptr;
  if (!room) return reject(session, errors::no_room);
  // Up to date before answering (a resume from another relay must find what that relay sent).
  if (!catch_up(*room)) return reject(session, errors::read_room);
  // Closed on another relay (its mark may have expired from the stream): closed here too.
  if (!rooms.count(room->code()) || !store->room_open(room->code())) {
    if (rooms.count(room->code())) close_room(room, RoomEnd::closed_elsewhere);
    return reject(session, errors::no_room);
  }
  if (room->sessions.size() >= config.max_connections_per_room && session.room != room)
    return reject(session, errors::room_full);

  std::string member_id, token;
  if (frame.token) {
    token = *frame.token;
    auto found = room->state.member_for_token(token);
    if (const auto* error = std::get_if<ErrorText>(&found); error && error->code == errors::bad_token.code) {
      // Perhaps joined through another relay.
      const std::string hash = token_hash(token);
      auto elsewhere = store->participant_by_token(room->code(), hash);
      if (std::holds_alternative<StorageError>(elsewhere)) return reject(session, errors::read_room);
      const auto& id = std::get<std::optional<std::string>>(elsewhere);
      if (!id) return reject(session, errors::bad_token);
      room->roster().add_participant(*id, hash);
      found = room->state.member_for_token(token);  // removed there, perhaps
    }
    if (const auto* error = std::get_if<ErrorText>(&found)) return reject(session, *error);
    member_id = std::get<std::string>(std::move(found));
  } else {
    if (const auto error = room->state.may_enter_as_newcomer(frame.invite)) return reject(session, *error);
    if (!session.take_tokenless_join())
      return reject(session, errors::rate_newcomers);
    token = new_token();
    const std::string hash = token_hash(token);
    auto stored = store->add_participant(room->code(), room->roster().next_participant_id(), hash);
    if (const auto* error = std::get_if<StorageError>(&stored)) {
      log({{"event", "storage_error"}, {"room", room->code()}, {"error", error->message}});
      return reject(session, errors::store_participant);
    }
    member_id = room->roster().add_participant(std::get<std::string>(stored), hash).id;
  }
  if (session.room) detach(session);
  session.closed_room.clear();
  session.removed = false;
  // `participants`: every participant who ever joined has one token hash (the app's big-room cue);
  // a shared store has them all, this relay only those it has seen.
  std::size_t participants = room->roster().participants();
  const auto stored = store->participant_count(room->code());
  if (const auto* count = std::get_if<std::size_t>(&stored)) participants = std::max(participants, *count);
  session.send_text(joined_frame(room->state.joined(member_id, token, participants)));
  attach(session, room, member_id);
  send_history(session, room, frame.since);
}

void State::reject_not_joined(WsSession& session, const std::string& cid) {
  if (session.removed) return reject(session, errors::removed, cid);
  if (!session.closed_room.empty())
    return reject(session, "closed", closed_message(session.closed_room), cid);
  reject(session, errors::not_joined, cid);
}

namespace {
// A member's event, or a host's remove or renew (the relay's own envelope): stamped into this tick's
// batch and acknowledged like any event once stored, or refused with the protocol's reason. A
// re-send of one the room has (same member, same cid) is not stored again.
void stamp_or_refuse(State& state, WsSession& session, std::variant<Stamp, ErrorText> stamped, std::string cid) {
  if (const auto* error = std::get_if<ErrorText>(&stamped)) return state.reject(session, *error, cid);
  if (state.answer_resent(session, cid)) return;
  state.stamp(*session.room, std::get<Stamp>(std::move(stamped)), session.weak_from_this(), std::move(cid));
  state.schedule_flush(session.room);
}
}  // namespace

void State::handle_event(WsSession& session, ClientFrame& frame) {
  if (!session.room) return reject_not_joined(session, frame.cid);
  auto stamped = session.room->state.event_of(session.member_id, frame);  // reads frame.cid: before the move
  stamp_or_refuse(*this, session, std::move(stamped), std::move(frame.cid));
}

void State::handle_sync(WsSession& session, const ClientFrame& frame) {
  if (!session.room) return reject_not_joined(session);
  if (session.sending_history()) return reject(session, errors::busy);
  send_history(session, session.room, frame.since);
}

void State::handle_close(WsSession& session) {
  if (!session.room) return reject_not_joined(session);
  if (const auto error = session.room->state.may_close(session.member_id)) return reject(session, *error);
  close_room(session.room);
}

void State::handle_remove(WsSession& session, ClientFrame& frame) {
  if (!session.room) return reject_not_joined(session, frame.cid);
  auto removal = session.room->state.removal_of(session.member_id, frame.who, frame.cid);
  if (std::holds_alternative<Stamp>(removal))
    log({{"event", "remove"}, {"conn", session.id()}, {"room", session.room->code()}, {"member", frame.who}});
  stamp_or_refuse(*this, session, std::move(removal), std::move(frame.cid));
}

void State::handle_renew(WsSession& session, ClientFrame& frame) {
  if (!session.room) return reject_not_joined(session, frame.cid);
  // A join key drawn as room codes are: six characters a person can read aloud or type.
  auto renewal = session.room->state.renewal_of(session.member_id, new_room_code(), frame.cid);
  stamp_or_refuse(*this, session, std::move(renewal), std::move(frame.cid));
}

}  // namespace palabre::relay
