"""Who changed what, when, from what to what: django-simple-history's rows as readable entries."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from itertools import chain

from django.utils.dateformat import format as date_format
from django.utils.timezone import is_aware, localtime
from django.utils.translation import gettext_lazy as _

from .numbers import format_number

KINDS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
IGNORED = {"id", "version", "reported_at", "reported_by"}


@dataclass
class Change:
    field: str
    before: str
    after: str


@dataclass
class Entry:
    when: datetime
    who: str
    what: str
    kind: str
    changes: list[Change] = field(default_factory=list)


def _shown(record, model_field) -> str:
    value = getattr(record, model_field.attname)
    if value is None or value == "":
        return "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        # The caller select_related()s the relations it shows, or this costs a query.
        return str(getattr(record, model_field.name))
    # As the pages write them: "67" and "0,5" (not "67.0000"), "ja"/"nej" (not "False"), "1 dec 2026".
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return format_number(value)
    if isinstance(value, datetime):
        return date_format(localtime(value) if is_aware(value) else value, "j b Y H:i")
    if isinstance(value, date):
        return date_format(value, "j b Y")
    return str(value)


def history_entries(*querysets, describe, hide: frozenset = frozenset(), limit: int = 200) -> list[Entry]:
    """Newest first. Each queryset is a model's history; `describe(record)` names the object.

    Fields in `hide` are left out (say, the object's own keys that `describe` already names).
    Diffs are computed here from consecutive rows (one query per model), not with
    record.prev_record, which costs a query per row.
    """
    records = sorted(
        chain.from_iterable(qs.select_related("history_user").order_by("history_date") for qs in querysets),
        key=lambda r: r.history_date,
    )
    previous: dict[tuple, object] = {}
    entries = []
    for record in records:
        key = (record.instance_type, record.id)
        before = previous.get(key)
        fields = [f for f in record.instance_type._meta.fields if not {f.attname, f.name} & (IGNORED | hide)]
        changes = []
        for model_field in fields:
            old = _shown(before, model_field) if before else "–"
            new = _shown(record, model_field)
            if old != new and not (before is None and new == "–"):
                changes.append(Change(str(model_field.verbose_name), old, new))
        previous[key] = record
        user = record.history_user
        entries.append(
            Entry(
                when=record.history_date,
                who=(user.get_full_name() or user.username) if user else "",
                what=describe(record),
                kind=str(KINDS.get(record.history_type, record.history_type)),
                changes=changes,
            )
        )
    entries.reverse()
    return entries[:limit]
