"""A unit marks its report ready for review, seen in the overview; the planner sends a reminder to
those still missing, once per person and round (issue 14)."""

import pytest
from django.core import mail
from django.urls import reverse

from styrkort.followup import services
from styrkort.followup.models import UnitReady
from styrkort.followup.queries import actions_in_round
from styrkort.org.models import Unit
from styrkort.org.queries import unit_ids_below

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def report_all(round, unit_code: str, user) -> None:
    unit = Unit.objects.get(code=unit_code)
    for action in actions_in_round(round, unit_ids_below([unit.pk])):
        services.action_report_save(user=user, round=round, action=action, status="done", colour="green")


def test_a_unit_is_marked_ready_only_when_every_action_is_reported(client, reporter, planner, interim_round):
    client.force_login(reporter)
    url = reverse("followup:unit_ready", args=[interim_round.code, "FH"])

    refused = client.post(url, {"ready": "1"}, follow=True).content.decode()
    report_all(interim_round, "FH", reporter)
    marked = client.post(url, {"ready": "1"}, follow=True).content.decode()

    assert "6 åtgärder är ännu inte rapporterade, så rapporten är inte klar." in refused
    assert "Rapporten är markerad som klar för granskning." in marked
    assert UnitReady.objects.get(round=interim_round, unit__code="FH").marked_by == reporter
    client.force_login(planner)
    overview = client.get(reverse("followup:overview", args=[interim_round.code])).content.decode()
    folkhalsa = overview[
        overview.index(">Folkhälsa<") : overview.index("</tr>", overview.index(">Folkhälsa<"))
    ]
    assert "klar" in folkhalsa


def test_the_ready_mark_can_be_taken_back_and_is_not_for_others(client, reporter, reader, interim_round):
    report_all(interim_round, "FH", reporter)
    services.unit_ready_set(user=reporter, round=interim_round, unit=Unit.objects.get(code="FH"), ready=True)
    client.force_login(reader)
    assert (
        client.post(
            reverse("followup:unit_ready", args=[interim_round.code, "FH"]), {"ready": "0"}
        ).status_code
        == 403
    )
    client.force_login(reporter)

    client.post(reverse("followup:unit_ready", args=[interim_round.code, "FH"]), {"ready": "0"})

    assert not UnitReady.objects.filter(round=interim_round).exists()


def test_a_reminder_goes_to_those_still_missing_once_per_round(
    client, reporter, planner, interim_round, django_capture_on_commit_callbacks
):
    reporter.email = "rasmus@example.se"
    reporter.save()
    client.force_login(planner)
    url = reverse("followup:remind", args=[interim_round.code])

    with django_capture_on_commit_callbacks(execute=True):  # the mail goes out when the save commits
        first = client.post(url, follow=True).content.decode()
        second = client.post(url, follow=True).content.decode()

    assert [message.to for message in mail.outbox] == [["rasmus@example.se"]]
    assert "Påminnelser skickade: 1." in first
    assert "Redan påminda i den här uppföljningen: 1." in second
    assert reverse("followup:unit_report", args=[interim_round.code, "FH"]) in mail.outbox[0].body


def test_the_compare_page_opens_without_an_error_and_refuses_the_wrong_order(client, reader, full_demo):
    client.force_login(reader)
    url = reverse("followup:compare")

    opened = client.get(url, {"after": "DR1-2024-RUF"}).content.decode()
    wrong = client.get(url, {"before": "DR1-2024-RUF", "after": "AR-2023-RUF"}).content.decode()
    right = client.get(url, {"before": "AR-2023-RUF", "after": "DR1-2024-RUF"})

    assert "ds-validation-message" not in opened
    assert '<option value="DR1-2024-RUF" selected>' in opened
    assert "är inte tidigare än" in wrong
    assert right.context["comparison"] is not None


def test_history_shows_values_as_the_pages_do(client, reader, full_demo):
    from styrkort.plans.models import Indicator

    client.force_login(reader)
    indicator = Indicator.objects.get(code="RUF-I1.4")

    page = client.get(reverse("followup:indicator_history", args=[indicator.pk])).content.decode()

    assert ".0000" not in page
    assert "False" not in page
    assert "True" not in page
