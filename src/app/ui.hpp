#pragma once
// Small widgets on top of ImGui that give Palabre its look: cards, primary/secondary buttons,
// status pills, avatars, a QR code. Buttons go through the mirror so the DOM layer can reach them.
#include <string>
#include <string_view>

#include "imgui.h"

namespace palabre::app::ui {

// A white rounded card around whatever is drawn between begin and end; `width` in CSS px.
void begin_card(float width, float padding = -1, ImU32 fill = 0);
void end_card();

// Full-width (width < 0 = available) buttons; height follows the type scale (thumb-sized).
bool primary_button(const char* label, float width = -1, bool enabled = true);
bool secondary_button(const char* label, float width = -1, bool enabled = true);
// One of a row of tabs (role "tab" in the mirror): filled when `on`.
bool tab_button(const char* label, bool on, float width, float height);
// A quiet text-only button (e.g. "Hide" in a list).
bool link_button(const char* label);

// Every text a view shows goes through these (or ImGui widgets' labels): each is recorded for the
// mirror's drawn() list, which the screen-truth and layout checks read.
// One unwrapped line (ImGui::TextUnformatted) in `colour` (0: the style's).
void text(std::string_view text, ImU32 colour = 0);
void text_muted(std::string_view text);
void text_wrapped(std::string_view text, ImU32 colour = 0);
// Text with the given font, optionally centred in the available width.
void text_in(ImFont* font, std::string_view text, ImU32 colour = 0, bool centred = false);
// `text` as it fits in `max_width` px with the current font: whole, or cut at a character and
// ended with "…" (views show the full text elsewhere: a tooltip, the mirror's name).
std::string ellipsize(std::string_view text, float max_width);
// Draws `text` on a draw list at `pos` (wrapped at `wrap_width` when > 0) and returns its size.
ImVec2 draw_text(ImDrawList* draw, ImFont* font, float size, ImVec2 pos, ImU32 colour, std::string_view text,
                 float wrap_width = 0.0f, bool placed_by_people = false);
// A page's rich text (core/rich_text.hpp) wrapped at `width`, its fonts scaled by `scale`: drawn at
// the cursor (which moves below it) when `draw`, else only measured. Returns its height.
float rich_text(std::string_view text, float width, ImU32 colour, float scale = 1.0f, bool draw = true);
// A rounded label with a dot: "● En ligne".
void pill(std::string_view text, ImU32 colour, ImU32 background);
float pill_width(std::string_view text);
// A coloured disc with the initials of `name` (colour picked from the name, stable).
void avatar(std::string_view name, float size);
ImU32 name_colour(std::string_view name);
// Draws the QR code of `text` as a square of `size` CSS px on a white background.
void qr_code(std::string_view text, float size);
// A value that eases toward `target` over ~0.4 s (result bars, counters). `id` names the value.
float animate(ImGuiID id, float target);
// True when some animated value is still moving this frame (the app then asks for another frame).
bool animations_running();
void reset_animation_flag();
// A horizontal result bar: label above, bar filled to `fraction` (0..1), "42 %  (12)" at the right.
void result_bar(std::string_view label, float fraction, std::string_view figure, ImU32 colour, float width,
                bool large = false);
// Stars 1..scale, `filled` of them (fractional for averages).
void stars(float filled, int scale, float size, ImU32 colour);

// A centred column at most `max_width` wide for the widgets up to its end_column() (the landing,
// create and name cards, notices): `width` is its width.
struct Column { float width = 0, left = 0; };
Column begin_column(float max_width);
void end_column(const Column& column);
// Width left on the current line: inside a card, up to the card's inner edge.
float avail_width();
// Indents by exactly `px` (ImGui::Indent(0) would indent by the style's default).
void indent(float px);
void unindent(float px);
// Vertical space in CSS px.
void gap(float px);

}  // namespace palabre::app::ui
