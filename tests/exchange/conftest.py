import io

import pytest

from styrkort.demo.services import DEMO_WORKBOOK


def load(content: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(content))


def save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def demo_workbook():
    """The demo workbook, opened for a test to spoil."""
    return load(DEMO_WORKBOOK.read_bytes())


def workbook_content(content: bytes) -> dict[str, list[tuple]]:
    workbook = load(content)
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}
