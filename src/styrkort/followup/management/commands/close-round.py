from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from styrkort.errors import StyrkortError
from styrkort.followup.models import FollowUpRound
from styrkort.followup.report import round_report
from styrkort.followup.services import round_close

from ._acting_user import acting_user, add_user_argument


class Command(BaseCommand):
    help = "Close a follow-up round: what it shows is stored with it and nothing in it can change."

    def add_arguments(self, parser):
        parser.add_argument("code", help="The round's code, e.g. AR-2023-RUF.")
        add_user_argument(parser)

    def handle(self, *args, code: str, user: str | None, **options):
        closer = acting_user(user)
        followup_round = FollowUpRound.objects.filter(code=code).first()
        if followup_round is None:
            raise CommandError(_("There is no follow-up round with the code %(code)s.") % {"code": code})
        try:
            followup_round = round_close(user=closer, round=followup_round)
        except StyrkortError as error:
            raise CommandError(str(error)) from None
        report = round_report(followup_round)
        self.stdout.write(
            _("Closed %(round)s: %(reported)s of %(total)s actions reported.")
            % {
                "round": followup_round.code,
                "reported": len(report.actions) - len(report.not_reported),
                "total": len(report.actions),
            }
        )
