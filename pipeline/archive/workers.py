"""The pipeline, loaded once per worker process, and the work a worker does on a chunk."""

from __future__ import annotations

import hashlib
import os
import resource
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DechiffreError, Errors
from ..inputs import InputDoc, Problem
from ..language import detect_language
from .pieces import annotate_pieces, kept_language, language_reason, long_token_reason, plan_pieces
from .settings import DEFAULT_MAX_CHARS, WARNING_KINDS

if TYPE_CHECKING:
    from spacy.language import Language

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
    from ..extract import load_pipeline

    if spec.path is not None:
        config = Path(spec.path) / "config.cfg"
        if config.is_file() and "dechiffre_token_classifier" in config.read_text("utf-8"):
            from .. import token_classifier  # noqa: F401  (registers its factory)
    nlp = load_pipeline(spec.path)
    if spec.threads > 0 and "dechiffre_token_classifier" in nlp.factory_names:
        from ..token_classifier import set_threads

        set_threads(nlp, spec.threads)
    return nlp


def pipeline_info(nlp: Language) -> PipelineInfo:
    """The version string and config hash of a loaded pipeline."""
    import spacy

    from .. import __version__

    meta = nlp.meta
    version = (
        f"dechiffre {__version__}; {meta.get('lang')}_{meta.get('name')} "
        f"{meta.get('version')}; spacy {spacy.__version__}"
    )
    digest = hashlib.sha256(nlp.config.to_str().encode("utf-8")).hexdigest()[:16]
    return PipelineInfo(version, f"sha256:{digest}")


def check_spec(spec: PipelineSpec) -> None:
    """Fail early, in the main process, on a pipeline path that cannot load anywhere."""
    from ..extract import NAMED_PIPELINES

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


def warm_pipeline(spec: PipelineSpec) -> int:
    """Load the pipeline in this (worker) process; returns the process id."""
    get_pipeline(spec)
    return os.getpid()


def worker_pid() -> int:
    """A no-op task: returns once the worker process has loaded its pipeline."""
    return os.getpid()


def init_worker(spec: PipelineSpec) -> None:
    """Process-pool initializer: one thread, Ctrl-C left to the parent, pipeline loaded."""
    import signal

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    get_pipeline(spec)


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
