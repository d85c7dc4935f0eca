"""The claims component: the seed's five claims, and the time grammar."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from dechiffre.pipeline.claim_time import find_times

SEED = "seed/000_3e265e7de1b6bb50"


@pytest.mark.slow
@pytest.mark.shared
def test_seed_claims_are_all_right(nlp: Language, shared_dir: Path) -> None:
    from dechiffre.pipeline.extract import extract_text

    gold = json.loads((shared_dir / f"{SEED}.gold.jsonl").read_text(encoding="utf-8"))
    record = extract_text(nlp, gold["text"], gold["id"])
    want = {(s["start"], s["end"]): s["claim"] for s in gold["spans"] if "claim" in s}
    got = {(s["start"], s["end"]): s.get("claim") for s in record["spans"]}
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize(
    ("text", "doc_year", "expected"),
    [
        (
            "au cours des neuf premiers mois de cette année",
            2024,
            ("first_months", "2024-01/2024-09"),
        ),
        ("en 2023", None, ("year", "2023")),
        ("pour l'exercice 2024", None, ("year", "2024")),
        ("depuis 2016", None, ("since_year", "2016/..")),
        ("jusqu'en 2030", None, ("until_year", "../2030")),
        ("entre 2019 et 2021", None, ("between_years", "2019/2021")),
        ("au premier trimestre 2024", None, ("quarter", "2024-01/2024-03")),
        ("en janvier 2023", None, ("month", "2023-01")),
        ("depuis janvier", 2022, ("since_month", "2022-01/..")),
        ("le 3 mars 2024", None, ("day", "2024-03-03")),
        ("l'an dernier", 2024, ("last_year", "2023")),
        ("l’année dernière", None, ("last_year", None)),  # nothing fixes the year
        ("cette année", None, ("this_year", None)),
        ("du 5 au 7 octobre 2021", None, ("day_range", "2021-10-05/2021-10-07")),
        ("au premier semestre", 2024, ("semester", "2024-01/2024-06")),
        ("dans les années 1960", None, ("decade", "1960/1969")),
        ("de juin à août", 2025, ("month_range", "2025-06/2025-08")),
        ("depuis le 1er janvier", 2025, ("since_day", "2025-01-01/..")),
        ("depuis août dernier", None, ("since_month", None)),
        ("dimanche soir", 2025, ("weekday", None)),
        ("d'ici la fin de l'année", 2025, ("by_end", "../2025-12")),
        ("d'ici la fin de l'année", None, ("by_end", None)),  # nothing fixes the year
        ("d'ici la fin de la législature", 2025, ("by_end", None)),
        ("depuis le début de l'année", 2024, ("since_start_year", "2024-01/..")),
        ("au cours des huit dernières années", 2025, ("last_years", None)),
        ("pour la campagne 2021-2022", None, ("year_span", "2021/2022")),
        ("durant la saison régulière 2018-2019", None, ("year_span", "2018/2019")),
        ("en 2030-2031", None, ("year_span", "2030/2031")),
        ("depuis sa fondation en 1998", None, ("since_event_year", "1998/..")),
        ("depuis l'entrée en vigueur en 2021", None, ("since_event_year", "2021/..")),
        ("depuis le début du mois de mars", 2024, ("since_month", "2024-03-01/..")),
        ("de juillet 2011", None, ("month_of_year", "2011-07")),
        ("d'avril 2016", None, ("month_of_year", "2016-04")),
        ("ce mardi 16 novembre", 2021, ("weekday_day", "2021-11-16")),
        ("le samedi 3 avril 2021", None, ("weekday_day", "2021-04-03")),
        ("vendredi 1er mars", None, ("weekday_day", None)),  # nothing fixes the year
        ("depuis le début de la guerre en 2011", None, ("since_start_year_event", "2011/..")),
        ("depuis le début des attaques en 2015", None, ("since_start_year_event", "2015/..")),
    ],
)
def test_time_expressions_resolve_only_what_the_text_fixes(
    text: str, doc_year: int | None, expected: tuple[str, str | None]
) -> None:
    (found,) = find_times(text, doc_year=doc_year)
    assert (found.rule, found.value) == expected
    assert text[found.start : found.end] == text


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        ("jeudi", "2024-03-21", ("weekday", "2024-03-21")),  # the day itself
        ("mardi", "2022-12-14", ("weekday", "2022-12-13")),  # the last one before
        ("samedi soir", "2023-11-12", ("weekday", "2023-11-11")),
        ("dans la nuit de mercredi à jeudi", "2023-09-14", ("weekday", "2023-09-13/2023-09-14")),
        ("à partir de dimanche", "2019-06-28", ("weekday", "2019-06-30/..")),
        ("il y a trois ans", "2023-09-14", ("years_ago", "2020")),
        ("six ans plus tôt", "2024-10-14T08:00:00", ("earlier", "2018")),
        ("jeudi", None, ("weekday", None)),  # no document date: nothing fixes the day
        ("l'hiver dernier", "2019-12-11", ("last_period", "2018/2019")),
        ("l'été dernier", "2023-11-12", ("last_period", "2023")),
        ("la saison dernière", "2023-10-02", ("last_period", "2022/2023")),
        ("le mois dernier", "2024-01-15", ("last_period", "2023-12")),
        ("la semaine dernière", "2024-01-15", ("last_period", None)),
        ("aujourd'hui", "2021-05-04", ("today", "2021-05-04")),
        ("aujourd’hui", None, ("today", None)),  # no document date: no day
    ],
)
def test_relative_days_and_periods_resolve_from_the_document_date(
    text: str, doc_date: str | None, expected: tuple[str, str | None]
) -> None:
    (found,) = find_times(text, doc_date=doc_date)
    assert (found.rule, found.value) == expected
    assert text[found.start : found.end] == text


@pytest.mark.parametrize(
    ("text", "doc_date", "value", "earlier"),
    [
        ("entre juin et septembre", "2024-02-10", "2024-06/2024-09", "2023-06/2023-09"),
        ("au troisième trimestre", "2024-02-10", "2024-07/2024-09", "2023-07/2023-09"),
        ("en janvier", "2024-02-10", "2024-01", None),  # already begun: this year
        ("en juin 2024", "2024-02-10", "2024-06", None),  # a written year is kept
    ],
)
def test_yearless_periods_after_the_document_date_offer_the_year_before(
    text: str, doc_date: str, value: str, earlier: str | None
) -> None:
    (found,) = find_times(text, doc_date=doc_date)
    assert (found.value, found.earlier) == (value, earlier)


def test_years_ago_is_not_counted_from_a_year_written_before() -> None:
    found = find_times("En 2015, le club a été fondé. Il y a trois ans, il a été racheté.")
    assert [(t.rule, t.value) for t in found] == [("year", "2015"), ("years_ago", None)]


def test_relative_years_take_the_last_year_written_before() -> None:
    text = "Le bilan de 2023 est publié. Cette année, les départs baissent."
    found = [t for t in find_times(text) if t.rule == "this_year"]
    assert [t.value for t in found] == ["2023"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the year of the sentence before, same paragraph: the text goes on about it
        ("Le budget pour l'exercice 2024 est voté. Au premier trimestre, il a baissé.",
         "2024-01/2024-03"),
        ("La saison 2019 a commencé tôt. En avril, le club avait déjà gagné.", "2019-04"),
        # two sentences back: another period, nothing fixes the year
        ("L'usine a ouvert en 2003. Elle emploie 300 personnes. En avril, elle a fermé.", None),
        # another paragraph: the same
        ("Le stade a été construit en 2010.\nEn avril, 40 000 spectateurs y sont venus.", None),
    ],
)  # fmt: skip
def test_yearless_times_take_only_a_year_written_just_before(text: str, value: str | None) -> None:
    (found,) = [t for t in find_times(text) if t.rule in {"quarter", "month"}]
    assert found.value == value


def test_yearless_times_take_the_document_year_over_a_written_one() -> None:
    (found,) = [t for t in find_times("En 2003, rien. En avril, tout.", doc_year=2021)
                if t.rule == "month"]  # fmt: skip
    assert found.value == "2021-04"


def _frame(nlp: Language, text: str, amount: str) -> tuple[dict[str, Any], dict[str, str]]:
    doc = nlp(text)
    (span,) = [e for e in doc.ents if e.label_ == "QUANTITY" and e.text == amount]
    return span._.dechiffre_claim, span._.dechiffre_claim_rules


def _text(text: str, ref: dict[str, int] | None) -> str | None:
    return None if ref is None else text[ref["start"] : ref["end"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "predicate", "rule"),
    [
        (  # "durent" is "durer", not the simple past of "devoir" ...
            "Les coupures durent en moyenne six heures.",
            "six heures",
            "durer",
            "verb",
        ),
        (  # "vit" is "vivre" in news text, not the simple past of "voir"
            "Un Malien sur trois vit avec moins de 2 dollars par jour.",
            "Un Malien sur trois",
            "vivre",
            "verb",
        ),
        (  # a change noun
            "Le FMI prévoit un rebond de 4 % en 2025.",
            "4 %",
            "rebond",
            "event_noun",
        ),
        (  # a participle after "avoir" that the tagger read as a noun
            "La société affirme avoir produit 4,1 millions d'onces d'or.",
            "4,1 millions d'onces",
            "produire",
            "noun_as_participle",
        ),
        (  # a subject after a comma that the parser joined to the noun before it
            "Depuis 2017, dans le cadre d'un programme de l'ONU, plus de 14 000 Nigérians "
            "sont revenus de Libye.",
            "plus de 14 000",
            "revenir",
            "comma_subject",
        ),
        (  # the bounds in an aside between dashes restate the change before it
            "L'enquête a montré une baisse de 11 % - de 54 à 43 % - depuis 2018.",
            "43 %",
            "baisse",
            "dash_aside+event_noun",
        ),
        (  # a "pour" amount hung on the object's nouns is the price of the act
            "Le Laos vend un actif, cédant une partie de son réseau pour 600 millions de dollars.",
            "600 millions de dollars",
            "céder",
            "price_of",
        ),
        (  # a present after a subject pronoun, read as a noun, third group too
            "Elle produit des liquidités pour environ 140 banques centrales.",
            "environ 140",
            "produire",
            "noun_as_verb",
        ),
        (  # ... not a copula's noun
            "C'est un problème pour 40 pays.",
            "40",
            None,
            "describes",
        ),
        (  # a part listed after a "dont" part shares its whole's predicate
            "Le bilan s'élève à 45 morts, dont 12 enfants et 8 femmes.",
            "8",
            "s'élever",
            "whole+verb",
        ),
        (  # a negated participle is a kind ("mineurs non accompagnés"), no event of its own
            "L'OIM a rapatrié 2 000 migrants, y compris 300 mineurs non accompagnés.",
            "300",
            "rapatrier",
            "argument_noun",
        ),
        (
            "Près de 500 maisons pourraient être détruites par la crue.",
            "Près de 500",
            "détruire",
            "modal",
        ),
        (
            "Le ministère de la Santé a dépêché une équipe de 12 agents à Kédougou.",
            "12",
            "dépêcher",
            "argument_noun",
        ),
        (  # a noun takes no object: "compte" read as a noun is the verb
            "La commune compte encore environ 300 commerces de proximité.",
            "environ 300",
            "compter",
            "noun_as_verb",
        ),
        (  # the base of a rate only describes the amount it divides
            "Au Tchad, il y a moins de cinq médecins pour 100 000 habitants.",
            "100 000",
            None,
            "rate_base",
        ),
        (
            "Le festival compte environ 2 500 films réalisés chaque année.",
            "environ 2 500",
            "réaliser",
            "participle",
        ),
        (  # an age in apposition only describes the person
            "Frank Lampard, 41 ans, quitte donc le club de Derby County.",
            "41 ans",
            None,
            "age",
        ),
        (
            "Sa femme amenait leur fille, âgée de 10 mois, à la fenêtre.",
            "10 mois",
            None,
            "age",
        ),
        (  # the age of a person noun only describes the person ...
            "Le chirurgien devait opérer une femme de 25 ans dans la matinée.",
            "25 ans",
            None,
            "age",
        ),
        (
            "Les secouristes ont retrouvé un Canadien de 32 ans dans la forêt.",
            "32 ans",
            None,
            "age",
        ),
        (  # ... a duration noun is no person: the verb says what happened
            "Le milieu de terrain a signé un contrat de trois ans avec le club.",
            "trois ans",
            "signer",
            "argument_noun",
        ),
        (  # a presentative says nothing happened to the amount
            "Voici cinq choses à savoir sur le virus.",
            "cinq",
            None,
            "presentative",
        ),
        (  # a participle read as a noun after "être" gives its verb
            "Au moins cinq migrants sont morts dans la nuit.",
            "Au moins cinq",
            "mourir",
            "event_noun",
        ),
        (  # the second of two counted nouns takes the verb, not the first noun
            "Le séisme a fait 2 960 morts et 5 674 blessés.",
            "5 674",
            "faire",
            "verb",
        ),
        (  # a finite form in -ure is no infinitive
            "Face à une sécheresse qui dure depuis quatre ans, le pays construit des usines.",
            "quatre ans",
            "durer",
            "verb",
        ),
        (  # "avoir" with an age keeps its lemma (ruling CR4) ...
            "Mon grand-père a 90 ans et vit seul.",
            "90 ans",
            "avoir",
            "verb",
        ),
        (  # ... but only describes an amount that is no argument of it
            "Le maire aura un mandat de 6 ans.",
            "6 ans",
            None,
            "light_verb",
        ),
        (  # ... what there is and what one has keep it
            "Il y a eu plus de 300 cas confirmés dans la région.",
            "plus de 300",
            "avoir",
            "verb",
        ),
        (
            "Elle a eu quatre enfants pendant son séjour.",
            "quatre",
            "avoir",
            "verb",
        ),
        (  # the total a part is out of only says what the part is out of ...
            "Le candidat a obtenu 39 voix sur les 76 votants.",
            "76",
            None,
            "total",
        ),
        (  # ... unless an object relative says what it is ("compte" read as a noun)
            "Il a gagné dans 7 régions sur les 10 que compte le pays.",
            "10",
            "compter",
            "object_relative",
        ),
        (  # a noun coordinated with the verb's argument takes the verb too
            "Le tribunal a condamné le gérant à 30 mois de prison avec sursis et à une amende "
            "de 48 000 euros.",
            "48 000 euros",
            "condamner",
            "argument_noun",
        ),
        (  # a counted noun outside the verb's core arguments takes its own participle ...
            "La mission s'est achevée jeudi avec 300 migrants secourus en mer.",
            "300",
            "secourir",
            "participle",
        ),
        (  # ... not a participle detached by a comma
            "Le taux de participation a atteint 50 %, contre 43 % lors du scrutin précédent, "
            "porté par la campagne.",
            "43 %",
            "atteindre",
            "verb",
        ),
        (  # a thing whose name ends like an event noun is no predicate
            "Deux médicaments contre l'épilepsie ont été approuvés en mars.",
            "Deux",
            "approuver",
            "verb",
        ),
        (  # ... nor one that only says what the thing is
            "Le conseil a fermé, avec douze cliniques spécialisées dans le pays.",
            "douze",
            "fermer",
            "verb",
        ),
        (  # a verb the parser reached across a paragraph break is no predicate
            "Le mois dernier, 450 personnes ont été rapatriées.\nEn l'espace de dix jours, "
            "1 800 migrants ont débarqué aux Canaries.",
            "dix jours",
            None,
            "paragraph",
        ),
    ],
)
def test_predicate_rules(
    nlp: Language, text: str, amount: str, predicate: str | None, rule: str
) -> None:
    claim, rules = _frame(nlp, text, amount)
    assert (claim["predicate"], rules["predicate"]) == (predicate, rule)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "agent", "rule"),
    [
        (  # "l'instance" stands for the body named before, as "l'organisation" does
            "La Fédération ivoirienne de football a limogé le sélectionneur. L'instance a versé "
            "une indemnité de 500 000 euros au technicien.",
            "500 000 euros",
            "Fédération ivoirienne de football",
            "anaphora_subject",
        ),
        (  # "Elle produit" read as a determiner and a noun: the pronoun is the subject
            "La société britannique De La Rue, qui a perdu un contrat cette année, est la plus "
            "grande société de fabrication de billets au monde. Elle produit des liquidités pour "
            "environ 140 banques centrales.",
            "environ 140",
            "De La Rue",
            "pronoun_subject",
        ),
        (  # "l'une de ces sociétés, X" is X, and a pronoun after goes on with it
            "L'une de ces sociétés, Jumia, fondée en 2012, affirme avoir un million de "
            "clients. Elle facture environ 5.500 $ pour son forfait de base.",
            "environ 5.500 $",
            "Jumia",
            "pronoun_subject",
        ),
        (
            "L'une de ces sociétés, Jumia, fondée en 2012, affirme avoir un million de "
            "clients. Elle facture environ 5.500 $ pour son forfait de base.",
            "un million",
            "Jumia",
            "shared_subject",
        ),
        (  # a firm's name the parser hung on its kind noun as an adjective
            "L'entreprise publique Sonatrach a signé un contrat de 4 milliards de dollars avec "
            "l'italien Eni.",
            "4 milliards de dollars",
            "Sonatrach",
            "subject",
        ),
        (  # "le groupe algérien" is not the firm an Italian adjective placed before
            "L'entreprise publique Sonatrach a signé un contrat avec l'italien Eni. Le groupe "
            "algérien prévoit de produire 100 millions de mètres cubes de gaz par jour.",
            "100 millions de mètres cubes",
            "Sonatrach",
            "anaphora_subject",
        ),
        (  # of two clubs, "le club" is the one the sentence before was about
            "Le Wydad Casablanca s'est imposé face au Raja. Le club rouge a empoché une prime "
            "de 300 000 dirhams.",
            "300 000 dirhams",
            "Wydad Casablanca",
            "anaphora_subject",
        ),
        (
            "Le Raja s'est incliné face au Wydad Casablanca. Le club a empoché une prime de "
            "100 000 dirhams.",
            "100 000 dirhams",
            "Raja",
            "anaphora_subject",
        ),
        (  # who is accused of an act did it, however the parser hung the infinitive
            "Amnesty International accuse les forces de sécurité guinéennes d'avoir tué au "
            "moins 47 manifestants.",
            "au moins 47",
            "forces de sécurité guinéennes",
            "object_control",
        ),
        (
            "Human Rights Watch accuse l'armée malienne d'avoir exécuté 71 civils.",
            "71",
            "armée malienne",
            "object_control",
        ),
        (  # "l'organisation" may be an intergovernmental body
            "L'Union africaine a suspendu le Gabon. L'organisation panafricaine compte "
            "désormais six États membres suspendus.",
            "six",
            "Union africaine",
            "anaphora_subject",
        ),
        (  # "la société": the last body that may be a company, not the government named
            # after it; the participle read as a noun has the reporter's subject
            "Le groupe minier canadien Barrick Gold a quitté le pays, a annoncé le gouvernement "
            "malien. La société affirme avoir produit 4,1 millions d'onces d'or.",
            "4,1 millions d'onces",
            "Barrick Gold",
            "anaphora_subject",
        ),
        (  # "son entreprise": the body named just before in the sentence ...
            "Le directeur de Renault admet que son entreprise a supprimé 300 postes.",
            "300",
            "Renault",
            "anaphora_subject",
        ),
        (  # ... never one of an earlier sentence
            "La ministre a rencontré Renault. Son entreprise a supprimé 300 postes.",
            "300",
            None,
            "none",
        ),
        (  # the speaker tells its own act, whatever the parser did with "qu'il"
            "Le gouvernement du Ghana a affirmé dans une déclaration récente qu'il avait versé "
            "20 millions de dollars aux planteurs.",
            "20 millions de dollars",
            "gouvernement du Ghana",
            "reporter_pronoun",
        ),
        (  # the same when "dépense" is read as a noun right before the amount
            "Le ministère de la Justice affirme qu'il dépense des millions pour aider les "
            "couples.",
            "des millions",
            "ministère de la Justice",
            "reporter_pronoun",
        ),
        (  # the frame's body, also where the parser hung the subject inside the frame
            "Depuis 2017, dans le cadre d'un programme de l'ONU, plus de 14 000 Nigérians "
            "sont revenus de Libye.",
            "plus de 14 000",
            "ONU",
            "frame",
        ),
        (  # the name the parser hangs on the firm's adjective
            "La société minière Barrick a versé 300 millions de dollars au Trésor.",
            "300 millions de dollars",
            "Barrick",
            "subject",
        ),
        (  # who analyses 55 studies counts them: the agent, not a reporter
            "En décembre, l'Université d'Ottawa a analysé 55 études mondiales sur le sommeil.",
            "55",
            "Université d'Ottawa",
            "subject",
        ),
        (
            "Le Programme alimentaire mondial a dû réduire ses rations dans une dizaine de pays.",
            "une dizaine",
            "Programme alimentaire mondial",
            "shared_subject",
        ),
        (
            "Elle a remercié l'Unicef, qui a financé une vingtaine de centres.",
            "une vingtaine",
            "Unicef",
            "relative",
        ),
        (
            "TikTok aurait été téléchargé plus de deux milliards de fois.",
            "plus de deux milliards de fois",
            None,
            "none",
        ),
        (  # who fears or estimates a figure says it: source, not agent
            "L'Unicef craint la fermeture de 3 000 écoles dans le pays.",
            "3 000",
            None,
            "reporter",
        ),
        (  # who draws up a report says its figures
            "La gendarmerie nationale dresse un bilan lourd : 14 morts et 30 blessés.",
            "30",
            None,
            "reporter",
        ),
        (  # announcing its own act: the announcer is the agent
            "Le ministère de la Santé a annoncé une enveloppe de 50 millions d'euros.",
            "50 millions d'euros",
            "ministère de la Santé",
            "subject",
        ),
        (  # a definite description points back to the organisation named before
            "Le tribunal a condamné Credit Suisse jeudi. La banque devra verser 3 millions "
            "d'euros au Trésor.",
            "3 millions d'euros",
            "Credit Suisse",
            "anaphora_subject",
        ),
        (  # a body that only qualifies the subject does not act
            "Les employés de l'Unicef recevront une prime de 200 euros.",
            "200 euros",
            None,
            "none",
        ),
        (  # a person's act is not the body's (a role counts for what one says)
            "Le président de la FECAFOOT devra obtenir au moins 39 voix.",
            "au moins 39",
            None,
            "none",
        ),
        (  # "par X" on a participle of the noun the amount hangs from
            "La vaccination reste loin de l'objectif de 75 % fixé par l'Organisation mondiale "
            "de la santé.",
            "75 %",
            "Organisation mondiale de la santé",
            "par_path",
        ),
        (  # an infinitive of purpose shares the subject of its verb
            "Le ministère de la Santé a débloqué 100 millions d'euros pour ouvrir 250 lits.",
            "250",
            "ministère de la Santé",
            "shared_subject",
        ),
        (  # "par X" on the amount's own participle (its predicate now: rule 'par')
            "Les experts évaluent à 500 millions d'euros le coût des travaux, dont un tiers "
            "financé par la Banque mondiale.",
            "un tiers",
            "Banque mondiale",
            "par",
        ),
        (  # a reporting verb that acts on the figure ("ajouter X à Y") keeps its agent ...
            "Le groupe Renault doit ajouter 200 000 véhicules à sa production annuelle.",
            "200 000",
            "Renault",
            "shared_subject",
        ),
        (  # ... one that says something does not
            "Le ministère a ajouté que 40 % des écoles étaient fermées.",
            "40 %",
            None,
            "none",
        ),
        (  # an infinitive of purpose hung on the object shares the clause's subject ...
            "Le conseil municipal de Rabat exploite trois centres. Il prévoit d'en construire "
            "un quatrième pour loger 900 personnes.",
            "900",
            "conseil municipal de Rabat",
            "pronoun_subject",
        ),
        (  # ... and "aider à" with no object named is the subject's own help
            "L'OIM va ouvrir un centre pour aider à loger 500 migrants.",
            "500",
            "OIM",
            "shared_subject",
        ),
        (  # a body that says something of itself stays the topic a pronoun stands for ...
            "La société Zorvex affirme avoir un million de clients. Elle emploie 300 personnes "
            "à Casablanca.",
            "300",
            "Zorvex",
            "pronoun_subject",
        ),
        (  # ... one that says what something else is does not
            "La société Zorvex a déclaré que le marché était saturé. Elle emploie 300 "
            "personnes à Casablanca.",
            "300",
            None,
            "none",
        ),
        (  # "nous" in a quotation is the body its speaker speaks for ...
            "« Nous avons secouru 300 migrants depuis janvier », a déclaré le porte-parole de "
            "la Marine royale.",
            "300",
            "Marine royale",
            "we_speaker",
        ),
        (
            "Le porte-parole de la Gendarmerie royale a indiqué : « Nous avons interpellé 45 "
            "passeurs. »",
            "45",
            "Gendarmerie royale",
            "we_speaker",
        ),
        (  # ... not what it counts (CR3), nor the "nous" of everyone a body speaks of
            "Selon le directeur du HCR au Niger, « nous avons enregistré 5 000 nouveaux "
            "réfugiés ».",
            "5 000",
            None,
            "reporter",
        ),
        (
            "L'ONU estime que « nous utilisons 40 milliards de tonnes de sable par an ».",
            "40 milliards de tonnes",
            None,
            "none",
        ),
        (  # "relever" a rate acts on it ...
            "La Banque centrale européenne a relevé ses taux de 0,25 point.",
            "0,25 point",
            "Banque centrale européenne",
            "subject",
        ),
        (  # ... "relever" cases counts them (CR3)
            "Le ministère de la Santé a relevé 24 cas de choléra à Douala.",
            "24",
            None,
            "reporter",
        ),
        (  # "est arrivé" is no passive: its subject acts
            "Le Rassemblement national des indépendants est arrivé en tête du scrutin avec "
            "102 sièges.",
            "102",
            "Rassemblement national des indépendants",
            "subject",
        ),
        (  # a person's age is no one's act
            "Le FC Nantes a recruté Paul Martin, 24 ans, pour trois saisons.",
            "24 ans",
            None,
            "age",
        ),
        (  # the agency credited in a dateline is no body of the claims
            "PARIS, 28 juin 2019 (AFP) – La France a battu son record avec 45,9 °C à Nîmes.",
            "45,9 °C",
            None,
            "none",
        ),
        (  # an acronym in brackets is referred to by the name written before it
            "L'Union démocratique du centre (UDC) sort gagnante du scrutin. Le parti obtient "
            "28 % des suffrages.",
            "28 %",
            "Union démocratique du centre",
            "anaphora_subject",
        ),
        (  # a body the act was done with takes part in it
            "Le défenseur a signé un contrat de quatre ans avec l'Olympique de Marseille.",
            "quatre ans",
            "Olympique de Marseille",
            "with",
        ),
        (  # ... not a body named inside the "avec" phrase
            "L'équipe a commencé la saison avec trois victoires contre le Paris Saint-Germain.",
            "trois",
            None,
            "none",
        ),
        (  # a subject pronoun stands for the body that acted in the sentence before ...
            "L'association Emmaüs a ouvert un centre à Lyon. Elle a accueilli 300 familles.",
            "300",
            "Emmaüs",  # RA4: the kind noun stays out of the span
            "pronoun_subject",
        ),
        (  # ... not for one that only spoke
            "Le HCR a déclaré que le vaccin était sûr. Il coûte 30 euros par dose.",
            "30 euros",
            None,
            "none",
        ),
        (  # ... and an impersonal "il" stands for no one
            "Le Crédit agricole a racheté la banque. Il faut 150 agents pour la gérer.",
            "150",
            None,
            "none",
        ),
        (  # the body an event noun is of did it
            "Le ministère a annoncé la livraison de l'Unicef de 300 tonnes de vivres.",
            "300 tonnes",
            "Unicef",
            "noun_of",
        ),
        (  # the owner of a possessed noun with its own participle: the clause's subject
            "Le FC Nantes a perdu la finale malgré ses six buts marqués en championnat.",
            "six",
            "FC Nantes",
            "possessive_owner",
        ),
        (  # the body that has what a possession verb counts is its agent (ruling CR2)
            "Selon le rapport, Jumia compte aujourd'hui 10 millions de clients.",
            "10 millions",
            "Jumia",
            "subject",
        ),
        (  # ... also where the parser read "compte" as a noun after it
            "C'est un très grand graphique, car Facebook compte plus de deux milliards "
            "d'utilisateurs.",
            "plus de deux milliards",
            "Facebook",
            "possession_before",
        ),
        (  # ... not a description the body is not named by
            "Le nouveau géant bancaire comptera quelque 120 000 employés dans le monde.",
            "quelque 120 000",
            None,
            "possession",
        ),
        (  # who counts what it recorded is no agent (ruling CR3)
            "PayPal a enregistré 10 millions de nouveaux comptes entre janvier et mars.",
            "10 millions",
            None,
            "reporter",
        ),
        (  # a person acts with a body named anywhere in the clause
            "L'attaquant Paul Diallo a inscrit cinq buts en dix matchs avec l'Olympique de "
            "Marseille.",
            "cinq",
            "Olympique de Marseille",
            "with_clause",
        ),
        (  # ... not with "le club", which may be any club named before
            "Le Bayern Munich a recruté Paul Diallo en mai. Le défenseur a remporté 20 titres "
            "avec le club.",
            "20",
            None,
            "none",
        ),
        (  # a player's tally "pour X" counts for the team
            "L'attaquant Paul Diallo a marqué 120 buts en dix saisons pour l'Olympique de "
            "Marseille.",
            "120",
            "Olympique de Marseille",
            "for_team",
        ),
        (  # ... "pour le club": the club named last
            "Paul Diallo a rejoint le Real Madrid en 2005. L'attaquant marquera 35 buts en 137 "
            "matchs pour le club.",
            "35",
            "Real Madrid",
            "for_team",
        ),
        (  # ... not one named as the opponent ("contre X")
            "Le FC Barcelone a été humilié samedi contre le Bayern Munich. Le défenseur, qui a "
            "remporté 20 titres pour le club, veut partir.",
            "20",
            None,
            "none",
        ),
        (  # ... nor the one that beat a body ("battu par X")
            "Le FC Barcelone a été battu samedi par le Bayern Munich. Le défenseur, qui a "
            "remporté 20 titres pour le club, veut partir.",
            "20",
            None,
            "none",
        ),
        (  # ... and only for a player's acts: paying "pour X" is no tally
            "L'attaquant Paul Diallo a payé 2 millions d'euros pour l'Olympique de Marseille.",
            "2 millions d'euros",
            None,
            "none",
        ),
        (  # ... nor with a body of a clause below the amount's
            "L'entraîneur a aligné 11 joueurs, qui avaient signé avec l'Olympique de Marseille.",
            "11",
            None,
            "none",
        ),
        (  # a body's own acronym in brackets is no other body between it and the pronoun ...
            "L'association Médecins du Monde (MDM) a ouvert un centre à Calais. Elle a accueilli "
            "300 familles.",
            "300",
            "Médecins du Monde",
            "pronoun_subject",
        ),
        (  # ... and a foreign name takes the gender of the French noun it is in apposition to
            "Hier, l'alliance d'experts Global Cyber Alliance (GCA) a lancé une campagne. Elle a "
            "formulé 50 recommandations.",
            "50",
            "Global Cyber Alliance",
            "pronoun_subject",
        ),
        (  # an amount inside the "par X" phrase counts the agents: none of them did it alone
            "Les comptes ont été vérifiés par 12 journaux, dont Le Monde et El País.",
            "12",
            None,
            "none",
        ),
        (  # people of a body whose name the parser split are not the body
            "Les salariés de Deutsche Bank recevront une prime de 800 euros.",
            "800 euros",
            None,
            "none",
        ),
        (  # ... also when the parser hung the name's first word deeper in the complement
            "L'ancien joueur du Raja de Casablanca et du FUS Rabat n'a marqué que cinq fois "
            "en 21 matches.",
            "cinq fois",
            None,
            "none",
        ),
        (  # a main verb the parser left without subject after a relative on it
            "À lire aussi : Le géant du commerce en ligne Amazon, qui a vu ses ventes "
            "s'envoler ces dernières années, s'est engagé à hauteur de 2 milliards de dollars.",
            "2 milliards de dollars",
            "Amazon",
            "lost_subject",
        ),
        (  # a firm noun is the body named after its sector
            "Le géant de la distribution Carrefour, qui a vu son chiffre d'affaires chuter ces "
            "dernières années, s'est engagé à hauteur de 500 millions d'euros.",
            "500 millions d'euros",
            "Carrefour",
            "subject",
        ),
        (  # ... a person is not the body named after the complement
            "Le directeur de la banque Barclays a touché 3 millions de livres.",
            "3 millions de livres",
            None,
            "none",
        ),
        (  # a clause whose verb is left out: its body is its subject
            "Le PSG compte 30 points, l'Olympique de Marseille 25 et le Stade rennais 20.",
            "25",
            "Olympique de Marseille",
            "gapping",
        ),
        (  # ... not a body before a comma that only opens the sentence
            "Selon l'OMS, 300 cas ont été confirmés.",
            "300",
            None,
            "none",
        ),
        (  # a verb form read as a noun but given a subject is the verb
            "Le Parti socialiste forme l'opposition officielle avec 21 sièges.",
            "21",
            "Parti socialiste",
            "subject",
        ),
        (  # the object of an object-control verb does its infinitive ...
            "Le ministère a aidé l'Unicef à distribuer 300 tonnes de vivres.",
            "300 tonnes",
            "Unicef",
            "object_control",
        ),
        (  # ... also one the verb takes with "à"
            "Ce but a permis à Arsenal de remporter trois points.",
            "trois",
            "Arsenal",
            "object_control",
        ),
        (  # a name the parser took for a conjunct, with no "et", is an apposition
            "Il a créé une organisation caritative, Soles4Souls, qui a distribué 300 tonnes de "
            "vivres.",
            "300 tonnes",
            "Soles4Souls",
            "relative",
        ),
        (  # ... not the subject, when the object names no body
            "La FIFA a chargé un cabinet d'auditer 40 fédérations.",
            "40",
            None,
            "none",
        ),
        (  # the infinitive of a noun the subject owns is the subject's act
            "Le FMI a présenté son plan d'aider le pays en prêtant 3 milliards de dollars.",
            "3 milliards de dollars",
            "FMI",
            "owner_infinitive",
        ),
        (  # what a plan the subject adopts provides for is the subject's act
            "L'Unesco a adopté un programme visant à former 300 enseignants.",
            "300",
            "Unesco",
            "plan_of",
        ),
        (  # ... not what a person the subject acts on does
            "Le FBI a arrêté un homme transportant 30 kg de cocaïne.",
            "30 kg",
            None,
            "none",
        ),
        (  # "de la part de X": X did it
            "Depuis huit ans, ces habitants subissent des persécutions de la part du "
            "gouvernement ougandais.",
            "huit ans",
            "gouvernement ougandais",
            "partner",
        ),
        (  # "grâce au soutien de X": X took part
            "1 500 agents ont été formés grâce au soutien de l'Union européenne.",
            "1 500",
            "Union européenne",
            "partner",
        ),
        (  # a subject "ce N" takes the body acting in the sentence before ...
            "L'Unicef a acheté des vaccins au Kenya. Ce programme comprend 500 millions de "
            "dollars d'aide.",
            "500 millions de dollars",
            "Unicef",
            "anaphora",
        ),
        (  # ... not when it is the figure itself
            "L'Unicef a acheté des vaccins au Kenya. Ce montant comprend 500 millions de "
            "dollars d'aide.",
            "500 millions de dollars",
            None,
            "measure_subject",
        ),
        (  # "la société de N": the last body whose name has N, not the last body named
            "L'entreprise américaine Colonial Pipeline a été attaquée par le groupe DarkSide. "
            "La société de pipelines a versé aux pirates 4,4 millions de dollars.",
            "4,4 millions de dollars",
            "Colonial Pipeline",
            "anaphora_subject",
        ),
        (  # a subject-control verb shares its subject
            "L'Unicef a décidé de distribuer 300 tonnes de vivres.",
            "300 tonnes",
            "Unicef",
            "shared_subject",
        ),
        (  # a standing: the body a copular clause is about holds the points "avec" it
            "L'Espérance de Tunis est en tête du groupe B avec neuf points.",
            "neuf",
            "Espérance de Tunis",
            "copula_with",
        ),
        (  # ... not a figure that only concerns the body
            "L'OMS est préoccupée par les 300 cas signalés au Congo.",
            "300",
            None,
            "none",
        ),
        (  # the body under whose aegis or programme the act took place
            "Sous l'égide de l'Union africaine, les belligérants ont signé un accord prévoyant "
            "le retrait de 500 soldats.",
            "500",
            "Union africaine",
            "frame",
        ),
        (
            "Dans le cadre d'un programme de l'OIM, 1 200 migrants sont rentrés au Niger l'an "
            "dernier.",
            "1 200",
            "OIM",
            "frame",
        ),
        (  # ... a body named as the subject still comes first
            "Dans le cadre de ce programme de l'OIM, l'Unicef a distribué 300 tonnes de vivres.",
            "300 tonnes",
            "Unicef",
            "subject",
        ),
        (  # "le club tunisien": the last body of that country, not the last club named
            "L'Espérance de Tunis a battu l'AS Vita Club dimanche. Le club tunisien a remporté "
            "ses deux derniers matchs.",
            "deux",
            "Espérance de Tunis",
            "anaphora_subject",
        ),
        (
            "L'AS Vita Club a battu Al Ahly dimanche. Le club congolais a remporté ses deux "
            "derniers matchs.",
            "deux",
            "AS Vita Club",
            "anaphora_subject",
        ),
        (  # "l'entreprise" is no newspaper: the last body of a kind it can name
            "TotalEnergies a été critiquée par Le Monde. L'entreprise a versé 300 millions "
            "d'euros à l'État.",
            "300 millions d'euros",
            "TotalEnergies",
            "anaphora_subject",
        ),
        (  # a subject the parser hung on the dateline's dash
            "Zurich (ATS) – Swiss Re cède sa filiale pour 2 milliards de francs.",
            "2 milliards de francs",
            "Swiss Re",
            "linear_subject",
        ),
        (  # a passive conjunct with a subject of its own shares no doer
            "La Banque africaine de développement a approuvé un prêt de 150 millions de "
            "dollars.\nQuelque 3 400 personnes ont été évacuées, selon la Protection civile.",
            "Quelque 3 400",
            None,
            "none",
        ),
        (  # ... or a name the parser cut into sentences of their own
            "Bank Al-Maghrib a maintenu son taux directeur à 3 %.",
            "3 %",
            "Bank Al-Maghrib",
            "linear_subject",
        ),
        (  # who made or paid for the subject takes part in what it does
            "Des chercheurs financés par la Fondation Gates ont suivi 3 000 patients.",
            "3 000",
            "Fondation Gates",
            "subject_by",
        ),
        (  # ... not who only sells it
            "Le vaccin vendu par Sanofi protège 70 % des enfants.",
            "70 %",
            None,
            "none",
        ),
        (  # an age is no one's act, whatever verb or cue is near it
            "Malala Yousafzai, qui a reçu une balle à l'âge de 15 ans de la part des talibans, "
            "milite pour l'éducation.",
            "15 ans",
            None,
            "age",
        ),
        (  # ... also with its "de" inside the amount
            "Le Bureau central d'investigations judiciaires (BCIJ) a démantelé jeudi une "
            "cellule de quatre membres, âgés de 19 à 33 ans, qui projetaient des attentats.",
            "de 19 à 33 ans",
            None,
            "age",
        ),
        (  # "ils" after one body that speaks: not that body
            "L'OMS a averti qu'ils pourraient être liés à la mort de 66 enfants.",
            "66",
            None,
            "none",
        ),
        (  # ... "ils" after a plural body is that body
            "Les talibans ont affirmé qu'ils avaient tué 30 soldats.",
            "30",
            "talibans",
            "reporter_pronoun",
        ),
        (  # a gerund shares the subject of the clause it hangs from
            "La Banque mondiale a alerté sur la dette des pays pauvres, en abaissant sa "
            "prévision de croissance à 2,1 %.",
            "2,1 %",
            "Banque mondiale",
            "gerund",
        ),
        (  # the infinitive of the subject's intent is the subject's act
            "Renault a l'intention de supprimer 1 500 postes en France.",
            "1 500",
            "Renault",
            "owner_infinitive",
        ),
        (  # ... not a decision the subject only comments on
            "Le ministre a déploré la décision de supprimer 200 postes.",
            "200",
            None,
            "none",
        ),
        (  # the body an intent is of does its infinitive
            "Malgré l'engagement de Danone de réduire ses emballages de 30 %, rien n'a changé.",
            "30 %",
            "Danone",
            "intent_of",
        ),
        (  # members of a body act as the body
            "Les pays de l'Union européenne ont versé 50 milliards d'euros à l'Ukraine.",
            "50 milliards d'euros",
            "Union européenne",
            "members_of",
        ),
        (  # ... its units and craft on duty too
            "Les unités de la Marine royale ont secouru 57 candidats à la migration.",
            "57",
            "Marine royale",
            "members_of",
        ),
        (  # ... a research team too
            "Les chercheurs de l'Institut Pasteur ont analysé 300 échantillons du virus.",
            "300",
            "Institut Pasteur",
            "members_of",
        ),
        (  # ... but not those who only hold a stake in it
            "Les actionnaires de Credit Suisse ont perdu 40 % de leur mise.",
            "40 %",
            None,
            "none",
        ),
        (  # ... nor its staff
            "Les employés de Renault ont manifesté à 2 000 devant le siège.",
            "2 000",
            None,
            "none",
        ),
        (  # passive participles joined by "puis" share the "par X" after the last one
            "Au total, 120 migrants ont été interceptés puis reconduits à la frontière par la "
            "Garde nationale.",
            "120",
            "Garde nationale",
            "shared_par",
        ),
        (  # a name set apart before its description, which the parser took for the subject
            "Airbnb, la plateforme de location, a supprimé 1 900 emplois.",
            "1 900",
            "Airbnb",
            "apposed_subject",
        ),
        (  # a partner cue that opens the sentence, its phrase closed by a comma
            "Grâce à l'Unicef, 3 000 enfants ont été vaccinés dans la région.",
            "3 000",
            "Unicef",
            "fronted_partner",
        ),
        (
            "En partenariat avec la Croix-Rouge, 500 tentes ont été distribuées aux sinistrés.",
            "500",
            "Croix-Rouge",
            "fronted_partner",
        ),
        (  # the name a naming participle gives the subject
            "En octobre 2018, une société appelée ES Pro Consulting Limited a envoyé une "
            "facture de 399 871 387 FCFA à la Caf.",
            "399 871 387 FCFA",
            "ES Pro Consulting Limited",
            "subject",
        ),
        (  # ... also to what the subject of a copula is: the next sentence's "Elle"
            "Le principal acteur du marché est une société israélienne appelée NSO Group. "
            "Elle gagne des centaines de millions de dollars par an.",
            "des centaines de millions de dollars",
            "NSO Group",
            "pronoun_subject",
        ),
        (  # ... not a body described but not named
            "Le principal acteur du marché est une société israélienne. Elle gagne des "
            "centaines de millions de dollars par an.",
            "des centaines de millions de dollars",
            None,
            "none",
        ),
        (  # a pronoun that opens its sentence is the last subject, not a body it acted on
            "Les talibans ont pris Kandahar, menaçant de renverser le gouvernement de Kaboul. "
            "Ils balaient l'Afghanistan en seulement 10 jours.",
            "10 jours",
            "talibans",
            "pronoun_subject",
        ),
        (  # ... not one inside its sentence
            "Les talibans ont pris Kandahar, menaçant de renverser le gouvernement de Kaboul. "
            "Depuis, ils balaient l'Afghanistan en seulement 10 jours.",
            "10 jours",
            None,
            "none",
        ),
        (  # a past infinitive shares the subject
            "L'OTAN a quitté le pays après avoir dépensé 300 milliards de dollars.",
            "300 milliards de dollars",
            "OTAN",
            "shared_subject",
        ),
        (  # ... so does a present participle after a comma
            "Le Hamas a revendiqué la victoire après avoir pris la ville, mettant ainsi fin à "
            "près de deux décennies de présence étrangère.",
            "près de deux décennies",
            "Hamas",
            "shared_subject",
        ),
        (  # a past participle on what a verb acts on tells that verb's act
            "L'Unesco propose aussi un cycle de films africains organisé durant 3 jours.",
            "3 jours",
            "Unesco",
            "object_participle",
        ),
        (
            "Le FMI a mis en garde, en révisant ses prévisions de croissance à 3,8 % contre "
            "4,5 % initialement prévus.",
            "4,5 %",
            "FMI",
            "gerund",
        ),
        (  # ... not one that tells what its noun did
            "L'Unesco accueille des cinéastes africains arrivés depuis 3 jours.",
            "3 jours",
            None,
            "none",
        ),
        (  # the years a possessive gives its owner are its age
            "Au cours de ses 73 ans d'existence, l'OTAN a connu des désaccords.",
            "73 ans",
            None,
            "age",
        ),
        (  # the name that closes a firm noun's longer sector
            "Le site de recherche d'emploi Indeed a interrogé 1 500 travailleurs américains.",
            "1 500",
            "Indeed",
            "subject",
        ),
        (  # ... not a body that only qualifies
            "Les clients de recherche d'emploi Indeed ont envoyé 1 500 candidatures.",
            "1 500",
            None,
            "none",
        ),
        (  # any verb the tagger read as a noun between its subject and the amount
            "Le HCR finance douze centres d'accueil.",
            "douze",
            "HCR",
            "subject_before",
        ),
        (  # ... but who says or counts is no agent (ruling CR3)
            "Le HCR recense 12 000 réfugiés.",
            "12 000",
            None,
            "reporter",
        ),
        (  # a cleft's relative clause the parser hung loosely acts for the body
            "C'est l'OIM qui a organisé le retour de 3 100 migrants en 2023.",
            "3 100",
            "OIM",
            "relative",
        ),
        (  # the body a cleft puts forward is what a pronoun after it stands for
            "En France, c'est la Cimade qui accompagne les demandeurs d'asile. L'an dernier, "
            "elle a aidé 2 300 personnes.",
            "2 300",
            "Cimade",
            "pronoun_subject",
        ),
        (  # ... and a name the parser cut off before its description in commas
            "Tinder, l'application la plus téléchargée, a atteint 3 milliards de visites en un "
            "jour - et elle a battu ce record plus de 100 fois depuis.",
            "plus de 100 fois",
            "Tinder",
            "pronoun_subject",
        ),
        (  # a pronoun that has something stands for the body that said a compound
            # infinitive of itself (ruling CR2)
            "L'une de ces associations, SOS Méditerranée, fondée en 2015, affirme avoir secouru "
            "38 000 personnes. Elle dispose de 60 bénévoles.",
            "60",
            "SOS Méditerranée",
            "pronoun_subject",
        ),
        (  # a body before a relative clause in commas is the subject of the verb after it,
            # here one that says (ruling CR3)
            "L'OIM, qui cite des sources locales, évoque au moins 61 morts.",
            "au moins 61",
            None,
            "reporter",
        ),
        (  # the body a "selon" cites is no subject, however the parser hung it
            "Selon Lloyd's List Intelligence, plus de 40 cargos attendaient au large.",
            "plus de 40",
            None,
            "none",
        ),
        (  # a description right before a verb read as a noun, of the kind of a body named
            # before, has what it counts (ruling CR2) ...
            "Le groupe MTN opère dans 19 pays. Le groupe compte 280 millions d'abonnés.",
            "280 millions",
            "MTN",
            "anaphora_before",
        ),
        (  # ... not one of another kind named last
            "La Cour a donné raison aux plaignantes. L'association compte plus de 2 500 "
            "membres.",
            "plus de 2 500",
            None,
            "none",
        ),
        (  # a body that counts stays the topic a pronoun after it stands for
            "Le ministère de la Santé a recensé 1 250 cas de choléra. Il a ouvert 14 centres "
            "de traitement.",
            "14",
            "ministère de la Santé",
            "pronoun_subject",
        ),
        (  # a fronted partner cue with "du"
            "Avec l'appui du PAM, 12 000 familles ont reçu des vivres.",
            "12 000",
            "PAM",
            "fronted_partner",
        ),
        (  # a sum "à hauteur de" the parser hung on the "par X" is no count of agents
            "Le projet, financé par la Banque mondiale à hauteur de 450 millions de dollars, "
            "vise 2 millions d'agriculteurs.",
            "450 millions de dollars",
            "Banque mondiale",
            "par",
        ),
        (  # a possession verb's subject the parser left apart has (ruling CR2)
            "Jumia compte aujourd'hui 10 millions de clients.",
            "10 millions",
            "Jumia",
            "linear_subject",
        ),
        (  # an "il" the parser read as impersonal, of a verb with an object that never is
            "Le groupe MTN est présent dans 19 pays. Il compte plus de 280 millions d'abonnés.",
            "plus de 280 millions",
            "MTN",
            "pronoun_subject",
        ),
        (  # ... but "il faut" is impersonal
            "Le HCR gère douze centres. Il faut 300 agents de plus.",
            "300",
            None,
            "none",
        ),
        (  # "il y" with a verb other than "avoir" is no impersonal "il y a"
            "Le HCR gère douze centres d'accueil. Il y emploie 300 agents.",
            "300",
            "HCR",
            "pronoun_subject",
        ),
        (  # the "il" of a reflexive verb the parser reads as impersonal (reflexive_pronoun)
            "Le HCR n'est pas en reste. Il s'est engagé à verser 3 millions de dollars.",
            "3 millions de dollars",
            "HCR",
            "pronoun_subject",
        ),
        (  # ... but not that of "il s'agit"
            "Orange a ouvert un bureau. Il s'agit de 300 emplois.",
            "300",
            None,
            "none",
        ),
        (  # a body named after a trade noun that is the subject is a topic, with its gender
            "Son rival, le géant de la technologie Orange, n'est pas en reste. Il s'est engagé"
            " à verser 3 milliards de dollars.",
            "3 milliards de dollars",
            "Orange",
            "pronoun_subject",
        ),
    ],
)
def test_agent_rules(nlp: Language, text: str, amount: str, agent: str | None, rule: str) -> None:
    claim, rules = _frame(nlp, text, amount)
    assert (_text(text, claim["agent"]), rules["agent"]) == (agent, rule)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "source", "rule"),
    [
        (  # a reflexive verb of an incise, whose "se" the parser marks
            "« Nous avons vacciné plus de 3 millions d'enfants en six semaines », s'est "
            "félicité le directeur de l'Unicef au Nigeria.",
            "plus de 3 millions",
            "Unicef",
            "incise",
        ),
        (
            "« Les prix ont augmenté de 30 % », s'inquiète le Programme alimentaire mondial.",
            "30 %",
            "Programme alimentaire mondial",
            "incise",
        ),
        (  # a body with its article after an opening adverbial, parsed as no subject
            "Toutefois, le NHS recommande de prendre de la vitamine D (10 microgrammes par "
            "jour) en hiver.",
            "10 microgrammes",
            "NHS",
            "linear_speaker",
        ),
        (  # figures the parser hung on the verb's other argument ("à la baisse")
            "La Banque mondiale a lancé une alerte sur la dette des pays pauvres, en révisant "
            "à la baisse ses prévisions de croissance pour le Sahel, à 2,1 % contre 3 % "
            "attendus.",
            "2,1 %",
            "Banque mondiale",
            "own_figures",
        ),
        (  # a description before "table sur", read as a noun
            "D'après un rapport de la Banque africaine de développement, la croissance devrait "
            "ralentir. L'institution financière table sur un rebond à 4 % en 2025.",
            "4 %",
            "Banque africaine de développement",
            "forecast",
        ),
        (  # who accuses states the figure
            "Human Rights Watch accuse l'armée malienne d'avoir exécuté 71 civils.",
            "71",
            "Human Rights Watch",
            "report_verb",
        ),
        (  # a company's description speaks for it, not for the government named last
            "Le groupe minier canadien Barrick Gold a quitté le pays, a annoncé le gouvernement "
            "malien. La société affirme avoir produit 4,1 millions d'onces d'or.",
            "4,1 millions d'onces",
            "Barrick Gold",
            "report_anaphora",
        ),
        (  # a spokesperson of "l'institut" (tagged a name) speaks for the institute
            "Les chiffres sont publiés par l'Institut national de la statistique. Le "
            "porte-parole de l'institut, Moussa Diallo, a précisé que les prix avaient bondi "
            "de 14 %.",
            "14 %",
            "Institut national de la statistique",
            "role_anaphora",
        ),
        (  # who draws up a ranking gives the figures placed in it
            "L'Algérie a gagné 135 points au classement mondial de la Fifa.",
            "135",
            "Fifa",
            "in_report",
        ),
        (  # an incise written without its comma
            "Au moins quatre personnes sont mortes mercredi lors de manifestations indique "
            "l'AFP.",
            "Au moins quatre",
            "AFP",
            "incise",
        ),
        (  # "Pour X," opening a sentence gives X's view, as "selon X" does ...
            "Pour la Croix-Rouge, 3 000 familles ont besoin d'une aide d'urgence.",
            "3 000",
            "Croix-Rouge",
            "opening_view",
        ),
        (  # ... not "pour" and an infinitive
            "Pour financer 12 écoles, l'Unicef a levé des fonds.",
            "12",
            None,
            "none",
        ),
        (  # a description of a body named before counts: "l'ONG", tagged as a name too
            "Amnesty International accuse la police. L'ONG a recensé au moins 60 morts.",
            "au moins 60",
            "Amnesty International",
            "report_anaphora",
        ),
        (
            "Le HCR a ouvert un bureau à Niamey. L'agence a enregistré 4 388 migrants en mai.",
            "4 388",
            "HCR",
            "counting_anaphora",
        ),
        (  # the studies it analyses are what it counts, not its report
            "En décembre, l'Université d'Ottawa a analysé 55 études mondiales sur le sommeil.",
            "55",
            None,
            "none",
        ),
        (  # a scholar at a body speaks in their own voice ...
            "Selon Paul Martin, chercheur à l'Institut Pasteur, 30 % des patients guérissent.",
            "30 %",
            None,
            "works_at",
        ),
        (
            "Le professeur Jean Morel, épidémiologiste à l'université de Genève, précise que 20 "
            "pays sont touchés.",
            "20",
            None,
            "works_at",
        ),
        (  # ... a spokesperson for it
            "Selon Anne Leroy, porte-parole du HCR, 300 migrants ont été secourus.",
            "300",
            "HCR",
            "selon",
        ),
        (  # a study by someone named, not the report the text is about, and no inheritance
            "Dans son rapport annuel, l'Unicef indique que 12 millions d'enfants ont faim. "
            "Selon une étude de Jean Morel, 40 % des parents ont réduit leurs achats.",
            "40 %",
            None,
            "named_owner",
        ),
        (  # a name in quotes is no quoted speech: the last source does not carry over
            "Selon l'OMS, 300 cas ont été confirmés. L'Égypte a vacciné 500 volontaires avec "
            "un vaccin appelé « Espoir ».",
            "500",
            None,
            "none",
        ),
        (  # after a scholar's own words, "il" goes on with the scholar, not the body before
            "L'OMS indique que 300 cas ont été confirmés. Selon Paul Martin, chercheur à "
            "l'Institut Pasteur, 30 % des patients guérissent. Il indique aussi que 12 patients "
            "sont morts.",
            "12",
            None,
            "none",
        ),
        (  # who carried out a survey is its source
            "Une enquête menée par l'Insee a révélé que 40 % des ménages épargnent moins.",
            "40 %",
            "Insee",
            "report_by",
        ),
        (  # ... and who had it carried out
            "Une enquête menée pour le compte de l'Unicef révèle que 40 % des jeunes ont faim.",
            "40 %",
            "Unicef",
            "report_by",
        ),
        (
            "Un sondage réalisé pour l'Unicef montre que 40 % des jeunes ont faim.",
            "40 %",
            "Unicef",
            "report_by",
        ),
        (  # "une étude" is another report than the one the text is about
            "Dans son rapport annuel, l'Unicef indique que 12 millions d'enfants ont faim. "
            "Une étude récente a montré que 40 % des parents ont réduit leurs achats.",
            "40 %",
            None,
            "new_report",
        ),
        (  # a named person who speaks for no body: the report is no longer reported ...
            "Le rapport de l'Unicef indique que 12 millions d'enfants ont faim. « Nous avons "
            "distribué 300 tonnes de vivres », a déclaré Mme Durand.",
            "300 tonnes",
            None,
            "none",
        ),
        (  # ... one who speaks for it, by the role after her name
            "Le rapport de l'Unicef indique que 12 millions d'enfants ont faim. « Nous avons "
            "distribué 300 tonnes de vivres », a déclaré Mme Durand, directrice de l'Unicef.",
            "300 tonnes",
            "Unicef",
            "incise_role",
        ),
        (  # an unnamed report is the one the text is about
            "Dans son rapport annuel, l'Unicef indique que 12 millions d'enfants ont faim. "
            "Selon le rapport, 40 % des parents ont réduit leurs achats.",
            "40 %",
            "Unicef",
            "report_owner",
        ),
        (
            "Le prix est fixé à 1 000 F CFA, a annoncé dimanche l'OIM.",
            "1 000 F CFA",
            "OIM",
            "incise",
        ),
        (
            "Selon l'OIM, 300 migrants ont été secourus. Le lendemain, 40 bateaux sont arrivés.",
            "40",
            None,
            "none",
        ),
        (
            "L'Unicef craint la fermeture de 3 000 écoles dans le pays.",
            "3 000",
            "Unicef",
            "report_verb",
        ),
        (  # the reporting verb shares the subject of the verb it is coordinated with
            "L'Unicef s'inquiète de la situation et rappelle que 2 millions d'enfants sont "
            "déscolarisés.",
            "2 millions",
            "Unicef",
            "report_verb",
        ),
        (
            "La gendarmerie nationale dresse un bilan lourd : 14 morts et 30 blessés.",
            "30",
            "gendarmerie nationale",
            "report_object",
        ),
        (
            "L'Unicef a ouvert des écoles. Selon elle, les passeurs entassent jusqu'à 70 "
            "personnes par bateau.",
            "jusqu'à 70",
            "Unicef",
            "selon_anaphora",
        ),
        (  # whom one speaks to is no source
            "« Nous manquons de tout », a déclaré jeudi à l'AFP un médecin de 45 ans.",
            "45 ans",
            None,
            "none",
        ),
        (  # a quote given by someone else does not carry the last source on
            "L'OIM a recensé 300 naufragés. « On enterre des enfants de 12 ans », déplore une "
            "infirmière.",
            "12 ans",
            None,
            "none",
        ),
        (  # a quote the same speaker goes on with does
            "L'OIM a recensé 300 naufragés. « Les passeurs entassent 70 personnes par "
            "bateau », indique-t-elle.",
            "70",
            "OIM",
            "inherited",
        ),
        (  # a person who says "je" tells their own experience (rule 'first_person')
            "Le rapport de la FAO indique que 2 000 fermes ont fermé. « Avec deux vaches, je "
            "produis 15 litres de lait par jour », raconte Amadou.",
            "15 litres",
            None,
            "none",
        ),
        (  # a person speaking for the body the text is about
            "La Croix-Rouge française a ouvert un centre à Calais. « Nous accueillons 300 "
            "personnes par nuit », explique son directeur.",
            "300",
            "Croix-Rouge française",
            "incise_anaphora",
        ),
        (  # "la fédération": the body whose knowledge-base name has the noun
            "La FECAFOOT a suspendu le championnat. La saison prochaine, 20 équipes joueront "
            "en première division, a ajouté la fédération.",
            "20",
            "FECAFOOT",
            "incise_anaphora",
        ),
        (  # "selon un rapport": the body the text names as the report's owner
            "Le cinéma africain pourrait créer 20 millions d'emplois, selon un rapport publié "
            "mardi. Dans ce rapport, l'Unesco appelle les États à investir.",
            "20 millions",
            "Unesco",
            "report_owner",
        ),
        (  # a source line credits the bulleted figures above it ...
            "Le pays compte 3 000 médecins. Les chiffres clés : • 80 % des enfants sont "
            "vaccinés • 12 % des adultes le sont aussi Source : OMS",
            "80 %",
            "OMS",
            "source_line",
        ),
        (  # ... not a figure of an earlier sentence
            "Le pays compte 3 000 médecins. Les chiffres clés : • 80 % des enfants sont "
            "vaccinés • 12 % des adultes le sont aussi Source : OMS",
            "3 000",
            None,
            "none",
        ),
        (  # a report that details figures: its owner says them
            "Le rapport de la Cour des comptes détaille 40 mesures d'économies.",
            "40",
            "Cour des comptes",
            "report_noun",
        ),
        (  # who forecasts a change says it
            "Le FMI prévoit une croissance de 3 % en 2025.",
            "3 %",
            "FMI",
            "forecast",
        ),
        (  # the text goes on with the report's figures ...
            "Le rapport de la Cour des comptes indique que 1 800 places manquent. En 2024, "
            "143 000 décisions ont été rendues.",
            "143 000",
            "Cour des comptes",
            "inherited",
        ),
        (  # ... but not with what another body does
            "Le rapport de la Cour des comptes indique que 1 800 places manquent. En 2024, "
            "l'Ofpra a rendu 143 000 décisions.",
            "143 000",
            None,
            "none",
        ),
        (  # a relative clause inside what the verb announces is not announced by it
            "Le ministère de l'Intérieur a annoncé l'envoi de gendarmes sur le littoral, qui "
            "s'étend sur 140 km.",
            "140 km",
            None,
            "none",
        ),
        (  # an unnamed individual speaks for no body (rule 'individual') ...
            "« Avec 40 % des voix, un parti rafle 70 % des sièges », souligne un politologue "
            "de l'Université Laval.",
            "70 %",
            None,
            "none",
        ),
        (
            "Un économiste de l'Université de Genève estime que 20 % des ménages sont endettés.",
            "20 %",
            None,
            "none",
        ),
        (  # ... a role does
            "« Le phénomène touche 30 % des écoles », souligne la porte-parole de l'Unicef.",
            "30 %",
            "Unicef",
            "incise",
        ),
        (  # more verbs of speech: "admettre", "confier", "dire"...
            "Le directeur de l'Unicef admet que 4 millions d'enfants sont privés d'école.",
            "4 millions",
            "Unicef",
            "report_verb",
        ),
        (  # a quote another speaker gives does not go on with the last source
            "Le rapport de l'OIM indique que 300 migrants sont morts. « On a parfois 15 appels "
            "par nuit », confie une bénévole.",
            "15",
            None,
            "none",
        ),
        (  # "selon elle": a body named as the subject's name ("l'association X, qui ...,")
            "L'association Amnesty International, qui suit les procès, dénonce une dérive. "
            "Selon elle, 300 militants ont été arrêtés.",
            "300",
            "Amnesty International",
            "selon_anaphora",
        ),
        (  # "précise la même source", "selon la même source": the last source named
            "Selon l'OIM, 200 migrants ont été secourus lundi. Le bateau a chaviré et au moins "
            "30 personnes ont péri, précise la même source.",
            "au moins 30",
            "OIM",
            "same_source",
        ),
        (
            "Selon l'OIM, 200 migrants ont été secourus lundi. Selon la même source, au moins "
            "30 personnes ont péri.",
            "au moins 30",
            "OIM",
            "same_source",
        ),
        (  # an amount that only describes inherits no source (a report's goes on otherwise)
            "Le rapport de l'OIM indique que 300 migrants sont morts. Le bateau de 12 mètres "
            "a chaviré au large.",
            "12 mètres",
            None,
            "none",
        ),
        (  # whom the figures were given to is no source ...
            "Elle a reçu 500 plaintes l'an dernier, selon les chiffres transmis à la BBC.",
            "500",
            None,
            "addressee",
        ),
        (  # ... the body that gave them is
            "Le pays a reçu 500 plaintes, selon les chiffres remis à la BBC par le ministère "
            "de l'Intérieur.",
            "500",
            "ministère de l'Intérieur",
            "selon",
        ),
        (  # a present participle says what its clause's subject says
            "Le FC Barcelone a refusé l'offre, précisant que 40 joueurs étaient sous contrat.",
            "40",
            "FC Barcelone",
            "participle",
        ),
        (  # "en compter trois": no figure reported
            "Les joueurs du Zamalek en comptent trois au classement.",
            "trois",
            None,
            "none",
        ),
        (  # a "selon X" inside a relative clause sources the relative, not the amount ...
            "Le régulateur a infligé une amende à 12 entreprises pour des accords qui, selon "
            "l'Unicef, violaient la loi.",
            "12",
            None,
            "none",
        ),
        (  # ... one of the amount's own clause does
            "Le régulateur a infligé une amende à 12 entreprises, selon l'Unicef.",
            "12",
            "Unicef",
            "selon",
        ),
        (  # a speaker named after an incise speaks for the body of their role ...
            "Quatre vaccins ont été financés, a déclaré à la presse Anne Martin, directrice "
            "scientifique de l'OMS.",
            "Quatre",
            "OMS",
            "incise_role",
        ),
        (  # ... not for a place a scholar works at
            "Quatre vaccins ont été financés, a déclaré à la presse Anne Martin, chercheuse à "
            "l'Institut Pasteur.",
            "Quatre",
            None,
            "none",
        ),
        (  # who quotes the speaker reports what was said
            "« Environ 300 familles ont fui le village », a affirmé Jean Morel, le maire de la "
            "ville, cité par l'Agence France-Presse.",
            "Environ 300",
            "Agence France-Presse",
            "cited_by",
        ),
        (  # a relative clause inside what the verb says is said too
            "L'Unicef reconnaît que son réseau, qui compte 300 écoles, est saturé.",
            "300",
            "Unicef",
            "report_verb",
        ),
        (  # a plural pronoun speaker is not a singular body
            "Le gouvernement togolais a fermé les stades. Ils affirment que 300 matchs ont été "
            "annulés.",
            "300",
            None,
            "speaker_pronoun",
        ),
        (  # "l'organisme" stands for the body named before
            "L'association FareShare a lancé un appel aux dons. L'organisme dit que 300 "
            "familles ont reçu des repas.",
            "300",
            "FareShare",
            "report_anaphora",
        ),
        (  # "faire état de" reports a figure
            "L'association SOS Racisme a fait état de 300 plaintes en 2023.",
            "300",
            "SOS Racisme",
            "report_verb",
        ),
        (  # "calculer que" reports a figure
            "L'Unicef a calculé que 300 écoles avaient fermé.",
            "300",
            "Unicef",
            "report_verb",
        ),
        (  # a figure that describes the speaker is not what the speaker says ...
            "Paul Diallo, 45 ans, porte-parole de l'Unicef, explique que 300 enfants ont faim.",
            "45 ans",
            None,
            "none",
        ),
        (  # ... what follows is
            "Paul Diallo, 45 ans, porte-parole de l'Unicef, explique que 300 enfants ont faim.",
            "300",
            "Unicef",
            "report_verb",
        ),
        (  # a speaker pronoun stands for the body that acted before ...
            "L'Unicef a ouvert des écoles au Mali. Elle affirme que 300 enfants y étudient.",
            "300",
            "Unicef",
            "report_anaphora",
        ),
        (  # ... not after a person named since
            "L'Unicef a ouvert des écoles au Mali. Quant à Marie Durand, elle affirme que 300 "
            "enfants y étudient.",
            "300",
            None,
            "speaker_pronoun",
        ),
        (  # ... nor when its gender is not the body's
            "Le ministère de la Santé a ouvert un centre. Elle affirme que 300 lits manquent.",
            "300",
            None,
            "speaker_pronoun",
        ),
        (  # a report carries over a few sentences ...
            "Le rapport de l'Unicef indique que 12 millions d'enfants ont faim. La sécheresse "
            "dure. Dans la région, 40 villages ont été abandonnés.",
            "40",
            "Unicef",
            "inherited",
        ),
        (  # ... not over a whole section
            "Le rapport de l'Unicef indique que 12 millions d'enfants ont faim. La sécheresse "
            "dure. Les récoltes sont perdues. Les prix montent. Les familles partent. Les écoles "
            "ferment. Les routes sont coupées. Dans la région, 40 villages ont été abandonnés.",
            "40",
            None,
            "none",
        ),
        (  # a quote alone does not carry the last body on
            "L'OIM a recensé 300 naufragés. « Les passeurs entassent 70 personnes par bateau. »",
            "70",
            None,
            "none",
        ),
        (  # a speaker pronoun of the body's gender goes on with it ...
            "Le ministère de la Santé a recensé 300 naufragés. « Les passeurs entassent 70 "
            "personnes par bateau », indique-t-il.",
            "70",
            "ministère de la Santé",
            "inherited",
        ),
        (  # ... one of another gender is a person the text quotes
            "Le ministère de la Santé a recensé 300 naufragés. « Les passeurs entassent 70 "
            "personnes par bateau », indique-t-elle.",
            "70",
            None,
            "none",
        ),
        (  # a detached participle says what the clause before it says, however it is hung
            "En mai, il a déclaré vouloir quitter le club, mais la Juventus a refusé, "
            "expliquant que son contrat de 50 millions courait encore.",
            "50 millions",
            "Juventus",
            "participle",
        ),
        (  # "que" after "dans une déclaration" opens what is said, not a relative
            "Le ministère de la Santé a affirmé dans une déclaration qu'il avait ouvert 12 "
            "hôpitaux.",
            "12",
            "ministère de la Santé",
            "report_verb",
        ),
        (  # ... as does one whose verb has its own object
            "Le gouvernement du Sénégal a affirmé dans un communiqué qu'il avait recruté 300 "
            "enseignants.",
            "300",
            "gouvernement du Sénégal",
            "report_verb",
        ),
        (  # a "selon" phrase that names no body, then the body's name after a comma
            "Plus de 80 % des joueurs ont été vaccinés, selon l'instance dirigeante du "
            "football, la Fédération française de football (FFF).",
            "Plus de 80 %",
            "Fédération française de football",
            "selon_apposed",
        ),
        (  # ... not the subject of the next clause
            "Selon le ministère, l'OMS a livré 40 tonnes de vaccins.",
            "40 tonnes",
            None,
            "none",
        ),
        (  # who a passive report is by says it; a case it reports includes its relatives
            "Un tel cas a été rapporté par Le Monde en 2020, avec un employé qui aurait versé "
            "50 000 euros à des escrocs.",
            "50 000 euros",
            "Le Monde",
            "reported_by",
        ),
        (  # a part "d'entre eux" of figures just reported has the same source ...
            "Selon l'OMS, 40 patients ont été hospitalisés la semaine dernière. Onze d'entre "
            "eux sont morts.",
            "Onze",
            "OMS",
            "among_them",
        ),
        (  # ... "parmi eux" too ...
            "Selon l'OMS, 300 patients ont été hospitalisés la semaine dernière. Parmi eux, "
            "environ 200 se trouvent à Wuhan.",
            "environ 200",
            "OMS",
            "among_them",
        ),
        (  # ... and "parmi ces" past a blank line ...
            "L'an dernier, les tribunaux ont ordonné l'arrêt des procédures dans 214 dossiers, "
            "selon des données obtenues par Le Devoir.\n\nParmi ces dossiers, une quarantaine "
            "concernaient des agressions.",
            "une quarantaine",
            "Le Devoir",
            "among_them",
        ),
        (  # ... not when someone else says it
            "Selon l'OMS, 300 patients ont été hospitalisés. Le président Poutine a déclaré que "
            "ses forces avaient évacué 140 000 civils, dont aucun d'entre eux n'était malade.",
            "140 000",
            None,
            "none",
        ),
        (  # ... not another figure
            "Selon l'OMS, 40 patients ont été hospitalisés la semaine dernière. Onze enfants "
            "sont morts dans un accident.",
            "Onze",
            None,
            "none",
        ),
        (  # who cites sources reports what they say
            "Le Monde cite des sources suggérant que 300 soldats ont été tués.",
            "300",
            "Le Monde",
            "report_verb",
        ),
        (  # a pronoun in a body's own relative clause does not stand for that body
            "L'UE a adopté de nouvelles règles. Le chauffeur est exaspéré par les formulaires "
            "exigés par l'UE, qui, selon lui, a créé des files de 25 km.",
            "25 km",
            None,
            "own_relative",
        ),
        (  # the relative clause of a case a report mentions is what it reports
            "Le rapport d'Amnesty International mentionne le cas d'un homme qui a été détenu "
            "pendant 40 jours.",
            "40 jours",
            "Amnesty International",
            "report_noun",
        ),
        (  # ... not the relative clause of a thing that is no case
            "Le rapport d'Amnesty International mentionne la prison de la ville, qui compte "
            "400 cellules.",
            "400",
            None,
            "none",
        ),
        (  # "selon X" frames the sentence, but a body that says the amount below it governs
            "Selon l'ONU, la production a chuté de 10 % et la FAO estime que 2 millions de "
            "personnes auront faim.",
            "2 millions",
            "FAO",
            "inner_reporter",
        ),
        (
            "Selon l'ONU, la production a chuté de 10 % et la FAO estime que 2 millions de "
            "personnes auront faim.",
            "10 %",
            "ONU",
            "selon",
        ),
        (  # a person named with a role for a body speaks for it, here and later on
            "Liverpool a ouvert une académie à Maurice. Selon Neil Murphy, l'un des dirigeants "
            "du club anglais, 300 jeunes ont postulé.",
            "300",
            "Liverpool",
            "selon_anaphora",
        ),
        (
            "Anne Martin, porte-parole de l'Unicef, a visité le camp mardi. « Nous avons "
            "distribué 300 tonnes de vivres », a indiqué Martin.",
            "300 tonnes",
            "Unicef",
            "incise_anaphora",
        ),
        (  # ... not a scholar at a place of work
            "Paul Durand, chercheur à l'Institut Pasteur, a visité le camp mardi. « 300 enfants "
            "sont malnutris », a indiqué Durand.",
            "300",
            None,
            "none",
        ),
        (  # "Il" after a person named with a role for a body: that body
            "L'OMS a tenu une conférence. \"Il faut agir\", a déclaré le Dr Amadou Sall, "
            "directeur de l'OMS. Il a également déclaré que 70 % de la population devait être "
            "vaccinée.",
            "70 %",
            "OMS",
            "report_anaphora",
        ),
        (  # ... a person who speaks for no body: none
            "L'OMS a tenu une conférence. \"Il faut agir\", a déclaré le Dr Amadou Sall, "
            "médecin à Dakar. Il a également déclaré que 70 % de la population devait être "
            "vaccinée.",
            "70 %",
            None,
            "speaker_pronoun",
        ),
        (  # a quotation of several sentences: its speaker, named after it, says them all
            "Anne Martin, porte-parole de l'Unicef, a visité le camp. « Il y aura un plan pour "
            "trois ans. Nous allons distribuer 300 tonnes de vivres », a indiqué Martin.",
            "trois ans",
            "Unicef",
            "quote_speaker",
        ),
        (  # ... one who leads a body (or a unit of it) speaks for it ...
            "« C'est une espèce intelligente », explique Sandra Blome, qui dirige le laboratoire "
            "national de référence à l'Institut Pasteur de Lille. Fin octobre, Mme Blome a "
            "déclaré qu'ils avaient déjà trouvé plus de 90 carcasses.",
            "plus de 90",
            "Institut Pasteur de Lille",
            "report_anaphora",
        ),
        (  # ... as one of a body described before its name ...
            "« Tout cela implique beaucoup de manipulation », explique Grace Yuen, de "
            "l'organisation internationale de lutte contre la pauvreté Oxfam. « Environ 80 % des "
            "victimes ont des diplômes universitaires », dit Yuen.",
            "Environ 80 %",
            "Oxfam",
            "incise_anaphora",
        ),
        (  # ... and its "co-fondateur" ...
            "Le co-fondateur de Hey, David Heinemeier Hansson, juge cela grossier. « Chaque "
            "client reçoit 24 courriels par jour qui tentent de les espionner », affirme M. "
            "Hansson.",
            "24",
            "Hey",
            "incise_anaphora",
        ),
        (  # ... not one who only works for it
            "« C'est une espèce intelligente », explique Sandra Blome, qui travaille à l'Institut "
            "Pasteur de Lille. Fin octobre, Mme Blome a déclaré qu'ils avaient déjà trouvé plus "
            "de 90 carcasses.",
            "plus de 90",
            None,
            "none",
        ),
        (  # ... a person who speaks for no body gives none
            "Paul Durand a visité le camp. « Il y a 300 enfants malnutris. La situation est "
            "grave », a déclaré Durand.",
            "300",
            None,
            "none",
        ),
        (  # ... and a "selon X" on the saying verb itself keeps X
            "Selon l'ONU, si la sécheresse dure, la FAO estime que 2 millions de personnes "
            "auront faim.",
            "2 millions",
            "ONU",
            "selon",
        ),
        (  # a role named before the person: the person speaks for its body
            "Le directeur général de l'Unicef, Paul Martin, a visité le camp mardi. « Nous "
            "avons distribué 300 tonnes de vivres », a indiqué Martin.",
            "300 tonnes",
            "Unicef",
            "incise_anaphora",
        ),
        (  # ... a possessive role: the body the text is about
            "Renault a ouvert une usine à Tanger. Son directeur général, Luca Rossi, était "
            "présent. « Nous produirons 300 000 voitures par an », a indiqué Rossi.",
            "300 000",
            "Renault",
            "incise_anaphora",
        ),
        (  # ... a head of no body named: the body the text is about ...
            "Renault a ouvert une usine à Tanger. « Nous avons vendu plus de 4 millions de "
            "voitures », explique Paul Martin, co-directeur général, à la BBC.",
            "plus de 4 millions",
            "Renault",
            "incise_anaphora",
        ),
        (  # ... not an office of state
            "Renault a ouvert une usine à Tanger. « Nous avons vendu plus de 4 millions de "
            "voitures », explique Paul Martin, ministre, à la BBC.",
            "plus de 4 millions",
            None,
            "none",
        ),
        (  # a hyphenated word in the role's complement; "elle" several sentences later is
            # still the person named last, who speaks for the hospital
            "L'hôpital Principal de Dakar a signalé 24 cas, selon le Dr Awa Ndiaye, "
            "responsable du service d'oto-rhino-laryngologie de l'hôpital. Onze patients "
            "sont morts. La plupart sont diabétiques. « Nous voyons deux à trois cas par "
            "semaine. C'est grave », dit-elle.",
            "deux à trois",
            "hôpital Principal de Dakar",
            "quote_speaker",
        ),
        (  # a person "of" a body, named with no role, speaks for it
            "Les entreprises étrangères s'inquiètent. Paul Martin, de la Chambre de commerce "
            "de l'Union européenne, a visité Pékin. « Nos membres ont perdu 30 % de leurs "
            "ventes », dit-il.",
            "30 %",
            "Chambre de commerce de l'Union européenne",
            "incise_anaphora",
        ),
        (  # ... not a scholar of a university
            "Le professeur Paul Martin, de l'université de Genève, a étudié la question. « Les "
            "patients ont perdu 30 % de leur poids », dit-il.",
            "30 %",
            None,
            "none",
        ),
        (  # a title "..., selon X" opens a text that goes on reporting X
            "La dette du pays a doublé, selon le FMI\n\nLa dette publique a atteint 120 % du "
            "PIB l'an dernier.",
            "120 %",
            "FMI",
            "headline_source",
        ),
        (  # ... not a sentence that names another body
            "La dette du pays a doublé, selon le FMI\n\nLa Banque mondiale a prêté 2 "
            "milliards de dollars au pays.",
            "2 milliards de dollars",
            None,
            "none",
        ),
        (  # ... nor after another source named since
            "La dette du pays a doublé, selon le FMI\n\nSelon l'OCDE, la croissance a "
            "atteint 2 % en 2023. Le chômage a ensuite reculé de 3 %.",
            "3 %",
            None,
            "none",
        ),
        (  # ... nor a person's own story
            "La dette du pays a doublé, selon le FMI\n\nLa dette publique a atteint 120 % du "
            "PIB. « J'ai perdu 30 % de mon salaire », raconte une infirmière.",
            "30 %",
            None,
            "none",
        ),
        (  # a first line with a sentence end is a paragraph, not a title
            "La dette a doublé en deux ans, selon le FMI. Le pays est inquiet.\nLa dette "
            "publique a atteint 120 % du PIB l'an dernier.",
            "120 %",
            None,
            "none",
        ),
        (  # a title that credits who speaks for a body, not the body itself
            "Le club va vendre son attaquant, selon l'agent du joueur de Manchester United\n\n"
            "L'attaquant a reçu une offre de 80 millions d'euros.",
            "80 millions d'euros",
            None,
            "none",
        ),
        (  # a quotation that opens the sentence after a speaker's incise goes on with them
            "Les ventes reculent, prévient Paul Martin, porte-parole de Renault. « Nous avons "
            "vendu 300 000 voitures de moins. C'est beaucoup. »",
            "300 000",
            "Renault",
            "quote_goes_on",
        ),
        (  # ... a speaker who speaks for no body gives none
            "Les ventes reculent, prévient Paul Martin, chercheur à l'Institut Pasteur. « Nous "
            "avons vendu 300 000 voitures de moins. C'est beaucoup. »",
            "300 000",
            None,
            "none",
        ),
        (  # a spokesperson's own life is not the body's claim
            "Paul Martin, porte-parole de Renault, a visité l'usine. « Mes deux enfants y "
            "travaillent », dit-il.",
            "deux",
            None,
            "own_story",
        ),
        (  # a verb that opens a quotation says what is inside it, not what follows
            "Le ministère de la Santé a précisé : « La chaleur tue » et les températures "
            "atteignent 50 degrés dans la région.",
            "50 degrés",
            None,
            "none",
        ),
        (  # the body a study the amount hangs from was carried out by
            "C'est ce qu'a montré une enquête réalisée en 2021 par l'université de Lausanne, "
            "qui a porté sur plus de 8 000 ménages.",
            "plus de 8 000",
            "université de Lausanne",
            "in_report",
        ),
        (  # the body whose report frames the amount's clause
            "Dans un rapport de la CNUCED sur le commerce, sur les 30 pays importateurs de riz, "
            "on trouve 6 pays d'Afrique de l'Ouest.",
            "6",
            "CNUCED",
            "in_report",
        ),
        (  # ... not a report named without its body
            "Dans un rapport publié mardi, sur les 30 pays importateurs de riz, on trouve 6 pays "
            "d'Afrique de l'Ouest.",
            "6",
            None,
            "none",
        ),
        (  # who works out the figures it owns says them
            "Le FMI a mis en garde contre une crise, en révisant ses prévisions de croissance "
            "à 3,8 %.",
            "3,8 %",
            "FMI",
            "own_figures",
        ),
        (  # ... not figures owned by who they count
            "Les investisseurs ont retiré leurs fonds, soit 3 milliards d'euros, de Credit Suisse.",
            "3 milliards d'euros",
            None,
            "none",
        ),
        (  # who forecasts what a "que" clause says is its source
            "D'ici à 2030, l'AIE prévoit que l'Inde produira deux tiers de son électricité à "
            "partir de sources renouvelables.",
            "deux tiers",
            "AIE",
            "forecast",
        ),
        (  # a report named in a sentence with no amount: the next sentences go on with it
            "L'enquête de l'Insee a révélé que les loyers augmentent partout. En 2023, les "
            "loyers ont progressé de 4 % à Paris.",
            "4 %",
            "Insee",
            "inherited",
        ),
        (  # ... and so does the report of whoever carried out a study
            "Une étude menée par l'université d'Oxford a révélé que 2 000 patients ont guéri. "
            "Les malades ont reçu 40 doses chacun.",
            "40",
            "université d'Oxford",
            "inherited",
        ),
        (  # a person named with a role for a body speaks for it later, however the
            # tagger read the name ("Parks" as X)
            "Brad Parks, directeur exécutif d'AidData, a visité Lagos mardi. Parks affirme que "
            "la Chine a prêté 85 milliards de dollars.",
            "85 milliards de dollars",
            "AidData",
            "report_anaphora",
        ),
        (  # a vice-president or a co-director speaks for their body
            "« Le trafic restera perturbé pendant 48 heures », indique Niels Madsen, "
            "vice-président de la société Sea-Intelligence.",
            "48 heures",
            "Sea-Intelligence",
            "incise_role",
        ),
        (
            "« Nous avons recruté 40 ingénieurs », explique Anne Dupont, co-directrice de "
            "Renault.",
            "40",
            "Renault",
            "incise_role",
        ),
        (  # ... not for where they work
            "« Le trafic restera perturbé pendant 48 heures », indique Pierre Lemoine, "
            "vice-président chargé des études à l'université de Lyon.",
            "48 heures",
            None,
            "none",
        ),
        (  # ... until another voice speaks, even in a sentence with no amount
            "Le rapport de l'Insee indique que les loyers ont augmenté de 4 %. Amnesty "
            "International dénonce une crise grave. Les expulsions ont touché 30 000 familles.",
            "30 000",
            None,
            "none",
        ),
        (  # a reporting verb the parser hung under the body that says it
            "Lire plus sur les attaques : Et Reuters rapporte que plus de 20 000 organisations "
            "sont infiltrées.",
            "plus de 20 000",
            "Reuters",
            "hung_speaker",
        ),
        (
            "Fin 2019, le Conseil international tripartite du caoutchouc a averti que l'offre "
            "mondiale accusera un déficit d'un million de tonnes en 2020.",
            "un million de tonnes",
            "Conseil international tripartite du caoutchouc",
            "hung_speaker",
        ),
        (  # ... its subject when parsed as one
            "Le Conseil international du caoutchouc a averti que l'offre accusera un déficit "
            "d'un million de tonnes.",
            "un million de tonnes",
            "Conseil international du caoutchouc",
            "report_verb",
        ),
        (  # a speaker pronoun goes on with the body a "selon" credits ...
            "Nous sommes au cœur de la première crise énergétique mondiale, selon l'Agence "
            "internationale de l'énergie (AIE). Elle affirme que des dizaines de millions de "
            "personnes risquent de perdre l'accès à l'électricité.",
            "des dizaines de millions",
            "Agence internationale de l'énergie",
            "report_anaphora",
        ),
        (
            "Selon l'École d'économie de Kiev, la perte de logements est estimée à 39 milliards "
            "de dollars. Elle estime à 104 milliards de dollars les pertes d'infrastructures.",
            "104 milliards de dollars",
            "École d'économie de Kiev",
            "report_anaphora",
        ),
        (  # ... not with another body named since
            "Selon l'Université Johns Hopkins, il y a eu trois millions de cas. Le rapport de "
            "l'IRC estime qu'il y aura des morts. Il indique également qu'il pourrait y avoir "
            "500 000 décès.",
            "500 000",
            "IRC",
            "inherited",
        ),
        (  # ... nor with a person named since
            "Selon l'Agence internationale de l'énergie, la crise s'aggrave. Quant à Marie "
            "Durand, elle affirme que 300 foyers manquent d'électricité.",
            "300",
            None,
            "none",
        ),
        (  # a speaker pronoun goes on with a subject noun that names the body's kind ...
            "L'alliance People's Vaccine Alliance critique les laboratoires. AstraZeneca s'est "
            "engagée à vendre le vaccin. Bien que l'alliance ait qualifié cela de bienvenu, elle "
            "a déclaré qu'AstraZeneca ne pourrait atteindre que 18 % de la population.",
            "18 %",
            "People's Vaccine Alliance",
            "report_anaphora",
        ),
        (  # ... not with a body of another name
            "AstraZeneca s'est engagée à vendre le vaccin. Bien que l'alliance ait qualifié cela "
            "de bienvenu, elle a déclaré qu'AstraZeneca ne pourrait atteindre que 18 % de la "
            "population.",
            "18 %",
            None,
            "none",
        ),
        (  # ... nor of another gender
            "L'alliance People's Vaccine Alliance critique les laboratoires. Bien que le "
            "ministère ait qualifié cela de bienvenu, elle a déclaré que 18 % de la population "
            "serait vaccinée.",
            "18 %",
            None,
            "none",
        ),
        (  # "à l'époque de X" is no place of work (CR7 reads only the place itself)
            "Celle-ci s'établissait à près de 120% du PIB, selon des révélations à l'époque de "
            "Radio France Internationale (RFI).",
            "près de 120%",
            "Radio France Internationale",
            "selon",
        ),
        (  # a scholar's place of work owns no report the text cites ...
            "L'étude montre une perte de 15 kg. « C'est la plus forte perte jamais observée », "
            "note Stephen O'Reilly, professeur à l'Université de Cambridge.",
            "15 kg",
            None,
            "none",
        ),
        (  # ... a spokesperson's body does
            "L'étude montre une perte de 15 kg. « C'est la plus forte perte jamais observée », "
            "note la porte-parole de l'Organisation mondiale de la santé.",
            "15 kg",
            "Organisation mondiale de la santé",
            "report_owner",
        ),
        (  # "les chercheurs" are those of the study named in the sentence before ...
            "Une étude réalisée en 2003 par l'Institut Pasteur a analysé les déchets. Les "
            "chercheurs ont conclu qu'ils représentaient moins d'un tiers des déchets.",
            "moins d'un tiers",
            "Institut Pasteur",
            "researchers",
        ),
        (
            "C'est la conclusion d'une recherche réalisée à l'Université hébraïque de Jérusalem. "
            "Les chercheurs ont calculé que les hommes avaient 101 millions de cellules. Ce "
            "chiffre est tombé à 49 millions récemment.",
            "101 millions",
            "Université hébraïque de Jérusalem",
            "researchers",
        ),
        (  # ... whose figures the text goes on reporting
            "C'est la conclusion d'une recherche réalisée à l'Université hébraïque de Jérusalem. "
            "Les chercheurs ont calculé que les hommes avaient 101 millions de cellules. Ce "
            "chiffre est tombé à 49 millions récemment.",
            "49 millions",
            "Université hébraïque de Jérusalem",
            "inherited",
        ),
        (  # ... none without a study
            "La pandémie a frappé le pays. Les chercheurs ont conclu que 30 % des patients "
            "guérissent.",
            "30 %",
            None,
            "none",
        ),
        (  # ... and "des chercheurs" are not the study's
            "Une étude réalisée par l'Institut Pasteur a analysé les déchets. Des chercheurs ont "
            "conclu que 30 % des déchets sont recyclés.",
            "30 %",
            None,
            "none",
        ),
        (  # papers are no body's report: "les documents" give no report owner ...
            "Selon des documents obtenus par le Guardian, Mme Dos Santos a acheté la société "
            "Galp. Les documents montrent qu'elle n'a dû payer que 15 % du prix d'achat à "
            "l'avance.",
            "15 %",
            None,
            "none",
        ),
        (  # ... nor does a document a body published make it the text's report owner
            "Le document numéro 9, publié par le bureau central du Parti communiste, énumère "
            "sept dangers. Selon la dernière enquête, 80 % des Américains ont une opinion "
            "défavorable de la Chine.",
            "80 %",
            None,
            "none",
        ),
        (  # who recommends or asks for a figure says it ...
            "Le Collège des médecins du Québec invite les cliniques à prolonger leurs heures "
            "d'ouverture pendant les deux semaines du temps des Fêtes.",
            "deux semaines",
            "Collège des médecins du Québec",
            "recommends",
        ),
        (  # ... also through a verb it shares ...
            "Le syndicat Unifor juge l'effort tardif et demande la création de 14 postes de juge.",
            "14",
            "Unifor",
            "recommends",
        ),
        (  # ... or an infinitive of its purpose ...
            "L'OMS a lancé une alerte mondiale pour demander aux pays de rappeler quatre sirops "
            "antitussifs contaminés.",
            "quatre",
            "OMS",
            "recommends",
        ),
        (  # ... not an individual of a body
            "Un médecin de l'Institut Pasteur recommande de boire deux litres d'eau par jour.",
            "deux litres",
            None,
            "none",
        ),
        (  # a subject that points back to the figures just reported goes on with their
            # source ...
            "Depuis le 1er janvier, plus de 20 000 personnes ont rejoint les côtes anglaises, "
            "selon un décompte du ministère britannique de l'Intérieur. C'est un tiers de moins "
            "qu'à la même période l'an dernier.",
            "un tiers",
            "ministère britannique de l'Intérieur",
            "inherited",
        ),
        (
            "L'Organisation mondiale de la santé indique que 928 millions de personnes seront en "
            "situation d'insécurité alimentaire grave en 2020. Ce chiffre est supérieur de 148 "
            "millions à celui de 2019.",
            "148 millions",
            "Organisation mondiale de la santé",
            "inherited",
        ),
        (  # ... not one that holds a figure of its own
            "Selon le Met Office, la température mondiale a augmenté de 1,1 °C. Ce chiffre de "
            "1,5 °C est celui que les dirigeants ont décidé d'atteindre.",
            "1,5 °C",
            None,
            "none",
        ),
        (  # the conditional of hearsay goes on with the source just named ...
            "Selon l'ONU, au moins 12 millions de personnes ont fui leur foyer. Plus de cinq "
            "millions sont partis vers les pays voisins, tandis que sept millions de personnes "
            "seraient encore déplacées en Ukraine même.",
            "sept millions",
            "ONU",
            "inherited",
        ),
        (  # ... not what the text asks its reader to imagine
            "Le fabricant Qualcomm estime que la 5G pourrait atteindre des vitesses 10 fois plus "
            "rapides. Imaginez que vous pourriez télécharger un film en une minute environ.",
            "une minute environ",
            None,
            "none",
        ),
        (  # the share of those a body asked who answer speaks through that body ...
            "L'institut Ipsos a interrogé des femmes de 15 pays. Au moins la moitié des femmes "
            "interrogées dans chaque pays déclarent se sentir plus libres.",
            "Au moins la moitié",
            "institut Ipsos",
            "survey",
        ),
        (
            "En octobre, la Taiwan Public Opinion Foundation a demandé aux gens s'ils pensaient "
            "qu'il y aurait, à terme, une guerre avec la Chine. Près des deux tiers (64,3 %) ont "
            "répondu par la négative.",
            "Près des deux tiers",
            "Taiwan Public Opinion Foundation",
            "survey",
        ),
        (  # ... also the body that has them asked
            "Elle honore les progrès réalisés depuis la première liste, il y a 10 ans - la BBC a "
            "donc chargé Savanta ComRes de demander à des femmes de 15 pays de faire une "
            "comparaison entre 2022 et 2012. Au moins la moitié des femmes interrogées dans "
            "chaque pays déclarent se sentir plus capables de prendre leurs propres décisions.",
            "Au moins la moitié",
            "BBC",
            "survey",
        ),
        (  # ... not who is asked
            "Les salariés d'Amazon ont été interrogés par des journalistes. Plus de la moitié ont "
            "déclaré être épuisés.",
            "Plus de la moitié",
            None,
            "none",
        ),
        (  # ... nor a number of people who only act
            "L'institut Ipsos a interrogé des femmes de 15 pays. Au moins 300 femmes ont "
            "manifesté à Paris.",
            "Au moins 300",
            None,
            "none",
        ),
        (  # ruling CR3: the body that counts is the source of its count ...
            "Le HCR a enregistré environ 4 388 migrants au Maroc en 2023.",
            "environ 4 388",
            "HCR",
            "counting_subject",
        ),
        (  # a verb of attitude reports what its colon or clause says
            "La FAO se félicite d'un regain de production : le volume de blé a progressé de 12 % "
            "en trois ans.",
            "12 %",
            "FAO",
            "report_verb",
        ),
        (
            "Le HCR regrette que 3 000 réfugiés attendent encore leur réinstallation.",
            "3 000",
            "HCR",
            "report_verb",
        ),
        (  # an unnamed spokesperson still speaks for the body (CR7)
            "« La Marine a secouru 300 migrants », a déclaré un porte-parole de la Marine "
            "royale.",
            "300",
            "Marine royale",
            "incise",
        ),
        (  # the speaker of a quotation the parser cut off at its closing mark
            "« Nous avons secouru 300 migrants depuis janvier », a déclaré le porte-parole de "
            "la Marine royale.",
            "300",
            "Marine royale",
            "quote_speaker",
        ),
        (  # a body that raises its rate does not report it
            "La Banque centrale européenne a relevé ses taux de 0,25 point.",
            "0,25 point",
            None,
            "none",
        ),
        (  # ... of its own clause only, and not through a passive
            "Frontex a enregistré 45 000 franchissements et le montant des aides a atteint "
            "199 millions d'euros.",
            "199 millions d'euros",
            None,
            "none",
        ),
        (
            "Plus de 4 000 cas ont été enregistrés dans la région, dit-on.",
            "Plus de 4 000",
            None,
            "none",
        ),
        (  # the speaker of an earlier sentence is not inside what "d'après X" frames
            "Le HCR indique que 117 millions de personnes étaient déplacées.\nD'après les "
            "données de Frontex, les arrivées irrégulières ont baissé de 38 %.",
            "38 %",
            "Frontex",
            "selon",
        ),
        (  # a speaker the parser left apart, named right before the verb
            "Statistique Canada rapporte que le taux de chômage a grimpé à 6,1 % en avril.",
            "6,1 %",
            "Statistique Canada",
            "linear_speaker",
        ),
        (  # "faire savoir que", "faire part de" report like "faire état de"
            "Le ministère des Finances a fait savoir que les recettes ont atteint 150 milliards "
            "de dirhams.",
            "150 milliards de dirhams",
            "ministère des Finances",
            "report_verb",
        ),
        (
            "Le HCR a fait part de 300 nouveaux cas.",
            "300",
            "HCR",
            "report_verb",
        ),
        (  # "d'après X", after the figure or before it, where the parser fixes "après" to "d'"
            "Le nombre de demandes d'asile a reculé de 8 % en 2023, d'après Eurostat.",
            "8 %",
            "Eurostat",
            "selon",
        ),
        (
            "D'après Eurostat, le nombre de demandes d'asile a reculé de 8 % en 2023.",
            "8 %",
            "Eurostat",
            "selon",
        ),
        (  # an incise whose body follows a word cut at its hyphen
            "La Marine royale a porté assistance à 1 200 migrants, a annoncé l'état-major des "
            "Forces armées royales.",
            "1 200",
            "Forces armées royales",
            "incise",
        ),
        (  # "la plateforme" in an incise is the platform named before
            "Netflix a investi 175 millions de dollars dans des séries africaines, a annoncé la "
            "plateforme.",
            "175 millions de dollars",
            "Netflix",
            "incise_anaphora",
        ),
        (  # the body a medium cites speaks, however the parser hung the incise
            "Le Croissant-Rouge libyen, cité par la chaîne Al-Jazeera, fait état de 5 300 "
            "morts.",
            "5 300",
            "Croissant-Rouge libyen",
            "report_verb",
        ),
        (  # "dans un communiqué" with no owner named: the clause's subject speaks
            "Dans un communiqué publié lundi, la Banque centrale européenne a relevé ses taux "
            "de 0,25 point.",
            "0,25 point",
            "Banque centrale européenne",
            "in_report",
        ),
        (  # "tabler sur" forecasts, also where the tagger read "table" as a noun
            "La Banque mondiale table sur une croissance de 3,2 % en 2024.",
            "3,2 %",
            "Banque mondiale",
            "forecast",
        ),
        (  # the body a description that forecasts stands for
            "Bank Al-Maghrib a maintenu son taux directeur à 3 %. La banque centrale prévoit "
            "une inflation de 2,5 % cette année.",
            "2,5 %",
            "Bank Al-Maghrib",
            "forecast_anaphora",
        ),
        (  # "selon ses résultats": the clause's subject cites its own figures
            "Le groupe OCP a réalisé un chiffre d'affaires de 91 milliards de dirhams en 2023, "
            "selon ses résultats annuels.",
            "91 milliards de dirhams",
            "OCP",
            "selon_own",
        ),
        (
            "Selon ses propres chiffres, l'OIM a aidé 4 000 migrants à rentrer chez eux.",
            "4 000",
            "OIM",
            "selon_own",
        ),
        (  # a body before a relative clause in commas says what the verb after it says
            "L'OIM, qui cite des sources locales, évoque au moins 61 morts.",
            "au moins 61",
            "OIM",
            "linear_speaker",
        ),
        (  # a reporting verb after "lorsque" says only what it governs (adverbial_report)
            "Un an plus tard, lorsque l'Unicef a déclaré la fin de l'épidémie, entre 3 000 et"
            " 5 000 enfants étaient morts.",
            "entre 3 000 et 5 000",
            None,
            "none",
        ),
        (
            "Lorsque l'OMS a annoncé que 300 cas avaient été détectés, la ville a fermé.",
            "300",
            "OMS",
            "report_verb",
        ),
        (  # "déterminer que" reports what was found
            "Le ministère de la Santé a déterminé qu'un seul des neuf cas était grave.",
            "un seul",
            "ministère de la Santé",
            "report_verb",
        ),
    ],
)
def test_source_rules(nlp: Language, text: str, amount: str, source: str | None, rule: str) -> None:
    claim, rules = _frame(nlp, text, amount)
    assert (_text(text, claim["source"]), rules["source"]) == (source, rule)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "total"),
    [
        (
            "Pour être élu, il devra obtenir au moins 39 voix sur les 76 votants.",
            "au moins 39",
            "76",
        ),
        ("Mais 30 des 54 pays d'Afrique ne disposent pas de commission du film.", "30", "54"),
        ("Une dizaine de postes sur 80 restent vacants.", "Une dizaine", "80"),
    ],
)
def test_part_of_out_of(nlp: Language, text: str, amount: str, total: str) -> None:
    claim, rules = _frame(nlp, text, amount)
    assert (_text(text, claim["part_of"]), rules["part_of"]) == (total, "out_of")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "total", "rule"),
    [
        ("La police a interpellé 300 personnes, dont 40 femmes et 14 mineurs.", "14", "300",
         "dont_list"),
        ("La police a interpellé 300 personnes, dont 40 femmes et 14 mineurs.", "40", "300",
         "dont"),
        # a period is no total
        ("Londres s'est engagé à verser 541 millions d'euros sur trois ans.",
         "541 millions d'euros", None, "none"),
        # the whole of "dont" is the amount a bracket converts, not the conversion
        ("Le pays a reçu 2 millions de dollars (1,2 milliard de FCFA), dont 500 000 dollars "
         "en dons.", "500 000 dollars", "2 millions de dollars", "dont"),
        # a share of "the total of" an amount, or of "the whole of" it
        ("Ils ne sont que 300 000, soit 10 % du total actuel de trois millions de personnes.",
         "10 %", "trois millions", "out_of"),
        ("La moitié de l'ensemble des 300 postes est vacante.", "La moitié", "300", "out_of"),
        # a gapped clause goes on breaking down a fronted total; a clause with its own
        # verb does not
        ("Sur les 3 500 migrants arrivés en août, 1 200 étaient des mineurs non accompagnés et "
         "300 des femmes.", "300", "3 500", "out_of_fronted"),
        ("Sur les 3 500 migrants arrivés en août, 1 200 étaient des mineurs et 300 sont "
         "repartis.", "300", None, "none"),
        # a comma ends the counted noun: "des 300" is no total of "19"
        ("Le parti a remporté 19 communes bruxelloises, ainsi que ceux des 300 communes flamandes.",
         "19", None, "none"),
    ],
)  # fmt: skip
def test_part_of_lists_and_periods(
    nlp: Language, text: str, amount: str, total: str | None, rule: str
) -> None:
    claim, rules = _frame(nlp, text, amount)
    assert (_text(text, claim["part_of"]), rules["part_of"]) == (total, rule)


@pytest.mark.slow
def test_conversion_in_parentheses_has_the_claim_of_what_it_converts(nlp: Language) -> None:
    text = "Chaque député doit rembourser 2 millions de shillings (13 000 euros) au Trésor."
    doc = nlp(text)
    first, second = [e for e in doc.ents if e.label_ == "QUANTITY"]
    assert second._.dechiffre_claim == {**first._.dechiffre_claim, "part_of": None}
    assert set(second._.dechiffre_claim_rules.values()) == {"conversion"}


@pytest.mark.parametrize(
    ("words", "starts", "expected"),
    [
        # one parsed sentence across a blank line: two units
        (["Il", "a", "versé", "9", "euros", ".", "\n\n", "Selon", "l'", "OIM", ",", "rien", "."],
         [True] + [False] * 12,
         ["Il a versé 9 euros .", "\n\n Selon l' OIM , rien ."]),
        # no blank line: the parser's sentences stay as they are
        (["Il", "a", "versé", "9", "euros", ".", "Selon", "l'", "OIM", ",", "rien", "."],
         [True] + [False] * 5 + [True] + [False] * 5,
         ["Il a versé 9 euros .", "Selon l' OIM , rien ."]),
        # a cut at a dash inside a sentence is undone (rule goes_on)
        (["Six", "villes", "-", "Lyon", ",", "Nice", "-", "ont", "signalé", "58", "cas", "."],
         [True, False, True] + [False] * 9,
         ["Six villes - Lyon , Nice - ont signalé 58 cas ."]),
        # ... and so is a cut before a lower-case word after no final punctuation
        (["Le", "club", "a", "versé", "9", "euros", "et", "a", "gagné", "."],
         [True] + [False] * 5 + [True] + [False] * 3,
         ["Le club a versé 9 euros et a gagné ."]),
        # a full stop before it: the cut stands
        (["Il", "a", "versé", "9", "euros", ".", "puis", "rien", "."],
         [True] + [False] * 5 + [True] + [False] * 2,
         ["Il a versé 9 euros .", "puis rien ."]),
        # a cut before a comma, after a name set apart, is undone
        (["Airbnb", ",", "la", "plateforme", ",", "a", "supprimé", "1900", "emplois", "."],
         [True, True] + [False] * 8,
         ["Airbnb , la plateforme , a supprimé 1900 emplois ."]),
    ],
)  # fmt: skip
def test_sentences_end_at_paragraph_breaks(
    words: list[str], starts: list[bool], expected: list[str]
) -> None:
    import spacy
    from spacy.tokens import Doc

    from dechiffre.pipeline.claims import sentences

    doc = Doc(spacy.blank("fr").vocab, words=words, spaces=[True] * len(words), sent_starts=starts)
    assert [s.text.strip() for s in sentences(doc)] == [e.strip() for e in expected]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("ORG", ("Club", "conj_subject")),  # a body right before the conjoined verb
        ("PER", ("Espérance", "shared_subject")),  # a person: the first verb's subject
    ],
)
def test_a_body_right_before_a_conjoined_verb_is_its_subject(
    second: str, expected: tuple[str, str]
) -> None:
    """The parser hung "Vita Club" on "moment" and "incliné" on "gagné" as a conjunct."""
    import spacy
    from spacy.tokens import Doc, Span

    from dechiffre.pipeline.claims import _clause_subject

    words = ["L'", "Espérance", "a", "gagné", "deux", "matchs", "au", "moment", "où", "Vita",
             "Club", "s'", "est", "incliné", "trois", "fois", "."]
    heads = [1, 3, 3, 3, 5, 3, 7, 3, 10, 10, 7, 13, 13, 3, 15, 13, 3]
    deps = ["det", "nsubj", "aux:tense", "ROOT", "nummod", "obj", "case", "obl:mod", "iobj",
            "nsubj", "acl:relcl", "expl:comp", "aux:tense", "conj", "nummod", "obl:mod", "punct"]
    pos = ["DET", "PROPN", "AUX", "VERB", "NUM", "NOUN", "ADP", "NOUN", "PRON", "PROPN", "ADJ",
           "PRON", "AUX", "VERB", "NUM", "NOUN", "PUNCT"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc[13].set_morph("VerbForm=Part")
    doc.ents = [Span(doc, 1, 2, "ORG"), Span(doc, 9, 11, second)]
    subj, rule = _clause_subject(doc[13])
    assert (subj.text if subj is not None else None, rule) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "time", "rule"),
    [
        (  # a present participle after the verb goes on with its event, at its time ...
            "Les exportations ont triplé entre 2015 et 2022, passant de 2 milliards de dollars "
            "à 6 milliards.",
            "2 milliards de dollars",
            "entre 2015 et 2022",
            "between_years",
        ),
        (  # ... not one inside the subject
            "Deux camions, transportant des centaines de sacs, ont été saisis par la suite.",
            "des centaines",
            None,
            "other_clause",
        ),
        (  # the relative clause's amount is not placed by the main clause's day (the time
            # is left out before scoping: claim_time_scope rule in_relative)
            "L'OIM a publié jeudi un rapport, qui recense 300 migrants disparus en mer.",
            "300",
            None,
            "none",
        ),
        (  # a time that opens the sentence places all of it
            "Entre 2019 et 2021, l'entreprise a fait travailler 187 ouvriers détachés.",
            "187",
            "Entre 2019 et 2021",
            "between_years",
        ),
        (  # the time after "contre" places the compared amount ...
            "La ville compte environ 130 points de deal, contre plus de 150 il y a deux ans.",
            "environ 130",
            None,
            "none",
        ),
        (  # ... which keeps it
            "La ville compte environ 130 points de deal, contre plus de 150 il y a deux ans.",
            "plus de 150",
            "il y a deux ans",
            "compared_own",
        ),
        (  # coordinated verbs share their time
            "La police a démantelé en mars 12 réseaux et interpellé 300 passeurs.",
            "300",
            "en mars",
            "month",
        ),
        (  # the base of a comparative is placed by its own time
            "Le parc produit 40 % d'électricité de plus qu'en 2019.",
            "40 %",
            None,
            "none",
        ),
        (
            "Les passeurs ont fait 2 000 victimes, soit un tiers de moins que l'an dernier.",
            "2 000",
            None,
            "none",
        ),
        (  # the past claim of a February article: last year's months
            "Entre mai et août, les exportations ont chuté de 12 %.",
            "12 %",
            "Entre mai et août",
            "month_range",
        ),
        (  # "aujourd'hui" places an age it comes before (CR1) ...
            "Une comptable, aujourd'hui âgée de 48 ans, a été condamnée en 2021.",
            "48 ans",
            "aujourd'hui",
            "now_age",
        ),
        (  # ... an age that only describes a person places no claim
            "Le suspect, 31 ans, a été arrêté mardi à Lyon.",
            "31 ans",
            None,
            "age",
        ),
        (  # the day a source published its figures dates the report, not the figure
            "Selon les chiffres publiés mercredi par l'armée, 120 soldats ont été tués.",
            "120",
            None,
            "none",
        ),
        (
            "Le chômage touche 9 % des jeunes, selon une étude rendue publique mardi.",
            "9 %",
            None,
            "none",
        ),
        (  # an amount in the source phrase keeps the time of that phrase
            "Selon un rapport publié en 2020 sur 300 entreprises, la moitié recrute.",
            "300",
            "en 2020",
            "year",
        ),
        (  # a passive reporting verb's time is the figure's
            "Au total, 128 cas ont été confirmés mardi dans la région.",
            "128",
            "mardi",
            "weekday",
        ),
        (  # ... the age at which something happened keeps the event's time
            "Elle a appris la nouvelle à l'âge de 15 ans, en 2009.",
            "15 ans",
            "en 2009",
            "year",
        ),
        (  # an invasion starts a period, named with whom it was by
            "Selon l'ONU, 12 millions de personnes ont fui depuis l'invasion de l'Ukraine par "
            "la Russie.",
            "12 millions",
            "depuis l'invasion de l'Ukraine par la Russie",
            "since_event",
        ),
        (  # an operation, a weekend and the peak of an event are periods a claim happens in
            "Il faisait partie des quelque 14 000 Algériens arrêtés pendant l'opération.",
            "quelque 14 000",
            "pendant l'opération",
            "event_period",
        ),
        (
            "Des navires sont arrivés au cours du week-end avec 1 500 soldats.",
            "1 500",
            "au cours du week-end",
            "event_period",
        ),
        (
            "Les taux sont passés de 14,6 % à 20 % pendant le pic du confinement.",
            "14,6 %",
            "pendant le pic du confinement",
            "event_period",
        ),
    ],
)
def test_time_rules(nlp: Language, text: str, amount: str, time: str | None, rule: str) -> None:
    claim, rules = _frame(nlp, text, amount)
    assert (_text(text, claim["time"]), rules["time"]) == (time, rule)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "value"),
    [  # in a February article, months to come are last year's in the past ...
        ("Entre mai et août, les exportations ont chuté de 12 %.", "12 %", "2023-05/2023-08"),
        # ... and this year's in the future
        (
            "Entre mai et août, les exportations devraient chuter de 12 %.",
            "12 %",
            "2024-05/2024-08",
        ),
    ],
)
def test_yearless_time_takes_the_year_before_only_in_the_past(
    nlp: Language, text: str, amount: str, value: str
) -> None:
    doc = nlp.make_doc(text)
    doc._.set("dechiffre_date", "2024-02-10")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    (span,) = [e for e in doc.ents if e.label_ == "QUANTITY" and e.text == amount]
    assert span._.dechiffre_claim["time"]["value"] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("La moitié des habitants vit en ville.", "vit", "vivre"),
        ("Les négociations durent depuis trois mois.", "durent", "durer"),
        ("Ils durent fuir le pays.", "durent", "devoir"),  # before an infinitive
    ],
)
def test_a_form_two_verbs_share_takes_the_one_news_text_means(
    nlp: Language, text: str, form: str, lemma: str
) -> None:
    from dechiffre.pipeline.claim_syntax import _lemma

    (tok,) = [t for t in nlp(text) if t.text == form]
    assert _lemma(tok) == lemma


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("réclame", "réclamer"),
        ("comptent", "compter"),
        ("récoltes", "récolter"),
        ("inclure", "inclure"),  # an infinitive stays
        ("atteindre", "atteindre"),
        ("dit", "dit"),  # not a first-group present: left as it is
    ],
)
def test_a_present_the_lemmatizer_left_gets_its_infinitive(form: str, lemma: str) -> None:
    from dechiffre.pipeline.claim_syntax import _first_group_infinitive

    assert _first_group_infinitive(form) == lemma


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("dure", "durer"),  # a finite form in -ure ("qui dure depuis quatre ans")
        ("mesurent", "mesurer"),
        ("lire", "lire"),  # "-ire" stays: "lire", "dire" are read as finite by mistake
    ],
)
def test_a_finite_form_is_no_infinitive(form: str, lemma: str) -> None:
    from dechiffre.pipeline.claim_syntax import _first_group_infinitive

    assert _first_group_infinitive(form, finite=True) == lemma


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "time"),
    [
        (  # a time the parse hangs elsewhere in the clause still places the amount ...
            "Des experts estiment que d'ici 2040, environ 30 % des terres seront arides.",
            "environ 30 %",
            "d'ici 2040",
        ),
        (  # ... and the nearest one wins over one inside a relative clause
            "L'aide, qui atteignait 2 milliards d'euros en 2024, ne représenterait plus que "
            "0,3 % du revenu en 2029.",
            "0,3 %",
            "en 2029",
        ),
        (  # but not across a comma that closes the amount's relative clause
            "L'association, qui compte plus de 2 000 membres, a été déboutée en 2020.",
            "plus de 2 000",
            None,
        ),
        (  # nor from the clause of the reporting verb
            "Le club a annoncé jeudi qu'il allait investir 40 millions d'euros dans son stade.",
            "40 millions d'euros",
            None,
        ),
        (  # nor across an infinitive clause of its own
            "Il a passé 18 mois à Lyon avant de rejoindre Marseille en mai 2014.",
            "18 mois",
            None,
        ),
        (  # nor across a relative clause that follows the amount
            "Le procès, qui a duré cinq semaines, portait sur des faits commis entre 2004 et 2008.",
            "cinq semaines",
            None,
        ),
    ],
)
def test_time_survives_parse_errors_but_stops_at_clause_boundaries(
    nlp: Language, text: str, amount: str, time: str | None
) -> None:
    claim, _ = _frame(nlp, text, amount)
    assert _text(text, claim["time"]) == time


def _two_clubs(nlp_blank: Language) -> tuple[Any, Any]:
    """ "Foo FC a battu Bar SC . Le club tunisien ...": a hand-built parse, two ORG."""
    from spacy.tokens import Doc, Span

    words = ["Foo", "FC", "a", "battu", "Bar", "SC", ".", "Le", "club", "tunisien", "a", "gagné"]
    doc = Doc(
        nlp_blank.vocab,
        words=words,
        pos=["PROPN", "PROPN", "AUX", "VERB", "PROPN", "PROPN", "PUNCT",
             "DET", "NOUN", "ADJ", "AUX", "VERB"],
        heads=[3, 0, 3, 3, 3, 4, 3, 8, 11, 8, 11, 11],
        deps=["nsubj", "flat:name", "aux:tense", "ROOT", "obj", "flat:name", "punct",
              "det", "nsubj", "amod", "aux:tense", "ROOT"],
        lemmas=["Foo", "FC", "avoir", "battre", "Bar", "SC", ".", "le", "club", "tunisien",
                "avoir", "gagner"],
        morphs=["", "", "", "", "", "", "", "", "Number=Sing", "", "", ""],
        sent_starts=[True, *[False] * 6, True, *[False] * 4],
    )
    doc.ents = [Span(doc, 0, 2, "ORG", kb_id="FOO"), Span(doc, 4, 6, "ORG", kb_id="BAR")]
    return doc, doc[8]


def test_claims_read_the_knowledge_base_given_to_initialize(tmp_path: Path) -> None:
    import spacy

    from dechiffre.pipeline.claims import Antecedents, ClaimFinder

    kb = tmp_path / "orgs.jsonl"
    kb.write_text(
        "".join(
            json.dumps({"kb_id": k, "name_fr": n, "acronyms": [], "variants": [],
                        "country": c, "type": "club"}) + "\n"
            for k, n, c in [("FOO", "Foo FC", "TN"), ("BAR", "Bar SC", "CD")]
        ),
        encoding="utf-8",
    )
    nlp = spacy.blank("fr")
    claims = nlp.add_pipe("dechiffre_claims")
    assert isinstance(claims, ClaimFinder)
    doc, club = _two_clubs(nlp)

    def club_of(finder: ClaimFinder) -> str | None:
        found = Antecedents(list(doc.ents), finder.facts).resolve(club)
        return None if found is None else found.text

    # neither body is in the package knowledge base: "le club tunisien" is the last club
    assert club_of(claims) == "Bar SC"
    claims.initialize(lambda: [], nlp=nlp, kb_path=str(kb))
    assert club_of(claims) == "Foo FC"
    # and the knowledge base goes to disk with the pipeline
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline").get_pipe("dechiffre_claims")
    assert isinstance(loaded, ClaimFinder)
    assert club_of(loaded) == "Foo FC"


@pytest.mark.parametrize(
    ("lemmas", "plain"),
    [
        ({"dire", "annoncer"}, {"dire", "annoncer"}),
        ({"se dire", "s'inquiéter"}, {"dire", "inquiéter"}),  # a verb listed with "se"
    ],
)
def test_a_table_of_verbs_gives_the_lemmas_before_se(lemmas: set[str], plain: set[str]) -> None:
    from dechiffre.pipeline.claim_syntax import plain_lemmas

    assert plain_lemmas(frozenset(lemmas)) == plain


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("Le ministère a indiqué que 300 personnes sont mortes.", ["indiqué"]),
        ("« 40 % des enfants ont faim », rappelle l'ONG, qui précise que 12 sont morts.",
         ["rappelle", "précise"]),
        ("Le groupe a fait état de 22 000 messages.", ["fait"]),  # "faire état"
        ("Il s'est dit inquiet, et la police a compté 12 blessés.", ["compté"]),  # not "se dire"
        ("La société a vendu 300 voitures et en a construit 40.", []),
    ],
)  # fmt: skip
def test_the_report_verbs_are_among_their_candidates(
    nlp: Language, text: str, verbs: list[str]
) -> None:
    from dechiffre.pipeline.claim_syntax import _is_report_verb, report_verb_candidates

    doc = nlp(text)
    found = [doc[i] for i in report_verb_candidates(doc) if _is_report_verb(doc[i])]
    assert found == [t for t in doc if _is_report_verb(t)]
    assert [t.text for t in found] == verbs


@pytest.mark.slow
def test_records_name_the_rule_of_each_claim_attribute(nlp: Language) -> None:
    from dechiffre.pipeline.extract import extract_text
    from dechiffre.pipeline.records import doc_to_record

    text = "Selon le HCR, 1 200 migrants ont été secourus par la Marine royale en 2023."
    record = extract_text(nlp, text, "r")
    amount = next(s for s in record["spans"] if s["label"] == "QUANTITY")
    assert amount["claim_rules"]["source"] == "selon"
    assert set(amount["claim_rules"]) >= {"predicate", "agent", "source", "part_of", "time"}
    plain = doc_to_record(nlp(text), "r", evidence=False)
    assert all("claim_rules" not in span for span in plain["spans"])
