"""The language of a document, told cheaply and offline (CLD2, through pycld2).

dechiffre's rules read French: "1,200" is 1.2 and "billion" is 10^12. A
document in another language is still tagged, but it gets ``meta.lang`` and a
warning (W251), or, with ``languages`` given, it is skipped (E250).

CLD2 is compiled C with its tables built in: it loads in a millisecond, adds a
few MB of memory, needs no download, and gives the same answer for the same
text. It reads a sample (the first ``SAMPLE_CHARS`` characters), so the cost
does not grow with the document. A text too short or too mixed for a reliable
answer counts as French: the warning is for documents CLD2 is sure about.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycld2

FRENCH = "fr"
UNKNOWN = "un"
# enough text for a reliable guess; the start of a news article is its most typical part
SAMPLE_CHARS = 4_000


@dataclass(frozen=True)
class LanguageGuess:
    """CLD2's answer: an ISO 639-1 code ("un" when unsure), its share of the text, reliability."""

    code: str
    percent: int
    reliable: bool

    @property
    def other(self) -> bool:
        """True for a reliable guess of a language other than French."""
        return self.reliable and self.code not in (FRENCH, UNKNOWN)


def detect_language(text: str) -> LanguageGuess:
    """The language of the first ``SAMPLE_CHARS`` characters of a text."""
    sample = text[:SAMPLE_CHARS].encode("utf-8", "replace")  # lone surrogates too
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:  # bytes CLD2 refuses (control characters): no opinion
        return LanguageGuess(UNKNOWN, 0, False)
    _, code, percent, _ = details[0]
    return LanguageGuess(code, int(percent), bool(reliable))


def parse_languages(value: str | None) -> tuple[str, ...]:
    """'fr' or 'fr,de' as ('fr', 'de'); None or '' as () (every language kept)."""
    if not value:
        return ()
    return tuple(dict.fromkeys(x.strip().lower() for x in value.split(",") if x.strip()))
