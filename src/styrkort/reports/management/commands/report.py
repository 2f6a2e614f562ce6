from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from styrkort.core.files import write_export
from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import round_unit_ids
from styrkort.org.models import Unit
from styrkort.reports.builders import annual_report
from styrkort.reports.renderers import FORMATS, render

KINDS = ("annual",)


class Command(BaseCommand):
    help = "Write a report (html, pdf, docx or xlsx) to a file, or to standard output with -o -."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS, help="annual: a unit's annual or interim report.")
        parser.add_argument("--round", required=True, metavar="CODE", help="The round's code: AR-2023-RUF.")
        parser.add_argument("--unit", required=True, metavar="CODE", help="The unit's code, e.g. RUF.")
        parser.add_argument("--format", choices=list(FORMATS), default="pdf", dest="fmt")
        parser.add_argument("-o", "--output", default="-", help="File to write (default: standard output).")

    def handle(self, *args, kind: str, round: str, unit: str, fmt: str, output: str, **options):
        followup_round = FollowUpRound.objects.prefetch_related("plans", "units").filter(code=round).first()
        if followup_round is None:
            raise CommandError(_("There is no follow-up round with the code %(code)s.") % {"code": round})
        reporting_unit = Unit.objects.filter(code=unit).first()
        if reporting_unit is None:
            raise CommandError(_("There is no unit with the code %(code)s.") % {"code": unit})
        if reporting_unit.pk not in round_unit_ids(followup_round):
            raise CommandError(
                _("The unit %(unit)s does not report in this round.") % {"unit": reporting_unit.code}
            )
        write_export(self, render(annual_report(followup_round, reporting_unit), fmt), output)
