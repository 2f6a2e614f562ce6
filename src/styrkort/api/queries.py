"""What a caller of the API may read: a signed-in person (by token) what the signed-in pages show
them, which is every plan and round; an anonymous caller what the open web shows
(followup/public.py). Each list is one queryset with its relations loaded, so a page of results
costs the same number of queries however long it is."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from styrkort.followup.models import ActionReport, FollowUpRound, Measurement
from styrkort.followup.public import public_measurement_q, public_plans, published_round_q, published_rounds
from styrkort.org.models import Unit
from styrkort.plans.models import Action, Goal, Indicator, Plan, Target


def plans_for(user) -> QuerySet[Plan]:
    plans = Plan.objects.all() if user.is_authenticated else public_plans()
    return plans.select_related("owner", "parent").order_by("-start_year", "code")


def goals_for(user) -> QuerySet[Goal]:
    goals = Goal.objects.all() if user.is_authenticated else Goal.objects.filter(plan__is_public=True)
    return goals.select_related("plan", "area", "unit", "parent").order_by("plan__code", "order", "code")


def indicators_for(user) -> QuerySet[Indicator]:
    indicators = Indicator.objects.all()
    if not user.is_authenticated:
        indicators = indicators.filter(goal__plan__is_public=True)
    return (
        indicators.select_related("goal", "goal__plan")
        .prefetch_related("breakdowns", Prefetch("targets", Target.objects.select_related("breakdown")))
        .order_by("goal__plan__code", "goal__order", "order", "code")
    )


def measurements_for(user) -> QuerySet[Measurement]:
    measurements = Measurement.objects.all()
    if not user.is_authenticated:
        measurements = measurements.filter(indicator__goal__plan__is_public=True).filter(
            public_measurement_q()
        )
    return (
        measurements.select_related("indicator", "indicator__goal__plan", "breakdown", "round")
        .defer("round__snapshot")
        .order_by("indicator__code", "period", "breakdown__order", "pk")
    )


def actions_for(user) -> QuerySet[Action]:
    actions = Action.objects.all() if user.is_authenticated else Action.objects.filter(plan__is_public=True)
    return (
        actions.select_related("plan", "goal", "area")
        .prefetch_related(Prefetch("units", queryset=Unit.objects.only("id", "code")))
        .order_by("plan__code", "order", "code", "pk")
    )


def rounds_for(user) -> QuerySet[FollowUpRound]:
    units = Prefetch("units", queryset=Unit.objects.only("id", "code"))
    if user.is_authenticated:
        rounds = FollowUpRound.objects.prefetch_related("plans", units)
    else:
        # A published round of at least one public plan, naming only its public plans.
        public_plan_of_round = FollowUpRound.plans.through.objects.filter(
            followupround_id=OuterRef("pk"), plan__is_public=True
        )
        rounds = (
            published_rounds()
            .filter(Exists(public_plan_of_round))
            .prefetch_related(Prefetch("plans", queryset=public_plans()), units)
        )
    return rounds.defer("snapshot").order_by("-as_of", "code")


def action_reports_for(user) -> QuerySet[ActionReport]:
    reports = ActionReport.objects.all()
    if not user.is_authenticated:
        reports = reports.filter(published_round_q("round__"), action__plan__is_public=True)
    return (
        reports.select_related("round", "action", "action__plan")
        .defer("round__snapshot")
        .order_by("round__code", "action__plan__code", "action__order", "action__code", "pk")
    )


def unit_q(code: str, *, unit_field: str, owner_field: str) -> Q:
    """A goal's (or indicator's) reporting unit: its own unit, or the plan's owner when it has none."""
    return Q(**{f"{unit_field}__code": code}) | Q(
        **{f"{unit_field}__isnull": True, f"{owner_field}__code": code}
    )
