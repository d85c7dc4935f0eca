"""rich tables for metrics and agreement dicts: content, and readable at 80 columns."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.table import Table

from dechiffre.evaluation.agreement import agreement
from dechiffre.evaluation.api import evaluate_documents
from dechiffre.evaluation.gold import read_gold
from dechiffre.evaluation.tables import agreement_table, format_number, metrics_tables

TEXT = "Le HCR a aidé 4 388 migrants."


def _render(table: Table, width: int = 200) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(table)
    return console.export_text()


def _cells(text: str, first: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"│ {first}"))
    return [cell.strip() for cell in line.split("│")[1:-1]]


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
    scores, counts, categories, attributes = (_render(t) for t in tables)
    assert _cells(scores, "QUANTITY")[:5] == ["QUANTITY", "strict", "0.000", "0.000", "0.000"]
    assert _cells(scores, "ORG")[2:5] == ["1.000", "1.000", "1.000"]
    # nervaluate's possible/actual beside tp/fp/fn: QUANTITY strict has 1 gold, 0 predicted
    assert _cells(counts, "QUANTITY") == ["QUANTITY", "strict", "0", "0", "1", "1", "0"]
    assert _cells(categories, "QUANTITY") == ["QUANTITY", "strict", "0", "0", "0", "1", "0"]
    assert "kb_id_linked" in attributes and "wilson" in attributes


def test_comparison_tables(docs: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    gold, pred = docs
    result = evaluate_documents(gold, [("base", pred), ("better", gold)], n_bootstrap=20)
    text = _render(metrics_tables(result)[0])
    micro = [line for line in text.splitlines() if "│ micro" in line]
    assert [c.strip() for c in micro[0].split("│")[1:-1]][2] == "0.800"
    better = [c.strip() for c in micro[1].split("│")[1:-1]]
    assert better[0] == "better" and better[2] == "1.000" and better[4] == "0.200"


def test_agreement_table(docs: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    gold, pred = docs
    text = _render(agreement_table(agreement(gold, pred)))
    assert "Cohen's kappa (token labels)" in text
    kappa_line = next(line for line in text.splitlines() if "token labels" in line)
    assert "1.000" not in kappa_line
    assert "span F1 strict QUANTITY" in text


@pytest.mark.parametrize(("value", "text"), [
    (4388, "4388"), (0.5, "0.500"), (3500000.0, "3500000.000"), (None, "–"),
    (77_800_000_000_000_000_000, "7.780000e+19"), (10**309, "1.000000e+309"),
    (1e-7, "1.000000e-07"), ("EUR", "EUR"),
])
def test_numbers_in_full_or_scientific(value: Any, text: str) -> None:
    assert format_number(value) == text


def test_evaluate_tables_fit_80_columns_without_cutting(shared_dir: Path) -> None:
    gold = read_gold(next((shared_dir / "seed").glob("*.gold.jsonl")))
    pred = copy.deepcopy(gold)
    claims = [s for s in pred[0]["spans"] if s.get("claim")]
    claims[2]["claim"]["agent"] = claims[4]["claim"]["agent"]
    for result in (evaluate_documents(gold, [("predictions.jsonl", pred)], n_bootstrap=50),
                   evaluate_documents(gold, [("a", pred), ("b", gold)], n_bootstrap=50)):
        for table in metrics_tables(result):
            text = _render(table, width=80)
            assert "…" not in text
            assert max(len(line) for line in text.splitlines()) <= 80
            for column in table.columns:  # figures whole; text may wrap between words
                for cell in column.cells:
                    for word in str(cell).split():
                        assert word in text, (table.title, cell)
