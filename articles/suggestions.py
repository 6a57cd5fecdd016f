"""Machine suggestions: run the extraction engine over articles, keep one shared set per
article, and copy it into each assigned annotator's quotes to accept, correct or reject.

Writes are keyword-only and atomic, like ``articles.quotes``; they live apart because they
drive the engine. Human work is never touched: a suggestion is not copied where the
annotator already has a quote overlapping it, nor where they rejected it before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from articles.extraction import Scope, extract
from articles.extraction.spelling import fold, similar
from articles.history.record import record
from articles.models import (
    Assignment,
    Quote,
    RejectedSuggestion,
    Speaker,
    SpeakerAlias,
    Suggestion,
)


@dataclass(frozen=True)
class SuggestResult:
    articles: int
    suggestions: int
    copies: int
    new_speakers: int

    def __str__(self) -> str:
        return (
            f"{self.articles} articles: {self.suggestions} new suggestions, "
            f"{self.copies} given to annotators, {self.new_speakers} speakers proposed."
        )


def suggest_quotes(*, articles: Iterable) -> SuggestResult:
    """Run the engine on each article (one transaction each) in its project's attribution
    scope, store new suggestions, match their speakers to the catalog (proposing new
    entries), and copy them to the article's annotators. Running it again adds only what
    is new: after a change of scope, what the new scope finds besides."""
    counted = suggestions = copies = new_speakers = 0
    catalogs: dict[int, _Catalog] = {}
    for article in articles:
        counted += 1
        catalog = catalogs.get(article.project_id)
        if catalog is None:
            catalog = catalogs[article.project_id] = _Catalog(article.project)
        quotes, speakers = extract(article.text, scope=Scope(catalog.project.attribution_scope))
        with transaction.atomic():
            known = set(article.suggestions.values_list("start", "end"))
            described = {entry.name: entry for entry in speakers}
            made = []
            for quote in quotes:
                if (quote.start, quote.end) in known:
                    continue
                speaker = None
                if quote.speaker:
                    speaker, created = catalog.speaker_for(
                        described.get(quote.speaker), quote.speaker
                    )
                    new_speakers += created
                made.append(
                    Suggestion.spanning(
                        quote, article=article, speaker=speaker, confidence=quote.confidence
                    )
                )
            stored, copied = store_suggestions(article=article, suggestions=made, known=known)
            suggestions += stored
            copies += copied
    return SuggestResult(counted, suggestions, copies, new_speakers)


def store_suggestions(
    *, article, suggestions: list[Suggestion], known=None, actor=None
) -> tuple[int, int]:
    """Save an article's new suggestions (spans it has already are skipped) and give them
    to its annotators whose sets are open; return ``(stored, copies)``. The history names
    ``actor`` (who posted them), or the engine. Call inside transaction.atomic()."""
    if known is None:
        known = set(article.suggestions.values_list("start", "end"))
    new = [s for s in suggestions if (s.start, s.end) not in known]
    Suggestion.objects.bulk_create(new)
    # A done or skipped set is read-only (and done means judged): nothing new lands in
    # it. The lock keeps a concurrent Done from passing between this read and the copy.
    annotators = list(
        article.assignments.select_for_update(no_key=True)
        .filter(status__in=Assignment.OPEN)
        .values_list("annotator_id", flat=True)
    )
    copies = copy_suggestions(annotators_by_article={article.pk: annotators})
    if new or copies:
        record(
            kind="suggestions.added",
            project_id=article.project_id,
            article_id=article.pk,
            payload={
                "source": new[0].source if new else None,
                "suggestions": len(new),
                "copies": copies,
            },
            **({"actor_id": actor.pk} if actor else {"actor_id": None, "agent": "engine"}),
        )
    return len(new), copies


def copy_suggestions(*, annotators_by_article: dict[int, list[int]]) -> int:
    """Give each annotator (by id) the suggestions of their article (by id) that they have
    neither covered nor rejected; return how many quotes that made, in a few queries
    whatever the number of articles. Call inside transaction.atomic()."""
    made = []
    articles = [article for article, people in annotators_by_article.items() if people]
    for i in range(0, len(articles), _ARTICLES_A_QUERY):
        chunk = {
            article: annotators_by_article[article]
            for article in articles[i : i + _ARTICLES_A_QUERY]
        }
        made += _copies(chunk)
    Quote.objects.bulk_create(made)
    return len(made)


# SQLite takes at most 32,766 parameters a statement.
_ARTICLES_A_QUERY = 1000


def _copies(annotators_by_article: dict[int, list[int]]) -> list[Quote]:
    suggestions: dict[int, list[Suggestion]] = {}
    for suggestion in Suggestion.objects.filter(article_id__in=annotators_by_article):
        suggestions.setdefault(suggestion.article_id, []).append(suggestion)
    if not suggestions:
        return []
    people = {person for group in annotators_by_article.values() for person in group}
    taken: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for covered in (
        Quote.objects.annotations().filter(article_id__in=suggestions, annotator_id__in=people),
        RejectedSuggestion.objects.filter(article_id__in=suggestions, annotator_id__in=people),
    ):
        for article_id, annotator_id, start, end in covered.values_list(
            "article_id", "annotator_id", "start", "end"
        ):
            taken.setdefault((article_id, annotator_id), []).append((start, end))
    return [
        Quote.spanning(
            s,
            article_id=article_id,
            annotator_id=annotator_id,
            speaker_id=s.speaker_id,
            origin=Quote.Origin.SUGGESTED,
        )
        for article_id, annotators in annotators_by_article.items()
        for annotator_id in annotators
        for s in suggestions.get(article_id, [])
        if not any(
            start < s.end and s.start < end
            for start, end in taken.get((article_id, annotator_id), [])
        )
    ]


def suggest_for_assignments(*, assignments: Iterable[Assignment]) -> int:
    """Copy existing suggestions to newly assigned annotators."""
    by_article: dict[int, list[int]] = {}
    for assignment in assignments:
        by_article.setdefault(assignment.article_id, []).append(assignment.annotator_id)
    return copy_suggestions(annotators_by_article=by_article)


class _Catalog:
    """A project's speakers by every name and alias, to match the engine's names
    (misspellings of a known full name included: "Ingrid Falkenburg")."""

    def __init__(self, project):
        self.project = project
        self.by_name: dict[str, Speaker] = {}
        for speaker in Speaker.objects.filter(project=project).prefetch_related("aliases"):
            for name in [speaker.name, *(a.name for a in speaker.aliases.all())]:
                self.by_name.setdefault(fold(name), speaker)

    def speaker_for(self, entry, name: str) -> tuple[Speaker, bool]:
        names = [name, *(entry.aliases if entry else ())]
        for candidate in names:
            found = self.by_name.get(fold(candidate))
            if found is not None:
                return found, False
        found = self._misspelled(name)
        if found is not None:
            return found, False
        speaker = Speaker.objects.create(
            project=self.project,
            name=name,
            description=entry.description if entry else "",
            proposed=True,
        )
        SpeakerAlias.objects.bulk_create(
            SpeakerAlias(speaker=speaker, name=alias)
            for alias in dict.fromkeys(names[1:])
            if fold(alias) != fold(name)
        )
        for candidate in names:
            self.by_name[fold(candidate)] = speaker
        return speaker, True

    def _misspelled(self, name: str) -> Speaker | None:
        words = name.split()
        if len(words) < 2:
            return None
        for known, speaker in self.by_name.items():
            own = known.split()
            if len(own) == len(words) and own[0] == fold(words[0]) and similar(own[-1], words[-1]):
                return speaker
        return None
