"""The analysis pages: corpus figures, and a page per speaker. Reviewers, researchers
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
from articles.analysis.corpus import project_figures, speaker_counts, speaker_quotes
from articles.analysis.forms import SourceForm
from articles.exchange.downloads import attachment
from articles.exchange.export import neutralise
from articles.models import Project, Speaker
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


def _project_and_source(request, slug):
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not sees_whole_team(request.user):
        raise Http404("Only the project's reviewers, researchers and admins see this page.")
    return project, SourceForm(request.GET, project=project)


def _invalid(request, project, form):
    return render(request, "articles/analysis.html", {"project": project, "form": form}, status=400)
