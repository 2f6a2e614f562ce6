from pathlib import Path

from django.core.management.base import BaseCommand

from styrkort.exchange.output import report_import
from styrkort.exchange.services import plan_workbook_import
from styrkort.followup.management.commands._acting_user import acting_user, add_user_argument


class Command(BaseCommand):
    help = "Import a plan workbook (XLSX, docs/plan-workbook.md) as --user; all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check everything, save nothing.")
        add_user_argument(parser)

    def handle(self, *args, path: Path, dry_run: bool, user: str | None, **options):
        importer = acting_user(user)
        report_import(
            self, plan_workbook_import(source=path, user=importer, dry_run=dry_run), dry_run=dry_run
        )
