"""Economy and staff files (docs/ekonomiimport.md): what a finance or HR system exports.

A CSV file holds one table, an XLSX workbook one per sheet; a table is known by its sheet name or,
failing that, by its header row. Tables: Kontoplan (account prefixes to income-statement lines),
Ekonomi (one row per unit, account, period, type and amount), Investeringar, Åtgärdsplan and
Personal. Rows are read and saved by exchange/engine.py, each in its own savepoint; afterwards the
control totals are checked against the lines. The caller's transaction makes it all-or-nothing.
"""

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styrkort.core.numbers import NumberError, parse_quantity
from styrkort.economy import services
from styrkort.economy.enums import STAFF_BREAKDOWNS, TOTAL_BREAKDOWN, LedgerKind, Section, StaffMeasure, Total
from styrkort.economy.formatting import format_mnkr
from styrkort.economy.queries import MNKR, line_of, mapping
from styrkort.economy.rules import may_write_unit_figures
from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import round_unit_ids
from styrkort.org.models import Unit

from .engine import XLSX_MAGIC, read_rows, rows_of, save_row
from .workbook import (
    CellError,
    Column,
    ImportResult,
    Problem,
    Sheet,
    SheetCount,
    UnknownReference,
    choice_reader,
    read_decimal,
    read_int,
    read_text,
)

KINDS = {
    "utfall": LedgerKind.OUTCOME,
    "budget": LedgerKind.BUDGET,
    "prognos": LedgerKind.FORECAST,
    "utfall föregående år": LedgerKind.PREVIOUS,
}
TOTALS = {"summa intäkter": Total.REVENUES, "summa kostnader": Total.COSTS, "resultat": Total.RESULT}
SECTIONS = {"intäkt": Section.REVENUE, "kostnad": Section.COST}
MEASURES = {
    "sjukfrånvaro": StaffMeasure.SICK_LEAVE,
    "anställda": StaffMeasure.EMPLOYEES,
    "årsarbetare": StaffMeasure.FTE,
}
# The amount column says its unit; kronor when it says none.
AMOUNT_SCALES = {"amount": Decimal(1), "amount_tkr": Decimal(1000), "amount_mnkr": MNKR}
_PERIOD = re.compile(r"^(\d{4})(?:-?(\d{1,2}))?$")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-"})
TOTALS_DIFFER = gettext_lazy(
    "%(name)s for %(unit)s, %(period)s (%(kind)s) is %(total)s mnkr, but its lines add up "
    "to %(sum)s mnkr: a difference of %(difference)s mnkr, more than rounding explains "
    "(%(tolerance)s mnkr)."
)
TABLES = ("Kontoplan", "Ekonomi", "Investeringar", "Åtgärdsplan", "Personal")


def read_period(value) -> tuple[int, int] | None:
    """2023 (the whole year), 2023-06 or 202306 (January to June), or a date in the month."""
    if isinstance(value, dt.datetime | dt.date):
        return value.year, value.month
    text = read_text(value)
    if not text:
        return None
    match = _PERIOD.match(text)
    month = int(match.group(2) or 12) if match else 0
    if not match or not 1 <= month <= 12:
        raise CellError(
            _("%(value)s is not a period. Write a year (2023) or a year and month (2023-06).")
            % {"value": text}
        )
    return int(match.group(1)), month


def read_account(value) -> tuple[str, str] | None:
    """(account number, "") or ("", control total)."""
    text = read_text(value)
    if not text:
        return None
    total = TOTALS.get(text.casefold())
    if total:
        return "", total
    digits = text.replace(" ", "")
    if not digits.isdigit():
        raise CellError(
            _(
                "%(value)s is neither an account number (digits) "
                "nor Summa intäkter, Summa kostnader or Resultat."
            )
            % {"value": text}
        )
    return digits, ""


def read_breakdown(value) -> str:
    text = read_text(value).translate(_DASHES)
    if not text:
        return TOTAL_BREAKDOWN
    known = {name.casefold().replace(" ", ""): name for name in STAFF_BREAKDOWNS}
    found = known.get(text.casefold().replace(" ", ""))
    if found is None:
        raise CellError(
            _("%(value)s is not one of the breakdowns: %(allowed)s.")
            % {"value": text, "allowed": ", ".join(STAFF_BREAKDOWNS)}
        )
    return found


def read_staff_value(value) -> Decimal | None:
    if read_text(value) == "":
        return None
    try:
        return parse_quantity(value, "%")
    except NumberError as error:
        raise CellError(str(error)) from None


@dataclass
class _Group:
    """The amounts of one unit, period and type in the file, for the totals check."""

    lines: dict[str, list[Decimal]] = field(default_factory=lambda: defaultdict(list))
    totals: dict[str, tuple[Decimal, int]] = field(default_factory=dict)
    # The coarsest precision the file writes these amounts in, in kronor (0,1 mnkr: 100 000).
    step: Decimal = Decimal(0)


@dataclass
class EconomyImportResult(ImportResult):
    measurements: int = 0  # indicator measurements taken from the figures


class EconomyImport:
    """The state of one import: the round, the person, caches, and the groups to check."""

    def __init__(self, *, round: FollowUpRound, user, result: EconomyImportResult):
        self.round, self.user, self.result = round, user, result
        self.unit_ids = round_unit_ids(round)
        self.units: dict[str, Unit] = {}
        self.touched: dict[int, Unit] = {}
        self.prefixes = None
        self.groups: dict[tuple, _Group] = defaultdict(_Group)
        self.amount_header = ""
        self.amount_key = "amount"

    # -- readers that need the import's caches

    def read_unit(self, value) -> Unit | None:
        code = read_text(value)
        if not code:
            return None
        if code not in self.units:
            found = Unit.objects.filter(code=code).first()
            if found is None:
                raise UnknownReference(_("There is no unit with the code %(code)s.") % {"code": code}, code)
            self.units[code] = found
        return self.units[code]

    # -- checks every table shares

    def _check_unit_and_period(self, unit: Unit, year: int, month: int = 12, field_name: str = "period"):
        errors = {}
        if not may_write_unit_figures(self.user, unit):
            errors["unit"] = _("You may not write figures for %(code)s: it is not one of your units.") % {
                "code": unit.code
            }
        elif unit.pk not in self.unit_ids:
            errors["unit"] = _("The unit %(code)s does not report in the round %(round)s.") % {
                "code": unit.code,
                "round": self.round.code,
            }
        if (year, month) > (self.round.as_of.year, self.round.as_of.month):
            errors[field_name] = _("The period %(period)s is after the round's date, %(date)s.") % {
                "period": _period_text(year, month) if field_name == "period" else year,
                "date": self.round.as_of.isoformat(),
            }
        if errors:
            raise ValidationError(errors)
        self.touched[unit.pk] = unit

    # -- savers, one per table; each gets the row's values and its number

    def save_mapping(self, *, row, prefix, line, section, order):
        line_obj, _created = services.statement_line_upsert(
            name=line, section=section, order=order or 0, user=self.user
        )
        self.prefixes = None  # read again for the Ekonomi table
        return services.account_mapping_upsert(prefix=prefix, line=line_obj, user=self.user)

    def save_ledger(self, *, row, unit, account, period, kind, **amounts):
        (number, total), (year, month) = account, period
        self._check_unit_and_period(unit, year, month)
        given = {key: value for key, value in amounts.items() if value is not None}
        if len(given) != 1:
            raise ValidationError({self.amount_key: _("A value is required.")})
        key, value = next(iter(given.items()))
        scale = AMOUNT_SCALES[key]
        amount = value * scale
        group = self.groups[unit.code, year, month, kind]
        group.step = max(group.step, scale * Decimal(1).scaleb(value.as_tuple().exponent))
        if number:
            if self.prefixes is None:
                self.prefixes = mapping()
            found = line_of(number, self.prefixes)
            if found is None:
                raise ValidationError(
                    {
                        "account": _(
                            "The account %(account)s belongs to no line of the income statement. "
                            "Add its first digits to the chart of accounts (Kontoplan)."
                        )
                        % {"account": number}
                    }
                )
            group.lines[found[3]].append(amount)
        else:
            group.totals[total] = (amount, row)
        return services.ledger_entry_upsert(
            unit=unit,
            year=year,
            month=month,
            kind=kind,
            account=number,
            total=total,
            amount=amount,
            user=self.user,
        )

    def save_staff(self, *, row, unit, measure, breakdown, period, value, note):
        year, month = period
        self._check_unit_and_period(unit, year, month)
        if value is None:
            raise ValidationError({"value": _("A value is required.")})
        return services.staff_figure_upsert(
            unit=unit,
            year=year,
            month=month,
            measure=measure,
            breakdown=breakdown,
            value=value,
            note=note,
            user=self.user,
        )

    def save_investment(self, *, row, unit, year, project, budget, outcome, remaining):
        # An investment's year is its budget year: the round's own year is allowed from January.
        self._check_unit_and_period(unit, year, 1, field_name="year")
        return services.investment_upsert(
            unit=unit,
            year=year,
            project=project,
            budget=budget * MNKR,
            outcome=outcome * MNKR,
            remaining=None if remaining is None else remaining * MNKR,
            user=self.user,
        )

    def save_savings(
        self, *, row, unit, measure, timeline, owner, estimated_effect, realised_effect, comment
    ):
        self._check_unit_and_period(unit, self.round.year, self.round.as_of.month)
        return services.savings_measure_upsert(
            round=self.round,
            unit=unit,
            measure=measure,
            timeline=timeline,
            owner=owner,
            estimated_effect=None if estimated_effect is None else estimated_effect * MNKR,
            realised_effect=None if realised_effect is None else realised_effect * MNKR,
            comment=comment,
            order=row,
            user=self.user,
        )

    # -- the control totals

    def check_totals(self, sheet_name: str) -> None:
        """Each control total against what it sums: Summa intäkter and Summa kostnader against their
        lines, Resultat against all lines and against the two sums."""
        names = {
            Total.REVENUES: _("Total revenues"),
            Total.COSTS: _("Total costs"),
            Total.RESULT: _("Result"),
        }
        for (unit_code, year, month, kind), group in self.groups.items():
            revenues, costs = group.lines.get(Section.REVENUE, []), group.lines.get(Section.COST, [])
            checks = [
                (total, sum(lines), len(lines))
                for total, lines in (
                    (Total.REVENUES, revenues),
                    (Total.COSTS, costs),
                    (Total.RESULT, revenues + costs),
                )
                if lines
            ]
            if {Total.REVENUES, Total.COSTS} <= group.totals.keys():
                checks.append(
                    (Total.RESULT, group.totals[Total.REVENUES][0] + group.totals[Total.COSTS][0], 2)
                )
            for total, lines_sum, count in checks:
                if total not in group.totals:
                    continue
                amount, row = group.totals[total]
                # Every figure is rounded to `step`: a sum of n of them may be off by half a step each.
                tolerance = group.step / 2 * (count + 1)
                if abs(amount - lines_sum) <= tolerance:
                    continue
                self.result.problems.append(
                    Problem(
                        sheet_name,
                        row,
                        self.amount_header,
                        TOTALS_DIFFER
                        % {
                            "name": names[total],
                            "unit": unit_code,
                            "period": _period_text(year, month),
                            "kind": _kind_word(kind),
                            "total": format_mnkr(amount, 1),
                            "sum": format_mnkr(lines_sum, 1),
                            "difference": format_mnkr(amount - lines_sum, 2),
                            "tolerance": format_mnkr(tolerance, 2),
                        },
                    )
                )


def _period_text(year: int, month: int) -> str:
    """2023 for a whole year, 2023-06 for January–June: as the file writes it."""
    return str(year) if month == 12 else f"{year}-{month:02}"


def _kind_word(kind: str) -> str:
    return next(word for word, value in KINDS.items() if value == kind)


def _mnkr(header: str, key: str, *, required: bool = False) -> Column:
    return Column(header, key, read_decimal, required=required)


def economy_sheets(state: EconomyImport) -> tuple[Sheet, ...]:
    unit = Column("Enhet", "unit", state.read_unit, required=True)
    nothing = lambda **_kwargs: ()  # noqa: E731 - these tables are imported only
    return (
        Sheet(
            name="Kontoplan",
            columns=(
                Column("Konto", "prefix", read_prefix, required=True),
                Column("Rad", "line", required=True),
                Column("Grupp", "section", choice_reader(SECTIONS), required=True),
                Column("Ordning", "order", read_int),
            ),
            key=("prefix",),
            save=state.save_mapping,
            export=nothing,
        ),
        Sheet(
            name="Ekonomi",
            columns=(
                unit,
                Column("Konto", "account", read_account, required=True),
                Column("Period", "period", read_period, required=True),
                Column("Typ", "kind", choice_reader(KINDS), required=True),
                Column("Belopp", "amount", read_decimal),
                Column("Belopp (kr)", "amount", read_decimal),
                Column("Belopp (tkr)", "amount_tkr", read_decimal),
                Column("Belopp (mnkr)", "amount_mnkr", read_decimal),
            ),
            key=("unit", "account", "period", "kind"),
            save=state.save_ledger,
            export=nothing,
        ),
        Sheet(
            name="Investeringar",
            columns=(
                unit,
                Column("År", "year", read_int, required=True),
                Column("Projekt", "project", required=True),
                _mnkr("Budget (mnkr)", "budget", required=True),
                _mnkr("Utfall (mnkr)", "outcome", required=True),
                _mnkr("Kvarvarande (mnkr)", "remaining"),
            ),
            key=("unit", "year", "project"),
            save=state.save_investment,
            export=nothing,
        ),
        Sheet(
            name="Åtgärdsplan",
            columns=(
                unit,
                Column("Åtgärd", "measure", required=True),
                Column("Tidplan", "timeline"),
                Column("Ansvarig", "owner"),
                _mnkr("Beräknad effekt (mnkr)", "estimated_effect"),
                _mnkr("Realiserad effekt (mnkr)", "realised_effect"),
                Column("Kommentar", "comment"),
            ),
            key=("unit", "measure"),
            save=state.save_savings,
            export=nothing,
        ),
        Sheet(
            name="Personal",
            columns=(
                unit,
                Column("Mått", "measure", choice_reader(MEASURES), required=True),
                Column("Indelning", "breakdown", read_breakdown),
                Column("Period", "period", read_period, required=True),
                Column("Värde", "value", read_staff_value),
                Column("Anteckning", "note"),
            ),
            key=("unit", "measure", "breakdown", "period"),
            save=state.save_staff,
            export=nothing,
        ),
    )


def read_prefix(value) -> str | None:
    account = read_account(value)
    if account is None:
        return None
    if not account[0]:
        raise CellError(
            _("%(value)s is not the first digits of an account number.") % {"value": read_text(value)}
        )
    return account[0]


# ---------------------------------------------------------------------------
# Reading a file into tables


class _Cell:
    data_type = "s"
    number_format = "General"

    def __init__(self, value):
        self.value = value


class _CsvSheet:
    """A CSV file dressed as a worksheet, so the engine reads both the same way."""

    title = ""

    def __init__(self, rows: list[list[str]]):
        self.rows = rows

    def iter_rows(self, max_col: int | None = None):
        for row in self.rows:
            yield tuple(_Cell(value) for value in row[:max_col])


class UnreadableFile(ValueError):
    """A file that is not readable text in CSV form; the message says why, in the person's language."""


def read_csv(content: bytes) -> list[list[str]]:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel saves it; `;`, `,` or tab between fields.

    Any line ends (Windows, Unix, old Mac). Raises UnreadableFile with the place of the problem.
    """
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError as error:
            raise UnreadableFile(
                _(
                    "The file is neither UTF-8 nor Windows-1252 text: byte %(position)s cannot be read. "
                    "Save it as CSV (UTF-8) and try again."
                )
                % {"position": error.start + 1}
            ) from None
    if "\x00" in text:
        raise UnreadableFile(
            _("The file is not text: save it as CSV (UTF-8) or as an Excel workbook (.xlsx).")
        )
    lines = io.StringIO(text, newline=None)  # universal newlines: \r alone ends a line too
    first = text.splitlines()[0] if text else ""
    reader = csv.reader(lines, delimiter=max(";,\t", key=first.count))
    try:
        return list(reader)
    except csv.Error as error:
        if "field larger" in str(error):
            reason = _("a field is longer than %(max)s characters") % {"max": f"{csv.field_size_limit():,}"}
        else:
            reason = _("its quotation marks or line ends are broken")
        raise UnreadableFile(
            _("Line %(line)s of the file could not be read: %(reason)s.")
            % {"line": reader.line_num, "reason": reason}
        ) from None


def tables_of(content: bytes, workbook, sheets: tuple[Sheet, ...], result: ImportResult):
    """[(sheet spec, worksheet)] in the order of `sheets` (the chart of accounts first)."""
    found = []
    if workbook is not None:
        candidates = [(ws.title, ws) for ws in workbook.worksheets]
    else:
        try:
            candidates = [("", _CsvSheet(read_csv(content)))]
        except UnreadableFile as error:
            result.problems.append(Problem("", None, None, str(error)))
            return []
    for name, worksheet in candidates:
        sheet = next((s for s in sheets if s.name.casefold() == name.casefold()), None) or _by_header(
            worksheet, sheets
        )
        if sheet is None:
            result.problems.append(
                Problem(
                    name,
                    1,
                    None,
                    _(
                        "The header row does not match any table. The tables are: %(tables)s "
                        "(docs/ekonomiimport.md)."
                    )
                    % {"tables": ", ".join(s.name for s in sheets)},
                )
            )
        else:
            found.append((sheet, worksheet))
    return sorted(found, key=lambda pair: sheets.index(pair[0]))


def _header(worksheet) -> set[str]:
    # A header that cannot be read matches no table; read_rows then names the broken row.
    first = next(rows_of(worksheet, worksheet.title, ImportResult()), ())
    return {str(cell.value).strip().casefold() for cell in first if cell.value is not None}


def _by_header(worksheet, sheets):
    header = _header(worksheet)
    for sheet in sheets:
        required = {c.header.casefold() for c in sheet.columns if c.required}
        known = {c.header.casefold() for c in sheet.columns}
        if required <= header and header <= known:
            return sheet
    return None


def import_tables(content: bytes, workbook, state: EconomyImport) -> None:
    result = state.result
    sheets = economy_sheets(state)
    for sheet, worksheet in tables_of(content, workbook, sheets, result):
        label = sheet.name
        if sheet.name == "Ekonomi":
            amount_headers = [h for h in _header(worksheet) if h.startswith("belopp")]
            if len(amount_headers) != 1:
                result.problems.append(
                    Problem(
                        label,
                        1,
                        None,
                        _("Give the amounts in one column: Belopp (kronor), Belopp (tkr) or Belopp (mnkr)."),
                    )
                )
                continue
            amount_column = next(c for c in sheet.columns if c.header.casefold() == amount_headers[0])
            state.amount_header, state.amount_key = amount_column.header, amount_column.key
        count = result.counts.setdefault(label, SheetCount())
        for row_number, values, _codes in read_rows(sheet, worksheet, result):
            save_row(sheet, {**values, "row": row_number}, row_number, result, count, {})
        if sheet.name == "Ekonomi":
            state.check_totals(label)


def is_xlsx(content: bytes) -> bool:
    return content.startswith(XLSX_MAGIC)
