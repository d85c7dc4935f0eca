"""Span scores under the SemEval-2013 Task 9.1 schemes, attribute accuracy, bootstrap CIs.

Schemes, as nervaluate (>= 1.0) defines them; each prediction is correct, incorrect, partial
or spurious, each gold span not consumed by a prediction is missed:

- ``strict``: same boundaries and label -> correct; otherwise overlapping a gold span
  (any label) -> incorrect.
- ``exact``: same boundaries, any label -> correct; overlap -> incorrect.
- ``partial``: same boundaries, any label -> correct; overlap -> partial (counts half).
- ``type``: overlap with a gold span of the same label -> correct (the closest boundaries
  when several); overlap with another label only -> incorrect.

Predictions are matched greedily in text order, against gold spans in text order; a
gold span is consumed once. Two spans overlap when they share a character and the shared
part is at least ``min_overlap`` percent of the gold span (nervaluate's default 1 %).
Per label, gold and predicted spans are filtered to that label first (so a span with the
wrong label is spurious for one label and missed for the other); ``micro`` scores all
labels together (there a wrong label is ``incorrect``); ``macro`` is the mean of the
per-label precision, recall and F1 over the labels present in gold or predictions.

precision = tp / (tp + fp), recall = tp / (tp + fn), with tp = correct (+ 0.5 partial for
``partial``), tp + fp = correct + incorrect + partial + spurious,
tp + fn = correct + incorrect + partial + missed; 0 when the denominator is 0.

Attributes are compared on spans that match under ``strict`` (per label). ``object_head``
compares the first token of the normalised object, a final ``s`` or ``x`` stripped when
the token is longer than 3 characters (migrants -> migrant, réseaux -> réseau; irregular
plurals such as journaux/journal do not meet); pass ``head_lemmatizer`` to replace it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .gold import LABELS, GoldDoc, attributes_scored

SCHEMES: tuple[str, ...] = ("strict", "exact", "partial", "type")
CATEGORIES: tuple[str, ...] = ("correct", "incorrect", "partial", "missed", "spurious")
GROUPS: tuple[str, ...] = (*LABELS, "micro")
QUANTITY_ATTRIBUTES: tuple[str, ...] = (
    "value", "value_max", "unit", "modifier", "object_exact", "object_head",
)
ORG_ATTRIBUTES: tuple[str, ...] = ("kb_id", "kb_id_linked")
ERROR_TYPES: tuple[str, ...] = ("missed", "spurious", "boundary", "label", "label_boundary")
NONE = "NONE"
VALUE_TOLERANCE = 1e-3

FloatArray = npt.NDArray[np.float64]
HeadLemmatizer = Callable[[str], str]


@dataclass(frozen=True)
class Span:
    """A labelled character span, end exclusive, with its gold-format attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_dict(cls, span: dict[str, Any]) -> Span:
        """A Span from a gold-format span dict."""
        attrs = {k: v for k, v in span.items() if k not in ("start", "end", "label")}
        return cls(int(span["start"]), int(span["end"]), str(span["label"]), attrs)


def doc_spans(doc: GoldDoc | None) -> list[Span]:
    """The document's spans in text order (none for a missing document)."""
    if doc is None:
        return []
    return sorted((Span.from_dict(s) for s in doc.get("spans", [])),
                  key=lambda s: (s.start, s.end, s.label))


@dataclass(frozen=True)
class Link:
    """One outcome of matching: a category with the gold and/or predicted span index."""

    category: str
    gold: int | None
    pred: int | None


def overlaps(pred: Span, gold: Span, min_overlap: float = 1.0) -> bool:
    """Whether the spans share at least ``min_overlap`` percent of the gold span."""
    shared = min(pred.end, gold.end) - max(pred.start, gold.start)
    if shared <= 0:
        return False
    return shared * 100.0 / (gold.end - gold.start) >= min_overlap


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span], scheme: str, min_overlap: float = 1.0
) -> list[Link]:
    """Links for every prediction and every gold span under ``scheme`` (see module doc)."""
    if scheme not in SCHEMES:
        raise ValueError(f"scheme {scheme!r} is not one of {', '.join(SCHEMES)}")
    links: list[Link] = []
    used: set[int] = set()
    for p_idx, p in enumerate(pred):
        if scheme == "type":
            best: int | None = None
            best_distance = 0
            wrong: int | None = None
            for g_idx, g in enumerate(gold):
                if g_idx in used or not overlaps(p, g, min_overlap):
                    continue
                if g.label == p.label:
                    distance = abs(p.start - g.start) + abs(p.end - g.end)
                    if best is None or distance < best_distance:
                        best, best_distance = g_idx, distance
                elif wrong is None:
                    wrong = g_idx
            if best is not None:
                links.append(Link("correct", best, p_idx))
                used.add(best)
            elif wrong is not None:
                links.append(Link("incorrect", wrong, p_idx))
                used.add(wrong)
            else:
                links.append(Link("spurious", None, p_idx))
            continue
        found: int | None = None
        for g_idx, g in enumerate(gold):
            if g_idx in used:
                continue
            same_bounds = g.start == p.start and g.end == p.end
            if scheme == "partial":
                if not overlaps(p, g, min_overlap):
                    continue
                if same_bounds:
                    links.append(Link("correct", g_idx, p_idx))
                    used.add(g_idx)
                    break
                if found is None:
                    found = g_idx
                continue
            if same_bounds and (scheme == "exact" or g.label == p.label):
                links.append(Link("correct", g_idx, p_idx))
                used.add(g_idx)
                break
            if found is None and overlaps(p, g, min_overlap):
                found = g_idx
        else:
            if found is not None:
                links.append(Link("partial" if scheme == "partial" else "incorrect", found, p_idx))
                used.add(found)
            else:
                links.append(Link("spurious", None, p_idx))
    links.extend(Link("missed", g_idx, None) for g_idx in range(len(gold)) if g_idx not in used)
    return links


def count_links(links: Sequence[Link]) -> dict[str, int]:
    """Number of links per category."""
    counts = dict.fromkeys(CATEGORIES, 0)
    for link in links:
        counts[link.category] += 1
    return counts


def _scheme_counts(
    gold: Sequence[Span], pred: Sequence[Span], min_overlap: float
) -> npt.NDArray[np.int64]:
    """Counts of shape (groups, schemes, categories) for one document."""
    out = np.zeros((len(GROUPS), len(SCHEMES), len(CATEGORIES)), dtype=np.int64)
    for g_i, group in enumerate(GROUPS):
        g_spans = gold if group == "micro" else [s for s in gold if s.label == group]
        p_spans = pred if group == "micro" else [s for s in pred if s.label == group]
        for s_i, scheme in enumerate(SCHEMES):
            counts = count_links(match_spans(g_spans, p_spans, scheme, min_overlap))
            out[g_i, s_i] = [counts[c] for c in CATEGORIES]
    return out


def prf(counts: npt.NDArray[Any], half_partial: npt.NDArray[np.bool_] | bool) -> dict[str, Any]:
    """tp, fp, fn, precision, recall, F1 from counts whose last axis is CATEGORIES."""
    c = np.asarray(counts, dtype=np.float64)
    correct, incorrect, partial, missed, spurious = (c[..., i] for i in range(5))
    tp = correct + np.where(half_partial, 0.5 * partial, 0.0)
    actual = correct + incorrect + partial + spurious
    possible = correct + incorrect + partial + missed
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(actual > 0, tp / np.where(actual > 0, actual, 1), 0.0)
        recall = np.where(possible > 0, tp / np.where(possible > 0, possible, 1), 0.0)
        total = precision + recall
        f1 = np.where(total > 0, 2 * precision * recall / np.where(total > 0, total, 1), 0.0)
    return {"tp": tp, "fp": actual - tp, "fn": possible - tp,
            "precision": precision, "recall": recall, "f1": f1}


_HALF = np.array([scheme in ("partial", "type") for scheme in SCHEMES])


def _num(value: float) -> float | int | None:
    value = float(value)
    if math.isnan(value):
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _float(value: float) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value


def _interval(samples: FloatArray, level: float) -> list[float | None]:
    values = samples[~np.isnan(samples)]
    if values.size == 0:
        return [None, None]
    alpha = (1.0 - level) / 2.0
    lo, hi = np.percentile(values, [100 * alpha, 100 * (1 - alpha)])
    return [_float(lo), _float(hi)]


def bootstrap_weights(n_docs: int, n_samples: int, seed: int) -> npt.NDArray[np.int64]:
    """How many times each document is drawn in each of ``n_samples`` resamples."""
    rng = np.random.default_rng(seed)
    if n_docs == 0 or n_samples <= 0:
        return np.zeros((max(n_samples, 0), n_docs), dtype=np.int64)
    return rng.multinomial(n_docs, np.full(n_docs, 1.0 / n_docs), size=n_samples)


# --- attributes ---------------------------------------------------------------------------


def normalise_text(value: str | None) -> str | None:
    """Lower-cased, NFC, typographic apostrophes as ', whitespace collapsed; '' -> None."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value).casefold()
    text = text.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2018", "'")
    text = " ".join(text.split())
    return text or None


def object_head(value: str | None) -> str | None:
    """First token of the normalised object, a plural ``s``/``x`` stripped (len > 3)."""
    text = normalise_text(value)
    if text is None:
        return None
    token = re.split(r"[\s']+", text)[0]
    if len(token) > 3 and token[-1] in "sx":
        token = token[:-1]
    return token


def value_equal(gold: Any, pred: Any, tolerance: float = VALUE_TOLERANCE) -> bool:
    """Both null, or numbers with |pred - gold| <= tolerance * |gold|."""
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return abs(p - g) <= tolerance * abs(g)


def compare_attributes(
    gold: Span, pred: Span, head_lemmatizer: HeadLemmatizer | None = None
) -> dict[str, bool]:
    """Per attribute, whether ``pred`` agrees with ``gold`` (a strict match of one label)."""
    g, p = gold.attrs, pred.attrs
    if gold.label == "ORG":
        result = {"kb_id": g.get("kb_id") == p.get("kb_id")}
        if g.get("kb_id") is not None:
            result["kb_id_linked"] = result["kb_id"]
        return result
    if head_lemmatizer is None:
        g_head, p_head = object_head(g.get("object")), object_head(p.get("object"))
    else:
        g_obj, p_obj = normalise_text(g.get("object")), normalise_text(p.get("object"))
        g_head = head_lemmatizer(g_obj) if g_obj is not None else None
        p_head = head_lemmatizer(p_obj) if p_obj is not None else None
    return {
        "value": value_equal(g.get("value"), p.get("value")),
        "value_max": value_equal(g.get("value_max"), p.get("value_max")),
        "unit": g.get("unit") == p.get("unit"),
        "modifier": g.get("modifier") == p.get("modifier"),
        "object_exact": normalise_text(g.get("object")) == normalise_text(p.get("object")),
        "object_head": g_head == p_head,
    }


ATTRIBUTES: tuple[tuple[str, str], ...] = tuple(
    [("QUANTITY", a) for a in QUANTITY_ATTRIBUTES] + [("ORG", a) for a in ORG_ATTRIBUTES]
)


# --- per-document alignment ---------------------------------------------------------------


def classify(gold: Span | None, pred: Span | None) -> str:
    """Error type of an aligned pair: correct, missed, spurious, boundary, label, label_boundary."""
    if gold is None:
        return "spurious"
    if pred is None:
        return "missed"
    same_bounds = gold.start == pred.start and gold.end == pred.end
    same_label = gold.label == pred.label
    if same_bounds and same_label:
        return "correct"
    if same_bounds:
        return "label"
    return "boundary" if same_label else "label_boundary"


@dataclass
class DocAlignment:
    """How one document's predictions align with its gold spans (micro strict matching)."""

    doc_id: str
    text: str
    gold: list[Span]
    pred: list[Span]
    pairs: list[tuple[int | None, int | None, str]]
    attribute_checks: list[tuple[int, int, dict[str, bool]]]
    attributes_scored: bool

    def gold_status(self) -> dict[int, str]:
        """Error type per gold span index."""
        return {g: kind for g, _, kind in self.pairs if g is not None}

    def pred_status(self) -> dict[int, str]:
        """Error type per predicted span index."""
        return {p: kind for _, p, kind in self.pairs if p is not None}

    def error_types(self) -> set[str]:
        """Error types present in the document (``attribute`` for a wrong attribute)."""
        kinds = {kind for _, _, kind in self.pairs if kind != "correct"}
        if any(not all(checks.values()) for _, _, checks in self.attribute_checks):
            kinds.add("attribute")
        return kinds


def align_document(
    gold_doc: GoldDoc,
    pred_doc: GoldDoc | None,
    *,
    min_overlap: float = 1.0,
    head_lemmatizer: HeadLemmatizer | None = None,
) -> DocAlignment:
    """Aligned pairs (micro strict) and attribute checks of one document."""
    gold, pred = doc_spans(gold_doc), doc_spans(pred_doc)
    pairs = [(link.gold, link.pred,
              classify(gold[link.gold] if link.gold is not None else None,
                       pred[link.pred] if link.pred is not None else None))
             for link in match_spans(gold, pred, "strict", min_overlap)]
    scored = attributes_scored(gold_doc)
    checks: list[tuple[int, int, dict[str, bool]]] = []
    for g_idx, p_idx, kind in pairs:
        if kind != "correct" or g_idx is None or p_idx is None:
            continue
        if gold[g_idx].label == "QUANTITY" and not scored:
            continue
        checks.append((g_idx, p_idx, compare_attributes(gold[g_idx], pred[p_idx],
                                                        head_lemmatizer)))
    return DocAlignment(str(gold_doc["id"]), str(gold_doc["text"]), gold, pred, pairs, checks,
                        scored)


# --- corpus scoring -----------------------------------------------------------------------


@dataclass
class CorpusCounts:
    """Per-document counts, the raw material of scores and bootstrap resamples."""

    spans: npt.NDArray[np.int64]  # (docs, groups, schemes, categories)
    attributes: npt.NDArray[np.int64]  # (docs, attributes, 2): agreeing, compared
    alignments: list[DocAlignment]
    macro_labels: list[str]


def count_corpus(
    pairs: Sequence[tuple[GoldDoc, GoldDoc | None]],
    *,
    min_overlap: float = 1.0,
    head_lemmatizer: HeadLemmatizer | None = None,
) -> CorpusCounts:
    """Counts for every (gold, prediction) document pair."""
    spans = np.zeros((len(pairs), len(GROUPS), len(SCHEMES), len(CATEGORIES)), dtype=np.int64)
    attrs = np.zeros((len(pairs), len(ATTRIBUTES), 2), dtype=np.int64)
    alignments: list[DocAlignment] = []
    for d, (gold_doc, pred_doc) in enumerate(pairs):
        gold, pred = doc_spans(gold_doc), doc_spans(pred_doc)
        spans[d] = _scheme_counts(gold, pred, min_overlap)
        alignment = align_document(gold_doc, pred_doc, min_overlap=min_overlap,
                                   head_lemmatizer=head_lemmatizer)
        alignments.append(alignment)
        for g_idx, _, checks in alignment.attribute_checks:
            label = alignment.gold[g_idx].label
            for a, (a_label, name) in enumerate(ATTRIBUTES):
                if a_label == label and name in checks:
                    attrs[d, a, 0] += int(checks[name])
                    attrs[d, a, 1] += 1
    totals = spans.sum(axis=0)
    present = [label for i, label in enumerate(LABELS)
               if totals[i, 0, 0] + totals[i, 0, 1] + totals[i, 0, 3] + totals[i, 0, 4] > 0]
    return CorpusCounts(spans, attrs, alignments, present or list(LABELS))


def _metrics_from_totals(
    totals: npt.NDArray[Any], macro_idx: list[int], *, absent_nan: bool = False
) -> dict[str, FloatArray]:
    """P/R/F1 arrays (..., groups+macro, schemes) from totals (..., groups, schemes, cats).

    With ``absent_nan``, a group with neither gold nor predicted span gets NaN (a resample
    that lost a label says nothing about it) and macro averages the others.
    """
    scores = prf(totals, _HALF)
    absent = np.asarray(totals).sum(axis=-1) == 0
    out: dict[str, FloatArray] = {}
    for key in ("precision", "recall", "f1"):
        per_group = scores[key]
        if absent_nan:
            per_group = np.where(absent, np.nan, per_group)
            chosen = per_group[..., macro_idx, :]
            seen = (~np.isnan(chosen)).sum(axis=-2, keepdims=True)
            total = np.nansum(chosen, axis=-2, keepdims=True)
            with np.errstate(divide="ignore", invalid="ignore"):
                macro = np.where(seen > 0, total / np.where(seen > 0, seen, 1), np.nan)
        else:
            macro = per_group[..., macro_idx, :].mean(axis=-2, keepdims=True)
        out[key] = np.concatenate([per_group, macro], axis=-2)
    return out


def _bootstrap_spans(
    counts: CorpusCounts, weights: npt.NDArray[np.int64]
) -> dict[str, FloatArray]:
    """Resampled P/R/F1, each of shape (samples, groups + macro, schemes)."""
    flat = counts.spans.reshape(counts.spans.shape[0], -1).astype(np.float64)
    shape = (weights.shape[0], *counts.spans.shape[1:])
    totals = (weights.astype(np.float64) @ flat).reshape(shape)
    macro_idx = [LABELS.index(label) for label in counts.macro_labels]
    return _metrics_from_totals(totals, macro_idx, absent_nan=True)


def _attribute_samples(counts: CorpusCounts, weights: npt.NDArray[np.int64]) -> FloatArray:
    """Resampled accuracies, shape (samples, attributes); NaN where nothing was compared."""
    w = weights.astype(np.float64)
    agree = w @ counts.attributes[:, :, 0].astype(np.float64)
    seen = w @ counts.attributes[:, :, 1].astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(seen > 0, agree / np.where(seen > 0, seen, 1), np.nan)


def confusion(alignments: Sequence[DocAlignment]) -> dict[str, Any]:
    """Label confusion (gold x predicted, NONE for missed/spurious) and boundary errors."""
    axis = [*LABELS, NONE]
    matrix = {g: dict.fromkeys(axis, 0) for g in axis}
    boundary = {g: dict.fromkeys(axis, 0) for g in axis}
    by_type = {kind: dict.fromkeys(LABELS, 0) for kind in ("correct", *ERROR_TYPES)}
    for alignment in alignments:
        for g_idx, p_idx, kind in alignment.pairs:
            g_label = alignment.gold[g_idx].label if g_idx is not None else NONE
            p_label = alignment.pred[p_idx].label if p_idx is not None else NONE
            matrix[g_label][p_label] += 1
            if kind in ("boundary", "label_boundary"):
                boundary[g_label][p_label] += 1
            by_type[kind][g_label if g_label != NONE else p_label] += 1
    return {"labels": axis, "matrix": matrix, "boundary_mismatch": boundary,
            "error_types": by_type}


def _span_record(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "label": span.label,
            "text": text[span.start:span.end]}


def error_list(alignments: Sequence[DocAlignment]) -> list[dict[str, Any]]:
    """Every span error: doc id, error type, gold and predicted span (text, offsets, label)."""
    errors: list[dict[str, Any]] = []
    for al in alignments:
        for g_idx, p_idx, kind in al.pairs:
            if kind == "correct":
                continue
            gold = al.gold[g_idx] if g_idx is not None else None
            pred = al.pred[p_idx] if p_idx is not None else None
            errors.append({"doc_id": al.doc_id, "error_type": kind,
                           "gold": _span_record(al.text, gold),
                           "pred": _span_record(al.text, pred)})
    return errors


def attribute_error_list(alignments: Sequence[DocAlignment]) -> list[dict[str, Any]]:
    """Every attribute disagreement on strictly matched spans (object: exact comparison)."""
    errors: list[dict[str, Any]] = []
    for al in alignments:
        for g_idx, p_idx, checks in al.attribute_checks:
            gold, pred = al.gold[g_idx], al.pred[p_idx]
            for name, ok in checks.items():
                if ok or name in ("kb_id_linked", "object_head"):
                    continue
                key = "object" if name == "object_exact" else name
                record = {"doc_id": al.doc_id, "label": gold.label, "attribute": key,
                          "span": _span_record(al.text, gold),
                          "gold": gold.attrs.get(key), "pred": pred.attrs.get(key)}
                if key == "object":
                    record["same_head"] = checks.get("object_head")
                errors.append(record)
    return errors


def score(
    pairs: Sequence[tuple[GoldDoc, GoldDoc | None]],
    *,
    n_bootstrap: int = 1000,
    seed: int = 0,
    ci_level: float = 0.95,
    min_overlap: float = 1.0,
    head_lemmatizer: HeadLemmatizer | None = None,
) -> dict[str, Any]:
    """METRICS dict (see evaluation/README.md) for aligned (gold, prediction) documents."""
    counts = count_corpus(pairs, min_overlap=min_overlap, head_lemmatizer=head_lemmatizer)
    return metrics_from_counts(counts, n_bootstrap=n_bootstrap, seed=seed, ci_level=ci_level)


def metrics_from_counts(
    counts: CorpusCounts, *, n_bootstrap: int = 1000, seed: int = 0, ci_level: float = 0.95
) -> dict[str, Any]:
    """METRICS dict from per-document counts."""
    totals = counts.spans.sum(axis=0)
    macro_idx = [LABELS.index(label) for label in counts.macro_labels]
    point = _metrics_from_totals(totals, macro_idx)
    raw = prf(totals, _HALF)
    weights = bootstrap_weights(len(counts.alignments), n_bootstrap, seed)
    samples = _bootstrap_spans(counts, weights)
    macro_counts = totals[macro_idx].sum(axis=0)
    macro_raw = prf(macro_counts, _HALF)

    def block(g: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for s, scheme in enumerate(SCHEMES):
            if g < len(GROUPS):
                cats, extra = totals[g, s], {k: raw[k][g, s] for k in ("tp", "fp", "fn")}
            else:
                cats, extra = macro_counts[s], {k: macro_raw[k][s] for k in ("tp", "fp", "fn")}
            entry: dict[str, Any] = {
                k: _float(point[k][g, s]) for k in ("precision", "recall", "f1")
            }
            entry.update({k: _num(v) for k, v in extra.items()})
            entry.update({c: int(cats[i]) for i, c in enumerate(CATEGORIES)})
            for k in ("precision", "recall", "f1"):
                entry[f"ci95_{k}"] = _interval(samples[k][:, g, s], ci_level)
            entry["ci95"] = entry["ci95_f1"]
            out[scheme] = entry
        return out

    attr_samples = _attribute_samples(counts, weights)
    attr_totals = counts.attributes.sum(axis=0)
    attributes: dict[str, dict[str, Any]] = {"QUANTITY": {}, "ORG": {}}
    for a, (label, name) in enumerate(ATTRIBUTES):
        agree, seen = int(attr_totals[a, 0]), int(attr_totals[a, 1])
        attributes[label][name] = {
            "accuracy": agree / seen if seen else None, "correct": agree, "n": seen,
            "ci95": _interval(attr_samples[:, a], ci_level) if seen else [None, None],
        }
    gold_spans = {label: 0 for label in LABELS}
    pred_spans = {label: 0 for label in LABELS}
    for al in counts.alignments:
        for span in al.gold:
            gold_spans[span.label] = gold_spans.get(span.label, 0) + 1
        for span in al.pred:
            pred_spans[span.label] = pred_spans.get(span.label, 0) + 1
    return {
        "labels": {label: block(i) for i, label in enumerate(LABELS)},
        "micro": block(len(LABELS)),
        "macro": block(len(GROUPS)),
        "macro_labels": list(counts.macro_labels),
        "attributes": attributes,
        "confusion": confusion(counts.alignments),
        "errors": error_list(counts.alignments),
        "attribute_errors": attribute_error_list(counts.alignments),
        "n_documents": len(counts.alignments),
        "n_spans": {"gold": gold_spans, "pred": pred_spans},
        "bootstrap": {"n": n_bootstrap, "seed": seed, "level": ci_level},
    }


def paired_bootstrap(
    baseline: CorpusCounts,
    system: CorpusCounts,
    *,
    n_bootstrap: int = 1000,
    seed: int = 0,
) -> dict[str, Any]:
    """Two-sided paired bootstrap p-values for the F1 difference (system - baseline).

    Both systems are scored on the same resamples of documents; under the null hypothesis
    the resampled differences are centred on the observed one, so
    p = (1 + #{|d_i - d| >= |d|}) / (1 + n), over the n resamples where the label occurs.
    Identical systems give p = 1. With fewer than 2 documents p is None.
    """
    if baseline.spans.shape != system.spans.shape:
        raise ValueError("the two systems were not scored on the same documents")
    weights = bootstrap_weights(baseline.spans.shape[0], n_bootstrap, seed)
    macro = sorted(set(baseline.macro_labels) | set(system.macro_labels), key=LABELS.index)
    macro_idx = [LABELS.index(label) for label in macro]
    observed = {
        k: _metrics_from_totals(c.spans.sum(axis=0), macro_idx)["f1"]
        for k, c in (("a", baseline), ("b", system))
    }
    delta = observed["b"] - observed["a"]
    flat_a = baseline.spans.reshape(baseline.spans.shape[0], -1).astype(np.float64)
    flat_b = system.spans.reshape(system.spans.shape[0], -1).astype(np.float64)
    shape = (weights.shape[0], *baseline.spans.shape[1:])
    w = weights.astype(np.float64)
    f1_a = _metrics_from_totals((w @ flat_a).reshape(shape), macro_idx, absent_nan=True)["f1"]
    f1_b = _metrics_from_totals((w @ flat_b).reshape(shape), macro_idx, absent_nan=True)["f1"]
    diffs = f1_b - f1_a
    valid = ~np.isnan(diffs)
    extreme = valid & (np.abs(np.where(valid, diffs, 0.0) - delta) >= np.abs(delta) - 1e-12)
    p_values = (1 + extreme.sum(axis=0)) / (1 + valid.sum(axis=0))
    names = [*GROUPS, "macro"]
    enough = baseline.spans.shape[0] >= 2 and n_bootstrap > 0
    result: dict[str, Any] = {}
    for g, name in enumerate(names):
        result[name] = {
            scheme: {"delta_f1": _float(delta[g, s]),
                     "p_value": _float(p_values[g, s]) if enough else None,
                     "f1_baseline": _float(observed["a"][g, s]),
                     "f1_system": _float(observed["b"][g, s])}
            for s, scheme in enumerate(SCHEMES)
        }
    return {"labels": {label: result[label] for label in LABELS}, "micro": result["micro"],
            "macro": result["macro"], "n_bootstrap": n_bootstrap, "seed": seed,
            "n_documents": int(baseline.spans.shape[0])}
