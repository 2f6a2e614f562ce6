from django import template

from styrkort.portal.markup import story_html as render_story_html

register = template.Library()


@register.filter
def story_html(text: str):
    return render_story_html(text)
