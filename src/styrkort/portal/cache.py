"""The open web's pages cached whole, in the cache every worker shares (settings.CACHES: a file
cache by default; Redis or memcached for larger installations, docs/deploy.md).

A page is stored under the public version: a number raised whenever something a public page may
show is written (a plan's content, a unit's name, a round's publication, a story). Raising it
leaves every stored page behind at once, so a visitor never gets a page older than the data; the
pages of the old version expire by themselves. The version is raised by signals rather than by
each service because every write to these models counts, the imports' and the admin's included,
and a missed call would show stale data (docs/decisions.md).
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

VERSION_KEY = "portal:version"
PAGE_SECONDS = 24 * 3600  # a version's pages are dropped by then; a new version needs no clean-up
PUBLIC_MAX_AGE = 300  # what proxies and browsers may keep without asking again


def public_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def raise_public_version(**_kwargs) -> None:
    """After the transaction commits: a page built before then would otherwise be stored as new."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, str(time.time_ns()), timeout=None))


def cached_public_page(view):
    """Serve the view's 200 answers from the cache per (version, language, full path), with an ETag
    so that a proxy or browser holding the page is told 304 Not Modified."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        version = public_version()
        key_source = f"{version}|{get_language()}|{request.get_full_path()}"
        digest = hashlib.sha256(key_source.encode()).hexdigest()[:32]
        etag = f'"{digest}"'
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
        else:
            stored = cache.get(f"portal:page:{digest}")
            if stored is not None:
                content, content_type, disposition = stored
                response = HttpResponse(content, content_type=content_type)
                if disposition:
                    response["Content-Disposition"] = disposition
                response["X-Styrkort-Cache"] = "hit"
            else:
                response = view(request, *args, **kwargs)
                if response.status_code != 200:
                    return response
                cache.set(
                    f"portal:page:{digest}",
                    (response.content, response["Content-Type"], response.get("Content-Disposition", "")),
                    PAGE_SECONDS,
                )
                response["X-Styrkort-Cache"] = "miss"
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    return wrapper


def _raise_for_measurement(instance, **kwargs) -> None:
    """A value reported in a round is public only once the round is published, and publishing
    raises the version itself; so a reporter's saves in an open round leave the pages cached."""
    if instance.round_id is None:
        raise_public_version()


def connect_signals() -> None:
    from styrkort.followup.models import FollowUpRound, Measurement
    from styrkort.org.models import Unit
    from styrkort.plans import models as plans

    from .models import Story, StoryImage

    watched = [
        plans.Plan,
        plans.Perspective,
        plans.GoalArea,
        plans.Goal,
        plans.Indicator,
        plans.Target,
        plans.BreakdownBaseline,
        plans.Action,
        plans.Breakdown,
        Unit,
        FollowUpRound,
        Story,
        StoryImage,
    ]
    for model in watched:
        post_save.connect(
            raise_public_version, sender=model, dispatch_uid=f"portal-version-save-{model.__name__}"
        )
        post_delete.connect(
            raise_public_version, sender=model, dispatch_uid=f"portal-version-del-{model.__name__}"
        )
    post_save.connect(
        _raise_for_measurement, sender=Measurement, dispatch_uid="portal-version-save-Measurement"
    )
    post_delete.connect(
        _raise_for_measurement, sender=Measurement, dispatch_uid="portal-version-del-Measurement"
    )
    for through in (
        plans.Action.units.through,
        plans.GoalArea.documents.through,
        plans.Indicator.breakdowns.through,
        FollowUpRound.plans.through,
        Story.areas.through,
        Story.goals.through,
        Story.actions.through,
    ):
        m2m_changed.connect(
            raise_public_version, sender=through, dispatch_uid=f"portal-version-m2m-{through.__name__}"
        )
