"""Synthetic web archives: generated government pages written as WARC/WET records with FastWARC.

For the screening benchmark (``bench/warc_screen.py``) and the archive tests: a crawl where
rectification notices (from :mod:`zhenggai.corpus.synth` and the gold texts) are a small share of
government pages, news, list pages and non-HTML payloads.  Every sentence of the other pages is
generated here from fragments written for this project.

>>> block = http_block(b"<html></html>", "text/html", charset="utf-8")
>>> block.split(b"\\r\\n")[0]
b'HTTP/1.1 200 OK'
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

SITES = ("青澜市人民政府", "江屿市民政局", "云溪县人民政府", "南屏市财政局", "柳溪县教育局", "临湖区审计局")
NAV = ("首页", "政务公开", "政策文件", "工作动态", "通知公告", "巡视巡察", "整改公开", "互动交流", "办事服务")
TOPICS = ("春季农业生产", "安全生产大检查", "招商引资项目推进", "文明城市创建", "防汛抗旱准备", "秋季学期开学",
          "城乡环境整治", "数字政府建设", "营商环境优化", "养老服务体系建设", "河湖长制落实", "消防安全宣传")
ACTORS = ("市政府", "县委", "区政府办公室", "局党组", "市应急管理局", "县农业农村局", "区住建局", "市教育局")
VERBS = ("召开", "部署", "推进", "调研", "检查", "督导", "总结", "启动")
FILLERS = (
    "会议强调，要提高思想认识，强化责任担当，确保各项工作落到实处。",
    "与会人员围绕重点任务进行了深入交流，提出了具体意见建议。",
    "下一步，将进一步完善工作机制，加强统筹协调，形成工作合力。",
    "活动现场，工作人员向群众发放宣传资料，解答政策咨询。",
    "据统计，今年以来共开展专项行动多次，覆盖全部乡镇街道。",
    "要坚持问题导向，聚焦群众关切，推动工作提质增效。",
    "各有关单位负责同志参加会议，并结合分管领域作了发言。",
    "调研组一行实地察看了项目建设现场，详细了解工程进度。",
    "会上通报了前期工作开展情况，并对下阶段任务作出安排。",
    "发现问题要立行立改，不能立即解决的要明确时限督促整改。",
)


def http_block(body: bytes, content_type: str, *, status: int = 200, reason: str = "OK",
               charset: str | None = None, headers: tuple[tuple[str, str], ...] = ()) -> bytes:
    """An HTTP response (status line, headers, body) as saved in a WARC response record."""
    ctype = content_type + (f"; charset={charset}" if charset else "")
    lines = [f"HTTP/1.1 {status} {reason}", f"Content-Type: {ctype}", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def warc_record(kind: str, url: str, block: bytes, *, date: str = "2024-03-05T10:00:00Z",
                headers: tuple[tuple[str, str], ...] = ()) -> bytes:
    """One WARC record (``kind``: response, resource, conversion, request, warcinfo, revisit) as bytes."""
    from fastwarc.warc import WarcRecord, WarcRecordType

    rec = WarcRecord()
    rec.init_headers(record_type=getattr(WarcRecordType, kind))
    rec.headers["WARC-Target-URI"] = url
    rec.headers["WARC-Date"] = date
    if kind in ("response", "request", "revisit"):
        rec.headers["Content-Type"] = f"application/http; msgtype={'request' if kind == 'request' else 'response'}"
    elif kind == "conversion":
        rec.headers["Content-Type"] = "text/plain"
    for k, v in headers:
        rec.headers[k] = v
    rec.set_bytes_content(block)
    out = io.BytesIO()
    rec.write(out)
    return out.getvalue()


def write_archive(path: str | Path, records: list[bytes], *, compress: bool | None = None) -> list[int]:
    """Write ``records`` to ``path`` (one gzip member each for .gz); returns each record's offset."""
    compress = str(path).endswith(".gz") if compress is None else compress
    offsets, pos = [], 0
    with open(path, "wb") as fh:
        for rec in records:
            data = gzip.compress(rec, compresslevel=6, mtime=0) if compress else rec
            offsets.append(pos)
            fh.write(data)
            pos += len(data)
    return offsets


# ------------------------------------------------------------------ pages


def _nav(rng: random.Random) -> str:
    items = "".join(f'<li><a href="/{i}/">{name}</a></li>' for i, name in enumerate(NAV))
    links = "".join(f'<a href="/link/{rng.randint(1, 999)}.html">{rng.choice(SITES)}</a> ' for _ in range(12))
    return (f'<div class="header"><ul class="nav">{items}</ul></div>'
            f'<div class="links">{links}</div>')


def _footer(site: str) -> str:
    return (f'<div class="footer"><p>主办单位：{site}</p><p>网站标识码：3301000001 ICP备05001234号</p>'
            '<p>地址：人民路1号 联系电话：0571-87000000</p></div>')


def _paragraphs(rng: random.Random, topic: str, n: int) -> list[str]:
    actor = rng.choice(ACTORS)
    first = f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{actor}{rng.choice(VERBS)}{topic}工作。"
    return [first] + [rng.choice(FILLERS) for _ in range(n)]


def article_page(title: str, paragraphs: list[str], *, site: str, date: dt.date, rng: random.Random,
                 style: str = "zoom", page_title: str | None = None, pager: str = "") -> str:
    """A government CMS article page around ``paragraphs`` (style: zoom, trs, table, plain)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    info = f'<div class="info">来源：{site}　发布时间：{date.isoformat()}</div>'
    if style == "trs":
        article = f'<h1>{title}</h1>{info}<div class="TRS_Editor">{body}</div>'
    elif style == "table":
        article = (f'<table width="100%"><tr><td class="title">{title}</td></tr><tr><td>{info}</td></tr>'
                   f'<tr><td class="content">{body}</td></tr></table>')
    elif style == "plain":
        article = f'<div class="main"><h2>{title}</h2>{info}<div class="text">{body}</div></div>'
    else:
        article = f'<div class="article"><h1>{title}</h1>{info}<div id="zoom">{body}</div></div>'
    head_title = page_title if page_title is not None else f"{title}_{site}"
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{head_title}</title>'
            '<style>body{font-size:14px}</style><script>var _hmt=_hmt||[];</script></head><body>'
            f'{_nav(rng)}<div class="position">您当前的位置：首页 &gt; 工作动态</div>{article}{pager}'
            f'{_footer(site)}</body></html>')


def list_page(rng: random.Random, site: str) -> str:
    """A column page: a list of article links (some of them notices' titles)."""
    items = []
    for _ in range(rng.randint(15, 30)):
        topic = rng.choice(TOPICS)
        items.append(f'<li><a href="/art/{rng.randint(1000, 9999)}.html">{rng.choice(ACTORS)}{rng.choice(VERBS)}'
                     f'{topic}工作</a><span>2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}</span></li>')
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作动态_{site}</title></head><body>'
            f'{_nav(rng)}<div class="list"><ul>{"".join(items)}</ul></div>'
            f'<div class="page">共{rng.randint(2, 40)}页 下一页 尾页</div>{_footer(site)}</body></html>')


def split_notice(text: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of a notice text, without a saved page's breadcrumb and 来源/发布时间 lines."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith(("首页", "来源", "发布时间", "当前位置", "您当前的位置"))]
    return lines[0], lines[1:]


def paged_article(text: str, pages: int, base: str, *, site: str = SITES[0], seed: int = 1,
                  style: str = "trs") -> list[tuple[str, str]]:
    """A notice split into ``pages`` pages: [(url or file name, html)], TRS naming (base.html,
    base_1.html, …) when ``base`` ends in .html, else ``base?page=N``; each page has a pager."""
    rng = random.Random(seed)
    title, body = split_notice(text)
    size = -(-len(body) // pages)
    out = []
    for k in range(pages):
        if base.endswith((".html", ".shtml", ".htm")):
            stem, ext = base.rsplit(".", 1)
            ref = base if k == 0 else f"{stem}_{k}.{ext}"
        else:
            ref = base if k == 0 else f"{base}{'&' if '?' in base else '?'}page={k + 1}"
        numbers = " ".join(str(i + 1) for i in range(pages))
        pager = f'<div class="page">共{pages}页 上一页 {numbers} 下一页</div>'
        html = article_page(title, body[k * size:(k + 1) * size], site=site, date=dt.date(2024, 3, 18), rng=rng,
                            style=style, pager=pager)
        out.append((ref, html))
    return out


def _near_miss(rng: random.Random, site: str, date: dt.date, styles: tuple[str, ...]) -> str:
    """A page the screen should let through although it is no notice: news of a rectification
    campaign, a 巡察 feedback meeting, or the 整改公开 column's list of notices."""
    kind = rng.randrange(3)
    topic = rng.choice(TOPICS)
    if kind == 0:
        title = f"{rng.choice(ACTORS)}部署{topic}问题整改工作"
        paras = [f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{rng.choice(ACTORS)}召开会议，部署{topic}问题整改工作。",
                 *(rng.choice(FILLERS) for _ in range(6))]
    elif kind == 1:
        team = f"市委第{'一二三四五六七八九'[rng.randrange(9)]}巡察组"
        title = f"{team}向{rng.choice(ACTORS)}反馈巡察情况"
        paras = [f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{team}向被巡察党组织反馈巡察意见。",
                 "会议指出，要以高度的政治自觉抓好巡察反馈问题整改。", *(rng.choice(FILLERS) for _ in range(4))]
    else:
        items = "".join(f'<li><a href="/zg/{rng.randint(100, 999)}.html">中共{rng.choice(SITES)}党组关于市委巡察整改'
                        f"进展情况的通报</a></li>" for _ in range(rng.randint(8, 20)))
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>整改公开_{site}</title></head><body>'
                f'{_nav(rng)}<div class="list"><ul>{items}</ul></div>{_footer(site)}</body></html>')
    return article_page(title, paras, site=site, date=date, rng=rng, style=rng.choice(styles))


@dataclass
class SyntheticCrawl:
    """What :func:`write_screen_archive` wrote: offsets of notices and of everything else."""

    path: Path
    notices: list[int] = field(default_factory=list)
    others: list[int] = field(default_factory=list)
    kinds: dict[int, str] = field(default_factory=dict)
    payload_bytes: int = 0


def _notice_texts(n: int, seed: int) -> list[str]:
    """``n`` notice texts: the template corpus and the gold texts, alternating."""
    from zhenggai.corpus.synth import make_specs, render

    gold = sorted((Path(__file__).parent / "gold").glob("*.txt"))
    texts = []
    specs = make_specs(n, seed=seed)
    for i in range(n):
        if gold and i % 2:
            texts.append(gold[(i // 2) % len(gold)].read_text(encoding="utf-8"))
        else:
            texts.append(render(specs[i]))
    return texts


def notice_date(text: str) -> dt.date | None:
    """The publication date a notice text states (its 发布时间 line, else its closing date), or None."""
    from zhenggai.read.meta import DATE_TIME

    for line in text.split("\n")[:6]:
        if "发布" in line and (m := DATE_TIME.search(line)):
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    tail = text.strip().split("\n")[-3:]
    for line in reversed(tail):
        if (m := DATE_TIME.search(line)) and len(line.strip()) <= 20:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


def notice_page(text: str, rng: random.Random, style: str, url_date: dt.date) -> tuple[bytes, str | None]:
    """A notice text as a page (bytes, charset): varied layouts, titles and encodings."""
    title, body = split_notice(text)
    site = rng.choice(SITES)
    page_title = "通知公告" if style == "plain" else None  # a generic <title>: the notice is found by its text
    html = article_page(title, body, site=site, date=url_date, rng=rng, style=style, page_title=page_title)
    if style == "table":  # an old GBK site that declares its charset
        html = html.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
        return html.encode("gb18030"), "gbk"
    return html.encode("utf-8"), "utf-8"


def write_screen_archive(path: str | Path, n: int = 20_000, notice_share: float = 0.01,
                         seed: int = 2024) -> SyntheticCrawl:
    """A WARC of ``n`` page records of which ``notice_share`` are notices (labelled by offset).

    The rest: government news and work pages (45 %), column pages listing articles (25 %), images,
    style sheets, redirects, 404s, WET text records, and 4 % near misses (rectification news, 巡察
    feedback meetings, the 整改公开 column) that the screen is expected to let through.
    """
    rng = random.Random(seed)
    n_notices = max(1, round(n * notice_share))
    texts = _notice_texts(n_notices, seed)
    styles = ("zoom", "trs", "table", "plain")
    notice_at = set(rng.sample(range(n), n_notices))
    records, kinds = [], []
    t = 0
    for i in range(n):
        date = dt.date(2024, 1 + i % 12, 1 + i % 28)
        url = f"http://www.site{i % 50}.gov.cn/art/{date.year}/{date.month}/{date.day}/art_{i}.html"
        if i in notice_at:
            text = texts[t]
            style = styles[t % len(styles)]
            t += 1
            date = notice_date(text) or date  # the notice's own publication date, in its page and url
            url = f"http://www.site{i % 50}.gov.cn/art/{date.year}/{date.month}/{date.day}/art_{i}.html"
            body, charset = notice_page(text, rng, style, date)
            records.append(warc_record("response", url, http_block(body, "text/html", charset=charset)))
            kinds.append("notice")
            continue
        roll = rng.random()
        site = rng.choice(SITES)
        if roll < 0.04:  # hard cases: pages that speak of rectification but are no notice
            records.append(warc_record("response", url, http_block(
                _near_miss(rng, site, date, styles).encode("utf-8"), "text/html", charset="utf-8")))
            kinds.append("near-miss")
        elif roll < 0.45:  # a government news or work page
            topic = rng.choice(TOPICS)
            title = f"{rng.choice(ACTORS)}{rng.choice(VERBS)}{topic}工作"
            html = article_page(title, _paragraphs(rng, topic, rng.randint(4, 30)), site=site, date=date, rng=rng,
                                style=rng.choice(styles))
            records.append(warc_record("response", url, http_block(html.encode("utf-8"), "text/html", charset="utf-8")))
            kinds.append("page")
        elif roll < 0.70:  # a column page listing articles
            html = list_page(rng, site)
            records.append(warc_record("response", url.replace("art_", "list_"),
                                       http_block(html.encode("utf-8"), "text/html", charset="utf-8")))
            kinds.append("list")
        elif roll < 0.80:  # an image
            data = b"\x89PNG\r\n\x1a\n" + rng.randbytes(rng.randint(2_000, 60_000))
            records.append(warc_record("response", url.replace(".html", ".png"), http_block(data, "image/png")))
            kinds.append("image")
        elif roll < 0.86:  # a style sheet or script
            data = ("body{margin:0}" * rng.randint(50, 800)).encode()
            records.append(warc_record("response", url.replace(".html", ".css"), http_block(data, "text/css")))
            kinds.append("css")
        elif roll < 0.91:  # a redirect
            records.append(warc_record("response", url, http_block(b"", "text/html", status=301,
                                       reason="Moved Permanently", headers=(("Location", url + "?x=1"),))))
            kinds.append("redirect")
        elif roll < 0.94:  # a page not found
            records.append(warc_record("response", url, http_block(b"<html><body>404</body></html>", "text/html",
                                       status=404, reason="Not Found")))
            kinds.append("404")
        else:  # a WET-like plain-text conversion of a news page
            topic = rng.choice(TOPICS)
            text = f"{rng.choice(ACTORS)}{rng.choice(VERBS)}{topic}工作\n" + "\n".join(_paragraphs(rng, topic, 8))
            records.append(warc_record("conversion", url, text.encode("utf-8")))
            kinds.append("text")
    crawl = SyntheticCrawl(Path(path))
    offsets = write_archive(path, records)
    for off, kind, rec in zip(offsets, kinds, records):
        crawl.kinds[off] = kind
        (crawl.notices if kind == "notice" else crawl.others).append(off)
        crawl.payload_bytes += len(rec)
    return crawl
