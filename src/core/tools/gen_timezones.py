#!/usr/bin/python3
"""Writes the time-zone tables from Debian's tzdata (build step; nothing here is committed).

usage: gen_timezones.py ZONEINFO_DIR RULES_CPP HISTORY_CPP

RULES_CPP: every zone name with its current rule, the POSIX TZ string at the end of its TZif file
(RFC 8536, "footer"). Linked by every engine: they all accept the same names.
HISTORY_CPP: for each zone, the offsets it really had since 1970 until its current rule took over
(Europe/Paris before 1996, America/Sao_Paulo until 2019). Linked only where reports are made.
"""
import datetime
import struct
import sys
from pathlib import Path
# CPython's own POSIX TZ evaluator (pure Python), used only to find where a zone's rule takes over.
from zoneinfo._zoneinfo import _parse_tz_str

EPOCH_1970 = 0
SKIP_DIRS = {"posix", "right"}


def read_tzif(data):
    """(transition times, offsets after each, offset at 1970, footer) from a TZif v2+ file."""
    if data[:4] != b"TZif" or data[4] < ord("2"):
        return None
    def header(at):
        return struct.unpack(">6l", data[at + 20:at + 44])
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = header(0)
    v1 = 44 + timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = header(v1)
    at = v1 + 44
    times = struct.unpack(f">{timecnt}q", data[at:at + timecnt * 8]); at += timecnt * 8
    indices = data[at:at + timecnt]; at += timecnt
    types = [struct.unpack(">lBB", data[at + i * 6:at + i * 6 + 6]) for i in range(typecnt)]
    at += typecnt * 6 + charcnt + leapcnt * 12 + isstdcnt + isutcnt
    footer = data[at:].strip(b"\n").decode("ascii")
    offsets = [types[i][0] for i in indices]
    # The offset before the first transition: the first non-DST type (RFC 8536 3.2).
    first = next((t[0] for t in types if not t[1]), types[0][0])
    return list(times), offsets, first, footer


def rule_offset(rule, ts):
    """The offset the footer's rule gives at `ts` (seconds): CPython's evaluator answers a
    (ttinfo, fold) pair for a rule with daylight saving, a ttinfo for a fixed one."""
    year = datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).year
    info = rule.get_trans_info_fromutc(ts, year) if hasattr(rule, "get_trans_info_fromutc") else rule
    if isinstance(info, tuple):
        info = info[0]
    return int(info.utcoff.total_seconds())


RULE_TRANSITIONS = {}
LAST_SECOND = 2**31 - 1  # the fat TZif files list transitions up to 2037


def rule_transitions(footer):
    """[(at, offset)]: every change of the footer's rule from 1970 to 2037 (weekly samples, then
    bisection: no rule changes twice in a week)."""
    if footer not in RULE_TRANSITIONS:
        rule = _parse_tz_str(footer)
        found = []
        previous_at, previous = EPOCH_1970, rule_offset(rule, EPOCH_1970)
        for at in range(EPOCH_1970 + 7 * 86400, LAST_SECOND, 7 * 86400):
            off = rule_offset(rule, at)
            if off != previous:
                lo, hi = previous_at, at
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    if rule_offset(rule, mid) == off:
                        hi = mid
                    else:
                        lo = mid
                found.append((hi, off))
            previous_at, previous = at, off
        RULE_TRANSITIONS[footer] = found
    return RULE_TRANSITIONS[footer]


def history(times, offsets, first, footer):
    """[(at, offset)]: the offset in force at 1970, then each transition since, up to where the
    footer's rule gives the same transitions to 2037 (the fat TZif files repeat them)."""
    before = first
    kept = []
    for t, off in zip(times, offsets):
        if t <= EPOCH_1970:
            before = off
        elif t <= LAST_SECOND:
            kept.append((t, off))
    if footer:
        rule = rule_transitions(footer)
        # The longest tail both lists share: from there on the rule says exactly what the file says.
        cut, r = len(kept), len(rule)
        while cut > 0 and r > 0 and kept[cut - 1] == rule[r - 1]:
            cut, r = cut - 1, r - 1
        if cut < len(kept):
            # The first shared transition stays, as the instant from which the rule holds: before it
            # the zone may have kept an older rule the current one does not know (Paris, autumn 1995).
            kept = kept[:cut + 1]
        elif kept:
            # Nothing shared (a zone that stopped changing its clocks, as São Paulo in 2019, or a
            # rule newer than the file's last years): the file's list holds to 2038.
            kept.append((LAST_SECOND, kept[-1][1]))
    return [(EPOCH_1970, before)] + kept


RECENT = 1704067200  # 2024-01-01: the rules table keeps what the rule gets wrong from here on


def offset_at(entries, at):
    """The offset a history gives at `at` (before its last entry's instant)."""
    current = entries[0][1]
    for t, off in entries:
        if t > at:
            break
        current = off
    return current


def recent(entries, footer):
    """[(at, offset)] from 2024 on when the zone's rule alone would be wrong then (Casablanca's
    Ramadan hours are listed, not ruled), else []: what every engine needs beside the rule."""
    changes = [(t, off) for t, off in entries[1:] if RECENT < t < LAST_SECOND]
    start = offset_at(entries, RECENT) if entries[-1][0] > RECENT else None
    if start is None:
        return []  # the rule holds from before 2024
    rule = _parse_tz_str(footer) if footer else None
    ruled = [(t, off) for t, off in rule_transitions(footer) if RECENT < t] if footer else []
    if rule is not None and rule_offset(rule, RECENT) == start and ruled[:len(changes)] == changes \
            and entries[-1][0] <= (ruled[len(changes)][0] if len(ruled) > len(changes) else LAST_SECOND):
        return []
    # The history's last entry ends the list (once: it may be the last change itself).
    return [(RECENT, start)] + changes + ([] if changes and changes[-1] == entries[-1] else [entries[-1]])


def zones(root):
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in SKIP_DIRS or not path.is_file() or path.name in ("posixrules", "localtime"):
            continue
        data = path.read_bytes()
        parsed = read_tzif(data)
        if parsed:
            yield str(rel), parsed


def step_lines(histories):
    """C++ rows of Steps for these histories, one after another, each step's instant given as
    seconds after the previous one's (the first's after 1970): small numbers, compact."""
    lines = []
    for entries in histories:
        previous = EPOCH_1970
        for at, off in entries:
            if not -2**31 <= at - previous < 2**31:
                sys.exit(f"gen_timezones.py: a step of {at - previous} s does not fit 32 bits")
            lines.append(f"    {{{at - previous}, {off}}},")
            previous = at
    return lines


def main():
    root, rules_cpp, history_cpp = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    rows = sorted(zones(root))
    if len(rows) < 300:
        sys.exit(f"gen_timezones.py: only {len(rows)} zones under {root}: is tzdata installed?")
    rules = sorted({footer for _, (_, _, _, footer) in rows})
    rule_index = {r: i for i, r in enumerate(rules)}
    histories = [tuple(history(*parsed)) for _, parsed in rows]

    # Every engine: names, rules, and the recent changes a rule does not say.
    recents, recent_spans = [], []
    for (name, parsed), entries in zip(rows, histories):
        extra = recent(list(entries), parsed[3])
        recent_spans.append((sum(len(r) for r in recents), len(extra)))
        if extra:
            recents.append(extra)
    # Names as one string with offsets, not a table of pointers: a third of the bytes in a browser.
    names_blob, name_at = "", []
    for name, _ in rows:
        name_at.append(len(names_blob))
        names_blob += name + "\0"  # one NUL, as in the C++ literal
    if len(names_blob) >= 2**16 or len(rules) >= 2**8:
        sys.exit("gen_timezones.py: the tables outgrew their index types")
    out = ["// Generated by src/core/tools/gen_timezones.py from tzdata at build time. Do not edit.",
           '#include "core/timezone_data.hpp"', "namespace palabre::core::tzdata {",
           "const char* const rules[] = {"]
    out += [f'    "{r}",' for r in rules]
    out += ["};", "const char zone_names[] ="]
    out += [f'    "{name}\\0"' for name, _ in rows]
    out += [";", "const std::uint16_t zone_name_at[] = {"]
    out += [f"    {', '.join(str(a) for a in name_at[i:i + 16])}," for i in range(0, len(name_at), 16)]
    out += ["};", "const std::uint8_t zone_rule[] = {"]
    rule_of = [rule_index[parsed[3]] for _, parsed in rows]
    out += [f"    {', '.join(str(r) for r in rule_of[i:i + 32])}," for i in range(0, len(rule_of), 32)]
    out += ["};", f"const std::size_t zone_count = {len(rows)};", "const Recent recents[] = {"]
    out += [f"    {{{i}, {{{first}, {count}}}}}," for i, (first, count) in enumerate(recent_spans) if count]
    out += ["};", f"const std::size_t recent_count = {sum(1 for _, c in recent_spans if c)};",
            "const Step recent_steps[] = {"]
    out += step_lines(recents) or ["    {0, 0},"]
    out += ["};", "}  // namespace palabre::core::tzdata", ""]
    Path(rules_cpp).write_text("\n".join(out))

    # Report makers: every zone's history since 1970; zones with the same history share its steps.
    unique, spans = {}, []
    for entries in histories:
        if entries not in unique:
            unique[entries] = sum(len(e) for e in unique)
        spans.append((unique[entries], len(entries)))
    out = ["// Generated by src/core/tools/gen_timezones.py from tzdata at build time. Do not edit.",
           '#include "core/timezone_history.hpp"', "namespace palabre::core::tzdata {",
           "const Step steps[] = {"]
    out += step_lines(unique)
    out += ["};", "const Span histories[] = {"]
    out += [f"    {{{first}, {count}}}," for first, count in spans]
    out += ["};", "}  // namespace palabre::core::tzdata", ""]
    Path(history_cpp).write_text("\n".join(out))


if __name__ == "__main__":
    main()
