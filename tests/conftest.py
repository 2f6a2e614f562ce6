import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from styrkort.followup.services import round_upsert
from styrkort.org.enums import Role, UnitKind
from styrkort.org.models import Membership, Unit
from styrkort.plans.models import Plan
from tests.database import State, TestDatabase, order_key

pytest_plugins = ["tests.timing"]


def pytest_collection_modifyitems(config, items):
    # A stable sort: within a state, tests keep the order they were written in. xdist's workers
    # each run the tests they are given in this order.
    items.sort(key=order_key)
    for item in items:
        marker = item.get_closest_marker("slow")
        if marker is not None and not marker.kwargs.get("reason"):
            raise pytest.UsageError(f"{item.nodeid}: a slow test says why, @pytest.mark.slow(reason=…)")


@pytest.fixture(scope="session")
def test_database(django_db_setup, django_db_blocker, pytestconfig):
    """The committed state of this session's (this worker's) test database and its snapshots."""
    with django_db_blocker.unblock():
        database = TestDatabase.create()
    yield database
    with django_db_blocker.unblock():
        database.snapshots.drop()
    from tests.timing import DATABASE_SUMMARIES  # imported by pytest as a plugin first (pytest_plugins)

    pytestconfig.stash[DATABASE_SUMMARIES] = [database.summary()]


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # pytest-django's _django_db_helper opens the test's transaction (db, transactional_db, the
    # django_db marker all go through it): the state the test needs is committed just before.
    if fixturedef.argname == "_django_db_helper":
        database = request.getfixturevalue("test_database")
        with request.getfixturevalue("django_db_blocker").unblock():
            seconds = database.prepare(request.node)
        from tests.timing import add_shared

        add_shared(request.node, "setup", seconds)
    return (yield)


@pytest.fixture
def demo(db, test_database, request):
    """The Region Västmanland demo's plans and users, loaded through the plan workbook import.

    Without the demo's follow-up rounds (`full_demo` adds them): most tests make rounds of their own.
    Loaded once per session and restored for each test that asks for it (tests/database.py).
    """
    return test_database.result(request, State.DEMO)


@pytest.fixture
def full_demo(demo, test_database, request):
    """The whole demo: also the closed annual report 2023 (seed 002) and the open interim report 2024."""
    test_database.result(request, State.FULL_DEMO)
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


@pytest.fixture
def interim_round(make_round):
    """An open interim round of RUF's plan, due far ahead, in which RUF and the units below report."""
    return make_round(
        "DR2-2023-TEST",
        name="Delårsrapport 2 2023",
        kind="interim_2",
        as_of=dt.date(2023, 8, 31),
        deadline=dt.date(2030, 9, 15),
    )


@pytest.fixture
def region_round(make_round):
    """An open round of RUF's plan in which the whole region (RF and every unit below) reports, as an
    administrator may set one up; RUF's planner manages it but is not thereby any unit's planner."""
    return make_round(
        "TEST-DR1-2024-RF",
        name="Delårsrapport 1 2024 – hela regionen",
        kind="interim_1",
        as_of=dt.date(2024, 4, 30),
        deadline=dt.date(2024, 5, 15),
        units=("RF",),
    )


@pytest.fixture
def real_cache():
    """A real cache for the test (tests/settings.py has none, so a page kept by one test cannot show in
    another): the page caches' tests turn it on."""
    from django.core.cache import cache
    from django.test import override_settings

    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
        cache.clear()
        yield cache
        cache.clear()
