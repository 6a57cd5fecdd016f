"""``articles.review.adjudication`` against the real database: the board read model, every
write, the refusals (``AdjudicationError``) and the rule that adjudication starts only
once every annotator still on the article is done."""

from types import SimpleNamespace

import pytest

from articles.models import Adjudication, Assignment, Quote
from articles.review import adjudication
from articles.review.adjudication import AdjudicationError
from articles.types import QuoteInput
from tests.factories import (
    ArticleFactory,
    UserFactory,
)
from tests.scenes import quote, team_scene

pytestmark = pytest.mark.django_db

BRIDGE = "We will build the bridge next year"
BUDGET = "The budget cannot carry it"
NOBODY = "Nobody asked us"
TEXT = (
    f"– {BRIDGE}, says mayor Anne Lie.\n\n"
    f"– {BUDGET}, says councillor Per Dahl.\n\n"
    f"– {NOBODY}, says a resident at the meeting.\n"
)


def span(text, fragment, kind="indirect", **fields):
    start = text.index(fragment)
    return QuoteInput(start=start, end=start + len(fragment), text=fragment, kind=kind, **fields)


@pytest.fixture
def bridge():
    """ana and ben (done) agree on BRIDGE, disagree on BUDGET's speaker; only ana marked
    NOBODY. cid handed the article on (skipped)."""
    scene = team_scene(
        text=TEXT,
        annotators=("ana", "ben", "cid"),
        statuses={"ben": "done", "ana": "done", "cid": "skipped"},
        speakers=("Anne Lie", "Per Dahl"),
        targets=("Bridge",),
    )
    article, (ana, ben, cid) = scene.article, scene.annotators
    lie, dahl = scene.speakers.values()
    road = scene.targets["Bridge"]
    q = SimpleNamespace(
        ana_bridge=quote(article, ana, BRIDGE, speaker=lie, stances={road: "favor"}),
        ben_bridge=quote(article, ben, BRIDGE, speaker=lie, stances={road: "favor"}),
        ana_budget=quote(article, ana, BUDGET, speaker=dahl, stances={road: "against"}),
        ben_budget=quote(article, ben, BUDGET, speaker=lie),
        ana_nobody=quote(article, ana, NOBODY),
        cid_nobody=quote(article, cid, NOBODY),  # skipped: not on the board
    )
    return SimpleNamespace(
        project=scene.project,
        article=article,
        ana=ana,
        ben=ben,
        cid=cid,
        rev=scene.reviewer,
        road=road,
        lie=lie,
        dahl=dahl,
        q=q,
    )


def groups(board):
    return [[v.id if v else None for v in g.versions] for g in board.groups]


def gold_texts(article):
    return sorted(Quote.objects.gold().filter(article=article).values_list("text", flat=True))


# build_board


def test_the_board_lists_active_annotators_by_name_and_leaves_skipped_work_out(bridge):
    board = adjudication.build_board(bridge.article)
    q = bridge.q
    assert [a.username for a in board.annotators] == ["ana", "ben"]
    assert board.statuses == {"ana": "done", "ben": "done"}
    assert groups(board) == [
        [q.ana_bridge.pk, q.ben_bridge.pk],
        [q.ana_budget.pk, q.ben_budget.pk],
        [q.ana_nobody.pk, None],
    ]
    assert [g.disagreements for g in board.groups][:2] == [[], ["speaker", "stance"]]
    assert (board.undecided, board.done, board.adjudication) == (3, False, None)


def test_the_board_attaches_gold_to_the_group_it_was_taken_from(bridge):
    gold = adjudication.take_version(
        article=bridge.article, reviewer=bridge.rev, quote_id=bridge.q.ben_budget.pk
    )
    board = adjudication.build_board(bridge.article)
    budget = board.groups[1]
    assert (budget.gold.id, budget.decided, budget.taken_from) == (gold.pk, True, 1)
    assert board.undecided == 2
    assert board.extra_gold == []


# the start rule


@pytest.mark.parametrize("status", ["todo", "in_progress"])
def test_adjudication_is_refused_until_every_active_annotator_is_done(bridge, status):
    Assignment.objects.filter(annotator=bridge.ben).update(status=status)
    with pytest.raises(AdjudicationError, match="ben has not finished this article yet"):
        adjudication.take_version(
            article=bridge.article, reviewer=bridge.rev, quote_id=bridge.q.ana_bridge.pk
        )
    assert not Adjudication.objects.exists()
    assert not Quote.objects.gold().exists()


def test_the_refusal_names_everyone_still_working(bridge):
    Assignment.objects.filter(annotator__in=[bridge.ana, bridge.ben]).update(status="todo")
    with pytest.raises(AdjudicationError, match="ana, ben have not finished"):
        adjudication.add_gold(
            article=bridge.article, reviewer=bridge.rev, data=span(TEXT, "says mayor Anne Lie")
        )


def test_a_skipped_annotator_does_not_hold_adjudication_back(bridge):
    adjudication.take_unanimous(article=bridge.article, reviewer=bridge.rev)
    started = Adjudication.objects.get(article=bridge.article)
    assert (started.status, started.reviewer) == ("in_progress", bridge.rev)


# take, drop, reset


def test_take_version_copies_span_speaker_kind_stances_and_source(bridge):
    q = bridge.q
    gold = adjudication.take_version(
        article=bridge.article, reviewer=bridge.rev, quote_id=q.ana_budget.pk
    )
    assert (gold.text, gold.origin, gold.source_id, gold.annotator) == (
        BUDGET,
        "gold",
        q.ana_budget.pk,
        bridge.rev,
    )
    assert gold.speaker_id == bridge.dahl.pk
    assert list(gold.stances.values_list("target", "label")) == [(bridge.road.pk, "against")]


def test_take_version_replaces_the_groups_gold(bridge):
    q, article, rev = bridge.q, bridge.article, bridge.rev
    first = adjudication.take_version(article=article, reviewer=rev, quote_id=q.ana_budget.pk)
    second = adjudication.take_version(article=article, reviewer=rev, quote_id=q.ben_budget.pk)
    assert list(Quote.objects.gold().values_list("pk", flat=True)) == [second.pk]
    assert not Quote.objects.filter(pk=first.pk).exists()
    assert adjudication.build_board(article).groups[1].taken_from == 1


def test_take_version_refuses_a_quote_not_on_the_board(bridge):
    for stranger in (bridge.q.cid_nobody.pk, 10**9):
        with pytest.raises(AdjudicationError, match=f"quote: no quote {stranger}"):
            adjudication.take_version(
                article=bridge.article, reviewer=bridge.rev, quote_id=stranger
            )
    assert not Quote.objects.gold().exists()


def test_drop_group_decides_it_without_gold_and_removes_gold_taken_before(bridge):
    q, article, rev = bridge.q, bridge.article, bridge.rev
    adjudication.take_version(article=article, reviewer=rev, quote_id=q.ana_budget.pk)
    adjudication.drop_group(article=article, reviewer=rev, quote_id=q.ben_budget.pk)
    budget = adjudication.build_board(article).groups[1]
    assert (budget.dropped, budget.gold, budget.decided) == (True, None, True)
    assert not Quote.objects.gold().exists()
    assert set(Adjudication.objects.get().dropped.values_list("pk", flat=True)) == {
        q.ana_budget.pk,
        q.ben_budget.pk,
    }


def test_reset_group_makes_a_dropped_or_taken_group_undecided_again(bridge):
    q, article, rev = bridge.q, bridge.article, bridge.rev
    adjudication.drop_group(article=article, reviewer=rev, quote_id=q.ana_nobody.pk)
    adjudication.take_version(article=article, reviewer=rev, quote_id=q.ana_bridge.pk)
    adjudication.reset_group(article=article, reviewer=rev, quote_id=q.ana_nobody.pk)
    adjudication.reset_group(article=article, reviewer=rev, quote_id=q.ben_bridge.pk)
    board = adjudication.build_board(article)
    assert board.undecided == 3
    assert not Quote.objects.gold().exists()
    assert not board.adjudication.dropped.exists()


def test_take_unanimous_takes_only_groups_everyone_agrees_on(bridge):
    taken = adjudication.take_unanimous(article=bridge.article, reviewer=bridge.rev)
    assert taken == 1
    assert gold_texts(bridge.article) == [BRIDGE]
    # Again: the agreed group is decided, nothing more to take.
    assert adjudication.take_unanimous(article=bridge.article, reviewer=bridge.rev) == 0


def test_take_unanimous_takes_nothing_from_a_single_annotator():
    scene = team_scene(text=TEXT, annotators=("ana",))
    quote(scene.article, scene.person("ana"), BRIDGE)
    assert adjudication.take_unanimous(article=scene.article, reviewer=scene.reviewer) == 0
    assert not Quote.objects.gold().exists()


# gold added, edited, removed by hand


def test_add_gold_adds_a_quote_nobody_marked_outside_every_group(bridge):
    gold = adjudication.add_gold(
        article=bridge.article,
        reviewer=bridge.rev,
        data=span(TEXT, "says a resident", speaker=bridge.lie),
    )
    assert (gold.origin, gold.source_id, gold.annotator, gold.speaker) == (
        "gold",
        None,
        bridge.rev,
        bridge.lie,
    )
    board = adjudication.build_board(bridge.article)
    assert [row.id for row in board.extra_gold] == [gold.pk]
    assert board.undecided == 3


def test_add_gold_on_a_groups_span_decides_that_group(bridge):
    gold = adjudication.add_gold(
        article=bridge.article, reviewer=bridge.rev, data=span(TEXT, NOBODY)
    )
    assert adjudication.build_board(bridge.article).groups[2].gold.id == gold.pk


def test_add_gold_refuses_a_span_the_gold_set_already_has(bridge):
    adjudication.take_version(
        article=bridge.article, reviewer=bridge.rev, quote_id=bridge.q.ana_bridge.pk
    )
    with pytest.raises(AdjudicationError, match="start: the gold set already has a quote"):
        adjudication.add_gold(article=bridge.article, reviewer=bridge.rev, data=span(TEXT, BRIDGE))
    assert Quote.objects.gold().count() == 1


def test_edit_gold_changes_the_quote_under_its_version(bridge):
    gold = adjudication.take_version(
        article=bridge.article, reviewer=bridge.rev, quote_id=bridge.q.ana_budget.pk
    )
    edited = adjudication.edit_gold(
        article=bridge.article,
        reviewer=bridge.rev,
        quote=gold,
        version=gold.version,
        data=span(TEXT, "The budget cannot", kind="mixed", speaker=bridge.lie),
    )
    gold.refresh_from_db()
    assert (gold.text, gold.kind, gold.speaker, gold.version) == (
        "The budget cannot",
        "mixed",
        bridge.lie,
        edited.version,
    )
    assert not gold.stances.exists()


def test_edit_gold_keeping_its_own_span_is_not_a_clash(bridge):
    gold = adjudication.take_version(
        article=bridge.article, reviewer=bridge.rev, quote_id=bridge.q.ana_bridge.pk
    )
    adjudication.edit_gold(
        article=bridge.article,
        reviewer=bridge.rev,
        quote=gold,
        version=gold.version,
        data=span(TEXT, BRIDGE, kind="indirect"),
    )
    gold.refresh_from_db()
    assert gold.kind == "indirect"


def test_edit_gold_refuses_the_span_of_another_gold_quote(bridge):
    article, rev, q = bridge.article, bridge.rev, bridge.q
    adjudication.take_version(article=article, reviewer=rev, quote_id=q.ana_bridge.pk)
    gold = adjudication.take_version(article=article, reviewer=rev, quote_id=q.ana_budget.pk)
    with pytest.raises(AdjudicationError, match="start: the gold set already has a quote"):
        adjudication.edit_gold(
            article=article,
            reviewer=rev,
            quote=gold,
            version=gold.version,
            data=span(TEXT, BRIDGE),
        )
    gold.refresh_from_db()
    assert gold.text == BUDGET


def test_edit_and_remove_gold_refuse_an_annotators_quote_or_anothers_articles_gold(bridge):
    own = bridge.q.ana_bridge
    elsewhere = ArticleFactory(project=bridge.project, text=TEXT + "Later.\n")
    foreign = quote(elsewhere, bridge.rev, BRIDGE)
    Quote.objects.filter(pk=foreign.pk).update(origin="gold")
    foreign.refresh_from_db()
    for stranger in (own, foreign):
        with pytest.raises(AdjudicationError, match=f"quote: {stranger.pk} is not a gold quote"):
            adjudication.remove_gold(
                article=bridge.article, reviewer=bridge.rev, quote=stranger, version=1
            )
        with pytest.raises(AdjudicationError, match="is not a gold quote"):
            adjudication.edit_gold(
                article=bridge.article,
                reviewer=bridge.rev,
                quote=stranger,
                version=1,
                data=span(TEXT, BRIDGE),
            )
    assert Quote.objects.filter(pk__in=[own.pk, foreign.pk]).count() == 2


def test_remove_gold_takes_the_quote_out_and_reopens_its_group(bridge):
    gold = adjudication.take_version(
        article=bridge.article, reviewer=bridge.rev, quote_id=bridge.q.ana_bridge.pk
    )
    adjudication.remove_gold(
        article=bridge.article, reviewer=bridge.rev, quote=gold, version=gold.version
    )
    assert not Quote.objects.gold().exists()
    assert not adjudication.build_board(bridge.article).groups[0].decided


# finish and reopen


def decide_all(bridge):
    q, article, rev = bridge.q, bridge.article, bridge.rev
    adjudication.take_unanimous(article=article, reviewer=rev)
    adjudication.take_version(article=article, reviewer=rev, quote_id=q.ben_budget.pk)
    adjudication.drop_group(article=article, reviewer=rev, quote_id=q.ana_nobody.pk)


def test_finish_refuses_while_groups_are_undecided(bridge):
    adjudication.take_unanimous(article=bridge.article, reviewer=bridge.rev)
    with pytest.raises(AdjudicationError, match="2 groups still undecided"):
        adjudication.finish(article=bridge.article, reviewer=bridge.rev)
    assert Adjudication.objects.get().status == "in_progress"


def test_finish_marks_the_article_adjudicated_by_the_finishing_reviewer(bridge):
    decide_all(bridge)
    other = UserFactory(role="reviewer")
    done = adjudication.finish(article=bridge.article, reviewer=other)
    done.refresh_from_db()
    assert (done.status, done.reviewer, done.finished_at is not None) == ("done", other, True)
    assert adjudication.build_board(bridge.article).done


def test_a_finished_gold_set_refuses_every_write(bridge):
    decide_all(bridge)
    adjudication.finish(article=bridge.article, reviewer=bridge.rev)
    gold = Quote.objects.gold().first()
    article, rev, q = bridge.article, bridge.rev, bridge.q
    writes = [
        lambda: adjudication.take_version(article=article, reviewer=rev, quote_id=q.ana_budget.pk),
        lambda: adjudication.drop_group(article=article, reviewer=rev, quote_id=q.ana_bridge.pk),
        lambda: adjudication.reset_group(article=article, reviewer=rev, quote_id=q.ana_bridge.pk),
        lambda: adjudication.take_unanimous(article=article, reviewer=rev),
        lambda: adjudication.add_gold(article=article, reviewer=rev, data=span(TEXT, "says a")),
        lambda: adjudication.edit_gold(
            article=article,
            reviewer=rev,
            quote=gold,
            version=gold.version,
            data=span(TEXT, gold.text),
        ),
        lambda: adjudication.remove_gold(
            article=article, reviewer=rev, quote=gold, version=gold.version
        ),
        lambda: adjudication.finish(article=article, reviewer=rev),
    ]
    before = gold_texts(article)
    for write in writes:
        with pytest.raises(AdjudicationError, match="reopen it to change the gold set"):
            write()
    assert gold_texts(article) == before == sorted([BRIDGE, BUDGET])


def test_reopen_refuses_an_article_that_is_not_adjudicated(bridge):
    with pytest.raises(AdjudicationError, match="status: this article is not adjudicated"):
        adjudication.reopen(article=bridge.article, reviewer=bridge.rev)
    adjudication.take_unanimous(article=bridge.article, reviewer=bridge.rev)
    with pytest.raises(AdjudicationError, match="status: this article is not adjudicated"):
        adjudication.reopen(article=bridge.article, reviewer=bridge.rev)


def test_reopen_keeps_the_gold_set_and_lets_the_new_reviewer_change_it(bridge):
    decide_all(bridge)
    adjudication.finish(article=bridge.article, reviewer=bridge.rev)
    other = UserFactory(role="reviewer")
    reopened = adjudication.reopen(article=bridge.article, reviewer=other)
    reopened.refresh_from_db()
    assert (reopened.status, reopened.reviewer, reopened.finished_at) == (
        "in_progress",
        other,
        None,
    )
    assert gold_texts(bridge.article) == sorted([BRIDGE, BUDGET])
    adjudication.reset_group(
        article=bridge.article, reviewer=other, quote_id=bridge.q.ana_nobody.pk
    )
    assert adjudication.build_board(bridge.article).undecided == 1
