"""Who may write what in a follow-up round.

Reporters write for their own units (and the units below them), planners for the plans their
units own, administrators everything; nobody writes in a closed round. Readers read.

Each rule is one named predicate, called by the pages, the services behind them, the imports and
the commands alike, and registered as a permission (`followup.report_action` …) for templates and
the API. A permission about something in a round takes the pair (round, item) as its object:
`user.has_perm("followup.report_action", (round, action))`.
"""

import rules

from styrkort.followup.queries import responsible_unit_ids
from styrkort.org.enums import Role
from styrkort.org.rules import REPORTING_ROLES, is_administrator, may_manage_unit, unit_ids_with_role


def _planner_units(user) -> frozenset[int]:
    return unit_ids_with_role(user, {Role.PLANNER})


def _reporting_units(user) -> frozenset[int]:
    return unit_ids_with_role(user, REPORTING_ROLES)


@rules.predicate
def may_manage_round(user, round) -> bool:
    """Create, close and see the overview: planners of a plan in the round, administrators."""
    if is_administrator(user):
        return True
    planner_units = _planner_units(user)
    return any(plan.owner_id in planner_units for plan in round.plans.all())


def manageable_rounds(rounds, user):
    """The rounds among `rounds` that the user may manage (may_manage_round), as a queryset."""
    if is_administrator(user):
        return rounds
    return rounds.filter(plans__owner__in=_planner_units(user)).distinct()


@rules.predicate
def may_set_up_round(user, plans) -> bool:
    """Administrators; planners when every plan is owned by one of their units (or one below). The
    units that report in the round must be theirs too (units_not_managed)."""
    if is_administrator(user):
        return True
    planner_units = _planner_units(user)
    return bool(planner_units) and all(plan.owner_id in planner_units for plan in plans or ())


def units_not_managed(user, units) -> list:
    """The units among `units` that the user may not manage (may_manage_unit)."""
    return [unit for unit in units if not may_manage_unit(user, unit)]


@rules.predicate
def may_reopen_round(user) -> bool:
    return is_administrator(user)


def may_report_for_unit(user, round, unit) -> bool:
    """Reporters and planners for their own units and those below; managing a round that another
    unit reports in gives no right to write for that unit."""
    if not round.is_open:
        return False
    return is_administrator(user) or unit.pk in _reporting_units(user)


def may_report_action(user, round, action) -> bool:
    if not round.is_open:
        return False
    if is_administrator(user) or action.plan.owner_id in _planner_units(user):
        return True
    reporting = _reporting_units(user)
    return any(pk in reporting for pk in responsible_unit_ids(action))


def may_report_assignment(user, round, assignment) -> bool:
    """The receiving unit's reporters and planners, and the planners of the plan that gives it."""
    if not round.is_open:
        return False
    if is_administrator(user) or assignment.plan.owner_id in _planner_units(user):
        return True
    return assignment.receiver_id in _reporting_units(user)


def may_report_indicator(user, round, indicator) -> bool:
    if not round.is_open:
        return False
    goal = indicator.goal
    if is_administrator(user) or goal.plan.owner_id in _planner_units(user):
        return True
    return (goal.unit_id or goal.plan.owner_id) in _reporting_units(user)


def may_report_goal(user, round, goal) -> bool:
    if not round.is_open:
        return False
    if is_administrator(user) or goal.plan.owner_id in _planner_units(user):
        return True
    return (goal.unit_id or goal.plan.owner_id) in _reporting_units(user)


def _in_round(rule):
    """`rule(user, round, item)` as a permission over the pair (round, item): rules' predicates take
    one object."""
    return rules.predicate(lambda user, round_and_item: rule(user, *round_and_item), name=rule.__name__)


rules.add_perm("followup.manage_round", may_manage_round)
rules.add_perm("followup.set_up_round", may_set_up_round)
rules.add_perm("followup.reopen_round", may_reopen_round)
rules.add_perm("followup.publish_round", may_manage_round)
rules.add_perm("followup.withdraw_publication", may_reopen_round)
rules.add_perm("followup.report_for_unit", _in_round(may_report_for_unit))
rules.add_perm("followup.report_action", _in_round(may_report_action))
rules.add_perm("followup.report_assignment", _in_round(may_report_assignment))
rules.add_perm("followup.report_indicator", _in_round(may_report_indicator))
rules.add_perm("followup.report_goal", _in_round(may_report_goal))
