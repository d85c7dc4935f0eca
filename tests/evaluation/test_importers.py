"""Importers from CoNLL/IOB2, HIPE-2022 TSV and WebAnno TSV 3.2 to gold documents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dechiffre.evaluation.gold import validate_document
from dechiffre.evaluation.importers import (
    import_conll,
    import_hipe,
    import_webanno,
    map_org_only,
    map_quaero,
)
from dechiffre.evaluation.messages import GoldFormatError


def _texts(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(doc["text"][s["start"]:s["end"]], s["label"]) for s in doc["spans"]]


@pytest.mark.parametrize(
    ("label", "org_only", "quaero"),
    [
        ("ORG", "ORG", "ORG"),
        ("org", "ORG", "ORG"),
        ("org.ent", "ORG", "ORG"),
        ("org.adm", "ORG", "ORG"),
        ("organisation", None, None),
        ("amount", None, "QUANTITY"),
        ("PER", None, None),
        ("loc.adm.town", None, None),
        ("time.date.abs", None, None),
    ],
)
def test_label_maps(label: str, org_only: str | None, quaero: str | None) -> None:
    assert (map_org_only(label), map_quaero(label)) == (org_only, quaero)


CONLL = """0\tL'\tO
1\tONU\tB-ORG
2\tet\tO
3\tJean\tB-PER
4\tDupont\tI-PER
5\t.\tO

0\tLe\tO
1\tConseil\tB-ORG
2\tde\tI-ORG
3\tsécurité\tI-ORG
4\tà\tO
5\tParis\tB-LOC

0\tla\tO
1\tBanque\tI-ORG
2\tmondiale\tI-ORG
3\tBanque\tB-ORG
"""


def test_conll_groups_sentences_and_keeps_org_only(tmp_path: Path) -> None:
    path = tmp_path / "sample.conllu"
    path.write_text(CONLL, encoding="utf-8")
    docs = import_conll(path, sentences_per_doc=2)
    assert [d["id"] for d in docs] == ["sample-00000", "sample-00001"]
    assert docs[0]["text"] == "L' ONU et Jean Dupont .\nLe Conseil de sécurité à Paris"
    assert _texts(docs[0]) == [("ONU", "ORG"), ("Conseil de sécurité", "ORG")]
    # an I- after O opens an entity; a B- right after closes the previous one
    assert _texts(docs[1]) == [("Banque mondiale", "ORG"), ("Banque", "ORG")]
    assert all(d["spans"][0]["kb_id"] is None for d in docs)
    assert all(validate_document(d) == [] for d in docs)


@pytest.mark.parametrize(
    ("content", "line"),
    [("ONU\tB-ORG\net\tO\n", None), ("0\tONU\tB-ORG\nlonely\n", 2),
     ("0\tONU\tX-ORG\n", 1), ("0\tONU\tB-ORG\n0\tet\n", 2)],
)
def test_conll_bad_lines_name_the_line(tmp_path: Path, content: str, line: int | None) -> None:
    path = tmp_path / "bad.conllu"
    path.write_text(content, encoding="utf-8")
    if line is None:  # two columns are accepted as token<TAB>tag
        assert _texts(import_conll(path)[0]) == [("ONU", "ORG")]
        return
    with pytest.raises(GoldFormatError) as caught:
        import_conll(path)
    assert (caught.value.file, caught.value.line) == (str(path), line)


HIPE_HEADER = ("TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP"
               "\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC")


def _hipe_row(token: str, tag: str = "O", misc: str = "_") -> str:
    return "\t".join([token, tag, "_", "O", "_", "_", "O", "_", "_", misc])


HIPE = "\n".join([
    HIPE_HEADER,
    "# hipe2022:document_id = doc_a",
    "# hipe2022:date = 1923-01-15",
    _hipe_row("Le"),
    _hipe_row("Comité", "B-ORG"),
    _hipe_row("des", "I-ORG"),
    _hipe_row("épidé¬", "I-ORG", "NoSpaceAfter|EndOfLine"),
    _hipe_row("mies", "I-ORG", "NoSpaceAfter"),
    _hipe_row(","),
    _hipe_row("l", misc="NoSpaceAfter"),
    _hipe_row("'", misc="NoSpaceAfter"),
    _hipe_row("Europe", "B-LOC", "NoSpaceAfter"),
    _hipe_row(".", misc="NoSpaceAfter|EndOfSentence"),
    "",
    "# hipe2022:document_id = doc_b",
    _hipe_row("La", misc="NoSpaceAfter"),
    _hipe_row("Chambre", "B-ORG"),
    _hipe_row("vote", misc="NoSpaceAfter"),
    _hipe_row("."),
])


def test_hipe_one_doc_per_document_id_with_misc_spacing(tmp_path: Path) -> None:
    path = tmp_path / "hipe.tsv"
    path.write_text(HIPE + "\n", encoding="utf-8")
    docs = import_hipe(path)
    assert [d["id"] for d in docs] == ["doc_a", "doc_b"]
    assert docs[0]["text"] == "Le Comité des épidé¬\nmies, l'Europe."
    assert _texts(docs[0]) == [("Comité des épidé¬\nmies", "ORG")]
    assert docs[0]["meta"]["date"] == "1923-01-15"
    # NoSpaceAfter between two words is an unmarked line end: repaired by default
    assert docs[1]["text"] == "La Chambre vote."
    assert import_hipe(path, repair_glued=False)[1]["text"] == "LaChambre vote."
    assert _texts(docs[1]) == [("Chambre", "ORG")]
    assert all(validate_document(d) == [] for d in docs)


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        ("TOKEN\tMISC\n", "hipe_header", 1),
        (HIPE_HEADER + "\n" + _hipe_row("Le") + "\n", "hipe_no_document", 2),
        (HIPE_HEADER + "\n# hipe2022:document_id = a\nLe\tO\n", "hipe_columns", 3),
    ],
)
def test_hipe_errors_name_the_line(tmp_path: Path, content: str, code: str, line: int) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError) as caught:
        import_hipe(path)
    assert (caught.value.code, caught.value.line) == (code, line)


WEBANNO_TEXT = "L'OIM a aidé 23 migrants.\nLe groupe Bolloré et Canal+ au Maroc.\n"
WEBANNO = """#FORMAT=WebAnno TSV 3.2
#T_SP=webanno.custom.Quaero_NamedEntities|value


#Text=L'OIM a aidé 23 migrants.
1-1\t0-5\tL'OIM\torg.ent\t
1-2\t6-7\ta\t_\t
1-3\t8-12\taidé\t_\t
1-4\t13-15\t23\tamount[1]\t
1-5\t16-24\tmigrants\tamount[1]|func.coll[2]\t
1-6\t24-25\t.\t_\t

#Text=Le groupe Bolloré et Canal+ au Maroc.
2-1\t26-28\tLe\t_\t
2-2\t29-35\tgroupe\torg.ent[3]\t
2-3\t36-43\tBolloré\torg.ent[3]|pers.ind[4]|org.ent[5]\t
2-4\t44-46\tet\t_\t
2-5\t47-52\tCanal\torg.ent[6]\t
2-6\t52-53\t+\torg.ent[6]\t
2-7\t54-56\tau\t_\t
2-8\t57-62\tMaroc\tloc.adm.nat\t
2-9\t62-63\t.\t_\t
"""


@pytest.mark.parametrize("with_txt", [True, False])
def test_webanno_spans_labels_and_no_attributes(tmp_path: Path, with_txt: bool) -> None:
    path = tmp_path / "sample.webanno.tsv"
    path.write_text(WEBANNO, encoding="utf-8")
    if with_txt:
        (tmp_path / "sample.txt").write_text(WEBANNO_TEXT, encoding="utf-8")
    [doc] = import_webanno(path)
    assert doc["id"] == "sample"
    assert doc["text"] == (WEBANNO_TEXT if with_txt else WEBANNO_TEXT.rstrip("\n"))
    assert _texts(doc) == [("L'OIM", "ORG"), ("23 migrants", "QUANTITY"),
                           ("groupe Bolloré", "ORG"), ("Canal+", "ORG")]
    quantity = doc["spans"][1]
    assert all(quantity[k] is None for k in ("value", "value_max", "unit", "modifier", "object"))
    assert doc["meta"]["attributes"] is False
    assert doc["meta"]["dropped_overlapping"] == 1  # the nested org.ent[5] "Bolloré"
    assert validate_document(doc) == []


def test_webanno_offsets_must_match_the_text(tmp_path: Path) -> None:
    path = tmp_path / "sample.webanno.tsv"
    path.write_text(WEBANNO, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("X" + WEBANNO_TEXT, encoding="utf-8")
    with pytest.raises(GoldFormatError) as caught:
        import_webanno(path, other)
    assert (caught.value.code, caught.value.line) == ("webanno_offset", 6)


def _count_tags(path: Path, column: int, tag: str) -> int:
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) > column and cols[column] == tag:
            count += 1
    return count


@pytest.mark.shared
@pytest.mark.parametrize("name", ["val.conllu", "test.conllu"])
def test_shared_wikineural(shared_dir: Path, name: str) -> None:
    path = shared_dir / "external" / "wikineural-fr" / name
    docs = import_conll(path, sentences_per_doc=20)
    spans = [s for d in docs for s in d["spans"]]
    assert len(docs) > 100
    assert len(spans) == _count_tags(path, 2, "B-ORG") > 1000
    assert {s["label"] for s in spans} == {"ORG"}
    assert all(validate_document(d) == [] for d in docs)
    assert len({d["id"] for d in docs}) == len(docs)


@pytest.mark.shared
@pytest.mark.parametrize("split", ["dev", "dev2", "test"])
def test_shared_hipe(shared_dir: Path, split: str) -> None:
    name = f"HIPE-2022-v2.1-newseye-{split}-fr.tsv"
    path = shared_dir / "external" / "hipe2022-newseye-fr" / name
    docs = import_hipe(path)
    n_docs = sum(1 for line in path.read_text(encoding="utf-8").splitlines()
                 if line.startswith("# hipe2022:document_id"))
    assert len(docs) == n_docs > 0
    spans = [s for d in docs for s in d["spans"]]
    assert len(spans) == _count_tags(path, 1, "B-ORG") > 50
    assert all(validate_document(d) == [] for d in docs)
    assert all(d["text"][s["start"]:s["end"]].strip() for d in docs for s in d["spans"])


@pytest.mark.shared
def test_shared_fenec_wikinews(shared_dir: Path) -> None:
    path = shared_dir / "external" / "fenec-wikinews" / "wikinews-2018-03.sample.webanno.tsv"
    [doc] = import_webanno(path)
    labels = Counter(s["label"] for s in doc["spans"])
    assert labels["ORG"] > 5 and labels["QUANTITY"] > 5
    assert doc["meta"]["attributes"] is False
    assert validate_document(doc) == []
    texts = {doc["text"][s["start"]:s["end"]] for s in doc["spans"]}
    assert {"M5S", "23 diplomates russes", "AFP"} <= texts
