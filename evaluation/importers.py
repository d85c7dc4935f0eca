"""Converters from external NER formats to gold-format documents (lists of dicts).

Label mappings (anything not listed is dropped):

- CoNLL / IOB2 (``import_conll``, e.g. WikiNEuRal ``idx<TAB>token<TAB>tag``):
  ``ORG`` -> ``ORG``; ``PER``, ``LOC``, ``MISC`` dropped. Text = tokens joined by one space,
  sentences joined by ``\\n``, ``sentences_per_doc`` sentences per document. An ``I-X`` that
  does not continue an ``X`` entity starts one (conlleval leniency).
- HIPE-2022 TSV (``import_hipe``, column ``NE-COARSE-LIT``): ``org`` and ``org.*``
  (any case, so HIPE's ``ORG``) -> ``ORG``; ``pers``/``PER``, ``loc``/``LOC``,
  ``prod``/``HumanProd``, ``time`` dropped. One gold document per ``# hipe2022:document_id``.
  Text: tokens joined by a space, no space after ``NoSpaceAfter``, a ``\\n`` after
  ``EndOfLine`` (so OCR hyphenations such as ``ex¬\\ncessif`` stay as printed). NewsEye
  also marks unhyphenated line ends as ``NoSpaceAfter`` ("des|impôts"); with
  ``repair_glued=True`` (default) a space is kept between two word characters.
- WebAnno TSV 3.2 (``import_webanno``, FENEC / Quaero schema): ``org`` and ``org.*``
  (``org.ent``, ``org.adm``) -> ``ORG``; ``amount`` -> ``QUANTITY``; ``pers.*``, ``loc.*``,
  ``time.*``, ``prod.*``, ``func.*``, ``event`` dropped. Offsets are those of the file, into
  the ``.txt`` it was annotated on; one gold document per file.

All ORG spans get ``kb_id: null`` (none of these sets links to the project KB). QUANTITY
spans from FENEC have no value attributes: ``value``, ``value_max``, ``unit``, ``modifier``,
``object`` are null and the document carries ``meta.attributes: false`` so attribute scoring
skips it. Quaero ``amount`` spans include the counted noun ("23 diplomates russes") and ORG
tokens may carry an elided article ("l'UNESCO"), unlike the project guidelines: compare
with the ``partial``/``type`` schemes rather than ``strict``. Nested or overlapping source
spans (gold spans may not overlap) are resolved by keeping the longest, then the earliest;
the number dropped goes to ``meta.dropped_overlapping``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .gold import GoldDoc
from .messages import GoldFormatError

LabelMap = Callable[[str], str | None]

_WEBANNO_LABEL = re.compile(r"^(?P<name>.+?)(?:\[(?P<id>\d+)\])?$")


def map_org_only(label: str) -> str | None:
    """``org`` / ``org.*`` (any case) -> ORG, everything else dropped."""
    low = label.lower()
    return "ORG" if low == "org" or low.startswith("org.") else None


def map_quaero(label: str) -> str | None:
    """Quaero: ``org`` / ``org.*`` -> ORG, ``amount`` -> QUANTITY, the rest dropped."""
    if label.lower() == "amount":
        return "QUANTITY"
    return map_org_only(label)


def _make_span(start: int, end: int, label: str) -> dict[str, Any]:
    if label == "ORG":
        return {"start": start, "end": end, "label": "ORG", "kb_id": None}
    return {"start": start, "end": end, "label": "QUANTITY", "value": None, "value_max": None,
            "unit": None, "modifier": None, "object": None}


def _resolve_overlaps(spans: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], int]:
    """Non-overlapping subset (longest first, then earliest) and how many were dropped."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0], s[2])):
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept), len(spans) - len(kept)


def _iob_spans(
    tags: Sequence[str], offsets: Sequence[tuple[int, int]], label_map: LabelMap,
    *, file: str, lines: Sequence[int],
) -> list[tuple[int, int, str]]:
    """Character spans from IOB2 tags over tokens at ``offsets`` (mapped labels only)."""
    spans: list[list[Any]] = []
    current: list[Any] | None = None  # [start, end, source type]
    for tag, (start, end), line in zip(tags, offsets, lines, strict=True):
        if tag in ("O", "_", ""):
            current = None
            continue
        if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
            raise GoldFormatError("iob_tag", file=file, line=line, tag=tag)
        kind = tag[2:]
        if tag[0] == "I" and current is not None and current[2] == kind:
            current[1] = end
            continue
        current = [start, end, kind]
        spans.append(current)
    result = []
    for start, end, kind in spans:
        label = label_map(kind)
        if label is not None:
            result.append((start, end, label))
    return result


def _document(doc_id: str, text: str, spans: list[tuple[int, int, str]],
              meta: dict[str, Any]) -> GoldDoc:
    kept, dropped = _resolve_overlaps(spans)
    if dropped:
        meta["dropped_overlapping"] = dropped
    return {"id": doc_id, "text": text, "meta": meta,
            "spans": [_make_span(s, e, label) for s, e, label in kept]}


def import_conll(
    path: str | Path,
    *,
    sentences_per_doc: int = 20,
    label_map: LabelMap = map_org_only,
    id_prefix: str | None = None,
) -> list[GoldDoc]:
    """Gold documents from a CoNLL/IOB2 file, ``sentences_per_doc`` sentences each."""
    source = Path(path)
    file = str(source)
    prefix = id_prefix if id_prefix is not None else source.stem
    sentences: list[list[tuple[str, str, int]]] = []
    current: list[tuple[str, str, int]] = []
    with source.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            if line.startswith("# "):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or not cols[-2]:
                raise GoldFormatError("conll_line", file=file, line=number, got=line[:60])
            current.append((cols[-2], cols[-1].strip(), number))
    if current:
        sentences.append(current)

    docs: list[GoldDoc] = []
    for first in range(0, len(sentences), max(1, sentences_per_doc)):
        group = sentences[first:first + max(1, sentences_per_doc)]
        parts: list[str] = []
        position = 0
        spans: list[tuple[int, int, str]] = []
        for sentence in group:
            if parts:
                parts.append("\n")
                position += 1
            offsets: list[tuple[int, int]] = []
            for index, (token, _, _) in enumerate(sentence):
                if index:
                    parts.append(" ")
                    position += 1
                offsets.append((position, position + len(token)))
                parts.append(token)
                position += len(token)
            spans.extend(_iob_spans([t for _, t, _ in sentence], offsets, label_map,
                                    file=file, lines=[n for _, _, n in sentence]))
        meta = {"source": source.name, "format": "conll",
                "sentences": [first, first + len(group)]}
        docs.append(_document(f"{prefix}-{first // max(1, sentences_per_doc):05d}",
                              "".join(parts), spans, meta))
    return docs


def import_hipe(
    path: str | Path,
    *,
    column: str = "NE-COARSE-LIT",
    label_map: LabelMap = map_org_only,
    repair_glued: bool = True,
) -> list[GoldDoc]:
    """Gold documents from a HIPE-2022 TSV file, one per ``# hipe2022:document_id``."""
    source = Path(path)
    file = str(source)
    docs: list[GoldDoc] = []
    header: list[str] | None = None
    tag_col = misc_col = 0
    doc_id: str | None = None
    meta: dict[str, Any] = {}
    tokens: list[tuple[str, str, str, int]] = []  # token, tag, misc, line

    def flush() -> None:
        if doc_id is None:
            return
        parts: list[str] = []
        position = 0
        offsets: list[tuple[int, int]] = []
        for index, (token, _, misc, _) in enumerate(tokens):
            offsets.append((position, position + len(token)))
            parts.append(token)
            position += len(token)
            flags = set(misc.split("|"))
            sep = "\n" if "EndOfLine" in flags else ("" if "NoSpaceAfter" in flags else " ")
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if (not sep and repair_glued and token[-1:].isalnum()
                    and following[:1].isalnum()):
                sep = " "
            parts.append(sep)
            position += len(sep)
        text = "".join(parts).rstrip()
        spans = _iob_spans([t for _, t, _, _ in tokens], offsets, label_map, file=file,
                           lines=[n for _, _, _, n in tokens])
        docs.append(_document(doc_id, text, spans, dict(meta)))

    with source.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if header is None:
                cols = line.split("\t")
                if not cols or cols[0] != "TOKEN" or column not in cols or "MISC" not in cols:
                    raise GoldFormatError("hipe_header", file=file, line=number, column=column,
                                          got=line[:60])
                header = cols
                tag_col, misc_col = cols.index(column), cols.index("MISC")
                continue
            if not line.strip():
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                key, value = key.strip(), value.strip()
                if key == "hipe2022:document_id":
                    flush()
                    doc_id, tokens = value, []
                    meta = {"source": source.name, "format": "hipe2022"}
                elif key.startswith("hipe2022:") and key != "hipe2022:applicable_columns":
                    meta[key.split(":", 1)[1]] = value
                continue
            cols = line.split("\t")
            if len(cols) != len(header):
                raise GoldFormatError("hipe_columns", file=file, line=number,
                                      expected=len(header), got=len(cols))
            if doc_id is None:
                raise GoldFormatError("hipe_no_document", file=file, line=number)
            tokens.append((cols[0], cols[tag_col], cols[misc_col], number))
    flush()
    return docs


def _unescape_webanno(text: str) -> str:
    return (text.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r")
            .replace("\\\\", "\\"))


def import_webanno(
    path: str | Path,
    text_path: str | Path | None = None,
    *,
    label_map: LabelMap = map_quaero,
    doc_id: str | None = None,
) -> list[GoldDoc]:
    """One gold document from a WebAnno TSV 3.2 file and the text it was annotated on.

    ``text_path`` defaults to the same name with ``.txt`` in place of ``.webanno.tsv``; when
    that file is absent the text is rebuilt from the ``#Text=`` lines joined by newlines.
    """
    source = Path(path)
    file = str(source)
    if text_path is None:
        name = source.name.removesuffix(".tsv").removesuffix(".webanno")
        candidate = source.with_name(name + ".txt")
        text_path = candidate if candidate.exists() else None
    sentence_texts: list[str] = []
    tokens: list[tuple[int, int, str, int]] = []
    grouped: dict[tuple[str, str], list[int]] = {}
    singles: list[tuple[int, int, str]] = []
    with source.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if line.startswith("#Text="):
                sentence_texts.append(_unescape_webanno(line[len("#Text="):]))
                continue
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            match = re.fullmatch(r"(\d+)-(\d+)", cols[1]) if len(cols) >= 4 else None
            if match is None:
                raise GoldFormatError("webanno_line", file=file, line=number, got=line[:60])
            start, end = int(match.group(1)), int(match.group(2))
            tokens.append((start, end, cols[2], number))
            for item in cols[3].split("|"):
                if item in ("_", "*", ""):
                    continue
                parsed = _WEBANNO_LABEL.match(item)
                assert parsed is not None
                name, span_id = parsed.group("name"), parsed.group("id")
                if span_id is None:
                    singles.append((start, end, name))
                else:
                    grouped.setdefault((name, span_id), []).extend([start, end])
    if text_path is not None:
        text = Path(text_path).read_text(encoding="utf-8")
    else:
        text = "\n".join(sentence_texts)
    for start, end, token, number in tokens:
        if text[start:end] != token:
            raise GoldFormatError("webanno_offset", file=file, line=number, token=token,
                                  start=start, end=end, found=text[start:end])
    raw_spans = singles + [(min(b), max(b), name) for (name, _), b in grouped.items()]
    spans: list[tuple[int, int, str]] = []
    for start, end, name in raw_spans:
        label = label_map(name)
        if label is not None:
            spans.append((start, end, label))
    meta: dict[str, Any] = {"source": source.name, "format": "webanno-tsv-3.2",
                            "attributes": False}
    identifier = doc_id if doc_id is not None else source.name.removesuffix(".webanno.tsv")
    return [_document(identifier, text, spans, meta)]
