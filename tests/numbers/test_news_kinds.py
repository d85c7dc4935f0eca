"""Kinds of span errors seen on real news (issue 10): each rule with sentences written for it."""

from __future__ import annotations

from typing import Any

import pytest

from dechiffre.pipeline.numbers import RULE_NAMES, find_amounts, why_not

# (sentence, the amount texts expected, in order)
SPANS: list[tuple[str, list[str]]] = [
    # dotted_code: variant and lineage names are no amounts
    ("Le sous-variant BA.2 se répand dans 40 pays.", ["40"]),
    ("La lignée B.1.1.529 et XBB.1.5 circulent.", []),
    ("Il est arrivé à 10 h.3 personnes attendaient.", ["3"]),
    # a line break left escaped in scraped text
    ("Valeurs :\\n31 kcals\\n2,5 g de protéines\\n9 mg de fer", ["31 kcals", "2,5 g", "9 mg"]),
    # collectives take a time unit: une quinzaine de jours
    ("Il est resté en quarantaine une quinzaine de jours.", ["une quinzaine de jours"]),
    ("Le chantier a duré plusieurs dizaines d'années.", ["plusieurs dizaines d'années"]),
    ("Une vingtaine de blessés ont été soignés.", ["Une vingtaine"]),
    # ... so that the time-locating rules see them
    ("Il y a une dizaine de jours, le club a gagné.", []),
    ("Il y a tout juste un mois, il signait.", []),
    ("À une dizaine de jours de l'élection, 30 partis sont inscrits.", ["30"]),
    ("Le coureur est à six semaines de son retour.", []),
    ("Il a été condamné à 5 ans de prison.", ["5 ans"]),
    ("Le but est venu à neuf minutes de la fin.", []),
    # un seul, une seule: a count of one
    ("Il n'a pas encaissé un seul but.", ["un seul"]),
    ("L'Algérie n'a gagné qu'une seule fois.", ["une seule fois"]),
    ("Ils se rassemblent autour d'une seule radio.", ["une seule"]),
    ("Un jour, il partira.", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans_on_news_kinds(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_amounts(text)] == expected


# (sentence, span, value, unit, modifier)
VALUES: list[tuple[str, str, Any, Any, Any]] = [
    ("pendant une quinzaine de jours", "une quinzaine de jours", 15, "jour", "approx"),
    ("un jeune d'une vingtaine d'années", "une vingtaine d'années", 20, "an", "approx"),
    ("sans encaisser un seul but", "un seul", 1, None, None),
    ("sacrée une seule fois", "une seule fois", 1, "fois", None),
    ("la portion apporte 31 kcals", "31 kcals", 31, "kcal", None),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "modifier"), VALUES)
def test_values_on_news_kinds(text: str, span: str, value: Any, unit: Any, modifier: Any) -> None:
    (match,) = find_amounts(text)
    assert (match.text, match.amount.value, match.amount.unit, match.amount.modifier) == (
        span,
        value,
        unit,
        modifier,
    )


# (sentence, rule that drops its first number)
WHY_NOT: list[tuple[str, str]] = [
    ("Le variant BA.2 domine.", "dotted_code"),
    ("Il y a tout juste un mois, il signait.", "time_locating"),
    ("Il est à six semaines de son retour.", "time_locating"),
]


@pytest.mark.parametrize(("text", "rule"), WHY_NOT)
def test_rule_is_named(text: str, rule: str) -> None:
    assert rule in RULE_NAMES
    assert why_not(text) == rule
