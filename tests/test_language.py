"""Language of documents: non-French ones are tagged with meta.lang and a warning, or skipped."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from dechiffre.pipeline.errors import DechiffreWarning
from dechiffre.pipeline.extract import extract_paths, extract_text
from dechiffre.pipeline.inputs import Problem
from dechiffre.pipeline.language import detect_language, parse_languages

FRENCH = "Le HCR a enregistré environ 4 388 migrants arrivés par la mer depuis le début de l'année."
ENGLISH = (
    "The company said on Tuesday that it had raised $2 billion from investors, and that "
    "about 1,200 jobs would be created over the next three years."
)
GERMAN = "Die Regierung hat am Dienstag angekündigt, drei Millionen Euro für Schulen auszugeben."


@pytest.mark.parametrize(
    ("text", "code", "other"),
    [
        (FRENCH, "fr", False),
        (ENGLISH, "en", True),
        (GERMAN, "de", True),
        ("Le HCR", "un", False),  # too short to tell: counts as French
        ("", "un", False),
        ("\ud800 texte avec un caractère seul", None, False),  # a lone surrogate does not raise
    ],
)
def test_detect_language(text: str, code: str | None, other: bool) -> None:
    guess = detect_language(text)
    if code is not None:
        assert guess.code == code
    assert guess.other is other


@pytest.mark.parametrize(
    ("value", "codes"), [(None, ()), ("", ()), ("fr", ("fr",)), (" FR, de ,fr", ("fr", "de"))]
)
def test_parse_languages(value: str | None, codes: tuple[str, ...]) -> None:
    assert parse_languages(value) == codes


def test_english_is_tagged_with_meta_lang_and_a_warning(rules_nlp: Any) -> None:
    with pytest.warns(DechiffreWarning, match=r"W251.*'en'"):
        record = extract_text(rules_nlp, ENGLISH)
    assert record["meta"] == {"lang": "en"}
    assert record["spans"]  # still tagged, as usual


def test_french_gets_no_warning_and_no_meta(rules_nlp: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DechiffreWarning)
        record = extract_text(rules_nlp, FRENCH)
    assert "meta" not in record


def test_extract_paths_skips_other_languages_when_asked(rules_nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        {"id": "fr", "text": FRENCH},
        {"id": "en", "text": ENGLISH},
        {"id": "de", "text": GERMAN},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    items = list(extract_paths(rules_nlp, [str(path)], languages=["fr"]))
    records = [x for x in items if not isinstance(x, Problem)]
    problems = [x for x in items if isinstance(x, Problem)]
    assert [r["id"] for r in records] == ["fr"]
    assert [(p.doc_id, p.kind) for p in problems] == [("en", "language"), ("de", "language")]
    assert all("E250" in p.reason for p in problems)
