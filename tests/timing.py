"""Where the suite's time goes, printed at the end of every run (a pytest plugin of tests/conftest.py).

Each test's own time is its set-up, call and tear-down less what it shares with the rest of the
session: creating the test database, loading or restoring the demo (tests/database.py), starting the
browser and the live server, and the session's tear-down after the last test. Tests over five seconds
of their own that are not marked slow are listed; nothing fails on time (speed is measured in bench/).
"""

import time
from collections import defaultdict

import pytest

SLOW_SECONDS = 5  # a test that takes longer is marked slow, with its reason (docs/development.md)
SHARED = "shared_seconds"  # (phase, seconds) in a test's user_properties: time that was not its own
DATABASE_SUMMARIES = pytest.StashKey[list]()

_own_seconds: dict[str, float] = defaultdict(float)
_marked_slow: set[str] = set()
_current: dict[str, object] = {"item": None, "depth": 0}


def add_shared(item, phase: str, seconds: float) -> None:
    item.user_properties.append((SHARED, (phase, seconds)))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _current["item"] = item


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # Fixtures wider than one test (the test database, the browser, the live server) are set up during
    # some test's set-up; only the outermost is timed, as it includes the ones it depends on.
    item = _current["item"]
    if fixturedef.scope == "function" or _current["depth"] or item is None:
        return (yield)
    started = time.perf_counter()
    _current["depth"] += 1
    try:
        return (yield)
    finally:
        _current["depth"] -= 1
        add_shared(item, "setup", time.perf_counter() - started)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        if nextitem is None:  # the last test: the session's fixtures are torn down with it
            add_shared(item, "teardown", time.perf_counter() - started)


def pytest_runtest_logreport(report):
    shared = sum(seconds for name, (phase, seconds) in _shared(report) if phase == report.when)
    _own_seconds[report.nodeid] += report.duration - shared
    if "slow" in report.keywords:
        _marked_slow.add(report.nodeid)


def _shared(report):
    return [(name, value) for name, value in report.user_properties if name == SHARED]


def pytest_sessionfinish(session):
    if hasattr(session.config, "workeroutput"):  # an xdist worker: its controller prints the summary
        session.config.workeroutput["test_database"] = session.config.stash.get(DATABASE_SUMMARIES, [])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    summaries = node.config.stash.setdefault(DATABASE_SUMMARIES, [])
    summaries.extend(getattr(node, "workeroutput", {}).get("test_database", []))


def pytest_terminal_summary(terminalreporter, config):
    for summary in config.stash.get(DATABASE_SUMMARIES, []):
        loads = ", ".join(f"{state} {seconds:.1f} s" for state, seconds in summary["load_seconds"].items())
        terminalreporter.write_line(
            f"test database: loaded {loads or 'nothing'}; "
            f"restored {summary['restores']} times in {summary['restore_seconds']:.1f} s"
        )
    slowest = sorted(((seconds, nodeid) for nodeid, seconds in _own_seconds.items()), reverse=True)
    terminalreporter.write_sep("=", "slowest tests, own time (set-up shared with the session left out)")
    for seconds, nodeid in slowest[:10]:
        marked = " (marked slow)" if nodeid in _marked_slow else ""
        terminalreporter.write_line(f"{seconds:6.2f} s  {nodeid}{marked}")
    unmarked = [(s, n) for s, n in slowest if s > SLOW_SECONDS and n not in _marked_slow]
    if unmarked:
        terminalreporter.write_sep("=", f"tests over {SLOW_SECONDS} s not marked slow: make them faster")
        for seconds, nodeid in unmarked:
            terminalreporter.write_line(f"{seconds:6.2f} s  {nodeid}")
