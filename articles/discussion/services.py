"""Raising, answering and resolving flags: each a keyword-only, atomic write that records
its history event in the same transaction. ``FlagRefused`` carries the field's message."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from articles.discussion.models import NOTE_MAX, Flag, FlagReply, Reason
from articles.history.record import by, record
from articles.models import Quote


class FlagRefused(ValueError):
    """A flag, answer or resolution that cannot be written: ``errors`` maps the field to
    its messages, as a form's errors do."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def check_note(note: str) -> str:
    """The note, stripped; refused when empty or longer than ``NOTE_MAX`` characters."""
    note = (note or "").strip()
    if not note:
        raise FlagRefused({"note": [gettext("Write a short note: what is unclear?")]})
    if len(note) > NOTE_MAX:
        message = gettext("The note has %(length)d characters; at most %(max)d fit.")
        raise FlagRefused({"note": [message % {"length": len(note), "max": NOTE_MAX}]})
    return note


def raise_flag(*, article, author, reason: str, note: str, quote: Quote | None = None) -> Flag:
    """Flag ``quote`` (one of the article's) or, without one, the whole article. The
    caller has checked that ``author`` may view the article and the quote."""
    note = check_note(note)
    if reason not in Reason.values:
        raise FlagRefused({"reason": [gettext("Choose why you flag it.")]})
    if quote is not None and quote.article_id != article.pk:
        raise FlagRefused({"quote": [gettext("That quote is not in this article.")]})
    with transaction.atomic():
        flag = Flag.objects.create(
            project_id=article.project_id,
            article=article,
            quote_id=quote.pk if quote else None,
            quote_text=quote.text if quote else "",
            author=author,
            reason=reason,
            note=note,
        )
        record(
            kind="flag.raised",
            project_id=article.project_id,
            article_id=article.pk,
            quote_id=flag.quote_id,
            payload={"flag": flag.pk, "reason": reason, "note": note},
            **by(author),
        )
    return flag


def answer_flag(*, flag: Flag, author, note: str) -> FlagReply:
    """A reply in the flag's thread. The caller has checked that ``author`` reviews the
    project (or wrote the flag)."""
    note = check_note(note)
    with transaction.atomic():
        reply = FlagReply.objects.create(flag=flag, author=author, note=note)
        record(
            kind="flag.answered",
            project_id=flag.project_id,
            article_id=flag.article_id,
            quote_id=flag.quote_id,
            payload={"flag": flag.pk, "reply": reply.pk, "note": note},
            **by(author),
        )
    return reply


def resolve_flag(*, flag: Flag, actor) -> Flag:
    """Close the flag; resolving a resolved one changes nothing and records nothing."""
    with transaction.atomic():
        now = timezone.now()
        updated = Flag.objects.filter(pk=flag.pk, status=Flag.Status.OPEN).update(
            status=Flag.Status.RESOLVED, resolved_by=actor, resolved_at=now
        )
        if updated:
            record(
                kind="flag.resolved",
                project_id=flag.project_id,
                article_id=flag.article_id,
                quote_id=flag.quote_id,
                payload={"flag": flag.pk},
                **by(actor),
            )
    flag.refresh_from_db()
    return flag
