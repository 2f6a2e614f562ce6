"""The one write path that plan and organisation services share: validate fully, then save."""

import copy
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models, transaction

M = TypeVar("M", bound=models.Model)

# Called with the row as it was (None when it is new) and as it would be, before anything is saved;
# raises (NotAllowed) to refuse. Only a row that changes something is asked about.
Authorise = Callable[[M | None, M], None]


@transaction.atomic
def upsert(
    model: type[M],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    many: dict[str, list] | None = None,
    user=None,
    authorise: Authorise | None = None,
) -> tuple[M, bool]:
    """Create or update the row found by `lookup`; full_clean() first so every rule speaks.

    Returns (object, created). Raises django's ValidationError with field names as keys.
    `user` is named in the history row (simple-history) when the model keeps one. A row that the
    values leave as it is, is not saved again: no history row says someone changed it, and
    `authorise` is not asked (a planner may upload the whole register with others' plans unchanged).
    """
    instance = model.objects.filter(**lookup).first()
    created = instance is None
    before = None if created else copy.copy(instance)
    if created:
        instance = model(**lookup)
    for field, value in values.items():
        setattr(instance, field, value)
    instance.full_clean()
    related = {field: list(objects) for field, objects in (many or {}).items()}
    if before is not None and not _changed(before, instance, related):
        return instance, False
    if authorise is not None:
        authorise(before, instance)
    if user is not None:
        instance._history_user = user
    instance.save()
    for field, objects in related.items():
        getattr(instance, field).set(objects)
    return instance, created


def _changed(before: models.Model, after: models.Model, related: dict[str, list]) -> bool:
    fields = after._meta.concrete_fields
    if any(getattr(before, field.attname) != getattr(after, field.attname) for field in fields):
        return True
    return any(
        set(getattr(before, field).values_list("pk", flat=True)) != {obj.pk for obj in objects}
        for field, objects in related.items()
    )
