"""Imports run where they fit: a small file at once, in the request; a large one by the background
worker (django-tasks), so that no web worker is held for more than a moment (issue 11).

Either way the same service reads the file (exchange/services.py), with the same checks and rights,
and the page shows the same preview and result. A background import reports how far it has come in
a small file beside the pending upload: the import's own transaction holds back every database write
until it ends.
"""

import json
import logging
from dataclasses import asdict, dataclass
from uuid import UUID

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import ImportJob
from .pending import pending_dir, pending_path
from .services import economy_import, followup_workbook_import, plan_workbook_import
from .workbook import ImportResult, Problem, SheetCount

logger = logging.getLogger(__name__)

Kind = ImportJob.Kind


def run_import(
    kind: str, *, user, source, round=None, unit=None, dry_run=False, overwrite=False, progress=None
):
    """The import of `kind`, as the person `user`; the one place the three kinds are told apart."""
    if kind == Kind.PLAN:
        return plan_workbook_import(source=source, user=user, dry_run=dry_run, progress=progress)
    if kind == Kind.FOLLOWUP:
        return followup_workbook_import(
            source=source,
            user=user,
            round=round,
            unit=unit,
            dry_run=dry_run,
            overwrite=overwrite,
            progress=progress,
        )
    return economy_import(source=source, round=round, user=user, dry_run=dry_run, progress=progress)


def runs_in_background(size: int) -> bool:
    return size > settings.BACKGROUND_IMPORT_KB * 1024


def job_start(
    *, kind: str, stage: str, user, token: UUID, round=None, unit=None, overwrite=False
) -> ImportJob:
    job = ImportJob.objects.create(
        kind=kind,
        stage=stage,
        user=user,
        token=token,
        round=round,
        unit=unit,
        overwrite=overwrite,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    import_job_run.enqueue(str(job.pk))
    return job


@task()
def import_job_run(job_id: str) -> None:
    job = ImportJob.objects.select_related("user", "round", "unit").get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.RUNNING)
    path = pending_path(job.token)
    with translation.override(job.language):
        result = _run(job, path)
    if job.stage == ImportJob.Stage.SAVE or not result.ok:  # a refused file is not confirmed later
        path.unlink(missing_ok=True)
    _progress_path(job).unlink(missing_ok=True)
    ImportJob.objects.filter(pk=job.pk).update(
        state=ImportJob.State.DONE, result=result_to_json(result), finished_at=timezone.now()
    )


def _run(job: ImportJob, path) -> ImportResult:
    if not path.is_file():
        return _failed(_("The checked file is no longer available. Upload it again."))
    try:
        return run_import(
            job.kind,
            user=job.user,
            source=path.read_bytes(),
            round=job.round,
            unit=job.unit,
            dry_run=job.stage == ImportJob.Stage.CHECK,
            overwrite=job.overwrite,
            progress=_progress_writer(job),
        )
    except Exception:  # the worker goes on with the next job; the person is told, the log says why
        logger.exception("Import job %s failed", job.pk)
        return _failed(
            _("The import could not be finished, and nothing was saved. Try again, or tell an administrator.")
        )


def job_page_url(job: ImportJob) -> str:
    """The import page the job was started from, where its result is shown."""
    if job.kind == Kind.PLAN:
        return reverse("exchange:import")
    if job.kind == Kind.FOLLOWUP:
        return reverse("exchange:followup_import", args=[job.round.code, job.unit.code])
    return reverse("exchange:economy_import", args=[job.round.code])


def _failed(message: str) -> ImportResult:
    return ImportResult(problems=[Problem("", None, None, message)])


# ---------------------------------------------------------------------------
# How far a running job has come


@dataclass
class Progress:
    sheet: str = ""
    rows: int = 0


def _progress_path(job: ImportJob):
    return pending_dir() / f"{job.pk}.progress"


def _progress_writer(job: ImportJob):
    path = _progress_path(job)

    def write(sheet: str, row: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"sheet": sheet, "rows": row}))

    return write


def job_progress(job: ImportJob) -> Progress:
    try:
        return Progress(**json.loads(_progress_path(job).read_text()))
    except (FileNotFoundError, ValueError, TypeError):
        return Progress()


# ---------------------------------------------------------------------------
# A finished job's result, stored as JSON and read back for the page


@dataclass
class StoredImportResult(ImportResult):
    measurements: int = 0


def result_to_json(result: ImportResult) -> dict:
    return {
        "problems": [asdict(problem) for problem in result.problems],
        "left_alone": [asdict(problem) for problem in result.left_alone],
        "warnings": [asdict(problem) for problem in result.warnings],
        "counts": {sheet: asdict(count) for sheet, count in result.counts.items()},
        "dry_run": result.dry_run,
        "measurements": getattr(result, "measurements", 0),
    }


def result_from_json(data: dict) -> StoredImportResult:
    return StoredImportResult(
        problems=[Problem(**problem) for problem in data["problems"]],
        left_alone=[Problem(**problem) for problem in data["left_alone"]],
        warnings=[Problem(**problem) for problem in data.get("warnings", [])],
        counts={sheet: SheetCount(**count) for sheet, count in data["counts"].items()},
        dry_run=data["dry_run"],
        measurements=data["measurements"],
    )
