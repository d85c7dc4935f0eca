"""Word tables for the QUANTITY object finder (quantity_object.py).

GUIDELINES.md "Object" and rulings RN27-RN29 say which words these lists hold.
"""

from __future__ import annotations

from .numbers.lexicon import BEST_WORDS

# verbs whose subject is the thing measured (RN28): "le loyer atteint 900 euros"
MEASURE_VERBS = frozenset(
    """
atteindre être élever chiffrer monter valoir coûter rapporter représenter totaliser
dépasser avoisiner culminer frôler excéder approcher peser mesurer compter afficher
passer grimper bondir chuter baisser augmenter diminuer reculer progresser croître
décroître tomber descendre osciller varier stagner plafonner doubler tripler
retomber remonter dégringoler flamber fondre situer multiplier diviser estimer évaluer
fixer établir porter ramener réduire relever abaisser durer prolonger allonger raccourcir
accroître
""".split()
)

# measure verbs whose direct object, when they have one, is the thing measured:
# "la Russie a réduit de 80 % l'approvisionnement" (else their subject is)
OBJECT_VERBS = frozenset(
    """
porter ramener réduire relever abaisser fixer estimer évaluer chiffrer augmenter baisser
diminuer multiplier diviser doubler tripler prolonger allonger raccourcir accroître
""".split()
)

# prepositions before an amount that is no measure of the subject: "en une semaine,
# le rouble a chuté", "passer deux semaines en quarantaine" (a duration)
NOT_MEASURE_CASES = frozenset(
    "en pendant depuis pour dans durant après avant sous par chez parmi".split()
)

# prepositions that NOT_MEASURE_CASES would refuse but these verbs take for their measure:
# "multiplié par quatre", "dure depuis quatre décennies"
VERB_CASES: dict[str, frozenset[str]] = {
    "multiplier": frozenset({"par"}),
    "diviser": frozenset({"par"}),
    "durer": frozenset({"depuis", "pendant"}),
}

# nouns of change: their determined complement is the thing measured
# ("l'augmentation du taux de 9,5 % à 20 %" -> taux); alone they are ("une hausse de 3 %")
CHANGE_NOUNS = frozenset(
    """
hausse baisse augmentation diminution réduction progression croissance recul chute
bond repli envolée relèvement
""".split()
)

# nouns of a locution around an amount, never the thing measured:
# "à l'âge de 13 ans", "au bout d'un mois", "à hauteur de", "l'équivalent de"
LOCUTION_NOUNS = frozenset(
    """
âge bout hauteur équivalent moyenne lieu ordre part raison record terme total cours
rythme tranche fourchette maximum minimum espace
""".split()
)
# ... unless a definite determiner makes them the thing measured: "la moyenne nationale de 12 %"
# (but "une moyenne de 93 000 barils" counts barrels)
DEFINITE_MEASURED = frozenset("moyenne".split())
DEFINITE_DETERMINERS = frozenset("la le l' l’ cette ce sa son leur".split())

# complements that name a place or an origin, left out of the object
# ("chauffeurs routiers de pays voisins")
PLACE_NOUNS = frozenset(
    """
pays ville villes région régions province provinces continent monde village villages
quartier quartiers commune communes capitale
""".split()
)

# entity labels of a complement left out ("soldats d'Allemagne", "taux de la Banque")
PLACE_ENTITY_LABELS = frozenset("LOC GPE ORG PER".split())

# entity labels of a "de" complement that names a body or a person, not what is counted
# ("2,7 millions de dollars du Programme d'assistance", "les moins de 20 ans de la Cecafa")
NAME_ENTITY_LABELS = frozenset("ORG PER".split())

# nouns of adverbial locutions after an amount, never counted (R9): "trois points d'avance",
# "36 heures d'affilée", "42 km/h de moyenne"
ADVERBIAL_NOUNS = frozenset("avance affilée moyenne".split())

# adjectives that make "des N" a rank, not an amount (RN26): "95 % des 100 meilleurs joueurs"
# -> "meilleurs joueurs"; the words the number grammar's rule best_n reads
RANK_ADJECTIVES = BEST_WORDS

# quotes around a counted term: "30 « villes mortes »" -> villes mortes
QUOTES = frozenset("' \" « » “ ” ‘ ’".split())

# prepositions of a rate's noun, never the thing measured: "un revenu par habitant de 2 dollars"
# -> revenu
RATE_CASES = frozenset("par".split())

# nouns of a peak that a measure verb reaches: "le chômage a atteint un record de 12 %" -> the
# verb's subject
RECORD_NOUNS = frozenset("record pic sommet plafond".split())

# a quantifier before a number used as a pronoun (RN24): "tous deux", "toutes trois"
PRONOUN_QUANTIFIERS = frozenset("tous toutes".split())

# numbers that "les" makes a pronoun when no noun follows (RN24): "les deux autres"
PRONOUN_NUMBERS = frozenset("deux trois".split())

# locutions that stay in an object (RN29): "candidats vaccins de premier plan"
KEPT_LOCUTIONS = frozenset(("de premier plan", "de haut niveau", "de grande taille"))

# determiners before the noun of a "de" complement, skipped: "70 % de tous les génomes"
PREDETERMINERS = frozenset("tout tous toute toutes".split())

# nouns that only say "an amount of": they give their complement or nothing (RN28)
MEASURE_NOUNS = frozenset(
    """
montant nombre total quantité somme volume niveau effectif valeur chiffre chiffres
million millions milliard milliards millier milliers
""".split()
)
# the whole of a group, a measure noun too when singular: "80 % de l'ensemble des joueurs"
# -> joueurs (but "deux ensembles d'éléments" counts sets)
WHOLE_NOUNS = frozenset("ensemble totalité".split())

# a dimension after a measure, an adverbial that names no thing: "6 m de large", "5 cm de
# diamètre"; the thing measured is found as if the words were not there (the wall, RN28)
DIMENSION_WORDS = frozenset(
    "large haut long profondeur diamètre épaisseur hauteur largeur longueur circonférence".split()
)

# words left out of an object (RN29)
TRIM_WORDS = frozenset(
    """
autre autres premier premiers première premières dernier derniers dernière dernières
précédent précédents précédente précédentes suivant suivants suivante suivantes
prochain prochains prochaine prochaines
""".split()
)
# Words that open a time edge after the counted noun ("migrants fin septembre", "à fin 2023").
EDGE_WORDS = frozenset({"fin", "début", "mi"})

# participles that classify their noun in news, kept even before a complement of their own
# ("cas confirmés dans le monde", "personnes déplacées par la guerre"): noun lemma -> participles
LEXICALISED_PARTICIPLES: dict[str, frozenset[str]] = {
    "cas": frozenset("confirmé confirmés".split()),
    "personne": frozenset("déplacée déplacées".split()),
}

# finite forms of measure verbs that the tagger can read as adjectives after a noun ("chaque
# séance dure quatre heures"): the object stops before them
MEASURE_VERB_FORMS = frozenset(
    """
dure durent coûte coûtent pèse pèsent vaut valent atteint atteignent totalise totalisent
avoisine avoisinent dépasse dépassent
""".split()
)

# words that open a comparative after the noun ("personnes plus âgées")
COMPARATIVE_WORDS = frozenset("plus moins".split())

# case markers of a noun complement that stays in the object
COMPLEMENT_CASES = frozenset("de d' d’".split())

# "de" forms that introduce a complement after an amount: "3 000 tonnes de blé"
DE_FORMS = frozenset("de d' d’ des du".split())

# determiners a noun complement may not carry inside an object
DETERMINERS = frozenset(
    """
le la l' l’ les un une des du ce cet cette ces son sa ses leur leurs notre nos votre vos
mon ma mes
""".split()
)

# units that may measure a place: "à 20 km de la côte" (GUIDELINES.md Object 4)
PLACE_UNITS = frozenset("km m mi nmi cm mm".split())

# pronouns that stand for the counted thing: no object of their own
PRONOUNS = frozenset(
    """
il elle ils elles celui celle ceux celles cela ça ce qui que lequel laquelle lesquels
lesquelles on en y
""".split()
)

# "à" and its contractions: after an adjective, with a verb or a determined noun, they open the
# adjective's own complement, which ends the object (R9): "prêtes à être", "liés à une", "dus au"
A_CASES = frozenset("à au aux".split())

# prepositions after a participle that open the participle's own complement (R9): "pays situés
# dans", "doses approuvées par", "cocaïne saisie en 2023"
PARTICIPLE_CASES = frozenset(
    """
dans par pour sur avec en contre vers chez sous entre selon depuis lors
""".split()
)

# negations kept before a participle in an object: "hommes non armés"
NEGATIONS = frozenset(("non",))

# participles that bound the noun they describe by a range: "des hausses comprises entre
# 4 et 5 %", "des températures situées entre 30 et 35 °C" (the noun is the thing measured)
RANGE_PARTICIPLES = frozenset(
    "comprendre compris comprise comprises situer situé située situés situées".split()
)

# prepositions after which a participle following the counted noun is a predicate, left
# out of the object (R9): "avec 4 400 athlètes attendus"
PREDICATE_CASES = frozenset("avec sans".split())

# lexicalised compounds whose complement names a place or looks like a name but belongs to
# the object (R9 "lexicalised compounds stay as written"); accents folded
COMPOUNDS = frozenset(
    """
coup d'etat|chef d'etat|championnat d'europe|championnat du monde|coupe du monde
coupe d'europe|coupe d'afrique|ligue des champions|ligue des nations|coupe des confederations
chiffre d'affaires|chiffres d'affaires
""".replace("\n", "|").strip("|").split("|")
)

# nouns of adverbial and prepositional locutions with "à", never part of a "N à N" compound
# object: "300 migrants à bord", "médicaments à base de cannabis", "à cause de"
A_LOCUTION_NOUNS = frozenset(
    """
bord pied terme temps domicile vie peine cause titre raison côté travers moment fois
jour heure minute mois an année semaine tour hauteur moins plus partir compter base force
proximité destination propos condition défaut faveur instar égard exception concurrence
fin début
""".split()
)

# line breaks an object never crosses: a real one, or an escaped one left in scraped text
LINE_BREAKS = ("\n", "\\n")

# words that restate the amount before them in other terms: "un tiers de la dette, soit environ
# 2 milliards de dollars" (the sum takes the earlier amount's object)
RESTATING_WORDS = frozenset("soit".split())

# nouns that date the event, never part of an object: "9 000 appels mardi"
DATE_NOUNS = frozenset(
    """
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
juillet août septembre octobre novembre décembre hier aujourd'hui veille lendemain
""".split()
)

# Participles that news uses as nouns of people counted: "5 674 blessés", "40 disparus",
# "2 000 déplacés" (the object, whatever the parser reads them as).
COUNTED_PARTICIPLES = frozenset(
    form
    for stem in """
    blessé disparu déplacé tué rescapé sinistré détenu évacué expulsé rapatrié interpellé
    arrêté inculpé condamné décédé infecté contaminé hospitalisé vacciné guéri noyé secouru
    """.split()
    for form in (stem + "s", stem + "es")
)
