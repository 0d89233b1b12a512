"""Scaling ratios of `claims extract` (and `run`): incremental rerun, --jobs 2, peak memory, Dask.

The corpus is built in a temporary folder from the shipped corpus/ articles: copy 0 is the article
as shipped, copy k > 0 gets "(copy k)" in its title and one invented sentence (a dated agreement
between two states that changes with k), so every file has its own bytes, parse and claims.
Nothing is written to the repository.

Each measurement is one `claims` in its own process (`python bench/scaling.py --child ...`), so
interpreter start-up and model loading are counted; the child reports its CPU seconds and peak RSS
(getrusage of the process and of its pool workers) and, when asked to load the model first, the
time spent after that (the extraction part). Throughput and memory runs are interleaved (one
process, two, Dask, the 1× corpus, then again) and each ratio is taken between runs of the same
repetition, so load from other work on the machine falls on both sides; the best repetition is
printed for throughput, the worst for memory, and every repetition beside it.

Usage: python bench/scaling.py [--quick] [--reps N]     (--quick: 20 articles, one repetition)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATES = [
    "Spain",
    "Chile",
    "Kenya",
    "Vietnam",
    "Norway",
    "Peru",
    "Ghana",
    "Japan",
    "Mexico",
    "Egypt",
    "Finland",
    "Nepal",
]
OUTPUTS = ("entities.jsonl", "claims.jsonl")


def variant(text: str, k: int, n: int) -> str:
    """Copy ``k`` of the ``n``-th shipped article: its own title and one invented sentence."""
    if k == 0:
        return text
    a, b = STATES[(k + n) % len(STATES)], STATES[(3 * k + n + 1) % len(STATES)]
    if a == b:
        b = STATES[(STATES.index(a) + 1) % len(STATES)]
    text = text.replace("\ntitle: ", f"\ntitle: (copy {k}) ", 1)
    return text.rstrip("\n") + f"\n\nIn {1950 + (7 * k + n) % 70}, {a} and {b} signed a trade agreement.\n"


def build_corpus(folder: Path, size: int, first: int = 0) -> Path:
    """``size`` articles (copies ``first``, ``first + 1``, ... of each shipped article in turn)."""
    shipped = sorted((ROOT / "corpus").glob("*.md"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        n, k = i % len(shipped), first + i // len(shipped)
        name = shipped[n].stem if k == 0 else f"{shipped[n].stem}-copy{k:03d}"
        (folder / f"{name}.md").write_text(variant(shipped[n].read_text(encoding="utf-8"), k, n), encoding="utf-8")
    return folder


def claims(corpus: Path, out: Path, *options: str, preload: bool = False, command: str = "extract") -> dict:
    """One `claims extract` (or `run`) in a fresh process: wall seconds, the child's timings, CPU and peak RSS."""
    args = [
        sys.executable,
        __file__,
        "--child",
        *(["--preload"] if preload else []),
        "--",
        command,
        "--corpus",
        str(corpus),
        "--out",
        str(out),
        "-q",
        *options,
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"claims {command} {' '.join(options)} failed:\n{done.stderr[-3000:]}")
    return {"wall": wall, **json.loads(done.stdout.strip().splitlines()[-1])}


def child(argv: list[str], preload: bool) -> None:
    """Run `claims` in this process; print startup/extraction seconds and peak RSS as JSON."""
    start = time.perf_counter()
    from pipeline.cli import main

    if preload:  # the extraction part: what follows the model load
        from pipeline.engines import worker_nlp
        from pipeline.nlp import DEFAULT_MODEL

        worker_nlp(DEFAULT_MODEL)
    ready = time.perf_counter()
    code = main(argv)
    end = time.perf_counter()
    own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(
        json.dumps(
            {
                "code": code,
                "startup": ready - start,
                "work": end - ready,
                "rss_mib": own.ru_maxrss / 1024,
                "worker_rss_mib": workers.ru_maxrss / 1024,
                "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
            }
        )
    )


def same_outputs(*outs: Path) -> bool:
    first = [(outs[0] / n).read_bytes() for n in OUTPUTS]
    return all([(o / n).read_bytes() for n in OUTPUTS] == first for o in outs[1:])


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _spin(_) -> float:
    start, x = time.perf_counter(), 0
    for i in range(10_000_000):
        x += i
    return time.perf_counter() - start


def cores_free() -> float:
    """How many cores a CPU-bound process gets right now: one spinner's time against two at once
    (2.0 on an idle two-core machine; other work on it lowers it)."""
    from multiprocessing import get_context

    with get_context("spawn").Pool(2) as pool:
        pool.map(_spin, range(2))  # warm up
        one = pool.apply(_spin, (0,))
        start = time.perf_counter()
        pool.map(_spin, range(2), chunksize=1)
        two = time.perf_counter() - start
    return 2 * one / two


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--quick", action="store_true", help="20 articles, one repetition (a smoke test, not the numbers)"
    )
    parser.add_argument("--reps", type=int, help="repetitions of the interleaved throughput runs (default 2, quick 1)")
    parser.add_argument("--only", choices=("throughput", "incremental"), help="one part (throughput includes memory)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--preload", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.child:
        return child([a for a in rest if a != "--"], args.preload)
    size, reps = (20, 1) if args.quick else (100, args.reps or 2)
    tmp = Path(tempfile.mkdtemp(prefix="claims-scaling-"))
    try:
        run_all(tmp, size, reps, args.only)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_all(tmp: Path, size: int, reps: int, only: str | None = None) -> None:
    big = build_corpus(tmp / f"corpus-{size}", size)
    small = build_corpus(tmp / "corpus-1x", max(1, size // 20))
    print(
        f"{size} articles ({sum(len(p.read_text().split()) for p in big.iterdir())} words), 1× = {size // 20}; "
        f"{os.cpu_count()} cores; {load()}",
        flush=True,
    )

    if only != "incremental":
        throughput(tmp, big, small, reps)
    if only != "throughput":
        incremental(tmp, big, size)
    print(load())


def throughput(tmp: Path, big: Path, small: Path, reps: int) -> None:
    # Throughput and memory, interleaved: one process, two processes, Dask (2 workers), the 1× corpus;
    # each ratio is taken within one repetition, from runs made one after the other.
    variants = (
        ("j1", big, ["--jobs", "1"]),
        ("j2", big, ["--jobs", "2"]),
        ("dask", big, ["--engine", "dask", "--jobs", "2"]),
        ("1x", small, ["--jobs", "1"]),
    )
    runs: dict[str, list[dict]] = {name: [] for name, _, _ in variants}
    for rep in range(reps):
        print(f"  rep {rep + 1}: {cores_free():.2f} cores free for CPU-bound work", flush=True)
        for name, corpus, options in variants:
            result = claims(corpus, tmp / f"out-{name}-{rep}", "--no-cache", *options)
            runs[name].append(result)
            print(
                f"  rep {rep + 1} {name:4}: {result['wall']:6.1f} s wall, {result['cpu']:6.1f} s CPU, peak RSS "
                f"{result['rss_mib']:4.0f} MiB (workers {result['worker_rss_mib']:4.0f}); {load()}",
                flush=True,
            )
    outs = [tmp / f"out-{name}-{rep}" for name in ("j1", "j2", "dask") for rep in range(reps)]

    def ratios(a: str, b: str, key: str = "wall", pick=max) -> str:
        values = [runs[a][r][key] / runs[b][r][key] for r in range(reps)]
        return f"{pick(values):.2f} (per repetition: {', '.join(f'{v:.2f}' for v in values)})"

    print(f"--jobs 2 ÷ --jobs 1 throughput: {ratios('j1', 'j2')}; same outputs: {same_outputs(*outs)}")
    print(f"  CPU seconds, --jobs 2 ÷ --jobs 1: {ratios('j2', 'j1', 'cpu', min)} (the work two processes add)")
    print(f"Dask LocalCluster (2 workers) ÷ one process throughput: {ratios('j1', 'dask')}")
    print(
        f"peak RSS at 20× ÷ at 1× (--jobs 1): {ratios('j1', '1x', 'rss_mib')}  "
        f"({runs['j1'][0]['rss_mib']:.0f} / {runs['1x'][0]['rss_mib']:.0f} MiB)"
    )


def incremental(tmp: Path, big: Path, size: int) -> None:
    # Incremental: a cold run with an empty cache, then one article added, for one and two processes,
    # and for `claims run` (which also scores and rewrites both reports).
    gold = tmp / "gold"
    shutil.copytree(ROOT / "gold", gold)
    for command, jobs in (("extract", "1"), ("extract", "2"), ("run", "2")):
        out, corpus = tmp / f"out-incr-{command}-{jobs}", tmp / f"corpus-incr-{command}-{jobs}"
        shutil.copytree(big, corpus)
        options = ["--jobs", jobs] + (["--gold", str(gold)] if command == "run" else [])
        cold = claims(corpus, out, *options, preload=jobs == "1", command=command)
        build_corpus(corpus, 1, first=size // 5 + 1)  # one more article, unlike any before
        warm = claims(corpus, out, *options, preload=jobs == "1", command=command)
        line = (
            f"rerun after adding 1 article ÷ cold run (claims {command} --jobs {jobs}): "
            f"{warm['wall'] / cold['wall']:.3f}  ({warm['wall']:.1f} s / {cold['wall']:.1f} s, whole process"
        )
        if jobs == "1":
            line += (
                f"; after the model load: {warm['work'] / cold['work']:.3f} = {warm['work']:.2f} / {cold['work']:.1f} s"
            )
        print(line + ")", flush=True)


if __name__ == "__main__":
    main()
