"""The paragraph step: a blank line ends a sentence, whatever the parser read across it.

fr_core_news_md's parser reads a headline without a final stop and the first sentence after
its blank line as one sentence ("Cinquante réfugiés arrivent en Italie\\n\\nLe HCR a
transféré mardi 54 réfugiés ..."), in about two real articles out of three: the headline's
verb then governs the lede's subject and its amounts. Forcing a sentence start there before
parsing does not help (the parser then cuts the next words into one-word sentences). This
step, after the parser, parses each paragraph of such a sentence again on its own, with the
same parser and the same token vectors (those the whole text gave), and writes their parses
back: every other sentence keeps the parse it had.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

import numpy
from spacy.attrs import DEP, HEAD, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from .errors import DechiffreError, Errors
from .pipes import CfgPipe

# A mark after which the text goes on across a blank line (a list or a quote it introduces).
GOES_ON = ":"
# A line end a scraper wrote out as a backslash and "n" (the tokenizer keeps it a token).
ESCAPED_NEWLINE = "\\n"
# The token attributes the re-parse may write back (HEAD as an offset, as Doc.to_array gives
# it), each with the annotation name a Doc has when it is set; HEAD and DEP always.
PARSE_ATTRS = [(POS, "POS"), (TAG, "TAG"), (MORPH, "MORPH"), (HEAD, "DEP"), (DEP, "DEP")]


@Language.factory(
    "dechiffre_paragraphs",
    default_config={"pipes": ["parser"], "min_newlines": 2},
)
def make_paragraphs(
    nlp: Language, name: str, *, pipes: list[str], min_newlines: int
) -> ParagraphBreaks:
    """Create the paragraph step (re-parses sentences that run across a blank line)."""
    return ParagraphBreaks(nlp, name=name, pipes=pipes, min_newlines=min_newlines)


def line_ends(token_text: str) -> int | None:
    """The line ends a token of whitespace and escaped newlines holds; None for any other
    token. A scraper's escaped newline (a backslash and "n", kept as its own token by the
    tokenizer) counts as a line end."""
    if token_text.replace(ESCAPED_NEWLINE, "").strip():
        return None
    return token_text.count("\n") + token_text.count(ESCAPED_NEWLINE)


def paragraph_parts(sent: Span, min_newlines: int) -> list[tuple[int, int]]:
    """Token ranges (document indices) of a sentence's paragraphs; one range if it has no break.

    A run of tokens of whitespace and escaped newlines with ``min_newlines`` line ends in all
    is a break; it ends the paragraph before it, as spaCy attaches trailing whitespace to the
    text before it. After a colon the sentence goes on ("Une portion apporte :\\n\\n31 kcals",
    a list; "Comme le dit X :\\n\\n« ... »", a quote).
    """
    doc = sent.doc
    parts: list[tuple[int, int]] = []
    start = sent.start
    run = 0
    before = ""  # the last word before the run of line ends
    for i in range(sent.start, sent.end - 1):
        ends = line_ends(doc[i].text)
        if ends is None:
            run, before = 0, doc[i].text
            continue
        run += ends
        if (
            run >= min_newlines
            and line_ends(doc[i + 1].text) is None
            and not before.endswith(GOES_ON)
        ):
            parts.append((start, i + 1))
            start, run = i + 1, 0
    parts.append((start, sent.end))
    return parts


class ParagraphBreaks(CfgPipe):
    """Re-parse, paragraph by paragraph, each sentence that the parser ran across a blank line."""

    def __init__(
        self,
        nlp: Language,
        name: str = "dechiffre_paragraphs",
        *,
        pipes: Iterable[str] = ("parser",),
        min_newlines: int = 2,
    ) -> None:
        if min_newlines < 1:
            raise DechiffreError(Errors.E053.format(got=min_newlines))
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.name = name
        self.cfg: dict[str, Any] = {"pipes": list(pipes), "min_newlines": min_newlines}

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise DechiffreError(Errors.E054.format(name=self.name, pipes=self.cfg["pipes"]))
        spans = []
        for sent in doc.sents:
            parts = paragraph_parts(sent, self.cfg["min_newlines"])
            if len(parts) > 1:
                spans.extend(parts)
        if not spans:
            return doc
        subs = list(self._parse(doc, spans))
        attrs = [a for a, name in PARSE_ATTRS if all(s.has_annotation(name) for s in subs)]
        array = numpy.asarray(doc.to_array(attrs), dtype=numpy.uint64)
        for (start, end), sub in zip(spans, subs, strict=True):
            array[start:end] = numpy.asarray(sub.to_array(attrs), dtype=numpy.uint64)
        doc.from_array(attrs, cast(Ints2d, array))
        return doc

    def _parse(self, doc: Doc, spans: list[tuple[int, int]]) -> Iterator[Doc]:
        """Each paragraph as a Doc of its own, run through the named pipes."""
        components = []
        for name in self.cfg["pipes"]:
            if name not in self.nlp.pipe_names:
                raise DechiffreError(
                    Errors.E055.format(name=self.name, pipe=name, got=self.nlp.pipe_names)
                )
            components.append(self.nlp.get_pipe(name))
        for start, end in spans:
            tokens = doc[start:end]
            # one sentence: the parser had read no sentence end inside it
            starts: list[bool | int | None] = [True]
            starts += [False] * (len(tokens) - 1)
            sub = Doc(
                doc.vocab,
                words=[t.text for t in tokens],
                spaces=[bool(t.whitespace_) for t in tokens],
                sent_starts=starts,
            )
            if doc.tensor is not None and doc.tensor.shape[0] == len(doc):
                # the features the whole text gave these words: only the parse restarts
                sub.tensor = doc.tensor[start:end]
            for component in components:
                sub = component(sub)
            yield sub


__all__ = ["ParagraphBreaks", "line_ends", "make_paragraphs", "paragraph_parts"]
