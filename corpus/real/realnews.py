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
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "corpus"))
from build import MARK, MarkupError, _quantity_attrs  # noqa: E402

SHARED_DEFAULT = REPO.parent / "shared"
SOURCE_DIR = Path("external") / "masakhanews-fr"
FILES = {"dev": "dev.tsv", "tr50": "train_50samples_per_label.tsv"}
SELECT_SEED = 20261205
MIN_WORDS, MAX_WORDS = 80, 1000
DOCS_TSV = HERE / "documents.tsv"
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


def select(shared: Path) -> None:
    """Seeded order of the eligible articles, interleaved by category."""
    docs = read_source(shared)
    by_cat: dict[str, list[str]] = {}
    for doc_id, doc in sorted(docs.items()):
        words = len(doc["text"].split())
        if MIN_WORDS <= words <= MAX_WORDS:
            by_cat.setdefault(doc["category"], []).append(doc_id)
    rng = random.Random(SELECT_SEED)
    for ids in by_cat.values():
        rng.shuffle(ids)
    order: list[str] = []
    while any(by_cat.values()):
        for cat in sorted(by_cat):
            if by_cat[cat]:
                order.append(by_cat[cat].pop())
    with DOCS_TSV.open("w", encoding="utf-8") as handle:
        handle.write("rank\tid\tfile\trow\tcategory\twords\tsha256_16\n")
        for rank, doc_id in enumerate(order):
            doc = docs[doc_id]
            handle.write(
                f"{rank}\t{doc_id}\t{doc['file']}\t{doc['row']}\t{doc['category']}\t"
                f"{len(doc['text'].split())}\t{sha(doc['text'])}\n"
            )
    print(f"{len(order)} eligible documents written to {DOCS_TSV}")


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
    text_parts: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = length = 0
    for match in MARK.finditer(body):
        before = body[pos : match.start()]
        text_parts.append(before)
        length += len(before)
        pieces = match.group("body").split("|")
        surface = pieces[0]
        label = pieces[1].strip() if len(pieces) > 1 else ""
        where = f"{path} [[{match.group('body')}]]"
        if surface != surface.strip() or not surface:
            raise MarkupError(f"{where}: span text must not start or end with a space")
        span: dict[str, Any] = {"start": length, "end": length + len(surface)}
        if label == "ORG":
            if len(pieces) > 3:
                raise MarkupError(f"{where}: ORG takes [[text|ORG]] or [[text|ORG|KB_ID]]")
            kb = pieces[2].strip() if len(pieces) == 3 else ""
            span.update({"label": "ORG", "kb_id": kb or None})
        elif label == "Q":
            if len(pieces) != 3:
                raise MarkupError(f"{where}: QUANTITY takes [[text|Q|v=...;...]]")
            span.update({"label": "QUANTITY", **_quantity_attrs(pieces[2], where)})
            if span["value_max"] is not None and span["value_max"] < span["value"]:
                raise MarkupError(f"{where}: vmax is smaller than v")
        else:
            raise MarkupError(f"{where}: label must be ORG or Q, got {label!r}")
        text_parts.append(surface)
        length += len(surface)
        spans.append(span)
        pos = match.end()
    text_parts.append(body[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise MarkupError(f"{path}: unbalanced [[ ]] markup left in the text")
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


def collect(name: str, work: Path, shared: Path) -> int:
    docs = read_source(shared)
    records = []
    bad = 0
    for path in sorted(work.glob("*.txt")):
        if "[[" not in path.read_text(encoding="utf-8"):
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
    args = parser.parse_args(argv)
    if args.cmd == "select":
        select(args.shared)
    elif args.cmd == "prepare":
        prepare(args.shared, args.out, args.ids)
    elif args.cmd == "check":
        return check(args.paths, args.shared)
    elif args.cmd == "collect":
        return collect(args.name, args.work, args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
