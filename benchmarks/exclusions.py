"""How often each named exclusion rule fires on gold text, and whether the gold agrees.

    python benchmarks/exclusions.py [--sets real-dev,synthetic-test] [--previous DIR]
                                    [--json out.json]

For every number that a rule of ``pipeline/numbers/exclusions.py`` keeps from
being an amount (``find_exclusions``), the gold says whether it was right (no
gold QUANTITY overlaps the number) or wrong (one does: an amount lost). With
``--previous DIR`` (predictions of an earlier release in ``DIR/<set>.jsonl``)
the table also counts the numbers that release tagged as QUANTITY: "before" is
how many of them were spurious (no gold amount), which the rule now drops, and
how many were right, which the rule now loses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from dechiffre.pipeline.numbers import RULE_NAMES, find_exclusions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import load_set, read_previous

Ranges = list[tuple[int, int]]


def quantity_ranges(doc: dict[str, Any]) -> Ranges:
    """Character ranges of a record's QUANTITY spans."""
    return [(s["start"], s["end"]) for s in doc.get("spans", []) if s["label"] == "QUANTITY"]


def overlaps(start: int, end: int, ranges: Ranges) -> bool:
    """Whether [start, end) shares a character with one of ``ranges``."""
    return any(a < end and start < b for a, b in ranges)


def count_exclusions(
    gold: list[dict[str, Any]], previous: dict[str, dict[str, Any]] | None = None
) -> dict[str, Counter[str]]:
    """Per rule: numbers excluded, right and wrong by the gold, and the earlier release's tags."""
    table: dict[str, Counter[str]] = {name: Counter() for name in RULE_NAMES}
    for doc in gold:
        amounts = quantity_ranges(doc)
        before = previous.get(doc["id"]) if previous else None
        earlier = quantity_ranges(before) if before is not None else None
        for found in find_exclusions(doc["text"]):
            row = table.setdefault(found.rule, Counter())
            row["excluded"] += 1
            is_amount = overlaps(found.start, found.end, amounts)
            row["wrong" if is_amount else "right"] += 1
            if earlier is not None and overlaps(found.start, found.end, earlier):
                row["before_right" if is_amount else "before_spurious"] += 1
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="real-dev,synthetic-test")
    parser.add_argument("--previous", type=Path, help="folder of an earlier release's predictions")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    out: dict[str, dict[str, dict[str, int]]] = {}
    for name in args.sets.split(","):
        gold, _labels = load_set(name, 100)
        previous = None
        if args.previous:
            path = args.previous / f"{name}.jsonl"
            if path.exists():
                previous = {d["id"]: d for d in read_previous(path)}
            else:
                print(f"\n{name}: no earlier predictions at {path}; 'before' columns left out")
        table = count_exclusions(gold, previous)
        out[name] = {rule: dict(row) for rule, row in table.items() if row}
        print(f"\n{name} ({len(gold)} documents)\n")
        head = "| rule | excluded | right | wrong |"
        print(head + (" spurious before | right before |" if previous else ""))
        print("|---|---|---|---|" + ("---|---|" if previous else ""))
        rows = sorted(out[name].items(), key=lambda item: -item[1]["excluded"])
        total: Counter[str] = Counter()
        for rule, row in rows:
            total.update(row)
            line = f"| {rule} | {row['excluded']} | {row.get('right', 0)} | {row.get('wrong', 0)} |"
            if previous:
                line += f" {row.get('before_spurious', 0)} | {row.get('before_right', 0)} |"
            print(line)
        line = f"| all | {total['excluded']} | {total['right']} | {total['wrong']} |"
        if previous:
            line += f" {total['before_spurious']} | {total['before_right']} |"
        print(line)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
