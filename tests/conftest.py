import pytest
from django.contrib.auth import get_user_model

from styrkort.demo.services import demo_load, demo_rounds_load
from styrkort.org.enums import Role, UnitKind
from styrkort.org.models import Membership, Unit


@pytest.fixture
def demo(db):
    """The Region Västmanland demo's plans and users, loaded through the plan workbook import.

    Without the demo's follow-up rounds (`full_demo` adds them): most tests make rounds of their own,
    and importing and closing the annual report 2023 would double the time of each test using this.
    """
    result = demo_load(rounds=False)
    assert result.ok, [str(p) for p in result.problems]
    return result


@pytest.fixture
def full_demo(demo):
    """The whole demo: also the closed annual report 2023 (seed 002) and the open interim report 2024."""
    loaded = demo_rounds_load()
    assert loaded.ok, [str(p) for p in loaded.problems]
    return demo


@pytest.fixture
def make_user(db):
    def make(username: str, *, role: Role | None = None, unit: Unit | None = None):
        user = get_user_model().objects.create_user(username=username, password="pw-for-tests-only")
        if role:
            Membership.objects.create(user=user, unit=unit or Unit.objects.get(code="RUF"), role=role)
        return user

    return make


@pytest.fixture
def reader(make_user, demo):
    return make_user("lisa", role=Role.READER)


@pytest.fixture
def planner(make_user, demo):
    return make_user("petra", role=Role.PLANNER)


@pytest.fixture
def reporter(make_user, demo):
    return make_user("rasmus", role=Role.REPORTER, unit=Unit.objects.get(code="FH"))


@pytest.fixture
def council(db):
    return Unit.objects.create(code="RF", name="Regionfullmäktige", kind=UnitKind.COUNCIL)
