"""Done means judged and read-only; skipped means read-only; Reopen stops where
adjudication starts. The same rules in the workspace and the API."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.models import Adjudication, Assignment, Quote, RejectedSuggestion
from tests import scenes
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "– Ferjen må gå hver time, sier ordfører Kari Holm.\n\n"
    "– Det har vi ikke råd til, svarer Per Dahl i fylket.\n\n"
    "Holm mener at fylket svikter kysten."
)
FERRY = "Ferjen må gå hver time"
MONEY = "Det har vi ikke råd til"
BELIEF = "fylket svikter kysten"


@pytest.fixture
def team():
    scene = scenes.team_scene(
        text=TEXT, title="Ferjen", slug="kyst", annotators=("ann",), status="in_progress"
    )
    article, (ann,) = scene.article, scene.annotators
    assignment = article.assignments.get()
    return {"article": article, "ann": ann, "reviewer": scene.reviewer, "assignment": assignment}


def quote(team, fragment, origin="human"):
    return scenes.quote(team["article"], team["ann"], fragment, origin=origin)


def post(client, name, *args, data=None):
    return client.post(reverse(f"articles:{name}", args=args), data or {}, HTTP_HX_REQUEST="true")


def new_quote_data(fragment):
    start = TEXT.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment, "kind": "indirect"}


@pytest.fixture
def ann_client(client, team):
    client.force_login(team["ann"])
    return client


def api_client(user):
    client = APIClient()
    name = f"token {ApiToken.objects.count()}"
    _, token = ApiToken.objects.create(user=user, expiry=None, name=name, scope="write")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def status_of(team):
    return Assignment.objects.get(pk=team["assignment"].pk).status


# Done must mean judged.


def test_done_is_refused_while_suggestions_wait(ann_client, team):
    quote(team, FERRY, origin="suggested")
    quote(team, MONEY, origin="suggested")
    response = post(ann_client, "article-status", team["article"].pk, data={"status": "done"})
    assert response.status_code == 409
    assert "2 suggestions still wait" in response.content.decode()
    assert status_of(team) == "in_progress"


def test_accept_all_judges_exactly_the_confirmed_suggestions_then_done_works(ann_client, team):
    waiting = [quote(team, FERRY, origin="suggested"), quote(team, MONEY, origin="suggested")]
    page = ann_client.get(reverse("articles:article", args=[team["article"].pk])).content.decode()
    assert 'hx-confirm="Accept all 2 waiting suggestions?"' in page
    ids = ",".join(str(q.pk) for q in waiting)
    response = post(
        ann_client,
        "suggestions-judge",
        team["article"].pk,
        data={"action": "accept", "quotes": ids},
    )
    assert response.status_code == 200
    assert "2 suggestions accepted." in response.content.decode()
    assert set(Quote.objects.values_list("origin", "version")) == {("accepted", 2)}
    response = post(ann_client, "article-status", team["article"].pk, data={"status": "done"})
    assert response.status_code == 204
    assert status_of(team) == "done"


def test_reject_all_remembers_the_rejections(ann_client, team):
    waiting = [quote(team, FERRY, origin="suggested"), quote(team, MONEY, origin="suggested")]
    kept = quote(team, BELIEF)
    ids = ",".join(str(q.pk) for q in waiting)
    response = post(
        ann_client,
        "suggestions-judge",
        team["article"].pk,
        data={"action": "reject", "quotes": ids},
    )
    assert response.status_code == 200
    assert list(Quote.objects.all()) == [kept]
    assert RejectedSuggestion.objects.filter(annotator=team["ann"]).count() == 2


def test_judging_all_refuses_a_set_that_changed_since_it_was_confirmed(ann_client, team):
    waiting = quote(team, FERRY, origin="suggested")
    taken = quote(team, MONEY, origin="accepted")  # accepted in another tab meanwhile
    ids = f"{waiting.pk},{taken.pk}"
    response = post(
        ann_client,
        "suggestions-judge",
        team["article"].pk,
        data={"action": "reject", "quotes": ids},
    )
    assert response.status_code == 409
    assert set(Quote.objects.values_list("origin", flat=True)) == {"suggested", "accepted"}
    assert not RejectedSuggestion.objects.exists()
    bad = post(
        ann_client, "suggestions-judge", team["article"].pk, data={"action": "keep", "quotes": "x"}
    )
    assert bad.status_code == 400
    assert "action:" in bad.content.decode()
    assert "quotes:" in bad.content.decode()


# Done (and skipped) means read-only.


@pytest.mark.parametrize("state", ["done", "skipped"])
def test_a_closed_set_refuses_every_workspace_write(ann_client, team, state):
    mine = quote(team, FERRY)
    waiting = quote(team, MONEY, origin="suggested")
    Assignment.objects.filter(pk=team["assignment"].pk).update(status=state)
    article = team["article"].pk
    before = list(Quote.objects.values_list("pk", "origin", "kind", "version"))
    edit = {**new_quote_data(FERRY), "version": 1}
    judge = {"action": "accept", "quotes": str(waiting.pk)}
    answers = [
        post(ann_client, "quote-create", article, data=new_quote_data(BELIEF)),
        post(ann_client, "quote-update", article, mine.pk, data=edit),
        post(ann_client, "quote-delete", article, mine.pk, data={"version": 1}),
        post(ann_client, "quote-accept", article, waiting.pk, data={"version": 1}),
        post(ann_client, "suggestions-judge", article, data=judge),
    ]
    assert [answer.status_code for answer in answers] == [409] * 5
    assert "read-only" in answers[0].content.decode()
    assert list(Quote.objects.values_list("pk", "origin", "kind", "version")) == before
    page = ann_client.get(reverse("articles:article", args=[article])).content.decode()
    assert 'id="quote-form"' not in page
    assert 'id="read-only-reason"' in page


@pytest.mark.parametrize("state", ["done", "skipped"])
def test_a_closed_set_refuses_every_api_write(team, state):
    mine = quote(team, FERRY)
    Assignment.objects.filter(pk=team["assignment"].pk).update(status=state)
    api = api_client(team["ann"])
    article = team["article"].pk
    created = api.post(
        f"/api/v1/articles/{article}/quotes/", {"quotes": [new_quote_data(BELIEF)]}, format="json"
    )
    patched = api.patch(
        f"/api/v1/quotes/{mine.pk}/", {"version": 1, "kind": "mixed"}, format="json"
    )
    deleted = api.delete(f"/api/v1/quotes/{mine.pk}/?version=1")
    assert [created.status_code, patched.status_code, deleted.status_code] == [409, 409, 409]
    assert "read-only" in created.json()["detail"]
    assert list(Quote.objects.values_list("pk", "kind", "version")) == [(mine.pk, "direct", 1)]


def test_a_skipped_assignment_cannot_be_marked_done_or_reopened(ann_client, team):
    Assignment.objects.filter(pk=team["assignment"].pk).update(status="skipped")
    for wanted in ("done", "in_progress"):
        response = post(ann_client, "article-status", team["article"].pk, data={"status": wanted})
        assert response.status_code == 409
        answer = api_client(team["ann"]).post(
            f"/api/v1/articles/{team['article'].pk}/status/", {"status": wanted}, format="json"
        )
        assert answer.status_code == 409
    assert status_of(team) == "skipped"


# Reopen, until adjudication starts.


def test_reopen_gives_the_set_back_until_a_reviewer_starts_adjudicating(ann_client, team):
    article = team["article"]
    assert (
        post(ann_client, "article-status", article.pk, data={"status": "done"}).status_code == 204
    )
    reopened = post(ann_client, "article-status", article.pk, data={"status": "in_progress"})
    assert reopened.status_code == 204
    assert status_of(team) == "in_progress"
    assert (
        post(ann_client, "quote-create", article.pk, data=new_quote_data(BELIEF)).status_code == 201
    )

    assert (
        post(ann_client, "article-status", article.pk, data={"status": "done"}).status_code == 204
    )
    Adjudication.objects.create(article=article, reviewer=team["reviewer"])
    refused = post(ann_client, "article-status", article.pk, data={"status": "in_progress"})
    assert refused.status_code == 409
    assert "adjudicating" in refused.content.decode()
    api = api_client(team["ann"]).post(
        f"/api/v1/articles/{article.pk}/status/", {"status": "in_progress"}, format="json"
    )
    assert api.status_code == 409
    assert status_of(team) == "done"


def test_the_api_status_change_follows_the_same_rules(team):
    api = api_client(team["ann"])
    url = f"/api/v1/articles/{team['article'].pk}/status/"
    waiting = quote(team, FERRY, origin="suggested")
    assert api.get(url).json()["status"] == "in_progress"
    refused = api.post(url, {"status": "done"}, format="json")
    assert refused.status_code == 409
    assert refused.json()["waiting_suggestions"] == 1
    judged = api.post(
        f"/api/v1/articles/{team['article'].pk}/suggestions/judge/",
        {"action": "accept", "quotes": [waiting.pk]},
        format="json",
    )
    assert judged.status_code == 200
    assert judged.json() == {"judged": 1, "action": "accept"}
    done = api.post(url, {"status": "done"}, format="json")
    assert done.status_code == 200
    assert done.json()["status"] == "done"
    assert done.json()["finished_at"] is not None
    assert api.post(url, {"status": "nearly"}, format="json").json() == {
        "status": "must be done or in_progress"
    }


def test_the_api_status_is_only_for_the_assigned_annotator(team):
    url = f"/api/v1/articles/{team['article'].pk}/status/"
    assert (
        api_client(team["reviewer"]).post(url, {"status": "done"}, format="json").status_code == 404
    )
    assert api_client(team["reviewer"]).get(url).status_code == 404


def test_new_suggestions_go_only_to_open_sets(team):
    article = team["article"]
    ben = UserFactory(username="ben", role="annotator")
    article.project.members.add(ben)
    Assignment.objects.create(article=article, annotator=ben, status="todo")
    Assignment.objects.filter(pk=team["assignment"].pk).update(status="done")
    start = TEXT.index(BELIEF)
    answer = api_client(team["reviewer"]).post(
        f"/api/v1/articles/{article.pk}/quotes/",
        {"origin": "suggested", "model": "m1", "quotes": [
            {"start": start, "end": start + len(BELIEF), "text": BELIEF, "kind": "indirect"}
        ]},
        format="json",
    )  # fmt: skip
    assert answer.status_code == 201
    assert answer.json() == {"suggestions": 1, "copies": 1}
    assert list(Quote.objects.values_list("annotator__username", "origin")) == [
        ("ben", "suggested")
    ]


def test_adjudication_starts_only_once_every_annotator_is_done(client, team):
    article = team["article"]
    ben = UserFactory(username="ben", role="annotator")
    Assignment.objects.create(article=article, annotator=ben, status="in_progress")
    gone = UserFactory(username="cai", role="annotator")
    Assignment.objects.create(article=article, annotator=gone, status="skipped")
    Assignment.objects.filter(pk=team["assignment"].pk).update(status="done")
    mine = quote(team, FERRY)
    client.force_login(team["reviewer"])
    take = reverse("articles:adjudicate-group", args=[article.pk, "take"])
    refused = client.post(take, {"quote": mine.pk}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 400
    assert "ben has not finished this article yet" in refused.content.decode()
    assert not Adjudication.objects.exists()
    assert not Quote.objects.gold().exists()

    Assignment.objects.filter(annotator=ben).update(status="done")
    assert client.post(take, {"quote": mine.pk}, HTTP_HX_REQUEST="true").status_code == 200
    assert Quote.objects.gold().count() == 1
