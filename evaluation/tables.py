"""rich tables for the metrics dict (single or comparison) and the agreement dict.

Every table fits 80 columns for labels and figures of the usual widths, and no cell is ever
cut: columns fold (wrap inside a word) instead of ending in an ellipsis. Numbers are printed
in full, or in scientific form beyond 15 digits.
"""

from __future__ import annotations

import math
from typing import Any

from rich.table import Table

from .gold import LABELS
from .scorer import SCHEMES, rule_rows

CATEGORY_HEADERS: tuple[tuple[str, str], ...] = (
    ("correct", "correct"), ("incorrect", "incorrect"), ("partial", "partial"),
    ("missed", "missed"), ("spurious", "spurious"),
)
COUNT_HEADERS: tuple[str, ...] = ("tp", "fp", "fn", "possible", "actual")


def format_number(value: Any, digits: int | None = 3) -> str:
    """A number in full (integers up to 15 digits; floats with ``digits`` decimals, or every
    significant digit when ``digits`` is None), else in scientific form; '–' for None;
    anything else as text."""
    if value is None:
        return "–"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if digits is None and isinstance(value, float):
        return format(value, ".15g")
    places = 3 if digits is None else digits
    if isinstance(value, int):
        if abs(value) < 10**15:
            return str(value)
        digits_text = str(abs(value))
        mantissa = f"{digits_text[0]}.{digits_text[1:7].ljust(6, '0')}"
        return f"{'-' if value < 0 else ''}{mantissa}e+{len(digits_text) - 1:02d}"
    if value.is_integer():
        return _float_text(value, places) if abs(value) < 10**15 else f"{value:.6e}"
    if value != 0 and (abs(value) >= 10**15 or abs(value) < 10**-places):
        return f"{value:.6e}"
    return _float_text(value, places)


def _float_text(value: float, digits: int) -> str:
    text = f"{value:.{digits}f}"
    return text


def _fmt(value: Any, digits: int = 3) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**15 and digits:
        return f"{value:.{digits}f}"
    return format_number(value, digits)


def _count(value: Any) -> str:
    """A count (x.5 possible in the partial scheme)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format_number(value, 1)


def _ci(entry: dict[str, Any], key: str = "ci95") -> str:
    lo, hi = entry.get(key) or [None, None]
    return f"[{_fmt(lo)}, {_fmt(hi)}]"


def new_table(title: str, columns: list[tuple[str, str]]) -> Table:
    """A table whose cells fold rather than be cut; columns are (header, justify)."""
    table = Table(title=title, title_justify="left")
    for header, justify in columns:
        table.add_column(header, justify=justify, overflow="fold")  # type: ignore[arg-type]
    return table


def _groups(metrics: dict[str, Any]) -> list[str]:
    return [*metrics["labels"], "micro", "macro"]


def _block(metrics: dict[str, Any], group: str) -> dict[str, Any]:
    block: dict[str, Any] = (metrics["labels"][group] if group in LABELS
                             else metrics[group])
    return block


def scores_table(metrics: dict[str, Any], *, schemes: tuple[str, ...] = SCHEMES,
                 title: str | None = None) -> Table:
    """One row per label (and micro/macro) and scheme: P, R, F1 and its CI."""
    table = new_table(title or f"Scores: {metrics.get('system', 'prediction')}",
                      [("label", "left"), ("scheme", "left"), ("P", "right"), ("R", "right"),
                       ("F1", "right"), ("F1 95% CI", "right")])
    for group in _groups(metrics):
        for scheme in schemes:
            e = _block(metrics, group)[scheme]
            table.add_row(group, scheme, _fmt(e["precision"]), _fmt(e["recall"]),
                          _fmt(e["f1"]), _ci(e))
        table.add_section()
    return table


def counts_table(metrics: dict[str, Any], *, schemes: tuple[str, ...] = SCHEMES,
                 title: str | None = None) -> Table:
    """tp, fp, fn and nervaluate's possible (gold) and actual (predicted) counts."""
    table = new_table(title or "Counts (possible = tp + fn, actual = tp + fp)",
                      [("label", "left"), ("scheme", "left"),
                       *((h, "right") for h in COUNT_HEADERS)])
    for group in _groups(metrics):
        for scheme in schemes:
            e = _block(metrics, group)[scheme]
            table.add_row(group, scheme, *(_count(e.get(h)) for h in COUNT_HEADERS))
        table.add_section()
    return table


def categories_table(metrics: dict[str, Any], *, schemes: tuple[str, ...] = SCHEMES,
                     title: str | None = None) -> Table:
    """SemEval-2013 categories: correct, incorrect, partial, missed, spurious."""
    table = new_table(title or "SemEval categories",
                      [("label", "left"), ("scheme", "left"),
                       *((h, "right") for _, h in CATEGORY_HEADERS)])
    for group in _groups(metrics):
        for scheme in schemes:
            e = _block(metrics, group)[scheme]
            table.add_row(group, scheme, *(_count(e[c]) for c, _ in CATEGORY_HEADERS))
        table.add_section()
    return table


def attributes_table(metrics: dict[str, Any], *, title: str | None = None) -> Table:
    """Attribute accuracy on strictly matched spans, with n and CI."""
    table = new_table(title or "Attributes (strict matches)",
                      [("label", "left"), ("attribute", "left"), ("accuracy", "right"),
                       ("n", "right"), ("95% CI", "right"), ("CI", "left")])
    for label, block in metrics["attributes"].items():
        for name, e in block.items():
            table.add_row(label, name, _fmt(e["accuracy"]), _count(e["n"]), _ci(e),
                          str(e.get("ci_method", "")))
    return table


def claim_tables(metrics: dict[str, Any]) -> list[Table]:
    """Claim attributes: F1 over non-null values, accuracy, and the agent/source confusion."""
    claims = metrics.get("claims")
    if not claims:
        return []
    f1 = new_table(f"Claims: F1 over non-null values ({claims['n_compared']} of "
                   f"{claims['n_gold_claims']} gold claims on strict matches)",
                   [("attribute", "left"), ("F1", "right"), ("F1 95% CI", "right"),
                    ("P", "right"), ("R", "right"), ("tp", "right"), ("fp", "right"),
                    ("fn", "right")])
    accuracy = new_table("Claims: accuracy (a right null counts)",
                         [("attribute", "left"), ("accuracy", "right"), ("n", "right"),
                          ("95% CI", "right"), ("CI", "left")])
    for name, e in claims["attributes"].items():
        f1.add_row(name, _fmt(e["f1"]), _ci(e, "ci95_f1"), _fmt(e["precision"]),
                   _fmt(e["recall"]), _count(e["tp"]), _count(e["fp"]), _count(e["fn"]))
        accuracy.add_row(name, _fmt(e["accuracy"]), _count(e["n"]), _ci(e),
                         str(e.get("ci_method", "")))
    tables = [f1, accuracy]
    rows = [(role, item) for role, items in claims["confusion"].items() for item in items]
    if rows:
        confusion = new_table("Claims: wrong agents and sources",
                              [("role", "left"), ("gold", "left"), ("predicted", "left"),
                               ("n", "right")])
        for role, item in rows:
            confusion.add_row(role, str(item["gold"] or "null"), str(item["pred"] or "null"),
                              _count(item["n"]))
        tables.append(confusion)
    return tables


def rules_tables(metrics: dict[str, Any]) -> list[Table]:
    """Precision of what each rule gives: spans by their source, claim attributes by rule."""
    rows = rule_rows(metrics.get("rules"))
    tables = []
    spans = [row for row in rows if row["kind"] == "span"]
    if spans:
        table = new_table(f"Spans by source: {metrics.get('system', '')}".rstrip(": "),
                          [("label", "left"), ("source", "left"), ("precision", "right"),
                           ("right", "right"), ("predicted", "right")])
        for row in spans:
            table.add_row(row["attribute"], row["rule"], _fmt(row["precision"]),
                          _count(row["right"]), _count(row["fired"]))
        tables.append(table)
    claims = [row for row in rows if row["kind"] == "claim"]
    if claims:
        table = new_table("Claim attributes by rule (*: precision below half the "
                          "attribute's F1, so its values lower that F1)",
                          [("attribute", "left"), ("rule", "left"), ("precision", "right"),
                           ("right", "right"), ("given", "right"), ("gold null", "right"),
                           ("missed", "right")])
        for k, row in enumerate(claims):
            if k and row["attribute"] != claims[k - 1]["attribute"]:
                table.add_section()
            mark = "*" if row.get("below_break_even") else ""
            table.add_row(row["attribute"], row["rule"], _fmt(row["precision"]) + mark,
                          _count(row["right"]), _count(row["fired"]),
                          _count(row["spurious"]), _count(row["missed"]))
        tables.append(table)
    return tables


def comparison_table(result: dict[str, Any], *, scheme: str = "strict") -> Table:
    """F1 per system and label for one scheme, with the difference to the first system and
    its paired-bootstrap p-value; one row per system and label so that it stays narrow."""
    systems = result["systems"]
    comparisons = {c["system"]: c for c in result["comparisons"]}
    table = new_table(f"Comparison ({scheme} F1; Δ and p: paired bootstrap vs "
                      f"{systems[0]['system']})",
                      [("system", "left"), ("label", "left"), ("F1", "right"),
                       ("95% CI", "right"), ("Δ F1", "right"), ("p", "right")])
    for metrics in systems:
        test = comparisons.get(metrics["system"])
        for group in _groups(metrics):
            e = _block(metrics, group)[scheme]
            delta = p_value = "–" if test is None else ""
            if test is not None:
                t = _block(test, group)[scheme]
                delta, p_value = _fmt(t["delta_f1"]), _fmt(t["p_value"], 4)
            table.add_row(str(metrics["system"]), group, _fmt(e["f1"]), _ci(e), delta,
                          p_value)
        table.add_section()
    return table


def metrics_tables(result: dict[str, Any]) -> list[Table]:
    """Every table for an ``evaluate_files`` result, single system or comparison."""
    if "systems" not in result:
        return [scores_table(result), counts_table(result), categories_table(result),
                attributes_table(result), *claim_tables(result)]
    tables = [comparison_table(result, scheme=s) for s in ("strict", "partial")]
    for metrics in result["systems"]:
        tables.append(scores_table(metrics))
        tables.append(counts_table(metrics, title=f"Counts: {metrics['system']}"))
        tables.append(attributes_table(metrics, title=f"Attributes: {metrics['system']}"))
        tables.extend(claim_tables(metrics))
    return tables


def agreement_table(result: dict[str, Any]) -> Table:
    """Span agreement per label, attribute and claim agreement, and token kappa."""
    a, b = result.get("annotators", ["A", "B"])
    table = new_table(f"Agreement {a} vs {b} ({result['n_documents']} documents)",
                      [("measure", "left"), ("value", "right"), ("n", "right")])
    for group, e in result["spans"].items():
        table.add_row(f"span F1 strict {group}", _fmt(e["f1"]),
                      f"tp {_count(e['tp'])} fp {_count(e['fp'])} fn {_count(e['fn'])}")
    table.add_section()
    for label, block in result["attributes"].items():
        for name, e in block.items():
            table.add_row(f"{label} {name}", _fmt(e["accuracy"]), _count(e["n"]))
    claims = result.get("claims")
    if claims:
        table.add_section()
        for name, e in claims["attributes"].items():
            table.add_row(f"claim {name} F1 (accuracy)",
                          f"{_fmt(e['f1'])} ({_fmt(e['accuracy'])})", _count(e["n"]))
    table.add_section()
    kappa = result["kappa"]
    table.add_row("Cohen's kappa (token labels)", _fmt(kappa["token"]), str(kappa["n_tokens"]))
    table.add_row("Cohen's kappa (BIO)", _fmt(kappa["bio"]), str(kappa["n_tokens"]))
    return table
