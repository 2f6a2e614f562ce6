"""A story's text: a little Markdown, never HTML. Raw HTML in the text is shown as the characters
typed, a link goes only to http(s) or mail addresses (markdown-it refuses `javascript:`), and the
result is cleaned again by nh3 with a short list of tags, in case either library ever slips."""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(["image", "heading", "code"])
_ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote", "code", "pre"}


def story_html(text: str) -> SafeString:
    html = _markdown.render(text)
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above
