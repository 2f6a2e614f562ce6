"""Workbook pages: download, and upload in three steps (check, preview, confirm).

The plan workbook has one page for the whole register; the follow-up workbook one per round and unit.
Both keep a checked file under MEDIA_ROOT until it is confirmed, named by a token in the session.
"""

import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect
from rules.contrib.views import permission_required

from styrkort.core.responses import xlsx_response
from styrkort.economy.rules import may_import_economy
from styrkort.followup.models import FollowUpRound
from styrkort.followup.rules import may_report_for_unit
from styrkort.followup.shortcuts import get_round, get_round_and_unit
from styrkort.org.models import Unit

from .economy_file import TABLES as ECONOMY_TABLES
from .engine import read_bytes
from .followup_workbook import FOLLOWUP_SHEETS
from .forms import EconomyFileUploadForm, FollowUpWorkbookUploadForm, WorkbookConfirmForm, WorkbookUploadForm
from .jobs import job_page_url, job_progress, job_start, result_from_json, run_import, runs_in_background
from .models import ImportJob
from .pending import pending_path, pending_store
from .services import (
    followup_workbook_export,
    max_upload_bytes,
    plan_workbook_export,
    too_large_message,
)
from .workbook import SHEETS, ImportResult, Problem


@dataclass(frozen=True)
class ImportPage:
    """Which import a page runs, and for which round and unit."""

    kind: str
    round: FollowUpRound | None = None
    unit: Unit | None = None

    def run(self, request, **options) -> ImportResult:
        return run_import(self.kind, user=request.user, round=self.round, unit=self.unit, **options)

    def start(self, request, stage: str, token, **options):
        """The same, by the background worker: the person waits on the job's page."""
        job = job_start(
            kind=self.kind,
            stage=stage,
            user=request.user,
            token=token,
            round=self.round,
            unit=self.unit,
            **options,
        )
        return redirect("exchange:job", pk=job.pk)


def _check(request, form, page: ImportPage, session_key: str):
    """A dry run of the uploaded file; a file without problems is kept for the confirm step.
    Returns (result, token), or a redirect to the job of a file checked in the background."""
    if request.method != "POST" or not form.is_valid():
        return None, None
    upload = form.cleaned_data["workbook"]
    if upload.size > max_upload_bytes():
        return ImportResult(problems=[Problem("", None, None, too_large_message())], dry_run=True), None
    content = upload.read()
    background = runs_in_background(len(content))
    if background:
        # What is cheap to see is refused at once (a bomb in milliseconds), the rows by the worker.
        result = ImportResult(dry_run=True)
        read_bytes(content, result, allow_text=page.kind == ImportJob.Kind.ECONOMY)
    else:
        result = page.run(request, source=content, dry_run=True)
    if not result.ok:
        return result, None
    token = pending_store(content)
    request.session[session_key] = str(token)
    if background:
        return page.start(request, ImportJob.Stage.CHECK, token), None
    return result, token


def _confirm(request, page: ImportPage, session_key: str):
    """Import the file checked before, for real: its result, a redirect to its background job, or
    None (with a message) when it is gone."""
    form = WorkbookConfirmForm(request.POST)
    token = str(form.cleaned_data["token"]) if form.is_valid() else None
    path = pending_path(form.cleaned_data["token"]) if token else None
    if token is None or not path.is_file() or not _may_confirm(request, token, session_key):
        messages.error(request, _("The checked file is no longer available. Upload it again."))
        return None
    request.session.pop(session_key, None)
    # Only the confirm step may overwrite: the check listed what others changed since the download.
    options = (
        {"overwrite": request.POST.get("overwrite") == "on"} if page.kind == ImportJob.Kind.FOLLOWUP else {}
    )
    if runs_in_background(path.stat().st_size):
        return page.start(request, ImportJob.Stage.SAVE, token, **options)
    result = page.run(request, source=path.read_bytes(), **options)
    path.unlink(missing_ok=True)
    return result


def _may_confirm(request, token: str, session_key: str) -> bool:
    """The file was checked in this session, or by this person's background job on this page (they
    may have left the page, or logged in again, while it ran)."""
    if token == request.session.get(session_key):
        return True
    jobs = ImportJob.objects.filter(user=request.user, token=token, stage=ImportJob.Stage.CHECK)
    return any(job_page_url(job) == request.path for job in jobs.select_related("round", "unit"))


def _saved(request, result: ImportResult, done_url: str):
    created = sum(c.created for c in result.counts.values())
    updated = sum(c.updated for c in result.counts.values())
    messages.success(
        request,
        _("The workbook was saved: %(created)s new, %(updated)s updated.")
        % {"created": created, "updated": updated},
    )
    return redirect(done_url)


def _upload_page(
    request, *, page: ImportPage, session_key: str, form_class, template: str, context: dict, done_url: str
):
    """GET: the upload form. POST with a file: a dry run and its preview. POST with a token: save.
    GET ?jobb=ID: what a background job found (its preview) or did (saved, or its problems)."""
    context = {"form": form_class(), "result": None, "token": None, **context}
    if "jobb" in request.GET:
        job = _finished_job(request, request.GET["jobb"])
        if job is None:
            return redirect("exchange:job", pk=request.GET["jobb"])
        result = result_from_json(job.result)
        if job.stage == ImportJob.Stage.SAVE and result.ok:
            return _saved(request, result, done_url)
        if job.stage == ImportJob.Stage.CHECK and result.ok:
            context["token"] = job.token
    elif request.method == "POST" and "token" in request.POST:
        result = _confirm(request, page, session_key)
        if result is None:
            return redirect(request.path)
        if not isinstance(result, ImportResult):
            return result  # to the background job
        if result.ok:
            return _saved(request, result, done_url)
    else:
        context["form"] = form_class(request.POST or None, request.FILES or None)
        result, context["token"] = _check(request, context["form"], page, session_key)
        if result is not None and not isinstance(result, ImportResult):
            return result  # to the background job
    context["result"] = result
    return render(request, template, context, status=422 if result and not result.ok else 200)


def _finished_job(request, job_id: str) -> ImportJob | None:
    """The person's own job of this page if it has finished; None while it runs (404 for anyone
    else's, or another page's)."""
    try:
        job = get_object_or_404(ImportJob, pk=uuid.UUID(job_id), user=request.user)
    except ValueError:
        raise Http404 from None
    if job_page_url(job) != request.path:
        raise Http404
    return job if job.state == ImportJob.State.DONE else None


@login_required
def job_status(request, pk):
    """A background import while it runs: how far it has come, asked again every few seconds; when it
    is done, its page shows the result."""
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    if job.state == ImportJob.State.DONE:
        url = f"{job_page_url(job)}?jobb={job.pk}"
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    return render(request, "exchange/job.html", {"job": job, "progress": job_progress(job)})


# ---------------------------------------------------------------------------
# The plan workbook


@login_required
def workbook_download(request):
    return xlsx_response(plan_workbook_export(), f"planarbetsbok-{timezone.localdate().isoformat()}.xlsx")


@login_required
@permission_required("plans.import_workbook", raise_exception=True)
def workbook_import(request):
    return _upload_page(
        request,
        page=ImportPage(ImportJob.Kind.PLAN),
        session_key="pending_import",
        form_class=WorkbookUploadForm,
        template="exchange/workbook_import.html",
        context={"sheets": SHEETS},
        done_url=reverse("plans:plan_list"),
    )


# ---------------------------------------------------------------------------
# The follow-up workbook of one unit in one round


@login_required
def followup_download(request, round_code: str, unit_code: str):
    """Anyone who may read the round may download a unit's workbook, with what is reported so far."""
    followup_round, unit = get_round_and_unit(round_code, unit_code)
    content = followup_workbook_export(round=followup_round, unit=unit)
    filename = f"uppfoljning-{slugify(followup_round.code)}-{slugify(unit.code)}.xlsx"
    return xlsx_response(content, filename)


@login_required
def followup_import(request, round_code: str, unit_code: str):
    """Like the plan import, for one unit's follow-up workbook; only for those who may report for the unit."""
    followup_round, unit = get_round_and_unit(round_code, unit_code)
    if not may_report_for_unit(request.user, followup_round, unit):
        raise PermissionDenied

    return _upload_page(
        request,
        page=ImportPage(ImportJob.Kind.FOLLOWUP, round=followup_round, unit=unit),
        session_key=f"pending_followup_import:{followup_round.code}:{unit.code}",
        form_class=FollowUpWorkbookUploadForm,
        template="exchange/followup_import.html",
        context={"sheets": FOLLOWUP_SHEETS, "round": followup_round, "unit": unit},
        done_url=reverse("followup:unit_report", args=[followup_round.code, unit.code]),
    )


# ---------------------------------------------------------------------------
# Economy and staff figures, into a round


@login_required
def economy_file_import(request, round_code: str):
    """Like the other imports, for a finance or HR export (CSV or XLSX); the round's planners only."""
    followup_round = get_round(round_code)
    if not may_import_economy(request.user, followup_round):
        raise PermissionDenied(_("Only the round's planners and administrators import economy figures."))

    return _upload_page(
        request,
        page=ImportPage(ImportJob.Kind.ECONOMY, round=followup_round),
        session_key=f"pending_economy_import:{followup_round.code}",
        form_class=EconomyFileUploadForm,
        template="exchange/economy_import.html",
        context={"tables": ECONOMY_TABLES, "round": followup_round, "is_file": True},
        done_url=reverse("followup:round", args=[followup_round.code]),
    )
