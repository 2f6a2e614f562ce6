"""The signed-in side of stories: planners and contributors write them, planners publish them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styrkort.org.models import Unit
from styrkort.plans.models import Plan

from . import services
from .forms import StoryForm, StoryImageForm
from .models import Story, StoryImage
from .rules import contributor_unit_ids, may_change_story, may_publish_story, may_write_stories

PUBLIC_IMAGE_SECONDS = 86_400  # a variant's file name is new for every upload, so it never changes


def _require_writer(user) -> None:
    if not may_write_stories(user):
        raise PermissionDenied(_("Only planners and contributors write stories."))


def _form_choices(user) -> dict:
    units = (
        Unit.objects.all()
        if may_publish_story(user)
        else Unit.objects.filter(pk__in=contributor_unit_ids(user))
    )
    return {"plans": Plan.objects.filter(is_public=True).order_by("name"), "units": units.order_by("name")}


def _saved_or_errors(form, save, *, field_of_plain_errors=None):
    """The service's result, or None with its ValidationError shown on the form."""
    try:
        return save()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, problems in error.error_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            form.add_error(field_of_plain_errors, error)
        return None


def _values(form) -> dict:
    data = form.cleaned_data
    keys = ("plan", "title", "summary", "body", "unit", "published_on")
    return {
        **{key: data[key] for key in keys},
        "areas": data["areas"],
        "goals": data["goals"],
        "actions": data["actions"],
    }


@login_required
def story_list(request):
    """Writers see the stories they may change, drafts too; everyone else signed in the published ones."""
    stories = Story.objects.select_related("plan", "unit").order_by("-updated_at")
    writer = may_write_stories(request.user)
    if not may_publish_story(request.user):
        mine = Q(unit_id__in=contributor_unit_ids(request.user)) if writer else Q(pk__in=[])
        stories = stories.filter(mine | Q(published_at__isnull=False))
    rows = [(story, may_change_story(request.user, story)) for story in stories[:200]]
    return render(request, "portal/story_list.html", {"rows": rows, "may_write": writer})


@login_required
def story_create(request):
    _require_writer(request.user)
    form = StoryForm(request.POST or None, **_form_choices(request.user))
    if request.method == "POST" and form.is_valid():
        story = _saved_or_errors(form, lambda: services.story_save(user=request.user, **_values(form)))
        if story is not None:
            messages.success(request, _("The story is saved as a draft. Add its images below."))
            return redirect(story.get_absolute_url())
    return render(
        request, "portal/story_form.html", {"form": form, "story": None}, status=400 if form.errors else 200
    )


@login_required
def story_edit(request, pk: int):
    story = get_object_or_404(Story.objects.select_related("plan", "unit"), pk=pk)
    if not may_change_story(request.user, story):
        raise PermissionDenied(_("You may not change the story “%(title)s”.") % {"title": story.title})
    form = StoryForm(
        request.POST or None, initial=StoryForm.initial_for(story), **_form_choices(request.user)
    )
    if request.method == "POST" and form.is_valid():
        saved = _saved_or_errors(
            form, lambda: services.story_save(user=request.user, story=story, **_values(form))
        )
        if saved is not None:
            messages.success(request, _("The story is saved."))
            return redirect(saved.get_absolute_url())
    return _edit_page(request, story, form, StoryImageForm(), status=400 if form.errors else 200)


def _edit_page(request, story, form, image_form, *, status=200):
    context = {
        "story": story,
        "form": form,
        "image_form": image_form,
        "images": list(story.images.all()),
        "may_publish": may_publish_story(request.user),
    }
    return render(request, "portal/story_form.html", context, status=status)


@login_required
@require_POST
def story_image_add(request, pk: int):
    story = get_object_or_404(Story.objects.select_related("plan", "unit"), pk=pk)
    if not may_change_story(request.user, story):
        raise PermissionDenied(_("You may not change the story “%(title)s”.") % {"title": story.title})
    image_form = StoryImageForm(request.POST, request.FILES)
    if image_form.is_valid():
        data = image_form.cleaned_data
        added = _saved_or_errors(
            image_form,
            lambda: services.story_image_add(
                user=request.user, story=story, upload=data["image"], alt=data["alt"], caption=data["caption"]
            ),
            field_of_plain_errors="image",
        )
        if added is not None:
            messages.success(request, _("The image is added."))
            return redirect(story.get_absolute_url())
    form = StoryForm(initial=StoryForm.initial_for(story), **_form_choices(request.user))
    return _edit_page(request, story, form, image_form, status=400)


@login_required
@require_POST
def story_image_remove(request, pk: int):
    image = get_object_or_404(StoryImage.objects.select_related("story"), pk=pk)
    services.story_image_remove(user=request.user, image=image)
    messages.success(request, _("The image is removed."))
    return redirect(image.story.get_absolute_url())


@login_required
@require_POST
def story_publication(request, pk: int):
    story = get_object_or_404(Story.objects.select_related("plan"), pk=pk)
    if request.POST.get("publish") == "1":
        try:
            services.story_publish(user=request.user, story=story)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(story.get_absolute_url())
        messages.success(request, _("The story is published on the open web."))
    else:
        services.story_unpublish(user=request.user, story=story)
        messages.success(request, _("The story is taken down from the open web."))
    return redirect(story.get_absolute_url())


def story_image_file(request, pk: int, width: int):
    """An image variant: for everyone once its story is published, before that only for those who
    may change the story (a preview)."""
    image = get_object_or_404(StoryImage.objects.select_related("story"), pk=pk)
    variant = next((v for v in image.variants if v["width"] == width), None)
    if variant is None:
        raise Http404(_("There is no such image."))
    published = image.story.is_published and image.story.plan.is_public
    if not published and not may_change_story(request.user, image.story):
        raise Http404(_("There is no such image."))
    response = FileResponse(default_storage.open(variant["name"], "rb"), content_type="image/webp")
    response["X-Content-Type-Options"] = "nosniff"
    if published:
        patch_cache_control(response, public=True, max_age=PUBLIC_IMAGE_SECONDS)
    else:
        add_never_cache_headers(response)
    return response
