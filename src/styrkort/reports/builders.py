"""Reports built from the facts as documents (reports/document.py), in the active language.

Each builder reads the facts once (a closed round's from its snapshot) and writes every label as
the reader will see it; the renderers then print the same document in each format.
"""

from decimal import Decimal

from django.db.models import prefetch_related_objects
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from styrkort.core.numbers import format_number, with_unit
from styrkort.economy.formatting import format_mnkr
from styrkort.economy.queries import MNKR
from styrkort.economy.report import EconomyReport, StaffComparison, economy_report
from styrkort.economy.report_charts import department_results_chart, sick_leave_chart
from styrkort.followup.enums import ActionStatus, Colour, NarrativeSection
from styrkort.followup.models import FollowUpRound
from styrkort.followup.report import ActionLine, IndicatorLine, RoundReport, round_report
from styrkort.followup.status import IndicatorStatus, Trend, green_share
from styrkort.org.models import Unit
from styrkort.plans.enums import Direction, Frequency
from styrkort.plans.formatting import measurement_text
from styrkort.plans.models import Plan
from styrkort.plans.queries import baselines_per_breakdown, plan_tree

from .document import Cell, Chart, Document, Heading, Paragraph, Table, text_cells

MNKR_FORMAT = "#,##0.0;−#,##0.0"
MNKR_EXACT_FORMAT = "#,##0.0#;−#,##0.0#"  # a savings measure of 0,07 mnkr
PERCENT_FORMAT = "0.0"


def annual_report(round: FollowUpRound, unit: Unit) -> Document:
    """Årsredovisning or delårsrapport for one unit, with seed 002's parts in seed 002's order."""
    facts = round_report(round).for_unit(unit.code)
    economy = economy_report(round=round, unit=unit)
    document = Document(
        title=facts.name,
        subtitle=unit.name,
        cover=_cover(facts, preliminary=round.is_open),
        filename=f"rapport-{facts.code.lower()}-{unit.code.lower()}",
    )
    texts = {n.section: n.text for n in facts.narratives}  # for_unit kept the unit's own
    for section in (NarrativeSection.INTRODUCTION, NarrativeSection.EVENTS):
        if texts.get(section):
            document.add(
                Heading(str(NarrativeSection(section).label).capitalize()), Paragraph(texts[section])
            )
    if not facts.areas:
        document.add(Paragraph(_("The round has no actions or indicators for this unit."), meta=True))
    for area in facts.areas:
        document.add(Heading(area.name or _("Without goal area")))
        if area.goals:
            document.add(
                Table(
                    _("Goals"),
                    [_("Goal"), _("Assessment"), _("Analysis")],
                    [text_cells(g.name, _mark(Colour, g.colour), g.analysis or "–") for g in area.goals],
                    widths=(3, 2, 5),
                )
            )
        if area.actions:
            document.add(_actions_table(area.actions))
        if area.indicators:
            document.add(_indicators_table(facts, area.indicators))
    if facts.added_assignments:
        document.add(
            Heading(_("Assignments added during the year")),
            Table(
                _("Assignments added during the year"),
                [_("Assignment"), _("Timeline"), _("Responsible"), _("Comment")],
                [
                    text_cells(a.text, a.timeline or "–", a.receiver, a.comment or "–")
                    for a in facts.added_assignments
                ],
                widths=(4, 2, 2, 4),
            ),
        )
    _economy(document, economy)
    for section in (NarrativeSection.NEAR_FUTURE, NarrativeSection.LONG_TERM):
        if texts.get(section):
            document.add(
                Heading(str(NarrativeSection(section).label).capitalize()), Paragraph(texts[section])
            )
    _appendix(document, facts)
    return document


def economy_and_staff(round: FollowUpRound, unit: Unit) -> Document:
    """The unit's economy page as a document: the same tables, from the same (frozen) figures."""
    economy = economy_report(round=round, unit=unit)
    document = Document(
        title=_("Economy and staff"),
        subtitle=f"{unit.name} – {round.name}",
        cover=[_("As of %(date)s") % {"date": formats.date_format(round.as_of, "Y-m-d")}],
        filename=f"ekonomi-{round.code.lower()}-{unit.code.lower()}",
    )
    _economy(document, economy)
    if economy.is_empty:
        document.add(Paragraph(_("No figures."), meta=True))
    return document


def _cover(facts: RoundReport, *, preliminary: bool) -> list[str]:
    lines = [_("As of %(date)s") % {"date": formats.date_format(facts.as_of, "Y-m-d")}]
    if facts.treated_by:
        treated = _("This report is treated by %(body)s") % {"body": facts.treated_by}
        if facts.treated_on:
            treated += f" {formats.date_format(facts.treated_on, 'Y-m-d')}"
        lines.append(treated)
    if facts.diary_number:
        lines.append(_("Diary number: %(number)s") % {"number": facts.diary_number})
    if preliminary:
        lines.append(
            _("Preliminary: the round is open; this is what had been reported on %(date)s.")
            % {"date": formats.date_format(facts.built_at, "Y-m-d")}
        )
    return lines


def _mark(choices, value: str) -> str:
    """A status as symbol and words, so it survives black-and-white print and screen readers."""
    if not value:
        return _("not assessed")
    choice = choices(value)
    return f"{choice.symbol} {choice.label}"


def _action_state(action: ActionLine) -> str:
    if action.commented:
        return _("commented, not assessed")
    if not action.reported:
        return _("not reported")
    parts = [
        str(ActionStatus(action.status).label) if action.status else "",
        _mark(Colour, action.colour) if action.colour else "",
    ]
    return ", ".join(part for part in parts if part)


def _actions_table(actions: list[ActionLine]) -> Table:
    return Table(
        _("Actions"),
        [_("Code"), _("Action"), _("Timeline"), _("Responsible"), _("Status")],
        [text_cells(a.code, a.text, a.timeline or "–", a.owners or "–", _action_state(a)) for a in actions],
        widths=(1, 6, 2, 2, 3),
        nowrap=frozenset({0, 2}),
    )


def _outcome_text(indicator: IndicatorLine) -> str:
    if not indicator.outcomes:
        return "–"
    parts = []
    for outcome in indicator.outcomes:
        value = (
            _("data missing")
            if outcome.missing or outcome.value is None
            else measurement_text(outcome.value, indicator.unit_of_measure, indicator.figure)
        )
        name = outcome.breakdown or (_("Total") if len(indicator.outcomes) > 1 else "")
        parts.append(f"{name} {value}".strip())
    return f"{indicator.outcomes[0].period}: " + ", ".join(parts)


def _indicators_table(facts: RoundReport, indicators: list[IndicatorLine]) -> Table:
    rows = []
    for indicator in indicators:
        target = ", ".join(t for t in (indicator.target_text, indicator.breakdown_target_text) if t) or "–"
        trend = f"{Trend(indicator.trend).arrow} {Trend(indicator.trend).label}" if indicator.trend else "–"
        rows.append(
            text_cells(
                indicator.name,
                target,
                _outcome_text(indicator),
                _mark(IndicatorStatus, indicator.status),
                trend,
            )
        )
    return Table(
        _("Indicators"),
        [
            _("Indicator"),
            _("Target %(year)s") % {"year": facts.as_of.year},
            _("Outcome"),
            _("Status"),
            _("Trend"),
        ],
        rows,
        widths=(4, 2, 3, 2, 2),
    )


def _mnkr_cell(amount: Decimal | None, *, exact: bool = False) -> Cell:
    if amount is None:
        return Cell("–")
    return Cell(
        format_mnkr(amount, None if exact else 1),
        number=amount / MNKR,
        number_format=MNKR_EXACT_FORMAT if exact else MNKR_FORMAT,
    )


def _economy(document: Document, economy: EconomyReport) -> None:
    if economy.is_empty:
        return
    year = economy.year
    document.add(Heading(_("Economy")))
    if economy.statement:
        rows = [
            [Cell(row.label), *(_mnkr_cell(v) for v in values)] for row, values in economy.statement_cells
        ]
        document.add(
            Table(
                _("Income statement"),
                [_("Line"), *economy.column_titles],
                rows,
                numeric=frozenset(range(1, len(economy.columns) + 1)),
                total_rows=frozenset(i for i, row in enumerate(economy.statement) if row.is_total),
                widths=(4, *([2] * len(economy.columns))),
            ),
            Paragraph(_("mnkr"), meta=True),
        )
    if economy.departments:
        document.add(Chart(department_results_chart(economy), anchor="result-chart"))
        rows = [[Cell(row.name), *(_mnkr_cell(v) for v in row.results)] for row in economy.departments]
        rows.append(
            [
                Cell(_("Total %(unit)s") % {"unit": economy.unit_name}),
                *(_mnkr_cell(v) for v in economy.department_total),
            ]
        )
        document.add(
            Table(
                _("Result per department"),
                [_("Department"), *(str(y) for y in economy.result_years)],
                rows,
                numeric=frozenset(range(1, len(economy.result_years) + 1)),
                total_rows=frozenset({len(rows) - 1}),
                widths=(5, *([1] * len(economy.result_years))),
            )
        )
    if economy.investments:
        total = economy.investments_total()
        rows = [
            [Cell(i.project), _mnkr_cell(i.budget), _mnkr_cell(i.outcome), _mnkr_cell(i.remaining)]
            for i in [*economy.investments, total]
        ]
        document.add(
            Table(
                _("Investments"),
                [
                    _("Project"),
                    _("Budget %(year)s") % {"year": year},
                    _("Outcome %(year)s") % {"year": year},
                    _("Remaining, carried over"),
                ],
                rows,
                numeric=frozenset({1, 2, 3}),
                total_rows=frozenset({len(rows) - 1}),
                widths=(4, 2, 2, 2),
            ),
            Paragraph(
                _("%(amount)s mnkr is carried over to %(next)s.")
                % {"amount": format_mnkr(total.remaining), "next": year + 1}
            ),
        )
    if economy.economy_comment:
        document.add(Heading(_("Comments on the economy"), level=2), Paragraph(economy.economy_comment))
    if economy.savings:
        estimated, realised = economy.savings_total()
        rows = [
            [
                Cell(s.measure),
                Cell(s.timeline),
                Cell(s.owner),
                _mnkr_cell(s.estimated_effect, exact=True),
                _mnkr_cell(s.realised_effect, exact=True),
                Cell(s.comment),
            ]
            for s in economy.savings
        ]
        rows.append(
            [
                Cell(pgettext("sum row", "Total")),
                Cell(""),
                Cell(""),
                _mnkr_cell(estimated, exact=True),
                _mnkr_cell(realised, exact=True),
                Cell(""),
            ]
        )
        document.add(
            Heading(_("Action plan for a balanced economy"), level=2),
            Table(
                _("Action plan for a balanced economy"),
                [
                    _("Measure"),
                    _("Timeline"),
                    _("Responsible"),
                    _("Estimated effect, mnkr"),
                    _("Realised effect, mnkr"),
                    _("Comment"),
                ],
                rows,
                numeric=frozenset({3, 4}),
                total_rows=frozenset({len(rows) - 1}),
                widths=(3, 2, 1, 2, 2, 4),
                caption=False,
            ),
        )
    _staff(document, economy)


def _percent_cell(value: Decimal | None) -> Cell:
    if value is None:
        return Cell("–")
    return Cell(format_number(value, 1), number=value, number_format=PERCENT_FORMAT)


def _staff_table(title: str, first: str, rows: list[StaffComparison], year: int) -> Table:
    """This year against the last; with the HR system's notes in a column where rows differ in them
    (one note for every row is printed once, under the tables: _staff)."""
    notes = len({row.note for row in rows}) > 1
    return Table(
        title,
        [first, str(year), str(year - 1), *([_("Note")] if notes else [])],
        [
            [
                Cell(row.label),
                _percent_cell(row.this_year),
                _percent_cell(row.last_year),
                *([Cell(row.note)] if notes else []),
            ]
            for row in rows
        ],
        numeric=frozenset({1, 2}),
        widths=(4, 2, 2, *((4,) if notes else ())),
    )


def _staff(document: Document, economy: EconomyReport) -> None:
    if not economy.staff_figures:
        return
    year = economy.year
    document.add(Heading(_("Staff")))
    total = economy.sick_leave_total
    measure = pgettext("staff figure", "Measure")
    groups = [  # rows, the table's title, its first column's, and whether the chart goes before it
        ([total] if total else [], _("Sick leave, per cent"), measure, False),
        (
            economy.sick_leave_days,
            _("Sick leave by length of absence, per cent"),
            _("Length of absence"),
            True,
        ),
        (economy.sick_leave_gender, _("Sick leave by gender, per cent"), _("Gender"), False),
        (economy.sick_leave_age, _("Sick leave by age, per cent"), _("Age"), False),
        (economy.headcount, _("Employees and full-time equivalents"), measure, False),
    ]
    shared_notes: list[str] = []  # a note every row of a table has, printed once under the tables
    for rows, title, first, chart_first in groups:
        if not rows:
            continue
        if chart_first:
            document.add(Chart(sick_leave_chart(economy), anchor="sick-leave-chart"))
        document.add(_staff_table(title, first, rows, year))
        notes = {row.note for row in rows}
        if len(notes) == 1 and "" not in notes:
            shared_notes.extend(note for note in notes if note not in shared_notes)
    for note in shared_notes:
        document.add(Paragraph(note, meta=True))
    if economy.staff_comment:
        document.add(Heading(_("Comments on staff"), level=2), Paragraph(economy.staff_comment))


def _appendix(document: Document, facts: RoundReport) -> None:
    """Seed 002's "Bilaga 2: Sammanställning åtgärder": every action with its comment."""
    if not facts.actions:
        return
    document.add(Heading(_("Appendix: the actions and their comments")))
    for area in facts.areas:
        if area.actions:
            document.add(
                Table(
                    area.name or _("Without goal area"),
                    [_("Code"), _("Action"), _("Status"), _("Comment")],
                    [
                        text_cells(
                            a.code,
                            a.text,
                            _action_state(a),
                            "\n\n".join(t for t in (a.comment, a.deviation) if t) or "–",
                        )
                        for a in area.actions
                    ],
                    widths=(1, 4, 2, 6),
                    nowrap=frozenset({0}),
                )
            )


# --- Aktivitetskort ----------------------------------------------------------------------------

CARD_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.DONE)


def activity_card(round: FollowUpRound, unit: Unit) -> Document:
    """A department's card: activity │ ej påbörjat │ pågår │ klart │ kommentar, one X a row."""
    facts = round_report(round).for_unit(unit.code)
    statuses = [
        *CARD_STATUSES,
        *(s for s in (ActionStatus.PAUSED, ActionStatus.CANCELLED) if _used(facts, s)),
    ]
    document = Document(
        title=_("Activity card"),
        subtitle=f"{unit.name} – {facts.name}",
        cover=_cover(facts, preliminary=round.is_open),
        filename=f"aktivitetskort-{facts.code.lower()}-{unit.code.lower()}",
        landscape=True,
    )
    header = [_("Activity"), *(str(s.label) for s in statuses), _("Comment")]
    columns = frozenset(range(1, len(statuses) + 1))
    if not facts.actions:
        document.add(Paragraph(_("The round has no actions or indicators for this unit."), meta=True))
    for area in facts.areas:
        if not area.actions:
            continue
        rows = [
            [
                Cell(f"{a.code} {a.text}".strip()),
                *(Cell("X" if a.status == s else "") for s in statuses),
                Cell(
                    "\n\n".join(t for t in (a.comment, a.deviation) if t)
                    or ("–" if a.reported else _action_state(a))
                ),
            ]
            for a in area.actions
        ]
        document.add(
            Heading(area.name or _("Without goal area")),
            Table(
                area.name or _("Without goal area"),
                header,
                rows,
                widths=(6, *([1] * len(statuses)), 6),
                centred=columns,
                caption=False,
            ),
        )
    return document


def _used(facts: RoundReport, status: str) -> bool:
    return any(a.status == status for a in facts.actions)


# --- Uppföljning av en handlingsplan ------------------------------------------------------------


def action_plan_followup(round: FollowUpRound, plan: Plan) -> Document:
    """Per goal area the activities in total, green and share green; the total; then every activity
    with its colour (a regional strategy's action plan followed up by colour)."""
    facts = round_report(round)
    areas = [(area, [a for a in area.actions if a.plan == plan.code]) for area in facts.areas if area.actions]
    areas = [(area, actions) for area, actions in areas if actions]
    document = Document(
        title=_("Follow-up of %(plan)s") % {"plan": plan.name},
        subtitle=facts.name,
        cover=_cover(facts, preliminary=round.is_open),
        filename=f"handlingsplan-{facts.code.lower()}-{plan.code.lower()}",
    )
    rows, every = [], []
    for area, actions in areas:
        share = green_share(a.colour for a in actions)
        every.extend(actions)
        rows.append([Cell(area.name or _("Without goal area")), *_share_cells(share)])
    total = green_share(a.colour for a in every)
    rows.append([Cell(_("Total")), *_share_cells(total)])
    document.add(
        Heading(_("Share green per goal area")),
        Table(
            _("Share green per goal area"),
            [_("Goal area"), _("Activities"), _("Green"), _("Share green")],
            rows,
            numeric=frozenset({1, 2, 3}),
            total_rows=frozenset({len(rows) - 1}),
            widths=(5, 2, 2, 2),
            caption=False,
        ),
        Paragraph(
            _(
                "%(green)s of %(total)s activities are green (%(share)s). An activity not reported counts "
                "as not green."
            )
            % {"green": total.green, "total": total.total, "share": _percent_text(total.share)}
        ),
    )
    for area, actions in areas:
        document.add(
            Heading(area.name or _("Without goal area")),
            Table(
                area.name or _("Without goal area"),
                [_("Code"), _("Activity"), _("Assessment"), _("Comment")],
                [text_cells(a.code, a.text, _action_state(a), a.comment or "–") for a in actions],
                widths=(1, 5, 2, 5),
                nowrap=frozenset({0}),
                caption=False,
            ),
        )
    if not areas:
        document.add(Paragraph(_("The round has no activities of this plan."), meta=True))
    return document


def _percent_text(share) -> str:
    return "–" if share is None else with_unit(str(share), "%")


def _share_cells(share) -> list[Cell]:
    return [
        Cell(str(share.total), number=Decimal(share.total), number_format="0"),
        Cell(str(share.green), number=Decimal(share.green), number_format="0"),
        Cell(_percent_text(share.share), number=None if share.share is None else Decimal(share.share)),
    ]


# --- Mål- och indikatoröversikt (seed 003, chapter 15) -------------------------------------------


def indicator_overview(plan: Plan) -> Document:
    """Per perspective and goal area: goal, indicators, desired direction, baseline with its year,
    frequency."""
    tree = plan_tree(plan)
    # The overview prints each breakdown's baseline; the plan's page does not, so the tree leaves them.
    indicators = [i for node in tree.areas for goal_node in node.goals for i in goal_node.indicators]
    prefetch_related_objects(indicators, baselines_per_breakdown())
    document = Document(
        title=_("Goals and indicators"),
        subtitle=plan.name,
        cover=[plan.period],
        filename=f"indikatoroversikt-{plan.code.lower()}",
        landscape=True,
    )
    for node in tree.areas:
        rows = []
        for goal_node in node.goals:
            indicators = goal_node.indicators or [None]
            for index, indicator in enumerate(indicators):
                rows.append(
                    [
                        Cell(goal_node.goal.name if index == 0 else ""),
                        *(
                            text_cells(
                                indicator.name,
                                f"{indicator.direction_arrow} {Direction(indicator.direction).label}",
                                _baseline_text(indicator),
                                str(Frequency(indicator.frequency).label),
                            )
                            if indicator
                            else text_cells("–", "", "", "")
                        ),
                    ]
                )
        if not rows:
            continue
        area = node.area
        heading = area.name if area else _("Without goal area")
        if area and area.perspective:
            heading = f"{heading} ({_('perspective')} {area.perspective.name})"
        document.add(
            Heading(heading),
            Table(
                area.name if area else _("Without goal area"),
                [_("Goal"), _("Indicator"), _("Desired direction"), _("Baseline"), _("Reported")],
                rows,
                widths=(4, 4, 2, 3, 2),
                caption=False,
                row_headers=False,
            ),
        )
    if not document.blocks:
        document.add(Paragraph(_("The plan has no goals with indicators yet."), meta=True))
    return document


def _baseline_text(indicator) -> str:
    parts = []
    if indicator.baseline_value is not None:
        value = measurement_text(indicator.baseline_value, indicator.unit_of_measure)
        parts.append(f"{value} ({indicator.baseline_year})")
    parts += [
        f"{b.breakdown.name} {measurement_text(b.value, indicator.unit_of_measure)} ({b.year})"
        for b in indicator.breakdown_baselines.all()
    ]
    if indicator.baseline_note:
        parts.append(indicator.baseline_note)
    return "; ".join(parts) or "–"


# --- Verksamhetsplan (seed 000) ------------------------------------------------------------------


def operational_plan(plan: Plan) -> Document:
    """Per department: its focus areas (the plan's goals for it) and planned activities."""
    tree = plan_tree(plan)
    goals = [goal_node.goal for node in tree.areas for goal_node in node.goals]
    actions = sorted(
        (a for node in tree.areas for a in (*node.actions, *(a for g in node.goals for a in g.actions))),
        key=lambda a: (a.order, a.code),
    )
    document = Document(
        title=plan.name,
        subtitle=plan.owner.name,
        cover=[plan.period],
        filename=f"verksamhetsplan-{plan.code.lower()}",
    )
    if plan.vision:
        document.add(Heading(_("Vision")), Paragraph(plan.vision))
    units: dict[int, Unit] = {}
    for goal in goals:
        if goal.unit:
            units.setdefault(goal.unit.pk, goal.unit)
    for action in actions:
        for unit in action.units.all():
            units.setdefault(unit.pk, unit)
    for unit in units.values():
        unit_goals = [g for g in goals if g.unit_id == unit.pk]
        unit_actions = [a for a in actions if unit.pk in {u.pk for u in a.units.all()}]
        document.add(Heading(unit.name))
        if unit_goals:
            document.add(
                Table(
                    _("Focus areas"),
                    [_("Focus area")],
                    [text_cells(g.name) for g in unit_goals],
                )
            )
        if unit_actions:
            document.add(
                Table(
                    _("Planned activities"),
                    [_("Code"), _("Activity"), _("Timeline")],
                    [text_cells(a.code, a.text, a.timeline_text or "–") for a in unit_actions],
                    widths=(1, 7, 2),
                    nowrap=frozenset({0, 2}),
                )
            )
    if not units:
        document.add(Paragraph(_("The plan has no focus areas or activities yet."), meta=True))
    return document
