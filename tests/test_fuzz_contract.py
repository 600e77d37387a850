"""Fuzzing the whole extraction against the output contract (tests/fuzz/contract.py).

Hypothesis builds notice-like text from the genre's parts — headings in every
marker style and numeral script, dates, money, percents, counts, multiples,
document titles and numbers — and mixes in what scraped pages carry: mixed
widths, control characters, lone surrogates, RTL marks, zero-width characters.
Every record must keep the contract; only ZhenggaiError subclasses may escape.

Bounded for CI: 150 examples per property, derandomized (the same examples on
every run), no per-example deadline.  ZHENGGAI_FUZZ_PROFILE=zhenggai-long runs
5,000 random examples per property; atheris runs longer: tests/fuzz/README.md.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.fuzz.contract import check_notice, run_one
from zhenggai.errors import ZhenggaiError

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("zhenggai-ci", max_examples=150, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=_QUIET)
settings.register_profile("zhenggai-long", max_examples=5000, deadline=None, derandomize=False, database=None,
                          print_blob=True, suppress_health_check=_QUIET)
# ZHENGGAI_FUZZ_PROFILE=zhenggai-long: a longer random search (tests/fuzz/README.md).
CI = settings.get_profile(os.environ.get("ZHENGGAI_FUZZ_PROFILE", "zhenggai-ci"))

CN_DIGITS = "〇一二三四五六七八九"
FULLWIDTH = {ord(c): ord(c) + 0xFEE0 for c in "0123456789.,%()"}


def chinese(n: int) -> str:
    """1..9999 as a Chinese numeral (十二, 一百零五, 两千 is not produced: 二千)."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n - 10] if n > 10 else "")
    out, zero = [], False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(CN_DIGITS[d] + unit)
    return "".join(out)


ordinals = st.integers(min_value=0, max_value=120)
numbers = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(str),
    st.integers(min_value=1, max_value=9999).map(chinese),
    st.integers(min_value=0, max_value=10**6).map(lambda n: str(n).translate(FULLWIDTH)),
    st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False).map(str),
    st.integers(min_value=1000, max_value=10**9).map(lambda n: f"{n:,}"),
    st.sampled_from(["两", "二〇二三", "一点五", "3千", "1.2万", "0", "00", "1e5", "9" * 40]),
)


def _heading(style: str, n: int) -> str:
    cn = chinese(max(n, 1))
    return {
        "cn": f"{cn}、", "pcn": f"（{cn}）", "pcn_half": f"({cn})", "ar": f"{n}.", "ar_dun": f"{n}、",
        "par": f"({n})", "par_full": f"（{n}）", "circled": chr(0x2460 + n % 20), "part": f"第{cn}部分",
        "fw": f"{n}．".translate(FULLWIDTH), "word": f"{cn}是",
    }[style]


headings = st.builds(
    lambda style, n, body, end: _heading(style, n) + body + end,
    st.sampled_from(["cn", "pcn", "pcn_half", "ar", "ar_dun", "par", "par_full", "circled", "part", "fw",
                     "word"]),
    ordinals,
    st.sampled_from(["关于整改落实不到位的问题", "强化理论学习", "", "整改情况", "下一步工作打算",
                     "完善制度机制。",
                     "关于“三重一大”制度执行不严格问题", "一是加强领导;二是压实责任"]),
    st.sampled_from(["\n", "", "\n\n", " ", "。\n"]),
)

years = st.integers(min_value=0, max_value=9999)
months = st.integers(min_value=0, max_value=14)
days = st.integers(min_value=0, max_value=33)
dates = st.one_of(
    st.builds(lambda y, m, d: f"{y}年{m}月{d}日", years, months, days),
    st.builds(lambda y, m: f"{y}年{m}月", years, months),
    st.builds(lambda y, m, d: f"{y}.{m}.{d}", years, months, days),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", years, months, days),
    st.builds(lambda y, m, d: f"{y}/{m}/{d}", years, months, days),
    st.builds(lambda m, d: f"{m}月{d}日", months, days),
    st.builds(lambda y, q: f"{y}年第{chinese(q)}季度", years, st.integers(min_value=1, max_value=5)),
    st.builds(lambda y, m, d, m2, d2: f"{y}年{m}月{d}日至{m2}月{d2}日", years, months, days, months, days),
    st.builds(lambda y, y2: f"{y}年至{y2}年", years, years),
    st.builds(lambda y: "".join(CN_DIGITS[int(c)] for c in str(y)) + "年", years),
    st.sampled_from(["今年以来", "去年底", "上半年", "截至目前", "2023年2月30日", "2023年13月", "2021915日",
                     "二〇二三年六月", "2022年7月以来", "2023年底前", "每年", "9999年12月31日", "0年1月1日"]),
)
amounts = st.builds(
    lambda q, n, unit, tail: f"{q}{n}{unit}元{tail}",
    st.sampled_from(["", "约", "近", "超过", "人民币", "¥", "共计"]),
    numbers,
    st.sampled_from(["", "万", "亿", "千万", "余万", "多"]),
    st.sampled_from(["", "以上", "左右", "至10万元", "—5万元"]),
)
percents = st.one_of(
    st.builds(lambda n, s: f"{n}{s}", numbers, st.sampled_from(["%", "％", "个百分点"])),
    st.builds(lambda n: f"百分之{n}", st.integers(min_value=0, max_value=200).map(chinese)),
    st.sampled_from(["三分之二", "整改率100%", "完成率达98.7%"]),
)
counts = st.builds(
    lambda q, n, unit, noun: f"{q}{n}{unit}{noun}",
    st.sampled_from(["", "约", "共", "第", "近", "上"]),
    numbers,
    st.sampled_from(["个", "项", "人次", "条", "件", "人", "家", "次", "个月", "组", "倍"]),
    st.sampled_from(["", "问题", "整改措施", "信访件"]),
)
documents = st.one_of(
    st.builds(lambda t: f"《{t}》", st.text(alphabet="关于印发整改方案的通知《》", max_size=12)),
    st.builds(lambda y, n: f"浙民发〔{y}〕{n}号", years, st.integers(min_value=0, max_value=999)),
)
prose = st.sampled_from([
    "根据市委统一部署,", "市委第四巡察组对我局开展了常规巡察。", "反馈意见指出的问题已全部完成整改", ",",
    "。", "\n", "、", ";", ":", "“", "”", "(", ")", "（", "）",
    "欢迎广大干部群众监督。联系电话:0571-12345678",
    "下一步,我们将持续巩固整改成果。", "追回资金", "立行立改", "谈话提醒", "建立完善制度",
])
hostile = st.sampled_from([
    "\x00", "\x01", "\x1b", "\x7f", "\r", "\r\n", "\t", "\ud800", "\udfff", "\ud83d\ude00", "\u202e",
    "\u202d", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2028", "\u3000", "\xa0", "\ufffd", "😀",
    "𠀀", "Ａ", "ｶ",
])
fragment = st.one_of(headings, dates, amounts, percents, counts, documents, prose, hostile, numbers,
                     st.text(max_size=8))
notice_like = st.lists(fragment, max_size=60).map("".join)


@settings(CI)
@given(notice_like)
@example("一、关于整改情况\n(一)强化学习\n1.完善制度\n(1)追回资金12.5万元\n①2023年6月完成")
@example("整改\ud800完成2023年6月追回资金3万元")
@example("\u202e一、\u200b2022年7月15日至9月23日,市委第四巡察组\x00开展巡察。")
def test_notice_like_text_keeps_the_contract(text):
    run_one(text)


@settings(CI)
@given(st.text(max_size=300))
def test_any_text_keeps_the_contract(text):
    run_one(text)


@settings(CI)
@given(st.lists(headings, min_size=1, max_size=40).map("".join))
def test_heading_runs_keep_the_contract(text):
    # Dense heading runs stress the tree: nesting, ends, levels.
    run_one(text)


FIXTURE_NOTICES = sorted((Path(__file__).resolve().parent / "fixtures" / "notices").glob("*.txt"))


def _splice(base: str, edits: list[tuple[float, int, str]]) -> str:
    """``base`` with each edit applied: at a relative position, delete some characters, insert a fragment."""
    text = base
    for where, cut, piece in edits:
        i = int(where * len(text))
        text = text[:i] + piece + text[i + cut:]
    return text


mutated_notices = st.builds(
    _splice,
    st.sampled_from(FIXTURE_NOTICES).map(lambda p: p.read_text(encoding="utf-8")) if FIXTURE_NOTICES
    else st.just("一、整改情况\n追回资金3万元。"),
    st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.integers(min_value=0, max_value=40), fragment),
             max_size=12),
)


@settings(CI)
@given(mutated_notices)
def test_mutated_fixture_notices_keep_the_contract(text):
    # Real-shaped notices (the project's fixtures) with fragments spliced in and characters cut out.
    run_one(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("整改" * 500_000, id="one-1MB-line-of-han"),
        pytest.param(("2022年追回资金3万元,完成率98%," * 40_000)[:1_000_000], id="one-1MB-line-of-figures"),
    ],
)
def test_one_megabyte_single_line(text):
    """A single 1 MB line (explicit, not generated each run): a record or a one-line error, in time."""
    started = time.monotonic()
    result = run_one(text)
    elapsed = time.monotonic() - started
    assert elapsed < 30, f"took {elapsed:.1f}s"
    assert not isinstance(result, ZhenggaiError) or "\n" not in str(result)


# -- regression tests for crashes the fuzzers found ------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("整改" + chr(0xD800) + "完成2023年6月", id="lone-surrogate-breaks-json"),
        pytest.param("1" * 20_000, id="digit-run-quadratic-counts"),
        pytest.param("追回资金¥9999999999999999999999990.1元。", id="25-digit-amount-not-exact-in-json"),
        pytest.param("3万元" * 8_000, id="unpunctuated-figures-quadratic-clauses"),
        pytest.param("一、整改\n（一）学习\n1.制度\n（1）追回资金3万元\n" * 1_500,
                     id="many-sections-quadratic-closing"),
    ],
)
def test_fuzz_findings_stay_fixed(text):
    started = time.monotonic()
    notice = run_one(text)
    assert not isinstance(notice, ZhenggaiError)
    check_notice(notice.text, notice)
    assert time.monotonic() - started < 5
