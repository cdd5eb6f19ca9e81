#!/usr/bin/env bash
# Collect every tr() string of app/views into the Indonesian .ts (keeping existing translations),
# then compile it to the .qm that ships. Translate new strings (Qt Linguist: .venv/bin/pyside6-linguist)
# with the words of ../shared/reference/glossary.md, then run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
ts=resources/i18n/pmi_desk_id.ts
mapfile -t sources < <(find app/views -name '*.py' | LC_ALL=C sort)
"$bin/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language id \
  "${sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm resources/i18n/pmi_desk_id.qm
