#!/usr/bin/env bash
# Builds Lexiform (release) after installing what it needs, then runs
# `lexiform tour` on the samples in resources/samples. Arguments go to the tour.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
swift build -c release --product lexiform >&2
.build/release/lexiform tour "$@"
