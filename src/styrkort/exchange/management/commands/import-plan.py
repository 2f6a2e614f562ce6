from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from styrkort.exchange.services import plan_workbook_import


class Command(BaseCommand):
    help = "Import a plan workbook (XLSX, docs/plan-workbook.md); all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check everything, save nothing.")

    def handle(self, *args, path: Path, dry_run: bool, **options):
        result = plan_workbook_import(source=path, dry_run=dry_run)
        for problem in result.problems:
            self.stderr.write(str(problem))
        if not result.ok:
            raise CommandError(f"{len(result.problems)} problem(s) found; nothing was saved.")
        for sheet, count in result.counts.items():
            self.stdout.write(f"{sheet}: {count.created} new, {count.updated} updated")
        self.stdout.write("Dry run: nothing was saved." if dry_run else "Saved.")
