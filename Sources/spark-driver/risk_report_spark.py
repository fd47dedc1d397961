#!/usr/bin/env python3
"""Runs risk-report on an Apache Spark cluster and writes the report one machine would write.

The job is cut into N shards of the network's scoring units (risk-report partial --shard K/N).
Spark schedules one task per shard; each task runs the risk-report binary shipped with the job
(SparkContext.addFile) on the input files shipped the same way, and returns the shard's partial
result (JSON Lines). The driver writes the parts to a local directory and runs
`risk-report merge` over them with the original options: the report is byte for byte the one
`risk-report` writes in a single run. See Docs/SCALE.md.

    spark-submit --master local[2] Sources/spark-driver/risk_report_spark.py \
        --binary .build/release/risk-report --shards 8 --format json --output report.json \
        -- --infrastructure network.gpkg --incidents acled.csv

Everything after `--` is passed to both `risk-report partial` and `risk-report merge`, so any
input and model option works. Files named by --infrastructure, --incidents, --places, --model and
--profile are shipped to the executors (a Shapefile with its .dbf, .shx, .prj and .cpg).
Executors need the libraries the binary links (Debian: libgeos-c1v5, libproj25, libgdal32).
"""

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile

FILE_OPTIONS = {"--infrastructure", "--incidents", "--places", "--model", "--profile"}
CHUNK_BYTES = 4 << 20
SHAPEFILE_SIDECARS = (".dbf", ".shx", ".prj", ".cpg", ".qix", ".sbn", ".sbx")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the risk-report executable to ship to the executors")
    parser.add_argument("--shards", type=int, default=0,
                        help="how many shards (default: Spark's default parallelism)")
    parser.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    parser.add_argument("--format", default="json", help="report format (as risk-report --format)")
    parser.add_argument("--output", help="report file (default: standard output)")
    parser.add_argument("--parts-dir", help="keep the partial results in this directory (default: a temporary one)")
    parser.add_argument("risk_report_options", nargs=argparse.REMAINDER,
                        help="after --: the input and model options of risk-report")
    args = parser.parse_args(argv)
    options = args.risk_report_options
    if options and options[0] == "--":
        options = options[1:]
    args.risk_report_options = options
    if not os.access(args.binary, os.X_OK):
        parser.error(f"--binary {args.binary}: not an executable file")
    return args


def shipped_files(options):
    """The local files the options name, each with the name it has on an executor."""
    files = []
    i = 0
    while i < len(options):
        option, value = options[i], None
        if "=" in option and option.split("=", 1)[0] in FILE_OPTIONS:
            option, value = option.split("=", 1)
        elif option in FILE_OPTIONS and i + 1 < len(options):
            value = options[i + 1]
            i += 1
        if option in FILE_OPTIONS and value is not None and os.path.isfile(value):
            files.append(value)
            stem, extension = os.path.splitext(value)
            if extension.lower() == ".shp":
                files += [stem + s for s in SHAPEFILE_SIDECARS if os.path.isfile(stem + s)]
        i += 1
    names = {}
    for f in files:
        name = os.path.basename(f)
        if name in names and os.path.abspath(names[name]) != os.path.abspath(f):
            sys.exit(f"risk_report_spark: {f} and {names[name]} have the same file name; "
                     "Spark ships files by name: rename one")
        names[name] = f
    return list(dict.fromkeys(files))


def executor_options(options, spark_files_get):
    """The options with every shipped file's path replaced by its path on this executor."""
    out = []
    i = 0
    while i < len(options):
        option = options[i]
        if "=" in option and option.split("=", 1)[0] in FILE_OPTIONS:
            key, value = option.split("=", 1)
            out.append(f"{key}={spark_files_get(os.path.basename(value))}" if os.path.isfile(value) else option)
        elif option in FILE_OPTIONS and i + 1 < len(options):
            value = options[i + 1]
            out += [option, spark_files_get(os.path.basename(value)) if os.path.isfile(value) else value]
            i += 1
        else:
            out.append(option)
        i += 1
    return out


def run_shards(shards, binary_name, options):
    """A Spark task: runs `risk-report partial` for each shard number it is given."""
    from pyspark import SparkFiles

    binary = SparkFiles.get(binary_name)
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    local = executor_options(options, SparkFiles.get)
    for k, n in shards:
        with tempfile.TemporaryDirectory(prefix="risk-report-shard-") as scratch:
            part = os.path.join(scratch, "part.jsonl")
            done = subprocess.run([binary, "partial", "--shard", f"{k}/{n}", "--quiet", "--output", part, *local],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if done.returncode != 0:
                raise RuntimeError(f"shard {k}/{n} failed (exit {done.returncode}): "
                                   + done.stderr.decode("utf-8", "replace").strip())
            # In pieces, so no single record is large; the driver streams them to its file.
            with open(part, "rb") as f:
                while True:
                    piece = f.read(CHUNK_BYTES)
                    if not piece:
                        break
                    yield k, piece


def main(argv):
    args = parse_arguments(argv)
    from pyspark import SparkConf

    # A part streamed to the driver passes through its JVM: give it room (spark-submit's
    # --driver-memory wins when given).
    conf = SparkConf().setAppName("risk-report").setIfMissing("spark.driver.memory", "4g")
    if args.master:
        conf = conf.setMaster(args.master)
    directory = args.parts_dir or tempfile.mkdtemp(prefix="risk-report-parts-")
    os.makedirs(directory, exist_ok=True)
    try:
        return run_job(args, conf, directory)
    finally:
        if not args.parts_dir:
            shutil.rmtree(directory, ignore_errors=True)


def run_job(args, conf, directory):
    """Runs the shards on Spark, writes their parts into `directory` and merges them."""
    from pyspark import SparkContext, StorageLevel

    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("ERROR")
    try:
        sc.addFile(os.path.abspath(args.binary))
        for f in shipped_files(args.risk_report_options):
            sc.addFile(os.path.abspath(f))
        n = args.shards if args.shards > 0 else sc.defaultParallelism
        binary_name = os.path.basename(args.binary)
        options = args.risk_report_options
        paths = [os.path.join(directory, f"part-{k:05d}-of-{n:05d}.jsonl") for k in range(1, n + 1)]
        # All shards run at once (count), their parts kept on the executors' disks; then they
        # are streamed to the driver one shard at a time (toLocalIterator), so the driver never
        # holds more than one part in memory: parts of a large run are hundreds of megabytes.
        files = {}
        pieces = (sc.parallelize([(k, n) for k in range(1, n + 1)], n)
                  .mapPartitions(lambda shards: run_shards(shards, binary_name, options))
                  .persist(StorageLevel.DISK_ONLY))
        pieces.count()
        for k, piece in pieces.toLocalIterator():
            if k not in files:
                files[k] = open(paths[k - 1], "wb")
            files[k].write(piece)
        for f in files.values():
            f.close()
    finally:
        sc.stop()

    if sorted(files) != list(range(1, n + 1)):
        sys.exit(f"risk_report_spark: expected shards 1..{n}, got {sorted(files)}")
    merge = [args.binary, "merge", *paths, *options, "--format", args.format, "--quiet"]
    if args.output:
        merge += ["--output", args.output]
    return subprocess.run(merge).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
