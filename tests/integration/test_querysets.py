"""``articles.querysets`` against the real database: every QuerySet method, by role and
by blind or open project."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils.timezone import now

from articles.models import (
    Adjudication,
    Article,
    Assignment,
    Project,
    Quote,
    RejectedSuggestion,
    Speaker,
    SpeakerAlias,
)
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def assign(article, user, status=Assignment.Status.TODO):
    article.project.members.add(user)
    return Assignment.objects.create(article=article, annotator=user, status=status)


def quote(article, user, start=0, end=5, **fields):
    return QuoteFactory(article=article, annotator=user, start=start, end=end, **fields)


@pytest.fixture
def world():
    """Two projects (one blind), two annotators each with one article, a reviewer and a
    researcher who belong to the blind project only."""
    blind = ProjectFactory(blind=True)
    other = ProjectFactory(blind=False)
    ana = UserFactory(username="ana", role="annotator")
    ben = UserFactory(username="ben", role="annotator")
    rev = UserFactory(username="rev", role="reviewer")
    res = UserFactory(username="res", role="researcher")
    blind.members.add(rev, res)
    a1, a2 = ArticleFactory.create_batch(2, project=blind)
    b1 = ArticleFactory(project=other)
    assign(a1, ana)
    assign(a1, ben)
    assign(a2, ben)
    assign(b1, ana)
    return ana, ben, rev, res, blind, other, (a1, a2, b1)


def ids(queryset):
    return sorted(obj.pk for obj in queryset)


# Projects


def test_projects_visible_to_staff_are_all_and_to_others_their_memberships(world):
    ana, _ben, rev, _, blind, other, _ = world
    outsider = UserFactory(role="reviewer")
    assert ids(Project.objects.visible_to(UserFactory(is_staff=True))) == ids([blind, other])
    assert ids(Project.objects.visible_to(ana)) == ids([blind, other])
    assert ids(Project.objects.visible_to(rev)) == [blind.pk]
    assert not Project.objects.visible_to(outsider).exists()
    assert not Project.objects.visible_to(AnonymousUser()).exists()


def test_project_counts_are_own_quotes_for_annotators_of_blind_projects_only(world):
    ana, ben, rev, res, blind, other, (a1, a2, b1) = world
    quote(a1, ana)
    quote(a1, ben)
    quote(a2, ben)
    quote(b1, ana)
    quote(b1, ben)
    quote(a1, rev, origin="gold")  # the gold set is never counted

    def counts(user):
        rows = Project.objects.with_counts(user).filter(pk__in=[blind.pk, other.pk])
        return {p.pk: (p.article_count, p.quote_count) for p in rows}

    assert counts(None) == {blind.pk: (2, 3), other.pk: (1, 2)}
    assert counts(ana) == {blind.pk: (2, 1), other.pk: (1, 2)}
    assert counts(ben) == {blind.pk: (2, 2), other.pk: (1, 2)}
    assert counts(rev) == counts(res) == counts(None)
    assert counts(UserFactory(is_staff=True)) == counts(None)


def test_an_empty_project_counts_zero_not_none():
    project = Project.objects.with_counts().get(pk=ProjectFactory().pk)
    assert (project.article_count, project.quote_count) == (0, 0)


# Articles


def test_staff_see_every_article(world):
    *_, (a1, a2, b1) = world
    assert ids(Article.objects.visible_to(UserFactory(is_staff=True))) == ids([a1, a2, b1])


def test_reviewers_and_researchers_see_their_projects_articles(world):
    _, _, rev, res, _, _, (a1, a2, _) = world
    assert ids(Article.objects.visible_to(rev)) == ids(Article.objects.visible_to(res))
    assert ids(Article.objects.visible_to(rev)) == ids([a1, a2])


def test_an_annotator_sees_only_articles_assigned_to_them_whatever_the_status(world):
    ana, ben, *_, (a1, a2, b1) = world
    assert ids(Article.objects.visible_to(ana)) == ids([a1, b1])
    Assignment.objects.filter(annotator=ben).update(status=Assignment.Status.SKIPPED)
    assert ids(Article.objects.visible_to(ben)) == ids([a1, a2])
    assert not Article.objects.visible_to(UserFactory(role="annotator")).exists()


def test_with_quotes_counts_only_quotes_the_user_may_read(world):
    ana, ben, rev, _, _, _, (a1, a2, b1) = world
    quote(a1, ben)
    quote(a2, rev, origin="gold")
    mine = Article.objects.visible_to(ana)
    assert ids(mine.with_quotes(True, user=ana)) == []
    assert ids(mine.with_quotes(False, user=ana)) == ids([a1, b1])
    assert ids(Article.objects.with_quotes(True, user=rev)) == ids([a1, a2])
    assert ids(Article.objects.with_quotes(True, user=ben)) == [a1.pk]


def test_with_status_shows_annotators_only_their_own_progress(world):
    ana, ben, rev, *_, (a1, _a2, b1) = world
    Assignment.objects.filter(annotator=ben, article=a1).update(status="done")
    assert ids(Article.objects.with_status("done", user=ana)) == []
    assert ids(Article.objects.with_status("todo", user=ana)) == ids([a1, b1])
    assert ids(Article.objects.with_status("done", user=rev)) == [a1.pk]


def test_adjudicated_means_a_finished_gold_set(world):
    _, _, rev, *_, (a1, a2, _) = world
    Adjudication.objects.create(article=a1, reviewer=rev, status="done", finished_at=now())
    Adjudication.objects.create(article=a2, reviewer=rev, status="in_progress")
    assert ids(Article.objects.adjudicated()) == [a1.pk]


def test_waiting_for_adjudication_wants_two_or_more_active_annotators_all_done():
    project = ProjectFactory()
    ana, ben, cid = (UserFactory(role="annotator") for _ in range(3))
    rev = UserFactory(role="reviewer")
    ready, single, unfinished, handed_on, started, adjudicated, other = (
        ArticleFactory(project=project) for _ in range(7)
    )
    for article in (ready, unfinished, handed_on, started, adjudicated):
        assign(article, ana, "done")
        assign(article, ben, "done")
    assign(single, ana, "done")
    assign(unfinished, cid, "in_progress")
    assign(handed_on, cid, "skipped")  # handed on: not waited for
    Adjudication.objects.create(article=started, reviewer=rev, status="in_progress")
    Adjudication.objects.create(article=adjudicated, reviewer=rev, status="done", finished_at=now())
    assign(ArticleFactory(), ana, "done")  # another project's
    assign(other, ana, "todo")
    waiting = Article.objects.waiting_for_adjudication(project)
    assert [a.pk for a in waiting] == [ready.pk, handed_on.pk, started.pk]


# Assignments


def test_queue_is_the_users_assignments_in_the_project_in_assignment_order_with_own_counts(
    world,
):
    ana, ben, rev, _, blind, _, (a1, _a2, _b1) = world
    later = ArticleFactory(project=blind)
    assign(later, ana)
    quote(a1, ana, 0, 5)
    quote(a1, ana, 6, 10)
    quote(a1, ben)
    quote(a1, rev, origin="gold")
    queue = list(Assignment.objects.queue(ana, blind))
    assert [(a.article_id, a.quote_count) for a in queue] == [(a1.pk, 2), (later.pk, 0)]


def test_open_in_and_next_open_skip_done_and_skipped_work_in_order():
    project = ProjectFactory()
    ana = UserFactory(role="annotator")
    done, skipped, started, todo = ArticleFactory.create_batch(4, project=project)
    assign(done, ana, "done")
    assign(skipped, ana, "skipped")
    assign(started, ana, "in_progress")
    assign(todo, ana, "todo")
    assign(ArticleFactory(), ana, "todo")  # another project's
    open_work = Assignment.objects.open_in(ana, project)
    assert [a.article_id for a in open_work] == [started.pk, todo.pk]
    assert Assignment.objects.next_open(ana, project).article_id == started.pk
    Assignment.objects.filter(article__in=[started, todo]).update(status="done")
    assert Assignment.objects.next_open(ana, project) is None


def test_with_next_open_gives_each_row_what_next_open_gives_its_annotator(world):
    ana, ben, _, _, _blind, _other, (a1, a2, b1) = world
    Assignment.objects.filter(annotator=ben, article=a1).update(status="done")
    rows = {
        (a.annotator_id, a.article_id): a.next_open_article_id
        for a in Assignment.objects.with_next_open()
    }
    assert rows == {
        (ana.pk, a1.pk): a1.pk,
        (ana.pk, b1.pk): b1.pk,
        (ben.pk, a1.pk): a2.pk,
        (ben.pk, a2.pk): a2.pk,
    }
    Assignment.objects.filter(annotator=ben).update(status="done")
    assert (
        Assignment.objects.with_next_open().get(annotator=ben, article=a2).next_open_article_id
        is None
    )


# Speakers


@pytest.fixture
def catalog():
    project = ProjectFactory()
    hakkinen = SpeakerFactory(project=project, name="Mika Häkkinen", description="driver")
    SpeakerAlias.objects.create(speaker=hakkinen, name="Häkkinen")
    SpeakerAlias.objects.create(speaker=hakkinen, name="Mika")
    strasse = SpeakerFactory(project=project, name="Anna Straße")
    plain = SpeakerFactory(project=project, name="Bob Plain")
    SpeakerFactory(name="Bob Plain")  # another project's namesake
    return project, hakkinen, strasse, plain


def test_matching_finds_a_speaker_by_name_or_alias_ignoring_ascii_case_once(catalog):
    project, hakkinen, _, plain = catalog
    SpeakerAlias.objects.create(speaker=plain, name="BOB PLAIN JR")
    SpeakerAlias.objects.create(speaker=plain, name="Bobby")
    speakers = Speaker.objects.filter(project=project)
    assert list(speakers.matching("bob plain")) == [plain]
    assert list(speakers.matching("BOBBY")) == [plain]
    assert list(speakers.matching("mika")) == [hakkinen]
    assert not speakers.matching("Bob").exists()


def test_catalog_lists_every_speaker_by_name_with_aliases_and_description(catalog):
    project, hakkinen, strasse, plain = catalog
    entries = Speaker.objects.filter(project=project).catalog()
    assert [e["id"] for e in entries] == [strasse.pk, plain.pk, hakkinen.pk]
    assert entries[2] == {
        "id": hakkinen.pk,
        "name": "Mika Häkkinen",
        "aliases": ["Häkkinen", "Mika"],
        "description": "driver",
    }
    assert entries[0]["aliases"] == []
    assert entries[1]["aliases"] == []


def test_catalog_of_no_speakers_is_empty():
    assert Speaker.objects.none().catalog() == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("MIKA HÄKKINEN", "Mika Häkkinen"),
        ("HÄKKINEN", "Mika Häkkinen"),
        ("anna strasse", "Anna Straße"),
        ("ANNA STRASSE", "Anna Straße"),
        ("bob plain", "Bob Plain"),
    ],
)
def test_casefold_match_folds_non_ascii_names_and_aliases(catalog, typed, expected):
    project = catalog[0]
    assert Speaker.objects.filter(project=project).casefold_match(typed).name == expected


def test_casefold_match_is_none_when_nothing_matches(catalog):
    assert Speaker.objects.filter(project=catalog[0]).casefold_match("Hakkinen") is None


def test_speaker_quote_counts_follow_what_the_user_may_count():
    project = ProjectFactory(blind=True)
    ana, ben = UserFactory(role="annotator"), UserFactory(role="annotator")
    rev = UserFactory(role="reviewer")
    speaker = SpeakerFactory(project=project)
    article = ArticleFactory(project=project)
    quote(article, ana, speaker=speaker)
    quote(article, ben, speaker=speaker)
    quote(article, rev, speaker=speaker, origin="gold")

    def count(user):
        return Speaker.objects.with_quote_counts(user).get(pk=speaker.pk).quote_count

    assert (count(ana), count(rev)) == (1, 3)
    Project.objects.filter(pk=project.pk).update(blind=False)
    assert count(ana) == 2


# Quotes


def test_quote_visibility_by_role(world):
    ana, ben, rev, res, _, _, (a1, a2, b1) = world
    own = quote(a1, ana)
    theirs = quote(a1, ben)
    gold = quote(a2, rev, origin="gold")
    elsewhere = quote(b1, ben)
    assert ids(Quote.objects.visible_to(ana)) == [own.pk]
    assert ids(Quote.objects.visible_to(rev)) == ids([own, theirs, gold])
    assert ids(Quote.objects.visible_to(res)) == ids([own, theirs, gold])
    staff = UserFactory(is_staff=True)
    assert ids(Quote.objects.visible_to(staff)) == ids([own, theirs, gold, elsewhere])
    assert ids(Quote.objects.gold()) == [gold.pk]
    assert gold.pk not in ids(Quote.objects.annotations())


def test_counted_for_gives_annotators_their_own_and_open_projects_quotes(world):
    ana, ben, rev, *_, (a1, _a2, b1) = world
    own = quote(a1, ana)
    blind_theirs = quote(a1, ben)
    open_theirs = quote(b1, ben)
    gold = quote(b1, rev, origin="gold")
    assert ids(Quote.objects.counted_for(ana)) == ids([own, open_theirs])
    assert ids(Quote.objects.counted_for(rev)) == ids([own, blind_theirs, open_theirs, gold])
    assert not Quote.objects.counted_for(AnonymousUser()).exists()


def test_suggestion_outcomes_count_each_origin_and_rejections(world):
    ana, ben, rev, _, blind, _, (a1, _a2, b1) = world
    quote(a1, ana, 0, 3, origin="suggested")
    quote(a1, ana, 4, 6, origin="accepted")
    quote(a1, ben, 0, 3, origin="suggested")
    quote(a1, ben, 4, 6, origin="corrected")
    quote(a1, ben, 7, 9)  # human: not a suggestion
    quote(b1, ana, 0, 3, origin="suggested")  # another project's
    RejectedSuggestion.objects.create(article=a1, annotator=ben, start=10, end=12)
    everyone = {"waiting": 2, "accepted": 1, "corrected": 1, "rejected": 1}
    assert Quote.objects.suggestion_outcomes(blind) == everyone
    assert Quote.objects.suggestion_outcomes(blind, rev) == everyone
    assert Quote.objects.suggestion_outcomes(blind, ana) == {
        "waiting": 1,
        "accepted": 1,
        "corrected": 0,
        "rejected": 0,
    }
    assert Quote.objects.suggestion_outcomes(blind, ben) == {
        "waiting": 1,
        "accepted": 0,
        "corrected": 1,
        "rejected": 1,
    }


def test_suggestion_outcomes_of_an_open_project_are_the_whole_teams_for_annotators(world):
    ana, ben, _, _, _, other, (_, _, b1) = world
    quote(b1, ben, 0, 3, origin="accepted")
    RejectedSuggestion.objects.create(article=b1, annotator=ben, start=4, end=6)
    assert Quote.objects.suggestion_outcomes(other, ana) == {
        "waiting": 0,
        "accepted": 1,
        "corrected": 0,
        "rejected": 1,
    }


def test_for_article_with_stances_reads_one_articles_quotes_with_speakers(world):
    ana, _, _, _, blind, _, (a1, a2, _) = world
    speaker = SpeakerFactory(project=blind)
    mine = quote(a1, ana, speaker=speaker)
    quote(a2, ana)
    got = list(Quote.objects.for_article(a1).with_stances())
    assert got == [mine]
    assert got[0].speaker == speaker


def test_anonymous_visitors_see_nothing_through_any_visible_to():
    from django.contrib.auth.models import AnonymousUser

    from articles.models import Article, Project, Quote

    QuoteFactory()
    anonymous = AnonymousUser()
    assert not Project.objects.visible_to(anonymous).exists()
    assert not Article.objects.visible_to(anonymous).exists()
    assert not Quote.objects.visible_to(anonymous).exists()
