"""Evaluation of dechiffre extractions against gold annotations (the ../shared contract)."""

from .agreement import agreement
from .api import agreement_files, evaluate_documents, evaluate_files, write_json
from .importers import import_conll, import_hipe, import_webanno
from .io import pair_documents, read_gold, read_gold_collect, write_gold
from .messages import GoldFormatError
from .scorer import paired_bootstrap, score

__all__ = [
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
    "write_gold",
    "write_json",
]
