"""Span extension attributes shared by the dechiffre components."""

from __future__ import annotations

from spacy.tokens import Span

QUANTITY_ATTRS = ("value", "value_max", "unit", "modifier", "object")
EXTRA_ATTRS = ("source", "score", "char_offsets")


def register_extensions() -> None:
    """Register the ``Span._.*`` attributes once (idempotent)."""
    for name in (*QUANTITY_ATTRS, *EXTRA_ATTRS):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()
