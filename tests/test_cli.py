"""The command line: extract to JSONL, tables, error exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dechiffre.pipeline.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


def test_extract_jsonl_keeps_ids_and_order(tmp_path: Path, repo_dir: Path) -> None:
    out = tmp_path / "out.jsonl"
    sample = repo_dir / "corpus/sample/articles.jsonl"
    result = runner.invoke(app, ["extract", str(sample), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    inputs = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [d["id"] for d in inputs]
    assert all(r["text"] == d["text"] for r, d in zip(records, inputs, strict=True))
    assert all(r["spans"] for r in records)


def test_bad_line_is_reported_skipped_and_fails_the_exit_code(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "Le HCR a aidé 12 familles."}\n{oops\n{"id": "b", "text": "Trois."}\n'
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "line 2" in result.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "b"]


def test_text_option_prints_a_table() -> None:
    result = runner.invoke(app, ["extract", "--text", "L'OIM a aidé 1 664 migrants."])
    assert result.exit_code == 0
    assert "IOM" in result.output and "1664" in result.output


def test_train_takes_spacy_style_overrides_and_reports_config_errors(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dechiffre.pipeline.cli import app

    cfg = tmp_path / "run.cfg"
    cfg.write_text('[paths]\ntrain = "t.jsonl"\noutput = "out"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["train", "--config", str(cfg), "--training.lr", "-1"])
    assert result.exit_code == 2
    assert "lr: Input should be greater than 0" in result.output


def test_export_onnx_writes_the_cache_file_once(
    tmp_path: Path, tiny_classifier: tuple[Path, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("onnxruntime")
    monkeypatch.setenv("DECHIFFRE_CACHE", str(tmp_path / "cache"))
    artifact, _ = tiny_classifier
    first = runner.invoke(app, ["export-onnx", "--model", str(artifact)])
    assert first.exit_code == 0, first.output
    written = Path("".join(first.output.split()))
    assert written.is_file() and written.is_relative_to(tmp_path / "cache")
    stamp = written.stat().st_mtime_ns
    again = runner.invoke(app, ["export-onnx", "--model", str(artifact)])
    assert again.exit_code == 0 and written.stat().st_mtime_ns == stamp


def test_export_onnx_of_a_missing_artifact_exits_2_without_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export-onnx", "--model", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "none" in result.output
