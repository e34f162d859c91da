#pragma once
// Draws ImGui's draw data with WebGL2, in place of imgui_impl_opengl3 (issue 7, first frame): the
// app owns the whole context, so no GL state is read back, saved or restored (each read is a
// round trip to the GPU process that waits for all the work queued before it), shader status is
// checked after the first frame rather than waited for, and font atlases are uploaded as one
// channel of alpha instead of RGBA (a quarter of the bytes) unless they hold colour emoji
// (glyphs.hpp). Images (images.hpp) are RGBA textures the browser decodes and uploads itself.
#include "imgui.h"

namespace palabre::app::render {

// Compiles the program and makes the buffers; returns at once (the GPU process compiles meanwhile).
void init();
// Uploads `atlas`'s alpha (or its RGBA, when it has RGBA pixels) as a texture and sets its TexID,
// replacing the texture it had before.
// The atlas's CPU pixels are freed afterwards.
void upload_font_atlas(ImFontAtlas& atlas);
// Draws texture `texture` (an image the browser uploaded, images.hpp) as RGBA.
void adopt_rgba_texture(unsigned texture);
// Clears the framebuffer to `background` and draws `data` over it.
void draw(const ImDrawData& data, const ImVec4& background);

}  // namespace palabre::app::render
