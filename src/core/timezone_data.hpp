#pragma once
// The IANA zones' names and current rules, generated at build time from Debian's tzdata by
// src/core/tools/gen_timezones.py (never committed). Read through core/timezone.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/timezone.hpp"

namespace palabre::core::tzdata {

// A zone's changes, compactly: each instant as seconds after the previous one (the first's after 1970).
struct Step {
  std::int32_t after_s;
  std::int32_t offset_s;  // the offset from that instant on
};
struct Span {
  std::uint32_t first, count;  // steps[first .. first + count)
};

// Zone i is called zone_names + zone_name_at[i] ("Europe/Paris"; in strcmp order) and follows
// rules[zone_rule[i]] ("CET-1CEST,M3.5.0,M10.5.0/3", POSIX TZ).
extern const char zone_names[];
extern const std::uint16_t zone_name_at[];
extern const std::uint8_t zone_rule[];
extern const std::size_t zone_count;
extern const char* const rules[];

// The few zones with changes since 2024 that their rule does not say (Casablanca's Ramadan hours).
struct Recent {
  std::uint16_t zone;
  Span steps;  // in recent_steps
};
extern const Recent recents[];
extern const std::size_t recent_count;
extern const Step recent_steps[];

// The index of the zone called `name`, or -1.
int find_zone(std::string_view name);
// The transitions a span of steps stands for.
std::vector<Transition> transitions(const Step* steps, Span span);

}  // namespace palabre::core::tzdata
