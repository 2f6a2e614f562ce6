"""Lean rows: the table rows a round's pages repeat hundreds of times, written out in Python from the
round's facts with what is the same on every row (labels, badges, the link pattern) made once per
table. Django's template engine spent 0.1–0.3 ms on each such row, most of a round view's time
(bench/README.md); the rest of each page stays a template.
"""

import datetime as dt
import html
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import date_format, time_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from styrkort.core.templatetags.paths import path_pattern

from .enums import ActionStatus, Colour, ReportContent
from .forms import ActionReportForm
from .models import ActionReport
from .report import ActionLine, GoalLine, IndicatorLine, reporter_name
from .templatetags.followup_format import action_status, colour_badge, outcome_value, status_badge, trend_text

_DASH = "–"


def escape(text) -> str:
    """As django.utils.html.escape, without its check for lazy text on every call (a third of a
    table's time): the same characters are replaced."""
    return html.escape(text if type(text) is str else str(text))


def _safe(parts: list[str], between: str = "\n") -> SafeString:
    """Rows written by this module, as HTML: every value in them went through escape()."""
    return mark_safe(between.join(parts))  # noqa: S308 - see above


def _words(text: str, count: int) -> str:
    """The first words of a text, as the truncatewords filter gives them."""
    return Truncator(text).words(count, truncate=" …")


def _missing_badge(symbol: str, text: str) -> str:
    symbol_html = f'<span aria-hidden="true">{symbol}</span>'
    return f'<span class="badge" data-tone="missing">{symbol_html} {escape(text)}</span>'


def _with_breaks(text: str) -> str:
    """The text escaped, its line breaks as <br> (the linebreaksbr filter, for text that has some)."""
    return linebreaksbr(text, autoescape=True) if "\n" in text or "\r" in text else escape(text)


def _text_or_dash(text: str) -> str:
    return _with_breaks(text) if text else _DASH


def _link(name: str):
    """pk → the path of the page `name` for it, with the pattern made once."""
    before, after = path_pattern(name)
    return lambda pk: f"{before}{int(pk)}{after}"


def _colour_badges() -> dict[str, str]:
    return {colour.value: colour_badge(colour.value) for colour in Colour}


def _status_labels() -> dict[str, str]:
    return {status.value: escape(action_status(status.value)) for status in ActionStatus}


def action_table_rows(actions: list[ActionLine]) -> SafeString:
    """The body rows of a round's action table (followup/_action_table.html)."""
    not_reported = _missing_badge("?", _("not reported"))
    commented = _missing_badge("…", _("commented, not assessed"))
    owner = escape(_("the plan's owner"))
    by_owner = f' <span class="meta">({owner})</span>'
    deviation_label = escape(_("Deviation"))
    link, badges, statuses = _link("plans:action"), _colour_badges(), _status_labels()
    rows = []
    for action in actions:
        if action.reported:
            mark = statuses[action.status] if action.status else ""
            if action.status and action.colour:
                mark += "<br>"
            if action.colour:
                mark += badges[action.colour]
        else:
            mark = commented if action.commented else not_reported
        comment = _text_or_dash(action.comment)
        if action.deviation:
            comment += f"<p><strong>{deviation_label}:</strong> {_with_breaks(action.deviation)}</p>"
        rows.append(
            f'<tr id="action-{escape(action.plan)}-{escape(action.code)}">\n'
            f'<th scope="row"><a href="{link(action.pk)}"><span class="code">'
            f"{escape(action.code)}</span></a> {escape(action.text)}</th>\n"
            f'<td class="nowrap">{escape(action.timeline) or _DASH}</td>\n'
            f"<td>{escape(action.owners) or _DASH}{by_owner if action.by_plan_owner else ''}</td>\n"
            f"<td>{mark}</td>\n<td>{comment}</td>\n</tr>"
        )
    return _safe(rows)


def goal_table_rows(goals: list[GoalLine]) -> SafeString:
    """The body rows of an area's goal table in a round: each goal's assessment and analysis."""
    badges = _colour_badges() | {"": colour_badge("")}
    rows = [
        f'<tr><th scope="row">{escape(goal.name)}</th><td>{badges[goal.colour]}</td>'
        f"<td>{_text_or_dash(goal.analysis)}</td></tr>"
        for goal in goals
    ]
    return _safe(rows, "")


def indicator_table_rows(indicators: list[IndicatorLine]) -> SafeString:
    """The body rows of a round's indicator table (followup/_indicator_table.html)."""
    per_breakdown = f'<span class="meta">{escape(_("per breakdown"))}</span>'
    total = escape(_("Total"))
    by_hand = escape(_("Assessed by hand:"))
    assessed = escape(_("assessed"))
    link = _link("plans:indicator")
    rows = []
    for indicator in indicators:
        target = escape(indicator.target_text)
        more = ""
        if indicator.breakdown_targets:
            more = escape(indicator.breakdown_target_text)
        elif indicator.target_breakdowns:
            more = per_breakdown
        target = (f"{target}<br>{more}" if target else more) if more else (target or _DASH)
        if indicator.outcomes:
            several = len(indicator.outcomes) > 1
            items = "".join(
                f'<li class="nowrap">{escape(o.breakdown) if o.breakdown else (total if several else "")} '
                f'<span class="nowrap">{escape(outcome_value(o, indicator))}</span></li>'
                for o in indicator.outcomes
            )
            period = f'<span class="period">{indicator.outcomes[0].period}:</span>'
            outcome = f'{period}\n<ul class="outcomes">{items}</ul>\n'
        else:
            outcome = _DASH
        status = status_badge(indicator.status)
        reason = escape(indicator.override_reason)
        if indicator.status_overridden:
            status += f'<br><span class="meta">{by_hand} {reason}</span>'
        trend = f'<span class="nowrap">{trend_text(indicator.trend)}</span>'
        if indicator.trend_overridden:
            why = "" if indicator.status_overridden else f": {reason}"
            trend += f'<br><span class="meta">{assessed}{why}</span>'
        rows.append(
            f'<tr id="indicator-{escape(indicator.code)}">\n'
            f'<th scope="row"><a href="{link(indicator.pk)}">'
            f"{escape(indicator.name)}</a></th>\n"
            f'<td class="nowrap">{target}</td>\n<td>{outcome}</td>\n<td>{status}</td>\n'
            f'<td class="trend-cell">{trend}</td>\n</tr>'
        )
    return _safe(rows)


def _item_head(action: ActionLine, link) -> str:
    """The code as a link, the text's first 20 words and who is responsible, as a list item opens."""
    return (
        f'<li class="action-item"><a href="{link(action.pk)}"><span class="code">'
        f"{escape(action.code)}</span></a> {escape(_words(action.text, 20))} "
        f'<span class="meta">{escape(action.owners)}</span>'
    )


def deviating_action_items(actions: list[ActionLine]) -> SafeString:
    """The overview's yellow and red actions, each with its deviation (else its comment)."""
    undescribed = _("No deviation was described.")
    link, badges = _link("plans:action"), _colour_badges()
    items = [
        f"{_item_head(action, link)}<br>\n      {badges[action.colour]} <span>"
        f"{escape(_words(action.deviation or action.comment or undescribed, 60))}</span></li>"
        for action in actions
    ]
    return _safe(items)


def not_reported_action_items(actions: list[ActionLine]) -> SafeString:
    """The overview's actions without a mark; the commented ones with the start of their comment."""
    commented = _missing_badge("…", _("commented, not assessed"))
    link = _link("plans:action")
    items = []
    for action in actions:
        said = ""
        if action.commented:
            start = escape(_words(action.comment or action.deviation, 30))
            said = f' {commented}<br><span class="meta">{start}</span>'
        items.append(f"{_item_head(action, link)}{said}</li>")
    return _safe(items)


# ---------------------------------------------------------------------------
# The unit report page: one form per action


@dataclass
class ActionReportRow:
    """One action's row of a unit's report page, as plain values: the action, what was reported last
    time, and the form's values, with its errors and a conflict when a save was refused."""

    pk: int
    code: str
    text: str
    meta: str  # timeline · responsible units
    values: dict[str, str]  # status, colour, comment, deviation, version, as the form shows them
    reported_by: str = ""
    reported_at: dt.datetime | None = None
    previous: tuple[str, str, str, str] | None = None  # last time: round name, status, colour, comment
    errors: dict[str, list[str]] = field(default_factory=dict)  # per field; NON_FIELD_ERRORS the form's
    conflict: ActionReport | None = None  # what someone else saved meanwhile
    conflict_message: str = ""
    saved: bool = False

    @classmethod
    def of(cls, action, report, previous=None, form=None, **extra) -> "ActionReportRow":
        """action: with its units loaded; report, previous: ActionReport or None; form: a bound
        ActionReportForm whose values and errors to show (else the report's values)."""
        if form is not None:
            values = {name: _as_text(form[name].value()) for name in form.fields}
            errors = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
        else:
            values = {f: getattr(report, f) if report else "" for f in _REPORT_FIELDS}
            values["version"] = str(report.version if report else 0)
            errors = {}
        units = ", ".join(unit.label for unit in action.units.all())
        return cls(
            pk=action.pk,
            code=action.code,
            text=action.text,
            meta=f"{action.timeline_text or ''}{' · ' + units if units else ''}",
            values=values,
            reported_by=reporter_name(report) if report else "",
            reported_at=report.reported_at if report else None,
            previous=(previous.round.name, previous.status, previous.colour, previous.comment)
            if previous
            else None,
            errors=errors,
            **extra,
        )


_REPORT_FIELDS = ("status", "colour", "comment", "deviation")


def _as_text(value) -> str:
    return "" if value is None else str(value)


class ActionReportRows:
    """What every row of one page shares, made once: the round's fields and their labels, the select
    options, the form's address pattern, the CSRF token (a placeholder in a cached page)."""

    def __init__(self, round, unit_code: str, csrf_token: str):
        content = ReportContent(round.asks_for)
        self.asks_status, self.asks_colour = content.asks_status, content.asks_assessment
        self.deviation_field = round.asks_deviation and self.asks_colour
        self.unit_code = escape(unit_code)
        self.csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
        self.url_before, self.url_after = path_pattern("followup:action_report", round.code)
        fields = ActionReportForm.base_fields
        symbols = {colour.value: f"{colour.symbol} " for colour in Colour}
        self.options = {
            "status": fields["status"].choices,
            "colour": [
                (value, f"{symbols.get(value, '')}{label}") for value, label in fields["colour"].choices
            ],
        }
        self.labels = {name: fields[name].label for name in ("status", "colour", "comment", "deviation")}
        self.deviation_help = escape(fields["deviation"].help_text)
        self.text = {
            key: escape(text)
            for key, text in {
                "previous_comment": _("Last time's comment"),
                "use_previous": _("Use last time's comment"),
                "conflict": _("Saved by someone else meanwhile"),
                "theirs": _("Their version:"),
                "save": _("Save"),
                "save_anyway": _("Save mine anyway"),
                "saving": _("Saving…"),
                "not_reported": _("Not reported yet"),
            }.items()
        }

    def fields(self) -> list[str]:
        return [
            *(["status"] if self.asks_status else []),
            *(["colour"] if self.asks_colour else []),
            "comment",
            "deviation",
        ]

    def html(self, row: ActionReportRow) -> SafeString:
        code = escape(row.code)
        hidden_code = f'<span class="visually-hidden"> {code}</span>'
        url = f"{self.url_before}{row.pk}{self.url_after}"
        comment_id = f"id_a{row.pk}-comment"
        parts = [
            f'<div class="report-row" id="a-{row.pk}" data-row>\n  <div class="report-row__what">\n'
            f'    <h4 class="ds-heading" data-size="xs" data-row-heading><span class="code">{code}</span> '
            f'<span class="visually-hidden">{escape(_words(row.text, 8))}</span></h4>\n'
            f'    <p>{escape(row.text)}</p>\n    <p class="meta">{escape(row.meta)}</p>\n'
        ]
        if row.previous:
            round_name, status, colour, comment = row.previous
            said = _("Last time (%(round)s):") % {"round": round_name}
            marks = escape(action_status(status)) if status else ""
            if colour:
                marks += f" {colour_badge(colour)}"
            parts.append(
                f'    <div class="previous-report">\n      <p class="meta">{escape(said)} {marks}</p>\n'
            )
            if comment:
                parts.append(
                    f"      <details><summary>{self.text['previous_comment']}</summary>"
                    f'<p class="previous-comment" id="previous-{row.pk}">'
                    f"{linebreaksbr(comment, autoescape=True)}</p></details>\n"
                    f'      <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" '
                    f'data-copy-from="{escape(comment)}" data-copy-to="{comment_id}" hidden>'
                    f"{self.text['use_previous']}{hidden_code}</button>"
                )
            parts.append("    </div>")
        parts.append(
            f'  </div>\n  <form method="post" action="{url}" class="report-row__form"\n'
            f'        hx-post="{url}" hx-target="#a-{row.pk}" hx-swap="outerHTML"'
            ' hx-disabled-elt="find button">\n'
            f'    {self.csrf}\n    <input type="hidden" name="unit" value="{self.unit_code}">\n'
            f'    <input type="hidden" name="a{row.pk}-version" '
            f'value="{escape(row.values.get("version", ""))}" id="id_a{row.pk}-version">\n'
        )
        if row.conflict:
            theirs = row.conflict
            parts.append(
                '    <div class="conflict wide" role="alert">\n'
                f"      <p><strong>{self.text['conflict']}</strong></p>\n"
                f"      <p>{escape(row.conflict_message)}</p>\n"
                f"      <p>{self.text['theirs']} {escape(theirs.get_status_display())}, "
                f"{escape(theirs.get_colour_display())}<br>"
                f"{linebreaksbr(theirs.comment, autoescape=True)}</p>\n"
                "    </div>\n"
            )
        if row.errors.get(NON_FIELD_ERRORS):
            own = " ".join(escape(e) for e in row.errors[NON_FIELD_ERRORS])
            parts.append(f'    <div class="ds-validation-message wide" data-color="danger">{own}</div>\n')
        for name in self.fields():
            parts.append(self._field(row, name, hidden_code))
        if row.saved:
            time = time_format(localtime(row.reported_at), "H:i")
            saved = _("%(code)s saved %(time)s") % {"code": row.code, "time": time}
            said = f'<span aria-hidden="true">✓</span> {escape(saved)}'
        elif row.reported_at:
            when = date_format(localtime(row.reported_at), "j b H:i")
            said = escape(_("Last saved by %(who)s, %(when)s") % {"who": row.reported_by, "when": when})
        else:
            said = self.text["not_reported"]
        button = self.text["save_anyway"] if row.conflict else self.text["save"]
        parts.append(
            '    <div class="wide actions-row">\n'
            f'      <button class="ds-button" type="submit">{button}{hidden_code}</button>\n'
            f'      <span class="htmx-indicator meta" aria-hidden="true">{self.text["saving"]}</span>\n'
            f'      <span class="meta" data-row-said>{said}</span>\n    </div>\n  </form>\n</div>'
        )
        return _safe(parts, "")

    def _field(self, row: ActionReportRow, name: str, hidden_code: str) -> str:
        html_name = f"a{row.pk}-{name}"
        field_id = f"id_{html_name}"
        errors = row.errors.get(name, [])
        wide = " wide" if name in ("comment", "deviation") else ""
        marked = " data-deviation-field" if name == "deviation" and self.deviation_field else ""
        help_text = ""
        if name == "deviation":
            help_text = (
                f'<div class="ds-field__description meta" id="{field_id}-help">{self.deviation_help}</div>'
            )
        value = row.values.get(name, "")
        if name in self.options:
            invalid = f' aria-invalid="true" aria-describedby="{field_id}-error"' if errors else ""
            options = "".join(
                f'<option value="{choice}"{" selected" if choice == value else ""}>{escape(label)}</option>'
                for choice, label in self.options[name]
            )
            control = (
                f'<select class="ds-input" name="{html_name}" id="{field_id}"{invalid}>{options}</select>'
            )
        else:
            rows = 3 if name == "comment" else 2
            described = f' aria-describedby="{field_id}-help"' if help_text else ""
            invalid = ' aria-invalid="true"' if errors else ""
            control = (
                f'<textarea class="ds-input" name="{html_name}" id="{field_id}" rows="{rows}"'
                f"{described}{invalid}>{escape(value)}</textarea>"
            )
        messages = "".join(
            f'<div class="ds-validation-message" data-color="danger" id="{field_id}-error">{escape(e)}</div>'
            for e in errors
        )
        return (
            f'    <div class="ds-field{wide}"{marked}>\n'
            f'      <label class="ds-label" for="{field_id}">'
            f"{escape(self.labels[name])}{hidden_code}</label>\n"
            f"      {help_text}{control}{messages}\n    </div>\n"
        )
