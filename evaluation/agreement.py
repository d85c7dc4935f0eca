"""Inter-annotator agreement between two gold annotations of the same documents.

- Span agreement: strict F1 per label and micro, annotator A taken as reference (F1 is
  symmetric, precision and recall swap with the roles).
- Attribute agreement: the scorer's attribute comparisons on strictly matched spans.
- Cohen's kappa on tokens (``TOKEN_PATTERN``: runs of word characters, or one other
  non-space character); a token takes the label of the span it overlaps, else ``O``.
  ``token`` uses the bare label, ``bio`` prefixes B-/I-. Kappa is ``None`` when undefined
  (both annotators use a single tag throughout, e.g. no spans at all).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from .gold import GoldDoc
from .io import pair_documents
from .scorer import Span, count_corpus, doc_spans, gold_scope, metrics_from_counts

TOKEN_PATTERN = re.compile(r"\w+|[^\w\s]")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character offsets of the tokens of ``text``."""
    return [(m.start(), m.end()) for m in TOKEN_PATTERN.finditer(text)]


def token_tags(text: str, spans: Sequence[Span], *, bio: bool = False) -> list[str]:
    """One tag per token: the label of the overlapping span (B-/I- with ``bio``), else O."""
    tags: list[str] = []
    ordered = sorted(spans, key=lambda s: s.start)
    current = 0
    previous: Span | None = None
    for start, end in tokenize(text):
        while current < len(ordered) and ordered[current].end <= start:
            current += 1
        span = ordered[current] if current < len(ordered) else None
        if span is None or span.start >= end:
            tags.append("O")
            previous = None
            continue
        if bio:
            tags.append(("I-" if previous is span else "B-") + span.label)
        else:
            tags.append(span.label)
        previous = span
    return tags


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa of two tag sequences (sklearn), None when undefined."""
    from sklearn.metrics import cohen_kappa_score

    if not a or len(set(a) | set(b)) < 2:
        return None
    value = float(cohen_kappa_score(list(a), list(b)))
    return None if math.isnan(value) else value


def agreement(
    docs_a: Sequence[GoldDoc],
    docs_b: Sequence[GoldDoc],
    *,
    name_a: str = "A",
    name_b: str = "B",
    labels: Sequence[str] | None = None,
    attributes: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Agreement dict: span F1 per label, attribute and claim agreement, token kappa.

    Labels and attributes are those either annotator annotates, unless given.
    """
    pairing = pair_documents(docs_a, docs_b, gold_file=name_a, pred_file=name_b)
    if pairing.mismatch_errors:
        raise pairing.mismatch_errors[0]
    common = [(a, b) for a, b in pairing.pairs if b is not None]
    scope = gold_scope([*docs_a, *docs_b], labels, attributes)
    counts = count_corpus(common, scope=scope)
    metrics = metrics_from_counts(counts, n_bootstrap=0)
    keys = ("precision", "recall", "f1", "tp", "fp", "fn")
    spans = {label: {k: block["strict"][k] for k in keys}
             for label, block in metrics["labels"].items()}
    spans["micro"] = {k: metrics["micro"]["strict"][k] for k in keys}

    flat: dict[str, tuple[list[str], list[str]]] = {"token": ([], []), "bio": ([], [])}
    for doc_a, doc_b in common:
        for mode, (seq_a, seq_b) in flat.items():
            seq_a.extend(token_tags(doc_a["text"], doc_spans(doc_a, scope[0]),
                                    bio=mode == "bio"))
            seq_b.extend(token_tags(doc_b["text"], doc_spans(doc_b, scope[0]),
                                    bio=mode == "bio"))
    no_ci = ("ci95", "ci_method", "ci95_f1")
    attributes_out = {
        label: {name: {k: v for k, v in entry.items() if k not in no_ci}
                for name, entry in block.items()}
        for label, block in metrics["attributes"].items()
    }
    result: dict[str, Any] = {
        "annotators": [name_a, name_b],
        "n_documents": len(common),
        "spans": spans,
        "attributes": attributes_out,
        "kappa": {
            "token": cohen_kappa(*flat["token"]),
            "bio": cohen_kappa(*flat["bio"]),
            "n_tokens": len(flat["token"][0]),
        },
        "pairing": {"only_in_a": pairing.missing_in_pred, "only_in_b": pairing.missing_in_gold},
        "scored": metrics["scored"],
    }
    if "claims" in metrics:
        claims = metrics["claims"]
        result["claims"] = {
            "n_compared": claims["n_compared"],
            "attributes": {name: {k: v for k, v in entry.items() if k not in no_ci}
                           for name, entry in claims["attributes"].items()},
            "confusion": claims["confusion"],
        }
    return result
