"""The error catalogue: every raised error and warning takes its text from it."""

from __future__ import annotations

import ast
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from dechiffre.evaluation.messages import MESSAGES, RUN_MESSAGES
from dechiffre.evaluation.scorer import match_spans
from dechiffre.pipeline.base_model import dequantize_q4_0, ensure_base_model
from dechiffre.pipeline.classifier_data import windows
from dechiffre.pipeline.errors import (
    DechiffreError,
    DechiffreWarning,
    Errors,
    ModelError,
    ModelWarning,
    Warnings,
)
from dechiffre.pipeline.token_classifier import export_onnx, load_engine, read_artifact_config

REPO = Path(__file__).resolve().parents[1]
PACKAGE_DIRS = ("dechiffre", "pipeline", "evaluation", "models")
SOURCES = sorted(
    path.relative_to(REPO).as_posix()
    for folder in PACKAGE_DIRS
    for path in (REPO / folder).rglob("*.py")
)
WARN_NAMES = frozenset({"warn", "warn_explicit"})
# The evaluation package's keyed catalogue: the first argument is a key, not a message.
KEYED = {"GoldFormatError": MESSAGES, "EvaluationError": RUN_MESSAGES}


def _is_literal_text(node: ast.expr) -> bool:
    """A message written in place: a string, an f-string, or one built from them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):  # "..." + x, "... %s" % x
        return _is_literal_text(node.left) or _is_literal_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("format", "join") and _is_literal_text(node.func.value)
    return False


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_getattr_protocol(raise_node: ast.Raise, function: str | None) -> bool:
    """``raise AttributeError(...)`` in a module or class ``__getattr__``: Python's protocol."""
    exc = raise_node.exc
    return (
        function == "__getattr__"
        and isinstance(exc, ast.Call)
        and isinstance(exc.func, ast.Name)
        and exc.func.id == "AttributeError"
    )


def _is_catalogue_key(call: ast.Call) -> bool:
    """``GoldFormatError("key", ...)``/``EvaluationError("key", ...)`` with a known key."""
    catalogue = KEYED.get(_callee(call))
    first = call.args[0] if call.args else None
    return (
        catalogue is not None
        and isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and first.value in catalogue
    )


def inline_messages(source: str, filename: str = "<source>") -> list[str]:
    """``file:line`` of each raise or warning whose message is written in place."""
    found: list[str] = []

    def visit(node: ast.AST, function: str | None) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            call = node.exc
            texts = [*call.args[:1], *(k.value for k in call.keywords if k.arg == "message")]
            if (
                any(_is_literal_text(t) for t in texts)
                and not _is_catalogue_key(call)
                and not _is_getattr_protocol(node, function)
            ):
                found.append(f"{filename}:{node.lineno}: raise {ast.unparse(call)[:80]}")
        if isinstance(node, ast.Call) and _callee(node) in WARN_NAMES:
            texts = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "message")]
            if any(_is_literal_text(t) for t in texts):
                found.append(f"{filename}:{node.lineno}: {ast.unparse(node)[:80]}")
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(source, filename), None)
    return found


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ('raise ValueError(f"bad {x}")', True),
        ("raise ValueError('bad')", True),
        ("raise RuntimeError('bad: ' + str(x))", True),
        ("raise RuntimeError('bad {}'.format(x))", True),
        ("raise KeyError('bad %s' % x)", True),
        ("warnings.warn('careful', UserWarning)", True),
        ("warnings.warn(message=f'careful {x}')", True),
        ("def f():\n    raise AttributeError(f'no {name}')", True),
        ("raise DechiffreError(Errors.E001.format(text=t, reason=r))", False),
        ("raise ModelError(Errors.E443)", False),
        ("raise GoldFormatError('unreadable', file=f, reason=r)", False),
        ("raise EvaluationError('no_prediction')", False),
        ("raise EvaluationError('no such key')", True),
        ("raise GoldFormatError(f'{x} is bad', file=f)", True),
        ("raise typer.Exit(2)", False),
        ("raise", False),
        ("raise errors[0]", False),
        ("warnings.warn(Warnings.W001.format(old=o, new=n), DechiffreWarning)", False),
        ("def __getattr__(name):\n    raise AttributeError(f'no attribute {name!r}')", False),
    ],
)
def test_the_scan_tells_inline_messages_from_catalogue_ones(source: str, flagged: bool) -> None:
    assert bool(inline_messages(source)) is flagged


@pytest.mark.parametrize("path", SOURCES)
def test_package_raises_and_warns_only_catalogue_messages(path: str) -> None:
    found = inline_messages((REPO / path).read_text(encoding="utf-8"), path)
    assert not found, (
        "Messages written in place; add them to pipeline/errors.py (Errors.Exxx/Warnings.Wxxx) "
        "or evaluation/messages.py and raise them from there:\n" + "\n".join(found)
    )


def test_sources_cover_the_package() -> None:
    assert {"pipeline/errors.py", "evaluation/scorer.py", "dechiffre/__init__.py"} <= set(
        SOURCES
    )


def test_every_code_is_prefixed_and_filled_by_name() -> None:
    codes = [name for name in vars(Errors) if name[:1] == "E" and name[1:].isdigit()]
    codes += [name for name in vars(Warnings) if name[:1] == "W" and name[1:].isdigit()]
    assert len(codes) == len(set(codes)) > 0
    for code in codes:
        owner = Errors if code[0] == "E" else Warnings
        message = getattr(owner, code)
        assert message.startswith(f"[{code}] ")
        assert "{}" not in message  # positional fields would break .format(**params)


def test_model_errors_are_runtime_errors_and_dechiffre_errors() -> None:
    with pytest.raises(RuntimeError, match="E436") as info:
        read_artifact_config(REPO / "no-such-artifact")
    assert isinstance(info.value, ModelError)
    assert isinstance(info.value, DechiffreError)


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (partial(windows, 10, 4, 4), "E426"),
        (partial(dequantize_q4_0, b"", 31), "E422"),
        (partial(ensure_base_model, "./no-such-folder"), "E425"),
        (partial(export_onnx, "x", keep_float="all"), "E439"),
        (partial(load_engine, "x", backend="gpu"), "E442"),
        (partial(match_spans, [], [], "fuzzy"), "unknown_scheme"),
    ],
)
def test_bad_arguments_stay_value_errors(call: Callable[[], object], code: str) -> None:
    with pytest.raises(ValueError) as info:
        call()
    assert code in str(info.value) or getattr(info.value, "code", None) == code


def test_model_warnings_are_runtime_warnings_of_dechiffre() -> None:
    with pytest.warns(RuntimeWarning, match="W421") as record:
        warnings.warn(Warnings.W421.format(reason="no disk"), ModelWarning, stacklevel=1)
    assert issubclass(record[0].category, DechiffreWarning)
