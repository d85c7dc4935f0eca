"""What is scored (labels, attributes), Wilson intervals, claim attribute scores, pairing."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from dechiffre.evaluation.api import evaluate_documents, evaluate_files
from dechiffre.evaluation.gold import read_gold
from dechiffre.evaluation.messages import EvaluationError
from dechiffre.evaluation.scorer import (
    CLAIM_ATTRIBUTES,
    claim_counts,
    compare_claims,
    doc_spans,
    resolve_attributes,
    score,
    wilson_interval,
)

TEXT = "Selon le HCR, 4 388 migrants, dont 1 664 par l'OIM, en 2023. L’Oim le dit."
HCR = {"start": 9, "end": 12, "label": "ORG", "kb_id": "UNHCR"}
Q1 = {"start": 14, "end": 19, "label": "QUANTITY", "value": 4388, "value_max": None,
      "unit": None, "modifier": None, "object": "migrants"}
OIM = {"start": 47, "end": 50, "label": "ORG", "kb_id": "IOM"}
OIM2 = {"start": 63, "end": 66, "label": "ORG", "kb_id": None}  # "Oim" after L’
CLAIM = {"predicate": "rapatrier", "agent": {"start": 47, "end": 50},
         "source": {"start": 9, "end": 12}, "part_of": {"start": 14, "end": 19},
         "time": {"start": 52, "end": 59, "value": "2023"}}
Q2 = {"start": 35, "end": 40, "label": "QUANTITY", "value": 1664, "value_max": None,
      "unit": None, "modifier": None, "object": "migrants", "claim": CLAIM}


def _doc(claim: dict[str, Any] | None, *, oim_kb: str | None = "IOM",
         doc_id: str = "c") -> dict[str, Any]:
    q2 = dict(Q2, claim=copy.deepcopy(claim))
    return {"id": doc_id, "text": TEXT,
            "spans": [dict(HCR), dict(Q1), q2, dict(OIM, kb_id=oim_kb), dict(OIM2)]}


def _compare(gold_claim: Any, pred_claim: Any, **pred_options: Any) -> dict[str, Any]:
    gold, pred = _doc(gold_claim), _doc(pred_claim, **pred_options)
    g, p = doc_spans(gold)[2], doc_spans(pred)[2]
    return compare_claims(gold, g, pred, p)


def test_fixture_offsets() -> None:
    assert [TEXT[s["start"]:s["end"]] for s in (HCR, Q1, Q2, OIM, OIM2)] == [
        "HCR", "4 388", "1 664", "OIM", "Oim"]


# (case, changes to the predicted claim, pred options, attribute, (correct, n, tp, fp, fn))
CLAIM_CASES: list[tuple[str, dict[str, Any], dict[str, Any], str, tuple[int, ...]]] = [
    ("same claim", {}, {}, "agent", (1, 1, 1, 0, 0)),
    ("other mention, same kb_id", {}, {"oim_kb": "IOM"}, "agent", (1, 1, 1, 0, 0)),
    ("other mention, no kb_id: same text, case and apostrophe aside",
     {"agent": {"start": 63, "end": 66}}, {}, "agent", (1, 1, 1, 0, 0)),
    ("another organisation", {"agent": {"start": 9, "end": 12}}, {}, "agent", (0, 1, 0, 1, 1)),
    ("agent missed (null)", {"agent": None}, {}, "agent", (0, 1, 0, 0, 1)),
    ("wrong source", {"source": {"start": 47, "end": 50}}, {}, "source", (0, 1, 0, 1, 1)),
    ("predicate differs", {"predicate": "expulsion"}, {}, "predicate", (0, 1, 0, 1, 1)),
    ("part_of of another amount", {"part_of": None}, {}, "part_of", (0, 1, 0, 0, 1)),
    ("time offsets right, value wrong", {"time": {"start": 52, "end": 59, "value": "2024"}},
     {}, "time", (1, 1, 1, 0, 0)),
    ("time value wrong", {"time": {"start": 52, "end": 59, "value": "2024"}}, {},
     "time_value", (0, 1, 0, 1, 1)),
    ("time value right, offsets wider", {"time": {"start": 49, "end": 59, "value": "2023"}},
     {}, "time_value", (1, 1, 1, 0, 0)),
]


@pytest.mark.parametrize(("case", "changes", "options", "attribute", "expected"), CLAIM_CASES,
                         ids=[c[0] for c in CLAIM_CASES])
def test_claim_attribute_comparison(case: str, changes: dict[str, Any], options: dict[str, Any],
                                    attribute: str, expected: tuple[int, ...]) -> None:
    pred = dict(CLAIM, **changes)
    if options:  # the agent is the other OIM mention, which has its own kb_id
        pred["agent"] = {"start": 63, "end": 66}
        gold_doc, pred_doc = _doc(CLAIM), _doc(pred)
        pred_doc["spans"][4]["kb_id"] = options["oim_kb"]
        compared = compare_claims(gold_doc, doc_spans(gold_doc)[2], pred_doc,
                                  doc_spans(pred_doc)[2])
    else:
        compared = _compare(CLAIM, pred)
    assert claim_counts(*compared[attribute]) == expected


def test_a_right_null_scores_nothing_and_a_spurious_value_is_a_false_positive() -> None:
    gold = dict(CLAIM, agent=None)
    assert claim_counts(*_compare(gold, dict(CLAIM, agent=None))["agent"]) == (1, 1, 0, 0, 0)
    assert claim_counts(*_compare(gold, CLAIM)["agent"]) == (0, 1, 0, 1, 0)


def test_a_prediction_without_claim_misses_every_non_null_value() -> None:
    compared = _compare(CLAIM, None)
    assert {k: claim_counts(*v)[2:] for k, v in compared.items()} == {
        k: (0, 0, 1) for k in CLAIM_ATTRIBUTES}


def test_claims_scored_only_on_strict_matches_whose_gold_has_a_claim() -> None:
    gold = _doc(CLAIM)
    pred = _doc(dict(CLAIM, predicate="x"))
    pred["spans"][1]["claim"] = dict(CLAIM, part_of=None)  # gold 4 388 has no claim
    claims = score([(gold, pred)], n_bootstrap=0)["claims"]
    assert claims["n_gold_claims"] == 1 and claims["n_compared"] == 1
    assert claims["attributes"]["predicate"]["fp"] == 1
    shifted = copy.deepcopy(pred)
    shifted["spans"][2]["start"] = 34  # boundary error: no strict match, nothing compared
    assert score([(gold, shifted)], n_bootstrap=0)["claims"]["n_compared"] == 0


def test_seed_claims_against_themselves_and_a_wrong_agent(shared_dir: Path) -> None:
    from sklearn.metrics import accuracy_score, f1_score

    gold = read_gold(next((shared_dir / "seed").glob("*.gold.jsonl")))
    perfect = evaluate_documents(gold, [("same", gold)], n_bootstrap=100)["claims"]
    assert perfect["n_gold_claims"] == 5
    for name, entry in perfect["attributes"].items():
        assert (entry["accuracy"], entry["n"]) == (1.0, 5), name
        assert entry["ci_method"] == "wilson" and entry["ci95"][0] < 0.7  # not [1.0, 1.0]
        assert entry["f1"] in (1.0, None)
    pred = copy.deepcopy(gold)
    claims = [s for s in pred[0]["spans"] if s.get("claim")]
    navy = claims[2]["claim"]["agent"]
    claims[2]["claim"]["agent"] = claims[4]["claim"]["agent"]  # IOM instead of the navy
    result = evaluate_documents(gold, [("p", pred)], n_bootstrap=100)["claims"]
    agent = result["attributes"]["agent"]
    assert (agent["tp"], agent["fp"], agent["fn"], agent["correct"]) == (2, 1, 1, 4)
    assert result["confusion"]["agent"] == [{
        "gold": "MA_ROYAL_NAVY (marine royale marocaine)",
        "pred": "IOM (organisation internationale pour les migrations)", "n": 1}]
    # cross-check with scikit-learn: agents as labels ("-" for null)
    g = ["-", "-", "navy", "interior", "iom"]
    p = ["-", "-", "iom", "interior", "iom"]
    assert agent["accuracy"] == pytest.approx(accuracy_score(g, p))
    micro = f1_score(g, p, labels=["navy", "interior", "iom"], average="micro")
    assert agent["f1"] == pytest.approx(micro)
    assert navy != claims[2]["claim"]["agent"]


def test_attributes_option_chooses_claim_attributes(gb: Any) -> None:
    gold = [_doc(CLAIM)]
    result = evaluate_documents(gold, [("p", gold)], n_bootstrap=0,
                                attributes=["predicate", "agent"])
    assert set(result["claims"]["attributes"]) == {"predicate", "agent"}
    assert result["attributes"] == {"QUANTITY": {}, "ORG": {}}
    result = evaluate_documents(gold, [("p", gold)], n_bootstrap=0, attributes=["value"])
    assert "claims" not in result and set(result["attributes"]["QUANTITY"]) == {"value"}


@pytest.mark.parametrize(("names", "expected"), [
    (["object"], ("object_exact", "object_head")),
    (["claim", "value"], (*CLAIM_ATTRIBUTES, "value")),
    (["kb_id", " kb_id "], ("kb_id",)),
])
def test_attribute_aliases(names: list[str], expected: tuple[str, ...]) -> None:
    assert resolve_attributes(names) == expected


@pytest.mark.parametrize(("labels", "attributes"), [(["PER"], None), (None, ["colour"])])
def test_unknown_labels_and_attributes_are_refused(labels: Any, attributes: Any) -> None:
    with pytest.raises(EvaluationError) as caught:
        evaluate_documents([_doc(CLAIM)], [("p", [_doc(CLAIM)])], labels=labels,
                           attributes=attributes)
    assert ("PER" if labels else "colour") in str(caught.value)


# --- what the gold annotates decides the default scope -------------------------------------


def test_org_only_gold_does_not_count_predicted_quantities(gb: Any) -> None:
    text = "Le HCR a aidé 40 migrants."
    gold = [gb.doc("d", text, [gb.find(text, "HCR", "ORG")])]
    pred = [gb.doc("d", text, [gb.find(text, "HCR", "ORG"), gb.find(text, "40", "QUANTITY")])]
    result = evaluate_documents(gold, [("p", pred)], n_bootstrap=0)
    assert list(result["labels"]) == ["ORG"]
    assert result["micro"]["strict"]["fp"] == 0 and result["micro"]["strict"]["f1"] == 1.0
    assert "QUANTITY" in result["scored"]["skipped"]
    forced = evaluate_documents(gold, [("p", pred)], n_bootstrap=0,
                                labels=["ORG", "QUANTITY"])
    assert forced["micro"]["strict"]["fp"] == 1
    assert forced["labels"]["QUANTITY"]["strict"]["spurious"] == 1


def test_kb_id_absent_from_the_gold_is_not_scored(gb: Any) -> None:
    text = "Le HCR et l'OIM."
    gold = [gb.doc("d", text, [gb.find(text, "HCR", "ORG"), gb.find(text, "OIM", "ORG")])]
    pred = [gb.doc("d", text, [gb.find(text, "HCR", "ORG", kb_id="UNHCR"),
                               gb.find(text, "OIM", "ORG", kb_id="IOM")])]
    result = evaluate_documents(gold, [("p", pred)], n_bootstrap=0)
    assert result["attributes"]["ORG"] == {}
    assert set(result["scored"]["skipped"]) >= {"kb_id", "kb_id_linked"}
    forced = evaluate_documents(gold, [("p", pred)], n_bootstrap=0, attributes=["kb_id"])
    assert forced["attributes"]["ORG"]["kb_id"]["accuracy"] == 0.0


def test_a_perfect_attribute_gets_a_wilson_interval(gb: Any) -> None:
    text = "Le HCR a aidé 40 migrants."
    docs = [gb.doc(f"d{i}", text, [gb.find(text, "40", "QUANTITY", value=40)])
            for i in range(20)]
    result = evaluate_documents(docs, [("p", docs)], n_bootstrap=200)
    value = result["attributes"]["QUANTITY"]["value"]
    assert value["accuracy"] == 1.0 and value["ci_method"] == "wilson"
    assert value["ci95"] == pytest.approx(wilson_interval(20, 20, 0.95))
    assert 0.80 < value["ci95"][0] < 0.86 and value["ci95"][1] == 1.0
    noisy = copy.deepcopy(docs)
    for doc in noisy[:5]:
        doc["spans"][0]["value"] = 41
    value = evaluate_documents(docs, [("p", noisy)], n_bootstrap=200)["attributes"][
        "QUANTITY"]["value"]
    assert value["ci_method"] == "bootstrap" and value["ci95"][0] < 0.75 < value["ci95"][1]


# --- pairing and names ---------------------------------------------------------------------


@pytest.mark.parametrize(("pred_ids", "code"), [
    (["a", "b"], None), (["x", "y"], "no_shared_ids"), (["a"], "some_shared_ids"),
    (["a", "b", "z"], "some_shared_ids"),
])
def test_pairing_warnings(gb: Any, pred_ids: list[str], code: str | None) -> None:
    gold = [gb.doc(i, "Rien.", []) for i in ("a", "b")]
    pred = [gb.doc(i, "Rien.", []) for i in pred_ids]
    with pytest.warns() if code else _no_warning():
        result = evaluate_documents(gold, [("p", pred)], n_bootstrap=0)
    assert [w["code"] for w in result["warnings"]] == ([code] if code else [])


class _no_warning:
    def __enter__(self) -> None:
        import warnings

        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("error")

    def __exit__(self, *args: object) -> None:
        self._catch.__exit__(*args)


def test_systems_get_names(gb: Any, write_jsonl: Any) -> None:
    text = "Le HCR."
    gold = write_jsonl("g.jsonl", [gb.doc("d", text, [gb.find(text, "HCR", "ORG")])])
    pred = write_jsonl("p.jsonl", [gb.doc("d", text, [])])
    result = evaluate_files(gold, [pred, gold], names=["rules", "oracle"], n_bootstrap=10)
    assert [m["system"] for m in result["systems"]] == ["rules", "oracle"]
    assert result["comparisons"][0]["baseline"] == "rules"
    with pytest.raises(EvaluationError, match="one name per system"):
        evaluate_files(gold, [pred, gold], names=["only one"])


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Conseil d’État", "conseil d'État", True),
    ("Conseil d'État", "CONSEIL D’ÉTAT", True),
    ("Conseil d'État", "Conseil constitutionnel", False),
])
def test_organisations_without_kb_id_compare_by_text(a: str, b: str, same: bool) -> None:
    from dechiffre.evaluation.scorer import org_identity, same_org

    def ident(text: str) -> Any:
        doc = {"text": text, "spans": [{"start": 0, "end": len(text), "label": "ORG",
                                        "kb_id": None}]}
        return org_identity(doc, {"start": 0, "end": len(text)})

    assert same_org(ident(a), ident(b)) is same


def _ruled(doc_id: str, claim: dict[str, Any] | None, rules: dict[str, str],
           org_source: str = "kb") -> dict[str, Any]:
    doc = _doc(claim, doc_id=doc_id)
    for span in doc["spans"]:
        span["source"] = org_source if span["label"] == "ORG" else "rules"
        if span.get("claim") is not None:
            span["claim_rules"] = rules
    return doc


RULES = {"predicate": "verb", "agent": "par", "source": "selon", "part_of": "dont",
         "time": "year"}

# (case, predicted claim changes, rule names, attribute, rule, (fired, right, spurious, missed))
RULE_CASES: list[tuple[str, dict[str, Any], dict[str, str], str, str, tuple[int, ...]]] = [
    ("a right value", {}, RULES, "agent", "par", (1, 1, 0, 0)),
    ("a wrong value", {"agent": {"start": 9, "end": 12}}, RULES, "agent", "par", (1, 0, 0, 0)),
    ("a null where the gold has one", {"agent": None}, {**RULES, "agent": "none"}, "agent",
     "none", (0, 0, 0, 1)),
    ("time_value goes with the time rule", {}, {**RULES, "time": "since_year"}, "time_value",
     "since_year", (1, 1, 0, 0)),
]


@pytest.mark.parametrize(("case", "changes", "rules", "name", "rule", "expected"), RULE_CASES,
                         ids=[c[0] for c in RULE_CASES])
def test_claim_values_are_counted_by_the_rule_that_gave_them(
    case: str, changes: dict[str, Any], rules: dict[str, str], name: str, rule: str,
    expected: tuple[int, ...],
) -> None:
    metrics = evaluate_documents([_doc(CLAIM)],
                                 [("p", [_ruled("c", {**CLAIM, **changes}, rules)])],
                                 n_bootstrap=0)
    entry = metrics["rules"]["claims"][name]["rules"][rule]
    assert (entry["fired"], entry["right"], entry["spurious"], entry["missed"]) == expected


def test_a_value_where_the_gold_is_null_is_spurious() -> None:
    gold = _doc(dict(CLAIM, agent=None))
    metrics = evaluate_documents([gold], [("p", [_ruled("c", CLAIM, RULES)])], n_bootstrap=0)
    entry = metrics["rules"]["claims"]["agent"]["rules"]["par"]
    assert (entry["fired"], entry["right"], entry["spurious"]) == (1, 0, 1)


def test_a_rule_below_half_the_f1_is_flagged() -> None:
    # agent F1 over 3 documents: 2 right (par), 1 wrong (subject) -> F1 2*2/(4+1+1) = 0.667;
    # 'subject' is right 0 of 1, below 0.333, 'par' 2 of 2 is not
    wrong = {"agent": {"start": 9, "end": 12}}
    preds = [_ruled("a", CLAIM, RULES), _ruled("b", CLAIM, RULES),
             _ruled("c", {**CLAIM, **wrong}, {**RULES, "agent": "subject"})]
    metrics = evaluate_documents([_doc(CLAIM, doc_id=d) for d in "abc"], [("p", preds)],
                                 n_bootstrap=0)
    block = metrics["rules"]["claims"]["agent"]
    assert block["break_even"] == pytest.approx(1 / 3)
    assert block["rules"]["subject"]["below_break_even"] is True
    assert block["rules"]["par"]["below_break_even"] is False


def test_spans_are_counted_by_their_source() -> None:
    pred = _ruled("c", CLAIM, RULES, org_source="ner")
    pred["spans"].append({"start": 0, "end": 5, "label": "ORG", "kb_id": None, "source": "ner"})
    metrics = evaluate_documents([_doc(CLAIM)], [("p", [pred])], n_bootstrap=0)
    assert metrics["rules"]["spans"]["ORG"]["ner"] == {"fired": 4, "right": 3,
                                                       "precision": 0.75}
    assert metrics["rules"]["spans"]["QUANTITY"]["rules"]["right"] == 2


def test_predictions_without_evidence_keys_get_no_rules_block() -> None:
    metrics = evaluate_documents([_doc(CLAIM)], [("p", [_doc(CLAIM)])], n_bootstrap=0)
    assert "rules" not in metrics
