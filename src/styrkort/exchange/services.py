"""Plan workbook import and export. Import is all-or-nothing: one transaction, rolled back on any problem."""

import io
import logging
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from .workbook import (
    LIST_SEPARATOR,
    REFERENCE_SEPARATOR,
    SHEETS,
    SHEETS_BY_NAME,
    CellError,
    ImportResult,
    Problem,
    Sheet,
    SheetCount,
    UnknownReference,
)

logger = logging.getLogger(__name__)

XLSX_MAGIC = b"PK\x03\x04"


def max_upload_bytes() -> int:
    return settings.MAX_UPLOAD_MB * 1024 * 1024


def plan_workbook_import(*, source: Path | BinaryIO | bytes, dry_run: bool = False) -> ImportResult:
    """Read a plan workbook and save it, or nothing of it. `dry_run` checks everything and saves nothing."""
    result = ImportResult(dry_run=dry_run)
    content = _read_bytes(source, result)
    if content is None:
        return result
    workbook = _open_workbook(content, result)
    if workbook is None:
        return result
    try:
        with transaction.atomic():
            _import_sheets(workbook, result)
            result.drop_follow_on_problems()
            if not result.saved:
                transaction.set_rollback(True)
    finally:
        workbook.close()
    return result


def plan_workbook_export() -> bytes:
    """The whole plan register as a workbook that plan_workbook_import reads back unchanged."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.append([column.header for column in sheet.columns])
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        worksheet.freeze_panes = "A2"
        for row in sheet.export():
            worksheet.append([row[column.key] for column in sheet.columns])
            _keep_text_as_text(worksheet[worksheet.max_row])
        for letter, column in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", sheet.columns, strict=False):
            worksheet.column_dimensions[letter].width = max(10, min(60, len(column.header) + 6))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _keep_text_as_text(cells) -> None:
    """Text that starts with "=" is stored as text: a spreadsheet must never run it as a formula."""
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _read_bytes(source, result: ImportResult) -> bytes | None:
    limit = max_upload_bytes()
    if isinstance(source, Path) and not source.is_file():
        result.problems.append(
            Problem("", None, None, _("The file %(path)s does not exist.") % {"path": source})
        )
        return None
    if isinstance(source, bytes):
        content = source
    elif isinstance(source, Path):
        with source.open("rb") as file:
            content = file.read(limit + 1)
    else:
        content = source.read(limit + 1)
    if len(content) > limit:
        result.problems.append(Problem("", None, None, too_large_message()))
        return None
    if not content.startswith(XLSX_MAGIC):
        result.problems.append(
            Problem(
                "",
                None,
                None,
                _("The file is not an Excel workbook (.xlsx). Save it as .xlsx and try again."),
            )
        )
        return None
    return content


def too_large_message() -> str:
    return _("The file is larger than %(mb)s MB, the largest a workbook may be.") % {
        "mb": settings.MAX_UPLOAD_MB
    }


def _open_workbook(content: bytes, result: ImportResult):
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for broken zips and XML; all mean the same here
        logger.info("Unreadable workbook", exc_info=True)
        result.problems.append(
            Problem(
                "",
                None,
                None,
                _("The file could not be read as an Excel workbook; it may be damaged or cut short."),
            )
        )
        return None


def _import_sheets(workbook, result: ImportResult) -> None:
    for name in workbook.sheetnames:
        if name not in SHEETS_BY_NAME:
            allowed = ", ".join(SHEETS_BY_NAME)
            result.problems.append(
                Problem(
                    name, None, None, _("Unknown sheet. The sheets are: %(allowed)s.") % {"allowed": allowed}
                )
            )
    for sheet in SHEETS:
        if sheet.name in workbook.sheetnames:
            result.counts[sheet.name] = _import_sheet(sheet, workbook[sheet.name], result)


def _import_sheet(sheet: Sheet, worksheet, result: ImportResult) -> SheetCount:
    count = SheetCount()
    rows = worksheet.iter_rows()
    header_cells = next(rows, None)
    columns = _read_header(sheet, header_cells or (), result)
    if columns is None:
        return count
    seen_keys: dict[tuple, int] = {}
    for row_number, cells in enumerate(rows, start=2):
        by_position = {index: cell for index, cell in enumerate(cells)}
        if all(_blank(cell) for cell in by_position.values()):
            continue
        values, row_ok = {}, True
        for index, column in columns.items():
            cell = by_position.get(index)
            problem = _read_cell(sheet, column, cell, row_number, values, result.refused_codes)
            if problem:
                result.problems.append(problem)
                row_ok = False
        if not row_ok:
            result.refused_codes |= _row_codes(sheet, columns, by_position)
            continue
        for column in sheet.columns:
            values.setdefault(column.key, column.read(None))
        key = tuple(values[k] for k in sheet.key)
        if key in seen_keys:
            result.problems.append(
                Problem(
                    sheet.name,
                    row_number,
                    sheet.column(sheet.key[-1]).header,
                    _("The same %(what)s is already on row %(row)s of this sheet.")
                    % {"what": " + ".join(sheet.column(k).header for k in sheet.key), "row": seen_keys[key]},
                )
            )
            continue
        seen_keys[key] = row_number
        if not _save_row(sheet, values, row_number, result, count):
            result.refused_codes |= _row_codes(sheet, columns, by_position)
    return count


def _row_codes(sheet: Sheet, columns: dict, by_position: dict) -> set[str]:
    """What other rows may refer to on this row: its code (PLAN/KOD where codes are unique within a
    plan) and, for indicators, the breakdown names the row would have added."""
    raw = {column.key: by_position.get(index) for index, column in columns.items()}

    def text(key: str) -> str:
        cell = raw.get(key)
        return "" if cell is None or cell.value is None else str(cell.value).strip()

    codes = {item.strip() for item in text("breakdowns").split(LIST_SEPARATOR) if item.strip()}
    identifying = [key for key in sheet.key if key in ("code", "number")]
    if identifying:
        code = text(identifying[0])
        codes.add(f"{text('plan')}{REFERENCE_SEPARATOR}{code}" if "plan" in sheet.key else code)
    return codes


def _read_header(sheet: Sheet, header_cells, result: ImportResult) -> dict | None:
    known = {column.header.casefold(): column for column in sheet.columns}
    columns, problems = {}, []
    for index, cell in enumerate(header_cells):
        text = str(cell.value).strip() if cell.value is not None else ""
        if not text:
            continue
        column = known.get(text.casefold())
        if column is None:
            problems.append(
                Problem(
                    sheet.name,
                    1,
                    text,
                    _("Unknown column. The columns of this sheet are: %(allowed)s.")
                    % {"allowed": ", ".join(c.header for c in sheet.columns)},
                )
            )
        elif column in columns.values():
            problems.append(Problem(sheet.name, 1, text, _("The column appears twice.")))
        else:
            columns[index] = column
    for column in sheet.columns:
        if column.required and column not in columns.values():
            problems.append(Problem(sheet.name, 1, column.header, _("A required column is missing.")))
    result.problems.extend(problems)
    return None if problems else columns


def _blank(cell) -> bool:
    return cell is None or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())


def _read_cell(
    sheet: Sheet, column, cell, row_number: int, values: dict, refused: set[str]
) -> Problem | None:
    raw = None if cell is None else cell.value
    if cell is not None and getattr(cell, "data_type", None) == "f":
        return Problem(
            sheet.name,
            row_number,
            column.header,
            _("The cell holds a formula (%(formula)s); type the value itself instead.") % {"formula": raw},
        )
    if column.required and (raw is None or str(raw).strip() == ""):
        return Problem(sheet.name, row_number, column.header, _("A value is required."))
    try:
        values[column.key] = column.read(raw)
    except UnknownReference as error:
        return Problem(sheet.name, row_number, column.header, str(error), error.code in refused)
    except CellError as error:
        return Problem(sheet.name, row_number, column.header, str(error))
    return None


def _save_row(sheet: Sheet, values: dict, row_number: int, result: ImportResult, count: SheetCount) -> bool:
    try:
        with transaction.atomic():
            _saved, created = sheet.save(**values)
    except ValidationError as error:
        for field_name, messages in _error_items(error):
            column = next((c for c in sheet.columns if c.owns(field_name)), None)
            for message in messages:
                result.problems.append(
                    Problem(sheet.name, row_number, column.header if column else None, message)
                )
        return
    except CellError as error:
        result.problems.append(Problem(sheet.name, row_number, None, str(error)))
        return
    except DatabaseError:
        logger.warning("Database refused row %s of %s", row_number, sheet.name, exc_info=True)
        result.problems.append(
            Problem(
                sheet.name, row_number, None, _("The row could not be saved; check its codes and references.")
            )
        )
        return
    if created:
        count.created += 1
    else:
        count.updated += 1


def _error_items(error: ValidationError):
    if hasattr(error, "error_dict"):
        for field_name, errors in error.error_dict.items():
            yield field_name, [message for e in errors for message in e.messages]
    else:
        yield "__all__", error.messages
