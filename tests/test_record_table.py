"""The extract --table view: spans, then predicate, agent, source and time of each amount."""

from __future__ import annotations

from typing import Any

import pytest
from rich.console import Console

from dechiffre.pipeline.record_table import claims_table, records_table

TEXT = (
    "Selon l'Agence européenne de garde-frontières et de garde-côtes [x], 4 388 migrants "
    "ont été rapatriés au cours des neuf premiers mois de cette année en coopération avec "
    "l'OIM, dont 1 664 mineurs; 12 autres depuis peu."
)


def _ref(needle: str) -> dict[str, int]:
    start = TEXT.index(needle)
    return {"start": start, "end": start + len(needle)}


def _record() -> dict[str, Any]:
    frontex = _ref("Agence européenne de garde-frontières et de garde-côtes [x]")
    oim, total = _ref("OIM"), _ref("4 388")
    time = {**_ref("au cours des neuf premiers mois de cette année"), "value": "2024-01/2024-09"}
    frame = {"predicate": "rapatrier", "agent": oim, "source": frontex, "part_of": None,
             "time": time}
    return {"id": "doc [/x]", "text": TEXT, "spans": [
        {**frontex, "label": "ORG", "kb_id": "FRONTEX"},
        {**total, "label": "QUANTITY", "value": 4388, "object": "migrants", "claim": frame},
        {**oim, "label": "ORG", "kb_id": "IOM"},
        {**_ref("1 664"), "label": "QUANTITY", "value": 1664, "object": "mineurs",
         "claim": {**frame, "part_of": total}},
        {**_ref("12"), "label": "QUANTITY", "value": 12,
         "claim": {"predicate": None, "agent": None, "source": None, "part_of": None,
                   "time": {**_ref("depuis peu"), "value": None}}},
    ]}


def _render(renderable: Any, width: int = 80) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("width", [80, 120])
def test_claims_fit_the_width_and_keep_every_attribute(width: int) -> None:
    out = _render(records_table(_record()), width)
    assert max(len(line) for line in out.splitlines()) <= width and "…" not in out
    # agent, source with their kb_ids, predicate, time value and expression, the part's total;
    # brackets in the text are shown as text, never read as markup
    for whole in ("doc [/x]: 5 spans", "doc [/x]: 3 claims", "rapatrier", "[IOM]", "[FRONTEX]",
                  "2024-01/2024-09", "(part of 4 388)", "[x]"):
        assert whole in out
    claims = out.split("doc [/x]: 3 claims")[1]
    assert "premiers mois" in claims and "garde-côtes" in claims
    assert "?" in claims and "depuis peu" in claims  # a time the text does not fix


def test_claims_table_rows_follow_the_amounts() -> None:
    table = claims_table(_record())
    assert table is not None
    assert [c.header for c in table.columns] == ["amount", "predicate", "agent", "source", "time"]
    cells = [[str(cell) for cell in column.cells] for column in table.columns]
    assert cells[0] == ["4 388", "1 664\n(part of 4 388)", "12"]
    assert cells[1] == ["rapatrier", "rapatrier", "—"]
    assert cells[2] == ["OIM\n[IOM]", "OIM\n[IOM]", "—"]


@pytest.mark.parametrize(
    "spans",
    [
        [],
        [{"start": 0, "end": 5, "label": "ORG", "kb_id": None}],
        [{"start": 71, "end": 76, "label": "QUANTITY", "value": 4388}],  # no claim key
    ],
)
def test_no_claims_table_without_claims(spans: list[dict[str, Any]]) -> None:
    record = {"id": "d", "text": TEXT, "spans": spans}
    assert claims_table(record) is None
    assert "claims" not in _render(records_table(record))
