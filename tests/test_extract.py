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
