"""What the routers share: the page of results, the code filters and the documented error answers."""

from typing import Any

from ninja import Field, Query, Schema
from ninja.pagination import LimitOffsetPagination

from styrkort.api.errors import ErrorOut
from styrkort.api.schemas import CODE_MAX, CODE_PATTERN

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000


class Pages(LimitOffsetPagination):
    """`limit` (1–500, 50 by default) results from `offset`, with the total `count`."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT, description="How many results, at most 500.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many results to skip.")

    class Output(Schema):
        items: list[Any]
        count: int


def code_filter(description: str) -> Any:
    return Query(None, min_length=1, max_length=CODE_MAX, pattern=CODE_PATTERN, description=description)


READ_ERRORS = {401: ErrorOut, 422: ErrorOut}
DETAIL_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
