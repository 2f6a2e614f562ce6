"""The reports there are, what each is about (a unit in a round, a plan in a round, or a plan) and
its builder. Pages, downloads and `styrkort report` all look a report up here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import builders

ROUND_UNIT, ROUND_PLAN, PLAN = "round_unit", "round_plan", "plan"


@dataclass(frozen=True)
class ReportKind:
    name: str  # on the command line
    slug: str  # in addresses
    title: str
    scope: str
    build: Callable


REPORTS = {
    kind.name: kind
    for kind in (
        ReportKind("annual", "rapport", _("Annual or interim report"), ROUND_UNIT, builders.annual_report),
        ReportKind("activity-card", "aktivitetskort", _("Activity card"), ROUND_UNIT, builders.activity_card),
        ReportKind(
            "economy", "ekonomi-och-personal", _("Economy and staff"), ROUND_UNIT, builders.economy_and_staff
        ),
        ReportKind(
            "action-plan",
            "handlingsplan",
            _("Follow-up of an action plan"),
            ROUND_PLAN,
            builders.action_plan_followup,
        ),
        ReportKind(
            "indicators", "indikatoroversikt", _("Goals and indicators"), PLAN, builders.indicator_overview
        ),
        ReportKind(
            "operational-plan", "verksamhetsplan", _("Operational plan"), PLAN, builders.operational_plan
        ),
    )
}
BY_SLUG = {kind.slug: kind for kind in REPORTS.values()}


def kinds(scope: str) -> list[ReportKind]:
    return [kind for kind in REPORTS.values() if kind.scope == scope]
