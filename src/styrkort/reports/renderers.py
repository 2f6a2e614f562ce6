"""One renderer per format, each writing a Document (reports/document.py) without reading the database.

`render(document, fmt) -> bytes`; `FORMATS` names the formats with their media types and extensions.
"""

import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from styrkort.core.xlsx import append_row

from .document import Chart, Document, Heading, Paragraph, Table


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str


FORMATS = {
    f.name: f
    for f in (
        Format("html", "html", "text/html; charset=utf-8"),
        Format("pdf", "pdf", "application/pdf"),
        Format("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        Format("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )
}
PRINT_CSS = "styrkort/report.css"
CHART_CSS = "styrkort/charts.css"  # the charts' colours and lines, as on the pages


def render(document: Document, fmt: str) -> bytes:
    return {"html": render_html, "pdf": render_pdf, "docx": render_docx, "xlsx": render_xlsx}[fmt](document)


def _context(document: Document) -> dict:
    return {"document": document, "language": get_language() or "sv"}


def render_html(document: Document) -> bytes:
    """A page of its own, with the print stylesheet inline: it is a file, not a page of the site."""
    css = "\n".join(Path(finders.find(name)).read_text(encoding="utf-8") for name in (CHART_CSS, PRINT_CSS))
    return render_to_string("reports/document.html", _context(document) | {"css": css}).encode()


def render_pdf(document: Document) -> bytes:
    from weasyprint import CSS, HTML  # loads pango: only when a PDF is asked for

    html = render_to_string("reports/document.html", _context(document) | {"css": ""})
    # Only the print stylesheet: the charts carry their colours as attributes (core/charts.py).
    stylesheet = CSS(filename=finders.find(PRINT_CSS))
    return HTML(string=html).write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")


# --- DOCX ------------------------------------------------------------------------------------


def render_docx(document: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    docx = Docx()
    section = docx.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if document.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(2))
    docx.styles["Normal"].font.name = "Liberation Sans"
    docx.styles["Normal"].font.size = Pt(10)
    docx.core_properties.title = document.title
    docx.core_properties.language = get_language() or "sv"
    _page_numbers(section.footer.paragraphs[0])

    docx.add_heading(document.title, level=0)
    if document.subtitle:
        docx.add_paragraph(document.subtitle, style="Subtitle")
    for line in document.cover:
        docx.add_paragraph(line)
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if document.contents:
        _contents(docx)
    for block in document.blocks:
        if isinstance(block, Chart):
            _docx_chart(docx, block)
            continue
        if isinstance(block, Heading):
            docx.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            for text in re.split(r"\n\s*\n", block.text):
                paragraph = docx.add_paragraph(text.strip())
                if block.meta:
                    for run in paragraph.runs:
                        run.font.size = Pt(8)
        else:
            _docx_table(docx, block)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def chart_png(chart: Chart, width: int = 1600) -> bytes:
    """The chart as the page draws it (charts/_bar_chart.html), as a PNG for DOCX."""
    import cairosvg

    figure = render_to_string("charts/_bar_chart.html", {"chart": chart.chart, "chart_id": chart.anchor})
    svg = figure[figure.index("<svg") : figure.index("</svg>") + len("</svg>")]
    svg = svg.replace(
        "<svg ",
        '<svg xmlns="http://www.w3.org/2000/svg" font-family="Liberation Sans, DejaVu Sans, sans-serif" ',
        1,
    )
    return cairosvg.svg2png(bytestring=svg.encode(), output_width=width, background_color="white")


def _docx_chart(docx, chart: Chart) -> None:
    """A picture of the chart with its title as caption and as the picture's description; the table
    of the same figures follows it."""
    section = docx.sections[0]
    docx.add_paragraph(chart.chart.title, style="Caption")
    docx.add_picture(
        io.BytesIO(chart_png(chart)), width=section.page_width - section.left_margin - section.right_margin
    )
    picture = docx.inline_shapes[-1]._inline
    picture.docPr.set("descr", chart.chart.title)


def _contents(docx) -> None:
    """A table of contents as a Word field over the headings, filled in when the file is opened
    (updateFields): Word asks to update it, LibreOffice does so from Verktyg → Uppdatera."""
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    title = docx.add_paragraph().add_run(_("Contents"))  # not a heading: the contents would list itself
    title.bold, title.font.size = True, Pt(14)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), 'TOC \\o "1-1" \\h \\z \\u')
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = _("The table of contents is filled in when the document is updated.")
    run.append(text)
    field.append(run)
    docx.add_paragraph()._p.append(field)
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    docx.settings.element.append(update)


def _page_numbers(paragraph) -> None:
    """ "Sida X av Y" as Word fields, which Word and LibreOffice fill in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def field(instruction: str) -> None:
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        simple.append(run)
        paragraph._p.append(simple)

    before, _page, between = _("Page %(page)s of %(pages)s").partition("%(page)s")
    paragraph.add_run(before)
    field("PAGE")
    middle, _pages, after = between.partition("%(pages)s")
    paragraph.add_run(middle)
    field("NUMPAGES")
    paragraph.add_run(after)


def _docx_table(docx, table: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    docx.add_paragraph(table.title, style="Caption")
    grid = docx.add_table(rows=1, cols=len(table.header), style="Table Grid")
    grid.autofit = False
    shares = table.widths or (1,) * len(table.header)
    text_width = docx.sections[0].page_width - docx.sections[0].left_margin - docx.sections[0].right_margin
    column_widths = [int(text_width * share / sum(shares)) for share in shares]
    for column, width in zip(grid.columns, column_widths, strict=True):
        column.width = width  # the grid: what LibreOffice lays out by; Word reads the cells' widths
    header = grid.rows[0]
    repeat = OxmlElement("w:tblHeader")  # the header row again on each page the table runs over
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for index, (cell, title) in enumerate(zip(header.cells, table.header, strict=True)):
        cell.text = title
        cell.width = column_widths[index]
        cell.paragraphs[0].runs[0].bold = True
        if index in table.numeric:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row_index, row in enumerate(table.rows):
        cells = grid.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = value.text
            cell.width = column_widths[index]
            paragraph = cell.paragraphs[0]
            if index in table.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if row_index in table.total_rows:
                for run in paragraph.runs:
                    run.bold = True
    docx.add_paragraph()


# --- XLSX ------------------------------------------------------------------------------------

_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(document: Document) -> bytes:
    """A sheet per table, figures stored as numbers with their number format; the first sheet holds
    the cover and the report's texts under their headings, so no word of the document is left out."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    cover = workbook.active
    cover.title = _sheet_name(_("Report"), set())
    for line in (document.title, document.subtitle, *document.cover):
        if line:
            append_row(cover, [line])
    cover["A1"].font = Font(bold=True, size=14)
    cover.column_dimensions["A"].width = 100
    texts = [block for block in document.blocks if isinstance(block, Heading | Paragraph)]
    for index, block in enumerate(texts):
        if isinstance(block, Heading):
            following = texts[index + 1] if index + 1 < len(texts) else None
            if not isinstance(following, Paragraph):
                continue  # a heading over tables only: the tables' sheets are named
            append_row(cover, [])
            append_row(cover, [block.text])
            cover.cell(cover.max_row, 1).font = Font(bold=True)
        else:
            append_row(cover, [block.text])
            cover.cell(cover.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    used = {cover.title}
    bold = Font(bold=True)
    for table in document.tables:
        sheet = workbook.create_sheet(_sheet_name(table.title, used))
        used.add(sheet.title)
        append_row(sheet, table.header)
        for cell in sheet[1]:
            cell.font = bold
        for row_index, row in enumerate(table.rows):
            append_row(sheet, [cell.number if cell.number is not None else cell.text for cell in row])
            written = sheet[sheet.max_row]
            for cell, value in zip(written, row, strict=True):
                if value.number is not None and value.number_format:
                    cell.number_format = value.number_format
                if row_index in table.total_rows:
                    cell.font = bold
                if isinstance(cell.value, str) and len(cell.value) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        widths = table.widths or (1,) * len(table.header)
        for index, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + index)].width = min(80, 8 + width * 8)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _SHEET_NAME_FORBIDDEN.sub(" ", title).strip()[:31] or "Blad"
    name, number = base, 2
    while name.casefold() in {u.casefold() for u in used}:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    return name
