# Prints an HTML report to PDF with headless Chromium and checks the PDF: header, page count.
# -DCHROMIUM=... -DHTML=... -DPDF=... -DPROFILE=dir -DMIN_PAGES=N
file(REMOVE "${PDF}")
file(REMOVE_RECURSE "${PROFILE}")
execute_process(
  COMMAND "${CHROMIUM}" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
          --disable-component-update --disable-sync "--user-data-dir=${PROFILE}" --no-pdf-header-footer
          "--print-to-pdf=${PDF}" "file://${HTML}"
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 180)
if(NOT EXISTS "${PDF}")
  message(FATAL_ERROR "chromium wrote no PDF (exit ${rc}): ${err}")
endif()
file(READ "${PDF}" magic LIMIT 5 HEX)
if(NOT magic STREQUAL "255044462d")  # "%PDF-"
  message(FATAL_ERROR "${PDF} is not a PDF")
endif()
file(STRINGS "${PDF}" pages REGEX "/Type */Page([^s]|$)")
list(LENGTH pages page_count)
if(page_count LESS MIN_PAGES)
  message(FATAL_ERROR "${PDF} has ${page_count} pages, expected at least ${MIN_PAGES}")
endif()
message(STATUS "${PDF}: ${page_count} pages")
