from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from styrkort.exchange.output import report_import
from styrkort.exchange.services import economy_import
from styrkort.followup.management.commands._acting_user import acting_user, add_user_argument
from styrkort.followup.models import FollowUpRound


class Command(BaseCommand):
    help = (
        "Import economy and staff figures (CSV or XLSX, docs/ekonomiimport.md) into a round as --user; "
        "all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--round", required=True, help="The follow-up round's code, e.g. AR-2023-RUF.")
        parser.add_argument("--dry-run", action="store_true", help="Check everything, save nothing.")
        add_user_argument(parser)

    def handle(self, *args, path: Path, round: str, dry_run: bool, user: str | None, **options):
        importer = acting_user(user)
        followup_round = FollowUpRound.objects.filter(code=round).first()
        if followup_round is None:
            raise CommandError(_("There is no follow-up round with the code %(code)s.") % {"code": round})
        result = economy_import(source=path, round=followup_round, user=importer, dry_run=dry_run)
        if result.ok and result.measurements:
            self.stdout.write(
                ngettext(
                    "%(n)s indicator measurement taken from the figures",
                    "%(n)s indicator measurements taken from the figures",
                    result.measurements,
                )
                % {"n": result.measurements}
            )
        report_import(self, result, dry_run=dry_run)
