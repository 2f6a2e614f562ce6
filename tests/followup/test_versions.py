"""Every write service raises the version of what it changes (followup/versions.py): the round's pages
and built facts are cached under it, so a write that raised nothing would leave them stale.

The test lists every public function of every app's services.py. Each is either called here with a
change and must give an open round (or the round it writes) a new version, or is named with why no
round shows what it writes. A new service that is in neither list fails the first test.
"""

import datetime as dt
import importlib
import inspect
from decimal import Decimal

import pytest
from django.apps import apps

from styrkort.economy.models import SavingsMeasure, StatementLine
from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import actions_in_round, indicators_in_round
from styrkort.followup.report import round_key
from styrkort.org.models import Unit
from styrkort.org.queries import unit_ids_below
from styrkort.plans.models import Assignment, GoalArea, Indicator, Perspective, Plan
from styrkort.plans.timeline import Timeline
from tests.commits import as_committed
from tests.people import superuser

pytestmark = pytest.mark.integration

OPEN_ROUND = "DR1-2024-RUF"  # the demo's open round: RUF's plan, reported by RUF and the units below

NOT_SHOWN = {
    "styrkort.api.services.secret_hash": "computes, writes nothing",
    "styrkort.api.services.api_token_create": "API tokens are not shown by a round",
    "styrkort.api.services.api_token_revoke": "API tokens are not shown by a round",
    "styrkort.api.services.api_token_user": "reads a token; notes only when it was last used",
    "styrkort.followup.services.check_entered_by_hand": "a check, writes nothing",
    "styrkort.plans.services.action_number": "computes, writes nothing",
    "styrkort.exchange.services.plan_workbook_export": "reads",
    "styrkort.exchange.services.followup_workbook_export": "reads",
    "styrkort.exchange.services.followup_workbooks_freeze": "a step of round_close, which raises it",
    "styrkort.exchange.services.followup_workbooks_release": "a step of round_reopen, which raises it",
    "styrkort.economy.services.economy_snapshots_save": "a step of round_close, which raises it",
    "styrkort.economy.services.economy_snapshots_remove": "a step of round_reopen, which raises it",
    "styrkort.reports.services.final_version_check": "a check, writes nothing",
    "styrkort.reports.services.document_content": "keeps a rendered document, built from the round",
    "styrkort.reports.services.stored_content": "reads",
    "styrkort.reports.services.stored_documents_remove": "a step of round_reopen, which raises it",
    "styrkort.portal.services.story_save": "stories are the open web's (portal/cache.py raises its pages)",
    "styrkort.portal.services.story_image_add": "stories are the open web's",
    "styrkort.portal.services.story_image_remove": "stories are the open web's",
    "styrkort.portal.services.story_publish": "stories are the open web's",
    "styrkort.portal.services.story_unpublish": "stories are the open web's",
    "styrkort.demo.services.demo_load": "loads through the imports tested here",
    "styrkort.demo.services.demo_rounds_load": "loads through the imports tested here",
    "styrkort.demo.services.demo_stories_load": "stories are the open web's",
}


def write_services() -> set[str]:
    names = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("styrkort."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.services")
        except ModuleNotFoundError:
            continue
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                names.add(f"{module.__name__}.{name}")
    return names


def fields_of(instance, *leave_out: str) -> dict:
    """The row's values as its upsert takes them, to call it again with one of them changed."""
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.attname not in leave_out
    }


def plan_workbook_with_a_renamed_action() -> bytes:
    from styrkort.exchange.services import plan_workbook_export
    from tests.exchange.conftest import cells, find_row, load, save

    workbook = load(plan_workbook_export())
    sheet = workbook["Åtgärder"]
    row = cells(sheet, find_row(sheet, Kod="RF7"))
    row["Text"].value = f"{row['Text'].value} (ändrad i arbetsboken)"
    return save(workbook)


def followup_workbook_filled(round, unit) -> bytes:
    from styrkort.exchange.services import followup_workbook_export
    from tests.exchange.conftest import cells, load, save

    workbook = load(followup_workbook_export(round=round, unit=unit))
    row = cells(workbook["Åtgärder"], 2)
    row["Status"].value, row["Bedömning"].value, row["Kommentar"].value = "pågår", "grön", "Ändrad i filen."
    return save(workbook)


def scenarios(round: FollowUpRound):
    """(service, call): in order, since closing comes last; each call changes something."""
    from styrkort.core import services as core
    from styrkort.economy import services as economy
    from styrkort.exchange import services as exchange
    from styrkort.followup import services as followup
    from styrkort.org import services as org
    from styrkort.plans import services as plans

    su = superuser()
    plan = Plan.objects.get(code="RUF-2023")
    action = actions_in_round(round).first()
    indicator = indicators_in_round(round).first()
    goal = indicator.goal
    area = GoalArea.objects.filter(plan=plan).first() or GoalArea.objects.first()
    perspective = Perspective.objects.first()
    assignment = Assignment.objects.filter(plan=plan, receiver__code="RUF").first()
    ruf = Unit.objects.get(code="RUF")
    fh = Unit.objects.get(code="FH")
    target = indicator.targets.first()
    baseline = Indicator.objects.exclude(breakdown_baselines=None).first().breakdown_baselines.first()

    yield (
        "followup.round_upsert",
        lambda: followup.round_upsert(
            code=round.code,
            plans=list(round.plans.all()),
            units=list(round.units.all()),
            name=f"{round.name} (ny)",
        ),
    )
    yield (
        "followup.action_report_save",
        lambda: followup.action_report_save(
            user=su, round=round, action=action, status="in_progress", colour="green", comment="Pågår."
        ),
    )
    # The demo's assignments end in 2023; carried into 2024 here without a signal (update()).
    Assignment.objects.filter(pk=assignment.pk).update(timeline_end_year=None)
    assignment.refresh_from_db()
    yield (
        "followup.assignment_report_save",
        lambda: followup.assignment_report_save(
            user=su, round=round, assignment=assignment, comment="Uppdraget pågår."
        ),
    )
    yield (
        "followup.measurement_save",
        lambda: followup.measurement_save(
            user=su, round=round, indicator=indicator, breakdown=None, period=2024, value=Decimal("12.5")
        ),
    )
    yield (
        "followup.indicator_assessment_save",
        lambda: followup.indicator_assessment_save(
            user=su, round=round, indicator=indicator, status="red", trend="", reason="Bedömt för hand."
        ),
    )
    yield (
        "followup.goal_assessment_save",
        lambda: followup.goal_assessment_save(
            user=su, round=round, goal=goal, colour="yellow", analysis="Delvis."
        ),
    )
    yield (
        "followup.narrative_save",
        lambda: followup.narrative_save(
            user=su, round=round, unit=fh, section="events", text="Året i korthet."
        ),
    )
    for each in actions_in_round(round, unit_ids_below([fh.pk])):  # ready only when all are reported
        followup.action_report_save(user=su, round=round, action=each, status="in_progress", colour="green")
    yield (
        "followup.unit_ready_set",
        lambda: followup.unit_ready_set(user=su, round=round, unit=fh, ready=True),
    )
    yield (
        "plans.plan_upsert",
        lambda: plans.plan_upsert(
            user=su, code=plan.code, **fields_of(plan, "code") | {"name": f"{plan.name} (ändrad)"}
        ),
    )
    yield (
        "plans.plan_publicity_set",
        lambda: plans.plan_publicity_set(user=su, plan=plan, public=not plan.is_public),
    )
    yield (
        "plans.perspective_upsert",
        lambda: plans.perspective_upsert(
            user=su, code=perspective.code, **fields_of(perspective, "code") | {"name": "Ändrat perspektiv"}
        ),
    )
    yield (
        "plans.goal_area_upsert",
        lambda: plans.goal_area_upsert(
            user=su,
            code=area.code,
            documents=list(area.documents.all()),
            **fields_of(area, "code") | {"name": "Ändrat"},
        ),
    )
    yield (
        "plans.goal_upsert",
        lambda: plans.goal_upsert(
            user=su, code=goal.code, **fields_of(goal, "code") | {"name": f"{goal.name} (ändrat)"}
        ),
    )
    yield "plans.breakdowns_ensure", lambda: plans.breakdowns_ensure(["En ny indelning"])
    yield (
        "plans.indicator_upsert",
        lambda: plans.indicator_upsert(
            user=su,
            code=indicator.code,
            breakdowns=list(indicator.breakdowns.all()),
            **fields_of(indicator, "code") | {"name": f"{indicator.name} (ändrad)"},
        ),
    )
    yield (
        "plans.target_upsert",
        lambda: plans.target_upsert(
            user=su,
            indicator=indicator,
            year=target.year,
            breakdown=target.breakdown,
            **fields_of(target, "indicator_id", "year", "breakdown_id") | {"value": (target.value or 0) + 1},
        ),
    )
    yield (
        "plans.breakdown_baseline_upsert",
        lambda: plans.breakdown_baseline_upsert(
            user=su,
            indicator=baseline.indicator,
            breakdown=baseline.breakdown,
            **fields_of(baseline, "indicator_id", "breakdown_id") | {"value": (baseline.value or 0) + 1},
        ),
    )
    yield (
        "plans.assignment_upsert",
        lambda: plans.assignment_upsert(
            user=su,
            plan=assignment.plan,
            number=assignment.number,
            timeline=Timeline(),
            **{"text": f"{assignment.text} (ändrat)", "receiver": assignment.receiver},
        ),
    )
    yield (
        "plans.action_upsert",
        lambda: plans.action_upsert(
            user=su,
            plan=plan,
            code=action.code,
            timeline=Timeline(),
            units=list(action.units.all()),
            text=f"{action.text} (ändrad)",
        ),
    )
    yield (
        "org.unit_upsert",
        lambda: org.unit_upsert(
            user=su,
            code=fh.code,
            name="Folkhälsa (ny)",
            kind=fh.kind,
            short_name=fh.short_name,
            parent=fh.parent,
        ),
    )
    yield (
        "org.user_ensure",
        lambda: org.user_ensure(
            username="ny-rapportor",
            password="pw-for-tests-only",
            full_name="Ny Rapportör",
            unit=fh,
            role="reporter",
        ),
    )
    yield (
        "org.administrator_ensure",
        lambda: org.administrator_ensure(
            username="ny-admin", password="pw-for-tests-only", full_name="Ny Administratör"
        ),
    )
    yield "core.upsert", lambda: core.upsert(Unit, lookup={"code": "FH"}, values={"name": "Folkhälsan"})
    yield (
        "economy.statement_line_upsert",
        lambda: economy.statement_line_upsert(name="Nya intäkter", section="revenue", order=99, user=su),
    )
    yield (
        "economy.account_mapping_upsert",
        lambda: economy.account_mapping_upsert(prefix="3999", line=StatementLine.objects.first(), user=su),
    )
    yield (
        "economy.ledger_entry_upsert",
        lambda: economy.ledger_entry_upsert(
            unit=ruf,
            year=2024,
            month=4,
            kind="outcome",
            account="3010",
            total="",
            amount=Decimal("1.5"),
            user=su,
        ),
    )
    yield (
        "economy.staff_figure_upsert",
        lambda: economy.staff_figure_upsert(
            unit=ruf,
            year=2024,
            month=4,
            measure="sick_leave",
            breakdown="Totalt",
            value=Decimal("4.2"),
            user=su,
        ),
    )
    yield (
        "economy.investment_upsert",
        lambda: economy.investment_upsert(
            unit=ruf,
            year=2024,
            project="Ny server",
            budget=Decimal(10),
            outcome=Decimal(4),
            remaining=None,
            user=su,
        ),
    )
    yield (
        "economy.savings_measure_upsert",
        lambda: economy.savings_measure_upsert(
            user=su, round=round, unit=ruf, measure="Färre resor", estimated_effect=Decimal(100)
        ),
    )
    yield (
        "economy.savings_measure_save",
        lambda: economy.savings_measure_save(
            user=su, round=round, unit=ruf, measure="Färre konsulter", estimated_effect=Decimal(50)
        ),
    )
    yield (
        "economy.savings_measure_delete",
        lambda: economy.savings_measure_delete(
            user=su, round=round, unit=ruf, pk=SavingsMeasure.objects.filter(round=round).first().pk
        ),
    )
    yield (
        "economy.indicator_figures_save",
        lambda: economy.indicator_figures_save(
            user=su, round=round, units=list(Unit.objects.filter(code__in=["RUF"]))
        ),
    )
    yield (
        "exchange.economy_import",
        lambda: exchange.economy_import(
            source=b"Enhet;Konto;Period;Typ;Belopp\nRUF;3010;2024-04;utfall;2,5\n",
            round=round,
            user=su,
        ),
    )
    yield (
        "exchange.plan_workbook_import",
        lambda: exchange.plan_workbook_import(source=plan_workbook_with_a_renamed_action(), user=su),
    )
    yield (
        "exchange.followup_workbook_import",
        lambda: exchange.followup_workbook_import(
            source=followup_workbook_filled(round, fh), user=su, round=round, unit=fh
        ),
    )
    yield (
        "followup.round_set_up",
        lambda: followup.round_set_up(
            user=su,
            code="NY-RUNDA",
            name="Ny runda",
            kind="interim_2",
            as_of=dt.date(2024, 8, 31),
            deadline=dt.date(2024, 9, 15),
            plans=[plan],
            units=[ruf],
        ),
    )
    yield "followup.round_close", lambda: followup.round_close(user=su, round=round)
    yield "followup.round_publish", lambda: followup.round_publish(user=su, round=round)
    yield (
        "followup.round_publication_withdraw",
        lambda: followup.round_publication_withdraw(user=su, round=round, reason="Fel siffror."),
    )
    yield (
        "followup.round_reopen",
        lambda: followup.round_reopen(user=su, round=round, reason="Komplettering."),
    )


def key_of(round) -> tuple:
    """What the round's pages and facts are cached under now."""
    return round_key(FollowUpRound.objects.get(pk=round.pk))


def test_every_write_service_is_called_here_or_named_with_why_no_round_shows_it(full_demo):
    round = FollowUpRound.objects.get(code=OPEN_ROUND)
    called = {f"styrkort.{name.split('.')[0]}.services.{name.split('.')[1]}" for name, _ in scenarios(round)}
    assert write_services() - called - set(NOT_SHOWN) == set(), "services neither tested nor named"
    assert called | set(NOT_SHOWN) <= write_services(), "names of services that are gone"


def test_every_write_service_changes_what_the_round_it_changes_is_cached_under(full_demo):
    round = FollowUpRound.objects.get(code=OPEN_ROUND)
    failed = []
    for name, call in scenarios(round):
        as_committed()
        before = key_of(round)
        result = call()
        if name == "followup.round_set_up":
            changed = FollowUpRound.objects.get(pk=result.pk).data_version != 0  # a new round: its own
        else:
            changed = key_of(round) != before
        if not changed:
            failed.append(name)
        round.refresh_from_db()
    assert failed == []
