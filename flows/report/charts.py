"""The report's charts as inline SVG, drawn here so the page loads nothing.

Each element is built with `Markup.format`, which escapes every argument: run ids, source
names and tooltips come from the warehouse. The result is `Markup`, which the page's template
inserts as it is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from flows.report.data import OTHER_SOURCES, Record, pass_rate
from flows.report.formats import as_text, utc

PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#b07aa1",
    "#edc948",
    "#ff9da7",
    "#9c755f",
)
OTHER_COLOUR = "#bab0ac"
SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Plot:
    """A chart's canvas: the whole box, and the margins around the plotted area."""

    width: int
    height: int
    left: int = 52
    right: int = 16
    top: int = 14
    bottom: int = 34

    @property
    def inner_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def inner_height(self) -> int:
        return self.height - self.top - self.bottom

    @property
    def base(self) -> int:
        """The y of the horizontal axis."""
        return self.top + self.inner_height


def colour(index: int, group: str) -> str:
    """The fill of a source group in the volume chart and its legend."""
    return OTHER_COLOUR if group == OTHER_SOURCES else PALETTE[index % len(PALETTE)]


def pass_rate_chart(runs: Sequence[Mapping[str, Any]]) -> Markup:
    """A line of pass rates, one point per run that evaluated expectations, oldest on the left."""
    plot = Plot(960, 240)
    rates = [pass_rate(r) for r in runs]
    known = [r for r in rates if r is not None]
    floor = axis_floor(min(known)) if known else 0.0
    step = plot.inner_width / max(len(runs), 1)

    def x(i: int) -> float:
        return plot.left + step * (i + 0.5)

    def y(rate: float) -> float:
        return plot.top + plot.inner_height * (1 - (rate - floor) / (1 - floor))

    parts = [_open("pass-rate-chart", plot, f"pass rate per run, {len(known)} points")]
    for k in range(5):
        value = floor + (1 - floor) * k / 4
        parts.append(_gridline(plot, y(value), f"{value * 100:.3g}%"))
    parts += _polylines([None if r is None else (x(i), y(r)) for i, r in enumerate(rates)])
    radius = 4 if len(runs) <= 60 else 2.5
    for i, (run, rate) in enumerate(zip(runs, rates, strict=True)):
        if rate is None:
            parts.append(_no_checks(plot, x(i), run))
        else:
            parts.append(_point(x(i), y(rate), radius, run, rate))
    stamps = [utc(r.get("started_at")) for r in runs]
    one_day = len({s.date() for s in stamps if s is not None}) <= 1
    for i in label_positions(len(runs), 6):
        stamp = stamps[i]
        if stamp is not None:
            text = stamp.strftime("%H:%M" if one_day else "%Y-%m-%d")
            parts.append(_x_label(plot, x(i), _anchor(i, len(runs)), text))
    return _close(parts)


def volume_chart(
    days: Sequence[date], groups: Sequence[str], stacks: Mapping[date, Record]
) -> Markup:
    """Stacked bars: one column per day, one bar per source group with articles that day."""
    plot = Plot(960, 260)
    peak = max((sum(stacks[d].values()) for d in days), default=0)
    tick = nice_step(peak / 4)
    ceiling = tick * 4
    step = plot.inner_width / max(len(days), 1)
    bar_width = max(step * 0.72, 1.0)
    label = f"articles per source per day over {len(days)} days"
    parts = [_open("volume-chart", plot, label)]
    for k in range(5):
        value = tick * k
        y = plot.top + plot.inner_height * (1 - value / ceiling)
        parts.append(_gridline(plot, y, f"{value:g}"))
    for i, day in enumerate(days):
        base = float(plot.base)
        left = plot.left + step * i + (step - bar_width) / 2
        for g, group in enumerate(groups):
            rows = stacks[day].get(group, 0)
            if rows:
                height = plot.inner_height * rows / ceiling
                base -= height
                fill = colour(g, group)
                parts.append(_bar(left, base, bar_width, height, day, group, fill, rows))
    for i in label_positions(len(days), 8):
        parts.append(_x_label(plot, plot.left + step * (i + 0.5), "middle", f"{days[i]:%m-%d}"))
    return _close(parts)


def sparkline(runs: Sequence[Mapping[str, Any]], width: int = 60) -> str:
    """Pass rate per run in block characters, on the same axis as the chart; · for no checks."""
    rates = [pass_rate(r) for r in runs[-width:]]
    known = [r for r in rates if r is not None]
    if not known:
        return ""
    floor = axis_floor(min(known))
    return "".join(
        "·" if r is None else SPARKS[round((r - floor) / (1 - floor) * (len(SPARKS) - 1))]
        for r in rates
    )


# ---------------------------------------------------------------- elements


def _open(chart_id: str, plot: Plot, label: str) -> Markup:
    return Markup(
        '<svg class="chart" id="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">'
    ).format(chart_id, plot.width, plot.height, label)


def _close(parts: list[Markup]) -> Markup:
    return Markup("").join([*parts, Markup("</svg>")])


def _gridline(plot: Plot, y: float, label: str) -> Markup:
    """A horizontal grid line with its value on the left axis."""
    return Markup(
        '<line class="grid" x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>'
        '<text x="{tx}" y="{ty:.1f}" text-anchor="end">{label}</text>'
    ).format(
        left=plot.left, right=plot.width - plot.right, y=y, tx=plot.left - 6, ty=y + 4, label=label
    )


def _x_label(plot: Plot, x: float, anchor: str, text: str) -> Markup:
    return Markup('<text x="{:.1f}" y="{}" text-anchor="{}">{}</text>').format(
        x, plot.height - 12, anchor, text
    )


def _polylines(points: Sequence[tuple[float, float] | None]) -> list[Markup]:
    """The line through the points, broken wherever a run evaluated no expectations."""
    lines: list[Markup] = []
    segment: list[str] = []
    for point in [*points, None]:
        if point is not None:
            segment.append(f"{point[0]:.1f},{point[1]:.1f}")
            continue
        if len(segment) > 1:
            lines.append(Markup('<polyline class="line" points="{}"/>').format(" ".join(segment)))
        segment = []
    return lines


def _point(x: float, y: float, radius: float, run: Mapping[str, Any], rate: float) -> Markup:
    tooltip = (
        f"{run['run_id']} · {as_text(run.get('started_at'))} · {rate:.1%} "
        f"({run['passed']} of {run['evaluated']} expectations passed) · {run['status']}"
    )
    return Markup(
        '<circle class="point {}" cx="{:.1f}" cy="{:.1f}" r="{}" data-run-id="{}" '
        'data-pass-rate="{:.4f}"><title>{}</title></circle>'
    ).format("pass" if rate >= 1 else "fail", x, y, radius, run["run_id"], rate, tooltip)


def _no_checks(plot: Plot, x: float, run: Mapping[str, Any]) -> Markup:
    """A tick on the axis for a run that evaluated nothing."""
    tooltip = f"{run['run_id']} · {as_text(run.get('started_at'))} · no expectations evaluated"
    return Markup(
        '<rect class="no-checks" x="{:.1f}" y="{}" width="2" height="6"><title>{}</title></rect>'
    ).format(x - 1, plot.base - 6, tooltip)


def _bar(
    x: float, y: float, width: float, height: float, day: date, group: str, fill: str, rows: int
) -> Markup:
    return Markup(
        '<rect class="bar" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}" '
        'data-day="{}" data-source="{}" data-rows="{}"><title>{}</title></rect>'
    ).format(x, y, width, height, fill, day, group, rows, f"{day} · {group}: {rows:,} article(s)")


# ---------------------------------------------------------------- axes


def _anchor(index: int, count: int) -> str:
    """Axis labels at the plot's edges lean inwards, so the last one is not cut off."""
    if count > 3 and index == 0:
        return "start"
    return "end" if count > 3 and index == count - 1 else "middle"


def axis_floor(lowest: float) -> float:
    """The bottom of the pass-rate axis: a little under the lowest rate, on a tenth."""
    return max(0.0, min(0.9, math.floor(lowest * 10 - 1e-9) / 10))


def nice_step(raw: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least `raw` (and at least 1)."""
    if raw <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def label_positions(count: int, most: int) -> list[int]:
    """Which of `count` columns get an axis label: at most `most`, evenly, the newest always."""
    if count <= 0:
        return []
    if count <= most:
        return list(range(count))
    every = math.ceil((count - 1) / (most - 1))
    positions = list(range(0, count, every))
    positions[-1] = count - 1  # the newest gets a label; the gap before it stays >= every
    return positions
