"""Stories: what the region and its partners write about the strategy's work, with images, for the
open web. A story is written by a planner or by a contributor of an external actor, and goes out
when a planner publishes it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styrkort.core.fields import FreeTextField
from styrkort.org.models import Unit
from styrkort.plans.models import Action, Goal, GoalArea, Plan

STORY_TEXT_MAX = 20_000  # a long feature, not a report


class Story(models.Model):
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        on_delete=models.PROTECT,
        related_name="stories",
        help_text=_("The public plan whose pages show the story."),
    )
    slug = models.SlugField(_("address"), max_length=80, allow_unicode=False)
    title = models.CharField(_("title"), max_length=200)
    summary = FreeTextField(_("summary"), max_length=600, blank=True)
    body = FreeTextField(
        _("text"),
        max_length=STORY_TEXT_MAX,
        help_text=_("Paragraphs separated by a blank line; *italic*, **bold** and lists with “- ”. No HTML."),
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="stories"
    )
    areas = models.ManyToManyField(GoalArea, verbose_name=_("goal areas"), blank=True, related_name="stories")
    goals = models.ManyToManyField(Goal, verbose_name=_("goals"), blank=True, related_name="stories")
    actions = models.ManyToManyField(Action, verbose_name=_("activities"), blank=True, related_name="stories")
    published_on = models.DateField(_("date shown"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        constraints = [models.UniqueConstraint(fields=["plan", "slug"], name="story_slug_unique_in_plan")]
        indexes = [models.Index(fields=["plan", "published_at"], name="story_plan_published")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:story_edit", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def get_public_url(self) -> str:
        return reverse("portal:story", args=[self.plan.code, self.slug])


class StoryImage(models.Model):
    """An uploaded image as it is served: re-encoded without its metadata, in a few widths."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="images")
    alt = models.CharField(
        _("alternative text"),
        max_length=400,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    # [{"width": 480, "height": 300, "name": "stories/…-480.webp"}, …], narrowest first
    variants = models.JSONField(default=list, editable=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt

    @property
    def largest(self) -> dict:
        return self.variants[-1]
