"""Page metadata that is no info line: label/value table cells and unlabelled fields.

信息公开 pages and old table layouts put each label in a cell of its own
(``<th>发布日期</th><td>2023-05-26</td>``); WeChat articles show the account
name and the publish time with no label at all.

>>> from lxml import html
>>> tree = html.fromstring("<table><tr><th>发布机构</th><td>某县财政局</td>"
...                        "<th>发布日期</th><td>2023-08-14</td></tr></table>")
>>> label_rows(tree)
['发布机构：  某县财政局  发布日期：  2023-08-14']
"""

from __future__ import annotations

from lxml import etree

from zhenggai.read.htmlrender import clean_inline
from zhenggai.read.meta import DATE_TIME, Info, parse_datetime
from zhenggai.read.selectors import DATE_LABELS, DATE_XPATH, DISCLOSURE_LABEL, SITE_LABELS, SITE_XPATH


def label_rows(tree: etree._Element) -> list[str]:
    """Table rows whose label and value sit in separate cells, as one line each.

    Layout tables render cell by cell (``发布日期：`` / ``2023-05-26``), so the
    info line is rebuilt here: ``发布日期：  2023-05-26  信息来源：  某委``.
    """
    rows = []
    for tr in tree.iter("tr"):
        cells = [cell for cell in tr if cell.tag in ("td", "th")]
        if len(cells) < 2 or any(cell.find(".//table") is not None for cell in cells):
            continue
        texts = [clean_inline(cell.text_content()) for cell in cells]
        # <th>发布机构</th> often has no colon: give label cells one so the row parses.
        texts = [t + "：" if _is_label_cell(t) and not t.endswith((":", "：")) else t for t in texts]
        line = "  ".join(t for t in texts if t)
        if len(line) <= 200 and any(t.endswith((":", "：")) for t in texts):
            rows.append(line)
    return rows


def _is_label_cell(text: str) -> bool:
    bare = text.rstrip(":：").strip()
    return bare in SITE_LABELS or bare in DATE_LABELS or bool(text and DISCLOSURE_LABEL.fullmatch(text))


def unlabelled_info(tree: etree._Element, info: Info) -> None:
    """Fill site and date shown with no label (WeChat: account name, #publish_time).

    >>> from lxml import html
    >>> info = Info()
    >>> page = '<div><a id="js_name">清风某县</a><em id="publish_time">2023-09-12 18:30</em></div>'
    >>> unlabelled_info(html.fromstring(page), info)
    >>> info.site, info.published_text
    ('清风某县', '2023-09-12 18:30')
    """
    if info.site is None:
        for el in SITE_XPATH(tree):
            info.site = clean_inline(el.text_content()) or None
            if info.site:
                break
    if info.published_at is None:
        for el in DATE_XPATH(tree):
            text = clean_inline(el.text_content())
            found = DATE_TIME.search(text)
            info.published_at = parse_datetime(text)
            if info.published_at is not None and found is not None:
                info.published_text = found.group().strip()
                break
