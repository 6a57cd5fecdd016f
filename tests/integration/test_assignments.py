"""``articles.assignments.assign_articles`` against the real database."""

import pytest

from articles.assignments import assign_articles
from articles.models import Assignment
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_assign_articles_is_idempotent_and_adds_membership():
    project = ProjectFactory()
    articles = [ArticleFactory(project=project) for _ in range(3)]
    annotators = [UserFactory(role="annotator") for _ in range(2)]
    assert assign_articles(articles=articles, annotators=annotators) == 6
    assert assign_articles(articles=articles, annotators=annotators) == 0
    assert Assignment.objects.count() == 6
    assert set(project.members.all()) == set(annotators)
    assert all(a.status == Assignment.Status.TODO for a in Assignment.objects.all())
