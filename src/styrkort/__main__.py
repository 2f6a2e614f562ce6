"""The `styrkort` console script: Django's management commands under our name."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styrkort.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:  # missing or wrong configuration: one line, no traceback
        sys.exit(f"styrkort: {error} (see docs/configuration.md)")


if __name__ == "__main__":
    main()
