"""Export a classifier artifact to int8 ONNX in a process of its own.

``python -m dechiffre.pipeline.onnx_export MODEL_DIR TARGET [--base-model NAME]``
is what :func:`~dechiffre.pipeline.token_classifier.export_in_child` runs, so that
the export's peak memory ends with this process.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import DechiffreError
from .token_classifier import export_onnx


def main(argv: Sequence[str] | None = None) -> int:
    """Export MODEL_DIR to TARGET; print the file written, or the error and exit 1."""
    parser = argparse.ArgumentParser(prog="python -m dechiffre.pipeline.onnx_export")
    parser.add_argument("model_dir")
    parser.add_argument("target")
    parser.add_argument("--base-model", default=None)
    args = parser.parse_args(argv)
    try:
        print(export_onnx(args.model_dir, args.target, base_model=args.base_model))
    except DechiffreError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
