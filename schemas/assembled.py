"""A whole record validated at once, its own checks made in one pass over it.

``Notice(**fields)`` calls a Python check per mention (``MentionBase._span``, and ``_range`` or
``_order`` for money, percent and date mentions), one per section (``Section._order``) and then
``Notice._offsets``, which walks every mention and section again.  :func:`validated_notice` runs
pydantic-core on a copy of the notice's schema without those Python checks (the same models, fields,
constraints and unknown-field refusal) and then makes all of them in one walk over the record
(:func:`_checks_pass`): a mention must lie inside the text and be the text at its span (which is
``_span``'s test too: a span of ``len(text)`` characters after its start), a range must not fall and a
date must not end before it starts, a section must lie inside the text and end after its start.

Whenever the lean schema refuses a value or a check fails, ``Notice(**fields)`` itself runs, so a bad
record raises exactly the errors it always raised (types, locations, messages, order).  A record
validated alone (``Notice(...)``, ``MoneyMention(...)``) is untouched by this module.

>>> validated_notice(id="x", text="正文").text
'正文'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import ValidationError
from pydantic_core import SchemaValidator

from zhenggai.schemas.mentions import DateMention, MentionBase, MoneyMention, PercentMention
from zhenggai.schemas.notice import Notice, Section


def _checks() -> tuple[Any, ...]:
    """The Python validators :func:`_checks_pass` makes for the whole record."""
    return (MentionBase._span, MoneyMention._range, PercentMention._range, DateMention._order,
            Section._order, Notice._offsets)


def _without(schema: Any, checks: tuple[Any, ...], dropped: list[Any]) -> Any:
    """``schema`` (a core schema: dicts and lists) with every after-validator in ``checks`` left out.

    A left-out validator's schema takes its place, keeping its ``ref`` (sections refer to theirs).
    """
    if isinstance(schema, dict):
        if schema.get("type") == "function-after" and schema["function"].get("function") in checks:
            dropped.append(schema["function"]["function"])
            inner = _without(schema["schema"], checks, dropped)
            return {**inner, "ref": schema["ref"]} if "ref" in schema else inner
        return {key: _without(value, checks, dropped) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_without(value, checks, dropped) for value in schema]
    return schema


@lru_cache(maxsize=1)
def lean_validator() -> SchemaValidator | None:
    """The notice's schema without its Python checks (None if one of them was not found in it).

    Every one of :func:`_checks` must be left out (once per model using it, as pydantic builds the
    schema), else a changed schema layout could keep or lose a check unseen: then there is no lean
    validator and :func:`validated_notice` is ``Notice(**fields)``.
    """
    checks = _checks()
    dropped: list[Any] = []
    schema = _without(Notice.__pydantic_core_schema__, checks, dropped)
    if set(dropped) != set(checks):
        return None
    return SchemaValidator(schema)


# The mention models with a range (value ≤ value_max when both are given).
_RANGED = (MoneyMention, PercentMention)


def _checks_pass(notice: Notice) -> bool:
    """Whether every check :func:`lean_validator` left out holds for ``notice`` (see the module's doc).

    Fields are read from each model's ``__dict__`` (set once its fields validate), as the checks do.
    """
    fields = notice.__dict__
    text = fields["text"]
    n = len(text)
    for mention in fields["mentions"]:
        m = mention.__dict__
        start, end = m["start"], m["end"]
        if not 0 <= start < end <= n or text[start:end] != m["text"]:
            return False  # (Notice._offsets; MentionBase._span: end > start, end - start == len(text))
        cls = mention.__class__
        if cls is DateMention:
            if m["date_end"] < m["date_start"]:
                return False
        elif cls in _RANGED and m["value_max"] is not None and m["value_max"] < m["value"]:
            return False
    stack = list(fields["sections"])
    while stack:
        section = stack.pop().__dict__
        if not 0 <= section["start"] < section["end"] <= n:
            return False  # (Notice._offsets; Section._order: end > start)
        stack.extend(section["children"])
    for total in fields["totals"].money:
        if text[total.start : total.end] != total.text:
            return False
    return True


def validated_notice(**fields: Any) -> Notice:
    """``Notice(**fields)``: the same record, or the same ValidationError (see the module's doc)."""
    lean = lean_validator()
    if lean is not None:
        try:
            notice = lean.validate_python(fields)
        except ValidationError:  # a value the schema refuses: Notice() says which, below
            pass
        else:
            if _checks_pass(notice):
                return notice
    return Notice(**fields)
