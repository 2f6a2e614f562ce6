"""Who may write and publish stories. Planners and administrators write any story and publish it;
a contributor (bidragsgivare) writes the stories of their own units, and changes them only until a
planner has published them."""

import rules
from django.utils.translation import gettext as _

from styrkort.errors import NotAllowed
from styrkort.org.enums import Role
from styrkort.org.rules import is_administrator, is_planner, unit_ids_with_role

may_publish_story = is_administrator | is_planner


def contributor_unit_ids(user) -> frozenset[int]:
    return unit_ids_with_role(user, {Role.CONTRIBUTOR}) if user.is_authenticated else frozenset()


@rules.predicate
def may_write_stories(user) -> bool:
    """May open the story pages at all."""
    return may_publish_story(user) or bool(contributor_unit_ids(user))


@rules.predicate
def may_write_story_for_unit(user, unit) -> bool:
    return may_publish_story(user) or unit.pk in contributor_unit_ids(user)


@rules.predicate
def may_change_story(user, story) -> bool:
    if may_publish_story(user):
        return True
    return not story.is_published and story.unit_id in contributor_unit_ids(user)


rules.add_perm("portal.write_stories", may_write_stories)
rules.add_perm("portal.change_story", may_change_story)
rules.add_perm("portal.publish_story", may_publish_story)


def check_may_change_story(user, story) -> None:
    if not may_change_story(user, story):
        if story.is_published and story.unit_id in contributor_unit_ids(user):
            raise NotAllowed(_("The story is published: ask a planner to change it or take it down."))
        raise NotAllowed(_("You may not change the story “%(title)s”.") % {"title": story.title})


def check_may_write_story_for_unit(user, unit) -> None:
    if not may_write_story_for_unit(user, unit):
        raise NotAllowed(
            _("You may write stories for your own units only, not for %(unit)s.") % {"unit": unit}
        )


def check_may_publish_story(user) -> None:
    if not may_publish_story(user):
        raise NotAllowed(_("Only planners publish stories."))
