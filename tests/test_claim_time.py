"""The time grammar of claims (pipeline/claim_time.py): periods news writes without a date."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest
from spacy.language import Language

from dechiffre.pipeline.claim_time import find_times


@pytest.mark.parametrize(
    ("text", "phrase", "rule", "value"),
    [
        # "il y a" with any unit; only years and the document's date give a value
        ("Le prix était de 40 dollars il y a un an.", "il y a un an", "years_ago", None),
        ("Ils étaient 300 il y a quelques mois.", "il y a quelques mois", "ago", None),
        ("Ils ont gagné il y a une dizaine de jours.", "il y a une dizaine de jours", "ago", None),
        ("Trois puits ont été creusés il y a six semaines.", "il y a six semaines", "ago", None),
        # a demonstrative places the claim at the time of writing
        ("Il a marqué neuf buts cette saison.", "cette saison", "this_period", None),
        ("Le club a dépensé 80 millions cet été.", "cet été", "this_period", None),
        ("Deux vols ont été annulés ce matin.", "ce matin", "this_period", None),
        # a period that runs to the time of writing
        ("Jusqu'à présent, 40 cas ont été confirmés.", "Jusqu'à présent", "so_far", None),
        ("À ce jour, 12 pays ont signé.", "À ce jour", "so_far", None),
        # the preposition belongs to the phrase
        ("Au 1er mars 2023, 500 lits étaient occupés.", "Au 1er mars 2023", "day", "2023-03-01"),
        ("Au cours de la semaine dernière, 30 villages ont été pris.",
         "Au cours de la semaine dernière", "last_period", None),
        ("à compter du 1er juillet prochain", "à compter du 1er juillet prochain", "since_day",
         None),
        ("Les 14 et 15 mai 2022, deux sommets", "Les 14 et 15 mai 2022", "day_pair",
         "2022-05-14/2022-05-15"),
        ("Six personnes sont mortes lundi et mardi.", "lundi et mardi", "weekday", None),
        ("Plus tôt mardi, le club a battu Lyon 2-0.", "Plus tôt mardi", "weekday", None),
        # year spans with a short second year, after "de" too
        ("Le déficit de 2018-19 atteint 3 %.", "de 2018-19", "year_span", "2018/2019"),
        ("Il a reçu 300 demandes en 2016-17.", "en 2016-17", "year_span", "2016/2017"),
        # a period an event lasts; a bracketed span gives its years
        ("Des milliers sont morts pendant le conflit.", "pendant le conflit", "event_period", None),
        ("Il y avait 80 lits au début de la crise.", "au début de la crise", "event_period", None),
        ("Deux fois depuis le début du siège.", "depuis le début du siège", "event_period", None),
        ("contre 43 % lors du dernier scrutin", "lors du dernier scrutin", "event_period", None),
        ("Ils ont été arrêtés pendant la nuit de samedi.", "pendant la nuit de samedi",
         "event_period", None),
        ("Trois millions de morts pendant la guerre de Corée (1950-53).",
         "pendant la guerre de Corée (1950-53)", "event_period", "1950/1953"),
        # the name of an event stops at a lower-case complement ("du virus")
        ("20 millions collectés pendant le confinement du printemps.", "pendant le confinement",
         "event_period", None),
        # the start or end of a period, and a past event named with an adjective
        ("Il a marqué en début de seconde période.", "en début de seconde période",
         "event_edge", None),
        ("Les prix montent en fin d'année.", "en fin d'année", "event_edge", None),
        ("Au dernier sommet de l'Union africaine, 30 pays", "Au dernier sommet", "event_edge",
         None),
        ("Depuis la création de la plateforme, 900 plaintes.",
         "Depuis la création de la plateforme", "since_event", None),
        ("Il valait 20 % de plus il y a un mois à peine.", "il y a un mois à peine", "ago", None),
        # a founding event with words between it and its year
        ("Depuis son arrivée au pouvoir en 2012, il a construit 40 écoles.",
         "Depuis son arrivée au pouvoir en 2012", "since_event_dated", "2012/.."),
        ("depuis son lancement en mars 2021", "depuis son lancement en mars 2021",
         "since_event_dated", "2021-03/.."),
        # ... dated by a month alone: the whole phrase, no year written, no value
        ("Depuis son arrivée à Lyon en septembre, il a marqué 12 buts.",
         "Depuis son arrivée à Lyon en septembre", "since_event_dated", None),
        # the start of a month is its first day
        ("Depuis le début du mois de mai 2024, 30 cas.", "Depuis le début du mois de mai 2024",
         "since_month", "2024-05-01/.."),
        # adverbs that place a claim at or just before the time of writing; no date
        ("Le club est actuellement premier avec 40 points.", "actuellement", "now", None),
        ("Trois villages ont récemment été évacués.", "récemment", "now", None),
        ("Elle est maintenant guérie depuis 14 mois.", "maintenant", "now", None),
        ("À l'avenir, 30 % des trajets se feront en train.", "À l'avenir", "now", None),
        ("Le litre de lait se vend désormais 600 francs.", "désormais", "now", None),
        # a quarter, semester or month with its preposition "au cours du", "pendant le"
        ("Les ventes ont chuté de 8 % au cours du premier trimestre 2024.",
         "au cours du premier trimestre 2024", "quarter", "2024-01/2024-03"),
        ("Pendant le second semestre de 2023, 40 usines ont fermé.",
         "Pendant le second semestre de 2023", "semester", "2023-07/2023-12"),
        ("Au cours du mois de mai 2020, 30 vols ont été annulés.", "Au cours du mois de mai 2020",
         "month", "2020-05"),
        # every alternative of a rule starts on a word ("période" holds no "de 2008-2016")
        ("Un accord pour la période 2008-2016 a rapporté 13 millions.",
         "pour la période 2008-2016", "year_span", "2008/2016"),
        # "-là" points back to a time the text gave before
        ("Entre 200 et 300 personnes ont été tuées ce jour-là.", "ce jour-là", "that_day", None),
        # a capital À written without its accent
        ("A ce jour, 200 cas ont été recensés.", "A ce jour", "so_far", None),
        ("A l'époque, il gagnait 300 dollars.", "A l'époque", "then", None),
        # a part of a written year, and the end of a period up to one
        # (its month: "fin" 12, "mi-" 06, "début" 01, also as a bound; CR9)
        ("Fin 2022, le groupe comptait 900 salariés.", "Fin 2022", "year_edge", "2022-12"),
        ("Les ventes ont bondi de 22 % au début de 2020.", "au début de 2020", "year_edge",
         "2020-01"),
        ("À la mi-2022, 27 millions de personnes avaient faim.", "À la mi-2022", "year_edge",
         "2022-06"),
        ("2 000 plaintes depuis la mi-2021.", "depuis la mi-2021", "year_edge", "2021-06/.."),
        ("30 centres seront ouverts d'ici fin 2025.", "d'ici fin 2025", "until_year",
         "../2025-12"),
        ("Le contrat court jusqu'à la fin de 2027.", "jusqu'à la fin de 2027", "until_year",
         "../2027-12"),
        ("600 postes seront créés d'ici à la fin 2026.", "d'ici à la fin 2026", "by_end",
         "../2026-12"),
        # times that point back to a date the text gave before: no value of their own
        ("Depuis lors, 7 200 victimes se sont manifestées.", "Depuis lors", "since_then", None),
        ("Il a vendu le manuscrit 4 000 livres à l'époque.", "à l'époque", "then", None),
        ("Le fonds a perdu 40 % depuis la suspension de l'aide.",
         "depuis la suspension de l'aide", "since_event", None),
        # bounds the text does not give
        ("70 % d'ici le milieu de l'année prochaine", "d'ici le milieu de l'année prochaine",
         "by_end", None),
        # a season or a year's edge with its year written, and the preposition before it
        ("La dette doit baisser d'un tiers d'ici la fin de l'année 2027.",
         "d'ici la fin de l'année 2027", "by_end", "../2027-12"),
        # (a season gives its year alone, also as a bound; CR9)
        ("Le prix du riz a doublé depuis l'été 2021.", "depuis l'été 2021", "season_year",
         "2021/.."),
        ("Depuis le printemps 2019, 40 écoles ont fermé.", "Depuis le printemps 2019",
         "season_year", "2019/.."),
        ("Il neige peu depuis l'hiver 2018.", "depuis l'hiver 2018", "season_year", "2018/.."),
        ("Les ventes ont reculé de 6 % au printemps 2022.", "au printemps 2022", "season_year",
         "2022"),
        ("Depuis le début de l'année 2023, 12 usines ont ouvert.",
         "Depuis le début de l'année 2023", "since_start_year", "2023-01/.."),
        # spans counted back from the time of writing
        ("La clinique a reçu 31 malades au cours des trois derniers mois.",
         "au cours des trois derniers mois", "recent_units", None),
        ("Ces dernières semaines, 400 familles ont fui.", "Ces dernières semaines",
         "recent_units", None),
        ("Le prix a doublé ces derniers jours.", "ces derniers jours", "recent_units", None),
        # before an event the phrase does not date; with a year, up to it
        ("Avant la pandémie, 60 % des touristes venaient d'Europe.", "Avant la pandémie",
         "before_event", None),
        ("Le pays exportait 3 tonnes avant l'arrivée des rebelles.",
         "avant l'arrivée des rebelles", "before_event", None),
        ("Avant son élection en 2019, il dirigeait 12 usines.", "Avant son élection en 2019",
         "before_event", "../2019"),
        ("En quelques semaines, le club a perdu 8 joueurs.", "En quelques semaines", "within",
         None),
        ("Avant l'entrée en fonction de M. Biden, 3 exécutions avaient eu lieu.",
         "Avant l'entrée en fonction de M. Biden", "before_event", None),
        ("Elles jouent en Europe pendant l'intersaison.", "pendant l'intersaison",
         "event_period", None),
        ("Les soldats ont tué 30 civils dans les premiers jours de la guerre.",
         "dans les premiers jours de la guerre", "event_period", None),
        ("Le clip a eu 4 millions de vues dans les 48 heures qui ont suivi sa sortie.",
         "dans les 48 heures qui ont suivi sa sortie", "following", None),
        ("Dans les jours qui ont suivi l'attaque, 300 familles ont fui.",
         "Dans les jours qui ont suivi l'attaque", "following", None),
        # "de l'année" with no year after "premiers mois": the year of the context
        ("En 2023, la Marine a secouru 1 200 migrants sur les neuf premiers mois de l'année.",
         "sur les neuf premiers mois de l'année", "first_months", "2023-01/2023-09"),
        # "à fin <mois>", "à fin <année>": the edge with its preposition (CR8)
        ("Les recettes ont atteint 200 milliards de dirhams à fin juin 2024.",
         "à fin juin 2024", "month", "2024-06"),
        ("Le taux était de 13 % à fin 2023.", "à fin 2023", "year_edge", "2023-12"),
        # two days of two months; the fiscal year of an account
        ("Du 1er janvier au 30 septembre 2023, 45 000 migrants ont été interceptés.",
         "Du 1er janvier au 30 septembre 2023", "day_month_range", "2023-01-01/2023-09-30"),
        ("Au titre de l'exercice 2023, le groupe a réalisé un bénéfice de 5 milliards.",
         "Au titre de l'exercice 2023", "year", "2023"),
        # a day range with "entre", a day with "prochain"
        ("Le pont a été fermé entre le 17 et le 18 février 2021.",
         "entre le 17 et le 18 février 2021", "day_range", "2021-02-17/2021-02-18"),
        ("En février 2021, on l'annonce: le vote aura lieu le 12 mars prochain.",
         "le 12 mars prochain", "day_no_year", "2021-03-12"),
        ("La CAN 2019 touche à sa fin: la finale se jouera ce dimanche 14 juillet prochain.",
         "ce dimanche 14 juillet prochain", "weekday_day", "2019-07-14"),
        # "pour" a year; "au cours de l'année" closed by punctuation: the year of the context
        ("Le Sénégal reste premier du classement pour 2019.", "pour 2019", "year", "2019"),
        ("En 2019, l'Algérie a gagné 135 points au cours de l'année, loin devant.",
         "au cours de l'année", "this_year", "2019"),
        # events that last: a massacre, an attack
        ("Trente civils ont été tués lors du massacre.", "lors du massacre", "event_period",
         None),
        ("Dix soldats sont morts pendant l'attaque du camp.", "pendant l'attaque", "event_period",
         None),
        # up to a month
        ("Les bars resteront fermés jusqu'à la mi-décembre.", "jusqu'à la mi-décembre", "month",
         None),
        ("Il y aura 500 000 décès de plus d'ici mars 2022.", "d'ici mars 2022", "until_month",
         "../2022-03"),
        ("Les travaux dureront jusqu'en juin.", "jusqu'en juin", "until_month", None),
        # a list of years: the span of the years it names
        ("Le pays a gagné trois titres, en 1959, 1986 et 2006.", "en 1959, 1986 et 2006",
         "year_pair", "1959/2006"),
        # a time the text gave before
        ("Deux fosses ont été découvertes par la suite.", "par la suite", "same_time", None),
        # ... the same stretch of another year
        ("Elles étaient 2 000 sur la même période de l'année précédente.",
         "sur la même période de l'année précédente", "same_time", None),
        # a month with "seul": the claim's own month
        ("Pour le seul mois d'août, 7 000 personnes ont débarqué.", "Pour le seul mois d'août",
         "month", None),
        # "à l'époque" points back to the year written just before it
        ("La finale de 2002 a eu lieu au Mali, mais à l'époque, 16 équipes jouaient.",
         "à l'époque", "then", "2002"),
        # the preposition of a period belongs to its phrase, whichever it is
        ("Durant l'hiver 2017, 300 bergers ont perdu leur troupeau.", "Durant l'hiver 2017",
         "season_year", "2017"),
        ("Le chiffre d'affaires pour les six premiers mois de 2023 a baissé de 4 %.",
         "pour les six premiers mois de 2023", "first_months", "2023-01/2023-06"),
        ("Les ventes ont reculé pendant les deux premiers mois de l'année 2021.",
         "pendant les deux premiers mois de l'année 2021", "first_months", "2021-01/2021-02"),
        ("Le club a perdu 12 matches lors de la saison 2015/16.", "lors de la saison 2015/16",
         "year_span", "2015/2016"),
        ("Au cours de la campagne 2020-2021, la récolte a atteint 40 tonnes.",
         "Au cours de la campagne 2020-2021", "year_span", "2020/2021"),
        ("Dès le début de l'année prochaine, 30 bus rouleront à l'hydrogène.",
         "Dès le début de l'année prochaine", "next_year", None),
        # a month "de cette année" is one phrase
        ("Les prix ont monté de 5 % depuis le mois de mars de cette année.",
         "depuis le mois de mars de cette année", "since_month", None),
        ("Ils ont recruté 20 agents de mai à août de cette année.",
         "de mai à août de cette année", "month_range", None),
        # a start and the "jusqu'" end right after it are one range
        ("L'ONG a soutenu 40 écoles de 2016 jusqu'en juin 2020.", "de 2016 jusqu'en juin 2020",
         "until_range", "2016/2020-06"),
        ("Le pays a reçu 3 000 réfugiés depuis 2012 jusqu'en 2019.", "depuis 2012 jusqu'en 2019",
         "until_range", "2012/2019"),
        ("On compte 300 morts depuis le début du conflit jusqu'au 3 mai.",
         "depuis le début du conflit jusqu'au 3 mai", "until_range", None),
        # a period the text tells of places a claim as an event does
        ("Les plaintes ont doublé pendant la période de confinement.",
         "pendant la période de confinement", "event_period", None),
        ("Au cours de cette décennie, le pays a perdu 30 % de ses habitants.",
         "Au cours de cette décennie", "event_period", None),
        ("Pendant cette période, 200 écoles ont fermé.", "Pendant cette période", "event_period",
         None),
        # two dates joined by "et" are one phrase, the period they span (CR8)
        ("Les ventes ont bondi de 300 % en mars et avril.", "en mars et avril", "month", None),
        ("Le tournoi aura lieu en juin et juillet 2019.", "en juin et juillet 2019", "month",
         "2019-06/2019-07"),
        ("Deux audits ont été menés fin 2019 et début 2020.", "fin 2019 et début 2020",
         "date_pair", "2019-12/2020-01"),
        ("Il a joué en août et en octobre 2021.", "en août et en octobre 2021", "month",
         "2021-08/2021-10"),
        # the edge of a period the text does not name (as "en début d'année")
        ("Au début de l'année, Indeed a interrogé 1 500 travailleurs.", "Au début de l'année",
         "event_edge", None),
        ("À la fin de l'année, les cinq Allemands sont entrés au Tibet.", "À la fin de l'année",
         "event_edge", None),
        # "alors" after a verb points back to the time told of (CR12)
        ("23 000 monnaies avaient alors été compromises.", "alors", "then", None),
        ("Jane, qui avait alors 30 ans, partit.", "alors", "then", None),
        ("En 2015, elle rencontra Jane, qui avait alors 30 ans.", "alors", "then", "2015"),
    ],
)  # fmt: skip
def test_time_phrases_news_writes(text: str, phrase: str, rule: str, value: str | None) -> None:
    found = [(text[t.start : t.end], t.rule, t.value) for t in find_times(text)]
    assert (phrase, rule, value) in found


@pytest.mark.parametrize(
    ("text", "doc_date", "phrase", "value"),
    [
        ("ce matin", "2024-03-21", "ce matin", "2024-03-21"),
        ("ce mois-ci", "2024-03-21", "ce mois-ci", "2024-03"),
        ("ce matin-là", "2024-03-21", "ce matin-là", None),  # points back in the text
        ("cet été", "2024-03-21", "cet été", None),  # which summer: the text does not say
        ("il y a deux ans", "2024-03-21", "il y a deux ans", "2022"),
        ("il y a un an", "2024-03-21", "il y a un an", "2023"),
        ("il y a trois mois", "2024-03-21", "il y a trois mois", None),
        ("jusqu'à présent", "2024-03-21", "jusqu'à présent", None),
        ("six ans plus tôt", "2024-03-21", "six ans plus tôt", "2018"),
        ("en avril dernier", "2024-03-21", "en avril dernier", "2023-04"),
        ("en février dernier", "2024-03-21", "en février dernier", "2024-02"),
        ("deux ans plus tard", "2024-03-21", "deux ans plus tard", None),  # counts from when?
        # a month of this year, of the last one or the next one: the document's year
        ("en juillet de cette année", "2024-03-21", "en juillet de cette année", "2024-07"),
        ("en septembre de l'année dernière", "2024-03-21", "en septembre de l'année dernière",
         "2023-09"),
        ("d'avril à juin de l'année prochaine", "2024-03-21",
         "d'avril à juin de l'année prochaine", "2025-04/2025-06"),
        # ... and so is a quarter's or a half's
        ("au troisième trimestre de l'année dernière", "2024-03-21",
         "au troisième trimestre de l'année dernière", "2023-07/2023-09"),
        ("au deuxième trimestre de l'an dernier", "2024-03-21",
         "au deuxième trimestre de l'an dernier", "2023-04/2023-06"),
        ("au cours du premier semestre de cette année", "2024-03-21",
         "au cours du premier semestre de cette année", "2024-01/2024-06"),
        ("au dernier trimestre de l'an prochain", "2024-03-21",
         "au dernier trimestre de l'an prochain", "2025-10/2025-12"),
    ],
)  # fmt: skip
def test_time_phrases_the_document_date_fixes(
    text: str, doc_date: str, phrase: str, value: str | None
) -> None:
    (found,) = find_times(text, doc_date=doc_date)
    assert (text[found.start : found.end], found.value) == (phrase, value)


@pytest.mark.parametrize(
    "text",
    [
        "Depuis 2003, aucune exécution. Les États ont exécuté 22 détenus l'année dernière.",
        "Peu de pays auront la 5G avant 2020. La Corée veut la lancer l'année prochaine.",
        "En 2016, le club a fermé. En avril dernier, 24 joueurs ont fait grève.",
    ],
)
def test_words_of_the_time_of_writing_take_no_year_written_before(text: str) -> None:
    # "l'année dernière" counts from the document's date, not from a year of the text
    found = {t.rule: t.value for t in find_times(text)}
    assert [found[r] for r in found if r in {"last_year", "next_year", "month"}] == [None]


@pytest.mark.parametrize(
    "text", ["Il y a un médecin pour 2000 habitants.", "Le taux est de 1 pour 2000 ou 1 pour 500."]
)
def test_pour_after_a_number_is_a_ratio_not_a_year(text: str) -> None:
    assert "year" not in [t.rule for t in find_times(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Il a été élu au cours de l'année précédente.",  # "l'année" with its own word after it
        "Elle a enseigné au cours de l'année scolaire.",
    ],
)
def test_during_the_year_is_only_the_year_itself(text: str) -> None:
    assert "au cours de l'année" not in [text[t.start : t.end] for t in find_times(text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Les audits ont eu lieu fin 2019 et 2020.", "fin 2019"),  # no date after "et"
        ("Il est arrivé en mai et il est reparti.", "en mai"),
    ],
)
def test_et_joins_only_two_dates(text: str, phrase: str) -> None:
    assert [text[t.start : t.end] for t in find_times(text)] == [phrase]


@pytest.mark.parametrize(
    ("text", "phrase", "rule"),
    [
        ("Le site a été piraté à la fin de l'année dernière.", "l'année dernière", "last_year"),
        ("Il a fait une tournée au début de l'année 2017.", "au début de l'année 2017",
         "year_edge"),
    ],
)  # fmt: skip
def test_an_unnamed_edge_leaves_a_named_year_its_rule(text: str, phrase: str, rule: str) -> None:
    assert [(text[t.start : t.end], t.rule) for t in find_times(text)] == [(phrase, rule)]


@pytest.mark.parametrize(
    "text",
    [
        "Alors, que ressentira-t-il en arrivant ?",  # the connective opens the sentence
        "Si le canal reste bloqué cinq jours, alors cela coûtera cher.",  # after a comma
        "Le pays a perdu et alors il a changé de cap.",  # after a coordinator
        "Les prix montent alors que les salaires baissent.",  # "alors que": a conjunction
        "Le gouvernement du président d'alors a signé.",  # "d'alors" names, it places nothing
    ],
)
def test_alors_the_connective_is_no_time(text: str) -> None:
    assert [t.rule for t in find_times(text) if t.rule == "then"] == []


def test_at_the_time_is_the_year_written_before_not_the_documents() -> None:
    text = "La finale de 2002 a eu lieu au Mali. À l'époque, 16 équipes jouaient."
    found = {text[t.start : t.end]: t.value for t in find_times(text, doc_date="2021-05-03")}
    assert found["À l'époque"] == "2002"


def test_that_year_is_the_year_written_before() -> None:
    text = "En 1998, la ville a été inondée. Cette année-là, 300 maisons ont été détruites."
    found = {text[t.start : t.end]: t.value for t in find_times(text, doc_date="2024-02-02")}
    assert found["Cette année-là"] == "1998"  # not the document's year


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # an open interval from the date just before, in the same sentence or the next two
        ("Le fonds a été créé en 2012, et depuis lors, 900 projets ont été aidés.",
         "depuis lors", "2012/.."),
        ("Le record date de mars 2008. Il a été égalé une fois. Depuis lors, 3 clubs ont échoué.",
         "Depuis lors", "2008-03/.."),
        ("La digue a cédé le 4 mai 2019. Depuis cette date, 200 familles sont relogées.",
         "Depuis cette date", "2019-05-04/.."),
        # as much of that date as the phrase keeps, when the date has it
        ("Le pont a ouvert en mai 1994. La même année, 12 000 camions l'ont traversé.",
         "La même année", "1994"),
        ("La grève a commencé le 2 juin 2021. Le même jour, 40 vols ont été annulés.",
         "Le même jour", "2021-06-02"),
        ("La grève a commencé en juin 2021. Le même jour, 40 vols ont été annulés.",
         "Le même jour", None),
        # the bound of a window to come
        ("Le pays vise 30 % d'énergie solaire d'ici à 2035. D'ici là, il doit bâtir 4 centrales.",
         "D'ici là", "../2035"),
        # the date just told, whole, from the sentence before only
        ("La mission est partie en août 1939. À ce moment-là, elle avait pris 900 photos.",
         "À ce moment-là", "1939-08"),
        ("Le journal a été fondé en juillet 2017. À l'époque, il comptait 12 salariés.",
         "À l'époque", "2017-07"),
        ("Le club a été fondé en 1989. Il a gagné. Il a perdu. À l'époque, il comptait 12 joueurs.",
         "À l'époque", None),
        # not over a paragraph break, not from a date too far back
        ("Le fonds a été créé en 2012.\nDepuis lors, 900 projets ont été aidés.",
         "Depuis lors", None),
        ("Le fonds a été créé en 2012. Il aide les villes. Il aide les villages. Il aide les "
         "écoles. Depuis lors, 900 projets ont été aidés.", "Depuis lors", None),
        # the date just before has no value: the phrase takes none from further back
        ("En 2010, le club a été fondé. Le mois dernier, il a signé. Depuis lors, 9 buts.",
         "Depuis lors", None),
    ],
)  # fmt: skip
def test_a_time_that_points_back_takes_the_date_written_just_before(
    text: str, phrase: str, value: str | None
) -> None:
    found = {text[t.start : t.end]: t.value for t in find_times(text)}
    assert found[phrase] == value


@pytest.mark.parametrize(
    ("text", "doc_date", "phrase", "value"),
    [
        ("En 2015, dix joueurs ont fui. Deux ans plus tôt, 15 autres avaient fui.", None,
         "Deux ans plus tôt", "2013"),
        ("La mine a ouvert en 1990. Dix ans plus tard, elle employait 800 mineurs.", None,
         "Dix ans plus tard", "2000"),
        # the year written wins over the document's date
        ("La mine a ouvert en 1990. Un an plus tard, elle employait 800 mineurs.", "2024-03-21",
         "Un an plus tard", "1991"),
    ],
)  # fmt: skip
def test_years_counted_from_the_year_the_text_tells_of(
    text: str, doc_date: str | None, phrase: str, value: str
) -> None:
    found = {text[t.start : t.end]: t.value for t in find_times(text, doc_date=doc_date)}
    assert found[phrase] == value


@pytest.mark.parametrize(
    ("text", "year", "value"),
    [
        # "l'année précédente" is the year before the one the text goes on about
        ("En 2019, 500 demandes, contre 425 l'année précédente.", None, "2018"),
        ("Elle a reçu 425 demandes l'année précédente.", None, None),
    ],
)
def test_the_previous_year_is_the_one_before_the_year_written(
    text: str, year: int | None, value: str | None
) -> None:
    found = [t for t in find_times(text, doc_year=year) if t.rule == "previous_year"]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Il est venu de Paris jusqu'ici à pied.",  # a place, not a time
        "la période de soudure",  # a period named by its complement: no event of its own
        # a period bounded by the date right after it: that date places the claim
        "Ils ont faim pendant la période de soudure, de juin à août.",
        "Ils ont faim pendant la période sèche, entre mars et mai.",
        "au sommet de la colline",  # a place: "au" + event noun needs an adjective
        "Il compare la crise à la Seconde Guerre mondiale.",  # no temporal adjective
        "Les urgences étaient pleines en fin de matinée.",  # a part of the day
        "Il a sauvé l'usine en maintenant 300 emplois.",  # a gerund
        "Elles comparent leur salaire entre 2022 et 2012.",  # two years compared, no period
        "Le groupe A du championnat compte cinq équipes.",  # a capital A after a noun
        "Il s'est blessé avant le match.",  # not an event that lasts or starts a period
        "Les derniers jours de sa vie, il écrivait.",  # no span counted back from now
        "Quelques mois plus tard, il partait.",  # not "en quelques mois"
        "L'accord de Paris de 2015 vise 1,5 °C.",  # a year naming a text, no clause about it
        "Plus de 2000 personnes ont manifesté.",  # an amount, not a year
        "Les victimes sont près de 1500, selon la police.",  # an amount before a comma
        "Le stade compte 40 tribunes de 2000 places.",  # a number of a noun
        "Il reprend les cours au début de l'année scolaire.",  # a period of its own
        "Le contrat court jusqu'à la fin de l'année.",  # a bound, not the edge itself
        "La Coupe du monde 2018 a réuni 32 équipes.",  # a name and a year, no study or list
        "La ville en compte près de 2000 estime le maire.",  # an amount before a verb
        "Au 18e siècle avant J.-C., 12 cités existaient.",  # no ISO year before year 1
        "La littérature du XIXe siècle compte 300 romans.",  # a century that describes
    ],
)
def test_words_that_place_nothing(text: str) -> None:
    found = [t.rule for t in find_times(text)]
    placing = {
        "so_far", "event_period", "event_edge", "now", "between_years", "before_event",
        "recent_units", "within", "of_year", "dated_noun", "named_year", "century",
    }  # fmt: skip
    assert [r for r in found if r in placing] == []


@pytest.mark.parametrize(
    ("text", "doc_date", "phrase", "rule", "value"),
    [
        # a span counted from a time the text told of, in any unit: no date of its own
        ("Six mois plus tard, 40 familles étaient rentrées.", None, "Six mois plus tard",
         "units_later", None),
        ("La digue a cédé quelques jours plus tard.", "2024-03-21", "quelques jours plus tard",
         "units_later", None),
        ("Il avait reçu 300 euros une semaine plus tôt.", None, "une semaine plus tôt",
         "units_later", None),
        ("La communauté comptait 1 000 membres quelques années plus tôt.", None,
         "quelques années plus tôt", "units_later", None),
        ("Il y a quelques années, 19 virus ont été trouvés.", None, "Il y a quelques années",
         "ago", None),
        # a window still to come
        ("Le port recevra 12 navires dans les prochains jours.", "2024-03-21",
         "dans les prochains jours", "next_units", None),
        ("La demande doublera au cours des dix prochaines années.", None,
         "au cours des dix prochaines années", "next_units", None),
        ("Le chiffre pourrait atteindre 900 par jour dans les semaines à venir.", None,
         "dans les semaines à venir", "next_units", None),
        # a time the text gave before
        ("Le lendemain, 14 blessés ont été évacués.", "2024-03-21", "Le lendemain", "same_time",
         None),
        ("Les ventes ont bondi de 40 % au cours de la même période.", None,
         "au cours de la même période", "same_time", None),
        # ... unless a date follows it and says which
        ("Deux factures sont arrivées le même jour en mai 2018.", None, "en mai 2018", "month",
         "2018-05"),
        # the twelve months before the time of writing
        ("Au cours de l'année écoulée, 3 000 plaintes ont été déposées.", "2024-03-21",
         "Au cours de l'année écoulée", "elapsed", None),
        # a span counted back with a number after "ces"
        ("Le lac a perdu 60 % de sa surface ces 30 dernières années.", None,
         "ces 30 dernières années", "recent_units", None),
        # a weekday with "dernier" or "prochain" (21 March 2024 is a Thursday)
        ("Jeudi dernier, 2 000 personnes ont défilé.", "2024-03-21", "Jeudi dernier", "weekday",
         "2024-03-14"),
        ("Le vote de dimanche prochain départagera 12 candidats.", "2024-03-21",
         "de dimanche prochain", "weekday", "2024-03-24"),
        # months with their years at both ends
        ("Le site a reçu 400 000 visites entre juillet 2020 et juillet 2021.", None,
         "entre juillet 2020 et juillet 2021", "month_range", "2020-07/2021-07"),
        ("D'août 2019 à février 2020, 30 navires ont coulé.", None, "D'août 2019 à février 2020",
         "month_range", "2019-08/2020-02"),
        # the middle, start or end of a month
        ("Le barrage a cédé à la mi-avril.", "2024-05-02", "à la mi-avril", "month", "2024-04"),
        ("Au début du mois de mars, 80 cas ont été signalés.", "2024-05-02",
         "Au début du mois de mars", "month", "2024-03"),
        # a decade, or a part of one, with its preposition
        ("Depuis les années 1970, la ville a perdu 40 % de ses habitants.", None,
         "Depuis les années 1970", "decade_part", "1970/.."),
        ("Au cours des années 1990, 300 usines ont fermé.", None, "Au cours des années 1990",
         "decade_part", "1990/1999"),
        ("Au début des années 2000, 12 pays ont signé.", None, "Au début des années 2000",
         "decade_part", None),  # which years: the text does not say
        # a decade of any century, and in a text with no other year
        ("Dans les années 1760, la ville importait la moitié du gingembre.", None,
         "Dans les années 1760", "decade", "1760/1769"),
        ("Au cours des années 1880, 300 navires ont accosté.", None, "Au cours des années 1880",
         "decade_part", "1880/1889"),
        # a century: its years, counted from year 1 (not "avant J.-C.", not after a noun)
        ("Au huitième siècle, la ville comptait 40 000 habitants.", None, "Au huitième siècle",
         "century", "0701/0800"),
        ("Pendant le XIXe siècle, 300 000 personnes ont émigré.", None, "Pendant le XIXe siècle",
         "century", "1801/1900"),
        # "la seule année": the year itself
        ("Pour la seule année 2020, il y aura 129 millions de cas.", None,
         "Pour la seule année 2020", "year", "2020"),
        # open from a year or a month on
        ("À partir de 2018, 300 familles ont reçu une aide.", None, "À partir de 2018",
         "from_year", "2018/.."),
        ("Le tarif baissera de 10 % à compter de janvier 2025.", None,
         "à compter de janvier 2025", "from_year", "2025-01/.."),
        ("Au début de l'année 2021, 40 pays avaient signé.", None, "Au début de l'année 2021",
         "year_edge", "2021-01"),
        # the end of the year of the document's date (CR9)
        ("Le pays ouvrira 2 000 places d'ici la fin de l'année.", "2022-05-02",
         "d'ici la fin de l'année", "by_end", "../2022-12"),
        # "désormais", "actuellement", "à présent": the document's date (CR1)
        ("Le litre de lait se vend désormais 600 francs.", "2023-09-14", "désormais", "now",
         "2023-09-14"),
        ("Le club est actuellement premier avec 40 points.", "2024-05-30", "actuellement", "now",
         "2024-05-30"),
        ("À présent, 300 familles dorment dehors.", "2022-10-26", "À présent", "now",
         "2022-10-26"),
        # two years: consecutive ones are one period, others have no single value
        ("Le pays a reçu 300 000 demandes en 2018 et 2019.", None, "en 2018 et 2019",
         "year_pair", "2018/2019"),
        ("L'Union a accueilli 12 pays en 2004 et 2007.", None, "en 2004 et 2007", "year_pair",
         None),
        # a year named as a period that the clause after it tells of
        ("On se souvient de la crue de 1999, qui avait noyé 300 villages.", None, "de 1999",
         "of_year", "1999"),
        ("Un niveau proche de celui de 2016, lorsque 9 000 personnes avaient fui.", None,
         "de 2016", "of_year", "2016"),
        # "de <year>" dating the noun before it, before a punctuation mark or a function word
        ("Selon une estimation de 2021, huit ménages sur dix cuisinent au bois.", None,
         "de 2021", "dated_noun", "2021"),
        ("Les élèves interrogés par l'étude Ipsos de 2018 ont cité 12 métiers.", None, "de 2018",
         "dated_noun", "2018"),
        ("La réforme de 2003 sur les retraites a supprimé 40 régimes.", None, "de 2003",
         "dated_noun", "2003"),
        # ... before the verb of a study that reports
        ("Une étude de 2019 décrit comment ces produits représentent un cinquième des déchets.",
         None, "de 2019", "dated_noun", "2019"),
        # the year of a study or list named after its maker: the year alone
        ("Une étude de Fare 2014 a révélé que 0,6 % des postes étaient occupés.", None, "2014",
         "named_year", "2014"),
        ("Elle fait partie de la liste BBC 2019 des 100 femmes les plus inspirantes.", None,
         "2019", "named_year", "2019"),
        # a line break a scraper wrote out as backslash and n
        ("Le port a fermé.\\n\\nEn novembre 2021, 300 dockers ont été licenciés.", None,
         "En novembre 2021", "month", "2021-11"),
        # synonyms of "actuellement"
        ("En ce moment, 300 familles dorment dehors.", None, "En ce moment", "now", None),
        ("À l'heure actuelle, 12 pays ont signé.", None, "À l'heure actuelle", "now", None),
    ],
)  # fmt: skip
def test_time_phrases_of_narrative_and_windows(
    text: str, doc_date: str | None, phrase: str, rule: str, value: str | None
) -> None:
    found = [(text[t.start : t.end], t.rule, t.value) for t in find_times(text, doc_date=doc_date)]
    assert (phrase, rule, value) in found


def test_every_rule_the_speed_filter_names_exists() -> None:
    from dechiffre.pipeline.claim_time import REQUIRES, RULES

    assert set(REQUIRES) <= {name for name, _ in RULES}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("DEPUIS JANVIER 2020, 40 CAS.", "DEPUIS JANVIER 2020"),  # capitals: lower-cased first
        ("Il y a un AN, 3 morts.", "Il y a un AN"),
        ("Pendant la guerre du Golfe (1990-91), 300 avions.",
         "Pendant la guerre du Golfe (1990-91)"),
        ("İstanbul a reçu 2 millions de visiteurs en 2019.", "en 2019"),  # lower() lengthens İ
    ],
)  # fmt: skip
def test_case_and_the_speed_filter_change_no_phrase(text: str, phrase: str) -> None:
    assert phrase in [text[t.start : t.end] for t in find_times(text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "time", "rule"),
    [
        (  # a survey carried out at a time dates the figures it measured
            "Selon une enquête réalisée en 2019 par un institut, 60 % des ménages épargnent.",
            "60 %",
            "en 2019",
            "year",
        ),
        (  # a report published on a day only dates the report
            "Selon un rapport publié mardi par l'institut, 60 % des ménages épargnent.",
            "60 %",
            None,
            "none",
        ),
        (  # a time right after a reporting verb dates the figure of its 'que' clause
            "Le ministère a annoncé la semaine dernière qu'il avait expulsé 300 migrants.",
            "300",
            "la semaine dernière",
            "told",
        ),
        (  # ... and the figure before its incise
            "Les pluies ont détruit 800 maisons, a indiqué jeudi la protection civile.",
            "800",
            "jeudi",
            "told",
        ),
        (  # a participle set off by commas places its own event, not the sentence's figure
            "La coopérative, fondée en 2004, compte 1 200 membres.",
            "1 200",
            None,
            "other_clause",
        ),
        (  # "depuis" after a record is the record's base, not the claim's period
            "Le parti obtient 31 % des voix, pour la première fois depuis 1976.",
            "31 %",
            None,
            "none",
        ),
        (
            "Cette hausse, la plus forte depuis 2008, touche 40 000 ménages.",
            "40 000",
            None,
            "none",
        ),
        (  # a participle beside a time dates its own noun (claim_time_scope.py)
            "Le fonds créé en mars a réuni 400 millions de dirhams.",
            "400 millions de dirhams",
            None,
            "none",
        ),
        (  # a when-clause right after a time restates it, whatever the parse says
            "Tout a commencé en 2014, lorsque le pays a été coupé en deux.",
            "deux",
            "en 2014",
            "restated",
        ),
        (
            "Les juges ont examiné des faits commis entre 2004 et 2008, quand la banque a "
            "blanchi 140 millions de francs.",
            "140 millions de francs",
            "entre 2004 et 2008",
            "restated",
        ),
        (  # a conjunct with its own subject says another thing, at another time
            "Le joueur, qui a débuté en 2010 et qui a gagné 12 titres, arrive au club.",
            "12",
            None,
            "other_clause",
        ),
        (  # a relative clause on the counted noun places what befalls it
            "Les deux équipes qui seront tirées au sort en mars joueront à Dakar.",
            "deux",
            "en mars",
            "month",
        ),
        (  # the date of a quoted survey places every figure of the sentence
            "Selon une étude menée en 2021 par un institut, 40 % des élèves lisent et "
            "25 % écrivent chaque jour.",
            "25 %",
            "en 2021",
            "year",
        ),
        (
            "Ce prix, le plus haut depuis la saison 2015-2016, profite à 9 000 planteurs.",
            "9 000",
            None,
            "none",
        ),
        (  # a clause of time has a time of its own
            "En mars, la taxe est passée à 30 %, avant qu'un accord ne la ramène à 10 %.",
            "10 %",
            None,
            "none",
        ),
        (  # the part's time is not the whole's
            "La douane a saisi 40 armes, dont 12 pendant la nuit de samedi.",
            "40",
            None,
            "none",
        ),
        (
            "La douane a saisi 40 armes, dont 12 pendant la nuit de samedi.",
            "12",
            "pendant la nuit de samedi",
            "nearest",
        ),
        (  # a length that describes a thing places no claim
            "Les conseillers seront élus le 4 mars pour un mandat de cinq ans.",
            "cinq ans",
            None,
            "measure",
        ),
        (  # ... but a length that is the figure keeps the time
            "En 2023, le délai moyen de traitement était de 14 mois.",
            "14 mois",
            "En 2023",
            "year",
        ),
        (  # a time detached at the end of the sentence places it all
            "Le parti espérait dépasser 40 % des voix, il y a deux mois à peine.",
            "40 %",
            "il y a deux mois à peine",
            "ago",
        ),
        (  # ... not the day an incise reports it
            "L'entraîneur a signé un contrat de 4 millions d'euros, annonce le club, lundi.",
            "4 millions d'euros",
            None,
            "other_clause",
        ),
        (  # a relative that tells what an event caused happened at the event's time
            "En 2017, la ville a été frappée par une tempête, qui a privé 40 000 foyers de "
            "courant.",
            "40 000",
            "En 2017",
            "restated",
        ),
        (
            "Les troupes sont parties il y a un an lors d'un retrait qui a fait des dizaines "
            "de morts.",
            "des dizaines",
            "il y a un an",
            "restated",
        ),
        (  # ... and so does one on a noun after ", avec", which tells how the clause went
            "L'affaire a été révélée en 2018, avec un comptable qui aurait détourné 300 000 euros.",
            "300 000 euros",
            "en 2018",
            "restated",
        ),
        (
            "Le pays a connu une famine provoquée par la sécheresse en 1984, qui a fait des "
            "centaines de milliers de morts.",
            "des centaines de milliers",
            "en 1984",
            "restated",
        ),
        (  # a clause "au cours duquel" happens at the date right before it, not the report's
            "Dans un rapport publié le 3 avril 2022, l'ONG décrit un incident survenu à Kherson "
            "le 4 mars, au cours duquel des soldats ont blessé cinq hommes.",
            "cinq",
            "le 4 mars",
            "restated",
        ),
        (  # ... and with no date before it, the clause's own time stands
            "En 2019, la police a mené une opération, au cours de laquelle 40 personnes ont été "
            "arrêtées.",
            "40",
            "En 2019",
            "year",
        ),
        (  # ... but not a relative describing its noun
            "Mercredi, la banque a relevé ses taux face à une inflation qui a atteint 9 %.",
            "9 %",
            None,
            "none",
        ),
        (  # ... nor a partner's history ("avec" without a comma)
            "Il a passé la saison dernière avec le club de Vigo, qui a terminé 22 fois dernier.",
            "22 fois",
            None,
            "none",
        ),
        (  # "contre" without an amount after it is "against", no comparison
            "Deux soldats ont été jugés pour des crimes contre des civils pendant la guerre de "
            "Corée (1950-53).",
            "Deux",
            "pendant la guerre de Corée (1950-53)",
            "event_period",
        ),
    ],
)
def test_time_attachment(
    nlp: Language, text: str, amount: str, time: str | None, rule: str
) -> None:
    doc = nlp(text)
    (span,) = [e for e in doc.ents if e.label_ == "QUANTITY" and e.text == amount]
    ref = span._.dechiffre_claim["time"]
    assert (None if ref is None else text[ref["start"] : ref["end"]]) == time
    assert span._.dechiffre_claim_rules["time"] == rule


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "boundary"),
    [
        # a conversion in brackets is the same figure: no boundary before the time
        ("Le club a dépensé 80 millions d'euros (52 milliards FCFA) cet été.", False),
        # another figure of its own is one
        ("Le club a dépensé 80 millions d'euros pour 52 joueurs cet été.", True),
    ],
)
def test_a_converted_amount_is_no_time_boundary(nlp: Language, text: str, boundary: bool) -> None:
    from dechiffre.pipeline.claim_time_choice import _time_boundary

    doc = nlp(text)
    amounts = [e for e in doc.ents if e.label_ == "QUANTITY"]
    (time,) = find_times(text)
    assert _time_boundary(amounts[0], time, amounts) is boundary


def test_a_range_start_without_its_end_is_no_time() -> None:
    # "de 1979 jusqu'à l'invasion": the end is no date the grammar reads, "de 1979" alone
    # would say the period is open
    text = "Il a dirigé le pays de 1979 jusqu'à l'invasion, avec 300 000 soldats."
    assert [text[t.start : t.end] for t in find_times(text)] == []


# Texts on which every rule is run with and without its starter (test below).
STARTER_TEXTS = [
    "Depuis janvier 2020, 40 cas. En avril dernier, 3 morts ; le 12 mars 2021, 5 blessés.",
    "Pendant la guerre du Golfe (1990-91), 300 avions. En fin de saison, 12 buts.",
    "Au cours des neuf premiers mois de cette année, 4 % de plus qu'il y a deux ans.",
    "PENDANT LA GUERRE, 30 000 réfugiés ; lors du précédent scrutin, 41 % des voix.",
    "Selon une estimation de 2020, 3 millions ; à l'horizon 2030, le double. À l'époque, 5.",
    "Alors, 12 cas avaient alors été vus, et alors 3 ; fin 2019 et début 2020, en mai et juin.",
    "Sous le Kelvin, ſelon le Derby K, ce mardi 16 novembre 2021, 2 000 personnes ; ÀÅ İl",
]


@pytest.mark.parametrize("text", STARTER_TEXTS)
def test_a_rule_finds_the_same_matches_through_its_starter(text: str) -> None:
    from dechiffre.pipeline.claim_time import _compiled, _finditer

    def found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
        return [(m.span(), m.groupdict()) for m in matches]

    for rule in _compiled():
        for pattern, starter, read in (
            (rule.lower, rule.lower_starter, text.lower()),
            (rule.written, rule.written_starter, text),
        ):
            assert found(_finditer(pattern, starter, read)) == found(pattern.finditer(read))


@pytest.mark.parametrize(
    ("rule", "starts_with"),
    [
        ("since_year", "[d]"),  # "depuis": its one first letter
        ("year", "[adeps]"),  # "en", "pour", "au cours de", "durant", "sur l'année"
        ("today", "[a]"),
        ("event_period", "[ADLPadlpÀà]"),  # a rule that reads capitals: every case of them
    ],
)
def test_a_rule_starts_where_its_first_letters_are(rule: str, starts_with: str) -> None:
    from dechiffre.pipeline.claim_time import _compiled

    compiled = next(r for r in _compiled() if r.name == rule)
    starter = compiled.written_starter if compiled.reads_capitals else compiled.lower_starter
    assert starter is not None and starter.pattern.startswith(f"(?-i:{starts_with})")


def test_case_forms_are_every_character_ignorecase_matches() -> None:
    from dechiffre.pipeline.claim_time import CASE_CHECKED, case_forms

    letters = [chr(i) for i in range(CASE_CHECKED) if chr(i).isalpha()]
    any_letter = re.compile("[" + "".join(map(re.escape, letters)) + "]", re.IGNORECASE)
    matched = [chr(i) for i in range(0x110000) if any_letter.fullmatch(chr(i))]
    for letter in letters:
        same = re.compile(re.escape(letter), re.IGNORECASE)
        assert case_forms(letter) == {c for c in matched if same.fullmatch(c)}, letter
