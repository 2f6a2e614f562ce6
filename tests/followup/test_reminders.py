"""Reminders before a round's deadline: followup/reminders.py and the send-reminders command.

The organisation: Regionfullmäktige above Förvaltning A (departments A1 and A2) and Förvaltning B.
anna reports for A1; bengt plans for Förvaltning A and also reports for A1; dag reports for A2 but
has no e-mail address; cecilia reports for Förvaltning B, which has reported everything; erik only
reads Förvaltning A. A1 has two unreported actions, A2 one.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from styrkort.followup.enums import ActionStatus, Colour, RoundKind
from styrkort.followup.models import FollowUpRound, Reminder
from styrkort.followup.reminders import send_reminders
from styrkort.followup.services import action_report_save, round_close, round_upsert
from styrkort.org.enums import Role, UnitKind
from styrkort.org.models import Unit
from styrkort.org.services import unit_upsert, user_ensure
from styrkort.plans.enums import PlanKind
from styrkort.plans.models import Action, Plan
from styrkort.plans.services import action_upsert, plan_upsert
from styrkort.plans.timeline import Timeline
from tests.people import superuser

pytestmark = pytest.mark.integration

DEADLINE = date(2025, 5, 20)
TODAY = DEADLINE - timedelta(days=2)
BASE_URL = "https://styrkort.example.se"


@dataclass
class World:
    units: dict[str, Unit]
    plan: Plan
    round: FollowUpRound
    users: dict


def add_actions(plan: Plan, unit: Unit, count: int) -> list[Action]:
    start = Action.objects.filter(plan=plan).count()
    return [
        action_upsert(
            user=superuser(),
            plan=plan,
            code=f"{unit.code}-{start + i}",
            text="Gör något",
            timeline=Timeline(),
            units=[unit],
        )[0]
        for i in range(count)
    ]


def report(world: World, action: Action) -> None:
    action_report_save(
        user=world.users["bengt"],
        round=world.round,
        action=action,
        status=ActionStatus.DONE,
        colour=Colour.GREEN,
    )


def remind(capture, *, today: date = TODAY, days: int = 3, dry_run: bool = False):
    """send_reminders(), with the mails that wait for the commit sent before returning."""
    with capture(execute=True):
        return send_reminders(today=today, days=days, dry_run=dry_run)


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.STYRKORT_BASE_URL = BASE_URL


@pytest.fixture
def organisation(db) -> World:
    council = unit_upsert(user=superuser(), code="RF", name="Regionfullmäktige", kind=UnitKind.COUNCIL)[0]
    fa = unit_upsert(
        user=superuser(), code="FA", name="Förvaltning A", kind=UnitKind.ADMINISTRATION, parent=council
    )[0]
    units = {
        "RF": council,
        "FA": fa,
        "A1": unit_upsert(
            user=superuser(), code="A1", name="Avdelning A1", kind=UnitKind.DEPARTMENT, parent=fa
        )[0],
        "A2": unit_upsert(
            user=superuser(), code="A2", name="Avdelning A2", kind=UnitKind.DEPARTMENT, parent=fa
        )[0],
        "FB": unit_upsert(
            user=superuser(), code="FB", name="Förvaltning B", kind=UnitKind.ADMINISTRATION, parent=council
        )[0],
    }
    people = [
        ("anna", "Anna Andersson", "A1", Role.REPORTER, "anna@example.se"),
        ("bengt", "Bengt Berg", "FA", Role.PLANNER, "bengt@example.se"),
        ("bengt", "Bengt Berg", "A1", Role.REPORTER, "bengt@example.se"),
        ("cecilia", "Cecilia Ek", "FB", Role.REPORTER, "cecilia@example.se"),
        ("dag", "Dag Dahl", "A2", Role.REPORTER, ""),
        ("erik", "Erik Ek", "FA", Role.READER, "erik@example.se"),
    ]
    users = {}
    for username, full_name, unit, role, email in people:
        users[username] = user_ensure(
            username=username, password="pw", full_name=full_name, unit=units[unit], role=role, email=email
        )[0]
    plan = plan_upsert(
        user=superuser(),
        code="VP-FA-2025",
        name="Verksamhetsplan Förvaltning A",
        kind=PlanKind.OPERATIONAL_PLAN,
        owner=fa,
        start_year=2025,
        end_year=2025,
    )[0]
    followup_round = round_upsert(
        code="DR1-2025",
        name="Delårsrapport 1 2025",
        kind=RoundKind.INTERIM_1,
        as_of=date(2025, 4, 30),
        deadline=DEADLINE,
        plans=[plan],
        units=[fa, units["FB"]],
    )[0]
    return World(units=units, plan=plan, round=followup_round, users=users)


@pytest.fixture
def world(organisation) -> World:
    """A1: three actions, one reported; A2: one unreported; Förvaltning B: one, reported."""
    a1 = add_actions(organisation.plan, organisation.units["A1"], 3)
    add_actions(organisation.plan, organisation.units["A2"], 1)
    fb = add_actions(organisation.plan, organisation.units["FB"], 1)
    report(organisation, a1[0])
    report(organisation, fb[0])
    return organisation


def mail_to(address: str):
    [found] = [message for message in mail.outbox if message.to == [address]]
    return found


def missing_counts(body: str) -> list[tuple[str, str]]:
    return re.findall(r"^(Avdelning \w+|Förvaltning \w+): (\d+) ", body, re.MULTILINE)


def links(body: str) -> list[str]:
    return [line for line in body.splitlines() if line.startswith("http")]


def test_send_reminders_mails_each_reporter_and_planner_once(world, django_capture_on_commit_callbacks):
    remind(django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == ["anna@example.se", "bengt@example.se"]


def test_send_reminders_mail_lists_the_units_below_a_planner_with_counts_and_links(
    world, django_capture_on_commit_callbacks
):
    remind(django_capture_on_commit_callbacks)

    body = mail_to("bengt@example.se").body
    assert missing_counts(body) == [("Avdelning A1", "2"), ("Avdelning A2", "1")]
    assert links(body) == [
        f"{BASE_URL}/uppfoljning/DR1-2025/enheter/A1/",
        f"{BASE_URL}/uppfoljning/DR1-2025/enheter/A2/",
    ]


def test_send_reminders_mail_lists_only_the_reporters_own_units(world, django_capture_on_commit_callbacks):
    remind(django_capture_on_commit_callbacks)

    body = mail_to("anna@example.se").body
    assert missing_counts(body) == [("Avdelning A1", "2")]
    assert links(body) == [f"{BASE_URL}/uppfoljning/DR1-2025/enheter/A1/"]


def test_send_reminders_mail_is_swedish_and_names_the_round_and_deadline(
    world, django_capture_on_commit_callbacks
):
    remind(django_capture_on_commit_callbacks)

    message = mail_to("anna@example.se")
    assert "Delårsrapport 1 2025" in message.subject
    assert "20 maj 2025" in message.subject
    assert "20 maj 2025" in message.body
    assert "Anna Andersson" in message.body.splitlines()[0]


def test_send_reminders_result_lists_who_was_reminded(world, django_capture_on_commit_callbacks):
    result = remind(django_capture_on_commit_callbacks)

    assert result.rounds == ["DR1-2025"]
    assert [(sent.username, sent.email) for sent in result.sent] == [
        ("anna", "anna@example.se"),
        ("bengt", "bengt@example.se"),
    ]
    assert sorted(Reminder.objects.values_list("user__username", flat=True)) == ["anna", "bengt"]


def test_send_reminders_skips_and_lists_people_without_email(world, django_capture_on_commit_callbacks):
    result = remind(django_capture_on_commit_callbacks)

    assert result.without_email == [("DR1-2025", "dag")]
    assert not Reminder.objects.filter(user=world.users["dag"]).exists()


def test_send_reminders_skips_inactive_users(world, django_capture_on_commit_callbacks):
    world.users["bengt"].is_active = False
    world.users["bengt"].save()

    remind(django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [["anna@example.se"]]


def test_send_reminders_sends_nothing_when_everything_is_reported(world, django_capture_on_commit_callbacks):
    for action in Action.objects.filter(reports__isnull=True):
        report(world, action)

    result = remind(django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert result.sent == []
    assert result.rounds == ["DR1-2025"]


def test_send_reminders_second_run_sends_nothing(world, django_capture_on_commit_callbacks):
    remind(django_capture_on_commit_callbacks)
    mail.outbox.clear()

    result = remind(django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert result.sent == []
    assert result.already_reminded == 2
    assert Reminder.objects.count() == 2


def test_send_reminders_dry_run_sends_and_writes_nothing(world, django_capture_on_commit_callbacks):
    result = remind(django_capture_on_commit_callbacks, dry_run=True)

    assert [sent.username for sent in result.sent] == ["anna", "bengt"]
    assert mail.outbox == []
    assert Reminder.objects.count() == 0


def test_send_reminders_ignores_closed_rounds(world, django_capture_on_commit_callbacks):
    round_close(user=world.users["bengt"], round=world.round)

    result = remind(django_capture_on_commit_callbacks)

    assert result.rounds == []
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("days_to_deadline", "reminded"),
    [(4, False), (3, True), (0, True), (-10, True)],  # -10: the deadline passed, the round is still open
)
def test_send_reminders_takes_rounds_due_within_the_days_given(
    world, django_capture_on_commit_callbacks, days_to_deadline, reminded
):
    result = remind(
        django_capture_on_commit_callbacks, today=DEADLINE - timedelta(days=days_to_deadline), days=3
    )

    assert result.rounds == (["DR1-2025"] if reminded else [])
    assert len(mail.outbox) == (2 if reminded else 0)


def test_send_reminders_retries_next_run_when_the_server_refuses(
    world, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.followup.test_reminders.RefusingBackend"

    result = remind(django_capture_on_commit_callbacks)

    assert [failed.username for failed in result.failed] == ["anna", "bengt"]
    assert result.sent == []
    assert Reminder.objects.count() == 0


class RefusingBackend:
    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server here")


@pytest.mark.django_db(transaction=True)
def test_send_reminders_outside_a_transaction_sends_as_each_reminder_commits(world):
    first = send_reminders(today=TODAY, days=3, dry_run=False)
    second = send_reminders(today=TODAY, days=3, dry_run=False)

    assert [sent.username for sent in first.sent] == ["anna", "bengt"]
    assert second.sent == []
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@example.se", "bengt@example.se"]
    assert Reminder.objects.count() == 2


@pytest.mark.parametrize("action_count", [2, 20])
def test_send_reminders_queries_do_not_grow_with_actions(
    organisation, action_count, django_assert_num_queries, django_capture_on_commit_callbacks
):
    add_actions(organisation.plan, organisation.units["A1"], action_count)

    # open rounds due; the round's units and the units below them (one walk from the round);
    # unreported actions per unit; those units in the tree; memberships at or above them with users;
    # reminders already sent; per person reminded (anna, bengt): savepoint, insert, release
    with django_assert_num_queries(12):
        result = remind(django_capture_on_commit_callbacks)

    assert [sent.units[0].missing for sent in result.sent] == [action_count, action_count]


def test_command_dry_run_lists_what_would_be_sent_and_who_has_no_address(
    world, django_capture_on_commit_callbacks
):
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send-reminders", "--dry-run", stdout=out)

    lines = out.getvalue().splitlines()
    assert len(lines) == 5  # dry-run notice, anna, bengt, dag without address, summary
    assert "anna <anna@example.se>" in lines[1]
    assert lines[1].endswith("DR1-2025: Avdelning A1 (2)")
    assert lines[2].endswith("DR1-2025: Avdelning A1 (2), Avdelning A2 (1)")
    assert lines[3].endswith("dag (DR1-2025)")
    assert mail.outbox == []
    assert Reminder.objects.count() == 0


def test_command_sends_and_prints_a_summary(world, django_capture_on_commit_callbacks):
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send-reminders", "--days", "5", stdout=out)

    summary = out.getvalue().splitlines()[-1]
    assert re.findall(r": (\d+)\.", summary) == ["1", "2", "0", "1"]  # rounds, sent, already, no address
    assert len(mail.outbox) == 2


def test_command_refuses_negative_days(db):
    with pytest.raises(CommandError, match="-1"):
        call_command("send-reminders", "--days", "-1", stdout=StringIO())
