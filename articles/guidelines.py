"""Project guidelines: Markdown in, safe HTML out."""

from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# CommonMark with raw HTML disabled: tags in the source come out escaped, and
# markdown-it's link validation drops javascript:, vbscript: and file: URLs.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.enable("table")


@lru_cache(maxsize=64)  # every workspace response shows them; they rarely change
def render_guidelines(source: str) -> SafeString:
    """Render guideline Markdown to HTML that is safe to put in a page as it is."""
    return mark_safe(_markdown.render(source))  # noqa: S308 - markdown-it escapes raw HTML
