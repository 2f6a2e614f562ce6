"""Actions are found by any part of a word in their code or text, through an index on either database
(plans/search.py): Swedish compounds, codes as typed, and case, å ä ö included."""

import pytest

from styrkort.plans.models import Action, Plan
from styrkort.plans.search import search_query
from styrkort.plans.services import action_upsert
from styrkort.plans.timeline import Timeline
from tests.people import superuser

pytestmark = pytest.mark.integration


def found(text: str) -> set[str]:
    return set(
        Action.objects.filter(plan__code="RUF-2023").filter(search_query(text)).values_list("code", flat=True)
    )


def test_a_part_of_a_compound_finds_the_action(demo):
    # RF1 (seed 001): "Tillämpning av hälsoekonomiska beräkningar …"
    assert "RF1" in found("hälsoekonomisk")
    assert "RF1" in found("ekonomiska")
    assert "RF1" in found("HÄLSOEKONOMISKA")  # case, also of Ä


def test_every_word_must_be_found_in_the_code_or_the_text(demo):
    assert found("RF1 hälsoekonomiska") == {"RF1"}
    assert found("hälsoekonomiska ordningsvakter") == set()


def test_a_short_word_is_still_found(demo):
    assert "RF1" in found("RF")


def test_a_changed_or_new_action_is_found_at_once_and_a_removed_one_no_more(demo):
    plan = Plan.objects.get(code="RUF-2023")
    action_upsert(
        user=superuser(),
        plan=plan,
        code="RF-SÖK",
        timeline=Timeline(),
        units=[],
        text="Cykelvägsnätverket byggs ut",
    )
    assert found("vägsnät") == {"RF-SÖK"}

    action = Action.objects.get(plan=plan, code="RF-SÖK")
    action.text = "Gångstråken byggs ut"
    action.save()
    assert found("vägsnät") == set()
    assert found("ångstråk") == {"RF-SÖK"}

    action.delete()
    assert found("ångstråk") == set()


def test_quotes_and_operators_in_the_words_are_only_text(demo):
    assert found('"') == set()
    assert found('hälso" OR "x') == set()
    assert found("NEAR(a b)") == set()
