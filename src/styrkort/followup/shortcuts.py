"""Lookups that views of several apps share: a round and a unit that reports in it, or 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from styrkort.org.models import Unit

from .models import FollowUpRound
from .queries import round_unit_ids


def get_round(code: str) -> FollowUpRound:
    return get_object_or_404(FollowUpRound.objects.prefetch_related("plans", "units"), code=code)


def get_round_and_unit(code: str, unit_code: str) -> tuple[FollowUpRound, Unit]:
    followup_round = get_round(code)
    unit = get_object_or_404(Unit, code=unit_code)
    if unit.pk not in round_unit_ids(followup_round):
        raise Http404(_("The unit %(unit)s does not report in this round.") % {"unit": unit.code})
    return followup_round, unit
