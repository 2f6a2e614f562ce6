"""Who may write a plan and what belongs to it; the roles themselves are in org/rules.py.

A plan is changed, and what belongs to it (perspectives, goal areas, goals, indicators, targets,
assignments, actions), only by those who may plan for its owner: administrators, and planners at the
owning unit or above it. Other plans, owners and the unit tree are the administrator's.
"""

import rules
from django.utils.translation import gettext as _

from styrkort.errors import NotAllowed
from styrkort.org.rules import may_manage_unit_id


@rules.predicate
def may_change_plan(user, plan) -> bool:
    return may_manage_unit_id(user, plan.owner_id)


rules.add_perm("plans.change_plan", may_change_plan)


def check_may_change_plan(user, plan) -> None:
    if not may_change_plan(user, plan):
        raise NotAllowed(
            _("You may not change the plan %(plan)s: it is owned by %(owner)s.")
            % {"plan": plan.code, "owner": plan.owner.name}
        )


def check_may_own_plan(user, plan) -> None:
    """A new or changed plan's owner must be one the user may plan for."""
    if not may_manage_unit_id(user, plan.owner_id):
        raise NotAllowed(
            _("You may not let %(owner)s own the plan %(plan)s: only your own units and those below them.")
            % {"plan": plan.code, "owner": plan.owner.name}
        )
