"""The analysis pages: corpus figures, a page per speaker and per stance target, and the
quote search. Reviewers, researchers
and admins of the project only (annotators of a blind project must not see the team's
work, so annotators see none)."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from articles.analysis.charts import stance_months
from articles.analysis.corpus import (
    in_its_sentence,
    search_quotes,
    speaker_quotes,
    target_quotes,
)
from articles.analysis.figures import CorpusFigures
from articles.analysis.forms import QuoteSearchForm, SourceForm
from articles.analysis.stored import months_of, read_counts
from articles.exchange import streams
from articles.exchange.downloads import attachment
from articles.exchange.export import neutralise
from articles.jobs.exporting import file_name
from articles.jobs.views import CONTENT_TYPES
from articles.models import Project, Speaker, StanceTarget
from articles.paging import BoundedPaginator, count_limit
from articles.permissions import can_adjudicate
from articles.querysets import sees_whole_team
from articles.review.figures import rebuilt

QUOTES_PER_PAGE = 50
# The quote search's download links: every export format, by its own name.
EXPORT_LINKS = [
    ("jsonl", "JSONL"),
    ("csv", "CSV"),
    ("doccano", "doccano"),
    ("labelstudio", "Label Studio"),
    ("conll", "CoNLL"),
    ("parquet", "Parquet"),
    ("parquet-quotes", "Parquet (quotes)"),
    ("brat", "brat"),
    ("cas", "CAS XMI"),
]


@login_required
@require_GET
def analysis(request, slug):
    """The project's corpus figures and its most quoted speakers."""
    project, form = _project_and_source(request, slug)
    if not form.is_valid():
        return _invalid(request, project, form)
    found = read_counts(project, "corpus", form.source())  # live, or stored "as of"
    context = {"project": project, "form": form, **_freshness(found)}
    if found is None:
        return render(request, "articles/analysis.html", context)
    figures, speakers = _corpus(found)
    top = [(speakers.get(share.speaker), share) for share in figures.top_speakers]
    return render(request, "articles/analysis.html", {**context, "figures": figures, "top": top})


@login_required
@require_GET
def analysis_csv(request, slug):
    """The same figures as CSV, each with the number of items behind it."""
    project, form = _project_and_source(request, slug)
    if not form.is_valid():
        return _invalid(request, project, form)
    found = read_counts(project, "corpus", form.source())
    if found is None:
        response = HttpResponse(
            "This project's figures are being computed in the background; try again in a"
            " minute or two.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "60"
        return response
    figures, speakers = _corpus(found)
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
    found = read_counts(project, f"speaker {speaker.pk}", source)
    counts = found.data if found is not None else {"kinds": [], "outlets": [], "stances": {}}
    total = sum(n for _, n in counts["kinds"])
    quotes = speaker_quotes(project, speaker, source)
    labels = list(project.stance_labels)
    charts = [
        (target, mark_safe(stance_months(months_of(months), labels=labels, title=target)))  # noqa: S308 - escaped
        for target, months in sorted(counts["stances"].items())
    ]
    return render(
        request,
        "articles/speaker_page.html",
        {
            "project": project,
            "speaker": speaker,
            "form": form,
            "total": total,
            "counts": counts,
            "charts": charts,
            "curates": can_adjudicate(request.user, project),  # may open the catalog
            **_freshness(found),
            **_quotes_page(request, quotes, None if found is None else total),
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
    found = read_counts(project, f"target {target.pk}", source)
    counts = (
        found.data
        if found is not None
        else {"labels": {}, "months": {}, "outlets": {}, "speakers": []}
    )
    total = sum(counts["labels"].values())
    quotes = target_quotes(project, target, source)
    labels = list(project.stance_labels)
    names = Speaker.objects.in_bulk([pk for pk, _ in counts["speakers"] if pk is not None])
    chart = stance_months(months_of(counts["months"]), labels=labels, title=target.name)
    return render(
        request,
        "articles/target_page.html",
        {
            "project": project,
            "target": target,
            "form": form,
            "labels": labels,
            "total": total,
            "by_label": [(label, counts["labels"].get(label, 0)) for label in labels],
            "speakers": [
                (names.get(pk), [by.get(label, 0) for label in labels])
                for pk, by in counts["speakers"]
            ],
            "outlets": [
                (outlet, [by.get(label, 0) for label in labels])
                for outlet, by in sorted(
                    counts["outlets"].items(), key=lambda item: -sum(item[1].values())
                )
            ],
            "chart": mark_safe(chart),  # noqa: S308 - escaped
            **_freshness(found),
            **_quotes_page(request, quotes, None if found is None else total),
        },
    )


@login_required
@require_GET
def quote_search_export(request, slug):
    """The quotes a search finds, with their articles, in any export format (``format``:
    JSONL and CSV end with their counts and SHA-256), streamed from one snapshot."""
    project = _project(request, slug)
    form = QuoteSearchForm(request.GET, project=project)
    format = request.GET.get("format", "jsonl")
    if format not in streams.FORMATS:
        message = f"format: {format!r} is not one of {', '.join(streams.FORMATS)}.\n"
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        return HttpResponseBadRequest(problems + "\n", content_type="text/plain; charset=utf-8")
    selection = streams.Selection(found=search_quotes(project, form.cleaned_data, form.source()))
    chunks = streams.chunks(project, selection, format, include_unannotated=False)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[format])
    return attachment(response, file_name(project, format, what="quotes"))


def _corpus(found) -> tuple[CorpusFigures, dict]:
    """The corpus figures of ``read_counts``' JSON, and their top speakers by id."""
    figures = rebuilt(CorpusFigures, found.data)
    return figures, Speaker.objects.in_bulk([share.speaker for share in figures.top_speakers])


def _freshness(found) -> dict:
    """What a page says of its counts: still being computed, or as of when."""
    if found is None:
        return {"pending": True}
    return {"as_of": found.as_of, "refreshing": found.refreshing}


def _quotes_page(request, quotes, total: int | None) -> dict:
    """A page of ``quotes``, whose ``total`` the counts gave (a subject's quotes in a
    large corpus number hundreds of thousands: never counted again; None while they are
    being computed: counted up to the list's limit), and the query for the pager's
    links."""
    paginator = BoundedPaginator(quotes, QUOTES_PER_PAGE, limit=count_limit(request), known=total)
    query = request.GET.copy()
    query.pop("page", None)
    return {"page": paginator.get_page(request.GET.get("page")), "query": query.urlencode()}


@login_required
@require_GET
def quote_search(request, slug):
    """Quotes across the corpus by their words, speaker, kind, stance, outlet and date,
    each in its sentence."""
    project = _project(request, slug)
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
        {
            "project": project,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "formats": EXPORT_LINKS,
        },
        status=200 if page is not None else 400,
    )


def _project(request, slug):
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not sees_whole_team(request.user):
        raise Http404("Only the project's reviewers, researchers and admins see this page.")
    return project


def _project_and_source(request, slug):
    project = _project(request, slug)
    return project, SourceForm(request.GET, project=project)


def _invalid(request, project, form):
    return render(request, "articles/analysis.html", {"project": project, "form": form}, status=400)
