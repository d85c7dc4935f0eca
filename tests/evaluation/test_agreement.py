"""Inter-annotator agreement: span F1, attributes, token kappa."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from dechiffre.evaluation.agreement import agreement, cohen_kappa, token_tags, tokenize
from dechiffre.evaluation.api import agreement_files
from dechiffre.evaluation.scorer import Span

TEXT = "Le HCR et l'OIM ont aidé 40 migrants ."


def _doc(spans: list[dict[str, Any]], doc_id: str = "d1", text: str = TEXT) -> dict[str, Any]:
    return {"id": doc_id, "text": text, "spans": spans}


@pytest.fixture
def annotator_a(gb: Any) -> list[dict[str, Any]]:
    return [_doc([gb.find(TEXT, "HCR", "ORG", kb_id="UNHCR"),
                  gb.find(TEXT, "OIM", "ORG", kb_id="IOM"),
                  gb.find(TEXT, "40", "QUANTITY", value=40, obj="migrants")]),
            _doc([gb.find("Trois ONG.", "ONG", "ORG")], "d2", "Trois ONG.")]


def test_tokenize_splits_words_and_punctuation() -> None:
    assert [TEXT[s:e] for s, e in tokenize(TEXT)] == [
        "Le", "HCR", "et", "l", "'", "OIM", "ont", "aidé", "40", "migrants", "."]


@pytest.mark.parametrize(
    ("spans", "bio", "expected"),
    [
        ([Span(3, 6, "ORG")], False, ["O", "ORG", "O", "O", "O", "O"]),
        ([Span(3, 19, "ORG")], True, ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]),
        ([Span(3, 9, "ORG"), Span(10, 19, "ORG")], True,
         ["O", "B-ORG", "B-ORG", "I-ORG", "O", "O"]),
        # a span that covers part of a token tags the whole token
        ([Span(4, 5, "QUANTITY")], True, ["O", "B-QUANTITY", "O", "O", "O", "O"]),
        ([Span(3, 9, "ORG"), Span(22, 23, "QUANTITY")], False,
         ["O", "ORG", "O", "O", "O", "QUANTITY"]),
    ],
)
def test_token_tags(spans: list[Span], bio: bool, expected: list[str]) -> None:
    text = "Le Banque de France a 3"
    assert [text[s:e] for s, e in tokenize(text)] == ["Le", "Banque", "de", "France", "a", "3"]
    assert token_tags(text, spans, bio=bio) == expected


def test_identical_annotations_agree_fully(annotator_a: list[dict[str, Any]]) -> None:
    result = agreement(annotator_a, copy.deepcopy(annotator_a))
    assert result["kappa"]["token"] == 1.0
    assert result["kappa"]["bio"] == 1.0
    assert result["kappa"]["n_tokens"] == 11 + 3
    assert all(entry["f1"] == 1.0 for entry in result["spans"].values())
    assert result["attributes"]["QUANTITY"]["value"]["accuracy"] == 1.0
    assert result["n_documents"] == 2


def test_kappa_matches_a_hand_computation(annotator_a: list[dict[str, Any]]) -> None:
    """A tags HCR, OIM (ORG) and 40 (QUANTITY); B misses OIM; d2 is left out of B.

    11 tokens, 10 agree: p_o = 10/11. A: O 8, ORG 2, QUANTITY 1; B: O 9, ORG 1, QUANTITY 1.
    p_e = (8*9 + 2*1 + 1*1) / 121 = 75/121; kappa = (110/121 - 75/121) / (46/121) = 35/46.
    """
    b = copy.deepcopy(annotator_a[:1])
    del b[0]["spans"][1]
    result = agreement(annotator_a, b)
    assert result["kappa"]["token"] == pytest.approx(35 / 46)
    assert result["kappa"]["n_tokens"] == 11
    assert result["pairing"] == {"only_in_a": ["d2"], "only_in_b": []}
    org = result["spans"]["ORG"]
    assert (org["tp"], org["fp"], org["fn"]) == (1, 0, 1)
    assert org["f1"] == pytest.approx(2 / 3)
    assert result["spans"]["QUANTITY"]["f1"] == 1.0


def test_attribute_disagreement_is_counted(annotator_a: list[dict[str, Any]]) -> None:
    b = copy.deepcopy(annotator_a)
    b[0]["spans"][2]["value"] = 41
    b[0]["spans"][0]["kb_id"] = None
    result = agreement(annotator_a, b)
    assert result["attributes"]["QUANTITY"]["value"] == {"accuracy": 0.0, "correct": 0, "n": 1}
    assert result["attributes"]["ORG"]["kb_id"]["accuracy"] == pytest.approx(2 / 3)
    assert result["kappa"]["token"] == 1.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(["O", "O"], ["O", "O"], None), ([], [], None), (["ORG", "O"], ["ORG", "O"], 1.0),
     (["ORG", "O"], ["O", "ORG"], -1.0)],
)
def test_cohen_kappa_edge_cases(a: list[str], b: list[str], expected: float | None) -> None:
    assert cohen_kappa(a, b) == expected


def test_agreement_files(write_jsonl: Any, annotator_a: list[dict[str, Any]]) -> None:
    path_a = write_jsonl("a.jsonl", annotator_a)
    path_b = write_jsonl("b.jsonl", annotator_a[::-1])
    result = agreement_files(path_a, path_b)
    assert result["annotators"] == [str(path_a), str(path_b)]
    assert result["spans"]["micro"]["f1"] == 1.0


def test_claim_agreement_per_attribute(shared_dir: Path) -> None:
    from dechiffre.evaluation.gold import read_gold

    first = read_gold(next((shared_dir / "seed").glob("*.gold.jsonl")))
    second = copy.deepcopy(first)
    claims = [s for s in second[0]["spans"] if s.get("claim")]
    claims[0]["claim"]["predicate"] = "empêcher"
    result = agreement(first, second)
    per = result["claims"]["attributes"]
    assert (per["predicate"]["accuracy"], per["predicate"]["n"]) == (0.8, 5)
    assert per["source"]["f1"] == 1.0 and "ci95" not in per["source"]
