"""Reminders before a round's deadline: who still has actions to report, told once per round.

`send_reminders()` does the work; the `send-reminders` command calls it, and a task can too.
The queries per round do not grow with the number of actions: one counts the unreported actions
per unit, one places those units in the tree, one finds the people at or above them.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from styrkort.errors import NotAllowed
from styrkort.org.models import Membership, Unit
from styrkort.org.rules import REPORTING_ROLES
from styrkort.plans.models import Action

from . import rules
from .models import ActionReport, FollowUpRound, Reminder
from .queries import actions_in_round, open_rounds, round_unit_ids

logger = logging.getLogger(__name__)

DEFAULT_DAYS = 3
MAIL_LANGUAGE = "sv"


@dataclass(frozen=True)
class UnitToReport:
    """One line of a reminder: a unit, how many of its actions are unreported, where to report."""

    code: str
    name: str
    missing: int
    url: str


@dataclass(frozen=True)
class ReminderMail:
    round_code: str
    username: str
    email: str
    units: tuple[UnitToReport, ...]
    subject: str
    body: str


@dataclass
class ReminderResult:
    dry_run: bool
    last_deadline: date
    rounds: list[str] = field(default_factory=list)  # codes of the open rounds due by last_deadline
    # Queued for sending (moved to `failed` if the server refuses); in a dry run, what would be sent.
    # Inside an outer transaction the mail goes out when that transaction commits.
    sent: list[ReminderMail] = field(default_factory=list)
    already_reminded: int = 0
    without_email: list[tuple[str, str]] = field(default_factory=list)  # (round code, username)
    failed: list[ReminderMail] = field(default_factory=list)  # refused by the server; retried next run


def send_reminders(*, today: date, days: int, dry_run: bool) -> ReminderResult:
    """E-mail everyone with unreported actions in an open round due within `days` of `today`.

    Reporters and planners are reminded for their units and every unit below them, once per
    round: the Reminder row is written in the transaction that queues the mail, so a second run
    (or a concurrent one) sends nothing to someone already reminded. A round whose deadline has
    passed is included for as long as it is open. A dry run sends nothing and writes nothing.
    """
    if days < 0:
        raise ValueError("days must be 0 or more")
    result = ReminderResult(dry_run=dry_run, last_deadline=today + timedelta(days=days))
    connection = None if dry_run else get_connection()
    for followup_round in open_rounds().filter(deadline__lte=result.last_deadline):
        _remind(followup_round, today=today, connection=connection, result=result)
    return result


def send_round_reminders(*, user, followup_round: FollowUpRound, today: date) -> ReminderResult:
    """ "Skicka påminnelse" on the overview: the same reminders for one open round, now, by a person
    who manages it; still once per person and round."""
    if not followup_round.is_open:
        raise NotAllowed(_("The round %(round)s is closed.") % {"round": followup_round.name})
    if not rules.may_manage_round(user, followup_round):
        raise NotAllowed(_("You may not send reminders for %(round)s.") % {"round": followup_round.name})
    result = ReminderResult(dry_run=False, last_deadline=followup_round.deadline)
    _remind(followup_round, today=today, connection=get_connection(), result=result)
    return result


def _remind(followup_round: FollowUpRound, *, today: date, connection, result: ReminderResult) -> None:
    """Remind everyone with unreported actions in the round who has not been reminded in it yet; with
    no connection (a dry run) only say what would be sent."""
    result.rounds.append(followup_round.code)
    reminded = set()
    people = _people_to_remind(followup_round)
    if people:
        reminded = set(
            Reminder.objects.filter(round=followup_round, user__in=people).values_list("user_id", flat=True)
        )
    for user, units in people.items():
        if user.pk in reminded:
            result.already_reminded += 1
            continue
        if not user.email:
            result.without_email.append((followup_round.code, user.username))
            continue
        mail = _compose(followup_round, user, units, today=today)
        if connection is None:
            result.sent.append(mail)
        else:
            _queue(followup_round, user, mail, connection, result)


def missing_by_unit(followup_round: FollowUpRound) -> dict[int, int]:
    """Unreported actions per responsible unit in the round's scope, counted in one query.

    An action with several responsible units counts once for each of them.
    """
    reported = ActionReport.objects.filter(round=followup_round, action=OuterRef("pk"))
    unreported = actions_in_round(followup_round).filter(~Exists(reported)).values("pk")
    rows = (
        Action.units.through.objects.filter(action__in=unreported, unit__in=round_unit_ids(followup_round))
        .values("unit_id")
        .annotate(missing=Count("action_id"))
        .order_by()
    )
    return {row["unit_id"]: row["missing"] for row in rows}


def reporting_url(followup_round: FollowUpRound, unit: Unit) -> str:
    """The unit's reporting page in the round, as a full address for an e-mail."""
    path = reverse("followup:unit_report", args=[followup_round.code, unit.code])
    return f"{settings.STYRKORT_BASE_URL}{path}"


def _people_to_remind(followup_round: FollowUpRound) -> dict:
    """Each active reporter or planner at or above a unit with unreported actions, with those units.

    Ordered by username; each person's units in tree order.
    """
    missing = missing_by_unit(followup_round)
    if not missing:
        return {}
    units = list(Unit.objects.with_tree_fields().filter(pk__in=missing))
    at_or_above = {pk for unit in units for pk in unit.tree_path}
    memberships = (
        Membership.objects.filter(unit__in=at_or_above, role__in=REPORTING_ROLES, user__is_active=True)
        .select_related("user")
        .order_by("user__username", "pk")
    )
    reach: dict = defaultdict(set)  # user -> the units of their reporting memberships
    for membership in memberships:
        reach[membership.user].add(membership.unit_id)
    return {
        user: [
            UnitToReport(
                code=unit.code,
                name=unit.name,
                missing=missing[unit.pk],
                url=reporting_url(followup_round, unit),
            )
            for unit in units
            if unit_ids.intersection(unit.tree_path)
        ]
        for user, unit_ids in reach.items()
    }


def _compose(followup_round: FollowUpRound, user, units: list[UnitToReport], *, today: date) -> ReminderMail:
    context = {
        "name": user.get_full_name() or user.username,
        "round": followup_round,
        "overdue": followup_round.deadline < today,
        "units": units,
    }
    with translation.override(MAIL_LANGUAGE):
        subject = render_to_string("followup/email/reminder_subject.txt", context)
        body = render_to_string("followup/email/reminder.txt", context)
    return ReminderMail(
        round_code=followup_round.code,
        username=user.username,
        email=user.email,
        units=tuple(units),
        subject=" ".join(subject.split()),
        body=body.strip() + "\n",
    )


def _queue(
    followup_round: FollowUpRound, user, mail: ReminderMail, connection, result: ReminderResult
) -> None:
    """Record the reminder and queue the mail in one transaction; the mail leaves on commit."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(round=followup_round, user=user)
            result.sent.append(mail)  # before the commit, which may deliver (and fail) at once
            transaction.on_commit(partial(_deliver, mail, reminder.pk, connection, result))
    except IntegrityError:  # a concurrent run reminded them a moment ago
        result.already_reminded += 1


def _deliver(mail: ReminderMail, reminder_pk: int, connection, result: ReminderResult) -> None:
    message = EmailMessage(subject=mail.subject, body=mail.body, to=[mail.email], connection=connection)
    try:
        message.send()
    except Exception:  # any backend's failure: forget the reminder so that the next run tries again
        logger.exception("Reminder for %s to %s could not be sent", mail.round_code, mail.email)
        Reminder.objects.filter(pk=reminder_pk).delete()
        result.sent.remove(mail)
        result.failed.append(mail)
