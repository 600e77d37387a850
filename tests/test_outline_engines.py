"""The outline's patterns read by Python's re give the regex module's matches.

The heading patterns of roles.py, the cue patterns of cues.py and the word lists of
evidence.py run on ``re`` (limits.plain, limits.Twin): each is checked here against
the same pattern on the regex module, on written headings and on random text dense in
the characters it reads (astral characters and newlines included).
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.outline import cues, evidence, headings, roles

ROLE_TWINS = {
    name: getattr(roles, name)
    for name in ("_QUOTED", "_ABOUT", "_QUOTED_OPEN", "_QUOTED_BARE", "_ASPECT", "_TRAILING", "_BARE_ASPECT",
                 "_ASPECT_END")
}
CUE_ROLES = sorted({role for role in ("closing", "closing_phrase", "issue_label", "measure_label", "status",
                                      "summary", "trailer", "trailer_info", "report_label", "problem", "category")})

HEADINGS = [
    "关于“理论学习不够深入”问题的整改情况",
    "关于“学用脱节。对…不深",
    "在“党的建设”方面存在的问题",
    "“四风”问题专项整治",
    "党的领导弱化方面问题的整改情况",
    "关于落实党的全面领导方面",
    "理论学习不够深入的问题",
    "关于财政预算管理方面的问题",
    "对于“意识形态工作责任制落实不到位”等问题的整改",
    "市级财政管理审计查出问题的整改情况",
    "强化政治理论武装",
    "  下一步工作打算:",
    "整改情况：已完成。",
]
_CHARS = ("关于在针对对于“”\"「」『』‘’等方面存在的问题不足整改落实进展推进情况工作审计查出发现指出反馈下一步今后"
          "打算措施举措已完成目前截至通过欢迎监督来源编辑部分资产闲置不规范未及时加强建立 :：。,\t\u3000\n\U00020000")


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.span() == b.span() and a.groups() == b.groups()


def _regex_twin_agrees(twin, text: str) -> None:
    assert _same(twin.std.search(text), twin.regex.search(text))
    assert _same(twin.std.match(text), twin.regex.match(text))


@pytest.mark.parametrize("name", sorted(ROLE_TWINS))
@pytest.mark.parametrize("heading", HEADINGS, ids=range(len(HEADINGS)))
def test_heading_patterns_agree_on_written_headings(name, heading):
    _regex_twin_agrees(ROLE_TWINS[name], heading)


@pytest.mark.parametrize("name", sorted(ROLE_TWINS))
@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=_CHARS, max_size=24))
def test_heading_patterns_agree_on_random_text(name, text):
    _regex_twin_agrees(ROLE_TWINS[name], text)


def _cue_text(role: str, data) -> str:
    words = list(cues.cues(role)) or [""]
    text = data.draw(st.text(alphabet=_CHARS, max_size=6))
    text += data.draw(st.sampled_from(words)) + data.draw(st.text(alphabet=_CHARS, max_size=8))
    return text


@pytest.mark.parametrize("role", CUE_ROLES)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_cue_patterns_agree(role, data):
    text = _cue_text(role, data)
    _regex_twin_agrees(cues._start_re(role), text)
    plain = cues._search_re(role)
    reference = regex.compile(plain.pattern, regex.VERBOSE)
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in reference.finditer(text)]
    if role == "category":
        _regex_twin_agrees(cues._category_re(), text)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_shortcoming_words_agree(data):
    text = _cue_text("problem", data)
    text = data.draw(st.sampled_from(["", "对外", "对口", "对象", "对", "就业", "就", "完善", "解决"])) + text
    for plain in (evidence._MEASURE_OPENER, evidence._strong_cue_re()):
        reference = regex.compile(plain.pattern, plain.flags & regex.VERBOSE)
        assert _same(plain.match(text), reference.match(text))
        assert _same(plain.search(text), reference.search(text))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="①②③⑳⑴1。\U00020000", max_size=12))
def test_circled_class_agrees(text):
    reference = regex.compile(headings._CIRCLED_RE.pattern, regex.VERBOSE)
    assert headings._CIRCLED_RE.findall(text) == reference.findall(text)
