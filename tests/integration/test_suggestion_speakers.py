"""Speakers the engine only describes ("a spokeswoman for the Treasury", "observers")
reach the suggestions without a speaker: they never become catalog speakers, which
would fill everyone's speaker type-ahead with generic descriptions."""

import pytest

from articles.models import Speaker, Suggestion
from articles.suggestions import suggest_quotes
from tests.factories import ArticleFactory, ProjectFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Inflation rose again in March.\n\n"
    "“We expect prices to settle by the summer,” a spokeswoman for Britain’s Treasury "
    "said.\n\n"
    "“It is too little, too late,” observers said.\n\n"
    "“We will cut rates when we must,” said Governor Helen Achterberg of the central "
    "bank.\n\n"
    "Hansen has done research on Belarus, Russia and Ukraine, among others."
)


def test_described_speakers_are_not_proposed_to_the_catalog():
    article = ArticleFactory(project=ProjectFactory(slug="macro"), text=TEXT)
    result = suggest_quotes(articles=[article])
    assert list(Speaker.objects.values_list("name", "description")) == [
        ("Helen Achterberg", "Governor")
    ]
    assert result.new_speakers == 1
    by_text = {s.text: s.speaker for s in Suggestion.objects.all()}
    assert by_text["We expect prices to settle by the summer"] is None
    assert by_text["It is too little, too late"] is None
