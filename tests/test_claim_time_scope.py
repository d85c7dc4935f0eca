"""Times that date a participle's or a relative clause's own noun (pipeline/claim_time_scope.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dechiffre.pipeline.claim_time import find_times
from dechiffre.pipeline.claim_time_scope import dates_another


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "rule"),
    [
        # a participle right beside a time dates the noun it qualifies
        (
            "L'entreprise réclame 20 millions d'euros pour des barrages construits il y a "
            "trente ans.",
            "20 millions d'euros",
            "participle_other",
        ),
        (
            "Le fonds créé en mars a réuni 400 millions de dirhams.",
            "400 millions de dirhams",
            "participle_other",
        ),
        # a relative clause set off by commas says another thing of its noun
        (
            "Le club a recruté trois joueurs, qui avaient été formés à Lyon en 2019.",
            "trois",
            "relative_other",
        ),
        (
            "Les cinq pays, qui ont quitté l'alliance en mai 2024, accueillent 2 millions de "
            "réfugiés.",
            "cinq",
            "relative_other",
        ),
        # a subject relative describes its noun: a time outside it does not place it
        (
            "Mercredi, la banque a relevé ses taux face à une inflation qui a atteint 9 %.",
            "9 %",
            "in_relative",
        ),
        (
            "En 2019, le groupe a payé une amende, un montant qui a été réduit à 4 millions.",
            "4 millions",
            "in_relative",
        ),
        # ... but a time of the noun it describes is the relative's too
        (
            "Le club a signé un contrat pour la saison 2020-2021 qui lui a rapporté 13 millions.",
            "13 millions",
            None,
        ),
        # a relative set off by a comma on the counted noun dates its own clause
        ("Le virus a tué 40 personnes, qui étaient arrivées lundi.", "40", "relative_other"),
        # an adverb of time places only what its head governs
        (
            "Il a vendu le tableau pour 4 000 livres (environ 2 millions d'euros aujourd'hui).",
            "4 000 livres",
            "adverb_other",
        ),
        ("Le club compte aujourd'hui 800 membres.", "800", None),
        # a paragraph break, or one a scraper wrote out as backslash-n, ends a time's reach
        (
            "Deux études ont porté sur des souris.\\n\\nMais à ce jour, aucune étude humaine.",
            "Deux",
            "other_paragraph",
        ),
        # one dash with a clause on each side parts two sentences; an incise closed
        # between them, or a verbless one, does not
        ("En 2015, le club comptait 300 membres - il en a perdu 40 depuis.", "40", "dash_incise"),
        (
            "Entre mars et mai, six villes - Pune, Delhi et Goa - ont signalé 58 cas.",
            "58",
            None,
        ),
        ("Depuis 2018, la part a baissé de 16 % - de 56 à 40 %.", "40 %", None),
        # an aside in brackets with a clause of its own says another thing; a conversion
        # in brackets is the same figure
        (
            "En août 2021, Washington a gelé 7 milliards de dollars (2 autres milliards sont "
            "gardés ailleurs).",
            "2 autres milliards",
            "bracket_clause",
        ),
        (
            "En 2021, le club a dépensé 80 millions d'euros (52 milliards FCFA).",
            "52 milliards FCFA",
            None,
        ),
        # a restrictive relative on the counted noun says what befalls the amount
        ("Les deux équipes qui seront tirées au sort en mars joueront à Dakar.", "deux", None),
        # ... so does one on what a share counts out of (rule 'partitive_relative')
        (
            "Une enquête montre que 57 % des personnes qui ont divorcé en 2020 vivent seules.",
            "57 %",
            None,
        ),
        # a time inside an infinitive of a relative set off by commas is the relative's
        (
            "Le groupe, qui a vu ses ventes chuter ces dernières années, investit 15 millions.",
            "15 millions",
            "relative_other",
        ),
        # the counted noun's own participle
        ("La police a libéré 300 otages enlevés en avril.", "300", None),
        # a publication dates the figures it gives
        (
            "Dans un communiqué publié le 3 mai 2022, le ministère annonce 200 arrestations.",
            "200",
            None,
        ),
    ],
)
def test_times_that_date_another_noun(
    nlp: Language, text: str, amount: str, rule: str | None
) -> None:
    from dechiffre.pipeline.claim_syntax import _anchor, _is_report_verb, _lemma

    doc = nlp(text)
    (span,) = [e for e in doc.ents if e.label_ == "QUANTITY" and e.text == amount]
    (time,) = find_times(text)
    phrase = doc.char_span(time.start, time.end, alignment_mode="expand")
    assert phrase is not None
    found = dates_another(span, _anchor(span), phrase, lemma=_lemma, is_report=_is_report_verb)
    assert found == rule
