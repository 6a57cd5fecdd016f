"""People as admins manage them in the app: add them (one, or many from a CSV file), each
sent a link to set their password; change a role; deactivate and reactivate; send a new
password link.

Roles are global (``accounts.roles``); ``admin`` means staff. Each write is keyword-only
and atomic and leaves an entry in the Django admin's log (the user's "History" there):
people belong to no project, so the projects' history (``articles.history``) does not
hold these. Links go out by the configured EMAIL_BACKEND once the change is committed.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from accounts import personal_data
from accounts.models import User
from accounts.roles import Role, set_role

log = logging.getLogger(__name__)

ADMIN = "admin"
ROLES = [*Role.values, ADMIN]
COLUMNS = ("username", "email", "role")
MAX_ROWS = 2000
MAX_CSV_BYTES = 1024 * 1024


class PeopleInvalid(Exception):
    """Nothing was written: ``errors`` maps each field at fault (``line 3.email`` for a
    CSV line) to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class LinkPlace:
    """Where the set-your-password link points: this site's domain and scheme."""

    domain: str
    use_https: bool

    @classmethod
    def of(cls, request) -> LinkPlace:
        return cls(domain=get_current_site(request).domain, use_https=request.is_secure())


@dataclass
class NewPerson:
    """One person to add; ``line`` is their line in a CSV file (None: one added alone)."""

    username: str
    email: str
    role: str
    line: int | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)

    def where(self, name: str) -> str:
        return name if self.line is None else f"line {self.line}.{name}"


def read_people_csv(text: str) -> list[NewPerson]:
    """The people of a CSV file with a header row naming ``username``, ``email`` and
    ``role`` (any order), numbered by line; a file that cannot be read raises
    ``PeopleInvalid`` naming its line."""
    reader = csv.reader(io.StringIO(text), strict=True)
    line = 1
    try:
        header = next(reader, None)
        if header is None:
            raise PeopleInvalid({"csv": [gettext("The file is empty: give a header row first.")]})
        names = [name.strip().casefold() for name in header]
        missing = [name for name in COLUMNS if name not in names]
        if missing:
            raise PeopleInvalid(
                {"line 1": [gettext("The header row lacks %(missing)s (columns: username, "
                                    "email, role).") % {"missing": ", ".join(missing)}]}
            )  # fmt: skip
        unknown = [name for name in names if name not in COLUMNS]
        if unknown:
            unknown_columns = gettext("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)}
            raise PeopleInvalid({"line 1": [unknown_columns]})
        people = []
        while True:
            # A record may span lines (a quoted newline): its number is its first line's.
            line = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                raise PeopleInvalid(
                    {
                        f"line {line}": [
                            gettext("%(cells)s cells where the header has %(names)s.")
                            % {"cells": len(row), "names": len(names)}
                        ]
                    }
                )
            if len(people) == MAX_ROWS:
                at_most = gettext("At most %(count)s people a file.") % {"count": f"{MAX_ROWS:,}"}
                raise PeopleInvalid({"csv": [at_most]})
            cells = dict(zip(names, (cell.strip() for cell in row), strict=True))
            people.append(NewPerson(line=line, **cells))
    except csv.Error as error:
        not_csv = gettext("Not CSV: %(error)s.") % {"error": error}
        raise PeopleInvalid({f"line {line}": [not_csv]}) from None
    if not people:
        raise PeopleInvalid({"csv": [gettext("The file has a header row but nobody under it.")]})
    return people


def check_new_people(people: list[NewPerson]) -> dict[str, list[str]]:
    """Fill each person's ``errors`` (also returned, by ``where``): a valid username and
    e-mail address that no account has (case aside) and no other line repeats, and a
    role. Two queries, however many people."""
    usernames = {p.username.lower() for p in people}
    emails = {p.email.lower() for p in people}
    taken_names = set(
        User.objects.annotate(key=Lower("username"))
        .filter(key__in=usernames)
        .values_list("key", flat=True)
    )
    taken_emails = set(
        User.objects.annotate(key=Lower("email"))
        .filter(key__in=emails - {""})
        .values_list("key", flat=True)
    )
    first: dict[tuple[str, str], NewPerson] = {}
    errors: dict[str, list[str]] = {}
    for person in people:
        found = person.errors
        found.clear()
        if not person.username:
            found.setdefault("username", []).append(gettext("is required"))
        else:
            try:
                User.username_validator(person.username)
                if len(person.username) > 150:
                    raise ValidationError(gettext("at most 150 characters"))
            except ValidationError as invalid:
                found.setdefault("username", []).extend(invalid.messages)
            if person.username.lower() in taken_names:
                found.setdefault("username", []).append(gettext("an account has this username"))
        if not person.email:
            found.setdefault("email", []).append(gettext("is required (the link goes there)"))
        else:
            try:
                validate_email(person.email)
            except ValidationError:
                found.setdefault("email", []).append(gettext("is not an e-mail address"))
            if person.email.lower() in taken_emails:
                found.setdefault("email", []).append(gettext("an account has this address"))
        if person.role not in ROLES:
            found.setdefault("role", []).append(
                gettext("must be one of %(roles)s") % {"roles": ", ".join(ROLES)}
            )
        for name in ("username", "email"):
            key = (name, getattr(person, name).lower())
            if not key[1]:
                continue
            if key in first and first[key] is not person:
                earlier = first[key]
                found.setdefault(name, []).append(
                    gettext("repeats line %(line)s") % {"line": earlier.line}
                    if earlier.line
                    else gettext("given twice")
                )
            first.setdefault(key, person)
        for name, messages in found.items():
            errors[person.where(name)] = messages
    return errors


def add_people(*, people: list[NewPerson], actor, link: LinkPlace) -> list[User]:
    """Add every person or, if any is invalid (``check_new_people``), nobody: raises
    ``PeopleInvalid``. Each gets an unusable password and, once committed, an e-mail
    with a link to set one."""
    errors = check_new_people(people)
    if errors:
        raise PeopleInvalid(errors)
    with transaction.atomic():
        try:
            with transaction.atomic():
                users = User.objects.bulk_create(
                    [
                        User(
                            username=person.username,
                            email=person.email,
                            is_staff=person.role == ADMIN,
                            password=_unusable(),
                        )
                        for person in people
                    ]
                )
        except IntegrityError:  # a rival request took a username since the check
            raise PeopleInvalid(
                {"username": [gettext("An account with one of these usernames was made "
                                      "meanwhile: check again.")]}
            ) from None  # fmt: skip
        groups = dict(Group.objects.filter(name__in=Role.values).values_list("name", "pk"))
        User.groups.through.objects.bulk_create(
            [
                User.groups.through(user_id=user.pk, group_id=groups[person.role])
                for user, person in zip(users, people, strict=True)
                if person.role != ADMIN
            ]
        )
        LogEntry.objects.log_actions(
            user_id=actor.pk,
            queryset=users,
            action_flag=ADDITION,
            change_message="Added in the People page or the API; a set-your-password link "
            "was sent.",
        )
        for user in users:
            _send_link_on_commit(user, link, new=True)
    return users


def send_password_link(*, user: User, actor, link: LinkPlace) -> None:
    """E-mail ``user`` a link to set a new password (their current one works until then)."""
    if not user.is_active:
        raise PeopleInvalid({"user": ["The account is deactivated: reactivate it first."]})
    if not user.email:
        raise PeopleInvalid({"email": ["The account has no e-mail address."]})
    with transaction.atomic():
        _log(actor, user, "Sent a link to set a new password.")
        _send_link_on_commit(user, link, new=False)


def change_role(*, user: User, role: str, actor) -> None:
    """Give ``user`` the role ``role`` (``admin``: staff, no role group)."""
    if role not in ROLES:
        raise PeopleInvalid({"role": [f"must be one of {', '.join(ROLES)}"]})
    _refuse_own_or_superuser(user, actor, "role")
    with transaction.atomic():
        before = user.role
        user.is_staff = role == ADMIN
        user.save(update_fields=["is_staff"])
        set_role(user=user, role="" if role == ADMIN else role)
        _log(actor, user, f"Role changed from {before or 'none'} to {role}.")
    user.__dict__.pop("role", None)
    user.__dict__.pop("role_name", None)


def deactivate(*, user: User, actor) -> None:
    """Refuse ``user`` every way in (sessions ended, API tokens revoked); their quotes,
    assignments and adjudications stay theirs."""
    _refuse_own_or_superuser(user, actor, "user")
    with transaction.atomic():
        personal_data.deactivate_user(user=user)
        _log(actor, user, "Deactivated: sessions ended, API tokens revoked.")


def reactivate(*, user: User, actor) -> None:
    """Let ``user`` log in again (with their password; their old tokens stay revoked)."""
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        _log(actor, user, "Reactivated.")


def change_person(*, user: User, actor, role: str | None = None, active: bool | None = None):
    """Both changes of the API's PATCH in one transaction: a role, and deactivating or
    reactivating (``None``: unchanged)."""
    with transaction.atomic():
        if role is not None:
            change_role(user=user, role=role, actor=actor)
        if active is not None and active != user.is_active:
            (reactivate if active else deactivate)(user=user, actor=actor)


def _refuse_own_or_superuser(user, actor, name: str) -> None:
    if user.pk == actor.pk:
        raise PeopleInvalid({name: ["Not your own account: ask another admin."]})
    if user.is_superuser and not actor.is_superuser:
        raise PeopleInvalid({name: ["Only a superuser changes a superuser."]})


def _unusable() -> str:
    user = User()
    user.set_unusable_password()
    return user.password


def _log(actor, user, message: str) -> None:
    LogEntry.objects.log_actions(
        user_id=actor.pk, queryset=[user], action_flag=CHANGE, change_message=message
    )


def _send_link_on_commit(user: User, link: LinkPlace, *, new: bool) -> None:
    context = {
        "user": user,
        "new": new,
        "protocol": "https" if link.use_https else "http",
        "domain": link.domain,
        "path": reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        ),
        "hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
    }
    # In the person's own language if they chose one, else the site's.
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = gettext("Set your newsannot password" if new else "Set a new newsannot password")
        body = render_to_string("accounts/password_link_email.txt", context)
    # After the commit: a rolled-back batch sends nothing. A mail server that fails is
    # logged and does not undo the accounts: "Send a password link" sends another.
    transaction.on_commit(lambda: send_mail(subject, body, None, [user.email]), robust=True)
