"""French amounts: find them in running text and normalise them.

Pure Python (no spaCy). Entry points:

- :func:`normalize` turns one amount expression ("environ 48.963", "plus de
  3,5 millions d'euros", "de 10 à 20 %") into an :class:`Amount`.
- :func:`find_amounts` scans running text and returns every amount with its
  character offsets, skipping years, dates, clock times, ordinals, scores
  and identifiers.
- :func:`parse_number` reads a bare number in digits or words.
- :func:`why_not` names the exclusion rule that keeps an expression from
  being an amount; :func:`find_exclusions` lists them in running text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ..errors import Errors, NotAnAmount
from .amount import Amount, AmountMatch, Exclusion, clean
from .exclusions import RULE_NAMES, rule_for
from .grammar import Parse, Scanner
from .tokens import Number, Token, digits_value, tokenize, words_value

__all__ = [
    "RULE_NAMES",
    "Amount",
    "AmountMatch",
    "Exclusion",
    "Number",
    "Token",
    "digits_value",
    "find_amounts",
    "find_exclusions",
    "iter_values",
    "normalize",
    "parse_number",
    "tokenize",
    "why_not",
]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def find_amounts(text: str, *, dollar: str = "USD", franc: str = "CHF") -> list[AmountMatch]:
    """Every amount in running French text, in order, with offsets.

    ``dollar`` and ``franc`` are the ISO codes that a bare '$' and 'francs'
    stand for (CAD in Quebec, XOF in West Africa).
    """
    return Scanner(_nfc(text), dollar=dollar, franc=franc).scan()


def find_exclusions(text: str, *, dollar: str = "USD", franc: str = "CHF") -> list[Exclusion]:
    """The numbers of running text that an exclusion rule keeps from being amounts."""
    excluded: list[Exclusion] = []
    Scanner(_nfc(text), dollar=dollar, franc=franc).scan(excluded=excluded)
    return excluded


def _whole_string_count(toks: list[Token], start: int, end: int) -> bool:
    """A lone 4-digit number given alone is a count, not a year."""
    return end - start == 1 and toks[start].kind == "num"


def _parse_whole(text: str, dollar: str, franc: str) -> tuple[Scanner, int, Parse, bool]:
    """Parse one amount expression: (scanner, first token, parse, negative)."""
    stripped = _nfc(text).strip()
    if not stripped:
        raise NotAnAmount(Errors.E001.format(text=text, reason="it is empty"))
    scanner = Scanner(stripped, dollar=dollar, franc=franc)
    toks = scanner.toks
    negative = False
    start = 0
    if (toks and toks[0].text in {"-", "−"}) or (
        toks and toks[0].low == "moins" and len(toks) > 1 and toks[1].low not in {"de", "d'", "du"}
    ):
        negative = True
        start = 1
    got = scanner.expression_at(start)
    if got is None:
        raise NotAnAmount(Errors.E001.format(text=text, reason="no amount found at its start"))
    if got.end != len(toks):
        rest = stripped[toks[got.end].start :]
        raise NotAnAmount(Errors.E001.format(text=text, reason=f"{rest!r} is left over"))
    return scanner, start, got, negative


def why_not(
    text: str, at: int | None = None, *, dollar: str = "USD", franc: str = "CHF"
) -> str | None:
    """Name of the exclusion rule that kept a number of ``text`` from being tagged.

    ``at`` is a character offset inside that number; without it, the first
    excluded number of the text is explained. None when no rule dropped it
    (the number is tagged, or it is no number).
    """
    for exclusion in find_exclusions(text, dollar=dollar, franc=franc):
        if at is None or exclusion.start <= at < exclusion.end:
            return exclusion.rule
    return None


def normalize(text: str, *, dollar: str = "USD", franc: str = "CHF") -> Amount:
    """Normalise one amount expression; raise :class:`NotAnAmount` otherwise."""
    scanner, start, got, negative = _parse_whole(text, dollar, franc)
    amount = got.amount
    rule = rule_for(scanner, start, got.end, amount)
    if rule is not None and not _whole_string_count(scanner.toks, start, got.end):
        raise NotAnAmount(
            Errors.E001.format(
                text=text,
                reason=f"it reads as a date, year, time, ordinal or identifier (rule {rule!r})",
            )
        )
    if negative:
        amount = Amount(clean(-float(amount.value)), amount.value_max, amount.unit, amount.modifier)
    return amount


def parse_number(text: str) -> Number:
    """Value of one bare number in digits or words ('4 388', 'quarante mille')."""
    scanner = Scanner(_nfc(text).strip())
    toks = scanner.toks
    if not toks:
        raise NotAnAmount(Errors.E002.format(text=text))
    if all(t.kind == "word" for t in toks):
        value = words_value([t.text for t in toks])
        if value is None:
            raise NotAnAmount(Errors.E002.format(text=text))
        return value
    got = scanner.number_at(0)
    if got is None or got.end != len(toks):
        raise NotAnAmount(Errors.E002.format(text=text))
    return clean(got.value)


def iter_values(matches: Iterable[AmountMatch]) -> list[Number]:
    """The values of some matches, for quick checks."""
    return [m.amount.value for m in matches]
