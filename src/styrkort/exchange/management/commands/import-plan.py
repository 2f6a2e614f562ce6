from pathlib import Path

from django.core.management.base import BaseCommand

from styrkort.exchange.output import report_import
from styrkort.exchange.services import plan_workbook_import


class Command(BaseCommand):
    help = "Import a plan workbook (XLSX, docs/plan-workbook.md); all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check everything, save nothing.")

    def handle(self, *args, path: Path, dry_run: bool, **options):
        report_import(self, plan_workbook_import(source=path, dry_run=dry_run), dry_run=dry_run)
