"""A whole archive run: options, resume checks, shards written in order, the summary."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import DechiffreError, Errors
from .engines import Engine, RunStats, iter_outcomes, make_engine, outcome_options
from .options import BatchOptions, RunProgress, check_options, worker_deaths, worker_died
from .settings import (
    CLAIMS_DIR,
    DOCUMENTS_DIR,
    ERRORS,
    ERRORS_DIR,
    EXIT_INPUT_ERRORS,
    EXIT_OK,
    MANIFEST_FORMAT,
    SPANS_DIR,
)
from .shards import OpenShard, atomic_write, manifest_totals, now_iso, read_manifest, write_manifest
from .workers import PipelineSpec, WorkerStats, check_spec

if TYPE_CHECKING:
    pass

# --- the run -----------------------------------------------------------------------




RESUME_KEYS = (
    "text_field",
    "id_field",
    "encoding",
    "id_scheme",
    "shard_size",
    "max_chars",
    "formats",
    "pipeline",
    "languages",
)


@dataclass
class BatchSummary:
    """What a sharded run produced, over the whole job (resumed shards included)."""

    output_dir: Path
    totals: dict[str, Any]
    complete: bool
    elapsed: float
    processed: int
    words_processed: int
    resumed_items: int
    workers: list[WorkerStats]
    pipeline: dict[str, str] | None
    documents_processed: int = 0
    processing_seconds: float = 0.0  # from the pipeline loaded to the last shard written

    @property
    def documents_per_second(self) -> float:
        """Documents through the pipeline per second this run: the progress bar's rate."""
        return rate(self.documents_processed, self.processing_seconds)

    @property
    def duplicates(self) -> int:
        return int(self.totals["errors"].get("duplicate_id", 0))

    @property
    def n_errors(self) -> int:
        return sum(self.totals["errors"].values())

    @property
    def n_warnings(self) -> int:
        return sum(self.totals["warnings"].values())

    @property
    def exit_code(self) -> int:
        """0 when every input item became a document, 1 when any was an error."""
        return EXIT_INPUT_ERRORS if self.n_errors else EXIT_OK


def rate(count: float, seconds: float) -> float:
    """count per second (0 before any time has passed)."""
    return count / seconds if seconds > 0 else 0.0




def _manifest_for(
    paths: list[str], spec: PipelineSpec, options: BatchOptions, output_dir: Path
) -> dict[str, Any]:
    from .. import __version__
    from ..archive_inputs import inputs_fingerprint

    return {
        "format": MANIFEST_FORMAT,
        "tool": f"dechiffre {__version__}",
        "created": now_iso(),
        "updated": now_iso(),
        "complete": False,
        "inputs": inputs_fingerprint(paths, exclude=[output_dir]),
        "options": {
            "text_field": options.text_field,
            "id_field": options.id_field,
            "encoding": options.encoding,
            "id_scheme": options.id_scheme,
            "shard_size": options.shard_size,
            "max_chars": options.max_chars,
            "formats": list(options.formats),
            "pipeline": spec.label(),
            "languages": ",".join(options.languages) or None,
        },
        "pipeline": None,
        "shards": [],
        "totals": None,
    }


def _check_resume(out_dir: Path, old: dict[str, Any], new: dict[str, Any]) -> None:
    if old.get("format") != MANIFEST_FORMAT:
        raise DechiffreError(
            Errors.E048.format(
                path=out_dir, what="manifest format", reason=f"format {old.get('format')!r}"
            )
        )
    for key in RESUME_KEYS:
        if old["options"].get(key) != new["options"].get(key):
            raise DechiffreError(
                Errors.E048.format(
                    path=out_dir,
                    what=f"option {key}",
                    reason=f"{new['options'].get(key)!r} where the run had "
                    f"{old['options'].get(key)!r}",
                )
            )
    was, now = old["inputs"], new["inputs"]
    if was != now:
        raise DechiffreError(
            Errors.E048.format(
                path=out_dir,
                what="input files (paths, sizes, modification times)",
                reason=f"{now['files']} files of {now['bytes']} bytes from {now['paths']} where "
                f"the run had {was['files']} files of {was['bytes']} bytes from {was['paths']}"
                + (" (same counts, other contents)" if was["files"] == now["files"] else ""),
            )
        )


_SHARD_FILE = re.compile(
    rf"shard-\d{{5}}\.jsonl|{SPANS_DIR}/spans-\d{{5}}\.parquet"
    rf"|{DOCUMENTS_DIR}/documents-\d{{5}}\.parquet|{CLAIMS_DIR}/claims-\d{{5}}\.parquet"
    rf"|{ERRORS_DIR}/errors-\d{{5}}\.jsonl"
)


def _clean_stale(out_dir: Path, manifest: dict[str, Any]) -> None:
    """Remove temporary files and shard files that the manifest does not list."""
    keep = {name for shard in manifest["shards"] for name in shard["files"].values()}
    folders = (SPANS_DIR, DOCUMENTS_DIR, CLAIMS_DIR, ERRORS_DIR)
    for folder in (out_dir, *(out_dir / name for name in folders)):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            name = path.relative_to(out_dir).as_posix()
            stale = _SHARD_FILE.fullmatch(name) and name not in keep
            if path.is_file() and (name.endswith(".tmp") or stale):
                path.unlink()


def _prepare_output(output_dir: Path, formats: tuple[str, ...]) -> None:
    """Create the output folders and check that they can be written (E203 if not)."""
    tables = [SPANS_DIR, DOCUMENTS_DIR, CLAIMS_DIR]
    folders = [ERRORS_DIR] + (tables if "parquet" in formats else [])
    with _writing(output_dir, "output directory"):
        output_dir.mkdir(parents=True, exist_ok=True)
        for name in folders:
            (output_dir / name).mkdir(exist_ok=True)
        probe = output_dir / f".dechiffre-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()


@contextmanager
def _writing(path: Path, what: str) -> Iterator[None]:
    """Turn an OSError while writing outputs into a clear error (E203)."""
    try:
        yield
    except OSError as exc:
        reason = f"{type(exc).__name__}: {exc.strerror or exc}"
        if exc.filename:
            reason += f" ({exc.filename})"
        raise DechiffreError(Errors.E203.format(path=path, what=what, reason=reason)) from exc






def run_batch(
    paths: list[str],
    output_dir: Path,
    *,
    spec: PipelineSpec | None = None,
    options: BatchOptions | None = None,
    resume: bool = False,
    progress: RunProgress | None = None,
    engine: Engine | None = None,
) -> BatchSummary:
    """Extract from inputs into sharded outputs in output_dir; resumable after any kill.

    Raises DechiffreError for a usage error (bad options, an unwritable output,
    a run that cannot resume) and WorkerDiedError when a worker process dies.
    """
    spec = spec or PipelineSpec()
    options = options or BatchOptions()
    from ..archive_inputs import check_output_apart

    check_options(options, paths, resume)
    check_output_apart(paths, output_dir)
    check_spec(spec)
    started = time.perf_counter()
    _prepare_output(output_dir, options.formats)
    manifest = _manifest_for(paths, spec, options, output_dir)
    old = read_manifest(output_dir)
    if old is not None and not resume:
        raise DechiffreError(Errors.E047.format(path=output_dir))
    if old is not None:
        _check_resume(output_dir, old, manifest)
        manifest = old
    own_engine = engine is None
    engine = engine or make_engine(  # before the manifest: a failed start leaves no run behind
        spec, engine=options.engine, workers=options.workers, scheduler=options.scheduler
    )
    try:
        with _writing(output_dir, "output directory"):
            _clean_stale(output_dir, manifest)
            write_manifest(output_dir, manifest)
        start = getattr(engine, "start", None)
        if start is not None:
            start()
    except BrokenExecutor as exc:
        if own_engine:
            engine.close()
        raise worker_died(exc, options.engine) from exc
    except BaseException:
        if own_engine:
            engine.close()
        raise
    shard_size = options.shard_size
    committed = {shard["index"] for shard in manifest["shards"]}
    expect_hash = (manifest.get("pipeline") or {}).get("config_hash")
    stats = RunStats()
    stats.mark_ready()
    if progress is not None:
        progress.ready()
    total = {"items": 0}

    def skip(ordinal: int) -> bool:
        if ordinal // shard_size in committed:
            if progress is not None:
                progress.advance(1, 0, 0)
            return True
        return False

    def set_total(count: int) -> None:
        total["items"] = count

    def commit(shard: OpenShard, end: int) -> None:
        with _writing(output_dir, "output directory"):
            record = shard.commit(end, shard_size)
            if manifest["pipeline"] is None and stats.info is not None:
                manifest["pipeline"] = {
                    "version": stats.info.version,
                    "config_hash": stats.info.config_hash,
                }
            manifest["shards"].append(record)
            manifest["shards"].sort(key=lambda s: s["index"])
            write_manifest(output_dir, manifest)

    shard: OpenShard | None = None
    try:
        with worker_deaths(options.engine):
            outcomes = iter_outcomes(
                paths,
                engine,
                stats,
                **outcome_options(options),
                provenance=True,
                skip=skip,
                on_total=set_total,
                expect_hash=expect_hash,
                exclude=[output_dir],
            )
            for outcome in outcomes:
                index = outcome.ordinal // shard_size
                if shard is not None and shard.index != index:
                    commit(shard, (shard.index + 1) * shard_size)
                    shard = None
                with _writing(output_dir, "output directory"):
                    if shard is None:
                        shard = OpenShard(output_dir, index, options.formats)
                    shard.add(outcome)
                stats.last = time.perf_counter()  # the bar's clock and the summary's agree
                if progress is not None:
                    progress.advance(1, outcome.words, int(outcome.document))
            if shard is not None:
                commit(shard, total["items"])
                shard = None
    finally:
        if shard is not None:
            shard.abandon()
        if own_engine:
            engine.close()
    with _writing(output_dir, "output directory"):
        _finish(output_dir, manifest)
    return BatchSummary(
        output_dir=output_dir,
        totals=manifest["totals"],
        complete=True,
        elapsed=time.perf_counter() - started,
        processed=stats.processed,
        words_processed=stats.words,
        resumed_items=stats.skipped,
        workers=sorted(stats.workers.values(), key=lambda w: w.pid),
        pipeline=manifest["pipeline"],
        documents_processed=stats.documents,
        processing_seconds=stats.seconds(),
    )


def _finish(output_dir: Path, manifest: dict[str, Any]) -> None:
    """Merge the shards' errors into errors.jsonl and mark the run complete."""

    def write(handle: IO[bytes]) -> None:
        for shard in manifest["shards"]:
            with (output_dir / shard["files"]["errors"]).open("rb") as part:
                for line in part:
                    handle.write(line)

    atomic_write(output_dir / ERRORS, write)
    manifest["totals"] = manifest_totals(manifest)
    manifest["complete"] = True
    write_manifest(output_dir, manifest)
