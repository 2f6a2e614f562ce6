"""The person a command acts as: always named with --user, never implied (no silent superuser).

Not a command itself: Django skips modules in commands/ whose names start with an underscore.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def add_user_argument(parser) -> None:
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help="The person this is done as: their rights are checked and their name is recorded.",
    )


def acting_user(username: str | None):
    if not username:
        raise CommandError(
            _(
                "Give --user USERNAME: the person this is done as. "
                "Their rights are checked and their name is recorded."
            )
        )
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(
            _("There is no active user with the username %(username)s.") % {"username": username}
        )
    return user
