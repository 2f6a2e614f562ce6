"""What a round shows has versions: `FollowUpRound.data_version` for what is reported in it, and the
shared "content" version (core/versions.py) for what it reads from the plans, the organisation and
economy. Both get a new value in the same transaction as every write that changes them, so a page or
built report stored under them (followup/report.round_key) is never older than the data.

They are raised by signals, for the same reason as the open web's version (docs/decisions.md): every
write to these models counts, the imports', the admin's and each service's alike, and a service that
forgot to call a bump would show stale pages. tests/followup/test_versions.py calls every write
service and checks that it changed what an open round is cached under, so a new service is checked.

- A write to something a round owns (a report, an assessment, a narrative, a ready mark, an event,
  the round itself or its plans and units) raises that round, and the shared "followup" version that
  the pages across rounds (the inbox, the plan pages' latest status) are cached under.
- A write to what rounds read (a plan, goal, indicator, target, action, assignment, unit, membership,
  measurement, person, ledger row …) raises "content": an open round may show it. A closed round
  shows its frozen facts and is cached under its closing instead.

Each is raised once a transaction (core/versions.first_change_in_transaction), and nothing is
stored in the cache by a transaction that has raised one.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from styrkort.core.versions import CONTENT, FOLLOWUP, first_change_in_transaction, new_version, raise_version

from .models import FollowUpRound


def round_changed(round_id: int) -> None:
    """Raise one round's version, once a transaction."""
    if first_change_in_transaction(("round", round_id)):
        FollowUpRound.objects.filter(pk=round_id).update(data_version=new_version())
    raise_version(FOLLOWUP)


def content_changed() -> None:
    raise_version(CONTENT)


# ---------------------------------------------------------------------------
# Signals


def _round_saved(instance, **kwargs) -> None:
    # Always, not once a transaction: the save may have written an older value back.
    FollowUpRound.objects.filter(pk=instance.pk).update(data_version=new_version())
    raise_version(FOLLOWUP)


def _owned_by_round(instance, **kwargs) -> None:
    if instance.round_id is not None:
        round_changed(instance.round_id)


def _measurement(instance, **kwargs) -> None:
    # A value is shown in every round over its indicator whose year has come, not only the one it was
    # reported in.
    content_changed()
    if instance.round_id is not None:
        round_changed(instance.round_id)


def _content(**kwargs) -> None:
    content_changed()


def _round_m2m(instance, action, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, FollowUpRound):
        round_changed(instance.pk)
    elif action.startswith("post_"):
        content_changed()  # from the plan's or unit's side: a round of theirs changed


def _person(instance, update_fields=None, **kwargs) -> None:
    if update_fields and set(update_fields) <= {"last_login", "password"}:
        return  # a login: nothing a round shows (who reported is shown by name)
    content_changed()


def watch_content(*models) -> None:
    """Models whose every write may change what an open round shows; apps above followup (economy)
    register theirs in their ready()."""
    for model in models:
        post_save.connect(_content, sender=model, dispatch_uid=f"round-version-save-{model._meta.label}")
        post_delete.connect(_content, sender=model, dispatch_uid=f"round-version-del-{model._meta.label}")


def watch_content_m2m(*throughs) -> None:
    for through in throughs:
        m2m_changed.connect(_content, sender=through, dispatch_uid=f"round-version-m2m-{through._meta.label}")


def connect_signals() -> None:
    from styrkort.org import models as org
    from styrkort.plans import models as plans

    from . import models

    post_save.connect(_round_saved, sender=FollowUpRound, dispatch_uid="round-version-round")
    for model in (
        models.RoundEvent,
        models.ActionReport,
        models.AssignmentReport,
        models.IndicatorAssessment,
        models.GoalAssessment,
        models.Narrative,
        models.UnitReady,
        models.Reminder,
    ):
        label = model._meta.label
        post_save.connect(_owned_by_round, sender=model, dispatch_uid=f"round-version-save-{label}")
        post_delete.connect(_owned_by_round, sender=model, dispatch_uid=f"round-version-del-{label}")
    post_save.connect(_measurement, sender=models.Measurement, dispatch_uid="round-version-save-measurement")
    post_delete.connect(_measurement, sender=models.Measurement, dispatch_uid="round-version-del-measurement")
    for through in (FollowUpRound.plans.through, FollowUpRound.units.through):
        uid = f"round-version-m2m-{through._meta.label}"
        m2m_changed.connect(_round_m2m, sender=through, dispatch_uid=uid)
    watch_content(
        plans.Plan,
        plans.Perspective,
        plans.GoalArea,
        plans.Goal,
        plans.Breakdown,
        plans.Indicator,
        plans.Target,
        plans.BreakdownBaseline,
        plans.Assignment,
        plans.Action,
        org.Unit,
        org.Membership,
    )
    watch_content_m2m(
        plans.Action.units.through, plans.GoalArea.documents.through, plans.Indicator.breakdowns.through
    )
    user = get_user_model()
    post_save.connect(_person, sender=user, dispatch_uid="round-version-save-person")
    post_delete.connect(_content, sender=user, dispatch_uid="round-version-del-person")
