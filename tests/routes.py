"""Every named route of the site, for the tests that must cover each one (headers, boosted
links, blind projects)."""

import inspect

from django.urls import URLPattern, URLResolver, get_resolver


def named_routes(patterns=None, namespace=""):
    """(name, view function) of every named route outside the admin site."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver) and entry.namespace != "admin":
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_routes(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            callback = entry.callback
            view = getattr(callback, "view_class", None) or getattr(callback, "cls", callback)
            yield namespace + entry.name, inspect.unwrap(view)


def answers_htmx_differently(view) -> bool:
    """Whether the view's own source branches on an htmx request."""
    try:
        source = inspect.getsource(view)
    except (OSError, TypeError):  # compiled or built in: not ours
        return False
    return "request.htmx" in source or "HTTP_HX_REQUEST" in source
