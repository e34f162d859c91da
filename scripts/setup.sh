#!/usr/bin/env bash
# Installs everything Palabre needs to build, run and test on Debian 12. Idempotent: a second run
# only checks and takes seconds. Fails with a clear message when something cannot be had.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
third_party="$root/third_party"
mkdir -p "$third_party"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and sudo is missing: run as root or install sudo"
  sudo_cmd=(sudo)
fi

# --- Debian packages --------------------------------------------------------------------------
packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev ca-certificates curl xz-utils libcli11-dev
  libboost-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev libssl-dev
  emscripten nodejs
  # The pages' loaders are minified once more after the link (src/app/tools/minify_js.cjs).
  node-terser
  # Time-zone tables are generated from its zones at build time (src/core/tools/gen_timezones.py).
  tzdata
  fonts-noto-core fonts-font-awesome python3-fonttools python3-brotli
  # The browser's own fonts for what the app does not embed (src/app/glyphs.hpp; e2e.glyphs):
  # a phone has them, a headless chromium here needs them.
  fonts-noto-color-emoji fonts-noto-cjk
  chromium redis-server libhiredis-dev
  clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq || die "apt-get update failed (network or sources?)"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "could not install: ${missing[*]} — check apt sources and network"
else
  say "Debian packages: all present"
fi

# --- deb-src entry, needed by apt-get source ----------------------------------------------------
need_src() { [ -d "$1" ] && [ -n "$(ls -A "$1" 2>/dev/null)" ] && return 1 || return 0; }
ensure_deb_src() {
  if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/ ; then
    say "adding a deb-src entry for Debian bookworm"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      | "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/palabre-src.sources >/dev/null
    "${sudo_cmd[@]}" apt-get update -qq || die "apt-get update failed after adding deb-src"
  fi
}

# --- Dear ImGui 1.86 from Debian's source package ----------------------------------------------
if [ ! -f "$third_party/imgui/backends/imgui_impl_opengl3.cpp" ]; then
  ensure_deb_src
  say "fetching Dear ImGui sources (apt-get source imgui)"
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only imgui) || die "apt-get source imgui failed"
  orig=$(ls "$tmp"/imgui_*.orig.tar.* | head -1)
  [ -n "$orig" ] || die "no imgui orig tarball downloaded"
  mkdir -p "$tmp/x" && tar -xf "$orig" -C "$tmp/x"
  src=$(dirname "$(find "$tmp/x" -name imgui.cpp | head -1)")
  grep -q 'IMGUI_VERSION *"1.86' "$src/imgui.h" || die "imgui source is not version 1.86"
  rm -rf "$third_party/imgui" && mkdir -p "$third_party/imgui"
  cp "$src"/*.cpp "$src"/*.h "$third_party/imgui/"
  mkdir -p "$third_party/imgui/backends" "$third_party/imgui/misc"
  cp "$src"/backends/imgui_impl_opengl3* "$third_party/imgui/backends/"
  cp "$src"/misc/cpp/imgui_stdlib.* "$third_party/imgui/misc/"
  rm -rf "$tmp"
fi
say "Dear ImGui: $(grep -o 'IMGUI_VERSION *"[^"]*"' "$third_party/imgui/imgui.h")"

# --- qrcodegen 1.8.0: the orig tarball of Debian's qr-code-generator, checked against its .dsc ----
if [ ! -f "$third_party/qrcodegen/qrcodegen.cpp" ]; then
  ensure_deb_src
  say "fetching qrcodegen (qr-code-generator orig tarball)"
  tmp=$(mktemp -d)
  uris=$(apt-get source --print-uris -qq qr-code-generator 2>/dev/null) || die "apt-get source --print-uris qr-code-generator failed"
  dsc_url=$(echo "$uris" | grep -o "'[^']*\.dsc'" | tr -d "'" | head -1)
  orig_line=$(echo "$uris" | grep "orig.tar" | head -1)
  orig_url=$(echo "$orig_line" | grep -o "'[^']*'" | tr -d "'")
  orig_name=$(echo "$orig_line" | awk '{print $2}')
  [ -n "$dsc_url" ] && [ -n "$orig_url" ] || die "could not find qr-code-generator source URLs"
  curl -fsSL "$dsc_url" -o "$tmp/p.dsc" || die "download failed: $dsc_url"
  curl -fsSL "$orig_url" -o "$tmp/$orig_name" || die "download failed: $orig_url"
  want=$(awk '/^Checksums-Sha256:/{f=1;next} /^[^ ]/{f=0} f' "$tmp/p.dsc" | grep " $orig_name\$" | awk '{print $1}')
  have=$(sha256sum "$tmp/$orig_name" | awk '{print $1}')
  [ -n "$want" ] && [ "$want" = "$have" ] || die "qrcodegen tarball checksum mismatch ($have vs $want)"
  mkdir -p "$tmp/x" && tar -xf "$tmp/$orig_name" -C "$tmp/x"
  src=$(dirname "$(find "$tmp/x" -path '*cpp/qrcodegen.cpp' | head -1)")
  rm -rf "$third_party/qrcodegen" && mkdir -p "$third_party/qrcodegen"
  cp "$src/qrcodegen.cpp" "$src/qrcodegen.hpp" "$third_party/qrcodegen/"
  rm -rf "$tmp"
fi
say "qrcodegen: present"

# --- nlohmann include dir usable by emscripten (never /usr/include itself) ----------------------
mkdir -p "$third_party/include"
[ -e "$third_party/include/nlohmann" ] || ln -s /usr/include/nlohmann "$third_party/include/nlohmann"

# --- npm packages for the browser tests --------------------------------------------------------
if [ ! -d "$root/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$root/tests/e2e/node_modules/axe-core" ]; then
  say "installing npm packages (tests/e2e)"
  (cd "$root/tests/e2e" && npm install --no-audit --no-fund --silent) || die "npm install in tests/e2e failed"
fi
say "playwright-core: $(node -p "require('$root/tests/e2e/node_modules/playwright-core/package.json').version"), axe-core: $(node -p "require('$root/tests/e2e/node_modules/axe-core/package.json').version")"

# --- npm packages the web app loads on demand (pdf.js for the host's PDF import) ---------------
vendor="$third_party/web-vendor"
if [ ! -f "$vendor/node_modules/pdfjs-dist/build/pdf.min.mjs" ] || ! cmp -s "$root/web/vendor/package.json" "$vendor/package.json"; then
  say "installing npm packages (web/vendor)"
  mkdir -p "$vendor" && cp "$root/web/vendor/package.json" "$vendor/package.json"
  (cd "$vendor" && npm install --no-audit --no-fund --silent) || die "npm install in third_party/web-vendor failed"
fi
say "pdfjs-dist: $(node -p "require('$vendor/node_modules/pdfjs-dist/package.json').version")"

say "ready"
