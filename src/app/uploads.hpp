#pragma once
// The host's images and slides (issue 18; host module only): a picked, dropped or pasted picture
// is scaled down by the browser (at most 1920 px on its longer side, re-encoded), sealed with the
// room key in an encrypted room, named by the SHA-256 of what is stored, and put in the room's
// blobs — on the relay (`PUT /blob/<ROOM>/<ref>` with the host token, docs/protocol.md) or in this
// browser's IndexedDB without a relay. A PDF's pages are drawn by pdf.js (loaded from vendor/ only
// when a host imports one, never in a participant's download) and sent the same way, each with its
// text. Results come back to the editor through Ui::image_uploads and the exports below.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "report/model.hpp"

namespace palabre::app::uploads {

// The host token uploads carry (where they go is images::configure's: the relay or this browser).
void configure(const std::string& host_token);
// A file picker for the editor's image field `field`.
void pick_image(const std::string& field);
// The field a dropped or pasted image goes to ("" = none).
void set_target(const std::string& field);
// A file picker for a PDF; its pages come to palabre_pdf_pages.
void import_pdf();
// Every image of `refs` at hand (fetched and opened when the host never drew it), then
// effects' images_gathered(purpose) makes the file (a report, a plan).
void gather_images(const std::string& purpose, const std::vector<std::string>& refs);
// Sets the room up from `plan`: its images (ref → data: URI) put in the room's blobs first, then its
// events sent. In an encrypted room each image is sealed first, so its ref changes; the plan's
// refs follow.
void send_plan(core::Plan plan);
// The bytes of an image this browser has (uploaded, drawn or gathered), as the report embeds them.
std::optional<report::EmbeddedImage> image_bytes(const std::string& ref);
// Listens to pastes of images (drops are js_bridge's, which hands images and PDFs here).
void listen();

}  // namespace palabre::app::uploads
