#!/usr/bin/env python3
"""Time iterp against CPython on every benches/*.py script and write the table.

Usage (from the repository root, after `cargo build --release`):

    python3 benches/compare.py                 # all benchmarks, 3 paired runs each
    python3 benches/compare.py -n 5 loop_sum   # chosen benchmarks, 5 runs
    python3 benches/compare.py --write docs/performance.md

Each script is run once under both interpreters and their stdout (the checksum line)
must match. Then iterp and python3 run in turn (A B A B ...), each run's wall time and
the median of the pair-by-pair time ratios is reported (pairing keeps a ratio meaningful
on a noisy machine), with each interpreter's peak resident memory from one more run
under GNU time. The last line is the geometric
mean of the time ratios. With --write, the table is also written as Markdown.
"""

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run_once(cmd):
    """Wall seconds of one run, output discarded."""
    start = time.perf_counter()
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_mib(cmd):
    """Peak resident memory of one run, from GNU time (`/usr/bin/time -f %M`): a child
    forked from this script would report this script's size as its own high-water mark."""
    with tempfile.NamedTemporaryFile("r") as out:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name, *cmd],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        return int(out.read().split()[-1]) / 1024.0


def checksum(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, help="paired runs per benchmark")
    parser.add_argument("--iterp", default=str(ROOT / "target/release/iterp"))
    # The distribution's optimised build when there is one, as ../shared/bench/run uses.
    system = Path("/usr/bin/python3.11")
    parser.add_argument("--python", default=str(system) if system.exists() else sys.executable)
    parser.add_argument("--write", metavar="FILE", help="also write a Markdown table")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    args = parser.parse_args()

    scripts = sorted(HERE.glob("*.py"))
    scripts = [s for s in scripts if s.name != "compare.py"]
    if args.names:
        scripts = [s for s in scripts if s.stem in args.names]

    rows = []
    header = f"{'benchmark':<24}{'iterp_s':>9}{'python_s':>10}{'ratio':>8}" \
             f"{'iterp_MiB':>11}{'py_MiB':>9}{'mem':>7}"
    print(header)
    for script in scripts:
        ours = [args.iterp, str(script)]
        theirs = [args.python, str(script)]
        if checksum(ours) != checksum(theirs):
            print(f"{script.stem:<24} FAILED: output differs from python3")
            continue
        times = [(run_once(ours), run_once(theirs)) for _ in range(args.n)]
        t_a = statistics.median(t for t, _ in times)
        t_b = statistics.median(t for _, t in times)
        ratio = statistics.median(a / b for a, b in times)
        m_a, m_b = peak_mib(ours), peak_mib(theirs)
        row = (script.stem, t_a, t_b, ratio, m_a, m_b, m_a / m_b)
        rows.append(row)
        print(f"{row[0]:<24}{row[1]:>9.3f}{row[2]:>10.3f}{row[3]:>8.3f}"
              f"{row[4]:>11.1f}{row[5]:>9.1f}{row[6]:>7.3f}", flush=True)
    geomean = math.exp(sum(math.log(r[3]) for r in rows) / len(rows)) if rows else 0.0
    print(f"geomean {geomean:.3f} over {len(rows)} benchmarks")

    if args.write:
        lines = [
            "| benchmark | iterp (s) | CPython (s) | time ratio | iterp peak MiB "
            "| CPython peak MiB | memory ratio |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in rows:
            lines.append(f"| {r[0]} | {r[1]:.3f} | {r[2]:.3f} | {r[3]:.3f} | {r[4]:.1f} "
                         f"| {r[5]:.1f} | {r[6]:.3f} |")
        lines.append(f"\nGeometric mean of the time ratios: **{geomean:.3f}** "
                     f"({len(rows)} benchmarks, {args.n} paired runs each).\n")
        table = "\n".join(lines)
        path = Path(args.write)
        text = path.read_text() if path.exists() else ""
        begin, end = "<!-- table:begin -->", "<!-- table:end -->"
        if begin in text and end in text:
            head, rest = text.split(begin, 1)
            _, tail = rest.split(end, 1)
            text = f"{head}{begin}\n{table}\n{end}{tail}"
        else:
            text = f"{text}{begin}\n{table}\n{end}\n"
        path.write_text(text)


if __name__ == "__main__":
    main()
