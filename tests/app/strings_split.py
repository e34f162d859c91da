#!/usr/bin/python3
"""The participant's module leaves out the strings marked HOST() in src/app/strings.cpp (its entries
are empty there): fails when a view the participant's module draws says one of them, or when the
catalogue's entries no longer follow the enum. Run by ctest as app.strings_split with the source root."""
import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
app = root / "src" / "app"
enum = (app / "strings.hpp").read_text(encoding="utf-8")
enum = enum[enum.index("enum class S"):enum.index("count_")].split("{", 1)[1]
names = re.findall(r"\b([a-z][a-z0-9_]*)\b", re.sub(r"//[^\n]*", "", enum))

catalogue = (app / "strings.cpp").read_text(encoding="utf-8")
catalogue = catalogue[catalogue.index("catalogue = {{") + len("catalogue = {{"):]
catalogue = catalogue[:catalogue.index("}};")]
# Each entry: HOST( or {, up to its closing ) or } outside a string literal.
entries, depth, in_string, escaped, start, host = [], 0, False, False, 0, False
for i, ch in enumerate(catalogue):
    if in_string:
        escaped = ch == "\\" and not escaped
        if ch == '"' and not escaped:
            in_string = False
        continue
    if ch == '"':
        in_string = True
    elif ch in "{(":
        if depth == 0:
            host = catalogue.startswith("HOST", i - 4) and ch == "("
        depth += 1
    elif ch in "})":
        depth -= 1
        if depth == 0:
            entries.append(host)
if len(entries) != len(names):
    sys.exit(f"strings.cpp has {len(entries)} entries for {len(names)} names in S")

host_only_views = re.compile(r"/views/(host|console|kiosk|editor|editor_fields|editor_words|moderation|session_form)\.cpp$|/uploads\.cpp$")
problems = []
for path in sorted(list(app.rglob("*.cpp")) + list(app.rglob("*.hpp"))):
    if host_only_views.search(path.as_posix()) or path.name.startswith("strings."):
        continue
    text = path.read_text(encoding="utf-8")
    for name, host in zip(names, entries):
        if host and re.search(rf"\bS::{name}\b", text):
            problems.append(f"{path.relative_to(root)} says S::{name}, which is HOST() (empty in the participant's module)")
if problems:
    sys.exit("\n".join(problems))
print(f"{len(names)} strings, {sum(entries)} for the host only; no participant view says one")
