"""The login page says what Styrkort is and who gives out accounts (issue 14)."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def test_the_login_page_says_what_styrkort_is_and_whom_to_ask(client, db):
    page = client.get(reverse("login")).content.decode()

    assert "Styrkort håller regionens planer" in page
    assert "Inget konto än? Be din enhets administratör om ett." in page


def test_a_403_page_says_nothing_was_changed_only_after_a_write(client, reader):
    client.force_login(reader)

    looked = client.get(reverse("followup:round_create")).content.decode()

    assert "Ingenting ändrades" not in looked
