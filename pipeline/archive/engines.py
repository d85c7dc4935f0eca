"""Engines (local processes or Dask) and the ordered stream of their outcomes."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypedDict

from ..errors import DechiffreError, Errors
from ..inputs import InputDoc, Problem, ReadOptions
from .options import BatchOptions, RunProgress, check_options, worker_deaths
from .settings import DEFAULT_MAX_CHARS
from .workers import (
    Chunk,
    ChunkResult,
    Outcome,
    PipelineInfo,
    PipelineSpec,
    WorkerStats,
    check_spec,
    get_pipeline,
    init_worker,
    problem_outcome,
    process_chunk,
    warm_pipeline,
    worker_pid,
)

if TYPE_CHECKING:
    pass

# --- engines ---------------------------------------------------------------------


class Engine(Protocol):
    """Runs chunks somewhere and hands back futures."""

    window: int

    def submit(self, chunk: Chunk) -> Any: ...

    def close(self) -> None: ...


class LocalEngine:
    """Chunks in this process (one worker) or in a pool of spawned worker processes."""

    def __init__(self, spec: PipelineSpec, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self.spec = spec if self.workers == 1 else replace(spec, threads=1)
        spec = self.spec
        self.window = 1 if self.workers == 1 else self.workers * 3
        self.pool: Any = None
        if self.workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker,
                initargs=(spec,),
            )

    def start(self) -> None:
        """Load the pipeline now (in each worker process), before any document is timed."""
        if self.pool is None:
            get_pipeline(self.spec)
            return
        pings = [self.pool.submit(worker_pid) for _ in range(self.workers)]
        for ping in pings:
            ping.result()

    def submit(self, chunk: Chunk) -> Future[ChunkResult]:
        if self.pool is not None:
            return self.pool.submit(process_chunk, self.spec, chunk)
        future: Future[ChunkResult] = Future()
        future.set_result(process_chunk(self.spec, chunk))
        return future

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Chunks as tasks on a Dask cluster: a given scheduler, or a local one started here."""

    def __init__(self, spec: PipelineSpec, workers: int = 2, scheduler: str | None = None) -> None:
        import logging

        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise DechiffreError(
                Errors.E050.format(
                    engine="dask",
                    expected="dask.distributed installed",
                    reason=str(exc),
                    fix="Install it with pip install 'dask[distributed]'.",
                )
            ) from exc
        # A local cluster runs one thread per worker; a remote one keeps its own setting.
        self.spec = spec if scheduler else replace(spec, threads=1)
        self.cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self.cluster = LocalCluster(
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            if self.cluster is not None:
                self.cluster.close()
            raise DechiffreError(
                Errors.E050.format(
                    engine="dask",
                    expected=f"a reachable scheduler at {scheduler}" if scheduler else "a cluster",
                    reason=f"{type(exc).__name__}: {exc}",
                    fix="Check --scheduler (e.g. tcp://host:8786), or omit it for a local cluster.",
                )
            ) from exc
        threads = sum(self.client.nthreads().values()) or max(1, workers)
        self.window = threads * 3

    def start(self) -> None:
        """Load the pipeline on every worker now, before any document is timed."""
        self.client.run(warm_pipeline, self.spec)

    def submit(self, chunk: Chunk) -> Any:
        return self.client.submit(process_chunk, self.spec, chunk, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(
    spec: PipelineSpec, *, engine: str = "local", workers: int = 1, scheduler: str | None = None
) -> Engine:
    """The engine named by --engine."""
    if scheduler and engine != "dask":
        raise DechiffreError(
            Errors.E049.format(
                expected="--scheduler only with --engine dask",
                got=f"--engine {engine}",
                fix="Add --engine dask, or drop --scheduler.",
            )
        )
    if engine == "local":
        return LocalEngine(spec, workers)
    if engine == "dask":
        return DaskEngine(spec, workers, scheduler)
    raise DechiffreError(
        Errors.E049.format(
            expected="--engine local or dask", got=repr(engine), fix="Pick one of the two."
        )
    )


# --- ordered streaming -------------------------------------------------------------


@dataclass
class RunStats:
    """Per-run counters that are not in the manifest: workers and timing."""

    workers: dict[int, WorkerStats] = field(default_factory=dict)
    info: PipelineInfo | None = None
    processed: int = 0
    words: int = 0
    skipped: int = 0
    documents: int = 0
    ready: float | None = None  # perf_counter() when the pipeline was loaded
    last: float | None = None  # perf_counter() at the last outcome

    def mark_ready(self) -> None:
        self.ready = time.perf_counter()

    def seconds(self) -> float:
        """Seconds from the pipeline loaded to the last outcome (the time documents took)."""
        if self.ready is None or self.last is None:
            return 0.0
        return max(self.last - self.ready, 0.0)

    def add(self, worker: WorkerStats) -> None:
        known = self.workers.get(worker.pid)
        if known is None:
            self.workers[worker.pid] = worker
            return
        known.chunks += 1
        known.documents += worker.documents
        known.loads = max(known.loads, worker.loads)
        known.peak_rss_mb = max(known.peak_rss_mb, worker.peak_rss_mb)
        known.cpu_seconds = max(known.cpu_seconds, worker.cpu_seconds)


def work_units(
    items: Iterable[tuple[int, InputDoc | Problem]],
    *,
    batch_size: int,
    max_chars: int,
    provenance: bool,
    languages: tuple[str, ...] = (),
) -> Iterator[Chunk | Outcome]:
    """Chunks of consecutive documents, and problems as ready outcomes, in input order."""
    buf: list[tuple[int, InputDoc]] = []
    chars = 0
    cap = max(max_chars, 250_000)

    def flush() -> Chunk:
        nonlocal buf, chars
        chunk = Chunk(tuple(buf), max_chars, batch_size, provenance, languages)
        buf, chars = [], 0
        return chunk

    for ordinal, item in items:
        if isinstance(item, Problem):
            if buf:
                yield flush()
            yield problem_outcome(ordinal, item)
            continue
        buf.append((ordinal, item))
        chars += len(item.text)
        if len(buf) >= batch_size or chars >= cap:
            yield flush()
    if buf:
        yield flush()


def ordered_outcomes(
    units: Iterable[Chunk | Outcome],
    engine: Engine,
    stats: RunStats,
    *,
    expect_hash: str | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order, with at most a window of chunks in flight."""
    pending: deque[Outcome | Any] = deque()
    in_flight = 0

    def pop() -> Iterator[Outcome]:
        nonlocal in_flight
        head = pending.popleft()
        if isinstance(head, Outcome):
            yield head
            return
        in_flight -= 1
        result: ChunkResult = head.result()
        worker = result.worker
        if stats.info is None:
            stats.info = PipelineInfo(worker.version, worker.config_hash)
        want = expect_hash or stats.info.config_hash
        if worker.config_hash != want:
            raise DechiffreError(
                Errors.E048.format(
                    path="the output directory",
                    what="pipeline config",
                    reason=f"config hash {worker.config_hash} where {want} was expected",
                )
            )
        stats.add(worker)
        yield from result.outcomes

    for unit in units:
        if isinstance(unit, Chunk):
            pending.append(engine.submit(unit))
            in_flight += 1
        else:
            pending.append(unit)
        while pending and (
            in_flight > engine.window
            or len(pending) > engine.window * 64
            or isinstance(pending[0], Outcome)
            or pending[0].done()
        ):
            yield from pop()
    while pending:
        yield from pop()


def iter_outcomes(
    paths: Iterable[str],
    engine: Engine,
    stats: RunStats,
    *,
    read: ReadOptions | None = None,
    text_field: str = "text",
    id_field: str = "id",
    batch_size: int = 32,
    max_chars: int = DEFAULT_MAX_CHARS,
    languages: tuple[str, ...] = (),
    provenance: bool = False,
    skip: Callable[[int], bool] | None = None,
    on_total: Callable[[int], None] | None = None,
    expect_hash: str | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Outcome]:
    """Every input item's outcome, in input order (the single-output-file mode)."""
    from ..archive_inputs import read_archive

    read = read or ReadOptions.make(text_field, id_field)
    exclude = list(exclude)

    def numbered() -> Iterator[tuple[int, InputDoc | Problem]]:
        count = 0
        for ordinal, item in enumerate(read_archive(paths, options=read, exclude=exclude)):
            count = ordinal + 1
            if skip is not None and skip(ordinal):
                stats.skipped += 1
                continue
            yield ordinal, item
        if on_total is not None:
            on_total(count)

    units = work_units(
        numbered(),
        batch_size=batch_size,
        max_chars=max_chars,
        provenance=provenance,
        languages=languages,
    )
    for outcome in ordered_outcomes(units, engine, stats, expect_hash=expect_hash):
        stats.processed += 1
        stats.words += outcome.words
        stats.documents += outcome.document
        stats.last = time.perf_counter()
        yield outcome


def stream_outcomes(
    paths: list[str],
    *,
    spec: PipelineSpec,
    options: BatchOptions,
    stats: RunStats,
    progress: RunProgress | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Outcome]:
    """Every input item's outcome in input order, the engine started and closed here.

    The single-output-file mode: no shards, no resume. Raises DechiffreError for a
    usage error and WorkerDiedError when a worker process dies.
    """
    check_options(options, paths, resume=False)
    check_spec(spec)
    engine = make_engine(
        spec, engine=options.engine, workers=options.workers, scheduler=options.scheduler
    )
    try:
        with worker_deaths(options.engine):
            start = getattr(engine, "start", None)
            if start is not None:
                start()
            stats.mark_ready()
            if progress is not None:
                progress.ready()
            for outcome in iter_outcomes(
                paths, engine, stats, **outcome_options(options), exclude=exclude
            ):
                yield outcome
                stats.last = time.perf_counter()
                if progress is not None:
                    progress.advance(1, outcome.words, int(outcome.document))
    finally:
        engine.close()


class OutcomeOptions(TypedDict):
    """The keywords of :func:`iter_outcomes` that a run's :class:`BatchOptions` set."""

    read: ReadOptions
    batch_size: int
    max_chars: int
    languages: tuple[str, ...]


def outcome_options(options: BatchOptions) -> OutcomeOptions:
    """How to read and chunk the inputs, from a run's options: ``iter_outcomes(..., **these)``."""
    return OutcomeOptions(
        read=options.read_options(),
        batch_size=options.batch_size,
        max_chars=options.max_chars,
        languages=options.languages,
    )
