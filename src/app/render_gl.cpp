#include "app/render_gl.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdint>
#include <vector>

EM_JS(void, js_gl_error, (const char* what, const char* log), {
  console.error('palabre: ' + UTF8ToString(what) + ': ' + UTF8ToString(log));
});

namespace palabre::app::render {
namespace {

static_assert(sizeof(ImDrawIdx) == 4, "32-bit indices (cmake/Dependencies.cmake): ES3 has no base vertex");

// The colour comes from the vertex, the coverage from the atlas's one channel; an atlas holding
// colour emoji is RGBA (white where a glyph is plain coverage) and multiplies the vertex colour,
// which ImGui makes white for a colour glyph.
const char* const vertex_source =
    "#version 300 es\n"
    "precision highp float;\n"
    "layout (location = 0) in vec2 Position;\n"
    "layout (location = 1) in vec2 UV;\n"
    "layout (location = 2) in vec4 Color;\n"
    "uniform mat4 ProjMtx;\n"
    "out vec2 Frag_UV;\n"
    "out vec4 Frag_Color;\n"
    "void main() {\n"
    "  Frag_UV = UV;\n"
    "  Frag_Color = Color;\n"
    "  gl_Position = ProjMtx * vec4(Position.xy, 0, 1);\n"
    "}\n";
const char* const fragment_source =
    "#version 300 es\n"
    "precision mediump float;\n"
    "uniform sampler2D Texture;\n"
    "in vec2 Frag_UV;\n"
    "in vec4 Frag_Color;\n"
    "uniform bool Rgba;\n"
    "layout (location = 0) out vec4 Out_Color;\n"
    "void main() {\n"
    "  vec4 t = texture(Texture, Frag_UV);\n"
    "  Out_Color = Rgba ? Frag_Color * t : vec4(Frag_Color.rgb, Frag_Color.a * t.r);\n"
    "}\n";

GLuint program = 0, vertex_shader = 0, fragment_shader = 0;
GLuint vao = 0, vbo = 0, ebo = 0;
GLint proj_location = -1, rgba_location = -1;
std::vector<GLuint> rgba_textures;  // atlases uploaded as RGBA (with colour glyphs)

bool is_rgba(GLuint texture) { return std::find(rgba_textures.begin(), rgba_textures.end(), texture) != rgba_textures.end(); }

GLuint compile(GLenum kind, const char* source) {
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

// Reading a status waits for the compile and link: done once the first frame is on its way.
void check_program(void*) {
  GLint linked = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &linked);
  if (linked) return;
  char log[1024] = {};
  glGetShaderInfoLog(vertex_shader, sizeof log, nullptr, log);
  js_gl_error("vertex shader", log);
  glGetShaderInfoLog(fragment_shader, sizeof log, nullptr, log);
  js_gl_error("fragment shader", log);
  glGetProgramInfoLog(program, sizeof log, nullptr, log);
  js_gl_error("program", log);
}

}  // namespace

void init() {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "palabre_webgl2";  // no ImGuiBackendFlags_RendererHasVtxOffset: 32-bit indices
  vertex_shader = compile(GL_VERTEX_SHADER, vertex_source);
  fragment_shader = compile(GL_FRAGMENT_SHADER, fragment_source);
  program = glCreateProgram();
  glAttachShader(program, vertex_shader);
  glAttachShader(program, fragment_shader);
  glLinkProgram(program);
  proj_location = glGetUniformLocation(program, "ProjMtx");
  rgba_location = glGetUniformLocation(program, "Rgba");
  glUseProgram(program);
  glUniform1i(glGetUniformLocation(program, "Texture"), 0);

  glGenVertexArrays(1, &vao);
  glGenBuffers(1, &vbo);
  glGenBuffers(1, &ebo);
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);  // kept by the vertex array
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, col)));

  // The only state ImGui needs, set once: nothing else draws into this context.
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glActiveTexture(GL_TEXTURE0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  emscripten_set_timeout(check_program, 1000, nullptr);
}

void adopt_rgba_texture(unsigned texture) {
  if (!is_rgba(texture)) rgba_textures.push_back(texture);
}

void upload_font_atlas(ImFontAtlas& atlas) {
  // RGBA only when glyphs::build_atlas made it so (colour emoji): a quarter of the bytes otherwise.
  // The pixels are read as they are: GetTexData* would link ImFontAtlas::Build (see build_atlas).
  const bool rgba = atlas.TexPixelsRGBA32 != nullptr;
  unsigned char* pixels = rgba ? reinterpret_cast<unsigned char*>(atlas.TexPixelsRGBA32) : atlas.TexPixelsAlpha8;
  const int width = atlas.TexWidth, height = atlas.TexHeight;
  GLuint texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(atlas.TexID));
  if (texture) {
    glDeleteTextures(1, &texture);
    rgba_textures.erase(std::remove(rgba_textures.begin(), rgba_textures.end(), texture), rgba_textures.end());
  }
  glGenTextures(1, &texture);
  if (rgba) rgba_textures.push_back(texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  if (rgba) glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  else glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)));
  atlas.ClearTexData();
}

void draw(const ImDrawData& data, const ImVec4& background) {
  const int fb_width = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
  const int fb_height = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
  if (fb_width <= 0 || fb_height <= 0) return;
  glViewport(0, 0, fb_width, fb_height);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);

  const float l = data.DisplayPos.x, r = data.DisplayPos.x + data.DisplaySize.x;
  const float t = data.DisplayPos.y, b = data.DisplayPos.y + data.DisplaySize.y;
  const float projection[4][4] = {
      {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
      {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
      {0.0f, 0.0f, -1.0f, 0.0f},
      {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
  };
  glUseProgram(program);
  glUniformMatrix4fv(proj_location, 1, GL_FALSE, &projection[0][0]);
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);

  const ImVec2 offset = data.DisplayPos, scale = data.FramebufferScale;
  ImTextureID bound = nullptr;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList* list = data.CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert), list->VtxBuffer.Data,
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const ImVec2 min((cmd.ClipRect.x - offset.x) * scale.x, (cmd.ClipRect.y - offset.y) * scale.y);
      const ImVec2 max((cmd.ClipRect.z - offset.x) * scale.x, (cmd.ClipRect.w - offset.y) * scale.y);
      if (max.x <= min.x || max.y <= min.y) continue;
      glScissor(static_cast<int>(min.x), static_cast<int>(fb_height - max.y), static_cast<int>(max.x - min.x),
                static_cast<int>(max.y - min.y));
      if (cmd.GetTexID() != bound) {
        bound = cmd.GetTexID();
        const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(bound));
        glBindTexture(GL_TEXTURE_2D, texture);
        glUniform1i(rgba_location, is_rgba(texture) ? 1 : 0);
      }
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
}

}  // namespace palabre::app::render
