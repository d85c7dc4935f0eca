"""The claims Parquet table: rows per amount, resolved organisations, period dates, the query."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dechiffre.pipeline.archive import BatchOptions, PipelineSpec, read_shards, run_batch
from dechiffre.pipeline.claim_rows import claim_rows, claim_schema, iso_bounds

REPO = Path(__file__).resolve().parents[1]
QUERY = REPO / "corpus/sample/returns_by_quarter.sql"
QUERY_TABLE = "out/sample/claims/*.parquet"


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-03-15", date(2024, 3, 15), date(2024, 3, 15)),
        ("2024-01/2024-09", date(2024, 1, 1), date(2024, 9, 30)),
        ("2025-04/2025-06", date(2025, 4, 1), date(2025, 6, 30)),
        ("2016/..", date(2016, 1, 1), None),
        ("../2030", None, date(2030, 12, 31)),
        ("2024-01/09", date(2024, 1, 1), date(2024, 9, 30)),  # end written short
        ("2020/2022", date(2020, 1, 1), date(2022, 12, 31)),
        (None, None, None),
        ("", None, None),
        ("2024-13", None, None),  # no such month
        ("2024-09/2024-01", None, None),  # ends before it starts
        ("hier", None, None),
        ("2024/hier", None, None),
    ],
)
def test_iso_bounds(value: str | None, start: date | None, end: date | None) -> None:
    assert iso_bounds(value) == (start, end)


TEXT = (
    "Selon l'OIM, 4 388 migrants ont été rapatriés au premier trimestre 2025 avec "
    "l'appui de l'Agence Xyz, dont 1 664 mineurs. Un pont de 2 km."
)


def _ref(needle: str) -> dict[str, int]:
    start = TEXT.index(needle)
    return {"start": start, "end": start + len(needle)}


def _record() -> dict[str, Any]:
    oim, xyz = _ref("OIM"), _ref("Agence Xyz")
    total, part = _ref("4 388"), _ref("1 664")
    time = {**_ref("au premier trimestre 2025"), "value": "2025-01/2025-03"}
    frame = {"predicate": "rapatrier", "agent": xyz, "source": oim, "part_of": None,
             "time": time}
    return {
        "id": "d1",
        "text": TEXT,
        "meta": {"date": "2025-04-10", "url": "https://ex.org/1",
                 "provenance": {"source": "in.jsonl", "position": 3,
                                "pipeline_version": "9.9", "config_hash": "sha256:ab"}},
        "spans": [
            {**oim, "label": "ORG", "kb_id": "IOM"},
            {**total, "label": "QUANTITY", "value": 4388, "value_max": None, "unit": None,
             "modifier": None, "object": "migrants", "claim": frame,
             "claim_rules": {"predicate": "verb", "agent": "par", "source": "selon",
                             "part_of": "none", "time": "quarter"}},
            {**xyz, "label": "ORG", "kb_id": None},
            {**part, "label": "QUANTITY", "value": 1664, "object": "mineurs",
             "claim": {**frame, "part_of": total}},
            {**_ref("2 km"), "label": "QUANTITY", "value": 2, "unit": "km"},
        ],
    }


def test_claim_rows_resolve_organisations_periods_and_provenance() -> None:
    rows = claim_rows(_record(), "in.jsonl", 3)
    assert [r["text"] for r in rows] == ["4 388", "1 664", "2 km"]  # one row per amount
    first = rows[0]
    # the source mention "OIM" resolves to the knowledge base's name; an unknown body keeps
    # its mention as name and has no kb_id
    assert (first["source_text"], first["source_kb_id"], first["source_name"]) == (
        "OIM", "IOM", "Organisation internationale pour les migrations")
    assert (first["agent_text"], first["agent_kb_id"], first["agent_name"]) == (
        "Agence Xyz", None, "Agence Xyz")
    assert (first["predicate"], first["time_text"], first["time_value"]) == (
        "rapatrier", "au premier trimestre 2025", "2025-01/2025-03")
    assert (first["period_start"], first["period_end"]) == (date(2025, 1, 1), date(2025, 3, 31))
    assert (first["input_file"], first["input_position"], first["pipeline_version"],
            first["config_hash"], first["meta_date"], first["meta_url"]) == (
        "in.jsonl", 3, "9.9", "sha256:ab", "2025-04-10", "https://ex.org/1")
    assert first["part_of_start"] is None
    assert (rows[1]["part_of_text"], rows[1]["part_of_start"]) == ("4 388", TEXT.index("4 388"))
    # an amount without a claim frame is still a row, marked as such
    assert rows[2]["has_claim"] is False and rows[2]["predicate"] is None
    assert rows[2]["period_start"] is None and rows[2]["unit"] == "km"
    # the rule behind each attribute, from the extractor's evidence key; none without it
    assert (first["agent_rule"], first["source_rule"], first["time_rule"]) == (
        "par", "selon", "quarter")
    assert rows[1]["agent_rule"] is None
    assert set(first) == set(claim_schema().names)


def _write_table(records: list[dict[str, Any]], folder: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True)
    rows = [row for i, rec in enumerate(records) for row in claim_rows(rec, "in.jsonl", i + 1)]
    pq.write_table(pa.Table.from_pylist(rows, schema=claim_schema()), folder / "claims.parquet")


def _returns(doc_id: str, source: str, kb_id: str | None, value: int, period: str,
             predicate: str = "rapatrier", part_of: bool = False) -> dict[str, Any]:
    text = f"Selon {source}, {value} migrants ont été rapatriés (période {period}), dont 10."
    src = {"start": 6, "end": 6 + len(source)}
    amount = {"start": text.index(str(value)), "end": text.index(str(value)) + len(str(value))}
    part = {"start": text.index("10."), "end": text.index("10.") + 2}
    time = {**amount, "value": period}
    frame = {"predicate": predicate, "agent": None, "source": src, "part_of": None, "time": time}
    return {"id": doc_id, "text": text, "spans": [
        {**src, "label": "ORG", "kb_id": kb_id},
        {**amount, "label": "QUANTITY", "value": value, "claim": frame},
        {**part, "label": "QUANTITY", "value": 10,
         "claim": {**frame, "part_of": amount if part_of else None, "predicate": None}},
    ]}


def test_readme_query_ranks_returns_by_quarter(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    sql = QUERY.read_text(encoding="utf-8")
    assert sql.strip() in (REPO / "README.md").read_text(encoding="utf-8")  # the README shows it
    _write_table([
        _returns("a", "l'OIM", "IOM", 2140, "2025-01/2025-03"),
        _returns("b", "l'Organisation internationale pour les migrations", "IOM", 1750,
                 "2025-02"),
        _returns("c", "Frontex", "FRONTEX", 900, "2025-01/2025-03", predicate="retour"),
        _returns("d", "Frontex", "FRONTEX", 5000, "2025-01/2025-09"),  # nine months: no quarter
        _returns("e", "le HCR", "UNHCR", 7000, "2025-04/2025-06", predicate="sauver"),
        _returns("f", "le HCR", "UNHCR", 300, "2025-04/2025-06"),
    ], tmp_path / "claims")
    table = (tmp_path / "claims" / "*.parquet").as_posix()
    result = duckdb.sql(sql.replace(QUERY_TABLE, table)).fetchall()
    # two mentions of the OIM are one organisation; the nine-month figure, the rescue and the
    # parts ("dont 10") are left out
    assert [row[:5] for row in result] == [
        ("2025-Q1", "Organisation internationale pour les migrations", "IOM", 3890, 2),
        ("2025-Q1", "Agence européenne de garde-frontières et de garde-côtes", "FRONTEX", 900, 1),
        ("2025-Q2", "Haut-Commissariat des Nations unies pour les réfugiés", "UNHCR", 300, 1),
    ]
    assert result[0][5] == "a, b"  # the documents that report it


@pytest.fixture(scope="module")
def claims_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small pipeline with the claims component: blank French, sentencizer, the rules."""
    import spacy

    from dechiffre.pipeline import claims  # noqa: F401  (factory)
    from dechiffre.pipeline.org_linker import OrgLinker

    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dechiffre_org_rules").initialize(lambda: [], nlp=nlp)
    nlp.add_pipe("dechiffre_quantities")
    linker = nlp.add_pipe("dechiffre_orgs", config={"use_ner": False})
    assert isinstance(linker, OrgLinker)
    linker.initialize(lambda: [], nlp=nlp)
    nlp.add_pipe("dechiffre_claims")
    path = tmp_path_factory.mktemp("pipelines") / "claims"
    nlp.to_disk(path)
    return path


def test_batch_writes_a_claims_table_beside_spans_and_documents(
    tmp_path: Path, claims_pipeline: Path
) -> None:
    import pyarrow.parquet as pq

    src = tmp_path / "news.jsonl"
    lines = [
        {"id": "n1", "date": "2025-04-10", "text": "Selon l'OIM, 1 750 migrants ont été "
         "rapatriés au premier trimestre 2025, dont 300 mineurs."},
        {"id": "n2", "text": "Aucun chiffre."},
        {"id": "n3", "text": "Le HCR compte 12 % de réfugiés en plus depuis 2016."},
    ]
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    out = tmp_path / "out"
    run_batch([str(src)], out, spec=PipelineSpec(str(claims_pipeline)),
              options=BatchOptions(shard_size=2, formats=("jsonl", "parquet")))
    files = sorted(p.relative_to(out).as_posix() for p in (out / "claims").iterdir())
    assert files == ["claims/claims-00000.parquet", "claims/claims-00001.parquet"]
    table = pq.read_table(out / "claims")
    assert table.schema == claim_schema()
    records = list(read_shards(out))
    expected = [
        row for r in records
        for row in claim_rows(r, r["meta"]["provenance"]["source"],
                              r["meta"]["provenance"]["position"])
    ]
    assert table.to_pylist() == expected
    rows = {row["text"]: row for row in expected}
    assert set(rows) == {"1 750", "300", "12 %"}  # every amount, in input order
    assert rows["1 750"]["period_end"] == date(2025, 3, 31)
    assert rows["300"]["part_of_text"] == "1 750"
    assert (rows["12 %"]["time_value"], rows["12 %"]["period_end"]) == ("2016/..", None)
    assert rows["1 750"]["meta_date"] == "2025-04-10" and rows["12 %"]["meta_date"] is None
    assert re.fullmatch(r"sha256:\w+", rows["1 750"]["config_hash"] or "")
