"""Archive-scale extraction: streaming, worker processes or Dask, sharded outputs, resume.

A run reads its inputs in a fixed order and numbers every item (document or
problem) with an *ordinal*. Shard ``k`` holds ordinals ``[k*S, (k+1)*S)``;
it is written to temporary files, fsynced, renamed, and only then listed in
``manifest.json`` (itself replaced atomically). A killed run is resumed by
skipping the shards the manifest lists and redoing the rest, so every input
item lands exactly once.

The modules: ``settings`` (file names, exit codes, limits), ``options`` (what a
run is asked), ``pieces`` (giant documents), ``workers`` (the pipeline once per
process, and a chunk's work), ``engines`` (local processes or Dask, and the
ordered stream of outcomes), ``shards`` (atomic files, Parquet, the manifest)
and ``run`` (a whole run and its resume). They keep their top-level imports
light: worker processes import them before they load a pipeline.
"""

from __future__ import annotations

from .engines import (
    DaskEngine,
    Engine,
    LocalEngine,
    RunStats,
    iter_outcomes,
    make_engine,
    stream_outcomes,
)
from .options import BatchOptions, RunProgress
from .pieces import (
    annotate_pieces,
    char_batches,
    kept_language,
    language_reason,
    long_token_reason,
    plan_pieces,
    split_bounds,
)
from .run import BatchSummary, rate, run_batch
from .settings import (
    BATCH_CHARS,
    DEFAULT_MAX_CHARS,
    DEFAULT_SHARD_SIZE,
    ERRORS,
    EXIT_INPUT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WORKER_DIED,
    FORMATS,
    MANIFEST,
    MAX_TOKEN_CHARS,
)
from .shards import read_manifest, read_shards, span_schema
from .workers import (
    Chunk,
    PipelineSpec,
    check_spec,
    cpu_seconds,
    get_pipeline,
    peak_rss_mb,
    process_chunk,
)

__all__ = [
    "BATCH_CHARS",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_SHARD_SIZE",
    "ERRORS",
    "EXIT_INPUT_ERRORS",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_WORKER_DIED",
    "FORMATS",
    "MANIFEST",
    "MAX_TOKEN_CHARS",
    "BatchOptions",
    "BatchSummary",
    "Chunk",
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "PipelineSpec",
    "RunProgress",
    "RunStats",
    "annotate_pieces",
    "char_batches",
    "check_spec",
    "cpu_seconds",
    "get_pipeline",
    "iter_outcomes",
    "kept_language",
    "language_reason",
    "long_token_reason",
    "make_engine",
    "peak_rss_mb",
    "plan_pieces",
    "process_chunk",
    "rate",
    "read_manifest",
    "read_shards",
    "run_batch",
    "span_schema",
    "split_bounds",
    "stream_outcomes",
]
