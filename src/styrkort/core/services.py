"""The one write path that plan and organisation services share: validate fully, then save."""

from typing import Any, TypeVar

from django.db import models, transaction

M = TypeVar("M", bound=models.Model)


@transaction.atomic
def upsert(
    model: type[M],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    many: dict[str, list] | None = None,
    user=None,
) -> tuple[M, bool]:
    """Create or update the row found by `lookup`; full_clean() first so every rule speaks.

    Returns (object, created). Raises django's ValidationError with field names as keys.
    `user` is named in the history row (simple-history) when the model keeps one.
    """
    instance = model.objects.filter(**lookup).first()
    created = instance is None
    if created:
        instance = model(**lookup)
    for field, value in values.items():
        setattr(instance, field, value)
    instance.full_clean()
    if user is not None:
        instance._history_user = user
    instance.save()
    for field, related in (many or {}).items():
        getattr(instance, field).set(related)
    return instance, created
