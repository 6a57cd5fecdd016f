"""The articles page: reviewers, researchers and admins find a project's articles and
open each in the workspace (read-only for them), or on the board."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from articles.browse.forms import BrowseForm
from articles.browse.queries import browse
from articles.models import Project
from articles.paging import BoundedPaginator, count_limit
from articles.querysets import sees_whole_team

PER_PAGE = 50


@login_required
@require_GET
@vary_on_headers("HX-Request")
def articles(request, slug):
    """Search, filters and sort in the query; the table alone for htmx's own requests."""
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not sees_whole_team(request.user):
        raise Http404("The articles page is for the project's reviewers, researchers, admins.")
    form = BrowseForm(request.GET, project=project)
    page = None
    if form.is_valid():
        found = (
            browse(project, form.cleaned_data)
            .select_related("adjudication")
            .only("id", "title", "outlet", "published_at", "adjudication__status")
        )
        paginator = BoundedPaginator(found, PER_PAGE, limit=count_limit(request))
        page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"project": project, "form": form, "page": page, "query": query.urlencode()}
    table_only = request.htmx and not request.htmx.boosted
    template = "articles/browse.html#article-table" if table_only else "articles/browse.html"
    return render(request, template, context, status=200 if page is not None else 400)
