"""Token indices found in a Doc's attribute arrays, without making a Token per token.

A scan that looks only at a few words ("selon", a comma, an institution noun) asks for
their indices here and makes Tokens for those alone.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
from spacy.strings import get_string_id
from spacy.tokens import Doc


def string_ids(values: Iterable[str]) -> npt.NDArray[np.uint64]:
    """The string ids (hashes, or symbol ids for POS names) of ``values``, for :func:`positions`."""
    return np.array(sorted({get_string_id(v) for v in values}), dtype=np.uint64)


def positions(doc: Doc, attr: int, values: Iterable[str] | npt.NDArray[np.uint64]) -> list[int]:
    """The indices, in order, of the tokens whose ``attr`` (``ORTH``, ``LOWER``, ``POS``...)
    is one of ``values`` (strings, or their :func:`string_ids`)."""
    wanted = values if isinstance(values, np.ndarray) else string_ids(values)
    return np.flatnonzero(np.isin(doc.to_array(attr), wanted)).tolist()


def flagged(doc: Doc, attr: int) -> list[int]:
    """The indices, in order, of the tokens whose boolean ``attr`` (``IS_SPACE``...) is set."""
    return np.flatnonzero(doc.to_array(attr)).tolist()
