"""One notice as an HTML page, so a person can check an extraction by eye.

The outline sits in a side bar (role by colour, linked to the heading in the text); every
mention is highlighted by kind, its value shown beside it (money in yuan, date ranges, counts
with their noun) and listed in a values column; an inferred year is marked.  The facts table
is labelled in Chinese (检查组, 反馈时间 …) and ends with the signature date (落款日期).

Two entry points, one page: :func:`render_html` for a record (``zhenggai render``) and
:func:`render_rows` for a notice's rows in a dataset (the explorer's notice page).

>>> from zhenggai import extract_text
>>> "<mark" in render_html(extract_text("追回资金12万元。"))   # doctest: +SKIP
True
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from string import Template

from zhenggai.schemas import Notice, Section

KINDS = ("money", "date", "count", "percent", "points", "multiple", "document", "docnumber", "unparsed_date")
KIND_LABELS = {
    "money": "金额", "date": "日期", "count": "数量", "percent": "比例", "points": "百分点", "multiple": "倍数",
    "document": "文件", "docnumber": "文号", "unparsed_date": "未解析日期",
}
# Facts table: (column in a notices row, Chinese label).  A record is flattened to the same names.
FACT_LABELS = (
    ("title", "标题"), ("issuer", "发布单位"), ("organisation", "单位（规范名）"),
    ("source_site", "来源"), ("source_published_at", "发布时间"),
    ("inspection_kind", "检查类型"), ("inspection_body", "派出机关"), ("inspection_team", "检查组"),
    ("inspection_target", "被检查单位"), ("inspection_mode", "检查方式"), ("inspection_round", "轮次"),
    ("inspection_start", "进驻时间"), ("inspection_end", "结束时间"), ("inspection_feedback_date", "反馈时间"),
    ("totals_aspects", "问题方面"), ("totals_issues", "问题数"), ("totals_completed", "已完成整改"),
    ("totals_in_progress", "正在整改"), ("totals_completion_rate", "完成率（%）"),
    ("totals_measures_planned", "整改措施"), ("totals_measures_completed", "措施已完成"),
    ("totals_petitions_transferred", "移交信访件"), ("totals_petitions_resolved", "信访件办结"),
    ("totals_clues_transferred", "移交问题线索"), ("totals_people_talked_to", "谈话提醒（人）"),
    ("totals_people_held_accountable", "问责（人）"), ("totals_people_disciplined", "党纪政务处分（人）"),
    ("totals_cases_filed", "立案（件）"), ("totals_systems_established", "建立完善制度（项）"),
    ("totals_money_recovered_yuan", "挽回/追回资金（元）"),
    ("contact_phone", "联系电话"), ("contact_address", "通信地址"), ("contact_email", "电子邮箱"),
    ("contact_postal_code", "邮政编码"), ("contact_mailbox", "信箱"),
)
# Always shown, even when empty: a missing inspection fact is worth seeing.
_ALWAYS = {"title", "issuer", "inspection_kind", "inspection_team", "inspection_feedback_date"}
RELATIONS = {"since": "以来", "until": "截至", "before": "之前", "after": "之后"}


@dataclass
class Page:
    """What a notice page shows, from a record or from dataset rows."""

    title: str
    text: str
    outline: list[tuple[int, str, str, str, str]] = field(default_factory=list)  # depth, anchor, label, role, issue
    heads: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, anchor, role
    mentions: list[dict] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    money: list[dict] = field(default_factory=list)  # {category, value, text}
    flags: list[tuple[str, str]] = field(default_factory=list)


def _yuan(value) -> str:
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if d == d.to_integral():
        d = d.quantize(Decimal(1))
    return f"{d:,f}元"


def _number(value) -> str:
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{d.quantize(Decimal(1)) if d == d.to_integral() else d.normalize():f}"


def mention_value(m: dict) -> str:
    """A mention's value as a reader says it: 120,000元 · 2023-05-01 至 2023-05-31 · 12 个问题 · 98.5%."""
    kind = m.get("kind")
    approx = "约" if m.get("approx") else ""
    exact = m.get("value_exact") or m.get("value")
    if kind == "money" and exact is not None:
        top = m.get("value_max_exact") or m.get("value_max")
        text = _yuan(exact) + (" 至 " + _yuan(top) if top is not None else "")
        return approx + text + ("" if m.get("currency") in (None, "CNY", "人民币") else f" ({m['currency']})")
    if kind == "date" and m.get("date_start"):
        start, end = str(m["date_start"])[:10], str(m.get("date_end") or m["date_start"])[:10]
        text = start if start == end else f"{start} 至 {end}"
        relation = RELATIONS.get(m.get("relation") or "", "")
        return text + (f"（{relation}）" if relation else "")
    if kind == "count" and exact is not None:
        return f"{approx}{_number(exact)} {m.get('unit') or ''}{m.get('noun') or ''}".strip()
    if kind == "percent" and exact is not None:
        top = m.get("value_max_exact") or m.get("value_max")
        return f"{approx}{_number(exact)}%" + (f" 至 {_number(top)}%" if top is not None else "")
    if kind == "points" and exact is not None:
        return f"{approx}{_number(exact)} 个百分点"
    if kind == "multiple" and exact is not None:
        return f"{_number(exact)} 倍"
    if kind == "document":
        return f"《{m.get('title') or ''}》"
    if kind == "docnumber" and m.get("number") is not None:
        return f"{m.get('prefix') or ''}〔{m.get('year')}〕{m.get('number')}号"
    if kind == "unparsed_date":
        return f"未解析：{m.get('reason') or ''}"
    return ""


def signature_date(page: Page) -> str | None:
    """The date the notice is signed: a day-exact date alone on one of its last three lines."""
    lines, end = [], len(page.text)
    while end > 0 and len(lines) < 3:
        start = page.text.rfind("\n", 0, end - 1) + 1
        if page.text[start:end].strip():
            lines.append((start, end))
        end = start
    for start, end in lines:
        line = page.text[start:end].strip()
        for m in page.mentions:
            if (m.get("kind") == "date" and start <= m["start"] and m["end"] <= end
                    and m.get("granularity") == "day" and len(m["text"]) >= len(line) - 2):
                return str(m["date_start"])[:10]
    return None


def _anchor(path: tuple[int, ...] | str, start: int) -> str:
    parts = path.split(".") if isinstance(path, str) else [str(p) for p in path]
    return "s-" + "-".join(parts) + f"-{start}"


def _walk(sections: list[Section], path: tuple[int, ...] = ()):
    for s in sections:
        here = path + (s.ordinal,)
        yield here, s
        yield from _walk(s.children, here)


def page_from_notice(notice: Notice) -> Page:
    """A record's page: the record flattened to the dataset's column names."""
    page = Page(title=notice.title or notice.source.path or "notice", text=notice.text)
    for path, s in _walk(notice.sections):
        anchor = _anchor(path, s.start)
        page.outline.append((len(path), anchor, f"{s.marker}{s.heading}", s.role, s.issue or ""))
        page.heads.append((s.start, min(s.end, s.start + len(s.marker) + len(s.heading)), anchor, s.role))
    page.mentions = [m.model_dump(mode="json", exclude={"section"}) for m in notice.mentions]
    facts = {"title": notice.title, "issuer": notice.issuer, "organisation": None}
    for prefix, model in (("source", notice.source), ("inspection", notice.inspection),
                          ("totals", notice.totals), ("contact", notice.contact)):
        for key, value in model.model_dump(mode="json", exclude={"money"}).items():
            facts[f"{prefix}_{key}"] = value
    page.facts = facts
    page.money = [{"category": m.category, "value": m.value, "text": m.text} for m in notice.totals.money]
    page.flags = [(f.code, f.message) for f in notice.flags]
    return page


def page_from_rows(notice: dict, sections: list[dict], mentions: list[dict], money: list[dict]) -> Page:
    """A dataset notice's page from its rows (notices, sections in seq order, mentions, money_totals)."""
    page = Page(title=notice.get("title") or notice.get("input") or "notice", text=notice.get("text") or "")
    for s in sections:
        anchor = _anchor(s["path"], s["start"])
        label = f"{s.get('marker') or ''}{s.get('heading') or ''}"
        page.outline.append((int(s["depth"]), anchor, label, s["role"], s.get("issue") or ""))
        page.heads.append((s["start"], min(s["end"], s["start"] + len(label)), anchor, s["role"]))
    page.mentions = [dict(m) for m in mentions]
    page.facts = dict(notice)
    page.money = [{"category": m["category"], "value": m.get("value_exact") or m["value"], "text": m["text"]}
                  for m in money]
    flags = notice.get("flags")
    flags = json.loads(flags) if isinstance(flags, str) else (flags or [])
    page.flags = [(f.get("code", ""), f.get("message", "")) for f in flags]
    return page


def _outline_html(page: Page) -> str:
    out, depth = [], 0
    for level, anchor, label, role, issue in page.outline:
        while depth < level:
            out.append("<ul>")
            depth += 1
        while depth > level:
            out.append("</li></ul>")
            depth -= 1
        if out and out[-1] != "<ul>":
            out.append("</li>")
        extra = f"<br><small>问题: {html.escape(issue[:80])}</small>" if issue else ""
        out.append(f'<li><a class="role-{role}" href="#{anchor}">{html.escape(label[:60])}</a> '
                   f"<small>[{role}]</small>{extra}")
    while depth > 0:
        out.append("</li></ul>")
        depth -= 1
    return "".join(out)


def _tooltip(m: dict) -> str:
    data = {k: v for k, v in m.items() if k not in ("text", "start", "end", "kind", "notice_id", "section_path",
                                                    "section_seq") and v is not None}
    return json.dumps(data, ensure_ascii=False, default=str)


def _mark_open(i: int, m: dict) -> str:
    kind = m["kind"]
    value = mention_value(m)
    inferred = " inferred" if m.get("year_inferred") else ""
    tip = html.escape(_tooltip(m), quote=True)
    # A title in 《》 is its own value: nothing to add in place.
    val = f' data-value="{html.escape(value, quote=True)}"' if value and kind != "document" else ""
    return f'<mark id="m-{i}" class="k-{kind}{inferred}" data-kind="{kind}"{val} title="{tip}">'


def _body_html(page: Page) -> str:
    text = page.text
    # Layers: headings and mentions.  Cut the text at every boundary and wrap each piece in the
    # layers that cover it, so overlapping spans (a date inside a 《》 title) never break nesting.
    layers: list[tuple[int, int, str, str]] = []  # start, end, open tag, close tag
    for start, end, anchor, role in page.heads:
        layers.append((start, max(end, start + 1), f'<span id="{anchor}" class="heading role-{role}">', "</span>"))
    for i, m in enumerate(page.mentions):
        layers.append((m["start"], m["end"], _mark_open(i, m), "</mark>"))
    cuts = sorted({0, len(text), *(a for a, _, _, _ in layers), *(b for _, b, _, _ in layers)})
    starts: dict[int, list[int]] = {}
    for i, (a, _, _, _) in enumerate(layers):
        starts.setdefault(a, []).append(i)
    active: list[int] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active.extend(starts.get(a, ()))
        active = [i for i in active if layers[i][1] > a]
        piece = html.escape(text[a:b])
        # Only the first piece of a layer carries the id (anchors stay unique) and its value
        # (shown once, after the mention, by the stylesheet).
        opens = "".join(
            layers[i][2] if layers[i][0] == a
            else layers[i][2].replace(' id="', ' data-id="').replace(" data-value=", " data-rest=")
            for i in active
        )
        closes = "".join(layers[i][3] for i in reversed(active))
        out.append(f"{opens}{piece}{closes}")
    return "".join(out)


def _values_html(page: Page) -> str:
    rows = []
    order = sorted(range(len(page.mentions)), key=lambda i: page.mentions[i]["start"])
    for i in order:
        m = page.mentions[i]
        value = mention_value(m)
        if not value or m["kind"] in ("document",):
            continue
        inferred = ' <span class="inferred-note" title="年份由上下文推断">推断年份</span>' if m.get("year_inferred") else ""
        rows.append(f'<tr class="k-{m["kind"]}-row"><td><a href="#m-{i}"><mark class="k-{m["kind"]}">'
                    f'{html.escape(m["text"])}</mark></a></td><td class="value">{html.escape(value)}{inferred}</td></tr>')
    return "".join(rows)


def _fact_value(key: str, value) -> str:
    if value is None or value == "":
        return ""
    if key == "totals_money_recovered_yuan":
        return _yuan(value)
    if key == "source_published_at":
        return str(value).replace("T", " ").removesuffix(" 00:00:00")
    return _number(value) if isinstance(value, float) else str(value)


def _facts_html(page: Page) -> str:
    rows = []
    for key, label in FACT_LABELS:
        value = page.facts.get(key)
        if key == "totals_money_recovered_yuan" and page.facts.get(key + "_exact"):
            value = page.facts[key + "_exact"]
        if value is None and key not in _ALWAYS:
            continue
        rows.append((label, _fact_value(key, value)))
    for item in page.money:
        rows.append((f"资金（{item['category']}）", f"{_yuan(item['value'])}（{item['text']}）"))
    rows.append(("落款日期", signature_date(page) or ""))
    return "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v) or '<span class=none>—</span>'}</td></tr>"
                   for k, v in rows)


def render_page(page: Page, *, header: str = "") -> str:
    """The whole page for a :class:`Page`; ``header`` is trusted HTML put above the title."""
    template = Template(resources.files("zhenggai").joinpath("templates/render.html").read_text(encoding="utf-8"))
    counts = {k: sum(1 for m in page.mentions if m["kind"] == k) for k in KINDS}
    legend = "".join(f'<mark class="k-{k}">{k} {counts[k]}</mark>' for k in KINDS)
    flags = "".join(f'<p class="flag">⚑ {html.escape(c)}: {html.escape(msg)}</p>' for c, msg in page.flags)
    return template.substitute(
        title=html.escape(page.title),
        header=header,
        outline=_outline_html(page),
        n_sections=len(page.outline),
        legend=legend,
        facts=_facts_html(page),
        flags=flags,
        body=_body_html(page),
        values=_values_html(page),
    )


def render_html(notice: Notice) -> str:
    """The page of one record, as a string."""
    return render_page(page_from_notice(notice))


def render_rows(notice: dict, sections: list[dict], mentions: list[dict], money: list[dict], *,
                header: str = "") -> str:
    """The page of one dataset notice, from its rows."""
    return render_page(page_from_rows(notice, sections, mentions, money), header=header)
