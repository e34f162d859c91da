#include "protocol/frames.hpp"

#include <nlohmann/json.hpp>

namespace palabre::protocol {

using Reply = nlohmann::ordered_json;

std::string events_frame(const std::vector<const std::string*>& envs) {
  std::size_t size = 32;
  for (const auto* e : envs) size += e->size() + 1;
  std::string out;
  out.reserve(size);
  out.append(R"({"t":"events","envs":[)");
  for (std::size_t i = 0; i < envs.size(); ++i) {
    if (i) out.push_back(',');
    out.append(*envs[i]);
  }
  return out.append("]}");
}

std::string ack_frame(const std::string& cid, std::int64_t seq) {
  std::string ack = R"({"t":"ack",)";
  if (!cid.empty()) ack.append("\"cid\":").append(cid).append(",");
  return ack.append("\"seq\":").append(std::to_string(seq)).append("}");
}

std::string error_frame(std::string_view code, std::string_view message, const std::string& cid) {
  // `replace`: a message quoting what the client sent can never make the answer itself throw.
  std::string out = Reply{{"t", "error"}, {"code", code}, {"message", message}}
                        .dump(-1, ' ', false, Reply::error_handler_t::replace);
  if (!cid.empty()) out.insert(out.size() - 1, ",\"cid\":" + cid);
  return out;
}

std::string closed_frame(std::string_view room) { return Reply{{"t", "closed"}, {"room", room}}.dump(); }

std::string joined_frame(const Joined& j) {
  Reply out{{"t", "joined"}, {"room", j.room}, {"you", j.you}, {"role", j.role}, {"token", j.token}};
  if (!j.kiosk_token.empty()) out["kiosk_token"] = j.kiosk_token;
  out["anon"] = j.anon;
  out["seq"] = j.seq;
  out["participants"] = j.participants;
  return out.dump();
}

std::string created_frame(std::string_view room, std::string_view host_token, std::string_view kiosk_token) {
  return Reply{{"t", "created"}, {"room", room}, {"host_token", host_token}, {"kiosk_token", kiosk_token},
               {"you", "h1"}, {"role", "host"}, {"token", host_token}, {"seq", 0}}
      .dump();
}

std::string presence_ev(std::string_view member, bool online) {
  std::string out = R"({"type":"presence","who":")";
  return out.append(member).append("\",\"online\":").append(online ? "true" : "false").append("}");
}

}  // namespace palabre::protocol
