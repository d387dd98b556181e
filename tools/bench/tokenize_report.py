"""Summarise the tokenize bench: medians, MB/s, peak RSS, ratios to the C floor.

    python3 tokenize_report.py --results FILE --command TEXT [--markdown PATH] [--note TEXT]...

FILE holds one tools/bench/timeit.py JSON object per line with "input",
"tool" and "label". Prints the table; with --markdown, replaces the section
between <!-- benchmark:tokenize:start --> and <!-- benchmark:tokenize:end -->
of PATH (appending it when absent) and leaves the rest alone.
1 MB = 1,000,000 bytes. Standard library only.
"""
import argparse
import datetime
import json
import os
import re
import statistics

START, END = "<!-- benchmark:tokenize:start -->", "<!-- benchmark:tokenize:end -->"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--markdown")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.results, encoding="utf-8") if line.strip()]
    floor = next((r for r in rows if r["tool"] == "floor"), None)
    floor_speed = None
    table = ["| tool | input | runs | median s | MB/s | × floor | peak RSS MB |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    speeds = {}
    for row in rows:
        size = os.path.getsize(row["input"]) / 1e6
        median = statistics.median(run["wall_s"] for run in row["runs"])
        speed = size / median
        speeds[row["tool"]] = speed
        if row is floor:
            floor_speed = speed
        rss = max(run["rss_kb"] for run in row["runs"]) / 1024
        ratio = f"{speed / floor_speed:.2f}" if floor_speed else "-"
        table.append(
            f"| {row['label']} | {os.path.basename(row['input'])} ({size:.1f} MB) | {len(row['runs'])} | {median:.3f} | {speed:.1f} | {ratio} | {rss:.1f} |")
    lines = table[:]
    if "lexiform-1" in speeds and "lexiform-2" in speeds:
        lines.append("")
        lines.append(f"Two threads vs one (JSON): {speeds['lexiform-2'] / speeds['lexiform-1']:.2f}×.")
    body = [START, "## Tokenization", "", f"Measured {datetime.date.today().isoformat()} with `{args.command}`.", ""]
    body += lines + [""] + [f"- {note}" for note in args.note] + [END]
    text = "\n".join(body)
    print(text)
    if args.markdown:
        old = open(args.markdown, encoding="utf-8").read() if os.path.exists(args.markdown) else "# Benchmarks\n"
        pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
        new = pattern.sub(lambda _: text, old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text + "\n"
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(new)


if __name__ == "__main__":
    main()
