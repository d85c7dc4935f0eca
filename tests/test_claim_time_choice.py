"""Which time places an amount (pipeline/claim_time_choice.py, claim_time_scope.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dechiffre.pipeline.attributes import CLAIM
from dechiffre.pipeline.claim_time import find_times
from dechiffre.pipeline.claim_time_choice import _whole_event, time_of
from dechiffre.pipeline.claim_time_scope import restated_time


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "time", "rule"),
    [
        (  # a clause of time closed by a comma: the date before it places the main clause
            "Le 3 avril, quelques jours après que le gouvernement a interdit les rassemblements, "
            "200 personnes ont assisté à un mariage.",
            "200",
            "Le 3 avril",
            "day_no_year",
        ),
        (  # ... an open one holds the amount, which the time before it does not place
            "Le club a licencié son entraîneur en mai, après que l'équipe a perdu 12 matches.",
            "12",
            None,
            "none",
        ),
        (  # "lorsque" right after a time restates it, without a comma too
            "Le ministre a provoqué la colère le mois dernier lorsqu'il a renvoyé 40 magistrats.",
            "40",
            "le mois dernier",
            "restated",
        ),
        (  # a subject the parser cuts off before an incise takes its verb's time
            "Plus de 5 000 ouvriers et 800 ingénieurs, pour la plupart issus de villages "
            "voisins, ont été embauchés entre 2010 et 2014.",
            "Plus de 5 000",
            "entre 2010 et 2014",
            "between_years",
        ),
        (  # a survey dated by its complement dates the figures it reports
            "Un sondage Ipsos de mars 2021 a révélé que 62 % des Kényans soutiennent la réforme.",
            "62 %",
            "de mars 2021",
            "month_of_year",
        ),
        (  # ... or by its participle
            "Une enquête réalisée en juin 2022 par l'institut a montré que 40 % des ménages "
            "épargnent.",
            "40 %",
            "en juin 2022",
            "month",
        ),
        (  # ... or by the year after its maker's name
            "Une étude de Fare 2014 a révélé que seulement 0,6 % des postes de direction étaient "
            "occupés par des minorités.",
            "0,6 %",
            "2014",
            "named_year",
        ),
        (  # ... also a survey the parser reads as the object of its reporting verb
            "C'est ce qu'a montré une étude réalisée en 2019 par l'université de Vigo, en "
            "Espagne, qui a porté sur plus de 19 000 personnes prenant ce type de médicaments.",
            "plus de 19 000",
            "en 2019",
            "year",
        ),
        (  # an age class is a category, at no time
            "L'équipe des moins de 16 ans du Hertha Berlin a quitté le terrain le 15 décembre.",
            "moins de 16 ans",
            None,
            "age_class",
        ),
        (  # ... not an age a person has at a time
            "En 2021, il avait moins de 20 ans et jouait déjà en première division.",
            "moins de 20 ans",
            "En 2021",
            "year",
        ),
        (  # a report's date is only the report's
            "Un rapport publié mardi par l'institut a montré que 60 % des ménages épargnent.",
            "60 %",
            None,
            "other_clause",
        ),
        (  # a time right after a paragraph break the parser did not see opens its sentence
            "Les trois usines du groupe ont fermé leurs portes après une longue grève des "
            "ouvriers du site.\\n\\nEn mars 2020, la direction a annoncé que le groupe allait "
            "supprimer 400 emplois dans la région.",
            "400",
            "En mars 2020",
            "month",
        ),
        (  # ... and places nothing before the break
            "Les trois usines du groupe ont fermé leurs portes après une longue grève des "
            "ouvriers du site.\\n\\nEn mars 2020, la direction a annoncé que le groupe allait "
            "supprimer 400 emplois dans la région.",
            "trois",
            None,
            "none",
        ),
        (  # the clause after a year named as a period tells of that year
            "On se souvient de la crue de 1999, qui avait fait près de 300 morts.",
            "près de 300",
            "de 1999",
            "restated",
        ),
        (  # an amount after "contre" takes the time right after it, not its verb's
            "Les ventes ont augmenté, atteignant 70 millions d'euros (45 milliards FCFA) en "
            "2019, contre 43 millions d'euros (28 milliards FCFA) en 2018.",
            "43 millions d'euros",
            "en 2018",
            "compared_own",
        ),
        (  # "depuis" after a superlative whose noun runs long is the base of a record
            "Les prix ont atteint 95 dollars, le plus haut niveau pour le baril de pétrole brut "
            "depuis 2014.",
            "95 dollars",
            None,
            "none",
        ),
        (  # a short note in brackets that closes the sentence dates all its figures
            "Plus de 3 000 cas ont été enregistrés dans la région et plus de 90 patients sont "
            "morts (chiffres du 4 juin 2021).",
            "plus de 90",
            "du 4 juin 2021",
            "bracket_note",
        ),
        (  # a time after "mais" and before a comma opens the clause it places
            "Le tournoi de 2002 a été le dernier avec une majorité d'entraîneurs locaux, mais "
            "en 1998, sur un terrain de 16 équipes, il y avait neuf Africains.",
            "16",
            "en 1998",
            "opens_conjunct",
        ),
        (  # ... not a relative clause inside it, which describes its noun
            "Le guide est parti à l'aube, et en 2019, il a atteint le col, qui se situe à 2 400 m "
            "d'altitude.",
            "2 400 m",
            None,
            "other_clause",
        ),
        (  # a clause coordinated by ", et" goes on about the period of the one before
            "Vingt soldats ont été tués lors de l'attaque, et des dizaines de civils ont été "
            "blessés.",
            "des dizaines",
            "lors de l'attaque",
            "goes_on",
        ),
        (  # ... not past another amount, which takes the time
            "Vingt soldats ont été tués lors de l'attaque, et deux officiers ont blessé 40 civils.",
            "40",
            None,
            "other_clause",
        ),
        (  # a participle on the counted noun ("cas confirmés") opens no reporting incise
            "L'épidémie continue de progresser, avec plus de 2 000 cas confirmés et 45 décès à "
            "ce jour.",
            "plus de 2 000",
            "à ce jour",
            "nearest",
        ),
        (  # a dash between spaces sets off an incise, whose time is its own
            "L'équipe a remporté le titre à cinq reprises - mais rien depuis 2012 - et vise la "
            "finale.",
            "cinq",
            None,
            "other_clause",
        ),
        (  # a weekday after "de" dates the event noun it completes, not the amount
            "Le match de dimanche a été marqué par deux cartons rouges et un penalty.",
            "deux",
            None,
            "none",
        ),
        (  # ... unless the event is the subject of what it caused
            "L'attaque de mardi a fait 12 morts dans le village.",
            "12",
            "de mardi",
            "weekday",
        ),
        (  # a date of birth places no other event, coordinated or after it
            "La chanteuse est née en 1985 à Abidjan et a été adoptée à l'âge de quatre ans par "
            "sa tante.",
            "quatre ans",
            None,
            "none",
        ),
        (
            "Né en 1990 à Dakar, le joueur a marqué 20 buts pour son club.",
            "20",
            None,
            "none",
        ),
        (  # ... but places the births it counts
            "Dans la région, 300 bébés sont nés en 2020.",
            "300",
            "en 2020",
            "year",
        ),
        (  # a verb that can report ("ajouter", "compter") but has a noun for object does
            # a thing: its subject is no speaker whose words the time would date
            "Depuis janvier, 12 hôpitaux ont ajouté des lits de réanimation.",
            "12",
            "Depuis janvier",
            "since_month",
        ),
        (
            "Aujourd'hui, une seule chaîne compte déjà deux millions d'abonnés.",
            "une seule",
            "Aujourd'hui",
            "today",
        ),
        (  # ... one that reports still dates the words, not the speaker's age
            "« Nous manquons de tout », a déclaré dimanche un éleveur de 45 ans.",
            "45 ans",
            None,
            "age",
        ),
        (  # "désormais" places a state as "actuellement" does
            "Le litre d'essence coûte désormais 900 francs à Niamey.",
            "900 francs",
            "désormais",
            "now",
        ),
        (  # ... only what its own head governs (rule 'adverb_other')
            "La junte, désormais au pouvoir, a promis 12 réformes.",
            "12",
            None,
            "none",
        ),
        (  # a restrictive relative on what a share counts out of places the share
            "Le ministère indique que 40 % des élèves qui ont passé l'examen en juin ont réussi.",
            "40 %",
            "en juin",
            "month",
        ),
        (  # ... a relative set off by a comma does not (rule 'relative_other')
            "Le ministère indique que 40 % des élèves, qui ont passé l'examen en juin, ont réussi.",
            "40 %",
            None,
            "none",
        ),
        (  # an event's adjective or "de" complement is part of the phrase that places it
            "Pendant la Seconde Guerre mondiale, 300 soldats de la ville ont été tués.",
            "300",
            "Pendant la Seconde Guerre mondiale",
            "event_period+whole_event",
        ),
        (
            "Le programme a perdu 40 % de ses fonds depuis la suspension de l'aide américaine.",
            "40 %",
            "depuis la suspension de l'aide américaine",
            "since_event+whole_event",
        ),
        (
            "Pendant la guerre froide, le pays a construit 400 missiles.",
            "400",
            "Pendant la guerre froide",
            "event_period+whole_event",
        ),
        (  # ... not its place, nor a time of its own
            "Lors du sommet du G7 à Biarritz, les pays ont promis 20 millions de dollars.",
            "20 millions de dollars",
            "Lors du sommet du G7",
            "event_period",
        ),
        (
            "Pendant la guerre en 2011, 500 civils ont été tués.",
            "500",
            "en 2011",
            "year",
        ),
        (  # a conjunct with a verb of its own is another event: the time inside the first
            "Le club a été fondé en 1920 et a remporté le championnat à sept reprises.",
            "sept",
            None,
            "own_event",
        ),
        (  # ... a time that opens the sentence places both
            "En 2015, l'attaquant a rejoint Lyon et a inscrit 40 buts avec le club.",
            "40",
            "En 2015",
            "year",
        ),
        (  # ... and a participle sharing the auxiliary is the same event
            "La police a démantelé en 2024 une filière et interpellé 1 400 personnes.",
            "1 400",
            "en 2024",
            "year",
        ),
        (  # a year of the sentence before places nothing here (CR12) ...
            "En 2013, le pays a accueilli 4 000 réfugiés. Il a aussi expulsé 11 300 personnes.",
            "11 300",
            None,
            "none",
        ),
        (
            "La nouvelle monnaie a été introduite en 2011. La banque centrale a retenu 900 "
            "millions de dinars.",
            "900 millions de dinars",
            None,
            "none",
        ),
        (  # an age places no claim of its own ...
            "Un ouvrier agricole de 27 ans est mort de chaleur en juin 2021 dans les Pouilles.",
            "27 ans",
            None,
            "age",
        ),
        (  # ... but a time that opens the sentence places the person's age too
            "En juin 2021, un ouvrier agricole de 27 ans est mort de chaleur dans les Pouilles.",
            "27 ans",
            "En juin 2021",
            "fronted_age",
        ),
        (  # ... but the breakdown of an amount of the sentence before takes its time
            "En 2013, le pays a accueilli 4 000 réfugiés. Parmi eux, 1 200 ont été expulsés.",
            "1 200",
            "En 2013",
            "breakdown",
        ),
        (  # the base of a comparison "à celui de" has its own time (CR11)
            "Ce chiffre est supérieur de 148 millions à celui de 2019.",
            "148 millions",
            None,
            "none",
        ),
        (
            "Le PIB de mars était supérieur d'environ 5 % à celui de l'année précédente.",
            "environ 5 %",
            None,
            "none",
        ),
        (  # ... a time of the amount's own clause still places it
            "En 2020, les ventes étaient supérieures de 12 millions à celles de la Chine.",
            "12 millions",
            "En 2020",
            "year",
        ),
        (  # the base of a comparison after "plus que" is not placed by a time before it
            "Jusqu'à présent, environ 24 % des Sud-Africains ont été vaccinés, soit bien plus "
            "que la moyenne de 7 % enregistrée sur le continent africain.",
            "7 %",
            None,
            "comparison_base",
        ),
        (
            "Jusqu'à présent, 3 100 personnes ont été tuées, soit plus que l'ensemble de la "
            "population des cinq districts.",
            "cinq",
            None,
            "comparison_base",
        ),
        (  # ... an amount after a verb that follows "que" is no base
            "En 2020, les ventes ont été plus fortes que prévu, avec 300 000 voitures vendues.",
            "300 000",
            "En 2020",
            "year",
        ),
        (  # "aujourd'hui", "désormais" right before an age place it (CR1)
            "Luogon, aujourd'hui âgée de 35 ans, élève seule ses neuf enfants.",
            "35 ans",
            "aujourd'hui",
            "now_age",
        ),
    ],
)
def test_time_choice(nlp: Language, text: str, amount: str, time: str | None, rule: str) -> None:
    doc = nlp(text)
    (span,) = [e for e in doc.ents if e.label_ == "QUANTITY" and e.text == amount]
    ref = span._.dechiffre_claim["time"]
    assert (None if ref is None else text[ref["start"] : ref["end"]]) == time
    assert span._.dechiffre_claim_rules["time"] == rule


def _parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    *,
    glued: set[int],
    morphs: list[str] | None = None,
) -> Doc:
    """A Doc with the parse given; the words of ``glued`` take no space after them."""
    spaces = [i not in glued for i in range(len(words))]
    return Doc(spacy.blank("fr").vocab, words=words, spaces=spaces, heads=heads, deps=deps,
               pos=pos, morphs=morphs)  # fmt: skip


# "Un procès a débuté à Nairobi en 1998, où douze officiers ont été condamnés ." with the
# parse fr_core_news_md gives such sentences: the "où" clause as a complement (ccomp)
WORDS = "Un procès a débuté à Nairobi en 1998 , où douze officiers ont été condamnés .".split()
HEADS = [1, 3, 3, 3, 5, 3, 7, 3, 3, 14, 11, 14, 14, 14, 3, 3]
DEPS = [
    "det", "nsubj", "aux:tense", "ROOT", "case", "obl:arg", "case", "obl:mod", "punct",
    "mark", "nummod", "nsubj:pass", "aux:tense", "aux:pass", "ccomp", "punct",
]  # fmt: skip
POS = [
    "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "ADP", "NUM", "PUNCT", "PRON", "NUM",
    "NOUN", "AUX", "AUX", "VERB", "PUNCT",
]  # fmt: skip


def test_a_where_clause_read_as_a_complement_restates_the_time_before_it() -> None:
    # "1998," and "condamnés."
    doc = _parsed(WORDS, HEADS, DEPS, POS, glued={WORDS.index("1998"), len(WORDS) - 2})
    amount = doc[10:11]
    said = restated_time(amount, doc[11], find_times(doc.text))
    assert said is not None
    assert doc.text[said.start : said.end] == "en 1998"


# "Ils ont annulé le sommet qui se tient en mai et auquel participent 40 pays ." as
# fr_core_news_md parses such sentences (the inverted subject as object)
REL_WORDS = "Ils ont annulé le sommet qui se tient en mai et auquel participent 40 pays .".split()
REL_HEADS = [2, 2, 2, 4, 2, 7, 7, 4, 9, 7, 12, 12, 7, 14, 12, 2]
REL_DEPS = [
    "nsubj", "aux:tense", "ROOT", "det", "obj", "nsubj", "expl:comp", "acl:relcl", "case",
    "obl:mod", "cc", "obl:arg", "conj", "nummod", "obj", "punct",
]  # fmt: skip
REL_POS = [
    "PRON", "AUX", "VERB", "DET", "NOUN", "PRON", "PRON", "VERB", "ADP", "NOUN", "CCONJ",
    "PRON", "VERB", "NUM", "NOUN", "PUNCT",
]  # fmt: skip
REL_MORPHS = [
    "", "", "VerbForm=Part", "", "", "PronType=Rel", "", "VerbForm=Fin", "", "", "",
    "PronType=Rel", "VerbForm=Fin", "", "", "",
]  # fmt: skip


def test_a_coordinated_relative_on_the_same_noun_keeps_the_time_of_the_first() -> None:
    # "pays."
    doc = _parsed(REL_WORDS, REL_HEADS, REL_DEPS, REL_POS, glued={len(REL_WORDS) - 2},
                  morphs=REL_MORPHS)  # fmt: skip
    amount = doc[13:14]
    time, _ = time_of(
        amount,
        doc[:],
        doc[14],
        doc[12],
        [amount],
        find_times(doc.text),
        part=None,
        part_rule="none",
        previous=None,
    )
    assert time is not None
    assert doc.text[time["start"] : time["end"]] == "en mai"


# "En 2013 , le pays a accueilli 4 000 réfugiés . <break> 11 300 personnes ont quitté le
# pays ." with the amount first in the second sentence
GOES_WORDS = [
    "En", "2013", ",", "le", "pays", "a", "accueilli", "4", "000", "réfugiés", ".", "<break>",
    "11", "300", "personnes", "ont", "quitté", "le", "pays", ".",
]  # fmt: skip
GOES_GLUED = {1, 9, 10, 11, 18, 19}  # "2013,", "réfugiés.", the break, "pays."
GOES_POS = [
    "ADP", "NUM", "PUNCT", "DET", "NOUN", "AUX", "VERB", "NUM", "NUM", "NOUN", "PUNCT", "SPACE",
    "NUM", "NUM", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT",
]  # fmt: skip


@pytest.mark.parametrize(
    ("breakdown", "time", "rule"),
    [
        (True, "En 2013", "breakdown"),  # the breakdown of "4 000" takes its time (CR12)
        (False, None, "none"),  # a year of the sentence before places nothing else
    ],
)
def test_a_breakdown_takes_the_time_of_its_whole(
    breakdown: bool, time: str | None, rule: str
) -> None:
    words = [" " if w == "<break>" else w for w in GOES_WORDS]
    morphs = ["Tense=Past|VerbForm=Part" if w in {"accueilli", "quitté"} else "" for w in words]
    doc = Doc(
        spacy.blank("fr").vocab,
        words=words,
        spaces=[i not in GOES_GLUED for i in range(len(words))],
        pos=GOES_POS,
        morphs=morphs,
        sent_starts=[i in {0, 11} for i in range(len(words))],
    )
    whole, amount = doc[7:9], doc[12:14]
    times = find_times(doc.text)
    whole._.set(CLAIM, {"time": {"start": times[0].start, "end": times[0].end, "value": "2013"}})
    found, got = time_of(
        amount,
        doc[11:],
        doc[14],
        doc[16],
        [whole, amount],
        times,
        part=whole if breakdown else None,
        part_rule="partitive" if breakdown else "none",
        previous=doc[:11],
    )
    assert (None if found is None else doc.text[found["start"] : found["end"]]) == time
    assert got == rule


def test_an_event_phrase_stops_before_a_time_of_its_own_it_would_cut() -> None:
    # "pendant la guerre civile d'avril à juin", "juin" hung on "guerre" as the parser may:
    # the phrase takes the adjective, not "d'avril", the start of the month range
    words = ["pendant", "la", "guerre", "civile", "d'", "avril", "à", "juin"]
    doc = _parsed(
        words,
        [2, 2, 2, 2, 5, 2, 7, 2],
        ["case", "det", "ROOT", "amod", "case", "nmod", "case", "nmod"],
        ["ADP", "DET", "NOUN", "ADJ", "ADP", "NOUN", "ADP", "NOUN"],
        glued={4},
    )
    times = find_times(doc.text)
    event = next(t for t in times if t.rule == "event_period")
    whole = _whole_event(doc, {"start": event.start, "end": event.end, "value": None}, times)
    assert doc.text[whole["start"] : whole["end"]] == "pendant la guerre civile"
