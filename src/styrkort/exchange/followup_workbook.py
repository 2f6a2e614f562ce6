"""The follow-up workbook (docs/followup-workbook.md): what one unit reports in one round, as XLSX.

One file per round and unit; its sheet Uppföljning says which. The other sheets hold the unit's
action reports, measurements, indicator and goal assessments and report texts. Every row is saved
through followup/services.py, which checks that the round is open, that the thing belongs to the
round and that the person may report it; this module adds that it belongs to the file's unit.
The format is declared as Sheet specs, read and written by exchange/engine.py like the plan workbook.
"""

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from styrkort.core.numbers import NumberError, parse_quantity
from styrkort.errors import StyrkortError
from styrkort.followup import services as followup_services
from styrkort.followup.enums import ActionStatus, Colour, NarrativeSection, ReportContent
from styrkort.followup.models import (
    FollowUpRound,
    GoalAssessment,
    IndicatorAssessment,
    Measurement,
    Narrative,
)
from styrkort.followup.queries import (
    action_report_of,
    actions_in_round,
    assignments_in_round,
    indicators_in_round,
    round_unit_ids,
)
from styrkort.followup.rules import may_report_for_unit
from styrkort.followup.status import IndicatorStatus, Trend
from styrkort.org import queries as org_queries
from styrkort.org.models import Unit
from styrkort.plans.models import Action, Assignment, Goal, Indicator

from .engine import read_rows
from .workbook import (
    LIST_SEPARATOR,
    REFERENCE_SEPARATOR,
    TOTAL_BREAKDOWN,
    Column,
    ImportResult,
    LeftAlone,
    Problem,
    Sheet,
    choice_reader,
    choice_writer,
    goal_ref,
    indicator_ref,
    number_out,
    read_breakdown,
    read_int,
    read_raw,
    yes_no,
)

# The workbook's own vocabulary: Swedish words, whatever the interface language.
# The first word for a value is the one written on export.
ACTION_STATUSES = {
    "ej påbörjat": ActionStatus.NOT_STARTED,
    "ej påbörjad": ActionStatus.NOT_STARTED,
    "pågår": ActionStatus.IN_PROGRESS,
    "klart": ActionStatus.DONE,
    "klar": ActionStatus.DONE,
    "vilande": ActionStatus.PAUSED,
    "avbruten": ActionStatus.CANCELLED,
    "avbrutet": ActionStatus.CANCELLED,
}
COLOURS = {"grön": Colour.GREEN, "gul": Colour.YELLOW, "röd": Colour.RED}
INDICATOR_STATUSES = {
    "grön": IndicatorStatus.GREEN,
    "gul": IndicatorStatus.YELLOW,
    "röd": IndicatorStatus.RED,
    "data saknas": IndicatorStatus.GREY,
}
TRENDS = {
    "positiv": Trend.POSITIVE,
    "negativ": Trend.NEGATIVE,
    "oförändrad": Trend.UNCHANGED,
    "oförändrat": Trend.UNCHANGED,
}
SECTIONS = {
    "inledning": NarrativeSection.INTRODUCTION,
    "väsentliga händelser": NarrativeSection.EVENTS,
    "utmaningar närmaste året": NarrativeSection.NEAR_FUTURE,
    "utmaningar på längre sikt": NarrativeSection.LONG_TERM,
    "ekonomi": NarrativeSection.ECONOMY,
    "personal": NarrativeSection.STAFF,
}
INFO_SHEET = "Uppföljning"
ROUND_FIELD, UNIT_FIELD = "Uppföljningstillfälle", "Enhet"
# Fält → key; only the round and the unit are read, the rest is there for the reporter.
INFO_FIELDS = {
    ROUND_FIELD: "round",
    UNIT_FIELD: "unit",
    "Namn": "name",
    "Per datum": "as_of",
    "Sista dag": "deadline",
}


class UnitNotInRound(StyrkortError):
    def __init__(self, round: FollowUpRound, unit: Unit):
        super().__init__(
            _("The unit %(unit)s does not report in the round %(round)s.")
            % {"unit": unit.code, "round": round.code}
        )


@dataclass
class FollowUpImportResult(ImportResult):
    round: FollowUpRound | None = None
    unit: Unit | None = None


class ChangedSinceDownload(LeftAlone):
    """The row was changed by someone else after the file was downloaded: left as they saved it."""


@dataclass
class FollowUpScope:
    """What the file is about: a round, a unit with the units below it, and who imports (None on export).

    The unit's actions, indicators and goals are read once per file, not once per row.
    """

    round: FollowUpRound
    unit: Unit
    user: Any = None
    overwrite: bool = False  # the importer chose to overwrite rows others changed since the download

    @cached_property
    def unit_ids(self) -> frozenset[int]:
        return org_queries.unit_ids_below([self.unit.pk])

    @cached_property
    def actions(self) -> list[Action]:
        return list(actions_in_round(self.round, self.unit_ids))

    @cached_property
    def assignments(self) -> list[Assignment]:
        return list(assignments_in_round(self.round, self.unit_ids))

    @cached_property
    def indicators(self) -> list[Indicator]:
        return list(indicators_in_round(self.round, self.unit_ids).prefetch_related("breakdowns"))

    @cached_property
    def goals(self) -> list[Goal]:
        """Goals of the unit's indicators and actions, in the order of the plan."""
        ids = {indicator.goal_id for indicator in self.indicators} | {a.goal_id for a in self.actions}
        return list(
            Goal.objects.filter(pk__in=ids - {None})
            .select_related("area")
            .order_by(F("area__order").asc(nulls_last=True), "order", "code")
        )

    @cached_property
    def _indicator_ids(self) -> frozenset[int]:
        return frozenset(indicator.pk for indicator in self.indicators)

    @cached_property
    def _goal_ids(self) -> frozenset[int]:
        return frozenset(goal.pk for goal in self.goals)

    @cached_property
    def _actions_by_reference(self) -> dict[tuple[str, str], Action]:
        return {(action.plan.code, action.code): action for action in self.actions}

    def action(self, plan_code: str, code: str) -> Action:
        if (plan_code, code) in self._actions_by_reference:
            return self._actions_by_reference[plan_code, code]
        reference = f"{plan_code}{REFERENCE_SEPARATOR}{code}"
        if not Action.objects.filter(plan__code=plan_code, code=code).exists():
            raise ValidationError({"code": _("There is no action %(code)s.") % {"code": reference}})
        message = _(
            "The workbook is for %(unit)s, and the action %(code)s is not part of it in the round %(round)s."
        )
        raise ValidationError({"code": self._outside(message, reference)})

    def assignment(self, plan_code: str, number: str) -> Assignment:
        found = next((a for a in self.assignments if (a.plan.code, a.number) == (plan_code, number)), None)
        if found is not None:
            return found
        reference = f"{plan_code}{REFERENCE_SEPARATOR}{number}"
        if not Assignment.objects.filter(plan__code=plan_code, number=number).exists():
            raise ValidationError({"number": _("There is no assignment %(code)s.") % {"code": reference}})
        message = _(
            "The workbook is for %(unit)s, and the assignment %(code)s "
            "is not part of it in the round %(round)s."
        )
        raise ValidationError({"number": self._outside(message, reference)})

    def check_indicator(self, indicator: Indicator) -> None:
        if indicator.pk not in self._indicator_ids:
            message = _(
                "The workbook is for %(unit)s, and the indicator %(code)s "
                "is not part of it in the round %(round)s."
            )
            raise ValidationError({"indicator": self._outside(message, indicator.code)})

    def check_goal(self, goal: Goal) -> None:
        if goal.pk not in self._goal_ids:
            message = _(
                "The workbook is for %(unit)s, and the goal %(code)s "
                "is not part of it in the round %(round)s."
            )
            raise ValidationError({"goal": self._outside(message, goal.code)})

    def _outside(self, message: str, code: str) -> str:
        return message % {"unit": self.unit.code, "code": code, "round": self.round.code}


def scope_for_export(*, round: FollowUpRound, unit: Unit) -> FollowUpScope:
    if unit.pk not in round_unit_ids(round):
        raise UnitNotInRound(round, unit)
    return FollowUpScope(round=round, unit=unit)


# ---------------------------------------------------------------------------
# Uppföljning: which round and unit the file is about.


def scope_from_workbook(
    workbook,
    result: ImportResult,
    *,
    user,
    round: FollowUpRound | None,
    unit: Unit | None,
    overwrite: bool = False,
) -> FollowUpScope | None:
    """The round and unit named in the file (or given by the caller), checked; None with problems added."""
    info, rows = {}, {}
    if INFO_SHEET in workbook.sheetnames:
        for row_number, values, _codes in read_rows(INFO_SHEET_SPEC, workbook[INFO_SHEET], result):
            info[values["field"]] = values["value"]
            rows[values["field"]] = row_number
    if not result.ok:
        return None
    round = _identify(
        result,
        FollowUpRound,
        given=round,
        code=info.get("round", ""),
        row=rows.get("round"),
        field=ROUND_FIELD,
        wrong=_("The workbook is for the follow-up round %(found)s, not %(expected)s."),
        missing=_("There is no follow-up round with the code %(code)s."),
    )
    unit = _identify(
        result,
        Unit,
        given=unit,
        code=info.get("unit", ""),
        row=rows.get("unit"),
        field=UNIT_FIELD,
        wrong=_("The workbook is for the unit %(found)s, not %(expected)s."),
        missing=_("There is no unit with the code %(code)s."),
    )
    if round is None or unit is None:
        return None
    if unit.pk not in round_unit_ids(round):
        message = str(UnitNotInRound(round, unit))
    elif not round.is_open:
        message = str(followup_services.RoundClosed(round))
    elif not may_report_for_unit(user, round, unit):
        message = _("You may not report for the unit %(unit)s in the round %(round)s.") % {
            "unit": unit.code,
            "round": round.code,
        }
    else:
        return FollowUpScope(round=round, unit=unit, user=user, overwrite=overwrite)
    result.problems.append(Problem("", None, None, message))
    return None


def _identify(result: ImportResult, model, *, given, code: str, row, field: str, wrong: str, missing: str):
    """The object the caller gave, if the file agrees; else the one the file names."""
    if given is not None:
        if code and code != given.code:
            result.problems.append(
                Problem(INFO_SHEET, row, "Värde", wrong % {"found": code, "expected": given.code})
            )
            return None
        return given
    if not code:
        result.problems.append(
            Problem(
                INFO_SHEET,
                None,
                None,
                _("Write the code on the row %(field)s (column Fält) of this sheet.") % {"field": field},
            )
        )
        return None
    found = model.objects.filter(code=code).first()
    if found is None:
        result.problems.append(Problem(INFO_SHEET, row, "Värde", missing % {"code": code}))
    return found


# ---------------------------------------------------------------------------
# Saving one row, in the importing person's name, through the follow-up services.


def _created(saved) -> tuple[Any, bool]:
    """(object, created): a report's version is 1 when this save made it."""
    return saved, saved is not None and saved.version == 1


def _unless_changed_since_download(scope: FollowUpScope, service, about: dict, version: int | None, **fields):
    """`service(user=…, round=…, **about, version=…, **fields)`, in the importer's name, with the
    version the row had when the file was downloaded (none: the file knew of no report). A colleague's
    later save is left alone, unless the importer chose to overwrite it; a row that says what is stored
    already passes as it is. Returns (object, created)."""

    def save(**values):
        return service(user=scope.user, round=scope.round, **about, **values)

    try:
        return _created(save(version=version or 0, **fields))
    except followup_services.StaleEdit as error:
        current = error.current
        if all(getattr(current, name) == value for name, value in fields.items() if hasattr(current, name)):
            return current, False
        if scope.overwrite:
            return _created(save(version=None, **fields))
        raise ChangedSinceDownload(
            _("%(name)s saved this at %(time)s, after the file was downloaded; it is left as they saved it.")
            % {"name": error.who, "time": timezone.localtime(current.reported_at).strftime("%Y-%m-%d %H:%M")}
        ) from None


def _save_action_report(*, scope: FollowUpScope, plan: str, code: str, version=None, **report):
    action = scope.action(plan, code)
    return _unless_changed_since_download(
        scope, followup_services.action_report_save, {"action": action}, version, **report
    )


def _save_assignment_report(*, scope: FollowUpScope, plan: str, number: str, version=None, **report):
    assignment = scope.assignment(plan, number)
    return _unless_changed_since_download(
        scope, followup_services.assignment_report_save, {"assignment": assignment}, version, **report
    )


def _save_measurement(*, scope: FollowUpScope, indicator: Indicator, value, version=None, **measurement):
    scope.check_indicator(indicator)
    followup_services.check_entered_by_hand(indicator)
    number = None
    if value is not None:
        try:
            number = parse_quantity(value, indicator.unit_of_measure)
        except NumberError as error:
            raise ValidationError({"value": str(error)}) from None

    return _unless_changed_since_download(
        scope,
        followup_services.measurement_save,
        {"indicator": indicator},
        version,
        value=number,
        **measurement,
    )


def _save_indicator_assessment(*, scope: FollowUpScope, indicator: Indicator, status, trend, reason):
    """Status or trend with a reason replaces the computed one; both empty removes an earlier override."""
    scope.check_indicator(indicator)
    if (status or trend) and not reason:
        raise ValidationError({"reason": _("Say why the computed status or trend is replaced.")})
    return _created(
        followup_services.indicator_assessment_save(
            user=scope.user, round=scope.round, indicator=indicator, status=status, trend=trend, reason=reason
        )
    )


def _save_goal_assessment(*, scope: FollowUpScope, goal: Goal, version=None, **assessment):
    scope.check_goal(goal)
    return _unless_changed_since_download(
        scope, followup_services.goal_assessment_save, {"goal": goal}, version, **assessment
    )


def _save_narrative(*, scope: FollowUpScope, version=None, **narrative):
    return _unless_changed_since_download(
        scope, followup_services.narrative_save, {"unit": scope.unit}, version, **narrative
    )


# ---------------------------------------------------------------------------
# Export rows: everything the unit reports in the round, with what is reported so far.


def _export_info(*, scope: FollowUpScope):
    followup_round = scope.round
    for field, value in (
        (ROUND_FIELD, followup_round.code),
        (UNIT_FIELD, scope.unit.code),
        ("Namn", followup_round.name),
        ("Per datum", followup_round.as_of),
        ("Sista dag", followup_round.deadline),
    ):
        yield {"field": field, "value": value}


def _export_action_reports(*, scope: FollowUpScope):
    for action in scope.actions:
        report = action_report_of(action)
        yield {
            "plan": action.plan.code,
            "code": action.code,
            "text": action.text,
            "timeline": action.timeline_text,
            "owners": f"{LIST_SEPARATOR} ".join(unit.code for unit in action.units.all()),
            "status": choice_writer(ACTION_STATUSES)(report.status) if report else "",
            "colour": choice_writer(COLOURS)(report.colour) if report else "",
            "comment": report.comment if report else "",
            "deviation": report.deviation if report else "",
            "version": report.version if report else 0,
        }


def _export_assignment_reports(*, scope: FollowUpScope):
    for assignment in scope.assignments:
        report = assignment.round_reports[0] if assignment.round_reports else None
        yield {
            "plan": assignment.plan.code,
            "number": assignment.number,
            "text": assignment.text,
            "timeline": assignment.timeline_text,
            "receiver": assignment.receiver.code,
            "added_during_year": "ja" if assignment.added_during_year else "",
            "comment": report.comment if report else "",
            "version": report.version if report else 0,
        }


def _export_measurements(*, scope: FollowUpScope):
    """Per indicator: what was reported in this round or for its year, and an empty row of the round's
    year for the total and each breakdown that has neither, to fill in. Indicators measured by economy
    and staff figures are left out: their values come with the economy import, not this workbook."""
    year = scope.round.year
    indicators = [indicator for indicator in scope.indicators if not indicator.figure]
    reported: dict[int, list[Measurement]] = {indicator.pk: [] for indicator in indicators}
    for measurement in Measurement.objects.filter(indicator__in=indicators).select_related("breakdown"):
        if measurement.round_id == scope.round.pk or measurement.period == year:
            reported[measurement.indicator_id].append(measurement)
    for indicator in indicators:
        breakdowns = [None, *(b for b in indicator.breakdowns.all() if b.name != TOTAL_BREAKDOWN)]
        position = {b.pk if b else None: index for index, b in enumerate(breakdowns)}
        rows = [
            (m.period, position.get(m.breakdown_id, len(breakdowns)), m.breakdown, m)
            for m in reported[indicator.pk]
        ]
        covered = {m.breakdown_id for m in reported[indicator.pk]}
        rows += [
            (year, index, breakdown, None)
            for index, breakdown in enumerate(breakdowns)
            if (breakdown.pk if breakdown else None) not in covered
        ]
        for period, _position, breakdown, measurement in sorted(rows, key=lambda row: row[:2]):
            yield {
                "indicator": indicator.code,
                "name": indicator.name,
                "breakdown": breakdown.name if breakdown else TOTAL_BREAKDOWN,
                "period": period,
                "value": number_out(measurement.value) if measurement else None,
                "missing": "ja" if measurement and measurement.missing else "",
                "note": measurement.note if measurement else "",
                "source": measurement.source if measurement else "",
                "version": measurement.version if measurement else 0,
            }


def _export_indicator_assessments(*, scope: FollowUpScope):
    overrides = {
        a.indicator_id: a
        for a in IndicatorAssessment.objects.filter(round=scope.round, indicator__in=scope.indicators)
    }
    for indicator in scope.indicators:
        if indicator.pk in overrides:
            override = overrides[indicator.pk]
            yield {
                "indicator": indicator.code,
                "status": choice_writer(INDICATOR_STATUSES)(override.status),
                "trend": choice_writer(TRENDS)(override.trend),
                "reason": override.reason,
            }


def _export_goal_assessments(*, scope: FollowUpScope):
    found = GoalAssessment.objects.filter(round=scope.round, goal__in=scope.goals)
    assessments = {assessment.goal_id: assessment for assessment in found}
    for goal in scope.goals:
        assessment = assessments.get(goal.pk)
        yield {
            "goal": goal.code,
            "name": goal.name,
            "colour": choice_writer(COLOURS)(assessment.colour) if assessment else "",
            "analysis": assessment.analysis if assessment else "",
            "version": assessment.version if assessment else 0,
        }


def _export_narratives(*, scope: FollowUpScope):
    found = Narrative.objects.filter(round=scope.round, unit=scope.unit).values_list(
        "section", "text", "version"
    )
    texts = {section: (text, version) for section, text, version in found}
    for word, section in SECTIONS.items():
        text, version = texts.get(section, ("", 0))
        yield {"section": word, "text": text, "version": version}


# ---------------------------------------------------------------------------
# The format itself.

_TEXT_WIDTH = 60


def _asks_status(*, scope: FollowUpScope) -> bool:
    return ReportContent(scope.round.asks_for).asks_status


def _asks_assessment(*, scope: FollowUpScope) -> bool:
    return ReportContent(scope.round.asks_for).asks_assessment


# The version of the row when the file was downloaded: an import leaves alone what others saved since.
VERSION_COLUMN = Column("Version", "version", read_int, width=8)

INFO_SHEET_SPEC = Sheet(
    name=INFO_SHEET,
    columns=(
        Column("Fält", "field", choice_reader(INFO_FIELDS), required=True, width=24),
        Column("Värde", "value", width=_TEXT_WIDTH),
    ),
    key=("field",),
    save=None,  # read first, by scope_from_workbook
    export=_export_info,
)

FOLLOWUP_SHEETS: tuple[Sheet, ...] = (
    INFO_SHEET_SPEC,
    Sheet(
        name="Åtgärder",
        columns=(
            Column("Plan", "plan", required=True),
            Column("Kod", "code", required=True),
            Column("Åtgärd", "text", read_only=True, width=_TEXT_WIDTH),
            Column("Tidplan", "timeline", read_only=True),
            Column("Ansvarig", "owners", read_only=True),
            # What a report must hold depends on the round (followup/status.py); the service says.
            Column("Status", "status", choice_reader(ACTION_STATUSES), width=14, shown=_asks_status),
            Column("Bedömning", "colour", choice_reader(COLOURS), shown=_asks_assessment),
            Column("Kommentar", "comment", width=_TEXT_WIDTH),
            Column("Avvikelse", "deviation", width=40),
            VERSION_COLUMN,
        ),
        key=("plan", "code"),
        save=_save_action_report,
        export=_export_action_reports,
        skip_when_blank=("status", "colour", "comment", "deviation"),
    ),
    Sheet(
        name="Uppdrag",
        columns=(
            Column("Plan", "plan", required=True),
            Column("Nummer", "number", required=True),
            Column("Uppdrag", "text", read_only=True, width=_TEXT_WIDTH),
            Column("Tidplan", "timeline", read_only=True),
            Column("Mottagare", "receiver", read_only=True),
            Column("Tillkommande", "added_during_year", read_only=True),
            Column("Kommentar", "comment", width=_TEXT_WIDTH),
            VERSION_COLUMN,
        ),
        key=("plan", "number"),
        save=_save_assignment_report,
        export=_export_assignment_reports,
        skip_when_blank=("comment",),
    ),
    Sheet(
        name="Mätvärden",
        columns=(
            Column("Indikator", "indicator", indicator_ref, required=True),
            Column("Namn", "name", read_only=True, width=_TEXT_WIDTH),
            Column("Indelning", "breakdown", read_breakdown),
            Column("Mätperiod", "period", read_int, required=True),
            Column("Värde", "value", read_raw),
            Column("Data saknas", "missing", yes_no),
            Column("Anteckning", "note", width=40),
            Column("Källa", "source"),
            VERSION_COLUMN,
        ),
        key=("indicator", "breakdown", "period"),
        save=_save_measurement,
        export=_export_measurements,
        skip_when_blank=("value", "missing"),
    ),
    Sheet(
        name="Indikatorbedömningar",
        columns=(
            Column("Indikator", "indicator", indicator_ref, required=True),
            Column("Status", "status", choice_reader(INDICATOR_STATUSES)),
            Column("Trend", "trend", choice_reader(TRENDS)),
            Column("Motivering", "reason", width=_TEXT_WIDTH),
        ),
        key=("indicator",),
        save=_save_indicator_assessment,
        export=_export_indicator_assessments,
    ),
    Sheet(
        name="Målbedömningar",
        columns=(
            Column("Mål", "goal", goal_ref, required=True),
            Column("Namn", "name", read_only=True, width=_TEXT_WIDTH),
            Column("Bedömning", "colour", choice_reader(COLOURS), required=True),
            Column("Analys", "analysis", width=_TEXT_WIDTH),
            VERSION_COLUMN,
        ),
        key=("goal",),
        save=_save_goal_assessment,
        export=_export_goal_assessments,
        skip_when_blank=("colour", "analysis"),
    ),
    Sheet(
        name="Texter",
        columns=(
            Column("Avsnitt", "section", choice_reader(SECTIONS), required=True, width=28),
            Column("Text", "text", width=100),
            VERSION_COLUMN,
        ),
        key=("section",),
        save=_save_narrative,
        export=_export_narratives,
        skip_when_blank=("text",),
    ),
)
