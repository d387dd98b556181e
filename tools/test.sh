#!/usr/bin/env bash
# Runs Lexiform's tests, after installing what they need. Arguments go to
# `swift test` (e.g. `tools/test.sh --filter LexiformXMLTests`).
# Tests that read ../shared/data skip, saying so, where that folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
swift test "$@"
