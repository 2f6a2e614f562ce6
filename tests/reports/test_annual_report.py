"""The RUF annual report 2023 as a document, in every format, against seed 002 (issue 13, done when).

The seed's figures and words are read from the seed itself (/work/shared/seeds/002_*.txt) where they
are words, and written here where they are figures printed in its tables.
"""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit
from styrkort.reports.builders import annual_report
from styrkort.reports.renderers import render

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def _seed(pattern: str) -> Path:
    """The seed beside the project's checkout (../shared/seeds), wherever the checkout is."""
    for folder in Path(__file__).resolve().parents:
        found = sorted((folder / "shared" / "seeds").glob(pattern))
        if found:
            return found[0]
    raise FileNotFoundError(f"seed {pattern} not found in shared/seeds beside the checkout or above it")


SEED = _seed("002_*.txt")
ACTION_CODES = {
    *(f"RF{n}" for n in (1, 3, 6, 7, 8, 11, 12, 13, 28, 29, 30, 31, 32, 34, 35, 36, 38)),
    *(f"RUN {n}" for n in range(1, 10)),
    "MO6.1",
    "MO6.2",
}
COVER = ["Denna rapport behandlas av Regionala utvecklingsnämnden 2024-01-23", "Diarienummer: RUF230038"]
# Seed 002, "Resultaträkning": budget 2023 | utfall 2023 | utfall 2022.
STATEMENT = {
    "Summa intäkter": ["240,1", "310,0", "291,9"],
    "Summa kostnader": ["−240,1", "−309,0", "−290,6"],
    "Resultat": ["0,0", "1,0", "1,3"],
}


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def document(full_demo):
    return annual_report(FollowUpRound.objects.get(code="AR-2023-RUF"), Unit.objects.get(code="RUF"))


def test_the_document_holds_every_part_of_the_seed(document):
    headings = [block.text for block in document.contents]

    assert document.cover[1:] == COVER
    for part in (
        "Inledning",
        "Väsentliga händelser",
        "Ekonomi",
        "Personal",
        "Tillkommande uppdrag under året",
    ):
        assert part in headings
    assert headings[-1] == "Bilaga: Sammanställning åtgärder"
    for area in ("Ett välmående Västmanland", "En stark och uthållig ekonomi"):
        assert area in headings


@pytest.mark.slow(reason="WeasyPrint lays out the whole annual report, some 16 pages")
def test_the_pdf_reads_as_the_seed(document):
    reader = PdfReader(io.BytesIO(render(document, "pdf")))
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))

    for line in COVER:
        assert line in text
    for code in ACTION_CODES:
        assert re.search(rf"(?<![\w.]){re.escape(code)}(?![\w.])", text), code
    for name, figures in STATEMENT.items():
        assert f"{name} {' '.join(figures)}" in text
    assert "Summa 1,3 0,6 0,7" in text  # investments
    assert "0,7 mnkr förs över till 2024" in text
    assert f"Sida 2 av {len(reader.pages)}" in text
    catalog = reader.trailer["/Root"]  # tagged for screen readers, as PDF/UA asks
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "sv"
    assert reader.metadata.title.startswith("Årsredovisning")


def test_the_docx_has_real_headings_and_every_action_with_the_seeds_comment(document):
    from docx import Document as Docx

    docx = Docx(io.BytesIO(render(document, "docx")))
    seed = squeezed(SEED.read_text(encoding="utf-8"))

    headings = [p.text for p in docx.paragraphs if p.style.name.startswith("Heading")]
    assert "Ekonomi" in headings
    charts = [shape._inline.docPr.get("descr") for shape in docx.inline_shapes]  # the charts as pictures
    assert charts == ["Resultat per verksamhet 2020–2023, mnkr", "Sjukfrånvaro efter längd, 2023 mot 2022, %"]
    assert any(p.text == COVER[0] for p in docx.paragraphs)
    appendix = [
        [cell.text for cell in row.cells]
        for table in docx.tables
        if [c.text for c in table.rows[0].cells] == ["Kod", "Åtgärd", "Status", "Kommentar"]
        for row in table.rows[1:]
    ]
    assert {row[0] for row in appendix} == ACTION_CODES
    for code, _text, _status, comment in appendix:
        assert squeezed(comment)[:60] in seed, code  # the comment is the seed's own words
    indicators = {
        row.cells[0].text: [c.text for c in row.cells] for table in docx.tables for row in table.rows
    }
    assert "+1,0 mnkr" in squeezed(indicators["Ekonomiskt resultat"][2])  # seed: "0 mnkr +1,0 mnkr Positiv"
    statement = next(t for t in docx.tables if t.rows[0].cells[0].text == "Rad")
    rows = {row.cells[0].text: [c.text for c in row.cells[1:4]] for row in statement.rows[1:]}
    assert {name: rows[name] for name in STATEMENT} == STATEMENT


def test_the_xlsx_stores_figures_as_numbers_in_a_sheet_per_table(document):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(render(document, "xlsx")))

    assert [workbook["Rapport"].cell(row, 1).value for row in (4, 5)] == COVER
    statement = workbook["Resultaträkning"]
    rows = {row[0].value: row for row in statement.iter_rows(min_row=2)}
    assert [float(cell.value) for cell in rows["Resultat"][1:4]] == [0.0, 1.0, 1.3]
    assert rows["Summa kostnader"][2].number_format == "#,##0.0;−#,##0.0"
    investments = workbook["Investeringar"]
    assert [investments.cell(5, column).value for column in (1, 2)] == ["Summa", 1.3]


def test_the_report_page_offers_the_downloads_and_a_file_comes_with_its_name(client, reader, full_demo):
    client.force_login(reader)

    page = client.get(reverse("reports:round_unit", args=["AR-2023-RUF", "RUF", "rapport"])).content.decode()
    download = client.get(reverse("reports:round_unit_file", args=["AR-2023-RUF", "RUF", "rapport", "docx"]))

    assert "Denna rapport behandlas av Regionala utvecklingsnämnden 2024-01-23" in page
    assert reverse("reports:round_unit_file", args=["AR-2023-RUF", "RUF", "rapport", "pdf"]) in page
    assert download["Content-Disposition"] == 'attachment; filename="rapport-ar-2023-ruf-ruf.docx"'
    assert (
        client.get(
            reverse("reports:round_unit_file", args=["AR-2023-RUF", "RUF", "rapport", "odt"])
        ).status_code
        == 404
    )
    assert client.get(reverse("reports:round_unit", args=["AR-2023-RUF", "RS", "rapport"])).status_code == 404


def test_a_closed_rounds_document_is_stored_and_served_again_until_the_round_is_reopened(
    client, reader, administrator, full_demo
):
    from styrkort.followup.services import round_reopen
    from styrkort.reports.models import StoredDocument

    client.force_login(reader)
    url = reverse("reports:round_unit_file", args=["AR-2023-RUF", "RUF", "rapport", "pdf"])

    first = client.get(url).content
    second = client.get(url).content

    assert first == second
    assert StoredDocument.objects.get().format == "pdf"
    round_reopen(user=administrator, round=FollowUpRound.objects.get(code="AR-2023-RUF"), reason="Rättelse")
    assert not StoredDocument.objects.exists()


def test_built_twice_a_closed_rounds_report_has_the_same_content(document):
    again = annual_report(FollowUpRound.objects.get(code="AR-2023-RUF"), Unit.objects.get(code="RUF"))

    assert render(again, "html") == render(document, "html")
    assert again == document


def test_an_open_rounds_report_says_on_its_cover_that_it_is_preliminary(full_demo):
    document = annual_report(FollowUpRound.objects.get(code="DR1-2024-RUF"), Unit.objects.get(code="RUF"))

    assert document.cover[-1].startswith("Preliminär: uppföljningen är öppen")


def test_a_large_report_is_built_by_the_worker_and_downloaded_from_its_page(
    client, reader, planner, full_demo, settings
):
    settings.BACKGROUND_REPORT_CELLS = 10  # the annual report has hundreds: built in the background
    client.force_login(reader)

    started = client.get(reverse("reports:round_unit_file", args=["DR1-2024-RUF", "RUF", "rapport", "docx"]))

    assert started.status_code == 302
    waiting = client.get(started["Location"])  # the tests' task backend ran it at once
    assert "Ladda ner rapport-dr1-2024-ruf-ruf.docx" in waiting.content.decode()
    job = waiting.context["job"]
    download = client.get(reverse("reports:job_file", args=[job.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="rapport-dr1-2024-ruf-ruf.docx"'
    assert download.content[:2] == b"PK"
    client.force_login(planner)
    assert client.get(reverse("reports:job_file", args=[job.pk])).status_code == 404  # not theirs


def test_the_job_page_says_how_far_the_worker_has_come(client, reader, full_demo):
    from styrkort.reports.models import ReportJob

    job = ReportJob.objects.create(
        user=reader, kind="annual", subject="RUF", format="pdf", language="sv", state="running", step=2
    )
    client.force_login(reader)

    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()

    assert "Steg 2 av 2: sidorna läggs ut." in page
    assert '<progress max="2" value="2"' in page
    assert 'hx-trigger="every 2s"' in page  # asked again until it is done
