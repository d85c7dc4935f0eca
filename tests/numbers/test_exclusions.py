"""Exclusion rules: each names itself, so a user can ask why a number was not tagged."""

from __future__ import annotations

import pytest

from dechiffre.pipeline.errors import NotAnAmount
from dechiffre.pipeline.numbers import RULE_NAMES, find_amounts, find_exclusions, normalize, why_not

# (expression, rule that keeps it from being an amount)
WHY_NOT: list[tuple[str, str]] = [
    ("G20", "glued_to_word"),
    ("COVID-19", "word_hyphen_code"),
    ("3e", "ordinal_suffix"),
    ("1er", "ordinal_suffix"),
    ("article 52", "identifier_word_before"),
    ("la chaîne 2M", "channel_code"),
    ("vol AT 205", "capital_code_before"),
    ("RN 7", "identifier_word_before"),
    ("n° 5", "number_sign"),
    ("05 37", "digit_chain"),
    ("24 février", "day_of_month"),
    ("lundi 12", "after_weekday"),
    ("14 h 30", "clock_time"),
    ("en 2024", "year"),
    ("entre 2019 et 2023", "year_range"),
    ("cinq ans plus tard", "time_locating"),
    ("4-roues", "hyphen_compound_after"),
]


@pytest.mark.parametrize(("text", "rule"), WHY_NOT)
def test_why_not_names_the_rule(text: str, rule: str) -> None:
    assert rule in RULE_NAMES
    assert why_not(f"Il a noté {text} hier.") == rule


@pytest.mark.parametrize(
    ("text", "rule"), [("entre 2019 et 2023", "year_range"), ("de 1990 à 2000", "year_range")]
)
def test_normalize_error_names_the_rule(text: str, rule: str) -> None:
    with pytest.raises(NotAnAmount, match=rule):
        normalize(text)


@pytest.mark.parametrize("text", ["48.963", "environ 4 388 migrants", "3 ans", "bonjour"])
def test_why_not_is_none_for_amounts_and_plain_words(text: str) -> None:
    assert why_not(text) is None


def test_why_not_at_an_offset() -> None:
    text = "Le 24 février, la RN 7 a vu 30 accidents."
    assert why_not(text, text.index("7")) == "identifier_word_before"
    assert why_not(text, text.index("30")) is None


def test_find_exclusions_lists_each_dropped_number_with_its_rule() -> None:
    text = "Le 24 février 2024, la RN 7 a vu 30 accidents."
    got = [(e.text, e.rule) for e in find_exclusions(text)]
    assert ("24", "day_of_month") in got
    assert ("7", "identifier_word_before") in got
    assert all(text[e.start : e.end] == e.text for e in find_exclusions(text))
    assert "30" not in [t for t, _ in got]


# Issue 10, section 2: where news says no. (sentence, amounts left, rule for the first number)
SAY_NO: list[tuple[str, list[str], str]] = [
    ("Il est arrivé vers 6 heures du soir.", [], "clock_time"),
    ("Le guichet ouvre de 9 heures à 18 heures.", [], "clock_time"),
    ("Rendez-vous à 15 h avec les élus.", [], "clock_time"),
    ("Il était 14:30 quand 3 bus sont partis.", ["3"], "digit_date_or_clock"),
    ("L'alarme sonnait entre 22 h et 6 h chaque nuit.", [], "clock_time"),
    ("Il est rentré le 9.", [], "day_without_month"),
    ("Les 21 et 22, il a plu.", [], "day_without_month"),
    ("Les années 1800 ont vu 2 guerres.", ["2"], "decade"),
    ("La musique des années 70 revient.", [], "decade"),
    ("Les tubes des années 80 et 90 reviennent.", [], "decade"),
    ("La révolution de 1789 a changé le pays.", [], "old_year"),
    ("Regardez France 24 ce soir.", [], "name_with_digits"),
    ("L'iode 131 a été détecté.", [], "name_with_digits"),
    ("La mission Apollo 11 a duré 8 jours.", ["8 jours"], "name_with_digits"),
    ("Le missile S-400 a été livré.", [], "word_hyphen_code"),
    ("Les satellites n° 5 et 6 sont perdus.", [], "number_sign"),
    ("L'article L. 2212-2 du code.", [], "legal_reference"),
    ("Selon l'article R. 411-1, 4 élus votent.", ["4"], "legal_reference"),
    ("Six mois avant le vote, il a démissionné.", [], "time_locating"),
    ("Il est mort deux ans seulement après.", [], "time_locating"),
    ("Le point situé à 72,47° Est.", [], "coordinate"),
    ("Bienfaits :\n1. Peut améliorer la mémoire.", [], "list_number"),
    ("Le Nigeria s'est imposé sur le score de 2 buts à 1.", [], "score"),
    ("Victoire sur un score de 1 - 0 face au Bénin.", [], "score"),
    ("Internet à l'heure de la 5G arrive.", [], "glued_word_after"),
    ("Il a quitté les 49ers en mars.", [], "glued_word_after"),
    ("Les personnes atteintes de trisomie 21 manifestent.", [], "name_with_digits"),
    ("Réunion entre le 5 et le 7 octobre.", [], "day_of_month"),
    ("Il y a un peu plus d'un an, il partait.", [], "time_locating"),
    ("Des vaccins en phase 3 d'essais.", [], "identifier_word_before"),
    ("Le réseau sera prêt d'ici cinq ans.", [], "time_locating"),
    ("Les réserves dureront jusqu'en 2040 au moins.", [], "year"),
    ("Le site est classé au Patrimoine mondial [1] depuis peu.", [], "reference_mark"),
    ("Ces mariés 2.0 organisent une fête.", [], "version_number"),
    # history and names in long-form news: years before 1800, eras, named groups, idioms
    ("Le traité fut signé en 1648, puis oublié.", [], "old_year"),
    ("Le port fut fondé vers 1250 par des marins.", [], "old_year"),
    ("Il quitta la ville à l'automne 1789.", [], "old_year"),
    ("Le roman se passe en l'an 2300.", [], "old_year"),
    ("Le temple date de 480 avant J.-C. et reste debout.", [], "era"),
    ("La cité fut habitée entre 900 et 1200 de notre ère.", [], "era"),
    ("Le Groupe des 24 réunit ses membres.", [], "named_group"),
    ("Le Groupe des Huit publie un communiqué.", [], "named_group"),
    ("La seconde moitié du siècle fut calme.", [], "half_period"),
    ("Les familles peinent à joindre les deux bouts.", [], "idiom"),
    ("Une inflation à deux chiffres frappe le pays.", [], "idiom"),
    ("Les chercheurs cherchent le patient zéro.", [], "idiom"),
    ("Il cite la règle 40 de la charte.", [], "identifier_word_before"),
    ("Au fond, 2022 nous a surpris.", [], "year"),
    ("Il égalise à la 90+3e minute.", [], "digit_chain"),
    ("Le Conseil des Quinze a tranché.", [], "capitalised_name"),
    ("Mille mercis aux bénévoles.", [], "idiom"),
    ("Dans les deux ou trois prochaines années, le port ouvrira.", [], "first_months"),
    ("Il joue au grade 4 du tournoi.", [], "identifier_word_before"),
    ("Riche en oméga 3, le poisson.", [], "name_with_digits"),
    ("Il était le numéro deux du parti.", [], "rank_number"),
    ("Composez le 30 41 52 63 pour signaler une fraude.", [], "two_digit_groups"),
    ("Le match a fini sur le score de trois buts à un.", [], "score"),
    ("Le sac de mil se vend cher à Maradi.", [], "bare_mil"),
]


@pytest.mark.parametrize(("text", "amounts", "rule"), SAY_NO)
def test_news_says_no(text: str, amounts: list[str], rule: str) -> None:
    assert [m.text for m in find_amounts(text)] == amounts
    assert why_not(text) == rule


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("En France 2 000 migrants sont arrivés.", ["2 000"]),
        ("Il a attendu depuis 6 heures.", ["6 heures"]),
        ("Le 9 % restant.", ["9 %"]),
        ("Il a travaillé de 2 à 3 heures.", ["de 2 à 3 heures"]),
        ("Il en a acheté les 3.", ["3"]),
        ("Les 21 et 22 pays membres ont voté.", ["21", "22"]),
        ("Il a vu 75 cents et des cents de pièces.", ["75 cents"]),
        ("Les 5 UA de la mission.", ["5"]),
        ("Les juges siègent un jour sur deux.", ["un jour sur deux"]),
        ("Environ 160 km sur 375 km.", ["Environ 160 km", "375 km"]),
        ("Un jour, il partira.", []),
        ("Pendant un jour, il a plu.", ["un jour"]),
        ("Elles ont fermé au moins une journée.", ["au moins une journée"]),
        ("Les pâtes restent à moitié cuites.", []),
        ("Il a gagné à peine 3 % des voix.", ["3 %"]),
        ("Il y a 0,8 ventilateur par million d'habitants.", ["0,8"]),
        ("En 1500 jours, il a bâti 1200 maisons.", ["1500 jours", "1200"]),
        ("Le vaccin sera livré dans 60 jours au maximum.", ["60 jours au maximum"]),
        ("Les 12 et 13 mai, 40 élus ont voté.", ["40"]),
        ("Ils étaient 20 contre 22 au vote.", ["20", "22"]),
        ("Deux mil vingt fut une année dure.", ["Deux mil vingt"]),
        ("Lors de la victoire, il a marqué deux buts à un gardien novice.", ["deux"]),
        ("Il a recruté vers 1500 ouvriers.", ["1500"]),
        ("Les 1600 habitants du village.", ["1600"]),
        ("La moitié du budget fut dépensée dans la seconde moitié de l'année.", ["La moitié"]),
    ],
)
def test_look_alikes_stay_amounts(text: str, amounts: list[str]) -> None:
    assert [m.text for m in find_amounts(text)] == amounts


@pytest.mark.parametrize("text", ["de 18 000 à 14 000", "L. 2212-2", "28-24", "entre 55 et 7"])
def test_no_range_has_value_max_below_value(text: str) -> None:
    for match in find_amounts(f"Le nombre est passé {text}."):
        amount = match.amount
        assert amount.value_max is None or amount.value_max >= amount.value
