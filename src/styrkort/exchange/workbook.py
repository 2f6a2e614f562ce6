"""The plan workbook (docs/plan-workbook.md): one XLSX sheet per entity, Swedish headers.

The format is declared once, as SHEETS; reading, validating, writing and the documentation's
column lists all follow from it. Import is all-or-nothing (see exchange/services.py).
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from styrkort.core.numbers import NumberError, parse_decimal
from styrkort.core.text import comparable
from styrkort.errors import StyrkortError
from styrkort.org.enums import UnitKind
from styrkort.org.models import Unit
from styrkort.org.services import unit_upsert
from styrkort.plans import services as plan_services
from styrkort.plans.enums import (
    Comparator,
    Direction,
    Figure,
    Frequency,
    GoalKind,
    PlanKind,
    PlanState,
    SourceKind,
)
from styrkort.plans.models import (
    TOTAL_BREAKDOWN,
    Action,
    Assignment,
    Breakdown,
    BreakdownBaseline,
    Goal,
    GoalArea,
    Indicator,
    Perspective,
    Plan,
    Target,
)
from styrkort.plans.timeline import TimelineError, parse_timeline

LIST_SEPARATOR = ";"
REFERENCE_SEPARATOR = "/"


class CellError(ValueError):
    """A cell that cannot be read; the message is shown to the planner."""


class UnknownReference(CellError):
    """A reference to a code that does not exist (yet): perhaps its own row in the file was refused."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


# The workbook's own vocabulary: Swedish words, whatever the interface language.
# The first word for a value is the one written on export.
UNIT_KINDS = {
    "fullmäktige": UnitKind.COUNCIL,
    "nämnd": UnitKind.BOARD,
    "styrelse": UnitKind.BOARD,
    "förvaltning": UnitKind.ADMINISTRATION,
    "verksamhet": UnitKind.DEPARTMENT,
    "extern aktör": UnitKind.EXTERNAL,
}
PLAN_KINDS = {
    "regionplan": PlanKind.REGION_PLAN,
    "förvaltningsplan": PlanKind.ADMINISTRATION_PLAN,
    "verksamhetsplan": PlanKind.OPERATIONAL_PLAN,
    "RUS": PlanKind.DEVELOPMENT_STRATEGY,
    "handlingsplan": PlanKind.ACTION_PLAN,
    "program": PlanKind.PROGRAMME,
}
PLAN_STATES = {"utkast": PlanState.DRAFT, "antagen": PlanState.ADOPTED}
GOAL_KINDS = {
    "resultatmål": GoalKind.RESULT,
    "processmål": GoalKind.PROCESS,
    "delmål": GoalKind.SUB,
    "prioriterat delmål": GoalKind.PRIORITY_SUB,
    "fokusområde": GoalKind.FOCUS,
}
DIRECTIONS = {
    "högre": Direction.HIGHER,
    "lägre": Direction.LOWER,
    "bibehålla": Direction.KEEP,
    "faktiskt värde": Direction.ACTUAL,
}
FREQUENCIES = {
    "månad": Frequency.MONTH,
    "delår": Frequency.INTERIM,
    "år": Frequency.YEAR,
    "vartannat år": Frequency.EVERY_2_YEARS,
    "vart tredje år": Frequency.EVERY_3_YEARS,
    "vart fjärde år": Frequency.EVERY_4_YEARS,
}
FIGURES = {
    "ekonomiskt resultat": Figure.ECONOMIC_RESULT,
    "sjukfrånvaro": Figure.SICK_LEAVE,
    "årsarbetare": Figure.FTE,
    "anställda": Figure.EMPLOYEES,
}
SOURCES = {"egen": SourceKind.OWN, "Kolada": SourceKind.KOLADA, "SCB": SourceKind.SCB}
COMPARATORS = {
    ">": Comparator.GT,
    ">=": Comparator.GTE,
    "≥": Comparator.GTE,
    "<": Comparator.LT,
    "<=": Comparator.LTE,
    "≤": Comparator.LTE,
    "=": Comparator.EQ,
    "behålla": Comparator.KEEP,
    "minska": Comparator.REDUCE_BY,
}
YES_NO = {"ja": True, "nej": False}


# ---------------------------------------------------------------------------
# Cell readers: each turns one cell value into a Python value or raises CellError.


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = value.strftime("%Y-%m-%d")
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def read_text(value):
    return _text(value)


def read_raw(value):
    """The cell as it is (a number stays a number), for a reader that needs another column first."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


def read_int(value):
    text = _text(value)
    if not text:
        return None
    try:
        number = parse_decimal(value)
    except NumberError:
        raise CellError(_("%(value)s is not a whole number.") % {"value": text}) from None
    if number != number.to_integral_value():
        raise CellError(_("%(value)s is not a whole number.") % {"value": text})
    return int(number)


def read_decimal(value):
    if _text(value) == "":
        return None
    try:
        return parse_decimal(value)
    except NumberError as error:
        raise CellError(str(error)) from None


def read_date(value):
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(_text(value))
    except ValueError:
        raise CellError(
            _("%(value)s is not a date. Write it as YYYY-MM-DD.") % {"value": _text(value)}
        ) from None


def read_timeline(value):
    try:
        return parse_timeline(_text(value))
    except TimelineError as error:
        raise CellError(str(error)) from None


def read_list(value):
    return [item.strip() for item in _text(value).split(LIST_SEPARATOR) if item.strip()]


def choice_reader(words: dict[str, str]) -> Callable:
    folded = {word.casefold(): value for word, value in words.items()}

    def read(value):
        text = _text(value)
        if not text:
            return ""
        try:
            return folded[text.casefold()]
        except KeyError:
            allowed = ", ".join(words)
            raise CellError(
                _("%(value)s is not one of the allowed values: %(allowed)s.")
                % {"value": text, "allowed": allowed}
            ) from None

    return read


def choice_writer(words: dict[str, str]) -> Callable:
    first_word = {}
    for word, value in words.items():
        first_word.setdefault(value, word)
    return lambda value: first_word.get(value, "")


def ref_reader(model: type[Model], missing: str) -> Callable:
    """Reads a code into the object; `missing` (lazy, with %(code)s) says that there is none."""

    def read(value):
        code = _text(value)
        if not code:
            return None
        found = model.objects.filter(code=code).first()
        if found is None:
            raise UnknownReference(missing % {"code": code}, code)
        return found

    return read


def refs_reader(model: type[Model], missing: str) -> Callable:
    read_one = ref_reader(model, missing)
    return lambda value: [read_one(code) for code in read_list(value)]


def plan_ref_reader(model: type[Model], key: str, missing: str) -> Callable:
    """A reference written PLANKOD/KOD, to things whose codes are unique only within their plan."""

    def read(value):
        text = _text(value)
        if not text:
            return None
        plan_code, separator, item_code = text.partition(REFERENCE_SEPARATOR)
        if not separator or not plan_code.strip() or not item_code.strip():
            raise CellError(
                _("%(value)s should be written as PLAN/CODE, e.g. RUF-2023/RF6.") % {"value": text}
            )
        found = model.objects.filter(plan__code=plan_code.strip(), **{key: item_code.strip()}).first()
        if found is None:
            raise UnknownReference(missing % {"code": text}, text)
        return found

    return read


def yes_no(value):
    return bool(choice_reader(YES_NO)(value))


# ---------------------------------------------------------------------------
# Cell writers for export.


def code_of(obj) -> str:
    return obj.code if obj is not None else ""


def number_out(value: Decimal | None):
    if value is None:
        return None
    normalized = value.normalize()
    return int(normalized) if normalized == normalized.to_integral_value() else normalized


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    read: Callable[[Any], Any] = read_text
    required: bool = False
    fields: tuple[str, ...] = ()  # model fields whose errors belong to this column (default: key)
    read_only: bool = False  # written on export for the reader's sake, never read on import
    width: int | None = None  # characters; default from the header
    # shown(**context): whether an export writes the column (a round that asks for a status only has
    # no Bedömning); None: always. A file may still have it: what is in it is checked on import.
    shown: Callable[..., bool] | None = None

    def owns(self, field_name: str) -> bool:
        return field_name in (self.fields or (self.key,))


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook format. exchange/engine.py reads and writes any format made of these.

    `save(**context, **row)` writes one row and returns (object, created); `export(**context)` yields
    the rows to write. The context is what the whole file is about (the follow-up's round, unit and
    person); the plan workbook has none. A sheet without `save` is read by its format's own code.
    """

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # keys that identify a row; duplicates in one file are refused
    save: Callable[..., tuple[Model | None, bool]] | None
    export: Callable[..., Iterable[dict[str, Any]]]
    # A row whose cells in these columns are all blank says nothing and is skipped.
    skip_when_blank: tuple[str, ...] = ()
    # The key of a row where a key column is blank (an action without a code: its plan and text).
    key_when_blank: tuple[str, ...] = ()
    # warn(rows) -> warnings about the sheet's rows [(row number, values)] that do not stop the import
    warn: Callable[[list[tuple[int, dict]]], Iterable["Problem"]] | None = None

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


# ---------------------------------------------------------------------------
# Saving one row: the readers give model objects; the plan services validate and write.


def _save_unit(*, user, **row):
    return unit_upsert(
        user=user,
        code=row["code"],
        name=row["name"],
        short_name=row["short_name"],
        kind=row["kind"],
        parent=row["parent"],
    )


def _save_indicator(*, breakdowns, **row):
    return plan_services.indicator_upsert(breakdowns=plan_services.breakdowns_ensure(breakdowns), **row)


def read_breakdown(value):
    name = _text(value)
    if not name or name.casefold() == TOTAL_BREAKDOWN.casefold():
        return None
    found = Breakdown.objects.filter(name=name).first()
    if found is None:
        raise UnknownReference(
            _("No indicator reports the breakdown %(name)s; add it to the indicator's Indelningar first.")
            % {"name": name},
            name,
        )
    return found


def _ordered(save: Callable) -> Callable:
    """An empty Ordning cell means 0."""

    def wrapped(**row):
        row["order"] = row.get("order") or 0
        return save(**row)

    return wrapped


# ---------------------------------------------------------------------------
# Export rows, parents before children so the file imports in one pass.


def _export_units():
    for unit in Unit.objects.with_tree_fields().select_related("parent").order_by("tree_ordering"):
        yield {
            "code": unit.code,
            "name": unit.name,
            "short_name": unit.short_name,
            "kind": choice_writer(UNIT_KINDS)(unit.kind),
            "parent": code_of(unit.parent),
        }


def _plans_parents_first() -> list[Plan]:
    plans = list(Plan.objects.select_related("parent", "owner", "decided_by"))
    by_pk = {plan.pk: plan for plan in plans}

    def depth(plan: Plan) -> int:
        steps, node = 0, plan
        while node.parent_id and steps < len(plans):
            node, steps = by_pk[node.parent_id], steps + 1
        return steps

    return sorted(plans, key=lambda plan: (depth(plan), plan.code))


def _export_plans():
    for plan in _plans_parents_first():
        yield {
            "code": plan.code,
            "name": plan.name,
            "kind": choice_writer(PLAN_KINDS)(plan.kind),
            "owner": code_of(plan.owner),
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "parent": code_of(plan.parent),
            "state": choice_writer(PLAN_STATES)(plan.state),
            "decided_by": code_of(plan.decided_by),
            "decided_on": plan.decided_on,
            "diary_number": plan.diary_number,
            "vision": plan.vision,
            "values": plan.values,
        }


def _plan_rank() -> dict[int, int]:
    return {plan.pk: rank for rank, plan in enumerate(_plans_parents_first())}


def _export_perspectives():
    rank = _plan_rank()
    rows = Perspective.objects.select_related("plan")
    for item in sorted(rows, key=lambda p: (rank[p.plan_id], p.order, p.code)):
        yield {"code": item.code, "plan": item.plan.code, "name": item.name, "order": item.order}


def _export_goal_areas():
    rank = _plan_rank()
    rows = GoalArea.objects.select_related("plan", "perspective").prefetch_related("documents")
    for area in sorted(rows, key=lambda a: (rank[a.plan_id], a.order, a.code)):
        yield {
            "code": area.code,
            "plan": area.plan.code,
            "name": area.name,
            "perspective": code_of(area.perspective),
            "intention": area.intention,
            "documents": f"{LIST_SEPARATOR} ".join(plan.code for plan in area.documents.all()),
            "order": area.order,
        }


def _goals_in_order() -> list[Goal]:
    rank = _plan_rank()
    rows = Goal.objects.select_related("plan", "area", "unit", "parent")
    return sorted(rows, key=lambda g: (rank[g.plan_id], g.area.order if g.area else 10**6, g.order, g.code))


def _export_goals():
    for goal in _goals_in_order():
        yield {
            "code": goal.code,
            "plan": goal.plan.code,
            "name": goal.name,
            "kind": choice_writer(GOAL_KINDS)(goal.kind),
            "area": code_of(goal.area),
            "unit": code_of(goal.unit),
            "parent": code_of(goal.parent),
            "description": goal.description,
            "order": goal.order,
        }


def _indicators_in_order() -> list[Indicator]:
    goal_rank = {goal.pk: rank for rank, goal in enumerate(_goals_in_order())}
    rows = Indicator.objects.select_related("goal").prefetch_related("breakdowns")
    return sorted(rows, key=lambda i: (goal_rank[i.goal_id], i.order, i.code))


def _export_indicators():
    for indicator in _indicators_in_order():
        yield {
            "code": indicator.code,
            "goal": indicator.goal.code,
            "name": indicator.name,
            "definition": indicator.definition,
            "unit_of_measure": indicator.unit_of_measure,
            "direction": choice_writer(DIRECTIONS)(indicator.direction),
            "frequency": choice_writer(FREQUENCIES)(indicator.frequency),
            "source_kind": choice_writer(SOURCES)(indicator.source_kind),
            "source_ref": indicator.source_ref,
            "figure": choice_writer(FIGURES)(indicator.figure),
            "breakdowns": f"{LIST_SEPARATOR} ".join(b.name for b in indicator.breakdowns.all()),
            "baseline_value": number_out(indicator.baseline_value),
            "baseline_year": indicator.baseline_year,
            "baseline_note": indicator.baseline_note,
            "tolerance": number_out(indicator.tolerance),
            "trend_threshold": number_out(indicator.trend_threshold),
            "order": indicator.order,
        }


def _export_targets():
    indicator_rank = {indicator.pk: rank for rank, indicator in enumerate(_indicators_in_order())}
    rows = Target.objects.select_related("indicator", "breakdown")
    for target in sorted(
        rows,
        key=lambda t: (indicator_rank[t.indicator_id], t.year, t.breakdown.order if t.breakdown else -1),
    ):
        yield {
            "indicator": target.indicator.code,
            "year": target.year,
            "breakdown": target.breakdown.name if target.breakdown else "",
            "comparator": choice_writer(COMPARATORS)(target.comparator),
            "value": number_out(target.value),
            "by_year": target.by_year,
            "note": target.note,
        }


def _export_breakdown_baselines():
    indicator_rank = {indicator.pk: rank for rank, indicator in enumerate(_indicators_in_order())}
    rows = BreakdownBaseline.objects.select_related("indicator", "breakdown")
    for baseline in sorted(
        rows, key=lambda b: (indicator_rank[b.indicator_id], b.breakdown.order, b.breakdown.name)
    ):
        yield {
            "indicator": baseline.indicator.code,
            "breakdown": baseline.breakdown.name,
            "year": baseline.year,
            "value": number_out(baseline.value),
            "note": baseline.note,
        }


def _export_assignments():
    rank = _plan_rank()
    rows = Assignment.objects.select_related("plan", "issuer", "receiver", "area", "goal")
    for item in sorted(rows, key=lambda a: (rank[a.plan_id], a.order, a.number)):
        yield {
            "plan": item.plan.code,
            "number": item.number,
            "text": item.text,
            "issuer": item.issuer.code,
            "receiver": item.receiver.code,
            "timeline": item.timeline_text,
            "area": code_of(item.area),
            "goal": code_of(item.goal),
            "added_during_year": "ja" if item.added_during_year else "",
            "order": item.order,
        }


def _export_actions():
    rank = _plan_rank()
    rows = Action.objects.select_related("plan", "area", "goal", "assignment__plan", "parent__plan")
    rows = rows.prefetch_related("units")
    for action in sorted(rows, key=lambda a: (rank[a.plan_id], a.order, a.code)):
        yield {
            "plan": action.plan.code,
            "code": action.code,
            "text": action.text,
            "timeline": action.timeline_text,
            "units": f"{LIST_SEPARATOR} ".join(unit.code for unit in action.units.all()),
            "area": code_of(action.area),
            "goal": code_of(action.goal),
            "assignment": action.assignment.reference if action.assignment else "",
            "parent": action.parent.reference if action.parent else "",
            "order": action.order,
        }


# ---------------------------------------------------------------------------
# The format itself.

_UNIT_MISSING = gettext_lazy("There is no unit with the code %(code)s.")
_unit = ref_reader(Unit, _UNIT_MISSING)
_PLAN_MISSING = gettext_lazy("There is no plan with the code %(code)s.")
_plan = ref_reader(Plan, _PLAN_MISSING)
goal_ref = ref_reader(Goal, gettext_lazy("There is no goal with the code %(code)s."))
indicator_ref = ref_reader(Indicator, gettext_lazy("There is no indicator with the code %(code)s."))
_area = ref_reader(GoalArea, gettext_lazy("There is no goal area with the code %(code)s."))
_TIMELINE_FIELDS = ("timeline", "timeline_kind", "timeline_start_year", "timeline_end_year", "timeline_date")

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        name="Enheter",
        columns=(
            Column("Kod", "code", required=True),
            Column("Namn", "name", required=True),
            Column("Kortnamn", "short_name"),
            Column("Typ", "kind", choice_reader(UNIT_KINDS), required=True),
            Column("Överordnad", "parent", _unit),
        ),
        key=("code",),
        save=_save_unit,
        export=_export_units,
    ),
    Sheet(
        name="Planer",
        columns=(
            Column("Kod", "code", required=True),
            Column("Namn", "name", required=True),
            Column("Typ", "kind", choice_reader(PLAN_KINDS), required=True),
            Column("Ägare", "owner", _unit, required=True),
            Column("Startår", "start_year", read_int, required=True),
            Column("Slutår", "end_year", read_int, required=True),
            Column("Överordnad plan", "parent", _plan),
            Column("Status", "state", choice_reader(PLAN_STATES), required=True),
            Column("Beslutad av", "decided_by", _unit),
            Column("Beslutsdatum", "decided_on", read_date),
            Column("Diarienummer", "diary_number"),
            Column("Vision", "vision"),
            Column("Värdegrund", "values"),
        ),
        key=("code",),
        save=plan_services.plan_upsert,
        export=_export_plans,
    ),
    Sheet(
        name="Perspektiv",
        columns=(
            Column("Kod", "code", required=True),
            Column("Plan", "plan", _plan, required=True),
            Column("Namn", "name", required=True),
            Column("Ordning", "order", read_int),
        ),
        key=("code",),
        save=_ordered(plan_services.perspective_upsert),
        export=_export_perspectives,
    ),
    Sheet(
        name="Målområden",
        columns=(
            Column("Kod", "code", required=True),
            Column("Plan", "plan", _plan, required=True),
            Column("Namn", "name", required=True),
            Column(
                "Perspektiv",
                "perspective",
                ref_reader(Perspective, gettext_lazy("There is no perspective with the code %(code)s.")),
            ),
            Column("Avsikt", "intention"),
            Column("Måldokument", "documents", refs_reader(Plan, _PLAN_MISSING)),
            Column("Ordning", "order", read_int),
        ),
        key=("code",),
        save=_ordered(plan_services.goal_area_upsert),
        export=_export_goal_areas,
    ),
    Sheet(
        name="Mål",
        columns=(
            Column("Kod", "code", required=True),
            Column("Plan", "plan", _plan, required=True),
            Column("Namn", "name", required=True),
            Column("Typ", "kind", choice_reader(GOAL_KINDS), required=True),
            Column("Målområde", "area", _area),
            Column("Enhet", "unit", _unit),
            Column("Överordnat mål", "parent", goal_ref),
            Column("Beskrivning", "description"),
            Column("Ordning", "order", read_int),
        ),
        key=("code",),
        save=_ordered(plan_services.goal_upsert),
        export=_export_goals,
    ),
    Sheet(
        name="Indikatorer",
        columns=(
            Column("Kod", "code", required=True),
            Column("Mål", "goal", goal_ref, required=True),
            Column("Namn", "name", required=True),
            Column("Definition", "definition"),
            Column("Enhet", "unit_of_measure", required=True),
            Column("Önskad riktning", "direction", choice_reader(DIRECTIONS), required=True),
            Column("Frekvens", "frequency", choice_reader(FREQUENCIES), required=True),
            Column("Källa", "source_kind", choice_reader(SOURCES)),
            Column("Källreferens", "source_ref"),
            Column("Hämtas från", "figure", choice_reader(FIGURES)),
            Column("Indelningar", "breakdowns", read_list),
            Column("Nuläge", "baseline_value", read_decimal),
            Column("Nulägesår", "baseline_year", read_int),
            Column("Nulägeskommentar", "baseline_note"),
            Column("Tolerans", "tolerance", read_decimal),
            Column("Trendtröskel", "trend_threshold", read_decimal),
            Column("Ordning", "order", read_int),
        ),
        key=("code",),
        save=_ordered(_save_indicator),
        export=_export_indicators,
    ),
    Sheet(
        name="Nulägen",
        columns=(
            Column("Indikator", "indicator", indicator_ref, required=True),
            Column("Indelning", "breakdown", read_breakdown, required=True),
            Column("År", "year", read_int, required=True),
            Column("Värde", "value", read_decimal, required=True),
            Column("Kommentar", "note"),
        ),
        key=("indicator", "breakdown"),
        save=plan_services.breakdown_baseline_upsert,
        export=_export_breakdown_baselines,
    ),
    Sheet(
        name="Målvärden",
        columns=(
            Column("Indikator", "indicator", indicator_ref, required=True),
            Column("År", "year", read_int, required=True),
            Column("Indelning", "breakdown", read_breakdown),
            Column("Jämförelse", "comparator", choice_reader(COMPARATORS)),
            Column("Värde", "value", read_decimal),
            Column("Till år", "by_year", read_int),
            Column("Kommentar", "note"),
        ),
        key=("indicator", "year", "breakdown"),
        save=plan_services.target_upsert,
        export=_export_targets,
    ),
    Sheet(
        name="Uppdrag",
        columns=(
            Column("Plan", "plan", _plan, required=True),
            Column("Nummer", "number", required=True),
            Column("Text", "text", required=True),
            Column("Utfärdare", "issuer", _unit, required=True),
            Column("Mottagare", "receiver", _unit, required=True),
            Column("Tidplan", "timeline", read_timeline, fields=_TIMELINE_FIELDS),
            Column("Målområde", "area", _area),
            Column("Mål", "goal", goal_ref),
            Column("Tillkommande", "added_during_year", yes_no),
            Column("Ordning", "order", read_int),
        ),
        key=("plan", "number"),
        save=_ordered(plan_services.assignment_upsert),
        export=_export_assignments,
    ),
    Sheet(
        name="Åtgärder",
        columns=(
            Column("Plan", "plan", _plan, required=True),
            Column("Kod", "code"),  # empty: the product numbers the action (plans/services.py)
            Column("Text", "text", required=True),
            Column("Tidplan", "timeline", read_timeline, fields=_TIMELINE_FIELDS),
            Column("Ansvariga", "units", refs_reader(Unit, _UNIT_MISSING)),
            Column("Målområde", "area", _area),
            Column("Mål", "goal", goal_ref),
            Column(
                "Uppdrag",
                "assignment",
                plan_ref_reader(Assignment, "number", gettext_lazy("There is no assignment %(code)s.")),
            ),
            Column(
                "Överordnad åtgärd",
                "parent",
                plan_ref_reader(Action, "code", gettext_lazy("There is no action %(code)s.")),
            ),
            Column("Ordning", "order", read_int),
        ),
        key=("plan", "code"),
        key_when_blank=("plan", "text"),
        save=_ordered(plan_services.action_upsert),
        export=_export_actions,
        warn=lambda rows: [*_same_text_warnings("Åtgärder", rows), *_outside_open_rounds("Åtgärder", rows)],
    ),
)
SHEETS_BY_NAME = {sheet.name: sheet for sheet in SHEETS}


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str | None
    message: str
    follows_from_refused_row: bool = False

    def __str__(self) -> str:
        place = [_("sheet %(name)s") % {"name": self.sheet}] if self.sheet else []
        if self.row:
            place.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            place.append(_("column %(column)s") % {"column": self.column})
        where = ", ".join(place)
        return f"{where[:1].upper()}{where[1:]}: {self.message}" if where else self.message


@dataclass
class SheetCount:
    created: int = 0
    updated: int = 0


def _same_text_warnings(sheet: str, rows: list[tuple[int, dict]]) -> Iterable[Problem]:
    """Two actions of one plan with the same text are most likely one action entered twice; the
    planner hears of it, and both are imported (they may differ in what the text does not say)."""
    by_text: dict[tuple, list[int]] = {}
    for row_number, values in rows:
        plan = values.get("plan")
        text = comparable(str(values.get("text") or ""))
        if plan is not None and text:
            by_text.setdefault((getattr(plan, "code", plan), text), []).append(row_number)
    for (plan_code, _text), row_numbers in by_text.items():
        if len(row_numbers) > 1:
            yield Problem(
                sheet,
                row_numbers[-1],
                "Text",
                _("The same text as on row %(rows)s, in the plan %(plan)s: is it the same action twice?")
                % {"rows": ", ".join(str(n) for n in row_numbers[:-1]), "plan": plan_code},
            )


def _natural_code(action) -> list:
    """RF1, RF3, RF11: codes in the order people number them."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", action.code)]


def _outside_open_rounds(sheet: str, rows: list[tuple[int, dict]]) -> Iterable[Problem]:
    """Actions of the file that an open round of their plan will not ask for, with why: nothing a
    planner imports should vanish from a follow-up without a word. Asked after the rows are saved."""
    from styrkort.followup.models import FollowUpRound
    from styrkort.followup.queries import actions_in_round

    codes_by_plan: dict[int, tuple[Plan, set[str]]] = {}
    for _row, values in rows:
        plan = values.get("plan")
        if isinstance(plan, Plan) and values.get("code"):
            codes_by_plan.setdefault(plan.pk, (plan, set()))[1].add(values["code"])
    for plan, codes in codes_by_plan.values():
        for round in FollowUpRound.objects.filter(plans=plan, closed_at__isnull=True).order_by(
            "as_of", "code"
        ):
            covered = set(
                actions_in_round(round).filter(plan=plan, code__in=codes).values_list("code", flat=True)
            )
            outside = sorted(Action.objects.filter(plan=plan, code__in=codes - covered), key=_natural_code)
            ended = [
                a.code
                for a in outside
                if a.timeline_end_year is not None and a.timeline_end_year < round.year
            ]
            elsewhere = [a.code for a in outside if a.code not in ended]
            if ended or elsewhere:
                reasons = []
                if elsewhere:
                    reasons.append(
                        _("%(codes)s: no responsible unit reports in it") % {"codes": ", ".join(elsewhere)}
                    )
                if ended:
                    reasons.append(
                        _("%(codes)s: the timeline ended before %(year)s")
                        % {"codes": ", ".join(ended), "year": round.year}
                    )
                yield Problem(
                    sheet,
                    None,
                    None,
                    ngettext(
                        "%(count)s action of the plan %(plan)s is not part of the open round %(round)s "
                        "(%(reasons)s).",
                        "%(count)s actions of the plan %(plan)s are not part of the open round %(round)s "
                        "(%(reasons)s).",
                        len(ended) + len(elsewhere),
                    )
                    % {
                        "count": len(ended) + len(elsewhere),
                        "plan": plan.code,
                        "round": round.code,
                        "reasons": "; ".join(reasons),
                    },
                )


class LeftAlone(StyrkortError):
    """A row the import passes over on purpose, saying why; it is listed, and the rest is saved."""


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    left_alone: list[Problem] = field(default_factory=list)  # rows passed over, each with the reason
    warnings: list[Problem] = field(default_factory=list)  # worth a look, but nothing is refused
    # progress(sheet, row) now and then while rows are read: how far a background import has come
    progress: Callable[[str, int], None] | None = field(default=None, repr=False, compare=False)
    counts: dict[str, SheetCount] = field(default_factory=dict)
    dry_run: bool = False
    refused_codes: set[str] = field(default_factory=set)  # codes defined on rows that were refused

    def drop_follow_on_problems(self) -> None:
        """Show the root problems; references to refused rows are checked again once those are fixed."""
        follow_on = [p for p in self.problems if p.follows_from_refused_row]
        root = [p for p in self.problems if not p.follows_from_refused_row]
        if not follow_on or not root:
            return
        self.problems = [
            *root,
            Problem(
                "",
                None,
                None,
                _(
                    "%(count)s more references point to rows that were refused above; "
                    "they are checked again when those rows are corrected."
                )
                % {"count": len(follow_on)},
            ),
        ]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def saved(self) -> bool:
        return self.ok and not self.dry_run
