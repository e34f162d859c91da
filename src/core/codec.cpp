// Envelope and event codec: dispatch on the event's "type" over the Event variant's alternatives.
#include "core/codec.hpp"

#include <algorithm>
#include <array>
#include <vector>
#include <nlohmann/json.hpp>

#include "core/event_codec.hpp"
#include "protocol/flat_json.hpp"

namespace palabre::core {
namespace {
using detail::Fields;
using protocol::FlatObject;
using protocol::FlatValue;
using protocol::string_of;
using detail::ojson;
using json = nlohmann::json;

// Each event's reader, found by its wire name with a binary search over a table sorted when compiled (a
// catch-up decodes 100,000 envelopes: comparing the name with every alternative's was a tenth of it).
using EventReader = void (*)(Fields&, Event&);
template <class T>
void read_as(Fields& f, Event& out) {
  detail::read_fields(f, out.emplace<T>());
}
template <std::size_t... I>
constexpr auto event_readers(std::index_sequence<I...>) {
  using Entry = std::pair<std::string_view, EventReader>;
  std::array<Entry, sizeof...(I)> table{{Entry{detail::name_of(detail::Tag<std::variant_alternative_t<I, Event>>{}),
                                               &read_as<std::variant_alternative_t<I, Event>>}...}};
  std::sort(table.begin(), table.end(), [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return table;
}
// Sorted at compile time: no sorting code in the participant's download.
constexpr auto event_reader_table = event_readers(std::make_index_sequence<std::variant_size_v<Event>>{});
EventReader reader_of(std::string_view type) {
  const auto& table = event_reader_table;
  const auto it = std::lower_bound(table.begin(), table.end(), type, [](const auto& entry, std::string_view t) { return entry.first < t; });
  return it != table.end() && it->first == type ? it->second : nullptr;
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

namespace {
// The event in `f` (its "type" and that type's fields); the error is f's.
std::optional<Event> read_event(Fields& f) {
  std::string type;
  if (!f.str("type", type)) return std::nullopt;
  const EventReader reader = reader_of(type);
  if (!reader) {
    f.fail(f.at("type"), "unknown event type '" + type + "'");
    return std::nullopt;
  }
  std::optional<Event> ev(std::in_place);
  reader(f, *ev);
  if (!f.ok()) return std::nullopt;
  return ev;
}

// The envelope's own fields (seq, at, from, role, vis), from either source.
void read_stamp(Fields& f, Envelope& env) {
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
}

// The fast path of a line: read in place (flat_json.hpp), no tree. Nullopt when the line is
// outside what it reads (an activity's spec, figures, a \u escape, a float, …): the tree decides.
std::optional<Decoded<Envelope>> decode_envelope_flat(std::string_view text) {
  thread_local FlatObject top, ev;  // their buffers are reused from line to line
  if (!top.read(text, "ev", &ev) || top.has_nested("ev")) return std::nullopt;
  const FlatValue* ev_value = top.find("ev");
  if (!ev_value || ev_value->kind != FlatValue::Kind::nested || ev_value->text.front() != '{' || ev.has_nested())
    return std::nullopt;
  Decoded<Envelope> result;
  Envelope env;
  Fields f(top, "$", result.error);
  read_stamp(f, env);
  if (!f.ok()) return result;
  Fields fe(ev, "$.ev", result.error);
  std::optional<Event> event = read_event(fe);
  if (fe.needs_tree()) return std::nullopt;
  if (!event) return result;
  env.ev = std::move(*event);
  if (const FlatValue* by = ev.find("by"); by && by->kind == FlatValue::Kind::string) env.by = string_of(*by);
  result.value = std::move(env);
  return result;
}
}  // namespace

std::optional<std::vector<std::string_view>> events_frame_envelopes(std::string_view frame) {
  FlatObject top;
  if (!top.read(frame)) return std::nullopt;
  const FlatValue* type = top.find("t");
  const FlatValue* envs = top.find("envs");
  if (!type || type->kind != FlatValue::Kind::string || type->text != "events") return std::nullopt;
  std::vector<std::string_view> out;
  if (envs && envs->kind == FlatValue::Kind::array && envs->count == 0) return out;  // `[]` reads as a flat array
  if (!envs || envs->kind != FlatValue::Kind::nested || !protocol::array_elements(envs->text, out)) return std::nullopt;
  return out;
}

Decoded<Event> decode_event(const json& value, const std::string& path) {
  Decoded<Event> result;
  Fields f(value, path, result.error);
  result.value = read_event(f);
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
  read_stamp(f, env);
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
  if (auto flat = decode_envelope_flat(json_text)) return std::move(*flat);
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
