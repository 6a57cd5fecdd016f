"""Flags as the API and ``export_project --flags`` give them: one JSON object a flag,
with its thread, oldest first."""

from collections.abc import Iterator

from django.db.models import QuerySet

from articles.discussion.models import Flag
from articles.history.reads import jsonl_lines

LINES_A_CHUNK = 500


def item(flag: Flag) -> dict:
    """One flag with its replies (read with ``Flag.objects.with_thread()``)."""
    return {
        "id": flag.pk,
        "article": flag.article_id,
        "quote": flag.quote_id,
        "quote_text": flag.quote_text or None,
        "reason": flag.reason,
        "note": flag.note,
        "author": flag.author.get_username(),
        "created_at": flag.created_at.isoformat(),
        "status": flag.status,
        "resolved_by": flag.resolved_by.get_username() if flag.resolved_by_id else None,
        "resolved_at": flag.resolved_at.isoformat() if flag.resolved_at else None,
        "replies": [
            {"author": r.author.get_username(), "note": r.note, "at": r.created_at.isoformat()}
            for r in flag.replies.all()
        ],
    }


def jsonl_chunks(flags: QuerySet[Flag]) -> Iterator[bytes]:
    """The flags as JSONL in UTF-8, read 500 at a time with their threads."""
    flags = flags.with_thread().order_by("id").iterator(chunk_size=LINES_A_CHUNK)
    return jsonl_lines(flags, item)
