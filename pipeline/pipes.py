"""A base for dechiffre's components whose state is their settings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

import srsly
from spacy.pipeline import Pipe


class CfgPipe(Pipe):
    """A component whose settings (``cfg``) round-trip to disk and bytes."""

    cfg: dict[str, Any]

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", self.cfg)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        cfg_path = Path(path) / "cfg.json"
        if cfg_path.exists():
            self.cfg.update(srsly.read_json(cfg_path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps(self.cfg).encode("utf8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        self.cfg.update(srsly.json_loads(data))
        return self
