"""Choose the ORG linker's classifier settings on dev data (never on a test split).

    python benchmarks/tune_orgs.py [--sets real-dev,wikineural-val] [--classifier DIR]
                                   [--min-scores 0.5,0.8,0.9,0.95,0.98] [--json out.json]

The pipeline runs once per set up to the ORG linker; then the linker alone is
re-run on a copy of each document for every ``classifier_min_score`` x
``classifier_veto`` setting, and ORG strict P/R/F1 is scored with the
``dechiffre evaluate`` scorer. ``--focus`` settings need the classifier itself
re-run: each focus window is one more full pass. The printed table is what the
settings in ``pipeline/configs/default.cfg`` and ``pipeline/org_linker.py`` were
chosen from.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dechiffre.evaluation import evaluate_documents
from dechiffre.pipeline.extract import build_pipeline, dated_doc
from dechiffre.pipeline.records import doc_to_record

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import load_set

LINKER = "dechiffre_orgs"
VETOES = {
    "none": [],
    "PER": ["PER"],
    "MISC+PER": ["MISC", "PER"],
    "LOC+MISC+PER": ["LOC", "MISC", "PER"],
}


def before_linker(nlp: Language, gold: list[dict[str, Any]]) -> list[Doc]:
    """Each gold text through the pipeline up to (not including) the ORG linker."""
    names = nlp.pipe_names
    after = names[names.index(LINKER) :]
    with nlp.select_pipes(disable=after):
        return [nlp(dated_doc(nlp, g["text"], g.get("meta"))) for g in gold]


def org_scores(
    nlp: Language, gold: list[dict[str, Any]], docs: list[Doc], settings: dict[str, Any]
) -> dict[str, float]:
    """ORG strict P/R/F1 of the linker with ``settings`` over the prepared documents."""
    linker = nlp.get_pipe(LINKER)
    saved = {k: linker.cfg.get(k) for k in settings}
    linker.cfg.update(settings)
    try:
        preds = [doc_to_record(linker(d.copy()), g["id"]) for g, d in zip(gold, docs, strict=True)]
    finally:
        linker.cfg.update(saved)
    metrics = evaluate_documents(gold, [("tuned", preds)], n_bootstrap=0, labels=["ORG"])
    strict = metrics["labels"]["ORG"]["strict"]
    return {k: round(float(strict[k]), 4) for k in ("precision", "recall", "f1")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="real-dev,wikineural-val")
    parser.add_argument("--classifier", default="auto", help="classifier artifact folder")
    parser.add_argument("--min-scores", default="0.0,0.5,0.8,0.9,0.95,0.98")
    parser.add_argument("--windows", default="8", help="focus windows, e.g. 4,8,16")
    parser.add_argument("--wikineural-docs", type=int, default=100)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    min_scores = [float(x) for x in args.min_scores.split(",")]
    rows = []
    for window in [int(w) for w in args.windows.split(",")]:
        nlp = build_pipeline(
            classifier=args.classifier,
            overrides={"components.dechiffre_token_classifier.focus.window": window},
        )
        for name in args.sets.split(","):
            gold, _ = load_set(name, args.wikineural_docs)
            docs = before_linker(nlp, gold)
            for veto_name, veto in VETOES.items():
                for min_score in min_scores:
                    settings = {"classifier_min_score": min_score, "classifier_veto": veto}
                    row = {"set": name, "window": window, "veto": veto_name,
                           "min_score": min_score, **org_scores(nlp, gold, docs, settings)}
                    rows.append(row)
                    print(json.dumps(row), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
