"""The one gold module: labels, value ranges, claim frames, and who imports it."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dechiffre.evaluation.gold import LABELS, read_gold, read_gold_collect, validate_document

TEXT = "Selon le HCR, 4 388 migrants, dont 1 664 par l'OIM, en 2023."
HCR = {"start": 9, "end": 12, "label": "ORG", "kb_id": "UNHCR"}
Q1 = {"start": 14, "end": 19, "label": "QUANTITY", "value": 4388, "value_max": None,
      "unit": None, "modifier": None, "object": "migrants"}
OIM = {"start": 47, "end": 50, "label": "ORG", "kb_id": "IOM"}
CLAIM = {"predicate": "rapatrier", "agent": {"start": 47, "end": 50},
         "source": {"start": 9, "end": 12}, "part_of": {"start": 14, "end": 19},
         "time": {"start": 52, "end": 59, "value": "2023"}}
Q2 = {"start": 35, "end": 40, "label": "QUANTITY", "value": 1664, "value_max": None,
      "unit": None, "modifier": None, "object": "migrants", "claim": CLAIM}


def _doc(**claim_changes: Any) -> dict[str, Any]:
    q2 = copy.deepcopy(Q2)
    q2["claim"].update(claim_changes)
    return {"id": "c", "text": TEXT, "spans": [dict(HCR), dict(Q1), q2, dict(OIM)]}


def test_fixture_text_matches_offsets() -> None:
    assert [TEXT[s["start"]:s["end"]] for s in (HCR, Q1, Q2, OIM)] == [
        "HCR", "4 388", "1 664", "OIM"]
    assert TEXT[52:59] == "en 2023"
    assert validate_document(_doc()) == []


CLAIM_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("agent points at an amount", {"agent": {"start": 14, "end": 19}}, "claim_ref"),
    ("source points at nothing", {"source": {"start": 9, "end": 11}}, "claim_ref"),
    ("part_of points at an ORG", {"part_of": {"start": 9, "end": 12}}, "claim_ref"),
    ("part_of points at itself", {"part_of": {"start": 35, "end": 40}}, "claim_ref"),
    ("agent is a string", {"agent": "OIM"}, "wrong_type"),
    ("predicate is a number", {"predicate": 3}, "wrong_type"),
    ("time past the text", {"time": {"start": 52, "end": 99, "value": "2023"}},
     "claim_time_range"),
    ("time value not ISO", {"time": {"start": 52, "end": 59, "value": "l'an dernier"}},
     "claim_time_value"),
    ("time without value", {"time": {"start": 52, "end": 59}}, "wrong_type"),
]


@pytest.mark.parametrize(("case", "changes", "code"), CLAIM_CASES, ids=[c[0] for c in CLAIM_CASES])
def test_validator_checks_claims(case: str, changes: dict[str, Any], code: str) -> None:
    errors = validate_document(_doc(**changes), file="g.jsonl", line=3)
    assert [e.code for e in errors] == [code]
    assert errors[0].span == (35, 40) and "g.jsonl:3" in str(errors[0])


def test_validator_wants_every_claim_key_and_claims_only_on_amounts() -> None:
    doc = _doc()
    del doc["spans"][2]["claim"]["time"]
    assert [e.code for e in validate_document(doc)] == ["claim_missing_key"]
    doc = _doc()
    doc["spans"][0]["claim"] = None  # null claim on an ORG: nothing to check
    assert validate_document(doc) == []
    doc["spans"][0]["claim"] = dict(CLAIM)
    assert [e.code for e in validate_document(doc)] == ["claim_not_quantity"]


def test_extra_claim_keys_are_extensions() -> None:
    """ANNOTATION.md: extensions go in extra keys; a claim may carry e.g. the rule that fired."""
    assert validate_document(_doc(rule="passive_par")) == []


@pytest.mark.parametrize("value", ["2023", "2024-01/2024-09", "2016/..", "../2030", "2024-10-01"])
def test_validator_accepts_iso_times(value: str) -> None:
    assert validate_document(_doc(time={"start": 52, "end": 59, "value": value})) == []


@pytest.mark.parametrize(("value", "value_max", "ok"), [(10, 20, True), (10, 10, True),
                                                        (20, 10, False), (10, None, True)])
def test_validator_rejects_value_max_below_value(value: float, value_max: float | None,
                                                 ok: bool) -> None:
    doc = {"id": "r", "text": TEXT, "spans": [dict(Q1, value=value, value_max=value_max)]}
    codes = [e.code for e in validate_document(doc)]
    assert codes == ([] if ok else ["value_max_below"])


def test_seed_gold_claims_validate(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "seed").glob("*.gold.jsonl")):
        docs = read_gold(path)
        claims = [s["claim"] for d in docs for s in d["spans"] if s.get("claim")]
        assert len(claims) == 5


def test_span_only_reading_for_training(tmp_path: Path) -> None:
    path = tmp_path / "spans.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Le HCR", "spans": [
        {"start": 3, "end": 6, "label": "ORG"}]}) + "\n", encoding="utf-8")
    assert read_gold(path, require_attributes=False)[0]["spans"][0]["label"] == "ORG"
    docs, errors = read_gold_collect(path)
    assert docs == [] and [e.code for e in errors] == ["span_missing_key"]


def test_unreadable_file_is_a_gold_format_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read the file"):
        read_gold(tmp_path / "absent.jsonl")
    with pytest.raises(ValueError, match="it is a directory"):
        read_gold(tmp_path)


def test_labels_and_gold_reader_defined_once(repo_dir: Path) -> None:
    sources = [p for folder in ("pipeline", "evaluation", "models", "dechiffre")
               for p in (repo_dir / folder).rglob("*.py")]
    labels = [p for p in sources if re.search(r"^LABELS\b.*=", p.read_text(), re.M)]
    readers = [p for p in sources if re.search(r"^def read_gold\b", p.read_text(), re.M)]
    assert [p.name for p in labels] == ["gold.py"]
    assert sorted(p.name for p in readers) == ["classifier_data.py", "gold.py"]
    # the classifier's reader is a projection over the one reader, not a second parser
    assert "read_gold_file(" in (repo_dir / "pipeline" / "classifier_data.py").read_text()
    assert LABELS == ("ORG", "QUANTITY")


def test_gold_module_loads_without_numpy() -> None:
    code = ("import sys; import dechiffre.evaluation.gold; "
            "print('numpy' in sys.modules, 'sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
