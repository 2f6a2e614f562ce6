from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from styrkort.demo.services import DEMO_PASSWORD, DEMO_ROUNDS, DEMO_USERS, demo_load
from styrkort.followup.models import FollowUpRound


class Command(BaseCommand):
    help = "Load the Region Västmanland demo (plans, users and follow-up rounds); safe to run again."

    def handle(self, *args, **options):
        result = demo_load()
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(_("The demo workbook has problems; nothing was loaded."))
        created = sum(count.created for count in result.counts.values())
        self.stdout.write(_("Demo loaded (%(created)s new rows).") % {"created": created})
        self.stdout.write(_("Follow-up rounds:"))
        for followup_round in FollowUpRound.objects.filter(code__in=[r.code for r in DEMO_ROUNDS]):
            state = _("open") if followup_round.is_open else _("closed")
            self.stdout.write(
                f"  {followup_round.code:<14} {state:<8} "
                + _("due %(date)s") % {"date": followup_round.deadline.isoformat()}
            )
        self.stdout.write(_("Demo logins (password %(password)s for all):") % {"password": DEMO_PASSWORD})
        for user in DEMO_USERS:
            self.stdout.write(f"  {user.username:<12} {user.role_label} – {user.unit_code}")
