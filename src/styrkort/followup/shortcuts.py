"""Lookups that views of several apps share: a round and a unit that reports in it, or 404."""

from django.db.models import Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from styrkort.core.models import DataVersion
from styrkort.core.versions import CONTENT
from styrkort.org.models import Unit

from .models import FollowUpRound
from .queries import round_unit_ids


def get_round(code: str, *, with_plans: bool = True) -> FollowUpRound:
    """The round with its plans (which the rules and the header read) and the content version its
    cache key needs (report.round_key), read in the same query. Its units and those below them are
    walked to from the round itself when asked for (queries.round_units). A page that needs the plans
    only to build what it caches loads them then (prefetch_related_objects), not on a hit."""
    related = ["plans"] if with_plans else []
    rounds = FollowUpRound.objects.prefetch_related(*related).annotate(
        content_version=Subquery(DataVersion.objects.filter(scope=CONTENT).values("value")[:1])
    )
    return get_object_or_404(rounds, code=code)


def get_round_and_unit(code: str, unit_code: str) -> tuple[FollowUpRound, Unit]:
    followup_round = get_round(code)
    unit = get_object_or_404(Unit, code=unit_code)
    if unit.pk not in round_unit_ids(followup_round):
        raise Http404(_("The unit %(unit)s does not report in this round.") % {"unit": unit.code})
    return followup_round, unit
