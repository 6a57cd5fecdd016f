"""Everything the annotation workspace shows for one article: a read model built from a
fixed number of queries, whatever the number of quotes.

Quotes are read as plain rows (``.values()``), not model instances: the workspace shows
hundreds of them per request and never writes through them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.contrib.auth import get_user_model
from django.template.defaultfilters import slugify
from django.urls import reverse
from django.utils.safestring import mark_safe

from accounts.roles import reviews
from articles.annotation.highlight import Span, paragraphs, render_text
from articles.annotation.palette import speaker_classes
from articles.annotation.quote_list import render_quote_items
from articles.ingest.cleanup import marked_paragraphs
from articles.models import Assignment, Quote
from articles.permissions import ArticleAccess
from articles.quote_checks import stance_targets

PREVIEW_LENGTH = 90
KIND_LABELS = dict(Quote.Kind.choices)
# A project has a handful of stance labels, shown on hundreds of chips per page.
_label_class = lru_cache(maxsize=256)(slugify)
_UNREAD = object()


@dataclass
class QuoteRow:
    """One quote as the workspace shows it."""

    id: int
    version: int
    start: int
    end: int
    text: str
    kind: str
    origin: str
    speaker_id: int | None
    speaker_name: str
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    color: str = ""
    stances: list[tuple[int, str, str]] = field(default_factory=list)  # target, name, label
    annotator_id: int | None = None  # set where quotes of several people are shown
    source_id: int | None = None  # a gold quote's annotator quote

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def spoken_label(self) -> str:
        """What a screen reader says where the quote starts in the text."""
        what = "Suggested quote" if self.origin == Quote.Origin.SUGGESTED else "Quote"
        return f"{what} by {self.speaker_name}" if self.speaker_name else f"{what}, speaker unknown"

    @property
    def preview(self) -> str:
        text = self.text
        return text if len(text) <= PREVIEW_LENGTH else text[: PREVIEW_LENGTH - 1] + "…"

    @property
    def chips(self) -> list[tuple[str, str, str]]:
        return [(name, label, _label_class(label)) for _, name, label in self.stances]

    def as_data(self, article_text: str) -> dict:
        """What the browser's quote form needs."""
        return {
            "id": self.id,
            "version": self.version,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "origin": self.origin,
            "speaker": self.speaker_id,
            "speaker_name": self.speaker_name,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "cue_text": (
                article_text[self.cue_start : self.cue_end] if self.cue_start is not None else ""
            ),
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "stances": {str(target): label for target, _, label in self.stances},
        }


@dataclass
class Workspace:
    article: object
    access: ArticleAccess
    user: object
    shown: object  # the annotator whose quotes are on screen
    quotes: list[QuoteRow]
    targets: list
    annotators: list
    legend: list
    has_gold: bool = False  # the article has an adjudicated gold set the user may see
    gold: bool = False  # the gold set is on screen (read-only)

    @property
    def editable(self) -> bool:
        return self.access.can_annotate and self.shown is not None and self.shown.pk == self.user.pk

    @property
    def can_adjudicate(self) -> bool:
        """Reviewers and admins (who see every annotator's quotes) adjudicate."""
        return self.access.can_see_others and reviews(self.user)

    @property
    def assignment_status(self) -> str:
        return self.access.assignment.status if self.access.assignment else ""

    @cached_property
    def waiting_ids(self) -> str:
        """The shown set's suggestions nobody has judged yet, as the ids "accept all" and
        "reject all" confirm (comma-separated)."""
        return ",".join(str(q.id) for q in self.quotes if q.origin == Quote.Origin.SUGGESTED)

    @property
    def waiting_count(self) -> int:
        return self.waiting_ids.count(",") + 1 if self.waiting_ids else 0

    @cached_property
    def text_html(self) -> str:
        spans = [
            Span(
                id=q.id,
                start=q.start,
                end=q.end,
                color=q.color,
                suggested=q.origin == Quote.Origin.SUGGESTED,
                cue_start=q.cue_start,
                cue_end=q.cue_end,
                label=q.spoken_label,
            )
            for q in self.quotes
        ]
        text = self.article.text
        marks = marked_paragraphs(text, paragraphs(text))  # a repeat hidden, site text greyed
        return mark_safe(render_text(text, spans, marks))  # noqa: S308 - all escaped

    def quote_items_html(self) -> str:
        return mark_safe(render_quote_items(self.quotes))  # noqa: S308 - all escaped

    @cached_property
    def next_url(self) -> str | None:
        # The annotator's assignment may carry it (``with_next_open``); else ask.
        next_id = getattr(self.access.assignment, "next_open_article_id", _UNREAD)
        if next_id is _UNREAD:
            return next_article_url(self.user, self.article.project)
        return reverse("articles:article", args=[next_id]) if next_id is not None else None

    # JSON for data-* attributes: htmx (rightly, with allowScriptTags off) drops every
    # <script> from swapped content, JSON data blocks included.

    def text_json(self) -> str:
        return json.dumps(self.article.text)

    def quotes_json(self) -> str:
        return json.dumps([quote.as_data(self.article.text) for quote in self.quotes])


def build_workspace(
    *,
    article,
    access: ArticleAccess,
    user,
    annotator_name: str = "",
    gold: bool = False,
    targets=None,
):
    """Read one annotator's quotes on the article (the user's own unless they may look at
    others'), or with ``gold`` its adjudicated gold set (for those who see others'), with
    the targets and the legend. ``targets`` may be passed if already read."""
    annotators = []
    has_gold = False
    if access.can_see_others:
        annotators = list(
            get_user_model()
            .objects.filter(assignments__article=article)
            .order_by("username")
            .only("id", "username")
        )
        has_gold = Quote.objects.gold().filter(article_id=article.pk).exists()
    shown = user
    gold = gold and has_gold
    if gold:
        shown = GOLD_SET
    elif annotator_name and access.can_see_others:
        shown = next((a for a in annotators if a.username == annotator_name), None)
    elif access.assignment is None and annotators:
        shown = annotators[0]
    targets = stance_targets(article.project) if targets is None else targets
    if gold:
        quotes = quote_rows(Quote.objects.gold().filter(article_id=article.pk), targets)
    else:
        quotes = _quote_rows(article, shown, targets) if shown is not None else []
    colors = speaker_classes((quote.speaker_id, quote.id) for quote in quotes)
    legend: dict[int | None, list] = {}
    for quote in quotes:
        key = quote.speaker_id
        if key not in legend:
            legend[key] = [quote.speaker_name, colors[key], 0]
        quote.color = colors[key]
        legend[key][2] += 1
    return Workspace(
        article=article,
        access=access,
        user=user,
        shown=shown,
        quotes=quotes,
        targets=targets,
        annotators=annotators,
        legend=list(legend.values()),
        has_gold=has_gold,
        gold=gold,
    )


@dataclass(frozen=True)
class _GoldSet:
    """Who 'shows' the gold set: nobody's, so never the user's own and never editable."""

    pk: None = None
    username: str = "gold"


GOLD_SET = _GoldSet()


# In QuoteRow's field order, speaker__name standing for speaker_name; then the quote's
# annotator and source, and one stance (a row per stance, or one for a quote without any).
_ROW_FIELDS = (
    "id", "version", "start", "end", "text", "kind", "origin", "speaker_id",
    "speaker__name", "cue_start", "cue_end", "speaker_start", "speaker_end",
    "annotator_id", "source_id", "stances__target_id", "stances__label",
)  # fmt: skip
_TEXT_ORDER = ("start", "end", "id")


def _quote_rows(article, annotator, targets) -> list[QuoteRow]:
    """The annotator's own quotes: the workspace's read after every write."""
    own = Quote.objects.annotations().filter(article_id=article.pk, annotator_id=annotator.pk)
    return quote_rows(own, targets)


def quote_rows(quotes, targets) -> list[QuoteRow]:
    """The quotes (a queryset) with their stances as ``QuoteRow``s, in text order, from
    one query."""
    return _grouped(quotes.values_list(*_ROW_FIELDS).order_by(*_TEXT_ORDER), targets)


def _grouped(values, targets) -> list[QuoteRow]:
    names = {target.pk: target.name for target in targets}
    rows: list[QuoteRow] = []
    for *fields, annotator_id, source_id, target_id, label in values:
        if not rows or rows[-1].id != fields[0]:
            fields[8] = fields[8] or ""  # no speaker
            rows.append(QuoteRow(*fields, annotator_id=annotator_id, source_id=source_id))
        if target_id is not None:
            rows[-1].stances.append((target_id, names.get(target_id, "?"), label))
    for row in rows:
        row.stances.sort(key=lambda stance: stance[1])
    return rows


def next_article_url(user, project) -> str | None:
    assignment = Assignment.objects.next_open(user, project)
    return reverse("articles:article", args=[assignment.article_id]) if assignment else None


def quote_state(quote) -> dict:
    """A model quote in the browser form's shape, e.g. to show the current state after a
    conflict."""
    row = QuoteRow(
        id=quote.pk,
        version=quote.version,
        start=quote.start,
        end=quote.end,
        text=quote.text,
        kind=quote.kind,
        origin=quote.origin,
        speaker_id=quote.speaker_id,
        speaker_name=quote.speaker.name if quote.speaker else "",
        cue_start=quote.cue_start,
        cue_end=quote.cue_end,
        speaker_start=quote.speaker_start,
        speaker_end=quote.speaker_end,
        # The form keys stances by target id; the name would cost a query per stance.
        stances=[(s.target_id, "", s.label) for s in quote.stances.all()],
    )
    return row.as_data(quote.article.text)
