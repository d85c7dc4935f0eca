"""The real-news gold corpus: BBC News Afrique articles from MasakhaNEWS (French).

The article texts stay in ``../shared/external/masakhanews-fr``; this folder keeps
only stand-off annotations (offsets and attributes) and the checksums of the texts
they were made on. Document text = headline + blank line + article text.

Commands:
    python corpus/real/realnews.py select              # (re)write documents.tsv, the seeded sample
    python corpus/real/realnews.py prepare DIR IDS...  # one work file per document, text only
    python corpus/real/realnews.py check FILE...       # validate marked-up work files
    python corpus/real/realnews.py collect NAME DIR    # work files -> annotations/NAME.jsonl
    python corpus/real/realnews.py build               # annotations + ../shared -> gold/*.jsonl
    python corpus/real/realnews.py pairs DIR           # the double-annotated documents, both ways
    python corpus/real/realnews.py select-long         # documents.long.tsv: a second, fresh dev set
    python corpus/real/realnews.py build-long          # annotations/long-a*.jsonl -> gold/dev-long
    python corpus/real/realnews.py select-train-long   # documents.train-long.tsv: training data
    python corpus/real/realnews.py build-train-long    # annotations/trainlong-a*.jsonl -> gold
    python corpus/real/realnews.py select-dev-long2    # documents.dev-long2.tsv: the longest
    python corpus/real/realnews.py build-dev-long2     # annotations/devlong2-a*.jsonl -> gold

Work files use the inline markup of ``corpus/build.py``: a header line
``### <id> | <category>`` then the text with spans written
``[[OIM|ORG|IOM]]`` or ``[[environ 48.963|Q|v=48963;m=approx;o=tentatives]]``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "corpus"))
from build import MarkupError, link_kb, strip_markup  # noqa: E402

from dechiffre.evaluation.gold import write_gold  # noqa: E402

# As corpus/build.py's markup, but a span may hold single brackets ("gouvernement [RD] congolais").
MARK = re.compile(r"\[\[(?P<body>(?:[^\[\]]|\[(?!\[)|\](?!\]))+?)\]\]")

SHARED_DEFAULT = REPO.parent / "shared"
SOURCE_DIR = Path("external") / "masakhanews-fr"
FILES = {"dev": "dev.tsv", "tr50": "train_50samples_per_label.tsv"}
SELECT_SEED = 20261205
SPLIT_SEED = 20261206
SPLIT_SHARES = {"test": 0.39, "dev": 0.21}  # of each category; the rest is train
MIN_WORDS, MAX_WORDS = 80, 1000
DOCS_TSV = HERE / "documents.tsv"
# dev-long: articles the sample above left out for length, annotated later as a fresh dev set.
LONG_SEED = 20261210
LONG_WORDS = (1001, 1600)
LONG_COUNT = 24
LONG_TSV = HERE / "documents.long.tsv"
# train-long: more articles of the same length, annotated as training data (not a dev set).
TRAIN_LONG_SEED = 20261213
TRAIN_LONG_COUNT = 88
TRAIN_LONG_TSV = HERE / "documents.train-long.tsv"
# dev-long2: every article longer than LONG_WORDS, a fresh dev set for the sessions after.
DEV_LONG2_SEED = 20261214
DEV_LONG2_WORDS = (LONG_WORDS[1] + 1, 10**6)
DEV_LONG2_TSV = HERE / "documents.dev-long2.tsv"
ANNOTATIONS = HERE / "annotations"
GOLD = HERE / "gold"


def read_source(shared: Path = SHARED_DEFAULT) -> dict[str, dict[str, str]]:
    """Every MasakhaNEWS article by id (``mnf-dev-0007``, ``mnf-tr50-0012``)."""
    csv.field_size_limit(10**9)
    docs: dict[str, dict[str, str]] = {}
    for key, name in FILES.items():
        path = shared / SOURCE_DIR / name
        with path.open(encoding="utf-8", newline="") as handle:
            for row_no, row in enumerate(csv.DictReader(handle, delimiter="\t")):
                text = f"{row['headline'].strip()}\n\n{row['text'].strip()}"
                docs[f"mnf-{key}-{row_no:04d}"] = {
                    "text": text,
                    "category": row["category"],
                    "url": row.get("url") or "",
                    "file": name,
                    "row": str(row_no),
                }
    return docs


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _draw(
    docs: dict[str, dict[str, str]], words: tuple[int, int], seed: int, limit: int | None = None
) -> list[str]:
    """Seeded order of the articles of ``words`` (min, max) words, interleaved by category."""
    by_cat: dict[str, list[str]] = {}
    for doc_id, doc in sorted(docs.items()):
        if words[0] <= len(doc["text"].split()) <= words[1]:
            by_cat.setdefault(doc["category"], []).append(doc_id)
    rng = random.Random(seed)
    for ids in by_cat.values():
        rng.shuffle(ids)
    order: list[str] = []
    while any(by_cat.values()) and (limit is None or len(order) < limit):
        for cat in sorted(by_cat):
            if by_cat[cat] and (limit is None or len(order) < limit):
                order.append(by_cat[cat].pop())
    return order


def _write_sample(path: Path, order: list[str], docs: dict[str, dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("rank\tid\tfile\trow\tcategory\twords\tsha256_16\n")
        for rank, doc_id in enumerate(order):
            doc = docs[doc_id]
            handle.write(
                f"{rank}\t{doc_id}\t{doc['file']}\t{doc['row']}\t{doc['category']}\t"
                f"{len(doc['text'].split())}\t{sha(doc['text'])}\n"
            )


def select(shared: Path) -> None:
    """Seeded order of the eligible articles, interleaved by category."""
    docs = read_source(shared)
    order = _draw(docs, (MIN_WORDS, MAX_WORDS), SELECT_SEED)
    _write_sample(DOCS_TSV, order, docs)
    print(f"{len(order)} eligible documents written to {DOCS_TSV}")


def select_long(shared: Path) -> None:
    """Seeded, topic-interleaved draw of LONG_COUNT articles of LONG_WORDS words (dev-long)."""
    docs = read_source(shared)
    order = _draw(docs, LONG_WORDS, LONG_SEED, LONG_COUNT)
    _write_sample(LONG_TSV, order, docs)
    print(f"{len(order)} dev-long documents written to {LONG_TSV}")


def select_train_long(shared: Path) -> None:
    """Seeded draw of TRAIN_LONG_COUNT more articles of LONG_WORDS words, none from dev-long."""
    docs = read_source(shared)
    with LONG_TSV.open(encoding="utf-8") as handle:
        dev_long = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    rest = {k: v for k, v in docs.items() if k not in dev_long}
    order = _draw(rest, LONG_WORDS, TRAIN_LONG_SEED, TRAIN_LONG_COUNT)
    _write_sample(TRAIN_LONG_TSV, order, docs)
    print(f"{len(order)} train-long documents written to {TRAIN_LONG_TSV}")


def select_dev_long2(shared: Path) -> None:
    """Seeded, topic-interleaved order of every article longer than LONG_WORDS (dev-long2)."""
    docs = read_source(shared)
    order = _draw(docs, DEV_LONG2_WORDS, DEV_LONG2_SEED)
    _write_sample(DEV_LONG2_TSV, order, docs)
    print(f"{len(order)} dev-long2 documents written to {DEV_LONG2_TSV}")


def build_long(shared: Path, prefix: str = "long", name: str = "dev-long") -> int:
    """Write gold/<name>.jsonl from annotations/<prefix>-a*.jsonl (adjudicated wins)."""
    merged: dict[str, dict[str, Any]] = {}
    for path in sorted(ANNOTATIONS.glob(f"{prefix}-a*.jsonl")):
        merged.update(read_annotations(path.stem))
    if (ANNOTATIONS / f"{prefix}-adjudicated.jsonl").exists():
        merged.update(read_annotations(f"{prefix}-adjudicated"))
    docs = gold_docs([merged[k] for k in sorted(merged)], shared)
    link_kb(docs)
    GOLD.mkdir(exist_ok=True)
    write_gold(docs, GOLD / f"{name}.jsonl")
    print(f"{GOLD / name}.jsonl: {len(docs)} documents")
    return 0


def prepare(shared: Path, out: Path, ids: list[str]) -> None:
    docs = read_source(shared)
    out.mkdir(parents=True, exist_ok=True)
    for doc_id in ids:
        doc = docs[doc_id]
        target = out / f"{doc_id}.txt"
        if target.exists():
            print(f"kept {target} (exists)")
            continue
        target.write_text(f"### {doc_id} | {doc['category']}\n{doc['text']}\n", encoding="utf-8")
        print(f"wrote {target}")


def parse_work_file(path: Path, docs: dict[str, dict[str, str]]) -> dict[str, Any]:
    """One marked-up work file -> a stand-off record; MarkupError names what is wrong."""
    raw = path.read_text(encoding="utf-8")
    header, _, body = raw.partition("\n")
    if not header.startswith("### "):
        raise MarkupError(f"{path}:1: expected a header '### <id> | <category>'")
    doc_id = header[4:].split("|")[0].strip()
    if doc_id not in docs:
        raise MarkupError(f"{path}:1: unknown document id {doc_id!r}")
    body = body[:-1] if body.endswith("\n") else body
    source = docs[doc_id]["text"]
    text, spans = strip_markup(body, str(path), MARK)
    for span in spans:
        if span.get("value_max") is not None and span["value_max"] < span["value"]:
            shown = text[span["start"] : span["end"]]
            raise MarkupError(f"{path} {shown!r}: vmax is smaller than v")
    if text != source:
        at = next(
            (i for i, (a, b) in enumerate(zip(text, source, strict=False)) if a != b),
            min(len(text), len(source)),
        )
        raise MarkupError(
            f"{path}: the text without markup differs from the source at character {at}:\n"
            f"  yours : {text[max(0, at - 40) : at + 40]!r}\n"
            f"  source: {source[max(0, at - 40) : at + 40]!r}\n"
            "  copy the source text exactly (quotes, apostrophes, spaces); only add [[...]]"
        )
    for span in spans:
        obj = span.get("object")
        if obj and obj.casefold() not in text.casefold():
            raise MarkupError(f"{path}: object {obj!r} does not occur in the text")
    return {"id": doc_id, "sha256_16": sha(source), "spans": spans}


def check(paths: list[Path], shared: Path) -> int:
    docs = read_source(shared)
    bad = 0
    for path in paths:
        try:
            rec = parse_work_file(path, docs)
        except MarkupError as exc:
            bad += 1
            print(f"ERROR {exc}")
            continue
        n_org = sum(s["label"] == "ORG" for s in rec["spans"])
        print(f"ok {path.name}: {n_org} ORG, {len(rec['spans']) - n_org} QUANTITY")
    return 1 if bad else 0


def collect(name: str, work: Path, shared: Path, include_empty: bool) -> int:
    """Parse a work folder; files without markup count only with ``include_empty``
    (the annotator reported them read and found nothing to tag)."""
    docs = read_source(shared)
    records = []
    bad = 0
    for path in sorted(work.glob("mnf-*.txt")):
        if not include_empty and "[[" not in path.read_text(encoding="utf-8"):
            continue  # not started
        try:
            records.append(parse_work_file(path, docs))
        except MarkupError as exc:
            bad += 1
            print(f"ERROR {exc}", file=sys.stderr)
    ANNOTATIONS.mkdir(exist_ok=True)
    target = ANNOTATIONS / f"{name}.jsonl"
    with target.open("w", encoding="utf-8") as handle:
        for rec in sorted(records, key=lambda r: r["id"]):
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{target}: {len(records)} documents, {bad} with errors")
    return 1 if bad else 0


def eligible() -> list[dict[str, str]]:
    """The rows of documents.tsv (the seeded sample), in rank order."""
    with DOCS_TSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def assign_splits(rows: list[dict[str, str]]) -> dict[str, str]:
    """Fixed split of every eligible document, stratified by category, seeded."""
    by_cat: dict[str, list[str]] = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        by_cat.setdefault(row["category"], []).append(row["id"])
    rng = random.Random(SPLIT_SEED)
    out: dict[str, str] = {}
    for cat in sorted(by_cat):
        ids = by_cat[cat]
        rng.shuffle(ids)
        n_test = round(len(ids) * SPLIT_SHARES["test"])
        n_dev = round(len(ids) * SPLIT_SHARES["dev"])
        for i, doc_id in enumerate(ids):
            out[doc_id] = "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
    return out


def read_annotations(name: str) -> dict[str, dict[str, Any]]:
    path = ANNOTATIONS / f"{name}.jsonl"
    with path.open(encoding="utf-8") as handle:
        return {rec["id"]: rec for rec in map(json.loads, handle)}


def gold_docs(records: list[dict[str, Any]], shared: Path) -> list[dict[str, Any]]:
    """Stand-off records + the texts in ../shared -> gold documents (ANNOTATION.md)."""
    source = read_source(shared)
    docs = []
    for rec in records:
        src = source[rec["id"]]
        if sha(src["text"]) != rec["sha256_16"]:
            raise MarkupError(
                f"{rec['id']}: the text in {shared / SOURCE_DIR / src['file']} (row {src['row']}) "
                f"has changed since it was annotated (sha256 {sha(src['text'])}, expected "
                f"{rec['sha256_16']}); the offsets no longer apply."
            )
        meta = {"source": "BBC News Afrique (MasakhaNEWS fr)", "category": src["category"]}
        if src["url"]:
            meta["url"] = src["url"]
        docs.append(
            {"id": rec["id"], "text": src["text"], "meta": meta, "spans": rec["spans"]}
        )
    return docs


def final_records() -> list[dict[str, Any]]:
    """Per document: the adjudicated record, else the harmonised one, else the first annotation.

    Adjudicated: the documents annotated twice, decided against the rulings. Harmonised:
    the other first annotations, brought in line with the same rulings afterwards.
    """
    merged: dict[str, dict[str, Any]] = {}
    for path in sorted(ANNOTATIONS.glob("p*.jsonl")):
        merged.update(read_annotations(path.stem))
    for name in ("harmonised", "adjudicated"):
        if (ANNOTATIONS / f"{name}.jsonl").exists():
            merged.update(read_annotations(name))
    return [merged[k] for k in sorted(merged)]


def build(shared: Path) -> int:
    """Write gold/{train,dev,test}.jsonl (not committed: the texts stay in ../shared)."""
    docs = gold_docs(final_records(), shared)
    log = link_kb(docs)
    splits = assign_splits(eligible())
    GOLD.mkdir(exist_ok=True)
    for name in ("train", "dev", "test"):
        part = [d for d in docs if splits[d["id"]] == name]
        write_gold(part, GOLD / f"{name}.jsonl")
        print(f"{GOLD / name}.jsonl: {len(part)} documents")
    (HERE / "kb_linking.log").write_text("\n".join(log) + "\n", encoding="utf-8")
    print(f"kb linking: {len(log)} kb_ids set or cleared (corpus/real/kb_linking.log)")
    return 0


def pairs(first: str, second: list[str], out: Path, shared: Path) -> int:
    """Gold files of two independent annotations of the same documents, for agreement."""
    a = {}
    for name in second:
        a.update(read_annotations(name))
    b: dict[str, dict[str, Any]] = {}
    for path in sorted(ANNOTATIONS.glob(f"{first}*.jsonl")):
        b.update(read_annotations(path.stem))
    common = sorted(set(a) & set(b))
    out.mkdir(parents=True, exist_ok=True)
    for label, recs in (("annotator_a", b), ("annotator_b", a)):
        docs = gold_docs([recs[k] for k in common], shared)
        write_gold(docs, out / f"{label}.jsonl")
    print(f"{len(common)} documents annotated twice -> {out}/annotator_a.jsonl, annotator_b.jsonl")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED_DEFAULT)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("select")
    p = sub.add_parser("prepare")
    p.add_argument("out", type=Path)
    p.add_argument("ids", nargs="+")
    p = sub.add_parser("check")
    p.add_argument("paths", nargs="+", type=Path)
    p = sub.add_parser("collect")
    p.add_argument("name")
    p.add_argument("work", type=Path)
    p.add_argument("--include-empty", action="store_true")
    sub.add_parser("build")
    sub.add_parser("select-long")
    sub.add_parser("build-long")
    sub.add_parser("select-train-long")
    sub.add_parser("build-train-long")
    sub.add_parser("select-dev-long2")
    sub.add_parser("build-dev-long2")
    p = sub.add_parser("pairs")
    p.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.cmd == "select":
        select(args.shared)
    elif args.cmd == "prepare":
        prepare(args.shared, args.out, args.ids)
    elif args.cmd == "check":
        return check(args.paths, args.shared)
    elif args.cmd == "collect":
        return collect(args.name, args.work, args.shared, args.include_empty)
    elif args.cmd == "build":
        return build(args.shared)
    elif args.cmd == "select-long":
        select_long(args.shared)
    elif args.cmd == "build-long":
        return build_long(args.shared)
    elif args.cmd == "select-train-long":
        select_train_long(args.shared)
    elif args.cmd == "build-train-long":
        return build_long(args.shared, "trainlong", "train-long")
    elif args.cmd == "select-dev-long2":
        select_dev_long2(args.shared)
    elif args.cmd == "build-dev-long2":
        return build_long(args.shared, "devlong2", "dev-long2")
    elif args.cmd == "pairs":
        return pairs("p", ["d1", "d2"], args.out, args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
