"""The follow-up's word on the plan pages: each action's latest status and assessment, and an action's
reports round by round.

Plans sits below followup and imports nothing of it (docs/development.md, the layers). The followup
app registers its reader here in its AppConfig.ready, as economy registers its close step; without one
(plans on its own) the pages show no status.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReportNote:
    """One report of an action, as a plan page shows it (labels already in the reader's language)."""

    round_code: str
    round_name: str
    round_url: str
    round_open: bool
    status: str  # "pågår", or "" when the round asked for none
    colour: str  # "green", "yellow", "red" or ""
    colour_symbol: str
    colour_label: str
    comment: str
    deviation: str
    reported_by: str
    reported_at: dt.datetime | None


@dataclass(frozen=True)
class IndicatorNote:
    """An indicator's status and trend as the latest round that follows it up computes them."""

    round_name: str
    round_url: str
    round_open: bool
    status: str  # "met", "not_met", … or ""
    status_symbol: str
    status_label: str
    trend_arrow: str
    trend_label: str
    assessed_by_hand: str  # the reason, when a person set the status or trend


@dataclass
class Reader:
    latest: Callable[[Iterable[int]], dict[int, ReportNote]]  # per action id its latest report
    history: Callable[[int], list[ReportNote]]  # an action's reports, the latest first
    indicator: Callable[[object], IndicatorNote | None]  # an indicator's status in its latest round


_readers: list[Reader] = []


def register(reader: Reader) -> None:
    _readers[:] = [reader]


def attach_latest(*action_lists: list) -> None:
    """Sets `follow_up` (a ReportNote or None) on every action of the lists, in one query."""
    actions = [action for actions in action_lists for action in actions]
    notes = _readers[0].latest([action.pk for action in actions]) if _readers and actions else {}
    for action in actions:
        action.follow_up = notes.get(action.pk)


def history(action_id: int) -> list[ReportNote]:
    return _readers[0].history(action_id) if _readers else []


def indicator_status(indicator) -> IndicatorNote | None:
    return _readers[0].indicator(indicator) if _readers else None


def colour_counts(action_ids, total: int) -> dict[str, int] | None:
    """How many of the `total` actions (`action_ids`, a list or a query of their ids) are green,
    yellow and red by their latest report, and how many have no assessment; None without a reader."""
    if not _readers:
        return None
    counts = Counter(note.colour for note in _readers[0].latest(action_ids).values() if note.colour)
    assessed = {key: counts.get(key, 0) for key in ("green", "yellow", "red")}
    return {**assessed, "none": total - sum(assessed.values())}
