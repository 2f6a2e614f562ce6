"""The Region Västmanland demo, loaded through the product's own imports and services.

The plan workbook in data/ holds the plans; data/followup-2023/ holds the annual report 2023 of the
regional development administration (seed 002) as a follow-up workbook, and data/economy-2023/ its
economy and staff figures as finance and HR exports; both are imported into the round, which is then
closed. An open interim round of 2024 gives the inbox something to do.
"""

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from styrkort.exchange.services import economy_import, followup_workbook_import, plan_workbook_import
from styrkort.exchange.workbook import ImportResult
from styrkort.followup.enums import RoundKind
from styrkort.followup.models import FollowUpRound
from styrkort.followup.services import round_close, round_publish, round_upsert
from styrkort.org.enums import Role
from styrkort.org.models import Unit
from styrkort.org.services import administrator_ensure, user_ensure
from styrkort.plans.models import Action, GoalArea, Plan
from styrkort.plans.services import plan_publicity_set
from styrkort.portal.models import Story
from styrkort.portal.services import story_image_add, story_publish, story_save

DATA = Path(__file__).parent / "data"
DEMO_WORKBOOK = DATA / "region-vastmanland-plan.xlsx"
ANNUAL_REPORT_2023_WORKBOOK = DATA / "followup-2023" / "AR-2023-RUF.xlsx"
# Seed 002's economy and staff, as a finance and an HR system would export them (README.md there).
# The chart of accounts, shared by every unit, is the administrator's and comes first, so the amounts
# find their lines; the planner imports the rest.
CHART_OF_ACCOUNTS = DATA / "economy-2023" / "kontoplan.csv"
ECONOMY_2023_FILES = tuple(
    DATA / "economy-2023" / name
    for name in (
        "ekonomi-2023.csv",
        "investeringar-2023.csv",
        "atgardsplan-2023.csv",
        "personal-2023.csv",
    )
)
# On the open web: the RUS, and the plans whose goals serve its goals (the regional plan and the
# administration's plan), so its pages show the work done for it.
DEMO_PUBLIC_PLANS = ("PRG-RUS", "RPB-2022", "RUF-2023")
DEMO_STORIES_PLAN = "PRG-RUS"
STORIES = DATA / "stories"
DEMO_PASSWORD = "styrkort-demo"  # noqa: S105 - published on purpose: these are demo logins


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: Role
    unit_code: str

    @property
    def role_label(self) -> str:
        return str(self.role.label)


DEMO_USERS = (
    DemoUser("admin", "Alva Administratör", Role.ADMINISTRATOR, "RF"),
    DemoUser("planerare", "Petra Planerare", Role.PLANNER, "RUF"),
    DemoUser("rapportor", "Rasmus Rapportör", Role.REPORTER, "FH"),
    DemoUser("lasare", "Lisa Läsare", Role.READER, "RF"),
)


@dataclass(frozen=True)
class DemoRound:
    code: str
    name: str
    kind: RoundKind
    as_of: dt.date
    deadline: dt.date | None  # None: two weeks from the day the demo is loaded
    plan_codes: tuple[str, ...] = ("RUF-2023",)
    unit_codes: tuple[str, ...] = ("RUF",)
    workbook: Path | None = None  # imported, then the round is closed
    chart_of_accounts: Path | None = None  # imported by the administrator before the economy files
    economy: tuple[Path, ...] = ()  # economy and staff files, imported before closing
    asks_deviation: bool = True  # seed 002 writes a yellow action's deviation in its comment
    cover: tuple[str, dt.date, str] | None = None  # treated by (unit code), meeting date, diary number
    publish: bool = False  # closed, then published on the open web by the planner

    def values(self) -> dict:
        # An open round's deadline follows the loading day, so the inbox always has work that is due.
        deadline = self.deadline or timezone.localdate() + dt.timedelta(days=14)
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "as_of": self.as_of,
            "deadline": deadline,
            "plans": list(Plan.objects.filter(code__in=self.plan_codes)),
            "units": list(Unit.objects.filter(code__in=self.unit_codes)),
            "asks_deviation": self.asks_deviation,
            **(
                {
                    "treated_by": Unit.objects.get(code=self.cover[0]),
                    "treated_on": self.cover[1],
                    "diary_number": self.cover[2],
                }
                if self.cover
                else {}
            ),
        }


DEMO_ROUNDS = (
    DemoRound(
        "AR-2023-RUF",
        "Årsredovisning 2023 – Regionala utvecklingsförvaltningen",
        RoundKind.ANNUAL,
        as_of=dt.date(2023, 12, 31),
        # Seed 002 is dated 2024-01-17 on every page and goes to the board on 2024-01-23.
        deadline=dt.date(2024, 1, 17),
        workbook=ANNUAL_REPORT_2023_WORKBOOK,
        chart_of_accounts=CHART_OF_ACCOUNTS,
        economy=ECONOMY_2023_FILES,
        asks_deviation=False,
        cover=("RUN", dt.date(2024, 1, 23), "RUF230038"),
        publish=True,
    ),
    DemoRound(
        "DR1-2024-RUF",
        "Delårsrapport 1 2024 – Regionala utvecklingsförvaltningen",
        RoundKind.INTERIM_1,
        as_of=dt.date(2024, 4, 30),
        deadline=None,
    ),
)


@transaction.atomic
def demo_load(*, rounds: bool = True) -> ImportResult:
    """Load or refresh the demo; safe to run again. Returns the plan import, or the first that failed.

    `rounds=False` loads the plans and users only, in half the time, for tests that make their own rounds.
    """
    # The demo's administrator imports the plans: the units they will belong to come with them.
    administrator = next(person for person in DEMO_USERS if person.role == Role.ADMINISTRATOR)
    importer, _created = administrator_ensure(
        username=administrator.username, password=DEMO_PASSWORD, full_name=administrator.full_name
    )
    result = plan_workbook_import(source=DEMO_WORKBOOK, user=importer)
    if not result.ok:
        transaction.set_rollback(True)
        return result
    for demo_user in DEMO_USERS:
        user_ensure(
            username=demo_user.username,
            password=DEMO_PASSWORD,
            full_name=demo_user.full_name,
            unit=Unit.objects.get(code=demo_user.unit_code),
            role=demo_user.role,
        )
    for plan in Plan.objects.filter(code__in=DEMO_PUBLIC_PLANS, is_public=False):
        plan_publicity_set(user=importer, plan=plan, public=True)
    if rounds:
        loaded = demo_rounds_load()
        if not loaded.ok:
            transaction.set_rollback(True)
            return loaded
    return result


@transaction.atomic
def demo_rounds_load() -> ImportResult:
    """The demo's follow-up rounds and the RUS's stories, on top of its plans and users (demo_load
    loads all of it).

    The annual report is imported in the planner's name, closed by the administrator and published
    by the planner; a round that is already closed is left as it is. Returns the first import that
    failed, else an empty result.
    """
    users = get_user_model().objects.in_bulk(["planerare", "admin"], field_name="username")
    for demo_round in DEMO_ROUNDS:
        failed = _round_load(demo_round, reporter=users["planerare"], closer=users["admin"])
        if failed is not None:
            transaction.set_rollback(True)
            return failed
    demo_stories_load()
    return ImportResult()


def demo_stories_load() -> list[Story]:
    """The RUS's stories (data/stories/, written from seeds 000 and 002, images drawn by draw.py),
    written and published by the planner; a story already there is left as it is."""
    planner = get_user_model().objects.get(username="planerare")
    plan = Plan.objects.get(code=DEMO_STORIES_PLAN)
    loaded = []
    for entry in json.loads((STORIES / "stories.json").read_text(encoding="utf-8")):
        if Story.objects.filter(plan=plan, slug=entry["slug"]).exists():
            continue
        actions = [
            Action.objects.get(plan__code=reference.split("/")[0], code=reference.split("/", 1)[1])
            for reference in entry.get("actions", [])
        ]
        story = story_save(
            user=planner,
            plan=plan,
            slug=entry["slug"],
            title=entry["title"],
            summary=entry.get("summary", ""),
            body=entry["body"],
            unit=Unit.objects.get(code=entry["unit"]),
            published_on=dt.date.fromisoformat(entry["published_on"]),
            areas=list(GoalArea.objects.filter(plan=plan, code__in=entry.get("goal_areas", []))),
            actions=actions,
        )
        for image in entry.get("images", []):
            with (STORIES / image["file"]).open("rb") as handle:
                story_image_add(
                    user=planner,
                    story=story,
                    upload=File(handle, name=image["file"]),
                    alt=image["alt"],
                    caption=image.get("caption", ""),
                )
        loaded.append(story_publish(user=planner, story=story))
    return loaded


def _round_load(demo_round: DemoRound, *, reporter, closer) -> ImportResult | None:
    """Create or update the round, fill and close it from its workbook; a closed round is left alone."""
    existing = FollowUpRound.objects.filter(code=demo_round.code).first()
    if existing is not None and not existing.is_open:
        return None
    followup_round, _created = round_upsert(**demo_round.values())
    if demo_round.workbook is None:
        return None
    imported = followup_workbook_import(
        source=demo_round.workbook,
        user=reporter,
        round=followup_round,
        unit=Unit.objects.get(code=demo_round.unit_codes[0]),
    )
    if not imported.ok:
        return imported
    economy = [(demo_round.chart_of_accounts, closer)] if demo_round.chart_of_accounts else []
    for path, importer in [*economy, *((path, reporter) for path in demo_round.economy)]:
        imported = economy_import(source=path, round=followup_round, user=importer)
        if not imported.ok:
            return imported
    round_close(user=closer, round=followup_round)
    if demo_round.publish:
        round_publish(user=reporter, round=followup_round)
    return None
