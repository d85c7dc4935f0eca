"""Run the normalizer on the external French number suites (Duckling, text2num).

Each case ends as ``pass``, ``fail`` or ``unsupported``; an unsupported case
names the reason (``UNSUPPORTED``), never a silent skip.

    python -m dechiffre.evaluation.number_suites ../shared/external/fr-number-cases
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dechiffre.pipeline.errors import NotAnAmount
from dechiffre.pipeline.numbers import Amount, find_amounts, normalize, parse_number

SUITE_DIR = Path("external") / "fr-number-cases"

UNIT_NAMES = {
    "Dollar": "USD",
    "USD": "USD",
    "EUR": "EUR",
    "Pound": "GBP",
    "GBP": "GBP",
    "ILS": "ILS",
    "Rial": "IRR",
    "Riyal": "SAR",
    "Kilometre": "km",
    "Mile": "mi",
    "Metre": "m",
    "Centimetre": "cm",
    "Millilitre": "ml",
    "Centilitre": "cl",
    "Litre": "l",
    "Gallon": "gal",
    "Hectolitre": "hl",
    "Celsius": "°C",
    "Fahrenheit": "°F",
    "Degree": "°",
    "Second": "seconde",
    "Minute": "minute",
    "Day": "jour",
    "Week": "semaine",
    "Month": "mois",
    "Quarter": "trimestre",
    "Year": "an",
}

# Cases we choose not to support, with the reason.
UNSUPPORTED: dict[str, str] = {
    "un": "'un' alone is an article; the contract counts it only inside an amount",
    "une": "'une' alone is an article; the contract counts it only inside an amount",
    "trente 3": "mixed words and digits for one number does not occur in news text",
    ",0012G": "a leading-comma decimal with a G suffix does not occur in French news",
    "-,0012G": "a leading-comma decimal with a G suffix does not occur in French news",
    "3 balles": "slang money ('balles') has no ISO code",
    "à peu près 3 pouloutes": "invented currency word with no ISO code",
    "2 tasses de café": "cooking measures are outside the contract's units",
    "une Tasse": "cooking measures are outside the contract's units",
    "3 Cuillères à soupe de sucre": "cooking measures are outside the contract's units",
    "3k": (
        "conflicts with issue 10's finance abbreviations: 'k' after digits is a thousand "
        "('4,5 k', '100k'), Duckling reads it as kilometres"
    ),
    '1\\"': "the ditto sign for seconds collides with quotation marks in text",
    "2'": "the apostrophe for minutes collides with elision in French text",
    "quasi neuf livres": (
        "conflicts with the contract: the hedge 'quasi' is modifier approx, Duckling drops it "
        "(value and unit agree)"
    ),
}
# alpha2digit cases we do not support, with the reason; any other mismatch is a failure.
_DICTATION = (
    "digit-by-digit dictation (phone numbers, 'un deux trois') is an identifier, and the "
    "contract counts 'un' only inside an amount"
)
ALPHA2DIGIT_UNSUPPORTED: dict[str, str] = {
    "un deux trois quatre vingt quinze": _DICTATION,
    "un deux trois quatre vingt quinze.": _DICTATION,
    "a a un trois sept trois trois sept cinq quatre zéro c c": _DICTATION,
    "sept un zéro": _DICTATION,
    "un millième": (
        "conflicts with the contract: 'un millième' is the fraction 0.001 (issue 10's "
        "fractions), text2num reads the ordinal 1000ème"
    ),
    "un millionième": (
        "conflicts with the contract: 'un millionième' is the fraction 1e-06, text2num "
        "reads the ordinal"
    ),
    "Ne pas confondre un article ou un nom avec un chiffre et inversement : les uns et les "
    "autres ; une suite de chiffres : un, deux, trois !": (
        "the contract reads 'un' alone as an article, never as the amount 1"
    ),
}
SIGNED_MODE_REASON = (
    "asserts only that text2num's signed mode changes 'au moins trois'/'plus deux'; the "
    "contract reads 'au moins' as a min hedge and 'plus' as a sign only before a temperature"
)


@dataclass
class CaseResult:
    """The outcome of one external case."""

    suite: str
    case: dict[str, Any]
    status: str
    detail: str = ""


def duckling_cases(shared: Path) -> list[dict[str, Any]]:
    data = json.loads(
        (shared / SUITE_DIR / "duckling_fr_corpus_cases.json").read_text(encoding="utf-8")
    )
    return [{**case, "dimension": dim} for dim, cases in data.items() for case in cases]


def text2num_cases(shared: Path) -> list[dict[str, Any]]:
    return list(
        json.loads((shared / SUITE_DIR / "text2num_fr_cases.json").read_text(encoding="utf-8"))
    )


def _num(text: str) -> float:
    return float(text.strip().strip("()"))


def expected_amount(dimension: str, expected: str) -> Amount | None:
    """The Amount a Duckling expectation stands for (None for ordinals)."""
    if dimension == "Ordinal":
        return None
    if dimension == "Numeral":
        return Amount(_num(expected.split(" ", 1)[1]))
    if dimension == "Duration":
        _, value, unit = expected.split()
        return Amount(_num(value), None, UNIT_NAMES[unit])
    kind, unit, rest = expected.split(" ", 2)
    if kind == "between":
        low, high = (float(x) for x in rest.strip("()").split(","))
        return Amount(low, high, UNIT_NAMES.get(unit), "range")
    modifier = {"above": "min", "under": "max"}.get(kind)
    value = rest.split(" (Just")[0]
    return Amount(_num(value), None, UNIT_NAMES.get(unit), modifier)


def _same(got: Amount, want: Amount) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is b
        return abs(a - b) <= 1e-3 * max(1.0, abs(b))

    return (
        close(got.value, want.value)
        and close(got.value_max, want.value_max)
        and got.unit == want.unit
        and got.modifier == want.modifier
    )


def run_duckling_case(case: dict[str, Any]) -> CaseResult:
    text = case["input"]
    if text in UNSUPPORTED:
        return CaseResult("duckling", case, "unsupported", UNSUPPORTED[text])
    want = expected_amount(case["dimension"], case["expected"])
    try:
        got = normalize(text)
    except NotAnAmount as exc:
        if want is None:
            return CaseResult("duckling", case, "pass", "ordinal excluded, as the contract asks")
        return CaseResult("duckling", case, "fail", str(exc))
    if want is None:
        return CaseResult("duckling", case, "fail", f"ordinal read as {got}")
    if case["dimension"] == "Numeral" and got.unit is None and got.modifier is None:
        want = Amount(want.value)
    if _same(got, want):
        return CaseResult("duckling", case, "pass")
    return CaseResult("duckling", case, "fail", f"got {got}, want {want}")


_NUM_IN_OUTPUT = re.compile(r"[+-]?\d+(?:,\d+)?(?:ème|er|nd)?")


def run_text2num_case(case: dict[str, Any]) -> CaseResult:
    text = case["input"]
    if case["function"] == "text2num":
        try:
            got: float | None = parse_number(text)
        except NotAnAmount:
            got = None
        if case["assert"] == "raises":
            ok = got is None
            return CaseResult(
                "text2num", case, "pass" if ok else "fail", "" if ok else f"read {got}"
            )
        ok = got == case["expected"]
        return CaseResult("text2num", case, "pass" if ok else "fail", "" if ok else f"got {got}")
    # alpha2digit: the cardinal numbers we find must be those of the expected output
    if case["assert"] != "equal":
        return CaseResult("text2num", case, "unsupported", SIGNED_MODE_REASON)
    want = [
        float(m.replace(",", "."))
        for m in _NUM_IN_OUTPUT.findall(case["expected"])
        if not m.endswith(("ème", "er", "nd"))
    ]
    got_values = [float(m.amount.value) for m in find_amounts(text)]
    if got_values == want:
        return CaseResult("text2num", case, "pass")
    found = f"found {got_values}, text2num gives {want}"
    if text in ALPHA2DIGIT_UNSUPPORTED:
        reason = f"{ALPHA2DIGIT_UNSUPPORTED[text]}; {found}"
        return CaseResult("text2num", case, "unsupported", reason)
    return CaseResult("text2num", case, "fail", found)


def run_all(shared: Path) -> dict[str, Counter[str]]:
    """Status counts per suite."""
    out: dict[str, Counter[str]] = {"duckling": Counter(), "text2num": Counter()}
    for case in duckling_cases(shared):
        out["duckling"][run_duckling_case(case).status] += 1
    for case in text2num_cases(shared):
        out["text2num"][run_text2num_case(case).status] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    shared = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared"
    for suite, cases in (
        ("duckling", duckling_cases(shared)),
        ("text2num", text2num_cases(shared)),
    ):
        runner = run_duckling_case if suite == "duckling" else run_text2num_case
        results = [runner(c) for c in cases]
        counts = Counter(r.status for r in results)
        supported = counts["pass"] + counts["fail"]
        print(
            f"{suite}: {counts['pass']}/{len(results)} pass "
            f"({counts['pass']}/{supported} of supported), {counts['unsupported']} unsupported"
        )
        for r in results:
            if r.status != "pass":
                print(f"  {r.status:11} {r.case['input']!r}: {r.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
