"""Quote writes in ``articles.quotes`` against the real database: what an edit or an
accepted suggestion returns is the quote as stored."""

import pytest

from articles.models import Assignment, Quote
from articles.quotes import accept_suggestion, update_quote
from articles.types import QuoteInput
from tests.factories import ArticleFactory, SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db


def _row(quote):
    return {field.attname: getattr(quote, field.attname) for field in Quote._meta.concrete_fields}


def test_update_and_accept_return_the_quote_as_stored():
    article = ArticleFactory(text="– Vi er klare, sier Ola Berg. Han mener at det går.")
    target = article.project.targets.create(name="Planen")
    speaker = SpeakerFactory(project=article.project)
    annotator = UserFactory()
    Assignment.objects.create(article=article, annotator=annotator)
    suggestion = Quote.objects.create(
        article=article, annotator=annotator, start=2, end=13, text="Vi er klare",
        origin="suggested",
    )  # fmt: skip
    data = QuoteInput(
        start=2, end=13, text="Vi er klare", kind="mixed", speaker=speaker,
        cue_start=15, cue_end=19, stances={target: "favor"},
    )  # fmt: skip
    updated = update_quote(quote=suggestion, version=1, data=data)
    assert _row(updated) == _row(Quote.objects.get(pk=suggestion.pk))
    assert (updated.origin, updated.version, updated.kind) == ("corrected", 2, "mixed")
    assert list(updated.stances.values_list("label", flat=True)) == ["favor"]

    other = Quote.objects.create(
        article=article, annotator=suggestion.annotator, start=30, end=51,
        text=article.text[30:51], origin="suggested",
    )  # fmt: skip
    accepted = accept_suggestion(quote=other, version=1)
    assert _row(accepted) == _row(Quote.objects.get(pk=other.pk))
    assert (accepted.origin, accepted.version) == ("accepted", 2)
