"""Reading documents to extract from: .txt files, JSONL files and stdin.

Every document or problem is yielded in input order; nothing is skipped
silently: a line that cannot be read becomes a :class:`Problem` naming the
file, the line and the reason.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import Errors


@dataclass(frozen=True)
class InputDoc:
    """One document to process."""

    id: str
    text: str
    source: str
    line: int
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """An input that could not be turned into a document."""

    source: str
    line: int
    reason: str
    doc_id: str | None = None
    kind: str = "malformed"


def make_problem(
    message: str,
    source: str,
    line: int,
    doc_id: str | None = None,
    *,
    kind: str = "malformed",
    **fields: Any,
) -> Problem:
    """A problem whose reason is a catalogue message filled in with its source, line and id."""
    reason = message.format(path=source, line=line, doc_id=doc_id, **fields)
    return Problem(source, line, reason, doc_id, kind=kind)


def duplicate_problem(doc: InputDoc) -> Problem:
    """The problem for a document whose id an earlier document of the run has."""
    return make_problem(Errors.E024, doc.source, doc.line, doc.id, kind="duplicate_id")


def record_to_doc(
    text: object,
    doc_id: str,
    source: str,
    line: int,
    *,
    text_field: str = "text",
    meta: dict[str, Any] | None = None,
) -> InputDoc | Problem:
    """One record's text as a document, or the problem that keeps it from being one.

    The text may come as bytes (decoded as UTF-8) or as a string; anything else,
    undecodable bytes and blank text become problems. Every reader turns its
    records into documents here, so that a bad record reads the same in any format.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            return make_problem(
                Errors.E022, source, line, doc_id, kind="invalid_utf8", reason=exc.reason
            )
    if not isinstance(text, str):
        got = "no value" if text is None else f"a value of type {type(text).__name__}"
        return make_problem(Errors.E025, source, line, doc_id, field=text_field, got=got)
    if not text.strip():
        return make_problem(Errors.E023, source, line, doc_id, kind="empty")
    return InputDoc(doc_id, text, source, line, dict(meta or {}))


def _from_jsonl_lines(
    lines: Iterable[bytes], source: str, *, text_field: str, id_field: str, stem: str
) -> Iterator[InputDoc | Problem]:
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield make_problem(Errors.E022, source, number, kind="invalid_utf8", reason=exc.reason)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield make_problem(Errors.E020, source, number, reason=f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield make_problem(Errors.E020, source, number, reason=f"a JSON {type(obj).__name__}")
            continue
        doc_id = obj.get(id_field)
        doc_id = str(doc_id) if doc_id is not None else f"{stem}:{number}"
        meta = obj.get("meta")
        yield record_to_doc(
            obj.get(text_field),
            doc_id,
            source,
            number,
            text_field=text_field,
            meta=meta if isinstance(meta, dict) else None,
        )


def read_inputs(
    paths: Iterable[str],
    *,
    text_field: str = "text",
    id_field: str = "id",
    stdin: TextIO | None = None,
) -> Iterator[InputDoc | Problem]:
    """Documents and problems from .txt files, .jsonl files and '-' (stdin), in order."""
    seen: set[str] = set()
    for path in paths:
        for item in _read_one(path, text_field=text_field, id_field=id_field, stdin=stdin):
            if isinstance(item, InputDoc):
                if item.id in seen:
                    yield duplicate_problem(item)
                    continue
                seen.add(item.id)
            yield item


def _read_one(
    path: str, *, text_field: str, id_field: str, stdin: TextIO | None
) -> Iterator[InputDoc | Problem]:
    if path == "-":
        stream = stdin or sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
        if data.lstrip().startswith(b"{"):
            yield from _from_jsonl_lines(
                data.splitlines(), "<stdin>", text_field=text_field, id_field=id_field, stem="stdin"
            )
        else:
            yield record_to_doc(data, "stdin", "<stdin>", 1)
        return
    p = Path(path)
    if not p.is_file():
        reason = "a path that is not a readable file"
        yield make_problem(Errors.E021, path, 0, kind="unreadable_file", reason=reason)
        return
    if p.suffix == ".jsonl":
        with p.open("rb") as handle:
            yield from _from_jsonl_lines(
                handle, path, text_field=text_field, id_field=id_field, stem=p.stem
            )
    elif p.suffix == ".txt":
        yield record_to_doc(p.read_bytes(), p.stem, path, 1)
    else:
        reason = f"a file with suffix {p.suffix!r}"
        yield make_problem(Errors.E021, path, 0, kind="unsupported_file", reason=reason)
