"""read.script.plainly_simplified: one class scan answering for the script detection and for
normalize's rare characters, checked against the two scans it stands for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.normalize import RARE_SPECIAL, _SPECIAL, normalize, special_chars
from zhenggai.read.script import (
    _traditional_astral,
    is_traditional,
    plainly_simplified,
    traditional_chars,
)

ROOT = Path(__file__).resolve().parent.parent


def _agrees(text: str) -> None:
    """True only when both scans it replaces say nothing: not traditional, no rare special character."""
    if plainly_simplified(text):
        assert not is_traditional(text)
        assert special_chars(text).isdisjoint(RARE_SPECIAL)
        assert normalize(text, rare=False) == normalize(text)
    else:
        assert (len(text) > 50_000 or not traditional_chars().isdisjoint(text)
                or not special_chars(text).isdisjoint(RARE_SPECIAL))


def test_every_bmp_character_alone():
    """Each character below U+10000: plainly simplified exactly when it is neither traditional-only nor rare."""
    traditional = traditional_chars()
    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        assert plainly_simplified(ch) == (ch not in traditional and ch not in RARE_SPECIAL), hex(cp)


def test_rare_special_is_the_specials_outside_the_common_ones():
    assert RARE_SPECIAL < _SPECIAL
    assert _SPECIAL - RARE_SPECIAL == set("，：；（）\u3000")


@pytest.mark.parametrize(
    "path", sorted((ROOT / "corpus" / "gold").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "notices").glob("*.txt")),
    ids=lambda p: p.name,
)
def test_gold_and_fixture_notices(path):
    _agrees(path.read_text(encoding="utf-8"))


def test_long_text_is_never_plain():
    """is_traditional reads the first 50,000 characters only: a longer text keeps the two scans."""
    assert not plainly_simplified("整改" * 25_001)
    assert plainly_simplified("整改" * 25_000)


_ASTRAL_TRADITIONAL = sorted(_traditional_astral())[:2]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("整改国际發國際乾坤，：；（）\u3000１２％\xa0\u200b\t\n 2023年") + _ASTRAL_TRADITIONAL + ["\U00020000"]
), max_size=40))
def test_property_agrees_with_the_two_scans(text):
    _agrees(text)
