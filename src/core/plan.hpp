#pragma once
// The plan format (*.palabre.json): a session prepared in advance. See docs/formats.md.
// Loading is all or nothing: the first error gives its JSON path and reason, and nothing loads.
#include <nlohmann/json_fwd.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/codec.hpp"
#include "core/envelope.hpp"
#include "core/session.hpp"

namespace palabre::core {

inline constexpr int plan_format_version = 1;

struct Plan {
  SessionInfo info;
  std::vector<ActivitySpec> activities;
  // The images the activities name, so that a plan file stands alone: image ref → its bytes as a
  // `data:image/…;base64,` URI. The host uploads them to the room's blobs when it loads the plan.
  std::map<std::string, std::string> images;
};

// Parses and validates a plan document.
Decoded<Plan> load_plan(std::string_view json_text);
// The plan as canonical plan JSON (the format load_plan reads), pretty-printed with 2 spaces.
std::string plan_to_json(const Plan& plan);
// The events a host sends to set a room up from a plan: session.configure, then one
// activity.add per activity, in order (each presentation with speaker notes followed by its
// activity.notes, to be sent staff-only).
std::vector<Event> plan_events(const Plan& plan);

// The pages' speaker notes as activity.notes carries them: one per page up to the last that has one
// (empty: the spec has none).
std::vector<std::string> speaker_notes(const ActivitySpec& spec);

// One activity's content, to and from JSON (used by the plan and by activity.add/edit).
Decoded<ActivitySpec> spec_from_json(const nlohmann::json& value, const std::string& path);
// Speaker notes are written only `with_notes` (plan files): events never carry them.
nlohmann::ordered_json spec_to_json(const ActivitySpec& spec, bool with_notes = false);
// Semantic checks (enough choices, valid correct answers, scales...). Returns an error with the
// path under `path`, or an empty reason when the spec is valid.
DecodeError validate_spec(const ActivitySpec& spec, const std::string& path);

}  // namespace palabre::core
