"""Docs to gold-format records (``../shared/ANNOTATION.md``), and back."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from ..evaluation.gold import LABELS
from .attributes import CLAIM_RULES  # importing it registers the Span._ extensions


def span_record(span: Span, *, evidence: bool = True) -> dict[str, Any]:
    """One span in the gold format, plus the evidence keys ``text``, ``source`` and, on an
    amount with a claim, ``claim_rules`` (the rule that gave each claim attribute)."""
    # a token can run past the amount ('h.' in '50 km/h.'): keep the amount's own offsets
    start, end = span._.dechiffre_char_offsets or (span.start_char, span.end_char)
    record: dict[str, Any] = {"start": start, "end": end, "label": span.label_}
    if span.label_ == "ORG":
        record["kb_id"] = span.kb_id_ or None
    else:
        record.update(
            {
                "value": span._.dechiffre_value,
                "value_max": span._.dechiffre_value_max,
                "unit": span._.dechiffre_unit,
                "modifier": span._.dechiffre_modifier,
                "object": span._.dechiffre_object,
            }
        )
        if span._.dechiffre_claim is not None:
            record["claim"] = span._.dechiffre_claim
    if evidence:
        record["text"] = span.doc.text[start:end]
        record["source"] = span._.dechiffre_source
        rules = span._.get(CLAIM_RULES) if span.label_ == "QUANTITY" else None
        if rules:
            record["claim_rules"] = dict(rules)
    return record


def doc_to_record(
    doc: Doc,
    doc_id: str,
    *,
    meta: dict[str, Any] | None = None,
    evidence: bool = True,
) -> dict[str, Any]:
    """A processed Doc as one line of the gold format."""
    spans = [span_record(ent, evidence=evidence) for ent in doc.ents if ent.label_ in LABELS]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    record: dict[str, Any] = {"id": doc_id, "text": doc.text}
    if meta:
        record["meta"] = meta
    record["spans"] = spans
    return record
