"""The part_of slot of a claim frame: the total an amount is part of ("dont", "sur", "parmi")."""

from __future__ import annotations

from spacy.tokens import Span

from .attributes import CLAIM, CLAIM_RULES, PREFIX
from .claim_syntax import OF_WORDS, _ref
from .claim_words import LIST_WORDS, OUT_OF_CUES, OUT_OF_WORDS, PERIOD_UNITS


def _part_of(amount: Span, sent: Span, amounts: list[Span]) -> tuple[Span | None, str]:
    doc = amount.doc
    before = doc[max(sent.start, amount.start - 3) : amount.start]
    words = " ".join(t.lower_ for t in before)
    if not any(cue in words for cue in ("dont", "parmi", "y compris", "sur ces")):
        return None, "none"
    before_it = [a for a in amounts if a.end <= amount.start]
    earlier = [a for a in before_it if a.start >= sent.start] or (
        before_it[-1:] if "sur ces" in words else []
    )
    if not earlier:
        return None, "none"
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
    while tokens and tokens[0].lower_ not in OUT_OF_WORDS and len(tokens) > 1:
        if tokens[0].pos_ not in {"NOUN", "ADJ", "PROPN"} and tokens[0].lower_ not in OF_WORDS:
            # "19 communes bruxelloises, ainsi que ceux des 300": a comma or a conjunction
            # ends the counted noun, no total follows it (rule 'out_of')
            return None, "none"
        tokens = tokens[1:]  # the counted noun ("39 voix sur les 76")
    if tuple(t.lower_ for t in tokens) in OUT_OF_CUES:
        return following, "out_of"
    return None, "none"


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


def part_of_amount(
    amount: Span, sent: Span, amounts: list[Span], k: int
) -> tuple[Span | None, str]:
    """The total the k-th amount of the Doc is part of, and the rule that found it."""
    part, rule = _part_of(amount, sent, amounts)
    if part is None and k + 1 < len(amounts) and amounts[k + 1].end <= sent.end:
        part, rule = _out_of(amount, amounts[k + 1])
    if part is None and k > 0 and _listed_after(amounts[k - 1], amount):
        # "1 400 personnes, dont une quarantaine de femmes et 14 mineurs"
        listed = amounts[k - 1]._.get(CLAIM) or {}
        listed_rules = amounts[k - 1]._.get(CLAIM_RULES) or {}
        if listed_rules.get("part_of") in {"dont", "dont_list"}:
            part = next((a for a in amounts if _ref(a) == listed.get("part_of")), None)
            rule = "dont_list" if part is not None else rule
    return part, rule
