"""The gold corpus: every file valid, splits in step with the sources, sizes as documented."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dechiffre.evaluation.gold import read_gold

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SPLITS = ("train", "dev", "test")


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def splits() -> dict[str, list[dict[str, Any]]]:
    return {name: read_gold(CORPUS / "splits" / f"{name}.jsonl") for name in SPLITS}


@pytest.mark.parametrize(
    "path",
    [
        *(CORPUS / "splits" / f"{name}.jsonl" for name in SPLITS),
        CORPUS / "agreement" / "annotator_a.jsonl",
        CORPUS / "agreement" / "annotator_b.jsonl",
    ],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_gold_file_is_valid(path: Path) -> None:
    docs = read_gold(path)  # raises GoldFormatError naming file, line, id and span
    assert docs


def test_splits_are_disjoint_and_large_enough(splits: dict[str, list[dict[str, Any]]]) -> None:
    ids = [d["id"] for docs in splits.values() for d in docs]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 400
    assert len(splits["test"]) >= 100


def test_every_stratum_reaches_test(splits: dict[str, list[dict[str, Any]]]) -> None:
    test_topics = Counter(d["meta"]["topic"] for d in splits["test"])
    test_origins = Counter(d["meta"]["origin"] for d in splits["test"])
    assert set(test_topics) == load_build().TOPICS
    assert set(test_origins) == load_build().ORIGINS


def test_splits_are_built_from_the_sources(splits: dict[str, list[dict[str, Any]]]) -> None:
    build = load_build()
    docs = [
        doc for src in sorted((CORPUS / "src").glob("*.txt")) for doc in build.parse_source(src)
    ]
    build.link_kb(docs)
    rebuilt = build.split_documents(docs)
    for name in SPLITS:
        assert json.dumps(rebuilt[name], ensure_ascii=False) == json.dumps(
            splits[name], ensure_ascii=False
        ), f"corpus/splits/{name}.jsonl is out of date: run python corpus/build.py"


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("[[OIM|ORG|IOM", "unbalanced"),
        ("[[48.963|Q|m=approx]]", "needs v="),
        ("[[12 %|Q|v=12;m=about]]", "modifier must be"),
        ("[[HCR|PER]]", "label must be ORG or Q"),
        ("[[3 000|Q|v=3000;o=blé]]", "does not occur"),
    ],
)
def test_markup_errors_are_reported(markup: str, message: str) -> None:
    build = load_build()
    body = markup + " " + " ".join(["mot"] * 160)
    with pytest.raises(build.MarkupError, match=message):
        build.parse_document("t-1 | MA | migration | 2024-01-01 | test", body, "src.txt:1")
