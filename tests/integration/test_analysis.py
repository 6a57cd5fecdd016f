"""The analysis pages: corpus figures checked against hand-computed ones for each choice
of labels, a speaker's page, the CSV, who may see them, and bounded queries."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Adjudication
from tests.scenes import quote, team_scene

pytestmark = pytest.mark.django_db

A1 = "– The tunnel must open this year, says Lund. Critics were not convinced at all."
A2 = "– We favour the plan, says Berg. Nobody else spoke at the meeting on Monday."
A3 = "The council met on Tuesday and adjourned after ten minutes without any statement."


@pytest.fixture
def corpus():
    scene = team_scene(speakers=("Lund", "Berg"), targets=("Planen",), slug="tunnel")
    ana, ben = scene.annotators
    lund, berg = scene.speakers["Lund"], scene.speakers["Berg"]
    one = scene.add_article(text=A1, title="Tunnel")
    one.published_at = datetime(2026, 3, 4, tzinfo=UTC)
    one.save(update_fields=["published_at"])
    two = scene.add_article(text=A2, title="Plan")
    three = scene.add_article(text=A3, title="Council")
    for person in (ana, ben):
        quote(one, person, "The tunnel must open this year", speaker=lund)
        quote(two, person, "We favour the plan", speaker=berg,
              stances={scene.targets["Planen"]: "favor"})  # fmt: skip
    quote(one, scene.reviewer, "The tunnel must open this year", speaker=lund, origin="gold")
    quote(one, scene.reviewer, "Critics were not convinced", origin="gold")
    Adjudication.objects.create(
        article=one, reviewer=scene.reviewer, status="done", finished_at=timezone.now()
    )
    quote(three, ana, "The council met on Tuesday", origin="suggested")  # never counted
    return scene


def figures_of(client, scene, **query):
    client.force_login(scene.reviewer)
    response = client.get(reverse("articles:analysis", args=["tunnel"]), query)
    assert response.status_code == 200
    return response.context["figures"]


def test_gold_where_adjudicated_else_every_annotator(client, corpus):
    figures = figures_of(client, corpus)
    # Tunnel: the gold set (Lund, unnamed); Plan: ana's and ben's (Berg, Berg); Council: 0.
    assert figures["articles"].value == 3
    assert figures["quotes"].value == 4
    assert figures["articles_with_quotes"].value == pytest.approx(2 / 3)
    assert figures["median_quotes_per_article"].value == 2.0  # 0, 2, 2
    assert figures["unnamed_share"].value == pytest.approx(1 / 4)
    assert figures["hhi"].value == pytest.approx((2 / 3) ** 2 + (1 / 3) ** 2)
    berg = corpus.speakers["Berg"]
    assert [(s.speaker, s.quotes) for s in figures.top_speakers] == [
        (berg.pk, 2),
        (corpus.speakers["Lund"].pk, 1),
    ]


def test_one_annotator_instead_of_all(client, corpus):
    figures = figures_of(client, corpus, annotator="ana")
    assert figures["quotes"].value == 3  # the gold 2 on Tunnel, ana's 1 on Plan


def test_the_annotators_labels_without_gold(client, corpus):
    figures = figures_of(client, corpus, labels="annotators")
    assert figures["quotes"].value == 4  # Lund twice on Tunnel, Berg twice on Plan
    assert figures["unnamed_share"].value == 0


def test_an_unknown_annotator_is_a_400_naming_the_field(client, corpus):
    client.force_login(corpus.reviewer)
    response = client.get(reverse("articles:analysis", args=["tunnel"]), {"annotator": "zoe"})
    assert response.status_code == 400
    assert "Annotator" in response.content.decode()


def test_the_csv_holds_each_figure_with_its_count(client, corpus):
    client.force_login(corpus.reviewer)
    response = client.get(reverse("articles:analysis-csv", args=["tunnel"]))
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["figure", "value", "n", "of"]
    assert ["quotes", "4", "3", "articles"] in rows
    assert ["top_speaker_1", "Berg", "2", "named quotes"] in rows


def test_a_speaker_page_lists_their_quotes_and_stances(client, corpus):
    client.force_login(corpus.reviewer)
    berg = corpus.speakers["Berg"]
    url = reverse("articles:speaker-page", args=["tunnel", berg.pk])
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2
    assert html.count("We favour the plan") == 2
    assert '<svg class="chart"' in html  # the stance chart for Planen
    assert dict(response.context["counts"]["kinds"]) == {"direct": 2}


@pytest.mark.parametrize("who", ["ana", "outsider"])
def test_annotators_and_outsiders_do_not_see_the_analysis(client, corpus, who, django_user_model):
    user = (
        corpus.person("ana")
        if who == "ana"
        else django_user_model.objects.create_user("outsider", password="x" * 12)
    )
    client.force_login(user)
    assert client.get(reverse("articles:analysis", args=["tunnel"])).status_code == 404
    berg = corpus.speakers["Berg"]
    page = reverse("articles:speaker-page", args=["tunnel", berg.pk])
    assert client.get(page).status_code == 404


def test_the_pages_use_the_same_number_of_queries_whatever_the_size(
    client, corpus, django_assert_max_num_queries
):
    client.force_login(corpus.reviewer)
    berg = corpus.speakers["Berg"]
    urls = [
        reverse("articles:analysis", args=["tunnel"]),
        reverse("articles:speaker-page", args=["tunnel", berg.pk]),
    ]
    for n in range(30):
        article = corpus.add_article(text=f"{A2} Edition {n}.", title=f"Plan {n}")
        quote(article, corpus.person("ana"), "We favour the plan", speaker=berg,
              stances={corpus.targets["Planen"]: "against"})  # fmt: skip
    for url in urls:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
