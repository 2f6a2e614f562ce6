"""Publishing (issue 15, step 1): a planner publishes a closed round, an administrator withdraws it
with a reason, reopening takes it off the open web; a plan is made public. Each act is logged."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from styrkort.errors import NotAllowed
from styrkort.followup import services
from styrkort.followup.enums import RoundEventKind
from styrkort.followup.models import FollowUpRound
from styrkort.plans.models import Plan

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def test_a_planner_publishes_a_closed_round_and_the_overview_says_so(client, planner, interim_round):
    with pytest.raises(NotAllowed, match="Bara en stängd uppföljning publiceras"):
        services.round_publish(user=planner, round=interim_round)
    services.round_close(user=planner, round=interim_round)
    client.force_login(planner)

    client.post(reverse("followup:publish", args=[interim_round.code]))
    page = client.get(reverse("followup:overview", args=[interim_round.code])).content.decode()

    round = FollowUpRound.objects.get(pk=interim_round.pk)
    assert round.published_by == planner
    assert round.events.filter(kind=RoundEventKind.PUBLISHED, by=planner).exists()
    assert "Publicerad" in page


def test_withdrawing_needs_an_administrator_and_a_reason_and_reopening_withdraws(
    planner, administrator, interim_round
):
    services.round_close(user=planner, round=interim_round)
    services.round_publish(user=planner, round=interim_round)

    with pytest.raises(NotAllowed):
        services.round_publication_withdraw(user=planner, round=interim_round, reason="Fel siffror")
    with pytest.raises(ValidationError):
        services.round_publication_withdraw(user=administrator, round=interim_round, reason=" ")
    services.round_reopen(user=administrator, round=interim_round, reason="Fel i RF1")

    round = FollowUpRound.objects.get(pk=interim_round.pk)
    assert round.published_at is None  # an open round's figures are never public
    assert round.events.get(kind=RoundEventKind.WITHDRAWN).reason == "Fel i RF1"


def test_a_planner_makes_the_plan_public_and_a_reader_may_not(client, planner, reader, demo):
    plan = Plan.objects.get(code="RUF-2023")
    client.force_login(reader)
    assert client.post(reverse("plans:publicity", args=[plan.code]), {"public": "1"}).status_code == 403
    client.force_login(planner)

    client.post(reverse("plans:publicity", args=[plan.code]), {"public": "1"})

    plan.refresh_from_db()
    assert plan.is_public
    assert plan.history.latest().history_user == planner
