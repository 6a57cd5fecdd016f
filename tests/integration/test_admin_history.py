"""What an admin changes in the Django admin is in the history like any other change:
each deletion of a quote, adjudication or alias, each assignment made, changed or
removed (on its own page or in the article's inline), one event naming the admin; and
stances, changed only in the workspace, cannot be deleted there."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from articles.history.models import HistoryEvent
from articles.models import Adjudication, Assignment, SpeakerAlias, StanceLabel
from tests.factories import (
    ArticleFactory,
    QuoteFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(client):
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    force_verified_login(client, admin)
    return admin


def events(kind):
    return list(HistoryEvent.objects.filter(kind=kind).order_by("id"))


def test_deleting_a_quote_is_one_event_with_the_quote_as_it_was(client, boss):
    quote = QuoteFactory()
    response = client.post(reverse("admin:articles_quote_delete", args=[quote.pk]), {"post": "yes"})
    assert response.status_code == 302
    (deleted,) = events("quote.deleted")
    assert (deleted.actor, deleted.quote_id, deleted.article_id) == (
        boss,
        quote.pk,
        quote.article_id,
    )
    assert deleted.payload["quote"]["text"] == quote.text
    assert deleted.payload["via"] == "admin"


def test_deleting_quotes_in_bulk_is_an_event_each(client, boss):
    quotes = [QuoteFactory(), QuoteFactory()]
    client.post(
        reverse("admin:articles_quote_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [q.pk for q in quotes], "post": "yes"},
    )
    assert sorted(e.quote_id for e in events("quote.deleted")) == sorted(q.pk for q in quotes)


def test_assignments_made_changed_and_deleted_on_their_page(client, boss):
    article = ArticleFactory()
    ana = UserFactory(username="ana", role="annotator")
    add = client.post(
        reverse("admin:articles_assignment_add"),
        {"article": article.pk, "annotator": ana.pk, "status": "todo"},
    )
    assert add.status_code == 302
    assignment = Assignment.objects.get()
    client.post(
        reverse("admin:articles_assignment_change", args=[assignment.pk]),
        {"article": article.pk, "annotator": ana.pk, "status": "skipped"},
    )
    client.post(reverse("admin:articles_assignment_delete", args=[assignment.pk]), {"post": "yes"})
    assert not Assignment.objects.exists()
    assert [(e.kind, e.payload.get("status")) for e in HistoryEvent.objects.order_by("id")] == [
        ("assignment.created", None),
        ("assignment.status", ["todo", "skipped"]),
        ("assignment.deleted", "skipped"),
    ]
    assert {e.actor for e in HistoryEvent.objects.all()} == {boss}


def test_an_assignments_status_changed_in_the_articles_inline(client, boss):
    article = ArticleFactory()
    ana = UserFactory(username="ana", role="annotator")
    assignment = Assignment.objects.create(article=article, annotator=ana)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {
        "project": article.project_id,
        "assignments-TOTAL_FORMS": "1",
        "assignments-INITIAL_FORMS": "1",
        "assignments-0-id": assignment.pk,
        "assignments-0-article": article.pk,
        "assignments-0-annotator": ana.pk,
        "assignments-0-status": "done",
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
    }
    data.pop("published_at", None)
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    (changed,) = events("assignment.status")
    assert changed.payload == {"annotator": ana.pk, "status": ["todo", "done"]}


def test_aliases_added_and_removed_are_events(client, boss):
    speaker = SpeakerFactory(name="Jakub Godzimirski")
    client.post(
        reverse("admin:articles_speakeralias_add"), {"speaker": speaker.pk, "name": "Godzimirksi"}
    )
    alias = SpeakerAlias.objects.get()
    client.post(reverse("admin:articles_speakeralias_delete", args=[alias.pk]), {"post": "yes"})
    assert [(e.kind, e.payload["alias"]) for e in HistoryEvent.objects.order_by("id")] == [
        ("speaker.alias_added", "Godzimirksi"),
        ("speaker.alias_removed", "Godzimirksi"),
    ]


def test_deleting_an_adjudication_is_an_event(client, boss):
    article = ArticleFactory()
    reviewer = UserFactory(username="rev", role="reviewer")
    adjudication = Adjudication.objects.create(
        article=article, reviewer=reviewer, status="done", finished_at=timezone.now()
    )
    client.post(
        reverse("admin:articles_adjudication_delete", args=[adjudication.pk]), {"post": "yes"}
    )
    (deleted,) = events("adjudication.deleted")
    assert (deleted.article_id, deleted.payload["status"]) == (article.pk, "done")


def test_stances_cannot_be_deleted_in_the_admin(client, boss):
    quote = QuoteFactory()
    stance = StanceLabel.objects.create(
        quote=quote, target=StanceTargetFactory(project=quote.article.project), label="favor"
    )
    response = client.post(
        reverse("admin:articles_stancelabel_delete", args=[stance.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert StanceLabel.objects.filter(pk=stance.pk).exists()
