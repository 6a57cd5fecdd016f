"""Everything the annotation workspace shows for one article, read in a fixed number of
queries whatever the number of quotes."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.safestring import mark_safe

from articles.highlight import Span, render_text
from articles.models import Assignment, Quote
from articles.permissions import ArticleAccess

PALETTE_SIZE = 12


@dataclass
class Workspace:
    article: object
    access: ArticleAccess
    shown: object  # the annotator whose quotes are on screen
    editable: bool
    quotes: list
    targets: list
    speakers: list
    annotators: list
    legend: list
    text_html: str
    suggestion_ids: list

    @property
    def assignment_status(self) -> str:
        return self.access.assignment.status if self.access.assignment else ""

    # JSON for data-* attributes: htmx (rightly, with allowScriptTags off) drops every
    # <script> from swapped content, JSON data blocks included.

    def text_json(self) -> str:
        return json.dumps(self.article.text)

    def quotes_json(self) -> str:
        """The quotes as the browser's form needs them."""
        return json.dumps([quote_as_data(quote, self.article) for quote in self.quotes])

    def suggestions_json(self) -> str:
        return json.dumps(self.suggestion_ids)

    def catalog_json(self) -> str:
        return json.dumps(
            [
                {
                    "id": speaker.pk,
                    "name": speaker.name,
                    "aliases": [alias.name for alias in speaker.aliases.all()],
                    "description": speaker.description,
                }
                for speaker in self.speakers
            ]
        )


def quote_as_data(quote: Quote, article) -> dict:
    return {
        "id": quote.pk,
        "version": quote.version,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "origin": quote.origin,
        "speaker": quote.speaker_id,
        "speaker_name": quote.speaker.name if quote.speaker else "",
        "cue_start": quote.cue_start,
        "cue_end": quote.cue_end,
        "cue_text": (
            article.text[quote.cue_start : quote.cue_end] if quote.cue_start is not None else ""
        ),
        "stances": {str(stance.target_id): stance.label for stance in quote.stances.all()},
    }


def build_workspace(*, article, access: ArticleAccess, user, annotator_name: str = ""):
    """Read the article's quotes of one annotator (the user's own unless they may look at
    others'), with the speaker catalog, targets and highlighting."""
    annotators = []
    if access.can_see_others:
        annotators = list(
            get_user_model()
            .objects.filter(assignments__article=article)
            .order_by("username")
            .only("id", "username")
        )
    shown = user
    if annotator_name and access.can_see_others:
        shown = next((a for a in annotators if a.username == annotator_name), None)
    elif access.assignment is None and annotators:
        shown = annotators[0]
    quotes = (
        list(Quote.objects.filter(article=article, annotator=shown).with_stances())
        if shown is not None
        else []
    )
    colors: dict[int | None, str] = {}
    counts: dict[int | None, int] = {}
    speakers_by_id = {}
    for quote in quotes:
        key = quote.speaker_id
        if key not in colors:
            colors[key] = "spk-none" if key is None else f"spk-{len(colors) % PALETTE_SIZE}"
            speakers_by_id[key] = quote.speaker
        counts[key] = counts.get(key, 0) + 1
    spans = [
        Span(
            id=quote.pk,
            start=quote.start,
            end=quote.end,
            color=colors[quote.speaker_id],
            suggested=quote.origin == Quote.Origin.SUGGESTED,
            cue_start=quote.cue_start,
            cue_end=quote.cue_end,
        )
        for quote in quotes
    ]
    project = article.project
    return Workspace(
        article=article,
        access=access,
        shown=shown,
        editable=access.can_annotate and shown is not None and shown.pk == user.pk,
        quotes=quotes,
        targets=list(project.targets.all()),
        speakers=list(project.speakers.prefetch_related("aliases")),
        annotators=annotators,
        legend=[(speakers_by_id[key], color, counts[key]) for key, color in colors.items()],
        text_html=mark_safe(render_text(article.text, spans)),  # noqa: S308 - escapes all text
        suggestion_ids=[q.pk for q in quotes if q.origin == Quote.Origin.SUGGESTED],
    )


def next_article_url(user, project) -> str | None:
    assignment = Assignment.objects.next_open(user, project)
    return reverse("articles:article", args=[assignment.article_id]) if assignment else None
