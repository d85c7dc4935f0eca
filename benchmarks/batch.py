"""Batch throughput and peak memory per process: vanilla fr_core_news_md against dechiffre.

    python benchmarks/batch.py [--docs 2000] [--workers 1,2] [--json results.json]

It writes an archive of --docs documents resampled from ``corpus/splits/*.jsonl``
(each copy lightly varied: digits changed, paragraphs reordered, a paragraph of
another document appended), saves each pipeline to disk, then runs
:func:`dechiffre.pipeline.archive.run_batch` over the archive once per pipeline and worker
count, each run in a fresh subprocess. Pipelines are loaded (warm-up) before the
clock starts; the clock covers reading, processing and writing the shards.
Words are whitespace-separated tokens of the input texts. Peak memory is each
process's ru_maxrss: the worker processes', and the main process's (which is the
worker when --workers 1).

Pipelines: vanilla ``fr_core_news_md``; dechiffre rules only; dechiffre with
the token classifier (the default pipeline) when ``models/dechiffre-clf``
holds a trained artifact that loads (otherwise the row says why it was
skipped). The classifier uses --threads CPU threads (default 1) with one
worker, and one thread per process with more workers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SPLITS = REPO / "corpus" / "splits"
CLASSIFIER = REPO / "models" / "dechiffre-clf"
sys.path.insert(0, str(REPO))


def load_corpus() -> list[dict[str, Any]]:
    """The gold corpus documents (train, dev, test splits; predictions left out)."""
    docs = []
    for name in ("train", "dev", "test"):
        path = SPLITS / f"{name}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                docs.append(json.loads(line))
    return docs


def vary(text: str, other: str, rng: random.Random) -> str:
    """A light variation of a text: other digits, paragraphs reordered, one paragraph added."""
    text = re.sub(r"\d", lambda m: str(rng.randint(1 if m.start() == 0 else 0, 9)), text)
    paras = [p for p in text.split("\n\n") if p.strip()]
    if len(paras) > 2 and rng.random() < 0.5:
        body = paras[1:]
        rng.shuffle(body)
        paras = [paras[0], *body]
    if rng.random() < 0.5:
        extra = [p for p in other.split("\n\n") if p.strip()]
        paras.append(rng.choice(extra))
    return "\n\n".join(paras)


def make_archive(folder: Path, n_docs: int, seed: int = 0, files: int = 4) -> dict[str, int]:
    """Write n_docs varied documents as JSONL files; return document and word counts."""
    rng = random.Random(seed)
    corpus = load_corpus()
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    handles = [(folder / f"part-{i}.jsonl").open("w", encoding="utf-8") for i in range(files)]
    try:
        for i in range(n_docs):
            base, other = rng.choice(corpus), rng.choice(corpus)
            text = vary(base["text"], other["text"], rng)
            words += len(text.split())
            row = {"id": f"bench-{i:05d}", "text": text}
            handles[i % files].write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()
    return {"documents": n_docs, "words": words}


def save_pipelines(folder: Path) -> dict[str, str]:
    """Save each pipeline to benchmark; a skipped one maps to 'skipped: reason'."""
    import spacy

    from dechiffre.pipeline.extract import build_pipeline

    out: dict[str, str] = {}
    folder.mkdir(parents=True, exist_ok=True)
    spacy.load("fr_core_news_md").to_disk(folder / "vanilla")
    out["vanilla fr_core_news_md"] = str(folder / "vanilla")
    build_pipeline(classifier=None).to_disk(folder / "rules")
    out["dechiffre rules"] = str(folder / "rules")
    out["dechiffre + classifier"] = save_classifier_pipeline(folder / "classifier")
    return out


def save_classifier_pipeline(path: Path) -> str:
    """The default pipeline (rules and the token classifier), saved; or why it cannot be."""
    if not (CLASSIFIER / "classifier.json").is_file():
        return f"skipped: no trained artifact at {CLASSIFIER.relative_to(REPO)}"
    try:
        from dechiffre.pipeline.extract import build_pipeline

        nlp = build_pipeline(classifier=CLASSIFIER)
        nlp("L'OIM a aidé environ 1 664 migrants.")  # loads the model (and exports ONNX once)
        nlp.to_disk(path)
    except Exception as exc:  # the classifier is someone else's moving part
        return f"skipped: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}"
    return str(path)


def run_one(
    pipeline: str, archive: Path, workers: int, out: Path, threads: int = 1
) -> dict[str, Any]:
    """One timed run (in this process): warm the workers up, then run_batch over the archive.

    The classifier runs on ``threads`` CPU threads with one worker, and on one
    thread per worker process with more (as ``dechiffre extract --workers`` does).
    """
    from dechiffre.pipeline.archive import (
        BatchOptions,
        Chunk,
        LocalEngine,
        PipelineSpec,
        RunStats,
        cpu_seconds,
        peak_rss_mb,
        run_batch,
    )
    from dechiffre.pipeline.inputs import InputDoc

    spec = PipelineSpec(pipeline, threads=threads)
    engine = LocalEngine(spec, workers)
    warm = Chunk(((0, InputDoc("warm", "Le HCR a aidé 12 familles.", "warm", 1)),))
    load_start = time.perf_counter()
    stats = RunStats()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:  # until every worker process has loaded the pipeline
        for future in [engine.submit(warm) for _ in range(workers * 2)]:
            stats.add(future.result().worker)
        if len(stats.workers) >= workers:
            break
        time.sleep(0.5)
    load_seconds = time.perf_counter() - load_start
    load_avg_before = os.getloadavg()
    main_cpu = cpu_seconds()
    start = time.perf_counter()
    try:
        summary = run_batch(
            [str(archive)],
            out,
            spec=spec,
            options=BatchOptions(workers=workers, batch_size=32, shard_size=500),
            engine=engine,
        )
    finally:
        engine.close()
    elapsed = time.perf_counter() - start
    main_cpu = cpu_seconds() - main_cpu
    warm_cpu = {pid: w.cpu_seconds for pid, w in stats.workers.items()}
    worker_cpu = [w.cpu_seconds - warm_cpu.get(w.pid, 0.0) for w in summary.workers]
    if workers == 1:  # the worker is this process
        worker_cpu = [main_cpu]
    cores = os.cpu_count() or 1
    # the wall time if the machine were ours alone: CPU-bound on the busiest process or the cores
    alone = max(
        [*worker_cpu, main_cpu, (sum(worker_cpu) + (main_cpu if workers > 1 else 0)) / cores]
    )
    return {
        "workers": workers,
        "seconds": elapsed,
        "warm_up_seconds": load_seconds,
        "words": summary.words_processed,
        "documents": summary.totals["documents"],
        "words_per_second": summary.words_processed / elapsed,
        "worker_peak_rss_mb": [w.peak_rss_mb for w in summary.workers],
        "worker_cpu_seconds": worker_cpu,
        "main_cpu_seconds": main_cpu,
        "projected_seconds_alone": alone,
        "main_peak_rss_mb": peak_rss_mb(),
        "load_average_before": load_avg_before,
        "load_average_after": os.getloadavg(),
        "spans": summary.totals["spans"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", type=Path, help="build the archive and outputs here")
    parser.add_argument(
        "--threads", type=int, default=1, help="classifier CPU threads with one worker"
    )
    parser.add_argument("--run", nargs=4, metavar=("PIPELINE", "ARCHIVE", "WORKERS", "OUT"))
    parser.add_argument("--save", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.save:  # the child process that saves the pipelines
        print(json.dumps(save_pipelines(args.save)))
        return 0
    if args.run:  # the child process of one measurement
        pipeline, archive, workers, out = args.run
        print(json.dumps(run_one(pipeline, Path(archive), int(workers), Path(out), args.threads)))
        return 0

    work = args.keep or Path(tempfile.mkdtemp(prefix="dechiffre-bench-"))
    archive = work / "archive"
    sizes = make_archive(archive, args.docs)
    saved = subprocess.run(
        [sys.executable, __file__, "--save", str(work / "pipelines")],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    pipelines: dict[str, str] = json.loads(saved.stdout.strip().splitlines()[-1])
    counts = [int(x) for x in args.workers.split(",")]
    print(
        f"archive: {sizes['documents']} documents, {sizes['words']:,} words "
        f"(resampled from corpus/splits); {os.cpu_count()} CPUs; "
        f"load average at start {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    results: dict[str, dict[str, Any]] = {name: {} for name in pipelines}
    for workers in counts:  # all pipelines at one worker count, then the next
        for name, path in pipelines.items():
            if path.startswith("skipped"):
                continue
            out = work / f"out-{len(results[name])}-{workers}-{abs(hash(name)) % 10**6}"
            cmd = [
                sys.executable,
                __file__,
                "--run",
                path,
                str(archive),
                str(workers),
                str(out),
                "--threads",
                str(args.threads),
            ]
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, check=False)
            if proc.returncode != 0:
                results[name][str(workers)] = {"error": proc.stderr[-2000:]}
                print(f"{name}, {workers} worker(s): failed\n{proc.stderr[-2000:]}", flush=True)
                continue
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            results[name][str(workers)] = row
            print(
                f"{name:26} {workers} worker(s): {row['words_per_second']:8.0f} words/s, "
                f"{row['seconds']:6.1f} s, CPU s per worker "
                f"{', '.join(f'{c:.0f}' for c in row['worker_cpu_seconds'])} "
                f"(main {row['main_cpu_seconds']:.0f}), worker peak RSS "
                f"{', '.join(f'{m:.0f}' for m in row['worker_peak_rss_mb'])} MB, main "
                f"{row['main_peak_rss_mb']:.0f} MB, load avg {row['load_average_before'][0]:.2f}",
                flush=True,
            )
    print()
    print(markdown_table(results, pipelines, counts))
    if args.json:
        payload = {"archive": sizes, "pipelines": pipelines, "results": results}
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


def markdown_table(
    results: dict[str, dict[str, Any]], pipelines: dict[str, str], counts: list[int]
) -> str:
    """The README table: words/s, share of vanilla, speed-up, peak RSS per process."""
    vanilla = results.get("vanilla fr_core_news_md", {})
    lines = [
        "| pipeline | workers | words/s | vs vanilla | vs 1 worker | CPU s per worker (main) "
        "| vs 1 worker, machine alone (projected) | peak RSS per worker (MB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, path in pipelines.items():
        if path.startswith("skipped"):
            lines.append(f"| {name} | | {path} | | | | | |")
            continue
        for workers in counts:
            row = results[name].get(str(workers), {})
            if "words_per_second" not in row:
                lines.append(f"| {name} | {workers} | failed | | | | | |")
                continue
            wps = row["words_per_second"]
            base = vanilla.get(str(workers), {}).get("words_per_second")
            first = results[name].get("1", {})
            one = first.get("words_per_second")
            rss = row["worker_peak_rss_mb"] if workers > 1 else [row["main_peak_rss_mb"]]
            cpu = ", ".join(f"{c:,.0f}" for c in row["worker_cpu_seconds"])
            cpu += f" ({row['main_cpu_seconds']:,.0f})" if workers > 1 else ""
            alone = ""
            if workers > 1 and "projected_seconds_alone" in first:
                alone = f"{first['projected_seconds_alone'] / row['projected_seconds_alone']:.2f}x"
            lines.append(
                f"| {name} | {workers} | {wps:,.0f} | "
                f"{'' if not base else f'{wps / base:.0%}'} | "
                f"{'' if not one or workers == 1 else f'{wps / one:.2f}x'} | {cpu} | {alone} | "
                f"{', '.join(f'{m:,.0f}' for m in rss)} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
