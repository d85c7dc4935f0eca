"""Extension attributes: the dechiffre_ prefix, deprecated aliases, the country context."""

from __future__ import annotations

import pytest
import spacy

from dechiffre.pipeline.attributes import DEPRECATED, doc_countries
from dechiffre.pipeline.errors import DechiffreWarning


@pytest.mark.parametrize("name", DEPRECATED)
def test_old_names_warn_and_reach_the_prefixed_attribute(name: str) -> None:
    doc = spacy.blank("fr")("environ 48.963 tentatives")
    span = doc[0:2]
    setattr(span._, f"dechiffre_{name}", 7)
    with pytest.warns(DechiffreWarning, match=f"dechiffre_{name}"):
        assert getattr(span._, name) == 7
    with pytest.warns(DechiffreWarning):
        setattr(span._, name, 8)
    assert getattr(span._, f"dechiffre_{name}") == 8


def test_country_context_is_computed_once_per_doc() -> None:
    doc = spacy.blank("fr")("Rabat et Dakar, puis Casablanca.")
    first = doc_countries(doc)
    assert first == {"MA": 2, "SN": 1}
    first["XX"] = 1  # the kept value is what later readers get
    assert doc_countries(doc) is first
