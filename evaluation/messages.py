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
    "value_max_below": (
        "value_max {value_max} is below value {value}; expected value <= value_max (the "
        "upper bound of a range); swap the two numbers or set value_max to null"
    ),
    # --- claim frames (ANNOTATION.md, "Extension: claim frames") ---------------------------
    "claim_not_quantity": (
        "a {label} span has a claim; expected claims only on QUANTITY spans; "
        "move the claim to the amount or remove it"
    ),
    "claim_missing_key": (
        "claim has no {key!r} key; expected the keys {keys}; add {key!r} (null when empty)"
    ),
    "claim_ref": (
        "claim {key} points at [{start}, {end}), where the document has {found}; expected "
        "the offsets of a {wanted} span of the same document (part_of: another amount); "
        "copy the start and end of that span"
    ),
    "claim_time_range": (
        "claim time offsets [{start}, {end}) are not a span of the text (length {length}); "
        "expected 0 <= start < end <= length; recompute them as Python str indices"
    ),
    "claim_time_value": (
        "claim time value {value} is not an ISO 8601 date or interval; expected e.g. "
        "'2023', '2024-01', '2024-01/2024-09', '2016/..' or null; fix the value"
    ),
    # --- files -------------------------------------------------------------------------------
    "unreadable": (
        "cannot read the file ({reason}); expected a readable gold-format JSONL file; "
        "check the path"
    ),
    "unwritable": (
        "cannot write the file ({reason}); expected a path in a writable folder; "
        "choose another output path"
    ),
    "import_unreadable": (
        "cannot read the file to import ({reason}); expected a readable {fmt} file; "
        "check the path"
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


# Options and pairing problems of an evaluation run (EvaluationError, and result warnings).
RUN_MESSAGES: dict[str, str] = {
    "no_prediction": (
        "no prediction to evaluate; expected at least one prediction file; "
        "pass PRED files or --pipeline"
    ),
    "unknown_labels": (
        "--labels: {got} is not a gold label; expected a comma-separated list of {allowed}; "
        "fix the list"
    ),
    "unknown_attributes": (
        "--attributes: {got} is not a scored attribute; expected a comma-separated list of "
        "{allowed} (or 'claim' for every claim attribute); fix the list"
    ),
    "min_overlap": (
        "--min-overlap {got}: expected a fraction of the gold span in (0, 1], as nervaluate's "
        "overlap threshold (0.01 = 1 %, 0.5 = half); give a number such as 0.5"
    ),
    "names_count": (
        "--name was given {got} times for {expected} systems; expected one name per system "
        "(in the order of the prediction files, --pipeline first); give one --name each"
    ),
    "no_shared_ids": (
        "{pred} shares no document id with {gold} ({n_gold} gold, {n_pred} predicted "
        "documents); expected predictions made on the gold documents; every gold document "
        "was scored as predicted empty. Run the extractor on the gold file (e.g. --pipeline "
        "default) or check that the ids were kept"
    ),
    "some_shared_ids": (
        "{pred} and {gold} share {n_shared} of their document ids: {n_missing} gold "
        "document(s) have no prediction (scored as predicted empty: {missing}) and "
        "{n_extra} predicted document(s) are not in the gold (ignored: {extra}); expected "
        "the same documents; rerun the extractor on the whole gold file"
    ),
    "label_skipped": "the gold has no {label} span; pass --labels {labels} to score it",
    "attribute_skipped": (
        "no gold {label} span has {which} {key}; pass --attributes {name} to score it"
    ),
    "claims_skipped": "the gold has no claim; pass --attributes claim to score claims anyway",
    "import_format": (
        "unknown import format {got!r}; expected one of {allowed}; pick the source format"
    ),
    "unknown_scheme": (
        "scheme {got!r} is not a matching scheme; expected one of {allowed}; pick one of them"
    ),
    "bootstrap_unpaired": (
        "the two systems were not scored on the same documents (counts of shape {baseline} "
        "and {system}, documents first); expected counts over the same gold documents and "
        "labels, in the same order; score both systems against the same gold file"
    ),
}


class EvaluationError(ValueError):
    """An evaluation run that cannot go on (bad options), with its catalogue code."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        super().__init__(RUN_MESSAGES[code].format(**params))


def run_message(code: str, **params: Any) -> str:
    """The run catalogue message ``code`` filled with ``params``."""
    return RUN_MESSAGES[code].format(**params)


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
