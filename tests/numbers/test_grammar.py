"""The French number normalizer: table of forms, exclusions, properties, external suites."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from dechiffre.pipeline.errors import NotAnAmount
from dechiffre.pipeline.numbers import Amount, find_amounts, normalize

N = None
# (text, value, value_max, unit, modifier)
FORMS: list[tuple[str, Any, Any, Any, Any]] = [
    # thousands separators
    ("48.963", 48963, N, N, N),
    ("14.260", 14260, N, N, N),
    ("4 388", 4388, N, N, N),
    ("4\u00a0388", 4388, N, N, N),
    ("3 milliards 200 millions 450 mille FCFA", 3200450000, N, "XOF", N),
    # a currency with its country adjective is one unit
    ("4 500 nairas nigérians", 4500, N, "NGN", N),
    ("20 roupies indiennes", 20, N, "INR", N),
    ("3 millions de rands sud-africains", 3000000, N, "ZAR", N),
    # "du" + a fraction after a hedge
    ("plus du tiers", 0.3333, N, N, "min"),
    ("près du quart", 0.25, N, N, "approx"),
    ("moins du cinquième", 0.2, N, N, "max"),
    # a decimal number of points is percentage points (R8)
    ("2,3 points", 2.3, N, "point", N),
    ("0,5 point", 0.5, N, "point", N),
    # frequencies and the Brazilian real (RN22)
    ("2,4 gigahertz", 2.4, N, "GHz", N),
    ("5 GHz", 5, N, "GHz", N),
    ("98,5 MHz", 98.5, N, "MHz", N),
    ("150 R$", 150, N, "BRL", N),
    ("R$ 150", 150, N, "BRL", N),
    ("4\u202f388", 4388, N, N, N),
    ("1\u2009500 euros", 1500, N, "EUR", N),  # thin space, French typography
    ("48\u2007963", 48963, N, N, N),  # figure space
    ("3 000 000", 3000000, N, N, N),
    ("3.000.000", 3000000, N, N, N),
    ("1.200.000", 1200000, N, N, N),
    ("100 000", 100000, N, N, N),
    ("100.000", 100000, N, N, N),
    ("100000", 100000, N, N, N),
    ("27'740", 27740, N, N, N),
    ("1'250'000", 1250000, N, N, N),
    ("12", 12, N, N, N),
    ("0", 0, N, N, N),
    ("210", 210, N, N, N),
    ("999", 999, N, N, N),
    ("1 664", 1664, N, N, N),
    ("10 000 000", 10000000, N, N, N),
    ("25\u00a0000\u00a0000", 25000000, N, N, N),
    # decimals
    ("3,5", 3.5, N, N, N),
    ("6,7", 6.7, N, N, N),
    ("0,5", 0.5, N, N, N),
    ("12,25", 12.25, N, N, N),
    ("6.700,54", 6700.54, N, N, N),
    ("6 700,54", 6700.54, N, N, N),
    ("1 234,5", 1234.5, N, N, N),
    ("3.5", 3.5, N, N, N),
    # scale words
    ("3,5 millions", 3500000, N, N, N),
    ("1,2 milliard", 1200000000, N, N, N),
    ("2 milliards", 2000000000, N, N, N),
    ("30 mille", 30000, N, N, N),
    ("mille", 1000, N, N, N),
    ("un million", 1000000, N, N, N),
    ("un milliard", 1000000000, N, N, N),
    ("deux millions", 2000000, N, N, N),
    ("trois millions", 3000000, N, N, N),
    ("4,8 millions", 4800000, N, N, N),
    ("0,7 milliard", 700000000, N, N, N),
    ("12 millions", 12000000, N, N, N),
    ("1 500 milliards", 1500000000000, N, N, N),
    ("100K", 100000, N, N, N),
    ("100k", 100000, N, N, N),
    ("3M", 3000000, N, N, N),
    ("1,2M", 1200000, N, N, N),
    ("3000K", 3000000, N, N, N),
    ("un million deux cent mille", 1200000, N, N, N),
    # words
    ("zéro", 0, N, N, N),
    ("deux", 2, N, N, N),
    ("six", 6, N, N, N),
    ("onze", 11, N, N, N),
    ("dix-sept", 17, N, N, N),
    ("dix sept", 17, N, N, N),
    ("vingt et un", 21, N, N, N),
    ("vingt-et-un", 21, N, N, N),
    ("vingt-trois", 23, N, N, N),
    ("trente-deux", 32, N, N, N),
    ("quarante mille", 40000, N, N, N),
    ("soixante-dix", 70, N, N, N),
    ("soixante et onze", 71, N, N, N),
    ("quatre-vingts", 80, N, N, N),
    ("quatre-vingt-dix-neuf", 99, N, N, N),
    ("quatre vingt douze", 92, N, N, N),
    ("cent", 100, N, N, N),
    ("deux cents", 200, N, N, N),
    ("cent dix-huit", 118, N, N, N),
    ("trois cent cinquante", 350, N, N, N),
    ("quatre mille vingt", 4020, N, N, N),
    ("deux mille", 2000, N, N, N),
    ("dix mille", 10000, N, N, N),
    ("cent mille", 100000, N, N, N),
    ("septante-huit", 78, N, N, N),
    ("nonante-cinq", 95, N, N, N),
    ("huitante", 80, N, N, N),
    ("trois millions cinq cent mille", 3500000, N, N, N),
    # percentages
    ("12 %", 12, N, "%", N),
    ("12%", 12, N, "%", N),
    ("12\u00a0%", 12, N, "%", N),
    ("12\u202f%", 12, N, "%", N),
    ("12 pour cent", 12, N, "%", N),
    ("3,5 %", 3.5, N, "%", N),
    ("0,8 %", 0.8, N, "%", N),
    ("cent pour cent", 100, N, "%", N),
    ("dix pour cent", 10, N, "%", N),
    ("45 pourcent", 45, N, "%", N),
    # money
    ("20 euros", 20, N, "EUR", N),
    ("20€", 20, N, "EUR", N),
    ("20 €", 20, N, "EUR", N),
    ("€20", 20, N, "EUR", N),
    ("EUR 20", 20, N, "EUR", N),
    ("20 Euros", 20, N, "EUR", N),
    ("3,5 millions d'euros", 3500000, N, "EUR", N),
    ("3,5 millions d’euros", 3500000, N, "EUR", N),
    ("1,2 milliard d'euros", 1200000000, N, "EUR", N),
    ("500 M€", 500000000, N, "EUR", N),
    ("3 Mds €", 3000000000, N, "EUR", N),
    ("5 Mio CHF", 5000000, N, "CHF", N),  # Swiss abbreviation of "millions"
    ("50 mio de francs", 50000000, N, "CHF", N),
    ("10 dollars", 10, N, "USD", N),
    ("dix dollars", 10, N, "USD", N),
    ("$10", 10, N, "USD", N),
    ("10$", 10, N, "USD", N),
    ("10 000 dollars", 10000, N, "USD", N),
    ("2 millions de dollars", 2000000, N, "USD", N),
    ("USD1,23", 1.23, N, "USD", N),
    ("1 USD et 23 centimes", 1.23, N, "USD", N),
    ("50 dollars canadiens", 50, N, "CAD", N),
    ("500 dirhams", 500, N, "MAD", N),
    ("500 DH", 500, N, "MAD", N),
    ("1,2 milliard de dirhams", 1200000000, N, "MAD", N),
    ("2 millions de DH", 2000000, N, "MAD", N),
    ("3 MDH", 3000000, N, "MAD", N),
    ("1,2 MMDH", 1200000000, N, "MAD", N),
    ("500 000 F CFA", 500000, N, "XOF", N),
    ("500 000 FCFA", 500000, N, "XOF", N),
    ("3 milliards de francs CFA", 3000000000, N, "XOF", N),
    ("25 francs suisses", 25, N, "CHF", N),
    ("430 millions de francs suisses", 430000000, N, "CHF", N),
    ("25 CHF", 25, N, "CHF", N),
    ("3,2 milliards de francs", 3200000000, N, "CHF", N),
    ("42 $ US", 42, N, "USD", N),
    ("65 ans et plus", 65, N, "an", "min"),
    ("140 jours au maximum", 140, N, "jour", "max"),
    ("trois ans et demi", 3.5, N, "an", N),
    ("une heure et demie", 1.5, N, "heure", N),
    ("moins 20 degrés", -20, N, "°", N),
    ("près des deux tiers", 0.6667, N, N, "approx"),
    ("25 millions de quintaux", 25000000, N, "q", N),
    ("£9", 9, N, "GBP", N),
    ("neuf livres", 9, N, "GBP", N),
    ("9 livres sterling", 9, N, "GBP", N),
    ("GBP 3,01", 3.01, N, "GBP", N),
    ("10 shekels", 10, N, "ILS", N),
    ("800 dinars tunisiens", 800, N, "TND", N),
    ("15 000 dinars algériens", 15000, N, "DZD", N),
    ("100 yuans", 100, N, "CNY", N),
    # measures
    ("20 km", 20, N, "km", N),
    ("3 kilomètres", 3, N, "km", N),
    ("3km", 3, N, "km", N),
    ("3,0 km", 3, N, "km", N),
    ("9 mètres", 9, N, "m", N),
    ("9m", 9, N, "m", N),
    ("2cm", 2, N, "cm", N),
    ("8 miles", 8, N, "mi", N),
    ("3 000 tonnes", 3000, N, "t", N),
    ("3 000 t", 3000, N, "t", N),
    ("1,5 million de tonnes", 1500000, N, "t", N),
    ("40 kg", 40, N, "kg", N),
    ("12 kilos", 12, N, "kg", N),
    ("250 hectares", 250, N, "ha", N),
    ("250 ha", 250, N, "ha", N),
    ("2 litres", 2, N, "l", N),
    ("250 ml", 250, N, "ml", N),
    ("25cl", 25, N, "cl", N),
    ("3 hectolitres", 3, N, "hl", N),
    ("3 gallons", 3, N, "gal", N),
    ("446 550 km²", 446550, N, "km²", N),
    ("120 mètres carrés", 120, N, "m²", N),
    ("37°C", 37, N, "°C", N),
    ("37 ° celsius", 37, N, "°C", N),
    ("37 degrés Celsius", 37, N, "°C", N),
    ("70°F", 70, N, "°F", N),
    ("45°", 45, N, "°", N),
    ("45 degrés", 45, N, "°", N),
    ("500 MW", 500, N, "MW", N),
    ("130 km/h", 130, N, "km/h", N),
    # durations, ages, fois
    ("trois semaines", 3, N, "semaine", N),
    ("3 ans", 3, N, "an", N),
    ("deux années", 2, N, "an", N),
    ("un an", 1, N, "an", N),
    ("une semaine", 1, N, "semaine", N),
    ("six mois", 6, N, "mois", N),
    ("30 jours", 30, N, "jour", N),
    ("48 heures", 48, N, "heure", N),
    ("deux minutes", 2, N, "minute", N),
    ("1 seconde", 1, N, "seconde", N),
    ("deux siècles", 2, N, "siècle", N),
    ("trois décennies", 3, N, "décennie", N),
    ("3 trimestres", 3, N, "trimestre", N),
    ("sept semaines", 7, N, "semaine", N),
    ("deux fois", 2, N, "fois", N),
    ("trois fois", 3, N, "fois", N),
    ("12 ans", 12, N, "an", N),
    # modifiers
    ("environ 48.963", 48963, N, N, "approx"),
    ("près de 500", 500, N, N, "approx"),
    ("près d'un million", 1000000, N, N, "approx"),
    ("quelque 2 500", 2500, N, N, "approx"),
    ("autour de 30 %", 30, N, "%", "approx"),
    ("presque 40", 40, N, N, "approx"),
    ("à peu près 3 000", 3000, N, N, "approx"),
    ("approximativement 12", 12, N, N, "approx"),
    ("plus de 3,5 millions d'euros", 3500000, N, "EUR", "min"),
    ("plus de 10 euros", 10, N, "EUR", "min"),
    ("plus que 10 euros", 10, N, "EUR", "min"),
    ("au moins 17", 17, N, N, "min"),
    ("au moins 10 euros", 10, N, "EUR", "min"),
    ("au-delà de 5 000", 5000, N, N, "min"),
    ("pas moins de 300", 300, N, N, "min"),
    ("moins de 10 dollars", 10, N, "USD", "max"),
    ("pas plus de 10 dollars", 10, N, "USD", "max"),
    ("jusqu'à 40 °C", 40, N, "°C", "max"),
    ("jusqu’à 40 %", 40, N, "%", "max"),
    ("au plus 200", 200, N, N, "max"),
    ("au maximum 15 ans", 15, N, "an", "max"),
    ("moins d'un million", 1000000, N, N, "max"),
    # vague amounts
    ("une dizaine", 10, N, N, "approx"),
    ("une quinzaine", 15, N, N, "approx"),
    ("une vingtaine", 20, N, N, "approx"),
    ("une trentaine", 30, N, N, "approx"),
    ("une centaine", 100, N, N, "approx"),
    ("un millier", 1000, N, N, "approx"),
    ("des dizaines", 10, N, N, "min"),
    ("des centaines", 100, N, N, "min"),
    ("des milliers", 1000, N, N, "min"),
    ("des millions", 1000000, N, N, "min"),
    ("des milliards", 1000000000, N, N, "min"),
    ("plusieurs milliers", 1000, N, N, "min"),
    ("plusieurs centaines", 100, N, N, "min"),
    ("quelques milliers", 1000, N, N, "min"),
    ("des dizaines de milliers", 10000, N, N, "min"),
    ("plusieurs centaines de milliers", 100000, N, N, "min"),
    ("des millions d'euros", 1000000, N, "EUR", "min"),
    ("des centaines de millions de dollars", 100000000, N, "USD", "min"),
    ("une dizaine de milliers", 10000, N, N, "approx"),
    ("plus d'une dizaine", 10, N, N, "min"),
    ("près d'un millier", 1000, N, N, "approx"),
    # fractions and ratios
    ("la moitié", 0.5, N, N, N),
    ("plus de la moitié", 0.5, N, N, "min"),
    ("un tiers", 0.3333, N, N, N),
    ("deux tiers", 0.6667, N, N, N),
    ("un quart", 0.25, N, N, N),
    ("trois quarts", 0.75, N, N, N),
    ("un cinquième", 0.2, N, N, N),
    ("un migrant sur trois", 0.3333, N, N, N),
    ("un sur trois", 0.3333, N, N, N),
    ("deux élèves sur cinq", 0.4, N, N, N),
    ("1 sur 4", 0.25, N, N, N),
    # ranges
    ("entre 10 et 20", 10, 20, N, "range"),
    ("entre 10 et 20 euro", 10, 20, "EUR", "range"),
    ("entre 10 euro et 20 euro", 10, 20, "EUR", "range"),
    ("entre 2 000 et 3 000", 2000, 3000, N, "range"),
    ("entre trois et cinq ans", 3, 5, "an", "range"),
    ("de 10 à 20 %", 10, 20, "%", "range"),
    ("de 10 à 20", 10, 20, N, "range"),
    ("de 2 à 3 millions d'euros", 2000000, 3000000, "EUR", "range"),
    ("21-25 dollars", 21, 25, "USD", "range"),
    ("10 - 20 euro", 10, 20, "EUR", "range"),
    ("10 euro - 20 euro", 10, 20, "EUR", "range"),
    ("10 à 15 %", 10, 15, "%", "range"),
    ("15-20 km", 15, 20, "km", "range"),
    ("entre 1,5 et 2 milliards de dirhams", 1500000000, 2000000000, "MAD", "range"),
    # negatives and temperatures
    ("-1200000", -1200000, N, N, N),
    ("- 1.200.000", -1200000, N, N, N),
    ("moins 1200000", -1200000, N, N, N),
    ("-10°", -10, N, "°", N),
    ("10 degres en dessous de zero", -10, N, "°", N),
]

# Cross product: every modifier with every number style and unit family.
MODIFIER_WORDS = [
    ("environ", "approx"),
    ("plus de", "min"),
    ("moins de", "max"),
    ("près de", "approx"),
]
STYLES = [("1 500", 1500), ("1.500", 1500), ("1\u00a0500", 1500), ("mille cinq cents", 1500)]
UNIT_WORDS = [("", None), (" euros", "EUR"), (" %", "%"), (" tonnes", "t")]
GENERATED = [
    (f"{mod} {style}{unit}", value, None, code, modifier)
    for (mod, modifier), (style, value), (unit, code) in itertools.product(
        MODIFIER_WORDS, STYLES, UNIT_WORDS
    )
]


@pytest.mark.parametrize(("text", "value", "value_max", "unit", "modifier"), FORMS + GENERATED)
def test_normalize(text: str, value: Any, value_max: Any, unit: Any, modifier: Any) -> None:
    amount = normalize(text)
    assert amount.value == pytest.approx(value, rel=1e-3)
    if value_max is None:
        assert amount.value_max is None
    else:
        assert amount.value_max == pytest.approx(value_max, rel=1e-3)
    assert amount.unit == unit
    assert amount.modifier == modifier


NOT_AMOUNTS = [
    "un rapport",
    "l'un des",
    "aucun",
    "des décennies",
    "plusieurs semaines",
    "quelques kilomètres",
    "premier",
    "3e",
    "1er",
    "2ème",
    "COVID-19",
    "G20",
    "M5S",
    "article 52",
    "14 h 30",
    "le 24 février",
    "bonjour",
    "",
    "   ",
    "une fois",
    "nombreux",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_normalize_rejects(text: str) -> None:
    with pytest.raises(NotAnAmount):
        normalize(text)


# Running text: (sentence, the amount texts expected, in order)
IN_TEXT: list[tuple[str, list[str]]] = [
    ("En 2024, le ministère a recensé 1 200 cas.", ["1 200"]),
    ("Le 24 février, 30 migrants sont arrivés.", ["30"]),
    ("La réunion a eu lieu à 14 h 30 avec 12 délégués.", ["12"]),
    ("Il y a dix ans, 300 personnes vivaient ici.", ["300"]),
    ("Cinq ans plus tard, la ville comptait 4 000 habitants.", ["4 000"]),
    ("Au cours des neuf premiers mois de cette année, 48.963 tentatives.", ["48.963"]),
    ("L'article 52 de la loi 02-03 prévoit 5 ans de prison.", ["5 ans"]),
    ("La COVID-19 a touché le G20 et 3 pays.", ["3"]),
    ("Le Raja s'est imposé 2-1 face au Wydad devant 40 000 spectateurs.", ["40 000"]),
    ("L'un des deux pays a reçu un million de doses.", ["deux", "un million"]),
    ("La guerre des Six Jours a duré six jours.", ["six jours"]),
    ("Les deux-roues représentent 12 % du trafic.", ["12 %"]),
    ("Un bâtiment de trois étages.", ["trois"]),
    ("Appelez le 05 37 12 34 56 pour 2 places.", ["2"]),
    ("Le 1er mars, le 3e trimestre a débuté.", []),
    ("Entre 2019 et 2023, le chômage a atteint 12,5 %.", ["12,5 %"]),
    ("2024 migrants sont arrivés à Lampedusa.", ["2024"]),
    ("Depuis 2015, plus de 3 000 tonnes de blé ont été livrées.", ["plus de 3 000 tonnes"]),
    ("Pendant une semaine, un an de prison a été requis.", ["une semaine", "un an"]),
    ("L'exercice 2024 prévoit 2,5 milliards de dirhams.", ["2,5 milliards de dirhams"]),
    ("Un migrant sur trois a moins de 18 ans.", ["Un migrant sur trois", "moins de 18 ans"]),
    ("Des dizaines de familles et une vingtaine de blessés.", ["Des dizaines", "une vingtaine"]),
    ("Le vol AT 205 transportait 180 passagers.", ["180"]),
    ("La RN7 est fermée sur 20 km.", ["20 km"]),
    ("Les années 1990 ont vu 2 crises.", ["2"]),
    ("La séance de 10 h à 12 h a réuni 50 élus.", ["50"]),
    ("Le 24/02/2024, 7 personnes ont été arrêtées.", ["7"]),
    ("Un rapport de l'OIM cite environ 4 388 migrants.", ["environ 4 388"]),
    ("Il gagne 2 000 dollars par an.", ["2 000 dollars"]),
    ("La température a atteint 45 °C le 3 août.", ["45 °C"]),
    # a year after "en" does not open a range with the amount after it
    ("Il est passé de 4 millions en 2019 à 3,1 millions en 2020.", ["4 millions", "3,1 millions"]),
    ("Il veut porter l'effectif de 30 à 50 agents.", ["30", "50"]),
    ("La demande devrait augmenter de 40 à 60 % d'ici là.", ["de 40 à 60 %"]),
    ("Il possède plus du tiers des parts.", ["plus du tiers"]),
    ("Le parti gagne 7 points et recule de 1,5 point.", ["7", "1,5 point"]),
    ("De 1500 à 2000 personnes ont marché.", ["De 1500 à 2000"]),
    (
        "Il est passé de 300 nairas en mars 2020 à 450 nairas en mars 2021.",
        ["300 nairas", "450 nairas"],
    ),
    # FCFA conversions: falling scale words add up, 'mille' included
    (
        "soit 9 milliards 120 millions 500 mille FCFA en tout",
        ["9 milliards 120 millions 500 mille FCFA"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), IN_TEXT)
def test_find_amounts(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_amounts(text)] == expected


def test_find_amounts_offsets_point_into_text() -> None:
    text = "Le HCR a enregistré environ 4\u00a0388 migrants et 12 % de plus."
    for match in find_amounts(text):
        assert text[match.start : match.end] == match.text


def test_ratio_gives_object() -> None:
    (match,) = find_amounts("Un migrant sur trois est mineur.")
    assert match.object_hint == "migrant"
    assert match.amount == Amount(0.3333)


# ---------------------------------------------------------------------------
# External suites (../shared/external/fr-number-cases)
# ---------------------------------------------------------------------------

from dechiffre.evaluation.number_suites import (  # noqa: E402
    duckling_cases,
    run_duckling_case,
    run_text2num_case,
    text2num_cases,
)


@pytest.mark.shared
def test_duckling_suite(shared_dir: Path) -> None:
    cases = duckling_cases(shared_dir)
    results = [run_duckling_case(c) for c in cases]
    failures = [r for r in results if r.status == "fail"]
    assert not failures, "\n".join(f"{r.case['input']!r}: {r.detail}" for r in failures)


@pytest.mark.shared
def test_text2num_suite(shared_dir: Path) -> None:
    cases = text2num_cases(shared_dir)
    results = [run_text2num_case(c) for c in cases]
    failures = [r for r in results if r.status == "fail"]
    assert not failures, "\n".join(f"{r.case['input']!r}: {r.detail}" for r in failures)
    assert json.dumps([r.status for r in results])  # every case got a status
    assert all(r.detail for r in results if r.status == "unsupported")


@pytest.mark.shared
def test_every_unsupported_case_keeps_a_reason(shared_dir: Path) -> None:
    results = [run_duckling_case(c) for c in duckling_cases(shared_dir)]
    results += [run_text2num_case(c) for c in text2num_cases(shared_dir)]
    unsupported = [r for r in results if r.status == "unsupported"]
    assert all(r.detail for r in unsupported)
    assert len(unsupported) <= 22  # 14 Duckling + 8 text2num (33 before issue 10)
