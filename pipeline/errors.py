"""The catalogue of dechiffre's error messages.

Each message says what was expected, what came, and how to fix it. Code
raises ``DechiffreError(Errors.E001.format(...))`` or a subclass, never a
bare string, so that messages stay in one place.
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    """Prefix each message with its code, as spaCy's catalogue does."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    # Number normalizer
    E001 = (
        "Expected one amount in French (digits or words, with an optional "
        "modifier, scale word and unit), got {text!r}: {reason}. Pass the "
        "amount alone, e.g. 'environ 48.963' or 'plus de 3,5 millions d'euros'."
    )
    E002 = (
        "Expected a number in French digits or words, got {text!r}. Write it "
        "as '4 388', '48.963', '3,5' or 'quarante mille'."
    )

    # Knowledge base
    E010 = (
        "Knowledge base line {line} of {path}: expected a JSON object with "
        "keys kb_id, name_fr, acronyms, variants, got {reason}. Fix the line "
        "or remove it."
    )
    E011 = (
        "Knowledge base {path}: kb_id {kb_id!r} appears twice (lines {first} "
        "and {line}). kb_ids are unique; merge the two entries."
    )
    E012 = (
        "The organisation linker has no knowledge base: expected "
        "initialize() to load one (or from_disk()), got none. Call "
        "nlp.initialize() after adding 'dechiffre_orgs', or load a saved "
        "pipeline."
    )

    # Input reading
    E020 = (
        "{path}, line {line}: expected a JSON object with a string 'text' "
        "(and optional 'id'), got {reason}. The line was skipped; fix it and "
        "rerun, or pass --text-field/--id-field if the fields are named "
        "otherwise."
    )
    E021 = "{path}: expected a .txt file, a .jsonl file or '-' for stdin, got {reason}."
    E022 = (
        "{path}, line {line}: expected UTF-8 text, got bytes that do not "
        "decode ({reason}). The document was skipped; re-encode the file as "
        "UTF-8."
    )
    E023 = (
        "{path}, line {line}: document {doc_id!r} is empty (expected some "
        "text). It was recorded as an error and skipped."
    )
    E024 = (
        "{path}: document id {doc_id!r} appears again at line {line}. Ids "
        "must be unique within a run; the later document was skipped."
    )

    # Pipeline
    E030 = (
        "Could not load the pipeline from {path}: expected a directory saved "
        "by nlp.to_disk() or the name of an installed spaCy package, got "
        "{reason}. Omit --pipeline to use the default pipeline."
    )
    E031 = (
        "Span attribute {attr!r} on {span!r}: expected {expected}, got "
        "{value!r}. This is a bug in a dechiffre component; please report it "
        "with the text."
    )


class DechiffreError(ValueError):
    """Base class of dechiffre's errors."""


class NotAnAmount(DechiffreError):
    """A string that is not one French amount."""


class KnowledgeBaseError(DechiffreError):
    """A knowledge base file that cannot be read."""


class InputError(DechiffreError):
    """An input document or file that cannot be read."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
