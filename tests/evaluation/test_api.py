"""evaluate_files / evaluate_documents: the METRICS schema, comparisons, pairing."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from dechiffre.evaluation import evaluate_documents, evaluate_files
from dechiffre.evaluation.messages import GoldFormatError
from dechiffre.evaluation.scorer import SCHEMES

TEXT = "Le HCR a aidé 4 388 migrants avec l'OIM."
SCHEME_KEYS = {"precision", "recall", "f1", "tp", "fp", "fn", "correct", "incorrect",
               "partial", "missed", "spurious", "ci95"}


@pytest.fixture
def gold(gb: Any) -> list[dict[str, Any]]:
    return [
        gb.doc("d1", TEXT, [gb.find(TEXT, "HCR", "ORG", kb_id="UNHCR"),
                            gb.find(TEXT, "4 388", "QUANTITY", value=4388, obj="migrants"),
                            gb.find(TEXT, "OIM", "ORG", kb_id="IOM")]),
        gb.doc("d2", "Rien.", []),
        gb.doc("d3", TEXT, [gb.find(TEXT, "HCR", "ORG", kb_id="UNHCR")]),
    ]


def test_metrics_schema(gold: list[dict[str, Any]], write_jsonl: Any, tmp_path: Path) -> None:
    pred = copy.deepcopy(gold[:2])  # d3 missing from the prediction
    pred.append({"id": "extra", "text": "x", "spans": []})
    json_path = tmp_path / "METRICS.json"
    result = evaluate_files(write_jsonl("g.jsonl", gold), write_jsonl("p.jsonl", pred),
                            n_bootstrap=30, json_path=json_path)
    assert json.loads(json_path.read_text(encoding="utf-8")) == result
    for label in ("ORG", "QUANTITY"):
        assert set(result["labels"][label]) == set(SCHEMES)
        for scheme in SCHEMES:
            assert set(result["labels"][label][scheme]) >= SCHEME_KEYS
    assert set(result["micro"]) == set(result["macro"]) == set(SCHEMES)
    assert set(result["attributes"]["QUANTITY"]) == {
        "value", "value_max", "unit", "modifier", "object_exact", "object_head"}
    assert set(result["attributes"]["ORG"]) == {"kb_id", "kb_id_linked"}
    assert set(result["attributes"]["ORG"]["kb_id"]) >= {"accuracy", "n", "ci95"}
    assert set(result["confusion"]) >= {"labels", "matrix", "boundary_mismatch", "error_types"}
    assert result["n_documents"] == 3
    assert result["pairing"]["missing_in_pred"] == ["d3"]
    assert result["pairing"]["missing_in_gold"] == ["extra"]
    assert result["labels"]["ORG"]["strict"]["missed"] == 1  # d3 scored as empty
    assert result["errors"] == [{"doc_id": "d3", "error_type": "missed",
                                 "gold": {"start": 3, "end": 6, "label": "ORG", "text": "HCR"},
                                 "pred": None}]


def test_several_predictions_give_a_comparison(gold: list[dict[str, Any]]) -> None:
    weaker = copy.deepcopy(gold)
    weaker[0]["spans"] = weaker[0]["spans"][:1]
    result = evaluate_documents(gold, [("weak", weaker), ("same", gold), ("copy", gold)],
                                n_bootstrap=100)
    assert [m["system"] for m in result["systems"]] == ["weak", "same", "copy"]
    assert [(c["baseline"], c["system"]) for c in result["comparisons"]] == [
        ("weak", "same"), ("weak", "copy")]
    comparison = result["comparisons"][0]
    assert comparison["micro"]["strict"]["delta_f1"] > 0
    assert set(comparison["labels"]["QUANTITY"]) == set(SCHEMES)
    assert result["comparisons"][0]["micro"] == result["comparisons"][1]["micro"]


def test_text_mismatch_fails_loudly_unless_allowed(gold: list[dict[str, Any]]) -> None:
    pred = copy.deepcopy(gold)
    pred[2]["text"] = TEXT.replace("aidé", "aide")
    with pytest.raises(GoldFormatError) as caught:
        evaluate_documents(gold, [("p", pred)], n_bootstrap=0)
    assert (caught.value.code, caught.value.doc_id) == ("text_mismatch", "d3")
    result = evaluate_documents(gold, [("p", pred)], n_bootstrap=0, allow_text_mismatch=True)
    assert result["n_documents"] == 2
    assert result["pairing"]["text_mismatch"] == ["d3"]
    assert result["micro"]["strict"]["f1"] == 1.0


def test_invalid_prediction_file_names_its_line(gold: list[dict[str, Any]],
                                                write_jsonl: Any) -> None:
    pred = copy.deepcopy(gold)
    pred[1]["spans"] = [{"start": 0, "end": 4, "label": "LOC"}]
    with pytest.raises(GoldFormatError) as caught:
        evaluate_files(write_jsonl("g.jsonl", gold), write_jsonl("p.jsonl", pred))
    assert (caught.value.line, caught.value.doc_id, caught.value.code) == (
        2, "d2", "unknown_label")


def test_no_prediction_is_refused(gold: list[dict[str, Any]]) -> None:
    with pytest.raises(ValueError, match="at least one prediction"):
        evaluate_documents(gold, [])
