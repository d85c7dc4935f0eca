"""Word tables of the French number grammar.

Compact, in the style of ``spacy/lang/fr/lex_attrs.py``: word sets are
space-separated strings; phrase tables are lines ``VALUE: form | form``, a
form being one or more lower-case tokens as :func:`..tokens.tokenize` cuts
them ("dollars américains", "km / h").
"""

from __future__ import annotations

Phrase = tuple[str, ...]


def words(spec: str) -> frozenset[str]:
    """A set of words from a space-separated string."""
    return frozenset(spec.split())


def phrases(spec: str) -> dict[Phrase, str]:
    """A phrase table from lines ``VALUE: form | form`` (tokens of a form split on spaces)."""
    table: dict[Phrase, str] = {}
    for line in spec.strip().splitlines():
        value, _, forms = line.partition(":")
        for form in forms.split("|"):
            table[tuple(form.split())] = value.strip()
    return table


# --------------------------------------------------------------------------
# Number words
# --------------------------------------------------------------------------

UNITS_WORDS = words(
    "zéro zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize "
    "quatorze quinze seize"
)
TENS_WORDS = words(
    "vingt vingts trente quarante cinquante soixante septante huitante octante nonante"
)
SCALE_IN_WORDS = words("cent cents mille mil million millions milliard milliards")
NUMBER_WORDS = UNITS_WORDS | TENS_WORDS | SCALE_IN_WORDS
ARTICLE_ONES = words("un une")

SCALES: dict[str, int] = {
    "mille": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "milliard": 10**9,
    "milliards": 10**9,
    "billion": 10**12,
    "billions": 10**12,
}
# Suffixes glued to digits ("100k", "3M", "1,2Md") or standing after them ("3 Mds €").
SUFFIX_SCALES: dict[str, int] = {
    "k": 10**3, "K": 10**3, "M": 10**6, "G": 10**9,
    "Md": 10**9, "Mds": 10**9, "Mrd": 10**9, "Mrds": 10**9,
}
SPACED_SUFFIXES = words("Md Mds Mrd Mrds M")
# "une dizaine" (approx) / "des dizaines" (min)
COLLECTIVES: dict[str, int] = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1_000,
}
PLURAL_COLLECTIVES: dict[str, int] = {
    "dizaines": 10, "centaines": 100, "milliers": 10**3, "millions": 10**6,
    "milliards": 10**9,
}
FRACTION_DENOMINATORS: dict[str, int] = {
    "demi": 2, "demis": 2, "tiers": 3, "quart": 4, "quarts": 4, "cinquième": 5,
    "cinquièmes": 5, "sixième": 6, "dixième": 10, "dixièmes": 10, "centième": 100,
}
HALVES = words("demi demie")
CENTIMES = words("centimes cents centime cent")

# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------

# "FRANC" is resolved per document (Swiss or CFA francs, see ``franc=``).
CURRENCY_UNITS = phrases("""
EUR: euro | euros | € | eur
USD: dollar | dollars | $ | usd | us$ | dollars américains | dollar américain | dollars us | $ us
CAD: dollars canadiens | dollar canadien | $ ca | cad | $ can
MAD: dirham | dirhams | dh | dhs | mad
XOF: fcfa | f cfa | francs cfa | franc cfa | xof
XAF: xaf
CHF: francs suisses | franc suisse | chf
FRANC: francs | franc
GBP: livres sterling | livre sterling | £ | gbp | livres | livre | pounds | pound
DZD: dinars algériens | dinar algérien | dzd | dinars | dinar
TND: dinars tunisiens | dinar tunisien | tnd
JPY: yen | yens
CNY: yuan | yuans
MRU: ouguiya | ouguiyas
NGN: naira | nairas
GHS: cedi | cedis
ILS: shekel | shekels
INR: roupie | roupies
RUB: rouble | roubles
SAR: riyal | riyals
IRR: rial | rials
GNF: francs guinéens
CDF: francs congolais
""")
CURRENCY_CODES = frozenset(CURRENCY_UNITS.values())
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "chf": "CHF", "mad": "MAD",
}
MEASURE_UNITS = phrases("""
%: % | pour cent | pourcent | pour 100
point: points de pourcentage | point de pourcentage
km: km | kilomètre | kilomètres | kilometre | kilometres
m: m | mètre | mètres | metre | metres
cm: cm | centimètre | centimètres | centimetres
mm: mm | millimètre | millimètres
km²: km ² | km² | km2 | kilomètres carrés
m²: m ² | m² | m2 | mètres carrés
m³: m ³ | m³ | m3 | mètres cubes
km³: km³ | km ³
ha: ha | hectare | hectares
kg: kg | kilo | kilos | kilogramme | kilogrammes
g: g | gramme | grammes
t: t | tonne | tonnes
q: quintal | quintaux
l: l | litre | litres
ml: ml | millilitre | millilitres
cl: cl | centilitre | centilitres
hl: hl | hectolitre | hectolitres
gal: gallon | gallons | gal
mi: mile | miles | mi
nmi: milles nautiques | mille nautique
°C: ° c | °c | degrés celsius | degré celsius | degres celsius | degré c | degrés c | ° celsius
°C: celsius
°F: ° f | °f | degrés fahrenheit | degrès f | degrés f | ° fahrenheit | fahrenheit
°: ° | degré | degrés | degres | deg
km/h: km / h
MW: mw | mégawatts
GW: gw | gigawatts
kW: kw
kWh: kwh
MWh: mwh
GWh: gwh
TWh: twh
""")
TIME_UNITS = phrases("""
an: an | ans | année | années
mois: mois
semaine: semaine | semaines
jour: jour | jours | journée | journées
heure: heure | heures | h
minute: minute | minutes | min | mins | mn
seconde: seconde | secondes | sec
siècle: siècle | siècles
décennie: décennie | décennies
trimestre: trimestre | trimestres
semestre: semestre | semestres
nuit: nuit | nuits
""")
TIME_CODES = frozenset(TIME_UNITS.values())
FOIS_UNITS = phrases("fois: fois")
ALL_UNITS: dict[Phrase, str] = {**CURRENCY_UNITS, **MEASURE_UNITS, **TIME_UNITS, **FOIS_UNITS}
# Single-letter or symbol units only count right after digits.
DIGIT_ONLY_UNITS = frozenset((w,) for w in words("m g t l h ° mi min ml cl hl mm cm km ha kg"))
# Units read only when the text writes them in this case ("3 M" is not metres).
CASE_SENSITIVE_UNITS: dict[Phrase, str] = {(w,): w for w in words("m t g l h")}
# Moroccan shorthand: 3 MDH (millions of dirhams), 1,2 MMDH (billions)
DIRHAM_SCALES: dict[str, int] = {"mdh": 10**6, "mmdh": 10**9}

# --------------------------------------------------------------------------
# Modifiers ("-" is an explicit "no modifier": exactement, précisément)
# --------------------------------------------------------------------------

_MODIFIERS = phrases("""
approx: environ | près des | près de | près d' | quelque | autour de | autour d' | presque
approx: approximativement | à peu près | quasi | quasiment | grosso modo | aux alentours de
approx: de l'ordre de | de l'ordre d' | pratiquement
min: au-dessus de | au-dessus d' | plus de | plus d' | plus que | au moins | au-delà de
min: au-delà d' | pas moins de | pas moins d' | au minimum | minimum | plus de la | au bas mot
max: moins de | moins d' | jusqu' à | jusqu' aux | au plus | au maximum | maximum | pas plus de
max: pas plus d' | en-dessous de | en dessous de | à peine | tout au plus
-: exactement | précisément
""")
MODIFIERS: dict[Phrase, str | None] = {k: None if v == "-" else v for k, v in _MODIFIERS.items()}
MODIFIERS_FIRST = frozenset(key[0] for key in MODIFIERS) | {"entre", "de", "d'"}
# "65 ans et plus", "140 jours au maximum"
POST_MODIFIERS: dict[tuple[str, str], str] = {
    ("et", "plus"): "min", ("au", "maximum"): "max", ("au", "minimum"): "min",
}

# --------------------------------------------------------------------------
# Context words of the exclusion rules
# --------------------------------------------------------------------------

MONTHS = words(
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre "
    "novembre décembre decembre"
)
WEEKDAYS = words("lundi mardi mercredi jeudi vendredi samedi dimanche")
YEAR_CONTEXT_BEFORE = MONTHS | words(
    "en depuis de d' année an exercice fin début mi été hiver printemps automne au à avant "
    "après dès jusqu'en le la l' saison budget horizon d'ici entre et janvier courant vers "
    "pour ou du des dans années campagne promotion édition cuvée millésime olympiques "
    "mondial coupe can euro élections présidentielle législatives recensement rentrée bilan "
    "rapport loi plan vision stratégie agenda programme ans cop jusqu'à sur par contre que"
)
IDENTIFIER_BEFORE = words(
    "article articles art. loi décret dahir n° no nº numéro vol route rn autoroute chapitre "
    "alinéa page p. paragraphe section résolution ligne bus chambre salle tome annexe "
    "circulaire arrêté dossier affaire code boeing airbus covid mig su f rafale version "
    "niveau catégorie zone bloc porte quai terminal tramway métro lot case colonne tableau "
    "figure graphique point rue avenue boulevard km pk"
)
TIME_LOCATING_AFTER: frozenset[Phrase] = frozenset(
    {("plus", "tard"), ("plus", "tôt")}
    | {(w,) for w in words("auparavant après avant premiers premières premier première")}
)
SCORE_CONTEXT = words(
    "score victoire défaite match nul battu battus battue mi-temps s'est imposé imposés "
    "l'emporte emporté vainqueur vainqueurs s'imposer face contre sets set buts"
)
ORDINAL_SUFFIX_RE = r"(e|er|ere|ère|re|ème|eme|è|es|èmes|nd|nde|ᵉ)"
CLOCK_BEFORE = words("à vers dès jusqu'à avant après de")
LOCATING_UNITS = words("an mois semaine jour heure siècle décennie minute trimestre")
FIRST_LAST = words("premiers premières derniers dernières")
DURING = words("cours lors durant pendant")
PLURAL_DETERMINERS = words("des les ces")
# Lower-case plural words after a 4-digit number that do not make it a count
NOT_PLURAL_NOUNS = words(
    "plus mois pas sous dans vers sans puis alors depuis jamais après toujours moins très"
)
SENTENCE_PUNCT = frozenset({".", "!", "?", ":", "«", '"', "(", "–", "-", "—"})
