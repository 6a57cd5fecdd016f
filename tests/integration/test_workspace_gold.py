"""The adjudicated gold set, read-only in the workspace: those who see the whole team's
work (researchers, reviewers, admins) switch to it beside each annotator's set; an
annotator of a blind project never sees it; and it is never editable."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.scenes import quote, team_scene

pytestmark = pytest.mark.django_db

TEXT = "– The ferry must run all winter, says harbour master Siri Vold. – Tolls will rise."


@pytest.fixture
def scene():
    made = team_scene(slug="havn", text=TEXT, blind=True, speakers=("Siri Vold",))
    made.researcher = UserFactory(username="rita", role="researcher")
    made.project.members.add(made.researcher)
    made.the_article = made.project.articles.get()
    ana = made.annotators[0]
    quote(made.the_article, ana, "The ferry must run all winter")
    quote(made.the_article, ana, "Tolls will rise")
    quote(
        made.the_article,
        made.reviewer,
        "The ferry must run all winter",
        speaker=made.speakers["Siri Vold"],
        origin="gold",
    )
    return made


def workspace(client, user, article, **query):
    client.force_login(user)
    response = client.get(reverse("articles:article", args=[article.pk]), query)
    assert response.status_code == 200, response.content.decode()[:300]
    return response.context["ws"]


def test_a_researcher_switches_to_the_gold_set(client, scene):
    ws = workspace(client, scene.researcher, scene.the_article, annotations="gold")
    assert ws.gold
    assert ws.has_gold
    assert [(q.text, q.speaker_name, q.origin) for q in ws.quotes] == [
        ("The ferry must run all winter", "Siri Vold", "gold")
    ]
    assert not ws.editable
    body = client.get(
        reverse("articles:article", args=[scene.the_article.pk]), {"annotations": "gold"}
    ).content.decode()
    assert "Read only: the adjudicated gold set." in body
    assert 'id="gold-link"' in body


def test_without_the_switch_an_annotators_set_is_shown_and_gold_is_offered(client, scene):
    ws = workspace(client, scene.researcher, scene.the_article)
    assert ws.has_gold
    assert not ws.gold
    assert [q.text for q in ws.quotes] == ["The ferry must run all winter", "Tolls will rise"]


def test_an_annotator_of_a_blind_project_never_sees_the_gold_set(client, scene):
    ws = workspace(client, scene.annotators[0], scene.the_article, annotations="gold")
    assert not ws.gold
    assert not ws.has_gold
    assert [q.origin for q in ws.quotes] == ["human", "human"]
    assert ws.shown == scene.annotators[0]


def test_no_gold_no_switch(client, scene):
    scene.the_article.quotes.filter(origin="gold").delete()
    ws = workspace(client, scene.reviewer, scene.the_article, annotations="gold")
    assert not ws.gold
    assert not ws.has_gold
    assert ws.shown.username == "ana"


def test_the_gold_view_reads_in_a_bounded_number_of_queries(
    client, scene, django_assert_max_num_queries
):
    client.force_login(scene.researcher)
    url = reverse("articles:article", args=[scene.the_article.pk])
    with django_assert_max_num_queries(16):
        assert client.get(url, {"annotations": "gold"}).status_code == 200
