"""Data plumbing for the token classifier: gold files, BIO tags, windows, span decoding.

Shared by training (:mod:`pipeline.classifier_training`) and inference
(:mod:`pipeline.token_classifier`) so both cut, tag and decode text the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from ..evaluation.gold import LABELS
from ..evaluation.gold import read_gold as read_gold_file
from .errors import DechiffreError, Errors

TAGS: tuple[str, ...] = ("O", *(f"{p}-{label}" for label in LABELS for p in ("B", "I")))
TAG2ID: dict[str, int] = {tag: i for i, tag in enumerate(TAGS)}
IGNORE = -100  # label id the loss skips

Offsets = Sequence[tuple[int, int]]


class CharSpan(NamedTuple):
    """A predicted or gold span in character offsets (end exclusive)."""

    start: int
    end: int
    label: str
    score: float = 1.0


@dataclass(frozen=True)
class Encoded:
    """One text tokenised without special tokens."""

    ids: list[int]
    offsets: list[tuple[int, int]]
    transparent: list[bool]  # pieces with no text of their own (a lone "▁")
    # piece i continues piece i-1 inside one word (letters/digits on both sides, no gap)
    joined: list[bool] = field(default_factory=list)


def read_gold(path: Path | str) -> list[dict[str, Any]]:
    """Gold documents for training: id, text and the ORG/QUANTITY spans (offsets, label).

    Read with the one gold reader (:func:`dechiffre.evaluation.gold.read_gold`); span
    attributes may be absent (span-only training data), everything else is validated.
    """
    docs = read_gold_file(path, require_attributes=False)
    return [
        {
            "id": doc["id"],
            "text": doc["text"],
            "spans": sorted(
                ({"start": s["start"], "end": s["end"], "label": s["label"]} for s in doc["spans"]),
                key=lambda s: (s["start"], s["end"]),
            ),
        }
        for doc in docs
    ]


def encode(tokenizer: Any, texts: Sequence[str]) -> list[Encoded]:
    """Tokenise raw texts with character offsets (no special tokens, no truncation)."""
    if not texts:
        return []
    batch = tokenizer(
        list(texts),
        add_special_tokens=False,
        return_offsets_mapping=True,
        truncation=False,
        verbose=False,
    )
    unk = getattr(tokenizer, "unk_token_id", None)
    out = []
    for text, ids, offsets in zip(texts, batch["input_ids"], batch["offset_mapping"], strict=True):
        pieces = tokenizer.convert_ids_to_tokens(ids)
        transparent = [
            (piece.strip("▁") == "" and i != unk) or start == end
            for i, piece, (start, end) in zip(ids, pieces, offsets, strict=True)
        ]
        joined = [False] * len(ids)
        previous_end = -1
        for k, (start, end) in enumerate(offsets):
            if transparent[k]:
                continue
            joined[k] = (
                start == previous_end
                and start > 0
                and text[start - 1].isalnum()
                and text[start].isalnum()
            )
            previous_end = end
        out.append(Encoded(list(ids), [tuple(o) for o in offsets], transparent, joined))
    return out


def windows(length: int, size: int, stride: int) -> list[tuple[int, int]]:
    """Cut ``length`` pieces into windows of at most ``size`` overlapping by ``stride``."""
    if size < 1 or not 0 <= stride < size:
        raise DechiffreError(Errors.E426.format(size=size, stride=stride))
    if length <= size:
        return [(0, length)]
    step = size - stride
    out = []
    start = 0
    while True:
        end = min(start + size, length)
        out.append((start, end))
        if end == length:
            return out
        start += step


def bio_tags(enc: Encoded, spans: Iterable[dict[str, Any] | CharSpan]) -> list[int]:
    """BIO tag ids for each piece; lone-space pieces get ``IGNORE``."""
    tags = [TAG2ID["O"]] * len(enc.ids)
    for i, transparent in enumerate(enc.transparent):
        if transparent:
            tags[i] = IGNORE
    for span in spans:
        if isinstance(span, CharSpan):
            start, end, label = span.start, span.end, span.label
        else:
            start, end, label = span["start"], span["end"], span["label"]
        first = True
        for i, (s, e) in enumerate(enc.offsets):
            if enc.transparent[i] or e <= start or s >= end:
                continue
            tags[i] = TAG2ID[f"{'B' if first else 'I'}-{label}"]
            first = False
    return tags


def decode(
    probs: npt.NDArray[np.float32], enc: Encoded, threshold: float = 0.0, text: str | None = None
) -> list[CharSpan]:
    """Turn per-piece tag probabilities into character spans.

    Pieces joined inside a word (``Encoded.joined``) are decided together: the
    word takes the label (O, ORG, QUANTITY) with the highest mean probability,
    B+I summed, so a span never starts or ends inside a word. A span opens on a
    word whose first piece leans to ``B-X`` (or that follows something else) and
    grows over ``I-X`` words (ties go to I) and over words glued to it; lone-space pieces are
    skipped. Its score is the mean label probability of its words; spans scoring
    below ``threshold`` are dropped. With ``text``, spans are tidied (:func:`tidy`).
    """
    words: list[list[int]] = []
    for i in range(len(enc.ids)):
        if enc.transparent[i]:
            continue
        if words and enc.joined and enc.joined[i]:
            words[-1].append(i)
        else:
            words.append([i])
    spans: list[tuple[CharSpan, int]] = []  # span, number of words
    label: str | None = None
    start = end = 0
    scores: list[float] = []

    def close() -> None:
        if label is not None:
            spans.append((CharSpan(start, end, label, float(np.mean(scores))), len(scores)))

    # Per piece, as Python floats: P(O), P(B-X) + P(I-X) for each label, P(B-X), P(I-X).
    names = ("O", *LABELS)
    piece_options = np.stack(
        [probs[:, TAG2ID["O"]]]
        + [probs[:, TAG2ID[f"B-{name}"]] + probs[:, TAG2ID[f"I-{name}"]] for name in LABELS],
        axis=1,
    ).tolist()
    column = probs.tolist()
    for word in words:
        if len(word) == 1:
            options = dict(zip(names, piece_options[word[0]], strict=True))
        else:
            p = probs[word]
            options = {"O": float(p[:, TAG2ID["O"]].mean())}
            for name in LABELS:
                both = p[:, TAG2ID[f"B-{name}"]] + p[:, TAG2ID[f"I-{name}"]]
                options[name] = float(both.mean())
        word_label = max(options, key=options.__getitem__)
        s = enc.offsets[word[0]][0]
        e = max(enc.offsets[j][1] for j in word)
        if word_label == "O":
            close()
            label = None
            continue
        first = column[word[0]]
        begins = first[TAG2ID[f"B-{word_label}"]] > first[TAG2ID[f"I-{word_label}"]]
        # I-X continues an open X span; so does a B-X word glued to it (no space between).
        if label == word_label and (not begins or s == end):
            end = max(end, e)
            scores.append(options[word_label])
            continue
        close()
        label, start, end, scores = word_label, s, e, [options[word_label]]
    close()
    if text is not None:
        spans = tidy(spans, text)
    return [span for span, _ in spans if span.score >= threshold]


_LEADING = "'’«\"(["
_JOINERS = ("'", "’", "-")  # an elision or a hyphen inside one name: "de l’Intérieur"
_TRAILING = '.,;:!?»")]'


def tidy(spans: Sequence[tuple[CharSpan, int]], text: str) -> list[tuple[CharSpan, int]]:
    """Join same-label spans split by whitespace, an apostrophe or a hyphen; trim edges.

    A sub-word can carry punctuation with it (XLM-R has a piece ``%.``); two spans
    of one label with only spaces between them are one amount or one name.
    """
    out: list[tuple[CharSpan, int]] = []
    for span, words in spans:
        start, end = span.start, span.end
        while start < end and (text[start] in _LEADING or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
            end -= 1
        if start == end:
            continue
        span = span._replace(start=start, end=end)
        if out:
            last, last_words = out[-1]
            gap = text[last.end : span.start]
            if last.label == span.label and gap and (gap.isspace() or gap in _JOINERS):
                total = last_words + words
                score = (last.score * last_words + span.score * words) / total
                out[-1] = (last._replace(end=span.end, score=score), total)
                continue
        out.append((span, words))
    return out


def span_scores(
    gold: Sequence[Iterable[tuple[int, int, str]]], pred: Sequence[Iterable[tuple[int, int, str]]]
) -> dict[str, dict[str, float]]:
    """Exact-match span precision, recall and F1 per label and micro-averaged ("ALL")."""
    counts = {label: [0, 0, 0] for label in (*LABELS, "ALL")}  # tp, n_pred, n_gold
    for gold_doc, pred_doc in zip(gold, pred, strict=True):
        g = {(s[0], s[1], s[2]) for s in gold_doc}
        p = {(s[0], s[1], s[2]) for s in pred_doc}
        for label in LABELS:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            for key in (label, "ALL"):
                counts[key][0] += len(gl & pl)
                counts[key][1] += len(pl)
                counts[key][2] += len(gl)
    out = {}
    for key, (tp, n_pred, n_gold) in counts.items():
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[key] = {"precision": precision, "recall": recall, "f1": f1, "support": n_gold}
    return out
