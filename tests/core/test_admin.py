"""Every model in the back office lists, opens a row, and its add form where adding is allowed."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


# pytest-django sets Django up before collecting, so the back office's registry is complete here.
@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda model: model._meta.label)
def test_every_admin_page_opens(client, full_demo, model):
    client.force_login(get_user_model().objects.create_superuser("root", password="pw-for-tests-only"))
    model_admin = admin.site._registry[model]
    opts = model._meta
    changelist = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200, opts.label
    if model_admin.has_add_permission(changelist.wsgi_request):
        assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200, (
            opts.label
        )
    first = model.objects.first()
    if first is not None:
        change = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]))
        assert change.status_code == 200, opts.label
