"""Who may do what. Predicates take the user (and an object where one is involved)."""

import rules

from .enums import Role

PLANNING_ROLES = (Role.ADMINISTRATOR, Role.PLANNER)


def roles_of(user) -> set[str]:
    """The user's roles, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_styrkort_roles"):
        user._styrkort_roles = set(user.memberships.values_list("role", flat=True))
    return user._styrkort_roles


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or Role.ADMINISTRATOR in roles_of(user))


@rules.predicate
def is_planner(user) -> bool:
    return bool(roles_of(user) & {Role.PLANNER})


can_import_plans = is_administrator | is_planner
rules.add_perm("plans.import_workbook", can_import_plans)
