"""Workbook import and export: the plan workbook and the follow-up workbook.

An import is all-or-nothing: one transaction, rolled back on any problem (exchange/engine.py reads
the rows, each in its own savepoint, and names every problem's sheet, row and column).
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from styrkort.errors import StyrkortError
from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import round_units
from styrkort.followup.services import RoundClosed
from styrkort.org.models import Unit

from .economy_file import EconomyImport, EconomyImportResult, import_tables, is_xlsx
from .engine import Source, import_sheets, open_workbook, read_bytes, write_workbook
from .engine import max_upload_bytes as max_upload_bytes
from .engine import too_large_message as too_large_message
from .followup_workbook import (
    FOLLOWUP_SHEETS,
    FollowUpImportResult,
    FollowUpScope,
    scope_for_export,
    scope_from_workbook,
)
from .models import FrozenWorkbook
from .workbook import SHEETS, ImportResult, Problem

R = TypeVar("R", bound=ImportResult)


def plan_workbook_import(*, source: Source, user, dry_run: bool = False, progress=None) -> ImportResult:
    """Read a plan workbook and save it, or nothing of it. `dry_run` checks everything and saves nothing.

    `user` is the person importing: every row that changes something is checked against what they
    may change (plans/rules.py, org/rules.py) and saved in their name; rows left as they are pass.
    """

    def read(workbook, result: ImportResult) -> None:
        import_sheets(workbook, result, SHEETS, {"user": user})

    return _import_all_or_nothing(source, ImportResult(dry_run=dry_run, progress=progress), read)


def plan_workbook_export() -> bytes:
    """The whole plan register as a workbook that plan_workbook_import reads back unchanged."""
    return write_workbook(SHEETS)


def followup_workbook_import(
    *,
    source: Source,
    user,
    round: FollowUpRound | None = None,
    unit: Unit | None = None,
    dry_run: bool = False,
    overwrite: bool = False,
    progress=None,
) -> FollowUpImportResult:
    """Read what one unit reports in one round (docs/followup-workbook.md) and save it, or nothing of it.

    The sheet Uppföljning names the round and the unit. A caller that knows them (the page of round
    R and unit U) passes them, and a file about another round or unit is refused. `user` is the
    person importing: every row is saved in their name and only where they may report.

    A row someone else saved after the file was downloaded (its Version column is behind) is left as
    they saved it and listed in `result.left_alone`, unless `overwrite` says to save it anyway.
    """
    result = FollowUpImportResult(dry_run=dry_run, progress=progress)

    def read(workbook, result: FollowUpImportResult) -> None:
        scope = scope_from_workbook(workbook, result, user=user, round=round, unit=unit, overwrite=overwrite)
        if scope is not None:
            result.round, result.unit = scope.round, scope.unit
            import_sheets(workbook, result, FOLLOWUP_SHEETS, {"scope": scope})

    return _import_all_or_nothing(source, result, read)


def followup_workbook_export(*, round: FollowUpRound, unit: Unit) -> bytes:
    """The unit's part of the round, with what is reported so far; followup_workbook_import reads it back.
    A closed round's workbook is the one frozen when it closed.

    Raises UnitNotInRound when the unit does not report in the round.
    """
    scope: FollowUpScope = scope_for_export(round=round, unit=unit)
    if not round.is_open:
        frozen = (
            FrozenWorkbook.objects.filter(round=round, unit=unit).values_list("content", flat=True).first()
        )
        if frozen is not None:  # rounds closed before workbooks were frozen are written from live data
            return bytes(frozen)
    return write_workbook(FOLLOWUP_SHEETS, {"scope": scope})


def followup_workbooks_freeze(round: FollowUpRound) -> None:
    """A step of closing the round: every unit's workbook as it is now."""
    FrozenWorkbook.objects.filter(round=round).delete()
    FrozenWorkbook.objects.bulk_create(
        FrozenWorkbook(
            round=round,
            unit=unit,
            content=write_workbook(FOLLOWUP_SHEETS, {"scope": scope_for_export(round=round, unit=unit)}),
        )
        for unit in round_units(round)
    )


def followup_workbooks_release(round: FollowUpRound) -> None:
    """A step of reopening the round: its workbooks are written from live data again."""
    FrozenWorkbook.objects.filter(round=round).delete()


def economy_import(
    *, source: Source, round: FollowUpRound, user, dry_run: bool = False, progress=None
) -> EconomyImportResult:
    """Read an economy or staff file (CSV or XLSX, docs/ekonomiimport.md) into `round`, or nothing of it.

    Only those who may manage the round import (planners of its plans, administrators), and only into
    an open round. When every row is saved and every control total holds, the indicators measured by
    these figures get their measurements in the round.
    """
    from styrkort.economy.rules import may_import_economy
    from styrkort.economy.services import indicator_figures_save

    result = EconomyImportResult(dry_run=dry_run, progress=progress)
    if not round.is_open:
        result.problems.append(Problem("", None, None, str(RoundClosed(round))))
        return result
    if not may_import_economy(user, round):
        result.problems.append(
            Problem("", None, None, _("Only the round's planners and administrators import economy figures."))
        )
        return result
    content = read_bytes(source, result, allow_text=True)
    if content is None:
        return result
    workbook = open_workbook(content, result) if is_xlsx(content) else None
    if is_xlsx(content) and workbook is None:
        return result
    try:
        with transaction.atomic():
            state = EconomyImport(round=round, user=user, result=result)
            import_tables(content, workbook, state)
            if result.ok and state.touched:
                try:
                    result.measurements = indicator_figures_save(
                        user=user, round=round, units=list(state.touched.values())
                    )
                except (StyrkortError, ValidationError) as error:
                    result.problems.append(Problem("", None, None, _error_text(error)))
            if not result.saved:
                transaction.set_rollback(True)
    finally:
        if workbook is not None:
            workbook.close()
    return result


def _error_text(error) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def _import_all_or_nothing(source: Source, result: R, read: Callable[[object, R], None]) -> R:
    workbook = open_workbook(source, result)
    if workbook is None:
        return result
    try:
        with transaction.atomic():
            read(workbook, result)
            result.drop_follow_on_problems()
            if not result.saved:
                transaction.set_rollback(True)
    finally:
        workbook.close()
    return result
