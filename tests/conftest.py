from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))  # `bench` is a top-level folder of the repo, not an installed package
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))


@pytest.fixture(autouse=True)
def _repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run from the repo root, as DVC does, so relative paths mean the same thing."""
    monkeypatch.chdir(ROOT)


def seed_text(prefix: str) -> str:
    return next((ROOT / "seeds").glob(f"{prefix}*")).read_text(encoding="utf-8")
