"""The economy page as an Excel workbook: the same EconomyReport, one sheet per table, figures as
numbers in mnkr (and per cent) so they can be summed and charted in a spreadsheet."""

import io
from decimal import Decimal

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from styrkort.core.xlsx import append_row

from .queries import MNKR
from .report import EconomyReport

MNKR_FORMAT = "#,##0.0;−#,##0.0"
MNKR_EXACT_FORMAT = "#,##0.0#;−#,##0.0#"
PERCENT_FORMAT = "0.0"


def _mnkr(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else amount / MNKR


def economy_xlsx(report: EconomyReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(name="Calibri", bold=True)  # the workbook's default font, bold

    def sheet(title: str, header: list[str], rows, *, formats: dict[int, str], totals: int = 0):
        worksheet = workbook.create_sheet(title[:31])
        append_row(worksheet, header)
        for cell in worksheet[1]:
            cell.font = bold
        for row in rows:
            append_row(worksheet, row)
        for row in worksheet.iter_rows(min_row=2):
            for index, number_format in formats.items():
                row[index].number_format = number_format
        for row in worksheet.iter_rows(min_row=worksheet.max_row - totals + 1) if totals else ():
            for cell in row:
                cell.font = bold
        worksheet.column_dimensions["A"].width = 44
        for letter in "BCDEF":
            worksheet.column_dimensions[letter].width = 22
        worksheet.freeze_panes = "B2"
        return worksheet

    year = report.year
    if report.statement:
        columns = report.columns
        month = str(MONTHS[report.outcome_month]) if report.outcome_month else ""
        worksheet = sheet(
            _("Income statement"),
            [_("Line"), *(f"{title}, mnkr" for title in report.column_titles)],
            ([row.label, *(_mnkr(v) for v in values)] for row, values in report.statement_cells),
            formats={i: MNKR_FORMAT for i in range(1, len(columns) + 1)},
        )
        for row in worksheet.iter_rows(min_row=2):
            if row[0].value in {r.label for r in report.statement if r.is_total}:
                for cell in row:
                    cell.font = bold
        append_row(worksheet, [])
        append_row(
            worksheet,
            [_("Outcome accumulated January–%(month)s %(year)s, mnkr") % {"month": month, "year": year}],
        )
    if report.departments:
        sheet(
            _("Result per department"),
            [_("Department"), *(str(y) for y in report.result_years)],
            [
                *([row.name, *(_mnkr(v) for v in row.results)] for row in report.departments),
                [
                    _("Total %(unit)s") % {"unit": report.unit_name},
                    *(_mnkr(v) for v in report.department_total),
                ],
            ],
            formats={i: MNKR_FORMAT for i in range(1, len(report.result_years) + 1)},
            totals=1,
        )
    if report.investments:
        total = report.investments_total()
        sheet(
            _("Investments"),
            [
                _("Project"),
                _("Budget %(year)s") % {"year": year},
                _("Outcome %(year)s") % {"year": year},
                _("Remaining, carried over"),
            ],
            [
                [i.project, _mnkr(i.budget), _mnkr(i.outcome), _mnkr(i.remaining)]
                for i in [*report.investments, total]
            ],
            formats={1: MNKR_FORMAT, 2: MNKR_FORMAT, 3: MNKR_FORMAT},
            totals=1,
        )
    if report.savings:
        estimated, realised = report.savings_total()
        sheet(
            _("Action plan for a balanced economy"),
            [
                _("Measure"),
                _("Timeline"),
                _("Responsible"),
                _("Estimated effect, mnkr"),
                _("Realised effect, mnkr"),
                _("Comment"),
            ],
            [
                *(
                    [
                        s.measure,
                        s.timeline,
                        s.owner,
                        _mnkr(s.estimated_effect),
                        _mnkr(s.realised_effect),
                        s.comment,
                    ]
                    for s in report.savings
                ),
                [pgettext("sum row", "Total"), "", "", _mnkr(estimated), _mnkr(realised), ""],
            ],
            formats={3: MNKR_EXACT_FORMAT, 4: MNKR_EXACT_FORMAT},
            totals=1,
        )
    staff_rows = [
        *([report.sick_leave_total] if report.sick_leave_total else []),
        *report.sick_leave_days,
        *report.sick_leave_gender,
        *report.sick_leave_age,
    ]
    if staff_rows or report.headcount:
        sheet(
            _("Staff"),
            [_("Measure"), str(year), str(year - 1), _("Note")],
            [[row.label, row.this_year, row.last_year, row.note] for row in [*staff_rows, *report.headcount]],
            formats={1: PERCENT_FORMAT, 2: PERCENT_FORMAT},
        )
    if not workbook.sheetnames:
        append_row(workbook.create_sheet(_("Economy and staff")), [_("No figures.")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
