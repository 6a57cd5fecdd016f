"""Corpus figures against values worked out by hand."""

import pytest

from articles.analysis.figures import corpus_figures


def small_corpus():
    # Five articles: quotes 3, 1, 2 in three of them, none in two (6 quotes).
    # Speakers: A 3, B 1, unnamed 2 -> 4 named quotes.
    return corpus_figures(
        articles=5, quotes_per_article=[3, 1, 2], quotes_per_speaker={"A": 3, "B": 1, None: 2}
    )


def test_quotes_per_article_count_the_articles_without_quotes():
    figures = small_corpus()
    assert figures["quotes"].value == 6
    assert figures["quotes_per_article"].value == pytest.approx(6 / 5)
    # 0, 0, 1, 2, 3 -> the middle one is 1.
    assert figures["median_quotes_per_article"].value == 1.0
    assert figures["articles_with_quotes"].value == pytest.approx(3 / 5)
    assert figures["articles_with_quotes"].n == 5


def test_unnamed_share_is_of_all_quotes():
    figures = small_corpus()
    assert figures["unnamed_share"].value == pytest.approx(2 / 6)
    assert figures["unnamed_share"].n == 6


def test_concentration_of_named_voices():
    figures = small_corpus()
    assert figures["speakers"].value == 2
    assert [(s.speaker, s.quotes, s.share) for s in figures.top_speakers] == [
        ("A", 3, 0.75),
        ("B", 1, 0.25),
    ]
    assert figures["half_of_quotes"].value == 1  # A alone holds 3 of 4
    # (3/4)^2 + (1/4)^2 = 10/16
    assert figures["hhi"].value == pytest.approx(0.625)
    assert figures["top_share"].value == 1.0


def test_an_even_number_of_articles_takes_the_mean_of_the_middle_two():
    figures = corpus_figures(articles=4, quotes_per_article=[5, 1], quotes_per_speaker={})
    assert figures["median_quotes_per_article"].value == 0.5  # 0, 0 | 1, 5 -> (0 + 1) / 2


def test_an_empty_project_has_no_shares_rather_than_a_division_by_zero():
    figures = corpus_figures(articles=0, quotes_per_article=[], quotes_per_speaker={})
    assert figures["quotes_per_article"].value is None
    assert figures["unnamed_share"].value is None
    assert figures["hhi"].value is None
    assert figures.top_speakers == []


def test_top_speakers_are_cut_at_the_limit_and_ties_ordered_by_key():
    per_speaker = {f"s{n:02}": 1 for n in range(12)}
    figures = corpus_figures(
        articles=12, quotes_per_article=[1] * 12, quotes_per_speaker=per_speaker, top=10
    )
    assert [s.speaker for s in figures.top_speakers] == [f"s{n:02}" for n in range(10)]
    assert figures["top_share"].value == pytest.approx(10 / 12)
    assert figures["half_of_quotes"].value == 6


def test_more_articles_with_quotes_than_articles_is_refused():
    with pytest.raises(ValueError, match="more articles with quotes"):
        corpus_figures(articles=1, quotes_per_article=[1, 1], quotes_per_speaker={})
