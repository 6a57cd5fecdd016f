"""The audit history (``articles.history``): every change to annotation data leaves exactly
one event in its own transaction (a refused or failed write leaves none), the events
cannot be altered through the ORM or SQL, and the API, the export and the article page
read them with the export's permission."""

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import ApiToken
from accounts.personal_data import anonymise_user
from articles.assignments import set_assignment_status
from articles.exchange.importing import import_articles
from articles.exchange.records import record_from_mapping
from articles.history import origin, reads
from articles.models import Assignment, HistoryEvent, Quote, StanceLabel
from articles.quotes import (
    accept_suggestion,
    create_quote,
    create_quotes,
    delete_quote,
    judge_waiting_suggestions,
    quote_snapshot,
    restore_quote,
    update_quote,
)
from articles.review import adjudication
from articles.speakers import merge_speakers, rename_speaker
from articles.types import (
    AssignmentClosed,
    DuplicateSpan,
    QuoteConflict,
    QuoteInput,
    SuggestionsWaiting,
)
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BRIDGE = "We will build the bridge next year"
BUDGET = "The budget cannot carry it"
TEXT = f"– {BRIDGE}, says mayor Anne Lie.\n\n– {BUDGET}, says councillor Per Dahl.\n"


def span(fragment, kind="direct", **fields):
    start = TEXT.index(fragment)
    return QuoteInput(start=start, end=start + len(fragment), text=fragment, kind=kind, **fields)


@pytest.fixture
def w():
    project = ProjectFactory(slug="bridge")
    ann, ben = (UserFactory(username=n, role="annotator") for n in ("ann", "ben"))
    rev = UserFactory(username="rev", role="reviewer")
    project.members.add(ann, ben, rev)
    article = ArticleFactory(project=project, text=TEXT, title="The bridge")
    for person in (ann, ben):
        Assignment.objects.create(article=article, annotator=person, status="in_progress")
    return SimpleNamespace(
        project=project,
        article=article,
        ann=ann,
        ben=ben,
        rev=rev,
        lie=SpeakerFactory(project=project, name="Anne Lie"),
        dahl=SpeakerFactory(project=project, name="Per Dahl"),
        road=StanceTargetFactory(project=project, name="Bridge"),
    )


def kinds():
    return list(HistoryEvent.objects.order_by("id").values_list("kind", flat=True))


def last():
    return HistoryEvent.objects.order_by("-id").first()


def suggested(w, annotator, fragment=BUDGET):
    start = TEXT.index(fragment)
    return Quote.objects.create(
        article=w.article,
        annotator=annotator,
        start=start,
        end=start + len(fragment),
        text=fragment,
        origin=Quote.Origin.SUGGESTED,
    )


# Quotes


def test_creating_a_quote_records_it_whole_with_its_stances(w):
    quote, _ = create_quote(
        article=w.article,
        annotator=w.ann,
        data=span(BRIDGE, speaker=w.lie, stances={w.road: "favor"}),
    )
    assert kinds() == ["quote.created"]
    event = last()
    assert (event.actor, event.project, event.article, event.quote_id, event.agent) == (
        w.ann,
        w.project,
        w.article,
        quote.pk,
        "",
    )
    assert event.payload["quote"] == {
        "start": TEXT.index(BRIDGE),
        "end": TEXT.index(BRIDGE) + len(BRIDGE),
        "text": BRIDGE,
        "kind": "direct",
        "speaker": w.lie.pk,
        "cue": None,
        "speaker_mention": None,
        "origin": "human",
        "stances": {str(w.road.pk): "favor"},
    }


def test_a_repeated_request_or_a_duplicate_span_records_nothing_more(w):
    request_id = "3f0c9c2e-52a1-4a53-9b44-0c0e0e3c6a11"
    create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE), request_id=request_id)
    _, created = create_quote(
        article=w.article, annotator=w.ann, data=span(BRIDGE), request_id=request_id
    )
    assert not created
    with pytest.raises(DuplicateSpan):
        create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    assert kinds() == ["quote.created"]


def test_the_first_write_to_a_set_records_its_start(w):
    Assignment.objects.filter(annotator=w.ann).update(status="todo")
    create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    assert kinds() == ["assignment.status", "quote.created"]
    assert HistoryEvent.objects.first().payload == {
        "annotator": w.ann.pk,
        "status": ["todo", "in_progress"],
    }


def test_a_batch_records_one_event_per_quote_and_a_clash_records_none(w):
    made = create_quotes(article=w.article, annotator=w.ann, items=[span(BRIDGE), span(BUDGET)])
    assert kinds() == ["quote.created", "quote.created"]
    assert sorted(HistoryEvent.objects.values_list("quote_id", flat=True)) == sorted(
        q.pk for q in made
    )
    with pytest.raises(DuplicateSpan):
        create_quotes(article=w.article, annotator=w.ann, items=[span(BRIDGE)])
    assert len(kinds()) == 2


def test_an_edit_records_each_changed_field_before_and_after(w):
    quote, _ = create_quote(
        article=w.article,
        annotator=w.ann,
        data=span(BRIDGE, speaker=w.lie, stances={w.road: "favor"}),
    )
    update_quote(
        quote=quote,
        version=1,
        data=span(BRIDGE, kind="indirect", speaker=w.dahl, stances={w.road: "against"}),
    )
    assert kinds() == ["quote.created", "quote.edited"]
    assert last().payload == {
        "version": 2,
        "changes": {
            "kind": ["direct", "indirect"],
            "speaker": [w.lie.pk, w.dahl.pk],
            "stances": [{str(w.road.pk): "favor"}, {str(w.road.pk): "against"}],
        },
    }
    assert last().actor == w.ann


def test_a_stale_edit_or_delete_records_nothing(w):
    quote, _ = create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    update_quote(quote=quote, version=1, data=span(BRIDGE, kind="mixed"))
    with pytest.raises(QuoteConflict):
        update_quote(quote=quote, version=1, data=span(BRIDGE, kind="indirect"))
    with pytest.raises(QuoteConflict):
        delete_quote(quote=quote, version=1)
    assert kinds() == ["quote.created", "quote.edited"]


def test_a_write_to_a_done_set_records_nothing(w):
    quote, _ = create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    set_assignment_status(assignment=Assignment.objects.get(annotator=w.ann), status="done")
    with pytest.raises(AssignmentClosed):
        update_quote(quote=quote, version=1, data=span(BRIDGE, kind="mixed"))
    assert kinds() == ["quote.created", "assignment.status"]


def test_delete_and_undo_record_what_the_quote_was_once_each(w):
    quote, _ = create_quote(
        article=w.article, annotator=w.ann, data=span(BRIDGE, stances={w.road: "favor"})
    )
    snapshot = quote_snapshot(quote)
    delete_quote(quote=quote, version=1)
    deleted = last()
    assert (deleted.kind, deleted.quote_id) == ("quote.deleted", quote.pk)
    assert deleted.payload["quote"]["stances"] == {str(w.road.pk): "favor"}
    restored = restore_quote(article=w.article, annotator=w.ann, snapshot=snapshot)
    assert kinds() == ["quote.created", "quote.deleted", "quote.restored"]
    assert last().quote_id == restored.pk
    assert last().payload["quote"]["stances"] == {str(w.road.pk): "favor"}


# Suggestions


def test_accepting_correcting_and_rejecting_suggestions_each_record_one_event(w):
    one = suggested(w, w.ann)
    two = suggested(w, w.ben)
    three = suggested(w, w.ben, BRIDGE)
    accept_suggestion(quote=one, version=1)
    update_quote(quote=two, version=1, data=span(BUDGET, kind="indirect"))
    delete_quote(quote=three, version=1)
    assert kinds() == ["suggestion.accepted", "suggestion.corrected", "suggestion.rejected"]
    corrected = HistoryEvent.objects.get(kind="suggestion.corrected")
    assert corrected.payload["changes"] == {
        "kind": ["direct", "indirect"],
        "origin": ["suggested", "corrected"],
    }
    assert HistoryEvent.objects.get(kind="suggestion.rejected").payload["quote"]["text"] == BRIDGE


@pytest.mark.parametrize("accept", [True, False])
def test_judging_at_once_records_one_event_per_suggestion_or_none_if_stale(w, accept):
    waiting = [suggested(w, w.ann), suggested(w, w.ann, BRIDGE)]
    ids = [q.pk for q in waiting]
    with pytest.raises(QuoteConflict):
        judge_waiting_suggestions(
            article=w.article, annotator=w.ann, accept=accept, quote_ids=[*ids, 10**9]
        )
    assert kinds() == []
    judge_waiting_suggestions(article=w.article, annotator=w.ann, accept=accept, quote_ids=ids)
    kind = "suggestion.accepted" if accept else "suggestion.rejected"
    assert kinds() == [kind, kind]
    assert sorted(HistoryEvent.objects.values_list("quote_id", flat=True)) == sorted(ids)


# Assignments


def test_done_and_reopen_record_the_status_and_a_refused_done_records_nothing(w):
    assignment = Assignment.objects.get(annotator=w.ann)
    suggested(w, w.ann)
    with pytest.raises(SuggestionsWaiting):
        set_assignment_status(assignment=assignment, status="done")
    assert kinds() == []
    Quote.objects.all().delete()
    set_assignment_status(assignment=assignment, status="done")
    set_assignment_status(assignment=assignment, status="done")  # no change, no event
    set_assignment_status(assignment=assignment, status="in_progress")
    assert [e.payload["status"] for e in HistoryEvent.objects.order_by("id")] == [
        ["in_progress", "done"],
        ["done", "in_progress"],
    ]


# Adjudication


@pytest.fixture
def board(w):
    ann_quote, _ = create_quote(
        article=w.article, annotator=w.ann, data=span(BRIDGE, stances={w.road: "favor"})
    )
    ben_quote, _ = create_quote(article=w.article, annotator=w.ben, data=span(BRIDGE))
    budget, _ = create_quote(article=w.article, annotator=w.ben, data=span(BUDGET))
    Assignment.objects.update(status="done")
    return SimpleNamespace(ann=ann_quote, ben=ben_quote, budget=budget)


def test_every_adjudication_write_records_one_event_by_the_reviewer(w, board):
    before = HistoryEvent.objects.count()
    gold = adjudication.take_version(article=w.article, reviewer=w.rev, quote_id=board.ann.pk)
    taken = last()
    assert (taken.kind, taken.quote_id, taken.actor) == ("gold.taken", gold.pk, w.rev)
    assert taken.payload["source"] == board.ann.pk
    assert taken.payload["quote"]["stances"] == {str(w.road.pk): "favor"}
    gold = adjudication.edit_gold(
        article=w.article, reviewer=w.rev, quote=gold, version=1, data=span(BRIDGE, kind="mixed")
    )
    assert (last().kind, last().actor, last().payload["changes"]) == (
        "gold.edited",
        w.rev,
        {"kind": ["direct", "mixed"], "stances": [{str(w.road.pk): "favor"}, {}]},
    )
    adjudication.remove_gold(article=w.article, reviewer=w.rev, quote=gold, version=2)
    assert (last().kind, last().actor) == ("gold.removed", w.rev)
    adjudication.drop_group(article=w.article, reviewer=w.rev, quote_id=board.budget.pk)
    adjudication.reset_group(article=w.article, reviewer=w.rev, quote_id=board.budget.pk)
    adjudication.drop_group(article=w.article, reviewer=w.rev, quote_id=board.budget.pk)
    with pytest.raises(adjudication.AdjudicationError):
        adjudication.finish(article=w.article, reviewer=w.rev)  # the bridge is undecided
    adjudication.take_version(article=w.article, reviewer=w.rev, quote_id=board.ben.pk)
    adjudication.finish(article=w.article, reviewer=w.rev)
    adjudication.reopen(article=w.article, reviewer=w.rev)
    assert kinds()[before:] == [
        "gold.taken",
        "gold.edited",
        "gold.removed",
        "gold.dropped",
        "gold.reset",
        "gold.dropped",
        "gold.taken",
        "adjudication.finished",
        "adjudication.reopened",
    ]


def test_taking_a_version_over_another_records_the_gold_it_replaced(w, board):
    first = adjudication.take_version(article=w.article, reviewer=w.rev, quote_id=board.ann.pk)
    adjudication.take_version(article=w.article, reviewer=w.rev, quote_id=board.ben.pk)
    assert last().payload["removed"] == [first.pk]


def test_adding_gold_records_one_event(w, board):
    adjudication.add_gold(article=w.article, reviewer=w.rev, data=span("says mayor Anne Lie"))
    assert (last().kind, last().actor) == ("gold.added", w.rev)


# Speakers and imports


def test_merging_and_renaming_speakers_record_one_event_each(w):
    create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE, speaker=w.dahl))
    w.dahl.aliases.create(name="Dahl")
    merge_speakers(source=w.dahl, target=w.lie, actor=w.rev)
    merged = last()
    assert (merged.kind, merged.actor, merged.article_id) == ("speaker.merged", w.rev, None)
    assert merged.payload == {
        "source": {"id": w.dahl.pk, "name": "Per Dahl", "aliases": ["Dahl"]},
        "target": {"id": w.lie.pk, "name": "Anne Lie"},
        "quotes": 1,
    }
    rename_speaker(speaker=w.lie, name="Anne K. Lie", actor=w.rev)
    rename_speaker(speaker=w.lie, name="Anne K. Lie", actor=w.rev)  # unchanged: no event
    assert kinds()[-2:] == ["speaker.merged", "speaker.renamed"]
    assert last().payload == {"speaker": w.lie.pk, "name": ["Anne Lie", "Anne K. Lie"]}


def test_an_import_records_one_event_for_the_batch(w):
    records = [
        record_from_mapping({"title": f"T{i}", "text": f"Text number {i}."}, path="t", line=i)
        for i in (1, 2)
    ]
    import_articles(project=w.project, records=records, actor=w.rev)
    import_articles(project=w.project, records=records[:1])  # a command's, all known
    first, second = HistoryEvent.objects.order_by("id")
    assert (first.kind, first.actor, first.payload["created"]) == ("articles.imported", w.rev, 2)
    made = set(w.project.articles.exclude(pk=w.article.pk).values_list("pk", flat=True))
    # The COPY path on PostgreSQL reads no ids it does not need.
    assert set(first.payload.get("articles", made)) == made
    assert (second.actor, second.agent, second.payload["duplicates"]) == (None, "command", 1)


def test_a_dry_run_or_a_refused_import_records_nothing(w):
    records = [record_from_mapping({"title": "T", "text": "New text."}, path="t", line=1)]
    import_articles(project=w.project, records=records, dry_run=True)
    assert kinds() == []


# Append-only


@pytest.fixture
def event(w):
    create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    return HistoryEvent.objects.get()


@pytest.mark.parametrize(
    "alter",
    [
        lambda e: HistoryEvent.objects.filter(pk=e.pk).update(kind="quote.deleted"),
        lambda e: HistoryEvent.objects.filter(pk=e.pk).delete(),
        lambda e: e.delete(),
        lambda e: setattr(e, "payload", {}) or e.save(),
        lambda e: HistoryEvent.objects.all().delete(),
    ],
    ids=["update", "queryset-delete", "delete", "save", "delete-all"],
)
def test_the_orm_cannot_alter_an_event(event, alter):
    with pytest.raises(IntegrityError), transaction.atomic():
        alter(event)
    event.refresh_from_db()
    assert event.kind == "quote.created"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE articles_historyevent SET kind = 'forged'",
        "UPDATE articles_historyevent SET actor_id = NULL, agent = 'engine'",
        "DELETE FROM articles_historyevent",
    ],
)
def test_sql_cannot_alter_an_event(event, sql):
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert HistoryEvent.objects.get().kind == "quote.created"


def test_a_user_or_project_with_a_history_is_protected_and_an_article_keeps_its_history(w, event):
    with pytest.raises(ProtectedError):
        w.ann.delete()
    with pytest.raises(ProtectedError):
        w.project.delete()
    Quote.objects.all().delete()
    article_id = w.article.pk
    w.article.delete()
    assert HistoryEvent.objects.get().article_id == article_id


def test_an_anonymised_actor_shows_under_their_pseudonym(w, event):
    name = anonymise_user(user=w.ann)
    [item] = [reads.item(e) for e in reads.with_actors(HistoryEvent.objects.all())]
    assert item["actor"] == name != "ann"


def test_a_job_names_itself_in_the_events_it_writes(w):
    with origin.during(job_id="42"):
        create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    create_quote(article=w.article, annotator=w.ann, data=span(BUDGET))
    assert list(HistoryEvent.objects.order_by("id").values_list("job_id", flat=True)) == ["42", ""]


def test_an_api_write_names_its_request_and_token(w):
    quote, _ = create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    client = APIClient()
    _, secret = ApiToken.objects.create(user=w.ann, expiry=None, name="laptop", scope="write")
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    response = client.patch(
        reverse("api:quote-detail", args=[quote.pk]),
        {"version": 1, "kind": "mixed"},
        format="json",
        headers={"X-Request-ID": "req-123"},
    )
    assert response.status_code == 200
    assert response["X-Request-ID"] == "req-123"
    edited = last()
    assert (edited.kind, edited.actor, edited.token, edited.request_id) == (
        "quote.edited",
        w.ann,
        "laptop",
        "req-123",
    )
    stale = client.patch(
        reverse("api:quote-detail", args=[quote.pk]),
        {"version": 1, "kind": "direct"},
        format="json",
    )
    assert stale.status_code == 409
    assert HistoryEvent.objects.filter(kind="quote.edited").count() == 1


def test_a_session_request_gets_a_request_id_of_its_own(client, w):
    client.force_login(w.ann)
    response = client.get(reverse("articles:project-list"), headers={"X-Request-ID": "bad id!"})
    assert len(response["X-Request-ID"]) == 32


# Reading: the API, the export, the page


@pytest.fixture
def story(w):
    """Five events on two articles by ann, ben and the reviewer."""
    other = ArticleFactory(project=w.project, text=TEXT + " ")
    Assignment.objects.create(article=other, annotator=w.ann, status="in_progress")
    create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    create_quote(article=w.article, annotator=w.ben, data=span(BRIDGE))
    create_quote(article=other, annotator=w.ann, data=span(BUDGET))
    create_quote(article=w.article, annotator=w.ann, data=span(BUDGET))
    rename_speaker(speaker=w.lie, name="Anne K. Lie", actor=w.rev)
    return SimpleNamespace(other=other)


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def history_url(slug="bridge"):
    return reverse("api:history", args=[slug])


def test_the_api_pages_the_whole_history_with_a_cursor(w, story, django_assert_max_num_queries):
    client = api(w.rev)
    seen, url = [], history_url() + "?page_size=2"
    while url:
        with django_assert_max_num_queries(4):
            body = client.get(url).json()
        assert len(body["results"]) <= 2
        seen += body["results"]
        url = body["next"]
    assert [e["id"] for e in seen] == sorted(HistoryEvent.objects.values_list("id", flat=True))
    assert [e["actor"] for e in seen] == ["ann", "ben", "ann", "ann", "rev"]
    assert seen[-1]["payload"] == {"speaker": w.lie.pk, "name": ["Anne Lie", "Anne K. Lie"]}


def test_the_api_filters_by_article_user_and_time(w, story):
    client = api(w.rev)

    def ids(**params):
        return [e["id"] for e in client.get(history_url(), params).json()["results"]]

    by_article = ids(article=story.other.pk)
    assert [HistoryEvent.objects.get(pk=i).article_id for i in by_article] == [story.other.pk]
    assert len(ids(user="ann")) == 3
    assert ids(user="nobody") == []
    assert len(ids(article=w.article.pk, user="ann")) == 2
    future = (timezone.now() + timedelta(hours=1)).isoformat()
    assert ids(since=future) == []
    assert len(ids(since="2000-01-01T00:00:00")) == 5


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "yesterday"}, "since"),
        ({"article": "x1"}, "article"),
        ({"format": "xml"}, "format"),
        ({"kind": "quote.created"}, "kind"),
        ({"cursor": "forged"}, "cursor"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(w, params, field):
    response = api(w.rev).get(history_url(), params)
    assert response.status_code == 400
    assert field in response.json()


def test_only_those_who_may_export_read_the_history(w, story):
    assert api(w.ann).get(history_url()).status_code == 403
    outsider = UserFactory(username="out", role="reviewer")
    assert api(outsider).get(history_url()).status_code == 404
    researcher = UserFactory(username="res", role="researcher")
    w.project.members.add(researcher)
    assert api(researcher).get(history_url()).status_code == 200
    assert APIClient().get(history_url()).status_code in (401, 403)


def test_an_annotator_sees_only_their_own_events_in_a_blind_project(w, story):
    assert w.project.blind
    mine = reads.events_visible_to(w.ann, w.project)
    assert set(mine.values_list("actor__username", flat=True)) == {"ann"}
    assert mine.count() == 3


def test_the_api_streams_the_history_as_jsonl(w, story):
    response = api(w.rev).get(history_url(), {"format": "jsonl", "user": "ann"})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert [json.loads(line)["actor"] for line in lines] == ["ann", "ann", "ann"]


def test_export_project_writes_the_history_beside_the_export(w, story, tmp_path):
    out, history = tmp_path / "export.jsonl", tmp_path / "history.jsonl"
    call_command("export_project", "bridge", "--output", str(out), "--history", str(history))
    events = [json.loads(line) for line in history.read_text().splitlines()]
    assert [e["kind"] for e in events] == ["quote.created"] * 4 + ["speaker.renamed"]
    assert events[0]["payload"]["quote"]["text"] == BRIDGE
    assert not (tmp_path / "history.jsonl.partial").exists()


def test_the_article_page_shows_its_history_to_reviewers_only(
    client, w, story, django_assert_max_num_queries
):
    url = reverse("articles:article-history", args=[w.article.pk])
    client.force_login(w.ann)
    assert client.get(url).status_code == 404
    client.force_login(w.rev)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Quote created") == 3  # the other article's is not here
    assert BRIDGE in page
    assert client.get(reverse("articles:article-history", args=[10**9])).status_code == 404


def test_the_article_page_pages_back_through_older_events(client, w, monkeypatch):
    from articles.history import views

    monkeypatch.setattr(views, "EVENTS_A_PAGE", 1)
    create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    create_quote(article=w.article, annotator=w.ann, data=span(BUDGET))
    client.force_login(w.rev)
    url = reverse("articles:article-history", args=[w.article.pk])
    first = client.get(url)
    assert BUDGET in first.content.decode()
    assert BRIDGE not in first.content.decode()
    older = client.get(url, {"before": first.context["older"]})
    assert BRIDGE in older.content.decode()
    assert older.context["older"] is None


def test_stances_deleted_with_a_quote_stay_in_its_history(w):
    quote, _ = create_quote(
        article=w.article, annotator=w.ann, data=span(BRIDGE, stances={w.road: "favor"})
    )
    delete_quote(quote=quote, version=1)
    assert not StanceLabel.objects.exists()
    assert last().payload["quote"]["stances"] == {str(w.road.pk): "favor"}


# Who annotates what, and the engine's suggestions


def test_assigning_distributing_and_handing_work_on_record_each_assignment(w):
    from articles.assignments import assign_articles
    from articles.review.distribution import distribute, reassign_open_work

    cid = UserFactory(username="cid", role="annotator")
    fresh = ArticleFactory(project=w.project, text="Another text.")
    assign_articles(articles=[fresh], annotators=[cid], actor=w.rev)
    assert kinds() == ["assignment.created"]
    assert (last().actor, last().article_id, last().payload) == (
        w.rev,
        fresh.pk,
        {"annotator": cid.pk},
    )
    distribute(project=w.project, annotators=[w.ann, w.ben, cid], per_article=2)  # a command
    assert kinds()[1:] == ["assignment.created"]  # the article cid lacked got one more
    assert (last().actor, last().agent) == (None, "command")
    before = HistoryEvent.objects.count()
    reassign_open_work(project=w.project, leaving=cid, annotators=[w.ann, w.ben], actor=w.rev)
    handed = HistoryEvent.objects.order_by("id")[before:]
    statuses = [e.payload.get("status") for e in handed if e.kind == "assignment.status"]
    assert (
        statuses
        == [["todo", "skipped"]]
        * Assignment.objects.filter(annotator=cid, status="skipped").count()
    )
    assert {e.actor for e in handed} == {w.rev}


def test_suggestions_record_one_event_per_article_by_the_engine_or_the_poster(w):
    from articles.quotes import add_suggestions
    from articles.suggestions import suggest_quotes

    suggest_quotes(articles=[w.article])
    engine = last()
    assert (engine.kind, engine.actor, engine.agent) == ("suggestions.added", None, "engine")
    assert engine.payload["copies"] == 2 * engine.payload["suggestions"] > 0
    suggest_quotes(articles=[w.article])  # nothing new: nothing recorded
    assert kinds() == ["suggestions.added"]
    add_suggestions(
        article=w.article, items=[span("says mayor Anne Lie")], source="m1", actor=w.rev
    )
    assert (last().actor, last().payload) == (
        w.rev,
        {"source": "m1", "suggestions": 1, "copies": 2},
    )


def test_a_quotes_history_is_its_own_events_and_an_annotator_reads_only_theirs(w):
    quote, _ = create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    update_quote(quote=quote, version=1, data=span(BRIDGE, kind="mixed"))
    create_quote(article=w.article, annotator=w.ben, data=span(BRIDGE))
    events = reads.quote_history(w.rev, w.project, quote.pk)
    assert [e.kind for e in events] == ["quote.created", "quote.edited"]
    assert list(reads.quote_history(w.ben, w.project, quote.pk)) == []


def test_the_article_page_names_speakers_and_targets_before_and_after(client, w):
    quote, _ = create_quote(
        article=w.article,
        annotator=w.ann,
        data=span(BRIDGE, speaker=w.lie, stances={w.road: "favor"}),
    )
    update_quote(
        quote=quote, version=1, data=span(BRIDGE, speaker=w.dahl, stances={w.road: "against"})
    )
    client.force_login(w.rev)
    page = client.get(reverse("articles:article-history", args=[w.article.pk])).content.decode()
    assert "<b>speaker</b>: Anne Lie → Per Dahl" in page
    assert "<b>stances</b>: Bridge: favor → Bridge: against" in page


def test_a_persons_data_export_includes_the_history_of_their_changes(w, event):
    from accounts.personal_data import user_data

    [mine] = user_data(w.ann)["history"]
    assert (mine["project"], mine["kind"], mine["actor"]) == ("bridge", "quote.created", "ann")
    assert user_data(w.ben)["history"] == []


def test_the_quote_history_panel_shows_each_reader_what_they_may_read(
    client, w, django_assert_max_num_queries
):
    quote, _ = create_quote(article=w.article, annotator=w.ann, data=span(BRIDGE))
    update_quote(quote=quote, version=1, data=span(BRIDGE, speaker=w.lie))
    url = reverse("articles:quote-history", args=[w.article.pk, quote.pk])
    client.force_login(w.ann)
    with django_assert_max_num_queries(12):
        mine = client.get(url)
    assert mine.status_code == 200
    body = mine.content.decode()
    assert body.lstrip().startswith('<section id="quote-history"')
    assert body.count('data-testid="quote-event"') == 2
    assert "Anne Lie" in body  # the edit's speaker, before → after
    client.force_login(w.ben)  # another annotator of the article: none of it
    assert 'data-testid="quote-event"' not in client.get(url).content.decode()
    client.force_login(w.rev)
    assert client.get(url).content.decode().count('data-testid="quote-event"') == 2
    outsider = UserFactory(username="out", role="annotator")
    client.force_login(outsider)
    assert client.get(url).status_code == 404
