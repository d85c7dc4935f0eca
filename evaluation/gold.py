"""The gold format (../shared/ANNOTATION.md) in one place: labels, record types, validator,
reader and writer.

Every module that reads or writes gold-format JSONL imports from here (the pipeline's
records, the classifier's training data, the scorer, the importers, the CLI). It needs
only the standard library and the evaluation message catalogue, so the pipeline can import
it without numpy or scikit-learn.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypedDict

from .messages import GoldFormatError

LABELS: tuple[str, ...] = ("ORG", "QUANTITY")
MODIFIERS: tuple[str, ...] = ("approx", "min", "max", "range")
ORG_KEYS: tuple[str, ...] = ("kb_id",)
QUANTITY_KEYS: tuple[str, ...] = ("value", "value_max", "unit", "modifier", "object")
CLAIM_KEYS: tuple[str, ...] = ("predicate", "agent", "source", "part_of", "time")
# claim key -> label of the span a span ref must point to
CLAIM_REFS: dict[str, str] = {"agent": "ORG", "source": "ORG", "part_of": "QUANTITY"}
# ISO 8601 date (year, year-month, full date) or interval of them; '..' opens an end
_ISO_DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
ISO_TIME = re.compile(rf"^(?:{_ISO_DATE}|(?:{_ISO_DATE}|\.\.)/(?:{_ISO_DATE}|\.\.))$")


class SpanRef(TypedDict):
    """A reference to another span of the same document, by its offsets."""

    start: int
    end: int


class TimeRef(TypedDict):
    """The expression that places a claim in time, and its ISO 8601 value (or null)."""

    start: int
    end: int
    value: str | None


class Claim(TypedDict):
    """The claim frame of a QUANTITY span (ANNOTATION.md, "Extension: claim frames")."""

    predicate: str | None
    agent: SpanRef | None
    source: SpanRef | None
    part_of: SpanRef | None
    time: TimeRef | None


class _SpanBase(TypedDict):
    start: int
    end: int


class OrgSpan(_SpanBase):
    """An ORG span."""

    label: Literal["ORG"]
    kb_id: str | None


class _QuantityBase(_SpanBase):
    label: Literal["QUANTITY"]
    value: float | None
    value_max: float | None
    unit: str | None
    modifier: str | None
    object: str | None


class QuantitySpan(_QuantityBase, total=False):
    """A QUANTITY span; ``claim`` is optional."""

    claim: Claim | None


GoldSpan = OrgSpan | QuantitySpan


class _DocumentBase(TypedDict):
    id: str
    text: str
    spans: list[GoldSpan]


class GoldDocument(_DocumentBase, total=False):
    """One line of a gold-format file; ``meta`` is optional."""

    meta: dict[str, Any]


# Code that reads documents (and tolerates extra keys) works on plain dicts.
GoldDoc = dict[str, Any]

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
    doc: object,
    *,
    file: str | None = None,
    line: int | None = None,
    require_attributes: bool = True,
) -> list[GoldFormatError]:
    """All format errors of one parsed document (empty list when valid).

    ``require_attributes=False`` accepts spans without their attribute keys (span-only
    training data); attributes that are present are still checked.
    """
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
        for key in keys if require_attributes else ():
            if key not in span:
                err("span_missing_key", span=loc, key=key, label=label, keys=", ".join(keys))
        _check_attribute_types(span, label, where, loc, with_attributes, err)

    placed.sort()
    for (s1, e1), (s2, e2) in itertools.pairwise(placed):
        if s2 < e1:
            err("overlap", span=(s2, e2), start=s2, end=e2, other_start=s1, other_end=e1)
    _check_claims(spans, text, err)
    return errors


def _span_label_at(spans: list[Any]) -> dict[tuple[int, int], str]:
    return {(s["start"], s["end"]): s["label"] for s in spans
            if isinstance(s, dict) and _is_int(s.get("start")) and _is_int(s.get("end"))
            and isinstance(s.get("label"), str)}


def _check_claims(spans: list[Any], text: str | None, err: Any) -> None:
    """Check every ``claim``: keys, types, span refs pointing at spans of the right label."""
    labels_at = _span_label_at(spans)
    for index, span in enumerate(spans):
        if not isinstance(span, dict) or span.get("claim") is None:
            continue
        where = f"spans[{index}].claim"
        loc = None
        if _is_int(span.get("start")) and _is_int(span.get("end")):
            loc = (span["start"], span["end"])
        claim = span["claim"]
        if span.get("label") != "QUANTITY":
            err("claim_not_quantity", span=loc, label=span.get("label"))
            continue
        if not isinstance(claim, dict):
            err("wrong_type", span=loc, field=where, expected="an object or null",
                got=_type_name(claim), value=_short(claim))
            continue
        for key in CLAIM_KEYS:
            if key not in claim:
                err("claim_missing_key", span=loc, key=key, keys=", ".join(CLAIM_KEYS))
        predicate = claim.get("predicate")
        if predicate is not None and (not isinstance(predicate, str) or not predicate.strip()):
            err("wrong_type", span=loc, field=f"{where}.predicate",
                expected="a non-empty string (a lemma) or null", got=_type_name(predicate),
                value=_short(predicate))
        for key, wanted in CLAIM_REFS.items():
            ref = claim.get(key)
            if ref is None:
                continue
            if not _is_ref(ref):
                err("wrong_type", span=loc, field=f"{where}.{key}",
                    expected='a span ref {"start": int, "end": int} or null',
                    got=_type_name(ref), value=_short(ref))
                continue
            found = labels_at.get((ref["start"], ref["end"]))
            if found != wanted or (key == "part_of" and (ref["start"], ref["end"]) == loc):
                err("claim_ref", span=loc, key=key, start=ref["start"], end=ref["end"],
                    wanted=wanted, found="no span" if found is None else f"a {found} span")
        _check_time(claim.get("time"), text, where, loc, err)


def _is_ref(ref: object) -> bool:
    return (isinstance(ref, dict) and _is_int(ref.get("start")) and _is_int(ref.get("end")))


def _check_time(time: object, text: str | None, where: str, loc: tuple[int, int] | None,
                err: Any) -> None:
    if time is None:
        return
    if not _is_ref(time) or not isinstance(time, dict) or "value" not in time:
        err("wrong_type", span=loc, field=f"{where}.time",
            expected='{"start": int, "end": int, "value": ISO 8601 string or null} or null',
            got=_type_name(time), value=_short(time))
        return
    start, end = time["start"], time["end"]
    if start >= end or start < 0 or (text is not None and end > len(text)):
        err("claim_time_range", span=loc, start=start, end=end,
            length=len(text) if text is not None else "?")
    value = time["value"]
    if value is not None and (not isinstance(value, str) or not ISO_TIME.match(value)):
        err("claim_time_value", span=loc, value=_short(value))


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
    low, high = span.get("value"), span.get("value_max")
    if (isinstance(low, int | float) and isinstance(high, int | float)
            and _is_number(low) and _is_number(high)
            and math.isfinite(low) and math.isfinite(high) and high < low):
        err("value_max_below", span=loc, value=low, value_max=high)
    for key in ("unit", "object"):
        if key in span and span[key] is not None and not isinstance(span[key], str):
            wrong(key, "a string or null")
    if "modifier" in span and span["modifier"] is not None:
        modifier = span["modifier"]
        if not isinstance(modifier, str):
            wrong("modifier", "a string or null")
        elif modifier not in MODIFIERS:
            err("bad_modifier", span=loc, value=modifier, allowed=", ".join(MODIFIERS))


def _iter_checked(
    path: Path, require_attributes: bool = True
) -> Iterator[tuple[int, GoldDoc | None, list[GoldFormatError]]]:
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
            errors = validate_document(doc, file=file, line=number,
                                       require_attributes=require_attributes)
            if isinstance(doc, dict) and isinstance(doc.get("id"), str):
                doc_id = doc["id"]
                if doc_id in seen:
                    errors.append(GoldFormatError("duplicate_id", file=file, line=number,
                                                  doc_id=doc_id, first_line=seen[doc_id]))
                elif not errors:
                    seen[doc_id] = number
            yield number, (doc if isinstance(doc, dict) else None), errors


def read_gold(path: str | Path, *, require_attributes: bool = True) -> list[GoldDoc]:
    """Documents of a gold-format JSONL file; raise ``GoldFormatError`` on the first error.

    A file that cannot be opened raises ``GoldFormatError`` (code ``unreadable``) too.
    """
    documents: list[GoldDoc] = []
    for _, doc, errors in _iter_checked(_readable(path), require_attributes):
        if errors:
            raise errors[0]
        assert doc is not None
        documents.append(doc)
    return documents


def read_gold_collect(
    path: str | Path, *, require_attributes: bool = True
) -> tuple[list[GoldDoc], list[GoldFormatError]]:
    """Valid documents and every error; a line with errors is skipped and listed, never silently."""
    documents: list[GoldDoc] = []
    all_errors: list[GoldFormatError] = []
    for _, doc, errors in _iter_checked(_readable(path), require_attributes):
        if errors:
            all_errors.extend(errors)
        elif doc is not None:
            documents.append(doc)
    return documents, all_errors


def _readable(path: str | Path) -> Path:
    """``path`` when it is a readable file, else ``GoldFormatError`` saying why."""
    target = Path(path)
    if target.is_dir():
        raise GoldFormatError("unreadable", file=str(target), reason="it is a directory")
    try:
        with target.open("rb"):
            pass
    except OSError as exc:
        raise GoldFormatError("unreadable", file=str(target),
                              reason=exc.strerror or type(exc).__name__) from exc
    return target


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
    try:
        with target.open("w", encoding="utf-8") as handle:
            for doc in docs:
                handle.write(json.dumps(doc, ensure_ascii=False, allow_nan=False) + "\n")
    except OSError as exc:
        raise GoldFormatError("unwritable", file=str(target),
                              reason=exc.strerror or type(exc).__name__) from exc


class FileReport(NamedTuple):
    """What ``validate_files`` found in one file."""

    path: Path
    n_documents: int
    n_claims: int
    errors: list[GoldFormatError]
    unreadable: bool


def validate_files(
    paths: Iterable[str | Path], *, require_attributes: bool = True
) -> list[FileReport]:
    """Every format error of every file (a file that cannot be read is one error)."""
    reports = []
    for path in paths:
        target = Path(path)
        try:
            docs, errors = read_gold_collect(target, require_attributes=require_attributes)
        except GoldFormatError as exc:
            reports.append(FileReport(target, 0, 0, [exc], True))
            continue
        n_claims = sum(1 for doc in docs for span in doc["spans"]
                       if span.get("claim") is not None)
        reports.append(FileReport(target, len(docs), n_claims, errors, False))
    return reports
