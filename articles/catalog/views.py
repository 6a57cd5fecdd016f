"""The speaker catalog page: a project's reviewers and admins confirm the speakers the
engine proposed, rename and describe them, keep their other spellings, and merge
duplicates. Each write binds its form, calls one service of ``articles.speakers`` and
returns to the page (a 400 with the message on the speaker's row when refused)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.catalog.forms import AliasForm, CatalogQuery, MergeForm, SpeakerForm
from articles.catalog.queries import catalog
from articles.models import Project, Speaker, SpeakerAlias
from articles.permissions import can_adjudicate
from articles.speakers import (
    add_alias,
    confirm_speaker,
    edit_speaker,
    find_speaker,
    merge_speakers,
    remove_alias,
)

PER_PAGE = 50


@login_required
@require_GET
@vary_on_headers("HX-Request")
def speakers(request, slug):
    """The catalog, searched and filtered in the query; the list alone for htmx's own
    requests (the filter form's)."""
    project = _project(request, slug)
    return _page(request, project, request.GET)


@login_required
@require_POST
def speaker_edit(request, slug, speaker_id):
    project, speaker = _speaker(request, slug, speaker_id)
    form = SpeakerForm(request.POST)
    if not form.is_valid():
        return _refused(request, project, speaker, form.errors)
    try:
        edit_speaker(speaker=speaker, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _refused(request, project, speaker, error.message_dict)
    return _done(request, project, gettext("Saved %(name)s.") % {"name": form.cleaned_data["name"]})


@login_required
@require_POST
def speaker_confirm(request, slug, speaker_id):
    project, speaker = _speaker(request, slug, speaker_id)
    confirm_speaker(speaker=speaker, actor=request.user)
    return _done(request, project, gettext("Confirmed %(name)s.") % {"name": speaker.name})


@login_required
@require_POST
def alias_add(request, slug, speaker_id):
    project, speaker = _speaker(request, slug, speaker_id)
    form = AliasForm(request.POST)
    if not form.is_valid():
        return _refused(request, project, speaker, form.errors)
    try:
        alias = add_alias(speaker=speaker, name=form.cleaned_data["alias"], actor=request.user)
    except ValidationError as error:
        return _refused(request, project, speaker, error.message_dict)
    message = gettext("“%(alias)s” now also names %(name)s.")
    return _done(request, project, message % {"alias": alias.name, "name": speaker.name})


@login_required
@require_POST
def alias_remove(request, slug, speaker_id, alias_id):
    project, speaker = _speaker(request, slug, speaker_id)
    alias = get_object_or_404(SpeakerAlias.objects.select_related("speaker"), pk=alias_id)
    if alias.speaker_id != speaker.pk:
        raise Http404("No such alias of this speaker.")
    remove_alias(alias=alias, actor=request.user)
    message = gettext("“%(alias)s” no longer names %(name)s.")
    return _done(request, project, message % {"alias": alias.name, "name": speaker.name})


@login_required
@require_POST
def speaker_merge(request, slug, speaker_id):
    """Merge the speaker into the one named in ``into``: its quotes and spellings move."""
    project, speaker = _speaker(request, slug, speaker_id)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return _refused(request, project, speaker, form.errors)
    target = find_speaker(project, form.cleaned_data["into"])
    if target is None:
        message = gettext("No speaker of this project is called “%(name)s”.")
        return _refused(
            request, project, speaker, {"into": [message % {"name": form.cleaned_data["into"]}]}
        )
    try:
        target = merge_speakers(source=speaker, target=target, actor=request.user)
    except ValidationError as error:
        return _refused(request, project, speaker, {"into": error.messages})
    message = gettext("Merged %(source)s into %(target)s.")
    return _done(request, project, message % {"source": speaker.name, "target": target.name})


def _project(request, slug) -> Project:
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not can_adjudicate(request.user, project):
        raise Http404("Only the project's reviewers and admins see its speaker catalog.")
    return project


def _speaker(request, slug, speaker_id) -> tuple[Project, Speaker]:
    project = _project(request, slug)
    return project, get_object_or_404(Speaker, project=project, pk=speaker_id)


def _page(request, project, params: QueryDict, *, refused=None, status=200):
    """The page for the catalog query ``params`` (the request's own, or the one a
    refused form was posted from)."""
    query = CatalogQuery(params)
    page = None
    if query.is_valid():
        found = catalog(project, request.user, query.cleaned_data)
        page = Paginator(found, PER_PAGE).get_page(params.get("page"))
    else:
        status = 400
    kept = params.copy()
    kept.pop("page", None)
    context = {
        "project": project,
        "query": query,
        "page": page,
        "params": kept.urlencode(),
        # Where the row forms return to: this page as filtered (not the URL posted to).
        "here": reverse("articles:speakers", args=[project.slug])
        + (f"?{params.urlencode()}" if params else ""),
        "refused": refused,
    }
    list_only = request.htmx and not request.htmx.boosted and request.method == "GET"
    template = "articles/speakers.html#speaker-list" if list_only else "articles/speakers.html"
    return render(request, template, context, status=status)


def _refused(request, project, speaker, errors):
    """The page again, as the form came from, with the service's words on the row."""
    back = request.POST.get("next", "")
    params = QueryDict(back.partition("?")[2])
    refused = {"speaker": speaker.pk, "errors": errors, "data": request.POST}
    return _page(request, project, params, refused=refused, status=400)


def _done(request, project, message):
    messages.success(request, message)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    return redirect(back or reverse("articles:speakers", args=[project.slug]))
