#!/usr/bin/env bash
# Lexiform's benchmark harness.
#
#   tools/benchmark.sh [--runs N] [BENCH...]      (default: --runs 5, all benches)
#
# Benches:
#   xml   read a ~100 MB FreeDict TEI file and a ~100 MB Apertium .dix with
#         Lexiform's XML reader (.build/release/lexiform-benchmark xml FILE),
#         with Python lxml iterparse (tools/bench/xml_lxml.py) and with a plain
#         C libxml2 xmlTextReader loop (tools/bench/xml_floor.c, the floor).
#
# Sets up what it needs (runs tools/setup.sh if present, then makes sure of
# gcc, pkg-config, libxml2's headers, python3 and xmllint, installed with
# apt-get when missing and run as root), a venv with lxml in tools/.venv, a
# release build of lexiform-benchmark, the C floor and the corpora in
# tools/.bench/ (kept between runs). Each command runs
# once to warm up, then N times; medians, MB/s, peak RSS and time ratios are
# printed as a table on stdout and written to the bench's section of
# BENCHMARKS.md (other sections are left alone). Fails if the tools do not
# print the same elements= and attributes= counts. Progress goes to stderr.
#
# Environment:
#   LEXIFORM_XML_CMD   command run instead of the Lexiform one, FILE appended
#                      (for testing this script; skips the Swift build, and the
#                      table marks the row as overridden)
#   XML_CORPUS_MB      corpus size in MB (default 100)
#   BENCHMARKS_MD      file to write instead of BENCHMARKS.md in the repo root
#                      (with LEXIFORM_XML_CMD, nothing is written without it)
#   LEXIFORM_SHARED    the shared/ folder (default: ../shared beside the repo)
set -euo pipefail

tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$tools/.." && pwd)
work="$tools/.bench"
venv="$tools/.venv"
shared=${LEXIFORM_SHARED:-$repo/../shared}
[[ -d $shared ]] && shared=$(cd "$shared" && pwd)
corpus_mb=${XML_CORPUS_MB:-100}
markdown=${BENCHMARKS_MD:-$repo/BENCHMARKS.md}
if [[ -n ${LEXIFORM_XML_CMD:-} && -z ${BENCHMARKS_MD:-} ]]; then
  markdown=""  # an overridden run never lands in the repo's BENCHMARKS.md
fi
all_benches=(xml)
# Further benches live in tools/bench/NAME.bench.sh, each defining bench_NAME;
# they may use log, die, time_tool, repeat_command, $runs, $repo, $tools, $work, $venv,
# $shared and $markdown from this script.
for extra in "$tools"/bench/*.bench.sh; do
  [[ -e $extra ]] || continue
  # shellcheck source=/dev/null
  source "$extra"
  all_benches+=("$(basename "$extra" .bench.sh)")
done

log() { printf '%s\n' "benchmark: $*" >&2; }
die() { printf '%s\n' "benchmark: error: $*" >&2; exit 1; }
# time_tool RESULTS TOOL LABEL INPUT CMD...: times CMD with timeit.py ($runs
# runs after one warm-up) and appends its JSON line, tagged with the input,
# tool and label, to RESULTS (for tools/bench/section_report.py).
time_tool() {
  local results=$1 tool=$2 label=$3 input=$4
  shift 4
  log "$(basename "$input"): $tool"
  python3 "$tools/bench/timeit.py" --runs "$runs" --warmup 1 \
    --meta "input=$input" --meta "tool=$tool" --meta "label=$label" -- "$@" >>"$results" ||
    die "$tool failed on $input"
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
}

runs=5
benches=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) [[ $# -ge 2 ]] || die "--runs needs a number"; runs=$2; shift 2 ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage; die "unknown option $1" ;;
    *) benches+=("$1"); shift ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, not '$runs'"
[[ ${#benches[@]} -gt 0 ]] || benches=("${all_benches[@]}")
# How to repeat a bench's run, as written to BENCHMARKS.md.
repeat_command() {
  local command="tools/benchmark.sh"
  [[ $runs -eq 5 ]] || command+=" --runs $runs"
  [[ -z ${XML_CORPUS_MB:-} ]] || command="XML_CORPUS_MB=$XML_CORPUS_MB $command"
  printf '%s %s\n' "$command" "$1"
}
for bench in "${benches[@]}"; do
  [[ " ${all_benches[*]} " == *" $bench "* ]] ||
    die "unknown bench '$bench' (known: ${all_benches[*]})"
done

# --- Dependencies -----------------------------------------------------------

ensure_deps() {
  if [[ -f $tools/setup.sh ]]; then
    log "running tools/setup.sh"
    bash "$tools/setup.sh" >&2
  fi
  local missing=()
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  if command -v pkg-config >/dev/null 2>&1 && ! pkg-config --exists libxml-2.0; then
    missing+=(libxml2-dev)
  fi
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      log "installing ${missing[*]} with apt-get"
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    else
      die "missing ${missing[*]}: install them (Debian: apt-get install ${missing[*]})"
    fi
  fi
}

ensure_venv() {
  if "$venv/bin/python" -c 'import lxml' >/dev/null 2>&1; then
    return
  fi
  log "creating $venv with lxml"
  if ! python3 -m venv "$venv" >&2; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      rm -rf "$venv"
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
      python3 -m venv "$venv" >&2
    else
      die "python3 -m venv failed (Debian: apt-get install python3-venv)"
    fi
  fi
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check lxml >&2
}

# --- Builds -----------------------------------------------------------------

lexiform_cmd=()
lexiform_label=lexiform

build_lexiform() {
  if [[ -n ${LEXIFORM_XML_CMD:-} ]]; then
    read -r -a lexiform_cmd <<<"$LEXIFORM_XML_CMD"
    lexiform_label="lexiform (LEXIFORM_XML_CMD=$LEXIFORM_XML_CMD)"
    log "LEXIFORM_XML_CMD is set: running '$LEXIFORM_XML_CMD FILE' in Lexiform's slot, no Swift build"
    return
  fi
  log "building lexiform-benchmark (swift build -c release)"
  (cd "$repo" && swift build -c release --product lexiform-benchmark) >&2
  lexiform_cmd=("$repo/.build/release/lexiform-benchmark" xml)
  [[ -x ${lexiform_cmd[0]} ]] || die "no ${lexiform_cmd[0]} after the build"
}

floor_bin="$work/xml_floor"

build_floor() {
  local source="$tools/bench/xml_floor.c"
  if [[ -x $floor_bin && $floor_bin -nt $source ]]; then
    return
  fi
  log "building the C floor"
  mkdir -p "$work"
  # shellcheck disable=SC2046 # pkg-config's flags are meant to split
  gcc -O2 -o "$floor_bin" "$source" $(pkg-config --cflags --libs libxml-2.0)
}

# --- Corpora ----------------------------------------------------------------

# make_corpus NAME SOURCE: prints the path of a ~$corpus_mb MB corpus.
make_corpus() {
  local name=$1 source=$2
  local out="$work/corpus/$name-${corpus_mb}mb.${source##*.}"
  [[ -r $source ]] || die "missing source $source"
  if [[ ! -s $out ]]; then
    log "generating $out from $source"
    "$tools/make-xml-corpus.sh" "$out" "$corpus_mb" "$source"
  fi
  printf '%s\n' "$out"
}

# --- Benches ----------------------------------------------------------------

bench_xml() {
  build_floor
  local libxml_version lxml_version
  libxml_version=$(pkg-config --modversion libxml-2.0)
  lxml_version=$("$venv/bin/python" -c \
    'from lxml import etree as e; print("%s, libxml2 %s" % (".".join(map(str, e.LXML_VERSION[:3])), ".".join(map(str, e.LIBXML_VERSION))))')

  local tei dix
  tei=$(make_corpus freedict-kur-tur "$shared/data/lexicons/freedict/kur-tur.tei")
  dix=$(make_corpus apertium-cym-eng "$shared/data/lexicons/apertium/apertium-cym-eng.cym-eng.dix")
  local inputs=("$tei" "$dix")

  local load
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
  if awk -v l="$load" 'BEGIN { exit !(l + 0 > 0.5) }'; then
    log "warning: load average is $load: other work on this machine will skew the timings"
  fi

  local results="$work/results-xml.jsonl"
  : >"$results"
  local input tool label
  local -a cmd
  for input in "${inputs[@]}"; do
    for tool in floor lxml lexiform lexiform-libxml2 lexiform-events; do
      [[ $tool == lexiform-events || $tool == lexiform-libxml2 ]] && [[ -n ${LEXIFORM_XML_CMD:-} ]] && continue
      case $tool in
        floor) cmd=("$floor_bin"); label="floor (C xmlTextReader, libxml2 $libxml_version)" ;;
        lxml) cmd=("$venv/bin/python" "$tools/bench/xml_lxml.py"); label="lxml iterparse ($lxml_version)" ;;
        lexiform) cmd=("${lexiform_cmd[@]}"); label="$lexiform_label (cursor API: XMLReader.read(), native backend)" ;;
        lexiform-libxml2) cmd=("$repo/.build/release/lexiform-benchmark" xml-libxml2); label="lexiform (cursor API, libxml2 backend)" ;;
        lexiform-events) cmd=("$repo/.build/release/lexiform-benchmark" xml-events); label="lexiform (event API: XMLReader.next())" ;;
      esac
      log "$(basename "$input"): $tool"
      python3 "$tools/bench/timeit.py" --runs "$runs" --warmup 1 --label "$tool" \
        --meta "input=$input" --meta "tool=$tool" --meta "label=$label" \
        -- "${cmd[@]}" "$input" >>"$results" ||
        die "$tool failed on $input: ${cmd[*]} $input"
    done
  done

  local write=()
  if [[ -n $markdown ]]; then
    write=(--markdown "$markdown")
  else
    log "LEXIFORM_XML_CMD is set and BENCHMARKS_MD is not: BENCHMARKS.md is left alone"
  fi
  python3 "$tools/bench/report.py" --results "$results" --bench xml \
    --title "XML reading" --command "$(repeat_command xml)" "${write[@]}" \
    --note "Load average (1 min) when the bench started: $load." \
    --note "Each tool reads the whole file and prints elements=, attributes= (namespace declarations not counted) and textbytes= (UTF-8 bytes of all text and CDATA, whitespace included); the counts are checked to agree." \
    --note "Corpora: tools/make-xml-corpus.sh repeats the entries of shared/data/lexicons/freedict/kur-tur.tei and apertium/apertium-cym-eng.cym-eng.dix to ~${corpus_mb} MB." \
    --note "floor: tools/bench/xml_floor.c, gcc -O2, libxml2 xmlTextReader with XML_PARSE_NONET|XML_PARSE_NOENT; lxml: tools/bench/xml_lxml.py, iterparse clearing elements as it goes; lexiform: .build/release/lexiform-benchmark xml FILE (swift build -c release), reading with XMLReader.read() and the reader's properties, as Lexiform's format readers do, with the backend chosen automatically (the native parser for these UTF-8 files); lexiform-libxml2: the same with XMLReaderOptions.backend = .libxml2 (lexiform-benchmark xml-libxml2 FILE); lexiform-events: the same through XMLReader.next(), which builds an XMLEvent with strings for every node."
}

# --- Main -------------------------------------------------------------------

ensure_deps
ensure_venv
build_lexiform
for bench in "${benches[@]}"; do
  log "bench $bench, $runs runs"
  "bench_$bench"
done
