"""The speaker catalog in a real browser: a reviewer opens it from the dashboard, finds
the engine's misspelled proposal, confirms the right entry, merges the misspelling into
it, and sees a refused merge explained on the row."""

import pytest
from playwright.sync_api import expect

from articles.models import Quote, Speaker
from tests.browser.actions import log_in, settled
from tests.factories import SpeakerFactory
from tests.scenes import quote, team_scene

TEXT = "– The quay is crumbling, says NUPI researcher Jakub Godzimirksi."


@pytest.fixture
def catalog(transactional_db):
    made = team_scene(
        text=TEXT,
        slug="harbour",
        name="Harbour",
        annotators=("annotator1",),
        reviewers=("reviewer",),
        speakers=("Jakub Godzimirski",),
    )
    article = made.project.articles.get()
    made.misspelled = SpeakerFactory(project=made.project, name="Jakub Godzimirksi", proposed=True)
    quote(article, made.annotators[0], "The quay is crumbling", speaker=made.misspelled)
    Speaker.objects.filter(pk=made.speakers["Jakub Godzimirski"].pk).update(proposed=True)
    return made


def row(page, name):
    return page.locator("tr[data-testid=speaker]", has=page.locator(f"strong:text-is('{name}')"))


def test_a_reviewer_confirms_and_merges_from_the_page(page, catalog):
    log_in(page, "reviewer")
    page.goto("/projects/harbour/dashboard/")
    page.click("text=Speakers")
    expect(page.locator("#speaker-total")).to_have_text("2 speakers")

    page.fill("input[name=q]", "godzimirski")
    page.keyboard.press("Enter")
    expect(page.locator("#speaker-total")).to_have_text("1 speaker")
    settled(page)
    right = row(page, "Jakub Godzimirski")
    right.locator("button:text('Confirm Jakub Godzimirski')").click()
    expect(page.locator(".messages")).to_contain_text("Confirmed Jakub Godzimirski.")
    assert not Speaker.objects.get(name="Jakub Godzimirski").proposed

    page.fill("input[name=q]", "")
    page.keyboard.press("Enter")
    expect(page.locator("#speaker-total")).to_have_text("2 speakers")
    settled(page)
    wrong = row(page, "Jakub Godzimirksi")
    wrong.locator("summary").click()
    wrong.locator("input[name=into]").fill("Nobody Here")
    wrong.locator("button:text('Merge')").click()
    refused = row(page, "Jakub Godzimirksi")
    expect(refused.locator(".error")).to_contain_text("No speaker of this project is called")
    expect(refused.locator("input[name=into]")).to_have_value("Nobody Here")

    refused.locator("input[name=into]").fill("Jakub Godzimirski")
    refused.locator("button:text('Merge')").click()
    expect(page.locator(".messages")).to_contain_text(
        "Merged Jakub Godzimirksi into Jakub Godzimirski."
    )
    expect(page.locator("#speaker-total")).to_have_text("1 speaker")
    expect(row(page, "Jakub Godzimirski")).to_contain_text("Jakub Godzimirksi")  # an alias now
    assert Quote.objects.get().speaker.name == "Jakub Godzimirski"
