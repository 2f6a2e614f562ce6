"""Every role × every write path × own or foreign object: allowed and written, or refused with nothing
written (issue 11). A write path is a page that writes, an import (its page and its command) or a
command that writes; each asks the same named predicates (followup/rules.py, economy/rules.py,
plans/rules.py, org/rules.py).

The places an object can be, seen from the people below:
- FH: Folkhälsa, the reporter's own unit, inside the planner's administration (RUF);
- VF: Välfärd, the planner's but not the reporter's;
- RUF: the administration itself, or its plan RUF-2023;
- RS: Regionstyrelsen and the region plan RPB-2022, outside RUF: only the administrator's.

A new URL or command must be placed here or among the ones that write nothing
(test_every_url_and_command_is_placed), so the matrix grows with every write path.
"""

import contextlib
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command, get_commands
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from styrkort.api.models import ApiToken
from styrkort.api.services import api_token_create
from styrkort.economy.models import SavingsMeasure, StaffFigure, StatementLine
from styrkort.economy.services import savings_measure_save
from styrkort.exchange.services import plan_workbook_export
from styrkort.followup.enums import RoundKind
from styrkort.followup.models import (
    ActionReport,
    AssignmentReport,
    FollowUpRound,
    GoalAssessment,
    IndicatorAssessment,
    Measurement,
    Narrative,
    Reminder,
    UnitReady,
)
from styrkort.followup.queries import actions_in_round
from styrkort.followup.services import action_report_save, round_close, round_publish, round_upsert
from styrkort.org.enums import Role
from styrkort.org.models import Membership, Unit
from styrkort.org.queries import unit_ids_below
from styrkort.plans.models import Action, Assignment, Goal, Indicator, Plan
from styrkort.plans.services import action_upsert
from styrkort.plans.timeline import parse_timeline
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

ROLES = ("anonymous", "reader", "reporter", "planner", "finance", "administrator", "contributor")
PEOPLE = {  # role: (username, unit of the membership)
    "reader": ("lisa", "RUF"),
    "reporter": ("rasmus", "FH"),
    "planner": ("petra", "RUF"),
    "finance": ("frida", "RF"),
    "administrator": ("adam", "RF"),
    "contributor": ("kim", "FH"),  # bidragsgivare: writes stories of their own unit, nothing else
}
MARK = "Skrivet av matrisen"
FOREIGN_ACTION = "RS 1"  # an action of the region plan, for Regionstyrelsen (made by the fixture)


@dataclass
class World:
    """What every write path acts on: the demo's plans and a round in which the whole region reports."""

    round: FollowUpRound  # RUF-2023 and RPB-2022; RF and every unit below report
    tmp_path: Path

    def unit(self, code: str) -> Unit:
        return Unit.objects.get(code=code)

    def action(self, place: str) -> Action:
        code = {"FH": ("RUF-2023", "RF1"), "VF": ("RUF-2023", "RUN 2"), "RS": ("RPB-2022", FOREIGN_ACTION)}
        plan, action_code = code[place]
        return Action.objects.get(plan__code=plan, code=action_code)

    def goal(self, place: str) -> Goal:
        return Goal.objects.get(code={"RUF": "RUF-M1.1", "RS": "RP-1.1"}[place])

    def assignment(self, place: str) -> Assignment:
        plan, number = {"RUF": ("RUF-2023", "1"), "RS": ("RPB-2022", "15")}[place]  # to RUF; to RS
        return Assignment.objects.get(plan__code=plan, number=number)

    def indicator(self, place: str) -> Indicator:
        return Indicator.objects.get(code={"RUF": "RUF-I1.1", "RS": "RP-I1.1.1"}[place])

    def small_round(self, place: str) -> FollowUpRound:
        """A round of one plan only: RUF's (units RUF) or the region's (units RS)."""
        plan, unit = {"RUF": ("RUF-2023", "RUF"), "RS": ("RPB-2022", "RS")}[place]
        created, _ = round_upsert(
            code=f"TEST-{plan}",
            name=f"Uppföljning {plan}",
            kind=RoundKind.INTERIM_2,
            as_of=dt.date(2023, 8, 31),
            deadline=dt.date(2023, 9, 15),
            plans=[Plan.objects.get(code=plan)],
            units=[self.unit(unit)],
        )
        return created

    def file(self, name: str, content: bytes) -> Path:
        path = self.tmp_path / name
        path.write_bytes(content)
        return path


@pytest.fixture
def world(demo, tmp_path) -> World:
    for username, unit in PEOPLE.values():
        user = get_user_model().objects.create_user(username=username, password="pw-for-tests-only")
        role = next(role for role, (name, _unit) in PEOPLE.items() if name == username)
        Membership.objects.create(user=user, unit=Unit.objects.get(code=unit), role=Role(role))
    action_upsert(
        user=superuser(),
        plan=Plan.objects.get(code="RPB-2022"),
        code=FOREIGN_ACTION,
        text="Regionstyrelsens egen åtgärd",
        timeline=parse_timeline("2023"),
        units=[Unit.objects.get(code="RS")],
    )
    region_round, _ = round_upsert(
        code="TEST-MATRIX",
        name="Delårsrapport 2 2023 – hela regionen",
        kind=RoundKind.INTERIM_2,
        as_of=dt.date(2023, 8, 31),
        deadline=dt.date(2023, 9, 15),
        plans=[Plan.objects.get(code="RUF-2023"), Plan.objects.get(code="RPB-2022")],
        units=[Unit.objects.get(code="RF")],
    )
    return World(round=region_round, tmp_path=tmp_path)


# ---------------------------------------------------------------------------
# How a person writes: through a page (a logged-in client) or a command (--user)


def post(role: str, url: str, data: dict | None = None, **extra):
    client = Client()
    if role != "anonymous":
        client.force_login(get_user_model().objects.get(username=PEOPLE[role][0]))
    return client.post(url, data or {}, **extra)


def upload(role: str, url: str, name: str, content: bytes) -> None:
    """A file through an import page: checked, then confirmed when the check let it through."""
    client = Client()
    if role != "anonymous":
        client.force_login(get_user_model().objects.get(username=PEOPLE[role][0]))
    checked = client.post(url, {"workbook": SimpleUploadedFile(name, content)})
    token = checked.context.get("token") if checked.context else None
    if token:
        client.post(url, {"token": token})


def command(role: str, name: str, *args) -> None:
    """A command as the role's person; without --user for the anonymous, which every command refuses."""
    options = {} if role == "anonymous" else {"user": PEOPLE[role][0]}
    with contextlib.suppress(CommandError):  # a refusal; whether anything was written is asked after
        call_command(name, *args, stdout=io.StringIO(), stderr=io.StringIO(), **options)


def api_put(role: str, url: str, data: dict):
    """A write through the API, with a token of the role's person; without one for the anonymous."""
    headers = {}
    if role != "anonymous":
        user = get_user_model().objects.get(username=PEOPLE[role][0])
        headers["Authorization"] = f"Bearer {api_token_create(user=user, name='matris')[1]}"
    return Client().put(url, data, content_type="application/json", headers=headers)


# ---------------------------------------------------------------------------
# The files the imports read, small: one row that writes one thing


def plan_workbook(plan_code: str) -> bytes:
    """The plan register's sheet Planer with one plan, renamed."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(_register()))
    for name in workbook.sheetnames[:]:
        if name != "Planer":
            del workbook[name]
    sheet = workbook["Planer"]
    headers = [cell.value for cell in sheet[1]]
    for row in range(sheet.max_row, 1, -1):
        if sheet.cell(row=row, column=headers.index("Kod") + 1).value != plan_code:
            sheet.delete_rows(row)
    sheet.cell(row=2, column=headers.index("Namn") + 1, value=MARK)
    return _saved(workbook)


_REGISTER: list[bytes] = []


def _register() -> bytes:
    """The demo's plan register as a workbook, exported once per test process (the demo is the same
    in every test)."""
    if not _REGISTER:
        _REGISTER.append(plan_workbook_export())
    return _REGISTER[0]


def followup_workbook(round: FollowUpRound, unit_code: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    info = workbook.active
    info.title = "Uppföljning"
    for row in (("Fält", "Värde"), ("Uppföljningstillfälle", round.code), ("Enhet", unit_code)):
        info.append(row)
    texts = workbook.create_sheet("Texter")
    texts.append(("Avsnitt", "Text"))
    texts.append(("väsentliga händelser", MARK))
    return _saved(workbook)


def staff_file(unit_code: str) -> bytes:
    return f"Enhet;Mått;Indelning;Period;Värde;Anteckning\n{unit_code};Årsarbetare;;2023-08;42,5;\n".encode()


CHART_FILE = f"Konto;Rad;Grupp;Ordning\n30;{MARK};intäkt;1\n".encode()


def _saved(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------
# The write paths: each is (places → who may) and a function that, for a place, writes as a role and
# returns how to see whether it was written


Write = Callable[[World, str, str], Callable[[], bool]]  # (world, place, role) -> written?

REPORTING = {"FH": {"reporter", "planner", "administrator"}, "VF": {"planner", "administrator"}}
REPORTING["RS"] = {"administrator"}
PLANNING = {"RUF": {"planner", "administrator"}, "RS": {"administrator"}}
UNIT_FIGURES = {
    "FH": {"planner", "administrator"},
    "VF": {"planner", "administrator"},
    "RS": {"administrator"},
}


def action_report(world: World, place: str, role: str):
    action = world.action(place)
    prefix = f"a{action.pk}-"
    data = {f"{prefix}status": "in_progress", f"{prefix}colour": "green", f"{prefix}version": 0}
    post(role, reverse("followup:action_report", args=[world.round.code, action.pk]), data | {"unit": place})
    return ActionReport.objects.filter(round=world.round, action=action).exists


def narrative(world: World, place: str, role: str):
    data = {"section": "events", "n-events-section": "events", "n-events-text": MARK, "n-events-version": 0}
    post(role, reverse("followup:narrative", args=[world.round.code, place]), data)
    return Narrative.objects.filter(round=world.round, unit__code=place, text=MARK).exists


def measurement(world: World, place: str, role: str):
    indicator = world.indicator(place)
    data = {f"i{indicator.pk}-period": 2023, f"i{indicator.pk}-value_0": "37", "unit": "RF"}
    post(role, reverse("followup:measurement", args=[world.round.code, indicator.pk]), data)
    return Measurement.objects.filter(round=world.round, indicator=indicator).exists


def goal_assessment(world: World, place: str, role: str):
    goal = world.goal(place)
    data = {f"g{goal.pk}-colour": "green", f"g{goal.pk}-analysis": MARK, f"g{goal.pk}-version": 0}
    post(role, reverse("followup:goal_assessment", args=[world.round.code, goal.pk]), data)
    return GoalAssessment.objects.filter(round=world.round, goal=goal).exists


def assignment_report(world: World, place: str, role: str):
    assignment = world.assignment(place)
    data = {f"u{assignment.pk}-comment": MARK, f"u{assignment.pk}-version": 0, "unit": place}
    post(role, reverse("followup:assignment_report", args=[world.round.code, assignment.pk]), data)
    return AssignmentReport.objects.filter(round=world.round, assignment=assignment).exists


def indicator_assessment(world: World, place: str, role: str):
    indicator = world.indicator(place)
    data = {f"o{indicator.pk}-status": "green", f"o{indicator.pk}-reason": MARK}
    post(role, reverse("followup:indicator_assessment", args=[world.round.code, indicator.pk]), data)
    return IndicatorAssessment.objects.filter(round=world.round, indicator=indicator).exists


def savings_add(world: World, place: str, role: str):
    data = {"new-measure": MARK, "new-timeline": "2024"}
    post(role, reverse("economy:savings_save", args=[world.round.code, place]), data)
    return SavingsMeasure.objects.filter(round=world.round, unit__code=place, measure=MARK).exists


def savings_delete(world: World, place: str, role: str):
    measure = savings_measure_save(user=superuser(), round=world.round, unit=world.unit(place), measure=MARK)
    post(role, reverse("economy:savings_delete", args=[world.round.code, place, measure.pk]))
    return lambda: not SavingsMeasure.objects.filter(pk=measure.pk).exists()


def close(world: World, place: str, role: str):
    small = world.small_round(place)
    post(role, reverse("followup:close", args=[small.code]))
    return FollowUpRound.objects.filter(pk=small.pk, closed_at__isnull=False).exists


def unit_ready(world: World, place: str, role: str):
    unit = world.unit(place)
    for action in actions_in_round(world.round, unit_ids_below([unit.pk])):  # all reported: may be marked
        action_report_save(user=superuser(), round=world.round, action=action, status="done", colour="green")
    post(role, reverse("followup:unit_ready", args=[world.round.code, place]), {"ready": "1"})
    return UnitReady.objects.filter(round=world.round, unit=unit).exists


def remind(world: World, place: str, role: str):
    small = world.small_round(place)
    reminded = get_user_model().objects.create_user("paminns", email="paminns@example.se")
    Membership.objects.create(user=reminded, unit=small.units.get(), role=Role.REPORTER)  # someone to remind
    post(role, reverse("followup:remind", args=[small.code]))
    return Reminder.objects.filter(round=small).exists


def publish(world: World, place: str, role: str):
    small = world.small_round(place)
    round_close(user=superuser(), round=small)
    post(role, reverse("followup:publish", args=[small.code]))
    return FollowUpRound.objects.filter(pk=small.pk, published_at__isnull=False).exists


def withdraw(world: World, place: str, role: str):
    small = world.small_round(place)
    round_close(user=superuser(), round=small)
    round_publish(user=superuser(), round=small)
    post(role, reverse("followup:withdraw", args=[small.code]), {"reason": MARK})
    return FollowUpRound.objects.filter(pk=small.pk, published_at__isnull=True).exists


def plan_publicity(world: World, place: str, role: str):
    plan = Plan.objects.get(code={"RUF": "RUF-2023", "RS": "RPB-2022"}[place])
    Plan.objects.filter(pk=plan.pk).update(is_public=False)  # the demo's are public
    post(role, reverse("plans:publicity", args=[plan.code]), {"public": "1"})
    return Plan.objects.filter(pk=plan.pk, is_public=True).exists


# Stories: FH is the contributor's own unit, RS one that is not; planners write and publish any.
STORY_WRITERS = {"FH": {"planner", "administrator", "contributor"}, "RS": {"planner", "administrator"}}
STORY_PUBLISHERS = {"FH": {"planner", "administrator"}, "RS": {"planner", "administrator"}}


def _story(place: str):
    from styrkort.portal.services import story_save

    return story_save(
        user=superuser(),
        plan=Plan.objects.get(code="PRG-RUS"),
        title=f"Berättelse {place}",
        body="Text.",
        unit=Unit.objects.get(code=place),
    )


def _image(story):
    from styrkort.portal.services import story_image_add

    return story_image_add(
        user=superuser(), story=story, upload=SimpleUploadedFile("b.png", _png()), alt="Bild"
    )


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 90, 60)).save(out, "PNG")
    return out.getvalue()


def story_create(world: World, place: str, role: str):
    data = {
        "plan": Plan.objects.get(code="PRG-RUS").pk,
        "title": MARK,
        "body": "Text.",
        "unit": world.unit(place).pk,
    }
    post(role, reverse("portal:story_create"), data)
    from styrkort.portal.models import Story

    return Story.objects.filter(title=MARK).exists


def story_edit(world: World, place: str, role: str):
    story = _story(place)
    data = {"plan": story.plan_id, "title": MARK, "body": "Text.", "unit": story.unit_id}
    post(role, reverse("portal:story_edit", args=[story.pk]), data)
    from styrkort.portal.models import Story

    return Story.objects.filter(pk=story.pk, title=MARK).exists


def story_image_add_page(world: World, place: str, role: str):
    story = _story(place)
    post(
        role,
        reverse("portal:story_image_add", args=[story.pk]),
        {"alt": MARK, "image": SimpleUploadedFile("b.png", _png())},
    )
    return story.images.filter(alt=MARK).exists


def story_image_remove_page(world: World, place: str, role: str):
    image = _image(_story(place))
    post(role, reverse("portal:story_image_remove", args=[image.pk]))
    from styrkort.portal.models import StoryImage

    return lambda: not StoryImage.objects.filter(pk=image.pk).exists()


def story_publication_page(world: World, place: str, role: str):
    story = _story(place)
    post(role, reverse("portal:story_publication", args=[story.pk]), {"publish": "1"})
    from styrkort.portal.models import Story

    return Story.objects.filter(pk=story.pk, published_at__isnull=False).exists


def close_command(world: World, place: str, role: str):
    small = world.small_round(place)
    command(role, "close-round", small.code)
    return FollowUpRound.objects.filter(pk=small.pk, closed_at__isnull=False).exists


def reopen(world: World, place: str, role: str):
    round_close(user=superuser(), round=world.round)
    post(role, reverse("followup:reopen", args=[world.round.code]), {"reason": "Rättelse"})
    return FollowUpRound.objects.filter(pk=world.round.pk, closed_at__isnull=True).exists


def round_create(world: World, place: str, role: str):
    plans, units = {"RUF": ("RUF-2023", "RUF"), "RS": ("RPB-2022", "RF")}[place]
    data = {
        "code": "DR1-2024-NY",
        "name": "Delårsrapport 1 2024",
        "kind": "interim_1",
        "as_of": "2024-04-30",
        "deadline": "2024-05-15",
        "plans": plans,
        "units": units,
    }
    post(role, reverse("followup:round_create"), data)
    return FollowUpRound.objects.filter(code="DR1-2024-NY").exists


def round_create_command(world: World, place: str, role: str):
    plans, units = {"RUF": ("RUF-2023", "RUF"), "RS": ("RPB-2022", "RF")}[place]
    dates = ("--as-of", "2024-04-30", "--deadline", "2024-05-15")
    command(
        role,
        "create-round",
        "DR1-2024-NY",
        "--name",
        "Delårsrapport 1 2024",
        "--kind",
        "interim_1",
        *dates,
        "--plans",
        plans,
        "--units",
        units,
    )
    return FollowUpRound.objects.filter(code="DR1-2024-NY").exists


def _plan_code(place: str) -> str:
    return {"RUF": "RUF-2023", "RS": "RPB-2022"}[place]


def plan_import_page(world: World, place: str, role: str):
    upload(role, reverse("exchange:import"), "plan.xlsx", plan_workbook(_plan_code(place)))
    return Plan.objects.filter(code=_plan_code(place), name=MARK).exists


def plan_import_command(world: World, place: str, role: str):
    command(role, "import-plan", str(world.file("plan.xlsx", plan_workbook(_plan_code(place)))))
    return Plan.objects.filter(code=_plan_code(place), name=MARK).exists


def followup_import_page(world: World, place: str, role: str):
    url = reverse("exchange:followup_import", args=[world.round.code, place])
    upload(role, url, "uppfoljning.xlsx", followup_workbook(world.round, place))
    return Narrative.objects.filter(round=world.round, unit__code=place, text=MARK).exists


def followup_import_command(world: World, place: str, role: str):
    path = world.file("uppfoljning.xlsx", followup_workbook(world.round, place))
    command(role, "import-followup", str(path))
    return Narrative.objects.filter(round=world.round, unit__code=place, text=MARK).exists


def economy_import_page(world: World, place: str, role: str):
    upload(
        role, reverse("exchange:economy_import", args=[world.round.code]), "personal.csv", staff_file(place)
    )
    return StaffFigure.objects.filter(unit__code=place, value=42.5).exists


def economy_import_command(world: World, place: str, role: str):
    command(
        role,
        "import-economy",
        str(world.file("personal.csv", staff_file(place))),
        "--round",
        world.round.code,
    )
    return StaffFigure.objects.filter(unit__code=place, value=42.5).exists


def chart_import_page(world: World, place: str, role: str):
    upload(role, reverse("exchange:economy_import", args=[world.round.code]), "kontoplan.csv", CHART_FILE)
    return StatementLine.objects.filter(name=MARK).exists


def chart_import_command(world: World, place: str, role: str):
    command(role, "import-economy", str(world.file("kontoplan.csv", CHART_FILE)), "--round", world.round.code)
    return StatementLine.objects.filter(name=MARK).exists


def api_action_report(world: World, place: str, role: str):
    action = world.action(place)
    url = reverse("api-v1:action_report_save", args=[world.round.code, action.pk])
    api_put(role, url, {"status": "in_progress", "colour": "green", "comment": MARK, "version": 0})
    return ActionReport.objects.filter(round=world.round, action=action, comment=MARK).exists


def api_measurement(world: World, place: str, role: str):
    indicator = world.indicator(place)
    url = reverse("api-v1:measurement_save", args=[world.round.code, indicator.pk])
    current = Measurement.objects.filter(indicator=indicator, breakdown=None, period=2023).first()
    data = {"period": 2023, "value": "37", "note": MARK, "version": current.version if current else 0}
    api_put(role, url, data)
    return Measurement.objects.filter(round=world.round, indicator=indicator, note=MARK).exists


def token_create(world: World, place: str, role: str):
    post(role, reverse("api:tokens"), {"name": MARK})
    return ApiToken.objects.filter(name=MARK).exists


def token_revoke(world: World, place: str, role: str):
    """The role's own token, or another person's (the reporter's; the reporter's own: the reader's)."""
    if place == "own" and role != "anonymous":
        owner = PEOPLE[role][0]
    else:
        owner = PEOPLE["reader" if role == "reporter" else "reporter"][0]
    token, _secret = api_token_create(user=get_user_model().objects.get(username=owner), name=MARK)
    post(role, reverse("api:token_revoke", args=[token.pk]))
    return ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=False).exists


SIGNED_IN = set(ROLES) - {"anonymous"}
ONLY_ADMINISTRATOR = {"all": {"administrator"}}
CHART = {"all": {"administrator", "finance"}}

MATRIX: dict[str, tuple[Write, dict[str, set[str]]]] = {
    # pages
    "followup:action_report": (action_report, REPORTING),
    "followup:narrative": (narrative, REPORTING),
    "followup:measurement": (measurement, PLANNING),
    "followup:goal_assessment": (goal_assessment, PLANNING),
    "followup:assignment_report": (assignment_report, PLANNING),
    "followup:indicator_assessment": (indicator_assessment, PLANNING),
    "followup:close": (close, PLANNING),
    "followup:unit_ready": (unit_ready, REPORTING),
    "followup:remind": (remind, PLANNING),
    "followup:publish": (publish, PLANNING),
    "followup:withdraw": (withdraw, {"RUF": {"administrator"}, "RS": {"administrator"}}),
    "plans:publicity": (plan_publicity, PLANNING),
    "portal:story_create": (story_create, STORY_WRITERS),
    "portal:story_edit": (story_edit, STORY_WRITERS),
    "portal:story_image_add": (story_image_add_page, STORY_WRITERS),
    "portal:story_image_remove": (story_image_remove_page, STORY_WRITERS),
    "portal:story_publication": (story_publication_page, STORY_PUBLISHERS),
    "followup:reopen": (reopen, ONLY_ADMINISTRATOR),
    "followup:round_create": (round_create, PLANNING),
    "economy:savings_save": (savings_add, REPORTING),
    "economy:savings_delete": (savings_delete, REPORTING),
    "api:tokens": (token_create, {"own": SIGNED_IN}),
    "api:token_revoke": (token_revoke, {"own": SIGNED_IN, "foreign": set()}),  # administrators too
    # the API, with a personal token
    "api-v1:action_report_save": (api_action_report, REPORTING),
    "api-v1:measurement_save": (api_measurement, PLANNING),  # as followup:measurement
    "exchange:import": (plan_import_page, PLANNING),
    "exchange:followup_import": (followup_import_page, REPORTING),
    "exchange:economy_import": (economy_import_page, UNIT_FIGURES),
    "exchange:economy_import (kontoplan)": (chart_import_page, CHART),
    # commands
    "import-plan": (plan_import_command, PLANNING),
    "import-followup": (followup_import_command, REPORTING),
    "import-economy": (economy_import_command, UNIT_FIGURES),
    "import-economy (kontoplan)": (chart_import_command, CHART),
    "close-round": (close_command, PLANNING),
    "create-round": (round_create_command, PLANNING),
}

CASES = [
    pytest.param(path, place, role, role in allowed, id=f"{path}-{place}-{role}")
    for path, (_write, places) in MATRIX.items()
    for place, allowed in places.items()
    for role in ROLES
]


@pytest.mark.parametrize(("path", "place", "role", "allowed"), CASES)
def test_a_role_writes_where_it_may_and_nowhere_else(world, path, place, role, allowed):
    write, _places = MATRIX[path]

    written = write(world, place, role)

    assert written() is allowed


# What writes nothing a person owns: read-only pages, downloads, and commands that are not a person's.
READ_ONLY_URLS = {
    "admin",  # Django's admin: staff only, its own permissions (docs/decisions.md)
    "reports:home",
    "reports:round_unit",
    "reports:round_unit_file",
    "reports:round_plan",
    "reports:round_plan_file",
    "reports:plan",
    "reports:plan_file",
    "reports:job",  # a report built in the background: the person's own, read
    "reports:job_file",
    "login",
    "logout",
    "logged_in_again",
    "portal:index",  # the open web: public plans and published rounds, read by anyone
    "portal:plan",
    "portal:indicator",
    "portal:goal_area",
    "portal:story",
    "portal:feed",
    "portal:story_image",  # a published story's image, or a preview for those who may change it
    "portal:story_list",
    "portal:open_data",  # the open web's tables, one indicator's values, the whole plan as a ZIP
    "portal:indicator_data",
    "portal:open_data_zip",
    "portal:search",
    "portal:accessibility",
    "portal:privacy",
    "followup:inbox",
    "followup:compare",
    "followup:round",
    "followup:overview",
    "followup:unit_report",
    "followup:action_history",
    "followup:indicator_history",
    "economy:page",
    "exchange:download",
    "exchange:followup_download",
    "exchange:job",  # a background import's progress, for the person who started it
    "org:unit_list",
    "org:unit",
    "plans:plan_list",
    "plans:plan",
    "plans:goal_area",
    "plans:goal",
    "plans:indicator",
    "followup:action_list",
    "followup:action_list_download",
    "plans:action",
    "set_language",
    "api:docs",  # the API's documentation and its reading operations: what the pages show, read
    "api-v1:api-root",
    "api-v1:openapi-json",
    "api-v1:plans",
    "api-v1:plan",
    "api-v1:goals",
    "api-v1:indicators",
    "api-v1:actions",
    "api-v1:rounds",
    "api-v1:round",
    "api-v1:measurements",
    "api-v1:action_reports",
}
NOT_A_PERSONS_COMMANDS = {
    "demo": "sets up the demo as its administrator, into an installation for trying the product",
    "export-plan": "reads",
    "export-followup": "reads",
    "report": "reads",
    "send-reminders": "sends e-mail on a schedule; writes only when each reminder went",
    "purge-pending-imports": "removes uploads nobody confirmed, on a timer",
}


def _url_names(resolver=None, namespace: str = "") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                names.add("admin")
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_and_command_is_placed():
    urls = _url_names()
    in_matrix = {path.split(" ")[0] for path in MATRIX}
    assert urls - in_matrix - READ_ONLY_URLS == set(), "a new write path: add it to MATRIX"
    assert (in_matrix | READ_ONLY_URLS) - urls - set(get_commands()) == set(), "gone: remove it here"
    ours = {name for name, app in get_commands().items() if app.startswith("styrkort")}
    assert ours - in_matrix - set(NOT_A_PERSONS_COMMANDS) == set(), "a new command: add it to MATRIX"
