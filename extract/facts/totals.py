"""Stated totals of the whole rectification, read from the figures already found.

A count/percent/money mention becomes a total when (1) it sits where the
notice speaks of the whole rectification — the preamble, a summary paragraph,
the closing, not one issue's measures — and (2) a cue from
``models/totals_cues.tsv`` / ``models/totals_money_cues.tsv`` ends the clause
right before it or starts right after it:

    反馈的5个方面26个问题中,已整改到位24个,正在整改2个。     → aspects 5, issues 26, completed 24, in_progress 2
    移交信访件9件,已全部办结;问责3人,清退违规资金8.2万元。  → petitions_transferred 9, petitions_resolved 9,
                                                                 people_held_accountable 3, money_recovered_yuan 82000

Rules (the genre writes each figure as its own comma clause):
- The cue nearest the figure wins; ties go to the earlier table row.
- The first figure per key in document order wins (the preamble states the
  totals; later restatements repeat them).  ``in_progress`` adds up the
  unfinished categories listed in that first sentence ("基本完成4个,未完成5个" → 9).
- Figures after 其中 in a sentence that already gave that key are breakdowns: skipped.
- "新建制度12项,修订8项": a bare 修订/完善 clause right after a systems figure adds to it.
- Completed/in-progress figures about measures ("整改措施86条,已完成82条": right after a
  measures figure, same measure word, no 问题 in the clause) are not issue counts: the
  completed one is ``measures_completed``; they fill ``completed``/``in_progress`` only
  when the notice states no completed issue count.
- One sentence giving both 整改任务 and 措施 counts (形成整改任务46项、具体措施138条):
  the measures figure is ``measures_planned``.
- A percent stated as the share of a completed figure just before it (已完成整改41个,
  占总数的93.2% / 整改措施已落实97条,占93.3%) is the ``completion_rate``.
- An issues cue before a count of another noun (问题分解到32个责任单位) does not bind it;
  N个方面 are aspects only when issues follow in the sentence; figures listed with 、
  before an issues/completed figure (立行立改的1786个、分阶段整改的817个问题) add up
  (zhenggai.facts.totals_lists).
- ``money_recovered_yuan`` = the sum of distinct (category, amount) pairs of the
  recovering categories (追回, 挽回, 清退, 退缴 …); amounts after 其中 that detail an
  earlier recovered amount are not added, but a recovery listed after 其中 under a
  non-recovery total (整改问题金额24.73亿元,其中追回资金2681.5万元) is.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Any

import regex

from zhenggai import limits
from zhenggai.facts.guards import Guarded
from zhenggai.facts.regions import Regions
from zhenggai.facts.totals_lists import SUMMED_KEYS, list_head, listed_object, parallel_sum, to_int
from zhenggai.facts.totals_cues import LEFT_GAP, _money_rows, _plan, _rows, classify, money_category
from zhenggai.facts.totals_stated import Tally, is_stated_total
from zhenggai.mentions.base import Found

__all__ = ["LEFT_GAP", "_money_rows", "_rows", "classify", "find_totals", "money_category"]


_BREAKDOWN = limits.compile(
    r"""
    其中                     # 其中: what follows details the figure before it
    """,
    regex.VERBOSE,
)
_CONTINUE_SYSTEMS = limits.compile(
    r"""
    ^\s*(?:修订完善|修订|修改|完善|新建|新制定|制定|出台|健全|废止)   # a bare verb clause: 修订8项
    \s*$
    """,
    regex.VERBOSE,
)
_ALL_DONE = Guarded(limits.compile(
    r"""
    ^[^;。]{0,10}?(?:已全部|全部已?|均已|已经全部)                    # 已全部 / 均已 … (may follow a comma)
    (?:完成整改|整改完成|整改到位|整改销号|完成|销号|整改)            # … completed
    """,
    regex.VERBOSE,
), ("全部", "均已"))  # every match holds one (facts.guards)
_ALL_RESOLVED = Guarded(limits.compile(
    r"""
    ^[^;。]{0,10}?(?:已全部|全部已?|均已|已经全部)(?:办结|办理完毕|处理完毕)   # 已全部办结
    """,
    regex.VERBOSE,
), ("全部", "均已"))  # every match holds one
_FEEDBACK = limits.compile(
    r"""
    反馈|指出|交办                         # the figure is the number of feedback issues
    """,
    regex.VERBOSE,
)
_THRESHOLD = Guarded(limits.compile(
    r"""
    (?:及?以上|及?以下|左右)?的\s*                  # 100%的 / 80%以下的 … then a count (used with .match):
    [\d一二三四五六七八九十两]                       # the units that reached that rate, not a rate stated
    """,
    regex.VERBOSE,
), ("的",))  # every match holds it
_MEASURE_NOUN = Guarded(limits.compile(
    r"""
    \s*(?:具体)?(?:整改)?(?:措施|举措)                # 尚未完成的12条措施: the figure counts measures
    """,
    regex.VERBOSE,
), ("措施", "举措"))  # every match holds one
_TASK_CUE = limits.compile(
    r"""
    整改任务                                # 形成整改任务46项: tasks, coarser than measures
    """,
    regex.VERBOSE,
)
_MEASURE_CUE = limits.compile(
    r"""
    措施|举措                               # 具体措施138条: the measures themselves
    """,
    regex.VERBOSE,
)
_ISSUE_NOUN = limits.compile(
    r"""
    问题                                   # the clause names issues itself (9个问题已全部整改完成)
    """,
    regex.VERBOSE,
)

_SHARE = limits.compile(
    r"""
    ^\s*(?:约|分别)?占                                 # 占 / 约占: a share of something …
    (?:问题|整改问题|反馈问题|措施|整改措施|任务|整改任务)?   # … of the issues / measures …
    (?:总数|总量|总任务数?|总体)?(?:的)?               # … 总数的
    (?:比(?:例|重)?)?(?:为|达|达到)?\s*$              # 占比 / 占比例为: nothing else before the rate
    """,
    regex.VERBOSE,
)
_SHARE_GAP = limits.compile(
    r"""
    ^[^\d;；。]{0,12}$          # between the completed figure and 占…: one comma, no other figure
    """,
    regex.VERBOSE,
)

_SOFT_WRAP = limits.compile(
    r"""
    \p{Han}\n\p{Han}      # a line break between two characters of one clause (hard-wrapped text)
    """,
    regex.VERBOSE,
)
# Counts whose kinds a notice lists one after another (党纪处分1人、政务处分2人 / 新建制度10项,
# 修订制度5项 / 移交信访件6件,转交信访举报4件): distinct parts of one figure, summed.
_LISTED_PEOPLE = frozenset({"people_disciplined", "people_talked_to", "people_held_accountable"})
_LISTED_SUMMED = _LISTED_PEOPLE | {"systems_established", "petitions_transferred", "clues_transferred"}
# Between two listed figures of systems, petitions or clues: the second reports what was done
# with the first (5件问题线索已办结4件), not another part.
_DONE_BETWEEN = limits.compile(
    r"""
    已|办结|完成|处置|落实      # 已办结 / 已完成 …: progress on the figure before
    """,
    regex.VERBOSE,
)
# Summed figures whose stated total (共计给予党纪政务处分5人) replaces the parts it covers
# (zhenggai.facts.totals_stated).
_STATED_KEYS = _LISTED_SUMMED | {"petitions_resolved", "cases_filed"}
_LISTED_GAP = limits.compile(
    r"""
    ^\p{Han}{1,10}$        # 处分2人提醒谈话0人: only the next kind's cue between two figures
    """,
    regex.VERBOSE,
)
# N个方面 are the aspects of the feedback only when issues follow in the sentence (4个方面、
# 31个单位共计62个问题 / 3个方面12条); 从发现问题、工作作风等三个方面进行了测评 is a survey's angles.
_ISSUES_FOLLOW = limits.compile(
    r"""
    [^;；。]*?问题                                       # 问题 later in the sentence
    | \p{Han}{0,3}\s*(?:共|共计)?[\d一二三四五六七八九十两百]{1,4}\s*(?:个|项|条)  # or 方面12条 / 3大类25个
    """,
    regex.VERBOSE,
)
# A text-table label line (已完成：11个　　正在推进：3个 / 提醒谈话：村干部7人): the label before
# the colon is the figure's cue, though the colon ends a clause.
_LABEL = limits.compile(
    r"""
    (?:^|(?<=[\n\t,，;；。、])|(?<=[\x20\u3000]))     # the line start, a delimiter or a gap before it
    (?P<label>[^\s\u3000,，;；:：。、!！?？\d%]{2,12})   # a short label without figures
    [:：]$                                          # then the colon right before the clause
    """,
    regex.VERBOSE,
)
_LIST_BREAK = limits.compile(
    r"""
    [;；。]|其中            # a new clause or a breakdown: not the same list
    """,
    regex.VERBOSE,
)


_FIGURE_KINDS = frozenset({"count", "percent", "money"})  # the mentions a total may be
# Zero as the figures' values are written (Decimal): a Decimal compared with the int 0 is
# converted to a Decimal at every comparison first.
_ZERO = Decimal(0)
_START = attrgetter("start")


def _is_share_of_done(text: str, left: str, clause_start: int, done: int | None) -> bool:
    """Whether a percent whose clause reads ``left`` before it (占总数的) is the share of the
    completed figure ending at ``done``, one comma back in the same sentence."""
    return (
        done is not None
        and done <= clause_start
        and bool(_SHARE.match(left))
        and bool(_SHARE_GAP.match(text[done:clause_start]))
    )


# Between an aspects count and the issues count after it: 4个方面19个, 3类12个.
_ASPECTS_THEN = limits.compile(
    r"""
    (?:大?方面|大?类)?[、,]?   # the aspects' noun, when the count did not take it as its unit
    """,
    regex.VERBOSE,
)
# Words before a figure that make it a part of the whole: the rest still open (剩余3个问题),
# or one person's own list (班子成员制定个人整改措施26条).
_PART_BEFORE = Guarded(limits.compile(
    r"""
    (?:剩余|其余|尚余|余下|尚未完成的?|未完成的?|尚在推进的?|正在整改的?|个人)[^,;。\d]{0,6}$
    """,
    regex.VERBOSE,
), ("余", "未完成", "推进", "正在整改", "个人"))  # every word holds one
# Keys a cue over a listed item may give a count of people (list_head).
_PEOPLE_KEYS = frozenset({"people_held_accountable", "people_disciplined", "people_talked_to"})


_AS_OF = limits.compile(
    r"""
    截至|截止到?|到目前|目前|现已     # 截至今年3月15日 / 截止目前: the state as of a later day
    """,
    regex.VERBOSE,
)


def _later_progress(text: str, regions: Regions, before_end: int, pos: int, sent: tuple[int, int]) -> bool:
    """Whether the figure at ``pos`` restates progress as of a later day (its sentence opens with
    截至…) in the paragraph of the earlier figure ending at ``before_end``, in a later sentence."""
    return (
        before_end <= sent[0]
        and regions.paragraph(before_end - 1) == regions.paragraph(pos)
        and _AS_OF.search(text, sent[0], min(pos, sent[0] + 12)) is not None
    )


def label_before(text: str, clause_start: int) -> str:
    """The label of a text-table line whose colon opens the clause at ``clause_start`` ('' if none).

    >>> t = "已完成：11个　　正在推进：3个"
    >>> label_before(t, t.index("3")), label_before(t, t.index("1"))
    ('正在推进', '已完成')
    """
    if clause_start == 0 or text[clause_start - 1] not in ":：":
        return ""
    m = _LABEL.search(text, max(0, clause_start - 14), clause_start)
    return m["label"] if m else ""


def find_totals(
    text: str, found: Sequence[Found], outline: Sequence[Any] = (), regions: Regions | None = None
) -> dict[str, Any]:
    """Notice-level totals (keys only where stated; ``money`` lists the categorised amounts).

    >>> from zhenggai.mentions.base import Found
    >>> t = "问责3人。"
    >>> find_totals(t, [Found("count", 2, 4, "3人", {"value": 3, "unit": "人"})])
    {'people_held_accountable': 3}
    """
    regions = regions or Regions(text, outline)
    totals: dict[str, Any] = {}
    in_progress_sentence: tuple[int, int] | None = None
    # Per sentence: keys already given there, and whether 其中 followed one of them.
    last_key: dict[tuple[int, int], str] = {}
    measure_unit: dict[tuple[int, int], str | None] = {}
    given: dict[tuple[int, int], dict[str, int]] = {}
    money: list[dict[str, Any]] = []
    recovered_seen: set[tuple[str, Decimal]] = set()
    recovered_tally = Tally(add_smaller=True)  # money_recovered_yuan: parts and stated totals
    tallies: dict[str, Tally] = {}  # summed counts: parts and stated totals (_STATED_KEYS)
    measure_done: dict[str, int] = {}  # completed / in_progress figures about measures
    listed: dict[str, tuple[tuple[int, int], int]] = {}  # people key → (sentence, end of its last figure)
    done_end: dict[tuple[int, int], int] = {}  # sentence → end of its latest completed figure
    completed_at: int | None = None  # end of the figure that gave ``completed``

    # A negative figure (-3.8亿元, 负3.9%) is a fall, never a total of what was done.
    figures = [f for f in found if f.kind in _FIGURE_KINDS and f.values.get("value", _ZERO) >= _ZERO]
    figures.sort(key=_START)
    keys: dict[int, str | None] = {}  # start → the key a count in totals context answered
    issues_after_aspects = False  # the issues total came as N个方面M个问题 (the strongest form)
    category_done: dict[tuple[int, int], int] = {}  # paragraph → issues of fully done categories
    closing_from = regions.closing_from
    sentence_texts: dict[tuple[int, int], str] = {}  # sentence span → its text, sliced once for its figures
    # Every clause classify reads is cut from ``text``: without a character beyond U+FFFF here,
    # none has one (classify then runs its twinned rows on re without reading each clause).
    bmp = not limits.astral(text)
    # The figures in totals context, with their clause and sentence (one call for all of them).
    for i, (cs, ce), sent in regions.totals_places([f.start for f in figures]):
        f = figures[i]
        # 已完成：11个: the label line's label is the clause's cue (only after a colon)
        lead = label_before(text, cs) if cs and text[cs - 1] in ":：" else ""
        right_end = ce if ce > f.end else f.end  # max(ce, f.end), inline: the builtin costs ~1k more a call
        left, right = lead + text[cs : f.start], text[f.end : right_end]
        if cs >= 2 and text[cs - 1] == "\n" and _SOFT_WRAP.match(text, cs - 2, cs + 1):
            # 共建立完善⏎制度26项: a hard-wrapped line (PDF text) splits the cue; read on
            # across the break (the line before ends in a character, not punctuation).
            ps = regions.clause(cs - 2)[0]
            left = text[ps : cs - 1] + left
        if f.start >= closing_from and _plan().search(text, cs, ce):  # (regions.in_closing, inline)
            continue  # 下一步…再建立完善制度9项: a plan, not a result
        seen_here = given.get(sent)
        if seen_here is None:
            seen_here = given[sent] = {}

        if f.kind == "money":
            cat = money_category(left)
            if cat is None and text[cs - 1 : cs] == "、":
                cat = money_category(listed_object(text, regions, cs, left))
            value = f.values.get("value")
            if cat is None or value is None:
                continue
            category, recovered = cat
            # 其中 after a recovered amount details it (追回200万元,其中清退50万元):
            # not added again.  After a non-recovery total (整改问题金额…,其中追回…)
            # the recovered part is the recovery figure itself.
            parent = seen_here.get("recovered_money")
            breakdown = parent is not None and bool(_BREAKDOWN.search(text, parent, f.start))
            money.append({"category": category, "value": Decimal(value), "text": f.text,
                          "start": f.start, "end": f.end})
            if recovered:
                seen_here.setdefault("recovered_money", f.end)
            if recovered and not breakdown:
                key = (category, Decimal(value))
                if key not in recovered_seen:  # a part that repeats an earlier figure: once
                    recovered_seen.add(key)
                    if is_stated_total(left):
                        recovered_tally.stated(Decimal(value))  # 合计挽回经济损失32.06万元
                    else:
                        recovered_tally.part(Decimal(value))
            continue

        unit = f.values.get("unit")
        sentence = sentence_texts.get(sent)
        if sentence is None:
            sentence = sentence_texts[sent] = text[sent[0] : sent[1]]
        key = classify(left, right, f.kind, unit, sentence, f.values.get("noun"), bmp=bmp)
        if key is None and f.kind == "count" and (head := list_head(text, regions, cs, figures, i)) is not None:
            # 问责党组织7个、党员领导干部22人: the cue of the list's first item governs this one too.
            key = classify(head, right, f.kind, unit, sentence, f.values.get("noun"), bmp=bmp)
            key = key if key in _PEOPLE_KEYS else None
        if key is None and f.kind == "count" and i > 0 and keys.get(figures[i - 1].start) == "aspects" and (
            figures[i - 1].start >= cs and _ASPECTS_THEN.fullmatch(text, figures[i - 1].end, f.start)
        ):
            # 巡察反馈问题共4个方面19个: the cue before the aspects names the issues after them.
            key = classify(lead + text[cs : figures[i - 1].start], right, f.kind, unit, sentence,
                           f.values.get("noun"), bmp=bmp)
            key = key if key == "issues" else None
        if key in ("issues", "measures_planned") and _PART_BEFORE.search(left):
            key = None  # 对剩余3个问题 / 制定个人整改措施26条: a part, not the whole
        if key == "aspects" and not _ISSUES_FOLLOW.match(text, f.end, sent[1]):
            key = None  # 等三个方面进行了测评: no issues follow
        keys[f.start] = key
        if key is None and f.kind == "percent" and _is_share_of_done(text, left, cs, done_end.get(sent)):
            key = "completion_rate"  # 已完成整改41个,占总数的93.2%
        if key is None:
            noun = f.values.get("noun") or ""
            if f.kind == "count" and noun.endswith("问题") and _ALL_DONE.match(text[f.end + len(noun) : sent[1]]):
                # 6个立行立改问题已全部销号: one category of the issues, all done; it joins the
                # completed figure stated next in the paragraph (…;已完成整改并销号12个 → 18).
                value = to_int(f.values.get("value"))
                if value is not None:
                    para = regions.paragraph(f.start)
                    category_done[para] = category_done.get(para, 0) + value
                continue
            if (
                f.kind == "count"
                and last_key.get(sent) == "systems_established"
                and _CONTINUE_SYSTEMS.match(left)
                and not _BREAKDOWN.search(text, seen_here.get("systems_established", f.start), f.start)
            ):
                value = to_int(f.values.get("value"))
                if value is not None and "systems_established" in totals and totals.get("_systems_sentence") == sent:
                    tallies["systems_established"].part(value)
                    totals["systems_established"] = tallies["systems_established"].value
                    listed["systems_established"] = (sent, f.end)
            continue
        if key in seen_here and _BREAKDOWN.search(text, seen_here[key], f.start):
            continue  # 其中 …: a breakdown of a figure already taken
        if (
            key in ("completed", "in_progress")
            and last_key.get(sent) == "measures_planned"
            and measure_unit.get(sent) == unit
            and not _ISSUE_NOUN.search(left + right)
        ):
            # 整改措施86条,已完成82条: measures done (same measure word), not issues; kept
            # apart, and used for completed/in_progress only when no issue figure is stated.
            value = to_int(f.values.get("value"))
            if value is not None and key not in measure_done:
                measure_done[key] = value
            if key == "completed":
                done_end[sent] = f.end
            continue
        if key in ("completed", "in_progress") and _MEASURE_NOUN.match(right):
            continue  # 对尚未完成的12条措施…: measures named right after the figure, not issues
        if key == "completed":
            done_end[sent] = f.end
        seen_here[key] = f.end
        last_key[sent] = key
        if key == "measures_planned":
            measure_unit[sent] = unit

        if key == "completion_rate":
            if _THRESHOLD.match(text, f.end, right_end):  # (max(ce, f.end))
                continue  # 整改完成率达到100%的51个: how many units reached a rate
            if key not in totals and f.values.get("value") is not None:
                totals[key] = Decimal(f.values["value"])
            continue
        value = to_int(f.values.get("value"))
        if value is None:
            continue
        if key == "in_progress":
            if key not in totals:
                totals[key] = value
                in_progress_sentence = sent
            elif in_progress_sentence == sent:
                totals[key] += value
            continue
        if key in tallies and is_stated_total(left):
            # 诫勉谈话2人,提醒谈话9人,合计谈话提醒11人: the stated total replaces the parts it
            # covers; a smaller one restates a part and is not added.
            tallies[key].stated(value)
            totals[key] = tallies[key].value
            listed[key] = (sent, f.end)
            continue
        if key in _LISTED_SUMMED and key in totals and listed.get(key, (None, 0))[0] == sent:
            # 党纪处分1人、政务处分2人 / 诫勉谈话2人,提醒谈话7人: kinds listed one after
            # another in one sentence add up (3, 9)
            between = text[listed[key][1] : f.start]
            joined = "、" in between or "," in between or (key in _LISTED_PEOPLE and _LISTED_GAP.match(between))
            if joined and not _LIST_BREAK.search(between) and not (
                key not in _LISTED_PEOPLE and _DONE_BETWEEN.search(between)
            ):
                tallies[key].part(value)
                totals[key] = tallies[key].value
                listed[key] = (sent, f.end)
            continue
        if (key in _LISTED_PEOPLE and totals.get(key) == 0
                and regions.paragraph(listed[key][1] - 1) == regions.paragraph(f.start)):
            # 诫勉0人。…批评教育6人: a kind stated as none, then another kind in the next sentence
            # of the paragraph; adding to a stated zero can never count one figure twice.
            tallies[key].part(value)
            totals[key] = tallies[key].value
            listed[key] = (sent, f.end)
            continue
        if key == "measures_planned" and totals.get("_plan_from_tasks") == sent and _MEASURE_CUE.search(
            text[max(cs, f.start - LEFT_GAP) : f.end + 6]
        ):
            # 形成整改任务46项、具体措施138条: when one sentence gives both, the measures
            # are the planned measures; the tasks only group them.
            totals[key] = value
            totals.pop("_plan_from_tasks")
            continue
        after_aspects = key == "issues" and i > 0 and keys.get(figures[i - 1].start) == "aspects" and (
            figures[i - 1].start >= cs
        )
        if after_aspects and key in totals and not issues_after_aspects:
            # 反馈的4个方面16个问题 names the whole set; an earlier figure from a weaker cue
            # (班子成员带头认领问题12个) was a part of it.
            totals[key] = value
            issues_after_aspects = True
            continue
        if key == "completed" and key in totals and completed_at is not None and _later_progress(
            text, regions, completed_at, f.start, sent
        ) and totals[key] < value <= totals.get("issues", value):
            # 集中整改阶段结束时…已完成整改9个;截至今年3月15日,已完成12个: a later 截至 in the
            # same paragraph reports further progress on the same issues; it supersedes.
            totals[key] = value
            completed_at = f.end
            continue
        if key not in totals:
            issues_after_aspects = issues_after_aspects or after_aspects
            if key == "completed":
                completed_at = f.end
            if key in SUMMED_KEYS:
                value += parallel_sum(text, figures, i, keys)
            if key == "completed":
                value += category_done.get(regions.paragraph(f.start), 0)
            totals[key] = value
            if key == "measures_planned" and _TASK_CUE.search(text[max(cs, f.start - LEFT_GAP) : f.end + 6]):
                totals["_plan_from_tasks"] = sent
            if key in _STATED_KEYS:
                tallies[key] = Tally(add_smaller=False)
                if is_stated_total(left):
                    tallies[key].stated(value)
                else:
                    tallies[key].part(value)
            if key in _LISTED_SUMMED:
                listed[key] = (sent, f.end)
            if key == "systems_established":
                totals["_systems_sentence"] = sent
            # (the sentence after the figure, for 已全部… clauses)
            if key == "issues" and _ALL_DONE.search(text[f.end : sent[1]]):
                totals.setdefault("completed", value)
            if key == "petitions_transferred" and _ALL_RESOLVED.search(text[f.end : sent[1]]):
                totals.setdefault("petitions_resolved", value)
            if key == "completed" and _ALL_DONE.search(right) and _FEEDBACK.search(left):
                totals.setdefault("issues", value)

    totals.pop("_systems_sentence", None)
    totals.pop("_plan_from_tasks", None)
    if "completed" in measure_done:
        totals["measures_completed"] = measure_done["completed"]
    if "completed" not in totals and "completed" in measure_done:
        # Only measures are reported done (186项整改措施已完成164项,其余22项…): they are the
        # notice's statement of progress, so completed/in_progress carry them.
        for key, value in measure_done.items():
            totals.setdefault(key, value)
    for key, tally in tallies.items():
        if key in totals:
            totals[key] = tally.result()
    if (recovered_sum := recovered_tally.result()) is not None:
        totals["money_recovered_yuan"] = recovered_sum
    if money:
        totals["money"] = money
    return totals
