"""The ``extract --table`` view of a record: its spans, then the claim of each amount.

Both tables fit 80 columns and never cut a cell: long cells wrap or fold. Input strings are
shown as text, never as rich markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text


def records_table(record: dict[str, Any]) -> Group:
    """A record's spans table, followed by its claims table when an amount has a claim."""
    tables: list[Table] = [spans_table(record)]
    claims = claims_table(record)
    if claims is not None:
        tables.append(claims)
    return Group(*tables)


def spans_table(record: dict[str, Any]) -> Table:
    """One row per span: label, text, kb_id or value with its range and unit, modifier, object.

    Label, value and modifier keep their width; the span text and the object wrap.
    """
    title = Text(f"{record['id']}: {len(record['spans'])} spans")
    table = Table(title=title, show_lines=False)
    for col, keep in (("label", True), ("text", False), ("kb_id / value", True),
                      ("modifier", True), ("object", False)):
        table.add_column(col, overflow="fold", no_wrap=keep)
    for span in record["spans"]:
        text = record["text"][span["start"] : span["end"]]
        if span["label"] == "ORG":
            table.add_row("ORG", Text(text), Text(str(span.get("kb_id") or "—")), "", "")
            continue
        value = fmt(span.get("value"))
        if span.get("value_max") is not None:
            value += f"–{fmt(span['value_max'])}"
        if span.get("unit"):
            value += f" {span['unit']}"
        table.add_row("QUANTITY", Text(text), Text(value), Text(fmt(span.get("modifier"))),
                      Text(fmt(span.get("object"))))
    return table


def claims_table(record: dict[str, Any]) -> Table | None:
    """One row per amount that has a claim: predicate, agent, source and time; None if none.

    Agent and source show the organisation's mention and its [kb_id]; time shows the ISO value
    (or "?" when the text does not fix it) above the expression; a part shows its total.
    """
    text: str = record["text"]
    kb_ids = {(s["start"], s["end"]): s.get("kb_id") for s in record["spans"]
              if s["label"] == "ORG"}
    rows = []
    for span in record["spans"]:
        claim = span.get("claim")
        if span["label"] != "QUANTITY" or not claim:
            continue
        amount = Text(text[span["start"] : span["end"]])
        part = claim.get("part_of")
        if part:
            amount.append(f"\n(part of {text[part['start'] : part['end']]})", style="dim")
        time = claim.get("time")
        when = Text("—")
        if time:
            when = Text(time.get("value") or "?")
            when.append(f"\n{text[time['start'] : time['end']]}", style="dim")
        rows.append((amount, Text(fmt(claim.get("predicate"))),
                     _org(claim.get("agent"), text, kb_ids),
                     _org(claim.get("source"), text, kb_ids), when))
    if not rows:
        return None
    table = Table(title=Text(f"{record['id']}: {len(rows)} claims"), show_lines=True)
    for col in ("amount", "predicate", "agent", "source", "time"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _org(ref: dict[str, int] | None, text: str, kb_ids: dict[tuple[int, int], Any]) -> Text:
    if not ref:
        return Text("—")
    cell = Text(text[ref["start"] : ref["end"]])
    kb_id = kb_ids.get((ref["start"], ref["end"]))
    if kb_id:
        cell.append(f"\n[{kb_id}]", style="dim")
    return cell


def fmt(value: Any) -> str:
    """A value in full, or in scientific form when it is too long for that; '—' for null."""
    from ..evaluation.tables import format_number

    return "—" if value is None else format_number(value, None)
