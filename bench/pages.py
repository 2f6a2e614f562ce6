"""For each page: query count at 1× and 10× the data, and median time as a ratio to a bare Django
page that renders the same base template, measured in the same run. Prints a table; run with
`make bench` (or `python bench/pages.py --scales 1 10 --runs 15`)."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
WORK = tempfile.mkdtemp(prefix="styrkort-bench-")
os.environ.update(
    DJANGO_SETTINGS_MODULE="bench.settings",
    DATABASE_URL=f"sqlite:///{WORK}/bench.sqlite3",
    STYRKORT_SECRET_KEY="bench-only",
    STYRKORT_DEBUG="false",
    STYRKORT_VAR_DIR=WORK,
)

import django

django.setup()

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.test.utils import setup_test_environment

from bench.generate import generate
from styrkort.org.enums import Role
from styrkort.org.models import Membership, Unit
from styrkort.plans.models import Action, Goal, GoalArea, Indicator, Plan


def page_urls() -> dict[str, str]:
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
    }


def measure(client: Client, url: str, runs: int) -> tuple[int, float]:
    client.get(url)  # warm caches and templates
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return len(queries), statistics.median(times)


def run_scale(scale: int, runs: int) -> dict[str, tuple[int, float, float]]:
    connections.close_all()
    Path(f"{WORK}/bench.sqlite3").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    totals = generate(scale)
    print(f"scale {scale}×: {totals} generated in {time.perf_counter() - started:.1f} s", flush=True)
    user = get_user_model().objects.create_user("bench", password="bench-password-1")
    department = Unit.objects.get(code="B-RF-N1-F1-V1")
    Membership.objects.create(user=user, unit=department, role=Role.REPORTER)
    client = Client()
    client.force_login(user)
    _, bare = measure(client, "/bench/bare/", runs)
    return {name: (*measure(client, url, runs), bare) for name, url in page_urls().items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    setup_test_environment()
    results = {scale: run_scale(scale, args.runs) for scale in args.scales}
    first, last = args.scales[0], args.scales[-1]
    print()
    print(
        f"{'page':<14} {'queries ' + str(first) + '×':>11} {'queries ' + str(last) + '×':>12} "
        f"{'median ' + str(first) + '×':>11} {'ratio ' + str(first) + '×':>9} {'ratio ' + str(last) + '×':>10}"
    )
    ok = True
    for name in results[first]:
        q1, t1, bare1 = results[first][name]
        q2, t2, bare2 = results[last][name]
        ok &= q1 == q2 and q1 <= 20
        print(f"{name:<14} {q1:>11} {q2:>12} {t1 * 1000:>9.1f}ms {t1 / bare1:>8.1f}× {t2 / bare2:>9.1f}×")
    bare = results[first][next(iter(results[first]))][2]
    print(
        f"\nbare page (same base template): {bare * 1000:.1f} ms median; goal: queries equal and ≤ 20, ratio ≤ 3×"
    )
    print("query counts: " + ("equal at both scales and ≤ 20" if ok else "NOT as required"))


if __name__ == "__main__":
    main()
