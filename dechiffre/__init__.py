"""dechiffre: organisations and numeric claims, with evidence, from French news text.

The public API::

    import dechiffre
    nlp = dechiffre.load()                      # default pipeline (rules + classifier)
    record = dechiffre.extract_text(nlp, "L'OIM a aidé environ 1 664 migrants.")
    metrics = dechiffre.evaluate_files("gold.jsonl", "pred.jsonl")

The code lives in ``dechiffre.pipeline`` (components, numbers, archives, CLI)
and ``dechiffre.evaluation`` (gold files, scorer, agreement, reports).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("dechiffre")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0+unknown"

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language


def load(name: str | Path | None = None, **kwargs: Any) -> Language:
    """A pipeline: ``None``/"default" (rules + classifier), "rules", or a saved pipeline path."""
    from .pipeline.extract import load_pipeline

    return load_pipeline(name, **kwargs)


def extract_text(nlp: Language, text: str, doc_id: str = "text") -> dict[str, Any]:
    """The gold-format record (``../shared/ANNOTATION.md``) of one text."""
    from .pipeline.extract import extract_text as _extract_text

    return _extract_text(nlp, text, doc_id)


def evaluate_files(gold: str | Path, pred: str | Path, **kwargs: Any) -> dict[str, Any]:
    """Score a prediction file against a gold file (see ``dechiffre.evaluation``)."""
    from .evaluation.api import evaluate_files as _evaluate_files

    return _evaluate_files(gold, pred, **kwargs)


__all__ = ["__version__", "evaluate_files", "extract_text", "load"]
