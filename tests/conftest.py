"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
SEED_TXT = SEEDS / "hangzhou-civil-affairs-2023.txt"
SEED_EXPECTED = SEEDS / "hangzhou-civil-affairs-2023.expected.json"
SAMPLE = REPO / "corpus" / "samples" / "qinglan-finance-2024.txt"
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture
def seed_text() -> str:
    if not SEED_TXT.is_file():
        pytest.skip("the real sample notice ../shared/seeds/ is not present")
    return SEED_TXT.read_text(encoding="utf-8")
