"""Reading news archives: directories of .txt, JSONL, JSONL.gz, CSV, Parquet and WARC files.

Like :mod:`pipeline.inputs`, every document or problem is yielded in a fixed
input order (paths in the order given, directories walked in sorted order),
and nothing is skipped silently. Each reader streams its file, so memory does
not grow with the archive. A document's id is the one in the input, else one
derived from its source and position (``stem:position``; for files found in a
directory, the path relative to the directory's parent without the suffix).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .errors import Errors
from .inputs import (
    InputDoc,
    Problem,
    _from_jsonl_lines,
    _read_one,
    duplicate_problem,
    make_problem,
    record_to_doc,
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


def walk_inputs(paths: Iterable[str]) -> Iterator[SourceFile | Problem]:
    """Input files in a fixed order; directories recursively, hidden files left out."""
    for raw in paths:
        if raw == "-":
            yield SourceFile(Path("-"), "<stdin>", "stdin", "stdin")
            continue
        path = Path(raw)
        if path.is_dir():
            root_name = path.resolve().name
            for file in _walk_dir(path):
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


def _walk_dir(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_archive(
    paths: Iterable[str],
    *,
    text_field: str = "text",
    id_field: str = "id",
    stdin: TextIO | None = None,
) -> Iterator[InputDoc | Problem]:
    """Documents and problems from files, directories and '-' (stdin), in a fixed order."""
    seen: set[bytes] = set()
    for entry in walk_inputs(paths):
        if isinstance(entry, Problem):
            yield entry
            continue
        for item in read_source(entry, text_field=text_field, id_field=id_field, stdin=stdin):
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
    source: SourceFile, *, text_field: str, id_field: str, stdin: TextIO | None = None
) -> Iterator[InputDoc | Problem]:
    """Documents and problems of one input file."""
    if source.fmt == "stdin":
        yield from _read_one("-", text_field=text_field, id_field=id_field, stdin=stdin)
        return
    display = source.display
    try:
        if source.fmt == "txt":
            yield _check(record_to_doc(source.path.read_bytes(), source.stem, display, 1))
        elif source.fmt == "jsonl":
            with source.path.open("rb") as handle:
                yield from _checked(
                    _from_jsonl_lines(
                        handle, display, text_field=text_field, id_field=id_field, stem=source.stem
                    )
                )
        elif source.fmt == "jsonl.gz":
            yield from _read_jsonl_gz(source, text_field=text_field, id_field=id_field)
        elif source.fmt == "csv":
            yield from _read_csv(source, text_field=text_field, id_field=id_field)
        elif source.fmt == "parquet":
            yield from _read_parquet(source, text_field=text_field, id_field=id_field)
        elif source.fmt == "warc":
            yield from _read_warc(source, id_field=id_field)
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


def _missing_column(display: str, column: str, columns: list[str]) -> Problem:
    return make_problem(
        Errors.E044, display, 0, kind="malformed", column=column, what="text", columns=columns
    )


def _read_jsonl_gz(
    source: SourceFile, *, text_field: str, id_field: str
) -> Iterator[InputDoc | Problem]:
    counter = _LineCounter()
    with gzip.open(source.path, "rb") as handle:
        try:
            yield from _checked(
                _from_jsonl_lines(
                    counter.wrap(handle),
                    source.display,
                    text_field=text_field,
                    id_field=id_field,
                    stem=source.stem,
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


def _read_csv(
    source: SourceFile, *, text_field: str, id_field: str
) -> Iterator[InputDoc | Problem]:
    display = source.display
    csv.field_size_limit(sys.maxsize)
    # surrogateescape keeps bad bytes visible per row instead of failing the whole file
    with source.path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _corrupt(source, 0, "CSV", exc)
            return
        if text_field not in header:
            yield _missing_column(display, text_field, header)
            return
        text_col = header.index(text_field)
        id_col = header.index(id_field) if id_field in header else None
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
            yield from _csv_row(row, header, text_col, id_col, source, position)


def _csv_row(
    row: list[str],
    header: list[str],
    text_col: int,
    id_col: int | None,
    source: SourceFile,
    position: int,
) -> Iterator[InputDoc | Problem]:
    display = source.display
    raw_id = row[id_col] if id_col is not None and id_col < len(row) else ""
    doc_id = raw_id if raw_id else f"{source.stem}:{position}"
    if any(_has_surrogates(cell) for cell in row):
        bad = next(c for c in row if _has_surrogates(c))
        shown_id = None if _has_surrogates(doc_id) else doc_id
        reason = _utf8_reason(bad)
        yield make_problem(
            Errors.E022, display, position, shown_id, kind="invalid_utf8", reason=reason
        )
        return
    if len(row) != len(header):
        reason = f"a CSV row with {len(row)} fields where the header has {len(header)}"
        yield make_problem(Errors.E020, display, position, doc_id, reason=reason)
        return
    yield _check(record_to_doc(row[text_col], doc_id, display, position))


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _utf8_reason(text: str) -> str:
    raw = text.encode("utf-8", "surrogateescape")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return str(exc.reason)
    return "invalid bytes"


def _read_parquet(
    source: SourceFile, *, text_field: str, id_field: str
) -> Iterator[InputDoc | Problem]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    display = source.display
    try:
        handle = pq.ParquetFile(source.path)
    except (pa.ArrowException, OSError) as exc:
        yield _corrupt(source, 0, "Parquet", exc)
        return
    names = handle.schema_arrow.names
    if text_field not in names:
        yield _missing_column(display, text_field, names)
        return
    columns = [text_field] + ([id_field] if id_field in names else [])
    position = 0
    try:
        for batch in handle.iter_batches(batch_size=512, columns=columns):
            texts = batch.column(0).to_pylist()
            ids = batch.column(1).to_pylist() if len(columns) > 1 else [None] * len(texts)
            for text, raw_id in zip(texts, ids, strict=True):
                position += 1
                doc_id = str(raw_id) if raw_id is not None else f"{source.stem}:{position}"
                if text is None:  # a null cell is an empty document, not a malformed one
                    yield make_problem(Errors.E023, display, position, doc_id, kind="empty")
                    continue
                doc = record_to_doc(text, doc_id, display, position, text_field=text_field)
                yield _check(doc)
    except (pa.ArrowException, OSError) as exc:
        yield _corrupt(source, position, "Parquet", exc)


def _read_warc(source: SourceFile, *, id_field: str) -> Iterator[InputDoc | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    position = 0
    with source.path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                position += 1
                if record.rec_type not in ("response", "resource"):
                    continue  # warcinfo, request, metadata, revisit: not documents
                yield from _warc_record(record, source, position, id_field)
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            yield _corrupt(source, position, "WARC", exc)


def _warc_record(
    record: Any, source: SourceFile, position: int, id_field: str
) -> Iterator[InputDoc | Problem]:
    display = source.display
    headers = record.rec_headers
    given = headers.get_header(id_field) if id_field != "id" else None
    record_id = (given or headers.get_header("WARC-Record-ID") or "").strip("<>")
    doc_id = record_id or f"{source.stem}:{position}"
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
        yield _check(record_to_doc(payload, doc_id, display, position, meta=meta))
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


def inputs_fingerprint(paths: Iterable[str]) -> dict[str, Any]:
    """The paths given, and the count, size and a hash of every input file's path, size, mtime."""
    paths = list(paths)
    digest = hashlib.sha256()
    files = size = 0
    for entry in walk_inputs(paths):
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


def estimate_count(paths: Iterable[str]) -> int:
    """About how many items (documents and problems) the inputs hold; cheap, for progress."""
    total = 0
    for entry in walk_inputs(paths):
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
