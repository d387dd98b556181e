"""Time a command: wall time and peak RSS of each run.

    python3 timeit.py [--runs N] [--warmup W] [--label TEXT] [--meta KEY=VALUE]...
                      -- CMD [ARG...]

Runs CMD W times untimed (to warm the page cache), then N times timed. Each
run is spawned directly (no shell) and reaped with wait4, so its wall time
(perf_counter around spawn and reap) and peak resident set size (ru_maxrss of
that one child) are its own. Prints one JSON object to stdout:

    {"label": ..., "cmd": [...], "output": "<CMD's stdout>",
     "runs": [{"wall_s": 1.234, "rss_kb": 5678, "cpu_s": 1.2}, ...], KEY: VALUE, ...}

cpu_s is the run's user + system CPU time (from wait4), which a loaded
machine inflates less than the wall time.

Fails (exit 1, with CMD's stderr) if a run exits non-zero, or if runs print
different things to stdout. Standard library only.
"""

import argparse
import json
import os
import sys
import tempfile
import time


def run_once(cmd):
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        actions = [
            (os.POSIX_SPAWN_DUP2, out.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
        ]
        start = time.perf_counter()
        try:
            pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
        except OSError as error:
            raise SystemExit(f"timeit: cannot run {cmd[0]}: {error}")
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(stderr)
        raise SystemExit(f"timeit: {' '.join(cmd)} exited with {code}")
    # ru_maxrss is in kilobytes on Linux.
    return wall, usage.ru_maxrss, stdout.strip(), usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--label", default="")
    parser.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd or args.runs < 1 or args.warmup < 0:
        parser.error("need --runs >= 1, --warmup >= 0 and a command after --")

    outputs = set()
    for _ in range(args.warmup):
        outputs.add(run_once(cmd)[2])
    runs = []
    for index in range(args.runs):
        wall, rss_kb, output, cpu = run_once(cmd)
        outputs.add(output)
        runs.append({"wall_s": round(wall, 4), "rss_kb": rss_kb, "cpu_s": round(cpu, 4)})
        print(
            f"  {args.label or cmd[0]}: run {index + 1}/{args.runs} "
            f"{wall:.3f} s, {rss_kb / 1024:.1f} MB",
            file=sys.stderr,
        )
    if len(outputs) != 1:
        raise SystemExit(
            f"timeit: {' '.join(cmd)} printed different things on different runs: "
            + " | ".join(sorted(outputs))
        )
    result = {"label": args.label, "cmd": cmd, "output": outputs.pop(), "runs": runs}
    for item in args.meta:
        key, _, value = item.partition("=")
        result[key] = value
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
