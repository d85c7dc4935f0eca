"""Reading news archives: directories of .txt, JSONL, JSONL.gz, CSV, Parquet and WARC files.

Like :mod:`pipeline.inputs`, every document or problem is yielded in a fixed
input order (paths in the order given, directories walked in sorted order),
and nothing is skipped silently. Each reader streams its file, so memory does
not grow with the archive. A document's id is the one in the input, else one
derived from its source and position (``stem:position``; for files found in a
directory, the path relative to the directory's parent without the suffix).
"""

from __future__ import annotations

import codecs
import csv
import errno
import gzip
import hashlib
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .errors import DechiffreError, Errors, Warnings
from .inputs import (
    InputDoc,
    Problem,
    ReadOptions,
    _from_jsonl_lines,
    _read_one,
    duplicate_problem,
    extra_meta,
    fallback_note,
    make_id,
    make_problem,
    record_to_doc,
    with_notes,
)

FORMATS: dict[str, str] = {
    ".jsonl.gz": "jsonl.gz",
    ".warc.gz": "warc",
    ".jsonl": "jsonl",
    ".txt": "txt",
    ".csv": "csv",
    ".parquet": "parquet",
    ".warc": "warc",
}
MIN_HTML_WORDS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_TYPES = {
    "warcinfo",
    "response",
    "resource",
    "request",
    "metadata",
    "revisit",
    "conversion",
    "continuation",
}
_HTML_START = re.compile(
    r"\s*<(!doctype|html|head|body|div|p|span|table|script|style|meta|article|section|ul|a)\b",
    re.IGNORECASE,
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class SourceFile:
    """One input file: where it is, how it is shown, its id stem and its format."""

    path: Path
    display: str
    stem: str
    fmt: str


def detect_format(path: Path) -> str | None:
    """The reader for a path from its suffix, or None."""
    name = path.name.lower()
    for suffix, fmt in FORMATS.items():
        if name.endswith(suffix):
            return fmt
    return None


def _strip_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in FORMATS:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def walk_inputs(
    paths: Iterable[str], *, exclude: Iterable[str | Path] = ()
) -> Iterator[SourceFile | Problem]:
    """Input files in a fixed order; directories recursively, hidden files left out.

    Symbolic links are followed; a broken or looping link is a problem, and a
    directory reached a second time (a link loop) is a warning and read once.
    Paths in ``exclude`` (the run's own outputs) are not inputs.
    """
    skip = {os.path.realpath(p) for p in exclude}
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        if raw == "-":
            yield SourceFile(Path("-"), "<stdin>", "stdin", "stdin")
            continue
        path = Path(raw)
        if path.is_dir():
            if os.path.realpath(path) in skip:
                continue
            root_name = path.resolve().name
            for file in _walk_dir(path, skip, seen_dirs):
                if isinstance(file, Problem):
                    yield file
                    continue
                rel = file.relative_to(path).as_posix()
                display = str(file)
                fmt = detect_format(file)
                if fmt is None:
                    reason = f"a file named {file.name!r}"
                    yield make_problem(
                        Errors.E040, display, 0, kind="unsupported_file", reason=reason
                    )
                    continue
                stem = _strip_suffix(f"{root_name}/{rel}" if root_name else rel)
                yield SourceFile(file, display, stem, fmt)
            continue
        if path.is_symlink() and not path.exists():
            yield _link_problem(path)
            continue
        if not path.is_file():
            reason = "a path that is not a readable file"
            yield make_problem(Errors.E040, raw, 0, kind="unreadable_file", reason=reason)
            continue
        fmt = detect_format(path)
        if fmt is None:
            reason = f"a file with suffix {path.suffix!r}"
            yield make_problem(Errors.E040, raw, 0, kind="unsupported_file", reason=reason)
            continue
        yield SourceFile(path, raw, _strip_suffix(path.name), fmt)


def check_output_apart(paths: Iterable[str], output: str | Path) -> None:
    """Raise E205 when the output (an -o file or an --output-dir) is one of the input paths."""
    target = os.path.realpath(output)
    for raw in paths:
        if raw != "-" and os.path.realpath(raw) == target:
            raise DechiffreError(Errors.E205.format(path=output))


def _walk_dir(
    directory: Path, skip: set[str], seen: set[tuple[int, int]]
) -> Iterator[Path | Problem]:
    """Files under a directory: its own files (sorted), then each subdirectory (sorted)."""
    try:
        info = directory.stat()
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        reason = f"a directory that cannot be read ({exc.strerror or exc})"
        yield make_problem(Errors.E040, str(directory), 0, kind="unreadable_file", reason=reason)
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        real = os.path.realpath(directory)
        yield make_problem(Warnings.W201, str(directory), 0, kind="directory_seen", real=real)
        return
    seen.add(key)
    subdirs: list[Path] = []
    for item in entries:
        if item.name.startswith("."):
            continue
        path = Path(item.path)
        try:
            is_dir = item.is_dir()  # follows links
            if not is_dir:
                os.stat(path)  # a broken or looping link fails here
        except OSError:
            yield _link_problem(path)
            continue
        if skip and os.path.realpath(path) in skip:
            continue  # the run's own output
        if is_dir:
            subdirs.append(path)
        else:
            yield path
    for sub in subdirs:
        yield from _walk_dir(sub, skip, seen)


def _link_problem(path: Path) -> Problem:
    """The problem for a path that does not resolve: a broken or looping symbolic link."""
    try:
        target = os.readlink(path)
    except OSError:
        target = None
    try:
        os.stat(path)
        reason = "a path that cannot be read"
    except OSError as exc:
        if target is None:
            reason = f"a path that cannot be read ({exc.strerror})"
        elif exc.errno == errno.ELOOP:
            reason = f"a symbolic link to {target!r} that loops back on itself"
        else:
            reason = f"a symbolic link to {target!r}, which does not exist"
    return make_problem(Errors.E202, str(path), 0, kind="broken_link", reason=reason)


def read_archive(
    paths: Iterable[str],
    *,
    text_field: str | Sequence[str] = "text",
    id_field: str | Sequence[str] = "id",
    stdin: TextIO | None = None,
    options: ReadOptions | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[InputDoc | Problem]:
    """Documents and problems from files, directories and '-' (stdin), in a fixed order."""
    options = options or ReadOptions.make(text_field, id_field)
    seen: set[bytes] = set()
    for entry in walk_inputs(paths, exclude=exclude):
        if isinstance(entry, Problem):
            yield entry
            continue
        for item in read_source(entry, options=options, stdin=stdin):
            if isinstance(item, InputDoc):
                # 8-byte digests keep the id check small on archives of millions of documents
                key = hashlib.blake2b(item.id.encode("utf-8", "surrogatepass"), digest_size=8)
                digest = key.digest()
                if digest in seen:
                    yield duplicate_problem(item)
                    continue
                seen.add(digest)
            yield item


def read_source(
    source: SourceFile, *, options: ReadOptions, stdin: TextIO | None = None
) -> Iterator[InputDoc | Problem]:
    """Documents and problems of one input file."""
    if source.fmt == "stdin":
        yield from _read_one("-", options=options, stdin=stdin)
        return
    display = source.display
    try:
        if source.fmt == "txt":
            data = source.path.read_bytes()
            yield _check(record_to_doc(data, source.stem, display, 1, encodings=options.encodings))
        elif source.fmt == "jsonl":
            with source.path.open("rb") as handle:
                yield from _checked(
                    _from_jsonl_lines(handle, display, options=options, stem=source.stem)
                )
        elif source.fmt == "jsonl.gz":
            yield from _read_jsonl_gz(source, options)
        elif source.fmt == "csv":
            yield from _read_csv(source, options)
        elif source.fmt == "parquet":
            yield from _read_parquet(source, options)
        elif source.fmt == "warc":
            yield from _read_warc(source, options)
    except OSError as exc:
        reason = f"a file that cannot be read ({exc})"
        yield make_problem(Errors.E040, display, 0, kind="unreadable_file", reason=reason)


def _checked(items: Iterable[InputDoc | Problem]) -> Iterator[InputDoc | Problem]:
    """Each item through :func:`_check`."""
    for item in items:
        yield _check(item)


def _check(item: InputDoc | Problem) -> InputDoc | Problem:
    """A document whose text is HTML markup, or holds lone surrogates, becomes a problem."""
    if not isinstance(item, InputDoc):
        return item
    if _LONE_SURROGATE.search(item.text) or _LONE_SURROGATE.search(item.id):
        reason = "a JSON escape for a lone surrogate, which is not a character"
        doc_id = item.id.encode("utf-8", "replace").decode("utf-8")
        return make_problem(
            Errors.E022, item.source, item.line, doc_id, kind="invalid_utf8", reason=reason
        )
    if looks_like_html(item.text):
        return html_problem(item.source, item.line, item.id)
    return item


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML markup rather than article text."""
    stripped = text.strip()
    return bool(stripped.endswith(">") and _HTML_START.match(stripped))


def html_problem(source: str, position: int, doc_id: str | None, reason: str = "") -> Problem:
    """The problem for a record that is HTML only."""
    reason = reason or "HTML markup"
    return make_problem(Errors.E041, source, position, doc_id, kind="html_only", reason=reason)


def _corrupt(source: SourceFile, position: int, fmt: str, exc: BaseException) -> Problem:
    reason = f"{type(exc).__name__}: {exc}".strip()
    return make_problem(
        Errors.E043, source.display, position, kind="corrupt_file", fmt=fmt, reason=reason
    )


def _missing_column(display: str, columns: list[str], options: ReadOptions) -> Problem:
    column = options.shown_text_field()
    return make_problem(
        Errors.E044, display, 0, kind="malformed", column=column, what="text", columns=columns
    )


def _first_column(names: list[str], candidates: tuple[str, ...]) -> str | None:
    return next((name for name in candidates if name in names), None)


def _read_jsonl_gz(source: SourceFile, options: ReadOptions) -> Iterator[InputDoc | Problem]:
    counter = _LineCounter()
    with gzip.open(source.path, "rb") as handle:
        try:
            yield from _checked(
                _from_jsonl_lines(
                    counter.wrap(handle), source.display, options=options, stem=source.stem
                )
            )
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield _corrupt(source, counter.count, "gzip-compressed JSONL", exc)


class _LineCounter:
    """Counts the lines a reader has taken, for error positions."""

    def __init__(self) -> None:
        self.count = 0

    def wrap(self, lines: Iterable[bytes]) -> Iterator[bytes]:
        for line in lines:
            self.count += 1
            yield line


def _read_csv(source: SourceFile, options: ReadOptions) -> Iterator[InputDoc | Problem]:
    display = source.display
    csv.field_size_limit(sys.maxsize)
    first = options.encodings[0]
    codec = "utf-8-sig" if codecs.lookup(first).name == "utf-8" else first
    # surrogateescape keeps bad bytes visible per row instead of failing the whole file
    with source.path.open(encoding=codec, errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _corrupt(source, 0, "CSV", exc)
            return
        text_name = _first_column(header, options.text_fields)
        if text_name is None:
            yield _missing_column(display, header, options)
            return
        id_name = _first_column(header, options.id_fields)
        columns = _CsvColumns(header, text_name, id_name)
        position = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                position += 1
                yield make_problem(Errors.E020, display, position, reason=f"a bad CSV row ({exc})")
                continue
            position += 1
            if not row:
                continue
            yield from _csv_row(row, columns, source, position, options)


@dataclass(frozen=True)
class _CsvColumns:
    header: list[str]
    text: str
    id: str | None

    @property
    def id_col(self) -> int | None:
        return None if self.id is None else self.header.index(self.id)


def _csv_row(
    row: list[str],
    columns: _CsvColumns,
    source: SourceFile,
    position: int,
    options: ReadOptions,
) -> Iterator[InputDoc | Problem]:
    display = source.display
    header = columns.header
    id_col = columns.id_col
    notes: tuple[Problem, ...] = ()
    if any(_has_surrogates(cell) for cell in row):
        row, used, reason = _refit_row(row, options.encodings)
        raw_id = row[id_col] if id_col is not None and id_col < len(row) else ""
        if used is None:
            shown_id = None if _has_surrogates(raw_id) else raw_id or None
            yield make_problem(
                Errors.E022, display, position, shown_id, kind="invalid_utf8", reason=reason
            )
            return
        doc_id = make_id(raw_id, source.stem, position, options.id_scheme)
        notes = (fallback_note(display, position, doc_id, options.encodings, used, reason),)
    raw_id = row[id_col] if id_col is not None and id_col < len(row) else ""
    doc_id = make_id(raw_id, source.stem, position, options.id_scheme)
    if len(row) != len(header):
        reason = f"a CSV row with {len(row)} fields where the header has {len(header)}"
        yield make_problem(Errors.E020, display, position, doc_id, reason=reason)
        return
    fields = dict(zip(header, row, strict=True))
    meta = extra_meta(fields, (columns.text, columns.id or ""))
    doc = record_to_doc(fields[columns.text], doc_id, display, position, meta=meta)
    yield _check(with_notes(doc, notes))


def _refit_row(row: list[str], encodings: tuple[str, ...]) -> tuple[list[str], str | None, str]:
    """A row whose cells held undecodable bytes, decoded with the first fallback that works."""
    first = codecs.lookup(encodings[0]).name
    reason = _decode_reason(next(c for c in row if _has_surrogates(c)), first)
    for name in encodings[1:]:
        try:
            out = [
                c.encode(first, "surrogateescape").decode(name) if _has_surrogates(c) else c
                for c in row
            ]
        except UnicodeDecodeError:
            continue
        return out, name, reason
    return row, None, reason


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _decode_reason(text: str, codec: str) -> str:
    raw = text.encode(codec, "surrogateescape")
    try:
        raw.decode(codec)
    except UnicodeDecodeError as exc:
        return str(exc.reason)
    return "invalid bytes"


def _read_parquet(source: SourceFile, options: ReadOptions) -> Iterator[InputDoc | Problem]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    display = source.display
    try:
        handle = pq.ParquetFile(source.path)
    except (pa.ArrowException, OSError) as exc:
        yield _corrupt(source, 0, "Parquet", exc)
        return
    names = handle.schema_arrow.names
    text_name = _first_column(names, options.text_fields)
    if text_name is None:
        yield _missing_column(display, names, options)
        return
    id_name = _first_column(names, options.id_fields)
    position = 0
    try:
        for batch in handle.iter_batches(batch_size=512):
            for row in batch.to_pylist():
                position += 1
                raw_id = row.get(id_name) if id_name else None
                doc_id = make_id(raw_id, source.stem, position, options.id_scheme)
                text = row[text_name]
                if text is None:  # a null cell is an empty document, not a malformed one
                    yield make_problem(Errors.E023, display, position, doc_id, kind="empty")
                    continue
                meta = extra_meta(row, (text_name, id_name or ""))
                doc = record_to_doc(
                    text,
                    doc_id,
                    display,
                    position,
                    text_field=text_name,
                    meta=meta,
                    encodings=options.encodings,
                )
                yield _check(doc)
    except (pa.ArrowException, OSError) as exc:
        yield _corrupt(source, position, "Parquet", exc)


def _read_warc(source: SourceFile, options: ReadOptions) -> Iterator[InputDoc | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    position = 0
    size = source.path.stat().st_size
    with source.path.open("rb") as handle:
        try:
            records = ArchiveIterator(handle)
            for record in records:
                position += 1
                if record.rec_type not in WARC_TYPES:  # headers cut short in a gzip member
                    yield _cut_after(source, position - 1, records.offset, size)
                    return
                if record.rec_type not in ("response", "resource"):
                    # warcinfo, request, metadata, revisit: not documents, but maybe cut short
                    while record.raw_stream.read(65536):
                        pass
                    if getattr(record.raw_stream, "limit", 0):
                        yield _short_record(record, source, position, None)
                    continue
                yield from _warc_record(record, source, position, options)
            # a record cut inside its headers ends the iteration without an error
            if records.offset < size:
                yield _cut_after(source, position, records.offset, size)
        # warcio fails with AttributeError or IndexError on some headers cut short
        except (
            ArchiveLoadFailed,
            EOFError,
            zlib.error,
            OSError,
            ValueError,
            AttributeError,
            IndexError,
            KeyError,
        ) as exc:
            yield _corrupt(source, position, "WARC", exc)


def _cut_after(source: SourceFile, position: int, offset: int, size: int) -> Problem:
    """The problem for a file that ends inside the headers of a record."""
    return make_problem(
        Errors.E201,
        source.display,
        position,
        kind="truncated_record",
        extra=size - offset,
        offset=offset,
        size=size,
    )


def _short_record(record: Any, source: SourceFile, position: int, doc_id: str | None) -> Problem:
    expected = int(record.length or 0)
    return make_problem(
        Errors.E200,
        source.display,
        position,
        doc_id,
        kind="truncated_record",
        expected=expected,
        got=expected - int(record.raw_stream.limit),
    )


def _warc_record(
    record: Any, source: SourceFile, position: int, options: ReadOptions
) -> Iterator[InputDoc | Problem]:
    display = source.display
    headers = record.rec_headers
    given = next((v for f in options.id_fields if f != "id" and (v := headers.get_header(f))), None)
    record_id = (given or headers.get_header("WARC-Record-ID") or "").strip("<>")
    doc_id = make_id(record_id, source.stem, position, options.id_scheme)
    meta: dict[str, Any] = {}
    if url := headers.get_header("WARC-Target-URI"):
        meta["url"] = url
    if date := headers.get_header("WARC-Date"):
        meta["date"] = date
    if record.rec_type == "response" and record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode()
    else:
        ctype = headers.get_header("Content-Type") or ""
        status = "200"
    mime = ctype.split(";")[0].strip().lower()
    payload = record.content_stream().read()
    while record.raw_stream.read(65536):  # whatever the content decoder left
        pass
    if getattr(record.raw_stream, "limit", 0):  # fewer bytes than the Content-Length: cut
        yield _short_record(record, source, position, doc_id)
        return
    if status and not str(status).startswith("2"):
        yield _not_text(display, position, doc_id, f"an HTTP {status} response")
        return
    if mime in HTML_TYPES:
        text = html_to_text(payload)
        if not text:
            yield html_problem(display, position, doc_id, "an HTML page with no article text in it")
            return
        yield record_to_doc(text, doc_id, display, position, meta=meta)
    elif mime == "text/plain":
        doc = record_to_doc(
            payload, doc_id, display, position, meta=meta, encodings=options.encodings
        )
        yield _check(doc)
    else:
        yield _not_text(display, position, doc_id, f"content type {mime or 'none'!r}")


def _not_text(display: str, position: int, doc_id: str, reason: str) -> Problem:
    return make_problem(Errors.E045, display, position, doc_id, kind="not_text", reason=reason)


def html_to_text(html: bytes | str) -> str | None:
    """The main text of an HTML page (trafilatura), or None when it has no article text."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_formatting=False,
        deduplicate=False,
    )
    # trafilatura falls back to any text on the page; menus alone are not an article
    if not text or len(text.split()) < MIN_HTML_WORDS:
        return None
    return text


def inputs_fingerprint(
    paths: Iterable[str], *, exclude: Iterable[str | Path] = ()
) -> dict[str, Any]:
    """The paths given, and the count, size and a hash of every input file's path, size, mtime."""
    paths = list(paths)
    digest = hashlib.sha256()
    files = size = 0
    for entry in walk_inputs(paths, exclude=exclude):
        if isinstance(entry, Problem):
            line = f"problem\t{entry.source}\t{entry.kind}"
        elif entry.fmt == "stdin":
            line = "stdin"
        else:
            stat = entry.path.stat()
            files += 1
            size += stat.st_size
            line = f"{entry.display}\t{stat.st_size}\t{stat.st_mtime_ns}"
        digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return {
        "paths": paths,
        "files": files,
        "bytes": size,
        "fingerprint": f"sha256:{digest.hexdigest()}",
    }


def estimate_count(paths: Iterable[str], *, exclude: Iterable[str | Path] = ()) -> int:
    """About how many items (documents and problems) the inputs hold; cheap, for progress."""
    total = 0
    for entry in walk_inputs(paths, exclude=exclude):
        if isinstance(entry, Problem) or entry.fmt in ("txt", "stdin"):
            total += 1
            continue
        try:
            total += _estimate_file(entry)
        except Exception:  # a corrupt file only spoils the estimate
            total += 1
    return total


def _estimate_file(entry: SourceFile) -> int:
    if entry.fmt == "jsonl":
        with entry.path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    if entry.fmt == "jsonl.gz":
        with gzip.open(entry.path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    if entry.fmt == "csv":
        csv.field_size_limit(sys.maxsize)
        with entry.path.open(encoding="utf-8", errors="replace", newline="") as text:
            return max(sum(1 for _ in csv.reader(text)) - 1, 0)
    if entry.fmt == "parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(entry.path).metadata.num_rows)
    if entry.fmt == "warc":
        from warcio.archiveiterator import ArchiveIterator

        with entry.path.open("rb") as handle:
            return sum(1 for r in ArchiveIterator(handle) if r.rec_type in ("response", "resource"))
    return 1
