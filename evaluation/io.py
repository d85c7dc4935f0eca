"""Read, validate, write and pair gold-format JSONL (the contract in ../shared/ANNOTATION.md)."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .messages import GoldFormatError

GoldDoc = dict[str, Any]

LABELS: tuple[str, ...] = ("ORG", "QUANTITY")
MODIFIERS: tuple[str, ...] = ("approx", "min", "max", "range")
ORG_KEYS: tuple[str, ...] = ("kb_id",)
QUANTITY_KEYS: tuple[str, ...] = ("value", "value_max", "unit", "modifier", "object")

_KEY_HINTS = {
    "id": "a unique string",
    "text": "the document text",
    "spans": "a list, [] when nothing is annotated",
}


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if _jsonable(value) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _jsonable(value: object) -> bool:
    try:
        json.dumps(value, allow_nan=True)
    except (TypeError, ValueError):
        return False
    return True


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def attributes_scored(doc: GoldDoc) -> bool:
    """Whether the document's QUANTITY attributes are annotated (``meta.attributes`` not false)."""
    meta = doc.get("meta")
    return not (isinstance(meta, dict) and meta.get("attributes") is False)


def validate_document(
    doc: object, *, file: str | None = None, line: int | None = None
) -> list[GoldFormatError]:
    """All format errors of one parsed document (empty list when valid)."""
    if not isinstance(doc, dict):
        return [GoldFormatError("not_object", file=file, line=line, got=_type_name(doc))]
    errors: list[GoldFormatError] = []
    raw_id = doc.get("id")
    doc_id = raw_id if isinstance(raw_id, str) else (None if raw_id is None else str(raw_id))

    def err(code: str, span: tuple[int, int] | None = None, **params: Any) -> None:
        errors.append(
            GoldFormatError(code, file=file, line=line, doc_id=doc_id, span=span, **params)
        )

    for key in ("id", "text", "spans"):
        if key not in doc:
            err("missing_key", key=key, hint=_KEY_HINTS[key])
    if "id" in doc:
        if not isinstance(raw_id, str):
            err("wrong_type", field="id", expected="a string", got=_type_name(raw_id),
                value=_short(raw_id))
        elif not raw_id.strip():
            err("empty_id")
    text = doc.get("text")
    if "text" in doc and not isinstance(text, str):
        err("wrong_type", field="text", expected="a string", got=_type_name(text),
            value=_short(text))
        text = None
    meta = doc.get("meta")
    if meta is not None and not isinstance(meta, dict):
        err("wrong_type", field="meta", expected="an object", got=_type_name(meta),
            value=_short(meta))
    spans = doc.get("spans")
    if "spans" in doc and not isinstance(spans, list):
        err("wrong_type", field="spans", expected="a list", got=_type_name(spans),
            value=_short(spans))
        spans = None
    if not isinstance(spans, list):
        return errors

    with_attributes = attributes_scored(doc)
    placed: list[tuple[int, int]] = []
    for index, span in enumerate(spans):
        where = f"spans[{index}]"
        if not isinstance(span, dict):
            err("wrong_type", field=where, expected="an object", got=_type_name(span),
                value=_short(span))
            continue
        start, end = span.get("start"), span.get("end")
        offsets_ok = True
        for key, value in (("start", start), ("end", end)):
            if key not in span:
                err("span_missing_key", key=key, label=span.get("label", "all"),
                    keys="start, end, label")
                offsets_ok = False
            elif not _is_int(value):
                err("wrong_type", field=f"{where}.{key}", expected="an integer",
                    got=_type_name(value), value=_short(value))
                offsets_ok = False
        loc: tuple[int, int] | None = None
        if offsets_ok and isinstance(start, int) and isinstance(end, int):
            loc = (start, end)
        if loc is not None:
            s, e = loc
            if s >= e:
                err("empty_span", span=loc, start=s, end=e)
            elif text is not None and (s < 0 or e > len(text)):
                err("offset_range", span=loc, start=s, end=e, length=len(text))
            else:
                placed.append(loc)
        label = span.get("label")
        if "label" not in span:
            err("span_missing_key", span=loc, key="label", label="all", keys="start, end, label")
            continue
        if not isinstance(label, str):
            err("wrong_type", span=loc, field=f"{where}.label", expected="a string",
                got=_type_name(label), value=_short(label))
            continue
        if label not in LABELS:
            err("unknown_label", span=loc, label=label, allowed=", ".join(LABELS))
            continue
        keys = ORG_KEYS if label == "ORG" else QUANTITY_KEYS
        for key in keys:
            if key not in span:
                err("span_missing_key", span=loc, key=key, label=label, keys=", ".join(keys))
        _check_attribute_types(span, label, where, loc, with_attributes, err)

    placed.sort()
    for (s1, e1), (s2, e2) in itertools.pairwise(placed):
        if s2 < e1:
            err("overlap", span=(s2, e2), start=s2, end=e2, other_start=s1, other_end=e1)
    return errors


def _check_attribute_types(
    span: dict[str, Any],
    label: str,
    where: str,
    loc: tuple[int, int] | None,
    with_attributes: bool,
    err: Any,
) -> None:
    def wrong(key: str, expected: str) -> None:
        value = span[key]
        err("wrong_type", span=loc, field=f"{where}.{key}", expected=expected,
            got=_type_name(value), value=_short(value))

    if label == "ORG":
        if "kb_id" in span and span["kb_id"] is not None and not isinstance(span["kb_id"], str):
            wrong("kb_id", "a string or null")
        return
    for key in ("value", "value_max"):
        if key not in span:
            continue
        value = span[key]
        if value is None:
            if key == "value" and with_attributes:
                err("null_value", span=loc)
        elif not _is_number(value) or not math.isfinite(value):
            wrong(key, "a finite number" + (" or null" if key == "value_max" else ""))
    for key in ("unit", "object"):
        if key in span and span[key] is not None and not isinstance(span[key], str):
            wrong(key, "a string or null")
    if "modifier" in span and span["modifier"] is not None:
        modifier = span["modifier"]
        if not isinstance(modifier, str):
            wrong("modifier", "a string or null")
        elif modifier not in MODIFIERS:
            err("bad_modifier", span=loc, value=modifier, allowed=", ".join(MODIFIERS))


def _iter_checked(path: Path) -> Iterator[tuple[int, GoldDoc | None, list[GoldFormatError]]]:
    """(line number, document or None, its errors) for every non-blank line of ``path``."""
    file = str(path)
    seen: dict[str, int] = {}
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, None, [GoldFormatError("bad_encoding", file=file, line=number,
                                                     detail=str(exc))]
                continue
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, [GoldFormatError("bad_json", file=file, line=number,
                                                     detail=f"{exc.msg} at column {exc.colno}")]
                continue
            errors = validate_document(doc, file=file, line=number)
            if isinstance(doc, dict) and isinstance(doc.get("id"), str):
                doc_id = doc["id"]
                if doc_id in seen:
                    errors.append(GoldFormatError("duplicate_id", file=file, line=number,
                                                  doc_id=doc_id, first_line=seen[doc_id]))
                elif not errors:
                    seen[doc_id] = number
            yield number, (doc if isinstance(doc, dict) else None), errors


def read_gold(path: str | Path) -> list[GoldDoc]:
    """Documents of a gold-format JSONL file; raise ``GoldFormatError`` on the first error."""
    documents: list[GoldDoc] = []
    for _, doc, errors in _iter_checked(Path(path)):
        if errors:
            raise errors[0]
        assert doc is not None
        documents.append(doc)
    return documents


def read_gold_collect(path: str | Path) -> tuple[list[GoldDoc], list[GoldFormatError]]:
    """Valid documents and every error; a line with errors is skipped and listed, never silently."""
    documents: list[GoldDoc] = []
    all_errors: list[GoldFormatError] = []
    for _, doc, errors in _iter_checked(Path(path)):
        if errors:
            all_errors.extend(errors)
        elif doc is not None:
            documents.append(doc)
    return documents, all_errors


def validate_documents(docs: Iterable[object], *, file: str | None = None) -> None:
    """Raise ``GoldFormatError`` for the first invalid document (line = 1-based position)."""
    seen: dict[str, int] = {}
    for number, doc in enumerate(docs, start=1):
        errors = validate_document(doc, file=file, line=number)
        if errors:
            raise errors[0]
        assert isinstance(doc, dict)
        if doc["id"] in seen:
            raise GoldFormatError("duplicate_id", file=file, line=number, doc_id=doc["id"],
                                  first_line=seen[doc["id"]])
        seen[doc["id"]] = number


def write_gold(docs: Sequence[GoldDoc], path: str | Path) -> None:
    """Validate ``docs`` and write them as UTF-8 JSONL, one document per line."""
    target = Path(path)
    validate_documents(docs, file=str(target))
    with target.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False, allow_nan=False) + "\n")


@dataclass
class Pairing:
    """Gold and prediction documents aligned by id, with what did not align."""

    pairs: list[tuple[GoldDoc, GoldDoc | None]] = field(default_factory=list)
    missing_in_pred: list[str] = field(default_factory=list)
    missing_in_gold: list[str] = field(default_factory=list)
    text_mismatch: list[str] = field(default_factory=list)
    mismatch_errors: list[GoldFormatError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The pairing report as a JSON-ready dict (documents left out)."""
        return {
            "n_paired": sum(1 for _, pred in self.pairs if pred is not None),
            "missing_in_pred": list(self.missing_in_pred),
            "missing_in_gold": list(self.missing_in_gold),
            "text_mismatch": list(self.text_mismatch),
        }


def _first_difference(a: str, b: str) -> int:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))


def pair_documents(
    gold: Sequence[GoldDoc],
    pred: Sequence[GoldDoc],
    *,
    gold_file: str = "gold",
    pred_file: str = "prediction",
) -> Pairing:
    """Align documents by id in gold order; a gold id absent from ``pred`` pairs with None.

    Documents whose texts differ are left out of ``pairs`` and listed in ``text_mismatch``.
    """
    by_id = {doc["id"]: doc for doc in pred}
    gold_ids = {doc["id"] for doc in gold}
    result = Pairing()
    for doc in gold:
        other = by_id.get(doc["id"])
        if other is None:
            result.missing_in_pred.append(doc["id"])
            result.pairs.append((doc, None))
        elif other["text"] != doc["text"]:
            position = _first_difference(doc["text"], other["text"])
            result.text_mismatch.append(doc["id"])
            result.mismatch_errors.append(GoldFormatError(
                "text_mismatch", file=pred_file, doc_id=doc["id"], gold_file=gold_file,
                pred_file=pred_file, position=position,
                gold_snippet=doc["text"][position:position + 20],
                pred_snippet=other["text"][position:position + 20]))
        else:
            result.pairs.append((doc, other))
    result.missing_in_gold = [doc["id"] for doc in pred if doc["id"] not in gold_ids]
    return result
