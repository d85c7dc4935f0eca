"""Reading inputs: every bad line becomes a problem naming file, line and reason."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dechiffre.pipeline.inputs import InputDoc, Problem, read_inputs


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_txt_file_is_one_document(tmp_path: Path) -> None:
    path = write(tmp_path, "article.txt", "Le HCR a aidé 12 familles.".encode())
    (doc,) = read_inputs([path])
    assert isinstance(doc, InputDoc) and doc.id == "article" and doc.text.startswith("Le HCR")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"{not json", "invalid JSON"),
        (b"[1, 2]", "a JSON list"),
        (b'{"id": "x"}', "as a string in field 'text', got no value"),
        (b'{"id": "x", "text": 5}', "as a string in field 'text', got a value of type int"),
        (b'{"id": "x", "text": "   "}', "is empty"),
        (b'{"id": "x", "text": "caf\xe9"}', "UTF-8"),
    ],
)
def test_bad_jsonl_lines_are_reported(tmp_path: Path, line: bytes, reason: str) -> None:
    path = write(tmp_path, "docs.jsonl", b'{"id": "ok", "text": "Bonjour."}\n' + line + b"\n")
    items = list(read_inputs([path]))
    assert isinstance(items[0], InputDoc)
    problem = items[1]
    assert isinstance(problem, Problem)
    assert problem.line == 2 and problem.source == path
    assert reason in problem.reason and path in problem.reason


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "d.jsonl", b'{"id": "a", "text": "Un."}\n{"id": "a", "text": "Deux."}\n')
    items = list(read_inputs([path]))
    assert isinstance(items[1], Problem) and "appears again" in items[1].reason


def test_missing_ids_are_derived_from_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "news.jsonl", b'{"text": "Un."}\n{"text": "Deux."}\n')
    assert [d.id for d in read_inputs([path]) if isinstance(d, InputDoc)] == ["news:1", "news:2"]


def test_custom_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "n.jsonl", b'{"uid": 7, "body": "Texte."}\n')
    (doc,) = read_inputs([path], text_field="body", id_field="uid")
    assert isinstance(doc, InputDoc) and doc.id == "7"


def test_stdin_jsonl_and_text() -> None:
    jsonl = io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "Un."}\n'))
    (first,) = read_inputs(["-"], stdin=jsonl)
    assert isinstance(first, InputDoc) and first.id == "s1"
    plain = io.TextIOWrapper(io.BytesIO(b"Un texte libre."))
    (doc,) = read_inputs(["-"], stdin=plain)
    assert isinstance(doc, InputDoc) and doc.text == "Un texte libre."


@pytest.mark.parametrize("name", ["missing.txt", "data.csv"])
def test_unreadable_paths_are_reported(tmp_path: Path, name: str) -> None:
    if name.endswith(".csv"):
        write(tmp_path, name, b"a,b\n")
    (problem,) = read_inputs([str(tmp_path / name)])
    assert isinstance(problem, Problem) and str(tmp_path / name) in problem.reason
