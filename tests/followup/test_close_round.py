"""close-round: closing a round from the command line, as a named person whose rights are checked."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from styrkort.followup.models import FollowUpRound, RoundEvent

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_close_round_as_an_administrator(round, administrator):
    out = StringIO()

    call_command("close-round", round.code, "--user", administrator.username, stdout=out)

    closed = FollowUpRound.objects.get(pk=round.pk)
    assert (closed.is_open, closed.closed_by) == (False, administrator)
    assert closed.snapshot is not None
    assert out.getvalue().strip() == "Closed TEST-DR2-2023: 0 of 28 actions reported."
    assert RoundEvent.objects.get().by == administrator


def test_close_round_refuses_a_reader_and_leaves_the_round_open(round, reader):
    with pytest.raises(CommandError, match="You may not close the round"):
        call_command("close-round", round.code, "--user", reader.username)

    assert FollowUpRound.objects.get(pk=round.pk).is_open
    assert not RoundEvent.objects.exists()


def test_close_round_asks_who_closes(round):
    with pytest.raises(CommandError, match="Give --user USERNAME"):
        call_command("close-round", round.code)

    assert FollowUpRound.objects.get(pk=round.pk).is_open


def test_close_round_names_an_unknown_round(administrator):
    with pytest.raises(CommandError, match="There is no follow-up round with the code AR-1999"):
        call_command("close-round", "AR-1999", "--user", administrator.username)


def test_close_round_twice_says_it_is_closed(round, administrator):
    call_command("close-round", round.code, "--user", administrator.username, stdout=StringIO())

    with pytest.raises(CommandError, match="is closed; nothing can be changed in it"):
        call_command("close-round", round.code, "--user", administrator.username)
