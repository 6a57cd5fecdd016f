"""Malformed input is a 400 naming the field, never a 500, and writes nothing: one case for
each shape that once crashed a view (a cursor whose position is not an id, JSON nested
100,000 deep, stances that are not a list of objects) and their siblings, then a fuzz of
every field of a quote with arbitrary JSON. Next to the schemathesis run, which cannot
reach these: the schema says only that a write takes an object."""

import base64
import json

import orjson
import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from accounts.models import ApiToken
from articles.models import Article, Assignment, Quote, Speaker
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = "– Vi sier nei, sier Ola Vik."
DEEP = "[" * 100_000 + "]" * 100_000
NESTED = "[" * 1000 + "]" * 1000  # within orjson's 1,024 levels, past Python's repr


@pytest.fixture
def world():
    project = ProjectFactory(slug="kyst")
    project.targets.create(name="Planen")
    annotator = UserFactory(username="ann", role="annotator")
    reviewer = UserFactory(username="rev", role="reviewer")
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    project.members.add(annotator, reviewer)
    article = ArticleFactory(project=project, text=TEXT)
    Assignment.objects.create(article=article, annotator=annotator)
    mine = Quote.objects.create(
        article=article, annotator=annotator, start=2, end=9, text="Vi sier"
    )
    return {"article": article, "mine": mine, "ann": annotator, "rev": reviewer, "admin": admin}


def api(user):
    client = APIClient()
    _, token = ApiToken.objects.create(user=user, expiry=None, name="t", scope="write")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def raw(body) -> str:
    """``body`` as JSON, with the strings "NESTED" and "DEEP" replaced by that nesting."""
    return json.dumps(body).replace('"NESTED"', NESTED).replace('"DEEP"', DEEP)


GOOD = {"start": 15, "end": 23, "text": "sier Ola", "kind": "direct"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"quotes": [{**GOOD, "stances": "abc"}]}, "quotes[0].stances"),
        ({"quotes": [{**GOOD, "stances": [1]}]}, "quotes[0].stances[0]"),
        ({"quotes": [{**GOOD, "stances": [None]}]}, "quotes[0].stances[0]"),
        ({"quotes": [{**GOOD, "stances": {"target": "Planen"}}]}, "quotes[0].stances"),
        (
            {"quotes": [{**GOOD, "stances": [{"target": ["Planen"], "label": "favor"}]}]},
            "quotes[0].stances[0].target",
        ),
        (
            {"quotes": [{**GOOD, "stances": [{"target": "Planen", "label": "NESTED"}]}]},
            "quotes[0].stances[0].label",
        ),
        ({"quotes": [{**GOOD, "cue": "x"}]}, "quotes[0].cue"),
        ({"quotes": [{**GOOD, "cue": [0, 1]}]}, "quotes[0].cue"),
        ({"quotes": [{**GOOD, "cue": {"start": "NESTED", "end": 1}}]}, "quotes[0].cue.start"),
        ({"quotes": [{**GOOD, "speaker": []}]}, "quotes[0].speaker"),
        ({"quotes": [{**GOOD, "speaker": True}]}, "quotes[0].speaker"),
        ({"quotes": [{**GOOD, "speaker": 1.5}]}, "quotes[0].speaker"),
        ({"quotes": [{**GOOD, "speaker": {"id": [1]}}]}, "quotes[0].speaker"),
        ({"quotes": [{**GOOD, "speaker": 2**64 - 1}]}, "quotes[0].speaker"),
        (
            {"quotes": [{**GOOD, "speaker": "X", "speaker_description": "NESTED"}]},
            "quotes[0].speaker_description",
        ),
        ({"quotes": [{**GOOD, "start": "NESTED"}]}, "quotes[0].start"),
        ({"quotes": [{**GOOD, "end": {"a": 1}}]}, "quotes[0].end"),
        ({"quotes": [{**GOOD, "start": True}]}, "quotes[0].start"),
        ({"quotes": [{**GOOD, "text": {"a": 1}}]}, "quotes[0].text"),
        ({"quotes": [{**GOOD, "kind": ["direct"]}]}, "quotes[0].kind"),
        ({"quotes": [1]}, "quotes[0]"),
        ({"quotes": [GOOD, "x"]}, "quotes[1]"),
        ({"quotes": []}, "quotes"),
        ({"quotes": "NESTED"}, "quotes[0]"),
        ({"quotes": {"0": GOOD}}, "quotes"),
        ("abc", "quotes"),
        (5, "quotes"),
        (None, "quotes"),
        ({"quotes": [GOOD], "origin": 5}, "origin"),
        ({"quotes": [GOOD], "origin": ["human"]}, "origin"),
        ({"quotes": [GOOD], "origin": "NESTED"}, "origin"),
        ({"quotes": [GOOD], "origin": "suggested", "model": "NESTED"}, "model"),
        ({"quotes": [GOOD], "origin": "suggested", "model": 5}, "model"),
    ],
)
def test_a_malformed_quote_batch_is_a_400_naming_the_field(world, body, field):
    suggests = isinstance(body, dict) and body.get("origin") == "suggested"
    client = api(world["rev"] if suggests else world["ann"])
    url = reverse("api:article-quotes", args=[world["article"].pk])
    response = client.generic("POST", url, raw(body), content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert field in response.json(), response.json()
    assert Quote.objects.count() == 1
    assert not Speaker.objects.exists()


@pytest.mark.parametrize(
    "url", ["api:article-quotes", "api:article-status", "api:suggestions-judge"]
)
def test_json_nested_100000_deep_is_a_400(world, url):
    url = reverse(url, args=[world["article"].pk])
    response = api(world["ann"]).generic("POST", url, DEEP, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error - depth limit exceeded")


@pytest.mark.parametrize("content_type", ["application/json", "application/x-ndjson"])
def test_an_import_nested_too_deep_is_a_400(world, content_type):
    url = reverse("api:article-import", args=["kyst"])
    admin = api(world["admin"])
    response = admin.generic("POST", url, DEEP, content_type=content_type)
    assert response.status_code == 400
    nested = '{"a":' * 1000 + "1" + "}" * 1000
    body = json.dumps({"title": "Deep", "text": "Some text.", "metadata": "NESTED"})
    body = body.replace('"NESTED"', nested)
    response = admin.generic(
        "POST",
        url,
        body if content_type.endswith("ndjson") else f"[{body}]",
        content_type=content_type,
    )
    assert response.status_code == 400
    assert response.json() == {"[0].metadata": ["nests more than 32 levels deep"]}
    assert not Article.objects.filter(title="Deep").exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"version": 1, "stances": "abc"}, "quote.stances"),
        ({"version": 1, "stances": [1]}, "quote.stances[0]"),
        ({"version": 1, "cue": "x"}, "quote.cue"),
        ({"version": 1, "speaker": []}, "quote.speaker"),
        ({"version": 1, "start": "NESTED"}, "quote.start"),
        ({"version": "NESTED"}, "version"),
        ([1], "version"),
    ],
)
def test_a_malformed_quote_change_is_a_400_naming_the_field(world, body, field):
    mine = world["mine"]
    url = reverse("api:quote-detail", args=[mine.pk])
    response = api(world["ann"]).generic("PATCH", url, raw(body), content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert field in response.json()
    mine.refresh_from_db()
    assert (mine.version, mine.cue_start, mine.speaker_id) == (1, None, None)


@pytest.mark.parametrize(
    "ids", [[2**63], [2**64 - 1], [0], [-1], [1e30], [True], ["1"], [[1]], "NESTED", [1] * 5001]
)
def test_judging_ids_out_of_range_is_a_400(world, ids):
    url = reverse("api:suggestions-judge", args=[world["article"].pk])
    body = raw({"action": "accept", "quotes": ids})
    response = api(world["ann"]).generic("POST", url, body, content_type="application/json")
    assert response.status_code == 400
    assert "quotes" in response.json()


def test_judging_ids_out_of_range_in_the_workspace_is_a_400(world):
    browser = Client()
    browser.force_login(world["ann"])
    url = reverse("articles:suggestions-judge", args=[world["article"].pk])
    response = browser.post(
        url, {"action": "accept", "quotes": f"1,{2**64}"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "give quote ids separated by commas." in response.content.decode()


def cursor(query: str) -> str:
    return base64.b64encode(query.encode()).decode()


@pytest.mark.parametrize(
    "value",
    [
        cursor("p=abc"),
        cursor("p=\x00"),
        cursor("p="),
        cursor("p=-5"),
        cursor(f"p={2**63}"),
        cursor("p=" + "9" * 5000),
        cursor("p=١٢"),
        cursor("o=abc"),
        cursor("r=x"),
        "ü",
    ],
)
def test_a_cursor_we_did_not_make_is_a_400(world, value):
    client = api(world["ann"])
    for name in ("quote-list", "article-list", "speaker-list"):
        response = client.get(reverse(f"api:{name}"), {"cursor": value})
        assert response.status_code == 400
        assert response.json() == {
            "cursor": "is not a cursor of ours: follow a page's next or previous link"
        }


def test_our_own_cursors_still_page(world):
    client = api(world["ann"])
    for start in range(9, 27, 2):
        Quote.objects.create(
            article=world["article"],
            annotator=world["ann"],
            start=start,
            end=start + 1,
            text=TEXT[start],
        )
    seen, url = [], reverse("api:quote-list") + "?page_size=3"
    while url:
        page = client.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert seen == sorted(Quote.objects.values_list("id", flat=True))


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.5", "", " 5", "٣", "0" * 30])
def test_a_page_size_that_is_not_a_whole_number_from_one_is_a_400(world, value):
    response = api(world["ann"]).get(reverse("api:quote-list"), {"page_size": value})
    assert response.status_code == 400
    assert "page_size" in response.json()


@pytest.mark.parametrize("value", ["1", "007", "1000", "5000", "9" * 5000])
def test_a_large_page_size_is_cut_to_a_thousand(world, value):
    response = api(world["ann"]).get(reverse("api:quote-list"), {"page_size": value})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


# Arbitrary JSON: scalars, and lists and objects of them a few levels deep.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "name", "start", "end", "target", "label"]) | st.text(),
            children,
            max_size=3,
        )
    ),
    max_leaves=8,
)
FIELDS = ["start", "end", "text", "kind", "speaker", "speaker_description", "cue", "stances"]


def test_arbitrary_json_in_any_field_of_a_quote_is_never_a_server_error(world):
    client = api(world["ann"])
    url = reverse("api:article-quotes", args=[world["article"].pk])
    patch = reverse("api:quote-detail", args=[world["mine"].pk])

    @given(field=st.sampled_from([*FIELDS, "quotes", "origin", "model"]), value=JSON)
    @settings(
        max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(field, value):
        if field in FIELDS:
            body = {"quotes": [{**GOOD, field: value}]}
        else:
            body = {"quotes": [GOOD], "origin": "human", field: value}
        try:
            encoded = orjson.dumps(body)
        except orjson.JSONEncodeError:  # an integer past 64 bits: not JSON orjson writes
            encoded = json.dumps(body).encode()
        response = client.generic("POST", url, encoded, content_type="application/json")
        assert response.status_code in (201, 400), (body, response.content[:300])
        if response.status_code == 400:
            assert response.json(), body
        Quote.objects.exclude(pk=world["mine"].pk).delete()
        if field in FIELDS:
            response = client.generic(
                "PATCH",
                patch,
                json.dumps({"version": 1, field: value}),
                content_type="application/json",
            )
            assert response.status_code in (200, 400, 409), (field, value, response.content[:300])
            Quote.objects.filter(pk=world["mine"].pk).update(version=1)

    check()


def test_the_speakers_mention_is_written_read_kept_and_checked(world):
    client = api(world["ann"])
    url = reverse("api:article-quotes", args=[world["article"].pk])
    mention = {"start": TEXT.index("Ola Vik"), "end": TEXT.index("Ola Vik") + 7}
    body = {"quotes": [{**GOOD, "start": 2, "end": 13, "text": TEXT[2:13]}]}
    body["quotes"][0]["speaker_mention"] = mention
    response = client.post(url, body, format="json")
    assert response.status_code == 201, response.content[:300]
    created = Quote.objects.get(start=2, end=13)
    assert created.speaker_mention == "Ola Vik"
    detail = reverse("api:quote-detail", args=[created.pk])
    assert client.get(detail).json()["speaker_mention"] == mention
    # A change that does not name the mention keeps it.
    response = client.patch(detail, {"version": 1, "kind": "indirect"}, format="json")
    assert response.status_code == 200, response.content[:300]
    assert response.json()["speaker_mention"] == mention
    past = {"version": 2, "speaker_mention": {"start": 20, "end": len(TEXT) + 1}}
    response = client.patch(detail, past, format="json")
    assert response.status_code == 400
    assert "quote.speaker_end" in response.json()
    response = client.patch(detail, {"version": 2, "speaker_mention": None}, format="json")
    assert response.json()["speaker_mention"] is None
