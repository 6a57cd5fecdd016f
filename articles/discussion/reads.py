"""What the flag panel shows on an article (workspace and board alike), and the
dashboard's open flags."""

from django.urls import reverse

from articles.discussion.models import Flag, Reason
from articles.permissions import can_adjudicate

OPEN_ON_DASHBOARD = 20


def flag_panel(article, user, *, errors=None, data=None, answering=None) -> dict:
    """The template context of ``articles/flags.html#flag-panel``: the flags ``user`` may
    read on ``article`` with their threads (three queries), and whether they may answer.
    A refused answer to the flag ``answering`` keeps its ``errors`` and text on it."""
    flags = list(Flag.objects.filter(article_id=article.pk).visible_to(user).with_thread())
    for flag in flags:
        refused = flag.pk == answering
        flag.answer_errors = (errors or {}).get("note", []) if refused else []
        flag.answer_draft = (data or {}).get("note", "") if refused else ""
    if answering is not None:
        errors, data = None, None  # they were the answer's, not the new flag form's
    return {
        "article": article,
        "flags": flags,
        "can_review": can_adjudicate(user, article.project),
        "reasons": Reason.choices,
        "raise_url": reverse("articles:flag-create", args=[article.pk]),
        "flag_errors": errors or {},
        "flag_data": data or {},
    }


def open_flags(project, limit: int = OPEN_ON_DASHBOARD) -> tuple[int, list]:
    """How many of the project's flags are open, and the latest ``limit`` of them."""
    open_ = Flag.objects.filter(project=project).open()
    latest = list(open_.select_related("article", "author").order_by("-id")[:limit])
    return open_.count(), latest
