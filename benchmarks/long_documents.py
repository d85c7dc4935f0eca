"""Peak memory and time on long documents, one fresh process per case (default pipeline).

    python benchmarks/long_documents.py [--sizes 100000,1000000,5000000] [--pipeline default]
                                        [--api extract|batch] [--json results.json]

Each case runs in its own subprocess: the pipeline is loaded, then one document
is processed and timed; peak memory is the process's VmHWM (peak resident set),
read after the document (the pipeline alone is read before it). The documents:

- ``news``: real French articles (``corpus/sample`` and ``corpus/real/gold``)
  joined with blank lines and repeated until the size is reached;
- ``token``: one token without spaces (letters and digits) of the size;
- ``articles``: the 24 real articles of ``corpus/real/gold/dev.jsonl`` lengthened to
  about 20,000 characters each, processed as one batch (``--api`` path).

``--api extract`` goes through ``extract_docs`` (the library API); ``batch``
through ``process_chunk`` (what ``-o`` and ``--output-dir`` run).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SOURCES = [
    REPO / "corpus" / "sample" / "articles.jsonl",
    *sorted((REPO / "corpus" / "real" / "gold").glob("*.jsonl")),
]


def articles() -> list[str]:
    """Texts of the real articles shipped in the repository."""
    texts = []
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def make_text(kind: str, size: int) -> str:
    """A document of about ``size`` characters of the given kind."""
    if kind == "token":
        unit = "AbcdefGhij0123456789"
        return (unit * (size // len(unit) + 1))[:size]
    texts = articles()
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_case(kind: str, size: int, pipeline: str, api: str, max_chars: int) -> dict[str, Any]:
    """In this process: load the pipeline, run one case, return its figures."""
    from dechiffre.pipeline.archive import Chunk, PipelineSpec, get_pipeline, process_chunk
    from dechiffre.pipeline.extract import extract_docs
    from dechiffre.pipeline.inputs import InputDoc

    spec = PipelineSpec(None if pipeline == "default" else pipeline, threads=1)
    nlp, _ = get_pipeline(spec)
    # warm up, the classifier's session too (it starts on the first untagged name)
    nlp("Le HCR et la société Zorblax Mondial ont enregistré environ 4 388 migrants.")
    if kind == "articles":
        base = articles()
        texts = []
        for i in range(24):
            text = base[i % len(base)]
            while len(text) < 20_000:
                text += "\n\n" + base[(i + len(text)) % len(base)]
            texts.append(text[:20_000])
    else:
        texts = [make_text(kind, size)]
    docs = [InputDoc(f"d{i}", t, "bench", i + 1) for i, t in enumerate(texts)]
    loaded = peak_rss_mb()
    start = time.perf_counter()
    if api == "batch":
        result = process_chunk(spec, Chunk(tuple(enumerate(docs)), max_chars=max_chars))
        records = [o.record for o in result.outcomes if o.record is not None]
    else:
        records = list(extract_docs(nlp, docs, max_chars=max_chars))
    seconds = time.perf_counter() - start
    spans = sum(len(r["spans"]) for r in records)
    longest = max((s["end"] - s["start"] for r in records for s in r["spans"]), default=0)
    return {
        "kind": kind,
        "chars": sum(len(t) for t in texts),
        "api": api,
        "max_chars": max_chars,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_rss_mb()),
        "pipeline_rss_mb": round(loaded),
        "spans": spans,
        "longest_span": longest,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    parser.add_argument("--kinds", default="news,token")
    parser.add_argument("--pipeline", default="default")
    parser.add_argument("--api", default="extract", choices=("extract", "batch"))
    parser.add_argument("--max-chars", type=int, default=20_000)  # DEFAULT_MAX_CHARS
    parser.add_argument("--json", type=Path)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        kind, size = args.case.split(":")
        print(json.dumps(run_case(kind, int(size), args.pipeline, args.api, args.max_chars)))
        return
    cases = [(k, int(s)) for k in args.kinds.split(",") for s in args.sizes.split(",")]
    if "articles" in args.kinds.split(","):
        cases = [c for c in cases if c[0] != "articles"] + [("articles", 0)]
    rows = []
    print(
        "| document | api | max chars | chars | seconds | peak RSS (MB) | pipeline alone (MB) "
        "| spans | longest span |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for kind, size in cases:
        cmd = [sys.executable, __file__, "--case", f"{kind}:{size}"]
        cmd += ["--pipeline", args.pipeline, "--api", args.api, "--max-chars", str(args.max_chars)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            last = done.stderr.strip().splitlines()[-1:]
            print(f"| {kind} | {args.api} | {size:,} | failed: {last} |")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"| {kind} | {row['api']} | {row['max_chars']:,} | {row['chars']:,} | {row['seconds']} "
            f"| {row['peak_rss_mb']:,} | {row['pipeline_rss_mb']:,} | {row['spans']:,} "
            f"| {row['longest_span']:,} |",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
