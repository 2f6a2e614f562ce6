"""Reading and writing any workbook declared as Sheet specs (exchange/workbook.py).

The plan workbook and the follow-up workbook share all of it: the size, magic-number and formula
checks, header and cell reading, duplicate keys, a savepoint per row, and problems that name sheet,
row and column. The callers own the transaction that makes an import all-or-nothing.
"""

import io
import logging
import zipfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from styrkort.core.text import comparable
from styrkort.core.xlsx import append_row
from styrkort.errors import StyrkortError

from .workbook import (
    LIST_SEPARATOR,
    REFERENCE_SEPARATOR,
    CellError,
    Column,
    ImportResult,
    LeftAlone,
    Problem,
    Sheet,
    SheetCount,
    UnknownReference,
)

logger = logging.getLogger(__name__)

XLSX_MAGIC = b"PK\x03\x04"
MAX_ZIP_MEMBERS = 500  # a workbook is a few dozen parts
MAX_ZIP_RATIO = 100  # real sheets compress 3-20 times; a bomb thousands of times
BOMB_CHECKED_FROM = 1024 * 1024  # a small part may compress as well as it likes
MAX_ROWS = 100_000  # rows per sheet: the largest region's plan is a few thousand
# Columns read per row: the sheets have at most a few dozen. A sheet claiming 16,384 columns would
# otherwise be padded to that width on every row; a value in column 101 is refused, beyond it unread.
MAX_COLUMNS = 100
PROGRESS_EVERY = 100  # rows between reports of how far an import has come
# The shared strings are held in memory whole, as Python strings (many times their XML size).
MAX_SHARED_STRINGS_MB = 10
Source = Path | BinaryIO | bytes


def max_upload_bytes() -> int:
    return settings.MAX_UPLOAD_MB * 1024 * 1024


def too_large_message() -> str:
    return _("The file is larger than %(mb)s MB, the largest a workbook may be.") % {
        "mb": settings.MAX_UPLOAD_MB
    }


# ---------------------------------------------------------------------------
# Opening


def unreadable_workbook_message() -> str:
    return _("The file could not be read as an Excel workbook; it may be damaged or cut short.")


def open_workbook(source: Source, result: ImportResult):
    """The workbook, read-only, or None with the problem added: missing, too large, not an XLSX, damaged."""
    content = read_bytes(source, result)
    if content is None:
        return None
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for broken zips and XML; all mean the same here
        logger.info("Unreadable workbook", exc_info=True)
        result.problems.append(Problem("", None, None, unreadable_workbook_message()))
        return None


def read_bytes(source: Source, result: ImportResult, *, allow_text: bool = False) -> bytes | None:
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
    if content.startswith(XLSX_MAGIC):
        problem = zip_problem(content)
        if problem:
            result.problems.append(Problem("", None, None, problem))
            return None
    elif not allow_text:
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


def zip_problem(content: bytes) -> str | None:
    """What makes the ZIP inside an XLSX unsafe to open, read from its directory before anything is
    unpacked: too many members, too much unpacked, or a member that inflates like a bomb. None if fine.

    A 300 KB workbook that inflates to 100 MB took a minute of a web worker's CPU; these checks take
    milliseconds (the directory only), and real workbooks are far inside them.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return unreadable_workbook_message()
    limit = settings.MAX_UNPACKED_MB * 1024 * 1024
    if len(members) > MAX_ZIP_MEMBERS:
        return _("The workbook holds %(count)s parts; a workbook may hold at most %(max)s.") % {
            "count": len(members),
            "max": MAX_ZIP_MEMBERS,
        }
    unpacked = sum(member.file_size for member in members)
    if unpacked > limit:
        return _(
            "The workbook unpacks to %(mb)s MB, more than the %(max)s MB a workbook may hold. "
            "Save only the sheets the import needs and try again."
        ) % {"mb": round(unpacked / 1024 / 1024), "max": settings.MAX_UNPACKED_MB}
    for member in members:
        if member.filename.lower().endswith("sharedstrings.xml") and member.file_size > (
            MAX_SHARED_STRINGS_MB * 1024 * 1024
        ):
            return _(
                "The workbook's texts take %(mb)s MB, more than the %(max)s MB a workbook may hold. "
                "Save only the sheets the import needs and try again."
            ) % {"mb": round(member.file_size / 1024 / 1024), "max": MAX_SHARED_STRINGS_MB}
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > BOMB_CHECKED_FROM and ratio > MAX_ZIP_RATIO:
            return _(
                "A part of the workbook (%(part)s) inflates %(ratio)s times when unpacked, like a "
                "compression bomb; it is not opened."
            ) % {"part": member.filename, "ratio": round(ratio)}
    return None


# ---------------------------------------------------------------------------
# Importing


def import_sheets(
    workbook, result: ImportResult, sheets: Sequence[Sheet], context: dict[str, Any] | None = None
) -> None:
    """Every sheet with a `save`, in the order of `sheets`; unknown sheets are problems."""
    names = [sheet.name for sheet in sheets]
    for name in workbook.sheetnames:
        if name not in names:
            result.problems.append(
                Problem(
                    name,
                    None,
                    None,
                    _("Unknown sheet. The sheets are: %(allowed)s.") % {"allowed": ", ".join(names)},
                )
            )
    for sheet in sheets:
        if sheet.save is not None and sheet.name in workbook.sheetnames:
            result.counts[sheet.name] = _import_sheet(sheet, workbook[sheet.name], result, context or {})


def _import_sheet(sheet: Sheet, worksheet, result: ImportResult, context: dict[str, Any]) -> SheetCount:
    count = SheetCount()
    read = []
    for row_number, values, codes in read_rows(sheet, worksheet, result):
        read.append((row_number, values))
        if not save_row(sheet, values, row_number, result, count, context):
            result.refused_codes |= codes
    if sheet.warn is not None:
        result.warnings.extend(sheet.warn(read))
    return count


def read_rows(sheet: Sheet, worksheet, result: ImportResult) -> Iterator[tuple[int, dict, set[str]]]:
    """(row number, values by column key, codes the row defines) for each row that reads cleanly.

    Problems go to `result`: bad headers (then no rows at all), cells that cannot be read, and a
    key already seen on an earlier row. Blank rows and rows that say nothing are skipped.
    """
    rows = rows_of(worksheet, sheet.name, result)
    columns = _read_header(sheet, next(rows, None) or (), result)
    if columns is None:
        return
    seen_keys: dict[tuple, int] = {}
    for row_number, cells in enumerate(rows, start=2):
        if row_number > MAX_ROWS + 1:
            result.problems.append(
                Problem(
                    sheet.name,
                    row_number,
                    None,
                    _("The sheet has more than %(max)s rows, the most a sheet may have.") % {"max": MAX_ROWS},
                )
            )
            return
        if result.progress is not None and row_number % PROGRESS_EVERY == 0:
            result.progress(sheet.name, row_number)
        by_position = dict(enumerate(cells))
        if all(_blank(cell) for cell in by_position.values()) or _says_nothing(sheet, columns, by_position):
            continue
        values, row_ok = {}, True
        for index, column in columns.items():
            problem = _read_cell(sheet, column, by_position.get(index), row_number, values, result)
            if problem:
                result.problems.append(problem)
                row_ok = False
        codes = _row_codes(sheet, columns, by_position)
        if not row_ok:
            result.refused_codes |= codes
            continue
        for column in sheet.columns:
            if not column.read_only:
                values.setdefault(column.key, column.read(None))
        key_fields = sheet.key
        if sheet.key_when_blank and any(values[k] in ("", None) for k in sheet.key):
            key_fields = sheet.key_when_blank  # an action without a code is known by its text
        normal = _comparable_key if key_fields is sheet.key_when_blank else (lambda value: value)
        key = (key_fields, *(normal(values[k]) for k in key_fields))
        if key in seen_keys:
            result.problems.append(
                Problem(
                    sheet.name,
                    row_number,
                    sheet.column(key_fields[-1]).header,
                    _("The same %(what)s is already on row %(row)s of this sheet.")
                    % {"what": " + ".join(sheet.column(k).header for k in key_fields), "row": seen_keys[key]},
                )
            )
            continue
        seen_keys[key] = row_number
        yield row_number, values, codes


# What openpyxl raises, while it reads a sheet row by row, for a cell whose XML is not what Excel writes
# (<v>abc</v> for a number, 1E999, a shared-string index out of range, a bad coordinate, broken XML).
UNREADABLE_CELL = (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError, SyntaxError)


def rows_of(worksheet, sheet_name: str, result: ImportResult) -> Iterator[tuple]:
    """The worksheet's rows; a row that cannot be read ends them with a problem naming the sheet and row."""
    rows = worksheet.iter_rows(max_col=MAX_COLUMNS + 1)
    last_row = 0
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except UNREADABLE_CELL:
            logger.info("Unreadable row after %s in %s", last_row, sheet_name, exc_info=True)
            result.problems.append(
                Problem(
                    sheet_name,
                    last_row + 1,
                    None,
                    _(
                        "The row could not be read: a cell holds something that is not a valid value "
                        "(the file may have been made by another program than a spreadsheet). Open it "
                        "in a spreadsheet, save it as .xlsx and try again."
                    ),
                )
            )
            return
        last_row = next((cell.row for cell in cells if getattr(cell, "row", None)), last_row + 1)
        if len(cells) > MAX_COLUMNS and not _blank(cells[MAX_COLUMNS]):
            result.problems.append(
                Problem(
                    sheet_name,
                    last_row,
                    None,
                    _("The row has more than %(max)s columns, the most a sheet may have.")
                    % {"max": MAX_COLUMNS},
                )
            )
            return
        yield cells[:MAX_COLUMNS]


def _says_nothing(sheet: Sheet, columns: dict[int, Column], by_position: dict) -> bool:
    telling = [index for index, column in columns.items() if column.key in sheet.skip_when_blank]
    return bool(telling) and all(_blank(by_position.get(index)) for index in telling)


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


def _read_header(sheet: Sheet, header_cells, result: ImportResult) -> dict[int, Column] | None:
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


def _comparable_key(value):
    return comparable(value) if isinstance(value, str) else value


def _blank(cell) -> bool:
    return cell is None or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())


def _read_cell(
    sheet: Sheet, column: Column, cell, row_number: int, values: dict, result: ImportResult
) -> Problem | None:
    if column.read_only:
        return None
    raw = _cell_value(cell)
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
        return Problem(sheet.name, row_number, column.header, str(error), error.code in result.refused_codes)
    except CellError as error:
        return Problem(sheet.name, row_number, column.header, str(error))
    return None


def _cell_value(cell):
    """The value, except that a number shown as a percentage is read as it is shown.

    A spreadsheet turns "69 %" typed into a cell into 0.69 shown as 69 %; reading 0.69 would be a
    silent error of a hundred times, so the cell is read as the text "69 %" and its column decides.
    """
    if cell is None:
        return None
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        shown = (Decimal(repr(value)) * 100).normalize()
        return f"{shown:f} %"
    return value


def save_row(
    sheet: Sheet, values: dict, row_number: int, result: ImportResult, count: SheetCount, context: dict
) -> bool:
    """Save one row inside its own savepoint; its problems are added to `result`."""
    try:
        with transaction.atomic():
            _saved, created = sheet.save(**context, **values)
    except ValidationError as error:
        for field_name, messages in _error_items(error):
            column = next((c for c in sheet.columns if c.owns(field_name)), None)
            for message in messages:
                result.problems.append(
                    Problem(sheet.name, row_number, column.header if column else None, message)
                )
        return False
    except LeftAlone as error:
        result.left_alone.append(Problem(sheet.name, row_number, None, str(error)))
        return True
    except (CellError, StyrkortError) as error:
        result.problems.append(Problem(sheet.name, row_number, None, str(error)))
        return False
    except DatabaseError:
        logger.warning("Database refused row %s of %s", row_number, sheet.name, exc_info=True)
        result.problems.append(
            Problem(
                sheet.name, row_number, None, _("The row could not be saved; check its codes and references.")
            )
        )
        return False
    if created:
        count.created += 1
    else:
        count.updated += 1
    return True


def _error_items(error: ValidationError):
    if hasattr(error, "error_dict"):
        for field_name, errors in error.error_dict.items():
            yield field_name, [message for e in errors for message in e.messages]
    else:
        yield "__all__", error.messages


# ---------------------------------------------------------------------------
# Exporting


def write_workbook(sheets: Sequence[Sheet], context: dict[str, Any] | None = None) -> bytes:
    """One sheet per spec with a bold header row; read-only columns have a grey header."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        columns = [
            column for column in sheet.columns if column.shown is None or column.shown(**(context or {}))
        ]
        worksheet.append([column.header for column in columns])
        for cell, column in zip(worksheet[1], columns, strict=True):
            cell.font = Font(bold=True, italic=column.read_only, color="666666" if column.read_only else None)
        worksheet.freeze_panes = "A2"
        for row in sheet.export(**(context or {})):
            append_row(worksheet, [row[column.key] for column in columns])
        for position, column in enumerate(columns, start=1):
            width = column.width or max(10, min(60, len(column.header) + 6))
            worksheet.column_dimensions[get_column_letter(position)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
