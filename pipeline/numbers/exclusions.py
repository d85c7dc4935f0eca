"""Named rules that say a number in running text is not an amount.

Years, dates, clock times, ordinals, scores, identifiers and phrases that
place an event in time are numbers but not amounts. Each rule has a name;
:func:`rule_for` returns the name of the first rule that matches, so that a
user can ask why a number was not tagged (``dechiffre.pipeline.numbers.why_not``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from .amount import Amount
from .lexicon import (
    ARTICLE_ONES,
    AUXILIARIES,
    AUXILIARY_ADVERBS,
    BEST_WORDS,
    CHANNEL_CODE_RE,
    CHANNEL_NOUNS,
    CHANNELS,
    CLOCK_AFTER,
    CLOCK_BEFORE,
    CLOCK_HOUR_BEFORE,
    COMPASS,
    CURRENCY_PREFIXES,
    DAY_BEFORE,
    DECADE_BEFORE,
    DIAL_WORDS,
    DURATION_BEFORE,
    DURING,
    ERAS,
    EVENT_DETERMINERS,
    FIRST_LAST,
    FRACTION_DENOMINATORS,
    HALF_ORDINALS,
    IDENTIFIER_BEFORE,
    IDIOMS_BY_WORD,
    LABEL_NOUNS,
    LEGAL_LETTERS,
    LOCATING_UNITS,
    MODIFIERS_FIRST,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NAME_BEFORE,
    NAME_BEFORE_DES,
    NAME_NUMBER_LINKS,
    NEAR_WORDS,
    NEXT_WORDS,
    NOT_PLURAL_NOUNS,
    OLD_YEAR_BEFORE,
    OLD_YEAR_EVENTS,
    ORDINAL_SUFFIX_RE,
    PARTICIPLE_IDENTIFIERS,
    PLURAL_COLLECTIVES,
    PLURAL_DETERMINERS,
    PRECEDE_FORMS,
    RACE_DETERMINERS,
    RANK_BEFORE,
    RELATIVE_ADVERBS,
    SCORE_CONTEXT,
    SPACED_ORDINAL_SUFFIXES,
    STREET_NOUNS,
    TIME_LOCATING_AFTER,
    TRAVEL_WORDS,
    VERB_IDENTIFIERS,
    VULGAR_FRACTIONS,
    WEEKDAYS,
    WINDOW_DURATION_BEFORE,
    YEAR_CONTEXT_BEFORE,
    ZERO_STATE_BEFORE,
    ZERO_WORDS,
)
from .tokens import Token, is_number_word

if TYPE_CHECKING:
    from .grammar import Scanner

_ORDINAL_SUFFIX = re.compile(ORDINAL_SUFFIX_RE)
_CAPITAL_CODE = re.compile(r"[A-Z]{1,6}")
_FOUR_DIGITS = re.compile(r"\d{4}")


class Candidate(NamedTuple):
    """A parsed amount at tokens [i, end) and the number token inside it."""

    sc: Scanner
    i: int
    end: int
    amount: Amount
    num_idx: int
    num: Token
    prev: str  # lower-case token before the number
    nxt: str  # lower-case token after the amount


Rule = Callable[[Candidate], bool]


def _glued_to_word(c: Candidate) -> bool:
    """G20, A320, M5S: digits glued after letters."""
    sc, k = c.sc, c.num_idx
    prev = sc.toks[k - 1] if k > 0 else None
    return (
        c.num.kind == "num"
        and prev is not None
        and sc.adjacent(k - 1, k)
        and prev.kind == "word"
        and prev.low not in CURRENCY_PREFIXES
    )


def _dotted_code(c: Candidate) -> bool:
    """BA.2, B.1.1.529, XBB.1.5: digits glued by a dot after a capitalised code."""
    sc, k = c.sc, c.num_idx
    if c.num.kind != "num":
        return False
    while k > 1 and sc.toks[k - 1].text == "." and sc.contiguous_dot(k - 1):
        k -= 2
        if sc.toks[k].kind == "word":
            return any(ch.isupper() for ch in sc.toks[k].text)
        if sc.toks[k].kind != "num":
            return False
    return False


def _word_hyphen_code(c: Candidate) -> bool:
    """COVID-19, F-16: a word, a hyphen or slash, digits, all glued."""
    sc, k = c.sc, c.num_idx
    return (
        c.num.kind == "num"
        and k > 1
        and sc.toks[k - 1].text in {"-", "/"}
        and sc.adjacent(k - 1, k)
        and sc.toks[k - 2].kind == "word"
        and sc.adjacent(k - 2, k - 1)
    )


def _glued_after(c: Candidate) -> Token | None:
    sc, after = c.sc, c.num_idx + 1
    if c.num.kind == "num" and after < len(sc.toks) and sc.adjacent(c.num_idx, after):
        return sc.toks[after]
    return None


def _ordinal_suffix(c: Candidate) -> bool:
    """3e, 1er, 2ème, '644 ème': an ordinal."""
    glued = _glued_after(c)
    if glued is not None:
        return glued.kind == "word" and bool(_ORDINAL_SUFFIX.fullmatch(glued.low))
    return c.num.kind == "num" and c.end == c.num_idx + 1 and c.nxt in SPACED_ORDINAL_SUFFIXES


def _read_as_slash_fraction(c: Candidate) -> bool:
    """The grammar read 'N/M' as a fraction (5/8), so the slash is no date or code."""
    return c.end > c.num_idx + 2 and c.sc.low(c.num_idx + 1) == "/"


def _digit_date_or_clock(c: Candidate) -> bool:
    """24/02/2024, 14:30."""
    glued = _glued_after(c)
    return (
        not _read_as_slash_fraction(c)
        and glued is not None
        and glued.text in {"/", ":"}
        and c.sc.kind(c.num_idx + 2) == "num"
    )


def _glued_to_digits(c: Candidate) -> bool:
    """Digits glued to more digits that the tokenizer did not join (not: 1½)."""
    glued = _glued_after(c)
    return glued is not None and glued.kind == "num" and glued.text not in VULGAR_FRACTIONS


def _identifier_code(c: Candidate) -> bool:
    """loi 02-03: a numbered text."""
    glued = _glued_after(c)
    after = c.num_idx + 1
    return (
        glued is not None
        and glued.text == "-"
        and c.sc.kind(after + 1) == "num"
        and c.sc.adjacent(after, after + 1)
        and c.prev in IDENTIFIER_BEFORE
    )


def _after_slash_or_colon(c: Candidate) -> bool:
    """The second part of 24/02 or 14:30."""
    sc, k = c.sc, c.num_idx
    return (
        c.num.kind == "num"
        and k > 0
        and sc.toks[k - 1].text in {"/", ":"}
        and sc.adjacent(k - 1, k)
    )


def _identifier_word_before(c: Candidate) -> bool:
    """article 52, page 3, route 7, l'arrêté 12 (a participle after an auxiliary is a verb:
    'la police a arrêté 12 passeurs' is a count, as 'a arrêté trois membres'; so is a verb
    before a plural noun: 'le navire porte 120 conteneurs')."""
    return (
        c.prev in IDENTIFIER_BEFORE
        and c.amount.unit is None
        and c.num_idx == c.i
        and c.num.kind == "num"
        and not (c.prev in PARTICIPLE_IDENTIFIERS and _after_auxiliary(c.sc, c.num_idx - 1))
        and not (c.prev in VERB_IDENTIFIERS and _plural_noun(c.nxt))
    )


def _plural_noun(low: str) -> bool:
    """A lower-case word written as a plural ("conteneurs", "animaux"), not a determiner."""
    return (
        low.isalpha()
        and len(low) > 3
        and low.endswith(("s", "x"))
        and low not in NOT_PLURAL_NOUNS
        and low not in PLURAL_DETERMINERS
    )


def _after_auxiliary(sc: Scanner, k: int) -> bool:
    """Token ``k`` follows an auxiliary, maybe with an adverb between ('a arrêté', 'ont déjà
    arrêté', 'ont été arrêtés')."""
    j = k - 1
    while j >= 0 and sc.toks[j].low in AUXILIARY_ADVERBS:
        j -= 1
    return j >= 0 and sc.toks[j].low in AUXILIARIES


def _rank_number(c: Candidate) -> bool:
    """numéro deux du régime, le numéro un mondial: a rank, not a count."""
    return c.prev in RANK_BEFORE and c.num.kind == "word" and c.i == c.num_idx


def _capital_code_before(c: Candidate) -> bool:
    """vol AT 205, RN 7, la norme IEEE 802.11, SDIS 33: a capital code names the number."""
    k = c.num_idx
    return (
        k == c.i
        and k > 0
        and c.amount.unit is None
        and bool(_CAPITAL_CODE.fullmatch(c.sc.toks[k - 1].text))
        and c.sc.toks[k - 1].low not in CURRENCY_PREFIXES
    )


def _number_sign(c: Candidate) -> bool:
    """n° 5, # 3."""
    return c.num_idx > 0 and c.sc.toks[c.num_idx - 1].text in {"n°", "°", "#"}


_CHAIN = frozenset({"-", "/", "+"})


def _digit_chain(c: Candidate) -> bool:
    """Phone numbers, 02-03 codes, 14 h 30, scores, added time 90+2: digits chained to digits."""
    if c.num.kind != "num" or c.amount.value_max is not None or _read_as_slash_fraction(c):
        return False
    sc, idx = c.sc, c.num_idx
    toks = sc.toks
    tok = toks[idx]
    if len(tok.text) > 1 and tok.text.startswith("0") and "," not in tok.text:
        return True
    if idx >= 2 and toks[idx - 1].text in _CHAIN | {"h", "H"} and toks[idx - 2].kind == "num":
        if toks[idx - 1].text in _CHAIN:
            return sc.adjacent(idx - 2, idx - 1) and sc.adjacent(idx - 1, idx)
        return True
    if idx + 2 < len(toks) and toks[idx + 1].text in _CHAIN and toks[idx + 2].kind == "num":
        return sc.adjacent(idx, idx + 1) and sc.adjacent(idx + 1, idx + 2)
    return False


def _two_digit_groups(c: Candidate) -> bool:
    """composez le 20 22 20 20: three or more bare two-digit groups in a row are a phone number."""
    sc, k = c.sc, c.num_idx
    if c.num.kind != "num" or c.end != k + 1 or not _TWO_DIGITS.fullmatch(c.num.text):
        return False
    lo = k
    while lo > 0 and sc.kind(lo - 1) == "num" and _TWO_DIGITS.fullmatch(sc.toks[lo - 1].text):
        lo -= 1
    hi = k
    while sc.kind(hi + 1) == "num" and _TWO_DIGITS.fullmatch(sc.toks[hi + 1].text):
        hi += 1
    return hi - lo >= 2


_TWO_DIGITS = re.compile(r"\d\d")


def _bare_mil(c: Candidate) -> bool:
    """le sac de mil: 'mil' alone is millet (or the year 'l'an mil'), not 1000."""
    return c.num.low == "mil" and c.i == c.num_idx and c.end == c.i + 1


def _ordinal_word(c: Candidate) -> bool:
    """deux centième, vingt et unième."""
    if c.num.kind != "word" or c.amount.unit is not None:
        return False
    if c.nxt == "et":  # vingt et unième
        return c.sc.low(c.end + 1).endswith(("ième", "ièmes"))
    if c.nxt.endswith("ièmes") and c.nxt not in FRACTION_DENOMINATORS:
        return c.sc.kind(c.end + 1) != "word"  # deux troisièmes places: a count of ranks
    return c.nxt.endswith(("ième", "ièmes"))


def _capitalised_name(c: Candidate) -> bool:
    """Capitalised number words inside a sentence are names (guerre des Six Jours).

    Not before a lower-case word: run-on headlines ("... en Libye Trois hommes condamnés").
    """
    sc, k = c.sc, c.num_idx
    if c.num.kind != "word" or not c.num.text[0].isupper() or sc.is_sentence_start(k):
        return False
    if c.prev in {"des", "les", "aux"}:
        return True  # l'Europe des Vingt-Sept: a name, whatever follows
    after = sc.toks[k + 1] if k + 1 < len(sc.toks) else None
    return not (after is not None and after.kind == "word" and after.text[0].islower())


def _hyphenated_name(c: Candidate) -> bool:
    """Number words glued by a hyphen to other words: Trois-Rivières."""
    return (
        c.num.kind == "word"
        and "-" in c.num.text
        and not is_number_word(c.num)
        and not c.num.low.startswith("demi-")
    )


def _hyphen_compound_after(c: Candidate) -> bool:
    """deux-roues, 4-5-2: the amount glued by a hyphen to the word after it."""
    sc, end = c.sc, c.end
    return (
        end + 1 < len(sc.toks)
        and sc.toks[end].text == "-"
        and sc.adjacent(end - 1, end)
        and sc.toks[end + 1].kind == "word"
        and sc.adjacent(end, end + 1)
    )


def _day_of_month(c: Candidate) -> bool:
    """24 février, du 3 au 5 mars, entre le 5 et le 7 octobre, RABAT, 9 sept. (MAP)."""
    sc, end = c.sc, c.end
    if c.num.kind == "word" and c.num.low in MONTH_ABBREVIATIONS:  # the 'sept' of '9 sept.'
        return sc.kind(c.i - 1) == "num" and sc.low(end) == "."
    if c.amount.unit is not None and c.amount.value_max is None:
        return False
    if c.nxt in MONTHS:
        return True
    if c.nxt in MONTH_ABBREVIATIONS and c.num.kind == "num" and c.amount.value_max is None:
        return sc.low(end + 1) == "." or c.nxt != "sept"  # 20 janv., 5 avr (APS)
    if c.nxt not in {"et", "au", "-", ",", "à"} or c.num.kind != "num":
        return False
    k = end + 1
    if sc.low(k) in {"le", "l'"}:
        k += 1
    return sc.kind(k) == "num" and sc.low(k + 1) in MONTHS


def _after_weekday(c: Candidate) -> bool:
    """lundi 12 (not: mardi 54 réfugiés, lundi 12 tonnes, mercredi cinq prévenus)."""
    value = c.amount.value
    if c.prev not in WEEKDAYS or c.num.kind != "num" or c.amount.unit is not None:
        return False
    if not (isinstance(value, int) and 1 <= value <= 31):
        return False
    after = c.sc.toks[c.end] if c.end < len(c.sc.toks) else None
    return not (  # lundi 12 nouveaux cas: a plural noun makes it a count
        after is not None
        and after.kind == "word"
        and after.text[0].islower()
        and after.low.endswith(("s", "x"))
        and after.low not in NOT_PLURAL_NOUNS
    )


def _clock_time(c: Candidate) -> bool:
    """14 h 30, 14h30, à 14 heures, vers 6 heures du soir, de 9 heures à 18 heures."""
    sc, end = c.sc, c.end
    if c.amount.unit == "heure" and sc.low(end) == "par" and sc.low(end + 1) in _PERIODS:
        return False  # jusqu'à 18 heures par jour: a duration
    prev = c.prev
    k = c.num_idx
    if prev == "a" and k > 0 and sc.toks[k - 1].text == "A" and sc.is_sentence_start(k - 1):
        prev = "à"  # "A 17h, ...": a capital À written without its accent
    if c.amount.unit == "heure" and _time_distance(c):
        return False
    if c.amount.unit == "heure" and max(c.amount.value, c.amount.value_max or 0) > 24:
        return False  # jusqu'à 48 heures, vers 72 heures: no clock shows that hour
    if c.amount.unit == "heure":
        last = sc.toks[end - 1]
        if sc.kind(end) == "num" and last.low == "h":
            return True
        if prev in CLOCK_BEFORE and last.low == "h":
            return True
        if prev == "à" and sc.low(c.i) != "à":
            return True
        if prev in CLOCK_HOUR_BEFORE:
            return True
        if last.low == "h" and (prev == "entre" or (prev == "et" and sc.low(c.i - 2) == "h")):
            return True  # entre 22 h et 6 h
        after = (sc.low(end), sc.low(end + 1), sc.low(end + 2))
        if after[:1] in CLOCK_AFTER or after[:2] in CLOCK_AFTER or after in CLOCK_AFTER:
            return True
        if c.amount.value_max is not None and _hours_inside(c) >= 2:
            return True  # de 9 heures à 18 heures
        if after[0] in {"à", "et"} and sc.kind(end + 1) == "num" and after[2] in _HOURS:
            return True  # de 17 heures à 8 heures
        if prev in {"à", "et"} and any(sc.low(x) in _HOURS for x in range(c.i - 4, c.i - 1)):
            return True  # entre 12 h 30 et 15 heures
    return c.num.kind == "num" and sc.low(k + 1) == "h" and sc.kind(k + 2) == "num"


def _time_distance(c: Candidate) -> bool:
    """à 4 heures de route, à trois heures de Houston: how far, not what time."""
    sc, end = c.sc, c.end
    if sc.low(end) not in {"de", "d'"} or sc.toks[end - 1].low == "h":
        return False
    after = sc.toks[end + 1] if end + 1 < len(sc.toks) else None
    if after is None or after.kind != "word":
        return False
    # a place name after number words ("à deux heures de Houston"); digits there are read as
    # a clock time ("le train part à 17 heures de Paris")
    return after.low in TRAVEL_WORDS or (after.text[0].isupper() and c.num.kind == "word")


_HOURS = frozenset({"h", "heure", "heures"})
_PERIODS = frozenset({"jour", "semaine", "nuit", "mois", "an", "garde"})  # 18 heures par jour
_DAY_FOR_DAY = ("jour", "pour", "jour")  # à un an jour pour jour du match


def _hours_inside(c: Candidate) -> int:
    return sum(1 for x in range(c.i, c.end) if c.sc.low(x) in _HOURS)


def _day_without_month(c: Candidate) -> bool:
    """rentré le 9, les 21 et 22: a day whose month the text leaves out."""
    a = c.amount
    if c.num.kind != "num" or a.unit or a.modifier or a.value_max is not None:
        return False
    if not (isinstance(a.value, int) and 1 <= a.value <= 31) or c.end != c.num_idx + 1:
        return False
    sc, k, end = c.sc, c.num_idx, c.end
    if c.prev in {"et", "au"} and sc.kind(k - 2) == "num" and sc.low(k - 3) in DAY_BEFORE:
        return sc.kind(end) != "word"  # the 22 of "les 21 et 22,"
    if c.prev not in DAY_BEFORE:
        return False
    after = sc.toks[end] if end < len(sc.toks) else None
    if c.prev == "le" and (
        after is None or (after.kind == "sym" and after.text in {".", ",", ";", "!", "?", ")"})
    ):
        return True  # rentré le 9.
    return (  # les 21 et 22, du 3 au 5
        after is not None
        and after.low in {"et", "au"}
        and sc.kind(end + 1) == "num"
        and sc.kind(end + 2) != "word"
    )


def _decade(c: Candidate) -> bool:
    """les années 1800, années 70, les années quatre-vingt, les années 80 et 90."""
    value = c.amount.value
    if not (
        c.i == c.num_idx and c.amount.unit is None and isinstance(value, int) and value % 10 == 0
    ):
        return False
    sc, x = c.sc, c.num_idx - 1
    while x > c.num_idx - 8 and sc.low(x) in _DECADE_LINKS and sc.kind(x - 1) == "num":
        x -= 2  # back over "70, 80 et" to the word that names the decades
    return sc.low(x) in DECADE_BEFORE and (x == c.num_idx - 1 or value <= 2100)


_DECADE_LINKS = frozenset({"et", "ou", ",", "à"})


def _name_with_digits(c: Candidate) -> bool:
    """iode 131, Apollo 11, France 24, iPhone 15: a name that carries a number."""
    if c.i != c.num_idx or c.amount.unit is not None or c.num_idx == 0:
        return False
    before = c.sc.toks[c.num_idx - 1]
    if c.prev in NAME_BEFORE:
        return True
    channel = CHANNELS.get(before.text)
    return channel is not None and c.amount.value in channel


def _channel_code(c: Candidate) -> bool:
    """la chaîne 2M, la radio 1FM: digits glued to a capital after a media noun name it."""
    text = c.sc.text[c.sc.toks[c.i].start : c.sc.toks[c.end - 1].end]
    return c.prev in CHANNEL_NOUNS and _CHANNEL_CODE.fullmatch(text) is not None


_CHANNEL_CODE = re.compile(CHANNEL_CODE_RE)


def _capitalised_head(c: Candidate) -> bool:
    """Ligue 1, l'Entente 2, Major 1: a small bare number closing a capitalised name."""
    sc, k = c.sc, c.num_idx
    if c.i != k or c.end != k + 1 or c.num.kind != "num" or not c.num.text.isdigit():
        return False
    if c.amount.unit is not None or len(c.num.text) > 2 or k == 0:
        return False
    before = sc.toks[k - 1]
    if before.kind != "word" or not before.text[0].isupper() or before.text.isupper():
        return False
    if sc.is_sentence_start(k - 1) and before.low not in NAME_BEFORE:
        return False
    after = sc.toks[k + 1] if k + 1 < len(sc.toks) else None
    if after is None or after.kind == "sym" or after.text[0].isupper():
        return True
    # l'Euro 76 était, le Wi-Fi 7 avec: a name before a verb or a preposition; but "la
    # Tunisie 3 et le Maroc 2", "France 2 migrants" keep their count
    return after.kind == "word" and after.low not in NAME_NUMBER_LINKS and not _count_noun_after(c)


def _idiom(c: Candidate) -> bool:
    """aux quatre coins du monde, à deux doigts de, tolérance zéro: set phrases."""
    sc, k = c.sc, c.num_idx
    for idiom, at in IDIOMS_BY_WORD.get(c.num.low, ()):
        if all(sc.low(k - at + x) == word for x, word in enumerate(idiom)):
            return True
    return False


def _unit_gloss(c: Candidate) -> bool:
    """15 mégawatts (millions de watts): a bare scale word in brackets glosses a unit."""
    sc, i = c.sc, c.i
    return (
        sc.low(i) in PLURAL_COLLECTIVES
        and sc.low(i - 1) == "("
        and sc.kind(i - 2) in {"word", "sym"}
        and sc.low(c.end) == ")"
    )


def _identifier_list(c: Candidate) -> bool:
    """n° 5 et 6, articles 12 et 13: the next number of a list of identifiers."""
    sc, k = c.sc, c.num_idx
    if c.prev not in {"et", ",", "à", "ou"} or sc.kind(k - 2) != "num":
        return False
    first = sc.toks[k - 3] if k >= 3 else None
    return first is not None and (first.text in {"n°", "°", "#"} or first.low in IDENTIFIER_BEFORE)


def _legal_reference(c: Candidate) -> bool:
    """article L. 2212-2, R. 411-1: an article of a legal code."""
    sc, k = c.sc, c.num_idx
    return (
        k >= 2
        and sc.toks[k - 1].text == "."
        and sc.toks[k - 2].text in LEGAL_LETTERS
        and sc.adjacent(k - 2, k - 1)
    )


def _version_number(c: Candidate) -> bool:
    """Web 2.0, mariés 2.0: a version, not a decimal."""
    return c.num.kind == "num" and c.num.text.endswith(".0") and c.end == c.num_idx + 1


def _reference_mark(c: Candidate) -> bool:
    """[1], [23]: a footnote or source reference."""
    sc, k = c.sc, c.num_idx
    return (
        c.num.kind == "num"
        and c.end == k + 1
        and sc.low(k - 1) == "["
        and sc.low(k + 1) == "]"
    )


def _coordinate(c: Candidate) -> bool:
    """72,47° Est, 2,65° Nord: a position, not an angle."""
    return c.amount.unit == "°" and c.nxt in COMPASS


def _list_number(c: Candidate) -> bool:
    """'1. Peut améliorer': the number of a list item."""
    sc, k = c.sc, c.num_idx
    if c.num.kind != "num" or c.end != k + 1 or sc.low(k + 1) != "." or not sc.adjacent(k, k + 1):
        return False
    after = sc.toks[k + 2] if k + 2 < len(sc.toks) else None
    starts_item = k == 0 or sc.low(k - 1) in {".", ":"} or sc.is_sentence_start(k)
    return starts_item and after is not None and after.text[:1].isupper()


def _score(c: Candidate) -> bool:
    """2-1, 1 - 0, 4 buts à 3, deux buts à un: a sports score."""
    if c.amount.unit is not None:
        return False
    words = c.num.kind != "num"
    if words and not (is_number_word(c.num) or c.num.low in ARTICLE_ONES):
        return False
    sc, k, end = c.sc, c.num_idx, c.end
    window = {sc.low(x) for x in range(max(0, c.i - 6), min(len(sc.toks), end + 4))}
    if not window & SCORE_CONTEXT:
        return False
    after = sc.low(end + 1) if sc.low(end) in {"buts", "but"} else sc.low(end)
    skip = 2 if sc.low(end) in {"buts", "but"} else 1
    if after in ({"à"} if words else {"-", "–", "à"}) and _score_number(sc, end + skip):
        return True
    before = sc.low(k - 1)
    return before in ({"à"} if words else {"-", "–", "à"}) and (
        (sc.kind(k - 2) == "num" and not words) or sc.low(k - 2) in {"buts", "but"}
    )


def _score_number(sc: Scanner, x: int) -> bool:
    """A goal count at x: digits, a number word or 'un'/'zéro'."""
    if sc.kind(x) == "num":
        return True
    if sc.low(x) in ARTICLE_ONES:  # "à un." is a goal, "à un gardien" an article
        return not (sc.kind(x + 1) == "word" and sc.toks[x + 1].text[0].islower())
    return x < len(sc.toks) and is_number_word(sc.toks[x])


def _glued_word_after(c: Candidate) -> bool:
    """5G, 49ers, 4x4: digits glued to a word the grammar did not read as a unit."""
    glued = _glued_after(c)
    return glued is not None and glued.kind == "word" and c.end == c.num_idx + 1


def _year(c: Candidate) -> bool:
    """en 2024, 2024 (alone), 2024 Olympiques; '2024 migrants' is a count."""
    if c.i != c.num_idx:
        return False
    tok = c.num
    if tok.kind != "num" or not _FOUR_DIGITS.fullmatch(tok.text):
        return False
    if not 1800 <= int(tok.text) <= 2100:
        return False
    if c.amount.unit is not None or c.amount.modifier is not None:
        return False
    if c.prev in YEAR_CONTEXT_BEFORE:
        return True
    sc, idx = c.sc, c.num_idx
    nxt_tok = sc.toks[idx + 1] if idx + 1 < len(sc.toks) else None
    if nxt_tok is None or nxt_tok.kind != "word":
        return True
    if nxt_tok.text[0].isupper():
        return True
    word = nxt_tok.low
    return not (word.endswith(("s", "x")) and word not in NOT_PLURAL_NOUNS)


def _count_noun_after(c: Candidate) -> bool:
    """A lower-case plural word after the amount: '1500 personnes' is a count, not a year."""
    nxt_tok = c.sc.toks[c.end] if c.end < len(c.sc.toks) else None
    if nxt_tok is None or nxt_tok.kind != "word" or nxt_tok.text[0].isupper():
        return False
    word = nxt_tok.low
    return word.endswith(("s", "x")) and word not in NOT_PLURAL_NOUNS


def _old_year(c: Candidate) -> bool:
    """en 1627, vers 1500, l'été 1796, février 1797, l'an 2250: a year outside 1800-2100."""
    tok = c.num
    if c.i != c.num_idx or tok.kind != "num" or not _FOUR_DIGITS.fullmatch(tok.text):
        return False
    if 1800 <= int(tok.text) <= 2100 or int(tok.text) < 1000:
        return False
    if c.amount.unit is not None or c.amount.modifier is not None:
        return False
    if _count_noun_after(c):
        return False
    if c.prev == "de":  # la loi d'abolition graduelle de 1780
        return any(c.sc.low(x) in OLD_YEAR_EVENTS for x in range(c.num_idx - 5, c.num_idx - 1))
    return c.prev in OLD_YEAR_BEFORE


_ERA_STARTS = frozenset(phrase[0] for phrase in ERAS)


def _era(c: Candidate) -> bool:
    """vers 1500 avant J.-C., entre 1100 et 1450 de notre ère, 164 BC: years of an era."""
    sc, end = c.sc, c.end
    if c.num.kind != "num" or c.amount.unit is not None or sc.low(end) not in _ERA_STARTS:
        return False
    return any(all(sc.low(end + x) == w for x, w in enumerate(era)) for era in ERAS)


def _named_group(c: Candidate) -> bool:
    """Groupe des 77, Groupe des Sept: a body named by its number of members."""
    sc, k = c.sc, c.num_idx
    if c.i != k or c.prev != "des" or k < 2 or c.amount.unit is not None:
        return False
    name = sc.toks[k - 2]
    return name.kind == "word" and name.text[0].isupper() and name.low in NAME_BEFORE_DES


def _half_period(c: Candidate) -> bool:
    """la seconde moitié du siècle, la première moitié de l'année: a part of a period."""
    return c.sc.low(c.i) == "moitié" and c.prev in HALF_ORDINALS


def _equal_bounds(c: Candidate) -> bool:
    """Consortium 12-12, 11.11: a 'range' whose bounds are equal is a name."""
    return c.amount.value_max is not None and c.amount.value_max == c.amount.value


def _dialled_number(c: Candidate) -> bool:
    """composer le 811, appeler le 117, numéro d'urgence 19: a phone number."""
    sc, k = c.sc, c.num_idx
    if c.num.kind != "num" or c.amount.unit is not None or c.end != k + 1:
        return False
    if c.prev in {"le", "au", "l'"} and sc.low(k - 2) in DIAL_WORDS:
        return True
    return c.prev in {"urgence", "vert", "gratuit"} and "numéro" in {sc.low(k - 3), sc.low(k - 2)}


def _year_range(c: Candidate) -> bool:
    """entre 2019 et 2023, 2019-2023."""
    a = c.amount
    return (
        a.value_max is not None
        and a.unit is None
        and all(isinstance(v, int) and 1800 <= v <= 2100 for v in (a.value, a.value_max))
    )


def _time_locating(c: Candidate) -> bool:
    """il y a trois ans, cinq ans plus tard, dans deux mois, il y a 1 000, voire 2 000 ans."""
    if c.amount.unit not in LOCATING_UNITS and _shared_unit(c) not in LOCATING_UNITS:
        return False
    sc, i, end = c.sc, c.i, c.end
    x = i
    while x > i - 3 and sc.low(x - 1) in RELATIVE_ADVERBS:
        x -= 1  # il y a tout juste un mois
    if sc.low(x - 1) in _SHARING_WORDS:  # the 2 000 ans of "il y a 1 000, voire 2 000 ans"
        y = x - 2 if sc.low(x - 2) == "," else x - 1
        if sc.kind(y - 1) == "num":
            x = y - 1
    before = [sc.low(y) for y in range(x - 3, x)]
    if before[-3:] == ["il", "y", "a"] or before[-2:] == ["y", "a"]:
        return True
    k = end + 3 if (sc.low(end), sc.low(end + 1), sc.low(end + 2)) == _DAY_FOR_DAY else end
    if sc.low(i - 1) == "à" and (
        sc.low(k) in {"du", "des"}
        or (sc.low(k) in {"de", "d'"} and sc.low(k + 1) in EVENT_DETERMINERS)
    ):
        return True  # à dix jours de l'élection (but: condamné à 5 ans de prison)
    if (
        sc.low(i - 1) in {"de", "d'"}
        and sc.low(i - 2) in PRECEDE_FORMS
        and sc.low(end) not in {"de", "d'"}  # but: précédé de 20 minutes de silence
    ):
        return True  # qui précède de deux siècles la poste: one event placed before another
    if sc.low(i - 1) in DURATION_BEFORE or (c.prev in DURATION_BEFORE and i == c.num_idx):
        return False  # un confinement de trois semaines après, pendant plus de deux heures avant
    k = end
    while k < end + 2 and sc.low(k) in RELATIVE_ADVERBS and sc.low(k) != "plus":
        k += 1  # deux ans seulement après
    following = (sc.low(k), sc.low(k + 1))
    if following in TIME_LOCATING_AFTER or following[:1] in TIME_LOCATING_AFTER:
        return True
    if c.prev == "ici" and sc.low(c.num_idx - 2) == "d'":
        return True  # d'ici cinq ans (RN23)
    # dans deux mois (but: "disponible dans 60 jours au maximum", a time limit, R4)
    return c.prev == "dans" and i == c.num_idx and c.amount.modifier != "max"


def _shared_unit(c: Candidate) -> str | None:
    """The unit that a bare first value shares with the next one: '1 000, voire 2 000 ans'."""
    sc, k = c.sc, c.end
    if c.amount.unit is not None:
        return None
    if sc.low(k) == ",":
        k += 1
    if sc.low(k) not in _SHARING_WORDS or sc.kind(k + 1) != "num":
        return None
    found = sc.unit_at(k + 2, after_digits=True)
    return found.unit if found else None


_SHARING_WORDS = frozenset({"voire", "ou", "à", "et"})


def _first_months(c: Candidate) -> bool:
    """au cours des neuf premiers mois, ces deux dernières années, les deux prochaines années."""
    sc, k = c.sc, c.num_idx
    after = sc.low(k + 1)
    if after in FIRST_LAST and sc.low(k - 1) in PLURAL_DETERMINERS and sc.low(k - 2) in DURING:
        return True
    if (  # au cours des 30 ou 40 dernières années: a range of windows dates the event too
        c.amount.value_max is not None
        and c.i == k
        and sc.low(k - 1) in PLURAL_DETERMINERS
        and sc.low(k - 2) in DURING
        and any(sc.low(x) in FIRST_LAST for x in range(k, c.end + 1))
    ):
        return True
    if sc.low(k - 1) in FIRST_LAST and sc.low(k - 2) in PLURAL_DETERMINERS:
        return sc.low(k - 3) in DURING  # au cours des dernières 24 heures
    if c.amount.unit not in LOCATING_UNITS:
        return False  # but: sept points sur les neuf derniers (matchs)
    if after in FIRST_LAST and sc.low(k - 1) in PLURAL_DETERMINERS and sc.low(k - 2) == "sur":
        return True  # sur les cinq premiers mois
    if any(sc.low(x) in NEXT_WORDS for x in range(k + 2, c.end)):
        return True  # les deux ou trois prochaines années
    if after in FIRST_LAST and sc.low(k - 1) in {"les", "des"} and c.i == k:
        # la revue des 30 dernières années; but: pendant les quatre dernières années (RN23)
        return sc.low(k - 2) not in WINDOW_DURATION_BEFORE
    return after in NEXT_WORDS or (after in FIRST_LAST and sc.low(k - 1) == "ces")


def _first_n(c: Candidate) -> bool:
    """les trois premiers: a rank, not an amount ('les dix premiers jours' is a window)."""
    return c.sc.low(c.num_idx + 1) in {"premiers", "premières"} and c.amount.unit is None


def _best_n(c: Candidate) -> bool:
    """les 100 meilleurs joueurs, l'un des trois meilleurs: a rank (RN26); 'ses trois meilleurs'
    counts."""
    return (
        c.sc.low(c.num_idx + 1) in BEST_WORDS
        and c.prev in {"les", "des"}
        and c.i == c.num_idx
        and c.amount.unit is None
    )


def _part_label(c: Candidate) -> bool:
    """les parties un et deux, l'épisode 3, chapitres 4 à 6: numbers that label parts."""
    if c.i != c.num_idx or c.amount.unit is not None or c.amount.modifier not in {None, "range"}:
        return False
    sc, x = c.sc, c.i - 1
    while x > c.i - 6 and (
        sc.low(x) in {"et", ",", "ou", "à"}
        or sc.kind(x) == "num"
        or sc.low(x) in ARTICLE_ONES
        or (x >= 0 and is_number_word(sc.toks[x]))
    ):
        x -= 1  # back over the list before the number: "un et"
    return sc.low(x) in LABEL_NOUNS


def _race_name(c: Candidate) -> bool:
    """le 200 m, du 100 mètres, au 400 m: a race named by its distance."""
    return (
        c.amount.unit == "m"
        and c.amount.modifier is None
        and c.i == c.num_idx
        and c.num.kind == "num"
        and c.prev in RACE_DETERMINERS
    )


def _street_number(c: Candidate) -> bool:
    """au 12 rue de la Liberté, 5 avenue Hassan II: a house number."""
    return (
        c.amount.unit is None
        and c.amount.modifier is None
        and c.i == c.num_idx
        and c.end == c.num_idx + 1
        and c.num.kind == "num"
        and c.nxt in STREET_NOUNS
    )


def _zero_word(c: Candidate) -> bool:
    """zéro émission, net zéro, le zéro clic, à zéro: 'zéro' spelled out with no unit names a
    goal or a state, no count (not: des taux proches de zéro)."""
    if c.num.low not in ZERO_WORDS or c.amount.unit is not None or c.end != c.num_idx + 1:
        return False
    if c.prev == "de" and c.sc.low(c.num_idx - 2) in NEAR_WORDS:
        return False
    nxt = c.sc.toks[c.end] if c.end < len(c.sc.toks) else None
    return c.prev in ZERO_STATE_BEFORE or (
        nxt is not None
        and nxt.kind == "word"
        and nxt.text.isalpha()
        and nxt.text.islower()
        and nxt.low not in {"et", "ou", "virgule"}
    )


def _pronoun_un(c: Candidate) -> bool:
    """l'un, les uns: pronouns."""
    return c.sc.toks[c.i].low in ARTICLE_ONES and c.prev in {"l'", "l"} and c.end == c.i + 1


# In order: the first rule that matches names the exclusion.
RULES: tuple[tuple[str, Rule], ...] = (
    ("glued_to_word", _glued_to_word),
    ("word_hyphen_code", _word_hyphen_code),
    ("dotted_code", _dotted_code),
    ("ordinal_suffix", _ordinal_suffix),
    ("glued_word_after", _glued_word_after),
    ("digit_date_or_clock", _digit_date_or_clock),
    ("glued_to_digits", _glued_to_digits),
    ("identifier_code", _identifier_code),
    ("after_slash_or_colon", _after_slash_or_colon),
    ("legal_reference", _legal_reference),
    ("identifier_word_before", _identifier_word_before),
    ("identifier_list", _identifier_list),
    ("rank_number", _rank_number),
    ("name_with_digits", _name_with_digits),
    ("channel_code", _channel_code),
    ("capitalised_head", _capitalised_head),
    ("idiom", _idiom),
    ("unit_gloss", _unit_gloss),
    ("capital_code_before", _capital_code_before),
    ("number_sign", _number_sign),
    ("digit_chain", _digit_chain),
    ("two_digit_groups", _two_digit_groups),
    ("bare_mil", _bare_mil),
    ("ordinal_word", _ordinal_word),
    ("named_group", _named_group),
    ("capitalised_name", _capitalised_name),
    ("hyphenated_name", _hyphenated_name),
    ("hyphen_compound_after", _hyphen_compound_after),
    ("day_of_month", _day_of_month),
    ("day_without_month", _day_without_month),
    ("after_weekday", _after_weekday),
    ("clock_time", _clock_time),
    ("reference_mark", _reference_mark),
    ("version_number", _version_number),
    ("coordinate", _coordinate),
    ("list_number", _list_number),
    ("score", _score),
    ("decade", _decade),
    ("year", _year),
    ("old_year", _old_year),
    ("era", _era),
    ("half_period", _half_period),
    ("year_range", _year_range),
    ("equal_bounds", _equal_bounds),
    ("dialled_number", _dialled_number),
    ("time_locating", _time_locating),
    ("first_months", _first_months),
    ("first_n", _first_n),
    ("best_n", _best_n),
    ("part_label", _part_label),
    ("race_name", _race_name),
    ("street_number", _street_number),
    ("zero_word", _zero_word),
    ("pronoun_un", _pronoun_un),
)
RULE_NAMES = tuple(name for name, _ in RULES)


def candidate(sc: Scanner, i: int, end: int, amount: Amount) -> Candidate:
    """The context the rules read for the amount at tokens [i, end)."""
    toks = sc.toks
    # the number token; without one ("plus de la moitié") the last token, after the hedge
    fallback = end - 1 if toks[i].low in MODIFIERS_FIRST else i
    num_idx = next(
        (x for x in range(i, end) if toks[x].kind == "num" or is_number_word(toks[x])), fallback
    )
    return Candidate(sc, i, end, amount, num_idx, toks[num_idx], sc.low(num_idx - 1), sc.low(end))


def rule_for(sc: Scanner, i: int, end: int, amount: Amount) -> str | None:
    """Name of the first rule that excludes the amount at tokens [i, end), or None."""
    cand = candidate(sc, i, end, amount)
    for name, rule in RULES:
        if rule(cand):
            return name
    return None
