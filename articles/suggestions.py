"""Machine suggestions: run the extraction engine over articles, keep one shared set per
article, and copy it into each assigned annotator's quotes to accept, correct or reject.

Writes are keyword-only and atomic, like ``services``; they live apart because they
drive the engine. Human work is never touched: a suggestion is not copied where the
annotator already has a quote overlapping it, nor where they rejected it before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from articles.extraction import extract
from articles.extraction.names import fold, similar
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


def suggest_quotes(*, articles: Iterable, extractor=extract) -> SuggestResult:
    """Run the engine on each article (one transaction each), store new suggestions,
    match their speakers to the catalog (proposing new entries), and copy them to the
    article's annotators. Running it again adds only what is new."""
    counted = suggestions = copies = new_speakers = 0
    catalogs: dict[int, _Catalog] = {}
    for article in articles:
        counted += 1
        catalog = catalogs.setdefault(article.project_id, _Catalog(article.project))
        quotes, speakers = extractor(article.text)
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
                    Suggestion(
                        article=article,
                        start=quote.start,
                        end=quote.end,
                        text=quote.text,
                        kind=quote.kind,
                        speaker=speaker,
                        cue_start=quote.cue_start,
                        cue_end=quote.cue_end,
                        confidence=quote.confidence,
                    )
                )
            stored, copied = store_suggestions(article=article, suggestions=made, known=known)
            suggestions += stored
            copies += copied
    return SuggestResult(counted, suggestions, copies, new_speakers)


def store_suggestions(*, article, suggestions: list[Suggestion], known=None) -> tuple[int, int]:
    """Save an article's new suggestions (spans it has already are skipped) and give them
    to its annotators; return ``(stored, copies)``. Call inside transaction.atomic()."""
    if known is None:
        known = set(article.suggestions.values_list("start", "end"))
    new = [s for s in suggestions if (s.start, s.end) not in known]
    Suggestion.objects.bulk_create(new)
    annotators = [a.annotator for a in article.assignments.select_related("annotator")]
    return len(new), copy_suggestions(article=article, annotators=annotators)


def copy_suggestions(*, article, annotators) -> int:
    """Give each annotator the article's suggestions they have neither covered nor
    rejected; return how many quotes that made. Call inside transaction.atomic()."""
    suggestions = list(article.suggestions.all())
    if not suggestions or not annotators:
        return 0
    spans: dict[int, list[tuple[int, int]]] = {}
    for annotator_id, start, end in (
        Quote.objects.annotations()
        .filter(article=article, annotator__in=annotators)
        .values_list("annotator_id", "start", "end")
    ):
        spans.setdefault(annotator_id, []).append((start, end))
    for annotator_id, start, end in RejectedSuggestion.objects.filter(
        article=article, annotator__in=annotators
    ).values_list("annotator_id", "start", "end"):
        spans.setdefault(annotator_id, []).append((start, end))
    made = [
        Quote.spanning(
            s,
            article=article,
            annotator=annotator,
            speaker_id=s.speaker_id,
            origin=Quote.Origin.SUGGESTED,
        )
        for annotator in annotators
        for s in suggestions
        if not any(start < s.end and s.start < end for start, end in spans.get(annotator.pk, []))
    ]
    Quote.objects.bulk_create(made)
    return len(made)


def suggest_for_assignments(*, assignments: Iterable[Assignment]) -> int:
    """Copy existing suggestions to newly assigned annotators."""
    copies = 0
    by_article: dict[int, list] = {}
    articles = {}
    for assignment in assignments:
        by_article.setdefault(assignment.article_id, []).append(assignment.annotator)
        articles[assignment.article_id] = assignment.article
    for article_id, annotators in by_article.items():
        copies += copy_suggestions(article=articles[article_id], annotators=annotators)
    return copies


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
