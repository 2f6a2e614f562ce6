from django.core.management.base import BaseCommand, CommandError

from styrkort.demo.services import DEMO_PASSWORD, DEMO_ROUNDS, DEMO_USERS, demo_load
from styrkort.followup.models import FollowUpRound


class Command(BaseCommand):
    help = "Load the Region Västmanland demo (plans, users and follow-up rounds); safe to run again."

    def handle(self, *args, **options):
        result = demo_load()
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError("The demo workbook has problems; nothing was loaded.")
        created = sum(count.created for count in result.counts.values())
        self.stdout.write(f"Demo loaded ({created} new rows).")
        self.stdout.write("Follow-up rounds:")
        for followup_round in FollowUpRound.objects.filter(code__in=[r.code for r in DEMO_ROUNDS]):
            state = "open" if followup_round.is_open else "closed"
            self.stdout.write(f"  {followup_round.code:<14} {state:<6} due {followup_round.deadline}")
        self.stdout.write(f"Demo logins (password {DEMO_PASSWORD} for all):")
        for user in DEMO_USERS:
            self.stdout.write(f"  {user.username:<12} {user.role_label} – {user.unit_code}")
