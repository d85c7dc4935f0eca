"""The claim-frame corpus: every stand-off frame still fits the span gold it was written on."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_scripts import load_script

from dechiffre.evaluation.gold import read_gold, write_gold

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def real_gold(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """The committed real-news span gold paths, mapped to files rebuilt from ../shared."""
    realnews = load_script(ROOT / "corpus" / "real" / "realnews.py")
    realnews.GOLD = tmp_path_factory.mktemp("real-gold")
    assert realnews.build(shared_dir) == 0
    long_sets = {"dev-long": "long", "train-long": "trainlong", "dev-long2": "devlong2"}
    for name, prefix in long_sets.items():
        assert realnews.build_long(shared_dir, prefix, name) == 0
    return {
        ROOT / "corpus" / "real" / "gold" / f"{name}.jsonl": realnews.GOLD / f"{name}.jsonl"
        for name in ("train", "dev", "test", *long_sets)
    }


CLAIMS = load_script(ROOT / "corpus" / "claims" / "claims.py")
REAL_SETS = [
    name
    for name, (gold, _) in CLAIMS.SETS.items()
    if all("corpus/real/gold/" in str(g) for g in (gold if isinstance(gold, tuple) else (gold,)))
]


@pytest.mark.parametrize("set_name", REAL_SETS)
def test_real_claims_attach_to_rebuilt_span_gold(
    set_name: str, real_gold: dict[Path, Path], tmp_path: Path
) -> None:
    gold, ann = CLAIMS.SETS[set_name]
    golds = gold if isinstance(gold, tuple) else (gold,)
    if not all(g in real_gold for g in golds):
        pytest.skip(f"{set_name}: its span gold is not rebuilt by realnews.py build")
    records = CLAIMS.read_jsonl(CLAIMS.ANNOTATIONS / f"{ann}.jsonl")
    spans = [doc for g in golds for doc in read_gold(real_gold[g])]
    docs = CLAIMS.attach(spans, records, set_name)
    assert len(docs) == len(records)  # every annotated document is in the span gold
    write_gold(docs, tmp_path / "claims.jsonl")  # validates the frames' span refs
    frames = sum(1 for d in docs for s in d["spans"] if "claim" in s)
    assert frames == sum(len(r["claims"]) for r in records)
