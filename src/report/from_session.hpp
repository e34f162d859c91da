#pragma once
// The mapping from the engine's state to the report model. Figures come from core's aggregates
// (core/aggregates.hpp); this layer only picks, names and orders them, resolves display names,
// applies anonymity, and converts instants to the session's time zone.
#include <functional>
#include <optional>

#include "core/session.hpp"
#include "report/model.hpp"

namespace palabre::report {

// The report of a session, in `lang` or else the session's locale (fr unless it says en).
// Hidden items are left out; in anonymous activities no name appears anywhere.
// `images` gives the bytes of the room's blobs by ref (the browser's cache, the relay's data
// directory): what it gives is embedded, what it does not is named by its ref only.
using ImageSource = std::function<std::optional<EmbeddedImage>(const std::string& ref)>;
Report build_report(const core::Session& session, std::optional<Lang> lang = std::nullopt, const ImageSource& images = {});
// The mime type of an image's bytes, read from them (PNG, JPEG, GIF, WebP); "" for anything else.
std::string_view image_mime_of(std::string_view bytes);
// Standard base64 of bytes.
std::string to_base64(std::string_view bytes);

// "fr" / "en" → Lang; nullopt for anything else.
std::optional<Lang> lang_from_string(std::string_view text);

}  // namespace palabre::report
