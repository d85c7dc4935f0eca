"""The time slot of a claim frame: which time expression places an amount, and its value."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from .attributes import CLAIM, PREFIX
from .claim_predicate import _at_age, _is_age
from .claim_syntax import (
    CLAUSE_DEPS,
    OF_WORDS,
    SUBJ_DEPS,
    _after_comma,
    _anchor,
    _doc_text,
    _has_case,
    _is_report_verb,
    _lemma,
)
from .claim_time import SENTENCE_END_RE, TimeExpr
from .claim_time_scope import (
    DASHES,
    dates_another,
    is_counted,
    restated_time,
)
from .claim_time_words import (
    AGE_CLASS_ARTICLES,
    AGE_CLASS_LIMITS,
    AGED_WORDS,
    BIRTH_VERBS,
    CONSEQUENCE_VERBS,
    DURATION_IDIOMS,
    FIRST_WORDS,
    LENGTH_NOUNS,
    RECORD_WORDS,
    SURVEY_NOUNS,
    SURVEY_VERBS,
)
from .claim_words import (
    AGE_UNITS,
    BOUNDARY_PUNCT,
    CLAUSE_PRONOUNS,
    COORDINATORS,
    INFINITIVE_CLAUSE_CUES,
    OF_CASES,
    PERIOD_UNITS,
    RELATIVE_PRONOUNS,
    SOURCE_CASES,
)


def _clause(tok: Token) -> Token:
    """The head of the clause a token belongs to: its nearest verb or clause-heading ancestor."""
    for _ in range(12):
        if (
            tok.head.i == tok.i
            or tok.dep_ in CLAUSE_DEPS
            or (tok.pos_ == "VERB" and (tok.dep_ != "acl" or _apposed(tok)))
        ):
            return tok
        tok = tok.head  # a participle ("des règlements liés au trafic en 2025") is no clause
    return tok


def _apposed(participle: Token) -> bool:
    """A participle set off by a comma is a clause of its own ("La société, fondée en 2006,
    affirme avoir un million de clients": 2006 places the founding; rule 'apposed')."""
    return participle.i > participle.sent.start and participle.doc[participle.i - 1].text == ","


def _shares_time(clause: Token) -> bool:
    """A clause placed by its head's time: coordinated, a complement, an infinitive. A
    conjunct with a subject of its own says another thing ("Messi, qui a marqué en 2005 et
    qui a remporté 10 titres": 2005 is the goal's; rule 'own_subject')."""
    if clause.dep_ == "conj" and any(c.dep_ in SUBJ_DEPS for c in clause.children):
        return False
    return (
        clause.dep_ in SHARED_CLAUSE_DEPS
        or (clause.dep_ == "advcl" and "Inf" in clause.morph.get("VerbForm", []))
        # "ont quadruplé entre 1990 et 2019, passant de 28 à 92 millions": a present
        # participle after a comma, past its clause's verb, goes on with that event at its
        # time; not one inside the subject ("Deux fosses, contenant des centaines de corps,
        # ont été découvertes par la suite"; rule 'participle_goes_on')
        or (
            _apposed(clause)
            and "Part" in clause.morph.get("VerbForm", [])
            and "Pres" in clause.morph.get("Tense", [])
            and _clause(clause.head).i < clause.i
        )
    )


def _finite(verb: Token) -> bool:
    """A verb that makes a predication of its own: finite, or with its own auxiliary."""
    return "Fin" in verb.morph.get("VerbForm", []) or any(
        c.dep_ in {"aux", "aux:tense", "aux:pass"} for c in verb.children
    )


def _relative(verb: Token) -> bool:
    """A clause opened by a relative pronoun ("et à laquelle participent ...")."""
    return any("Rel" in t.morph.get("PronType", []) for t in verb.subtree if t.i < verb.i)


def _time(
    amount: Span,
    sent: Span,
    times: list[TimeExpr],
    pred: Token,
    amounts: list[Span],
    *,
    describes: bool = False,
) -> tuple[dict[str, Any] | None, str]:
    inside = [
        t
        for t in times
        if sent.start_char <= t.start
        and t.end <= sent.end_char
        and not (t.start < amount.end_char and amount.start_char < t.end)
    ]
    # "130 points de deal, contre plus de 150 il y a deux ans": the time after "contre"
    # places the compared amount, not this one (rule 'comparison')
    text = _doc_text(amount.doc)
    inside = [
        t
        for t in inside
        if not (t.start >= amount.end_char and _compared(text, amount, t, amounts))
    ]
    # "Jusqu'à présent, 24 % ..., soit bien plus que la moyenne de 7 %": the base of a
    # comparison is not placed by a time before it (rule 'comparison_base', CR11)
    if _comparison_base(amount):
        inside = [t for t in inside if t.start >= amount.end_char]
        if not inside:
            return None, "comparison_base"
    # a paragraph break between them, one the parser did not see too ("...\\n\\nEn 2019,")
    inside = [t for t in inside if not _break_between(text, amount, t)]
    if amount.doc.has_annotation("DEP"):
        inside = [
            t for t in inside if not _dates_the_report(amount, t) and not _record_base(amount, t)
        ]
        # "le vaccin introduit en 2010", "les pays, qui ont quitté ... en janvier 2025,":
        # a participle or relative clause dates its own noun (claim_time_scope.py)
        inside = [t for t in inside if not _dates_another(amount, t)]
        inside = [t for t in inside if not _dates_birth(amount, t) and not _names_a_day(amount, t)]
    # "surtaxe de 39 %, avant qu'un accord ne la ramène à 15 %": a clause of time ("avant que",
    # "après que", "jusqu'à ce que") has a time of its own; "38 tirs, dont 16 au cours du
    # deuxième engagement": the part's time is not the whole's (rule 'time_frame')
    inside = [
        t
        for t in inside
        if not _time_frame_between(text, amount, t)
        and not (t.start >= amount.end_char and PART_LIST_RE.search(text, amount.end_char, t.start))
    ]
    if not inside:
        return None, "none"
    if amount.start > 0 and amount.doc[amount.start - 1].lower_ in COMPARED_WORDS:
        # "atteignant 70 millions en 2019, contre 43 millions en 2018": the compared amount
        # takes the time right after it, whatever predicate it shares (rule 'compared_own')
        own = [
            t
            for t in inside
            if t.start >= amount.end_char and not _time_boundary(amount, t, amounts)
        ]
        if own:
            best = min(own, key=lambda t: _distance(amount, t))
            value = _time_value(best, pred)
            return {"start": best.start, "end": best.end, "value": value}, "compared_own"
    if TIME_SAME_CLAUSE and amount.doc.has_annotation("DEP"):
        # "a dévoilé jeudi son plan, qui prévoit 185 milliards": "jeudi" places the
        # unveiling, not the amount of the relative clause (rule 'other_clause'). A clause
        # shares the time of the one it is coordinated with or completes ("a démantelé
        # 90 cellules et interpellé 1 400 personnes", "ont réussi, en 2024, à déjouer"),
        # and a time that opens the sentence places all of it ("Entre 2018 et 2021, ...").
        # Without a dependency parse (a blank pipeline) every time of the sentence counts.
        doc = amount.doc
        here = _clause(pred)
        scope = {here.i}
        # "a fait ses débuts en 2004 et a remporté la Ligue à quatre reprises": a conjunct
        # with a finite verb of its own is another event; a time inside the conjunct before
        # it places that one only (rule 'own_event'), one that opens or ends the sentence both
        before_conjunct: dict[int, int] = {}  # clause head -> where the later conjunct starts
        while _shares_time(here) and here.head.i != here.i:
            # (not a coordinated relative on the same noun: "qui devait avoir lieu ce mois-ci
            # et à laquelle participent 7 000 soldats")
            new_event = here.dep_ == "conj" and _finite(here) and not _relative(here)
            here_start = here.left_edge.idx
            here = _clause(here.head)
            scope.add(here.i)
            if new_event:
                before_conjunct.setdefault(here.i, here_start)
        # "les trois équipes qui seront départagées en juin": a relative clause on the
        # counted noun says what befalls the amount (rule 'relative')
        # ("57 % des personnes qui ont divorcé ces cinq dernières années": the share's too)
        anchor = _anchor(amount)
        scope |= {
            c.i
            for noun in [anchor, *anchor.children]
            if is_counted(noun, anchor)
            for c in noun.children
            if c.dep_ == "acl:relcl"
        }
        scope |= _split_predicate(here, sent)
        opening = next((t.idx for t in sent if not t.is_space), sent.start_char)
        # ("et trois heures plus tard, il est sorti de la gorge, qui se situait à 750 m":
        # a relative clause describes its noun, at no time the conjunct gives)
        relative = any(t.dep_ == "acl:relcl" for t in [pred, *pred.ancestors])
        main = next((t for t in sent if t.head.i == t.i), sent.root)
        text = _doc_text(doc)
        scoped = []
        named: dict[TimeExpr, str] = {}  # times only the rules below let in, by rule
        other_event: list[TimeExpr] = []  # times of an earlier conjunct (rule 'own_event')
        for t in inside:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.pos_ in {"VERB", "AUX"} and root.head.i != root.i:
                root = root.head  # "il y a deux ans": the clause the expression sits in
            clause = _clause(root)
            # (a paragraph break the parser did not see, "\\n\\nEn 2019, ...", opens one too)
            fronted = (
                t.start <= opening + 1
                or _after_break(text, t.start)
                or (
                    t.end <= main.idx
                    and text[t.end : t.end + 2].lstrip()[:1] == ","
                    and clause.dep_ != "acl"  # "La société, fondée en 2006, ...": the founding's
                )
            )
            # "..., il y a un mois à peine.": a time detached at the end of the sentence
            # places it all (rule 'trailing')
            note = _bracket_note(text, t, sent)
            trailing = (
                (
                    (
                        _comma_before(text, t.start)
                        and text[t.end : sent.end_char].strip() in SENTENCE_TAILS
                    )
                    or note
                )
                and not describes
                and not any(_is_report_verb(w) for w in doc[amount.end : span.start])
            )  # ("..., annonce le club, jeudi.": the day of the announcement)
            opens = t.end <= amount.start_char and _opens_conjunct(text, t) and not relative
            if (
                clause.i in before_conjunct
                and clause.idx < t.start
                and t.end <= before_conjunct[clause.i]
                and not fronted
            ):
                other_event.append(t)
                continue
            if clause.i in scope or fronted or trailing or opens or _survey_time(root):
                scoped.append(t)
                if not (clause.i in scope or fronted) and (opens or (trailing and note)):
                    named[t] = "opens_conjunct" if opens else "bracket_note"
        near = []
        if not describes:
            # fr_core_news_md often hangs a time on the wrong word ("étaient vaccinées au
            # 1er décembre"): a time with no clause boundary, comma or other amount between
            # it and the amount counts too, the nearest of both kinds wins (rule 'nearest').
            # Chosen on both dev sets: the clause alone lost correct times to parse errors,
            # the nearest unbounded time alone took other clauses' times.
            # Not for an amount with no predicate ("des personnes âgées de 65 ans").
            near = [
                t
                for t in inside
                if t not in scoped
                and t not in other_event
                and not _time_boundary(amount, t, amounts)
            ]
        scoped += near
        if not scoped and not describes and not _is_future(pred):
            # (an announced plan, "a annoncé jeudi qu'il allait investir 40 millions", is
            # not placed by the day of its announcement)
            told = [t for t in inside if _told_at(amount, t)]
            if told:
                best = min(told, key=lambda t: _distance(amount, t))
                return {"start": best.start, "end": best.end, "value": _time_value(best, pred)}, (
                    "told"
                )
        if not scoped and not describes:
            went_on = [t for t in inside if _goes_on(doc, amount, t, amounts)]
            if went_on:
                best = max(went_on, key=lambda t: t.start)
                return {"start": best.start, "end": best.end, "value": _time_value(best, pred)}, (
                    "goes_on"
                )
        if not scoped:
            return None, "own_event" if other_event else "other_clause"
        best = min(scoped, key=lambda t: _distance(amount, t))
        return (
            {"start": best.start, "end": best.end, "value": _time_value(best, pred)},
            named.get(best, "nearest" if best in near else best.rule),
        )
    best = min(inside, key=lambda t: _distance(amount, t))
    return {"start": best.start, "end": best.end, "value": _time_value(best, pred)}, best.rule


def _bracket_note(text: str, time: TimeExpr, sent: Span) -> bool:
    """Whether a time ends a short note in brackets that closes the sentence ("... et 124 754
    personnes sont décédées (données du 11 mai 2021)."): it dates the sentence's figures
    (rule 'bracket_note')."""
    if text[time.end : sent.end_char].strip() not in BRACKET_TAILS:
        return False
    opening = text.rfind("(", sent.start_char, time.start)
    return (
        opening >= 0
        and time.start - opening <= BRACKET_NOTE_CHARS
        and ")" not in text[opening : time.start]
    )


def _opens_conjunct(text: str, time: TimeExpr) -> bool:
    """Whether a time opens a coordinated clause, set off by a comma after it ("..., mais à
    l'époque, il y avait 16 équipes", "et en 2019, 300 personnes ..."): it places that clause
    as a time that opens the sentence does (rule 'opens_conjunct')."""
    if text[time.end : time.end + 2].lstrip()[:1] != ",":
        return False
    before = text[max(0, time.start - 8) : time.start].split()
    return bool(before) and before[-1].lower() in COORDINATORS


def _goes_on(doc: Doc, amount: Span, time: TimeExpr, amounts: list[Span]) -> bool:
    """Whether the amount's clause is coordinated by ", et" after the clause a time places,
    with no other amount, subordinate or infinitive clause, incise or source between ("...
    ont été tués lors du massacre, et des centaines de civils ont été exécutés"): it goes on
    about the same period (rule 'goes_on'). Tried only when no time is in the amount's
    clause."""
    if time.end > amount.start_char:
        return False
    between = doc.char_span(time.end, amount.start_char, alignment_mode="contract")
    if between is None or any(
        time.end <= a.start_char and a.end_char <= amount.start_char for a in amounts
    ):
        return False
    coordinated = False
    for tok in between:
        if tok.lower_ == "et" and tok.i > 0 and doc[tok.i - 1].text == ",":
            coordinated = True
        elif (
            (tok.pos_ == "PRON" and tok.lower_ in CLAUSE_PRONOUNS)
            or tok.pos_ == "SCONJ"
            or tok.text in GOES_ON_STOPS
            or tok.lower_ in SOURCE_CASES | INFINITIVE_CLAUSE_CUES
        ):
            return False
    return coordinated


def _split_predicate(here: Token, sent: Span) -> set[int]:
    """The verb of a subject the parser cut off as a verbless root of its own.

    "Plus de 270 000 femmes, pour la plupart issues de familles pauvres, ont été stérilisées
    entre 1996 et 2001": fr_core_news_md may read the subject before the incise as one root
    and the verb as another; the verb's time places the subject (rule 'split_root').
    """
    if here.head.i != here.i or here.pos_ not in NOMINAL_POS:
        return set()
    return {t.i for t in sent if t.head.i == t.i and t.i > here.i and t.pos_ == "VERB"}


def _comparison_base(amount: Span) -> bool:
    """Whether an amount ends the noun phrase after the "que" of a comparative ("soit plus
    que la moyenne de 7 %", "moins que la dernière moyenne européenne de 54 %")."""
    doc = amount.doc
    i = amount.start - 1
    while i >= 0 and amount.start - i <= BASE_PHRASE_WORDS and doc[i].pos_ in BASE_PHRASE_POS:
        i -= 1
    if i < 1 or doc[i].lower_ not in {"que", "qu'", "qu’"}:
        return False
    return any(t.lower_ in COMPARATIVES for t in doc[max(0, i - COMPARATIVE_REACH) : i])


def _time_frame_between(text: str, amount: Span, time: TimeExpr) -> bool:
    """Whether a clause of time ("avant que", "après que") stands between an amount and a
    time, with the amount inside it. Not a clause closed by a comma before the amount: "Le 21
    mars, moins d'une semaine après que le pays a fermé ses écoles, 300 personnes ont
    assisté à des funérailles": the time before it places the main clause (rule
    'frame_closed')."""
    if time.end <= amount.start_char:
        m = TIME_FRAME_RE.search(text, time.end, amount.start_char)
        return m is not None and "," not in text[m.end() : amount.start_char]
    return TIME_FRAME_RE.search(text, amount.end_char, time.start) is not None


SURVEY_NAME_DEPTH = 2  # the year, then the maker's name, between the survey noun and a time


def _survey_time(root: Token) -> bool:
    """Whether a time dates the survey a sentence quotes ("Selon un sondage réalisé en 2018,
    70 % ... et 48 % ..."): it places every figure of the sentence (rule 'survey'). So does a
    time that dates a survey by its participle or its complement, when the survey is what
    reports ("un sondage réalisé en août a révélé que 75 % ...", "une étude d'août 2020 a
    montré que ..."; table SURVEY_NOUNS; rule 'survey_subject'), or by its maker's name
    ("une étude de Fare 2014 a révélé que ...")."""
    noun = root
    for _ in range(SURVEY_NAME_DEPTH):
        if noun.dep_ != "nmod" or noun.head.i == noun.i:
            break
        noun = noun.head
        if _lemma(noun) in SURVEY_NOUNS:
            return _reports(noun)
    for tok in root.ancestors:
        if tok.pos_ == "VERB" and _lemma(tok) in SURVEY_VERBS:
            noun = tok.head
            return _has_case(noun, SOURCE_CASES) or (
                _lemma(noun) in SURVEY_NOUNS and _reports(noun)
            )
        if tok.pos_ == "VERB":
            return False
    return False


def _reports(noun: Token) -> bool:
    """Whether a noun is the subject of a reporting verb ("une étude ... a montré que"), one
    the parser read as an object after it ("C'est ce qu'a montré une étude réalisée en 2019")."""
    verb = noun.head
    if noun.dep_ == "obj" and noun.i > verb.i:
        return _is_report_verb(verb) and not any(c.dep_ in SUBJ_DEPS for c in verb.children)
    return noun.dep_ in SUBJ_DEPS and _is_report_verb(verb)


def _measures_a_noun(amount: Span) -> bool:
    """Whether a length or an age is the 'de' complement of a noun ("un mandat de six ans"),
    not of a prepositional phrase ("en l'espace de trois minutes"; table DURATION_IDIOMS) nor
    of a noun whose length is the figure ("un délai moyen de quatre mois", "à l'âge de 13
    ans, en 2005"; table LENGTH_NOUNS)."""
    if amount._.get(PREFIX + "unit") not in PERIOD_UNITS:
        return False
    doc = amount.doc
    if amount.start == 0 or doc[amount.start - 1].lower_ not in OF_WORDS:
        return False
    anchor = _anchor(amount)
    head = anchor.head
    return (
        anchor.dep_ == "nmod"
        and head.pos_ == "NOUN"
        and head.i < anchor.i
        and head.lower_ not in DURATION_IDIOMS | LENGTH_NOUNS
    )


def _compared(text: str, amount: Span, time: TimeExpr, amounts: list[Span]) -> bool:
    """Whether a comparison stands between an amount and a later time: "contre" only with
    the compared amount after it ("265 dollars, contre 85 dollars il y a un an"), not as
    "against" ("accusés de crimes contre les prisonniers pendant la guerre")."""
    for m in COMPARISON_RE.finditer(text, amount.end_char, time.start):
        if m.group().lower() != "contre" or any(
            m.end() <= a.start_char and a.end_char <= time.start for a in amounts
        ):
            return True
    return False


def _record_base(amount: Span, time: TimeExpr) -> bool:
    """Whether a "depuis" time is the base of a record ("la plus forte depuis la campagne
    2019-2020", "pour la première fois depuis 1976"): it measures how rare the event is,
    it does not place the claim (rule 'record_base', table RECORD_WORDS)."""
    doc = amount.doc
    text = _doc_text(doc)
    if not (
        text[time.start : time.end].lower().startswith("depuis")
        or text[max(0, time.start - 7) : time.start].lower() == "depuis "
    ):
        return False  # "la plus forte depuis la campagne 2019-2020" too
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    # back to the clause's comma, at most RECORD_WINDOW words: "le « plus grand choc sur les
    # produits de base » depuis les années 1970"; not "pour la première fois chez un singe,
    # et, depuis 1970, ..."
    before = []
    for t in reversed(doc[max(span.sent.start, span.start - RECORD_WINDOW) : span.start]):
        if t.text in CLAUSE_PUNCT:
            break
        before.append(t)
    before = [t for t in before if not amount.start <= t.i < amount.end]
    return any(
        (t.lower_ in RECORD_WORDS)
        or (t.lower_ == "fois" and t.i > 0 and doc[t.i - 1].lower_ in FIRST_WORDS)
        or (t.lower_ == "plus" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "ADJ")
        for t in before
    )


def _told_at(amount: Span, time: TimeExpr) -> bool:
    """Whether a time right after a reporting verb dates what it reports: the figure of the
    'que' clause after it ("a annoncé le mois dernier qu'il avait infligé une amende à 12
    entreprises") or of the clause before its incise ("a commencé dans trois régions, a
    annoncé mercredi l'agence"), as the claims gold does (rule 'told')."""
    doc = amount.doc
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    verb = doc[span.start - 1]
    if not _is_report_verb(verb) or _describes_speaker(verb, _anchor(amount)):
        return False
    if amount.start >= span.end:
        return span.end < len(doc) and doc[span.end].lower_ in CLAUSE_PRONOUNS - RELATIVE_PRONOUNS
    return amount.end <= verb.i and _after_comma(verb)


def _dates_another(amount: Span, time: TimeExpr) -> bool:
    """Whether a time dates a participle's or relative clause's own noun, not the amount."""
    span = amount.doc.char_span(time.start, time.end, alignment_mode="expand")
    return span is not None and (
        dates_another(amount, _anchor(amount), span, lemma=_lemma, is_report=_is_report_verb)
        is not None
    )


def _names_a_day(amount: Span, time: TimeExpr) -> bool:
    """Whether a weekday after "de" names the day of a noun outside the amount's phrase ("Le
    match de dimanche a été marqué par deux décisions", "la finale des moins de 20 ans de
    samedi"): it dates that event, not the amount (rule 'day_of_noun'); unless the event is
    the subject of what it caused ("L'attaque de mardi a fait 12 morts"; table
    CONSEQUENCE_VERBS)."""
    if time.rule != "weekday":
        return False
    span = amount.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or span[0].lower_ not in OF_WORDS:
        return False
    head = span.root.head
    return (
        span.root.dep_ == "nmod"
        and head.pos_ in {"NOUN", "PROPN"}
        and not amount.start <= head.i < amount.end
        and head.i != _anchor(amount).i
        and not (head.dep_ in SUBJ_DEPS and _lemma(head.head) in CONSEQUENCE_VERBS)
    )


def _dates_birth(amount: Span, time: TimeExpr) -> bool:
    """Whether a time dates a birth that a coordinated verb goes on from ("née en 1997 ...
    et adoptée à l'âge de cinq ans", "Né en 1990 à Dakar, il a marqué 20 buts"): a date of
    birth places no other event (rule 'birth', table BIRTH_VERBS)."""
    span = amount.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head
    if verb.i == span.root.i or _lemma(verb) not in BIRTH_VERBS:
        return False
    anchor = _anchor(amount)
    own = {t.i for t in verb.subtree} - {
        t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree
    }
    return anchor.i not in own and verb.head.i != anchor.i


def _dates_the_report(amount: Span, time: TimeExpr) -> bool:
    """Whether a time dates the report of a figure, not the figure (rule 'report_time').

    A time inside the source phrase ("selon les chiffres publiés mardi par l'armée, 478
    soldats ont été tués", "selon un rapport rendu public mardi") or on a reporting verb
    whose speaker the amount describes ("a déclaré dimanche un ouvrier de 37 ans") places
    the report.
    """
    doc = amount.doc
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    anchor = _anchor(amount)
    for tok in [root, *root.ancestors]:
        if tok.i in range(amount.start, amount.end) or tok.i == anchor.i:
            return False
        if _lemma(tok) in SURVEY_VERBS and tok.pos_ == "VERB":
            return False  # "selon un sondage réalisé en 2018": when the figures were measured
        if _has_case(tok, SOURCE_CASES) or (
            tok.i > 1
            and tok.doc[tok.i - 1].lower_ == "après"
            and tok.doc[tok.i - 2].lower_ in {"d'", "d’"}
        ):
            # the time sits in "selon X ...": it dates X unless the amount is in there too
            return anchor.i not in {t.i for t in tok.subtree}
    head = root.head
    return head.i != root.i and _is_report_verb(head) and _describes_speaker(head, anchor)


def _describes_speaker(verb: Token, anchor: Token) -> bool:
    """Whether the amount describes who says it ("a déclaré dimanche un ouvrier de 37
    ans"); not what is said ("a commencé dans trois régions, a annoncé mercredi X": the
    claims gold dates the figure by its announcement) nor a passive ("128 cas ont été
    confirmés mardi")."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return False
    if any(c.dep_ == "obj" and c.pos_ in NOMINAL_POS - {"PRON"} for c in verb.children):
        # "Depuis novembre, 40 pays ont ajouté des milliers de séquences": a verb with a
        # noun for object does a thing, it reports nothing (rule 'acts_not_says')
        return False
    return any(c.dep_ == "nsubj" and anchor.i in {t.i for t in c.subtree} for c in verb.children)


def _time_value(time: TimeExpr, pred: Token) -> str | None:
    """A month or quarter without a year that would start after the document's date is the
    one of the year before, for a claim in the past ("entre août et novembre, les ventes ont
    chuté" in a February article); a claim in the future or conditional keeps the document's
    year ("seront installés le 2 décembre"); "depuis" always looks back (rule 'year_before')."""
    if time.earlier is None:
        return time.value
    if time.rule in LOOK_BACK_RULES or not _is_future(pred):
        return time.earlier
    return time.value


def _is_future(pred: Token) -> bool:
    """Whether the clause of a predicate is in the future or the conditional."""
    verb = next((t for t in [pred, *pred.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if verb.dep_ == "xcomp":  # "devrait entrer en service", "va ouvrir"
        verbs.append(verb.head)
    return any(
        "Fut" in v.morph.get("Tense", [])
        or "Cnd" in v.morph.get("Mood", [])
        or (v.dep_ != "aux:pass" and v.lemma_ == "aller" and verb.dep_ == "xcomp")
        for v in verbs
    )


def _distance(amount: Span, time: TimeExpr) -> int:
    return min(abs(time.start - amount.end_char), abs(amount.start_char - time.end))


def _time_boundary(amount: Span, time: TimeExpr, amounts: list[Span]) -> bool:
    """Whether a clause boundary or another amount lies between an amount and a time.

    Boundaries: a comma, colon, semicolon, bracket or quote mark; a relative pronoun or a
    subordinating conjunction (not one coordinated with the amount's clause: "que 15
    centres seront ouverts et que ..."); an infinitive clause ("pour avoir tué", "avant de
    rejoindre"); a reporting verb or "selon" (an incise). A time
    that opens a clause before its comma ("Des études suggèrent que d'ici 2050, environ
    la moitié ...") is not cut off by that comma. Another amount between them takes the
    time, unless it is inside this amount's phrase ("46,8 % des personnes âgées de 65 ans").
    """
    doc = amount.doc
    if time.start >= amount.end_char:
        lo, hi = amount.end_char, time.start
        # "130 millions de livres (100 milliards FCFA) cet été": a conversion in brackets
        # is the same figure, no boundary (rule 'conversion_gap')
        gap = CONVERSION_GAP_RE.match(_doc_text(doc), lo, hi)
        if gap is not None and any(
            gap.start() < a.start_char and a.end_char < gap.end() for a in amounts
        ):
            lo = gap.end()
    else:
        lo, hi = time.end, amount.start_char
        if _opens_clause(doc, time):
            lo = _doc_text(doc).index(",", time.end) + 1
    own = {t.i for t in _anchor(amount).subtree}
    if any(lo <= a.start_char and a.end_char <= hi and a.start not in own for a in amounts):
        return True
    for tok in doc.char_span(lo, hi, alignment_mode="contract") or []:
        low = tok.lower_
        if tok.text in BOUNDARY_PUNCT or low in SOURCE_CASES or _spaced_dash(tok):
            return True
        if _is_report_verb(tok) and not _qualifies_noun(tok):
            return True
        if (tok.pos_ == "PRON" and low in CLAUSE_PRONOUNS) or (
            tok.pos_ == "SCONJ" and not (tok.i > 0 and tok.nbor(-1).lower_ in COORDINATORS)
        ):
            return True
        if "Inf" in tok.morph.get("VerbForm", []) and any(
            t.lower_ in INFINITIVE_CLAUSE_CUES for t in doc[max(0, tok.i - 2) : tok.i]
        ):
            return True  # "a passé 18 mois à Southampton avant de rejoindre Tottenham en mai 2014"
    return False


def _spaced_dash(tok: Token) -> bool:
    """Whether a token is a dash between spaces, which sets off an incise ("à sept reprises
    - mais rien depuis 2010 -"; rule 'dash')."""
    return tok.text in DASHES and tok.i > 0 and bool(tok.whitespace_ and tok.nbor(-1).whitespace_)


def _qualifies_noun(participle: Token) -> bool:
    """Whether a participle qualifies a noun ("158 millions de cas confirmés et trois
    millions de décès à ce jour"): it opens no incise, unlike "a annoncé le ministère"
    (rule 'noun_participle')."""
    return participle.dep_ in {"acl", "amod"} and "Part" in participle.morph.get("VerbForm", [])


def _opens_clause(doc: Doc, time: TimeExpr) -> bool:
    """Whether a time stands first in a clause, before a comma ("que d'ici 2050, ...")."""
    if _doc_text(doc)[time.end : time.end + 2].lstrip()[:1] != ",":
        return False
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or span.start == span.sent.start:
        return span is not None
    before = doc[span.start - 1]
    return before.lower_ in CLAUSE_PRONOUNS or before.pos_ == "SCONJ" or before.text == ":"


TIME_SAME_CLAUSE = True
# "contre", "par rapport à", and the base of a comparative ("60 % de plus qu'aujourd'hui",
# "un tiers de moins qu'à la même période l'an dernier", "supérieur de 148 millions à celui de
# 2019"): the time places the compared amount (CR11)
COMPARATIVES = frozenset({"plus", "moins", "autant", "davantage"})
COMPARISON_RE = re.compile(
    rf"\b(?:contre|comparé|par rapport)\b|\b(?:{'|'.join(sorted(COMPARATIVES))})\b[^.;]*"
    r"\bqu(?:e\b|['’])|\bà (?:celui|celle|ceux|celles)\b",
    re.IGNORECASE,
)
CONVERSION_GAP_RE = re.compile(r"[^().,;:«»\"]{0,40}?\([^()]{1,60}\)")
TIME_FRAME_RE = re.compile(r"\b(?:avant|après|jusqu['’]à ce|depuis|dès) qu(?:e\b|['’])", re.I)
PART_LIST_RE = re.compile(r", dont\b", re.IGNORECASE)
SHARED_CLAUSE_DEPS = frozenset({"conj", "xcomp"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
COMPARED_WORDS = frozenset({"contre"})
COMPARATIVE_REACH = 3  # words from the comparative to its "que" ("bien plus élevé que")
BASE_PHRASE_WORDS = 8  # words of the base before the amount ("la dernière moyenne ... de")
BASE_PHRASE_POS = frozenset({"DET", "NOUN", "ADJ", "ADP", "PROPN"})
SENTENCE_TAILS = frozenset({"", ".", "!", "?", "»", "».", '".'})
BRACKET_TAILS = frozenset({")", ").", ")!", ")?"})
BRACKET_NOTE_CHARS = 30
GOES_ON_STOPS = frozenset({";", ":", "(", ")"})
RECORD_WINDOW = 12
CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")"})
LOOK_BACK_RULES = frozenset({"since_month", "since_day"})


def _break_between(text: str, amount: Span, time: TimeExpr) -> bool:
    """Whether a paragraph break, or one written out as backslash and n, lies between an
    amount and a time (rule 'other_paragraph')."""
    after = time.start >= amount.end_char
    lo = amount.end_char if after else time.end
    hi = time.start if after else amount.start_char
    return "\n" in text[lo:hi] or "\\n" in text[lo:hi]


def _after_break(text: str, i: int) -> bool:
    """Whether a paragraph break, or one a scraper wrote out as backslash and n, ends the
    text before offset ``i``, spaces aside (rule 'paragraph_start')."""
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i > 0 and (text[i - 1] == "\n" or text[max(0, i - 2) : i] == "\\n")


def _comma_before(text: str, i: int) -> bool:
    """Whether the text before offset ``i`` ends with a comma, spaces aside (walks back
    from ``i`` instead of copying the text before it)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1] == ","


def _opening_time(sent: Span, times: list[TimeExpr]) -> TimeExpr | None:
    """The time that opens a sentence, set off by a comma ("Le 6 mars, ..."), else None."""
    opening = next((t.idx for t in sent if not t.is_space), sent.start_char)
    text = _doc_text(sent.doc)
    return next(
        (t for t in times if t.start == opening and text[t.end : t.end + 2].lstrip()[:1] == ","),
        None,
    )


def time_of(
    amount: Span,
    sent: Span,
    anchor: Token,
    pred_tok: Token | None,
    amounts: list[Span],
    times: list[TimeExpr],
    *,
    part: Span | None,
    part_rule: str,
    previous: Span | None,
) -> tuple[dict[str, Any] | None, str]:
    """The time that places an amount (offsets and ISO value), and the rule that chose it.

    ``part`` is the total it is part of (by ``part_rule``); ``previous`` the sentence before.
    """
    if _age_class(amount):
        return None, "age_class"
    time, rule = _time(
        amount,
        sent,
        times,
        anchor if pred_tok is None else pred_tok,
        amounts,
        describes=pred_tok is None,
    )
    said = restated_time(amount, anchor, times) if time is None else None
    if said is not None and rule in {"none", "other_clause"}:
        # "en 2015, lorsque des milliers ...": the clause takes the time it restates
        pred = anchor if pred_tok is None else pred_tok
        time = {"start": said.start, "end": said.end, "value": _time_value(said, pred)}
        rule = "restated"
    if pred_tok is None and _measures_a_noun(amount):
        # "un mandat de six ans", "une trêve de cinq mois", "le quarterback de 24
        # ans": a length that describes a thing places no claim (rule 'measure')
        time, rule = None, "measure"
    if _is_age(amount) and not _at_age(amount):
        # "une gestionnaire, aujourd'hui âgée de 56 ans", "Konan Yao, 56 ans,": an age
        # that describes a person places no claim; "à l'âge de 13 ans, en 2005" is an
        # adverbial of the event, whose time it keeps
        time, rule = None, "age"
        fronted = _opening_time(sent, times)
        if fronted is not None:
            # "En juin 2021, un ouvrier de 27 ans est mort", "Le 6 mars, quatre civils - dont
            # une fille d'environ huit ans - ont été tués": a time that opens the sentence
            # places the person's age too (rule 'fronted_age')
            time = {"start": fronted.start, "end": fronted.end, "value": fronted.value}
            rule = "fronted_age"
        now = _now_of_age(amount, times)
        if now is not None:
            time = {"start": now.start, "end": now.end, "value": now.value}
            rule = "now_age"
    elif time is None and part is not None and part_rule == "dont":
        # "2 000 places d'ici la fin de l'année, dont 750 ...": the whole's time
        time = part._.get(CLAIM)["time"] if part._.get(CLAIM) else None
        rule = "part_time" if time is not None else rule
    elif (
        time is None
        and part is not None
        and previous is not None
        and part.end <= sent.start
        and len(SENTENCE_END_RE.findall(_doc_text(amount.doc), part.end_char, sent.start_char)) <= 1
        and rule != "measure"
    ):
        # "En 2019, ... 67 % des consommateurs ... Sur ce total, 40 % ...": the direct
        # breakdown of an amount of the sentence before takes its time (rule 'breakdown');
        # a time of another sentence places nothing else (CR12)
        time = part._.get(CLAIM)["time"] if part._.get(CLAIM) else None
        rule = "breakdown" if time is not None else rule
    if time is not None and amount.doc.has_annotation("DEP"):
        whole = _whole_event(amount.doc, time, times)
        if whole is not time:
            time, rule = whole, f"{rule}+whole_event"
    return time, rule


def _age_class(amount: Span) -> bool:
    """ "lors du tournoi des moins de 20 ans", "l'équipe des moins de 16 ans": an age class
    is a category, placed at no time (rule 'age_class')."""
    doc = amount.doc
    return (
        amount.start > 0
        and amount[0].lower_ in AGE_CLASS_LIMITS
        and doc[amount.start - 1].lower_ in AGE_CLASS_ARTICLES
        and amount._.get(PREFIX + "unit") in AGE_UNITS
    )


def _now_of_age(amount: Span, times: list[TimeExpr]) -> TimeExpr | None:
    """ "Luogon, aujourd'hui âgée de 35 ans": "aujourd'hui", "désormais" right before the
    participle of an age place it at the time of writing (rule 'now_age', CR1)."""
    doc = amount.doc
    i = amount.start
    if i < 3 or doc[i - 1].lower_ not in OF_WORDS or doc[i - 2].lower_ not in AGED_WORDS:
        return None
    end = doc[i - 3].idx + len(doc[i - 3].text)
    return next((t for t in times if t.end == end and t.rule in NOW_RULES), None)


def _whole_event(doc: Doc, time: dict[str, Any], times: list[TimeExpr]) -> dict[str, Any]:
    """The time with the modifiers the parse hangs on its event noun right after it.

    "pendant la Seconde Guerre mondiale", "depuis la suspension de l'aide américaine",
    "depuis le début de la guerre en Ukraine", "lors de la dernière journée de la saison":
    the finder's patterns stop at the event noun; the phrase that places the claim goes on
    with its adjective or complement (rule 'whole_event', rules EVENT_RULES only). Not past
    a punctuation mark, a verb, a clause or another time expression.
    """
    found = next((t for t in times if t.start == time["start"] and t.end == time["end"]), None)
    if found is None or found.rule not in EVENT_RULES:
        return time
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None:
        return time
    end = span.end
    taken = {(t.start, t.end) for t in times}
    for _ in range(EVENT_MODIFIERS):
        nxt = next(
            (
                c
                for tok in doc[span.start : end]
                for c in tok.children
                if c.i >= end and c.left_edge.i == end and _names_event(c)
            ),
            None,
        )
        if nxt is None:
            break
        tail = doc[end : nxt.right_edge.i + 1]
        if len(tail) > EVENT_TAIL_TOKENS or any(
            t.is_punct or t.pos_ in {"VERB", "AUX", "PRON", "SCONJ"} for t in tail
        ):
            break
        if any(a < tail.end_char and tail.start_char < b for a, b in taken):
            break  # "pendant la guerre en 2011": a time of its own, or a part of one
        end = tail.end
    if end == span.end:
        return time
    return {**time, "end": doc[end - 1].idx + len(doc[end - 1].text)}


def _names_event(modifier: Token) -> bool:
    """Whether a modifier after an event noun is part of its name: an adjective ("mondiale",
    "américaine") or a "de" complement ("de la saison"); not a place ("du G7 à Biarritz")."""
    if modifier.dep_ == "amod":
        return True
    return modifier.dep_ == "nmod" and _has_case(modifier, OF_CASES)


# Finder rules of the time of writing, which may place an age (rule 'now_age').
NOW_RULES = frozenset({"today", "now"})
# Finder rules whose phrase ends at an event noun the parse may qualify further.
EVENT_RULES = frozenset({"event_period", "event_edge", "since_event", "before_event"})
EVENT_MODIFIERS = 2
EVENT_TAIL_TOKENS = 5
