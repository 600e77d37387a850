"""The explorer's Datasette plugin (registered by :func:`zhenggai.corpus.serve.make_datasette`).

- SQL functions on the zhenggai database: ``zh_segment(text)`` (jieba index words) and
  ``zh_query(text)`` (an FTS5 MATCH expression); ``escape_fts`` — what Datasette's search box
  calls — is replaced by ``zh_query`` there, so a query is cut into words the same way the text
  was indexed (违规发放 finds 违规发放津补贴).
- ``/-/notice/NOTICE_ID``: the rendered notice (outline, highlighted mentions with their values,
  facts table), linked from every ``notice_id`` and ``duplicate_of`` cell.
- The stylesheet with the CJK font fallback, and a menu link to the dashboard.
"""

from __future__ import annotations

import html
import urllib.parse

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from zhenggai.corpus.explorer_meta import DATABASE

STATIC = "zhenggai-static"
LINK_COLUMNS = ("notice_id", "duplicate_of")
# A notice's title shown in a child table's notice_id cell is cut to this many characters (all of it on hover).
LABEL_CHARS = 14


@hookimpl(trylast=True)  # after Datasette's own escape_fts, which this one replaces
def prepare_connection(conn, database):
    if database != DATABASE:
        return
    from zhenggai.corpus.segment import fts_query, index_text

    conn.create_function("zh_segment", 1, index_text, deterministic=True)
    conn.create_function("zh_query", 1, fts_query, deterministic=True)
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)


def notice_path(datasette, notice_id: str) -> str:
    return datasette.urls.path("/-/notice/" + urllib.parse.quote(notice_id, safe=""))


def _notice_link(datasette, notice_id: str) -> str:
    return (f'<a class="zg-notice" title="通报全文 notice page" '
            f'href="{html.escape(notice_path(datasette, notice_id))}">全文 ›</a>')


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """A link to the notice page beside every notice id; on notices, beside the title."""
    if database != DATABASE:
        return None
    if table == "notices" and column == "title" and value:
        return Markup(f"{html.escape(str(value))}{_notice_link(datasette, row['notice_id'])}")
    if column not in LINK_COLUMNS or not value:
        return None
    label = None
    if isinstance(value, dict):  # a foreign key Datasette expanded: {"value": …, "label": title}
        value, label = value.get("value"), value.get("label")
    if not isinstance(value, str):
        return None
    row_url = datasette.urls.row(DATABASE, "notices", tilde_encode(value))
    shown = label if label and label != value else value
    short = shown if len(shown) <= LABEL_CHARS else shown[:LABEL_CHARS - 1] + "…"
    return Markup(f'<a href="{html.escape(row_url)}" title="{html.escape(shown, quote=True)}">{html.escape(short)}</a>'
                  f"{_notice_link(datasette, value)}")


async def notice_page(request, datasette):
    notice_id = urllib.parse.unquote(request.url_vars["notice_id"])
    db = datasette.get_database(DATABASE)

    async def rows(sql):
        result = await db.execute(sql, [notice_id])
        return [dict(r) for r in result.rows]

    notice = await rows("SELECT * FROM notices WHERE notice_id = ?")
    if not notice:
        raise NotFound(f"no notice {notice_id}")
    sections = await rows("SELECT * FROM sections WHERE notice_id = ? ORDER BY seq")
    mentions = await rows("SELECT * FROM mentions WHERE notice_id = ? ORDER BY start, \"end\" DESC")
    money = await rows("SELECT * FROM money_totals WHERE notice_id = ? ORDER BY start")
    from zhenggai.render import render_rows

    row_url = datasette.urls.row(DATABASE, "notices", tilde_encode(notice_id))
    header = (f'<a href="{html.escape(datasette.urls.instance())}">zhenggai explorer</a> › '
              f'<a href="{html.escape(datasette.urls.table(DATABASE, "notices"))}">notices</a> › '
              f'<a href="{html.escape(row_url)}">{html.escape(notice_id)}</a>')
    return Response.html(render_rows(notice[0], sections, mentions, money, header=header))


@hookimpl
def register_routes():
    return [(r"^/-/notice/(?P<notice_id>[^/]+)$", notice_page)]


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path(f"/{STATIC}/explorer.css")]


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/-/dashboards/overview"), "label": "Dashboard 概览"}]
