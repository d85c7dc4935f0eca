"""Functions that evaluate files and return data (the CLI wraps them)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .agreement import agreement
from .gold import GoldDoc, read_gold
from .io import Pairing, pair_documents
from .messages import EvaluationError, GoldFormatError, run_message
from .scorer import (
    HeadLemmatizer,
    count_corpus,
    gold_scope,
    metrics_from_counts,
    paired_bootstrap,
)

PathLike = str | Path


def evaluate_documents(
    gold: Sequence[GoldDoc],
    predictions: Sequence[tuple[str, Sequence[GoldDoc]]],
    *,
    n_bootstrap: int = 1000,
    seed: int = 0,
    ci_level: float = 0.95,
    min_overlap: float = 1.0,
    head_lemmatizer: HeadLemmatizer | None = None,
    allow_text_mismatch: bool = False,
    gold_name: str = "gold",
    labels: Sequence[str] | None = None,
    attributes: Sequence[str] | None = None,
) -> dict[str, Any]:
    """METRICS for one (name, documents) prediction; a comparison dict for several.

    Gold documents absent from a prediction count as predicted with no span; prediction
    documents absent from the gold are ignored; both are listed under ``pairing`` and
    reported in ``warnings`` (also issued as ``DechiffreWarning``). A document whose text
    differs raises ``GoldFormatError`` unless ``allow_text_mismatch``, which leaves it out
    of the scores (and lists it). ``labels`` and ``attributes`` choose what is scored; by
    default what the gold annotates (see ``scorer.gold_scope``; ``scored`` says what was
    left out and why).
    """
    if not predictions:
        raise EvaluationError("no_prediction")
    scope = gold_scope(gold, labels, attributes)
    results: list[dict[str, Any]] = []
    all_counts = []
    excluded: set[str] = set()
    pairings = []
    for name, docs in predictions:
        pairing = pair_documents(gold, docs, gold_file=gold_name, pred_file=name)
        if pairing.mismatch_errors and not allow_text_mismatch:
            raise pairing.mismatch_errors[0]
        excluded.update(pairing.text_mismatch)
        pairings.append(pairing)
    all_warnings: list[dict[str, Any]] = []
    for (name, _), pairing in zip(predictions, pairings, strict=True):
        pairs = [(g, p) for g, p in pairing.pairs if g["id"] not in excluded]
        counts = count_corpus(pairs, min_overlap=min_overlap, head_lemmatizer=head_lemmatizer,
                              scope=scope)
        metrics = metrics_from_counts(counts, n_bootstrap=n_bootstrap, seed=seed,
                                      ci_level=ci_level)
        metrics["system"] = name
        metrics["gold"] = gold_name
        metrics["min_overlap"] = min_overlap / 100.0
        metrics["pairing"] = pairing.to_dict()
        metrics["pairing"]["excluded"] = sorted(excluded)
        metrics["warnings"] = pairing_warnings(pairing, gold_name, name, len(gold))
        all_warnings.extend(metrics["warnings"])
        results.append(metrics)
        all_counts.append(counts)
    for item in all_warnings:
        from dechiffre.pipeline.errors import DechiffreWarning

        warnings.warn(item["message"], DechiffreWarning, stacklevel=2)
    if len(results) == 1:
        return results[0]
    comparisons = []
    for (name, _), counts in zip(predictions[1:], all_counts[1:], strict=True):
        test = paired_bootstrap(all_counts[0], counts, n_bootstrap=n_bootstrap, seed=seed)
        comparisons.append({"baseline": predictions[0][0], "system": name, **test})
    return {"gold": gold_name, "n_documents": results[0]["n_documents"],
            "systems": results, "comparisons": comparisons, "warnings": all_warnings}


def _preview(ids: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(repr(i) for i in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "") if ids else "none"


def pairing_warnings(
    pairing: Pairing, gold_name: str, pred_name: str, n_gold: int
) -> list[dict[str, Any]]:
    """Warnings when the prediction shares no document id, or only some, with the gold."""
    n_pred_docs = pairing.to_dict()["n_paired"] + len(pairing.missing_in_gold) + len(
        pairing.text_mismatch)
    shared = n_gold - len(pairing.missing_in_pred)
    if shared == 0 and n_gold:
        return [{"code": "no_shared_ids", "system": pred_name,
                 "message": run_message("no_shared_ids", pred=pred_name, gold=gold_name,
                                        n_gold=n_gold, n_pred=n_pred_docs)}]
    if pairing.missing_in_pred or pairing.missing_in_gold:
        return [{"code": "some_shared_ids", "system": pred_name,
                 "message": run_message(
                     "some_shared_ids", pred=pred_name, gold=gold_name, n_shared=shared,
                     n_missing=len(pairing.missing_in_pred),
                     missing=_preview(pairing.missing_in_pred),
                     n_extra=len(pairing.missing_in_gold),
                     extra=_preview(pairing.missing_in_gold))}]
    return []


def evaluate_files(
    gold_path: PathLike,
    pred_paths: PathLike | Sequence[PathLike],
    *,
    n_bootstrap: int = 1000,
    seed: int = 0,
    ci_level: float = 0.95,
    min_overlap: float = 1.0,
    head_lemmatizer: HeadLemmatizer | None = None,
    allow_text_mismatch: bool = False,
    json_path: PathLike | None = None,
    report_path: PathLike | None = None,
    names: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    attributes: Sequence[str] | None = None,
    predictions: Sequence[tuple[str, Sequence[GoldDoc]]] = (),
) -> dict[str, Any]:
    """METRICS dict for gold vs one prediction file, comparison dict for several.

    Files are read strictly (``GoldFormatError`` on the first format error).
    ``predictions`` are systems already in memory, (name, documents), scored before the
    files. ``names`` names the files' systems (one per file; default: the paths). With
    ``json_path`` the result is also written as JSON; with ``report_path`` the HTML report.
    """
    paths = [pred_paths] if isinstance(pred_paths, str | Path) else list(pred_paths)
    if names is not None and len(names) != len(paths):
        raise EvaluationError("names_count", got=len(names), expected=len(paths))
    system_names = list(names) if names is not None else [str(p) for p in paths]
    gold = read_gold(gold_path)
    predictions = [*predictions,
                   *((name, read_gold(p)) for name, p in zip(system_names, paths, strict=True))]
    result = evaluate_documents(
        gold, predictions, n_bootstrap=n_bootstrap, seed=seed, ci_level=ci_level,
        min_overlap=min_overlap, head_lemmatizer=head_lemmatizer,
        allow_text_mismatch=allow_text_mismatch, gold_name=str(gold_path),
        labels=labels, attributes=attributes,
    )
    if json_path is not None:
        write_json(result, json_path)
    if report_path is not None:
        from .report import write_report

        write_report(report_path, result, gold, predictions, gold_name=str(gold_path))
    return result


def agreement_files(a_path: PathLike, b_path: PathLike) -> dict[str, Any]:
    """Agreement dict between two gold files over their common documents."""
    return agreement(read_gold(a_path), read_gold(b_path), name_a=str(a_path),
                     name_b=str(b_path))


def write_json(result: dict[str, Any], path: PathLike) -> Path:
    """Write a metrics or agreement dict as indented UTF-8 JSON; return the path."""
    target = Path(path)
    try:
        target.write_text(
            json.dumps(result, ensure_ascii=False, indent=2, allow_nan=False) + "\n",
            encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError("unwritable", file=str(target),
                              reason=exc.strerror or type(exc).__name__) from exc
    return target
