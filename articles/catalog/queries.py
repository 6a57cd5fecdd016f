"""The catalog page's read: a project's speakers, found by name or alias, with the quotes
the reader may count."""

from django.db.models import Exists, OuterRef, Q

from articles.models import SpeakerAlias

ORDER = {"name": ("name", "id"), "-quotes": ("-quote_count", "name"), "-created": ("-id",)}


def catalog(project, user, query: dict):
    """The speakers matching the checked ``query`` (q, status, sort), aliases prefetched."""
    speakers = project.speakers.with_quote_counts(user).prefetch_related("aliases")
    if query.get("q"):
        q = query["q"]
        alias = SpeakerAlias.objects.filter(speaker=OuterRef("pk"), name__icontains=q)
        speakers = speakers.filter(Q(name__icontains=q) | Exists(alias))
    if query.get("status") == "proposed":
        speakers = speakers.filter(proposed=True)
    elif query.get("status") == "confirmed":
        speakers = speakers.filter(proposed=False)
    return speakers.order_by(*ORDER[query.get("sort") or "name"])
