"""rich tables for metrics and agreement dicts."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from rich.console import Console
from rich.table import Table

from dechiffre.evaluation.agreement import agreement
from dechiffre.evaluation.api import evaluate_documents
from dechiffre.evaluation.tables import agreement_table, metrics_tables

TEXT = "Le HCR a aidé 4 388 migrants."


def _render(table: Table) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(table)
    return console.export_text()


@pytest.fixture
def docs(gb: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    gold = [gb.doc("d1", TEXT, [gb.find(TEXT, "HCR", "ORG", kb_id="UNHCR"),
                                gb.find(TEXT, "4 388", "QUANTITY", value=4388)]),
            gb.doc("d2", TEXT, [gb.find(TEXT, "HCR", "ORG", kb_id="UNHCR")])]
    pred = copy.deepcopy(gold)
    pred[0]["spans"] = pred[0]["spans"][:1]
    return gold, pred


def test_single_system_tables(docs: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    gold, pred = docs
    tables = metrics_tables(evaluate_documents(gold, [("sys", pred)], n_bootstrap=20))
    assert len(tables) == 2
    scores, attributes = (_render(t) for t in tables)
    quantity_strict = next(line for line in scores.splitlines()
                           if "QUANTITY" in line and "strict" in line)
    assert quantity_strict.split("│")[3:6] == [" 0.000 ", " 0.000 ", " 0.000 "]
    assert "1.000" in next(line for line in scores.splitlines() if "ORG" in line)
    assert "kb_id_linked" in attributes


def test_comparison_tables(docs: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    gold, pred = docs
    result = evaluate_documents(gold, [("base", pred), ("better", gold)], n_bootstrap=20)
    tables = metrics_tables(result)
    assert len(tables) == 4
    text = _render(tables[0])
    assert "base" in text and "better" in text and "Δ / p" in text
    micro = next(line for line in text.splitlines() if line.startswith("│ micro"))
    assert "0.800" in micro and "0.200 /" in micro  # strict micro F1: 0.8 -> 1


def test_agreement_table(docs: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    gold, pred = docs
    text = _render(agreement_table(agreement(gold, pred)))
    assert "Cohen's kappa (token labels)" in text
    kappa_line = next(line for line in text.splitlines() if "token labels" in line)
    assert "1.000" not in kappa_line
    assert "span F1 strict QUANTITY" in text
