"""Flag writes from the workspace and the board (htmx): each binds the posted fields,
calls one service of ``articles.discussion.services`` and answers the flag panel (a 400
with the message in the panel when refused)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from articles.discussion.models import Flag
from articles.discussion.reads import flag_panel
from articles.discussion.services import FlagRefused, answer_flag, raise_flag, resolve_flag
from articles.models import Quote
from articles.permissions import can_adjudicate, viewable_article

PANEL = "articles/flags.html#flag-panel"


@login_required
@require_POST
def flag_create(request, article_id):
    """Flag one of the article's quotes (``quote``: its id) or the article itself."""
    article, access = _viewable(request, article_id)
    quote = None
    if request.POST.get("quote"):
        quote = _visible_quote(request, article, access, request.POST["quote"])
    try:
        raise_flag(
            article=article,
            author=request.user,
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
            quote=quote,
        )
    except FlagRefused as refused:
        return _panel(request, article, errors=refused.errors, data=request.POST, status=400)
    return _panel(request, article)


@login_required
@require_POST
def flag_answer(request, flag_id):
    """A reviewer's answer, or the flag's author writing back."""
    flag = _flag(request, flag_id)
    if not (flag.author_id == request.user.pk or can_adjudicate(request.user, flag.project)):
        raise Http404("Only the project's reviewers answer flags.")
    try:
        answer_flag(flag=flag, author=request.user, note=request.POST.get("note", ""))
    except FlagRefused as refused:
        return _panel(
            request,
            flag.article,
            errors=refused.errors,
            data=request.POST,
            answering=flag.pk,
            status=400,
        )
    return _panel(request, flag.article)


@login_required
@require_POST
def flag_resolve(request, flag_id):
    flag = _flag(request, flag_id)
    if not can_adjudicate(request.user, flag.project):
        raise Http404("Only the project's reviewers resolve flags.")
    resolve_flag(flag=flag, actor=request.user)
    return _panel(request, flag.article)


def _viewable(request, article_id):
    return viewable_article(request.user, article_id)


def _visible_quote(request, article, access, quote_id):
    quotes = Quote.objects.filter(article_id=article.pk)
    if not access.can_see_others:
        quotes = quotes.filter(annotator=request.user)  # an annotator flags their own
    try:
        return quotes.get(pk=int(quote_id))
    except (ValueError, Quote.DoesNotExist):
        raise Http404("No such quote among the ones you see here.") from None


def _flag(request, flag_id) -> Flag:
    flag = get_object_or_404(Flag.objects.select_related("article__project", "project"), pk=flag_id)
    _viewable(request, flag.article_id)
    if not Flag.objects.filter(pk=flag.pk).visible_to(request.user).exists():
        raise Http404("No such flag among the ones you see.")
    return flag


def _panel(request, article, *, errors=None, data=None, answering=None, status=200):
    context = flag_panel(article, request.user, errors=errors, data=data, answering=answering)
    return render(request, PANEL, context, status=status)
