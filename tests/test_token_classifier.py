"""The spaCy component and the span decoding behind it."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from dechiffre.pipeline.classifier_data import (
    IGNORE,
    TAG2ID,
    TAGS,
    CharSpan,
    Encoded,
    bio_tags,
    decode,
    encode,
    span_scores,
    windows,
)
from dechiffre.pipeline.errors import ModelError
from dechiffre.pipeline.token_classifier import (
    SPANS_KEY,
    TokenClassifier,
    focus_ranges,
    load_engine,
)

REPO = Path(__file__).resolve().parents[1]
ARTIFACT = REPO / "models" / "dechiffre-clf"


def _probs(tags: list[str], confidence: float = 0.9) -> np.ndarray:
    out = np.full((len(tags), len(TAGS)), (1 - confidence) / (len(TAGS) - 1), dtype=np.float32)
    for i, tag in enumerate(tags):
        out[i, TAG2ID[tag]] = confidence
    return out


# "Le HCR a 4 388 migrants": pieces ▁Le ▁H CR ▁a ▁4 ▁ 388 ▁migrants
TEXT = "Le HCR a 4 388 migrants"
ENC = Encoded(
    ids=list(range(8)),
    offsets=[(0, 2), (3, 4), (4, 6), (7, 8), (9, 10), (11, 12), (11, 14), (15, 23)],
    transparent=[False, False, False, False, False, True, False, False],
)


def test_windows_cover_and_overlap() -> None:
    assert windows(5, 10, 2) == [(0, 5)]
    assert windows(0, 10, 2) == [(0, 0)]
    cuts = windows(25, 10, 3)
    assert cuts[0] == (0, 10) and cuts[-1][1] == 25
    for (_, end), (start, _) in itertools.pairwise(cuts):
        assert end - start == 3
    with pytest.raises(ValueError, match="stride"):
        windows(10, 4, 4)


def test_bio_tags_skip_lone_spaces() -> None:
    spans = [{"start": 3, "end": 6, "label": "ORG"}, {"start": 9, "end": 14, "label": "QUANTITY"}]
    tags = bio_tags(ENC, spans)
    assert [TAGS[t] if t != IGNORE else "-" for t in tags] == [
        "O",
        "B-ORG",
        "I-ORG",
        "O",
        "B-QUANTITY",
        "-",
        "I-QUANTITY",
        "O",
    ]


def test_decode_spans_and_scores() -> None:
    tags = ["O", "B-ORG", "I-ORG", "O", "B-QUANTITY", "O", "I-QUANTITY", "O"]
    spans = decode(_probs(tags), ENC)
    assert [(TEXT[s.start : s.end], s.label) for s in spans] == [
        ("HCR", "ORG"),
        ("4 388", "QUANTITY"),
    ]
    # The score is the label's probability, B and I together: 0.9 + 0.025.
    assert all(s.score == pytest.approx(0.925) for s in spans)
    assert decode(_probs(tags), ENC, threshold=0.95) == []


def test_decode_glued_b_continues_and_stray_i_opens() -> None:
    # "▁H" B-ORG then "CR" B-ORG (same word) is one span; a lone I-QUANTITY opens one.
    tags = ["O", "B-ORG", "B-ORG", "O", "I-QUANTITY", "O", "O", "O"]
    spans = decode(_probs(tags), ENC)
    assert [(TEXT[s.start : s.end], s.label) for s in spans] == [("HCR", "ORG"), ("4", "QUANTITY")]
    # A B-ORG on a new word after an ORG starts a second span.
    tags = ["B-ORG", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    assert [TEXT[s.start : s.end] for s in decode(_probs(tags), ENC)] == ["Le", "HCR"]


def test_decode_decides_whole_words() -> None:
    # "Mégawatts" cut as ▁Mé | ga | watts: the word takes its majority label, so no
    # span starts or ends inside it, even when one piece leans the other way.
    text = "10 Mégawatts"
    enc = Encoded(
        ids=[0, 1, 2, 3],
        offsets=[(0, 2), (3, 5), (5, 7), (7, 12)],
        transparent=[False] * 4,
        joined=[False, False, True, True],
    )
    tags = ["B-QUANTITY", "O", "I-QUANTITY", "I-QUANTITY"]
    spans = decode(_probs(tags, confidence=0.6), enc)
    assert [(text[s.start : s.end], s.label) for s in spans] == [("10 Mégawatts", "QUANTITY")]
    tags = ["B-QUANTITY", "O", "O", "I-QUANTITY"]
    spans = decode(_probs(tags, confidence=0.6), enc)
    assert [text[s.start : s.end] for s in spans] == ["10"]


def test_tidy_joins_and_trims() -> None:
    from dechiffre.pipeline.classifier_data import tidy

    text = "soit 10 000 mégawatts, 120 %. Le « HCR » et l'OIM"

    def at(surface: str, label: str, score: float = 0.8) -> tuple[CharSpan, int]:
        start = text.index(surface)
        return CharSpan(start, start + len(surface), label, score), 1

    spans = [
        at("10 000", "QUANTITY", 0.9),
        at("mégawatts", "QUANTITY", 0.7),
        at("120 %.", "QUANTITY"),
        at("« HCR »", "ORG"),
        at("OIM", "ORG"),
    ]
    tidied = tidy(spans, text)
    assert [(text[s.start : s.end], s.label, n) for s, n in tidied] == [
        ("10 000 mégawatts", "QUANTITY", 2),
        ("120 %", "QUANTITY", 1),
        ("HCR", "ORG", 1),
        ("OIM", "ORG", 1),
    ]
    assert tidied[0][0].score == pytest.approx(0.8)
    # An elision or a hyphen inside a name joins too.
    name = "le ministère de l’Intérieur"
    parts = [(CharSpan(3, 17, "ORG", 0.9), 3), (CharSpan(18, 27, "ORG", 0.9), 1)]
    assert [(name[s.start : s.end], n) for s, n in tidy(parts, name)] == [
        ("ministère de l’Intérieur", 4)
    ]
    # Different labels, or anything but spaces between, stay apart.
    assert len(tidy([at("mégawatts", "QUANTITY"), at("120 %.", "QUANTITY")], text)) == 2


def test_encode_marks_joined_pieces(tiny_base_model: Path) -> None:
    from dechiffre.pipeline.token_classifier import load_tokenizer

    tokenizer = load_tokenizer(tiny_base_model)
    text = "l'OIM (HCR) a 12 %"
    enc = encode(tokenizer, [text])[0]
    pieces = [text[s:e] for s, e in enc.offsets]
    joined = {piece for piece, j in zip(pieces, enc.joined, strict=True) if j}
    assert "OIM" not in joined and "HCR" not in joined, "punctuation separates words"
    assert all(text[enc.offsets[i][0] - 1].isalnum() for i, j in enumerate(enc.joined) if j)


def test_span_scores() -> None:
    gold = [[(0, 3, "ORG"), (5, 8, "QUANTITY")]]
    pred = [[(0, 3, "ORG"), (5, 9, "QUANTITY")]]
    scores = span_scores(gold, pred)
    assert scores["ORG"]["f1"] == 1.0 and scores["QUANTITY"]["f1"] == 0.0
    assert scores["ALL"]["precision"] == 0.5 and scores["ALL"]["support"] == 2


def _nlp(artifact: Path, **config: object) -> spacy.language.Language:
    nlp = spacy.blank("fr")
    nlp.add_pipe(
        "dechiffre_token_classifier",
        config={
            "model": str(artifact),
            "threshold": 0.0,
            "backend": "torch",
            "max_length": 64,
            **config,
        },
    )
    return nlp


def _predictions(doc: spacy.tokens.Doc) -> list[tuple[int, int, str, float]]:
    return [
        (s.start_char, s.end_char, s.label_, round(s._.dechiffre_clf_score, 5))
        for s in doc.spans[SPANS_KEY]
    ]


def test_component_spans_land_on_tokens(
    tiny_classifier: tuple[Path, dict], tiny_gold_docs: list[dict]
) -> None:
    artifact, _ = tiny_classifier
    nlp = _nlp(artifact)
    gold = tiny_gold_docs[0]
    doc = nlp(gold["text"])
    group = doc.spans[SPANS_KEY]
    assert len(group) > 0
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t) for t in doc}
    for span in group:
        assert span.start_char in starts and span.end_char in ends
        assert span.text == doc.text[span.start_char : span.end_char]
        assert span.label_ in {"ORG", "QUANTITY"}
        assert 0.0 < span._.dechiffre_clf_score <= 1.0
    assert group.attrs["scores"] == [s._.dechiffre_clf_score for s in group]
    found = {(s.start_char, s.end_char, s.label_) for s in group}
    assert (8, 11, "ORG") in found  # "OIM"


def test_component_batches_like_single_docs(
    tiny_classifier: tuple[Path, dict], tiny_gold_docs: list[dict]
) -> None:
    artifact, _ = tiny_classifier
    nlp = _nlp(artifact, batch_size=2)
    texts = [d["text"] for d in tiny_gold_docs]
    batched = [_predictions(d) for d in nlp.pipe(texts, batch_size=4)]
    single = [_predictions(nlp(t)) for t in texts]
    assert batched == single


def test_long_documents_are_windowed(
    tiny_classifier: tuple[Path, dict], tiny_gold_docs: list[dict]
) -> None:
    artifact, _ = tiny_classifier
    text = " ".join(d["text"] for d in tiny_gold_docs) * 3
    engine = load_engine(artifact, backend="torch", max_length=10, stride=3, threshold=0.0)
    widths: list[int] = []
    run = engine._run

    def spy(seqs: Sequence[list[int]]) -> list[np.ndarray]:
        widths.extend(len(s) for s in seqs)
        return run(seqs)

    engine._run = spy  # type: ignore[method-assign]
    encoded = encode(engine.tokenizer, [text])
    probs = engine.probabilities(encoded)[0]
    n = len(encoded[0].ids)
    assert max(widths) == 8 and len(widths) == len(windows(n, 8, 3)) > 3
    # Every piece is covered, overlaps are averaged: each row is still a distribution.
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    spans = decode(probs, encoded[0])
    assert spans and all(0 <= s.start < s.end <= len(text) for s in spans)


def test_to_disk_from_disk_round_trip(
    tiny_classifier: tuple[Path, dict], tmp_path: Path, tiny_gold_docs: list[dict]
) -> None:
    artifact, _ = tiny_classifier
    nlp = _nlp(artifact)
    texts = [d["text"] for d in tiny_gold_docs]
    before = [_predictions(d) for d in nlp.pipe(texts)]
    nlp.to_disk(tmp_path / "nlp")
    saved = tmp_path / "nlp" / "dechiffre_token_classifier" / "model"
    assert {p.name for p in saved.iterdir()} == {"classifier.json", "weights.safetensors"}
    # The saved pipeline must not depend on the original artifact folder.
    moved = artifact.with_name("moved-away")
    artifact.rename(moved)
    try:
        loaded = spacy.load(tmp_path / "nlp")
        after = [_predictions(d) for d in loaded.pipe(texts)]
    finally:
        moved.rename(artifact)
    assert after == before
    component = loaded.get_pipe("dechiffre_token_classifier")
    assert isinstance(component, TokenClassifier)
    assert component.cfg["threshold"] == 0.0


def test_missing_artifact_is_explained(tmp_path: Path) -> None:
    nlp = _nlp(tmp_path / "nothing")
    with pytest.raises(RuntimeError, match="Expected a classifier artifact"):
        nlp("Le HCR a 4 388 migrants.")


def test_onnx_backend_matches_torch(
    tiny_classifier: tuple[Path, dict], tmp_path: Path, tiny_gold_docs: list[dict]
) -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from dechiffre.pipeline.token_classifier import export_onnx

    artifact, _ = tiny_classifier
    onnx_path = export_onnx(artifact, tmp_path / "model.int8.onnx")
    assert onnx_path.is_file()
    # The FFN output products stay in float32 (one per layer), the rest is int8.
    from dechiffre.pipeline.onnx_export import float_nodes

    assert len(float_nodes(onnx_path, "ffn_output")) == 2
    assert len(float_nodes(onnx_path, "ffn")) == 2, "the FFN inputs were quantised"
    import onnx

    ops = [n.op_type for n in onnx.load(str(onnx_path), load_external_data=False).graph.node]
    fused = [op for op in ops if op in ("Attention", "QAttention")]
    assert len(fused) == 2, "each layer's attention is one fused node"
    local = artifact / onnx_path.name
    os.link(onnx_path, local)
    try:
        onnx_engine = load_engine(artifact, backend="onnx", threshold=0.0, max_length=64)
    finally:
        local.unlink()
    torch_engine = load_engine(artifact, backend="torch", threshold=0.0, max_length=64)
    assert onnx_engine.backend == "onnx" and torch_engine.backend == "torch"
    texts = [d["text"] for d in tiny_gold_docs]
    encoded = encode(torch_engine.tokenizer, texts)
    for a, b in zip(
        onnx_engine.probabilities(encoded), torch_engine.probabilities(encoded), strict=True
    ):
        assert np.abs(a - b).max() < 0.05


def test_export_in_a_child_process_writes_the_same_file(
    tiny_classifier: tuple[Path, dict], tmp_path: Path
) -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from dechiffre.pipeline.token_classifier import export_in_child, export_onnx

    artifact, _ = tiny_classifier
    here = export_onnx(artifact, tmp_path / "here" / "model.int8.onnx")
    child = export_in_child(artifact, tmp_path / "child" / "model.int8.onnx")
    assert child.read_bytes() == here.read_bytes()


def test_a_failed_export_in_a_child_process_is_explained(
    tiny_classifier: tuple[Path, dict], tmp_path: Path
) -> None:
    pytest.importorskip("onnxruntime")
    from dechiffre.pipeline.token_classifier import ARTIFACT_WEIGHTS, export_in_child

    artifact = tmp_path / "broken"
    shutil.copytree(tiny_classifier[0], artifact)
    (artifact / ARTIFACT_WEIGHTS).write_bytes(b"not safetensors")
    with pytest.raises(ModelError, match=r"E445.*'float' step.*exit 0, got 1"):
        export_in_child(artifact, tmp_path / "out" / "model.int8.onnx")
    assert not list((tmp_path / "out").iterdir()), "no file and no temporary folder is left"


@pytest.mark.slow
def test_committed_artifact_tags_french(tmp_path: Path) -> None:
    if not (ARTIFACT / "weights.safetensors").is_file():
        pytest.skip(
            f"No trained artifact at {ARTIFACT} yet: run "
            "`python -m dechiffre.pipeline.classifier_training models/configs/default.cfg`."
        )
    nlp = spacy.blank("fr")
    nlp.add_pipe("dechiffre_token_classifier", config={"backend": "torch"})
    text = "Selon l'Organisation internationale pour les migrations, 1 664 migrants sont rentrés."
    doc = nlp(text)
    found = {(s.text, s.label_) for s in doc.spans[SPANS_KEY]}
    assert ("1 664", "QUANTITY") in found, found
    assert any(label == "ORG" and "Organisation internationale" in t for t, label in found), found
    component = nlp.get_pipe("dechiffre_token_classifier")
    assert isinstance(component, TokenClassifier)
    assert all(isinstance(s, CharSpan) for s in component.predict([doc])[0])


def _focus_doc(
    words: list[str], pos: list[str] | None, sent_starts: list[bool] | None, ents: list[str]
) -> Doc:
    return Doc(spacy.blank("fr").vocab, words=words, pos=pos, sent_starts=sent_starts, ents=ents)


FOCUS_TEXT = (
    "Greenpeace a reçu 12 plaintes . Hier la Fédération des pêcheurs et M. Durand ont parlé ."
)
FOCUS_WORDS = FOCUS_TEXT.split(" ")
FOCUS_POS = ["PROPN", "AUX", "VERB", "NUM", "NOUN", "PUNCT", "ADV", "DET", "PROPN", "ADP",
             "NOUN", "CCONJ", "NOUN", "PROPN", "AUX", "VERB", "PUNCT"]
FOCUS_STARTS = [True] + [False] * 5 + [True] + [False] * 10
FOCUS_ENTS = ["O"] * 12 + ["B-PER", "I-PER"] + ["O"] * 3


@pytest.mark.parametrize(
    ("pos", "starts", "covered", "labels", "window", "expected"),
    [
        # "Hier" opens a sentence as an adverb and "M." is a title: neither is a name.
        (FOCUS_POS, FOCUS_STARTS, [], [], 0, ["Greenpeace", "Fédération", "Durand"]),
        (FOCUS_POS, FOCUS_STARTS, [], [], 1,
         ["Greenpeace a", "la Fédération des", "M. Durand ont"]),
        # Windows cross sentence ends (context) and merge when they touch.
        (FOCUS_POS, FOCUS_STARTS, [], [], 3,
         ["Greenpeace a reçu 12", ". Hier la Fédération des pêcheurs et M. Durand ont parlé ."]),
        # What the rules already tag needs no classifier, nor do skipped entity labels.
        (FOCUS_POS, FOCUS_STARTS, [(8, 9)], [], 0, ["Greenpeace", "Durand"]),
        (FOCUS_POS, FOCUS_STARTS, [], ["PER"], 0, ["Greenpeace", "Fédération"]),
        # Without POS tags a capitalised first word may be a name: kept.
        (None, FOCUS_STARTS, [], [], 0, ["Greenpeace", "Hier", "Fédération", "Durand"]),
        # Without sentences only the Doc's first word is a first word.
        (FOCUS_POS, None, [], [], 0, ["Greenpeace", "Hier", "Fédération", "Durand"]),
    ],
)
def test_focus_ranges_pick_unexplained_names(
    pos: list[str] | None,
    starts: list[bool] | None,
    covered: list[tuple[int, int]],
    labels: list[str],
    window: int,
    expected: list[str],
) -> None:
    doc = _focus_doc(FOCUS_WORDS, pos, starts, FOCUS_ENTS)
    ranges = focus_ranges(doc, covered=covered, window=window, skip_labels=labels)
    assert [doc.text[a:b] for a, b in ranges] == expected


def test_focus_window_must_not_be_negative() -> None:
    doc = _focus_doc(FOCUS_WORDS, FOCUS_POS, FOCUS_STARTS, FOCUS_ENTS)
    with pytest.raises(ValueError, match="focus_window >= 0"):
        focus_ranges(doc, window=-1)


def test_focus_names_classifies_only_around_names(
    tiny_classifier: tuple[Path, dict], tiny_gold_docs: list[dict]
) -> None:
    artifact, _ = tiny_classifier
    full = _nlp(artifact)
    focused = _nlp(artifact, focus={"@misc": "dechiffre.focus_names.v1", "window": 2})
    component = focused.get_pipe("dechiffre_token_classifier")
    assert isinstance(component, TokenClassifier)
    seen: list[str] = []
    predict = component.engine.predict

    def spy(texts: Sequence[str]) -> list[list[CharSpan]]:
        seen.extend(texts)
        return predict(texts)

    component.engine.predict = spy  # type: ignore[method-assign]
    text = tiny_gold_docs[0]["text"]
    doc = focused(text)
    # Only pieces of the text around capitalised words were read, and every
    # span lies inside one of them at its place in the whole text.
    assert seen and all(piece in text for piece in seen)
    assert sum(map(len, seen)) < len(text)
    ranges = component.ranges(doc)
    assert [text[a:b] for a, b in ranges] == seen
    for span in doc.spans[SPANS_KEY]:
        assert any(a <= span.start_char and span.end_char <= b for a, b in ranges)
    # Text without a single capital is not classified at all.
    seen.clear()
    quiet = focused("les chiffres du mois ont été publiés hier soir")
    assert seen == [] and len(quiet.spans[SPANS_KEY]) == 0
    # The whole-text mode reads everything.
    full_component = full.get_pipe("dechiffre_token_classifier")
    assert isinstance(full_component, TokenClassifier)
    assert full_component.ranges(full(text)) == [(0, len(text))]


@pytest.mark.parametrize(
    ("focus", "message"),
    [
        ("names", "focus"),  # a getter is expected, not a name: spaCy's config check
        ({"@misc": "dechiffre.focus_names.v1", "window": -1}, "focus_window >= 0"),
        ({"@misc": "dechiffre.focus_everything.v1"}, "focus_everything"),
    ],
)
def test_focus_setting_is_checked(
    tiny_classifier: tuple[Path, dict], focus: object, message: str
) -> None:
    artifact, _ = tiny_classifier
    with pytest.raises(Exception, match=message):
        _nlp(artifact, focus=focus)


def test_focus_names_reads_the_rule_spans_from_the_doc() -> None:
    from spacy.tokens import Span, SpanGroup

    from dechiffre.pipeline.token_classifier import focus_names

    nlp = spacy.blank("fr")
    doc = nlp("hier Frontex et Banque Atlantique ont parlé")
    get = focus_names(window=0, skip_spans_key="rules", skip_labels=[])
    assert [doc.text[a:b] for a, b in get(doc)] == ["Frontex", "Banque Atlantique"]
    doc.spans["rules"] = SpanGroup(doc, name="rules", spans=[Span(doc, 1, 2, label="ORG")])
    assert [doc.text[a:b] for a, b in get(doc)] == ["Banque Atlantique"]


@pytest.mark.parametrize(
    ("skip_countries", "expected"),
    [
        # a one-word country tagged LOC is skipped, a longer place name is not
        (True, ["Frontex", "Afrique", "Sud"]),
        (False, ["Frontex", "Sénégal", "Afrique", "Sud"]),
    ],
)
def test_focus_names_skips_one_word_countries(skip_countries: bool, expected: list[str]) -> None:
    from spacy.tokens import Doc

    from dechiffre.pipeline.token_classifier import focus_names

    words = "hier Frontex et le Sénégal puis Afrique du Sud ont parlé".split()
    ents = ["O", "O", "O", "O", "B-LOC", "O", "B-LOC", "I-LOC", "I-LOC", "O", "O"]
    doc = Doc(spacy.blank("fr").vocab, words=words, ents=ents)
    get = focus_names(window=0, skip_spans_key=None, skip_labels=[], skip_countries=skip_countries)
    assert [doc.text[a:b] for a, b in get(doc)] == expected


def test_rust_tokenizer_matches_transformers(tiny_base_model: Path, tmp_path: Path) -> None:
    from dechiffre.pipeline.token_classifier import SPECIAL_TOKENS, RustTokenizer, load_tokenizer

    full = load_tokenizer(tiny_base_model)
    full.backend_tokenizer.save(str(tmp_path / "tokenizer.json"))
    special = {name: str(getattr(full, name)) for name in SPECIAL_TOKENS}
    light = RustTokenizer(tmp_path / "tokenizer.json", special)
    texts = [TEXT, "L’OIM a dit « 3 % »\u00a0: 12\u202f000 €.", "", "  \n\nTitre\tfin"]
    assert encode(light, texts) == encode(full, texts)
    assert (light.cls_token_id, light.sep_token_id, light.pad_token_id) == (
        full.cls_token_id,
        full.sep_token_id,
        full.pad_token_id,
    )
    with pytest.raises(ValueError, match="cls and sep tokens"):
        RustTokenizer(tmp_path / "tokenizer.json", {"cls_token": "<nope>", "sep_token": "<no>"})


def _export_once(artifact: str, log: str, barrier: object) -> None:
    """A batch worker's start: wait for the others, then ask for the ONNX file."""
    from dechiffre.pipeline import token_classifier

    def fake_export(model_dir: object, target: Path, **_options: object) -> Path:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        time.sleep(0.3)  # long enough for the other worker to reach the lock
        Path(target).write_bytes(b"onnx")
        return Path(target)

    token_classifier.export_in_child = fake_export  # type: ignore[assignment]
    barrier.wait()  # type: ignore[attr-defined]
    token_classifier.ensure_onnx(artifact)


def test_concurrent_workers_export_the_onnx_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dechiffre.pipeline.token_classifier import (
        ARTIFACT_CONFIG,
        ARTIFACT_FORMAT,
        ARTIFACT_WEIGHTS,
        ONNX_EXPORT_VERSION,
        ONNX_NAME,
    )

    artifact = tmp_path / "artifact"
    artifact.mkdir()
    config = {"format": ARTIFACT_FORMAT, "tags": list(TAGS), "weights_sha256": "ab" * 32}
    (artifact / ARTIFACT_CONFIG).write_text(json.dumps(config), encoding="utf-8")
    (artifact / ARTIFACT_WEIGHTS).write_bytes(b"")
    monkeypatch.setenv("DECHIFFRE_CACHE", str(tmp_path / "cache"))
    log = tmp_path / "exports.log"
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(3)
    workers = [
        context.Process(target=_export_once, args=(str(artifact), str(log), barrier))
        for _ in range(3)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1
    key = f"{'ab' * 8}-v{ONNX_EXPORT_VERSION}"
    assert (tmp_path / "cache" / "onnx" / key / ONNX_NAME).read_bytes() == b"onnx"
