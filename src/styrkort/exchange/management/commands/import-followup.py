from pathlib import Path

from django.core.management.base import BaseCommand

from styrkort.exchange.output import report_import
from styrkort.exchange.services import followup_workbook_import
from styrkort.followup.management.commands._acting_user import acting_user, add_user_argument


class Command(BaseCommand):
    help = "Import a unit's follow-up workbook (XLSX, docs/followup-workbook.md) as --user; all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check everything, save nothing.")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Also save rows that others changed after the file was downloaded (by default left alone).",
        )
        add_user_argument(parser)

    def handle(self, *args, path: Path, dry_run: bool, overwrite: bool, user: str | None, **options):
        reporter = acting_user(user)
        result = followup_workbook_import(source=path, user=reporter, dry_run=dry_run, overwrite=overwrite)
        if result.ok:
            self.stdout.write(f"{result.round.code} / {result.unit.code}")
        report_import(self, result, dry_run=dry_run)
