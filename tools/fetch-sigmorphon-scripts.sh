#!/usr/bin/env bash
# Fetches the SIGMORPHON organisers' scripts that Lexiform is checked against,
# into tools/.cache/sigmorphon/ (git-ignored; never commit them):
#
#   evalm.py          CoNLL–SIGMORPHON 2017 evaluation (Python 2 + numpy)
#   baseline2017.py   CoNLL–SIGMORPHON 2017 non-neural baseline (Python 2)
#   nonneural2023.py  SIGMORPHON 2020–2023 non-neural baseline (Python 3)
#   python2           a wrapper that runs a Python 2.7 interpreter with numpy
#
#   tools/fetch-sigmorphon-scripts.sh
#
# Files are taken at pinned commits of github.com/sigmorphon/conll2017 and
# github.com/sigmorphon/2023InflectionST. Without network access, put copies
# of those files there by hand under the names above. The Python 2 wrapper
# uses `python2` on PATH, or pyenv's 2.7 if installed; numpy is installed for
# it with pip --user when missing.
set -euo pipefail
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache="$tools/.cache/sigmorphon"
mkdir -p "$cache"

fetch() {  # fetch NAME URL
  local name=$1 url=$2
  if [[ -s $cache/$name ]]; then
    echo "fetch-sigmorphon-scripts: $name already present" >&2
    return
  fi
  echo "fetch-sigmorphon-scripts: $url" >&2
  curl -fsSL --retry 2 -o "$cache/$name.part" "$url" && mv "$cache/$name.part" "$cache/$name" || {
    rm -f "$cache/$name.part"
    echo "fetch-sigmorphon-scripts: could not download $name; copy it to $cache/$name by hand" >&2
  }
}

fetch evalm.py \
  https://raw.githubusercontent.com/sigmorphon/conll2017/cb4e592c99b61e9e23eea49a46e967c995abc5da/evaluation/evalm.py
fetch baseline2017.py \
  https://raw.githubusercontent.com/sigmorphon/conll2017/6f14d574897bd931094a1091d7cdbe4cc091cbae/baseline/baseline.py
fetch nonneural2023.py \
  https://raw.githubusercontent.com/sigmorphon/2023InflectionST/e84245cfc75d0a423391ebe111eaa7c873ea2daa/part1/baselines/nonneural.py

# A Python 2.7 for the 2017 scripts.
python2=""
if command -v python2 >/dev/null 2>&1 && python2 -c 'import sys; sys.exit(sys.version_info[0] != 2)' 2>/dev/null; then
  python2=$(command -v python2)
elif command -v pyenv >/dev/null 2>&1; then
  version=$(pyenv versions --bare 2>/dev/null | grep '^2\.7' | tail -1 || true)
  [[ -n $version ]] && python2="$(pyenv root)/versions/$version/bin/python"
fi
if [[ -z $python2 || ! -x $python2 ]]; then
  echo "fetch-sigmorphon-scripts: no Python 2.7 found; evalm.py and baseline2017.py will not run" >&2
  exit 0
fi
if ! "$python2" -c 'import numpy' 2>/dev/null; then
  "$python2" -m pip install --user --quiet 'numpy<1.17' >&2 || echo "fetch-sigmorphon-scripts: numpy missing for $python2" >&2
fi
printf '#!/bin/sh\nexec "%s" "$@"\n' "$python2" >"$cache/python2"
chmod +x "$cache/python2"
echo "fetch-sigmorphon-scripts: Python 2 is $python2" >&2
