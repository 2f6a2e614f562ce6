"""Every write in a follow-up round goes through one of these functions.

Each checks that the round is open, that the thing is part of the round, and that the person may
write it; then it validates, saves in a transaction and leaves a history row naming the person.
A `version` from the form refuses a stale second save instead of overwriting the first.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from styrkort.core.services import upsert
from styrkort.errors import NotAllowed, StyrkortError
from styrkort.org.models import Unit
from styrkort.org.queries import unit_ids_below
from styrkort.plans.models import Action, Assignment, Breakdown, Goal, Indicator

from . import closing, rules
from .enums import RoundEventKind
from .models import (
    ActionReport,
    AssignmentReport,
    FollowUpRound,
    GoalAssessment,
    IndicatorAssessment,
    Measurement,
    Narrative,
    Reported,
    RoundEvent,
    UnitReady,
)
from .queries import (
    progress,
    round_covers_action,
    round_covers_assignment,
    round_covers_goal,
    round_covers_indicator,
    round_unit_ids,
)
from .status import action_report_problems


# A PermissionDenied as well: Django answers it with a 403 page that gives the reason, so views need
# not catch it; imports and commands catch it as StyrkortError.
class RoundClosed(StyrkortError, PermissionDenied):
    def __init__(self, round: FollowUpRound):
        super().__init__(
            _("The round %(round)s is closed; nothing can be changed in it.") % {"round": round.name}
        )


class StaleEdit(StyrkortError):
    """Someone else saved the same thing after this form was opened; `current` is what they saved."""

    def __init__(self, current: Reported):
        name = (
            current.reported_by.get_full_name() or current.reported_by.username if current.reported_by else ""
        )
        self.who = name or _("Someone")
        super().__init__(
            _(
                "%(name)s saved this at %(time)s, after you opened the form. Their text is kept; "
                "yours is still in the form: compare, then save again."
            )
            % {"name": self.who, "time": timezone.localtime(current.reported_at).strftime("%H:%M")}
        )
        self.current = current


class EmptyRound(StyrkortError):
    """A round whose plans and units hold nothing to report: closing it would record "all reported"."""

    def __init__(self, round: FollowUpRound):
        super().__init__(
            _(
                "The round %(round)s holds no action or indicator to report, so it is not closed: "
                "check its plans and reporting units."
            )
            % {"round": round.name}
        )


def round_upsert(*, code: str, plans: list, units: list[Unit], **values) -> tuple[FollowUpRound, bool]:
    existing = FollowUpRound.objects.filter(code=code).first()
    if existing and not existing.is_open:
        raise RoundClosed(existing)
    return upsert(FollowUpRound, lookup={"code": code}, values=values, many={"plans": plans, "units": units})


@transaction.atomic
def round_set_up(*, user, code: str, plans: list, units: list[Unit], **values) -> FollowUpRound:
    """A new round, set up by a person: planners for the plans their units own and with their own
    units reporting, administrators for any (the page and `create-round` alike)."""
    if not rules.may_set_up_round(user, plans):
        raise NotAllowed(_("You may only set up rounds for plans that your units own."))
    outside = rules.units_not_managed(user, units)
    if outside:
        raise ValidationError(
            {
                "units": _(
                    "Only your own units and those below them may report in your round; not %(codes)s."
                )
                % {"codes": ", ".join(unit.code for unit in outside)}
            }
        )
    if FollowUpRound.objects.filter(code=code).exists():
        raise ValidationError({"code": _("The code %(code)s is already used.") % {"code": code}})
    created, _created = round_upsert(code=code, plans=plans, units=units, **values)
    return created


def _open_round_locked(round: FollowUpRound) -> FollowUpRound:
    """Re-read whether the round is closed inside the transaction, so a save cannot slip past a
    concurrent close. The caller's object is kept: its prefetched plans and units are reused."""
    round.closed_at = (
        FollowUpRound.objects.select_for_update()
        .filter(pk=round.pk)
        .values_list("closed_at", flat=True)
        .get()
    )
    if not round.is_open:
        raise RoundClosed(round)
    return round


def _save_reported(model, *, user, lookup: dict, values: dict, version: int | None):
    # Ordered by pk: the models' default ordering (Measurement's breakdown__order) would add an outer
    # join, and PostgreSQL refuses FOR UPDATE on the nullable side of one.
    instance = model.objects.select_for_update().filter(**lookup).order_by("pk").first()
    current_version = instance.version if instance else 0
    if version is not None and version != current_version:
        raise StaleEdit(instance) if instance else NotAllowed(_("What you edited has been removed."))
    if instance is None:
        instance = model(**lookup)
    for name, value in values.items():
        setattr(instance, name, value)
    instance.reported_by = user
    instance.version = current_version + 1
    # The row was just looked up under lock by its keys, and the objects in the lookup are loaded:
    # skip re-checking them (a query each); the database's constraints still hold.
    keys = [name for name, value in lookup.items() if hasattr(value, "pk")]
    instance.full_clean(exclude=[*keys, "reported_by"], validate_unique=False, validate_constraints=False)
    instance._history_user = user
    instance.save()
    return instance


@transaction.atomic
def action_report_save(
    *,
    user,
    round: FollowUpRound,
    action: Action,
    status: str = "",
    colour: str = "",
    comment: str = "",
    deviation: str = "",
    version: int | None = None,
) -> ActionReport:
    round = _open_round_locked(round)
    if not round_covers_action(round, action):
        raise NotAllowed(_("The action %(code)s is not part of this round.") % {"code": action.code})
    if not rules.may_report_action(user, round, action):
        raise NotAllowed(_("You may not report for the action %(code)s.") % {"code": action.code})
    problems = action_report_problems(
        asks_for=round.asks_for,
        asks_deviation=round.asks_deviation,
        status=status,
        colour=colour,
        comment=comment,
        deviation=deviation,
    )
    if problems:
        raise ValidationError(problems)
    return _save_reported(
        ActionReport,
        user=user,
        lookup={"round": round, "action": action},
        values={
            "status": status,
            "colour": colour,
            "comment": comment.strip(),
            "deviation": deviation.strip(),
        },
        version=version,
    )


@transaction.atomic
def assignment_report_save(
    *, user, round: FollowUpRound, assignment: Assignment, comment: str, version: int | None = None
) -> AssignmentReport:
    round = _open_round_locked(round)
    if not round_covers_assignment(round, assignment):
        raise NotAllowed(
            _("The assignment %(number)s is not part of this round.") % {"number": assignment.reference}
        )
    if not rules.may_report_assignment(user, round, assignment):
        raise NotAllowed(
            _("You may not report for the assignment %(number)s.") % {"number": assignment.reference}
        )
    if not comment.strip():
        raise ValidationError({"comment": _("Write what has been done about the assignment.")})
    return _save_reported(
        AssignmentReport,
        user=user,
        lookup={"round": round, "assignment": assignment},
        values={"comment": comment.strip()},
        version=version,
    )


def check_entered_by_hand(indicator: Indicator) -> None:
    """An indicator measured by an economy or staff figure takes its values from the economy import
    (economy/services.py), so the figure is entered once; forms and workbooks refuse them."""
    if indicator.figure:
        raise ValidationError(
            {
                "value": _(
                    "%(code)s takes its measurements from the economy and staff import: %(figure)s. "
                    "Import the figures there instead."
                )
                % {"code": indicator.code, "figure": indicator.get_figure_display()}
            }
        )


@transaction.atomic
def measurement_save(
    *,
    user,
    round: FollowUpRound,
    indicator: Indicator,
    breakdown: Breakdown | None,
    period: int,
    value: Decimal | None,
    missing: bool = False,
    note: str = "",
    source: str = "",
    version: int | None = None,
) -> Measurement:
    round = _open_round_locked(round)
    if not round_covers_indicator(round, indicator):
        raise NotAllowed(_("The indicator %(code)s is not part of this round.") % {"code": indicator.code})
    if not rules.may_report_indicator(user, round, indicator):
        raise NotAllowed(_("You may not report for the indicator %(code)s.") % {"code": indicator.code})
    if period > round.year:
        raise ValidationError(
            {"period": _("The period %(period)s is after the round's date.") % {"period": period}}
        )
    return _save_reported(
        Measurement,
        user=user,
        lookup={"indicator": indicator, "breakdown": breakdown, "period": period},
        values={
            "value": value,
            "missing": missing,
            "note": note.strip(),
            "source": source.strip(),
            "round": round,
        },
        version=version,
    )


@transaction.atomic
def indicator_assessment_save(
    *, user, round: FollowUpRound, indicator: Indicator, status: str, trend: str, reason: str
) -> IndicatorAssessment | None:
    """Override the computed status or trend with a reason; both empty removes the override."""
    round = _open_round_locked(round)
    if not round_covers_indicator(round, indicator):
        raise NotAllowed(_("The indicator %(code)s is not part of this round.") % {"code": indicator.code})
    if not rules.may_report_indicator(user, round, indicator):
        raise NotAllowed(_("You may not report for the indicator %(code)s.") % {"code": indicator.code})
    if not status and not trend:
        IndicatorAssessment.objects.filter(round=round, indicator=indicator).delete()
        return None
    return _save_reported(
        IndicatorAssessment,
        user=user,
        lookup={"round": round, "indicator": indicator},
        values={"status": status, "trend": trend, "reason": reason.strip()},
        version=None,
    )


@transaction.atomic
def goal_assessment_save(
    *, user, round: FollowUpRound, goal: Goal, colour: str, analysis: str = "", version: int | None = None
) -> GoalAssessment:
    round = _open_round_locked(round)
    if not round_covers_goal(round, goal):
        raise NotAllowed(_("The goal %(code)s is not part of this round.") % {"code": goal.code})
    if not rules.may_report_goal(user, round, goal):
        raise NotAllowed(_("You may not assess the goal %(code)s.") % {"code": goal.code})
    return _save_reported(
        GoalAssessment,
        user=user,
        lookup={"round": round, "goal": goal},
        values={"colour": colour, "analysis": analysis.strip()},
        version=version,
    )


@transaction.atomic
def narrative_save(
    *, user, round: FollowUpRound, unit: Unit, section: str, text: str, version: int | None = None
) -> Narrative:
    round = _open_round_locked(round)
    if unit.pk not in round_unit_ids(round):
        raise NotAllowed(_("The unit %(code)s does not report in this round.") % {"code": unit.code})
    if not rules.may_report_for_unit(user, round, unit):
        raise NotAllowed(_("You may not write for the unit %(code)s.") % {"code": unit.code})
    return _save_reported(
        Narrative,
        user=user,
        lookup={"round": round, "unit": unit, "section": section},
        values={"text": text.strip()},
        version=version,
    )


@transaction.atomic
def unit_ready_set(*, user, round: FollowUpRound, unit: Unit, ready: bool) -> UnitReady | None:
    """Marks the unit's report as complete and ready for review (every action reported), or takes
    the mark back."""
    round = _open_round_locked(round)
    if unit.pk not in round_unit_ids(round):
        raise NotAllowed(_("The unit %(code)s does not report in this round.") % {"code": unit.code})
    if not rules.may_report_for_unit(user, round, unit):
        raise NotAllowed(_("You may not write for the unit %(code)s.") % {"code": unit.code})
    if not ready:
        UnitReady.objects.filter(round=round, unit=unit).delete()
        return None
    total, reported = progress(round, unit_ids_below([unit.pk]))
    if reported < total:
        raise ValidationError(
            ngettext(
                "%(missing)s action is not reported yet, so the report is not ready.",
                "%(missing)s actions are not reported yet, so the report is not ready.",
                total - reported,
            )
            % {"missing": total - reported}
        )
    mark, _created = UnitReady.objects.get_or_create(round=round, unit=unit, defaults={"marked_by": user})
    return mark


@transaction.atomic
def round_close(*, user, round: FollowUpRound) -> FollowUpRound:
    """Freeze the round: what it shows from now on is stored with it."""
    from .report import build_round_report  # report imports services' models; keep the cycle out

    round = _open_round_locked(round)
    if not rules.may_manage_round(user, round):
        raise NotAllowed(_("You may not close the round %(round)s.") % {"round": round.name})
    report = build_round_report(round)
    if not report.actions and not report.indicators:
        raise EmptyRound(round)
    round.closed_at = timezone.now()
    round.closed_by = user
    round.snapshot = report.to_json()
    round._history_user = user
    round.save()
    closing.run_close_steps(round)
    RoundEvent.objects.create(round=round, kind=RoundEventKind.CLOSED, by=user, snapshot=round.snapshot)
    return round


@transaction.atomic
def round_publish(*, user, round: FollowUpRound) -> FollowUpRound:
    """A closed round's facts go out on the open web; a logged act."""
    round = FollowUpRound.objects.select_for_update().get(pk=round.pk)
    if not rules.may_manage_round(user, round):
        raise NotAllowed(_("You may not publish the round %(round)s.") % {"round": round.name})
    if round.is_open:
        raise NotAllowed(
            _("Only a closed round is published: close %(round)s first.") % {"round": round.name}
        )
    if round.published_at is None:
        round.published_at, round.published_by = timezone.now(), user
        round._history_user = user
        round.save(update_fields=["published_at", "published_by"])
        RoundEvent.objects.create(round=round, kind=RoundEventKind.PUBLISHED, by=user)
    return round


def _withdraw(round: FollowUpRound, *, user, reason: str) -> None:
    round.published_at = round.published_by = None
    round._history_user = user
    round.save(update_fields=["published_at", "published_by"])
    RoundEvent.objects.create(round=round, kind=RoundEventKind.WITHDRAWN, by=user, reason=reason)


@transaction.atomic
def round_publication_withdraw(*, user, round: FollowUpRound, reason: str) -> FollowUpRound:
    """Takes a round off the open web: an administrator's act, with a reason, logged."""
    round = FollowUpRound.objects.select_for_update().get(pk=round.pk)
    if not rules.may_reopen_round(user):
        raise NotAllowed(_("Only an administrator may withdraw a publication."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the publication is withdrawn.")})
    if round.published_at is not None:
        _withdraw(round, user=user, reason=reason.strip())
    return round


@transaction.atomic
def round_reopen(*, user, round: FollowUpRound, reason: str) -> FollowUpRound:
    round = FollowUpRound.objects.select_for_update().get(pk=round.pk)
    if not rules.may_reopen_round(user):
        raise NotAllowed(_("Only an administrator may reopen a round."))
    if round.is_open:
        raise NotAllowed(_("The round %(round)s is already open.") % {"round": round.name})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the round is reopened.")})
    if round.published_at is not None:  # an open round's figures are never public
        _withdraw(round, user=user, reason=reason.strip())
    RoundEvent.objects.create(round=round, kind=RoundEventKind.REOPENED, by=user, reason=reason.strip())
    round.closed_at = None
    round.closed_by = None
    round.snapshot = None
    round._history_user = user
    round.save()
    closing.run_reopen_steps(round)
    return round
