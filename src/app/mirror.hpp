#pragma once
// The item mirror (DESIGN.md, "Known ImGui-in-the-browser gaps"): every frame, ImGui's test-engine
// hooks record each interactive item's key, visible label, role and rectangle; at the end of the
// frame the list goes to the page (web/mirror.js), which places real DOM elements over the canvas:
// <input>s that own text entry (phone keyboards, IME, accents, paste) and <button>s that carry a
// role and an accessible name. `window.palabre.items()` returns the same list.
//
// Widgets that need the DOM (text fields) or a role ImGui cannot tell (radio, tab, link) go through
// the wrappers below; plain ImGui::Button / Checkbox are mirrored as they are.
#include <string>
#include <string_view>
#include <vector>

struct ImVec2;

namespace palabre::app::mirror {

struct Item {
  std::string key;    // after "###" in the ImGui label, else the label
  std::string label;  // visible text (before "##"), icons removed
  std::string role;   // "button", "textbox", "checkbox", "radio", "tab", "link"
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels, relative to the viewport
  bool focused = false;
  bool disabled = false;
  int state = -1;  // on (1) or off (0) for a tab, radio, checkbox or toggle button; -1: none
  // Text fields only: how the DOM <input> should look to match the frame it covers.
  std::string placeholder;
  float font_px = 0, pad_x = 0;
  bool secret = false, multiline = false;
};

// Splits an ImGui label into (key, visible label). Pure; tested natively.
struct LabelParts { std::string key, label; };
LabelParts split_label(std::string_view imgui_label);
// Removes private-use code points (icon glyphs) and surrounding spaces from a visible label.
std::string strip_icons(std::string_view text);  // the check mark (U+F00C) stays, as ✓
// The frame's items as the JSON array window.palabre.items() returns.
std::string items_json(const std::vector<Item>& items);

// [SECTION] per-frame use (WebAssembly only)
void begin_frame();
void end_frame();  // publishes the items to the page
const std::vector<Item>& items();

// A text field whose editing surface is a DOM <input> placed over it; `value` is synced both ways
// each frame. Returns true when the user pressed Enter in it (submit). `label` is "Visible###key";
// the visible part is the accessible name, `placeholder` shows while empty.
struct TextFieldOptions {
  const char* placeholder = "";
  float width = -1.0f;  // <= 0: the current item width (a card's inner width)
  bool secret = false;
  bool autofocus = false;  // focus once when the field first appears
  int max_bytes = 2000;
  int lines = 1;  // > 1: a <textarea> this many lines tall, where Enter starts a new line
};
bool TextField(const char* label, std::string& value, const TextFieldOptions& options = {});

// A button that the page can also activate (screen reader, keyboard on its DOM <button>).
bool Button(const char* label, const ImVec2& size);
// Next item's role when ImGui's own flags cannot tell it.
void next_role(const char* role);
// Next item's state, on or off: a tab selected, a radio or checkbox checked, a button pressed (a
// choice picked), which sighted people see by its colour.
void next_state(bool on);
// Next item's accessible name when its visible label is only an icon.
void next_name(const char* name);

// What the views drew as text this frame, in drawing order: each text's box, the region it can be
// seen in (the clip rectangle), whether that region shows a scrollbar, and for a button whether its
// label fits. `window.palabre.drawn()` returns it, so that tests read the figures a screen shows,
// not the state it read (issue 14), and check that nothing is cut or overlapped (issue 15).
// `placed_by_people`: where people put it (a board's post-it), which may lie over another on purpose.
// The page also gets these texts as DOM text (web/mirror.js's content layer), in this order, with
// headings told by their size (`font_px`: the size drawn at; 0: the current font's), so that screen
// readers, find-in-page, translation and axe read what the canvas shows.
void drawn(std::string_view text, const ImVec2& min, const ImVec2& max, bool placed_by_people = false,
           float font_px = 0);
// The text of the ImGui item just submitted (TextUnformatted, Text…): its box is the item's.
void drawn_item(std::string_view text);

// Says `text` to screen readers (an ARIA live region): what sighted people see change — an activity
// starting, a countdown, a reveal, one's own answer accepted or refused.
void announce(std::string_view text);

// Called from JavaScript (web/mirror.js) when a DOM element was activated without a pointer.
void activate(std::string_view key);

}  // namespace palabre::app::mirror
