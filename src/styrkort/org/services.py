from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from styrkort.core.services import upsert
from styrkort.errors import NotAllowed

from .enums import Role
from .models import Membership, Unit
from .rules import may_change_units


def unit_upsert(
    *, user, code: str, name: str, kind: str, short_name: str = "", parent: Unit | None = None
) -> tuple[Unit, bool]:
    """A unit of the organisation: administrators add and change them (a row left as it is passes)."""

    def authorise(before: Unit | None, after: Unit) -> None:
        if not may_change_units(user):
            raise NotAllowed(
                _("Only an administrator adds or changes units and the unit tree (%(code)s).")
                % {"code": after.code}
            )

    return upsert(
        Unit,
        lookup={"code": code},
        values={"name": name, "kind": kind, "short_name": short_name, "parent": parent},
        user=user,
        authorise=authorise,
    )


@transaction.atomic
def administrator_ensure(*, username: str, password: str, full_name: str):
    """An administrator who belongs to no unit yet (the first person of a new installation, or the
    demo's before its units exist); safe to run again. Returns (user, created)."""
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        _set_name_and_password(user, full_name=full_name, password=password)
        user.is_staff = user.is_superuser = True
        user.save()
    return user, created


def _set_name_and_password(user, *, full_name: str, password: str, email: str = "") -> None:
    first, _separator, last = full_name.partition(" ")
    user.first_name, user.last_name, user.email = first, last, email
    user.set_password(password)


@transaction.atomic
def user_ensure(*, username: str, password: str, full_name: str, unit: Unit, role: Role, email: str = ""):
    """Create the user if missing and give them `role` at `unit`; safe to run again."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=username)
    if created:
        _set_name_and_password(user, full_name=full_name, password=password, email=email)
        user.is_staff = role == Role.ADMINISTRATOR
        user.is_superuser = role == Role.ADMINISTRATOR
        user.save()
    Membership.objects.get_or_create(user=user, unit=unit, role=role)
    return user, created
