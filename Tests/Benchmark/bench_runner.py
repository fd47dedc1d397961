#!/usr/bin/env python3
"""Runs the Swift `risk-report` and the GeoPandas peer side by side on benchmark datasets,
interleaved, and prints medians of wall time and peak RSS. Called by compare.sh; usable alone:

    bench_runner.py --swift PATH/risk-report --peer "PYTHON peer_geopandas.py" \
        --out RESULTS_DIR --repeat 5 NAME=DATASET_DIR [NAME=DATASET_DIR ...]

Each DATASET_DIR holds infrastructure.geojson and acled.csv. For every dataset, R rounds are
run; each round runs both tools one after the other, alternating which goes first. Every run
is a child process timed with a monotonic clock and reaped with os.wait4, whose rusage gives
that child's own peak RSS (ru_maxrss, KiB on Linux) and CPU time. The last run of each tool
leaves NAME.swift.json / NAME.peer.json in RESULTS_DIR for crosscheck.py; every sample goes to
RESULTS_DIR/samples.csv and the summary to RESULTS_DIR/summary.txt.
"""
import argparse
import os
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


def main():
    ap = argparse.ArgumentParser(description="Interleaved Swift vs peer timing runs.")
    ap.add_argument("--swift", required=True, help="path of the risk-report binary")
    ap.add_argument("--peer", required=True, help="command prefix of the peer (e.g. 'python peer_geopandas.py')")
    ap.add_argument("--out", required=True, help="results directory")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--linear", default=None, help="NAME_SMALL,NAME_BIG,FACTOR for the linear-growth line")
    ap.add_argument("datasets", nargs="+", help="NAME=DIR")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    log = os.path.join(a.out, "runs.log")
    samples_path = os.path.join(a.out, "samples.csv")
    with open(samples_path, "w") as f:
        f.write("dataset,round,tool,wall_s,peak_rss_kib,cpu_s\n")
    peer = shlex.split(a.peer)
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
        cmds = {
            "swift": [a.swift, "--infrastructure", infra, "--incidents", acled, "--format", "json",
                      "--output", os.path.join(a.out, f"{name}.swift.json")],
            "peer": peer + [infra, acled, os.path.join(a.out, f"{name}.peer.json")],
        }
        results[name] = {"swift": [], "peer": []}
        for r in range(a.repeat):
            order = ["swift", "peer"] if r % 2 == 0 else ["peer", "swift"]
            for tool in order:
                wall, rss, cpu, code = run_once(cmds[tool], log)
                if code != 0:
                    sys.exit(f"bench_runner: {tool} failed on {name} (exit {code}); see {log}")
                results[name][tool].append((wall, rss, cpu))
                with open(samples_path, "a") as f:
                    f.write(f"{name},{r + 1},{tool},{wall:.4f},{rss},{cpu:.4f}\n")
                print(f"  {name:<16} round {r + 1}/{a.repeat}  {tool:<5}  {wall:7.2f} s  "
                      f"{rss / 1024:7.0f} MiB  cpu {cpu:6.2f} s", flush=True)

    med = lambda xs: statistics.median(xs)  # noqa: E731
    lines = []
    head = (f"{'dataset':<16}{'Swift s':>9}{'peer s':>9}{'peer/Swift':>11}"
            f"{'Swift MiB':>11}{'peer MiB':>10}{'RSS ratio':>10}{'Swift cpu':>10}{'peer cpu':>9}")
    lines.append(f"medians of {a.repeat} interleaved runs (wall clock; peak RSS of the process)")
    lines.append(head)
    lines.append("-" * len(head))
    for name, _, _ in datasets:
        s, p = results[name]["swift"], results[name]["peer"]
        sw, pw = med([x[0] for x in s]), med([x[0] for x in p])
        sr, pr = med([x[1] for x in s]) / 1024, med([x[1] for x in p]) / 1024
        sc, pcpu = med([x[2] for x in s]), med([x[2] for x in p])
        lines.append(f"{name:<16}{sw:>9.2f}{pw:>9.2f}{pw / sw:>11.2f}{sr:>11.0f}{pr:>10.0f}{pr / sr:>10.2f}"
                     f"{sc:>10.2f}{pcpu:>9.2f}")
    if a.linear:
        small, big, factor = a.linear.split(",")
        if small in results and big in results:
            for tool in ("swift", "peer"):
                t_small = med([x[0] for x in results[small][tool]])
                t_big = med([x[0] for x in results[big][tool]])
                label = "Swift" if tool == "swift" else "peer "
                lines.append(f"{label} {big} / {small} wall-time ratio: {t_big / t_small:.2f} "
                             f"(linear growth would be {float(factor):.1f})")
    text = "\n".join(lines)
    print("\n" + text)
    with open(os.path.join(a.out, "summary.txt"), "w") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
