"""Walking the unit tree from given units, in one query whatever the size of the organisation.

django-tree-queries computes the whole tree before it filters, which grows with the region; these
recursive queries start at the units asked about and touch only their branches.
"""

from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from .models import Unit

_TABLE = Unit._meta.db_table


def _walk_sql(unit_ids: list[int] | QuerySet, *, join: str) -> tuple[str, list]:
    """The walk from the given units: their ids as parameters, or a queryset of their ids whose SQL the
    walk starts from in the same query."""
    if isinstance(unit_ids, QuerySet):
        start, params = unit_ids.query.sql_with_params()
    else:
        start, params = ", ".join(["%s"] * len(unit_ids)), unit_ids
    sql = (
        f"WITH RECURSIVE walk(id, parent_id) AS ("  # noqa: S608 - table name from the model, ids as parameters
        f" SELECT id, parent_id FROM {_TABLE} WHERE id IN ({start})"
        f" UNION SELECT u.id, u.parent_id FROM {_TABLE} u JOIN walk w ON {join}"
        f") SELECT id FROM walk"
    )
    return sql, list(params)


def units_below(unit_ids: Iterable[int] | QuerySet) -> QuerySet[Unit]:
    """The given units and every unit below them, as a queryset (the walk is its subquery). The units
    may be given as a queryset of their ids, which the walk then starts from in the same query."""
    ids = unit_ids if isinstance(unit_ids, QuerySet) else [int(pk) for pk in unit_ids]
    if not isinstance(ids, QuerySet) and not ids:
        return Unit.objects.none()
    walk = RawSQL(*_walk_sql(ids, join="u.parent_id = w.id"))  # noqa: S611 - ids are parameters
    return Unit.objects.filter(pk__in=walk)


def _walk(unit_ids: Iterable[int], *, join: str) -> frozenset[int]:
    ids = [int(pk) for pk in unit_ids]
    if not ids:
        return frozenset()
    with connection.cursor() as cursor:
        cursor.execute(*_walk_sql(ids, join=join))
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


def ancestors(unit: Unit) -> list[Unit]:
    """The units above `unit`, the topmost first: a walk up from the unit, two queries, however large
    the organisation (django-tree-queries' ancestors() computes the whole tree first)."""
    above = unit_ids_above([unit.pk]) - {unit.pk}
    return with_depth(list(Unit.objects.filter(pk__in=above))) if above else []


def _padded(expression: str) -> str:
    """A sibling's position as six digits, so that the concatenated positions sort as the tree."""
    if connection.vendor == "postgresql":
        return f"lpad(({expression})::text, 6, '0')"
    return f"printf('%%06d', {expression})"  # %% : the query takes parameters


def tree_page(offset: int, limit: int) -> list[Unit]:
    """`limit` units of the whole tree in tree order (siblings by name) from `offset`, each with
    `tree_depth`: one query, a walk from the roots in SQL that reads only the page's units as rows."""
    sql = (
        f"WITH RECURSIVE ranked AS ("  # noqa: S608 - table name from the model, numbers as parameters
        f" SELECT id, parent_id, ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY name, id) AS position"
        f" FROM {_TABLE}),"
        f" walk(id, depth, path) AS ("
        f" SELECT id, 0, {_padded('position')} FROM ranked WHERE parent_id IS NULL"
        f" UNION ALL SELECT r.id, w.depth + 1, w.path || {_padded('r.position')}"
        f" FROM ranked r JOIN walk w ON r.parent_id = w.id)"
        f" SELECT u.*, w.depth AS tree_depth FROM walk w JOIN {_TABLE} u ON u.id = w.id"
        f" ORDER BY w.path LIMIT %s OFFSET %s"
    )
    return list(Unit.objects.raw(sql, [limit, offset]))
