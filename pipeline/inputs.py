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


def _from_jsonl_lines(
    lines: Iterable[bytes], source: str, *, text_field: str, id_field: str, stem: str
) -> Iterator[InputDoc | Problem]:
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Problem(
                source,
                number,
                Errors.E022.format(path=source, line=number, reason=exc.reason),
                kind="invalid_utf8",
            )
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(
                source,
                number,
                Errors.E020.format(path=source, line=number, reason=f"invalid JSON ({exc.msg})"),
            )
            continue
        if not isinstance(obj, dict):
            yield Problem(
                source,
                number,
                Errors.E020.format(path=source, line=number, reason=f"a JSON {type(obj).__name__}"),
            )
            continue
        text = obj.get(text_field)
        doc_id = obj.get(id_field)
        doc_id = str(doc_id) if doc_id is not None else f"{stem}:{number}"
        if not isinstance(text, str):
            yield Problem(
                source,
                number,
                Errors.E020.format(
                    path=source, line=number, reason=f"no string field {text_field!r}"
                ),
                doc_id,
            )
            continue
        if not text.strip():
            yield Problem(
                source,
                number,
                Errors.E023.format(path=source, line=number, doc_id=doc_id),
                doc_id,
                kind="empty",
            )
            continue
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        yield InputDoc(doc_id, text, source, number, dict(meta or {}))


def _from_text(data: bytes, source: str, doc_id: str) -> Iterator[InputDoc | Problem]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield Problem(
            source,
            1,
            Errors.E022.format(path=source, line=1, reason=exc.reason),
            doc_id,
            kind="invalid_utf8",
        )
        return
    if not text.strip():
        yield Problem(
            source, 1, Errors.E023.format(path=source, line=1, doc_id=doc_id), doc_id, kind="empty"
        )
        return
    yield InputDoc(doc_id, text, source, 1)


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
                    yield Problem(
                        item.source,
                        item.line,
                        Errors.E024.format(path=item.source, doc_id=item.id, line=item.line),
                        item.id,
                        kind="duplicate_id",
                    )
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
            yield from _from_text(data, "<stdin>", "stdin")
        return
    p = Path(path)
    if not p.is_file():
        yield Problem(
            path,
            0,
            Errors.E021.format(path=path, reason="a path that is not a readable file"),
            kind="unreadable_file",
        )
        return
    if p.suffix == ".jsonl":
        with p.open("rb") as handle:
            yield from _from_jsonl_lines(
                handle, path, text_field=text_field, id_field=id_field, stem=p.stem
            )
    elif p.suffix == ".txt":
        yield from _from_text(p.read_bytes(), path, p.stem)
    else:
        yield Problem(
            path,
            0,
            Errors.E021.format(path=path, reason=f"a file with suffix {p.suffix!r}"),
            kind="unsupported_file",
        )
