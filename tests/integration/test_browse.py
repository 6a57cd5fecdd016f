"""The articles page: search, each filter and the sort narrow and order as asked, the
total is right, a bad value is a 400 naming the field, only those who oversee the
project see it, and the queries do not grow with the articles."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Adjudication, Article, Assignment
from tests.factories import ArticleFactory
from tests.scenes import quote, team_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    made = team_scene(slug="havn", speakers=("Siri Vold",), targets=("Ferja",))
    ana, ben = made.annotators
    ferry = made.add_article(
        text="– The ferry must run all winter, says harbour master Siri Vold.",
        title="Ferry winter",
        statuses={"ana": "done", "ben": "done"},
    )
    bridge = made.add_article(
        text="The bridge closes for three weeks from Monday.",
        title="Bridge closed",
        statuses={"ana": "in_progress"},
    )
    tolls = ArticleFactory(project=made.project, text="Toll prices rise in January.", title="Tolls")
    Article.objects.filter(pk=ferry.pk).update(
        outlet="Fjordposten", published_at=datetime(2026, 11, 3, tzinfo=UTC)
    )
    Article.objects.filter(pk=bridge.pk).update(published_at=datetime(2026, 10, 1, tzinfo=UTC))
    quote(ferry, ana, "The ferry must run all winter", speaker=made.speakers["Siri Vold"],
          stances={made.targets["Ferja"]: "favor"})  # fmt: skip
    quote(ferry, ben, "The ferry must run all winter")
    Adjudication.objects.create(
        article=ferry, reviewer=made.reviewer, status="done", finished_at=timezone.now()
    )
    made.ids = {"ferry": ferry.pk, "bridge": bridge.pk, "tolls": tolls.pk}
    return made


def titles(client, scene, **query):
    client.force_login(scene.reviewer)
    response = client.get(reverse("articles:articles", args=["havn"]), query)
    assert response.status_code == 200, response.content.decode()[:500]
    page = response.context["page"]
    return [article.title for article in page], page.paginator.count


def test_newest_first_by_default_with_the_total(client, scene):
    assert titles(client, scene) == (["Ferry winter", "Bridge closed", "Tolls"], 3)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "ferry"}, ["Ferry winter"]),
        ({"q": "Fjordposten"}, ["Ferry winter"]),
        ({"q": "Monday"}, ["Bridge closed"]),
        ({"status": "unassigned"}, ["Tolls"]),
        ({"status": "in_progress"}, ["Bridge closed"]),
        ({"status": "done"}, ["Ferry winter"]),
        ({"annotator": "ben"}, ["Ferry winter"]),
        ({"has_quotes": "yes"}, ["Ferry winter"]),
        ({"has_quotes": "no"}, ["Bridge closed", "Tolls"]),
        ({"adjudicated": "yes"}, ["Ferry winter"]),
        ({"adjudicated": "no"}, ["Bridge closed", "Tolls"]),
        ({"published_from": "2026-11-01"}, ["Ferry winter"]),
        ({"published_to": "2026-10-31"}, ["Bridge closed"]),
        ({"sort": "title"}, ["Bridge closed", "Ferry winter", "Tolls"]),
        ({"sort": "published_at"}, ["Bridge closed", "Ferry winter", "Tolls"]),
    ],
)
def test_each_filter_and_sort(client, scene, query, expected):
    assert titles(client, scene, **query)[0] == expected


def test_speaker_and_target_filters(client, scene):
    target = scene.targets["Ferja"].pk
    assert titles(client, scene, speaker="siri vold")[0] == ["Ferry winter"]
    assert titles(client, scene, target=target)[0] == ["Ferry winter"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"status": "lost"}, "status"),
        ({"annotator": "nobody"}, "annotator"),
        ({"published_from": "yesterday"}, "published_from"),
        ({"published_from": "2026-12-01", "published_to": "2026-11-01"}, "published_to"),
        ({"sort": "text"}, "sort"),
        ({"speaker": "Nobody Known"}, "speaker"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_field(client, scene, query, field):
    client.force_login(scene.reviewer)
    response = client.get(reverse("articles:articles", args=["havn"]), query)
    assert response.status_code == 400
    assert f"<li>{field}: " in response.content.decode()


def test_annotators_and_outsiders_do_not_see_it(client, scene, django_user_model):
    client.force_login(scene.annotators[0])
    assert client.get(reverse("articles:articles", args=["havn"])).status_code == 404
    client.force_login(django_user_model.objects.create_user("out", password="x" * 12))
    assert client.get(reverse("articles:articles", args=["havn"])).status_code == 404


def test_htmx_gets_the_table_alone(client, scene):
    client.force_login(scene.reviewer)
    response = client.get(
        reverse("articles:articles", args=["havn"]), {"q": "ferry"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="article-table">')
    assert "1 article" in html
    assert response["Vary"].count("HX-Request") == 1


def test_the_page_reads_a_bounded_number_of_queries(client, scene, django_assert_max_num_queries):
    client.force_login(scene.reviewer)
    url = reverse("articles:articles", args=["havn"])
    for n in range(60):
        article = ArticleFactory(project=scene.project, text=f"Extra story {n} about the ferry.")
        Assignment.objects.create(article=article, annotator=scene.annotators[0])
    for query in ({}, {"q": "ferry", "has_quotes": "no", "speaker": "Siri Vold", "sort": "title"}):
        with django_assert_max_num_queries(12):
            assert client.get(url, query).status_code == 200


def test_a_search_that_finds_nothing_says_so(client, scene):
    client.force_login(scene.reviewer)
    response = client.get(reverse("articles:articles", args=["havn"]), {"q": "zebra"})
    assert "No article matches." in response.content.decode()


def test_past_the_count_limit_the_total_is_a_lower_bound_with_the_exact_count_on_request(
    client, scene, settings
):
    settings.LIST_COUNT_LIMIT = 2
    client.force_login(scene.reviewer)
    url = reverse("articles:articles", args=["havn"])
    html = client.get(url).content.decode()
    assert "More than 2 articles" in html
    assert "count=all" in html
    assert titles(client, scene) == (["Ferry winter", "Bridge closed", "Tolls"], 3)
    exact = client.get(url, {"count": "all"})
    assert exact.context["page"].paginator.exact
    assert "3 articles" in exact.content.decode()
    # Under the limit the total is exact as before.
    assert "1 article" in client.get(url, {"q": "ferry"}).content.decode()


def test_a_search_finds_a_word_of_a_text_changed_after_import(client, scene):
    # A new revision of an unquoted article: on PostgreSQL the stored words follow.
    tolls = Article.objects.get(pk=scene.ids["tolls"])
    Article.objects.filter(pk=tolls.pk).update(text=tolls.text + " Icebreakers stand ready.")
    assert titles(client, scene, q="icebreakers")[0] == ["Tolls"]
