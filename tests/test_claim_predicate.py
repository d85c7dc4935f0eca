"""The predicate slot of claim frames (pipeline/claim_predicate.py): one row per rule."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dechiffre.pipeline.claim_predicate import predicate_lemma, predicate_of
from dechiffre.pipeline.claim_syntax import _anchor


def _predicate(nlp: Language, text: str, amount: str) -> tuple[str | None, str]:
    doc = nlp(text)
    (span,) = [e for e in doc.ents if e.label_ == "QUANTITY" and e.text == amount]
    return span._.dechiffre_claim["predicate"], span._.dechiffre_claim_rules["predicate"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "amount", "predicate", "rule"),
    [
        # the amount is a copula's nominal predicate: the copula says what it is
        ("Le prix du sac de riz est d'environ 30 dollars.", "environ 30 dollars", "être",
         "copula"),
        ("Selon les chercheurs, le taux de guérison était de 85 %.", "85 %", "être", "copula"),
        # ... a cleft: the relative's verb
        ("Ce sont seulement une trentaine de détenus qui ont été libérés.", "une trentaine",
         "libérer", "cleft"),
        # ... a count of what a relative says: that verb
        ("Le nombre de migrants qui arrivent chaque mois est d'environ 2 000 personnes.",
         "environ 2 000", "arriver", "counted_subject"),
        # the subject of a copula: the copula, or the participle the adjective is
        ("Selon l'OMS, 150 pays sont signataires du traité.", "150", "être", "copula"),
        ("Le ministre affirme que 40 soldats sont blessés.", "40", "blesser",
         "verb"),
        ("Selon la ligue, 300 joueurs sont vaccinés.", "300", "vacciner", "copula_participle"),
        # an aspect verb's subject takes the infinitive
        ("Des centaines de familles continuent de quitter la région.", "Des centaines",
         "quitter", "aspect"),
        # a modal's infinitive keeps its reflexive, even parsed as an object
        ("Les 50 candidats devaient s'inscrire avant lundi.", "50", "s'inscrire", "modal"),
        # a later item of a list of objects, hung on the verb before the list, takes the
        # first item's verb (two parses of the list)
        ("La police dit avoir récupéré 40 millions de dollars en espèces, 13 voitures de luxe "
         "d'une valeur de 6,8 millions de dollars, 21 ordinateurs, 47 smartphones et des "
         "milliers d'adresses.", "13", "récupérer", "listed+verb"),
        ("La police dit avoir récupéré 40 millions de dollars en espèces, 13 voitures de luxe "
         "d'une valeur de 6,8 millions de dollars, 21 ordinateurs, 47 smartphones et des "
         "milliers d'adresses.", "47", "récupérer", "listed+verb"),
        # ... also an infinitive the tagger read as a noun, and the copula of an attribute
        ("Près de 70 pays ne pourront vacciner qu'une personne sur dix.", "Près de 70",
         "vacciner", "modal"),
        ("Cette année, le nombre de femmes qui travaillent devrait être inférieur aux chiffres de "
         "2019 dans 169 pays.", "169", "être", "modal"),
        # an amount compared with "contre" takes the predicate of the amount it is compared with
        ("Le prix du blé est de 300 euros la tonne, contre 250 euros en janvier.",
         "250 euros", "être", "compared+copula"),
        # a finite verb right before the amount, with no object, governs it
        ("La ligue, qui compte 18 clubs, commence samedi.", "18", "compter", "verb_before"),
        ("Le Sénégal importe 70 % de son riz.", "70 %", "importer", "verb_before"),
        ("Le club compte 12 points.", "12", "compter", "verb_before"),
        # a counted object the parser hung from the day or month dating the act
        ("La Marine royale a secouru dimanche 85 migrants au large de Tarfaya.", "85",
         "secourir", "dated_object"),
        ("La Marine royale a secouru le 3 mars 85 migrants.", "85", "secourir", "dated_object"),
        # a class or a range of ages only describes people
        ("Le vaccin est recommandé chez les plus de 65 ans.", "plus de 65 ans", None, "age"),
        ("Il joue avec les moins de 20 ans.", "moins de 20 ans", None, "age"),
        ("Ils recrutent des hommes âgés de 18 à 45 ans.", "de 18 à 45 ans", None, "age"),
        ("Agé de 70 ans, il reste candidat.", "70 ans", None, "age"),
        ("Desmond Muokwudo, un étudiant nigérian de 30 ans qui a récemment fui l'Ukraine, a "
         "passé 11 ans à économiser.", "30 ans", None, "age"),
        ("Alors qu'elle passait devant le Palais législatif avec ses fils Ellery (20 ans) et "
         "Ian (15 ans), elle leur a dit ceci.", "15 ans", None, "age"),
        ("Lire aussi: Un jeune d'une vingtaine d'années y a rendez-vous avec une infirmière.",
         "une vingtaine d'années", None, "age"),
        ("Le fonds de pension a versé 12 millions d'euros sur une durée de 30 ans.", "30 ans",
         "verser", "verb"),
        # ... and so does the age at which something happened (ruling CR4)
        ("Elle meurt à l'âge de 90 ans.", "90 ans", None, "age"),
        ("À 19 ans, elle a remporté trois médailles d'or.", "19 ans", None, "event_age"),
        ("Il a quitté la maison et rejoint l'armée à 17 ans pour fuir.", "17 ans", None,
         "event_age"),
        # ... not a sentence, nor "avoir" with an age
        ("Il a été condamné à 20 ans.", "20 ans", "condamner", "verb"),
        ("Il avait 24 ans.", "24 ans", "avoir", "copula"),
        # a count hung on an adjective of "avoir"'s argument is still had (CR2); a size
        # inside the argument only describes
        ("« Je suis une mère au foyer. J'ai deux jeunes enfants qui faisaient l'école à "
         "domicile. »", "deux", "avoir", "argument_noun"),
        ("Les sept autres ont leur propre monnaie, aucune n'est librement convertible.",
         "sept", "avoir", "verb"),
        ("Le baron de la drogue avait un empire de plusieurs milliards de dollars.",
         "plusieurs milliards de dollars", None, "light_verb"),
        # the "de"/"à" amount of a verb of change, however it hangs
        ("Le plan réduira la dette publique de plus de 10 %.", "plus de 10 %", "réduire",
         "change_by"),
        ("Le gouvernement veut abaisser l'âge du vote de 18 à 16 ans.", "18", "abaisser",
         "change_by"),
        # a title line with no finite verb says nothing happened, unless a participle does
        ("Trois choses à savoir sur le paludisme\nLe paludisme tue encore.", "Trois", None,
         "headline"),
        ("Deux vaccins approuvés au Kenya\nLes autorités ont donné leur accord.", "Deux",
         "approuver", "participle"),
        # a "dont" part with no verb of its own takes its whole's
        ("Plus de 2 000 migrants sont arrivés en Italie, dont 300 enfants.", "300", "arriver",
         "whole+verb"),
        ("Le fonds a versé 50 millions d'euros, dont un tiers sera consacré à la santé.",
         "un tiers", "consacrer", "verb"),
        # ... a title line's finite verb says it
        ("L'innovation qui fournira de l'électricité à 100 000 personnes\nLe projet démarre.",
         "100 000", "fournir", "argument_noun"),
        # ... and a part with a verb after it keeps its own
        ("Les ventes ont atteint 9 milliards de dollars, dont 5 milliards vont vers l'Europe.",
         "5 milliards", "aller", "verb"),
        ("Les plaintes de 300 victimes, dont cinq décédées, ont été rejetées.", "cinq",
         "décéder", "verb"),
        # a copula before a counted noun with its participle: the participle says it
        ("C'est 400 000 tentatives bloquées chaque jour.", "400 000", "bloquer", "participle"),
        ("Son efficacité n'est que de 30 % environ.", "30 % environ", "être", "copula"),
        # a noun that names a value the amount measures is no event: its verb is
        ("L'essai a montré une protection de 90 % chez les adultes.", "90 %", "montrer",
         "argument_noun"),
        ("Les élus doivent rembourser une allocation de 5 millions de francs.",
         "5 millions de francs", "rembourser", "argument_noun"),
        # a reflexive of any person ("je m'allonge") is written as "s'allonger"
        ("« Je m'allonge sur le sol pendant neuf minutes », dit-elle.", "neuf minutes",
         "s'allonger", "verb"),
        # a stretch of time's verb says what happened in it
        ("Tout joueur positif devra s'isoler pendant une période de sept jours.",
         "sept jours", "s'isoler", "verb"),
        ("Plus de 500 recours seront examinés dans un délai de deux mois.", "deux mois",
         "examiner", "verb"),
        # a light verb the parser made the auxiliary of its bare noun keeps its lemma
        ("Environ 2 millions d'élèves ont droit à des repas gratuits.", "Environ 2 millions",
         "avoir", "light_noun"),
        # a participle that names the thing is no event
        ("Le rapport de 80 pages intitulé « Villes durables » sera publié lundi.", "80",
         "publier", "argument_noun"),
        # a title line the parser ran into the next sentence: the verb past the break is
        # not the title's
        ("Trois choses à savoir sur le paludisme\n\nLa maladie a tué 600 000 personnes en 2022.",
         "Trois", None, "headline"),
        # a counted subject the parser made a conjunct of the verb before takes its own verb
        ("Plus de 3 000 cas ont été enregistrés dans la région et plus de 120 personnes sont "
         "décédées.", "plus de 120", "décéder", "lost_subject"),
        # "au bout de" is a stretch of time: the verb says what happened then
        ("Au bout de deux semaines, les joueurs ont repris l'entraînement.", "deux semaines",
         "reprendre", "verb"),
        # the age at which something happened describes the person (ruling CR4)
        ("À l'âge de 12 ans, il a quitté son village pour la capitale.", "12 ans", None,
         "describes"),
        ("Le chanteur est décédé dimanche à l'âge de 81 ans.", "81 ans", None, "describes"),
        # ... but not an age limit, nor a verb after the comma that has no subject of its own
        ("L'allaitement réduit la mortalité de 13 % jusqu'à l'âge de cinq ans, prévient les "
         "diarrhées.", "cinq ans", None, "describes"),
        # "il y a N": what there is, said by "avoir"
        ("Il y a 40 écoles dans la commune.", "40", "avoir", "existential"),
        ("Au Royaume-Uni, il y a quatre millions de doses prêtes à être utilisées, et 96 "
         "millions de doses supplémentaires doivent être distribuées.", "quatre millions",
         "avoir", "existential"),
        # ... and where the parse reads it so already, the rule that did
        ("Selon la police, il y a eu 12 blessés.", "12", "avoir", "verb"),
        # a participle on the noun a number noun counts, on an oblique amount, also before
        # a modal, and in another preposition's phrase under an event noun
        ("Le vaccin est déjà largement utilisé, avec environ 2 millions de doses "
         "administrées.", "environ 2 millions", "administrer", "participle"),
        ("On estime que pour 100 personnes testées, dix pourraient tomber malades.", "100",
         "tester", "participle"),
        ("La cause de la mort dans 300 cas signalés cette année reste inconnue.", "300",
         "signaler", "participle"),
        # a first-group verb in "-urer" the tagger read as a noun is no "-clure" infinitive
        ("Elle facture environ 5 500 dollars pour son forfait de base.",
         "environ 5 500 dollars", "facturer", "noun_as_verb"),
        # a stretch of time counted of an event named right after it: that event; the
        # length of an event noun only describes it
        ("Après deux ans de course quotidienne, il a voulu relever un nouveau défi.",
         "deux ans", "course", "span_of_event"),
        ("Le joueur sort de six mois de détention.", "six mois", "détention", "span_of_event"),
        ("Le gouvernement a imposé un confinement de trois semaines dans la capitale.",
         "trois semaines", None, "event_length"),
        # ... not a term an adjective allows
        ("La pratique est passible de trois ans d'emprisonnement.", "trois ans", None, "none"),
        # ... also the bare event noun a light verb takes as object
        ("Le joueur a annoncé qu'il ferait don de 5 millions de francs CFA aux écoles.",
         "5 millions de francs CFA", "faire", "light_noun"),
        # a bare fraction after a comma takes the predicate of the amount it shares out
        ("Plus de 20 000 volontaires ont été impliqués, la moitié au Royaume-Uni, le reste au "
         "Brésil.", "la moitié", "impliquer", "whole+verb"),
        # "à hauteur de N": the verb the locution hangs from, through the nouns between
        ("L'État va contribuer à hauteur de 20 millions d'euros au projet.",
         "20 millions d'euros", "contribuer", "up_to"),
        ("Ses achats proviennent de la Russie à hauteur de 45 %.", "45 %", "provenir",
         "up_to"),
        # a noun that ends like an event but names a state or a thing is none
        ("Le prix variera en fonction de trois facteurs.", "trois", None, "describes"),
        ("Un groupe a donné une collection de près de 500 000 livres à la bibliothèque.",
         "près de 500 000 livres", "donner", "argument_noun"),
        # "ne ... que N": the verb the restriction is on
        ("Le club n'a remporté que trois matchs cette saison.", "trois", "remporter",
         "restrictive"),
        ("L'entreprise ne génère que 5 millions d'euros de chiffre d'affaires.",
         "5 millions d'euros", "générer", "restrictive"),
        # a counted subject the parser made an expletive is still the copula's subject;
        # not one in a preposition's phrase (there a known set: rule 'known_set')
        ("Il n'a marqué que cinq fois en 21 matches, mais deux de ces buts ont été cruciaux.",
         "deux", "être", "copula"),
        ("Il estime que 40 % des élèves, selon lui, sont absents.", "40 %", "être", "copula"),
        ("Et tout ce qui se trouve entre les deux est généralement plus industriel.", "deux",
         None, "known_set"),
        # the counted subject of a "que" clause hung on the verb before "que": the clause's
        # own verb or participle
        ("Le gouverneur de la région de Kayes a déclaré que 14 des 30 personnes arrêtées dans "
         "la nuit de samedi, sont \"malheureusement mortes en détention\".", "14", "mourir",
         "copula_participle"),
        ("Lire aussi : Et l'AFP rapporte que plus de 3 000 entreprises au Kenya sont touchées, "
         "en plus de nombreuses autres.", "plus de 3 000", "toucher", "lost_clause"),
        # an event noun of a value (a loss, a payment, damage) that is a verb's argument
        # takes that verb; alone, it keeps the noun
        ("La banque avait essuyé une perte de 4,2 milliards de francs en 2021.",
         "4,2 milliards de francs", "essuyer", "argument_noun"),
        ("Le virus s'est répandu, causant des dommages d'environ 3 milliards de dollars.",
         "environ 3 milliards de dollars", "causer", "argument_noun"),
        ("Les actionnaires pourraient subir des pertes deux fois plus importantes.",
         "deux fois", "subir", "argument_noun"),
        # ... as does a transaction noun's sum (CR5), not under another noun
        ("Le Laos a dû contracter un prêt de 480 millions de dollars auprès d'une banque "
         "chinoise.", "480 millions de dollars", "contracter", "argument_noun"),
        ("Il réclame une compensation d'environ 17 000 euros à RWE.", "environ 17 000 euros",
         "réclamer", "argument_noun"),
        ("En octobre, une société a envoyé une facture de 400 millions de francs CFA à la Caf.",
         "400 millions de francs CFA", "envoyer", "argument_noun"),
        ("Un prêt de 2 milliards de dollars a été accordé au pays.", "2 milliards de dollars",
         "accorder", "argument_noun"),
        ("Le FMI a conditionné l'octroi d'un prêt de 2 milliards de dollars à des réformes.",
         "2 milliards de dollars", "prêt", "event_noun"),
        ("Les pirates ont obtenu des paiements énormes, parfois de plusieurs millions de "
         "dollars.", "plusieurs millions de dollars", "obtenir", "verb"),
        ("Une déshydratation légère - une perte de 2 % d'eau - peut altérer la mémoire.",
         "2 %", "perte", "event_noun"),
        # a bound or a difference a comparative adjective sets takes its copula; inside a
        # noun phrase it only describes (ruling CR6)
        ("Les températures étaient bien supérieures à 45°C à Doha.", "45°C", "être",
         "threshold_copula"),
        ("Le ministre estime que la part des femmes est inférieure à 15 %.", "15 %", "être",
         "threshold_copula"),
        ("Ce chiffre est supérieur de 148 millions à celui de 2019.", "148 millions", "être",
         "threshold_copula"),
        ("L'entreprise peut tolérer des températures supérieures d'au moins 8°C.",
         "au moins 8°C", None, "threshold"),
        # a partitive that opens a clause after a fronted phrase: the clause's verb, past an
        # aside between dashes or a relative
        ("Lors de la dernière phase finale au Maroc en 2015, 12 des 16 entraîneurs étaient "
         "étrangers.", "12", "être", "fronted_subject"),
        ("Entre mars et juin, seuls cinq de ses confrères dans trois villes - Abidjan, Bouaké "
         "et Korhogo - ont signalé 40 cas.", "cinq", "signaler", "fronted_subject"),
        # a subject the parser cut off at the dash of an aside: the verb after the aside
        ("Une seule entreprise - la société Alpha - détient plus de la moitié du marché.",
         "Une seule", "détenir", "dash_subject"),
        ("Trois femmes - une Française, une Rwandaise et une Japonaise - font partie des "
         "arbitres.", "Trois", "faire", "dash_subject"),
        ("Le 6 mars, quatre civils - une femme, son fils et deux amis - ont tous été tués par "
         "des tirs.", "quatre", "tuer", "dash_subject"),
        # ... not an amount inside an aside that the parser cut off at its closing dash
        ("Les bandes les plus élevées - de 3,5 GHz à 26 GHz et au-delà - ont beaucoup de "
         "capacité, mais leur portée est plus faible - elles sont plus facilement bloquées par "
         "les murs.", "de 3,5 GHz à 26 GHz", None, "none"),
        # a verbless aside after a dash restates what comes before it: that amount's
        # predicate, or the predicate of the noun phrase the dash follows
        ("Les inondations ont porté le bilan à plus de 1 350 morts - avec près de 6 000 "
         "blessés au total.", "près de 6 000", "porter", "dash_aside+argument_noun"),
        ("L'armée a déployé 3 000 soldats dans le nord - environ un tiers de ses effectifs.",
         "environ un tiers", "déployer", "dash_aside+verb"),
        ("La ville abritait une population comparable à celle de Londres - environ 20 000 "
         "personnes à son apogée.", "environ 20 000", "abriter", "dash_aside+argument_noun"),
        # a stretch of time after "pendant"/"en" hung on a verb's object: the verb's adverbial
        ("La Grèce a bloqué l'adhésion de la Macédoine pendant dix ans.", "dix ans", "bloquer",
         "duration_adjunct"),
        ("La collaboration a permis trois opérations conjointes en 18 mois.", "18 mois",
         "permettre", "duration_adjunct"),
        # ... or on the verb's adverbial, with no other verb between them
        ("Les vols commerciaux ont repris en août pour la première fois en plus de 50 ans.",
         "plus de 50 ans", "reprendre", "duration_adjunct"),
        ("Chaque semaine régulièrement pendant deux ans, Saddam offrait son bras à une "
         "infirmière.", "deux ans", "offrir", "duration_adjunct"),
        ("Nous constatons que des symptômes peuvent durer plus longtemps, dans certains cas "
         "pendant 30 jours.", "30 jours", None, "describes"),
        # a clause with its verb left out takes the verb of an earlier amount (gapping)
        ("Le Liban importe 80 % de son blé d'Ukraine et l'Inde 76 % de son huile de "
         "tournesol.", "76 %", "importer", "gapped+verb_before"),
        ("L'Espérance compte sept points, le Raja en a six, la Kabylie trois, et l'AS Vita "
         "Club un.", "trois", "avoir", "gapped+verb"),
        ("L'Espérance compte sept points, le Raja en a six, la Kabylie trois, et l'AS Vita "
         "Club un.", "un", "avoir", "gapped+verb"),
        ("Le Kenya a exporté 300 000 tonnes de thé en 2020 et l'Ouganda 60 000 tonnes.",
         "60 000 tonnes", "exporter", "verb"),
        # a counted noun the parser hung on a noun before it is the subject of the copula
        # after it
        ("Selon des chiffres compilés par l'Agence France-Presse, 2 500 migrants sont morts "
         "en Méditerranée.", "2 500", "mourir", "event_noun"),
        # a verb read as a noun governs the amount across a time adverb
        ("Au total, la province compte désormais 48 206 cas confirmés.", "48 206", "compter",
         "verb_before"),
        # ... also an amount that is the subject of the left-out verb, after "et"
        ("Sur les 3 500 migrants arrivés en août, 1 200 étaient des mineurs non accompagnés et "
         "300 des femmes.", "300", "être", "gapped+copula"),
        # a restatement ("l'équivalent de") takes the verb of what it restates
        ("En 2020, le pays a perdu 97 800 hectares de forêt, soit l'équivalent de 59,5 "
         "millions de tonnes de CO2.", "59,5 millions de tonnes", "perdre", "argument_noun"),
        ("Il a proposé 44 milliards de dollars, l'équivalent de 28 000 milliards de francs "
         "CFA, pour Twitter.", "28 000 milliards de francs CFA", "proposer", "verb"),
        ("Le champ couvre une superficie de 6 000 km², soit l'équivalent de la moitié du "
         "pays.", "la moitié", "couvrir", "verb"),
        # the size or length of a verb's argument only describes it (CR5), not a bound's
        # nor a transaction noun's, nor the "de" of a verb of change
        ("Bridgestone entretient une parcelle expérimentale de 114 hectares en Arizona.",
         "114 hectares", None, "thing_size"),
        ("Les images satellite montrent une fosse commune de 14 mètres près de l'église.",
         "14 mètres", None, "thing_size"),
        ("Une élection lui donne un nouveau mandat de six ans.", "six ans", None, "thing_size"),
        ("Il existe des études de cinq ans sur la perte de poids.", "cinq ans", None,
         "thing_size"),
        ("Les jeûneurs essaient de laisser un intervalle de 16 heures.", "16 heures", "laisser",
         "argument_noun"),
        ("Lampard a signé un contrat de trois ans avec les Blues.", "trois ans", "signer",
         "argument_noun"),
        ("Certains peuvent faire augmenter leur taille de 6 cm.", "6 cm", "augmenter",
         "change_by"),
        ("Ils avaient trouvé plus de 90 carcasses en un peu plus d'un mois.",
         "un peu plus d'un mois", "trouver", "argument_noun"),
        # an amount in an adverbial of an adjective after a copula: the copula; not the
        # "de" complement of a superlative
        ("Le ministre affirme que les relations n'avaient jamais été aussi mauvaises depuis "
         "40 ans.", "40 ans", "être", "copula_adjective"),
        ("Selon l'OMS, la maladie est mortelle pour une personne sur dix.",
         "une personne sur dix", "être", "copula_adjective"),
        ("Le chercheur précise que le variant est aussi présent dans 20 pays.", "20", "être",
         "copula_adjective"),
        ("Elle était la plus jeune de trois enfants.", "trois", None, "none"),
        # a distance that a participle of location governs only says where a noun is
        ("Les réfugiés vivent dans un camp situé à 30 km de la frontière.", "30 km", None,
         "location"),
        ("Taïwan est une île située à environ 180 km des côtes chinoises.", "environ 180 km",
         None, "location"),
        ("Le missile peut parcourir 2 000 km en dix minutes.", "2 000 km", "parcourir", "verb"),
        # ... not a dash that opens a new sentence
        ("Le séisme a fait 1 350 morts. - Près de 6 000 blessés dans la région.",
         "Près de 6 000", None, "none"),
        # how far a place lies, set off by a comma, only says where it is
        ("Le blessé a été évacué vers Goma, à 200 km de là.", "200 km", None, "away_from"),
        ("Elle a grandi à Lyon, à deux heures de Paris.", "deux heures", None, "away_from"),
        # ... an event at a distance keeps its verb
        ("Le bateau a coulé à 5 km de la côte.", "5 km", "couler", "verb"),
        # a count of a known set in a preposition's phrase only says where, with whom or
        # of what
        ("Le traité exige un accord entre les deux pays.", "deux", None, "known_set"),
        ("Le ministre vit à Dakar avec ses trois enfants.", "trois", None, "known_set"),
        ("Des patrouilles ont été déployées dans les 12 provinces du pays.", "12", None,
         "known_set"),
        # ... not the agent of a passive, the total of a partitive or a core argument
        ("La réforme doit être ratifiée par les 27 parlements.", "27", "ratifier", "verb"),
        ("Le journal a interrogé chacun des cinq candidats.", "cinq", "interroger", "verb"),
        ("Elle a élevé seule ses quatre enfants.", "quatre", "élever", "verb"),
        # an amount a measure noun measures as the object of "avoir" takes "avoir"; a thing
        # that it only describes does not
        ("Le nouveau barrage aura une capacité de 300 millions de mètres cubes.",
         "300 millions de mètres cubes", "avoir", "argument_noun"),
        ("Selon le fabricant, le vaccin a un taux d'efficacité de 95 %.", "95 %", "avoir",
         "verb"),
        ("Le nouveau vaccin a une efficacité de 75 %.", "75 %", "avoir", "argument_noun"),
        ("Le trafiquant avait une villa de 40 pièces.", "40", None, "light_verb"),
        # a penalty the parser hung on the noun before it: the verb that hands it out
        ("La commission a décidé de punir la Fédération tunisienne de football d'une amende "
         "de 50 000 dollars.", "50 000 dollars", "punir", "sanction"),
        ("Le club écope d'une amende de 20 000 euros et devra jouer à huis clos.",
         "20 000 euros", "écoper", "sanction"),
        ("Le montant de l'amende de 50 000 euros reste inconnu.", "50 000 euros", None,
         "describes"),
        # one member of a counted group: the group's relative says what its count is of
        ("Amina fait partie des 40 familles qui vivent encore dans le camp.", "40", "vivre",
         "member_relative"),
        ("Il est l'un des 3 000 étudiants qui ont quitté le pays.", "3 000", "quitter",
         "member_relative"),
        # ... "parmi" only after "être"
        ("Le magazine a inclus la ville parmi les 20 capitales qui attirent le plus de "
         "touristes.", "20", "inclure", "verb"),
        # "avoir accès à": one verb, whose subject and "à" complement take "avoir"
        ("Selon le rapport, les 10 % les plus riches ont accès à 70 % des terres.", "70 %",
         "avoir", "light_noun"),
        ("Les chercheurs ont eu accès à plus de 2 000 documents internes.", "plus de 2 000",
         "avoir", "light_noun"),
        ("La réforme permettra aux patients d'avoir accès à des centaines de médicaments.",
         "des centaines", "avoir", "light_noun"),
        # a counted noun outside the verb's core arguments takes its own subject relative;
        # not after "parmi", nor a "dont" part
        ("Les bénévoles distribuent des repas aux centaines de familles qui sont venues au "
         "centre.", "centaines", "venir", "own_relative"),
        ("La vidéo a obtenu 2 millions de vues dans les 24 heures qui ont suivi sa sortie.",
         "24 heures", "suivre", "own_relative"),
        ("Le classement place la ville parmi les 20 capitales qui polluent le plus.", "20",
         "placer", "verb"),
        ("Le pays a ouvert douze centres, dont quatre qui pourront accueillir des enfants.",
         "quatre", "ouvrir", "whole+verb"),
        # nouns of an event whose ending does not tell
        ("Le gouvernement a annoncé l'envoi de 300 policiers supplémentaires dans la région.",
         "300", "envoi", "event_noun"),
        ("Le budget prévoit un déficit de 4,2 % du PIB.", "4,2 %", "déficit", "event_noun"),
        # how often: the verb right before it in its clause
        ("Les joueurs continueront à être testés deux fois par semaine, la capacité étant "
         "portée à 60 tests.", "deux fois", "tester", "frequency"),
        ("Autrefois, une famille pouvait avoir un poulet une fois par mois.", "une fois",
         "avoir", "frequency"),
        ("Avec des contrôles réguliers, environ trois fois par an, la situation reste stable.",
         "environ trois fois", "rester", "verb"),
        # a share that opens a clause after a fronted phrase takes the clause's verb
        ("Dans 8 pays sur 10, 40 % ou plus des jeunes interrogés affirment qu'ils veulent "
         "partir.", "40 % ou plus", "affirmer", "fronted_subject"),
    ],
)  # fmt: skip
def test_predicate_kinds(
    nlp: Language, text: str, amount: str, predicate: str | None, rule: str
) -> None:
    assert _predicate(nlp, text, amount) == (predicate, rule)


def _parsed(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """A Doc with the parse given: (word, lemma, pos, dep, head, morph) per token."""
    words, lemmas, pos, deps, heads, morphs = (list(column) for column in zip(*rows, strict=True))
    return Doc(spacy.blank("fr").vocab, words=words, lemmas=lemmas, pos=pos, deps=deps,
               heads=heads, morphs=morphs)  # fmt: skip


def test_a_subject_hung_on_the_verb_before_finds_its_own_verb() -> None:
    """fr_core_news_md's parse of "Le rapport pointe la faiblesse : seulement 7 % des dossiers
    ont été traités": the amount hangs on "pointe" as an adjunct; the verb after it, with
    no subject, is its own (rule 'lost_subject')."""
    doc = _parsed([
        ("Le", "le", "DET", "det", 1, ""), ("rapport", "rapport", "NOUN", "nsubj", 2, ""),
        ("pointe", "pointer", "VERB", "ROOT", 2, "Mood=Ind|VerbForm=Fin"),
        ("la", "le", "DET", "det", 4, ""), ("faiblesse", "faiblesse", "NOUN", "obj", 2, ""),
        (":", ":", "PUNCT", "punct", 2, ""), ("seulement", "seulement", "ADV", "advmod", 8, ""),
        ("7", "7", "NUM", "nummod", 8, ""), ("%", "pourcent", "NOUN", "obl:mod", 2, ""),
        ("des", "de", "ADP", "case", 10, ""), ("dossiers", "dossier", "NOUN", "nmod", 8, ""),
        ("ont", "avoir", "AUX", "aux:tense", 13, "Mood=Ind|VerbForm=Fin"),
        ("été", "être", "AUX", "aux:pass", 13, "VerbForm=Part"),
        ("traités", "traiter", "VERB", "advcl", 2, "VerbForm=Part"),
        (".", ".", "PUNCT", "punct", 2, ""),
    ])  # fmt: skip
    amount = doc[7:9]
    pred, rule = predicate_of(amount, _anchor(amount), [amount], 0)
    assert (predicate_lemma(pred, rule), rule) == ("traiter", "lost_subject")


def test_a_counted_subject_hung_on_the_verb_before_que_finds_its_clause() -> None:
    """fr_core_news_md's parse of "Le procureur a déclaré que 12 des 25 détenus sont morts":
    "12" hangs on "déclaré" as a clause, which a number cannot be, and the participle of
    its clause hangs on "12"; that participle is the predicate (rule 'lost_clause', then
    'copula_participle')."""
    doc = _parsed([
        ("Le", "le", "DET", "det", 1, ""), ("procureur", "procureur", "NOUN", "nsubj", 3, ""),
        ("a", "avoir", "AUX", "aux:tense", 3, "Mood=Ind|VerbForm=Fin"),
        ("déclaré", "déclarer", "VERB", "ROOT", 3, "VerbForm=Part"),
        ("que", "que", "SCONJ", "mark", 5, ""), ("12", "12", "PRON", "dep", 3, ""),
        ("des", "de", "ADP", "case", 8, ""), ("25", "25", "NUM", "nummod", 8, ""),
        ("détenus", "détenu", "NOUN", "nmod", 5, ""),
        ("sont", "être", "AUX", "cop", 10, "Mood=Ind|VerbForm=Fin"),
        ("morts", "mort", "ADJ", "conj", 5, ""), (".", ".", "PUNCT", "punct", 3, ""),
    ])  # fmt: skip
    amount = doc[5:6]
    pred, rule = predicate_of(amount, _anchor(amount), [amount], 0)
    assert (predicate_lemma(pred, rule), rule) == ("mourir", "copula_participle")


def test_a_relative_verb_right_before_the_amount_governs_it() -> None:
    """fr_core_news_md's parse of "Des drones survolent Goma, qui compte 600 000 habitants":
    "habitants" hangs on the main verb; "compte" right before it, with no object, is its
    verb (rule 'verb_before')."""
    doc = _parsed([
        ("Des", "un", "DET", "det", 1, ""), ("drones", "drone", "NOUN", "nsubj", 2, ""),
        ("survolent", "survoler", "VERB", "ROOT", 2, "Mood=Ind|VerbForm=Fin"),
        ("Goma", "Goma", "PROPN", "obj", 2, ""), (",", ",", "PUNCT", "punct", 3, ""),
        ("qui", "qui", "PRON", "nsubj", 6, "PronType=Rel"),
        ("compte", "compter", "VERB", "acl:relcl", 3, "Mood=Ind|VerbForm=Fin"),
        ("600", "600", "NUM", "nummod", 9, ""), ("000", "000", "NUM", "nummod", 9, ""),
        ("habitants", "habitant", "NOUN", "dep", 2, ""), (".", ".", "PUNCT", "punct", 2, ""),
    ])  # fmt: skip
    amount = doc[7:9]
    pred, rule = predicate_of(amount, _anchor(amount), [amount], 0)
    assert (predicate_lemma(pred, rule), rule) == ("compter", "verb_before")


def test_a_verb_tagged_as_an_infinitive_still_gets_its_infinitive() -> None:
    """ "qui régule les activités sur une période de 24 heures": fr_core_news_md tagged
    "régule" VerbForm=Inf and left its lemma as is; the frame writes "réguler"."""
    doc = _parsed([
        ("Le", "le", "DET", "det", 1, ""), ("rythme", "rythme", "NOUN", "nsubj", 2, ""),
        ("régule", "régule", "VERB", "ROOT", 2, "VerbForm=Inf"),
        ("le", "le", "DET", "det", 4, ""), ("sommeil", "sommeil", "NOUN", "obj", 2, ""),
        ("sur", "sur", "ADP", "case", 7, ""), ("une", "un", "DET", "det", 7, ""),
        ("période", "période", "NOUN", "obl", 2, ""), ("de", "de", "ADP", "case", 10, ""),
        ("24", "24", "NUM", "nummod", 10, ""), ("heures", "heure", "NOUN", "nmod", 7, ""),
        (".", ".", "PUNCT", "punct", 2, ""),
    ])  # fmt: skip
    amount = doc[9:11]
    pred, rule = predicate_of(amount, _anchor(amount), [amount], 0)
    assert predicate_lemma(pred, rule) == "réguler"


def test_an_age_after_a_misread_name_only_describes() -> None:
    """ "Mme Griner, 31 ans, a été arrêtée": fr_core_news_md tagged "Griner" a verb; the
    age in commas after a capitalised word still only describes (rule 'age')."""
    doc = _parsed([
        ("Mme", "mme", "NOUN", "nsubj:pass", 8, ""),
        ("Griner", "griner", "VERB", "flat:name", 0, ""),
        (",", ",", "PUNCT", "punct", 8, ""), ("31", "31", "NUM", "nummod", 4, ""),
        ("ans", "an", "NOUN", "nsubj:pass", 8, ""), (",", ",", "PUNCT", "punct", 8, ""),
        ("a", "avoir", "AUX", "aux:tense", 8, "Mood=Ind"),
        ("été", "être", "AUX", "aux:pass", 8, ""),
        ("arrêtée", "arrêter", "VERB", "ROOT", 8, "VerbForm=Part"),
        (".", ".", "PUNCT", "punct", 8, ""),
    ])  # fmt: skip
    amount = doc[3:5]
    amount._.dechiffre_unit = "an"
    assert predicate_of(amount, _anchor(amount), [amount], 0) == (None, "age")


@pytest.mark.parametrize("rule", ["verb_before", "whole+verb_before", "dash_aside+verb_before"])
def test_a_rule_taken_from_another_amount_still_says_how_to_write_the_lemma(rule: str) -> None:
    """ "Le club compte 300 membres, dont 40 % ...": the whole's rule rides along after a
    prefix; "compte" read as a noun is still written as the verb."""
    doc = _parsed([("compte", "compte", "NOUN", "ROOT", 0, "")])
    assert predicate_lemma(doc[0], rule) == "compter"


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("réinstaure", "réinstaurer"),  # "-ure" of a first-group verb
        ("déclare", "déclarer"),
        ("inclure", "inclure"),  # "-clure", "-dre", "-ire": infinitives already
        ("prendre", "prendre"),
        ("conduire", "conduire"),
    ],
)
def test_a_verb_left_as_its_form_gets_its_infinitive(form: str, lemma: str) -> None:
    """fr_core_news_md leaves some presents as their form, tagged VerbForm=Inf; the frame
    writes the infinitive."""
    doc = _parsed([
        ("Le", "le", "DET", "det", 1, ""), ("président", "président", "NOUN", "nsubj", 2, ""),
        (form, form, "VERB", "ROOT", 2, "VerbForm=Inf"),
        ("20", "20", "NUM", "nummod", 4, ""), ("ministres", "ministre", "NOUN", "obj", 2, ""),
        (".", ".", "PUNCT", "punct", 2, ""),
    ])  # fmt: skip
    amount = doc[3:4]
    pred, rule = predicate_of(amount, _anchor(amount), [amount], 0)
    assert predicate_lemma(pred, rule) == lemma
