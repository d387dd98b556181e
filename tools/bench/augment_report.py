"""Summarise the augment bench's timeit.py results as a table of tokens per
second, and write its section of BENCHMARKS.md.

    python3 augment_report.py --results FILE --command TEXT [--markdown PATH] [--note TEXT]...

Each line of FILE is a tools/bench/timeit.py object with "tool", "label",
"input" and "tokens" (lexiform's token count of the input). The table gives
each tool's median wall and CPU time, tokens per second by both, peak RSS,
and how many times slower than `lexiform augment translate --threads 1` it
is in tokens per second of CPU time. Standard library only.
"""
import argparse
import datetime
import json
import os
import re
import statistics

from section_report import machine


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--markdown")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.results, encoding="utf-8") if line.strip()]
    table = []
    for row in rows:
        tokens = int(row["tokens"])
        wall = statistics.median(r["wall_s"] for r in row["runs"])
        cpu = statistics.median(r.get("cpu_s", r["wall_s"]) for r in row["runs"])
        rss = max(r["rss_kb"] for r in row["runs"]) / 1024
        size = os.path.getsize(row["input"]) / 1e6
        table.append((row["tool"], row["label"], os.path.basename(row["input"]), size, tokens, len(row["runs"]), wall, cpu, rss))
    base = next((t for t in table if t[0] == "lexiform-1"), table[0])
    base_rate = base[4] / base[7]
    lines = [
        "<!-- benchmark:augment:start -->",
        "## Lexicon-based augmentation (`augment translate`)",
        "",
        f"Measured {datetime.date.today().isoformat()} with `{args.command}` on {machine()}.",
        "",
        "| tool | input | tokens | runs | wall s (median) | M tokens/s (wall) | CPU s (median) | M tokens/s (CPU) | × lexiform-1 slower (CPU) | peak RSS MB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for tool, label, name, size, tokens, runs, wall, cpu, rss in table:
        rate = tokens / cpu
        lines.append(
            f"| {label} | {name} ({size:.1f} MB) | {tokens:,} | {runs} | {wall:.3f} | {tokens / wall / 1e6:.3f} | "
            f"{cpu:.3f} | {rate / 1e6:.3f} | {base_rate / rate:.1f} | {rss:.1f} |")
    lines.append("")
    lines += [f"- {note}" for note in args.note]
    lines.append("<!-- benchmark:augment:end -->")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        old = open(args.markdown, encoding="utf-8").read() if os.path.exists(args.markdown) else ""
        pattern = re.compile(r"<!-- benchmark:augment:start -->.*?<!-- benchmark:augment:end -->\n?", re.S)
        new = pattern.sub(lambda _: text, old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(new)


if __name__ == "__main__":
    main()
