#!/usr/bin/env bash
# Builds the one-folder bundle into dist/pmi-desk (Linux). Run after scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q "pyinstaller>=6.3"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build installer/pmi-desk.spec
