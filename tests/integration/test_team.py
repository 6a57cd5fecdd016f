"""Team annotation: distributing articles, agreement figures, adjudication into gold,
the dashboard and the agreement API, against the real database."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Adjudication, Assignment, Quote, Suggestion
from articles.review import adjudication
from articles.review.distribution import DistributionError, distribute, reassign_open_work
from articles.review.team import project_agreement, speaker_keys
from tests.exports import comparable
from tests.exports import records as exported_records
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    SpeakerFactory,
    UserFactory,
)
from tests.logins import force_verified_login
from tests.scenes import new_annotators, quote, team_scene

pytestmark = pytest.mark.django_db

TEXT = (
    "Fisheries minister Hilde Brekke wants tighter cod quotas from January.\n\n"
    "– The stock is close to collapse, and we cannot wait for another survey, says Brekke.\n\n"
    "– We have to act now.\n\n"
    "Union leader Ola Straumsvik believes that the cuts will hit the coastal fleet hardest.\n\n"
    "– This is a betrayal of the small boats, says Straumsvik.\n"
)
STOCK = "The stock is close to collapse, and we cannot wait for another survey"
ACT = "We have to act now."
CUTS = "the cuts will hit the coastal fleet hardest"
CUTS_SHORT = "the cuts will hit the coastal fleet"
BETRAYAL = "This is a betrayal of the small boats"


@pytest.fixture
def team():
    scene = team_scene(
        text=TEXT,
        title="Cod quotas",
        slug="cod",
        annotators_per_article=2,
        speakers=("Hilde Brekke", "Ola Straumsvik"),
        targets=("Cod quotas",),
    )
    article, (ana, ben) = scene.article, scene.annotators
    brekke, straumsvik = scene.speakers.values()
    quotas = scene.targets["Cod quotas"]
    quotes = {
        "ana_stock": quote(article, ana, STOCK, speaker=brekke, stances={quotas: "favor"}),
        "ben_stock": quote(article, ben, STOCK, speaker=brekke, stances={quotas: "favor"}),
        "ana_act": quote(article, ana, ACT, speaker=brekke),
        "ana_cuts": quote(article, ana, CUTS, speaker=straumsvik, kind="indirect"),
        "ben_cuts": quote(
            article,
            ben,
            CUTS_SHORT,
            speaker=straumsvik,
            kind="indirect",
            stances={quotas: "against"},
        ),
        "ana_betrayal": quote(article, ana, BETRAYAL, speaker=straumsvik),
        "ben_betrayal": quote(article, ben, BETRAYAL, speaker=brekke),
    }
    return {
        "project": scene.project,
        "article": article,
        "ana": ana,
        "ben": ben,
        "rev": scene.reviewer,
        "quotas": quotas,
        "brekke": brekke,
        "straumsvik": straumsvik,
        **quotes,
    }


# Distribution


def test_distribute_gives_each_article_k_different_annotators_with_even_loads():
    project = ProjectFactory()
    people = new_annotators("a", "b", "c")
    articles = ArticleFactory.create_batch(5, project=project)
    result = distribute(project=project, annotators=people, per_article=2)
    assert result.assigned == 10
    assert result.articles == 5
    for article in articles:
        assert article.assignments.count() == 2
    assert sorted(result.loads.values()) == [3, 3, 4]
    project.refresh_from_db()
    assert project.annotators_per_article == 2
    # Running it again assigns nothing; raising k tops every article up by one.
    assert distribute(project=project, annotators=people, per_article=2).assigned == 0
    assert distribute(project=project, annotators=people, per_article=3).assigned == 5
    assert set(Assignment.objects.values_list("annotator__username", flat=True)) == {"a", "b", "c"}


def test_queue_follows_assignment_order():
    project = ProjectFactory()
    ana = UserFactory(username="ana", role="annotator")
    articles = ArticleFactory.create_batch(4, project=project)
    distribute(project=project, annotators=[ana], per_article=1)
    queue = Assignment.objects.queue(ana, project)
    assert [a.article_id for a in queue] == [a.pk for a in articles]


def test_distribute_refuses_more_annotators_per_article_than_people_and_writes_nothing():
    project = ProjectFactory()
    people = new_annotators("a", "b")
    ArticleFactory.create_batch(3, project=project)
    with pytest.raises(DistributionError, match="per_article: 3 annotators per article"):
        distribute(project=project, annotators=people, per_article=3)
    assert not Assignment.objects.exists()


def test_reassign_hands_open_work_to_the_least_loaded_and_keeps_done_work():
    project = ProjectFactory()
    a, b, c = new_annotators("a", "b", "c")
    articles = ArticleFactory.create_batch(4, project=project)
    distribute(project=project, annotators=[a, b], per_article=2)
    Assignment.objects.filter(annotator=a, article=articles[0]).update(status="done")
    result = reassign_open_work(project=project, leaving=a, annotators=[b, c])
    assert result.assigned == 3
    assert Assignment.objects.get(annotator=a, article=articles[0]).status == "done"
    assert set(
        Assignment.objects.filter(annotator=a)
        .exclude(article=articles[0])
        .values_list("status", flat=True)
    ) == {"skipped"}
    # b already has every article: the open ones go to c, each article keeps two people.
    for article in articles[1:]:
        active = article.assignments.exclude(status="skipped")
        assert sorted(active.values_list("annotator__username", flat=True)) == ["b", "c"]


@pytest.mark.parametrize("articles", [3, 30])
def test_distributing_and_reassigning_take_the_same_queries_for_any_number_of_articles(
    articles, django_assert_max_num_queries
):
    project = ProjectFactory()
    a, b, c = new_annotators("a", "b", "c")
    made = ArticleFactory.create_batch(articles, project=project)
    Suggestion.objects.create(
        article=made[0], start=0, end=7, text=made[0].text[:7], kind="direct", confidence=0.9
    )
    # Each records its assignments' history events in one more query, and asks in one
    # more whether the project has suggestions to copy.
    with django_assert_max_num_queries(17):
        distribute(project=project, annotators=[a, b], per_article=2)
    with django_assert_max_num_queries(19):
        result = reassign_open_work(project=project, leaving=a, annotators=[b, c])
    assert result.assigned == articles
    assert Quote.objects.filter(origin="suggested", article=made[0]).count() == 3


def test_assign_command_reports_loads_and_names_bad_options():
    project = ProjectFactory(slug="cmd")
    new_annotators("a", "b", "c")
    ArticleFactory.create_batch(3, project=project)
    out = StringIO()
    call_command(
        "assign", "--project", "cmd", "--annotators", "a,b,c", "--per-article", "2", stdout=out
    )
    assert "6 assignments on 3 articles" in out.getvalue()
    assert "a 2, b 2, c 2" in out.getvalue()
    with pytest.raises(CommandError, match="--annotators: no user zed"):
        call_command("assign", "--project", "cmd", "--annotators", "a,zed")
    with pytest.raises(CommandError, match="--per-article: 4 annotators per article"):
        call_command("assign", "--project", "cmd", "--annotators", "a,b,c", "--per-article", "4")
    with pytest.raises(CommandError, match="--project: no project"):
        call_command("assign", "--project", "nope", "--annotators", "a")


def test_distribute_page_is_for_admins_and_reports_errors_by_field(client, admin_user):
    project = ProjectFactory(slug="dist")
    people = new_annotators("a", "b")
    project.members.add(*people)  # the page offers only the project's members
    ArticleFactory.create_batch(2, project=project)
    client.force_login(people[0])
    assert client.get(reverse("articles:distribute", args=["dist"])).status_code == 302
    force_verified_login(client, admin_user)
    url = reverse("articles:distribute", args=["dist"])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"annotators": [p.pk for p in people], "per_article": 3})
    assert bad.status_code == 400
    assert "3 annotators per article" in bad.content.decode()
    assert not Assignment.objects.exists()
    ok = client.post(url, {"annotators": [p.pk for p in people], "per_article": 2}, follow=True)
    assert "4 assignments on 2 articles" in ok.content.decode()


# Agreement figures from the database


def test_speaker_keys_join_speakers_that_share_a_name_or_alias():
    project = ProjectFactory()
    jakub = SpeakerFactory(project=project, name="Jakub Godzimirski")
    jakub.aliases.create(name="Godzimirksi")
    proposed = SpeakerFactory(project=project, name="Godzimirksi ")
    other = SpeakerFactory(project=project, name="Someone Else")
    keys = speaker_keys(project)
    assert keys[jakub.pk] == keys[proposed.pk] == min(jakub.pk, proposed.pk)
    assert keys[other.pk] == other.pk


def test_project_agreement_counts_matched_quotes_and_disagreements(team):
    report = project_agreement(team["project"])
    assert report.articles == 1
    (pair,) = report.pairs
    # ana 4 quotes, ben 3; overlap matches stock, cuts (short ⊂ long) and betrayal.
    assert (pair.overlap.matched, pair.overlap.quotes_a, pair.overlap.quotes_b) == (3, 4, 3)
    assert pair.overlap.f1 == pytest.approx(6 / 7)
    assert pair.exact.matched == 2
    assert pair.speaker_agreement.value == pytest.approx(2 / 3)
    assert pair.speaker_agreement.n == 3
    (article,) = report.per_article
    assert (article.groups, article.disputed_groups) == (4, 3)


@pytest.mark.parametrize("status", ["skipped", "in_progress"])
def test_only_finished_work_counts(team, status):
    Assignment.objects.filter(annotator=team["ben"]).update(status=status)
    assert project_agreement(team["project"]).articles == 0


def test_unjudged_suggestions_do_not_count(team):
    Quote.objects.filter(pk=team["ben_betrayal"].pk).update(origin="suggested")
    (pair,) = project_agreement(team["project"]).pairs
    assert (pair.overlap.matched, pair.overlap.quotes_b) == (2, 2)


# Adjudication


def test_board_aligns_versions_and_marks_disagreements(team):
    board = adjudication.build_board(team["article"])
    assert [a.username for a in board.annotators] == ["ana", "ben"]
    assert [g.disagreements for g in board.groups] == [
        [],
        ["span"],
        ["span", "stance"],
        ["speaker"],
    ]
    stock, act, _, _ = board.groups
    assert [v.id for v in stock.versions] == [team["ana_stock"].pk, team["ben_stock"].pk]
    assert act.versions[1] is None
    assert board.undecided == 4


def test_board_leaves_out_unjudged_suggestions_and_keeps_orphaned_gold(team, client):
    Quote.objects.filter(pk=team["ana_act"].pk).update(origin="suggested")
    assert len(adjudication.build_board(team["article"]).groups) == 3
    gold = adjudication.take_version(
        article=team["article"], reviewer=team["rev"], quote_id=team["ben_betrayal"].pk
    )
    # With its source gone the gold quote goes with the group it overlaps; with no such
    # group left it is listed apart, and stays in the gold set.
    team["ben_betrayal"].delete()
    assert adjudication.build_board(team["article"]).groups[-1].gold.id == gold.pk
    team["ana_betrayal"].delete()
    board = adjudication.build_board(team["article"])
    assert [row.id for row in board.extra_gold] == [gold.pk]
    client.force_login(team["rev"])
    page = client.get(reverse("articles:adjudicate", args=[team["article"].pk]))
    assert "Gold quotes outside every group" in page.content.decode()


def test_take_drop_edit_and_finish_build_the_gold_set(team):
    article, rev = team["article"], team["rev"]
    assert adjudication.take_unanimous(article=article, reviewer=rev) == 1
    adjudication.drop_group(article=article, reviewer=rev, quote_id=team["ana_act"].pk)
    gold = adjudication.take_version(article=article, reviewer=rev, quote_id=team["ben_cuts"].pk)
    assert (gold.text, gold.origin, gold.source_id) == (CUTS_SHORT, "gold", team["ben_cuts"].pk)
    assert list(gold.stances.values_list("label", flat=True)) == ["against"]
    # Changing one's mind replaces the group's gold quote, never adds a second.
    gold = adjudication.take_version(article=article, reviewer=rev, quote_id=team["ana_cuts"].pk)
    assert Quote.objects.gold().filter(source__in=[team["ana_cuts"], team["ben_cuts"]]).count() == 1
    with pytest.raises(adjudication.AdjudicationError, match="1 group still undecided"):
        adjudication.finish(article=article, reviewer=rev)
    adjudication.take_version(article=article, reviewer=rev, quote_id=team["ana_betrayal"].pk)
    adjudication.finish(article=article, reviewer=rev)
    assert Adjudication.objects.get(article=article).status == "done"
    assert sorted(Quote.objects.gold().values_list("text", flat=True)) == sorted(
        [STOCK, CUTS, BETRAYAL]
    )
    # The annotators' own sets are untouched.
    assert Quote.objects.annotations().count() == 7
    with pytest.raises(adjudication.AdjudicationError, match="reopen it"):
        adjudication.drop_group(article=article, reviewer=rev, quote_id=team["ana_act"].pk)


def test_gold_quotes_never_show_in_an_annotators_workspace(client, team):
    adjudication.take_unanimous(article=team["article"], reviewer=team["ana"])
    client.force_login(team["ana"])
    page = client.get(reverse("articles:article", args=[team["article"].pk]))
    assert page.status_code == 200
    ids = [q["id"] for q in json.loads(page.context["ws"].quotes_json())]
    assert sorted(ids) == sorted(
        team[k].pk for k in ("ana_stock", "ana_act", "ana_cuts", "ana_betrayal")
    )


def _board_post(client, article, action, **data):
    return client.post(
        reverse("articles:adjudicate-group", args=[article.pk, action]),
        data,
        HTTP_HX_REQUEST="true",
    )


def test_adjudication_pages_are_for_the_projects_reviewers_only(client, team, admin_user):
    url = reverse("articles:adjudicate", args=[team["article"].pk])
    outsider = UserFactory(username="other-rev", role="reviewer")
    researcher = UserFactory(username="res", role="researcher")
    team["project"].members.add(researcher)
    for user in (team["ana"], outsider, researcher):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert (
            _board_post(client, team["article"], "take", quote=team["ana_act"].pk).status_code
            == 404
        )
        assert client.get(reverse("articles:dashboard", args=["cod"])).status_code == 404
    assert not Quote.objects.gold().exists()
    for user in (team["rev"], admin_user):
        force_verified_login(client, user)
        assert client.get(url).status_code == 200


def test_the_workspace_links_reviewers_to_the_board(client, team):
    url = reverse("articles:article", args=[team["article"].pk])
    client.force_login(team["rev"])
    assert 'id="adjudicate-link"' in client.get(url).content.decode()
    client.force_login(team["ana"])
    assert 'id="adjudicate-link"' not in client.get(url).content.decode()


def test_board_views_take_drop_and_report_errors(client, team, django_assert_max_num_queries):
    client.force_login(team["rev"])
    article = team["article"]
    # 14 for the board, 2 for its flag panel (the flags, whether the reader reviews).
    with django_assert_max_num_queries(16):
        page = client.get(reverse("articles:adjudicate", args=[article.pk]))
    html = page.content.decode()
    assert html.count("data-group=") == 4
    assert "4 of 4 undecided" in html
    response = _board_post(client, article, "take", quote=team["ben_betrayal"].pk)
    assert response.status_code == 200
    assert "3 of 4 undecided" in response.content.decode()
    assert Quote.objects.gold().get().speaker == team["brekke"]
    bad = _board_post(client, article, "take", quote=999999)
    assert bad.status_code == 400
    assert "quote: no quote 999999" in bad.content.decode()
    assert _board_post(client, article, "take", quote="x").status_code == 400
    assert _board_post(client, article, "explode", quote=1).status_code == 404
    finish = client.post(
        reverse("articles:adjudicate-finish", args=[article.pk]), {"status": "done"}
    )
    assert finish.status_code == 400
    assert "3 groups still undecided" in finish.content.decode()


def test_gold_edit_changes_fields_under_the_version(client, team):
    client.force_login(team["rev"])
    article = team["article"]
    gold = adjudication.take_version(
        article=article, reviewer=team["rev"], quote_id=team["ben_betrayal"].pk
    )
    url = reverse("articles:gold-edit", args=[article.pk, gold.pk])
    start = TEXT.index(BETRAYAL)
    cue = TEXT.index("says Straumsvik")
    data = {
        "version": gold.version,
        "start": start,
        "end": start + len(BETRAYAL),
        "text": BETRAYAL,
        "kind": "direct",
        "speaker_name": "Straumsvik",  # not in the catalog by that name: a new speaker
        "cue_start": cue,
        "cue_end": cue + 4,
        f"stance-{team['quotas'].pk}": "against",
    }
    assert client.post(url, data).status_code == 200
    gold.refresh_from_db()
    assert (gold.version, gold.cue_start, gold.speaker.name) == (2, cue, "Straumsvik")
    assert gold.stances.get().label == "against"
    assert client.post(url, data).status_code == 200  # a retry of the same change
    stale = client.post(url, {**data, "kind": "mixed"})  # version 1 again, a new change
    assert stale.status_code == 409
    assert "changed elsewhere" in stale.content.decode()
    wrong = client.post(url, {**data, "version": 2, "text": "something else"})
    assert wrong.status_code == 400
    assert "text: does not match" in wrong.content.decode()
    own = reverse("articles:gold-edit", args=[article.pk, team["ana_act"].pk])
    assert client.post(own, data).status_code == 404


def test_next_to_adjudicate_skips_unfinished_and_adjudicated_articles(client, team):
    client.force_login(team["rev"])
    url = reverse("articles:next-to-adjudicate", args=["cod"])
    assert client.get(url)["Location"] == reverse("articles:adjudicate", args=[team["article"].pk])
    Assignment.objects.filter(annotator=team["ben"]).update(status="in_progress")
    assert client.get(url)["Location"] == reverse("articles:dashboard", args=["cod"])


# Dashboard and API


def test_dashboard_shows_progress_agreement_and_disputed_articles(
    client, team, django_assert_max_num_queries
):
    client.force_login(team["rev"])
    url = reverse("articles:dashboard", args=["cod"])
    # 1 to choose live or stored figures, 15 for the figures, 6 for the disputed boards,
    # 2 for the suggestion jobs (stale ones failed, then the recent ones read), 2 for the
    # open flags (their number, the latest).
    with django_assert_max_num_queries(26) as captured:
        page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<svg class="chart"' in html
    assert 'id="span-f1">0.86<' in html
    assert "Cod quotas: 0.33 (2)" in html  # favor/favor, none/against: κ = (.5-.25)/.75
    assert reverse("articles:adjudicate", args=[team["article"].pk]) in html
    # More articles, annotators and quotes: the same number of queries.
    more = ArticleFactory.create_batch(5, project=team["project"])
    for article in more:
        for person in (team["ana"], team["ben"]):
            Assignment.objects.create(article=article, annotator=person, status="done")
            quote(article, person, article.text[2:20])
    with django_assert_max_num_queries(len(captured)):
        assert client.get(url).status_code == 200


def test_a_large_projects_dashboard_shows_stored_figures_as_of_their_time(
    client, team, settings, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    from articles.agreement.report import AgreementReport
    from articles.review import figures
    from articles.review.team import Progress, project_progress

    settings.TEAM_FIGURES_LIVE_MAX_ARTICLES = 0  # every project is "large"
    client.force_login(team["rev"])
    url = reverse("articles:dashboard", args=["cod"])
    # Nothing stored yet: the page says so and queues the computation (the task's work).
    with django_capture_on_commit_callbacks() as queued:
        page = client.get(url).content.decode()
    assert 'id="figures-pending"' in page
    assert len(queued) == 1
    stored = figures.refresh(team["project"])
    assert stored.requested_at is None
    # The stored figures are the live ones (the report keeps only its disputed articles).
    live = project_agreement(team["project"])
    report = figures.rebuilt(AgreementReport, stored.figures["report"])
    assert report.as_dict() == live.as_dict()  # one article, disputed
    assert figures.rebuilt(Progress, stored.figures["progress"]) == project_progress(
        team["project"]
    )
    # Read, not computed: a few queries whatever the project's size (2 of them the open
    # flags), and "as of".
    with django_assert_max_num_queries(19), django_capture_on_commit_callbacks() as queued:
        page = client.get(url).content.decode()
    assert 'id="figures-as-of"' in page
    assert 'id="span-f1">0.86<' in page
    assert not queued
    # Old figures: shown, and one refresh queued however often the page is read.
    stored.computed_at -= figures.max_age() * 2
    stored.save()
    with django_capture_on_commit_callbacks() as queued:
        assert "being computed" in client.get(url).content.decode()
        client.get(url)
    assert len(queued) == 1


def test_agreement_api_matches_the_report_and_checks_roles(client, team):
    url = "/api/v1/projects/cod/agreement/"
    client.force_login(team["ana"])
    assert client.get(url).status_code == 403
    client.force_login(team["rev"])
    body = client.get(url).json()
    expected = project_agreement(team["project"]).as_dict()
    assert body["adjudicated_articles"] == 0
    assert {k: v for k, v in body.items() if k not in ("project", "adjudicated_articles")} == (
        expected
    )
    assert body["span"]["overlap"]["f1"] == pytest.approx(0.8571, abs=1e-4)
    client.logout()
    assert client.get(url).status_code in (401, 403)


def adjudicate(team):
    """The reviewer's choices: the unanimous quote, not the one only ana saw, ben's
    shorter span (with his stance) of the cuts, ana's speaker for the betrayal."""
    article, rev = team["article"], team["rev"]
    adjudication.take_unanimous(article=article, reviewer=rev)
    adjudication.drop_group(article=article, reviewer=rev, quote_id=team["ana_act"].pk)
    adjudication.take_version(article=article, reviewer=rev, quote_id=team["ben_cuts"].pk)
    adjudication.take_version(article=article, reviewer=rev, quote_id=team["ana_betrayal"].pk)
    adjudication.finish(article=article, reviewer=rev)
    return article, rev


def test_gold_export_holds_the_reviewers_choices(client, team):
    article, rev = adjudicate(team)
    client.force_login(rev)
    response = client.get("/api/v1/projects/cod/export/?annotations=gold&include_unannotated=false")
    (record,) = exported_records(b"".join(response.streaming_content))
    assert [
        (q["text"], q["speaker"]["name"], q["annotator"], q["origin"]) for q in record["quotes"]
    ] == [
        (STOCK, "Hilde Brekke", "rev", "gold"),
        (CUTS_SHORT, "Ola Straumsvik", "rev", "gold"),
        (BETRAYAL, "Ola Straumsvik", "rev", "gold"),
    ]
    assert record["quotes"][1]["stances"] == [{"target": "Cod quotas", "label": "against"}]
    everyone = client.get("/api/v1/projects/cod/export/?annotations=all")
    texts = b"".join(everyone.streaming_content).decode()
    assert '"origin": "gold"' not in texts
    assert '"origin":"gold"' not in texts
    manifest = client.get("/api/v1/projects/cod/export/manifest/?annotations=gold").json()
    assert manifest["annotations"] == "gold"
    assert manifest["adjudicated_articles"] == 1
    assert manifest["counts"]["quotes"] == 3
    assert manifest["agreement"]["span"]["overlap"]["matched"] == 3
    detail = client.get(f"/api/v1/articles/{article.pk}/?annotations=gold").json()
    assert len(detail["quotes"]) == 3


def _gold_export(slug):
    out = StringIO()
    call_command("export_project", slug, "--annotations", "gold", "--only-annotated", stdout=out)
    return out.getvalue()


def test_a_gold_export_imports_as_an_adjudicated_gold_set(team, tmp_path):
    _, rev = adjudicate(team)
    ProjectFactory(slug="copy")
    path = tmp_path / "gold.jsonl"
    path.write_text(_gold_export("cod"), encoding="utf-8")
    call_command("import_articles", str(path), "--project", "copy", stdout=StringIO())
    copied = Adjudication.objects.get(article__project__slug="copy")
    assert (copied.status, copied.reviewer) == ("done", rev)

    copy = comparable(_gold_export("copy"))
    assert copy == comparable(_gold_export("cod"))
    assert len(copy[0]["quotes"]) == 3


def test_an_import_repeating_a_span_is_refused_by_field(tmp_path):
    project = ProjectFactory(slug="rep")
    UserFactory(username="ana")
    start = TEXT.index(ACT)
    quote = {"start": start, "end": start + len(ACT), "text": ACT, "kind": "direct"}
    record = {
        "title": "t",
        "text": TEXT,
        "quotes": [{**quote, "annotator": "ana"}, {**quote, "annotator": "ana", "kind": "mixed"}],
    }
    path = tmp_path / "rep.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"rep\.jsonl:1: quotes\[1\]\.start: repeats quotes\[0\]"
    ):
        call_command("import_articles", str(path), "--project", "rep")
    assert not project.articles.exists()


def test_a_reviewer_adds_and_removes_a_gold_quote_nobody_marked(client, team):
    client.force_login(team["rev"])
    article = team["article"]
    fragment = "wants tighter cod quotas from January"
    start = TEXT.index(fragment)
    data = {
        "start": start,
        "end": start + len(fragment),
        "text": fragment,
        "kind": "indirect",
        "speaker_name": "Hilde Brekke",
        f"stance-{team['quotas'].pk}": "favor",
    }
    url = reverse("articles:gold-create", args=[article.pk])
    assert client.post(url, data).status_code == 201
    gold = Quote.objects.gold().get()
    assert (gold.text, gold.speaker, gold.source, gold.annotator) == (
        fragment,
        team["brekke"],
        None,
        team["rev"],
    )
    assert adjudication.build_board(article).extra_gold[0].id == gold.pk
    again = client.post(url, data)
    assert again.status_code == 400
    assert "start: the gold set already has a quote" in again.content.decode()
    bad = client.post(url, {**data, "text": "not the text"})
    assert bad.status_code == 400
    assert Quote.objects.gold().count() == 1
    remove = reverse("articles:gold-delete", args=[article.pk, gold.pk])
    assert client.post(remove, {"version": 7}).status_code == 409
    assert client.post(remove, {"version": gold.version}).status_code == 200
    assert not Quote.objects.gold().exists()
    own = reverse("articles:gold-delete", args=[article.pk, team["ana_act"].pk])
    assert client.post(own, {"version": 1}).status_code == 404
