"""What the number grammar returns: an amount, and an amount found in running text."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from .tokens import Number


@dataclass(frozen=True)
class Amount:
    """A normalised amount, as in the gold format's QUANTITY keys."""

    value: Number
    value_max: Number | None = None
    unit: str | None = None
    modifier: str | None = None


@dataclass(frozen=True)
class AmountMatch:
    """An amount found in running text."""

    start: int
    end: int
    text: str
    amount: Amount
    object_hint: str | None = None
    words_only: bool = False
    unit_end: int = field(default=-1)


@dataclass(frozen=True)
class Exclusion:
    """A number found in running text that is not an amount, and the rule that says so."""

    start: int
    end: int
    text: str
    amount: Amount
    rule: str


def clean(value: float) -> Number:
    """Round away float noise; a whole value becomes an int, however large.

    A value that is not finite is returned as it is (the grammar never builds
    an amount from one; see Warnings.W100).
    """
    if not math.isfinite(value):
        return value
    rounded = round(value, 6)
    if rounded.is_integer():
        if abs(rounded) < 2**53:
            return int(rounded)
        return int(Decimal(repr(rounded)))  # 7.78e19 -> 77800000000000000000
    if abs(rounded) < 1:
        return float(f"{value:.4g}")  # 1/3 -> 0.3333, a millionth stays 1e-06
    return rounded
