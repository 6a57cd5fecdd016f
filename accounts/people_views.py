"""The People page (admins only): everyone with their role and whether they are active;
add one person or many from a CSV file (a dry run's report per line first); change a
role; deactivate, reactivate; send a link to set a password. Each view binds its form,
calls one service of ``accounts.people``, and renders the page or a row's partial."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts import people
from accounts.models import User
from accounts.people_forms import ActiveForm, PeopleCsvForm, PersonForm, RoleForm

PAGE_SIZE = 50


def admins_only(view):
    """Staff only: a logged-in non-admin gets a 403 (put under ``login_required``)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied("This page is for admins.")
        return view(request, *args, **kwargs)

    return checked


@login_required
@admins_only
@require_GET
def people_page(request):
    """Everyone, a page at a time, searchable by username or e-mail address."""
    return _page(request, add_form=PersonForm(), bulk_form=PeopleCsvForm())


@login_required
@admins_only
@require_POST
def person_add(request):
    form = PersonForm(request.POST)
    if form.is_valid():
        person = people.NewPerson(**form.cleaned_data)
        try:
            people.add_people(people=[person], actor=request.user, link=_link(request))
        except people.PeopleInvalid as invalid:
            for name, messages_ in invalid.errors.items():
                for message in messages_:
                    form.add_error(name if name in form.fields else None, message)
        else:
            messages.success(
                request,
                gettext("Added %(name)s (%(role)s); a link to set a password went to %(email)s.")
                % {"name": person.username, "role": person.role, "email": person.email},
            )
            return redirect("accounts:people")
    return _page(request, add_form=form, bulk_form=PeopleCsvForm(), status=400)


@login_required
@admins_only
@require_POST
def people_bulk(request):
    """A CSV file: first its dry run (every line's problems, nothing written), then, on
    confirmation of the same text, everybody added or nobody."""
    form = PeopleCsvForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, add_form=PersonForm(), bulk_form=form, status=400)
    text = form.cleaned_data["csv_text"]
    try:
        rows = people.read_people_csv(text)
        errors = people.check_new_people(rows)
        if errors or not form.cleaned_data["confirm"]:
            report = {"rows": rows, "errors": errors, "text": text}
            status = 400 if errors else 200
            return _page(
                request,
                add_form=PersonForm(),
                bulk_form=PeopleCsvForm(),
                report=report,
                status=status,
            )
        added = people.add_people(people=rows, actor=request.user, link=_link(request))
    except people.PeopleInvalid as invalid:
        report = {"rows": [], "errors": invalid.errors, "text": ""}
        return _page(
            request, add_form=PersonForm(), bulk_form=PeopleCsvForm(), report=report, status=400
        )
    messages.success(
        request,
        gettext("Added %(count)s people; each was sent a link to set a password: %(names)s")
        % {"count": len(added), "names": ", ".join(user.get_username() for user in added)},
    )
    return redirect("accounts:people")


@login_required
@admins_only
@require_POST
@vary_on_headers("HX-Request")
def person_role(request, user_id):
    person = get_object_or_404(User, pk=user_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _row(request, person, error=f"role: {form.errors['role'][0]}")
    role = form.cleaned_data["role"]
    return _act(
        request,
        person,
        lambda: people.change_role(user=person, role=role, actor=request.user),
        f"{person.get_username()} is now {role}.",
    )


@login_required
@admins_only
@require_POST
@vary_on_headers("HX-Request")
def person_active(request, user_id):
    person = get_object_or_404(User, pk=user_id)
    form = ActiveForm(request.POST)
    if not form.is_valid():
        return _row(request, person, error="active: must be 1 or 0")
    if form.cleaned_data["active"]:
        change, done = people.reactivate, "reactivated"
    else:
        change, done = people.deactivate, "deactivated; their work stays"
    return _act(
        request,
        person,
        lambda: change(user=person, actor=request.user),
        f"{person.get_username()} {done}.",
    )


@login_required
@admins_only
@require_POST
@vary_on_headers("HX-Request")
def person_password(request, user_id):
    person = get_object_or_404(User, pk=user_id)
    return _act(
        request,
        person,
        lambda: people.send_password_link(user=person, actor=request.user, link=_link(request)),
        f"A link to set a new password went to {person.email}.",
    )


def _act(request, person, change, done: str):
    """Run ``change``; answer with the person's row (htmx) or the page (a redirect)."""
    try:
        change()
    except people.PeopleInvalid as invalid:
        error = " ".join(m for ms in invalid.errors.values() for m in ms)
        if not request.htmx:
            messages.error(request, error)
            return redirect("accounts:people")
        return _row(request, person, error=error, status=400)
    if not request.htmx:
        messages.success(request, done)
        return redirect("accounts:people")
    return _row(request, person, notice=done)


def _row(request, person, *, notice="", error="", status=None):
    if not request.htmx:
        messages.error(request, error)
        return redirect("accounts:people")
    fresh = User.objects.with_role().get(pk=person.pk)
    context = {"person": fresh, "notice": notice, "error": error, "roles": people.ROLES}
    status = status or (400 if error else 200)
    return render(request, "accounts/people.html#person-row", context, status=status)


def _page(request, *, add_form, bulk_form, report=None, status=200):
    query = request.GET.get("q", "").strip()
    everyone = User.objects.with_role().order_by("username")
    if query:
        everyone = everyone.filter(Q(username__icontains=query) | Q(email__icontains=query))
    page = Paginator(everyone, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "roles": people.ROLES,
        "add_form": add_form,
        "bulk_form": bulk_form,
        "report": report,
    }
    return render(request, "accounts/people.html", context, status=status)


def _link(request) -> people.LinkPlace:
    return people.LinkPlace.of(request)
