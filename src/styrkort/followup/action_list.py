"""The action list with each action's follow-up: its latest report (or its report in a chosen round),
filters on status and assessment, and the same rows as a workbook."""

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from styrkort.core.xlsx import append_row
from styrkort.plans.models import Action

from .enums import ActionStatus, Colour
from .models import ActionReport, FollowUpRound
from .queries import actions_in_round

NOT_REPORTED = "none"  # the filters' choice for "no such mark", in the URL as ?status=none


def _reports(round: FollowUpRound | None) -> QuerySet[ActionReport]:
    reports = ActionReport.objects.all() if round is None else ActionReport.objects.filter(round=round)
    return reports.order_by("-round__as_of", "-round__pk")  # the latest first


def _first_per_action(reports: QuerySet[ActionReport]) -> dict[int, ActionReport]:
    """Each action's first report of `reports` (ordered latest first): one query."""
    found: dict[int, ActionReport] = {}
    for report in reports:
        found.setdefault(report.action_id, report)
    return found


def latest_reports(action_ids: list[int], round: FollowUpRound | None = None) -> dict[int, ActionReport]:
    """Per action its report in `round`, or without a round its latest: one query for a page."""
    return _first_per_action(
        _reports(round).filter(action_id__in=action_ids).select_related("round", "reported_by")
    )


def reports_now_and_before(
    action_ids: list[int], round: FollowUpRound
) -> tuple[dict[int, ActionReport], dict[int, ActionReport]]:
    """(Per action its report in `round`, and per action its report in the latest round before
    `round` that reported it), in one query."""
    reports = (
        _reports(None)
        .filter(Q(round=round) | Q(round__as_of__lt=round.as_of), action_id__in=action_ids)
        .select_related("round", "reported_by")
    )
    now, before = {}, {}
    for report in reports:
        (now if report.round_id == round.pk else before).setdefault(report.action_id, report)
    return now, before


def filter_by_follow_up(
    actions: QuerySet[Action], *, round: FollowUpRound | None, status: str, colour: str
) -> QuerySet[Action]:
    """Actions the round asks for (with a round); then those whose report (the round's, or the
    latest) has the status and the assessment asked for. NOT_REPORTED: no report, or one without it."""
    if round is not None:
        actions = actions.filter(pk__in=actions_in_round(round).values("pk"))
    latest = _reports(round).filter(action_id=OuterRef("pk"))
    for field, wanted in (("status", status), ("colour", colour)):
        if not wanted:
            continue
        name = f"follow_up_{field}"
        actions = actions.annotate(**{name: Subquery(latest.values(field)[:1])})
        if wanted == NOT_REPORTED:
            actions = actions.filter(Q(**{f"{name}__isnull": True}) | Q(**{name: ""}))
        else:
            actions = actions.filter(**{name: wanted})
    return actions


def action_list_workbook(actions: list[Action], reports: dict[int, ActionReport]) -> bytes:
    """Exactly the listed actions, a row each, with their follow-up."""
    from io import BytesIO

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Actions"))[:31]
    append_row(
        sheet,
        [
            _("Code"),
            _("Action"),
            _("Timeline"),
            _("Responsible"),
            _("Plan"),
            _("Status"),
            _("Assessment"),
            _("Comment"),
            _("Deviation"),
            _("Follow-up round"),
        ],
    )
    for action in actions:
        report = reports.get(action.pk)
        append_row(
            sheet,
            [
                action.code,
                action.text,
                action.timeline_text,
                ", ".join(unit.label for unit in action.units.all()),
                action.plan.code,
                str(ActionStatus(report.status).label) if report and report.status else "",
                f"{Colour(report.colour).symbol} {Colour(report.colour).label}"
                if report and report.colour
                else "",
                report.comment if report else "",
                report.deviation if report else "",
                report.round.name if report else "",
            ],
        )
    for column, width in zip("ABCDEFGHIJ", (10, 60, 14, 24, 14, 14, 28, 60, 40, 36), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    content = BytesIO()
    workbook.save(content)
    return content.getvalue()
