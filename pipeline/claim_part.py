"""The part_of slot of a claim frame: the total an amount is part of ("dont", "sur", "parmi").

Also which amount a compared one ("contre 85 dollars il y a un an") takes its frame from.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from .attributes import CLAIM, CLAIM_RULES, PREFIX
from .claim_part_words import (
    AMONG_REACH,
    AMONG_WORDS,
    BODY_CUES,
    BODY_NOUNS,
    BODY_PARTITIVE_REACH,
    BREAKDOWN_MARKS,
    COMPARATIVES,
    COMPARE_WORDS,
    COMPARED_SLOTS,
    DEMONSTRATIVES,
    ELIDED_DE,
    ENTRE_WORDS,
    FRACTION_WORDS,
    FRONTED_HEDGES,
    FRONTED_REACH,
    FRONTED_VERB_REACH,
    FRONTED_WORDS,
    GROUP_DETS,
    GROUP_PRONOUNS,
    INCLUDE_VERBS,
    LENGTH_UNITS,
    MEMBER_CUES,
    OF_COMPLEMENT,
    OTHER_OPENERS,
    OTHER_WORDS,
    REST_REACH,
    REST_WORDS,
    SHARE_LIST_REACH,
    SINGLE_PARTITIVES,
    STEM_MIN,
    SUM_RUN_MIN,
    SUM_RUN_REACH,
    THAT_FRONTED,
    TOTAL_OPENERS,
)
from .claim_syntax import (
    OF_WORDS,
    SUBJ_DEPS,
    _anchor,
    _current,
    _doc_text,
    _ref,
    sentence_marks,
)
from .claim_words import (
    LIST_WORDS,
    MEASURE_NOUNS,
    OUT_OF_CUES,
    OUT_OF_WORDS,
    PERIOD_UNITS,
)

# Words of the verb between a fronted total's comma and its part ("on trouve", "il y a").
FRONTED_VERB_POS = frozenset({"PRON", "VERB", "AUX"})
RELATIVE_WORDS = frozenset({"qui", "que", "qu'", "qu’", "dont", "où"})
# Words that end a list of parts ("dont 9 000 aux supporters, contre 6 000 l'an dernier").
LIST_BREAKS = frozenset({"dont", "contre", "soit", "sur", "(", ")", ":", ";", "-", "–"})

# Rules whose part a list goes on with ("dont 40 femmes et 14 mineurs", "- deux frères et
# une sœur").
LISTED_RULES = frozenset({"dont", "dont_list", "breakdown", "sum"})
# "l'un d'entre eux": a one-member partitive between a group and a later "d'entre eux".
SINGLE_PARTITIVE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(SINGLE_PARTITIVES)) + r")\s+d['’]\s?entre\s+(?:eux|elles)\b",
    re.IGNORECASE,
)


def _part_of(amount: Span, sent: Span, amounts: list[Span]) -> tuple[Span | None, str]:
    doc = amount.doc
    before = doc[max(sent.start, amount.start - 3) : amount.start]
    words = " ".join(t.lower_ for t in before)
    if not any(cue in words for cue in ("dont", "parmi", "y compris", "sur ces")):
        return None, "none"
    before_it = [a for a in amounts if a.end <= amount.start]
    earlier = (
        [a for a in before_it if a.start >= sent.start]
        # "300 personnes (dont 40 mineurs)": the parser cut the sentence at the bracket
        or [a for a in before_it[-2:] if _one_sentence(doc, a.end, amount.start)]
        # "Sur ces 1 200 migrants": the amount the demonstrative points back to, in the
        # same paragraph
        or (
            before_it[-1:]
            if "sur ces" in words
            and before_it
            and _one_paragraph(doc, before_it[-1].end, amount.start)
            else []
        )
    )
    if not earlier:
        return None, "none"
    dont = next((t for t in before if t.lower_ == "dont"), None)
    if dont is not None and dont.i + 1 < amount.start and doc[dont.i + 1].pos_ in {"VERB", "AUX"}:
        return None, "none"  # "les négociations dont dépendaient des millions de vies": a relative
    whole = earlier[-1]
    if _attr(whole, "unit") in PERIOD_UNITS and _attr(amount, "unit") not in PERIOD_UNITS:
        spread = len(earlier) > 1 and earlier[-2].end + 2 >= whole.start
        if not spread:
            return None, "none"  # "un travail qui a duré 10 ans et ..., dont des dizaines de"
        # "500 millions d'euros sur trois ans, dont 150 millions": the period only spreads
        # the amount before it, which is the whole
        earlier = earlier[:-1]
        whole = earlier[-1]
    if len(earlier) > 1 and _is_conversion(earlier[-2], whole):
        # "1,86 milliard de dinars (713 milliards de FCFA), dont 140 millions": the amount
        # the bracket converts is the whole (rule 'dont_conversion')
        whole = earlier[-2]
    return whole, "dont"


def _out_of(amount: Span, following: Span) -> tuple[Span | None, str]:
    """ "30 des 54 pays", "39 voix sur les 76 votants": the total that follows."""
    if following.sent.start != amount.sent.start:
        return None, "none"
    if following._.get(PREFIX + "unit") in PERIOD_UNITS:
        return None, "none"  # "541 millions d'euros sur trois ans": a period, not a total
    tokens = list(amount.doc[amount.end : following.start])
    if _is_share(amount) and _total_phrase(tokens):
        return following, "out_of"  # "10 % du total actuel de trois millions de personnes"
    while tokens and tokens[0].lower_ not in OUT_OF_WORDS and len(tokens) > 1:
        if tokens[0].text == "(" and tokens[1].lower_ in OUT_OF_WORDS:
            # "trois places (sur les 32 équipes participantes)": the total in brackets
            tokens = tokens[1:]
            break
        if tokens[0].pos_ not in {"NOUN", "ADJ", "PROPN"} and tokens[0].lower_ not in OF_WORDS:
            # "19 communes bruxelloises, ainsi que ceux des 300": a comma or a conjunction
            # ends the counted noun, no total follows it (rule 'out_of')
            return None, "none"
        tokens = tokens[1:]  # the counted noun ("39 voix sur les 76")
    cue = tuple(t.lower_ for t in tokens)
    if cue == ("sur",) and _attr(amount, "unit") in LENGTH_UNITS:
        return None, "none"  # "une orbite de 160 km sur 375 km": two dimensions, no total
    if cue in OUT_OF_CUES:
        return following, "out_of"
    return None, "none"


def _total_phrase(tokens: list[Token]) -> bool:
    """Whether the words between a share and an amount name that amount as the whole: "du
    total (actuel) de", "de l'ensemble des"."""
    words = [t.lower_ for t in tokens]
    for opener in TOTAL_OPENERS:
        n = len(opener)
        if tuple(words[:n]) == opener and words[-1:] and words[-1] in OF_WORDS | {"des"}:
            middle = tokens[n:-1]
            return len(middle) <= 2 and all(t.pos_ == "ADJ" for t in middle)
    return False


def _listed_after(before: Span, amount: Span) -> bool:
    """Whether an amount continues the list of the one before ("dont 40 femmes et 14 mineurs")."""
    between = amount.doc[before.end : amount.start]
    return (
        len(between) <= 4
        and any(t.lower_ in {"et", ","} for t in between)
        and all(t.lower_ in LIST_WORDS or t.pos_ in {"NOUN", "ADJ"} for t in between)
    )


def _is_conversion(before: Span, amount: Span) -> bool:
    """Whether an amount in parentheses right after another converts it."""
    doc = amount.doc
    return (
        amount.start > 0
        and doc[amount.start - 1].text == "("
        and before.end >= amount.start - 2
        and amount.end < len(doc)
        and doc[amount.end].text == ")"
    )


def _attr(span: Span, name: str) -> Any:
    return span._.get(PREFIX + name)


def _top(span: Span) -> float | None:
    """The largest value an amount gives (the upper bound of a range)."""
    value = _attr(span, "value_max")
    value = _attr(span, "value") if value is None else value
    return value if isinstance(value, (int, float)) else None


def _is_share(span: Span) -> bool:
    """A percentage or a fraction ("40 %", "la moitié"): a part with no count of its own."""
    ext = span._  # (one extension reader for both)
    value, unit = ext.get(PREFIX + "value"), ext.get(PREFIX + "unit")
    return unit == "%" or (unit is None and isinstance(value, (int, float)) and 0 < value < 1)


def _set_aside(whole: Span) -> bool:
    """An amount that is no total of its own: in brackets, or compared ("contre six")."""
    doc = whole.doc
    before = doc[whole.start - 1] if whole.start > 0 else None
    if before is not None and (before.text == "(" or before.lower_ in COMPARE_WORDS):
        return True
    return (whole._.get(CLAIM_RULES) or {}).get("part_of") == "conversion"


def _same_kind(whole: Span, part: Span) -> bool:
    """Whether a whole counts what its part counts: a count for a count or a share, else
    the same unit; a period ("deux mois") is never a total."""
    unit = _attr(whole, "unit")
    if unit in PERIOD_UNITS:
        return False
    if _is_share(part) or _attr(part, "unit") is None:
        top = _top(whole)
        return unit is None and (top is None or top > 1)
    return bool(unit == _attr(part, "unit"))


def _larger(whole: Span, part: Span) -> bool:
    """Whether a whole is larger than its part (a share is checked by its kind alone)."""
    if _is_share(part):
        return True
    top, value = _top(whole), _attr(part, "value")
    return top is None or not isinstance(value, (int, float)) or value < top


def _one_sentence(doc: Doc, start: int, end: int) -> bool:
    """Whether no sentence ends between two tokens (the parser also cuts at a comma or a
    dash: "20 000 volontaires ont été impliqués | , la moitié au Royaume-Uni")."""
    return not any(sentence_marks(doc)[0][max(start, 0) : end])


def _one_paragraph(doc: Doc, start: int, end: int) -> bool:
    """Whether no paragraph break (a line break) lies between two tokens."""
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in doc[max(start, 0) : end])


def _window_start(doc: Doc, i: int, back: int) -> int:
    """The first token of the sentence of token ``i``, or of the one ``back`` before it."""
    ends, marks = sentence_marks(doc)
    j = i - 1
    for n in range(back + 1):
        while n and j >= 0 and (ends[j] or marks[j]):
            j -= 1  # the end of the sentence before
        while j >= 0 and not ends[j]:
            j -= 1
    return j + 1


def _names(whole: Span, noun: Token) -> bool:
    """Whether a whole counts the thing a noun names ("quatre corps" ... "trois des corps")."""
    lemma = noun.lemma_.lower()
    obj = (_attr(whole, "object") or "").lower().split()
    return _anchor(whole).lemma_.lower() == lemma or (bool(obj) and obj[0] in {noun.lower_, lemma})


def _restricted(noun: Token) -> bool:
    """Whether a noun has a modifier of its own right after it ("46,8 % des personnes âgées
    de 65 ans"): a new group, not the one counted before."""
    if noun.i + 1 >= len(noun.doc):
        return False
    after = noun.doc[noun.i + 1]
    return after.pos_ in {"ADJ", "VERB"} or after.lower_ in OF_WORDS | RELATIVE_WORDS


def _group_cue(
    amount: Span, sent: Span, amounts: list[Span], k: int
) -> tuple[int, Token | None] | None:
    """Where a partitive of a group counted before starts, and the noun naming the group
    (None for a pronoun): "Onze d'entre eux", "Trois des corps", "deux de ces buts",
    "Parmi eux, 200", "Parmi ces dossiers, une quarantaine"."""
    doc = amount.doc
    after = [t.lower_ for t in doc[amount.end : amount.end + 3]]
    pronoun = (after[1:2] if after[:1] and after[0] in ENTRE_WORDS else []) or (
        after[2:3] if after[:1] and after[0] in ELIDED_DE and after[1:2] == ["entre"] else []
    )
    if pronoun and pronoun[0] in GROUP_PRONOUNS:
        return amount.start, None
    noun = doc[amount.end + 1] if len(after) >= 2 else None
    if noun is not None and after[0] == "des" and noun.pos_ == "NOUN" and not _restricted(noun):
        return amount.start, noun
    if (
        len(after) >= 3
        and after[0] == "de"
        and after[1] == "ces"
        and doc[amount.end + 2].pos_ == "NOUN"
    ):
        return amount.start, doc[amount.end + 2]
    among = next(
        (
            i
            for i in range(amount.start - 1, max(sent.start, amount.start - AMONG_REACH) - 1, -1)
            if doc[i].lower_ in AMONG_WORDS
        ),
        None,
    )
    if among is None or among + 1 >= amount.start:
        return None
    if any(among < a.start < amount.start for a in amounts[max(0, k - 3) : k]):
        return None  # "parmi les 100 premières ... 85 %": the total is named there
    word = doc[among + 1]
    if word.lower_ in GROUP_PRONOUNS:
        return among, None
    if word.lower_ in GROUP_DETS and among + 2 < amount.start and doc[among + 2].pos_ == "NOUN":
        return among, doc[among + 2]
    return None


def _names_group(tokens: Span) -> bool:
    """Whether a sentence speaks of a group by a pronoun ("Beaucoup d'entre eux", "parmi eux")."""
    return any(
        t.lower_ in GROUP_PRONOUNS
        and t.i > 0
        and (t.nbor(-1).lower_ in ENTRE_WORDS | AMONG_WORDS or t.nbor(-1).lower_ == "entre")
        for t in tokens
    )


def _group(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "Parmi eux, environ 200", "Onze d'entre eux", "Trois des corps": the group counted
    in this sentence or the two before (rule 'partitive')."""
    if _attr(amount, "unit") in PERIOD_UNITS:
        return None, "none"  # "Parmi elles, une femme de 23 ans": an age, no member
    cue = _group_cue(amount, sent, amounts, k)
    if cue is None:
        return None, "none"
    at, noun = cue
    doc = amount.doc
    start = _window_start(doc, at, 1)
    if noun is not None or _names_group(doc[start : _window_start(doc, at, 0)]):
        # a noun names its group two sentences back; a pronoun, when the sentence between
        # goes on about the group ("40 patients ... Beaucoup d'entre eux ... Onze d'entre eux")
        start = _window_start(doc, at, 2)
    for whole in reversed(amounts[:k]):
        if whole.start < start:
            break
        if whole.end > at or _set_aside(whole) or not _same_kind(whole, amount):
            continue
        if noun is not None and not _names(whole, noun):
            continue
        if noun is None and (whole._.get(CLAIM_RULES) or {}).get("part_of") == "partitive":
            # "Des centaines d'entre eux sont rentrés, mais des milliers d'entre eux ...":
            # the group the partitive before was taken from
            whole = _listed_whole(whole, amounts, k) or whole
        if not _larger(whole, amount):
            return None, "none"  # "Sept joueurs ... sept d'entre eux": the same group
        between = _doc_text(doc)[whole.end_char : doc[at].idx]
        if noun is None and SINGLE_PARTITIVE_RE.search(between):
            return None, "none"  # "1 000 bébés, l'un d'entre eux ... la moitié d'entre eux"
        return whole, "partitive"
    return None, "none"


def _body_partitive(
    amount: Span, sent: Span, amounts: list[Span], k: int
) -> tuple[Span | None, str]:
    """ "une équipe de cinq Allemands ... Deux des membres de l'équipe", "la liste de 10 noms
    ... Trois des joueuses constituant la liste": members of a body counted in its sentence
    or the one before (rule 'partitive_body')."""
    doc = amount.doc
    end = min(amount.end + BODY_PARTITIVE_REACH, len(doc))
    if k == 0 or amount.end >= end or doc[amount.end].lower_ != "des":
        return None, "none"
    body = next(
        (
            t.lemma_.lower()
            for t in doc[amount.end + 2 : end]
            if t.lemma_.lower() in BODY_NOUNS and t.nbor(-1).pos_ == "DET"
        ),
        None,
    )
    if body is None:
        return None, "none"
    start = _window_start(doc, amount.start, 1)
    for whole in reversed(amounts[:k]):
        if whole.start < start:
            break
        if whole.start < 2 or doc[whole.start - 1].lower_ not in OF_COMPLEMENT:
            continue
        if doc[whole.start - 2].lemma_.lower() != body or not _same_kind(whole, amount):
            continue
        return (whole, "partitive_body") if _larger(whole, amount) else (None, "none")
    return None, "none"


def _member_of(amount: Span, following: Span) -> tuple[Span | None, str]:
    """ "Trois femmes ... font partie des 36 officiels": the total the amount's members
    belong to (rule 'member_of')."""
    doc = amount.doc
    if following.start < 2:
        return None, "none"
    cue = (doc[following.start - 2].lower_, doc[following.start - 1].lower_)
    rule = "member_of" if cue in MEMBER_CUES else "member_of_body" if _body(following) else ""
    if not rule or not _one_sentence(doc, amount.end, following.start):
        return None, "none"
    if not _same_kind(following, amount):
        return None, "none"
    return (following, rule) if _larger(following, amount) else (None, "none")


def _body(whole: Span) -> bool:
    """Whether an amount counts the members of a body a part is placed in: "10 femmes dans
    son cabinet de 24 membres", "six Nigérians sur la liste noire des 79 personnes"."""
    doc = whole.doc
    i = whole.start - 2  # the body's noun, before "de"/"des"
    if i < 2 or doc[i + 1].lower_ not in OF_COMPLEMENT:
        return False
    if doc[i].pos_ == "ADJ":
        i -= 1  # "la liste noire des 79"
    if i < 2 or doc[i].lemma_.lower() not in BODY_NOUNS or doc[i - 1].pos_ != "DET":
        return False
    prep = doc[i - 2].lower_
    return (prep,) in BODY_CUES or (i >= 3 and (doc[i - 3].lower_, prep) in BODY_CUES)


def _list_total(amounts: list[Span], k: int) -> float | None:
    """The sum of the list the k-th amount opens ("74 passagers et 6 membres d'équipage")."""
    total, i = 0.0, k
    while True:
        value = _attr(amounts[i], "value")
        if not isinstance(value, (int, float)):
            return None
        total += value
        if i + 1 >= len(amounts) or not _listed_after(amounts[i], amounts[i + 1]):
            return total
        i += 1


def _breakdown(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "trois membres de sa famille - deux frères et une sœur -": a dash or a colon after
    a counted noun opens its breakdown; after a comma, a list that adds up to the amount
    ("80 personnes, 74 passagers et 6 membres d'équipage") (rule 'breakdown')."""
    doc = amount.doc
    if k == 0 or amount.start < 2:
        return None, "none"
    mark = doc[amount.start - 1].text
    if mark not in BREAKDOWN_MARKS and mark != ",":
        return None, "none"
    whole = amounts[k - 1]
    between = doc[whole.end : amount.start - 1]
    if not 0 < len(between) <= 6:
        return None, "none"
    if not all(t.pos_ in {"NOUN", "ADJ", "DET", "ADP", "PROPN"} for t in between):
        return None, "none"  # "..., soit 300 euros : 200 ..." : no counted noun before the mark
    if _set_aside(whole) or not _same_kind(whole, amount) or _is_share(amount):
        return None, "none"
    if k + 1 >= len(amounts) or not _listed_after(amount, amounts[k + 1]):
        return None, "none"  # "300 millions - 200 millions de plus qu'en 2020": no list
    if mark == "," and _list_total(amounts, k) != _attr(whole, "value"):
        return None, "none"  # "12 000 soldats, 6 400 Américains et 3 000 Belges": no sum
    return (whole, "breakdown") if _larger(whole, amount) else (None, "none")


def _sum_of_list(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "sur un terrain de 16 équipes, il y avait ... neuf Africains et sept expatriés": a
    list that adds up to an amount counted just before, in its sentence or the one before,
    breaks it down (rule 'sum'; the contract's explicit breakdown without "dont")."""
    if k + 1 >= len(amounts) or _is_share(amount):
        return None, "none"
    following = amounts[k + 1]
    if not (_listed_after(amount, following) or _listed_phrase(amount, following)):
        return None, "none"
    if k > 0 and (_listed_after(amounts[k - 1], amount) or _listed_phrase(amounts[k - 1], amount)):
        return None, "none"  # not the list's first amount
    total = _list_total(amounts, k)
    if total is None:
        return None, "none"
    doc = amount.doc
    start = _window_start(doc, amount.start, 1)
    for whole in reversed(amounts[:k]):
        if whole.start < start:
            break
        if _set_aside(whole) or not _same_kind(whole, amount):
            continue
        if _attr(whole, "value") == total and _attr(whole, "value_max") is None:
            return whole, "sum"
    return None, "none"


def _count(span: Span) -> int | None:
    """The whole number an amount gives, if it gives one and no range ("74", "deux")."""
    ext = span._
    value = ext.get(PREFIX + "value")
    if ext.get(PREFIX + "value_max") is not None or not isinstance(value, (int, float)):
        return None
    return int(value) if float(value).is_integer() and value > 0 else None


def _sentence_ends(doc: Doc, start: int, end: int) -> int:
    """How many sentences end between two tokens (a run of marks counts once)."""
    count, last = 0, False
    ends, marks = sentence_marks(doc)
    for i in range(max(start, 0), min(end, len(doc))):
        here = ends[i]
        if here and not last:
            count += 1
        last = here or (last and marks[i])
    return count


def _opens_breakdown(whole: Span, first: Span) -> bool:
    """Whether what lies between a count and the amount after it lets a breakdown begin: a
    dash or a colon, the end of the sentence, or a fronted total ("Sur les 32 éditions,
    seuls six"); "Cinq soldats et trois volontaires", "en comptent trois, Primeiro deux"
    list counts side by side."""
    doc = whole.doc
    if (first._.get(CLAIM_RULES) or {}).get("part_of") == "out_of_fronted":
        return True
    if _listed_after(whole, first) or _listed_phrase(whole, first):
        return False
    return _sentence_ends(doc, whole.end, first.start) > 0 or any(
        t.text in BREAKDOWN_MARKS for t in doc[whole.end : first.start]
    )


def _run_parts(amounts: list[Span], j: int) -> int | None:
    """The index of the last amount of the run after the j-th that adds up to it, in its
    sentence and the next, or None (see ``_summed_run``)."""
    whole = amounts[j]
    total = _count(whole)
    if total is None or total < SUM_RUN_MIN or _set_aside(whole):
        return None
    if (whole._.get(CLAIM) or {}).get("part_of") is not None:
        return None  # "Onze d'entre eux ...": a part, whose own parts are no breakdown
    if j + 1 < len(amounts) and not _opens_breakdown(amounts[j], amounts[j + 1]):
        return None
    doc, acc = whole.doc, 0
    for m in range(j + 1, min(len(amounts), j + 1 + SUM_RUN_REACH)):
        part = amounts[m]
        if _is_conversion(amounts[m - 1], part):
            continue  # "(environ 450 euros)" restates the part before it
        value = _count(part)
        if (
            value is None
            or _is_share(part)
            or not _same_kind(whole, part)
            or _sentence_ends(doc, whole.end, part.start) > 1
        ):
            return None
        acc += value
        if acc >= total:
            return m if acc == total and m > j + 1 else None
    return None


def _kept_run_parts(amounts: list[Span], j: int, k: int) -> int | None:
    """``_run_parts(amounts, j)``, worked out once per call of the component when asked for
    the k-th amount: it reads the frame of the amount after the j-th, settled before k."""
    state = _current(amounts[j].doc)
    if state is None or j + 1 >= k:
        return _run_parts(amounts, j)
    if state.run_parts_of is not amounts:
        state.run_parts_of, state.run_parts = amounts, {}
    if j not in state.run_parts:
        state.run_parts[j] = _run_parts(amounts, j)
    return state.run_parts[j]


def _summed_run(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "Sur les 32 éditions, seuls six ... Il y a eu huit tournois ..., mais 18 ...",
    "trois personnes plus âgées - deux hommes ... et une femme": the counts that follow a
    count, in its sentence and the next, and add up to it exactly break it down (rule
    'sum_run'; the contract's explicit breakdown without "dont")."""
    for j in range(k - 1, max(-1, k - 1 - SUM_RUN_REACH), -1):
        last = _kept_run_parts(amounts, j, k)
        if last is not None and last >= k:
            return amounts[j], "sum_run"
    return None, "none"


def _fronted_total(
    amount: Span, sent: Span, amounts: list[Span], k: int
) -> tuple[Span | None, str]:
    """ "Sur les 120 candidats, 45 ont été retenus", "Parmi les 54 pays africains, 30 ...":
    a total set before a comma (rule 'out_of_fronted')."""
    doc = amount.doc
    comma = amount.start - 1
    while comma > 0 and doc[comma].lower_ in FRONTED_HEDGES:
        comma -= 1  # "Sur les 32 éditions passées, seuls six ..."
    verb = comma
    while verb > 0 and comma - verb < FRONTED_VERB_REACH and doc[verb].pos_ in FRONTED_VERB_POS:
        verb -= 1  # "..., on trouve 4 pays", "..., il y a 12"
    if verb < comma and doc[verb].text == ",":
        comma = verb
    if k == 0 or comma < 1 or doc[comma].text != ",":
        return None, "none"
    whole = amounts[k - 1]
    if whole.start < 2 or doc[whole.start - 1].lower_ not in GROUP_DETS:
        return None, "none"
    if doc[whole.start - 2].lower_ not in FRONTED_WORDS:
        return None, "none"
    between = doc[whole.end : comma]
    if len(between) > FRONTED_REACH or not all(
        # "sur les 6 938 procédures réalisées en 2020": a year is no amount
        t.pos_ in {"NOUN", "ADJ", "DET", "ADP", "PROPN", "NUM"}
        # "Sur les 32 éditions passées de la Coupe": a participle restricts the total
        or (t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm", []))
        for t in between
    ):
        return None, "none"
    if _set_aside(whole) or not _same_kind(whole, amount):
        return None, "none"
    return (whole, "out_of_fronted") if _larger(whole, amount) else (None, "none")


def _gapped_part(amount: Span, before: Span, amounts: list[Span]) -> Span | None:
    """The fronted total of the amount before, which a gapped clause after "et" or a comma
    goes on breaking down ("Sur les 3 500 migrants, 1 200 étaient des mineurs et 300 des
    femmes"; the caller knows the verb is left out, predicate rule 'gapped'): the amount
    before is a part of that total by rule 'out_of_fronted', and nothing ends the sentence
    between."""
    doc = amount.doc
    if (
        (before._.get(CLAIM_RULES) or {}).get("part_of") != "out_of_fronted"
        or amount.start < 1
        or doc[amount.start - 1].lower_ not in {"et", ","}
        or _sentence_ends(doc, before.end, amount.start) > 0
    ):
        return None
    ref = (before._.get(CLAIM) or {}).get("part_of")
    whole = next((a for a in amounts if _ref(a) == ref), None)
    if whole is None or not (_same_kind(whole, amount) and _larger(whole, amount)):
        return None
    return whole


def _listed_phrase(before: Span, amount: Span) -> bool:
    """Whether an amount goes on a list after a short phrase ("dont 9 000 aux supporters
    locaux et 6 000 aux visiteurs")."""
    doc = amount.doc
    between = doc[before.end : amount.start]
    return (
        0 < len(between) <= 6
        and between[-1].lower_ in {"et", ","}
        and not any(t.pos_ in {"VERB", "AUX"} or t.lower_ in LIST_BREAKS for t in between)
        and _one_sentence(doc, before.end, amount.start)
    )


def _that_noun(amount: Span) -> tuple[int, Token] | None:
    """Where a share of a whole pointed back to starts, and the noun naming that whole: "un
    tiers de ce montant" (after the share) or "Sur ce total, 40 %" (fronted before it)."""
    doc = amount.doc
    end = amount.end
    if (
        end + 2 < len(doc)
        and doc[end].lower_ in OF_WORDS
        and doc[end + 1].lower_ in DEMONSTRATIVES
        and doc[end + 2].pos_ == "NOUN"
    ):
        return amount.start, doc[end + 2]
    comma = amount.start - 1
    while comma > 0 and doc[comma].lower_ in FRONTED_HEDGES:
        comma -= 1
    if (
        comma >= 3
        and doc[comma].text == ","
        and doc[comma - 1].pos_ == "NOUN"
        and doc[comma - 2].lower_ in DEMONSTRATIVES
        and doc[comma - 3].lower_ in THAT_FRONTED
    ):
        return comma - 3, doc[comma - 1]
    return None


def _names_event(whole: Span, noun: Token) -> bool:
    """Whether a noun names the event of a whole's predicate ("a été téléchargée 131 millions
    de fois" ... "ces téléchargements")."""
    predicate = (whole._.get(CLAIM) or {}).get("predicate") or ""
    stem = predicate.removeprefix("se ").removeprefix("s'")[:-2]
    return len(stem) >= STEM_MIN and noun.lemma_.lower().startswith(stem)


def _that_share(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "le terrain valait 96 millions de dollars, mais ... que 5 % de cette somme", "Sur ce
    total, 40 % ont": a share of the whole a demonstrative points back to, in its sentence
    or the one before: the nearest amount a measure noun can take up, else one that counts
    what the noun names or the event it names (rule 'that_share')."""
    if k == 0 or not _is_share(amount):
        return None, "none"
    cue = _that_noun(amount)
    if cue is None:
        return None, "none"
    at, noun = cue
    doc = amount.doc
    start = _window_start(doc, at, 1)
    measure = noun.lemma_.lower() in MEASURE_NOUNS
    for whole in reversed(amounts[:k]):
        if whole.start < start:
            break
        if whole.end > at or _set_aside(whole) or _attr(whole, "unit") in PERIOD_UNITS:
            continue
        if whole.end < len(doc) and doc[whole.end].lower_ in COMPARATIVES:
            continue  # "soit 60 fois plus que l'année précédente": a ratio
        if measure or _names(whole, noun) or _names_event(whole, noun):
            return whole, "that_share"
    return None, "none"


def _share_apposed(
    amount: Span, sent: Span, amounts: list[Span], k: int
) -> tuple[Span | None, str]:
    """ "Plus de 20 000 volontaires ont été impliqués, la moitié au Royaume-Uni": a bare
    fraction after a comma shares out the amount before it (rule 'share')."""
    doc = amount.doc
    if amount.start < 2 or doc[amount.start - 1].text != ",":
        return None, "none"
    if not any(t.lemma_.lower() in FRACTION_WORDS for t in amount):
        return None, "none"
    if amount.end < len(doc) and doc[amount.end].lower_ in OF_COMPLEMENT:
        return None, "none"  # "la moitié de la population": its own whole
    for whole in reversed(amounts[:k]):
        if not _one_sentence(doc, whole.end, amount.start):
            break
        if not _set_aside(whole) and _same_kind(whole, amount):
            return whole, "share"
    return None, "none"


def _share_list(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "plus de 18 % de ces téléchargements, suivie par les États-Unis (14 %)", "plus de la
    moitié d'entre eux ... Et plus des deux tiers ont déclaré": a bare share right after a
    share of a whole, in its sentence or the next, is a share of that whole too (rule
    'share_list')."""
    doc = amount.doc
    if k == 0 or not _is_share(amount) or not _is_share(amounts[k - 1]):
        return None, "none"
    before = amounts[k - 1]
    if (
        amount.start - before.end > SHARE_LIST_REACH
        or _sentence_ends(doc, before.end, amount.start) > 1
    ):
        return None, "none"
    if amount.end < len(doc) and doc[amount.end].lower_ in OF_COMPLEMENT | ENTRE_WORDS:
        return None, "none"  # "40 % des femmes": its own whole
    whole = _listed_whole(before, amounts, k)
    return (whole, "share_list") if whole is not None else (None, "none")


def _rest_split(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "près de 12 000 soldats ... Environ 6 400 soldats seront renvoyés, le reste
    transféré": the amount and "le reste" split an earlier total of the same thing
    (rule 'rest')."""
    doc = amount.doc
    if not any(
        t.lower_ in REST_WORDS and t.i > 0 and doc[t.i - 1].lower_ == "le"
        for t in doc[amount.end : min(amount.end + REST_REACH, len(doc))]
    ):
        return None, "none"
    anchor = _anchor(amount)
    if anchor.pos_ != "NOUN" or anchor.i < amount.end:
        return None, "none"
    start = _window_start(doc, amount.start, 1)
    for whole in reversed(amounts[:k]):
        if whole.start < start:
            break
        if not _set_aside(whole) and _same_kind(whole, amount) and _names(whole, anchor):
            return (whole, "rest") if _larger(whole, amount) else (None, "none")
    return None, "none"


def _others(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "Les six équipes ... Les quatre autres clubs", "les 5 409 433 FCFA restants": the
    rest of a total named in its sentence or the two before; "Quinze pays ... Huit pays
    ... Les sept autres": past the amount it is set against, to the total of both (rule
    'others')."""
    doc = amount.doc
    if k == 0 or amount.start < 2 or doc[amount.start - 1].lower_ not in OTHER_OPENERS:
        return None, "none"
    # "Harry Knoesen et deux autres": one named and the others, a total one larger
    named = doc[amount.start - 1].lower_ == "et"
    if named and doc[amount.start - 2].pos_ not in {"PROPN", "PRON"}:
        return None, "none"
    after = amount.end
    if k + 1 < len(amounts) and _is_conversion(amount, amounts[k + 1]):
        after = amounts[k + 1].end + 1  # "les 5 409 433 FCFA (10 000 dollars) restants"
    if after >= len(doc) or doc[after].lower_ not in OTHER_WORDS:
        return None, "none"
    start = _window_start(doc, amount.start, 2)
    for j in range(k - 1, -1, -1):
        whole = amounts[j]
        if whole.start < start:
            break
        if _set_aside(whole) or not _same_kind(whole, amount):
            continue
        if named:
            ok = _count(whole) == (_count(amount) or 0) + 1
            return (whole, "others") if ok else (None, "none")
        sides = (_count(whole) or 0) + (_count(amount) or 0)
        total = next((a for a in amounts[:j] if _count(a) == sides and _same_kind(a, amount)), None)
        if total is not None:
            return total, "others"
        return (whole, "others") if _larger(whole, amount) else (None, "none")
    return None, "none"


def _includes(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "Les 14 840 infections comprennent 13 332 cas", "Ce montant ... comprend 500
    millions": the object of a verb of inclusion is part of its subject (rule 'includes')."""
    anchor = _anchor(amount)
    verb = anchor.head
    if anchor.dep_ != "obj" or verb.lemma_.lower() not in INCLUDE_VERBS:
        return None, "none"
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJ_DEPS for c in verb.children):
        verb = verb.head  # "Ce montant représente ... et comprend 500 millions"
    subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)
    if subj is None:
        return None, "none"
    for whole in reversed(amounts[:k]):
        if whole.start <= subj.i < whole.end or _anchor(whole).i == subj.i:
            ok = _same_kind(whole, amount) and _larger(whole, amount)
            return (whole, "includes") if ok else (None, "none")
    if subj.lemma_.lower() not in MEASURE_NOUNS or not any(
        c.lower_ in DEMONSTRATIVES for c in subj.children
    ):
        return None, "none"
    start = _window_start(amount.doc, subj.i, 1)
    for whole in reversed(amounts[:k]):
        if whole.start < start:
            break
        if whole.end > subj.i or _set_aside(whole) or not _same_kind(whole, amount):
            continue
        return (whole, "includes") if _larger(whole, amount) else (None, "none")
    return None, "none"


def _group_list(amount: Span, sent: Span, amounts: list[Span], k: int) -> tuple[Span | None, str]:
    """ "Onze d'entre eux ont dû perdre un œil, et six sont morts": a bare number after
    "et" goes on with the partitive before it (rule 'partitive_list')."""
    doc = amount.doc
    if k == 0 or amount.start < 2 or doc[amount.start - 1].lower_ != "et":
        return None, "none"
    before = amounts[k - 1]
    if (before._.get(CLAIM_RULES) or {}).get("part_of") != "partitive":
        return None, "none"
    if not _one_sentence(doc, before.end, amount.start):
        return None, "none"
    if amount.end < len(doc) and doc[amount.end].pos_ == "NOUN":
        return None, "none"  # "et 14 mineurs": a counted noun of its own
    part = _listed_whole(before, amounts, k)
    return (part, "partitive_list") if part is not None else (None, "none")


def _listed_whole(part: Span, amounts: list[Span], k: int) -> Span | None:
    """The amount among the first ``k`` that an amount's claim gives as its part_of."""
    ref = (part._.get(CLAIM) or {}).get("part_of")
    if ref is None:
        return None
    return next((a for a in amounts[:k] if _ref(a) == ref), None)


def compared_slots(amounts: list[Span], k: int) -> tuple[Span, tuple[str, ...]] | None:
    """The amount the k-th one is compared with and the slots it takes from it: ", contre
    85 dollars il y a un an" shares who did it and who says so; its time is its own
    (rule 'compared')."""
    if k == 0 or amounts[k].start < 2:
        return None
    amount, before = amounts[k], amounts[k - 1]
    doc = amount.doc
    cue = doc[amount.start - 1].lower_
    if cue in COMPARE_WORDS and doc[amount.start - 2].text == ",":
        return (before, COMPARED_SLOTS) if _one_sentence(doc, before.end, amount.start) else None
    if cue == "et" and compared_slots(amounts, k - 1) is not None:
        # "contre 425 l'année précédente et 303 en 2016-17": the list goes on
        between = doc[before.end : amount.start - 1]
        if len(between) <= 6 and not any(t.pos_ in {"VERB", "AUX"} for t in between):
            return compared_slots(amounts, k - 1)
    return None


def part_of_amount(
    amount: Span, sent: Span, amounts: list[Span], k: int, *, gapped: bool = False
) -> tuple[Span | None, str]:
    """The total the k-th amount of the Doc is part of, and the rule that found it;
    ``gapped`` says the amount's clause left its verb out (predicate rule 'gapped')."""

    def fronted(
        amount: Span, sent: Span, amounts: list[Span], k: int
    ) -> tuple[Span | None, str]:
        whole = _gapped_part(amount, amounts[k - 1], amounts) if gapped and k > 0 else None
        return (whole, "out_of_fronted") if whole is not None else _fronted_total(
            amount, sent, amounts, k
        )

    part, rule = _part_of(amount, sent, amounts)
    following = amounts[k + 1] if k + 1 < len(amounts) else None
    if part is None and following is not None and following.end <= sent.end:
        part, rule = _out_of(amount, following)
    if part is None and following is not None:
        part, rule = _member_of(amount, following)
    if part is None and k > 0:
        # "1 400 personnes, dont une quarantaine de femmes et 14 mineurs"
        listed = amounts[k - 1]._.get(CLAIM) or {}
        listed_rules = amounts[k - 1]._.get(CLAIM_RULES) or {}
        if listed_rules.get("part_of") in LISTED_RULES and (
            _listed_after(amounts[k - 1], amount) or _listed_phrase(amounts[k - 1], amount)
        ):
            part = next((a for a in amounts if _ref(a) == listed.get("part_of")), None)
            if part is not None and not (_same_kind(part, amount) and _larger(part, amount)):
                part = None
            rule = "dont_list" if part is not None else rule
    for find in (
        _group,
        _body_partitive,
        _that_share,
        _breakdown,
        fronted,
        _sum_of_list,
        _share_apposed,
        _includes,
        _rest_split,
        _others,
        _group_list,
        _share_list,
        _summed_run,
    ):
        if part is not None:
            break
        part, rule = find(amount, sent, amounts, k)
    return part, rule
