"""dechiffre show: claims drawn as displaCy arcs, escaped, and laid out readably in Chromium."""

from __future__ import annotations

import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dechiffre.pipeline.cli import app
from dechiffre.pipeline.show import claim_diagram, render_claims

TEXT = (
    "Selon le ministère de l'Intérieur, 4 388 migrants ont été rapatriés au cours des neuf "
    "premiers mois de cette année en coopération avec l'OIM, dont 1 664 mineurs. "
    "Un pont de 2 km."
)


def _ref(needle: str, text: str = TEXT) -> dict[str, int]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle)}


def _record(doc_id: str = "d1", org_kb: str | None = "IOM",
            predicate: str | None = "rapatrier") -> dict[str, Any]:
    ministry, oim, total = _ref("ministère de l'Intérieur"), _ref("OIM"), _ref("4 388")
    time = {**_ref("au cours des neuf premiers mois de cette année"), "value": "2024-01/2024-09"}
    frame = {"predicate": predicate, "agent": oim, "source": ministry, "part_of": None,
             "time": time}
    return {"id": doc_id, "text": TEXT, "spans": [
        {**ministry, "label": "ORG", "kb_id": "MA_INTERIOR"},
        {**total, "label": "QUANTITY", "value": 4388, "claim": frame},
        {**oim, "label": "ORG", "kb_id": org_kb},
        {**_ref("1 664"), "label": "QUANTITY", "value": 1664,
         "claim": {**frame, "part_of": total, "time": None}},
        {**_ref("2 km"), "label": "QUANTITY", "value": 2, "unit": "km",
         "claim": {"predicate": None, "agent": None, "source": None, "part_of": None,
                   "time": None}},
    ]}


def _words_and_arcs(amount: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    record = _record()
    span = next(s for s in record["spans"] if TEXT[s["start"] : s["end"]] == amount)
    diagram = claim_diagram(record, span)
    assert diagram is not None
    words = [w["text"] for w in diagram["words"]]
    # (arrow tail, arrow head, label): displaCy draws the head at start for "left"
    arcs = []
    for arc in diagram["arcs"]:
        head, tail = (arc["start"], arc["end"]) if arc["dir"] == "left" else (arc["end"],
                                                                              arc["start"])
        arcs.append((words[tail], words[head], arc["label"]))
    return words, arcs


@pytest.mark.parametrize(
    ("amount", "arcs"),
    [
        ("4 388", [("4 388", "OIM", "agent"), ("4 388", "ministère de l'Intérieur", "source"),
                   ("4 388", "au cours des neuf premiers mois de cette année", "time")]),
        ("1 664", [("1 664", "OIM", "agent"), ("1 664", "ministère de l'Intérieur", "source"),
                   ("1 664", "4 388", "part-of")]),
    ],
)
def test_arcs_go_from_the_amount_to_each_role(amount: str,
                                              arcs: list[tuple[str, str, str]]) -> None:
    assert _words_and_arcs(amount)[1] == arcs


def test_words_are_the_spans_in_order_with_shortened_gaps() -> None:
    words, _ = _words_and_arcs("4 388")
    assert words == ["ministère de l'Intérieur", "4 388", "migrants ont été rapatriés",
                     "au cours des neuf premiers mois de cette année",
                     "en coopération avec l'", "OIM"]
    # a long gap keeps two words on each side
    assert _words_and_arcs("1 664")[0] == ["ministère de l'Intérieur", "4 388",
                                           "migrants ont … avec l'", "OIM", ", dont", "1 664"]


def test_an_amount_whose_claim_points_nowhere_is_not_drawn() -> None:
    record = _record()
    assert claim_diagram(record, record["spans"][4]) is None
    page = render_claims([record])
    assert page.count('<figure class="claim"') == 2
    assert "3 amounts, 2 claims drawn" in page and "2 km" in page  # still in the table


def test_input_strings_are_escaped() -> None:
    page = render_claims([_record(doc_id="<b>doc</b>", org_kb="<i>K</i>",
                                  predicate="<script>x()</script>")])
    assert "<b>doc</b>" not in page and "&lt;b&gt;doc&lt;/b&gt;" in page
    assert "<i>K</i>" not in page and "&lt;i&gt;K&lt;/i&gt;" in page
    assert "<script>x()" not in page and "&lt;script&gt;x()&lt;/script&gt;" in page


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.labels: list[str] = []
        self._in_label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        self._in_label = tag == "textpath"

    def handle_data(self, data: str) -> None:
        if self._in_label and data.strip():
            self.labels.append(data.strip())
            self._in_label = False

    def find(self, tag: str, cls: str | None = None) -> list[dict[str, str]]:
        return [v for t, v in self.tags
                if t == tag and (cls is None or cls in v.get("class", "").split())]


def _dump_dom(chromium: str, page: Path, tmp_path: Path) -> _Page:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
               page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    parsed = _Page()
    parsed.feed(done.stdout)
    return parsed


def test_show_page_in_headless_chromium(chromium: str, tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    long_name = "Organisation " + "très " * 150 + "longue"
    text = f"Selon l'{long_name}, 12 migrants sont rentrés."
    crowded = {"id": "long", "text": text, "spans": [
        {**_ref(long_name, text), "label": "ORG", "kb_id": None},
        {**_ref("12", text), "label": "QUANTITY", "value": 12,
         "claim": {"predicate": "rentrer", "agent": None, "source": _ref(long_name, text),
                   "part_of": None, "time": None}},
    ]}
    lines = [_record(), crowded]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
    out = tmp_path / "claims.html"
    result = CliRunner().invoke(app, ["show", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 documents, 4 amounts, 3 claims drawn" in result.output
    page = _dump_dom(chromium, out, tmp_path)
    assert page.find("body")[0].get("data-checked") == "true"  # the layout check ran
    figures = page.find("figure", "claim")
    amounts = [_ref("4 388"), _ref("1 664"), _ref("12", text)]
    assert [f["data-amount"] for f in figures] == [f"{a['start']}-{a['end']}" for a in amounts]
    assert len(page.find("svg", "displacy")) == 3
    assert page.labels == ["agent", "source", "time", "agent", "source", "part-of", "source"]
    # the words of the real claims fit their columns; a name of 800 characters is flagged
    assert [(f["data-overlaps"], f["data-clipped"]) for f in figures[:2]] == [("0", "0")] * 2
    assert "crowded" not in figures[0]["class"] and "crowded" in figures[2]["class"]
    assert [d["data-doc-id"] for d in page.find("article", "doc")] == ["d1", "long"]


def test_show_reports_bad_lines_and_draws_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    src.write_text(json.dumps(_record(), ensure_ascii=False) + "\n{oops\n")
    out = tmp_path / "claims.html"
    result = CliRunner().invoke(app, ["show", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "records.jsonl:2" in result.output and "1 documents" in result.output
    assert out.read_text(encoding="utf-8").count('<figure class="claim"') == 2
    missing = CliRunner().invoke(app, ["show", str(tmp_path / "none.jsonl"), "-o", str(out)])
    assert missing.exit_code == 2 and "cannot read" in missing.output
    neither = CliRunner().invoke(app, ["show", "-o", str(out)])
    assert neither.exit_code == 2
