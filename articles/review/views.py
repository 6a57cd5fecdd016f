"""The reviewers' and admins' screens: adjudication into gold, the team dashboard, and
distributing articles over annotators. Each write calls one function of
``articles.review.adjudication`` or ``articles.review.distribution`` and re-renders what changed."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.annotation.forms import QuoteForm
from articles.discussion.reads import flag_panel, open_flags
from articles.jobs import lifecycle
from articles.jobs.models import ProjectJob
from articles.models import Adjudication, Article, Project, Quote
from articles.permissions import can_adjudicate
from articles.review import adjudication
from articles.review.charts import bar_chart, sparkline, status_bar
from articles.review.distribution import DistributionError, distribute, reassign_open_work
from articles.review.figures import dashboard_figures
from articles.review.forms import DistributeForm, ReassignForm
from articles.review.team import project_progress
from articles.types import QuoteConflict

CHANGED_ELSEWHERE = "This gold quote was changed elsewhere; here it is as it stands now."
REOPENED = "Reopened: the gold set can change again. Finish it again when it is right."
ACTIONS = {
    "take": adjudication.take_version,
    "drop": adjudication.drop_group,
    "reset": adjudication.reset_group,
}


@login_required
@require_GET
def adjudicate(request, article_id):
    """The side-by-side board: every annotator's version of each quote, and the gold set."""
    article = _adjudicable(request, article_id)
    board = adjudication.build_board(article)
    speakers = article.project.speakers.catalog()
    context = _context(board, speakers=speakers, **flag_panel(article, request.user))
    return render(request, "articles/adjudicate.html", context)


@login_required
@require_POST
def adjudicate_group(request, article_id, action):
    """Take an annotator's version of a group, drop the group, or undo the decision."""
    article = _adjudicable(request, article_id)
    if action not in ACTIONS:
        raise Http404(f"No action {action!r}.")
    try:
        quote_id = int(request.POST.get("quote", ""))
    except ValueError:
        return _board(request, article, errors=["quote: give the id of an annotator's quote."])
    try:
        ACTIONS[action](article=article, reviewer=request.user, quote_id=quote_id)
    except adjudication.AdjudicationError as error:
        return _board(request, article, errors=[str(error)])
    return _board(request, article, status=200)


@login_required
@require_POST
def adjudicate_unanimous(request, article_id):
    article = _adjudicable(request, article_id)
    try:
        taken = adjudication.take_unanimous(article=article, reviewer=request.user)
    except adjudication.AdjudicationError as error:
        return _board(request, article, errors=[str(error)])
    note = f"Took {taken} quote{'s' if taken != 1 else ''} on which everyone agrees."
    return _board(request, article, status=200, note=note)


@login_required
@require_POST
def gold_create(request, article_id):
    """Add a quote no annotator marked to the gold set."""
    article = _adjudicable(request, article_id)
    form = QuoteForm.posted(request, article)
    if not form.is_valid():
        return _board(request, article, errors=form.error_messages(), editing="new")
    try:
        adjudication.add_gold(article=article, reviewer=request.user, data=form.quote_input())
    except adjudication.AdjudicationError as error:
        return _board(request, article, errors=[str(error)], editing="new")
    return _board(request, article, status=201)


@login_required
@require_POST
def gold_edit(request, article_id, quote_id):
    """Change any field of a gold quote (span, speaker, kind, cue, stances)."""
    article = _adjudicable(request, article_id)
    quote = _gold_quote(article, quote_id)
    form = QuoteForm.posted(request, article)
    if not form.is_valid() or form.cleaned_data.get("version") is None:
        errors = form.error_messages() or ["version: is required to change a quote."]
        return _board(request, article, errors=errors, editing=quote.pk)
    try:
        adjudication.edit_gold(
            article=article,
            reviewer=request.user,
            quote=quote,
            version=form.cleaned_data["version"],
            data=form.quote_input(),
        )
    except adjudication.AdjudicationError as error:
        return _board(request, article, errors=[str(error)], editing=quote.pk)
    except QuoteConflict:
        return _board(request, article, status=409, errors=[CHANGED_ELSEWHERE])
    return _board(request, article, status=200)


@login_required
@require_POST
def gold_delete(request, article_id, quote_id):
    """Take a quote out of the gold set."""
    article = _adjudicable(request, article_id)
    quote = _gold_quote(article, quote_id)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return _board(request, article, errors=["version: is required to remove a quote."])
    try:
        adjudication.remove_gold(
            article=article, reviewer=request.user, quote=quote, version=version
        )
    except adjudication.AdjudicationError as error:
        return _board(request, article, errors=[str(error)])
    except QuoteConflict:
        return _board(request, article, status=409, errors=[CHANGED_ELSEWHERE])
    return _board(request, article, status=200)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def adjudicate_finish(request, article_id):
    """Set the article's adjudication status, as an annotator sets their article's:
    "done" marks it adjudicated (every group decided) and goes on to the next one,
    "in_progress" reopens a finished one."""
    article = _adjudicable(request, article_id)
    status = request.POST.get("status")
    if status == Adjudication.Status.IN_PROGRESS:
        try:
            adjudication.reopen(article=article, reviewer=request.user)
        except adjudication.AdjudicationError as error:
            return _board(request, article, errors=[str(error)])
        return _board(request, article, status=200, note=REOPENED)
    if status != Adjudication.Status.DONE:
        return _board(request, article, errors=["status: must be done or in_progress."])
    try:
        adjudication.finish(article=article, reviewer=request.user)
    except adjudication.AdjudicationError as error:
        return _board(request, article, errors=[str(error)])
    following = _next_to_adjudicate(article.project, after=article.pk)
    url = (
        reverse("articles:adjudicate", args=[following])
        if following
        else reverse("articles:dashboard", args=[article.project.slug])
    )
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Location"] = url
        return response
    return redirect(url)


@login_required
@require_GET
def next_to_adjudicate(request, slug):
    project = _project(request, slug)
    following = _next_to_adjudicate(project)
    if following is None:
        messages.info(request, gettext("No article is waiting for adjudication."))
        return redirect("articles:dashboard", slug=project.slug)
    return redirect("articles:adjudicate", article_id=following)


@login_required
@require_GET
def dashboard(request, slug):
    """Progress, pace and agreement per annotator; the most disputed articles."""
    project = _project(request, slug)
    figures = dashboard_figures(project)  # live, or stored "as of" for a large project
    flags_open, flags = open_flags(project)
    if figures is None:
        context = {"project": project, "pending": True, "flags_open": flags_open}
        return render(request, "articles/dashboard.html", {**context, "open_flags": flags})
    progress, report = figures.progress, figures.report
    agreement = {a.annotator: a.overlap_f1.value for a in report.per_annotator}
    for person in progress.annotators:
        person.agreement = agreement.get(person.username)
    # The articles "Adjudicate next" walks through, read by the same query.
    waiting = list(Article.objects.waiting_for_adjudication(project).values_list("pk", flat=True))
    disputed = adjudication.most_disputed(project, report, waiting=waiting, limit=10)
    lifecycle.fail_stale()
    suggestion_jobs = ProjectJob.objects.recent(project, ProjectJob.Kind.SUGGEST, 3)
    return render(
        request,
        "articles/dashboard.html",
        {
            "project": project,
            "progress": progress,
            "report": report,
            "disputed": disputed,
            "waiting": len(waiting),
            "status_svg": mark_safe(status_bar(progress.counts())),  # noqa: S308 - escaped
            "pace_svg": mark_safe(  # noqa: S308 - escaped
                bar_chart(
                    [(p.username, sum(p.per_day)) for p in progress.annotators],
                    title=f"Articles finished in the last {len(progress.days)} days",
                )
            ),
            "annotators": [
                (person, mark_safe(sparkline(person.per_day)))  # noqa: S308 - escaped
                for person in progress.annotators
            ],
            "can_distribute": request.user.is_staff,
            "suggestion_jobs": suggestion_jobs,
            "flags_open": flags_open,
            "open_flags": flags,
            "as_of": figures.as_of,
            "refreshing": figures.refreshing,
        },
    )


@staff_member_required
def distribute_page(request, slug):
    """Admins spread unassigned articles over annotators, or hand on someone's work."""
    project = get_object_or_404(Project, slug=slug)
    distribute_form = DistributeForm(project=project)
    reassign_form = ReassignForm(project=project)
    if request.method == "POST":
        if "leaving" in request.POST:
            reassign_form = ReassignForm(request.POST, project=project)
            form = reassign_form
        else:
            distribute_form = DistributeForm(request.POST, project=project)
            form = distribute_form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if form is reassign_form:
                    result = reassign_open_work(
                        project=project,
                        leaving=data["leaving"],
                        annotators=data["annotators"],
                        actor=request.user,
                    )
                else:
                    result = distribute(
                        project=project,
                        annotators=data["annotators"],
                        per_article=data["per_article"],
                        actor=request.user,
                    )
            except DistributionError as error:
                field, _, message = str(error).partition(": ")
                form.add_error(field if field in form.fields else None, message or str(error))
            else:
                loads = ", ".join(f"{name} {n}" for name, n in result.loads.items())
                messages.success(
                    request,
                    gettext(
                        "%(made)s assignments on %(articles)s articles. Assignments now: %(loads)s."
                    )
                    % {"made": result.assigned, "articles": result.articles, "loads": loads},
                )
                return redirect("articles:distribute", slug=project.slug)
    return render(
        request,
        "articles/distribute.html",
        {
            "project": project,
            "distribute_form": distribute_form,
            "reassign_form": reassign_form,
            "progress": project_progress(project),
        },
        status=400 if request.method == "POST" else 200,
    )


def _project(request, slug):
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not can_adjudicate(request.user, project):
        raise Http404("Only the project's reviewers and admins see this page.")
    return project


def _adjudicable(request, article_id):
    article = get_object_or_404(Article.objects.select_related("project"), pk=article_id)
    if not can_adjudicate(request.user, article.project):
        raise Http404("No such article among the ones you review.")
    return article


def _gold_quote(article, quote_id):
    quote = Quote.objects.gold().filter(pk=quote_id, article=article).first()
    if quote is None:
        raise Http404(f"No gold quote {quote_id} in this article.")
    quote.article = article  # read already
    return quote


def _next_to_adjudicate(project, *, after=None):
    candidates = Article.objects.waiting_for_adjudication(project)
    if after is not None:
        later = candidates.filter(pk__gt=after).values_list("pk", flat=True).first()
        if later is not None:
            return later
    return candidates.values_list("pk", flat=True).first()


def _context(board, **extra):
    article = board.article
    return {
        "board": board,
        "article": article,
        "project": article.project,
        "labels": article.project.stance_labels,
        "kinds": Quote.Kind.choices,
        **extra,
    }


def _board(request, article, *, status=400, errors=(), note="", editing=None):
    board = adjudication.build_board(article)
    context = _context(board, errors=list(errors), note=note, editing=editing)
    html = render_to_string("articles/adjudicate.html#board", context, request)
    return HttpResponse(html, status=status)
