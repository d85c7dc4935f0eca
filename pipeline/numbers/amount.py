"""What the number grammar returns: an amount, and an amount found in running text."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    """Round away float noise and return an int when the value is whole."""
    rounded = round(value, 6)
    if rounded == int(rounded) and abs(rounded) < 1e18:
        return int(rounded)
    if abs(rounded) < 1:
        return round(rounded, 4)
    return rounded
