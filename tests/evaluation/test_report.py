"""The HTML report: content, escaping, and what headless Chromium renders."""

from __future__ import annotations

import base64
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from dechiffre.evaluation.api import evaluate_files
from dechiffre.evaluation.report import highlight, render_report
from dechiffre.evaluation.scorer import Span


class _Elements(HTMLParser):
    """Collects every start tag with its attributes, and the text inside ids."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open_ids: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if "id" in values:
            self._open_ids.append((tag, values["id"]))
            self.text_by_id.setdefault(values["id"], "")

    def handle_endtag(self, tag: str) -> None:
        if self._open_ids and self._open_ids[-1][0] == tag:
            self._open_ids.pop()

    def handle_data(self, data: str) -> None:
        for _, element_id in self._open_ids:
            self.text_by_id[element_id] += data

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        found = []
        for name, values in self.elements:
            if name != tag:
                continue
            if all((k == "class_" and v in values.get("class", "").split())
                   or values.get(k) == v for k, v in attrs.items()):
                found.append(values)
        return found


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


TEXT_A = "Le HCR et l'OIM ont aidé environ 40 migrants."
TEXT_B = "Frontex a compté 12 % de plus."
TEXT_C = "Rien à signaler <b>ici</b>."


@pytest.fixture
def report_inputs(gb: Any, write_jsonl: Any) -> tuple[Path, Path]:
    gold = [
        gb.doc("c", TEXT_C, []),
        gb.doc("a", TEXT_A, [gb.find(TEXT_A, "HCR", "ORG", kb_id="UNHCR"),
                             gb.find(TEXT_A, "OIM", "ORG", kb_id="IOM"),
                             gb.find(TEXT_A, "environ 40", "QUANTITY", value=40,
                                     modifier="approx", obj="migrants")]),
        gb.doc("b", TEXT_B, [gb.find(TEXT_B, "Frontex", "ORG", kb_id="FRONTEX"),
                             gb.find(TEXT_B, "12 %", "QUANTITY", value=12, unit="%")]),
    ]
    pred = [
        gb.doc("a", TEXT_A, [gb.find(TEXT_A, "HCR", "ORG", kb_id="UNHCR"),
                             gb.find(TEXT_A, "40", "QUANTITY", value=40, obj="migrants")]),
        gb.doc("b", TEXT_B, [gb.find(TEXT_B, "Frontex", "ORG", kb_id="FRONTEX"),
                             gb.find(TEXT_B, "12 %", "QUANTITY", value=13, unit="%")]),
        gb.doc("c", TEXT_C, []),
    ]
    return write_jsonl("gold.jsonl", gold), write_jsonl("pred.jsonl", pred)


def test_highlight_escapes_text_and_marks_spans() -> None:
    text = "a <b> & Frontex"
    html = highlight(text, [Span(8, 15, "ORG")], {0: "missed"})
    assert html.startswith("a &lt;b&gt; &amp; <mark class=\"ent ent-ORG st-missed\"")
    assert ">Frontex<span class=\"ent-label\">ORG</span></mark>" in html


def test_report_orders_documents_with_errors_first(report_inputs: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    gold, pred = report_inputs
    out = tmp_path / "report.html"
    evaluate_files(gold, pred, n_bootstrap=50, report_path=out)
    page = _parse(out.read_text(encoding="utf-8"))
    docs = page.find("article", class_="doc")
    assert [d["data-doc-id"] for d in docs] == ["a", "b", "c"]
    assert docs[0]["data-error-types"] == "boundary missed"
    assert docs[1]["data-error-types"] == "attribute"
    assert docs[2]["data-error-types"] == ""
    assert "QUANTITY:boundary" in docs[0]["data-error-keys"].split()
    html = out.read_text(encoding="utf-8")
    assert "<b>ici</b>" not in html and "&lt;b&gt;ici&lt;/b&gt;" in html
    assert "Rien à signaler <b>ici</b>." in page.text_by_id[docs[2]["id"]]


def _dump_dom(chromium: str, url: str, tmp_path: Path) -> str:
    profile = tmp_path / "chromium-profile"
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={profile}", "--dump-dom", url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_report_in_headless_chromium(chromium: str, report_inputs: tuple[Path, Path],
                                     tmp_path: Path) -> None:
    gold, pred = report_inputs
    out = tmp_path / "report.html"
    evaluate_files(gold, [pred, gold], n_bootstrap=50, report_path=out)
    page = _parse(_dump_dom(chromium, out.as_uri(), tmp_path))

    assert page.find("section", id="scores")
    assert page.find("section", id="documents")
    assert len(page.find("div", class_="system-scores")) == 2
    labels = page.find("select", id="filter-label")
    assert labels and page.find("select", id="filter-error")
    assert {o.get("value") for o in page.find("option")} >= {"", "ORG", "QUANTITY", "missed",
                                                            "boundary", "attribute"}
    images = page.find("img", class_="plot")
    assert len(images) == 4
    for image in images:
        assert image["src"].startswith("data:image/png;base64,")
        png = base64.b64decode(image["src"].split(",", 1)[1])
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
    docs = page.find("article", class_="doc")
    assert len(docs) == 3
    assert page.find("mark", class_="ent", **{"data-label": "ORG", "data-status": "missed"})
    assert page.find("mark", class_="attr-error")
    # the filter script ran and showed every document
    assert page.text_by_id["filter-count"] == "3 / 3 documents"
    assert not page.find("article", class_="hidden")


@pytest.mark.parametrize(
    ("query", "shown"),
    [("?label=QUANTITY&error=boundary", ["a"]), ("?error=attribute", ["b"]),
     ("?error=none", ["c"]), ("?label=ORG&error=missed", ["a"]), ("?label=ORG", ["a", "b"])],
)
def test_report_filters_in_headless_chromium(chromium: str, report_inputs: tuple[Path, Path],
                                             tmp_path: Path, query: str,
                                             shown: list[str]) -> None:
    gold, pred = report_inputs
    out = tmp_path / "report.html"
    evaluate_files(gold, pred, n_bootstrap=20, report_path=out)
    page = _parse(_dump_dom(chromium, out.as_uri() + query, tmp_path))
    docs = page.find("article", class_="doc")
    visible = [d["data-doc-id"] for d in docs if "hidden" not in d["class"].split()]
    assert visible == shown
    assert page.text_by_id["filter-count"] == f"{len(shown)} / 3 documents"


def test_render_report_without_predictions_for_a_document(gb: Any) -> None:
    gold = [gb.doc("a", TEXT_A, [gb.find(TEXT_A, "HCR", "ORG")])]
    from dechiffre.evaluation.api import evaluate_documents

    result = evaluate_documents(gold, [("empty", [])], n_bootstrap=0)
    page = _parse(render_report(result, gold, [("empty", [])]))
    [doc] = page.find("article", class_="doc")
    assert doc["data-error-types"] == "missed"
    assert len(page.find("div", class_="side")) == 2


def test_report_claims_section(shared_dir: Path) -> None:
    import copy

    from dechiffre.evaluation.api import evaluate_documents
    from dechiffre.evaluation.gold import read_gold

    gold = read_gold(next((shared_dir / "seed").glob("*.gold.jsonl")))
    pred = copy.deepcopy(gold)
    claims = [s for s in pred[0]["spans"] if s.get("claim")]
    claims[2]["claim"]["agent"] = claims[4]["claim"]["agent"]  # IOM instead of the navy
    result = evaluate_documents(gold, [("sys", pred)], n_bootstrap=20)
    html = render_report(result, gold, [("sys", pred)])
    page = _parse(html)
    assert page.find("section", id="claims")
    rows = page.find("tr", class_="claim-row")
    assert [r["data-attribute"] for r in rows] == [
        "predicate", "agent", "source", "part_of", "time", "time_value"]
    assert [r["data-role"] for r in page.find("tr", class_="confusion-row")] == ["agent"]
    assert "MA_ROYAL_NAVY (marine royale marocaine)" in html
    assert page.find("li", **{"data-doc-id": "seed-000"})  # the wrong agent, listed


def test_report_rules_section(shared_dir: Path) -> None:
    import copy

    from dechiffre.evaluation.api import evaluate_documents
    from dechiffre.evaluation.gold import read_gold

    gold = read_gold(next((shared_dir / "seed").glob("*.gold.jsonl")))
    pred = copy.deepcopy(gold)
    claims = [s for s in pred[0]["spans"] if s.get("claim")]
    for span in claims:
        span["claim_rules"] = {"agent": "par", "source": "inherited"}
    claims[2]["claim"]["agent"] = claims[4]["claim"]["agent"]  # IOM instead of the navy
    claims[2]["claim_rules"] = {"agent": "with", "source": "inherited"}
    result = evaluate_documents(gold, [("sys", pred)], n_bootstrap=0)
    page = _parse(render_report(result, gold, [("sys", pred)]))
    assert page.find("section", id="rules")
    rows = {(r["data-attribute"], r["data-rule"]): r["data-below-break-even"]
            for r in page.find("tr", class_="rule-row")}
    assert rows[("agent", "with")] == "true" and rows[("agent", "par")] == "false"
    assert ("source", "inherited") in rows
    plain = render_report(evaluate_documents(gold, [("g", gold)], n_bootstrap=0), gold,
                          [("g", gold)])
    assert not _parse(plain).find("section", id="rules")


def test_report_has_no_claims_section_without_gold_claims(gb: Any) -> None:
    from dechiffre.evaluation.api import evaluate_documents

    gold = [gb.doc("a", TEXT_A, [gb.find(TEXT_A, "HCR", "ORG")])]
    result = evaluate_documents(gold, [("p", gold)], n_bootstrap=0)
    assert not _parse(render_report(result, gold, [("p", gold)])).find("section", id="claims")


def test_claims_section_in_headless_chromium(chromium: str, shared_dir: Path,
                                             tmp_path: Path) -> None:
    import copy
    import json

    seed = next((shared_dir / "seed").glob("*.gold.jsonl"))
    doc = json.loads(seed.read_text(encoding="utf-8"))
    claims = [s for s in doc["spans"] if s.get("claim")]
    claims[2]["claim"]["agent"] = copy.deepcopy(claims[4]["claim"]["agent"])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    evaluate_files(seed, pred, n_bootstrap=50, report_path=out)
    page = _parse(_dump_dom(chromium, out.as_uri(), tmp_path))
    assert page.find("section", id="claims")
    assert len(page.find("tr", class_="claim-row")) == 6
    assert [r["data-role"] for r in page.find("tr", class_="confusion-row")] == ["agent"]
    assert page.text_by_id["filter-count"] == "1 / 1 documents"  # the script still ran
