"""Who may write economy and staff figures; the roles themselves are in org/rules.py.

A unit's figures (ledger, investments, staff) are written by those who may manage the unit, its
action plan for savings by those who report for it (followup.report_for_unit). The chart of
accounts is every unit's: administrators change it, and the finance function (the role "ekonom"
at the organisation's top unit).
"""

import rules

from styrkort.followup.rules import may_manage_round
from styrkort.org.enums import Role
from styrkort.org.rules import is_administrator, may_manage_unit, memberships_of


@rules.predicate
def is_finance_function(user) -> bool:
    return any(m.role == Role.FINANCE and m.unit.parent_id is None for m in memberships_of(user))


may_change_chart_of_accounts = is_administrator | is_finance_function
may_write_unit_figures = may_manage_unit


@rules.predicate
def may_import_economy(user, round) -> bool:
    """Open the economy import of a round: its managers (for their units' figures) and those who keep
    the chart of accounts (for the chart); each row is then asked about on its own."""
    return round.is_open and (may_manage_round(user, round) or may_change_chart_of_accounts(user))


rules.add_perm("economy.change_chart_of_accounts", may_change_chart_of_accounts)
rules.add_perm("economy.write_unit_figures", may_write_unit_figures)
rules.add_perm("economy.import", may_import_economy)
