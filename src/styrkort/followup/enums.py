from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundKind(models.TextChoices):
    MONTHLY = "monthly", _("monthly report")
    INTERIM_1 = "interim_1", _("interim report 1")
    INTERIM_2 = "interim_2", _("interim report 2")
    ANNUAL = "annual", _("annual report")
    RUS = "rus", _("RUS follow-up")
    FOLLOWUP = "followup", _("follow-up")  # for follow-ups that are none of the above


class ReportContent(models.TextChoices):
    """What each action report of a round holds: an activity card may mark a status only, a strategy's
    action plan a colour only."""

    STATUS_AND_ASSESSMENT = "status_and_assessment", _("status and assessment")
    STATUS = "status", _("status only")
    ASSESSMENT = "assessment", _("assessment only")

    @property
    def asks_status(self) -> bool:
        return self is not ReportContent.ASSESSMENT

    @property
    def asks_assessment(self) -> bool:
        return self is not ReportContent.STATUS


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    PAUSED = "paused", _("paused")
    CANCELLED = "cancelled", _("cancelled")


class Colour(models.TextChoices):
    """The reporter's judgement of an action or goal; always shown with its symbol and words."""

    GREEN = "green", _("green – according to plan")
    YELLOW = "yellow", _("yellow – risk or deviation")
    RED = "red", _("red – will not be carried out")

    @property
    def symbol(self) -> str:
        return {"green": "✓", "yellow": "!", "red": "✕"}[self.value]


class NarrativeSection(models.TextChoices):
    INTRODUCTION = "introduction", _("introduction")
    EVENTS = "events", _("significant events")
    NEAR_FUTURE = "near_future", _("challenges in the coming year")
    LONG_TERM = "long_term", _("challenges in the longer term")
    # Shown with the figures on the economy page: what explains the result, the staff figures.
    ECONOMY = "economy", _("economy: comments")
    STAFF = "staff", _("staff: comments")


class RoundEventKind(models.TextChoices):
    CLOSED = "closed", _("closed")
    REOPENED = "reopened", _("reopened")
    PUBLISHED = "published", _("published")
    WITHDRAWN = "withdrawn", _("publication withdrawn")
