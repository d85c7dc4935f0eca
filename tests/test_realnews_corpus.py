"""The real-news corpus: stand-off annotations rebuild into valid gold files from ../shared."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from corpus_scripts import load_script

from dechiffre.evaluation.gold import read_gold

REAL = Path(__file__).resolve().parents[1] / "corpus" / "real"

pytestmark = pytest.mark.shared


def load_realnews() -> ModuleType:
    return load_script(REAL / "realnews.py")


@pytest.fixture(scope="module")
def built(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    realnews = load_realnews()
    realnews.GOLD = tmp_path_factory.mktemp("real-gold")
    assert realnews.build(shared_dir) == 0
    return {name: realnews.GOLD / f"{name}.jsonl" for name in ("train", "dev", "test")}


def test_splits_are_valid_gold_and_large_enough(built: dict[str, Path]) -> None:
    docs = {name: read_gold(path) for name, path in built.items()}  # validates every span
    assert len(docs["test"]) >= 100 and len(docs["dev"]) >= 50
    ids = [d["id"] for split in docs.values() for d in split]
    assert len(ids) == len(set(ids))  # disjoint splits


def test_every_eligible_document_is_annotated_once(built: dict[str, Path]) -> None:
    realnews = load_realnews()
    eligible = {row["id"] for row in realnews.eligible()}
    annotated = {json.loads(line)["id"] for p in built.values() for line in p.open()}
    assert annotated == eligible


def test_splits_are_fixed_by_the_seed() -> None:
    realnews = load_realnews()
    rows = realnews.eligible()
    assert realnews.assign_splits(rows) == realnews.assign_splits(list(reversed(rows)))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("text", "has changed since it was annotated"),
        ("markup", "differs from the source"),
    ],
)
def test_a_changed_source_is_refused(
    shared_dir: Path, tmp_path: Path, change: str, message: str
) -> None:
    from build import MarkupError  # corpus/build.py, on the path once realnews is loaded

    realnews = load_realnews()
    rec = realnews.read_annotations("adjudicated")
    first = next(iter(rec.values()))
    if change == "text":
        with pytest.raises(MarkupError, match=message):
            realnews.gold_docs([{**first, "sha256_16": "0" * 16}], shared_dir)
    else:
        docs = realnews.read_source(shared_dir)
        work = tmp_path / f"{first['id']}.txt"
        text = docs[first["id"]]["text"]
        work.write_text(f"### {first['id']} | x\n[[{text[:3]}|ORG]]{text[4:]}\n", encoding="utf-8")
        with pytest.raises(MarkupError, match=message):
            realnews.parse_work_file(work, docs)


@pytest.mark.parametrize(
    ("prefix", "name", "sample"),
    [
        ("long", "dev-long", "LONG_TSV"),
        ("trainlong", "train-long", "TRAIN_LONG_TSV"),
        ("devlong2", "dev-long2", "DEV_LONG2_TSV"),
    ],
)
def test_long_sets_rebuild_whole_and_apart(
    shared_dir: Path, tmp_path: Path, prefix: str, name: str, sample: str
) -> None:
    import csv

    realnews = load_realnews()
    realnews.GOLD = tmp_path
    assert realnews.build_long(shared_dir, prefix, name) == 0
    docs = read_gold(tmp_path / f"{name}.jsonl")  # validates every span
    with getattr(realnews, sample).open(encoding="utf-8") as handle:
        drawn = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    assert {d["id"] for d in docs} == drawn
    others = {row["id"] for row in realnews.eligible()}
    with realnews.LONG_TSV.open(encoding="utf-8") as handle:
        dev_long = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    with realnews.TRAIN_LONG_TSV.open(encoding="utf-8") as handle:
        train_long = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    assert not drawn & others
    assert name == "dev-long" or not drawn & dev_long
    assert name == "train-long" or not drawn & train_long
