from django.core.management.base import BaseCommand

from styrkort.core.files import write_export
from styrkort.exchange.services import plan_workbook_export


class Command(BaseCommand):
    help = "Write every plan as a plan workbook (XLSX) to a file, or to standard output with -o -."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", default="-", help="File to write (default: standard output).")

    def handle(self, *args, output: str, **options):
        content = plan_workbook_export()
        write_export(self, content, output)
