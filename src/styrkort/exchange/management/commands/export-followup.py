from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from styrkort.core.files import write_export
from styrkort.errors import StyrkortError
from styrkort.exchange.services import followup_workbook_export
from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit


class Command(BaseCommand):
    help = "Write a unit's follow-up workbook (XLSX) for a round to a file, or to standard output with -o -."

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, metavar="CODE", help="The round's code: DR1-2024-RUF.")
        parser.add_argument("--unit", required=True, metavar="CODE", help="The unit's code, e.g. FH.")
        parser.add_argument("-o", "--output", default="-", help="File to write (default: standard output).")

    def handle(self, *args, round: str, unit: str, output: str, **options):
        followup_round = FollowUpRound.objects.filter(code=round).first()
        if followup_round is None:
            raise CommandError(_("There is no follow-up round with the code %(code)s.") % {"code": round})
        reporting_unit = Unit.objects.filter(code=unit).first()
        if reporting_unit is None:
            raise CommandError(_("There is no unit with the code %(code)s.") % {"code": unit})
        try:
            content = followup_workbook_export(round=followup_round, unit=reporting_unit)
        except StyrkortError as error:
            raise CommandError(str(error)) from None
        write_export(self, content, output)
