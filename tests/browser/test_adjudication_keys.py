"""The adjudication board's keys in a real browser: `o` reopens a finished board, and the
gold form shows the span and cue it takes from a selection as words."""

import pytest
from playwright.sync_api import expect

from articles.models import Adjudication, Assignment, Quote
from articles.review import adjudication
from tests.browser.actions import drag_select, log_in, settled
from tests.factories import ArticleFactory, ProjectFactory, SpeakerFactory, UserFactory

PUTIN = "Russia will never accept a neighbour that hosts NATO troops."
HANSEN = (
    f"When Putin told us '{PUTIN}' we knew the talks were over before they had begun, "
    "and we told him that Oslo will decide."
)
TEXT = f"Foreign minister Eva Hansen came back from Moscow.\n\n“{HANSEN}” Hansen said.\n"


@pytest.fixture
def finished(transactional_db):
    project = ProjectFactory(slug="moscow", name="Moscow", annotators_per_article=2)
    article = ArticleFactory(project=project, text=TEXT, title="Moscow talks")
    people = [UserFactory(username=n, role="annotator") for n in ("annotator1", "annotator2")]
    reviewer = UserFactory(username="reviewer", role="reviewer")
    project.members.add(*people, reviewer)
    speakers = {
        name: SpeakerFactory(project=project, name=name) for name in ("Eva Hansen", "Putin")
    }
    for person, text, speaker in zip(people, (HANSEN, PUTIN), ("Eva Hansen", "Putin"), strict=True):
        Assignment.objects.create(article=article, annotator=person, status="done")
        start = TEXT.index(text)
        made = Quote.objects.create(
            article=article,
            annotator=person,
            start=start,
            end=start + len(text),
            text=text,
            kind="direct",
            speaker=speakers[speaker],
        )
        adjudication.take_version(article=article, reviewer=reviewer, quote_id=made.pk)
    adjudication.finish(article=article, reviewer=reviewer)
    return article


def test_o_reopens_a_finished_board_and_the_gold_form_shows_words(page, finished):
    log_in(page, "reviewer")
    page.goto(f"/articles/{finished.pk}/adjudicate/")
    # The nested quote has a group of its own: two groups, both in gold.
    expect(page.locator("#board .group")).to_have_count(2)
    expect(page.locator("#adjudication-status")).to_have_text("Adjudicated")
    with page.expect_response(lambda r: "/adjudicate/finish/" in r.url):
        page.keyboard.press("o")
    expect(page.locator("#adjudication-status")).to_have_text("In progress")
    expect(page.locator("#finish")).to_be_visible()
    settled(page)
    assert Adjudication.objects.get().status == "in_progress"

    page.keyboard.press("e")  # the first group's gold quote, Hansen's
    form = page.locator("#board .gold-form:not([hidden])")
    expect(form.locator("[data-field=span]")).to_have_text(f"“{HANSEN[:89]}…”")  # a preview
    expect(form.locator("[data-field=cue]")).to_have_text("none")
    drag_select(page, "said")
    page.keyboard.press("c")
    expect(form.locator("[data-field=cue]")).to_have_text("“said”")
    drag_select(page, PUTIN)
    page.keyboard.press("s")
    expect(form.locator("[data-field=span]")).to_have_text(f"“{PUTIN}”")
    assert page.console_errors == []
