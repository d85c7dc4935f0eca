"""Fixtures for the evaluation tests: gold document builders, JSONL writer."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest


class GoldBuilder:
    """Builds gold-format spans and documents for tests."""

    @staticmethod
    def org(start: int, end: int, kb_id: str | None = None) -> dict[str, Any]:
        return {"start": start, "end": end, "label": "ORG", "kb_id": kb_id}

    @staticmethod
    def qty(start: int, end: int, value: float | None = 1, value_max: float | None = None,
            unit: str | None = None, modifier: str | None = None,
            obj: str | None = None) -> dict[str, Any]:
        return {"start": start, "end": end, "label": "QUANTITY", "value": value,
                "value_max": value_max, "unit": unit, "modifier": modifier, "object": obj}

    def find(self, text: str, needle: str, label: str, nth: int = 0,
             **attrs: Any) -> dict[str, Any]:
        """A span over the ``nth`` occurrence of ``needle`` in ``text``."""
        start = -1
        for _ in range(nth + 1):
            start = text.index(needle, start + 1)
        end = start + len(needle)
        span = self.org(start, end) if label == "ORG" else self.qty(start, end)
        span.update(attrs)
        return span

    @staticmethod
    def doc(doc_id: str, text: str, spans: Sequence[dict[str, Any]],
            **meta: Any) -> dict[str, Any]:
        document: dict[str, Any] = {"id": doc_id, "text": text, "spans": list(spans)}
        if meta:
            document["meta"] = meta
        return document


@pytest.fixture
def gb() -> GoldBuilder:
    return GoldBuilder()


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[[str, Sequence[object]], Path]:
    """Write documents (dicts, or raw strings taken as lines) to ``tmp_path/name``."""

    def write(name: str, lines: Sequence[object]) -> Path:
        path = tmp_path / name
        with path.open("w", encoding="utf-8") as handle:
            for line in lines:
                handle.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
        return path

    return write
