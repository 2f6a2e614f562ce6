"""What the follow-up tells the plan pages (registered in plans.follow_up by FollowupConfig.ready)."""

from styrkort.plans.follow_up import IndicatorNote, Reader, ReportNote

from .action_list import latest_reports
from .enums import ActionStatus, Colour
from .models import ActionReport, FollowUpRound
from .report import IndicatorFigures, indicator_line, indicators_with_figures, round_report
from .status import IndicatorStatus, Trend


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


ROUNDS_LOOKED_AT = 3  # the latest rounds, newest first: a fixed number of queries per page


def _line_in(round: FollowUpRound, indicator):
    if round.is_open:
        figures = indicators_with_figures(round).filter(pk=indicator.pk).first()
        return indicator_line(IndicatorFigures.of(figures), round.year, {}) if figures else None
    return next((i for i in round_report(round).indicators if i.pk == indicator.pk), None)


def indicator(indicator) -> IndicatorNote | None:
    """The status and trend of the latest round that gives the indicator one (of the last few that
    follow it up; else the latest): a closed round's as it froze them, an open round's computed from
    what has been measured so far."""
    rounds = (
        FollowUpRound.objects.filter(plans=indicator.goal.plan_id)
        .prefetch_related("plans", "units")
        .order_by("-as_of", "-pk")[:ROUNDS_LOOKED_AT]
    )
    found = [(round, line) for round in rounds if (line := _line_in(round, indicator)) is not None]
    if not found:
        return None
    round, line = next(((r, line) for r, line in found if line.status), found[0])
    status = IndicatorStatus(line.status) if line.status else None
    trend = Trend(line.trend) if line.trend else None
    return IndicatorNote(
        round_name=round.name,
        round_url=round.get_absolute_url(),
        round_open=round.is_open,
        status=line.status,
        status_symbol=status.symbol if status else "",
        status_label=str(status.label) if status else "",
        trend_arrow=trend.arrow if trend else "",
        trend_label=str(trend.label) if trend else "",
        assessed_by_hand=line.override_reason,
    )


READER = Reader(latest=latest, history=history, indicator=indicator)
