from decimal import Decimal

import pytest
from defusedxml import ElementTree
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from styrkort.core.charts import Series, grouped_bar_chart, line_chart, nice_ticks
from styrkort.core.numbers import format_number

pytestmark = pytest.mark.unit

D = Decimal


def chart_of(*values, categories=None, unit="mnkr", **kwargs):
    """A chart with one series per tuple of values; categories Folkhälsa, Tandvård, … as needed."""
    names = categories or ["Folkhälsa", "Tandvård", "Kultur", "Kollektivtrafik"][: len(values[0])]
    series = [Series(str(2023 + i), tuple(v)) for i, v in enumerate(values)]
    return grouped_bar_chart(title="Resultat", categories=names, series=series, unit=unit, **kwargs)


def render(chart, chart_id="result-chart"):
    with translation.override("sv"):
        return render_to_string("charts/_bar_chart.html", {"chart": chart, "chart_id": chart_id})


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (D("-93.9"), 1, "−93,9"),
        (D("1300.5"), 1, "1\u00a0300,5"),
        (D("-1234567.25"), 2, "−1\u00a0234\u00a0567,25"),
        (D("0.05"), 1, "0,1"),  # half up, not to even
        (D("-0.04"), 1, "0,0"),  # no minus on a zero
        (D(1), 1, "1,0"),
        (D("999.96"), 1, "1\u00a0000,0"),
        (12, 0, "12"),
    ],
)
def test_format_number_writes_swedish_numbers(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_nice_ticks_use_round_steps_include_zero_and_bracket_the_data():
    ticks, step = nice_ticks(D("-2.5"), D("4.8"))

    assert step == 2
    assert ticks == [-4, -2, 0, 2, 4, 6]


@pytest.mark.parametrize(
    ("low", "high", "step"),
    [(D(0), D(1), D("0.2")), (D(0), D(12), D("2.5")), (D(-930), D(0), D(200)), (D(0), D(40), D(10))],
)
def test_nice_ticks_steps_are_1_2_2_5_or_5_times_a_power_of_ten(low, high, step):
    ticks, found = nice_ticks(low, high)

    assert found == step
    assert ticks[0] <= low
    assert ticks[-1] >= high
    assert D(0) in ticks


def test_chart_ticks_are_labelled_swedish_style_and_placed_top_down():
    chart = chart_of((D("-2.5"), D("4.8")))

    assert [t.label for t in chart.ticks] == ["−4", "−2", "0", "2", "4", "6"]
    assert [t.y for t in chart.ticks] == sorted((t.y for t in chart.ticks), reverse=True)
    assert chart.ticks[-1].y == chart.plot_top
    assert chart.ticks[0].y == chart.plot_bottom
    assert next(t.y for t in chart.ticks if t.value == 0) == chart.zero_y


def test_tick_labels_get_the_decimals_of_the_step():
    chart = chart_of((D("0.4"), D("11.2")))

    assert [t.label for t in chart.ticks] == ["0,0", "2,5", "5,0", "7,5", "10,0", "12,5"]


def test_positive_bar_stands_on_the_zero_line_and_negative_bar_hangs_from_it():
    chart = chart_of((D("1.0"), D("-1.5")))
    up, down = chart.bars

    assert up.y + up.height == pytest.approx(chart.zero_y)
    assert up.y < chart.zero_y
    assert down.y == chart.zero_y
    assert down.height > 0
    assert down.text_y > down.y + down.height  # its value is printed below it
    assert up.text_y < up.y


def test_bar_heights_are_proportional_to_values():
    chart = chart_of((D(1), D(2), D(-1)))
    one, two, minus_one = chart.bars

    assert two.height == pytest.approx(2 * one.height, abs=0.1)
    assert minus_one.height == pytest.approx(one.height, abs=0.1)


def test_bars_carry_accessible_labels_and_printed_values():
    chart = chart_of((D("1.0"), D("-1.5")), (D("1300.5"), None))

    assert [b.label for b in chart.bars] == [
        "Folkhälsa 2023: 1,0 mnkr",
        "Folkhälsa 2024: 1\u00a0300,5 mnkr",
        "Tandvård 2023: −1,5 mnkr",
    ]
    assert [b.value_text for b in chart.bars] == ["1,0", "1\u00a0300,5", "−1,5"]
    assert [(b.category, b.series_name, b.series_index) for b in chart.bars] == [
        ("Folkhälsa", "2023", 0),
        ("Folkhälsa", "2024", 1),
        ("Tandvård", "2023", 0),
    ]


def test_label_without_unit_has_no_trailing_space():
    chart = chart_of((D("4.5"),), unit="", decimals=2)

    assert chart.bars[0].label == "Folkhälsa 2023: 4,50"


def test_none_values_draw_no_bar_and_bars_of_a_group_stand_side_by_side():
    chart = chart_of((D(3), None, D(1)), (D(2), D(5), None))

    assert [(b.category, b.series_name) for b in chart.bars] == [
        ("Folkhälsa", "2023"),
        ("Folkhälsa", "2024"),
        ("Tandvård", "2024"),
        ("Kultur", "2023"),
    ]
    first, second = chart.bars[:2]
    assert first.x + first.width < second.x
    assert [c.text for c in chart.categories] == ["Folkhälsa", "Tandvård", "Kultur"]
    assert first.x + first.width < chart.categories[0].x < second.x  # the label is centred under its group
    assert second.x + second.width < chart.categories[1].x < chart.bars[2].x  # Tandvård 2024: right half


def test_all_none_gives_a_zero_line_and_no_bars():
    chart = chart_of((None, None), (None, None))

    assert chart.bars == ()
    assert [(t.label, t.y) for t in chart.ticks] == [("0", chart.zero_y)]
    assert chart.zero_y == chart.plot_bottom
    assert "tabindex" not in render(chart)


def test_all_zero_and_single_values_do_not_divide_by_zero():
    zero = chart_of((D(0), D(0)))
    single = chart_of((D("7.3"),))

    assert [b.height for b in zero.bars] == [0, 0]
    assert zero.zero_y == zero.plot_bottom
    assert [t.label for t in zero.ticks] == ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"]
    assert [t.label for t in single.ticks] == ["0", "2", "4", "6", "8"]
    plot_height = single.plot_bottom - single.plot_top
    assert single.bars[0].height == pytest.approx(plot_height * 7.3 / 8, abs=0.1)


def test_all_negative_hangs_from_the_top():
    chart = chart_of((D(-3), D("-93.9")))

    assert chart.zero_y == chart.plot_top
    assert all(b.y == chart.plot_top for b in chart.bars)
    assert chart.bars[1].y + chart.bars[1].height <= chart.plot_bottom
    assert chart.ticks[0].label == "−100"


def test_legend_names_each_series_in_order():
    chart = chart_of((D(1),), (D(2),), (D(3),))

    assert [(item.series_index, item.name) for item in chart.legend] == [
        (0, "2023"),
        (1, "2024"),
        (2, "2025"),
    ]
    assert chart.legend[0].text_x < chart.legend[1].swatch_x


def test_long_category_names_are_wrapped_without_losing_words():
    names = ["Hälso- och sjukvårdsförvaltningen", "Regionstyrelsens förvaltning", "Folkhälsa", "Kultur"]
    chart = chart_of((D(1), D(2), D(3), D(4)), (D(1), D(2), D(3), D(4)), categories=names)

    assert len(chart.categories[1].lines) > 1
    assert " ".join(chart.categories[1].lines) == "Regionstyrelsens förvaltning"
    assert chart.plot_bottom < chart.categories[0].y


def test_values_too_wide_for_their_bars_are_not_printed():
    narrow = chart_of(*[(D("123456.7"),) * 4] * 6)

    assert not narrow.show_values
    assert chart_of((D(1), D(2))).show_values


def test_wrong_shapes_are_refused():
    with pytest.raises(ValueError, match="one value"):
        chart_of((D(1), D(2)), categories=["Folkhälsa"])
    with pytest.raises(ValueError, match="At most 6"):
        chart_of(*[(D(1),)] * 7)


@given(
    st.lists(
        st.one_of(st.none(), st.decimals(min_value=-(10**6), max_value=10**6, places=1)),
        min_size=1,
        max_size=12,
    )
)
def test_bars_and_ticks_stay_inside_the_plot(values):
    chart = chart_of(
        tuple(values), tuple(reversed(values)), categories=[f"Enhet {i}" for i in range(len(values))]
    )

    for bar in chart.bars:
        assert chart.plot_top - 0.1 <= bar.y <= bar.y + bar.height <= chart.plot_bottom + 0.1
        assert chart.plot_left <= bar.x < bar.x + bar.width <= chart.plot_right
    assert chart.plot_top <= chart.zero_y <= chart.plot_bottom
    assert all(chart.plot_top - 0.1 <= t.y <= chart.plot_bottom + 0.1 for t in chart.ticks)
    assert chart.plot_bottom - chart.plot_top > 100


def test_template_renders_a_keyboard_reachable_labelled_svg():
    chart = chart_of((D("1.0"), D("-1.5"), None), (D("2.25"), D("1300.5"), D(0)))
    html = render(chart)
    figure = ElementTree.fromstring(html)

    caption = figure.find("figcaption")
    svg = figure.find("svg")
    assert caption.text == "Resultat"
    assert svg.get("role") == "group"
    assert svg.get("aria-labelledby") == caption.get("id") == "result-chart-title"
    bars = [g for g in svg.iter("g") if g.get("tabindex") == "0"]
    assert len(bars) == len(chart.bars) == 5
    assert html.count('tabindex="0"') == 5
    first = bars[0]
    assert first.get("role") == "img"
    assert first.get("aria-label") == first.find("title").text == "Folkhälsa 2023: 1,0 mnkr"
    assert first.get("class") == "chart-bar chart-series-0"
    assert bars[1].get("class") == "chart-bar chart-series-1"
    assert "Tandvård 2023: −1,5 mnkr" in [g.get("aria-label") for g in bars]
    assert {"".join(text.itertext()) for text in svg.iter("text")} >= {
        "Folkhälsa",
        "Tandvård",
        "2023",
        "2024",
        "mnkr",
        "−1,5",
    }
    assert "style=" not in html


def test_template_writes_coordinates_with_a_decimal_point_on_swedish_pages():
    chart = chart_of((D("1.3"), D("-2.7")))
    svg = ElementTree.fromstring(render(chart)).find("svg")

    rect = svg.find("g[@class='chart-bars']/g/rect")
    assert float(rect.get("y")) == chart.bars[0].y
    assert float(rect.get("height")) == chart.bars[0].height
    assert all(
        "," not in (el.get(a) or "") for el in svg.iter() for a in ("x", "y", "width", "height", "x1", "y1")
    )


def test_template_ids_follow_chart_id():
    html = render(chart_of((D(1),)), chart_id="staff-chart")

    assert 'id="staff-chart"' in html
    assert 'aria-labelledby="staff-chart-title"' in html


# ---------------------------------------------------------------------------
# Line charts


def line_of(*values, targets=(), years=("2021", "2022", "2023")):
    series = [
        Series(name, tuple(v)) for name, v in zip(("Totalt", "Pojkar", "Flickor"), values, strict=False)
    ]
    return line_chart(
        title="Psykisk hälsa",
        categories=list(years),
        series=series,
        unit="%",
        targets=targets,
        target_name="Mål",
    )


def test_a_line_joins_the_years_that_have_values_and_breaks_where_one_has_none():
    chart = line_of((D(40), None, D(44)), (D(30), D(32), D(35)))

    total, boys = chart.lines
    assert total.path.count("M") == 2
    assert "L" not in total.path
    assert boys.path.count("M") == 1
    assert boys.path.count("L") == 2
    assert [p.label for p in total.points] == ["2021 Totalt: 40 %", "2023 Totalt: 44 %"]
    assert boys.points[0].y > boys.points[2].y  # higher values are higher up


def test_each_years_target_is_a_level_at_its_value_with_its_words():
    chart = line_of((D(40), D(42), D(44)), targets=[(None, ""), (None, ""), (D(41), "> 41 %")])

    (mark,) = chart.targets
    tick_41 = chart.ticks[0].y - (chart.ticks[0].y - chart.ticks[-1].y) * 41 / float(chart.ticks[-1].value)
    assert mark.label == "Mål 2023: > 41 %"
    assert abs(mark.y - tick_41) < 0.2
    assert chart.categories[1].x < mark.x1 < mark.x2 < chart.plot_right
    assert chart.target_legend.name == "Mål"


def test_series_differ_by_marker_shape_as_well_as_colour():
    chart = line_of((D(1), D(2), D(3)), (D(2), D(3), D(4)), (D(3), D(4), D(5)))

    shapes = ["".join(c for c in line.points[0].marker if c.isalpha()) for line in chart.lines]
    assert shapes == ["MaaZ", "MhvhZ", "MLLZ"]  # circle, square, triangle
    assert len({line.fill for line in chart.lines}) == 3


def test_the_line_template_makes_every_value_and_target_a_labelled_tab_stop():
    chart = line_of((D(40), D(42), D(44)), targets=[(None, ""), (None, ""), (D(41), "> 41 %")])
    with translation.override("sv"):
        svg = render_to_string("charts/_line_chart.html", {"chart": chart, "chart_id": "indicator-chart"})

    root = ElementTree.fromstring(svg)
    stops = [e.get("aria-label") for e in root.iter() if e.get("tabindex") == "0"]
    assert stops == ["Mål 2023: > 41 %", "2021 Totalt: 40 %", "2022 Totalt: 42 %", "2023 Totalt: 44 %"]
    assert "," not in "".join(e.get("d", "") for e in root.iter())  # coordinates with a decimal point
