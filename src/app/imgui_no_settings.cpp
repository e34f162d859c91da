// Dear ImGui's .ini readers (window and table settings) are its only calls to sscanf, and the app
// never loads settings (main.cpp: io.IniFilename = nullptr; nothing calls LoadIniSettingsFrom*).
// cmake/Dependencies.cmake renames their sscanf to this one, which matches nothing, so libc's
// scanf family (4.5 KB of wasm, 2.6 KB gzipped with the readers) stays out of both modules.
#include <cstdarg>

extern "C" int palabre_imgui_settings_sscanf(const char*, const char*, ...) { return 0; }
