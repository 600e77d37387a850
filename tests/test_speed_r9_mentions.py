"""Round 9 of the speed work on the mentions (docs/speed.md): each change checked against what it replaced.

* find_mentions reads its finders from their modules (imported once) instead of seven
  ``from … import`` statements a call: the same mentions as the old body on the bench notices,
  and a wrapper set on a finder's module (as bench/functions.py sets them) is still called.
* find_atoms on a short text: the whole-text scans of YEAR_LED_RE, MONTH_LED_RE and BARE_DAY_RE
  skipped without their 年, 月, 日, and the run and key patterns without a run of four digits and
  without 年 and 月: each pattern finds nothing in text without its character (hypothesis, an
  alphabet dense in what the patterns read), and find_atoms gives the plain scan's matches on
  texts lacking any of them.
* money: the foreign-currency search only where a foreign word stands in its window (资金 before
  an amount ends with 金, as 美金 does), and the unit multiplier memoised: the search finds nothing
  where no word is (hypothesis), the memo equals the product; find_money and find_shares as the
  code before on the bench notices (tests/test_money*.py, tests/test_percent.py and the identity
  set check the values).
* percent: a plain run (98.71%: ASCII digits with at most one point, then % ending the run, after a
  character the pattern neither consumes nor refuses in its lookbehinds) read without the pattern:
  the scanner's matches (spans and groups) as the whole-text scan's on written, bench and hypothesis
  text, and the plain reading taken on the bench notices.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhenggai.mentions as mentions
from zhenggai.limits import deadline
from zhenggai.mentions import date_patterns as P
from zhenggai.mentions import find_mentions, merge
from tests.test_dates_scan import plain_atoms

REPO = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "tests/fixtures/notices")
         for p in sorted((REPO / folder).glob("*.txt"))]


def _find_mentions_before(text, published=None):
    """find_mentions as main had it before round 9 (the finders imported at each call)."""
    from zhenggai.mentions.counts import find_counts
    from zhenggai.mentions.date_patterns import digit_screen
    from zhenggai.mentions.dates import find_dates
    from zhenggai.mentions.documents import find_documents
    from zhenggai.mentions.money import find_money
    from zhenggai.mentions.multiple import find_multiples
    from zhenggai.mentions.percent import find_shares

    screened = digit_screen(text)
    astral = False if screened else None
    by_kind = {"document": [], "docnumber": []}
    for f in find_documents(text):
        by_kind[f.kind].append(f)
    dates = find_dates(text, published=published, screened=screened)
    by_kind["date"] = [f for f in dates if f.kind == "date"]
    by_kind["unparsed_date"] = [f for f in dates if f.kind == "unparsed_date"]
    by_kind["money"] = find_money(text, astral=astral)
    by_kind["percent"], by_kind["points"] = find_shares(text, astral=astral)
    by_kind["multiple"] = find_multiples(text)
    by_kind["count"] = find_counts(text, astral=astral)
    return merge(by_kind)


def test_bench_notices_have_texts():
    assert len(TEXTS) >= 80


@pytest.mark.parametrize("with_deadline", [False, True], ids=["no-deadline", "deadline"])
def test_find_mentions_as_before_on_bench_notices(with_deadline):
    import datetime as dt

    for i, text in enumerate(TEXTS):
        published = dt.date(2023, 6, 30) if i % 2 else None
        if with_deadline:
            with deadline(60.0):
                got = find_mentions(text, published)
        else:
            got = find_mentions(text, published)
        assert got == _find_mentions_before(text, published)


@pytest.mark.parametrize(
    "module, name",
    [("dates", "find_dates"), ("counts", "find_counts"), ("money", "find_money"), ("percent", "find_shares"),
     ("documents", "find_documents"), ("multiple", "find_multiples"), ("date_patterns", "digit_screen")],
    ids=lambda v: v,
)
def test_find_mentions_calls_a_wrapped_finder(monkeypatch, module, name):
    import importlib

    find_mentions("2023年追回资金12.5万元")  # the finders' modules loaded first (as by a warm-up)
    mod = importlib.import_module(f"zhenggai.mentions.{module}")
    real = getattr(mod, name)
    calls = []

    def wrapped(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(mod, name, wrapped)
    text = "2023年追回资金12.5万元,整改率99%,问题12个"
    assert [f.kind for f in mentions.find_mentions(text)] == ["date", "money", "percent", "count"]
    assert calls == [text]


# Characters and pieces the date patterns read (test_dates_scan.PIECES and a few more).
_DATE_PIECES = ["2023", "20240307", "1998", "12", "3", "0", "年", "月", "日", "号", "季", "度", "第", "首", "前",
                "末", "一", "三", "十", "至", "—", "-", ".", "/", " ", "、", "和", "从", "自", "到", "个", "底",
                "半", "今", "去", "上", "下", "本", "当", "同", "次", "明", "两", "内", "初", "中", "期", "二",
                "〇", "九", "较", "年代", "90", "个月", "，", "\n", "以来", "份", "旬", "10:30", "T"]


def _plain_atoms(text):
    """find_atoms as one finditer per pattern over the whole text, leftmost-longest (test_dates_scan's)."""
    return [(m.re.pattern, m.span(), m.groups()) for m in plain_atoms(text)]


def _without(chars):
    pieces = [p for p in _DATE_PIECES if not any(c in p for c in chars)]
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


@pytest.mark.parametrize("pattern, char", P._NEEDS_CHAR, ids=["year-led", "month-led", "bare-day"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_scanned_pattern_needs_its_character(pattern, char, data):
    text = data.draw(_without(char))
    assert pattern.search(text) is None


@settings(max_examples=300, deadline=None)
@given(text=_without("年月"))
def test_the_keyed_patterns_need_a_year_or_a_month_character(text):
    for pattern in P._KEYED_PATTERNS:
        assert pattern.search(text) is None, pattern.pattern[:40]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from([p for p in _DATE_PIECES if p not in ("2023", "20240307", "1998")]),
                     max_size=40).map("".join))
def test_the_run_patterns_need_a_run_of_four_digits(text):
    if P.digit_runs(text) == []:
        for pattern in P._RUN_PATTERNS:
            assert pattern.search(text) is None, pattern.pattern[:40]


@pytest.mark.parametrize("missing", ["年", "月", "日", "年月", "年月日", "", "0123456789"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_find_atoms_is_the_plain_scan_on_texts_lacking_keys(missing, data):
    text = data.draw(_without(missing))
    got = [(m.re.pattern, m.span(), m.groups()) for m in P.find_atoms(text)]
    assert got == _plain_atoms(text)


@pytest.mark.parametrize("text", ["关于巡察整改情况的通报", "整改情况", "", "第一巡察组12人", "2023",
                                  "10月", "今年", "29日召开"])
def test_find_atoms_on_short_texts(text):
    assert [(m.re.pattern, m.span(), m.groups()) for m in P.find_atoms(text)] == _plain_atoms(text)


# -- money: the foreign-word pretest and the memoised multiplier --

from zhenggai.mentions import money  # noqa: E402

_MONEY_PIECES = ["港币", "美金", "台币", "新台币", "澳门币", "外币", "资金", "金", "币", "人民币", "约", "超过", "近",
                 "上", "不足", "\n", " ", "，", "追回", "100", "3.5", "万元", "元", "港", "美", "台"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MONEY_PIECES), max_size=12).map("".join))
def test_the_foreign_search_needs_a_foreign_word(text):
    for end in range(len(text) + 1):
        before = end - 8 if end > 8 else 0
        window = text[before:end]
        if not any(word in window for word in money._FOREIGN_WORDS):
            assert money._FOREIGN.search(text, before, end) is None


@pytest.mark.parametrize("units", ["", "万", "亿", "千万", "万亿", "十万", "百万", "千亿", "拾萬", "佰仟萬"])
def test_the_multiplier_memo_is_the_product(units):
    from decimal import Decimal

    product = Decimal(1)
    for ch in units:
        product *= money._UNIT_VALUES[ch]
    assert money._multiplier(units) == product
    assert str(money._multiplier(units)) == str(product)


@pytest.mark.parametrize(
    "text, values",
    [("追回资金111.95万元", ["1119500"]), ("兑换港币100万元", []), ("美金约100万元", []), ("美金\n100万元", []),
     ("外币资金300元", ["300"]), ("人民币100万元", ["1000000"]), ("新台币超过5亿元,资金2千万元", ["20000000"]),
     ("资金3亿元,5千万元", ["300000000", "50000000"])],
    ids=["fund", "hkd", "usd-approx", "usd-line", "word-before-fund", "rmb", "twd-then-fund", "units"],
)
def test_amounts_after_fund_and_foreign_words(text, values):
    assert [str(f.values["value"]) for f in money.find_money(text)] == values


# -- percent: plain runs read without the pattern --

from zhenggai.mentions import percent  # noqa: E402


def _share_matches(matches):
    return [(m.span(), m.groups()) for m in matches]


_PLAIN_CASES = ["完成率98.71%,覆盖率100%", "A98%,a5%,_5%,#5%", "5.%,.5%,5..5%,1.2.3%", "约98%,近5%以上,-3%,负3%",
                "20%-30%,20-30%,20至30%", "91. 7%,1. 7%", "第1,2%,2,345%", "\n5%\n", "5%", "%", "١٢%,²%",
                "1" * 40 + "%", "率" + "9" * 31 + "%", "5 %,5\t%", "五成,5%左右,5%以上"]


@pytest.mark.parametrize("text", _PLAIN_CASES, ids=range(len(_PLAIN_CASES)))
def test_plain_percent_runs_are_the_patterns_matches(text):
    with deadline(60.0):
        assert _share_matches(percent._SCANNER.finditer(text, astral=False)) == \
            _share_matches(percent._PERCENT_RE.finditer(text))


def test_plain_percent_runs_on_bench_notices():
    plain = 0
    with deadline(60.0):
        for text in TEXTS:
            matches = list(percent._SCANNER.finditer(text, astral=False))
            assert _share_matches(matches) == _share_matches(percent._PERCENT_RE.finditer(text))
            plain += sum(type(m) is percent._PlainMatch for m in matches)
    assert plain > 100  # the common case is read without the pattern


_PERCENT_ALPHABET = "0123456789.,%％‰ -—~至到以上下左右约近超过负AZaz成分之个百点一二三完的\n\t率达"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_PERCENT_ALPHABET, max_size=30))
def test_property_plain_percent_runs_are_the_patterns_matches(text):
    with deadline(60.0):
        assert _share_matches(percent._SCANNER.finditer(text, astral=False)) == \
            _share_matches(percent._PERCENT_RE.finditer(text))
