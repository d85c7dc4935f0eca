"""Giant documents: cut on sentence ends, tagged piece by piece, and put back together."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import Errors, Warnings
from ..inputs import InputDoc
from ..language import FRENCH, LanguageGuess
from .settings import BATCH_CHARS, BOUNDARY, LONG_TOKEN, MAX_TOKEN_CHARS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# --- giant documents -----------------------------------------------------------


def split_bounds(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Pieces ``(start, end)`` of at most max_chars, cut at sentence ends when there are any."""
    n = len(text)
    if max_chars <= 0 or n <= max_chars:
        return [(0, n)]
    cuts = [m.end() for m in BOUNDARY.finditer(text)]
    bounds: list[tuple[int, int]] = []
    start = 0
    while n - start > max_chars:
        limit = start + max_chars
        idx = bisect.bisect_right(cuts, limit) - 1
        if idx >= 0 and cuts[idx] > start:
            cut = cuts[idx]
        else:  # a sentence longer than max_chars: cut after the last newline or space
            space = max(text.rfind("\n", start + 1, limit), text.rfind(" ", start + 1, limit))
            cut = space + 1 if space > start else limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


@dataclass(frozen=True)
class PiecePlan:
    """What of a document goes through the pipeline: pieces, and the long runs left out."""

    pieces: list[tuple[int, int]]
    skipped: list[tuple[int, int]]
    cut: bool = False  # some part was longer than max_chars and cut (the split warning)


def plan_pieces(text: str, max_chars: int) -> PiecePlan:
    """Pieces ``(start, end)`` to process: the text less runs of over MAX_TOKEN_CHARS
    characters without a space, cut into pieces of at most max_chars (split_bounds)."""
    if len(text) <= MAX_TOKEN_CHARS:
        return PiecePlan([(0, len(text))], [])
    skipped = [m.span() for m in LONG_TOKEN.finditer(text)]
    if not skipped:
        pieces = split_bounds(text, max_chars)
        return PiecePlan(pieces, [], len(pieces) > 1)
    pieces = []
    cut = False
    start = 0
    for gap_start, gap_end in [*skipped, (len(text), len(text))]:
        part = text[start:gap_start]
        if part.strip():
            bounds = split_bounds(part, max_chars)
            cut = cut or len(bounds) > 1
            pieces.extend((start + a, start + b) for a, b in bounds)
        start = gap_end
    return PiecePlan(pieces, skipped, cut)


def char_batches(
    pieces: list[tuple[int, int, int]], batch_size: int, budget: int = BATCH_CHARS
) -> Iterator[list[tuple[int, int, int]]]:
    """Consecutive ``(doc, start, end)`` pieces, at most batch_size and budget characters a batch.

    A piece longer than the budget goes alone. Results do not depend on the batches
    (each document is processed on its own), only the peak memory does.
    """
    batch: list[tuple[int, int, int]] = []
    chars = 0
    for piece in pieces:
        size = piece[2] - piece[1]
        if batch and (len(batch) >= batch_size or chars + size > budget):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += size
    if batch:
        yield batch


def annotate_pieces(
    nlp: Language,
    texts: Sequence[str],
    plans: Sequence[PiecePlan],
    *,
    batch_size: int,
    max_chars: int,
    make_doc: Callable[[int, str], Doc] | None = None,
) -> list[list[dict[str, Any]]]:
    """Span records of each text, its pieces processed apart and stitched by offset.

    A batch holds at most max_chars characters (BATCH_CHARS when max_chars is 0).
    """
    from ...evaluation.gold import LABELS
    from ..records import span_record

    spans: list[list[dict[str, Any]]] = [[] for _ in texts]
    pieces = [(i, start, end) for i, plan in enumerate(plans) for start, end in plan.pieces]
    for batch in char_batches(pieces, batch_size, max_chars if max_chars > 0 else BATCH_CHARS):
        with nlp.memory_zone():
            items: list[tuple[Any, tuple[int, int]]] = [
                (
                    texts[i][start:end] if make_doc is None else make_doc(i, texts[i][start:end]),
                    (i, start),
                )
                for i, start, end in batch
            ]
            for doc, (i, offset) in nlp.pipe(items, as_tuples=True, batch_size=len(batch)):
                for ent in doc.ents:
                    if ent.label_ in LABELS:
                        span = span_record(ent)
                        span["start"] += offset
                        span["end"] += offset
                        spans[i].append(span)
    for found in spans:
        found.sort(key=lambda s: (s["start"], s["end"]))
    return spans


def long_token_reason(doc: InputDoc, skipped: list[tuple[int, int]]) -> str:
    """W250 for a document's runs left out."""
    longest = max(end - start for start, end in skipped)
    return Warnings.W250.format(
        path=doc.source,
        line=doc.line,
        doc_id=doc.id,
        count=len(skipped),
        max_token=MAX_TOKEN_CHARS,
        longest=longest,
        first=skipped[0][0],
    )


def language_reason(doc: InputDoc, guess: LanguageGuess, languages: Sequence[str]) -> str:
    """E250 (skipped, with languages) or W251 (tagged) for a document not in French."""
    if languages:
        return Errors.E250.format(
            path=doc.source,
            line=doc.line,
            doc_id=doc.id,
            lang=guess.code,
            percent=guess.percent,
            languages=",".join(languages),
        )
    return Warnings.W251.format(
        path=doc.source, line=doc.line, doc_id=doc.id, lang=guess.code, percent=guess.percent
    )


def kept_language(guess: LanguageGuess, languages: Sequence[str]) -> bool:
    """Whether a document is processed: no languages asked for, or its language is one.

    A guess that is not reliable counts as French.
    """
    if not languages:
        return True
    return (guess.code if guess.other else FRENCH) in languages
