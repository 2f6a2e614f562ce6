"""What the open web and the API show a visitor without an account: public plans (`Plan.is_public`),
and of follow-up only rounds that are closed and published. A measurement entered with the plan
(no round) is public with its plan; one reported in a round only once that round is published.

The portal's pages and the API's anonymous callers read these, so the rule is written once.
"""

from django.db.models import Q, QuerySet

from styrkort.plans.models import Plan

from .models import FollowUpRound

PUBLISHED = Q(published_at__isnull=False, closed_at__isnull=False)


def public_plans() -> QuerySet[Plan]:
    return Plan.objects.filter(is_public=True)


def published_rounds() -> QuerySet[FollowUpRound]:
    """Closed rounds a planner has published (a published round is always closed; asked both ways)."""
    return FollowUpRound.objects.filter(PUBLISHED)


def published_round_q(prefix: str) -> Q:
    """PUBLISHED for a round reached through `prefix` (e.g. "round__")."""
    return Q(**{f"{prefix}published_at__isnull": False, f"{prefix}closed_at__isnull": False})


def public_measurement_q(prefix: str = "") -> Q:
    """A measurement is public when it has no round or its round is published (its plan aside)."""
    return Q(**{f"{prefix}round__isnull": True}) | published_round_q(f"{prefix}round__")
