"""The evaluate, agreement, validate and import commands: exit codes, messages, no traceback."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from dechiffre.evaluation.gold import read_gold
from dechiffre.pipeline.cli import app


def _importer_samples() -> Any:
    """The sample files of test_importers.py (tests are not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "importer_samples", Path(__file__).with_name("test_importers.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_S = _importer_samples()
CONLL, HIPE, WEBANNO, WEBANNO_TEXT = _S.CONLL, _S.HIPE, _S.WEBANNO, _S.WEBANNO_TEXT

runner = CliRunner()
TEXT = "Le HCR a aidé 4 388 migrants avec l'OIM."


def _run(*args: Any) -> Result:
    result = runner.invoke(app, [str(a) for a in args])
    # a user mistake is a message and an exit code, never a Python traceback
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.output, result.exception)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def gold_docs(gb: Any) -> list[dict[str, Any]]:
    return [
        gb.doc("d1", TEXT, [gb.find(TEXT, "HCR", "ORG", kb_id="UNHCR"),
                            gb.find(TEXT, "4 388", "QUANTITY", value=4388, obj="migrants"),
                            gb.find(TEXT, "OIM", "ORG", kb_id="IOM")]),
        gb.doc("d2", TEXT, [gb.find(TEXT, "HCR", "ORG", kb_id="UNHCR")]),
    ]


@pytest.fixture
def files(gold_docs: list[dict[str, Any]], write_jsonl: Any) -> dict[str, Path]:
    pred = copy.deepcopy(gold_docs)
    pred[0]["spans"] = pred[0]["spans"][:2]
    other = [dict(d, id=d["id"] + "-x") for d in gold_docs]
    return {"gold": write_jsonl("gold.jsonl", gold_docs), "pred": write_jsonl("pred.jsonl", pred),
            "half": write_jsonl("half.jsonl", pred[:1]), "other": write_jsonl("other.jsonl", other)}


def test_evaluate_prints_tables_within_80_columns(files: dict[str, Path]) -> None:
    result = _run("evaluate", files["gold"], files["pred"], "--n-boot", 20)
    assert result.exit_code == 0, result.output
    assert "possible" in result.output and "actual" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    assert "…" not in result.output


def test_evaluate_by_rule_prints_the_precision_of_each_source(
        gold_docs: list[dict[str, Any]], write_jsonl: Any) -> None:
    pred = copy.deepcopy(gold_docs)
    for doc in pred:
        for span in doc["spans"]:
            span["source"] = "kb" if span["label"] == "ORG" else "rules"
    gold, pred_file = write_jsonl("g.jsonl", gold_docs), write_jsonl("p.jsonl", pred)
    plain = _run("evaluate", gold, pred_file, "--n-boot", 0)
    result = _run("evaluate", gold, pred_file, "--n-boot", 0, "--by-rule")
    assert result.exit_code == 0, result.output
    assert "Spans by source" in result.output and "Spans by source" not in plain.output
    assert re.search(r"ORG\s+│\s+kb\s+│\s+1\.000\s+│\s+3\s+│\s+3", result.output)


@pytest.mark.parametrize(("pred", "code"), [("half", "some_shared_ids"),
                                            ("other", "no_shared_ids")])
def test_evaluate_warns_and_exits_1_when_ids_differ(files: dict[str, Path], pred: str,
                                                    code: str) -> None:
    result = _run("evaluate", files["gold"], files[pred], "--n-boot", 0)
    assert result.exit_code == 1
    assert "warning" in result.output
    assert ("shares no document id" if code == "no_shared_ids" else "share 1 of") in \
        result.output


def test_evaluate_names_labels_attributes_and_json(files: dict[str, Path],
                                                    tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    result = _run("evaluate", files["gold"], files["pred"], files["gold"], "--name", "weak",
                  "--name", "oracle", "--labels", "ORG", "--attributes", "kb_id",
                  "--min-overlap", "0.5", "--n-boot", 20, "--json", out)
    assert result.exit_code == 0, result.output
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert [m["system"] for m in metrics["systems"]] == ["weak", "oracle"]
    assert list(metrics["systems"][0]["labels"]) == ["ORG"]
    assert metrics["systems"][0]["attributes"] == {"ORG": {"kb_id": metrics["systems"][0][
        "attributes"]["ORG"]["kb_id"]}}
    assert metrics["systems"][0]["min_overlap"] == 0.5
    assert "weak" in result.output and "oracle" in result.output


@pytest.mark.parametrize(("args", "code", "message"), [
    (["{gold}", "{tmp}/absent.jsonl"], 2, "cannot read the file"),
    (["{gold}", "{pred}", "--labels", "PER"], 2, "PER is not a gold label"),
    (["{gold}", "{pred}", "--attributes", "colour"], 2, "colour is not a scored attribute"),
    (["{gold}", "{pred}", "--min-overlap", "50"], 2, "expected a fraction"),
    (["{gold}", "{pred}", "--name", "a", "--name", "b"], 2, "one name per system"),
    (["{gold}", "{pred}", "--json", "{tmp}/no/such/dir/m.json"], 2, "cannot write the file"),
    (["{gold}", "{pred}", "--report", "{tmp}/no/such/dir/r.html"], 2, "cannot write the file"),
    (["{gold}"], 2, "no prediction to evaluate"),
    (["{gold}", "{pred}", "--seed", "-1"], 2, "greater than or equal to 0"),
    (["{tmp}", "{pred}"], 2, "it is a directory"),
    (["{tmp}/bad.jsonl", "{pred}"], 1, "bad.jsonl:1"),
])
def test_evaluate_user_mistakes(files: dict[str, Path], tmp_path: Path, args: list[str],
                                code: int, message: str) -> None:
    (tmp_path / "bad.jsonl").write_text('{"id": "x"\n', encoding="utf-8")
    filled = [a.format(gold=files["gold"], pred=files["pred"], tmp=tmp_path) for a in args]
    result = _run("evaluate", *filled, "--n-boot", 0)
    assert result.exit_code == code, result.output
    assert message in " ".join(result.output.split())


def test_agreement_command(files: dict[str, Path]) -> None:
    result = _run("agreement", files["gold"], files["pred"])
    assert result.exit_code == 0 and "Cohen's kappa" in result.output
    assert _run("agreement", files["gold"], "absent.jsonl").exit_code == 2


def test_validate_lists_every_error(gold_docs: list[dict[str, Any]], write_jsonl: Any,
                                    files: dict[str, Path]) -> None:
    bad = copy.deepcopy(gold_docs)
    bad[0]["spans"][1].update(value=20, value_max=10)
    bad[1]["spans"][0]["label"] = "PER"
    path = write_jsonl("bad.jsonl", bad)
    result = _run("validate", files["gold"], path)
    text = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "bad.jsonl:1, document 'd1', span [14, 19): value_max 10 is below value 20" in text
    assert "bad.jsonl:2" in text and "'PER' is not a gold label" in text
    assert _run("validate", files["gold"]).exit_code == 0
    assert _run("validate", files["gold"], "absent.jsonl").exit_code == 2


def test_validate_seed_claims(shared_dir: Path, tmp_path: Path) -> None:
    seed = next((shared_dir / "seed").glob("*.gold.jsonl"))
    result = _run("validate", seed)
    assert result.exit_code == 0 and re.search(r"│\s+1 │\s+5 │\s+0 │", result.output)
    doc = read_gold(seed)[0]
    claim = next(s for s in doc["spans"] if s.get("claim"))["claim"]
    claim["source"] = {"start": 0, "end": 5}  # no span there
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    result = _run("validate", broken)
    assert result.exit_code == 1 and "claim source points at [0, 5)" in result.output


@pytest.mark.parametrize(("fmt", "content", "extra", "n_docs"), [
    ("conll", CONLL, [], 1), ("hipe", HIPE + "\n", [], 2), ("webanno", WEBANNO, ["--text"], 1),
])
def test_import_commands(tmp_path: Path, fmt: str, content: str, extra: list[str],
                         n_docs: int) -> None:
    source = tmp_path / f"in.{fmt}"
    source.write_text(content, encoding="utf-8")
    options = []
    if extra:
        text = tmp_path / "in.txt"
        text.write_text(WEBANNO_TEXT, encoding="utf-8")
        options = [extra[0], str(text)]
    out = tmp_path / "out.jsonl"
    result = _run("import", fmt, source, "-o", out, *options)
    assert result.exit_code == 0, result.output
    assert len(read_gold(out)) == n_docs
    missing = _run("import", fmt, tmp_path / "absent", "-o", out)
    assert missing.exit_code == 2 and "cannot read the file to import" in missing.output
    garbage = tmp_path / "garbage"
    garbage.write_text("this is\tnot\ta\tknown\tformat\tat all\n", encoding="utf-8")
    assert _run("import", fmt, garbage, "-o", out).exit_code == 1
    latin1 = tmp_path / "latin1"
    latin1.write_bytes(content.encode("utf-8").replace(b"\n", "é\n".encode("latin-1"), 1))
    result = _run("import", fmt, latin1, "-o", out)
    assert result.exit_code == 2 and "not UTF-8" in result.output
    assert _run("import", fmt, source, "-o", tmp_path / "no" / "dir.jsonl").exit_code == 2


def test_version() -> None:
    from dechiffre import __version__

    result = _run("--version")
    assert result.exit_code == 0 and result.output.strip() == f"dechiffre {__version__}"


@pytest.mark.parametrize("command", [[], ["evaluate"], ["agreement"], ["validate"], ["extract"],
                                     ["import", "conll"], ["import", "webanno"]])
def test_help_has_no_python_type_metavars(command: list[str]) -> None:
    result = _run(*command, "--help")
    assert result.exit_code == 0
    assert "list[" not in result.output and "<list" not in result.output


@pytest.mark.slow
def test_evaluate_pipeline_rules_keeps_predictions_in_memory(
        files: dict[str, Path], tmp_path: Path) -> None:
    saved = tmp_path / "saved" / "rules.jsonl"
    saved.parent.mkdir()
    before = sorted(p.name for p in files["gold"].parent.iterdir())
    result = _run("evaluate", files["gold"], "--pipeline", "rules", "--n-boot", 0)
    assert result.exit_code == 0, result.output
    assert "dechiffre rules" in result.output
    assert sorted(p.name for p in files["gold"].parent.iterdir()) == before
    result = _run("evaluate", files["gold"], "--pipeline", "rules", "--n-boot", 0,
                  "--save-predictions", saved)
    assert result.exit_code == 0 and len(read_gold(saved)) == 2
    unknown = _run("evaluate", files["gold"], "--pipeline", "no-such-pipeline")
    assert unknown.exit_code == 2 and "E030" in unknown.output


def test_extract_table_fits_80_columns_and_keeps_values_whole() -> None:
    from rich.console import Console

    from dechiffre.pipeline.cli import records_table

    text = ("Selon le ministère marocain de l’Intérieur, environ 48.963 tentatives "
            "d’immigration clandestine, 10^400 choses et 3,5 millions d’euros.")
    spans = [
        {"start": 9, "end": 42, "label": "ORG", "kb_id": "MA_INTERIOR"},
        {"start": 44, "end": 58, "label": "QUANTITY", "value": 48963, "value_max": None,
         "unit": None, "modifier": "approx", "object": "tentatives d’immigration clandestine"},
        {"start": 97, "end": 103, "label": "QUANTITY", "value": 10**400, "value_max": None,
         "unit": None, "modifier": None, "object": "choses"},
        {"start": 113, "end": 133, "label": "QUANTITY", "value": 3500000.5,
         "value_max": 7.78e19, "unit": "EUR", "modifier": "range", "object": None},
    ]
    console = Console(width=80, record=True, color_system=None)
    console.print(records_table({"id": "doc [/x]", "text": text, "spans": spans}))
    out = console.export_text()
    assert max(len(line) for line in out.splitlines()) <= 80 and "…" not in out
    for whole in ("MA_INTERIOR", "48963", "1.000000e+400", "3500000.5–7.78e+19 EUR", "approx",
                  "doc [/x]"):
        assert whole in out


def test_evaluate_warning_printed_once(files: dict[str, Path]) -> None:
    result = _run("evaluate", files["gold"], files["half"], "--n-boot", 0)
    assert result.output.count("share 1 of their document ids") == 1
    assert "DechiffreWarning" not in result.output
