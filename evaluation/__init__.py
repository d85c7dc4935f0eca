"""Evaluation of dechiffre extractions against gold annotations (the ../shared contract).

Names are imported on first use (PEP 562), so that ``dechiffre.evaluation.gold`` can be
imported by the pipeline without loading numpy, scikit-learn or matplotlib.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agreement import agreement
    from .api import agreement_files, evaluate_documents, evaluate_files, write_json
    from .gold import LABELS, read_gold, read_gold_collect, validate_document, write_gold
    from .importers import import_conll, import_hipe, import_webanno
    from .io import pair_documents
    from .messages import EvaluationError, GoldFormatError
    from .scorer import paired_bootstrap, score

_WHERE: dict[str, str] = {
    "agreement": "agreement",
    "agreement_files": "api",
    "evaluate_documents": "api",
    "evaluate_files": "api",
    "write_json": "api",
    "LABELS": "gold",
    "read_gold": "gold",
    "read_gold_collect": "gold",
    "validate_document": "gold",
    "write_gold": "gold",
    "import_conll": "importers",
    "import_hipe": "importers",
    "import_webanno": "importers",
    "pair_documents": "io",
    "EvaluationError": "messages",
    "GoldFormatError": "messages",
    "paired_bootstrap": "scorer",
    "score": "scorer",
}

__all__ = [
    "LABELS",
    "EvaluationError",
    "GoldFormatError",
    "agreement",
    "agreement_files",
    "evaluate_documents",
    "evaluate_files",
    "import_conll",
    "import_hipe",
    "import_webanno",
    "pair_documents",
    "paired_bootstrap",
    "read_gold",
    "read_gold_collect",
    "score",
    "validate_document",
    "write_gold",
    "write_json",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
