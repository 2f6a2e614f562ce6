import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from styrkort.demo.services import demo_load, demo_rounds_load
from styrkort.followup.services import round_upsert
from styrkort.org.enums import Role, UnitKind
from styrkort.org.models import Membership, Unit
from styrkort.plans.models import Plan


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
def administrator(make_user, demo):
    return make_user("adam", role=Role.ADMINISTRATOR, unit=Unit.objects.get(code="RF"))


@pytest.fixture
def swedish():
    """The interface's language, as on the command line; an earlier test's request may have left
    another language active in this thread."""
    with translation.override("sv"):
        yield


@pytest.fixture
def council(db):
    return Unit.objects.create(code="RF", name="Regionfullmäktige", kind=UnitKind.COUNCIL)


@pytest.fixture
def make_round(demo):
    """An open follow-up round of the demo's plans; by default RUF's administration plan and units."""

    def make(code, *, name, kind, as_of, deadline, plans=("RUF-2023",), units=("RUF",)):
        created, _ = round_upsert(
            code=code,
            name=name,
            kind=kind,
            as_of=as_of,
            deadline=deadline,
            plans=[Plan.objects.get(code=c) for c in plans],
            units=[Unit.objects.get(code=c) for c in units],
        )
        return created

    return make
