"""Synthetic rectification notices from templates, and an oracle that reads them back.

For demos, benchmarks of the batch machinery and tests: every figure in a
generated notice is known from its :class:`NoticeSpec`, so comparisons over a
generated corpus can be checked against values computed from the parameters.
The sentences are written for this project in the style of real notices.

>>> spec = make_specs(1, seed=7)[0]
>>> text = render(spec)
>>> text.splitlines()[0].endswith("整改进展情况的通报")
True
>>> oracle.from_bytes(text.encode("utf-8"), "a.txt").totals.issues == spec.issues
True

``oracle`` is an extractor (see :mod:`zhenggai.corpus.inputs`) that parses only
this template: ``zhenggai batch --extractor zhenggai.corpus.synth:oracle``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from decimal import Decimal

import regex

# (province, city, county or None, GB/T 2260 code, the site that publishes)
REGIONS = (
    ("浙江省", "杭州市", None, "330100", "杭州市人民政府"),
    ("浙江省", "杭州市", "余杭区", "330110", "杭州市余杭区人民政府"),
    ("浙江省", "宁波市", None, "330200", "宁波市人民政府"),
    ("浙江省", "温州市", "鹿城区", "330302", "温州市鹿城区人民政府"),
    ("江苏省", "苏州市", None, "320500", "苏州市人民政府"),
    ("江苏省", "南京市", "江宁区", "320115", "南京市江宁区人民政府"),
    ("四川省", "成都市", None, "510100", "成都市人民政府"),
)
# (bureau, sector)
BUREAUS = (("民政局", "民政"), ("财政局", "财政"), ("教育局", "教育"), ("公安局", "公安"),
           ("卫生健康局", "卫健"), ("市场监督管理局", "市场监管"))
ISSUE_THEMES = (
    "落实全面从严治党主体责任不够到位", "养老服务机构日常监管存在薄弱环节", "专项资金使用管理不够规范",
    "基层党组织标准化建设有待加强", "选人用人工作程序执行不够严格", "意识形态工作责任制落实不到位",
    "政府采购内控制度执行不严", "行政执法规范化水平不高", "重点项目推进进度滞后", "干部队伍梯队建设不够合理",
)
MEASURES = (
    "党组书记切实履行第一责任人职责，先后主持召开专题会议研究整改工作。",
    "对照反馈意见逐条制定整改方案，明确责任领导、责任处室和完成时限。",
    "组织开展全覆盖式监督检查，对发现的问题实行清单化管理、销号式推进。",
    "修订完善财务报销审批流程，规范公务接待和差旅费用管理。",
    "开展警示教育活动，组织干部职工参观廉政教育基地。",
    "建立整改工作月报告制度，定期向巡察机构报送整改进展。",
    "举办业务能力提升培训班，围绕政策法规和办事流程开展专题辅导。",
    "对基层站所开展随机抽查，督促落实安全管理和服务规范。",
    "推动信息化平台建设，实现审批事项网上办理、全程留痕。",
    "开展干部选任工作专项检查，规范档案审核和任前公示程序。",
    "聘请第三方机构对资金使用情况开展绩效评价。",
    "建立问题线索快速处置机制，做到件件有着落、事事有回音。",
    "将整改落实情况纳入年度考核，与评先评优挂钩。",
    "深入基层开展走访调研，听取服务对象意见建议。",
    "加强与纪检监察机构的沟通协作，形成监督合力。",
    "梳理权力运行风险点，制定防控措施，压缩自由裁量空间。",
)
NUMERALS = "一二三四五六七八九十"

# ``variety``: measures and problems composed per notice, as notices of different bodies are written.
# They share the formulas (the openings and verbs below) but little else: each sentence names
# the body's own places, projects and figures, drawn from these pools.
_NAME_CHARS = (  # characters of generated place and project names (two make a name)
    "安宝北滨博昌成城崇春翠大德东丰凤福富港广桂国海和河红宏洪华淮环黄惠吉嘉建江金锦京泾九康兰"
    "乐黎莲良临龙隆鹿罗茂梅美民明南宁平浦齐祁青清庆泉仁荣瑞山上尚胜盛石寿双顺泗松太泰潭桃天通"
    "同万望文西溪霞仙祥新兴秀延阳永涌玉裕源云长昭肇镇正中舟州紫"
)
_SITES = ("社区", "街道", "小区", "工业园", "服务中心", "卫生院", "中学", "农贸市场", "养老院", "水库")
_PROJECTS = ("道路改造工程", "污水管网项目", "安置房项目", "数字平台项目", "供水提升工程", "老旧小区改造项目")
_ACTORS = ("党组", "领导班子", "班子成员", "各科室", "机关党委", "纪检组", "办公室", "分管领导")
_ACTIONS = (
    "召开专题会议{k}次，研究部署", "逐项梳理形成{k}条措施，推进", "深入{site}实地督导{k}次，跟踪",
    "约谈相关责任人{k}人次，督促", "对{site}开展回头看检查，复核", "委托第三方评估{project}，核查",
    "会同审计部门抽查{k}个项目，规范", "组织{k}场专题培训，强化",
)
_OBJECTS = (
    "{place}{site}的服务管理", "{project}的资金拨付", "{place}{site}的安全隐患整治", "档案管理和公示程序",
    "{project}的招投标程序", "窗口服务和审批时限", "{place}{site}的台账建设", "合同管理和验收程序",
)
_ENDINGS = ("", "，已全部整改到位", "，形成问题清单{k}份", "，完善配套措施{k}项", "，群众满意度明显提升",
            "，按期销号", "，目前正在持续推进")
_PROBLEMS = (
    "{place}{site}日常监管不到位", "{project}推进缓慢", "{project}资金使用不规范", "{place}{site}服务质量不高",
    "落实{topic}工作要求有差距", "{topic}制度执行不严格", "{topic}工作作风不够扎实",
)
_TOPICS = ("安全生产", "财务管理", "政府采购", "干部管理", "民生实事", "信访维稳", "生态环保", "招商引资")


@dataclass
class NoticeSpec:
    """The parameters of one generated notice (and of its reposts)."""

    index: int
    region: tuple
    bureau: str
    sector: str
    bare_issuer: bool  # 市民政局 written without the city: the site tells
    team: int
    year: int
    published: dt.date
    aspects: int
    issues: int
    completed: int
    disciplined: int
    systems: int
    money_recovered_wan: Decimal  # 追回资金 … 万元
    money_refunded_yuan: int  # 清退 … 元
    themes: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)

    @property
    def place(self) -> str:
        return self.region[2] or self.region[1]

    @property
    def organisation(self) -> str:
        return self.place + self.bureau

    @property
    def level(self) -> str:
        return "县" if self.region[2] else "市"

    @property
    def completion_rate(self) -> Decimal:
        return (Decimal(self.completed) * 100 / Decimal(self.issues)).quantize(Decimal("0.01"))


def _name(rng: random.Random) -> str:
    return rng.choice(_NAME_CHARS) + rng.choice(_NAME_CHARS)


def _fill(pattern: str, rng: random.Random) -> str:
    return pattern.format(place=_name(rng), site=rng.choice(_SITES), project=_name(rng) + rng.choice(_PROJECTS),
                          topic=rng.choice(_TOPICS), k=rng.randint(2, 60))


def varied_measure(rng: random.Random) -> str:
    """One measure sentence of a body's own: a formula of the genre filled with its places, projects and figures."""
    return _fill(rng.choice(_ACTORS) + rng.choice(_ACTIONS) + rng.choice(_OBJECTS) + rng.choice(_ENDINGS), rng) + "。"


def varied_problem(rng: random.Random) -> str:
    """One problem as the inspection team worded it (what 关于“…”问题 quotes)."""
    return _fill(rng.choice(_PROBLEMS), rng)


def make_specs(n: int, seed: int = 2023, variety: bool = False) -> list[NoticeSpec]:
    """``n`` notice parameter sets, reproducible from ``seed``.

    ``variety``: each notice's problems and measures are composed for it (:func:`varied_measure`),
    so notices share the genre's formulas but few 5-grams beyond them; otherwise they come
    from one short list (every notice then shares most of its text with the others).
    """
    rng = random.Random(seed)
    own = random.Random(seed * 7919 + 1)  # variety's own draws: the template's values stay as without it
    specs = []
    for i in range(n):
        region = REGIONS[i % len(REGIONS)]
        bureau, sector = BUREAUS[(i // len(REGIONS)) % len(BUREAUS)]
        issues = rng.randint(8, 40)
        year = rng.choice((2021, 2022, 2023))
        specs.append(NoticeSpec(
            index=i, region=region, bureau=bureau, sector=sector, bare_issuer=rng.random() < 0.3,
            team=rng.randint(1, 9), year=year,
            published=dt.date(year + 1, rng.randint(1, 12), rng.randint(1, 28)),
            aspects=rng.randint(2, 5), issues=issues, completed=rng.randint(issues // 2, issues),
            disciplined=rng.randint(0, 6), systems=rng.randint(1, 30),
            money_recovered_wan=Decimal(rng.randint(100, 99999)) / 100,
            money_refunded_yuan=rng.randint(500, 90000),
            themes=rng.sample(ISSUE_THEMES, 2), measures=rng.sample(MEASURES, 6),
        ))
        if variety:
            spec = specs[-1]
            spec.themes = [varied_problem(own), varied_problem(own)]
            spec.measures = ["".join(varied_measure(own) for _ in range(own.randint(2, 4))) for _ in range(6)]
    return specs


def render(spec: NoticeSpec, *, header: str = "") -> str:
    """The notice text of ``spec`` (``header``: a repost's extra first lines)."""
    level_word = "区委" if spec.region[2] else "市委"
    issuer = ("市" if not spec.region[2] else "区") + spec.bureau if spec.bare_issuer else spec.organisation
    issuer = "中共" + issuer + "党组"
    team = f"{level_word}第{NUMERALS[spec.team - 1]}巡察组"
    m = spec.measures
    lines = [
        f"{issuer}关于{team}巡察反馈意见整改进展情况的通报",
        f"来源：{spec.region[4]}　发布时间：{spec.published.isoformat()}",
        f"根据{level_word}统一部署，{spec.year}年3月10日至5月20日，"
        f"{team}对{spec.place}{spec.bureau}党组开展了常规巡察。"
        f"{spec.year}年7月15日，{team}向{spec.place}{spec.bureau}党组反馈了巡察意见。"
        "现将整改进展情况予以公布。",
        "一、提高政治站位，压实整改责任",
        m[0] + m[1],
        "二、聚焦反馈问题，逐项推进整改",
        f"对照反馈的{spec.aspects}个方面{spec.issues}个具体问题，已完成整改{spec.completed}个，"
        f"整改完成率{spec.completion_rate}%。",
        f"（一）关于“{spec.themes[0]}”问题",
        m[2] + m[3],
        f"（二）关于“{spec.themes[1]}”问题",
        m[4],
        "三、巩固整改成果，建立长效机制",
        f"共追回资金{spec.money_recovered_wan}万元，清退{spec.money_refunded_yuan}元。"
        f"给予党纪政务处分{spec.disciplined}人，建立完善制度{spec.systems}项。" + m[5],
        "欢迎广大干部群众对整改落实情况进行监督。联系电话：0571-87000000。",
    ]
    return header + "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the oracle

_TOTALS = regex.compile(
    r"""
    反馈的(?P<aspects>\d+)个方面(?P<issues>\d+)个具体问题   # stated totals
    ,已完成整改(?P<completed>\d+)个                         # done
    ,整改完成率(?P<rate>[\d.]+)%                            # rate as written
    """,
    regex.VERBOSE,
)
_MONEY = regex.compile(
    r"""
    (?P<category>追回|清退)(?:资金)?       # the template's two categories
    (?P<amount>(?P<num>[\d.]+)(?P<wan>万)?元)  # 12.5万元 / 800元
    """,
    regex.VERBOSE,
)
_PEOPLE = regex.compile(r"党纪政务处分(?P<n>\d+)人  # disciplined", regex.VERBOSE)
_SYSTEMS = regex.compile(r"建立完善制度(?P<n>\d+)项  # systems", regex.VERBOSE)
_DATE = regex.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日  # full dates only", regex.VERBOSE)
_HEADING = regex.compile(
    r"""
    ^(?:(?P<l1>[一二三四五六七八九十]+)、       # level 1: 一、
      |(?P<l2>[（(](?P<n2>[一二三四五六七八九十]+)[）)]))  # level 2: （一）
    (?P<heading>[^\n]*)$
    """,
    regex.VERBOSE | regex.MULTILINE,
)
_ISSUE = regex.compile(r"关于[“\"](?P<issue>[^”\"]+)[”\"]问题  # 关于“…”问题", regex.VERBOSE)
_SOURCE = regex.compile(
    r"""
    来源[:：](?P<site>\S+)[\s　]+                    # the page header's source
    发布时间[:：](?P<date>\d{4}-\d{2}-\d{2})        # and its publication date
    """,
    regex.VERBOSE,
)


def _notice_id(text: str) -> str:
    # The same recipe as zhenggai.assemble.notice_id (whitespace-blind sha256), kept here so the
    # oracle does not load the extractor.
    import hashlib

    return hashlib.sha256("".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _decode(data: bytes, name: str) -> str:
    from zhenggai.errors import InputError

    if not data.strip():
        raise InputError(name, "empty file")
    if b"\x00" in data:
        raise InputError(name, "binary file, not a notice")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(name, "cannot decode as UTF-8 or GB18030")


class Oracle:
    """Parses the synthetic template into a Notice (offsets into the normalised text)."""

    def from_bytes(self, data: bytes, name: str, **source):
        return self.from_text(_decode(data, name), name, path=name, **source)

    def from_line(self, line: bytes, name: str):
        from zhenggai.errors import InputError

        try:
            record = json.loads(line)
            text = record["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(name, f"bad crawl line: {exc}") from None
        return self.from_text(text, name, url=record.get("url"))

    def from_text(self, text: str, name: str, *, path: str | None = None, url: str | None = None):
        from zhenggai.errors import InputError
        from zhenggai.normalize import normalize
        from zhenggai.schemas import MoneyTotal, Notice, Section, Source, Totals

        text = normalize(text).text
        title_line = next((ln for ln in text.splitlines() if "通报" in ln), None)
        if title_line is None or "关于" not in title_line:
            raise InputError(name, "holds no rectification notice")
        src = _SOURCE.search(text)
        t = _TOTALS.search(text)
        money, mentions = [], []
        for m in _MONEY.finditer(text):
            value = Decimal(m["num"]) * (10000 if m["wan"] else 1)
            money.append(MoneyTotal(category=m["category"], value=value, text=m["amount"],
                                    start=m.start("amount"), end=m.end("amount")))
            mentions.append({"kind": "money", "text": m["amount"], "start": m.start("amount"),
                             "end": m.end("amount"), "value": value})
        for m in _DATE.finditer(text):
            day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            mentions.append({"kind": "date", "text": m[0], "start": m.start(), "end": m.end(),
                             "date_start": day, "date_end": day, "granularity": "day"})
        for pattern, unit in ((_PEOPLE, "人"), (_SYSTEMS, "项")):
            for m in pattern.finditer(text):
                mentions.append({"kind": "count", "text": m["n"] + unit, "start": m.start("n"),
                                 "end": m.end("n") + 1, "value": Decimal(m["n"]), "unit": unit})
        sections = self._sections(text)
        for mention in mentions:
            mention["section"] = [s.ordinal for s in sections if s.start <= mention["start"] < s.end][:1]
        mentions.sort(key=lambda d: (d["start"], d["kind"]))
        totals = Totals(
            aspects=int(t["aspects"]) if t else None, issues=int(t["issues"]) if t else None,
            completed=int(t["completed"]) if t else None, completion_rate=Decimal(t["rate"]) if t else None,
            people_disciplined=int(_PEOPLE.search(text)["n"]) if _PEOPLE.search(text) else None,
            systems_established=int(_SYSTEMS.search(text)["n"]) if _SYSTEMS.search(text) else None,
            money_recovered_yuan=sum((x.value for x in money), Decimal(0)) if money else None, money=money,
        )
        published = dt.date.fromisoformat(src["date"]) if src else None
        return Notice(
            id=_notice_id(text), extractor_version="synth-oracle", title=title_line.strip(),
            issuer=title_line.split("关于")[0].strip(),
            # the template is a rectification notice; anything else was refused above
            doc_type="rectification", doc_type_evidence=[f"title: {title_line.strip()}"],
            source=Source(path=path, url=url, site=src["site"] if src else None, published_at=published),
            totals=totals, sections=sections, mentions=mentions, text=text,
        )

    @staticmethod
    def _sections(text: str):
        from zhenggai.schemas import Section

        heads = list(_HEADING.finditer(text))
        tops, current = [], None
        for i, h in enumerate(heads):
            end = len(text)
            for later in heads[i + 1:]:
                if h["l2"] is None and later["l1"] is None:
                    continue
                end = later.start()
                break
            issue = _ISSUE.search(h[0])
            node = {"level": 1 if h["l1"] else 2, "marker": h[0][: h.start("heading") - h.start()],
                    "ordinal": NUMERALS.index((h["l1"] or h["n2"])[0]) + 1, "heading": h["heading"].strip(),
                    "start": h.start(), "end": end, "role": "issue" if issue else "other",
                    "issue": issue["issue"] if issue else None, "children": []}
            if h["l1"]:
                current = node
                tops.append(node)
            elif current is not None:
                current["children"].append(node)
        return [Section.model_validate(n) for n in tops]


oracle = Oracle()


# ---------------------------------------------------------------- a whole corpus on disk


@dataclass
class CorpusPlan:
    """What :func:`write_corpus` wrote: the canonical notices' specs and the input counts."""

    inputs: list[str]  # every input name, as batch names it
    specs: list[NoticeSpec]  # one per canonical notice
    broken: list[str]  # inputs that must become errors rows
    reposts: dict[str, str]  # repost input → original input
    near: set[str] = field(default_factory=set)  # reposts that differ in text (near duplicates)


def write_corpus(folder, n: int = 200, seed: int = 2023, jsonl_lines: int = 3, variety: bool = False) -> CorpusPlan:
    """Write ``n`` generated notices (UTF-8, UTF-8 BOM, GB18030), broken files, reposts and a crawl file.

    ``variety``: notices composed each for its body (see :func:`make_specs`).
    """
    from pathlib import Path

    root = Path(folder)
    specs = make_specs(n + jsonl_lines, seed, variety=variety)
    encodings = ("gb18030", "utf-8", "utf-8-sig")
    inputs, broken, reposts, near = [], [], {}, set()
    for spec in specs[:n]:
        path = root / "notices" / spec.region[1] / f"n{spec.index:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(spec).encode(encodings[spec.index % 3]))
        inputs.append(str(path))
    bad = root / "broken"
    bad.mkdir(parents=True, exist_ok=True)
    files = {
        "empty.txt": b"",
        "blank.txt": " \r\n\t\n".encode(),
        "junk.pdf": b"%PDF-\x00\x01" + random.Random(seed).randbytes(200),
        "weather.txt": "今天天气晴朗，适合出游。".encode(),
    }
    for name, data in files.items():
        (bad / name).write_bytes(data)
        broken.append(str(bad / name))
    rep = root / "reposts"
    rep.mkdir(parents=True, exist_ok=True)
    if n >= 3:
        originals = (specs[min(5, n - 1)], specs[min(10, n - 1)], specs[min(20, n - 1)])
        copies = {
            "same-bytes.txt": (render(originals[0]).encode(encodings[originals[0].index % 3]),
                               originals[0], False),
            "re-encoded.txt": (render(originals[1]).encode("utf-8" if originals[1].index % 3 == 0
                                                           else "gb18030"), originals[1], False),
            "with-header.txt": (render(originals[2], header="本网转载　编辑：综合办\n").encode("utf-8")
                                + "（责任编辑：网站管理员）\n".encode("utf-8"), originals[2], True),
        }
        for name, (data, spec, is_near) in copies.items():
            (rep / name).write_bytes(data)
            original = str(root / "notices" / spec.region[1] / f"n{spec.index:04d}.txt")
            reposts[str(rep / name)] = original
            if is_near:
                near.add(str(rep / name))
    crawl = root / "crawl.jsonl"
    lines = [
        json.dumps({"url": f"http://example.gov.cn/art/{s.index}.html", "text": render(s)},
                   ensure_ascii=False)
        for s in specs[n:]
    ]
    lines += ["{not json", "", json.dumps({"url": "http://example.gov.cn/empty.html"})]
    crawl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    number = 0
    for line in lines:
        number += 1
        if line.strip():
            inputs.append(f"{crawl}:{number}")
            if not line.startswith('{"url": "http://example.gov.cn/art'):
                broken.append(f"{crawl}:{number}")
    return CorpusPlan(inputs=inputs + broken[:4] + list(reposts), specs=specs, broken=broken, reposts=reposts,
                      near=near)
