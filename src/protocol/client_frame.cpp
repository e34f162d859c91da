#include "protocol/client_frame.hpp"

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "protocol/json_text.hpp"

namespace palabre::protocol {

using nlohmann::json;

namespace {

// A non-negative integer field, absent or null meaning 0; nullopt if present but not one.
std::optional<std::int64_t> non_negative(const json& msg, const char* key) {
  const auto it = msg.find(key);
  if (it == msg.end() || it->is_null()) return 0;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0) return std::nullopt;
  return it->get<std::int64_t>();
}

std::optional<FrameType> frame_type(const std::string& t) {
  if (t == "event") return FrameType::event;  // the hot path first
  if (t == "ping") return FrameType::ping;
  if (t == "join") return FrameType::join;
  if (t == "create") return FrameType::create;
  if (t == "sync") return FrameType::sync;
  if (t == "close") return FrameType::close;
  if (t == "remove") return FrameType::remove;
  if (t == "renew") return FrameType::renew;
  return std::nullopt;
}

}  // namespace

std::variant<ClientFrame, FrameError> read_client_frame(std::string_view text) {
  StrictParse parsed = strict_parse(text);
  if (parsed.too_deep) return FrameError{"too_deep", std::move(parsed.error), {}};
  if (!parsed.error.empty()) return FrameError{"bad_json", std::move(parsed.error), {}};
  const json& msg = parsed.value;
  if (!msg.is_object()) return FrameError{"bad_message", "a message is a JSON object", {}};
  ClientFrame frame;
  if (const auto it = msg.find("cid"); it != msg.end()) {
    if (!it->is_number_integer() && !it->is_string())
      return FrameError{"bad_message", "cid must be an integer or a string", {}};
    frame.cid = it->dump();
  }
  auto refuse = [&](std::string message) { return FrameError{"bad_message", std::move(message), frame.cid}; };
  const auto t = msg.find("t");
  if (t == msg.end() || !t->is_string()) return refuse("missing message type \"t\"");
  const auto type = frame_type(t->get_ref<const std::string&>());
  if (!type)
    return FrameError{"unknown_type", "unknown message type \"" + std::string(core::utf8::prefix(t->get_ref<const std::string&>(), 40)) + "\"",
                      frame.cid};
  frame.type = *type;

  if (frame.type == FrameType::join) {
    const auto room = msg.find("room");
    if (room == msg.end() || !room->is_string()) return refuse("join needs \"room\" (the room code)");
    frame.room = room->get<std::string>();
    const auto token = msg.find("token");
    if (token != msg.end() && !token->is_null() && !token->is_string()) return refuse("token must be a string");
    if (token != msg.end() && token->is_string()) frame.token = token->get<std::string>();
    const auto invite = msg.find("invite");
    if (invite != msg.end() && !invite->is_null() && !invite->is_string()) return refuse("invite must be a string");
    if (invite != msg.end() && invite->is_string()) frame.invite = invite->get<std::string>();
  }
  if (frame.type == FrameType::remove) {
    const auto who = msg.find("who");
    if (who == msg.end() || !who->is_string()) return refuse("remove needs \"who\" (a participant's member id)");
    frame.who = who->get<std::string>();
  }
  if (frame.type == FrameType::join || frame.type == FrameType::sync) {
    const auto since = non_negative(msg, "since");
    if (!since) return refuse("since must be a non-negative integer");
    frame.since = *since;
  }
  if (frame.type == FrameType::event) {
    const auto vis = msg.find("vis");
    if (vis == msg.end() || !vis->is_string() || (*vis != "public" && *vis != "staff"))
      return refuse("vis must be \"public\" or \"staff\"");
    frame.staff = *vis == "staff";
    const auto ev = msg.find("ev");
    if (ev == msg.end() || !ev->is_object()) return refuse("ev must be a JSON object");
    const auto anon = msg.find("anon");
    if (anon != msg.end() && !anon->is_boolean()) return refuse("anon must be true or false");
    frame.anonymous = anon != msg.end() && anon->get<bool>();
    // Re-emit the client's exact bytes of `ev` unless they would break the one-line log format.
    const auto raw = raw_member_text(text, "ev");
    if (raw && raw->find_first_of("\r\n") == std::string_view::npos) frame.ev_text = std::string(*raw);
    else frame.ev_text = ev->dump();
  }
  return frame;
}

}  // namespace palabre::protocol
