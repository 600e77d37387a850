"""The patterns that read an inspection's facts, in one place (as trafilatura keeps its xpaths).

Teams (清河县委第二巡察组, 市委机动巡察一组), sending bodies (市委, 省委教育工委), rounds
(十二届区委第二轮巡察), modes (常规巡察, 巡察“回头看”), targets (对…开展了巡察), audit offices and
verbs, and the genre words of audit titles.  zhenggai.facts.inspection holds the logic that
uses them.

>>> patterns()["team"].search("2023年5月,市委第四巡察组对市审计局开展了巡察")["team"]
'市委第四巡察组'
"""

from __future__ import annotations

from functools import lru_cache

import regex

from zhenggai import limits
from zhenggai.facts.guards import Guarded
from zhenggai.models import load_words

ORD = r"[\d一二三四五六七八九十百两〇零]+"  # ordinal numerals: 第四, 第12, 十九届


# A place name written before a territorial body: "清河县委第二巡察组", "西湖区委第一巡察组".
# The team keeps it as written (a cross inspection names the sending county); the body
# stays the bare 县委.  It must start a word (after punctuation, a space, a digit or the
# line start), must not open with a verb, preposition or demonstrative (经/由/根据 市委…,
# 该镇…), must hold none of 对/经/的/把/按/被/与/及 anywhere ("镇党委对市委巡察组": no place name has
# them, while 太和, 从化, 向阳 and 和平 do hold 和/从/向, even first) and no term or round (十届市委).
PLACE = r"""
              (?:(?<![\p{Han}])                           #   starts a word
                 (?!(?:根据|按照|依据|对照|针对|配合|会同|接受|派出)   #   not a verb or preposition …
                    |[经由在对据按依配会受派与及同将为被把该本此])  #   … nor a demonstrative (该/本/此)
                 (?!中共(?:省委|市委|县委|区委|州委|旗委|盟委|地委|自治区党委))  #   中共 alone is no place
                 [^\W\d_届轮对经的把按被与及]{2,6}?        #   清河 / 太和 / 向阳 (no 十届, no 对/的/与 …)
                 (?=省委|市委|县委|区委|州委|旗委|盟委|地委|自治区党委))?   #   … right before a territorial body
"""


# A compound body named after a territory (省委教育工委, 市直机关工委, 省国资委党委): a
# territorial prefix, a few name characters, then a party-committee word.  Kept whole as
# the body; the bare list word (工委, 委党委) would cut it to its last word.
COMPOUND_BODY = r"""
              (?:省|市|县|区|州|旗|盟|自治区)委?             #   省 / 省委 / 市 …
              [^\W\d_第巡视察对向于在和与及的署统部按根]{1,6}?   #   教育 / 直机关 / 国资委 (no verb, no 第)
              (?:党工委|工委|党委|党组)                        #   the committee word closes it
"""


# The standing agencies (市委巡察办, 巡视工作领导小组, 巡察机构) are no inspection: a report
# that "与市委巡察办建立联合通报机制" names neither a kind nor a sending body.
NOT_AGENCY = r"(?!(?:巡视|巡察)?(?:办|工作领导小组|领导小组|工作机构|机构))"


def _alternation(name: str) -> str:
    return "|".join(map(regex.escape, sorted(load_words(name), key=len, reverse=True)))


@lru_cache(maxsize=None)
def patterns() -> dict[str, limits.Pattern | Guarded]:
    bodies = _alternation("inspection_bodies.txt")
    modes = _alternation("inspection_modes.txt")
    return {
        "team": limits.compile(
            rf"""
            (?P<team>
              {PLACE}                                     # 清河 (县委…): a place written before the body
              (?P<body>{COMPOUND_BODY}|{bodies})?         # 市委 / 中央 / 集团党委 (data file), 省委教育工委
              (?:(?<=委|党组)[^\W\d_第巡视察届轮对向于在]{{2,8}}?领域)?  # 市委医疗卫生领域第六专项巡察组: a field
              (?:第(?P<ord>{ORD})(?:{modes})?(?P<kind>巡视|巡察)(?:工作)?组   # 第四巡察组 / 第二巡视工作组 / 第五专项巡察组
                |(?:{modes})?(?P<kind2>巡视|巡察)(?P<ord2>{ORD})组   # 巡察四组 / 机动巡察一组
                |(?:{modes})?(?P<kind3>巡视|巡察)(?:工作)?组)       # (机动)巡察组 (no ordinal): 县委机动巡察组
            )
            """,
            regex.VERBOSE,
        ),
        "body": Guarded(limits.compile(
            rf"""
            (?P<body>{COMPOUND_BODY}|{bodies})            # the sending body (省委教育工委 / 市委) …
            (?:[^\n,。;]{{0,8}}?第{ORD}轮)?               # … optionally its round …
            (?:{ORD}个)?(?:{modes}|政治)?                  # … its teams or mode (市委6个巡察组, 第七轮政治巡察) …
            (?P<kind>巡视|巡察){NOT_AGENCY}                # … then the kind word (not 巡察办)
            """,
            regex.VERBOSE,
        ), ("巡视", "巡察")),  # every match holds one (facts.guards)
        "round": Guarded(limits.compile(
            rf"""
            (?P<round>
              (?:{ORD}届)?                                # 十九届 / 十四届
              (?:{bodies})?                                # 中央 / 省委 …
              第(?P<n>{ORD})轮                            # 第九轮
              (?:巡视|巡察)?                               # the kind word when written right after
            )
            """,
            regex.VERBOSE,
        ), ("轮",)),  # every match holds one (facts.guards)
        "mode": Guarded(limits.compile(
            rf"""
            (?P<mode>
              (?:{modes})?(?:巡视|巡察)\s*[“"‘']?回头看[”"’']?   # 巡视“回头看” (with an optional mode word)
              |(?:{modes})(?:巡视|巡察)                          # 常规巡察 / 联动巡察 / 专项巡视
            )
            """,
            regex.VERBOSE,
        ), ("巡视", "巡察")),  # every match holds one (facts.guards)
        "target": Guarded(limits.compile(
            r"""
            对(?P<target>[^\n,。;:、对]{2,40}?)        # 对 <the inspected body> …
            (?:的)?(?:开展|进行|实施)了?               # … 开展了/进行了 (the inspection verb)
            (?=[^\n,。;]{0,16}?(?:巡视|巡察|审计|回头看|检查))   # … of an inspection, not 对…进行了测评
            """,
            regex.VERBOSE,
        ), ("开展", "进行", "实施")),  # every match holds one (facts.guards)
        "audit_office": Guarded(limits.compile(
            r"""
            (?<![^\n,。;:、\s\d年月日据对由经和与的于照至])   # starts after a boundary, not inside a word
            (?P<body>
              审计署(?:[^\W\d_据对由经和与的于照至]{2,8}?特派(?:员办事处|办))?   # 审计署 (… 特派办)
              |[^\W\d_据对由经和与的于照至]{0,8}?审计(?:厅|局)                     # 省审计厅 / 杭州市审计局
            )
            """,
            regex.VERBOSE,
        ), ("审计署", "审计厅", "审计局")),  # every match holds one (facts.guards)
        "audit_verb": Guarded(limits.compile(
            r"""
            (?:进行|开展|实施)了?[^\n。;]{0,40}?审计        # 进行了…审计
            |审计了                                          # 审计了
            """,
            regex.VERBOSE,
        ), ("审计",)),  # every match holds one (facts.guards)
    }


KIND_WORD = limits.compile(
    rf"""
    (?:巡视|巡察){NOT_AGENCY}         # the two inspection kinds (not the 巡察办 agency)
    """,
    regex.VERBOSE,
)
KIND_OR_AUDIT = limits.compile(
    rf"""
    (?:巡视|巡察){NOT_AGENCY}|审计    # inspection kinds and audits (titles)
    """,
    regex.VERBOSE,
)
# Titles of the audit genre: such a notice is an audit whatever inspection words its
# text mentions in passing, unless it states an inspection of its own unit (a team,
# 对…开展…巡察).
AUDIT_TITLE = limits.compile(
    r"""
    审计[^\n]{0,30}?整改[^\n]{0,30}?报告       # 审计查出问题整改情况的报告 / 审计整改工作报告
    |审计(?:查出|发现)的?问题                  # 审计查出问题 / 审计发现问题
    |审计结果公告                              # 2015年度审计结果公告
    |审计工作报告                              # 关于…的审计工作报告
    """,
    regex.VERBOSE,
)
# Audit rectification reports (审计查出问题整改情况的报告) often carry no
# "X审计局对…进行了审计" sentence; these phrases in the head say the notice is
# about an audit all the same.
AUDIT_GENRE = limits.compile(
    r"""
    审计(?:查出|发现|指出|反映)的?问题的?整改   # 审计查出问题的整改情况 / 审计发现问题整改
    |审计整改                                   # 审计整改工作 / 审计整改问题金额
    |审计(?:结果公告|工作报告)                  # 审计结果公告 / 审计工作报告 (a title line)
    """,
    regex.VERBOSE,
)
