"""Summarise the unimorph bench: check counts, print a table, update BENCHMARKS.md.

    python3 unimorph_report.py --results FILE --command TEXT [--markdown PATH] [--note TEXT]...

FILE holds timeit.py results (one JSON object per line) with "tool" and
"label" keys. The validators (python-csv, lexiform) must print the same
errors= count (lexiform's summary line says "N errors"), or this exits 1
before writing anything. The section between <!-- benchmark:unimorph:start -->
and <!-- benchmark:unimorph:end --> of PATH is replaced (appended when absent);
the rest of the file is left alone. 1 MB = 1,000,000 bytes. Standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import sys

ORDER = ["python-csv", "lexiform", "lexiform-all", "pandas", "mawk", "lexiform-read"]


def errors_in(output):
    match = re.search(r"errors=(\d+)", output) or re.search(r"(\d+) errors", output)
    return int(match.group(1)) if match else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--markdown")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args()

    results = {}
    with open(args.results, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                result = json.loads(line)
                results[result["tool"]] = result
    counts = {tool: errors_in(results[tool]["output"]) for tool in ("python-csv", "lexiform") if tool in results}
    if len(set(counts.values())) > 1 or None in counts.values():
        print(f"unimorph_report: ERROR COUNTS DIFFER, nothing written: {counts}", file=sys.stderr)
        return 1

    path = next(iter(results.values()))["input"]
    size_mb = os.path.getsize(path) / 1e6
    medians = {tool: statistics.median(run["wall_s"] for run in r["runs"]) for tool, r in results.items()}
    lines = [
        "| tool | median s | MB/s | peak RSS MB | time vs lexiform validate |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for tool in sorted(results, key=lambda t: (ORDER + [t]).index(t)):
        result = results[tool]
        rss = max(run["rss_kb"] for run in result["runs"]) * 1024 / 1e6
        versus = f"{medians[tool] / medians['lexiform']:.2f}×" if "lexiform" in medians else "–"
        lines.append(
            f"| {result['label']} | {medians[tool]:.3f} | {size_mb / medians[tool]:.1f} | {rss:.1f} | {versus} |"
        )
    ratios = []
    for other in ("python-csv", "pandas", "mawk"):
        if other in medians and "lexiform" in medians:
            ratios.append(f"lexiform validate is {medians[other] / medians['lexiform']:.2f}× as fast as {other}")
    if "mawk" in medians and "lexiform-read" in medians:
        ratios.append(f"lexiform reading is {medians['mawk'] / medians['lexiform-read']:.2f}× as fast as mawk")
    print("\n".join(lines))
    print("\n".join(ratios))
    if not args.markdown:
        return 0

    runs = sorted({len(r["runs"]) for r in results.values()})
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((l.split(":", 1)[1].strip() for l in handle if l.startswith("model name")), "?")
    except OSError:
        pass
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = [
        "<!-- benchmark:unimorph:start -->",
        "## UniMorph validation and reading",
        "",
        f"Command: `{args.command}`",
        "",
        f"Machine: {os.cpu_count()} × {cpu}, {platform.platform()}; run {date}.",
        "",
        f"Input: {os.path.basename(path)}, {size_mb:.1f} MB, 1,000,000 rows; "
        f"{counts.get('lexiform', '?')} errors found by both validators. Median of "
        f"{'/'.join(map(str, runs))} runs after one warm-up run; 1 MB = 1,000,000 bytes.",
        "",
        *lines,
        "",
        *[f"- {ratio}" for ratio in ratios],
    ]
    if args.note:
        section += ["", *[f"- {note}" for note in args.note]]
    section.append("<!-- benchmark:unimorph:end -->")
    text = "\n".join(section) + "\n"
    document = open(args.markdown, encoding="utf-8").read() if os.path.exists(args.markdown) else "# Benchmarks\n"
    pattern = re.compile(r"<!-- benchmark:unimorph:start -->.*?<!-- benchmark:unimorph:end -->\n?", re.S)
    if pattern.search(document):
        document = pattern.sub(lambda _: text, document, count=1)
    else:
        document = document.rstrip("\n") + "\n\n" + text
    with open(args.markdown, "w", encoding="utf-8") as handle:
        handle.write(document)
    print(f"unimorph_report: wrote section 'unimorph' of {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
