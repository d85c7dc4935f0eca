"""French time expressions that place a claim, resolved to ISO 8601 dates and intervals.

Pure Python (no spaCy). dateparser (already installed through trafilatura) reads
day dates ("le 3 mars 2024"); it has no notion of periods such as "au cours des neuf
premiers mois de cette année", "depuis 2016" or "jusqu'en 2030", nor of ISO intervals
and open ends, so those are the named patterns below. A value is given only when the
text (a written year, or the document date) fixes it; otherwise it is None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from .claim_time_words import (
    AGO_COUNTS,
    AGO_UNITS,
    AMOUNT_CUES,
    ANAPHOR_GRAINS,
    ANAPHOR_MAX_SENTENCES,
    ANAPHOR_SENTENCES,
    CENTURY_WORDS,
    CONNECTIVES,
    DATED_NOUN_NEXT,
    DATED_NOW,
    DAY_PART_EVENTS,
    EDGE_MONTHS,
    EDGE_PERIODS,
    ELAPSED_PERIODS,
    NAMED_YEAR_NOUNS,
    NEXT_UNITS,
    NOW_ADVERBS,
    PERIOD_EVENT_ADJECTIVES,
    PERIOD_EVENTS,
    PERIOD_NOUNS,
    PERIOD_QUALIFIERS,
    RATE_NOUNS,
    RECENT_UNITS,
    ROMAN_DIGITS,
    ROUND_COUNTS,
    SAME_TIMES,
    SO_FAR,
    TEMPORAL_ADJECTIVES,
    THIS_DAY_PARTS,
    THIS_PERIODS,
    WITHIN_UNITS,
)
from .claim_words import (
    DAY_PARTS,
    LAST_PERIODS,
    MONTHS,
    ORDINAL_WORDS,
    QUARTERS,
    SPAN_PERIODS,
    START_EVENTS,
    WEEKDAYS,
)

MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
YEAR = r"(?:19|20)\d{2}"
NUMBER = "|".join([*ORDINAL_WORDS, r"\d{1,2}"])
APOS = "['’]"
WEEKDAY = "|".join(WEEKDAYS)
LAST = "|".join(p.replace("'", APOS) for p in LAST_PERIODS)
NOW = "|".join(w.replace("'", APOS) for w in NOW_ADVERBS)
MY = rf"(?: (?P<y>{YEAR}))?"
SPAN_PERIOD = "|".join(SPAN_PERIODS)
START_EVENT = "|".join(START_EVENTS)
SHORT_YEAR = r"(?:19|20)?\d{2}"  # "2016-17", "(1965-75)"
# A decade named by its first year, any century ("dans les années 1760", "années 1990").
DECADE = r"(?:1\d|20)\d0"
# A century in Roman or Arabic figures with its ordinal mark ("XIXe", "19e", "XXIème"), or
# in words ("huitième").
CENTURY = r"(?-i:[IVXL]+)(?:e|ème|è)|\d{1,2}(?:e|ème|è)|" + "|".join(
    sorted(CENTURY_WORDS, key=len, reverse=True)
)
# the preposition of a period, which its phrase keeps ("au cours de la saison 2018/19")
SPAN_PREP = "pour|durant|pendant|sur|de|à|au cours de|lors de"
# a month of the year the text or the document's date gives ("en juillet de cette année",
# "en septembre de l'année dernière": the year before it)
OF_THIS_YEAR = (
    rf"(?P<this> de (?:cette année|l{APOS}année (?:en cours|(?P<rel>dernière|passée|prochaine))))"
)
# "au", or with its preposition "au cours du", "pendant le" ("au cours du premier trimestre")
IN_THE = r"(?:(?:au cours|lors) du|(?:pendant|durant) le|au|du|le)"
OF_YEAR = rf"(?: (?:de |de l{APOS}année )?(?P<y>{YEAR}))?"  # "trimestre de l'année 2021"
# a quarter or half of a year the text writes or the document's date gives ("au troisième
# trimestre 2023", "de cette année", "de l'année dernière", "de l'an dernier")
OF_YEAR_OR_THIS = (
    rf"(?: (?:de |de l{APOS}année )?(?P<y>{YEAR})|(?P<this> de (?:cette année"
    rf"|l{APOS}année (?:en cours|(?P<rel>dernière|passée|prochaine))"
    rf"|l{APOS}an (?P<rel_an>dernier|passé|prochain))))?"
)
AGO = (
    rf"(?:(?:{'|'.join(AGO_COUNTS)}|\d+) )?(?:(?:{'|'.join(ROUND_COUNTS)}) d(?:e |{APOS}))?"
    rf"(?:{'|'.join(AGO_UNITS)})"
)
SAME_TIME = "|".join(w.replace("'", APOS) for w in SAME_TIMES)
EVENT = "|".join(e.replace("-", r"\-") for e in PERIOD_EVENTS)
EDGE_EVENT = "|".join(e.replace("-", r"\-") for e in PERIOD_EVENTS if e not in DAY_PART_EVENTS)
RATE = "|".join(RATE_NOUNS)
DATED_NEXT = "|".join(w if w != "qu" else f"qu{APOS}" for w in DATED_NOUN_NEXT)
NOT_AMOUNT = "".join(rf"(?<!\b{w} )" for w in AMOUNT_CUES)
EVENT_ADJ = "|".join(PERIOD_EVENT_ADJECTIVES)
THIS = "ce|cet|cette"  # "pendant cette période", "au cours de cette décennie": one told of
# (not one a date right after it bounds, "pendant la période de soudure, de juin à août":
# that date places the claim)
PERIOD_NOUN = (
    rf"(?:{'|'.join(PERIOD_NOUNS)})(?!(?: (?:(?:de|du|d{APOS}) ?)?[\w-]+)?,? "
    rf"(?:de |d{APOS}|en |entre )(?:{MONTH}|{YEAR}))"
)
NEXT_UNITS_RE = "|".join(NEXT_UNITS)
RECENT_UNIT = "|".join(RECENT_UNITS)
N_YEARS = r"(?P<n>un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+) ans?"  # "deux ans"
THEN_ADVERB = (
    r"(?<=[^\W\d] )" + "".join(rf"(?<!\b{w} )" for w in CONNECTIVES) + r"alors\b(?! qu|['’])"
)
# a capitalised name ("de Yougoslavie", "du Viêt Nam") or a weekday ("la nuit de lundi")
EVENT_NAME = rf"(?:{'|'.join(WEEKDAYS)}|(?-i:[A-ZÉ])[\w-]*(?: (?-i:[A-ZÉ])[\w-]*)*)"


REL_AN = {"dernier": "dernière", "passé": "passée", "prochain": "prochaine"}  # "l'an dernier"


class TimeExpr(NamedTuple):
    """A time expression: offsets into the text, ISO value (or None), the rule that found it."""

    start: int
    end: int
    value: str | None
    rule: str
    # the value a year earlier, where the year comes from the document's date and the
    # period would start after it ("entre août et novembre" in a February article): what a
    # claim in the past means
    earlier: str | None = None


def _iso_date(text: str | None) -> date | None:
    """The document's date from ``meta.date`` ("2024-03-21", a datetime too), else None."""
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _ctx(year: int | None, offset: int = 0) -> str | None:
    return None if year is None else f"{year + offset:04d}"


def _num(word: str) -> int:
    return int(word) if word.isdigit() else ORDINAL_WORDS[word.lower()]


# (name, pattern); earlier rules win over later ones that overlap them.
RULES: list[tuple[str, str]] = [
    (  # "pour la campagne 2023-2024", "la saison 2022-2023", "en 2023-2024"
        "year_span",
        rf"(?:(?:{SPAN_PREP}) )?(?:la |l{APOS})(?:{SPAN_PERIOD})(?: \w+)? "
        rf"(?P<a>{YEAR})[-–/](?P<b>{SHORT_YEAR})\b"
        rf"|(?:en|de) (?P<a2>{YEAR})[-–](?P<b2>{SHORT_YEAR})",
    ),
    (  # "depuis sa création en 2015": open from the year of the founding event
        "since_event_year",
        rf"depuis (?:sa|son|leur|la|le|l{APOS}) ?(?:{START_EVENT}) en (?P<y>{YEAR})",
    ),
    (
        "first_months_this",
        rf"(?:(?:au cours|lors) des|(?:sur|pour|pendant|durant|dans) les) (?P<n>{NUMBER}) "
        r"premiers mois(?! de)",
    ),
    ("last_years", rf"au cours des (?P<n>{NUMBER}|\w+) dernières années"),
    (  # "au cours des deux derniers mois", "ces dernières semaines", "ces derniers jours":
        # a span that runs to the time of writing, which the text alone does not date
        "recent_units",
        rf"(?:(?:au cours|lors|pendant|durant|depuis) (?:des|les) (?:(?:{NUMBER}|\w+) )?"
        rf"|ces (?:(?:{NUMBER}|\d+) )?)(?:{RECENT_UNIT})",
    ),
    ("semester", rf"{IN_THE} (?P<s>premier|second|deuxième) semestre{OF_YEAR_OR_THIS}"),
    ("last_quarter", rf"{IN_THE} dernier trimestre{OF_YEAR_OR_THIS}"),
    (  # "de janvier à mars 2024"; "entre juillet 2020 et juillet 2021" with both years
        "month_range",
        rf"(?:(?:de |d{APOS})(?P<m1>{MONTH})(?: (?P<y1>{YEAR}))? à"
        rf"|entre (?P<m3>{MONTH})(?: (?P<y3>{YEAR}))? et) (?P<m2>{MONTH})"
        rf"(?: (?P<y>{YEAR})|{OF_THIS_YEAR})?",
    ),
    (  # "au cours des années 1990", "depuis les années 1970", "au début des années 2000"
        "decade_part",
        r"(?:(?P<edge>au début|à la fin|au milieu|vers la fin|dès le début) des"
        r"|(?:au cours|pendant|durant|tout au long) des|(?P<since>depuis) (?:le début des|les))"
        rf" années (?P<dec>{DECADE})",
    ),
    ("decade", rf"dans les années (?P<dec>{DECADE})"),
    (  # "au huitième siècle", "pendant le XIXe siècle": the years of a century (not "avant
        # J.-C.", not "du XIXe siècle" after a noun: a description)
        "century",
        rf"(?:au|(?:pendant|durant) le|(?:au cours|tout au long) du) (?P<c>{CENTURY}) siècle"
        r"(?! avant)",
    ),
    (  # "l'été 2020", "au printemps 2021"; "depuis l'été 2020": open from its first month
        "season_year",
        rf"(?:(?P<since>depuis )|(?:durant|pendant|au cours de|lors de) )?"
        rf"(?:l{APOS}(?P<s>été|hiver|automne)|(?:au|le) (?P<s2>printemps))"
        rf" (?P<y>{YEAR})",
    ),
    (  # "depuis le début de l'année (2022)": from its first month
        "since_start_year",
        rf"depuis (?:le )?début (?:de l{APOS}année|d{APOS}année)(?: (?P<y>{YEAR}))?",
    ),
    (  # "depuis le 3 mars", "à compter du 1er août prochain"
        "since_day",
        rf"(?:depuis le|à compter du|à partir du) (?P<d>1er|\d{{1,2}}) (?P<m>{MONTH})"
        rf"(?: (?P<y>{YEAR})| prochain)?",
    ),
    (
        "by_end",
        rf"d{APOS}ici (?:à )?(?:la (?P<edge>fin)|le (?P<part>milieu|début)) "
        rf"(?:de l{APOS}année(?P<next> prochaine)?(?: (?P<y2>{YEAR}))?|(?P<y>{YEAR})|du siècle"
        rf"|de la \w+)",
    ),
    ("horizon", rf"à l{APOS}horizon (?P<y>{YEAR})"),
    ("years_ago", rf"il y a (?:à peine )?(?P<n>{NUMBER}|\w+) ans?(?: à peine)?"),
    # "il y a trois mois", "il y a une dizaine de jours"
    ("ago", rf"il y a (?:à peine )?{AGO}(?: à peine)?"),
    ("earlier", rf"{N_YEARS} plus tôt"),
    ("later", rf"{N_YEARS} plus tard"),
    # "un mois plus tôt", "quelques jours plus tard": counted from a time the text told of
    ("units_later", rf"(?:{AGO}) plus (?:tôt|tard)"),
    # "dans les prochains jours", "au cours des dix prochaines années", "dans les semaines à
    # venir": a window still to come
    (
        "next_units",
        rf"(?:dans|au cours|pendant|durant|lors) (?:les|des) (?:(?:{NUMBER}|\d+) )?"
        rf"(?:prochain(?:e)?s (?:{NEXT_UNITS_RE})|(?:{NEXT_UNITS_RE}) à venir)",
    ),
    # "le lendemain", "le même jour": a time the text gave before
    (
        "same_time",
        # "sur la même période de l'année dernière": the same stretch of another year
        rf"(?:{SAME_TIME})"
        rf"(?:(?<=période) de l{APOS}(?:année (?:dernière|précédente|passée)|an dernier))?",
    ),
    (  # "au cours de l'année écoulée": the twelve months before the time of writing
        "elapsed",
        rf"(?:(?:au cours|lors) (?:de |du )|(?:pendant|durant|sur) )?"
        rf"(?:{'|'.join(w.replace(chr(39), APOS) for w in ELAPSED_PERIODS)})",
    ),
    (  # "la semaine dernière", "au cours de la semaine dernière"
        "last_period",
        rf"(?:(?:au cours de|pendant|durant|depuis) )?(?P<period>{LAST}) "
        r"(?:dernier|dernière|passé|passée)",
    ),
    (
        "first_months",
        rf"(?:(?:au cours|lors) des|(?:sur|pour|pendant|durant|dans) les) (?P<n>{NUMBER}) "
        rf"premiers mois (?:de (?:cette année|l{APOS}année(?: (?P<y>{YEAR}))?"
        rf"(?! (?:dernière|précédente|prochaine|passée|écoulée))|(?P<y2>{YEAR})))",
    ),
    (
        "quarter",
        rf"{IN_THE} (?P<q>premier|deuxième|second|troisième|quatrième) trimestre{OF_YEAR_OR_THIS}",
    ),
    ("between_years", rf"(?:entre (?P<a>{YEAR}) et|de (?P<a2>{YEAR}) à) (?P<b>{YEAR})"),
    # "de 2015 jusqu'en mars 2021": the start of a range the "jusqu'" after it ends
    # (joined into one expression by ``_join_ranges``)
    ("range_start", rf"de (?P<y>{YEAR})(?= jusqu{APOS}(?:en|à|au) )"),
    (
        "since_month",
        rf"depuis (?:le (?:début|mois) (?:du mois )?(?:de |d{APOS})?)?(?P<m>{MONTH})"
        rf"(?: (?P<y>{YEAR})| dernier|{OF_THIS_YEAR})?",
    ),
    ("since_year", rf"depuis (?:le début de |l{APOS}année )?(?P<y>{YEAR})"),
    (  # "à partir de 2018", "à compter de janvier 2020", "dès 2016": open from then on
        "from_year",
        rf"(?:à partir de|à compter de|dès) (?:(?P<m>{MONTH}) )?(?P<y>{YEAR})",
    ),
    (  # "depuis le début de la guerre en 2011", "depuis le début des attaques en 2015"
        "since_start_year_event",
        rf"depuis le début (?:de la |de l{APOS}|du |des )\w+(?: \w+)? en (?P<y>{YEAR})",
    ),
    (  # "pendant le conflit", "au début de la crise", "lors du précédent scrutin",
        # "pendant la guerre du Viêt Nam (1965-75)": a period an event lasts
        "event_period",
        rf"(?:(?:pendant|durant) (?:le|la|les|l{APOS}|{THIS} )|(?:lors|au cours|au début|à la fin"
        rf"|depuis le début|(?:dans|pendant|durant) les (?:premiers|derniers) (?:jours|mois)"
        rf"|(?:dans|pendant|durant) les (?:premières|dernières) (?:semaines|heures|années))"
        rf" (?:du|des|de la|de l{APOS}|de (?:{THIS}) )) ?(?:(?:{EVENT_ADJ}) )?"
        rf"(?:{EVENT}|{PERIOD_NOUN})s?"
        # "de la Yougoslavie", "de lundi"; "le pic du confinement": an event's own part
        rf"(?: (?:de|du|des|d{APOS}) ?(?:{EVENT_NAME}|(?:la |l{APOS})?(?:{EVENT})\b))?"
        rf"(?: \((?P<a>{YEAR})[-–](?P<b>{SHORT_YEAR})\))?",
    ),
    (  # "en début de seconde période", "en fin d'année", "au dernier sommet du G7"
        "event_edge",
        rf"(?:en (?:début|fin|milieu) (?:de (?:la |l{APOS})?|d{APOS})(?:(?:{EVENT_ADJ}) )?"
        rf"(?:{EDGE_EVENT}|{'|'.join(EDGE_PERIODS)})"
        rf"|(?:au|à la|à l{APOS}) (?:{'|'.join(TEMPORAL_ADJECTIVES)}) (?:{EVENT})"
        # "Au début de l'année, ...", "à la fin de la semaine": an edge of a period unnamed
        # (not "à la fin de l'année dernière", "au début de l'année 2017": rules of their own)
        rf"|(?<!jusqu{APOS})(?:au|à la) (?:début|fin|milieu) de (?:la |l{APOS})"
        rf"(?:{'|'.join(EDGE_PERIODS)})"
        rf"(?! (?:\d|{'|'.join(PERIOD_QUALIFIERS)})))"
        rf"(?: (?:de|du|des|d{APOS}) ?{EVENT_NAME})?",
    ),
    (  # "depuis son arrivée au pouvoir en 2000", "depuis son lancement en septembre 2020";
        # "depuis son arrivée à Chelsea en septembre" (no year written: no value)
        "since_event_dated",
        rf"depuis (?:sa|son|leur|la|le|l{APOS}) ?(?:{START_EVENT})(?: [\w'’-]+){{0,5}}? en "
        rf"(?:(?P<m>{MONTH})(?: (?P<y>{YEAR}))?|(?P<y2>{YEAR}))",
    ),
    (  # "depuis la création de l'application", "depuis son arrivée"
        "since_event",
        rf"depuis (?:sa|son|leur|la|le|l{APOS}) ?(?:{START_EVENT})"
        rf"(?: (?:(?:des|du|de) |d{APOS})(?:la |le |les |l{APOS}|m\. |mme )?[\w-]+)?"
        # "depuis l'invasion de l'Ukraine par la Russie": who started it
        rf"(?: par (?:la |le |les |l{APOS})?(?-i:[A-ZÉ])[\w-]*)?",
    ),
    (  # "jusqu'en 2030", "d'ici 2050", "d'ici fin 2025", "jusqu'à la fin de 2024"
        "until_year",
        rf"(?:jusqu{APOS}(?:en|à)|d{APOS}ici(?: à)?)(?: (?:la )?(?P<edge>fin)(?: de)?)?"
        rf" ?(?P<y>{YEAR})",
    ),
    # "d'ici mars", "jusqu'en juin 2025": up to a month; its year is the context's
    (
        "until_month",
        rf"(?:jusqu{APOS}(?:en|à|au mois de|au mois d{APOS})|d{APOS}ici(?: à)?)"
        rf"(?: (?:la )?fin(?: de| d{APOS})?)? ?(?P<m>{MONTH})(?: (?P<y>{YEAR}))?",
    ),
    # "fin 2022", "au début de 2021", "à la mi-2023": a part of a written year; "depuis la
    # mi-2021": open from it
    (
        "year_edge",
        rf"(?:(?P<since>depuis) (?:la |le )?|(?:à la|au|en|à) )?(?P<edge>fin|début|mi-)"
        rf"(?: de| de l{APOS}année)? ?(?P<y>{YEAR})",
    ),
    (  # "avant la guerre", "avant l'arrivée des talibans", "avant cette annonce": before
        # an event, whose date the phrase does not give
        "before_event",
        rf"avant (?:la |le |les |l{APOS}|cette |ce |cet |sa |son |leur )"
        rf"(?:(?:début|fin) (?:(?:du|des|de la) |de l{APOS}))?"
        rf"(?:(?:{EVENT_ADJ}) )?(?:{EVENT}|{START_EVENT})s?"
        rf"(?: (?:(?:des|du|de) |d{APOS})(?:la |le |les |l{APOS}|m\. |mme )?[\w-]+)?"
        rf"(?: en (?P<y>{YEAR}))?",
    ),
    # "en quelques mois", "en l'espace de quelques semaines": how soon it happened
    ("within", rf"en (?:l{APOS}espace de )?quelques (?:{'|'.join(WITHIN_UNITS)})"),
    (  # "dans les 48 heures qui ont suivi sa sortie": a span after an event, not dated
        "following",
        rf"dans les (?:(?:{NUMBER}|\d+|premi(?:ers|ères)) )?(?:heures|jours|semaines|mois|années) "
        rf"qui (?:ont suivi|suivent|ont précédé|précèdent|suivirent) "
        rf"(?:sa |son |leur |la |le |les |l{APOS}|cette |ce |cet )[\w-]+",
    ),
    ("since_then", r"depuis (?:lors|cette date|ce jour)"),  # the date is an earlier sentence's
    # ("avaient alors été compromises", "qui avait alors 30 ans": after a verb; not the
    # connective "Alors, ...", "..., alors cela", "alors que", nor "d'alors")
    ("then", rf"à l{APOS}époque(?: des faits)?|à ce moment-là|{THEN_ADVERB}"),
    ("until_then", rf"d{APOS}ici là"),  # the bound is an earlier sentence's date
    (
        "day_range",
        rf"(?:du (?P<d1>1er|\d{{1,2}}) au|entre le (?P<d2>1er|\d{{1,2}}) et le) "
        rf"(?P<d>\d{{1,2}}) (?P<m>{MONTH})(?: (?P<y>{YEAR}))?",
    ),
    (  # "du 1er janvier au 30 septembre (2024)": two days of two months
        "day_month_range",
        rf"(?:du (?P<d1>1er|\d{{1,2}}) (?P<m1>{MONTH}) au|entre le (?P<d2>1er|\d{{1,2}}) "
        rf"(?P<m3>{MONTH}) et le) (?P<d>1er|\d{{1,2}}) (?P<m>{MONTH})(?: (?P<y>{YEAR}))?",
    ),
    (  # "ce mardi 16 novembre", "le samedi 3 avril 2021": the day with its weekday
        "weekday_day",
        rf"(?:le |ce )?(?:{WEEKDAY}) (?P<d>1er|\d{{1,2}}) (?P<m>{MONTH})"
        rf"(?: (?P<y>{YEAR})| prochain| dernier)?",
    ),
    (  # "les 13 et 14 juin"
        "day_pair",
        rf"les (?P<d1>1er|\d{{1,2}}) et (?P<d>\d{{1,2}}) (?P<m>{MONTH})(?: (?P<y>{YEAR}))?",
    ),
    ("day", rf"(?:(?:le|au|du) )?(?P<d>1er|\d{{1,2}}) (?P<m>{MONTH}) (?P<y>{YEAR})"),
    # ("le 12 mars prochain", "le 1er mars dernier": the same day, the phrase is whole)
    ("day_no_year", rf"(?:le |au |du )(?P<d>1er|\d{{1,2}}) (?P<m>{MONTH})(?: prochain| dernier)?"),
    (
        "weekday",
        rf"(?:dans la nuit de |ce |de |(?P<from>à partir de )|plus tôt |plus tard )?"
        rf"(?P<wd>{WEEKDAY})"
        rf"(?: (?:{'|'.join(DAY_PARTS)}))?(?: (?:à|et) (?P<wd2>{WEEKDAY}))?"
        rf"(?: (?P<last>dernier)| (?P<next>prochain))?",
    ),
    (  # "en avril dernier": the last April before the document's date
        "month",
        rf"(?:en |(?:{IN_THE}|pour le) (?:seul )?mois (?:de |d{APOS})|(?:à )?fin |début "
        rf"|(?:(?:jusqu{APOS})?à la |en )?mi-"
        rf"|(?:au début|à la fin|au milieu) du mois (?:de |d{APOS}))(?P<m>{MONTH})"
        rf"(?: et (?:en )?(?P<m2>{MONTH}))?"  # "en mars et avril", "en juin et juillet 2019"
        rf"(?: (?P<y>{YEAR})|(?P<last> dernier)|{OF_THIS_YEAR})?",
    ),
    ("month_of_year", rf"(?:de |d{APOS})(?P<m>{MONTH}) (?P<y>{YEAR})"),  # "la canicule d'août 2003"
    # "en 2018 et 2019": two years; consecutive ones are one period
    # ("en 1959, 1986 et 2006": a list, the span of the years it names)
    ("year_pair", rf"en (?P<a>{YEAR})(?P<list>(?:, {YEAR})+)? et (?P<b>{YEAR})"),
    (
        "year",
        # (not a ratio: "1 pour 2000", "un pour 1000", "pour 2000 habitants")
        rf"(?:en|pour(?<!\d pour)(?<!un pour)(?<!une pour)(?= \d+\b(?! (?:{RATE})\b))"
        rf"|pour l{APOS}exercice|au titre de l{APOS}(?:exercice|année)"
        rf"|au cours de l{APOS}année|durant l{APOS}année"
        rf"|sur l{APOS}année|pour l{APOS}année"
        # "pour la seule année 2020"
        rf"|(?:pour|sur|durant|pendant|au cours de) la seule année) (?P<y>{YEAR})",
    ),
    # "le souvenir de 2003, qui avait fait 15 000 morts", "celui de 2015, lorsque 44 000
    # personnes ...": a year named as a period, which the clause after it tells of
    ("of_year", rf"de (?P<y>{YEAR})(?=, (?:lorsqu|quand |où |qui ))"),
    # "selon une estimation de 2020,", "l'étude Pew de 2020 a montré": a year that dates
    # the noun before it (not "plus de 2000 personnes": an amount)
    (
        "dated_noun",
        rf"{NOT_AMOUNT}(?<=[^\W\d] )de (?P<y>{YEAR})(?=[,.;:)»\"]|\s(?:{DATED_NEXT})\b)",
    ),
    # "une étude de Fare 2014 a révélé", "la liste BBC 2019 des 100 femmes": the year of a
    # study or list named after its maker (the expression is the year alone)
    (
        "named_year",
        rf"(?:{'|'.join(NAMED_YEAR_NOUNS)})(?: de| d{APOS})? (?-i:[A-Z][\w&-]*)"
        rf"(?: (?-i:[A-Z][\w&-]*)){{0,2}} (?P<y>{YEAR})",
    ),
    ("last_year", rf"l{APOS}(?:an|année) (?:dernier|dernière|passé|passée)"),
    # "cette année-là" points back to a year written before it, not to the document's
    # "a gagné 135 points au cours de l'année": the year of the context, unnamed
    (
        "this_year",
        rf"(?:cette année(?P<there>-là)?|l{APOS}année en cours"
        rf"|(?:au cours|lors|pendant|durant|tout au long) de l{APOS}année(?=[,.;:)!?]))",
    ),
    ("that_day", r"(?:ce jour|cette nuit)-là"),  # a day the text gave before: no value
    (  # "dès le début de l'année prochaine", "à la fin de l'an prochain"
        "next_year",
        rf"(?:(?:dès le|au|à la|en) (?:début|fin|milieu) de )?l{APOS}(?:an|année) prochaine?",
    ),
    ("previous_year", rf"l{APOS}(?:an|année) précédente?"),  # the year before the one written
    (  # "cette saison", "ce mois-ci"; "ce matin-là" points back, the date does not fix it
        "this_period",
        rf"(?:ce|cet|cette) (?P<period>{'|'.join(THIS_PERIODS)})(?:-ci|(?P<there>-là))?",
    ),
    ("so_far", "|".join(w.replace("'", APOS) for w in SO_FAR)),
    ("today", rf"aujourd{APOS}hui"),
    # (not the gerund "en maintenant les prix")
    ("now", rf"(?<!en )(?P<now>{NOW})"),
]


# Words without which a rule cannot match (any of each group; "<year>", "<month>" and
# "<weekday>" stand for any of them): a rule whose words a text lacks is not run (speed).
_YEARLY = ("<year>",)
REQUIRES: dict[str, tuple[tuple[str, ...], ...]] = {
    **{
        rule: (_YEARLY,)
        for rule in (
            "year_span", "since_event_year", "season_year", "horizon",
            "between_years", "since_year", "since_start_year_event", "until_year", "year",
        )
    },
    **{
        rule: (("<month>",),)
        for rule in (
            "month_range", "day_range", "day_month_range", "day_pair", "day_no_year", "month",
        )
    },
    "day": (_YEARLY, ("<month>",)),
    "month_of_year": (_YEARLY, ("<month>",)),
    "since_event_dated": (("<year>", "<month>"),),
    "since_day": (("<month>",), ("depuis", "compter", "partir")),
    "since_month": (("<month>",), ("depuis",)),
    "until_month": (("<month>",), ("jusqu", "ici")),
    "weekday_day": (("<month>",), ("<weekday>",)),
    "weekday": (("<weekday>",),),
    "first_months_this": (("premiers mois",),),
    "first_months": (("premiers mois",),),
    "last_years": (("dernières années",),),
    "semester": (("semestre",),),
    "last_quarter": (("trimestre",),),
    "quarter": (("trimestre",),),
    "since_start_year": (("début",),),
    "by_end": (("ici",),),
    "years_ago": (("il y a",),),
    "ago": (("il y a",),),
    "earlier": (("plus tôt",),),
    "later": (("plus tard",),),
    "units_later": (("plus tôt", "plus tard"),),
    "next_units": (("prochain", "à venir"),),
    "same_time": (("lendemain", "veille", "jour même", "même jour", "même semaine", "même mois",
                   "même année", "même moment", "même période", "par la suite"),),
    "elapsed": (("écoul",),),
    "decade_part": (("années",),),
    "decade": (("années",),),
    "century": (("siècle",),),
    "from_year": (_YEARLY, ("partir de", "compter de", "dès ")),
    "year_pair": (_YEARLY, ("et 19", "et 20")),
    "range_start": (_YEARLY, ("jusqu",)),
    "of_year": (_YEARLY, (", lorsqu", ", quand", ", où", ", qui")),
    "dated_noun": (_YEARLY, ("de 19", "de 20")),
    "named_year": (_YEARLY, NAMED_YEAR_NOUNS),
    "last_period": (("derni", "pass"),),
    "event_period": (
        ("pendant", "durant", "lors", "au cours", "au début", "à la fin", "depuis", "premi",
         "derni"),
    ),
    "event_edge": (("début", "fin", "milieu", "derni", "précédent", "prochain"),),
    "since_event": (("depuis",),),
    "last_year": (("derni", "pass"),),
    "this_year": (("année",),),
    "that_day": (("-là",),),
    "next_year": (("prochain",),),
    "previous_year": (("précédent",),),
    "so_far": (("présent", "ce jour", "aujourd"),),
    "today": (("aujourd",),),
    "now": (
        ("actuel", "maintenant", "récemment", "avenir", "ce moment", "nos jours", "désormais",
         "présent"),
    ),
    "year_edge": (_YEARLY, ("fin", "début", "mi-")),
    "since_then": (("depuis lors", "depuis cette date", "depuis ce jour"),),
    "then": (("époque", "moment-là", "alors"),),
    "until_then": (("ici là",),),
    "recent_units": (("derniers", "dernières"),),
    "before_event": (("avant",),),
    "within": (("quelques",),),
    "following": (("qui ont suivi", "qui suivent", "précéd", "suivirent"),),
}  # fmt: skip


def _may_match(rule: str, low: str, found: dict[str, bool]) -> bool:
    """Whether the lower-cased text has the words a rule needs (``found``: the placeholders,
    and each word once looked up)."""
    for group in REQUIRES.get(rule, ()):
        for w in group:
            has = found.get(w)
            if has is None:
                has = found[w] = w in low
            if has:
                break
        else:
            return False
    return True


class _Rule(NamedTuple):
    """A rule compiled twice: for the lower-cased text (faster, no IGNORECASE) and for the
    text as written (a rule that reads capitals, or a text whose lower case changes its
    length), each with its ``_starter`` where the text is read that way."""

    name: str
    lower: re.Pattern[str]
    written: re.Pattern[str]
    reads_capitals: bool  # (then only ``written`` serves)
    lower_starter: re.Pattern[str] | None
    written_starter: re.Pattern[str] | None


@lru_cache(maxsize=1)
def _compiled() -> list[_Rule]:
    """Each rule, compiled (``_Rule``)."""
    # (?!\w), not \b, at the end: "(1965-75)" ends on a bracket; the group keeps \b on
    # every alternative ("la période 2008-2016" has no "de 2008-2016")
    compiled = []
    for name, pattern in RULES:
        capitals = "(?-i:" in pattern
        written = re.compile(rf"\b(?:{pattern})(?!\w)", re.IGNORECASE)
        lower = written if capitals else re.compile(rf"\b(?:{pattern})(?!\w)")
        compiled.append(
            _Rule(
                name,
                lower,
                written,
                capitals,
                None if capitals else _starter(lower),
                _starter(written) if capitals else None,
            )
        )
    return compiled


# The classes of sre's parse, written back as pattern text (for ``_starter``).
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})
# Characters beside a Latin letter's lower and upper case that IGNORECASE matches with it
# (the Kelvin sign with "k", "ſ" with "s"); test_claim_time checks them on all of Unicode,
# for the letters below CASE_CHECKED (a starter reads no other letter under IGNORECASE).
CASE_TWINS = "Iis\u0130\u0131\u017f\u01c5\u01c8\u01cb\u01f2\u03bc\u1e9e\u212a\u212b"
CASE_CHECKED = 0x250


class _Unbounded(Exception):
    """A pattern whose first character its parse does not bound to a class."""


def _first_chars(items: Any) -> tuple[set[str], bool]:
    """The class items a parsed sequence's first character is one of (a character, or a
    range or a category as pattern text), and whether the sequence can match nothing."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            return chars | {chr(av)}, False
        if op is sre.IN:
            return chars | {_class_item(item_op, item) for item_op, item in av}, False
        if op in {sre.AT, sre.ASSERT, sre.ASSERT_NOT}:
            continue  # reads no character
        if op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _Unbounded
            found, empty = _first_chars(av[3].data)
        elif op is sre.ATOMIC_GROUP:
            found, empty = _first_chars(av.data)
        elif op is sre.BRANCH:
            branches = [_first_chars(branch.data) for branch in av[1]]
            found = set().union(*(f for f, _ in branches))
            empty = any(e for _, e in branches)
        elif op in _REPEATS:
            found, empty = _first_chars(av[2].data)
            empty = empty or av[0] == 0
        else:
            raise _Unbounded
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _class_item(op: Any, av: Any) -> str:
    if op is sre.LITERAL:
        return chr(av)
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is sre.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unbounded


def case_forms(char: str) -> set[str]:
    """The characters IGNORECASE matches with ``char``."""
    same = re.compile(re.escape(char), re.IGNORECASE)
    forms = {char, char.lower(), char.upper(), *CASE_TWINS}
    return {c for c in forms if len(c) == 1 and same.fullmatch(c)}


def _starter(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` led by a class of the characters its matches can start with, read back
    from that character (a lookahead inside a one-character lookbehind): sre then skips to
    those characters instead of trying a match at every position. None where no class of
    characters bounds the first one (a negated class, an empty match; under IGNORECASE,
    anything but plain characters, which the class lists in every case)."""
    try:
        chars, empty = _first_chars(sre_parse.parse(pattern.pattern, pattern.flags).data)
    except _Unbounded:
        return None
    if empty or not chars:
        return None
    if pattern.flags & re.IGNORECASE:
        if any(len(c) > 1 or (ord(c) >= CASE_CHECKED and c.lower() != c.upper()) for c in chars):
            return None
        chars = {form for c in chars for form in case_forms(c)}
    # (?-i:...): a class that reads no case is one sre skips through
    items = sorted(c if len(c) > 1 else re.escape(c) for c in chars)
    first = f"(?-i:[{''.join(items)}])"
    return re.compile(f"{first}(?<=(?={pattern.pattern}){first})", pattern.flags)


def _finditer(
    pattern: re.Pattern[str], starter: re.Pattern[str] | None, text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``: the same matches, tried only where ``starter`` stops."""
    if starter is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for hit in starter.finditer(text):
        if hit.start() >= end:  # (a match there is the one a search from ``end`` finds)
            m = pattern.match(text, hit.start())
            if m is not None:
                yield m
                end = m.end()


YEAR_RE = re.compile(rf"\b{YEAR}\b")
# A capital "A" alone before a lower-case word is "À" in French news ("A ce jour, ...").
UNACCENTED_A_RE = re.compile(r"\bA(?= [a-zàâçéèêëîïôûù'’])")


def _value(
    rule: str, m: re.Match[str], year: int | None, doc_date: date | None = None
) -> str | None:
    g = m.groupdict()
    if rule in DATED_RULES:
        return None if doc_date is None else _dated_value(rule, g, doc_date)
    y = g.get("y") or g.get("y2")
    yr = int(y) if y else year
    if rule == "first_months":
        n = _num(g["n"])
        return None if yr is None else f"{yr:04d}-01/{yr:04d}-{n:02d}"
    if rule == "first_months_this":
        n = _num(g["n"])
        return None if yr is None else f"{yr:04d}-01/{yr:04d}-{n:02d}"
    if rule == "semester":
        first = g["s"].lower() == "premier"
        if yr is None:
            return None
        return f"{yr:04d}-01/{yr:04d}-06" if first else f"{yr:04d}-07/{yr:04d}-12"
    if rule == "last_quarter":
        return None if yr is None else f"{yr:04d}-10/{yr:04d}-12"
    if rule == "month_range":
        a = MONTHS[(g.get("m1") or g["m3"]).lower()]
        b = MONTHS[g["m2"].lower()]
        first = g.get("y1") or g.get("y3")
        if first:  # "entre juillet 2020 et juillet 2021"; one year alone: the same year
            last = y or (first if b >= a else None)
            return None if last is None else f"{first}-{a:02d}/{last}-{b:02d}"
        return None if yr is None else f"{yr:04d}-{a:02d}/{yr:04d}-{b:02d}"
    if rule == "event_period":
        return _year_span(g["a"], g["b"]) if g.get("a") else None
    if rule == "decade_part":  # the start or end of a decade: no bounds the text gives
        dec = int(g["dec"])
        if g.get("since"):
            return f"{dec}/.."
        return None if g.get("edge") else f"{dec}/{dec + 9}"
    if rule == "decade":
        return f"{g['dec']}/{int(g['dec']) + 9}"
    if rule == "century":
        c = _century(g["c"])
        return f"{(c - 1) * 100 + 1:04d}/{c * 100:04d}"
    if rule == "season_year" and g.get("since"):  # a season gives its year (CR9)
        return f"{y}/.."
    if rule == "season_year" or rule == "horizon":
        return y
    if rule == "since_day":
        month = MONTHS[g["m"].lower()]
        day = _day_number(g["d"])
        return None if yr is None else f"{yr:04d}-{month:02d}-{day:02d}/.."
    if rule == "by_end":  # "d'ici la fin de l'année": the year of the context
        if g.get("part") and not y:
            return None  # "d'ici le milieu de l'année": no bound the text gives
        if g.get("next") and yr is not None:
            return f"../{yr + 1:04d}{_edge_month(g)}"
        if y or ("ann" in m.group(0).lower() and yr is not None):
            return f"../{yr:04d}{_edge_month(g)}"
        return None
    if rule == "since_start_year":
        return None if yr is None else f"{yr:04d}-01/.."
    if rule in {"day_no_year", "day_range", "weekday_day", "day_pair", "day_month_range"}:
        month = MONTHS[g["m"].lower()]
        day = _day_number(g["d"])
        if yr is None:
            return None
        if rule in {"day_range", "day_pair", "day_month_range"}:
            # the first day's month is the last day's unless written ("du 1er janvier au 30")
            start = MONTHS[(g.get("m1") or g.get("m3") or g["m"]).lower()]
            first = _day_number(g.get("d1") or g.get("d2") or "")
            return f"{yr:04d}-{start:02d}-{first:02d}/{yr:04d}-{month:02d}-{day:02d}"
        return f"{yr:04d}-{month:02d}-{day:02d}"
    if rule == "quarter":
        q = QUARTERS[g["q"].lower()]
        return None if yr is None else f"{yr:04d}-{3 * q - 2:02d}/{yr:04d}-{3 * q:02d}"
    if rule == "between_years":
        return f"{g.get('a') or g.get('a2')}/{g['b']}"
    if rule == "since_month":
        month = MONTHS[g["m"].lower()]
        if yr is None:
            return None
        if "début" in m.group(0).lower():  # "depuis le début du mois d'octobre": its first day
            return f"{yr:04d}-{month:02d}-01/.."
        return f"{yr:04d}-{month:02d}/.."
    if rule in {"since_year", "range_start"}:
        return f"{y}/.."
    if rule == "from_year":
        return f"{y}-{MONTHS[g['m'].lower()]:02d}/.." if g.get("m") else f"{y}/.."
    if rule == "until_month":
        return None if yr is None else f"../{yr:04d}-{MONTHS[g['m'].lower()]:02d}"
    if rule == "until_year" or (rule == "before_event" and y):
        # ("avant son élection en 2019": up to that year; "d'ici fin 2025": its December)
        return f"../{y}{_edge_month(g)}"
    if rule == "day":
        return _day(m.group(0))
    if rule == "year_span":
        return _year_span(g.get("a") or g["a2"], g.get("b") or g["b2"])
    if rule in {"since_event_year", "since_start_year_event"}:
        return f"{y}/.."
    if rule == "since_event_dated":
        if not y:
            return None
        return f"{y}-{MONTHS[g['m'].lower()]:02d}/.." if g.get("m") else f"{y}/.."
    if rule in {"month", "month_of_year"}:
        month = MONTHS[g["m"].lower()]
        if g.get("last"):
            if doc_date is None:
                return None
            last = doc_date.year if month < doc_date.month else doc_date.year - 1
            return f"{last:04d}-{month:02d}"
        if yr is not None and g.get("m2"):  # two months of one year: the period they span
            second = MONTHS[g["m2"].lower()]
            return f"{yr:04d}-{month:02d}/{yr:04d}-{second:02d}" if second > month else None
        return None if yr is None else f"{yr:04d}-{month:02d}"
    if rule == "year_edge":
        return f"{y}{_edge_month(g)}/.." if g.get("since") else f"{y}{_edge_month(g)}"
    if rule in {"of_year", "dated_noun", "named_year"}:
        return y
    if rule == "year_pair":
        listed = g.get("list") and int(g["b"]) > int(g["a"])
        return f"{g['a']}/{g['b']}" if listed or int(g["b"]) == int(g["a"]) + 1 else None
    if rule == "year":
        return y
    if rule == "last_year":
        return _ctx(year, -1)
    if rule == "this_year":
        return _ctx(year)
    if rule == "next_year":
        return _ctx(year, 1)
    if rule == "previous_year":
        return _ctx(year, -1)
    return None


# Months, quarters and days written without a year: the document's date gives the year.
YEARLESS_PERIODS = frozenset(
    {
        "semester", "last_quarter", "month_range", "since_day", "day_no_year", "day_range",
        "quarter", "since_month", "month", "weekday_day", "day_pair", "day_month_range",
    }
)  # fmt: skip
# "l'an dernier", "l'année prochaine" count from the time of writing: only the document's
# date gives their year, never a year written before them (as "cette année" may: "pour
# l'exercice 2024, ... au cours des neuf premiers mois de cette année").
DEICTIC_YEARS = frozenset({"last_year", "next_year"})
# "N ans plus tôt/tard": counted from a year written just before, else from the date.
NARRATIVE_RULES = frozenset({"earlier", "later"})
YEAR_ONLY_RULES = frozenset({"named_year"})  # the expression is the year its match ends on
# Rules whose value only the document's date (meta.date) fixes, never a year written earlier.
DATED_RULES = frozenset(
    {
        "weekday", "years_ago", "earlier", "last_period", "today", "ago", "this_period", "so_far",
        "now",
    }
)  # fmt: skip


def _dated_value(rule: str, g: dict[str, str | None], doc_date: date) -> str | None:
    """ "jeudi" is the last Thursday on or before the document's date ("à partir de
    dimanche": the next one, open-ended); "il y a deux ans", "six ans plus tôt": that year."""
    if rule == "last_period":
        return _last_period((g.get("period") or "").lower().replace("’", "'"), doc_date)
    if rule == "today":
        return doc_date.isoformat()
    if rule == "now":  # "désormais", "actuellement": the document's day (table DATED_NOW)
        now = (g.get("now") or "").lower()
        return doc_date.isoformat() if now in DATED_NOW else None
    if rule == "this_period":  # "ce matin": the document's day; "ce mois-ci": its month
        period = (g.get("period") or "").lower()
        if g.get("there"):
            return None
        if period in THIS_DAY_PARTS:
            return doc_date.isoformat()
        return f"{doc_date.year:04d}-{doc_date.month:02d}" if period == "mois" else None
    if rule in {"ago", "so_far"}:
        return None
    if rule in {"years_ago", "earlier"}:
        n = g.get("n") or ""
        if not (n.isdigit() or n.lower() in ORDINAL_WORDS):
            return None
        return f"{doc_date.year - _num(n):04d}"
    day = WEEKDAYS.index((g.get("wd") or "").lower())
    if g.get("from"):
        start = doc_date + timedelta(days=(day - doc_date.weekday()) % 7)
        return f"{start.isoformat()}/.."
    second = g.get("wd2")
    if second:
        last = WEEKDAYS.index(second.lower())
        end = doc_date - timedelta(days=(doc_date.weekday() - last) % 7)
        first = end - timedelta(days=(last - day) % 7)
        return f"{first.isoformat()}/{end.isoformat()}"
    if g.get("next"):  # "dimanche prochain": the next one after the document's date
        return (doc_date + timedelta(days=(day - doc_date.weekday()) % 7 or 7)).isoformat()
    if g.get("last"):  # "jeudi dernier": the last one before it
        return (doc_date - timedelta(days=(doc_date.weekday() - day) % 7 or 7)).isoformat()
    return (doc_date - timedelta(days=(doc_date.weekday() - day) % 7)).isoformat()


def _last_period(period: str, doc_date: date) -> str | None:
    """ "l'été dernier", "l'hiver dernier", "la saison dernière", "le mois dernier" before
    the document's date; None for a week, whose bounds the text does not give."""
    y, m = doc_date.year, doc_date.month
    if period == "le mois":
        return f"{y - 1:04d}-12" if m == 1 else f"{y:04d}-{m - 1:02d}"
    if period == "l'été":
        return f"{y if m >= 9 else y - 1:04d}"
    if period == "le printemps":
        return f"{y if m >= 6 else y - 1:04d}"
    if period == "l'hiver":  # the last winter that ended (it spans two years)
        end = y if m >= 4 else y - 1
        return f"{end - 1:04d}/{end:04d}"
    if period == "la saison":
        return f"{y - 1:04d}/{y:04d}"
    return None


def _edge_month(g: dict[str, str | None]) -> str:
    """ "fin 2019" -> "-12", "mi-2021" -> "-06", "début 2020" -> "-01" (table EDGE_MONTHS,
    CR9); "" for a phrase with no edge."""
    edge = g.get("part") or g.get("edge")
    return f"-{EDGE_MONTHS[edge.lower()]:02d}" if edge else ""


def _year_span(first: str, second: str) -> str:
    """ "2016-17" -> "2016/2017", "1965-75" -> "1965/1975", "2023-2024" -> "2023/2024"."""
    end = second if len(second) == 4 else first[:2] + second
    return f"{first}/{end}"


def _century(written: str) -> int:
    """A century's number from "XIXe", "19e" or "dix-neuvième"."""
    low = written.lower()
    if low in CENTURY_WORDS:
        return CENTURY_WORDS[low]
    figures = low.rstrip("eèm")
    if figures.isdigit():
        return int(figures)
    total = 0
    for i, ch in enumerate(figures):
        value = ROMAN_DIGITS[ch]
        after = ROMAN_DIGITS[figures[i + 1]] if i + 1 < len(figures) else 0
        total += -value if value < after else value
    return total


def _day_number(written: str) -> int:
    """The day of the month a date writes ("1er" -> 1, "30" -> 30)."""
    return 1 if written == "1er" else int(written)


def _day(text: str) -> str | None:
    import dateparser

    # the date without its preposition ("Au 20 décembre 2021"), which dateparser rejects
    text = re.sub(r"^(?:le|au|du) ", "", text, flags=re.IGNORECASE)
    found = dateparser.parse(text, languages=["fr"], settings={"STRICT_PARSING": True})
    return None if found is None else found.date().isoformat()


# "Dans son rapport pour l'exercice 2024, ... Le rapport indique qu'au cours des neuf
# premiers mois de cette année": a year written in the same sentence or the one before,
# in the same paragraph, gives the year of an expression without one; a year further
# back is another period's ("en 2003 ... [three paragraphs on] ... en avril": no year).
CONTEXT_SENTENCES = 1
SENTENCE_END_RE = re.compile(r"[.!?][\"»”]?\s")


def _context_year(text: str, years: list[tuple[int, int]], at: int) -> int | None:
    """The year a yearless expression at ``at`` takes from the text (rule 'near_year')."""
    before = [(pos, y) for pos, y in years if pos < at]
    if not before:
        return None
    pos, year = before[-1]
    between = text[pos:at]
    if "\n" in between or len(SENTENCE_END_RE.findall(between)) > CONTEXT_SENTENCES:
        return None
    return year


def _narrative_year(rule: str, m: re.Match[str], near: int | None) -> str | None:
    """ "En 2015, ... Deux ans plus tôt, ...": N years before or after ``near``, a year written
    just before (rule 'near_year'); "plus tôt" and "plus tard" count from the time the text
    tells of, which the document's date gives only when no year is written."""
    if near is None:
        return None
    n = _num(m.group("n"))
    return f"{near - n if rule == 'earlier' else near + n:04d}"


def find_times(
    text: str, *, doc_year: int | None = None, doc_date: str | None = None
) -> list[TimeExpr]:
    """Every time expression of ``text``, in order, with its ISO value where the text fixes it.

    The year of relative expressions ("cette année", "l'an dernier") is ``doc_year`` (from the
    document's date) or else a year written just before the expression (in its sentence or
    the one before, same paragraph; rule 'near_year'), else None. Weekdays and
    "il y a N ans" are resolved only from ``doc_date`` (ISO, the input's ``meta.date``).
    """
    if "A " in text:  # "A ce jour", "A partir de": a capital À written without its accent
        text = UNACCENTED_A_RE.sub("À", text)  # (same length: the offsets hold)
    if "\\n" in text:  # a line break a scraper wrote out as backslash and n ("\\nEn 2019,")
        text = text.replace("\\n", " \n")  # (same length: the offsets hold)
    years = [(m.start(), int(m.group())) for m in YEAR_RE.finditer(text)]
    dated = _iso_date(doc_date)
    if dated is not None and doc_year is None:
        doc_year = dated.year
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    same = len(low) == len(text)
    present = {
        "<year>": bool(years),
        "<month>": any(month in low for month in MONTHS),
        "<weekday>": any(day in low for day in WEEKDAYS),
    }
    for compiled in _compiled():
        rule = compiled.name
        if not _may_match(rule, low, present):
            continue
        for m in (
            _finditer(compiled.written, compiled.written_starter, text)
            if compiled.reads_capitals or not same
            else _finditer(compiled.lower, compiled.lower_starter, low)
        ):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            # "cette année-là", "à l'époque": the year written just before, not the document's
            there = rule == "then" or (rule == "this_year" and bool(m.group("there")))
            near = (
                _context_year(text, years, m.start())
                if doc_year is None or there or rule in NARRATIVE_RULES
                else None
            )
            value = _value(rule, m, near if doc_year is None else doc_year, dated)
            if there:
                value = _ctx(near)
            if rule in DEICTIC_YEARS and doc_year is None:
                value = None  # "Depuis 2003, ... 22 condamnés l'année dernière": not 2002
            if rule == "between_years" and value is not None and value[:4] >= value[-4:]:
                continue  # "une comparaison entre 2022 et 2012": two years compared, no period
            if rule in NARRATIVE_RULES:
                value = _narrative_year(rule, m, near) or value
            if m.groupdict().get("this"):
                # "en juillet de cette année", "de l'année dernière": the document's year
                # (or, for this year, one written just before), never the year before
                rel = m.group("rel") or REL_AN.get(m.groupdict().get("rel_an") or "")
                offset = 0 if rel is None else 1 if rel == "prochaine" else -1
                base = doc_year if doc_year is not None or rel else near
                value = None if base is None else _value(rule, m, base + offset, dated)
            earlier = None
            if (
                dated is not None
                and rule in YEARLESS_PERIODS
                and not m.groupdict().get("this")
                and not (m.groupdict().get("y") or m.groupdict().get("y2"))
                and value is not None
                and value.split("/")[0] > dated.isoformat()[: len(value.split("/")[0])]
            ):
                earlier = _value(rule, m, dated.year - 1, dated)
            start = m.start("y") if rule in YEAR_ONLY_RULES else m.start()
            found.append(TimeExpr(start, m.end(), value, rule, earlier))
            taken.append((start, m.end()))
    found.sort()
    # "le même jour en octobre 2018": the date that follows says which day (rule 'same_time')
    joined = _join_ranges(
        text,
        _join_pairs(
            text,
            [
                t
                for k, t in enumerate(found)
                if not (
                    t.rule == "same_time"
                    and k + 1 < len(found)
                    and text[t.end : found[k + 1].start] == " "
                )
            ],
        ),
    )
    return _resolve_anaphors(text, joined)


def _anaphor_value(grain: str, value: str) -> str | None:
    """What an anaphor of ``grain`` takes from the date ``value`` written before it."""
    parts = value.split("/")
    if grain == "since":
        return f"{parts[0]}/.." if len(parts) == 1 or parts[1] == ".." else None
    if grain == "until":
        return f"../{parts[0]}" if len(parts) == 1 else value if parts[0] == ".." else None
    if len(parts) != 1:
        return None
    size = {"year": 4, "month": 7, "day": 10}.get(grain)
    if size is None:  # "same": the date whole
        return value
    return value[:size] if len(value) >= size else None


def _resolve_anaphors(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """ "ouvert en 2015 - et depuis lors", "en 1997 ... La même année": an expression that
    points back takes its value from the time expression just before it, when that one has
    a value and stands at most a sentence or two before, in the same paragraph (rule
    'anaphor'; table ANAPHOR_GRAINS)."""
    out = list(found)
    for k, t in enumerate(found):
        if k == 0:
            continue
        grain = ANAPHOR_GRAINS.get(text[t.start : t.end].lower().replace("’", "'"))
        prev = found[k - 1]
        if grain is None or prev.value is None:
            continue
        between = text[prev.end : t.start]
        limit = ANAPHOR_SENTENCES.get(grain, ANAPHOR_MAX_SENTENCES)
        if "\n" in between or len(SENTENCE_END_RE.findall(between)) > limit:
            continue
        value = _anaphor_value(grain, prev.value)
        if value is not None:
            out[k] = t._replace(value=value)
    return out


def _join_pairs(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """Two dates joined by "et" as one expression, the period from the first to the second
    ("fin 2019 et début 2020": 2019-12/2020-01; rule 'date_pair'; rules PAIRED_DATES only),
    as the claims gold spans "en 1945 et 1946" and "mercredi et jeudi"."""
    joined: list[TimeExpr] = []
    for t in found:
        before = joined[-1] if joined else None
        if (
            before is not None
            and before.rule in PAIRED_DATES
            and t.rule in PAIRED_DATES
            and text[before.end : t.start].lower() == " et "
            and "/" not in (before.value or "") + (t.value or "")
        ):
            first, last = before.value, t.value
            value = f"{first}/{last}" if first and last and first < last else None
            joined[-1] = TimeExpr(before.start, t.end, value, "date_pair")
            continue
        joined.append(t)
    return joined


def _join_ranges(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """A start and the "jusqu'" end right after it as one expression ("de 2015 jusqu'en mars
    2021": 2015/2021-03; "depuis le début de la guerre jusqu'au 10 août"; rule 'until_range');
    its value joins both ends when the text fixes them, else None. A "de 2015" that no end
    follows is no expression."""
    joined: list[TimeExpr] = []
    for t in found:
        before = joined[-1] if joined else None
        if before is not None and _opens_range(text, before) and _closes_range(text, before, t):
            first = before.value[:-3] if before.value and before.value.endswith("/..") else None
            last = t.value[3:] if t.value and t.value.startswith("../") else t.value
            value = f"{first}/{last}" if first and last and "/" not in last else None
            joined[-1] = TimeExpr(before.start, t.end, value, "until_range")
            continue
        joined.append(t)
    return [t for t in joined if t.rule != "range_start"]


def _opens_range(text: str, time: TimeExpr) -> bool:
    """Whether a time opens a period ("depuis 2015", "de 2015 jusqu'...")."""
    return time.rule in RANGE_STARTS or text[time.start : time.end].lower().startswith("depuis")


def _closes_range(text: str, start: TimeExpr, time: TimeExpr) -> bool:
    """Whether a time right after ``start`` is its "jusqu'" end ("jusqu'en mars 2021", or
    "au 10 août" after "jusqu'")."""
    gap = text[start.end : time.start].lower().replace("’", "'")
    return gap == " jusqu'" or (gap == " " and text[time.start : time.start + 5].lower() == "jusqu")


# Dates that "et" joins into one period (rule 'date_pair').
PAIRED_DATES = frozenset({"year_edge", "month", "month_of_year"})
# Expressions that open a period a "jusqu'" after them may close (rule 'until_range').
RANGE_STARTS = frozenset(
    {
        "range_start", "since_year", "since_month", "since_day", "since_event",
        "since_event_year", "since_event_dated", "since_start_year", "since_start_year_event",
        "from_year",
    }
)  # fmt: skip
