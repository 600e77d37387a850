"""Site names of 来源 fields: the bracketed repost note after the name is no part of it.

>>> site_note_start("某某廉政网（转载）"), site_note_start("某某廉政网(转自某报")
(5, 5)
>>> site_note_start("中国（某某）自由贸易试验区管委会")
16
"""

from __future__ import annotations

from functools import cache

import regex

from zhenggai import limits
from zhenggai.models import load_words, word_alternation


@cache
def _note_re() -> limits.Pattern:
    return limits.compile(
        rf"""
        [\x20\u3000]*[(（【\[]\x20*             # the bracket that opens the note
        (?:{word_alternation(load_words("site_notes.txt"))})   # 转载 / 转自 / 摘编 …
        [^()（）【】\[\]]{{0,30}}              # what follows the note word (转自某报)
        [)）】\]]?\x20*$                       # its closing bracket (lost in some scrapes), at the end
        """,
        regex.VERBOSE,
    )


def site_note_start(value: str) -> int:
    """Where a bracketed repost note (（转载）, (转自…)) at the end of a site value starts, else its length.

    Works on simplified text; a traditional value is cut at the same index of its
    simplified reading (the conversion keeps lengths).
    """
    m = _note_re().search(value)
    return m.start() if m is not None else len(value)
