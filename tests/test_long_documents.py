"""Long documents: memory bounded by pieces and batches, over-long tokens left out, span caps."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from dechiffre.pipeline.archive import (
    BATCH_CHARS,
    MAX_TOKEN_CHARS,
    char_batches,
    plan_pieces,
)
from dechiffre.pipeline.errors import DechiffreWarning
from dechiffre.pipeline.extract import extract_docs, extract_text
from dechiffre.pipeline.inputs import InputDoc

SENTENCE = "L'OIM a aidé environ 1 664 migrants à rentrer chez eux. "
TOKEN = "AbcdefGhij0123456789"


def long_token(n: int) -> str:
    return (TOKEN * (n // len(TOKEN) + 1))[:n]


@pytest.mark.parametrize(
    ("text", "max_chars", "pieces", "skipped"),
    [
        ("Court.", 100, [(0, 6)], []),
        (SENTENCE * 3, 0, [(0, len(SENTENCE) * 3)], []),
        # a run of exactly MAX_TOKEN_CHARS is kept; one more character and it is left out
        ("a " + "x" * MAX_TOKEN_CHARS, 0, [(0, MAX_TOKEN_CHARS + 2)], []),
        ("a " + "x" * (MAX_TOKEN_CHARS + 1), 0, [(0, 2)], [(2, MAX_TOKEN_CHARS + 3)]),
        ("x" * 5000, 100, [], [(0, 5000)]),
        ("Le HCR. " + "y" * 3000 + " Fin.", 0, [(0, 8), (3008, 3013)], [(8, 3008)]),
    ],
)
def test_plan_pieces(
    text: str, max_chars: int, pieces: list[tuple[int, int]], skipped: list[tuple[int, int]]
) -> None:
    plan = plan_pieces(text, max_chars)
    assert plan.pieces == pieces
    assert plan.skipped == skipped


@pytest.mark.parametrize("batch_size", [1, 3, 32, 1000])
def test_char_batches_bound_the_text_of_a_batch(batch_size: int) -> None:
    sizes = [5_000, 60_000, 60_000, 250_000, 10, 10, 99_990, 1]
    pieces, at = [], 0
    for i, size in enumerate(sizes):
        pieces.append((i, at, at + size))
        at += size
    batches = list(char_batches(pieces, batch_size))
    assert [p for b in batches for p in b] == pieces  # all of them, in order
    for batch in batches:
        assert len(batch) <= batch_size
        chars = sum(end - start for _, start, end in batch)
        assert chars <= BATCH_CHARS or len(batch) == 1  # a piece longer than that goes alone


def test_long_document_in_pieces_gives_the_spans_of_the_whole(rules_nlp: Any) -> None:
    text = "\n\n".join(SENTENCE * 4 for _ in range(30))
    whole = extract_text(rules_nlp, text, max_chars=0)
    pieces = extract_text(rules_nlp, text, max_chars=500)
    assert len(whole["spans"]) >= 60
    assert pieces["spans"] == whole["spans"]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in pieces["spans"])


@pytest.mark.parametrize("size", [1_500, 100_000, 1_000_000])
def test_a_token_without_spaces_gives_no_span_and_a_warning(rules_nlp: Any, size: int) -> None:
    text = SENTENCE + long_token(size) + " " + SENTENCE
    with pytest.warns(DechiffreWarning, match="W250"):
        record = extract_text(rules_nlp, text)
    labels = [(s["label"], s["text"]) for s in record["spans"]]
    assert labels == [("ORG", "OIM"), ("QUANTITY", "environ 1 664")] * 2
    assert record["spans"][2]["start"] == len(SENTENCE) + size + 1 + len("L'")


def test_documents_made_only_of_a_long_token_are_output_without_spans(rules_nlp: Any) -> None:
    docs = [InputDoc("t", long_token(200_000), "mem", 1), InputDoc("s", SENTENCE, "mem", 2)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = list(extract_docs(rules_nlp, docs))
    assert [r["id"] for r in records] == ["t", "s"]
    assert records[0]["spans"] == []
    assert len(records[1]["spans"]) == 2
    assert any("W250" in str(w.message) for w in caught)


@pytest.mark.parametrize("batch_size", [1, 2, 7])
def test_pieces_and_batches_do_not_change_results(rules_nlp: Any, batch_size: int) -> None:
    texts = [SENTENCE * n for n in (1, 400, 3, 2_000, 1)]
    docs = [InputDoc(str(i), t, "mem", i + 1) for i, t in enumerate(texts)]
    reference = list(extract_docs(rules_nlp, docs, batch_size=32, max_chars=100_000))
    assert list(extract_docs(rules_nlp, docs, batch_size=batch_size, max_chars=100_000)) == (
        reference
    )


@pytest.mark.parametrize(
    ("module", "cap", "kept"),
    [
        ("quantity_tagger", 200, {"OIM", "environ 1 664"}),
        ("quantity_tagger", 5, {"OIM"}),  # "environ 1 664" has 13 characters
        ("org_linker", 200, {"OIM", "environ 1 664"}),
        ("org_linker", 2, {"environ 1 664"}),  # "OIM" has 3
    ],
)
def test_spans_longer_than_the_cap_are_dropped(
    rules_nlp: Any, monkeypatch: pytest.MonkeyPatch, module: str, cap: int, kept: set[str]
) -> None:
    import importlib

    target = importlib.import_module(f"dechiffre.pipeline.{module}")
    monkeypatch.setattr(target, "MAX_SPAN_CHARS", cap)
    assert {ent.text for ent in rules_nlp(SENTENCE).ents} == kept
