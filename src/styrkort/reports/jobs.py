"""Reports built where they fit: a small one in the request, a large PDF or DOCX by the background
worker (django-tasks), whose page the person's browser asks about until the file is there."""

from django.conf import settings
from django.utils import translation
from django_tasks import task

from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit
from styrkort.plans.models import Plan

from .catalogue import PLAN, REPORTS, ROUND_UNIT
from .document import Document
from .models import ReportJob
from .services import document_content

SLOW_FORMATS = ("pdf", "docx")


def runs_in_background(document: Document, fmt: str) -> bool:
    cells = sum(len(row) for table in document.tables for row in table.rows)
    return fmt in SLOW_FORMATS and cells > settings.BACKGROUND_REPORT_CELLS


def report_job_start(*, user, kind: str, round, subject: str, fmt: str, filename: str) -> ReportJob:
    job = ReportJob.objects.create(
        user=user,
        kind=kind,
        round=round,
        subject=subject,
        format=fmt,
        filename=filename,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    report_job_run.enqueue(str(job.pk))
    return job


def _arguments(job: ReportJob) -> tuple:
    scope = REPORTS[job.kind].scope
    if scope == PLAN:
        return (Plan.objects.select_related("owner").get(code=job.subject),)
    round = FollowUpRound.objects.prefetch_related("plans", "units").get(pk=job.round_id)
    if scope == ROUND_UNIT:
        return round, Unit.objects.get(code=job.subject)
    return round, Plan.objects.select_related("owner").get(code=job.subject)


def _step(job: ReportJob, step: int, **fields) -> None:
    ReportJob.objects.filter(pk=job.pk).update(step=step, **fields)


@task()
def report_job_run(job_id: str) -> None:
    job = ReportJob.objects.get(pk=job_id)
    _step(job, 1, state=ReportJob.State.RUNNING)
    report = REPORTS[job.kind]
    try:
        with translation.override(job.language):
            arguments = _arguments(job)
            document = report.build(*arguments)
            _step(job, 2)
            content = document_content(
                round=arguments[0] if job.round_id else None,
                kind=job.kind,
                subject=job.subject,
                fmt=job.format,
                build=lambda: document,
            )
    except Exception:
        ReportJob.objects.filter(pk=job.pk).update(state=ReportJob.State.FAILED)
        raise
    ReportJob.objects.filter(pk=job.pk).update(state=ReportJob.State.DONE, content=content)
