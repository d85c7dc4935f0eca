"""Pair gold and prediction documents by id (the format itself lives in ``gold``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .gold import GoldDoc
from .messages import GoldFormatError


@dataclass
class Pairing:
    """Gold and prediction documents aligned by id, with what did not align."""

    pairs: list[tuple[GoldDoc, GoldDoc | None]] = field(default_factory=list)
    missing_in_pred: list[str] = field(default_factory=list)
    missing_in_gold: list[str] = field(default_factory=list)
    text_mismatch: list[str] = field(default_factory=list)
    mismatch_errors: list[GoldFormatError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The pairing report as a JSON-ready dict (documents left out)."""
        return {
            "n_paired": sum(1 for _, pred in self.pairs if pred is not None),
            "missing_in_pred": list(self.missing_in_pred),
            "missing_in_gold": list(self.missing_in_gold),
            "text_mismatch": list(self.text_mismatch),
        }


def _first_difference(a: str, b: str) -> int:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))


def pair_documents(
    gold: Sequence[GoldDoc],
    pred: Sequence[GoldDoc],
    *,
    gold_file: str = "gold",
    pred_file: str = "prediction",
) -> Pairing:
    """Align documents by id in gold order; a gold id absent from ``pred`` pairs with None.

    Documents whose texts differ are left out of ``pairs`` and listed in ``text_mismatch``.
    """
    by_id = {doc["id"]: doc for doc in pred}
    gold_ids = {doc["id"] for doc in gold}
    result = Pairing()
    for doc in gold:
        other = by_id.get(doc["id"])
        if other is None:
            result.missing_in_pred.append(doc["id"])
            result.pairs.append((doc, None))
        elif other["text"] != doc["text"]:
            position = _first_difference(doc["text"], other["text"])
            result.text_mismatch.append(doc["id"])
            result.mismatch_errors.append(GoldFormatError(
                "text_mismatch", file=pred_file, doc_id=doc["id"], gold_file=gold_file,
                pred_file=pred_file, position=position,
                gold_snippet=doc["text"][position:position + 20],
                pred_snippet=other["text"][position:position + 20]))
        else:
            result.pairs.append((doc, other))
    result.missing_in_gold = [doc["id"] for doc in pred if doc["id"] not in gold_ids]
    return result
