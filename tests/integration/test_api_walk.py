"""Issue 16's "done when", through the API alone: one project from creation to a
researcher's export of the gold set. The database is written only to make the first admin;
everything else is an HTTP call to /api/v1/, except what only a person can do: opening the
e-mailed link to set their password (Django's own reset page)."""

import json
import re

import pytest
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User

pytestmark = pytest.mark.django_db

API = "/api/v1"
PASSWORD = "a long Passphrase 42"
TEXTS = [
    "– Vi sier nei til bomringen, sier Ola Vik. Han vil ha ferje.",
    "– Vindkraft er framtida, meiner Kari Nord.",
]


def api(token=None) -> APIClient:
    client = APIClient()
    client.default_format = "json"
    if token:
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def token_for(username, password=PASSWORD, scope="write") -> str:
    body = {"username": username, "password": password, "name": "walk", "scope": scope}
    answer = api().post(f"{API}/auth/token/", body)
    assert answer.status_code == 201, answer.json()
    return answer.json()["token"]


def set_password_from_mail(email: str) -> None:
    """What the person does with the e-mail the people endpoint sent them."""
    [message] = [m for m in mail.outbox if m.to == [email]]
    link = re.search(r"https?://\S+", message.body).group(0)
    browser = Client()
    form = browser.get(link.removeprefix("http://testserver"), follow=True)
    done = browser.post(
        form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert done.status_code == 302


def ok(answer, status=200):
    assert answer.status_code == status, (answer.status_code, answer.content[:500])
    return answer.json()


def test_a_project_walks_from_creation_to_a_gold_export_through_the_api(
    settings, django_capture_on_commit_callbacks
):
    # The first admin, the one write to the database; the rest is HTTP. A password login
    # is refused to staff who must use a second factor: this admin is not required to.
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = False
    User.objects.create_user("boss", "boss@example.org", PASSWORD, is_staff=True)
    index = ok(api().get(f"{API}/"))
    assert index["endpoints"]["auth-token"].endswith("/api/v1/auth/token/")
    boss = api(token_for("boss"))

    # A project with stance targets.
    project = ok(
        boss.post(
            f"{API}/projects/",
            {
                "slug": "ferje",
                "name": "Ferries",
                "stance_labels": ["for", "against", "neutral"],
                "targets": ["Bomring", "Vindkraft"],
            },
        ),
        201,
    )
    assert [t["name"] for t in project["targets"]] == ["Bomring", "Vindkraft"]

    # People in bulk; each sets a password from the mail and makes a token.
    people = {"ann": "annotator", "bob": "annotator", "rev": "reviewer", "res": "researcher"}
    csv = "username,email,role\n" + "".join(
        f"{name},{name}@example.org,{role}\n" for name, role in people.items()
    )
    with django_capture_on_commit_callbacks(execute=True):
        ok(boss.post(f"{API}/users/bulk/", {"csv": csv}), 201)
    for name in people:
        set_password_from_mail(f"{name}@example.org")
    added = ok(boss.post(f"{API}/projects/ferje/members/", {"users": list(people)}))
    assert sorted(added["added"]) == sorted(people)
    ann, bob, rev = (api(token_for(name)) for name in ("ann", "bob", "rev"))
    res = api(token_for("res", scope="read"))

    # Articles, then two annotators on each.
    imported = ok(
        boss.post(
            f"{API}/projects/ferje/articles/",
            [{"title": f"Article {i}", "text": text} for i, text in enumerate(TEXTS)],
        ),
        201,
    )
    assert imported["created"] == 2
    made = ok(
        boss.post(
            f"{API}/projects/ferje/assignments/",
            {"action": "distribute", "annotators": ["ann", "bob"], "per_article": 2},
        )
    )
    assert made["assigned"] == 4
    listed = ok(boss.get(f"{API}/projects/ferje/assignments/", {"count": "true"}))
    assert listed["count"] == 4

    # Both annotators quote each article, a little differently, and mark it done.
    articles = ok(ann.get(f"{API}/articles/", {"project": "ferje", "count": "true"}))
    assert articles["count"] == 2
    for article in articles["results"]:
        text = ok(ann.get(f"{API}/articles/{article['id']}/"))["text"]
        said = text[2 : text.index(",")]
        start = 2
        for client, stance in ((ann, "against"), (bob, "for")):
            quote = {
                "start": start,
                "end": start + len(said),
                "text": said,
                "speaker": "Ola Vik" if "Ola Vik" in text else "Kari Nord",
                "stances": [{"target": "Bomring", "label": stance}],
            }
            ok(client.post(f"{API}/articles/{article['id']}/quotes/", {"quotes": [quote]}), 201)
            ok(client.post(f"{API}/articles/{article['id']}/status/", {"status": "done"}))

    # The reviewer takes ann's version of every group into gold and finishes.
    first = articles["results"][0]["id"]
    quotes = ok(rev.get(f"{API}/quotes/", {"article": first, "annotator": "ann"}))["results"]
    [theirs] = quotes
    taken = ok(
        rev.post(f"{API}/articles/{first}/adjudication/", {"action": "take", "quote": theirs["id"]})
    )
    assert taken["gold_quotes"] == 1
    finished = ok(rev.post(f"{API}/articles/{first}/adjudication/", {"action": "finish"}))
    assert finished["status"] == "done"

    # The researcher exports JSONL and finds the gold set.
    export = res.get(f"{API}/projects/ferje/export/", {"annotations": "gold"})
    assert export.status_code == 200
    lines = [json.loads(line) for line in b"".join(export.streaming_content).splitlines()]
    records = [line for line in lines if "text" in line]  # the last line sums them up
    assert len(records) == 2  # the article not yet adjudicated comes without gold quotes
    [record] = [line for line in records if line["quotes"]]
    assert [q["text"] for q in record["quotes"]] == [theirs["text"]]
    assert record["quotes"][0]["stances"][0]["label"] == "against"
