"""Deprecated: the French number grammar moved to :mod:`dechiffre.pipeline.numbers`.

This module re-exports its public API for one release.
"""

from __future__ import annotations

from .numbers import (
    Amount,
    AmountMatch,
    Number,
    Token,
    find_amounts,
    iter_values,
    normalize,
    parse_number,
    tokenize,
)
from .numbers.tokens import digits_value as _digits_value

__all__ = [
    "Amount",
    "AmountMatch",
    "Number",
    "Token",
    "_digits_value",
    "find_amounts",
    "iter_values",
    "normalize",
    "parse_number",
    "tokenize",
]
