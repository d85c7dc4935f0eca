"""What a run is asked to do (its options, checked once) and what it reports as it goes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..errors import DechiffreError, Errors, WorkerDiedError
from ..inputs import DEFAULT_ENCODINGS, ReadOptions
from .settings import (
    DEFAULT_MAX_CHARS,
    DEFAULT_SHARD_SIZE,
    FORMATS,
)

if TYPE_CHECKING:
    pass


@dataclass
class BatchOptions:
    """Options of a sharded run; those in RESUME_KEYS must match when resuming."""

    text_field: str = "text"
    id_field: str = "id"
    encoding: str = ",".join(DEFAULT_ENCODINGS)
    id_scheme: str = "given"
    batch_size: int = 32
    shard_size: int = DEFAULT_SHARD_SIZE
    max_chars: int = DEFAULT_MAX_CHARS
    formats: tuple[str, ...] = FORMATS
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    # ISO 639-1 codes of the languages to process; () processes every document
    languages: tuple[str, ...] = ()

    def read_options(self) -> ReadOptions:
        """How the inputs are read (checks the field names, encodings and id scheme)."""
        return ReadOptions.make(self.text_field, self.id_field, self.encoding, self.id_scheme)


def check_options(options: BatchOptions, paths: list[str], resume: bool) -> None:
    options.read_options()
    bad = [f for f in options.formats if f not in FORMATS]
    if bad or not options.formats:
        raise DechiffreError(
            Errors.E049.format(
                expected="--formats with jsonl and/or parquet",
                got=repr(",".join(options.formats)),
                fix="Use e.g. --formats jsonl,parquet.",
            )
        )
    bad_codes = [c for c in options.languages if not re.fullmatch(r"[a-z]{2,3}", c)]
    if bad_codes:
        raise DechiffreError(Errors.E251.format(got=",".join(options.languages)))
    for name in ("shard_size", "batch_size", "workers"):
        if getattr(options, name) < 1:
            raise DechiffreError(
                Errors.E049.format(
                    expected=f"--{name.replace('_', '-')} of at least 1",
                    got=getattr(options, name),
                    fix="Pass a positive number.",
                )
            )
    if resume and "-" in paths:
        raise DechiffreError(
            Errors.E049.format(
                expected="files or directories with --resume",
                got="'-' (stdin)",
                fix="Save the input to a file to make the run resumable.",
            )
        )


class RunProgress(Protocol):
    """What a run reports as it goes (the CLI's progress bar)."""

    def ready(self) -> None:
        """The pipeline is loaded; documents are timed from now."""

    def advance(self, items: int, words: int, documents: int) -> None:
        """Items done (documents went through the pipeline; the rest were resumed or errors)."""


def worker_died(exc: BaseException, engine: str) -> WorkerDiedError:
    return WorkerDiedError(Errors.E051.format(engine=engine, reason=f"{type(exc).__name__}: {exc}"))



@contextmanager
def worker_deaths(engine: str) -> Iterator[None]:
    """A broken process pool or a killed Dask worker becomes WorkerDiedError (exit 3)."""
    try:
        yield
    except BrokenExecutor as exc:
        raise worker_died(exc, engine) from exc
    except Exception as exc:
        if type(exc).__name__ == "KilledWorker":  # dask.distributed
            raise worker_died(exc, engine) from exc
        raise
