import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from styrkort.exchange.pending import pending_purge


class Command(BaseCommand):
    help = (
        "Remove checked uploads nobody confirmed, older than --hours (default STYRKORT_PENDING_IMPORT_HOURS, "
        "24). Every upload does this too; the command is for a timer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=None)

    def handle(self, *args, hours: int | None, **options):
        age = dt.timedelta(hours=hours if hours is not None else settings.PENDING_IMPORT_HOURS)
        removed = pending_purge(age)
        self.stdout.write(
            ngettext("%(n)s unconfirmed upload removed.", "%(n)s unconfirmed uploads removed.", removed)
            % {"n": removed}
        )
