"""Follow-up: rounds, measurements and action reports; an action report and a measurement are
written here too."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from ninja.pagination import paginate

from styrkort.api import queries
from styrkort.api.auth import read_auth, write_auth
from styrkort.api.errors import Conflict, ErrorOut
from styrkort.api.schemas import (
    CODE_MAX,
    CODE_PATTERN,
    ActionReportIn,
    ActionReportOut,
    ConflictOut,
    MeasurementConflictOut,
    MeasurementIn,
    MeasurementOut,
    RoundOut,
)
from styrkort.errors import NotAllowed
from styrkort.followup import services
from styrkort.followup.models import ActionReport, FollowUpRound, Measurement
from styrkort.followup.queries import round_covers_action, round_covers_indicator
from styrkort.plans.models import TOTAL_BREAKDOWN, Action, Indicator

from .common import DETAIL_ERRORS, READ_ERRORS, Pages, code_filter

router = Router(tags=["follow-up"], auth=read_auth)

ROUND_CODE = Path(..., max_length=CODE_MAX, pattern=CODE_PATTERN, description="The round's code.")
MAX_ID = 2**63 - 1


@router.get("/rounds", response={200: list[RoundOut], **READ_ERRORS}, url_name="rounds")
@paginate(Pages)
def list_rounds(
    request,
    plan: str | None = code_filter("Only rounds that follow up this plan (code)."),
    unit: str | None = code_filter("Only rounds this unit reports in, as a named unit (code)."),
    is_open: bool | None = None,
):
    """Follow-up rounds, newest first; without a token only the published (and so closed) rounds."""
    rounds = queries.rounds_for(request.auth)
    if plan:
        rounds = rounds.filter(plans__code=plan)
    if unit:
        rounds = rounds.filter(units__code=unit)
    if is_open is not None:
        rounds = rounds.filter(closed_at__isnull=is_open)
    return rounds


@router.get("/rounds/{code}", response={200: RoundOut, **DETAIL_ERRORS}, url_name="round")
def get_round(request, code: str = ROUND_CODE):
    found = queries.rounds_for(request.auth).filter(code=code).first()
    if found is None:
        raise Http404(_("There is no follow-up round with the code %(code)s.") % {"code": code})
    return found


@router.get("/measurements", response={200: list[MeasurementOut], **READ_ERRORS}, url_name="measurements")
@paginate(Pages)
def list_measurements(
    request,
    plan: str | None = code_filter("Only measurements of this plan's indicators (code)."),
    indicator: str | None = code_filter("Only measurements of this indicator (code)."),
    round: str | None = code_filter("Only measurements reported in this round (code)."),
    period: int | None = Query(None, ge=1900, le=2200, description="Only measurements of this year."),
):
    """Measurements; without a token those of public plans entered with the plan or reported in a
    published round, never one of a round still open."""
    measurements = queries.measurements_for(request.auth)
    if plan:
        measurements = measurements.filter(indicator__goal__plan__code=plan)
    if indicator:
        measurements = measurements.filter(indicator__code=indicator)
    if round:
        measurements = measurements.filter(round__code=round)
    if period is not None:
        measurements = measurements.filter(period=period)
    return measurements


@router.get(
    "/action-reports", response={200: list[ActionReportOut], **READ_ERRORS}, url_name="action_reports"
)
@paginate(Pages)
def list_action_reports(
    request,
    round: str | None = code_filter("Only reports in this round (code)."),
    plan: str | None = code_filter("Only reports of this plan's actions (code)."),
    unit: str | None = code_filter("Only reports of actions this unit is responsible for (code)."),
):
    """Action reports; without a token only those of public plans in published rounds."""
    reports = queries.action_reports_for(request.auth)
    if round:
        reports = reports.filter(round__code=round)
    if plan:
        reports = reports.filter(action__plan__code=plan)
    if unit:
        reports = reports.filter(action__units__code=unit)
    return reports


def _round_to_write(code: str) -> FollowUpRound:
    found = FollowUpRound.objects.prefetch_related("plans", "units").filter(code=code).first()
    if found is None:
        raise Http404(_("There is no follow-up round with the code %(code)s.") % {"code": code})
    return found


def _check_may_write(user, followup_round: FollowUpRound, permission: str, item, refusal: str) -> None:
    """A closed round is a 409 (nothing can be written there by anyone), a person without the right
    a 403; the rule is the web pages' own permission."""
    if not followup_round.is_open:
        raise services.RoundClosed(followup_round)
    if not user.has_perm(permission, (followup_round, item)):
        raise NotAllowed(refusal)


@router.put(
    "/rounds/{round_code}/action-reports/{action_id}",
    auth=write_auth,
    response={
        200: ActionReportOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ConflictOut,
        422: ErrorOut,
    },
    url_name="action_report_save",
)
def put_action_report(
    request,
    payload: ActionReportIn,
    round_code: str = ROUND_CODE,
    action_id: int = Path(..., ge=1, le=MAX_ID, description="The action's id (GET /actions)."),
):
    """Report an action in an open round, with the rights of the token's person (the same rule as the
    report page: followup.report_action). Send the `version` you read (0 for a first report): if
    someone saved after that, nothing is written and the answer is 409 with what they saved."""
    user = request.auth
    followup_round = _round_to_write(round_code)
    action = Action.objects.select_related("plan").prefetch_related("units").filter(pk=action_id).first()
    if action is None:
        raise Http404(_("There is no action with the id %(id)s.") % {"id": action_id})
    if not round_covers_action(followup_round, action):
        raise Http404(_("The action %(code)s is not part of this round.") % {"code": action.code})
    _check_may_write(
        user,
        followup_round,
        "followup.report_action",
        action,
        _("You may not report for the action %(code)s.") % {"code": action.code},
    )
    try:
        report = services.action_report_save(
            user=user,
            round=followup_round,
            action=action,
            status=payload.status,
            colour=payload.colour,
            comment=payload.comment,
            deviation=payload.deviation,
            version=payload.version,
        )
    except services.StaleEdit as error:
        raise Conflict(
            _(
                "Someone saved this report after the version you sent (%(sent)s); it is now version "
                "%(current)s. Nothing was written: read it again and send the current version."
            )
            % {"sent": payload.version, "current": error.current.version},
            current=ActionReportOut.model_validate(error.current).model_dump(mode="json"),
        ) from error
    except NotAllowed:
        # After the checks above, only a report that was removed since it was read (a version above
        # 0 with no report left) is refused this way.
        if payload.version and not ActionReport.objects.filter(round=followup_round, action=action).exists():
            raise Conflict(_("What you edited has been removed.")) from None
        raise
    return report


@router.put(
    "/rounds/{round_code}/measurements/{indicator_id}",
    auth=write_auth,
    response={
        200: MeasurementOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: MeasurementConflictOut,
        422: ErrorOut,
    },
    url_name="measurement_save",
)
def put_measurement(
    request,
    payload: MeasurementIn,
    round_code: str = ROUND_CODE,
    indicator_id: int = Path(..., ge=1, le=MAX_ID, description="The indicator's id (GET /indicators)."),
):
    """Report one value of an indicator (a year, the total or one breakdown) in an open round, with the
    rights of the token's person (the same rule and checks as the report page:
    followup.report_indicator; an indicator measured by an economy or staff figure takes its values
    from the economy import instead). Send the `version` you read (0 for a first value): if someone
    saved after that, nothing is written and the answer is 409 with what they saved."""
    user = request.auth
    followup_round = _round_to_write(round_code)
    indicator = (
        Indicator.objects.select_related("goal", "goal__plan")
        .prefetch_related("breakdowns")
        .filter(pk=indicator_id)
        .first()
    )
    if indicator is None:
        raise Http404(_("There is no indicator with the id %(id)s.") % {"id": indicator_id})
    if not round_covers_indicator(followup_round, indicator):
        raise Http404(_("The indicator %(code)s is not part of this round.") % {"code": indicator.code})
    breakdown = None
    # The total is the row without a breakdown, as on the report page, whether named or not.
    if payload.breakdown and payload.breakdown != TOTAL_BREAKDOWN:
        breakdown = next((b for b in indicator.breakdowns.all() if b.name == payload.breakdown), None)
        if breakdown is None:
            raise Http404(_("The indicator is not broken down this way."))
    _check_may_write(
        user,
        followup_round,
        "followup.report_indicator",
        indicator,
        _("You may not report for the indicator %(code)s.") % {"code": indicator.code},
    )
    services.check_entered_by_hand(indicator)
    try:
        measurement = services.measurement_save(
            user=user,
            round=followup_round,
            indicator=indicator,
            breakdown=breakdown,
            period=payload.period,
            value=payload.value,
            missing=payload.missing,
            note=payload.note,
            source=payload.source,
            version=payload.version,
        )
    except services.StaleEdit as error:
        raise Conflict(
            _(
                "Someone saved this value after the version you sent (%(sent)s); it is now version "
                "%(current)s. Nothing was written: read it again and send the current version."
            )
            % {"sent": payload.version, "current": error.current.version},
            current=MeasurementOut.model_validate(error.current).model_dump(mode="json"),
        ) from error
    except NotAllowed:
        # After the checks above, only a value that was removed since it was read (a version above 0
        # with no value left) is refused this way.
        stored = Measurement.objects.filter(indicator=indicator, breakdown=breakdown, period=payload.period)
        if payload.version and not stored.exists():
            raise Conflict(_("What you edited has been removed.")) from None
        raise
    measurement.refresh_from_db(fields=["value"])  # as stored and as read ("72.5000"), not as sent
    return measurement
