"""Lean rows: the table rows a round's pages repeat hundreds of times, written out in Python from the
round's facts with what is the same on every row (labels, badges, the link pattern) made once per
table. Django's template engine spent 0.1–0.3 ms on each such row, most of a round view's time
(bench/README.md); the rest of each page stays a template.
"""

from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from styrkort.core.templatetags.paths import path_to

from .report import ActionLine, IndicatorLine
from .templatetags.followup_format import action_status, colour_badge, outcome_value, status_badge, trend_text

_DASH = "–"


def _missing_badge(symbol: str, text: str) -> str:
    symbol_html = f'<span aria-hidden="true">{symbol}</span>'
    return f'<span class="badge" data-tone="missing">{symbol_html} {escape(text)}</span>'


def _text_or_dash(text: str) -> str:
    return linebreaksbr(text, autoescape=True) if text else _DASH


def action_table_rows(actions: list[ActionLine]) -> SafeString:
    """The body rows of a round's action table (followup/_action_table.html)."""
    not_reported = _missing_badge("?", _("not reported"))
    commented = _missing_badge("…", _("commented, not assessed"))
    owner = escape(_("the plan's owner"))
    by_owner = f' <span class="meta">({owner})</span>'
    deviation_label = escape(_("Deviation"))
    rows = []
    for action in actions:
        if action.reported:
            mark = escape(action_status(action.status)) if action.status else ""
            if action.status and action.colour:
                mark += "<br>"
            if action.colour:
                mark += colour_badge(action.colour)
        else:
            mark = commented if action.commented else not_reported
        comment = _text_or_dash(action.comment)
        if action.deviation:
            deviation = linebreaksbr(action.deviation, autoescape=True)
            comment += f"<p><strong>{deviation_label}:</strong> {deviation}</p>"
        rows.append(
            f'<tr id="action-{escape(action.plan)}-{escape(action.code)}">\n'
            f'<th scope="row"><a href="{path_to(action.pk, "plans:action")}"><span class="code">'
            f"{escape(action.code)}</span></a> {escape(action.text)}</th>\n"
            f'<td class="nowrap">{escape(action.timeline) or _DASH}</td>\n'
            f"<td>{escape(action.owners) or _DASH}{by_owner if action.by_plan_owner else ''}</td>\n"
            f"<td>{mark}</td>\n<td>{comment}</td>\n</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value above is escaped


def indicator_table_rows(indicators: list[IndicatorLine]) -> SafeString:
    """The body rows of a round's indicator table (followup/_indicator_table.html)."""
    per_breakdown = f'<span class="meta">{escape(_("per breakdown"))}</span>'
    total = escape(_("Total"))
    by_hand = escape(_("Assessed by hand:"))
    assessed = escape(_("assessed"))
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
            f'<th scope="row"><a href="{path_to(indicator.pk, "plans:indicator")}">'
            f"{escape(indicator.name)}</a></th>\n"
            f'<td class="nowrap">{target}</td>\n<td>{outcome}</td>\n<td>{status}</td>\n'
            f'<td class="trend-cell">{trend}</td>\n</tr>'
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value above is escaped
