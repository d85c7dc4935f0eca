"""Word tables of the ORG linker (compact, in the style of spacy/lang/fr/lex_attrs.py)."""

from __future__ import annotations

# Titles that a person's name follows after a comma: "le directeur général de l'OMS, X,".
APPOSITION_TITLES = frozenset(
    """
    directeur directrice président présidente porte-parole secrétaire ministre chef cheffe
    patron patronne fondateur fondatrice dirigeant dirigeante coordinateur coordinatrice
    responsable entraîneur sélectionneur commissaire gouverneur
    """.split()
)
# Nouns of a work whose title follows in quotes ('son livre « X »'), and of its author, whose
# work follows "de" ("l'auteur de X").
QUOTED_WORK_NOUNS = frozenset(
    """
    livre livres article essai pièce tableau lithographie thèse mémoire poème nouvelle
    """.split()
)
AUTHOR_NOUNS = frozenset(
    """
    auteur auteure autrice co-auteur coauteur réalisateur réalisatrice compositeur compositrice
    """.split()
)
# Trades and titles of persons after a name and a comma: "X Y, professeur de ...".
PERSON_TRADES = frozenset(
    """
    professeur professeure chercheur chercheuse journaliste chanteur chanteuse rappeur rappeuse
    acteur actrice avocat avocate médecin docteur auteur autrice écrivain écrivaine
    économiste analyste sociologue historien historienne député députée sénateur sénatrice
    ancien ancienne épouse mari fils fille père mère frère sœur
    """.split()
)
# Heads of the names of treaties and laws whose acronym follows in brackets.
TREATY_HEADS = frozenset(
    """
    traité convention accord protocole pacte charte loi directive règlement déclaration
    """.split()
)
# Nouns of a body's leadership or voice: "le patron de la NFL" makes the league a body (RN8).
LEADERSHIP_NOUNS = frozenset(
    """
    nom patron patronne président présidente commissaire dirigeants direction porte-parole
    règlement décision
    """.split()
)
# Verbs (lemmas) that make their object the doer of "à" + infinitive: "a conduit la NBA à
# reprogrammer", "pousse la Liga à sanctionner" (the league acts, RN8).
CAUSATIVE_VERBS = frozenset(
    """
    conduire pousser obliger forcer contraindre amener inciter appeler exhorter encourager
    autoriser inviter
    """.split()
)
# Nouns before the name of a programme, campaign, product or work, not of a body (RN13, RN10:
# "l'émission Sporting Witness", "le documentaire X", "son roman X").
PROGRAMME_NOUNS = frozenset(
    """
    initiative programme projet campagne opération stratégie logiciel médicament application
    émission podcast documentaire roman ouvrage album série feuilleton film chanson
    lithographie tableau sculpture fresque console opéra
    """.split()
)
# Nouns of streets and squares before their name ("place Tahrir", "avenue Mohammed V"): a
# place, not a body (issue 9's "places and squares").
STREET_NOUNS = frozenset(
    """
    place square esplanade avenue boulevard rue allée quai pont rond-point carrefour
    """.split()
)
# Nouns before the name of a ship ("le navire Ocean Viking", "le cargo Ever Given"): the
# vessel, not the body that runs it. Not "pétrolier", also an oil company ("le pétrolier X").
VESSEL_NOUNS = frozenset(
    """
    navire navires bateau bateaux cargo chalutier paquebot yacht porte-conteneurs porte-avions
    voilier remorqueur frégate vraquier ferry méthanier
    """.split()
)
# Verbs (lemmas) of a work's release on machines: "sorti sur Amiga, MSX et ZX Spectrum".
RELEASE_VERBS = frozenset(
    """
    sortir publier convertir commercialiser porter éditer adapter disponible distribuer rééditer
    """.split()
)
# Words between "sur" and the names of a list of machines ("sur Amiga, MSX et ZX Spectrum").
LIST_WORDS = frozenset({",", "et", "ou"})
# Nouns before a website's name: "sur le site X", "sur les forums X" (ANNOTATION.md: websites
# named as places are no bodies; "le site X publie" is a medium that acts).
WEBSITE_NOUNS = frozenset({"site", "sites", "forum", "forums"})
WEBSITE_DETS = frozenset({"le", "les", "son", "ses", "leur", "leurs", "un", "des"})
# Words between "sur" and a platform in a list: "sur des sites comme Facebook, Instagram ou X",
# "sur son Instagram" (RA1).
PLATFORM_LIST_WORDS = frozenset(
    """
    , et ou comme des les ses leurs sites réseaux sociaux plateformes applications tels telles
    que son sa leur mon ma notre votre
    """.split()
)
# Prepositions of the place a message is posted: "publié sur Facebook", "via WhatsApp" (RA1).
POSTING_PREPOSITIONS = frozenset({"sur", "via"})
# Nouns of a kind of platform, app or site, whose examples after "comme" are its products (RA2):
# "des applications comme TikTok", "les plateformes gratuites comme X, Y et Z"; a network is
# one only when social ("des réseaux sociaux comme X").
EXAMPLE_KIND_NOUNS = frozenset(
    """
    plateforme plateformes application applications appli applis app apps site sites service
    services messagerie messageries
    """.split()
)
SOCIAL_NETWORKS = frozenset({"réseau", "réseaux"})
SOCIAL = frozenset({"social", "sociaux"})
# Words that make "que" open the examples of a kind: "des services tels que X".
SUCH_AS = frozenset({"tel", "tels", "telle", "telles"})
# Lower-case kind nouns that stay out of the name right after them (RA4, RN11: the name alone):
# "le groupe Wagner", "le parti Baas", "le réseau Fare", "l'agence Frontex". Heads that are
# part of the name in lower case stay ("université Tufts", "administration Biden", RN5).
NAME_KIND_NOUNS = frozenset(
    """
    groupe parti réseau société agence mouvement entreprise compagnie firme start-up startup
    syndicat collectif coalition alliance milice association organisation fondation
    """.split()
)
# Marks that join two makers into one name: "Pfizer-BioNTech", "BioNTech/Pfizer" (RA3).
JOINT_MARKS = frozenset({"-", "/"})
# Nouns of a town or region before "de"/"à" and its name: "la ville de X" is the place.
TOWN_NOUNS = frozenset(
    """
    ville villes région province quartier capitale banlieue port village commune localité
    district comté état
    """.split()
)
# Ordinals without the "-ième" ending, before a treaty, war or event ("la Première Guerre").
ORDINALS = frozenset(
    """
    premier première premiers premières second seconde secondes
    """.split()
)
# Titles whose portfolio follows, and the links between them: "le ministre de l'Administration
# territoriale" names a title, not a body.
TITLE_WORDS = frozenset(
    """
    ministre ministres secrétaire ministère vice-ministre commissaire
    """.split()
)
TITLE_LINKS = frozenset(
    """
    de du des d' d’ la l' l’ le les à au aux
    """.split()
)
# Words between a title and its portfolio: "ministre ivoirien de l'...",
# "ministre délégué à la ...",
# "secrétaire d'État à la ..."
TITLE_QUALIFIERS = frozenset(
    """
    adjoint adjointe délégué déléguée état etat général générale chargé chargée
    """.split()
)
# Abbreviations whose final "." is part of the written name ("Warner Bros.", "Atari Inc.").
ABBREVIATIONS = frozenset(
    """
    Inc Ltd Co Corp Bros Jr Sr St Cie Ste Mgr Dr
    """.split()
)
# Determiners of an apposition that classes a name: "X, un jeu", "X et Y, deux protocoles".
THING_DETS_INDEFINITE = frozenset({"un", "une", "des", "deux", "trois", "quatre", "cinq"})
# Participles that give a thing its name: "un pneu baptisé X", "connue sous le nom de X".
NAMING_PARTICIPLES = frozenset(
    """
    appelé appelée appelés appelées baptisé baptisée baptisés baptisées nommé nommée dénommé
    dénommée surnommé surnommée connu connue connus connues
    """.split()
)
# Definite articles of one name: "la NBA", "le patron", "l'ONU".
SINGULAR_DETS = frozenset({"la", "le", "l'", "l’"})
# Words of a photo credit line, which the NER reads as part of a name.
CREDIT_WORDS = frozenset({"Credit", "Credits", "Crédit", "Crédits", "Copyright"})
# Words after a credit word in a caption: "Crédit photo : AFP", "Credit image: X".
CREDIT_NEXT = frozenset({"photo", "photos", "image", "images", "©"})
# Lower-case nouns, besides the institution heads, that may start a body's name as a
# statistical model reads it: "orchestre philharmonique de Vienne", "ordre des médecins"
# ("le club de Lens" is not one: the club's name is "Lens", RN1).
LOWER_BODY_NOUNS = frozenset(
    """
    orchestre ordre académie compagnie troupe chœur église
    """.split()
)
# The article of a name that starts with one, from the word written before the name
# ("du Figaro" -> "Le Figaro", "aux Échos" -> "Les Échos"; corpus/GUIDELINES.md O5).
NAME_ARTICLES = {"du": "Le ", "au": "Le ", "le": "Le ", "des": "Les ", "aux": "Les ",
                 "les": "Les ", "la": "La ", "l'": "L'", "l’": "L'"}
# Determiners before a capitalised singular common noun that names a thing, a title or an
# event, not a body: "l'Arabica", "son Baccalauréat", "la Constitution", "du Mondial".
THING_DETS = frozenset(
    """
    l' l’ le la du au son sa leur ce cet cette
    """.split()
)
# Words a spelt-out name may hold between its initials: "trouble de stress post-traumatique".
SPELT_LINKS = frozenset(
    """
    de d' d’ du des à au aux pour sur contre en et of for and the on in -
    """.split()
)
# Determiners that end the search back from an acronym for the words that spell it out.
SPELT_STOPS = frozenset(
    """
    la le les l' l’ un une ce cette ces son sa ses leur leurs the a an
    """.split()
)
# Verbs (lemmas) whose bare object is a device: "si vous utilisez Apple", "si vous avez Apple".
DEVICE_VERBS = frozenset({"utiliser", "avoir", "posséder"})
# Plural articles before a team's nickname: "les Knicks", "des Ducks", "aux Penguins".
PLURAL_ARTICLES = frozenset({"les", "des", "aux"})
# Nouns of a person's trade or role that name a person right after them, maybe with one or two
# adjectives between ("la chanteuse barbadienne X", "l'artiste local X", "le producteur X").
PERSON_ROLES = frozenset(
    """
    chanteur chanteuse rappeur rappeuse artiste musicien musicienne acteur actrice comédien
    comédienne animateur animatrice présentateur présentatrice producteur productrice
    compositeur compositrice parolier parolière écrivain écrivaine romancier romancière poète
    poétesse peintre photographe styliste mannequin humoriste danseur danseuse guitariste
    bassiste batteur saxophoniste trompettiste pianiste violoniste cinéaste dramaturge
    sculpteur sculptrice chorégraphe influenceur influenceuse youtubeur youtubeuse footballeur
    footballeuse basketteur basketteuse boxeur boxeuse catcheur catcheuse cycliste nageur
    nageuse athlète sprinteur sprinteuse skieur skieuse tennisman tenniswoman rappeurs
    chanteurs chanteuses artistes acteurs actrices
    """.split()
)
# Words written before a stage name that make it a person's: "DJ X", "MC X".
PERSON_PREFIXES = frozenset({"DJ", "MC", "Dj"})
# Nouns of a work made from another, before "de" and its title: "les remakes de X" (a game),
# "un portage de X": the name after them is the work, not its maker.
WORK_OF_NOUNS = frozenset(
    """
    remake remakes portage portages reboot
    """.split()
)
# Capitalised articles that open a work's title in quotes: '" Le Déclin de l'Occident "'.
TITLE_ARTICLES = frozenset({"Le", "La", "L'", "L’", "Les", "Un", "Une"})
# The most tokens of a work's title in quotes.
MAX_TITLE_TOKENS = 14
# Lower-case prefixes that make an adjective of a name: "les rebelles anti-Kiev", "un
# candidat pro-Moscou"; the word is a stance, no body's name.
STANCE_PREFIXES = frozenset({"anti", "pro", "pré", "post", "néo", "ultra", "pan"})
# Nouns of attacks, storms and other events that a naming participle gives a name, besides
# the lexicon's thing nouns: "une cyberattaque appelée X", "un cyclone baptisé X".
NAMED_EVENT_NOUNS = frozenset(
    """
    cyberattaque cyberattaques cyber-attaque attaque attaques piratage rançongiciel rançongiciels
    malware maliciel tempête tempêtes cyclone ouragan typhon tornade séisme
    """.split()
)
# Endings of the Latin species word after a genus: "Acer pensylvanicum", "Octopus vulgaris",
# "Pseudomonas aeruginosa" (only words that are no French ones; not "-ica", the ending of
# Latin titles too: "Politica hermetica" is a journal).
LATIN_ENDINGS = ("us", "um", "is", "ae", "ii", "ensis", "icum", "osa", "atus", "oides")
# Nouns of an event or a work that a name right after them names ("le festival Afro Nation",
# "le salon X", "le sommet X", "l'album X"): no body (ANNOTATION.md: events, conferences,
# competitions; RN9 keeps a body inside such a name, which the knowledge base knows).
EVENT_NAME_NOUNS = frozenset(
    """
    festival festivals fête salon sommet forum tournoi concours marathon colloque conférence
    album film chanson série documentaire émission podcast roman
    """.split()
)

# Things a firm's trade is named by after "le géant du ...": "le géant du logiciel X" is the
# firm X, not a programme called X.
FIRM_TRADES = frozenset({"logiciel", "logiciels", "technologie", "technologies", "jeu", "jeux"})
