"""A report as a document, apart from any format: headings, paragraphs and tables of cells.

A builder (reports/builders.py) makes one from the facts, with every label already in the reader's
language; a renderer (reports/renderers.py) writes it as HTML, PDF, DOCX or XLSX without a query.
So the formats cannot disagree: they print one document.
"""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Cell:
    """A table cell: its text as printed, and for a figure the number itself (XLSX stores it as a
    number, with `number_format`)."""

    text: str
    number: Decimal | None = None
    number_format: str = ""


@dataclass
class Table:
    title: str  # a sheet name in XLSX, a caption elsewhere
    header: list[str]
    rows: list[list[Cell]]
    numeric: frozenset[int] = frozenset()  # columns aligned as figures
    total_rows: frozenset[int] = frozenset()  # rows printed as sums
    widths: tuple[int, ...] = ()  # relative column widths; empty: even
    nowrap: frozenset[int] = frozenset()  # columns kept on one line (codes, timelines)
    centred: frozenset[int] = frozenset()  # columns of marks (an activity card's X)
    caption: bool = True  # False: a heading just above says the same
    row_headers: bool = True  # the first cell of a row names it (False: it may be empty, as a goal
    # printed once above its indicators)

    @property
    def short(self) -> bool:
        """Short enough to keep on one page with its caption: a few rows of little text."""
        return len(self.rows) <= 12 and sum(len(cell.text) for row in self.rows for cell in row) < 1200


@dataclass
class Heading:
    text: str
    level: int = 1  # 1: a goal area or a part of the report; 2 and 3 below it
    anchor: str = ""  # set by Document.add for the table of contents


@dataclass
class Paragraph:
    text: str  # paragraphs are separated by an empty line
    meta: bool = False  # a note in smaller print


@dataclass
class Chart:
    """A chart drawn in Python (core/charts.py) as SVG on the page and in the PDF; the table of the
    same figures follows it, and is what DOCX and XLSX hold."""

    chart: object  # a BarChart
    anchor: str = "chart"


Block = Heading | Paragraph | Table | Chart


@dataclass
class Document:
    title: str
    subtitle: str = ""
    cover: list[str] = field(default_factory=list)  # lines under the title on the cover
    blocks: list[Block] = field(default_factory=list)
    filename: str = "rapport"  # without extension
    landscape: bool = False

    def add(self, *blocks: Block) -> None:
        for block in blocks:
            if isinstance(block, Heading) and block.level == 1 and not block.anchor:
                block.anchor = f"del-{len(self.contents) + 1}"
            self.blocks.append(block)

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    @property
    def contents(self) -> list[Heading]:
        """The table of contents: the top-level headings."""
        return [block for block in self.blocks if isinstance(block, Heading) and block.level == 1]


def text_cells(*texts: str) -> list[Cell]:
    return [Cell(text) for text in texts]
