import datetime as dt

import pytest

from styrkort.followup.enums import RoundKind
from styrkort.org.enums import Role
from styrkort.org.models import Unit
from styrkort.plans.models import Action


@pytest.fixture
def round(make_round):
    """An open interim round of 2023 for the development administration (RUF) and its departments."""
    return make_round(
        "TEST-DR2-2023",
        name="Delårsrapport 2 2023 – test",
        kind=RoundKind.INTERIM_2,
        as_of=dt.date(2023, 8, 31),
        deadline=dt.date(2023, 9, 15),
    )


@pytest.fixture
def other_reporter(make_user, demo):
    """Reports for Välfärd (VF), a sibling of Folkhälsa (FH)."""
    return make_user("vera", role=Role.REPORTER, unit=Unit.objects.get(code="VF"))


def action(code: str) -> Action:
    return Action.objects.get(plan__code="RUF-2023", code=code)
