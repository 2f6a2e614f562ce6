"""The largest report of the bench region (issue 13): the annual report of administration
B-RF-N1-F1 in its round, about 375 actions. Prints its size, the time to build it and to render it
as PDF and DOCX, and the memory it took. Run with `python bench/large_report.py [SCALE]`; every plan
keeps its size at any scale, so the report is as large at 10× as at 1×."""

import io
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.environment import prepare as prepare_bench

WORK = prepare_bench("large-report")

from django.core.management import call_command
from django.utils import translation
from pypdf import PdfReader

from bench.generate import generate
from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit
from styrkort.reports.builders import annual_report
from styrkort.reports.renderers import render


def seconds(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def main(scale: int) -> None:
    call_command("migrate", verbosity=0)
    translation.activate("sv")
    totals, generated = seconds(lambda: generate(scale))
    print(f"scale {scale}×: {totals} generated in {generated:.0f} s", flush=True)
    unit = Unit.objects.get(code="B-RF-N1-F1")
    round = FollowUpRound.objects.prefetch_related("plans", "units").filter(units=unit).get()
    document, build = seconds(lambda: annual_report(round, unit))
    cells = sum(len(row) for table in document.tables for row in table.rows)
    pdf, pdf_time = seconds(lambda: render(document, "pdf"))
    tracemalloc.start()  # apart from the timing: tracing makes Python several times slower
    render(document, "pdf")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    _docx, docx_time = seconds(lambda: render(document, "docx"))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(
        f"{round.code}: {cells} table cells, built in {build:.2f} s; PDF {pages} pages in {pdf_time:.1f} s; "
        f"DOCX in {docx_time:.1f} s; peak Python memory {peak / 2**20:.0f} MB, "
        f"largest resident size {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
