"""The DOCX and XLSX reports open in LibreOffice: converted to PDF headless, without an error, with
their content (issue 13: "CI opens every DOCX and XLSX in LibreOffice headless")."""

import io
import os
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit
from styrkort.reports.builders import annual_report
from styrkort.reports.renderers import render

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

INSTALL = "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"


@pytest.fixture
def soffice() -> str:
    found = shutil.which("soffice")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("CI needs LibreOffice for this test: " + INSTALL)
    pytest.skip("LibreOffice not found: " + INSTALL)


def converted(soffice: str, tmp_path, files: dict[str, bytes]) -> dict[str, str]:
    """Each file converted to PDF by LibreOffice, as the text of the PDF (names apart from their
    extensions must differ: each PDF is named after its file)."""
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    profile = tmp_path / "profile"  # a profile of its own: two workers' LibreOffices do not share one
    subprocess.run(  # noqa: S603 - our own file names, LibreOffice found on the PATH
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *(str(tmp_path / name) for name in files),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    texts = {}
    for name in files:
        pdf = (tmp_path / "pdf" / name).with_suffix(".pdf")
        texts[name] = " ".join(
            " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages).split()
        )
    return texts


@pytest.mark.slow(reason="starts LibreOffice to convert two documents")
def test_the_annual_reports_docx_and_xlsx_open_in_libreoffice(soffice, tmp_path, full_demo):
    document = annual_report(FollowUpRound.objects.get(code="AR-2023-RUF"), Unit.objects.get(code="RUF"))

    texts = converted(
        soffice,
        tmp_path,
        {"rapport.docx": render(document, "docx"), "tabeller.xlsx": render(document, "xlsx")},
    )

    assert "Diarienummer: RUF230038" in texts["rapport.docx"]
    assert "Sida 2 av" in texts["rapport.docx"]
    assert "Summa kostnader −240,1 −309,0 −290,6" in texts["rapport.docx"]
    assert "Diarienummer: RUF230038" in texts["tabeller.xlsx"]
