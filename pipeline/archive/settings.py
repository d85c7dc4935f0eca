"""Names, limits and kinds shared by the archive modules: file names, exit codes, error kinds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

MANIFEST = "manifest.json"
ERRORS = "errors.jsonl"
SPANS_DIR = "spans"
DOCUMENTS_DIR = "documents"
CLAIMS_DIR = "claims"
ERRORS_DIR = "errors"
MANIFEST_FORMAT = 3  # 3: a claims table beside spans and documents
# exit codes of `dechiffre extract`
EXIT_OK = 0
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2
EXIT_WORKER_DIED = 3
# Documents longer than this are cut on sentence ends and processed in pieces. Peak
# memory follows the longest piece (benchmarks/long_documents.py, default pipeline, a
# 1 MB document: 1,783 MB with pieces of 100,000 characters, 1,493 MB with 25,000), so
# this keeps a process under the 1.5 GB of the README for any document size.
DEFAULT_MAX_CHARS = 20_000
DEFAULT_SHARD_SIZE = 1000
FORMATS = ("jsonl", "parquet")
ERROR_KINDS = {
    "invalid_utf8",
    "empty",
    "malformed",
    "html_only",
    "duplicate_id",
    "unreadable_file",
    "unsupported_file",
    "corrupt_file",
    "pipeline_error",
    "truncated_record",
    "broken_link",
    "language",
}
WARNING_KINDS = {
    "split",
    "not_text",
    "encoding_fallback",
    "directory_seen",
    "long_token",
    "other_language",
}
# A run of more characters than this without a space is no word, name or amount (the
# longest organisation name in the knowledge base has 102 characters, a URL rarely 500):
# it is base64, a hash or a broken file. It is not given to the pipeline, whose
# tokenizer is quadratic in a token's length, and it is reported (long_token, W250).
MAX_TOKEN_CHARS = 1_000
# Characters given to one nlp.pipe batch when --max-chars is 0: memory grows with the
# text of a batch, not with the number of documents in it (otherwise --max-chars is the
# budget, so that one option bounds both the pieces and the batches).
BATCH_CHARS = 100_000
LONG_TOKEN = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS + 1},}}")
# sentence ends (with closing quotes) followed by space, and paragraph breaks
BOUNDARY = re.compile(r"[.!?…][»\"”’)\]]*\s+(?![\sa-zà-ÿ])|\n[ \t]*\n\s*")
