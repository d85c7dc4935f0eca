"""Reading documents to extract from: .txt files, JSONL files and stdin.

Every document or problem is yielded in input order; nothing is skipped
silently: a line that cannot be read becomes a :class:`Problem` naming the
file, the line and the reason. Fields other than the text and the id are kept
in the document's ``meta``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from .errors import DechiffreError, Errors, Warnings

ID_SCHEMES = ("given", "file")
DEFAULT_ENCODINGS = ("utf-8", "cp1252")
# keys of an input record that are not metadata: a gold file's spans are replaced by the run's
NOT_META = frozenset({"meta", "spans"})
BOM = "\ufeff"


@dataclass(frozen=True)
class Problem:
    """An input that could not be turned into a document (or, for warning kinds, a note on one)."""

    source: str
    line: int
    reason: str
    doc_id: str | None = None
    kind: str = "malformed"


@dataclass(frozen=True)
class InputDoc:
    """One document to process; ``notes`` are warnings about how it was read."""

    id: str
    text: str
    source: str
    line: int
    meta: dict[str, Any] = field(default_factory=dict)
    notes: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class ReadOptions:
    """How to read records: candidate text and id fields, encodings, and how ids are formed.

    The first of ``text_fields`` (and of ``id_fields``) that a record or file has is used.
    Bytes are decoded with the first of ``encodings`` that works; a later one is reported.
    ``id_scheme`` "given" keeps input ids; "file" prefixes them with the file (``stem:id``),
    so that files numbered alike do not collide.
    """

    text_fields: tuple[str, ...] = ("text",)
    id_fields: tuple[str, ...] = ("id",)
    encodings: tuple[str, ...] = DEFAULT_ENCODINGS
    id_scheme: str = "given"

    @classmethod
    def make(
        cls,
        text_field: str | Sequence[str] = "text",
        id_field: str | Sequence[str] = "id",
        encoding: str | Sequence[str] = DEFAULT_ENCODINGS,
        id_scheme: str = "given",
    ) -> ReadOptions:
        """Options from CLI-style values: each of the first three a name or a comma list."""
        encodings = split_names(encoding)
        for name in encodings:
            try:
                codecs.lookup(name)
            except LookupError as exc:
                raise DechiffreError(
                    Errors.E049.format(
                        expected="--encoding with Python codec names (e.g. utf-8,cp1252)",
                        got=repr(name),
                        fix="Use a codec name such as utf-8, cp1252, latin-1 or utf-16.",
                    )
                ) from exc
        if id_scheme not in ID_SCHEMES:
            raise DechiffreError(
                Errors.E049.format(
                    expected=f"--id-scheme {' or '.join(ID_SCHEMES)}",
                    got=repr(id_scheme),
                    fix="'given' keeps input ids; 'file' prefixes each with its file.",
                )
            )
        texts, ids = split_names(text_field), split_names(id_field)
        if not texts or not ids or not encodings:
            raise DechiffreError(
                Errors.E049.format(
                    expected="at least one name in --text-field, --id-field and --encoding",
                    got=repr((text_field, id_field, encoding)),
                    fix="Pass e.g. --text-field text,body.",
                )
            )
        return cls(texts, ids, encodings, id_scheme)

    def shown_text_field(self) -> str:
        return " or ".join(self.text_fields)


def split_names(value: str | Sequence[str]) -> tuple[str, ...]:
    """'text,body' or ['text', 'body'] as ('text', 'body')."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(dict.fromkeys(x.strip() for x in items if x.strip()))


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


def make_id(given: object, stem: str, position: int, scheme: str) -> str:
    """The given id (as stem:id for scheme "file"), else stem:position."""
    if given is None or given == "":
        return f"{stem}:{position}"
    if scheme == "file":
        return f"{stem}:{given}"
    return str(given)


def first_present(obj: dict[str, Any], names: tuple[str, ...]) -> str:
    """The first of names that obj has with a value, else the first name."""
    for name in names:
        if obj.get(name) is not None:
            return name
    return names[0]


def jsonable(value: Any) -> Any:
    """A metadata value as something JSON can write (dates as ISO strings)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return str(value)


def extra_meta(
    obj: dict[str, Any], used: Iterable[str], meta: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A record's ``meta`` merged with its other fields (url, headline, date...); meta wins."""
    out = dict(meta or {})
    skip = NOT_META | set(used)
    for key, value in obj.items():
        if key in skip or key in out or value is None or value == "":
            continue
        out[key] = jsonable(value)
    return out


def decode(data: bytes, encodings: tuple[str, ...]) -> tuple[str | None, str | None, str]:
    """Bytes as text: (text, the fallback encoding used or None, the first encoding's error)."""
    first_error = ""
    for number, name in enumerate(encodings):
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            first_error = first_error or str(exc.reason)
            continue
        return text.removeprefix(BOM), (name if number else None), first_error
    return None, None, first_error


def fallback_note(
    source: str, line: int, doc_id: str | None, encodings: tuple[str, ...], used: str, reason: str
) -> Problem:
    """The warning for a record read with a fallback encoding."""
    return make_problem(
        Warnings.W200,
        source,
        line,
        doc_id,
        kind="encoding_fallback",
        expected=encodings[0],
        reason=reason,
        used=used,
    )


def with_notes(item: InputDoc | Problem, notes: tuple[Problem, ...]) -> InputDoc | Problem:
    """A document with notes added (a problem stays as it is)."""
    if not notes or not isinstance(item, InputDoc):
        return item
    return InputDoc(item.id, item.text, item.source, item.line, item.meta, item.notes + notes)


def record_to_doc(
    text: object,
    doc_id: str,
    source: str,
    line: int,
    *,
    text_field: str = "text",
    meta: dict[str, Any] | None = None,
    encodings: tuple[str, ...] = DEFAULT_ENCODINGS,
) -> InputDoc | Problem:
    """One record's text as a document, or the problem that keeps it from being one.

    The text may come as bytes (decoded with the first of encodings that works; a
    fallback is noted on the document) or as a string; anything else, undecodable
    bytes and blank text become problems. Every reader turns its records into
    documents here, so that a bad record reads the same in any format.
    """
    notes: tuple[Problem, ...] = ()
    if isinstance(text, bytes):
        decoded, used, error = decode(text, encodings)
        if decoded is None:
            return make_problem(
                Errors.E022, source, line, doc_id, kind="invalid_utf8", reason=error
            )
        if used is not None:
            notes = (fallback_note(source, line, doc_id, encodings, used, error),)
        text = decoded
    if not isinstance(text, str):
        got = "no value" if text is None else f"a value of type {type(text).__name__}"
        return make_problem(Errors.E025, source, line, doc_id, field=text_field, got=got)
    if not text.strip():
        return make_problem(Errors.E023, source, line, doc_id, kind="empty")
    return InputDoc(doc_id, text, source, line, dict(meta or {}), notes)


def _from_jsonl_lines(
    lines: Iterable[bytes], source: str, *, options: ReadOptions, stem: str
) -> Iterator[InputDoc | Problem]:
    for number, raw in enumerate(lines, start=1):
        line, used, error = decode(raw, options.encodings)
        if line is None:
            yield make_problem(Errors.E022, source, number, kind="invalid_utf8", reason=error)
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
        text_key = first_present(obj, options.text_fields)
        id_key = first_present(obj, options.id_fields)
        doc_id = make_id(obj.get(id_key), stem, number, options.id_scheme)
        meta = obj.get("meta")
        item = record_to_doc(
            obj.get(text_key),
            doc_id,
            source,
            number,
            text_field=options.shown_text_field(),
            meta=extra_meta(obj, (text_key, id_key), meta if isinstance(meta, dict) else None),
        )
        if used is not None:
            item = with_notes(
                item, (fallback_note(source, number, doc_id, options.encodings, used, error),)
            )
        yield item


def read_inputs(
    paths: Iterable[str],
    *,
    text_field: str | Sequence[str] = "text",
    id_field: str | Sequence[str] = "id",
    stdin: TextIO | None = None,
    options: ReadOptions | None = None,
) -> Iterator[InputDoc | Problem]:
    """Documents and problems from .txt files, .jsonl files and '-' (stdin), in order."""
    options = options or ReadOptions.make(text_field, id_field)
    seen: set[str] = set()
    for path in paths:
        for item in _read_one(path, options=options, stdin=stdin):
            if isinstance(item, InputDoc):
                if item.id in seen:
                    yield duplicate_problem(item)
                    continue
                seen.add(item.id)
            yield item


def _read_one(
    path: str, *, options: ReadOptions, stdin: TextIO | None
) -> Iterator[InputDoc | Problem]:
    if path == "-":
        stream = stdin or sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
        if data.lstrip().removeprefix(codecs.BOM_UTF8).startswith(b"{"):
            yield from _from_jsonl_lines(
                data.splitlines(), "<stdin>", options=options, stem="stdin"
            )
        else:
            yield record_to_doc(data, "stdin", "<stdin>", 1, encodings=options.encodings)
        return
    p = Path(path)
    if not p.is_file():
        reason = "a path that is not a readable file"
        yield make_problem(Errors.E021, path, 0, kind="unreadable_file", reason=reason)
        return
    if p.suffix == ".jsonl":
        with p.open("rb") as handle:
            yield from _from_jsonl_lines(handle, path, options=options, stem=p.stem)
    elif p.suffix == ".txt":
        yield record_to_doc(p.read_bytes(), p.stem, path, 1, encodings=options.encodings)
    else:
        reason = f"a file with suffix {p.suffix!r}"
        yield make_problem(Errors.E021, path, 0, kind="unsupported_file", reason=reason)
