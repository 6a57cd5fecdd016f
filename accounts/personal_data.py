"""What the system holds about a person, and how a departed one leaves.

``user_data`` gathers everything about one user as JSON-ready data (never a password
hash, token digest, session key or two-factor secret). ``deactivate_user`` ends their
access; ``anonymise_user`` also replaces their name with a stable pseudonym and clears
what identifies them, keeping their work so that exports and agreement stay the same but
for the name. The README's "Personal data" section lists where each item lives.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp import devices_for_user

from accounts.models import ApiToken, User
from articles.history.reads import item as history_item
from articles.history.reads import with_actors
from articles.models import Adjudication, Assignment, HistoryEvent, Quote, RejectedSuggestion

PSEUDONYM_PREFIX = "annotator-"
_HMAC_SALT = "newsannot.accounts.personal_data.pseudonym"
# Fields that are secrets, not data about the person: never exported.
_SECRET_FIELDS = {"password"}


def user_data(user: User) -> dict:
    """Everything the system holds about ``user``, ready for ``json.dumps``."""
    profile = {
        field.attname: _plain(getattr(user, field.attname))
        for field in User._meta.concrete_fields
        if field.attname not in _SECRET_FIELDS
    }
    profile |= {
        "role": user.role,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "has_usable_password": user.has_usable_password(),
    }
    return {
        "exported_at": timezone.now().isoformat(),
        "user": profile,
        "projects": list(user.projects.order_by("slug").values("slug", "name")),
        "assignments": [
            {
                "project": a.article.project.slug,
                "article_id": a.article_id,
                "article_title": a.article.title,
                "status": a.status,
                "created_at": _plain(a.created_at),
                "started_at": _plain(a.started_at),
                "finished_at": _plain(a.finished_at),
            }
            for a in Assignment.objects.filter(annotator=user).select_related("article__project")
        ],
        "quotes": _quotes(user),
        "adjudications": [
            {
                "project": a.article.project.slug,
                "article_id": a.article_id,
                "article_title": a.article.title,
                "status": a.status,
                "started_at": _plain(a.started_at),
                "finished_at": _plain(a.finished_at),
            }
            for a in Adjudication.objects.filter(reviewer=user).select_related("article__project")
        ],
        "rejected_suggestions": [
            {
                "project": r.article.project.slug,
                "article_id": r.article_id,
                "start": r.start,
                "end": r.end,
                "created_at": _plain(r.created_at),
            }
            for r in RejectedSuggestion.objects.filter(annotator=user).select_related(
                "article__project"
            )
        ],
        "api_tokens": [
            {
                "name": t.name,
                "scope": t.scope,
                "created": _plain(t.created),
                "expiry": _plain(t.expiry),
                "last_used": _plain(t.last_used),
            }
            for t in ApiToken.objects.filter(user=user)
        ],
        "sessions": [{"expires": _plain(expiry)} for _, expiry in _sessions_of(user)],
        "two_factor_devices": [
            {
                "type": device._meta.verbose_name,
                "name": device.name,
                "confirmed": device.confirmed,
                "created_at": _plain(getattr(device, "created_at", None)),
                "last_used_at": _plain(getattr(device, "last_used_at", None)),
            }
            for device in devices_for_user(user, confirmed=None)
        ],
        "login_attempts": _login_attempts(user.get_username()),
        # The changes they made to annotation data (articles.history), with their projects.
        "history": [
            {"project": event.project.slug, **history_item(event)}
            for event in with_actors(
                HistoryEvent.objects.filter(actor=user).select_related("project")
            )
        ],
        "admin_actions": [
            {
                "time": _plain(entry.action_time),
                "action": entry.get_action_flag_display(),
                "object_type": entry.content_type and entry.content_type.model,
                "object": entry.object_repr,
                "change": entry.get_change_message(),
            }
            for entry in LogEntry.objects.filter(user=user).select_related("content_type")
        ],
    }


def deactivate_user(*, user: User) -> None:
    """Refuse the user every way in: inactive, API tokens revoked, sessions ended."""
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        ApiToken.objects.filter(user=user).delete()
    end_sessions(user)


def anonymise_user(*, user: User) -> str:
    """Deactivate the user and replace what identifies them (name, e-mail, sign-on
    identity, two-factor devices, login records) with a stable pseudonym; their quotes,
    assignments and adjudications stay theirs. Returns the new username."""
    old = user.get_username()
    with transaction.atomic():
        name = old if _is_pseudonym(user, old) else _free_pseudonym(user)
        user.username = name
        user.first_name = user.last_name = user.email = ""
        user.oidc_issuer = user.oidc_subject = ""
        user.last_login = None
        user.set_unusable_password()
        user.save()
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        _forget_logins(old)
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        ).update(object_repr=name)
        deactivate_user(user=user)
    return name


def pseudonym(user: User, length: int = 8) -> str:
    """The user's pseudonym: the prefix and ``length`` hex digits of an HMAC of their id
    under ``SECRET_KEY``, so it is always the same for the same user and reveals nothing."""
    digest = salted_hmac(_HMAC_SALT, str(user.pk), algorithm="sha256").hexdigest()
    return f"{PSEUDONYM_PREFIX}{digest[:length]}"


def end_sessions(user: User) -> int:
    """Delete every session the user is logged in with (from the cache too); the count."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = [key for key, _ in _sessions_of(user)]
    for key in keys:
        store(session_key=key).delete()
    return len(keys)


def _free_pseudonym(user: User) -> str:
    # Eight hex digits; longer only if another account already has that name.
    for length in (8, 12, 16, 24, 32, 64):
        name = pseudonym(user, length)
        if not User.objects.filter(username=name).exclude(pk=user.pk).exists():
            return name
    raise RuntimeError(f"no free pseudonym for user {user.pk}")


def _is_pseudonym(user: User, name: str) -> bool:
    return any(name == pseudonym(user, length) for length in (8, 12, 16, 24, 32, 64))


def _sessions_of(user: User) -> list[tuple[str, object]]:
    """The user's unexpired sessions as (key, expiry). Sessions are not indexed by user,
    so each is decoded: fine for an admin's occasional request."""
    found = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            found.append((session.session_key, session.expire_date))
    return found


def _quotes(user: User) -> list[dict]:
    quotes = (
        Quote.objects.filter(annotator=user)
        .select_related("article__project", "speaker")
        .prefetch_related("stances__target")
        .order_by("article_id", "start", "end", "id")
    )
    return [
        {
            "id": q.pk,
            "project": q.article.project.slug,
            "article_id": q.article_id,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "kind": q.kind,
            "origin": q.origin,
            "speaker": q.speaker.name if q.speaker else None,
            "cue": None if q.cue_start is None else [q.cue_start, q.cue_end],
            "stances": [{"target": s.target.name, "label": s.label} for s in q.stances.all()],
            "created_at": _plain(q.created_at),
            "updated_at": _plain(q.updated_at),
        }
        for q in quotes
    ]


def _login_attempts(username: str) -> dict:
    """What django-axes recorded under the username: failures, lockouts and logins, with
    client addresses and browsers."""
    if not apps.is_installed("axes"):
        return {}
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    common = ("attempt_time", "ip_address", "user_agent", "http_accept", "path_info")
    return {
        "failed": _rows(
            AccessAttempt.objects.filter(username=username),
            (*common, "get_data", "post_data", "failures_since_start"),
        ),
        "failure_log": _rows(
            AccessFailureLog.objects.filter(username=username), (*common, "locked_out")
        ),
        "logins": _rows(AccessLog.objects.filter(username=username), (*common, "logout_time")),
    }


def _forget_logins(username: str) -> None:
    if not apps.is_installed("axes"):
        return
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=username).delete()


def _rows(queryset, fields: tuple[str, ...]) -> list[dict]:
    return [
        {name: _plain(value) for name, value in row.items()}
        for row in queryset.order_by("attempt_time").values(*fields)
    ]


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value
