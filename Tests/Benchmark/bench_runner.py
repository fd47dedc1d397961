#!/usr/bin/env python3
"""Runs the Swift `risk-report` and its peers side by side on benchmark datasets, interleaved,
and prints medians of wall time and peak RSS. Called by compare.sh; usable alone:

    bench_runner.py --swift PATH/risk-report \
        --peer geopandas="PYTHON peer_geopandas.py" --peer duckdb="PYTHON peer_duckdb.py" \
        --out RESULTS_DIR --repeat 5 NAME=DATASET_DIR [NAME=DATASET_DIR ...]

Each DATASET_DIR holds infrastructure.geojson and acled.csv. For every dataset, R rounds are
run; each round runs every tool once, one after the other, and the order rotates from round to
round (Swift, GeoPandas, DuckDB; then GeoPandas, DuckDB, Swift; ...) so no tool always runs
first or after the same neighbour. Every run is a child process timed with a monotonic clock
and reaped with os.wait4, whose rusage gives that child's own peak RSS (ru_maxrss, KiB on
Linux) and CPU time. The last run of each tool leaves NAME.swift.json / NAME.<peer>.json in
RESULTS_DIR for crosscheck.py; every sample goes to RESULTS_DIR/samples.csv and the summary
(medians, and each peer's ratio to Swift) to RESULTS_DIR/summary.txt.

`--peer CMD` without a NAME= prefix names the peer `peer` (the old single-peer form).
"""
import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv, log_path):
    """(wall seconds, peak RSS KiB, user+sys CPU seconds, exit status) of one child."""
    with open(log_path, "ab") as log:
        log.write(("\n$ " + " ".join(shlex.quote(a) for a in argv) + "\n").encode())
        log.flush()
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, proc.returncode


def warm(path):
    """Reads a file once so every timed run finds it in the page cache."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def parse_peer(spec):
    m = re.match(r"^([A-Za-z][A-Za-z0-9_-]*)=(.+)$", spec)
    return (m.group(1), m.group(2)) if m else ("peer", spec)


def main():
    ap = argparse.ArgumentParser(description="Interleaved Swift vs peers timing runs.")
    ap.add_argument("--swift", required=True, help="path of the risk-report binary")
    ap.add_argument("--peer", action="append", required=True,
                    help="NAME=COMMAND prefix of a peer (e.g. geopandas='python peer_geopandas.py'); repeatable")
    ap.add_argument("--out", required=True, help="results directory")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--linear", action="append", default=[],
                    help="NAME_SMALL,NAME_BIG,FACTOR for a linear-growth line (repeatable)")
    ap.add_argument("datasets", nargs="+", help="NAME=DIR")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    log = os.path.join(a.out, "runs.log")
    samples_path = os.path.join(a.out, "samples.csv")
    with open(samples_path, "w") as f:
        f.write("dataset,round,tool,wall_s,peak_rss_kib,cpu_s\n")
    peers = [parse_peer(p) for p in a.peer]
    names = [n for n, _ in peers]
    if len(set(names)) != len(names) or "swift" in names:
        sys.exit(f"bench_runner: peer names must be distinct and not 'swift': {names}")
    tools = ["swift"] + names
    results = {}
    datasets = []
    for spec in a.datasets:
        name, _, d = spec.partition("=")
        infra, acled = os.path.join(d, "infrastructure.geojson"), os.path.join(d, "acled.csv")
        for p in (infra, acled):
            if not os.path.isfile(p):
                sys.exit(f"bench_runner: missing {p}")
        datasets.append((name, infra, acled))
    for name, infra, acled in datasets:
        warm(acled)
        warm(infra)
        cmds = {"swift": [a.swift, "--infrastructure", infra, "--incidents", acled, "--format", "json",
                          "--output", os.path.join(a.out, f"{name}.swift.json")]}
        for peer, cmd in peers:
            cmds[peer] = shlex.split(cmd) + [infra, acled, os.path.join(a.out, f"{name}.{peer}.json")]
        results[name] = {t: [] for t in tools}
        for r in range(a.repeat):
            k = r % len(tools)
            for tool in tools[k:] + tools[:k]:
                wall, rss, cpu, code = run_once(cmds[tool], log)
                if code != 0:
                    sys.exit(f"bench_runner: {tool} failed on {name} (exit {code}); see {log}")
                results[name][tool].append((wall, rss, cpu))
                with open(samples_path, "a") as f:
                    f.write(f"{name},{r + 1},{tool},{wall:.4f},{rss},{cpu:.4f}\n")
                print(f"  {name:<18} round {r + 1}/{a.repeat}  {tool:<10} {wall:7.2f} s  "
                      f"{rss / 1024:7.0f} MiB  cpu {cpu:6.2f} s", flush=True)

    med = statistics.median
    label = {"swift": "Swift"}
    label.update({n: n for n in names})
    lines = [f"medians of {a.repeat} interleaved runs (wall clock; peak RSS of the process; ratios are peer / Swift)"]
    head = f"{'dataset':<18}{'tool':<11}{'wall s':>9}{'ratio':>8}{'peak MiB':>10}{'ratio':>8}{'cpu s':>9}{'ratio':>8}"
    lines += [head, "-" * len(head)]
    for name, _, _ in datasets:
        base = None
        for tool in tools:
            s = results[name][tool]
            w, m, c = med([x[0] for x in s]), med([x[1] for x in s]) / 1024, med([x[2] for x in s])
            if tool == "swift":
                base = (w, m, c)
                lines.append(f"{name:<18}{label[tool]:<11}{w:>9.2f}{'':>8}{m:>10.0f}{'':>8}{c:>9.2f}{'':>8}")
            else:
                lines.append(f"{'':<18}{label[tool]:<11}{w:>9.2f}{w / base[0]:>8.2f}{m:>10.0f}{m / base[1]:>8.2f}"
                             f"{c:>9.2f}{c / max(base[2], 1e-9):>8.2f}")
    for spec in a.linear:
        small, big, factor = spec.split(",")
        if small in results and big in results:
            for tool in tools:
                t_small = med([x[0] for x in results[small][tool]])
                t_big = med([x[0] for x in results[big][tool]])
                lines.append(f"{label[tool]:<10} {big} / {small} wall-time ratio: {t_big / t_small:.2f} "
                             f"(linear growth would be {float(factor):.1f})")
    text = "\n".join(lines)
    print("\n" + text)
    with open(os.path.join(a.out, "summary.txt"), "w") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
