"""Extension attributes shared by the dechiffre components.

Every attribute carries the ``dechiffre_`` prefix so that it cannot collide with
another library's. The unprefixed names of release 0.1 (``span._.value``...) still
work for one release and warn.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

from .errors import DechiffreWarning, Warnings
from .kb import country_scores

PREFIX = "dechiffre_"
QUANTITY_ATTRS = ("value", "value_max", "unit", "modifier", "object")
EXTRA_ATTRS = ("source", "score", "char_offsets", "clf_score")
DEPRECATED = (*QUANTITY_ATTRS, *EXTRA_ATTRS)
COUNTRIES = PREFIX + "countries"
CLAIM = PREFIX + "claim"
CLAIM_RULES = PREFIX + "claim_rules"
DATE = PREFIX + "date"


def _alias(old: str) -> tuple[Callable[[Span], Any], Callable[[Span, Any], None]]:
    new = PREFIX + old

    def warn() -> None:
        warnings.warn(Warnings.W001.format(old=old, new=new), DechiffreWarning, stacklevel=3)

    def getter(span: Span) -> Any:
        warn()
        return getattr(span._, new)

    def setter(span: Span, value: Any) -> None:
        warn()
        setattr(span._, new, value)

    return getter, setter


def register_extensions() -> None:
    """Register the ``Span._.dechiffre_*`` and ``Doc._.dechiffre_*`` attributes once."""
    for name in DEPRECATED:
        if not Span.has_extension(PREFIX + name):
            Span.set_extension(PREFIX + name, default=None)
        if not Span.has_extension(name):
            getter, setter = _alias(name)
            Span.set_extension(name, getter=getter, setter=setter)
    for name in (CLAIM, CLAIM_RULES):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in (COUNTRIES, DATE):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_countries(doc: Doc) -> dict[str, int]:
    """How often each country is cued in the Doc: computed on first use, then kept on the Doc."""
    found: dict[str, int] | None = doc._.get(COUNTRIES)
    if found is None:
        found = country_scores(doc.text)
        doc._.set(COUNTRIES, found)
    return found


register_extensions()
