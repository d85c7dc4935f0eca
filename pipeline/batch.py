"""Archive-scale extraction: streaming, worker processes or Dask, sharded outputs, resume.

A run reads its inputs in a fixed order and numbers every item (document or
problem) with an *ordinal*. Shard ``k`` holds ordinals ``[k*S, (k+1)*S)``;
it is written to temporary files, fsynced, renamed, and only then listed in
``manifest.json`` (itself replaced atomically). A killed run is resumed by
skipping the shards the manifest lists and redoing the rest, so every input
item lands exactly once.

This module keeps its top-level imports light: worker processes import it
before they load a pipeline.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import resource
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import BrokenExecutor, Future
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, TypedDict

from .claim_rows import claim_rows, claim_schema
from .errors import DechiffreError, Errors, Warnings, WorkerDiedError
from .inputs import DEFAULT_ENCODINGS, InputDoc, Problem, ReadOptions
from .language import FRENCH, LanguageGuess, detect_language

if TYPE_CHECKING:
    import pyarrow as pa
    from spacy.language import Language
    from spacy.tokens import Doc

MANIFEST = "manifest.json"
ERRORS = "errors.jsonl"
SPANS_DIR = "spans"
DOCUMENTS_DIR = "documents"
CLAIMS_DIR = "claims"
ERRORS_DIR = "errors"
MANIFEST_FORMAT = 3  # 3: a claims table beside spans and documents
# exit codes of `dechiffre extract`
EXIT_OK = 0
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2
EXIT_WORKER_DIED = 3
# Documents longer than this are cut on sentence ends and processed in pieces. Peak
# memory follows the longest piece (benchmarks/long_documents.py, default pipeline, a
# 1 MB document: 1,783 MB with pieces of 100,000 characters, 1,493 MB with 25,000), so
# this keeps a process under the 1.5 GB of the README for any document size.
DEFAULT_MAX_CHARS = 20_000
DEFAULT_SHARD_SIZE = 1000
FORMATS = ("jsonl", "parquet")
ERROR_KINDS = {
    "invalid_utf8",
    "empty",
    "malformed",
    "html_only",
    "duplicate_id",
    "unreadable_file",
    "unsupported_file",
    "corrupt_file",
    "pipeline_error",
    "truncated_record",
    "broken_link",
    "language",
}
WARNING_KINDS = {
    "split",
    "not_text",
    "encoding_fallback",
    "directory_seen",
    "long_token",
    "other_language",
}
# A run of more characters than this without a space is no word, name or amount (the
# longest organisation name in the knowledge base has 102 characters, a URL rarely 500):
# it is base64, a hash or a broken file. It is not given to the pipeline, whose
# tokenizer is quadratic in a token's length, and it is reported (long_token, W250).
MAX_TOKEN_CHARS = 1_000
# Characters given to one nlp.pipe batch when --max-chars is 0: memory grows with the
# text of a batch, not with the number of documents in it (otherwise --max-chars is the
# budget, so that one option bounds both the pieces and the batches).
BATCH_CHARS = 100_000
_LONG_TOKEN = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS + 1},}}")
# sentence ends (with closing quotes) followed by space, and paragraph breaks
_BOUNDARY = re.compile(r"[.!?…][»\"”’)\]]*\s+(?![\sa-zà-ÿ])|\n[ \t]*\n\s*")


# --- the pipeline, loaded once per process ------------------------------------


@dataclass(frozen=True)
class PipelineSpec:
    """Which pipeline to run: a saved pipeline directory, or None for the default.

    ``threads`` > 0 caps the token classifier's CPU threads (1 in worker
    processes, whose parallelism is the processes); 0 leaves the runtime's default.
    """

    path: str | None = None
    threads: int = 0

    def label(self) -> str:
        return self.path or "default"


@dataclass(frozen=True)
class PipelineInfo:
    """What goes into provenance: the pipeline's version and its config hash."""

    version: str
    config_hash: str


_PIPELINES: dict[PipelineSpec, tuple[Language, PipelineInfo]] = {}
_LOADS: Counter[PipelineSpec] = Counter()
_LOAD_SECONDS: dict[PipelineSpec, float] = {}
_LOCK = threading.Lock()


def get_pipeline(spec: PipelineSpec) -> tuple[Language, PipelineInfo]:
    """The pipeline for a spec, loaded on first use in this process and cached."""
    with _LOCK:
        if spec not in _PIPELINES:
            start = time.perf_counter()
            nlp = _load(spec)
            _PIPELINES[spec] = (nlp, pipeline_info(nlp))
            _LOADS[spec] += 1
            _LOAD_SECONDS[spec] = time.perf_counter() - start
        return _PIPELINES[spec]


def _load(spec: PipelineSpec) -> Language:
    from .extract import load_pipeline

    if spec.path is not None:
        config = Path(spec.path) / "config.cfg"
        if config.is_file() and "dechiffre_token_classifier" in config.read_text("utf-8"):
            from . import token_classifier  # noqa: F401  (registers its factory)
    nlp = load_pipeline(spec.path)
    if spec.threads > 0 and "dechiffre_token_classifier" in nlp.factory_names:
        from .token_classifier import set_threads

        set_threads(nlp, spec.threads)
    return nlp


def pipeline_info(nlp: Language) -> PipelineInfo:
    """The version string and config hash of a loaded pipeline."""
    import spacy

    from . import __version__

    meta = nlp.meta
    version = (
        f"dechiffre {__version__}; {meta.get('lang')}_{meta.get('name')} "
        f"{meta.get('version')}; spacy {spacy.__version__}"
    )
    digest = hashlib.sha256(nlp.config.to_str().encode("utf-8")).hexdigest()[:16]
    return PipelineInfo(version, f"sha256:{digest}")


def check_spec(spec: PipelineSpec) -> None:
    """Fail early, in the main process, on a pipeline path that cannot load anywhere."""
    from .extract import NAMED_PIPELINES

    if spec.path is None or spec.path in NAMED_PIPELINES or Path(spec.path).is_dir():
        return
    import importlib.util

    try:
        found = importlib.util.find_spec(spec.path.replace("-", "_")) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise DechiffreError(
            Errors.E030.format(
                path=spec.path, reason="neither a directory nor an installed package"
            )
        )


def _warm_pipeline(spec: PipelineSpec) -> int:
    """Load the pipeline in this (worker) process; returns the process id."""
    get_pipeline(spec)
    return os.getpid()


def _worker_pid() -> int:
    """A no-op task: returns once the worker process has loaded its pipeline."""
    return os.getpid()


def _init_worker(spec: PipelineSpec) -> None:
    """Process-pool initializer: one thread, Ctrl-C left to the parent, pipeline loaded."""
    import signal

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    get_pipeline(spec)


# --- giant documents -----------------------------------------------------------


def split_bounds(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Pieces ``(start, end)`` of at most max_chars, cut at sentence ends when there are any."""
    n = len(text)
    if max_chars <= 0 or n <= max_chars:
        return [(0, n)]
    cuts = [m.end() for m in _BOUNDARY.finditer(text)]
    bounds: list[tuple[int, int]] = []
    start = 0
    while n - start > max_chars:
        limit = start + max_chars
        idx = bisect.bisect_right(cuts, limit) - 1
        if idx >= 0 and cuts[idx] > start:
            cut = cuts[idx]
        else:  # a sentence longer than max_chars: cut after the last newline or space
            space = max(text.rfind("\n", start + 1, limit), text.rfind(" ", start + 1, limit))
            cut = space + 1 if space > start else limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


@dataclass(frozen=True)
class PiecePlan:
    """What of a document goes through the pipeline: pieces, and the long runs left out."""

    pieces: list[tuple[int, int]]
    skipped: list[tuple[int, int]]
    cut: bool = False  # some part was longer than max_chars and cut (the split warning)


def plan_pieces(text: str, max_chars: int) -> PiecePlan:
    """Pieces ``(start, end)`` to process: the text less runs of over MAX_TOKEN_CHARS
    characters without a space, cut into pieces of at most max_chars (split_bounds)."""
    if len(text) <= MAX_TOKEN_CHARS:
        return PiecePlan([(0, len(text))], [])
    skipped = [m.span() for m in _LONG_TOKEN.finditer(text)]
    if not skipped:
        pieces = split_bounds(text, max_chars)
        return PiecePlan(pieces, [], len(pieces) > 1)
    pieces = []
    cut = False
    start = 0
    for gap_start, gap_end in [*skipped, (len(text), len(text))]:
        part = text[start:gap_start]
        if part.strip():
            bounds = split_bounds(part, max_chars)
            cut = cut or len(bounds) > 1
            pieces.extend((start + a, start + b) for a, b in bounds)
        start = gap_end
    return PiecePlan(pieces, skipped, cut)


def char_batches(
    pieces: list[tuple[int, int, int]], batch_size: int, budget: int = BATCH_CHARS
) -> Iterator[list[tuple[int, int, int]]]:
    """Consecutive ``(doc, start, end)`` pieces, at most batch_size and budget characters a batch.

    A piece longer than the budget goes alone. Results do not depend on the batches
    (each document is processed on its own), only the peak memory does.
    """
    batch: list[tuple[int, int, int]] = []
    chars = 0
    for piece in pieces:
        size = piece[2] - piece[1]
        if batch and (len(batch) >= batch_size or chars + size > budget):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += size
    if batch:
        yield batch


def annotate_pieces(
    nlp: Language,
    texts: Sequence[str],
    plans: Sequence[PiecePlan],
    *,
    batch_size: int,
    max_chars: int,
    make_doc: Callable[[int, str], Doc] | None = None,
) -> list[list[dict[str, Any]]]:
    """Span records of each text, its pieces processed apart and stitched by offset.

    A batch holds at most max_chars characters (BATCH_CHARS when max_chars is 0).
    """
    from ..evaluation.gold import LABELS
    from .records import span_record

    spans: list[list[dict[str, Any]]] = [[] for _ in texts]
    pieces = [(i, start, end) for i, plan in enumerate(plans) for start, end in plan.pieces]
    for batch in char_batches(pieces, batch_size, max_chars if max_chars > 0 else BATCH_CHARS):
        with nlp.memory_zone():
            items: list[tuple[Any, tuple[int, int]]] = [
                (
                    texts[i][start:end] if make_doc is None else make_doc(i, texts[i][start:end]),
                    (i, start),
                )
                for i, start, end in batch
            ]
            for doc, (i, offset) in nlp.pipe(items, as_tuples=True, batch_size=len(batch)):
                for ent in doc.ents:
                    if ent.label_ in LABELS:
                        span = span_record(ent)
                        span["start"] += offset
                        span["end"] += offset
                        spans[i].append(span)
    for found in spans:
        found.sort(key=lambda s: (s["start"], s["end"]))
    return spans


def long_token_reason(doc: InputDoc, skipped: list[tuple[int, int]]) -> str:
    """W250 for a document's runs left out."""
    longest = max(end - start for start, end in skipped)
    return Warnings.W250.format(
        path=doc.source,
        line=doc.line,
        doc_id=doc.id,
        count=len(skipped),
        max_token=MAX_TOKEN_CHARS,
        longest=longest,
        first=skipped[0][0],
    )


def language_reason(doc: InputDoc, guess: LanguageGuess, languages: Sequence[str]) -> str:
    """E250 (skipped, with languages) or W251 (tagged) for a document not in French."""
    if languages:
        return Errors.E250.format(
            path=doc.source,
            line=doc.line,
            doc_id=doc.id,
            lang=guess.code,
            percent=guess.percent,
            languages=",".join(languages),
        )
    return Warnings.W251.format(
        path=doc.source, line=doc.line, doc_id=doc.id, lang=guess.code, percent=guess.percent
    )


def kept_language(guess: LanguageGuess, languages: Sequence[str]) -> bool:
    """Whether a document is processed: no languages asked for, or its language is one.

    A guess that is not reliable counts as French.
    """
    if not languages:
        return True
    return (guess.code if guess.other else FRENCH) in languages


# --- work units ------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """Documents sent to a worker in one task, with their ordinals."""

    items: tuple[tuple[int, InputDoc], ...]
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = 32
    provenance: bool = True
    languages: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What became of one input item: a record, and any errors or warnings."""

    ordinal: int
    source: str
    position: int
    doc_id: str | None
    record: dict[str, Any] | None = None
    entries: list[dict[str, Any]] = field(default_factory=list)
    words: int = 0
    document: bool = False  # went through the pipeline (output, or a pipeline error)


@dataclass
class WorkerStats:
    """One worker process: how often it loaded the pipeline, and its peak memory."""

    pid: int
    loads: int
    load_seconds: float
    peak_rss_mb: float
    version: str
    config_hash: str
    chunks: int = 1
    documents: int = 0
    cpu_seconds: float = 0.0


@dataclass
class ChunkResult:
    """A worker's answer for one chunk."""

    outcomes: list[Outcome]
    worker: WorkerStats


def entry(
    kind: str, source: str, position: int, doc_id: str | None, reason: str, **extra: Any
) -> dict[str, Any]:
    """One line of errors.jsonl."""
    level = "warning" if kind in WARNING_KINDS else "error"
    return {
        "kind": kind,
        "level": level,
        "source": source,
        "position": position,
        "doc_id": doc_id,
        "reason": reason,
        **extra,
    }


def problem_outcome(ordinal: int, problem: Problem) -> Outcome:
    """The outcome of an input item that could not be read."""
    kind = problem.kind
    return Outcome(
        ordinal,
        problem.source,
        problem.line,
        problem.doc_id,
        entries=[entry(kind, problem.source, problem.line, problem.doc_id, problem.reason)],
    )


def process_chunk(spec: PipelineSpec, chunk: Chunk) -> ChunkResult:
    """Run the (cached) pipeline over a chunk; giant documents are split and stitched."""
    nlp, info = get_pipeline(spec)
    docs = [doc for _, doc in chunk.items]
    guesses = [detect_language(doc.text) for doc in docs]
    kept = [i for i, g in enumerate(guesses) if kept_language(g, chunk.languages)]
    plans = {i: plan_pieces(docs[i].text, chunk.max_chars) for i in kept}
    spans: dict[int, list[dict[str, Any]]] = {}
    failed: dict[int, str] = {}

    def run(indices: list[int]) -> None:
        found = annotate_pieces(
            nlp,
            [docs[i].text for i in indices],
            [plans[i] for i in indices],
            batch_size=chunk.batch_size,
            max_chars=chunk.max_chars,
        )
        spans.update(zip(indices, found, strict=True))

    try:
        run(kept)
    except Exception:  # find the document(s) at fault, keep the others
        spans.clear()
        for i in kept:
            try:
                run([i])
            except Exception as exc:
                spans[i] = []
                failed[i] = f"{type(exc).__name__}: {exc}"
    outcomes = []
    for i, (ordinal, doc) in enumerate(chunk.items):
        words = len(doc.text.split())
        outcome = Outcome(ordinal, doc.source, doc.line, doc.id, words=words, document=True)
        outcome.entries.extend(
            entry(n.kind, n.source, n.line, n.doc_id, n.reason) for n in doc.notes
        )
        guess = guesses[i]
        if i not in plans:  # not in one of chunk.languages: skipped, not output
            reason = language_reason(doc, guess, chunk.languages)
            outcome.entries.append(
                entry("language", doc.source, doc.line, doc.id, reason, lang=guess.code)
            )
            outcome.words = 0
            outcome.document = False
            outcomes.append(outcome)
            continue
        if guess.other:
            reason = language_reason(doc, guess, ())
            outcome.entries.append(
                entry("other_language", doc.source, doc.line, doc.id, reason, lang=guess.code)
            )
        if plans[i].skipped:
            outcome.entries.append(
                entry(
                    "long_token",
                    doc.source,
                    doc.line,
                    doc.id,
                    long_token_reason(doc, plans[i].skipped),
                    skipped=[list(b) for b in plans[i].skipped],
                )
            )
        if i in failed:
            reason = Errors.E046.format(
                path=doc.source, line=doc.line, doc_id=doc.id, reason=failed[i]
            )
            outcome.entries.append(entry("pipeline_error", doc.source, doc.line, doc.id, reason))
            outcome.words = 0
            outcomes.append(outcome)
            continue
        meta = dict(doc.meta)
        if guess.other:
            meta.setdefault("lang", guess.code)
        split = None
        pieces = plans[i].pieces
        if plans[i].cut:
            split = {"max_chars": chunk.max_chars, "pieces": [list(b) for b in pieces]}
            reason = Errors.E042.format(
                path=doc.source,
                line=doc.line,
                doc_id=doc.id,
                chars=len(doc.text),
                max_chars=chunk.max_chars,
                pieces=len(pieces),
            )
            outcome.entries.append(
                entry("split", doc.source, doc.line, doc.id, reason, split=split)
            )
        if chunk.provenance:
            prov: dict[str, Any] = {
                "source": doc.source,
                "position": doc.line,
                "pipeline_version": info.version,
                "config_hash": info.config_hash,
            }
            if split:
                prov["split"] = split
            meta["provenance"] = prov
        record: dict[str, Any] = {"id": doc.id, "text": doc.text}
        if meta:
            record["meta"] = meta
        record["spans"] = spans.get(i, [])
        outcome.record = record
        outcomes.append(outcome)
    worker = WorkerStats(
        pid=os.getpid(),
        loads=_LOADS[spec],
        load_seconds=_LOAD_SECONDS.get(spec, 0.0),
        peak_rss_mb=peak_rss_mb(),
        version=info.version,
        config_hash=info.config_hash,
        documents=len(docs),
        cpu_seconds=cpu_seconds(),
    )
    return ChunkResult(outcomes, worker)


def cpu_seconds() -> float:
    """CPU time (user and system) this process has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux VmHWM, else ru_maxrss)."""
    # ru_maxrss carries the parent's peak across fork and exec; VmHWM starts afresh at exec
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
                initializer=_init_worker,
                initargs=(spec,),
            )

    def start(self) -> None:
        """Load the pipeline now (in each worker process), before any document is timed."""
        if self.pool is None:
            get_pipeline(self.spec)
            return
        pings = [self.pool.submit(_worker_pid) for _ in range(self.workers)]
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
        self.client.run(_warm_pipeline, self.spec)

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
    from .archive_inputs import read_archive

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
    _check_options(options, paths, resume=False)
    check_spec(spec)
    engine = make_engine(
        spec, engine=options.engine, workers=options.workers, scheduler=options.scheduler
    )
    try:
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
    except BrokenExecutor as exc:
        raise _worker_died(exc, options.engine) from exc
    except Exception as exc:
        if type(exc).__name__ == "KilledWorker":  # dask.distributed
            raise _worker_died(exc, options.engine) from exc
        raise
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


# --- atomic files ------------------------------------------------------------------


def atomic_write(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write a file through a temporary file, fsync it, and rename it into place."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Make renames in a directory durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _json_line(obj: Any) -> bytes:
    return json_bytes(obj) + b"\n"


def json_bytes(obj: Any, indent: int | None = None) -> bytes:
    """UTF-8 JSON; strings that UTF-8 cannot hold (lone surrogates) are escaped."""
    try:
        return json.dumps(obj, ensure_ascii=False, indent=indent).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj, indent=indent).encode("ascii")


# --- Parquet ---------------------------------------------------------------------

# metadata fields that get a column of their own in the documents table (all of meta is in "meta")
DOCUMENT_META_COLUMNS = ("url", "date", "title", "headline", "category", "lang")


def span_schema() -> pa.Schema:
    """Columns of the spans Parquet files: one row per span."""
    import pyarrow as pa

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("input_file", pa.string()),
            ("input_position", pa.int64()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("label", pa.string()),
            ("text", pa.string()),
            ("kb_id", pa.string()),
            ("value", pa.float64()),
            ("value_max", pa.float64()),
            ("unit", pa.string()),
            ("modifier", pa.string()),
            ("object", pa.string()),
            ("span_origin", pa.string()),
        ]
    )


def document_schema() -> pa.Schema:
    """Columns of the documents Parquet files: one row per output document."""
    import pyarrow as pa

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("input_file", pa.string()),
            ("input_position", pa.int64()),
            ("chars", pa.int64()),
            ("words", pa.int64()),
            ("org_spans", pa.int64()),
            ("quantity_spans", pa.int64()),
            ("split_pieces", pa.int64()),
            *[(f"meta_{name}", pa.string()) for name in DOCUMENT_META_COLUMNS],
            ("meta", pa.string()),
        ]
    )


def span_rows(record: dict[str, Any], source: str, position: int) -> list[dict[str, Any]]:
    """Flat rows for a record's spans."""
    text = record["text"]
    rows = []
    for span in record["spans"]:
        value, value_max = span.get("value"), span.get("value_max")
        rows.append(
            {
                "doc_id": record["id"],
                "input_file": source,
                "input_position": position,
                "start": span["start"],
                "end": span["end"],
                "label": span["label"],
                "text": span.get("text", text[span["start"] : span["end"]]),
                "kb_id": span.get("kb_id"),
                "value": _float(value),
                "value_max": _float(value_max),
                "unit": span.get("unit"),
                "modifier": span.get("modifier"),
                "object": span.get("object"),
                "span_origin": span.get("source"),
            }
        )
    return rows


def _float(value: Any) -> float | None:
    """A span value as a float column; a value beyond float range is null (the JSONL keeps it)."""
    try:
        return None if value is None else float(value)
    except OverflowError:
        return None


def document_row(record: dict[str, Any], source: str, position: int, words: int) -> dict[str, Any]:
    """One row of the documents table: where the document came from, its size, spans and meta."""
    meta = dict(record.get("meta") or {})
    split = (meta.pop("provenance", None) or {}).get("split")
    labels = Counter(s["label"] for s in record["spans"])
    row: dict[str, Any] = {
        "doc_id": record["id"],
        "input_file": source,
        "input_position": position,
        "chars": len(record["text"]),
        "words": words,
        "org_spans": labels["ORG"],
        "quantity_spans": labels["QUANTITY"],
        "split_pieces": len(split["pieces"]) if split else 1,
    }
    for name in DOCUMENT_META_COLUMNS:
        value = meta.get(name)
        row[f"meta_{name}"] = None if value is None else str(value)
    row["meta"] = json_bytes(meta).decode("utf-8") if meta else None
    return row


# --- shards and the manifest -------------------------------------------------------


def shard_names(index: int) -> dict[str, str]:
    """File names of a shard, relative to the output directory.

    The Parquet tables live in folders of their own, so that ``pd.read_parquet(out / "spans")``
    or ``duckdb 'out/spans/*.parquet'`` reads one table.
    """
    return {
        "jsonl": f"shard-{index:05d}.jsonl",
        "parquet": f"{SPANS_DIR}/spans-{index:05d}.parquet",
        "documents": f"{DOCUMENTS_DIR}/documents-{index:05d}.parquet",
        "claims": f"{CLAIMS_DIR}/claims-{index:05d}.parquet",
        "errors": f"{ERRORS_DIR}/errors-{index:05d}.jsonl",
    }


class _OpenShard:
    """A shard being filled: JSONL streamed to a temporary file, table rows in memory."""

    def __init__(self, out_dir: Path, index: int, formats: tuple[str, ...]) -> None:
        self.out_dir = out_dir
        self.index = index
        self.formats = formats
        self.names = shard_names(index)
        self.jsonl: IO[bytes] | None = None
        if "jsonl" in formats:
            self.jsonl = (out_dir / (self.names["jsonl"] + ".tmp")).open("wb")
        self.rows: list[dict[str, Any]] = []
        self.doc_rows: list[dict[str, Any]] = []
        self.claim_rows: list[dict[str, Any]] = []
        self.entries: list[dict[str, Any]] = []
        self.first: dict[str, Any] | None = None
        self.last: dict[str, Any] | None = None
        self.documents = 0
        self.words = 0
        self.spans: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.warnings: Counter[str] = Counter()

    def add(self, outcome: Outcome) -> None:
        where = {"source": outcome.source, "position": outcome.position}
        self.first = self.first or where
        self.last = where
        for item in outcome.entries:
            self.entries.append({**item, "ordinal": outcome.ordinal})
            (self.warnings if item["level"] == "warning" else self.errors)[item["kind"]] += 1
        if outcome.record is None:
            return
        self.documents += 1
        self.words += outcome.words
        self.spans.update(s["label"] for s in outcome.record["spans"])
        if self.jsonl is not None:
            self.jsonl.write(_json_line(outcome.record))
        if "parquet" in self.formats:
            self.rows.extend(span_rows(outcome.record, outcome.source, outcome.position))
            self.doc_rows.append(
                document_row(outcome.record, outcome.source, outcome.position, outcome.words)
            )
            self.claim_rows.extend(claim_rows(outcome.record, outcome.source, outcome.position))

    def commit(self, end: int, shard_size: int) -> dict[str, Any]:
        """Make the shard's files durable and return its manifest entry."""
        files: dict[str, str] = {}
        if self.jsonl is not None:
            self.jsonl.flush()
            os.fsync(self.jsonl.fileno())
            self.jsonl.close()
            os.replace(
                self.out_dir / (self.names["jsonl"] + ".tmp"), self.out_dir / self.names["jsonl"]
            )
            files["jsonl"] = self.names["jsonl"]
        if "parquet" in self.formats:
            import pyarrow as pa
            import pyarrow.parquet as pq

            for key, rows, schema in (
                ("parquet", self.rows, span_schema()),
                ("documents", self.doc_rows, document_schema()),
                ("claims", self.claim_rows, claim_schema()),
            ):
                table = pa.Table.from_pylist(rows, schema=schema)
                atomic_write(self.out_dir / self.names[key], partial(pq.write_table, table))
                files[key] = self.names[key]
        entries = self.entries
        atomic_write(
            self.out_dir / self.names["errors"], lambda h: h.writelines(map(_json_line, entries))
        )
        files["errors"] = self.names["errors"]
        fsync_dir(self.out_dir)
        return {
            "index": self.index,
            "ordinals": [self.index * shard_size, end],
            "first": self.first,
            "last": self.last,
            "documents": self.documents,
            "words": self.words,
            "spans": dict(sorted(self.spans.items())),
            "errors": dict(sorted(self.errors.items())),
            "warnings": dict(sorted(self.warnings.items())),
            "files": files,
        }

    def abandon(self) -> None:
        if self.jsonl is not None:
            self.jsonl.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_manifest(out_dir: Path) -> dict[str, Any] | None:
    """The manifest of an output directory, or None."""
    path = out_dir / MANIFEST
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    """Replace manifest.json atomically."""
    manifest["updated"] = _now()
    data = json_bytes(manifest, indent=1)
    atomic_write(out_dir / MANIFEST, lambda h: h.write(data))


def manifest_totals(manifest: dict[str, Any]) -> dict[str, Any]:
    """Counts over the committed shards."""
    totals: dict[str, Any] = {"items": 0, "documents": 0, "words": 0}
    spans: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for shard in manifest["shards"]:
        lo, hi = shard["ordinals"]
        totals["items"] += hi - lo
        totals["documents"] += shard["documents"]
        totals["words"] += shard["words"]
        spans.update(shard["spans"])
        errors.update(shard["errors"])
        warnings.update(shard["warnings"])
    totals["spans"] = dict(sorted(spans.items()))
    totals["errors"] = dict(sorted(errors.items()))
    totals["warnings"] = dict(sorted(warnings.items()))
    totals["shards"] = len(manifest["shards"])
    return totals


# --- the run -----------------------------------------------------------------------


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


def _check_options(options: BatchOptions, paths: list[str], resume: bool) -> None:
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


def _manifest_for(
    paths: list[str], spec: PipelineSpec, options: BatchOptions, output_dir: Path
) -> dict[str, Any]:
    from . import __version__
    from .archive_inputs import inputs_fingerprint

    return {
        "format": MANIFEST_FORMAT,
        "tool": f"dechiffre {__version__}",
        "created": _now(),
        "updated": _now(),
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


class RunProgress(Protocol):
    """What a run reports as it goes (the CLI's progress bar)."""

    def ready(self) -> None:
        """The pipeline is loaded; documents are timed from now."""

    def advance(self, items: int, words: int, documents: int) -> None:
        """Items done (documents went through the pipeline; the rest were resumed or errors)."""


def _worker_died(exc: BaseException, engine: str) -> WorkerDiedError:
    return WorkerDiedError(Errors.E051.format(engine=engine, reason=f"{type(exc).__name__}: {exc}"))


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
    from .archive_inputs import check_output_apart

    _check_options(options, paths, resume)
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
        raise _worker_died(exc, options.engine) from exc
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

    def commit(shard: _OpenShard, end: int) -> None:
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

    shard: _OpenShard | None = None
    try:
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
                    shard = _OpenShard(output_dir, index, options.formats)
                shard.add(outcome)
            stats.last = time.perf_counter()  # the bar's clock and the summary's agree
            if progress is not None:
                progress.advance(1, outcome.words, int(outcome.document))
        if shard is not None:
            commit(shard, total["items"])
            shard = None
    except BrokenExecutor as exc:
        raise _worker_died(exc, options.engine) from exc
    except Exception as exc:
        if type(exc).__name__ == "KilledWorker":  # dask.distributed
            raise _worker_died(exc, options.engine) from exc
        raise
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


def read_shards(output_dir: Path) -> Iterator[dict[str, Any]]:
    """The records of a run's committed JSONL shards, in input order."""
    manifest = read_manifest(output_dir)
    if manifest is None:
        return
    for shard in manifest["shards"]:
        name = shard["files"].get("jsonl")
        if name is None:
            continue
        with (output_dir / name).open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)
