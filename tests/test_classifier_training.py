"""Training the token classifier: config, data, a short run on a tiny BERT."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from safetensors import safe_open

from dechiffre.pipeline.classifier_data import read_gold
from dechiffre.pipeline.classifier_training import (
    _window_rows,
    load_config,
    read_wikineural,
    train,
)
from dechiffre.pipeline.token_classifier import ARTIFACT_WEIGHTS, load_engine, load_tokenizer

REPO = Path(__file__).resolve().parents[1]
PATHS = '[paths]\ntrain = "x"\noutput = "o"\n'


def test_default_config_reads() -> None:
    s = load_config(REPO / "models" / "configs" / "default.cfg")
    assert s.base == "multilingual-e5-small"
    assert s.freeze_embeddings is True
    assert 0 < s.freeze_layers < 12
    assert s.use_masakhanews is False and s.use_wikineural is False
    # synthetic train and real-news train; early stopping on real-news dev
    assert str(s.train) == "corpus/splits/train.jsonl,corpus/real/gold/train.jsonl"
    assert s.dev == Path("corpus/real/gold/dev.jsonl")


def test_config_overrides_and_errors(tmp_path: Path) -> None:
    s = load_config(REPO / "models" / "configs" / "default.cfg", {"training.max_steps": 5})
    assert s.max_steps == 5
    with pytest.raises(ValueError, match="does not exist"):
        load_config(tmp_path / "missing.cfg")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[model]\nbase = "x"\n', r"\[paths\] : Field required"),
        (f'{PATHS}[model]\nnum_layer = 6\n', r"num_layer: Extra inputs"),
        (f"{PATHS}[training]\nlr = -1\n", r"lr: Input should be greater"),
    ],
)
def test_config_is_checked_against_the_schema(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.cfg"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_config(bad)


def test_defaults_are_written_once_in_the_schema(tmp_path: Path) -> None:
    from dechiffre.pipeline.classifier_training import TrainingConfig

    minimal = tmp_path / "minimal.cfg"
    minimal.write_text('[paths]\ntrain = "t.jsonl"\noutput = "out"\n', encoding="utf-8")
    s = load_config(minimal)
    defaults = TrainingConfig.model_validate({"paths": {"train": "t.jsonl", "output": "out"}})
    assert s.num_layers == defaults.model.num_layers == 6
    assert s.seed == defaults.training.seed
    assert s.head_lr == s.lr  # head_lr defaults to lr


def test_tiny_training_run(tiny_classifier: tuple[Path, dict]) -> None:
    artifact, report = tiny_classifier
    assert report["steps"] > 0
    assert report["history"], "dev was evaluated"
    assert set(report["dev"]) == {"ORG", "QUANTITY", "ALL"}
    # The tiny model memorises its six sentences well enough to find most spans.
    assert report["dev"]["ALL"]["f1"] >= 0.6, report["dev"]
    for name in ("classifier.json", ARTIFACT_WEIGHTS, "README.md", "training.json"):
        assert (artifact / name).is_file(), name
    card = (artifact / "README.md").read_text(encoding="utf-8")
    assert "Dev scores" in card and "ORG" in card


def test_artifact_holds_only_trained_weights(tiny_classifier: tuple[Path, dict]) -> None:
    artifact, _report = tiny_classifier
    with safe_open(str(artifact / ARTIFACT_WEIGHTS), framework="pt") as handle:
        names = set(handle.keys())
        dtypes = {str(handle.get_tensor(n).dtype) for n in names}
    assert dtypes == {"torch.float16"}
    assert not any(n.startswith("bert.embeddings") for n in names)
    assert not any(n.startswith("bert.encoder.layer.0.") for n in names)  # freeze_layers = 1
    assert any(n.startswith("bert.encoder.layer.1.") for n in names)
    assert {"classifier.weight", "classifier.bias"} <= names


def test_training_is_reproducible(
    tmp_path: Path,
    tiny_base_model: Path,
    tiny_gold_file: Path,
    write_tiny_config: Callable[..., Path],
) -> None:
    cfg = write_tiny_config(tmp_path, tiny_base_model, tiny_gold_file, epochs=3)
    first = train(cfg)["history"][-1]["train_loss"]
    second = train(cfg)["history"][-1]["train_loss"]
    assert first == pytest.approx(second, rel=1e-5)


def test_max_steps_and_dev_holdout(
    tmp_path: Path,
    tiny_base_model: Path,
    tiny_gold_file: Path,
    write_tiny_config: Callable[..., Path],
) -> None:
    cfg = write_tiny_config(tmp_path, tiny_base_model, tiny_gold_file, max_steps=2)
    report = train(cfg, {"paths.dev": None, "data.dev_fraction": 0.34})
    assert report["steps"] == 2
    assert report["stopped_by"].startswith("max_steps")
    assert report["data"]["dev_docs"] == 2 and report["data"]["train_docs"] == 4


def test_training_can_start_from_an_artifact(
    tmp_path: Path,
    tiny_classifier: tuple[Path, dict],
    tiny_base_model: Path,
    tiny_gold_file: Path,
    write_tiny_config: Callable[..., Path],
) -> None:
    artifact, _report = tiny_classifier
    cfg = write_tiny_config(tmp_path, tiny_base_model, tiny_gold_file, max_steps=2)
    cold = train(cfg)["history"][0]["train_loss"]
    warm = train(cfg, {"model.init": str(artifact)})["history"][0]["train_loss"]
    # Two more steps on top of the trained weights keep their low loss; from the base it is high.
    assert warm < cold / 2, (warm, cold)
    card = (tmp_path / "clf" / "README.md").read_text(encoding="utf-8")
    assert f"Started from the weights of `{artifact}`" in card
    with pytest.raises(ValueError, match="num_layers"):
        train(cfg, {"model.init": str(artifact), "model.num_layers": 1})


def test_missing_training_file_is_explained(
    tmp_path: Path, tiny_base_model: Path, write_tiny_config: Callable[..., Path]
) -> None:
    cfg = write_tiny_config(tmp_path, tiny_base_model, tmp_path / "nope.jsonl")
    with pytest.raises(ValueError, match="does not exist"):
        train(cfg)


def test_window_rows_align_labels(tiny_base_model: Path, tiny_gold_docs: list[dict]) -> None:
    tokenizer = load_tokenizer(tiny_base_model)
    doc = tiny_gold_docs[0]
    batch = {
        "id": [doc["id"]],
        "text": [doc["text"]],
        "starts": [[s["start"] for s in doc["spans"]]],
        "ends": [[s["end"] for s in doc["spans"]]],
        "labels": [[s["label"] for s in doc["spans"]]],
        "ignore_starts": [[]],
        "ignore_ends": [[]],
    }
    rows = _window_rows(batch, tokenizer=tokenizer, max_length=6, stride=1)
    assert len(rows["input_ids"]) > 1, "a short max_length cuts several windows"
    for ids, labels in zip(rows["input_ids"], rows["labels"], strict=True):
        assert len(ids) == len(labels) <= 6
        assert ids[0] == tokenizer.cls_token_id and ids[-1] == tokenizer.sep_token_id
        assert labels[0] == labels[-1] == -100
    flat = [t for labels in rows["labels"] for t in labels[1:-1]]
    assert 1 in flat and 3 in flat  # B-ORG, B-QUANTITY


def test_read_gold_checks_format(tmp_path: Path, tiny_gold_file: Path) -> None:
    docs = read_gold(tiny_gold_file)
    assert len(docs) == 6 and docs[0]["spans"][0]["label"] == "ORG"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"id": "x", "text": "abc", "spans": [{"start": 2, "end": 9, "label": "ORG"}]})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="outside the text"):
        read_gold(bad)
    bad.write_text(json.dumps({"id": "x", "text": "abc"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no 'spans' key"):
        read_gold(bad)


def test_read_wikineural_masks_numbers(tmp_path: Path) -> None:
    conllu = tmp_path / "w.conllu"
    conllu.write_text(
        "0\tLa\tO\n1\tBanque\tB-ORG\n2\tmondiale\tI-ORG\n3\tprête\tO\n4\t20\tO\n5\tmillions\tO\n"
        "\n0\tParis\tB-LOC\n1\tgagne\tO\n",
        encoding="utf-8",
    )
    rows = read_wikineural(conllu, limit=10)
    assert len(rows) == 2
    first = rows[0]
    assert first["text"] == "La Banque mondiale prête 20 millions"
    start, end = first["starts"][0], first["ends"][0]
    assert first["text"][start:end] == "Banque mondiale" and first["labels"] == ["ORG"]
    masked = [
        first["text"][a:b]
        for a, b in zip(first["ignore_starts"], first["ignore_ends"], strict=True)
    ]
    assert masked == ["20", "millions"]
    assert rows[1]["starts"] == []  # LOC is not ORG


def test_max_length_beyond_positions_is_explained(tiny_classifier: tuple[Path, dict]) -> None:
    artifact, _report = tiny_classifier
    with pytest.raises(ValueError, match="exceeds the 128 positions"):
        load_engine(artifact, backend="torch", max_length=256)


def test_engine_from_tiny_artifact(
    tiny_classifier: tuple[Path, dict], tiny_gold_docs: list[dict]
) -> None:
    artifact, _report = tiny_classifier
    engine = load_engine(artifact, backend="torch", threshold=0.0, max_length=64)
    text = tiny_gold_docs[0]["text"]
    spans = engine.predict([text])[0]
    assert ("OIM", "ORG") in {(text[s.start : s.end], s.label) for s in spans}


def test_frozen_prefix_matches_plain_forward(
    tiny_base_model: Path, tiny_gold_docs: list[dict]
) -> None:
    import torch

    from dechiffre.pipeline.classifier_training import FrozenPrefix, _collate, freeze
    from dechiffre.pipeline.token_classifier import build_model

    tokenizer = load_tokenizer(tiny_base_model)
    docs = tiny_gold_docs
    batch = {
        "id": [d["id"] for d in docs],
        "text": [d["text"] for d in docs],
        "starts": [[s["start"] for s in d["spans"]] for d in docs],
        "ends": [[s["end"] for s in d["spans"]] for d in docs],
        "labels": [[s["label"] for s in d["spans"]] for d in docs],
        "ignore_starts": [[] for _ in docs],
        "ignore_ends": [[] for _ in docs],
    }
    rows = _window_rows(batch, tokenizer=tokenizer, max_length=64, stride=8)
    examples = [
        {"input_ids": i, "labels": lab}
        for i, lab in zip(rows["input_ids"], rows["labels"], strict=True)
    ]
    model = build_model(tiny_base_model)
    freeze(model, embeddings=True, layers=1)
    prefix = FrozenPrefix(model, 1)
    assert prefix.check(examples, 0) < 1e-5
    prefix.precompute(examples, 0)
    model.eval()
    ids = [0, 2, 5]
    collated = _collate([examples[i] for i in ids], 0)
    with torch.no_grad():
        plain = model(**collated).loss
        cached = prefix.loss(ids, collated)
    assert float(cached) == pytest.approx(float(plain), rel=1e-5)


def test_linear_schedule_fits_the_time_limit() -> None:
    from dechiffre.pipeline.classifier_training import LinearSchedule

    schedule = LinearSchedule(warmup=10, horizon=100)
    assert schedule.factor(0) == 0.0 and schedule.factor(5) == 0.5
    assert schedule.factor(10) == 1.0 and schedule.factor(55) == 0.5 and schedule.factor(100) == 0
    # 20 steps took 60 s and 90 s are left: 30 more steps fit, so decay ends at step 50.
    assert schedule.fit(20, 60.0, 90.0)
    assert schedule.horizon == 50
    assert schedule.factor(30) == pytest.approx(0.5)
    assert not schedule.fit(20, 60.0, 900.0), "the horizon never moves out again"


def test_cli_train_shows_progress(
    tmp_path: Path,
    tiny_base_model: Path,
    tiny_gold_file: Path,
    write_tiny_config: Callable[..., Path],
) -> None:
    from typer.testing import CliRunner

    from dechiffre.pipeline.cli import app

    cfg = write_tiny_config(tmp_path, tiny_base_model, tiny_gold_file, max_steps=2)
    result = CliRunner().invoke(app, ["train", "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    # a long run must not be silent: data counts and evaluations go to stderr as it runs
    assert "steps planned" in result.output
    assert "eval" in result.output
