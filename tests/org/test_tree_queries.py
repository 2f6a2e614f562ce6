"""The unit tree walked from the units asked for (org/queries.py), checked against django-tree-queries,
which computes the whole tree first."""

import pytest

from styrkort.org.models import Unit
from styrkort.org.queries import ancestors, tree_page

pytestmark = pytest.mark.integration


def test_a_page_of_the_tree_is_in_tree_order_with_depths(demo):
    whole = list(Unit.objects.with_tree_fields().order_by("tree_ordering"))

    pages = [*tree_page(0, 7), *tree_page(7, 7), *tree_page(14, len(whole))]

    assert [(u.code, u.tree_depth) for u in pages] == [(u.code, u.tree_depth) for u in whole]


def test_the_units_above_a_unit_topmost_first(demo):
    unit = Unit.objects.get(code="FH")

    assert [u.code for u in ancestors(unit)] == [u.code for u in unit.ancestors()]
    assert ancestors(Unit.objects.get(code="RF")) == []
