"""Follow-up pages: the reporter's inbox and report page, the planner's overview, the round as reported."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styrkort.core.forms import add_errors, with_version
from styrkort.core.history import history_entries
from styrkort.core.page_cache import cached_html, cached_page, mark_cache_state
from styrkort.core.paginator import CappedPaginator
from styrkort.core.responses import xlsx_response
from styrkort.core.versions import CONTENT, FOLLOWUP
from styrkort.org.models import Unit
from styrkort.org.queries import unit_ids_above, unit_ids_below
from styrkort.org.rules import memberships_of
from styrkort.plans.models import TOTAL_BREAKDOWN, Action, Assignment, Goal, Indicator, Plan, Target
from styrkort.plans.queries import actions_with_units

from . import rules, services
from .action_list import action_list_workbook, latest_reports, reports_now_and_before
from .compare import compare_rounds
from .enums import NarrativeSection, ReportContent
from .forms import (
    ActionListForm,
    ActionReportForm,
    AssignmentReportForm,
    CompareForm,
    GoalAssessmentForm,
    IndicatorAssessmentForm,
    MeasurementForm,
    NarrativeForm,
    ReopenForm,
    RoundForm,
)
from .models import (
    ActionReport,
    FollowUpRound,
    GoalAssessment,
    IndicatorAssessment,
    Measurement,
    Narrative,
    UnitReady,
)
from .queries import (
    action_report_of,
    actions_in_round,
    assignments_in_round,
    goals_of,
    open_rounds,
    progress,
    round_own_units,
    round_unit,
    round_units,
    to_report,
)
from .reminders import send_round_reminders
from .report import IndicatorFigures, indicator_line, indicators_with_figures, round_key, round_report
from .rows import ActionReportRow, ActionReportRows
from .shortcuts import get_round
from .status import green_share

MANAGED_SHOWN = 50
ACTIONS_PER_PAGE = 50


@login_required
@cached_page(CONTENT, FOLLOWUP)
def inbox(request):
    """What the person's units must report in open rounds, what is missing, and by when.

    Only the rounds that concern the person are read, so the page does not grow with the region.
    """
    rows = to_report(request.user)
    managed = list(rules.manageable_rounds(open_rounds(), request.user)[:MANAGED_SHOWN])
    context = {
        "rows": rows,
        "managed": managed,
        "closed": list(FollowUpRound.objects.filter(closed_at__isnull=False).order_by("-as_of")[:10]),
        # Everyone may follow an open round as it is reported (read-only unless they report in it).
        "open": [r for r in open_rounds()[:MANAGED_SHOWN] if r not in managed],
        "today": timezone.localdate(),
        "may_set_up": rules.may_set_up_round(request.user, []),
    }
    return render(request, "followup/inbox.html", context)


@login_required
def round_create(request):
    """Planners set up a round for the plans their units own; administrators for any."""
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round = services.round_set_up(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The round %(round)s was set up.") % {"round": round.name})
            return redirect("followup:overview", code=round.code)
    elif not rules.may_set_up_round(request.user, []):
        raise PermissionDenied(_("Only planners and administrators set up rounds."))
    context = {
        "form": form,
        "plan_choices": form.choices(Plan),
        "unit_choices": form.choices(Unit),
        "checked_plans": form.checked("plans"),
        "checked_units": form.checked("units"),
    }
    return render(request, "followup/round_form.html", context)


@login_required
def round_detail(request, code: str):
    """The round as reported: frozen when closed. ?enhet=CODE narrows it to one unit."""
    round = get_round(code)
    unit_code = request.GET.get("enhet", "")
    may_manage = rules.may_manage_round(request.user, round)

    def render_body(extra: dict) -> str:
        report = round_report(round)
        unit = _reporting_unit(report, unit_code) if unit_code else None
        if unit:
            report = report.for_unit(unit.code)
        context = {"round": round, "report": report, "unit": unit, "may_manage": may_manage}
        context["own_units"] = round_own_units(round)
        return render_to_string("followup/_round_body.html", context | extra, request=request)

    body = cached_html(request, ("round", *round_key(round), unit_code, may_manage), render_body)
    response = render(request, "followup/round_detail.html", {"round": round, "body": body})
    return mark_cache_state(request, response)


def _reporting_unit(report, code: str):
    """The unit as the round's report names it (a closed round: as it was named when it closed)."""
    found = next((unit for unit in report.units if unit.code == code), None)
    return found or (None if report.units else Unit.objects.filter(code=code).first())


@login_required
def overview(request, code: str):
    """Per unit: reported and missing; share green per goal area and in total; the not-reported list."""
    round = get_round(code)
    rights = {
        "may_manage": rules.may_manage_round(request.user, round),
        "may_reopen": rules.may_reopen_round(request.user),
        "may_publish": rules.may_manage_round(request.user, round),
    }

    def render_body(extra: dict) -> str:
        context = _overview_context(round) | rights | extra
        return render_to_string("followup/_overview_body.html", context, request=request)

    body = cached_html(request, ("overview", *round_key(round), *rights.values()), render_body)
    response = render(request, "followup/overview.html", {"round": round, "body": body})
    return mark_cache_state(request, response)


def _overview_context(round) -> dict:
    report = round_report(round)
    ready = {mark.unit.code: mark for mark in round.ready_units.select_related("unit", "marked_by")}
    by_unit = []
    for unit in report.units or round_units(round):
        actions = [a for a in report.actions if unit.code in a.units]
        if actions:
            reported = sum(1 for a in actions if a.reported)
            by_unit.append(
                {
                    "unit": unit,
                    "total": len(actions),
                    "reported": reported,
                    "missing": len(actions) - reported,
                    "green": green_share(a.colour for a in actions).green,
                    "ready": ready.get(unit.code),
                }
            )
    return {
        "round": round,
        "own_units": round_own_units(round),
        "report": report,
        "by_unit": by_unit,
        # Red before yellow: what will not be carried out first.
        "deviating": sorted(
            (a for a in report.actions if a.colour in ("red", "yellow")), key=lambda a: a.colour != "red"
        ),
        "events": list(round.events.select_related("by")),
    }


# ---------------------------------------------------------------------------
# Reporting


def _action_form(action, round, data) -> ActionReportForm:
    """The posted report form with the marks the round asks for (status, assessment or both); the
    page shows its rows without forms (followup/rows.py)."""
    form = ActionReportForm(data, prefix=f"a{action.pk}")
    content = ReportContent(round.asks_for)
    if not content.asks_status:
        del form.fields["status"]
    if not content.asks_assessment:
        del form.fields["colour"]
    return form


def _measurement_form(indicator, round, data=None) -> MeasurementForm:
    breakdowns = [None, *(b for b in indicator.breakdowns.all() if b.name != TOTAL_BREAKDOWN)]
    measurements = list(indicator.measurements.all())  # prefetched for periods up to the round's year
    period = max((m.period for m in measurements), default=round.year)
    initial = {"period": period, "shown_period": period}
    for index, breakdown in enumerate(breakdowns):
        found = next(
            (
                m
                for m in measurements
                if m.period == period and m.breakdown_id == (breakdown.pk if breakdown else None)
            ),
            None,
        )
        initial[f"version_{index}"] = found.version if found else 0
        if found:
            initial[f"value_{index}"] = _plain_number(found.value) if found.value is not None else ""
            initial[f"missing_{index}"] = found.missing
            initial["note"], initial["source"] = found.note, found.source
    return MeasurementForm(
        data, prefix=f"i{indicator.pk}", initial=initial, indicator=indicator, breakdowns=breakdowns
    )


def _assessment_form(indicator, data=None) -> IndicatorAssessmentForm:
    override = indicator.round_assessments[0] if getattr(indicator, "round_assessments", None) else None
    initial = (
        {"status": override.status, "trend": override.trend, "reason": override.reason} if override else {}
    )
    return IndicatorAssessmentForm(data, prefix=f"o{indicator.pk}", initial=initial)


def _goal_form(goal, assessment, data=None) -> GoalAssessmentForm:
    initial = {"version": assessment.version if assessment else 0}
    if assessment:
        initial |= {"colour": assessment.colour, "analysis": assessment.analysis}
    return GoalAssessmentForm(data, prefix=f"g{goal.pk}", initial=initial)


def _assignment_form(assignment, data=None) -> AssignmentReportForm:
    report = assignment.round_reports[0] if getattr(assignment, "round_reports", None) else None
    initial = {"version": report.version if report else 0, "comment": report.comment if report else ""}
    return AssignmentReportForm(data, prefix=f"u{assignment.pk}", initial=initial)


def _measurement_form_after_conflict(indicator, round, data, error) -> MeasurementForm:
    current = _measurement_form(indicator, round)
    posted = data.copy()
    for name in ("shown_period", *(f"version_{i}" for i in range(len(current.breakdowns)))):
        posted[f"{current.prefix}-{name}"] = current.initial.get(name, 0)
    form = _measurement_form(indicator, round, posted)
    form.is_valid()
    theirs = _plain_number(error.current.value) if error.current.value is not None else _("data missing")
    form.add_error(None, f"{error} " + _("Their value: %(value)s.") % {"value": theirs})
    return form


def _plain_number(value) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


@login_required
def unit_report(request, code: str, unit_code: str):
    """A department reports all its actions, indicators and texts on one page."""
    # The page walks from the round's units (round_units); its plans are read to build what it caches.
    round = get_round(code, with_plans=False)
    unit, below = round_unit(round, unit_code)
    if unit is None:
        unit = get_object_or_404(Unit, code=unit_code)
        raise PermissionDenied(_("The unit %(code)s does not report in this round.") % {"code": unit.code})
    if not round.is_open:
        messages.info(request, _("The round is closed. This is what was reported."))
        return redirect(f"{round.get_absolute_url()}?enhet={unit.code}")
    if not rules.may_report_for_unit(request.user, round, unit):
        raise PermissionDenied(_("You may not report for %(unit)s.") % {"unit": unit.name})
    only_missing = request.GET.get("visa") == "ej-rapporterade"

    def render_body(extra: dict) -> str:
        prefetch_related_objects([round], "plans")  # as ids in the page's queries (round_plan_ids)
        context = _unit_report_context(request.user, round, unit, below, only_missing, extra["csrf_token"])
        return render_to_string("followup/_unit_report_body.html", context | extra, request=request)

    # Per person: which goals and assignments the page offers depends on the viewer's rights.
    key = ("unit-report", *round_key(round), unit.pk, only_missing, request.user.pk)
    body = cached_html(request, key, render_body)
    context = {"round": round, "unit": unit, "body": body}
    return mark_cache_state(request, render(request, "followup/unit_report.html", context))


def _unit_report_context(
    user, round, unit, below: frozenset[int], only_missing: bool, csrf_token: str
) -> dict:
    actions = list(actions_in_round(round, below).prefetch_related(None).prefetch_related("units"))
    reports, previous = reports_now_and_before([a.pk for a in actions], round)
    for action in actions:
        action.round_reports = [reports[action.pk]] if action.pk in reports else []
    indicators = list(indicators_with_figures(round, below))
    goals = goals_of(indicators, actions)
    narratives = {n.section: n for n in Narrative.objects.filter(round=round, unit=unit)}
    goal_assessments = {
        a.goal_id: a for a in GoalAssessment.objects.filter(round=round, goal__in=[g.pk for g in goals])
    }
    lean_rows = ActionReportRows(round, unit.code, csrf_token)
    action_rows = [
        {"action": a, "html": lean_rows.html(ActionReportRow.of(a, action_report_of(a), previous.get(a.pk)))}
        for a in actions
        if not (only_missing and _has_a_mark(action_report_of(a)))
    ]
    return {
        "round": round,
        "unit": unit,
        "action_rows": action_rows,
        "areas": _by_area(action_rows),
        "only_missing": only_missing,
        "ready": UnitReady.objects.filter(round=round, unit=unit).select_related("marked_by").first(),
        "action_total": len(actions),
        "indicator_rows": [
            {
                "indicator": i,
                "form": _measurement_form(i, round),
                "line": indicator_line(IndicatorFigures.of(i), round.year, {}),
                "assessment_form": _assessment_form(i),
            }
            for i in indicators
        ],
        "goal_rows": [
            {"goal": goal, "form": _goal_form(goal, goal_assessments.get(goal.pk))}
            for goal in goals
            if rules.may_report_goal(user, round, goal)
        ],
        "assignment_rows": [
            {"assignment": assignment, "form": _assignment_form(assignment)}
            for assignment in assignments_in_round(round, below)
            if rules.may_report_assignment(user, round, assignment)
        ],
        "narrative_forms": [
            (
                section,
                NarrativeForm(
                    prefix=f"n-{section.value}",
                    initial={
                        "section": section.value,
                        "text": narratives[section].text if section in narratives else "",
                        "version": narratives[section].version if section in narratives else 0,
                    },
                ),
            )
            for section in NarrativeSection
        ],
        "reported": sum(1 for a in actions if action_report_of(a)),
    }


def _has_a_mark(report) -> bool:
    return report is not None and bool(report.status or report.colour)


def _by_area(rows: list[dict]) -> list[dict]:
    """The report page's action rows grouped by goal area, in the order they come (plan order)."""
    groups: list[dict] = []
    for row in rows:
        area = row["action"].area or (row["action"].goal.area if row["action"].goal else None)
        if not groups or groups[-1]["area"] != area:
            groups.append({"area": area, "rows": []})
        groups[-1]["rows"].append(row)
    return groups


def _back_to_unit(request, round, anchor: str):
    unit_code = request.POST.get("unit", "")
    if unit_code and Unit.objects.filter(code=unit_code).exists():
        url = reverse("followup:unit_report", args=[round.code, unit_code])
    else:
        url = round.get_absolute_url()
    return HttpResponseRedirect(f"{url}#{anchor}")


@login_required
@require_POST
def action_report_save(request, code: str, action_pk: int):
    round = get_round(code)
    action = get_object_or_404(Action.objects.select_related("plan").prefetch_related("units"), pk=action_pk)
    # This round's report and the one before it (for the row's "last time"), in one query.
    reports, previous = reports_now_and_before([action.pk], round)
    action.round_reports = [reports[action.pk]] if action.pk in reports else []
    form = _action_form(action, round, request.POST)
    conflict = None
    saved = False
    report = action_report_of(action)
    if form.is_valid():
        data = form.cleaned_data
        try:
            report = services.action_report_save(
                user=request.user,
                round=round,
                action=action,
                status=data.get("status", ""),
                colour=data.get("colour", ""),
                comment=data["comment"],
                deviation=data["deviation"],
                version=data["version"],
            )
            saved = True
        except services.StaleEdit as error:
            conflict = error
        except ValidationError as error:
            add_errors(form, error)
    if conflict:
        report = conflict.current
        form = _action_form(action, round, with_version(form, conflict.current.version).data)
        form.is_valid()
    unit_code = request.POST.get("unit", "")
    if saved and not request.htmx:
        messages.success(request, _("%(code)s saved.") % {"code": action.code})
        return _back_to_unit(request, round, f"a-{action.pk}")
    # The same row as the report page's, with what was saved, or with the reporter's values and
    # what is wrong with them.
    row = ActionReportRow.of(
        action,
        report,
        previous.get(action.pk),
        form=None if saved else form,
        saved=saved,
        conflict=conflict.current if conflict else None,
        conflict_message=str(conflict) if conflict else "",
    )
    row_html = ActionReportRows(round, unit_code, get_token(request)).html(row)
    if not request.htmx:
        context = {
            "round": round,
            "action": action,
            "row_html": row_html,
            "conflict": conflict,
            "unit_code": unit_code,
        }
        return render(request, "followup/action_report_page.html", context, status=409 if conflict else 400)
    if saved:
        # The page's "N of M reported" is brought up to date with the row (an out-of-band swap).
        unit, below = round_unit(round, unit_code)
        if unit is not None:
            total, reported = progress(round, below)
            count = render_to_string(
                "followup/_reported_count.html", {"reported": reported, "total": total, "oob": True}
            )
            row_html += mark_safe(count)  # noqa: S308 - rendered by our own template
    return HttpResponse(row_html)


@login_required
@require_POST
def measurement_save(request, code: str, indicator_pk: int):
    round = get_round(code)
    indicator = get_object_or_404(
        Indicator.objects.select_related("goal", "goal__plan").prefetch_related("breakdowns", "measurements"),
        pk=indicator_pk,
    )
    form = _measurement_form(indicator, round, request.POST)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.check_entered_by_hand(indicator)
            with transaction.atomic():
                for breakdown, value, missing in data["values"]:
                    services.measurement_save(
                        user=request.user,
                        round=round,
                        indicator=indicator,
                        breakdown=breakdown,
                        period=data["period"],
                        value=value,
                        missing=missing,
                        note=data["note"],
                        source=data["source"],
                        version=data["versions"][breakdown.pk if breakdown else None],
                    )
            saved = True
        except ValidationError as error:
            add_errors(form, error)
        except services.StaleEdit as error:
            # Nothing was saved. The person's values stay in the form, beside what the other saved, and
            # the versions are brought up to date so that saving again is a choice, not an accident.
            form = _measurement_form_after_conflict(indicator, round, request.POST, error)
    if saved and not request.htmx:
        messages.success(request, _("%(code)s saved.") % {"code": indicator.code})
        return _back_to_unit(request, round, f"i-{indicator.pk}")
    template = "followup/_measurement_form.html" if request.htmx else "followup/measurement_page.html"
    figures = indicators_with_figures(round).filter(pk=indicator.pk).first()
    if saved and figures:
        form = _measurement_form(figures, round)
    return render(
        request,
        template,
        {
            "round": round,
            "indicator": indicator,
            "form": form,
            "saved": saved,
            "unit_code": request.POST.get("unit", ""),
            "line": indicator_line(IndicatorFigures.of(figures), round.year, {}) if figures else None,
            "assessment_form": _assessment_form(figures or indicator),
        },
        status=200 if saved or request.htmx else 400,
    )


@login_required
@require_POST
def unit_ready(request, code: str, unit_code: str):
    """ "Markera som klar" (or take it back): the unit's report is complete and ready for review."""
    round = get_round(code)
    unit = get_object_or_404(Unit, code=unit_code)
    ready = request.POST.get("ready") == "1"
    try:
        services.unit_ready_set(user=request.user, round=round, unit=unit, ready=ready)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The report is marked ready for review.")
            if ready
            else _("The report is no longer marked ready."),
        )
    return redirect("followup:unit_report", code=round.code, unit_code=unit.code)


@login_required
@require_POST
def narrative_save(request, code: str, unit_code: str):
    round = get_round(code)
    unit = get_object_or_404(Unit, code=unit_code)
    section = request.POST.get("section", "")
    if section not in NarrativeSection.values:
        raise PermissionDenied(_("Unknown section."))
    form = NarrativeForm(request.POST, prefix=f"n-{section}")
    conflict = None
    if form.is_valid():
        try:
            services.narrative_save(
                user=request.user,
                round=round,
                unit=unit,
                section=section,
                text=form.cleaned_data["text"],
                version=form.cleaned_data["version"],
            )
        except services.StaleEdit as error:
            conflict, form = error, with_version(form, error.current.version)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The text was saved."))
            return HttpResponseRedirect(
                reverse("followup:unit_report", args=[round.code, unit.code]) + f"#n-{section}"
            )
    return _form_page(
        request,
        round,
        conflict,
        heading=NarrativeSection(section).label.capitalize(),
        theirs=conflict.current.text if conflict else "",
        form_template="followup/_narrative_form.html",
        context={"form": form, "section": NarrativeSection(section), "unit_code": unit.code},
    )


@login_required
@require_POST
def indicator_assessment_save(request, code: str, indicator_pk: int):
    """A person's status or trend instead of the computed one, with the reason shown beside it."""
    round = get_round(code)
    indicator = get_object_or_404(Indicator.objects.select_related("goal", "goal__plan"), pk=indicator_pk)
    form = _assessment_form(indicator, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_assessment_save(
                user=request.user,
                round=round,
                indicator=indicator,
                status=data["status"],
                trend=data["trend"],
                reason=data["reason"],
            )
            messages.success(request, _("%(code)s saved.") % {"code": indicator.code})
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return _back_to_unit(request, round, f"i-{indicator.pk}")


@login_required
@require_POST
def goal_assessment_save(request, code: str, goal_pk: int):
    round = get_round(code)
    goal = get_object_or_404(Goal.objects.select_related("plan"), pk=goal_pk)
    form = _goal_form(goal, GoalAssessment.objects.filter(round=round, goal=goal).first(), request.POST)
    return _save_or_show(
        request,
        round,
        form,
        lambda data: services.goal_assessment_save(user=request.user, round=round, goal=goal, **data),
        code=goal.code,
        anchor=f"g-{goal.pk}",
        theirs=lambda current: (current.analysis, current.get_colour_display()),
        form_template="followup/_goal_form.html",
        context={"goal": goal},
    )


@login_required
@require_POST
def assignment_report_save(request, code: str, assignment_pk: int):
    round = get_round(code)
    assignment = get_object_or_404(Assignment.objects.select_related("plan", "receiver"), pk=assignment_pk)
    form = AssignmentReportForm(request.POST, prefix=f"u{assignment.pk}")
    return _save_or_show(
        request,
        round,
        form,
        lambda data: services.assignment_report_save(
            user=request.user, round=round, assignment=assignment, **data
        ),
        code=assignment.reference,
        anchor=f"u-{assignment.pk}",
        theirs=lambda current: (current.comment, ""),
        form_template="followup/_assignment_form.html",
        context={"assignment": assignment},
    )


def _save_or_show(request, round, form, save, *, code, anchor, theirs, form_template, context):
    """Save the form's values through `save`, back to the unit's page; or show what kept it from
    being saved (a colleague's later save beside the person's own text, or what is wrong)."""
    conflict = None
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except services.StaleEdit as error:
            conflict, form = error, with_version(form, error.current.version)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(code)s saved.") % {"code": code})
            return _back_to_unit(request, round, anchor)
    their_text, their_label = theirs(conflict.current) if conflict else ("", "")
    return _form_page(
        request,
        round,
        conflict,
        heading=code,
        theirs=their_text,
        theirs_label=their_label,
        form_template=form_template,
        context={"form": form, "unit_code": request.POST.get("unit", ""), **context},
    )


def _form_page(request, round, conflict, *, heading, theirs, form_template, context, theirs_label=""):
    """Nothing was saved: the person's text stays theirs to save, with what was wrong, or (a conflict)
    beside what the colleague saved meanwhile."""
    return render(
        request,
        "followup/form_page.html",
        {
            "round": round,
            "conflict": conflict,
            "heading": heading,
            "theirs": theirs,
            "theirs_label": theirs_label,
            "form_template": form_template,
            **context,
        },
        status=409 if conflict else 400,
    )


# ---------------------------------------------------------------------------
# Closing, reopening, comparing


@login_required
def close(request, code: str):
    """Asks first, saying how much is still unreported and by whom; closes on the confirming POST."""
    round = get_round(code)
    if request.method != "POST":
        if not round.is_open:
            return redirect("followup:overview", code=round.code)
        if not rules.may_manage_round(request.user, round):
            raise PermissionDenied(_("You may not close the round %(round)s.") % {"round": round.name})
        report = round_report(round)
        missing_by_unit = [
            (unit, sum(1 for a in report.not_reported if unit.code in a.units)) for unit in report.units
        ]
        context = {
            "round": round,
            "total": len(report.actions),
            "missing": len(report.not_reported),
            "missing_by_unit": [(unit, count) for unit, count in missing_by_unit if count],
        }
        return render(request, "followup/close_confirm.html", context)
    try:
        services.round_close(user=request.user, round=round)
    except services.EmptyRound as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The round is closed. What it shows will not change."))
    return redirect("followup:overview", code=round.code)


@login_required
@require_POST
def remind(request, code: str):
    """ "Skicka påminnelse": those with actions still unreported get the reminder, once per round."""
    round = get_round(code)
    result = send_round_reminders(user=request.user, followup_round=round, today=timezone.localdate())
    messages.success(
        request,
        _(
            "Reminders sent: %(sent)s. Already reminded in this round: %(already)s. Without an e-mail "
            "address: %(without)s."
        )
        % {
            "sent": len(result.sent),
            "already": result.already_reminded,
            "without": len(result.without_email),
        },
    )
    if result.failed:
        messages.error(
            request,
            _("%(failed)s reminders could not be sent; they are tried again next time.")
            % {"failed": len(result.failed)},
        )
    return redirect("followup:overview", code=round.code)


@login_required
@require_POST
def publish(request, code: str):
    """A closed round goes out on the open web."""
    round = services.round_publish(user=request.user, round=get_round(code))
    messages.success(request, _("%(round)s is published on the open web.") % {"round": round.name})
    return redirect("followup:overview", code=round.code)


@login_required
@require_POST
def withdraw(request, code: str):
    """An administrator takes a round off the open web, saying why."""
    round = get_round(code)
    try:
        services.round_publication_withdraw(
            user=request.user, round=round, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The publication is withdrawn; the withdrawal is logged."))
    return redirect("followup:overview", code=round.code)


@login_required
def reopen(request, code: str):
    round = get_round(code)
    if not rules.may_reopen_round(request.user):
        raise PermissionDenied(_("Only an administrator may reopen a round."))
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.round_reopen(user=request.user, round=round, reason=form.cleaned_data["reason"])
        messages.success(request, _("The round is open again. The reopening is logged."))
        return redirect("followup:overview", code=round.code)
    return render(request, "followup/reopen.html", {"round": round, "form": form})


@login_required
def compare(request):
    # Opened with one round chosen (from a round's page), the form asks for the other without an error.
    chosen = {key: request.GET[key] for key in ("before", "after") if request.GET.get(key)}
    form = CompareForm(request.GET if len(chosen) == 2 else None, initial=chosen)
    comparison = None
    if form.is_bound and form.is_valid():
        comparison = compare_rounds(
            round_report(form.cleaned_data["before"]), round_report(form.cleaned_data["after"])
        )
    return render(request, "followup/compare.html", {"form": form, "comparison": comparison})


# ---------------------------------------------------------------------------
# History tabs


@login_required
def action_history(request, pk: int):
    action = get_object_or_404(Action.objects.select_related("plan"), pk=pk)
    entries = history_entries(
        Action.history.filter(id=action.pk).select_related("plan", "goal", "area", "assignment", "parent"),
        ActionReport.history.filter(action_id=action.pk).select_related("round"),
        describe=lambda record: (
            _("Report in %(round)s") % {"round": record.round.name}
            if hasattr(record, "round_id")
            else _("The action")
        ),
        hide=frozenset({"round", "action"}),
    )
    return render(request, "followup/history.html", {"object": action, "entries": entries, "kind": "action"})


@login_required
def indicator_history(request, pk: int):
    indicator = get_object_or_404(Indicator.objects.select_related("goal__plan"), pk=pk)

    def describe(record) -> str:
        model = record.instance_type
        if model is Indicator:
            return _("The indicator")
        if model is Target:
            return _("Target %(year)s") % {"year": record.year}
        if model is Measurement:
            return _("Measurement %(period)s") % {"period": record.period}
        return _("Assessment in %(round)s") % {"round": record.round.name}

    entries = history_entries(
        Indicator.history.filter(id=indicator.pk).select_related("goal"),
        Target.history.filter(indicator_id=indicator.pk).select_related("breakdown"),
        Measurement.history.filter(indicator_id=indicator.pk).select_related("breakdown", "round"),
        IndicatorAssessment.history.filter(indicator_id=indicator.pk).select_related("round"),
        describe=describe,
        hide=frozenset({"indicator", "round"}),
    )
    return render(
        request, "followup/history.html", {"object": indicator, "entries": entries, "kind": "indicator"}
    )


# ---------------------------------------------------------------------------
# The action list, with each action's follow-up


def _filtered_actions(request):
    form = ActionListForm(request.GET or None)
    actions = actions_with_units().order_by("plan__code", "order", "code")
    round = None
    if form.is_valid():
        actions = form.filter(actions)
        round = form.cleaned_data.get("round")
    elif form.is_bound:
        actions = actions.none()  # a filter that cannot be applied shows nothing, and says why
    return form, actions, round


@login_required
@cached_page(CONTENT, FOLLOWUP)
def action_list(request):
    """Every action, filtered by plan, unit, text, year and by how its follow-up went."""
    form, actions, round = _filtered_actions(request)
    page = CappedPaginator(actions, ACTIONS_PER_PAGE).get_page(request.GET.get("sida"))
    rows = list(page.object_list)
    reports = latest_reports([action.pk for action in rows], round)
    for action in rows:
        action.follow_up = reports.get(action.pk)
    query = request.GET.copy()
    query.pop("sida", None)
    context = {
        "form": form,
        "page": page,
        "actions": rows,
        "round": round,
        "query": query.urlencode(),
        **_filter_choices(request.user),
    }
    return render(request, "followup/action_list.html", context)


CHOICES_SHOWN = 300


def _filter_choices(user) -> dict:
    """The plans and units the filter offers to pick: those of the person's units, above and below
    them, at most CHOICES_SHOWN of each (a region has thousands; any other code can be typed)."""
    own = [membership.unit_id for membership in memberships_of(user)]
    near = unit_ids_above(own) | unit_ids_below(own)
    units = Unit.objects.filter(pk__in=near) if own else Unit.objects.all()
    plans = Plan.objects.filter(owner__in=near) if own else Plan.objects.all()
    return {
        "plan_choices": plans.order_by("code").values_list("code", "name")[:CHOICES_SHOWN],
        "unit_choices": units.order_by("code").values_list("code", "name")[:CHOICES_SHOWN],
    }


@login_required
def action_list_download(request):
    """Exactly the actions the list shows with these filters (all pages), as a workbook."""
    form, actions, round = _filtered_actions(request)
    if form.is_bound and not form.is_valid():
        return redirect(f"{reverse('followup:action_list')}?{request.GET.urlencode()}")
    reports = latest_reports(actions.values("pk"), round)
    return xlsx_response(action_list_workbook(list(actions), reports), "atgarder.xlsx")
