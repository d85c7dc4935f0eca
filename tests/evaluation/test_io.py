"""Reading, validating, writing and pairing gold JSONL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dechiffre.evaluation.gold import (
    read_gold,
    read_gold_collect,
    validate_document,
    write_gold,
)
from dechiffre.evaluation.io import pair_documents
from dechiffre.evaluation.messages import MESSAGES, GoldFormatError

TEXT = "Le HCR compte 4 388 migrants."
ORG = {"start": 3, "end": 6, "label": "ORG", "kb_id": "UNHCR"}
QTY = {"start": 14, "end": 19, "label": "QUANTITY", "value": 4388, "value_max": None,
       "unit": None, "modifier": None, "object": "migrants"}
VALID_FIRST = {"id": "ok-1", "text": TEXT, "spans": [ORG, QTY]}


def _with(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": "d2", "text": TEXT, "spans": [dict(ORG), dict(QTY)]}
    doc.update(changes)
    return doc


def _span(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    span = dict(base)
    for key, value in changes.items():
        if value is _DROP:
            del span[key]
        else:
            span[key] = value
    return span


_DROP = object()

# (case name, line 2 content, expected code, expected doc id, expected span)
ERROR_CASES: list[tuple[str, object, str, str | None, tuple[int, int] | None]] = [
    ("bad json", '{"id": "d2", "text": ', "bad_json", None, None),
    ("not an object", "[1, 2]", "not_object", None, None),
    ("missing id", {"text": TEXT, "spans": []}, "missing_key", None, None),
    ("missing text", {"id": "d2", "spans": []}, "missing_key", "d2", None),
    ("missing spans", {"id": "d2", "text": TEXT}, "missing_key", "d2", None),
    ("id not a string", _with(id=7), "wrong_type", "7", None),
    ("empty id", _with(id="  "), "empty_id", "  ", None),
    ("text not a string", _with(text=["a"]), "wrong_type", "d2", None),
    ("spans not a list", _with(spans={"start": 0}), "wrong_type", "d2", None),
    ("meta not an object", _with(meta="x"), "wrong_type", "d2", None),
    ("span not an object", _with(spans=[[3, 6, "ORG"]]), "wrong_type", "d2", None),
    ("end past text", _with(spans=[_span(ORG, end=99)]), "offset_range", "d2", (3, 99)),
    ("negative start", _with(spans=[_span(ORG, start=-1)]), "offset_range", "d2", (-1, 6)),
    ("start equals end", _with(spans=[_span(ORG, start=6)]), "empty_span", "d2", (6, 6)),
    ("start after end", _with(spans=[_span(ORG, start=8)]), "empty_span", "d2", (8, 6)),
    ("float offset", _with(spans=[_span(ORG, start=3.0)]), "wrong_type", "d2", None),
    ("bool offset", _with(spans=[_span(ORG, end=True)]), "wrong_type", "d2", None),
    ("missing start", _with(spans=[_span(ORG, start=_DROP)]), "span_missing_key", "d2", None),
    ("overlap", _with(spans=[ORG, _span(ORG, start=5, end=10)]), "overlap", "d2", (5, 10)),
    ("unknown label", _with(spans=[_span(ORG, label="PER")]), "unknown_label", "d2", (3, 6)),
    ("label not a string", _with(spans=[_span(ORG, label=1)]), "wrong_type", "d2", (3, 6)),
    ("missing label", _with(spans=[_span(ORG, label=_DROP)]), "span_missing_key", "d2", (3, 6)),
    ("ORG without kb_id", _with(spans=[_span(ORG, kb_id=_DROP)]), "span_missing_key", "d2",
     (3, 6)),
    ("kb_id a number", _with(spans=[_span(ORG, kb_id=3)]), "wrong_type", "d2", (3, 6)),
    *[(f"QUANTITY without {key}", _with(spans=[_span(QTY, **{key: _DROP})]),
       "span_missing_key", "d2", (14, 19))
      for key in ("value", "value_max", "unit", "modifier", "object")],
    ("value a string", _with(spans=[_span(QTY, value="4388")]), "wrong_type", "d2", (14, 19)),
    ("value a bool", _with(spans=[_span(QTY, value=True)]), "wrong_type", "d2", (14, 19)),
    ("value null", _with(spans=[_span(QTY, value=None)]), "null_value", "d2", (14, 19)),
    ("value_max a string", _with(spans=[_span(QTY, value_max="5")]), "wrong_type", "d2",
     (14, 19)),
    ("unit a number", _with(spans=[_span(QTY, unit=1)]), "wrong_type", "d2", (14, 19)),
    ("object a list", _with(spans=[_span(QTY, object=["x"])]), "wrong_type", "d2", (14, 19)),
    ("unknown modifier", _with(spans=[_span(QTY, modifier="about")]), "bad_modifier", "d2",
     (14, 19)),
    ("modifier a number", _with(spans=[_span(QTY, modifier=1)]), "wrong_type", "d2", (14, 19)),
    ("duplicate id", _with(id="ok-1"), "duplicate_id", "ok-1", None),
]


@pytest.mark.parametrize(("name", "line", "code", "doc_id", "span"), ERROR_CASES,
                         ids=[case[0] for case in ERROR_CASES])
def test_validator_names_file_line_id_and_problem(
    write_jsonl: Any, name: str, line: object, code: str, doc_id: str | None,
    span: tuple[int, int] | None,
) -> None:
    path = write_jsonl("gold.jsonl", [VALID_FIRST, line])
    with pytest.raises(GoldFormatError) as caught:
        read_gold(path)
    error = caught.value
    assert (error.code, error.file, error.line, error.doc_id, error.span) == (
        code, str(path), 2, doc_id, span)
    message = str(error)
    assert message.startswith(f"{path}:2")
    if doc_id is not None:
        assert repr(doc_id) in message
    if span is not None:
        assert f"[{span[0]}, {span[1]})" in message
    assert "expected" in message


def test_nan_value_is_rejected(write_jsonl: Any) -> None:
    line = json.dumps(_with(spans=[QTY])).replace('"value": 4388', '"value": NaN')
    path = write_jsonl("gold.jsonl", [line])
    with pytest.raises(GoldFormatError) as caught:
        read_gold(path)
    assert caught.value.code == "wrong_type"
    assert "finite number" in str(caught.value)


def test_invalid_utf8_line_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(json.dumps(VALID_FIRST).encode() + b"\n" + b'{"id": "\xff"}\n')
    docs, errors = read_gold_collect(path)
    assert [d["id"] for d in docs] == ["ok-1"]
    assert [(e.code, e.line) for e in errors] == [("bad_encoding", 2)]


def test_null_value_allowed_when_attributes_are_not_annotated() -> None:
    doc = _with(spans=[_span(QTY, value=None)], meta={"attributes": False})
    assert validate_document(doc) == []


def test_every_message_says_what_was_expected() -> None:
    assert all("expected" in template for template in MESSAGES.values())


def test_collect_mode_lists_every_skipped_line(write_jsonl: Any) -> None:
    lines: list[object] = [
        VALID_FIRST,
        "not json",
        _with(id="d3", spans=[_span(ORG, label="PER"), _span(QTY, modifier="about")]),
        "",
        _with(id="d4"),
        _with(id="d4"),
    ]
    path = write_jsonl("gold.jsonl", lines)
    docs, errors = read_gold_collect(path)
    assert [d["id"] for d in docs] == ["ok-1", "d4"]
    assert [(e.line, e.code) for e in errors] == [
        (2, "bad_json"), (3, "unknown_label"), (3, "bad_modifier"), (6, "duplicate_id")]
    non_blank = sum(1 for line in lines if line != "")
    assert len(docs) + len({e.line for e in errors}) == non_blank


def test_strict_mode_raises_the_first_error(write_jsonl: Any) -> None:
    path = write_jsonl("gold.jsonl", [VALID_FIRST, "oops", _with(id=1)])
    with pytest.raises(GoldFormatError) as caught:
        read_gold(path)
    assert (caught.value.line, caught.value.code) == (2, "bad_json")


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    docs = [VALID_FIRST, _with(id="é-2", meta={"source": "x"})]
    path = tmp_path / "out.jsonl"
    write_gold(docs, path)
    assert read_gold(path) == docs
    assert "é-2" in path.read_text(encoding="utf-8")


def test_write_refuses_invalid_documents(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with pytest.raises(GoldFormatError) as caught:
        write_gold([VALID_FIRST, _with(spans=[_span(ORG, end=999)])], path)
    assert (caught.value.line, caught.value.code) == (2, "offset_range")
    assert not path.exists()


@pytest.mark.parametrize(
    ("gold_ids", "pred_ids", "missing_pred", "missing_gold"),
    [
        (["a", "b"], ["a", "b"], [], []),
        (["a", "b", "c"], ["b"], ["a", "c"], []),
        (["a"], ["a", "z", "y"], [], ["z", "y"]),
        ([], ["a"], [], ["a"]),
    ],
)
def test_pairing_reports_ids_missing_on_either_side(
    gold_ids: list[str], pred_ids: list[str], missing_pred: list[str], missing_gold: list[str]
) -> None:
    gold = [{"id": i, "text": "t", "spans": []} for i in gold_ids]
    pred = [{"id": i, "text": "t", "spans": []} for i in pred_ids]
    pairing = pair_documents(gold, pred)
    assert pairing.missing_in_pred == missing_pred
    assert pairing.missing_in_gold == missing_gold
    assert [g["id"] for g, _ in pairing.pairs] == gold_ids
    assert [p is None for _, p in pairing.pairs] == [i in missing_pred for i in gold_ids]


def test_pairing_reports_texts_that_differ() -> None:
    gold = [{"id": "a", "text": "Le HCR a aidé.", "spans": []},
            {"id": "b", "text": "même", "spans": []}]
    pred = [{"id": "a", "text": "Le HCR a aide.", "spans": []},
            {"id": "b", "text": "même", "spans": []}]
    pairing = pair_documents(gold, pred, gold_file="g.jsonl", pred_file="p.jsonl")
    assert pairing.text_mismatch == ["a"]
    assert [g["id"] for g, _ in pairing.pairs] == ["b"]
    error = pairing.mismatch_errors[0]
    assert error.doc_id == "a"
    assert "character 12" in str(error) and "p.jsonl" in str(error)
