"""One notice as an HTML page, so a person can check an extraction by eye.

The outline sits in a side bar (role by colour, linked to the heading in the
text); every mention is highlighted by kind with its value in the tooltip.

>>> from zhenggai import extract_text
>>> "<mark" in render_html(extract_text("追回资金12万元。"))   # doctest: +SKIP
True
"""

from __future__ import annotations

import html
import json
from importlib import resources
from string import Template

from zhenggai.schemas import Notice, Section

KINDS = ("money", "date", "count", "percent", "points", "multiple", "document", "docnumber", "unparsed_date")


def _tooltip(mention) -> str:
    data = mention.model_dump(mode="json", exclude={"text", "start", "end", "kind"})
    return json.dumps(data, ensure_ascii=False)


def _walk(sections: list[Section], path: tuple[int, ...] = ()):
    for s in sections:
        here = path + (s.ordinal,)
        yield here, s
        yield from _walk(s.children, here)


def _anchor(path: tuple[int, ...], section: Section) -> str:
    return "s-" + "-".join(str(p) for p in path) + f"-{section.start}"


def _outline_html(sections: list[Section], path: tuple[int, ...] = ()) -> str:
    if not sections:
        return ""
    parts = ["<ul>"]
    for s in sections:
        here = path + (s.ordinal,)
        label = html.escape(f"{s.marker}{s.heading}"[:60])
        extra = f"<br><small>问题: {html.escape(s.issue[:80])}</small>" if s.issue else ""
        parts.append(
            f'<li><a class="role-{s.role}" href="#{_anchor(here, s)}">{label}</a> <small>[{s.role}]</small>{extra}'
            f"{_outline_html(s.children, here)}</li>"
        )
    parts.append("</ul>")
    return "".join(parts)


def _body_html(notice: Notice) -> str:
    text = notice.text
    # Layers: headings (from the outline) and mentions.  Cut the text at every
    # boundary and wrap each piece in the layers that cover it, so overlapping
    # spans (a date inside a 《》 title) never produce broken nesting.
    layers: list[tuple[int, int, str, str]] = []  # start, end, open tag, close tag
    for path, s in _walk(notice.sections):
        head_end = min(s.end, s.start + len(s.marker) + len(s.heading))
        layers.append(
            (s.start, max(head_end, s.start + 1), f'<span id="{_anchor(path, s)}" class="heading role-{s.role}">', "</span>")
        )
    for m in notice.mentions:
        tip = html.escape(_tooltip(m), quote=True)
        layers.append((m.start, m.end, f'<mark class="k-{m.kind}" data-kind="{m.kind}" title="{tip}">', "</mark>"))
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
        # Only the first piece of a layer carries the id, so anchors stay unique.
        opens = "".join(
            layers[i][2] if layers[i][0] == a else layers[i][2].replace(' id="', ' data-id="') for i in active
        )
        closes = "".join(layers[i][3] for i in reversed(active))
        out.append(f"{opens}{piece}{closes}")
    return "".join(out)


def _facts_html(notice: Notice) -> str:
    rows = [("标题 title", notice.title), ("发布单位 issuer", notice.issuer)]
    src = notice.source
    rows += [("来源 site", src.site), ("发布时间 published", src.published_at)]
    for key, value in notice.inspection.model_dump(mode="json").items():
        rows.append((f"inspection.{key}", value))
    for key, value in notice.totals.model_dump(mode="json", exclude={"money"}).items():
        if value is not None:
            rows.append((f"totals.{key}", value))
    for item in notice.totals.money:
        rows.append((f"totals.money[{item.category}]", f"{item.value} ({item.text})"))
    for key, value in notice.contact.model_dump(mode="json").items():
        if value is not None:
            rows.append((f"contact.{key}", value))
    return "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape('' if v is None else str(v))}</td></tr>" for k, v in rows
    )


def render_html(notice: Notice) -> str:
    """The whole page as a string."""
    template = Template(resources.files("zhenggai").joinpath("templates/render.html").read_text(encoding="utf-8"))
    counts = {k: sum(1 for m in notice.mentions if m.kind == k) for k in KINDS}
    legend = "".join(f'<mark class="k-{k}">{k} {counts[k]}</mark>' for k in KINDS)
    flags = "".join(f'<p class="flag">⚑ {html.escape(f.code)}: {html.escape(f.message)}</p>' for f in notice.flags)
    n_sections = sum(1 for _ in _walk(notice.sections))
    return template.substitute(
        title=html.escape(notice.title or notice.source.path or "notice"),
        outline=_outline_html(notice.sections),
        n_sections=n_sections,
        legend=legend,
        facts=_facts_html(notice),
        flags=flags,
        body=_body_html(notice),
    )
