"""The claims component: the seed's five claims, and the time grammar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from dechiffre.pipeline.claim_time import find_times

SEED = "seed/000_3e265e7de1b6bb50"


@pytest.mark.slow
@pytest.mark.shared
def test_seed_claims_are_all_right(nlp: Language, shared_dir: Path) -> None:
    from dechiffre.pipeline.extract import extract_text

    gold = json.loads((shared_dir / f"{SEED}.gold.jsonl").read_text(encoding="utf-8"))
    record = extract_text(nlp, gold["text"], gold["id"])
    want = {(s["start"], s["end"]): s["claim"] for s in gold["spans"] if "claim" in s}
    got = {(s["start"], s["end"]): s.get("claim") for s in record["spans"]}
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize(
    ("text", "doc_year", "expected"),
    [
        (
            "au cours des neuf premiers mois de cette année",
            2024,
            ("first_months", "2024-01/2024-09"),
        ),
        ("en 2023", None, ("year", "2023")),
        ("pour l'exercice 2024", None, ("year", "2024")),
        ("depuis 2016", None, ("since_year", "2016/..")),
        ("jusqu'en 2030", None, ("until_year", "../2030")),
        ("entre 2019 et 2021", None, ("between_years", "2019/2021")),
        ("au premier trimestre 2024", None, ("quarter", "2024-01/2024-03")),
        ("en janvier 2023", None, ("month", "2023-01")),
        ("depuis janvier", 2022, ("since_month", "2022-01/..")),
        ("le 3 mars 2024", None, ("day", "2024-03-03")),
        ("l'an dernier", 2024, ("last_year", "2023")),
        ("l’année dernière", None, ("last_year", None)),  # nothing fixes the year
        ("cette année", None, ("this_year", None)),
    ],
)
def test_time_expressions_resolve_only_what_the_text_fixes(
    text: str, doc_year: int | None, expected: tuple[str, str | None]
) -> None:
    (found,) = find_times(text, doc_year=doc_year)
    assert (found.rule, found.value) == expected
    assert text[found.start : found.end] == text


def test_relative_years_take_the_last_year_written_before() -> None:
    text = "Le bilan de 2023 est publié. Cette année, les départs baissent."
    found = [t for t in find_times(text) if t.rule == "this_year"]
    assert [t.value for t in found] == ["2023"]
