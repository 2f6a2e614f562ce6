"""Workbook pages: download, and upload in three steps (check, preview, confirm).

The plan workbook has one page for the whole register; the follow-up workbook one per round and unit.
Both keep a checked file under MEDIA_ROOT until it is confirmed, named by a token in the session.
"""

import functools
import uuid
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from styrkort.core.responses import xlsx_response
from styrkort.economy.rules import may_import_economy
from styrkort.followup.rules import may_report_for_unit
from styrkort.followup.shortcuts import get_round, get_round_and_unit

from .economy_file import TABLES as ECONOMY_TABLES
from .followup_workbook import FOLLOWUP_SHEETS
from .forms import EconomyFileUploadForm, FollowUpWorkbookUploadForm, WorkbookConfirmForm, WorkbookUploadForm
from .pending import pending_path, pending_store
from .services import (
    economy_import,
    followup_workbook_export,
    followup_workbook_import,
    max_upload_bytes,
    plan_workbook_export,
    plan_workbook_import,
    too_large_message,
)
from .workbook import SHEETS, ImportResult, Problem

ImportRun = Callable[..., ImportResult]  # (source=bytes, dry_run=bool) -> ImportResult


def _check(request, form, run: ImportRun, session_key: str) -> tuple[ImportResult | None, uuid.UUID | None]:
    """A dry run of the uploaded file; a file without problems is kept for the confirm step."""
    if request.method != "POST" or not form.is_valid():
        return None, None
    upload = form.cleaned_data["workbook"]
    if upload.size > max_upload_bytes():
        return ImportResult(problems=[Problem("", None, None, too_large_message())], dry_run=True), None
    content = upload.read()
    result = run(source=content, dry_run=True)
    if not result.ok:
        return result, None
    token = pending_store(content)
    request.session[session_key] = str(token)
    return result, token


def _confirm(request, run: ImportRun, session_key: str) -> ImportResult | None:
    """Import the file checked before, for real; None (with a message) when it is gone."""
    form = WorkbookConfirmForm(request.POST)
    token = str(form.cleaned_data["token"]) if form.is_valid() else None
    path = pending_path(form.cleaned_data["token"]) if token else None
    if token is None or token != request.session.get(session_key) or not path.is_file():
        messages.error(request, _("The checked file is no longer available. Upload it again."))
        return None
    result = run(source=path.read_bytes())
    path.unlink(missing_ok=True)
    request.session.pop(session_key, None)
    return result


def _upload_page(
    request, *, run: ImportRun, session_key: str, form_class, template: str, context: dict, done_url: str
):
    """GET: the upload form. POST with a file: a dry run and its preview. POST with a token: save."""
    context = {"form": form_class(), "result": None, "token": None, **context}
    if request.method == "POST" and "token" in request.POST:
        result = _confirm(request, run, session_key)
        if result is None:
            return redirect(request.path)
        if result.ok:
            created = sum(c.created for c in result.counts.values())
            updated = sum(c.updated for c in result.counts.values())
            messages.success(
                request,
                _("The workbook was saved: %(created)s new, %(updated)s updated.")
                % {"created": created, "updated": updated},
            )
            return redirect(done_url)
    else:
        context["form"] = form_class(request.POST or None, request.FILES or None)
        result, context["token"] = _check(request, context["form"], run, session_key)
    context["result"] = result
    return render(request, template, context, status=422 if result and not result.ok else 200)


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
        run=functools.partial(plan_workbook_import, user=request.user),
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

    def run(**kwargs) -> ImportResult:
        # Only the confirm step can overwrite: the check lists what others changed since the download.
        overwrite = "token" in request.POST and request.POST.get("overwrite") == "on"
        return followup_workbook_import(
            user=request.user, round=followup_round, unit=unit, overwrite=overwrite, **kwargs
        )

    return _upload_page(
        request,
        run=run,
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

    def run(**kwargs) -> ImportResult:
        return economy_import(user=request.user, round=followup_round, **kwargs)

    return _upload_page(
        request,
        run=run,
        session_key=f"pending_economy_import:{followup_round.code}",
        form_class=EconomyFileUploadForm,
        template="exchange/economy_import.html",
        context={"tables": ECONOMY_TABLES, "round": followup_round, "is_file": True},
        done_url=reverse("followup:round", args=[followup_round.code]),
    )
