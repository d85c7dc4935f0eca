"""Archive readers: every format, stable ids, and each bad input as a problem with its reason."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dechiffre.pipeline.archive_inputs import (
    estimate_count,
    inputs_fingerprint,
    looks_like_html,
    read_archive,
    walk_inputs,
)
from dechiffre.pipeline.inputs import InputDoc, Problem, ReadOptions

TEXTS = ["L'OIM a aidé environ 1 664 migrants.", "Le HCR compte 12 % de réfugiés en plus."]
ARTICLE_HTML = (
    "<html><head><title>Migrations</title></head><body><nav><a href='/'>Accueil</a></nav>"
    "<article><h1>Migrations au Maroc</h1><p>L'OIM a aidé environ 1 664 migrants à rentrer "
    "chez eux cette année, selon un communiqué publié lundi.</p><p>Le HCR compte 12 % de "
    "réfugiés en plus dans le camp, soit près de 300 familles arrivées depuis janvier.</p>"
    "</article><footer>© 2024</footer></body></html>"
)
MENU_HTML = "<html><body><nav><a href='/'>Accueil</a></nav><script>var a=1;</script></body></html>"


def docs(items: list[InputDoc | Problem]) -> list[InputDoc]:
    return [i for i in items if isinstance(i, InputDoc)]


def problems(items: list[InputDoc | Problem]) -> list[Problem]:
    return [i for i in items if isinstance(i, Problem)]


# --- writers, one per format ----------------------------------------------------------


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def write_jsonl_gz(path: Path, rows: list[dict]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return path


def write_csv(path: Path, rows: list[dict]) -> Path:
    fields = sorted({k for r in rows for k in r})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_parquet(path: Path, rows: list[dict]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = sorted({k for r in rows for k in r})
    pq.write_table(pa.table({f: [r.get(f) for r in rows] for f in fields}), path)
    return path


def write_warc(path: Path, pages: list[tuple[str, bytes, str, str]], gz: bool = True) -> Path:
    """A WARC with a warcinfo record, then (url, body, content type, HTTP status) responses."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for number, (url, body, ctype, status) in enumerate(pages, start=1):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:0000-{number:04d}>"},
            )
            writer.write_record(record)
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET /"))
            writer.write_record(request)
    return path


def write_txt(path: Path, rows: list[dict]) -> Path:
    path.write_text(rows[0]["text"], encoding="utf-8")
    return path


ROWS = [{"id": "a1", "text": TEXTS[0]}, {"id": "a2", "text": TEXTS[1]}]
NO_IDS = [{"text": TEXTS[0]}, {"text": TEXTS[1]}]


@pytest.mark.parametrize(
    ("name", "writer", "rows", "ids"),
    [
        ("news.jsonl", write_jsonl, ROWS, ["a1", "a2"]),
        ("news.jsonl", write_jsonl, NO_IDS, ["news:1", "news:2"]),
        ("news.jsonl.gz", write_jsonl_gz, ROWS, ["a1", "a2"]),
        ("news.jsonl.gz", write_jsonl_gz, NO_IDS, ["news:1", "news:2"]),
        ("news.csv", write_csv, ROWS, ["a1", "a2"]),
        ("news.csv", write_csv, NO_IDS, ["news:1", "news:2"]),
        ("news.parquet", write_parquet, ROWS, ["a1", "a2"]),
        ("news.parquet", write_parquet, NO_IDS, ["news:1", "news:2"]),
        ("news.txt", write_txt, ROWS[:1], ["news"]),
    ],
)
def test_each_format_reads_documents_with_stable_ids(
    tmp_path: Path, name: str, writer: Callable[[Path, list[dict]], Path], rows: list, ids: list
) -> None:
    path = writer(tmp_path / name, rows)
    first = list(read_archive([str(path)]))
    assert [d.id for d in docs(first)] == ids
    assert [d.text for d in docs(first)] == [r["text"] for r in rows]
    assert [d.line for d in docs(first)] == list(range(1, len(rows) + 1))
    assert all(d.source == str(path) for d in docs(first))
    assert first == list(read_archive([str(path)]))  # same ids and positions every time


def test_custom_fields_in_csv_and_parquet(tmp_path: Path) -> None:
    rows = [{"uid": "x7", "body": TEXTS[0], "other": "z"}]
    for path in (write_csv(tmp_path / "n.csv", rows), write_parquet(tmp_path / "n.parquet", rows)):
        (doc,) = read_archive([str(path)], text_field="body", id_field="uid")
        assert isinstance(doc, InputDoc) and doc.id == "x7" and doc.text == TEXTS[0]


def test_csv_multiline_quoted_field(tmp_path: Path) -> None:
    text = 'Premier paragraphe, "cité".\n\nSecond paragraphe avec 3 chiffres.'
    path = write_csv(tmp_path / "m.csv", [{"id": "m", "text": text}, {"id": "n", "text": "Deux."}])
    assert [(d.id, d.text, d.line) for d in docs(list(read_archive([str(path)])))] == [
        ("m", text, 1),
        ("n", "Deux.", 2),
    ]


def test_warc_pages_to_text(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://ex.ma/a", ARTICLE_HTML.encode(), "text/html; charset=utf-8", "200 OK"),
            ("https://ex.ma/b.txt", TEXTS[1].encode(), "text/plain", "200 OK"),
        ],
    )
    items = list(read_archive([str(path)]))
    assert not problems(items)
    page, plain = docs(items)
    assert page.id == "urn:uuid:0000-0001" and page.meta["url"] == "https://ex.ma/a"
    assert "environ 1 664 migrants" in page.text and "Accueil" not in page.text
    assert plain.text == TEXTS[1] and plain.id == "urn:uuid:0000-0002"
    # positions count every WARC record (warcinfo 1, response 2, request 3, response 4)
    assert (page.line, plain.line) == (2, 4)
    uncompressed = write_warc(
        tmp_path / "crawl.warc",
        [("https://ex.ma/a", ARTICLE_HTML.encode(), "text/html", "200 OK")],
        gz=False,
    )
    assert docs(list(read_archive([str(uncompressed)])))[0].text == page.text


def test_directory_walk_is_sorted_recursive_and_ids_carry_the_path(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    (root / "2024" / "02").mkdir(parents=True)
    (root / "2024" / "01").mkdir(parents=True)
    write_jsonl(root / "2024" / "02" / "a.jsonl", NO_IDS[:1])
    write_jsonl(root / "2024" / "01" / "a.jsonl", NO_IDS[:1])
    write_txt(root / "z.txt", ROWS)
    (root / ".hidden.jsonl").write_text("{bad")
    (root / "README.md").write_text("notes")
    items = list(read_archive([str(root)]))
    assert [d.id for d in docs(items)] == [
        "archive/z",
        "archive/2024/01/a:1",
        "archive/2024/02/a:1",
    ]
    (problem,) = problems(items)
    assert problem.kind == "unsupported_file" and "README.md" in problem.reason
    assert [e.display for e in walk_inputs([str(root)]) if not isinstance(e, Problem)] == [
        str(root / "z.txt"),
        str(root / "2024/01/a.jsonl"),
        str(root / "2024/02/a.jsonl"),
    ]


def _truncated_gz(path: Path) -> Path:
    write_jsonl_gz(path, [{"id": f"g{i}", "text": f"Texte {i} " * 200} for i in range(50)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _bad_csv_row(path: Path) -> Path:
    path.write_bytes(b"id,text\nc1,Bonjour.\nc2,caf\x81 cr\x8dme\n")  # not UTF-8 nor cp1252
    return path


def _short_csv_row(path: Path) -> Path:
    path.write_bytes(b"id,text,date\nc1,Bonjour.,2024\nc2,Salut.\n")
    return path


def _parquet_null(path: Path) -> Path:
    return write_parquet(path, [{"id": "p1", "text": "Bonjour."}, {"id": "p2", "text": None}])


def _parquet_number(path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [1, 2]}), path)
    return path


def _jsonl(lines: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(b'{"id": "ok", "text": "Bonjour."}\n' + lines)
        return path

    return make


def _warc(pages: list[tuple[str, bytes, str, str]]) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        return write_warc(
            path, [("https://ex.ma/ok", ARTICLE_HTML.encode(), "text/html", "200 OK"), *pages]
        )

    return make


@pytest.mark.parametrize(
    ("name", "make", "kind", "reason"),
    [
        ("d.jsonl", _jsonl(b'{"id": "x", "text": "caf\x81"}\n'), "invalid_utf8", "UTF-8"),
        ("d.jsonl", _jsonl(b'{"id": "x", "text": "\\udc80 bad"}\n'), "invalid_utf8", "surrogate"),
        ("d.jsonl", _jsonl(b'{"id": "x", "text": " \\n "}\n'), "empty", "is empty"),
        ("d.jsonl", _jsonl(b"{oops\n"), "malformed", "invalid JSON"),
        (
            "d.jsonl",
            _jsonl(b'{"id": "x", "body": "Texte."}\n'),
            "malformed",
            "as a string in field 'text', got no value",
        ),
        ("d.jsonl", _jsonl(b'{"id": "ok", "text": "Encore."}\n'), "duplicate_id", "appears again"),
        (
            "d.jsonl",
            _jsonl(b'{"id": "x", "text": "<html><body><p>Un.</p></body></html>"}\n'),
            "html_only",
            "HTML markup",
        ),
        ("d.jsonl.gz", _truncated_gz, "corrupt_file", "gzip-compressed JSONL"),
        ("d.csv", _bad_csv_row, "invalid_utf8", "UTF-8"),
        ("d.csv", _short_csv_row, "malformed", "2 fields where the header has 3"),
        ("d.parquet", _parquet_null, "empty", "is empty"),
        ("d.parquet", _parquet_number, "malformed", "in field 'text', got a value of type int"),
        (
            "d.warc.gz",
            _warc([("https://ex.ma/m", MENU_HTML.encode(), "text/html", "200 OK")]),
            "html_only",
            "no article text",
        ),
        (
            "d.warc.gz",
            _warc([("https://ex.ma/i.png", b"\x89PNG", "image/png", "200 OK")]),
            "not_text",
            "image/png",
        ),
        (
            "d.warc.gz",
            _warc([("https://ex.ma/x", b"<html/>", "text/html", "404 Not Found")]),
            "not_text",
            "HTTP 404",
        ),
        ("d.pdf", lambda p: (p.write_bytes(b"%PDF"), p)[1], "unsupported_file", "'.pdf'"),
    ],
)
def test_bad_inputs_become_problems_with_kind_and_reason(
    tmp_path: Path, name: str, make: Callable[[Path], Path], kind: str, reason: str
) -> None:
    path = make(tmp_path / name)
    items = list(read_archive([str(path)]))
    found = problems(items)
    assert found, items
    assert found[-1].kind == kind
    assert reason in found[-1].reason and str(path) in found[-1].reason
    assert found[-1].reason.startswith("[E")


def test_missing_text_column_is_one_file_problem(tmp_path: Path) -> None:
    for path in (
        write_csv(tmp_path / "c.csv", [{"id": "1", "body": "x"}]),
        write_parquet(tmp_path / "c.parquet", [{"id": "1", "body": "x"}]),
    ):
        (problem,) = read_archive([str(path)])
        assert isinstance(problem, Problem) and "column 'text'" in problem.reason


def test_truncated_gzip_keeps_the_documents_before_the_damage(tmp_path: Path) -> None:
    items = list(read_archive([str(_truncated_gz(tmp_path / "t.jsonl.gz"))]))
    assert docs(items) and [d.id for d in docs(items)] == [f"g{i}" for i in range(len(docs(items)))]
    assert isinstance(items[-1], Problem) and items[-1].kind == "corrupt_file"


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", ROWS)
    b = write_csv(tmp_path / "b.csv", ROWS[:1])
    items = list(read_archive([str(a), str(b)]))
    assert [type(i).__name__ for i in items] == ["InputDoc", "InputDoc", "Problem"]
    assert items[2].kind == "duplicate_id"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<html><body>x</body></html>", True),
        ("  <!DOCTYPE html><html></html>\n", True),
        ("<p>Un paragraphe.</p>", True),
        ("Le HCR <br> a aidé 12 familles.", False),
        ("<Le Monde> titre", False),
        ("12 < 13 et 14 > 3", False),
    ],
)
def test_looks_like_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_fingerprint_changes_with_the_files(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ROWS)
    before = inputs_fingerprint([str(tmp_path)])
    assert before == inputs_fingerprint([str(tmp_path)])
    assert before["files"] == 1 and before["bytes"] == path.stat().st_size
    write_jsonl(path, [*ROWS, {"id": "a3", "text": "Trois."}])
    assert inputs_fingerprint([str(tmp_path)]) != before


def test_estimate_count(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", ROWS)
    write_jsonl_gz(tmp_path / "b.jsonl.gz", ROWS)
    write_csv(tmp_path / "c.csv", ROWS)
    write_parquet(tmp_path / "d.parquet", ROWS)
    write_txt(tmp_path / "e.txt", ROWS)
    write_warc(
        tmp_path / "f.warc.gz", [("https://ex.ma/a", ARTICLE_HTML.encode(), "text/html", "200 OK")]
    )
    assert estimate_count([str(tmp_path)]) == 2 * 4 + 1 + 1


# --- nothing lost ----------------------------------------------------------------------------


def test_a_csv_with_a_bom_keeps_its_id_column(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\nc1,Bonjour.\n")
    (doc,) = read_archive([str(path)])
    assert isinstance(doc, InputDoc) and doc.id == "c1" and doc.meta == {}


ROWS_META = [
    {"id": "a1", "text": TEXTS[0], "url": "https://ex.ma/1", "date": "2024-05-01", "headline": "T"}
]


@pytest.mark.parametrize(
    ("name", "writer"),
    [
        ("m.jsonl", write_jsonl),
        ("m.jsonl.gz", write_jsonl_gz),
        ("m.csv", write_csv),
        ("m.parquet", write_parquet),
    ],
)
def test_metadata_fields_are_kept_in_every_format(
    tmp_path: Path, name: str, writer: Callable[[Path, list[dict]], Path]
) -> None:
    (doc,) = read_archive([str(writer(tmp_path / name, ROWS_META))])
    assert isinstance(doc, InputDoc) and doc.id == "a1"
    assert doc.meta == {"url": "https://ex.ma/1", "date": "2024-05-01", "headline": "T"}


def test_parquet_dates_in_meta_are_iso_strings(tmp_path: Path) -> None:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "d.parquet"
    pq.write_table(pa.table({"text": [TEXTS[0]], "date": [dt.date(2024, 5, 1)]}), path)
    (doc,) = read_archive([str(path)])
    assert isinstance(doc, InputDoc) and doc.meta == {"date": "2024-05-01"}


def test_candidate_text_fields_read_csv_body_and_jsonl_text_in_one_run(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", [{"id": "c1", "body": TEXTS[0]}])
    write_jsonl(tmp_path / "b.jsonl", [{"id": "j1", "text": TEXTS[1]}])
    paths = [str(tmp_path / "a.csv"), str(tmp_path / "b.jsonl")]
    assert problems(list(read_archive(paths)))[0].kind == "malformed"  # 'text' alone: no body
    items = list(read_archive(paths, text_field="text,body"))
    assert [(d.id, d.text) for d in docs(items)] == [("c1", TEXTS[0]), ("j1", TEXTS[1])]
    assert not problems(items)


def test_a_cp1252_csv_row_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(b"id,text\nc1,Bonjour.\nc2,caf\xe9 cr\xe8me \x80\n")
    first, second = read_archive([str(path)])
    assert isinstance(first, InputDoc) and not first.notes
    assert isinstance(second, InputDoc) and second.text == "café crème €"
    (note,) = second.notes
    assert note.kind == "encoding_fallback" and note.line == 2 and note.doc_id == "c2"


@pytest.mark.parametrize("scheme", ["given", "file"])
def test_two_csvs_numbered_alike(tmp_path: Path, scheme: str) -> None:
    root = tmp_path / "arch"
    root.mkdir()
    write_csv(root / "a.csv", [{"id": "1", "text": TEXTS[0]}, {"id": "2", "text": TEXTS[1]}])
    write_csv(root / "b.csv", [{"id": "1", "text": TEXTS[1]}, {"id": "2", "text": TEXTS[0]}])
    items = list(read_archive([str(root)], options=ReadOptions.make(id_scheme=scheme)))
    if scheme == "given":
        assert [d.id for d in docs(items)] == ["1", "2"]
        assert [p.kind for p in problems(items)] == ["duplicate_id"] * 2
        assert "--id-scheme file" in problems(items)[0].reason
    else:
        assert [d.id for d in docs(items)] == ["arch/a:1", "arch/a:2", "arch/b:1", "arch/b:2"]
        assert not problems(items)


def _warc_bytes(path: Path, gz: bool) -> bytes:
    """A WARC of three plain-text responses, nothing else."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for i in range(3):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], "HTTP/1.1")
            body = io.BytesIO((f"Texte {i}. " * 150).encode())
            record = writer.create_warc_record(
                f"https://ex.ma/{i}",
                "response",
                payload=body,
                http_headers=http,
                warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:0000-{i + 1:04d}>"},
            )
            writer.write_record(record)
    return path.read_bytes()


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("cut", [c / 100 for c in range(40, 100, 4)])
def test_a_truncated_warc_reports_the_cut_record(tmp_path: Path, gz: bool, cut: float) -> None:
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    data = _warc_bytes(path, gz)
    whole = docs(list(read_archive([str(path)])))
    assert len(whole) == 3
    path.write_bytes(data[: int(len(data) * cut)])
    items = list(read_archive([str(path)]))
    kept = docs(items)
    assert [d.text for d in kept] == [d.text for d in whole[: len(kept)]]  # no partial document
    found = problems(items)
    assert found and found[-1].kind in ("truncated_record", "corrupt_file"), items
    assert len(kept) + sum(p.kind == "truncated_record" for p in found) >= 2


def test_a_short_warc_record_names_its_content_length(tmp_path: Path) -> None:
    path = tmp_path / "short.warc"
    data = _warc_bytes(path, gz=False)
    path.write_bytes(data[:-200])
    items = list(read_archive([str(path)]))
    assert len(docs(items)) == 2
    (problem,) = problems(items)
    assert problem.kind == "truncated_record" and "E200" in problem.reason
    assert "Content-Length" in problem.reason and problem.doc_id == "urn:uuid:0000-0003"


def test_symlinks_broken_looping_and_to_directories(tmp_path: Path) -> None:
    root = tmp_path / "arch"
    (root / "sub").mkdir(parents=True)
    write_jsonl(root / "a.jsonl", [{"id": "a", "text": TEXTS[0]}])
    other = tmp_path / "elsewhere"
    other.mkdir()
    write_jsonl(other / "b.jsonl", [{"id": "b", "text": TEXTS[1]}])
    (root / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")
    (root / "self.jsonl").symlink_to(root / "self.jsonl")
    (root / "linked").symlink_to(other)  # a symlinked directory is followed
    (root / "sub" / "up").symlink_to(root)  # a loop back to the root
    items = list(read_archive([str(root)]))
    assert [d.id for d in docs(items)] == ["a", "b"]
    kinds = {(Path(p.source).name, p.kind) for p in problems(items)}
    assert kinds == {
        ("dangling.jsonl", "broken_link"),
        ("self.jsonl", "broken_link"),
        ("up", "directory_seen"),
    }
    reasons = " ".join(p.reason for p in problems(items))
    assert "does not exist" in reasons and "loops back" in reasons and "W201" in reasons
    assert inputs_fingerprint([str(root)])["files"] == 2  # no crash before any work
    assert estimate_count([str(root)]) == 5


def test_the_output_directory_inside_the_input_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "arch"
    (root / "out").mkdir(parents=True)
    write_jsonl(root / "a.jsonl", [{"id": "a", "text": TEXTS[0]}])
    write_jsonl(root / "out" / "shard-00000.jsonl", [{"id": "a", "text": TEXTS[0]}])
    assert len(docs(list(read_archive([str(root)])))) == 1  # the shard's 'a' is a duplicate
    items = list(read_archive([str(root)], exclude=[root / "out"]))
    assert [d.id for d in docs(items)] == ["a"] and not problems(items)
    before = inputs_fingerprint([str(root)], exclude=[root / "out"])
    (root / "out" / "manifest.json").write_text("{}")
    assert inputs_fingerprint([str(root)], exclude=[root / "out"]) == before
