"""Huge numbers never cost the document (issue 13): a warning, no amount, the rest tagged."""

from __future__ import annotations

import json

import pytest
import spacy

import dechiffre.pipeline.quantity_tagger  # noqa: F401  (registers the factory)
from dechiffre.pipeline.errors import DechiffreWarning, NotAnAmount
from dechiffre.pipeline.numbers import find_amounts, normalize
from dechiffre.pipeline.numbers.amount import clean

HUGE = "9" * 400  # beyond a float's 1.8e308


@pytest.mark.parametrize(
    "huge", [HUGE, "9" * 309, " ".join(["999"] * 110), "1e400", "10^400", f"{'9' * 300} milliards"]
)
def test_a_huge_number_warns_and_the_rest_is_tagged(huge: str) -> None:
    text = f"Le chiffre {huge} circule, mais 1 664 migrants sont rentrés."
    with pytest.warns(DechiffreWarning, match="W100"):
        found = find_amounts(text)
    assert [m.text for m in found] == ["1 664"]


def test_normalize_refuses_a_huge_number_with_a_warning() -> None:
    with pytest.warns(DechiffreWarning, match="W100"), pytest.raises(NotAnAmount):
        normalize(HUGE)


def test_a_309_digit_number_that_fits_a_float_is_an_int_amount() -> None:
    value = normalize("1" * 309).value
    assert isinstance(value, int)
    assert str(value).startswith("1111111111111111") and len(str(value)) == 309


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("77,8 trillions", 77_800_000_000_000_000_000),
        ("77 800 000 000 000 000 000", 77_800_000_000_000_000_000),
        ("3 trillions", 3 * 10**18),
        ("1e300", 10**300),
    ],
)
def test_very_large_whole_values_are_ints(text: str, value: int) -> None:
    amount = normalize(text)
    assert isinstance(amount.value, int)
    assert amount.value == value
    assert "e" not in json.dumps(amount.value)


@pytest.mark.parametrize(
    ("raw", "want"), [(7.78e19, 77_800_000_000_000_000_000), (2.0**53, 2**53), (0.12345678, 0.1235)]
)
def test_clean(raw: float, want: float) -> None:
    assert clean(raw) == want
    assert type(clean(raw)) is type(want)


@pytest.mark.slow  # the tagger loads the knowledge base for its country context (~7 s)
def test_the_tagger_keeps_the_document() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("dechiffre_quantities")
    with pytest.warns(DechiffreWarning, match="W100"):
        doc = nlp(f"Un nombre immense : {HUGE}. Puis 12 % de hausse.")
    assert [(e.text, e._.dechiffre_value) for e in doc.ents] == [("12 %", 12)]
