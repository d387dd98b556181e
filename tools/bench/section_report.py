"""Summarise a bench's timeit.py results as a table, and write its section
of BENCHMARKS.md.

    python3 section_report.py --results FILE --bench NAME --title TEXT
        --command TEXT --baseline TOOL [--markdown PATH] [--note TEXT]...

FILE holds one tools/bench/timeit.py JSON object per line, each with "input"
(a path), "tool" and "label". For every input the table gives each tool's
median time, MB/s, peak RSS and its time relative to the baseline tool
(`× TOOL` > 1 means slower than the baseline). With --markdown, the section
between <!-- benchmark:NAME:start --> and <!-- benchmark:NAME:end --> of PATH
is replaced (appended when absent); the rest of the file is left alone.
1 MB = 1,000,000 bytes. Standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import re
import statistics


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((l.split(":", 1)[1].strip() for l in handle if l.startswith("model name")), "?")
    except OSError:
        pass
    return f"{os.cpu_count()} × {cpu}, {platform.platform()}"


def main():
    parser = argparse.ArgumentParser()
    for name in ("--results", "--bench", "--title", "--command", "--baseline"):
        parser.add_argument(name, required=True)
    parser.add_argument("--markdown")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args()
    rows = [json.loads(l) for l in open(args.results, encoding="utf-8") if l.strip()]
    baseline = {}
    for row in rows:
        row["median"] = statistics.median(run["wall_s"] for run in row["runs"])
        row["rss"] = max(run["rss_kb"] for run in row["runs"]) / 1024
        if row["tool"] == args.baseline:
            baseline[row["input"]] = row["median"]
    table = [
        f"| input | size MB | tool | runs | median s | MB/s | peak RSS MB | × {args.baseline} |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        size = os.path.getsize(row["input"]) / 1e6
        base = baseline.get(row["input"])
        ratio = f"{row['median'] / base:.2f}×" if base else "–"
        table.append(
            f"| {os.path.basename(row['input'])} | {size:.1f} | {row['label']} | {len(row['runs'])} "
            f"| {row['median']:.3f} | {size / row['median']:.1f} | {row['rss']:.1f} | {ratio} |")
    print("\n".join(table))
    if not args.markdown:
        return
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = [
        f"<!-- benchmark:{args.bench}:start -->",
        f"## {args.title}", "",
        f"Command: `{args.command}`", "",
        f"Machine: {machine()}; run {now}.", "",
        f"Median of the runs after one warm-up run; 1 MB = 1,000,000 bytes; peak RSS is the largest of the runs; "
        f"× {args.baseline} = median time / {args.baseline}'s median time on the same input (above 1: slower).", "",
        *table, "",
        *[f"- {note}" for note in args.note],
        f"<!-- benchmark:{args.bench}:end -->",
    ]
    text = open(args.markdown, encoding="utf-8").read() if os.path.exists(args.markdown) else "# Benchmarks\n"
    pattern = re.compile(
        re.escape(f"<!-- benchmark:{args.bench}:start -->") + ".*?" + re.escape(f"<!-- benchmark:{args.bench}:end -->"),
        re.S)
    block = "\n".join(section)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block + "\n"
    with open(args.markdown + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(args.markdown + ".tmp", args.markdown)
    print(f"section_report: wrote section '{args.bench}' of {args.markdown}")


if __name__ == "__main__":
    main()
