"""What a QUANTITY counts or measures (its ``object``), read from the dependency parse.

The rules follow ANNOTATION.md (QUANTITY keys) and GUIDELINES.md ("Object", RN27-RN29).
Each rule has a name; ``find_objects`` says which one fired for each span.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from .numbers import AmountMatch
from .numbers.lexicon import MONTHS
from .quantity_object_words import (
    A_CASES,
    A_LOCUTION_NOUNS,
    ADVERBIAL_NOUNS,
    CHANGE_NOUNS,
    COMPARATIVE_WORDS,
    COMPLEMENT_CASES,
    COMPOUNDS,
    COUNTED_PARTICIPLES,
    DATE_NOUNS,
    DE_FORMS,
    DEFINITE_DETERMINERS,
    DEFINITE_MEASURED,
    DETERMINERS,
    DIMENSION_WORDS,
    EDGE_WORDS,
    KEPT_LOCUTIONS,
    LEXICALISED_PARTICIPLES,
    LINE_BREAKS,
    LOCUTION_NOUNS,
    MEASURE_NOUNS,
    MEASURE_VERB_FORMS,
    MEASURE_VERBS,
    NAME_ENTITY_LABELS,
    NEGATIONS,
    NOT_MEASURE_CASES,
    OBJECT_VERBS,
    PARTICIPLE_CASES,
    PLACE_ENTITY_LABELS,
    PLACE_NOUNS,
    PLACE_UNITS,
    PREDETERMINERS,
    PREDICATE_CASES,
    PRONOUN_NUMBERS,
    PRONOUN_QUANTIFIERS,
    QUOTES,
    RANGE_PARTICIPLES,
    RANK_ADJECTIVES,
    RATE_CASES,
    RECORD_NOUNS,
    RESTATING_WORDS,
    TRIM_WORDS,
    VERB_CASES,
    WHOLE_NOUNS,
)

NOUNS = frozenset({"NOUN", "PROPN"})
ARGUMENT_DEPS = frozenset({"obj", "obl", "obl:arg", "obl:mod", "xcomp", "iobj", "nmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
# an amount the parse attaches loosely ("dep") to its measure verb or adjective:
# "les températures étaient supérieures à 40 °C"
MEASURE_ARGUMENT_DEPS = ARGUMENT_DEPS | {"dep"}
# attachments of a copula's predicate that stand for a lost subject relation
DETACHED_DEPS = frozenset({"punct", "dep", "parataxis", "appos", "conj"})
NOUN_HEAD_DEPS = frozenset({"nmod", "obl", "obl:mod", "obl:arg", "acl", "amod", "appos"})
HEAD_CASES = frozenset({"de", "d'", "d’", "à"})
RELATIVES = frozenset({"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles", "dont"})


class ObjectFound(NamedTuple):
    """An object and the rule that found it (rule ``none`` when there is no object)."""

    text: str | None
    rule: str


NONE = ObjectFound(None, "none")
_DANGLING_DE = re.compile(r"\s*\b(?:de|d'|d’|du|des)\s*$", re.IGNORECASE)


def find_objects(spans: Sequence[Span], matches: Sequence[AmountMatch]) -> list[ObjectFound]:
    """Objects of the QUANTITY spans of one Doc (in text order), elided nouns filled in."""
    found = [find_object(span, match) for span, match in zip(spans, matches, strict=True)]
    # a conversion in parentheses takes the object of the amount it converts (RN27)
    for k in range(1, len(found)):
        if found[k].text is None and _is_conversion(spans[k - 1], spans[k]):
            found[k] = ObjectFound(found[k - 1].text, "conversion")
    for k in range(len(found)):
        if found[k].rule == "partitive":
            found[k] = _partitive(k, spans, matches, found)
        elif found[k].rule in {"bare", "en_clitic"} or (
            found[k].rule in {"measure_noun", "measure_subject"} and _r2_pair(k, spans, found)
        ):
            found[k] = _elided(k, spans, matches, found)
    # "..., soit environ 2 milliards de dollars": a sum restating the amount before it
    for k in range(1, len(found)):
        if (
            found[k].text is None
            and found[k - 1].text is not None
            and _is_money(matches[k])
            and _restates(spans[k])
            and spans[k - 1].sent == spans[k].sent
        ):
            found[k] = ObjectFound(found[k - 1].text, "restated")
    # the converted amount may have got its object from a neighbour only now
    for k in range(1, len(found)):
        if found[k].text is None and found[k - 1].text is not None and _is_conversion(
            spans[k - 1], spans[k], found[k - 1].text
        ):
            found[k] = ObjectFound(found[k - 1].text, "conversion")
    return found


def _is_money(match: AmountMatch) -> bool:
    """The amount is a sum of money (an ISO 4217 code)."""
    unit = match.amount.unit
    return unit is not None and len(unit) == 3 and unit.isupper()


def _restates(span: Span) -> bool:
    """The span follows 'soit', which restates the amount before it in other terms."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in RESTATING_WORDS


def _partitive(
    k: int, spans: Sequence[Span], matches: Sequence[AmountMatch], found: list[ObjectFound]
) -> ObjectFound:
    """'sept d'entre eux': the group 'eux' stands for (an earlier count, else a plural noun)."""
    span = spans[k]
    doc = span.doc
    pronoun = doc[span.end + 2]
    sent = span.sent
    window = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    window = doc[window - 1].sent.start if window > 0 else 0
    for j in range(k - 1, -1, -1):
        if spans[j].end <= window:
            break
        if found[j].text is not None and matches[j].amount.unit is None:
            return ObjectFound(found[j].text, "partitive_previous")
    gender = "Fem" if pronoun.lower_ == "elles" else "Masc"
    for i in range(span.start - 1, sent.start - 1, -1):
        tok = doc[i]
        if tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number", []) and (
            gender in tok.morph.get("Gender", [gender])
        ):
            return _measured(tok, "partitive_noun", span)
    return NONE


def _r2_pair(k: int, spans: Sequence[Span], found: list[ObjectFound]) -> bool:
    """'de 30 à 50 collaborateurs': the first value shares the second's counted noun (R2)."""
    if k + 1 >= len(spans) or found[k + 1].rule != "counted_noun":
        return False
    between = spans[k].doc[spans[k].end : spans[k + 1].start]
    return len(between) == 1 and between[0].lower_ == "à"


def _is_conversion(before: Span, span: Span, obj: str | None = None) -> bool:
    """The span is in parentheses right after the amount before it: '125 dollars (82 300 F)',
    or after that amount's object ``obj``: 'la moitié de ces actifs (3,5 milliards de dollars)'."""
    doc = span.doc
    between = doc[before.end : span.start]
    if not between or between[-1].text != "(":
        return False
    if obj and len(between) <= 8 and between[:-1].text.endswith(obj):
        # not after a percentage: "120 % du PIB (8,7 milliards)" is the sum of the subject
        return before._.dechiffre_unit != "%" and not any(
            t.like_num or t.is_punct for t in between[:-1]
        )
    if len(between) > 2:
        return False
    return len(between) == 1 or between[0].lower_ in {"soit", "environ"}


def find_object(span: Span, match: AmountMatch) -> ObjectFound:
    """The object of one span from its own syntax; rule ``bare`` marks a noun left out."""
    if match.object_hint:
        return ObjectFound(match.object_hint, "ratio")
    unit = match.amount.unit
    root = span.root
    doc = span.doc
    if _is_pronoun(span):
        return ObjectFound(None, "pronoun")
    # 0. the object a measure verb puts after the amount: "l'OIM estime à 2 000 le nombre de
    # migrants disparus", "chiffrent à 3 milliards de dollars le coût des dégâts"
    fronted = _fronted_measured(span)
    if fronted is not None:
        return _measured(fronted, "fronted_measure", span)
    # 1. the noun the number modifies: "210 réseaux criminels"
    if unit is None:
        noun = _counted_noun(span)
        if noun is not None:
            return _measured(noun, "counted_noun", span, left=_after_superlative(span, noun))
    # "sept d'entre eux": the group the pronoun stands for
    if span.end + 2 < len(doc) and doc[span.end].lower_ in {"d'", "d’"} and (
        doc[span.end + 1].lower_ == "entre" and doc[span.end + 2].lower_ in {"eux", "elles"}
    ):
        return ObjectFound(None, "partitive")
    # "14 des 24 équipes": the noun of the next amount (RN15)
    if span.end + 1 < len(doc) and doc[span.end].lower_ in {"des", "d'entre"} and (
        doc[span.end + 1].like_num or doc[span.end + 1].pos_ == "NUM"
    ):
        ranked = _ranked_group(span)
        if ranked is not None:
            return _measured(ranked, "ranked_group", span, left=span.end + 2)
        return ObjectFound(None, "bare")
    # 2. the "de" complement: "3 000 tonnes de blé", "12 % des électeurs", also after a
    # conversion in parentheses: "7 milliards de dollars (6,5 milliards d'euros) d'actifs"
    comp = _de_complement(span, _after_parentheses(span))
    if comp is not None and _dimension(comp[0], comp[2]):
        comp = None  # "6 m de large": no thing named there
    if comp is not None:
        noun, left, determined = comp
        if unit in PLACE_UNITS and (
            determined or noun.pos_ == "PROPN" or noun.ent_type_ in PLACE_ENTITY_LABELS
        ):
            return ObjectFound(None, "place")
        if noun.ent_type_ in NAME_ENTITY_LABELS:
            return NONE  # "2,7 millions de dollars du Programme ...", "20 ans de la Cecafa"
        if noun.lower_ in DATE_NOUNS:
            return NONE  # "la finale des moins de 20 ans de samedi": a date
        if noun.lemma_.lower() in ADVERBIAL_NOUNS:
            return NONE  # "100 ans d'avance"
        if noun.lower_ == "heure" and doc[noun.i - 1].lower_ in {"l'", "l’"}:
            return NONE  # "17 $ de l'heure": a rate (R9)

        if noun.pos_ == "PROPN" and unit in TIME_UNITS:
            return NONE  # "les neuf années de Ronaldo"
        if noun.lemma_.lower() in LOCUTION_NOUNS:
            return NONE  # "à 15 ans de la part des talibans"
        return _measured(noun, "de_complement", span, left=left)
    if unit == "fois":
        return _fois(span)
    # "des hausses comprises entre 4 et 5 %": the noun the range participle describes
    bounded = _range_participle(span) if unit not in TIME_UNITS else None
    if bounded is not None:
        return _measured(bounded, "range_participle", span)
    # 3. the head of "N de/à + amount": "une hausse de 3 %", "un enfant de 12 ans"
    head = _noun_head(root, span)
    if head is not None and unit in TIME_UNITS and _person_name(head):
        return ObjectFound(None, "person_name")  # "Flore, aujourd'hui âgée de 93 ans"
    if head is not None:
        if _definite_measured(head):
            return _measured(head, "noun_head", span)  # "la moyenne européenne de 54 %"
        if head.lemma_.lower() in RECORD_NOUNS and head.dep_ == "obj" and (
            head.head.lemma_.lower() in MEASURE_VERBS
        ):
            # "le commerce a atteint un record de 147 milliards": the verb's subject
            subject = next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), None)
            measured = _resolve(subject) if subject is not None else None
            if measured is not None:
                return _measured(measured, "record_subject", span)
        if head.lower_ in LOCUTION_NOUNS or head.lemma_.lower() in LOCUTION_NOUNS:
            return ObjectFound(None, "bare")
        if unit in PLACE_UNITS and _cases(root, span) & {"à"}:
            return ObjectFound(None, "place")
        if _light_verb_noun(head):
            return ObjectFound(None, "light_verb")  # "il ferait don de 10 millions"
        return _measured(head, "noun_head", span)
    # 4. the subject of a measure verb or copula: "le loyer atteint 900 euros"
    if _en_clitic(root):
        return ObjectFound(None, "en_clitic")  # "il en faut 40": the noun is elided (RN27)
    subject = _measure_subject(root, span)
    if subject is not None and unit in TIME_UNITS and _person_name(subject):
        return ObjectFound(None, "person_name")  # "Bernard était âgé de 18 ans"
    if subject is not None:
        return _measured(subject, "measure_subject", span)
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.pos_ in NOUNS and unit is None:
        return NONE
    return ObjectFound(None, "bare")


def _fronted_measured(span: Span) -> Token | None:
    """Rule fronted_measure: "<measure verb> à <amount> le/la/les <noun>": the noun after the
    amount is what the verb measures, however the parser hung it."""
    doc = span.doc
    if span.start < 2 or span.end + 1 >= len(doc) or doc[span.start - 1].lower_ != "à":
        return None
    verb = doc[span.start - 2]
    if verb.lemma_.lower() not in OBJECT_VERBS and verb.lower_ not in OBJECT_VERB_FORMS:
        return None
    noun = doc[span.end + 1]
    if doc[span.end].lower_ not in DEFINITE_ARTICLES or noun.pos_ not in NOUNS:
        return None
    if noun.lemma_.lower() in PER_UNIT_NOUNS or noun.lower_ in PER_UNIT_NOUNS:
        return None  # "fixé à 1 000 F CFA le kilo": a price per kilo, not what is fixed
    return noun


# Present and past-participle forms of the first-group OBJECT_VERBS, which the lemmatizer may
# leave as they are ("estime").
OBJECT_VERB_FORMS = frozenset(
    v[:-2] + ending
    for v in OBJECT_VERBS
    if v.endswith("er")
    for ending in ("e", "ent", "é", "ée", "és", "ées")
)
DEFINITE_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})
# Nouns of the unit a price is per, after "le/la/l'" ("1 000 F CFA le kilo", "3 euros le litre").
PER_UNIT_NOUNS = frozenset(
    """
    kilo kilogramme kg gramme tonne litre baril mètre kilomètre hectare m² m³ unité pièce
    exemplaire heure jour nuit semaine mois an année tête personne bouteille sac paquet
    """.split()
)


PERSON_LABELS = frozenset({"PER", "MISC", ""})  # a lone first name is often MISC or nothing


def _person_name(tok: Token) -> bool:
    """A person's name: an age or a duration names no object there, as with 'Messi, 33 ans'."""
    return (
        tok.pos_ == "PROPN"
        and tok.ent_type_ in PERSON_LABELS
        and not any(c.dep_ == "det" for c in tok.children)  # "une Néerlandaise de 29 ans"
    )


def _is_pronoun(span: Span) -> bool:
    """'tous deux', 'les deux autres' used as a pronoun: no object (RN24)."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1].lower_
    if before in PRONOUN_QUANTIFIERS:
        return True
    if before != "les" or span.text.lower() not in PRONOUN_NUMBERS:
        return False
    k = span.end
    while k < len(doc) and doc[k].lower_ in TRIM_WORDS:
        k += 1
    return k >= len(doc) or (doc[k].pos_ not in NOUNS | {"ADJ"} and doc[k].lower_ not in DE_FORMS)


TIME_UNITS = frozenset(
    "an mois semaine jour heure minute seconde siècle millénaire décennie".split()
)


def _cases(root: Token, span: Span) -> set[str]:
    """Prepositions of the amount: its 'case' children and the word before it."""
    cases = {c.lower_ for c in root.children if c.dep_ == "case"}
    if span.start > 0:
        cases.add(span.doc[span.start - 1].lower_)
    cases.add(span[0].lower_)
    return cases


def _after_superlative(span: Span, noun: Token) -> int:
    """Where the counted noun's phrase may start: past a superlative ('deux plus jeunes
    enfants' -> enfants, RN29)."""
    doc = span.doc
    i = span.end
    if i + 1 < noun.i and _superlative_at(doc, i):
        return i + 2
    return i


def _superlative_at(doc: Doc, i: int) -> bool:
    """A comparative word then an adjective at i: 'plus jeunes', 'moins chers'."""
    return i + 1 < len(doc) and doc[i].lower_ in COMPARATIVE_WORDS and doc[i + 1].pos_ == "ADJ"


def _counted_noun(span: Span) -> Token | None:
    """The noun after the span that the number modifies."""
    doc = span.doc
    i = span.end
    j = i
    root = span.root
    # a noun in quotes: "30 « villes mortes »", a short quoted term closed within a few words
    if i + 2 < len(doc) and doc[i].text in QUOTES and doc[i + 1].pos_ in NOUNS and any(
        doc[k].text in QUOTES for k in range(i + 2, min(i + 6, len(doc)))
    ):
        return doc[i + 1]
    # a superlative before the noun: "ses deux plus jeunes enfants"
    if i + 2 < len(doc) and _superlative_at(doc, i) and (
        doc[i + 2].pos_ == "NOUN" and root.head == doc[i + 2]
    ):
        return doc[i + 2]
    # a noun the tagger read as an adjective: "deux finales intercontinentales"
    if i < len(doc) and doc[i].pos_ == "ADJ" and root.head == doc[i] and (
        doc[i].lower_ not in TRIM_WORDS
    ):
        return doc[i]
    # a participle used as a noun of people, however the parser hung it: "5 674 blessés",
    # "40 disparus" (table COUNTED_PARTICIPLES); not the attribute of a noun left out ("des
    # centaines arrêtées", "2 074 victimes, dont cinq décédées")
    if (
        i < len(doc)
        and doc[i].lower_ in COUNTED_PARTICIPLES
        and doc[i].pos_ in {"ADJ", "VERB"}
        and span[-1].like_num
        and not (span.start > 0 and doc[span.start - 1].lower_ in {"dont", "parmi"})
    ):
        return doc[i]
    # adjectives before the noun: "210 nouveaux réseaux", "deux autres joueurs"
    while j < len(doc) and j < i + 2 and doc[j].pos_ == "ADJ" and doc[j].head.i > j:
        j += 1
    if j >= len(doc):
        return None
    noun = doc[j]
    if noun.pos_ in NOUNS:
        if doc[i].lower_ in DE_FORMS and root.head != noun:
            return None
        return noun
    # a noun the tagger read as an adjective: "au moins 15 civils" ("deux autres": none)
    if noun.pos_ == "ADJ" and root.head == noun and j == i and noun.lower_ not in TRIM_WORDS:
        return noun
    return None


def _after_parentheses(span: Span) -> int:
    """The token after the span, past a conversion in parentheses that follows or holds it."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text == ")" and span.start > 0 and doc[span.start - 1].text == "(":
        return i + 1  # "(4 400 milliards de FCFA) d'actifs": the converted amount's noun
    if i >= len(doc) or doc[i].text != "(":
        return i
    for k in range(i + 1, min(i + 16, len(doc))):
        if doc[k].text == ")":
            inside = doc[i + 1 : k]
            return k + 1 if any(t.like_num for t in inside) else i
        if doc[k].text in {"(", "."}:
            break
    return i


def _de_complement(span: Span, i: int | None = None) -> tuple[Token, int, bool] | None:
    """'de' + noun after the span (or at i): the noun, where its phrase may start, whether
    determined."""
    doc = span.doc
    i = span.end if i is None else i
    if i >= len(doc) or doc[i].lower_ not in DE_FORMS:
        return None
    k = i + 1
    determined = doc[i].lower_ in {"des", "du"}
    while k < len(doc) and doc[k].lower_ in PREDETERMINERS:
        k += 1
    if k < len(doc) and doc[k].lower_ in DETERMINERS:
        determined = True
        k += 1
    left = k
    # adjectives before the noun, a superlative left out: "des plus grands joueurs"
    while k + 1 < len(doc) and (
        doc[k].pos_ == "ADJ" or doc[k].lower_ in COMPARATIVE_WORDS
    ) and doc[k + 1].pos_ in NOUNS | {"ADJ"}:
        if doc[k].lower_ in COMPARATIVE_WORDS:
            left = k + 2
        k += 1
    if k < len(doc) and doc[k].pos_ in NOUNS:
        return doc[k], left, determined
    return None


def _dimension(noun: Token, determined: bool) -> bool:
    """'de large', 'de diamètre': a bare dimension word after a measure."""
    return not determined and noun.lower_ in DIMENSION_WORDS and noun.i > 0 and (
        noun.doc[noun.i - 1].lower_ in DE_FORMS
    )


def _fois(span: Span) -> ObjectFound:
    """'N fois' counts a following noun phrase ('deux fois la quantité de X') or nothing."""
    doc = span.doc
    k = span.end
    # "des pertes trois fois plus importantes": the noun the comparative describes
    if _superlative_at(doc, k):
        noun = doc[k + 1].head
        if noun.pos_ == "NOUN" and noun.i < span.start:
            return _measured(noun, "fois_comparative", span)
    if k < len(doc) and doc[k].lower_ in DETERMINERS:
        k += 1
        # "deux fois et demie la quantité d'énergie": a measure noun's complement
        if k < len(doc) and doc[k].lemma_.lower() in MEASURE_NOUNS:
            return _measured(doc[k], "fois_object", span)
    return NONE


def _ranked_group(span: Span) -> Token | None:
    """'95 % des 100 meilleurs joueurs': the noun of a rank, which is no amount (RN26)."""
    doc = span.doc
    k = span.end + 2
    if k + 1 >= len(doc) or doc[k].lower_ not in RANK_ADJECTIVES:
        return None
    return doc[k + 1] if doc[k + 1].pos_ in NOUNS else None


def _noun_head(root: Token, span: Span) -> Token | None:
    """The noun before the span whose 'de/à' complement the amount is."""
    head = root.head
    if head == root or head.i >= span.start:
        return None
    if not _cases(root, span) & HEAD_CASES:
        return None
    if root.dep_ not in NOUN_HEAD_DEPS:
        return None
    if head.pos_ in NOUNS:
        return _climb(head, span)
    if head.pos_ == "ADJ" and any(c.dep_ == "det" for c in head.children):
        return head  # an adjective used as a noun: "un jeune d'une vingtaine d'années"
    # "des jeunes âgés de 15 à 24 ans", "des températures supérieures à 40 °C"
    if head.pos_ in {"ADJ", "VERB"} and head.dep_ in {"acl", "amod"} and head.head.pos_ in NOUNS:
        return _climb(head.head, span)
    return None


def _range_participle(span: Span) -> Token | None:
    """The noun a participle such as 'compris' right before 'entre X et Y' describes.

    Read from the participle's own attachment, wherever the parse hangs the range. Ages and
    durations are left to the other rules ("la période comprise entre 10 et 24 ans").
    """
    doc = span.doc
    if span.start == 0 or span[0].lower_ != "entre":
        return None
    part = doc[span.start - 1]
    if part.lemma_.lower() not in RANGE_PARTICIPLES and part.lower_ not in RANGE_PARTICIPLES:
        return None
    for child in part.children:
        if child.dep_ in SUBJECT_DEPS and child.i < part.i:
            return _resolve(child)  # "les températures sont comprises entre 30 et 35 °C"
    if part.dep_ not in {"acl", "amod"} or part.head.pos_ not in NOUNS or part.head.i > part.i:
        return None
    return _climb(part.head, span)


def _definite_measured(noun: Token) -> bool:
    """A locution noun made the thing measured by a definite determiner: 'la moyenne de 7 %'."""
    return noun.lower_ in DEFINITE_MEASURED and any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children
    )


def _light_verb_noun(noun: Token) -> bool:
    """A bare noun that forms a locution with its verb: 'faire don de', 'faire état de'."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "obj"
        and noun.head.pos_ in {"VERB", "AUX"}
        and noun.i == noun.head.i + 1
        and not any(c.dep_ in {"det", "nummod", "amod"} for c in noun.children)
    )


def _climb(noun: Token, span: Span) -> Token:
    """A determiner-less 'de' complement gives its governing noun: 'chauffeur de camion'."""
    if noun.dep_ == "nmod" and noun.head.pos_ in NOUNS and noun.head.i < noun.i and any(
        c.dep_ == "case" and c.lower_ in RATE_CASES for c in noun.children
    ):
        noun = noun.head  # "un revenu par habitant inférieur à 2 dollars": the rate's noun
    if noun.pos_ == "PROPN" and noun.ent_type_ in NAME_ENTITY_LABELS and (
        noun.dep_ == "nmod" and noun.head.pos_ == "NOUN"
    ):
        noun = noun.head  # "une contribution du G7 de 251 millions"
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].lower_ == "à" and doc[noun.i - 2].pos_ == "NOUN" and (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in A_LOCUTION_NOUNS
        and not any(c.dep_ in {"det", "nummod"} for c in noun.children)
    ):
        return doc[noun.i - 2]  # "réduire la glycémie à jeun de 13 %"
    if noun.dep_ == "nmod" and noun.head.pos_ in NOUNS and noun.head.i == noun.i - 2:
        cases = [c.lower_ for c in noun.children if c.dep_ == "case"]
        dets = [c for c in noun.children if c.dep_ == "det"]
        if cases and cases[0] in COMPLEMENT_CASES and not dets:
            return noun.head
    if noun.lower_ in CHANGE_NOUNS or noun.lemma_.lower() in CHANGE_NOUNS:
        # "l'augmentation du taux de 9,5 %": the thing that changes
        for child in noun.rights:
            if child.dep_ == "nmod" and child.pos_ == "NOUN" and child.i < span.start and any(
                c.dep_ == "det" or c.lower_ in {"du", "des"} for c in child.children
            ):
                return child
    return noun


def _measure_subject(root: Token, span: Span) -> Token | None:
    """The subject (or direct object) of the measure verb or copula that governs the amount."""
    cases = {c.lower_ for c in root.children if c.dep_ == "case"}
    verb = root.head
    dep = root.dep_
    if verb.pos_ == "ADP" and verb.i < span.start and verb.head != verb:
        # a preposition the parse made the amount's head: "multiplié par près de cinq"
        cases.add(verb.lower_)
        verb, dep = verb.head, "obl"
    elif dep == "nummod" and verb.i >= span.end and verb.head != verb and any(
        c.dep_ == "case" and span.end <= c.i < verb.i for c in verb.children
    ):
        # a count the parse gave to a noun beyond a preposition: "multiplié par quatre
        # depuis le mois dernier" (its own preposition went to that noun too)
        cases = {c.lower_ for c in verb.children if c.dep_ == "case" and c.i < span.start}
        verb, dep = verb.head, "obl"
    allowed = VERB_CASES.get(verb.lemma_.lower(), frozenset())
    if cases & NOT_MEASURE_CASES - allowed:
        return None
    # copula: "le loyer est de 900 euros" (the amount is the predicate)
    copulas = [c for c in root.children if c.dep_ == "cop" and c.i < span.start]
    if copulas:
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS and child.i < span.start:
                return _resolve(child)
        # the subject the parse hung the predicate on: "l'espérance de vie était de 15 ans"
        if dep in DETACHED_DEPS and verb.pos_ in NOUNS and verb.i < copulas[0].i:
            return verb
    if dep not in MEASURE_ARGUMENT_DEPS or verb == root:
        return None
    if verb.pos_ == "ADJ":  # "le PIB était supérieur d'environ 5 %"
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return _resolve(child)
        return None
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in MEASURE_VERBS:
        return None
    if verb.lemma_.lower() == "passer" and not cases & HEAD_CASES:
        return None  # "passer deux semaines en quarantaine": no measure
    if verb.lemma_.lower() in OBJECT_VERBS and root.dep_ != "obj":
        for child in verb.children:
            if child.dep_ == "obj" and child.pos_ in NOUNS and not (
                span.start <= child.i < span.end
            ):
                return child
    while True:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return _resolve(child)
        if verb.dep_ == "xcomp" and verb.head != verb:  # "devrait coûter"
            verb = verb.head
            continue
        if verb.dep_ == "acl" and verb.head.pos_ in NOUNS and all(
            t.pos_ == "ADJ" for t in verb.doc[verb.head.i + 1 : verb.i]
        ):
            return verb.head  # "des prix avoisinant 1,2 milliard", "des vitesses pouvant atteindre"
        return None


def _en_clitic(root: Token) -> bool:
    """The verb governing the amount has the clitic 'en' for its noun: 'ils en comptent trois'."""
    verb = root.head
    if verb == root or root.dep_ in {"nummod", "det", "amod", "nmod", "appos"} or (
        verb.pos_ != "VERB"
    ):
        return False
    return any(
        c.lower_ == "en" and c.i < verb.i and c.dep_ not in {"case", "mark"} for c in verb.children
    )


def _resolve(subject: Token) -> Token | None:
    """A subject noun; a relative pronoun gives its antecedent, another pronoun nothing."""
    low = subject.lower_
    if low in RELATIVES:
        verb = subject.head
        if verb.dep_.startswith("acl") and verb.head.pos_ in NOUNS:
            return verb.head
        return None
    if subject.pos_ in {"PRON", "NUM", "DET"}:
        return None
    return subject


def _measured(noun: Token, rule: str, span: Span, *, left: int | None = None) -> ObjectFound:
    """A noun's object text; a measure noun gives its complement or nothing (RN28)."""
    measure = noun.lemma_.lower() in MEASURE_NOUNS or noun.lower_ in MEASURE_NOUNS | WHOLE_NOUNS
    if measure and not _compound_size(noun, noun.doc, noun.i + 1):  # not "chiffre d'affaires"
        comp = _complement_noun(noun)
        if comp is None or span.start <= comp.i < span.end:
            return ObjectFound(None, "measure_noun")
        noun, left = comp, None
    text = _phrase(noun, left)
    if noun.i < span.start and span.text in text:
        # "cyclisme en salle de neuf semaines": the object stops before the amount itself
        text = _DANGLING_DE.sub("", text[: text.index(span.text)]).strip()
    if not any(ch.isalpha() for ch in text):
        return NONE  # a symbol the parse took for a noun ("%", "$")
    return ObjectFound(text, rule)


def _complement_noun(noun: Token) -> Token | None:
    """The 'de' complement noun of a measure noun ('le nombre de migrants')."""
    doc = noun.doc
    k = noun.i + 1
    if k < len(doc) and doc[k].lower_ in DE_FORMS:
        k += 1
        if k < len(doc) and doc[k].lower_ in DETERMINERS:
            k += 1
        if k < len(doc) and doc[k].pos_ in NOUNS:
            return doc[k]
    return None


def _phrase(noun: Token, left: int | None = None) -> str:
    """The noun with its adjectives and noun complements, trimmed (RN29)."""
    doc = noun.doc
    start = noun.i
    k = noun.i - 1
    if left is not None:
        # between the amount and the noun: adjectives, trimmed words left out
        while k >= left and doc[k].pos_ == "ADJ" and doc[k].lower_ not in TRIM_WORDS:
            start = k
            k -= 1
    else:
        # the noun's own adjectives before it: "le principal indice boursier"
        while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].head == noun and (
            doc[k].lower_ not in TRIM_WORDS
        ):
            start = k
            k -= 1
    end = _right_edge(noun) + 1
    return _first_line(doc[start:end].text)


def _first_line(text: str) -> str:
    """An object never crosses a line break (a real one or an escaped '\\n' left in the text)."""
    for brk in LINE_BREAKS:
        text = text.split(brk, 1)[0]
    return text.strip()


def _right_edge(noun: Token) -> int:
    """Last token index of the noun's own modifiers, read left to right from the noun."""
    doc = noun.doc
    n = len(doc)
    last = noun.i
    j = last + 1
    predicate = _predicate_position(noun)
    while j < n:
        tok = doc[j]
        low = tok.lower_
        if predicate and tok.head == noun and _past_participle(tok) and (
            low not in LEXICALISED_PARTICIPLES.get(noun.lemma_.lower(), ())
        ):
            break  # "avec 4 400 athlètes attendus" (R9)
        if _glued_hyphen(doc, last, j):
            last = j + 1  # a hyphenated noun the tokenizer cut: "grands-parents", "chefs-lieux"
            j += 2
            continue
        if tok.like_num:
            break  # another amount: "2 960 morts et 5 674 blessés"
        if low in EDGE_WORDS and j + 1 < n and (
            doc[j + 1].lower_ in MONTHS or doc[j + 1].like_num
        ):
            break  # a time: "8 000 migrants fin septembre"
        if j == last + 1 and low in LEXICALISED_PARTICIPLES.get(noun.lemma_.lower(), ()):
            last = j  # "cas confirmés dans le monde": a lexicalised participle stays
            j += 1
            continue
        # an adverb of manner before a participle: "éducateurs nouvellement formés" (R9)
        if tok.pos_ == "ADV" and low.endswith("ment") and j + 1 < n and tok.head.i == j + 1 and (
            _past_participle(doc[j + 1]) and doc[j + 1].head.i == noun.i
        ) and not predicate and not _opens_complement(doc, j + 1) and not _has_complement(
            doc[j + 1]
        ):
            last = j + 1
            j += 2
            continue
        # a past participle used as an adjective, whatever the parse calls its relation:
        # "20 hommes morts gisant" (R9)
        participle = (
            tok.pos_ == "VERB"
            and j == last + 1
            and tok.head.i == noun.i
            and tok.dep_ in {"acl", "nmod", "amod"}
            and _past_participle(tok)
        )
        if tok.pos_ == "ADJ" or participle or (
            tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.head.i <= last
        ):
            if low in TRIM_WORDS or _has_complement(tok) or _opens_complement(doc, j):
                break
            if low in MEASURE_VERB_FORMS:
                break  # "séance dure quatre heures": the verb, tagged as an adjective
            if _present_participle(tok):
                break  # "patients souffrant de ...", "personnes vivant avec ...": a clause (R9)
            if _disagrees(tok, noun):
                break  # "10 années de résidence requises": the participle is not the noun's
            if tok.pos_ == "VERB" and not all(
                _is_de_complement(c) or c.dep_ == "punct" or (c.dep_ == "advmod" and c.i < j)
                for c in tok.children
            ):
                break
            last = j
            j += 1
            continue
        # a compound written as one name: "coups d'État", "Coupes du monde"
        size = _compound_size(noun, doc, j)
        if size and j == last + 1:
            last = j + size - 1
            j += size
            continue
        # a noun compound with "à": "cuillères à café", "armes à feu", "enfants à risque"
        size = _a_compound(doc, j) if low == "à" else 0
        if size:
            last = j + size - 1
            break  # what follows is the compound's content: "cuillère à café de sucre"
        # a negated participle: "hommes non armés"
        if low in NEGATIONS and j + 1 < n and doc[j + 1].pos_ in {"ADJ", "VERB"} and (
            doc[j + 1].head.i == noun.i and not _opens_complement(doc, j + 1)
        ):
            last = j + 1
            j += 2
            continue
        # a comparative: "personnes plus âgées", "vaccins les plus prometteurs"
        if low in COMPARATIVE_WORDS and j + 1 < n and doc[j + 1].pos_ == "ADJ":
            if _has_complement(doc[j + 1]):
                break
            last = j + 1
            j += 2
            continue
        # kept locutions: "de premier plan"
        three = doc[j : j + 3].text.lower()
        if three in KEPT_LOCUTIONS:
            last = j + 2
            j += 3
            continue
        if low in COMPLEMENT_CASES or low in {"du", "des"}:
            got = _complement(doc, j, noun.i)
            if got is None:
                break
            before = last
            last = _right_edge(doc[got])
            j = last + 1
            # a coordinated complement stays ("de santé et d'éducation"); one with a
            # determiner drops both ("candidats de gauche et du centre", R9)
            if j + 1 < n and doc[j].lower_ in {"et", "ou"} and doc[j + 1].lower_ in DE_FORMS:
                other = _complement(doc, j + 1, noun.i)
                if other is not None:
                    last = _right_edge(doc[other])
                    j = last + 1
                elif _determined_complement(doc, j + 1):
                    last = before
                    break
            continue
        if low in {"ou", "et"} and j + 1 < n and doc[j + 1].pos_ in {"NOUN", "ADJ"} and (
            not doc[j + 1].like_num
        ) and (
            (doc[j + 1].head.i <= last and doc[j + 1].head.i >= noun.i)
            or _bare_coordinate(noun, doc[j + 1])
        ) and not any(c.dep_ == "nummod" for c in doc[j + 1].children):
            last = j + 1
            j += 2
            continue
        # a noun or code right after the noun: "élèves sous-officiers", "chars d'assaut T-72"
        if tok.pos_ in NOUNS and tok.head.i <= last and tok.head.i >= noun.i and not any(
            c.dep_ in {"case", "det", "nummod"} for c in tok.children
        ) and tok.ent_type_ not in PLACE_ENTITY_LABELS - {"ORG"} and low not in DATE_NOUNS:
            if tok.pos_ == "PROPN" and not any(ch.isdigit() for ch in tok.text):
                break
            last = j
            j += 1
            continue
        break
    return last


def _bare_coordinate(noun: Token, other: Token) -> bool:
    """A plural noun without determiner coordinated to a plural counted noun, wherever the
    parse hangs it: 'ses quatre frères et sœurs', '70 économistes et experts'."""
    plural = ["Plur"]
    return (
        other.pos_ == "NOUN"
        and noun.pos_ == "NOUN"
        and noun.morph.get("Number", []) == plural
        and other.morph.get("Number", []) == plural
        and not any(c.dep_ in {"det", "case", "nummod"} for c in other.children)
    )


def _predicate_position(noun: Token) -> bool:
    """The counted noun follows 'avec'/'sans': a participle after it is a predicate (R9).

    "avec 65 millions de doses administrées"; existential 'il y a' is left alone, where a
    participle may be stative ("il y a 1 500 logements inoccupés").
    """
    phrase = noun
    if noun.dep_ == "nmod" and noun.head.i < noun.i and noun.head.like_num is False and any(
        c.dep_ == "nummod" for c in noun.head.children
    ):
        phrase = noun.head  # "65 millions de doses": the scale noun carries the relation
    return any(c.dep_ == "case" and c.lower_ in PREDICATE_CASES for c in phrase.children)


def _past_participle(tok: Token) -> bool:
    """A past participle the tagger reads as a verb ('administrées'), not a stative adjective."""
    return (
        tok.pos_ == "VERB"
        and "Part" in tok.morph.get("VerbForm", [])
        and "Pres" not in tok.morph.get("Tense", [])
    )


def _glued_hyphen(doc: Doc, last: int, j: int) -> bool:
    """A hyphen at j glued to the word before (at ``last``) and to a word after it."""
    return (
        j == last + 1
        and j + 1 < len(doc)
        and doc[j].text == "-"
        and not doc[last].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].text.isalpha()
    )


def _present_participle(tok: Token) -> bool:
    """A verb in '-ant' ('souffrant', 'vivant'): it heads a clause, never part of the object."""
    return (
        tok.pos_ == "VERB"
        and "Part" in tok.morph.get("VerbForm", [])
        and "Pres" in tok.morph.get("Tense", [])
        and tok.lower_.endswith("ant")
    )


def _disagrees(adjective: Token, noun: Token) -> bool:
    """The adjective and the noun both mark number, and differently (codes such as 'BA.2' aside)."""
    if any(ch.isdigit() for ch in adjective.text):
        return False
    a, n = adjective.morph.get("Number", []), noun.morph.get("Number", [])
    return bool(a and n and not set(a) & set(n))


def _opens_complement(doc: Doc, j: int) -> bool:
    """The adjective or participle at j opens its own complement (R9), which ends the object.

    An infinitive or a determined noun after 'à/de' ("prêtes à être", "liés à une", "accusés
    d'avoir", "dus au virus"); a participle before another preposition ("situés dans").
    """
    if j + 2 >= len(doc) or _prepositional_locution(doc, j + 1):
        return False
    nxt, after = doc[j + 1], doc[j + 2]
    low = nxt.lower_.replace("’", "'")
    if low in A_CASES | COMPLEMENT_CASES and after.pos_ in {"VERB", "AUX"}:
        return True
    if low in A_CASES and (after.pos_ == "DET" or (low != "à" and after.pos_ == "NOUN")):
        return True
    return low in PARTICIPLE_CASES and "Part" in doc[j].morph.get("VerbForm", [])


def _prepositional_locution(doc: Doc, k: int) -> bool:
    """The preposition at k opens a locution ending in 'de': 'au cours de', 'dans le cadre de'."""
    m = k + 1
    if m < len(doc) and doc[m].lower_ in DETERMINERS:
        m += 1
    return m + 1 < len(doc) and doc[m].pos_ == "NOUN" and doc[m + 1].lower_ in DE_FORMS


def _compound_size(noun: Token, doc: Doc, j: int) -> int:
    """Tokens at j that complete the noun into a compound of COMPOUNDS, else 0."""
    if j + 1 >= len(doc):
        return 0
    a, b = doc[j].lower_.replace("’", "'"), _fold(doc[j + 1].lower_)
    rest = a + b if a.endswith("'") else f"{a} {b}"
    for head in {_fold(noun.lower_), _fold(noun.lemma_.lower())}:
        if f"{head} {rest}" in COMPOUNDS:
            return 2
    return 0


def _fold(word: str) -> str:
    """A word without its accents, for the compound table ('État' and 'Etat')."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _a_compound(doc: Doc, j: int) -> int:
    """Tokens at j ('à' + noun, or 'à' + adjective + noun) of a 'N à N' compound, else 0.

    The noun has no determiner, is no name and opens no locution: "armes à feu",
    "cuillères à café", "pays à faible revenu", but not "à bord", "à cause de", "à Dakar".
    """
    k = j + 1
    if k + 1 < len(doc) and doc[k].pos_ == "ADJ" and doc[k + 1].pos_ == "NOUN":
        k += 1
    if k >= len(doc):
        return 0
    tok = doc[k]
    if (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() not in A_LOCUTION_NOUNS
        and not any(c.dep_ in {"det", "nummod"} for c in tok.children)
        and tok.ent_type_ == ""
    ):
        return k - j + 1
    return 0


def _is_de_complement(tok: Token) -> bool:
    """A 'de' complement: 'cas confirmés de Covid-19'."""
    return tok.dep_ in {"nmod", "obl", "obl:arg", "obl:mod"} and any(
        c.dep_ == "case" and c.lower_ in DE_FORMS for c in tok.children
    )


def _has_complement(tok: Token) -> bool:
    """An adjective with its own prepositional complement: 'âgés de 15 ans', 'liés à une'.

    A bare noun phrase ('confirmés le jour précédent') or 'de' + a name or a determined noun
    ('cas confirmés de Covid-19', 'éditions passées de la Coupe', complements the object
    leaves out anyway) does not count; 'accusées de trafic' does.
    """
    for c in tok.rights:
        if c.dep_ not in {"obl", "obl:arg", "obl:mod", "nmod"}:
            continue
        cases = [x.lower_ for x in c.children if x.dep_ == "case"]
        if not cases:
            continue
        named = (
            c.pos_ == "PROPN"
            or any(ch.isdigit() for ch in c.text)  # a code: "de BA.2"
            or cases[0] in {"du", "des"}
            or any(x.dep_ == "det" for x in c.children)
        )
        if cases[0] in DE_FORMS and named and not any(x.dep_ == "nummod" for x in c.children):
            continue  # left out of the object by _complement anyway
        return True
    return False


def _determined_complement(doc: Doc, j: int) -> bool:
    """The 'de' at j opens a determined noun phrase: 'du centre', 'de la ville'."""
    if doc[j].lower_ in {"du", "des"}:
        return True
    return j + 1 < len(doc) and doc[j + 1].lower_ in DETERMINERS


def _complement(doc: Doc, j: int, lo: int) -> int | None:
    """Index of the noun of a 'de' complement starting at j that stays in the object.

    Left out: places and origins ("soldats d'Allemagne", "de pays voisins"), named bodies
    ("taux de la Banque centrale"), a determined complement the parse puts elsewhere.
    """
    n = len(doc)
    low = doc[j].lower_
    determined = low in {"du", "des"}
    k = j + 1
    if k < n and low in COMPLEMENT_CASES and doc[k].lower_ in DETERMINERS:
        determined = True
        k += 1
    while k + 1 < n and doc[k].pos_ == "ADJ" and doc[k + 1].pos_ in NOUNS:
        k += 1
    if k >= n or doc[k].pos_ not in NOUNS:
        return None
    tok = doc[k]
    if tok.lower_ in PLACE_NOUNS or tok.ent_type_ in PLACE_ENTITY_LABELS:
        return None
    if tok.lemma_.lower() in ADVERBIAL_NOUNS:
        return None  # "points d'avance" (R9)
    if any(c.dep_ == "nummod" for c in tok.children):
        return None
    if tok.pos_ == "PROPN":
        # "Coupes des Nations" stays, "matches de Liga" goes (a name without determiner)
        if not determined:
            return None
    elif determined:
        return None  # "principaux avantages de l'eau potable"
    if not lo <= tok.head.i <= k:
        return None
    return k


def _elided(
    k: int, spans: Sequence[Span], matches: Sequence[AmountMatch], found: list[ObjectFound]
) -> ObjectFound:
    """A value without its noun takes the noun of a neighbouring amount (RN27, R2, RN15)."""
    span = spans[k]
    unit = matches[k].amount.unit
    if unit in TIME_UNITS and _cases(span.root, span) & NOT_MEASURE_CASES:
        return NONE  # "en 12 ans", "depuis deux ans": a duration of the event, not a count
    sent_start = span.sent.start if span.doc.has_annotation("SENT_START") else 0
    if found[k].rule == "en_clitic" and sent_start > 0:
        # "en" points back past the sentence start: "... sept points. Ils en comptent trois"
        sent_start = span.doc[sent_start - 1].sent.start
    # R2 "de 30 à 50 collaborateurs", RN15 "14 des 24 équipes": the next amount
    if k + 1 < len(spans):
        nxt = spans[k + 1]
        between = span.doc[span.end : nxt.start]
        if (
            len(between) == 1
            and between[0].lower_ in {"à", "a", "des", "sur"}
            and found[k + 1].text is not None
        ):
            return ObjectFound(found[k + 1].text, "elided_next")
    # RN27 "120 cas, contre 95", "12 à Agadir, 4 à Tanger"
    for j in range(k - 1, max(k - 4, -1), -1):
        prev = spans[j]
        if prev.end <= sent_start:
            break
        if found[j].text is not None and matches[j].amount.unit == unit:
            return ObjectFound(found[j].text, "elided_previous")
    if unit is None:
        noun = _list_head(span, sent_start)
        if noun is not None:
            return _measured(noun, "list_head", span)
    return NONE


def _list_head(span: Span, sent_start: int) -> Token | None:
    """The noun a list after a colon refers back to: 'les migrants se répartissent : 12 à...'."""
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ in NOUNS and root.head.i < span.start:
        return root.head
    doc = span.doc
    if not any(doc[i].text == ":" for i in range(max(sent_start, span.start - 12), span.start)):
        return None
    verb = root.head
    if verb.pos_ != "VERB":
        return None
    if not any(doc[i].text == ":" for i in range(verb.i + 1, span.start)):
        return None  # "Coronavirus : X offre 10 millions": the colon is no list
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.pos_ in NOUNS and child.i < span.start:
            return child
    return None
