"""Exclusion rules: each names itself, so a user can ask why a number was not tagged."""

from __future__ import annotations

import pytest

from dechiffre.pipeline.errors import NotAnAmount
from dechiffre.pipeline.numbers import RULE_NAMES, find_exclusions, normalize, why_not

# (expression, rule that keeps it from being an amount)
WHY_NOT: list[tuple[str, str]] = [
    ("G20", "glued_to_word"),
    ("COVID-19", "word_hyphen_code"),
    ("3e", "ordinal_suffix"),
    ("1er", "ordinal_suffix"),
    ("article 52", "identifier_word_before"),
    ("vol AT 205", "capital_code_before"),
    ("RN 7", "identifier_word_before"),
    ("n° 5", "number_sign"),
    ("05 37", "digit_chain"),
    ("24 février", "day_of_month"),
    ("lundi 12", "after_weekday"),
    ("14 h 30", "clock_time"),
    ("en 2024", "year"),
    ("entre 2019 et 2023", "year_range"),
    ("cinq ans plus tard", "time_locating"),
    ("4-roues", "hyphen_compound_after"),
]


@pytest.mark.parametrize(("text", "rule"), WHY_NOT)
def test_why_not_names_the_rule(text: str, rule: str) -> None:
    assert rule in RULE_NAMES
    assert why_not(f"Il a noté {text} hier.") == rule


@pytest.mark.parametrize(
    ("text", "rule"), [("entre 2019 et 2023", "year_range"), ("de 1990 à 2000", "year_range")]
)
def test_normalize_error_names_the_rule(text: str, rule: str) -> None:
    with pytest.raises(NotAnAmount, match=rule):
        normalize(text)


@pytest.mark.parametrize("text", ["48.963", "environ 4 388 migrants", "3 ans", "bonjour"])
def test_why_not_is_none_for_amounts_and_plain_words(text: str) -> None:
    assert why_not(text) is None


def test_why_not_at_an_offset() -> None:
    text = "Le 24 février, la RN 7 a vu 30 accidents."
    assert why_not(text, text.index("7")) == "identifier_word_before"
    assert why_not(text, text.index("30")) is None


def test_find_exclusions_lists_each_dropped_number_with_its_rule() -> None:
    text = "Le 24 février 2024, la RN 7 a vu 30 accidents."
    got = [(e.text, e.rule) for e in find_exclusions(text)]
    assert ("24", "day_of_month") in got
    assert ("7", "identifier_word_before") in got
    assert all(text[e.start : e.end] == e.text for e in find_exclusions(text))
    assert "30" not in [t for t, _ in got]
