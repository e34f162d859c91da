// Item mirror, WebAssembly side: ImGui 1.86 test-engine hooks -> items -> web/mirror.js.
// [SECTION] JavaScript bridge  [SECTION] test-engine hooks  [SECTION] frame  [SECTION] widgets
#include <emscripten.h>

#include <algorithm>
#include <cstdarg>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "app/mirror.hpp"

#include <nlohmann/json.hpp>
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"

// [SECTION] JavaScript bridge (Module.palabreMirror lives in web/mirror.js)
EM_JS(void, js_mirror_publish, (const char* json), { Module.palabreMirror.publish(UTF8ToString(json)); });
EM_JS(char*, js_mirror_field_value, (const char* key), {
  const v = Module.palabreMirror.fieldValue(UTF8ToString(key));
  if (v === null || v === undefined) return 0;
  return stringToNewUTF8(v);
});
EM_JS(void, js_mirror_set_field, (const char* key, const char* value), {
  Module.palabreMirror.setFieldValue(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(void, js_mirror_content, (const char* json), { Module.palabreMirror.content(UTF8ToString(json)); });
EM_JS(void, js_mirror_announce, (const char* text), { Module.palabreMirror.announce(UTF8ToString(text)); });
EM_JS(void, js_mirror_next_frame, (), { setTimeout(() => { if (Module._palabre_wake) Module._palabre_wake(); }, 0); });
EM_JS(int, js_mirror_take_submit, (const char* key), { return Module.palabreMirror.takeSubmit(UTF8ToString(key)) ? 1 : 0; });
EM_JS(char*, js_mirror_focused_field, (), {
  const v = Module.palabreMirror.focusedField();
  if (!v) return 0;
  return stringToNewUTF8(v);
});

namespace palabre::app::mirror {
namespace {

std::optional<std::string> take_js_string(char* p) {
  if (!p) return std::nullopt;
  std::string s(p);
  std::free(p);
  return s;
}

struct PendingField { std::string placeholder; float font_px = 0, pad_x = 0; bool secret = false, multiline = false; };

struct Recorder {
  std::vector<Item> items;
  std::map<ImGuiID, std::size_t> index_by_id;
  ImGuiID last_add_id = 0;
  ImRect last_add_rect, last_add_clip;
  // What the views said about the next item (next_role, next_name, TextField), and what the item
  // just added took of it: bound at ItemAdd, so an item that is scrolled out (added, never shown)
  // takes them away with it instead of leaving them to the next one (a tab became a text field).
  std::string next_role, next_name;
  int next_state = -1, added_state = -1;
  std::optional<PendingField> next_field;
  std::string added_role, added_name;
  std::optional<PendingField> added_field;
  std::set<std::string, std::less<>> activations;  // keys activated from the DOM, not yet consumed
  std::map<std::string, std::string, std::less<>> field_synced;  // last value both sides agreed on
  std::string focused_field;
  std::string keyboard_focus;  // a DOM element just focused with the keyboard: brought to the middle
  bool scrolled = false;       // ... which asked for a scroll: ImGui applies it on the next frame
  // This frame's texts: [text, x, y, visible, w, h, [clip x0, y0, x1, y1], scrollbars, window, fits,
  // placed by people, a widget's own label, heading level (0: not a heading), controls drawn before].
  nlohmann::json drawn = nlohmann::json::array();
  std::string drawn_json;                          // the last finished frame's
};
Recorder recorder;

// Which scrollbars a person sees around the current window: 1 vertical, 2 horizontal (its own or
// an enclosing window's, which scrolls it as a whole).
int scrollbars_around(const ImGuiWindow* window) {
  int bars = 0;
  for (; window; window = (window->Flags & ImGuiWindowFlags_ChildWindow) ? window->ParentWindow : nullptr) {
    if (window->ScrollbarY) bars |= 1;
    if (window->ScrollbarX) bars |= 2;
  }
  return bars;
}

// A text's heading level, from how much larger than the body text it is drawn: 1 the display face
// (a kiosk's question, a big figure), 2 the heading face (a card's title), 0 body text.
int heading_level(float font_px) {
  const ImGuiIO& io = ImGui::GetIO();
  const float body_px = io.FontDefault ? io.FontDefault->FontSize * io.FontGlobalScale : 17.0f;
  if (font_px <= 0 || body_px <= 0) return 0;
  const float ratio = font_px / body_px;
  return ratio >= 2.0f ? 1 : ratio >= 1.3f ? 2 : 0;
}

void record_text(std::string_view text, const ImVec2& min, const ImVec2& max, bool fits, bool placed_by_people = false,
                 bool widget_label = false, float font_px = 0) {
  const std::string shown = strip_icons(text);
  if (shown.empty()) return;
  ImGuiWindow* window = GImGui->CurrentWindow;
  ImRect clip(0, 0, 1e9f, 1e9f);
  if (window) {
    // The draw list's clip: a view may clip a zone of its own (a board's column) inside the window.
    clip = ImRect(window->DrawList->GetClipRectMin(), window->DrawList->GetClipRectMax());
    clip.ClipWithFull(window->ClipRect);
  }
  const bool visible = min.y >= clip.Min.y - 1.0f && min.y < clip.Max.y && min.x < clip.Max.x;
  recorder.drawn.push_back(nlohmann::json::array(
      {shown, min.x, min.y, visible, max.x - min.x, max.y - min.y,
       nlohmann::json::array({clip.Min.x, clip.Min.y, clip.Max.x, clip.Max.y}), scrollbars_around(window),
       window ? window->Name : "", fits, placed_by_people, widget_label,
       heading_level(font_px > 0 ? font_px : GImGui->FontSize), recorder.items.size()}));
}

}  // namespace
}  // namespace palabre::app::mirror

namespace palabre::app::mirror {
namespace {
// A widget's visible label as drawn: centred in a button, after the box of a checkbox; `fits` says
// whether ImGui had to clip it (1.86 clips a label wider than its button without an ellipsis).
void record_label(ImGuiContext* ctx, const char* label, const ImRect& rect, ImGuiItemStatusFlags flags) {
  const char* end = ImGui::FindRenderedTextEnd(label);
  if (end == label) return;
  const ImGuiStyle& style = ctx->Style;
  const ImVec2 size = ImGui::CalcTextSize(label, end);
  ImVec2 at;
  bool fits = true;
  if (flags & (ImGuiItemStatusFlags_Checkable | ImGuiItemStatusFlags_Openable)) {
    at = ImVec2(rect.Max.x - size.x, rect.Min.y + (rect.GetHeight() - size.y) * 0.5f);
  } else {
    const float room = rect.GetWidth() - 2 * style.FramePadding.x;
    fits = size.x <= room + 1.0f;
    at = ImVec2(rect.Min.x + std::max(style.FramePadding.x, (rect.GetWidth() - size.x) * style.ButtonTextAlign.x),
                rect.Min.y + (rect.GetHeight() - size.y) * 0.5f);
  }
  record_text(std::string_view(label, static_cast<std::size_t>(end - label)), at,
              ImVec2(at.x + size.x, at.y + size.y), fits, false, true);
}
}  // namespace
}  // namespace palabre::app::mirror

// [SECTION] test-engine hooks (declared by imgui_internal.h when IMGUI_ENABLE_TEST_ENGINE is set)
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  auto& r = palabre::app::mirror::recorder;
  r.last_add_id = id;
  r.added_role = std::move(r.next_role);
  r.added_name = std::move(r.next_name);
  r.added_field = std::move(r.next_field);
  r.added_state = r.next_state;
  r.next_state = -1;
  r.next_role.clear();
  r.next_name.clear();
  r.next_field.reset();
  r.last_add_rect = bb;
  r.last_add_clip = ctx->CurrentWindow ? ctx->CurrentWindow->ClipRect : bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  using namespace palabre::app::mirror;
  auto& r = recorder;
  std::string role = std::move(r.added_role);
  r.added_role.clear();
  std::string name = std::move(r.added_name);
  r.added_name.clear();
  auto field = std::move(r.added_field);
  r.added_field.reset();
  const int state = r.added_state;
  r.added_state = -1;
  if (id == 0 || id != r.last_add_id || !label) return;
  if (!field && name.empty()) record_label(ctx, label, r.last_add_rect, flags);
  ImRect rect = r.last_add_rect;
  const float full_height = rect.GetHeight();
  rect.ClipWithFull(r.last_add_clip);
  if (rect.GetWidth() < 1.0f || rect.GetHeight() < 1.0f) return;  // scrolled out of sight
  // A DOM <input> cannot be cut by the scroll region like ImGui's drawing is: a text field is
  // mirrored only while it is (almost) entirely visible.
  if (field && rect.GetHeight() < full_height - 1.0f) return;
  Item item;
  const LabelParts parts = split_label(label);
  item.key = parts.key;
  item.label = name.empty() ? parts.label : name;
  if (!role.empty()) item.role = role;
  else if (flags & ImGuiItemStatusFlags_Checkable) item.role = "checkbox";
  else if (flags & ImGuiItemStatusFlags_Openable) item.role = "treeitem";
  else item.role = "button";
  item.x = rect.Min.x;
  item.y = rect.Min.y;
  item.w = rect.GetWidth();
  item.h = rect.GetHeight();
  item.focused = ctx->NavId == id && !ctx->NavDisableHighlight;
  item.disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  item.state = state >= 0 ? state : (flags & ImGuiItemStatusFlags_Checkable) ? ((flags & ImGuiItemStatusFlags_Checked) ? 1 : 0) : -1;
  if (field) {
    item.role = "textbox";
    item.placeholder = field->placeholder;
    item.font_px = field->font_px;
    item.pad_x = field->pad_x;
    item.secret = field->secret;
    item.multiline = field->multiline;
    item.focused = item.key == r.focused_field;
  }
  // Tabbing through the page reaches only the items on screen: the one just focused, when it is in
  // the lower half of its window, is scrolled up to a third of the way down (and one near the top,
  // down to two thirds), so that the items beyond it come into view and the next Tab (or Shift+Tab)
  // finds them: a 12-choice survey on a phone, by keyboard alone.
  if (!r.keyboard_focus.empty() && item.key == r.keyboard_focus && ctx->CurrentWindow) {
    r.keyboard_focus.clear();
    ImGuiWindow* window = ctx->CurrentWindow;
    const ImRect& inner = window->InnerClipRect;
    const float at = (r.last_add_rect.GetCenter().y - inner.Min.y) / std::max(1.0f, inner.GetHeight());
    if (at > 0.5f || at < 0.2f) {
      ImGui::SetScrollFromPosY(window, r.last_add_rect.GetCenter().y - window->Pos.y, at > 0.5f ? 0.33f : 0.66f);
      r.scrolled = true;
    }
  }
  if (auto it = r.index_by_id.find(id); it != r.index_by_id.end()) {
    r.items[it->second] = std::move(item);
  } else {
    r.index_by_id.emplace(id, r.items.size());
    r.items.push_back(std::move(item));
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace palabre::app::mirror {

// [SECTION] frame
void begin_frame() {
  recorder.drawn = nlohmann::json::array();
  recorder.items.clear();
  recorder.index_by_id.clear();
  recorder.last_add_id = 0;
  recorder.next_role.clear();
  recorder.next_name.clear();
  recorder.next_state = -1;
  recorder.added_state = -1;
  recorder.next_field.reset();
  recorder.added_role.clear();
  recorder.added_name.clear();
  recorder.added_field.reset();
  recorder.focused_field = take_js_string(js_mirror_focused_field()).value_or("");
  GImGui->TestEngineHookItems = true;
}

void drawn(std::string_view text, const ImVec2& min, const ImVec2& max, bool placed_by_people, float font_px) {
  record_text(text, min, max, true, placed_by_people, false, font_px);
}

void drawn_item(std::string_view text) {
  const ImRect& box = GImGui->LastItemData.Rect;
  record_text(text, box.Min, box.Max, true);
}

// What the page reads as text (web/mirror.js's content layer): every text in sight that is not a
// widget's own label (its DOM element already carries that name), as [text, x, y, w, h, level,
// anchor]: `anchor` is how many controls were drawn before it, so the page keeps texts and controls
// in one reading order.
std::string content_json(const nlohmann::json& drawn) {
  nlohmann::json content = nlohmann::json::array();
  for (const auto& d : drawn) {
    if (!d[3].get<bool>() || d[11].get<bool>()) continue;
    content.push_back(nlohmann::json::array({d[0], d[1], d[2], d[4], d[5], d[12], d[13]}));
  }
  return content.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void end_frame() {
  std::string drawn_json = recorder.drawn.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // The content changes with a live tally, not with a hover: worked out and sent only when what
  // was drawn changed (most frames of a board of 2,000 post-its draw the same texts).
  if (drawn_json != recorder.drawn_json) {
    recorder.drawn_json = std::move(drawn_json);
    static std::string published_content;
    if (std::string content = content_json(recorder.drawn); content != published_content) {
      published_content = std::move(content);
      js_mirror_content(published_content.c_str());
    }
  }
  recorder.activations.clear();  // an activation for an item no longer drawn is dropped
  if (recorder.scrolled) {
    recorder.scrolled = false;
    js_mirror_next_frame();
  }
  // Most frames (a hover, a live tally) move no item: the page's elements are touched only when
  // the list changed, which keeps a board of 2,000 post-its from re-laying out the DOM each frame.
  static std::string published;
  std::string json = items_json(recorder.items);
  if (json == published) return;
  published = std::move(json);
  js_mirror_publish(published.c_str());
}

const std::vector<Item>& items() { return recorder.items; }

void activate(std::string_view key) { recorder.activations.emplace(key); }

void next_role(const char* role) { recorder.next_role = role; }

void announce(std::string_view text) { js_mirror_announce(std::string(text).c_str()); }
void next_name(const char* name) { recorder.next_name = name; }
void next_state(bool on) { recorder.next_state = on ? 1 : 0; }

// [SECTION] widgets
bool TextField(const char* label, std::string& value, const TextFieldOptions& options) {
  const LabelParts parts = split_label(label);
  const std::string& key = parts.key;
  auto& synced = recorder.field_synced[key];
  if (auto dom = take_js_string(js_mirror_field_value(key.c_str()))) {
    if (*dom != synced) {
      value = std::move(*dom);  // the user typed: the DOM wins
      if (static_cast<int>(value.size()) > options.max_bytes) value.resize(static_cast<std::size_t>(options.max_bytes));
    } else if (value != synced) {
      js_mirror_set_field(key.c_str(), value.c_str());  // the program changed it (e.g. cleared on send)
    }
  } else {
    js_mirror_set_field(key.c_str(), value.c_str());  // the <input> is created with this value
  }
  synced = value;
  const bool submitted = js_mirror_take_submit(key.c_str()) != 0;

  const ImGuiStyle& style = ImGui::GetStyle();
  recorder.next_field = PendingField{options.placeholder, ImGui::GetFontSize(), style.FramePadding.x, options.secret, options.lines > 1};
  // The DOM <input> above draws the text, caret, selection and IME composition; ImGui draws only
  // the frame, so nothing is drawn twice.
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_TextSelectedBg, IM_COL32(0, 0, 0, 0));
  if (options.width > 0) ImGui::SetNextItemWidth(options.width);
  std::string shown = value;
  // No ImGui label beside the frame (views draw their own above it); the visible part of `label`
  // becomes the accessible name of the DOM <input>.
  recorder.next_name = parts.label;
  // Several lines: the same one-line frame made taller (the <textarea> above holds the lines).
  const float extra = options.lines > 1 ? (options.lines - 1) * ImGui::GetTextLineHeight() * 0.5f : 0.0f;
  if (extra > 0) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, style.FramePadding.y + extra));
  ImGui::InputText(("###" + key).c_str(), &shown, ImGuiInputTextFlags_ReadOnly);
  if (extra > 0) ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  if (key == recorder.focused_field) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::GetColorU32(ImGuiCol_NavHighlight),
                  style.FrameRounding, 0, 2.0f);
  }
  return submitted;
}

bool Button(const char* label, const ImVec2& size) {
  bool pressed = ImGui::Button(label, size);
  const LabelParts parts = split_label(label);
  if (auto it = recorder.activations.find(parts.key); it != recorder.activations.end()) {
    recorder.activations.erase(it);
    pressed = true;
  }
  return pressed;
}

}  // namespace palabre::app::mirror

extern "C" EMSCRIPTEN_KEEPALIVE const char* palabre_drawn_json() { return palabre::app::mirror::recorder.drawn_json.c_str(); }

extern "C" EMSCRIPTEN_KEEPALIVE void palabre_mirror_activate(const char* key) {
  palabre::app::mirror::activate(key ? key : "");
}

extern "C" EMSCRIPTEN_KEEPALIVE void palabre_mirror_keyboard_focus(const char* key) {
  palabre::app::mirror::recorder.keyboard_focus = key ? key : "";
}
