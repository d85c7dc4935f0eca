"""The grammar of French amounts: a left-to-right parser over scanner tokens.

Each ``*_at(i)`` method reads one kind of phrase starting at token ``i`` and
returns a NamedTuple whose ``end`` is the index of the token after it, or
None when the phrase is not there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from . import exclusions
from .amount import Amount, AmountMatch, Exclusion, clean
from .lexicon import (
    ALL_UNITS,
    ARTICLE_ONES,
    CASE_SENSITIVE_UNITS,
    CENTIMES,
    COLLECTIVES,
    CURRENCY_CODES,
    CURRENCY_PREFIXES,
    DIGIT_ONLY_UNITS,
    DIRHAM_SCALES,
    FRACTION_DENOMINATORS,
    HALVES,
    MODIFIERS,
    MODIFIERS_FIRST,
    PLURAL_COLLECTIVES,
    POST_MODIFIERS,
    SCALES,
    SCORE_CONTEXT,
    SENTENCE_PUNCT,
    SPACED_SUFFIXES,
    SUFFIX_SCALES,
    TIME_CODES,
    Phrase,
)
from .tokens import Token, digits_value, is_number_word, tokenize, words_value

_SCALES_NOT_MILLE = frozenset(SCALES) - {"mille"}
_SCALED_PLURALS = frozenset({"milliers", "millions", "milliards"})
_DE = frozenset({"de", "d'"})


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

    def match_table(self, i: int, table: Mapping[Phrase, str | None]) -> ModifierParse | None:
        """Longest entry of ``table`` starting at token i."""
        for size in (3, 2, 1):
            key = tuple(self.low(k) for k in range(i, i + size))
            if len(key) == size and all(key) and key in table:
                if size > 1 and not self.contiguous(i, i + size):
                    continue
                return ModifierParse(i + size, table[key])
        return None

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
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        if tok.kind == "num":
            value = digits_value(tok.text)
            j = i + 1
            # glued suffix scale: 100k, 3M, 1,2Md
            if j < len(self.toks) and self.adjacent(i, j) and self.toks[j].text in SUFFIX_SCALES:
                nxt = j + 1
                if (
                    nxt >= len(self.toks)
                    or not self.adjacent(j, nxt)
                    or self.toks[nxt].kind != "word"
                ):
                    return NumberParse(j + 1, value * SUFFIX_SCALES[self.toks[j].text], False)
            # spaced scale words: 3,5 millions / 30 mille / 3 Mds
            while j < len(self.toks) and (
                self.low(j) in SCALES or self.toks[j].text in SPACED_SUFFIXES
            ):
                word = self.toks[j].text
                if word == "M" and not (
                    j + 1 < len(self.toks) and self.toks[j + 1].text in {"€", "$", "£", "d'", "de"}
                ):
                    break
                value *= SCALES.get(self.low(j)) or SUFFIX_SCALES[word]
                j += 1
            return NumberParse(j, value, False)
        if tok.kind == "word" and is_number_word(tok):
            if tok.low in ARTICLE_ONES and self.low(i + 1) not in _SCALES_NOT_MILLE:
                return None  # "un"/"une" is an article unless a scale word follows
            j = i
            words: list[str] = []
            while j < len(self.toks) and (
                is_number_word(self.toks[j]) or (self.low(j) == "et" and words)
            ):
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
            return NumberParse(j, float(value_w), True)
        return None

    # -- units --------------------------------------------------------------
    def unit_at(self, i: int, *, after_digits: bool) -> UnitParse | None:
        """A unit at i; the symbol units only after digits."""
        for size in (3, 2, 1):
            key = tuple(self.low(k) for k in range(i, i + size))
            if len(key) != size or not all(key):
                continue
            unit = ALL_UNITS.get(key)
            if unit is None:
                continue
            if size > 1 and not self.contiguous(i, i + size):
                continue
            if key in DIGIT_ONLY_UNITS and not after_digits:
                continue
            if key in CASE_SENSITIVE_UNITS and self.toks[i].text != CASE_SENSITIVE_UNITS[key]:
                continue
            if unit == "USD" and key == ("$",):
                unit = self.dollar
            if unit == "FRANC":
                unit = self.franc
            return UnitParse(i + size, unit)
        return None

    def modifier_at(self, i: int) -> ModifierParse | None:
        """A hedge at i."""
        return self.match_table(i, MODIFIERS)

    def unit_after(self, j: int, *, after_digits: bool, scaled: bool) -> UnitParse | None:
        """A unit right after a core, or 'de/d'' + unit after a scale word."""
        unit = self.unit_at(j, after_digits=after_digits)
        if unit:
            return unit
        if scaled and self.low(j) in _DE:
            unit = self.unit_at(j + 1, after_digits=False)
            if unit and unit.unit not in TIME_CODES and unit.unit != "fois":
                return unit
        return None

    # -- one quantity -------------------------------------------------------
    def simple_at(self, i: int) -> Parse | None:
        """[currency prefix] number [scale] [unit] [et N centimes] at i."""
        prefix_unit: str | None = None
        k = i
        if self.low(k) in CURRENCY_PREFIXES and self.kind(k + 1) == "num":
            prefix_unit = CURRENCY_PREFIXES[self.low(k)]
            if prefix_unit == "USD" and self.low(k) == "$":
                prefix_unit = self.dollar
            k += 1
        core = self.number_at(k)
        if core is None:
            return None
        j, value, words_only = core
        digits = self.toks[k].kind == "num"
        scaled = any(
            self.low(x) in SCALES or self.toks[x].text in SUFFIX_SCALES for x in range(k, j)
        )
        unit: str | None = prefix_unit
        if unit is None:
            found = self.unit_after(j, after_digits=digits and not scaled, scaled=True)
            if found and self.low(j) in _DE and not scaled:
                found = None
            if found:
                j, unit = found
        # trois ans et demi, une heure et demie
        if self.low(j) == "et" and self.low(j + 1) in HALVES:
            value += 0.5
            j += 2
        if unit is None and self.low(j) in DIRHAM_SCALES:
            value *= DIRHAM_SCALES[self.low(j)]
            unit = "MAD"
            j += 1
        # 1 USD et 23 centimes / 1 USD 23 cents
        if unit and unit in CURRENCY_CODES:
            k2 = j + 1 if self.low(j) == "et" else j
            if self.kind(k2) == "num" and self.low(k2 + 1) in CENTIMES:
                value += digits_value(self.toks[k2].text) / 100
                j = k2 + 2
        # 10 degres en dessous de zero
        if self.low(j) in {"en", "en-dessous"}:
            tail = [self.low(x) for x in range(j, j + 4)]
            if tail[:3] == ["en", "dessous", "de"] and tail[3] in {"zéro", "zero"}:
                value = -value
                j += 4
        return Parse(j, Amount(clean(value), None, unit, None), words_only)

    def vague_at(self, i: int) -> Parse | None:
        """'des centaines', 'plusieurs milliers', 'une dizaine', 'un millier'..."""
        first = self.low(i)
        word = self.low(i + 1)
        if first in {"des", "plusieurs", "quelques", "de"} and word in PLURAL_COLLECTIVES:
            value = float(PLURAL_COLLECTIVES[word])
            modifier = "min"
        elif first in ARTICLE_ONES and word in COLLECTIVES:
            value = float(COLLECTIVES[word])
            modifier = "approx"
        else:
            return None
        j = i + 2
        # des dizaines de milliers, une dizaine de millions
        if self.low(j) in _DE and self.low(j + 1) in _SCALED_PLURALS:
            value *= PLURAL_COLLECTIVES[self.low(j + 1)]
            j += 2
        unit: str | None = None
        found = self.unit_after(j, after_digits=False, scaled=True)
        if found and self.low(j) in _DE:
            j, unit = found
        return Parse(j, Amount(clean(value), None, unit, modifier))

    def fraction_at(self, i: int) -> Parse | None:
        """'la moitié', 'un tiers', 'deux tiers', 'trois quarts'."""
        if self.low(i) == "la" and self.low(i + 1) == "moitié":
            return Parse(i + 2, Amount(0.5))
        if self.low(i) == "moitié":
            return Parse(i + 1, Amount(0.5))
        num = self.low(i)
        den = self.low(i + 1)
        if den in FRACTION_DENOMINATORS and (
            num in ARTICLE_ONES or is_number_word(self.toks[i]) or self.toks[i].kind == "num"
        ):
            if den in {"demi", "demis"} and num in ARTICLE_ONES:
                return None
            if num in ARTICLE_ONES:
                numerator = 1.0
            elif self.toks[i].kind == "num":
                numerator = digits_value(self.toks[i].text)
            else:
                numerator = float(words_value([self.toks[i].text]) or 0)
            if numerator <= 0:
                return None
            return Parse(i + 2, Amount(clean(numerator / FRACTION_DENOMINATORS[den])))
        return None

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
                self.toks[x].kind == "word" and self.low(x) not in {"et", "de", "sur"}
                for x in range(i + 1, s)
            ):
                continue
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
        # un/une + unit: "un an de prison", "une semaine", "un euro"
        if self.low(i) in ARTICLE_ONES:
            unit = self.unit_at(i + 1, after_digits=False)
            if unit and unit.unit != "fois":
                end, value = unit.end, 1.0
                if self.low(end) == "et" and self.low(end + 1) in HALVES:
                    end, value = end + 2, 1.5
                return Parse(end, Amount(clean(value), None, unit.unit, None), True)
        return None

    def _scale_between(self, i: int, j: int) -> float:
        factor = 1.0
        for x in range(i, j):
            if self.low(x) in SCALES:
                factor *= SCALES[self.low(x)]
            elif self.toks[x].text in SUFFIX_SCALES and x > i and self.toks[x - 1].kind == "num":
                factor *= SUFFIX_SCALES[self.toks[x].text]
        return factor

    def _range(self, i1: int, first: Parse, i2: int, second: Parse) -> Amount:
        """A range amount; 'de 2 à 3 millions' shares the scale word of its upper bound."""
        low = first.amount.value
        if self._scale_between(i1, first.end) == 1.0:
            shared = self._scale_between(i2, second.end)
            if shared > 1.0 and low * shared <= second.amount.value:
                low = clean(low * shared)
        unit = second.amount.unit or first.amount.unit
        return Amount(low, second.amount.value, unit, "range")

    def expression_at(self, i: int) -> Parse | None:
        """Modifier, range or plain quantity at i."""
        low = self.low(i)
        # entre X et Y
        if low == "entre":
            first = self.quantity_at(i + 1)
            if first and self.low(first.end) == "et":
                second = self.quantity_at(first.end + 1)
                if second:
                    amount = self._range(i + 1, first, first.end + 1, second)
                    return Parse(second.end, amount, first.words_only and second.words_only)
        # de X à Y
        if low in _DE:
            first = self.quantity_at(i + 1)
            if first and self.low(first.end) == "à":
                second = self.quantity_at(first.end + 1)
                if second and (
                    first.amount.unit is None or second.amount.unit in (None, first.amount.unit)
                ):
                    amount = self._range(i + 1, first, first.end + 1, second)
                    return Parse(second.end, amount, first.words_only and second.words_only)
        # modifier + quantity
        mod = self.modifier_at(i)
        if mod:
            j, modifier = mod
            # "plus de la moitié": the table entry already ate "la"
            inner = self.quantity_at(j)
            if inner is None and self.low(j - 1) == "la" and self.low(j) == "moitié":
                inner = Parse(j + 1, Amount(0.5))
            if inner is None and self.low(j - 1) == "la":
                return None
            if inner:
                amount = inner.amount
                if amount.modifier is None or modifier in {"min", "max"}:
                    amount = Amount(amount.value, amount.value_max, amount.unit, modifier)
                if self.low(j - 1) == "la" and self.low(j) != "moitié":
                    return None
                return inner._replace(amount=amount)
        # par moins 20 degrés: a negative temperature
        if low == "moins" and self.kind(i + 1) == "num":
            cold = self.quantity_at(i + 1)
            if cold and cold.amount.unit in {"°C", "°F", "°"}:
                value = clean(-float(cold.amount.value))
                return cold._replace(amount=Amount(value, None, cold.amount.unit, None))
        got = self.quantity_at(i)
        if got is None:
            return None
        j, amount, words_only, obj = got
        # 65 ans et plus, 140 jours au maximum
        if amount.modifier is None and amount.value_max is None:
            modifier = POST_MODIFIERS.get((self.low(j), self.low(j + 1)))
            if modifier:
                amount = Amount(amount.value, None, amount.unit, modifier)
                j += 2
                got = Parse(j, amount, words_only, obj)
        # X à Y %, X-Y dollars, X – Y
        if self.low(j) in {"à", "-", "–"} and amount.modifier is None:
            second = self.quantity_at(j + 1)
            if (
                second
                and second.amount.modifier is None
                and (amount.unit is None or second.amount.unit in (None, amount.unit))
            ):
                hyphen = self.low(j) != "à"
                unit = second.amount.unit or amount.unit
                plausible = hyphen or unit is not None or second.words_only == words_only
                if plausible and not (
                    hyphen and self._is_score(i, j, second.end, amount, second.amount)
                ):
                    ranged = self._range(i, got, j + 1, second)
                    return Parse(second.end, ranged, words_only, obj)
        return Parse(j, amount, words_only, obj)

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
        while i < n:
            got = self.expression_at(i)
            if got is None or got.end <= i:
                i += 1
                continue
            end, amount, words_only, obj = got
            start_char = self.toks[i].start
            end_char = self.toks[end - 1].end
            span_text = self.text[start_char:end_char]
            rule = exclusions.rule_for(self, i, end, amount)
            if rule is not None:
                if excluded is not None:
                    excluded.append(
                        Exclusion(start_char, end_char, span_text, amount, rule)
                    )
                # skip the whole number so that its parts are not re-read
                i = max(i + 1, self._skip_number(i))
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
        j = i
        while j < len(self.toks) and (
            self.toks[j].kind == "num"
            or is_number_word(self.toks[j])
            or self.low(j) in MODIFIERS_FIRST
        ):
            j += 1
        return j + 1 if j < len(self.toks) and self.toks[j].text in {"-", "/", ":"} else j
