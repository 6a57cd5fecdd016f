import json
import uuid

import pytest
from django.core import signing
from django.urls import reverse

from articles.models import Assignment, Quote, Speaker, StanceLabel
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TEXT = (
    "Rådmann Zoe\u0301 Ha\u0308kkinen svarte.\r\n\r\n"
    "– Vi sier “nei takk” 🙅 til planen, sier Ha\u0308kkinen.\r\n\r\n"
    "Hun mener at kommunen må vente."
)
QUOTE = "Vi sier “nei takk” 🙅 til planen"


@pytest.fixture
def setup():
    project = ProjectFactory(slug="kyst", blind=True)
    article = ArticleFactory(project=project, text=TEXT, title="Planen")
    annotator = UserFactory(username="ann", role="annotator")
    Assignment.objects.create(article=article, annotator=annotator)
    project.members.add(annotator)
    targets = [StanceTargetFactory(project=project, name=n) for n in ("Planen", "Kommunen")]
    speaker = SpeakerFactory(project=project, name="Zoé Häkkinen")
    speaker.aliases.create(name="Häkkinen")
    return {
        "project": project,
        "article": article,
        "annotator": annotator,
        "targets": targets,
        "speaker": speaker,
    }


def create_url(article):
    return reverse("articles:quote-create", args=[article.pk])


def quote_post(setup, **overrides):
    start = TEXT.index(QUOTE)
    cue = TEXT.index("sier Ha")
    data = {
        "start": start,
        "end": start + len(QUOTE),
        "text": QUOTE,
        "kind": "direct",
        "speaker": setup["speaker"].pk,
        "cue_start": cue,
        "cue_end": cue + 4,
        f"stance-{setup['targets'][0].pk}": "against",
        f"stance-{setup['targets'][1].pk}": "neutral",
        "request_id": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def ann_client(client, setup):
    client.force_login(setup["annotator"])
    return client


def htmx_post(client, url, data):
    return client.post(url, data, headers={"HX-Request": "true"})


def test_queue_lists_assignments_with_status_and_counts(ann_client, setup):
    other = ArticleFactory(project=setup["project"], title="Second")
    Assignment.objects.create(
        article=other, annotator=setup["annotator"], status=Assignment.Status.DONE
    )
    QuoteFactory(article=other, annotator=setup["annotator"])
    page = ann_client.get(reverse("articles:queue", args=["kyst"]))
    rows = [(a.article.title, a.status, a.quote_count) for a in page.context["assignments"]]
    assert rows == [("Planen", "todo", 0), ("Second", "done", 1)]
    response = ann_client.get(reverse("articles:next-article", args=["kyst"]))
    assert response.url == reverse("articles:article", args=[setup["article"].pk])


def test_saving_a_quote_stores_exact_code_point_offsets(ann_client, setup):
    response = htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    assert response.status_code == 201
    quote = Quote.objects.get()
    assert TEXT[quote.start : quote.end] == quote.text == QUOTE
    assert quote.cue_text == "sier"
    assert quote.speaker == setup["speaker"]
    assert quote.origin == "human"
    assert sorted(quote.stances.values_list("target__name", "label")) == [
        ("Kommunen", "neutral"),
        ("Planen", "against"),
    ]
    html = response.content.decode()
    assert 'id="quote-panel"' in html
    assert 'id="article-text"' in html
    assert 'hx-swap-oob="true"' in html
    assert Assignment.objects.get().status == "in_progress"


def test_a_new_speaker_is_created_inline_with_its_description(ann_client, setup):
    data = quote_post(
        setup, speaker=None, speaker_name="  Ola   Nordmann ", speaker_description="Ordfører"
    )
    assert htmx_post(ann_client, create_url(setup["article"]), data).status_code == 201
    speaker = Quote.objects.get().speaker
    assert (speaker.name, speaker.description) == ("Ola Nordmann", "Ordfører")


def test_a_typed_alias_finds_the_existing_speaker(ann_client, setup):
    data = quote_post(setup, speaker=None, speaker_name="HÄKKINEN")
    htmx_post(ann_client, create_url(setup["article"]), data)
    assert Quote.objects.get().speaker == setup["speaker"]
    assert Speaker.objects.count() == 1


def test_a_retried_request_creates_one_quote(ann_client, setup):
    data = quote_post(setup)
    first = htmx_post(ann_client, create_url(setup["article"]), data)
    second = htmx_post(ann_client, create_url(setup["article"]), data)
    assert (first.status_code, second.status_code) == (201, 200)
    assert Quote.objects.count() == 1


def test_the_same_span_twice_is_a_conflict(ann_client, setup):
    htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    again = htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    assert again.status_code == 409
    assert "already marked exactly this span" in again.content.decode()
    assert Quote.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"text": "Vi sier “nei takk” 🙅 til planem"}, "text", "does not match the article"),
        ({"start": 0, "end": 99999}, "end", "is past the end of the article text"),
        ({"start": 10, "end": 10, "text": ""}, "end", "must be greater than start"),
        ({"speaker": 987654}, "speaker", "no speaker with id 987654 in this project"),
        ({"stance-987654": "favor"}, "stance-987654", "no such stance target"),
        ({"cue_end": None}, "cue_end", "give both ends of the cue"),
        ({"kind": "rumour"}, "kind", "Select a valid choice"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_saves_nothing(
    ann_client, setup, overrides, field, message
):
    response = htmx_post(ann_client, create_url(setup["article"]), quote_post(setup, **overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert field in html
    assert message in html
    assert not Quote.objects.exists()
    assert not Speaker.objects.exclude(pk=setup["speaker"].pk).exists()


def test_a_label_outside_the_projects_labels_is_refused(ann_client, setup):
    target = setup["targets"][0]
    response = htmx_post(
        ann_client,
        create_url(setup["article"]),
        quote_post(setup, **{f"stance-{target.pk}": "maybe"}),
    )
    assert response.status_code == 400
    assert f"stance-{target.pk}" in response.content.decode()
    assert not StanceLabel.objects.exists()


def test_a_speaker_of_another_project_is_refused(ann_client, setup):
    stranger = SpeakerFactory(name="Elsewhere")
    response = htmx_post(
        ann_client, create_url(setup["article"]), quote_post(setup, speaker=stranger.pk)
    )
    assert response.status_code == 400
    assert not Quote.objects.exists()


def test_errors_carry_the_form_state_back_to_the_panel(ann_client, setup):
    response = htmx_post(ann_client, create_url(setup["article"]), quote_post(setup, text="wrong"))
    panel = response.content.decode()
    state = json.loads(_attribute(panel, "data-form-state"))
    assert state["start"] == str(TEXT.index(QUOTE))
    assert state["stances"][str(setup["targets"][0].pk)] == "against"


def _attribute(html, name):
    from html import unescape

    return unescape(html.split(f'{name}="', 1)[1].split('"', 1)[0])


def test_updating_needs_the_current_version(ann_client, setup):
    htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    quote = Quote.objects.get()
    url = reverse("articles:quote-update", args=[setup["article"].pk, quote.pk])
    ok = htmx_post(ann_client, url, quote_post(setup, kind="mixed", version=1))
    assert ok.status_code == 200
    quote.refresh_from_db()
    assert (quote.kind, quote.version) == ("mixed", 2)
    stale = htmx_post(ann_client, url, quote_post(setup, kind="indirect", version=1))
    assert stale.status_code == 409
    assert "changed elsewhere (now version 2)" in stale.content.decode()
    quote.refresh_from_db()
    assert (quote.kind, quote.version) == ("mixed", 2)


def test_a_retried_update_that_already_took_effect_is_not_a_conflict(ann_client, setup):
    htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    quote = Quote.objects.get()
    url = reverse("articles:quote-update", args=[setup["article"].pk, quote.pk])
    data = quote_post(setup, kind="mixed", version=1)
    assert htmx_post(ann_client, url, data).status_code == 200
    assert htmx_post(ann_client, url, data).status_code == 200
    quote.refresh_from_db()
    assert quote.version == 2


def test_someone_elses_quote_answers_as_a_deleted_one_and_is_unchanged(ann_client, setup):
    other = UserFactory(role="annotator")
    Assignment.objects.create(article=setup["article"], annotator=other)
    theirs = QuoteFactory(article=setup["article"], annotator=other, start=0, end=7)
    url = reverse("articles:quote-update", args=[setup["article"].pk, theirs.pk])
    response = htmx_post(ann_client, url, quote_post(setup, kind="mixed", version=1))
    assert response.status_code == 409
    assert "not among yours any more" in response.content.decode()
    delete = reverse("articles:quote-delete", args=[setup["article"].pk, theirs.pk])
    assert htmx_post(ann_client, delete, {"version": 1}).status_code == 409
    theirs.refresh_from_db()
    assert theirs.kind == "direct"


def test_delete_then_undo_restores_the_quote(ann_client, setup):
    htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    quote = Quote.objects.get()
    created_at = quote.created_at
    delete = reverse("articles:quote-delete", args=[setup["article"].pk, quote.pk])
    response = htmx_post(ann_client, delete, {"version": quote.version})
    assert response.status_code == 200
    assert not Quote.objects.exists()
    token = _attribute(response.content.decode().split('name="undo"', 1)[1], "value")
    undo = reverse("articles:quote-undo", args=[setup["article"].pk])
    assert htmx_post(ann_client, undo, {"undo": token}).status_code == 200
    restored = Quote.objects.get()
    assert (restored.start, restored.end, restored.text) == (quote.start, quote.end, QUOTE)
    assert restored.created_at == created_at
    assert restored.stances.count() == 2
    assert restored.cue_text == "sier"


def test_undo_refuses_a_forged_token(ann_client, setup):
    undo = reverse("articles:quote-undo", args=[setup["article"].pk])
    forged = signing.TimestampSigner(salt="other").sign_object({"article": 1})
    response = htmx_post(ann_client, undo, {"undo": forged})
    assert response.status_code == 400
    assert "undo: invalid token" in response.content.decode()
    assert not Quote.objects.exists()


def test_stale_delete_is_a_conflict(ann_client, setup):
    htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    quote = Quote.objects.get()
    delete = reverse("articles:quote-delete", args=[setup["article"].pk, quote.pk])
    assert htmx_post(ann_client, delete, {"version": 7}).status_code == 409
    assert Quote.objects.exists()


def test_accepting_a_suggestion(ann_client, setup):
    suggestion = QuoteFactory(
        article=setup["article"], annotator=setup["annotator"], start=0, end=7, origin="suggested"
    )
    url = reverse("articles:quote-accept", args=[setup["article"].pk, suggestion.pk])
    assert htmx_post(ann_client, url, {"version": 1}).status_code == 200
    suggestion.refresh_from_db()
    assert (suggestion.origin, suggestion.version) == ("accepted", 2)
    assert htmx_post(ann_client, url, {"version": 2}).status_code == 409  # not a suggestion now


def test_saving_a_changed_suggestion_marks_it_corrected(ann_client, setup):
    start = TEXT.index(QUOTE)
    suggestion = QuoteFactory(
        article=setup["article"],
        annotator=setup["annotator"],
        start=start,
        end=start + len(QUOTE),
        origin="suggested",
    )
    url = reverse("articles:quote-update", args=[setup["article"].pk, suggestion.pk])
    response = htmx_post(ann_client, url, quote_post(setup, kind="mixed", version=1))
    assert response.status_code == 200
    suggestion.refresh_from_db()
    assert (suggestion.origin, suggestion.kind, suggestion.speaker) == (
        "corrected",
        "mixed",
        setup["speaker"],
    )


def test_finishing_lands_on_the_next_article_and_reopening_works(ann_client, setup):
    second = ArticleFactory(project=setup["project"])
    Assignment.objects.create(article=second, annotator=setup["annotator"])
    url = reverse("articles:article-status", args=[setup["article"].pk])
    response = htmx_post(ann_client, url, {"status": "done"})
    assert response.status_code == 204
    assert response["HX-Location"] == reverse("articles:article", args=[second.pk])
    assignment = Assignment.objects.get(article=setup["article"])
    assert assignment.status == "done"
    assert assignment.finished_at is not None
    htmx_post(ann_client, url, {"status": "in_progress"})
    assignment.refresh_from_db()
    assert (assignment.status, assignment.finished_at) == ("in_progress", None)


def test_other_annotators_get_a_404(client, setup):
    client.force_login(UserFactory(role="annotator"))
    url = reverse("articles:article", args=[setup["article"].pk])
    assert client.get(url).status_code == 404
    assert htmx_post(client, create_url(setup["article"]), quote_post(setup)).status_code == 404
    assert not Quote.objects.exists()


def test_blind_projects_hide_other_annotators_quotes(ann_client, setup):
    other = UserFactory(username="zed", role="annotator")
    Assignment.objects.create(article=setup["article"], annotator=other)
    theirs = QuoteFactory(article=setup["article"], annotator=other, start=0, end=7)
    url = reverse("articles:article", args=[setup["article"].pk])
    page = ann_client.get(url, {"annotator": "zed"})
    assert page.context["ws"].shown == setup["annotator"]
    assert page.context["ws"].quotes == []
    setup["project"].blind = False
    setup["project"].save()
    page = ann_client.get(url, {"annotator": "zed"})
    assert [q.id for q in page.context["ws"].quotes] == [theirs.pk]
    assert page.context["ws"].editable is False


def test_reviewers_switch_between_annotators(client, setup):
    reviewer = UserFactory(username="rev", role="reviewer")
    setup["project"].members.add(reviewer)
    QuoteFactory(article=setup["article"], annotator=setup["annotator"], start=0, end=7)
    client.force_login(reviewer)
    page = client.get(reverse("articles:article", args=[setup["article"].pk]))
    assert page.context["ws"].shown == setup["annotator"]
    assert len(page.context["ws"].quotes) == 1
    assert 'href="?annotator=ann"' in page.content.decode()


def test_researchers_read_but_never_write(client, setup):
    researcher = UserFactory(role="researcher")
    setup["project"].members.add(researcher)
    client.force_login(researcher)
    page = client.get(reverse("articles:article", args=[setup["article"].pk]))
    assert page.status_code == 200
    assert 'id="quote-form"' not in page.content.decode()
    assert htmx_post(client, create_url(setup["article"]), quote_post(setup)).status_code == 404
    assert not Quote.objects.exists()


def test_article_text_and_names_are_escaped(ann_client, setup):
    nasty = ArticleFactory(
        project=setup["project"],
        title="<img src=x onerror=alert(1)>",
        text='<script>alert(1)</script> <b hx-get="/admin/" hx-trigger="load">x</b>',
    )
    Assignment.objects.create(article=nasty, annotator=setup["annotator"])
    SpeakerFactory(project=setup["project"], name="<script>alert('s')</script>")
    html = ann_client.get(reverse("articles:article", args=[nasty.pk])).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b hx-get" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_workspace_page_sends_the_strict_csp(ann_client, setup):
    response = ann_client.get(reverse("articles:article", args=[setup["article"].pk]))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("quotes", [10, 300])
def test_article_page_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries, quotes):
    project = ProjectFactory()
    targets = [StanceTargetFactory(project=project) for _ in range(2)]
    speakers = [SpeakerFactory(project=project) for _ in range(12)]
    for speaker in speakers:
        speaker.aliases.create(name=f"alias of {speaker.name}")
    text = " ".join(f"– Quote number {i:04d} is here, says someone." for i in range(400))
    article = ArticleFactory(project=project, text=text[:20000])
    user = UserFactory(role="annotator")
    Assignment.objects.create(article=article, annotator=user)
    stride = len(article.text) // quotes
    created = []
    for i in range(quotes):
        start = i * stride
        quote = Quote.objects.create(
            article=article,
            annotator=user,
            start=start,
            end=start + 20,
            text=article.text[start : start + 20],
            speaker=speakers[i % 12],
            cue_start=start + 21,
            cue_end=start + 25,
        )
        created.append(quote)
    StanceLabel.objects.bulk_create(
        StanceLabel(quote=q, target=t, label="favor") for q in created for t in targets
    )
    client.force_login(user)
    # Session, user with role, assignment with article and the next article's id, targets,
    # quotes with stances, the flags the annotator sees: the same whatever the number of
    # quotes.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("articles:article", args=[article.pk]))
    assert response.status_code == 200
    assert len(response.context["ws"].quotes) == quotes


def test_saving_a_quote_uses_a_fixed_number_of_queries(
    ann_client, setup, django_assert_max_num_queries
):
    for i in range(5):
        QuoteFactory(article=setup["article"], annotator=setup["annotator"], start=i, end=i + 3)
    Assignment.objects.update(status=Assignment.Status.IN_PROGRESS)
    # Session, user with role, assignment with article, targets, speaker, savepoint (the
    # test's transaction; BEGIN in production), the assignment locked, quote, stances,
    # its history event, release (COMMIT), and the quotes to redraw.
    with django_assert_max_num_queries(12):
        response = htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    assert response.status_code == 201
    assert response.content.decode().count("data-quote-id=") == 6


def test_editing_and_accepting_use_a_fixed_number_of_queries(
    ann_client, setup, django_assert_max_num_queries
):
    article = setup["article"]
    htmx_post(ann_client, create_url(article), quote_post(setup))
    quote = Quote.objects.get()
    for i in range(5):
        QuoteFactory(article=article, annotator=setup["annotator"], start=i, end=i + 3)
    suggestion = QuoteFactory(
        article=article, annotator=setup["annotator"], start=10, end=14, origin="suggested"
    )
    # Session, user with role, assignment with article, the quote, targets, speaker,
    # savepoint, the assignment locked, update, stances out, stances in, its history
    # event, release, and the quotes to redraw.
    url = reverse("articles:quote-update", args=[article.pk, quote.pk])
    with django_assert_max_num_queries(14):
        response = htmx_post(ann_client, url, quote_post(setup, kind="mixed", version=1))
    assert response.status_code == 200
    assert response.content.decode().count("data-quote-id=") == 7
    # Session, user with role, assignment with article, the quote, savepoint, the
    # assignment locked, update, its history event, release, targets, and the quotes to
    # redraw.
    url = reverse("articles:quote-accept", args=[article.pk, suggestion.pk])
    with django_assert_max_num_queries(11):
        assert htmx_post(ann_client, url, {"version": 1}).status_code == 200
    quote.refresh_from_db()
    suggestion.refresh_from_db()
    assert (quote.kind, quote.version, suggestion.origin) == ("mixed", 2, "accepted")


def test_the_next_link_is_the_first_open_assignment_in_queue_order(ann_client, setup):
    project, annotator = setup["project"], setup["annotator"]
    done = ArticleFactory(project=project)
    Assignment.objects.create(article=done, annotator=annotator, status=Assignment.Status.DONE)
    skipped = ArticleFactory(project=project)
    Assignment.objects.create(
        article=skipped, annotator=annotator, status=Assignment.Status.SKIPPED
    )
    later = ArticleFactory(project=project)
    Assignment.objects.create(article=later, annotator=annotator)
    elsewhere = ArticleFactory()  # another project's open work is not next here
    Assignment.objects.create(article=elsewhere, annotator=annotator)
    Assignment.objects.filter(article=setup["article"]).update(status=Assignment.Status.DONE)

    def next_link(article):
        page = ann_client.get(reverse("articles:article", args=[article.pk]))
        return page.context["ws"].next_url

    assert next_link(done) == reverse("articles:article", args=[later.pk])
    Assignment.objects.filter(article=setup["article"]).update(status="in_progress")
    assert next_link(done) == reverse("articles:article", args=[setup["article"].pk])
    Assignment.objects.filter(article__project=project).update(status=Assignment.Status.DONE)
    page = ann_client.get(reverse("articles:article", args=[done.pk]))
    assert page.context["ws"].next_url is None
    assert 'id="next-article"' not in page.content.decode()


def test_a_reviewer_without_assignments_gets_no_next_link(client, setup):
    reviewer = UserFactory(role="reviewer")
    setup["project"].members.add(reviewer)
    client.force_login(reviewer)
    page = client.get(reverse("articles:article", args=[setup["article"].pk]))
    assert page.status_code == 200
    assert page.context["ws"].next_url is None


def test_queue_uses_a_fixed_number_of_queries(ann_client, setup, django_assert_max_num_queries):
    for _ in range(30):
        article = ArticleFactory(project=setup["project"])
        Assignment.objects.create(article=article, annotator=setup["annotator"])
        QuoteFactory(article=article, annotator=setup["annotator"])
    # Session, user with role, project, assignments with counts, next article, and the
    # suggestion outcomes (two counts).
    with django_assert_max_num_queries(7):
        page = ann_client.get(reverse("articles:queue", args=["kyst"]))
    assert len(page.context["assignments"]) == 31


def test_speaker_catalog_lists_names_and_aliases_for_members_only(client, ann_client, setup):
    url = reverse("articles:speaker-catalog", args=["kyst"])
    catalog = ann_client.get(url).json()
    assert catalog == [
        {
            "id": setup["speaker"].pk,
            "name": "Zoé Häkkinen",
            "aliases": ["Häkkinen"],
            "description": "",
        }
    ]
    client.force_login(UserFactory(role="annotator"))
    assert client.get(url).status_code == 404


def test_a_failed_edit_keeps_the_form_on_the_quote_being_edited(ann_client, setup):
    htmx_post(ann_client, create_url(setup["article"]), quote_post(setup))
    quote = Quote.objects.get()
    url = reverse("articles:quote-update", args=[setup["article"].pk, quote.pk])
    response = htmx_post(ann_client, url, quote_post(setup, text="wrong", version=1))
    assert response.status_code == 400
    state = json.loads(_attribute(response.content.decode(), "data-form-state"))
    assert state["id"] == quote.pk
    quote.refresh_from_db()
    assert quote.version == 1
