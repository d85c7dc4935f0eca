"""Atomic files, the Parquet tables, shards and the manifest that lists them."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..claim_rows import claim_rows, claim_schema
from .settings import CLAIMS_DIR, DOCUMENTS_DIR, ERRORS_DIR, MANIFEST, SPANS_DIR
from .workers import Outcome

if TYPE_CHECKING:
    import pyarrow as pa

# --- atomic files ------------------------------------------------------------------


def atomic_write(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write a file through a temporary file, fsync it, and rename it into place."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Make renames in a directory durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _json_line(obj: Any) -> bytes:
    return json_bytes(obj) + b"\n"


def json_bytes(obj: Any, indent: int | None = None) -> bytes:
    """UTF-8 JSON; strings that UTF-8 cannot hold (lone surrogates) are escaped."""
    try:
        return json.dumps(obj, ensure_ascii=False, indent=indent).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj, indent=indent).encode("ascii")


# --- Parquet ---------------------------------------------------------------------

# metadata fields that get a column of their own in the documents table (all of meta is in "meta")
DOCUMENT_META_COLUMNS = ("url", "date", "title", "headline", "category", "lang")


def span_schema() -> pa.Schema:
    """Columns of the spans Parquet files: one row per span."""
    import pyarrow as pa

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("input_file", pa.string()),
            ("input_position", pa.int64()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("label", pa.string()),
            ("text", pa.string()),
            ("kb_id", pa.string()),
            ("value", pa.float64()),
            ("value_max", pa.float64()),
            ("unit", pa.string()),
            ("modifier", pa.string()),
            ("object", pa.string()),
            ("span_origin", pa.string()),
        ]
    )


def document_schema() -> pa.Schema:
    """Columns of the documents Parquet files: one row per output document."""
    import pyarrow as pa

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("input_file", pa.string()),
            ("input_position", pa.int64()),
            ("chars", pa.int64()),
            ("words", pa.int64()),
            ("org_spans", pa.int64()),
            ("quantity_spans", pa.int64()),
            ("split_pieces", pa.int64()),
            *[(f"meta_{name}", pa.string()) for name in DOCUMENT_META_COLUMNS],
            ("meta", pa.string()),
        ]
    )


def span_rows(record: dict[str, Any], source: str, position: int) -> list[dict[str, Any]]:
    """Flat rows for a record's spans."""
    text = record["text"]
    rows = []
    for span in record["spans"]:
        value, value_max = span.get("value"), span.get("value_max")
        rows.append(
            {
                "doc_id": record["id"],
                "input_file": source,
                "input_position": position,
                "start": span["start"],
                "end": span["end"],
                "label": span["label"],
                "text": span.get("text", text[span["start"] : span["end"]]),
                "kb_id": span.get("kb_id"),
                "value": _float(value),
                "value_max": _float(value_max),
                "unit": span.get("unit"),
                "modifier": span.get("modifier"),
                "object": span.get("object"),
                "span_origin": span.get("source"),
            }
        )
    return rows


def _float(value: Any) -> float | None:
    """A span value as a float column; a value beyond float range is null (the JSONL keeps it)."""
    try:
        return None if value is None else float(value)
    except OverflowError:
        return None


def document_row(record: dict[str, Any], source: str, position: int, words: int) -> dict[str, Any]:
    """One row of the documents table: where the document came from, its size, spans and meta."""
    meta = dict(record.get("meta") or {})
    split = (meta.pop("provenance", None) or {}).get("split")
    labels = Counter(s["label"] for s in record["spans"])
    row: dict[str, Any] = {
        "doc_id": record["id"],
        "input_file": source,
        "input_position": position,
        "chars": len(record["text"]),
        "words": words,
        "org_spans": labels["ORG"],
        "quantity_spans": labels["QUANTITY"],
        "split_pieces": len(split["pieces"]) if split else 1,
    }
    for name in DOCUMENT_META_COLUMNS:
        value = meta.get(name)
        row[f"meta_{name}"] = None if value is None else str(value)
    row["meta"] = json_bytes(meta).decode("utf-8") if meta else None
    return row


# --- shards and the manifest -------------------------------------------------------


def shard_names(index: int) -> dict[str, str]:
    """File names of a shard, relative to the output directory.

    The Parquet tables live in folders of their own, so that ``pd.read_parquet(out / "spans")``
    or ``duckdb 'out/spans/*.parquet'`` reads one table.
    """
    return {
        "jsonl": f"shard-{index:05d}.jsonl",
        "parquet": f"{SPANS_DIR}/spans-{index:05d}.parquet",
        "documents": f"{DOCUMENTS_DIR}/documents-{index:05d}.parquet",
        "claims": f"{CLAIMS_DIR}/claims-{index:05d}.parquet",
        "errors": f"{ERRORS_DIR}/errors-{index:05d}.jsonl",
    }


class OpenShard:
    """A shard being filled: JSONL streamed to a temporary file, table rows in memory."""

    def __init__(self, out_dir: Path, index: int, formats: tuple[str, ...]) -> None:
        self.out_dir = out_dir
        self.index = index
        self.formats = formats
        self.names = shard_names(index)
        self.jsonl: IO[bytes] | None = None
        if "jsonl" in formats:
            self.jsonl = (out_dir / (self.names["jsonl"] + ".tmp")).open("wb")
        self.rows: list[dict[str, Any]] = []
        self.doc_rows: list[dict[str, Any]] = []
        self.claim_rows: list[dict[str, Any]] = []
        self.entries: list[dict[str, Any]] = []
        self.first: dict[str, Any] | None = None
        self.last: dict[str, Any] | None = None
        self.documents = 0
        self.words = 0
        self.spans: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.warnings: Counter[str] = Counter()

    def add(self, outcome: Outcome) -> None:
        where = {"source": outcome.source, "position": outcome.position}
        self.first = self.first or where
        self.last = where
        for item in outcome.entries:
            self.entries.append({**item, "ordinal": outcome.ordinal})
            (self.warnings if item["level"] == "warning" else self.errors)[item["kind"]] += 1
        if outcome.record is None:
            return
        self.documents += 1
        self.words += outcome.words
        self.spans.update(s["label"] for s in outcome.record["spans"])
        if self.jsonl is not None:
            self.jsonl.write(_json_line(outcome.record))
        if "parquet" in self.formats:
            self.rows.extend(span_rows(outcome.record, outcome.source, outcome.position))
            self.doc_rows.append(
                document_row(outcome.record, outcome.source, outcome.position, outcome.words)
            )
            self.claim_rows.extend(claim_rows(outcome.record, outcome.source, outcome.position))

    def commit(self, end: int, shard_size: int) -> dict[str, Any]:
        """Make the shard's files durable and return its manifest entry."""
        files: dict[str, str] = {}
        if self.jsonl is not None:
            self.jsonl.flush()
            os.fsync(self.jsonl.fileno())
            self.jsonl.close()
            os.replace(
                self.out_dir / (self.names["jsonl"] + ".tmp"), self.out_dir / self.names["jsonl"]
            )
            files["jsonl"] = self.names["jsonl"]
        if "parquet" in self.formats:
            import pyarrow as pa
            import pyarrow.parquet as pq

            for key, rows, schema in (
                ("parquet", self.rows, span_schema()),
                ("documents", self.doc_rows, document_schema()),
                ("claims", self.claim_rows, claim_schema()),
            ):
                table = pa.Table.from_pylist(rows, schema=schema)
                atomic_write(self.out_dir / self.names[key], partial(pq.write_table, table))
                files[key] = self.names[key]
        entries = self.entries
        atomic_write(
            self.out_dir / self.names["errors"], lambda h: h.writelines(map(_json_line, entries))
        )
        files["errors"] = self.names["errors"]
        fsync_dir(self.out_dir)
        return {
            "index": self.index,
            "ordinals": [self.index * shard_size, end],
            "first": self.first,
            "last": self.last,
            "documents": self.documents,
            "words": self.words,
            "spans": dict(sorted(self.spans.items())),
            "errors": dict(sorted(self.errors.items())),
            "warnings": dict(sorted(self.warnings.items())),
            "files": files,
        }

    def abandon(self) -> None:
        if self.jsonl is not None:
            self.jsonl.close()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_manifest(out_dir: Path) -> dict[str, Any] | None:
    """The manifest of an output directory, or None."""
    path = out_dir / MANIFEST
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    """Replace manifest.json atomically."""
    manifest["updated"] = now_iso()
    data = json_bytes(manifest, indent=1)
    atomic_write(out_dir / MANIFEST, lambda h: h.write(data))


def manifest_totals(manifest: dict[str, Any]) -> dict[str, Any]:
    """Counts over the committed shards."""
    totals: dict[str, Any] = {"items": 0, "documents": 0, "words": 0}
    spans: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for shard in manifest["shards"]:
        lo, hi = shard["ordinals"]
        totals["items"] += hi - lo
        totals["documents"] += shard["documents"]
        totals["words"] += shard["words"]
        spans.update(shard["spans"])
        errors.update(shard["errors"])
        warnings.update(shard["warnings"])
    totals["spans"] = dict(sorted(spans.items()))
    totals["errors"] = dict(sorted(errors.items()))
    totals["warnings"] = dict(sorted(warnings.items()))
    totals["shards"] = len(manifest["shards"])
    return totals



def read_shards(output_dir: Path) -> Iterator[dict[str, Any]]:
    """The records of a run's committed JSONL shards, in input order."""
    manifest = read_manifest(output_dir)
    if manifest is None:
        return
    for shard in manifest["shards"]:
        name = shard["files"].get("jsonl")
        if name is None:
            continue
        with (output_dir / name).open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)
