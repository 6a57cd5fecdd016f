"""Adjudication rules against the real database: which quotes are the same quote on the
board, what the board shows of each version, reopening a finished board, and a dashboard
whose counts are the boards' counts."""

import html
import re
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from rest_framework.test import APIClient

from articles.models import Adjudication, Quote
from articles.review import adjudication
from articles.review.team import project_agreement
from tests.factories import SpeakerFactory, UserFactory
from tests.scenes import quote, team_scene

pytestmark = pytest.mark.django_db

# A 60-character quote of Putin inside a 171-character quote of Hansen.
PUTIN = "Russia will never accept a neighbour that hosts NATO troops."
HANSEN = (
    f"When Putin told us '{PUTIN}' we knew the talks were over before they had begun, "
    "and we told him that Oslo will decide."
)
TEXT = (
    "Foreign minister Eva Hansen came back from Moscow on Friday.\n\n"
    f"“{HANSEN}” Hansen said.\n\n"
    "Defence minister Ola Berg believes that the talks can start again in the spring.\n"
)
BERG = "the talks can start again in the spring"


@pytest.fixture
def moscow():
    scene = team_scene(
        text=TEXT,
        title="Moscow talks",
        slug="moscow",
        annotators_per_article=2,
        speakers=("Eva Hansen", "Vladimir Putin"),
    )
    ana, ben = scene.annotators
    hansen, putin = scene.speakers.values()
    return SimpleNamespace(
        project=scene.project,
        article=scene.article,
        ana=ana,
        ben=ben,
        rev=scene.reviewer,
        hansen=hansen,
        putin=putin,
    )


def versions(board):
    return [[v.id if v else None for v in group.versions] for group in board.groups]


def test_a_short_quote_nested_in_anothers_quote_stands_in_its_own_group(moscow):
    assert (len(PUTIN), len(HANSEN)) == (60, 171)
    article, rev = moscow.article, moscow.rev
    outer = quote(article, moscow.ana, HANSEN, speaker=moscow.hansen)
    inner = quote(article, moscow.ben, PUTIN, speaker=moscow.putin)
    assert versions(adjudication.build_board(article)) == [[outer.pk, None], [None, inner.pk]]
    # Both can go into gold, and the article is adjudicated with both.
    adjudication.take_version(article=article, reviewer=rev, quote_id=outer.pk)
    adjudication.take_version(article=article, reviewer=rev, quote_id=inner.pk)
    adjudication.finish(article=article, reviewer=rev)
    assert sorted(Quote.objects.gold().values_list("text", flat=True)) == sorted([HANSEN, PUTIN])
    # The agreement figures group and match them the same way.
    report = project_agreement(moscow.project)
    (figures,) = report.per_article
    assert (figures.groups, figures.disputed_groups, report.overlap.matched) == (2, 2, 0)


def test_an_annotators_outer_and_inner_quotes_meet_their_own_counterparts(moscow):
    article = moscow.article
    outer = quote(article, moscow.ana, HANSEN, speaker=moscow.hansen)
    inner = quote(article, moscow.ana, PUTIN, speaker=moscow.putin)
    assert versions(adjudication.build_board(article)) == [[outer.pk, None], [inner.pk, None]]
    # ben marks Putin's words with their quotation marks: closer to ana's inner quote than
    # to her outer one, though he shares more text with the outer one.
    quoted = quote(article, moscow.ben, f"'{PUTIN}'", speaker=moscow.putin)
    board = adjudication.build_board(article)
    assert versions(board) == [[outer.pk, None], [inner.pk, quoted.pk]]
    assert [g.disagreements for g in board.groups] == [["span"], ["span"]]
    (figures,) = project_agreement(moscow.project).per_article
    assert (figures.groups, figures.disputed_groups) == (2, 2)


def test_a_gold_quote_nobody_marked_inside_a_group_leaves_the_group_undecided(client, moscow):
    article = moscow.article
    mine = quote(article, moscow.ana, HANSEN, speaker=moscow.hansen)
    quote(article, moscow.ben, HANSEN, speaker=moscow.hansen)
    client.force_login(moscow.rev)
    start = TEXT.index(PUTIN)
    added = client.post(
        reverse("articles:gold-create", args=[article.pk]),
        {
            "start": start,
            "end": start + len(PUTIN),
            "text": PUTIN,
            "kind": "direct",
            "speaker_name": "Vladimir Putin",
        },
    )
    assert added.status_code == 201
    putin = Quote.objects.gold().get()
    board = adjudication.build_board(article)
    assert [row.id for row in board.extra_gold] == [putin.pk]
    assert (board.undecided, board.groups[0].gold) == (1, None)
    with pytest.raises(adjudication.AdjudicationError, match="1 group still undecided"):
        adjudication.finish(article=article, reviewer=moscow.rev)
    # Taking the outer quote keeps the inner one.
    adjudication.take_version(article=article, reviewer=moscow.rev, quote_id=mine.pk)
    assert sorted(Quote.objects.gold().values_list("text", flat=True)) == sorted([HANSEN, PUTIN])


def test_the_board_shows_each_versions_cue_and_the_gold_form_span_and_cue_as_words(client, moscow):
    article = moscow.article
    mine = quote(article, moscow.ana, HANSEN, speaker=moscow.hansen, cue="said")
    quote(article, moscow.ben, HANSEN, speaker=moscow.hansen)
    client.force_login(moscow.rev)
    url = reverse("articles:adjudicate", args=[article.pk])
    html = client.get(url).content.decode()
    assert '<span class="version-cue">cue “said”</span>' in html
    assert '<span class="version-cue muted">no cue</span>' in html
    adjudication.take_version(article=article, reviewer=moscow.rev, quote_id=mine.pk)
    gold = Quote.objects.gold().get()
    html = client.get(url).content.decode()
    form = html[html.index(f'id="gold-form-{gold.pk}"') :]
    form = form[: form.index("</form>")]
    preview = escape(HANSEN[:89] + "…")
    assert f'<output data-field="span">“{preview}”</output>' in form
    assert '<output data-field="cue">“said”</output>' in form
    assert f"{gold.start}–{gold.end}" not in form
    new = html[html.index('id="gold-new"') :]
    assert '<output data-field="span">none</output>' in new[: new.index("</form>")]


# Reopening a finished board


def finished(moscow):
    article, rev = moscow.article, moscow.rev
    outer = quote(article, moscow.ana, HANSEN, speaker=moscow.hansen)
    adjudication.take_version(article=article, reviewer=rev, quote_id=outer.pk)
    adjudication.finish(article=article, reviewer=rev)
    return article


def test_a_reviewer_reopens_a_finished_adjudication_from_the_board(client, moscow):
    article = finished(moscow)
    other = UserFactory(username="rev2", role="reviewer")
    moscow.project.members.add(other)
    client.force_login(other)
    page = client.get(reverse("articles:adjudicate", args=[article.pk])).content.decode()
    at = page.index('id="reopen"')
    form = page[page.rindex("<form", 0, at) : page.index("</form>", at)]
    assert f'hx-post="{reverse("articles:adjudicate-finish", args=[article.pk])}"' in form
    assert '<input type="hidden" name="status" value="in_progress">' in form
    assert 'data-key="o"' in form
    url = reverse("articles:adjudicate-finish", args=[article.pk])
    response = client.post(url, {"status": "in_progress"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="adjudication-status">In progress<' in html
    assert 'id="finish"' in html
    assert "Reopened" in html
    record = Adjudication.objects.get(article=article)
    assert (record.status, record.finished_at, record.reviewer) == ("in_progress", None, other)
    # The gold set stays as it was, and can change again.
    assert list(Quote.objects.gold().values_list("text", flat=True)) == [HANSEN]
    adjudication.drop_group(
        article=article, reviewer=other, quote_id=Quote.objects.gold().get().source_id
    )
    assert not Quote.objects.gold().exists()


def test_reopening_and_finishing_refuse_what_does_not_fit_naming_the_field(client, moscow):
    article = moscow.article
    client.force_login(moscow.rev)
    url = reverse("articles:adjudicate-finish", args=[article.pk])
    nothing = client.post(url, {"status": "in_progress"})
    assert nothing.status_code == 400
    assert "status: this article is not adjudicated" in nothing.content.decode()
    assert not Adjudication.objects.exists()
    # Every group decided: an unknown status must not finish the article.
    finished(moscow)
    adjudication.reopen(article=article, reviewer=moscow.rev)
    for data in ({"status": "adjudicated"}, {}):
        bad = client.post(url, data)
        assert bad.status_code == 400
        assert "status: must be done or in_progress" in bad.content.decode()
    assert Adjudication.objects.get().status == "in_progress"
    again = client.post(url, {"status": "in_progress"})
    assert again.status_code == 400
    assert "status: this article is not adjudicated" in again.content.decode()


def test_reopening_is_for_the_projects_reviewers_with_a_csrf_token(moscow):
    article = finished(moscow)
    url = reverse("articles:adjudicate-finish", args=[article.pk])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(moscow.rev)
    assert strict.post(url, {"status": "in_progress"}).status_code == 403
    assert strict.get(url).status_code == 405
    strict.force_login(moscow.ana)
    strict.get(reverse("articles:queue", args=["moscow"]))
    token = strict.cookies["csrftoken"].value
    response = strict.post(url, {"status": "in_progress", "csrfmiddlewaretoken": token})
    assert response.status_code == 404
    assert Adjudication.objects.get().status == "done"


# The dashboard counts what the boards show


@pytest.fixture
def crowded():
    """A project where the dashboard's figures and the boards' used to part ways."""
    scene = team_scene(
        slug="crowded",
        annotators=("ana", "ben", "cai"),
        annotators_per_article=2,
        speakers=("Eva Hansen", "Vladimir Putin"),
    )
    project, rev = scene.project, scene.reviewer
    hansen, catalog = scene.speakers.values()
    # A proposed speaker whose name is an alias of a catalog speaker: the same person.
    catalog.aliases.create(name="Putin")
    proposed = SpeakerFactory(project=project, name="Putin")

    def article(title, statuses):
        # One text per project: each article ends in its own line.
        return scene.add_article(text=f"{TEXT}({title})\n", title=title, statuses=statuses)

    def mark(made, name, text, **fields):
        return quote(made, scene.person(name), text, **fields)

    made = {}
    # Speakers by alias, and a quote only one of them saw.
    made["alias"] = a = article("Alias", {"ana": "done", "ben": "done"})
    mark(a, "ana", PUTIN, speaker=proposed)
    mark(a, "ben", PUTIN, speaker=catalog)
    mark(a, "ana", BERG, kind="indirect")
    # Two finished, one still at work: not ready for adjudication.
    made["slow"] = a = article("Slow", {"ana": "done", "ben": "done", "cai": "in_progress"})
    mark(a, "ana", HANSEN, speaker=hansen)
    mark(a, "cai", BERG, kind="indirect")
    # A skipped annotator's quotes and an untouched suggestion do not count.
    made["skipped"] = a = article("Skipped", {"ana": "done", "ben": "done", "cai": "skipped"})
    mark(a, "ana", HANSEN, speaker=hansen)
    mark(a, "ben", HANSEN, speaker=hansen)
    mark(a, "cai", BERG, kind="indirect")
    mark(a, "ben", PUTIN, origin="suggested")
    mark(a, "ana", BERG, kind="indirect")
    # A quote nested in another's: two groups, one partly adjudicated.
    made["nested"] = a = article("Nested", {"ana": "done", "ben": "done"})
    outer = mark(a, "ana", HANSEN, speaker=hansen)
    mark(a, "ben", PUTIN, speaker=catalog)
    adjudication.take_version(article=a, reviewer=rev, quote_id=outer.pk)
    # Adjudicated.
    made["done"] = a = article("Done", {"ana": "done", "ben": "done"})
    mark(a, "ana", BERG, kind="indirect")
    adjudication.drop_group(article=a, reviewer=rev, quote_id=a.quotes.get().pk)
    adjudication.finish(article=a, reviewer=rev)
    # Everyone agrees: waiting, but nothing disputed.
    made["calm"] = a = article("Calm", {"ana": "done", "ben": "done"})
    mark(a, "ana", BERG, kind="indirect")
    mark(a, "ben", BERG, kind="indirect")
    return SimpleNamespace(project=project, rev=rev, articles=made, scene=scene)


def test_the_dashboards_counts_are_the_boards_counts(client, crowded):
    client.force_login(crowded.rev)
    page = client.get(reverse("articles:dashboard", args=["crowded"]))
    html = page.content.decode()
    boards = {key: adjudication.build_board(article) for key, article in crowded.articles.items()}

    def disputed(board):
        return sum(bool(group.disagreements) for group in board.groups)

    def ready(board):
        return len(board.annotators) > 1 and set(board.statuses.values()) == {"done"}

    waiting = [key for key, board in boards.items() if ready(board) and not board.done]
    assert sorted(waiting) == ["alias", "calm", "nested", "skipped"]
    # The report behind the figures groups a ready article as its board does.
    figures = {a.article: a for a in project_agreement(crowded.project).per_article}
    for key in waiting:
        board = boards[key]
        assert (figures[board.article.pk].groups, figures[board.article.pk].disputed_groups) == (
            len(board.groups),
            disputed(board),
        ), key
    assert f'id="waiting-count">{len(waiting)}<' in html
    adjudicated = sum(board.done for board in boards.values())
    assert f'id="adjudicated-count">{adjudicated}<' in html

    listed = {row.article.pk: row for row in page.context["disputed"]}
    expected = {boards[key].article.pk: boards[key] for key in waiting if disputed(boards[key])}
    assert set(listed) == set(expected)
    for pk, board in expected.items():
        row = listed[pk]
        assert (row.groups, row.disputed, row.undecided) == (
            len(board.groups),
            disputed(board),
            board.undecided,
        )
        assert row.annotators == tuple(a.username for a in board.annotators)
        assert (
            f'<td class="num">{disputed(board)} of {len(board.groups)}</td>'
            f'<td class="num undecided">{board.undecided}</td>'
        ) in html


def test_the_dashboards_disputed_list_takes_the_same_queries_for_more_articles(
    client, crowded, django_assert_max_num_queries
):
    client.force_login(crowded.rev)
    url = reverse("articles:dashboard", args=["crowded"])
    with django_assert_max_num_queries(30) as captured:
        assert client.get(url).status_code == 200
    ana, ben = crowded.scene.person("ana"), crowded.scene.person("ben")
    for index in range(12):
        made = crowded.scene.add_article(
            text=f"{TEXT}(More {index})\n",
            title=f"More {index}",
            statuses={"ana": "done", "ben": "done"},
        )
        mine = quote(made, ana, HANSEN)
        quote(made, ben, PUTIN)
        if index % 2:
            adjudication.take_version(article=made, reviewer=crowded.rev, quote_id=mine.pk)
    with django_assert_max_num_queries(len(captured)):
        page = client.get(url)
    assert len(page.context["disputed"]) == 10


def test_the_api_does_not_change_a_finished_gold_set_as_one_of_your_quotes(moscow):
    """PATCH/DELETE quotes/{id}/ are for your own set: a reviewer's gold quote is the
    adjudication's, which refuses changes once finished (reopen it first)."""
    article = finished(moscow)
    gold = Quote.objects.gold().get()
    api = APIClient()
    api.force_authenticate(moscow.rev)
    url = reverse("api:quote-detail", args=[gold.pk])
    changed = api.patch(url, {"version": gold.version, "kind": "mixed"}, format="json")
    assert (changed.status_code, changed.json()["current"]) == (409, None)
    removed = api.delete(f"{url}?version={gold.version}")
    assert (removed.status_code, removed.json()["current"]) == (409, None)
    assert list(Quote.objects.gold().filter(article=article).values_list("pk", "kind")) == [
        (gold.pk, gold.kind)
    ]


def test_editing_a_gold_quote_on_the_board_keeps_where_the_text_names_its_speaker(client, moscow):
    """The board's gold form posts what it holds: a change of kind must not wipe the
    speaker's mention the gold quote took from the annotator's version."""
    article = moscow.article
    outer = quote(article, moscow.ana, HANSEN, speaker=moscow.hansen, cue="said")
    mention = TEXT.index("Hansen said")
    Quote.objects.filter(pk=outer.pk).update(speaker_start=mention, speaker_end=mention + 6)
    gold = adjudication.take_version(article=article, reviewer=moscow.rev, quote_id=outer.pk)
    assert (gold.speaker_start, gold.speaker_end) == (mention, mention + 6)
    client.force_login(moscow.rev)
    page = client.get(reverse("articles:adjudicate", args=[article.pk])).content.decode()
    at = page.index(f'id="gold-form-{gold.pk}"')
    form = page[at : page.index("</form>", at)]
    posted = {
        name: html.unescape(value)
        for name, value in re.findall(
            r'<input type="(?:hidden|text)" name="([^"]+)" value="([^"]*)"', form
        )
    }
    posted["kind"] = "mixed"
    url = reverse("articles:gold-edit", args=[article.pk, gold.pk])
    assert client.post(url, posted).status_code == 200
    gold.refresh_from_db()
    assert (gold.kind, gold.version, gold.speaker, gold.cue_end) == (
        "mixed",
        2,
        moscow.hansen,
        outer.cue_end,
    )
    assert (gold.speaker_start, gold.speaker_end) == (mention, mention + 6)
