"""Word tables of the claims component (compact, in the style of spacy/lang/fr/lex_attrs.py)."""

from __future__ import annotations

# Verbs that report a figure: their subject (an organisation, or its report) is the source.
REPORT_VERBS = frozenset(
    """
    indiquer affirmer annoncer révéler déclarer préciser souligner estimer rapporter publier
    signaler noter confirmer expliquer avancer chiffrer recenser dénombrer compter évaluer
    assurer ajouter rappeler relever constater observer montrer
    craindre reconnaître dénoncer déplorer alerter avertir recommander pointer détailler
    mentionner accuser
    dire confier témoigner résumer prévenir raconter insister commenter admettre
    calculer écrire conclure démontrer consigner citer déterminer
    féliciter saluer regretter inquiéter évoquer
    """.split()
) | {"se féliciter", "s'inquiéter", "se réjouir", "s'alarmer"}  # reflexive: "s'est félicité"
# Counting verbs beside REPORT_VERBS ("PayPal a enregistré 10 millions de comptes"): the
# body that counts is no agent (ruling CR3).
COUNTING_VERBS = frozenset({"enregistrer"})
# Verbs of a count a body keeps of what it deals with ("le ministère a recensé 1 250 cas"):
# unlike a speaker, the body that counts stays the topic a pronoun after it stands for.
TALLY_VERBS = frozenset({"recenser", "dénombrer", "enregistrer", "comptabiliser"})
# Reporting verbs that also announce the speaker's own act when their object is the figure
# ("le ministère a annoncé une enveloppe de 120 millions": agent too).
ANNOUNCE_VERBS = frozenset({"annoncer", "confirmer", "dévoiler", "promettre", "publier"})
# Reporting verbs that act on a figure they take as object ("ajouter 200 TWh à sa
# capacité", "rapporter 3 milliards"): agent, not reporter.
ACT_SENSE_VERBS = frozenset({"ajouter", "rapporter", "assurer"})
# ... and those that act on a rate or level they take as object ("relever son taux de
# 0,25 point"); with the figure as object "relever" counts ("a relevé 24 cas", CR3).
ACT_ON_MEASURE_VERBS = ACT_SENSE_VERBS | {"relever"}
# Verbs that forecast, and the changes they forecast: "le KOF prévoit une croissance de
# 0,9 %" gives the forecaster as source, not as agent.
FORECAST_VERBS = frozenset({"prévoir", "anticiper", "tabler", "projeter", "attendre"})
# Forms of "tabler" the tagger may read as a noun ("Le FMI table sur une croissance").
TABLE_FORMS = frozenset({"table", "tablent"})
# Verbs that recommend or ask for what their complement says ("le NHS recommande de
# prendre 10 microgrammes", "le Barreau demande la création de 14 postes").
RECOMMEND_VERBS = frozenset(
    "recommander suggérer conseiller préconiser inviter demander exhorter".split()
)
# Those that also forecast what a "que" clause says ("l'AIE prévoit que l'Inde atteindra");
# not "attendre que", to wait until.
FORECAST_THAT_VERBS = frozenset({"prévoir", "anticiper", "projeter"})
CHANGE_NOUNS = frozenset(
    """
    croissance hausse baisse recul progression augmentation diminution chute contraction
    déficit excédent inflation rebond repli bond envolée flambée
    """.split()
)
# Negation words that may stand between a verb and a comma before it ("..., n'a pas").
NEGATIONS = frozenset({"ne", "n'", "n’"})
# Nouns of a case a report tells, whose relative clause is what is reported ("le rapport
# mentionne le cas d'une femme qui a été agressée par deux hommes").
CASE_NOUNS = frozenset({"cas", "incident", "récit", "témoignage", "histoire", "exemple"})
# Nouns of documents whose owner is the source: "le rapport du HCR indique".
REPORT_NOUNS = frozenset(
    """
    rapport bilan étude communiqué document enquête note statistique statistiques
    données sondage recensement publication déclaration
    """.split()
)
# Report nouns that name papers, which need not be a body's report ("les documents ayant
# fait l'objet d'une fuite", "les documents montrent"): they give the text no report owner.
PAPER_NOUNS = frozenset({"document"})
# A body that asks people ("Indeed a interrogé 1 500 travailleurs", "X a demandé aux gens"),
# and what the share of them it counts does ("plus de la moitié ont déclaré"): rule 'survey'.
SURVEY_VERBS = frozenset("interroger sonder questionner demander".split())
RESPONDENT_VERBS = frozenset(
    "déclarer estimer répondre dire affirmer penser considérer juger indiquer".split()
)
# "Les chercheurs ont calculé que": who a study named just before is by (rule 'researchers').
RESEARCHER_NOUNS = frozenset("chercheur chercheuse scientifique auteur".split())
STUDY_NOUNS = REPORT_NOUNS | frozenset("recherche travaux essai analyse".split())
# A person "of" a body speaks for it ("Steven Lynch, de la Chambre de commerce"), but not a
# scholar of a university ("le professeur Tim Spector, du King's College"): the titles
# before the name, and words of an academic body's name.
SCHOLAR_TITLES = frozenset(
    "professeur professeure pr dr docteur docteure chercheur chercheuse scientifique".split()
)
ACADEMIC_WORDS = frozenset(
    "université university universidad college collège école school hôpital clinique".split()
)
# Prepositions that introduce a source: "selon l'OIM", "d'après le HCR".
SOURCE_CASES = frozenset({"selon", "d'après", "d’après"})
# Prepositions of whom one speaks to ("a déclaré à l'AFP", "au Monde"): no source.
ADDRESSEE_CASES = frozenset({"à", "au", "aux"})
# A line that credits the figures above it: "Source : NHS", "Sources : Insee".
SOURCE_LINE_WORDS = frozenset({"source", "sources"})
# "précise la même source", "selon cette source": the source named last.
SOURCE_NOUNS = frozenset({"source"})
SAME_WORDS = frozenset({"même", "mêmes"})
# Cues of a partner that takes part in the action: "en coopération avec l'OIM".
AGENT_CUES = (
    ("en", "coopération", "avec"),
    ("en", "collaboration", "avec"),
    ("en", "partenariat", "avec"),
    ("en", "coordination", "avec"),
    ("en", "accord", "avec"),
    # "avec l'appui de l'OIM", "avec l'appui du PAM", "avec l'aide des ONG"
    *(
        ("avec", *support, of)
        for support in (
            ("l'", "appui"), ("le", "soutien"), ("l'", "aide"), ("le", "concours"),
            ("l'", "assistance"),
        )
        for of in ("de", "du", "des", "d'", "d’")
    ),
    ("grâce", "à"),
    ("grâce", "au"),  # "grâce au soutien de l'Union européenne"
    ("grâce", "aux"),
    ("de", "la", "part", "de"),
    ("de", "la", "part", "du"),
    ("de", "la", "part", "des"),
    ("de", "la", "part", "d'"),
    ("de", "la", "part", "d’"),
)
# "dans le cadre d'un programme de l'ONU", "sous l'égide de la FIFA", "sous les auspices
# de l'UA": the body whose frame the act took place in takes part in it.
FRAME_NOUNS = frozenset({"cadre", "égide", "auspice", "auspices"})
FRAME_CASES = frozenset({"dans", "sous"})
# "avec X": a body the act was done with takes part in it ("a signé avec le club").
WITH_CASES = frozenset({"avec"})
# "643 buts pour Santos", "35 buts en 137 matches pour le club": a player's tally is the
# team's (rule 'for_team'), for these acts only; "le club", "l'équipe" stand for the last
# club named before.
FOR_TEAM_CASES = frozenset({"pour"})
# The preposition of the body a survey was carried out for ("menée pour le compte du groupe
# X", "réalisé pour l'Unicef"; rule 'report_by').
CLIENT_CASES = frozenset({"pour"})
TEAM_ACTS = frozenset({"marquer", "inscrire", "remporter", "disputer", "jouer", "gagner"})
TEAM_NOUNS = frozenset({"club", "équipe"})
# "la défaite contre le Bayern", "face à l'Espérance": the opponent, not "le club".
OPPONENT_CASES = frozenset({"contre", "face"})
# Verbs whose "il" stands for no one ("il faut", "il manque", "il reste", "il s'agit").
IMPERSONAL_VERBS = frozenset({"falloir", "manquer", "rester", "agir", "exister", "sembler"})
# A ranking an amount is placed in ("135 points au classement de la Fifa"): its owner gives it.
RANKING_NOUNS = frozenset({"classement", "palmarès"})
RANKING_CASES = frozenset({"au", "dans", "à"})
# "Pour X, ..." opening a sentence gives X's view, as "selon X" does.
VIEW_CUES = frozenset({"pour"})
# Acronyms of common nouns a description may use for a body named before ("L'ONG a recensé").
COMMON_ACRONYMS = frozenset({"ong"})
# Verbs that take an impersonal "il" with an object ("il faut 10 ans", "il y a", "il vaut
# mieux"): their "il" is no body's even with an object.
EXPLETIVE_VERBS = IMPERSONAL_VERBS | frozenset(
    {"avoir", "être", "suffire", "valoir", "paraître", "convenir", "arriver", "s'agir"}
)
# Reflexive verbs whose "il" is impersonal ("il se passe", "il s'avère que"); the parser reads
# the "il" of any reflexive verb as impersonal ("Il s'est engagé à verser").
IMPERSONAL_REFLEXIVES = frozenset(
    {"s'agir", "se passer", "se trouver", "se pouvoir", "s'avérer", "se produire",
     "se dérouler", "se faire", "se révéler", "se vendre", "se poser"}
)
# "la contribution du G7", "les buts des Fennecs": the body an event noun is of.
OF_CASES = frozenset({"de", "d'", "d’", "du", "des"})
# Participles that only describe where or what a thing is ("quatre chirurgiens spécialisés",
# "une localité située"): never the predicate of a counted noun.
STATIVE_PARTICIPLES = frozenset({"situer", "baser", "spécialiser", "âger", "domicilier"})
# Verbs of what one has ("compte 3 000 salariés", "en compte trois"): no report (CR2).
POSSESSION_VERBS = frozenset({"compter"})
# Participles that give a body's name after its kind ("une société appelée NSO Group").
NAMING_VERBS = frozenset({"appeler", "nommer", "dénommer", "baptiser", "surnommer"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
# Nouns that measure rather than say what happened: the predicate is what governs them.
MEASURE_NOUNS = frozenset(
    """
    montant somme total enveloppe valeur nombre chiffre quantité volume niveau taux part
    proportion pourcentage moyenne coût prix budget
    """.split()
)
# Nouns that name an event or a change: they are predicates ("l'expulsion de 4 388 migrants").
EVENT_NOUNS = frozenset(
    """
    hausse baisse recul chute progression augmentation diminution croissance déclin
    expulsion arrestation interpellation saisie rapatriement retour départ arrivée sauvetage
    démantèlement don aide prêt financement investissement perte gain vente achat livraison
    mort décès attaque frappe explosion naufrage inondation
    envoi ajout embauche transfert retrait rachat déficit excédent
    rebond repli bond envolée flambée
    """.split()
)
EVENT_SUFFIXES = ("tion", "sion", "ment", "age", "ure")
# Things, places and groups that only look like events by their ending: "deux médicaments
# ont été approuvés" takes the verb, "une portion de 330 ml" describes.
NON_EVENT_NOUNS = frozenset(
    """
    médicament bâtiment logement équipement appartement gouvernement parlement département
    document instrument monument vêtement aliment élément segment régiment moment argument
    supplément ciment compartiment portion population nation station fraction
    village visage étage âge plage page image message fromage personnage paysage garage
    température voiture structure nature culture figure littérature architecture agriculture
    """.split()
)
# Pronouns and definite descriptions that point back to an organisation named before:
# "selon elle", "le parti", "la banque" (type nouns: any organisation named as a subject),
# "la préfecture", "le ministère" (an organisation whose name has the noun).
ANAPHORIC_PRONOUNS = frozenset({"elle", "lui", "il", "eux", "elles", "ils"})
DEFINITE_DETS = frozenset({"le", "la", "l'", "l’"})
# An unnamed individual speaks for no body: "un économiste", "une infirmière".
INDEFINITE_DETS = frozenset({"un", "une"})
POSSESSIVE_DETS = frozenset({"son", "sa", "ses", "leur", "leurs"})
# Participles of who made, ran or paid for a thing ("le vaccin développé par Oxford").
MAKER_VERBS = frozenset(
    """
    développer financer fabriquer produire concevoir mettre organiser mener diriger gérer
    lancer créer construire exploiter soutenir
    """.split()
)
# "âgés de 19 à 33 ans": what says an amount is a person's age.
AGED = frozenset({"âgé", "âgée", "âgés", "âgées"})
# First person singular possessives: "mes quatre grands-parents" is the speaker's own.
MY_DETS = frozenset({"mon", "ma", "mes"})
ORG_TYPE_NOUNS = frozenset(
    """
    organisation ong association fédération banque parti club société entreprise groupe
    agence syndicat compagnie firme coalition alliance fondation institution organisme
    opérateur assureur constructeur multinationale start-up startup plateforme instance
    """.split()
)
ORG_NOUNS = frozenset(
    """
    ministère préfecture gouvernement office institut commission comité conseil cour
    tribunal parquet police armée marine caisse fonds programme bureau direction hôpital
    """.split()
)
# Nouns that name a body by its kind or by what it is ("l'ONG", "le ministère").
BODY_NOUNS = ORG_TYPE_NOUNS | ORG_NOUNS
# Nouns of a firm described by its sector, named after it ("le géant de la technologie
# Alibaba", "le leader mondial du luxe LVMH", "le fabricant d'armes Rheinmetall").
FIRM_NOUNS = frozenset(
    """
    géant leader numéro champion fleuron mastodonte spécialiste fabricant constructeur
    opérateur assureur distributeur équipementier producteur exportateur transporteur
    fournisseur éditeur exploitant site chaîne plateforme
    """.split()
)
# Verbs whose past participle tells what its noun did, not what was done to it ("des
# réfugiés arrivés il y a 3 jours"): no act of the verb whose object the noun is.
UNACCUSATIVE_VERBS = frozenset(
    """
    arriver venir revenir parvenir survenir partir mourir décéder naître rester devenir
    tomber entrer sortir retourner
    """.split()
)
# Nouns of a plan or measure whose author does what it provides for ("a présenté un plan
# prévoyant le transfert de 3,5 milliards", "a adopté un programme visant à former 300
# enseignants").
PLAN_NOUNS = frozenset(
    """
    plan projet programme proposition initiative stratégie budget réforme mesure
    décret loi
    """.split()
)
# Nouns of an intent or a commitment whose infinitive is done by who holds it ("Facebook a
# l'intention de permettre", "a pris la décision de supprimer", "l'engagement d'AstraZeneca
# de fournir 64 %"): the subject of the verb it is the object of, or the body it is "of".
CONTROL_NOUNS = frozenset(
    """
    intention décision objectif ambition volonté engagement promesse obligation
    """.split()
)
# Nouns of figures a body works out, whose owner says them ("le FMI a révisé ses prévisions
# à 3,8 %", "ils ont partagé leur chiffre selon lequel moins de 5 %").
FIGURE_NOUNS = frozenset(
    """
    prévision projection estimation pronostic chiffre calcul
    """.split()
)
# The figures a body gives of itself when a "selon" cites them with a possessive ("selon ses
# résultats annuels", "selon ses propres chiffres").
OWN_FIGURE_NOUNS = FIGURE_NOUNS | REPORT_NOUNS | {"résultat", "donnée"}
# Plural members of a body who act as the body ("les pays de l'OPEP ont réduit", "l'équipe
# d'Oxford a mis au point", "les chercheurs d'Oxford ont développé"), and its units, forces,
# agents and craft on duty ("les unités de la Marine royale ont secouru", "les agents de la
# police des frontières ont arrêté"); not those who only hold a stake in it or work for it
# ("les actionnaires de Credit Suisse", "les employés").
MEMBER_NOUNS = frozenset(
    """
    pays état membre équipe chercheur scientifique
    unité élément agent patrouille soldat militaire troupe policier gendarme douanier
    équipage secouriste sauveteur navire bâtiment patrouilleur vedette
    """.split()
)
# Persons who act or speak for the body named after them ("le PDG de Colonial Pipeline").
ROLE_NOUNS = frozenset(
    """
    président présidente directeur directrice pdg porte-parole ministre chef patron
    patronne dirigeant dirigeante responsable secrétaire commissaire représentant
    représentante délégué déléguée gouverneur procureur procureure fondateur fondatrice
    cofondateur cofondatrice co-fondateur co-fondatrice vice-président vice-présidente
    coprésident coprésidente co-président co-présidente codirecteur codirectrice co-directeur
    co-directrice
    """.split()
)
# Roles that head a firm or a group, which name the body the text is about when none
# follows ("explique X, co-directeur général, à la BBC"; rule 'bare_role'). Not an office
# of state ("X, ministre, ...") nor a spokesperson, who may speak for any body.
BARE_ROLE_NOUNS = frozenset(
    """
    directeur directrice pdg patron patronne fondateur fondatrice cofondateur cofondatrice
    co-fondateur co-fondatrice codirecteur codirectrice co-directeur co-directrice
    """.split()
)
# Verbs of a person who leads a body ("X, qui dirige le laboratoire ... au FLI").
LEAD_VERBS = frozenset({"diriger", "présider", "codiriger", "coprésider", "fonder", "cofonder"})
# Pronouns that open a relative clause: what it says is not what a reporting verb says.
RELATIVE_PRONOUNS = frozenset({"qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"})
# Conjunctions that make a clause an adverbial of time or cause: its reporting verb says only
# what it governs ("lorsque l'OMS a déclaré la fin de la pandémie, 500 000 personnes étaient
# mortes"). Not "comme", which credits the main clause ("comme l'a annoncé le HCR, 300 ...").
ADVERBIAL_MARKS = frozenset({"lorsque", "lorsqu'", "lorsqu’", "quand", "puisque", "puisqu'",
                             "puisqu’"})
# What a reporting verb says: its object or clause, not its adverbials.
SAID_DEPS = frozenset({"ccomp", "obj", "xcomp", "obl:arg"})
# What cuts a time off from an amount when the parse does not join them: punctuation,
# pronouns that open a clause, and conjunctions that coordinate two clauses (which do not).
BOUNDARY_PUNCT = frozenset({",", ":", ";", "(", ")", "«", "»", '"', "“", "”", "—"})
CLAUSE_PRONOUNS = RELATIVE_PRONOUNS | {"que", "qu'", "qu’"}
COORDINATORS = frozenset({"et", "ou", "mais"})
# Prepositions that open an infinitive clause of their own ("avant de rejoindre", "pour avoir tué").
INFINITIVE_CLAUSE_CUES = frozenset({"pour", "avant", "après", "sans", "afin"})
# Determiners of a subject that points back to the previous sentence ("Ces efforts ont contribué").
ANAPHORIC_DETS = frozenset({"ce", "cet", "cette", "ces"})
# Pronouns that point back to what was just said ("Cela signifie que", "C'est un tiers de moins").
POINTER_PRONOUNS = frozenset({"cela", "ceci", "ça", "ce", "c'", "c’"})
# The pronoun of a cleft ("C'est la Cimade qui ...", "Ce sont les garde-côtes qui ...").
CLEFT_PRONOUNS = frozenset({"ce", "c'", "c’"})
# What "parmi" takes when it counts a part of a set just named ("Parmi eux", "Parmi ces dossiers").
AMONG_WORDS = frozenset({"eux", "elles", "ceux", "celles", "ces"})
MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
ORDINAL_WORDS = {
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
}  # fmt: skip
QUARTERS = {"premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
DAY_PARTS = ("soir", "matin", "après-midi")
# Periods that straddle two years ("la campagne 2023-2024", "la saison 2022-2023").
SPAN_PERIODS = (
    "campagne", "saison", "exercice", "période", "année scolaire", "année universitaire",
    "année budgétaire", "législature", "mandature",
)  # fmt: skip
# Founding events that open a period ("depuis sa création en 2015").
START_EVENTS = (
    "création", "fondation", "lancement", "arrivée", "indépendance", "élection",
    "entrée en vigueur", "entrée en fonction", "ouverture", "mise en service", "naissance",
    "suspension", "fermeture", "réouverture", "signature", "adoption", "annonce", "chute",
    "mort", "décès", "introduction", "mise en place", "instauration", "invasion", "annexion",
    "déclenchement",
)  # fmt: skip
# Periods that "dernier/passé" places just before the document ("la semaine dernière").
LAST_PERIODS = (
    "la semaine", "le mois", "l'hiver", "l'été", "l'automne", "le printemps", "la saison",
)  # fmt: skip
# First-group present endings, longest first: a verb the lemmatizer left inflected.
PRESENT_ENDINGS = ("ent", "es", "e")
INFINITIVE_ENDINGS = ("er", "ir", "oir", "dre", "ure", "ire", "aître", "oître", "uire")
# Participles the tagger reads as nouns or adjectives after "être": their verb is the
# predicate ("sont morts" -> "mourir", "sont nés" -> "naître").
PARTICIPLE_VERBS = {
    "mort": "mourir", "morte": "mourir", "né": "naître", "née": "naître",
    "décédé": "décéder", "blessé": "blesser", "tué": "tuer", "disparu": "disparaître",
}  # fmt: skip
# Modals give way to the verb they govern: "pourraient être infectées" -> "infecter".
MODAL_VERBS = frozenset({"pouvoir", "devoir", "vouloir", "falloir"})
# "X sur Y", "X des Y": the amount is part of the total that follows.
OUT_OF_CUES = frozenset({("des",), ("sur",), ("sur", "les"), ("sur", "ces"), ("d'entre", "les")})
OUT_OF_WORDS = frozenset({"des", "sur", "d'entre"})
# Units of an age ("Konan Yao, 56 ans,", "âgée de 10 mois").
AGE_UNITS = frozenset({"an", "mois"})
# Nouns of persons whose age "de N ans" describes them ("un homme de 27 ans", "sa fille de
# sept mois"); role nouns count too. Endings of agent nouns and demonyms ("un
# chauffeur", "une styliste", "un Canadien de 32 ans") as well: a duration noun ("un
# contrat de trois ans", "un mandat de six ans", "un délai de deux mois") is none.
PERSON_NOUNS = frozenset(
    """
    homme femme garçon fille fils enfant bébé nourrisson jeune adolescent adolescente ado
    gamin gamine mère père frère sœur soeur oncle tante cousin cousine grand-mère grand-père
    mari épouse veuve veuf personne individu victime patient patiente suspect suspecte
    détenu détenue prévenu prévenue accusé accusée migrant migrante réfugié réfugiée
    étudiant étudiante élève athlète joueur joueuse attaquant attaquante défenseur gardien
    milieu capitaine entraîneur vétéran retraité retraitée ouvrier ouvrière agriculteur
    médecin infirmier infirmière acteur actrice chanteur chanteuse artiste auteur écrivain
    militant militante policier policière soldat militaire dame monsieur lycéen lycéenne
    collégien collégienne mineur mineure cadet cadette aîné aînée benjamin benjamine
    """.split()
)
PERSON_ENDINGS = ("iste", "eur", "euse", "ien", "ienne", "ant", "ante", "ois", "oise")
# Words between two amounts of one list ("dont 40 femmes et 14 mineurs").
LIST_WORDS = frozenset({"et", ",", "de", "d'", "d’"})
# Units of a period: "sur trois ans" spreads an amount over time, it is no total.
PERIOD_UNITS = frozenset({"an", "mois", "semaine", "jour", "heure", "minute", "décennie", "siècle"})
# Verbs whose infinitive is done by their object, not their subject ("le BDA suggère aux
# malades d'opter pour trois repas", "la BBC a chargé ComRes de demander", "aider MTN à
# obtenir une licence"): the object control verbs of French grammar.
OBJECT_CONTROL_VERBS = frozenset(
    """
    suggérer recommander conseiller demander inviter exhorter appeler charger autoriser
    obliger pousser encourager inciter permettre interdire ordonner contraindre aider
    forcer prier convaincre persuader enjoindre sommer habiliter mandater
    accuser soupçonner suspecter reprocher
    """.split()
)
# The marks of an infinitive complement ("accuse l'armée d'avoir tué").
DE_MARKS = frozenset({"de", "d'", "d’"})
# ... those whose subject takes part in the infinitive when no object is named ("il prévoit
# d'en construire un pour aider à loger 9 000 personnes").
HELP_VERBS = frozenset({"aider"})

# What may end a sentence: after anything else, a parser's cut before a dash or a
# lower-case word is undone (claims.sentences).
SENTENCE_FINAL = frozenset({".", "!", "?", "…", ":", ";", "»", '"', "”", ")"})

# Demonyms by country (ISO 3166 code of the knowledge base's "country"), masculine
# singular: "le club tunisien", "la société américaine" point back to a body of that
# country. Inflected by claims._demonym_forms.
DEMONYM_COUNTRIES = {
    "US": "américain", "GB": "britannique anglais écossais", "FR": "français",
    "BE": "belge", "CH": "suisse", "CA": "canadien québécois", "MA": "marocain",
    "DZ": "algérien", "TN": "tunisien", "EG": "égyptien", "SN": "sénégalais",
    "ML": "malien", "CI": "ivoirien", "BF": "burkinabè", "NE": "nigérien",
    "NG": "nigérian nigerian", "CM": "camerounais", "CD": "congolais", "GH": "ghanéen",
    "KE": "kényan kenyan", "ZA": "sud-africain", "ET": "éthiopien", "RW": "rwandais",
    "CN": "chinois", "JP": "japonais", "IN": "indien", "RU": "russe", "DE": "allemand",
    "IT": "italien", "ES": "espagnol", "PT": "portugais", "NL": "néerlandais",
    "QA": "qatari qatarien", "SA": "saoudien", "UA": "ukrainien", "AU": "australien",
    "BR": "brésilien", "SD": "soudanais", "GN": "guinéen", "TG": "togolais",
    "BJ": "béninois", "GA": "gabonais", "MG": "malgache", "ZM": "zambien",
    "AO": "angolais", "MR": "mauritanien", "SE": "suédois", "IR": "iranien",
    "IL": "israélien", "LB": "libanais", "AF": "afghan", "TD": "tchadien", "LY": "libyen",
}  # fmt: skip
# The knowledge-base types a type noun can name ("le club anglais" is no media body).
NOUN_KINDS = {
    "club": {"club"}, "équipe": {"club"}, "parti": {"party"}, "formation": {"party", "club"},
    "société": {"company", "media"}, "entreprise": {"company"},
    "firme": {"company"}, "compagnie": {"company"}, "groupe": {"company", "media", "armed_group"},
    "banque": {"company", "agency"}, "ong": {"ngo"}, "association": {"ngo", "club", "other"},
    "syndicat": {"union", "other"}, "ministère": {"ministry"}, "tribunal": {"court"},
    "cour": {"court"}, "police": {"police"}, "armée": {"military"},
    "opérateur": {"company"}, "assureur": {"company"}, "constructeur": {"company"},
    "multinationale": {"company"}, "start-up": {"company"}, "startup": {"company"},
    "plateforme": {"company", "media"},
    "organisation": {"igo", "ngo", "agency", "eu_body", "other"},
    "institution": {"igo", "agency", "eu_body", "court", "parliament"},
    "agence": {"agency", "igo", "eu_body", "media"}, "fonds": {"igo", "agency", "ngo"},
}  # fmt: skip
# What an unknown body is when its name opens with a lower-case kind noun ("le gouvernement
# malien" is no company): the first word's lemma -> its kinds.
HEAD_KINDS = {
    "gouvernement": frozenset({"government"}), "ministère": frozenset({"ministry"}),
    "armée": frozenset({"military"}), "police": frozenset({"police"}),
    "gendarmerie": frozenset({"police"}), "parlement": frozenset({"parliament"}),
    "assemblée": frozenset({"parliament"}), "sénat": frozenset({"parliament"}),
    "tribunal": frozenset({"court"}), "cour": frozenset({"court"}),
    "parti": frozenset({"party"}), "syndicat": frozenset({"union"}),
    "présidence": frozenset({"government"}), "primature": frozenset({"government"}),
}  # fmt: skip

# Forms two verbs share, where fr_core_news_md picks the one news text rarely means: the
# form -> {the lemma it gave: the lemma to use} ("la moitié vit avec moins de 2 dollars" is
# "vivre", "les symptômes durent sept jours" "durer"; the simple pasts of "voir" and
# "devoir" are literary, and keep their lemma before an infinitive).
SHARED_FORMS = {"vit": {"voir": "vivre"}, "durent": {"devoir": "durer"}}

# Marks of an infinitive of purpose ("pour loger 900 personnes").
PURPOSE_MARKS = frozenset({"pour"})
# "nous" in a quotation: the body the speaker speaks for (rule 'we_speaker').
WE_WORDS = frozenset({"nous"})
# Verbs of perception: "nous voyons deux cas par semaine" tells what is seen, no act.
PERCEPTION_VERBS = frozenset({"voir", "entendre", "sentir", "remarquer"})
# A spokesperson speaks for the body even when unnamed ("a déclaré un porte-parole de la
# Marine royale"; ruling CR7 names spokespersons).
SPOKESPERSON_NOUNS = frozenset({"porte-parole", "porte-paroles"})
