"""What a round covers: its actions and indicators, per unit. Query counts do not grow with the data."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from styrkort.org import queries as org_queries
from styrkort.org.models import Unit
from styrkort.org.rules import REPORTING_ROLES, memberships_of
from styrkort.plans.models import Action, Assignment, Goal, Indicator

from .models import ActionReport, AssignmentReport, FollowUpRound


def round_units(round: FollowUpRound) -> list[Unit]:
    """The round's units and every unit below them, in tree order with `depth` and `path`
    (org.queries.with_depth); one query, kept on the round object."""
    if not hasattr(round, "_units"):
        # Walked from the round's units in the same query, whether or not they are loaded.
        own = FollowUpRound.units.through.objects.filter(followupround_id=round.pk).values("unit_id")
        below = org_queries.units_below(own).annotate(
            is_round_unit=Exists(own.filter(unit_id=OuterRef("pk")))
        )
        round._units = org_queries.with_depth(list(below))
    return round._units


def round_own_units(round: FollowUpRound) -> list[Unit]:
    """The units the round names (not those below them), by name: from round_units(), no query."""
    return sorted((unit for unit in round_units(round) if unit.is_round_unit), key=lambda unit: unit.name)


def round_unit(round: FollowUpRound, code: str) -> tuple[Unit | None, frozenset[int]]:
    """The round's unit with this code (None if it does not report in the round), and the ids of it and
    every unit below it: from round_units(), no query of their own."""
    unit = next((u for u in round_units(round) if u.code == code), None)
    if unit is None:
        return None, frozenset()
    return unit, frozenset(u.pk for u in round_units(round) if unit.pk in u.path)


def round_plan_ids(round: FollowUpRound):
    """The round's plans for a filter: their ids when they are loaded (a queryset passed to `__in` is
    always a subquery, which PostgreSQL joined after reading every action), else a subquery."""
    if "plans" in getattr(round, "_prefetched_objects_cache", {}):
        return [plan.pk for plan in round.plans.all()]
    return round.plans.values("pk")


def round_unit_ids(round: FollowUpRound) -> frozenset[int]:
    """The ids of round_units()."""
    if not hasattr(round, "_unit_ids"):
        round._unit_ids = frozenset(unit.pk for unit in round_units(round))
    return round._unit_ids


def actions_in_round(round: FollowUpRound, unit_ids: frozenset[int] | None = None) -> QuerySet[Action]:
    """Actions of the round's plans, for its units, that have not ended before the round's year.

    An action that starts later is still listed (seed 002 reports RF8, planned for 2024, in 2023).
    """
    units = round_unit_ids(round) if unit_ids is None else round_unit_ids(round) & unit_ids
    plans = round_plan_ids(round)
    # Both limited to the round's plans: PostgreSQL reads a NOT EXISTS under OR as a hashed list of
    # its rows, which was every action's units.
    links = Action.units.through.objects.filter(action_id=OuterRef("pk"), action__plan__in=plans)
    responsible = links.filter(unit_id__in=units)
    any_unit = links
    return (
        Action.objects.filter(plan__in=plans)
        .filter(Q(timeline_end_year__isnull=True) | Q(timeline_end_year__gte=round.year))
        # An action without responsible units is its plan's owner's to report (responsible_unit_ids).
        .filter(Exists(responsible) | (~Exists(any_unit) & Q(plan__owner__in=units)))
        .select_related("plan", "plan__owner", "area", "goal", "goal__plan", "goal__area")
        .prefetch_related(
            "units",
            round_reports_prefetch(round),
        )
        .order_by("plan__start_year", "plan__code", "area__order", "order", "code")
    )


def assignments_in_round(
    round: FollowUpRound, unit_ids: frozenset[int] | None = None
) -> QuerySet[Assignment]:
    """Assignments the round's plans give to its units, not ended before the round's year, with
    their report in the round as `round_reports`."""
    units = round_unit_ids(round) if unit_ids is None else round_unit_ids(round) & unit_ids
    return (
        Assignment.objects.filter(plan__in=round_plan_ids(round), receiver__in=units)
        .filter(Q(timeline_end_year__isnull=True) | Q(timeline_end_year__gte=round.year))
        .select_related("plan", "receiver")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=AssignmentReport.objects.filter(round=round).select_related("reported_by"),
                to_attr="round_reports",
            )
        )
        .order_by("plan__start_year", "plan__code", "added_during_year", "order", "number")
    )


def round_covers_assignment(round: FollowUpRound, assignment: Assignment) -> bool:
    """assignments_in_round's rule for one loaded assignment."""
    return (
        assignment.plan_id in {plan.pk for plan in round.plans.all()}
        and (assignment.timeline_end_year is None or assignment.timeline_end_year >= round.year)
        and assignment.receiver_id in round_unit_ids(round)
    )


def indicators_in_round(round: FollowUpRound, unit_ids: frozenset[int] | None = None) -> QuerySet[Indicator]:
    """Indicators of goals in the round's plans, reported by the goal's unit (or the plan's owner)."""
    units = round_unit_ids(round) if unit_ids is None else round_unit_ids(round) & unit_ids
    return (
        Indicator.objects.filter(goal__plan__in=round_plan_ids(round))
        .filter(Q(goal__unit__in=units) | Q(goal__unit__isnull=True, goal__plan__owner__in=units))
        .select_related("goal", "goal__area", "goal__plan", "goal__unit")
        .order_by("goal__area__order", "goal__order", "order", "code")
    )


def responsible_unit_ids(action: Action) -> list[int]:
    """The units that report an action: those responsible for it, or, when none is named (an
    activity list without an owner column), the plan's owner. Nothing falls outside every round."""
    return [unit.pk for unit in action.units.all()] or [action.plan.owner_id]


def round_covers_action(round: FollowUpRound, action: Action) -> bool:
    """actions_in_round's rule for one loaded action, without a query per check."""
    return (
        action.plan_id in {plan.pk for plan in round.plans.all()}
        and (action.timeline_end_year is None or action.timeline_end_year >= round.year)
        and any(pk in round_unit_ids(round) for pk in responsible_unit_ids(action))
    )


def round_covers_indicator(round: FollowUpRound, indicator: Indicator) -> bool:
    """indicators_in_round's rule for one loaded indicator."""
    goal = indicator.goal
    return goal.plan_id in {plan.pk for plan in round.plans.all()} and (
        (goal.unit_id or goal.plan.owner_id) in round_unit_ids(round)
    )


def round_covers_goal(round: FollowUpRound, goal: Goal) -> bool:
    """goals_of's rule for one goal: the round has one of its indicators or actions."""
    return (
        indicators_in_round(round).filter(goal=goal).exists()
        or actions_in_round(round).filter(goal=goal).exists()
    )


def round_reports_prefetch(round: FollowUpRound) -> Prefetch:
    """An action's report in the round, with who saved it, as `round_reports` (read by action_report_of)."""
    return Prefetch(
        "reports",
        queryset=ActionReport.objects.filter(round=round).select_related("reported_by"),
        to_attr="round_reports",
    )


def goals_of(indicators, actions) -> list:
    """The goals that the indicators and actions serve, in goal order."""
    goals = {indicator.goal for indicator in indicators} | {action.goal for action in actions if action.goal}
    return sorted(goals, key=lambda goal: (goal.order, goal.code))


def action_report_of(action: Action) -> ActionReport | None:
    """The report prefetched by actions_in_round, if any."""
    reports = getattr(action, "round_reports", [])
    return reports[0] if reports else None


def open_rounds() -> QuerySet[FollowUpRound]:
    return FollowUpRound.objects.filter(closed_at__isnull=True).order_by("deadline", "code")


def progress(round: FollowUpRound, unit_ids: frozenset[int]) -> tuple[int, int]:
    """(actions in the round for these units, how many are reported), in one query."""
    reported = ActionReport.objects.filter(round=round, action_id=OuterRef("pk"))
    counts = (
        actions_in_round(round, unit_ids)
        .annotate(is_reported=Exists(reported))
        .aggregate(total=Count("pk"), reported=Count("pk", filter=Q(is_reported=True)))
    )
    return counts["total"], counts["reported"]


def to_report(user) -> list[dict]:
    """Per open round and unit of the person (reporter or planner): actions in total, reported, missing.

    Only the rounds that concern the person are read, so this does not grow with the region;
    the units are the person's memberships, a handful, with a query or two each.
    """
    units = sorted({m.unit for m in memberships_of(user) if m.role in REPORTING_ROLES}, key=lambda u: u.name)
    above = {unit.pk: org_queries.unit_ids_above([unit.pk]) for unit in units}
    below = {unit.pk: org_queries.unit_ids_below([unit.pk]) for unit in units}
    concerning = open_rounds().filter(units__in=set().union(*above.values())).distinct()
    rows = []
    for round in concerning.prefetch_related("plans", "units"):
        round_units = {u.pk for u in round.units.all()}
        for unit in units:
            if round_units & above[unit.pk]:
                total, reported = progress(round, below[unit.pk])
                rows.append(
                    {
                        "round": round,
                        "unit": unit,
                        "total": total,
                        "reported": reported,
                        "missing": total - reported,
                    }
                )
    return rows
