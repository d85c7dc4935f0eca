"""Package data: the shipped classifier artifact (``dechiffre-clf``) and training configs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def packaged_path(name: str) -> Path:
    """The file system path of a folder or file shipped in ``dechiffre.models``."""
    return Path(str(resources.files(__name__) / name))
