"""End to end: the seed article, records, saved pipelines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from dechiffre.pipeline.extract import extract_text

pytestmark = pytest.mark.slow
SEED = "seed/000_3e265e7de1b6bb50"


@pytest.mark.shared
def test_seed_article_matches_gold_exactly(nlp: Language, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / f"{SEED}.gold.jsonl").read_text(encoding="utf-8"))
    text = (shared_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    assert text == gold["text"]
    record = extract_text(nlp, text, gold["id"])
    keys = ("start", "end", "label", "kb_id", "value", "value_max", "unit", "modifier", "object")

    def strip(spans: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{k: s[k] for k in keys if k in s} for s in spans]

    assert strip(record["spans"]) == strip(gold["spans"])


def test_record_follows_the_gold_format(nlp: Language) -> None:
    record = extract_text(nlp, "Le HCR a enregistré environ 4 388 migrants.", "doc-1")
    assert record["id"] == "doc-1"
    assert [s["label"] for s in record["spans"]] == ["ORG", "QUANTITY"]
    org, qty = record["spans"]
    assert record["text"][org["start"] : org["end"]] == "HCR" and org["kb_id"] == "UNHCR"
    assert {k: qty[k] for k in ("value", "value_max", "unit", "modifier", "object")} == {
        "value": 4388,
        "value_max": None,
        "unit": None,
        "modifier": "approx",
        "object": "migrants",
    }


def test_saved_pipeline_loads_with_spacy_load(nlp: Language, tmp_path: Path) -> None:
    text = "Selon l'OIM, plus de 3,5 millions d'euros ont été versés à 1 200 familles."
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert "dechiffre_orgs" in loaded.pipe_names and "dechiffre_quantities" in loaded.pipe_names
    assert extract_text(loaded, text) == extract_text(nlp, text)


def _corpus_docs(repo_dir: Path, n: int) -> list[tuple[str, str]]:
    lines = (repo_dir / "corpus/splits/test.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines[:n]]
    return [(d["id"], d["text"]) for d in docs]


def _records(nlp: Language, docs: list[tuple[str, str]], batch_size: int) -> dict[str, str]:
    from dechiffre.pipeline.extract import extract_docs
    from dechiffre.pipeline.inputs import InputDoc

    items = [InputDoc(id=i, text=t, source="test", line=n) for n, (i, t) in enumerate(docs)]
    return {
        r["id"]: json.dumps(r, ensure_ascii=False)
        for r in extract_docs(nlp, items, batch_size=batch_size)
    }


@pytest.mark.parametrize("batch_size", [2, 5, 64])
def test_output_does_not_depend_on_batch_size_or_order(
    nlp: Language, repo_dir: Path, batch_size: int
) -> None:
    docs = _corpus_docs(repo_dir, 24)
    alone = _records(nlp, docs, batch_size=1)
    shuffled = docs[::-1][::2] + docs[::-1][1::2]
    assert _records(nlp, shuffled, batch_size=batch_size) == alone


def test_missing_classifier_is_loud(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from dechiffre.pipeline.errors import DechiffreError, DechiffreWarning
    from dechiffre.pipeline.extract import classifier_path

    monkeypatch.setenv("DECHIFFRE_CLASSIFIER", str(tmp_path))  # no artifact there
    with pytest.warns(DechiffreWarning, match="rules ALONE"):
        assert classifier_path("auto") is None
    with pytest.raises(DechiffreError, match=str(tmp_path)):
        classifier_path(True)
    assert classifier_path(None) is None
