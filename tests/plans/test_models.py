"""Model validation speaks Swedish and names the field."""

import pytest
from django.core.exceptions import ValidationError

from styrkort.org.models import Unit
from styrkort.plans.enums import Comparator
from styrkort.plans.models import Action, Goal, Plan, Target

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def test_target_comparator_without_value_is_refused(demo):
    indicator = Goal.objects.get(code="RP-1.1").indicators.first()
    target = Target(indicator=indicator, year=2030, comparator=Comparator.GT)

    assert errors_of(target)["value"] == ["Jämförelsen > behöver ett värde. Fyll i värdet."]


def test_target_reduce_by_needs_the_year(demo):
    indicator = Goal.objects.get(code="RP-1.1").indicators.first()
    target = Target(indicator=indicator, year=2030, comparator=Comparator.REDUCE_BY, value=50)

    assert list(errors_of(target)) == ["by_year"]


def test_target_keep_needs_no_value(demo):
    indicator = Goal.objects.get(code="RP-1.1").indicators.first()

    Target(indicator=indicator, year=2030, comparator=Comparator.KEEP).full_clean()


def test_duplicate_action_code_in_a_plan_is_refused(demo):
    plan = Plan.objects.get(code="RUF-2023")
    action = Action(plan=plan, code="RUN 6", text="En till")

    assert errors_of(action)["code"] == ["Koden RUN 6 används redan i den här planen. Välj en annan kod."]


def test_same_action_code_in_another_plan_is_allowed(demo):
    Action(plan=Plan.objects.get(code="VP-RU-2020"), code="RUN 6", text="En annan plan").full_clean()


def test_parent_goal_in_a_lower_plan_is_refused(demo):
    region_goal = Goal.objects.get(code="RP-1.1")
    region_goal.parent = Goal.objects.get(code="RUF-M1.1")

    assert errors_of(region_goal)["parent"] == [
        "Det överordnade målet måste höra till en högre plan "
        "(planens överordnade plan eller en plan ovanför den)."
    ]


def test_plan_cycle_is_refused(demo):
    region_plan = Plan.objects.get(code="RPB-2022")
    region_plan.parent = Plan.objects.get(code="RUF-2023")

    assert errors_of(region_plan)["parent"] == [
        "En plan kan inte placeras under sig själv eller under någon av sina egna underplaner. "
        "Välj en annan överordnad plan."
    ]


def test_unit_cycle_is_refused(demo):
    council = Unit.objects.get(code="RF")
    council.parent = Unit.objects.get(code="FH")

    assert errors_of(council)["parent"] == [
        "En enhet kan inte placeras under sig själv eller under någon av sina egna underenheter. "
        "Välj en annan överordnad enhet."
    ]


def test_adopted_plan_needs_decision(demo):
    plan = Plan.objects.get(code="RUF-2023")
    plan.state = "adopted"
    plan.decided_by = None
    plan.decided_on = None

    assert set(errors_of(plan)) == {"decided_by", "decided_on"}


@pytest.mark.parametrize(
    ("direction", "implied"),
    [
        ("higher", Comparator.GTE),
        ("lower", Comparator.LTE),
        ("keep", Comparator.EQ),
        ("actual", Comparator.EQ),
    ],
)
def test_a_bare_target_is_reached_in_the_indicators_direction(direction, implied):
    assert Comparator.implied_by(direction) is implied
