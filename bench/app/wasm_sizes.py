#!/usr/bin/python3
"""Where the bytes of a wasm module go: section sizes, and code size per area (namespace or library)
from the symbol map emscripten writes with --emit-symbol-map (MODULE.wasm -> ../symbols/MODULE.js.symbols).

usage: wasm_sizes.py MODULE.wasm [more.wasm ...]
Each figure is raw bytes and the size of that part alone through gzip -9 (parts compress together a
little better than apart, so the gzipped column is an upper bound per part).
"""
import re
import subprocess
import sys
import zlib
from collections import defaultdict
from pathlib import Path

SECTION_NAMES = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
                 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

# First match wins, on the function's own qualified name (its return type dropped): what each part
# of the code is, for people deciding what to cut. Template instances count where they are declared
# (std::sort<core lambda> is libc++), inlined code where it was inlined into.
AREAS = [
    ("report (src/report)", r"^palabre::report::"),
    ("core engine (src/core)", r"^palabre::core::"),
    ("app views (src/app/views)", r"^palabre::app::views::"),
    ("app no-relay mode", r"^palabre::app::(LocalRelay|local_|\(anonymous namespace\)::(deliver|send|keep|create|connect)_local)|^palabre::relay::"),
    ("app (main, client, mirror, platform, ui)", r"^palabre::app::|^palabre_|^main$"),
    ("Dear ImGui (+ stb_truetype)", r"^(Im|stb|ImGui)"),
    ("std::visit bodies (core events: apply, codec)", r"^std::__2::__variant_detail::"),
    ("nlohmann::json", r"^nlohmann::|nlohmann::.*serializer"),
    ("qrcodegen", r"^qrcodegen"),
    ("libc++ (std::)", r"^std::"),
]


def leb(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, pos


def sections(data):
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, body = leb(data, pos + 1)
        yield sid, data[body:body + size]
        pos = body + size


def function_bodies(code):
    count, pos = leb(code, 0)
    for _ in range(count):
        size, start = leb(code, pos)
        yield code[start:start + size]
        pos = start + size


def gz(data):
    return len(zlib.compress(bytes(data), 9))


def report(path):
    path = Path(path)
    data = path.read_bytes()
    print(f"\n{path}: {len(data):,} bytes, gzip -9 {gz(data):,}")
    code = None
    print(f"  {'section':<12}{'raw':>12}{'gzip':>10}")
    for sid, body in sections(data):
        name = SECTION_NAMES.get(sid, str(sid))
        if sid == 10:
            code = body
        print(f"  {name:<12}{len(body):>12,}{gz(body):>10,}")
    # build/wasm/symbols/MODULE.js.symbols (moved out of web/ after the link), or beside the module.
    symbols_name = path.name[:-len(".wasm")] + ".js.symbols"
    symbols_path = path.parent.parent / "symbols" / symbols_name
    if not symbols_path.exists():
        symbols_path = path.with_name(symbols_name)
    if code is None or not symbols_path.exists():
        print("  (no symbol map: link with --emit-symbol-map for the per-area split)")
        return
    names = {}
    for line in symbols_path.read_text().splitlines():
        index, _, name = line.partition(":")
        if index.isdigit():
            names[int(index)] = name
    bodies = list(function_bodies(code))
    # The symbol map numbers imports first; code bodies are the defined functions after them.
    first_defined = max(0, (max(names) + 1 if names else 0) - len(bodies))
    mangled = [names.get(first_defined + i, f"f{first_defined + i}") for i in range(len(bodies))]
    # The map escapes bytes as \\XX (hex): "palabre::app::\\28anonymous\\20namespace\\29".
    unescape = lambda n: re.sub(r"\\([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), n)
    demangled = subprocess.run(["llvm-cxxfilt"], input="\n".join(mangled), capture_output=True, text=True,
                               check=False).stdout.splitlines() or mangled
    demangled = [unescape(n) for n in demangled]
    per_area = defaultdict(list)
    for name, body in zip(demangled, bodies):
        name = re.sub(r"^byn\$mgfn-shared\$", "", name)  # binaryen's merged copies
        name = re.sub(r"^(void|bool|int|unsigned int|float|double|decltype\(auto\)|auto|char|long)\s+", "", name)
        area = next((label for label, pattern in AREAS if re.search(pattern, name)), "libc, malloc, other")
        per_area[area].append(body)
    print(f"  {'code by area':<46}{'raw':>10}{'gzip':>10}{'functions':>11}")
    for area, parts in sorted(per_area.items(), key=lambda kv: -sum(len(b) for b in kv[1])):
        raw = sum(len(b) for b in parts)
        print(f"  {area:<46}{raw:>10,}{gz(b''.join(parts)):>10,}{len(parts):>11,}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for module in sys.argv[1:]:
        report(module)
