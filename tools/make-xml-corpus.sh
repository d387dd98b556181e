#!/usr/bin/env bash
# Build a large XML corpus from a lexicon by repeating its entries.
#
#   tools/make-xml-corpus.sh OUT SIZE_MB SOURCE.xml
#
# OUT gets SOURCE's prolog, header and root, its entries (TEI <entry> in
# <body>, Apertium .dix <e> in <section>, LIFT <entry>) repeated until OUT has
# at least SIZE_MB megabytes (1 MB = 1,000,000 bytes), and SOURCE's closing
# tags. The result is checked to be well-formed (xmllint --stream, or expat
# when xmllint is missing) before it is moved into place, so a half-written or
# broken OUT is never left behind. See tools/bench/xml_corpus.py.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 OUT SIZE_MB SOURCE.xml" >&2
  exit 2
fi
out=$1 size_mb=$2 source=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ ! -r $source ]]; then
  echo "make-xml-corpus: cannot read $source" >&2
  exit 1
fi
if ! [[ $size_mb =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  echo "make-xml-corpus: SIZE_MB must be a number, not '$size_mb'" >&2
  exit 2
fi

mkdir -p "$(dirname "$out")"
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT

python3 "$here/bench/xml_corpus.py" "$tmp" "$size_mb" "$source"

if command -v xmllint >/dev/null 2>&1; then
  xmllint --stream --noout "$tmp"
else
  python3 -c '
import sys, xml.parsers.expat
parser = xml.parsers.expat.ParserCreate()
with open(sys.argv[1], "rb") as handle:
    parser.ParseFile(handle)
' "$tmp"
fi

mv -f "$tmp" "$out"
trap - EXIT
