"""Word tables of the predicate slot (``claim_predicate``), in lex_attrs style."""

from __future__ import annotations

from .claim_words import DAY_PARTS, MONTHS, WEEKDAYS

# Aspect and attempt verbs before an infinitive: their subject is the infinitive's subject,
# so a counted subject takes the infinitive ("des milliers d'Érythréens continuent de fuir").
ASPECT_VERBS = frozenset(
    """
    continuer commencer recommencer cesser arrêter finir tenter essayer chercher parvenir
    réussir
    """.split()
)
# Periphrastic tenses: the infinitive says what happens, whatever the amount is to it
# ("256 joueurs qui vont s'entraîner trois jours par semaine").
TENSE_VERBS = frozenset({"aller"})
# "..., contre 85 dollars il y a un an": the amount compared takes the other's predicate.
COMPARE_WORDS = frozenset({"contre"})
# Cases of an amount on a nominal predicate with a copula that the copula governs:
# "le meilleur buteur avec 112 buts" ("sûr à 100 %" is a degree: no).
COPULA_CASES = frozenset({"avec"})
# Measure nouns that count things: "le nombre de migrants qui meurent est de 10 000"
# counts deaths ("le prix est de 265 dollars" keeps the copula).
COUNT_NOUNS = frozenset({"nombre", "total", "chiffre", "bilan"})
# A cleft's relative: "ce sont 20 détenus qui ont été présentés" ("c'était deux semaines
# où" is no cleft).
CLEFT_RELATIVES = frozenset({"qui", "que", "qu'", "qu’"})
# Words before "plus/moins de N ans" that make it a class of ages, no event
# ("chez les plus de 65 ans", "les équipes de moins de 23 ans", "au niveau des moins de 17 ans").
AGE_CLASS_BEFORE = frozenset({"les", "des", "aux", "de", "d'", "d’"})
AGE_CLASS_HEDGES = frozenset({"plus", "moins"})
# "âgés de 18 à 60 ans", "Agé de 86 ans" (a capital drops the accent).
AGED_WORDS = frozenset({"âgé", "âgée", "âgés", "âgées", "agé", "agée", "agés", "agées"})
# Adjectives in -é that are no participle of a verb the frame could name.
NOT_PARTICIPLES = frozenset({"âgé", "agé", "désolé", "aisé", "doué", "sacré", "carré"})
# Endings of a first-group past participle on an adjective ("sont doublement vaccinés").
PARTICIPLE_ENDINGS = ("ées", "és", "ée", "é")
# Reflexive pronouns of any person: "je m'allonge" is "s'allonger" in the frame.
REFLEXIVES = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’"})
# Verbs of change whose "de"/"à" amount says by or to how much ("réduire de 25 %",
# "abaisser de 21 à 18 ans", "réduit à 1,7 milliard").
CHANGE_VERBS = frozenset(
    """
    réduire augmenter baisser diminuer abaisser relever hausser accroître ramener
    relever rehausser gonfler alourdir alléger
    """.split()
)
BY_WORDS = frozenset({"de", "d'", "d’", "à"})
# Participles that name a thing, no event: "un rapport de 67 pages intitulé ...".
NAMING_PARTICIPLES = frozenset({"intituler", "nommer", "baptiser", "dénommer", "surnommer"})
# A part after "dont" takes its whole's verb ("14 000 Nigérians sont revenus, dont 35 % de
# femmes").
PART_WORDS = frozenset({"dont"})
# Nouns that end like events but name a value the amount measures: the verb that governs
# them is the predicate ("a montré une protection de 95 %", "prélevant une commission de
# 30 %", "rembourser une allocation de 10 millions").
VALUE_NOUNS = frozenset(
    """
    protection commission allocation pension rémunération indemnisation cotisation
    subvention dotation
    """.split()
)
# Event nouns of a value that, as a verb's object, give the verb: "essuyer une perte de 7
# milliards", "obtenir des paiements de plusieurs millions", "causant des dommages de 10
# milliards" ("une perte de 2 % d'eau" alone keeps the noun); also the transaction nouns of
# CR5, whose sum the verb lends, bills or claims ("contracter un prêt de 480 millions",
# "a envoyé une facture de", "réclame une compensation de").
GOVERNED_VALUE_NOUNS = frozenset("perte paiement dommage prêt facture compensation".split())
# Nouns of a stretch of time an amount measures: the verb they hang from is the predicate
# ("s'isoler pendant une période de sept jours", "en l'espace de trois minutes", "au bout
# d'une semaine, il a commencé").
SPAN_NOUNS = frozenset({"période", "délai", "espace", "durée", "laps", "bout"})
# A restatement of an amount in other terms: the verb of what it restates is the predicate
# ("a perdu 97 800 hectares, soit l'équivalent de 59,5 millions de tonnes", "vendu pour
# l'équivalent de 250 dollars").
RESTATING_NOUNS = frozenset({"équivalent"})
# What joins a clause whose verb is left out to the one before ("..., la Kabylie trois").
GAP_MARKS = frozenset({",", "et", ";"})
# Light verbs of a bare noun the parser may make the head ("ont droit à", "font partie de").
LIGHT_VERBS = frozenset({"avoir", "faire"})
# "il y a quatre doctrines", "il y avait", "il y aura", "il pourrait y avoir": forms of
# "avoir" after "y" that say what there is.
EXISTENTIAL_FORMS = frozenset({"a", "avait", "aura", "aurait", "avoir", "ait", "eut"})
# "n'a fait que huit apparitions": the negation and the "que" of a restriction.
RESTRICTIVE_NEGATIONS = frozenset({"ne", "n'", "n’"})
RESTRICTIVE_QUE = frozenset({"que", "qu'", "qu’"})
# "à 17 ans", "À 19 ans, elle a remporté", "A 22 ans, Rashford" (a capital drops the
# accent at the start of a sentence): an age at which something happened; not after a
# verb of sentencing ("condamné à 20 ans").
AT_WORDS = frozenset({"à", "À"})
AT_CAPITALS = frozenset({"A"})
SENTENCING_VERBS = frozenset({"condamner", "écoper"})
# Endings of the infinitives in "-re" ("prendre", "mettre", "rompre", "vaincre", "vivre",
# "dire", "conduire", "faire", "boire", "inclure", "clore"): any other form in "-re" the
# lemmatizer left as is is a first-group present ("déclare", "assure", "réinstaure").
RE_INFINITIVES = (
    "dre", "tre", "pre", "cre", "vre", "ire", "uire", "aire", "oire", "clure", "clore",
)  # fmt: skip
# Activities a stretch of time is counted of, beside the event nouns ("deux ans de course
# quotidienne", "dix ans de pratique").
ACTIVITY_NOUNS = frozenset({"course", "pratique", "carrière"})
# Fractions that share out the amount before them after a comma ("20 000 volontaires ont
# été impliqués, la moitié au Royaume-Uni"): the part takes its whole's predicate.
FRACTION_WORDS = frozenset({"moitié", "tiers", "quart"})
# Measure locutions before "de N": the verb they hang from says what happened ("contribuer
# à hauteur de 20 milliards").
UP_TO_LOCUTIONS = frozenset({("à", "hauteur")})
# Nouns that end like events ("-tion", "-ment") but name a state, a thing or a view, so
# nothing happened to what they count: "en fonction de trois facteurs", "la position des
# deux pays", "une collection de 500 000 titres", "les fragments de colonnes de 21 mètres".
STATE_NOUNS = frozenset(
    """
    fonction condition position question option intention information collection fragment
    situation relation tradition nation population station section
    """.split()
)
# A partitive that opens a clause ("..., 15 des 24 entraîneurs étaient", "seuls trois de
# ses collègues - ... - ont signalé"): how the parser misplaces it, the words that open
# its partitive, the hedges before it, and how far its verb may come after it.
FRONTED_SUBJECT_DEPS = frozenset({"conj", "nmod", "dep", "vocative", "obl:mod", "appos"})
PARTITIVE_OPENERS = frozenset({"des", "d'entre", "d’entre"})
FRONTED_HEDGES = frozenset({"seuls", "seules", "seulement", "quelque", "environ", "près"})
FRONTED_SUBJECT_REACH = 30
# Asides skipped on the way to the verb: an opening mark and its closing one.
ASIDE_MARKS = {"-": "-", "–": "–", "—": "—", "(": ")"}
# Quantifiers that float between an auxiliary and its participle ("ont tous été tués").
FLOATING_QUANTIFIERS = frozenset({"tous", "toutes", "tout", "chacun", "chacune"})
# Prepositions of a stretch of time that says how long a verb's action lasted ("a bloqué
# l'adhésion pendant dix ans", "trois opérations en 18 mois").
DURATION_CASES = frozenset({"pendant", "durant", "en", "depuis"})
# Prepositions of an adjective's adverbial whose amount the copula governs ("aussi
# mauvaises depuis 40 ans", "mortelle pour une personne sur dix", "présent dans 20 pays").
ADJECTIVE_OBLIQUE_CASES = frozenset({"depuis", "pendant", "durant", "pour", "dans", "à"})
# Participles that say where a noun is: a distance they govern only describes ("un village
# situé à 20 km de la frontière").
LOCATION_PARTICIPLES = frozenset({"situer", "localiser", "implanter", "baser"})
# Marks that end a clause before its verb comes.
CLAUSE_BREAKS = frozenset({";", ":", ".", "!", "?"})
RELATIVE_PRONOUNS = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle"})
# A bound set by a comparative adjective only describes ("une température supérieure à
# 37,8 °C", "un revenu inférieur à 1,90 dollar"): the adjectives (without their endings)
# and the words before the bound.
THRESHOLD_ADJECTIVES = frozenset({"supérieur", "inférieur"})
THRESHOLD_CASES = frozenset({"à", "au", "aux"})
# How far a place lies from another ("à deux heures de Houston", "à 40 km au sud de Kigali"):
# the units of the amount after "à", and the words that open the place it is measured from.
AWAY_UNITS = frozenset({"km", "mi", "heure", "minute"})
AWAY_AFTER = frozenset({"de", "d'", "d’", "du", "des", "au", "à"})
# What comes before "à" when the distance is set off from the clause ("Nairobi, à 500 km de
# là", "à deux heures de Houston et à trois heures de Dallas").
AWAY_BEFORE = frozenset({",", "et", "ou", "(", "-", "–", "—", '"', "«"})
# A count of a set the reader knows: the determiners before it ("entre les deux pays", "avec
# ses quatre enfants"; "des" and "aux" also as a preposition with its article), the words
# before them that make it the total of a partitive ("chacun des quatre groupes", "tous les
# deux"), and the prepositions whose phrase keeps its verb: the agent of a passive
# ("ratifiée par les 30 parlements") and a membership ("parmi les 14 technologies").
KNOWN_SET_DETS = frozenset("les des aux ces ses leurs mes nos vos tes".split())
KNOWN_SET_HEADS = frozenset(
    "tous toutes chacun chacune aucun aucune moitié tiers quart seul seule".split()
)
KNOWN_SET_KEEP_CASES = frozenset({"par", "parmi"})
# Measure nouns an amount measures as the object of "avoir", beside claim_words.MEASURE_NOUNS:
# the amount takes "avoir" ("aurait eu une capacité de 58 millions de litres", "avoir une
# majorité des deux tiers").
HAD_MEASURE_NOUNS = frozenset(
    {"capacité", "majorité", "maximum", "minimum", "superficie", "efficacité"}
)
# Units of the size of a thing beside the periods ("une parcelle de 114 hectares", "une tour de
# 11 m"): in a noun's "de" phrase the amount only says how big or long the thing is (CR5), and
# the nouns that are a measure or bound themselves, whose verb sets or keeps the amount
# ("laisser un intervalle de 12 heures", "fixe un plafond de 18 mois").
SIZE_UNITS = frozenset({"km", "m", "cm", "mm", "mi", "ft", "ha", "km²", "m²", "kg", "t", "l", "ml"})
BOUND_NOUNS = frozenset({"intervalle", "plafond", "seuil", "tranche"})
# Transaction nouns (CR5) keep their verb even for a length: the frame of "a signé un contrat
# de trois ans en 2018" keeps its agent and time.
TRANSACTION_NOUNS = frozenset({"contrat", "accord", "bail", "prêt"})
# Penalties a verb before them hands out ("condamné le gérant ... à 30 mois de prison",
# "punir la fédération d'une amende de 97 000 dollars", "écope d'une amende"), and how many
# tokens back that verb may be.
SANCTION_NOUNS = frozenset({"amende", "prison", "emprisonnement", "réclusion", "détention"})
SANCTION_REACH = 12
# One member of a counted group ("font partie des 34 familles qui", "l'un des 16 000 étudiants
# qui", "sont parmi des milliers d'autres qui"): the two words before the count, and how far
# after it the group's relative "qui" may come.
MEMBER_OPENERS = frozenset(
    {
        ("partie", "des"), ("partie", "de"), ("partie", "d'"), ("partie", "d’"),
        ("un", "des"), ("une", "des"), ("parmi", "les"), ("parmi", "des"),
    }
)  # fmt: skip
MEMBER_REACH = 8
# Bare nouns that make one verb with "avoir" ("ont accès à", "a droit à", "avoir recours à"),
# and the preposition of the complement the locution governs.
LOCUTION_NOUNS = frozenset({"accès", "droit", "recours"})
LOCUTION_CASES = frozenset({"à", "au", "aux"})
# How often ("deux fois par semaine", "une fois par mois"): the word and the periods after
# "N fois", and how many tokens back the verb it says it of may be.
FREQUENCY_WORDS = frozenset({"par"})
FREQUENCY_UNITS = frozenset({"jour", "semaine", "mois", "an", "année", "saison", "heure"})
FREQUENCY_REACH = 10
# Nouns that date an act and may stand between its verb and its object ("a secouru dimanche
# 85 migrants", "le 3 mars 85 migrants"): the parser hangs the counted noun from them.
DATING_NOUNS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(DAY_PARTS) | {"nuit", "midi"}

# Adverbs that may stand between a verb and the amount it governs ("compte désormais 48 206
# cas", "emploie aujourd'hui 300 personnes"; rule 'verb_before').
BETWEEN_ADVERBS = frozenset(
    {"désormais", "aujourd'hui", "aujourd’hui", "actuellement", "déjà", "encore", "toujours"}
)
# Words that add a part to a list of parts ("dont 12 enfants et 8 femmes").
LIST_LINKS = frozenset({"et", ",", "ou"})
# A price given to an act on a thing ("a vendu l'exclusivité pour 4 000 livres").
PRICE_CASES = frozenset({"pour"})
# Third-group presents the tagger reads as nouns after a subject pronoun ("Elle produit des
# billets"), with their infinitives.
THIRD_GROUP_PRESENTS = {
    "produit": "produire", "produisent": "produire", "construit": "construire",
    "construisent": "construire", "détruit": "détruire", "réduit": "réduire",
    "conduit": "conduire", "vend": "vendre", "vendent": "vendre", "perd": "perdre",
    "perdent": "perdre", "détient": "détenir", "détiennent": "détenir", "obtient": "obtenir",
    "contient": "contenir", "maintient": "maintenir", "soutient": "soutenir",
    "atteint": "atteindre", "rejoint": "rejoindre", "accueille": "accueillir",
    "offre": "offrir", "ouvre": "ouvrir", "couvre": "couvrir", "sert": "servir",
}  # fmt: skip
# Subject pronouns, which no noun takes ("Elle produit", tagged a determiner and a noun).
SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on"})
# Words of the bounds of a change restated in an aside ("- de 54 à 43 % -"), and how far
# back from an amount its opening dash may be.
RANGE_WORDS = frozenset({"de", "d'", "d’", "à", "entre", "et"})
ASIDE_REACH = 8
