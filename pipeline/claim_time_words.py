"""Word tables of claim time expressions (compact, in the style of spacy/lang/fr/lex_attrs.py)."""

from __future__ import annotations

# Units of "il y a N ..." other than years: "il y a trois mois", "il y a une dizaine de
# jours" place a claim, the text alone does not date it.
AGO_UNITS = ("mois", "semaines?", "jours?", "heures?", "années", "décennies?", "siècles?")
# The month that the start, middle or end of a written year gives ("fin 2019" -> 2019-12,
# "depuis la mi-2021" -> 2021-06/.., "d'ici fin 2025" -> ../2025-12; GUIDELINES CR9); a
# season gives its year alone ("depuis l'été 2020" -> 2020/..).
EDGE_MONTHS = {"début": 1, "mi-": 6, "milieu": 6, "fin": 12}
# Words of a rough count before a unit: "il y a quelques mois", "il y a une dizaine de jours".
AGO_COUNTS = (
    "un", "une", "quelques", "plusieurs", "deux", "trois", "quatre", "cinq", "six", "sept",
    "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt", "trente",
)  # fmt: skip
ROUND_COUNTS = ("dizaine", "douzaine", "quinzaine", "vingtaine", "trentaine", "centaine")
# Periods that a demonstrative places at the time of writing ("cette saison", "cet été",
# "ce mois-ci"); "cette année" is a rule of its own.
THIS_PERIODS = (
    "saison", "semaine", "mois", "week-end", "été", "hiver", "automne", "printemps",
    "trimestre", "semestre", "matin", "soir", "après-midi",
)  # fmt: skip
# Of those, the ones the document's date fixes: the day itself, or its month.
THIS_DAY_PARTS = frozenset({"matin", "soir", "après-midi"})
# "jusqu'à présent", "à ce jour": a period that runs to the time of writing.
# ("jusqu'ici" is left out: it is a place as often, "de Paris jusqu'ici")
SO_FAR = ("jusqu'à présent", "jusqu'à aujourd'hui", "à ce jour")
# Adverbs that place a state or an act at, or just before, the time of writing ("est
# actuellement en tête avec 25 points", "ont récemment été détenues"); the text alone does
# not date them; "en ce moment", "à l'heure actuelle", "de nos jours" say the same.
# ("aujourd'hui" is a rule of its own: the document's date fixes it.) "désormais" ("now",
# "from now on") places a state as "actuellement" does: the real claims gold takes it 8
# times out of 10 where it stands in the amount's clause (real-fresh2, real-fresh,
# real-train, real-dev-long; null once in real-dev); synthetic-dev's annotators never do.
NOW_ADVERBS = (
    "actuellement", "maintenant", "récemment", "à l'avenir", "en ce moment", "à l'heure actuelle",
    "de nos jours", "désormais", "à présent",
)  # fmt: skip
# Of those, the ones that place a claim at the time of writing itself: the document's date
# is their value, as for "aujourd'hui" (GUIDELINES CR1).
DATED_NOW = frozenset({"actuellement", "désormais", "à présent"})
# Participles of an age that such an adverb places ("aujourd'hui âgée de 56 ans"; CR1).
AGED_WORDS = frozenset({"âgé", "âgée", "âgés", "âgées"})
# Events that place a claim in the period they last ("pendant le conflit", "au début de la
# crise", "lors du précédent scrutin"); plurals take an s.
PERIOD_EVENTS = (
    "conflit", "guerre", "crise", "confinement", "pandémie", "épidémie", "siège",
    "occupation", "invasion", "colonisation", "famine", "grève", "révolution", "transition",
    "mandat", "présidence", "règne", "scrutin", "vote", "campagne", "saison", "tournoi",
    "championnat", "compétition", "sommet", "procès", "nuit", "journée", "matinée",
    "soirée", "engagement", "mi-temps", "intersaison", "massacre", "attaque", "attentat",
    "bombardement", "fusillade", "offensive", "émeute", "opération", "week-end", "pic",
)  # fmt: skip
# Periods that a text tells of, which place a claim as an event does ("pendant la période de
# confinement", "au cours de cette décennie"; rule 'event_period')
PERIOD_NOUNS = ("période", "décennie")
# Periods whose start or end places a claim ("en fin d'année", "en début de seconde période").
# (not a part of the day: "en fin de matinée" is finer than a claim's date in the claims gold)
EDGE_PERIODS = ("année", "mois", "semaine", "période")
# Words after a period that make it another's ("à la fin de l'année dernière", "au début de
# l'année scolaire"): not the edge of an unnamed period (rule 'event_edge').
PERIOD_QUALIFIERS = (
    "dernière", "prochaine", "précédente", "passée", "suivante", "scolaire", "en cours",
    "écoulée",
)  # fmt: skip
# Parts of a day among those events: their start or end is finer than a claim's date.
DAY_PART_EVENTS = frozenset({"nuit", "journée", "matinée", "soirée"})
# Adjectives that may stand before such an event ("lors du précédent scrutin", "au cours du
# deuxième engagement").
PERIOD_EVENT_ADJECTIVES = (
    "précédent", "précédente", "dernier", "dernière", "premier", "première", "deuxième",
    "second", "seconde", "troisième", "récent", "récente", "long", "longue",
)  # fmt: skip
# Verbs of a survey or count carried out at a time: "selon un sondage réalisé en 2018" dates
# the figures measured, where "selon un rapport publié mardi" dates only the report.
SURVEY_VERBS = frozenset({"réaliser", "mener", "effectuer", "conduire"})
# Nouns of a survey or count, whose date is that of the figures it reports ("un sondage de
# novembre 2019 a révélé que 60 % ..."), unlike a report's ("un rapport publié mardi").
SURVEY_NOUNS = frozenset({"sondage", "enquête", "étude", "recensement", "baromètre"})
# Participles of a publication, whose date the claims gold gives its figures ("dans un
# communiqué publié le 2 novembre, ..."), unlike another participle beside a time ("le
# vaccin introduit en 2010": the vaccine's date).
DATING_PARTICIPLES = frozenset({"publier", "rendre", "diffuser", "dévoiler"})
# Words that open a clause restating the time just before it ("en 2015, lorsque ...",
# "à Tokyo en 1948, où sept commandants ont été pendus").
WHEN_WORDS = frozenset({"lorsque", "lorsqu'", "lorsqu’", "quand", "où"})
# Of those, the conjunctions, which restate a time right before them without a comma too
# ("le mois dernier lorsqu'il a limogé 57 juges"; not "où": "le pays où ...").
WHEN_CONJUNCTIONS = frozenset({"lorsque", "lorsqu'", "lorsqu’", "quand"})
# Words of a record whose "depuis" is its base, not the claim's period ("la pire série
# depuis 1992", "un niveau record depuis 2008", "pour la première fois depuis 1976").
RECORD_WORDS = frozenset(
    {"pire", "pires", "meilleur", "meilleure", "meilleurs", "meilleures", "record", "jamais"}
)
FIRST_WORDS = frozenset({"première", "seconde", "deuxième", "dernière"})
# Nouns of prepositional idioms before a length: "en l'espace de trois minutes", "au bout de
# deux jours", "au terme de dix ans" place the event, they describe no thing.
DURATION_IDIOMS = frozenset({"espace", "bout", "terme", "cours", "issue", "lendemain"})
# Nouns whose length is the figure itself: "un délai moyen de quatre mois en 2024", "une
# durée de 12 jours", "à l'âge de 13 ans, en 2005" (an age at which something happened).
LENGTH_NOUNS = frozenset({"délai", "durée", "âge", "moyenne", "espérance", "attente"})
# Adjectives that make "au/à la" + an event a time ("au dernier sommet", "à la prochaine
# réunion"); "à la Seconde Guerre mondiale" after "comparer" is none.
TEMPORAL_ADJECTIVES = ("dernier", "dernière", "précédent", "précédente", "prochain", "prochaine")
# Spans counted back from the time of writing: "au cours des deux derniers mois", "ces
# dernières semaines", "ces derniers jours" (value null: the text alone does not date them).
RECENT_UNITS = (
    "derniers mois", "derniers jours", "dernières semaines", "dernières heures",
    "dernières années", "dernières décennies",
)  # fmt: skip
# Units of "en quelques ...": "en quelques mois, la Russie les a ramenés 20 ans en arrière".
WITHIN_UNITS = ("mois", "semaines", "jours", "heures", "années", "minutes")
# Verbs of what an event caused: a subject relative on the event ("une explosion qui a fait
# sept morts", "une panne qui a privé 80 000 foyers de courant") happened at its time.
CONSEQUENCE_VERBS = frozenset(
    {
        "faire", "provoquer", "causer", "entraîner", "coûter", "tuer", "blesser", "priver",
        "toucher", "affecter", "frapper", "endommager", "détruire", "déplacer", "contraindre",
        "forcer", "pousser", "laisser",
    }
)  # fmt: skip
# Openers of a clause that happens during the event named before it: "un incident survenu le
# 4 mars, au cours duquel ...", "une opération, lors de laquelle ...", "pendant lequel".
DURING_WORDS = frozenset({"au", "lors", "pendant", "durant"})
DURING_WHICH = frozenset(
    {"duquel", "desquels", "desquelles", "laquelle", "lequel", "lesquels", "lesquelles"}
)
# Times that point back to one the text gave before ("le lendemain", "la veille", "le même
# jour", "au cours de la même période"): they place a claim, the phrase alone gives no date.
SAME_TIMES = (
    "le lendemain", "la veille", "le jour même", "le même jour", "la même semaine",
    "le même mois", "la même année", "au même moment", "à la même période",
    "au cours de la même période", "pendant la même période", "sur la même période",
    "par la suite",
)  # fmt: skip
# Times that point back to the date written just before them, and what of that date they
# take (rule 'anaphor'): "en 2015 - et depuis lors" -> "2015/..", "en 1997 ... La même année"
# -> "1997", "en juillet 2017 ... à l'époque" -> "2017-07", "d'ici à 2030 ... D'ici là" ->
# "../2030". "year", "month" and "day" keep that much of the date and need it; "since" opens
# an interval at it, "until" closes one; "same" takes it whole. Phrases of a vaguer span ("à la
# même période", "au même moment") are not here: the date before them does not bound them.
ANAPHOR_GRAINS = {
    "la même année": "year", "le même mois": "month", "le même jour": "day",
    "le jour même": "day", "depuis lors": "since", "depuis cette date": "since",
    "depuis ce jour": "since", "d'ici là": "until", "à l'époque": "same",
    "à ce moment-là": "same",
}  # fmt: skip
# How many sentence ends may stand between the anaphor and the date it takes: "à l'époque"
# and "à ce moment-là" may name an era rather than the day just told, so only the sentence
# before counts for them.
ANAPHOR_SENTENCES = {"same": 1}
ANAPHOR_MAX_SENTENCES = 2
# Units of a window still to come ("dans les prochains jours", "au cours des dix prochaines
# années", "dans les semaines à venir"); the text alone does not date it.
NEXT_UNITS = ("années", "mois", "semaines", "jours", "heures", "décennies")
# Periods that "écoulé" closes at the time of writing ("au cours de l'année écoulée").
ELAPSED_PERIODS = ("l'année écoulée", "la semaine écoulée", "le mois écoulé", "la décennie écoulée")
# Verbs of a birth, whose date places no other event ("née en 1997 et adoptée à l'âge de
# cinq ans").
BIRTH_VERBS = frozenset({"naître"})
# Nouns a rate counts per ("un médecin pour 2000 habitants"): "pour" and a number before
# one of them is a ratio, not a year.
RATE_NOUNS = (
    "habitants", "personnes", "naissances", "patients", "enfants", "adultes", "femmes",
    "hommes", "élèves", "ménages", "foyers", "cas", "lits",
)  # fmt: skip
# "de <year>" dates the noun before it ("selon une estimation de 2020, ...", "l'étude Pew de
# 2020 a montré ...", "la loi de 1994 sur les crimes"): only before a punctuation mark or one
# of these words ("qu" stands for "qu'"), so that "plus de 2000 personnes" stays an amount.
DATED_NOUN_NEXT = (
    "sur", "dans", "pour", "par", "selon", "qui", "que", "qu", "a", "ont", "avait",
    "avaient", "est", "sont", "était", "étaient",
    # a study of a year that reports ("Une étude de 2019 décrit comment ...")
    "montre", "montrent", "révèle", "révèlent", "indique", "indiquent", "décrit", "décrivent",
    "suggère", "suggèrent", "estime", "estiment", "conclut", "souligne", "constate", "affirme",
)  # fmt: skip
# Nouns of a study, list or ranking that a name and a year can follow ("une étude de Fare
# 2014", "la liste BBC 2019"; rule 'named_year').
NAMED_YEAR_NOUNS = (
    "étude", "enquête", "sondage", "rapport", "liste", "classement", "palmarès", "baromètre",
    "recensement", "indice",
)  # fmt: skip
# An age class named by its limit ("le tournoi des moins de 20 ans", "l'équipe des moins de
# 16 ans", "les plus de 65 ans"): a category, at no time (rule 'age_class').
AGE_CLASS_ARTICLES = frozenset({"des", "les", "aux"})
AGE_CLASS_LIMITS = frozenset({"moins", "plus"})
# Words before "de <year>" that make it an amount ("plus de 2000", "près de 1500").
AMOUNT_CUES = ("plus", "moins", "près", "autour", "environ", "hauteur", "total", "nombre")
# Words after which "alors" is the connective "then, so" ("et alors", "mais alors"), not
# "at that time" (rule 'then').
CONNECTIVES = ("et", "mais", "ou", "car", "donc", "ni", "or", "si")
# Centuries written as ordinal words ("au huitième siècle"); in Roman or Arabic figures
# ("au XIXe siècle", "au 19e siècle") they are read as numbers (rule 'century').
CENTURY_WORDS = {
    "premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11,
    "douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15, "seizième": 16,
    "dix-septième": 17, "dix-huitième": 18, "dix-neuvième": 19, "vingtième": 20,
    "vingt-et-unième": 21, "vingt et unième": 21,
}  # fmt: skip
ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50}
