"""Server-rendered SVG charts: the geometry of a small line chart as plain numbers.

:func:`series_chart` turns a unit's staffing series (date, quota, current) into
points, axis ticks and labels inside a fixed view box; the template draws them
as ``<svg class="chart">`` — no script, no chart library, no inline style.
"""

from __future__ import annotations

from typing import Any

WIDTH, HEIGHT = 640, 240
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 56, 48, 16, 40
TICKS = 4
SERIES = (("quota", "정원"), ("current", "현원"))


def series_chart(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The chart of ``rows`` (oldest first), or None when there is nothing to draw."""
    rows = [r for r in rows if any(isinstance(r.get(k), (int, float)) for k, _ in SERIES)]
    if not rows:
        return None
    values = [r[k] for r in rows for k, _ in SERIES if isinstance(r.get(k), (int, float))]
    top = max(values) or 1
    top = top * 1.1
    inner_w, inner_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_w / max(1, len(rows) - 1)
    x = lambda i: round(PAD_LEFT + (i * step if len(rows) > 1 else inner_w / 2), 1)  # noqa: E731
    y = lambda v: round(PAD_TOP + inner_h * (1 - v / top), 1)  # noqa: E731
    lines = []
    for key, label in SERIES:
        pts = [{"x": x(i), "y": y(r[key]), "value": r[key], "date": r.get("date"), "unit": r.get("unit")}
               for i, r in enumerate(rows) if isinstance(r.get(key), (int, float))]
        if pts:
            lines.append({"key": key, "label": label, "points": pts,
                          "path": " ".join(f"{p['x']},{p['y']}" for p in pts)})
    ticks = [{"y": y(top * k / TICKS), "label": round(top * k / TICKS)} for k in range(TICKS + 1)]
    labels = [{"x": x(i), "text": r.get("date") or "?", "unit": r.get("unit")} for i, r in enumerate(rows)]
    return {"width": WIDTH, "height": HEIGHT, "lines": lines, "ticks": ticks, "labels": labels,
            "left": PAD_LEFT, "right": WIDTH - PAD_RIGHT, "bottom": HEIGHT - PAD_BOTTOM, "label_y": HEIGHT - 12}
