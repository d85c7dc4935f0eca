"""Rows of the ``claims`` Parquet table: one per amount, its claim frame flattened.

Pure Python (pyarrow only for the schema). Agent and source are resolved to the kb_id of
the ORG span they point to and a name (the knowledge base's French name when the kb_id is
known, else the mention); the claim's ISO 8601 time value becomes a start and an end date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

# the document's provenance, copied on every row so that one table answers a query
PROVENANCE_COLUMNS = ("pipeline_version", "config_hash")
META_COLUMNS = ("date", "url", "title")
# the claim attributes whose rule (the record's evidence key ``claim_rules``) gets a column
CLAIM_SLOTS = ("predicate", "agent", "source", "part_of", "time")

_ISO_DATE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")


def iso_bounds(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day an ISO 8601 date or interval covers; None for an open end.

    "2023" gives 2023-01-01 and 2023-12-31, "2024-01/2024-09" gives 2024-01-01 and
    2024-09-30, "2016/.." gives 2016-01-01 and None, "2024-01/09" (end written short)
    gives 2024-01-01 and 2024-09-30. A value that is no date (or None) gives (None, None);
    the table keeps the value as written beside the dates.
    """
    if not value:
        return None, None
    first, sep, last = value.strip().partition("/")
    if not sep:
        return _first_day(first), _last_day(first)
    if last and first and first != ".." and last != ".." and len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # "2024-01/09": the end keeps the year
    start = None if first in ("", "..") else _first_day(first)
    end = None if last in ("", "..") else _last_day(last)
    if (start is None and first not in ("", "..")) or (end is None and last not in ("", "..")):
        return None, None
    if start is not None and end is not None and end < start:
        return None, None
    return start, end


def _parts(text: str) -> tuple[int, int | None, int | None] | None:
    m = _ISO_DATE.fullmatch(text)
    if m is None:
        return None
    month = int(m["m"]) if m["m"] else None
    day = int(m["d"]) if m["d"] else None
    if month is not None and not 1 <= month <= 12:
        return None
    return int(m["y"]), month, day


def _first_day(text: str) -> date | None:
    parts = _parts(text)
    if parts is None:
        return None
    year, month, day = parts
    try:
        return date(year, month or 1, day or 1)
    except ValueError:
        return None


def _last_day(text: str) -> date | None:
    parts = _parts(text)
    if parts is None:
        return None
    year, month, day = parts
    month = month or 12
    try:
        return date(year, month, day or calendar.monthrange(year, month)[1])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _kb_names() -> dict[str, str]:
    from .kb import load_entries

    return {entry.kb_id: entry.name_fr for entry in load_entries()}


def org_name(kb_id: str | None, mention: str) -> str:
    """The name of an organisation: the knowledge base's French name, else the mention."""
    return _kb_names().get(kb_id, mention) if kb_id else mention


def claim_schema() -> pa.Schema:
    """Columns of the claims Parquet files: one row per amount (QUANTITY span)."""
    import pyarrow as pa

    def ref(name: str, *extra: tuple[str, pa.DataType]) -> list[tuple[str, pa.DataType]]:
        return [(f"{name}_start", pa.int64()), (f"{name}_end", pa.int64()), *extra]

    def org(name: str) -> list[tuple[str, pa.DataType]]:
        return ref(name, (f"{name}_text", pa.string()), (f"{name}_kb_id", pa.string()),
                   (f"{name}_name", pa.string()))

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("value", pa.float64()),
            ("value_max", pa.float64()),
            ("unit", pa.string()),
            ("modifier", pa.string()),
            ("object", pa.string()),
            ("has_claim", pa.bool_()),
            ("predicate", pa.string()),
            *org("agent"),
            *org("source"),
            *ref("part_of", ("part_of_text", pa.string())),
            *ref("time", ("time_text", pa.string()), ("time_value", pa.string())),
            ("period_start", pa.date32()),
            ("period_end", pa.date32()),
            *[(f"{slot}_rule", pa.string()) for slot in CLAIM_SLOTS],
            ("input_file", pa.string()),
            ("input_position", pa.int64()),
            *[(name, pa.string()) for name in PROVENANCE_COLUMNS],
            *[(f"meta_{name}", pa.string()) for name in META_COLUMNS],
        ]
    )


def claim_rows(record: dict[str, Any], source: str, position: int) -> list[dict[str, Any]]:
    """One row per QUANTITY span of a gold-format record (a span without a claim too)."""
    text: str = record["text"]
    meta = record.get("meta") or {}
    provenance = meta.get("provenance") or {}
    by_offsets = {(s["start"], s["end"]): s for s in record["spans"]}
    doc_cols: dict[str, Any] = {
        "input_file": source,
        "input_position": position,
        **{name: _str(provenance.get(name)) for name in PROVENANCE_COLUMNS},
        **{f"meta_{name}": _str(meta.get(name)) for name in META_COLUMNS},
    }
    rows = []
    for span in record["spans"]:
        if span["label"] != "QUANTITY":
            continue
        claim = span.get("claim") or {}
        row: dict[str, Any] = {
            "doc_id": record["id"],
            "start": span["start"],
            "end": span["end"],
            "text": text[span["start"] : span["end"]],
            "value": _float(span.get("value")),
            "value_max": _float(span.get("value_max")),
            "unit": span.get("unit"),
            "modifier": span.get("modifier"),
            "object": span.get("object"),
            "has_claim": "claim" in span and span["claim"] is not None,
            "predicate": claim.get("predicate"),
        }
        for role in ("agent", "source"):
            row.update(_org_cols(role, claim.get(role), text, by_offsets))
        part = claim.get("part_of")
        row.update(_ref_cols("part_of", part, text))
        time = claim.get("time")
        row.update(_ref_cols("time", time, text))
        row["time_value"] = time.get("value") if time else None
        row["period_start"], row["period_end"] = iso_bounds(row["time_value"])
        rules = span.get("claim_rules") or {}
        row.update({f"{slot}_rule": _str(rules.get(slot)) for slot in CLAIM_SLOTS})
        row.update(doc_cols)
        rows.append(row)
    return rows


def _ref_cols(role: str, ref: dict[str, Any] | None, text: str) -> dict[str, Any]:
    if not ref:
        return {f"{role}_start": None, f"{role}_end": None, f"{role}_text": None}
    start, end = ref["start"], ref["end"]
    return {f"{role}_start": start, f"{role}_end": end, f"{role}_text": text[start:end]}


def _org_cols(
    role: str, ref: dict[str, Any] | None, text: str, by_offsets: dict[tuple[int, int], Any]
) -> dict[str, Any]:
    cols = _ref_cols(role, ref, text)
    kb_id = None
    if ref:
        span = by_offsets.get((ref["start"], ref["end"])) or {}
        kb_id = span.get("kb_id")
    cols[f"{role}_kb_id"] = kb_id
    mention = cols[f"{role}_text"]
    cols[f"{role}_name"] = None if mention is None else org_name(kb_id, mention)
    return cols


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _float(value: Any) -> float | None:
    """A value as a float column; beyond float range it is null (the JSONL keeps it)."""
    try:
        return None if value is None else float(value)
    except (OverflowError, TypeError, ValueError):
        return None
