"""For each page: query count at 1× and 10× the data, and median time as a ratio to a bare Django
page that renders the same base template, measured in the same run; for saving one action status,
the ratio to a bare Django POST that writes one row. Prints a table; run with
`make bench` (or `python bench/pages.py --scales 1 10 --runs 15`)."""

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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.environment import prepare as prepare_bench

WORK = prepare_bench("pages")

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse

from bench.generate import PLANNER_UNIT, REPORTER_UNIT, generate
from styrkort.followup.models import ActionReport
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
# the current version for a form) and returns the request to time.


def get(client: Client, url: str):
    return lambda: lambda: client.get(url)


def post(client: Client, url: str, data, **headers):
    """data(n) builds the n-th request's form data, outside the timing."""
    count = itertools.count()

    def prepare():
        body = data(next(count))
        return lambda: client.post(url, body, headers=headers)

    return prepare


def measure(page, baseline, runs: int) -> tuple[list[str], float, float, list[str]]:
    """(SQL of one request, median time, median time of the baseline, SQL of one baseline request).

    The page and its baseline take turns, so a change in the machine's load affects both alike.
    """
    page()()  # warm caches and templates
    baseline()()
    sql = {}
    for name, prepare in (("page", page), ("baseline", baseline)):
        send = prepare()
        with recording() as sql[name]:
            response = send()
        assert response.status_code == 200, (name, response.status_code, response.content[:500])
    times: dict[str, list[float]] = {"page": [], "baseline": []}
    for _ in range(runs):
        for name, prepare in (("baseline", baseline), ("page", page)):
            send = prepare()
            start = time.perf_counter()
            response = send()
            times[name].append(time.perf_counter() - start)
            assert response.status_code == 200, (name, response.status_code)
    return (
        sql["page"],
        statistics.median(times["page"]),
        statistics.median(times["baseline"]),
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


def run_scale(scale: int, runs: int) -> dict[str, tuple[list[str], float, float, list[str]]]:
    """Per page: what measure returns."""
    connections.close_all()
    Path(f"{WORK}/bench.sqlite3").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    totals = generate(scale)
    print(f"scale {scale}×: {totals} generated in {time.perf_counter() - started:.1f} s", flush=True)
    users = get_user_model().objects
    client, planner = Client(), Client()
    client.force_login(users.get(username="bench"))
    planner.force_login(users.get(username="bench-planner"))
    bare = get(client, "/bench/bare/")
    results = {name: measure(get(client, url), bare, runs) for name, url in page_urls().items()}
    results |= {name: measure(get(planner, url), bare, runs) for name, url in planner_urls().items()}
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    setup_test_environment()
    try:
        results = {scale: run_scale(scale, args.runs) for scale in args.scales}
    finally:
        connections.close_all()
        shutil.rmtree(WORK, ignore_errors=True)  # the databases: 50 MB at 10×
    first, last = args.scales[0], args.scales[-1]
    print()
    print(
        f"{'page':<18} {'queries ' + str(first) + '×':>11} {'queries ' + str(last) + '×':>12} "
        f"{'median ' + str(first) + '×':>11} {'ratio ' + str(first) + '×':>9} {'ratio ' + str(last) + '×':>10}"
    )
    ok, growing = True, []
    for name in results[first]:
        sql1, t1, bare1, _ = results[first][name]
        sql2, t2, bare2, _ = results[last][name]
        q1, q2 = len(sql1), len(sql2)
        if name != SAVE:
            ok &= q1 == q2 and q1 <= 20
        if q1 != q2 or q2 > 20:
            growing.append((name, sql1, sql2))
        print(f"{name:<18} {q1:>11} {q2:>12} {t1 * 1000:>9.1f}ms {t1 / bare1:>8.1f}× {t2 / bare2:>9.1f}×")
    bare = statistics.median(results[first][name][2] for name in results[first] if name != SAVE)
    _, _, bare_post, bare_sql = results[first][SAVE]
    print(
        f"\nbare page (same base template): {bare * 1000:.1f} ms median; goal: queries equal and ≤ 20, ratio ≤ 3×"
    )
    print(
        f"* {SAVE.rstrip('*')}: POST of one action status (htmx row), ratio to a bare POST that saves one row "
        f"({bare_post * 1000:.1f} ms median, {len(bare_sql)} queries at {first}×); goal: ratio ≤ 3×"
    )
    print("query counts: " + ("equal at both scales and ≤ 20" if ok else "NOT as required"))
    for name, sql1, sql2 in growing:
        print_growth(name, first, sql1, last, sql2)


if __name__ == "__main__":
    main()
