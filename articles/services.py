"""Writes that touch several rows or models: keyword-only, validated, then atomic."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.exchange.records import ArticleRecord
from articles.models import Article, Assignment, Project, Speaker, SpeakerAlias


@dataclass(frozen=True)
class ImportResult:
    created: int
    duplicates: int


def import_articles(
    *, project: Project, records: Iterable[ArticleRecord], dry_run: bool = False
) -> ImportResult:
    """Create an article per record, skipping texts the project (or the batch) already has.

    Records must already be valid (``articles.exchange.records``). All or nothing.
    """
    articles: dict[str, Article] = {}
    seen = 0
    for record in records:
        seen += 1
        article = Article(
            project=project,
            title=record.title,
            url=record.url,
            outlet=record.outlet,
            author=record.author,
            published_at=record.published_at,
            language=record.language,
            external_id=record.external_id,
            metadata=record.metadata,
        )
        article.set_text(record.text)
        articles.setdefault(article.text_sha256, article)
    with transaction.atomic():
        existing = set()
        hashes = list(articles)
        for offset in range(0, len(hashes), 1000):
            existing.update(
                project.articles.filter(text_sha256__in=hashes[offset : offset + 1000]).values_list(
                    "text_sha256", flat=True
                )
            )
        new = [article for digest, article in articles.items() if digest not in existing]
        if not dry_run:
            Article.objects.bulk_create(new, batch_size=500)
    return ImportResult(created=len(new), duplicates=seen - len(new))


def merge_speakers(*, source: Speaker, target: Speaker) -> Speaker:
    """Move ``source``'s quotes to ``target``, keep its names as aliases, delete it."""
    if source.pk == target.pk:
        raise ValidationError("A speaker cannot be merged into itself.")
    if source.project_id != target.project_id:
        raise ValidationError(
            f"“{source}” and “{target}” belong to different projects and cannot be merged."
        )
    with transaction.atomic():
        # Lock both rows so that two merges of the same pair cannot interleave.
        locked = Speaker.objects.select_for_update().in_bulk([source.pk, target.pk])
        if len(locked) != 2:
            raise ValidationError("One of the speakers no longer exists.")
        source, target = locked[source.pk], locked[target.pk]
        known = {target.name.casefold()}
        known.update(name.casefold() for name in target.aliases.values_list("name", flat=True))
        new_aliases = []
        for name in [source.name, *source.aliases.values_list("name", flat=True)]:
            if name.casefold() not in known:
                known.add(name.casefold())
                new_aliases.append(SpeakerAlias(speaker=target, name=name))
        source.quotes.update(speaker=target)
        source.delete()
        SpeakerAlias.objects.bulk_create(new_aliases)
        changed = []
        if not target.description and source.description:
            target.description = source.description
            changed.append("description")
        if not target.external_id and source.external_id:
            target.external_id = source.external_id
            changed.append("external_id")
        if changed:
            target.save(update_fields=changed)
    return target


def assign_articles(*, articles: Sequence[Article], annotators: Sequence) -> int:
    """Assign each article to each annotator who does not have it yet; return how many.

    Annotators become members of the articles' projects.
    """
    with transaction.atomic():
        existing = set(
            Assignment.objects.filter(article__in=articles, annotator__in=annotators).values_list(
                "article_id", "annotator_id"
            )
        )
        new = [
            Assignment(article=article, annotator=annotator)
            for article in articles
            for annotator in annotators
            if (article.pk, annotator.pk) not in existing
        ]
        Assignment.objects.bulk_create(new)
        for project in Project.objects.filter(articles__in=articles).distinct():
            project.members.add(*annotators)
    return len(new)
