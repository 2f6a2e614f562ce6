from django.core.management.base import BaseCommand, CommandError
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from styrkort.followup.reminders import DEFAULT_DAYS, MAIL_LANGUAGE, ReminderMail, send_reminders


class Command(BaseCommand):
    help = "E-mail reporters and planners whose units have unreported actions in a round due within N days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"Remind about open rounds whose deadline is at most this many days away "
            f"(default {DEFAULT_DAYS}); rounds past their deadline but still open are included.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be sent; send and save nothing."
        )

    def handle(self, *args, days: int, dry_run: bool, **options):
        with translation.override(MAIL_LANGUAGE):
            if days < 0:
                raise CommandError(_("--days must be 0 or more, not %(days)s.") % {"days": days})
            result = send_reminders(today=timezone.localdate(), days=days, dry_run=dry_run)
            if dry_run:
                self.stdout.write(_("Dry run: nothing is sent and nothing is saved."))
            for mail in result.sent:
                self.stdout.write(self._describe(mail, dry_run=dry_run))
            for round_code, username in result.without_email:
                self.stdout.write(
                    self.style.WARNING(
                        _("No e-mail address, not reminded: %(user)s (%(round)s)")
                        % {"user": username, "round": round_code}
                    )
                )
            for mail in result.failed:
                self.stderr.write(
                    _("Could not send to %(user)s <%(email)s> for %(round)s; the next run tries again.")
                    % {"user": mail.username, "email": mail.email, "round": mail.round_code}
                )
            counts = {
                "date": formats.date_format(result.last_deadline, "SHORT_DATE_FORMAT"),
                "rounds": len(result.rounds),
                "sent": len(result.sent),
                "already": result.already_reminded,
                "without": len(result.without_email),
            }
            summary = (
                _(
                    "Open rounds due by %(date)s: %(rounds)s. Reminders that would be sent: %(sent)s. "
                    "Already reminded: %(already)s. Without e-mail address: %(without)s."
                )
                if dry_run
                else _(
                    "Open rounds due by %(date)s: %(rounds)s. Reminders sent: %(sent)s. "
                    "Already reminded: %(already)s. Without e-mail address: %(without)s."
                )
            )
            self.stdout.write(summary % counts)
            if result.failed:
                failed = len(result.failed)
                raise CommandError(
                    ngettext(
                        "%(failed)s reminder could not be sent.",
                        "%(failed)s reminders could not be sent.",
                        failed,
                    )
                    % {"failed": failed}
                )

    @staticmethod
    def _describe(mail: ReminderMail, *, dry_run: bool) -> str:
        values = {
            "user": mail.username,
            "email": mail.email,
            "round": mail.round_code,
            "units": ", ".join(f"{unit.name} ({unit.missing})" for unit in mail.units),
        }
        if dry_run:
            return _("Would remind %(user)s <%(email)s> for %(round)s: %(units)s") % values
        return _("Reminded %(user)s <%(email)s> for %(round)s: %(units)s") % values
