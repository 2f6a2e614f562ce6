"""Reports (issue 13): the RUF annual report 2023 from the demo, built and rendered in each format.

PDF: the whole way (facts → document → HTML → PDF) against WeasyPrint alone on the same final HTML,
in the same run (goal: at most 1.3); DOCX and XLSX: time (goal: under 2 s here). Medians of 5, and
each builder's and renderer's query count. Prints a table; run with `python bench/reports.py`.
"""

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.environment import prepare as prepare_bench

WORK = prepare_bench("reports")

from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from styrkort.demo.services import demo_load
from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit
from styrkort.reports import renderers
from styrkort.reports.builders import annual_report

RUNS = 5


def median_s(call) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    call_command("migrate", verbosity=0)
    translation.activate("sv")
    demo_load()
    round = FollowUpRound.objects.prefetch_related("plans", "units").get(code="AR-2023-RUF")
    unit = Unit.objects.get(code="RUF")

    with CaptureQueriesContext(connection) as built:
        document = annual_report(round, unit)
    from weasyprint import CSS, HTML

    html = render_to_string("reports/document.html", {"document": document, "language": "sv", "css": ""})
    stylesheet = CSS(filename=finders.find(renderers.PRINT_CSS))
    HTML(string=html).write_pdf(stylesheets=[stylesheet])  # fonts and the like, once, outside the timings

    weasyprint = median_s(
        lambda: HTML(string=html).write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")
    )
    whole = median_s(lambda: renderers.render_pdf(annual_report(round, unit)))
    rows = [("pdf, whole way", whole, f"{whole / weasyprint:.2f}× WeasyPrint alone ({weasyprint:.2f} s)")]
    for fmt in ("docx", "xlsx", "html"):
        rows.append((fmt, median_s(lambda fmt=fmt: renderers.render(document, fmt)), ""))
    with CaptureQueriesContext(connection) as rendering:
        for fmt in renderers.FORMATS:
            renderers.render(document, fmt)
    tracemalloc.start()
    pdf = renderers.render_pdf(document)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)

    print(
        f"RUF annual report 2023: {pages} PDF pages, builder {len(built)} queries, renderers {len(rendering)} queries"
    )
    print(f"{'measure':<18} {'median':>9}  note")
    for name, seconds, note in rows:
        print(f"{name:<18} {seconds:>8.2f}s  {note}")
    print(f"peak Python memory while rendering the PDF: {peak / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
