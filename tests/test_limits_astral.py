"""limits.astral: its one-text memo answers for the text asked about, never for another."""

import pytest

from zhenggai import limits


@pytest.mark.parametrize("texts", [
    pytest.param(["整改12个", "整改12个\U00011F51", "整改12个"], id="alternating"),
    pytest.param(["\U00020000", "\U00020000", "a"], id="same-then-other"),
    pytest.param(["", "\U0001F600x", ""], id="empty"),
])
def test_memo_answers_for_each_text(texts):
    for text in texts:
        assert limits.astral(text) == any(ord(c) > 0xFFFF for c in text)


def test_equal_text_another_object():
    one = "".join(["整改", "\U00011F51"])
    two = "".join(["整改", "\U00011F51"])
    assert one is not two
    assert limits.astral(one) and limits.astral(two)
    assert not limits.astral(one[:2])
