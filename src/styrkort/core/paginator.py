"""Pages of a list that counts no further than it needs: counting every matching row of a whole
region grows with the region, and nobody pages through more than a thousand of them."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """A Paginator whose count stops at COUNT_CAP + 1 (`more_than_cap` then says so): the rows past
    the cap are reached by narrowing the filter, not by paging."""

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        if hasattr(rows, "order_by"):
            rows = rows.order_by()  # the order does not change the count, and costs a sort of them all
        return rows[: COUNT_CAP + 1].count()

    @property
    def more_than_cap(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def cap(self) -> int:
        return COUNT_CAP
