"""A cue test at a position makes one cached lookup, with the same answers as before.

``cues.starts_with`` and ``cues.cue_end`` used to call ``_may_start`` (which looked up the
role's first characters) and then ``_start_re``; ``cues._start_match`` reads both from one
cached pair (``cues._starter``) and makes the same first-character test inline.  Checked here
against the two steps it replaces, for every role, on written lines and random text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.models import load_table
from zhenggai.outline import cues

ROLES = sorted({row[0] for row in load_table("role_cues.tsv") if len(row) > 1})


def _old_cue_end(role, text, pos):
    if not cues._may_start(role, text, pos):
        return None
    m = cues._start_re(role).match(text, pos)
    return m.end() if m else None


@pytest.mark.parametrize("role", ROLES)
def test_cue_tests_on_every_cue(role):
    for word in cues.cues(role):
        for text in (word, "\u3000 " + word + "：其余", "x" + word, "\x0c" + word, ""):
            for pos in range(len(text) + 1):
                assert cues.cue_end(role, text, pos) == _old_cue_end(role, text, pos)
                assert cues.starts_with(role, text, pos) is (_old_cue_end(role, text, pos) is not None)


@pytest.mark.parametrize("role", ROLES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_cue_tests_on_random_text(role, data):
    words = list(cues.cues(role))
    text = data.draw(st.text(alphabet=" \u3000\t\n\x0c下一步整改情况措施欢迎监督来源目前", max_size=5))
    text += data.draw(st.sampled_from(words + [""])) + data.draw(st.text(alphabet=":：。,一", max_size=3))
    pos = data.draw(st.integers(0, len(text)))
    assert cues.cue_end(role, text, pos) == _old_cue_end(role, text, pos)
    assert cues.starts_with(role, text, pos) is (_old_cue_end(role, text, pos) is not None)


def test_written_cues():
    assert cues.cue_end("closing", "下一步工作打算:", 0) == 7
    assert cues.starts_with("closing", "  下一步,我局将持续用力")
    assert not cues.starts_with("closing", "强化学习")
