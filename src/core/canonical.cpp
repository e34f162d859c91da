// canonical_json(): the whole state with keys in a fixed order (ordered_json keeps insertion
// order), compact. Maps are std::map, so iteration is sorted and the text is deterministic.
#include <nlohmann/json.hpp>

#include "core/session.hpp"

namespace palabre::core {

using ojson = nlohmann::ordered_json;

std::string canonical_json(const Session& s) {
  ojson root = ojson::object();
  root["format"] = "palabre-state";
  root["version"] = 1;
  root["last_seq"] = s.last_seq;

  ojson info = ojson::object();
  info["title"] = s.info.title;
  info["host"] = s.info.host;
  info["date"] = s.info.date;
  info["description"] = s.info.description;
  info["locale"] = s.info.locale;
  info["timezone"] = s.info.timezone;
  root["session"] = std::move(info);

  ojson participants = ojson::array();
  for (const Participant& p : s.participants) {
    ojson j = ojson::object();
    j["id"] = p.id;
    j["name"] = p.name;
    j["joined_seq"] = p.joined_seq;
    j["joined_at"] = p.joined_at;
    auto on = s.online.find(p.id);
    j["online"] = on != s.online.end() && on->second;
    participants.push_back(std::move(j));
  }
  root["participants"] = std::move(participants);

  ojson online = ojson::object();
  for (const auto& [who, is_online] : s.online) online[who] = is_online;
  root["presence"] = std::move(online);

  ojson messages = ojson::array();
  for (const Message& m : s.messages) {
    ojson j = ojson::object();
    j["id"] = m.id;
    j["at"] = m.at;
    j["from"] = m.from;
    j["text"] = m.text;
    j["hidden"] = m.hidden;
    messages.push_back(std::move(j));
  }
  root["messages"] = std::move(messages);
  return root.dump();
}

}  // namespace palabre::core
