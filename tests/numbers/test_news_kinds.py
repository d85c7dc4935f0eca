"""Kinds of span errors seen on real news (issue 10): each rule with sentences written for it."""

from __future__ import annotations

from typing import Any

import pytest

from dechiffre.pipeline.numbers import RULE_NAMES, find_amounts, why_not

# (sentence, the amount texts expected, in order)
SPANS: list[tuple[str, list[str]]] = [
    # dotted_code: variant and lineage names are no amounts
    ("Le sous-variant BA.2 se répand dans 40 pays.", ["40"]),
    ("La lignée B.1.1.529 et XBB.1.5 circulent.", []),
    ("Il est arrivé à 10 h.3 personnes attendaient.", ["3"]),
    # a line break left escaped in scraped text
    ("Valeurs :\\n31 kcals\\n2,5 g de protéines\\n9 mg de fer", ["31 kcals", "2,5 g", "9 mg"]),
    # collectives take a time unit: une quinzaine de jours
    ("Il est resté en quarantaine une quinzaine de jours.", ["une quinzaine de jours"]),
    ("Le chantier a duré plusieurs dizaines d'années.", ["plusieurs dizaines d'années"]),
    ("Une vingtaine de blessés ont été soignés.", ["Une vingtaine"]),
    # ... so that the time-locating rules see them
    ("Il y a une dizaine de jours, le club a gagné.", []),
    ("Il y a tout juste un mois, il signait.", []),
    ("À une dizaine de jours de l'élection, 30 partis sont inscrits.", ["30"]),
    ("Le coureur est à six semaines de son retour.", []),
    ("Il a été condamné à 5 ans de prison.", ["5 ans"]),
    ("Le but est venu à neuf minutes de la fin.", []),
    # a multiple as a noun is a factor; as an adjective it is not
    ("La société a gagné 122 millions, soit plus du double de l'an dernier.",
     ["122 millions", "plus du double"]),
    ("C'est presque le double du nombre de nouveaux cas.", ["presque le double"]),
    ("Les aimants ont une force au double de la pression.", ["double"]),
    ("Une double menace pèse sur le pays, qui a reçu le double vaccin.", []),
    # a definite scale noun alone: the one million the text speaks of
    ("Environ 80 % du million de résidents ruraux ont accès aux soins.",
     ["Environ 80 %", "million"]),
    ("Sur le milliard de doses promises, 300 millions ont été livrées.",
     ["milliard", "300 millions"]),
    ("Il a gagné le million au loto.", []),
    # un seul, une seule: a count of one
    ("Il n'a pas encaissé un seul but.", ["un seul"]),
    ("L'Algérie n'a gagné qu'une seule fois.", ["une seule fois"]),
    ("Ils se rassemblent autour d'une seule radio.", ["une seule"]),
    ("Un jour, il partira.", []),
    # capitalised_head, name_with_digits: a number closing a name
    ("Le club joue en Ligue 1, comme Lyon.", []),
    ("Le directeur de l'Entente 2, un club de Lomé, arrive.", []),
    ("Il soigne le diabète de type 2 chez 300 patients.", ["300"]),
    ("Chapeau 3 : Sénégal, Iran, Japon.", []),
    ("Le Qatar sera dans le Chapeau 1, avec 7 équipes.", ["7"]),
    ("En France 2 000 migrants sont arrivés.", ["2 000"]),
    ("Le Nigeria a marqué 3 buts.", ["3"]),
    # a unit before the number
    ("Le missile vole à Mach 5.", ["Mach 5"]),
    # plural collectives without a determiner start the span
    ("Face aux dizaines de milliards de livres dépensées.", ["dizaines de milliards de livres"]),
    ("Ils visent ces centaines de milliers de personnes.", ["centaines de milliers"]),
    ("Un écho auprès de millions d'électeurs.", ["millions"]),
    ("Une entreprise de plusieurs billions de dollars.", ["plusieurs billions de dollars"]),
    ("Il a 3 millions d'abonnés.", ["3 millions"]),
    # a participle before "sur" makes no ratio
    ("Une étude portant sur 8 500 ménages.", ["8 500"]),
    ("Un enfant malade sur trois a 2 ans.", ["Un enfant malade sur trois", "2 ans"]),
    # units in words
    ("Le pays couvre 587 000 km carrés.", ["587 000 km carrés"]),
    ("Les frais sont fixés à 60000 CFA.", ["60000 CFA"]),
    ("Ils ont pris plusieurs centaines de giga-octets.", ["plusieurs centaines de giga-octets"]),
    # two hedges and hedged ranges (RN18)
    ("Un taux d'environ 90 % ou plus.", ["environ 90 % ou plus"]),
    ("Au moins 60 % à 70 % de la population.", ["Au moins 60 % à 70 %"]),
    ("La guerre est passée plus d'une fois à deux doigts du désastre.", ["plus d'une fois"]),
    ("Il est administré aux personnes âgées d'un à 29 ans.", ["d'un à 29 ans"]),
    ("Diluer à un millième et tuer le virus.", ["un millième"]),
    ("En sixième année, il part.", []),
    # idioms count nothing
    ("Le vaccin part aux quatre coins du monde.", []),
    ("Une politique de tolérance zéro pour 12 villes.", ["12"]),
    ("L'authentification à deux facteurs protège 3 comptes.", ["3"]),
    # ordinals written with a space, books
    ("Il a marqué son 644 ème but.", []),
    ("Selon un livre paru hier, il a payé une livre.", ["une livre"]),
    # windows of time: durations unless they date an event (RN23)
    ("Elle a passé les 20 dernières années à chercher.", ["20 dernières années"]),
    ("Il fut ministre pendant les quatre dernières années.", ["quatre dernières années"]),
    ("Au cours des 15 dernières années, 200 ont fui.", ["200"]),
    ("Le club a recruté trois joueurs ces deux dernières années.", ["trois"]),
    ("Les ventes vont doubler dans les huit prochaines années.", []),
    ("Les recettes ont plongé sur les cinq premiers mois.", []),
    ("Les dix premiers sont qualifiés.", []),
    ("Ces deux dernières équipes joueront.", ["deux"]),
    ("Un confinement de trois semaines après un pic.", ["trois semaines"]),
    ("Il est le deuxième maire tué en neuf mois après un autre.", ["neuf mois"]),
    ("Il est revenu trois semaines après.", []),
    # A ou B, and lists ending in "ou", are one range (R3)
    ("Il vient deux ou trois fois par semaine.", ["deux ou trois fois"]),
    ("Elle dure trois, quatre ou six semaines.", ["trois, quatre ou six semaines"]),
    ("Il faut deux ou trois semaines au minimum.", ["deux ou trois semaines au minimum"]),
    ("Cela arrive trois ou quatre semaines plus tard.", []),
    ("Il a vu 15 ou 20 dossiers.", ["15 ou 20"]),
    ("Il a gagné 5 ou 3 fois.", ["5", "3 fois"]),
    # un/une counted against a number (RN24)
    ("Il a deux frères et une sœur.", ["deux", "une"]),
    ("Le Raja en a six, la Kabylie trois, et le Club un.", ["six", "trois", "un"]),
    ("Les symptômes sont une fièvre et une toux.", []),
    ("Il a payé 5 millions d'euros et une amende.", ["5 millions d'euros"]),
    ("Le pays est membre du G5 Sahel et un allié de Paris.", []),
    ("Il est arrivé en 2018 et un an plus tard il est parti.", []),
    # and the rest
    ("Il a transféré mardi 54 réfugiés.", ["54"]),
    ("Prenez 1½ cuillère de poudre.", ["1½"]),
    ("Le sac de 100 kg (220 lb) coûte cher.", ["100 kg", "220 lb"]),
    ("Le club a signé deux troisièmes places.", ["deux"]),
    ("Les deux cinquièmes restants.", []),
    ("Il a été titulaire dans le onze de départ.", []),
    ("Trois centres fermés en Libye Trois hommes condamnés.", ["Trois", "Trois"]),
    ("La guerre des Six Jours a duré six jours.", ["six jours"]),
    # an article + time word is a duration only after a word of duration
    ("Il a décrété une journée de deuil et une année record.", []),
    ("Je n'y ai pas réfléchi une seconde.", []),
    ("Ils ont dormi pendant une nuit.", ["une nuit"]),
    ("Ils ont fermé au moins une journée.", ["au moins une journée"]),
    ("Il a signé pour un an.", ["un an"]),
    # "ne ... plus que" restricts, it sets no lower bound
    ("Ils ne comptent plus que deux points d'avance.", ["deux"]),
    ("Il gagne plus que 3 000 euros.", ["plus que 3 000 euros"]),
    # signs inside brackets, au moins un
    ("La croissance s'est redressée (+0,7 %).", ["+0,7 %"]),
    ("Les ménages dont au moins un membre travaille.", ["au moins un"]),
    ("Il habite près d'un hôpital.", []),
    # weekdays take days, not counts
    ("Le ministère a enregistré lundi 12 nouveaux cas.", ["12"]),
    ("La police a saisi lundi 12 tonnes de chanvre.", ["12 tonnes"]),
    ("Le tribunal a condamné mercredi cinq prévenus.", ["cinq"]),
    ("Il a parlé lundi 12 au soir.", []),
    # datelines, names, phone numbers, set phrases
    ("RABAT, 9 sept. (MAP) - Le bilan s'alourdit.", []),
    ("Dakar, 20 janv. (APS) - La banque a prêté 3 milliards.", ["3 milliards"]),
    ("Il a sept enfants.", ["sept"]),
    ("Le Consortium 12-12 a récolté 5 millions d'euros.", ["5 millions d'euros"]),
    ("Elle a été adoptée par la loi-cadre 09-21.", []),
    ("Il faut composer le 811 avant de venir.", []),
    ("Le numéro d'urgence 19 a reçu 2 000 appels.", ["2 000"]),
    ("Le rugby à sept a brillé.", []),
    ("Il faut repartir de zéro.", []),
    ("Au cours des dernières 24 heures, 240 morts.", ["240"]),
    ("À un an jour pour jour du match, 3 stades sont prêts.", ["3"]),
    ("La Formule 1 reprend.", []),
    ("Il travaille 24 heures sur 24.", []),
    # identifier words take digits; a participle before a number word counts
    ("La police a arrêté trois membres du groupe.", ["trois"]),
    ("Selon l'arrêté 12 du maire, 30 bars ferment.", ["30"]),
    # "arrêté" after an auxiliary is the verb: its digits count
    ("Les policiers ont arrêté 12 passeurs.", ["12"]),
    ("La police a déjà arrêté 300 personnes.", ["300"]),
    # an identifier word that is a verb before a plural noun: a count; a gate stays a gate
    ("Le navire porte 120 conteneurs.", ["120"]),
    ("Rendez-vous à la porte 3 du stade avec 40 supporters.", ["40"]),
    # journées of a championship are counts (RN32); a journée stays a duration
    ("Il restait six journées de championnat.", ["six"]),
    # "allant de X à Y" is one range, even near a word of change; "porter de X à Y" is two
    ("Le passage est puni de peines allant de dix à quinze ans.", ["de dix à quinze ans"]),
    ("Il a porté l'effectif de 30 à 50 agents.", ["30", "50"]),
    # a duration after pendant/de is not located by "avant"; hours per day are no clock time
    ("Ils sont restés pendant plus de deux heures avant de partir.", ["plus de deux heures"]),
    ("Ils travaillaient jusqu'à 18 heures par jour.", ["jusqu'à 18 heures"]),
    ("Le bureau ouvre jusqu'à 18 heures.", []),
    # a capital C glued to digits: news style for degrees Celsius
    ("Limiter la hausse à 1,5C. Puis 2C, voire 1,5 °C.", ["1,5C", "2C", "1,5 °C"]),
    ("Le modèle 5C2 est sorti.", []),
    # held-out news (MasakhaNEWS FR, in no gold split): a time word after a scale word is the
    # unit, so that "il y a N millions d'années" places an event and a duration keeps its unit
    ("Les dinosaures vivaient il y a 65 millions d'années.", []),
    ("La roche a mis des millions d'années à se former.", ["des millions d'années"]),
    ("Le sol restera pollué pendant des centaines, voire des milliers d'années.",
     ["des centaines", "des milliers d'années"]),
    # "les" before a plural collective is part of the amount, as "des" is (the gold: 5 of 6)
    ("Malgré les milliers de morts civiles, la guerre continue.", ["les milliers"]),
    ("Les 300 migrants ont été secourus.", ["300"]),
    # ... but a value near zero is one
    ("Les taux sont restés proches de zéro pendant dix ans.", ["zéro", "dix ans"]),
    # a vague amount said twice for emphasis is one amount
    ("On voyait des milliers et des milliers d'étoiles.", ["des milliers et des milliers"]),
    ("Des centaines et des milliers de familles ont fui.", ["Des centaines", "des milliers"]),
    # a millennium or a second placed relative to an event (RN23)
    ("Et plus d'un millénaire plus tard, le temple est debout.", []),
    ("Quelques secondes plus tard, trente secondes plus tard, il sautait.", []),
    # a range of windows that dates the event (RN23 'au cours des N derniers')
    ("Au cours des 30 ou 40 dernières années, les prix ont doublé.", []),
    ("Ils ont vécu là pendant les 30 ou 40 dernières années.", ["30 ou 40 dernières années"]),
    # "A" for a capital À before a clock time
    ("A 17h, la station diffuse de la musique.", []),
    ("A 17 ans, il jouait déjà en première division.", ["17 ans"]),
    # a bare scale word in brackets glosses the unit before it; "d'une année sur l'autre"
    ("La capacité est passée de 15 mégawatts (millions de watts) à 28 mégawatts.",
     ["15 mégawatts", "28 mégawatts"]),
    ("Ils ont manifesté (des milliers selon la police).", ["des milliers"]),
    ("Les ventes ont bondi de 300 % d'une année sur l'autre.", ["300 %"]),
    ("Le prix peut varier trois fois d'un mois à l'autre.", ["trois fois"]),
    ("Il a été absent pendant une année.", ["une année"]),
    # "il y a A, voire B ans": both values place the event, the first sharing the unit
    ("Ils les ont bâtis il y a 1 000, voire 2 000 ans, à la main.", []),
    ("Il a vendu 1 000, voire 2 000 exemplaires.", ["1 000", "2 000"]),
    ("Il y a 3 enfants et 2 ans de retard.", ["3", "2 ans"]),
    # "à N heures de route / de <Place>" says how far, not what time
    ("Il a grandi à deux heures de Houston.", ["deux heures"]),
    ("La ville est à 4 heures de route de la capitale.", ["4 heures"]),
    ("Le train part à 17 heures de Paris.", []),
    ("Rendez-vous à 9 heures du matin.", []),
    # an acronym of up to six capitals before a bare number names it; a unit keeps the amount
    ("La norme IEEE 802.11 équipe 18 milliards d'appareils.", ["18 milliards"]),
    ("Le budget de l'OTAN 2 % du PIB, soit USD 5 millions.", ["2 %", "USD 5 millions"]),
    # "qu'un jour" without a "ne" before it means some day; "n'... qu'un jour" is one day
    ("Elle espère qu'un jour elle pourra rentrer.", []),
    ("Sa crainte était qu'un jour, la ville soit assiégée.", []),
    ("Il n'a fallu qu'un jour pour tout vendre.", ["un jour"]),
    ("Il ne reste qu'une année de mandat.", ["une année"]),
    # English thousands separators (two commas or more) are one number
    ("Le contrat s'élevait à 1,353,722,685 FCFA au total.", ["1,353,722,685 FCFA"]),
    ("Le taux est de 1,5 % et le poids de 3,250 kg.", ["1,5 %", "3,250 kg"]),
    # "un ou deux": one range, also inside a hedge (R3, RN18)
    ("Il n'a jamais soigné plus d'un ou deux malades par an.", ["plus d'un ou deux"]),
    ("Elle jeûne un ou deux jours par semaine.", ["un ou deux jours"]),
    ("Il faut choisir un ou plusieurs pays.", []),
    # "une fois par semaine": a frequency of 1 fois; "une fois arrivé" is no amount
    ("Il voit sa mère une fois par mois.", ["une fois"]),
    ("Une fois arrivé, il a téléphoné.", []),
    # time windows place or qualify unless a duration word governs them (RN23)
    ("Une étude des 25 dernières années le montre.", []),
    ('"Les trois premières semaines seront dures", dit-il.', []),
    ("Il a passé les dix dernières années à écrire.", ["dix dernières années"]),
    ("Elle a dirigé le club pendant les cinq dernières années.", ["cinq dernières années"]),
    # ranks, labels and race names are no amounts (RN26, RN33)
    ("Il est l'un des cinq meilleurs buteurs du pays.", []),
    ("Ses deux meilleurs amis sont venus.", ["deux"]),
    ("Les chapitres trois et quatre décrivent la guerre.", []),
    ("Il a gagné le 400 m et couru 300 m de plus.", ["300 m"]),
    ("Elle a battu le record du 100 mètres.", []),
    # "plus d'un" as a pronoun; "dont un" after a count (RN24), not after an article
    ("Ce verdict en a surpris plus d'un.", ["plus d'un"]),
    ("Il ne veut plus d'un tel accord.", []),
    ("Quatre blessés, dont une fillette, ont été soignés.", ["Quatre", "une"]),
    ("Il a lu des livres, dont un roman russe.", []),
    ("Ils ont marché 300 km, dont une bonne partie de nuit.", ["300 km"]),
    # heights in metres and centimetres
    ("Du haut de son mètre quatre-vingt-cinq, il domine.", ["mètre quatre-vingt-cinq"]),
    ("Le pivot mesure 2 mètres 10.", ["2 mètres 10"]),
    ("À 2 mètres, 15 personnes attendaient.", ["2 mètres", "15"]),
    # "une nuit", "une journée" are no units of time after an article (R6) unless a duration
    # word governs them
    ("En une nuit, le fleuve a débordé.", []),
    ("Le premier repas d'une journée compte.", []),
    ("Ils ont veillé durant une nuit.", ["une nuit"]),
    # one event placed before another by a duration (RN23, like "N avant")
    ("Ce calendrier précède de trois siècles celui des Romains.", []),
    ("La cérémonie a été précédée de 10 minutes de silence.", ["10 minutes"]),
    # a hedge before an "ou" range: one span, the range wins (RN18)
    ("Elle marchait au moins trois ou quatre heures.", ["au moins trois ou quatre heures"]),
    ("Ces archives ont au moins 12 ou 13 ans, dit-il.", ["au moins 12 ou 13 ans"]),
    ("Près de 200 ou 300 soldats sont arrivés.", ["Près de 200 ou 300"]),
    # an hour count above 24 is no clock time
    ("Le port peut rester fermé jusqu'à 72 heures, selon l'autorité.", ["jusqu'à 72 heures"]),
    ("Le magasin reste ouvert jusqu'à 20 heures le samedi.", []),
    # coordinated decades and acts named by an old year
    ("La ville a grandi dans les années 60 et 70.", []),
    ("Les années 50, 60 et 70 ont vu 3 crises.", ["3"]),
    ("Il a perdu 60 et 70 kilos en deux régimes.", ["60", "70 kilos", "deux"]),
    ("La loi d'abolition de 1794 a libéré les captifs.", []),
    ("Une armée de 1500 hommes a traversé le fleuve.", ["1500"]),
    ("Le bilan fait état d'un total de 1200.", ["1200"]),
    # a hedge before "les"/"des" + fraction or number is in the span (RN17, RN25)
    ("Au moins les trois quarts des votants ont dit oui.", ["Au moins les trois quarts"]),
    ("Le club jouera au moins les quatre prochains matchs à huis clos.", ["au moins les quatre"]),
    ("Plus des deux tiers des sondés sont inquiets.", ["Plus des deux tiers"]),
    ("Il touche moins des trois quarts de son salaire.", ["moins des trois quarts"]),
    ("En plus des 300 soldats, 40 policiers sont venus.", ["300", "40"]),
    # "un" as the lower bound of "entre ... et" (like "d'un à 29 ans")
    ("La peine va d'ordinaire entre un et trois mois.", ["entre un et trois mois"]),
    ("Il y a entre un homme et une femme 3 ans d'écart.", ["3 ans"]),
    # a small number closing a capitalised name, then a verb or preposition (capitalised_head)
    ("À l'époque, l'Euro 84 était le grand tournoi du continent.", []),
    ("Le routeur passe au Wi-Fi 6 avec 4 antennes.", ["4"]),
    ("En Italie 3 personnes sont mortes.", ["3"]),
    ("Le Ghana a 2 points, et le Togo 1 de moins.", ["2", "1"]),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans_on_news_kinds(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_amounts(text)] == expected


# (sentence, span, value, unit, modifier)
VALUES: list[tuple[str, str, Any, Any, Any]] = [
    ("pendant une quinzaine de jours", "une quinzaine de jours", 15, "jour", "approx"),
    ("un jeune d'une vingtaine d'années", "une vingtaine d'années", 20, "an", "approx"),
    ("sans encaisser un seul but", "un seul", 1, None, None),
    ("sacrée une seule fois", "une seule fois", 1, "fois", None),
    ("la portion apporte 31 kcals", "31 kcals", 31, "kcal", None),
    ("à Mach 5", "Mach 5", 5, "Mach", None),
    ("aux dizaines de milliards d'euros", "dizaines de milliards d'euros", 10**10, "EUR", "min"),
    ("auprès de millions d'électeurs", "millions", 10**6, None, "min"),
    ("de plusieurs billions de dollars", "plusieurs billions de dollars", 10**12, "USD", "min"),
    ("avec 587 000 km carrés", "587 000 km carrés", 587000, "km²", None),
    ("d'environ 90 % ou plus", "environ 90 % ou plus", 90, "%", "min"),
    ("âgées d'un à 29 ans", "d'un à 29 ans", 1, "an", "range"),
    ("à un millième", "un millième", 0.001, None, None),
    ("deux ou trois fois", "deux ou trois fois", 2, "fois", "range"),
    ("trois, quatre ou six semaines", "trois, quatre ou six semaines", 3, "semaine", "range"),
    ("deux frères et une sœur", "une", 1, None, None),
    ("le prix est de 57,531 FCFA", "57,531 FCFA", 57531, "XOF", None),
    ("le prix est de 57,53 euros", "57,53 euros", 57.53, "EUR", None),
    ("il pèse 220 lb", "220 lb", 220, "lb", None),
    ("limiter la hausse à 1,5C", "1,5C", 1.5, "°C", None),
    ("versé 1,353,722,685 FCFA", "1,353,722,685 FCFA", 1353722685, "XOF", None),
    # RN22 units written as news writes them
    ("un débit d'environ 45Mbps", "environ 45Mbps", 45, "Mbit/s", "approx"),
    ("jusqu'à 1Gbps", "jusqu'à 1Gbps", 1, "Gbit/s", "max"),
    ("prendre 10 microgrammes par jour", "10 microgrammes", 10, "µg", None),
    ("soit 400 µg de folates", "400 µg", 400, "µg", None),
    ("il y a 2,5 millions de personnes", "2,5 millions", 2.5e6, None, None),
    ("pendant des milliers d'années", "des milliers d'années", 1000, "an", "min"),
    ("près de deux millions d'heures de vidéo", "près de deux millions d'heures", 2e6, "heure",
     "approx"),
    ("jamais plus d'un ou deux cas", "plus d'un ou deux", 1, None, "range"),
    ("pendant une ou deux semaines", "une ou deux semaines", 1, "semaine", "range"),
    ("il vient une fois par an", "une fois", 1, "fois", None),
    ("brûler plus de 3 000 calories", "plus de 3 000 calories", 3000, "kcal", "min"),
    ("et 3 autres millions sont promis", "3 autres millions", 3e6, None, None),
    ("il mesure un mètre soixante-dix", "un mètre soixante-dix", 1.7, "m", None),
    ("il en a vexé plus d'un.", "plus d'un", 1, None, "min"),
    ("il jouait au moins cinq ou six heures", "au moins cinq ou six heures", 5, "heure", "range"),
    ("bloqué jusqu'à 48 heures", "jusqu'à 48 heures", 48, "heure", "max"),
    ("au moins les deux tiers", "au moins les deux tiers", 0.6667, None, "min"),
    ("plus des trois quarts", "plus des trois quarts", 0.75, None, "min"),
    ("entre une et deux fois par an", "entre une et deux fois", 1, "fois", "range"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "modifier"), VALUES)
def test_values_on_news_kinds(text: str, span: str, value: Any, unit: Any, modifier: Any) -> None:
    match = find_amounts(text)[-1]
    assert (match.text, match.amount.value, match.amount.unit, match.amount.modifier) == (
        span,
        value,
        unit,
        modifier,
    )


# (sentence, rule that drops its first number)
WHY_NOT: list[tuple[str, str]] = [
    ("Le variant BA.2 domine.", "dotted_code"),
    ("Il y a tout juste un mois, il signait.", "time_locating"),
    ("Il est à six semaines de son retour.", "time_locating"),
    ("Il joue en Ligue 1, comme Lyon.", "name_with_digits"),
    ("Il dirige l'Entente 2, un club.", "capitalised_head"),
    ("Ils sont à deux doigts du titre.", "idiom"),
    ("Il a marqué son 644 ème but.", "ordinal_suffix"),
    ("Le Consortium 12-12 a récolté des dons.", "equal_bounds"),
    ("Il faut composer le 811 avant de venir.", "dialled_number"),
    ("RABAT, 9 sept. (MAP) - Le bilan s'alourdit.", "day_of_month"),
    ("Les ventes doubleront dans les huit prochaines années.", "first_months"),
    ("Il y a 560 millions d'années, la mer couvrait tout.", "time_locating"),
    ("Un millénaire plus tard, la ville est oubliée.", "time_locating"),
    ("Au cours des deux ou trois derniers mois, 40 cas.", "first_months"),
    ("A 17h, c'est le moment de courir.", "clock_time"),
    ("Une centrale de 3,6 gigawatts (milliards de watts) est prévue.", "unit_gloss"),
    ("Le wifi suit la norme IEEE 802.11 depuis 1997.", "capital_code_before"),
    ("Les pompiers du SDIS 33 sont intervenus.", "capital_code_before"),
    ("Les prix changent d'une semaine à l'autre.", "idiom"),
    ("Un bilan des 20 dernières années est paru.", "first_months"),
    ("Les 50 meilleurs joueurs sont invités.", "best_n"),
    ("Les épisodes 4 et 5 sortent en mai.", "part_label"),
    ("Il a remporté le 200 m en finale.", "race_name"),
    ("Il habite au 12 rue de la Liberté à Rabat.", "street_number"),
    ("La route nationale 1 a été coupée par les eaux.", "identifier_word_before"),
    ("L'équipe a gagné 3 à 0 samedi.", "score"),
    ("Le pays vise l'objectif zéro émission en 2050.", "zero_word"),
    ("Le groupe a pris un engagement net zéro le mois dernier.", "zero_word"),
]


@pytest.mark.parametrize(("text", "rule"), WHY_NOT)
def test_rule_is_named(text: str, rule: str) -> None:
    assert rule in RULE_NAMES
    assert why_not(text) == rule
