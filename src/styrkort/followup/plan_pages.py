"""What the follow-up tells the plan pages (registered in plans.follow_up by FollowupConfig.ready)."""

from styrkort.plans.follow_up import Reader, ReportNote

from .action_list import latest_reports
from .enums import ActionStatus, Colour
from .models import ActionReport


def _note(report: ActionReport) -> ReportNote:
    colour = Colour(report.colour) if report.colour else None
    who = report.reported_by
    return ReportNote(
        round_code=report.round.code,
        round_name=report.round.name,
        round_url=report.round.get_absolute_url(),
        round_open=report.round.is_open,
        status=str(ActionStatus(report.status).label) if report.status else "",
        colour=report.colour,
        colour_symbol=colour.symbol if colour else "",
        colour_label=str(colour.label) if colour else "",
        comment=report.comment,
        deviation=report.deviation,
        reported_by=(who.get_full_name() or who.username) if who else "",
        reported_at=report.reported_at,
    )


def latest(action_ids) -> dict[int, ReportNote]:
    return {action_id: _note(report) for action_id, report in latest_reports(action_ids).items()}


def history(action_id: int) -> list[ReportNote]:
    reports = (
        ActionReport.objects.filter(action_id=action_id)
        .select_related("round", "reported_by")
        .order_by("-round__as_of", "-round__pk")
    )
    return [_note(report) for report in reports]


READER = Reader(latest=latest, history=history)
