"""rich tables for the metrics dict (single or comparison) and the agreement dict."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from .gold import LABELS
from .scorer import SCHEMES


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _ci(entry: dict[str, Any]) -> str:
    lo, hi = entry.get("ci95") or [None, None]
    return f"[{_fmt(lo)}, {_fmt(hi)}]"


def _block(metrics: dict[str, Any], group: str) -> dict[str, Any]:
    block: dict[str, Any] = metrics["labels"][group] if group in LABELS else metrics[group]
    return block


def scores_table(metrics: dict[str, Any], *, schemes: tuple[str, ...] = SCHEMES,
                 title: str | None = None) -> Table:
    """One row per label (and micro/macro) and scheme: P, R, F1, its CI and the counts."""
    table = Table(title=title or f"Scores ({metrics.get('system', 'prediction')})")
    for column in ("label", "scheme", "P", "R", "F1", "F1 95% CI", "cor", "inc", "par",
                   "mis", "spu"):
        table.add_column(column, justify="left" if column in ("label", "scheme") else "right")
    for group in [*LABELS, "micro", "macro"]:
        for scheme in schemes:
            e = _block(metrics, group)[scheme]
            table.add_row(group, scheme, _fmt(e["precision"]), _fmt(e["recall"]), _fmt(e["f1"]),
                          _ci(e), *(str(e[c]) for c in ("correct", "incorrect", "partial",
                                                         "missed", "spurious")))
        table.add_section()
    return table


def attributes_table(metrics: dict[str, Any], *, title: str | None = None) -> Table:
    """Attribute accuracy on strictly matched spans, with n and CI."""
    table = Table(title=title or "Attributes (strict matches)")
    for column in ("label", "attribute", "accuracy", "n", "95% CI"):
        table.add_column(column, justify="left" if column in ("label", "attribute") else "right")
    for label, block in metrics["attributes"].items():
        for name, e in block.items():
            table.add_row(label, name, _fmt(e["accuracy"]), str(e["n"]), _ci(e))
    return table


def comparison_table(result: dict[str, Any], *, scheme: str = "strict") -> Table:
    """F1 per system for one scheme, with the difference to the first system and its p-value."""
    systems = result["systems"]
    comparisons = {c["system"]: c for c in result["comparisons"]}
    table = Table(title=f"Comparison ({scheme} F1; p: paired bootstrap vs {systems[0]['system']})")
    table.add_column("label")
    for metrics in systems:
        table.add_column(str(metrics["system"]), justify="right")
        if metrics["system"] in comparisons:
            table.add_column("Δ / p", justify="right")
    for group in [*LABELS, "micro", "macro"]:
        cells = [group]
        for metrics in systems:
            e = _block(metrics, group)[scheme]
            cells.append(f"{_fmt(e['f1'])} {_ci(e)}")
            test = comparisons.get(metrics["system"])
            if test is not None:
                t = _block(test, group)[scheme]
                cells.append(f"{_fmt(t['delta_f1'])} / {_fmt(t['p_value'], 4)}")
        table.add_row(*cells)
    return table


def metrics_tables(result: dict[str, Any]) -> list[Table]:
    """Every table for an ``evaluate_files`` result, single system or comparison."""
    if "systems" not in result:
        return [scores_table(result), attributes_table(result)]
    tables = [comparison_table(result, scheme=s) for s in ("strict", "partial")]
    for metrics in result["systems"]:
        tables.append(scores_table(metrics))
    return tables


def agreement_table(result: dict[str, Any]) -> Table:
    """Span agreement per label, attribute agreement and token kappa."""
    a, b = result.get("annotators", ["A", "B"])
    table = Table(title=f"Agreement {a} vs {b} ({result['n_documents']} documents)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    for group, e in result["spans"].items():
        table.add_row(f"span F1 strict {group}", _fmt(e["f1"]),
                      f"tp {_fmt(e['tp'])} fp {_fmt(e['fp'])} fn {_fmt(e['fn'])}")
    table.add_section()
    for label, block in result["attributes"].items():
        for name, e in block.items():
            table.add_row(f"{label} {name}", _fmt(e["accuracy"]), str(e["n"]))
    table.add_section()
    kappa = result["kappa"]
    table.add_row("Cohen's kappa (token labels)", _fmt(kappa["token"]), str(kappa["n_tokens"]))
    table.add_row("Cohen's kappa (BIO)", _fmt(kappa["bio"]), str(kappa["n_tokens"]))
    return table
