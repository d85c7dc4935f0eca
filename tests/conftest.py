"""Shared fixtures: the ../shared folder and the loaded pipelines."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the clone; skip when a user's clone lacks it."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): external and seed data are only in CI")
    return SHARED


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO
