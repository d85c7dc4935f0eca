"""Property tests: write random amounts in French and read them back."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dechiffre.pipeline.numbers import find_amounts, normalize, parse_number

# ---------------------------------------------------------------------------
# Property-based: write random numbers in each French style and read them back.
# ---------------------------------------------------------------------------


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def _words(n: int) -> str:
    units = [
        "zéro",
        "un",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
    ]
    tens = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}

    def below_100(x: int) -> str:
        if x < 17:
            return units[x]
        if x < 20:
            return "dix-" + units[x - 10]
        if x < 70:
            t, u = divmod(x, 10)
            base = tens[t * 10]
            return base if u == 0 else base + ("-et-un" if u == 1 else "-" + units[u])
        if x < 80:
            return "soixante-" + ("et-onze" if x == 71 else below_100(x - 60))
        if x == 80:
            return "quatre-vingts"
        return "quatre-vingt-" + below_100(x - 80)

    def below_1000(x: int) -> str:
        h, r = divmod(x, 100)
        if h == 0:
            return below_100(r)
        head = "cent" if h == 1 else units[h] + " cent" + ("s" if r == 0 else "")
        return head if r == 0 else head + " " + below_100(r)

    if n < 1000:
        return below_1000(n)
    th, r = divmod(n, 1000)
    thousands = below_1000(th)
    if thousands.endswith(("cents", "vingts")):
        thousands = thousands[:-1]  # 'deux cent mille', 'quatre-vingt mille'
    head = "mille" if th == 1 else thousands + " mille"
    return head if r == 0 else head + " " + below_1000(r)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1000, max_value=999_999_999),
    st.sampled_from([" ", "\u00a0", "\u202f", "\u2009", "\u2007", "."]),
)
def test_grouped_digits_round_trip(n: int, sep: str) -> None:
    assert normalize(_group(n, sep)).value == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_words_round_trip(n: int) -> None:
    assert parse_number(_words(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=1, max_value=99))
def test_comma_decimals_round_trip(whole: int, frac: int) -> None:
    text = f"{_group(whole, ' ')},{frac:02d}"
    assert normalize(text).value == pytest.approx(whole + frac / 100)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from([("millions", 10**6), ("milliards", 10**9)]),
)
def test_scale_words_round_trip(whole: int, tenth: int, scale: tuple[str, int]) -> None:
    word, factor = scale
    assert normalize(f"{whole},{tenth} {word}").value == pytest.approx(
        (whole + tenth / 10) * factor
    )


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=99_999),
    st.sampled_from(["euros", "%", "dirhams", "km", "F CFA"]),
)
def test_amount_inside_sentence_round_trip(n: int, unit: str) -> None:
    text = f"Selon le rapport, {_group(n, chr(0xA0))} {unit} ont été comptés."
    (match,) = find_amounts(text)
    assert match.amount.value == n


# ---------------------------------------------------------------------------
# Issue 10 s4: any amount, formatted in French, parses back to its value, unit and modifier.
# ---------------------------------------------------------------------------

# the digit-grouping styles: spaces (plain, no-break, narrow, thin, figure) and the dot
GROUPINGS = [" ", "\u00a0", "\u202f", "\u2009", "\u2007", "."]
FRACTIONS = [
    ("un tiers", 1 / 3), ("deux tiers", 2 / 3), ("un quart", 0.25), ("trois quarts", 0.75),
    ("un cinquième", 0.2), ("sept huitièmes", 0.875), ("un dixième", 0.1), ("la moitié", 0.5),
]
CURRENCY_BEFORE = [("€", "EUR"), ("$", "USD"), ("£", "GBP"), ("US$ ", "USD"), ("EUR ", "EUR")]
UNITS_AFTER = [
    ("euros", "EUR"), ("€", "EUR"), ("dollars", "USD"), ("$", "USD"), ("francs suisses", "CHF"),
    ("dirhams", "MAD"), ("F CFA", "XOF"), ("nairas", "NGN"), ("%", "%"), ("pour cent", "%"),
    ("km", "km"), ("tonnes", "t"), ("hectares", "ha"), ("MW", "MW"), ("ans", "an"),
]
HEDGES = [
    ("environ", "approx"), ("plus de", "min"), ("moins de", "max"), ("près de", "approx"),
    ("au moins", "min"), ("jusqu'à", "max"), ("un peu plus de", "min"),
    ("pas moins de", "min"), ("quasiment", "approx"), ("au-delà de", "min"),
]
POST_HEDGES = [("environ", "approx"), ("au moins", "min"), ("au maximum", "max")]
VOWELS = tuple("aeiouyéèêh")

Case = tuple[str, float, "str | None", "str | None"]


def _digits(n: int, sep: str) -> str:
    return _group(n, sep) if n >= 1000 else str(n)


@st.composite
def french_amounts(draw: st.DrawFn) -> Case:
    """(text, value, unit, modifier) of a random amount written in French."""
    kind = draw(st.sampled_from(["digits", "decimal", "words", "scale", "word_scale", "fraction"]))
    sep = draw(st.sampled_from(GROUPINGS))
    unit: str | None = None
    if kind == "digits":
        n = draw(st.integers(min_value=0, max_value=999_999_999))
        text, value = _digits(n, sep), float(n)
    elif kind == "decimal":
        whole = draw(st.integers(min_value=0, max_value=99_999))
        frac = draw(st.integers(min_value=1, max_value=99))
        text, value = f"{_digits(whole, sep)},{frac:02d}", whole + frac / 100
    elif kind == "words":
        n = draw(st.integers(min_value=2, max_value=999_999))
        text, value = _words(n), float(n)
    elif kind in {"scale", "word_scale"}:
        whole = draw(st.integers(min_value=2, max_value=999))
        word, factor = draw(st.sampled_from([("millions", 10**6), ("milliards", 10**9)]))
        if kind == "scale" and draw(st.booleans()):
            tenth = draw(st.integers(min_value=1, max_value=9))
            text, value = f"{whole},{tenth} {word}", (whole + tenth / 10) * factor
        else:
            number = str(whole) if kind == "scale" else _words(whole)
            text, value = f"{number} {word}", float(whole * factor)
    else:
        text, value = draw(st.sampled_from(FRACTIONS))
    digits = kind in {"digits", "decimal"}
    placement = draw(st.sampled_from(["none", "after", "before"] if digits else ["none", "after"]))
    if kind == "fraction":
        placement = "none"
    if placement == "before":
        symbol, unit = draw(st.sampled_from(CURRENCY_BEFORE))
        text = symbol + text
    elif placement == "after":
        word, unit = draw(st.sampled_from(UNITS_AFTER))
        if kind in {"scale", "word_scale"}:
            if unit in {"%", "km", "an", "MW"}:
                word, unit = "euros", "EUR"
            text += " d'" + word if word.startswith(VOWELS) else " de " + word
        else:
            text += " " + word
    modifier: str | None = None
    where = draw(st.sampled_from(["none", "before", "after"]))
    if where == "before":
        hedge, modifier = draw(st.sampled_from(HEDGES))
        if hedge.endswith(" de") and text.startswith(VOWELS):
            text = f"{hedge[:-2]}d'{text}"
        else:
            text = f"{hedge} {text}"
    elif where == "after" and kind != "fraction":
        hedge, modifier = draw(st.sampled_from(POST_HEDGES))
        text = f"{text} {hedge}"
    return text, value, unit, modifier


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(french_amounts())
def test_any_french_amount_round_trips(case: Case) -> None:
    text, value, unit, modifier = case
    amount = normalize(text)
    assert amount.value == pytest.approx(value, rel=1e-4, abs=1e-4), text
    assert (amount.unit, amount.modifier, amount.value_max) == (unit, modifier, None), text


@settings(max_examples=300, deadline=None)
@given(french_amounts())
def test_french_amounts_round_trip_quick(case: Case) -> None:
    """The same property on fewer examples, in the fast suite."""
    text, value, unit, modifier = case
    amount = normalize(text)
    assert amount.value == pytest.approx(value, rel=1e-4, abs=1e-4), text
    assert (amount.unit, amount.modifier) == (unit, modifier), text
