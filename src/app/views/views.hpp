#pragma once
// Views per role (DESIGN.md, lager's draw(ctx, const model&, ui_state&)): they read a const
// Session and the connection's identity, keep transient widget text in Ui, and emit Actions that
// the app carries out after the frame (effects.cpp). They never change the Session themselves, and
// call no platform function: what the browser offers comes in Context::browser.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "app/client.hpp"
#include "app/route.hpp"
#include "core/activity.hpp"
#include "core/session.hpp"

namespace palabre::app::views {

struct Links { std::string join, kiosk, host; };

// Transient widget state (text being typed, "copied" feedback), never part of the Session.
struct Ui {
  std::string code, name, message;
  std::string copied_key;
  double copied_at_ms = -1e9;
  std::size_t messages_seen = 0;  // to follow new messages to the bottom
  std::string error;              // last error shown as a banner
  bool animating = false;         // a view asks for the next frame (reset before each frame)
  double redraw_in_ms = 0;        // a view asks for a frame after this delay (countdowns, cycling); 0: none
  // Asks for a frame within `ms`, keeping an earlier request (a countdown's next second).
  void redraw_within(double ms) { redraw_in_ms = redraw_in_ms > 0 ? std::min(redraw_in_ms, ms) : ms; }
  std::map<std::int64_t, double> first_seen_ms;  // message id -> when it appeared (kiosk animation)
  // Activities: text being typed and choices being picked, keyed by field ("a12.q0.text").
  std::map<std::string, std::string> texts;
  std::map<std::string, std::vector<int>> picks;
  bool e2e_wanted = false;             // host: "encrypt end to end" ticked on the create card
  bool session_details_pending = false;  // host: details typed on the create card, sent once in the room
  bool session_editing = false;        // host: the console's session card is open for editing
  bool editor_error_shown = false;     // host: the editor's problem shows beside its field this frame
  std::int64_t selected_activity = 0;  // host: whose results show (0 = the current one)
  bool adding = false;                 // host: the "add an activity" form is open
  int new_kind = 2;                    // host: core::ActivityKind of the form (survey)
  bool chat_tab = false;               // participant: messages instead of the activity
  bool host_messages_tab = false;      // host: the right column shows the messages instead of the people
  std::size_t messages_read = 0;       // host: visible messages when the messages tab was last open
  core::ActivitySpec draft;            // host: the activity being written in the editor (views/editor.cpp)
  std::int64_t editing = 0;            // host: the activity the editor changes (0: a new one)
  std::string scroll_to;               // host: editor field to bring into view on the next frame
  std::int64_t drag_note = 0;          // board: the post-it being dragged (0: none)
  float drag_dx = 0, drag_dy = 0;      // board: where it was grabbed, from its top-left corner
  std::int64_t last_current = 0;       // participant: switches back to the activity when it changes
  // host: images being sent for the editor's image fields, by field key: the image ref once stored
  // ("" while it is on its way); the field takes it on its next frame.
  std::map<std::string, std::string> image_uploads;
  std::string image_target;            // host: the image field under the pointer (drops and pastes go there)
  int pdf_importing = 0;               // host: a PDF's pages on their way to the editor (0: none)
  std::string removing;                // host: the participant whose removal waits for confirmation
  bool removing_hides = true;          // host: that removal also hides their contributions
  bool renewing = false;               // host: renewing the join link waits for confirmation
};

// What a view asks the app to do after the frame (effects.cpp carries it out), one struct a kind.
namespace act {
struct Go { Route route; };                         // to another view (through the URL's fragment)
struct OpenUrl { std::string url; };                // in a new tab
struct CreateRoom { bool encrypted = false; bool local = false; };  // with a fresh e2e key; in this tab, no relay
struct JoinAs { std::string name; };
struct Post { std::string text; };                  // a chat message
struct HideMessage { std::int64_t id = 0; bool hidden = true; };
struct Copy { std::string text; };                  // to the clipboard
struct ToggleLang {};                               // French <-> English
struct Submit { core::Event event; };               // any engine event this member may send
struct PickPlan {};                                 // host: a plan file from the file picker
struct ExportLog {};                                // host: the room's log as a download
struct ExportReport { std::string format; };        // host: "html", "md", "csv" or "json"
struct Download { std::string name, mime_type, text; };  // a file the view made
struct SavePlan {};                                 // host: the session as a plan file, its images inside
struct PickImage { std::string field; };            // host: an image for the editor's field `field`
struct ImportPdf {};                                // host: a PDF whose pages become the editor's pages
struct RenewJoinLink {};                            // host: old join links stop admitting newcomers
}  // namespace act
using Action = std::variant<act::Go, act::OpenUrl, act::CreateRoom, act::JoinAs, act::Post, act::HideMessage, act::Copy,
                            act::ToggleLang, act::Submit, act::PickPlan, act::ExportLog, act::ExportReport, act::Download,
                            act::PickImage, act::ImportPdf, act::SavePlan, act::RenewJoinLink>;

// What this browser offers, read by the app at start: views call no platform function.
struct Capabilities {
  std::string time_zone;       // the browser's IANA zone ("Europe/Paris"): a new session's default
  int tz_offset_minutes = 0;   // browser's local time minus UTC: message times when the session's zone is unknown
  bool e2e_available = false;  // WebCrypto is there (https or localhost)
};

struct Context {
  const core::Session& session;
  const Identity& identity;
  Link link;
  const std::vector<PendingAction>& pending;
  const Route& route;
  const Links& links;
  bool has_resume_token;  // this browser already has a membership in the room
  bool e2e_locked;        // the room's events are end-to-end encrypted and this link has no key for them
  double now_ms;
  std::int64_t epoch_ms;  // the relay's clock as this browser estimates it, to count timers down against `at` stamps
  const std::map<std::int64_t, std::string>& refusals;  // our own events the engine refused, by activity: reason code
  const Capabilities& browser;  // what this browser offers
  Ui& ui;
  std::vector<Action>& actions;
};

void draw_landing(Context& ctx);
void draw_host(Context& ctx);         // host_create and host
void draw_local_choice(Context& ctx);  // host_create: below draw_host, a room kept in this tab (no relay)
void draw_participant(Context& ctx);
void draw_kiosk(Context& ctx);
// Says what changed since the last frame to screen readers (views/announce.cpp): the activity
// followed (`activity`, or null), its question, countdown, reveal, winner; one's own answer's fate.
void announce_changes(Context& ctx, const core::Activity* activity);

// Activities (views/activities.cpp, views/results.cpp, views/console.cpp).
void draw_answer(Context& ctx, const core::Activity& activity, float width);   // participant
void draw_results(Context& ctx, const core::Activity& activity, float width, bool kiosk);
// The board as zones with post-its at their places; with `interactive`, post-its this member may
// move (the host: all; a participant: their own, while it runs) are dragged with mouse or finger.
void draw_board(Context& ctx, const core::Activity& activity, float width, bool kiosk, bool interactive);
void draw_console(Context& ctx, float width, float height);                     // host
// The activity editor (views/editor.cpp): opens on a new activity of `kind`, or on `existing`.
void open_editor(Ui& ui, core::ActivityKind kind);
void open_editor(Ui& ui, const core::Activity& existing);
void draw_editor(Context& ctx, float width, float height);
const char* kind_name(core::ActivityKind kind);
const char* kind_icon(core::ActivityKind kind);
// Seconds left on the activity's timer (< 0: no timer or not running).
int seconds_left(const core::Activity& activity, std::int64_t epoch_ms);
// The figures this screen draws of an activity: core::shown_figures, worked out once per envelope.
const core::ActivityFigures& figures_of(const core::Session& session, const core::Activity& activity);
// Seconds left on the quiz question on screen (< 0: none open), against the relay's clock.
int question_seconds_left(const core::Activity& activity, std::int64_t epoch_ms);
// "4,2" in French, "4.2" in English.
std::string tenths(int value_tenths);

// The session's details (views/session_form.cpp): fields on the create card, kept until the room
// exists and then sent once; the console's card shows and edits them.
void draw_session_fields(Context& ctx, float width);
void remember_session_details(Context& ctx);
void send_pending_session_details(Context& ctx);
void draw_session_card(Context& ctx, float width);
// The blocked words a new session starts with, comma-separated: assets/blocked_words/*.txt, built
// into the host's module (src/app/CMakeLists.txt).
const char* default_blocked_words();
// The host's moderation of an activity's ideas, questions and open answers (views/moderation.cpp).
void draw_moderation(Context& ctx, const core::Activity& activity, float width);

// Shared pieces.
void draw_brand(float size_scale = 1.0f);
void draw_status(Link link, bool short_form = false);
// On the current line, flush right: a small "EN"/"FR" switch (true when pressed), then the status
// pill, shortened where the line has no room for all of it.
bool draw_status_and_language_right(Link link);
// Whether the relay says this participant is connected now, and how many are.
bool is_online(const core::Session& session, const core::Participant& p);
int online_participants(const core::Session& session);
// "10:06" in the session's time zone, as the report shows it; the browser's when the zone is unknown.
std::string clock_time(const core::Session& session, std::int64_t at_ms, int browser_offset_minutes);

}  // namespace palabre::app::views
