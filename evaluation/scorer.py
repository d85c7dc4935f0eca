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

``labels`` restricts scoring to some labels (spans of the others are dropped from gold and
predictions alike). ``attributes`` chooses the attributes; by default an attribute is
scored only when the gold annotates it (some gold span has the key with a non-null
value), so an imported set whose ORG spans all have ``kb_id: null`` does not score kb_id.

Claims (ANNOTATION.md, "Extension: claim frames") are scored over strict QUANTITY matches
whose gold span has a ``claim``: ``predicate`` exact; ``agent`` and ``source`` by the
organisation referred to (same kb_id when both spans have one, else the same text, case-
and apostrophe-insensitive); ``part_of`` by the offsets of the referred amount; ``time`` by
offsets and ``time_value`` by value. Each gets F1 over non-null values (a right null scores
nothing; a wrong value is a false positive and a false negative) and plain accuracy.
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
from .messages import EvaluationError, run_message

SCHEMES: tuple[str, ...] = ("strict", "exact", "partial", "type")
CATEGORIES: tuple[str, ...] = ("correct", "incorrect", "partial", "missed", "spurious")
GROUPS: tuple[str, ...] = (*LABELS, "micro")
QUANTITY_ATTRIBUTES: tuple[str, ...] = (
    "value", "value_max", "unit", "modifier", "object_exact", "object_head",
)
ORG_ATTRIBUTES: tuple[str, ...] = ("kb_id", "kb_id_linked")
CLAIM_ATTRIBUTES: tuple[str, ...] = (
    "predicate", "agent", "source", "part_of", "time", "time_value",
)
# the gold key each span attribute compares (to tell whether the gold annotates it)
ATTRIBUTE_KEYS: dict[str, str] = {
    "value": "value", "value_max": "value_max", "unit": "unit", "modifier": "modifier",
    "object_exact": "object", "object_head": "object", "kb_id": "kb_id", "kb_id_linked": "kb_id",
}
ATTRIBUTE_ALIASES: dict[str, tuple[str, ...]] = {
    "object": ("object_exact", "object_head"),
    "claim": CLAIM_ATTRIBUTES,
}
CLAIM_COUNTS: tuple[str, ...] = ("correct", "n", "tp", "fp", "fn")
# attributes whose null everywhere in a gold set means "not annotated" (imported sets)
NULL_UNANNOTATED: frozenset[str] = frozenset({"kb_id", "kb_id_linked"})
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


def doc_spans(doc: GoldDoc | None, labels: Sequence[str] | None = None) -> list[Span]:
    """The document's spans in text order (none for a missing document), of ``labels`` only."""
    if doc is None:
        return []
    spans = (Span.from_dict(s) for s in doc.get("spans", []))
    return sorted((s for s in spans if labels is None or s.label in labels),
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
        raise EvaluationError("unknown_scheme", got=scheme, allowed=", ".join(SCHEMES))
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
    return {"tp": tp, "fp": actual - tp, "fn": possible - tp, "possible": possible,
            "actual": actual, "precision": precision, "recall": recall, "f1": f1}


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


def wilson_interval(correct: int, n: int, level: float) -> list[float | None]:
    """Wilson score interval of a proportion (scipy), [None, None] when n is 0."""
    if n <= 0:
        return [None, None]
    from scipy.stats import binomtest

    ci = binomtest(correct, n).proportion_ci(confidence_level=level, method="wilson")
    return [float(ci.low), float(ci.high)]


def proportion_interval(
    samples: FloatArray, correct: int, n: int, level: float
) -> tuple[list[float | None], str]:
    """Bootstrap interval of an accuracy, or Wilson's when every resample gives one value.

    A perfect (or all-wrong) attribute resamples to the same accuracy every time, and the
    bootstrap would claim [1.0, 1.0]; the Wilson interval on the n comparisons says how
    sure that is.
    """
    values = samples[~np.isnan(samples)]
    if n <= 0 or samples.size == 0:
        return [None, None], "none"
    if values.size == 0 or float(values.max()) == float(values.min()):
        return wilson_interval(correct, n, level), "wilson"
    return _interval(samples, level), "bootstrap"


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
        if "kb_id" not in g:
            return {}
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
    checks = {
        "value": value_equal(g.get("value"), p.get("value")),
        "value_max": value_equal(g.get("value_max"), p.get("value_max")),
        "unit": g.get("unit") == p.get("unit"),
        "modifier": g.get("modifier") == p.get("modifier"),
        "object_exact": normalise_text(g.get("object")) == normalise_text(p.get("object")),
        "object_head": g_head == p_head,
    }
    return {name: ok for name, ok in checks.items() if ATTRIBUTE_KEYS[name] in g}


ATTRIBUTES: tuple[tuple[str, str], ...] = tuple(
    [("QUANTITY", a) for a in QUANTITY_ATTRIBUTES] + [("ORG", a) for a in ORG_ATTRIBUTES]
)
SPAN_ATTRIBUTES: tuple[str, ...] = (*QUANTITY_ATTRIBUTES, *ORG_ATTRIBUTES)
ALL_ATTRIBUTES: tuple[str, ...] = (*SPAN_ATTRIBUTES, *CLAIM_ATTRIBUTES)


def resolve_attributes(names: Sequence[str] | None) -> tuple[str, ...] | None:
    """Attribute names (aliases ``object`` and ``claim`` expanded) or None for "the gold's"."""
    if names is None:
        return None
    chosen: list[str] = []
    unknown = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        expanded = ATTRIBUTE_ALIASES.get(name, (name,))
        for item in expanded:
            if item not in ALL_ATTRIBUTES:
                unknown.append(name)
            elif item not in chosen:
                chosen.append(item)
    if unknown:
        raise EvaluationError("unknown_attributes", got=", ".join(unknown),
                              allowed=", ".join((*ALL_ATTRIBUTES, *ATTRIBUTE_ALIASES)))
    return tuple(chosen)


def resolve_labels(names: Sequence[str] | None) -> tuple[str, ...] | None:
    """Label names checked against LABELS, in LABELS order (None: decided from the gold)."""
    if names is None:
        return None
    wanted = [n.strip() for n in names if n.strip()]
    unknown = [n for n in wanted if n not in LABELS]
    if unknown or not wanted:
        raise EvaluationError("unknown_labels", got=", ".join(unknown) or "nothing",
                              allowed=", ".join(LABELS))
    return tuple(label for label in LABELS if label in wanted)


def gold_scope(
    gold_docs: Sequence[GoldDoc],
    labels: Sequence[str] | None = None,
    attributes: Sequence[str] | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    """Labels and attributes to score, and why the others are left out.

    By default a label is scored when the gold has a span of it (every label when the gold
    has no span at all); an attribute when some gold span of a scored label has its key
    (in a document whose attributes are annotated), kb_id only when some gold kb_id is not
    null (importers write null for every organisation); a claim attribute when some gold
    QUANTITY span has a claim.
    """
    chosen_labels = resolve_labels(labels)
    chosen_attrs = resolve_attributes(attributes)
    seen_labels: set[str] = set()
    annotated: set[str] = set()
    has_claims = False
    for doc in gold_docs:
        scored = attributes_scored(doc)
        for span in doc.get("spans", []):
            seen_labels.add(span["label"])
            if span["label"] == "QUANTITY" and span.get("claim") is not None:
                has_claims = True
            if span["label"] == "QUANTITY" and not scored:
                continue
            for name, key in ATTRIBUTE_KEYS.items():
                if key in span and (span[key] is not None or name not in NULL_UNANNOTATED):
                    annotated.add(name)
    skipped: dict[str, str] = {}
    if chosen_labels is None:
        chosen_labels = tuple(label for label in LABELS if label in seen_labels) or LABELS
        for label in LABELS:
            if label not in chosen_labels:
                skipped[label] = run_message("label_skipped", label=label,
                                             labels=",".join((*chosen_labels, label)))
    label_of = dict((name, label) for label, name in ATTRIBUTES)
    in_scope = [name for name in ALL_ATTRIBUTES
                if label_of.get(name, "QUANTITY") in chosen_labels]
    if chosen_attrs is None:
        picked = []
        for name in in_scope:
            ok = has_claims if name in CLAIM_ATTRIBUTES else name in annotated
            if ok:
                picked.append(name)
            elif name in CLAIM_ATTRIBUTES:
                skipped.setdefault("claim", run_message("claims_skipped"))
            else:
                which = "a non-null" if name in NULL_UNANNOTATED else "an annotated"
                skipped[name] = run_message("attribute_skipped", label=label_of[name],
                                            which=which, key=ATTRIBUTE_KEYS[name], name=name)
        chosen_attrs = tuple(picked)
    else:
        chosen_attrs = tuple(a for a in chosen_attrs if a in in_scope)
    return chosen_labels, chosen_attrs, skipped


def full_scope(
    gold_docs: Sequence[GoldDoc],
    labels: Sequence[str] | None = None,
    attributes: Sequence[str] | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    """Every label and span attribute (claim attributes when some gold span has a claim),
    or those given."""
    chosen_labels = resolve_labels(labels) or LABELS
    chosen_attrs = resolve_attributes(attributes)
    if chosen_attrs is None:
        has_claims = any(span.get("claim") is not None
                         for doc in gold_docs for span in doc.get("spans", []))
        chosen_attrs = (*SPAN_ATTRIBUTES, *(CLAIM_ATTRIBUTES if has_claims else ()))
    return chosen_labels, chosen_attrs, {}


# --- claims -------------------------------------------------------------------------------

ClaimValue = tuple[Any, ...] | str | None


def _ref_offsets(ref: Any) -> tuple[int, int] | None:
    if isinstance(ref, dict) and isinstance(ref.get("start"), int) \
            and isinstance(ref.get("end"), int):
        return (ref["start"], ref["end"])
    return None


def org_identity(doc: GoldDoc | None, ref: Any) -> tuple[str | None, str] | None:
    """(kb_id, normalised text) of the ORG a span ref points at; None for a null ref."""
    offsets = _ref_offsets(ref)
    if offsets is None or doc is None:
        return None
    start, end = offsets
    kb_id = None
    for span in doc.get("spans", []):
        if span.get("start") == start and span.get("end") == end:
            kb_id = span.get("kb_id")
            break
    surface = normalise_text(str(doc.get("text", ""))[start:end]) or ""
    return (kb_id if isinstance(kb_id, str) else None, surface)


def same_org(gold: tuple[str | None, str] | None, pred: tuple[str | None, str] | None) -> bool:
    """Same organisation: same kb_id when both have one, else the same normalised text."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold[0] is not None and pred[0] is not None:
        return gold[0] == pred[0]
    return gold[1] == pred[1]


def claim_values(doc: GoldDoc | None, claim: Any) -> dict[str, Any]:
    """The comparable value of each claim attribute (None when null or absent)."""
    claim = claim if isinstance(claim, dict) else {}
    time = claim.get("time") if isinstance(claim.get("time"), dict) else None
    predicate = claim.get("predicate")
    return {
        "predicate": unicodedata.normalize("NFC", predicate) if isinstance(predicate, str)
        else None,
        "agent": org_identity(doc, claim.get("agent")),
        "source": org_identity(doc, claim.get("source")),
        "part_of": _ref_offsets(claim.get("part_of")),
        "time": _ref_offsets(time),
        "time_value": time.get("value") if time is not None else None,
    }


def compare_claims(
    gold_doc: GoldDoc, gold: Span, pred_doc: GoldDoc | None, pred: Span
) -> dict[str, tuple[Any, Any, bool]]:
    """Per claim attribute: (gold value, predicted value, equal)."""
    g = claim_values(gold_doc, gold.attrs.get("claim"))
    p = claim_values(pred_doc, pred.attrs.get("claim"))
    out: dict[str, tuple[Any, Any, bool]] = {}
    for name in CLAIM_ATTRIBUTES:
        equal = same_org(g[name], p[name]) if name in ("agent", "source") else g[name] == p[name]
        out[name] = (g[name], p[name], equal)
    return out


def claim_counts(gold: Any, pred: Any, equal: bool) -> tuple[int, int, int, int, int]:
    """(correct, n, tp, fp, fn) of one comparison: F1 over non-null values, plus accuracy."""
    tp = int(gold is not None and pred is not None and equal)
    fp = int(pred is not None and not tp)
    fn = int(gold is not None and not tp)
    return int(equal), 1, tp, fp, fn


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
    claim_checks: list[tuple[int, int, dict[str, tuple[Any, Any, bool]]]] = field(
        default_factory=list)

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
        if any(not all(c[2] for c in checks.values()) for _, _, checks in self.claim_checks):
            kinds.add("claim")
        return kinds


def align_document(
    gold_doc: GoldDoc,
    pred_doc: GoldDoc | None,
    *,
    min_overlap: float = 1.0,
    head_lemmatizer: HeadLemmatizer | None = None,
    labels: Sequence[str] | None = None,
    attributes: Sequence[str] | None = None,
) -> DocAlignment:
    """Aligned pairs (micro strict), attribute and claim checks of one document."""
    gold, pred = doc_spans(gold_doc, labels), doc_spans(pred_doc, labels)
    pairs = [(link.gold, link.pred,
              classify(gold[link.gold] if link.gold is not None else None,
                       pred[link.pred] if link.pred is not None else None))
             for link in match_spans(gold, pred, "strict", min_overlap)]
    scored = attributes_scored(gold_doc)
    checks: list[tuple[int, int, dict[str, bool]]] = []
    claims: list[tuple[int, int, dict[str, tuple[Any, Any, bool]]]] = []
    wanted = set(ALL_ATTRIBUTES if attributes is None else attributes)
    want_claims = bool(wanted & set(CLAIM_ATTRIBUTES))
    for g_idx, p_idx, kind in pairs:
        if kind != "correct" or g_idx is None or p_idx is None:
            continue
        g_span = gold[g_idx]
        if want_claims and g_span.label == "QUANTITY" and g_span.attrs.get("claim") is not None:
            compared = compare_claims(gold_doc, g_span, pred_doc, pred[p_idx])
            claims.append((g_idx, p_idx, {k: v for k, v in compared.items() if k in wanted}))
        if g_span.label == "QUANTITY" and not scored:
            continue
        found = compare_attributes(g_span, pred[p_idx], head_lemmatizer)
        found = {k: v for k, v in found.items() if k in wanted}
        if found:
            checks.append((g_idx, p_idx, found))
    return DocAlignment(str(gold_doc["id"]), str(gold_doc["text"]), gold, pred, pairs, checks,
                        scored, claims)


# --- corpus scoring -----------------------------------------------------------------------


@dataclass
class CorpusCounts:
    """Per-document counts, the raw material of scores and bootstrap resamples."""

    spans: npt.NDArray[np.int64]  # (docs, groups, schemes, categories)
    attributes: npt.NDArray[np.int64]  # (docs, attributes, 2): agreeing, compared
    alignments: list[DocAlignment]
    macro_labels: list[str]
    claims: npt.NDArray[np.int64] = field(  # (docs, claim attributes, CLAIM_COUNTS)
        default_factory=lambda: np.zeros((0, len(CLAIM_ATTRIBUTES), len(CLAIM_COUNTS)),
                                         dtype=np.int64))
    labels: tuple[str, ...] = LABELS
    attribute_names: tuple[str, ...] = ALL_ATTRIBUTES
    skipped: dict[str, str] = field(default_factory=dict)
    n_gold_claims: int = 0


def count_corpus(
    pairs: Sequence[tuple[GoldDoc, GoldDoc | None]],
    *,
    min_overlap: float = 1.0,
    head_lemmatizer: HeadLemmatizer | None = None,
    labels: Sequence[str] | None = None,
    attributes: Sequence[str] | None = None,
    scope: tuple[tuple[str, ...], tuple[str, ...], dict[str, str]] | None = None,
) -> CorpusCounts:
    """Counts for every (gold, prediction) document pair.

    ``labels``/``attributes`` default to every label and span attribute (claims too when
    the gold has one, see :func:`full_scope`); ``scope`` passes a decision made already,
    e.g. by :func:`gold_scope`.
    """
    if scope is None:
        scope = full_scope([g for g, _ in pairs], labels, attributes)
    chosen_labels, chosen_attrs, skipped = scope
    spans = np.zeros((len(pairs), len(GROUPS), len(SCHEMES), len(CATEGORIES)), dtype=np.int64)
    attrs = np.zeros((len(pairs), len(ATTRIBUTES), 2), dtype=np.int64)
    claims = np.zeros((len(pairs), len(CLAIM_ATTRIBUTES), len(CLAIM_COUNTS)), dtype=np.int64)
    alignments: list[DocAlignment] = []
    n_gold_claims = 0
    for d, (gold_doc, pred_doc) in enumerate(pairs):
        gold, pred = doc_spans(gold_doc, chosen_labels), doc_spans(pred_doc, chosen_labels)
        n_gold_claims += sum(1 for s in gold if s.attrs.get("claim") is not None)
        spans[d] = _scheme_counts(gold, pred, min_overlap)
        alignment = align_document(gold_doc, pred_doc, min_overlap=min_overlap,
                                   head_lemmatizer=head_lemmatizer, labels=chosen_labels,
                                   attributes=chosen_attrs)
        alignments.append(alignment)
        for g_idx, _, checks in alignment.attribute_checks:
            label = alignment.gold[g_idx].label
            for a, (a_label, name) in enumerate(ATTRIBUTES):
                if a_label == label and name in checks:
                    attrs[d, a, 0] += int(checks[name])
                    attrs[d, a, 1] += 1
        for _, _, compared in alignment.claim_checks:
            for c, name in enumerate(CLAIM_ATTRIBUTES):
                if name in compared:
                    claims[d, c] += claim_counts(*compared[name])
    totals = spans.sum(axis=0)
    present = [label for i, label in enumerate(LABELS) if label in chosen_labels
               and totals[i, 0, 0] + totals[i, 0, 1] + totals[i, 0, 3] + totals[i, 0, 4] > 0]
    return CorpusCounts(spans, attrs, alignments, present or list(chosen_labels), claims,
                        tuple(chosen_labels), tuple(chosen_attrs), dict(skipped), n_gold_claims)


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
    labels: Sequence[str] | None = None,
    attributes: Sequence[str] | None = None,
) -> dict[str, Any]:
    """METRICS dict (see evaluation/README.md) for aligned (gold, prediction) documents."""
    counts = count_corpus(pairs, min_overlap=min_overlap, head_lemmatizer=head_lemmatizer,
                          labels=labels, attributes=attributes)
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
            entry["possible"] = int(cats[0] + cats[1] + cats[2] + cats[3])
            entry["actual"] = int(cats[0] + cats[1] + cats[2] + cats[4])
            entry.update({c: int(cats[i]) for i, c in enumerate(CATEGORIES)})
            for k in ("precision", "recall", "f1"):
                entry[f"ci95_{k}"] = _interval(samples[k][:, g, s], ci_level)
            entry["ci95"] = entry["ci95_f1"]
            out[scheme] = entry
        return out

    attr_samples = _attribute_samples(counts, weights)
    attr_totals = counts.attributes.sum(axis=0)
    attributes: dict[str, dict[str, Any]] = {
        label: {} for label in ("QUANTITY", "ORG") if label in counts.labels}
    for a, (label, name) in enumerate(ATTRIBUTES):
        if label not in attributes or name not in counts.attribute_names:
            continue
        agree, seen = int(attr_totals[a, 0]), int(attr_totals[a, 1])
        interval, method = proportion_interval(attr_samples[:, a], agree, seen, ci_level)
        attributes[label][name] = {
            "accuracy": agree / seen if seen else None, "correct": agree, "n": seen,
            "ci95": interval, "ci_method": method,
        }
    gold_spans = {label: 0 for label in counts.labels}
    pred_spans = {label: 0 for label in counts.labels}
    for al in counts.alignments:
        for span in al.gold:
            gold_spans[span.label] = gold_spans.get(span.label, 0) + 1
        for span in al.pred:
            pred_spans[span.label] = pred_spans.get(span.label, 0) + 1
    result = {
        "labels": {label: block(i) for i, label in enumerate(LABELS) if label in counts.labels},
        "micro": block(len(LABELS)),
        "macro": block(len(GROUPS)),
        "macro_labels": list(counts.macro_labels),
        "scored": {"labels": list(counts.labels),
                   "attributes": list(counts.attribute_names),
                   "skipped": dict(counts.skipped)},
        "attributes": attributes,
        "confusion": confusion(counts.alignments),
        "errors": error_list(counts.alignments),
        "attribute_errors": attribute_error_list(counts.alignments),
        "n_documents": len(counts.alignments),
        "n_spans": {"gold": gold_spans, "pred": pred_spans},
        "bootstrap": {"n": n_bootstrap, "seed": seed, "level": ci_level},
    }
    claims = None
    if set(counts.attribute_names) & set(CLAIM_ATTRIBUTES):
        result["claims"] = claims = claims_block(counts, weights, ci_level)
    rules = rules_block(counts.alignments, claims)
    if rules["spans"] or rules["claims"]:
        result["rules"] = rules
    return result


def _rule_entry(right: int, fired: int, break_even: float | None = None) -> dict[str, Any]:
    precision = right / fired if fired else None
    entry: dict[str, Any] = {"fired": fired, "right": right, "precision": precision}
    if break_even is not None:
        entry["below_break_even"] = precision is not None and precision < break_even
    return entry


def rules_block(
    alignments: Sequence[DocAlignment], claims: dict[str, Any] | None = None
) -> dict[str, Any]:
    """How often what each rule gives is right, from the predictions' evidence keys.

    Spans are grouped by their ``source`` (the rule family or model that found them) and
    scored as strict matches. A claim attribute is grouped by the rule named for it in
    ``claim_rules``: ``fired`` counts non-null values, ``right`` those equal to the gold,
    ``spurious`` those where the gold is null, ``missed`` the gold values the rule left
    null. Dropping a rule's values raises the attribute's F1 exactly when the rule's
    precision is below half that F1 (``break_even``), so such rules are flagged.
    """
    span_counts: dict[str, dict[str, list[int]]] = {}
    claim_counts_: dict[str, dict[str, list[int]]] = {}
    for al in alignments:
        status = al.pred_status()
        for p_idx, span in enumerate(al.pred):
            source = span.attrs.get("source")
            if isinstance(source, str):
                found = span_counts.setdefault(span.label, {}).setdefault(source, [0, 0])
                found[0] += int(status.get(p_idx) == "correct")
                found[1] += 1
        for _, p_idx, compared in al.claim_checks:
            given = al.pred[p_idx].attrs.get("claim_rules")
            if not isinstance(given, dict):
                continue
            for name, (gold, pred, equal) in compared.items():
                rule = str(given.get("time" if name == "time_value" else name, "(none named)"))
                row = claim_counts_.setdefault(name, {}).setdefault(rule, [0, 0, 0, 0])
                if pred is None:
                    row[3] += int(gold is not None)  # missed
                    continue
                row[0] += int(equal)  # a non-null value equals only a non-null gold
                row[1] += 1
                row[2] += int(gold is None)  # spurious
    claim_scores = (claims or {}).get("attributes", {})
    block: dict[str, Any] = {"spans": {}, "claims": {}}
    for label, sources in sorted(span_counts.items()):
        block["spans"][label] = {
            source: _rule_entry(right, fired)
            for source, (right, fired) in sorted(sources.items(), key=lambda kv: -kv[1][1])
        }
    for name, rules in claim_counts_.items():
        f1 = claim_scores.get(name, {}).get("f1")
        break_even = f1 / 2 if f1 is not None else None
        block["claims"][name] = {
            "break_even": break_even,
            "rules": {
                rule: {**_rule_entry(right, fired, break_even), "spurious": spurious,
                       "missed": missed}
                for rule, (right, fired, spurious, missed) in sorted(
                    rules.items(), key=lambda kv: (-kv[1][1], -kv[1][3], kv[0]))
            },
        }
    return block


def rule_rows(rules: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A ``rules`` block as flat rows, spans first: ``kind`` ("span" or "claim"), ``attribute``
    (the label or claim attribute), ``rule`` (the span source or claim rule) and its counts.
    A claim rule that only gave right nulls (nothing given, nothing missed) has no row."""
    rules = rules or {}
    rows = [{"kind": "span", "attribute": label, "rule": source, **entry}
            for label, sources in rules.get("spans", {}).items()
            for source, entry in sources.items()]
    rows += [{"kind": "claim", "attribute": name, "rule": rule, **entry}
             for name, block in rules.get("claims", {}).items()
             for rule, entry in block["rules"].items() if entry["fired"] or entry["missed"]]
    return rows


def _claim_label(value: Any) -> str | None:
    """A readable name for a compared agent/source identity."""
    if value is None:
        return None
    kb_id, text = value
    return f"{kb_id} ({text})" if kb_id else text


def claims_block(
    counts: CorpusCounts, weights: npt.NDArray[np.int64], ci_level: float
) -> dict[str, Any]:
    """Claim attribute scores (F1 over non-null values, accuracy, CIs) and their errors."""
    w = weights.astype(np.float64)
    totals = counts.claims.sum(axis=0)
    resampled = np.einsum("sd,dak->sak", w, counts.claims.astype(np.float64))
    per_attribute: dict[str, Any] = {}
    for c, name in enumerate(CLAIM_ATTRIBUTES):
        if name not in counts.attribute_names:
            continue
        correct, n, tp, fp, fn = (int(x) for x in totals[c])
        sample = resampled[:, c]
        s_correct, s_n, s_tp, s_fp, s_fn = (sample[:, k] for k in range(5))
        with np.errstate(divide="ignore", invalid="ignore"):
            s_acc = np.where(s_n > 0, s_correct / np.where(s_n > 0, s_n, 1), np.nan)
            denom = 2 * s_tp + s_fp + s_fn
            s_f1 = np.where(denom > 0, 2 * s_tp / np.where(denom > 0, denom, 1), np.nan)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else None
        acc_ci, method = proportion_interval(s_acc, correct, n, ci_level)
        per_attribute[name] = {
            "f1": f1, "precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn,
            "ci95_f1": _interval(s_f1, ci_level) if f1 is not None else [None, None],
            "accuracy": correct / n if n else None, "correct": correct, "n": n,
            "ci95": acc_ci, "ci_method": method,
        }
    confusion_counts: dict[str, dict[tuple[str | None, str | None], int]] = {
        "agent": {}, "source": {}}
    errors: list[dict[str, Any]] = []
    for al in counts.alignments:
        for g_idx, _, compared in al.claim_checks:
            for name, (gold, pred, equal) in compared.items():
                if equal:
                    continue
                if name in confusion_counts:
                    key = (_claim_label(gold), _claim_label(pred))
                    confusion_counts[name][key] = confusion_counts[name].get(key, 0) + 1
                    gold, pred = key
                elif isinstance(gold, tuple) or isinstance(pred, tuple):
                    gold = list(gold) if isinstance(gold, tuple) else gold
                    pred = list(pred) if isinstance(pred, tuple) else pred
                errors.append({"doc_id": al.doc_id, "attribute": name,
                               "span": _span_record(al.text, al.gold[g_idx]),
                               "gold": gold, "pred": pred})
    confusion_lists = {
        name: [{"gold": g, "pred": p, "n": n}
               for (g, p), n in sorted(table.items(), key=lambda kv: (-kv[1], str(kv[0])))]
        for name, table in confusion_counts.items() if name in counts.attribute_names
    }
    return {"n_gold_claims": counts.n_gold_claims,
            "n_compared": int(totals[:, 1].max()),
            "attributes": per_attribute, "confusion": confusion_lists, "errors": errors}


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
        raise EvaluationError(
            "bootstrap_unpaired",
            baseline=baseline.spans.shape,
            system=system.spans.shape,
        )
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
    return {"labels": {label: result[label] for label in LABELS if label in baseline.labels},
            "micro": result["micro"],
            "macro": result["macro"], "n_bootstrap": n_bootstrap, "seed": seed,
            "n_documents": int(baseline.spans.shape[0])}
