"""Scheme counts, cross-checks with nervaluate and seqeval, attributes, bootstrap, paired test."""

from __future__ import annotations

import copy
import random
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechiffre.evaluation.scorer import (
    SCHEMES,
    Span,
    compare_attributes,
    count_corpus,
    count_links,
    match_spans,
    normalise_text,
    object_head,
    paired_bootstrap,
    score,
    value_equal,
)

CATS = ("correct", "incorrect", "partial", "missed", "spurious")
Pair = tuple[dict[str, Any], dict[str, Any] | None]
TEXT = "x" * 60


def _doc(doc_id: str, spans: list[tuple[int, int, str]], text: str = TEXT,
         **attrs: Any) -> dict[str, Any]:
    out = []
    for start, end, label in spans:
        if label == "ORG":
            out.append({"start": start, "end": end, "label": label, "kb_id": attrs.get("kb_id")})
        else:
            out.append({"start": start, "end": end, "label": label, "value": 1,
                        "value_max": None, "unit": None, "modifier": None, "object": None})
    return {"id": doc_id, "text": text, "spans": out}


def _counts(entry: dict[str, Any]) -> tuple[int, ...]:
    return tuple(entry[c] for c in CATS)


# The classic SemEval-2013 9.1 cases (gold, prediction) and the expected micro counts
# (correct, incorrect, partial, missed, spurious) for strict, exact, partial, type.
SEMEVAL_CASES = [
    ("exact match", [(0, 5, "ORG")], [(0, 5, "ORG")],
     {"strict": (1, 0, 0, 0, 0), "exact": (1, 0, 0, 0, 0), "partial": (1, 0, 0, 0, 0),
      "type": (1, 0, 0, 0, 0)}),
    ("wrong type, same boundaries", [(0, 5, "ORG")], [(0, 5, "QUANTITY")],
     {"strict": (0, 1, 0, 0, 0), "exact": (1, 0, 0, 0, 0), "partial": (1, 0, 0, 0, 0),
      "type": (0, 1, 0, 0, 0)}),
    ("overlap, same type", [(0, 10, "ORG")], [(0, 5, "ORG")],
     {"strict": (0, 1, 0, 0, 0), "exact": (0, 1, 0, 0, 0), "partial": (0, 0, 1, 0, 0),
      "type": (1, 0, 0, 0, 0)}),
    ("overlap, different type", [(0, 10, "ORG")], [(2, 8, "QUANTITY")],
     {"strict": (0, 1, 0, 0, 0), "exact": (0, 1, 0, 0, 0), "partial": (0, 0, 1, 0, 0),
      "type": (0, 1, 0, 0, 0)}),
    ("missed", [(0, 5, "ORG")], [],
     {s: (0, 0, 0, 1, 0) for s in SCHEMES}),
    ("spurious", [], [(0, 5, "QUANTITY")],
     {s: (0, 0, 0, 0, 1) for s in SCHEMES}),
    ("adjacent, no overlap", [(0, 5, "ORG")], [(5, 9, "ORG")],
     {s: (0, 0, 0, 1, 1) for s in SCHEMES}),
]


@pytest.mark.parametrize(("name", "gold", "pred", "expected"), SEMEVAL_CASES,
                         ids=[c[0] for c in SEMEVAL_CASES])
def test_semeval_cases_micro_counts(
    name: str, gold: list[Any], pred: list[Any], expected: dict[str, tuple[int, ...]]
) -> None:
    metrics = score([(_doc("d", gold), _doc("d", pred))], n_bootstrap=0)
    assert {s: _counts(metrics["micro"][s]) for s in SCHEMES} == expected


@pytest.mark.parametrize(
    ("gold", "pred", "org", "quantity"),
    [
        # a wrong label is missed for the gold label and spurious for the predicted one
        ([(0, 5, "ORG")], [(0, 5, "QUANTITY")], (0, 0, 0, 1, 0), (0, 0, 0, 0, 1)),
        ([(0, 10, "ORG")], [(0, 5, "ORG")], (0, 1, 0, 0, 0), (0, 0, 0, 0, 0)),
        ([(0, 5, "QUANTITY"), (7, 9, "ORG")], [(0, 5, "QUANTITY"), (6, 8, "ORG")],
         (0, 1, 0, 0, 0), (1, 0, 0, 0, 0)),
    ],
)
def test_per_label_strict_counts(gold: list[Any], pred: list[Any], org: tuple[int, ...],
                                 quantity: tuple[int, ...]) -> None:
    metrics = score([(_doc("d", gold), _doc("d", pred))], n_bootstrap=0)
    assert _counts(metrics["labels"]["ORG"]["strict"]) == org
    assert _counts(metrics["labels"]["QUANTITY"]["strict"]) == quantity


def test_precision_recall_f1_and_tp_fp_fn() -> None:
    gold = [(0, 10, "ORG"), (20, 25, "ORG"), (30, 35, "QUANTITY")]
    pred = [(0, 5, "ORG"), (20, 25, "ORG"), (40, 45, "QUANTITY")]
    metrics = score([(_doc("d", gold), _doc("d", pred))], n_bootstrap=0)
    strict = metrics["micro"]["strict"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (1, 2, 2)
    assert strict["precision"] == pytest.approx(1 / 3)
    assert strict["f1"] == pytest.approx(1 / 3)
    partial = metrics["micro"]["partial"]  # the half-credit overlap
    assert (partial["tp"], partial["fp"], partial["fn"]) == (1.5, 1.5, 1.5)
    assert partial["precision"] == pytest.approx(0.5)
    org, qty = metrics["labels"]["ORG"]["strict"], metrics["labels"]["QUANTITY"]["strict"]
    assert (org["f1"], qty["f1"]) == (pytest.approx(0.5), 0.0)
    assert metrics["macro"]["strict"]["f1"] == pytest.approx(0.25)
    assert metrics["macro_labels"] == ["ORG", "QUANTITY"]


def test_macro_skips_labels_absent_from_gold_and_predictions() -> None:
    metrics = score([(_doc("d", [(0, 5, "ORG")]), _doc("d", [(0, 5, "ORG")]))], n_bootstrap=0)
    assert metrics["macro_labels"] == ["ORG"]
    assert metrics["macro"]["strict"]["f1"] == 1.0
    assert metrics["labels"]["QUANTITY"]["strict"]["f1"] == 0.0


def test_missing_prediction_document_counts_as_empty() -> None:
    metrics = score([(_doc("d", [(0, 5, "ORG")]), None)], n_bootstrap=0)
    assert _counts(metrics["micro"]["strict"]) == (0, 0, 0, 1, 0)


def test_type_scheme_prefers_closest_boundaries() -> None:
    gold = [Span(0, 4, "ORG"), Span(5, 20, "ORG")]
    pred = [Span(2, 18, "ORG")]
    links = match_spans(gold, pred, "type")
    assert [(link.category, link.gold, link.pred) for link in links] == [
        ("correct", 1, 0), ("missed", 0, None)]


@pytest.mark.parametrize(("min_overlap", "category"), [(1.0, "spurious"), (0.1, "incorrect")])
def test_min_overlap_is_a_percentage_of_the_gold_span(min_overlap: float, category: str) -> None:
    gold = [Span(0, 200, "ORG")]
    pred = [Span(199, 205, "ORG")]  # shares 1 character: 0.5 % of the gold span
    assert count_links(match_spans(gold, pred, "strict", min_overlap))[category] == 1


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="strict, exact, partial, type"):
        match_spans([], [], "lenient")


def test_confusion_and_error_list() -> None:
    text = "Le HCR et l'OIM ont aidé 40 migrants, selon Frontex."
    gold = _doc("d", [(3, 6, "ORG"), (12, 15, "ORG"), (25, 27, "QUANTITY"),
                      (44, 51, "ORG")], text)
    pred = _doc("d", [(3, 6, "QUANTITY"), (10, 15, "ORG"), (25, 36, "QUANTITY"),
                      (16, 19, "ORG")], text)
    metrics = score([(gold, pred)], n_bootstrap=0)
    errors = {(e["error_type"], (e["gold"] or {}).get("text"), (e["pred"] or {}).get("text"))
              for e in metrics["errors"]}
    assert errors == {("label", "HCR", "HCR"), ("boundary", "OIM", "l'OIM"),
                      ("boundary", "40", "40 migrants"), ("spurious", None, "ont"),
                      ("missed", "Frontex", None)}
    conf = metrics["confusion"]
    assert conf["matrix"]["ORG"] == {"ORG": 1, "QUANTITY": 1, "NONE": 1}
    assert conf["matrix"]["NONE"]["ORG"] == 1
    assert conf["boundary_mismatch"]["ORG"]["ORG"] == 1
    assert conf["boundary_mismatch"]["QUANTITY"]["QUANTITY"] == 1
    assert conf["error_types"]["label"] == {"ORG": 1, "QUANTITY": 0}


# --- cross-checks ------------------------------------------------------------------------


def _random_spans(rng: random.Random, n: int, length: int = 120) -> list[Span]:
    spans: list[Span] = []
    position = 0
    while len(spans) < n and position < length:
        position += rng.randint(0, 6)
        size = rng.randint(1, 10)
        spans.append(Span(position, position + size, rng.choice(["ORG", "QUANTITY"])))
        position += size
    return spans


def _nervaluate(docs: list[tuple[list[Span], list[Span]]]) -> dict[str, Any]:
    from nervaluate import Evaluator

    def convert(spans: list[Span]) -> list[dict[str, Any]]:
        return [{"label": s.label, "start": s.start, "end": s.end - 1} for s in spans]

    evaluator = Evaluator([convert(g) for g, _ in docs], [convert(p) for _, p in docs],
                          tags=["ORG", "QUANTITY"], loader="dict")
    result: dict[str, Any] = evaluator.evaluate()
    return result


def _as_gold(docs: list[tuple[list[Span], list[Span]]]) -> list[Pair]:
    def to_doc(i: int, spans: list[Span]) -> dict[str, Any]:
        return _doc(f"d{i}", [(s.start, s.end, s.label) for s in spans], "x" * 200)

    return [(to_doc(i, g), to_doc(i, p)) for i, (g, p) in enumerate(docs)]


spans_strategy = st.lists(
    st.tuples(st.integers(0, 6), st.integers(1, 10), st.sampled_from(["ORG", "QUANTITY"])),
    max_size=8,
).map(lambda items: _place(items))


def _place(items: list[tuple[int, int, str]]) -> list[Span]:
    spans, position = [], 0
    for gap, size, label in items:
        position += gap
        spans.append(Span(position, position + size, label))
        position += size
    return spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(spans_strategy, spans_strategy), min_size=1, max_size=4))
def test_all_scheme_counts_equal_nervaluate(docs: list[tuple[list[Span], list[Span]]]) -> None:
    """Every count of every scheme, per label and overall, equals nervaluate's.

    Differences handled in the conversion, not in the counts: nervaluate's entity ``end`` is
    inclusive (we pass ``end - 1``), it calls the type scheme ``ent_type``, and it only
    reports labels that occur (a missing label is all zeros here). Its per-entity results
    filter gold and predictions by label first, which is what ``labels`` reports; its
    "overall" is our ``micro``.
    """
    metrics = score(_as_gold(docs), n_bootstrap=0)
    reference = _nervaluate(docs)
    for scheme in SCHEMES:
        name = "ent_type" if scheme == "type" else scheme
        overall = reference["overall"][name]
        ours = metrics["micro"][scheme]
        assert _counts(ours) == tuple(getattr(overall, c) for c in CATS)
        assert (ours["possible"], ours["actual"]) == (overall.possible, overall.actual)
        assert ours["precision"] == pytest.approx(overall.precision)
        assert ours["recall"] == pytest.approx(overall.recall)
        assert ours["f1"] == pytest.approx(overall.f1)
        for label in ("ORG", "QUANTITY"):
            ours = metrics["labels"][label][scheme]
            if label not in reference["entities"]:
                assert _counts(ours) == (0, 0, 0, 0, 0)
                continue
            theirs = reference["entities"][label][name]
            assert _counts(ours) == tuple(getattr(theirs, c) for c in CATS)
            assert (ours["possible"], ours["actual"]) == (theirs.possible, theirs.actual)
            assert ours["f1"] == pytest.approx(theirs.f1)


def test_nervaluate_cross_check_on_the_semeval_table() -> None:
    docs = [([Span(*g) for g in gold], [Span(*p) for p in pred])
            for _, gold, pred, _ in SEMEVAL_CASES]
    metrics = score(_as_gold(docs), n_bootstrap=0)
    reference = _nervaluate(docs)
    for scheme in ("strict", "partial"):
        overall = reference["overall"][scheme]
        assert _counts(metrics["micro"][scheme]) == tuple(getattr(overall, c) for c in CATS)
    assert _counts(metrics["micro"]["strict"]) == (1, 3, 0, 2, 2)
    assert _counts(metrics["micro"]["partial"]) == (2, 0, 2, 2, 2)


def _bio(n_tokens: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n_tokens
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def _token_spans(rng: random.Random, n_tokens: int) -> list[tuple[int, int, str]]:
    spans, i = [], 0
    while i < n_tokens:
        i += rng.randint(0, 4)
        size = rng.randint(1, 3)
        if i + size > n_tokens:
            break
        spans.append((i, i + size, rng.choice(["ORG", "QUANTITY"])))
        i += size + rng.randint(0, 1)  # adjacent spans of one label test B- boundaries
    return spans


@pytest.mark.parametrize("seed", range(12))
def test_strict_equals_seqeval_on_token_aligned_spans(seed: int) -> None:
    """Strict P/R/F1 per label and micro equal seqeval's (``mode="strict"``, IOB2).

    seqeval scores token sequences: an entity is a (type, first token, last token) triple,
    and only the strict notion exists (no partial credit, no incorrect/missed split). Our
    spans are character offsets, so the comparison only holds when every span starts and
    ends on token boundaries; here tokens are the words of "w0 w1 w2 ..." and spans are
    whole tokens. Its per-label scores filter entities by type, like ours, and its micro
    average counts a wrong-label span once as FP and once as FN, as our ``incorrect`` does.
    """
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    rng = random.Random(seed)
    words = [f"w{i}" for i in range(30)]
    text = " ".join(words)
    starts = [text.index(f"w{i}", sum(len(w) + 1 for w in words[:i])) for i in range(30)]
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    pairs, y_true, y_pred = [], [], []
    for d in range(4):
        gold, pred = _token_spans(rng, 30), _token_spans(rng, 30)
        if d == 0:  # make sure some predictions are right
            pred = gold[: len(gold) // 2] + pred[len(pred) // 2:]
            pred = sorted({p[0]: p for p in pred}.values())
            pred = [p for i, p in enumerate(pred) if i == 0 or pred[i - 1][1] <= p[0]]
        y_true.append(_bio(30, gold))
        y_pred.append(_bio(30, pred))
        pairs.append((
            _doc(f"d{d}", [(starts[s], ends[e - 1], label) for s, e, label in gold], text),
            _doc(f"d{d}", [(starts[s], ends[e - 1], label) for s, e, label in pred], text),
        ))
    metrics = score(pairs, n_bootstrap=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = classification_report(y_true, y_pred, mode="strict", scheme=IOB2,
                                       output_dict=True, zero_division=0)
    for label in ("ORG", "QUANTITY"):
        ours = metrics["labels"][label]["strict"]
        theirs = report.get(label, {"precision": 0.0, "recall": 0.0, "f1-score": 0.0,
                                    "support": 0})
        assert ours["precision"] == pytest.approx(theirs["precision"])
        assert ours["recall"] == pytest.approx(theirs["recall"])
        assert ours["f1"] == pytest.approx(theirs["f1-score"])
        assert ours["tp"] + ours["fn"] == theirs["support"]
    micro = report["micro avg"]
    assert metrics["micro"]["strict"]["precision"] == pytest.approx(micro["precision"])
    assert metrics["micro"]["strict"]["recall"] == pytest.approx(micro["recall"])
    assert metrics["micro"]["strict"]["f1"] == pytest.approx(micro["f1-score"])
    assert metrics["micro"]["strict"]["correct"] > 0


# --- attributes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "equal"),
    [(4388, 4388.0, True), (100, 100.1, True), (100, 99.9, True), (100, 100.2, False),
     (0.3333, 1 / 3, True), (3_500_000, 3_503_000, True), (3_500_000, 3_504_000, False),
     (None, None, True), (None, 5, False), (5, None, False), (0, 0, True), (0, 1e-9, False)],
)
def test_value_tolerance(gold: Any, pred: Any, equal: bool) -> None:
    assert value_equal(gold, pred) is equal


@pytest.mark.parametrize(
    ("raw", "normalised", "head"),
    [("Migrants", "migrants", "migrant"),
     ("  tentatives   d’immigration clandestine ", "tentatives d'immigration clandestine",
      "tentative"),
     ("réseaux criminels", "réseaux criminels", "réseau"),
     ("prix", "prix", "pri"), ("bus", "bus", "bus"), ("", None, None), (None, None, None),
     ("d'euros", "d'euros", "d")],
)
def test_object_normalisation_and_head(raw: str | None, normalised: str | None,
                                       head: str | None) -> None:
    assert normalise_text(raw) == normalised
    assert object_head(raw) == head


def _qty_span(**attrs: Any) -> Span:
    base = {"value": 10, "value_max": None, "unit": None, "modifier": None, "object": None}
    base.update(attrs)
    return Span(0, 2, "QUANTITY", base)


@pytest.mark.parametrize(
    ("gold", "pred", "wrong"),
    [
        ({}, {}, set()),
        ({"value": 10, "value_max": 20, "modifier": "range"},
         {"value": 10, "value_max": 21, "modifier": "range"}, {"value_max"}),
        ({"unit": "EUR"}, {"unit": "eur"}, {"unit"}),
        ({"modifier": "approx"}, {"modifier": None}, {"modifier"}),
        ({"object": "Migrants"}, {"object": "migrants"}, set()),
        ({"object": "migrants"}, {"object": "migrant"}, {"object_exact"}),
        ({"object": "réseaux criminels"}, {"object": "réseau"}, {"object_exact"}),
        ({"object": "migrants"}, {"object": None}, {"object_exact", "object_head"}),
    ],
)
def test_quantity_attribute_comparison(gold: dict[str, Any], pred: dict[str, Any],
                                       wrong: set[str]) -> None:
    checks = compare_attributes(_qty_span(**gold), _qty_span(**pred))
    assert {k for k, ok in checks.items() if not ok} == wrong


def test_head_lemmatizer_replaces_the_plural_rule() -> None:
    lemmas = {"journaux": "journal", "journal": "journal"}

    def lemmatizer(obj: str) -> str:
        return lemmas.get(obj.split()[0], obj)

    gold, pred = _qty_span(object="journaux"), _qty_span(object="journal")
    assert compare_attributes(gold, pred)["object_head"] is False
    assert compare_attributes(gold, pred, lemmatizer)["object_head"] is True


def test_attribute_accuracy_on_strict_matches_only() -> None:
    text = "Le HCR et l'OIM ont aidé environ 40 migrants et 3 familles."
    gold: dict[str, Any] = {"id": "d", "text": text, "spans": [
        {"start": 3, "end": 6, "label": "ORG", "kb_id": "UNHCR"},
        {"start": 12, "end": 15, "label": "ORG", "kb_id": None},
        {"start": 25, "end": 35, "label": "QUANTITY", "value": 40, "value_max": None,
         "unit": None, "modifier": "approx", "object": "migrants"},
        {"start": 48, "end": 49, "label": "QUANTITY", "value": 3, "value_max": None,
         "unit": None, "modifier": None, "object": "familles"},
    ]}
    pred = copy.deepcopy(gold)
    pred["spans"][0]["kb_id"] = "UN"
    pred["spans"][2]["modifier"] = None
    pred["spans"][3]["end"] = 58  # boundary error: its attributes are not compared
    pred["spans"][3]["value"] = 999
    attrs = score([(gold, pred)], n_bootstrap=0)["attributes"]
    assert (attrs["ORG"]["kb_id"]["n"], attrs["ORG"]["kb_id"]["accuracy"]) == (2, 0.5)
    assert (attrs["ORG"]["kb_id_linked"]["n"], attrs["ORG"]["kb_id_linked"]["accuracy"]) == (1, 0.0)
    assert attrs["QUANTITY"]["value"]["n"] == 1
    assert attrs["QUANTITY"]["value"]["accuracy"] == 1.0
    assert attrs["QUANTITY"]["modifier"]["accuracy"] == 0.0

    unannotated = copy.deepcopy(gold)
    unannotated["meta"] = {"attributes": False}
    attrs = score([(unannotated, pred)], n_bootstrap=0)["attributes"]
    assert attrs["QUANTITY"]["value"] == {"accuracy": None, "correct": 0, "n": 0,
                                          "ci95": [None, None], "ci_method": "none"}
    assert attrs["ORG"]["kb_id"]["n"] == 2


# --- bootstrap ----------------------------------------------------------------------------


def _corpus(seed: int, n_docs: int, recall: float) -> list[Pair]:
    """Documents of 6 gold spans; the prediction finds each with probability ``recall``."""
    rng = random.Random(seed)
    pairs: list[Pair] = []
    for d in range(n_docs):
        gold = [(i * 10, i * 10 + 5, "ORG" if i % 2 else "QUANTITY") for i in range(6)]
        pred = [s for s in gold if rng.random() < recall]
        if rng.random() < 0.3:
            pred.append((55, 58, "ORG"))
        pairs.append((_doc(f"d{d}", gold), _doc(f"d{d}", pred)))
    return pairs


def test_bootstrap_ci_contains_estimate_and_is_deterministic() -> None:
    pairs = _corpus(0, 60, 0.7)
    first = score(pairs, n_bootstrap=500, seed=3)
    again = score(pairs, n_bootstrap=500, seed=3)
    other = score(pairs, n_bootstrap=500, seed=4)
    for group in (first["labels"]["ORG"], first["labels"]["QUANTITY"], first["micro"],
                  first["macro"]):
        for scheme in SCHEMES:
            entry = group[scheme]
            for key in ("precision", "recall", "f1"):
                lo, hi = entry[f"ci95_{key}"]
                assert lo <= entry[key] <= hi
            assert entry["ci95"] == entry["ci95_f1"]
            assert entry["ci95"][1] - entry["ci95"][0] > 0
    assert first == again
    assert first["micro"]["strict"]["ci95"] != other["micro"]["strict"]["ci95"]
    assert first["micro"]["strict"]["f1"] == other["micro"]["strict"]["f1"]
    value = first["attributes"]["QUANTITY"]["value"]
    assert value["ci95"][0] <= value["accuracy"] <= value["ci95"][1]


def test_bootstrap_width_shrinks_with_more_documents() -> None:
    small = score(_corpus(1, 20, 0.6), n_bootstrap=400)["micro"]["strict"]["ci95"]
    large = score(_corpus(1, 400, 0.6), n_bootstrap=400)["micro"]["strict"]["ci95"]
    assert large[1] - large[0] < small[1] - small[0]


def test_paired_bootstrap_identical_systems_p_is_one() -> None:
    pairs = _corpus(2, 40, 0.6)
    counts = count_corpus(pairs)
    result = paired_bootstrap(counts, count_corpus(pairs), n_bootstrap=300, seed=0)
    for group in (*result["labels"].values(), result["micro"], result["macro"]):
        for scheme in SCHEMES:
            assert group[scheme]["p_value"] == 1.0
            assert group[scheme]["delta_f1"] == 0.0


def test_paired_bootstrap_clearly_better_system_p_is_small() -> None:
    weak = _corpus(5, 40, 0.4)
    strong = [(gold, copy.deepcopy(gold)) for gold, _ in weak]
    result = paired_bootstrap(count_corpus(weak), count_corpus(strong), n_bootstrap=500, seed=0)
    micro = result["micro"]["strict"]
    assert micro["delta_f1"] > 0.3
    assert micro["p_value"] < 0.01
    assert micro["f1_system"] == 1.0


def test_paired_bootstrap_close_systems_p_is_large() -> None:
    base = _corpus(6, 40, 0.6)
    near: list[Pair] = [(g, copy.deepcopy(p)) for g, p in base]
    first = copy.deepcopy(base[0][1])
    assert first is not None and first["spans"]
    first["spans"] = first["spans"][:-1]  # one span fewer in one document
    near[0] = (base[0][0], first)
    result = paired_bootstrap(count_corpus(base), count_corpus(near), n_bootstrap=500, seed=0)
    assert result["micro"]["strict"]["p_value"] > 0.2


def test_paired_bootstrap_single_document_has_no_p_value() -> None:
    pairs = _corpus(7, 1, 0.5)
    result = paired_bootstrap(count_corpus(pairs), count_corpus(pairs), n_bootstrap=50)
    assert result["micro"]["strict"]["p_value"] is None


def test_paired_bootstrap_is_two_sided() -> None:
    """Swapping the systems flips the sign of the difference but not the p-value."""
    weak = count_corpus(_corpus(8, 30, 0.5))
    strong = count_corpus(_corpus(9, 30, 0.7))
    forward = paired_bootstrap(weak, strong, n_bootstrap=400, seed=1)["micro"]["strict"]
    backward = paired_bootstrap(strong, weak, n_bootstrap=400, seed=1)["micro"]["strict"]
    assert forward["delta_f1"] == pytest.approx(-backward["delta_f1"])
    assert forward["p_value"] == pytest.approx(backward["p_value"])
    assert forward["p_value"] < 0.05
