"""The upload and export pages, and the job partial they poll. Each view binds its form,
calls one function of ``importing``, ``exporting`` or ``lifecycle``, and renders."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.exchange import interop
from articles.exchange.downloads import attachment
from articles.jobs import access, exporting, fetching, importing, lifecycle, suggesting
from articles.jobs.forms import ExportForm, FetchForm, UploadForm
from articles.jobs.models import ProjectJob

# Room for the form's other fields and the multipart framing around the file.
UPLOAD_SLACK = 64 * 1024
RECENT = 10
CONTENT_TYPES = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    **interop.CONTENT_TYPES,
}


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, slug):
    """Admins upload a file; its dry run's report shows per line before "Import"."""
    project = access.importable_project(request.user, slug)
    status = 200
    form = UploadForm()
    if request.method == "POST":
        if _declared_size(request) > settings.ARTICLE_IMPORT_MAX_BYTES + UPLOAD_SLACK:
            form.add_error(None, _too_big())
            status = 413
        else:
            form = UploadForm(request.POST, request.FILES)
            if form.is_valid():
                job = importing.receive_upload(
                    project=project,
                    user=request.user,
                    upload=form.cleaned_data["file"],
                    txt_title=form.cleaned_data["txt_title"] or "auto",
                    format=form.cleaned_data["format"] or "auto",
                    near_duplicates=(
                        settings.NEAR_DUPLICATE_THRESHOLD
                        if form.cleaned_data["near_duplicates"]
                        else None
                    ),
                )
                return redirect(f"{reverse('articles:upload', args=[slug])}#job-{job.pk}")
            status = 400
    return _upload_page(request, project, form=form, status=status)


@login_required
@require_POST
def fetch_pages(request, slug):
    """Admins give a list of page URLs; a job fetches and imports them."""
    project = access.importable_project(request.user, slug)
    form = FetchForm(request.POST)
    if not form.is_valid():
        return _upload_page(request, project, fetch_form=form, status=400)
    job = fetching.start_fetch(project=project, user=request.user, urls=form.cleaned_data["urls"])
    lifecycle.enqueue(job)
    return redirect(f"{reverse('articles:upload', args=[slug])}#job-{job.pk}")


def _upload_page(request, project, *, form=None, fetch_form=None, status=200):
    lifecycle.fail_stale()  # no job whose worker died shows "running" here
    context = {
        "project": project,
        "form": form or UploadForm(),
        "fetch_form": fetch_form or FetchForm(),
        "jobs": ProjectJob.objects.recent(project, ProjectJob.Kind.IMPORT, RECENT),
        "fetch_jobs": ProjectJob.objects.recent(project, ProjectJob.Kind.FETCH, RECENT),
    }
    return render(request, "articles/upload.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def export(request, slug):
    """Reviewers, researchers and admins choose an export: a small one downloads at once,
    a large one becomes a job with a download link."""
    project = access.exportable_project(request.user, slug)
    form = ExportForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        choice = form.choice()
        if request.POST.get("what") == "manifest":
            body = json.dumps(choice.manifest(project), indent=2, ensure_ascii=False)
            name = choice.file_name(project).rsplit(".", 1)[0] + "-manifest.json"
            response = HttpResponse(body, content_type="application/json")
            return attachment(response, name)
        articles = choice.articles(project)
        if exporting.is_small(articles) and request.POST.get("what") != "file":
            content_type = CONTENT_TYPES[choice.format]
            response = StreamingHttpResponse(choice.chunks(project), content_type=content_type)
            return attachment(response, choice.file_name(project))
        job = exporting.start_export(
            project=project, user=request.user, choice=choice, articles=articles
        )
        lifecycle.enqueue(job)
        return redirect(f"{reverse('articles:export', args=[slug])}#job-{job.pk}")
    lifecycle.fail_stale()
    jobs = ProjectJob.objects.recent(project, ProjectJob.Kind.EXPORT, RECENT)
    context = {
        "project": project,
        "form": form,
        "jobs": jobs,
        "inline_max": settings.EXPORT_INLINE_MAX_ARTICLES,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "articles/export.html", context, status=status)


@login_required
@require_POST
def suggest(request, slug):
    """Reviewers run the engine over the whole project, as a job shown on the dashboard."""
    project = access.suggestible_project(request.user, slug)
    job = suggesting.start_suggestions(project=project, user=request.user)
    lifecycle.enqueue(job)
    return redirect(f"{reverse('articles:dashboard', args=[slug])}#job-{job.pk}")


@login_required
@require_GET
@vary_on_headers("HX-Request")
def job(request, job_id):
    """The job's partial, which polls itself while the job runs; a full page is the page
    that lists it."""
    lifecycle.fail_stale()  # the partial polls: a dead worker's job turns failed here
    job = access.visible_job(request.user, job_id)
    if not request.htmx or request.htmx.boosted:  # a boosted link wants a whole page
        return redirect(_page_of(job))
    return render(request, "articles/job.html#job", {"job": job})


@login_required
@require_POST
@vary_on_headers("HX-Request")
def job_start(request, job_id):
    """Import a checked upload, as a job."""
    job = access.visible_job(request.user, job_id)
    if job.kind != ProjectJob.Kind.IMPORT or not importing.ready_to_import(job):
        return _answer(request, job, status=409)
    started = lifecycle.enqueue(job)
    job.refresh_from_db()
    return _answer(request, job, status=200 if started else 409)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def job_cancel(request, job_id):
    """Stop a job (or discard a checked upload); what it wrote is rolled back."""
    job = access.visible_job(request.user, job_id)
    lifecycle.cancel(job)
    job.refresh_from_db()
    return _answer(request, job)


@login_required
@require_GET
def job_download(request, job_id):
    """An export job's file, while it is kept."""
    job = access.visible_job(request.user, job_id)
    if job.kind != ProjectJob.Kind.EXPORT or not job.has_file:
        raise Http404("This export has no file (any more).")
    kind = job.options.get("format", "jsonl")
    response = FileResponse(job.file.open("rb"), content_type=CONTENT_TYPES[kind])
    return attachment(response, job.file_name)


@login_required
@require_GET
def job_manifest(request, job_id):
    """An export job's manifest: counts, scheme, guidelines, and the file's SHA-256."""
    job = access.visible_job(request.user, job_id)
    if job.kind != ProjectJob.Kind.EXPORT or job.manifest is None:
        raise Http404("This export has no manifest yet.")
    body = json.dumps(job.manifest, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json")
    return attachment(response, job.file_name.rsplit(".", 1)[0] + "-manifest.json")


def _answer(request, job, status=200):
    if request.htmx:
        return render(request, "articles/job.html#job", {"job": job}, status=status)
    return redirect(_page_of(job))


def _page_of(job) -> str:
    name = {
        ProjectJob.Kind.IMPORT: "articles:upload",
        ProjectJob.Kind.EXPORT: "articles:export",
        ProjectJob.Kind.SUGGEST: "articles:dashboard",
        ProjectJob.Kind.FETCH: "articles:upload",
    }[job.kind]
    return f"{reverse(name, args=[job.project.slug])}#job-{job.pk}"


def _declared_size(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _too_big() -> str:
    limit = settings.ARTICLE_IMPORT_MAX_BYTES
    return (
        f"The upload is larger than {limit:,} bytes ({limit / 2**20:g} MiB); nothing was "
        "saved. Split it, or use the import_articles command."
    )
