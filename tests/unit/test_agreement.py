import json
import math
import random
from itertools import combinations
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from articles.agreement import (
    Annotation,
    align,
    cohen_kappa,
    krippendorff_alpha,
    match_spans,
    measure_agreement,
    same_quote,
    shares_half,
)
from articles.extraction.evaluation import overlaps

ROOT = Path(__file__).resolve().parents[2]


def seeded(seed):
    return random.Random(seed)  # noqa: S311 - reproducible test data, not secrets


def q(id, annotator, start, end, speaker="Tove Lindquist", kind="direct", **stances):
    return Annotation(id, annotator, start, end, speaker, kind, stances)


def spans(quotes):
    return [(x.start, x.end) for x in quotes]


def id_pairs(match):
    return [(x.id, y.id) for x, y in match.pairs]


# Matching


def test_overlap_needs_half_of_the_shorter_span():
    shorter = q(1, "ann1", 10, 20)
    assert shares_half(shorter, q(2, "ann2", 15, 60))  # shares 5 of 10: exactly half
    assert not shares_half(shorter, q(3, "ann2", 16, 60))  # shares 4 of 10
    odd = q(4, "ann1", 10, 19)  # 9 long: half is 4.5
    assert shares_half(odd, q(5, "ann2", 14, 40))  # shares 5
    assert not shares_half(odd, q(6, "ann2", 15, 40))  # shares 4
    assert not shares_half(q(7, "ann1", 0, 10), q(8, "ann2", 10, 20))  # touching, nothing shared


def test_agreement_and_extraction_evaluation_use_the_same_overlap_rule():
    # Each pure package keeps its own copy of the rule, as they import nothing of each other.
    bounds = [(s, e) for s in range(12) for e in range(s + 1, 13)]
    for (a_start, a_end), (b_start, b_end) in combinations(bounds, 2):
        x, y = q(1, "ann1", a_start, a_end), q(2, "ann2", b_start, b_end)
        assert shares_half(x, y) == overlaps(a_start, a_end, b_start, b_end)


def test_the_same_quote_shares_half_of_the_longer_span():
    longer = q(1, "ann1", 0, 20)
    assert same_quote(longer, q(2, "ann2", 10, 20))  # shares 10 of the longer 20
    assert not same_quote(longer, q(3, "ann2", 11, 20))  # 9 of 20, though all of the shorter
    odd = q(4, "ann1", 0, 19)  # 19 long: half is 9.5
    assert same_quote(odd, q(5, "ann2", 9, 25))  # shares 10
    assert not same_quote(odd, q(6, "ann2", 10, 25))  # shares 9
    assert same_quote(longer, q(7, "ann2", 2, 18, speaker="Someone Else"))  # speaker aside
    assert not same_quote(q(8, "ann1", 0, 10), q(9, "ann2", 10, 20))  # touching
    assert same_quote(longer, longer)


def test_a_short_quote_nested_in_a_long_one_is_its_own_quote():
    # A 60-character quote of Putin inside a 171-character quote of Hansen.
    hansen = q(1, "ann1", 100, 271, speaker="Hansen")
    putin = q(2, "ann2", 150, 210, speaker="Putin")
    assert shares_half(hansen, putin)  # the extraction evaluation's rule would pair them
    assert not same_quote(hansen, putin)
    assert [sorted(g.members) for g in align([hansen, putin])] == [["ann1"], ["ann2"]]
    assert match_spans([hansen], [putin]).pairs == []
    # Nesting, not the speaker, keeps them apart: the same speaker changes nothing.
    same_speaker = q(3, "ann2", 150, 210, speaker="Hansen")
    assert len(align([hansen, same_speaker])) == 2


def test_an_annotators_nested_pair_meets_the_closest_quote_of_another():
    outer, inner = q(1, "ann1", 0, 100), q(2, "ann1", 20, 70)
    other = q(3, "ann2", 18, 72)  # shares 54 with the outer quote, 50 with the inner one
    groups = align([outer, inner, other])
    assert [sorted(m.id for m in g.members.values()) for g in groups] == [[1], [2, 3]]
    assert id_pairs(match_spans([outer, inner], [other])) == [(2, 3)]


def test_agreement_is_stricter_than_the_extraction_evaluation_and_equal_on_equal_lengths():
    # The engine's evaluation keeps "half of the shorter span" (articles.extraction), the
    # annotators' quotes "half of the longer": every pair of ours is one of theirs.
    bounds = [(s, e) for s in range(12) for e in range(s + 1, 13)]
    for (a_start, a_end), (b_start, b_end) in combinations(bounds, 2):
        x, y = q(1, "ann1", a_start, a_end), q(2, "ann2", b_start, b_end)
        if same_quote(x, y):
            assert overlaps(a_start, a_end, b_start, b_end)
        if a_end - a_start == b_end - b_start:
            assert same_quote(x, y) == overlaps(a_start, a_end, b_start, b_end)


def test_exact_and_overlap_matching():
    a = [q(1, "ann1", 0, 10), q(2, "ann1", 20, 30), q(3, "ann1", 50, 60)]
    b = [q(11, "ann2", 0, 10), q(12, "ann2", 24, 32), q(13, "ann2", 54, 80)]
    exact = match_spans(a, b, "exact")
    assert id_pairs(exact) == [(1, 11)]
    assert [x.id for x in exact.unmatched_a] == [2, 3]
    assert [x.id for x in exact.unmatched_b] == [12, 13]
    overlap = match_spans(a, b, "overlap")
    # 24..30 is 6 of the longer 20..30; 54..60 is 6 of the shorter 50..60 but not of 54..80.
    assert id_pairs(overlap) == [(1, 11), (2, 12)]
    assert [x.id for x in overlap.unmatched_a] == [3]
    assert [x.id for x in overlap.unmatched_b] == [13]
    just_under = match_spans([q(1, "ann1", 20, 30)], [q(2, "ann2", 26, 40)])
    assert just_under.pairs == []
    assert [x.id for x in just_under.unmatched_a] == [1]


def test_matching_is_one_to_one_when_a_quote_overlaps_two():
    a = [q(1, "ann1", 0, 20), q(2, "ann1", 12, 22)]
    b = [q(11, "ann2", 0, 12), q(12, "ann2", 10, 20)]
    # 1 overlaps both 11 (12 shared) and 12 (10 shared); it takes 11, so 12 goes to 2.
    assert id_pairs(match_spans(a, b)) == [(1, 11), (2, 12)]
    lone = match_spans([q(1, "ann1", 0, 20)], b)
    assert id_pairs(lone) == [(1, 11)]
    assert [x.id for x in lone.unmatched_b] == [12]


def test_exact_match_wins_over_an_equal_overlap_and_ties_do_not_depend_on_order():
    a = [q(1, "ann1", 5, 25), q(2, "ann1", 10, 20)]
    b = [q(11, "ann2", 10, 20)]
    assert id_pairs(match_spans(a, b)) == [(2, 11)]
    assert id_pairs(match_spans(a[::-1], b)) == [(2, 11)]
    # Equal shares: the tighter union wins over the earlier start.
    tight = [q(13, "ann2", 0, 20), q(14, "ann2", 10, 25)]
    assert id_pairs(match_spans([q(5, "ann1", 10, 20)], tight)) == [(5, 14)]
    # Two equal candidates: the earlier one in the text is taken, whatever the input order.
    c = [q(3, "ann1", 0, 10), q(4, "ann1", 10, 20)]
    d = [q(12, "ann2", 5, 15)]
    assert id_pairs(match_spans(c, d)) == [(3, 12)]
    assert id_pairs(match_spans(c[::-1], d)) == [(3, 12)]
    assert [(y.id, x.id) for x, y in match_spans(d, c).pairs] == [(3, 12)]


def test_unknown_mode_and_bad_annotations_are_refused_naming_the_field():
    with pytest.raises(ValueError, match="mode"):
        match_spans([], [], "fuzzy")
    with pytest.raises(ValueError, match="start/end"):
        q(1, "ann1", 10, 10)
    with pytest.raises(ValueError, match="kind"):
        q(1, "ann1", 0, 10, kind="paraphrase")


def random_quotes(rng, annotators, count, length=300):
    made = []
    for name in annotators:
        for _ in range(count):
            start = rng.randrange(length - 5)
            made.append(
                q(
                    len(made) + 1,
                    name,
                    start,
                    min(length, start + rng.randint(1, 40)),
                    speaker=rng.choice(["A", "B", None]),
                    kind=rng.choice(["direct", "indirect"]),
                )
            )
    return made


def test_align_with_two_annotators_is_the_pairwise_overlap_matching():
    rng = seeded(6)
    for _ in range(200):
        quotes = random_quotes(rng, ["ann1", "ann2"], rng.randint(0, 12))
        a = [x for x in quotes if x.annotator == "ann1"]
        b = [x for x in quotes if x.annotator == "ann2"]
        groups = align(quotes)
        matched = {(x.id, y.id) for x, y in match_spans(a, b).pairs}
        assert {
            (g.members["ann1"].id, g.members["ann2"].id) for g in groups if len(g.members) == 2
        } == matched
        assert len(groups) == len(quotes) - len(matched)
        assert {(y.id, x.id) for x, y in match_spans(b, a).pairs} == matched
        # The report counts exact matches inside the overlap matching: they must agree.
        exact = [p for p in match_spans(a, b).pairs if spans(p[:1]) == spans(p[1:])]
        assert len(exact) == len(match_spans(a, b, "exact").pairs)


def test_align_groups_hold_one_quote_per_annotator_all_overlapping_in_text_order():
    rng = seeded(7)
    for _ in range(100):
        quotes = random_quotes(rng, ["ann1", "ann2", "ann3", "ann4"], rng.randint(1, 8))
        groups = align(quotes)
        assert sorted(m.id for g in groups for m in g.members.values()) == [x.id for x in quotes]
        for g in groups:
            assert all(m.annotator == name for name, m in g.members.items())
            assert all(same_quote(x, y) for x, y in combinations(g.members.values(), 2))
            assert g.start == min(m.start for m in g.members.values())
            assert g.end == max(m.end for m in g.members.values())
        assert [g.start for g in groups] == sorted(g.start for g in groups)
        shuffled = quotes[:]
        rng.shuffle(shuffled)
        assert align(shuffled) == groups


def test_three_annotators_grouped_with_their_disagreements():
    everyone = ["ann1", "ann2", "ann3"]
    quotes = [
        q(1, "ann1", 0, 40, wind="favor"),
        q(2, "ann2", 0, 40, wind="favor"),
        q(3, "ann3", 0, 40, wind="favor"),
        q(4, "ann1", 50, 90, speaker="Kari Holm"),
        q(5, "ann2", 52, 90, speaker="Kari Holm"),
        q(6, "ann3", 50, 90, speaker="Kari Holm"),
        q(7, "ann1", 100, 140),
        q(8, "ann2", 100, 140, speaker=None),
        q(9, "ann1", 150, 190, kind="indirect"),
        q(10, "ann2", 150, 190, kind="mixed", wind="against"),
        q(11, "ann3", 150, 190, kind="mixed"),
    ]
    groups = align(quotes[::-1])
    assert [(g.start, g.end, sorted(m.id for m in g.members.values())) for g in groups] == [
        (0, 40, [1, 2, 3]),
        (50, 90, [4, 5, 6]),
        (100, 140, [7, 8]),
        (150, 190, [9, 10, 11]),
    ]
    assert list(groups[0].members) == everyone
    assert [g.disagreements(everyone) for g in groups] == [
        set(),
        {"span"},
        {"span", "speaker"},  # ann3 lacks it; a speaker against no speaker
        {"kind", "stance"},
    ]
    # Only the annotators asked about can lack a quote.
    assert groups[2].disagreements(["ann1", "ann2"]) == {"speaker"}


def test_a_chain_of_half_overlaps_is_not_one_quote():
    quotes = [q(1, "ann1", 0, 10), q(2, "ann2", 4, 14), q(3, "ann3", 9, 19)]
    # 1~2 share 6, 2~3 share 5, but 1 and 3 share 1: 1 and 2 (the larger overlap) go together.
    groups = align(quotes)
    assert [sorted(m.id for m in g.members.values()) for g in groups] == [[1, 2], [3]]


# Coefficients


def test_cohen_kappa_textbook_table():
    # 50 items: both yes 20, a yes b no 5, a no b yes 10, both no 15: po .7, pe .5, kappa .4.
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert cohen_kappa([("yes", "no"), ("no", "yes")]) == -1.0
    assert cohen_kappa([("a", "a"), ("b", "b"), (None, None)]) == 1.0


def test_cohen_kappa_undefined_cases():
    assert cohen_kappa([]) is None
    # One label throughout on both sides: expected agreement is 1 and so is observed.
    assert cohen_kappa([("favor", "favor")] * 3) == 1.0
    assert cohen_kappa([(None, None)]) == 1.0


def test_krippendorff_alpha_on_krippendorffs_own_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 coders × 12 units.
    n = None
    rows = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    units = [
        {coder: row[u] for coder, row in enumerate(rows) if row[u] is not None} for u in range(12)
    ]
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=5e-4)


def test_krippendorff_alpha_matches_the_krippendorff_package():
    rng = seeded(11)
    for _ in range(8):
        coders, count, categories = rng.randint(2, 5), rng.randint(5, 40), rng.randint(2, 5)
        matrix = [
            [rng.randrange(categories) if rng.random() > 0.25 else math.nan for _ in range(count)]
            for _ in range(coders)
        ]
        units = [
            {c: matrix[c][u] for c in range(coders) if not math.isnan(matrix[c][u])}
            for u in range(count)
        ]
        expected = krippendorff.alpha(
            reliability_data=np.array(matrix, dtype=float), level_of_measurement="nominal"
        )
        assert krippendorff_alpha(units) == pytest.approx(expected, abs=1e-9)


def test_krippendorff_alpha_undefined_cases_and_none_as_a_category():
    assert krippendorff_alpha([]) is None
    assert krippendorff_alpha([{"ann1": "favor"}, {"ann2": "against"}]) is None
    assert krippendorff_alpha([{"ann1": "x", "ann2": "x"}, {"ann1": "x", "ann3": "x"}]) == 1.0
    # None is "no speaker", a value like any other; a missing coder is simply absent.
    assert krippendorff_alpha([{"a": None, "b": None}, {"a": "X", "b": "X"}]) == 1.0
    assert krippendorff_alpha([{"a": None, "b": "X"}, {"a": "X", "b": None}]) < 0


# The report


def three_annotator_article():
    return [
        q(1, "ann1", 0, 10, speaker="X", wind="favor"),
        q(2, "ann1", 20, 30, speaker="Y", kind="indirect"),
        q(3, "ann2", 0, 10, speaker="X", wind="favor"),
        q(4, "ann2", 22, 30, speaker="Z", kind="indirect", wind="against"),
        q(5, "ann3", 0, 10, speaker="X", kind="mixed"),
    ]


def test_report_hand_computed_on_three_annotators():
    report = measure_agreement({"a1": three_annotator_article()}, targets=["rail"])
    assert report.annotators == ("ann1", "ann2", "ann3")
    assert report.targets == ("rail", "wind")

    one_two, one_three, two_three = report.pairs
    assert (one_two.annotator_a, one_two.annotator_b, one_two.articles) == ("ann1", "ann2", 1)
    assert (one_two.exact.matched, one_two.exact.f1) == (1, 0.5)
    assert (one_two.overlap.matched, one_two.overlap.f1) == (2, 1.0)
    assert (one_two.speaker_agreement.value, one_two.speaker_agreement.n) == (0.5, 2)
    assert one_two.speaker_kappa.value == pytest.approx(1 / 3)  # X,Y against X,Z
    assert one_two.kind_kappa.value == 1.0
    # wind: (favor, favor) and (none, against)
    assert one_two.stance_kappa["wind"].value == pytest.approx(1 / 3)
    assert one_two.stance_kappa["wind"].n == 2
    assert (one_two.stance_kappa["rail"].value, one_two.stance_kappa["rail"].n) == (None, 0)

    assert (one_three.overlap.precision, one_three.overlap.recall) == (1.0, 0.5)
    assert one_three.overlap.f1 == pytest.approx(2 / 3)
    assert one_three.speaker_kappa.value == 1.0  # X against X only
    assert one_three.kind_kappa.value == 0.0  # direct against mixed
    assert (one_three.stance_kappa["wind"].value, one_three.stance_kappa["wind"].n) == (0.0, 1)
    assert two_three.overlap.f1 == pytest.approx(2 / 3)

    # Micro-averaged over the pairs: exact 3 of a 6, b 4; overlap 4.
    assert (report.exact.precision, report.exact.recall, report.exact.f1) == (0.75, 0.5, 0.6)
    assert report.overlap.precision == 1.0
    assert report.overlap.recall == pytest.approx(4 / 6)
    assert report.overlap.f1 == pytest.approx(0.8)
    assert (report.speaker_agreement.value, report.speaker_agreement.n) == (0.75, 4)

    # Groups {1,3,5} and {2,4}; alphas worked out by hand from the coincidences.
    assert (report.kind_alpha.value, report.kind_alpha.n) == (0.5, 2)
    assert report.speaker_alpha.value == pytest.approx(1 - 8 / 14)
    assert report.span_alpha.value == pytest.approx(0.0)
    assert report.stance_alpha["wind"].value == pytest.approx(0.0)
    assert (report.stance_alpha["rail"].value, report.stance_alpha["rail"].n) == (None, 0)

    (article,) = report.per_article
    assert (article.groups, article.disputed_groups, article.quotes) == (2, 2, 5)
    assert article.overlap_f1.value == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert article.overlap_f1.n == 3
    assert [(a.annotator, a.quotes, a.articles) for a in report.per_annotator] == [
        ("ann1", 2, 1),
        ("ann2", 2, 1),
        ("ann3", 1, 1),
    ]
    assert [round(a.overlap_f1.value, 4) for a in report.per_annotator] == [
        0.8333,
        0.8333,
        0.6667,
    ]


def test_report_alphas_agree_with_the_krippendorff_package():
    report = measure_agreement({"a1": three_annotator_article()})
    # Units are the groups {1,3,5} and {2,4}; coders ann1..ann3; codes stand for labels.
    nan = math.nan
    speaker = [[0, 1], [0, 2], [0, nan]]  # X, Y / X, Z / X, -
    span = [[1, 1], [1, 1], [1, 0]]
    for data, figure in ((speaker, report.speaker_alpha), (span, report.span_alpha)):
        expected = krippendorff.alpha(
            reliability_data=np.array(data, dtype=float), level_of_measurement="nominal"
        )
        assert figure.value == pytest.approx(expected)


def test_an_assigned_annotator_with_no_quotes_lowers_recall():
    articles = {
        1: [q(1, "ann1", 0, 10), q(2, "ann1", 20, 30), q(3, "ann2", 0, 10), q(4, "ann2", 20, 30)],
        2: [q(5, "ann1", 0, 10), q(6, "ann1", 20, 30)],
    }
    unassigned = measure_agreement(articles)
    assert (unassigned.overlap.recall, unassigned.pairs[0].articles) == (1.0, 1)

    report = measure_agreement(articles, {1: ["ann1", "ann2"], 2: ["ann1", "ann2"]})
    (pair,) = report.pairs
    assert (pair.articles, pair.overlap.matched, pair.overlap.quotes_a) == (2, 2, 4)
    assert (pair.overlap.precision, pair.overlap.recall) == (1.0, 0.5)
    assert pair.overlap.f1 == pytest.approx(4 / 6)
    assert [(a.article, a.overlap_f1.value, a.disputed_groups) for a in report.per_article] == [
        (1, 1.0, 0),
        (2, 0.0, 2),
    ]
    assert [(a.annotator, a.articles, a.quotes) for a in report.per_annotator] == [
        ("ann1", 2, 4),
        ("ann2", 2, 2),
    ]
    # Four groups, each coded 1/0 for both annotators.
    assert report.span_alpha.n == 4


def test_per_article_dispute_counts_for_the_most_disputed_list():
    articles = {
        "calm": [q(1, "ann1", 0, 10), q(2, "ann2", 0, 10)],
        "stormy": [
            q(3, "ann1", 0, 10, speaker="X"),
            q(4, "ann2", 0, 10, speaker="Y"),
            q(5, "ann1", 20, 30),
            q(6, "ann2", 40, 50),
            q(7, "ann1", 60, 70, wind="favor"),
            q(8, "ann2", 60, 70),
        ],
    }
    report = measure_agreement(articles)
    assert [(a.article, a.groups, a.disputed_groups) for a in report.per_article] == [
        ("calm", 1, 0),
        ("stormy", 4, 4),
    ]


def test_figures_are_none_where_there_is_nothing_to_compute():
    empty = measure_agreement({})
    assert (empty.articles, empty.pairs, empty.per_article) == (0, [], [])
    assert empty.overlap.f1 is empty.exact.precision is empty.span_alpha.value is None
    assert empty.speaker_agreement.value is empty.kind_alpha.value is None

    solo = measure_agreement({7: [q(1, "ann1", 0, 10)]})
    assert solo.pairs == []
    assert (solo.per_article[0].overlap_f1.value, solo.per_article[0].overlap_f1.n) == (None, 0)
    assert solo.per_annotator[0].overlap_f1.value is None
    assert solo.span_alpha.value is None

    # Assigned, nobody found a quote: the pair is there, with nothing to score.
    quiet = measure_agreement({}, {3: ["ann1", "ann2"]})
    (pair,) = quiet.pairs
    assert (quiet.articles, pair.articles, pair.overlap.f1, pair.speaker_kappa.value) == (
        1,
        1,
        None,
        None,
    )
    disjoint = measure_agreement({1: [q(1, "ann1", 0, 10), q(2, "ann2", 30, 40)]})
    assert disjoint.pairs[0].overlap.f1 == 0.0
    assert disjoint.pairs[0].speaker_agreement.value is None
    assert disjoint.speaker_alpha.value is None


def test_as_dict_is_plain_json_in_a_stable_order():
    report = measure_agreement({"a1": three_annotator_article(), 2: []}, {2: ["ann1"]})
    figures = report.as_dict()
    assert json.loads(json.dumps(figures, allow_nan=False)) == figures
    assert list(figures) == [
        "articles",
        "quotes",
        "annotators",
        "targets",
        "span",
        "speaker",
        "kind",
        "stance",
        "pairs",
        "per_annotator",
        "per_article",
    ]
    assert figures["span"]["overlap"] == {
        "precision": 1.0,
        "recall": 0.6667,
        "f1": 0.8,
        "matched": 4,
        "quotes_a": 6,
        "quotes_b": 4,
    }
    assert figures["speaker"] == {
        "agreement": {"value": 0.75, "n": 4},
        "alpha": {"value": 0.4286, "n": 2},
    }
    assert figures["stance"] == {"wind": {"alpha": {"value": 0.0, "n": 2}}}
    assert figures["pairs"][0]["annotators"] == ["ann1", "ann2"]
    assert figures["pairs"][0]["stance"]["wind"]["kappa"] == {"value": 0.3333, "n": 2}
    assert figures["per_article"][1] == {
        "article": 2,
        "annotators": ["ann1"],
        "quotes": 0,
        "groups": 0,
        "disputed_groups": 0,
        "overlap_f1": {"value": None, "n": 0},
    }
    # The order of the quotes in the input changes nothing.
    shuffled = {"a1": three_annotator_article()[::-1], 2: []}
    assert measure_agreement(shuffled, {2: ["ann1"]}).as_dict() == figures
