"""Walking the unit tree from given units, in one query whatever the size of the organisation.

django-tree-queries computes the whole tree before it filters, which grows with the region; these
recursive queries start at the units asked about and touch only their branches.
"""

from collections.abc import Iterable

from django.db import connection

from .models import Unit

_TABLE = Unit._meta.db_table


def _walk(unit_ids: Iterable[int], *, join: str) -> frozenset[int]:
    ids = [int(pk) for pk in unit_ids]
    if not ids:
        return frozenset()
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f"WITH RECURSIVE walk(id, parent_id) AS ("  # noqa: S608 - table name from the model, ids as parameters
        f" SELECT id, parent_id FROM {_TABLE} WHERE id IN ({placeholders})"
        f" UNION SELECT u.id, u.parent_id FROM {_TABLE} u JOIN walk w ON {join}"
        f") SELECT id FROM walk"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return frozenset(row[0] for row in cursor.fetchall())


def unit_ids_below(unit_ids: Iterable[int]) -> frozenset[int]:
    """The given units and every unit below them."""
    return _walk(unit_ids, join="u.parent_id = w.id")


def unit_ids_above(unit_ids: Iterable[int]) -> frozenset[int]:
    """The given units and every unit above them."""
    return _walk(unit_ids, join="u.id = w.parent_id")


def with_depth(units: list[Unit]) -> list[Unit]:
    """Units in tree order, each with `depth` (0 for the topmost among them) and `path` (ids from
    the topmost among them down to the unit itself). Computed from parent ids, no query."""
    by_id = {unit.pk: unit for unit in units}
    for unit in units:
        path, node = [unit.pk], unit
        while node.parent_id in by_id and node.parent_id not in path:
            node = by_id[node.parent_id]
            path.append(node.pk)
        unit.path = list(reversed(path))
        unit.depth = len(path) - 1
    return sorted(units, key=lambda u: [(by_id[pk].name, pk) for pk in u.path])
