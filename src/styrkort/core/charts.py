"""Grouped bar charts drawn as SVG on the server. Pure functions, no Django.

Every coordinate and every text is computed here, so `charts/_bar_chart.html` only prints what a
BarChart holds. Numbers are written the Swedish way ("−1 300,5"). Colours are not chosen here: the
template gives each bar and legend swatch the CSS class `chart-series-N` (charts.css).
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from styrkort.core.numbers import format_number

MAX_SERIES = 6  # charts.css styles chart-series-0 … chart-series-5
WIDTH, HEIGHT = 640, 320
PLOT_TOP = 32  # room for the unit (top left) and the value printed above the tallest bar
CHAR_WIDTH = 7.0  # a generous width of a 12px character, to keep text inside the picture
VALUE_CHAR_WIDTH = 6.0  # the same for the 11px values printed on the bars
LINE_HEIGHT, LEGEND_ROW = 14, 20
NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
# The series' colours as SVG attributes, so that a PDF (which reads no stylesheet into an SVG) has
# them too; charts.css sets the same. Each has at least 3:1 contrast against white (WCAG 1.4.11).
SERIES_FILLS = ("#1e5a96", "#a0522d", "#2e7d32", "#6a3d9a", "#00727a", "#5c5c5c")


def series_fill(index: int) -> str:
    return SERIES_FILLS[index % len(SERIES_FILLS)]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]  # one per category; None: no figure, no bar


@dataclass(frozen=True)
class Bar:
    x: float
    y: float  # the top; the zero line for a negative bar, which goes down
    width: float
    height: float
    series_index: int
    category: str
    series_name: str
    value: Decimal
    label: str  # for screen readers and the tooltip: "Folkhälsa 2023: 1,0 mnkr"
    value_text: str  # printed on the bar: "1,0"
    text_x: float  # centre of value_text
    text_y: float  # its baseline: above a positive bar, below a negative one

    @property
    def fill(self) -> str:
        return series_fill(self.series_index)


@dataclass(frozen=True)
class Tick:
    y: float
    label: str
    value: Decimal


@dataclass(frozen=True)
class CategoryLabel:
    x: float  # centre of the category's group of bars
    y: float  # baseline of the first line
    text: str
    lines: tuple[str, ...]  # the text wrapped to the group's width, LINE_HEIGHT apart


@dataclass(frozen=True)
class LegendItem:
    series_index: int
    name: str
    swatch_x: float  # a 12 × 12 square
    swatch_y: float
    text_x: float
    text_y: float

    @property
    def fill(self) -> str:
        return series_fill(self.series_index)

    @property
    def line_x2(self) -> float:  # a line chart's legend draws a short line instead of a square
        return _r(self.swatch_x + 24)

    @property
    def line_y(self) -> float:
        return _r(self.text_y - 4)


@dataclass(frozen=True)
class BarChart:
    title: str
    unit: str
    width: int  # the viewBox
    height: int
    plot_left: float
    plot_top: float
    plot_right: float
    plot_bottom: float
    zero_y: float
    tick_label_x: float  # right edge of the tick labels
    ticks: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    categories: tuple[CategoryLabel, ...]
    legend: tuple[LegendItem, ...]
    show_values: bool  # False when some value_text is wider than its bar's room: then none is printed
    line_height: int = LINE_HEIGHT


def nice_ticks(low: Decimal, high: Decimal, target: int = 5) -> tuple[list[Decimal], Decimal]:
    """About `target` steps of 1, 2, 2,5 or 5 × 10ⁿ from `low` or below to `high` or above; and the step.

    The ticks are multiples of the step, so 0 is one of them when low ≤ 0 ≤ high.
    """
    raw = (high - low) / target
    magnitude = Decimal(1).scaleb(raw.adjusted())
    step = next(m * magnitude for m in NICE_STEPS if m * magnitude >= raw)
    first = (low / step).to_integral_value(rounding=ROUND_FLOOR)
    last = (high / step).to_integral_value(rounding=ROUND_CEILING)
    return [(first + i) * step for i in range(int(last - first) + 1)], step


def _r(number: float) -> float:
    return round(number, 1)


def _value_axis(values: list[Decimal], *, empty: list[Decimal]) -> tuple[list[Decimal], list[str]]:
    """The value axis's ticks from 0 (or below) to the largest value, and their labels with the
    decimals of the step; `empty` when there are no values."""
    if not values:
        return empty, [format_number(t, 0) for t in empty]
    low, high = min(Decimal(0), *values), max(Decimal(0), *values)
    tick_values, step = nice_ticks(low, high if high > low else low + 1)  # all zero: 0 to 1
    decimals = max(0, -step.normalize().as_tuple().exponent)
    return tick_values, [format_number(t, decimals) for t in tick_values]


def _legend_places(names: list[str], *, left: float, width: int, swatch: int) -> tuple[list, int]:
    """Where each legend entry starts (x, row), wrapping to a new row at the picture's edge; and the
    number of rows."""
    places, x, row = [], left, 0
    for name in names:
        item_width = swatch + len(name) * CHAR_WIDTH + 16
        if x > left and x + item_width > width:
            x, row = left, row + 1
        places.append((x, row))
        x += item_width
    return places, (row + 1 if names else 0)


def grouped_bar_chart(
    *, title: str, categories: Sequence[str], series: Sequence[Series], unit: str, decimals: int = 1
) -> BarChart:
    """A chart with a group of bars per category, one bar per series that has a figure for it."""
    if len(series) > MAX_SERIES:
        raise ValueError(f"At most {MAX_SERIES} series, got {len(series)}.")
    if any(len(s.values) != len(categories) for s in series):
        raise ValueError("Each series needs one value (or None) per category.")
    values = [v for s in series for v in s.values if v is not None]
    tick_values, tick_labels = _value_axis(values, empty=[Decimal(0)])

    # Across: tick labels, then one slot per category; 80 % of a slot holds its bars.
    plot_left = _r(max(40.0, max(len(t) for t in tick_labels) * CHAR_WIDTH + 12))
    # The picture widens rather than let a long name ("Samhällsutveckling") run into its neighbour.
    longest_word = max((len(word) for c in categories for word in c.split()), default=0)
    min_slot = max(longest_word * CHAR_WIDTH + 8, len(series) * 14)
    width = max(WIDTH, int(plot_left + min_slot * len(categories) + 16))
    plot_right = width - 16
    slot = (plot_right - plot_left) / max(1, len(categories))
    bar_room = slot * 0.8 / max(1, len(series))
    wrap = max(4, int(slot / CHAR_WIDTH))
    wrapped = [textwrap.wrap(c, wrap, break_long_words=False) or [""] for c in categories]
    wrapped = [w if len(w) <= 3 else [*w[:2], w[2] + "…"] for w in wrapped]

    legend_places, legend_rows = _legend_places(
        [s.name for s in series], left=plot_left, width=width, swatch=18
    )

    # Down: plot, values below negative bars, category labels, legend rows; the plot takes what is left.
    below_room = LINE_HEIGHT if any(v < 0 for v in values) else 0
    label_lines = max((len(w) for w in wrapped), default=1)
    plot_bottom = HEIGHT - (below_room + 16 + (label_lines - 1) * LINE_HEIGHT + 12 + legend_rows * LEGEND_ROW)
    label_y = plot_bottom + below_room + 16
    legend_y = label_y + (label_lines - 1) * LINE_HEIGHT + 26

    top, bottom = tick_values[-1], tick_values[0]
    scale = (plot_bottom - PLOT_TOP) / float(top - bottom) if top > bottom else 0.0
    zero = PLOT_TOP + float(top) * scale if top > bottom else float(plot_bottom)  # no figures: at the foot
    zero_y = _r(zero)

    def y_of(value: Decimal) -> float:
        return _r(zero - float(value) * scale)

    bars = []
    for ci, category in enumerate(categories):
        group_left = plot_left + ci * slot + slot * 0.1
        for si, s in enumerate(series):
            value = s.values[ci]
            if value is None:
                continue
            height = _r(abs(float(value)) * scale)
            y = _r(zero_y - height) if value > 0 else zero_y
            value_text = format_number(value, decimals)
            name = " ".join(part for part in (category, s.name) if part)
            bars.append(
                Bar(
                    x=_r(group_left + (si + 0.05) * bar_room),
                    y=y,
                    width=_r(bar_room * 0.9),
                    height=height,
                    series_index=si,
                    category=category,
                    series_name=s.name,
                    value=value,
                    label=f"{name}: {value_text} {unit}".rstrip(),
                    value_text=value_text,
                    text_x=_r(group_left + (si + 0.5) * bar_room),
                    text_y=_r(y + height + 12) if value < 0 else _r(y - 4),
                )
            )

    return BarChart(
        title=title,
        unit=unit,
        width=width,
        height=HEIGHT,
        plot_left=plot_left,
        plot_top=PLOT_TOP,
        plot_right=plot_right,
        plot_bottom=plot_bottom,
        zero_y=zero_y,
        tick_label_x=_r(plot_left - 6),
        ticks=tuple(Tick(y_of(v), label, v) for v, label in zip(tick_values, tick_labels, strict=True)),
        bars=tuple(bars),
        categories=tuple(
            CategoryLabel(_r(plot_left + (ci + 0.5) * slot), label_y, c, tuple(w))
            for ci, (c, w) in enumerate(zip(categories, wrapped, strict=True))
        ),
        legend=tuple(
            LegendItem(
                si, s.name, _r(x), legend_y + row * LEGEND_ROW - 10, _r(x + 18), legend_y + row * LEGEND_ROW
            )
            for si, (s, (x, row)) in enumerate(zip(series, legend_places, strict=True))
        ),
        show_values=all(len(b.value_text) * VALUE_CHAR_WIDTH <= bar_room for b in bars),
    )


# ---------------------------------------------------------------------------
# Line charts: an indicator's measurements over the years, its target drawn beside them


MARKERS = (
    "circle",
    "square",
    "triangle",
    "diamond",
    "circle",
    "square",
)  # with the colour: never colour alone
MARKER_SIZE = 5.5


def marker_path(shape: str, x: float, y: float, size: float = MARKER_SIZE) -> str:
    """A marker centred on (x, y) as an SVG path, so a series is told apart by shape as well as colour."""
    s = size
    if shape == "square":
        return f"M{_r(x - s)} {_r(y - s)}h{_r(2 * s)}v{_r(2 * s)}h{_r(-2 * s)}Z"
    if shape == "triangle":
        return f"M{_r(x)} {_r(y - s * 1.2)}L{_r(x + s * 1.2)} {_r(y + s)}L{_r(x - s * 1.2)} {_r(y + s)}Z"
    if shape == "diamond":
        d = s * 1.3
        return f"M{_r(x)} {_r(y - d)}L{_r(x + d)} {_r(y)}L{_r(x)} {_r(y + d)}L{_r(x - d)} {_r(y)}Z"
    return f"M{_r(x - s)} {_r(y)}a{s} {s} 0 1 0 {_r(2 * s)} 0a{s} {s} 0 1 0 {_r(-2 * s)} 0Z"


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    category: str
    series_name: str
    value: Decimal
    label: str  # "2023 Pojkar: 49 %", read by screen readers and shown as the tooltip
    marker: str  # the marker's path


@dataclass(frozen=True)
class Line:
    series_index: int
    name: str
    path: str  # "M…L…": broken where a year has no value
    points: tuple[Point, ...]

    @property
    def fill(self) -> str:
        return series_fill(self.series_index)


@dataclass(frozen=True)
class TargetMark:
    """The target of one year: a dashed level across the year's slot."""

    x1: float
    x2: float
    y: float
    label: str  # "Mål 2023: > 41 %"


@dataclass(frozen=True)
class LineChart:
    title: str
    unit: str
    width: int
    height: int
    plot_left: float
    plot_top: float
    plot_right: float
    plot_bottom: float
    tick_label_x: float
    ticks: tuple[Tick, ...]
    categories: tuple[CategoryLabel, ...]
    lines: tuple[Line, ...]
    targets: tuple[TargetMark, ...]
    target_name: str
    legend: tuple[LegendItem, ...]  # the series; the target's entry follows them, at target_legend
    legend_markers: tuple[str, ...]  # each series' marker, in the middle of its legend line
    target_legend: LegendItem | None
    line_height: int = LINE_HEIGHT


def line_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    unit: str,
    targets: Sequence[tuple[Decimal | None, str]] = (),
    target_name: str = "",
) -> LineChart:
    """A line per series over the categories (years), each value a labelled marker; `targets` gives
    per category a target value (or None) and how it reads ("> 41 %"), drawn as a dashed level."""
    if len(series) > MAX_SERIES:
        raise ValueError(f"At most {MAX_SERIES} series, got {len(series)}.")
    if any(len(s.values) != len(categories) for s in series) or (targets and len(targets) != len(categories)):
        raise ValueError("Each series and the targets need one value (or None) per category.")
    values = [v for s in series for v in s.values if v is not None]
    values += [value for value, _text in targets if value is not None]
    tick_values, tick_labels = _value_axis(values, empty=[Decimal(0), Decimal(1)])

    plot_left = _r(max(40.0, max(len(t) for t in tick_labels) * CHAR_WIDTH + 12))
    width = WIDTH
    plot_right = width - 16
    slot = (plot_right - plot_left) / max(1, len(categories))
    names = [s.name for s in series] + ([target_name] if any(v is not None for v, _t in targets) else [])
    legend_places, legend_rows = _legend_places(names, left=plot_left, width=width, swatch=30)
    plot_bottom = HEIGHT - (16 + 12 + legend_rows * LEGEND_ROW)
    label_y = plot_bottom + 16
    legend_y = label_y + 26

    top, bottom = tick_values[-1], tick_values[0]
    scale = (plot_bottom - PLOT_TOP) / float(top - bottom)

    def y_of(value: Decimal) -> float:
        return _r(PLOT_TOP + float(top - value) * scale)

    def x_of(index: int) -> float:
        return _r(plot_left + (index + 0.5) * slot)

    lines = []
    for si, s in enumerate(series):
        points, path, pen_down = [], [], False
        for ci, value in enumerate(s.values):
            if value is None:
                pen_down = False
                continue
            x, y = x_of(ci), y_of(value)
            path.append(f"{'L' if pen_down else 'M'}{x} {y}")
            pen_down = True
            name = " ".join(part for part in (categories[ci], s.name) if part)
            points.append(
                Point(
                    x=x,
                    y=y,
                    category=categories[ci],
                    series_name=s.name,
                    value=value,
                    label=f"{name}: {format_number(value)} {unit}".rstrip(),
                    marker=marker_path(MARKERS[si], x, y),
                )
            )
        lines.append(Line(si, s.name, "".join(path), tuple(points)))

    marks = tuple(
        TargetMark(
            _r(plot_left + ci * slot + slot * 0.15),
            _r(plot_left + (ci + 1) * slot - slot * 0.15),
            y_of(value),
            f"{target_name} {categories[ci]}: {text}",
        )
        for ci, (value, text) in enumerate(targets)
        if value is not None
    )
    legend = [
        LegendItem(i, name, _r(x), legend_y + row * LEGEND_ROW - 10, _r(x + 30), legend_y + row * LEGEND_ROW)
        for i, (name, (x, row)) in enumerate(zip(names, legend_places, strict=True))
    ]
    return LineChart(
        title=title,
        unit=unit,
        width=width,
        height=HEIGHT,
        plot_left=plot_left,
        plot_top=PLOT_TOP,
        plot_right=plot_right,
        plot_bottom=plot_bottom,
        tick_label_x=_r(plot_left - 6),
        ticks=tuple(Tick(y_of(v), label, v) for v, label in zip(tick_values, tick_labels, strict=True)),
        categories=tuple(CategoryLabel(x_of(ci), label_y, c, (c,)) for ci, c in enumerate(categories)),
        lines=tuple(lines),
        targets=marks,
        target_name=target_name,
        legend=tuple(legend[: len(series)]),
        legend_markers=tuple(
            marker_path(MARKERS[i], item.swatch_x + 12, item.line_y)
            for i, item in enumerate(legend[: len(series)])
        ),
        target_legend=legend[len(series)] if len(legend) > len(series) else None,
    )
