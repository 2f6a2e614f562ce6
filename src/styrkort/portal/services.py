"""Writing stories: one service per act, each checking who may do it (portal/rules.py)."""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .images import image_variants
from .models import Story, StoryImage
from .rules import check_may_change_story, check_may_publish_story, check_may_write_story_for_unit

MAX_IMAGES_PER_STORY = 12


def _unique_slug(plan, title: str, *, exclude_pk=None) -> str:
    base = slugify(title.replace("å", "a").replace("ä", "a").replace("ö", "o"))[:70] or "berattelse"
    slug, n = base, 2
    while Story.objects.filter(plan=plan, slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def story_save(*, user, story: Story | None = None, areas=(), goals=(), actions=(), **values) -> Story:
    """Create a story or change one. Its goal areas are its plan's; its goals and activities may be
    of any public plan (those of plans below serve the strategy too)."""
    if story is None:
        story = Story(created_by=user)
    else:
        story = Story.objects.select_for_update().get(pk=story.pk)
        check_may_change_story(user, story)
    for field, value in values.items():
        setattr(story, field, value)
    check_may_write_story_for_unit(user, story.unit)
    if not story.slug:
        story.slug = _unique_slug(story.plan, story.title, exclude_pk=story.pk)
    story.full_clean()
    foreign = [area.name for area in areas if area.plan_id != story.plan_id]
    if foreign:
        raise ValidationError(
            {"areas": _("Not goal areas of the story's plan: %(areas)s.") % {"areas": ", ".join(foreign)}}
        )
    hidden = [str(item) for item in [*goals, *actions] if not item.plan.is_public]
    if hidden:
        raise ValidationError(
            _("Only goals and activities of public plans can be linked: %(items)s.")
            % {"items": "; ".join(hidden)}
        )
    story._history_user = user
    story.save()
    story.areas.set(areas)
    story.goals.set(goals)
    story.actions.set(actions)
    return story


def _store(story: Story, variant, stem: str) -> dict:
    name = default_storage.save(f"stories/{story.pk}/{stem}-{variant.width}.webp", ContentFile(variant.data))
    return {"width": variant.width, "height": variant.height, "name": name}


@transaction.atomic
def story_image_add(*, user, story: Story, upload, alt: str, caption: str = "") -> StoryImage:
    """Check the upload (portal/images.py), write its variants and attach it to the story."""
    story = Story.objects.select_for_update().get(pk=story.pk)
    check_may_change_story(user, story)
    if not alt.strip():
        raise ValidationError({"alt": _("Describe what the image shows: the alternative text is required.")})
    if story.images.count() >= MAX_IMAGES_PER_STORY:
        raise ValidationError(_("A story has at most %(n)s images.") % {"n": MAX_IMAGES_PER_STORY})
    width, height, variants = image_variants(upload)
    image = StoryImage(story=story, alt=alt.strip(), caption=caption.strip(), width=width, height=height)
    image.order = story.images.count()
    image.full_clean(exclude=["variants"])
    stem = uuid.uuid4().hex[:12]
    image.variants = [_store(story, variant, stem) for variant in variants]
    # The files are written before the row: if the transaction then fails they are orphans, which
    # is harmless; the other way round a row could name files that were never written.
    image.save()
    return image


@transaction.atomic
def story_image_remove(*, user, image: StoryImage) -> None:
    check_may_change_story(user, image.story)
    names = [variant["name"] for variant in image.variants]
    image.delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names])


@transaction.atomic
def story_publish(*, user, story: Story) -> Story:
    check_may_publish_story(user)
    story = Story.objects.select_for_update().get(pk=story.pk)
    if not story.plan.is_public:
        raise ValidationError(
            _("The plan %(plan)s is not public, so its stories cannot be published.")
            % {"plan": story.plan.code}
        )
    if story.published_at is None:
        story.published_at, story.published_by = timezone.now(), user
        story.published_on = story.published_on or timezone.localdate()
        story._history_user = user
        story.save(update_fields=["published_at", "published_by", "published_on"])
    return story


@transaction.atomic
def story_unpublish(*, user, story: Story) -> Story:
    check_may_publish_story(user)
    story = Story.objects.select_for_update().get(pk=story.pk)
    if story.published_at is not None:
        story.published_at = story.published_by = None
        story._history_user = user
        story.save(update_fields=["published_at", "published_by"])
    return story
