"""documents._titles jumps from one 《 to the next while nothing is open.

With no 《 open, a line end or a stray 》 changes nothing, so the scan finds the next 《 with
``str.find`` instead of visiting every line end.  These tests compare it with the walk over
every 《, 》 and line end (the scan as first written) on written titles and on random text
dense in those characters.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.mentions import documents


def _reference(text):
    """The titles as the walk over every mark finds them: (start, end, title)."""
    found = []
    stack = []

    def fail_all():
        for _, children in stack:
            found.extend(children)
        stack.clear()

    for pos, ch in enumerate(text):
        if ch == "《":
            stack.append((pos, []))
        elif ch == "\n":
            fail_all()
        elif ch == "》" and stack:
            open_pos, children = stack.pop()
            inside = text[open_pos + 1 : pos]
            spans = children if len(inside) > documents._MAX_TITLE or not inside.strip() else [(open_pos, pos + 1)]
            if stack:
                stack[-1][1].extend(spans)
            else:
                found.extend(spans)
    fail_all()
    return sorted((s, e, text[s + 1 : e - 1].strip()) for s, e in found)


def _titles(text):
    return [(f.start, f.end, f.values["title"]) for f in documents._titles(text)]


SENTENCES = [
    ("plain", "印发《关于加强资金监管的通知》,修订《管理办法》"),
    ("nested", "学习《关于〈条例〉和《细则》的说明》"),
    ("unclosed_line", "《未闭合的标题\n另一行《完整》"),
    ("inner_survives", "《外层《内层》没有闭合\n"),
    ("stray_close", "》开头的书名号》,然后《正文》"),
    ("empty_title", "《 》和《》都不是标题,《是》"),
    ("too_long", "《" + "长" * 201 + "》《短》"),
    ("no_title", "没有书名号的文本\n第二行"),
]


@pytest.mark.parametrize("text", [s for _, s in SENTENCES], ids=[n for n, _ in SENTENCES])
def test_titles_equal_the_walk_over_every_mark(text):
    assert _titles(text) == _reference(text)


def test_a_title_is_found_after_many_line_ends():
    text = "\n" * 50 + "》\n" * 5 + "见《通知》"
    assert _titles(text) == [(len(text) - 4, len(text), "通知")]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="《》\n 〈〉ab的", max_size=60))
def test_property_titles_equal_the_walk_over_every_mark(text):
    assert _titles(text) == _reference(text)
