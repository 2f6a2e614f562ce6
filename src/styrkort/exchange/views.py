"""Plan workbook upload (check, preview, confirm) and download."""

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from .forms import WorkbookConfirmForm, WorkbookUploadForm
from .services import max_upload_bytes, plan_workbook_export, plan_workbook_import, too_large_message
from .workbook import SHEETS, ImportResult, Problem

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _pending_path(token: uuid.UUID) -> Path:
    return Path(settings.MEDIA_ROOT) / "pending-imports" / f"{token}.xlsx"


@login_required
def workbook_download(request):
    content = plan_workbook_export()
    response = HttpResponse(content, content_type=XLSX_TYPE)
    filename = f"planarbetsbok-{timezone.localdate().isoformat()}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@permission_required("plans.import_workbook", raise_exception=True)
def workbook_import(request):
    """GET: the upload form. POST with a file: a dry run and its preview. POST with a token: save."""
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request)
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    result = None
    token = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        if upload.size > max_upload_bytes():
            result = ImportResult(problems=[Problem("", None, None, too_large_message())], dry_run=True)
        else:
            content = upload.read()
            result = plan_workbook_import(source=content, dry_run=True)
            if result.ok:
                token = uuid.uuid4()
                path = _pending_path(token)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
                request.session["pending_import"] = str(token)
    context = {"form": form, "result": result, "token": token, "sheets": SHEETS}
    return render(
        request, "exchange/workbook_import.html", context, status=422 if result and not result.ok else 200
    )


def _confirm(request):
    form = WorkbookConfirmForm(request.POST)
    if not form.is_valid() or str(form.cleaned_data["token"]) != request.session.get("pending_import"):
        messages.error(request, _("The checked file is no longer available. Upload it again."))
        return redirect("exchange:import")
    path = _pending_path(form.cleaned_data["token"])
    if not path.is_file():
        messages.error(request, _("The checked file is no longer available. Upload it again."))
        return redirect("exchange:import")
    result = plan_workbook_import(source=path.read_bytes())
    path.unlink(missing_ok=True)
    request.session.pop("pending_import", None)
    if not result.ok:
        context = {"form": WorkbookUploadForm(), "result": result, "token": None, "sheets": SHEETS}
        return render(request, "exchange/workbook_import.html", context, status=422)
    created = sum(c.created for c in result.counts.values())
    updated = sum(c.updated for c in result.counts.values())
    messages.success(
        request,
        _("The workbook was saved: %(created)s new, %(updated)s updated.")
        % {"created": created, "updated": updated},
    )
    return redirect("plans:plan_list")
