"""Time expressions that date another thing than a claim, read from the dependency parse.

"le vaccin introduit en 2010", "des ouvrages construits il y a soixante ans": a participle
right beside a time dates the noun it qualifies (rule 'participle_other'); "les trois pays,
qui ont quitté l'organisation en janvier 2025, ...": a relative clause dates what it says
of its noun (rule 'relative_other'). Neither places an amount outside that phrase. The
other way round, "Mercredi, la banque a relevé ses taux face à une inflation qui a atteint
8,5 %": a subject relative describes its noun in a clause of its own, which a time outside
it does not place (rule 'in_relative'). An adverb of time ("actuellement", "aujourd'hui")
places only what its own head governs: "... atteignent 50 degrés et augmentent actuellement
deux fois plus vite", "4 000 livres (2,4 millions de dollars aujourd'hui)" (rule
'adverb_other'; the parser attaches adverbs well, unlike prepositional phrases).

A time in another paragraph places nothing here (rule 'other_paragraph').

And "Tout a commencé en 2014, lorsque le pays a été scindé en deux": a clause opened by
"lorsque", "quand" or "où" right after a time restates that time, whatever the parse hangs
it on (rule 'restated').
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .claim_syntax import DASHES
from .claim_time import TimeExpr
from .claim_time_words import (
    CONSEQUENCE_VERBS,
    DATING_PARTICIPLES,
    DURING_WHICH,
    DURING_WORDS,
    SURVEY_VERBS,
    WHEN_CONJUNCTIONS,
    WHEN_WORDS,
)
from .claim_words import MONTHS, WEEKDAYS

# A paragraph break, or one a scraper wrote out as backslash and n, which the sentence
# splitter does not see: a time beyond it is another paragraph's (rule 'other_paragraph').
PARAGRAPH_BREAKS = ("\n", "\\n")
# Clause relations the parser gives a when-clause it misreads (restated_time).
LOOSE_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
# The case words of a partitive complement ("57 % des personnes", "deux tiers de ceux").
PARTITIVE_CASES = frozenset({"de", "d'", "d’", "des", "du", "d'entre", "d’entre", "parmi"})


def dates_another(
    amount: Span,
    anchor: Token,
    time: Span,
    *,
    lemma: Callable[[Token], str],
    is_report: Callable[[Token], bool],
) -> str | None:
    """The rule by which ``time`` dates a phrase that does not hold ``amount``, else None.

    ``anchor`` is the token the amount stands for (its counted noun); ``lemma`` and
    ``is_report`` read a verb's lemma and whether it reports.
    """
    doc = amount.doc
    # the tokens between them, with the space after the first one
    first, last = (
        (amount.end - 1, time.start) if time.start >= amount.end else (time.end - 1, amount.start)
    )
    if _crosses_paragraph(doc[first:last]):
        return "other_paragraph"
    # "Dans les années 1960, l'espérance de vie était de 15 ans - elle est désormais de 50
    # ans": one dash between them, with a clause on each side, parts two sentences; two
    # dashes close an incise between them ("Entre décembre et février, six villes - Pune,
    # Delhi - ont signalé 58 cas") and a verbless side goes on with the clause ("une baisse
    # de 16 % - de 56 à 40 % - depuis 2018"; rule 'dash_incise')
    dashes = [
        tok.i for tok in doc[first + 1 : last] if tok.text in DASHES and doc[tok.i - 1].whitespace_
    ]
    if (
        len(dashes) % 2
        and _finite(doc[first + 1 : dashes[0]])
        and _finite(doc[dashes[-1] + 1 : last])
    ):
        return "dash_incise"
    if _bracket_clause(amount, time):
        return "bracket_clause"
    inside = set(range(amount.start, amount.end))
    if restated_other(amount, anchor, time):
        return "restated_other"
    words = {t.i for t in time}
    adverb = time[0]
    if (
        len(time) == 1
        and adverb.pos_ == "ADV"
        and adverb.head.i != adverb.i
        and not inside & {t.i for t in adverb.head.subtree}
    ):
        return "adverb_other"
    for tok in [anchor, *anchor.ancestors]:
        if tok.dep_ == "acl:relcl":
            clause = {t.i for t in tok.subtree}
            # ("un accord pour la période 2008-2016 qui a versé 13 millions": a time of the
            # noun the relative describes is the relative's too)
            noun = {t.i for t in tok.head.subtree} if tok.head.i != tok.i else clause
            if not words & noun and doc[min(clause)].lower_ == "qui":
                return "in_relative"
            break
    through_infinitive = False
    for tok in [time.root, *time.root.ancestors]:
        if tok.dep_ == "acl:relcl":
            clause = {t.i for t in tok.subtree}
            if inside & clause:
                return None
            # a restrictive relative on the counted noun says what befalls the amount
            # ("les trois équipes qui seront départagées en juin")
            first = min(clause)
            apposed = first > 0 and doc[first - 1].text == ","
            if through_infinitive and not apposed:
                return None  # ("les navires qui devaient passer mercredi": the parse may err)
            return "relative_other" if apposed or not is_counted(tok.head, anchor) else None
        if tok.pos_ in {"VERB", "AUX"}:
            if tok.dep_ in {"acl", "amod"} and "Part" in tok.morph.get("VerbForm", []):
                return (
                    "participle_other"
                    if _participle_dates(tok, time, inside, lemma, is_report)
                    else None
                )
            if tok.dep_ == "xcomp" or "Inf" in tok.morph.get("VerbForm", []):
                # "qui a vu ses ventes chuter ces dernières années": an infinitive is part of
                # the clause above it, a relative's here
                through_infinitive = True
                continue
            return None
    return None


def is_counted(noun: Token, anchor: Token) -> bool:
    """Whether a noun is what the amount counts: its anchor, or the "de" complement that
    a share or a part counts out of ("57 % des personnes qui ont divorcé au cours des cinq
    dernières années", "plus de 70 % des génomes qu'il a séquencés le mois dernier"; rule
    'partitive_relative')."""
    if noun.i == anchor.i:
        return True
    return (
        noun.head.i == anchor.i
        and noun.i > anchor.i
        and noun.dep_ == "nmod"
        and any(c.dep_ == "case" and c.lower_ in PARTITIVE_CASES for c in noun.children)
    )


def _participle_dates(
    participle: Token,
    time: Span,
    amount: set[int],
    lemma: Callable[[Token], str],
    is_report: Callable[[Token], bool],
) -> bool:
    """Whether a participle beside a time qualifies a noun phrase outside the amount.

    Not a survey or a publication ("un sondage réalisé en 2018", "un communiqué publié le 2
    novembre": the figures' date), nor a noun set off by a comma that sums up the clause
    before it ("..., une opération orchestrée dimanche soir").
    """
    if participle.i not in {time.start - 1, time.end}:
        return False  # "des règlements liés au trafic ... en 2025": the parse may be wrong
    if lemma(participle) in SURVEY_VERBS | DATING_PARTICIPLES or is_report(participle):
        return False
    noun = participle.head
    phrase = {t.i for t in noun.subtree}
    first = min(phrase)
    if first > 0 and noun.doc[first - 1].text == ",":
        return False
    return not (amount & phrase)


def restated_time(amount: Span, anchor: Token, times: list[TimeExpr]) -> TimeExpr | None:
    """The time that the when-clause holding ``amount`` restates, else None.

    "... des faits commis entre 2004 et 2008, lorsque le réseau a fait transiter 140
    millions": the clause opens with "lorsque", "quand" or "où" right after a comma that
    ends a time expression. Also the time of an event that a relative clause tells the
    outcome of (rule 'event_relative', see ``event_time``).
    """
    clause = _first_clause(anchor)
    if clause is None:
        # "à Tokyo en 1948, où sept commandants ont été pendus": the parser may hang the
        # clause as a complement of the verb before it
        clause = next(
            (
                t
                for t in [anchor, *anchor.ancestors]
                if t.dep_ in LOOSE_CLAUSE_DEPS and _restating(t)
            ),
            None,
        )
    if clause is None:
        return None
    if _opens_relative(clause.left_edge):
        # (the parse may take a relative after a comma for an adverbial clause)
        return event_time(clause, times)
    first = clause.left_edge.i
    if _restating(clause):
        before = amount.doc[first - 2]
    elif first >= 1 and clause.doc[first].lower_ in WHEN_CONJUNCTIONS:
        # "a suscité l'indignation le mois dernier lorsqu'il a limogé 57 juges": right after
        # the time, without a comma (rule 'restated')
        before = amount.doc[first - 1]
    else:
        return None
    end = before.idx + len(before.text)
    return next((t for t in times if t.end == end), None)


def event_time(relative: Token, times: list[TimeExpr]) -> TimeExpr | None:
    """The time of the noun a subject relative tells the outcome of, else None.

    "En 2015, le réseau a été frappé par une cyberattaque, qui a privé 80 000 clients de
    courant", "une famine créée en 1932, qui a fait des millions de victimes": a relative
    whose verb says what an event caused (table CONSEQUENCE_VERBS) happened at the time of
    that event; so does one on a noun after "avec", which tells how the clause went ("le
    cas a été rapporté en 2019, avec un cadre qui a transféré 220 000 euros"). The time
    must date the noun: inside its phrase, or on the clause that governs it.
    """
    doc = relative.doc
    noun = relative.head
    if noun.i == relative.i:
        return None
    verb = relative
    # (", avec ...", set off by a comma; not a partner: "a passé la saison avec le club, qui
    # a terminé 22 fois dernier")
    with_phrase = any(
        c.dep_ == "case" and c.lower_ == "avec" and c.i > 0 and doc[c.i - 1].text == ","
        for c in noun.children
    )
    if not (with_phrase or verb.lemma_.lower() in CONSEQUENCE_VERBS):
        return None
    phrase = {t.i for t in noun.subtree} - {t.i for t in relative.subtree}
    governors = {t.i for t in noun.ancestors}
    start = min(t.i for t in relative.subtree)
    best: TimeExpr | None = None
    for time in times:
        if time.end > doc[start].idx or time.start < noun.sent.start_char:
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or _crosses_paragraph(doc[span.end - 1 : start]):
            continue
        root = span.root
        dates_noun = root.i in phrase or root.i in governors or root.head.i in governors
        if dates_noun and (best is None or time.end > best.end):
            best = time
    return best


def _restates(first: Token) -> bool:
    """Whether a clause opens with "lorsque", "quand", "où" or "au cours duquel", "lors de
    laquelle", "pendant lequel" (table DURING_WHICH): it happens at the time before it."""
    if first.lower_ in WHEN_WORDS:
        return True
    return first.lower_ in DURING_WORDS and any(
        t.lower_ in DURING_WHICH for t in first.doc[first.i + 1 : first.i + 4]
    )


def restated_other(amount: Span, anchor: Token, time: Span) -> bool:
    """Whether the amount's clause restates a date right before it and ``time`` is another.

    "Le rapport publié le 3 avril relate un incident survenu le 4 mars, au cours duquel des
    soldats ont forcé cinq hommes à ...": the clause happens on 4 March, so the report's
    date does not place it (rule 'restated_other'; the date is written with its month,
    weekday or year right before the comma).
    """
    clause = _first_clause(anchor)
    if clause is None or not _restating(clause):
        return False
    first = clause.left_edge.i
    before = amount.doc[first - 2]
    dated = (
        before.lower_ in MONTHS
        or before.lower_ in WEEKDAYS
        or (before.like_num and len(before.text) == 4)
    )
    return dated and time.end != first - 1 and not time.start >= first


def _first_clause(anchor: Token) -> Token | None:
    """The head of the innermost relative or adverbial clause that holds ``anchor``."""
    return next((t for t in [anchor, *anchor.ancestors] if t.dep_ in {"advcl", "acl:relcl"}), None)


def _restating(clause: Token) -> bool:
    """Whether a clause opens, right after a comma, with a word that restates the time
    before it ("..., lorsque", "..., au cours duquel")."""
    first = clause.left_edge.i
    doc = clause.doc
    return first >= 2 and _restates(doc[first]) and doc[first - 1].text == ","


def _opens_relative(tok: Token) -> bool:
    """Whether a clause opens with a subject relative pronoun ("qui")."""
    return tok.lower_ == "qui" and "Rel" in tok.morph.get("PronType", [])


def _crosses_paragraph(tokens: Span) -> bool:
    """Whether a paragraph break (rule 'other_paragraph') lies in or after these tokens."""
    return any(mark in tok.text_with_ws for tok in tokens for mark in PARAGRAPH_BREAKS)


def _finite(tokens: Span) -> bool:
    """Whether some tokens hold a finite verb (a clause of their own)."""
    return any(t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm", []) for t in tokens)


def _bracket_clause(amount: Span, time: Span) -> bool:
    """Whether the amount is in brackets that hold a clause of their own and the time is out.

    "Après la reprise du pouvoir en août 2021, Washington a gelé 7 milliards de dollars (2
    autres milliards sont détenus ailleurs)": the aside says another thing, at no time the
    sentence gives (rule 'bracket_clause'); a conversion in brackets has no verb and keeps
    its amount's time.
    """
    doc = amount.doc
    sent = amount.sent
    opening = next(
        (t.i for t in reversed(doc[sent.start : amount.start]) if t.text in {"(", ")"}), None
    )
    if opening is None or doc[opening].text != "(":
        return False
    closing = next((t.i for t in doc[amount.end : sent.end] if t.text in {"(", ")"}), sent.end)
    if opening < time.start and time.end <= closing:
        return False
    return _finite(doc[opening + 1 : closing])
