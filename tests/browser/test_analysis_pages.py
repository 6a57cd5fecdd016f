"""A reviewer reads the corpus in the browser: the figures, the most quoted speaker's
page and their entry on the Speakers page, a target's stances, and a quote search whose
results download as JSONL (issue 21). The download links once went through htmx's
boost, which fetched the file into the page instead of saving it."""

import json
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from tests.browser.actions import log_in
from tests.scenes import quote, team_scene

FERRY = "– We favour the new ferry, says Berg. Nobody else spoke at the meeting on Monday."
TOLL = "– The toll is a waste, says Lund. Berg said the toll would pay for the ferry."


@pytest.fixture
def world(transactional_db):
    scene = team_scene(speakers=("Lund", "Berg"), targets=("Ferry",), slug="harbour")
    ana, ben = scene.annotators
    lund, berg, ferry = scene.speakers["Lund"], scene.speakers["Berg"], scene.targets["Ferry"]
    one = scene.add_article(text=FERRY, title="Ferry")
    two = scene.add_article(text=TOLL, title="Toll")
    two.outlet, two.published_at = "Fjordposten", datetime(2026, 3, 20, tzinfo=UTC)
    two.save(update_fields=["outlet", "published_at"])
    for person in (ana, ben):
        quote(one, person, "We favour the new ferry", speaker=berg, stances={ferry: "favor"})
    quote(two, ana, "The toll is a waste", speaker=lund, stances={ferry: "against"})
    quote(two, ana, "the toll would pay for the ferry", kind="indirect", speaker=berg)
    return scene


def test_a_reviewer_reads_the_corpus_and_downloads_a_search(page, world):
    log_in(page, "rev")
    page.goto("/projects/harbour/analysis/")
    expect(page.locator("#figure-quotes td.number").first).to_have_text("4")
    with page.expect_download() as download:  # a link, not boosted: a file
        page.click("#figures-csv")
    assert "quotes,4,2,articles" in download.value.path().read_text().splitlines()
    page.locator("#top-speakers").get_by_role("link", name="Berg").click()

    expect(page.locator("h1")).to_have_text("Berg")
    expect(page.locator("#counts-title")).to_have_text("3 quotes")
    expect(page.locator("#speaker-quotes li")).to_have_count(3)
    page.click("#catalog-entry")
    expect(page).to_have_url("/projects/harbour/catalog/?q=Berg", ignore_case=False)
    expect(page.get_by_text("Berg").first).to_be_visible()

    page.goto("/projects/harbour/analysis/")
    page.locator("#target-links").get_by_role("link", name="Ferry").click()
    expect(page.locator("h1")).to_have_text("Stances on Ferry")
    expect(page.locator("#by-label")).to_contain_text("favor")
    expect(page.locator("#target-quotes li")).to_have_count(3)

    page.goto("/projects/harbour/analysis/")
    page.get_by_role("link", name="Search the quotes").click()
    page.fill("#id_q", "toll")
    page.click("#quote-search-form button[type=submit]")
    expect(page.locator("[data-testid=found-quote]")).to_have_count(2)
    with page.expect_download() as download:
        page.locator("#quote-downloads").get_by_role("link", name="JSONL").click()
    lines = [json.loads(line) for line in download.value.path().read_text().splitlines()]
    (record,) = lines[:-1]
    assert record["title"] == "Toll"
    assert sorted(q["text"] for q in record["quotes"]) == [
        "The toll is a waste",
        "the toll would pay for the ferry",
    ]
    assert lines[-1]["_export"]["quotes"] == 2
    assert page.console_errors == []
