from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from styrkort.core.files import write_export
from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import round_unit_ids
from styrkort.org.models import Unit
from styrkort.plans.models import Plan
from styrkort.reports.catalogue import PLAN, REPORTS, ROUND_PLAN, ROUND_UNIT
from styrkort.reports.renderers import FORMATS, render
from styrkort.reports.services import NotFinal, final_version_check


class Command(BaseCommand):
    help = (
        "Write a report (html, pdf, docx or xlsx) to a file, or to standard output with -o -: "
        "annual and activity-card take --round and --unit, action-plan --round and --plan, "
        "indicators and operational-plan --plan."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(REPORTS))
        parser.add_argument("--round", metavar="CODE", help="The round's code: AR-2023-RUF.")
        parser.add_argument("--unit", metavar="CODE", help="The unit's code, e.g. RUF.")
        parser.add_argument("--plan", metavar="CODE", help="The plan's code, e.g. RUF-2023.")
        parser.add_argument("--format", choices=list(FORMATS), default="pdf", dest="fmt")
        parser.add_argument(
            "--final",
            action="store_true",
            help="The closed round's final version; refused while the round is open.",
        )
        parser.add_argument("-o", "--output", default="-", help="File to write (default: standard output).")

    def handle(self, *args, kind: str, fmt: str, output: str, final: bool, **options):
        report = REPORTS[kind]
        needs = {ROUND_UNIT: ("round", "unit"), ROUND_PLAN: ("round", "plan"), PLAN: ("plan",)}[report.scope]
        missing = [f"--{name}" for name in needs if not options[name]]
        if missing:
            raise CommandError(
                _("The report %(kind)s needs %(options)s.") % {"kind": kind, "options": " ".join(missing)}
            )
        arguments = []
        if "round" in needs:
            found = (
                FollowUpRound.objects.prefetch_related("plans", "units").filter(code=options["round"]).first()
            )
            if found is None:
                raise CommandError(
                    _("There is no follow-up round with the code %(code)s.") % {"code": options["round"]}
                )
            if final:
                try:
                    final_version_check(found)
                except NotFinal as refused:
                    raise CommandError(str(refused)) from None
            arguments.append(found)
        if "unit" in needs:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(_("There is no unit with the code %(code)s.") % {"code": options["unit"]})
            if unit.pk not in round_unit_ids(arguments[0]):
                raise CommandError(
                    _("The unit %(unit)s does not report in this round.") % {"unit": unit.code}
                )
            arguments.append(unit)
        if "plan" in needs:
            plan = Plan.objects.select_related("owner").filter(code=options["plan"]).first()
            if plan is None:
                raise CommandError(_("There is no plan with the code %(code)s.") % {"code": options["plan"]})
            if arguments and plan not in arguments[0].plans.all():
                raise CommandError(
                    _("The plan %(plan)s is not followed up in this round.") % {"plan": plan.code}
                )
            arguments.append(plan)
        write_export(self, render(report.build(*arguments), fmt), output)
