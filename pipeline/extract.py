"""Build or load the dechiffre pipeline and run it over documents."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from ..models import packaged_path
from .errors import DechiffreError, Errors
from .inputs import InputDoc, Problem, read_inputs
from .org_linker import OrgLinker
from .records import doc_to_record

BASE_MODEL = "fr_core_news_md"


DEFAULT_CLASSIFIER = packaged_path("dechiffre-clf")


def classifier_path(classifier: str | Path | bool | None) -> Path | None:
    """The classifier artifact to use: an explicit path, the shipped one ("auto"/True), or None."""
    if classifier is None or classifier is False:
        return None
    if classifier is True or classifier == "auto":
        env = os.environ.get("DECHIFFRE_CLASSIFIER")
        path = Path(env) if env else DEFAULT_CLASSIFIER
        if not (path / "classifier.json").exists():
            if classifier is True:
                raise DechiffreError(Errors.E032.format(path=path))
            return None
        return path
    path = Path(classifier)
    if not (path / "classifier.json").exists():
        raise DechiffreError(Errors.E032.format(path=path))
    return path


def build_pipeline(
    *,
    base: str = BASE_MODEL,
    kb_path: str | None = None,
    classifier: str | Path | bool | None = "auto",
    focus: str = "names",
) -> Language:
    """fr_core_news_md with the dechiffre components added and initialised.

    With a classifier artifact (the shipped ``models/dechiffre-clf`` by
    default), its spans feed the QUANTITY tagger and the ORG linker as extra
    candidates; ``classifier=None`` gives the rules alone. ``focus="names"``
    runs the classifier only around capitalised words the rules leave untagged
    (its spans serve the ORG linker); ``"all"`` runs it on the whole text.
    """
    nlp = spacy.load(base)
    clf = classifier_path(classifier)
    if clf is not None:
        nlp.add_pipe(
            "dechiffre_token_classifier", after="ner", config={"model": str(clf), "focus": focus}
        )
    nlp.add_pipe("dechiffre_quantities", last=True)
    linker = nlp.add_pipe("dechiffre_orgs", last=True)
    assert isinstance(linker, OrgLinker)
    linker.initialize(lambda: [], nlp=nlp, kb_path=kb_path)
    return nlp


NAMED_PIPELINES = ("default", "rules")


def load_pipeline(path: str | Path | None = None) -> Language:
    """A saved pipeline directory or package, or a named one.

    None and "default" give rules and classifier combined; "rules" gives the
    rules alone (fastest).
    """
    if path is None or str(path) == "default":
        return build_pipeline()
    if str(path) == "rules":
        return build_pipeline(classifier=None)
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
