"""A report dataclass as JSON for a JSONField, and back: how closed rounds keep what they showed."""

import datetime as dt
from dataclasses import asdict
from decimal import Decimal
from typing import TypeVar

import dacite

T = TypeVar("T")


def to_json(report) -> dict:
    """Dates and decimals as strings, so the dict stores in a JSONField and reads back exactly."""
    return _jsonable(asdict(report))


def from_json(cls: type[T], data: dict) -> T:
    return dacite.from_dict(
        cls,
        data,
        config=dacite.Config(
            type_hooks={
                Decimal: Decimal,
                dt.date: dt.date.fromisoformat,
                dt.datetime: dt.datetime.fromisoformat,
            }
        ),
    )


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
