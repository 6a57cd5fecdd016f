import pytest

from articles.assignments import assign_articles
from articles.models import Quote, Suggestion
from articles.speakers import merge_speakers
from tests.factories import ArticleFactory, ProjectFactory, SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_merge_moves_the_engines_suggestions_so_later_annotators_get_the_speaker():
    project = ProjectFactory()
    article = ArticleFactory(project=project, text="– Vi bygger, sier Ola Vik.")
    proposed = SpeakerFactory(project=project, name="Ola Vikk", proposed=True)
    known = SpeakerFactory(project=project, name="Ola Vik")
    suggestion = Suggestion.objects.create(
        article=article, start=2, end=11, text="Vi bygger", kind="direct", speaker=proposed,
        confidence=0.9,
    )  # fmt: skip

    merge_speakers(source=proposed, target=known)

    suggestion.refresh_from_db()
    assert suggestion.speaker == known
    late = UserFactory(username="late")
    assign_articles(articles=[article], annotators=[late])
    copy = Quote.objects.get(annotator=late)
    assert (copy.origin, copy.speaker) == ("suggested", known)
