"""Charts drawn offline: Vega-Lite specs through Altair, rendered by vl-convert (no browser, no CDN).

    zhenggai compare DATASET --by sector --plot by-sector.svg      (or .png)
"""

from __future__ import annotations

import os
from pathlib import Path

PLOT_FORMATS = (".svg", ".png")


class PlotError(Exception):
    """A chart that cannot be written (the message says what to change)."""


def spec_chart(spec: dict):
    """An Altair chart from a complete Vega-Lite spec (Altair validates it against the schema)."""
    import altair as alt

    return alt.Chart.from_dict(spec)


def svg(spec: dict) -> str:
    """The chart as SVG text."""
    import vl_convert

    return vl_convert.vegalite_to_svg(spec_chart(spec).to_dict())


def compare_spec(frame, by: str, metric: str = "completion_rate") -> dict:
    """A bar chart of one compare figure per group (groups with no figure are left out)."""
    rows = [{by: str(g), metric: float(v), "notices": int(n)}
            for g, v, n in zip(frame[by], frame[metric], frame["notices"]) if v == v and v is not None]
    title = {"completion_rate": "完成率 % completion rate"}.get(metric, metric)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": f"{title} by {by} (reposts once)",
        "width": 480, "height": max(120, 22 * len(rows)),
        "data": {"values": rows},
        "config": {"font": "Noto Sans CJK SC"},
        "mark": {"type": "bar", "color": "#4c78a8"},
        "encoding": {
            "y": {"field": by, "type": "nominal", "sort": "-x", "title": by},
            "x": {"field": metric, "type": "quantitative", "title": title},
            "tooltip": [{"field": by}, {"field": metric}, {"field": "notices"}],
        },
    }


def write_plot(frame, by: str, path: str | os.PathLike, metric: str = "completion_rate") -> Path:
    """Write the compare chart to ``path`` (.svg or .png)."""
    import vl_convert

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in PLOT_FORMATS:
        raise PlotError(f"{path}: cannot tell the chart format; name the file .svg or .png")
    spec = spec_chart(compare_spec(frame, by, metric)).to_dict()
    if suffix == ".svg":
        path.write_text(vl_convert.vegalite_to_svg(spec), encoding="utf-8")
    else:
        path.write_bytes(vl_convert.vegalite_to_png(spec, scale=2))
    return path
