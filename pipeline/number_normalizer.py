"""French amounts: find them in running text and normalise them.

Pure Python (no spaCy). Two entry points:

- :func:`normalize` turns one amount expression ("environ 48.963", "plus de
  3,5 millions d'euros", "de 10 à 20 %") into an :class:`Amount`.
- :func:`find_amounts` scans running text and returns every amount with its
  character offsets, skipping years, dates, clock times, ordinals, scores
  and identifiers.

:func:`parse_number` reads a bare number in digits or words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from text_to_num import text2num

from .errors import Errors, NotAnAmount

Number = int | float

# --------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------

UNITS_WORDS = {
    "zéro",
    "zero",
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
}
TENS_WORDS = {
    "vingt",
    "vingts",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "septante",
    "huitante",
    "octante",
    "nonante",
}
SCALE_IN_WORDS = {"cent", "cents", "mille", "mil", "million", "millions", "milliard", "milliards"}
NUMBER_WORDS = UNITS_WORDS | TENS_WORDS | SCALE_IN_WORDS

SCALES: dict[str, int] = {
    "mille": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "milliard": 1_000_000_000,
    "milliards": 1_000_000_000,
    "billion": 1_000_000_000_000,
    "billions": 1_000_000_000_000,
}
# Suffixes glued to digits ("100k", "3M", "1,2Md") or standing after them ("3 Mds €").
SUFFIX_SCALES: dict[str, int] = {
    "k": 1_000,
    "K": 1_000,
    "M": 1_000_000,
    "Md": 1_000_000_000,
    "Mds": 1_000_000_000,
    "Mrd": 1_000_000_000,
    "Mrds": 1_000_000_000,
    "G": 1_000_000_000,
}

# "une dizaine" (approx) / "des dizaines" (min)
COLLECTIVES: dict[str, int] = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1_000,
}
PLURAL_COLLECTIVES: dict[str, int] = {
    "dizaines": 10,
    "centaines": 100,
    "milliers": 1_000,
    "millions": 1_000_000,
    "milliards": 1_000_000_000,
}
FRACTION_DENOMINATORS: dict[str, int] = {
    "demi": 2,
    "demis": 2,
    "tiers": 3,
    "quart": 4,
    "quarts": 4,
    "cinquième": 5,
    "cinquièmes": 5,
    "sixième": 6,
    "dixième": 10,
    "dixièmes": 10,
    "centième": 100,
}

CURRENCY_UNITS: dict[tuple[str, ...], str] = {
    ("euro",): "EUR",
    ("euros",): "EUR",
    ("€",): "EUR",
    ("eur",): "EUR",
    ("dollar",): "USD",
    ("dollars",): "USD",
    ("$",): "USD",
    ("usd",): "USD",
    ("us$",): "USD",
    ("dollars", "américains"): "USD",
    ("dollar", "américain"): "USD",
    ("dollars", "us"): "USD",
    ("dollars", "canadiens"): "CAD",
    ("dollar", "canadien"): "CAD",
    ("$", "ca"): "CAD",
    ("cad",): "CAD",
    ("$", "can"): "CAD",
    ("dirham",): "MAD",
    ("dirhams",): "MAD",
    ("dh",): "MAD",
    ("dhs",): "MAD",
    ("mad",): "MAD",
    ("fcfa",): "XOF",
    ("f", "cfa"): "XOF",
    ("francs", "cfa"): "XOF",
    ("franc", "cfa"): "XOF",
    ("xof",): "XOF",
    ("xaf",): "XAF",
    ("francs", "suisses"): "CHF",
    ("francs",): "FRANC",
    ("franc",): "FRANC",
    ("$", "us"): "USD",
    ("franc", "suisse"): "CHF",
    ("chf",): "CHF",
    ("livres", "sterling"): "GBP",
    ("livre", "sterling"): "GBP",
    ("£",): "GBP",
    ("gbp",): "GBP",
    ("livres",): "GBP",
    ("livre",): "GBP",
    ("pounds",): "GBP",
    ("pound",): "GBP",
    ("dinars", "algériens"): "DZD",
    ("dinar", "algérien"): "DZD",
    ("dzd",): "DZD",
    ("dinars", "tunisiens"): "TND",
    ("dinar", "tunisien"): "TND",
    ("tnd",): "TND",
    ("dinars",): "DZD",
    ("dinar",): "DZD",
    ("yen",): "JPY",
    ("yens",): "JPY",
    ("yuan",): "CNY",
    ("yuans",): "CNY",
    ("ouguiya",): "MRU",
    ("ouguiyas",): "MRU",
    ("naira",): "NGN",
    ("nairas",): "NGN",
    ("cedi",): "GHS",
    ("cedis",): "GHS",
    ("shekel",): "ILS",
    ("shekels",): "ILS",
    ("roupie",): "INR",
    ("roupies",): "INR",
    ("rouble",): "RUB",
    ("roubles",): "RUB",
    ("riyal",): "SAR",
    ("riyals",): "SAR",
    ("rial",): "IRR",
    ("rials",): "IRR",
    ("francs", "guinéens"): "GNF",
    ("francs", "congolais"): "CDF",
}
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "chf": "CHF",
    "mad": "MAD",
}
MEASURE_UNITS: dict[tuple[str, ...], str] = {
    ("%",): "%",
    ("pour", "cent"): "%",
    ("pourcent",): "%",
    ("pour", "100"): "%",
    ("points", "de", "pourcentage"): "point",
    ("point", "de", "pourcentage"): "point",
    ("km",): "km",
    ("kilomètre",): "km",
    ("kilomètres",): "km",
    ("kilometre",): "km",
    ("kilometres",): "km",
    ("m",): "m",
    ("mètre",): "m",
    ("mètres",): "m",
    ("metre",): "m",
    ("metres",): "m",
    ("cm",): "cm",
    ("centimètre",): "cm",
    ("centimètres",): "cm",
    ("centimetres",): "cm",
    ("mm",): "mm",
    ("millimètre",): "mm",
    ("millimètres",): "mm",
    ("km", "²"): "km²",
    ("km²",): "km²",
    ("km2",): "km²",
    ("kilomètres", "carrés"): "km²",
    ("m", "²"): "m²",
    ("m²",): "m²",
    ("m2",): "m²",
    ("mètres", "carrés"): "m²",
    ("m", "³"): "m³",
    ("m³",): "m³",
    ("m3",): "m³",
    ("mètres", "cubes"): "m³",
    ("ha",): "ha",
    ("hectare",): "ha",
    ("hectares",): "ha",
    ("kg",): "kg",
    ("kilo",): "kg",
    ("kilos",): "kg",
    ("kilogramme",): "kg",
    ("kilogrammes",): "kg",
    ("g",): "g",
    ("gramme",): "g",
    ("grammes",): "g",
    ("t",): "t",
    ("quintal",): "q",
    ("quintaux",): "q",
    ("km³",): "km³",
    ("km", "³"): "km³",
    ("tonne",): "t",
    ("tonnes",): "t",
    ("l",): "l",
    ("litre",): "l",
    ("litres",): "l",
    ("ml",): "ml",
    ("millilitre",): "ml",
    ("millilitres",): "ml",
    ("cl",): "cl",
    ("centilitre",): "cl",
    ("centilitres",): "cl",
    ("hl",): "hl",
    ("hectolitre",): "hl",
    ("hectolitres",): "hl",
    ("gallon",): "gal",
    ("gallons",): "gal",
    ("gal",): "gal",
    ("mile",): "mi",
    ("miles",): "mi",
    ("mi",): "mi",
    ("milles", "nautiques"): "nmi",
    ("mille", "nautique"): "nmi",
    ("°", "c"): "°C",
    ("°c",): "°C",
    ("degrés", "celsius"): "°C",
    ("degré", "celsius"): "°C",
    ("degres", "celsius"): "°C",
    ("degré", "c"): "°C",
    ("degrés", "c"): "°C",
    ("°", "celsius"): "°C",
    ("celsius",): "°C",
    ("°", "f"): "°F",
    ("°f",): "°F",
    ("degrés", "fahrenheit"): "°F",
    ("degrès", "f"): "°F",
    ("degrés", "f"): "°F",
    ("°", "fahrenheit"): "°F",
    ("fahrenheit",): "°F",
    ("°",): "°",
    ("degré",): "°",
    ("degrés",): "°",
    ("degres",): "°",
    ("deg",): "°",
    ("km", "/", "h"): "km/h",
    ("mw",): "MW",
    ("gw",): "GW",
    ("kw",): "kW",
    ("kwh",): "kWh",
    ("mwh",): "MWh",
    ("gwh",): "GWh",
    ("twh",): "TWh",
    ("mégawatts",): "MW",
    ("gigawatts",): "GW",
}
TIME_UNITS: dict[tuple[str, ...], str] = {
    ("an",): "an",
    ("ans",): "an",
    ("année",): "an",
    ("années",): "an",
    ("mois",): "mois",
    ("semaine",): "semaine",
    ("semaines",): "semaine",
    ("jour",): "jour",
    ("jours",): "jour",
    ("journée",): "jour",
    ("journées",): "jour",
    ("heure",): "heure",
    ("heures",): "heure",
    ("h",): "heure",
    ("minute",): "minute",
    ("minutes",): "minute",
    ("min",): "minute",
    ("mins",): "minute",
    ("mn",): "minute",
    ("seconde",): "seconde",
    ("secondes",): "seconde",
    ("sec",): "seconde",
    ("siècle",): "siècle",
    ("siècles",): "siècle",
    ("décennie",): "décennie",
    ("décennies",): "décennie",
    ("trimestre",): "trimestre",
    ("trimestres",): "trimestre",
    ("semestre",): "semestre",
    ("semestres",): "semestre",
    ("nuit",): "nuit",
    ("nuits",): "nuit",
}
FOIS_UNITS: dict[tuple[str, ...], str] = {("fois",): "fois"}

ALL_UNITS: dict[tuple[str, ...], str] = {
    **CURRENCY_UNITS,
    **MEASURE_UNITS,
    **TIME_UNITS,
    **FOIS_UNITS,
}
# Single-letter or symbol units only count right after digits.
DIGIT_ONLY_UNITS = {
    ("m",),
    ("g",),
    ("t",),
    ("l",),
    ("h",),
    ("°",),
    ("mi",),
    ("min",),
    ("ml",),
    ("cl",),
    ("hl",),
    ("mm",),
    ("cm",),
    ("km",),
    ("ha",),
    ("kg",),
}
CASE_SENSITIVE_UNITS = {("m",): "m", ("t",): "t", ("g",): "g", ("l",): "l", ("h",): "h"}

MODIFIERS: dict[tuple[str, ...], str | None] = {
    ("environ",): "approx",
    ("près", "des"): "approx",
    ("au-dessus", "de"): "min",
    ("au-dessus", "d'"): "min",
    ("près", "de"): "approx",
    ("près", "d'"): "approx",
    ("quelque",): "approx",
    ("autour", "de"): "approx",
    ("autour", "d'"): "approx",
    ("presque",): "approx",
    ("approximativement",): "approx",
    ("à", "peu", "près"): "approx",
    ("quasi",): "approx",
    ("quasiment",): "approx",
    ("grosso", "modo"): "approx",
    ("aux", "alentours", "de"): "approx",
    ("de", "l'ordre", "de"): "approx",
    ("de", "l'ordre", "d'"): "approx",
    ("pratiquement",): "approx",
    ("plus", "de"): "min",
    ("plus", "d'"): "min",
    ("plus", "que"): "min",
    ("au", "moins"): "min",
    ("au-delà", "de"): "min",
    ("au-delà", "d'"): "min",
    ("pas", "moins", "de"): "min",
    ("pas", "moins", "d'"): "min",
    ("au", "minimum"): "min",
    ("minimum",): "min",
    ("plus", "de", "la"): "min",
    ("au", "bas", "mot"): "min",
    ("moins", "de"): "max",
    ("moins", "d'"): "max",
    ("jusqu'", "à"): "max",
    ("jusqu'", "aux"): "max",
    ("au", "plus"): "max",
    ("au", "maximum"): "max",
    ("maximum",): "max",
    ("pas", "plus", "de"): "max",
    ("pas", "plus", "d'"): "max",
    ("en-dessous", "de"): "max",
    ("en", "dessous", "de"): "max",
    ("à", "peine"): "max",
    ("tout", "au", "plus"): "max",
    ("exactement",): None,
    ("précisément",): None,
}

MONTHS = {
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
}
WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
YEAR_CONTEXT_BEFORE = {
    "en",
    "depuis",
    "de",
    "d'",
    "année",
    "an",
    "exercice",
    "fin",
    "début",
    "mi",
    "été",
    "hiver",
    "printemps",
    "automne",
    "au",
    "à",
    "avant",
    "après",
    "dès",
    "jusqu'en",
    "le",
    "la",
    "l'",
    "saison",
    "budget",
    "horizon",
    "d'ici",
    "entre",
    "et",
    "janvier",
    "courant",
    "vers",
    "pour",
    "ou",
    "du",
    "des",
    "dans",
    "années",
    "campagne",
    "promotion",
    "édition",
    "cuvée",
    "millésime",
    "olympiques",
    "mondial",
    "coupe",
    "can",
    "euro",
    "élections",
    "présidentielle",
    "législatives",
    "recensement",
    "rentrée",
    "bilan",
    "rapport",
    "loi",
    "plan",
    "vision",
    "stratégie",
    "agenda",
    "programme",
    "ans",
    "cop",
    "jusqu'à",
    "sur",
    "par",
    "contre",
    "que",
} | MONTHS
IDENTIFIER_BEFORE = {
    "article",
    "articles",
    "art.",
    "loi",
    "décret",
    "dahir",
    "n°",
    "no",
    "nº",
    "numéro",
    "vol",
    "route",
    "rn",
    "autoroute",
    "chapitre",
    "alinéa",
    "page",
    "p.",
    "paragraphe",
    "section",
    "résolution",
    "ligne",
    "bus",
    "chambre",
    "salle",
    "tome",
    "annexe",
    "circulaire",
    "arrêté",
    "dossier",
    "affaire",
    "code",
    "boeing",
    "airbus",
    "covid",
    "mig",
    "su",
    "f",
    "rafale",
    "version",
    "niveau",
    "catégorie",
    "zone",
    "bloc",
    "porte",
    "quai",
    "terminal",
    "tramway",
    "métro",
    "lot",
    "case",
    "colonne",
    "tableau",
    "figure",
    "graphique",
    "point",
    "rue",
    "avenue",
    "boulevard",
    "km",
    "pk",
}
TIME_LOCATING_AFTER = {
    ("plus", "tard"),
    ("plus", "tôt"),
    ("auparavant",),
    ("après",),
    ("avant",),
    ("premiers",),
    ("premières",),
    ("premier",),
    ("première",),
}
SCORE_CONTEXT = {
    "score",
    "victoire",
    "défaite",
    "match",
    "nul",
    "battu",
    "battus",
    "battue",
    "mi-temps",
    "s'est",
    "imposé",
    "imposés",
    "l'emporte",
    "emporté",
    "vainqueur",
    "vainqueurs",
    "s'imposer",
    "face",
    "contre",
    "sets",
    "set",
    "buts",
}
ARTICLE_ONES = {"un", "une"}

# --------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------

SEP = "[ \u00a0\u202f]"
TOKEN_RE = re.compile(
    r"(?P<num>"
    r"(?<![\d.,])\d{1,3}(?:" + SEP + r"\d{3}(?!\d))+(?:,\d+)?"  # 4 388 / 3 000 000 / 10 000,00
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d+)?"  # 48.963 / 6.700,54
    r"|(?<![\d.,])\d{1,3}(?:['’]\d{3}(?!\d))+(?:[.,]\d+)?"  # Swiss 27'740
    r"|\d+,\d+"  # 3,5
    r"|\d+\.\d{1,2}(?!\d)"  # 3.5
    r"|\d+"
    r")"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*['’]?)"
    r"|(?P<sym>\S)"
)


@dataclass(frozen=True)
class Token:
    """A scanner token with its character offsets."""

    text: str
    start: int
    end: int
    kind: str  # "num", "word" or "sym"

    @property
    def low(self) -> str:
        return self.text.replace("’", "'").lower()


def tokenize(text: str) -> list[Token]:
    """Split text into number, word and symbol tokens with offsets."""
    tokens: list[Token] = []
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup or "sym"
        tokens.append(Token(match.group(), match.start(), match.end(), kind))
    return tokens


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    """A normalised amount, as in the gold format's QUANTITY keys."""

    value: Number
    value_max: Number | None = None
    unit: str | None = None
    modifier: str | None = None


@dataclass(frozen=True)
class AmountMatch:
    """An amount found in running text."""

    start: int
    end: int
    text: str
    amount: Amount
    object_hint: str | None = None
    words_only: bool = False
    unit_end: int = field(default=-1)


def _clean(value: float) -> Number:
    """Round away float noise and return an int when the value is whole."""
    rounded = round(value, 6)
    if rounded == int(rounded) and abs(rounded) < 1e18:
        return int(rounded)
    if abs(rounded) < 1:
        return round(rounded, 4)
    return rounded


def _digits_value(raw: str) -> float:
    """Value of a digit token such as '48.963', '4 388', '3,5', '6.700,54'."""
    text = raw
    if "'" in text or "’" in text:  # Swiss grouping: 27'740.50
        text = text.replace("'", "").replace("’", "").replace(".", ",")
    for space in (" ", "\u00a0", "\u202f"):
        text = text.replace(space, "")
    if "," in text:
        whole, _, frac = text.rpartition(",")
        whole = whole.replace(".", "")
        return float(f"{whole or '0'}.{frac}")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text)


def _words_value(words: Sequence[str]) -> int | None:
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


def _is_number_word(tok: Token) -> bool:
    if tok.kind != "word":
        return False
    parts = tok.low.split("-")
    return all(p in NUMBER_WORDS or p == "et" for p in parts) and parts[0] != "et"


class _Scanner:
    """Left-to-right parser over tokens."""

    def __init__(self, text: str, *, dollar: str = "USD", franc: str = "CHF") -> None:
        self.text = text
        self.toks = tokenize(text)
        self.dollar = dollar
        self.franc = franc

    # -- small helpers ----------------------------------------------------
    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def adjacent(self, i: int, j: int) -> bool:
        """True when token j starts right where token i ends (no space)."""
        return self.toks[i].end == self.toks[j].start

    def match_table(
        self, i: int, table: Mapping[tuple[str, ...], str | None]
    ) -> tuple[int, str | None] | None:
        """Longest entry of ``table`` starting at token i: (next index, value)."""
        for size in (3, 2, 1):
            key = tuple(self.low(k) for k in range(i, i + size))
            if len(key) == size and all(key) and key in table:
                if size > 1 and not self._contiguous(i, i + size):
                    continue
                return i + size, table[key]
        return None

    def _contiguous(self, i: int, j: int) -> bool:
        """No line break or punctuation gap between tokens i..j-1."""
        gap = self.text[self.toks[i].start : self.toks[j - 1].end]
        return "\n" not in gap

    def is_sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        prev = self.toks[i - 1]
        return (
            prev.text in {".", "!", "?", ":", "«", '"', "(", "–", "-", "—"}
            or "\n" in self.text[prev.end : self.toks[i].start]
        )

    # -- number cores -----------------------------------------------------
    def number_at(self, i: int) -> tuple[int, float, bool] | None:
        """A number (digits, words, or both with a scale) at i: (next, value, words_only)."""
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        if tok.kind == "num":
            value = _digits_value(tok.text)
            j = i + 1
            # glued suffix scale: 100k, 3M, 1,2Md
            if j < len(self.toks) and self.adjacent(i, j) and self.toks[j].text in SUFFIX_SCALES:
                nxt = j + 1
                if (
                    nxt >= len(self.toks)
                    or not self.adjacent(j, nxt)
                    or self.toks[nxt].kind != "word"
                ):
                    return j + 1, value * SUFFIX_SCALES[self.toks[j].text], False
            # spaced scale words: 3,5 millions / 30 mille / 3 Mds
            while j < len(self.toks) and (
                self.low(j) in SCALES or self.toks[j].text in {"Md", "Mds", "Mrd", "Mrds", "M"}
            ):
                word = self.toks[j].text
                if word == "M" and not (
                    j + 1 < len(self.toks) and self.toks[j + 1].text in {"€", "$", "£", "d'", "de"}
                ):
                    break
                scale = SCALES.get(self.low(j)) or SUFFIX_SCALES[word]
                value *= scale
                j += 1
            return j, value, False
        if tok.kind == "word" and _is_number_word(tok):
            if tok.low in ARTICLE_ONES and self.low(i + 1) not in set(SCALES) - {"mille"}:
                return None  # "un"/"une" is an article unless a scale word follows
            j = i
            words: list[str] = []
            while j < len(self.toks) and (
                _is_number_word(self.toks[j]) or (self.low(j) == "et" and words)
            ):
                words.append(self.toks[j].text)
                j += 1
            while words and words[-1].lower() == "et":
                words.pop()
                j -= 1
            # back off until text2num accepts the run
            while words:
                value_w = _words_value(words)
                if value_w is not None:
                    break
                words.pop()
                j -= 1
                while words and words[-1].lower() == "et":
                    words.pop()
                    j -= 1
            else:
                return None
            return j, float(value_w), True
        return None

    def one_scale_at(self, i: int) -> tuple[int, float] | None:
        """'un million', 'un milliard', 'une centaine de milliers'..."""
        if self.low(i) in ARTICLE_ONES and self.low(i + 1) in SCALES and self.low(i + 1) != "mille":
            return i + 2, float(SCALES[self.low(i + 1)])
        return None

    # -- units --------------------------------------------------------------
    def unit_at(self, i: int, *, after_digits: bool) -> tuple[int, str] | None:
        """A unit at i (optionally after 'de'/'d''), the symbol units only after digits."""
        for size in (3, 2, 1):
            key = tuple(self.low(k) for k in range(i, i + size))
            if len(key) != size or not all(key):
                continue
            unit = ALL_UNITS.get(key)
            if unit is None:
                continue
            if size > 1 and not self._contiguous(i, i + size):
                continue
            if key in DIGIT_ONLY_UNITS and not after_digits:
                continue
            if key in CASE_SENSITIVE_UNITS and self.toks[i].text != CASE_SENSITIVE_UNITS[key]:
                continue
            if unit in {"USD"} and key == ("$",):
                unit = self.dollar
            if unit == "FRANC":
                unit = self.franc
            if key == ("h",) or key == ("heures",) or key == ("heure",):
                # 14 h 30, 14h30 are clock times, handled by the caller
                pass
            return i + size, unit
        return None

    # -- modifiers ----------------------------------------------------------
    def modifier_at(self, i: int) -> tuple[int, str | None] | None:
        return self.match_table(i, MODIFIERS)

    # -- one quantity -------------------------------------------------------
    def core_at(self, i: int) -> tuple[int, float, bool, bool] | None:
        """A number core: (next, value, words_only, is_vague_or_one)."""
        num = self.number_at(i)
        if num:
            return num[0], num[1], num[2], False
        return None

    def unit_after(self, j: int, *, after_digits: bool, scaled: bool) -> tuple[int, str] | None:
        """A unit right after a core, or 'de/d'' + unit after a scale word."""
        unit = self.unit_at(j, after_digits=after_digits)
        if unit:
            return unit
        if scaled and self.low(j) in {"de", "d'"}:
            unit = self.unit_at(j + 1, after_digits=False)
            if unit and unit[1] not in TIME_UNITS.values() and unit[1] != "fois":
                return unit
        return None

    def simple_at(self, i: int) -> tuple[int, Amount, bool] | None:
        """[currency prefix] core [scale] [unit] [et N centimes] at i."""
        prefix_unit: str | None = None
        k = i
        if (
            self.low(k) in CURRENCY_PREFIXES
            and k + 1 < len(self.toks)
            and self.toks[k + 1].kind == "num"
        ):
            prefix_unit = CURRENCY_PREFIXES[self.low(k)]
            if prefix_unit == "USD" and self.low(k) == "$":
                prefix_unit = self.dollar
            k += 1
        core = self.core_at(k)
        if core is None:
            return None
        j, value, words_only, _ = core
        digits = self.toks[k].kind == "num"
        scaled = any(
            self.low(x) in SCALES or self.toks[x].text in SUFFIX_SCALES for x in range(k, j)
        )
        unit: str | None = prefix_unit
        if unit is None:
            found = self.unit_after(j, after_digits=digits and not scaled, scaled=True)
            if found and self.low(j) in {"de", "d'"} and not scaled:
                found = None
            if found:
                j, unit = found
        # trois ans et demi, une heure et demie
        if self.low(j) == "et" and self.low(j + 1) in {"demi", "demie"}:
            value += 0.5
            j += 2
        # Moroccan shorthand: 3 MDH (millions of dirhams), 1,2 MMDH (billions)
        if unit is None and self.low(j) in {"mdh", "mmdh"}:
            value *= 1_000_000 if self.low(j) == "mdh" else 1_000_000_000
            unit = "MAD"
            j += 1
        # 1 USD et 23 centimes / 1 USD 23 cents
        if unit and unit not in {"%", "fois"} and unit in CURRENCY_UNITS.values():
            k2 = j + 1 if self.low(j) == "et" else j
            if (
                self.toks[k2 : k2 + 1]
                and self.toks[k2].kind == "num"
                and self.low(k2 + 1) in {"centimes", "cents", "centime", "cent"}
            ):
                value += _digits_value(self.toks[k2].text) / 100
                j = k2 + 2
        # 10 degres en dessous de zero
        if self.low(j) in {"en", "en-dessous"}:
            tail = [self.low(x) for x in range(j, j + 4)]
            if tail[:4] == ["en", "dessous", "de", "zéro"] or tail[:4] == [
                "en",
                "dessous",
                "de",
                "zero",
            ]:
                value = -value
                j += 4
        return j, Amount(_clean(value), None, unit, None), words_only

    def vague_at(self, i: int) -> tuple[int, Amount] | None:
        """'des centaines', 'plusieurs milliers', 'une dizaine', 'un millier'..."""
        first = self.low(i)
        word = self.low(i + 1)
        if first in {"des", "plusieurs", "quelques", "de"} and word in PLURAL_COLLECTIVES:
            value = float(PLURAL_COLLECTIVES[word])
            modifier = "min"
            j = i + 2
        elif first in ARTICLE_ONES and word in COLLECTIVES:
            value = float(COLLECTIVES[word])
            modifier = "approx"
            j = i + 2
        else:
            return None
        # des dizaines de milliers, une dizaine de millions
        if self.low(j) in {"de", "d'"} and self.low(j + 1) in {"milliers", "millions", "milliards"}:
            value *= PLURAL_COLLECTIVES[self.low(j + 1)]
            j += 2
        unit: str | None = None
        found = self.unit_after(j, after_digits=False, scaled=True)
        if found and self.low(j) in {"de", "d'"}:
            j, unit = found
        return j, Amount(_clean(value), None, unit, modifier)

    def fraction_at(self, i: int) -> tuple[int, Amount] | None:
        """'la moitié', 'un tiers', 'deux tiers', 'trois quarts'."""
        if self.low(i) == "la" and self.low(i + 1) == "moitié":
            return i + 2, Amount(0.5)
        if self.low(i) == "moitié":
            return i + 1, Amount(0.5)
        num = self.low(i)
        den = self.low(i + 1)
        if den in FRACTION_DENOMINATORS and (
            num in ARTICLE_ONES or _is_number_word(self.toks[i]) or self.toks[i].kind == "num"
        ):
            if den in {"demi", "demis"} and num in ARTICLE_ONES:
                return None
            numerator = (
                1.0
                if num in ARTICLE_ONES
                else (
                    _digits_value(self.toks[i].text)
                    if self.toks[i].kind == "num"
                    else float(_words_value([self.toks[i].text]) or 0)
                )
            )
            if numerator <= 0:
                return None
            # "un quart d'heure" is a duration, keep as a fraction of an hour
            return i + 2, Amount(_clean(numerator / FRACTION_DENOMINATORS[den]))
        return None

    def ratio_at(self, i: int) -> tuple[int, Amount, str | None] | None:
        """'un migrant sur trois', '1 sur 3', 'deux élèves sur cinq'."""
        if self.low(i) in ARTICLE_ONES:
            numerator = 1.0
        elif self.toks[i : i + 1] and (self.toks[i].kind == "num" or _is_number_word(self.toks[i])):
            got = self.number_at(i)
            if not got or got[0] != i + 1:
                return None
            numerator = got[1]
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
            if den is None and self.low(s + 1) in ARTICLE_ONES:
                continue
            if den is None or den[1] == 0 or den[0] != s + 2:
                continue
            if den[1] < numerator:
                continue
            # "dix sur dix" style marks are ratios too; years are not
            if self.toks[s + 1].kind == "num" and 1800 <= den[1] <= 2100:
                continue
            obj = None
            if gap:
                obj = self.text[self.toks[i + 1].start : self.toks[s - 1].end]
            return s + 2, Amount(_clean(numerator / den[1])), obj
        return None

    def quantity_at(self, i: int) -> tuple[int, Amount, bool, str | None] | None:
        """Any quantity starting at i: (next, amount, words_only, object_hint)."""
        ratio = self.ratio_at(i)
        if ratio:
            return ratio[0], ratio[1], False, ratio[2]
        vague = self.vague_at(i)
        if vague:
            return vague[0], vague[1], False, None
        frac = self.fraction_at(i)
        if frac:
            return frac[0], frac[1], False, None
        simple = self.simple_at(i)
        if simple:
            return simple[0], simple[1], simple[2], None
        # un/une + unit: "un an de prison", "une semaine", "un euro"
        if self.low(i) in ARTICLE_ONES:
            unit = self.unit_at(i + 1, after_digits=False)
            if unit and unit[1] != "fois":
                end, value = unit[0], 1.0
                if self.low(end) == "et" and self.low(end + 1) in {"demi", "demie"}:
                    end, value = end + 2, 1.5
                return end, Amount(_clean(value), None, unit[1], None), True, None
        return None

    def _scale_between(self, i: int, j: int) -> float:
        factor = 1.0
        for x in range(i, j):
            if self.low(x) in SCALES:
                factor *= SCALES[self.low(x)]
            elif self.toks[x].text in SUFFIX_SCALES and x > i and self.toks[x - 1].kind == "num":
                factor *= SUFFIX_SCALES[self.toks[x].text]
        return factor

    def _range(
        self,
        i1: int,
        first: tuple[int, Amount, bool, str | None],
        i2: int,
        second: tuple[int, Amount, bool, str | None],
    ) -> Amount:
        """A range amount; 'de 2 à 3 millions' shares the scale word of its upper bound."""
        low = first[1].value
        if self._scale_between(i1, first[0]) == 1.0:
            shared = self._scale_between(i2, second[0])
            if shared > 1.0 and low * shared <= second[1].value:
                low = _clean(low * shared)
        unit = second[1].unit or first[1].unit
        return Amount(low, second[1].value, unit, "range")

    def expression_at(self, i: int) -> tuple[int, Amount, bool, str | None] | None:
        """Modifier, range or plain quantity at i."""
        # entre X et Y
        if self.low(i) == "entre":
            first = self.quantity_at(i + 1)
            if first and self.low(first[0]) == "et":
                second = self.quantity_at(first[0] + 1)
                if second:
                    amount = self._range(i + 1, first, first[0] + 1, second)
                    return second[0], amount, first[2] and second[2], None
        # de X à Y
        if self.low(i) in {"de", "d'"}:
            first = self.quantity_at(i + 1)
            if first and self.low(first[0]) == "à":
                second = self.quantity_at(first[0] + 1)
                if second and (first[1].unit is None or second[1].unit in (None, first[1].unit)):
                    amount = self._range(i + 1, first, first[0] + 1, second)
                    return second[0], amount, first[2] and second[2], None
        # modifier + quantity
        mod = self.modifier_at(i)
        if mod:
            j, modifier = mod
            # "plus de la moitié": the table entry already ate "la"
            inner = self.quantity_at(j)
            if inner is None and self.low(j - 1) == "la" and self.low(j) == "moitié":
                inner = (j + 1, Amount(0.5), False, None)
            if inner is None and self.low(j - 1) == "la":
                return None
            if inner:
                amount = inner[1]
                if amount.modifier is None or modifier in {"min", "max"}:
                    amount = Amount(amount.value, amount.value_max, amount.unit, modifier)
                if self.low(j - 1) == "la" and self.low(j) != "moitié":
                    return None
                return inner[0], amount, inner[2], inner[3]
        # par moins 20 degrés: a negative temperature
        if self.low(i) == "moins" and self.toks[i + 1 : i + 2] and self.toks[i + 1].kind == "num":
            cold = self.quantity_at(i + 1)
            if cold and cold[1].unit in {"°C", "°F", "°"}:
                value = _clean(-float(cold[1].value))
                return cold[0], Amount(value, None, cold[1].unit, None), cold[2], None
        got = self.quantity_at(i)
        if got is None:
            return None
        j, amount, words_only, obj = got
        # 65 ans et plus, 140 jours au maximum
        if amount.modifier is None and amount.value_max is None:
            post = {("et", "plus"): "min", ("au", "maximum"): "max", ("au", "minimum"): "min"}
            modifier = post.get((self.low(j), self.low(j + 1)))
            if modifier:
                amount = Amount(amount.value, None, amount.unit, modifier)
                j += 2
        # X à Y %, X-Y dollars, X – Y
        if self.low(j) in {"à", "-", "–"} and amount.modifier is None:
            second = self.quantity_at(j + 1)
            if (
                second
                and second[1].modifier is None
                and (amount.unit is None or second[1].unit in (None, amount.unit))
            ):
                hyphen = self.low(j) != "à"
                unit = second[1].unit or amount.unit
                plausible = hyphen or unit is not None or second[2] == words_only
                if plausible and not (
                    hyphen and self._is_score(i, j, second[0], amount, second[1])
                ):
                    ranged = self._range(i, got, j + 1, second)
                    return second[0], ranged, words_only, obj
        return j, amount, words_only, obj

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

    # -- exclusions ---------------------------------------------------------
    def excluded(self, i: int, end: int, amount: Amount) -> bool:
        """Years, dates, clock times, ordinals, identifiers, time-locating phrases."""
        toks = self.toks
        first = toks[i]
        num_idx = next(
            (x for x in range(i, end) if toks[x].kind == "num" or _is_number_word(toks[x])), i
        )
        num = toks[num_idx]
        prev = self.low(num_idx - 1)
        nxt = self.low(end)
        # glued to letters or digits: G20, COVID-19, A320, M5S, 3e, 1er
        if num.kind == "num":
            if (
                num_idx > 0
                and self.adjacent(num_idx - 1, num_idx)
                and toks[num_idx - 1].kind == "word"
                and toks[num_idx - 1].low not in CURRENCY_PREFIXES
            ):
                return True
            if (
                num_idx > 1
                and toks[num_idx - 1].text in {"-", "/"}
                and self.adjacent(num_idx - 1, num_idx)
                and (toks[num_idx - 2].kind == "word" and self.adjacent(num_idx - 2, num_idx - 1))
            ):
                return True
            after = num_idx + 1
            if after < len(toks) and self.adjacent(num_idx, after):
                glued = toks[after].low
                if toks[after].kind == "word" and re.fullmatch(
                    r"(e|er|ere|ère|re|ème|eme|è|es|èmes|nd|nde|ᵉ)", glued
                ):
                    return True
                if (
                    toks[after].text in {"/", ":"}
                    and after + 1 < len(toks)
                    and toks[after + 1].kind == "num"
                ):
                    return True  # 24/02/2024, 14:30
                if toks[after].kind == "num":
                    return True
                if (
                    toks[after].text == "-"
                    and after + 1 < len(toks)
                    and toks[after + 1].kind == "num"
                    and self.adjacent(after, after + 1)
                    and prev in IDENTIFIER_BEFORE
                ):
                    return True  # loi 02-03
            if (
                num_idx > 0
                and toks[num_idx - 1].text in {"/", ":"}
                and self.adjacent(num_idx - 1, num_idx)
            ):
                return True
        if prev in IDENTIFIER_BEFORE and amount.unit is None and num_idx == i:
            return True
        if (
            num_idx == i
            and num_idx > 0
            and amount.unit is None
            and re.fullmatch(r"[A-Z]{1,3}", toks[num_idx - 1].text)
            and toks[num_idx - 1].low not in CURRENCY_PREFIXES
        ):
            return True  # vol AT 205, RN 7
        if num_idx > 0 and toks[num_idx - 1].text in {"n°", "°", "#"}:
            return True
        if num.kind == "num" and amount.value_max is None and self._in_digit_chain(num_idx):
            return True
        if num.kind == "word" and self.low(end).endswith(("ième", "ièmes")) and amount.unit is None:
            return True
        # capitalised number words inside a sentence are names (guerre des Six Jours)
        if num.kind == "word" and num.text[0].isupper() and not self.is_sentence_start(num_idx):
            return True
        # number words glued by a hyphen to other words: deux-roues, Trois-Rivières
        if num.kind == "word" and "-" in num.text and not _is_number_word(num):
            return True
        if (
            end < len(toks)
            and toks[end].text == "-"
            and self.adjacent(end - 1, end)
            and end + 1 < len(toks)
            and toks[end + 1].kind == "word"
            and self.adjacent(end, end + 1)
        ):
            return True
        # dates: 24 février, 1er mars, lundi 12
        if nxt in MONTHS and amount.unit is None and amount.value_max is None:
            return True
        if amount.value_max is not None and nxt in MONTHS:
            return True
        if prev in WEEKDAYS:
            return True
        # clock times: 14 h 30, 14h30, à 14 heures
        if amount.unit == "heure":
            last = toks[end - 1]
            if end < len(toks) and toks[end].kind == "num" and last.low == "h":
                return True
            if prev in {"à", "vers", "dès", "jusqu'à", "avant", "après", "de"} and last.low == "h":
                return True
            if prev == "à" and self.low(i) != "à":
                return True
        if (
            num.kind == "num"
            and self.low(num_idx + 1) == "h"
            and self.toks[num_idx + 2 : num_idx + 3]
            and self.toks[num_idx + 2].kind == "num"
        ):
            return True
        # years
        if self._looks_like_year(num_idx, amount) and i == num_idx:
            return True
        if (
            amount.value_max is not None
            and self._looks_like_year_range(amount)
            and amount.unit is None
        ):
            return True
        # time-locating: il y a trois ans, cinq ans plus tard, neuf premiers mois
        if amount.unit in {
            "an",
            "mois",
            "semaine",
            "jour",
            "heure",
            "siècle",
            "décennie",
            "minute",
            "trimestre",
        }:
            before = [self.low(x) for x in range(i - 3, i)]
            if before[-3:] == ["il", "y", "a"] or before[-2:] == ["y", "a"]:
                return True
            following = (self.low(end), self.low(end + 1))
            if following in TIME_LOCATING_AFTER or following[:1] in TIME_LOCATING_AFTER:
                return True
            if prev in {"dans"} and i == num_idx:
                return True
        if (
            self.low(num_idx + 1) in {"premiers", "premières", "derniers", "dernières"}
            and self.low(num_idx - 1) in {"des", "les", "ces"}
            and self.low(num_idx - 2) in {"cours", "lors", "durant", "pendant"}
        ):
            return True
        if self.low(num_idx + 1) in {"premiers", "premières"}:
            return True
        # "un" alone is never reached here; "l'un", "les uns" are pronouns
        return first.low in ARTICLE_ONES and prev in {"l'", "l"} and end == i + 1

    def _in_digit_chain(self, idx: int) -> bool:
        """Phone numbers, 02-03 codes, 14 h 30, scores: digits chained to digits."""
        toks = self.toks
        tok = toks[idx]
        if len(tok.text) > 1 and tok.text.startswith("0") and "," not in tok.text:
            return True
        if idx >= 2 and toks[idx - 1].text in {"-", "/", "h", "H"} and toks[idx - 2].kind == "num":
            if toks[idx - 1].text in {"-", "/"}:
                return self.adjacent(idx - 2, idx - 1) and self.adjacent(idx - 1, idx)
            return True
        if idx + 2 < len(toks) and toks[idx + 1].text in {"-", "/"} and toks[idx + 2].kind == "num":
            return self.adjacent(idx, idx + 1) and self.adjacent(idx + 1, idx + 2)
        return False

    def _looks_like_year(self, idx: int, amount: Amount) -> bool:
        tok = self.toks[idx]
        if tok.kind != "num" or not re.fullmatch(r"\d{4}", tok.text):
            return False
        value = int(tok.text)
        if not 1800 <= value <= 2100:
            return False
        if amount.unit is not None or amount.modifier is not None:
            return False
        prev = self.low(idx - 1)
        nxt_tok = self.toks[idx + 1] if idx + 1 < len(self.toks) else None
        if prev in YEAR_CONTEXT_BEFORE:
            return True
        if nxt_tok is None or nxt_tok.kind != "word":
            return True
        # "2024 migrants": a count when a lower-case plural noun follows
        word = nxt_tok.low
        if nxt_tok.text[0].isupper():
            return True
        return not (
            word.endswith(("s", "x"))
            and word
            not in {
                "plus",
                "mois",
                "pas",
                "sous",
                "dans",
                "vers",
                "sans",
                "puis",
                "alors",
                "depuis",
                "jamais",
                "après",
                "toujours",
                "moins",
                "très",
            }
        )

    @staticmethod
    def _looks_like_year_range(amount: Amount) -> bool:
        return all(
            isinstance(v, int) and 1800 <= v <= 2100 for v in (amount.value, amount.value_max)
        )

    # -- scan ---------------------------------------------------------------
    def scan(self) -> list[AmountMatch]:
        out: list[AmountMatch] = []
        i = 0
        n = len(self.toks)
        while i < n:
            got = self.expression_at(i)
            if got is None or got[0] <= i:
                i += 1
                continue
            end, amount, words_only, obj = got
            if self.excluded(i, end, amount):
                # skip the whole number so that its parts are not re-read
                i = max(i + 1, self._skip_number(i))
                continue
            start_char = self.toks[i].start
            end_char = self.toks[end - 1].end
            out.append(
                AmountMatch(
                    start=start_char,
                    end=end_char,
                    text=self.text[start_char:end_char],
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
            or _is_number_word(self.toks[j])
            or self.low(j) in MODIFIERS_FIRST
        ):
            j += 1
        return j + 1 if j < len(self.toks) and self.toks[j].text in {"-", "/", ":"} else j


MODIFIERS_FIRST = {key[0] for key in MODIFIERS} | {"entre", "de", "d'"}


def _normalize_text(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def find_amounts(text: str, *, dollar: str = "USD", franc: str = "CHF") -> list[AmountMatch]:
    """Every amount in running French text, in order, with offsets.

    ``dollar`` and ``franc`` are the ISO codes that a bare '$' and 'francs'
    stand for (CAD in Quebec, XOF in West Africa).
    """
    return _Scanner(_normalize_text(text), dollar=dollar, franc=franc).scan()


def normalize(text: str, *, dollar: str = "USD", franc: str = "CHF") -> Amount:
    """Normalise one amount expression; raise :class:`NotAnAmount` otherwise."""
    stripped = _normalize_text(text).strip()
    if not stripped:
        raise NotAnAmount(Errors.E001.format(text=text, reason="it is empty"))
    scanner = _Scanner(stripped, dollar=dollar, franc=franc)
    negative = False
    start = 0
    toks = scanner.toks
    if (toks and toks[0].text in {"-", "−"}) or (
        toks and toks[0].low == "moins" and len(toks) > 1 and toks[1].low not in {"de", "d'"}
    ):
        negative = True
        start = 1
    got = scanner.expression_at(start)
    if got is None:
        raise NotAnAmount(Errors.E001.format(text=text, reason="no amount found at its start"))
    end, amount, _, _ = got
    if end != len(toks):
        rest = stripped[toks[end].start :]
        raise NotAnAmount(Errors.E001.format(text=text, reason=f"{rest!r} is left over"))
    if scanner.excluded(start, end, amount) and not _whole_string_count(toks, start, end):
        raise NotAnAmount(
            Errors.E001.format(
                text=text, reason="it reads as a date, year, time, ordinal or identifier"
            )
        )
    if negative:
        amount = Amount(
            _clean(-float(amount.value)), amount.value_max, amount.unit, amount.modifier
        )
    return amount


def _whole_string_count(toks: Sequence[Token], start: int, end: int) -> bool:
    """A lone 4-digit number given alone is a count, not a year."""
    return end - start == 1 and toks[start].kind == "num"


def parse_number(text: str) -> Number:
    """Value of one bare number in digits or words ('4 388', 'quarante mille')."""
    stripped = _normalize_text(text).strip()
    scanner = _Scanner(stripped)
    toks = scanner.toks
    if not toks:
        raise NotAnAmount(Errors.E002.format(text=text))
    if all(t.kind == "word" for t in toks):
        value = _words_value([t.text for t in toks])
        if value is None:
            raise NotAnAmount(Errors.E002.format(text=text))
        return value
    got = scanner.number_at(0)
    if got is None or got[0] != len(toks):
        raise NotAnAmount(Errors.E002.format(text=text))
    return _clean(got[1])


def iter_values(matches: Iterable[AmountMatch]) -> list[Number]:
    """The values of some matches, for quick checks."""
    return [m.amount.value for m in matches]
