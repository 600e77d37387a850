"""Parts and stated totals of one summed figure (helpers of ``zhenggai.facts.totals``).

A notice may give the parts of a figure, the total it states, or both:

    追回违规资金23.46万元,清退多收费用8.6万元,合计挽回经济损失32.06万元   → 320600, not 641200
    共计挽回经济损失32.06万元,追回违规资金23.46万元,清退多收费用8.6万元   → 320600
    共追回资金10万元,清退违规补贴5万元                                    → 150000

The rule: a figure after 合计/共计/累计/总计/共 (``models/totals_stated_words.tsv``) is the total
it states and replaces the parts before it that it covers (their sum is not larger); the
parts right after a stated total are its breakdown when they add up to it exactly, and are
added otherwise; distinct parts with no stated total are summed.  A part that repeats an
earlier figure is dropped by the caller before it reaches the tally.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from zhenggai import limits
from zhenggai.facts.cue_chars import Required, lacks, required_chars
from zhenggai.models import load_table

Number = int | Decimal


@lru_cache(maxsize=None)
def _stated_words() -> limits.Pattern:
    fragments = [row[0] for row in load_table("totals_stated_words.tsv")]
    return limits.compile(
        rf"""
        (?:{"|".join(fragments)})   # 合计 / 共计 / 累计 / 总计 / 共 … (data file)
        """,
        regex.VERBOSE,
    )


def is_stated_total(left: str) -> bool:
    """Whether the clause before a figure (``left``) marks the figure as a stated total.

    >>> is_stated_total("合计挽回经济损失"), is_stated_total("追回违规资金"), is_stated_total("共追回")
    (True, False, True)
    >>> is_stated_total("追回公共资金")
    False
    """
    # Every word holds one of a few characters (计 / 共): without them, no search.
    if lacks(_stated_chars(), left):
        return False
    return bool(_stated_words().search(left))


@lru_cache(maxsize=None)
def _stated_chars() -> Required:
    """What every stated-total word needs (facts.cue_chars), one set per required character."""
    fragments = [row[0] for row in load_table("totals_stated_words.tsv")]
    return required_chars(f"(?:{'|'.join(fragments)})")


class Tally:
    """One summed figure, fed its parts and stated totals in document order.

    ``add_smaller``: a stated total smaller than the parts before it is another part (money:
    共清退5万元 after 追回200万元) when True, and ignored when False (counts: the first
    statement of a figure wins, a later smaller one restates a part of it).

    >>> t = Tally(); t.part(Decimal("234600")); t.part(Decimal("86000")); t.stated(Decimal("320600")); t.result()
    Decimal('320600')
    >>> t = Tally(); t.stated(10); t.part(5); t.result()
    15
    >>> t = Tally(); t.stated(11); t.part(2); t.part(9); t.result()
    11
    """

    __slots__ = ("add_smaller", "_value", "_open", "_stated", "_after")

    def __init__(self, add_smaller: bool = True) -> None:
        self.add_smaller = add_smaller
        self._value: Number | None = None  # the figure so far, without a pending breakdown
        self._open: Number = 0  # what a later stated total may cover (parts since the start)
        self._stated: Number | None = None  # the latest stated total, while its breakdown may follow
        self._after: Number = 0  # parts since that stated total

    @property
    def value(self) -> Number | None:
        """The figure as read so far (parts after a stated total counted only once settled)."""
        return self._value

    def part(self, value: Number) -> None:
        """A part of the figure (追回资金23.46万元)."""
        if self._stated is not None:
            self._after += value  # perhaps the breakdown of the total just stated
            if self._after == self._stated:
                self._stated, self._after = None, 0  # exactly its breakdown: nothing to add
            return
        self._value = (self._value or 0) + value
        self._open += value

    def stated(self, value: Number) -> None:
        """A stated total (合计挽回经济损失32.06万元)."""
        self._settle()
        if self._value is None or self._open <= value:
            self._value = (self._value or 0) - self._open + value  # it covers the parts before it
            self._open = value
        elif self.add_smaller:
            self._value += value
            self._open += value
        else:
            return
        self._stated, self._after = value, 0

    def _settle(self) -> None:
        if self._stated is not None and self._after:
            # Parts after a stated total that do not add up to it are parts of their own.
            self._value = (self._value or 0) + self._after
            self._open += self._after
        self._stated, self._after = None, 0

    def result(self) -> Number | None:
        """The figure: the stated totals with the parts they do not cover."""
        self._settle()
        return self._value
