"""Every way French writes an amount (issue 10, section 1): one table per family, values checked."""

from __future__ import annotations

from typing import Any

import pytest

from dechiffre.pipeline.numbers import find_amounts, normalize

N = None
Row = tuple[str, Any, Any, Any, Any]  # text, value, value_max, unit, modifier

FRACTIONS: list[Row] = [
    ("un septième", 1 / 7, N, N, N),
    ("trois quarts", 0.75, N, N, N),
    ("deux tiers de milliard", 2e9 / 3, N, N, N),
    ("un demi-million", 500_000, N, N, N),
    ("un quart de milliard", 250_000_000, N, N, N),
    ("sept huitièmes", 0.875, N, N, N),
    ("quatre et demi", 4.5, N, N, N),
    ("sept et un quart", 7.25, N, N, N),
    ("deux heures et demie", 2.5, N, "heure", N),
    ("trois heures et quart", 3.25, N, "heure", N),
    ("un sur quinze", 1 / 15, N, N, N),
    ("3 sur 4", 0.75, N, N, N),
    ("¾", 0.75, N, N, N),
    ("⅓", 1 / 3, N, N, N),
    ("2 ¾", 2.75, N, N, N),
    ("2 3/4", 2.75, N, N, N),
    ("5/8", 0.625, N, N, N),
    ("trois quarts d'heure", 0.75, N, "heure", N),
    ("deux milliards et trois quarts", 2.75e9, N, N, N),
    ("neuf millions et demi", 9.5e6, N, N, N),
    ("2,5 millions et demi", 3e6, N, N, N),
    ("trois millions et demi d'euros", 3.5e6, N, "EUR", N),
]
DOZENS: list[Row] = [
    ("une douzaine", 12, N, N, "approx"),
    ("demi-douzaine", 6, N, N, N),
    ("une demi-douzaine", 6, N, N, "approx"),
    ("la demi-douzaine", 6, N, N, "approx"),
    ("5 douzaines", 60, N, N, N),
    ("cinq douzaines", 60, N, N, N),
    ("des douzaines", 12, N, N, "min"),
]
SCALES: list[Row] = [
    ("deux billions", 2e12, N, N, N),
    ("3 billions", 3e12, N, N, N),
    ("un billion", 1e12, N, N, N),
    ("trois billiards", 3e15, N, N, N),
    ("un trillion", 10**18, N, N, N),
    ("25 mille", 25_000, N, N, N),
    ("4,5 k", 4_500, N, N, N),
    ("4,5 k€", 4_500, N, "EUR", N),
    ("12k", 12_000, N, N, N),
    ("1,2 Md", 1.2e9, N, N, N),
    ("3 Mds", 3e9, N, N, N),
    ("1,2 Md€", 1.2e9, N, "EUR", N),
    ("500 M€", 5e8, N, "EUR", N),
    ("2 Mrd", 2e9, N, N, N),
    ("3 bn", 3e9, N, N, N),
    ("3bn $", 3e9, N, "USD", N),
    ("41 billions 912 milliards 785 millions", 41_912_785_000_000, N, N, N),
    ("environ 2 billions 270 milliards de FCFA", 2_270_000_000_000, N, "XOF", "approx"),
]
SIGNS: list[Row] = [
    ("-3,4", -3.4, N, N, N),
    ("−2,5 %", -2.5, N, "%", N),
    ("moins 5 degrés", -5, N, "°", N),
    ("négatif deux", -2, N, N, N),
    ("plus vingt degrés", 20, N, "°", N),
    ("10 en dessous de zéro", -10, N, "°", N),
]
SCIENTIFIC: list[Row] = [
    ("3,1e9", 3.1e9, N, N, N),
    ("4,5E+12", 4.5e12, N, N, N),
    ("10^6", 1e6, N, N, N),
    ("10⁶", 1e6, N, N, N),
    ("2e-3", 0.002, N, N, N),
]
PERCENT: list[Row] = [
    ("12 pour-cent", 12, N, "%", N),
    ("5 pourcents", 5, N, "%", N),
    ("45 pourcent", 45, N, "%", N),
    ("12 pour cent", 12, N, "%", N),
    ("3 p.c.", 3, N, "%", N),
    ("2 pour mille", 2, N, "‰", N),
    ("3 ‰", 3, N, "‰", N),
    ("2 points de pourcentage", 2, N, "point", N),
    ("0,5 point de pourcentage", 0.5, N, "point", N),
]
VIRGULE_AND_SWISS: list[Row] = [
    ("trois cent virgule cinq", 300.5, N, N, N),
    ("zéro virgule cinq", 0.5, N, N, N),
    ("douze virgule quatre-vingt-dix-neuf", 12.99, N, N, N),
    ("cent vingt virgule zéro cinq", 120.05, N, N, N),
    ("un virgule deux", 1.2, N, N, N),
    ("trois virgule cinq millions", 3.5e6, N, N, N),
    ("septante-cinq", 75, N, N, N),
    ("nonante", 90, N, N, N),
    ("huitante-deux", 82, N, N, N),
    ("octante", 80, N, N, N),
]
MONEY: list[Row] = [
    ("75 cents", 0.75, N, "USD", N),
    ("310 centimes", 3.1, N, "EUR", N),
    ("85 pence", 0.85, N, "GBP", N),
    ("12 centimes d'euro", 0.12, N, "EUR", N),
    ("50 centimes de dirham", 0.5, N, "MAD", N),
    ("douze euros et trente cents", 12.3, N, "EUR", N),
    ("20 dollars 40", 20.4, N, "USD", N),
    ("1 USD et 23 centimes", 1.23, N, "USD", N),
    ("€250", 250, N, "EUR", N),
    ("250 €", 250, N, "EUR", N),
    ("8 millions de $", 8e6, N, "USD", N),
    ("US$ 5", 5, N, "USD", N),
    ("5 $ US", 5, N, "USD", N),
    ("¥ 300", 300, N, "JPY", N),
    ("environ 10 cents", 0.1, N, "USD", "approx"),
]
# (currency phrase, ISO code): every currency that news names, historical ones included
CURRENCIES: list[tuple[str, str]] = [
    ("yuans", "CNY"), ("roupies", "INR"), ("rials", "IRR"), ("nairas", "NGN"),
    ("cedis", "GHS"), ("shillings", "KES"), ("shillings kényans", "KES"),
    ("shillings ougandais", "UGX"), ("rands", "ZAR"), ("livres", "GBP"),
    ("livres sterling", "GBP"), ("livres égyptiennes", "EGP"), ("dinars", "DZD"),
    ("dinars tunisiens", "TND"), ("dinars irakiens", "IQD"), ("dirhams", "MAD"),
    ("dirhams émiratis", "AED"), ("francs CFA", "XOF"), ("FCFA", "XOF"),
    ("francs CFA BEAC", "XAF"), ("francs guinéens", "GNF"), ("kwachas", "ZMW"),
    ("birrs", "ETB"), ("couronnes", "SEK"), ("couronnes danoises", "DKK"),
    ("couronnes norvégiennes", "NOK"), ("florins", "NLG"), ("marks", "DEM"),
    ("deutsche marks", "DEM"), ("francs français", "FRF"), ("anciens francs", "FRF"),
    ("lires", "ITL"), ("pesetas", "ESP"), ("francs belges", "BEF"), ("escudos", "PTE"),
    ("drachmes", "GRD"), ("écus", "XEU"), ("yens", "JPY"), ("roubles", "RUB"),
    ("shekels", "ILS"), ("francs congolais", "CDF"), ("ouguiyas", "MRU"),
]
UNITS: list[Row] = [
    ("4 années-lumière", 4, N, "al", N),
    ("300 années-lumière", 300, N, "al", N),
    ("3 unités astronomiques", 3, N, "au", N),
    ("5 ua", 5, N, "au", N),
    ("2 masses solaires", 2, N, "M☉", N),
    ("12 milles nautiques", 12, N, "nmi", N),
    ("20 nœuds", 20, N, "kn", N),
    ("500 MW", 500, N, "MW", N),
    ("3 GWh", 3, N, "GWh", N),
    ("2 kWh", 2, N, "kWh", N),
    ("40 °C", 40, N, "°C", N),
    ("12 degrés", 12, N, "°", N),
    ("24 carats", 24, N, "ct", N),
    ("300 hectares", 300, N, "ha", N),
    ("20 mètres cubes", 20, N, "m³", N),
    ("trois millénaires", 3, N, "millénaire", N),
    ("deux décennies", 2, N, "décennie", N),
    ("un quart de siècle", 0.25, N, "siècle", N),
    ("un demi-siècle", 0.5, N, "siècle", N),
    ("une demi-heure", 0.5, N, "heure", N),
    ("demi litre", 0.5, N, "l", N),
    ("demi-litre", 0.5, N, "l", N),
    ("quart de litre", 0.25, N, "l", N),
    ("45 deg.", 45, N, "°", N),
    ("90 kilomètres à l'heure", 90, N, "km/h", N),
    ("1,3 million de km", 1.3e6, N, "km", N),
    ("6,1 millions de fois", 6.1e6, N, "fois", N),
    ("2 millions de barils", 2e6, N, "bbl", N),
    ("3 840 gigabits par seconde", 3840, N, "Gbit/s", N),
    ("16 Go", 16, N, "Go", N),
    ("5 trillions de pieds cubes", 5e12, N, "ft³", N),
]
RANGES: list[Row] = [
    ("entre 800 g et 2 kg", 0.8, 2, "kg", "range"),
    ("de 30 minutes à 2 heures", 0.5, 2, "heure", "range"),
    ("de 500 m à 2 km", 0.5, 2, "km", "range"),
    ("entre 10 et 20 euros", 10, 20, "EUR", "range"),
    ("environ 165 à 250 mg", 165, 250, "mg", "range"),
]
HEDGES: list[Row] = [
    ("un peu plus de 300", 300, N, N, "min"),
    ("un peu moins de 20 %", 20, N, "%", "max"),
    ("pas moins de 40", 40, N, N, "min"),
    ("pas moins que 40", 40, N, N, "min"),
    ("pas moins 40", 40, N, N, "min"),
    ("pas moins d'un million", 1e6, N, N, "min"),
    ("quasiment 200", 200, N, N, "approx"),
    ("presque 50", 50, N, N, "approx"),
    ("un minimum de 30 euros", 30, N, "EUR", "min"),
    ("jusqu'à plus de 45 °C", 45, N, "°C", "min"),
    ("Quelque 3 000", 3000, N, N, "approx"),
    ("Quelques 3 000", 3000, N, N, "approx"),
    ("80 km environ", 80, N, "km", "approx"),
    ("3 000 au moins", 3000, N, N, "min"),
    ("15 ans maximum", 15, N, "an", "max"),
    ("200 ou plus", 200, N, N, "min"),
    ("20 % voire plus", 20, N, "%", "min"),
    ("+de 300", 300, N, N, "min"),
    ("plus d'une fois", 1, N, "fois", "min"),
    ("trente ans tout au plus", 30, N, "an", "max"),
    ("de l'ordre de 3 000", 3000, N, N, "approx"),
    ("1 mille nautique", 1, N, "nmi", N),
]
ALL_ROWS = FRACTIONS + DOZENS + SCALES + SIGNS + SCIENTIFIC + PERCENT + VIRGULE_AND_SWISS
ALL_ROWS += MONEY + UNITS + HEDGES + RANGES
ALL_ROWS += [(f"1 200 {phrase}", 1200, N, code, N) for phrase, code in CURRENCIES]


@pytest.mark.parametrize(("text", "value", "value_max", "unit", "modifier"), ALL_ROWS)
def test_form(text: str, value: Any, value_max: Any, unit: Any, modifier: Any) -> None:
    amount = normalize(text)
    assert amount.value == pytest.approx(value, rel=1e-3)
    assert amount.value_max == (None if value_max is None else pytest.approx(value_max))
    assert (amount.unit, amount.modifier) == (unit, modifier)


def test_cfa_francs_follow_the_document_region() -> None:
    assert normalize("5 000 francs CFA", franc="XAF").unit == "XAF"
    assert normalize("5 000 FCFA", franc="XOF").unit == "XOF"
    assert normalize("5 000 francs CFA BCEAO", franc="XAF").unit == "XOF"


def test_cents_follow_the_document_dollar() -> None:
    assert normalize("75 cents", dollar="CAD") == normalize("0,75 $", dollar="CAD")


# Running text: (sentence, amount texts, values)
IN_TEXT: list[tuple[str, list[str], list[float]]] = [
    ("Le taux a reculé de -3,4 % en mars.", ["-3,4 %"], [-3.4]),
    ("Il fait −2,5 °C dehors.", ["−2,5 °C"], [-2.5]),
    ("Une baisse de 2 % a été notée.", ["2 %"], [2]),
    ("Il a payé 20 dollars 40.", ["20 dollars 40"], [20.4]),
    ("Les 3/4 des habitants ont voté.", ["3/4"], [0.75]),
    ("Le 3/4/2024, 5 élus sont venus.", ["5"], [5]),
    ("Une planche de 2 3/4 pouces.", ["2 3/4 pouces"], [2.75]),
    ("Il a marché 80 km environ avant l'aube.", ["80 km environ"], [80]),
    ("En 2024 environ 1,8 milliard d'euros.", ["environ 1,8 milliard d'euros"], [1.8e9]),
    ("Elle a aidé plus d'un demi-million de personnes.", ["plus d'un demi-million"], [5e5]),
    ("Un loyer de 1 200 $ par mois.", ["1 200 $"], [1200]),
    ("Le budget est passé de 15 à 18 milliards.", ["15", "18 milliards"], [15e9, 18e9]),
    ("Le taux a été relevé de 9,5 % à 20 %.", ["9,5 %", "20 %"], [9.5, 20]),
    ("Sa valeur est passée de 242 à 238 milliards.", ["242", "238 milliards"], [242e9, 238e9]),
    ("Une fourchette de 10 à 15 %.", ["de 10 à 15 %"], [10]),
]


@pytest.mark.parametrize(("text", "spans", "values"), IN_TEXT)
def test_in_text(text: str, spans: list[str], values: list[float]) -> None:
    found = find_amounts(text)
    assert [m.text for m in found] == spans
    assert [m.amount.value for m in found] == pytest.approx(values)
