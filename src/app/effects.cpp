// The views' actions (effects.hpp). Compiled into each module: the report renderer and the plan
// picker are host tools (PALABRE_HOST_TOOLS, src/app/CMakeLists.txt).
#ifndef PALABRE_HOST_TOOLS
#define PALABRE_HOST_TOOLS 1
#endif
#include "app/effects.hpp"

#include <nlohmann/json.hpp>

#include "app/app_state.hpp"
#include "app/e2e_web.hpp"
#include "app/js_bridge.hpp"
#include "app/strings.hpp"
#include "core/plan.hpp"
#include "protocol/log_format.hpp"
#if PALABRE_HOST_TOOLS
#include "report/from_session.hpp"
#include "report/render.hpp"
#include "app/uploads.hpp"
#endif

namespace palabre::app {
namespace {

// Only host tabs keep a room (transport_local.cpp).
constexpr bool kCanKeep = PALABRE_HOST_TOOLS;

void carry_out(const views::act::Go& a) { js::set_hash(route_hash(a.route)); }  // hashchange starts the route
void carry_out(const views::act::OpenUrl& a) { js::open_url(a.url); }
void carry_out(const views::act::Copy& a) { js::copy_text(a.text); }
void carry_out(const views::act::Download& a) { js::download(a.name, a.mime_type, a.text); }
void carry_out(const views::act::Submit& a) {
  app.client.submit(a.event);
#if PALABRE_HOST_TOOLS
  // The session's record (hiding what they wrote, for every screen) goes with the relay's refusal.
  if (const auto* removal = std::get_if<core::ParticipantRemove>(&a.event)) app.client.remove_member(removal->who);
#endif
}
void carry_out(const views::act::Post& a) { app.client.submit(core::ChatPost{a.text}); }
void carry_out(const views::act::HideMessage& a) { app.client.submit(core::ChatHide{a.id, a.hidden}); }

void carry_out(const views::act::CreateRoom& a) {
  if (kCanKeep && (app.route.local || a.local)) return create_local_room();
  // End-to-end encryption, when ticked on the create card: a fresh key before anything is sent.
  app.route.key = a.encrypted ? e2e::new_key() : std::string();
  e2e::use_key(app.route.key);
  app.client.create_room();
  app.want_connection = true;
  connect();
}

void carry_out(const views::act::JoinAs& a) {
  store("palabre.name", a.name);
  if (app.client.intent() == Intent::none) app.client.enter_room(app.route.room, "", app.route.invite);
  app.want_connection = true;
  app.client.submit(core::ParticipantJoin{a.name});
  connect();
}

void carry_out(const views::act::ToggleLang&) {
  set_lang(lang() == Lang::fr ? Lang::en : Lang::fr);
  const char* code = lang() == Lang::fr ? "fr" : "en";
  store("palabre.lang", code);
  js::set_lang_attr(code);
}

#if PALABRE_HOST_TOOLS
void carry_out(const views::act::PickPlan&) { js::pick_plan(); }
void carry_out(const views::act::PickImage& a) { uploads::pick_image(a.field); }
void carry_out(const views::act::ImportPdf&) { uploads::import_pdf(); }

std::vector<std::string> session_image_refs() {
  std::vector<std::string> refs;
  for (const core::Activity& activity : app.client.session().activities)
    for (std::string& ref : core::image_refs(activity.spec)) refs.push_back(std::move(ref));
  return refs;
}

// The images first (uploads.cpp gathers those this browser lacks), then images_gathered() makes the file.
void carry_out(const views::act::ExportReport& a) {
  if (report::format_from_string(a.format)) uploads::gather_images(a.format, session_image_refs());
}
void carry_out(const views::act::SavePlan&) { uploads::gather_images("plan", session_image_refs()); }

// In an end-to-end encrypted room the key is renewed with the link: the new links carry the new key,
// and every participant who keeps their place is sent it (e2e::rotate; docs/security.md).
void carry_out(const views::act::RenewJoinLink&) {
  app.client.renew_join_link();
  if (!e2e::active()) return;
  const core::Session& session = app.client.session();
  nlohmann::json staying = nlohmann::json::array();
  for (const core::Participant& p : session.participants)
    if (!session.removed.count(p.id) && !session.removals.count(p.id)) staying.push_back(p.id);
  e2e::rotate(staying.dump());
}

void carry_out(const views::act::ExportLog&) {
  const Identity& id = app.client.identity();
  const auto& lines = app.client.log();
  std::int64_t created = 0;
  if (!lines.empty()) {
    const auto first = nlohmann::json::parse(lines.front(), nullptr, false);
    if (first.is_object()) created = first.value("at", std::int64_t{0});
  }
  std::string text = protocol::log_header_line(id.room, created) + "\n";
  for (const std::string& line : lines) text += line + "\n";
  js::download(id.room + ".palabre.jsonl", "application/x-ndjson", text);
}
#else
// Host console only.
void carry_out(const views::act::PickPlan&) {}
void carry_out(const views::act::PickImage&) {}
void carry_out(const views::act::ImportPdf&) {}
void carry_out(const views::act::SavePlan&) {}
void carry_out(const views::act::ExportReport&) {}
void carry_out(const views::act::ExportLog&) {}
void carry_out(const views::act::RenewJoinLink&) {}
#endif

}  // namespace

#if PALABRE_HOST_TOOLS
void images_gathered(const std::string& purpose) {
  const core::Session& session = app.client.session();
  const std::string room = app.client.identity().room.empty() ? std::string("palabre") : app.client.identity().room;
  if (purpose == "plan") {
    // The plan as a file: the session's details, every activity's content in the list's order with
    // its speaker notes, and its images inside, so that it loads in any room.
    core::Plan plan;
    plan.info = session.info;
    if (plan.info.title.empty()) plan.info.title = room;  // a plan needs a title to load again
    for (const core::Activity& a : session.activities) {
      core::ActivitySpec spec = a.spec;
      for (std::size_t i = 0; i < spec.pages.size() && i < a.notes.size(); ++i) spec.pages[i].notes = a.notes[i];
      for (const std::string& ref : core::image_refs(spec))
        if (auto image = uploads::image_bytes(ref)) plan.images[ref] = "data:" + image->mime + ";base64," + image->base64;
      plan.activities.push_back(std::move(spec));
    }
    js::download(room + ".palabre.json", "application/json", core::plan_to_json(plan));
    return;
  }
  const auto format = report::format_from_string(purpose);
  if (!format) return;
  const std::string text = report::render(report::build_report(app.client.session(), std::nullopt, uploads::image_bytes), *format);
  const std::string name = app.client.identity().room + "-report." + std::string(report::file_extension(*format));
  js::download(name, std::string(report::mime_type(*format)), text);
}
#endif

void run(const views::Action& action) {
  std::visit([](const auto& a) { carry_out(a); }, action);
  flush();
}

}  // namespace palabre::app
