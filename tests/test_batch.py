"""Batch runs: sharded outputs, errors file, giant documents, resume after SIGKILL, engines."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dechiffre.pipeline.archive import (
    BatchOptions,
    PipelineSpec,
    read_manifest,
    read_shards,
    run_batch,
    span_schema,
    split_bounds,
)
from dechiffre.pipeline.cli import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
SENTENCES = [
    "L'OIM a aidé environ 1 664 migrants à rentrer chez eux.",
    "Le HCR compte 12 % de réfugiés en plus dans le camp.",
    "La Marine royale a porté secours à 14.260 personnes en mer.",
    "Plus de 3,5 millions d'euros ont été versés par l'Union européenne.",
    "Les autorités n'ont publié aucun chiffre hier soir.",
]


@pytest.fixture(scope="session")
def blank_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small pipeline for plumbing tests: blank French tokenizer and the dechiffre rules."""
    import spacy

    from dechiffre.pipeline.org_linker import OrgLinker

    nlp = spacy.blank("fr")
    nlp.add_pipe("dechiffre_org_rules").initialize(lambda: [], nlp=nlp)
    nlp.add_pipe("dechiffre_quantities")
    linker = nlp.add_pipe("dechiffre_orgs", config={"use_ner": False})
    assert isinstance(linker, OrgLinker)
    linker.initialize(lambda: [], nlp=nlp)
    path = tmp_path_factory.mktemp("pipelines") / "blank"
    nlp.to_disk(path)
    return path


def article(i: int, n_sentences: int = 3) -> str:
    return " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(n_sentences)) + f" ({i})"


def write_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> Path:
    """A gzipped WARC of HTTP 200 responses (url, body, content type)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, (url, body, ctype) in enumerate(pages, start=1):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{number:04d}>"},
            )
            writer.write_record(record)
    return path


def make_archive(root: Path, n: int, *, bad: bool = True) -> Path:
    """A directory of JSONL, gzipped JSONL and CSV files with n documents (and a few bad lines)."""
    root.mkdir(parents=True)
    third = n // 3
    lines = [json.dumps({"id": f"a{i}", "text": article(i)}) for i in range(third)]
    if bad:
        lines[5:5] = ["{oops", json.dumps({"id": "empty", "text": "   "})]
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "sub").mkdir()
    with gzip.open(root / "sub" / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        for i in range(third, 2 * third):
            handle.write(json.dumps({"text": article(i)}) + "\n")
    csv_rows = ["id,text"] + [f'c{i},"{article(i)}"' for i in range(2 * third, n)]
    (root / "sub" / "c.csv").write_text("\n".join(csv_rows) + "\n", encoding="utf-8")
    return root


def valid_ids(root: Path) -> list[str]:
    from dechiffre.pipeline.archive_inputs import read_archive
    from dechiffre.pipeline.inputs import InputDoc

    return [d.id for d in read_archive([str(root)]) if isinstance(d, InputDoc)]


def outputs(out: Path) -> dict[str, Any]:
    """Everything a run wrote that must not depend on how it ran."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    manifest = read_manifest(out)
    assert manifest is not None and manifest["complete"]
    tables = [pq.read_table(out / s["files"]["parquet"]) for s in manifest["shards"]]
    return {
        "records": list(read_shards(out)),
        "errors": (out / "errors.jsonl").read_text(encoding="utf-8"),
        "spans": pa.concat_tables(tables).to_pylist() if tables else [],
        "shards": manifest["shards"],
        "totals": manifest["totals"],
        "pipeline": manifest["pipeline"],
    }


def options(**kw: Any) -> BatchOptions:
    values: dict[str, Any] = {"shard_size": 25, "batch_size": 8}
    values.update(kw)
    return BatchOptions(**values)


# --- giant documents ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "max_chars", "expected"),
    [
        ("Un. Deux. Trois.", 100, [(0, 16)]),
        ("Un. Deux. Trois.", 0, [(0, 16)]),
        ("Une phrase. Une autre. Et la fin.", 12, [(0, 12), (12, 23), (23, 33)]),
        ("Premier.\n\nsecond bloc ici", 15, [(0, 10), (10, 25)]),
        ("aaaa bbbb cccc dddd", 10, [(0, 10), (10, 19)]),  # no sentence end: cut at a space
        ("abcdefghij", 4, [(0, 4), (4, 8), (8, 10)]),  # no space at all: hard cut
        ("Il a 3.5 ans. Fin.", 12, [(0, 9), (9, 18)]),  # "3.5" is no sentence end
    ],
)
def test_split_bounds(text: str, max_chars: int, expected: list[tuple[int, int]]) -> None:
    bounds = split_bounds(text, max_chars)
    assert bounds == expected
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))


def test_giant_document_is_split_and_stitched_with_original_offsets(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    giant = " ".join(article(i, 5) for i in range(120))  # about 30,000 characters
    src = tmp_path / "in"
    src.mkdir()
    (src / "giant.txt").write_text(giant, encoding="utf-8")
    spec = PipelineSpec(str(blank_pipeline))
    split = run_batch([str(src)], tmp_path / "split", spec=spec, options=options(max_chars=2000))
    whole = run_batch([str(src)], tmp_path / "whole", spec=spec, options=options(max_chars=0))
    (record,) = read_shards(tmp_path / "split")
    (reference,) = read_shards(tmp_path / "whole")
    assert record["text"] == giant
    assert record["spans"] == reference["spans"] and len(record["spans"]) > 500
    assert all(giant[s["start"] : s["end"]] == s["text"] for s in record["spans"])
    pieces = record["meta"]["provenance"]["split"]["pieces"]
    assert len(pieces) >= 15 and pieces[0][0] == 0 and pieces[-1][1] == len(giant)
    assert all(end - start <= 2000 for start, end in pieces)
    assert all(giant[end - 2] == "." for _, end in pieces[:-1])  # cut after a sentence end
    (warning,) = [json.loads(x) for x in (tmp_path / "split/errors.jsonl").read_text().splitlines()]
    assert warning["kind"] == "split" and warning["level"] == "warning"
    assert "E042" in warning["reason"] and warning["split"]["pieces"] == pieces
    assert split.exit_code == 0 and split.totals["warnings"] == {"split": 1}
    assert whole.totals["warnings"] == {}


ENGLISH = (
    "The company said on Tuesday that it had raised $2 billion from investors, and that "
    "about 1,200 jobs would be created over the next three years."
)


@pytest.mark.parametrize(
    ("languages", "ids", "kinds", "code"),
    [
        ((), ["fr", "en", "tok"], {"other_language": 1, "long_token": 1}, 0),
        (("fr",), ["fr", "tok"], {"language": 1, "long_token": 1}, 1),
    ],
)
def test_other_languages_and_long_tokens_in_a_batch_run(
    tmp_path: Path,
    blank_pipeline: Path,
    languages: tuple[str, ...],
    ids: list[str],
    kinds: dict[str, int],
    code: int,
) -> None:
    src = tmp_path / "in.jsonl"
    docs = [
        {"id": "fr", "text": article(1)},
        {"id": "en", "text": ENGLISH},
        {"id": "tok", "text": article(2) + " " + "Zx9" * 40_000 + " " + article(3)},
    ]
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    spec = PipelineSpec(str(blank_pipeline))
    summary = run_batch([str(src)], out, spec=spec, options=options(languages=languages))
    records = {r["id"]: r for r in read_shards(out)}
    assert list(records) == ids  # a skipped document is not output with empty spans
    entries = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert {e["kind"]: 1 for e in entries} == kinds
    assert summary.exit_code == code
    if "en" in records:
        assert records["en"]["meta"]["lang"] == "en"
    assert "lang" not in records["fr"].get("meta", {})
    tok = records["tok"]
    assert all(s["end"] - s["start"] < 200 for s in tok["spans"]) and len(tok["spans"]) >= 4
    assert all(tok["text"][s["start"] : s["end"]] == s["text"] for s in tok["spans"])


def test_languages_option_is_checked(tmp_path: Path, blank_pipeline: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(article(1), encoding="utf-8")
    result = runner.invoke(
        app,
        ["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "--languages", "french!",
         "--pipeline", str(blank_pipeline)],
    )
    assert result.exit_code == 2 and "E251" in result.output


# --- sharded outputs ----------------------------------------------------------------------


def test_sharded_outputs_manifest_and_parquet_columns(tmp_path: Path, blank_pipeline: Path) -> None:
    import pyarrow.parquet as pq

    archive = make_archive(tmp_path / "in", 60)
    out = tmp_path / "out"
    summary = run_batch(
        [str(archive)], out, spec=PipelineSpec(str(blank_pipeline)), options=options(shard_size=25)
    )
    manifest = read_manifest(out)
    assert manifest is not None and manifest["complete"]
    # 62 items (60 documents, 2 bad lines): shards of 25, 25 and 12
    assert [s["ordinals"] for s in manifest["shards"]] == [[0, 25], [25, 50], [50, 62]]
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert names == sorted(
        ["manifest.json", "errors.jsonl"]
        + [
            f"{folder}{kind}-{i:05d}.{ext}"
            for i in range(3)
            for folder, kind, ext in (
                ("", "shard", "jsonl"),
                ("spans/", "spans", "parquet"),
                ("documents/", "documents", "parquet"),
                ("claims/", "claims", "parquet"),
                ("errors/", "errors", "jsonl"),
            )
        ]
    )
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert manifest["shards"][0]["first"] == {"source": str(archive / "a.jsonl"), "position": 1}
    assert manifest["shards"][2]["last"] == {"source": str(archive / "sub/c.csv"), "position": 20}
    assert manifest["pipeline"]["config_hash"].startswith("sha256:")
    records = list(read_shards(out))
    assert [r["id"] for r in records] == valid_ids(archive)
    assert summary.totals["documents"] == 60 and summary.totals["errors"] == {
        "empty": 1,
        "malformed": 1,
    }
    prov = records[0]["meta"]["provenance"]
    assert prov == {
        "source": str(archive / "a.jsonl"),
        "position": 1,
        "pipeline_version": manifest["pipeline"]["version"],
        "config_hash": manifest["pipeline"]["config_hash"],
    }
    assert records[20]["id"] == "in/sub/b:1"  # derived: directory, relative path, position
    table = pq.read_table([out / f"spans/spans-{i:05d}.parquet" for i in range(3)])
    assert table.schema == span_schema()
    flat = [
        (r["id"], s["start"], s["end"], s["label"], s.get("kb_id"), s.get("value"))
        for r in records
        for s in r["spans"]
    ]
    rows = table.to_pylist()
    assert [
        (x["doc_id"], x["start"], x["end"], x["label"], x["kb_id"], x["value"]) for x in rows
    ] == flat
    kb_ids = set(table.column("kb_id").drop_null().to_pylist())
    assert {"IOM", "UNHCR", "EU"} <= kb_ids
    quantities = [r for r in rows if r["label"] == "QUANTITY"]
    assert quantities and all(isinstance(r["value"], float) for r in quantities)


# --- bad input through the command line ---------------------------------------------------------


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory, blank_pipeline: Path) -> dict[str, Any]:
    """One CLI run over an archive holding each kind of bad input."""
    root = tmp_path_factory.mktemp("bad")
    src = root / "in"
    src.mkdir()
    good = json.dumps({"id": "ok", "text": SENTENCES[0]})
    lines = [
        good.encode(),
        b'{"id": "utf", "text": "caf\x81"}',
        b'{"id": "latin", "text": "caf\xe9 cr\xe8me"}',
        b'{"id": "vide", "text": "  "}',
        b"{oops",
        b'{"id": "page", "text": "<html><body><p>Un.</p></body></html>"}',
        b'{"id": "ok", "text": "Encore."}',
        json.dumps({"id": "huge", "text": "Une phrase. " * 200}).encode(),
    ]
    (src / "a.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (src / "b.pdf").write_bytes(b"%PDF")
    with gzip.open(src / "c.jsonl.gz", "wt", encoding="utf-8") as handle:
        rng = random.Random(0)
        for i in range(100):
            numbers = " ".join(str(rng.randint(0, 10**6)) for _ in range(80))
            handle.write(json.dumps({"text": f"Texte {i} : {numbers}."}) + "\n")
    data = (src / "c.jsonl.gz").read_bytes()
    (src / "c.jsonl.gz").write_bytes(data[: len(data) // 2])  # truncated download
    write_warc(
        src / "d.warc.gz",
        [
            (
                "https://ex.ma/menu",
                b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>",
                "text/html",
            ),
            ("https://ex.ma/logo.png", b"\x89PNG", "image/png"),
        ],
    )
    out = root / "out"
    result = runner.invoke(
        app,
        [
            "extract",
            str(src),
            "--output-dir",
            str(out),
            "--pipeline",
            str(blank_pipeline),
            "--max-chars",
            "1000",
            "--no-progress",
        ],
    )
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    return {"result": result, "errors": errors, "out": out}


@pytest.mark.parametrize(
    ("kind", "source", "doc_id", "reason"),
    [
        ("invalid_utf8", "a.jsonl", None, "expected UTF-8 text"),
        ("empty", "a.jsonl", "vide", "is empty"),
        ("malformed", "a.jsonl", None, "invalid JSON"),
        ("html_only", "a.jsonl", "page", "HTML markup"),
        ("duplicate_id", "a.jsonl", "ok", "appears again"),
        ("unsupported_file", "b.pdf", None, "'b.pdf'"),
        ("corrupt_file", "c.jsonl.gz", None, "gzip-compressed JSONL"),
        ("html_only", "d.warc.gz", "urn:uuid:0001", "no article text"),
        ("not_text", "d.warc.gz", "urn:uuid:0002", "image/png"),
        ("split", "a.jsonl", "huge", "split on sentence boundaries"),
        ("encoding_fallback", "a.jsonl", "latin", "it was read as cp1252"),
    ],
)
def test_each_bad_input_lands_in_the_errors_file(
    bad_run: dict[str, Any], kind: str, source: str, doc_id: str | None, reason: str
) -> None:
    (item,) = [e for e in bad_run["errors"] if e["kind"] == kind and e["source"].endswith(source)]
    assert reason in item["reason"] and item["reason"].startswith(("[E0", "[W2"))
    assert item["position"] is not None and isinstance(item["ordinal"], int)
    if doc_id is not None:
        assert item["doc_id"] == doc_id
    warnings = ("split", "not_text", "encoding_fallback")
    assert item["level"] == ("warning" if kind in warnings else "error")


def test_bad_inputs_are_counted_and_fail_the_exit_code(bad_run: dict[str, Any]) -> None:
    result = bad_run["result"]
    assert result.exit_code == 1, result.output
    assert "errors" in result.output and "html_only" in result.output
    ids = [r["id"] for r in read_shards(bad_run["out"])]
    kept = [f"in/c:{i}" for i in range(1, 101) if f"in/c:{i}" in ids]
    assert kept and ids == ["ok", "latin", "huge", *kept]  # the split document is output whole
    manifest = read_manifest(bad_run["out"])
    assert manifest is not None
    assert manifest["totals"]["errors"] == {
        "corrupt_file": 1,
        "duplicate_id": 1,
        "empty": 1,
        "html_only": 2,
        "invalid_utf8": 1,
        "malformed": 1,
        "unsupported_file": 1,
    }
    assert manifest["totals"]["warnings"] == {"encoding_fallback": 1, "not_text": 1, "split": 1}


def test_a_document_the_pipeline_fails_on_is_an_error_not_a_crash(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": SENTENCES[0]},
        # over nlp.max_length and never split (short words: a long token would be skipped)
        {"id": "toolong", "text": "xy " * 333_334},
        {"id": "b", "text": SENTENCES[1]},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    summary = run_batch(
        [str(src)],
        tmp_path / "out",
        spec=PipelineSpec(str(blank_pipeline)),
        options=options(max_chars=0),
    )
    assert [r["id"] for r in read_shards(tmp_path / "out")] == ["a", "b"]
    (item,) = [json.loads(x) for x in (tmp_path / "out/errors.jsonl").read_text().splitlines()]
    assert item["kind"] == "pipeline_error" and item["doc_id"] == "toolong"
    assert "E046" in item["reason"] and "E088" in item["reason"]
    assert summary.exit_code == 1


def test_a_clean_run_exits_zero_and_a_second_run_needs_resume(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    archive = make_archive(tmp_path / "in", 12, bad=False)
    args = ["extract", str(archive), "--output-dir", str(tmp_path / "out")]
    args += ["--pipeline", str(blank_pipeline), "--shard-size", "5"]
    first = runner.invoke(app, [*args, "--progress"])
    assert first.exit_code == 0, first.output
    assert "words/s this run" in first.output
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "E047" in again.output
    resumed = runner.invoke(app, [*args, "--resume"])
    assert resumed.exit_code == 0 and "12" in resumed.output
    changed = runner.invoke(app, [*args[:-1], "7", "--resume"])
    assert changed.exit_code == 2 and "E048" in changed.output and "shard_size" in changed.output


def test_single_output_file_mode_reads_archives_too(tmp_path: Path, blank_pipeline: Path) -> None:
    archive = make_archive(tmp_path / "in", 30)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["extract", str(archive), "-o", str(out), "--pipeline", str(blank_pipeline)]
    )
    shown = " ".join(result.output.split())
    assert result.exit_code == 1 and "a.jsonl, line 6" in shown  # '{oops' after 5 documents
    records = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in records] == valid_ids(archive)
    assert all("meta" not in r for r in records)  # the legacy output stays as it was
    both = runner.invoke(app, ["extract", str(archive), "-o", str(out), "--output-dir", "x"])
    assert both.exit_code == 2


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--engine", "spark"], "--engine local or dask"),
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler only with --engine dask"),
        (["--formats", "csv"], "jsonl and/or parquet"),
        (["--shard-size", "0"], "--shard-size of at least 1"),
        (["--pipeline", "no/such/pipeline"], "E030"),
    ],
)
def test_bad_options_exit_2_without_leaving_a_run(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "text": "Un."}\n')
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(src), "--output-dir", str(out), *extra])
    assert result.exit_code == 2 and message in " ".join(result.output.split())
    assert not (out / "manifest.json").exists()


def test_stdin_still_works_and_cannot_be_resumed(tmp_path: Path, blank_pipeline: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = '{"id": "s1", "text": "Le HCR a aidé 12 familles."}\n{"text": "Deux."}\n'
    result = runner.invoke(
        app, ["extract", "-", "-o", str(out), "--pipeline", str(blank_pipeline)], input=lines
    )
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["s1", "stdin:2"]
    resumed = runner.invoke(
        app,
        ["extract", "-", "--output-dir", str(tmp_path / "d"), "--resume"],
        input=lines,
    )
    assert resumed.exit_code == 2 and "E049" in resumed.output


# --- resume after SIGKILL ---------------------------------------------------------------------


def committed(out: Path) -> int:
    """How many shards the manifest lists (0 before it exists or while it is replaced)."""
    try:
        manifest = read_manifest(out)
    except (OSError, ValueError):
        return 0
    return len(manifest["shards"]) if manifest else 0


def output_bytes(out: Path) -> dict[str, bytes]:
    """Every file a run wrote, byte for byte; the manifest without its timestamps."""
    files = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "manifest.json"
    }
    manifest = read_manifest(out)
    assert manifest is not None
    for key in ("created", "updated"):
        manifest.pop(key)
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


@pytest.mark.slow
def test_ten_sigkills_and_resumes_equal_an_uninterrupted_run(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    archive = make_archive(tmp_path / "in", 900)  # 902 items: 91 shards of 10
    killed = tmp_path / "killed"
    args = [
        "extract",
        str(archive),
        "--output-dir",
        str(killed),
        "--pipeline",
        str(blank_pipeline),
        "--shard-size",
        "10",
        "--batch-size",
        "5",
        "--no-progress",
    ]
    rng = random.Random(13)
    kill_points: list[int] = []
    for attempt in range(10):
        before = committed(killed)
        proc = subprocess.Popen(
            [sys.executable, "-m", "dechiffre.pipeline.cli", *args]
            + (["--resume"] if attempt else []),
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 600  # a safety net against a hung run, not a timing
        try:
            while committed(killed) <= before:  # at least one new shard, then a random moment
                assert proc.poll() is None, "the run ended before a new shard was committed"
                assert time.monotonic() < deadline
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.03))
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait()
        at_kill = read_manifest(killed)
        assert at_kill is not None and not at_kill["complete"], "the run finished before the kill"
        kill_points.append(len(at_kill["shards"]))
    assert len(set(kill_points)) == 10 and kill_points == sorted(kill_points)
    assert kill_points[-1] < 91
    resumed = runner.invoke(app, [*args, "--resume"])
    assert resumed.exit_code == 1, resumed.output  # the archive holds two bad lines
    assert "items from an earlier run" in resumed.output

    ids = [r["id"] for r in read_shards(killed)]
    assert ids == valid_ids(archive) and len(ids) == len(set(ids)) == 900  # none lost or doubled
    clean = tmp_path / "clean"
    run_batch(
        [str(archive)],
        clean,
        spec=PipelineSpec(str(blank_pipeline)),
        options=options(shard_size=10, batch_size=5),
    )
    assert output_bytes(killed) == output_bytes(clean)
    assert outputs(killed) == outputs(clean)
    assert not [p for p in killed.rglob("*.tmp")]


# --- engines ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine_archive(tmp_path_factory: pytest.TempPathFactory, blank_pipeline: Path) -> dict:
    """An archive and its output from the local engine with one worker."""
    root = tmp_path_factory.mktemp("engines")
    archive = make_archive(root / "in", 240)
    run_batch(
        [str(archive)], root / "one", spec=PipelineSpec(str(blank_pipeline)), options=options()
    )
    return {"archive": archive, "reference": outputs(root / "one"), "root": root}


@pytest.mark.slow
def test_two_worker_processes_equal_one(engine_archive: dict, blank_pipeline: Path) -> None:
    out = engine_archive["root"] / "two"
    summary = run_batch(
        [str(engine_archive["archive"])],
        out,
        spec=PipelineSpec(str(blank_pipeline)),
        options=options(workers=2),
    )
    assert outputs(out) == engine_archive["reference"]
    # which of the two processes takes each batch depends on timing (one may take all
    # of a small archive on a loaded machine); the work never runs in the main process
    assert 1 <= len(summary.workers) <= 2
    assert os.getpid() not in {w.pid for w in summary.workers}
    assert all(w.loads == 1 for w in summary.workers)  # the pipeline loads once per process
    assert sum(w.documents for w in summary.workers) == 240


@pytest.mark.slow
def test_dask_local_cluster_equals_the_local_engine(
    engine_archive: dict, blank_pipeline: Path
) -> None:
    from dask.distributed import LocalCluster

    out = engine_archive["root"] / "dask"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = run_batch(
            [str(engine_archive["archive"])],
            out,
            spec=PipelineSpec(str(blank_pipeline)),
            options=options(engine="dask", scheduler=cluster.scheduler_address),
        )
    assert outputs(out) == engine_archive["reference"]
    assert len(summary.workers) == 2 and all(w.loads == 1 for w in summary.workers)
    assert sum(w.chunks for w in summary.workers) > 2  # many tasks, one load per worker


# --- nothing lost, nothing confusing: the command line -------------------------------------------


def no_traceback(result: Any) -> bool:
    """The command ended by an exit code, not by an exception the user would see."""
    return result.exception is None or isinstance(result.exception, SystemExit)


def flat(result: Any) -> str:
    return " ".join(result.output.split())


def test_markup_in_ids_and_paths_is_printed_as_text(tmp_path: Path, blank_pipeline: Path) -> None:
    src = tmp_path / "in[" / "x]"  # the path holds '[/x]'
    src.mkdir(parents=True)
    rows = [{"id": "[/x]", "text": " "}, {"id": "[red]a", "text": SENTENCES[0]}]
    (src / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.jsonl"
    base = [str(src), "--pipeline", str(blank_pipeline), "--table"]
    result = runner.invoke(app, ["extract", *base, "-o", str(out)])
    assert no_traceback(result) and result.exit_code == 1, result.output
    assert "document '[/x]' is empty" in flat(result) and "[red]a: " in result.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["[red]a"]
    result = runner.invoke(app, ["extract", *base, "--output-dir", str(tmp_path / "[" / "d]")])
    assert no_traceback(result) and result.exit_code == 1 and "[/d]" in result.output
    assert "in[/x]" in result.output


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (lambda t: ["-o", str(t / "missing" / "out.jsonl")], "E203"),
        (lambda t: ["-o", str(t)], "E203"),
        (lambda t: ["--output-dir", str(t / "a.jsonl" / "out")], "E203"),
        (lambda t: ["-o", str(t / "out.parquet")], "E204"),
        (lambda t: ["-o", str(t / "out.csv")], "E204"),
        (lambda t: ["--pipeline", "no/such/pipeline"], "E030"),
        (lambda t: ["--encoding", "utf-9"], "--encoding"),
        (lambda t: ["--id-scheme", "uuid"], "--id-scheme given or file"),
        (lambda t: ["-o", str(t / "a.jsonl")], "E205"),  # would erase the input
        (lambda t: [str(t), "--output-dir", str(t)], "E205"),
    ],
)
def test_user_mistakes_exit_2_with_a_message_not_a_traceback(
    tmp_path: Path, blank_pipeline: Path, where: Any, message: str
) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "text": "Un."}\n')
    args = ["extract", str(src), *where(tmp_path)]
    if "--pipeline" not in args:
        args += ["--pipeline", str(blank_pipeline)]
    result = runner.invoke(app, args)
    assert no_traceback(result) and result.exit_code == 2, result.output
    assert message in flat(result) and "Traceback" not in result.output
    assert not (tmp_path / "out.parquet").exists()
    assert src.read_text() == '{"id": "a", "text": "Un."}\n'
    assert not (tmp_path / "manifest.json").exists()


def test_text_mode_and_missing_files_give_no_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "--text", "Un.", "--pipeline", "no/such"])
    assert no_traceback(result) and result.exit_code == 2 and "E030" in result.output
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.jsonl"), "--pipeline", "rules"])
    assert no_traceback(result) and result.exit_code == 1 and "E040" in flat(result)


def test_stderr_lines_are_not_wrapped_when_not_a_terminal(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    missing = str(tmp_path / ("x" * 150 + ".jsonl"))
    result = runner.invoke(app, ["extract", missing, "--pipeline", str(blank_pipeline)])
    (line,) = [x for x in result.output.splitlines() if "E040" in x]
    assert missing in line and line.endswith("move it out of the input directory.")


@pytest.mark.parametrize(
    ("scheme", "code", "documents"),
    [("given", 1, 2), ("file", 0, 4)],
)
def test_duplicate_ids_across_files_are_loud_and_counted(
    tmp_path: Path, blank_pipeline: Path, scheme: str, code: int, documents: int
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.csv", "b.csv"):
        (src / name).write_text(f'id,text\n1,"{SENTENCES[0]}"\n2,"{SENTENCES[1]}"\n')
    out = tmp_path / "out"
    args = ["extract", str(src), "--output-dir", str(out), "--pipeline", str(blank_pipeline)]
    result = runner.invoke(app, [*args, "--id-scheme", scheme])
    assert result.exit_code == code, result.output
    manifest = read_manifest(out)
    assert manifest is not None and manifest["totals"]["documents"] == documents
    if scheme == "given":
        assert "W202" in result.output and "2 documents were skipped" in flat(result)
        assert manifest["totals"]["errors"] == {"duplicate_id": 2}
    else:
        assert "W202" not in result.output
        assert [r["id"] for r in read_shards(out)] == ["in/a:1", "in/a:2", "in/b:1", "in/b:2"]


def test_an_output_directory_inside_the_input_can_resume(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    archive = make_archive(tmp_path / "in", 12, bad=False)
    out = archive / "out"
    args = ["extract", str(archive), "--output-dir", str(out), "--pipeline", str(blank_pipeline)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, [*args, "--resume"])
    assert again.exit_code == 0 and "E048" not in again.output, again.output
    assert len(list(read_shards(out))) == 12


def test_parquet_tables_read_with_pandas_and_keep_metadata(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    import pandas as pd

    src = tmp_path / "news.csv"
    src.write_text(
        "id,body,url,date,category\n"
        f'n1,"{SENTENCES[0]}",https://ex.ma/1,2024-05-01,migrations\n'
        f'n2,"{SENTENCES[4]}",https://ex.ma/2,2024-05-02,\n'
    )
    out = tmp_path / "out"
    options_ = options(text_field="text,body")
    run_batch([str(src)], out, spec=PipelineSpec(str(blank_pipeline)), options=options_)
    spans = pd.read_parquet(out / "spans")
    assert {"input_file", "input_position", "span_origin"} <= set(spans.columns)
    assert "source" not in spans.columns and set(spans["doc_id"]) == {"n1"}
    documents = pd.read_parquet(out / "documents").sort_values("doc_id")
    assert documents["doc_id"].tolist() == ["n1", "n2"]  # a document without spans is listed
    assert documents["meta_date"].tolist() == ["2024-05-01", "2024-05-02"]
    assert json.loads(documents["meta"].iloc[0]) == {
        "url": "https://ex.ma/1",
        "date": "2024-05-01",
        "category": "migrations",
    }
    assert documents["org_spans"].tolist() == [1, 0]
    records = list(read_shards(out))
    assert records[0]["meta"]["date"] == "2024-05-01" and "body" not in records[0]["meta"]


def test_truncated_warc_and_broken_links_fail_the_run(tmp_path: Path, blank_pipeline: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    body = (SENTENCES[0] + " ") * 40
    write_warc(
        src / "a.warc.gz", [(f"https://ex.ma/{i}", body.encode(), "text/plain") for i in range(3)]
    )
    data = (src / "a.warc.gz").read_bytes()
    (src / "a.warc.gz").write_bytes(data[: len(data) * 3 // 4])
    (src / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    out = tmp_path / "out"
    args = ["extract", str(src), "--output-dir", str(out), "--pipeline", str(blank_pipeline)]
    result = runner.invoke(app, args)
    assert no_traceback(result) and result.exit_code == 1, result.output
    manifest = read_manifest(out)
    assert manifest is not None
    errors = manifest["totals"]["errors"]
    assert errors.get("broken_link") == 1 and "truncated_record" in errors, errors
    assert manifest["totals"]["documents"] == 2


@pytest.mark.parametrize(("encoding", "warnings"), [(None, 1), ("latin-1", 0)])
def test_latin1_text_files_are_read(
    tmp_path: Path, blank_pipeline: Path, encoding: str | None, warnings: int
) -> None:
    src = tmp_path / "vieux.txt"
    src.write_bytes("Le HCR a aidé 12 familles à Agadez.".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    args = ["extract", str(src), "-o", str(out), "--pipeline", str(blank_pipeline)]
    result = runner.invoke(app, args + (["--encoding", encoding] if encoding else []))
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert record["text"].startswith("Le HCR a aidé")
    assert result.output.count("W200") == warnings


# --- progress and rates --------------------------------------------------------------------------


class RecordingProgress:
    """A RunProgress that records what a run reports."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int, int]] = []

    def ready(self) -> None:
        self.calls.append(("ready", 0, 0, 0))

    def advance(self, items: int, words: int, documents: int) -> None:
        self.calls.append(("advance", items, words, documents))


def test_progress_counts_processed_documents_after_the_pipeline_loads(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    from dechiffre.pipeline.archive import get_pipeline, rate

    archive = make_archive(tmp_path / "in", 30)  # 30 documents and 2 bad lines
    spec = PipelineSpec(str(blank_pipeline))
    get_pipeline(spec)
    first = RecordingProgress()
    summary = run_batch(
        [str(archive)], tmp_path / "a", spec=spec, options=options(shard_size=10), progress=first
    )
    assert first.calls[0][0] == "ready" and [c[0] for c in first.calls].count("ready") == 1
    advances = first.calls[1:]
    assert sum(c[1] for c in advances) == 32 and sum(c[3] for c in advances) == 30
    assert summary.documents_processed == 30 and summary.processing_seconds > 0
    assert summary.documents_per_second == rate(30, summary.processing_seconds)
    # resumed items advance the bar but are not processed documents
    manifest = read_manifest(tmp_path / "a")
    assert manifest is not None
    manifest["shards"] = manifest["shards"][:2]
    manifest["complete"] = False
    (tmp_path / "a" / "manifest.json").write_text(json.dumps(manifest))
    again = RecordingProgress()
    resumed = run_batch(
        [str(archive)],
        tmp_path / "a",
        spec=spec,
        options=options(shard_size=10),
        resume=True,
        progress=again,
    )
    assert sum(c[1] for c in again.calls[1:]) == 32
    assert sum(c[3] for c in again.calls[1:]) == resumed.documents_processed == 12
    assert resumed.resumed_items == 20


def test_the_bar_says_loading_and_its_rate_agrees_with_the_summary(
    tmp_path: Path, blank_pipeline: Path
) -> None:
    import io

    from rich.console import Console
    from rich.progress import Progress

    from dechiffre.pipeline.cli import _Bar, _bar_rate

    bar = Progress(console=Console(file=io.StringIO()), auto_refresh=False)
    state = _Bar(bar)
    (task,) = bar.tasks
    assert task.description == "loading pipeline" and _bar_rate(task) is None
    archive = make_archive(tmp_path / "in", 30, bad=False)
    summary = run_batch(
        [str(archive)],
        tmp_path / "out",
        spec=PipelineSpec(str(blank_pipeline)),
        options=options(),
        progress=state,
    )
    assert task.description == "extract" and task.completed == 30
    bar_rate = _bar_rate(task)
    assert bar_rate is not None
    assert bar_rate == pytest.approx(summary.documents_per_second, rel=0.05)


# --- a dead worker ------------------------------------------------------------------------------


class DeadEngine:
    """An engine whose worker process dies on the first chunk."""

    window = 1

    def submit(self, chunk: Any) -> Any:
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        future: Future[Any] = Future()
        future.set_exception(BrokenProcessPool("A process in the process pool was terminated"))
        return future

    def close(self) -> None:
        pass


def test_a_dead_worker_exits_3_not_the_usage_code(
    tmp_path: Path, blank_pipeline: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dechiffre.pipeline.archive import engines as engines_module
    from dechiffre.pipeline.archive import run as run_module
    from dechiffre.pipeline.archive import settings
    from dechiffre.pipeline.errors import WorkerDiedError

    archive = make_archive(tmp_path / "in", 12, bad=False)
    with pytest.raises(WorkerDiedError, match="E051"):
        run_batch(
            [str(archive)],
            tmp_path / "a",
            spec=PipelineSpec(str(blank_pipeline)),
            engine=DeadEngine(),
        )
    for module in (run_module, engines_module):  # --output-dir and -o start engines here
        monkeypatch.setattr(module, "make_engine", lambda *a, **k: DeadEngine())
    for mode in (["--output-dir", str(tmp_path / "b")], ["-o", str(tmp_path / "b.jsonl")]):
        result = runner.invoke(
            app, ["extract", str(archive), *mode, "--pipeline", str(blank_pipeline)]
        )
        assert no_traceback(result) and result.exit_code == settings.EXIT_WORKER_DIED == 3
        assert "E051" in result.output and "--resume" in flat(result)
    assert settings.EXIT_USAGE == 2
