"""Escaped newlines ("\\n" written as two characters), glued sentence ends and English
possessives in names as tokens."""

from __future__ import annotations

import pytest
import spacy

from dechiffre.pipeline.tokenizer import add_escaped_newlines

CASES = [
    (r"Ana Barría\nBBC News", ["Ana", "Barría", r"\n", "BBC", "News"]),
    (r"300 voitures.\n\nSelon Toyota", ["300", "voitures", ".", r"\n", r"\n", "Selon", "Toyota"]),
    (r"la société\nApple", ["la", "société", r"\n", "Apple"]),
    (r"\nLe HCR", [r"\n", "Le", "HCR"]),
    (r"fin.\n", ["fin", ".", r"\n"]),
    (r'« Oui. »\nIl part', ["«", "Oui", ".", "»", r"\n", "Il", "part"]),
    # sentences glued without a space
    ("une bonne nouvelle.Bien que", ["une", "bonne", "nouvelle", ".", "Bien", "que"]),
    ('cité par News24."Nous avons', ["cité", "par", "News24", ".", '"', "Nous", "avons"]),
    ("les U.S.A et Abidjan.net", ["les", "U.S.A", "et", "Abidjan.net"]),
    # an English possessive in a name stays one word; French elision is cut as before
    ("La Lloyd's List et Sainsbury's.", ["La", "Lloyd's", "List", "et", "Sainsbury's", "."]),
    ("aujourd'hui l'OMS d'Abidjan", ["aujourd'hui", "l'", "OMS", "d'", "Abidjan"]),
]

PLAIN = [
    "L'OIM a aidé environ 48.963 migrants, selon le HCR (rapport 2023).",
    "Voir https://www.example.org/a/b?x=1 et l'article « Le Monde » : 3,5 % en 2024 !",
    "Le ministère de l'Intérieur (Maroc)... a dit : \"non\".\nUne ligne, puis\n\nune autre.",
    "Arrêt n° 12/2023 ; 1 664 personnes, dont 3 enfants - c'est-à-dire 0,2 %.",
]


@pytest.mark.parametrize(("text", "tokens"), CASES, ids=[c[0] for c in CASES])
def test_escaped_newlines_are_tokens(text: str, tokens: list[str]) -> None:
    nlp = add_escaped_newlines(spacy.blank("fr"))
    assert [t.text for t in nlp(text)] == tokens


@pytest.mark.parametrize("text", PLAIN)
def test_text_without_an_escaped_newline_or_a_glued_stop_is_tokenized_as_before(text: str) -> None:
    before = [t.text for t in spacy.blank("fr")(text)]
    assert [t.text for t in add_escaped_newlines(spacy.blank("fr"))(text)] == before


def test_adding_twice_changes_nothing() -> None:
    nlp = add_escaped_newlines(spacy.blank("fr"))
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    assert add_escaped_newlines(nlp).tokenizer.infix_finditer.__self__.pattern == pattern


def test_the_rules_survive_a_save_and_load(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path)) / "nlp"
    add_escaped_newlines(spacy.blank("fr")).to_disk(folder)
    assert [t.text for t in spacy.load(folder)(CASES[0][0])] == CASES[0][1]
