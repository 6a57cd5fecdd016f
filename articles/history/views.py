"""The article history page: every recorded change to one article's annotations, newest
first, for the reviewers and admins who adjudicate it; and one quote's history, the panel
the workspace (key h) and the board open."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles.history.models import HistoryEvent
from articles.history.reads import quote_history as quote_events
from articles.history.reads import with_actors
from articles.history.shown import shown_page
from articles.models import Article
from articles.permissions import can_adjudicate, viewable_article

# Events a page shows; the "older" link pages on by id.
EVENTS_A_PAGE = 200


@login_required
@require_GET
def article_history(request, article_id):
    """The article's history, EVENTS_A_PAGE at a time (``?before=<event id>`` for older)."""
    article = Article.objects.select_related("project").filter(pk=article_id).first()
    # One answer for "no such article" and "not yours to review": a 404 tells nobody.
    if article is None or not can_adjudicate(request.user, article.project):
        raise Http404("No such article.")
    events = HistoryEvent.objects.filter(article_id=article.pk)
    before = request.GET.get("before", "")
    if before.isascii() and before.isdigit() and len(before) <= 18:
        events = events.filter(pk__lt=int(before))
    page = list(with_actors(events).order_by("-id")[: EVENTS_A_PAGE + 1])
    older = page[EVENTS_A_PAGE].pk + 1 if len(page) > EVENTS_A_PAGE else None
    return render(
        request,
        "articles/history.html",
        {
            "article": article,
            "project": article.project,
            "rows": shown_page(page[:EVENTS_A_PAGE]),
            "older": older,
        },
    )


# A quote's events the panel shows, newest first; the article's page has the rest.
QUOTE_EVENTS = 50


@login_required
@require_GET
def quote_history(request, article_id, quote_id):
    """One quote's changes that the user may read (an annotator: their own), as the
    ``quote-history`` panel."""
    article, _ = viewable_article(request.user, article_id)
    events = quote_events(request.user, article.project, quote_id).filter(article_id=article.pk)
    page = list(events.order_by("-id")[:QUOTE_EVENTS])
    return render(
        request,
        "articles/history.html#quote-history",
        {"article": article, "quote_id": quote_id, "rows": shown_page(page)},
    )
