"""The analysis pages: corpus figures, a page per speaker and per stance target, and the
quote search. Reviewers, researchers
and admins of the project only (annotators of a blind project must not see the team's
work, so annotators see none)."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from articles.analysis.charts import stance_months
from articles.analysis.corpus import (
    in_its_sentence,
    project_figures,
    search_quotes,
    speaker_counts,
    speaker_quotes,
    target_counts,
    target_quotes,
)
from articles.analysis.forms import QuoteSearchForm, SourceForm
from articles.exchange.downloads import attachment
from articles.exchange.export import neutralise
from articles.models import Project, Speaker, StanceTarget
from articles.paging import BoundedPaginator, count_limit
from articles.querysets import sees_whole_team

QUOTES_PER_PAGE = 50


@login_required
@require_GET
def analysis(request, slug):
    """The project's corpus figures and its most quoted speakers."""
    project, form = _project_and_source(request, slug)
    if not form.is_valid():
        return _invalid(request, project, form)
    figures, speakers = project_figures(project, form.source())
    top = [(speakers.get(share.speaker), share) for share in figures.top_speakers]
    return render(
        request,
        "articles/analysis.html",
        {"project": project, "form": form, "figures": figures, "top": top},
    )


@login_required
@require_GET
def analysis_csv(request, slug):
    """The same figures as CSV, each with the number of items behind it."""
    project, form = _project_and_source(request, slug)
    if not form.is_valid():
        return _invalid(request, project, form)
    figures, speakers = project_figures(project, form.source())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)
    writer.writerow(["figure", "value", "n", "of"])
    for figure in figures.figures:
        writer.writerow(
            [figure.key, "" if figure.value is None else figure.value, figure.n, figure.of]
        )
    for rank, share in enumerate(figures.top_speakers, start=1):
        name = speakers[share.speaker].name if share.speaker in speakers else ""
        writer.writerow([f"top_speaker_{rank}", neutralise(name), share.quotes, "named quotes"])
    return attachment(response, f"{project.slug}-figures.csv")


@login_required
@require_GET
def speaker_page(request, slug, speaker_id):
    """Every quote by one speaker across the corpus, their counts and stances over time."""
    project, form = _project_and_source(request, slug)
    speaker = get_object_or_404(
        Speaker.objects.prefetch_related("aliases"), pk=speaker_id, project=project
    )
    if not form.is_valid():
        return _invalid(request, project, form)
    source = form.source()
    page = Paginator(speaker_quotes(project, speaker, source), QUOTES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    counts = speaker_counts(project, speaker, source)
    labels = list(project.stance_labels)
    charts = [
        (target, mark_safe(stance_months(months, labels=labels, title=target)))  # noqa: S308 - escaped
        for target, months in sorted(counts["stances"].items())
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "articles/speaker_page.html",
        {
            "project": project,
            "speaker": speaker,
            "form": form,
            "page": page,
            "counts": counts,
            "charts": charts,
            "query": query.urlencode(),
        },
    )


@login_required
@require_GET
def target_page(request, slug, target_id):
    """Who is quoted about a stance target, with which stance, how often; the share of
    each stance over time and by outlet."""
    project, form = _project_and_source(request, slug)
    target = get_object_or_404(StanceTarget, pk=target_id, project=project)
    if not form.is_valid():
        return _invalid(request, project, form)
    source = form.source()
    counts = target_counts(project, target, source)
    labels = list(project.stance_labels)
    page = Paginator(target_quotes(project, target, source), QUOTES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    chart = stance_months(counts["months"], labels=labels, title=target.name)
    return render(
        request,
        "articles/target_page.html",
        {
            "project": project,
            "target": target,
            "form": form,
            "labels": labels,
            "by_label": [(label, counts["labels"].get(label, 0)) for label in labels],
            "speakers": [
                (speaker, [by.get(label, 0) for label in labels])
                for speaker, by in counts["speakers"]
            ],
            "outlets": [
                (outlet, [by.get(label, 0) for label in labels])
                for outlet, by in sorted(
                    counts["outlets"].items(), key=lambda item: -sum(item[1].values())
                )
            ],
            "chart": mark_safe(chart),  # noqa: S308 - escaped
            "page": page,
            "query": query.urlencode(),
        },
    )


@login_required
@require_GET
def quote_search(request, slug):
    """Quotes across the corpus by their words, speaker, kind, stance, outlet and date,
    each in its sentence."""
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not sees_whole_team(request.user):
        raise Http404("Only the project's reviewers, researchers and admins see this page.")
    form = QuoteSearchForm(request.GET, project=project)
    page = None
    if form.is_valid():
        found = search_quotes(project, form.cleaned_data, form.source())
        paginator = BoundedPaginator(found, QUOTES_PER_PAGE, limit=count_limit(request))
        page = paginator.get_page(request.GET.get("page"))
        for quote in page:
            quote.before, quote.after = in_its_sentence(quote.article.text, quote.start, quote.end)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "articles/quote_search.html",
        {"project": project, "form": form, "page": page, "query": query.urlencode()},
        status=200 if page is not None else 400,
    )


def _project_and_source(request, slug):
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not sees_whole_team(request.user):
        raise Http404("Only the project's reviewers, researchers and admins see this page.")
    return project, SourceForm(request.GET, project=project)


def _invalid(request, project, form):
    return render(request, "articles/analysis.html", {"project": project, "form": form}, status=400)
