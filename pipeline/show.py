"""``dechiffre show``: claims drawn as arcs from each amount to its agent, source, total and time.

Each amount whose claim points somewhere gets a displaCy dependency-style diagram
(``spacy.displacy.render(..., style="dep", manual=True)``): the words are the amount and
the spans its claim refers to, with the text between them shortened; the arcs go from the
amount to each of them, labelled with the role. Under the diagrams a table lists every
amount's claim, so nothing is left out. Every string from the input is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROLES = ("agent", "source", "part_of", "time")
CONTEXT_WORDS = 2  # words kept on each side of a shortened gap
PX_PER_CHAR = 9  # Arial at 16 px, with room for capitals
MIN_DISTANCE, MAX_DISTANCE = 120, 560

_Node = tuple[int, int, str]  # start, end, kind (ORG, QUANTITY, TIME)


def claim_diagram(record: dict[str, Any], amount: dict[str, Any]) -> dict[str, Any] | None:
    """displaCy's manual dependency format for one amount's claim; None if it points nowhere.

    Words carry the span text; below it the kb_id (ORG), the predicate (QUANTITY) or the ISO
    value (TIME), then the kind. A time expression that overlaps a span is not drawn.
    """
    claim = amount.get("claim") or {}
    text: str = record["text"]
    spans = {(s["start"], s["end"]): s for s in record["spans"]}
    me = (amount["start"], amount["end"])
    nodes: dict[tuple[int, int], str] = {me: "QUANTITY"}
    targets: list[tuple[str, tuple[int, int]]] = []
    for role in ROLES:
        ref = claim.get(role)
        if not ref:
            continue
        key = (ref["start"], ref["end"])
        if role == "time":
            if any(key[0] < e and s < key[1] for s, e in nodes) or key in spans:
                continue
            nodes[key] = "TIME"
        elif key in spans:
            nodes[key] = spans[key]["label"]
        else:
            continue
        targets.append((role, key))
    if not targets:
        return None
    order = sorted(nodes)
    words: list[dict[str, str]] = []
    index: dict[tuple[int, int], int] = {}
    for i, key in enumerate(order):
        if i:
            gap = _shorten(text[order[i - 1][1] : key[0]])
            if gap:
                words.append({"text": gap, "lemma": "", "tag": ""})
        index[key] = len(words)
        words.append(_word(text, key, nodes[key], spans.get(key), claim))
    arcs = []
    for role, key in targets:
        a, b = index[me], index[key]
        if a == b:
            continue
        start, end = min(a, b), max(a, b)
        arcs.append({"start": start, "end": end, "label": role.replace("_", "-"),
                     "dir": "left" if b < a else "right"})
    return {"words": words, "arcs": arcs}


def _word(text: str, key: tuple[int, int], kind: str, span: dict[str, Any] | None,
          claim: dict[str, Any]) -> dict[str, str]:
    if kind == "TIME":
        below = (claim.get("time") or {}).get("value") or "?"
    elif kind == "ORG":
        below = (span or {}).get("kb_id") or "—"
    else:
        below = ((span or {}).get("claim") or {}).get("predicate") or "—"
    # displaCy escapes the word text but not the lemma and tag lines
    return {"text": text[key[0] : key[1]], "lemma": html.escape(str(below)),
            "tag": html.escape(kind)}


def _shorten(gap: str) -> str:
    words = gap.split()
    if not any(any(c.isalnum() for c in w) for w in words):
        return ""
    if len(words) > 2 * CONTEXT_WORDS + 1:
        words = [*words[:CONTEXT_WORDS], "…", *words[-CONTEXT_WORDS:]]
    return " ".join(words)


def render_diagram(diagram: dict[str, Any]) -> str:
    """The SVG of one diagram, with a word distance that fits its longest word."""
    from spacy import displacy

    longest = PX_PER_CHAR * max(len(w["text"]) for w in diagram["words"])
    distance = max(MIN_DISTANCE, min(MAX_DISTANCE, longest + 40))
    # the first word is centred on offset_x: room for its left half
    options = {"distance": distance, "offset_x": max(60, min(longest, MAX_DISTANCE) // 2 + 20)}
    svg: str = displacy.render(diagram, style="dep", manual=True, options=options, jupyter=False)
    return svg


def claims_rows(record: dict[str, Any]) -> list[dict[str, str]]:
    """One row per amount: its text, predicate, agent, source, part_of and time, as text."""
    text: str = record["text"]
    kb = {(s["start"], s["end"]): s.get("kb_id") for s in record["spans"]}
    rows = []
    for span in record["spans"]:
        if span["label"] != "QUANTITY":
            continue
        claim = span.get("claim")
        row = {"amount": text[span["start"] : span["end"]]}
        if claim is None:
            row.update(dict.fromkeys(("predicate", *ROLES), ""))
            row["predicate"] = "(no claim)"
            rows.append(row)
            continue
        row["predicate"] = claim.get("predicate") or "—"
        for role in ROLES:
            ref = claim.get(role)
            if not ref:
                row[role] = "—"
                continue
            cell = text[ref["start"] : ref["end"]]
            if role in ("agent", "source") and kb.get((ref["start"], ref["end"])):
                cell += f" [{kb[(ref['start'], ref['end'])]}]"
            if role == "time":
                cell = f"{ref.get('value') or '?'}: {cell}"
            row[role] = cell
        rows.append(row)
    return rows


def load_records(paths: Iterable[str | Path]) -> tuple[list[dict[str, Any]], list[Exception]]:
    """The valid records of gold-format JSONL files, and an error for every line left out.

    A file that cannot be read raises ``GoldFormatError`` (code ``unreadable``).
    """
    from ..evaluation.gold import read_gold_collect

    records: list[dict[str, Any]] = []
    errors: list[Exception] = []
    for path in paths:
        docs, found = read_gold_collect(path, require_attributes=False)
        records.extend(docs)
        errors.extend(found)
    return records, errors


def render_claims(records: Iterable[dict[str, Any]], *, title: str = "dechiffre: claims") -> str:
    """A standalone HTML page: per document, the claim diagrams and the claims table."""
    return _render(records, title)[0]


def write_claims_html(records: Iterable[dict[str, Any]], path: str | Path) -> dict[str, int]:
    """Write the claims page of ``records`` to ``path``; return how many documents, amounts
    and drawn claims it has."""
    page, counts = _render(records, "dechiffre: claims")
    Path(path).write_text(page, encoding="utf-8")
    return counts


def _render(records: Iterable[dict[str, Any]], title: str) -> tuple[str, dict[str, int]]:
    e = html.escape
    parts: list[str] = []
    counts = {"documents": 0, "amounts": 0, "drawn": 0}
    for number, record in enumerate(records):
        counts["documents"] += 1
        figures = []
        for span in record["spans"]:
            if span["label"] != "QUANTITY":
                continue
            counts["amounts"] += 1
            diagram = claim_diagram(record, span)
            if diagram is None:
                continue
            counts["drawn"] += 1
            figures.append(
                f'<figure class="claim" data-amount="{span["start"]}-{span["end"]}">'
                f"{render_diagram(diagram)}</figure>"
            )
        rows = claims_rows(record)
        if rows:
            head = "".join(f"<th>{e(h.replace('_', '-'))}</th>" for h in rows[0])
            body = "".join(
                "<tr>" + "".join(f"<td>{e(v)}</td>" for v in row.values()) + "</tr>"
                for row in rows
            )
            table = f'<table class="claims"><tr>{head}</tr>{body}</table>'
        else:
            table = '<p class="none">No amounts.</p>'
        parts.append(
            f'<article class="doc" id="doc-{number}" data-doc-id="{e(record["id"], quote=True)}">'
            f"<h2>{e(record['id'])}</h2>{''.join(figures)}{table}</article>"
        )
    summary = (f"{counts['documents']} documents, {counts['amounts']} amounts, "
               f"{counts['drawn']} claims drawn")
    page = _PAGE.format(title=e(title), summary=e(summary), body="".join(parts))
    return page, counts


# A figure whose words overlap or stick out of the drawing on screen (a name too long for
# its column) is marked "crowded".
_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: Arial, sans-serif; margin: 1.5em; color: #222; }}
article.doc {{ border-top: 1px solid #ccc; padding: 0.5em 0 1.5em; }}
figure.claim {{ margin: 0.5em 0; overflow-x: auto; }}
figure.claim.crowded {{ outline: 2px dashed #c00; }}
table.claims {{ border-collapse: collapse; font-size: 0.9em; }}
table.claims th, table.claims td {{ border: 1px solid #ccc; padding: 0.2em 0.5em;
  text-align: left; vertical-align: top; }}
</style></head>
<body><h1>{title}</h1><p id="summary">{summary}</p>
{body}
<script>
for (const figure of document.querySelectorAll("figure.claim")) {{
  const boxes = [...figure.querySelectorAll("tspan.displacy-word")]
    .map((w) => w.getBoundingClientRect());
  const svg = figure.querySelector("svg").getBoundingClientRect();
  let overlaps = 0;
  for (let i = 1; i < boxes.length; i++) {{
    if (boxes[i].left < boxes[i - 1].right) overlaps++;
  }}
  const clipped = boxes.filter((b) => b.left < svg.left || b.right > svg.right).length;
  figure.dataset.overlaps = String(overlaps);
  figure.dataset.clipped = String(clipped);
  if (overlaps || clipped) figure.classList.add("crowded");
}}
document.body.dataset.checked = "true";
</script>
</body></html>
"""
