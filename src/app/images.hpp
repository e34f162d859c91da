#pragma once
// The images activities show (issue 18): blobs the room stores, named by their SHA-256
// (core::is_image_ref), fetched from the relay (`/blob/<ROOM>/<ref>`, docs/protocol.md), from
// this browser's IndexedDB in a room without relay, or — in logs made before blobs — a data: URI.
// The browser decodes them (createImageBitmap) and uploads each once as a texture: no image
// decoder in the WebAssembly. An encrypted room's blobs are opened with the room key first.
// Loading is lazy and never waits: a view asks for an image when it draws it, the app loads it after
// the frame, and views draw it once it is there (a frame is requested then).
#include <string>

#include "imgui.h"

namespace palabre::app::images {

struct Texture {
  ImTextureID id = nullptr;
  float width = 0, height = 0;  // pixels of the decoded image
};

// Where blobs come from: the relay whose WebSocket is `relay_ws_url` (its HTTP side), or this
// browser (`local`), for room `room`. Forgets the images of another room.
void configure(const std::string& relay_ws_url, const std::string& room, bool local);
// The texture of `ref` once loaded, else nullptr (and notes it wanted the first time: views read
// this cache and call no JavaScript; the app loads what they wanted after the frame).
const Texture* find(const std::string& ref);
// Starts loading the images the frame's views asked for (the app, after drawing).
void load_wanted();
// The size `ref` takes fitted in max_w × max_h, keeping its proportions (16:9 while it loads).
ImVec2 fitted_size(const std::string& ref, float max_w, float max_h);
// Draws `ref` fitted and centred in a max_w × max_h box at the cursor and moves the cursor below the
// box (the same box before and after the picture arrives): a soft placeholder while it loads, a
// crossed frame if it cannot be had.
void draw(const std::string& ref, float max_w, float max_h);
// The same into a rectangle of a draw list (thumbnails inside buttons); no cursor move.
void draw_in(ImDrawList* draw_list, const std::string& ref, ImVec2 min, ImVec2 max);

// From the JavaScript loader (exports.cpp).
void on_ready(const char* ref, int texture, int width, int height);
void on_failed(const char* ref);

}  // namespace palabre::app::images
