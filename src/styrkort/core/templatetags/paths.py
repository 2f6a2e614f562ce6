"""`{{ pk|path_to:"plans:action" }}`: the path of a page that takes one number, without resolving
the URL pattern for every row of a long table (the `{% url %}` tag was a quarter of a row's time)."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()

_MARK = 987654321


@lru_cache(maxsize=256)
def _pattern(name: str, prefix: str, leading: tuple) -> tuple[str, str]:
    """The path around the number, per script prefix (an installation under a sub-path)."""
    before, after = reverse(name, args=[*leading, _MARK]).split(str(_MARK))
    return before, after


def path_pattern(name: str, *leading) -> tuple[str, str]:
    """(before, after) the number in the path of `name`, after the arguments `leading` (a round's
    code, say): for a table that makes a link or a form a row."""
    return _pattern(name, get_script_prefix(), leading)


@register.filter
def path_to(pk, name: str) -> str:
    before, after = path_pattern(name)
    return f"{before}{int(pk)}{after}"
