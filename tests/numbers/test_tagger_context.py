"""The QUANTITY tagger passes the document's currency context to the number grammar."""

from __future__ import annotations

import pytest
import spacy

import dechiffre.pipeline.quantity_tagger  # noqa: F401  (registers the factory)

pytestmark = pytest.mark.slow  # the tagger loads the knowledge base for its country context


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("À Yaoundé, au Cameroun, l'aide atteint 500 000 francs CFA.", "XAF"),
        ("À Dakar, au Sénégal, l'aide atteint 500 000 francs CFA.", "XOF"),
        ("À Dakar, au Sénégal, l'aide atteint 500 000 francs.", "XOF"),
        ("À Genève, en Suisse, l'aide atteint 500 000 francs.", "CHF"),
    ],
)
def test_cfa_francs_follow_the_region(text: str, unit: str) -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("dechiffre_quantities")
    (ent,) = nlp(text).ents
    assert (ent._.dechiffre_value, ent._.dechiffre_unit) == (500_000, unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("La fièvre monte jusqu'à 40 degrés.", "°C"),
        ("Il faisait 35° à l'ombre.", "°C"),
        ("Il faisait 35 °C à l'ombre.", "°C"),
        ("Il faisait 95 °F à l'ombre.", "°F"),
    ],
)
def test_a_bare_degree_in_news_is_a_temperature(text: str, unit: str) -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("dechiffre_quantities")
    (ent,) = nlp(text).ents
    assert ent._.dechiffre_unit == unit
