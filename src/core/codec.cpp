// Envelope and event codec: dispatch on the event's "type" over the Event variant's alternatives.
#include "core/codec.hpp"

#include <array>
#include <vector>
#include <nlohmann/json.hpp>

#include "core/event_codec.hpp"

namespace palabre::core {
namespace {
using detail::Fields;
using detail::ojson;
using json = nlohmann::json;

template <std::size_t... I>
bool decode_alternative(std::string_view type, Fields& f, Event& out, std::index_sequence<I...>) {
  bool found = false;
  auto try_one = [&](auto tag_index) {
    constexpr std::size_t i = decltype(tag_index)::value;
    using T = std::variant_alternative_t<i, Event>;
    if (found || detail::name_of(detail::Tag<T>{}) != type) return;
    found = true;
    T value{};
    detail::read_fields(f, value);
    out = std::move(value);
  };
  (try_one(std::integral_constant<std::size_t, I>{}), ...);
  return found;
}

// Whether `value` nests objects and arrays more than `max` levels (itself counted), found without
// recursion: a value too deep for the relay's limit must not reach code that recurses (the
// serializer, a browser's stack) — old logs may hold one.
bool deeper_than(const json& value, int max) {
  std::vector<std::pair<const json*, int>> todo{{&value, 1}};
  while (!todo.empty()) {
    const auto [v, depth] = todo.back();
    todo.pop_back();
    if (!v->is_structured()) continue;
    if (depth > max) return true;
    for (const json& child : *v) todo.emplace_back(&child, depth + 1);
  }
  return false;
}

json parse_or_discard(std::string_view text) { return json::parse(text.begin(), text.end(), nullptr, false); }
}  // namespace

std::string_view to_string(Role role) {
  switch (role) {
    case Role::host: return "host";
    case Role::kiosk: return "kiosk";
    case Role::participant: return "participant";
    case Role::relay: return "relay";
  }
  return "participant";
}
std::string_view to_string(Visibility vis) { return vis == Visibility::staff ? "staff" : "public"; }

std::optional<Role> role_from_string(std::string_view text) {
  for (Role r : {Role::host, Role::kiosk, Role::participant, Role::relay})
    if (to_string(r) == text) return r;
  return std::nullopt;
}
std::optional<Visibility> visibility_from_string(std::string_view text) {
  if (text == "public") return Visibility::public_;
  if (text == "staff") return Visibility::staff;
  return std::nullopt;
}

std::string_view event_type(const Event& ev) {
  return std::visit([](const auto& e) { return detail::name_of(detail::Tag<std::decay_t<decltype(e)>>{}); }, ev);
}

Decoded<Event> decode_event(const json& value, const std::string& path) {
  Decoded<Event> result;
  Fields f(value, path, result.error);
  std::string type;
  if (!f.str("type", type)) return result;
  Event ev;
  if (!decode_alternative(type, f, ev, std::make_index_sequence<std::variant_size_v<Event>>{})) {
    f.fail(f.at("type"), "unknown event type '" + type + "'");
    return result;
  }
  if (f.ok()) result.value = std::move(ev);
  return result;
}

Decoded<Event> decode_event(std::string_view json_text) {
  json value = parse_or_discard(json_text);
  if (value.is_discarded()) return {std::nullopt, {"$", "not valid JSON"}};
  return decode_event(value, "$");
}

Decoded<Envelope> decode_envelope(const json& value) {
  Decoded<Envelope> result;
  Fields f(value, "$", result.error);
  Envelope env;
  std::string role, vis;
  f.i64("seq", env.seq);
  f.i64("at", env.at);
  f.str("from", env.from);
  if (f.str("role", role)) {
    if (auto r = role_from_string(role)) env.role = *r;
    else f.fail("$.role", "unknown role '" + role + "'");
  }
  if (f.str("vis", vis)) {
    if (auto v = visibility_from_string(vis)) env.vis = *v;
    else f.fail("$.vis", "unknown visibility '" + vis + "'");
  }
  const json* ev = f.find("ev");
  if (!ev) { f.fail("$.ev", "missing (expected an object)"); return result; }
  if (!f.ok()) return result;
  if (deeper_than(*ev, max_event_depth)) {
    f.fail("$.ev", "nested deeper than " + std::to_string(max_event_depth) + " levels");
    return result;
  }
  auto event = decode_event(*ev, "$.ev");
  if (!event) { result.error = event.error; return result; }
  env.ev = std::move(*event.value);
  if (const auto by = ev->find("by"); by != ev->end() && by->is_string()) env.by = by->get<std::string>();
  result.value = std::move(env);
  return result;
}

Decoded<Envelope> decode_envelope(std::string_view json_text) {
  json value = parse_or_discard(json_text);
  if (value.is_discarded()) return {std::nullopt, {"$", "not valid JSON"}};
  return decode_envelope(value);
}

ojson event_to_json(const Event& event) {
  ojson j = ojson::object();
  j["type"] = std::string(event_type(event));
  std::visit([&](const auto& e) { detail::write_fields(j, e); }, event);
  return j;
}

std::string encode_event(const Event& event) { return event_to_json(event).dump(); }

std::string encode_envelope(const Envelope& envelope) {
  ojson j = ojson::object();
  j["seq"] = envelope.seq;
  j["at"] = envelope.at;
  j["from"] = envelope.from;
  j["role"] = std::string(to_string(envelope.role));
  j["vis"] = std::string(to_string(envelope.vis));
  j["ev"] = event_to_json(envelope.ev);
  if (!envelope.by.empty()) j["ev"]["by"] = envelope.by;
  return j.dump();
}

std::string encode_client_event(const Event& event, std::optional<Visibility> vis, std::int64_t cid,
                                std::string_view by, bool anon) {
  ojson j = ojson::object();
  j["t"] = "event";
  j["vis"] = std::string(to_string(vis.value_or(default_visibility(event))));
  j["ev"] = event_to_json(event);
  if (!by.empty()) j["ev"]["by"] = std::string(by);
  if (anon) j["anon"] = true;
  if (cid >= 0) j["cid"] = cid;
  return j.dump();
}

}  // namespace palabre::core
