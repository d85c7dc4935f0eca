"""The ``dechiffre`` command line: thin wrappers over importable functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

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
    inputs: Annotated[list[str] | None, typer.Argument(help=".txt, .jsonl, or - for stdin")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="JSONL output file")] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="extract from this text and print a table")
    ] = None,
    pipeline: Annotated[
        Path | None, typer.Option("--pipeline", help="a saved pipeline directory")
    ] = None,
    text_field: Annotated[str, typer.Option(help="JSONL field holding the text")] = "text",
    id_field: Annotated[str, typer.Option(help="JSONL field holding the id")] = "id",
    batch_size: Annotated[int, typer.Option(help="documents per nlp.pipe batch")] = 32,
    table: Annotated[
        bool, typer.Option("--table/--no-table", help="print a table per document")
    ] = False,
) -> None:
    """Extract ORG and QUANTITY spans; write gold-format JSONL."""
    from .extract import extract_paths, extract_text, load_pipeline

    if text is None and not inputs:
        err_console.print("[red]Give INPUT files, '-' for stdin, or --text.[/red]")
        raise typer.Exit(2)
    nlp = load_pipeline(pipeline)
    if text is not None:
        record = extract_text(nlp, text)
        console.print(records_table(record))
        if output:
            output.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert inputs is not None
    handle = output.open("w", encoding="utf-8") if output else sys.stdout
    n_docs = n_spans = 0
    problems: list[Problem] = []
    try:
        for item in extract_paths(
            nlp, inputs, text_field=text_field, id_field=id_field, batch_size=batch_size
        ):
            if isinstance(item, Problem):
                problems.append(item)
                err_console.print(f"[red]error[/red] {item.reason}")
                continue
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
            n_docs += 1
            n_spans += len(item["spans"])
            if table:
                console.print(records_table(item))
    finally:
        if output:
            handle.close()
    summary = Table(title="dechiffre extract")
    summary.add_column("documents")
    summary.add_column("spans")
    summary.add_column("errors")
    summary.add_row(str(n_docs), str(n_spans), str(len(problems)))
    err_console.print(summary)
    if problems:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="gold JSONL")],
    preds: Annotated[list[Path] | None, typer.Argument(help="prediction JSONL file(s)")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="write METRICS.json")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="write an HTML report")] = None,
    pipeline: Annotated[
        str | None,
        typer.Option(
            "--pipeline", help="run the extractor first ('default' or a saved pipeline path)"
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="bootstrap seed")] = 0,
    n_boot: Annotated[int, typer.Option(help="bootstrap resamples")] = 1000,
) -> None:
    """Score predictions against gold (strict/exact/partial/type, attributes, CIs)."""
    from evaluation.api import evaluate_files
    from evaluation.tables import metrics_tables

    pred_paths = list(preds or [])
    if pipeline is not None:
        pred_paths.insert(
            0, run_pipeline_on_gold(gold, None if pipeline == "default" else Path(pipeline))
        )
    if not pred_paths:
        err_console.print("[red]Give PRED files or --pipeline.[/red]")
        raise typer.Exit(2)
    from evaluation.messages import GoldFormatError

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
    from evaluation.api import agreement_files
    from evaluation.messages import GoldFormatError
    from evaluation.tables import agreement_table

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


if __name__ == "__main__":
    app()
