"""The inspection lifecycle: which inspection a document belongs to, and the views built on it.

One inspection produces a chain of documents: the stationing announcement (进驻公告), the
feedback (反馈情况), one or more rectification notices, sometimes a 回头看.  Each notice row gets:

* ``inspection_target_org``: the inspected unit, normalised like ``organisation`` (中共 and
  党组/党委 dropped, a bare 县林业局 put under the notice's region) — for a rectification notice
  the issuer itself when the text names no target;
* ``inspection_key``: kind | body | target | round, where round is 第N轮 when written, else the
  inspection's start date (else its feedback date): documents of one inspection share it;
* ``inspection_stage``: the document type, or ``followup`` for a 回头看.

>>> normalise_body("十五届县委")
'县委'
>>> normalise_body("中共某某市委员会")
'某某市委'
>>> inspection_key("巡察", "十五届县委", "永宁县林业局", 3, None)
'巡察|县委|永宁县林业局|r3'
>>> inspection_key("巡察", "县委", "永宁县林业局", None, "s2023-10-16")
'巡察|县委|永宁县林业局|s2023-10-16'

The views ``inspections`` (one row per inspection) and ``recurrences`` (a unit inspected again
whose problems fall in a topic it was told about before) are SQL over the tables
(:data:`LIFECYCLE_VIEWS`), so they are always in step with them.
"""

from __future__ import annotations

from typing import Any

import regex

# A term prefix before a body: 十五届县委, 第十二届市委 (the same committee across terms).
_TERM = regex.compile(
    r"""
    ^(?:中共)?                          # the party prefix
    (?:第?[一二三四五六七八九十百零〇\d]+届)?   # the term: 十五届, 第12届
    """,
    regex.VERBOSE,
)
_COMMITTEE = regex.compile(r"委员会$")  # 中共某某市委员会 → 某某市委

# Document types that are the inspected unit's own answer (the issuer is the target).
OWN_ANSWER = ("rectification", "audit_rectification")
STAGES = ("stationing", "feedback", "rectification", "audit_rectification", "followup")


def normalise_body(body: str | None) -> str | None:
    """The inspecting body without party prefix and term: 十五届县委 → 县委."""
    if not body:
        return None
    name = _TERM.sub("", body.strip())
    name = _COMMITTEE.sub("委", name)
    return name or None


def inspection_key(
    kind: str | None, body: str | None, target: str | None, round_number: int | None, when: str | None
) -> str | None:
    """The key documents of one inspection share; None when kind, target or both round and date
    are unknown (such a document is not linked rather than linked wrongly).  ``when`` names the
    inspection without a round: ``s`` + its start date, else ``f`` + its feedback date.  A year
    alone would join two inspections of one unit in one year."""
    body = normalise_body(body)
    if not kind or not target or (round_number is None and when is None):
        return None
    return "|".join((kind, body or "", target, f"r{round_number}" if round_number is not None else when))


def inspection_identity(notice: Any, org: dict[str, Any] | None) -> dict[str, Any]:
    """The lifecycle columns of one notice row (see the module docstring)."""
    from zhenggai.corpus.orgs import _qualify, find_region, normalise_organisation

    org = org or {}
    insp = notice.inspection
    doc_type = getattr(notice, "doc_type", None)
    if doc_type in OWN_ANSWER and org.get("organisation"):
        target = org["organisation"]  # the unit answers for itself: its issuer is the target
    else:
        target = normalise_organisation(insp.target)
        region = (org.get("region_province"), org.get("region_city"), org.get("region_county"))
        if target and any(region) and not any(find_region(target)[:3]):
            target = _qualify(target, region) or target
    when = (f"s{insp.start.isoformat()}" if insp.start else
            f"f{insp.feedback_date.isoformat()}" if insp.feedback_date else None)
    followup = bool(insp.mode and "回头看" in insp.mode)
    return {
        "inspection_target_org": target,
        "inspection_key": inspection_key(insp.kind, insp.body, target, insp.round_number, when),
        "inspection_stage": "followup" if followup and doc_type in (*OWN_ANSWER, "feedback") else doc_type,
    }


# Publication date of a row, as a date (published_at is a timestamp column).
_PUB = "CAST(source_published_at AS DATE)"

LIFECYCLE_VIEWS = {
    # One row per inspection: its documents by stage, dates, timeliness and the issue totals
    # as first and as last stated.  Reposts count once (canonical notices only).
    "inspections": f"""
        WITH d AS (
            SELECT *, {_PUB} AS pub FROM notices
            WHERE duplicate_of IS NULL AND inspection_key IS NOT NULL
        ),
        r AS (SELECT * FROM d WHERE inspection_stage IN ('rectification', 'audit_rectification')),
        base AS (
        SELECT
            d.inspection_key,
            any_value(d.inspection_kind) AS kind,
            any_value(d.inspection_body) AS body,
            max(d.inspection_team) AS team,
            any_value(d.inspection_target_org) AS target,
            max(d.inspection_round_number) AS round_number,
            max(d.inspection_mode) AS mode,
            min(d.inspection_start) AS start,
            max(d.inspection_end) AS "end",
            min(d.inspection_feedback_date) AS feedback_date,
            count(*) AS documents,
            count(*) FILTER (WHERE d.inspection_stage = 'stationing') AS stationing_documents,
            count(*) FILTER (WHERE d.inspection_stage = 'feedback') AS feedback_documents,
            count(*) FILTER (WHERE d.inspection_stage = 'rectification') AS rectification_documents,
            count(*) FILTER (WHERE d.inspection_stage = 'audit_rectification') AS audit_rectification_documents,
            count(*) FILTER (WHERE d.inspection_stage = 'followup') AS followup_documents,
            string_agg(d.inspection_stage || ':' || d.notice_id, ' ' ORDER BY d.pub NULLS LAST, d.notice_id)
                AS notice_ids,
            min(d.pub) FILTER (WHERE d.inspection_stage IN ('rectification', 'audit_rectification'))
                AS first_rectification_published,
            max(d.pub) FILTER (WHERE d.inspection_stage IN ('rectification', 'audit_rectification'))
                AS last_rectification_published,
            date_diff('day', min(d.inspection_feedback_date),
                      min(d.pub) FILTER (WHERE d.inspection_stage IN ('rectification', 'audit_rectification')))
                AS days_feedback_to_first_rectification,
            (SELECT arg_min(r.totals_issues, r.pub) FROM r
             WHERE r.inspection_key = d.inspection_key AND r.totals_issues IS NOT NULL) AS issues_first_stated,
            (SELECT arg_max(r.totals_issues, r.pub) FROM r
             WHERE r.inspection_key = d.inspection_key AND r.totals_issues IS NOT NULL) AS issues_last_stated,
            (SELECT arg_max(r.totals_completed, r.pub) FROM r
             WHERE r.inspection_key = d.inspection_key AND r.totals_completed IS NOT NULL) AS completed_last_stated,
            (SELECT arg_max(r.totals_in_progress, r.pub) FROM r
             WHERE r.inspection_key = d.inspection_key AND r.totals_in_progress IS NOT NULL)
                AS still_open_last_stated,
            any_value(d.region_province) AS region_province,
            any_value(d.region_city) AS region_city,
            any_value(d.sector) AS sector,
            any_value(d.level) AS level
        FROM d
        GROUP BY d.inspection_key
        )
        -- A 回头看 follows the latest earlier inspection of the same unit that was not one itself.
        SELECT base.*,
               CASE WHEN base.mode LIKE '%回头看%' THEN (
                   SELECT arg_max(p.inspection_key, p.start) FROM base p
                   WHERE p.target = base.target AND p.start < base.start
                     AND coalesce(p.mode, '') NOT LIKE '%回头看%'
               ) END AS follows_inspection
        FROM base
    """,
    # A unit inspected again whose problems fall into a topic tag it was told about before:
    # one row per (target, tag, earlier inspection, later inspection).
    "recurrences": """
        WITH c AS (
            SELECT n.inspection_target_org AS target, n.inspection_key,
                   coalesce(n.inspection_start, n.inspection_feedback_date,
                            CAST(n.source_published_at AS DATE)) AS began,
                   c.code, c.label, c.issue, n.notice_id
            FROM issue_categories c JOIN notices n USING (notice_id)
            WHERE c.level = 2 AND n.duplicate_of IS NULL AND n.inspection_key IS NOT NULL
        )
        SELECT a.target, a.code, any_value(a.label) AS label,
               a.inspection_key AS earlier_inspection, b.inspection_key AS later_inspection,
               min(a.began) AS earlier_began, min(b.began) AS later_began,
               string_agg(DISTINCT a.issue, '；') AS earlier_issues,
               string_agg(DISTINCT b.issue, '；') AS later_issues
        FROM c a JOIN c b
          ON a.target = b.target AND a.code = b.code AND a.inspection_key <> b.inspection_key
         AND a.began < b.began
        GROUP BY a.target, a.code, a.inspection_key, b.inspection_key
    """,
}
