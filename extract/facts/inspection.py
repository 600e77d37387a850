"""The inspection a notice answers: kind, sending body, team, mode, round and dates.

Read from the preamble, where the genre states it in two sentences:

    根据县委统一部署,2023年3月6日至5月10日,县委第二巡察组对县交通运输局党组开展了常规巡察。
    2023年6月15日,县委巡察组向县交通运输局党组反馈了巡察意见。

→ {kind: 巡察, body: 县委, team: 县委第二巡察组, target: 县交通运输局党组, mode: 常规巡察,
   start: 2023-03-06, end: 2023-05-10, feedback_date: 2023-06-15}

A place written before the body stays in the team as written ("清河县委第二巡察组":
team 清河县委第二巡察组, body 县委); a term (十届市委第六巡察组) does not.

Dates come from the date mentions already found (``found``); this module only
decides which of them are the inspection period and the feedback day.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import regex

from zhenggai import limits
from zhenggai.facts.guards import Guarded
from zhenggai.facts.cue_chars import Required, lacks, required_chars
from zhenggai.facts.inspection_dates import (
    FEEDBACK,
    DateMentions,
    Mentions,
    VERB,
    dates_in,
    end_marked,
    feedback_day,
    period,
    period_elsewhere,
)
from zhenggai.facts.inspection_patterns import (
    AUDIT_GENRE,
    ORD,
    AUDIT_TITLE,
    KIND_OR_AUDIT,
    KIND_WORD,
    patterns,
)
from zhenggai.facts.regions import Regions
from zhenggai.mentions.base import Found
from zhenggai.mentions.date_story import event_kind
from zhenggai.models import load_table, load_words
from zhenggai.numerals import parse_number
from zhenggai.scan import RunScanner

# Without an outline the preamble is unknown; the inspection is stated within
# the first few paragraphs, so look no further than this.
HEAD_CHARS = 3000
# An audit office as the author of the audit report (审议了县审计局所作的审计工作报告).
_AUTHOR_OF_REPORT = Guarded(limits.compile(
    r"""
    (?P<body>[^\W\d_了的和与对由经据于在]{1,8}?审计(?:厅|局))   # 县审计局 (not 审议了…: 了 starts no name)
    (?:所作|所做|作出|提交|提请审议)的?      # 所作的 / 提交的
    [^\n。;；]{0,30}?                       # 关于2023年度…的 (the report's subject, optional)
    审计(?:工作|结果)?报告                  # 审计工作报告 / 审计结果报告
    """,
    regex.VERBOSE,
), ("报告",))  # every match holds it (facts.guards)


@lru_cache(maxsize=None)
def _revisit_cues() -> tuple[Required, ...]:
    """What each revisit cue of the story table (models/date_story_cues.tsv) needs (facts.cue_chars)."""
    return tuple(required_chars(row[1], verbose=False) for row in load_table("date_story_cues.tsv")
                 if row[0] == "revisit")


def _is_revisit(sentence: str) -> bool:
    """``event_kind(sentence) == "revisit"``; the story cues are not run when the sentence lacks
    what every revisit cue needs (most titles and sentences hold no 回头看).

    >>> _is_revisit("关于市委巡察“回头看”整改情况的通报"), _is_revisit("关于市委巡察整改情况的通报")
    (True, False)
    """
    cues = _revisit_cues()
    if cues and all(cues):
        chars = set(sentence)
        if all(lacks(need, chars) for need in cues):
            return False
    return event_kind(sentence) == "revisit"


def _ordinal(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return int(parse_number(text))
    except (ValueError, ArithmeticError):
        return None


def _region(regions: Regions) -> tuple[int, int]:
    end = regions.preamble_end() if regions.roots else min(regions.n, HEAD_CHARS)
    if end <= 0:
        end = min(regions.n, HEAD_CHARS)
    return 0, end


@lru_cache(maxsize=None)
def _team_scanner() -> RunScanner:
    """The team pattern restricted to the word runs holding 巡视/巡察 (zhenggai.scan).

    A team match consumes only word characters (place, body and mode words,
    第, numerals, 巡视/巡察, 工作, 组), so it never crosses a comma or a space;
    its lookaheads read at most a dozen characters on.
    """
    words = load_words("inspection_bodies.txt") + load_words("inspection_modes.txt")
    extra = "".join(sorted({ch for w in words for ch in w if not _WORD_CHAR.match(ch)}))
    consumable = r"\w\d" + regex.escape(extra + "〇零第巡视察工作组", special_only=False)
    # Every team match closes with the kind word and 组, maybe 工作 or an ordinal between:
    # 巡察组 / 巡视工作组 / 巡察四组.  Runs without such a stretch hold no team.
    return RunScanner(patterns()["team"], consumable, anchor=_TEAM_ANCHOR, reach=12)


_TEAM_ANCHOR = rf"(?:巡视|巡察)(?:(?:工作)?|{ORD})组"
# The anchor alone: every team match ends where one of these ends (…巡察组 / …巡察四组).
_TEAM_END = limits.compile(
    rf"""
    (?:巡视|巡察)(?:(?:工作)?|{ORD})组   # 巡察组 / 巡视工作组 / 巡察四组
    """,
    regex.VERBOSE,
)
TEAM_LOOKAHEAD = 12 + 2  # how far past a match its lookaheads may read (as the scanner's reach + 2)


def _team_finditer(text: str, s: int, e: int) -> list[regex.Match]:
    """``team.finditer(text, s, e)``, as the run scanner gives it, with each run's window cut
    after its last 巡察组: no team match ends later (it ends where a 巡察组 ends), and the
    pattern would otherwise be tried at every position up to the run's end.  For the same
    reason a run's matches end with the one that ends at its last 巡察组 (the search for a next
    one is not made).
    """
    scanner, out = _team_scanner(), []
    for start, end in scanner.runs(text, s, e):
        last = start
        for m in _TEAM_END.finditer(text, start, end):
            last = m.end()
        window = min(e, end + scanner.reach, last + TEAM_LOOKAHEAD)
        for m in scanner.pattern.finditer(text, start, window):
            if m.start() >= end:
                break  # the next run's business
            out.append(m)
            if m.end() >= last:
                # It ends at the run's last 巡察组: a later match would start at or after it and
                # end no later (no match is empty), so none follows; the search for one would try
                # the long pattern at every position up to the window's end, in vain.
                break
    return out


_WORD_CHAR = limits.compile(r"\w  # a word character", regex.VERBOSE)


def _team_matches(text: str, s: int, e: int, memo: dict[tuple[int, int], list]) -> list:
    """Team-pattern matches in sentence [s, e), computed once per sentence (``memo``).

    Every team match holds 巡视 or 巡察 and ends in 组 (巡察组, 巡察四组): the (long) pattern
    runs only on the stretches of the sentence around them.
    """
    key = (s, e)
    hits = memo.get(key)
    if hits is None:
        if (text.find("巡察", s, e) < 0 and text.find("巡视", s, e) < 0) or text.find("组", s, e) < 0:
            hits = []  # every team match holds 巡视/巡察 and ends in 组
        else:
            hits = _team_finditer(text, s, e)  # = team.finditer(text, s, e)
        memo[key] = hits
    return hits


def _team_sentence(
    text: str, sentences: list[tuple[int, int]], memo: dict[tuple[int, int], list] | None = None
) -> tuple[tuple[int, int] | None, Any]:
    """The sentence that names the team (one with an ordinal first), else one with 对…开展…巡视.

    ``sentences`` are in text order (regions.sentences, or some of them): all lie between the
    first one's start and the last one's end, where each pass's words are looked for once.
    """
    if not sentences:
        return None, None
    pats = patterns()
    memo = {} if memo is None else memo
    # Every team match holds 巡视/巡察 and 组, every VERB match one of VERB's words: a pass
    # whose words the stretch of the sentences lacks finds nothing in any of them, and is not
    # made sentence by sentence (an audit report's opening names no 巡察 at all).
    stretch = text[sentences[0][0] : sentences[-1][1]]
    if "组" in stretch and ("巡察" in stretch or "巡视" in stretch):
        for want_ordinal in (True, False):
            for s, e in sentences:
                for m in _team_matches(text, s, e, memo):
                    if want_ordinal and not (m["ord"] or m["ord2"]):
                        continue
                    if not want_ordinal and not VERB.search(text, s, e) and not m["body"]:
                        continue
                    return (s, e), m
    if _holds_one(stretch, VERB.words):
        for s, e in sentences:
            if VERB.search(text, s, e) and pats["target"].search(text, s, e):
                return (s, e), None
    return None, None


def _holds_one(window: str, words: tuple[str, ...]) -> bool:
    """Whether ``window`` holds one of ``words`` (a guard's words: facts.guards)."""
    for word in words:
        if word in window:
            return True
    return False


def find_inspection(
    text: str, found: Sequence[Found], outline: Sequence[Any] = (), title: str | None = None,
    regions: Regions | None = None,
) -> dict[str, Any]:
    """Inspection facts stated in the preamble (keys only where found).

    >>> t = "2023年3月6日至5月10日,县委第二巡察组对县交通运输局党组开展了常规巡察。"
    >>> find_inspection(t, [])["team"], find_inspection(t, [])["mode"]
    ('县委第二巡察组', '常规巡察')
    """
    pats = patterns()
    regions = regions or Regions(text, outline)
    found = DateMentions(found)  # the date mentions, indexed once for the per-sentence lookups
    r_start, r_end = _region(regions)
    out: dict[str, Any] = {}
    verb = None
    memo: dict[tuple[int, int], list] = {}  # sentence → team matches, shared by both spans
    # The preamble first; when it names no team (an outline that starts too
    # early, a preamble cut by a heading), the head of the text.
    # A notice on a 回头看 (its title says so) answers the 回头看, not the first inspection the
    # preamble tells before it: the 回头看 sentence is read first.
    revisit = bool(title) and _is_revisit(title)
    # (Without an outline the preamble is the head of the text: the same span, read once.)
    head_span = (0, min(regions.n, HEAD_CHARS))
    spans = ((r_start, r_end),) if head_span == (r_start, r_end) else ((r_start, r_end), head_span)
    for span in spans:
        sentences = regions.sentences(*span)
        team_sentence, team_match = None, None
        if revisit:
            told = [sp for sp in sentences if _is_revisit(text[sp[0]:sp[1]])]
            team_sentence, team_match = _team_sentence(text, told, memo)
        if team_sentence is None:
            team_sentence, team_match = _team_sentence(text, sentences, memo)
        if team_sentence is not None:
            r_start, r_end = span
            break
    else:
        if span != (r_start, r_end):  # (else ``sentences`` are already those of the preamble)
            sentences = regions.sentences(r_start, r_end)

    if team_match is not None:
        out["kind"] = team_match["kind"] or team_match["kind2"] or team_match["kind3"]
        # A bare 巡察组 ("区委组建4个巡察组") names no team: keep the kind, leave team null.
        if team_match["body"] or team_match["ord"] or team_match["ord2"]:
            out["team"] = team_match["team"]
        if team_match["body"]:
            out["body"] = team_match["body"]
    if team_sentence is not None:
        s, e = team_sentence
        sentence = text[s:e]
        verb = VERB.search(text, s, e)
        cut = verb.start() if verb else e
        feedback = FEEDBACK.search(text, s, e)
        if feedback and feedback.start() < cut:
            cut = feedback.start()
        # A team sentence that only reports the feedback (县委第一巡察组向…反馈了巡察意见,
        # no inspection verb) dates the feedback, not the inspection period.
        feedback_only = feedback is not None and verb is None
        start, end = (None, None) if feedback_only else period(text, dates_in(found, s, max(cut, s + 1)))
        if start and not end:
            end = end_marked(text, found, s, e)  # 于4月8日进驻…,5月31日结束进驻
        if start:
            out["start"] = start
        if end:
            out["end"] = end
        target = pats["target"].search(sentence)
        if target:
            out["target"] = target["target"]
        if "kind" not in out:
            kind = KIND_WORD.search(sentence)
            out["kind"] = kind.group() if kind else None

    if team_sentence is not None and "start" not in out:
        # The team sentence only reports the feedback (or names the team in a title line):
        # the period stands in another opening sentence (…对…进行了巡察 / 进驻时间为…).
        start, end, where = period_elsewhere(text, found, sentences)
        if start:
            out["start"] = start
            if end:
                out["end"] = end
            target = pats["target"].search(text, *where)
            if target and "target" not in out:
                out["target"] = target["target"]

    # Feedback day: the last date before 反馈 in a feedback sentence.  Without a
    # team sentence (an audit: 审计局…进行了审计,并于8月11日出具了审计报告 may stand under
    # 一、总体情况), the head of the text is read after the preamble.
    fb_sentences = sentences
    if team_sentence is None:
        fb_sentences = sentences + [sp for sp in regions.sentences(0, min(regions.n, HEAD_CHARS))
                                    if sp[0] >= r_end]
    team_verb = (verb.start() if verb else team_sentence[0]) if team_sentence and team_match else None
    # feedback_day reads only sentences holding FEEDBACK's words (反馈/出具): when the stretch of
    # the sentences (in text order) holds none, it has nothing to read.
    day = None
    if fb_sentences and _holds_one(text[fb_sentences[0][0] : fb_sentences[-1][1]], FEEDBACK.words):
        day = feedback_day(text, found, fb_sentences, team_sentence, team_verb, out.get("start"))
    # A feedback never comes before the inspection started (the date mentions were already put in
    # the story's order by zhenggai.mentions.date_story); a pair that still disagrees gives no feedback day.
    if day is not None and not (out.get("start") is not None and day < out["start"]):
        out["feedback_date"] = day

    # An audit report (by its title) that states no inspection of its own unit: its
    # 巡视/巡察 words are passing mentions (配合巡察, 巡察整改), the kind is 审计.
    audit_only = team_sentence is None and bool(title) and AUDIT_TITLE.search(title) is not None
    if audit_only:
        out.pop("kind", None)
        _audit(text, found, regions, sentences, title, out, "", force=True)
        return {k: v for k, v in out.items() if v is not None}
    head = (title or "") + "\n" + text[r_start:r_end]
    for key in ("mode", "round"):
        m = pats[key].search(text, r_start, r_end) or (pats[key].search(title) if title else None)
        if m:
            out[key] = m[key]
            if key == "round":
                number = _ordinal(m["n"])
                if number is not None:
                    out["round_number"] = number
    if "body" not in out:
        m = pats["body"].search(head)
        if m:
            out["body"] = m["body"]
            out.setdefault("kind", m["kind"])

    if not out.get("kind"):
        _audit(text, found, regions, sentences, title, out, (title or "") + "\n" + text[: min(regions.n, HEAD_CHARS)])
        if not out.get("kind"):
            kind = KIND_OR_AUDIT.search(title or "") or KIND_WORD.search(head)
            if kind:
                out["kind"] = kind.group()
    return {k: v for k, v in out.items() if v is not None}


def _audit(
    text: str, found: Mentions, regions: Regions, sentences: list[tuple[int, int]],
    title: str | None, out: dict[str, Any], head: str = "", force: bool = False,
) -> None:
    """Fill kind/body/start/end for an audit (审计) notice, when the text says so (always with ``force``)."""
    pats = patterns()
    # The preamble first; announcements state the audit under 一、审计整改总体情况.
    head_sentences = regions.sentences(0, min(regions.n, HEAD_CHARS))
    taken = set(sentences)
    for s, e in [*sentences, *(x for x in head_sentences if x not in taken)]:
        office = pats["audit_office"].search(text, s, e)
        verb = pats["audit_verb"].search(text, s, e) if office else None
        if office and verb:
            out["kind"] = "审计"
            out["body"] = office["body"]
            target = pats["target"].search(text, office.end(), e)
            # The audit period, not the audited fiscal year: dates inside the
            # target (对2022年度预算执行…) and bare 2023年度 (审计项目计划) are no period.
            cut = target.start() if target and target.start() < verb.start() else verb.start()
            dates = [d for d in dates_in(found, s, cut) if not d.text.endswith("年度")]
            start, end = period(text, dates)
            if start:
                out["start"] = start
            if end:
                out["end"] = end
            if target:
                out["target"] = target["target"]
            return
    genre = AUDIT_GENRE.search(head)
    inspection_word = KIND_WORD.search(head)
    if force or (title and "审计" in title and not KIND_WORD.search(title)) or (
        genre and (inspection_word is None or genre.start() < inspection_word.start())
    ):
        out["kind"] = "审计"
        # No "X审计局对…进行了审计" sentence: the body only when the title names
        # the office (the 审计局 whose head signs a report to the people's congress,
        # 市审计局局长 某某, is not necessarily the one that audited).
        office = pats["audit_office"].search(title or "")
        if office:
            out["body"] = office["body"]
            return
        # …审议了县审计局所作的审计工作报告: the office that wrote the audit report did the audit.
        for s, e in head_sentences:
            author = _AUTHOR_OF_REPORT.search(text, s, e)
            if author:
                out["body"] = author["body"]
                return
