"""The word tables: every entry can be matched, and currency codes are ISO-like."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

from dechiffre.pipeline.numbers import lexicon, normalize, tokenize
from dechiffre.pipeline.numbers.lexicon import Phrase

TABLES: dict[str, Mapping[Phrase, str | None]] = {
    "ALL_UNITS": lexicon.ALL_UNITS,
    "MODIFIERS": lexicon.MODIFIERS,
    "POST_MODIFIERS": lexicon.POST_MODIFIERS,
}


@pytest.mark.parametrize(
    ("table", "key"), [(name, key) for name, table in TABLES.items() for key in table]
)
def test_every_phrase_is_cut_as_the_tokenizer_cuts_it(table: str, key: Phrase) -> None:
    text = " ".join(key)
    assert tuple(t.low for t in tokenize(text)) == key, f"{table}: {key} is never matched"


@pytest.mark.parametrize("code", sorted(set(lexicon.CURRENCY_UNITS.values())))
def test_currency_codes_are_iso_like(code: str) -> None:
    assert code in {"FRANC", "CFA"} or re.fullmatch(r"[A-Z]{3}", code)


@pytest.mark.parametrize(
    ("key", "unit"),
    [
        (key, unit)
        for key, unit in lexicon.ALL_UNITS.items()
        if key not in lexicon.CASE_SENSITIVE_UNITS and unit not in {"FRANC", "CFA"}
    ],
)
def test_every_unit_reads_after_digits(key: Phrase, unit: str) -> None:
    amount = normalize("12 " + " ".join(key))
    assert (amount.value, amount.unit) == (12, unit)
