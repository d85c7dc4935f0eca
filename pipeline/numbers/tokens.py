"""Scanner tokens (numbers, words, symbols) and the value of one number token."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from text_to_num import text2num

from .lexicon import NUMBER_WORDS, VULGAR_FRACTIONS

Number = int | float

# digit-group separators: a space, a no-break space, and the narrow, thin and figure spaces of
# French typography
SEP = "[ \u00a0\u202f\u2009\u2007]"
VULGAR = "".join(VULGAR_FRACTIONS)
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TOKEN_RE = re.compile(
    r"(?P<num>"
    r"(?<![\d.,])\d+(?:[.,]\d+)?[eE][+-]?\d+(?![\w])"  # 3,1e9 / 4,5E+12
    r"|(?<![\d.,])10(?:\^[+-]?\d+|[" + SUPERSCRIPTS + r"]+)"  # 10^6 / 10⁶
    r"|[" + VULGAR + r"]"  # ¾
    r"|(?<![\d.,])\d{1,3}(?:" + SEP + r"\d{3}(?!\d))+(?:,\d+)?"  # 4 388 / 3 000 000 / 10 000,00
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d+)?"  # 48.963 / 6.700,54
    r"|(?<![\d.,])\d{1,3}(?:['’]\d{3}(?!\d))+(?:[.,]\d+)?"  # Swiss 27'740
    r"|(?<![\d.,])\d{1,3}(?:,\d{3}(?!\d)){2,}(?![.,]\d)"  # English 1,353,722,685
    r"|\d+,\d+"  # 3,5
    r"|\d+\.\d{1,2}(?!\d)"  # 3.5
    r"|\d+"
    r")"
    r"|(?P<esc>\\[nrt])"  # a line break left escaped (backslash, n) in scraped text
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*['’]?)"
    r"|(?P<sym>\S)"
)
_KIND = {"num": "num", "word": "word"}  # "esc" and "sym" are both symbols
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")  # two commas or more: never a decimal
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\u2007")


class Token(NamedTuple):
    """A scanner token with its character offsets and lower-case form."""

    text: str
    start: int
    end: int
    kind: str  # "num", "word" or "sym"
    low: str


def _low(text: str) -> str:
    return text.replace("’", "'").lower()


def tokenize(text: str) -> list[Token]:
    """Split text into number, word and symbol tokens with offsets."""
    return [
        Token(m.group(), m.start(), m.end(), _KIND.get(m.lastgroup or "", "sym"), _low(m.group()))
        for m in TOKEN_RE.finditer(text)
    ]


_SCIENTIFIC = re.compile(r"(\d+)(?:[.,](\d+))?[eE]([+-]?\d+)")
_SUPERSCRIPT_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")


def digits_value(raw: str) -> float:
    """Value of a digit token: '48.963', '4 388', '3,5', '6.700,54', '3,1e9', '10^6', '¾'.

    Too large for a float gives ``inf`` (the caller decides what that means).
    """
    text = raw
    if text in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[text]
    sci = _SCIENTIFIC.fullmatch(text)
    if sci:
        whole, frac, exponent = sci.groups()
        return float(f"{whole}.{frac or 0}") * _power_of_ten(int(exponent))
    if text[:3] in {"10^", *("10" + c for c in SUPERSCRIPTS)}:
        return _power_of_ten(
            int(text[3:] if text[2] == "^" else text[2:].translate(_SUPERSCRIPT_DIGITS))
        )
    if "'" in text or "’" in text:  # Swiss grouping: 27'740.50
        text = text.replace("'", "").replace("’", "").replace(".", ",")
    text = text.translate(_SPACES)
    if _COMMA_GROUPS.fullmatch(text):
        return float(text.replace(",", ""))
    if "," in text:
        whole, _, frac = text.rpartition(",")
        whole = whole.replace(".", "")
        return float(f"{whole or '0'}.{frac}")
    if _DOTTED_THOUSANDS.fullmatch(text):
        return float(text.replace(".", ""))
    return float(text)


def _power_of_ten(exponent: int) -> float:
    try:
        return 10.0**exponent
    except OverflowError:
        return float("inf")


def words_value(words: Sequence[str]) -> int | None:
    """Value of number words through text2num, or None."""
    parts: list[str] = []
    for word in words:
        parts.extend("zéro" if p == "zero" else p for p in word.lower().split("-") if p)
    if not parts or parts[-1] == "et" or parts[0] == "et":
        return None
    try:
        return int(text2num(" ".join(parts), "fr"))
    except (ValueError, TypeError):
        return None


def is_number_word(tok: Token) -> bool:
    """A word token made of number words only ('vingt-trois', 'mille')."""
    if tok.kind != "word":
        return False
    low = tok.low
    if low in NUMBER_WORDS:
        return True
    if "-" not in low:
        return False
    parts = low.split("-")
    return parts[0] != "et" and all(p in NUMBER_WORDS or p == "et" for p in parts)
