"""spaCy component: QUANTITY spans with value, unit, modifier and object."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import attributes  # noqa: F401  (registers Span._ extensions)
from .attributes import doc_countries
from .errors import NotAnAmount
from .numbers import AmountMatch, find_amounts, normalize
from .pipes import CfgPipe
from .quantity_object import find_objects

LABEL = "QUANTITY"
# longest amount: 4x the longest in the gold (49 characters); longer is a bug, not an amount
MAX_SPAN_CHARS = 200
WEST_AFRICA = ("SN", "ML", "CI", "BF", "NE", "TG", "BJ", "GN")
CENTRAL_AFRICA = ("CM", "GA", "TD", "CF", "CG", "GQ")  # CFA francs of the BEAC: XAF
# adjectives that only follow a count: "neuf autres Africains" (not "un bâtiment neuf")
COUNT_ADJECTIVES = frozenset("autres derniers dernières premiers premières prochains".split())
# Units that news gives a narrower sense than the normalizer: a bare degree is a temperature
NEWS_UNITS = {"°": "°C"}


@Language.factory(
    "dechiffre_quantities",
    default_config={
        "overwrite": True,
        "dollar_context": True,
        "spans_key": None,
        "classifier_key": "dechiffre_classifier",
        "classifier_quantities": False,
    },
)
def make_quantity_tagger(
    nlp: Language,
    name: str,
    *,
    overwrite: bool,
    dollar_context: bool,
    spans_key: str | None,
    classifier_key: str,
    classifier_quantities: bool,
) -> QuantityTagger:
    """Create the QUANTITY tagger."""
    return QuantityTagger(
        nlp.vocab,
        name=name,
        overwrite=overwrite,
        dollar_context=dollar_context,
        spans_key=spans_key,
        classifier_key=classifier_key,
        classifier_quantities=classifier_quantities,
    )


class QuantityTagger(CfgPipe):
    """Find amounts with the French number normalizer and attach their object."""

    def __init__(
        self,
        vocab: Any,
        name: str = "dechiffre_quantities",
        *,
        overwrite: bool = True,
        dollar_context: bool = True,
        spans_key: str | None = None,
        classifier_key: str = "dechiffre_classifier",
        classifier_quantities: bool = False,
    ) -> None:
        self.vocab = vocab
        self.name = name
        self.cfg: dict[str, Any] = {
            "overwrite": overwrite,
            "dollar_context": dollar_context,
            "spans_key": spans_key,
            "classifier_key": classifier_key,
            # off by default: on dev, the classifier's extra amounts were mostly ones the
            # rules exclude on purpose (time-locating phrases, ordinals)
            "classifier_quantities": classifier_quantities,
        }

    def __call__(self, doc: Doc) -> Doc:
        spans = [s for s in self.find(doc) if s.end_char - s.start_char <= MAX_SPAN_CHARS]
        if self.cfg["spans_key"]:
            doc.spans[self.cfg["spans_key"]] = spans
        else:
            set_entities(doc, spans, overwrite_labels=None if self.cfg["overwrite"] else set())
        return doc

    def dollar_for(self, doc: Doc, text: str | None = None) -> str:
        """'$' is the Canadian dollar in documents about Canada, the US dollar otherwise."""
        if not self.cfg["dollar_context"]:
            return "USD"
        text = doc.text if text is None else text
        scores = doc_countries(doc)
        if (
            scores.get("CA", 0) > 0
            and "américain" not in text.lower()
            and scores.get("CA", 0) >= max(scores.values())
        ):
            return "CAD"
        return "USD"

    def franc_for(self, doc: Doc, text: str | None = None) -> str:
        """'francs' are CFA francs in African documents (XOF west, XAF central), Swiss otherwise."""
        scores = doc_countries(doc)
        west = sum(scores.get(c, 0) for c in WEST_AFRICA)
        central = sum(scores.get(c, 0) for c in CENTRAL_AFRICA)
        if central > max(west, scores.get("CH", 0)):
            return "XAF"
        return "XOF" if west > scores.get("CH", 0) else "CHF"

    def find(self, doc: Doc) -> list[Span]:
        """QUANTITY spans of a Doc, with attributes set."""
        out: list[Span] = []
        kept: list[AmountMatch] = []
        text = doc.text  # Doc.text joins every token: build it once
        matches = find_amounts(
            text, dollar=self.dollar_for(doc, text), franc=self.franc_for(doc, text)
        )
        for match in matches:
            span = doc.char_span(match.start, match.end, label=LABEL, alignment_mode="expand")
            if span is None or not self._keep(span, match):
                continue
            span._.dechiffre_value = match.amount.value
            span._.dechiffre_value_max = match.amount.value_max
            span._.dechiffre_unit = NEWS_UNITS.get(match.amount.unit or "", match.amount.unit)
            span._.dechiffre_modifier = match.amount.modifier
            span._.dechiffre_source = "rules"
            if (span.start_char, span.end_char) != (match.start, match.end):
                span._.dechiffre_char_offsets = (match.start, match.end)
            out.append(span)
            kept.append(match)
        extra = self._from_classifier(doc, out)
        out.extend(span for span, _ in extra)
        kept.extend(match for _, match in extra)
        # objects last: an elided noun is read from the neighbouring amounts (RN27)
        order = sorted(range(len(out)), key=lambda k: out[k].start)
        spans, matches = [out[k] for k in order], [kept[k] for k in order]
        for span, found in zip(spans, find_objects(spans, matches), strict=True):
            span._.dechiffre_object = found.text
        return out

    def _from_classifier(self, doc: Doc, found: list[Span]) -> list[tuple[Span, AmountMatch]]:
        """Classifier QUANTITY spans the rules missed, kept when the normalizer reads them."""
        key = self.cfg.get("classifier_key") or "dechiffre_classifier"
        if not self.cfg.get("classifier_quantities") or key not in doc.spans:
            return []
        taken = {i for span in found for i in range(span.start, span.end)}
        text = doc.text
        dollar, franc = self.dollar_for(doc, text), self.franc_for(doc, text)
        out: list[tuple[Span, AmountMatch]] = []
        for cand in doc.spans[key]:
            if cand.label_ != LABEL or any(i in taken for i in range(cand.start, cand.end)):
                continue
            try:
                amount = normalize(cand.text, dollar=dollar, franc=franc)
            except NotAnAmount:
                continue  # the normalizer computes every value; no value, no span
            span = Span(doc, cand.start, cand.end, label=LABEL)
            match = AmountMatch(span.start_char, span.end_char, span.text, amount)
            span._.dechiffre_value = amount.value
            span._.dechiffre_value_max = amount.value_max
            span._.dechiffre_unit = NEWS_UNITS.get(amount.unit or "", amount.unit)
            span._.dechiffre_modifier = amount.modifier
            span._.dechiffre_source = "classifier"
            out.append((span, match))
            taken.update(range(span.start, span.end))
        return out

    @staticmethod
    def _keep(span: Span, match: AmountMatch) -> bool:
        """Drop number words that the tagger reads as adjectives ('un bâtiment neuf')."""
        if match.words_only and len(span) == 1 and span[0].lower_ == "neuf":
            tok = span[0]
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and (
                nxt.pos_ in {"NOUN", "PROPN"} or nxt.lower_ in COUNT_ADJECTIVES
            ):
                return True  # neuf points, neuf interventions, neuf autres Africains
            prev = tok.nbor(-1) if tok.i > 0 else None
            return not (tok.pos_ == "ADJ" or (prev is not None and prev.pos_ == "NOUN"))
        return True


def set_entities(doc: Doc, spans: list[Span], *, overwrite_labels: set[str] | None) -> None:
    """Put spans into doc.ents, replacing overlapping entities (all, or only these labels)."""
    keep: list[Span] = []
    taken: set[int] = set()
    for span in spans:
        taken.update(range(span.start, span.end))
    for ent in doc.ents:
        overlaps = any(i in taken for i in range(ent.start, ent.end))
        if overlaps and (overwrite_labels is None or ent.label_ in overwrite_labels):
            continue
        if overlaps:
            spans = [s for s in spans if not (s.start < ent.end and ent.start < s.end)]
        keep.append(ent)
    doc.ents = filter_spans([*keep, *spans])
