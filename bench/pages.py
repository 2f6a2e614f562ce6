"""For each page: query count at 1× and 10× the data, and the median wall-clock and CPU time as a
ratio to a bare Django page that renders the same base template, measured in the same run, in turns;
every page once on a cache hit and once on a miss (core/page_cache.py, core/versions.py);
for saving one action status, the ratio to a bare Django POST that writes one row. Prints a table;
run with `make bench` (or `python bench/pages.py --scales 1 10 --runs 15`), and on PostgreSQL with
`--database postgres://user:password@host/postgres` (a database of its own is made on that server and
dropped; the URL's database is only connected to).
"""

import argparse
import itertools
import os
import re
import shutil
import statistics
import sys
import time
import traceback
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.environment import database_label, drop_database, reset_database
from bench.environment import prepare as prepare_bench


def arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database", help="postgres://… (default: SQLite in a temporary folder)")
    return parser.parse_args()


ARGS = arguments()
WORK = prepare_bench("pages", ARGS.database)

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse

from bench.generate import PLANNER_UNIT, REPORTER_UNIT, generate
from styrkort.core.models import DataVersion
from styrkort.core.versions import new_version
from styrkort.followup.models import ActionReport, FollowUpRound
from styrkort.plans.models import Action, Goal, GoalArea, Indicator, Plan

ROUND = f"B-DR2-{PLANNER_UNIT}"  # the open round of the planner's administration
SAVE = "save status*"  # the write benchmark's row; its ratio is to the bare POST


def page_urls() -> dict[str, str]:
    """The pages, seen by the reporter (`bench`)."""
    plan = Plan.objects.filter(code__startswith="P-B-RF-N1-F1-V").order_by("pk").first()
    goal = Goal.objects.filter(plan=plan).first()
    return {
        "home": "/",
        "plan_list": "/planer/",
        "plan (tree)": plan.get_absolute_url(),
        "goal_area": GoalArea.objects.get(code="B-MO1").get_absolute_url(),
        "goal": goal.get_absolute_url(),
        "indicator": Indicator.objects.filter(goal=goal).first().get_absolute_url(),
        "action_list": "/atgarder/?q=utveckla&year=2025",
        "action": Action.objects.filter(plan=plan).first().get_absolute_url(),
        "unit_list": "/enheter/",
        "unit": plan.owner.get_absolute_url(),
        "followup inbox": reverse("followup:inbox"),
        "unit_report": reverse("followup:unit_report", args=[ROUND, REPORTER_UNIT]),
    }


def planner_urls() -> dict[str, str]:
    """The pages, seen by the planner (`bench-planner`) of the round's administration."""
    return {
        "followup overview": reverse("followup:overview", args=[ROUND]),
        "round": reverse("followup:round", args=[ROUND]),
        "economy": reverse("economy:page", args=[ROUND, PLANNER_UNIT]),
    }


@contextmanager
def recording():
    """Records every query into the list it yields, as (SQL, where in Styrkort's code it was run)."""
    queries: list[tuple[str, str]] = []

    def record(execute, sql, *args):
        queries.append((sql, caller()))
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        yield queries


def caller() -> str:
    """The innermost Styrkort frames of the stack, innermost first: the code that ran a query."""
    frames = [f for f in traceback.extract_stack() if f"{os.sep}styrkort{os.sep}" in f.filename]
    return " < ".join(
        f"{f.filename.rsplit(f'{os.sep}styrkort{os.sep}', 1)[1]}:{f.lineno} {f.name}"
        for f in frames[::-1][:3]
    )


# A request to measure is given as `prepare`: a function that does the untimed work (such as reading
# the current version for a form, or raising the round's version for a cache miss) and returns the
# request to time.


def get(client: Client, url: str, before=None):
    def prepare():
        if before is not None:
            before()
        return lambda: client.get(url)

    return prepare


def post(client: Client, url: str, data, **headers):
    """data(n) builds the n-th request's form data, outside the timing."""
    count = itertools.count()

    def prepare():
        body = data(next(count))
        return lambda: client.post(url, body, headers=headers)

    return prepare


def written() -> None:
    """What a write does to the cached pages: new versions (core/versions.py, followup/versions.py)."""
    FollowUpRound.objects.filter(code=ROUND).update(data_version=new_version())
    DataVersion.objects.update(value=new_version())


@dataclass
class Result:
    sql: list  # (SQL, where) of one request
    wall: float  # medians, seconds
    cpu: float
    bare_wall: float
    bare_cpu: float
    bare_sql: list

    @property
    def wall_ratio(self) -> float:
        return self.wall / self.bare_wall

    @property
    def cpu_ratio(self) -> float:
        return self.cpu / self.bare_cpu


def measure(page, baseline, runs: int, cache_state: str = "") -> Result:
    """The page and its baseline take turns, so a change in the machine's load affects both alike.
    CPU time is the process's own: with SQLite it includes the database's work, with PostgreSQL not.
    With cache_state, every timed answer must say it was a cache "hit" or "miss" (X-Styrkort-Cache)."""
    page()()  # warm caches and templates
    baseline()()
    sql = {}
    for name, prepare in (("page", page), ("baseline", baseline)):
        send = prepare()
        with recording() as sql[name]:
            response = send()
        assert response.status_code == 200, (name, response.status_code, response.content[:500])
    wall: dict[str, list[float]] = {"page": [], "baseline": []}
    cpu: dict[str, list[float]] = {"page": [], "baseline": []}
    for _ in range(runs):
        for name, prepare in (("baseline", baseline), ("page", page)):
            send = prepare()
            started, started_cpu = time.perf_counter(), time.process_time()
            response = send()
            wall[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
            assert response.status_code == 200, (name, response.status_code)
            if name == "page" and cache_state:
                assert response.get("X-Styrkort-Cache") == cache_state, (cache_state, response.headers)
    return Result(
        sql["page"],
        statistics.median(wall["page"]),
        statistics.median(cpu["page"]),
        statistics.median(wall["baseline"]),
        statistics.median(cpu["baseline"]),
        sql["baseline"],
    )


def save_status(bare_client: Client):
    """POST one action's status as the reporter, as the unit report page's htmx form does, against a
    bare POST that saves one row. Returns measure's arguments and a check that every save was stored.

    Through the real session, login and CSRF checks: the client enforces CSRF and sends the token
    from the page's cookie in the X-CSRFToken header, as htmx does.
    """
    reporter = get_user_model().objects.get(username="bench")
    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)
    report = (
        ActionReport.objects.filter(round__code=ROUND, action__plan__owner__code=REPORTER_UNIT)
        .select_related("action")
        .order_by("pk")
        .first()
    )
    page = client.get(reverse("followup:unit_report", args=[ROUND, REPORTER_UNIT]))
    assert page.status_code == 200, page.status_code
    assert "csrftoken" in client.cookies
    prefix = f"a{report.action.pk}"

    def data(n: int) -> dict[str, str]:
        return {
            f"{prefix}-status": "in_progress" if n % 2 else "done",
            f"{prefix}-colour": "green",
            f"{prefix}-comment": f"Bench {n}: arbetet fortsätter.",
            f"{prefix}-deviation": "",
            f"{prefix}-version": str(ActionReport.objects.get(pk=report.pk).version),
            "unit": REPORTER_UNIT,
        }

    def saved() -> int:
        return ActionReport.objects.get(pk=report.pk).version - report.version

    request = post(
        client,
        reverse("followup:action_report", args=[ROUND, report.action.pk]),
        data,
        HX_Request="true",
        X_CSRFToken=client.cookies["csrftoken"].value,
    )
    return request, post(bare_client, "/bench/bare-write/", lambda n: {"value": str(n)}), saved


def run_scale(scale: int, runs: int) -> dict[str, Result]:
    """Per page, twice, "name (hit)" and "name (miss)" (the data's versions raised before each request,
    untimed, as any write does): what measure returns."""
    reset_database(WORK)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    totals = generate(scale)
    print(f"scale {scale}×: {totals} generated in {time.perf_counter() - started:.1f} s", flush=True)
    users = get_user_model().objects
    client, planner = Client(), Client()
    client.force_login(users.get(username="bench"))
    planner.force_login(users.get(username="bench-planner"))
    bare = get(client, "/bench/bare/")
    results = {}
    for viewer, urls in ((client, page_urls()), (planner, planner_urls())):
        for name, url in urls.items():
            results[f"{name} (hit)"] = measure(get(viewer, url), bare, runs, "hit")
            results[f"{name} (miss)"] = measure(get(viewer, url, written), bare, runs, "miss")
    request, bare_post, saved = save_status(client)
    results[SAVE] = measure(request, bare_post, runs)
    assert saved() == runs + 2, f"{saved()} of {runs + 2} saves were stored"
    return results


def normalise(sql: str) -> str:
    """The query's shape: placeholders of IN lists folded, so the same query at any size compares equal."""
    return re.sub(r"\((?:%s, )+%s\)", "(%s, …)", re.sub(r"\s+", " ", sql)).strip()


def print_growth(name: str, first: int, before: list, last: int, after: list) -> None:
    """The queries a page runs more often at the larger scale, or all of them when there are too many;
    each with where it was run and the start of its SQL."""
    count_before = Counter((normalise(sql), where) for sql, where in before)
    count_after = Counter((normalise(sql), where) for sql, where in after)
    grows = [q for q in count_after | count_before if count_before[q] != count_after[q]]
    title = "queries that grow" if grows else f"all {len(after)} queries"
    print(f"\n{name}: {title}, {first}× → {last}×")
    for shape, where in grows or list(count_before):
        print(f"  {count_before[shape, where]:>4} → {count_after[shape, where]:<4} {where or '(Django)'}")
        print(f"              {shape[:150]}")


def goal(name: str) -> float:
    """At most 3× a bare page (a bare POST for the save), 10× on a cache miss."""
    return 10.0 if name.endswith("(miss)") else 3.0


def main() -> None:
    setup_test_environment()
    try:
        results = {scale: run_scale(scale, ARGS.runs) for scale in ARGS.scales}
    finally:
        drop_database()
        shutil.rmtree(WORK, ignore_errors=True)  # the databases: 50 MB at 10×
    first, last = ARGS.scales[0], ARGS.scales[-1]
    print(f"\n{database_label()}, {ARGS.runs} runs a page; ratios to the bare page (wall-clock / CPU time)")
    print(
        f"{'page':<26} {'queries ' + str(first) + '×':>11} {'queries ' + str(last) + '×':>12} "
        f"{'median ' + str(first) + '×':>11} {'wall ' + str(first) + '×':>8} {'cpu ' + str(first) + '×':>7} "
        f"{'wall ' + str(last) + '×':>9} {'cpu ' + str(last) + '×':>8}  goal"
    )
    ok, growing, over = True, [], []
    for name in results[first]:
        small, large = results[first][name], results[last][name]
        q1, q2 = len(small.sql), len(large.sql)
        if name != SAVE:
            ok &= q1 == q2 and q1 <= 20
        if q1 != q2 or q2 > 20:
            growing.append((name, small.sql, large.sql))
        within = max(small.cpu_ratio, large.cpu_ratio) <= goal(name)
        if not within:
            over.append(name)
        print(
            f"{name:<26} {q1:>11} {q2:>12} {small.wall * 1000:>9.1f}ms {small.wall_ratio:>7.1f}× "
            f"{small.cpu_ratio:>6.1f}× {large.wall_ratio:>8.1f}× {large.cpu_ratio:>7.1f}×  "
            f"≤{goal(name):.0f}× {'✓' if within else '✗'}"
        )
    pages = [result for name, result in results[first].items() if name != SAVE]
    bare_wall = statistics.median(result.bare_wall for result in pages)
    bare_cpu = statistics.median(result.bare_cpu for result in pages)
    save = results[first][SAVE]
    print(
        f"\nbare page (same base template): {bare_wall * 1000:.1f} ms wall, {bare_cpu * 1000:.1f} ms CPU "
        "median; goal: queries equal and ≤ 20, ≤ 3× on a cache hit and ≤ 10× on a miss (by CPU time)"
    )
    print(
        f"* {SAVE.rstrip('*')}: POST of one action status (htmx row), ratio to a bare POST that saves one row "
        f"({save.bare_wall * 1000:.1f} ms median, {len(save.bare_sql)} queries at {first}×); goal: ratio ≤ 3×"
    )
    print("query counts: " + ("equal at both scales and ≤ 20" if ok else "NOT as required"))
    print("time: " + ("every page within its goal" if not over else "over the goal: " + ", ".join(over)))
    for name, sql1, sql2 in growing:
        print_growth(name, first, sql1, last, sql2)


if __name__ == "__main__":
    main()
