"""Self-contained HTML evaluation report: scores with CI bars and plots, then every document
with gold and predicted spans highlighted side by side (errors first, filterable).

Stable hooks: ``section#scores``, ``img.scores-plot``, ``img.confusion-plot``,
``section#rules`` (``tr.rule-row`` with ``data-attribute``, ``data-rule`` and
``data-below-break-even``), ``section#documents``, ``select#filter-label``,
``select#filter-error``, ``article.doc`` with ``data-doc-id``, ``data-labels``,
``data-error-types`` and ``data-error-keys`` (``LABEL:type``), ``mark.ent`` with
``data-label`` and ``data-status``. Hidden documents get the class ``hidden``;
``?label=ORG&error=missed`` in the URL presets the filters.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from .gold import LABELS, GoldDoc
from .scorer import (
    ERROR_TYPES,
    NONE,
    SCHEMES,
    DocAlignment,
    Span,
    align_document,
    rule_rows,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _png(figure: Any) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def scores_png(metrics: dict[str, Any], title: str = "") -> str:
    """Base64 PNG: F1 per label (and micro/macro) and scheme with 95% CI error bars."""
    from matplotlib.figure import Figure

    groups = [*metrics["labels"], "micro", "macro"]
    figure = Figure(figsize=(7, 3.2))
    axes = figure.subplots()
    width = 0.8 / len(SCHEMES)
    for s, scheme in enumerate(SCHEMES):
        xs, ys, lows, highs = [], [], [], []
        for g, group in enumerate(groups):
            entry = (metrics["labels"][group][scheme] if group in metrics["labels"]
                     else metrics[group][scheme])
            f1 = entry["f1"] or 0.0
            lo, hi = entry.get("ci95") or [None, None]
            xs.append(g + (s - (len(SCHEMES) - 1) / 2) * width)
            ys.append(f1)
            lows.append(max(0.0, f1 - lo) if lo is not None else 0.0)
            highs.append(max(0.0, hi - f1) if hi is not None else 0.0)
        axes.bar(xs, ys, width=width, label=scheme, yerr=[lows, highs], capsize=2)
    axes.set_xticks(range(len(groups)), groups)
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("F1")
    axes.legend(fontsize="small", ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    if title:
        axes.set_title(title, fontsize="medium")
    return _png(figure)


def confusion_png(metrics: dict[str, Any], title: str = "") -> str:
    """Base64 PNG: gold x predicted label counts, boundary mismatches in parentheses."""
    from matplotlib.figure import Figure

    conf = metrics["confusion"]
    axis = conf["labels"]
    grid = [[conf["matrix"][g][p] if not (g == NONE and p == NONE) else 0 for p in axis]
            for g in axis]
    figure = Figure(figsize=(4.2, 3.4))
    axes = figure.subplots()
    image = axes.imshow(grid, cmap="Blues")
    figure.colorbar(image, ax=axes, fraction=0.046)
    for i, g in enumerate(axis):
        for j, p in enumerate(axis):
            if g == NONE and p == NONE:
                continue
            b = conf["boundary_mismatch"][g][p]
            axes.text(j, i, f"{grid[i][j]}" + (f"\n({b} bnd)" if b else ""), ha="center",
                      va="center", fontsize="small")
    axes.set_xticks(range(len(axis)), axis)
    axes.set_yticks(range(len(axis)), axis)
    axes.set_xlabel("predicted")
    axes.set_ylabel("gold")
    axes.set_title(title or "label / boundary confusion", fontsize="medium")
    return _png(figure)


def highlight(text: str, spans: Sequence[Span], status: dict[int, str],
              attribute_errors: dict[int, list[str]] | None = None) -> str:
    """HTML of ``text`` with each span in a colored ``mark`` carrying label and status."""
    attribute_errors = attribute_errors or {}
    parts: list[str] = []
    position = 0
    for index, span in enumerate(spans):
        if span.start < position:  # invalid overlap; shown unmarked
            continue
        parts.append(escape(text[position:span.start]))
        state = status.get(index, "correct")
        bad = attribute_errors.get(index, [])
        classes = f"ent ent-{escape(span.label)} st-{state}" + (" attr-error" if bad else "")
        tip = f"{span.label} · {state}" + (f" · wrong: {', '.join(bad)}" if bad else "")
        parts.append(
            f'<mark class="{classes}" data-label="{escape(span.label)}" data-status="{state}" '
            f'data-start="{span.start}" data-end="{span.end}" title="{escape(tip)}">'
            f'{escape(text[span.start:span.end])}<span class="ent-label">'
            f"{escape(span.label)}</span></mark>"
        )
        position = span.end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _score_rows(metrics: dict[str, Any], comparison: dict[str, Any] | None) -> list[dict[str, Any]]:
    rows = []
    for group in [*metrics["labels"], "micro", "macro"]:
        block = metrics["labels"][group] if group in LABELS else metrics[group]
        cmp_block = None
        if comparison is not None:
            cmp_block = comparison["labels"][group] if group in LABELS else comparison[group]
        for scheme in SCHEMES:
            entry = block[scheme]
            lo, hi = entry.get("ci95") or [None, None]
            f1 = entry["f1"] or 0.0
            row = {
                "group": group, "scheme": scheme,
                "precision": _fmt(entry["precision"]), "recall": _fmt(entry["recall"]),
                "f1": _fmt(entry["f1"]),
                "ci": f"[{_fmt(lo)}, {_fmt(hi)}]",
                "lo_pct": round(100 * (lo or 0.0), 1),
                "width_pct": round(100 * max(0.0, (hi or 0.0) - (lo or 0.0)), 1),
                "f1_pct": round(100 * f1, 1),
            }
            row.update({c: entry[c] for c in ("correct", "incorrect", "partial", "missed",
                                                 "spurious")})
            row.update({c: _fmt(entry.get(c)) for c in ("tp", "fp", "fn", "possible", "actual")})
            if cmp_block is not None:
                row["delta"] = _fmt(cmp_block[scheme]["delta_f1"])
                row["p_value"] = _fmt(cmp_block[scheme]["p_value"], 4)
            rows.append(row)
    return rows


def _attribute_rows(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for label, block in metrics["attributes"].items():
        for name, entry in block.items():
            lo, hi = entry.get("ci95") or [None, None]
            rows.append({"label": label, "name": name, "accuracy": _fmt(entry["accuracy"]),
                         "n": entry["n"], "ci": f"[{_fmt(lo)}, {_fmt(hi)}]"})
    return rows


def _claim_rows(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per scored claim attribute: F1 over non-null values and accuracy, with CIs."""
    rows = []
    for name, e in (metrics.get("claims") or {}).get("attributes", {}).items():
        rows.append({
            "name": name, "f1": _fmt(e["f1"]), "precision": _fmt(e["precision"]),
            "recall": _fmt(e["recall"]), "tp": e["tp"], "fp": e["fp"], "fn": e["fn"],
            "f1_ci": "[{}, {}]".format(*(_fmt(v) for v in e["ci95_f1"])),
            "accuracy": _fmt(e["accuracy"]), "n": e["n"],
            "acc_ci": "[{}, {}]".format(*(_fmt(v) for v in e["ci95"])),
            "ci_method": e.get("ci_method", ""),
        })
    return rows


def _claim_confusion(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    """Wrong agents and sources: gold organisation, predicted one, how often."""
    rows = []
    for role, items in (metrics.get("claims") or {}).get("confusion", {}).items():
        for item in items:
            rows.append({"role": role, "gold": item["gold"] or "null",
                         "pred": item["pred"] or "null", "n": item["n"]})
    return rows


def _rule_rows(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    """Precision of each span source and claim rule (only rules that gave or missed a value)."""
    return [{"attribute": row["attribute"], "rule": row["rule"],
             "precision": _fmt(row["precision"]), "right": row["right"], "fired": row["fired"],
             "spurious": row.get("spurious", ""), "missed": row.get("missed", ""),
             "below": bool(row.get("below_break_even"))}
            for row in rule_rows(metrics.get("rules"))]


def _span_text(text: str, span: Span | None) -> str:
    if span is None:
        return "–"
    return f"«{text[span.start:span.end]}» [{span.label} {span.start}-{span.end}]"


def _systems_of(result: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """(metrics, comparison with the baseline or None) per system of an api result."""
    if "systems" not in result:
        return [(result, None)]
    by_system = {c["system"]: c for c in result.get("comparisons", [])}
    return [(m, by_system.get(m.get("system", ""))) for m in result["systems"]]


def render_report(
    result: dict[str, Any],
    gold_docs: Sequence[GoldDoc],
    predictions: Sequence[tuple[str, Sequence[GoldDoc]]],
    *,
    title: str = "dechiffre evaluation",
    gold_name: str = "gold",
) -> str:
    """The report HTML for an ``evaluate`` result and the documents it was computed on."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    systems_metrics = _systems_of(result)
    systems = []
    for (metrics, comparison), (name, _) in zip(systems_metrics, predictions, strict=True):
        systems.append({
            "name": name, "comparison": comparison,
            "rows": _score_rows(metrics, comparison),
            "attributes": _attribute_rows(metrics),
            "claims": _claim_rows(metrics),
            "claim_confusion": _claim_confusion(metrics),
            "n_gold_claims": (metrics.get("claims") or {}).get("n_gold_claims", 0),
            "claim_errors": (metrics.get("claims") or {}).get("errors", []),
            "rules": _rule_rows(metrics),
            "scores_png": scores_png(metrics, name),
            "confusion_png": confusion_png(metrics, name),
        })

    by_system = [(name, {d["id"]: d for d in docs}) for name, docs in predictions]
    first_metrics = systems_metrics[0][0] if systems_metrics else {}
    scored = first_metrics.get("scored", {})
    scored_labels = scored.get("labels")
    scored_attributes = scored.get("attributes")
    rendered = []
    for order, gold in enumerate(gold_docs):
        sides: list[dict[str, Any]] = []
        errors: list[dict[str, str]] = []
        kinds: set[str] = set()
        keys: set[str] = set()
        labels = {s["label"] for s in gold["spans"]}
        gold_alignment: DocAlignment | None = None
        for name, docs in by_system:
            pred = docs.get(gold["id"])
            if pred is not None and pred["text"] != gold["text"]:
                pred = None
                kinds.add("text_mismatch")
            alignment = align_document(gold, pred, labels=scored_labels,
                                       attributes=scored_attributes)
            gold_alignment = gold_alignment or alignment
            labels.update(s.label for s in alignment.pred)
            bad: dict[int, list[str]] = {}
            for _, matched, checks in alignment.attribute_checks:
                wrong = [k for k, ok in checks.items() if not ok and k != "kb_id_linked"]
                if wrong:
                    bad[matched] = wrong
                    kinds.add("attribute")
                    keys.add(f"{alignment.pred[matched].label}:attribute")
            for g_idx, p_idx, kind in alignment.pairs:
                if kind == "correct":
                    continue
                g = alignment.gold[g_idx] if g_idx is not None else None
                p = alignment.pred[p_idx] if p_idx is not None else None
                kinds.add(kind)
                for span in (g, p):
                    if span is not None:
                        keys.add(f"{span.label}:{kind}")
                errors.append({"system": name, "type": kind, "gold": _span_text(gold["text"], g),
                               "pred": _span_text(gold["text"], p)})
            sides.append({"kind": "pred", "name": name,
                          "html": Markup(highlight(gold["text"], alignment.pred,
                                                   alignment.pred_status(), bad))})
        if gold_alignment is None:
            gold_alignment = align_document(gold, None, labels=scored_labels)
        sides.insert(0, {"kind": "gold", "name": gold_name,
                         "html": Markup(highlight(gold["text"], gold_alignment.gold,
                                                  gold_alignment.gold_status()))})
        rendered.append({
            "order": order, "id": gold["id"], "sides": sides, "errors": errors,
            "n_errors": len(errors) + sum(1 for k in keys if k.endswith(":attribute")),
            "labels": " ".join(sorted(labels)), "error_types": " ".join(sorted(kinds)),
            "error_keys": " ".join(sorted(keys)), "error_list": sorted(kinds),
        })
    rendered.sort(key=lambda d: (d["n_errors"] == 0 and not d["error_types"], -d["n_errors"],
                                 d["order"]))

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(["html", "j2"]))
    template = env.get_template("report.html.j2")
    first = systems_metrics[0][0] if systems_metrics else {}
    return template.render(
        title=title, gold_name=gold_name, n_documents=len(gold_docs),
        bootstrap=first.get("bootstrap", {"n": 0, "seed": 0}),
        systems=systems, baseline=predictions[0][0] if predictions else "",
        docs=rendered, labels=scored_labels or LABELS,
        any_claims=any(system["claims"] for system in systems),
        any_rules=any(system["rules"] for system in systems),
        error_types=[*ERROR_TYPES, "attribute", "text_mismatch"],
    )


def write_report(path: str | Path, result: dict[str, Any], gold_docs: Sequence[GoldDoc],
                 predictions: Sequence[tuple[str, Sequence[GoldDoc]]], **options: Any) -> Path:
    """Render the report and write it as UTF-8; return the path."""
    from .messages import GoldFormatError

    target = Path(path)
    html = render_report(result, gold_docs, predictions, **options)
    try:
        target.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError("unwritable", file=str(target),
                              reason=exc.strerror or type(exc).__name__) from exc
    return target
