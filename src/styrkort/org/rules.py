"""Who may do what. Predicates take the user (and an object where one is involved)."""

import rules

from .enums import Role
from .queries import unit_ids_below

PLANNING_ROLES = (Role.ADMINISTRATOR, Role.PLANNER)
REPORTING_ROLES = (Role.PLANNER, Role.REPORTER)


def memberships_of(user) -> list:
    """The user's memberships with their units, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_styrkort_memberships"):
        user._styrkort_memberships = list(user.memberships.select_related("unit"))
    return user._styrkort_memberships


def unit_ids_with_role(user, roles) -> frozenset[int]:
    """The units where the user has one of `roles`, with every unit below them; kept per request."""
    cache = user.__dict__.setdefault("_styrkort_units_by_roles", {})
    key = frozenset(roles)
    if key not in cache:
        cache[key] = unit_ids_below(m.unit_id for m in memberships_of(user) if m.role in key)
    return cache[key]


def roles_of(user) -> set[str]:
    """The user's roles."""
    return {membership.role for membership in memberships_of(user)}


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or Role.ADMINISTRATOR in roles_of(user))


@rules.predicate
def is_planner(user) -> bool:
    return bool(roles_of(user) & {Role.PLANNER})


@rules.predicate
def may_manage_unit(user, unit) -> bool:
    """Plan for a unit and write its own figures: administrators, and planners at the unit or above
    it. A planner's plans, rounds and economy reach no further than their units and those below."""
    return may_manage_unit_id(user, unit.pk)


def may_manage_unit_id(user, unit_id: int) -> bool:
    """may_manage_unit for a unit known by its id (a plan's owner_id), without loading it."""
    return is_administrator(user) or unit_id in unit_ids_with_role(user, {Role.PLANNER})


may_change_units = is_administrator  # the unit tree is the whole organisation's

can_import_plans = is_administrator | is_planner
rules.add_perm("plans.import_workbook", can_import_plans)
rules.add_perm("org.manage_unit", may_manage_unit)
rules.add_perm("org.change_unit", may_change_units)
