"""A file a command writes: to a path, or to standard output."""

import sys
from pathlib import Path

from django.utils.translation import gettext as _


def write_export(command, content: bytes, output: str) -> None:
    """To the file, or to standard output for "-"."""
    if output == "-":
        sys.stdout.buffer.write(content)
        return
    Path(output).write_bytes(content)
    command.stdout.write(_("Wrote %(path)s (%(size)s bytes).") % {"path": output, "size": len(content)})
