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


def open_data_tables(rollup: PublicRollup) -> list[Table]:
    """The three tables of a public plan (or of one goal area's part of it). Four queries."""
    from styrkort.followup.enums import ActionStatus, Colour
    from styrkort.followup.status import IndicatorStatus, Trend

    indicators = [(area, item) for area in rollup.areas for item in area.indicators]
    by_pk = {item.indicator.pk: (area, item) for area, item in indicators}
    round_codes = {plan_id: round.code for plan_id, round in rollup.rounds.items()}

    def base(area, indicator) -> dict:
        return {
            "plan": indicator.goal.plan.code,
            "malomrade": area.area.name,
            "mal": indicator.goal.name,
            "indikator_kod": indicator.code,
            "indikator": indicator.name,
            "enhet": indicator.unit_of_measure,
        }

    values = []
    for area, item in indicators:
        indicator = item.indicator
        if indicator.baseline_value is not None:
            values.append(
                {
                    **base(area, indicator),
                    "serie": TOTAL,
                    "ar": indicator.baseline_year,
                    "typ": "nuläge",
                    "jamforelse": "",
                    "varde": indicator.baseline_value,
                    "saknas": "",
                    "uppfoljning": "",
                }
            )
    for baseline in BreakdownBaseline.objects.filter(indicator__in=by_pk).select_related("breakdown"):
        area, item = by_pk[baseline.indicator_id]
        values.append(
            {
                **base(area, item.indicator),
                "serie": baseline.breakdown.name,
                "ar": baseline.year,
                "typ": "nuläge",
                "jamforelse": "",
                "varde": baseline.value,
                "saknas": "",
                "uppfoljning": "",
            }
        )
    measurements = (
        Measurement.objects.filter(public_measurement_q(), indicator__in=by_pk)
        .select_related("breakdown", "round")
        .order_by("indicator_id", "period", "breakdown__order")
    )
    for measurement in measurements:
        area, item = by_pk[measurement.indicator_id]
        values.append(
            {
                **base(area, item.indicator),
                "serie": measurement.breakdown.name if measurement.breakdown else TOTAL,
                "ar": measurement.period,
                "typ": "utfall",
                "jamforelse": "",
                "varde": None if measurement.missing else measurement.value,
                "saknas": "ja" if measurement.missing else "",
                "uppfoljning": measurement.round.code if measurement.round else "",
            }
        )
    for target in Target.objects.filter(indicator__in=by_pk).select_related("breakdown"):
        area, item = by_pk[target.indicator_id]
        values.append(
            {
                **base(area, item.indicator),
                "serie": target.breakdown.name if target.breakdown else TOTAL,
                "ar": target.year,
                "typ": "målvärde",
                "jamforelse": target.get_comparator_display(),
                "varde": target.value,
                "saknas": "",
                "uppfoljning": "",
            }
        )
    values.sort(
        key=lambda row: (row["indikator_kod"], row["ar"], row["typ"], row["serie"] != TOTAL, row["serie"])
    )

    indicator_rows = [
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
            "uppfoljning": round_codes.get(item.indicator.goal.plan_id, "") if item.line else "",
        }
        for area, item in indicators
    ]
    activity_rows = [
        {
            "plan": item.action.plan.code,
            "malomrade": area.area.name,
            "kod": item.action.code,
            "text": item.action.text,
            "ansvariga": item.responsible,
            "tidplan": item.action.timeline_text,
            "bedomning": _label(Colour, item.line.colour) if item.line else "",
            "status": _label(ActionStatus, item.line.status) if item.line else "",
            "kommentar": item.line.comment if item.line else "",
            "uppfoljning": round_codes.get(item.action.plan_id, "") if item.line else "",
        }
        for area in rollup.areas
        for item in area.actions
    ]
    return [
        Table("varden", "Indikatorernas värden: utfall, nulägen och målvärden", VALUE_COLUMNS, values),
        Table("indikatorer", "Indikatorerna med status och trend", INDICATOR_COLUMNS, indicator_rows),
        Table("aktiviteter", "Aktiviteterna med bedömning", ACTIVITY_COLUMNS, activity_rows),
    ]


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
