#pragma once
// The page as the app reaches it: every small JavaScript call of the entry point, the action
// effects and the views' capabilities, in one place (WebAssembly only). Larger bridges keep their
// own files: platform_web (canvas, input, storage), e2e_web (WebCrypto), local_channel
// (BroadcastChannel), theme (fonts for the DOM fields), mirror.js (the DOM mirror).
#include <string>

namespace palabre::app::js {

// The page's address and language.
std::string hash();              // location.hash
std::string relay_param();       // ?relay= of the page's query
std::string page_protocol();     // "https:"
std::string page_host();         // "example.org:8080"
std::string page_base();         // origin + path + query: the base of shared links
std::string browser_language();  // navigator.language ("fr" when unknown)
// The browser's IANA time zone ("Europe/Paris"); empty when the browser does not say.
std::string time_zone();
// The browser's local time minus UTC, in minutes, now.
int tz_offset_minutes();
double epoch_ms();  // Date.now()

void replace_hash(const std::string& hash);  // without a history entry or a hashchange
void set_hash(const std::string& hash);      // a hashchange follows
void open_url(const std::string& url);       // in a new tab
void copy_text(const std::string& text);     // to the clipboard, with a fallback for old browsers
// Hands `text` to the browser as a file download named `name`.
void download(const std::string& name, const std::string& mime_type, const std::string& text);
void reload();

// <body data-view> and <html lang>: the page's CSS and screen readers follow the view and language.
void set_page_mode(const std::string& view);
void set_lang_attr(const std::string& lang);
void log(const std::string& text);  // console.info, prefixed "[palabre]"

// Timings for bench/app (window.palabre.mainMs, firstFrameParts, firstFrameMs, frameTimes).
void mark_main();
void first_frame_part(const char* name);
void first_frame();  // also removes the splash and sets window.palabre.ready
void frame_time(double ms);

// Fetches config.json; the answer comes in the export palabre_relay_resolved(relay).
void resolve_relay();
// hashchange calls the export palabre_hash_changed.
void listen_hash_change();
#if PALABRE_HOST_TOOLS
// A file picker, and a file dropped anywhere on the page: the text comes in palabre_plan_text.
void pick_plan();
void listen_plan_drop();
#endif

}  // namespace palabre::app::js
