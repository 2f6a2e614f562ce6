"""Every workbook the product writes puts its rows through here, so that no text becomes a formula."""

# A spreadsheet may run text that starts with these as a formula (=HYPERLINK(…) in a savings measure,
# +, - or @ in a note): such text is stored as a text cell, as it was typed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def append_row(worksheet, values) -> None:
    """Append `values` as one row; text is kept as text, never read as a formula."""
    worksheet.append(list(values))
    for cell in worksheet[worksheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
