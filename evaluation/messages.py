"""Catalogue of the evaluation module's error messages, and the one exception it raises.

Each entry says what was expected, what came, and how to fix it. ``GoldFormatError``
prefixes the message with where the problem is: file, line, document id, span offsets.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    # --- reading gold/prediction JSONL -------------------------------------------------------
    "bad_json": (
        "line is not valid JSON ({detail}); expected one JSON object per line; "
        "fix the syntax on this line (a document must not span several lines)"
    ),
    "bad_encoding": (
        "line is not valid UTF-8 ({detail}); expected UTF-8 text; re-save the file as UTF-8"
    ),
    "not_object": (
        "expected a JSON object per line, got {got}; "
        'wrap the document as {{"id": ..., "text": ..., "spans": [...]}}'
    ),
    "missing_key": (
        "document has no {key!r} key; expected the keys id, text and spans; "
        "add {key!r} ({hint})"
    ),
    "wrong_type": "{field}: expected {expected}, got {got} ({value}); write it as {expected}",
    "empty_id": "id is an empty string; expected a non-empty string; give the document an id",
    "duplicate_id": (
        "id {doc_id!r} is already used on line {first_line}; expected unique ids in a file; "
        "rename or remove one of the two documents"
    ),
    "span_missing_key": (
        "span has no {key!r} key; expected the keys {keys} on {label} spans; "
        "add {key!r} (null when empty)"
    ),
    "offset_range": (
        "span offsets [{start}, {end}) fall outside the text (length {length}); "
        "expected 0 <= start < end <= {length}; recompute them as Python str indices"
    ),
    "empty_span": (
        "span start {start} >= end {end}; expected start < end (end is exclusive); "
        "fix the offsets"
    ),
    "overlap": (
        "span [{start}, {end}) overlaps span [{other_start}, {other_end}); "
        "expected non-overlapping spans; keep one span or merge them"
    ),
    "unknown_label": (
        "label {label!r} is not a gold label; expected one of {allowed}; "
        "map it to ORG/QUANTITY or drop the span"
    ),
    "bad_modifier": (
        "modifier {value!r} is not allowed; expected one of {allowed} or null; "
        "use the closest one or null"
    ),
    "null_value": (
        "QUANTITY value is null; expected a number (null only in documents with "
        "meta.attributes = false); give the normalised value or mark the document"
    ),
    # --- pairing gold and predictions ---------------------------------------------------------
    "text_mismatch": (
        "text differs between {gold_file} and {pred_file} (first difference at character "
        "{position}: {gold_snippet!r} vs {pred_snippet!r}); expected the same text so that "
        "offsets compare; run the extractor on the gold text unchanged"
    ),
    # --- importers ----------------------------------------------------------------------------
    "conll_line": (
        "expected 'idx<TAB>token<TAB>tag' or 'token<TAB>tag', got {got!r}; "
        "fix the columns of this line"
    ),
    "iob_tag": (
        "tag {tag!r} is not an IOB2 tag; expected O, B-TYPE or I-TYPE; fix the tag"
    ),
    "hipe_header": (
        "expected a header line starting with TOKEN and containing {column}, got {got!r}; "
        "use a HIPE-2022 TSV file"
    ),
    "hipe_columns": (
        "expected {expected} tab-separated columns as in the header, got {got}; "
        "fix the tabs on this line"
    ),
    "hipe_no_document": (
        "token line before any '# hipe2022:document_id' comment; expected each document "
        "to start with one; add the comment"
    ),
    "webanno_line": (
        "expected 'sent-tok<TAB>start-end<TAB>token<TAB>labels', got {got!r}; "
        "fix the columns of this line"
    ),
    "webanno_offset": (
        "token {token!r} at [{start}, {end}) does not match the text there ({found!r}); "
        "expected the .txt the annotation was made on; pass the right text file"
    ),
}


def format_message(code: str, **params: Any) -> str:
    """The catalogue message ``code`` filled with ``params``."""
    return MESSAGES[code].format(**params)


class GoldFormatError(ValueError):
    """A gold/prediction file (or an imported file) that breaks the format, with its location."""

    def __init__(
        self,
        code: str,
        *,
        file: str | None = None,
        line: int | None = None,
        doc_id: str | None = None,
        span: tuple[int, int] | None = None,
        **params: Any,
    ) -> None:
        self.code = code
        self.file = file
        self.line = line
        self.doc_id = doc_id
        self.span = span
        self.detail = format_message(code, doc_id=doc_id, file=file, line=line, **params)
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.file is not None:
            where.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.doc_id is not None:
            where.append(f"document {self.doc_id!r}")
        if self.span is not None:
            where.append(f"span [{self.span[0]}, {self.span[1]})")
        prefix = ", ".join(where)
        return f"{prefix}: {self.detail}" if prefix else self.detail

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready dict."""
        return {
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "doc_id": self.doc_id,
            "span": list(self.span) if self.span is not None else None,
            "message": self.detail,
        }
