"""What the import and export commands print, in the interface's language (Swedish by default)."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def report_import(command, result, *, dry_run: bool) -> None:
    """Problems on stderr and a CommandError, or the counts per sheet and whether anything was saved."""
    for problem in result.problems:
        command.stderr.write(str(problem))
    if not result.ok:
        count = len(result.problems)
        raise CommandError(
            ngettext("%(n)s problem; nothing was saved.", "%(n)s problems; nothing was saved.", count)
            % {"n": count}
        )
    for warning in result.warnings:
        command.stdout.write(_("Warning: %(warning)s") % {"warning": warning})
    for row in result.left_alone:
        command.stdout.write(_("Left alone: %(row)s") % {"row": row})
    for sheet, count in result.counts.items():
        command.stdout.write(
            _("%(sheet)s: %(created)s new, %(updated)s updated")
            % {"sheet": sheet, "created": count.created, "updated": count.updated}
        )
    command.stdout.write(_("Dry run: nothing was saved.") if dry_run else _("Saved."))
