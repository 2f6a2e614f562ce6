"""Open data: every table of the public pages as CSV and JSON, and the whole public plan as a ZIP.

The tables are built once from what the pages show (the roll-up and the public measurements) and
then written per format. CSV is for Excel in Swedish: UTF-8 with a byte order mark, `;` between
columns and a decimal comma; JSON has the same rows with numbers as numbers. Every value row says
its unit, its series (breakdown) and its year, so a file read alone is not misread.
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from styrkort.followup.models import Measurement
from styrkort.followup.public import public_measurement_q
from styrkort.plans.models import BreakdownBaseline, Target

from .rollup import PublicRollup

TOTAL = "Totalt"


@dataclass(frozen=True)
class Column:
    name: str
    description: str


@dataclass
class Table:
    name: str  # the file's name without extension
    title: str
    columns: list[Column]
    rows: list[dict]


VALUE_COLUMNS = [
    Column("plan", "Planens kod"),
    Column("malomrade", "Målområdets namn i den öppna planen"),
    Column("mal", "Målet som indikatorn mäter"),
    Column("indikator_kod", "Indikatorns kod"),
    Column("indikator", "Indikatorns namn"),
    Column("enhet", "Måttenhet, t.ex. % eller antal"),
    Column("serie", "Indelning (t.ex. Kvinnor, Män); Totalt för hela värdet"),
    Column("ar", "Året värdet gäller"),
    Column("typ", "utfall, nuläge (utgångsvärde när planen antogs) eller målvärde"),
    Column("jamforelse", "För målvärden: hur utfallet jämförs med värdet (t.ex. >, <, minst)"),
    Column("varde", "Värdet; tomt när data saknas"),
    Column("saknas", "ja när data saknas för året"),
    Column(
        "uppfoljning",
        "Koden för den publicerade uppföljning som värdet rapporterades i; tomt om det kom med planen",
    ),
]
INDICATOR_COLUMNS = [
    Column("plan", "Planens kod"),
    Column("malomrade", "Målområdets namn i den öppna planen"),
    Column("mal_kod", "Målets kod"),
    Column("mal", "Målets namn"),
    Column("kod", "Indikatorns kod"),
    Column("namn", "Indikatorns namn"),
    Column("definition", "Hur indikatorn mäts"),
    Column("enhet", "Måttenhet"),
    Column("onskad_riktning", "Önskad riktning: öka, minska eller behålla"),
    Column("kalla", "Varifrån värdena kommer"),
    Column("status", "Status i den senaste publicerade uppföljningen"),
    Column("trend", "Trend i den senaste publicerade uppföljningen"),
    Column("uppfoljning", "Den publicerade uppföljning som status och trend kommer från"),
]
ACTIVITY_COLUMNS = [
    Column("plan", "Koden för planen som aktiviteten hör till"),
    Column("malomrade", "Målområdets namn i den öppna planen"),
    Column("kod", "Aktivitetens kod"),
    Column("text", "Aktiviteten"),
    Column("ansvariga", "Ansvariga enheter"),
    Column("tidplan", "När aktiviteten ska genomföras"),
    Column("bedomning", "Bedömning i den senaste publicerade uppföljningen: grön, gul eller röd"),
    Column("status", "Genomförandestatus, t.ex. pågår eller klart"),
    Column("kommentar", "Kommentaren i uppföljningen"),
    Column("uppfoljning", "Den publicerade uppföljning som bedömningen kommer från"),
]


def _label(choice_class, value: str) -> str:
    return str(choice_class(value).label) if value else ""


def value_table(rollup: PublicRollup, *, indicator_code: str | None = None) -> Table:
    """Every public value of the roll-up's indicators (or of one): baselines, outcomes, targets.
    Three queries."""
    indicators = {
        item.indicator.pk: (area, item.indicator)
        for area in rollup.areas
        for item in area.indicators
        if indicator_code is None or item.indicator.code == indicator_code
    }

    def row(indicator_pk: int, serie, year, kind: str, value, *, comparison="", missing=False, round_code=""):
        area, indicator = indicators[indicator_pk]
        return {
            "plan": indicator.goal.plan.code,
            "malomrade": area.area.name,
            "mal": indicator.goal.name,
            "indikator_kod": indicator.code,
            "indikator": indicator.name,
            "enhet": indicator.unit_of_measure,
            "serie": serie.name if serie else TOTAL,
            "ar": year,
            "typ": kind,
            "jamforelse": comparison,
            "varde": None if missing else value,
            "saknas": "ja" if missing else "",
            "uppfoljning": round_code,
        }

    values = [
        row(pk, None, indicator.baseline_year, "nuläge", indicator.baseline_value)
        for pk, (_area, indicator) in indicators.items()
        if indicator.baseline_value is not None
    ]
    values += [
        row(b.indicator_id, b.breakdown, b.year, "nuläge", b.value)
        for b in BreakdownBaseline.objects.filter(indicator__in=indicators).select_related("breakdown")
    ]
    values += [
        row(
            m.indicator_id,
            m.breakdown,
            m.period,
            "utfall",
            m.value,
            missing=m.missing,
            round_code=m.round.code if m.round else "",
        )
        for m in Measurement.objects.filter(public_measurement_q(), indicator__in=indicators).select_related(
            "breakdown", "round"
        )
    ]
    values += [
        row(t.indicator_id, t.breakdown, t.year, "målvärde", t.value, comparison=t.get_comparator_display())
        for t in Target.objects.filter(indicator__in=indicators).select_related("breakdown")
    ]
    values.sort(
        key=lambda row: (row["indikator_kod"], row["ar"], row["typ"], row["serie"] != TOTAL, row["serie"])
    )
    return Table("varden", "Indikatorernas värden: utfall, nulägen och målvärden", VALUE_COLUMNS, values)


def _round_code(rollup: PublicRollup, plan_id: int, line) -> str:
    """The published round a line comes from: its plan's latest (rollup.py)."""
    return rollup.rounds[plan_id].code if line else ""


def indicator_table(rollup: PublicRollup) -> Table:
    from styrkort.followup.status import IndicatorStatus, Trend

    rows = [
        {
            "plan": item.indicator.goal.plan.code,
            "malomrade": area.area.name,
            "mal_kod": item.indicator.goal.code,
            "mal": item.indicator.goal.name,
            "kod": item.indicator.code,
            "namn": item.indicator.name,
            "definition": item.indicator.definition,
            "enhet": item.indicator.unit_of_measure,
            "onskad_riktning": item.indicator.get_direction_display(),
            "kalla": " ".join(
                part for part in (item.indicator.get_source_kind_display(), item.indicator.source_ref) if part
            ),
            "status": _label(IndicatorStatus, item.line.status) if item.line else "",
            "trend": _label(Trend, item.line.trend) if item.line else "",
            "uppfoljning": _round_code(rollup, item.indicator.goal.plan_id, item.line),
        }
        for area in rollup.areas
        for item in area.indicators
    ]
    return Table("indikatorer", "Indikatorerna med status och trend", INDICATOR_COLUMNS, rows)


def activity_table(rollup: PublicRollup) -> Table:
    from styrkort.followup.enums import ActionStatus, Colour

    rows = [
        {
            "plan": item.action.plan.code,
            "malomrade": area.area.name,
            "kod": item.action.code,
            "text": item.action.text,
            "ansvariga": item.responsible,
            "tidplan": item.action.timeline_text,
            "bedomning": _label(Colour, item.colour),
            "status": _label(ActionStatus, item.line.status) if item.line else "",
            "kommentar": item.line.comment if item.line else "",
            "uppfoljning": _round_code(rollup, item.action.plan_id, item.line),
        }
        for area in rollup.areas
        for item in area.actions
    ]
    return Table("aktiviteter", "Aktiviteterna med bedömning", ACTIVITY_COLUMNS, rows)


# The tables by file name: a page's download builds only the one it serves.
TABLES = {"varden": value_table, "indikatorer": indicator_table, "aktiviteter": activity_table}


def open_data_tables(rollup: PublicRollup) -> list[Table]:
    """The three tables of a public plan (or of one goal area's part of it), for the ZIP."""
    return [build(rollup) for build in TABLES.values()]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text.replace(".", ",")
    return str(value)


def table_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.name for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(row[column.name]) for column in table.columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def table_json(table: Table, *, plan_code: str) -> bytes:
    document = {
        "plan": plan_code,
        "tabell": table.name,
        "titel": table.title,
        "licens": settings.STYRKORT_OPEN_DATA_LICENCE,
        "kolumner": [{"namn": c.name, "beskrivning": c.description} for c in table.columns],
        "rader": [{key: _json_value(value) for key, value in row.items()} for row in table.rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def readme(plan, tables: list[Table]) -> str:
    lines = [
        f"Öppna data: {plan.name} ({plan.code})",
        f"Hämtat {timezone.localtime():%Y-%m-%d %H:%M}. Licens: {settings.STYRKORT_OPEN_DATA_LICENCE}",
        "",
        "Innehåller bara det som är publicerat: planens egna värden och värden från publicerade",
        "uppföljningar.",
        "CSV-filerna är UTF-8 med BOM, semikolon mellan kolumnerna och decimalkomma, så att Excel på",
        "svenska öppnar dem rätt. JSON-filerna har samma rader, med tal som tal (decimalpunkt).",
        "",
    ]
    for table in tables:
        lines += [f"{table.name}.csv / {table.name}.json – {table.title} ({len(table.rows)} rader)"]
        lines += [f"  {column.name}: {column.description}" for column in table.columns]
        lines.append("")
    return "\r\n".join(lines)


def plan_zip(plan, tables: list[Table]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LASMIG.txt", ("\ufeff" + readme(plan, tables)).encode("utf-8"))
        for table in tables:
            archive.writestr(f"{table.name}.csv", table_csv(table))
            archive.writestr(f"{table.name}.json", table_json(table, plan_code=plan.code))
    return out.getvalue()
