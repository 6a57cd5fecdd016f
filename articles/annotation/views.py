"""The annotator's pages and htmx endpoints. Each write: bind the form, call one write
(``articles.quotes``, ``articles.assignments``), render the partials it changed (the
panel, and the highlighted text out of band)."""

import functools
import json

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.annotation.forms import JudgeSuggestionsForm, QuoteForm, StatusForm
from articles.annotation.workspace import build_workspace, next_article_url, quote_state
from articles.assignments import set_assignment_status
from articles.discussion.reads import flag_panel
from articles.models import Assignment, Project, Quote
from articles.permissions import viewable_article
from articles.querysets import counts_only_own, sees_whole_team
from articles.quote_checks import QuoteInvalid
from articles.quotes import (
    accept_suggestion,
    create_quote,
    delete_quote,
    judge_waiting_suggestions,
    quote_snapshot,
    restore_quote,
    update_quote,
)
from articles.types import (
    AssignmentClosed,
    DuplicateSpan,
    QuoteConflict,
    ReopenRefused,
    SuggestionsWaiting,
)

UNDO_SECONDS = 60
UNDO_SALT = "articles.quote-undo"


def _undo_signer() -> signing.TimestampSigner:
    # Built per use: at import time SECRET_KEY may be unset (migrate needs none).
    return signing.TimestampSigner(salt=UNDO_SALT)


@login_required
def project_list(request):
    """The user's projects with their article and quote counts (in a blind project an
    annotator counts only their own quotes)."""
    projects = Project.objects.visible_to(request.user).with_counts(request.user)
    context = {"projects": projects, "sees_whole_team": sees_whole_team(request.user)}
    return render(request, "articles/project_list.html", context)


@login_required
@require_GET
def queue(request, slug):
    """The user's assigned articles in a project, with status and quote counts."""
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    assignments = Assignment.objects.queue(request.user, project)
    return render(
        request,
        "articles/queue.html",
        {
            "project": project,
            "assignments": assignments,
            "next_url": next_article_url(request.user, project),
            "outcomes": Quote.objects.suggestion_outcomes(project, user=request.user),
            "outcomes_are_own": counts_only_own(request.user, project),
        },
    )


@login_required
@require_GET
def next_article(request, slug):
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    url = next_article_url(request.user, project)
    return redirect(url or reverse("articles:queue", args=[project.slug]))


@login_required
@require_GET
def speaker_catalog(request, slug):
    """The project's speakers and aliases, fetched once per page for the type-ahead."""
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    return JsonResponse(project.speakers.catalog(), safe=False)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def article(request, article_id):
    """The annotation workspace."""
    article, access = _article_for(request, article_id, with_next=True)
    workspace = build_workspace(
        article=article,
        access=access,
        user=request.user,
        annotator_name=request.GET.get("annotator", ""),
        gold=request.GET.get("annotations") == "gold",
    )
    if workspace.shown is None:
        raise Http404("No such annotator on this article.")
    context = _context(workspace, **flag_panel(article, request.user))
    response = render(request, "articles/workspace.html", context)
    if request.htmx:
        response["HX-Push-Url"] = request.get_full_path()
    return response


def _writes_own_set(view):
    """For the views that write to the annotator's own set: a write that lost to a rival
    (a stale version, a quote deleted meanwhile) or that meets a read-only set (done,
    skipped) answers 409 with the reason, and the current state, in the panel."""

    @functools.wraps(view)
    def checked(request, article_id, *args, **kwargs):
        try:
            return view(request, article_id, *args, **kwargs)
        except AssignmentClosed as closed:
            article, access = _article_for(request, article_id)
            return _panel(request, article, access, status=409, message=str(closed))
        except QuoteConflict as conflict:
            article, access = _article_for(request, article_id)
            return _conflict(request, article, access, conflict)
        except QuoteInvalid as invalid:  # a stance's label taken away meanwhile
            article, access = _article_for(request, article_id)
            return _panel(request, article, access, status=400, message=str(invalid))

    return checked


@login_required
@require_POST
@_writes_own_set
def quote_create(request, article_id):
    article, access = _article_for(request, article_id, write=True)
    form = QuoteForm.posted(request, article)
    if not form.is_valid():
        return _panel(request, article, access, form=form, status=400)
    try:
        quote, created = create_quote(
            article=article,
            annotator=request.user,
            data=form.quote_input(),
            request_id=form.cleaned_data.get("request_id"),
        )
    except QuoteInvalid as invalid:  # a stance's label taken away meanwhile
        return _panel(request, article, access, form=form, status=400, message=str(invalid))
    except DuplicateSpan as duplicate:
        return _panel(
            request,
            article,
            access,
            status=409,
            message="You already marked exactly this span; edit that quote instead.",
            state=quote_state(duplicate.existing),
        )
    return _partials(
        request,
        article,
        access,
        selected=quote.pk,
        status=201 if created else 200,
        targets=list(form.targets.values()),
        feedback="Quote saved.",
    )


@login_required
@require_POST
@_writes_own_set
def quote_update(request, article_id, quote_id):
    article, access = _article_for(request, article_id, write=True)
    quote = _own_quote(request, article, quote_id)
    form = QuoteForm.posted(request, article)
    if not form.is_valid():
        return _panel(request, article, access, form=form, quote_id=quote.pk)
    if form.cleaned_data.get("version") is None:
        return _panel(
            request,
            article,
            access,
            form=form,
            quote_id=quote.pk,
            message="version: is required to change a quote.",
        )
    try:
        quote = update_quote(
            quote=quote, version=form.cleaned_data["version"], data=form.quote_input()
        )
    except QuoteInvalid as invalid:  # a stance's label taken away meanwhile
        return _panel(request, article, access, form=form, quote_id=quote.pk, message=str(invalid))
    return _partials(
        request,
        article,
        access,
        selected=quote.pk,
        targets=list(form.targets.values()),
        feedback="Changes saved.",
    )


@login_required
@require_POST
@_writes_own_set
def quote_delete(request, article_id, quote_id):
    article, access = _article_for(request, article_id, write=True)
    quote = _own_quote(request, article, quote_id)
    snapshot = quote_snapshot(quote)
    delete_quote(quote=quote, version=_version(request))
    undo = _undo_signer().sign_object(snapshot)
    # Deleting a suggestion is how it is rejected: say which it was.
    rejected = quote.origin == Quote.Origin.SUGGESTED
    feedback = "Suggestion rejected." if rejected else "Quote deleted."
    return _partials(request, article, access, undo=undo, feedback=feedback)


@login_required
@require_POST
@_writes_own_set
def quote_undo(request, article_id):
    article, access = _article_for(request, article_id, write=True)
    try:
        snapshot = _undo_signer().unsign_object(request.POST.get("undo", ""), max_age=UNDO_SECONDS)
    except signing.SignatureExpired:
        return _panel(request, article, access, status=400, message="Too late to undo.")
    except signing.BadSignature:
        return _panel(request, article, access, status=400, message="undo: invalid token.")
    if snapshot.get("article") != article.pk or snapshot.get("annotator") != request.user.pk:
        return _panel(request, article, access, status=400, message="undo: not your quote.")
    try:
        quote = restore_quote(article=article, annotator=request.user, snapshot=snapshot)
    except DuplicateSpan:
        return _panel(
            request,
            article,
            access,
            status=409,
            message="A quote on this span exists again; nothing to undo.",
        )
    restored = "Suggestion" if quote.origin == Quote.Origin.SUGGESTED else "Quote"
    return _partials(request, article, access, selected=quote.pk, feedback=f"{restored} restored.")


@login_required
@require_POST
@_writes_own_set
def quote_accept(request, article_id, quote_id):
    article, access = _article_for(request, article_id, write=True)
    quote = _own_quote(request, article, quote_id)
    quote = accept_suggestion(quote=quote, version=_version(request))
    return _partials(request, article, access, selected=quote.pk, feedback="Suggestion accepted.")


@login_required
@require_POST
@_writes_own_set
def suggestions_judge(request, article_id):
    """Accept or reject all the waiting suggestions the annotator confirmed, at once."""
    article, access = _article_for(request, article_id, write=True)
    form = JudgeSuggestionsForm(request.POST)
    if not form.is_valid():
        return _panel(request, article, access, status=400, message=form.error_text())
    try:
        judged = judge_waiting_suggestions(
            article=article,
            annotator=request.user,
            accept=form.cleaned_data["action"] == "accept",
            quote_ids=form.cleaned_data["quotes"],
        )
    except QuoteConflict:
        return _panel(
            request,
            article,
            access,
            status=409,
            message="The waiting suggestions changed since the page showed them; nothing "
            "was saved. Here they are as they stand; try again.",
        )
    verb = "accepted" if form.cleaned_data["action"] == "accept" else "rejected"
    return _partials(
        request,
        article,
        access,
        feedback=f"{judged} suggestion{'s' if judged != 1 else ''} {verb}.",
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def article_status(request, article_id):
    article, access = _article_for(request, article_id, assigned=True)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _panel(
            request, article, access, status=400, message="status: must be done or in_progress."
        )
    try:
        set_assignment_status(assignment=access.assignment, status=form.cleaned_data["status"])
    except (
        SuggestionsWaiting,
        ReopenRefused,
        AssignmentClosed,
    ) as refused:
        return _panel(request, article, access, status=409, message=str(refused))
    if form.cleaned_data["status"] == Assignment.Status.DONE:
        url = next_article_url(request.user, article.project) or reverse(
            "articles:queue", args=[article.project.slug]
        )
    else:
        url = reverse("articles:article", args=[article.pk])
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Location"] = url
        return response
    return redirect(url)


# Helpers: how a request turns into an article, a form, a response.


def _article_for(request, article_id, *, write=False, assigned=False, with_next=False):
    article, access = viewable_article(request.user, article_id, with_next=with_next)
    if (write or assigned) and not access.is_assigned:
        raise Http404("This article is not assigned to you for annotation.")
    if write and not access.can_annotate:
        raise AssignmentClosed(access.assignment.status)
    return article, access


def _own_quote(request, article, quote_id):
    # Every edit, delete and accept starts here: one row by its primary key, no ORDER BY.
    own = Quote.objects.annotations().filter(
        pk=quote_id, article_id=article.pk, annotator_id=request.user.pk
    )
    quote = next(iter(own.order_by()[:1]), None)
    if quote is None:
        # Deleted by a rival request, or never theirs: one answer for both, so that it
        # tells nobody whether someone else's quote exists.
        raise QuoteConflict(None)
    quote.article, quote.annotator = article, request.user  # read already
    return quote


def _version(request) -> int:
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        return 0  # no version can match: reported as a conflict with the current state


_JUDGE_ACTIONS = [
    ("accept", pgettext_lazy("suggestions", "Accept"), "Shift+A"),
    ("reject", pgettext_lazy("suggestions", "Reject"), "Shift+X"),
]


def _context(workspace, **extra):
    article = workspace.article
    return {
        "ws": workspace,
        "article": article,
        "project": article.project,
        "create_url": reverse("articles:quote-create", args=[article.pk]),
        "undo_url": reverse("articles:quote-undo", args=[article.pk]),
        "status_url": reverse("articles:article-status", args=[article.pk]),
        "judge_url": reverse("articles:suggestions-judge", args=[article.pk]),
        "judge_actions": _JUDGE_ACTIONS,
        **extra,
    }


def _render(request, article, access, partial, *, status=200, targets=None, **extra):
    workspace = build_workspace(article=article, access=access, user=request.user, targets=targets)
    context = _context(workspace, **extra)
    html = render_to_string(f"articles/workspace.html#{partial}", context, request)
    return HttpResponse(html, status=status)


def _partials(request, article, access, *, status=200, **extra):
    """The answer to a write that went through: the panel, and out of band the text, the
    status badge and the feedback (``feedback``: what was done, for the live region)."""
    # Every write held the assignment open, and the first one started it
    # (``hold_open_assignment``): the badge follows without reading it again.
    if access.assignment.status == Assignment.Status.TODO:
        access.assignment.status = Assignment.Status.IN_PROGRESS
    return _render(request, article, access, "quote-update", status=status, **extra)


def _panel(
    request, article, access, *, form=None, quote_id=None, state=None, message="", status=400
):
    errors = []
    if form is not None:
        errors = form.error_messages()
        state = {key: value for key, value in request.POST.items() if key != "csrfmiddlewaretoken"}
        state["stances"] = {
            key.removeprefix("stance-"): value
            for key, value in request.POST.items()
            if key.startswith("stance-")
        }
        if quote_id is not None:
            state["id"] = quote_id  # the form stays on the quote being edited
    return _render(
        request,
        article,
        access,
        "quote-panel",
        status=status,
        errors=[message, *errors] if message else errors,
        form_state=state,
        form_state_json=json.dumps(state),
    )


def _conflict(request, article, access, conflict):
    if conflict.current is None:
        return _panel(
            request,
            article,
            access,
            status=409,
            message="This quote is not among yours any more (deleted elsewhere); nothing "
            "was saved.",
        )
    return _panel(
        request,
        article,
        access,
        status=409,
        state=quote_state(conflict.current),
        message=f"This quote was changed elsewhere (now version {conflict.current.version}); "
        "nothing was saved. Here it is as it stands; make your change again.",
    )
