"""The analysis pages: corpus figures checked against hand-computed ones for each choice
of labels, a speaker's page, the CSV, who may see them, and bounded queries."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from articles.models import Adjudication
from tests.factories import UserFactory
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
        # Among them: the project's size (live counts or stored ones), the counts, and a
        # page of quotes counted up to the list limit.
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200


A4 = "– The plan is a waste, says Lund. Berg said the plan would help the harbour."


@pytest.fixture
def stances(corpus):
    """Two more stances on Planen in March: Lund against, Berg for (ana's only)."""
    ana = corpus.annotators[0]
    four = corpus.add_article(text=A4, title="Waste")
    four.outlet, four.published_at = "Fjordposten", datetime(2026, 3, 20, tzinfo=UTC)
    four.save(update_fields=["outlet", "published_at"])
    target = corpus.targets["Planen"]
    quote(four, ana, "The plan is a waste", speaker=corpus.speakers["Lund"],
          stances={target: "against"})  # fmt: skip
    quote(four, ana, "the plan would help the harbour", kind="indirect",
          speaker=corpus.speakers["Berg"], stances={target: "favor"})  # fmt: skip
    return corpus


def test_a_target_page_counts_stances_by_label_speaker_outlet_and_month(
    client, stances, django_assert_max_num_queries
):
    target = stances.targets["Planen"]
    client.force_login(stances.reviewer)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("articles:target-page", args=["tunnel", target.pk]))
    assert response.status_code == 200
    # Plan (not adjudicated): ana's and ben's favor; Waste: ana's against and favor.
    assert dict(response.context["by_label"]) == {"favor": 3, "against": 1, "neutral": 0}
    speakers = {s.name: numbers for s, numbers in response.context["speakers"]}
    labels = response.context["labels"]
    assert dict(zip(labels, speakers["Berg"], strict=True))["favor"] == 3
    assert dict(zip(labels, speakers["Lund"], strict=True))["against"] == 1
    assert dict(response.context["outlets"])["Fjordposten"] == [
        {"favor": 1, "against": 1}.get(label, 0) for label in labels
    ]
    assert response.context["page"].paginator.count == 4
    assert "<svg" in response.content.decode()


def test_the_quote_search_finds_words_speaker_kind_and_stance(client, stances):
    client.force_login(stances.reviewer)
    url = reverse("articles:quote-search", args=["tunnel"])

    def found(**query):
        response = client.get(url, query)
        assert response.status_code == 200, response.content.decode()[:400]
        return sorted(q.text for q in response.context["page"])

    assert found(q="waste") == ["The plan is a waste"]
    assert found(speaker="berg", kind="indirect") == ["the plan would help the harbour"]
    assert found(stance="against") == ["The plan is a waste"]
    assert found(q="tunnel", labels="gold") == ["The tunnel must open this year"]
    page = client.get(url, {"q": "waste"}).content.decode()
    assert "<mark>The plan is a waste</mark>, says Lund." in page  # in its sentence


def test_the_quote_search_refuses_a_bad_date_naming_it(client, stances):
    client.force_login(stances.reviewer)
    response = client.get(
        reverse("articles:quote-search", args=["tunnel"]), {"published_from": "March"}
    )
    assert response.status_code == 400
    assert "published_from" in response.content.decode()


def test_annotators_see_neither_page(client, stances):
    client.force_login(stances.annotators[0])
    target = stances.targets["Planen"]
    assert (
        client.get(reverse("articles:target-page", args=["tunnel", target.pk])).status_code == 404
    )
    assert client.get(reverse("articles:quote-search", args=["tunnel"])).status_code == 404


def test_the_api_searches_quotes_by_their_words(stances):
    api = APIClient()
    api.force_authenticate(stances.reviewer)
    found = api.get(reverse("api:quote-list"), {"project": "tunnel", "search": "waste"}).json()
    assert [q["text"] for q in found["results"]] == ["The plan is a waste"]


def test_a_search_that_finds_nothing_says_so(client, stances):
    client.force_login(stances.reviewer)
    page = client.get(reverse("articles:quote-search", args=["tunnel"]), {"q": "zebra"})
    assert "No quote matches." in page.content.decode()


def test_the_api_reads_a_speakers_quotes_and_a_targets_stances(stances):
    api = APIClient()
    api.force_authenticate(stances.reviewer)
    berg, target = stances.speakers["Berg"], stances.targets["Planen"]
    quotes = api.get(
        reverse("api:speaker-quotes", args=["tunnel", berg.pk]), {"count": "true"}
    ).json()
    assert quotes["count"] == 3  # ana's and ben's on Plan, ana's on Waste
    assert {q["text"] for q in quotes["results"]} == {
        "We favour the plan",
        "the plan would help the harbour",
    }
    labels = api.get(reverse("api:target-stances", args=["tunnel", target.pk])).json()
    assert sorted(s["label"] for s in labels["results"]) == ["against", "favor", "favor", "favor"]
    one = api.get(
        reverse("api:target-stances", args=["tunnel", target.pk]), {"annotator": "ben"}
    ).json()
    assert [s["label"] for s in one["results"]] == ["favor"]
    bad = api.get(reverse("api:speaker-quotes", args=["tunnel", berg.pk]), {"labels": "x"})
    assert bad.status_code == 400
    assert "labels" in bad.json()
    api.force_authenticate(stances.annotators[0])
    assert api.get(reverse("api:speaker-quotes", args=["tunnel", berg.pk])).status_code == 404


def test_a_large_projects_figures_are_stored_and_shown_as_of_when_counted(
    client, corpus, settings, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    from articles.analysis import stored
    from articles.review import figures

    settings.TEAM_FIGURES_LIVE_MAX_ARTICLES = 0  # every project is "large"
    client.force_login(corpus.reviewer)
    url = reverse("articles:analysis", args=["tunnel"])
    csv_url = reverse("articles:analysis-csv", args=["tunnel"])
    # Nothing stored yet: the page says so and queues the count; the CSV says to retry.
    with django_capture_on_commit_callbacks() as queued:
        page = client.get(url, {"annotator": "ana"}).content.decode()
    assert 'id="figures-pending"' in page
    assert len(queued) == 1
    response = client.get(csv_url, {"annotator": "ana"})
    assert (response.status_code, response["Retry-After"]) == (503, "60")
    # What the task counts for that choice of labels is what the page would count live.
    ana = corpus.person("ana")
    kept = stored.refresh(corpus.project, subject="corpus", labels="gold", annotator_id=ana.pk)
    assert kept.requested_at is None
    with django_assert_max_num_queries(12), django_capture_on_commit_callbacks() as queued:
        response = client.get(url, {"annotator": "ana"})
    assert not queued
    assert 'id="figures-as-of"' in response.content.decode()
    assert response.context["figures"]["quotes"].value == 3  # as counted live above
    rows = list(csv.reader(io.StringIO(client.get(csv_url, {"annotator": "ana"}).content.decode())))
    assert ["quotes", "3", "3", "articles"] in rows
    # Another choice of labels is stored apart: still pending.
    assert 'id="figures-pending"' in client.get(url).content.decode()
    # Old figures are shown, and one refresh is queued however often the page is read.
    kept.computed_at -= figures.max_age() * 2
    kept.save(update_fields=["computed_at"])
    with django_capture_on_commit_callbacks() as queued:
        for _ in range(3):
            assert 'id="figures-as-of"' in client.get(url, {"annotator": "ana"}).content.decode()
    assert len(queued) == 1
    # The task itself, through the tasks framework, stores the counted figures.
    stored.refresh_counts.call(corpus.project.pk, "corpus", "gold", None)
    assert client.get(url).context["figures"]["quotes"].value == 4


def test_a_large_projects_speaker_and_target_pages_show_the_stored_counts(
    client, stances, settings
):
    """The same pages, counted live and then stored: the same counts, "as of"."""
    from articles.analysis import stored

    client.force_login(stances.reviewer)
    berg, target = stances.speakers["Berg"], stances.targets["Planen"]
    pages = [
        reverse("articles:speaker-page", args=["tunnel", berg.pk]),
        reverse("articles:target-page", args=["tunnel", target.pk]),
    ]
    keys = ("total", "counts", "charts", "by_label", "speakers", "outlets", "chart")

    def shown(url):
        context = client.get(url).context
        return {key: context.get(key) for key in keys}

    live = [shown(url) for url in pages]
    assert [page["total"] for page in live] == [3, 4]
    settings.TEAM_FIGURES_LIVE_MAX_ARTICLES = 0
    assert all('id="figures-pending"' in client.get(url).content.decode() for url in pages)
    for subject in (f"speaker {berg.pk}", f"target {target.pk}"):
        stored.refresh(stances.project, subject=subject, labels="gold", annotator_id=None)
    assert [shown(url) for url in pages] == live
    assert all('id="figures-as-of"' in client.get(url).content.decode() for url in pages)


def exported(client, **query):
    url = reverse("articles:quote-search-export", args=["tunnel"])
    response = client.get(url, query)
    assert response.status_code == 200, response
    assert response["Content-Disposition"].startswith("attachment")
    return b"".join(response.streaming_content)


def test_the_quote_search_exports_exactly_the_quotes_it_finds(client, stances):
    client.force_login(stances.reviewer)
    lines = [json.loads(line) for line in exported(client, q="plan").decode().splitlines()]
    records, last = lines[:-1], lines[-1]
    found = sorted((r["title"], q["text"], q["annotator"]) for r in records for q in r["quotes"])
    assert found == [
        ("Plan", "We favour the plan", "ana"),
        ("Plan", "We favour the plan", "ben"),
        ("Waste", "The plan is a waste", "ana"),
        ("Waste", "the plan would help the harbour", "ana"),
    ]
    assert (last["_export"]["articles"], last["_export"]["quotes"]) == (2, 4)
    # The corpus's labels: the gold set of an adjudicated article, nobody else's there.
    (record,) = [json.loads(line) for line in exported(client, q="tunnel").splitlines()[:-1]]
    assert [(q["text"], q["origin"]) for q in record["quotes"]] == [
        ("The tunnel must open this year", "gold")
    ]
    rows = list(csv.reader(io.StringIO(exported(client, q="plan", format="csv").decode())))
    assert len([row for row in rows[1:] if not row[0].startswith("#")]) == 4
    assert exported(client, q="plan", format="brat")[:2] == b"PK"  # a ZIP


def test_a_speaker_page_links_to_their_catalog_entry_for_those_who_curate_it(client, corpus):
    url = reverse("articles:speaker-page", args=["tunnel", corpus.speakers["Berg"].pk])
    client.force_login(corpus.reviewer)
    page = client.get(url).content.decode()
    assert 'id="catalog-entry" href="/projects/tunnel/catalog/?q=Berg"' in page
    researcher = UserFactory(username="res", role="researcher")  # reads, never curates
    corpus.project.members.add(researcher)
    client.force_login(researcher)
    page = client.get(url).content.decode()
    assert 'id="catalog-entry"' not in page


def test_the_quote_search_export_refuses_a_bad_format_or_field_naming_it(client, stances):
    client.force_login(stances.reviewer)
    url = reverse("articles:quote-search-export", args=["tunnel"])
    response = client.get(url, {"q": "plan", "format": "xlsx"})
    assert response.status_code == 400
    assert response.content.decode().startswith("format: 'xlsx'")
    response = client.get(url, {"published_from": "yesterday"})
    assert response.status_code == 400
    assert "published_from" in response.content.decode()
    client.force_login(stances.annotators[0])
    assert client.get(url, {"q": "plan"}).status_code == 404


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's text search (SQLite looks for a substring; CI runs both)",
)
def test_the_quote_search_reads_words_as_the_projects_language_says(client, stances):
    client.force_login(stances.reviewer)
    url = reverse("articles:quote-search", args=["tunnel"])
    api = APIClient()
    api.force_authenticate(stances.reviewer)

    def found(words):
        page = client.get(url, {"q": words}).context["page"]
        listed = api.get("/api/v1/quotes/", {"project": "tunnel", "search": words}).json()
        assert len(listed["results"]) == len(page.object_list)
        return sorted(quote.text for quote in page)

    assert found("favoured") == []  # as written: "favour" is another word
    assert found("wastes") == []
    stances.project.search_language = "english"
    stances.project.save(update_fields=["search_language"])
    assert found("favoured") == ["We favour the plan", "We favour the plan"]
    assert found("wastes") == ["The plan is a waste"]


def test_a_search_language_is_one_the_database_has_an_index_for():
    from articles.analysis.corpus import QuoteWordsMatch

    with pytest.raises(ValueError, match="klingon"):
        QuoteWordsMatch("words", "klingon")
