"""Reading inputs: every bad line becomes a problem naming file, line and reason."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dechiffre.pipeline.errors import DechiffreError
from dechiffre.pipeline.inputs import InputDoc, Problem, ReadOptions, read_inputs


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
        (b'{"id": "x", "text": "caf\x81"}', "UTF-8"),  # neither UTF-8 nor cp1252
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


# --- nothing lost: BOM, metadata, candidate fields, encodings, id schemes ------------------


@pytest.mark.parametrize(
    ("name", "data", "ids", "text"),
    [
        (
            "bom.jsonl",
            b'\xef\xbb\xbf{"id": "a", "text": "Un."}\n{"id": "b", "text": "Deux."}\n',
            ["a", "b"],
            "Un.",
        ),
        ("bom.txt", b"\xef\xbb\xbfUn texte.", ["bom"], "Un texte."),
    ],
)
def test_a_utf8_bom_loses_no_document(
    tmp_path: Path, name: str, data: bytes, ids: list[str], text: str
) -> None:
    items = list(read_inputs([write(tmp_path, name, data)]))
    assert [d.id for d in items if isinstance(d, InputDoc)] == ids
    assert isinstance(items[0], InputDoc) and items[0].text == text  # the BOM is not text


def test_other_fields_are_kept_in_meta(tmp_path: Path) -> None:
    line = {
        "id": "m",
        "text": "Un.",
        "url": "https://ex.ma/1",
        "date": "2024-05-01",
        "headline": "Titre",
        "category": "société",
        "meta": {"source": "agence", "url": "x"},
    }
    (doc,) = read_inputs([write(tmp_path, "m.jsonl", json.dumps(line).encode() + b"\n")])
    assert isinstance(doc, InputDoc)
    assert doc.meta == {
        "source": "agence",
        "url": "x",
        "date": "2024-05-01",
        "headline": "Titre",
        "category": "société",
    }  # an explicit meta wins


@pytest.mark.parametrize(
    ("data", "fields", "text"),
    [
        (b'{"id": "a", "body": "Corps."}', "text,body", "Corps."),
        (b'{"id": "a", "text": "Texte.", "body": "Corps."}', "text,body", "Texte."),
        (b'{"id": "a", "text": null, "body": "Corps."}', "text,body", "Corps."),
        (b'{"id": "a", "text": "Texte.", "body": "Corps."}', ["body", "text"], "Corps."),
    ],
)
def test_the_first_candidate_text_field_present_is_read(
    tmp_path: Path, data: bytes, fields: str | list[str], text: str
) -> None:
    (doc,) = read_inputs([write(tmp_path, "c.jsonl", data + b"\n")], text_field=fields)
    assert isinstance(doc, InputDoc) and doc.text == text


@pytest.mark.parametrize(
    ("encodings", "text", "warned"),
    [
        ("utf-8,cp1252", "Le HCR a aidé 12 familles.", True),  # the default: fallback, reported
        ("cp1252", "Le HCR a aidé 12 familles.", False),  # asked for: no warning
        ("latin-1", "Le HCR a aidé 12 familles.", False),
        ("utf-8", None, False),  # no fallback: an error, as before
    ],
)
def test_encoding_fallback_is_reported(
    tmp_path: Path, encodings: str, text: str | None, warned: bool
) -> None:
    path = write(tmp_path, "latin.txt", "Le HCR a aidé 12 familles.".encode("latin-1"))
    (item,) = read_inputs([path], options=ReadOptions.make(encoding=encodings))
    if text is None:
        assert isinstance(item, Problem) and item.kind == "invalid_utf8"
        return
    assert isinstance(item, InputDoc) and item.text == text
    assert [n.kind for n in item.notes] == (["encoding_fallback"] if warned else [])
    if warned:
        assert "W200" in item.notes[0].reason and "cp1252" in item.notes[0].reason


@pytest.mark.parametrize(
    ("scheme", "ids"),
    [
        ("given", ["1", "2"]),  # b.jsonl's ids repeat a.jsonl's: duplicates
        ("file", ["a:1", "a:2", "b:1", "b:2"]),
    ],
)
def test_id_scheme_namespaces_ids_by_file(tmp_path: Path, scheme: str, ids: list[str]) -> None:
    rows = b'{"id": 1, "text": "Un."}\n{"id": 2, "text": "Deux."}\n'
    paths = [write(tmp_path, "a.jsonl", rows), write(tmp_path, "b.jsonl", rows)]
    items = list(read_inputs(paths, options=ReadOptions.make(id_scheme=scheme)))
    assert [d.id for d in items if isinstance(d, InputDoc)] == ids
    dups = [p for p in items if isinstance(p, Problem)]
    assert len(dups) == 4 - len(ids) and all(p.kind == "duplicate_id" for p in dups)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"encoding": "utf-9"}, "--encoding"),
        ({"id_scheme": "uuid"}, "--id-scheme given or file"),
        ({"text_field": " , "}, "at least one name"),
    ],
)
def test_bad_read_options_are_usage_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(DechiffreError, match="E049") as info:
        ReadOptions.make(**kwargs)
    assert message in str(info.value)
