"""What the API reads and writes, as ninja Schemas: codes for references, never translated labels."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import WithJsonSchema

from styrkort.core.fields import FREE_TEXT_MAX
from styrkort.followup.enums import ActionStatus, Colour

# The characters a code may hold (plans.models.code_validator), so a filter never reaches the
# database with a NUL or a slash.
CODE_PATTERN = r'^[^/;<>"&\x00-\x1f]+$'
CODE_MAX = 40
# Free text may hold anything a person types but a NUL, which PostgreSQL cannot store (the web
# forms refuse it too, with Django's ProhibitNullCharactersValidator).
TEXT_PATTERN = r"^[^\x00]*$"


class UnitRef(Schema):
    code: str
    name: str


class PlanOut(Schema):
    code: str
    name: str
    kind: str
    state: str
    owner: UnitRef
    start_year: int
    end_year: int
    parent: str | None = Field(None, description="The parent plan's code.")
    is_public: bool
    decided_on: dt.date | None
    diary_number: str

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.code if obj.parent_id else None


class GoalAreaOut(Schema):
    code: str
    name: str
    intention: str
    order: int


class PlanDetailOut(PlanOut):
    vision: str
    values: str
    goal_areas: list[GoalAreaOut]

    @staticmethod
    def resolve_goal_areas(obj) -> list:
        return list(obj.goal_areas.all())


class GoalOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    plan: str
    area: str | None
    unit: str | None = Field(description="The unit that reports the goal; empty: the plan's owner.")
    parent: str | None = Field(description="The goal in a higher plan that this goal serves.")
    description: str

    @staticmethod
    def resolve_plan(obj) -> str:
        return obj.plan.code

    @staticmethod
    def resolve_area(obj) -> str | None:
        return obj.area.code if obj.area_id else None

    @staticmethod
    def resolve_unit(obj) -> str | None:
        return obj.unit.code if obj.unit_id else None

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.code if obj.parent_id else None


class TargetOut(Schema):
    year: int
    breakdown: str | None = Field(description="Empty for the total.")
    comparator: str
    value: Decimal | None
    by_year: int | None

    @staticmethod
    def resolve_breakdown(obj) -> str | None:
        return obj.breakdown.name if obj.breakdown_id else None


class IndicatorOut(Schema):
    id: int
    code: str
    name: str
    plan: str
    goal: str
    definition: str
    unit_of_measure: str
    direction: str
    frequency: str
    source_kind: str
    source_ref: str
    breakdowns: list[str]
    baseline_value: Decimal | None
    baseline_year: int | None
    targets: list[TargetOut]

    @staticmethod
    def resolve_plan(obj) -> str:
        return obj.goal.plan.code

    @staticmethod
    def resolve_goal(obj) -> str:
        return obj.goal.code

    @staticmethod
    def resolve_breakdowns(obj) -> list[str]:
        return [breakdown.name for breakdown in obj.breakdowns.all()]

    @staticmethod
    def resolve_targets(obj) -> list:
        return list(obj.targets.all())


class MeasurementOut(Schema):
    id: int
    indicator: str
    plan: str
    breakdown: str | None = Field(description="Empty for the total.")
    period: int = Field(description="The year the value is for.")
    value: Decimal | None
    missing: bool = Field(description="Data missing (data saknas).")
    note: str
    source: str
    round: str | None = Field(description="The round it was reported in; empty: entered with the plan.")
    version: int = Field(description="Send it back with a change; a stale one is refused with 409.")

    @staticmethod
    def resolve_indicator(obj) -> str:
        return obj.indicator.code

    @staticmethod
    def resolve_plan(obj) -> str:
        return obj.indicator.goal.plan.code

    @staticmethod
    def resolve_breakdown(obj) -> str | None:
        return obj.breakdown.name if obj.breakdown_id else None

    @staticmethod
    def resolve_round(obj) -> str | None:
        return obj.round.code if obj.round_id else None


class ActionOut(Schema):
    id: int
    code: str
    plan: str
    text: str
    units: list[str] = Field(description="The responsible units; empty: the plan's owner reports it.")
    goal: str | None
    area: str | None
    timeline: str
    timeline_start_year: int | None
    timeline_end_year: int | None

    @staticmethod
    def resolve_plan(obj) -> str:
        return obj.plan.code

    @staticmethod
    def resolve_units(obj) -> list[str]:
        return [unit.code for unit in obj.units.all()]

    @staticmethod
    def resolve_goal(obj) -> str | None:
        return obj.goal.code if obj.goal_id else None

    @staticmethod
    def resolve_area(obj) -> str | None:
        return obj.area.code if obj.area_id else None

    @staticmethod
    def resolve_timeline(obj) -> str:
        return obj.timeline_text


class RoundOut(Schema):
    code: str
    name: str
    kind: str
    as_of: dt.date
    deadline: dt.date
    is_open: bool
    closed_at: dt.datetime | None
    published_at: dt.datetime | None
    asks_for: str = Field(description="What each action report holds: status, assessment or both.")
    asks_deviation: bool = Field(description="Whether yellow and red need a deviation.")
    plans: list[str]
    units: list[str] = Field(description="The reporting units (with the units below them).")

    @staticmethod
    def resolve_plans(obj) -> list[str]:
        return [plan.code for plan in obj.plans.all()]

    @staticmethod
    def resolve_units(obj) -> list[str]:
        return [unit.code for unit in obj.units.all()]


class ActionReportOut(Schema):
    id: int
    round: str
    action_id: int
    action: str
    plan: str
    status: str
    colour: str
    comment: str
    deviation: str
    reported_at: dt.datetime
    version: int = Field(description="Send it back with a change; a stale one is refused with 409.")

    @staticmethod
    def resolve_round(obj) -> str:
        return obj.round.code

    @staticmethod
    def resolve_action(obj) -> str:
        return obj.action.code

    @staticmethod
    def resolve_plan(obj) -> str:
        return obj.action.plan.code


class ActionReportIn(Schema):
    """The fields of followup.services.action_report_save; what the round asks for decides which."""

    status: Literal["", *ActionStatus.values] = ""  # type: ignore[valid-type]
    colour: Literal["", *Colour.values] = ""  # type: ignore[valid-type]
    comment: str = Field("", max_length=FREE_TEXT_MAX, pattern=TEXT_PATTERN)
    deviation: str = Field("", max_length=FREE_TEXT_MAX, pattern=TEXT_PATTERN)
    version: int = Field(
        ge=0, le=2**31 - 1, description="The report's version as read; 0 when there is no report yet."
    )


class ConflictOut(Schema):
    detail: str
    current: ActionReportOut | None = None


# A decimal as a JSON number or as text with a point: what pydantic's Decimal takes, said exactly (its
# own schema allows any text, so "" or "69,5" would be a valid request that is refused).
DECIMAL_OR_NULL = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"},
        {"type": "null"},
    ]
}


class MeasurementIn(Schema):
    """The fields of followup.services.measurement_save; the lengths are the model's."""

    period: int = Field(ge=1900, le=2200, description="The year the value is for; not after the round's.")
    breakdown: str | None = Field(
        None,
        max_length=80,
        pattern=TEXT_PATTERN,
        description="One of the indicator's breakdowns (GET /indicators); empty: total.",
    )
    value: Annotated[Decimal | None, WithJsonSchema(DECIMAL_OR_NULL)] = Field(
        None, description='A point for decimals (72.5 or "72.5"), at most four; empty when data is missing.'
    )
    missing: bool = Field(False, description="Data missing (data saknas), instead of a value.")
    note: str = Field("", max_length=500, pattern=TEXT_PATTERN)
    source: str = Field("", max_length=200, pattern=TEXT_PATTERN)
    version: int = Field(
        ge=0,
        le=2**31 - 1,
        description="The measurement's version as read; 0 when there is no value for the period yet.",
    )


class MeasurementConflictOut(Schema):
    detail: str
    current: MeasurementOut | None = None
