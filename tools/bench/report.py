"""Summarise timeit.py results: check counts, print a table, update BENCHMARKS.md.

    python3 report.py --results FILE --bench NAME --title TEXT --command TEXT
                      [--markdown PATH] [--note TEXT]...

FILE holds one timeit.py JSON object per line, each with an extra "input"
(path) and "tool" key. Tools are "floor", "lxml", "lexiform" (the cursor API), "lexiform-libxml2" (the same on the libxml2 backend) and "lexiform-events"
(the event API). For every
input, all tools must print the same elements= and attributes= counts, or this
exits 1 before writing anything; textbytes= may differ (whitespace handling)
and only draws a warning.

The table goes to stdout. In PATH (BENCHMARKS.md) the section between
<!-- benchmark:NAME:start --> and <!-- benchmark:NAME:end --> is replaced, or
appended when absent; everything else in the file is left alone.
1 MB = 1,000,000 bytes throughout. Standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

TOOL_ORDER = ["floor", "lxml", "lexiform", "lexiform-libxml2", "lexiform-events"]


def parse_counts(output):
    counts = dict(re.findall(r"(\w+)=(\d+)", output))
    if not {"elements", "attributes", "textbytes"} <= counts.keys():
        raise SystemExit(f"report: unexpected output {output!r}")
    return {key: int(value) for key, value in counts.items()}


def command_output(cmd):
    try:
        return subprocess.run(
            cmd, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def machine_info():
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            kilobytes = int(handle.readline().split()[1])
            memory = f"{kilobytes / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "nproc": str(os.cpu_count() or "?"),
        "cpu": cpu or platform.processor() or "?",
        "memory": memory or "?",
        "os": platform.platform(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def ratio(value):
    return f"{value:.2f}×"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--title", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--markdown")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args()

    rows = {}  # input -> tool -> result
    with open(args.results, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                result = json.loads(line)
                rows.setdefault(result["input"], {})[result["tool"]] = result

    # Counts must agree before anything is written.
    failures = []
    for path, tools in rows.items():
        counts = {tool: parse_counts(result["output"]) for tool, result in tools.items()}
        for key in ("elements", "attributes"):
            values = {tool: c[key] for tool, c in counts.items()}
            if len(set(values.values())) != 1:
                failures.append(f"{os.path.basename(path)}: {key} differ: {values}")
        texts = {tool: c["textbytes"] for tool, c in counts.items()}
        if len(set(texts.values())) != 1:
            print(
                f"report: warning: {os.path.basename(path)}: textbytes differ: {texts}",
                file=sys.stderr,
            )
    if failures:
        print("report: COUNTS DO NOT MATCH, nothing written:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1

    header = "| input | size MB | tool | median s | MB/s | peak RSS MB | vs floor |"
    lines = [header, "| --- | ---: | --- | ---: | ---: | ---: | ---: |"]
    summaries = []
    contents = []
    for path, tools in rows.items():
        size_mb = os.path.getsize(path) / 1e6
        medians = {
            tool: statistics.median(run["wall_s"] for run in result["runs"])
            for tool, result in tools.items()
        }
        for tool in sorted(tools, key=lambda t: (TOOL_ORDER + [t]).index(t)):
            result = tools[tool]
            median = medians[tool]
            rss_mb = max(run["rss_kb"] for run in result["runs"]) * 1024 / 1e6
            versus = ratio(median / medians["floor"]) if "floor" in medians else "–"
            lines.append(
                f"| {os.path.basename(path)} | {size_mb:.1f} | {result['label'] or tool} "
                f"| {median:.3f} | {size_mb / median:.1f} | {rss_mb:.1f} | {versus} |"
            )
        if "lexiform" in medians:
            parts = []
            for other in ("floor", "lxml", "lexiform-libxml2"):
                if other in medians:
                    parts.append(
                        f"Lexiform/{other} {ratio(medians['lexiform'] / medians[other])}"
                    )
            summaries.append(f"- {os.path.basename(path)}: " + ", ".join(parts))
        counts = parse_counts(next(iter(tools.values()))["output"])
        contents.append(
            f"- {os.path.basename(path)}: {counts['elements']:,} elements, "
            f"{counts['attributes']:,} attributes, {counts['textbytes']:,} text bytes"
        )
    runs = {len(result["runs"]) for tools in rows.values() for result in tools.values()}

    print("\n".join(lines))
    if summaries:
        print("\n".join(summaries))

    if not args.markdown:
        return 0

    machine = machine_info()
    section = [
        f"<!-- benchmark:{args.bench}:start -->",
        f"## {args.title}",
        "",
        f"Command: `{args.command}`",
        "",
        f"Machine: {machine['nproc']} × {machine['cpu']}, {machine['memory']} RAM, "
        f"{machine['os']}; run {machine['date']}.",
        "",
        f"Median of {'/'.join(str(n) for n in sorted(runs))} runs after one warm-up run; "
        "1 MB = 1,000,000 bytes; peak RSS is the largest of the runs; "
        "vs floor = median time / the floor's median time (lower is better).",
        "",
        *lines,
    ]
    if summaries:
        section += ["", "Time ratios:", "", *summaries]
    section += ["", "Inputs (as counted by every tool):", "", *contents]
    if args.note:
        section += ["", *[f"- {note}" for note in args.note]]
    section += [f"<!-- benchmark:{args.bench}:end -->"]
    text = "\n".join(section) + "\n"

    if os.path.exists(args.markdown):
        with open(args.markdown, encoding="utf-8") as handle:
            document = handle.read()
    else:
        document = (
            "# Benchmarks\n\n"
            "Written by `tools/benchmark.sh`: each section is replaced when its "
            "benchmark is run again, the rest of this file is left alone.\n"
        )
    pattern = re.compile(
        rf"<!-- benchmark:{re.escape(args.bench)}:start -->.*?"
        rf"<!-- benchmark:{re.escape(args.bench)}:end -->\n?",
        re.S,
    )
    if pattern.search(document):
        document = pattern.sub(lambda _: text, document, count=1)
    else:
        document = document.rstrip("\n") + "\n\n" + text
    with open(args.markdown, "w", encoding="utf-8") as handle:
        handle.write(document)
    print(f"report: wrote section '{args.bench}' of {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
