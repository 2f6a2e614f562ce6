"""A closed round is history everywhere (issue 11): its follow-up workbook, its overview and the unit
it is narrowed to show what they showed when it closed, whatever later rounds report or rename."""

import pytest
from django.urls import reverse

from styrkort.exchange.services import followup_workbook_export
from styrkort.followup.models import FollowUpRound, Measurement
from styrkort.followup.services import measurement_save, round_reopen
from styrkort.org.models import Unit
from styrkort.org.services import unit_upsert
from styrkort.plans.models import Indicator
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def later_round_re_reports_2023_and_fh_is_renamed():
    """The open interim report 2024 re-reports a 2023 figure; Folkhälsa gets a new name."""
    annual_2023 = FollowUpRound.objects.get(code="AR-2023-RUF")
    reported = Measurement.objects.filter(round=annual_2023, period=2023, breakdown=None).first()
    indicator = Indicator.objects.get(pk=reported.indicator_id)
    measurement_save(
        user=superuser(),
        round=FollowUpRound.objects.get(code="DR1-2024-RUF"),
        indicator=indicator,
        breakdown=None,
        period=2023,
        value=reported.value + 11,
        missing=False,
        note="Rättat i efterhand",
    )
    fh = Unit.objects.get(code="FH")
    unit_upsert(user=superuser(), code="FH", name="Folkhälsa och jämlikhet", kind=fh.kind, parent=fh.parent)
    return annual_2023


def test_the_closed_rounds_workbook_is_the_one_frozen_when_it_closed(full_demo):
    annual_2023 = FollowUpRound.objects.get(code="AR-2023-RUF")
    ruf = Unit.objects.get(code="RUF")
    at_closing = followup_workbook_export(round=annual_2023, unit=ruf)

    later_round_re_reports_2023_and_fh_is_renamed()

    assert followup_workbook_export(round=annual_2023, unit=ruf) == at_closing
    round_reopen(user=superuser(), round=annual_2023, reason="Rättelse")
    assert followup_workbook_export(round=annual_2023, unit=ruf) != at_closing  # live again


def test_the_closed_overview_and_the_unit_filter_keep_the_names_of_the_closing(client, full_demo, reader):
    annual_2023 = later_round_re_reports_2023_and_fh_is_renamed()
    client.force_login(reader)

    overview = client.get(reverse("followup:overview", args=[annual_2023.code])).content.decode()
    narrowed = client.get(reverse("followup:round", args=[annual_2023.code]) + "?enhet=FH").content.decode()

    assert '">Folkhälsa</th>' in overview
    assert "Folkhälsa och jämlikhet" not in overview
    assert "Visar Folkhälsa och enheterna under den." in narrowed
    assert "Folkhälsa och jämlikhet" not in narrowed
