from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styrkort.core.page_cache import cached_page
from styrkort.core.versions import CONTENT, FOLLOWUP
from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import open_rounds, to_report
from styrkort.followup.report import round_report
from styrkort.followup.shortcuts import get_round, get_round_and_unit
from styrkort.followup.status import IndicatorStatus
from styrkort.org.models import Unit
from styrkort.org.queries import unit_ids_below
from styrkort.org.rules import memberships_of
from styrkort.plans.models import Action, Plan

from .catalogue import BY_SLUG, PLAN, ROUND_PLAN, ROUND_UNIT, ReportKind
from .jobs import report_job_start, runs_in_background
from .models import ReportJob
from .renderers import FORMATS
from .services import NotFinal, document_content, final_version_check, stored_content


@login_required
@cached_page(CONTENT, FOLLOWUP)
def home(request):
    """The start page: what this person is responsible for, and where to go from here."""
    memberships = memberships_of(request.user)
    within = unit_ids_below(m.unit_id for m in memberships)
    units = list(
        Unit.objects.filter(pk__in=within)
        .annotate(action_count=Count("actions", distinct=True))
        .order_by("name")
    )
    plans = list(
        Plan.objects.filter(owner_id__in=within).select_related("owner").order_by("-start_year", "name")[:20]
    )
    context = {
        "how_we_are_doing": _how_we_are_doing(plans),
        "rounds_in_progress": list(open_rounds()[:10]),
        "to_report": to_report(request.user),
        "memberships": memberships,
        "units": units,
        "plans": plans,
        "action_count": Action.objects.filter(units__in=within).distinct().count(),
        "latest_plans": list(Plan.objects.select_related("owner").order_by("-start_year", "name")[:5]),
    }
    return render(request, "reports/home.html", context)


def _how_we_are_doing(plans: list[Plan]) -> dict | None:
    """Per goal area of the person's plans (else the latest plans), the share green and the
    indicators' status counts of the latest closed round: what the board was last told."""
    rounds = FollowUpRound.objects.filter(closed_at__isnull=False).order_by("-as_of", "-pk")
    round = (rounds.filter(plans__in=plans) if plans else rounds).distinct().first()
    if round is None:
        return None
    report = round_report(round)
    statuses = list(IndicatorStatus)
    areas = [
        {
            "name": area.name,
            "green": area.green,
            "indicators": [
                (status, sum(1 for i in area.indicators if (i.status or "grey") == status.value))
                for status in statuses
            ],
        }
        for area in report.areas
        if area.actions or area.indicators
    ]
    return {"round": round, "areas": areas, "total": report.green}


def _kind(slug: str, scope: str) -> ReportKind:
    kind = BY_SLUG.get(slug)
    if kind is None or kind.scope != scope:
        raise Http404(_("There is no such report."))
    return kind


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404(_("There is no report format %(format)s.") % {"format": fmt})
    return fmt


def _page(request, kind: ReportKind, document, *, round=None, unit=None, plan=None, file_args: tuple):
    # A closed round's downloads say they are the final version, so a link kept in an agenda
    # never quietly serves a preliminary one after the round is reopened.
    final = "?version=final" if round is not None and not round.is_open else ""
    context = {
        "kind": kind,
        "round": round,
        "unit": unit,
        "plan": plan,
        "document": document,
        "downloads": [
            (name, reverse(f"reports:{kind.scope}_file", args=(*file_args, name)) + final)
            for name in FORMATS
            if name != "html"
        ],
    }
    return render(request, "reports/document_page.html", context)


@login_required
def round_unit(request, code: str, unit_code: str, slug: str):
    """A unit's report in a round as a page, with its downloads."""
    kind = _kind(slug, ROUND_UNIT)
    round, unit = get_round_and_unit(code, unit_code)
    document = kind.build(round, unit)
    return _page(request, kind, document, round=round, unit=unit, file_args=(code, unit_code, slug))


@login_required
def round_unit_file(request, code: str, unit_code: str, slug: str, fmt: str):
    kind, fmt = _kind(slug, ROUND_UNIT), _format(fmt)
    round, unit = get_round_and_unit(code, unit_code)
    return _file(request, kind, round, unit.code, fmt, lambda: kind.build(round, unit))


def _round_and_plan(code: str, plan_code: str):
    round = get_round(code)
    plan = next((p for p in round.plans.all() if p.code == plan_code), None)
    if plan is None:
        raise Http404(_("The plan %(plan)s is not followed up in this round.") % {"plan": plan_code})
    return round, plan


@login_required
def round_plan(request, code: str, plan_code: str, slug: str):
    kind = _kind(slug, ROUND_PLAN)
    round, plan = _round_and_plan(code, plan_code)
    document = kind.build(round, plan)
    return _page(request, kind, document, round=round, plan=plan, file_args=(code, plan_code, slug))


@login_required
def round_plan_file(request, code: str, plan_code: str, slug: str, fmt: str):
    kind, fmt = _kind(slug, ROUND_PLAN), _format(fmt)
    round, plan = _round_and_plan(code, plan_code)
    return _file(request, kind, round, plan.code, fmt, lambda: kind.build(round, plan))


@login_required
def plan(request, plan_code: str, slug: str):
    kind = _kind(slug, PLAN)
    found = get_object_or_404(Plan.objects.select_related("owner"), code=plan_code)
    return _page(request, kind, kind.build(found), plan=found, file_args=(plan_code, slug))


@login_required
def plan_file(request, plan_code: str, slug: str, fmt: str):
    kind, fmt = _kind(slug, PLAN), _format(fmt)
    found = get_object_or_404(Plan.objects.select_related("owner"), code=plan_code)
    return _file(request, kind, None, found.code, fmt, lambda: kind.build(found))


def _file(request, kind: ReportKind, round, subject: str, fmt: str, build) -> HttpResponse:
    """The document as a file: a closed round's as it was first built; a large PDF or DOCX from the
    background worker, by way of a page that waits for it; else built now. `?version=final` asks
    for the closed round's version and is refused, with the reason, while the round is open."""
    if request.GET.get("version") == "final":
        try:
            final_version_check(round)
        except NotFinal as refused:
            context = {"message": str(refused), "round": round}
            return render(request, "reports/not_final.html", context, status=409)
    filename = f"{kind.slug}-{round.code.lower() + '-' if round else ''}{subject.lower()}"
    stored = stored_content(round=round, kind=kind.name, subject=subject, fmt=fmt)
    if stored is not None:
        return file_response(stored, filename, fmt)
    document = build()
    if runs_in_background(document, fmt):
        job = report_job_start(
            user=request.user, kind=kind.name, round=round, subject=subject, fmt=fmt, filename=filename
        )
        return redirect("reports:job", pk=job.pk)
    content = document_content(round=round, kind=kind.name, subject=subject, fmt=fmt, build=lambda: document)
    return file_response(content, filename, fmt)


@login_required
def job(request, pk):
    """A report the background worker builds: how it goes, asked again every few seconds, and the
    file when it is there."""
    found = get_object_or_404(ReportJob.objects.defer("content"), pk=pk, user=request.user)
    return render(request, "reports/job.html", {"job": found})


@login_required
def job_file(request, pk):
    found = get_object_or_404(ReportJob, pk=pk, user=request.user, state=ReportJob.State.DONE)
    return file_response(bytes(found.content), found.filename, found.format)


def file_response(content: bytes, filename: str, fmt: str) -> HttpResponse:
    kind = FORMATS[fmt]
    response = HttpResponse(content, content_type=kind.media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{kind.extension}"'
    return response
