"""Flags: an annotator flags one of their quotes or the whole article with a note; a
reviewer answers and resolves it. Each write is exactly one history event (a refused one
none); notes are escaped and 1 to 2,000 characters (the database checks too); a blind
project's annotators never see another annotator's flag; the dashboard lists open flags;
the API and ``export_project --flags`` give them with their threads; the panel's queries
do not grow with the flags."""

import json

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from articles.discussion.models import Flag, FlagReply
from articles.history.models import HistoryEvent
from tests.factories import UserFactory
from tests.scenes import quote, team_scene

pytestmark = pytest.mark.django_db

TEXT = "– The quay is crumbling, says harbour master Siri Vold. – Tolls will rise in May."


@pytest.fixture
def scene():
    made = team_scene(slug="havn", text=TEXT, blind=True, status="in_progress")
    made.the_article = made.project.articles.get()
    ana, ben = made.annotators
    made.anas = quote(made.the_article, ana, "The quay is crumbling")
    made.bens = quote(made.the_article, ben, "Tolls will rise in May")
    return made


def flag(client, user, article, **data):
    client.force_login(user)
    body = {"reason": "unsure", "note": "Is this a quote?", **data}
    return client.post(reverse("articles:flag-create", args=[article.pk]), body)


def events(kind=None):
    found = HistoryEvent.objects.filter(kind__startswith="flag.")
    return list(found.filter(kind=kind) if kind else found)


def test_an_annotator_flags_their_quote_and_the_article(client, scene):
    ana = scene.annotators[0]
    response = flag(client, ana, scene.the_article, quote=scene.anas.pk, reason="guidelines")
    assert response.status_code == 200
    assert "Is this a quote?" in response.content.decode()
    flag(client, ana, scene.the_article, note="The last paragraph is cut off.", reason="text")
    on_quote, on_article = Flag.objects.order_by("id")
    assert (on_quote.quote_id, on_quote.quote_text, on_quote.reason) == (
        scene.anas.pk,
        "The quay is crumbling",
        "guidelines",
    )
    assert (on_article.quote_id, on_article.reason, on_article.status) == (None, "text", "open")
    raised = events("flag.raised")
    assert [(e.actor_id, e.article_id, e.quote_id) for e in raised] == [
        (ana.pk, scene.the_article.pk, scene.anas.pk),
        (ana.pk, scene.the_article.pk, None),
    ]
    assert raised[0].payload == {
        "flag": on_quote.pk,
        "reason": "guidelines",
        "note": "Is this a quote?",
    }


@pytest.mark.parametrize(
    ("note", "message"), [("   ", "Write a short note"), ("x" * 2001, "at most 2000 fit")]
)
def test_an_empty_or_long_note_is_a_400_in_the_panel_and_writes_nothing(
    client, scene, note, message
):
    response = flag(client, scene.annotators[0], scene.the_article, note=note)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Flag.objects.exists()
    assert events() == []


def test_an_unknown_reason_is_a_400_naming_it(client, scene):
    response = flag(client, scene.annotators[0], scene.the_article, reason="bored")
    assert response.status_code == 400
    assert "Choose why you flag it." in response.content.decode()
    assert not Flag.objects.exists()


def test_notes_are_escaped(client, scene):
    response = flag(
        client, scene.annotators[0], scene.the_article, note="<script>alert(1)</script>"
    )
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_a_blind_annotator_cannot_flag_or_see_anothers_quote_or_flag(client, scene):
    ana, ben = scene.annotators
    assert flag(client, ana, scene.the_article, quote=scene.bens.pk).status_code == 404
    flag(client, ana, scene.the_article, note="Ana wonders about the cue.")
    client.force_login(ben)
    page = client.get(reverse("articles:article", args=[scene.the_article.pk])).content.decode()
    assert "Ana wonders about the cue." not in page
    assert 'id="flag-panel"' in page
    own = flag(client, ben, scene.the_article, note="Ben asks too.").content.decode()
    assert "Ben asks too." in own
    assert "Ana wonders about the cue." not in own


def test_the_reviewer_answers_the_author_sees_it_and_the_reviewer_resolves(client, scene):
    ana, ben = scene.annotators
    flag(client, ana, scene.the_article)
    raised = Flag.objects.get()
    client.force_login(scene.reviewer)
    board = client.get(reverse("articles:adjudicate", args=[scene.the_article.pk]))
    assert "Is this a quote?" in board.content.decode()
    answer = client.post(
        reverse("articles:flag-answer", args=[raised.pk]), {"note": "Yes: mark it direct."}
    )
    assert answer.status_code == 200
    client.force_login(ana)
    page = client.get(reverse("articles:article", args=[scene.the_article.pk])).content.decode()
    assert "Yes: mark it direct." in page
    client.force_login(ben)  # not theirs: no answer, no resolve
    assert (
        client.post(reverse("articles:flag-answer", args=[raised.pk]), {"note": "Me?"}).status_code
        == 404
    )
    assert client.post(reverse("articles:flag-resolve", args=[raised.pk])).status_code == 404
    client.force_login(ana)  # the author writes back but cannot resolve
    assert (
        client.post(
            reverse("articles:flag-answer", args=[raised.pk]), {"note": "Thanks!"}
        ).status_code
        == 200
    )
    assert client.post(reverse("articles:flag-resolve", args=[raised.pk])).status_code == 404
    client.force_login(scene.reviewer)
    assert client.post(reverse("articles:flag-resolve", args=[raised.pk])).status_code == 200
    assert client.post(reverse("articles:flag-resolve", args=[raised.pk])).status_code == 200
    raised.refresh_from_db()
    assert (raised.status, raised.resolved_by) == ("resolved", scene.reviewer)
    assert [r.note for r in FlagReply.objects.order_by("id")] == ["Yes: mark it direct.", "Thanks!"]
    assert [e.kind for e in events()] == [
        "flag.raised",
        "flag.answered",
        "flag.answered",
        "flag.resolved",
    ]


def test_an_empty_answer_is_a_400_on_its_flag(client, scene):
    flag(client, scene.annotators[0], scene.the_article)
    raised = Flag.objects.get()
    client.force_login(scene.reviewer)
    response = client.post(reverse("articles:flag-answer", args=[raised.pk]), {"note": ""})
    assert response.status_code == 400
    assert "Write a short note" in response.content.decode()
    assert not FlagReply.objects.exists()


def test_the_database_refuses_a_note_too_long_or_empty(scene):
    for note in ("", "x" * 2001):
        with pytest.raises(IntegrityError), transaction.atomic():
            Flag.objects.create(
                project=scene.project,
                article=scene.the_article,
                author=scene.annotators[0],
                reason="unsure",
                note=note,
            )


def test_the_dashboard_lists_open_flags(client, scene):
    flag(client, scene.annotators[0], scene.the_article, note="Open one.")
    flag(client, scene.annotators[1], scene.the_article, note="Closed one.")
    Flag.objects.filter(note="Closed one.").update(
        status="resolved", resolved_at="2026-12-05T10:00Z"
    )
    client.force_login(scene.reviewer)
    body = client.get(reverse("articles:dashboard", args=["havn"])).content.decode()
    assert "1 open flag" in body
    assert "Open one." in body
    assert "Closed one." not in body


def test_the_api_and_the_export_give_the_flags_with_their_threads(client, scene, tmp_path):
    flag(client, scene.annotators[0], scene.the_article, quote=scene.anas.pk)
    raised = Flag.objects.get()
    client.force_login(scene.reviewer)
    client.post(reverse("articles:flag-answer", args=[raised.pk]), {"note": "Mark it."})
    researcher = UserFactory(username="rita", role="researcher")
    scene.project.members.add(researcher)
    api = APIClient()
    api.force_authenticate(researcher)
    page = api.get(reverse("api:flags", args=["havn"]), {"status": "open"}).json()
    (item,) = page["results"]
    assert (item["quote"], item["author"], item["note"]) == (
        scene.anas.pk,
        "ana",
        "Is this a quote?",
    )
    assert [(r["author"], r["note"]) for r in item["replies"]] == [("rev", "Mark it.")]
    streamed = api.get(reverse("api:flags", args=["havn"]), {"format": "jsonl"})
    lines = b"".join(streamed.streaming_content).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [raised.pk]
    assert api.get(reverse("api:flags", args=["havn"]), {"status": "maybe"}).status_code == 400
    api.force_authenticate(scene.annotators[0])
    assert api.get(reverse("api:flags", args=["havn"])).status_code in (403, 404)

    out, flags_file = tmp_path / "havn.jsonl", tmp_path / "flags.jsonl"
    call_command("export_project", "havn", "--output", str(out), "--flags", str(flags_file))
    (line,) = flags_file.read_text().splitlines()
    assert json.loads(line)["replies"][0]["note"] == "Mark it."


@pytest.mark.parametrize("extra", [0, 25])
def test_the_panel_reads_in_a_bounded_number_of_queries(
    client, scene, extra, django_assert_max_num_queries
):
    for n in range(extra):
        made = Flag.objects.create(
            project=scene.project,
            article=scene.the_article,
            author=scene.annotators[n % 2],
            reason="unsure",
            note=f"Question {n}",
        )
        FlagReply.objects.create(flag=made, author=scene.reviewer, note=f"Answer {n}")
    client.force_login(scene.reviewer)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("articles:adjudicate", args=[scene.the_article.pk]))
    assert response.status_code == 200
