"""A round as reported: built once as data, shown on the web, frozen into the round when it closes.

`build_round_report(round)` reads the live data; `round_report(round)` gives the frozen copy for
a closed round, so later edits of plans, reports or measurements never change what it shows.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from styrkort.core import snapshots
from styrkort.core.page_cache import cached
from styrkort.core.versions import CONTENT, versions
from styrkort.plans.formatting import target_text
from styrkort.plans.models import TIMELINE_PARTS, Action, BreakdownBaseline, Target, TimelineFields
from styrkort.plans.queries import baselines_per_breakdown

from .enums import ActionStatus, Colour, NarrativeSection, ReportContent, RoundKind
from .models import ActionReport, FollowUpRound, GoalAssessment, IndicatorAssessment, Measurement, Narrative
from .queries import (
    actions_in_round,
    assignments_in_round,
    indicators_in_round,
    round_units,
)
from .status import GreenShare, IndicatorStatus, Trend, green_share, indicator_status, trend

TOTAL = ""  # the breakdown key of the total
SNAPSHOT_FORMAT = 1


@dataclass
class ActionLine:
    pk: int
    plan: str
    code: str
    text: str
    timeline: str
    owners: str  # the responsible units' labels; none named: the plan owner's, who reports it
    units: list[str]  # codes of the responsible units and every unit above them, for filtering
    status: str = ""
    colour: str = ""
    comment: str = ""
    deviation: str = ""
    reported_by: str = ""
    reported_at: dt.datetime | None = None
    by_plan_owner: bool = False  # no responsible unit is named

    @property
    def reported(self) -> bool:
        """A mark was given: a status, an assessment or both (what the round asks for)."""
        return bool(self.status or self.colour)

    @property
    def commented(self) -> bool:
        """Commented, not assessed: the department wrote something but gave no mark."""
        return not self.reported and bool(self.comment or self.deviation)

    @property
    def status_label(self) -> str:
        return ActionStatus(self.status).label if self.status else ""

    @property
    def colour_choice(self) -> Colour | None:
        return Colour(self.colour) if self.colour else None


@dataclass
class AssignmentLine:
    """An assignment the round's plans give to one of its units, with what the unit says of it."""

    pk: int
    plan: str
    number: str
    text: str
    timeline: str
    receiver: str  # the receiving unit's label
    units: list[str]  # codes of the receiving unit and every unit above it, for filtering
    added_during_year: bool = False
    comment: str = ""
    reported_by: str = ""
    reported_at: dt.datetime | None = None


@dataclass
class Outcome:
    breakdown: str
    period: int
    value: Decimal | None
    missing: bool
    status: str = ""


@dataclass
class BreakdownTarget:
    breakdown: str
    comparator: str
    value: Decimal | None = None
    by_year: int | None = None


@dataclass
class IndicatorLine:
    pk: int
    code: str
    name: str
    unit_of_measure: str
    direction: str
    units: list[str]
    figure: str = ""  # what the indicator is measured by, if a figure of the unit's own (Figure)
    target_comparator: str = ""
    target_value: Decimal | None = None
    target_by_year: int | None = None
    target_breakdowns: list[str] = field(default_factory=list)  # names only, in older snapshots
    outcomes: list[Outcome] = field(default_factory=list)
    status: str = ""
    computed_status: str = ""
    trend: str = ""
    computed_trend: str = ""
    override_reason: str = ""
    breakdown_targets: list[BreakdownTarget] = field(default_factory=list)  # when there is no total

    @property
    def breakdown_target_text(self) -> str:
        """ "> 95 % Hushåll, > 89 % Företag", as the seeds print targets per breakdown."""
        return ", ".join(
            f"{target_text(t.comparator, t.value, t.by_year, self.unit_of_measure)} {t.breakdown}"
            for t in self.breakdown_targets
        )

    @property
    def status_choice(self) -> IndicatorStatus | None:
        return IndicatorStatus(self.status) if self.status else None

    @property
    def trend_choice(self) -> Trend | None:
        return Trend(self.trend) if self.trend else None

    @property
    def status_overridden(self) -> bool:
        return self.status != self.computed_status

    @property
    def trend_overridden(self) -> bool:
        return self.trend != self.computed_trend

    @property
    def target_text(self) -> str:
        if not self.target_comparator:
            return ""
        return target_text(
            self.target_comparator, self.target_value, self.target_by_year, self.unit_of_measure
        )


@dataclass
class GoalLine:
    pk: int
    code: str
    name: str
    units: list[str]
    colour: str = ""
    analysis: str = ""

    @property
    def colour_choice(self) -> Colour | None:
        return Colour(self.colour) if self.colour else None


def status_counts(actions: list[ActionLine]) -> list[tuple[str, int]]:
    """(label, count) per status, in the statuses' order, then the commented and the not reported:
    what the overview shows for a round that asks for a status only."""
    counts = [(status.label, sum(1 for a in actions if a.status == status)) for status in ActionStatus]
    commented = sum(1 for a in actions if a.commented)
    missing = sum(1 for a in actions if not a.reported and not a.commented)
    return [*counts, (str(_("commented, not assessed")), commented), (str(_("not reported")), missing)]


@dataclass
class AreaSection:
    code: str
    name: str
    goals: list[GoalLine] = field(default_factory=list)
    actions: list[ActionLine] = field(default_factory=list)
    indicators: list[IndicatorLine] = field(default_factory=list)

    @property
    def green(self) -> GreenShare:
        return green_share(action.colour for action in self.actions)

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        return status_counts(self.actions)


@dataclass
class NarrativeLine:
    unit: str
    unit_name: str
    section: str
    text: str

    @property
    def section_label(self) -> str:
        return NarrativeSection(self.section).label


@dataclass
class UnitLine:
    """A unit that reports in the round, as it was named then."""

    code: str
    name: str
    depth: int = 0


@dataclass
class RoundReport:
    code: str
    name: str
    kind: str
    as_of: dt.date
    deadline: dt.date
    closed_at: dt.datetime | None
    built_at: dt.datetime
    areas: list[AreaSection]
    narratives: list[NarrativeLine] = field(default_factory=list)
    units: list[UnitLine] = field(default_factory=list)  # empty in snapshots from before it was kept
    asks_for: str = ReportContent.STATUS_AND_ASSESSMENT
    assignments: list[AssignmentLine] = field(default_factory=list)  # likewise
    treated_by: str = ""  # the cover: the body's name, its meeting date, the diary number
    treated_on: dt.date | None = None
    diary_number: str = ""

    @property
    def content(self) -> ReportContent:
        return ReportContent(self.asks_for)

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        return status_counts(self.actions)

    @property
    def status_counts_given(self) -> list[tuple[str, int]]:
        """The statuses that occur, for a one-line summary."""
        return [(label, count) for label, count in self.status_counts if count]

    @property
    def kind_label(self) -> str:
        return RoundKind(self.kind).label

    @property
    def actions(self) -> list[ActionLine]:
        return [action for area in self.areas for action in area.actions]

    @property
    def indicators(self) -> list[IndicatorLine]:
        return [indicator for area in self.areas for indicator in area.indicators]

    @property
    def given_assignments(self) -> list[AssignmentLine]:
        return [a for a in self.assignments if not a.added_during_year]

    @property
    def added_assignments(self) -> list[AssignmentLine]:
        """Seed 002's "Tillkommande uppdrag under året"."""
        return [a for a in self.assignments if a.added_during_year]

    @property
    def not_reported(self) -> list[ActionLine]:
        return [action for action in self.actions if not action.reported]

    @property
    def green(self) -> GreenShare:
        return green_share(action.colour for action in self.actions)

    def for_unit(self, unit_code: str) -> "RoundReport":
        """The part one unit (with the units below it) is responsible for."""
        areas = [
            AreaSection(
                code=area.code,
                name=area.name,
                goals=[g for g in area.goals if unit_code in g.units],
                actions=[a for a in area.actions if unit_code in a.units],
                indicators=[i for i in area.indicators if unit_code in i.units],
            )
            for area in self.areas
        ]
        return RoundReport(
            **{
                **{f: getattr(self, f) for f in ("code", "name", "kind", "as_of", "deadline", "closed_at")},
                "built_at": self.built_at,
                "areas": [a for a in areas if a.goals or a.actions or a.indicators],
                "narratives": [n for n in self.narratives if n.unit == unit_code],
                "units": self.units,
                "asks_for": self.asks_for,
                "assignments": [a for a in self.assignments if unit_code in a.units],
                **{f: getattr(self, f) for f in ("treated_by", "treated_on", "diary_number")},
            }
        )

    def to_json(self) -> dict:
        return {**snapshots.to_json(self), "format": SNAPSHOT_FORMAT}

    @classmethod
    def from_json(cls, data: dict) -> "RoundReport":
        return snapshots.from_json(cls, {k: v for k, v in data.items() if k != "format"})


def round_key(round: FollowUpRound) -> tuple:
    """What everything cached of a round is stored under (followup/versions.py): its own version and,
    while open, the version of the plans, units and figures it reads; once closed, its closing
    instead, as its facts are frozen (and a reopened round is never shown from before)."""
    if round.closed_at:
        return (round.pk, round.data_version, round.closed_at.isoformat())
    if getattr(round, "content_version", None) is None:  # not read with the round (shortcuts.get_round)
        (round.content_version,) = versions(CONTENT)
    return (round.pk, round.data_version, round.content_version)


def round_report(round: FollowUpRound) -> RoundReport:
    """What the round shows: frozen when closed, live while open; kept in the shared cache per
    round_key, so the round's pages and documents build it once a version."""

    def build() -> RoundReport:
        if round.snapshot is not None:
            return RoundReport.from_json(round.snapshot)
        return build_round_report(round)

    report, _hit = cached(("round-report", SNAPSHOT_FORMAT, *round_key(round)), build)
    return report


# ---------------------------------------------------------------------------
# Building from live data


def build_round_report(round: FollowUpRound) -> RoundReport:
    """From rows rather than model instances where the round is large (its actions): a round of a few
    hundred actions made some 3,000 instances, which was most of the time (bench/README.md)."""
    units = list(round_units(round))
    unit_paths = _unit_paths(units)
    actions = _action_rows(round)
    indicators = indicator_figures(round)
    goals = {indicator.goal.pk: indicator.goal for indicator in indicators}
    goals |= {row["goal_id"]: _GoalRow.from_action(row) for row in actions if row["goal_id"] not in goals}
    goals.pop(None, None)
    assessments = {a.goal_id: a for a in GoalAssessment.objects.filter(round=round, goal__in=list(goals))}
    # The goal areas as loaded with the actions and goals, in their order.
    loaded = {goal.area for goal in goals.values() if goal.area}
    loaded |= {row["area"] for row in actions if row["area"]}
    in_order = sorted(loaded, key=lambda area: (area.order, area.code))
    areas = {area.pk: AreaSection(code=area.code, name=area.name) for area in in_order}
    without_area = AreaSection(code="", name="")

    for goal in sorted(goals.values(), key=lambda goal: (goal.order, goal.code)):
        assessment = assessments.get(goal.pk)
        areas.get(goal.area and goal.area.pk, without_area).goals.append(
            GoalLine(
                pk=goal.pk,
                code=goal.code,
                name=goal.name,
                units=unit_paths.get(goal.reporting_unit_id, []),
                colour=assessment.colour if assessment else "",
                analysis=assessment.analysis if assessment else "",
            )
        )
    for row in actions:
        area = row["area"] or (goals[row["goal_id"]].area if row["goal_id"] else None)
        areas.get(area and area.pk, without_area).actions.append(_action_line(row, unit_paths))
    for indicator in indicators:
        area = indicator.goal.area
        areas.get(area and area.pk, without_area).indicators.append(
            indicator_line(indicator, round.year, unit_paths)
        )

    sections = [area for area in areas.values() if area.goals or area.actions or area.indicators]
    if without_area.goals or without_area.actions or without_area.indicators:
        sections.append(without_area)
    return RoundReport(
        code=round.code,
        name=round.name,
        kind=round.kind,
        as_of=round.as_of,
        deadline=round.deadline,
        closed_at=round.closed_at,
        built_at=timezone.now(),
        areas=sections,
        narratives=[
            NarrativeLine(unit=n.unit.code, unit_name=n.unit.name, section=n.section, text=n.text)
            for n in Narrative.objects.filter(round=round).select_related("unit").order_by("unit__code")
        ],
        units=[UnitLine(code=unit.code, name=unit.name, depth=unit.depth) for unit in units],
        asks_for=round.asks_for,
        assignments=[_assignment_line(a, unit_paths) for a in assignments_in_round(round)],
        treated_by=round.treated_by.name if round.treated_by else "",
        treated_on=round.treated_on,
        diary_number=round.diary_number,
    )


def indicators_with_figures(round: FollowUpRound, unit_ids: frozenset[int] | None = None):
    """The round's indicators as instances, for the forms of the report page: with their breakdowns and
    what indicator_line() reads (IndicatorFigures.of): targets, baselines per breakdown, measurements,
    overrides."""
    return indicators_in_round(round, unit_ids).prefetch_related(
        "breakdowns",
        Prefetch("targets", queryset=Target.objects.select_related("breakdown")),
        baselines_per_breakdown(),
        Prefetch(
            "measurements",
            queryset=Measurement.objects.filter(period__lte=round.year).select_related("breakdown"),
        ),
        Prefetch(
            "assessments",
            queryset=IndicatorAssessment.objects.filter(round=round),
            to_attr="round_assessments",
        ),
    )


@dataclass(frozen=True)
class _TargetRow:
    breakdown: str  # its name; TOTAL for the total
    year: int
    comparator: str
    value: Decimal | None
    by_year: int | None


@dataclass(frozen=True)
class _MeasurementRow:
    breakdown: str  # its name; TOTAL for the total
    breakdown_order: int
    period: int
    value: Decimal | None
    missing: bool


@dataclass
class IndicatorFigures:
    """What indicator_line() reads of an indicator: read as rows for a round's facts
    (indicator_figures), or taken from an indicator loaded by indicators_with_figures (of)."""

    pk: int
    code: str
    name: str
    unit_of_measure: str
    direction: str
    figure: str
    tolerance: Decimal | None
    trend_threshold: Decimal | None
    baseline_value: Decimal | None
    baseline_year: int | None
    goal: "_GoalRow"
    targets: list[_TargetRow] = field(default_factory=list)
    baselines: dict[str, tuple] = field(default_factory=dict)  # breakdown name → (value, year)
    measurements: list[_MeasurementRow] = field(default_factory=list)  # periods up to the round's year
    override: tuple[str, str, str] | None = None  # the round's assessment by hand: status, trend, reason

    @classmethod
    def of(cls, indicator) -> "IndicatorFigures":
        override = indicator.round_assessments[0] if indicator.round_assessments else None
        return cls(
            **{name: getattr(indicator, name) for name in _INDICATOR_FIELDS},
            goal=_GoalRow.of(indicator.goal),
            targets=[
                _TargetRow(_breakdown_name(t.breakdown), t.year, t.comparator, t.value, t.by_year)
                for t in indicator.targets.all()
            ],
            baselines={b.breakdown.name: (b.value, b.year) for b in indicator.breakdown_baselines.all()},
            measurements=[
                _MeasurementRow(
                    _breakdown_name(m.breakdown),
                    m.breakdown.order if m.breakdown else -1,
                    m.period,
                    m.value,
                    m.missing,
                )
                for m in indicator.measurements.all()
            ],
            override=(override.status, override.trend, override.reason) if override else None,
        )


_INDICATOR_FIELDS = (
    "pk",
    "code",
    "name",
    "unit_of_measure",
    "direction",
    "figure",
    "tolerance",
    "trend_threshold",
    "baseline_value",
    "baseline_year",
)


def _breakdown_name(breakdown) -> str:
    return breakdown.name if breakdown else TOTAL


def indicator_figures(round: FollowUpRound) -> list[IndicatorFigures]:
    """The round's indicators with their targets, baselines, measurements and overrides, as rows:
    five queries, as the prefetching queryset, without a model instance for each of them."""
    goal_fields = [f"goal__{f}" for f in ("code", "name", "order", "unit_id", "plan__owner_id")]
    goal_fields += [f"goal__area__{f}" for f in ("id", "code", "name", "order")]
    rows = list(indicators_in_round(round).values(*_INDICATOR_FIELDS, "goal_id", *goal_fields))
    figures = {
        row["pk"]: IndicatorFigures(
            **{name: row[name] for name in _INDICATOR_FIELDS}, goal=_GoalRow.from_action(row)
        )
        for row in rows
    }
    ids = list(figures)
    for t in Target.objects.filter(indicator__in=ids).values(
        "indicator_id", "breakdown__name", "year", "comparator", "value", "by_year"
    ):
        figures[t["indicator_id"]].targets.append(
            _TargetRow(t["breakdown__name"] or TOTAL, t["year"], t["comparator"], t["value"], t["by_year"])
        )
    for b in BreakdownBaseline.objects.filter(indicator__in=ids).values(
        "indicator_id", "breakdown__name", "value", "year"
    ):
        figures[b["indicator_id"]].baselines[b["breakdown__name"]] = (b["value"], b["year"])
    for m in Measurement.objects.filter(indicator__in=ids, period__lte=round.year).values(
        "indicator_id", "breakdown__name", "breakdown__order", "period", "value", "missing"
    ):
        order = m["breakdown__order"] if m["breakdown__name"] else -1
        figures[m["indicator_id"]].measurements.append(
            _MeasurementRow(m["breakdown__name"] or TOTAL, order, m["period"], m["value"], m["missing"])
        )
    for a in IndicatorAssessment.objects.filter(round=round, indicator__in=ids).values(
        "indicator_id", "status", "trend", "reason"
    ):
        figures[a["indicator_id"]].override = (a["status"], a["trend"], a["reason"])
    return list(figures.values())


def _unit_paths(units) -> dict[int, list[str]]:
    """Unit id → codes of the unit and every unit above it (`units`: round_units, with their paths)."""
    code_of = {unit.pk: unit.code for unit in units}
    return {unit.pk: [code_of[pk] for pk in unit.path] for unit in units}


def _person_name(first_name: str | None, last_name: str | None, username: str | None) -> str:
    """As User.get_full_name(), else the username; "" for nobody (a report without its person)."""
    return f"{first_name or ''} {last_name or ''}".strip() or username or ""


def reporter_name(report) -> str:
    """Who saved a report, as the pages name them; "" for nobody."""
    user = report.reported_by
    return _person_name(user.first_name, user.last_name, user.username) if user else ""


def _assignment_line(assignment, unit_paths: dict[int, list[str]]) -> AssignmentLine:
    reports = assignment.round_reports
    return AssignmentLine(
        pk=assignment.pk,
        plan=assignment.plan.code,
        number=assignment.number,
        text=assignment.text,
        timeline=assignment.timeline_text,
        receiver=assignment.receiver.label,
        units=unit_paths.get(assignment.receiver_id, []),
        added_during_year=assignment.added_during_year,
        comment=reports[0].comment if reports else "",
        reported_by=reporter_name(reports[0]) if reports else "",
        reported_at=reports[0].reported_at if reports else None,
    )


_ACTION_FIELDS = (
    "pk",
    "plan__code",
    "plan__owner_id",
    "plan__owner__name",
    "plan__owner__short_name",
    "code",
    "text",
    *(f"timeline_{part}" for part in TIMELINE_PARTS),
    "area_id",
    "area__code",
    "area__name",
    "area__order",
    "goal_id",
    *(f"goal__{f}" for f in ("code", "name", "order", "unit_id", "plan__owner_id")),
    *(f"goal__area__{f}" for f in ("id", "code", "name", "order")),
)


def _action_rows(round: FollowUpRound) -> list[dict]:
    """The round's actions as rows, in plan order, each with `units` [(id, label)] and `report` (a row
    or None); three queries."""
    actions = actions_in_round(round).prefetch_related(None)
    rows = list(actions.values(*_ACTION_FIELDS))
    responsible = defaultdict(list)
    for link in (
        Action.units.through.objects.filter(action__in=actions.values("pk"))
        .values("action_id", "unit_id", "unit__name", "unit__short_name")
        .order_by("unit__name")
    ):
        responsible[link["action_id"]].append(
            (link["unit_id"], link["unit__short_name"] or link["unit__name"])
        )
    reports = {
        report["action_id"]: report
        for report in ActionReport.objects.filter(round=round, action__in=actions.values("pk")).values(
            "action_id",
            "status",
            "colour",
            "comment",
            "deviation",
            "reported_at",
            "reported_by__first_name",
            "reported_by__last_name",
            "reported_by__username",
        )
    }
    for row in rows:
        row["units"] = responsible.get(row["pk"], [])
        row["report"] = reports.get(row["pk"])
        row["area"] = _AreaRow.from_row(row, "area__") if row["area_id"] else None
    return rows


@dataclass(frozen=True)
class _AreaRow:
    """A goal area as the action and goal rows name it; hashable, so each is listed once."""

    pk: int
    code: str
    name: str
    order: int

    @classmethod
    def from_row(cls, row: dict, prefix: str) -> "_AreaRow":
        pk = row["area_id"] if prefix == "area__" else row[f"{prefix}id"]
        return cls(pk, row[f"{prefix}code"], row[f"{prefix}name"], row[f"{prefix}order"])


@dataclass(frozen=True)
class _GoalRow:
    pk: int
    code: str
    name: str
    order: int
    reporting_unit_id: int  # the goal's unit, else its plan's owner
    area: _AreaRow | None

    @classmethod
    def of(cls, goal) -> "_GoalRow":
        area = goal.area
        return cls(
            goal.pk,
            goal.code,
            goal.name,
            goal.order,
            goal.unit_id or goal.plan.owner_id,
            _AreaRow(area.pk, area.code, area.name, area.order) if area else None,
        )

    @classmethod
    def from_action(cls, row: dict) -> "_GoalRow":
        return cls(
            row["goal_id"],
            row["goal__code"],
            row["goal__name"],
            row["goal__order"],
            row["goal__unit_id"] or row["goal__plan__owner_id"],
            _AreaRow.from_row(row, "goal__area__") if row["goal__area__id"] else None,
        )


def _action_line(row: dict, unit_paths: dict[int, list[str]]) -> ActionLine:
    responsible = [pk for pk, _label in row["units"]] or [row["plan__owner_id"]]  # responsible_unit_ids
    line = ActionLine(
        pk=row["pk"],
        plan=row["plan__code"],
        code=row["code"],
        text=row["text"],
        timeline=TimelineFields.timeline_from(row).as_text(),
        owners=", ".join(label for _pk, label in row["units"])
        or row["plan__owner__short_name"]
        or row["plan__owner__name"],
        units=sorted({code for pk in responsible for code in unit_paths.get(pk, [])}),
        by_plan_owner=not row["units"],
    )
    report = row["report"]
    if report:
        line.status = report["status"]
        line.colour = report["colour"]
        line.comment = report["comment"]
        line.deviation = report["deviation"]
        line.reported_by = _person_name(
            report["reported_by__first_name"],
            report["reported_by__last_name"],
            report["reported_by__username"],
        )
        line.reported_at = report["reported_at"]
    return line


def _target_for(targets: list[_TargetRow], year: int) -> dict[str, _TargetRow]:
    """Per breakdown name: the target of the round's year, else the latest before it, else the first after."""
    chosen: dict[str, _TargetRow] = {}
    by_breakdown = defaultdict(list)
    for target in targets:
        by_breakdown[target.breakdown].append(target)
    for name, candidates in by_breakdown.items():
        before = [t for t in candidates if t.year <= year]
        chosen[name] = max(before, key=lambda t: t.year) if before else min(candidates, key=lambda t: t.year)
    return chosen


def indicator_line(indicator: IndicatorFigures, year: int, unit_paths: dict[int, list[str]]) -> IndicatorLine:
    line = IndicatorLine(
        pk=indicator.pk,
        code=indicator.code,
        name=indicator.name,
        unit_of_measure=indicator.unit_of_measure,
        direction=indicator.direction,
        units=unit_paths.get(indicator.goal.reporting_unit_id, []),
        figure=indicator.figure,
    )
    targets = _target_for(indicator.targets, year)
    total_target = targets.get(TOTAL)
    if total_target:
        line.target_comparator = total_target.comparator
        line.target_value = total_target.value
        line.target_by_year = total_target.by_year
    line.target_breakdowns = [name for name in targets if name != TOTAL]
    line.breakdown_targets = [
        BreakdownTarget(name, target.comparator, target.value, target.by_year)
        for name, target in targets.items()
        if name != TOTAL
    ]

    # A breakdown's "keep" or "reduce by" target is measured from that breakdown's own baseline.
    baselines = {TOTAL: (indicator.baseline_value, indicator.baseline_year)} | indicator.baselines
    series: dict[str, list[_MeasurementRow]] = defaultdict(list)
    order = {TOTAL: (-1, "")}  # the total first, then the breakdowns in their order
    for measurement in indicator.measurements:
        series[measurement.breakdown].append(measurement)
        if measurement.breakdown != TOTAL:
            order[measurement.breakdown] = (measurement.breakdown_order, measurement.breakdown)
    if series:
        latest_period = max(m.period for values in series.values() for m in values)
        for name in sorted(series, key=order.__getitem__):
            latest = max(series[name], key=lambda m: m.period)
            if latest.period != latest_period:
                continue  # an older breakdown value is not shown as this period's
            outcome = Outcome(
                breakdown=name, period=latest.period, value=latest.value, missing=latest.missing
            )
            target = targets.get(name)
            if target:
                outcome.status = _status_of(indicator, latest, target, baselines.get(name))
            line.outcomes.append(outcome)

    statuses = [o.status for o in line.outcomes if o.status]
    total_outcome = next((o for o in line.outcomes if o.breakdown == TOTAL), None)
    if total_outcome and total_target:
        line.computed_status = total_outcome.status
    elif statuses:
        line.computed_status = max(statuses, key=_STATUS_SEVERITY.index)
    elif line.outcomes and all(o.missing for o in line.outcomes):
        line.computed_status = IndicatorStatus.GREY
    line.computed_trend = _trend_of(indicator, series.get(TOTAL, []))

    line.status, line.trend = line.computed_status, line.computed_trend
    if indicator.override:
        status, trend, reason = indicator.override
        line.status = status or line.status
        line.trend = trend or line.trend
        line.override_reason = reason
    return line


_STATUS_SEVERITY = [IndicatorStatus.GREEN, IndicatorStatus.GREY, IndicatorStatus.YELLOW, IndicatorStatus.RED]


def _status_of(indicator, measurement: _MeasurementRow, target: _TargetRow, baseline: tuple | None) -> str:
    baseline_value, baseline_year = baseline or (None, None)
    status = indicator_status(
        measurement.value,
        missing=measurement.missing,
        comparator=target.comparator,
        target=target.value,
        direction=indicator.direction,
        tolerance=indicator.tolerance,
        baseline=baseline_value,
        baseline_year=baseline_year,
        by_year=target.by_year,
        year=measurement.period,
    )
    return status.value if status else ""


def _trend_of(indicator, totals: list[_MeasurementRow]) -> str:
    """Latest total against the one before it; the baseline stands in for a missing earlier value."""
    known = sorted((m for m in totals if not m.missing), key=lambda m: m.period)
    if not known:
        return ""
    latest = known[-1]
    previous = known[-2].value if len(known) > 1 else None
    if previous is None and indicator.baseline_year and indicator.baseline_year < latest.period:
        previous = indicator.baseline_value
    result = trend(latest.value, previous, direction=indicator.direction, threshold=indicator.trend_threshold)
    return result.value if result else ""
