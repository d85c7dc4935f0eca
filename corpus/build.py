"""Build the gold corpus from its inline-markup sources.

Sources live in ``corpus/src/*.txt``. Each document starts with a header line

    ### <id> | <origin> | <topic> | <date> | <source name>

followed by its text. Spans are written inline:

    [[Organisation internationale pour les migrations|ORG|IOM]]
    [[Drapeau électronique|ORG]]                       (kb_id null)
    [[environ 48.963|Q|v=48963;m=approx;o=tentatives d'immigration clandestine]]
    [[entre 10 et 20 %|Q|v=10;vmax=20;u=%;m=range]]

QUANTITY keys: v (value), vmax (value_max), u (unit), m (modifier), o (object);
absent keys are null. The object must occur in the text.

Usage:
    python corpus/build.py            # check all sources, write corpus/docs/*.jsonl and splits
    python corpus/build.py --check F  # check one source file, write nothing
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HEADER = re.compile(r"^###\s*(?P<rest>.+)$")
MARK = re.compile(r"\[\[(?P<body>[^\[\]]+?)\]\]")
ORIGINS = {"MA", "FR", "BE", "CH", "QC", "WA"}
TOPICS = {
    "migration",
    "security",
    "justice",
    "economy",
    "health",
    "elections",
    "sport",
    "climate",
    "humanitarian",
}
MODIFIERS = {None, "approx", "min", "max", "range"}
SPLIT_SEED = 20261129
SPLIT_SHARES = {"test": 0.26, "dev": 0.12}


class MarkupError(ValueError):
    """A source document whose markup cannot be turned into gold."""


def _number(raw: str, where: str) -> float | int:
    try:
        num = float(raw)
    except ValueError as exc:
        raise MarkupError(f"{where}: expected a number like 48963 or 0.3333, got {raw!r}") from exc
    return int(num) if num.is_integer() and "." not in raw else num


def _quantity_attrs(spec: str, where: str) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "value": None,
        "value_max": None,
        "unit": None,
        "modifier": None,
        "object": None,
    }
    names = {"v": "value", "vmax": "value_max", "u": "unit", "m": "modifier", "o": "object"}
    for part in spec.split(";"):
        part = part.strip()
        if not part:
            continue
        key, sep, val = part.partition("=")
        key = key.strip()
        if not sep or key not in names:
            raise MarkupError(
                f"{where}: expected key=value with keys {sorted(names)}, got {part!r}"
            )
        val = val.strip()
        if key in ("v", "vmax"):
            attrs[names[key]] = _number(val, where)
        else:
            attrs[names[key]] = val or None
    if attrs["value"] is None:
        raise MarkupError(f"{where}: QUANTITY needs v=<value>")
    if attrs["modifier"] not in MODIFIERS:
        raise MarkupError(
            f"{where}: modifier must be approx/min/max/range, got {attrs['modifier']!r}"
        )
    return attrs


def strip_markup(
    body: str, where: str, mark: re.Pattern[str] = MARK
) -> tuple[str, list[dict[str, Any]]]:
    """The plain text of a marked-up body and its spans (offsets into that text)."""
    text_parts: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = 0
    length = 0
    for match in mark.finditer(body):
        before = body[pos : match.start()]
        text_parts.append(before)
        length += len(before)
        pieces = match.group("body").split("|")
        surface = pieces[0]
        label = pieces[1].strip() if len(pieces) > 1 else ""
        span_where = f"{where} [[{match.group('body')}]]"
        if surface != surface.strip() or not surface:
            raise MarkupError(f"{span_where}: span text must not start or end with a space")
        span: dict[str, Any] = {"start": length, "end": length + len(surface)}
        if label == "ORG":
            if len(pieces) > 3:
                raise MarkupError(f"{span_where}: ORG takes [[text|ORG]] or [[text|ORG|KB_ID]]")
            kb = pieces[2].strip() if len(pieces) == 3 else ""
            span.update({"label": "ORG", "kb_id": kb or None})
        elif label == "Q":
            if len(pieces) != 3:
                raise MarkupError(f"{span_where}: QUANTITY takes [[text|Q|v=...;...]]")
            span.update({"label": "QUANTITY", **_quantity_attrs(pieces[2], span_where)})
        else:
            raise MarkupError(f"{span_where}: label must be ORG or Q, got {label!r}")
        text_parts.append(surface)
        length += len(surface)
        spans.append(span)
        pos = match.end()
    text_parts.append(body[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise MarkupError(f"{where}: unbalanced [[ ]] markup left in the text")
    return text, spans


def parse_document(header: str, body: str, where: str) -> dict[str, Any]:
    """Turn one header and marked-up body into a gold document."""
    fields = [f.strip() for f in header.split("|")]
    if len(fields) != 5:
        raise MarkupError(f"{where}: header needs 5 fields 'id | origin | topic | date | source'")
    doc_id, origin, topic, date, source = fields
    if origin not in ORIGINS:
        raise MarkupError(f"{where}: origin must be one of {sorted(ORIGINS)}, got {origin!r}")
    if topic not in TOPICS:
        raise MarkupError(f"{where}: topic must be one of {sorted(TOPICS)}, got {topic!r}")
    text, spans = strip_markup(body, where)
    for span in spans:
        obj = span.get("object")
        if obj and obj not in text:
            raise MarkupError(f"{where}: object {obj!r} does not occur in the text")
    words = len(text.split())
    if not 150 <= words <= 600:
        raise MarkupError(f"{where}: documents have 150 to 600 words, this one has {words}")
    return {
        "id": doc_id,
        "text": text,
        "meta": {"origin": origin, "topic": topic, "date": date, "source": source},
        "spans": spans,
    }


def parse_source(path: Path) -> list[dict[str, Any]]:
    """Parse every document of one source file."""
    docs: list[dict[str, Any]] = []
    header: str | None = None
    header_line = 0
    lines: list[str] = []

    def flush() -> None:
        if header is not None:
            body = "\n".join(lines).strip("\n")
            docs.append(parse_document(header, body, f"{path}:{header_line}"))

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = HEADER.match(line)
        if match:
            flush()
            header, header_line, lines = match.group("rest"), number, []
        elif header is not None:
            lines.append(line.rstrip())
    flush()
    return docs


def link_kb(docs: list[dict[str, Any]]) -> list[str]:
    """Make ORG kb_ids agree with the knowledge base; return one log line per change.

    A kb_id that is not in the base becomes null; a null kb_id whose written form
    resolves in the base (with the document's country cues) gets that kb_id.
    """
    sys.path.insert(0, str(HERE.parent))
    from dechiffre.pipeline.kb import KnowledgeBase, country_scores

    kb = KnowledgeBase.default()
    log: list[str] = []
    for doc in docs:
        countries = country_scores(doc["text"])
        for span in doc["spans"]:
            if span["label"] != "ORG":
                continue
            form = doc["text"][span["start"] : span["end"]]
            if span["kb_id"] is not None and span["kb_id"] not in kb.entries:
                log.append(f"{doc['id']}\t{form}\t{span['kb_id']} -> null (not in the KB)")
                span["kb_id"] = None
            if span["kb_id"] is None:
                acronym = form.isupper() and " " not in form
                found = kb.resolve(form, countries=countries, acronym=acronym)
                if found is None and acronym:
                    found = kb.resolve(form, countries=countries)
                if found is not None:
                    log.append(f"{doc['id']}\t{form}\tnull -> {found}")
                    span["kb_id"] = found
    return log


def split_documents(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Split by stratum (topic, origin) with a fixed seed."""
    strata: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d["id"]):
        strata[(doc["meta"]["topic"], doc["meta"]["origin"])].append(doc)
    rng = random.Random(SPLIT_SEED)
    out: dict[str, list[dict[str, Any]]] = {"train": [], "dev": [], "test": []}
    carry = {"test": 0.0, "dev": 0.0}
    for key in sorted(strata):
        group = strata[key]
        rng.shuffle(group)
        cut: dict[str, int] = {}
        for name, share in SPLIT_SHARES.items():
            want = len(group) * share + carry[name]
            cut[name] = int(want)
            carry[name] = want - cut[name]
        out["test"].extend(group[: cut["test"]])
        out["dev"].extend(group[cut["test"] : cut["test"] + cut["dev"]])
        out["train"].extend(group[cut["test"] + cut["dev"] :])
    for name in out:
        out[name].sort(key=lambda d: d["id"])
    return out


def write_jsonl(path: Path, docs: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", type=Path, help="check one source file and write nothing")
    args = parser.parse_args(argv)
    sources = [args.check] if args.check else sorted((HERE / "src").glob("*.txt"))
    all_docs: list[dict[str, Any]] = []
    failures = 0
    for source in sources:
        try:
            docs = parse_source(source)
        except MarkupError as exc:
            print(f"ERROR {exc}", file=sys.stderr)
            failures += 1
            continue
        print(f"{source.name}: {len(docs)} documents, {sum(len(d['spans']) for d in docs)} spans")
        all_docs.extend(docs)
    ids = [d["id"] for d in all_docs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        print(f"ERROR duplicate ids: {dupes}", file=sys.stderr)
        failures += 1
    if failures or args.check:
        return 1 if failures else 0
    log = link_kb(all_docs)
    (HERE / "kb_linking.log").write_text("\n".join(log) + "\n", encoding="utf-8")
    print(f"kb linking: {len(log)} kb_ids set or cleared (corpus/kb_linking.log)")
    splits = split_documents(all_docs)
    for name, docs in splits.items():
        write_jsonl(HERE / "splits" / f"{name}.jsonl", docs)
        print(f"{name}: {len(docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
