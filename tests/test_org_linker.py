"""ORG spans: knowledge-base names, elision, apostrophes, appositions, unknown bodies."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

pytestmark = pytest.mark.slow


def orgs(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [(e.text, e.kb_id_ or None) for e in doc.ents if e.label_ == "ORG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon l'OIM, les départs augmentent.", [("OIM", "IOM")]),
        ("Selon l’OIM, les départs augmentent.", [("OIM", "IOM")]),
        ("Un rapport d'ONUDC publié lundi.", [("ONUDC", "UNODC")]),
        ("Un rapport d’ONUDC publié lundi.", [("ONUDC", "UNODC")]),
        ("Le porte-parole du HCR a parlé.", [("HCR", "UNHCR")]),
        (
            "Un accord de l'Organisation internationale pour les migrations.",
            [("Organisation internationale pour les migrations", "IOM")],
        ),
        (
            "La Marine royale marocaine a secouru des migrants.",
            [("Marine royale marocaine", "MA_ROYAL_NAVY")],
        ),
        (
            "Le ministère marocain de l’Intérieur a publié son bilan.",
            [("ministère marocain de l’Intérieur", "MA_INTERIOR")],
        ),
        (
            "L'Union européenne et l'Union africaine ont signé.",
            [("Union européenne", "EU"), ("Union africaine", "AU")],
        ),
        ("La Cédéao a réuni ses membres à Abuja.", [("Cédéao", "ECOWAS")]),
        ("Le CICR a dénoncé les frappes.", [("CICR", "ICRC")]),
        ("Frontex a publié ses chiffres.", [("Frontex", "FRONTEX")]),
        (
            "Le Conseil de sécurité des Nations unies s'est réuni.",
            [("Conseil de sécurité des Nations unies", "UNSC")],
        ),
        # real-news additions: sports federations, vaccine makers, media (issue 9)
        ("La Fina a changé ses règles.", [("Fina", "FINA")]),
        ("Le vaccin de Sinopharm est approuvé.", [("Sinopharm", "CN_SINOPHARM")]),
        ("Il l'a confié au journal De Telegraaf.", [("De Telegraaf", "NL_TELEGRAAF")]),
        ("Selon le GIEC, le climat se réchauffe.", [("GIEC", "IPCC")]),
        # a maker beside a product noun is ORG (RN3)
        ("Le vaccin AstraZeneca est efficace.", [("AstraZeneca", "GB_ASTRAZENECA")]),
        # a platform that acts is ORG (RN2)
        ("Instagram a retiré la vidéo.", [("Instagram", "US_INSTAGRAM")]),
    ],
)
def test_known_organisations(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert orgs(nlp, text) == expected


def test_apposition_acronym_links_later_mentions(nlp: Language) -> None:
    text = (
        "L'Association marocaine des droits humains (AMDH) a publié un rapport. "
        "Selon l'AMDH, la situation se dégrade."
    )
    found = orgs(nlp, text)
    assert ("AMDH", None) in found
    assert [t for t, _ in found].count("AMDH") == 2


def test_apposition_copies_kb_id(nlp: Language) -> None:
    text = "Le Haut-Commissariat des Nations unies pour les réfugiés (HCR) alerte."
    assert orgs(nlp, text) == [
        ("Haut-Commissariat des Nations unies pour les réfugiés", "UNHCR"),
        ("HCR", "UNHCR"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministère de l'Intérieur marocain et la ville de Rabat.", "MA_INTERIOR"),
        ("À Paris, le ministère de l'Intérieur français a réagi. La France agit.", "FR_INTERIOR"),
    ],
)
def test_generic_names_follow_country_context(nlp: Language, text: str, expected: str) -> None:
    kb_ids = [kb for t, kb in orgs(nlp, text) if t.startswith("ministère")]
    assert kb_ids == [expected]


def test_unknown_institution_is_org_without_kb_id(nlp: Language) -> None:
    found = orgs(nlp, "Le tribunal de première instance de Rabat a condamné trois passeurs.")
    assert ("tribunal de première instance de Rabat", None) in found


def test_known_medium_before_a_run_on_sentence_keeps_its_link(nlp: Language) -> None:
    # scraped text without a full stop: "Il" starts a sentence, no product name goes on
    text = "Reportage de la rédaction BBC News Mundo Il y a un an, tout a changé."
    assert ("BBC News Mundo", "GB_BBC") in orgs(nlp, text)


def test_historical_state_and_its_acronym_are_not_org(nlp: Language) -> None:
    text = "L'Union des républiques socialistes soviétiques (URSS) a disparu en 1991."
    assert orgs(nlp, text) == []


def test_countries_are_not_org(nlp: Language) -> None:
    found = orgs(nlp, "Le Maroc et l'Espagne ont signé un accord avec la France.")
    assert found == []


def test_no_leading_article_in_spans(nlp: Language) -> None:
    for text, _ in orgs(
        nlp, "La Banque mondiale et le Fonds monétaire international financent le projet."
    ):
        assert not text.lower().startswith(("la ", "le ", "l'", "les "))


@pytest.mark.parametrize(
    "text",
    [
        "Drapeau électronique – Rabat\nLe rapport a été publié.",
        # an acronym later in the text must not hide the dateline
        "Drapeau électronique – Rabat\nLe rapport de l'OIM a été publié.",
    ],
)
def test_dateline_source_is_org(nlp: Language, text: str) -> None:
    found = orgs(nlp, text)
    assert found[0] == ("Drapeau électronique", None)


def test_rule_candidates_travel_through_doc_spans(nlp: Language) -> None:
    from dechiffre.pipeline.org_rules import RULES_KEY

    text = "Selon l'OIM et la Fédération des pêcheurs de Tanger, le HCR a aidé 12 familles."
    doc = nlp(text)
    group = doc.spans[RULES_KEY]
    assert {"OIM", "HCR"} <= {s.text for s in group}
    assert len(group.attrs["sources"]) == len(group)
    assert {s.kb_id_ for s in group if s.text == "OIM"} == {"IOM"}
    assert doc._.dechiffre_countries == {"MA": 1}  # Tanger, computed once and kept
    # The linker reads the candidates back from the Doc: without them it says what is missing.
    linker = nlp.get_pipe("dechiffre_orgs")
    del doc.spans[RULES_KEY]
    with pytest.raises(ValueError, match="dechiffre_org_rules"):
        linker(doc)


@pytest.mark.parametrize(
    ("veto", "expected"),
    [
        (["MISC", "PER"], ["Nintendo"]),
        ([], ["Mario Kart", "Nintendo"]),
    ],
)
def test_ner_labels_veto_classifier_orgs(
    nlp: Language, veto: list[str], expected: list[str]
) -> None:
    from spacy.tokens import Span

    from dechiffre.pipeline.org_linker import CLASSIFIER_KEY, OrgLinker

    linker = nlp.get_pipe("dechiffre_orgs")
    assert isinstance(linker, OrgLinker)
    doc = nlp.make_doc("Hier, Pierre a testé Mario Kart chez Nintendo à Kyoto.")
    for name, proc in nlp.pipeline:
        if name not in ("dechiffre_token_classifier", "dechiffre_orgs"):
            doc = proc(doc)
    doc.ents = [Span(doc, 5, 7, label="MISC")]  # "Mario Kart", a game
    found = [Span(doc, 5, 7, label="ORG"), Span(doc, 8, 9, label="ORG")]
    for span in found:
        span._.dechiffre_clf_score = 0.99
    doc.spans[CLASSIFIER_KEY] = found
    saved = linker.cfg["classifier_veto"]
    linker.cfg["classifier_veto"] = veto
    try:
        doc = linker(doc)
    finally:
        linker.cfg["classifier_veto"] = saved
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a line written as backslash-n by a scraped text is a token of its own
        # (pipeline/tokenizer.py): the name ends before it and no span runs across it
        ("Selon l'Organisation mondiale de la santé\\nLa pandémie a reculé.",
         ["Organisation mondiale de la santé"]),
        ("Selon l'Organisation mondiale de la santé\\n La pandémie a reculé.",
         ["Organisation mondiale de la santé"]),
        ("Selon l'Organisation mondiale de la santé \\nLa pandémie a reculé.",
         ["Organisation mondiale de la santé"]),
    ],
)
def test_no_name_runs_across_a_line(nlp: Language, text: str, kept: list[str]) -> None:
    assert [e.text for e in nlp(text).ents if e.label_ == "ORG"] == kept


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "source", "known", "expected"),
    [
        # a name never stops inside a hyphenated word
        ("Un chercheur de l'Université Zorva-Berger a parlé.", "Université Zorva", "institution",
         False, "Université Zorva-Berger"),
        ("Le Parti zorvien-démocrate au pouvoir a perdu.", "Parti zorvien", "institution",
         False, "Parti zorvien-démocrate"),
        # two known bodies joined, or a knowledge-base name, keep their spans
        ("Seul le vaccin Zorvax-Moderna est approuvé.", "Zorvax", "ner", True, "Zorvax"),
        ("L'accord Zorvia-Maroc est signé.", "Zorvia", "kb", False, "Zorvia"),
    ],
)
def test_hyphen_continued(
    nlp: Language, text: str, name: str, source: str, known: bool, expected: str
) -> None:
    from dechiffre.pipeline.org_linker import _hyphen_continued
    from dechiffre.pipeline.org_rules import Candidate

    doc, span = _doc_and_span(nlp, text, name)
    cand = _hyphen_continued(doc, Candidate(span.start, span.end, None, source), lambda w: known)
    assert doc[cand.start : cand.end].text == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "short", "long", "expected"),
    [
        # a team's nickname with its town, read whole by the NER, is one name (RN1)
        ("Il a joué aux Zorvers de Los Angeles cette saison.", "Zorvers",
         "Zorvers de Los Angeles", "Zorvers de Los Angeles"),
        ("Il rejoint l'Avalanche du Zorvado en mars.", "Avalanche", "Avalanche du Zorvado",
         "Avalanche du Zorvado"),
        ("Il rejoint les Zorvers de Saint-Zorvin en mars.", "Zorvers",
         "Zorvers de Saint-Zorvin", "Zorvers de Saint-Zorvin"),
        # the classifier's short window cuts a long name the NER reads whole
        ("Il est chercheur à l'Académie zorvienne d'histoire depuis 2010.", "Académie zorvienne",
         "Académie zorvienne d'histoire", "Académie zorvienne d'histoire"),
        ("On le voit sur les plateaux de Zorva Sport chaque soir.", "Zorva", "Zorva Sport",
         "Zorva Sport"),
        # a tail with a verb or a punctuation mark is no part of the name
        ("Il a joué aux Zorvers, de Los Angeles, cette saison.", "Zorvers",
         "Zorvers, de Los Angeles", "Zorvers"),
        ("Les Zorvers de Paris gagnent encore.", "Zorvers", "Zorvers de Paris gagnent",
         "Zorvers"),
    ],
)
def test_place_tails(nlp: Language, text: str, short: str, long: str, expected: str) -> None:
    from dechiffre.pipeline.org_linker import _place_tails
    from dechiffre.pipeline.org_rules import Candidate

    doc, span = _doc_and_span(nlp, text, short)
    _, whole = _doc_and_span(nlp, text, long)
    cls = Candidate(span.start, span.end, None, "classifier")
    ner = Candidate(whole.start, whole.end, None, "ner")
    (cand,) = _place_tails(doc, [cls], [cls, ner])
    assert doc[cand.start : cand.end].text == expected


@pytest.mark.slow
def test_a_propagated_name_is_not_the_town_it_is_named_after(nlp: Language) -> None:
    text = "Jorge a rejoint le gang Zorvali en 2001. Plus tard, il a fui vers la ville de Zorvali."
    orgs = [(e.start_char, e.text) for e in nlp(text).ents if e.label_ == "ORG"]
    assert orgs == [(24, "Zorvali")]


@pytest.mark.parametrize(
    ("text", "rule_names", "ner_name", "expected"),
    [
        # rule complement_tail: the NER reads a rule's name on into lower-case words
        ("Le Conseil international tripartite du zorvium a averti lundi.",
         ["Conseil international"], "Conseil international tripartite du zorvium",
         ["Conseil international tripartite du zorvium"]),
        ("Selon le journal Zorriere dello Sport, le club a tort.", ["Zorriere"],
         "Zorriere dello Sport", ["Zorriere dello Sport"]),
        # two rule names inside the NER's reading give way to it
        ("Avec le soutien de la Fondation des Nations unies pour le climat.",
         ["Fondation", "Nations unies"], "Fondation des Nations unies",
         ["Fondation des Nations unies"]),
        # not into "de" and a place, nor into the complement of the last word, nor capitals
        ("Il enseigne à la Zorva Graduate School de Californie depuis 2010.",
         ["Zorva Graduate School"], "Zorva Graduate School de Californie",
         ["Zorva Graduate School"]),
        ("Il enseigne à l'université Zorvel de Caroline du Nord depuis 2010.",
         ["université Zorvel"], "université Zorvel de Caroline du Nord", ["université Zorvel"]),
        ("Le Conseil commercial zorvien avide d'avoir accès au marché.",
         ["Conseil commercial zorvien"], "Conseil commercial zorvien avide",
         ["Conseil commercial zorvien"]),
        ("Le juge de la Haute Cour Lord Zorvin a tranché.", ["Haute Cour"],
         "Haute Cour Lord Zorvin", ["Haute Cour"]),
        ("Elle mène une liste du Parti zorvien pour la chambre basse du Parlement.",
         ["Parti zorvien"], "Parti zorvien pour la chambre basse", ["Parti zorvien"]),
    ],
)
def test_complement_tails(
    nlp: Language, text: str, rule_names: list[str], ner_name: str, expected: list[str]
) -> None:
    from dechiffre.pipeline.org_linker import _complement_tails
    from dechiffre.pipeline.org_rules import Candidate

    doc, whole = _doc_and_span(nlp, text, ner_name)
    rules = []
    for name in rule_names:
        _, span = _doc_and_span(nlp, text, name)
        source = "kb" if name == "Nations unies" else "institution"
        rules.append(Candidate(span.start, span.end, None, source))
    ner = Candidate(whole.start, whole.end, None, "ner")
    chosen = _complement_tails(doc, rules, [*rules, ner])
    assert [doc[c.start : c.end].text for c in chosen] == expected


@pytest.mark.parametrize(
    ("text", "name", "expected", "kb_id"),
    [
        # rule plural_nationality: a plural name takes its country adjective, without kb_id
        ("Une attaque des talibans pakistanais a eu lieu en 2014.", "talibans",
         "talibans pakistanais", None),
        ("Ils joueront face aux Aigles maliens, dès vendredi.", "Aigles", "Aigles maliens", None),
        # a singular name of its own, a singular adjective: the name alone
        ("La Guardia Civil espagnole a salué l'opération.", "Guardia Civil", "Guardia Civil",
         "ES_GC"),
        ("Les talibans afghans et la Zorvia Bank nigériane ont signé.", "Zorvia Bank",
         "Zorvia Bank", "ES_GC"),
    ],
)
def test_plural_nationality(
    nlp: Language, text: str, name: str, expected: str, kb_id: str | None
) -> None:
    from dechiffre.pipeline.org_linker import _plural_nationality
    from dechiffre.pipeline.org_rules import Candidate

    doc, span = _doc_and_span(nlp, text, name)
    cand = _plural_nationality(doc, Candidate(span.start, span.end, "ES_GC", "kb"))
    assert (doc[cand.start : cand.end].text, cand.kb_id) == (expected, kb_id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule adjective_use: a lower-case name right after a plural noun qualifies it
        ("Des fantassins talibans ont attaqué le poste.", []),
        ("Les talibans ont pris Kaboul.", [("talibans", "AF_TALIBAN")]),
    ],
)
def test_lower_case_name_used_as_an_adjective(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [o for o in orgs(nlp, text) if o[0] == "talibans"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule nationality_tail: the real-news gold keeps a singular country adjective after a
        # capitalised name in it; a national body keeps its kb_id, an international one's
        # national society has none
        ("Des chercheurs du Zorvia Office britannique ont constaté une hausse.",
         ("Zorvia Office britannique", None)),
        ("La BBC russe a diffusé le reportage.", ("BBC russe", "GB_BBC")),
        ("La Croix-Rouge britannique a envoyé une équipe.", ("Croix-Rouge britannique", None)),
        # a plural adjective qualifies the players, not the club
        ("Les joueurs du Barça espagnols ont gagné.", ("Barça", "ES_BARCELONA")),
    ],
)
def test_nationality_tail(nlp: Language, text: str, expected: tuple[str, str | None]) -> None:
    assert expected in orgs(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "label", "source", "covered", "kept"),
    [
        # rule bracket_gloss: the acronym of a place or a thing the NER reads is no body
        ("Il a couru le Championnat zorvien des rallyes ( ZCR ) en mai .",
         "Championnat zorvien des rallyes", "MISC", "classifier", False, False),
        ("Le chef de la République populaire de Zorvie ( RPZ ) a parlé .",
         "République populaire de Zorvie", "LOC", "ner", False, False),
        # a body the NER reads, a one-word name, a known acronym, a name chosen as a body
        ("Le chef de l' Agence zorvienne de presse ( AZP ) a parlé .",
         "Agence zorvienne de presse", "ORG", "classifier", False, True),
        ("Il a couru le Zorvathon ( ZRV ) en mai .", "Zorvathon", "MISC", "classifier",
         False, True),
        ("Il a couru le Championnat zorvien des rallyes ( ZCR ) en mai .",
         "Championnat zorvien des rallyes", "MISC", "kb", False, True),
        ("Le chef du Front populaire de Zorvie ( FPZ ) a parlé .",
         "Front populaire de Zorvie", "LOC", "classifier", True, True),
    ],
)
def test_bracket_glosses(
    text: str, name: str, label: str, source: str, covered: bool, kept: bool
) -> None:
    import spacy

    from dechiffre.pipeline.org_linker import _bracket_glosses
    from dechiffre.pipeline.org_rules import Candidate

    doc = spacy.blank("fr").make_doc(text)
    words = [t.text for t in doc]
    start = words.index(name.split()[0])
    end = start + len(name.split())
    doc.ents = [Span(doc, start, end, label=label)]
    acronym = Candidate(end + 1, end + 2, None, source)
    chosen = [acronym]
    if covered:
        chosen.insert(0, Candidate(start, end, None, "institution"))
    out = _bracket_glosses(doc, chosen)
    assert (acronym in out) is kept


def _doc_and_span(nlp: Language, text: str, name: str) -> tuple[Doc, Span]:
    """The tagged Doc of ``text`` and the span of its first ``name``."""
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return doc, span


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        # a span of the statistical model that no body name can be, by kind
        ("Selon le rapport.\n\nLes experts de Zorvia ont parlé.", "rapport.\n\nLes", "line_break"),
        # scraped texts may hold the line break as a backslash and an "n"
        ("Selon le rapport.\\n\\nLes experts de Zorvia ont parlé.", "rapport.\\n\\nLes",
         "line_break"),
        ("Suivez-le sur Twitter@zorvia_news pour la suite.", "Twitter@zorvia_news", "handle"),
        ("Le fleuve a débordé. (Credit: Zorvia Images) Le maire a parlé.",
         "Credit: Zorvia Images", "photo_credit"),
        ("Il a piloté un chasseur F-35 lors du salon.", "F-35", "code"),
        ("Une souche porcine (G 7) infecte les porcs.", "G 7", "code"),
        # a span cut inside a quote
        ("Elle préside le Cercle « Zorva et Lettres » depuis 2001.", "Cercle « Zorva",
         "unbalanced_quote"),
        # a work's title that fills a pair of quotes
        ("Le single « Zorva Pills » connaît un grand succès.", "Zorva Pills", "quoted_title"),
        ('Il joue aussi dans " Zorvona Dream " en 1993.', "Zorvona Dream", "quoted_title"),
        # machines in a list after a verb of release and "sur"
        ("Le jeu est sorti sur Zorviga, Atari ST et MSX en 1988.", "Zorviga", "release_platform"),
        ("Elle a été publiée en 1987 sur Amstrad CPC, MSX et Zorvtrum.", "Zorvtrum",
         "release_platform"),
        # a website named as the place of posting
        ("Le film obtient 7 sur le site Zorvacritic cette semaine.", "Zorvacritic", "website"),
        ("Il écrit souvent sur les forums Zorvanet depuis 1990.", "Zorvanet", "website"),
        # a name never ends on a link word, nor on a word cut at the line's end
        ("Il joue au Stade de Zorvac Roger Zorvani en 1960.", "Stade de", "dangling_link"),
        ("Les sections de la Fédération uni¬\nfiée des cheminots votent.", "Fédération uni¬",
         "cut_word"),
        # a name that ends on a code in capitals before a number is a car's model
        ("Au volant de la Zorvari ZF 60, il signe le cinquième temps.", "Zorvari ZF",
         "model_code"),
        ("Appuyez sur F2 pour renommer le fichier.", "F2", "code"),
        ("Membre du comité depuis dix ans, elle a démissionné.", "Membre", "common_word"),
        ("Alcool, tabac et sucre coûtent cher au pays.", "Alcool", "common_word"),
        # instructions run together by a scraped list: a verb form in -ez, not a name
        ("Activez le code secret Allez dans les paramètres du téléphone.", "Allez", "verb_form"),
        ("Pour finir, ouvrez les réglages et Sélectionnez le menu des comptes.", "Sélectionnez",
         "verb_form"),
        # an ordinal before a treaty or a war; a work or a programme named after its noun
        ("Il invoque la Quatrième Convention de Genève devant le juge.",
         "Quatrième Convention de Genève", "event_or_thing"),
        ("Elle présente l'émission Zorvia Witness chaque semaine.", "Zorvia Witness",
         "programme_name"),
        # a heading run into the text without a stop: a capitalised word opens a sentence
        ("Le Kenya accueille des réfugiés somaliens Nombre d'entre eux vivent à Dadaab.", "Nombre",
         "run_on_heading"),
        # a platform's name with a suffix: its users or creators
        ("Certains YouTubeurs vivent de leurs vidéos.", "YouTubeurs", "platform_derivative"),
        ("La marque courtise les TikTokkers pour sa publicité.", "TikTokkers",
         "platform_derivative"),
        # processes, technologies and alert levels named like bodies
        ("Les négociations du Brexit ont duré quatre ans.", "Brexit", "non_body_name"),
        ("Il a vendu un NFT pour deux millions de dollars.", "NFT", "non_body_acronym"),
        ("L'armée est passée au niveau DEFCON 3 cette nuit.", "DEFCON", "non_body_acronym"),
        ("Elle compte sur la coopération des États membres.", "coopération des États",
         "lower_case_phrase"),
        ("Le scandale du Watergate a fait tomber un président.", "scandale du Watergate",
         "lower_case_phrase"),
        ("Les crimes commis par l'Allemagne nazie sont jugés.", "Allemagne nazie",
         "historical_state"),
        # a capitalised singular common noun after a determiner: a product, diploma, text
        ("Ce café a le goût de l'Arabica, disent les experts.", "Arabica", "capitalised_noun"),
        ("Après son Baccalauréat, il part étudier à Dakar.", "Baccalauréat", "capitalised_noun"),
        ("Elle a obtenu son Master en droit à Paris.", "Master", "capitalised_noun"),
        ("Ils ont acheté du Paracétamol à la pharmacie.", "Paracétamol", "capitalised_noun"),
        # an acronym the text spells out as a thing: a disorder, a fuel, a device, a test
        ("Il souffre du trouble de stress post-traumatique (TSPT) depuis la guerre.", "TSPT",
         "defined_non_body"),
        ("Les foyers cuisinent au gaz de pétrole liquéfié (GPL) en ville.", "GPL",
         "defined_non_body"),
        # a word with a mark glued to it: the span stopped inside a word (scraped text)
        ("Il paie avec Visa ou ZorvaPayU. Les frais baissent.", "ZorvaPayU.", "glued_mark"),
        ("Les câbles sont à Zorvatel ou ZT&T. Il en existe 400.", "ZT&T.", "glued_mark"),
        ("Selon Zorvawatch,\"si le juge admet la plainte, tout change.", 'Zorvawatch,"si',
         "glued_mark"),
        # a span that stops inside a written word: the name goes on
        # (a capitalised word with "'s" is one token: "Zorvd's"; one in capitals is not)
        ("La ZORVD's List estime la valeur des cargaisons.", "ZORVD'", "glued_mark"),
        ("Les Zorv'libéraux perdent six sièges.", "Zorv'", "glued_mark"),
        # a French word alone in brackets glosses, it names nothing
        ("Le suicide assisté (Euthanasie) divise les médecins.", "Euthanasie", "common_word"),
        # a name that an apposition, a copula or a naming participle calls a thing
        ("Il cite Zorvania, un jeu en ligne sorti en 2009.", "Zorvania", "named_thing"),
        ("Ils utilisent Zorvaflu, une base de données sur la grippe.", "Zorvaflu", "named_thing"),
        ("Elle dirige Zorvacoin et Zorvanet, deux protocoles ouverts.", "Zorvanet", "named_thing"),
        ("Zorvablock est une autre application du même genre.", "Zorvablock", None),
        ("Zorvablock est un autre logiciel du même genre.", "Zorvablock", "named_thing"),
        ("Zorvawize est l'un de ces produits destinés aux écoles.", "Zorvawize", "named_thing"),
        ("Zorvawize, l'un des jeux les plus vendus, sort en mai.", "Zorvawize", "named_thing"),
        ("C'était un projet gouvernemental appelé Zorvanet à l'origine.", "Zorvanet",
         "named_thing"),
        ("Ils ont lancé une initiative connue sous le nom de Zorva Mind en 2019.", "Zorva Mind",
         "named_thing"),
        # a quoted name after a programme noun, or called a thing after its closing quote
        ("Le prêt sert la stratégie « Zorva Road » du président.", "Zorva Road",
         "programme_name"),
        ('Ils chantent "Zorva Lions", une chanson sur le football.', "Zorva Lions",
         "named_thing"),
        ("Elle dirige Zorvacoin et Zorvanet, deux protocoles ouverts.", "Zorvacoin",
         "named_thing"),
        # polls and leaks are no bodies (RN9: the body only)
        ("Selon les données du Zorva World Poll, le chômage recule.", "Zorva World Poll",
         "event_or_thing"),
        # regions named in several words, historical states, a place after "ex-"
        ("Ils sont venus d'Europe de l'Est en 2015.", "Europe de l'Est", "place"),
        ("Ils ont battu la Tchécoslovaquie en finale.", "Tchécoslovaquie", "place"),
        ("Le tribunal pour l'ex-Yougoslavie a jugé le général.", "ex-Yougoslavie", "place"),
        ("Il vit dans la Silicon Valley depuis 2010.", "Silicon Valley", "place"),
        # no name starts inside a hyphenated word
        ("Le mot vient de l'organisation Wi-Zorva Alliance.", "Zorva Alliance", "glued_mark"),
        # a programme noun, an adjective and a quote before the name
        ("La série hebdomadaire « Zorva Boss » présente des patrons.", "Zorva Boss",
         "programme_name"),
        # a facility named in English, or a name that stops right before an event or
        # facility word
        ("Le match a lieu au Zorva Stadium samedi.", "Zorva Stadium", "facility"),
        ("Il a entraîné à l'Zorvates Stadium pendant dix ans.", "Zorvates", "event_or_thing"),
        ("Elle a gagné les Zorvill Games en 1990.", "Zorvill", "event_or_thing"),
        # the title of a work: in quotes after a work noun, or after "auteur de"
        ('Il le raconte dans son livre "Zorva Front, censure et guerre" paru en 1992.',
         "Zorva Front", "work_title"),
        ("Elle est l'auteure de Zorva Cook, un récit sur la cuisine.", "Zorva Cook",
         "work_title"),
        # a person named before a comma and a trade; a treaty's acronym in brackets
        ("Zorva Ede, professeur de climatologie, a parlé.", "Zorva Ede", "person_in_apposition"),
        ("Ils se sont retirés du traité sur les missiles antibalistiques (ZBM) en 2002.", "ZBM",
         "defined_non_body"),
        # one thing of a firm after an indefinite article: a rental, a video, a car
        ("Ils ont loué un Zorvabnb près de l'aéroport.", "Zorvabnb", "indefinite_instance"),
        # time zones and disorders written by their acronym
        ("Le message est arrivé à 08:57 BST sur le forum.", "BST", "non_body_acronym"),
        ("Le séisme s'est produit à 14 h UTC, selon les sismologues.", "UTC", "non_body_acronym"),
        ("Le DIU (dispositif intra-utérin) est posé par un médecin.", "DIU", "defined_non_body"),
        ("Elle a conçu le Zorvia Burnout Inventory (ZBI) en 1981.", "ZBI", "defined_non_body"),
        # a person's trade or role before the name, adjectives between; a stage-name prefix
        ("C'est un duo avec la chanteuse guinéenne Zorvanna cet été.", "Zorvanna", "person_role"),
        ("Le titre est signé de l'artiste local Zorvee depuis Lagos.", "Zorvee", "person_role"),
        ("Le producteur Zorva K.D. a travaillé sur l'album.", "Zorva K.D.", "person_role"),
        ("On y entend souvent DJ Zorvuggs le samedi.", "DJ Zorvuggs", "person_role"),
        # an attack or a storm that a naming participle gives a name
        ("Le réseau a subi une cyberattaque appelée Zorvenergy en 2015.", "Zorvenergy",
         "named_thing"),
        ("Un an plus tard, une autre cyberattaque, baptisée Zorvoyer, a frappé.", "Zorvoyer",
         "named_thing"),
        # the genus and species of a living thing, with or without the Latin word in the span
        ("Le germe (Zorvomonas aeruginosa) résiste aux antibiotiques.", "Zorvomonas aeruginosa",
         "species"),
        ("La pieuvre commune, Zorvopus vulgaris, est élevée.", "Zorvopus", "species"),
        # a lower-case prefix that makes an adjective of a name
        ("Ils soutiennent les rebelles anti-Zorvie dans l'est.", "anti-Zorvie", "prefixed_word"),
        # a town named after its noun, and a work after the noun of its remake
        ("Le lac est situé près de la ville de Zorvona en Lettonie.", "Zorvona", "town_name"),
        ("Les fans ont fait plusieurs remakes de Zorvitch depuis 2012.", "Zorvitch",
         "work_title"),
        # a work noun with adjectives before the name, no quotes
        ("Elle expose sa lithographie emblématique Zorva Essays à Paris.", "Zorva Essays",
         "programme_name"),
        # a square or a street after its noun
        ("Les manifestants se sont réunis place Zorvir lundi soir.", "Zorvir", "street"),
        # a treaty written by its acronym
        ("Le traité de l'OTAN, le TNP, a été signé en 1968.", "TNP", "non_body_acronym"),
        # a ship after its noun, with or without adjectives, is no body that runs it
        ("Le navire Zorva Viking a débarqué 200 migrants à Brindisi.", "Zorva Viking", "vessel"),
        ("Le navire humanitaire Zorva Barents a secouru 60 personnes.", "Zorva Barents",
         "vessel"),
        # a name inside a work's title in quotes, after its first word
        ('Il le raconte dans son livre " Second Front, Zorvure et Guerre " paru en 1992.',
         "Zorvure", "work_title"),
        # a work's title in quotes that opens on an article and has no finite verb
        ('Il le cite dans " Le Déclin de la Zorvanie " en 1922.', "Déclin de la Zorvanie",
         "quoted_title"),
        ("Il paraît en 1871 : « La Zorvation de l'homme et la sélection ».", "Zorvation de l'homme",
         "quoted_title"),
    ],
)
def test_statistical_spans_that_are_no_bodies(
    nlp: Language, text: str, name: str, rule: str
) -> None:
    from dechiffre.pipeline.org_linker import _non_body_rule
    from dechiffre.pipeline.org_rules import Candidate

    linker = nlp.get_pipe("dechiffre_orgs")
    doc, span = _doc_and_span(nlp, text, name)
    cand = Candidate(span.start, span.end, None, "ner")
    assert _non_body_rule(doc, cand, set(), linker._known_word) == rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a thing spelt out once is a thing wherever the text repeats its acronym
        ("La peste porcine africaine (PPA) tue les porcs. Selon elle, la PPA gagne.",
         "defined_non_body"),
        # a body spelt out in lower case stays a body
        ("Le front de libération du Zorvan (FLZ) a revendiqué l'attaque. Le FLZ dément.", None),
        ("Les volontaires pour la défense du Zorvan (VDZ) patrouillent. Les VDZ sont armés.",
         None),
        # a capitalised name before the acronym is left to the other rules
        ("Le Conseil zorvien de la recherche (CZR) a publié. Selon le CZR, tout va bien.", None),
        ("Le groupe de campagne Care for Zorvia (CZA) a écrit. La CZA insiste.", None),
    ],
)
def test_acronym_read_by_its_definition(nlp: Language, text: str, rule: str | None) -> None:
    from dechiffre.pipeline.org_linker import _non_body_rule
    from dechiffre.pipeline.org_rules import Candidate

    doc = nlp(text)
    last = [t for t in doc if t.text.isupper() and len(t) > 2][-1]  # the repeated acronym
    cand = Candidate(last.i, last.i + 1, None, "classifier")
    assert _non_body_rule(doc, cand, set()) == rule


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zorvatech a annoncé des bénéfices records.", "Zorvatech"),  # no French word
        ("Le rapport de Gonzalez sera publié demain.", "Gonzalez"),  # no verb form in -ez
        ("Le rachat de Twitter par Musk est conclu.", "Twitter"),  # the platform itself
        ("Selon l'opérateur historique Orange, le réseau tient.", "Orange"),  # an apposition
        ("Les élus du Brexit Party ont voté contre.", "Brexit Party"),  # a party, not the exit
        ("Le rapport de l'orchestre philharmonique de Vienne est paru.",
         "orchestre philharmonique de Vienne"),
        ("Selon la société Rapid7, la faille est grave.", "Rapid7"),  # a name with a digit
        # a body noun, a plural team nickname or a name that is no French word stays
        ("La décision du Parlement est attendue lundi.", "Parlement"),
        ("Il peut jouer pour les Léopards dès mars.", "Léopards"),
        ("Le rapport du Fonds sera publié demain.", "Fonds"),
        ("Il a signé au Standard de Liège cet été.", "Standard"),  # a longer name starts
        ("Le rapport de la Zorvatech sera publié demain.", "Zorvatech"),
        # a group "de campagne" campaigns; it is no campaign's name (programme_name)
        ("Le groupe de campagne Zorvia Watch a écrit au ministre.", "Zorvia Watch"),
        # an apposition or a naming participle with a body noun keeps the name
        ("Il a payé Zorvacorp, une société de conseil basée à Dubaï.", "Zorvacorp"),
        ("Les droits sont vendus par une agence appelée Zorva Sport.", "Zorva Sport"),
        ("Le contrat passe par Zorvatech, deux fois condamnée.", "Zorvatech"),
        # a body after a work noun without quotes, or after "directeur de", stays
        ("Il est le directeur de Zorva Research depuis 2015.", "Zorva Research"),
        # a body's acronym after its name stays, and so does a firm set off by a comma
        ("Il a saisi la Commission zorvienne pour la paix (ZCP) en 2002.", "ZCP"),
        ("Il travaille chez Zorva Steel, un fabricant de sièges.", "Zorva Steel"),
        # a name in brackets that is no French word stays
        ("Le rapport de la société (Zorvatech) est paru.", "Zorvatech"),
        # a body named after a region is no place
        ("Le Fonds zorvien pour l'Europe de l'Est a publié son rapport.",
         "Fonds zorvien pour l'Europe de l'Est"),
        # abbreviations that end a company's name keep their stop
        ("Le studio Zorva Bros. a ressorti le film.", "Zorva Bros."),
        # a body noun before the quote keeps a quoted name
        ("L'unité de police spécialisée « Zorvks » enquête.", "Zorvks"),
        ("Le groupe de campagne, « Zorva Our Pain », a réagi.", "Zorva Our Pain"),
        # a website that acts is a medium; a name after "de" is no dangling link
        ("Le site Zorvapart a publié le rapport lundi.", "Zorvapart"),
        ("Il a quitté le Zorvia Club de Lens en mai.", "Zorvia Club de Lens"),
        # a name with its whole quote inside stays
        ("Le Cercle « Zorva » a ouvert ses portes.", "Cercle « Zorva »"),
        # one name after "sur", or a list after another verb, stays
        ("Le reportage est à voir sur Zorva Afrique dès ce soir.", "Zorva Afrique"),
        ("Il intervient sur Zorva Radio et BFM TV chaque semaine.", "Zorva Radio"),
        # a score after a club that ends on capitals
        ("Le Zorvia SG 3 - 0 Lens, dit la presse.", "Zorvia SG"),
        # a body after a trade noun's complement, or after a company noun and an adjective
        ("Il est le chanteur du groupe Zorva Pilots depuis 2001.", "Zorva Pilots"),
        ("Selon le géant pétrolier italien Zorvi, la production baisse.", "Zorvi"),
        # a body after "de" and a noun that is no town's nor a remake's
        ("Le directeur de la banque de Zorvafin a parlé.", "Zorvafin"),
        # a journal's Latin title is no species; a French word in lower case is no species
        ("Il écrit dans la revue Zorvitica hermetica depuis 1985.", "Zorvitica hermetica"),
        ("Selon Zorvatech plus de clients paient.", "Zorvatech"),
        # a quote that closed before a sentence ended holds no title
        ('Il parle du programme". Un fonds pour les soins (ZFS) pourrait aider.', "ZFS"),
        # speech in quotes that opens on an article: a finite verb, no title
        ("« La Zorvia Bank a menti », dit-il.", "Zorvia Bank"),
    ],
)
def test_statistical_spans_that_may_be_bodies(nlp: Language, text: str, name: str) -> None:
    from dechiffre.pipeline.org_linker import _non_body_rule
    from dechiffre.pipeline.org_rules import Candidate

    linker = nlp.get_pipe("dechiffre_orgs")
    doc, span = _doc_and_span(nlp, text, name)
    cand = Candidate(span.start, span.end, None, "ner")
    assert _non_body_rule(doc, cand, set(), linker._known_word) is None


@pytest.mark.parametrize(
    ("text", "name", "listed"),
    [
        ("Il rejoint ainsi Karim Benali, Karl Malone, Kevin Garnett et Julius Erving.",
         "Karim Benali", True),
        ("Le film réunit Zora Bellamy et Alicia Keys dans les rôles principaux.",
         "Zora Bellamy", True),
        # an apposition, not a list: the club's coach follows it
        ("Le coach de Seattle Seahawks, Pete Carroll, a annoncé la nouvelle.",
         "Seattle Seahawks", False),
    ],
)
def test_first_of_a_list_of_people_is_a_person(
    nlp: Language, text: str, name: str, listed: bool
) -> None:
    from dechiffre.pipeline.org_linker import _listed_with_persons
    from dechiffre.pipeline.org_rules import Candidate

    doc, span = _doc_and_span(nlp, text, name)
    assert _listed_with_persons(doc, Candidate(span.start, span.end, None, "ner")) is listed


@pytest.mark.parametrize(
    ("text", "name", "kb_id"),
    [
        # a name that starts with an article, written after a contraction or in lower case (O5)
        ("Selon un article du Figaro, le vote est reporté.", "Figaro", "FR_LE_FIGARO"),
        ("Il l'a confié au Monde lundi soir.", "Monde", "FR_LE_MONDE"),
        # a name without an article resolves as written; an unknown one stays unlinked
        ("Selon un article de Libération, le vote est reporté.", "Libération", "FR_LIBERATION"),
        ("Selon un article du Zorvia, le vote est reporté.", "Zorvia", None),
    ],
)
def test_statistical_names_resolve_with_their_article(
    nlp: Language, text: str, name: str, kb_id: str | None
) -> None:
    linker = nlp.get_pipe("dechiffre_orgs")
    doc, span = _doc_and_span(nlp, text, name)
    assert linker._resolve_name(doc, span, {}) == kb_id


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        # a credit word opens a caption only before ":" or "photo"; else it starts a bank's name
        ("Le fleuve a débordé. (Crédit photo : Zorvia) Le maire a parlé.", "Crédit photo",
         "photo_credit"),
        ("La banque Crédit Zorvien a prêté deux millions au port.", "Crédit Zorvien", None),
        ("Les actionnaires de Credit Suisse ont vendu leurs titres.", "Credit Suisse", None),
    ],
)
def test_credit_word_caption_or_bank(nlp: Language, text: str, name: str, rule: str | None) -> None:
    from dechiffre.pipeline.org_linker import _non_body_rule
    from dechiffre.pipeline.org_rules import Candidate

    linker = nlp.get_pipe("dechiffre_orgs")
    doc, span = _doc_and_span(nlp, text, name)
    cand = Candidate(span.start, span.end, None, "ner")
    assert _non_body_rule(doc, cand, set(), linker._known_word) == rule


@pytest.mark.parametrize(
    ("text", "rule_name", "ner_name", "expected"),
    [
        # rule glued_continuation: the NER reads the written word on across a hyphen
        ("Il joue au FC Martigny-Sports depuis un an.", "FC Martigny", "FC Martigny-Sports",
         "FC Martigny-Sports"),
        ("Il signe au Football Club Zorvel-Nord en mai.", "Football Club Zorvel",
         "Football Club Zorvel-Nord", "Football Club Zorvel-Nord"),
        # spaces around the mark, or a lower-case continuation: two words, the rule span stays
        ("La Zorvia Bank - Nord a payé.", "Zorvia Bank", "Zorvia Bank - Nord", "Zorvia Bank"),
        ("La Zorvia Bank-export a payé.", "Zorvia Bank", "Zorvia Bank-export", "Zorvia Bank"),
    ],
)
def test_glued_continuation(text: str, rule_name: str, ner_name: str, expected: str) -> None:
    import spacy

    from dechiffre.pipeline.org_linker import _glued_continuations
    from dechiffre.pipeline.org_rules import Candidate

    doc = spacy.blank("fr")(text)

    def cand(name: str, source: str) -> Candidate:
        span = doc.char_span(text.index(name), text.index(name) + len(name))
        assert span is not None
        return Candidate(span.start, span.end, None, source)

    rule, ner = cand(rule_name, "club_prefix"), cand(ner_name, "ner")
    chosen = _glued_continuations(doc, [rule], [rule, ner])
    assert [doc[c.start : c.end].text for c in chosen] == [expected]


@pytest.mark.parametrize(
    ("text", "chosen_name", "expected"),
    [
        # rule possessive_head: a name after a capitalised "X's" takes it in
        ("Une étude de la Wales's Rugby Board a paru.", "Rugby Board", "Wales's Rugby Board"),
        ("Selon la New York's Harbour Authority, le port ferme.", "Harbour Authority",
         "New York's Harbour Authority"),
        ("La Zorvia’s Farmers Union a protesté.", "Farmers Union", "Zorvia’s Farmers Union"),
        # a space inside, or a lower-case word: no possessive of the name
        ("Le Brexit, c'est Johnson' s Cabinet Office qui le gère.", "Cabinet Office",
         "Cabinet Office"),
        ("Les joueurs's Union Club ont signé.", "Union Club", "Union Club"),
        # a known body as the possessor is a body of its own: its app is another name
        ("Il utilise Zorvatel's Chatbox chaque jour.", "Chatbox", "Chatbox"),
    ],
)
def test_possessive_head(text: str, chosen_name: str, expected: str) -> None:
    import spacy

    from dechiffre.pipeline.org_linker import _possessive_heads
    from dechiffre.pipeline.org_rules import Candidate

    doc = spacy.blank("fr")(text)
    span = doc.char_span(text.index(chosen_name), text.index(chosen_name) + len(chosen_name))
    assert span is not None
    chosen = _possessive_heads(
        doc, [Candidate(span.start, span.end, None, "ner")], lambda name: name == "Zorvatel"
    )
    assert [doc[c.start : c.end].text for c in chosen] == [expected]


@pytest.mark.parametrize(
    ("text", "name", "is_org"),
    [
        # rule person_surname: a known name ending a person read after first names only
        ("Elle écoute un opéra de Richard Wagner chaque soir.", "Wagner", False),
        # the body itself, and a title before the known name, keep it
        ("Les mercenaires de Wagner sont au Mali.", "Wagner", True),
        ("Le président de la FIFA a parlé lundi.", "FIFA", True),
    ],
)
def test_person_surname(nlp: Language, text: str, name: str, is_org: bool) -> None:
    assert (name in [e.text for e in nlp(text).ents if e.label_ == "ORG"]) is is_org


@pytest.mark.parametrize(
    ("text", "name", "is_code"),
    [
        # rule model_code: an acronym before a number with a leading zero names a model
        ("Il pilote la Zorvia ZR 02 cette saison.", "ZR", True),
        ("Sa ZR 03 est plus rapide.", "ZR", True),
        # a score, a year or a count after a body keeps the body
        ("Le ZFC 2 - 1 Nantes, dit la presse.", "ZFC", False),
        ("La ZRA 2024 a commencé.", "ZRA", False),
        ("La Zorvia Bank 02 ferme.", "Zorvia Bank", False),
        # a name that ends on a short code in capitals before a number, but for a score
        ("Il pilote la Zorvari ZF 60 cette saison.", "Zorvari ZF", True),
        ("Sa Force Zorvia VJM 05 est trop lourde.", "Force Zorvia VJM", True),
        ("Le Zorvia SG 3 - 0 Lens, dit la presse.", "Zorvia SG", False),
        ("Le Zorvia SG 3 à 0 face à Lens.", "Zorvia SG", False),
        ("Le Zorvia Club 3 fois champion.", "Zorvia Club", False),
    ],
)
def test_model_code(text: str, name: str, is_code: bool) -> None:
    import spacy

    from dechiffre.pipeline.org_linker import _model_code
    from dechiffre.pipeline.org_rules import Candidate

    doc = spacy.blank("fr")(text)
    span = doc.char_span(text.index(name), text.index(name) + len(name))
    assert span is not None
    assert _model_code(doc, Candidate(span.start, span.end, None, "kb")) is is_code


@pytest.mark.parametrize(
    ("text", "name", "town", "source", "expected"),
    [
        # rule team_town: a team's nickname with its town is one name (RN1)
        ("Il a rejoint les Zorvers de Montréal en mars.", "Zorvers", "Montréal", "classifier",
         "Zorvers de Montréal"),
        ("Il a rejoint les Blue Zorvers de Los Angeles.", "Blue Zorvers", "Los Angeles", "ner",
         "Blue Zorvers de Los Angeles"),
        ("Il a rejoint les Zorvers d' Edmonton en mars.", "Zorvers", "Edmonton", "classifier",
         "Zorvers d' Edmonton"),
        # in a sports text, a nickname in the singular too
        ("Le gardien du Zorvard de Liège a quitté le club en fin de saison, après la finale.",
         "Zorvard", "Liège", "ner", "Zorvard de Liège"),
        # elsewhere a body "of" a place keeps its own name; rule names keep their span
        ("Le Zorvia de Montréal publie un rapport.", "Zorvia", "Montréal", "ner", "Zorvia"),
        ("Il a rejoint les Zorvers de Montréal en mars.", "Zorvers", "Montréal", "kb",
         "Zorvers"),
        # no place after "de": nothing to take in
        ("Il a rejoint les Zorvers de Montréal en mars.", "Zorvers", "", "classifier",
         "Zorvers"),
        # a town in one hyphenated word, and one the NER reads as MISC
        ("Il entraîne les Zorvers de Saint-Zorvin depuis mars.", "Zorvers", "Saint-Zorvin",
         "classifier", "Zorvers de Saint-Zorvin"),
        ("Il a joué contre les Zorvers de Golden Zorv hier.", "Zorvers", "Golden Zorv",
         "classifier", "Zorvers de Golden Zorv"),
        # a plural nickname in a sports text, before a town the NER reads as nothing
        ("Le match de la saison : les Zorvers de Chicago gagnent la finale au club.", "Zorvers",
         "", "ner", "Zorvers de Chicago"),
        ("Le match de la saison : le Zorvard de Chicago gagne la finale au club.", "Zorvard",
         "", "ner", "Zorvard"),
        # the NER reads the nickname and its town as one entity, of any label
        ("Il débute avec les Zorvers de Saskatoon en 1993.", "Zorvers", "Zorvers de Saskatoon",
         "classifier", "Zorvers de Saskatoon"),
        ("Il débute avec les Zorvers de la Saskatoon en 1993.", "Zorvers",
         "Zorvers de la Saskatoon", "classifier", "Zorvers"),
    ],
)
def test_team_town(text: str, name: str, town: str, source: str, expected: str) -> None:
    import spacy

    from dechiffre.pipeline.org_linker import _team_towns
    from dechiffre.pipeline.org_rules import Candidate

    doc = spacy.blank("fr")(text)
    span = doc.char_span(text.index(name), text.index(name) + len(name))
    assert span is not None
    doc.ents = []
    if town:
        label = "MISC" if town.startswith(name) or "Golden" in town else "LOC"
        place = doc.char_span(text.index(town), text.index(town) + len(town), label=label)
        assert place is not None
        doc.ents = [place]
    (cand,) = _team_towns(doc, [Candidate(span.start, span.end, None, source)])
    assert doc[cand.start : cand.end].text == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # rule abbreviation_stop: the stop glued to an abbreviation ends the name
        ("En 1993, Zorva Bros. a ressorti le film.", "Zorva Bros", "Zorva Bros."),
        ("Le jeu est vendu par Zorvari Inc. en 1976.", "Zorvari Inc", "Zorvari Inc."),
        # a sentence's stop after a name, or a stop apart from it, stays out
        ("Le film est produit par Zorva Pictures. Il sort en mai.", "Zorva Pictures",
         "Zorva Pictures"),
        ("Il a signé avec Zorva Bros . Le film sort en mai.", "Zorva Bros", "Zorva Bros"),
    ],
)
def test_abbreviation_stop(text: str, name: str, expected: str) -> None:
    import spacy

    from dechiffre.pipeline.org_linker import _abbreviation_stop
    from dechiffre.pipeline.org_rules import Candidate

    doc = spacy.blank("fr")(text)
    span = doc.char_span(text.index(name), text.index(name) + len(name))
    assert span is not None
    cand = _abbreviation_stop(doc, Candidate(span.start, span.end, None, "gazetteer"))
    assert doc[cand.start : cand.end].text == expected


@pytest.mark.parametrize(
    ("text", "name", "is_team"),
    [
        # rule team_shape: a capitalised plural nickname, "de" and a capitalised town
        ("Il joue pour les Zorvers de New York depuis mai.", "Zorvers de New York", True),
        ("Il signe avec les Zorvers d'Anaheim en mai.", "Zorvers d'Anaheim", True),
        ("Il est repêché par les Red Zorvers de Détroit.", "Red Zorvers de Détroit", True),
        # a demonym, an institution head, a singular word or a longer town is no nickname
        ("Les Ivoiriens de France ont voté.", "Ivoiriens de France", False),
        ("Il siège au Congrès du Zorvucky depuis 2010.", "Congrès du Zorvucky", False),
        ("Il a vu Zorvers de New York hier.", "Zorvers de New York", False),
        ("Il a signé au Zorvard de Liège cet été.", "Zorvard de Liège", False),
        ("Les Zorvers de Côte d'Ivoire ont gagné.", "Zorvers de Côte", False),
        ("Les Zorvers de la Loire ont gagné.", "Zorvers de la Loire", False),
    ],
)
def test_team_shape(text: str, name: str, is_team: bool) -> None:
    import spacy

    from dechiffre.pipeline.org_linker import _team_shape

    doc = spacy.blank("fr")(text)
    span = doc.char_span(text.index(name), text.index(name) + len(name))
    assert span is not None
    assert _team_shape(doc, span) is is_team


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        # a team's nickname with its town is accepted from classifier_team_min_score
        (0.8, ["Zorvers de Chicago"]),
        (0.4, []),
    ],
)
def test_team_names_have_their_own_classifier_score(
    nlp: Language, score: float, expected: list[str]
) -> None:
    from spacy.tokens import Span

    from dechiffre.pipeline.org_linker import CLASSIFIER_KEY

    linker = nlp.get_pipe("dechiffre_orgs")
    doc = nlp.make_doc("Hier, il a signé avec les Zorvers de Chicago pour trois ans.")
    for name, proc in nlp.pipeline:
        if name not in ("dechiffre_token_classifier", "dechiffre_orgs"):
            doc = proc(doc)
    found = Span(doc, 7, 10, label="ORG")
    assert found.text == "Zorvers de Chicago"
    found._.dechiffre_clf_score = score
    doc.spans[CLASSIFIER_KEY] = [found]
    doc = linker(doc)
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    ("text", "ner_name", "clf_name", "expected"),
    [
        # rule classifier_tail: the classifier reads the NER name on into capitalised words
        ("Il chantait dans Zorva Temple Pilots en 1995.", "Zorva", "Zorva Temple Pilots",
         "Zorva Temple Pilots"),
        ("Selon Zorva Business Solutions, le prix monte.", "Zorva Business",
         "Zorva Business Solutions", "Zorva Business Solutions"),
        # a lower-case continuation, or a longer name that no filter lets through, stays short
        ("Selon Zorva Business de Lagos, le prix monte.", "Zorva Business",
         "Zorva Business de Lagos", "Zorva Business"),
        ("Le match a lieu au Zorva Stadium samedi.", "Zorva", "Zorva Stadium", "Zorva"),
    ],
)
def test_classifier_tail(text: str, ner_name: str, clf_name: str, expected: str) -> None:
    import spacy

    from dechiffre.pipeline.org_linker import _classifier_tails
    from dechiffre.pipeline.org_rules import NON_BODY_TAILS, Candidate

    doc = spacy.blank("fr")(text)

    def span(name: str) -> Span:
        found = doc.char_span(text.index(name), text.index(name) + len(name))
        assert found is not None
        return found

    ner = span(ner_name)
    chosen = _classifier_tails(
        doc,
        [Candidate(ner.start, ner.end, None, "ner")],
        [span(clf_name)],
        lambda c: doc[c.end - 1].text not in NON_BODY_TAILS and doc[c.end - 1].text != "Stadium",
    )
    assert [doc[c.start : c.end].text for c in chosen] == [expected]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # rule told_to: after a speech verb's "à", the speaker follows the medium's name
        ("« Rien n'est joué », explique à BBC Mundo Kristan Zorvates Ulrichsen, analyste.",
         "BBC Mundo"),
        ("« Rien n'est joué », déclare à BBC Mundo Davide Zorviguez-Arias, professeur.",
         "BBC Mundo"),
        ("« Tout change », explique à la BBC World Raul Zorvas Gonzalez, professeur d'économie.",
         "BBC World"),
    ],
)
def test_medium_told_to_before_its_speaker(nlp: Language, text: str, name: str) -> None:
    assert name in [e.text for e in nlp(text).ents if e.label_ == "ORG"]


@pytest.mark.parametrize(
    ("text", "name", "posted"),
    [
        # RA1: the place a message is posted, after a possessive, "via" or a doubled space
        ("Il a affiché une photo sur son Instagram hier.", "Instagram", True),
        ("Tout commence par un message via WhatsApp ou un appel.", "WhatsApp", True),
        ("Le groupe familial sur  WhatsApp est devenu un champ de bataille.", "WhatsApp", True),
        # a noun that the platform qualifies, or a platform that acts, is the service (RN2)
        ("Il a écrit sur son compte Instagram hier.", "Instagram", False),
        ("Selon WhatsApp, via son porte-parole, rien n'a fui.", "WhatsApp", False),
    ],
)
def test_platform_as_place_of_posting(nlp: Language, text: str, name: str, posted: bool) -> None:
    from dechiffre.pipeline.org_linker import _platform_as_place
    from dechiffre.pipeline.org_rules import Candidate

    doc, span = _doc_and_span(nlp, text, name)
    assert _platform_as_place(doc, Candidate(span.start, span.end, None, "kb")) is posted


@pytest.mark.parametrize(
    ("text", "name", "example"),
    [
        # RA2: a platform, app or site named as an example of its kind is the product
        ("Mais avec une application comme Zorvtok, votre vidéo circule.", "Zorvtok", True),
        ("Non sur les plateformes gratuites comme Zorvder, Zorvcupid et Zorvinge.", "Zorvinge",
         True),
        ("Il passe par des plateformes de rencontres comme Zorvder où il attire.", "Zorvder", True),
        ("Il poste sur des réseaux sociaux comme Zorvbook chaque jour.", "Zorvbook", True),
        ("Nous sommes petits comparés à des services tels que Zorvmail, dit-il.", "Zorvmail", True),
        # firms of a trade, bodies of another kind, and a network that is no social one
        ("Les envois passent par des services de transfert d'argent comme Zorva Union.",
         "Zorva Union", False),
        ("Des entreprises comme Zorvatech recrutent.", "Zorvatech", False),
        ("Des réseaux comme Zorva Qaïda recrutent au Sahel.", "Zorva Qaïda", False),
    ],
)
def test_example_of_kind(nlp: Language, text: str, name: str, example: bool) -> None:
    from dechiffre.pipeline.org_linker import _example_of_kind
    from dechiffre.pipeline.org_rules import Candidate

    doc, span = _doc_and_span(nlp, text, name)
    assert _example_of_kind(doc, Candidate(span.start, span.end, None, "kb")) is example


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # RA3: two makers joined by a hyphen or a slash are one name without kb_id
        ("Seul le vaccin Pfizer-Moderna a été approuvé.", ["Pfizer", "Moderna"],
         [("Pfizer-Moderna", None)]),
        ("Les vaccins BioNtech/Pfizer et Moderna sont là.", ["BioNtech", "Pfizer", "Moderna"],
         [("BioNtech/Pfizer", None), ("Moderna", "kb")]),
        ("Le Kenya teste le vaccin Oxford - Astrazeneca, dit-il.", ["Astrazeneca"],
         [("Oxford - Astrazeneca", None)]),
        # a dash before a clause, a hyphen spaced on one side, a name that is no maker's
        ("L'un par Pfizer et l'autre par Moderna - utilisent l'ARN.", ["Pfizer", "Moderna"],
         [("Pfizer", "kb"), ("Moderna", "kb")]),
        ("Le vaccin Moderna -Le Monde le dit.", ["Moderna"], [("Moderna", "kb")]),
        ("Le match Zorvia-Lens est reporté.", ["Zorvia", "Lens"],
         [("Zorvia", "kb"), ("Lens", "kb")]),
    ],
)
def test_joint_makers(
    nlp: Language, text: str, names: list[str], expected: list[tuple[str, str | None]]
) -> None:
    from dechiffre.pipeline.org_linker import _joint_makers
    from dechiffre.pipeline.org_rules import Candidate

    doc = nlp(text)
    chosen = []
    for name in names:
        span = _doc_and_span(nlp, text, name)[1]
        chosen.append(Candidate(span.start, span.end, "kb", "kb"))
    out = _joint_makers(doc, chosen)
    assert [(doc[c.start : c.end].text, c.kb_id) for c in out] == expected


@pytest.mark.parametrize(
    ("text", "name", "kb_id", "expected"),
    [
        # RA4: a lower-case kind noun before a proper name stays out; the kb_id is kept or found
        ("Les mercenaires du groupe Wagner sont apparus.", "groupe Wagner", "WAGNER",
         ("Wagner", "WAGNER")),
        ("Il dit que le parti Baas perd sa jeunesse.", "parti Baas", None, ("Baas", None)),
        ("L'agence Frontex survole la zone.", "agence Frontex", None, ("Frontex", "FRONTEX")),
        # a capitalised kind noun is part of the name; a head of a name in lower case stays
        ("Le Groupe Wagner a démenti.", "Groupe Wagner", "WAGNER", ("Groupe Wagner", "WAGNER")),
        ("Selon l'université Tufts, le taux baisse.", "université Tufts", None,
         ("université Tufts", None)),
        ("Le groupe de Lima s'est réuni.", "groupe de Lima", None, ("groupe de Lima", None)),
    ],
)
def test_kind_noun_out(
    nlp: Language, text: str, name: str, kb_id: str | None, expected: tuple[str, str | None]
) -> None:
    from dechiffre.pipeline.org_linker import OrgLinker
    from dechiffre.pipeline.org_rules import Candidate

    linker = nlp.get_pipe("dechiffre_orgs")
    assert isinstance(linker, OrgLinker)
    doc, span = _doc_and_span(nlp, text, name)
    out = linker._kind_noun_out(doc, Candidate(span.start, span.end, kb_id, "institution"), {})
    assert (doc[out.start : out.end].text, out.kb_id) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "kb_id"),
    [
        # scraped text carries invisible characters inside names: they do not hide the body
        ("Selon l'O\u200bMS, 300 personnes sont mortes.", "O\u200bMS", "WHO"),
        ("L'ONU dit que l'Union afri\u00adcaine enverra 3 000 soldats.", "Union afri\u00adcaine",
         "AU"),
    ],
)
def test_invisible_characters_do_not_hide_the_body(
    nlp: Language, text: str, name: str, kb_id: str
) -> None:
    assert (name, kb_id) in orgs(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym defined in brackets after a linked name that lists it keeps that meaning
        # through the text, whatever the country cues would pick
        (
            "Le Programme alimentaire mondial (PAM) aide le Maroc. Le PAM livre 300 tonnes.",
            [("Programme alimentaire mondial", "WFP"), ("PAM", "WFP"), ("PAM", "WFP")],
        ),
        # with no such definition, the country cues choose
        ("Au Maroc, le PAM a remporté les élections.", [("PAM", "MA_PAM")]),
    ],
)
def test_acronym_defined_by_its_name(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert orgs(nlp, text) == expected
