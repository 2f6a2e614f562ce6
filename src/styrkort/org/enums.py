from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    COUNCIL = "council", _("council")
    BOARD = "board", _("board")
    ADMINISTRATION = "administration", _("administration")
    DEPARTMENT = "department", _("department")
    EXTERNAL = "external", _("external actor")


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("administrator")
    PLANNER = "planner", _("planner")
    REPORTER = "reporter", _("department reporter")
    FINANCE = "finance", _("finance controller")
    READER = "reader", _("reader")
    # A municipality's, a company's or an association's person who writes stories of their own
    # unit for the open web, which a planner publishes (issue 15).
    CONTRIBUTOR = "contributor", _("contributor")
