"""Summarise tools/inflect-baselines.sh results (and, from the inflect bench,
prediction speed) as Markdown; optionally replace the inflect section of
BENCHMARKS.md.

    python3 inflect_report.py --results FILE [--speed FILE] [--markdown PATH] [--command TEXT]

FILE holds one {"year", "language", "setting", "lexiform", "organisers"} per
line (accuracy in percent, null when missing). --speed holds timeit.py JSON
lines tagged with "tool", "label" and "forms". Standard library only.
"""
import argparse
import datetime
import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from section_report import machine  # noqa: E402


def table(rows):
    out = ["| language | setting | Lexiform | organisers' script | difference |", "| --- | --- | ---: | ---: | ---: |"]
    for r in rows:
        ours, theirs = r["lexiform"], r["organisers"]
        diff = "" if ours is None or theirs is None else f"{ours - theirs:+.1f}"
        fmt = lambda v: "–" if v is None else f"{v:.1f}"
        out.append(f"| {r['language']} | {r['setting'] or '–'} | {fmt(ours)} | {fmt(theirs)} | {diff} |")
    return out


def averages(rows):
    groups = {}
    for r in rows:
        groups.setdefault((r["year"], r["setting"]), []).append(r)
    out = ["| task | setting | languages | Lexiform | organisers' script | largest difference |",
           "| --- | --- | ---: | ---: | ---: | ---: |"]
    for (year, setting), rs in sorted(groups.items(), key=lambda kv: (-kv[0][0], ["low", "medium", "high", ""].index(kv[0][1]))):
        ours = [r["lexiform"] for r in rs if r["lexiform"] is not None]
        theirs = [r["organisers"] for r in rs if r["organisers"] is not None]
        diffs = [abs(r["lexiform"] - r["organisers"]) for r in rs if r["lexiform"] is not None and r["organisers"] is not None]
        mean = lambda v: f"{statistics.mean(v):.2f}" if v else "–"
        worst = max(diffs) if diffs else None
        out.append(f"| {year} | {setting or '–'} | {len(rs)} | {mean(ours)} | {mean(theirs)} | {'–' if worst is None else f'{worst:.1f}'} |")
    return out


def speed(path):
    out = []
    if not path or not os.path.exists(path):
        return out
    out += ["| what | tool | median s | forms/s |", "| --- | --- | ---: | ---: |"]
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            median = statistics.median(run["wall_s"] for run in r["runs"])
            forms = int(r.get("forms", 0))
            rate = f"{forms / median:,.0f}" if forms else "–"
            out.append(f"| {r['label']} | {r['tool']} | {median:.2f} | {rate} |")
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--speed")
    parser.add_argument("--markdown")
    parser.add_argument("--command", default="tools/inflect-baselines.sh")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args()
    with open(args.results, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    lines = ["Dev-set accuracy (%), macro-averaged over languages:", ""] + averages(rows)
    body = "\n".join(lines)
    print(body)
    if not args.markdown:
        return
    section = [
        "<!-- benchmark:inflect:start -->",
        "## Inflection: the non-neural baseline beside the organisers' script",
        "",
        f"Measured {datetime.date.today().isoformat()} on {machine()}, with `{args.command}`.",
        "Lexiform's `inflect train` (default `--model baseline`) and `inflect predict` against the organisers'",
        "baseline scripts (2017 `baseline.py`, 2020–2023 `nonneural.py`, fetched by `tools/fetch-sigmorphon-scripts.sh`,",
        "run with `PYTHONHASHSEED=0`) on the same dev sets in the same run, both scored by `lexiform inflect eval`",
        "(evalm.py's figures for 2017; NFC comparison as the 2022/2023 `evaluate.py` for 2023).",
        "The organisers' published *test* macro-averages for their baseline: 2023 69.6%;",
        "2017 low 37.98%, medium 64.72%, high 77.80%. Test splits are not in `../shared`, so only dev figures are here.",
        "",
    ] + averages(rows) + [""]
    if args.speed:
        section += ["Speed (`tools/benchmark.sh inflect`):", ""] + speed(args.speed) + [""]
    section += [note + "\n" for note in args.note]
    for year in sorted({r["year"] for r in rows}, reverse=True):
        section += [f"<details><summary>{year}: per language</summary>", ""] + table([r for r in rows if r["year"] == year]) + ["", "</details>", ""]
    section.append("<!-- benchmark:inflect:end -->")
    text = open(args.markdown, encoding="utf-8").read() if os.path.exists(args.markdown) else "# Benchmarks\n"
    pattern = re.compile(r"<!-- benchmark:inflect:start -->.*?<!-- benchmark:inflect:end -->", re.S)
    new = "\n".join(section)
    text = pattern.sub(lambda _: new, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + new + "\n"
    with open(args.markdown, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
