"""QUANTITY spans in Docs: attributes and objects."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

pytestmark = pytest.mark.slow


def quantities(nlp: Language, text: str) -> list[dict[str, Any]]:
    doc = nlp(text)
    return [
        {
            "text": e.text,
            "value": e._.dechiffre_value,
            "unit": e._.dechiffre_unit,
            "modifier": e._.dechiffre_modifier,
            "object": e._.dechiffre_object,
        }
        for e in doc.ents
        if e.label_ == "QUANTITY"
    ]


@pytest.mark.parametrize(
    ("text", "span", "obj"),
    [
        (
            "Ils ont déjoué environ 48.963 tentatives d'immigration clandestine.",
            "environ 48.963",
            "tentatives d'immigration clandestine",
        ),
        ("La police a démantelé 210 réseaux criminels.", "210", "réseaux criminels"),
        ("Le pays a importé 3 000 tonnes de blé.", "3 000 tonnes", "blé"),
        ("Près de 12 % des électeurs se sont abstenus.", "Près de 12 %", "électeurs"),
        ("Il a écopé de trois ans de prison ferme.", "trois ans", "prison ferme"),
        ("Des centaines de familles ont fui.", "Des centaines", "familles"),
        ("Un migrant sur trois est mineur.", "Un migrant sur trois", "migrant"),
        ("Le bateau a coulé à 20 km de la côte.", "20 km", None),
        ("Le loyer moyen atteint 900 euros.", "900 euros", "loyer moyen"),
        ("Les prix ont enregistré une hausse de 3 %.", "3 %", "hausse"),
        ("La redevance rapporterait 400 millions d'euros.", "400 millions d'euros", "redevance"),
        ("L'armée a reçu 8 chars d'assaut T-72.", "8", "chars d'assaut T-72"),
    ],
)
def test_objects(nlp: Language, text: str, span: str, obj: str | None) -> None:
    found = quantities(nlp, text)
    assert [q["text"] for q in found] == [span]
    assert found[0]["object"] == obj


def test_quebec_dollars_are_canadian(nlp: Language) -> None:
    found = quantities(nlp, "Québec investira 250 millions $ dans le réseau de Montréal.")
    assert found[0]["unit"] == "CAD"


def test_neuf_as_adjective_is_not_an_amount(nlp: Language) -> None:
    assert quantities(nlp, "Ils ont inauguré un hôpital neuf à Agadir.") == []


@pytest.mark.parametrize(
    "text",
    ["Il a gardé Posey et neuf autres Africains asservis.", "Les neuf derniers matchs sont nuls."],
)
def test_neuf_before_a_count_adjective_is_an_amount(nlp: Language, text: str) -> None:
    assert [q["text"] for q in quantities(nlp, text)] == ["neuf"]
