"""Project create and edit (with the guidelines' preview and the stance targets) and the
members page. Admins only: anyone else gets a 403. Each view binds its form, calls one
service of ``articles.projects``, and renders the page or its partial."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.models import User
from accounts.people_views import admins_only
from articles.guidelines import render_guidelines
from articles.manage.forms import MembersForm, ProjectForm, TargetForm, errors_onto
from articles.models import Assignment, Project, StanceTarget
from articles.projects import (
    ProjectInvalid,
    add_members,
    add_target,
    create_project,
    edit_project,
    remove_member,
    remove_target,
)


@login_required
@admins_only
@require_http_methods(["GET", "POST"])
def project_create(request):
    """A new project: its settings and first stance targets; then its members."""
    form = ProjectForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = create_project(
                actor=request.user, slug=data["slug"], targets=data["targets"], **form.settings()
            )
        except ProjectInvalid as invalid:
            errors_onto(form, invalid.errors)
        else:
            messages.success(
                request,
                gettext("Made the project %(name)s. Now add its members.") % {"name": project.name},
            )
            return redirect("articles:members", project.slug)
    context = {"form": form, "project": None, "preview": _preview(form)}
    return render(request, "articles/project_form.html", context, status=_status(request, form))


@login_required
@admins_only
@require_http_methods(["GET", "POST"])
def project_edit(request, slug):
    """The project's settings, and its stance targets (added and removed in place)."""
    project = get_object_or_404(Project, slug=slug)
    form = ProjectForm(
        request.POST or None, initial=ProjectForm.initial_of(project), creating=False
    )
    if request.method == "POST" and form.is_valid():
        try:
            project = edit_project(project=project, actor=request.user, **form.settings())
        except ProjectInvalid as invalid:
            errors_onto(form, invalid.errors)
        else:
            messages.success(
                request, gettext("Saved the settings of %(name)s.") % {"name": project.name}
            )
            return redirect("articles:project-edit", project.slug)
    context = {
        "form": form,
        "project": project,
        "preview": _preview(form, project),
        **_targets(project, TargetForm()),
    }
    return render(request, "articles/project_form.html", context, status=_status(request, form))


@login_required
@admins_only
@require_POST
def guidelines_preview(request):
    """The guidelines as annotators will read them, rendered by the project's renderer."""
    context = {"preview": render_guidelines(request.POST.get("guidelines", ""))}
    return render(request, "articles/project_form.html#guidelines-preview", context)


@login_required
@admins_only
@require_POST
@vary_on_headers("HX-Request")
def target_add(request, slug):
    project = get_object_or_404(Project, slug=slug)
    form = TargetForm(request.POST)
    if form.is_valid():
        try:
            add_target(project=project, actor=request.user, **form.cleaned_data)
        except ProjectInvalid as invalid:
            errors_onto(form, invalid.errors)
        else:
            form = TargetForm()
    return _targets_answer(request, project, form)


@login_required
@admins_only
@require_POST
@vary_on_headers("HX-Request")
def target_remove(request, slug, target_id):
    project = get_object_or_404(Project, slug=slug)
    target = get_object_or_404(StanceTarget, project=project, pk=target_id)
    form = TargetForm()
    try:
        remove_target(target=target, actor=request.user)
    except ProjectInvalid as invalid:
        errors_onto(form, invalid.errors)
    return _targets_answer(request, project, form)


@login_required
@admins_only
@require_http_methods(["GET", "POST"])
def members(request, slug):
    """The project's members with their roles and open work; add some, remove one."""
    project = get_object_or_404(Project, slug=slug)
    form = MembersForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            added = add_members(
                project=project, users=form.cleaned_data["users"], actor=request.user
            )
        except ProjectInvalid as invalid:
            errors_onto(form, invalid.errors)
        else:
            names = ", ".join(user.get_username() for user in added) or "nobody new"
            messages.success(
                request,
                gettext("Added %(names)s to %(project)s.")
                % {"names": names, "project": project.name},
            )
            return redirect("articles:members", project.slug)
    open_work = Q(
        assignments__article__project=project, assignments__status__in=list(Assignment.OPEN)
    )
    people = (
        project.members.with_role()
        .annotate(open_assignments=Count("assignments", filter=open_work))
        .order_by("username")
    )
    context = {"project": project, "form": form, "members": people}
    return render(request, "articles/members.html", context, status=_status(request, form))


@login_required
@admins_only
@require_POST
def member_remove(request, slug, user_id):
    project = get_object_or_404(Project, slug=slug)
    user = get_object_or_404(User, pk=user_id)
    try:
        still_open = remove_member(project=project, user=user, actor=request.user)
    except ProjectInvalid as invalid:
        messages.error(request, " ".join(m for ms in invalid.errors.values() for m in ms))
    else:
        note = (
            " "
            + gettext(
                "%(count)s of their assignments are still open: hand them on from Distribute."
            )
            % {"count": still_open}
            if still_open
            else ""
        )
        removed = gettext("Removed %(name)s from %(project)s; their work stays.") % {
            "name": user.get_username(),
            "project": project.name,
        }
        messages.success(request, removed + note)
    return redirect("articles:members", project.slug)


def _preview(form, project=None):
    source = form.data.get("guidelines") if form.is_bound else (project and project.guidelines)
    return render_guidelines(source or "")


def _status(request, form) -> int:
    return 400 if request.method == "POST" and form.errors else 200


def _targets(project, form) -> dict:
    targets = project.targets.annotate(stance_count=Count("stances")).order_by("name")
    return {"project": project, "targets": targets, "target_form": form}


def _targets_answer(request, project, form):
    if not request.htmx:
        if form.errors:
            messages.error(request, " ".join(e for es in form.errors.values() for e in es))
        return redirect(reverse("articles:project-edit", args=[project.slug]) + "#targets")
    status = 400 if form.errors else 200
    return render(
        request, "articles/project_form.html#targets", _targets(project, form), status=status
    )
