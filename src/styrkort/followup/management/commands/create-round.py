from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from styrkort.errors import StyrkortError
from styrkort.followup.enums import ReportContent, RoundKind
from styrkort.followup.forms import RoundForm
from styrkort.followup.services import round_set_up

from ._acting_user import acting_user, add_user_argument


class Command(BaseCommand):
    help = (
        "Set up a follow-up round as --user, as the page does: "
        "create-round DR1-2024-RUF --name '…' --kind interim_1 --as-of 2024-04-30 --deadline 2024-05-15 "
        "--plans RUF-2023 --units RUF"
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="The round's code, e.g. DR1-2024-RUF.")
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=RoundKind.values)
        parser.add_argument("--as-of", required=True, help="The date the report describes, YYYY-MM-DD.")
        parser.add_argument("--deadline", required=True, help="YYYY-MM-DD.")
        parser.add_argument("--plans", required=True, help="Plan codes separated by semicolons.")
        parser.add_argument("--units", required=True, help="Reporting units' codes separated by semicolons.")
        parser.add_argument(
            "--asks-for",
            default=ReportContent.STATUS_AND_ASSESSMENT,
            choices=ReportContent.values,
            help="What each action report holds (default status_and_assessment).",
        )
        parser.add_argument(
            "--no-deviation-required",
            action="store_true",
            help="Yellow and red need no deviation (for documents that write it in the comment).",
        )
        parser.add_argument(
            "--treated-by", default="", help="For the report's cover: the body's code, e.g. RUN."
        )
        parser.add_argument("--treated-on", default="", help="For the cover: the meeting date, YYYY-MM-DD.")
        parser.add_argument("--diary-number", default="", help="For the cover: the diary number.")
        add_user_argument(parser)

    def handle(self, *args, code, name, kind, as_of, deadline, plans, units, user, **options):
        person = acting_user(user)
        extra = {
            "asks_for": options["asks_for"],
            "asks_deviation": not options["no_deviation_required"],
            **{field: options[field] for field in ("treated_by", "treated_on", "diary_number")},
        }
        form = RoundForm(
            extra
            | {
                "code": code,
                "name": name,
                "kind": kind,
                "as_of": as_of,
                "deadline": deadline,
                "plans": plans,
                "units": units,
            }
        )
        if not form.is_valid():
            raise CommandError(_problems(form, form.errors.items()))
        try:
            round = round_set_up(user=person, **form.cleaned_data)
        except ValidationError as error:
            raise CommandError(_problems(form, error.message_dict.items())) from None
        except StyrkortError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(_("The round %(round)s was set up.") % {"round": round.code})


def _problems(form, errors) -> str:
    """One line per problem, named by the option it concerns."""
    return "\n".join(
        f"--{field.replace('_', '-')}: {message}" if field in form.fields else message
        for field, messages in errors
        for message in messages
    )
