"""What changed between two rounds: per action, status, assessment or comment; per indicator, status."""

from dataclasses import dataclass

from .report import RoundReport


@dataclass
class Change:
    key: str  # plan/code
    code: str
    text: str
    before_status: str
    after_status: str
    before_colour: str
    after_colour: str
    before_comment: str
    after_comment: str

    @property
    def status_changed(self) -> bool:
        return self.before_status != self.after_status

    @property
    def colour_changed(self) -> bool:
        return self.before_colour != self.after_colour

    @property
    def comment_changed(self) -> bool:
        return self.before_comment != self.after_comment


@dataclass
class IndicatorChange:
    code: str
    name: str
    before_status: str
    after_status: str


@dataclass
class Comparison:
    actions: list[Change]
    indicators: list[IndicatorChange]


def compare_rounds(before: RoundReport, after: RoundReport) -> Comparison:
    old = {f"{a.plan}/{a.code}": a for a in before.actions}
    changes = []
    for action in after.actions:
        key = f"{action.plan}/{action.code}"
        previous = old.get(key)
        change = Change(
            key=key,
            code=action.code,
            text=action.text,
            before_status=previous.status if previous else "",
            after_status=action.status,
            before_colour=previous.colour if previous else "",
            after_colour=action.colour,
            before_comment=previous.comment if previous else "",
            after_comment=action.comment,
        )
        if change.status_changed or change.colour_changed or change.comment_changed:
            changes.append(change)
    old_indicators = {i.code: i for i in before.indicators}
    indicator_changes = [
        IndicatorChange(
            i.code, i.name, old_indicators[i.code].status if i.code in old_indicators else "", i.status
        )
        for i in after.indicators
        if (old_indicators[i.code].status if i.code in old_indicators else "") != i.status
    ]
    return Comparison(actions=changes, indicators=indicator_changes)
