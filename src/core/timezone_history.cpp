#include "core/timezone_history.hpp"

namespace palabre::core {

TimeZone with_history(TimeZone zone) {
  if (const int index = tzdata::find_zone(zone.name); index >= 0)
    zone.history = tzdata::transitions(tzdata::steps, tzdata::histories[index]);
  return zone;
}

}  // namespace palabre::core
