"""What the open web may show: public plans, and of their follow-up only published (closed) rounds."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from styrkort.followup import public
from styrkort.followup.models import FollowUpRound
from styrkort.followup.report import RoundReport, round_report
from styrkort.plans.models import Indicator, Plan
from styrkort.plans.queries import by_year_and_breakdown


def public_plans() -> QuerySet[Plan]:
    return public.public_plans().select_related("owner").order_by("-start_year", "name")


def public_plan(code: str) -> Plan:
    """The plan, if it is public; else 404, saying no more than that there is no such public plan."""
    plan = public_plans().filter(code=code).first()
    if plan is None:
        raise Http404(_("There is no public plan with this code."))
    return plan


def latest_published_rounds(plan_ids) -> dict[int, FollowUpRound]:
    """For each plan, its latest published (and so closed) round, in one query."""
    latest: dict[int, FollowUpRound] = {}
    links = (
        FollowUpRound.plans.through.objects.filter(
            public.published_round_q("followupround__"), plan_id__in=plan_ids
        )
        .select_related("followupround")
        .defer("followupround__snapshot")  # read only when the cached facts miss (round_report)
        .order_by("-followupround__as_of", "-followupround__pk")
    )
    for link in links:
        latest.setdefault(link.plan_id, link.followupround)
    return latest


def latest_published(plan: Plan) -> tuple[FollowUpRound, RoundReport] | tuple[None, None]:
    """The plan's latest published round and its frozen facts (a published round is always closed)."""
    round = latest_published_rounds([plan.pk]).get(plan.pk)
    if round is None:
        return None, None
    return round, round_report(round)


def public_indicator(plan: Plan, code: str) -> Indicator:
    indicator = (
        Indicator.objects.select_related("goal", "goal__area").filter(goal__plan=plan, code=code).first()
    )
    if indicator is None:
        raise Http404(_("The plan has no such indicator."))
    return indicator


def public_measurements(indicator: Indicator) -> tuple[list, list[dict]]:
    """The indicator's values by year and breakdown that are public: those of published rounds, and
    those entered with the plan itself; never a value reported in a round still open or unpublished."""
    measurements = indicator.measurements.filter(public.public_measurement_q()).select_related("breakdown")
    return by_year_and_breakdown(list(measurements), year_of=lambda m: m.period)
