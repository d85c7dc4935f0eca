"""The grammar of French amounts: a left-to-right parser over scanner tokens.

Each ``*_at(i)`` method reads one kind of phrase starting at token ``i`` and
returns a NamedTuple whose ``end`` is the index of the token after it, or
None when the phrase is not there.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Mapping
from typing import NamedTuple

from ..errors import DechiffreWarning, Warnings
from . import exclusions
from .amount import Amount, AmountMatch, Exclusion, clean
from .lexicon import (
    ALL_UNITS,
    ALONE_WORDS,
    ARTICLE_ONES,
    BARE_BOUNDS,
    CASE_SENSITIVE_UNITS,
    CENTIMES,
    CHANGE_WORDS,
    COLLECTIVES,
    CONTEXT_TIME_WORDS,
    CONVERSIONS,
    CURRENCY_CODES,
    CURRENCY_PREFIX_PAIRS,
    CURRENCY_PREFIXES,
    DATE_BEFORE,
    DECIMAL_WORDS,
    DIGIT_ONLY_UNITS,
    DIRHAM_SCALES,
    DOZENS,
    FEMININE_UNIT_WORDS,
    FIRST_LAST,
    FRACTION_DENOMINATORS,
    GLUED_UNITS,
    HALF_DOZEN,
    HALVES,
    HEIGHT_DETERMINERS,
    HEIGHT_METRES,
    MODIFIER_FIRST,
    MODIFIERS,
    MODIFIERS_FIRST,
    MONTHS,
    NEXT_WORDS,
    PART_WORDS,
    PERIOD_WORDS,
    PLURAL_COLLECTIVES,
    POST_MODIFIER_FIRST,
    POST_MODIFIERS,
    PREFIX_UNITS,
    RANGE_WORDS,
    SCALES,
    SCORE_CONTEXT,
    SENTENCE_PUNCT,
    SIGN_WORDS,
    SLASH_DENOMINATORS,
    SPACED_SUFFIXES,
    SPACED_THOUSANDS,
    SUBUNITS,
    SUFFIX_SCALES,
    TEMPERATURES,
    TIME_CODES,
    UNIT_FIRST,
    UNIT_SIZES,
    VULGAR_FRACTIONS,
    WHOLE_CURRENCIES,
    WORD_RUN_SCALES,
    WORD_SYMBOL_UNITS,
    Phrase,
)
from .tokens import Token, digits_value, is_number_word, tokenize, words_value

_SCALES_NOT_MILLE = frozenset(SCALES) - {"mille"}
_NOT_ALONE = _SCALES_NOT_MILLE | {"cents"}
_TRILLIONS = frozenset({"trillion", "trillions"})
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_YEAR_BEFORE_CHANGE = frozenset({"en", "depuis", "dès"}) | MONTHS
# Before "un jour", the words that make it a duration (else it means "some day")
_DURATION_BEFORE = frozenset(
    {"pendant", "durant", "depuis", "en", "pour", "dans", "sous", "d'", "de", "par", "qu'", "que"}
    | {"moins", "plus", "environ", "seul", "seulement"}
)
# Before "une nuit", "une journée" (period words, no units of time, R6): the words that make
# them a duration all the same ("pendant une nuit", "au moins une journée")
_PERIOD_BEFORE = frozenset({"pendant", "durant", "depuis", "moins", "plus", "environ", "seule"})
# Words that can start an amount besides numbers and number words (a cheap pre-filter)
_STARTERS = (
    MODIFIERS_FIRST
    | ARTICLE_ONES
    | frozenset(CURRENCY_PREFIXES)
    | frozenset(PREFIX_UNITS)
    | frozenset(PLURAL_COLLECTIVES)
    | frozenset(first for first, _ in CURRENCY_PREFIX_PAIRS)
    | frozenset(SIGN_WORDS)
    | frozenset(FRACTION_DENOMINATORS)
    | frozenset({"des", "les", "plusieurs", "quelques", "la", "moitié", "-", "−", "+"})
    | HEIGHT_METRES
    | frozenset({"le", "double", "triple", "quadruple"})  # "le double de", "au double de"
)
_SCALED_PLURALS = frozenset({"milliers", "millions", "milliards"})
_DE = frozenset({"de", "d'"})
_COLLECTIVE_DETERMINERS = frozenset({"des", "plusieurs", "quelques", "virgule"})
_CLAUSE_ENDS = frozenset({".", ",", ";", "!", "?", ")", ":"})
_SCALE_NOUNS = frozenset({"million", "millions", "milliard", "milliards"})
# Multiples used as nouns: "le double de", "plus du triple".
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4}
# "le million de", "du milliard de": a definite scale noun alone is the amount.
DEFINITE_SCALES = {"million": 10**6, "milliard": 10**9}
_DEFINITE_ONES = frozenset({"le", "du", "au"})


def _ratio(unit: str, target: str) -> float:
    """How many ``target`` one ``unit`` is (1.0 when they do not convert)."""
    a, b = CONVERSIONS.get(unit), CONVERSIONS.get(target)
    if a is None or b is None or a[0] != b[0]:
        return 1.0
    return a[1] / b[1]


def _compatible(low_unit: str | None, high_unit: str | None) -> bool:
    """Bounds of one range: same unit, no unit on one side, or units of one dimension."""
    if low_unit is None or high_unit in (None, low_unit):
        return True
    a, b = CONVERSIONS.get(low_unit), CONVERSIONS.get(high_unit or "")
    return a is not None and b is not None and a[0] == b[0]


class NumberParse(NamedTuple):
    """A bare number: digits, words, or digits with a scale word."""

    end: int
    value: float
    words_only: bool


class UnitParse(NamedTuple):
    """A unit and the token after it."""

    end: int
    unit: str


class ModifierParse(NamedTuple):
    """A hedge ('environ', 'plus de') and the token after it."""

    end: int
    modifier: str | None


class Parse(NamedTuple):
    """An amount phrase."""

    end: int
    amount: Amount
    words_only: bool = False
    object_hint: str | None = None


class Scanner:
    """Left-to-right parser over the tokens of one text."""

    def __init__(self, text: str, *, dollar: str = "USD", franc: str = "CHF") -> None:
        self.text = text
        self.toks: list[Token] = tokenize(text)
        self.dollar = dollar
        self.franc = franc
        self._too_large: set[int] = set()  # tokens already reported (Warnings.W100)

    # -- small helpers ----------------------------------------------------
    def low(self, i: int) -> str:
        """Lower-case text of token i, '' outside the text."""
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def kind(self, i: int) -> str:
        """Kind of token i, '' outside the text."""
        return self.toks[i].kind if 0 <= i < len(self.toks) else ""

    def adjacent(self, i: int, j: int) -> bool:
        """True when token j starts right where token i ends (no space)."""
        return self.toks[i].end == self.toks[j].start

    def match_table(
        self, i: int, table: Mapping[Phrase, str | None], first: frozenset[str]
    ) -> ModifierParse | None:
        """Longest entry of ``table`` starting at token i (``first``: its first words)."""
        if self.low(i) not in first:
            return None
        for size in (4, 3, 2, 1):
            key = tuple(self.low(k) for k in range(i, i + size))
            if key in table and all(key):
                if size > 1 and not self.contiguous(i, i + size):
                    continue
                return ModifierParse(i + size, table[key])
        return None

    def contiguous_dot(self, i: int) -> bool:
        """Token i is glued to the tokens on both sides ('BA.2')."""
        return 0 < i < len(self.toks) - 1 and self.adjacent(i - 1, i) and self.adjacent(i, i + 1)

    def contiguous(self, i: int, j: int) -> bool:
        """No line break between tokens i..j-1."""
        return "\n" not in self.text[self.toks[i].start : self.toks[j - 1].end]

    def is_sentence_start(self, i: int) -> bool:
        """Token i starts a sentence, a quotation or a line."""
        if i == 0:
            return True
        prev = self.toks[i - 1]
        return prev.text in SENTENCE_PUNCT or "\n" in self.text[prev.end : self.toks[i].start]

    # -- number cores -----------------------------------------------------
    def number_at(self, i: int) -> NumberParse | None:
        """A number (digits, words, or digits with a scale) at i."""
        got = self._number_core(i)
        if got is None:
            return None
        j, value, words_only = got
        if self.low(j) in DECIMAL_WORDS:  # trois cent virgule cinq
            decimal = self._decimal_at(j + 1)
            if decimal is not None:
                j, frac = decimal
                value += frac
                while self.low(j) in SCALES:  # trois virgule cinq millions
                    value *= SCALES[self.low(j)]
                    j += 1
        if self.low(j) in DOZENS:  # 5 douzaines
            value *= 12
            j += 1
        # 2 autres milliards: "autres" between the number and its scale word
        if (
            self.low(j) == "autres"
            and self.low(j + 1) in _SCALE_NOUNS
            and self.low(j - 1) not in SCALES
        ):
            value *= SCALES[self.low(j + 1)]
            j += 2
        if not math.isfinite(value):
            if i in self._too_large:
                return None
            self._too_large.add(i)
            tok = self.toks[i]
            warnings.warn(
                Warnings.W100.format(
                    start=tok.start, end=self.toks[j - 1].end, digits=len(tok.text)
                ),
                DechiffreWarning,
                stacklevel=2,
            )
            return None
        return NumberParse(j, value, words_only)

    def _number_core(self, i: int) -> NumberParse | None:
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        n = len(self.toks)
        if tok.kind == "num":
            value = digits_value(tok.text)
            j = i + 1
            if tok.text in VULGAR_FRACTIONS:
                return NumberParse(j, value, False)
            # 2 ¾, 2¾
            if self.kind(j) == "num" and self.toks[j].text in VULGAR_FRACTIONS:
                return NumberParse(j + 1, value + digits_value(self.toks[j].text), False)
            # glued suffix scale: 100k, 3M, 1,2Md
            if j < n and self.adjacent(i, j) and self.toks[j].text in SUFFIX_SCALES:
                nxt = j + 1
                if nxt >= n or not self.adjacent(j, nxt) or self.toks[nxt].kind != "word":
                    return NumberParse(j + 1, value * SUFFIX_SCALES[self.toks[j].text], False)
            # spaced thousands: 4,5 k€, 4,5 k
            if (
                j < n
                and self.toks[j].text in SPACED_THOUSANDS
                and not self.adjacent(i, j)
                and (j + 1 >= n or self.toks[j + 1].kind != "word" or self.low(j + 1) in _DE)
                and (j + 1 >= n or self.toks[j + 1].text not in {"/", "m", "g"})
            ):
                return NumberParse(j + 1, value * 1_000, False)
            # spaced scale words: 3,5 millions / 30 mille / 3 Mds
            while j < n and (self.low(j) in SCALES or self.toks[j].text in SPACED_SUFFIXES):
                word = self.toks[j].text
                if self.low(j + 1) == "nautique":
                    break  # 1 mille nautique
                if word == "M" and not (
                    j + 1 < n and self.toks[j + 1].text in {"€", "$", "£", "d'", "de"}
                ):
                    break
                value *= SCALES.get(self.low(j)) or SUFFIX_SCALES[word]
                j += 1
            # 8 billions 794 milliards 500 millions 200 mille: falling scales add up
            last = SCALES.get(self.low(j - 1), 0)
            while (
                last > 1_000
                and self.kind(j) == "num"
                and self.toks[j].text.isdigit()
                and 1_000 <= SCALES.get(self.low(j + 1), 0) < last
            ):
                last = SCALES[self.low(j + 1)]
                value += int(self.toks[j].text) * last
                j += 2
            return NumberParse(j, value, False)
        if tok.kind == "word" and is_number_word(tok):
            if (
                tok.low in ARTICLE_ONES
                and self.low(i + 1) not in _SCALES_NOT_MILLE
                and self.low(i + 1) not in DECIMAL_WORDS
            ):
                return None  # "un"/"une" is an article unless a scale word follows
            j = i
            words: list[str] = []
            while j < n and (is_number_word(self.toks[j]) or (self.low(j) == "et" and words)):
                if self.low(j) == "et" and self.fraction_tail(j) is not None:
                    break  # deux milliards et trois quarts
                words.append(self.toks[j].text)
                j += 1
            while words and words[-1].lower() == "et":
                words.pop()
                j -= 1
            # back off until text2num accepts the run
            while words:
                value_w = words_value(words)
                if value_w is not None:
                    break
                words.pop()
                j -= 1
                while words and words[-1].lower() == "et":
                    words.pop()
                    j -= 1
            else:
                return None
            if len(words) == 1 and words[0].lower() in _NOT_ALONE:
                return None  # "cents" alone is money (75 cents); "par million" is no amount
            value = float(value_w)
            while self.low(j) in WORD_RUN_SCALES:  # deux billions
                value *= SCALES[self.low(j)]
                j += 1
            return NumberParse(j, value, True)
        return None

    def _decimal_at(self, i: int) -> tuple[int, float] | None:
        """The digits after 'virgule': 'cinq' -> 0.5, 'zéro cinq' -> 0.05."""
        zeros = 0
        j = i
        while self.low(j) in {"zéro", "zero"}:
            zeros += 1
            j += 1
        if self.kind(j) == "num" and self.toks[j].text.isdigit():
            digits = self.toks[j].text
            return j + 1, int(digits) / 10 ** (zeros + len(digits))
        words: list[str] = []
        k = j
        while k < len(self.toks) and is_number_word(self.toks[k]) and self.low(k) not in SCALES:
            words.append(self.toks[k].text)
            k += 1
        while words:
            value = words_value(words)
            if value is not None:
                return k, value / 10 ** (zeros + len(str(value)))
            words.pop()
            k -= 1
        return (j, 0.0) if zeros else None

    # -- units --------------------------------------------------------------
    def unit_at(self, i: int, *, after_digits: bool, after_words: bool = False) -> UnitParse | None:
        """A unit at i; the symbol units only after digits."""
        if self.low(i) not in UNIT_FIRST:
            return None
        for size in UNIT_SIZES:
            key = tuple(self.low(k) for k in range(i, i + size))
            unit = ALL_UNITS.get(key)
            if unit is None or not all(key):
                continue
            if size > 1 and not self.contiguous(i, i + size):
                continue
            if key in DIGIT_ONLY_UNITS and not (
                after_digits or (after_words and key in WORD_SYMBOL_UNITS)
            ):
                continue
            if key in CASE_SENSITIVE_UNITS and self.toks[i].text != CASE_SENSITIVE_UNITS[key]:
                continue
            if unit == "USD" and key == ("$",):
                unit = self.dollar
            elif unit == "FRANC":
                unit = self.franc
            elif unit == "CFA":
                unit = "XAF" if self.franc == "XAF" else "XOF"
            return UnitParse(i + size, unit)
        return None

    def modifier_at(self, i: int) -> ModifierParse | None:
        """A hedge at i."""
        return self.match_table(i, MODIFIERS, MODIFIER_FIRST)

    def unit_after(
        self, j: int, *, after_digits: bool, scaled: bool, after_words: bool = False
    ) -> UnitParse | None:
        """A unit right after a core, or 'de/d'' + unit after a scale word."""
        unit = self.unit_at(j, after_digits=after_digits, after_words=after_words)
        if unit:
            return unit
        if scaled and self.low(j) in _DE:
            # 1,3 million de km, 6,1 millions de fois, 65 millions d'années (a time word is a
            # unit after a scale word too: "il y a 65 millions d'années" places an event)
            return self.unit_at(j + 1, after_digits=False, after_words=True)
        return None

    # -- one quantity -------------------------------------------------------
    def simple_at(self, i: int) -> Parse | None:
        """[currency prefix] number [scale] [unit] [et demi] [et N centimes] at i."""
        prefix_unit: str | None = None
        k = i
        pair = (self.low(k), self.low(k + 1))
        if pair in CURRENCY_PREFIX_PAIRS and self.adjacent(k, k + 1) and self.kind(k + 2) == "num":
            prefix_unit = CURRENCY_PREFIX_PAIRS[pair]
            k += 2
        elif self.low(k) in PREFIX_UNITS and self.kind(k + 1) == "num":
            prefix_unit = PREFIX_UNITS[self.low(k)]  # Mach 5
            k += 1
        elif self.low(k) in CURRENCY_PREFIXES and self.kind(k + 1) == "num":
            prefix_unit = CURRENCY_PREFIXES[self.low(k)]
            if prefix_unit == "USD" and self.low(k) == "$":
                prefix_unit = self.dollar
            k += 1
        core = self.number_at(k)
        if core is None:
            return None
        j, value, words_only = core
        digits = self.toks[k].kind == "num"
        scale = self._last_scale(k, j)
        scaled = scale > 1
        unit: str | None = prefix_unit
        if unit is None:
            found = self.unit_after(
                j, after_digits=digits and not scaled, scaled=True, after_words=words_only
            )
            if found and self.low(j) in _DE and not scaled:
                found = None
            if found is None and not scaled and self.low(j) in FIRST_LAST | NEXT_WORDS:
                # les 20 dernières années, les dix premiers jours (a window of time)
                found = self.unit_at(j + 1, after_digits=False)
                if found and found.unit not in TIME_CODES:
                    found = None
            if found:
                j, unit = found
        # en hausse de 2,3 points: a decimal number of points is percentage points (R8); a
        # whole number of points stays a count ("7 points d'avance")
        if (
            unit is None
            and digits
            and not scaled
            and value != int(value)
            and self.low(j) in {"point", "points"}
        ):
            j, unit = j + 1, "point"
        # 1,5C: a capital C glued to the digits is a temperature (news style for °C)
        if (
            unit is None
            and digits
            and self.toks[j - 1].kind == "num"
            and j < len(self.toks)
            and self.toks[j].text in GLUED_UNITS
            and self.adjacent(j - 1, j)
            and not (self.kind(j + 1) in {"word", "num"} and self.adjacent(j, j + 1))
        ):
            j, unit = j + 1, GLUED_UNITS[self.toks[j].text]
        if unit == "m" and not scaled and self.low(j - 1) in HEIGHT_METRES:
            j, value = self.centimetres_after(j, value)  # 1 mètre 90, un mètre quatre-vingt
        # trois ans et demi, neuf millions et demi, deux milliards et trois quarts
        tail = self.fraction_tail(j)
        if tail is not None:
            value += tail[1] * scale
            j = tail[0]
            if unit is None:
                found = self.unit_after(j, after_digits=False, scaled=True)
                if found and (scaled or self.low(j) not in _DE):
                    j, unit = found
        # 75 cents, 310 centimes d'euro, 85 pence
        if unit is None and not scaled and self.low(j) in SUBUNITS:
            unit, per = SUBUNITS[self.low(j)]
            if unit == "USD":
                unit = self.dollar
            j += 1
            if self.low(j) in _DE:
                named = self.unit_at(j + 1, after_digits=False)
                if named and named.unit in CURRENCY_CODES:
                    j, unit = named.end, named.unit
            value /= per
        if unit is None and self.low(j) in DIRHAM_SCALES:
            value *= DIRHAM_SCALES[self.low(j)]
            unit = "MAD"
            j += 1
        # 57,531 FCFA: a currency without cents reads a comma before three digits as thousands
        raw = self.toks[k].text
        if unit in WHOLE_CURRENCIES and not scaled and _COMMA_THOUSANDS.fullmatch(raw):
            value = float(raw.replace(",", ""))
        # 1 USD et 23 centimes, douze euros et trente cents, 20 dollars 40
        if unit in CURRENCY_CODES:
            j, value = self._cents_after(j, value)
        # 10 degrés en dessous de zéro
        if self.low(j) in {"en", "en-dessous"}:
            tail4 = [self.low(x) for x in range(j, j + 4)]
            if tail4[:3] == ["en", "dessous", "de"] and tail4[3] in {"zéro", "zero"}:
                value = -value
                j += 4
                unit = unit or "°"
        if unit == "ft³" and any(self.low(x) in _TRILLIONS for x in range(k, j)):
            value /= 10**6  # RN21: "5 trillions de pieds cubes" (TCF) is the English 10^12
        if not math.isfinite(value):
            return None
        return Parse(j, Amount(clean(value), None, unit, None), words_only)

    def centimetres_after(self, j: int, metres: float) -> tuple[int, float]:
        """'1 mètre 90': the centimetres of a height after one or two metres (end, metres)."""
        if metres not in (1, 2) or not self._starts_number(j) or self.low(j) in ARTICLE_ONES:
            return j, metres
        cm = self._number_core(j)
        if cm is None or not 1 <= cm.value < 100 or cm.value != int(cm.value):
            return j, metres
        after = self.toks[cm.end] if cm.end < len(self.toks) else None
        if after is not None and after.kind == "word" and after.low not in {"et", "de", "d'"}:
            return j, metres  # 1 mètre 20 personnes: a count follows
        return cm.end, metres + cm.value / 100

    def _last_scale(self, i: int, j: int) -> float:
        """The last scale factor written in tokens [i, j): 'deux milliards' -> 1e9."""
        for x in range(j - 1, i - 1, -1):
            if self.low(x) in SCALES:
                return float(SCALES[self.low(x)])
            if self.toks[x].text in SUFFIX_SCALES and x > i:
                return float(SUFFIX_SCALES[self.toks[x].text])
            if self.toks[x].text in SPACED_THOUSANDS and x > i:
                return 1_000.0
        return 1.0

    def fraction_tail(self, j: int) -> tuple[int, float] | None:
        """'et demi', 'et quart', 'et un quart', 'et trois quarts' after a number: (end, value)."""
        if self.low(j) != "et":
            return None
        word = self.low(j + 1)
        if word in HALVES:
            return j + 2, 0.5
        if word in {"quart", "quarts"}:
            return j + 2, 0.25
        den = self.low(j + 2)
        if den in FRACTION_DENOMINATORS and den not in {"demi", "demis"}:
            if word in ARTICLE_ONES:
                numerator = 1
            elif j + 1 < len(self.toks) and is_number_word(self.toks[j + 1]):
                numerator = words_value([self.toks[j + 1].text]) or 0
            else:
                return None
            if 0 < numerator < FRACTION_DENOMINATORS[den]:
                return j + 3, numerator / FRACTION_DENOMINATORS[den]
        return None

    def _cents_after(self, j: int, value: float) -> tuple[int, float]:
        """Cents after a currency: 'et 23 centimes', 'et trente cents', '20 dollars 40'."""
        k = j + 1 if self.low(j) == "et" else j
        if self.kind(k) == "num" and self.low(k + 1) in CENTIMES | SUBUNITS.keys():
            return k + 2, value + digits_value(self.toks[k].text) / 100
        if k < len(self.toks) and is_number_word(self.toks[k]):
            cents = self._number_core(k)
            if cents and cents.value < 100 and self.low(cents.end) in CENTIMES | SUBUNITS.keys():
                return cents.end + 1, value + cents.value / 100
        # 20 dollars 40: two digits right after the currency, nothing counted after them
        if (
            k == j
            and self.kind(j) == "num"
            and len(self.toks[j].text) == 2
            and self.toks[j].text.isdigit()
            and self.kind(j + 1) != "word"
            and self.kind(j + 1) != "num"
            and self.low(j + 1) not in {"%", "-", "/", ":"}
        ):
            return j + 1, value + int(self.toks[j].text) / 100
        return j, value

    def vague_at(self, i: int) -> Parse | None:
        """'des centaines', 'les milliers', 'plusieurs milliers', 'une dizaine', 'un millier'..."""
        first = self.low(i)
        word = self.low(i + 1)
        j = i + 2
        if first in {"des", "les", "plusieurs", "quelques"} and word in PLURAL_COLLECTIVES:
            value = float(PLURAL_COLLECTIVES[word])
            modifier = "min"
        elif first in PLURAL_COLLECTIVES and not self._number_before(i):
            # aux dizaines de milliards, ces centaines de milliers, auprès de millions
            value = float(PLURAL_COLLECTIVES[first])
            modifier = "min"
            j = i + 1
        elif first in ARTICLE_ONES and word in COLLECTIVES:
            value = float(COLLECTIVES[word])
            modifier = "approx"
        elif first in DEFINITE_SCALES and self.low(i - 1) in _DEFINITE_ONES and word in _DE:
            # "80 % du million de résidents", "le milliard de doses promises": the one
            # million the text speaks of
            return Parse(i + 1, Amount(float(DEFINITE_SCALES[first])))
        else:
            return None
        if (
            first in {"des", "les"}
            and self.low(j) == "et"
            and self.low(j + 1) == first
            and self.low(j + 2) == word
        ):
            j += 3  # "des milliers et des milliers": one amount said twice for emphasis
        # des dizaines de milliers, une dizaine de millions
        if self.low(j) in _DE and self.low(j + 1) in _SCALED_PLURALS:
            value *= PLURAL_COLLECTIVES[self.low(j + 1)]
            j += 2
        unit: str | None = None
        found = self.unit_after(j, after_digits=False, scaled=True)
        if found is None and self.low(j) in _DE and value < 1_000:
            found = self.unit_at(j + 1, after_digits=False)  # une quinzaine de jours
            if found and found.unit not in TIME_CODES:
                found = None
        if found and self.low(j) in _DE:
            j, unit = found
        return Parse(j, Amount(clean(value), None, unit, modifier))

    def multiple_at(self, i: int) -> Parse | None:
        """'le double de', 'soit le triple.', 'au double de' ('double' alone): a multiple as
        a noun is a factor in `fois`; 'une double menace', 'le double vaccin' are not."""
        first = self.low(i)
        if first in MULTIPLES and self.low(i - 1) == "au" and self._multiple_ends(i + 1):
            # "au double de la pression": the noun alone
            return self._factor(first, i + 1)
        word = self.low(i + 1)
        if first != "le" or word not in MULTIPLES or not self._multiple_ends(i + 2):
            return None
        return self._factor(word, i + 2)

    @staticmethod
    def _factor(word: str, end: int, modifier: str | None = None) -> Parse:
        """A multiple noun ('double', 'triple') as its factor in `fois`, words only."""
        return Parse(end, Amount(float(MULTIPLES[word]), None, "fois", modifier), True)

    def _multiple_ends(self, k: int) -> bool:
        """Whether a multiple noun is followed by what closes it ('de', 'que', punctuation)."""
        return k >= len(self.toks) or self.low(k) in _DE | {"du", "des", "que", "qu'", "qu’"} | (
            _CLAUSE_ENDS
        )

    def _number_before(self, i: int) -> bool:
        """A number or a determiner of a collective right before token i ('3 millions')."""
        if i == 0:
            return False
        prev = self.toks[i - 1]
        return (
            prev.kind == "num"
            or is_number_word(prev)
            or prev.low in _COLLECTIVE_DETERMINERS
            or prev.low in FRACTION_DENOMINATORS
        )

    def fraction_at(self, i: int) -> Parse | None:
        """'la moitié', 'un tiers', 'sept huitièmes', 'deux tiers de milliard'."""
        if self.low(i) == "la" and self.low(i + 1) == "moitié":
            return Parse(i + 2, Amount(0.5))
        if self.low(i) == "moitié" and self.low(i - 1) != "à":  # à moitié cuites
            return Parse(i + 1, Amount(0.5))
        half = self._half_word_at(i)
        if half is not None:
            return half
        slash = self._slash_fraction_at(i)
        if slash is not None:
            return slash
        num = self.low(i)
        k = i + 1
        if num in ARTICLE_ONES:
            numerator = 1.0
        elif self.kind(i) == "num" and self.toks[i].text.isdigit():
            numerator = digits_value(self.toks[i].text)
        elif i < len(self.toks) and is_number_word(self.toks[i]):
            numerator = float(words_value([self.toks[i].text]) or 0)
        elif num in {"demi", "quart"}:
            numerator, k = 1.0, i  # "demi litre", "quart de litre": only before a unit
        else:
            return None
        den = self.low(k)
        if den not in FRACTION_DENOMINATORS or numerator <= 0:
            return None
        if (
            den.endswith(("ième", "ièmes"))
            and self.kind(k + 1) == "word"
            and self.low(k + 1) not in _DE | {"des", "du", "et", "ou"}
        ):
            return None  # une sixième année: an ordinal
        value = numerator / FRACTION_DENOMINATORS[den]
        end = k + 1
        unit: str | None = None
        # deux tiers de milliard, un quart de milliard
        if self.low(end) in _DE and self.low(end + 1) in _SCALES_NOT_MILLE:
            value *= SCALES[self.low(end + 1)]
            end += 2
            found = self.unit_after(end, after_digits=False, scaled=True)
            if found and self.low(end) in _DE:
                end, unit = found
        else:
            # trois quarts d'heure, quart de siècle, demi litre
            at = end + 1 if self.low(end) in _DE else end
            found = self.unit_at(at, after_digits=False)
            if found and found.unit != "fois":
                end, unit = found
        if k == i and unit is None:
            return None
        if den in {"demi", "demis"} and num in ARTICLE_ONES and unit is None:
            return None
        return Parse(end, Amount(clean(value), None, unit, None))

    def _half_word_at(self, i: int) -> Parse | None:
        """'un demi-million', 'une demi-heure', 'un demi-siècle', 'une demi-douzaine'."""
        article = self.low(i) in ARTICLE_ONES
        k = i + 1 if article or self.low(i) == "la" else i  # RN25: "la demi-douzaine"
        word = self.low(k)
        if not word.startswith("demi-"):
            return None
        rest = word[5:]
        if word in HALF_DOZEN:
            return Parse(k + 1, Amount(6, None, None, "approx" if k > i else None))
        if rest in SCALES:
            value = 0.5 * SCALES[rest]
            end = k + 1
            unit: str | None = None
            found = self.unit_after(end, after_digits=False, scaled=True)
            if found and self.low(end) in _DE:
                end, unit = found
            return Parse(end, Amount(clean(value), None, unit, None))
        found_unit = ALL_UNITS.get((rest,))
        if found_unit and (rest,) not in DIGIT_ONLY_UNITS and found_unit != "fois":
            return Parse(k + 1, Amount(0.5, None, found_unit, None))
        return None

    def _slash_fraction_at(self, i: int) -> Parse | None:
        """'5/8', '2 3/4' (not dates such as '3/4/2024' or 'le 3/4')."""
        whole = 0.0
        k = i
        if (
            self.kind(i) == "num"
            and self.toks[i].text.isdigit()
            and self.kind(i + 1) == "num"
            and not self.adjacent(i, i + 1)
            and self.low(i + 2) == "/"
        ):
            whole, k = float(self.toks[i].text), i + 1
        if not (
            self.kind(k) == "num"
            and self.low(k + 1) == "/"
            and self.kind(k + 2) == "num"
            and self.adjacent(k, k + 1)
            and self.adjacent(k + 1, k + 2)
            and self.toks[k].text.isdigit()
            and self.toks[k + 2].text.isdigit()
        ):
            return None
        if self.low(k + 3) in {"/", "-", ":"} or self.low(i - 1) in DATE_BEFORE:
            return None
        num, den = int(self.toks[k].text), int(self.toks[k + 2].text)
        if not 0 < num < den or den not in SLASH_DENOMINATORS:
            return None
        end = k + 3
        unit: str | None = None
        at = end + 1 if self.low(end) in _DE else end
        found = self.unit_at(at, after_digits=at == end)
        if found and found.unit != "fois":
            end, unit = found
        return Parse(end, Amount(clean(whole + num / den), None, unit, None))

    def ratio_at(self, i: int) -> Parse | None:
        """'un migrant sur trois', '1 sur 3', 'deux élèves sur cinq'."""
        if self.low(i) in ARTICLE_ONES:
            numerator = 1.0
        elif self.kind(i) == "num" or (i < len(self.toks) and is_number_word(self.toks[i])):
            got = self.number_at(i)
            if not got or got.end != i + 1:
                return None
            numerator = got.value
        else:
            return None
        for gap in (0, 1, 2):
            s = i + 1 + gap
            if self.low(s) != "sur":
                continue
            if gap and not all(
                self.toks[x].kind == "word"
                and self.low(x) not in {"et", "de", "sur"}
                and not (x > i + 1 and self.low(x).endswith("ant"))  # une étude portant sur
                for x in range(i + 1, s)
            ):
                continue
            gap_unit = self.unit_at(i + 1, after_digits=True) if gap else None
            if gap_unit is not None and self.unit_at(s + 2, after_digits=True) == UnitParse(
                s + 2 + gap_unit.end - i - 1, gap_unit.unit
            ):
                continue  # 160 km sur 375 km: two measures, no ratio
            den = self.number_at(s + 1)
            if den is None or den.value == 0 or den.end != s + 2:
                continue
            if den.value < numerator:
                continue
            # "dix sur dix" style marks are ratios too; years are not
            if self.toks[s + 1].kind == "num" and 1800 <= den.value <= 2100:
                continue
            obj = None
            if gap:
                obj = self.text[self.toks[i + 1].start : self.toks[s - 1].end]
            return Parse(s + 2, Amount(clean(numerator / den.value)), False, obj)
        return None

    def quantity_at(self, i: int) -> Parse | None:
        """Any quantity starting at i."""
        got = self.ratio_at(i) or self.vague_at(i) or self.fraction_at(i) or self.simple_at(i)
        if got:
            return got
        got = self.multiple_at(i)
        if got:
            return got
        low = self.low(i)
        # signs: -3,4 %, −2,5, moins 5 degrés, négatif deux, plus vingt degrés
        if (
            low in {"-", "−", "+"}
            and self.kind(i + 1) == "num"
            and self.adjacent(i, i + 1)
            and (i == 0 or not self.adjacent(i - 1, i) or self.low(i - 1) in {"(", "[", "«"})
        ):
            return self._signed(self.simple_at(i + 1), -1 if low != "+" else 1)
        if low in SIGN_WORDS and (
            self.kind(i + 1) == "num"
            or (i + 1 < len(self.toks) and is_number_word(self.toks[i + 1]))
        ):
            signed = self._signed(self.simple_at(i + 1), SIGN_WORDS[low])
            if signed and (low != "plus" or signed.amount.unit in TEMPERATURES):
                return signed
            return None
        # du haut de son mètre quatre-vingt-dix: a height in metres and centimetres
        if low in HEIGHT_METRES and self.low(i - 1) in HEIGHT_DETERMINERS:
            end, metres = self.centimetres_after(i + 1, 1)
            if end > i + 1:
                return Parse(end, Amount(clean(metres), None, "m", None), True)
        # un seul pays, une seule fois: "seul" makes the article a count of one
        if low in ARTICLE_ONES and self.low(i + 1) in ALONE_WORDS:
            unit = self.unit_at(i + 2, after_digits=False)
            if unit:
                return Parse(unit.end, Amount(1, None, unit.unit, None), True)
            return Parse(i + 2, Amount(1), True)
        # deux frères et une sœur; la Kabylie trois, et le Club un. (RN24)
        if low in ARTICLE_ONES and self._set_against_a_number(i):
            return Parse(i + 1, Amount(1), True)
        # un/une + unit: "un an de prison", "une semaine", "un euro"
        if low in ARTICLE_ONES:
            unit = self.unit_at(i + 1, after_digits=False)
            if (
                unit
                and self.low(i + 1) in CONTEXT_TIME_WORDS
                and (
                    self.low(i - 1) not in _DURATION_BEFORE
                    or (self.low(i + 1) == "jour" and self._que_not_only(i - 1))
                )
            ):
                return None  # "un jour, il partira", "une année record", "pas une seconde"
            if self.low(i + 1) in PERIOD_WORDS and self.low(i - 1) not in _PERIOD_BEFORE:
                return None  # "en une nuit", "au cours d'une journée": no unit of time (R6)
            if low == "un" and self.low(i + 1) in FEMININE_UNIT_WORDS:
                return None  # "un livre" is a book; the pound is "une livre"
            if unit and (unit.unit != "fois" or self._per_period(unit.end)):
                end, value = unit.end, 1.0
                if unit.unit == "m" and self.low(i + 1) in HEIGHT_METRES:
                    end, value = self.centimetres_after(end, value)
                tail = self.fraction_tail(end)
                if tail is not None:
                    end, value = tail[0], 1.0 + tail[1]
                return Parse(end, Amount(clean(value), None, unit.unit, None), True)
        return None

    def _per_period(self, j: int) -> bool:
        """'par semaine', 'par an' at j: 'une fois' before it is a frequency, 1 fois (R3)."""
        if self.low(j) != "par":
            return False
        period = self.unit_at(j + 1, after_digits=False)
        return period is not None and period.unit in TIME_CODES

    def _que_not_only(self, k: int) -> bool:
        """'que' at k is a conjunction, not the 'ne ... que' of "il n'a fallu qu'un jour".

        Without 'ne' or "n'" in the words before it, "j'espère qu'un jour je pourrai"
        means some day.
        """
        if self.low(k) not in {"qu'", "que"}:
            return False
        for x in range(k - 1, max(-1, k - 9), -1):
            if self.low(x) in {"ne", "n'"}:
                return False
            if self.low(x) in {".", "!", "?", ";"}:
                break
        return True

    def _set_against_a_number(self, i: int) -> bool:
        """'un'/'une' at i counts one against a count just before it (RN24)."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        elided = nxt is None or nxt.text in {".", ",", ";", ")"}
        noun_after = nxt is not None and nxt.kind == "word"
        part = self.low(i + 1) in PART_WORDS or self.low(i + 2) in PART_WORDS
        # trois morts, dont un Français (RN24); not "dont une grande partie"
        of_them = self.low(i - 1) == "dont" and noun_after and not part
        if not elided and not of_them and not (self.low(i - 1) == "et" and noun_after):
            return False
        if self.unit_at(i + 1, after_digits=False) is not None:
            return False  # et un an plus tard: the article + unit reading decides
        for x in range(i - 2, max(-1, i - 9), -1):
            tok = self.toks[x]
            if (tok.text in SENTENCE_PUNCT and tok.text != "-") or tok.low in ARTICLE_ONES:
                return False  # une fièvre et une toux: two articles
            if tok.kind == "num" and x > 0 and self.adjacent(x - 1, x):
                return False  # G5 Sahel et un allié
            if tok.kind == "num" and _YEAR.fullmatch(tok.text):
                return False  # d'ici à 2030 et un budget
            if tok.kind == "num" or is_number_word(tok):
                count = self.simple_at(x)
                return count is not None and count.amount.unit is None
        return False

    @staticmethod
    def _signed(got: Parse | None, sign: int) -> Parse | None:
        if got is None or sign == 1:
            return got
        amount = got.amount
        return got._replace(
            amount=Amount(clean(-float(amount.value)), None, amount.unit, amount.modifier)
        )

    def _scale_between(self, i: int, j: int) -> float:
        factor = 1.0
        for x in range(i, j):
            if self.low(x) in SCALES:
                factor *= SCALES[self.low(x)]
            elif self.toks[x].text in SUFFIX_SCALES and x > i and self.toks[x - 1].kind == "num":
                factor *= SUFFIX_SCALES[self.toks[x].text]
        return factor

    def _range(self, i1: int, first: Parse, i2: int, second: Parse) -> Amount | None:
        """A range amount; 'de 2 à 3 millions' shares the scale word of its upper bound.

        None when the upper bound is below the lower one ('L. 2212-2' is no range).
        """
        low = first.amount.value
        if self._scale_between(i1, first.end) == 1.0:
            shared = self._scale_between(i2, second.end)
            if shared > 1.0 and low * shared <= second.amount.value:
                low = clean(low * shared)
        unit_low, unit_high = first.amount.unit, second.amount.unit
        if unit_low and unit_high and unit_low != unit_high:
            low = clean(low * _ratio(unit_low, unit_high))  # entre 800 g et 2 kg (RN30)
        if second.amount.value < low:
            return None
        unit = second.amount.unit or first.amount.unit
        return Amount(low, second.amount.value, unit, "range")

    def expression_at(self, i: int) -> Parse | None:
        """Modifier, range or plain quantity at i."""
        low = self.low(i)
        if low == "le":
            return self.multiple_at(i)  # "le" starts no other amount
        # entre X et Y
        if low == "entre":
            first = self.quantity_at(i + 1)
            if first is None and self.low(i + 1) in ARTICLE_ONES and self.low(i + 2) == "et":
                first = Parse(i + 2, Amount(1), True)  # entre un et trois mois, like "d'un à"
            if first and self.low(first.end) == "et":
                second = self.quantity_at(first.end + 1)
                if second:
                    amount = self._range(i + 1, first, first.end + 1, second)
                    if amount is not None:
                        return Parse(second.end, amount, first.words_only and second.words_only)
        # de X à Y (but "passé de X à Y" is two amounts, RN20)
        if low in _DE and (self.low(i - 1) in RANGE_WORDS or not self._after_change(i)):
            first = self.quantity_at(i + 1)
            if first is None and self.low(i + 1) in ARTICLE_ONES and self.low(i + 2) == "à":
                first = Parse(i + 2, Amount(1), True)  # âgés d'un à 29 ans
            if first and self.low(first.end) == "à":
                second = self.quantity_at(first.end + 1)
                if second and _compatible(first.amount.unit, second.amount.unit):
                    amount = self._range(i + 1, first, first.end + 1, second)
                    if amount is not None:
                        return Parse(second.end, amount, first.words_only and second.words_only)
        # modifier + quantity
        mod = self.modifier_at(i)
        if mod and self._restrictive(i, mod.end):
            return None  # ne compte plus que deux points: "only", no hedge; the number follows
        if mod:
            j, modifier = mod
            if self.low(j) in ARTICLE_ONES and self.low(j + 1) in ALONE_WORDS:
                return None  # autour d'une seule radio: a place, not a hedge
            if self.low(j - 1) == "du" and self.low(j) in MULTIPLES and self._multiple_ends(j + 1):
                # "plus du double de ce qu'elle a gagné": a factor
                return self._factor(self.low(j), j + 1, modifier)
            if self.low(j - 1) == "du":  # plus du tiers, près du quart: only a fraction
                den = self.low(j)
                if den not in FRACTION_DENOMINATORS or (den.endswith("s") and den != "tiers"):
                    return None  # près du 10 Downing Street
                value = round(1 / FRACTION_DENOMINATORS[den], 4)
                return Parse(j + 1, Amount(clean(value), None, None, modifier), True)
            # "plus de la moitié": the table entry already ate "la"
            inner = self.quantity_at(j)
            if inner is None and self.low(j) == "les" and self._bare_bound(i, j):
                inner = self.quantity_at(j + 1)  # au moins les deux tiers, au plus les 10 %
            if self.low(j - 1) == "des" and self.low(i) != "près" and not self._fraction_of_all(
                i, inner
            ):
                return None  # plus des deux tiers, but "en plus des 300 soldats": no hedge
            if inner is None and self.low(j - 1) == "la" and self.low(j) == "moitié":
                inner = Parse(j + 1, Amount(0.5))
            if inner is None and self.low(j - 1) == "la":
                return None
            if inner is None and self.low(j) in ARTICLE_ONES and self.low(j + 1) == "fois":
                inner = Parse(j + 2, Amount(1, None, "fois"), True)  # plus d'une fois
            if inner is None:
                inner = self._one_or_range(j)  # plus d'un ou deux cas: the range wins (RN18)
            if inner is None and self.low(j) in ARTICLE_ONES and (
                self.low(j - 1) in BARE_BOUNDS
                or (self.low(j - 1) in _DE and self.low(j + 1) in _CLAUSE_ENDS)
            ):
                inner = Parse(j + 1, Amount(1), True)  # au moins un membre; en a choqué plus d'un.
            if inner:
                amount = inner.amount
                if amount.modifier is None or (
                    modifier in {"min", "max"} and amount.modifier != "range"
                ):
                    amount = Amount(amount.value, amount.value_max, amount.unit, modifier)
                if self.low(j - 1) == "la" and self.low(j) != "moitié":
                    return None
                hedged = self._hedged_range(i, inner, modifier)
                if hedged is None and inner.amount == Amount(inner.amount.value):
                    # au moins cinq ou six heures, d'au moins 17 ou 18 ans: the range wins (RN18)
                    hedged = self._or_range(j, inner)
                if hedged is None and modifier == "approx" and amount.value_max is None:
                    # environ 90 % ou plus: of two hedges, min/max wins over approx (RN18)
                    post = self.match_table(inner.end, POST_MODIFIERS, POST_MODIFIER_FIRST)
                    if post and post.modifier in {"min", "max"}:
                        amount = Amount(amount.value, None, amount.unit, post.modifier)
                        return Parse(post.end, amount, inner.words_only, inner.object_hint)
                return hedged or inner._replace(amount=amount)
        got = self.quantity_at(i) or self._one_or_range(i)
        if got is None:
            return None
        j, amount, words_only, obj = got
        # deux ou trois fois, trois, quatre ou cinq semaines: one range (R3)
        if self.low(j) in {"ou", ","} and amount == Amount(amount.value):
            alternative = self._or_range(i, got)
            if alternative is not None:
                return alternative
        # 65 ans et plus, 140 jours au maximum, 80 km environ
        if amount.modifier is None and amount.value_max is None:
            post = self.match_table(j, POST_MODIFIERS, POST_MODIFIER_FIRST)
            year_like = (
                amount.unit is None and j == i + 1 and bool(_YEAR.fullmatch(self.toks[i].text))
            )
            if post and not year_like and not self._starts_number(post.end):  # en 2024 environ 3
                amount = Amount(amount.value, None, amount.unit, post.modifier)
                j = post.end
                got = Parse(j, amount, words_only, obj)
        # passé de 15 à 18 milliards: the first value takes the scale of the second (RN20)
        if self.low(j) == "à" and self.low(i - 1) in _DE and self._after_change(i - 1):
            second = self.quantity_at(j + 1)
            if second and self._scale_between(i, j) == 1.0:
                shared = self._scale_between(j + 1, second.end)
                if shared > 1.0:  # up or down: passée de 242 à 238 milliards
                    amount = Amount(clean(amount.value * shared), None, amount.unit, None)
            return Parse(j, amount, words_only, obj)
        # X à Y %, X-Y dollars, X – Y (not: "quatre millions en 2019 à 3,1 millions")
        if (
            self.low(j) in {"à", "-", "–"}
            and amount.modifier is None
            and not self._year_then_amount(i, j, amount)
        ):
            second = self.quantity_at(j + 1)
            if (
                second
                and second.amount.modifier is None
                and _compatible(amount.unit, second.amount.unit)
            ):
                hyphen = self.low(j) != "à"
                unit = second.amount.unit or amount.unit
                plausible = hyphen or unit is not None or second.words_only == words_only
                if plausible and not (
                    hyphen and self._is_score(i, j, second.end, amount, second.amount)
                ):
                    ranged = self._range(i, got, j + 1, second)
                    if ranged is not None:
                        return Parse(second.end, ranged, words_only, obj)
        return Parse(j, amount, words_only, obj)

    def _year_then_amount(self, i: int, j: int, amount: Amount) -> bool:
        """'en 2019 à 3,1 millions': a year after 'en', then the amount of a change."""
        return (
            amount.unit is None
            and j == i + 1
            and self.low(i - 1) in _YEAR_BEFORE_CHANGE
            and bool(_YEAR.fullmatch(self.toks[i].text))
        )

    def _or_range(self, i: int, first: Parse) -> Parse | None:
        """'deux ou trois fois', 'trois, quatre, cinq ou six semaines': bare numbers, then 'ou'."""
        k, last = first.end, first.amount.value
        while self.low(k) == ",":  # trois, quatre, cinq ou six
            item = self.number_at(k + 1)
            if item is None or item.value <= last or self.low(item.end) not in {",", "ou"}:
                return None
            k, last = item.end, item.value
        if self.low(k) != "ou":
            return None
        second = self._range_bound(k + 1)
        if second is None or second.amount.value <= last:
            return None
        amount = self._range(i, first, k + 1, second)
        if amount is None:
            return None
        return Parse(self._range_end(second.end), amount, first.words_only and second.words_only)

    def _range_bound(self, k: int) -> Parse | None:
        """The upper bound of an 'ou' range at k: a quantity with no hedge and no range."""
        second = self.quantity_at(k)
        if second is None or second.amount.modifier or second.amount.value_max is not None:
            return None
        return second

    def _range_end(self, end: int) -> int:
        """Where a range ending at ``end`` stops: after a 'min'/'max' post-modifier that no
        number follows ("deux ou trois semaines au minimum": the range stays, R4)."""
        post = self.match_table(end, POST_MODIFIERS, POST_MODIFIER_FIRST)
        if post and post.modifier in {"min", "max"} and not self._starts_number(post.end):
            return post.end
        return end

    def _one_or_range(self, i: int) -> Parse | None:
        """'un ou deux jours', 'une ou deux fois': the article is the lower bound 1 (R3)."""
        if self.low(i) not in ARTICLE_ONES or self.low(i + 1) != "ou":
            return None
        if not self._starts_number(i + 2) or self.low(i + 2) in ARTICLE_ONES:
            return None
        second = self._range_bound(i + 2)
        if second is None or not 1 < second.amount.value <= 10:
            return None  # "un ou deux", not "un ou 300"
        amount = Amount(1, second.amount.value, second.amount.unit, "range")
        return Parse(self._range_end(second.end), amount, second.words_only)

    def _bare_bound(self, i: int, j: int) -> bool:
        """The hedge at [i, j) is 'au moins' or 'au plus', which may take 'les' + number."""
        return tuple(self.low(x) for x in range(i, j)) in {("au", "moins"), ("au", "plus")}

    def _fraction_of_all(self, i: int, inner: Parse | None) -> bool:
        """'plus des deux tiers': a fraction after 'plus/moins des', and no 'en plus des'."""
        return (
            inner is not None
            and self.low(i - 1) not in {"en", "de", "d'"}
            and self.low(inner.end - 1) in FRACTION_DENOMINATORS
        )

    def _restrictive(self, i: int, j: int) -> bool:
        """'ne ... plus que' at tokens [i, j): a restriction ('only'), not a lower bound."""
        if tuple(self.low(x) for x in range(i, j)) != ("plus", "que"):
            return False
        return any(self.low(x) in {"ne", "n'"} for x in range(max(0, i - 4), i))

    def _hedged_range(self, i: int, inner: Parse, modifier: str | None) -> Parse | None:
        """'environ 165 à 250 mg', 'au moins 60 % à 70 %': a range wins over a hedge (RN18)."""
        if modifier is None or inner.amount.value_max is not None:
            return None
        if self.low(inner.end) not in {"à", "-", "–"}:
            return None
        second = self.quantity_at(inner.end + 1)
        if second is None or second.amount.modifier is not None:
            return None
        if not _compatible(inner.amount.unit, second.amount.unit):
            return None
        if modifier != "approx" and second.amount.unit is None:
            return None  # plus d'une fois à deux doigts: no range after a bound without a unit
        amount = self._range(i, inner, inner.end + 1, second)
        return None if amount is None else Parse(second.end, amount, inner.words_only)

    def _after_change(self, i: int) -> bool:
        """A word of change ('passé', 'augmentation') in the eight tokens before i."""
        return any(self.low(x) in CHANGE_WORDS for x in range(max(0, i - 8), i))

    def _starts_number(self, i: int) -> bool:
        return i < len(self.toks) and (
            self.toks[i].kind == "num"
            or is_number_word(self.toks[i])
            or self.toks[i].low in ARTICLE_ONES
        )

    def _is_score(self, i: int, j: int, end: int, a: Amount, b: Amount) -> bool:
        if a.unit or b.unit:
            return False
        window = {self.low(x) for x in range(max(0, i - 6), min(len(self.toks), end + 4))}
        if window & SCORE_CONTEXT:
            return True
        return (
            isinstance(a.value, int)
            and isinstance(b.value, int)
            and a.value < 10
            and b.value < 10
            and b.value <= a.value + 3
            and self.toks[j].text == "-"
        )

    # -- scan ---------------------------------------------------------------
    def scan(self, *, excluded: list[Exclusion] | None = None) -> list[AmountMatch]:
        """Every amount of the text; the numbers an exclusion rule drops go to ``excluded``."""
        out: list[AmountMatch] = []
        i = 0
        n = len(self.toks)
        toks = self.toks
        while i < n:
            tok = toks[i]
            if not (
                tok.kind == "num"
                or tok.low in _STARTERS
                or is_number_word(tok)
                or tok.low.startswith("demi-")
            ):
                i += 1
                continue
            got = self.expression_at(i)
            if got is None or got.end <= i:
                i += 1
                if i - 1 in self._too_large:  # and its scale words: 9...9 milliards
                    while i < n and (toks[i].kind == "num" or toks[i].low in SCALES):
                        i += 1
                continue
            end, amount, words_only, obj = got
            start_char = self.toks[i].start
            end_char = self.toks[end - 1].end
            span_text = self.text[start_char:end_char]
            rule = exclusions.rule_for(self, i, end, amount)
            if rule is not None:
                if excluded is not None:
                    excluded.append(Exclusion(start_char, end_char, span_text, amount, rule))
                # skip the number (a whole range) so that its parts are not re-read
                whole = amount.value_max is not None or amount.modifier is not None
                i = max(i + 1, self._skip_number(i), end if whole else i)
                continue
            out.append(
                AmountMatch(
                    start=start_char,
                    end=end_char,
                    text=span_text,
                    amount=amount,
                    object_hint=obj,
                    words_only=words_only,
                )
            )
            i = end
        return out

    def _skip_number(self, i: int) -> int:
        """The token after the number that starts at i (its leading hedge included)."""
        j = i
        n = len(self.toks)
        while j < n and self.toks[j].low in MODIFIERS_FIRST and not is_number_word(self.toks[j]):
            j += 1
        while j < n and (self.toks[j].kind == "num" or is_number_word(self.toks[j])):
            j += 1
        return j + 1 if j < n and self.toks[j].text in {"-", "/", ":"} else j
