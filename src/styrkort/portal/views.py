"""The open web's pages: no login, no cookies of ours, nothing but public plans and published rounds.
They render without a CSRF token or anything of the visitor, so a page can be cached whole."""

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styrkort.core.text import comparable
from styrkort.followup.public import published_rounds
from styrkort.plans.charts import indicator_chart
from styrkort.plans.queries import targets_by_year

from .cache import cached_public_page
from .models import Story
from .open_data import TABLES, open_data_tables, plan_zip, table_csv, table_json, value_table
from .queries import (
    latest_published,
    public_indicator,
    public_measurements,
    public_plan,
    public_plans,
)
from .rollup import public_plan_ids_below, public_rollup

OPEN_DATA_TABLES = [  # (file name, title): the tables a page offers for download
    ("aktiviteter", gettext_lazy("Activities with their assessment")),
    ("indikatorer", gettext_lazy("Indicators with status and trend")),
    ("varden", gettext_lazy("The indicators' values")),
]
STORIES_ON_PLAN_PAGE = 6


@cached_public_page
def index(request):
    return render(request, "portal/index.html", {"plans": list(public_plans())})


@cached_public_page
def accessibility(request):
    """Tillgänglighetsredogörelse, in the structure DIGG's template gives."""
    context = {
        "organisation": settings.STYRKORT_ORGANISATION,
        "contact": settings.STYRKORT_ACCESSIBILITY_CONTACT,
        "assessed": date_format(dt.date.fromisoformat(settings.STYRKORT_ACCESSIBILITY_ASSESSED), "j F Y"),
    }
    return render(request, "portal/accessibility.html", context)


@cached_public_page
def privacy(request):
    context = {"organisation": settings.STYRKORT_ORGANISATION, "contact": settings.STYRKORT_PRIVACY_CONTACT}
    return render(request, "portal/privacy.html", context)


@cached_public_page
def plan(request, code: str):
    """The strategy: vision, perspectives, and each goal area with its goals and the progress of the
    actions that serve it, as the latest published rounds give them."""
    found = public_plan(code)
    rollup = public_rollup(found)
    context = {
        "plan": found,
        "perspectives": list(found.perspectives.all()),
        "rollup": rollup,
        "round": rollup.latest_round,
        "total": rollup.green,
        "stories": list(published_stories(found)[:STORIES_ON_PLAN_PAGE]),
        **_downloads(whole=True),
    }
    return render(request, "portal/plan.html", context)


@cached_public_page
def goal_area(request, code: str, area_code: str):
    """A goal area: its progress, its goals with the goals of other plans that serve them, their
    indicators and the actions under them with their status."""
    found = public_plan(code)
    rollup = public_rollup(found, area_code=area_code)
    area = rollup.area(area_code)
    if area is None:
        raise Http404(_("The plan has no such goal area."))
    context = {
        "plan": found,
        "area": area,
        "round": rollup.latest_round,
        "stories": list(published_stories(found).filter(areas=area.area)),
        **_downloads(query=f"?malomrade={area.area.code}"),
    }
    return render(request, "portal/goal_area.html", context)


@cached_public_page
def indicator(request, code: str, indicator_code: str):
    """An indicator: its values over the years as a chart with the target, the table beside it, and its
    status and trend as the latest published round gives them."""
    plan = public_plan(code)
    found = public_indicator(plan, indicator_code)
    columns, rows = public_measurements(found)
    target_columns, target_rows = targets_by_year(found)  # targets are the plan's own: public with it
    round, report = latest_published(plan)
    line = next((i for i in report.indicators if i.pk == found.pk), None) if report else None
    context = {
        "plan": plan,
        "indicator": found,
        "chart": indicator_chart(found, columns, rows, target_columns, target_rows) if rows else None,
        "measurement_columns": columns,
        "measurement_rows": rows,
        "round": round,
        "line": line,
    }
    return render(request, "portal/indicator.html", context)


def _downloads(*, whole: bool = False, query: str = "") -> dict:
    return {
        "tables": OPEN_DATA_TABLES,
        "whole": whole,
        "query": query,
        "licence": settings.STYRKORT_OPEN_DATA_LICENCE,
    }


def published_stories(plan) -> QuerySet[Story]:
    return (
        Story.objects.filter(plan=plan, published_at__isnull=False)
        .select_related("unit", "plan")
        .prefetch_related("images")
        .order_by("-published_on", "-published_at")
    )


@cached_public_page
def story(request, code: str, slug: str):
    found = public_plan(code)
    item = published_stories(found).filter(slug=slug).prefetch_related("areas", "actions__plan").first()
    if item is None:
        raise Http404(_("There is no published story at this address."))
    context = {"plan": found, "story": item, "images": list(item.images.all())}
    return render(request, "portal/story.html", context)


class PlanFeed(Feed):
    """The plan's published stories and follow-ups, newest first, as Atom."""

    feed_type = Atom1Feed
    items_shown = 30

    def get_object(self, request, code: str):
        return public_plan(code)

    def title(self, plan):
        return plan.name

    def subtitle(self, plan):
        return _("Stories and follow-ups published for %(plan)s.") % {"plan": plan.name}

    def link(self, plan):
        return reverse("portal:plan", args=[plan.code])

    def items(self, plan):
        stories = list(published_stories(plan)[: self.items_shown])
        below = public_plan_ids_below(plan)
        rounds = list(
            published_rounds()
            .filter(plans__in=below)
            .distinct()
            .order_by("-published_at")[: self.items_shown]
        )
        for round in rounds:  # the feed's instance serves every request: the plan goes with the item
            round.feed_plan_code = plan.code
        items = [*stories, *rounds]
        return sorted(items, key=self.item_pubdate, reverse=True)[: self.items_shown]

    def item_title(self, item):
        return item.title if isinstance(item, Story) else item.name

    def item_description(self, item):
        if isinstance(item, Story):
            return item.summary
        return _("The follow-up %(round)s is published.") % {"round": item.name}

    def item_link(self, item):
        if isinstance(item, Story):
            return item.get_public_url()
        return reverse("portal:plan", args=[item.feed_plan_code])

    def item_guid(self, item):
        return f"urn:styrkort:{'story' if isinstance(item, Story) else 'round'}:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        """A story's date as shown on it (the day it tells of), a round's the moment it went out."""
        if isinstance(item, Story) and item.published_on:
            return timezone.make_aware(dt.datetime.combine(item.published_on, dt.time(12)))
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at if isinstance(item, Story) else item.published_at


SEARCH_MAX_CHARS = 100
SEARCH_HITS_SHOWN = 50  # of each kind


@cached_public_page
def search(request, code: str):
    """Goals, indicators, activities and stories of the public plan (with what serves it) whose text
    holds every word asked for, in any case. Done over the pages' own roll-up, so it sees exactly what
    they show and nothing else."""
    found = public_plan(code)
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_CHARS]
    words = [comparable(word) for word in query.split()]
    hits = {"goals": [], "indicators": [], "actions": [], "stories": []}
    if words:

        def matches(*texts) -> bool:
            text = comparable(" ".join(t for t in texts if t))
            return all(word in text for word in words)

        rollup = public_rollup(found)
        for area in rollup.areas:
            for public_goal in area.goals:
                for goal in [public_goal.goal, *public_goal.serving]:
                    if matches(goal.code, goal.name, goal.description):
                        hits["goals"].append((area, goal))
            hits["indicators"] += [
                (area, item)
                for item in area.indicators
                if matches(item.indicator.code, item.indicator.name, item.indicator.definition)
            ]
            hits["actions"] += [
                (area, item)
                for item in area.actions
                if matches(item.action.code, item.action.text, item.line.comment if item.line else "")
            ]
        hits["stories"] = [
            story for story in published_stories(found) if matches(story.title, story.summary, story.body)
        ]
    context = {
        "plan": found,
        "query": query,
        "hits": {kind: items[:SEARCH_HITS_SHOWN] for kind, items in hits.items()},
        "counts": {kind: len(items) for kind, items in hits.items()},
        "total": sum(len(items) for items in hits.values()),
    }
    return render(request, "portal/search.html", context)


OPEN_DATA_FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@cached_public_page
def open_data_table(request, code: str, table: str, fmt: str):
    """One table of the plan's open data; ?malomrade=CODE narrows it to one goal area's part."""
    found = public_plan(code)
    if table not in TABLES or fmt not in OPEN_DATA_FORMATS:
        raise Http404(_("There is no such table."))
    area_code = request.GET.get("malomrade") or None
    rollup = public_rollup(found, area_code=area_code)
    if area_code and not rollup.areas:
        raise Http404(_("The plan has no such goal area."))
    suffix = f"-{area_code}" if area_code else ""
    return _table_download(TABLES[table](rollup), fmt, found, f"{found.code}-{table}{suffix}")


@cached_public_page
def indicator_data(request, code: str, indicator_code: str, fmt: str):
    """One indicator's values (outcomes, baselines, targets) as CSV or JSON."""
    found = public_plan(code)
    indicator = public_indicator(found, indicator_code)
    if fmt not in OPEN_DATA_FORMATS:
        raise Http404(_("There is no such table."))
    values = value_table(public_rollup(found), indicator_code=indicator.code)
    return _table_download(values, fmt, found, f"{found.code}-{indicator.code}")


def _table_download(table, fmt: str, plan, stem: str) -> HttpResponse:
    body = table_csv(table) if fmt == "csv" else table_json(table, plan_code=plan.code)
    return _download(body, OPEN_DATA_FORMATS[fmt], f"{stem}.{fmt}")


@cached_public_page
def open_data_zip(request, code: str):
    found = public_plan(code)
    body = plan_zip(found, open_data_tables(public_rollup(found)))
    return _download(body, "application/zip", f"{found.code}-oppna-data.zip")


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
