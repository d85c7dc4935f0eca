"""The part_of slot (claim_part): totals named before a part, and compared amounts."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language


def _frames(nlp: Language, text: str) -> dict[str, tuple[dict[str, Any], dict[str, str]]]:
    doc = nlp(text)
    return {
        e.text: (e._.dechiffre_claim, e._.dechiffre_claim_rules)
        for e in doc.ents
        if e.label_ == "QUANTITY"
    }


def _text(text: str, ref: dict[str, int] | None) -> str | None:
    return None if ref is None else text[ref["start"] : ref["end"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "total", "rule"),
    [
        # a group counted in the sentence before, taken up by a pronoun or a noun
        ("L'ambassade estime que près de 400 Sénégalais vivent dans la région. Parmi eux, "
         "environ 150 sont des étudiants.", "environ 150", "près de 400", "partitive"),
        ("Le centre a accueilli 60 enfants le mois dernier. Douze d'entre eux ont été "
         "hospitalisés.", "Douze", "60", "partitive"),
        ("Les secouristes ont retrouvé cinq corps dans la rivière. Deux des corps ont été "
         "identifiés.", "Deux", "cinq", "partitive"),
        ("Les juges ont examiné 180 dossiers en mars. Parmi ces dossiers, une trentaine "
         "concernaient des fraudes.", "une trentaine", "180", "partitive"),
        # two sentences back when the one between goes on about the group
        ("Le pays a accueilli 5 000 réfugiés en 2021. Beaucoup d'entre eux ont fui la guerre. "
         "Des centaines d'entre eux sont rentrés chez eux.", "Des centaines", "5 000",
         "partitive"),
        # not when it speaks of something else
        ("Le pays a accueilli 5 000 réfugiés en 2021. La ville a construit un nouveau stade. "
         "Des centaines d'entre eux sont rentrés chez eux.", "Des centaines", None, "none"),
        # the same group again is no part of it
        ("Sept joueurs ont disparu après le tournoi. La fédération a alerté la police. « Sept "
         "d'entre eux se sont enfuis », a dit un responsable.", "Sept", None, "none"),
        # a noun with a modifier of its own names a new group
        ("Le pays compte 3 millions d'habitants. Environ 40 % des habitants âgés de plus de 60 "
         "ans sont vaccinés.", "Environ 40 %", None, "none"),
        # "l'un d'entre eux" narrows the group: the later "d'entre eux" is not the 900
        ("La clinique a soigné 900 bébés cette année, et l'un d'entre eux est né avec une "
         "maladie rare. Environ la moitié d'entre eux ont une malformation cardiaque.",
         "Environ la moitié", None, "none"),
        # a second partitive of the same group
        ("Le pays a accueilli 5 000 étudiants. Beaucoup d'entre eux ont fui. Des centaines "
         "d'entre eux sont rentrés, mais des milliers d'entre eux restent en Europe.",
         "des milliers", "5 000", "partitive"),
        # "sur ces N" points back to an amount of its own paragraph only
        ("Le fonds financera 20 projets, dont 12 au Maroc.\n\nSur ces 1 200 migrants, la "
         "moitié venait du Sahel.", "1 200", None, "none"),
        ("Le fonds financera 20 projets, dont 12 au Maroc.\n\nSur ces 1 200 migrants, la "
         "moitié venait du Sahel.", "la moitié", "1 200", "out_of_fronted"),
        # a bare number after "et" goes on with the partitive
        ("Le service a signalé 30 cas cette année. Onze d'entre eux ont perdu la vue, et trois "
         "sont morts.", "trois", "30", "partitive_list"),
    ],
)  # fmt: skip
def test_part_of_a_group_counted_before(
    nlp: Language, text: str, amount: str, total: str | None, rule: str
) -> None:
    claim, rules = _frames(nlp, text)[amount]
    assert (_text(text, claim["part_of"]), rules["part_of"]) == (total, rule)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "total", "rule"),
    [
        # members of a total that follows
        ("Quatre arbitres africains font partie des 36 officiels retenus pour le tournoi.",
         "Quatre", "36", "member_of"),
        # the total in brackets
        ("Deux places (sur les 24 équipes engagées) restent à attribuer.", "Deux", "24",
         "out_of"),
        # a breakdown after a dash, and the list that goes on
        ("Il a dit que quatre membres de sa famille - trois frères et une sœur - ont été "
         "arrêtés.", "trois", "quatre", "breakdown"),
        ("Il a dit que quatre membres de sa famille - trois frères et une sœur - ont été "
         "arrêtés.", "une", "quatre", "dont_list"),
        # a dash with no list after it is no breakdown
        ("Le budget atteint 300 millions d'euros - 200 millions d'euros de plus qu'en 2020.",
         "200 millions d'euros", None, "none"),
        # after a comma, a list that adds up to the amount; not one that does not
        ("Le bateau transportait 80 personnes, 74 passagers et 6 membres d'équipage.", "74",
         "80", "breakdown"),
        ("Le bateau transportait 80 personnes, 74 passagers et 6 membres d'équipage.", "6",
         "80", "dont_list"),
        ("Le pays a envoyé 12 000 soldats, 6 400 Américains et 3 000 Belges.", "6 400", None,
         "none"),
        # a total set before a comma
        ("Sur les 120 candidats, 45 ont été retenus.", "45", "120", "out_of_fronted"),
        # ... also with a participle on the total's noun and "seuls" before the part
        ("Sur les 40 candidats inscrits à l'examen, seuls 12 ont été admis.", "12", "40",
         "out_of_fronted"),
        # a list that adds up to an amount counted before it in the sentence; not one that
        # does not
        ("Le club comptait 30 joueurs la saison dernière, avec 18 Sénégalais et 12 étrangers.",
         "18", "30", "sum"),
        ("Le club comptait 30 joueurs la saison dernière, avec 18 Sénégalais et 12 étrangers.",
         "12", "30", "dont_list"),
        ("Le club comptait 30 joueurs la saison dernière, avec 18 Sénégalais et 10 étrangers.",
         "18", None, "none"),
        # two lengths on either side of "sur" are dimensions, no part of a total
        ("La piste mesure environ 200 km sur 40 km.", "environ 200 km", None, "none"),
        # a period that spreads the amount before it is not the whole; with no amount before
        # it, there is no whole
        ("Le budget atteint 500 millions d'euros sur trois ans, dont 150 millions pour l'eau.",
         "150 millions", "500 millions d'euros", "dont"),
        ("Un travail qui a duré 10 ans, dont des dizaines de chercheurs.", "des dizaines", None,
         "none"),
        # "dont" in brackets, which the parser may cut off
        ("La police a arrêté samedi 300 manifestants (dont 40 mineurs) dans la capitale.",
         "40", "300", "dont"),
        # a list of parts goes on after a short phrase, if it counts the same thing
        ("Le club a vendu 15 000 billets, dont 9 000 aux supporters locaux et 6 000 aux "
         "visiteurs.", "6 000", "15 000", "dont_list"),
        ("Le club a vendu 15 000 billets, dont 9 000 aux supporters locaux et 20 000 euros de "
         "recettes.", "20 000 euros", None, "none"),
        # a bare fraction after a comma shares out the amount before it
        ("Plus de 10 000 patients ont participé à l'essai, la moitié en Inde, le reste au "
         "Kenya.", "la moitié", "Plus de 10 000", "share"),
        # "le reste" splits a total of the same thing named in the sentence before
        ("Les États-Unis vont retirer 9 000 soldats du pays. Environ 5 000 soldats rentreront "
         "chez eux, le reste sera envoyé en Pologne.", "Environ 5 000", "9 000", "rest"),
        # the object of "comprendre" is part of its subject, an amount or "ce montant"
        ("Les 12 500 nouveaux cas de la région comprennent 9 800 cas confirmés par un test.",
         "9 800", "12 500", "includes"),
        ("Le gouvernement a débloqué 4 milliards de dollars. Ce montant comprend 600 millions "
         "de dollars d'aide d'urgence.", "600 millions de dollars", "4 milliards de dollars",
         "includes"),
        # counts after a count that add up to it exactly break it down, with no "dont": after
        # a fronted total or a sentence end
        ("Sur les 50 000 électeurs inscrits, 41 462 ont voté pour le projet et 8 538 ont voté "
         "contre.", "8 538", "50 000", "sum_run"),
        ("Sur les 20 éditions du tournoi, seuls cinq ont été gagnées par le pays hôte. Il y "
         "a eu six finales nulles, mais neuf où le visiteur a gagné.", "neuf", "20",
         "sum_run"),
        ("L'attaque a fait trois victimes. Deux policiers ont été blessés par balle et un "
         "passant a été tué.", "un", "trois", "sum_run"),
        ("La région compte sept lycées. Il y a cinq lycées publics et deux lycées privés.",
         "cinq", "sept", "sum"),
        ("La région compte sept lycées. Il y a cinq lycées publics et deux lycées privés.",
         "deux", "sept", "dont_list"),
        # counts side by side that add up by chance are no breakdown
        ("Cinq soldats et trois gendarmes sont morts, deux autres gendarmes sont blessés.",
         "deux", None, "none"),
        ("Le Raja en compte trois, Simba deux, et Horoya un.", "deux", None, "none"),
        ("Sur les 50 000 électeurs inscrits, 41 462 ont voté pour le projet et 8 000 ont voté "
         "contre.", "8 000", None, "none"),
        # a share of a whole a demonstrative points back to: a measure noun takes the amount
        # before it, here or in the sentence before, another noun one that counts it
        ("La commune a reçu 12 millions d'euros de l'État, mais n'a dépensé que 40 % de "
         "cette somme.", "40 %", "12 millions d'euros", "that_share"),
        ("L'hôpital a soigné 2 400 patients en 2022. Sur ce total, 30 % venaient de l'étranger.",
         "30 %", "2 400", "that_share"),
        ("La vidéo a été visionnée 8 millions de fois en mai, soit 20 fois plus qu'en avril. "
         "Le Brésil a fourni 25 % de ces visionnages.", "25 %", "8 millions de fois",
         "that_share"),
        ("La région a planté 3 000 arbres en 2022. Un tiers de cette forêt a brûlé.",
         "Un tiers", None, "none"),
        # "dont" is no partitive of a period, nor a relative pronoun before its verb
        ("Le chantier a duré 10 ans et a mobilisé une grande équipe, dont des dizaines "
         "d'ingénieurs.", "des dizaines", None, "none"),
        ("Pendant une semaine, le pays a suivi les négociations dont dépendaient des milliers "
         "d'emplois.", "des milliers", None, "none"),
    ],
)  # fmt: skip
def test_part_of_members_breakdowns_and_shares(
    nlp: Language, text: str, amount: str, total: str | None, rule: str
) -> None:
    claim, rules = _frames(nlp, text)[amount]
    assert (_text(text, claim["part_of"]), rules["part_of"]) == (total, rule)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "total", "rule"),
    [
        # members of a body whose count follows: "dans son cabinet de 24 membres"
        ("Le président a nommé 10 femmes dans son gouvernement de 32 membres.", "10", "32",
         "member_of_body"),
        ("Le Trésor a mis six entreprises sur la liste noire des 80 sociétés sanctionnées.",
         "six", "80", "member_of_body"),
        ("Trois passagers ont été blessés dans un bus de 50 places.", "Trois", None, "none"),
        # a fronted total with a year in its phrase, or a verb before the part
        ("Sur les 120 dossiers déposés en 2023, 45 ont été retenus.", "45", "120",
         "out_of_fronted"),
        ("Sur les 30 pays concernés par la crise, on compte 12 pays africains.", "12", "30",
         "out_of_fronted"),
        ("Sur les 30 pays concernés par la crise, le Kenya a signé 12 accords.", "12", None,
         "none"),
        # a bare share right after a share of a whole shares that whole
        ("L'application a été téléchargée 50 millions de fois en mai. L'Inde représente 18 % "
         "de ces téléchargements, suivie par le Brésil (12 %).", "12 %", "50 millions de fois",
         "share_list"),
        ("L'institut a interrogé 2 000 salariés, et plus de la moitié d'entre eux se disent "
         "épuisés. Et plus des deux tiers veulent changer d'emploi.", "plus des deux tiers",
         "2 000", "share_list"),
        ("L'institut a interrogé 2 000 salariés, et plus de la moitié d'entre eux se disent "
         "épuisés. Et 30 % des cadres veulent changer d'emploi.", "30 %", None, "none"),
        # "les N autres", "les N restants": the rest of a total; past the amount it is set
        # against to the total of both; "X et N autres": a total one larger
        ("Les six clubs anglais ont quitté la ligue. Chelsea est parti le premier. Les quatre "
         "autres clubs ont suivi mardi.", "quatre", "six", "others"),
        ("Quinze pays ont signé l'accord. Huit pays utilisent déjà l'euro. Les sept autres ont "
         "leur propre monnaie.", "sept", "Quinze", "others"),
        ("Le voyage a coûté 54 000 euros (58 000 dollars), le joueur ayant payé les 5 000 "
         "euros (5 400 dollars) restants.", "5 000 euros", "54 000 euros", "others"),
        ("La police a arrêté trois hommes. Jean Dupont et deux autres ont été inculpés.",
         "deux", "trois", "others"),
        ("Le comité compte 12 membres. Lui et quatre autres membres ont démissionné.",
         "quatre", None, "none"),
        # members of a body counted before, named again after a partitive
        ("Le pays a envoyé une équipe de cinq chercheurs au Tibet. Deux des membres de "
         "l'équipe étaient géologues.", "Deux", "cinq", "partitive_body"),
        ("La fédération a publié une liste de 10 joueuses. Trois des joueuses composant la "
         "liste sont nigérianes.", "Trois", "10", "partitive_body"),
        ("Le pays a envoyé une équipe de cinq chercheurs au Tibet. Deux des membres de la "
         "commission ont protesté.", "Deux", None, "none"),
    ],
)  # fmt: skip
def test_part_of_bodies_rests_and_share_lists(
    nlp: Language, text: str, amount: str, total: str | None, rule: str
) -> None:
    claim, rules = _frames(nlp, text)[amount]
    assert (_text(text, claim["part_of"]), rules["part_of"]) == (total, rule)


@pytest.mark.slow
@pytest.mark.parametrize("amount", ["900", "700"])
def test_a_compared_amount_has_the_agent_and_source_of_the_one_it_is_compared_with(
    nlp: Language, amount: str
) -> None:
    text = (
        "Selon le HCR, l'OIM a rapatrié 1 200 migrants en 2023, contre 900 en 2022 et 700 en 2021."
    )
    frames = _frames(nlp, text)
    first, _ = frames["1 200"]
    claim, _ = frames[amount]
    assert (_text(text, first["agent"]), _text(text, first["source"])) == ("OIM", "HCR")
    assert (claim["agent"], claim["source"]) == (first["agent"], first["source"])
    assert _text(text, claim["time"]) == f"en {2022 if amount == '900' else 2021}"  # its own


@pytest.mark.slow
def test_a_tally_shares_no_agent(nlp: Language) -> None:
    text = "Le PLR l'emporte avec 29 élus contre 28 pour le Centre."
    frames = _frames(nlp, text)
    assert frames["28"][1]["agent"] != "compared"


@pytest.mark.slow
def test_a_total_whose_token_runs_past_it_is_referred_to_by_its_own_offsets(
    nlp: Language,
) -> None:
    """ "40 m." is one token: the part_of ref is the amount's own offsets, those of a span
    of the record."""
    from dechiffre.evaluation.gold import validate_documents
    from dechiffre.pipeline.records import doc_to_record

    text = "Les ouvriers ont déjà repeint 12 m. sur les 40 m. du pont."
    record = doc_to_record(nlp(text), "pont")
    first = next(s for s in record["spans"] if s["text"] == "12 m")
    assert _text(text, first["claim"]["part_of"]) == "40 m"
    validate_documents([record], file="pont.jsonl")  # every ref points at a span


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Sur les 20 éditions du tournoi, seuls cinq ont été gagnées par le pays hôte. Il y a eu "
        "six finales nulles, mais neuf où le visiteur a gagné.",
        "L'attaque a fait trois victimes. Deux policiers ont été blessés par balle et un passant "
        "a été tué.",
        "Cinq soldats et trois gendarmes sont morts, deux autres gendarmes sont blessés.",
    ],
)
def test_a_run_kept_for_the_doc_is_the_one_worked_out_anew(nlp: Language, text: str) -> None:
    from dechiffre.pipeline.claim_part import _kept_run_parts, _run_parts
    from dechiffre.pipeline.claim_syntax import _current, reading

    doc = nlp(text)
    amounts = [e for e in doc.ents if e.label_ == "QUANTITY"]
    with reading(doc):
        for k in range(len(amounts)):
            for j in range(k):
                assert _kept_run_parts(amounts, j, k) == _run_parts(amounts, j)
        state = _current(doc)
        assert state is not None and set(state.run_parts) == set(range(len(amounts) - 2))
