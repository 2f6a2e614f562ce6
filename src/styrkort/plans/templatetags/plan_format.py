from django import template

from styrkort.core.numbers import format_number
from styrkort.plans.formatting import describe_target

register = template.Library()


@register.filter
def number(value):
    return format_number(value)


@register.filter
def target_text(target):
    return describe_target(target)
