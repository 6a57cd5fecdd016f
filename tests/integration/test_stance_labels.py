"""A stance's label is one of its project's labels, and the database says so (migration
0025): a write that names another is refused, whichever path it takes, and the writers
tell the person why instead of answering 500. A label taken away between a writer's check
and its write is simulated here by taking it away right after the check (test_races.py
has the real race, on PostgreSQL)."""

from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles import quote_checks
from articles.exchange.importing import ImportProblem, import_articles
from articles.exchange.records import record_from_mapping
from articles.ingest.services import PageRefused, revise
from articles.models import Assignment, Project, Quote, StanceLabel, StanceTarget
from articles.quote_checks import QuoteInvalid, stance_targets
from articles.quotes import create_quote, create_quotes, update_quote
from articles.review import adjudication
from articles.types import QuoteInput
from tests import scenes
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = "– Bussen må gå oftere, sier Nina Kvam.\n\nHun mener at fylket må betale."
SPAN = "Bussen må gå oftere"
START = TEXT.index(SPAN)


@pytest.fixture
def scene():
    made = scenes.team_scene(
        text=TEXT, slug="buss", annotators=("ann1", "ann2"), reviewers=("rev",),
        status="in_progress", targets=("Bussen",),
    )  # fmt: skip
    return made


def refused(write):
    with (
        pytest.raises(IntegrityError, match="not one of the project's stance labels"),
        transaction.atomic(),
    ):
        write()


def test_the_database_refuses_a_stance_whose_label_the_project_lacks(scene):
    target = scene.targets["Bussen"]
    quote = scenes.quote(scene.article, scene.annotators[0], SPAN)
    refused(lambda: StanceLabel.objects.create(quote=quote, target=target, label="maybe"))
    # Exactly the scheme's spelling, as every writer checks it.
    refused(lambda: StanceLabel.objects.create(quote=quote, target=target, label="Favor"))
    stance = StanceLabel.objects.create(quote=quote, target=target, label="favor")
    refused(lambda: StanceLabel.objects.filter(pk=stance.pk).update(label="maybe"))
    # A target of a project whose labels lack "favor".
    other = StanceTarget.objects.create(
        project=ProjectFactory(slug="other", stance_labels=["ja", "nei"]), name="Bussen"
    )
    refused(lambda: StanceLabel.objects.filter(pk=stance.pk).update(target=other))
    # One bad stance in a batch refuses the batch.
    second = scenes.quote(scene.article, scene.annotators[1], SPAN)
    refused(
        lambda: StanceLabel.objects.bulk_create(
            [
                StanceLabel(quote=second, target=target, label="against"),
                StanceLabel(quote=second, target=other, label="favor"),
            ]
        )
    )
    assert list(StanceLabel.objects.values_list("quote", "label")) == [(quote.pk, "favor")]


def take_neutral_away(project):
    Project.objects.filter(pk=project.pk).update(stance_labels=["favor", "against"])


def neutral(scene):
    return QuoteInput(
        start=START, end=START + len(SPAN), text=SPAN, kind="direct",
        stances={scene.targets["Bussen"]: "neutral"},
    )  # fmt: skip


def assert_told(invalid):
    [message] = invalid.errors["stances"]
    assert "no longer one of the project's labels" in message
    assert "favor, against" in message


def test_the_quote_writes_turn_the_refusal_into_quote_invalid(scene):
    article, ann1 = scene.article, scene.annotators[0]
    quote = scenes.quote(article, ann1, SPAN, stances={scene.targets["Bussen"]: "neutral"})
    take_neutral_away(scene.project)  # behind edit_project's back, as a race would
    for write in (
        lambda: create_quote(article=article, annotator=scene.annotators[1], data=neutral(scene)),
        lambda: create_quotes(
            article=article, annotator=scene.annotators[1], items=[neutral(scene)]
        ),
        lambda: update_quote(quote=quote, version=quote.version, data=neutral(scene)),
    ):
        with pytest.raises(QuoteInvalid) as invalid:
            write()
        assert_told(invalid.value)
    assert Quote.objects.count() == 1


def checked_then_taken_away(project):
    """``check_quote`` as it is, then the label taken away before the write."""
    real = quote_checks.check_quote

    def check(*args, **kwargs):
        checked = real(*args, **kwargs)
        take_neutral_away(project)
        return checked

    return check


def test_the_workspace_answers_400_naming_the_stances(scene):
    article, target = scene.article, scene.targets["Bussen"]
    client = Client(raise_request_exception=False)
    client.force_login(scene.annotators[0])
    data = {"start": START, "end": START + len(SPAN), "text": SPAN, "kind": "direct",
            f"stance-{target.pk}": "neutral"}  # fmt: skip
    with mock.patch(
        "articles.annotation.forms.check_quote", checked_then_taken_away(scene.project)
    ):
        response = client.post(
            reverse("articles:quote-create", args=[article.pk]), data, HTTP_HX_REQUEST="1"
        )
    assert response.status_code == 400
    assert "no longer one of the project" in response.content.decode()
    assert not Quote.objects.exists()


def test_the_api_answers_400_naming_the_stances(scene):
    annotator = scene.annotators[0]
    _, token = ApiToken.objects.create(user=annotator, expiry=None, name="t", scope="write")
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    quote = {"start": START, "end": START + len(SPAN), "text": SPAN, "kind": "direct",
             "stances": [{"target": "Bussen", "label": "neutral"}]}  # fmt: skip
    with mock.patch("articles.api.serializers.check_quote", checked_then_taken_away(scene.project)):
        response = client.post(
            f"/api/v1/articles/{scene.article.pk}/quotes/", {"quotes": [quote]}, format="json"
        )
    assert response.status_code == 400, response.content
    assert "no longer one of the project's labels" in response.json()["stances"][0]
    assert not Quote.objects.exists()


def test_adjudication_turns_the_refusal_into_an_adjudication_error(scene):
    article, reviewer = scene.article, scene.reviewers[0]
    Assignment.objects.filter(article=article).update(status="done")
    source = scenes.quote(
        article, scene.annotators[0], SPAN, stances={scene.targets["Bussen"]: "neutral"}
    )
    take_neutral_away(scene.project)  # the annotator's stance stays, as one made before 0025
    with pytest.raises(adjudication.AdjudicationError, match="no longer one of the project"):
        adjudication.take_version(article=article, reviewer=reviewer, quote_id=source.pk)
    with pytest.raises(adjudication.AdjudicationError, match="no longer one of the project"):
        adjudication.add_gold(article=article, reviewer=reviewer, data=neutral(scene))
    assert not Quote.objects.gold().exists()


def test_an_import_names_the_file_and_line_of_a_stance_refused(scene):
    UserFactory(username="ana")
    stale = Project.objects.get(pk=scene.project.pk)  # read before the labels changed
    take_neutral_away(scene.project)
    quote = {"start": START, "end": START + len(SPAN), "text": SPAN, "kind": "direct",
             "annotator": "ana", "origin": "human",
             "stances": [{"target": "Bussen", "label": "neutral"}]}  # fmt: skip
    record = record_from_mapping(
        {"title": "Buss", "text": TEXT + " Igjen.", "quotes": [quote]},
        path="buss.jsonl",
        line=3,
        exported=True,
    )
    with pytest.raises(ImportProblem) as problem:
        import_articles(project=stale, records=[record])
    assert [str(error) for error in problem.value.errors] == [
        "buss.jsonl:3: quotes[0].stances: 'neutral' for 'Bussen' is no longer one of the "
        "project's labels (favor, against): they changed during the import"
    ]
    assert not Quote.objects.exists()


def test_every_writer_stores_the_schemes_spelling(scene):
    """The checks compare labels exactly (no case folding), so what passes them is what
    the trigger accepts: a label in another case is refused before the write."""
    form_targets = stance_targets(scene.project)
    data = {"start": START, "end": START + len(SPAN), "text": SPAN, "kind": "direct",
            "stances": {form_targets[0].pk: "Favor"}}  # fmt: skip
    with pytest.raises(QuoteInvalid):
        quote_checks.check_quote(scene.article, form_targets, data)


def test_a_revised_article_whose_stances_name_a_lost_label_is_refused(scene):
    """Stances made before migration 0025 may name a label the project has lost: their
    copies onto a page's revised version are refused, and the page with them."""
    old = scene.article
    scenes.quote(old, scene.annotators[0], SPAN, stances={scene.targets["Bussen"]: "neutral"})
    take_neutral_away(scene.project)
    new = ArticleFactory(project=scene.project, text="Oppdatert. " + TEXT)
    with (
        pytest.raises(PageRefused, match=r"stances: .* label the project no longer has"),
        transaction.atomic(),
    ):
        revise(old=old, new=new)
    assert not new.quotes.exists()
