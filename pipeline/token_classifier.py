"""The fine-tuned token classifier (ORG, QUANTITY) and its spaCy component.

A classifier artifact is a folder with ``classifier.json`` (labels, base model,
window settings) and ``weights.safetensors`` (only the weights training changed,
in float16). The frozen rest (the 96M-parameter embedding matrix and the lower
layers) is rebuilt from the base model cache on load; see
:mod:`pipeline.base_model`.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from filelock import FileLock
from spacy.attrs import IS_SPACE, IS_STOP, LOWER, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import minibatch, registry
from spacy.vocab import Vocab

from ..models import packaged_path
from . import attributes  # noqa: F401  (registers Span._.dechiffre_clf_score)
from .base_model import base_model_fingerprint, cache_root, ensure_base_model
from .classifier_data import TAG2ID, TAGS, CharSpan, Encoded, decode, encode, windows
from .errors import DechiffreError, Errors, ModelError, ModelWarning, Warnings
from .onnx_export import FLOAT_PARTS, FloatPart, run_step
from .org_rules import COUNTRIES, fold

ARTIFACT_CONFIG = "classifier.json"
ARTIFACT_WEIGHTS = "weights.safetensors"
ARTIFACT_FORMAT = 1
ONNX_NAME = "model.int8.onnx"
# 2: BERT fusions before quantising; 3: eager attention, which the fusions turn into one
# Attention node per layer. A new version exports anew.
ONNX_EXPORT_VERSION = 3
SPANS_KEY = "dechiffre_classifier"
DEFAULT_ARTIFACT = packaged_path("dechiffre-clf")
Backend = Literal["auto", "torch", "onnx"]
FOCUS_POS = frozenset({"PROPN", "NOUN", "X"})
TITLES = frozenset({"m.", "mm.", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste"})
_FOCUS_POS_IDS = frozenset(POS_IDS[name] for name in FOCUS_POS)


@functools.lru_cache(maxsize=1 << 16)
def _has_upper(text: str) -> bool:
    return any(c.isupper() for c in text)

log = logging.getLogger(__name__)



@contextlib.contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers' load reports and progress bars for a block."""
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bars:
            hf_logging.enable_progress_bar()


def build_model(base: Path | str, num_layers: int = 0) -> Any:
    """A token-classification model over ``base`` with the dechiffre BIO tags.

    ``num_layers`` > 0 keeps only the base's lowest encoder layers (a smaller,
    faster encoder); 0 keeps them all.
    """
    from transformers import AutoConfig, AutoModelForTokenClassification

    with quiet_transformers():
        config = AutoConfig.from_pretrained(
            str(base),
            num_labels=len(TAGS),
            id2label=dict(enumerate(TAGS)),
            label2id=dict(TAG2ID),
        )
        available = int(getattr(config, "num_hidden_layers", 0))
        if num_layers < 0 or (available and num_layers > available):
            raise DechiffreError(Errors.E432.format(available=available, base=base, got=num_layers))
        if num_layers:
            config.num_hidden_layers = num_layers
        return AutoModelForTokenClassification.from_pretrained(str(base), config=config)


def load_tokenizer(base: Path | str) -> Any:
    """The base model's fast tokenizer (offsets are needed)."""
    from transformers import AutoTokenizer

    with quiet_transformers():
        tokenizer = AutoTokenizer.from_pretrained(str(base))
    if not getattr(tokenizer, "is_fast", False):
        raise DechiffreError(Errors.E433.format(base=base))
    return tokenizer


class RustTokenizer:
    """A fast tokenizer run by the ``tokenizers`` library alone, for inference.

    It reads the backend that transformers builds for the base model (saved
    once by :func:`inference_tokenizer`), so pieces and offsets are the same,
    at about half the peak memory: wrapping a 250k-piece vocabulary in
    transformers holds it twice while loading.
    """

    is_fast = True

    def __init__(self, tokenizer_json: Path | str, special: dict[str, str]) -> None:
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(tokenizer_json))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        ids = {name: self._tokenizer.token_to_id(token) for name, token in special.items()}
        self.cls_token_id = ids.get("cls_token")
        self.sep_token_id = ids.get("sep_token")
        self.pad_token_id = ids.get("pad_token")
        self.unk_token_id = ids.get("unk_token")
        if self.cls_token_id is None or self.sep_token_id is None:
            raise DechiffreError(Errors.E434.format(path=tokenizer_json, special=special))

    def __call__(
        self, texts: Sequence[str], *, add_special_tokens: bool = False, **_options: Any
    ) -> dict[str, list[Any]]:
        """Ids and character offsets of each text (never truncated or padded)."""
        found = self._tokenizer.encode_batch(list(texts), add_special_tokens=add_special_tokens)
        return {
            "input_ids": [e.ids for e in found],
            "offset_mapping": [e.offsets for e in found],
        }

    def convert_ids_to_tokens(self, ids: Sequence[int]) -> list[str]:
        """The pieces of some ids."""
        return [self._tokenizer.id_to_token(i) or "" for i in ids]


SPECIAL_TOKENS = ("cls_token", "sep_token", "pad_token", "unk_token")


def inference_tokenizer(base: Path | str) -> Any:
    """The base model's tokenizer for inference: a :class:`RustTokenizer` when one is cached.

    The first call loads the tokenizer with transformers and saves its backend
    and special tokens to the dechiffre cache, keyed by the base weights and the
    transformers version; later calls (other processes) load only that file.
    """
    from importlib.metadata import version

    base = Path(base)
    fingerprint = base_model_fingerprint(base) if base.is_dir() else None
    if fingerprint is None:
        return load_tokenizer(base)
    key = hashlib.sha256(f"{fingerprint} {version('transformers')}".encode()).hexdigest()[:16]
    folder = cache_root() / "tokenizers" / key
    if (folder / "special.json").is_file():
        special = json.loads((folder / "special.json").read_text("utf-8"))
        return RustTokenizer(folder / "tokenizer.json", special)
    tokenizer = load_tokenizer(base)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".tokenizer.{os.getpid()}.json"
    tokenizer.backend_tokenizer.save(str(tmp))
    os.replace(tmp, folder / "tokenizer.json")
    special = {name: str(getattr(tokenizer, name)) for name in SPECIAL_TOKENS}
    tmp = folder / f".special.{os.getpid()}.json"
    tmp.write_text(json.dumps(special), encoding="utf-8")
    os.replace(tmp, folder / "special.json")  # written last: it marks the pair complete
    return tokenizer


def save_artifact(
    model: Any,
    out_dir: Path | str,
    *,
    base_model: str,
    base_path: Path,
    max_length: int,
    stride: int,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write the trainable weights (float16) and ``classifier.json`` into ``out_dir``."""
    from safetensors.torch import save_file

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    state = {
        name: param.detach().to("cpu").half().contiguous()
        for name, param in model.named_parameters()
        if param.requires_grad
    }
    if not state:
        raise DechiffreError(Errors.E435)
    weights = out / ARTIFACT_WEIGHTS
    save_file(state, str(weights), metadata={"format": "pt"})
    weights.chmod(0o644)
    config = {
        "format": ARTIFACT_FORMAT,
        "base_model": base_model,
        "base_fingerprint": base_model_fingerprint(base_path),
        "tags": list(TAGS),
        "max_length": max_length,
        "stride": stride,
        "weights_sha256": _sha256(weights),
        "trainable_parameters": int(sum(t.numel() for t in state.values())),
        **(extra or {}),
    }
    (out / ARTIFACT_CONFIG).write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n")
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_artifact_config(model_dir: Path | str) -> dict[str, Any]:
    """The ``classifier.json`` of an artifact folder, checked."""
    path = Path(model_dir) / ARTIFACT_CONFIG
    if not path.is_file() or not (Path(model_dir) / ARTIFACT_WEIGHTS).is_file():
        raise ModelError(
            Errors.E436.format(config=ARTIFACT_CONFIG, weights=ARTIFACT_WEIGHTS, path=model_dir)
        )
    config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if config.get("format") != ARTIFACT_FORMAT or tuple(config.get("tags", ())) != TAGS:
        raise ModelError(
            Errors.E437.format(
                path=path,
                format=config.get("format"),
                tags=config.get("tags"),
                expected_format=ARTIFACT_FORMAT,
                expected_tags=list(TAGS),
            )
        )
    return config


def load_model(model_dir: Path | str, base_model: str | None = None) -> tuple[Any, Any, dict]:
    """Rebuild the fine-tuned model: base weights, then the artifact's weights on top."""
    import torch
    from safetensors.torch import load_file

    config = read_artifact_config(model_dir)
    base_name = base_model or config["base_model"]
    base = ensure_base_model(base_name)
    expected = config.get("base_fingerprint")
    found = base_model_fingerprint(base)
    if expected and found and expected != found:
        warnings.warn(
            Warnings.W420.format(
                path=model_dir, expected=expected[:12], base=base, found=found[:12]
            ),
            ModelWarning,
            stacklevel=2,
        )
    model = build_model(base, int(config.get("num_layers", 0)))
    state = load_file(str(Path(model_dir) / ARTIFACT_WEIGHTS))
    own = model.state_dict()
    unknown = sorted(set(state) - set(own))
    if unknown:
        raise ModelError(
            Errors.E438.format(path=model_dir, base=base_name, names=", ".join(unknown[:3]))
        )
    model.load_state_dict({k: v.to(torch.float32) for k, v in state.items()}, strict=False)
    model.eval()
    return model, load_tokenizer(base), config


def onnx_candidates(model_dir: Path | str, config: dict[str, Any]) -> list[Path]:
    """Where a quantised ONNX file for this artifact may lie, in order of preference."""
    key = f"{str(config.get('weights_sha256', ''))[:16]}-v{ONNX_EXPORT_VERSION}"
    return [Path(model_dir) / ONNX_NAME, cache_root() / "onnx" / key / ONNX_NAME]


def export_onnx(
    model_dir: Path | str = DEFAULT_ARTIFACT,
    out: Path | str | None = None,
    *,
    base_model: str | None = None,
    keep_float: FloatPart = "ffn_output",
    isolate: bool = False,
) -> Path:
    """Export the fine-tuned model to ONNX and quantise it to int8 (per channel).

    Three steps: the float graph from PyTorch, ONNX Runtime's BERT fusions
    (SkipLayerNormalization, BiasGelu: int8 inference about 30 % faster on one
    thread), then int8 quantisation. ``isolate=True`` runs each step in a fresh
    Python process, so that no process holds more than one step's memory (each
    peaks near 3 GB, for seconds, once per machine) and the caller none of it.

    ``keep_float`` leaves some matrix products in float32: ``"ffn_output"`` (the
    FFN output layers, where int8 activations cost most accuracy), ``"ffn"`` (both
    FFN layers) or ``"none"``. The file goes to the dechiffre cache by default
    (about 120 MB, too big for the repository); the component then picks it up with
    ``backend="auto"`` or ``"onnx"``.
    """
    if keep_float not in FLOAT_PARTS:
        raise DechiffreError(Errors.E439.format(got=keep_float))
    if not onnx_available():
        raise ModelError(Errors.E440.format(reason="onnx or onnxruntime is missing"))
    config = read_artifact_config(model_dir)
    target = Path(out) if out else onnx_candidates(model_dir, config)[1]
    target.parent.mkdir(parents=True, exist_ok=True)
    base = ["--base-model", base_model] if base_model else []
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".export-") as tmp:
        fp32, fused, int8 = (Path(tmp) / f"model.{part}.onnx" for part in ("fp32", "fused", "int8"))
        steps = [
            ["float", str(model_dir), str(fp32), *base],
            ["fuse", str(fp32), str(fused)],
            ["quantize", str(fused), str(int8), "--keep-float", keep_float],
        ]
        for argv in steps:  # the same command line in this process or in a child
            if isolate:
                _run_export_step(argv, model_dir, target)
            else:
                run_step(argv)
                gc.collect()  # the next step needs the memory this one held
        os.replace(int8, target)  # atomic: a reader never sees half a file
    return target


def export_float(
    model_dir: Path | str, fp32: Path | str, *, base_model: str | None = None
) -> Path:
    """Export step 1: the float32 ONNX graph, and its attention shape beside it (``.json``)."""
    import torch

    fp32 = Path(fp32)
    model, tokenizer, _config = load_model(model_dir, base_model)
    del tokenizer  # not needed to export, and it holds 250,000 pieces
    # The same products as SDPA, written out op by op: ONNX Runtime's BERT fusions
    # recognise that graph and fuse each layer's attention into one node.
    model.set_attn_implementation("eager")
    shape = {"heads": model.config.num_attention_heads, "hidden": model.config.hidden_size}
    fp32.with_suffix(".json").write_text(json.dumps(shape), encoding="utf-8")

    class _Logits(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    sample = torch.ones((2, 16), dtype=torch.long)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _Logits(model).eval(),  # eval: no dropout, and export restores eval
            (sample, sample),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "logits": {0: "batch", 1: "sequence"},
            },
            opset_version=17,
            dynamo=False,
        )
    return fp32


def _run_export_step(argv: list[str], model_dir: Path | str, target: Path) -> None:
    """One export step in a fresh Python process; its failure names the step and its error."""
    command = [sys.executable, "-m", "dechiffre.pipeline.onnx_export", *argv]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        tail = lines[-1] if lines else "no message"
        raise ModelError(
            Errors.E445.format(
                path=model_dir, target=target, step=argv[0], code=done.returncode, tail=tail
            )
        )


def onnx_available() -> bool:
    """Whether ONNX export (onnx) and inference (onnxruntime) are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("onnx", "onnxruntime"))


def ensure_onnx(model_dir: Path | str, *, base_model: str | None = None) -> Path:
    """The artifact's int8 ONNX file: found next to it or in the cache, else exported once.

    Concurrent processes (batch workers) wait on a lock file instead of exporting twice.
    """
    candidates = onnx_candidates(model_dir, read_artifact_config(model_dir))
    found = [p for p in candidates if p.is_file()]
    if found:
        return found[0]
    target = candidates[1]
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(target.parent / ".lock"):
        if not target.is_file():
            log.info("exporting the classifier to ONNX int8 (once): %s", target)
            export_in_child(model_dir, target, base_model=base_model)
    return target


def export_in_child(
    model_dir: Path | str, target: Path | str, *, base_model: str | None = None
) -> Path:
    """:func:`export_onnx` with each step in a fresh Python process (none in this one)."""
    return export_onnx(model_dir, target, base_model=base_model, isolate=True)


class ClassifierEngine:
    """Runs a classifier over raw texts and returns character spans."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        max_length: int = 256,
        stride: int = 32,
        batch_size: int = 16,
        threshold: float = 0.5,
        session: Any = None,
    ) -> None:
        if max_length < 3:
            raise DechiffreError(Errors.E441.format(got=max_length))
        self.model = model
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.stride = stride
        self.batch_size = max(1, batch_size)
        self.threshold = threshold
        self.session = session
        self.backend = "onnx" if session is not None else "torch"
        self.cls_id = int(tokenizer.cls_token_id)
        self.sep_id = int(tokenizer.sep_token_id)
        self.pad_id = int(tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0)

    def predict(self, texts: Sequence[str]) -> list[list[CharSpan]]:
        """Character spans for each text (sorted by start)."""
        encoded = encode(self.tokenizer, texts)
        return [
            decode(probs, enc, self.threshold, text)
            for probs, enc, text in zip(self.probabilities(encoded), encoded, texts, strict=True)
        ]

    def probabilities(self, encoded: Sequence[Encoded]) -> list[npt.NDArray[np.float32]]:
        """Per-piece tag probabilities, averaged where windows overlap."""
        items = [
            (doc, start, end)
            for doc, enc in enumerate(encoded)
            for start, end in windows(len(enc.ids), self.max_length - 2, self.stride)
            if end > start
        ]
        items.sort(key=lambda item: item[2] - item[1])
        sums = [np.zeros((len(enc.ids), len(TAGS)), dtype=np.float32) for enc in encoded]
        counts = [np.zeros((len(enc.ids), 1), dtype=np.float32) for enc in encoded]
        for batch in minibatch(items, size=self.batch_size):
            seqs = [encoded[doc].ids[start:end] for doc, start, end in batch]
            for (doc, start, end), probs in zip(batch, self._run(seqs), strict=True):
                sums[doc][start:end] += probs
                counts[doc][start:end] += 1.0
        return [
            (s / np.maximum(c, 1.0)).astype(np.float32) for s, c in zip(sums, counts, strict=True)
        ]

    def _run(self, seqs: Sequence[list[int]]) -> list[npt.NDArray[np.float32]]:
        width = max(len(s) for s in seqs) + 2
        ids = np.full((len(seqs), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(seqs), width), dtype=np.int64)
        for row, seq in enumerate(seqs):
            ids[row, : len(seq) + 2] = [self.cls_id, *seq, self.sep_id]
            mask[row, : len(seq) + 2] = 1
        if self.session is not None:
            logits = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
        else:
            import torch

            with torch.inference_mode():
                logits = (
                    self.model(
                        input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)
                    )
                    .logits.float()
                    .numpy()
                )
        logits = logits - logits.max(axis=-1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=-1, keepdims=True)
        return [probs[row, 1 : len(seq) + 1] for row, seq in enumerate(seqs)]


def load_engine(
    model_dir: Path | str = DEFAULT_ARTIFACT,
    *,
    base_model: str | None = None,
    backend: Backend = "auto",
    max_length: int = 256,
    stride: int = 32,
    batch_size: int = 16,
    threshold: float = 0.5,
    num_threads: int = 0,
) -> ClassifierEngine:
    """Load an artifact for inference with ONNX Runtime int8 or PyTorch.

    ``"auto"`` uses ONNX Runtime when onnx and onnxruntime are installed, exporting
    the int8 file to the cache on first use, and PyTorch otherwise.
    """
    if backend not in ("auto", "torch", "onnx"):
        raise DechiffreError(Errors.E442.format(got=backend))
    config = read_artifact_config(model_dir)
    found: list[Path] = []
    if backend == "onnx" and not onnx_available():
        raise ModelError(Errors.E443)
    if backend != "torch" and onnx_available():
        try:
            found = [ensure_onnx(model_dir, base_model=base_model)]
        except Exception as err:
            if backend == "onnx":
                raise
            warnings.warn(Warnings.W421.format(reason=err), ModelWarning, stacklevel=2)
    session = None
    if backend != "torch" and found:
        # The ONNX graph holds all the weights: only the tokenizer comes from the base.
        session = _onnx_session(found[0], num_threads)
        model = None
        tokenizer = inference_tokenizer(ensure_base_model(base_model or config["base_model"]))
    else:
        import torch

        if num_threads > 0:
            torch.set_num_threads(num_threads)
        model, tokenizer, config = load_model(model_dir, base_model)
        limit = int(getattr(model.config, "max_position_embeddings", max_length))
        if max_length > limit:
            raise DechiffreError(Errors.E444.format(got=max_length, limit=limit))
    return ClassifierEngine(
        model,
        tokenizer,
        max_length=max_length,
        stride=stride,
        batch_size=batch_size,
        threshold=threshold,
        session=session,
    )


def _onnx_session(path: Path, num_threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    # The arena keeps the largest buffers ever allocated (windows are at most max_length
    # pieces, so it stays bounded): about 5 % faster on one thread than allocating per run.
    options.enable_cpu_mem_arena = True
    if num_threads > 0:
        options.intra_op_num_threads = num_threads
        options.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def focus_ranges(
    doc: Doc,
    *,
    covered: Iterable[tuple[int, int]] = (),
    window: int = 8,
    skip_labels: Iterable[str] = (),
) -> list[tuple[int, int]]:
    """Character ranges worth classifying: ``window`` tokens around each name-like token.

    A token is name-like when it has an upper-case letter and is not a stop
    word or a title ("Il", "Les", "M.", "Dr"); it must lie outside the
    ``covered`` token ranges (what the rules already tag) and outside entities
    with a label in ``skip_labels``, and must not be a sentence's first word
    unless that word is tagged PROPN, NOUN or X (or the Doc has no POS tags).
    Windows may cross sentence ends (context helps) and merge when they touch.
    """
    if window < 0:
        raise DechiffreError(
            Errors.E052.format(
                expected="focus_window >= 0 tokens",
                got=window,
                fix="Set focus_window to 0 or more.",
            )
        )
    skip = np.zeros(len(doc), dtype=bool)
    for start, end in covered:
        skip[start:end] = True
    labels = set(skip_labels)
    if labels:
        for ent in doc.ents:
            if ent.label_ in labels:
                skip[ent.start : ent.end] = True
    has_pos = doc.has_annotation("POS")
    has_sents = doc.has_annotation("SENT_START")
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER, IS_SPACE, IS_STOP, SENT_START, POS]).tolist()
    token_ranges: list[tuple[int, int]] = []
    for i, (orth, lower, is_space, is_stop, sent_start, pos) in enumerate(rows):
        if (
            skip[i]
            or is_space
            or is_stop
            or not _has_upper(strings[orth])
            or strings[lower] in TITLES
        ):
            continue
        first = i == 0 or (has_sents and sent_start == 1)
        if first and has_pos and pos not in _FOCUS_POS_IDS:
            continue
        start, end = max(0, i - window), min(len(doc), i + window + 1)
        if token_ranges and start <= token_ranges[-1][1]:
            token_ranges[-1] = (token_ranges[-1][0], max(end, token_ranges[-1][1]))
        else:
            token_ranges.append((start, end))
    return [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) for a, b in token_ranges]


FocusGetter = Callable[[Doc], list[tuple[int, int]]]


def country_names(doc: Doc) -> list[tuple[int, int]]:
    """The words of spaCy's LOC entities that are a country's name by themselves ("Sénégal",
    "Kenya"), as token ranges; a longer place name ("Afrique du Sud") may hold a body's
    words and is read around."""
    return [
        (t.i, t.i + 1)
        for ent in doc.ents
        if ent.label_ == "LOC"
        for t in ent
        if fold(t.text) in COUNTRIES
    ]


@registry.misc("dechiffre.focus_all.v1")
def focus_all() -> FocusGetter:
    """Focus getter: the classifier reads the whole text."""

    def get(doc: Doc) -> list[tuple[int, int]]:
        length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        return [(0, length)] if length else []

    return get


@registry.misc("dechiffre.focus_names.v1")
def focus_names(
    window: int = 8,
    skip_spans_key: str | None = "dechiffre_org_rules",
    skip_labels: list[str] = ["PER"],  # noqa: B006  (a config default, never mutated)
    skip_countries: bool = True,
) -> FocusGetter:
    """Focus getter: ``window`` tokens around names left untagged by ``doc.spans[skip_spans_key]``.

    The spans (the ORG rules' candidates by default) are read from the Doc, so the
    step that writes them must run before the classifier. With ``skip_countries``, a
    country's name that spaCy tags LOC is no name to read around: the classifier never
    makes a body of it, and a body named with it has a word of its own that is.
    """
    focus_ranges(Doc(Vocab(), words=[]), window=window)  # validates the window early
    labels = tuple(skip_labels)

    def get(doc: Doc) -> list[tuple[int, int]]:
        group = doc.spans.get(skip_spans_key) if skip_spans_key else None
        covered = [(s.start, s.end) for s in group] if group is not None else []
        if skip_countries:
            covered += country_names(doc)
        return focus_ranges(doc, covered=covered, window=window, skip_labels=labels)

    return get


class TokenClassifier(Pipe):
    """spaCy component writing classifier spans to ``doc.spans[spans_key]``.

    Each span gets its score in ``Span._.dechiffre_clf_score`` and, in span order, in the
    group's ``attrs["scores"]``. With ``focus="names"`` only the text around
    name-like tokens that the ORG rules leave untagged is
    classified (see :func:`focus_ranges` and :meth:`ranges`).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "dechiffre_token_classifier",
        *,
        model: str | None = None,
        base_model: str | None = None,
        batch_size: int = 1,
        max_length: int = 256,
        stride: int = 32,
        threshold: float = 0.5,
        backend: Backend = "auto",
        spans_key: str = SPANS_KEY,
        num_threads: int = 0,
        focus: FocusGetter | None = None,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.model_dir = Path(model) if model else DEFAULT_ARTIFACT
        self.cfg: dict[str, Any] = {
            "base_model": base_model,
            "batch_size": batch_size,
            "max_length": max_length,
            "stride": stride,
            "threshold": threshold,
            "backend": backend,
            "spans_key": spans_key,
            "num_threads": num_threads,
        }
        self.focus: FocusGetter = focus if focus is not None else focus_all()
        windows(max_length, max_length - 2, stride)  # validates the window settings early
        self._engine: ClassifierEngine | None = None

    @property
    def engine(self) -> ClassifierEngine:
        """The loaded model (loaded on first use)."""
        if self._engine is None:
            cfg = self.cfg
            self._engine = load_engine(
                self.model_dir,
                base_model=cfg["base_model"],
                backend=cfg["backend"],
                max_length=cfg["max_length"],
                stride=cfg["stride"],
                batch_size=cfg["batch_size"],
                threshold=cfg["threshold"],
                num_threads=cfg["num_threads"],
            )
        return self._engine

    def __call__(self, doc: Doc) -> Doc:
        """Tag one document."""
        self.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Tag documents; each document's windows are batched on their own."""
        for docs in minibatch(stream, size=batch_size):
            self.set_annotations(docs, self.predict(docs))
            yield from docs

    def predict(self, docs: Iterable[Doc]) -> list[list[CharSpan]]:
        """Character spans for each document, from its raw text (or its focus ranges).

        Each document's windows are run apart from other documents' windows: int8
        dynamic quantisation scales activations per batch, so sharing a batch would
        make a document's spans depend on its neighbours (and on batch size,
        worker count and resumes).
        """
        out: list[list[CharSpan]] = []
        for doc in docs:
            found = self.ranges(doc)
            text = doc.text  # Doc.text joins every token: build it once per Doc
            predicted = self.engine.predict([text[a:b] for a, b in found]) if found else []
            out.append(
                [
                    CharSpan(s.start + start, s.end + start, s.label, s.score)
                    for (start, _end), spans in zip(found, predicted, strict=True)
                    for s in spans
                ]
            )
        return out

    def ranges(self, doc: Doc) -> list[tuple[int, int]]:
        """The character ranges of ``doc`` that the classifier reads (from the focus getter)."""
        return self.focus(doc)

    def set_annotations(self, docs: Iterable[Doc], predictions: Sequence[list[CharSpan]]) -> None:
        """Align character spans to tokens and store them with their scores."""
        key = self.cfg["spans_key"]
        for doc, found in zip(docs, predictions, strict=True):
            spans = _token_spans(doc, found)
            for span, score in spans:
                span._.dechiffre_clf_score = score
            doc.spans[key] = SpanGroup(
                doc,
                name=key,
                spans=[span for span, _ in spans],
                attrs={"scores": [score for _, score in spans]},
            )

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the settings and the compact artifact (not the base model)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps(self.cfg, indent=2) + "\n")
        read_artifact_config(self.model_dir)
        target = path / "model"
        if target.resolve() != self.model_dir.resolve():
            target.mkdir(exist_ok=True)
            for name in (ARTIFACT_CONFIG, ARTIFACT_WEIGHTS):
                shutil.copyfile(self.model_dir / name, target / name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TokenClassifier:
        """Load what :meth:`to_disk` wrote; the model loads on first use."""
        path = Path(path)
        cfg_path = path / "cfg.json"
        if cfg_path.is_file():
            self.cfg.update(json.loads(cfg_path.read_text()))
        read_artifact_config(path / "model")
        self.model_dir = path / "model"
        self._engine = None
        return self


def set_threads(nlp: Language, threads: int) -> None:
    """Run every token classifier in ``nlp`` on ``threads`` CPU threads from its next load."""
    for _name, pipe in nlp.pipeline:
        if isinstance(pipe, TokenClassifier):
            pipe.cfg["num_threads"] = threads
            pipe._engine = None


def _token_spans(doc: Doc, found: Sequence[CharSpan]) -> list[tuple[Span, float]]:
    """Expand character spans to whole tokens; on overlap the higher score wins."""
    taken = np.zeros(len(doc), dtype=bool)
    out: list[tuple[Span, float]] = []
    for char_span in sorted(found, key=lambda s: -s.score):
        span = doc.char_span(
            char_span.start, char_span.end, label=char_span.label, alignment_mode="expand"
        )
        if span is None or taken[span.start : span.end].any():
            continue
        taken[span.start : span.end] = True
        out.append((span, char_span.score))
    out.sort(key=lambda item: item[0].start)
    return out


@Language.factory(
    "dechiffre_token_classifier",
    default_config={
        "model": None,
        "base_model": None,
        # one window per run: no padding, and each window's int8 activation scales
        # depend on that window alone (faster here than batches of 16 padded windows)
        "batch_size": 1,
        "max_length": 256,
        "stride": 32,
        "threshold": 0.5,
        "backend": "auto",
        "spans_key": SPANS_KEY,
        "num_threads": 0,
        "focus": {"@misc": "dechiffre.focus_all.v1"},
    },
    assigns=["doc.spans"],
)
def make_token_classifier(
    nlp: Language,
    name: str,
    *,
    model: str | None,
    base_model: str | None,
    batch_size: int,
    max_length: int,
    stride: int,
    threshold: float,
    backend: Backend,
    spans_key: str,
    num_threads: int,
    focus: FocusGetter,
) -> TokenClassifier:
    """Build the ``dechiffre_token_classifier`` component (the model loads on first use)."""
    return TokenClassifier(
        nlp,
        name,
        model=model,
        base_model=base_model,
        batch_size=batch_size,
        max_length=max_length,
        stride=stride,
        threshold=threshold,
        backend=backend,
        spans_key=spans_key,
        num_threads=num_threads,
        focus=focus,
    )
