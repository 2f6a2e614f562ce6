from django.contrib.auth import get_user_model
from django.db import transaction

from styrkort.core.services import upsert

from .enums import Role
from .models import Membership, Unit


def unit_upsert(*, code: str, name: str, kind: str, short_name: str = "", parent: Unit | None = None):
    return upsert(
        Unit,
        lookup={"code": code},
        values={"name": name, "kind": kind, "short_name": short_name, "parent": parent},
    )


@transaction.atomic
def user_ensure(*, username: str, password: str, full_name: str, unit: Unit, role: Role, email: str = ""):
    """Create the user if missing and give them `role` at `unit`; safe to run again."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=username)
    if created:
        first, _, last = full_name.partition(" ")
        user.first_name, user.last_name, user.email = first, last, email
        user.set_password(password)
        user.is_staff = role == Role.ADMINISTRATOR
        user.is_superuser = role == Role.ADMINISTRATOR
        user.save()
    Membership.objects.get_or_create(user=user, unit=unit, role=role)
    return user, created
