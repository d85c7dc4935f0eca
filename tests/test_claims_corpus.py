"""The claim-frame corpus: every stand-off frame still fits the span gold it was written on,
and adjudication changes apply only over the values they were checked against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_scripts import load_script

from dechiffre.evaluation.gold import read_gold, write_gold

ROOT = Path(__file__).resolve().parents[1]

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


@pytest.mark.shared
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


FRAME = {"predicate": "signer", "agent": None, "source": None, "part_of": None, "time": None}
HEADER = "set\tdoc_id\tq_start\tq_end\tkey\told\tnew\truling\tnote\n"


@pytest.fixture
def one_frame(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the annotations folder holding one real-dev frame."""
    folder = tmp_path / "annotations"
    folder.mkdir()
    record = {"id": "doc-1", "claims": [{"start": 10, "end": 16, "claim": dict(FRAME)}]}
    (folder / "real-dev.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    monkeypatch.setattr(CLAIMS, "ANNOTATIONS", folder)
    return folder


@pytest.mark.parametrize(
    ("row", "applied"),
    [
        ('real-dev\tdoc-1\t10\t16\tpredicate\t"signer"\tnull\tCR5\tcontrat de 3 ans', True),
        ('real-dev\tdoc-1\t10\t16\tpredicate\t"avoir"\tnull\tCR5\tstale old value', False),
        ('real-dev\tdoc-1\t11\t16\tpredicate\t"signer"\tnull\tCR5\tno such frame', False),
        ("real-dev\tdoc-1\t10\t16\tpredicate\tsigner\tnull\tCR5\told not JSON", False),
        ('real-dev\tdoc-1\t10\t16\tverb\t"signer"\tnull\tCR5\tunknown key', False),
    ],
)
def test_update_applies_only_checked_rows(
    one_frame: Path, tmp_path: Path, row: str, applied: bool
) -> None:
    tsv, log = tmp_path / "changes.tsv", tmp_path / "log.tsv"
    tsv.write_text(HEADER + row + "\n", encoding="utf-8")
    assert CLAIMS.update(tsv, log) == (0 if applied else 1)
    frame = CLAIMS.read_jsonl(one_frame / "real-dev.jsonl")[0]["claims"][0]["claim"]
    assert frame["predicate"] == (None if applied else "signer")
    assert log.exists() == applied
    if applied:
        assert log.read_text(encoding="utf-8") == HEADER + row + "\n"
