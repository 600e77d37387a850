"""The contact block that closes a notice: phone, postal address, postcode, e-mail, mailbox.

    欢迎广大干部群众对巡察整改落实情况进行监督。联系电话:0571-87001234;
    通信地址:某市某区某路8号;邮政编码:310000;电子邮箱:xuncha@example.cn。

→ {phone: "0571-87001234", address: "某市某区某路8号", postal_code: "310000",
   email: "xuncha@example.cn"}

The block is looked for after the invitation to supervise (欢迎…监督 / 意见建议),
so that a site footer or a phone number in the body does not win.
"""

from __future__ import annotations

import regex

from zhenggai import limits
from zhenggai.facts.guards import Guarded

# Where the contact block starts: the invitation sentence.
_INVITE = Guarded(limits.compile(
    r"""
    欢迎[^\n。]{0,40}?监督            # 欢迎广大干部群众…监督
    |意见(?:和|或)?建议               # 如有意见建议
    |(?:监督|举报)(?:电话|方式)        # 监督电话 / 举报方式
    |联系方式\s*[:：]                 # 联系方式:
    """,
    regex.VERBOSE,
), ("欢迎", "建议", "电话", "方式"))  # every branch holds one (facts.guards)
# How far after the invitation the contact details may run.
BLOCK_CHARS = 500

_PHONE = Guarded(limits.compile(
    r"""
    (?:(?:联系电话|举报电话|监督电话|咨询电话|受理电话|值班电话|电话号码|联系方式|电话)   # label
    |(?:致电|拨打)[^\n,，;；。:：\d]{0,12})                                      # or 致电学院党委办公室:
    \s*(?:为|是)?\s*[:：]?\s*
    (?P<phone>
      (?:[(（]\s*0\d{2,3}\s*[)）]\s*|0\d{2,3}\s*[-—–－]?\s*)?\d{7,8}(?:\s*转\s*\d{1,5})?   # (0571)85251234 / 0571-85251234 / 87651234
      |1[3-9]\d{9}                                                                         # mobile
      |12388|12345                                                                         # hotlines
    )
    (?!\d)                                                                                 # not a longer digit run
    """,
    regex.VERBOSE,
), ("电话", "联系方式", "致电", "拨打"))  # every label holds one
_ADDRESS = Guarded(limits.compile(
    r"""
    (?:邮寄地址|通信地址|通讯地址|来信地址|联系地址|信件地址|地址)   # label
    \s*(?:为|是)?\s*[:：]\s*
    (?P<address>[^\n;；。,，]+?)                                    # up to the end of the clause …
    \s*(?=[\n;；。,，]|[(（]?\s*邮(?:编|政编码)|$)                   # … or a following (邮编…)
    """,
    regex.VERBOSE,
), ("地址",))  # every label holds it
_POSTAL = Guarded(limits.compile(
    r"""
    (?:邮编|邮政编码)\s*[:：]?\s*        # label
    (?P<postal_code>\d{6})(?!\d)        # six digits
    """,
    regex.VERBOSE,
), ("邮编", "邮政编码"))  # the labels
_EMAIL = Guarded(limits.compile(
    r"""
    (?P<email>[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)   # user@host.tld
    """,
    regex.VERBOSE,
), ("@",))  # every address holds it
_MAILBOX = Guarded(limits.compile(
    r"""
    (?<![电子意见])信箱\s*[:：]\s*                                  # 信箱: <value> (not 电子信箱/意见信箱)
    (?P<mailbox>[^\n;；。,，]{1,40})                                 # as written up to the clause end
    |(?:来信请寄|来信寄至|邮寄至|寄至)\s*[:：]?\s*                     # 来信请寄 <…信箱>
    (?P<mailbox>[^\n;；。,，:：]{1,30}?信箱[^\n;；。,，]{0,10})      # a value that names a 信箱
    """,
    regex.VERBOSE,
), ("信箱",))  # both branches hold it


_AREA_NUMBER = limits.compile(
    r"""
    [(（]?\s*(0\d{2,3})\s*[)）]?\s*   # area code, maybe bracketed
    [-—–－]?\s*(\d{7,8})              # dash, local number
    (.*)                              # extension (转123)
    """,
    regex.VERBOSE,
)
_BLANKS = limits.compile(
    r"""
    \s+                               # blanks inside a written number
    """,
    regex.VERBOSE,
)


def _phone_text(raw: str) -> str:
    # One written form: area code, dash, number ("(0571)85251234" → "0571-85251234").
    m = _AREA_NUMBER.fullmatch(raw.strip())
    if m:
        tail = _BLANKS.sub("", m.group(3))
        return f"{m.group(1)}-{m.group(2)}{tail}"
    return _BLANKS.sub("", raw)


# How much of a text's end is scanned for invitations first (see _invitations).
TAIL_CHARS = BLOCK_CHARS + 200


def _invitations(text: str) -> list[regex.Match]:
    """``list(_INVITE.finditer(text))`` where :func:`find_contact` reads it: the matches it uses
    are the same, the text before the closing block is scanned only when they can be there.

    No invitation holds a 。 (the first branch excludes it, the others are words, blanks and a
    colon), so none runs across the end of a 。: the scan of the text is the scan of the part
    up to a 。 followed by the scan of the rest.  The rest, from the last 。 at least
    ``TAIL_CHARS`` before the end, is scanned first; the part before is scanned too when the
    rest holds no invitation, or when the one :func:`find_contact` backs up to from the last
    stands less than ``BLOCK_CHARS`` after that 。 (an earlier invitation could be near it).
    """
    cut = text.rfind("。", 0, max(0, len(text) - TAIL_CHARS)) + 1  # 0: no such 。: the whole text
    if cut == 0:
        return list(_INVITE.finditer(text))
    tail = list(_INVITE.finditer(text, cut))
    if tail:
        start = tail[-1].start()
        for m in reversed(tail[:-1]):  # as find_contact backs up from the last invitation
            if start - m.start() <= BLOCK_CHARS:
                start = m.start()
        if start - cut >= BLOCK_CHARS:  # an invitation before the cut ends before it: too far back
            return tail
    return list(_INVITE.finditer(text, 0, cut)) + tail


def find_contact(text: str) -> dict[str, str]:
    """Contact details of the closing block (keys only where found).

    >>> find_contact("如有意见建议,请及时向我们反映。联系电话:(0571)87001234;邮政编码:310000")
    {'phone': '0571-87001234', 'postal_code': '310000'}
    """
    invites = _invitations(text)
    # The last invitation is the closing block; scan from it (or the whole text when absent).
    if invites:
        start = invites[-1].start()
        # Several invitation phrases in one block: back up to the first one near it.
        for m in reversed(invites[:-1]):
            if start - m.start() <= BLOCK_CHARS:
                start = m.start()
        block = (start, min(len(text), start + 2 * BLOCK_CHARS))
    else:
        block = (len(text) // 2, len(text))
    out: dict[str, str] = {}
    phone = _PHONE.search(text, *block)
    if phone:
        out["phone"] = _phone_text(phone["phone"])
    address = _ADDRESS.search(text, *block)
    if address:
        out["address"] = address["address"].strip()
    postal = _POSTAL.search(text, *block)
    if postal:
        out["postal_code"] = postal["postal_code"]
    email = _EMAIL.search(text, *block)
    if email:
        out["email"] = email["email"].rstrip(".")
    mailbox = _MAILBOX.search(text, *block)
    if mailbox:
        out["mailbox"] = mailbox["mailbox"]
        # 邮政信箱：某县某镇人民政府党政办公室 — a postal address under a mailbox label
        # (not a numbered box such as 杭州市2023号信箱): the letters' address.
        if "address" not in out and "信箱" not in mailbox["mailbox"]:
            out["address"] = mailbox["mailbox"].strip()
    return out
