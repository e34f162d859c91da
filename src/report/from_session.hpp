#pragma once
// The mapping from the engine's state to the report model. Figures come from core's aggregates
// (core/aggregates.hpp); this layer only picks, names and orders them, resolves display names,
// applies anonymity, and converts instants to the session's time zone.
#include <optional>

#include "core/session.hpp"
#include "report/model.hpp"

namespace palabre::report {

// The report of a session, in `lang` or else the session's locale (fr unless it says en).
// Hidden items are left out; in anonymous activities no name appears anywhere.
Report build_report(const core::Session& session, std::optional<Lang> lang = std::nullopt);

// "fr" / "en" → Lang; nullopt for anything else.
std::optional<Lang> lang_from_string(std::string_view text);

}  // namespace palabre::report
