"""Issue 15, bug 3, in the browser: a speaker keeps its colour when another joins the
article, and sixteen speakers all look different."""

import pytest
from playwright.sync_api import expect

from articles.models import Assignment
from tests.browser.actions import drag_select, log_in, saved
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    UserFactory,
)

SENTENCE = "Person {} says that the plan is good. "
TEXT = "".join(SENTENCE.format(n) for n in range(16))

LOOKS_JS = """() => Object.fromEntries([...document.querySelectorAll(".legend li")].map(
  (item) => [item.textContent.trim().replace(/\\s+\\d+$/, ""),
             item.querySelector(".swatch").className]))"""


@pytest.fixture
def desk(transactional_db):
    project = ProjectFactory(slug="desk", name="Desk")
    article = ArticleFactory(project=project, text=TEXT, title="Sixteen voices")
    annotator = UserFactory(username="annotator1", role="annotator")
    project.members.add(annotator)
    Assignment.objects.create(article=article, annotator=annotator)
    people = [SpeakerFactory(project=project, name=f"Person {n}") for n in range(16)]
    return {"article": article, "annotator": annotator, "people": people}


def quote(desk, n):
    start = TEXT.index(SENTENCE.format(n))
    QuoteFactory(
        article=desk["article"],
        annotator=desk["annotator"],
        start=start,
        end=start + len(SENTENCE.format(n)) - 1,
        speaker=desk["people"][n],
    )


def test_a_speaker_joining_earlier_in_the_text_moves_no_other_colour(page, desk):
    for n in (3, 4, 5):
        quote(desk, n)
    log_in(page)
    page.goto(f"/articles/{desk['article'].pk}/")
    expect(page.locator(".legend li")).to_have_count(3)
    before = page.evaluate(LOOKS_JS)
    highlight = page.locator("#article-text .q").first
    highlight_classes = highlight.get_attribute("class")

    drag_select(page, "Person 1 says that the plan is good.")
    page.keyboard.press("d")
    page.keyboard.press("s")
    page.keyboard.type("Person 1")
    page.keyboard.press("Enter")
    saved(page, lambda: page.keyboard.press("Enter"))

    expect(page.locator(".legend li")).to_have_count(4)
    after = page.evaluate(LOOKS_JS)
    assert {name: after[name] for name in before} == before
    assert len(set(after.values())) == 4
    # The highlight of Person 3 (now the second) wears what it wore.
    assert page.locator("#article-text .q").nth(1).get_attribute("class") == highlight_classes


def test_sixteen_speakers_wear_sixteen_different_looks(page, desk, artifacts):
    for n in range(16):
        quote(desk, n)
    log_in(page)
    page.goto(f"/articles/{desk['article'].pk}/")
    expect(page.locator(".legend li")).to_have_count(16)
    looks = page.evaluate(LOOKS_JS)
    assert len(set(looks.values())) == 16, looks
    page.screenshot(path=artifacts / "sixteen-speakers.png", full_page=True)
    # ... and they differ on screen: colour, stripes, underline or frame.
    drawn = page.evaluate(
        """() => [...document.querySelectorAll(".legend .swatch")].map((swatch) => {
          const style = getComputedStyle(swatch);
          return [style.backgroundColor, style.backgroundImage, style.borderBottomStyle,
                  style.boxShadow].join(" | ");
        })"""
    )
    assert len(set(drawn)) == 16, drawn
