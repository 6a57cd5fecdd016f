"""Issue 15, bug 3: a speaker keeps its colour in the workspace when others are added,
and sixteen speakers on one article never share a colour and pattern."""

import re

import pytest
from django.urls import reverse

from articles.models import Assignment
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LEGEND_ITEM = re.compile(r'<li><span class="swatch ([^"]+)"></span>([^<]+) <span')
SENTENCE = "Speaker {} says a thing. "


@pytest.fixture
def desk(client):
    project = ProjectFactory(slug="desk")
    text = "".join(SENTENCE.format(n) for n in range(20))
    article = ArticleFactory(project=project, text=text)
    annotator = UserFactory(username="ann", role="annotator")
    project.members.add(annotator)
    Assignment.objects.create(article=article, annotator=annotator)
    client.force_login(annotator)
    return {"project": project, "article": article, "annotator": annotator, "client": client}


def quote_by(desk, speaker, sentence: int):
    text = desk["article"].text
    start = text.index(SENTENCE.format(sentence))
    QuoteFactory(
        article=desk["article"],
        annotator=desk["annotator"],
        start=start,
        end=start + len(SENTENCE.format(sentence)) - 1,
        speaker=speaker,
    )


def colours(desk) -> dict[str, str]:
    """Speaker name -> the classes of its swatch in the workspace legend."""
    page = desk["client"].get(reverse("articles:article", args=[desk["article"].pk]))
    assert page.status_code == 200
    return {name.strip(): classes for classes, name in LEGEND_ITEM.findall(page.content.decode())}


def test_adding_a_speaker_earlier_in_the_text_changes_no_other_colour(desk):
    people = [SpeakerFactory(project=desk["project"], name=f"Person {n}") for n in range(4)]
    for sentence, person in zip((5, 6, 7), people[1:], strict=True):
        quote_by(desk, person, sentence)
    before = colours(desk)
    assert len(before) == 3

    quote_by(desk, people[0], 1)  # the new speaker comes first in the text
    after = colours(desk)

    assert {name: after[name] for name in before} == before
    assert len(set(after.values())) == 4


def test_sixteen_speakers_get_sixteen_distinct_colour_and_pattern_pairs(desk):
    for n in range(16):
        quote_by(desk, SpeakerFactory(project=desk["project"], name=f"Person {n}"), n)
    shown = colours(desk)
    assert len(shown) == 16
    assert len(set(shown.values())) == 16, shown


def test_the_highlight_says_whose_quote_it_is(desk):
    quote_by(desk, SpeakerFactory(project=desk["project"], name="Eva <Hansen>"), 2)
    page = desk["client"].get(reverse("articles:article", args=[desk["article"].pk]))
    html = page.content.decode()
    assert '<mark><span class="visually-hidden">Quote by Eva &lt;Hansen&gt;: </span>' in html
