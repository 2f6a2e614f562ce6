"""People that tests act as, when the demo's are not there."""

from django.contrib.auth import get_user_model


def superuser():
    """An administrator who belongs to no unit, as a new installation's first person: the writes a
    test sets up as them are refused nothing (the rights themselves have tests of their own)."""
    user, _created = get_user_model().objects.get_or_create(
        username="root", defaults={"is_superuser": True, "is_staff": True}
    )
    return user
