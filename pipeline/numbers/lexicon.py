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
# "au moins un membre": bounds after which "un" is a count (not "près d'un hôpital")
BARE_BOUNDS = words("moins minimum maximum")
# "un jour", "une année", "une nuit": time words that an article makes a duration only after
# a word of duration ("pendant une année"), else they place or qualify ("une année record")
CONTEXT_TIME_WORDS = words("jour journée année nuit minute seconde")
# Period words that are no units of time after "un/une" (R6): "en une nuit", "une journée de
# deuil"
PERIOD_WORDS = words("journée nuit")
# "un seul", "une seule": the article is then a count of one
ALONE_WORDS = words("seul seule")

SCALES: dict[str, int] = {
    "mille": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "milliard": 10**9,
    "milliards": 10**9,
    "billion": 10**12,
    "billions": 10**12,
    "billiard": 10**15,
    "billiards": 10**15,
    "trillion": 10**18,
    "trillions": 10**18,
}
# Scale words that text2num does not read inside a run of number words ("deux billions").
WORD_RUN_SCALES = words("billion billions billiard billiards trillion trillions")
# Suffixes glued to digits ("100k", "3M", "1,2Md") or standing after them ("3 Mds €").
SUFFIX_SCALES: dict[str, int] = {
    "k": 10**3, "K": 10**3, "M": 10**6, "Mio": 10**6, "mio": 10**6,  # Swiss "5 mio de francs"
    "Md": 10**9, "Mds": 10**9, "Mrd": 10**9, "Mrds": 10**9, "bn": 10**9, "Bn": 10**9,
    "md": 10**9, "mds": 10**9, "mrd": 10**9, "mrds": 10**9,
}
SPACED_SUFFIXES = words("Md Mds Mrd Mrds M Mio mio md mds mrd mrds bn Bn")
# Spaced "k" ("4,5 k€", "4,5 k") only before a currency or the end of a phrase.
SPACED_THOUSANDS = words("k K")
# "5 douzaines", "une demi-douzaine"
DOZENS = words("douzaine douzaines")
HALF_DOZEN = words("demi-douzaine demi-douzaines")
# "une dizaine" (approx) / "des dizaines" (min)
COLLECTIVES: dict[str, int] = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1_000,
}
PLURAL_COLLECTIVES: dict[str, int] = {
    "dizaines": 10, "douzaines": 12, "centaines": 100, "milliers": 10**3, "millions": 10**6,
    "milliards": 10**9, "billions": 10**12,
}
_ORDINAL_DENOMINATORS = {
    "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
    "onzième": 11, "douzième": 12, "quinzième": 15, "vingtième": 20, "trentième": 30,
    "centième": 100, "millième": 1_000, "millionième": 10**6, "milliardième": 10**9,
}
FRACTION_DENOMINATORS: dict[str, int] = {
    "demi": 2, "demis": 2, "tiers": 3, "quart": 4, "quarts": 4,
    **_ORDINAL_DENOMINATORS,
    **{f"{word}s": den for word, den in _ORDINAL_DENOMINATORS.items()},
}
# "un demi-million", "un quart de milliard" (the second through "de")
HALF_SCALES: dict[str, int] = {"demi-" + word: n for word, n in SCALES.items()}
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8, "⅐": 1 / 7, "⅑": 1 / 9, "⅒": 1 / 10,
}
# Denominators of "2 3/4", "5/8" read as fractions (a day/month pair is a date).
SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 100})
DECIMAL_WORDS = words("virgule")
SIGN_WORDS: dict[str, int] = {"moins": -1, "négatif": -1, "negatif": -1, "plus": 1}
HALVES = words("demi demie")
CENTIMES = words("centimes cents centime cent")
# Money subunits: (main currency or "" for the currency named after it, units per main unit)
SUBUNITS: dict[str, tuple[str, int]] = {
    "cents": ("USD", 100), "centimes": ("EUR", 100), "centime": ("EUR", 100),
    "pence": ("GBP", 100), "penny": ("GBP", 100), "pennies": ("GBP", 100),
    "kopecks": ("RUB", 100), "kopeks": ("RUB", 100),
}

# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------

# "FRANC" is resolved per document (Swiss or CFA francs, see ``franc=``); "CFA" is XOF, or
# XAF when the document's francs are XAF. Historical currencies keep their ISO 4217 code
# (FRF, DEM, ITL, ESP, NLG, BEF, PTE, GRD, ATS, IEP, FIM, XEU).
CURRENCY_UNITS = phrases("""
EUR: euro | euros | € | eur
USD: dollar | dollars | $ | usd | dollars américains | dollar américain | dollars us | $ us
CAD: dollars canadiens | dollar canadien | $ ca | cad | $ can
MAD: dirham | dirhams | dh | dhs | mad
CFA: fcfa | f cfa | francs cfa | franc cfa | cfa
XOF: xof | francs cfa bceao | franc cfa bceao | fcfa bceao
XAF: xaf | francs cfa beac | franc cfa beac | fcfa beac
CHF: francs suisses | franc suisse | chf
FRANC: francs | franc
GBP: livres sterling | livre sterling | £ | gbp | livres | livre | pounds | pound
EGP: livres égyptiennes | livre égyptienne | egp
LBP: livres libanaises | livre libanaise | lbp
SYP: livres syriennes | livre syrienne
TRY: livres turques | livre turque | lires turques | lire turque | try
DZD: dinars algériens | dinar algérien | dzd | dinars | dinar
TND: dinars tunisiens | dinar tunisien | tnd
IQD: dinars irakiens | dinar irakien | iqd
KWD: dinars koweïtiens | dinar koweïtien | kwd
LYD: dinars libyens | dinar libyen | lyd
JOD: dinars jordaniens | dinar jordanien | jod
AED: dirhams émiratis | dirham émirati | aed
KES: shilling | shillings | shillings kényans | shilling kényan | kes
UGX: shillings ougandais | shilling ougandais | ugx
TZS: shillings tanzaniens | shilling tanzanien | tzs
ZAR: rand | rands | rands sud-africains | rand sud-africain | zar
ZMW: kwacha | kwachas | kwachas zambiens | zmw
MWK: kwachas malawites | kwacha malawite | mwk
ETB: birr | birrs | etb
SEK: couronne | couronnes | couronnes suédoises | couronne suédoise | sek
DKK: couronnes danoises | couronne danoise | dkk
NOK: couronnes norvégiennes | couronne norvégienne | nok
CZK: couronnes tchèques | couronne tchèque | czk
ISK: couronnes islandaises | couronne islandaise | isk
HUF: forint | forints | huf
PLN: zloty | zlotys | pln
KRW: won | wons | krw
BRL: real | reais | réals | brl | r $
MXN: pesos mexicains | peso mexicain | mxn
ARS: pesos argentins | peso argentin | ars
UAH: hryvnia | hryvnias | uah
AOA: kwanza | kwanzas | aoa
MGA: ariary | ariarys | mga
RWF: francs rwandais | franc rwandais | rwf
BIF: francs burundais | franc burundais | bif
KMF: francs comoriens | franc comorien | kmf
DJF: francs djiboutiens | franc djiboutien | djf
XPF: francs cfp | franc cfp | xpf
FRF: francs français | franc français | anciens francs | ancien franc | nouveaux francs | frf
DEM: mark | marks | deutsche mark | deutschemark | deutschemarks | deutsche marks | dem
ITL: lires | lires italiennes | lire italienne | itl
ESP: peseta | pesetas | esp
NLG: florin | florins | gulden | nlg
BEF: francs belges | franc belge | bef
PTE: escudo | escudos | pte
GRD: drachme | drachmes | grd
ATS: schillings autrichiens | schilling autrichien | ats
IEP: livres irlandaises | livre irlandaise | iep
FIM: markka | markkaa | fim
XEU: écu | écus | xeu
JPY: yen | yens | yens japonais | yen japonais
CNY: yuan | yuans | yuans chinois | yuan chinois
MRU: ouguiya | ouguiyas
NGN: naira | nairas | nairas nigérians | naira nigérian | nairas nigérianes
GHS: cedi | cedis | cedis ghanéens | cedi ghanéen
ILS: shekel | shekels | shekels israéliens | shekel israélien
INR: roupie | roupies | roupies indiennes | roupie indienne
RUB: rouble | roubles | roubles russes | rouble russe
SAR: riyal | riyals | riyals saoudiens | riyal saoudien
IRR: rial | rials | rials iraniens | rial iranien
GNF: francs guinéens | franc guinéen | gnf
CDF: francs congolais | franc congolais | cdf
JPY: jpy
CNY: cny | renminbi | renminbis
INR: inr
RUB: rub
SAR: sar
IRR: irr
NGN: ngn
GHS: ghs
ILS: ils
MRU: mru
""")
# Feminine unit nouns whose masculine twin means something else ("un livre" is a book)
FEMININE_UNIT_WORDS = words("livre")
# Currencies without cents in use: "57,531 FCFA" is 57 531 (ISO 4217 minor unit 0)
WHOLE_CURRENCIES = words("XOF XAF GNF RWF BIF KMF DJF XPF JPY KRW UGX")
CURRENCY_CODES = frozenset(CURRENCY_UNITS.values()) | {"XOF", "XAF"}
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "chf": "CHF", "mad": "MAD", "¥": "JPY", "₹": "INR", "₦": "NGN", "₽": "RUB",
}
# Units read only glued to digits, in this case: "1,5C" (news style for 1,5 °C)
GLUED_UNITS: dict[str, str] = {"C": "°C"}
# Measure units written before the number: "Mach 5"
PREFIX_UNITS: dict[str, str] = {"mach": "Mach"}
# Two-token prefixes: "US$ 5", "C$ 10", "CA$ 10"
CURRENCY_PREFIX_PAIRS: dict[Phrase, str] = {
    ("us", "$"): "USD", ("c", "$"): "CAD", ("ca", "$"): "CAD", ("a", "$"): "AUD",
    ("r", "$"): "BRL",
}
MEASURE_UNITS = phrases("""
%: % | pour cent | pourcent | pourcents | pour-cent | pour-cents | pour 100 | p . c .
‰: ‰ | pour mille | pour-mille
point: points de pourcentage | point de pourcentage
km: km | kilomètre | kilomètres | kilometre | kilometres
m: m | mètre | mètres | metre | metres
cm: cm | centimètre | centimètres | centimetres
mm: mm | millimètre | millimètres
km²: km ² | km² | kilomètres carrés | kilomètre carré | km carrés | km carré
m²: m ² | m² | mètres carrés | mètre carré
m³: m ³ | m³ | mètres cubes
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
°C: ° c | degrés celsius | degré celsius | degres celsius | degré c | degrés c | ° celsius
°C: celsius
°F: ° f | degrés fahrenheit | degrès f | degrés f | ° fahrenheit | fahrenheit
°: ° | degré | degrés | degres | deg | deg .
km/h: km / h | kilomètres à l' heure | kilomètres par heure | kilomètres-heure
m/s: m / s | mètres par seconde
kn: nœuds | noeuds | nœud | noeud
al: années-lumière | année-lumière | al
au: unités astronomiques | unité astronomique | ua
M☉: masses solaires | masse solaire
ct: carat | carats | ct
kt: kt | kilotonnes | kilotonne
Mt: mt | mégatonnes | mégatonne
oz: once | onces
bbl: baril | barils | bbl
ft³: pieds cubes | pied cube
mg: mg | milligramme | milligrammes
µg: µg | μg | microgramme | microgrammes
mph: mph | miles par heure | miles à l' heure
Mach: mach
kJ: kj | kilojoules | kilojoule
Go: go | gigaoctets | gigaoctet | giga-octets | giga-octet
Mo: mo | mégaoctets | mégaoctet | méga-octets | méga-octet
To: to | téraoctets | téraoctet | téra-octets | téra-octet
Gbit/s: gigabits par seconde | gigabit par seconde | gbit / s | gb / s | gbps
Mbit/s: mégabits par seconde | mégabit par seconde | mbit / s | mb / s | mbps
ft: pieds
lb: lb | lbs
in: pouces
dB: décibels | décibel | db
kcal: kilocalories | kilocalorie | kcal | kcals | calories | calorie
kWc: kwc
MW: mw | mégawatts | mégawatt
W: watts | watt
V: volts | volt
GW: gw | gigawatts | gigawatt
kW: kw | kilowatts | kilowatt
kWh: kwh | kilowattheures | kilowattheure | kilowatts-heure
MWh: mwh | mégawattheures | mégawattheure | mégawatts-heure
GWh: gwh | gigawattheures | gigawattheure | gigawatts-heure
TWh: twh | térawattheures | térawattheure | térawatts-heure
GHz: ghz | gigahertz
MHz: mhz | mégahertz
Hz: hz | hertz
""")
TIME_UNITS = phrases("""
an: an | ans | année | années
mois: mois
semaine: semaine | semaines
jour: jour | jours | journée
heure: heure | heures | h
minute: minute | minutes | min | mins | mn
seconde: seconde | secondes | sec
siècle: siècle | siècles
millénaire: millénaire | millénaires
décennie: décennie | décennies
trimestre: trimestre | trimestres
semestre: semestre | semestres
nuit: nuit | nuits
""")
TIME_CODES = frozenset(TIME_UNITS.values())
FOIS_UNITS = phrases("fois: fois")
ALL_UNITS: dict[Phrase, str] = {**CURRENCY_UNITS, **MEASURE_UNITS, **TIME_UNITS, **FOIS_UNITS}
UNIT_FIRST = frozenset(key[0] for key in ALL_UNITS)
UNIT_SIZES = tuple(sorted({len(key) for key in ALL_UNITS}, reverse=True))
TEMPERATURES = frozenset({"°C", "°F", "°"})
# Single-letter or symbol units only count right after digits.
DIGIT_ONLY_UNITS = frozenset(
    (w,)
    for w in words("m g t l h ° mi min ml cl hl mm cm km ha kg al ua ct kt mt db oz kwc mg")
    | words("lb lbs")
)
# Symbols that may follow number words too ("deux km"); single letters never do
WORD_SYMBOL_UNITS = frozenset((w,) for w in words("km kg cm mm ml cl hl min ha"))
# Units read only when the text writes them in this case ("3 M" is not metres).
CASE_SENSITIVE_UNITS: dict[Phrase, str] = {
    (w.lower(),): w for w in words("m t g l h Mt ua Go Mo To")
}
# Moroccan shorthand: 3 MDH (millions of dirhams), 1,2 MMDH (billions)
DIRHAM_SCALES: dict[str, int] = {"mdh": 10**6, "mmdh": 10**9}

# --------------------------------------------------------------------------
# Modifiers ("-" is an explicit "no modifier": exactement, précisément)
# --------------------------------------------------------------------------

_MODIFIERS = phrases("""
approx: environ | près des | près de | près d' | quelque | autour de | autour d' | presque
approx: approximativement | à peu près | quasi | quasiment | grosso modo | aux alentours de
approx: de l' ordre de | de l' ordre d' | pratiquement | quelques | grosso-modo | pas loin de
approx: aux environs de | aux environs d' | en gros | pas loin d'
min: au-dessus de | au-dessus d' | plus de | plus d' | plus que | au moins | au-delà de
min: au-delà d' | pas moins de | pas moins d' | au minimum | minimum | plus de la | au bas mot
min: un peu plus de | un peu plus d' | un minimum de | un minimum d' | jusqu' à plus de
min: jusqu' à plus d' | pas moins que | bien plus de | bien plus d' | largement plus de
min: au-dessus des | pas moins | + de | + d' | plus du | bien plus du
approx: près du
max: moins du
max: moins de | moins d' | jusqu' à | jusqu' aux | au plus | au maximum | maximum | pas plus de
max: pas plus d' | en-dessous de | en dessous de | tout au plus
max: un peu moins de | un peu moins d' | un maximum de | un maximum d' | pas plus que
max: au-dessous de | au-dessous d' | moins que | guère plus de | guère plus d'
min: plus des | bien plus des
max: moins des
-: exactement | précisément
""")
MODIFIERS: dict[Phrase, str | None] = {k: None if v == "-" else v for k, v in _MODIFIERS.items()}
MODIFIER_FIRST = frozenset(key[0] for key in MODIFIERS)
MODIFIERS_FIRST = MODIFIER_FIRST | {"entre", "de", "d'"}
# "65 ans et plus", "140 jours au maximum"
POST_MODIFIERS = phrases("""
min: et plus | au minimum | au moins | ou plus | au bas mot | et davantage | voire plus
max: au maximum | au plus | tout au plus | ou moins | maximum | voire moins
approx: environ | à peu près | approximativement | ou presque | grosso modo
""")
POST_MODIFIER_FIRST = frozenset(key[0] for key in POST_MODIFIERS)

# --------------------------------------------------------------------------
# Context words of the exclusion rules
# --------------------------------------------------------------------------

MONTHS = words(
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre "
    "novembre décembre decembre"
)
# Abbreviated months of datelines ("RABAT, 9 sept. (MAP)", "Dakar, 20 janv. (APS)")
MONTH_ABBREVIATIONS = words("janv févr fév avr juil sept oct nov déc")
# Verbs and nouns before "le 117": a phone number is dialled, not counted
DIAL_WORDS = words(
    "composer composez compose composé appeler appelez appelle appelé joindre contacter "
    "numéro sms"
)
WEEKDAYS = words("lundi mardi mercredi jeudi vendredi samedi dimanche")
# Words before "3/4" that make it a date, not a fraction
DATE_BEFORE = WEEKDAYS | words("le du au ce depuis dès jusqu'au")
YEAR_CONTEXT_BEFORE = MONTHS | words(
    "en depuis de d' année an exercice fin début mi été hiver printemps automne au à avant "
    "après dès jusqu'en le la l' saison budget horizon d'ici entre et janvier courant vers "
    "pour ou du des dans années campagne promotion édition cuvée millésime olympiques "
    "mondial coupe can euro élections présidentielle législatives recensement rentrée bilan "
    "rapport loi plan vision stratégie agenda programme ans cop jusqu'à sur par contre que"
)
# Identifier words that are also past participles ("l'arrêté 12" / "a arrêté 12 passeurs"), and
# the auxiliaries and adverbs before a participle.
PARTICIPLE_IDENTIFIERS = words("arrêté")
# Identifier words that are also verbs in the present ("la porte 3" / "le navire porte 120
# conteneurs"): a verb when a plural noun follows the number.
VERB_IDENTIFIERS = words("porte règle figure")
AUXILIARIES = words(
    "a ont ai as avons avez avait avaient aura auront aurait auraient ayant avoir "
    "été est sont était étaient sera seront fut furent être"
)
AUXILIARY_ADVERBS = words("déjà aussi également encore ainsi récemment notamment pas plus")
IDENTIFIER_BEFORE = words(
    "article articles art. loi loi-cadre décret dahir n° no nº numéro vol route rn autoroute "
    "chapitre "
    "alinéa page p. paragraphe section résolution ligne bus chambre salle tome annexe "
    "circulaire arrêté dossier affaire code boeing airbus covid mig su f rafale version "
    "niveau catégorie zone bloc porte quai terminal tramway métro lot case colonne tableau "
    "figure graphique point rue avenue boulevard km pk phase règle système grade niveaux "
    "taille nationale départementale"
)
# "zéro" spelled out, and the words before "de zéro" that make it a value ("proches de zéro").
ZERO_WORDS = words("zéro zero")
NEAR_WORDS = words("proche proches près")
# Words before "zéro" that make it a goal or a state: "net zéro", "remettre à zéro", "« zéro »".
ZERO_STATE_BEFORE = words('net nette à objectif " « “')
# Nouns of a street after its house number: "au 12 rue de la Liberté".
STREET_NOUNS = words("rue avenue boulevard bd impasse allée chemin")
TIME_LOCATING_AFTER: frozenset[Phrase] = frozenset(
    {("plus", "tard"), ("plus", "tôt")}
    | {(w,) for w in words("auparavant après avant premiers premières premier première")}
)
SCORE_CONTEXT = words(
    "score victoire défaite match nul battu battus battue mi-temps s'est imposé imposés "
    "l'emporte emporté vainqueur vainqueurs s'imposer face contre sets set buts gagné gagne "
    "gagnent perdu perd remporté"
)
# Ordinal suffixes also read after a space ("son 644 ème but"); "e" alone is too ambiguous
SPACED_ORDINAL_SUFFIXES = words("ème eme ième ieme èmes ièmes er ère")
ORDINAL_SUFFIX_RE = r"(e|er|ere|ère|re|ème|eme|è|es|èmes|nd|nde|ᵉ)"
CLOCK_BEFORE = words("à vers dès jusqu'à avant après de")
# "vers 6 heures", "dès 8 heures": a clock time when the unit is the hour
CLOCK_HOUR_BEFORE = words("vers dès jusqu'à")
# "6 heures du soir", "15 heures pile", "18 heures GMT"
CLOCK_AFTER: frozenset[Phrase] = frozenset(
    {("du", "soir"), ("du", "matin"), ("de", "l'après-midi"), ("de", "la", "nuit")}
    | {(w,) for w in words("pile précises précise gmt utc locale heure")}
)
# "à deux heures de route", "à trois heures de Houston": a distance in time, no clock time
TRAVEL_WORDS = words("route vol voiture marche train bateau avion bus car piste navigation")
DAY_BEFORE = words("le les")
DECADE_BEFORE = words("années")
# After "Capitalised N", these keep N a count ("la Tunisie 3 et le Maroc 2", "Lyon 2 contre 1")
NAME_NUMBER_LINKS = words("et ou à de d' du des sur contre pour par en dont soit plus moins au aux")
# Words before a number that make it part of a name: isotopes, spacecraft, products
NAME_BEFORE = words(
    "iode uranium césium plutonium carbone strontium cobalt radium thorium tritium potassium "
    "apollo soyouz spoutnik voyager artemis gemini mercury vostok luna chandrayaan "
    "windows iphone galaxy pixel playstation xbox kepler gliese trappist hd trisomie top "
    "type ligue chapeau division formule oméga omega "
    "ariane falcon vega"
)
# A number word after these is a rank: "le numéro deux du régime"
RANK_BEFORE = words("numéro numero n° no")
# Set phrases whose number counts nothing: "aux quatre coins du monde", "à deux doigts de"
IDIOMS: frozenset[Phrase] = frozenset(
    tuple(form.split())
    for form in (
        "aux quatre coins | à deux doigts | tolérance zéro | à deux facteurs | isotherme zéro "
        "| faire les cent pas | fait les cent pas | les quatre cents coups | se mettre en quatre "
        "| en deux temps trois mouvements | couper la poire en deux | entre quatre yeux "
        "| à quatre pattes | à deux vitesses | onze de départ | onze titulaire | onze type "
        "| onze entrant | 24 heures sur 24 | 24 h sur 24 | 7 jours sur 7 | 24 h / 24 | 7 j / 7 "
        "| rugby à sept | rugby à quinze | rugby à xv | football à cinq | foot à cinq "
        "| isotherme du zéro | partir de zéro | repartir de zéro | recommencer à zéro "
        "| repartir à zéro | remettre à zéro | remis à zéro | remise à zéro | remettant à zéro "
        "| remet à zéro | patient zéro | joindre les deux bouts | à un chiffre | à deux chiffres "
        "| à trois chiffres | mille mercis | guerre de 14 - 18 | guerre 14 - 18 "
        # from one period to the next: "les ventes ont triplé d'une année sur l'autre"
        "| d' une année sur l' autre | d' une année à l' autre | d' un an sur l' autre "
        "| d' un an à l' autre | d' un mois sur l' autre | d' un mois à l' autre "
        "| d' une semaine sur l' autre | d' une semaine à l' autre | d' un jour sur l' autre "
        "| d' un jour à l' autre"
    ).split(" | ")
)


def _by_word(table: frozenset[Phrase]) -> dict[str, tuple[tuple[Phrase, int], ...]]:
    """word -> (phrase, position of the word in it)."""
    index: dict[str, tuple[tuple[Phrase, int], ...]] = {}
    for phrase in sorted(table):
        for at, word in enumerate(phrase):
            index[word] = (*index.get(word, ()), (phrase, at))
    return index


# A number looks up only the idioms that hold it
IDIOMS_BY_WORD = _by_word(IDIOMS)
# TV and radio channels: capitalised name -> the numbers it carries
# Media nouns before a channel's name, and a channel's name in digits and capitals: "la chaîne
# 2M", "la radio 1FM" (the numbers' exclusion channel_code and the ORG cue rule read both).
CHANNEL_NOUNS = words("chaîne chaînes radio télévision télé station antenne")
CHANNEL_CODE_RE = r"\d+[A-Z]\w*"
CHANNELS: dict[str, frozenset[int]] = {
    "France": frozenset({2, 3, 4, 5, 24}), "Europe": frozenset({1}),
    "Antenne": frozenset({2}), "RTL": frozenset({2, 9}), "Canal": frozenset({3}),
    "Radio": frozenset({1, 4, 5}), "LCP": frozenset({1}),
}
# A single capital letter and a dot before digits: legal code articles (L. 2212-2)
LEGAL_LETTERS = words("L R D A")
# A duration after these is no time-locating phrase, "après" or not ("un confinement de
# trois semaines après...", "tué en neuf mois")
DURATION_BEFORE = words("de d' en pendant durant depuis")
# Adverbs between a duration and "avant"/"après": "deux ans seulement après"
# "à dix jours de la fin": a determiner after "de" makes the duration a distance in time
EVENT_DETERMINERS = words(
    "la le l' les son sa ses leur leurs ce cet cette ces notre nos votre vos mon ma mes"
)
RELATIVE_ADVERBS = words("seulement juste environ pile exactement tout à peine à-peine plus")
LOCATING_UNITS = words(
    "an mois semaine jour heure siècle millénaire décennie minute seconde trimestre"
)
FIRST_LAST = words("premiers premières derniers dernières")
NEXT_WORDS = words("prochains prochaines")
# "les 100 meilleurs joueurs", "l'un des trois meilleurs": a rank like "les dix premiers" (RN26)
BEST_WORDS = words("meilleurs meilleures")
# Words before "les N derniers/premiers + time" that make the window a duration (RN23):
# "pendant les quatre dernières années", "a passé les 20 dernières années à"; without them
# the window places or qualifies ("la littérature des 30 dernières années")
WINDOW_DURATION_BEFORE = words(
    "pendant durant depuis passer passé passée passés passées passe passes passent passait "
    "passaient passera passeront passant passons passez"
)
# Nouns that a number after them labels, not counts: "les parties un et deux", "l'épisode 3"
LABEL_NOUNS = words(
    "partie parties chapitre chapitres épisode épisodes tome tomes volet volets acte actes"
)
# "1 mètre 90", "du haut de son mètre quatre-vingt": a height; the determiners that make
# "mètre" one metre
HEIGHT_METRES = words("mètre mètres")
HEIGHT_DETERMINERS = words("son sa mon ton leur")
# "six morts, dont une grande partie": words that make "dont un(e)" no count of one (RN24)
PART_WORDS = words("partie part majorité minorité moitié nombre quantité poignée série")
# Verbs that place one event before or after another by a duration (RN23, like "N avant"):
# "qui précède de deux siècles la poste", "antérieur de trois siècles"
PRECEDE_FORMS = words(
    "précède précèdent précédé précédée précédés précédées précédait précédaient précédant "
    "antérieur antérieure antérieurs antérieures postérieur postérieure postérieurs postérieures"
)
# "le 200 m", "du 100 mètres": a race named by its distance
RACE_DETERMINERS = words("le du au")
# "au cours des neuf premiers mois" dates an event; "pendant les quatre dernières années" is a
# duration (RN23)
DURING = words("cours lors")
PLURAL_DETERMINERS = words("des les ces")
# Lower-case plural words after a 4-digit number that do not make it a count
NOT_PLURAL_NOUNS = words(
    "plus mois pas sous dans vers sans puis alors depuis jamais après toujours moins très "
    "nous vous"
)
# Years before 1800 are counts unless these come before them ("en 1627", "vers 1500")
OLD_YEAR_BEFORE = MONTHS | words(
    "en vers depuis dès jusqu'en an été hiver printemps automne fin début mi"
)
# ... or "de" after one of these: an act or event named by its year ("la loi d'abolition de 1780",
# "la révolution de 1789"; not "un total de 1500")
OLD_YEAR_EVENTS = words(
    "loi lois traité traités accord accords convention conventions constitution charte édit "
    "décret déclaration code révolution révolte guerre bataille siège massacre famine épidémie "
    "peste séisme tremblement incendie éruption expédition conférence congrès concile"
)
# An era after a number makes it a year: "vers 1500 avant J.-C.", "1450 de notre ère", "164 BC"
ERAS: frozenset[Phrase] = frozenset(
    tuple(form.split())
    for form in (
        "avant j . - c . | av . j . - c . | après j . - c . | apr . j . - c . | avant jc "
        "| av . jc | avant notre ère | de notre ère | av . notre ère | bc | bce | ad"
    ).split(" | ")
)
# "Groupe des 77", "Club des Cinq": a capitalised body name ending in "des" + number
NAME_BEFORE_DES = words("groupe club clan bande tournoi")
# Ordinals before "moitié" that place it in time: "la seconde moitié du siècle"
HALF_ORDINALS = words("première premiere seconde deuxième deuxieme dernière derniere")
# Units of one dimension: (base, size in base). A mixed range takes its upper bound's unit
# ("entre 800 g et 2 kg" -> 0.8 to 2 kg, RN30).
CONVERSIONS: dict[str, tuple[str, float]] = {
    "µg": ("g", 1e-6), "mg": ("g", 1e-3), "g": ("g", 1), "kg": ("g", 1e3), "q": ("g", 1e5),
    "t": ("g", 1e6),
    "mm": ("m", 1e-3), "cm": ("m", 1e-2), "m": ("m", 1), "km": ("m", 1e3),
    "ml": ("l", 1e-3), "cl": ("l", 1e-2), "l": ("l", 1), "hl": ("l", 1e2),
    "seconde": ("s", 1), "minute": ("s", 60), "heure": ("s", 3600), "jour": ("s", 86400),
    "semaine": ("s", 604800), "mois": ("an", 1 / 12), "an": ("an", 1),
    "kW": ("W", 1e3), "MW": ("W", 1e6), "GW": ("W", 1e9),
    "kWh": ("Wh", 1e3), "MWh": ("Wh", 1e6), "GWh": ("Wh", 1e9), "TWh": ("Wh", 1e12),
}
# "des peines allant de 5 à 10 ans": words before "de X à Y" that make it one range even near a
# word of change
RANGE_WORDS = words(
    "allant allait allaient vont va variant varie varient oscillant oscille oscillent "
    "s'échelonnant s'échelonnent s'étendant comprise compris comprises âgés âgées âgé âgée"
)
# "passé de 15 à 18 milliards": a change from one value to another, two amounts (RN20)
CHANGE_WORDS = words(
    "passé passée passés passées passant passer passe passera passait augmenté augmentée "
    "augmentés augmentant augmentation diminué diminuée diminuant diminution chuté chutant "
    "grimpé grimpant bondi reculé reculant progressé progressant relevé relevée relèvement "
    "abaissé abaissée réduit réduite réduction ramené ramenée porté portée portant évolué "
    "évolution glissé tombé tombée monté montée descendu descendue gonflé multiplié passage "
    "porter porte portera ramener ramène réduire réduisant"
)
# "72,47° Est": a coordinate, not an angle
COMPASS = words("nord sud est ouest n s e o w")
# A line break left escaped in scraped text (backslash + n) also starts a line
ESCAPED_BREAKS = frozenset({"\\n", "\\r", "\\t"})
SENTENCE_PUNCT = frozenset({".", "!", "?", ":", "«", '"', "(", "–", "-", "—"}) | ESCAPED_BREAKS
