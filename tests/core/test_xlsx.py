"""The one row writer of every workbook the product writes (plan, follow-up and economy)."""

import io

import pytest

from styrkort.core.xlsx import append_row

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", ["=1+1", "+41", "-HYPERLINK(1)", "@SUM(A1)", "\t=1"])
def test_text_that_a_spreadsheet_would_run_is_written_as_text(text):
    from openpyxl import Workbook, load_workbook

    workbook = Workbook()
    append_row(workbook.active, ["RF1", text, 41])
    buffer = io.BytesIO()
    workbook.save(buffer)

    cells = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())

    assert [(cell.value, cell.data_type) for cell in cells] == [("RF1", "s"), (text, "s"), (41, "n")]
